"""Repetitions: every Monday, twice a year, annually."""

from __future__ import annotations

import re
from datetime import date

from factcheck.nlp.timex.base import Candidate, Rules, after_a_quantity, match_span
from factcheck.nlp.timex.clock import PART_OF_DAY
from factcheck.nlp.timex.durations import DURATION_COUNT, duration_count, duration_value
from factcheck.nlp.timex.lexicon import SEASON_CODE, WEEKDAY_FULL, WEEKDAYS

rule = Rules()

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


@rule(
    r"\b(?P<word>hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually|biannually|biennially)\b",
    re.IGNORECASE,
)
def _set_adverb(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return Candidate(*match_span(match), _SET_ADVERBS[match["word"].casefold()], "unknown", type="SET", rank=1)


@rule(
    rf"\b(?P<quant>every|each|per|a|an)\s{{1,3}}(?:(?P<count>{DURATION_COUNT}|other)\s{{1,3}})?"
    rf"(?:(?P<unit>year|month|week|day|hour|quarter|decade)s?|(?P<weekday>{WEEKDAY_FULL})s?"
    r"|(?P<part>morning|afternoon|evening|night)|(?P<season>spring|summer|autumn|fall|winter))\b",
    re.IGNORECASE,
)
def _every(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    quant = match["quant"].casefold()
    if quant in ("a", "an"):
        if match["count"] or match["weekday"] or match["part"] or match["season"]:
            return None
        if not after_a_quantity(text, match.start()):
            return None  # "15 a year", "280,000 jobs a year", "twice a week"; not "a year of growth"
    if match["weekday"]:
        weekday = WEEKDAYS.index(match["weekday"].casefold()) + 1
        value = f"XXXX-WXX-{weekday}"
    elif match["part"]:
        value = f"TXX{PART_OF_DAY[match['part'].casefold()]}"
    elif match["season"]:
        if quant == "per" or match["count"]:
            return None
        value = f"XXXX-{SEASON_CODE[match['season'].casefold()]}"  # "each summer"
    else:
        if quant == "per" and match["count"]:
            return None
        count_text = (match["count"] or "").casefold()
        count = 2.0 if count_text == "other" else (duration_count(count_text) if count_text else 1.0)
        if count is None:
            return None
        value = duration_value(count, match["unit"])
    quantifier = {"every": "EVERY", "each": "EACH"}.get(quant)
    return Candidate(*match_span(match), value, "unknown", type="SET", quantifier=quantifier)
