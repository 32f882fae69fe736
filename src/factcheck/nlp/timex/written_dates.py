"""Dates written on the calendar: full dates, months and days, quarters, seasons, decades and years."""

from __future__ import annotations

import calendar
import re
from datetime import date

from factcheck.nlp.timex.base import (
    Candidate,
    Rules,
    day_of,
    match_span,
    month_of,
    resolve_month,
    resolve_month_day,
    valid_day,
)
from factcheck.nlp.timex.clock import CLOCK_PATTERN, clock_reading
from factcheck.nlp.timex.lexicon import (
    COUNT_NOUNS,
    DAY,
    MOD,
    MONTH,
    ORDINAL_QUARTER,
    SEASON_CODE,
    TIME_OF_DAY,
    WEEKDAY,
    WEEKDAY_FULL,
    YEAR4,
)
from factcheck.nlp.timex.tense import reading_direction

rule = Rules()

# Full dates -------------------------------------------------------------------------


@rule(
    rf"(?:\b{WEEKDAY},?[ \t]{{1,3}})?(?<![A-Za-z])(?P<month>{MONTH})\s{{0,3}}(?P<day>{DAY}),?\s{{1,3}}"
    rf"(?P<year>{YEAR4}){TIME_OF_DAY}"
)
def _month_day_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    year, month, day = int(match["year"]), month_of(match["month"]), day_of(match["day"])
    if not valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    clock = CLOCK_PATTERN.search(match.group(), match.end("year") - match.start())
    clock_value = clock_reading(clock) if clock else None
    if clock_value:  # "Apr 4, 2022, 9:30 AM": a time of day on a written date
        return Candidate(*match_span(match), value + clock_value, "day", type="TIME")
    return Candidate(*match_span(match), value, "day")


@rule(
    rf"(?:\b{WEEKDAY},?[ \t]{{1,3}})?(?<![\d.,])\b(?P<day>{DAY})\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{MONTH}),?\s{{1,3}}"
    rf"(?P<year>{YEAR4}){TIME_OF_DAY}"
)
def _day_month_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return _month_day_year(match, text, anchor)


@rule(
    r"(?<![\w.\-/])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w\-/])"
)
def _iso_date(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not valid_day(year, month, day):
        return None
    return Candidate(*match_span(match), f"{year:04d}-{month:02d}-{day:02d}", "day")


@rule(r"(?<![\w.\-/])(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\w/\-])")
def _ymd_slashes(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return _iso_date(match, text, anchor)


@rule(r"(?<![\w.\-/])(?P<a>\d{1,2})([/.\-])(?P<b>\d{1,2})\2(?P<year>\d{4})(?![\w/\-]|\.\d)")
def _numeric_date(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    readings = {(m, d) for m, d in ((first, second), (second, first)) if valid_day(year, m, d)}
    if not readings:
        return None
    if len(readings) == 1:
        month, day = readings.pop()
        return Candidate(*match_span(match), f"{year:04d}-{month:02d}-{day:02d}", "day")
    # Month and day could be swapped: keep only what is certain.
    return Candidate(*match_span(match), f"{year:04d}", "year")


# Month and year, month and day ---------------------------------------------------------


@rule(rf"(?P<mod>{MOD})?(?<![A-Za-z])(?P<month>{MONTH}),?\s{{1,3}}(?:of\s{{1,3}})?(?P<year>{YEAR4})", re.IGNORECASE)
def _month_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    month_text = match["month"]
    if not (month_text[0].isupper()):
        return None  # IGNORECASE is only for the modifier; months stay capitalised
    year, month = int(match["year"]), month_of(month_text)
    return Candidate(*match_span(match), f"{year:04d}-{month:02d}", "month")


@rule(
    rf"(?:\b{WEEKDAY_FULL},?[ \t]{{1,3}})?"  # "Thursday, March 12": the weekday belongs to the date
    rf"(?P<mod>{MOD})?(?:(?P<rel>\b(?:last|next|this)\s{{1,3}}))?(?<![A-Za-z])(?P<month>{MONTH})\s{{0,3}}(?P<day>{DAY})(?![\d,.:]\d|\s?[AaPp]\.?[Mm]\b|%)"
)
def _month_day(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return _month_day_common(match, text, anchor)


@rule(rf"(?<![\d.,])\b(?P<day>{DAY})\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{MONTH})")
def _day_month(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return _month_day_common(match, text, anchor)


@rule(
    rf"(?<![\d.,])\b(?P<day>{DAY})\s{{0,3}}(?:and|to|-|\u2013)\s{{0,3}}(?={DAY}\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{MONTH}))"
    rf"|(?<![A-Za-z])(?P<first_month>{MONTH})\s{{0,3}}{DAY}\s{{0,3}}(?:-|\u2013|to|and)\s{{0,3}}(?P<second_day>{DAY})(?![\d,.:]\d|%)"
)
def _day_range(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    """The other end of a range of days: "between 12 and 14 March" (12 March), "March 12-14" (14 March)."""
    group, month_group = ("day", "month") if match["day"] is not None else ("second_day", "first_month")
    return _month_and_day(month_of(match[month_group]), day_of(match[group]), *match_span(match, group), text, anchor)


def _month_day_common(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return _month_and_day(month_of(match["month"]), day_of(match["day"]), *match_span(match), text, anchor)


def _month_and_day(month: int, day: int, start: int, end: int, text: str, anchor: date | None) -> Candidate | None:
    """A month and a day without a year, at ``text[start:end]``, read against the anchor."""
    if not valid_day(2000, month, day):  # 2000 is a leap year: allows 29 February
        return None
    if anchor is None:
        return Candidate(start, end, None, "day", relative=True)
    future, why = reading_direction(text, start, end)
    resolved = resolve_month_day(anchor, month, day, future)
    if resolved is None:
        return None
    which = "next" if future else "most recent"
    reasoning = f"no year given: {why}, so the {which} {resolved:%-d %B} {'from' if future else 'up to'} the dateline {anchor.isoformat()}"
    return Candidate(start, end, resolved.isoformat(), "day", relative=True, reasoning=reasoning)


_MONTH_PREP = (
    r"\b(?:in|since|by|until|till|from|to|through|throughout|during|before|after|of|on|for"
    r"|between|and|or|around|early|late|mid|as\s+of|starting|beginning|ending|last|next|this|its|their|our|his|her)"
)


@rule(
    rf"(?:(?P<prep>(?i:{_MONTH_PREP}))\s{{1,3}}|(?=(?i:early|late|mid|the)\b))"
    rf"(?P<core>(?P<mod>(?i:{MOD}))?(?:(?P<rel>(?i:last|next|this))\s{{1,3}})?"
    rf"(?<![A-Za-z])(?P<month>{MONTH})(?P<which>\s{{1,3}}(?i:last|this|next)\s{{1,3}}year\b)?)(?![\s,]{{1,3}}(?:\d|of\s+\d))"
)
def _bare_month(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
    month = month_of(match["month"])
    if anchor is None:
        return Candidate(start, end, None, "month", relative=True)
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
        future, why = reading_direction(text, start, end)
        year = resolve_month(anchor, month, future)
        which = "next" if future else "most recent"
        reasoning = f"no year given: {why}, so the {which} {name} {'from' if future else 'up to'} the dateline {anchor.isoformat()}"
    return Candidate(start, end, f"{year:04d}-{month:02d}", "month", relative=True, reasoning=reasoning)


# Quarters, seasons, decades -------------------------------------------------------------


@rule(
    r"\b(?P<mod>(?:the\s{1,3})?)(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s\-]{1,3}quarter"
    r"(?:\s{1,3}of)?\s{1,3}(?:(?P<year>" + YEAR4 + r")|(?P<rel>this|last|next|the)\s{1,3}year\b)",
    re.IGNORECASE,
)
def _ordinal_quarter(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    quarter = ORDINAL_QUARTER[match["ord"].casefold()]
    return _quarter_candidate(match, quarter, anchor)


@rule(
    r"(?<![\w\-])(?:Q(?P<q1>[1-4])\s{0,3}(?:of\s{1,3})?(?:FY\s?)?(?P<year1>" + YEAR4 + r"|'\d{2}(?!\d))"
    r"|(?P<year2>" + YEAR4 + r")\s{0,3}Q(?P<q2>[1-4])|(?P<q3>[1-4])Q\s?(?P<year3>" + YEAR4 + r"))(?![\w\-])"
)
def _q_quarter(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    quarter = int(match["q1"] or match["q2"] or match["q3"])
    year_text = match["year1"] or match["year2"] or match["year3"]
    year = int(year_text) if not year_text.startswith("'") else 2000 + int(year_text[1:])
    return Candidate(*match_span(match), f"{year:04d}-Q{quarter}", "quarter")


@rule(
    r"\b(?:(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+next)\s{1,3}quarter"
    r"|(?P<phrase>(?:the\s{1,3})?(?P<ord>first|second|third|fourth|final)[\s-]{1,3}quarter))\b(?!\s{1,3}of\b|\s{1,3}century|-)",
    re.IGNORECASE,
)
def _relative_quarter(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    start, end = match_span(match)
    if match["ord"]:
        start = match.start("phrase")
    if anchor is None:
        return Candidate(start, end, None, "quarter", relative=True)
    current = (anchor.month - 1) // 3 + 1
    if match["ord"]:
        quarter = ORDINAL_QUARTER[match["ord"].casefold()]
        future, why = reading_direction(text, start, end)
        if future:
            year = anchor.year if quarter >= current else anchor.year + 1
        else:
            year = anchor.year if quarter <= current else anchor.year - 1
        which = "next" if future else "most recent"
        return Candidate(
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
    return Candidate(start, end, f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", relative=True)


def _quarter_candidate(match: re.Match[str], quarter: int, anchor: date | None) -> Candidate | None:
    start, end = match_span(match)
    if match["year"]:
        return Candidate(start, end, f"{int(match['year']):04d}-Q{quarter}", "quarter")
    if anchor is None:
        return Candidate(start, end, None, "quarter", relative=True)
    rel = match["rel"].casefold()
    year = anchor.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
    return Candidate(start, end, f"{year:04d}-Q{quarter}", "quarter", relative=True)


@rule(
    r"(?P<mod>\b(?:the\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-))?)\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
    r"(?:\s{1,3}of)?,?\s{1,3}(?P<year>" + YEAR4 + r")"
)
def _season_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    start = match.start("season") if not match["mod"].strip() else match.start()
    code = SEASON_CODE[match["season"].casefold()]
    return Candidate(start, match.end(), f"{int(match['year']):04d}-{code}", "season")


@rule(r"\b(?P<rel>this|last|next|past)\s{1,3}(?P<season>spring|summer|autumn|fall|winter)\b", re.IGNORECASE)
def _relative_season(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    start, end = match_span(match)
    if anchor is None:
        return Candidate(start, end, None, "season", relative=True)
    code = SEASON_CODE[match["season"].casefold()]
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
    return Candidate(start, end, f"{year:04d}-{code}", "season", relative=True)


@rule(
    r"(?P<mod>(?:\bthe\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-)))?"
    r"(?:(?<![\w'\u2019])(?P<decade>1[89]\d0|20\d0)['\u2019]?s|(?<![\w])['\u2019](?P<short>\d0)s)\b"
)
def _decade(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    if match["decade"]:
        decade = int(match["decade"])
    else:
        short = int(match["short"])
        decade = 1900 + short if short >= 30 else 2000 + short
    start = match.start() if match["mod"] else (match.start("decade") if match["decade"] else match.start("short") - 1)
    the = re.search(r"\bthe\s{1,3}$", text[max(0, start - 6) : start], re.IGNORECASE)
    if the and not match["mod"]:
        start -= len(the.group())  # "since the 1980s": the determiner is part of it, as in "the late 1990s"
    return Candidate(start, match.end(), f"{decade // 10:03d}X", "decade")


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
# A possessive and one describing word before a year ("Roe's savaged 2013 stint", "her acclaimed 2007 tour"), not
# a word that says how many ("its first 2000", "their estimated 1900").
_YEAR_DESCRIBED = re.compile(
    r"(?:\b(?:his|her|its|their|our|my|your)|[^\W\d_]['\u2019]s)\s{1,3}"
    r"(?!(?:first|last|next|other|estimated|additional|extra|further|remaining|total|mere|whopping)\s)"
    r"[a-z]+(?:-[a-z]+)*\s{1,3}$"
)
_YEAR_RANGE_END = re.compile(r"[\u2013\u2014-](?P<short>\d{2})(?![\d\w])")


@rule(
    rf"(?:(?P<mod>{MOD})|(?<![\w$€£¥.,:/#\-])|(?<=(?:19|20)\d\d[-\u2013]))(?P<year>(?:19\d\d|20\d\d|2100))(?![\d%]|[.,]\d|[:/]\d|\w)",
    re.IGNORECASE,
)
def _year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    year_start, year_end = match_span(match, "year")
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
        return Candidate(start, year_end, f"{match['year']}-H{1 if half.group(1).casefold() == 'first' else 2}", "year")
    return Candidate(start, year_end, match["year"], "year")


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
    if _YEAR_DESCRIBED.search(before) and re.match(r"[ \t]{1,3}[a-z]", after):
        # An owner's described occasion: "Roe's savaged 2013 stint", "her acclaimed 2007 tour". A count there has
        # its counted noun after it (``_followed_by_count_noun``) or a quantity's word before ("his first 2000").
        return True
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
    return word.islower() and word.casefold() in COUNT_NOUNS or word in {"million", "billion", "thousand"}


@rule(r"(?<![\w.,])(?P<first>(?:19|20)\d\d)[\u2013\u2014-](?P<short>\d{2})(?![\d\w%])")
def _year_short_range(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "2019-21": report the second year on its own; the first is found by _year.
    first = int(match["first"])
    second = first // 100 * 100 + int(match["short"])
    if second <= first:
        return None
    return Candidate(match.start("short"), match.end("short"), f"{second:04d}", "year", rank=1)
