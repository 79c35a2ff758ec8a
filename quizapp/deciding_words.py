"""The words of an evidence passage that decide a question's key: the key choice's text where the
passage prints it (quotation marks aside), else its figures as printed, else a name's last word
(a surname alone, as articles write a person the second time). Plain text matching, nothing
more: when nothing matches, nothing is marked. Pages call this only where the key is shown."""
from __future__ import annotations

import re

# Straight and typographic quotation marks and apostrophes: a quotation's own marks never
# decide, and an outlet may print 'it' where the choice has “it”.
QUOTE_MARKS = "\"'“”‘’„«»"
QUOTE_CLASS = "[" + re.escape(QUOTE_MARKS) + "]"
FIGURE = re.compile(r"\d[\d,.]*\d|\d")  # 155, 1,200, 3.5: compared as printed


def _bounded(pattern: str) -> str:
    """A pattern that matches whole words only: not inside a longer word or number."""
    return rf"(?<![\w]){pattern}(?![\w])"


def _phrase_pattern(text: str) -> re.Pattern | None:
    """The choice's words with any spacing and any quotation mark between them; the first
    letter in either case (a choice starts with a capital a passage may not have)."""
    words = [word.strip(QUOTE_MARKS) for word in text.split()]
    words = [word for word in words if word]
    if not words:
        return None
    parts = [QUOTE_CLASS.join(re.escape(piece) for piece in re.split(QUOTE_CLASS, word))
             for word in words]
    first = parts[0]
    if first[:1].isalpha():
        first = f"[{first[0].upper()}{first[0].lower()}]{first[1:]}"
    return re.compile(_bounded(r"\s+".join([first, *parts[1:]])))


def _name_surname(text: str) -> str | None:
    """A person's or body's last name word, when the choice is a name of two or more
    capitalised words (Jane Doe -> Doe)."""
    words = text.split()
    if len(words) >= 2 and all(word[0].isupper() and word.isalpha() for word in words):
        return words[-1]
    return None


def _spans_of(passage: str, key_text: str) -> list[tuple[int, int]]:
    phrase = _phrase_pattern(key_text)
    found = [m.span() for m in phrase.finditer(passage)] if phrase else []
    if found:
        return found
    for figure in FIGURE.findall(key_text):
        # Not a piece of a longer figure: 155 is not in 1,155 nor in 155.5.
        pattern = rf"(?<!\d[.,]){_bounded(re.escape(figure))}(?![.,]\d)"
        found += [m.span() for m in re.finditer(pattern, passage)]
    if found:
        return found
    surname = _name_surname(key_text)
    if surname:
        found = [m.span() for m in re.finditer(_bounded(re.escape(surname)), passage)]
    return found


def spans(passage: str, key_texts: list[str]) -> list[tuple[int, int]]:
    """Where the passage prints the deciding words of any of the key texts, in order, merged.
    A match that is the whole passage marks nothing (the passage is the key, as in a
    find-the-evidence question: bold on every word tells nothing)."""
    found = sorted(span for text in key_texts for span in _spans_of(passage, text))
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    if len(merged) == 1 and not (passage[:merged[0][0]] + passage[merged[0][1]:]).strip(
            QUOTE_MARKS + " .,;:"):
        return []
    return merged


def parts(passage: str, key_texts: list[str]) -> list[tuple[str, bool]]:
    """The passage as runs of (text, deciding), in order; one plain run when nothing decides."""
    out, cursor = [], 0
    for start, end in spans(passage, key_texts):
        out += [(passage[cursor:start], False), (passage[start:end], True)]
        cursor = end
    out.append((passage[cursor:], False))
    return [(text, deciding) for text, deciding in out if text]
