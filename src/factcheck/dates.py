"""The calendar interval of a TIMEX3 value: the one implementation the recogniser, the checks and the ledger share.

``interval_of("2020-Q3")`` is 1 July .. 30 September 2020: the first and the last day the value can
mean, both included. Everything that asks whether two dates can be the same time (date-conflict,
temporal, the ledger's events and figures) compares these intervals, so a value reads the same way
wherever it is used.

Values read (TIMEX3, plus the ledger's own ``2010s``):

* ``2020`` year, ``2020-10`` month, ``2020-10-05`` day; a time of day (``2020-10-05T14:30``,
  ``2020-10-05TAF``) covers its day;
* ``2020-Q3`` quarter, ``2020-H1`` half, ``2020-W05`` ISO week (Monday..Sunday), ``2020-W05-WE``
  its weekend (Saturday..Sunday);
* seasons, meteorological and northern-hemisphere: ``SP`` March-May, ``SU`` June-August,
  ``FA``/``AU`` September-November, ``WI`` winter. "Winter 2023" is said both of the winter that
  ends in early 2023 and of the one that starts in December 2023, so ``2023-WI`` covers both:
  1 December 2022 .. 29 February 2024. Read narrower, a check would report a contradiction that
  the wording does not make;
* ``199X`` or ``1990s`` decade, ``19XX`` century.

Anything else (``PRESENT_REF``, durations such as ``P3M``, sets, ``XXXX-10``, None) has no
interval: None. Such values cannot be shown to disagree with anything.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

__all__ = ["interval_of", "intervals_overlap", "values_agree"]

Interval = tuple[date, date]

_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|W(?P<week>\d{2})(?P<weekend>-WE)?|(?P<season>SP|SU|FA|AU|WI)))?"
    r"(?:T[\w:.+\-]*)?$"
    r"|^(?P<decade>\d{3})(?:X|0s)$|^(?P<century>\d{2})XX$"
)
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9}


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# Words whose meaning does not depend on the day they are read: a month (with its day), a
# year. "today", "yesterday", "last week" and a weekday ("on Friday": the Friday before or
# after the dateline) mean different days in articles of different days.
_ANCHOR_FREE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\b\d{4}\b",
    re.IGNORECASE,
)
_DEICTIC = re.compile(r"\b(?:last|next|this|ago|coming|past)\b", re.IGNORECASE)


def names_its_own_date(text: str) -> bool:
    """Whether a date's words name it (a month, a year: "June 24", "in 2005"), not the writer's day ("today", "last year")."""
    return bool(_ANCHOR_FREE.search(text)) and not _DEICTIC.search(text)


def interval_of(value: str | None) -> Interval | None:
    """The first and the last day ``value`` can mean, or None when it names no calendar time."""
    if not value:
        return None
    found = _VALUE.match(value.strip())
    if found is None:
        return None
    try:
        if found["decade"]:
            first_year = int(found["decade"]) * 10
            return date(first_year, 1, 1), date(first_year + 9, 12, 31)
        if found["century"]:
            first_year = int(found["century"]) * 100
            return date(max(first_year, 1), 1, 1), date(first_year + 99, 12, 31)
        year = int(found["year"])
        if year < 1:
            return None
        if found["day"]:
            day = date(year, int(found["month"]), int(found["day"]))
            return day, day
        if found["month"]:
            month = int(found["month"])
            return date(year, month, 1), _month_end(year, month)
        if found["quarter"]:
            first = (int(found["quarter"]) - 1) * 3 + 1
            return date(year, first, 1), _month_end(year, first + 2)
        if found["half"]:
            return (
                (date(year, 1, 1), date(year, 6, 30))
                if found["half"] == "1"
                else (date(year, 7, 1), date(year, 12, 31))
            )
        if found["week"]:
            monday = date.fromisocalendar(year, int(found["week"]), 1)
            if found["weekend"]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if found["season"]:
            season = found["season"]
            if season == "WI":
                return date(year - 1, 12, 1), _month_end(year + 1, 2)
            first = _SEASON_FIRST_MONTH[season]
            return date(year, first, 1), _month_end(year, first + 2)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # no such day, week 53 in a 52-week year, year out of range
        return None


def intervals_overlap(first: Interval, second: Interval) -> bool:
    """Whether two closed day intervals share a day."""
    return first[0] <= second[1] and second[0] <= first[1]


def values_agree(first: str | None, second: str | None) -> bool:
    """Whether two TIMEX values can describe the same time: their intervals overlap.

    "2020" and "2020-10" agree (one holds the other); "2019" and "2020" do not. A value without an
    interval cannot be shown to disagree, so it agrees with everything: a check reports only a
    conflict it can prove.
    """
    first_interval, second_interval = interval_of(first), interval_of(second)
    if first_interval is None or second_interval is None:
        return True
    return intervals_overlap(first_interval, second_interval)
