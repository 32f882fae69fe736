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
from factcheck.nlp.numbers import CARDINALS, ORDINALS, TENS

__all__ = ["TimeMatch", "find_times", "parse_date_value", "values_agree"]


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
# The counts _COUNT_WORD matches ("three weeks ago", "a couple of days").
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **{word: value for word, value in CARDINALS.items() if 1 <= value <= 50},
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
}
_COUNT_WORD = (
    r"(?:\d{1,3}|a\s+couple\s+of|a\s+couple|couple\s+of|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty)"
)
_ORDINAL_QUARTER = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
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
    r"latest|currently|current|nowadays|presently|now|at\s+present|these\s+days"
    r"|to\s+date|so\s+far|as\s+of\s+now"
)
# "recently", "newly": a past time close to the dateline (TimeML's PAST_REF), flagged recent.
_RECENT_WORDS = r"(?:more\s+|most\s+|very\s+|only\s+)?recently|recent|newly|lately"
# TimeML leaves prepositions out of the extent: "in the past" is "the past".
_PAST_WORDS = r"previously|formerly|(?<=\bin\s)the\s+past|in\s+years\s+past|historically|once\s+upon\s+a\s+time"
_FUTURE_WORDS = (
    r"(?:very\s+)?soon|shortly|(?<=\bin\s)the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term"
    r"|the\s+(?:coming|next)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years|decades)"
    r"|the\s+(?:days|weeks|months|years)\s+ahead"
)

# Verb groups that tell the clause's time. A future group wins over a participle inside it ("will be
# completed"); the group nearest the expression decides.
_FUTURE_GROUP = re.compile(
    r"\b(?:will|won't|shall|should|could|may|might|would|going\s+to|plans?\s+to|planned\s+to|planning\s+to"
    r"|intends?\s+to|aims?\s+to|hopes?\s+to|expects?\s+to|(?:is|are|was|were)\s+(?:expected|scheduled|set|due|slated|to)"
    r"|scheduled|upcoming|until|till)\b(?:\s+(?:not|also|still|then|soon|likely|now|be|have|been)\b)*(?:\s+[a-z]+\b)?",
    re.IGNORECASE,
)
_PAST_GROUP = re.compile(
    r"\b(?:was|were|had|did|said|told|rose|fell|made|took|began|came|went|saw|won|lost|sold|bought|paid|held"
    r"|left|met|ran|grew|gave|got|kept|led|spent|struck|wrote|became|brought|thought|found|fought|shut|hit\s+(?:a|an|the|its)"
    r"|ago|earlier|previously|last"
    r"|(?<![A-Z])(?!(?:need|seed|speed|feed|breed|exceed|proceed|succeed|red|bed|shed|wed|indeed|naked|wicked|sacred"
    r"|hundred|kindred|based|related|limited|united|expected|scheduled|planned|slated|interested)\b)[a-z]{2,}ed"
    r"|taken|given|written|spoken|chosen|broken|fallen|risen|driven|beaten|forgotten|hidden|stolen|frozen|shaken"
    r"|proven|seen|been|grown|shown|known|thrown|drawn|sworn|worn|torn)\b",
)
_CLAUSE_BREAK = re.compile(
    r"[.!?;:]\s|\n|,\s+(?:which|while|but|although|though|and\s+(?:will|is|are))\b|\s(?:--|\u2013|\u2014)\s"
)


def clause_tense(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The tense of the clause around ``text[start:end]`` and the words that tell it.

    ("past", "announced"), ("future", "will be completed"), or (None, None) when the clause has no
    verb group that says. The group nearest the expression decides, so "announced in January, in
    which jobs should be cut" is past.
    """
    before = text[max(0, start - 160) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = text[end : end + 160]
    stop = _CLAUSE_BREAK.search(after)
    if stop:
        after = after[: stop.start()]
    cues: list[tuple[int, str, str]] = []  # (distance, tense, words)
    for part, distance_of in ((before, lambda found: len(before) - found.end()), (after, lambda found: found.start())):
        future_spans = [found.span() for found in _FUTURE_GROUP.finditer(part)]
        for found in _FUTURE_GROUP.finditer(part):
            cues.append((distance_of(found), "future", found.group()))
        for found in _PAST_GROUP.finditer(part):
            # A participle inside a future group ("will be completed") belongs to that group.
            if not any(low <= found.start() < high for low, high in future_spans):
                cues.append((distance_of(found), "past", found.group()))
    if not cues:
        return None, None
    distance, tense, words = min(cues, key=lambda cue: (cue[0], cue[1] != "future"))
    return tense, " ".join(words.split())


def _direction(text: str, start: int, end: int) -> tuple[bool, str]:
    """Whether to read an underspecified date forwards, and the reason in words."""
    tense, words = clause_tense(text, start, end)
    if tense == "future":
        return True, f"the clause speaks of the future ('{words}')"
    if tense == "past":
        return False, f"the clause is in the past ('{words}')"
    return False, "no tense in the clause; news reports mostly what has happened"


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
    type: str = "DATE"
    reasoning: str | None = None
    quantifier: str | None = None
    # Set on expressions that refer to a time the text has just named ("the next day", "two years
    # later", "that week"): the unit, the shift in units, the part of day and the words, resolved by
    # find_times against the last date written before it (the dateline when there is none).
    follows: _Follow | None = None
    clock: str | None = None  # a time of day read without a date ("T15:00"): a day named beside it gives the date
    reference: date | None = None  # the date the value was counted from, when not the dateline


@dataclass(frozen=True)
class _Follow:
    unit: str  # day | week | month | year
    shift: int
    part: str | None  # MO, AF, EV, NI for "that morning"
    words: str
    years_back: int = 0  # "the same month a year ago"


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
    rf"(?:\b{_WEEKDAY},?[ \t]{{1,3}})?(?<![A-Za-z])(?P<month>{_MONTH})\s{{0,3}}(?P<day>{_DAY}),?\s{{1,3}}"
    rf"(?P<year>{_YEAR4}){_TIME_OF_DAY}"
)
def _month_day_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    year, month, day = int(match["year"]), _month_of(match["month"]), _day_of(match["day"])
    if not _valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _CLOCK_PATTERN.search(match.group(), match.end("year") - match.start())
    clock_value = _clock_value(clock) if clock else None
    if clock_value:  # "Apr 4, 2022, 9:30 AM": a time of day on a written date
        return _Candidate(*_span(match), value + clock_value, "day", type="TIME")
    return _Candidate(*_span(match), value, "day")


@_rule(
    rf"(?:\b{_WEEKDAY},?[ \t]{{1,3}})?(?<![\d.,])\b(?P<day>{_DAY})\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{_MONTH}),?\s{{1,3}}"
    rf"(?P<year>{_YEAR4}){_TIME_OF_DAY}"
)
def _day_month_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_day_year(match, text, anchor)


@_rule(
    r"(?<![\w.\-/])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w\-/])"
)
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
    rf"(?:\b{_WEEKDAY_FULL},?[ \t]{{1,3}})?"  # "Thursday, March 12": the weekday belongs to the date
    rf"(?P<mod>{_MOD})?(?:(?P<rel>\b(?:last|next|this)\s{{1,3}}))?(?<![A-Za-z])(?P<month>{_MONTH})\s{{0,3}}(?P<day>{_DAY})(?![\d,.:]\d|\s?[AaPp]\.?[Mm]\b|%)"
)
def _month_day(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_day_common(match, text, anchor)


@_rule(rf"(?<![\d.,])\b(?P<day>{_DAY})\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{_MONTH})")
def _day_month(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_day_common(match, text, anchor)


@_rule(
    rf"(?<![\d.,])\b(?P<day>{_DAY})\s{{0,3}}(?:and|to|-|\u2013)\s{{0,3}}(?={_DAY}\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{_MONTH}))"
    rf"|(?<![A-Za-z])(?P<first_month>{_MONTH})\s{{0,3}}{_DAY}\s{{0,3}}(?:-|\u2013|to|and)\s{{0,3}}(?P<second_day>{_DAY})(?![\d,.:]\d|%)"
)
def _day_range(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    """The other end of a range of days: "between 12 and 14 March" (12 March), "March 12-14" (14 March)."""
    group, month_group = ("day", "month") if match["day"] is not None else ("second_day", "first_month")
    return _month_and_day(_month_of(match[month_group]), _day_of(match[group]), *_span(match, group), text, anchor)


def _month_day_common(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _month_and_day(_month_of(match["month"]), _day_of(match["day"]), *_span(match), text, anchor)


def _month_and_day(month: int, day: int, start: int, end: int, text: str, anchor: date | None) -> _Candidate | None:
    """A month and a day without a year, at ``text[start:end]``, read against the anchor."""
    if not _valid_day(2000, month, day):  # 2000 is a leap year: allows 29 February
        return None
    if anchor is None:
        return _Candidate(start, end, None, "day", relative=True)
    future, why = _direction(text, start, end)
    resolved = _resolve_month_day(anchor, month, day, future)
    if resolved is None:
        return None
    which = "next" if future else "most recent"
    reasoning = f"no year given: {why}, so the {which} {resolved:%-d %B} {'from' if future else 'up to'} the dateline {anchor.isoformat()}"
    return _Candidate(start, end, resolved.isoformat(), "day", relative=True, reasoning=reasoning)


_MONTH_PREP = (
    r"\b(?:in|since|by|until|till|from|to|through|throughout|during|before|after|of|on|for"
    r"|between|and|or|around|early|late|mid|as\s+of|starting|beginning|ending|last|next|this|its|their|our|his|her)"
)


@_rule(
    rf"(?:(?P<prep>(?i:{_MONTH_PREP}))\s{{1,3}}|(?=(?i:early|late|mid|the)\b))"
    rf"(?P<core>(?P<mod>(?i:{_MOD}))?(?:(?P<rel>(?i:last|next|this))\s{{1,3}})?"
    rf"(?<![A-Za-z])(?P<month>{_MONTH})(?P<which>\s{{1,3}}(?i:last|this|next)\s{{1,3}}year\b)?)(?![\s,]{{1,3}}(?:\d|of\s+\d))"
)
def _bare_month(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    prep = (match["prep"] or "").casefold()
    if not prep and not match["mod"]:
        return None  # a month alone needs a preposition or a modifier ("mid-March") to be a date
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
    name = calendar.month_name[month]
    which = " ".join((match["which"] or "").casefold().split())
    if which:
        # "July last year": that month of the year the words name
        year = anchor.year + {"last year": -1, "this year": 0, "next year": 1}[which]
        reasoning = f"'{name} {which}' against the dateline {anchor.isoformat()}"
    elif rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
        reasoning = f"'last {name}': the {name} before the dateline {anchor.isoformat()}"
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
        reasoning = f"'next {name}': the {name} after the dateline {anchor.isoformat()}"
    elif rel == "this":
        year = anchor.year
        reasoning = f"'this {name}': the dateline's year"
    else:
        future, why = _direction(text, start, end)
        year = _resolve_month(anchor, month, future)
        which = "next" if future else "most recent"
        reasoning = f"no year given: {why}, so the {which} {name} {'from' if future else 'up to'} the dateline {anchor.isoformat()}"
    return _Candidate(start, end, f"{year:04d}-{month:02d}", "month", relative=True, reasoning=reasoning)


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
    r"|(?P<phrase>(?:the\s{1,3})?(?P<ord>first|second|third|fourth|final)[\s-]{1,3}quarter))\b(?!\s{1,3}of\b|\s{1,3}century|-)",
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
        quarter = _ORDINAL_QUARTER[match["ord"].casefold()]
        future, why = _direction(text, start, end)
        if future:
            year = anchor.year if quarter >= current else anchor.year + 1
        else:
            year = anchor.year if quarter <= current else anchor.year - 1
        which = "next" if future else "most recent"
        return _Candidate(
            start,
            end,
            f"{year:04d}-Q{quarter}",
            "quarter",
            relative=True,
            reasoning=f"no year given: {why}, so the {which} Q{quarter} {'from' if future else 'up to'} "
            f"the dateline {anchor.isoformat()}",
        )
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
        started = (
            code == "WI"
            and anchor.month in {12, 1, 2}
            or code != "WI"
            and anchor.month >= {"SP": 3, "SU": 6, "FA": 9}[code]
        )
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
    the = re.search(r"\bthe\s{1,3}$", text[max(0, start - 6) : start], re.IGNORECASE)
    if the and not match["mod"]:
        start -= len(the.group())  # "since the 1980s": the determiner is part of it, as in "the late 1990s"
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


@_rule(
    rf"(?:(?P<mod>{_MOD})|(?<![\w$€£¥.,:/#\-])|(?<=(?:19|20)\d\d[-\u2013]))(?P<year>(?:19\d\d|20\d\d|2100))(?![\d%]|[.,]\d|[:/]\d|\w)",
    re.IGNORECASE,
)
def _year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    year_start, year_end = _span(match, "year")
    range_start = re.search(r"(?<![\w-])((?:19|20)\d\d)[-\u2013]$", text[max(0, year_start - 6) : year_start])
    if match["mod"]:
        pass
    elif range_start is not None:
        # "(1999-2003)": the end of a range of years; "2022-2015" or "1000-2000" are not
        if not 0 < int(match["year"]) - int(range_start.group(1)) <= 100:
            return None
    elif text[year_start - 1 : year_start] in ("-", "\u2013"):
        return None
    elif not _year_in_context(text, year_start, year_end):
        return None
    if _followed_by_count_noun(text, year_end):
        return None
    start = match.start() if match["mod"] else year_start
    half = re.search(r"\b(first|second|latter)\s{1,3}half\b", match["mod"] or "", re.IGNORECASE)
    if half:
        return _Candidate(
            start, year_end, f"{match['year']}-H{1 if half.group(1).casefold() == 'first' else 2}", "year"
        )
    return _Candidate(start, year_end, match["year"], "year")


_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|page|pages|pp?|room|flight|route|section|article|chapter|model|version"
    r"|item|unit|code|ref|id|resolution|bill|exit|gate|platform|seat|suite|box|line)\.?\s{1,3}|[#№§]\s?)$",
    re.IGNORECASE,
)


def _year_in_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24) : start]
    after = text[end : end + 24]
    if _IDENTIFIER_BEFORE.search(before):
        return False
    if re.search(r"\b[A-Z][A-Za-z]*[A-Z]?\s$", before) and not re.match(r"[ \t]{1,3}[A-Z]|[\w-]", after):
        # An event or a meeting and its year ("WWDC 2005", "Expo 2010"); "Russell 2000 Index" names a thing.
        return not re.search(r"\b(?:No|Nos|Number|Model|Version|Windows|Office|Route|Flight)\s$", before)
    if _YEAR_PREP.search(before) or _YEAR_FOLLOW.match(after):
        # An identifier's hyphen is not a range dash: "H-2020", "A-2022".
        if before.endswith("-") and re.search(r"[A-Za-z]-$", before):
            return False
        return True
    return False


def _followed_by_count_noun(text: str, end: int) -> bool:
    following = re.match(r"\s{1,3}(?:-?\s?)([A-Za-z]+)", text[end : end + 40])
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


@_rule(
    r"\b(?P<lead>(?:earlier|later)\s{1,3})?(?P<word>today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:the\s+day\s+before\s+)?yesterday|(?:the\s+day\s+after\s+)?tomorrow)"
    r"(?P<part>\s{1,3}(?:morning|afternoon|evening|night)\b)?\b",
    re.IGNORECASE,
)
def _day_word(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    word = " ".join(match["word"].casefold().split())
    offset = {
        "yesterday": -1,
        "the day before yesterday": -2,
        "tomorrow": 1,
        "the day after tomorrow": 2,
        "last night": -1,
    }.get(word, 0)
    part_word = match["part"].strip().casefold() if match["part"] else word.split()[-1]
    part = _PART_OF_DAY.get(part_word)
    if (
        word == "today"
        and match.start("word") == match.start()
        and re.match(r"['\u2019]s\s", text[match.end() : match.end() + 3])
    ):
        part = None  # "today's" is as often "nowadays" as the day itself; keep the day
    recent = offset <= 0
    kind, granularity = ("TIME", "day") if part else ("DATE", "day")
    if anchor is None:
        return _Candidate(*_span(match), None, granularity, relative=True, recent=recent, type=kind)
    value = (anchor + timedelta(days=offset)).isoformat() + (f"T{part}" if part else "")
    return _Candidate(*_span(match), value, granularity, relative=True, recent=recent, type=kind)


@_rule(
    r"\b(?P<mod>(?:(?:earlier|later)\s{1,3}(?:in\s{1,3})?)|(?:(?:early|late|mid)(?:\s{1,3}|-))|(?:(?:the\s{1,3})?(?:end|beginning|start|middle|close)\s{1,3}of\s{1,3})"
    r"|(?:the\s{1,3})?(?P<half>first|second)\s{1,3}half\s{1,3}of\s{1,3})?"
    r"(?P<rel>this\s+past|this|last|next|the\s+past|the\s+last|the\s+previous|the\s+prior|the\s+current|the\s+coming|the\s+next)\s{1,3}(?P<unit>week|month|year)\b(?!['\u2019]s\s+(?:model|version))",
    re.IGNORECASE,
)
def _relative_period(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["unit"].casefold()
    rel = " ".join(match["rel"].casefold().split())
    mod = " ".join((match["mod"] or "").casefold().split())
    delta = {
        "this": 0,
        "this past": -1,
        "the current": 0,
        "last": -1,
        "the last": -1,
        "the previous": -1,
        "the prior": -1,
        "next": 1,
        "the past": -1,
        "the coming": 1,
        "the next": 1,
    }[rel]
    recent = (unit == "week" and delta <= 0) or (unit == "month" and delta == 0 and mod.startswith("earlier"))
    granularity = unit
    if anchor is None:
        return _Candidate(*_span(match), None, granularity, relative=True, recent=recent)
    if unit == "year":
        value = f"{anchor.year + delta:04d}"
        if match["half"]:  # "the second half of next year": 2010-H2
            value += "-H1" if match["half"].casefold() == "first" else "-H2"
    elif unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, delta)
        value = f"{year:04d}-{month:02d}"
    else:
        value = _week_value(anchor + timedelta(weeks=delta))
    return _Candidate(*_span(match), value, granularity, relative=True, recent=recent)


@_rule(
    rf"\b(?P<count>{_COUNT_WORD}|few|several|some|many|a\s+few)?\s{{0,3}}(?P<unit>day|week|month|year|decade)s?\s{{1,3}}(?:ago|earlier)\b",
    re.IGNORECASE,
)
def _ago(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["unit"].casefold()
    count_text = match["count"]
    count = _count_value(count_text) if count_text else None
    if count is not None and match.group().casefold().endswith("earlier"):
        return None  # "two days earlier" counts from the time the text has just named (_follows_named_time)
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


# Days with names of their own: not "the most recent Friday".
_NAMED_DAYS = re.compile(
    r"\b(?:Black|Cyber|Super|Good|Holy|Maundy|Ash|Easter|Palm|Whit|Bloody|Shrove|Giving|Small\s+Business|Blue|Mega)"
    r"\s{1,3}$"
)


@_rule(
    r"(?:\b(?P<rel>on|last|next|this|since|until|till|by|from|early|late|said|says|announced|reported|told)\s{1,3})?"
    rf"(?<![A-Za-z])(?P<weekday>{_WEEKDAY_FULL})(?![A-Za-z])(?!,?[ \t]{{1,3}}(?:{_MONTH}|{_DAY}[ \t]{{1,3}}(?:of[ \t]{{1,3}})?{_MONTH}))"
    r"(?P<part>[ \t]{1,3}(?:morning|afternoon|evening|night)\b)?",
    re.IGNORECASE,
)
def _weekday(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    if not match["weekday"][0].isupper():
        return None  # IGNORECASE is for the cue words; the day keeps its capital
    rel = (match["rel"] or "").casefold()
    before = text[max(0, match.start("weekday") - 20) : match.start("weekday")]
    if _NAMED_DAYS.search(before):
        return None
    # "late Monday" keeps its modifier, as "last Monday" does (TimeML: one expression, mod END/START)
    start = match.start() if rel in {"last", "next", "this", "early", "late"} else match.start("weekday")
    end = match.end("part") if match["part"] else match.end("weekday")
    weekday = _WEEKDAYS.index(match["weekday"].casefold())
    part = _PART_OF_DAY[match["part"].strip().casefold()] if match["part"] else None
    kind, granularity = ("TIME", "day") if part else ("DATE", "day")
    if anchor is None:
        return _Candidate(start, end, None, granularity, relative=True, recent=rel != "next", type=kind)
    name = match["weekday"].capitalize()
    if rel == "next":
        resolved = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
        reasoning, future = f"'next {name}': the first {name} after the dateline", True
    elif rel == "last":
        resolved = anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
        reasoning, future = f"'last {name}': the {name} before the dateline", False
    elif rel == "this":
        resolved = anchor + timedelta(days=weekday - anchor.weekday())
        reasoning, future = f"'this {name}': the {name} of the dateline's week", resolved > anchor
    else:
        if rel in {"until", "till"}:
            future, why = True, "'until' looks to the future"
        elif rel in {"said", "says", "announced", "reported", "told", "since"}:
            future, why = False, f"'{rel}' reports the past"
        else:
            future, why = _direction(text, start, end)
        if future:
            # "until Friday" said on a Friday means the next one; "begins on Friday" may be today.
            resolved = anchor + timedelta(
                days=(weekday - anchor.weekday()) % 7 or (7 if rel in {"until", "till"} else 0)
            )
            reasoning = f"{why}: the first {name} on or after the dateline {anchor.isoformat()}"
        else:
            resolved = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
            reasoning = f"{why}: the most recent {name} up to the dateline {anchor.isoformat()}"
    value = resolved.isoformat() + (f"T{part}" if part else "")
    return _Candidate(start, end, value, granularity, relative=True, recent=not future, type=kind, reasoning=reasoning)


# Times of day -------------------------------------------------------------------------------

_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_UTC_ZONES = frozenset({"utc", "gmt", "z"})
_CLOCK = (
    r"(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?(?:\s?(?P<ampm>[AaPp]\.?[Mm]\b\.?))?"
    r"(?:\s?(?P<zone>UTC|GMT|Z|[ECMP][SD]?T|BST|CES?T|JST|IST|HKT|SGT|MSK|AE[SD]T)\b)?"
)


_CLOCK_PATTERN = re.compile(_CLOCK)


def _clock_value(match: re.Match[str]) -> str | None:
    """ "T16:15", "T07:00Z" from a clock match, or None when it is not a time of day."""
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    ampm = (match["ampm"] or "").casefold().replace(".", "")
    if not match["minute"] and not ampm:
        return None  # "at 5" alone is a count as often as a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    zone = "Z" if (match["zone"] or "").casefold() in _UTC_ZONES else ""
    return f"T{hour:02d}:{minute:02d}{zone}"


@_rule(
    rf"(?:(?P<cue>\b(?:at|by|until|till|from|before|after|around|about|since|to)\s{{1,3}}))?(?<![\d:.,$£€])"
    rf"{_CLOCK}(?![\d:]|\s?%)"
)
def _clock_time(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    clock = _clock_value(match)
    if clock is None:
        return None
    if not (match["ampm"] or match["zone"] or match["cue"] or (match["minute"] and len(match["hour"]) == 2)):
        return None  # "3:15" is a score or a verse unless something says it is a time; "14:30" is a time
    start = match.start("hour")
    if anchor is None:
        return _Candidate(start, match.end(), None, "day", relative=True, type="TIME", clock=clock)
    return _Candidate(
        start,
        match.end(),
        anchor.isoformat() + clock,
        "day",
        relative=True,
        type="TIME",
        reasoning=f"a time of day without a date: the dateline's day {anchor.isoformat()}",
        clock=clock,
    )


@_rule(r"(?<![\d:.,])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s?(?:(?P<zone>GMT|UTC)\b|(?<=\bat\s\d{4}\s)hours\b)")
def _military_time(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    clock = f"T{match['hour']}:{match['minute']}{'Z' if match['zone'] else ''}"
    value = anchor.isoformat() + clock if anchor else None
    return _Candidate(
        *_span(match),
        value,
        "day",
        relative=True,
        type="TIME",
        rank=1,
        reasoning=f"a time of day without a date: the dateline's day {anchor.isoformat()}" if anchor else None,
        clock=clock,
    )


@_rule(r"\b(?P<word>noon|midday|midnight)\b", re.IGNORECASE)
def _noon(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    if match["word"][0].isupper() and not re.search(
        r"(?:^|[.!?:;\"\u201c(]\s{0,3}|\n\s{0,3})$", text[: match.start()][-4:]
    ):
        return None  # "Jamie Noon": a name, not midday
    clock = "T00:00" if match["word"].casefold() == "midnight" else "T12:00"
    value = anchor.isoformat() + clock if anchor else None
    return _Candidate(*_span(match), value, "day", relative=True, type="TIME", rank=1, clock=clock)


# Durations ---------------------------------------------------------------------------------

_UNIT_CODE = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century|centurie)"
_TENS_WORDS = {
    **{word: value for word, value in TENS.items() if value > 50},
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
}
_DURATION_COUNT = (
    r"(?:\d{1,3}(?:\.\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|(?:a|one)\s+hundred|hundred|a\s+couple\s+of|a\s+couple|couple\s+of|an?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|half\s+an?|a\s+half)"
)
_VAGUE_COUNT = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|recent|the\s+past\s+few|countless)"


def _duration_value(count: float | None, unit: str) -> str:
    """TIMEX3 duration: P3M, P90D, PT30M, P10Y for a decade; X for an unknown count (PXY)."""
    unit = unit.casefold().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    if unit in ("decade", "century"):
        factor = 10 if unit == "decade" else 100
        return f"P{int(count * factor)}Y" if count is not None and float(count * factor).is_integer() else "PXY"
    code = _UNIT_CODE[unit]
    if count is None:
        number = "X"
    elif unit == "quarter":
        return f"P{int(count * 3)}M" if float(count * 3).is_integer() else "PXM"
    elif not float(count).is_integer():
        number = f"{count:g}"  # "1.5 years" -> P1.5Y
    else:
        number = str(int(count))
    return _format_duration(number, code)


def _format_duration(number: float | str, code: str) -> str:
    number = str(int(number)) if isinstance(number, float) else number
    return f"PT{number}{code[1]}" if code.startswith("T") else f"P{number}{code}"


def _duration_count(token: str) -> float | None:
    token = " ".join(token.casefold().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d)?", token):
        return float(token)
    if token in ("half a", "half an", "a half"):
        return 0.5
    if token in _TENS_WORDS:
        return float(_TENS_WORDS[token])
    parts = token.split()
    if len(parts) == 2 and parts[0] in _NUMBER_WORDS and parts[1] in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]])
    tens = {**_NUMBER_WORDS, **_TENS_WORDS}
    return float(tens[token]) if token in tens else None


_DURATION_GRANULARITY = {
    "second": "time",
    "minute": "time",
    "hour": "time",
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


@_rule(
    rf"(?P<span>(?:(?P<approx>about|around|nearly|almost|over|more\s{{1,3}}than|less\s{{1,3}}than|under|roughly"
    rf"|approximately|at\s{{1,3}}least|up\s{{1,3}}to|some|another)\s{{1,3}})?"
    rf"(?:(?P<frame>the\s{{1,3}}(?:past|last|next|coming|previous|following|first|final|remaining))\s{{1,3}})?"
    rf"(?:(?P<count>{_DURATION_COUNT})(?P<half>\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half)?|(?P<vague>{_VAGUE_COUNT}))[\s-]{{1,3}}(?:(?:trading|business|working|calendar|consecutive|straight|successive|full|whole|more|additional|extra|long)\s{{1,3}})?"
    rf"{_UNIT}(?P<plural>s)?(?P<long>-(?:long|old))?)\b"
    r"(?!\s{1,3}(?:ago|earlier|later|from\s+now|prior)\b|['\u2019])",
    re.IGNORECASE,
)
def _duration(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["unit"].casefold()
    unit = "century" if unit.startswith("centur") else unit
    count = _duration_count(match["count"]) if match["count"] else None
    if match["count"] and count is None:
        return None
    if count is not None and match["half"]:
        count += 0.5
    if (match["count"] or "").casefold() in ("a", "an") and match["plural"]:
        return None  # "a decades-long", "a years" are not counts
    if match["vague"] and not match["plural"]:
        return None  # "some day" is not a duration
    if (
        unit == "second"
        and not match["plural"]
        and re.match(
            r"\s{1,3}(?!(?:or|and|before|after|later|earlier|longer|ago)\b)[A-Za-z]",
            text[match.end() : match.end() + 12],
        )
    ):
        return None  # "a second term", "a second Hunger Games": an ordinal
    if unit == "quarter" and not match["plural"] and re.match(r"\s{1,3}of\b", text[match.end() : match.end() + 6]):
        return None  # "a quarter of those asked": a fraction
    count_text = (match["count"] or "").casefold()
    if count_text in ("a", "an", "one") and re.match(
        r"\s{1,3}(?:or\s+(?:so|two)|and\s+a\s+half)", text[match.end() : match.end() + 14]
    ):
        return None
    before = text[max(0, match.start() - 12) : match.start()]
    if match["approx"] and match["approx"].casefold() == "some" and not match["count"]:
        return None
    if (
        count_text in ("a", "an")
        and not match["frame"]
        and not match["approx"]
        and _after_a_quantity(text, match.start())
    ):
        return None  # "15 a year", "twice a week": a set, found below
    start, end = _span(match, "span")
    if match["frame"]:
        start = match.start("frame")  # "over the past five days": the length is "the past five days"
    if count_text in ("a", "an") and match["long"] is None and not match["frame"] and not match["approx"]:
        # "a year" alone after "for/in/over/within/about": a length; elsewhere ("a year of growth") too vague
        if not re.search(
            r"\b(?:for|in|over|within|about|around|nearly|almost|than|under|after|of|to|least|just|only)\s{1,3}$",
            before,
            re.IGNORECASE,
        ) and not re.match(r"\s{1,3}(?:after|before)\b", text[end : end + 10], re.IGNORECASE):
            return None
    value = _duration_value(count, unit)
    frame = " ".join((match["frame"] or "").casefold().split())
    reasoning = None
    if frame in ("the past", "the last", "the previous") and count is not None:
        reasoning = "a length of time reaching back to the dateline"
    return _Candidate(
        start,
        end,
        value,
        _DURATION_GRANULARITY[unit],
        type="DURATION",
        rank=1,
        reasoning=reasoning,
        recent=bool(match["vague"] and match["vague"].casefold() == "recent" and unit != "year"),
    )


@_rule(
    r"\b(?:(?P<frame>the\s{1,3}(?:past|last|next|coming|previous|following))\s{1,3}|(?P<article>a|an|one)\s{1,3})?"
    r"(?P<unit>year|month|week|day|hour)\s{1,3}and\s{1,3}a\s{1,3}half\b"
    r"|\b(?P<fraction>a\s{1,3}quarter|half|a\s{1,3}half)\s{1,3}(?:of\s{1,3})?an?\s{1,3}(?P<long>century|decade)\b",
    re.IGNORECASE,
)
def _fraction_of_unit(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "the past year and a half" (P1.5Y), "a quarter of a century" (P25Y), "half a decade" (P5Y)
    if match["unit"]:
        unit, count = match["unit"].casefold(), 1.5
    else:
        unit = match["long"].casefold()
        count = 0.25 if "quarter" in match["fraction"].casefold() else 0.5
    ago = re.match(r"\s{1,3}ago\b", text[match.end() : match.end() + 8], re.IGNORECASE)
    if ago:
        # "half a century ago", "a year and a half ago": a date that far before the dateline
        months = {"year": 12, "decade": 120, "century": 1200}.get(unit)
        if months is None:
            return None
        end = match.end() + ago.end()
        if anchor is None:
            return _Candidate(match.start(), end, None, "year", relative=True)
        year, month = _shift_month(anchor.year, anchor.month, -int(count * months))
        value, granularity = (f"{year:04d}-{month:02d}", "month") if unit == "year" else (f"{year:04d}", "year")
        return _Candidate(match.start(), end, value, granularity, relative=True, rank=1)
    return _Candidate(*_span(match), _duration_value(count, unit), _DURATION_GRANULARITY[unit], type="DURATION", rank=1)


@_rule(r"\b(?<![\d-])(?P<single>(?:year|month|week|day|decade|century)-long)\b", re.IGNORECASE)
def _singular_long(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["single"].split("-")[0].casefold()
    return _Candidate(*_span(match), _duration_value(1, unit), _DURATION_GRANULARITY[unit], type="DURATION", rank=2)


@_rule(
    r"\b(?P<unit>year|month|week|day|hour|minute|decade|centurie)s(?P<long>-long)?\b(?!\s{1,3}(?:ago|old|of\s+age)\b|['\u2019])",
    re.IGNORECASE,
)
def _bare_plural_duration(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "for years", "in months", "decades-long": a length whose count is not said (PXY).
    before = text[max(0, match.start() - 14) : match.start()]
    if not (
        match["long"]
        or re.search(
            r"\b(?:for|in|over|within|after|took|take|takes|lasted|last|spent|just)\s{1,3}$", before, re.IGNORECASE
        )
        or re.match(r"\s{1,3}(?:after|before|later|earlier)\b", text[match.end() : match.end() + 10], re.IGNORECASE)
    ):
        return None
    unit = match["unit"].casefold()
    unit = "century" if unit.startswith("centur") else unit
    end = match.end() if match["long"] else match.end("unit") + 1
    return _Candidate(
        match.start(), end, _duration_value(None, unit), _DURATION_GRANULARITY[unit], type="DURATION", rank=2
    )


@_rule(r"\b(?P<frame>the\s{1,3}(?:past|last|previous|next|coming))\s{1,3}(?P<unit>decade|century)\b", re.IGNORECASE)
def _framed_long_period(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    unit = match["unit"].casefold()
    return _Candidate(*_span(match), _duration_value(1, unit), unit, type="DURATION", rank=1)


@_rule(
    r"\b(?P<prep>(?i:in|during|by|until|since|over|through|throughout|before|after))\s{1,3}(?P<the>(?i:the)\s{1,3})?"
    r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|(?<=the\s)[Ff]all)\b(?!\s{1,3}(?:of\s+)?\d)"
)
def _bare_season(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    start = match.start("the") if match["the"] else match.start("season")
    end = match.end()
    if anchor is None:
        return _Candidate(start, end, None, "season", relative=True)
    code = _SEASON_CODE[match["season"].casefold()]
    future, why = _direction(text, start, end)
    # Winter is labelled by the year of its January, as "next winter" is.
    if code == "WI":
        if future:
            label = anchor.year if anchor.month <= 2 else anchor.year + 1
        else:
            label = anchor.year + 1 if anchor.month == 12 else anchor.year
    else:
        first_month = {"SP": 3, "SU": 6, "FA": 9}[code]
        if future:
            label = anchor.year if anchor.month <= first_month + 2 else anchor.year + 1
        else:
            label = anchor.year if anchor.month >= first_month else anchor.year - 1
    which = "next" if future else "most recent"
    return _Candidate(
        start,
        end,
        f"{label:04d}-{code}",
        "season",
        relative=True,
        reasoning=f"no year given: {why}, so the {which} {match['season'].lower()}",
    )


@_rule(
    rf"\b(?P<first>{_DURATION_COUNT})\s{{0,3}}(?:and|to|or|-|\u2013)\s{{0,3}}(?={_DURATION_COUNT}[\s-]{{1,3}}{_UNIT}s?\b)",
    re.IGNORECASE,
)
def _duration_range_start(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "between 60 and 90 days", "two to three years": the first number takes the unit of the second.
    count = _duration_count(match["first"])
    if count is None or match["first"].casefold() in ("a", "an"):
        return None
    unit = match["unit"].casefold()
    unit = "century" if unit.startswith("centur") else unit
    return _Candidate(
        match.start("first"),
        match.end("first"),
        _duration_value(count, unit),
        _DURATION_GRANULARITY[unit],
        type="DURATION",
        rank=2,
    )


@_rule(
    r"\b(?:(?:the\s{1,3})?(?P<part>beginning|start|end|middle|rest|remainder|close)\s{1,3}of|(?:earlier|later)\s{1,3}in)"
    r"\s{1,3}(?P<rel>the|this)\s{1,3}(?P<unit>year|month|week)\b(?!\s{1,3}(?:before|after|earlier|ago)\b|['\u2019])",
    re.IGNORECASE,
)
def _part_of_current_period(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "the beginning of the year": of the dateline's year, as "this year" is.
    unit = match["unit"].casefold()
    if anchor is None:
        return _Candidate(*_span(match), None, unit, relative=True)
    value = {
        "year": f"{anchor.year:04d}",
        "month": f"{anchor.year:04d}-{anchor.month:02d}",
        "week": _week_value(anchor),
    }[unit]
    return _Candidate(
        *_span(match), value, unit, relative=True, reasoning=f"the {unit} of the dateline {anchor.isoformat()}"
    )


@_rule(
    r"\b(?:(?:early|late)\s{1,3})?(?:in\s{1,3})?the\s{1,3}(?P<part>morning|afternoon|evening)\b(?!\s{1,3}(?:of|after|before)\b)",
    re.IGNORECASE,
)
def _the_part_of_day(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "in the afternoon" in a news report: of the dateline's day.
    start = match.start()
    leading = re.match(r"(?:(?:early|late)\s{1,3})?(in\s{1,3})", match.group(), re.IGNORECASE)
    if leading and not re.match(r"(?:early|late)", match.group(), re.IGNORECASE):
        start = match.start() + leading.end()
    part = _PART_OF_DAY[match["part"].casefold()]
    value = f"{anchor.isoformat()}T{part}" if anchor else None
    return _Candidate(
        start,
        match.end(),
        value,
        "day",
        relative=True,
        type="TIME",
        rank=1,
        reasoning="a part of the day in a news report: the dateline's day" if anchor else None,
    )


@_rule(r"\b(?P<phrase>(?:the\s{1,3})?(?P<ord>first|second)[\s-]half)\b(?!\s{1,3}of\b|-)", re.IGNORECASE)
def _half_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    if anchor is None:
        return _Candidate(*_span(match), None, "year", relative=True)
    half = 1 if match["ord"].casefold() == "first" else 2
    current = 1 if anchor.month <= 6 else 2
    future, why = _direction(text, match.start(), match.end())
    if future:
        year = anchor.year if half >= current else anchor.year + 1
    else:
        year = anchor.year if half <= current else anchor.year - 1
    return _Candidate(
        *_span(match),
        f"{year:04d}-H{half}",
        "year",
        relative=True,
        reasoning=f"no year given: {why}, so the {'next' if future else 'most recent'} such half-year",
    )


@_rule(
    r"\b(?P<lead>for|during|over|throughout|ended|ending|end|close|closed|on)\s{1,3}(?P<span>the\s{1,3}(?P<unit>week|year))\b"
    r"(?!\s{1,3}(?:before|after|of|earlier|ago|to|that|when)\b|['\u2019])",
    re.IGNORECASE,
)
def _the_week(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "the index fell 5% for the week": the dateline's week, in running news.
    start, end = _span(match, "span")
    unit = match["unit"].casefold()
    if anchor is None:
        return _Candidate(start, end, None, unit, relative=True)
    value = _week_value(anchor) if unit == "week" else f"{anchor.year:04d}"
    return _Candidate(
        start, end, value, unit, relative=True, reasoning=f"'the {unit}' in a news report: the dateline's {unit}"
    )


@_rule(
    r"\b(?:by|at|until|till|before|after|since|to|through|around|for)\s{1,3}(?P<span>(?P<unit>year|month|quarter)[\s-]end"
    r"(?:\s{1,3}(?P<year>" + _YEAR4 + r"))?)\b(?![-'\u2019])",
    re.IGNORECASE,
)
def _period_end(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "by year-end": the end of the dateline's year (TimeML: the year, mod END); "since year-end" the last one.
    start, end = _span(match, "span")
    unit = match["unit"].casefold()
    if match["year"]:
        return _Candidate(start, end, match["year"], "year") if unit == "year" else None
    if anchor is None:
        return _Candidate(start, end, None, unit, relative=True)
    past = match.group().casefold().startswith("since")
    if unit == "year":
        value = f"{anchor.year - past:04d}"
    elif unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, -past)
        value = f"{year:04d}-{month:02d}"
    else:
        quarter = (anchor.month - 1) // 3 - past
        value = f"{anchor.year + quarter // 4:04d}-Q{quarter % 4 + 1}"
    which = "the last one before the dateline" if past else "the dateline's"
    return _Candidate(start, end, value, unit, relative=True, reasoning=f"'{match['span']}': {which} {unit}")


@_rule(r"\bthis\s{1,3}time\s{1,3}(?P<when>last|next)\s{1,3}year\b", re.IGNORECASE)
def _this_time_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "this time last year": the dateline's day a year back (or on)
    if anchor is None:
        return _Candidate(*_span(match), None, "day", relative=True)
    shift = -1 if match["when"].casefold() == "last" else 1
    day = anchor.replace(year=anchor.year + shift, day=min(anchor.day, 28) if anchor.month == 2 else anchor.day)
    return _Candidate(*_span(match), day.isoformat(), "day", relative=True, rank=1)


# Holidays with a fixed or computable date --------------------------------------------------------

_HOLIDAYS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "the fourth of july": (7, 4),
    "thanksgiving day": (11, 0),
    "thanksgiving": (11, 0),
}


def _holiday_date(name: str, year: int) -> date:
    month, day = _HOLIDAYS[name]
    if day == 0:  # US Thanksgiving: the fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return date(year, month, day)


@_rule(
    r"\b(?P<rel>(?:this|last|next)\s{1,3})?(?P<name>Christmas(?:\s{1,3}(?:Day|Eve))?|Boxing\s{1,3}Day|New\s{1,3}Year['\u2019]s\s{1,3}(?:Eve|Day)"
    r"|Hallowe'?en|Valentine['\u2019]s\s{1,3}Day|Independence\s{1,3}Day|the\s{1,3}Fourth\s{1,3}of\s{1,3}July|Thanksgiving(?:\s{1,3}Day)?)\b"
    r"(?P<year>,?\s{1,3}" + _YEAR4 + r")?",
)
def _holiday(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    name = " ".join(match["name"].casefold().replace("\u2019", "'").split())
    name = "halloween" if name.startswith("hallow") else name
    if re.match(
        r"\s{1,3}(?:season|shopping|shoppers|sales|tree|trees|card|cards|party|parties|music|gifts?|holidays?"
        r"|lights|dinner|decorations|presents?|markets?|bonus(?:es)?|spirit|songs?|carols?|specials?|episodes?)\b",
        text[match.end("name") : match.end("name") + 12],
        re.IGNORECASE,
    ):
        return None  # "the Christmas season" is a period, "Christmas sales" a thing
    if match["year"]:
        return _Candidate(*_span(match), _holiday_date(name, int(match["year"].strip(" ,"))).isoformat(), "day")
    if anchor is None:
        return _Candidate(*_span(match), None, "day", relative=True)
    rel = (match["rel"] or "").strip().casefold()
    this_year = _holiday_date(name, anchor.year)
    if rel == "next" or (not rel and _direction(text, match.start(), match.end())[0]):
        resolved = this_year if this_year > anchor else _holiday_date(name, anchor.year + 1)
        reasoning = "the next one after the dateline"
    elif rel == "this":
        resolved, reasoning = this_year, "the dateline's year"
    else:
        resolved = (
            this_year
            if this_year <= anchor and rel != "last" or this_year < anchor
            else _holiday_date(name, anchor.year - 1)
        )
        reasoning = "the most recent one up to the dateline"
    return _Candidate(
        *_span(match),
        resolved.isoformat(),
        "day",
        relative=True,
        reasoning=f"{match['name']} without a year: {reasoning} {anchor.isoformat()}",
    )


# Sets ----------------------------------------------------------------------------------------

_SET_ADVERBS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "annual": "P1Y",
    "biannually": "P6M",
    "biennially": "P2Y",
}


@_rule(
    r"\b(?P<word>hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|biannually|biennially)\b",
    re.IGNORECASE,
)
def _set_adverb(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _Candidate(*_span(match), _SET_ADVERBS[match["word"].casefold()], "unknown", type="SET", rank=1)


# A rate: a number or a frequency word, then at most three words of what is counted, then "a year".
_QUANTITY_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s?(?:%|bn|m|k|million|billion|thousand|trillion)?|\b(?:once|twice|thrice|times|per))"
    r"\s{1,3}(?:\([^()]{0,24}\)\s{1,3})?(?:[A-Za-z][\w'\u2019-]*\s{1,3}){0,3}$",
    re.IGNORECASE,
)


def _after_a_quantity(text: str, start: int) -> bool:
    before = text[max(0, start - 60) : start]
    stop = max(before.rfind(mark) + len(mark) for mark in (". ", "; ", ": ", ", ", "\n"))
    return _QUANTITY_BEFORE.search(before[max(stop, 0) :]) is not None


@_rule(
    rf"\b(?P<quant>every|each|per|a|an)\s{{1,3}}(?:(?P<count>{_DURATION_COUNT}|other)\s{{1,3}})?"
    rf"(?:(?P<unit>year|month|week|day|hour|quarter|decade)s?|(?P<weekday>{_WEEKDAY_FULL})s?"
    r"|(?P<part>morning|afternoon|evening|night)|(?P<season>spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE,
)
def _every(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    quant = match["quant"].casefold()
    if quant in ("a", "an"):
        if match["count"] or match["weekday"] or match["part"] or match["season"]:
            return None
        if not _after_a_quantity(text, match.start()):
            return None  # "15 a year", "280,000 jobs a year", "twice a week"; not "a year of growth"
    if match["weekday"]:
        weekday = _WEEKDAYS.index(match["weekday"].casefold()) + 1
        value = f"XXXX-WXX-{weekday}"
    elif match["part"]:
        value = f"TXX{_PART_OF_DAY[match['part'].casefold()]}"
    elif match["season"]:
        if quant == "per" or match["count"]:
            return None
        value = f"XXXX-{_SEASON_CODE[match['season'].casefold()]}"  # "each summer"
    else:
        if quant == "per" and match["count"]:
            return None
        count_text = (match["count"] or "").casefold()
        count = 2.0 if count_text == "other" else (_duration_count(count_text) if count_text else 1.0)
        if count is None:
            return None
        value = _duration_value(count, match["unit"])
    quantifier = {"every": "EVERY", "each": "EACH"}.get(quant)
    return _Candidate(*_span(match), value, "unknown", type="SET", quantifier=quantifier)


# The day of the report ------------------------------------------------------------------------


@_rule(
    r"\b(?P<lead>(?:late|early|earlier|later)\s{1,3}in\s{1,3})?(?P<day>the\s{1,3}day)\b"
    r"(?=[\s,.;]|$)",
    re.IGNORECASE,
)
def _the_day(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    # "ended the day", "late in the day": the day the report is about, in running news.
    before = text[max(0, match.start() - 24) : match.start()]
    if not match["lead"] and not re.search(
        r"\b(?:end|ended|ending|ends|close|closed|finish|finished|start|started"
        r"|finishing|opening|closing|starting|for|during|on|of|over|throughout)\s{1,3}$",
        before,
        re.IGNORECASE,
    ):
        return None
    after = text[match.end() : match.end() + 12]
    if not match["lead"] and re.match(r"\s{1,3}(?:before|after|when|that|of|on)\b", after, re.IGNORECASE):
        return None  # "the day before", "the day of the vote": another day
    start = match.start() if match["lead"] else match.start("day")
    follow = _Follow("day", 0, None, " ".join(text[start : match.end()].split()))
    value, reasoning = _follow_value(follow, anchor, None) if anchor else (None, None)
    # "ended the day", "late in the day": the day the report is about, the last one it named
    return _Candidate(start, match.end(), value, "day", relative=True, rank=1, reasoning=reasoning, follows=follow)


# Times the text has just named ---------------------------------------------------------------

_FOLLOW_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_FOLLOW_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@_rule(
    r"\b(?P<same>the\s{1,3}same\s{1,3}(?P<same_unit>day|week|month|quarter|period))\s{1,3}(?P<back>last\s{1,3}year"
    r"|(?:a|one)\s{1,3}year\s{1,3}(?:ago|earlier|before)|the\s{1,3}(?:previous|prior)\s{1,3}year)\b"
    r"|\b(?P<before_after>the\s{1,3}(?P<side_unit>day|week|month|year)\s{1,3}(?P<side>before|after))(?=\s{0,3}(?:[,.;:)]|$))"
    rf"|\b(?P<count>{_DURATION_COUNT})[\s-]{{1,3}}(?P<count_unit>day|week|month|year)s?\s{{1,3}}(?P<direction>later|earlier)\b"
    r"|\b(?:(?P<lead>later|earlier)\s{1,3}(?:in\s{1,3}|on\s{1,3})?)?"
    r"(?:(?P<that>that|the\s{1,3}same|that\s{1,3}same|that\s{1,3}very)"
    r"|(?P<the>the\s{1,3})?(?P<rel>next|following|previous|preceding|prior))"
    r"\s{1,3}(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b(?![-'\u2019])",
    re.IGNORECASE,
)
def _follows_named_time(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    """ "The next day", "two years later", "that week", "the same day", "the day before": a time
    counted from the one the text has just named. TimeML and HeidelTime read these against the
    reference time of the narrative (the last date mentioned), not the dateline; find_times does
    the reading once all dates are known."""
    words = " ".join(match.group().split())
    if match["same"]:
        # "the same month a year ago": the named month, a year back
        unit = match["same_unit"].casefold()
        follow = _Follow(unit, 0, None, words, years_back=1)
        value, reasoning = _follow_value(follow, anchor, None) if anchor else (None, None)
        granularity = "quarter" if unit == "period" else unit
        return _Candidate(*_span(match), value, granularity, relative=True, reasoning=reasoning, follows=follow)
    if match["before_after"]:
        unit, shift, part = match["side_unit"].casefold(), -1 if match["side"].casefold() == "before" else 1, None
    elif match["count"]:
        count = _duration_count(match["count"])
        if count is None or not float(count).is_integer():
            return None
        sign = 1 if match["direction"].casefold() == "later" else -1
        unit, shift, part = match["count_unit"].casefold(), sign * int(count), None
    else:
        noun = match["unit"].casefold()
        unit, part = (noun, None) if noun in _FOLLOW_UNITS else ("day", _FOLLOW_PARTS[noun])
        rel = (match["rel"] or "").casefold()
        if rel:
            if not match["the"] and rel in ("previous", "preceding", "prior", "following"):
                return None  # "following day-long talks"; the article is what makes it a time
            if unit != "day" and rel in ("next", "previous", "prior"):
                return None  # "next week", "the previous year": counted from the dateline (_relative_period)
            if part is not None:
                return None  # "the following morning" is rare; "next morning" too vague to count
            shift = 1 if rel in ("next", "following") else -1
        else:
            shift = 0
    follow = _Follow(unit, shift, part, words)
    value, reasoning = _follow_value(follow, anchor, None) if anchor else (None, None)
    return _Candidate(
        *_span(match),
        value,
        unit,
        relative=True,
        rank=1,
        type="TIME" if part else "DATE",
        reasoning=reasoning,
        follows=follow,
    )


def _follow_value(follow: _Follow, base: date, named: str | None) -> tuple[str, str]:
    """The value of a time counted from ``base`` (a date the text named, or the dateline)."""
    if follow.years_back:
        base = base.replace(year=base.year - follow.years_back, day=min(base.day, 28))
    if follow.unit in ("quarter", "period"):
        value = f"{base.year:04d}-Q{(base.month - 1) // 3 + 1}"
    elif follow.unit == "day":
        day = base + timedelta(days=follow.shift)
        value = day.isoformat() + (f"T{follow.part}" if follow.part else "")
    elif follow.unit == "week":
        value = _week_value(base + timedelta(weeks=follow.shift))
    elif follow.unit == "month":
        year, month = _shift_month(base.year, base.month, follow.shift)
        value = f"{year:04d}-{month:02d}"
    else:
        value = f"{base.year + follow.shift:04d}"
    source = f"the last date named before it ({named})" if named else f"the dateline {base.isoformat()}"
    return value, f"'{follow.words}' counts from {source}"


_NAMED_POINT = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})|Q(?P<quarter>[1-4])))?(?:T|$)"
)


def _named_point(value: str | None) -> tuple[date, str] | None:
    """A written date as a reference time: its first day and its granularity (day, week, month, year)."""
    found = _NAMED_POINT.match(value or "")
    if found is None:
        return None
    try:
        year = int(found["year"])
        if found["day"]:
            return date(year, int(found["month"]), int(found["day"])), "day"
        if found["week"]:
            return date.fromisocalendar(year, int(found["week"]), 1), "week"
        if found["month"]:
            return date(year, int(found["month"]), 1), "month"
        if found["quarter"]:
            return date(year, int(found["quarter"]) * 3 - 2, 1), "quarter"
        return date(year, 1, 1), "year"
    except ValueError:
        return None


_FINER_OR_SAME = {
    "period": ("day", "week", "month", "quarter", "year"),
    "quarter": ("day", "month", "quarter"),
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "month"),
    "year": ("day", "week", "month", "year"),
}


def _resolve_followers(chosen: list[_Candidate]) -> None:
    """Give each "the next day", "that year" ... the value counted from the last date named before it."""
    named: list[tuple[date, str, str]] = []  # (first day, granularity, value) in text order
    for candidate in chosen:
        follow = candidate.follows
        if candidate.clock and candidate.reference is None and candidate.value is not None:
            # "at 3 pm" alone: on the day the text last named ("On Monday ... at 3 pm"), else the dateline's
            for base, granularity, value in reversed(named):
                if granularity == "day":
                    candidate.value = base.isoformat() + candidate.clock
                    candidate.reasoning = f"a time of day without a date: the last day named before it ({value})"
                    candidate.reference = base
                    break
        if follow is not None:
            for base, granularity, value in reversed(named):
                if granularity in _FINER_OR_SAME[follow.unit]:
                    if follow.unit == "period" and granularity != "quarter":
                        # "the same period a year earlier": the period named, a year back
                        shifted = f"{int(value[:4]) - follow.years_back:04d}{value[4:]}"
                        candidate.value = shifted.split("T")[0]
                        candidate.reasoning = f"'{follow.words}': {value} a year back"
                    else:
                        candidate.value, candidate.reasoning = _follow_value(follow, base, value)
                    candidate.reference = base
                    break
        if candidate.type in ("DATE", "TIME"):
            point = _named_point(candidate.value)
            if point is not None:
                named.append((*point, candidate.value or ""))


# Weekends --------------------------------------------------------------------------------------


@_rule(r"\b(?P<rel>this\s+past|this|last|next|the\s+past|the)\s{1,3}weekend\b", re.IGNORECASE)
def _weekend(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    if anchor is None:
        return _Candidate(*_span(match), None, "week", relative=True)
    rel = " ".join(match["rel"].casefold().split())
    saturday_this_week = anchor + timedelta(days=5 - anchor.weekday())
    if rel == "next":
        saturday = saturday_this_week if anchor.weekday() < 5 else saturday_this_week + timedelta(weeks=1)
        reasoning = "'next weekend': the first weekend after the dateline"
    elif rel in ("last", "the past", "this past"):
        saturday = saturday_this_week - timedelta(weeks=1) if anchor.weekday() < 5 else saturday_this_week
        if rel == "last" and anchor.weekday() >= 5:
            saturday -= timedelta(weeks=1)
        reasoning = "'last weekend': the weekend before the dateline"
    else:
        future, why = _direction(text, match.start(), match.end())
        if anchor.weekday() >= 5:
            saturday = saturday_this_week
            reasoning = "the dateline falls on this weekend"
        elif future:
            saturday = saturday_this_week
            reasoning = f"{why}: the coming weekend"
        else:
            saturday = saturday_this_week - timedelta(weeks=1)
            reasoning = f"{why}: the weekend before the dateline"
    return _Candidate(*_span(match), _week_value(saturday) + "-WE", "week", relative=True, reasoning=reasoning)


# Decades and centuries in words ------------------------------------------------------------------

_ORDINAL_CENTURY = {**ORDINALS, "twenty-first": 21, "twenty first": 21}


@_rule(
    r"\b(?P<mod>(?:the\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-)|(?:turn|end|start|beginning|middle)\s{1,3}of\s{1,3}the\s{1,3})?)"
    r"(?:the\s{1,3})?(?P<ord>\d{1,2}(?:st|nd|rd|th)|twenty[\s-]first|(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth))[\s-]{1,3}century\b",
    re.IGNORECASE,
)
def _century(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    token = match["ord"].casefold().replace("-", " ")
    number = int(re.match(r"\d+", token).group()) if token[0].isdigit() else _ORDINAL_CENTURY.get(token)  # type: ignore[union-attr]
    if not number or number > 30:
        return None
    start = (
        match.start()
        if match["mod"].strip()
        else match.start("ord") - (4 if text[match.start("ord") - 4 : match.start("ord")].casefold() == "the " else 0)
    )
    return _Candidate(start, match.end(), f"{number - 1:02d}XX", "century", reasoning=None)


@_rule(
    r"\b(?P<mod>(?:the\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-))?)(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b(?!\s+(?:percent|%))"
)
def _decade_word(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    before = text[max(0, match.start() - 8) : match.start()]
    if not re.search(r"\bthe\s{1,3}$", before + match["mod"], re.IGNORECASE) and not match["mod"].strip():
        return None  # "in his forties" is an age, "the seventies" a decade
    digit = {
        "twenties": 2,
        "thirties": 3,
        "forties": 4,
        "fifties": 5,
        "sixties": 6,
        "seventies": 7,
        "eighties": 8,
        "nineties": 9,
    }[match["word"]]
    start = match.start() if match["mod"].strip() else match.start("word") - 4
    return _Candidate(
        start, match.end(), f"19{digit}X", "decade", reasoning="a decade named without its century: the 1900s"
    )


# Fiscal years -----------------------------------------------------------------------------------


@_rule(
    r"(?<![\w-])(?:(?:fiscal|financial)\s{1,3}(?:year\s{1,3})?|FY\s?)(?P<year>"
    + _YEAR4
    + r"|'?\d{2}(?!\d))(?:[/\u2013-](?P<second>\d{2,4}))?",
    re.IGNORECASE,
)
def _fiscal_year(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    token = match["year"].lstrip("'")
    year = int(token) if len(token) == 4 else 2000 + int(token)
    if match["second"]:
        second = match["second"]
        year = year // 100 * 100 + int(second) if len(second) == 2 else int(second)
    # Fiscal years end in different months by country and company; the year named is the one they end in.
    return _Candidate(
        *_span(match), f"{year:04d}", "year", reasoning="a fiscal year, read as the calendar year it ends in"
    )


# Recency and vague references ------------------------------------------------------------


@_rule(rf"\b(?:{_PRESENT_WORDS})\b", re.IGNORECASE)
def _present(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    word = match.group().casefold()
    if word == "latest" and re.search(
        r"\bat\s+the\s+$", text[max(0, match.start() - 12) : match.start()], re.IGNORECASE
    ):
        return None  # "at the latest" is a deadline, not recency
    if word == "now" and re.match(r"-|\s{0,3}(?:defunct|former|ex-)", text[match.end() : match.end() + 12]):
        return None
    if word == "current" and re.match(
        r"\s{1,3}(?:account|accounts|affairs|events|flows?|assets|liabilities|density|s)\b",
        text[match.end() : match.end() + 14],
        re.IGNORECASE,
    ):
        return None  # "current account", "current affairs": names of things, not the present
    recent = word != "current"
    return _Candidate(*_span(match), "PRESENT_REF", "present", recent=recent, rank=1)


@_rule(
    r"(?:(?P<aux>\b(?:has|have|had|is|are|was|were)\s{1,3}|['\u2019](?:s|ve|d)\s{1,3})just\b"
    r"|\bjust\b(?=\s{1,3}(?:been\s{1,3})?(?!(?:n|f|sp|s|ind)eed\b)[a-z]{2,}ed\b))",
    re.IGNORECASE,
)
def _just(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    after = text[match.end() : match.end() + 12]
    if re.match(r"\s{1,3}(?:over|under|about|around|as|a|an|one|the|\d)\b", after, re.IGNORECASE):
        return None  # "just over 60%", "is just a test": not recency
    end = match.end()
    start = end - len("just")
    return _Candidate(start, end, "PRESENT_REF", "present", recent=True, rank=1)


@_rule(rf"\b(?:{_RECENT_WORDS})\b", re.IGNORECASE)
def _recent(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _Candidate(*_span(match), "PAST_REF", "unknown", recent=True, rank=1)


@_rule(rf"\b(?:{_PAST_WORDS})\b", re.IGNORECASE)
def _past(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    return _Candidate(*_span(match), "PAST_REF", "unknown", rank=1)


@_rule(rf"\b(?:{_FUTURE_WORDS})\b", re.IGNORECASE)
def _future(match: re.Match[str], text: str, anchor: date | None) -> _Candidate | None:
    if re.match(
        r"\s{1,3}(?:after|before|afterwards|thereafter)\b", text[match.end() : match.end() + 14], re.IGNORECASE
    ):
        return None  # "shortly after 8 p.m.": close to another time, not the future
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
    chosen = _join_times_of_day(chosen, text)
    _resolve_followers(chosen)
    return [
        TimeMatch(
            c.start,
            c.end,
            text[c.start : c.end],
            c.value,
            c.granularity,
            c.relative,
            c.recent,
            c.type,
            c.reasoning,
            c.quantifier,
            c.reference,
        )
        for c in chosen
    ]


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BESIDE = re.compile(r"[ \t]{1,3}")
_ON_OR_AT = re.compile(
    r",?\s{1,3}(?:(?:local|(?-i:[A-Z][a-z]+))\s{1,3}time,?\s{1,3})?(?:(?:on|at)\s{1,3})?", re.IGNORECASE
)
_PART_OF = re.compile(r"\b(?:the\s{1,3})?(?P<part>morning|afternoon|evening|night)\s{1,3}of\s{1,3}$", re.IGNORECASE)


def _join_times_of_day(chosen: list[_Candidate], text: str) -> list[_Candidate]:
    """A time of day next to the day it falls on: one TIME on that day.

    "12:00 UTC Monday", "midnight Friday" are one expression (as TIDES and MEANTIME mark them); "3 pm
    on Friday", "Friday at 3 pm", "16:15 UTC, June 1" stay two, but the time takes that day's date
    instead of the dateline's;
    "the evening of March 5" is March 5's evening.
    """
    joined: list[_Candidate] = []
    index = 0
    while index < len(chosen):
        candidate = chosen[index]
        following = chosen[index + 1] if index + 1 < len(chosen) else None
        if candidate.type == "DATE" and _DAY_VALUE.match(candidate.value or ""):
            part_of = _PART_OF.search(text, max(0, candidate.start - 24), candidate.start)
            if part_of is not None and not any(c.end > part_of.start() for c in joined[-1:]):
                part = _PART_OF_DAY[part_of["part"].casefold()]
                candidate.start, candidate.type = part_of.start(), "TIME"
                candidate.value = f"{candidate.value}T{part}"
        if following is not None:
            day, clock = (following, candidate) if candidate.clock else (candidate, following)
            gap = text[candidate.end : following.start]
            if (
                clock.clock
                and day.type == "DATE"
                and day.clock is None
                and _DAY_VALUE.match(day.value or "")
                and (_BESIDE.fullmatch(gap) or _ON_OR_AT.fullmatch(gap))
            ):
                clock.value = f"{day.value}{clock.clock}"
                clock.reasoning = f"a time of day on the day named beside it ({day.value})"
                clock.reference = date.fromisoformat(day.value or "")
                if _BESIDE.fullmatch(gap) and clock is candidate:
                    # "12:00 UTC Monday": one expression
                    candidate.end, candidate.relative = following.end, day.relative
                    joined.append(candidate)
                    index += 2
                    continue
        joined.append(candidate)
        index += 1
    return joined


# The interval of a value lives in factcheck.dates, shared with the checks and the ledger.
parse_date_value = interval_of
