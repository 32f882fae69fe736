"""Holidays with a fixed or computable date: Christmas, Easter, Thanksgiving."""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.nlp.timex.base import Candidate, Rules, match_span
from factcheck.nlp.timex.lexicon import YEAR4
from factcheck.nlp.timex.tense import reading_direction

rule = Rules()

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


@rule(
    r"\b(?P<rel>(?:this|last|next)\s{1,3})?(?P<name>Christmas(?:\s{1,3}(?:Day|Eve))?|Boxing\s{1,3}Day|New\s{1,3}Year['\u2019]s\s{1,3}(?:Eve|Day)"
    r"|Hallowe'?en|Valentine['\u2019]s\s{1,3}Day|Independence\s{1,3}Day|the\s{1,3}Fourth\s{1,3}of\s{1,3}July|Thanksgiving(?:\s{1,3}Day)?)\b"
    r"(?P<year>,?\s{1,3}" + YEAR4 + r")?",
)
def _holiday(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
        return Candidate(*match_span(match), _holiday_date(name, int(match["year"].strip(" ,"))).isoformat(), "day")
    if anchor is None:
        return Candidate(*match_span(match), None, "day", relative=True)
    rel = (match["rel"] or "").strip().casefold()
    this_year = _holiday_date(name, anchor.year)
    if rel == "next" or (not rel and reading_direction(text, match.start(), match.end())[0]):
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
    return Candidate(
        *match_span(match),
        resolved.isoformat(),
        "day",
        relative=True,
        reasoning=f"{match['name']} without a year: {reasoning} {anchor.isoformat()}",
    )
