"""Choosing among overlapping candidate spans of one text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar


class _Span(Protocol):
    start: int
    end: int


SpanT = TypeVar("SpanT", bound=_Span)


def longest_first(candidates: Iterable[SpanT], tie: Callable[[SpanT], Any] = lambda _: 0) -> list[SpanT]:
    """The candidates no longer (or, at equal length, earlier by ``tie`` then leftmost) one overlaps, in text order."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), tie(c), c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[SpanT] = []
    for candidate in ordered:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen
