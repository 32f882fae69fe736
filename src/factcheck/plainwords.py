"""Values in plain words for messages: dates, time expressions, quantities and quotations.

Checks build their messages with these, so a reader sees "more than 66.7%" and "'recent'
(relative to the dateline)", never interval notation such as ``(66.6667, 100]%`` or TIMEX3
tokens such as ``PRESENT_REF``. One place, so every check and reporter words a value alike.
"""

from __future__ import annotations

import math
import re

from factcheck.model import Quantity, TimeExpression

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
_QUARTERS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_HALVES = {"1": "first", "2": "second"}
_REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_WORD_EDGE = re.compile(r"\W")


def date_words(value: str | None) -> str:
    """A TIMEX3 value in words: ``2024-02-02`` -> "2 February 2024", ``2024-Q1`` -> "the first
    quarter of 2024", ``PRESENT_REF`` -> "the present"; an unknown shape is returned as it is."""
    if not value:
        return "an unknown date"
    if value in _REFERENCES:
        return _REFERENCES[value]
    if match := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        year, month, day = match.groups()
        return f"{int(day)} {MONTHS[int(month) - 1]} {year}" if 1 <= int(month) <= 12 else value
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = match.groups()
        return f"{MONTHS[int(month) - 1]} {year}" if 1 <= int(month) <= 12 else value
    if match := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"the {_QUARTERS[match.group(2)]} quarter of {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"the {_HALVES[match.group(2)]} half of {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
        return f"{_SEASONS[match.group(2)]} {match.group(1)}"
    if match := re.fullmatch(r"(\d{4})-W(\d{1,2})", value):
        return f"week {int(match.group(2))} of {match.group(1)}"
    if re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"\d{2}", value):
        return f"the {int(value) + 1}th century"
    return value


def time_words(time: TimeExpression) -> str:
    """A time expression as written, then what it means: "'recent' (relative to the dateline)",
    "'this month' (March 2025, counted from the dateline)", "'in 2024' (2024)"."""
    written = quoted(time.span.text)
    if time.value in _REFERENCES or time.value is None:
        return f"{written} (relative to the dateline)"
    meaning = date_words(time.value)
    if time.relative:
        return f"{written} ({meaning}, counted from the dateline)"
    if normalised(meaning) == normalised(time.span.text):
        return written
    return f"{written} ({meaning})"


def number_words(value: float) -> str:
    """A number as a person writes it: 66.6667 -> "66.7", 1200000 -> "1,200,000", 0.5 -> "0.5"."""
    if math.isinf(value):
        return "infinity" if value > 0 else "minus infinity"
    if float(value).is_integer():
        return f"{int(value):,}"
    magnitude = abs(value)
    digits = 1 if magnitude >= 1 else 3
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return text


def _with_unit(value: float, unit: str) -> str:
    if unit in ("percent", "%"):
        return f"{number_words(value)}%"
    if unit == "fraction":
        return f"{number_words(value * 100)}%"
    if unit == "count" or not unit:
        return number_words(value)
    if unit.startswith("money:"):
        return f"{number_words(value)} {unit.split(':', 1)[1]}"
    return f"{number_words(value)} {unit}"


def interval_words(
    low: float, high: float, low_open: bool, high_open: bool, unit: str = "count", ceiling: float | None = None
) -> str:
    """An interval of allowed values in words: ``(66.7, 100]`` percent -> "more than 66.7%".

    ``ceiling`` is the natural upper end (100 for a percentage): an interval reaching it is
    read as bounded below only.
    """
    if low == high:
        return _with_unit(low, unit)
    unbounded_above = math.isinf(high) or (ceiling is not None and high >= ceiling)
    unbounded_below = math.isinf(low) or low <= 0
    if unbounded_above and not unbounded_below:
        return f"{'more than' if low_open else 'at least'} {_with_unit(low, unit)}"
    if unbounded_below and not unbounded_above:
        return f"{'less than' if high_open else 'at most'} {_with_unit(high, unit)}"
    if unbounded_above and unbounded_below:
        return "any value"
    return f"between {_with_unit(low, unit)} and {_with_unit(high, unit)}"


def quantity_words(
    quantity: Quantity,
    low: float | None = None,
    high: float | None = None,
    low_open: bool | None = None,
    high_open: bool | None = None,
    share: bool = False,
) -> str:
    """A quantity as written, then the values it allows: "'over two-thirds' (more than 66.7%)".

    The interval defaults to the quantity's own; a check that computed it otherwise (a share of
    a whole) passes its own ends. ``share`` marks a percentage, whose ceiling is 100.
    """
    if low is None:
        low = quantity.value if quantity.low is None else quantity.low
    if high is None:
        high = quantity.value if quantity.high is None else quantity.high
    low_open = quantity.low_open if low_open is None else low_open
    high_open = quantity.high_open if high_open is None else high_open
    unit = "percent" if share else quantity.unit
    meaning = interval_words(low, high, low_open, high_open, unit, ceiling=100.0 if share else None)
    written = quoted(quantity.span.text)
    if normalised(meaning) == normalised(quantity.span.text):
        return written
    return f"{written} ({meaning})"


def normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def excerpt(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut at a word boundary before ``limit`` characters, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    boundary = max((match.start() for match in _WORD_EDGE.finditer(cut)), default=-1)
    if boundary > limit // 2:
        cut = cut[:boundary]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def quoted(text: str, limit: int = 160) -> str:
    """Text from a document in quotation marks, cut at a word boundary."""
    return f"\u2018{excerpt(text, limit)}\u2019"
