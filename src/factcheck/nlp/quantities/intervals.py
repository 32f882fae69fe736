"""The candidate record, and the interval a comparator or a written precision allows (see the package doc)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from factcheck.nlp.quantities.lexicon import COMPARATOR_BEFORE, COMPARATORS
from factcheck.nlp.quantities.reading import WrittenNumber

# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """A quantity found but not yet kept: overlapping candidates are resolved in find_quantities."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    unit: str
    comparator: str
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool


def _top(unit: str, value: float) -> float:
    if unit == "percent" and value < 100:
        return 100.0
    if unit == "fraction":
        return 1.0
    return math.inf


def comparator_interval(
    kind: str, value: float, unit: str, number: WrittenNumber | None
) -> tuple[str, float, float, bool, bool]:
    """(comparator, low, high, low_open, high_open) for a comparator kind (see module doc)."""
    top = _top(unit, value)
    if kind == "gt":
        return "gt", value, top, True, math.isinf(top)
    if kind == "gt+":
        return "gt", value, min(value * 1.1, top) if value else top, True, False
    if kind == "ge":
        return "ge", value, top, False, math.isinf(top)
    if kind == "lt":
        return "lt", 0.0, value, False, True
    if kind == "lt-":
        return "lt", value * 0.9, value, False, True
    if kind == "le":
        return "le", 0.0, value, False, False
    if kind == "near":
        return "approx", value * 0.9, value, False, True
    if kind == "approx":
        if unit == "fraction" or number is None or number.fraction:
            band = 0.05
        else:
            band = max(number.significant_step / 2, abs(value) * 0.05)
        low, high = value - band, value + band
        return "approx", max(low, 0.0), min(high, 1.0) if unit == "fraction" else high, False, False
    # A plain number: its rounding interval.
    if unit == "fraction" or number is None or number.fraction:
        return "eq", max(value - 0.025, 0.0), min(value + 0.025, 1.0), False, False
    half = number.step / 2
    return "eq", max(value - half, 0.0), value + half, False, False


def comparator_before(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 40) : start]
    match = COMPARATOR_BEFORE.search(window)
    if match is None:
        return None, start
    phrase = " ".join(match["cmp"].casefold().split())
    return COMPARATORS[phrase], start - (len(window) - match.start("cmp"))
