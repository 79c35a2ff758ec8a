"""Matching speakers to their words: "Match each speaker to the words the articles attribute to
them", three or four speakers on the left, on the right the words each gives and words of someone
else the story quotes, which belong to none of them. Only words whose speaker is sure, by the
rules quote_attribution asks by (writing/quoted.py): tied in their own sentence or paragraph (not
only by the paragraph after), credited by no outlet to anyone else, not a caption or a quote left
open where a text stops, words that do not name their own speaker, and not a side voice deep in
one article. No words may give their speaker away by naming the only one of a side ("Peru"
against one Peruvian), and no two speakers may be one body and its spokesperson.

A speaker's statement carried by most outlets is the one quote_attribution asks as a single
question; the gate drops the one of two questions that ask the same words, so a second matching
with each speaker's other words is offered too, under the same prompt (the gate keeps one)."""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from quizapp.generators.model import Question
from quizapp.generators.reading.articles import Passage
from quizapp.generators.reading.quotations import Quotation, same_remark
from quizapp.generators.reading.statements import ASSERTED
from quizapp.generators.reading.text import fold, word_set, words
from quizapp.generators.writing.choices import evidence_of, ordered
from quizapp.generators.writing.quoted import (
    Statement,
    article_order,
    best,
    side_remark,
    statements,
)
from quizapp.generators.writing.sentences import offerable
from quizapp.generators import registry

KIND = "quote_matching"
MIN_PAIRS = 3
MAX_PAIRS = 4
MIN_WORDS = 6  # a right item shorter than this is a phrase any of them might have said
SHOWN_WORDS = 36  # longer words are shown by their opening whole sentences, then "…"
ALTERNATIVES = 2  # of each speaker's words, the first two are tried
MAX_CANDIDATES = 12
PER_LINE_UP = 4  # ways to pick the words of one line-up of speakers
MAX_POOL = 6  # speakers the line-ups are drawn from, the most prominent first
NARRATION_WORDS = (8, 22)  # an outlet's sentence offered as the extra words: whole, not too long
NARRATION = 0.9  # sure it is no speaker's, less sure it reads as nobody's to a student
# One pair of three or four may give itself away by the side its words name: the others still
# take reading. Two would leave too little to match.
MAX_SIDED = 1
SIDED = 0.85
PROMPT = ("Match each speaker to the words the articles attribute to them. One set of words "
          "belongs to none of the speakers listed.")


def _sure(model, quote: Quotation) -> bool:
    """Words whose speaker is sure: tied in their own sentence or paragraph with the speaker's
    full name, long enough to tell apart (a whole statement, or words set in the writer's
    sentence), not a body that is an outlet."""
    speaker = model.entities.get(quote.speaker) if quote.speaker else None
    return (speaker is not None and not speaker.outlet and bool(quote.proof) and not quote.weak
            and not quote.named_elsewhere and quote.word_count >= MIN_WORDS
            and bool(_shown(quote)))


def _shown(quote: Quotation) -> str:
    """The words as a choice shows them: whole, or their opening whole sentences and "…" for the
    rest; never cut in the middle of a sentence (blind graders read such cuts as garbled)."""
    text = " ".join(quote.text.split())
    if len(text.split()) <= SHOWN_WORDS:
        return "\u201c" + text + "\u201d"
    kept: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        if len(" ".join([*kept, sentence]).split()) > SHOWN_WORDS:
            break
        kept.append(sentence)
    return "\u201c" + " ".join(kept) + " \u2026\u201d" if kept else ""


# Where one sentence of a quotation ends and the next begins.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"\u201c\u2018'(A-Z0-9])")


def _sentences(model, quote: Quotation) -> set[tuple[str, int]]:
    reading = model.article(quote.article)
    return {(quote.article, s.index) for s in reading.sentences
            if s.start < quote.sentence.end and quote.sentence.start < s.end}


def _by_speaker(model) -> dict[str, list[Quotation]]:
    """Each sure speaker's words, best first: words outside the sentences of the statement most
    outlets carry (the one a single "Who said" question asks) before it, then words several
    outlets carry, then in story order. One printing of each statement."""
    groups: dict[str, list[Statement]] = {}
    for statement in statements(model):
        if not statement.others and not side_remark(model, statement):
            groups.setdefault(statement.speaker, []).append(statement)
    found: dict[str, list[Quotation]] = {}
    for speaker, own in groups.items():
        main = max(own, key=lambda s: len(s.outlets))
        asked = _sentences(model, best(model, main))
        ranked = []
        for statement in own:
            for quote in statement.quotes:
                if _sure(model, quote):
                    ranked.append((bool(_sentences(model, quote) & asked), -len(statement.outlets),
                                   article_order(model, quote.article), quote.words.start,
                                   statement, quote))
        if ranked:
            seen: set[int] = set()  # one printing of each statement
            found[speaker] = []
            for *_, statement, quote in sorted(ranked, key=lambda r: r[:4]):
                if id(statement) not in seen:
                    seen.add(id(statement))
                    found[speaker].append(quote)
    return found


def _apart(model, keys: list[str]) -> list[str]:
    """Speakers none of whom is another's body or spokesperson, the most prominent first."""
    entities = model.entities
    chosen: list[str] = []
    for key in sorted(keys, key=lambda k: (-len(entities.get(k).articles), k)):
        if not any(entities.affiliated(key, other) for other in chosen):
            chosen.append(key)
    return chosen


def _sided(model, pairs: list[tuple[str, Quotation]]) -> int:
    """How many pairs give themselves away: words naming a side ("the Peruvian government") of
    which their speaker is the only one listed."""
    speakers = [speaker for speaker, _ in pairs]
    return sum(model.entities.gives_side_away(quote.text, speaker,
                                              [s for s in speakers if s != speaker])
               for speaker, quote in pairs)


@dataclass(frozen=True)
class _Extra:
    """The right item that belongs to no speaker listed: someone else's words, or a sentence an
    outlet writes in its own voice."""

    shown: str
    why: str  # for the explanation
    passage: Passage
    confidence: float = 1.0


def _someone_elses(model, left: list[str], by_speaker) -> _Extra | None:
    entities = model.entities
    for speaker, quotes in by_speaker.items():
        if speaker in left or any(entities.affiliated(speaker, k) for k in left):
            continue
        quote = quotes[0]
        if model.quotations.credited_with(quote.text) & set(left):
            continue
        name = entities.get(speaker).shown_in(quote.proof)
        return _Extra(_shown(quote), f"are {name}’s, as {_outlet(model, quote.article)} "
                      f"quotes them", quote.proof[0])
    return None


def _narration(model) -> _Extra | None:
    """A sentence an outlet states in its own voice, credited to no one, with no quotation and no
    figure, sharing no words with anything the story quotes: provably no speaker's words."""
    quoted = [q.text for q in model.quotations.all]
    for statement in model.statements:
        reading = model.article(statement.article)
        text = " ".join(statement.text.split())
        if (statement.presentation != ASSERTED or not statement.clean or statement.credited_nearby
                or not offerable(reading, statement.sentence) or re.search(r"\d", text)
                or not NARRATION_WORDS[0] <= len(text.split()) <= NARRATION_WORDS[1]
                or set(words(fold(text))) & word_set("pronouns") or _leans_back(text)
                or any(same_remark(text, q) for q in quoted)):
            continue
        return _Extra("“" + text.rstrip(".") + "”",
                      f"are {_outlet(model, statement.article)}’s own words, which it "
                      f"credits to no one", statement.sentence, NARRATION)
    return None


def _leans_back(text: str) -> bool:
    """A sentence opening on a word that points back ("It", "But", "This"): it reads as part of
    what comes before, perhaps someone's words reported."""
    first = fold(words(text)[0]) if words(text) else ""
    return first in word_set("function_words") and first not in ("the", "a", "an")


def _outlet(model, article: str) -> str:
    outlet = model.outlet_of(article)
    return outlet.label if outlet is not None else "the article"


def _question(model, pairs: list[tuple[str, Quotation]], extra: _Extra,
              sided: int) -> Question:
    entities = model.entities
    items = tuple(entities.get(speaker).shown_in(quote.proof) for speaker, quote in pairs)
    rights = [_shown(quote) for _, quote in pairs]
    choices = tuple(ordered(PROMPT + "".join(items), [*rights, extra.shown]))
    answer = tuple(choices.index(right) for right in rights)
    # The words themselves stay out of the explanation: the feedback shows each pair's proof.
    said = "; ".join(f"{name}’s words are as {_outlet(model, q.article)} quotes them"
                     for (_, q), name in zip(pairs, items, strict=True))
    explanation = (f"{said}. The other words {extra.why}. A story sets several voices side by "
                   f"side: check whose name each attribution points to.")
    item_evidence = tuple(evidence_of(quote.proof) for _, quote in pairs)
    confidence, reasons = extra.confidence, []
    if extra.confidence < 1.0:
        reasons.append("the extra words are an outlet's own sentence, not a quotation")
    if sided:
        confidence *= SIDED
        reasons.append("one speaker's words name the side only that speaker is on")
    return Question(KIND, registry.kind(KIND).skill, PROMPT, choices, answer, explanation,
                    evidence_of([p for _, q in pairs for p in q.proof]), type="matching",
                    items=items, item_evidence=item_evidence,
                    confidence=round(confidence, 3), reasons=tuple(reasons))


def _pairings(by_speaker, left: list[str]) -> list[list[tuple[str, Quotation]]]:
    """Ways to pick each speaker's words, the best first: each speaker's first words, then one
    speaker's second, and so on (a few only)."""
    choices = [range(min(ALTERNATIVES, len(by_speaker[s]))) for s in left]
    picks = sorted(itertools.product(*choices), key=lambda p: (sum(p), p))[:PER_LINE_UP]
    return [[(s, by_speaker[s][k]) for s, k in zip(left, pick, strict=True)] for pick in picks]


def _line_ups(speakers: list[str]) -> list[list[str]]:
    """The speakers to list, best first: the most prominent three or four, then others in turn,
    leaving someone out whose words can be the extra."""
    pool = speakers[:MAX_POOL]
    sizes = sorted({min(MAX_PAIRS, max(MIN_PAIRS, len(pool) - 1)), MIN_PAIRS}, reverse=True)
    found = [list(c) for size in sizes if size <= len(pool)
             for c in itertools.combinations(pool, size)]
    return sorted(found, key=lambda c: (sum(pool.index(s) for s in c) - len(c) * len(pool)))


def write(model) -> list[Question]:
    """One matching question a story, offered as a few candidates under one prompt: the gate
    keeps the first whose pairs no other question asks, and drops the rest as repeats."""
    by_speaker = _by_speaker(model)
    speakers = _apart(model, list(by_speaker))
    found: list[Question] = []
    for left in _line_ups(speakers):
        extra = _someone_elses(model, left, by_speaker) or _narration(model)
        if extra is None:
            continue
        for pairs in _pairings(by_speaker, left):
            shown = {_shown(q) for _, q in pairs}
            sided = _sided(model, pairs)
            if sided <= MAX_SIDED and len(shown | {extra.shown}) == len(pairs) + 1:
                found.append(_question(model, pairs, extra, sided))
            if len(found) >= MAX_CANDIDATES:
                break
        if len(found) >= MAX_CANDIDATES:
            break
    found.sort(key=lambda q: -q.confidence)  # the surest candidate first (a stable sort)
    return found
