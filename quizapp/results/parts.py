"""The breakdown of matching and ordering questions in the item analysis: what students paired
with each left item, and what they put directly after each item of an order.

A choice question's breakdown counts its picks; these two types' answers live in their own
tables (response_pair, response_place), and their partial credit is earned part by part, so
the breakdown is by the same parts: a matching question's pairs, and an ordering's successions
(the unit Moodle's "relative to the next item" rule marks, quizapp/scoring.py). Counted over
each student's first submitted attempt, like the rest, in the tallies."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from quizapp.models import Question
from quizapp.results.measures import KEY_RARELY_PICKED, ChoiceCount, percent
from quizapp.results.tallies import Counts


@dataclass(frozen=True)
class PartOption:
    """One thing a student could give for a part: a match, or the item that comes next. Fits
    the measures' ShownChoice, so the key's checks read it as they read a choice."""

    text: str
    correct: bool


@dataclass(frozen=True)
class Part:
    """One part of a matching or ordering question and what students gave for it."""

    label: str                # the left item, or "After <item>"
    options: list[ChoiceCount]


class PartCounts:
    """The counts of every matching pair and ordering succession given in a quiz's first
    attempts (quizapp.results.tallies), shown part by part."""

    def __init__(self, pairs: Counts, successions: Counts) -> None:
        self.pairs = pairs
        self.successions = successions

    def parts(self, question: Question, responses: int, strong_responses: int) -> list[Part]:
        if question.type == "matching":
            return self._matching(question, responses, strong_responses)
        if question.type == "ordering":
            return self._ordering(question, responses, strong_responses)
        return []

    @staticmethod
    def _options(counts: Counts, part_id: int, candidates, key_id: int,
                 responses: int, strong_responses: int) -> list[ChoiceCount]:
        """The key first, then every other option someone gave, most given first."""
        rows = []
        for option_id, text in candidates:
            n, strong_n = counts.get((part_id, option_id), (0, 0))
            if option_id == key_id or n:
                rows.append(ChoiceCount(PartOption(text, option_id == key_id), n,
                                        percent(n, responses), strong_n,
                                        percent(strong_n, strong_responses)))
        return sorted(rows, key=lambda row: (not row.choice.correct, -row.count))

    def _matching(self, question: Question, responses: int, strong: int) -> list[Part]:
        candidates = [(choice.id, choice.text) for choice in question.choices]
        return [Part(item.text, self._options(self.pairs, item.id, candidates, item.choice_id,
                                              responses, strong))
                for item in sorted(question.items, key=lambda item: item.position)]

    def _ordering(self, question: Question, responses: int, strong: int) -> list[Part]:
        order = sorted(question.choices, key=lambda choice: choice.position)
        parts = []
        for choice, following in pairwise(order):
            candidates = [(other.id, other.text) for other in order if other.id != choice.id]
            parts.append(Part(f"After “{choice.text}”", self._options(
                self.successions, choice.id, candidates, following.id, responses, strong)))
        return parts


def reread_parts(parts: list[Part]) -> list[str]:
    """Why a generated matching or ordering question should be re-read, part by part: a key
    rarely given, or a wrong option the strongest third gave more often than the key."""
    reasons = []
    for part in parts:
        key = next((row for row in part.options if row.choice.correct), None)
        if key is None:
            continue
        if key.share is not None and key.share < KEY_RARELY_PICKED:
            reasons.append(f"{part.label}: only {key.share:.0f}% gave “{key.choice.text}”")
        for other in part.options:
            if not other.choice.correct and other.strong_count > key.strong_count:
                reasons.append(f"{part.label}: the strongest third gave “{other.choice.text}” "
                               f"more often than “{key.choice.text}”")
    return reasons

