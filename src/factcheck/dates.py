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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from factcheck.model import Claim, TimeExpression

__all__ = ["interval_of", "intervals_overlap", "values_agree", "year_nearest"]

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


# A day to read relative dates against when neither side has a dateline: any day does, as long as both sides share it.
FALLBACK_ANCHOR = date(2001, 1, 15)


# What a figure is measured against, not when the act happened: "the highest since 1990", "more than in
# 2003", "up tenfold on 2003" (a bare year after "on"), "compared with $1.1bn in the same period in 2003",
# "fell from the same period in 2003" (but "28,041 for the same period in 2004" is the act's own period).
_BASE_BEFORE = re.compile(
    r"(?:\b(?:since|than)\s+(?:in\s+)?(?:the\s+)?"
    r"|\b(?:from|on|over|than|against)\s+(?:the\s+)?same\s+(?:period|month|quarter|week|day|time)\s+(?:in|of|last)\s+"
    r"|\bcompared\s+(?:with|to)\b[^;:!?]{0,60}?)$",
    re.IGNORECASE,
)
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)
# "the first man since Jane Roe in 1988 to win": the name between "since" and the year is whose feat is the base.
_SINCE_A_NAME_IN = re.compile(r"\b[Ss]ince\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}in\s+$")
_BARE_YEAR = re.compile(r"^(?:1[89]|20)\d{2}$")


def a_comparison_base(claim: Claim, time: TimeExpression) -> bool:
    """Whether a date is what something is compared against, not when the sentence's act happened.

    "Downloads shot up more than tenfold in 2004" / "Tracks downloaded were up more than tenfold on
    2003": one rise, of 2004 over 2003, told from its two ends. "The highest since 1990", "compared
    with ... in the same period in 2003" date the base of a comparison too, as does the year of a named
    holder's feat a first is counted from ("the first man since Jane Roe in 1988 to win"), which another
    source writes "the first man since 1988".
    """
    before = claim.span.text[: max(0, time.span.start - claim.span.start)]
    if _BASE_BEFORE.search(before) or _SINCE_A_NAME_IN.search(before):
        return True
    return bool(_BARE_YEAR.match(time.span.text.strip()) and _ON_BEFORE.search(before))


# A year written in the words themselves ("2009", "'09"), not inferred from a dateline.
YEAR_WORDS = re.compile(r"\b\d{4}\b|'\d{2}\b")
_DATED = re.compile(r"^(\d{4})(-\d{2}.*)$")
_YEAR_VALUE = re.compile(r"^(\d{4})(?:-|$)")


def year_of_the_other(
    left: TimeExpression, left_value: str, right: TimeExpression, right_value: str
) -> tuple[str, str]:
    """A side whose words give no year ("Feb. 22") is read in the year the other side's words give.

    Its year was inferred (from a dateline, or a guess without one); "Feb. 22" against "Sunday,
    February 22, 2009" is one day, and "Feb. 13" against it still another; "a June 20 shooting"
    against "in 2005" is a day of 2005, whatever year the dateline suggested.
    """
    left_year, right_year = YEAR_WORDS.search(left.span.text), YEAR_WORDS.search(right.span.text)
    if bool(left_year) == bool(right_year):
        return left_value, right_value
    # The side with a year may give only the year ("in 2005" against "a June 20 shooting").
    left_dated, right_dated = _DATED.match(left_value), _DATED.match(right_value)
    left_in, right_in = _YEAR_VALUE.match(left_value), _YEAR_VALUE.match(right_value)
    if left_year and left_in and right_dated:
        right_value = left_in.group(1) + right_dated.group(2)
    elif right_year and right_in and left_dated:
        left_value = right_in.group(1) + left_dated.group(2)
    return left_value, right_value


def year_nearest(value: str, other: str) -> str:
    """``value``, a day or a month whose year no words nor dateline of its own gave, read in the year that puts it
    nearest ``other`` (the year before, the same or the year after): only its month and day were written.

    "Nov. 9" in an undated article has no year; read against another article's dateline of 6 November 2022 it
    would be "the latest 9 November up to that day", 9 November 2021, a year from the other article's "Wednesday"
    (9 November 2022). What the words say is the month and the day, so they are compared as such: "Nov. 9" against
    9 November 2022 is that day, "Jan. 2" against 30 December 2022 is 2 January 2023. A value whose interval
    cannot be read is returned as it is.
    """
    dated, other_interval = _DATED.match(value), interval_of(other)
    if dated is None or other_interval is None:
        return value
    year = other_interval[0].year
    best, best_gap = value, None
    for candidate_year in (year, year - 1, year + 1):
        candidate = f"{candidate_year:04d}{dated.group(2)}"
        interval = interval_of(candidate)
        if interval is None:  # 29 February of a common year
            continue
        gap = max((other_interval[0] - interval[1]).days, (interval[0] - other_interval[1]).days, 0)
        if best_gap is None or gap < best_gap:
            best, best_gap = candidate, gap
    return best
