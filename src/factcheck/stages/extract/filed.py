"""The year of a wire dateline that gives none, and the relative dates of its story read against that day.

"KESSA, June 17 (Continental Press) - Four aid workers ... were freed on Saturday": the wire leaves the year to its
own records, so the story has no publication date and its weekdays ("on Saturday"), "last week" or "June 15" name
no calendar day; another outlet's "June 15" then has nothing to meet. Once a year is known the dateline fixes them:
June 17, 2023 is a Saturday, so "on Saturday" is that day.

The year is read, in this order, from:

1. the story's own words: a day it writes out with its year ("Talks began on June 9, 2023") within
   ``FILED_WITHIN_DAYS`` of the dateline's day in that year (a year alone, "opened in 1987", dates history, not the
   story);
2. the run's other documents: those whose own dateline or metadata dates them within ``FILED_WITHIN_DAYS`` of the
   dateline's day (a wire story and the pieces written around it report one week).

Exactly one year must fit: two (texts of two winters) or none leave the story undated, as before. The year is a
reading, not the text, so ``DocumentHeader.published`` stays None (the checks that read the day a text was published,
``temporal`` and ``quote-timing``, do not see it); the day goes to ``DocumentHeader.filed``, with what gave the year in
``filed_year_from``, and each relative date of the story's claims read against it says so in its ``reasoning`` (a
figure's as-of date and a quote's time keep extraction's reading: the numeric and quote checks take them for the
writer's own dates). The date-conflict check never makes an error of a date read that way, and its message names the
reading.

Done once every document is extracted (the extract stage's last step): the run's documents are what gives the year,
and extraction runs each document on its own. The dates are read again from each claim's own sentence, the same
recogniser with the day as anchor; a date whose words read differently in the sentence alone is left as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from factcheck.dates import YEAR_WORDS, interval_of
from factcheck.model import Claim, DocumentHeader, TimeExpression
from factcheck.plainwords import date_words

# A wire story and what dates it are at most this many days apart: a story filed on the day, the pieces of its week.
FILED_WITHIN_DAYS = 14

_Header = TypeVar("_Header", bound=DocumentHeader)


def _years_near(month: int, day: int, days: Sequence[date]) -> set[int]:
    """The years in which (month, day) falls within ``FILED_WITHIN_DAYS`` of one of ``days``."""
    years = set()
    for known in days:
        for year in (known.year - 1, known.year, known.year + 1):
            try:
                filed = date(year, month, day)
            except ValueError:  # 29 February of a common year
                continue
            if abs((filed - known).days) <= FILED_WITHIN_DAYS:
                years.add(year)
    return years


def _days_written_out(claims: Sequence[Claim]) -> list[tuple[date, str]]:
    """The calendar days a document's sentences write out with their year ("June 2, 2023"), with their words."""
    found = []
    for claim in claims:
        for time in claim.times:
            if time.relative or time.granularity not in ("day", "time") or not YEAR_WORDS.search(time.span.text):
                continue
            interval = interval_of(time.value)
            if interval is not None and interval[0] == interval[1]:
                found.append((interval[0], time.span.text))
    return found


def year_of_the_filed_day(
    document: DocumentHeader, claims: Sequence[Claim], dated: Sequence[tuple[date, str]]
) -> tuple[date, str] | None:
    """The day a yearless wire dateline names, in the one year its story's written-out days give, else the one year
    the run's dated documents give (``dated``: (day, document id)), with what gave it; None when no year, or more than
    one, fits."""
    if document.filed_day is None or document.published is not None:
        return None
    month, day = document.filed_day
    own = _days_written_out(claims)
    years = _years_near(month, day, [known for known, _ in own])
    if years:
        if len(years) != 1:
            return None  # its own words date it in two years: nothing to choose by
        year = years.pop()
        words = next(words for known, words in own if year in _years_near(month, day, [known]))
        return date(year, month, day), f"a day its own text writes out ({words!r})"
    years = _years_near(month, day, [known for known, _ in dated])
    if len(years) != 1:
        return None
    year = years.pop()
    near = sorted(doc for known, doc in dated if year in _years_near(month, day, [known]))
    shown = ", ".join(near[:3]) + (f" and {len(near) - 3} more" if len(near) > 3 else "")
    return date(year, month, day), f"the run's documents dated within {FILED_WITHIN_DAYS} days of it ({shown})"


def read_filed_days(documents: Sequence[_Header], claims: Sequence[Claim]) -> tuple[list[_Header], list[Claim]]:
    """Each document with a yearless wire dateline given its day (``year_of_the_filed_day``), and its claims' relative
    dates read against that day; everything else as it was."""
    dated = [(document.published, document.id) for document in documents if document.published is not None]
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.doc, []).append(claim)
    filed: dict[str, tuple[date, str]] = {}
    kept: list[_Header] = []
    for document in documents:
        found = year_of_the_filed_day(document, by_document.get(document.id, []), dated)
        if found is not None:
            filed[document.id] = found
            document = document.model_copy(update={"filed": found[0], "filed_year_from": found[1]})
        kept.append(document)
    if not filed:
        return kept, list(claims)
    return kept, [claim if claim.doc not in filed else read_against(claim, *filed[claim.doc]) for claim in claims]


def read_against(claim: Claim, day: date, year_from: str) -> Claim:
    """A claim whose dates the missing dateline left unread ("on Saturday", "June 15": no value) read against ``day``
    in its own sentence, each saying the year is a reading (``year_from``)."""
    from factcheck.nlp.timex import find_times

    unread = [time for time in claim.times if time.value is None and time.relative]
    if not unread:
        return claim
    offset = claim.span.start
    matches = {(match.start + offset, match.end + offset): match for match in find_times(claim.span.text, day)}
    note = f"the dateline gives no year: {date_words(day.isoformat())}, its year read from {year_from}"

    def read(time: TimeExpression) -> TimeExpression:
        if time.value is not None or not time.relative:
            return time
        match = matches.get((time.span.start, time.span.end))
        if match is None or match.value is None or match.text != time.span.text:
            return time
        return time.model_copy(
            update={
                "value": match.value,
                "relative": True,
                "recent": bool(match.recent),
                "anchor": match.reference or day,
                "reasoning": f"{note}; {match.reasoning}" if match.reasoning else note,
            }
        )

    # A figure's as-of date and a quote's time stay as extraction read them: the numeric and quote checks take those
    # for the writer's own dates ("arrested three men on Tuesday" against "arrested five men, police said yesterday"
    # read as two moments, not one figure told two ways), and a year read is no writer's date.
    return claim.model_copy(update={"times": tuple(read(time) for time in claim.times)})
