"""Dates written in a document's header ("March 3, 2024", "2024-03-03", "3 Mar 2024" ...) and the lines that are
datelines ("Updated: Tuesday, March 12, 2013, 9:36 AM").

The load stage reads the publication date from them; the extract stage keeps dateline lines out of the claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from factcheck.words import words_in

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)", re.I),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(?P<year>\d{{4}})(?!\d)", re.I),
    re.compile(r"(?<![\d/.-])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d/.-])(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"),
)


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Full calendar dates in ``text`` as (start, end, date), in order, without overlaps.

    Month names ("Feb 10, 2025", "10 February 2025"), ISO-like dates ("2024-12-05") and
    numeric day/month/year dates when the order is unambiguous (a dot means day.month.year;
    with slashes, a part above 12 tells the day from the month). Ambiguous dates are left out.
    """
    found: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _date_from_match(match)
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: (item[0], -item[1]))
    result: list[tuple[int, int, date]] = []
    for item in found:
        if not result or item[0] >= result[-1][1]:
            result.append(item)
    return result


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        if groups["sep"] == ".":
            day, month = first, second
        elif first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None
    else:
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text.casefold()]
        day = int(groups["day"])
    if not 1800 <= year <= 2200:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_UPDATED_BEFORE = re.compile(r"(?:updated|modified|revised)\W*(?:on|at)?\W*$", re.I)
_PUBLISHED_BEFORE = re.compile(r"(?:published|posted|released|issued)\W*(?:on|at)?\W*$", re.I)
DATELINE_NOISE = re.compile(
    r"\b\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?)?(?!\w)|\b[ap]\.m\.|\b(?:[ap]m)\b"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|\b(?:published|posted|updated|last|first|modified|date|dated|on|at|released|issued|created|edited"
    r"|today|local|time|utc|gmt)\b"
    r"|(?-i:\b[A-Z]{2,4}\b)|\b(?:UTC|GMT)[+\-]\d{1,2}",  # time zones: ET, CEST, JST
    re.I,
)


# A wire dateline opening a story's first paragraph: the place in capitals (with a region in brackets), a state or
# country, a day, the agency, then a dash before the sentence ("TALMERE, March 3 - Ines Roe won ...", "ST. LOUIS, Mo.
# (AP) -- The ...", "KALVØ, March 11, 2026 (Nordpress) - ", "KRAKÓW (Poland), 3 March 2024 - ").
_WIRE_DAY = (
    rf"(?i:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:{_MONTH})\.?(?:,?\s+\d{{4}})?"
    r"|\d{4}(?P<iso_sep>[-/.])\d{1,2}(?P=iso_sep)\d{1,2}|\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)\d{4}"
).replace("(?P<month>", "(?:")
_WIRE_DATELINE = re.compile(
    r"(?P<place>[^\W\d_](?:[^\W\d_]|['\u2019.\-])+(?:\s+[^\W\d_](?:[^\W\d_]|['\u2019.\-])+){0,3})"
    r"(?:\s*\([^()]{1,30}\))?"
    r"(?:,\s+[^\W\d_][^\W\d_]+\.?(?:\s+[^\W\d_][^\W\d_]+\.?)?)?"
    rf"(?:,?\s+(?P<day>{_WIRE_DAY}))?"
    r"(?:,?\s*\([^()]{1,30}\))?"
    r"\s*[-\u2013\u2014]{1,2}\s+(?=[^\W\d_][^\W\d_]*[a-z]|[^\W\d_]\s|[\"\u201c\u2018'][^\W\d_])"
)


@dataclass(frozen=True)
class WireDateline:
    """The wire dateline a story's first paragraph opens with.

    ``length`` runs through the dash and the spaces after it, where the first sentence starts; ``published`` is the
    full calendar date it gives as (start, end, date), None when it gives no year ("TALMERE, March 3 - "); ``day`` is
    the day it gives with or without a year, as (start, end, month, day): a wire story is filed the day its dateline
    names, and the wire often leaves the year to its own records.
    """

    length: int
    published: tuple[int, int, date] | None
    day: tuple[int, int, int, int] | None = None


def read_wire_dateline(paragraph: str) -> WireDateline | None:
    """The wire dateline a paragraph opens with ("TALMERE, March 3 - "), or None.

    One reader for both its uses: the load stage takes the publication date from it, and the extract stage parts it
    off the first sentence. It says where and when the story was filed, not what the sentence states; parsed with the
    sentence, its place reads as the sentence's subject ("TALMERE ... won 51.2 percent": the figure's holder, its
    counted noun) and its month as the word a count belongs to ("KIRRAN, Feb 2 - Six schools face closure").
    """
    match = _WIRE_DATELINE.match(paragraph)
    if match is None or not match["place"].isupper():
        return None  # the place is written in capitals, in any script ("KALVØ"); "Shares - ..." is a sentence
    published = None
    day = None
    if match["day"] is not None:
        offset = match.start("day")
        found = find_dates(match["day"])
        if found and found[0][:2] == (0, len(match["day"])):
            published = (offset, offset + len(match["day"]), found[0][2])
        month_day = month_and_day(match["day"])
        if month_day is not None:
            day = (offset, offset + len(match["day"]), *month_day)
    return WireDateline(match.end(), published, day)


_MONTH_DAY = re.compile(rf"{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s*\d{{4}})?", re.I)
_DAY_MONTH = re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+\d{{4}})?", re.I)


def month_and_day(text: str) -> tuple[int, int] | None:
    """The (month, day) a day written with a month's name gives, with or without its year ("March 3", "3 March
    2024"), or None when no year has such a day."""
    match = _MONTH_DAY.fullmatch(text) or _DAY_MONTH.fullmatch(text)
    if match is None:
        return None
    month, day = MONTHS[match["month"].casefold()], int(match["day"])
    try:
        date(2000, month, day)  # a leap year: every day some year has
    except ValueError:
        return None
    return month, day


def is_dateline(line: str) -> bool:
    """Whether a line is a dateline ("Updated: Tuesday, March 12, 2013, 9:36 AM"): header furniture, not a claim."""
    return read_dateline(line) is not None


def read_dateline(line: str, *, skip: int = 0) -> tuple[int, int, int, date] | None:
    """The publication date on a dateline: (priority, start, end, date), or None.

    A line is a dateline when, apart from its dates, it holds little more than times, weekdays,
    labels such as "Published" or "Updated", separators and a capitalised place or outlet. Priority 0 for a date labelled
    published/posted, 1 unlabelled, 2 updated/modified.
    """
    dates = [item for item in find_dates(line) if item[0] >= skip]
    if not dates:
        return None
    residue = line[skip:]
    for start, end, _ in reversed(dates):
        residue = residue[: start - skip] + " " + residue[end - skip :]
    words = words_in(DATELINE_NOISE.sub(" ", residue))
    if len(words) > 3 or any(not word[0].isupper() for word in words):
        return None  # a sentence with a date in it; a dateline adds at most a place or an outlet
    ranked = []
    for start, end, value in dates:
        before = line[max(skip, start - 30) : start]
        priority = 0 if _PUBLISHED_BEFORE.search(before) else 2 if _UPDATED_BEFORE.search(before) else 1
        ranked.append((priority, start, end, value))
    return min(ranked)
