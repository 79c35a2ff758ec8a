"""Questions "Who called X a “label”?": a short quoted label that a named speaker applied to
something ("called the mayor “the architect of this crisis”"), with speakers who never used it as wrong answers."""
from __future__ import annotations

import hashlib
from collections import Counter

from quizapp.generators.model import Evidence, Question, Story
from quizapp.generators.reading.speakers import (
    Label, Speaker, distractor_speakers, name_as_printed, naming, story_speech,
)
from quizapp.generators.writing.outlets import names_list
from quizapp.generators.reading.text import contains_word, fold, wording_overlap, words

KIND = "label_attribution"
SKILL = "attribution"

MAX_QUESTIONS = 8
MIN_DISTRACTORS = 2  # a two-way choice is a coin toss; ask only with three or more names
MAX_DISTRACTORS = 3
MAX_EVIDENCE = 2
FRAGMENT_OVERLAP = 0.6  # share of a shorter label repeated in a longer one: the same label


def _label_key(label: Label) -> tuple[str, str]:
    return " ".join(words(label.quote.text)), label.target_key


def _groups(story: Story) -> list[list[Label]]:
    """Label facts with the same words, kept for the thing most often labelled with them (one
    outlet's "Hrast" and another's "the energy minister" make one question, not two)."""
    by_words: dict[str, list[Label]] = {}
    for label in story_speech(story).labels:
        by_words.setdefault(_label_key(label)[0], []).append(label)
    groups = []
    for facts in by_words.values():
        counts = Counter(label.target_key for label in facts)
        target = max(counts, key=lambda t: (counts[t], -[l.target_key for l in facts].index(t)))
        groups.append([label for label in facts if label.target_key == target])
    return groups


def _chosen(story: Story) -> list[list[Label]]:
    """For each speaker and thing labelled, the one label most outlets carry (then the longest):
    three labels for one dismissal would be one lesson asked three times."""
    carried = {}
    for group in _groups(story):
        text = group[0].quote.text
        carried[_label_key(group[0])] = sum(contains_word(a.text, text) for a in story.articles)
    best: dict[tuple[frozenset[str], str], list[Label]] = {}
    for group in _groups(story):
        who = frozenset(label.speaker.key for label in group)
        slot = (who, group[0].target_key)
        rank = (-carried[_label_key(group[0])], -len(group[0].quote.text), _label_key(group[0]))
        current = best.get(slot)
        if current is None or rank < (-carried[_label_key(current[0])], -len(current[0].quote.text),
                                      _label_key(current[0])):
            best[slot] = group
    order = {a.id: i for i, a in enumerate(story.articles)}
    ranked = sorted(best.values(), key=lambda g: (-carried[_label_key(g[0])], _label_key(g[0])))
    # "a reckless gamble" and "a reckless gamble with our economy" from one speaker: ask once.
    kept: list[list[Label]] = []
    for group in ranked:
        who = {label.speaker.key for label in group}
        if not any(who == {label.speaker.key for label in other}
                   and wording_overlap(group[0].quote.text, other[0].quote.text) >= FRAGMENT_OVERLAP
                   for other in kept):
            kept.append(group)
    return sorted(kept, key=lambda g: (min(order[l.article] for l in g), _label_key(g[0])))


def _question(story: Story, group: list[Label]) -> Question | None:
    speech = story_speech(story)
    order = {a.id: i for i, a in enumerate(story.articles)}
    group = sorted(group, key=lambda l: (order[l.article], l.start))
    first = group[0]
    text = first.quote.text
    keys: dict[str, Speaker] = {label.speaker.key: label.speaker for label in group}
    # Nobody else may have applied these words to anything, anywhere in the story.
    others = {label.speaker.key for label in speech.labels
              if " ".join(words(label.quote.text)) == " ".join(words(text))}
    targets = " ".join(label.target for label in speech.labels
                       if " ".join(words(label.quote.text)) == " ".join(words(text)))
    pool = [s for s in distractor_speakers(story, speech, set(keys), text, avoid=targets)
            if s.key not in others]
    distractors = sorted(pool, key=lambda s: hashlib.sha1(f"{text}\x1f{s.key}".encode()).hexdigest())
    distractors = sorted(distractors, key=lambda s: s.key not in speech.quoted)[:MAX_DISTRACTORS]
    if len(distractors) < MIN_DISTRACTORS:
        return None
    evidence: list[Evidence] = []
    right_names: dict[str, str] = {}
    crediting: list[str] = []  # ids of the articles whose passages credit the label
    for label in group:
        article = story.article(label.article)
        if text not in article.text[label.start:label.end]:
            continue
        # Shown with the speaker's full name, one spelling per question: an outlet that spells
        # the name differently from the first one is left out of the evidence.
        named = naming(story, article.id, label.speaker, label.spans)
        if named is None or right_names.get(label.speaker.key, named.name) != named.name:
            continue
        shown = {e.article for e in evidence}
        if label.speaker.key in right_names and article.id in shown:
            continue  # already proven from this article
        if len(shown | {a for a, _, _ in named.passages}) > MAX_EVIDENCE:
            continue
        right_names[label.speaker.key] = named.name
        crediting.append(article.id)
        passages = [Evidence(a, story.article(a).text[start:end]) for a, start, end in named.passages]
        evidence.extend(p for p in passages if p not in evidence)
    if set(right_names) != set(keys):
        return None  # some key is not proven by a passage that names it
    right = sorted(right_names.values(), key=fold)
    printed = story.article(crediting[0]).text
    choices = sorted({*right, *(name_as_printed(s, printed) for s in distractors)}, key=fold)
    if len(choices) != len(right) + len(distractors):
        return None
    shown = f"{first.determiner} \u201c{text}\u201d" if first.determiner else f"\u201c{text}\u201d"
    prompt = f"Who called {first.target} {shown}?"
    if len(right) > 1:
        prompt += " Choose all that apply."
    sources = sorted({story.article(a).outlet.strip() for a in crediting} - {""})
    where = names_list(sources) if sources else "The article"
    who = " and ".join(right)
    explanation = (f"{where} credit{'s' if len(sources) <= 1 else ''} the label \u201c{text}\u201d to "
                   f"{who}. A label in quotation marks is someone's judgement, not the outlet's: "
                   f"find who applied it before weighing it.")
    return Question(KIND, SKILL, prompt, tuple(choices), tuple(choices.index(r) for r in right),
                    explanation, tuple(evidence))


def generate(story: Story) -> list[Question]:
    questions = []
    for group in _chosen(story):
        question = _question(story, group)
        if question is not None:
            questions.append(question)
        if len(questions) >= MAX_QUESTIONS:
            break
    return questions
