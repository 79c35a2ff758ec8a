"""Which of an article's many spans (quotations, credits, sentences) overlap one stretch of its
text, found by bisecting instead of testing every span for every sentence: reading a page then
takes time in proportion to its length, not to its length squared."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate


class SpanIndex:
    """Spans given as (start, end) pairs, in any order; `overlapping` answers in that order."""

    def __init__(self, spans) -> None:
        spans = [(start, end) for start, end in spans]
        self._order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self._starts = [spans[i][0] for i in self._order]
        self._ends = [spans[i][1] for i in self._order]
        # The furthest end of any span starting at or before each one: it never falls, so the
        # first span that can reach past a point is found by bisecting it.
        self._reach = list(accumulate(self._ends, max))

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes (in the order given) of the spans that share a character with [start, end)."""
        first = bisect_right(self._reach, start)
        last = bisect_left(self._starts, end)
        found = [self._order[k] for k in range(first, last) if self._ends[k] > start]
        return sorted(found)

    def covering(self, offset: int) -> list[int]:
        """Indexes (in the order given) of the spans that hold the character at `offset`."""
        return self.overlapping(offset, offset + 1)
