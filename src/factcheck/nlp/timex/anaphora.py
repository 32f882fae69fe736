"""Times that refer back: the day of the report, and times counted from the last date the text named."""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.nlp.timex.base import Candidate, Follow, Rules, match_span, shift_month, week_value
from factcheck.nlp.timex.durations import DURATION_COUNT, duration_count

rule = Rules()

# The day of the report ------------------------------------------------------------------------


@rule(
    r"\b(?P<lead>(?:late|early|earlier|later)\s{1,3}in\s{1,3})?(?P<day>the\s{1,3}day)\b"
    r"(?=[\s,.;]|$)",
    re.IGNORECASE,
)
def _the_day(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
    follow = Follow("day", 0, None, " ".join(text[start : match.end()].split()))
    value, reasoning = _follow_value(follow, anchor, None) if anchor else (None, None)
    # "ended the day", "late in the day": the day the report is about, the last one it named
    return Candidate(start, match.end(), value, "day", relative=True, rank=1, reasoning=reasoning, follows=follow)


# Times the text has just named ---------------------------------------------------------------

_FOLLOW_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
_FOLLOW_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


@rule(
    r"\b(?P<same>the\s{1,3}same\s{1,3}(?P<same_unit>day|week|month|quarter|period))\s{1,3}(?P<back>last\s{1,3}year"
    r"|(?:a|one)\s{1,3}year\s{1,3}(?:ago|earlier|before)|the\s{1,3}(?:previous|prior)\s{1,3}year)\b"
    r"|\b(?P<before_after>the\s{1,3}(?P<side_unit>day|week|month|year)\s{1,3}(?P<side>before|after))(?=\s{0,3}(?:[,.;:)]|$))"
    rf"|\b(?P<count>{DURATION_COUNT})[\s-]{{1,3}}(?P<count_unit>day|week|month|year)s?\s{{1,3}}(?P<direction>later|earlier)\b"
    r"|\b(?:(?P<lead>later|earlier)\s{1,3}(?:in\s{1,3}|on\s{1,3})?)?"
    r"(?:(?P<that>that|the\s{1,3}same|that\s{1,3}same|that\s{1,3}very)"
    r"|(?P<the>the\s{1,3})?(?P<rel>next|following|previous|preceding|prior))"
    r"\s{1,3}(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b(?![-'\u2019])",
    re.IGNORECASE,
)
def _follows_named_time(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    """ "The next day", "two years later", "that week", "the same day", "the day before": a time
    counted from the one the text has just named. TimeML and HeidelTime read these against the
    reference time of the narrative (the last date mentioned), not the dateline; find_times does
    the reading once all dates are known."""
    words = " ".join(match.group().split())
    if match["same"]:
        # "the same month a year ago": the named month, a year back
        unit = match["same_unit"].casefold()
        follow = Follow(unit, 0, None, words, years_back=1)
        value, reasoning = _follow_value(follow, anchor, None) if anchor else (None, None)
        granularity = "quarter" if unit == "period" else unit
        return Candidate(*match_span(match), value, granularity, relative=True, reasoning=reasoning, follows=follow)
    if match["before_after"]:
        unit, shift, part = match["side_unit"].casefold(), -1 if match["side"].casefold() == "before" else 1, None
    elif match["count"]:
        count = duration_count(match["count"])
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
    follow = Follow(unit, shift, part, words)
    value, reasoning = _follow_value(follow, anchor, None) if anchor else (None, None)
    return Candidate(
        *match_span(match),
        value,
        unit,
        relative=True,
        rank=1,
        type="TIME" if part else "DATE",
        reasoning=reasoning,
        follows=follow,
    )


def _follow_value(follow: Follow, base: date, named: str | None) -> tuple[str, str]:
    """The value of a time counted from ``base`` (a date the text named, or the dateline)."""
    if follow.years_back:
        base = base.replace(year=base.year - follow.years_back, day=min(base.day, 28))
    if follow.unit in ("quarter", "period"):
        value = f"{base.year:04d}-Q{(base.month - 1) // 3 + 1}"
    elif follow.unit == "day":
        day = base + timedelta(days=follow.shift)
        value = day.isoformat() + (f"T{follow.part}" if follow.part else "")
    elif follow.unit == "week":
        value = week_value(base + timedelta(weeks=follow.shift))
    elif follow.unit == "month":
        year, month = shift_month(base.year, base.month, follow.shift)
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


def resolve_followers(chosen: list[Candidate]) -> None:
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
