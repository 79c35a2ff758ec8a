"""Sentences a student may pick in a "find the evidence" question, and the question itself: the
choices are whole sentences of one article, in its order, never a line cut off where the text
we have stops, a caption, a credit line or page debris the loader let through."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizapp.generators import registry
from quizapp.generators.loading.debris import Found, debris_reason
from quizapp.generators.model import Question
from quizapp.generators.reading.articles import ArticleReading, Sentence, words_of
from quizapp.generators.reading.text import fold
from quizapp.generators.writing.choices import evidence_of

# A sentence with fewer words is a fragment or a label, not a statement a student weighs.
MIN_WORDS = 6
# Sentences offered in all: enough to make a student read, few enough for a phone screen (and
# within the gate's limit on choices).
CHOICES = 6


def offerable(reading: ArticleReading, sentence: Sentence) -> bool:
    """A sentence of the report that stands whole on its own: prose (not the headline, a
    caption, a credit line or a label), ended as a sentence ends (not cut off mid-sentence or
    mid-word where an excerpt stops), no question put to the reader ("Are you surprised by the
    verdict?": no claim to weigh), and no debris (a sign-up call, a copyright line)."""
    return (sentence.role == "prose" and sentence.finished and sentence is not reading.headline
            and len(words_of(sentence.text)) >= MIN_WORDS and not _asks_reader(sentence.text)
            and not sentence.text.lstrip().startswith("\u00a9") and _quotes_closed(sentence.text)
            and not debris_reason(sentence.text, sentence.text, Found()))


def _asks_reader(text: str) -> bool:
    """The writer's own question: it ends in a question mark outside any quotation."""
    return text.rstrip().endswith("?")


def _quotes_closed(text: str) -> bool:
    """Every quotation the sentence opens it closes: a sentence inside a quotation that runs over
    several sentences is a piece of it, not a sentence a student can weigh alone."""
    return text.count("\u201c") == text.count("\u201d") and text.count('"') % 2 == 0


def window(reading: ArticleReading, keys: Sequence[Sentence], fits,
           tempting: Iterable[Sentence] = ()) -> list[Sentence]:
    """The keys and, up to CHOICES in all, the offerable sentences `fits` accepts as wrong:
    `tempting` ones first, then the nearest to the keys; in the article's order, each text
    once."""
    chosen: dict[str, Sentence] = {fold(s.text): s for s in keys}
    first = min(s.index for s in keys)
    others = sorted((s for s in reading.sentences if s not in keys and offerable(reading, s)
                     and fits(s)), key=lambda s: (abs(s.index - first), s.index))
    for sentence in [*tempting, *others]:
        if len(chosen) >= CHOICES:
            break
        chosen.setdefault(fold(sentence.text), sentence)
    return sorted(chosen.values(), key=lambda s: s.index)


def evidence_question(kind: str, prompt: str, sentences: Sequence[Sentence],
                      keys: Sequence[Sentence], explanation: str, confidence: float = 1.0,
                      reasons: Iterable[str] = ()) -> Question:
    """A "find the evidence" question: `sentences` (one article's, in its order) are the
    choices, `keys` the ones that prove the prompt's claim and its evidence."""
    answer = tuple(i for i, s in enumerate(sentences) if s in keys)
    return Question(kind, registry.kind(kind).skill, prompt, tuple(s.text for s in sentences),
                    answer, explanation, evidence_of(keys), confidence=confidence,
                    reasons=tuple(reasons), type="evidence")
