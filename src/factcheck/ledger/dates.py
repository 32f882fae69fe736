"""Partial dates of the ledger (2019, 2019-05, 2019-05-01); their intervals come from factcheck.dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from factcheck.dates import interval_of, intervals_overlap
from factcheck.yamlio import brief

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
                year_text, month_text, day_text = match.groups()
                year = int(year_text)
                month = int(month_text) if month_text else None
                day = int(day_text) if day_text else None
                if year < 1:
                    raise ValueError(f"bad date {brief(value)}: there is no year 0000 (the calendar starts at 0001)")
                if month is not None and not 1 <= month <= 12:
                    raise ValueError(f"bad date {brief(value)}: month {month} is not 1-12")
                if day is not None and month is not None:
                    try:
                        date(year, month, day)
                    except ValueError:
                        raise ValueError(f"bad date {brief(value)}: no such day") from None
                return cls(year, month, day)
        raise ValueError(f"bad date {brief(value)}: write YYYY, YYYY-MM or YYYY-MM-DD")

    @property
    def granularity(self) -> Literal["day", "month", "year"]:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> date:
        return self.interval()[0]

    def latest(self) -> date:
        return self.interval()[1]

    def interval(self) -> tuple[date, date]:
        interval = interval_of(str(self))
        assert interval is not None  # parse() only builds real years, months and days
        return interval

    def agrees(self, other: "PartialDate | tuple[date, date]") -> bool:
        """Granularity-aware agreement: "2020" agrees with "2020-05"; "2024-02" does not with "2025"."""
        return intervals_overlap(self.interval(), other.interval() if isinstance(other, PartialDate) else other)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def time_interval(value: str | None) -> tuple[date, date] | None:
    """The date interval a TIMEX3-style value covers, or None for references and unknowns.

    The ledger reads values as the recogniser and the date checks do: ``factcheck.dates``.
    """
    return interval_of(value)


def _date_or_open(value: Any) -> PartialDate | None:
    if value is None or (isinstance(value, str) and value.strip().casefold() in _OPEN_WORDS | {""}):
        return None
    return PartialDate.parse(value)
