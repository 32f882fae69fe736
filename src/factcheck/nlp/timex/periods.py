"""Named periods: weekends, centuries and decades in words, fiscal years."""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.nlp.numbers import ORDINALS
from factcheck.nlp.timex.base import Candidate, Rules, match_span, week_value
from factcheck.nlp.timex.lexicon import YEAR4
from factcheck.nlp.timex.tense import reading_direction

rule = Rules()

# Weekends --------------------------------------------------------------------------------------


@rule(r"\b(?P<rel>this\s+past|this|last|next|the\s+past|the)\s{1,3}weekend\b", re.IGNORECASE)
def _weekend(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    if anchor is None:
        return Candidate(*match_span(match), None, "week", relative=True)
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
        future, why = reading_direction(text, match.start(), match.end())
        if anchor.weekday() >= 5:
            saturday = saturday_this_week
            reasoning = "the dateline falls on this weekend"
        elif future:
            saturday = saturday_this_week
            reasoning = f"{why}: the coming weekend"
        else:
            saturday = saturday_this_week - timedelta(weeks=1)
            reasoning = f"{why}: the weekend before the dateline"
    return Candidate(*match_span(match), week_value(saturday) + "-WE", "week", relative=True, reasoning=reasoning)


# Decades and centuries in words ------------------------------------------------------------------

_ORDINAL_CENTURY = {**ORDINALS, "twenty-first": 21, "twenty first": 21}


@rule(
    r"\b(?P<mod>(?:the\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-)|(?:turn|end|start|beginning|middle)\s{1,3}of\s{1,3}the\s{1,3})?)"
    r"(?:the\s{1,3})?(?P<ord>\d{1,2}(?:st|nd|rd|th)|twenty[\s-]first|(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth))[\s-]{1,3}century\b",
    re.IGNORECASE,
)
def _century(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    token = match["ord"].casefold().replace("-", " ")
    number = int(re.match(r"\d+", token).group()) if token[0].isdigit() else _ORDINAL_CENTURY.get(token)  # type: ignore[union-attr]
    if not number or number > 30:
        return None
    start = (
        match.start()
        if match["mod"].strip()
        else match.start("ord") - (4 if text[match.start("ord") - 4 : match.start("ord")].casefold() == "the " else 0)
    )
    return Candidate(start, match.end(), f"{number - 1:02d}XX", "century", reasoning=None)


@rule(
    r"\b(?P<mod>(?:the\s{1,3})?(?:(?:early|late|mid)(?:\s{1,3}|-))?)(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b(?!\s+(?:percent|%))"
)
def _decade_word(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
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
    return Candidate(
        start, match.end(), f"19{digit}X", "decade", reasoning="a decade named without its century: the 1900s"
    )


# Fiscal years -----------------------------------------------------------------------------------


@rule(
    r"(?<![\w-])(?:(?:fiscal|financial)\s{1,3}(?:year\s{1,3})?|FY\s?)(?P<year>"
    + YEAR4
    + r"|'?\d{2}(?!\d))(?:[/\u2013-](?P<second>\d{2,4}))?",
    re.IGNORECASE,
)
def _fiscal_year(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    token = match["year"].lstrip("'")
    year = int(token) if len(token) == 4 else 2000 + int(token)
    if match["second"]:
        second = match["second"]
        year = year // 100 * 100 + int(second) if len(second) == 2 else int(second)
    # Fiscal years end in different months by country and company; the year named is the one they end in.
    return Candidate(
        *match_span(match), f"{year:04d}", "year", reasoning="a fiscal year, read as the calendar year it ends in"
    )
