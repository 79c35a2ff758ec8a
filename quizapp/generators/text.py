"""What every kind needs from raw article text: sentences with their places, and matching
that ignores case and typographic quotes while keeping offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

# One character in, one character out, so offsets found in the folded text are offsets in the
# original: evidence must be an exact substring of what was loaded.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
})


def fold(text: str) -> str:
    """Lower-case, straight quotes, plain dashes and spaces; same length as `text`."""
    text = text.translate(_FOLD)
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str  # == article_text[start:end]


_segmenter = pysbd.Segmenter(language="en", clean=False)
_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text`, each an exact slice of it, never spanning a paragraph break."""
    found: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        offset = para.start()
        cursor = 0
        chunk = para.group()
        for piece in _segmenter.segment(chunk):
            stripped = piece.strip()
            if not stripped:
                continue
            at = chunk.find(stripped, cursor)
            if at < 0:  # pysbd altered the piece; fall back to the rest of the paragraph
                rest = chunk[cursor:].strip()
                if rest:
                    at = chunk.find(rest, cursor)
                    found.append(Sentence(offset + at, offset + at + len(rest), rest))
                break
            found.append(Sentence(offset + at, offset + at + len(stripped), stripped))
            cursor = at + len(stripped)
    return tuple(found)


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `text`, ignoring case, quote style and dash style."""
    hay, pin = fold(text), fold(needle)
    if not pin:
        return []
    hits, at = [], hay.find(pin)
    while at >= 0:
        hits.append(at)
        at = hay.find(pin, at + 1)
    return hits


def contains(text: str, needle: str) -> bool:
    return bool(find_all(text, needle))


def contains_word(text: str, phrase: str) -> bool:
    """`phrase` as whole words (so "155" is not found inside "1550" nor "war" in "award")."""
    pattern = r"(?<![\w])" + re.escape(fold(phrase)) + r"(?![\w])"
    return re.search(pattern, fold(text)) is not None


def sentence_at(text: str, offset: int) -> Sentence | None:
    for sentence in sentences(text):
        if sentence.start <= offset < sentence.end:
            return sentence
    return None
