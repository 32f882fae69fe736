"""Times of day: 3 pm, 15:00 UTC, 1100 hours, noon."""

from __future__ import annotations

import re
from datetime import date

from factcheck.nlp.timex.base import Candidate, Rules, match_span

rule = Rules()

# Times of day -------------------------------------------------------------------------------

PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_UTC_ZONES = frozenset({"utc", "gmt", "z"})
_CLOCK = (
    r"(?P<hour>[01]?\d|2[0-3])(?::(?P<minute>[0-5]\d))?(?:\s?(?P<ampm>[AaPp]\.?[Mm]\b\.?))?"
    r"(?:\s?(?P<zone>UTC|GMT|Z|[ECMP][SD]?T|BST|CES?T|JST|IST|HKT|SGT|MSK|AE[SD]T)\b)?"
)


CLOCK_PATTERN = re.compile(_CLOCK)


def clock_reading(match: re.Match[str]) -> str | None:
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


@rule(
    rf"(?:(?P<cue>\b(?:at|by|until|till|from|before|after|around|about|since|to)\s{{1,3}}))?(?<![\d:.,$£€])"
    rf"{_CLOCK}(?![\d:]|\s?%)"
)
def _clock_time(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    clock = clock_reading(match)
    if clock is None:
        return None
    if not (match["ampm"] or match["zone"] or match["cue"] or (match["minute"] and len(match["hour"]) == 2)):
        return None  # "3:15" is a score or a verse unless something says it is a time; "14:30" is a time
    start = match.start("hour")
    if anchor is None:
        return Candidate(start, match.end(), None, "day", relative=True, type="TIME", clock=clock)
    return Candidate(
        start,
        match.end(),
        anchor.isoformat() + clock,
        "day",
        relative=True,
        type="TIME",
        reasoning=f"a time of day without a date: the dateline's day {anchor.isoformat()}",
        clock=clock,
    )


@rule(r"(?<![\d:.,])(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s?(?:(?P<zone>GMT|UTC)\b|(?<=\bat\s\d{4}\s)hours\b)")
def _military_time(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    clock = f"T{match['hour']}:{match['minute']}{'Z' if match['zone'] else ''}"
    value = anchor.isoformat() + clock if anchor else None
    return Candidate(
        *match_span(match),
        value,
        "day",
        relative=True,
        type="TIME",
        rank=1,
        reasoning=f"a time of day without a date: the dateline's day {anchor.isoformat()}" if anchor else None,
        clock=clock,
    )


@rule(r"\b(?P<word>noon|midday|midnight)\b", re.IGNORECASE)
def _noon(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    if match["word"][0].isupper() and not re.search(
        r"(?:^|[.!?:;\"\u201c(]\s{0,3}|\n\s{0,3})$", text[: match.start()][-4:]
    ):
        return None  # "Jamie Noon": a name, not midday
    clock = "T00:00" if match["word"].casefold() == "midnight" else "T12:00"
    value = anchor.isoformat() + clock if anchor else None
    return Candidate(*match_span(match), value, "day", relative=True, type="TIME", rank=1, clock=clock)
