"""The one selection step: which candidates become quotes, decided by priority alone.

Content spans (labels, clauses) are taken best priority first, each only where it overlaps no
span already taken. For each quotation the best of its own cues is kept; whether it beats an
inherited attribution is the inheritance step's to decide, by the same priorities.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from transforms.quotes.candidates import Candidate


class Selection(NamedTuple):
    spans: list[Candidate]  # content spans taken, never overlapping
    holder: dict[int, Candidate]  # quotation -> the span that took it in (a MIXED quote)
    best_cue: dict[int, Candidate]  # quotation -> its best own cue
    taken: _Taken


def select(candidates: list[Candidate]) -> Selection:
    def rank(c: Candidate) -> tuple:
        return (c.priority, c.order)

    taken = _Taken()
    spans: list[Candidate] = []
    holder: dict[int, Candidate] = {}
    for c in sorted((c for c in candidates if c.region is None), key=rank):
        if taken.overlaps(c.start, c.end):
            continue
        taken.add(c.start, c.end)
        spans.append(c)
        for r in c.regions:
            holder[r] = c
    best_cue: dict[int, Candidate] = {}
    for c in sorted((c for c in candidates if c.region is not None), key=rank):
        best_cue.setdefault(c.region, c)
    return Selection(spans, holder, best_cue, taken)


class _Taken:
    """Character spans taken so far, never overlapping, as sorted starts and ends, so an overlap
    check is a bisection instead of a scan of every quote."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        # spans never overlap, so sorted by (start, end) their ends are sorted too
        k = bisect.bisect_right(self._starts, start)
        while k > 0 and self._starts[k - 1] == start and self._ends[k - 1] > end:
            k -= 1
        self._starts.insert(k, start)
        self._ends.insert(k, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span taken."""
        # of the spans starting before this one ends, the last ends latest
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._ends[k - 1] > start
