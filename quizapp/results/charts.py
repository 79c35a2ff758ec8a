"""The histogram of a quiz's scores as SVG geometry: bars and labels that the results page's
template draws, with no script."""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str       # "7" or "10-14"
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    baseline: float
    bars: list[Bar]
    most: int


CHART_WIDTH, CHART_HEIGHT, CHART_TOP, CHART_BOTTOM, MAX_BARS = 640, 240, 24, 40, 25


def histogram_chart(histogram: list[tuple[int, int]]) -> Chart:
    """Bars for each score, or for ranges of scores when a quiz has many marks."""
    if not histogram:
        return Chart(CHART_WIDTH, CHART_HEIGHT, CHART_HEIGHT - CHART_BOTTOM, [], 0)
    width = max(1, math.ceil(len(histogram) / MAX_BARS))
    groups = [histogram[i:i + width] for i in range(0, len(histogram), width)]
    most = max(sum(n for _, n in group) for group in groups)
    slot = CHART_WIDTH / len(groups)
    baseline = CHART_HEIGHT - CHART_BOTTOM
    usable = baseline - CHART_TOP
    bars = []
    for index, group in enumerate(groups):
        count = sum(n for _, n in group)
        low, high = group[0][0], group[-1][0]
        label = str(low) if low == high else f"{low}–{high}"
        height = usable * count / most if most else 0
        bars.append(Bar(label, count, round(index * slot + slot * 0.1, 1),
                        round(baseline - height, 1), round(slot * 0.8, 1), round(height, 1)))
    return Chart(CHART_WIDTH, CHART_HEIGHT, baseline, bars, most)
