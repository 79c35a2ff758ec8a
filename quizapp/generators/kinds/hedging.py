"""Hedging: what an outlet states as fact in its own voice, what it credits to a source, and what
it hedges in its own words. Asked where outlets present the same claim differently ("Which outlet
states it as fact?"), or where one sentence's wording makes the answer certain ("How does this
outlet present it?"). The whole sentence is judged, never one clause of it, and bland sentences
are never asked about."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from quizapp.generators.model import Question
from quizapp.generators.reading.statements import (
    ASSERTED,
    ATTRIBUTED,
    HEDGED,
    Statement,
    content_words,
    distinctive,
    figures_in,
    same_claim,
)
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import choose_all, question

KIND = "hedging"
FACT = "As established fact, in its own voice"
SOURCE = "As what a source says, credited in the sentence"
HEDGE = "As unconfirmed or only possible, hedged in its own words"
CHOICE_OF = {ASSERTED: FACT, ATTRIBUTED: SOURCE, HEDGED: HEDGE}

MAX_SENTENCE_WORDS = 45  # longer sentences make a prompt nobody reads to the end
MAX_SINGLE = 3  # "How does ... present" questions per story
MAX_ACROSS = 3  # "Which outlet states it as fact" questions per story
MAX_CHOICES = 5
MIN_LABEL_WORDS = 3  # a shared wording shorter than this does not name a claim
# What makes a claim worth asking how outlets present it: a figure, a cause, a blame. A named
# person or body alone is enough only where the outlet's own hedge is the lesson.
WEIGHTY = frozenset({"figure", "cause", "blame"})
# "If they go to the brain, it could lead to a stroke": a modal in a condition is grammar,
# not the outlet holding back on a claim.
_CONDITION = re.compile(r"(?<![\w])(if|unless|whether)(?![\w])")


@dataclass(frozen=True)
class Telling:
    """How one article tells a claim: its statements of it, and its one presentation of it."""

    article: str
    label: str  # the outlet as a choice
    presentation: str  # ASSERTED, ATTRIBUTED or HEDGED: the same in every statement of it
    statements: tuple[Statement, ...]

    @property
    def shown(self) -> Statement:
        """The statement that shows the presentation: a prose sentence, not the headline."""
        prose = [s for s in self.statements if s.sentence.role == "prose"]
        return (prose or list(self.statements))[0]


# --- how a sentence reads, for a question ---------------------------------------------------------


def _askable(statement: Statement) -> bool:
    """A prose sentence a prompt may quote: finished, not too long, no quotation in it."""
    sentence = statement.sentence
    return (sentence.role == "prose" and sentence.finished and statement.quoted == 0
            and len(sentence.text.split()) <= MAX_SENTENCE_WORDS)


def _certain(statement: Statement) -> bool:
    """Whether the sentence's own words settle how it presents its claim: a plain assertion with
    nothing credited around it; a hedge on the one claim of the sentence (not on one of two
    joined claims, not in a condition); a credit for saying, to a source a student can name."""
    if not statement.clean:
        return False
    if statement.presentation == ASSERTED:
        return not statement.credited_nearby
    if statement.presentation == HEDGED:
        text = fold(statement.text)
        return not _CONDITION.search(text) and not _TWO_CLAIMS.search(text)
    if statement.presentation != ATTRIBUTED:
        return False
    sayings = [c for c in statement.credits if c.verb_class in ("says", "according")
               and c.source is not None]
    return bool(sayings) and all(
        c.source.named or fold(c.source.name.split()[0]) in ("the", "a", "an") for c in sayings)


# Two claims joined in one sentence ("No one was hurt, but the mill reportedly collapsed"): a
# hedge on one leaves the other asserted, so the sentence has no one presentation.
_TWO_CLAIMS = re.compile(r",\s+(?:and|but|while|whereas|yet)\s|;\s|\s(?:and|but)\s+(?:has|have|had|"
                         r"was|were|is|are|then|later|also)\s")


def _how(statement: Statement) -> str:
    """The presentation in a teacher's words, naming the words that show it."""
    if statement.presentation == ATTRIBUTED:
        credits = [c for c in statement.credits if c.source is not None]
        credit = next((c for c in credits if c.verb_class in ("says", "according")), credits[0])
        return f"credits it to {_source_words(credit.source)} (\u201c{credit.verb.text}\u201d)"
    if statement.presentation == HEDGED:
        hedge = statement.hedges_of("outlet", "unverified", "possible")[0].passage.text
        return f"hedges it in its own words (\u201c{hedge}\u201d)"
    return "states it in its own voice, crediting no one and hedging nothing"


def _source_words(source) -> str:
    """A source as an explanation names it: as the sentence writes it when that is short ("the
    National Highway Traffic Safety Administration"), else by name."""
    written = source.passage.text
    if len(written.split()) <= 8 and fold(source.name) in fold(written) \
            and fold(written) not in ("he", "she", "it", "they", "him", "her"):
        return written[0].lower() + written[1:] if written.split()[0] in ("The", "A", "An") \
            else written
    return source.name


# --- one claim across outlets ---------------------------------------------------------------------


def _tellings(model, claim: Statement) -> list[Telling]:
    """Every article telling `claim`, each with its one presentation of it. An article that tells
    it two ways (a headline asserting what its body credits), or in a sentence whose presentation
    is unclear, is left out: it is neither a key nor a wrong choice."""
    matches = [claim, *model.statements.same_claim(claim)]
    by_article: dict[str, list[Statement]] = {}
    for statement in matches:
        by_article.setdefault(statement.article, []).append(statement)
    found = []
    for article, statements in by_article.items():
        outlet = model.outlet_of(article)
        ways = {s.presentation for s in statements}
        if outlet is None or len(ways) != 1:
            continue
        prose = [s for s in statements if s.sentence.role == "prose"]
        if not prose or not all(_certain(s) and s.sentence.finished for s in prose):
            continue
        found.append(Telling(article, outlet.label, ways.pop(), tuple(statements)))
    return found


def _label(statements: list[Statement]) -> str | None:
    """The words every one of the statements prints, in the same order, that name the claim:
    the longest such run (as the first statement writes it), if it holds three content words,
    or a distinctive figure and one."""
    first = _words(statements[0].text)
    lo, hi = 0, len(first)
    for other in statements[1:]:
        theirs = [fold(w) for w in _words(other.text)]
        matcher = difflib.SequenceMatcher(None, [fold(w) for w in first[lo:hi]], theirs,
                                          autojunk=False)
        match = matcher.find_longest_match(0, hi - lo, 0, len(theirs))
        lo, hi = lo + match.a, lo + match.a + match.size
        if hi <= lo:
            return None
    common = first[lo:hi]
    while common and fold(common[0]) in _EDGE:
        common = common[1:]
    while common and fold(common[-1]) in _EDGE:
        common = common[:-1]
    text = " ".join(common)
    words = content_words(text)
    if len(words) >= MIN_LABEL_WORDS or (words and any(distinctive(f) for f in figures_in(text))):
        return text
    return None


# Words a claim's label should not begin or end with.
_EDGE = frozenset({"the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by",
                   "with", "from", "that", "which", "who", "as", "its", "their", "his", "her",
                   "is", "was", "are", "were", "has", "have", "had", "be", "been", "after",
                   "before", "when", "while", "than", "into", "over", "about", "since"})


def _words(text: str) -> list[str]:
    """A sentence's words with their punctuation stripped, as written (figures kept whole)."""
    stripped = (w.strip(_PUNCTUATION) for w in text.split())
    return [w for w in stripped if w]


_PUNCTUATION = ".,;:!?\u201c\u201d\"'()"


def _across_question(model, claim: Statement, asked: set[str]) -> Question | None:
    tellings = _tellings(model, claim)
    fact = [t for t in tellings if t.presentation == ASSERTED]
    other = [t for t in tellings if t.presentation != ASSERTED]
    if not fact or not other or len(fact) + len(other) < 3:
        return None
    if len(fact) == 1 or len(other) >= 2:
        keys, wrong, ask = fact, other, "states it as fact in its own voice, crediting no source"
    else:
        (single,) = other
        keys, wrong = other, fact
        ask = ("credits it to a source instead of stating it as fact"
               if single.presentation == ATTRIBUTED
               else "hedges it in its own words instead of stating it as fact")
    keys, wrong = keys[:MAX_CHOICES - 2], wrong[:MAX_CHOICES - min(len(keys), MAX_CHOICES - 2)]
    if len({t.label for t in keys + wrong}) != len(keys) + len(wrong):
        return None
    label = _label([t.shown for t in keys + wrong])
    if label is None or fold(label) in asked:
        return None
    asked.add(fold(label))
    verb = "Which outlet" if len(keys) == 1 else "Which outlets"
    prompt = (f"Several outlets carry the claim \u201c{label}\u201d. {verb} "
              f"{ask if len(keys) == 1 else _plural(ask)}?{choose_all(len(keys))}")
    explanation = " ".join(
        f"{t.label} {_how(t.shown)}." for t in keys + wrong
    ) + " Notice who stands behind a claim before you repeat it as fact."
    return question(KIND, prompt, [t.label for t in keys], [t.label for t in wrong], explanation,
                    [t.shown.sentence for t in keys + wrong])


def _plural(ask: str) -> str:
    return ask.replace("states it", "state it").replace("credits it", "credit it").replace(
        "hedges it", "hedge it").replace("its own", "their own")


def _across(model) -> list[Question]:
    questions: list[Question] = []
    asked: set[str] = set()
    for claim in model.statements:
        if len(questions) >= MAX_ACROSS:
            break
        if claim.presentation != ASSERTED or not _certain(claim) or not _askable(claim) \
                or not WEIGHTY & set(claim.stakes):
            continue
        found = _across_question(model, claim, asked)
        if found is not None:
            questions.append(found)
    return questions


# --- one sentence ---------------------------------------------------------------------------------


def _contrast(model, statement: Statement) -> Statement | None:
    """Another outlet's sentence telling the same claim another way, certainly, in an article
    that tells it only that way (not "scientists found X" and then X stated flatly)."""
    for other in model.statements.same_claim(statement):
        if other.presentation != statement.presentation and other.presentation in CHOICE_OF \
                and _certain(other) and other.sentence.role == "prose" \
                and model.outlet_of(other.article) is not None \
                and _told_one_way(model, other):
            return other
    return None


def _told_one_way(model, statement: Statement) -> bool:
    """No other sentence of the article tells the claim another way, nor does the sentence just
    before or after credit what it states ("Scientists found a higher risk. Over three years,
    patients had a higher risk.")."""
    own = model.statements.of_article(statement.article)
    at = own.index(statement)
    near = own[max(0, at - 1):at + 2]
    return all(s.presentation == statement.presentation for s in own
               if s is not statement and (same_claim(s, statement) or (
                   s in near and len(s.content & statement.content) >= NEAR_SHARED)))


NEAR_SHARED = 3  # content words a neighbouring sentence shares to be about the same finding


def _single_question(model, statement: Statement, used: set[tuple[str, int]]
                     ) -> Question | None:
    outlet = model.outlet_of(statement.article)
    if outlet is None or not _told_one_way(model, statement):
        return None
    contrast = _contrast(model, statement)
    if contrast is not None and (contrast.article, contrast.sentence.start) in used:
        contrast = None  # that pair was asked the other way round already
    if statement.presentation != HEDGED and contrast is None:
        return None  # a plain statement or credit is a lesson only beside another outlet's
    if statement.presentation == HEDGED and contrast is None and not (
            WEIGHTY & set(statement.stakes) or statement.hedges_of("outlet", "unverified")):
        return None  # "This may have been his swansong": a writer's aside, not a claim held back
    key = CHOICE_OF[statement.presentation]
    prompt = f"How does {outlet.label} present this claim? \u201c{statement.text.strip()}\u201d"
    explanation = f"{outlet.label} {_how(statement)}."
    evidence = [statement.sentence]
    used.add((statement.article, statement.sentence.start))
    if contrast is not None:
        other = model.outlet_of(contrast.article)
        explanation += f" Compare {other.label}, which {_how(contrast)}."
        evidence.append(contrast.sentence)
        used.add((contrast.article, contrast.sentence.start))
    confidence, reasons = 1.0, []
    if statement.presentation == HEDGED and not statement.hedges_of("outlet", "unverified"):
        confidence, reasons = 0.85, [("a modal (\u201ccould\u201d, \u201cmay\u201d) can state "
                                      "what is possible rather than hold back a claim")]
    return question(KIND, prompt, [key], [c for c in (FACT, SOURCE, HEDGE) if c != key],
                    explanation, evidence, confidence, reasons)


def _single(model, taken: set[tuple[str, int]]) -> list[Question]:
    """"How does X present this?" for sentences whose wording settles it: an outlet's own
    hedge on a claim that matters, or a sentence another outlet tells another way."""
    per_article: dict[str, list[Statement]] = {}
    for statement in model.statements:
        if (statement.article, statement.sentence.start) in taken or not _askable(statement) \
                or not _certain(statement) or not statement.matters:
            continue
        if statement.presentation != HEDGED and not WEIGHTY & set(statement.stakes):
            continue
        per_article.setdefault(statement.article, []).append(statement)
    # Hedged sentences first, one article at a time, so the questions spread over the outlets.
    queues = [sorted(items, key=lambda s: (s.presentation != HEDGED, s.sentence.start))
              for items in per_article.values()]
    questions: list[Question] = []
    used = set(taken)
    depth = 0
    while len(questions) < MAX_SINGLE and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and len(questions) < MAX_SINGLE \
                    and (queue[depth].article, queue[depth].sentence.start) not in used:
                found = _single_question(model, queue[depth], used)
                if found is not None:
                    questions.append(found)
        depth += 1
    return questions


def write(model) -> list[Question]:
    across = _across(model)
    taken = {(e.article, model.article(e.article).text.find(e.text)) for q in across
             for e in q.evidence}
    return across + _single(model, taken)

