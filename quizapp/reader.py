"""An article laid out for reading: its paragraphs, with one evidence passage marked where
the article prints it (the template wraps marked pieces in <mark>; nothing here is HTML)."""
from __future__ import annotations

import re
from dataclasses import dataclass

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Piece:
    text: str
    marked: bool = False
    first: bool = False  # the first marked piece carries the anchor the address points at


def _spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def locate(text: str, passage: str) -> tuple[int, int] | None:
    """Where the passage is printed: exactly, else with its spacing loosened (a passage may
    cross a line break the article file has and the stored passage has not)."""
    if not passage.strip():
        return None
    start = text.find(passage)
    if start >= 0:
        return start, start + len(passage)
    words = passage.split()
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def span_in(text: str, value: str | None) -> tuple[int, int] | None:
    """A passage given by its place ("120-164", from a story map's link), if it lies in text."""
    try:
        start, end = (int(part) for part in (value or "").split("-", 1))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= len(text) else None


def paragraphs(text: str, passage: str | None = None,
               span: tuple[int, int] | None = None) -> tuple[list[list[Piece]], bool]:
    """The article's paragraphs as pieces, and whether the passage (or the span) was found and
    marked."""
    found = span or (locate(text, passage) if passage else None)
    out, first = [], True
    for start, end in _spans(text):
        if found is None or found[1] <= start or found[0] >= end:
            out.append([Piece(text[start:end].strip())])
            continue
        a, b = max(start, found[0]), min(end, found[1])
        pieces = [Piece(text[start:a]), Piece(text[a:b], marked=True, first=first),
                  Piece(text[b:end])]
        first = False
        out.append([piece for piece in pieces if piece.text])
    return out, found is not None


def sentence_paragraphs(text: str, sentences: list[str]) -> list[list[tuple[str, int | None]]]:
    """The article's paragraphs as runs of plain text and selectable sentences, each sentence
    given by its index in `sentences` (find-the-evidence). A sentence the text does not hold
    (it cannot be, but an edit may make it so) follows in a paragraph of its own."""
    places = []
    for index, sentence in enumerate(sentences):
        found = locate(text, sentence)
        if found is not None:
            places.append((found[0], found[1], index))
    places.sort()
    out, placed = [], set()
    for start, end in _spans(text):
        runs, cursor = [], start
        for a, b, index in places:
            if a < cursor or a >= end or index in placed:
                continue
            runs.append((text[cursor:a], None))
            runs.append((text[a:min(b, end)], index))
            placed.add(index)
            cursor = min(b, end)
        runs.append((text[cursor:end], None))
        out.append([(piece, index) for piece, index in runs if piece.strip() or index is not None])
    missing = [(sentences[i], i) for i in range(len(sentences)) if i not in placed]
    return out + ([missing] if missing else [])
