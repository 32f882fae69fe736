"""Partial dates of the ledger (2019, 2019-05, 2019-05-01) and the interval of days a date value covers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

# Words that say an end date is open (the role is held, the figure still stands).
_OPEN_WORDS = frozenset({"open", "present", "now", "current", "ongoing"})
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date at its real precision: a year, a month or a day ("2020", "2022-11", "2019-12-20")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        """From a YAML scalar: a date, a year number or a ``YYYY[-MM[-DD]]`` string."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            return cls(value)
        if isinstance(value, str):
            match = _PARTIAL_DATE.match(value.strip())
            if match:
                year, month, day = (int(part) if part else None for part in match.groups())
                if month is not None and not 1 <= month <= 12:
                    raise ValueError(f"bad date {value!r}: month {month} is not 1-12")
                if day is not None:
                    try:
                        date(year, month, day)
                    except ValueError:
                        raise ValueError(f"bad date {value!r}: no such day") from None
                return cls(year, month, day)
        raise ValueError(f"bad date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD")

    @property
    def granularity(self) -> Literal["day", "month", "year"]:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def interval(self) -> tuple[date, date]:
        return self.earliest(), self.latest()

    def agrees(self, other: "PartialDate | tuple[date, date]") -> bool:
        """Granularity-aware agreement: "2020" agrees with "2020-05"; "2024-02" does not with "2025"."""
        low, high = other.interval() if isinstance(other, PartialDate) else other
        return self.earliest() <= high and low <= self.latest()

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def time_interval(value: str | None) -> tuple[date, date] | None:
    """The date interval a TIMEX3-style value covers, or None for references and unknowns.

    ``2020`` -> the year; ``2020-05``; ``2020-05-18``; ``2020-Q2``; ``2020-SU``; ``201X`` or
    ``2010s`` -> the decade.
    """
    if not value:
        return None
    value = value.strip()
    try:
        return PartialDate.parse(value).interval()
    except ValueError:
        pass
    match = re.match(r"^(\d{4})-Q([1-4])$", value)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        last = quarter * 3
        return date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1])
    match = re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value)
    if match:
        year, (first, last) = int(match.group(1)), _SEASONS[match.group(2)]
        end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
        return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    match = re.match(r"^(\d{3})(?:X|0s)$", value)
    if match:
        decade = int(match.group(1)) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    return None


def _date_or_open(value: Any) -> PartialDate | None:
    if value is None or (isinstance(value, str) and value.strip().casefold() in _OPEN_WORDS | {""}):
        return None
    return PartialDate.parse(value)
