"""Quantities in plain text: numbers with their unit, comparator and the interval they allow.

Regex-based and spaCy-free. Patterns are compiled once and context is read from fixed
windows around each number, so the scan is linear in the text length.

How the interval of a quantity is chosen (``low``/``high`` in the quantity's own unit):

* A plain number allows the rounding interval of its written precision: "60%" is
  [59.5, 60.5], "1.2 million" is [1.15e6, 1.25e6], "5,000" is [4999.5, 5000.5], "twelve"
  is [11.5, 12.5]. A fraction in words is conventionally loose: ±0.025 ("two-thirds" is
  [0.642, 0.692]).
* "about/around/roughly/some/an estimated X" allows ± half the last *significant* digit
  (trailing zeros of an integer are not significant), and at least ±5% of X: "about 7" is
  [6.5, 7.5], "about 5,000" is [4500, 5500], "about 250" is [237.5, 262.5]. Fractions ±0.05.
* "nearly/almost X" is [0.9·X, X); "just under X" the same; "just over X" is (X, 1.1·X].
* "more than/over/above X" is (X, top], "at least X" is [X, top], where top is 100 for a
  percentage below 100, 1 for a fraction and infinity otherwise; "less than/under X" is
  [0, X), "up to/at most/as many as X" is [0, X].
* A range ("between 5 and 10", "5-10%", "5 to 10 million") is [low, high] with value the
  midpoint and comparator ``approx``.

Units: ``percent``, ``percentage-points``, ``fraction`` (value 0..1), ``count``,
``money:<ISO code>`` ("$" is USD, "¥" is JPY, "£" GBP, "€" EUR), or a measure unit
("km", "kg", "tonnes", "years", ...). Signs are not read: "-5%" is 5.

Not quantities: years and dates (anything ``find_times`` reports), ordinals ("third",
"3rd"), identifiers ("F-35", "QZS-6", "COVID-19", "G7", "No. 5", "page 12"), times of
day, phone numbers, list numbering at the start of a line, and "one" on its own ("one of
the", "no one"), which is a pronoun far more often than a count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck.nlp.quantities.candidates import fraction_candidates, number_candidate, range_candidates
from factcheck.nlp.quantities.lexicon import CITATION, LIST_NUMBER, PHONE
from factcheck.nlp.quantities.reading import numbers_in
from factcheck.nlp.spans import longest_first
from factcheck.nlp.timex import find_times

__all__ = ["QuantityMatch", "find_quantities", "share_interval", "intervals_overlap"]


@dataclass(frozen=True)
class QuantityMatch:
    """One quantity: the whole phrase (comparator to unit) and the number within it."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    comparator: str  # eq | gt | ge | lt | le | approx
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    number_start: int
    number_end: int


# --------------------------------------------------------------------------- public API


def find_quantities(text: str, times: Iterable[Any] | None = None) -> list[QuantityMatch]:
    """Quantities in ``text``, sorted by start and never overlapping (the longest wins).

    Numbers that belong to a time expression, to a phone number, to list numbering or to a
    citation's page references are left out. ``times`` may pass the ``TimeMatch`` list the
    caller already has from ``find_times(text, ...)`` (anything with ``start``/``end``), to
    save scanning the text twice; by default it is computed here.
    """
    if times is None:
        times = find_times(text, None)
    # Numbers in dates and times of day are not quantities; those in lengths and repetitions are.
    blocked = [(m.start, m.end) for m in times if getattr(m, "is_point", True)]
    blocked += [(m.start(), m.end()) for m in PHONE.finditer(text)]
    blocked += [(m.start(), m.end()) for m in LIST_NUMBER.finditer(text)]
    blocked += [(m.start(), m.end()) for m in CITATION.finditer(text)]
    numbers = numbers_in(text)
    candidates = fraction_candidates(text) + range_candidates(text, numbers)
    for number in numbers:
        candidate = number_candidate(text, number)
        if candidate is not None:
            candidates.append(candidate)
    candidates = [
        c for c in candidates if not any(c.number_start < end and start < c.number_end for start, end in blocked)
    ]
    chosen = longest_first(candidates)
    return [
        QuantityMatch(
            c.start,
            c.end,
            text[c.start : c.end],
            c.value,
            c.unit,
            c.comparator,
            c.low,
            c.high,
            c.low_open,
            c.high_open,
            c.number_start,
            c.number_end,
        )
        for c in chosen
    ]


def share_interval(quantity: object) -> tuple[float, float, bool, bool] | None:
    """The interval of a percentage or fraction in percent (0-100), else None.

    "more than two-thirds" -> (66.67, 100, True, False) and "over 60%" -> (60, 100, True,
    False), so shares stated either way compare directly. Works on a ``QuantityMatch`` or
    on the model's ``Quantity`` (anything with ``unit``, ``value``, ``low``, ``high``,
    ``low_open``, ``high_open``).
    """
    unit = getattr(quantity, "unit", None)
    if unit not in {"percent", "fraction"}:
        return None
    scale = 100.0 if unit == "fraction" else 1.0
    value = float(getattr(quantity, "value")) * scale  # noqa: B009 - typed object: a QuantityMatch or a Quantity
    low = getattr(quantity, "low", None)
    high = getattr(quantity, "high", None)
    low = value if low is None else float(low) * scale
    high = value if high is None else float(high) * scale
    low_open = bool(getattr(quantity, "low_open", False))
    high_open = bool(getattr(quantity, "high_open", False))
    if math.isinf(high) and value <= 100:
        high, high_open = 100.0, False
    return max(low, 0.0), high, low_open, high_open


def quantity_interval(quantity: Any) -> tuple[float, float, bool, bool]:
    """A figure's (low, high, low_open, high_open): its range, or its value at both ends; shares in percent, fractions
    scaled to percent when the extractor left them 0-1. Works on the model's ``Quantity``."""
    if unit_family(quantity.unit) == "share":
        shared = share_interval(quantity)
        if shared is not None and shared[1] <= 100.5:
            return shared
    low = quantity.low if quantity.low is not None else quantity.value
    high = quantity.high if quantity.high is not None else quantity.value
    if quantity.unit == "fraction" and high <= 1.0 and quantity.value <= 1.0:
        low, high = low * 100, high * 100
    return low, high, quantity.low_open, quantity.high_open


def intervals_overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    """Whether two (low, high, low_open, high_open) intervals share at least one point."""
    a_low, a_high, a_low_open, a_high_open = a
    b_low, b_high, b_low_open, b_high_open = b
    if a_high < b_low or b_high < a_low:
        return False
    if a_high == b_low and (a_high_open or b_low_open):
        return False
    if b_high == a_low and (b_high_open or a_low_open):
        return False
    return True


def unit_family(unit: str) -> str:
    """Units that can be compared: shares (percent, fraction), counts, money per currency."""
    unit = unit.casefold()
    if unit in ("percent", "fraction", "share", "%"):
        return "share"
    return unit
