"""Time expressions in plain text: find them, resolve them to TIMEX3-style values, compare them.

Regex-based and spaCy-free, so it is fast and usable anywhere. Every pattern is compiled
once; each uses only bounded or literal-anchored repetition, and context checks look at a
fixed window, so the scan is linear in the text length even on hostile input.

Values follow TIMEX3: ``2024-02-02`` (day), ``2024-02`` (month), ``2024-W06`` (ISO week),
``2024-Q3``, ``2023-SU`` (season: SP, SU, FA, WI), ``2024`` (year), ``199X`` (decade),
``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` (no calendar value).

Choices a reader should know about:

* Numeric dates (``2/3/2024``) are read as a day only when unambiguous: one part is above
  12 (so it must be the day) or both parts are equal. Otherwise month and day could be
  swapped (US vs. most other countries), so the match keeps only its year (granularity
  ``year``): true but coarse, and never a wrong day.
* Weeks ("this week", "last week", "3 weeks ago") resolve to ISO weeks (``2025-W07``)
  with granularity ``week``; ``parse_date_value`` turns them into Monday..Sunday.
* A month or a month and day without a year ("in March", "on March 5") takes the anchor's
  year, unless that would put it after the anchor: then the previous year, because news
  mostly reports what has happened. A future cue earlier in the sentence ("will",
  "scheduled", "plans", "expected") keeps the anchor's year (or the next one).
* "on Monday" is the most recent Monday on or before the anchor; "last Monday" the most
  recent strictly before it; "next Monday" the first after it.
* "early 2023", "the end of 2021", "mid-2022", "the first half of 2024" keep the modifier
  in the span but the value at the granularity of what they modify (year here).
* A bare four-digit number 1900-2100 is a year only in context: after a preposition or
  "the" ("in 2022", "since 2019", "the 2022 strategy"), before a possessive or a verb
  ("2022's", "2024 was"), in parentheses, or in a list/range with another year. It is not
  a year when written as a count ("2,000"), followed by a counted noun ("2000 troops"),
  or glued to an identifier ("H-2000", "No. 2022", "2022-15").
* Two-digit decades ("the '90s") are 19x0s from '30 upwards and 20x0s below.
* Recency words ("recently", "latest", "now" ...) give ``PRESENT_REF`` with
  ``recent=True`` and ``relative=False`` (their value does not come from the anchor);
  vague pasts ("years ago", "in the past") give ``PAST_REF``, vague futures ("soon",
  "in the coming months") ``FUTURE_REF``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from factcheck.dates import interval_of, values_agree

__all__ = ["TimeMatch", "find_times", "parse_date_value", "values_agree"]


@dataclass(frozen=True)
class TimeMatch:
    """One time expression: half-open offsets into the text and its resolved value."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: str  # day | week | month | quarter | season | year | decade | present | unknown
    relative: bool = False  # the value came from the anchor (dateline)
    recent: bool = False  # the wording presents the event as recent


# --------------------------------------------------------------------------- lexicons

_MONTHS: tuple[tuple[str, ...], ...] = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
_MONTH_NUMBER: dict[str, int] = {}
for _number, _names in enumerate(_MONTHS, start=1):
    for _name in _names:
        _MONTH_NUMBER[_name.casefold()] = _number


def _month_alternation() -> str:
    # Title case or upper case only: lower-case "may" and "march" are verbs far more often.
    forms: list[str] = []
    for names in _MONTHS:
        full, *abbreviations = names
        forms += [full, full.upper()]
        for abbreviation in abbreviations:
            forms += [abbreviation + r"\.?", abbreviation.upper() + r"\.?"]
    forms.sort(key=len, reverse=True)
    return "(?:" + "|".join(forms) + r")(?![A-Za-z])"


_MONTH = _month_alternation()
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_WEEKDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR4 = r"(?:1\d{3}|20\d{2}|2100)(?![\d])"
_TIME_OF_DAY = (
    r"(?:,?\s{1,3}(?:at\s{1,3})?"
    r"(?:\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?|\d{1,2}\s?[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "a couple of": 2, "couple of": 2, "a couple": 2,
}
_COUNT_WORD = (
    r"(?:\d{1,3}|a\s+couple\s+of|a\s+couple|couple\s+of|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty)"
)
_ORDINAL_QUARTER = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "final": 4, "last": 4,
}
_SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Modifiers that narrow a period without changing its granularity ("early 2023").
_MOD = (
    r"(?:(?:the\s{1,3})?(?:very\s{1,3})?(?:end|beginning|start|middle|close|turn"
    r"|(?:first|second|latter|last|final|early|later|closing|opening)\s{1,3}(?:half|part|months?|weeks?|days?)"
    r")\s{1,3}of\s{1,3}|(?:early|late|mid|middle|end)(?:\s{1,3}|-)|mid(?=\d))"
)

# Nouns that make a preceding four-digit number a count, not a year ("2000 troops").
_COUNT_NOUNS = frozenset(
    """people persons men women children kids adults troops soldiers personnel workers employees
    staff jobs residents citizens students voters votes members officers officials patients cases
    deaths casualties victims refugees migrants units vehicles cars trucks tanks aircraft planes
    ships boats homes houses households families companies firms businesses schools
    dollars euros pounds yen yuan won rupees francs tonnes tons kilograms kg km kilometres
    kilometers miles metres meters feet foot hectares acres barrels litres liters gallons
    copies pages words items times hours minutes seconds days weeks months years decades
    satellites missiles rockets drones weapons warheads guns rounds shells bombs sites
    signatures letters emails calls messages posts users customers subscribers visitors
    participants respondents delegates scientists researchers experts engineers doctors nurses
    teachers police protesters demonstrators fighters militants prisoners detainees hostages
    animals birds trees species samples tests trials doses vaccines beds seats flights passengers
    more fewer less additional extra other new times percent per""".split()
)

_PRESENT_WORDS = (
    r"recently|recent|newly|latest|currently|nowadays|presently|now|at\s+present|these\s+days"
    r"|to\s+date|so\s+far|as\s+of\s+now|in\s+recent\s+(?:days|weeks|months|years)"
    r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years|year|month|week)"
)
_PAST_WORDS = r"previously|formerly|in\s+the\s+past|in\s+years\s+past|historically|once\s+upon\s+a\s+time"
_FUTURE_WORDS = (
    r"soon|shortly|upcoming|in\s+the\s+(?:near\s+)?future"
    r"|in\s+the\s+(?:coming|next)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years|decades)"
)

_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|would|plans?|planned|planning|scheduled|expected|expects|due|set\s+to"
    r"|upcoming|intends?|aims?\s+to|is\s+to|are\s+to|going\s+to)\b",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n\s*\n")


# --------------------------------------------------------------------------- helpers


def _month_of(name: str) -> int:
    return _MONTH_NUMBER[name.rstrip(".").casefold()]


def _day_of(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _count_value(token: str) -> int | None:
    token = " ".join(token.casefold().split())
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token)


def _future_context(text: str, start: int) -> bool:
    """Whether the sentence around ``start`` (120 characters either side) speaks of the future."""
    before = text[max(0, start - 120):start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    after = text[start:start + 120]
    stop = _SENTENCE_BREAK.search(after)
    if stop:
        after = after[:stop.start()]
    return _FUTURE_CUE.search(before) is not None or _FUTURE_CUE.search(after) is not None


def _resolve_month(anchor: date, month: int, future: bool) -> int:
    """The year of a month named without one, read against the anchor (see module doc)."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _resolve_month_day(anchor: date, month: int, day: int, future: bool) -> date | None:
    """The date of a month and day named without a year: the latest on or before the anchor,
    or the earliest on or after it for a future reading (29 February finds its leap year)."""
    step = 1 if future else -1
    for offset in range(9):
        year = anchor.year + step * offset
        if not _valid_day(year, month, day):
            continue
        candidate = date(year, month, day)
        if (candidate >= anchor) if future else (candidate <= anchor):
            return candidate
    return None


# --------------------------------------------------------------------------- candidates

@dataclass
class _Candidate:
    start: int
    end: int
    value: str | None
    granularity: str
    relative: bool = False
    recent: bool = False
    rank: int = 0  # tie-breaker between equally long candidates: lower wins


_Handler = Callable[[re.Match[str], str, "date | None"], "_Candidate | None"]
_RULES: list[tuple[re.Pattern[str], _Handler]] = []


_WORD_START = r"(?<![\w'\u2019])(?=[\w'\u2019(])"


def _rule(pattern: str, flags: int = 0) -> Callable[[_Handler], _Handler]:
    # Every expression starts at a word start; saying so first lets the engine skip the
    # inside of words cheaply instead of trying each optional prefix at every character.
    compiled = re.compile(_WORD_START + "(?:" + pattern + ")", flags)

    def register(handler: _Handler) -> _Handler:
        _RULES.append((compiled, handler))
        return handler

    return register


def _span(match: re.Match[str], group: str | int = 0) -> tuple[int, int]:
    return match.start(group), match.end(group)


# Full dates -------------------------------------------------------------------------

@_rule(
    rf"(?:\b{_WEEKDAY},?\s{{1,3}})?(?<![A-Za-z])(?P<month>{_MONTH})\s{{0,3}}(?P<day>{_DAY}),?\s{{1,3}}"
    rf"(?P<year>{_YEAR4}){_TIME_OF_DAY}"
)
def _month_day_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    year, month, day = int(match["year"]), _month_of(match["month"]), _day_of(match["day"])
    if not _valid_day(year, month, day):
        return None
    return _Candidate(*_span(match), f"{year:04d}-{month:02d}-{day:02d}", "day")


@_rule(
    rf"(?:\b{_WEEKDAY},?\s{{1,3}})?(?<![\d.,])\b(?P<day>{_DAY})\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{_MONTH}),?\s{{1,3}}"
    rf"(?P<year>{_YEAR4}){_TIME_OF_DAY}"
)
def _day_month_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_day_year(match, text, anchor)


@_rule(r"(?<![\w.\-/])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w\-/])")
def _iso_date(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not _valid_day(year, month, day):
        return None
    return _Candidate(*_span(match), f"{year:04d}-{month:02d}-{day:02d}", "day")


@_rule(r"(?<![\w.\-/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\w/\-])")
def _ymd_slashes(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _iso_date(match, text, anchor)


@_rule(r"(?<![\w.\-/])(?P<a>\d{1,2})([/.\-])(?P<b>\d{1,2})\2(?P<year>\d{4})(?![\w/\-]|\.\d)")
def _numeric_date(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    readings = {(m, d) for m, d in ((first, second), (second, first)) if _valid_day(year, m, d)}
    if not readings:
        return None
    if len(readings) == 1:
        month, day = readings.pop()
        return _Candidate(*_span(match), f"{year:04d}-{month:02d}-{day:02d}", "day")
    # Month and day could be swapped: keep only what is certain.
    return _Candidate(*_span(match), f"{year:04d}", "year")


# Month and year, month and day ---------------------------------------------------------

@_rule(rf"(?P<mod>{_MOD})?(?<![A-Za-z])(?P<month>{_MONTH}),?\s{{1,3}}(?:of\s{{1,3}})?(?P<year>{_YEAR4})", re.IGNORECASE)
def _month_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    month_text = match["month"]
    if not (month_text[0].isupper()):
        return None  # IGNORECASE is only for the modifier; months stay capitalised
    year, month = int(match["year"]), _month_of(month_text)
    return _Candidate(*_span(match), f"{year:04d}-{month:02d}", "month")


@_rule(
    rf"(?P<mod>{_MOD})?(?:(?P<rel>\b(?:last|next|this)\s{{1,3}}))?(?<![A-Za-z])(?P<month>{_MONTH})\s{{0,3}}(?P<day>{_DAY})(?![\d,.:]\d|\s?[AaPp]\.?[Mm]\b|%)"
)
def _month_day(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_day_common(match, text, anchor)


@_rule(
    rf"(?<![\d.,])\b(?P<day>{_DAY})\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{_MONTH})"
)
def _day_month(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_day_common(match, text, anchor)


def _month_day_common(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    month, day = _month_of(match["month"]), _day_of(match["day"])
    if not _valid_day(2000, month, day):  # 2000 is a leap year: allows 29 February
        return None
    start, end = _span(match)
    if anchor is None:
        return _Candidate(start, end, None, "day", relative=True)
    resolved = _resolve_month_day(anchor, month, day, _future_context(text, start))
    if resolved is None:
        return None
    return _Candidate(start, end, resolved.isoformat(), "day", relative=True)


_MONTH_PREP = (
    r"\b(?:in|since|by|until|till|from|to|through|throughout|during|before|after|of|on|for"
    r"|between|and|or|around|early|late|mid|as\s+of|starting|beginning|ending|last|next|this)"
)


@_rule(
    rf"(?P<prep>{_MONTH_PREP})\s{{1,3}}(?P<core>(?P<mod>{_MOD})?(?:(?P<rel>(?i:last|next|this))\s{{1,3}})?"
    rf"(?<![A-Za-z])(?P<month>{_MONTH}))(?![\s,]{{1,3}}(?:\d|of\s+\d))"
)
def _bare_month(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    prep = match["prep"].casefold()
    rel = (match["rel"] or "").casefold()
    if prep in {"last", "next", "this"}:
        rel, start = prep, match.start("prep")
    else:
        start = match.start("core")
    end = match.end("core")
    if match["month"].rstrip(".") == "May" and not (rel or match["mod"]) and prep in {"to", "and", "or", "for", "on"}:
        return None  # "to May", "and May" are too often names or the verb
    month = _month_of(match["month"])
    if anchor is None:
        return _Candidate(start, end, None, "month", relative=True)
    if rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = _resolve_month(anchor, month, _future_context(text, start))
    return _Candidate(start, end, f"{year:04d}-{month:02d}", "month", relative=True)


# Quarters, seasons, decades -------------------------------------------------------------

@_rule(
    r"\b(?P<mod>(?:the\s{1,3})?)(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s\-]{1,3}quarter"
    r"(?:\s{1,3}of)?\s{1,3}(?:(?P<year>" + _YEAR4 + r")|(?P<rel>this|last|next|the)\s{1,3}year\b)",
    re.IGNORECASE,
)
def _ordinal_quarter(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    quarter = _ORDINAL_QUARTER[match["ord"].casefold()]
    return _quarter_candidate(match, quarter, anchor)


@_rule(
    r"(?<![\w\-])(?:Q(?P<q1>[1-4])\s{0,3}(?:of\s{1,3})?(?:FY\s?)?(?P<year1>" + _YEAR4 + r"|'\d{2}(?!\d))"
    r"|(?P<year2>" + _YEAR4 + r")\s{0,3}Q(?P<q2>[1-4])|(?P<q3>[1-4])Q\s?(?P<year3>" + _YEAR4 + r"))(?![\w\-])"
)
def _q_quarter(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    quarter = int(match["q1"] or match["q2"] or match["q3"])
    year_text = match["year1"] or match["year2"] or match["year3"]
    year = int(year_text) if not year_text.startswith("'") else 2000 + int(year_text[1:])
    return _Candidate(*_span(match), f"{year:04d}-Q{quarter}", "quarter")


@_rule(
    r"\b(?:(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+next)\s{1,3}quarter"
    r"|(?:in|during)\s{1,3}(?P<phrase>the\s{1,3}(?P<ord>first|second|third|fourth|final)\s{1,3}quarter))\b(?!\s{1,3}of\b|\s{1,3}century)",
    re.IGNORECASE,
)
def _relative_quarter(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    start, end = _span(match)
    if match["ord"]:
        start = match.start("phrase")
    if anchor is None:
        return _Candidate(start, end, None, "quarter", relative=True)
    current = (anchor.month - 1) // 3 + 1
    if match["ord"]:
        return _Candidate(start, end, f"{anchor.year:04d}-Q{_ORDINAL_QUARTER[match['ord'].casefold()]}", "quarter", relative=True)
    rel = " ".join(match["rel"].casefold().split())
    delta = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1, "the next": 1}[rel]
    index = anchor.year * 4 + current - 1 + delta
    return _Candidate(start, end, f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", relative=True)


def _quarter_candidate(match: re.Match[str], quarter: int, anchor: date | None) -> _Candidate | None:
    start, end = _span(match)
    if match["year"]:
        return _Candidate(start, end, f"{int(match['year']):04d}-Q{quarter}", "quarter")
    if anchor is None:
        return _Candidate(start, end, None, "quarter", relative=True)
    rel = match["rel"].casefold()
    year = anchor.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
    return _Candidate(start, end, f"{year:04d}-Q{quarter}", "quarter", relative=True)


@_rule(
    r"(?P<mod>\b(?:the\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-))?)\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
    r"(?:\s{1,3}of)?,?\s{1,3}(?P<year>" + _YEAR4 + r")"
)
def _season_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    start = match.start("season") if not match["mod"].strip() else match.start()
    code = _SEASON_CODE[match["season"].casefold()]
    return _Candidate(start, match.end(), f"{int(match['year']):04d}-{code}", "season")


@_rule(r"\b(?P<rel>this|last|next|past)\s{1,3}(?P<season>spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
def _relative_season(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    start, end = _span(match)
    if anchor is None:
        return _Candidate(start, end, None, "season", relative=True)
    code = _SEASON_CODE[match["season"].casefold()]
    rel = match["rel"].casefold()
    # Winter is labelled by the year of its January ("2025-WI" is December 2024 - February 2025).
    if code == "WI":
        this_year = anchor.year + 1 if anchor.month >= 9 else anchor.year
        ended = 3 <= anchor.month <= 8
    else:
        this_year = anchor.year
        ended = anchor.month > {"SP": 5, "SU": 8, "FA": 11}[code]
    if rel == "this":
        year = this_year
    elif rel in {"last", "past"}:
        year = this_year if ended else this_year - 1
    else:
        started = code == "WI" and anchor.month in {12, 1, 2} or code != "WI" and anchor.month >= {"SP": 3, "SU": 6, "FA": 9}[code]
        year = this_year + 1 if started else this_year
    return _Candidate(start, end, f"{year:04d}-{code}", "season", relative=True)


@_rule(
    r"(?P<mod>(?:\bthe\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-)))?"
    r"(?:(?<![\w'\u2019])(?P<decade>1[89]\d0|20\d0)['\u2019]?s|(?<![\w])['\u2019](?P<short>\d0)s)\b"
)
def _decade(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    if match["decade"]:
        decade = int(match["decade"])
    else:
        short = int(match["short"])
        decade = 1900 + short if short >= 30 else 2000 + short
    start = match.start() if match["mod"] else (match.start("decade") if match["decade"] else match.start("short") - 1)
    return _Candidate(start, match.end(), f"{decade // 10:03d}X", "decade")


# Years -----------------------------------------------------------------------------------

_YEAR_PREP = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|through|thru|throughout|before|after|during|of|between"
    r"|and|or|around|circa|c\.|ca\.|the|year|fiscal|as\s+of|for|within|starting|beginning|ending"
    r"|ended|end|early|late|its|their|his|her|our|this|that|each|every|whose|than|versus|vs\.?"
    r"|on|at|over|into|unlike|like|per|against|least|early\s+as|late\s+as|back\s+as|a|an)\s{1,3}|['\u2019]s\s{1,3}|\(|[\u2013\u2014-]|\bend-)$",
    re.IGNORECASE,
)
_YEAR_FOLLOW = re.compile(
    r"^(?:['\u2019]s\b|\s{0,3}\)|\s{1,3}(?:was|were|is|will|saw|has|had|marks|marked|brought|began|begins"
    r"|ended|ends|proved|became|remains|remained)\b|[\u2013\u2014-](?:\d{2}|\d{4})\b|\s{1,3}(?:and|or|to|through)\s{1,3}\d{4}\b)"
)
_YEAR_RANGE_END = re.compile(r"[\u2013\u2014-](?P<short>\d{2})(?![\d\w])")


@_rule(rf"(?:(?P<mod>{_MOD})|(?<![\w$€£¥.,:/#\-]))(?P<year>(?:19\d\d|20\d\d|2100))(?![\d%]|[.,]\d|[:/]\d|\w)", re.IGNORECASE)
def _year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    year_start, year_end = _span(match, "year")
    if not match["mod"] and not _year_in_context(text, year_start, year_end):
        return None
    if _followed_by_count_noun(text, year_end):
        return None
    start = match.start() if match["mod"] else year_start
    return _Candidate(start, year_end, match["year"], "year")


_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|page|pages|pp?|room|flight|route|section|article|chapter|model|version"
    r"|item|unit|code|ref|id|resolution|bill|exit|gate|platform|seat|suite|box|line)\.?\s{1,3}|[#№§]\s?)$",
    re.IGNORECASE,
)


def _year_in_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24):start]
    after = text[end:end + 24]
    if _IDENTIFIER_BEFORE.search(before):
        return False
    if _YEAR_PREP.search(before) or _YEAR_FOLLOW.match(after):
        # An identifier's hyphen is not a range dash: "H-2020", "A-2022".
        if before.endswith("-") and re.search(r"[A-Za-z]-$", before):
            return False
        return True
    return False


def _followed_by_count_noun(text: str, end: int) -> bool:
    following = re.match(r"\s{1,3}(?:-?\s?)([A-Za-z]+)", text[end:end + 40])
    if following is None:
        return False
    word = following.group(1)
    return word.islower() and word.casefold() in _COUNT_NOUNS or word in {"million", "billion", "thousand"}


@_rule(r"(?<![\w.,])(?P<first>(?:19|20)\d\d)[\u2013\u2014-](?P<short>\d{2})(?![\d\w%])")
def _year_short_range(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "2019-21": report the second year on its own; the first is found by _year.
    first = int(match["first"])
    second = first // 100 * 100 + int(match["short"])
    if second <= first:
        return None
    return _Candidate(match.start("short"), match.end("short"), f"{second:04d}", "year", rank=1)


# Relative to the anchor -----------------------------------------------------------------

@_rule(r"\b(?P<word>today|tonight|this\s+(?:morning|afternoon|evening)|(?:the\s+day\s+before\s+)?yesterday|tomorrow)\b", re.IGNORECASE)
def _day_word(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    word = " ".join(match["word"].casefold().split())
    offset = {"yesterday": -1, "the day before yesterday": -2, "tomorrow": 1}.get(word, 0)
    recent = offset <= 0
    if anchor is None:
        return _Candidate(*_span(match), None, "day", relative=True, recent=recent)
    return _Candidate(*_span(match), (anchor + timedelta(days=offset)).isoformat(), "day", relative=True, recent=recent)


@_rule(
    r"\b(?P<mod>(?:(?:earlier|later)\s{1,3}(?:in\s{1,3})?)|(?:(?:early|late|mid)(?:\s{1,3}|-))|(?:(?:the\s{1,3})?(?:end|beginning|start|middle|close)\s{1,3}of\s{1,3}))?"
    r"(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+current)\s{1,3}(?P<unit>week|month|year)\b(?!['\u2019]s\s+(?:model|version))",
    re.IGNORECASE,
)
def _relative_period(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["unit"].casefold()
    rel = " ".join(match["rel"].casefold().split())
    mod = " ".join((match["mod"] or "").casefold().split())
    delta = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1, "the past": -1}[rel]
    if rel == "the past" and unit != "year":
        # "the past week" is the seven days up to the anchor: present and recent.
        return _Candidate(*_span(match), "PRESENT_REF", "present", recent=True)
    recent = (unit == "week" and delta <= 0) or (unit == "month" and delta == 0 and mod.startswith("earlier"))
    granularity = unit
    if anchor is None:
        return _Candidate(*_span(match), None, granularity, relative=True, recent=recent)
    if unit == "year":
        value = f"{anchor.year + delta:04d}"
    elif unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, delta)
        value = f"{year:04d}-{month:02d}"
    else:
        value = _week_value(anchor + timedelta(weeks=delta))
    return _Candidate(*_span(match), value, granularity, relative=True, recent=recent)


@_rule(
    rf"\b(?P<count>{_COUNT_WORD}|few|several|some|many|a\s+few)?\s{{0,3}}(?P<unit>day|week|month|year|decade)s?\s{{1,3}}ago\b",
    re.IGNORECASE,
)
def _ago(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["unit"].casefold()
    count_text = match["count"]
    count = _count_value(count_text) if count_text else None
    start, end = _span(match)
    if count_text is None:
        start = match.start("unit")
    if count is None:
        recent = unit in {"day", "week"}
        return _Candidate(start, end, "PAST_REF", "unknown", relative=False, recent=recent)
    recent = unit == "day" or (unit == "week" and count <= 2)
    granularity = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}[unit]
    if anchor is None:
        return _Candidate(start, end, None, granularity, relative=True, recent=recent)
    if unit == "day":
        value = (anchor - timedelta(days=count)).isoformat()
    elif unit == "week":
        value = _week_value(anchor - timedelta(weeks=count))
    elif unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, -count)
        value = f"{year:04d}-{month:02d}"
    elif unit == "year":
        value = f"{anchor.year - count:04d}"
    else:
        value = f"{anchor.year - 10 * count:04d}"
    return _Candidate(start, end, value, granularity, relative=True, recent=recent)


@_rule(
    r"(?:\b(?P<rel>on|last|next|this|since|until|by|from|early|late|said|says|announced|reported|told)\s{1,3})?"
    rf"(?<![A-Za-z])(?P<weekday>{_WEEKDAY_FULL})(?![A-Za-z])(?!,?\s{{1,3}}(?:{_MONTH}|\d))"
)
def _weekday(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    rel = (match["rel"] or "").casefold()
    before = text[max(0, match.start() - 20):match.start()]
    if not rel:
        # A capitalised word before a bare weekday makes a name ("Black Friday", "Super Tuesday").
        if re.search(r"[A-Z][\w'\u2019]*\s{1,3}$", before):
            return None
    start = match.start() if rel in {"last", "next", "this"} else match.start("weekday")
    end = match.end("weekday")
    weekday = _WEEKDAYS.index(match["weekday"].casefold())
    future = rel == "next"
    if anchor is None:
        return _Candidate(start, end, None, "day", relative=True, recent=not future)
    if future:
        delta = (weekday - anchor.weekday()) % 7 or 7
        resolved = anchor + timedelta(days=delta)
    else:
        delta = (anchor.weekday() - weekday) % 7
        if rel == "last" and delta == 0:
            delta = 7
        resolved = anchor - timedelta(days=delta)
    return _Candidate(start, end, resolved.isoformat(), "day", relative=True, recent=not future)


# Recency and vague references ------------------------------------------------------------

@_rule(rf"\b(?:{_PRESENT_WORDS})\b", re.IGNORECASE)
def _present(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    word = match.group().casefold()
    if word == "latest" and re.search(r"\bat\s+the\s+$", text[max(0, match.start() - 12):match.start()], re.IGNORECASE):
        return None  # "at the latest" is a deadline, not recency
    if word == "now" and re.match(r"\s{0,3}-?\s{0,3}(?:defunct|former|ex-)", text[match.end():match.end() + 12]):
        return None
    recent = not word.endswith(("years", "year"))
    return _Candidate(*_span(match), "PRESENT_REF", "present", recent=recent, rank=1)


@_rule(
    r"(?:(?P<aux>\b(?:has|have|had|is|are|was|were)\s{1,3}|['\u2019](?:s|ve|d)\s{1,3})just\b"
    r"|\bjust\b(?=\s{1,3}(?:been\s{1,3})?(?!(?:n|f|sp|s|ind)eed\b)[a-z]{2,}ed\b))",
    re.IGNORECASE,
)
def _just(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    after = text[match.end():match.end() + 12]
    if re.match(r"\s{1,3}(?:over|under|about|around|as|a|an|one|the|\d)\b", after, re.IGNORECASE):
        return None  # "just over 60%", "is just a test": not recency
    end = match.end()
    start = end - len("just")
    return _Candidate(start, end, "PRESENT_REF", "present", recent=True, rank=1)


@_rule(rf"\b(?:{_PAST_WORDS})\b", re.IGNORECASE)
def _past(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _Candidate(*_span(match), "PAST_REF", "unknown", rank=1)


@_rule(rf"\b(?:{_FUTURE_WORDS})\b", re.IGNORECASE)
def _future(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _Candidate(*_span(match), "FUTURE_REF", "unknown", rank=1)


# --------------------------------------------------------------------------- public API


def find_times(text: str, anchor: date | None = None) -> list[TimeMatch]:
    """Time expressions in ``text``, resolved against ``anchor`` (the dateline), by start.

    Matches never overlap: where candidates do, the longest wins (then the earliest).
    Relative expressions have value ``None`` when there is no anchor.
    """
    candidates: list[_Candidate] = []
    for pattern, handler in _RULES:
        for match in pattern.finditer(text):
            candidate = handler(match, text, anchor)
            if candidate is not None and candidate.end > candidate.start:
                candidates.append(candidate)
    candidates.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for candidate in candidates:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return [
        TimeMatch(c.start, c.end, text[c.start:c.end], c.value, c.granularity, c.relative, c.recent)
        for c in chosen
    ]


# The interval of a value lives in factcheck.dates, shared with the checks and the ledger.
parse_date_value = interval_of
