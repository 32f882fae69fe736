"""Time expressions in plain text: find them, resolve them to TIMEX3-style values, compare them.

Regex-based and spaCy-free, so it is fast and usable anywhere. Every pattern is compiled
once; each uses only bounded or literal-anchored repetition, and context checks look at a
fixed window, so the scan is linear in the text length even on hostile input.

Values follow TIMEX3: ``2024-02-02`` (day), ``2024-02`` (month), ``2024-W06`` (ISO week),
``2024-Q3``, ``2023-SU`` (season: SP, SU, FA, WI), ``2024`` (year), ``199X`` (decade),
``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF`` (no calendar value).

Choices a reader should know about:

* Numeric dates (``2/3/2024``) are read as a day only when unambiguous: one part is above
  12 (so it must be the day) or both parts are equal. Otherwise month and day could be
  swapped (US vs. most other countries), so the match keeps only its year (granularity
  ``year``): true but coarse, and never a wrong day.
* Weeks ("this week", "last week", "3 weeks ago") resolve to ISO weeks (``2025-W07``)
  with granularity ``week``; ``parse_date_value`` turns them into Monday..Sunday.
* A month or a month and day without a year ("in March", "on March 5") takes the anchor's
  year, unless that would put it after the anchor: then the previous year, because news
  mostly reports what has happened. A future cue earlier in the sentence ("will",
  "scheduled", "plans", "expected") keeps the anchor's year (or the next one).
* "on Monday" is the most recent Monday on or before the anchor; "last Monday" the most
  recent strictly before it; "next Monday" the first after it.
* "early 2023", "the end of 2021", "mid-2022", "the first half of 2024" keep the modifier
  in the span but the value at the granularity of what they modify (year here).
* A bare four-digit number 1900-2100 is a year only in context: after a preposition or
  "the" ("in 2022", "since 2019", "the 2022 strategy"), before a possessive or a verb
  ("2022's", "2024 was"), in parentheses, or in a list/range with another year. It is not
  a year when written as a count ("2,000"), followed by a counted noun ("2000 troops"),
  or glued to an identifier ("H-2000", "No. 2022", "2022-15").
* Two-digit decades ("the '90s") are 19x0s from '30 upwards and 20x0s below.
* Recency words ("recently", "latest", "now" ...) give ``PRESENT_REF`` with
  ``recent=True`` and ``relative=False`` (their value does not come from the anchor);
  vague pasts ("years ago", "in the past") give ``PAST_REF``, vague futures ("soon",
  "in the coming months") ``FUTURE_REF``.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.dates import interval_of, values_agree
from factcheck.nlp.spans import longest_first
from factcheck.nlp.timex import (
    anaphora,
    clock,
    durations,
    holidays,
    periods,
    relative,
    sets,
    vague,
    written_dates,
)
from factcheck.nlp.timex.anaphora import resolve_followers
from factcheck.nlp.timex.base import Candidate, Handler, TimeMatch
from factcheck.nlp.timex.clock import PART_OF_DAY
from factcheck.nlp.timex.tense import clause_tense

# The registry's order decides between equally long, equally ranked candidates: keep it fixed.
RULES: list[tuple[re.Pattern[str], Handler]] = [
    *written_dates.rule.patterns,
    *relative.rule.patterns,
    *clock.rule.patterns,
    *durations.rule.patterns,
    *holidays.rule.patterns,
    *sets.rule.patterns,
    *anaphora.rule.patterns,
    *periods.rule.patterns,
    *vague.rule.patterns,
]

__all__ = ["TimeMatch", "clause_tense", "find_times", "parse_date_value", "values_agree"]


# --------------------------------------------------------------------------- public API


def find_times(text: str, anchor: date | None = None) -> list[TimeMatch]:
    """Time expressions in ``text``, resolved against ``anchor`` (the dateline), by start.

    Matches never overlap: where candidates do, the longest wins (then the earliest).
    Relative expressions have value ``None`` when there is no anchor.
    """
    candidates: list[Candidate] = []
    for pattern, handler in RULES:
        for match in pattern.finditer(text):
            candidate = handler(match, text, anchor)
            if candidate is not None and candidate.end > candidate.start:
                candidates.append(candidate)
    chosen = longest_first(candidates, tie=lambda c: c.rank)
    chosen = _join_times_of_day(chosen, text)
    resolve_followers(chosen)
    return [
        TimeMatch(
            c.start,
            c.end,
            text[c.start : c.end],
            c.value,
            c.granularity,
            c.relative,
            c.recent,
            c.type,
            c.reasoning,
            c.quantifier,
            c.reference,
        )
        for c in chosen
    ]


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_BESIDE = re.compile(r"[ \t]{1,3}")
_ON_OR_AT = re.compile(
    r",?\s{1,3}(?:(?:local|(?-i:[A-Z][a-z]+))\s{1,3}time,?\s{1,3})?(?:(?:on|at)\s{1,3})?", re.IGNORECASE
)
_PART_OF = re.compile(r"\b(?:the\s{1,3})?(?P<part>morning|afternoon|evening|night)\s{1,3}of\s{1,3}$", re.IGNORECASE)


def _join_times_of_day(chosen: list[Candidate], text: str) -> list[Candidate]:
    """A time of day next to the day it falls on: one TIME on that day.

    "12:00 UTC Monday", "midnight Friday" are one expression (as TIDES and MEANTIME mark them); "3 pm
    on Friday", "Friday at 3 pm", "16:15 UTC, June 1" stay two, but the time takes that day's date
    instead of the dateline's;
    "the evening of March 5" is March 5's evening.
    """
    joined: list[Candidate] = []
    index = 0
    while index < len(chosen):
        candidate = chosen[index]
        following = chosen[index + 1] if index + 1 < len(chosen) else None
        if candidate.type == "DATE" and _DAY_VALUE.match(candidate.value or ""):
            part_of = _PART_OF.search(text, max(0, candidate.start - 24), candidate.start)
            if part_of is not None and not any(c.end > part_of.start() for c in joined[-1:]):
                part = PART_OF_DAY[part_of["part"].casefold()]
                candidate.start, candidate.type = part_of.start(), "TIME"
                candidate.value = f"{candidate.value}T{part}"
        if following is not None:
            day, clock = (following, candidate) if candidate.clock else (candidate, following)
            gap = text[candidate.end : following.start]
            if (
                clock.clock
                and day.type == "DATE"
                and day.clock is None
                and _DAY_VALUE.match(day.value or "")
                and (_BESIDE.fullmatch(gap) or _ON_OR_AT.fullmatch(gap))
            ):
                clock.value = f"{day.value}{clock.clock}"
                clock.reasoning = f"a time of day on the day named beside it ({day.value})"
                clock.reference = date.fromisoformat(day.value or "")
                if _BESIDE.fullmatch(gap) and clock is candidate:
                    # "12:00 UTC Monday": one expression
                    candidate.end, candidate.relative = following.end, day.relative
                    joined.append(candidate)
                    index += 2
                    continue
        joined.append(candidate)
        index += 1
    return joined


# The interval of a value lives in factcheck.dates, shared with the checks and the ledger.
parse_date_value = interval_of
