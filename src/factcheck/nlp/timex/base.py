"""What every time rule shares: the match record, the candidate record, the rule registry and calendar arithmetic."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from factcheck.nlp.timex.lexicon import MONTH_NUMBER, NUMBER_WORDS


@dataclass(frozen=True)
class TimeMatch:
    """One time expression: half-open offsets into the text and its resolved value."""

    start: int
    end: int
    text: str
    value: str | None
    # The calendar precision (a TIME's is its day); for a DURATION the unit ("time" below a day).
    granularity: str  # time | day | week | month | quarter | season | year | decade | century | present | unknown
    relative: bool = False  # the value came from the anchor (dateline)
    recent: bool = False  # the wording presents the event as recent
    type: str = "DATE"  # TIMEX3 type: DATE, TIME, DURATION or SET
    reasoning: str | None = None  # how an underspecified value was resolved, for findings to explain
    quantifier: str | None = None  # SET: "EVERY", "EACH"
    # The date a relative value was counted from when it is not the dateline: the date the text named
    # before "the next day", the day beside "3 pm on Friday".
    reference: date | None = None

    @property
    def is_point(self) -> bool:
        """A date or a time of day (a point or period on the calendar), not a length or a repetition."""
        return self.type in ("DATE", "TIME")


# --------------------------------------------------------------------------- helpers


def month_of(name: str) -> int:
    return MONTH_NUMBER[name.rstrip(".").casefold()]


def day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def count_value(token: str) -> int | None:
    token = " ".join(token.casefold().split())
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


def resolve_month(anchor: date, month: int, future: bool) -> int:
    """The year of a month named without one, read against the anchor (see module doc)."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def resolve_month_day(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The date of a month and day named without a year: the latest on or before the anchor,
    or the earliest on or after it for a future reading (29 February finds its leap year)."""
    step = 1 if future else -1
    for offset in range(9):
        year = anchor.year + step * offset
        if not valid_day(year, month, day):
            continue
        candidate = date(year, month, day)
        if (candidate >= anchor) if future else (candidate <= anchor):
            return candidate
    return None


# --------------------------------------------------------------------------- candidates


@dataclass
class Candidate:
    start: int
    end: int
    value: str | None
    granularity: str
    relative: bool = False
    recent: bool = False
    rank: int = 0  # tie-breaker between equally long candidates: lower wins
    type: str = "DATE"
    reasoning: str | None = None
    quantifier: str | None = None
    # Set on expressions that refer to a time the text has just named ("the next day", "two years
    # later", "that week"): the unit, the shift in units, the part of day and the words, resolved by
    # find_times against the last date written before it (the dateline when there is none).
    follows: Follow | None = None
    clock: str | None = None  # a time of day read without a date ("T15:00"): a day named beside it gives the date
    reference: date | None = None  # the date the value was counted from, when not the dateline


@dataclass(frozen=True)
class Follow:
    unit: str  # day | week | month | year
    shift: int
    part: str | None  # MO, AF, EV, NI for "that morning"
    words: str
    years_back: int = 0  # "the same month a year ago"


Handler = Callable[[re.Match[str], str, "date | None"], "Candidate | None"]


_WORD_START = r"(?<![\w'\u2019])(?=[\w'\u2019(])"


class Rules:
    """One module's time rules, in the order they are written: ``rule = Rules()``, then ``@rule(pattern)``.

    The package's ``__init__`` joins the modules' lists in a fixed order, so which rule wins a tie
    never depends on the order in which the modules happen to be imported.
    """

    def __init__(self) -> None:
        self.patterns: list[tuple[re.Pattern[str], Handler]] = []

    def __call__(self, pattern: str, flags: int = 0) -> Callable[[Handler], Handler]:
        # Every expression starts at a word start; saying so first lets the engine skip the
        # inside of words cheaply instead of trying each optional prefix at every character.
        compiled = re.compile(_WORD_START + "(?:" + pattern + ")", flags)

        def register(handler: Handler) -> Handler:
            self.patterns.append((compiled, handler))
            return handler

        return register


def match_span(match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
    return match.start(group), match.end(group)


# A rate: a number or a frequency word, then at most three words of what is counted, then "a year".
_QUANTITY_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s?(?:%|bn|m|k|million|billion|thousand|trillion)?|\b(?:once|twice|thrice|times|per))"
    r"\s{1,3}(?:\([^()]{0,24}\)\s{1,3})?(?:[A-Za-z][\w'\u2019-]*\s{1,3}){0,3}$",
    re.IGNORECASE,
)


def after_a_quantity(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    stop = max(before.rfind(mark) + len(mark) for mark in (". ", "; ", ": ", ", ", "\n"))
    return _QUANTITY_BEFORE.search(before[max(stop, 0) :]) is not None
