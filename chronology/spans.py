"""Sets of character spans asked, many times, whether one holds an offset or overlaps a range: a bisection each."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


class Spans:
    """Spans (any order, overlaps allowed) indexed by start, with the running maximum of their ends, to answer
    "does one hold this offset / overlap this range" by bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def holds(self, offset: int) -> bool:
        """Whether a span has start <= offset < end."""
        count = bisect_right(self.starts, offset)
        return count > 0 and self.reach[count - 1] > offset

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span has span_start < end and start < span_end."""
        count = bisect_left(self.starts, end)
        return count > 0 and self.reach[count - 1] > start
