"""Lengths of time (three weeks, the past five years) and the parts of periods (the rest of the year)."""

from __future__ import annotations

import re
from datetime import date

from factcheck.nlp.numbers import TENS
from factcheck.nlp.timex.base import Candidate, Rules, after_a_quantity, match_span, shift_month, week_value
from factcheck.nlp.timex.clock import PART_OF_DAY
from factcheck.nlp.timex.lexicon import NUMBER_WORDS, SEASON_CODE, YEAR4
from factcheck.nlp.timex.tense import reading_direction

rule = Rules()

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
# The units a length of time is counted in, singular ("three weeks" -> "week").
UNITS = tuple(_UNIT_CODE)
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century|centurie)"
_TENS_WORDS = {
    **{word: value for word, value in TENS.items() if value > 50},
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
}
DURATION_COUNT = (
    r"(?:\d{1,3}(?:\.\d)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|(?:a|one)\s+hundred|hundred|a\s+couple\s+of|a\s+couple|couple\s+of|an?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|half\s+an?|a\s+half)"
)
_VAGUE_COUNT = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|recent|the\s+past\s+few|countless)"


def duration_value(count: float | None, unit: str) -> str:
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


def duration_count(token: str) -> float | None:
    token = " ".join(token.casefold().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d)?", token):
        return float(token)
    if token in ("half a", "half an", "a half"):
        return 0.5
    if token in _TENS_WORDS:
        return float(_TENS_WORDS[token])
    parts = token.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    tens = {**NUMBER_WORDS, **_TENS_WORDS}
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


@rule(
    rf"(?P<span>(?:(?P<approx>about|around|nearly|almost|over|more\s{{1,3}}than|less\s{{1,3}}than|under|roughly"
    rf"|approximately|at\s{{1,3}}least|up\s{{1,3}}to|some|another)\s{{1,3}})?"
    rf"(?:(?P<frame>the\s{{1,3}}(?:past|last|next|coming|previous|following|first|final|remaining))\s{{1,3}})?"
    rf"(?:(?P<count>{DURATION_COUNT})(?P<half>\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half)?|(?P<vague>{_VAGUE_COUNT}))[\s-]{{1,3}}(?:(?:trading|business|working|calendar|consecutive|straight|successive|full|whole|more|additional|extra|long)\s{{1,3}})?"
    rf"{_UNIT}(?P<plural>s)?(?P<long>-(?:long|old))?)\b"
    r"(?!\s{1,3}(?:ago|earlier|later|from\s+now|prior)\b|['\u2019])",
    re.IGNORECASE,
)
def _duration(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    unit = match["unit"].casefold()
    unit = "century" if unit.startswith("centur") else unit
    count = duration_count(match["count"]) if match["count"] else None
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
        and after_a_quantity(text, match.start())
    ):
        return None  # "15 a year", "twice a week": a set, found below
    start, end = match_span(match, "span")
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
    value = duration_value(count, unit)
    frame = " ".join((match["frame"] or "").casefold().split())
    reasoning = None
    if frame in ("the past", "the last", "the previous") and count is not None:
        reasoning = "a length of time reaching back to the dateline"
    return Candidate(
        start,
        end,
        value,
        _DURATION_GRANULARITY[unit],
        type="DURATION",
        rank=1,
        reasoning=reasoning,
        recent=bool(match["vague"] and match["vague"].casefold() == "recent" and unit != "year"),
    )


@rule(
    r"\b(?:(?P<frame>the\s{1,3}(?:past|last|next|coming|previous|following))\s{1,3}|(?P<article>a|an|one)\s{1,3})?"
    r"(?P<unit>year|month|week|day|hour)\s{1,3}and\s{1,3}a\s{1,3}half\b"
    r"|\b(?P<fraction>a\s{1,3}quarter|half|a\s{1,3}half)\s{1,3}(?:of\s{1,3})?an?\s{1,3}(?P<long>century|decade)\b",
    re.IGNORECASE,
)
def _fraction_of_unit(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
            return Candidate(match.start(), end, None, "year", relative=True)
        year, month = shift_month(anchor.year, anchor.month, -int(count * months))
        value, granularity = (f"{year:04d}-{month:02d}", "month") if unit == "year" else (f"{year:04d}", "year")
        return Candidate(match.start(), end, value, granularity, relative=True, rank=1)
    return Candidate(
        *match_span(match), duration_value(count, unit), _DURATION_GRANULARITY[unit], type="DURATION", rank=1
    )


@rule(r"\b(?<![\d-])(?P<single>(?:year|month|week|day|decade|century)-long)\b", re.IGNORECASE)
def _singular_long(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    unit = match["single"].split("-")[0].casefold()
    return Candidate(*match_span(match), duration_value(1, unit), _DURATION_GRANULARITY[unit], type="DURATION", rank=2)


@rule(
    r"\b(?P<unit>year|month|week|day|hour|minute|decade|centurie)s(?P<long>-long)?\b(?!\s{1,3}(?:ago|old|of\s+age)\b|['\u2019])",
    re.IGNORECASE,
)
def _bare_plural_duration(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
    return Candidate(
        match.start(), end, duration_value(None, unit), _DURATION_GRANULARITY[unit], type="DURATION", rank=2
    )


@rule(r"\b(?P<frame>the\s{1,3}(?:past|last|previous|next|coming))\s{1,3}(?P<unit>decade|century)\b", re.IGNORECASE)
def _framed_long_period(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    unit = match["unit"].casefold()
    return Candidate(*match_span(match), duration_value(1, unit), unit, type="DURATION", rank=1)


@rule(
    r"\b(?P<prep>(?i:in|during|by|until|since|over|through|throughout|before|after))\s{1,3}(?P<the>(?i:the)\s{1,3})?"
    r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|(?<=the\s)[Ff]all)\b(?!\s{1,3}(?:of\s+)?\d)"
)
def _bare_season(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    start = match.start("the") if match["the"] else match.start("season")
    end = match.end()
    if anchor is None:
        return Candidate(start, end, None, "season", relative=True)
    code = SEASON_CODE[match["season"].casefold()]
    future, why = reading_direction(text, start, end)
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
    return Candidate(
        start,
        end,
        f"{label:04d}-{code}",
        "season",
        relative=True,
        reasoning=f"no year given: {why}, so the {which} {match['season'].lower()}",
    )


@rule(
    rf"\b(?P<first>{DURATION_COUNT})\s{{0,3}}(?:and|to|or|-|\u2013)\s{{0,3}}(?={DURATION_COUNT}[\s-]{{1,3}}{_UNIT}s?\b)",
    re.IGNORECASE,
)
def _duration_range_start(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "between 60 and 90 days", "two to three years": the first number takes the unit of the second.
    count = duration_count(match["first"])
    if count is None or match["first"].casefold() in ("a", "an"):
        return None
    unit = match["unit"].casefold()
    unit = "century" if unit.startswith("centur") else unit
    return Candidate(
        match.start("first"),
        match.end("first"),
        duration_value(count, unit),
        _DURATION_GRANULARITY[unit],
        type="DURATION",
        rank=2,
    )


@rule(
    r"\b(?:(?:the\s{1,3})?(?P<part>beginning|start|end|middle|rest|remainder|close)\s{1,3}of|(?:earlier|later)\s{1,3}in)"
    r"\s{1,3}(?P<rel>the|this)\s{1,3}(?P<unit>year|month|week)\b(?!\s{1,3}(?:before|after|earlier|ago)\b|['\u2019])",
    re.IGNORECASE,
)
def _part_of_current_period(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "the beginning of the year": of the dateline's year, as "this year" is.
    unit = match["unit"].casefold()
    if anchor is None:
        return Candidate(*match_span(match), None, unit, relative=True)
    value = {
        "year": f"{anchor.year:04d}",
        "month": f"{anchor.year:04d}-{anchor.month:02d}",
        "week": week_value(anchor),
    }[unit]
    return Candidate(
        *match_span(match), value, unit, relative=True, reasoning=f"the {unit} of the dateline {anchor.isoformat()}"
    )


@rule(
    r"\b(?:(?:early|late)\s{1,3})?(?:in\s{1,3})?the\s{1,3}(?P<part>morning|afternoon|evening)\b(?!\s{1,3}(?:of|after|before)\b)",
    re.IGNORECASE,
)
def _the_part_of_day(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "in the afternoon" in a news report: of the dateline's day.
    start = match.start()
    leading = re.match(r"(?:(?:early|late)\s{1,3})?(in\s{1,3})", match.group(), re.IGNORECASE)
    if leading and not re.match(r"(?:early|late)", match.group(), re.IGNORECASE):
        start = match.start() + leading.end()
    part = PART_OF_DAY[match["part"].casefold()]
    value = f"{anchor.isoformat()}T{part}" if anchor else None
    return Candidate(
        start,
        match.end(),
        value,
        "day",
        relative=True,
        type="TIME",
        rank=1,
        reasoning="a part of the day in a news report: the dateline's day" if anchor else None,
    )


@rule(r"\b(?P<phrase>(?:the\s{1,3})?(?P<ord>first|second)[\s-]half)\b(?!\s{1,3}of\b|-)", re.IGNORECASE)
def _half_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    if anchor is None:
        return Candidate(*match_span(match), None, "year", relative=True)
    half = 1 if match["ord"].casefold() == "first" else 2
    current = 1 if anchor.month <= 6 else 2
    future, why = reading_direction(text, match.start(), match.end())
    if future:
        year = anchor.year if half >= current else anchor.year + 1
    else:
        year = anchor.year if half <= current else anchor.year - 1
    return Candidate(
        *match_span(match),
        f"{year:04d}-H{half}",
        "year",
        relative=True,
        reasoning=f"no year given: {why}, so the {'next' if future else 'most recent'} such half-year",
    )


@rule(
    r"\b(?P<lead>for|during|over|throughout|ended|ending|end|close|closed|on)\s{1,3}(?P<span>the\s{1,3}(?P<unit>week|year))\b"
    r"(?!\s{1,3}(?:before|after|of|earlier|ago|to|that|when)\b|['\u2019])",
    re.IGNORECASE,
)
def _the_week(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "the index fell 5% for the week": the dateline's week, in running news.
    start, end = match_span(match, "span")
    unit = match["unit"].casefold()
    if anchor is None:
        return Candidate(start, end, None, unit, relative=True)
    value = week_value(anchor) if unit == "week" else f"{anchor.year:04d}"
    return Candidate(
        start, end, value, unit, relative=True, reasoning=f"'the {unit}' in a news report: the dateline's {unit}"
    )


@rule(
    r"\b(?:by|at|until|till|before|after|since|to|through|around|for)\s{1,3}(?P<span>(?P<unit>year|month|quarter)[\s-]end"
    r"(?:\s{1,3}(?P<year>" + YEAR4 + r"))?)\b(?![-'\u2019])",
    re.IGNORECASE,
)
def _period_end(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "by year-end": the end of the dateline's year (TimeML: the year, mod END); "since year-end" the last one.
    start, end = match_span(match, "span")
    unit = match["unit"].casefold()
    if match["year"]:
        return Candidate(start, end, match["year"], "year") if unit == "year" else None
    if anchor is None:
        return Candidate(start, end, None, unit, relative=True)
    past = match.group().casefold().startswith("since")
    if unit == "year":
        value = f"{anchor.year - past:04d}"
    elif unit == "month":
        year, month = shift_month(anchor.year, anchor.month, -past)
        value = f"{year:04d}-{month:02d}"
    else:
        quarter = (anchor.month - 1) // 3 - past
        value = f"{anchor.year + quarter // 4:04d}-Q{quarter % 4 + 1}"
    which = "the last one before the dateline" if past else "the dateline's"
    return Candidate(start, end, value, unit, relative=True, reasoning=f"'{match['span']}': {which} {unit}")


@rule(r"\bthis\s{1,3}time\s{1,3}(?P<when>last|next)\s{1,3}year\b", re.IGNORECASE)
def _this_time_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    # "this time last year": the dateline's day a year back (or on)
    if anchor is None:
        return Candidate(*match_span(match), None, "day", relative=True)
    shift = -1 if match["when"].casefold() == "last" else 1
    day = anchor.replace(year=anchor.year + shift, day=min(anchor.day, 28) if anchor.month == 2 else anchor.day)
    return Candidate(*match_span(match), day.isoformat(), "day", relative=True, rank=1)
