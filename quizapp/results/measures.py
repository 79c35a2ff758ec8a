"""The statistics of a quiz's results, worked out from small tallies of scores and marks: the
spread of scores, facility, discrimination, discriminative efficiency, Cronbach's alpha, and the
warnings a teacher reads beside a question. Plain Python, so no database and no Flask."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Protocol

# The formulas are Moodle's (https://docs.moodle.org/dev/Quiz_statistics_calculations): a
# question's mark is 0 or 1, and every (co)variance divides by n - 1, as Moodle's do.

# Thresholds for the flags, in percent. Moodle's own guidance
# (https://docs.moodle.org/en/Quiz_report_statistics) reads facility 90-94% as "very easy"
# and discrimination 0-19% as "very weak"; its statistics table marks a question dubious when
# the discriminative efficiency is under 15%.
TOO_EASY = 90           # facility above this: nearly everyone gets it, it tells few apart
TOO_HARD = 20           # facility below this: worse than guessing among four or five choices
WEAK_DISCRIMINATION = 20
LOW_EFFICIENCY = 15
KEY_RARELY_PICKED = 20  # a generated question whose key so few pick may have a wrong key
STRONG_SHARE = 1 / 3    # "strong students": the top third of first attempts by score


# --- The whole quiz: spread of the scores, alpha, the strong students --------------------------

@dataclass(frozen=True)
class Spread:
    count: int
    mean: float | None
    median: float | None
    sd: float | None  # sample standard deviation (n - 1), as Moodle reports it


def describe(histogram: list[tuple[float, int]]) -> Spread:
    """Count, mean, median and sample SD of scores given as (score, how many) pairs."""
    pairs = sorted((float(score), n) for score, n in histogram if n)
    count = sum(n for _, n in pairs)
    if count == 0:
        return Spread(0, None, None, None)
    mean = sum(score * n for score, n in pairs) / count
    sd = (math.sqrt(sum(n * (score - mean) ** 2 for score, n in pairs) / (count - 1))
          if count > 1 else None)
    return Spread(count, mean, _median(pairs, count), sd)


def _score_at_rank(pairs: list[tuple[float, int]], rank: int) -> float:
    """The score at a 1-based rank of (score, how many) pairs sorted by score."""
    seen = 0
    for score, n in pairs:
        seen += n
        if seen >= rank:
            return score
    return pairs[-1][0]


def _median(pairs: list[tuple[float, int]], count: int) -> float:
    if count % 2:
        return _score_at_rank(pairs, count // 2 + 1)
    return (_score_at_rank(pairs, count // 2) + _score_at_rank(pairs, count // 2 + 1)) / 2


def cronbach_alpha(items: list[tuple[int, int]], total: Spread) -> float | None:
    """alpha = k/(k-1) * (1 - sum of item variances / variance of the totals).

    items: (responses, right) per question; marks are 0 or 1, so the sum of squared marks is
    the number right and an item's sample variance is (right - right^2/n) / (n - 1).
    """
    k = len(items)
    if k < 2 or total.sd is None or total.sd == 0:
        return None
    item_variance = 0.0
    for n, right in items:
        if n < 2:
            return None
        right = right or 0
        item_variance += (right - right * right / n) / (n - 1)
    return k / (k - 1) * (1 - item_variance / total.sd ** 2)


def strong_cut(histogram: list[tuple[int, int]]) -> int | None:
    """The score from which a first attempt counts as "strong": the score of the student at
    two thirds of the way up the class (so roughly the top third, ties included)."""
    pairs = sorted((score, n) for score, n in histogram if n)
    count = sum(n for _, n in pairs)
    if count == 0:
        return None
    return _score_at_rank(pairs, max(1, math.ceil(count * (1 - STRONG_SHARE))))


def percent(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None


# --- One question: Moodle's numbers, and what they warn of -----------------------------------

@dataclass(frozen=True)
class ItemNumbers:
    """Moodle's statistics of one question, from its first-attempt responses."""

    responses: int
    facility: float | None                  # mean mark / max mark, %
    sd: float | None                        # of the mark, % of the max mark
    discrimination: float | None            # Pearson r of mark and rest of test, %
    efficiency: float | None                # covariance / the largest it could be, %


def item_numbers(cells: list[tuple[float, float, int]], max_mark: float = 1.0) -> ItemNumbers:
    """Moodle's per-question statistics from (total score, mark, how many) cells.

    rest = total - mark, the student's score on the rest of the test.
    discrimination = 100 * cov(mark, rest) / sqrt(var(mark) var(rest)), Pearson's r.
    efficiency = 100 * cov(mark, rest) / cov_max, where cov_max pairs the marks sorted
    ascending with the rest scores sorted ascending: the largest covariance these two sets of
    numbers could have, so a question is not blamed for being easy or hard.
    All (co)variances divide by n - 1, as Moodle's do.
    """
    pairs = [(mark, total - mark, n) for total, mark, n in cells if n]
    s = sum(n for _, _, n in pairs)
    if s == 0:
        return ItemNumbers(0, None, None, None, None)
    mark_mean = sum(mark * n for mark, _, n in pairs) / s
    rest_mean = sum(rest * n for _, rest, n in pairs) / s
    facility = 100 * mark_mean / max_mark
    if s < 2:
        return ItemNumbers(s, facility, None, None, None)
    mark_var = sum(n * (mark - mark_mean) ** 2 for mark, _, n in pairs) / (s - 1)
    rest_var = sum(n * (rest - rest_mean) ** 2 for _, rest, n in pairs) / (s - 1)
    covariance = sum(n * (mark - mark_mean) * (rest - rest_mean)
                     for mark, rest, n in pairs) / (s - 1)
    covariance_max = _sorted_covariance_sum(
        [(mark, n) for mark, _, n in pairs], [(rest, n) for _, rest, n in pairs],
        mark_mean, rest_mean) / (s - 1)
    product = mark_var * rest_var
    discrimination = 100 * covariance / math.sqrt(product) if product > 1e-12 else None
    efficiency = 100 * covariance / covariance_max if abs(covariance_max) > 1e-12 else None
    sd = 100 * math.sqrt(mark_var) / max_mark
    return ItemNumbers(s, facility, sd, discrimination, efficiency)


def _sorted_covariance_sum(a: list[tuple[float, int]], b: list[tuple[float, int]],
                           a_mean: float, b_mean: float) -> float:
    """Sum of (a_i - a_mean)(b_i - b_mean) with both lists sorted ascending and paired by rank;
    both are given as run lengths (value, how many)."""
    a_runs = _runs(a)
    b_runs = _runs(b)
    total = 0.0
    i = j = 0
    a_left = a_runs[0][1] if a_runs else 0
    b_left = b_runs[0][1] if b_runs else 0
    while i < len(a_runs) and j < len(b_runs):
        step = min(a_left, b_left)
        total += step * (a_runs[i][0] - a_mean) * (b_runs[j][0] - b_mean)
        a_left -= step
        b_left -= step
        if a_left == 0:
            i += 1
            a_left = a_runs[i][1] if i < len(a_runs) else 0
        if b_left == 0:
            j += 1
            b_left = b_runs[j][1] if j < len(b_runs) else 0
    return total


def _runs(values: list[tuple[float, int]]) -> list[tuple[float, int]]:
    merged: dict[float, int] = defaultdict(int)
    for value, n in values:
        merged[value] += n
    return sorted(merged.items())


def flags(numbers: ItemNumbers) -> list[str]:
    """The warnings a teacher reads beside a question, in words."""
    out = []
    if numbers.facility is not None and numbers.facility > TOO_EASY:
        out.append("too easy")
    if numbers.facility is not None and numbers.facility < TOO_HARD:
        out.append("too hard")
    if numbers.discrimination is not None and numbers.discrimination < 0:
        out.append("negative discrimination")
    elif numbers.discrimination is not None and numbers.discrimination < WEAK_DISCRIMINATION:
        out.append("weak discrimination")
    if (numbers.efficiency is not None and numbers.efficiency < LOW_EFFICIENCY
            and not (numbers.discrimination is not None and numbers.discrimination < 0)):
        out.append("low discriminative efficiency")
    return out


class ShownChoice(Protocol):
    """What the measures read of a choice: its text, and whether it is the key. A Protocol, so
    that a models.Choice fits without the measures importing the database's models."""

    text: str
    correct: bool


@dataclass(frozen=True)
class ChoiceCount:
    choice: ShownChoice
    count: int
    share: float | None        # % of the question's responses that picked it
    strong_count: int          # picked by the strongest third
    strong_share: float | None


def reread_reasons(numbers: ItemNumbers, choices: list[ChoiceCount]) -> list[str]:
    """Why a generated question's numbers suggest its key or wording is wrong."""
    reasons = []
    if numbers.discrimination is not None and numbers.discrimination < 0:
        reasons.append("students who did well on the rest of the quiz got it wrong more often "
                       "than those who did poorly")
    keys = [c for c in choices if c.choice.correct]
    for key in keys:
        if key.share is not None and key.share < KEY_RARELY_PICKED:
            reasons.append(f"only {key.share:.0f}% picked the key “{key.choice.text}”")
    best_key = max((c.strong_count for c in keys), default=0)
    for other in choices:
        if not other.choice.correct and other.strong_count > best_key:
            reasons.append(f"the strongest third of the class picked “{other.choice.text}” "
                           f"more often than the key")
    return reasons


# --- Skills --------------------------------------------------------------------------------

@dataclass(frozen=True)
class SkillMastery:
    skill: str
    responses: int
    correct: int

    @property
    def share(self) -> float:
        return 100 * self.correct / self.responses if self.responses else 0.0


def weakest_sentence(skills: list[SkillMastery]) -> str | None:
    """The sentence the skills page opens with, from a list sorted weakest first."""
    if not skills:
        return None
    weakest = skills[0]
    return f"The class is weakest at {weakest.skill} ({weakest.share:.0f}%)."
