"""Moodle's grade fractions (percent of the mark per choice) for a choice question: the right
choices share 100 %, each wrong one takes back an equal share, so choosing all scores nothing."""
from __future__ import annotations

from quizapp.interchange.model import SINGLE, Item


def fraction(percent: float) -> str:
    """As Moodle writes them: up to five decimals, no trailing zeros (33.33333, 50, -100)."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def choice_fractions(item: Item) -> list[str]:
    if item.type == SINGLE:
        return ["100" if choice.correct else "0" for choice in item.choices]
    keys = len(item.key)
    wrongs = max(len(item.choices) - keys, 1)
    return [fraction(100 / keys) if c.correct else fraction(-100 / wrongs) for c in item.choices]
