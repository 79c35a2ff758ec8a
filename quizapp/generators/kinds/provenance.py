"""Provenance: which outlets carry the same text, which copy credits its source and which does
not, and where a copy changes what the text says. Keyed by the text the outlets share, measured
sentence by sentence; a wrong choice is an outlet whose text, in the parts shown, shares no run of
sentences with it (comparing the texts we have is the proof here, not a credit or its absence)."""
from __future__ import annotations

import re

from quizapp.generators.model import Question
from quizapp.generators.reading.credits import Credit, names_source
from quizapp.generators.reading.provenance import (
    CLOSE,
    EDITED,
    WORD_FOR_WORD,
    AlignedSentences,
    SharedText,
    copy_groups,
)
from quizapp.generators.reading.text import fold, quotations
from quizapp.generators.writing.choices import (
    MAX_CHOICES,
    choose_all,
    names_list,
    question,
)

KIND = "provenance"
MAX_QUESTIONS = 5
CLOSE_COPY = (WORD_FOR_WORD, EDITED)
QUOTE_WORDS = 15  # words in a row another outlet must repeat of a credited sentence
PHRASE_WORDS = 3  # words each side of a change shown in a choice

_INNER = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019", '"': "\u2019"})


def _quoted(text: str, limit: int = 25) -> str:
    words = text.split()
    cut = " ".join(words[:limit]) + ("\u2026" if len(words) > limit else "")
    cut = re.sub(r"(^|[\s(\[])\u2019", "\\1\u2018", cut.translate(_INNER))
    return "\u201c" + cut + "\u201d"

def possessive(name: str) -> str:
    """"CBS 17’s", "Reuters’", and for a label with a bracket its name alone ("The Frontier
    Post (Reuters)" -> "The Frontier Post’s")."""
    name = re.sub(r"\s*\([^()]*\)$", "", name)
    return name + ("\u2019" if name.endswith("s") else "\u2019s")



class _Story:
    """What the provenance questions of one story read: labels, credits and shared texts."""

    def __init__(self, model) -> None:
        self.model = model
        self.labels = {o.article: o.label for o in model.outlets}
        self.shared = model.shared_texts
        self.credits = [c for c in model.credits if c.named and c.source]

    def pair(self, x: str, y: str) -> SharedText | None:
        for text in self.shared:
            if {text.a, text.b} == {x, y}:
                return text
        return None

    def copies(self, article: str) -> list[str]:
        """Articles whose text is `article`'s, word for word or lightly edited."""
        return [t.other(article) for t in self.shared
                if article in (t.a, t.b) and t.how in CLOSE_COPY
                and t.other(article) in self.labels]

    def apart(self, article: str, others: list[str]) -> bool:
        """`article`'s text shares no run of sentences with any of `others`: at most one sentence
        that a reworder could have shared, and none close to word for word."""
        for other in others:
            text = self.pair(article, other)
            if text is None:
                continue
            told = text.narration
            if len(told) > 1 or any(p.similarity >= CLOSE for p in told):
                return False
        return True

    def wrong_outlets(self, group: list[str], limit: int) -> list[str]:
        return [a for a in self.labels if a not in group and self.apart(a, group)][:limit]

    def complete(self, article: str) -> bool:
        return self.model.article(article).complete

    def whole_credit(self, article: str) -> Credit | None:
        return next((c for c in self.credits if c.article == article and c.whole
                     and c.passage is not None and c.how != "reporting by"), None)

    def credits_source(self, article: str, source: str) -> Credit | None:
        return next((c for c in self.credits if c.article == article and c.source == source
                     and c.passage is not None), None)

    def finished(self, article: str, passage) -> bool:
        sentence = self.model.article(article).sentence_at(passage.start)
        return sentence is not None and sentence.finished and sentence.role != "caption"

    def examples(self, text: SharedText, limit: int = 2) -> list[AlignedSentences]:
        """The clearest shared sentences of two texts: finished, told in the outlet's words."""
        usable = [p for p in text.narration
                  if self.finished(text.a, p.a) and self.finished(text.b, p.b)]
        return sorted(usable, key=lambda p: (-p.similarity, p.a.start))[:limit]

    def shown(self, articles: list[str]) -> str:
        """What a comparison of texts, or a credit not found, is true of: the texts we have,
        which may be cut off however they end."""
        return " (in the texts shown)"


def _twins(first: str, second: str, a, b) -> str:
    if a.text == b.text:
        return f"{first} and {second} both print {_quoted(a.text)}"[:-0 or None] + "."
    return (f"{first} prints {_quoted(a.text)} and {second} {_quoted(b.text)}, almost word for "
            f"word.")


# --- the same text ----------------------------------------------------------------------------


def _same_text(story: _Story, anchor: str) -> Question | None:
    keys = story.copies(anchor)
    if not keys:
        return None
    group = [anchor, *keys]
    wrong = story.wrong_outlets(group, MAX_CHOICES - len(keys))
    if len(wrong) < 2:
        return None
    label = story.labels[anchor]
    evidence, shown_pairs = [], []
    for key in keys:
        text = story.pair(anchor, key)
        example = story.examples(text, 1)
        if not example:
            return None
        evidence += [text.side(anchor, example[0]), text.side(key, example[0])]
        shown_pairs.append((key, example[0], text))
    shown = story.shown(group + wrong)
    many = len(keys) > 1
    whose = "outlets\u2019 texts are" if many else "outlet\u2019s text is"
    prompt = (f"Which {whose} the same as {possessive(label)}, almost word for word{shown}?"
              f"{choose_all(len(keys))}")
    explanation = " ".join(_twins(label, story.labels[key], text.side(anchor, example),
                                  text.side(key, example)) for key, example, text in shown_pairs)
    explanation += (f" {names_list([story.labels[w] for w in wrong])} tell the story in their "
                    f"own words: no run of their sentences matches {possessive(label)}{shown}. Two "
                    f"outlets printing one text are one source, not two.")
    return question(KIND, prompt, [story.labels[k] for k in keys],
                    [story.labels[w] for w in wrong], explanation, evidence)


# --- which copy credits its source ------------------------------------------------------------


def _uncredited_copies(story: _Story, anchor: str) -> Question | None:
    """The agency's text carried with and without its name: a copy that names the source is a
    wrong choice proven by its credit, one that shares no text by the measure."""
    credit = story.whole_credit(anchor)
    if credit is None or not credit.agency:
        return None
    copies = story.copies(anchor)
    text_of = {a: story.model.article(a).text for a in copies}
    keys = [a for a in copies if story.credits_source(a, credit.source) is None
            and not names_source(text_of[a], credit.source)]
    crediting = [a for a in copies if story.credits_source(a, credit.source) is not None]
    if not keys:
        return None
    wrong = crediting[:2]
    wrong += story.wrong_outlets([anchor, *copies], MAX_CHOICES - len(keys) - len(wrong))
    if len(wrong) < 2:
        return None
    label, source = story.labels[anchor], credit.source
    shown = story.shown(keys)
    evidence = [credit.passage]
    for key in keys:
        example = story.examples(story.pair(anchor, key), 1)
        if not example:
            return None
        evidence.append(story.pair(anchor, key).side(key, example[0]))
    for other in crediting[:2]:
        evidence.append(story.credits_source(other, source).passage)
    many = len(keys) > 1
    prompt = (f"{label} credits its whole article to a news agency, in its {credit.how}. Which "
              f"outlet{'s' if many else ''} carr{'y' if many else 'ies'} the same text without "
              f"naming that agency{shown}?{choose_all(len(keys))}")
    line = _quoted(credit.passage.text, 8)
    explanation = (f"{possessive(label)} {credit.how} credits {source} ({line})."
                   f" {names_list([story.labels[k] for k in keys])} print{'' if many else 's'} "
                   f"the same sentences without naming {source}{shown}; their readers cannot "
                   f"tell whose reporting it is.")
    if crediting:
        explanation += (f" {names_list([story.labels[c] for c in crediting[:2]])} carr"
                        f"{'y' if len(crediting[:2]) > 1 else 'ies'} the same text and "
                        f"name{'' if len(crediting[:2]) > 1 else 's'} {source}.")
    rest = [w for w in wrong if w not in crediting]
    if rest:
        explanation += (f" {names_list([story.labels[w] for w in rest])} tell the story in "
                        f"their own words.")
    return question(KIND, prompt, [story.labels[k] for k in keys],
                    [story.labels[w] for w in wrong], explanation, evidence)


def _quote_copy(story: _Story, credit: Credit) -> Question | None:
    """An outlet credits an agency for a quote; another prints the same words, not naming it."""
    if credit.whole or not credit.agency or credit.passage is None \
            or not any(len(q.text.split()) >= QUOTE_WORDS // 2
                       for q in quotations(credit.passage.text)):
        return None  # a credited quote: the wording is the agency's rendering of someone's words
    matches = []
    for text in story.shared:
        if credit.article not in (text.a, text.b):
            continue
        other = text.other(credit.article)
        for aligned in text.passages:
            mine = text.side(credit.article, aligned)
            twin = text.side(other, aligned)
            if mine.start == credit.passage.start and _same_run(mine.text, twin.text) \
                    and other in story.labels \
                    and story.credits_source(other, credit.source) is None \
                    and not names_source(story.model.article(other).text, credit.source) \
                    and story.finished(other, twin):
                matches.append((other, twin))
    if len(matches) != 1:
        return None
    other, twin = matches[0]
    wrong = story.wrong_outlets([credit.article, other], MAX_CHOICES - 1)
    wrong = [w for w in wrong if story.apart(w, [credit.article, other])]
    if len(wrong) < 2:
        return None
    label, source = story.labels[credit.article], credit.source
    shown = story.shown([other])
    words = max(quotations(credit.passage.text), key=lambda q: len(q.text)).text
    prompt = (f"{label} credits a news agency for these words: {_quoted(words, 18)} Which other "
              f"outlet prints the same words without naming that agency{shown}?")
    explanation = (f"{label} credits {source} for these words ({_quoted(credit.passage.text, 40)})."
                   f" {story.labels[other]} prints the same words, {_quoted(twin.text, 30)}, "
                   f"without naming {source}{shown}: its readers cannot tell where the words "
                   f"came from. The other outlets print no sentence matching it{shown}.")
    return question(KIND, prompt, [story.labels[other]], [story.labels[w] for w in wrong],
                    explanation, [credit.passage, twin])


def _same_run(a: str, b: str) -> bool:
    """Whether two sentences share a run of at least QUOTE_WORDS words, word for word."""
    import difflib

    wa, wb = fold(a).split(), fold(b).split()
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return any(block.size >= QUOTE_WORDS for block in matcher.get_matching_blocks())


# --- a copy that says something else ----------------------------------------------------------


def _phrase(passage, words: int) -> str:
    return " ".join(passage.text.split()[:words])


def _window(sentence_text: str, span: str) -> str | None:
    """The changed words with a few words of their sentence each side."""
    at = sentence_text.find(span)
    if at < 0:
        return None
    before = sentence_text[:at].split()[-PHRASE_WORDS + 1:] if sentence_text[:at].strip() else []
    after = sentence_text[at + len(span):].split()[:PHRASE_WORDS - 1]
    joined = " ".join([*before, span, *after]).strip(" ,;:")
    return joined if joined in sentence_text else span


def _kept_phrases(story: _Story, text: SharedText, first: str, size: int) -> list[str]:
    """Phrases of `first`'s text that the other copy prints word for word: wrong choices."""
    other_text = story.model.article(text.other(first)).text
    found = []
    for aligned in text.narration:
        if aligned.changes or not story.finished(first, text.side(first, aligned)):
            continue
        words = text.side(first, aligned).text.split()
        windows = [" ".join(words[k:k + size]).strip(" ,;:.") for k in range(len(words) - size + 1)]
        windows = [w for w in windows if w in other_text and not re.search("[\"\u201c\u201d]", w)]
        # A window with a figure reads like the key; else the sentence's opening words.
        pick = next((w for w in windows if re.search(r"\d", w)), windows[0] if windows else None)
        if pick:
            found.append(pick)
    return found


def _changed_copy(story: _Story, text: SharedText) -> Question | None:
    if text.how not in CLOSE_COPY or text.a not in story.labels or text.b not in story.labels:
        return None
    changes = [(p, c) for p in text.narration for c in p.changes
               if story.finished(text.a, p.a) and story.finished(text.b, p.b)]
    if len(changes) != 1:
        return None  # one change is a lesson; many are a rewrite
    aligned, change = changes[0]
    credited = [a for a in (text.a, text.b) if story.whole_credit(a)]
    first = credited[0] if len(credited) == 1 else text.a
    second = text.other(first)
    mine = change.a if first == text.a else change.b
    theirs = change.b if first == text.a else change.a
    key = _window(text.side(first, aligned).text, mine.text)
    if key is None:
        return None
    wrong = [p for p in _kept_phrases(story, text, first, len(key.split()))
             if fold(p) not in fold(key) and fold(key) not in fold(p)][:3]
    if len(wrong) < 2:
        return None
    a, b = story.labels[first], story.labels[second]
    prompt = (f"{a} and {b} carry the same text, almost word for word. Which of these phrases "
              f"from {a} does {b} print differently?")
    what = {"figure": "a different figure", "negation": "the opposite claim",
            "tense": "a different time: done, or still to come",
            "qualifier": "a different size for the figure", "opposite": "the opposite word"}
    mine_shown = _window(text.side(first, aligned).text, mine.text) or mine.text
    theirs_shown = _window(text.side(second, aligned).text, theirs.text) or theirs.text
    explanation = (f"Where {a} writes {_quoted(mine_shown)}, {b} writes {_quoted(theirs_shown)}: "
                   f"the same sentence gives {what[change.what]}. The other phrases are printed "
                   f"word for word by both. One copy changed or updated the text; before "
                   f"trusting either, check what the original source said.")
    return question(KIND, prompt, [key], wrong, explanation,
                    [text.side(first, aligned), text.side(second, aligned)])


def write(model) -> list[Question]:
    if len(model.outlets) < 3:
        return []
    story = _Story(model)
    groups = copy_groups(story.shared)

    def group_of(article: str) -> tuple[str, ...]:
        return next((g for g in groups if article in g), (article,))

    anchors = list(dict.fromkeys([a for a in story.labels if story.whole_credit(a)]
                                 + list(story.labels)))
    uncredited, done = [], set()
    for anchor in anchors:
        written = None if anchor in done else _uncredited_copies(story, anchor)
        if written:
            uncredited.append(written)
            done.update(group_of(anchor))
    changed = [q for q in (_changed_copy(story, t) for t in story.shared) if q]
    # A change question names both copies: a question asking which outlet shares the text would
    # be given away by it, so a group with a change is asked about its change.
    for text in story.shared:
        if any(story.labels.get(text.a, "\0") in q.prompt for q in changed):
            done.update(group_of(text.a))
    same = []
    for anchor in anchors:
        written = None if anchor in done else _same_text(story, anchor)
        if written:
            same.append(written)
            done.update(group_of(anchor))
    asked = {k for q in uncredited for k in (q.choices[i] for i in q.answer)}
    quoted = [q for q in (_quote_copy(story, c) for c in story.credits)
              if q and not asked & {q.choices[i] for i in q.answer}]
    return (uncredited + changed + same + quoted)[:MAX_QUESTIONS]
