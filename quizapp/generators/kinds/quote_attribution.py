"""Questions "Who said “...”?": a quotation of three or more words that the text ties to one
named speaker, with other speakers of the story as wrong answers."""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
from functools import lru_cache

from quizapp.generators.reading.details import detail_words, number_words, role_words
from quizapp.generators.model import Evidence, Question, Story
from quizapp.generators.reading.speakers import (
    Attribution, Speaker, distractor_speakers, name_as_printed, naming, speaks_for, story_speech,
)
from quizapp.generators.reading.text import fold, word_set, wording_overlap, words

KIND = "quote_attribution"
SKILL = "attribution"

MIN_WORDS = 3
MAX_PROMPT_WORDS = 20  # longer quotes are shown as an excerpt of their first words
EXCERPT_WORDS = 12
MAX_QUESTIONS = 8
MIN_DISTRACTORS = 2  # a two-way choice is a coin toss; ask only with three or more names
MAX_DISTRACTORS = 3
RENDERING_SIMILARITY = 0.4  # word-sequence ratio above which two quotes render one statement
FRAGMENT_OVERLAP = 0.6  # share of a shorter quote found in a longer one: a fragment of it
MIN_STATEMENT_WORDS = 3  # words besides numbers, units and qualifiers that make a quoted figure a statement


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Words that write a number: spelled numbers and scales ("forty", "thousand", "million")."""
    found: set[str] = set(detail_words("scale"))
    for n in range(1001):
        for spelled in number_words(str(n)):
            found.update(w for w in re.split(r"[\s\-]+", spelled) if w != "and")
    return frozenset(found)


@lru_cache(maxsize=1)
def _sizing_words() -> frozenset[str]:
    """Words that only size a figure beside its number: units and qualifiers ("up to", "per cent")."""
    return frozenset(w for role in ("unit", "qualifier") for entry in detail_words(role) for w in entry.split())


def _is_number(word: str) -> bool:
    return bool(re.search(r"\d", word)) or word in _number_words()


def _is_quoted_figure(text: str) -> bool:
    """A quotation that is mostly a figure ("up to 870,000 patients"): a number with fewer than
    three other words, which quotes a count, not a statement anyone can be asked about."""
    found = words(text)
    if not any(_is_number(w) for w in found):
        return False
    rest = [w for w in found if not _is_number(w) and w not in _sizing_words() and w != "and"]
    return len(rest) < MIN_STATEMENT_WORDS


def _quote_key(text: str) -> str:
    return " ".join(words(text))


def _distinctiveness(text: str) -> float:
    """More different meaningful words make a quote worth asking about; very long ones tire."""
    found = words(text)
    content = {w for w in found if len(w) > 2 and w not in word_set("function_words")}
    return min(len(content), 14) - max(0, len(found) - 30) * 0.25


def _excerpt(text: str) -> tuple[str, bool]:
    """The quote as the prompt shows it, and whether that is only its opening words."""
    flat = " ".join(text.split())
    found = flat.split(" ")
    if len(words(flat)) <= MAX_PROMPT_WORDS:
        return flat, False
    return " ".join(found[:EXCERPT_WORDS]).rstrip(",;:.\u2014-"), True


def _is_label(story: Story, key: str, speaker: Speaker) -> bool:
    """Whether the quote is, or mostly repeats, a label this speaker applied: those are asked
    by label_attribution."""
    return any(label.speaker.key == speaker.key and wording_overlap(label.quote.text, key) >= FRAGMENT_OVERLAP
               for label in story_speech(story).labels)


def _candidates(story: Story) -> list[tuple[float, str, Speaker, Attribution]]:
    speech = story_speech(story)
    groups: dict[str, list[Attribution]] = {}
    for attribution in speech.attributions:
        if attribution.quote.word_count >= MIN_WORDS and not _is_quoted_figure(attribution.quote.text):
            groups.setdefault(_quote_key(attribution.quote.text), []).append(attribution)
    order = {a.id: i for i, a in enumerate(story.articles)}
    found = []
    for key, group in groups.items():
        speakers = {a.speaker.key for a in group if a.speaker is not None}
        if len(speakers) != 1:
            continue  # nobody, or several people, credited with these words
        tied = [a for a in group if a.speaker is not None]
        if _is_label(story, key, tied[0].speaker):
            continue
        best = min(tied, key=lambda a: (a.end - a.start, order[a.article], a.start))
        found.append((_distinctiveness(best.quote.text), key, best.speaker, best))
    return found


def _spread(found: list[tuple[float, str, Speaker, Attribution]]) -> list[tuple[str, Speaker, Attribution]]:
    """The most distinctive quotes, taking speakers in turn so one voice does not fill the quiz."""
    by_speaker: dict[str, list] = {}
    for score, key, speaker, attribution in sorted(found, key=lambda f: (-f[0], f[1])):
        by_speaker.setdefault(speaker.key, []).append((key, speaker, attribution))
    queues = sorted(by_speaker.values(), key=lambda q: (-len(q), q[0][1].key))
    picked: list[tuple[str, Speaker, Attribution]] = []
    while any(queues) and len(picked) < MAX_QUESTIONS:
        for queue in queues:
            # One speaker's statement rendered two ways by two outlets is asked about once.
            while queue and any(_same_statement(queue[0], p) for p in picked):
                queue.pop(0)
            if queue and len(picked) < MAX_QUESTIONS:
                picked.append(queue.pop(0))
    return picked


def _same_statement(a: tuple[str, Speaker, Attribution], b: tuple[str, Speaker, Attribution]) -> bool:
    """One speaker's words asked about twice: two renderings of one statement, a fragment of a
    longer quote, or two fragments of one sentence."""
    if a[1].key != b[1].key:
        return False
    same_sentence = a[2].article == b[2].article and a[2].quote_sentence == b[2].quote_sentence
    return (same_sentence or wording_overlap(a[0], b[0]) >= FRAGMENT_OVERLAP
            or difflib.SequenceMatcher(None, a[0].split(), b[0].split(), autojunk=False).ratio()
            >= RENDERING_SIMILARITY)


def _may_speak_for_one_another(story: Story, key: Speaker, other: Speaker) -> bool:
    """Whether `other` may speak for the keyed speaker or the keyed speaker for `other`, so the
    wrong choice would not be plainly wrong: an article describes one as "<role> of/at/for" the
    other (a body the story took for a person is read as the body its name says), or one is an
    organisation and the other a person given only a bare role ("chief executive", "spokeswoman")
    that may well be that organisation's."""
    key_read, other_read = _as_read(key), _as_read(other)
    if speaks_for(story, other_read, key_read) or speaks_for(story, key_read, other_read):
        return True
    return any(_is_organisation(body) and person.kind == "person" and not _is_organisation(person)
               and bool(person.roles) and _bare_roles(person) and not _speaks_for_a_body(story, person)
               for body, person in ((key, other), (other, key)))


def _speaks_for_a_body(story: Story, person: Speaker) -> bool:
    """Whether the story ties the person to some organisation by name ("<Name> of <Body>"),
    which tells a reader whose role it is."""
    speech = story_speech(story)
    bodies = [_as_read(speech.speaker(k)) for k in sorted({*speech.quoted, *speech.speaking})]
    return any(speaks_for(story, person, body) for body in bodies if body.kind == "organisation")


def _as_read(speaker: Speaker) -> Speaker:
    """The speaker as an organisation when its name ends in an institution word ("... Health
    Service", "... Network") although the story took it for a person."""
    if speaker.kind == "person" and _is_organisation(speaker):
        return dataclasses.replace(speaker, kind="organisation")
    return speaker


def _is_organisation(speaker: Speaker) -> bool:
    last = speaker.name.split()[-1] if speaker.name.split() else ""
    return speaker.kind == "organisation" or fold(last) in word_set("organisation_words")


def _bare_roles(speaker: Speaker) -> bool:
    """Every role phrase the story gives the person is role words alone, naming no body."""
    return all(all(fold(w).strip(".,") in role_words() or w[:1].islower() for w in title.split())
               for title in speaker.titles)


def _shuffled(items: list[Speaker], seed: str) -> list[Speaker]:
    return sorted(items, key=lambda s: hashlib.sha1(f"{seed}\x1f{s.key}".encode()).hexdigest())


def _question(story: Story, key: str, speaker: Speaker, attribution: Attribution) -> Question | None:
    speech = story_speech(story)
    article = story.article(attribution.article)
    quote = attribution.quote.text
    # The evidence must show the whole quote and the speaker's full name: a bare "Lee said"
    # does not tell a student who Lee is.
    if quote not in article.text[attribution.start:attribution.end]:
        return None
    named = naming(story, article.id, speaker, attribution.spans)
    if named is None:
        return None
    pool = [s for s in distractor_speakers(story, speech, {speaker.key}, quote)
            if not _may_speak_for_one_another(story, speaker, s)]
    quoted = [s for s in pool if s.key in speech.quoted]
    others = [s for s in pool if s.key not in speech.quoted]
    distractors = (_shuffled(quoted, key) + _shuffled(others, key))[:MAX_DISTRACTORS]
    if len(distractors) < MIN_DISTRACTORS:
        return None
    right = named.name
    choices = sorted({right, *(name_as_printed(s, article.text) for s in distractors)}, key=fold)
    if len(choices) != len(distractors) + 1:
        return None
    shown, partial = _excerpt(quote)
    prompt = (f"Who said the words that begin \u201c{shown}\u2026\u201d?" if partial
              else f"Who said \u201c{shown}\u201d?")
    source = article.outlet.strip() or "The article"
    if named.elsewhere:
        other = story.article(named.elsewhere).outlet.strip() or "another article"
        tie = f"names the speaker of these words only in part; {other} gives the full name, {right}"
    else:
        tie = f"ties these words to {right}"
    explanation = (f"{source} {tie}. A story quotes several people side by side, so check "
                   f"whose name the attribution (\u201csaid\u201d, \u201ctold\u201d, a role or pronoun) "
                   f"points to before repeating a quote.")
    evidence = tuple(Evidence(a, story.article(a).text[start:end]) for a, start, end in named.passages)
    return Question(KIND, SKILL, prompt, tuple(choices), (choices.index(right),), explanation, evidence)


def generate(story: Story) -> list[Question]:
    questions = []
    for key, speaker, attribution in _spread(_candidates(story)):
        question = _question(story, key, speaker, attribution)
        if question is not None:
            questions.append(question)
    return questions
