"""Dates counted from the anchor: today, last week, three days ago, on Monday."""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.nlp.timex.base import Candidate, Rules, count_value, match_span, shift_month, week_value
from factcheck.nlp.timex.clock import PART_OF_DAY
from factcheck.nlp.timex.lexicon import COUNT_WORD, DAY, MONTH, WEEKDAY_FULL, WEEKDAYS
from factcheck.nlp.timex.tense import reading_direction

rule = Rules()

# Relative to the anchor -----------------------------------------------------------------


@rule(
    r"\b(?P<lead>(?:earlier|later)\s{1,3})?(?P<word>today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|(?:the\s+day\s+before\s+)?yesterday|(?:the\s+day\s+after\s+)?tomorrow)"
    r"(?P<part>\s{1,3}(?:morning|afternoon|evening|night)\b)?\b",
    re.IGNORECASE,
)
def _day_word(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    word = " ".join(match["word"].casefold().split())
    offset = {
        "yesterday": -1,
        "the day before yesterday": -2,
        "tomorrow": 1,
        "the day after tomorrow": 2,
        "last night": -1,
    }.get(word, 0)
    part_word = match["part"].strip().casefold() if match["part"] else word.split()[-1]
    part = PART_OF_DAY.get(part_word)
    if (
        word == "today"
        and match.start("word") == match.start()
        and re.match(r"['\u2019]s\s", text[match.end() : match.end() + 3])
    ):
        part = None  # "today's" is as often "nowadays" as the day itself; keep the day
    recent = offset <= 0
    kind, granularity = ("TIME", "day") if part else ("DATE", "day")
    if anchor is None:
        return Candidate(*match_span(match), None, granularity, relative=True, recent=recent, type=kind)
    value = (anchor + timedelta(days=offset)).isoformat() + (f"T{part}" if part else "")
    return Candidate(*match_span(match), value, granularity, relative=True, recent=recent, type=kind)


@rule(
    r"\b(?P<mod>(?:(?:earlier|later)\s{1,3}(?:in\s{1,3})?)|(?:(?:early|late|mid)(?:\s{1,3}|-))|(?:(?:the\s{1,3})?(?:end|beginning|start|middle|close)\s{1,3}of\s{1,3})"
    r"|(?:the\s{1,3})?(?P<half>first|second)\s{1,3}half\s{1,3}of\s{1,3})?"
    r"(?P<rel>this\s+past|this|last|next|the\s+past|the\s+last|the\s+previous|the\s+prior|the\s+current|the\s+coming|the\s+next)\s{1,3}(?P<unit>week|month|year)\b(?!['\u2019]s\s+(?:model|version))",
    re.IGNORECASE,
)
def _relative_period(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
        return Candidate(*match_span(match), None, granularity, relative=True, recent=recent)
    if unit == "year":
        value = f"{anchor.year + delta:04d}"
        if match["half"]:  # "the second half of next year": 2010-H2
            value += "-H1" if match["half"].casefold() == "first" else "-H2"
    elif unit == "month":
        year, month = shift_month(anchor.year, anchor.month, delta)
        value = f"{year:04d}-{month:02d}"
    else:
        value = week_value(anchor + timedelta(weeks=delta))
    return Candidate(*match_span(match), value, granularity, relative=True, recent=recent)


@rule(
    rf"\b(?P<count>{COUNT_WORD}|few|several|some|many|a\s+few)?\s{{0,3}}(?P<unit>day|week|month|year|decade)s?\s{{1,3}}(?:ago|earlier)\b",
    re.IGNORECASE,
)
def _ago(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    unit = match["unit"].casefold()
    count_text = match["count"]
    count = count_value(count_text) if count_text else None
    if count is not None and match.group().casefold().endswith("earlier"):
        return None  # "two days earlier" counts from the time the text has just named (_follows_named_time)
    start, end = match_span(match)
    if count_text is None:
        start = match.start("unit")
    if count is None:
        recent = unit in {"day", "week"}
        return Candidate(start, end, "PAST_REF", "unknown", relative=False, recent=recent)
    recent = unit == "day" or (unit == "week" and count <= 2)
    granularity = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}[unit]
    if anchor is None:
        return Candidate(start, end, None, granularity, relative=True, recent=recent)
    if unit == "day":
        value = (anchor - timedelta(days=count)).isoformat()
    elif unit == "week":
        value = week_value(anchor - timedelta(weeks=count))
    elif unit == "month":
        year, month = shift_month(anchor.year, anchor.month, -count)
        value = f"{year:04d}-{month:02d}"
    elif unit == "year":
        value = f"{anchor.year - count:04d}"
    else:
        value = f"{anchor.year - 10 * count:04d}"
    return Candidate(start, end, value, granularity, relative=True, recent=recent)


# Days with names of their own: not "the most recent Friday".
_NAMED_DAYS = re.compile(
    r"\b(?:Black|Cyber|Super|Good|Holy|Maundy|Ash|Easter|Palm|Whit|Bloody|Shrove|Giving|Small\s+Business|Blue|Mega)"
    r"\s{1,3}$"
)
# A weekday between an article or a possessive and a capitalised word is part of a name: "the Sunday Telegraph",
# "Britain's Sunday Times", "the Tuesday Group". A date would take a cue word ("on Sunday President Roe said").
_NAME_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s)[ \t]{1,3}$")
_NAME_AFTER = re.compile(r"[ \t]{1,3}[A-Z][a-z]")


@rule(
    r"(?:\b(?P<rel>on|last|next|this|since|until|till|by|from|early|late|said|says|announced|reported|told)\s{1,3})?"
    rf"(?<![A-Za-z])(?P<weekday>{WEEKDAY_FULL})(?![A-Za-z])(?!,?[ \t]{{1,3}}(?:{MONTH}|{DAY}[ \t]{{1,3}}(?:of[ \t]{{1,3}})?{MONTH}))"
    r"(?P<part>[ \t]{1,3}(?:morning|afternoon|evening|night)\b)?",
    re.IGNORECASE,
)
def _weekday(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    if not match["weekday"][0].isupper():
        return None  # IGNORECASE is for the cue words; the day keeps its capital
    rel = (match["rel"] or "").casefold()
    before = text[max(0, match.start("weekday") - 20) : match.start("weekday")]
    if _NAMED_DAYS.search(before):
        return None
    if not rel and _NAME_BEFORE.search(before) and _NAME_AFTER.match(text, match.end("weekday")):
        return None
    # "late Monday" keeps its modifier, as "last Monday" does (TimeML: one expression, mod END/START)
    start = match.start() if rel in {"last", "next", "this", "early", "late"} else match.start("weekday")
    end = match.end("part") if match["part"] else match.end("weekday")
    weekday = WEEKDAYS.index(match["weekday"].casefold())
    part = PART_OF_DAY[match["part"].strip().casefold()] if match["part"] else None
    kind, granularity = ("TIME", "day") if part else ("DATE", "day")
    if anchor is None:
        return Candidate(start, end, None, granularity, relative=True, recent=rel != "next", type=kind)
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
            future, why = reading_direction(text, start, end)
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
    return Candidate(start, end, value, granularity, relative=True, recent=not future, type=kind, reasoning=reasoning)
