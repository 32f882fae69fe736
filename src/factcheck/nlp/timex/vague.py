"""Recency and vague references: now, recently, in the past, soon."""

from __future__ import annotations

import re
from datetime import date

from factcheck.nlp.timex.base import Candidate, Rules, match_span
from factcheck.nlp.timex.lexicon import FUTURE_WORDS, PAST_WORDS, PRESENT_WORDS, RECENT_WORDS

rule = Rules()


@rule(rf"\b(?:{PRESENT_WORDS})\b", re.IGNORECASE)
def _present(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    word = match.group().casefold()
    if word == "latest" and re.search(
        r"\bat\s+the\s+$", text[max(0, match.start() - 12) : match.start()], re.IGNORECASE
    ):
        return None  # "at the latest" is a deadline, not recency
    if word == "now" and re.match(r"-|\s{0,3}(?:defunct|former|ex-)", text[match.end() : match.end() + 12]):
        return None
    if word == "current" and re.match(
        r"\s{1,3}(?:account|accounts|affairs|events|flows?|assets|liabilities|density|s)\b",
        text[match.end() : match.end() + 14],
        re.IGNORECASE,
    ):
        return None  # "current account", "current affairs": names of things, not the present
    recent = word != "current"
    return Candidate(*match_span(match), "PRESENT_REF", "present", recent=recent, rank=1)


@rule(
    r"(?:(?P<aux>\b(?:has|have|had|is|are|was|were)\s{1,3}|['\u2019](?:s|ve|d)\s{1,3})just\b"
    r"|\bjust\b(?=\s{1,3}(?:been\s{1,3})?(?!(?:n|f|sp|s|ind)eed\b)[a-z]{2,}ed\b))",
    re.IGNORECASE,
)
def _just(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    after = text[match.end() : match.end() + 12]
    if re.match(r"\s{1,3}(?:over|under|about|around|as|a|an|one|the|\d)\b", after, re.IGNORECASE):
        return None  # "just over 60%", "is just a test": not recency
    end = match.end()
    start = end - len("just")
    return Candidate(start, end, "PRESENT_REF", "present", recent=True, rank=1)


@rule(rf"\b(?:{RECENT_WORDS})\b", re.IGNORECASE)
def _recent(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return Candidate(*match_span(match), "PAST_REF", "unknown", recent=True, rank=1)


@rule(rf"\b(?:{PAST_WORDS})\b", re.IGNORECASE)
def _past(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    return Candidate(*match_span(match), "PAST_REF", "unknown", rank=1)


@rule(rf"\b(?:{FUTURE_WORDS})\b", re.IGNORECASE)
def _future(match: re.Match[str], text: str, anchor: date | None) -> Candidate | None:
    if re.match(
        r"\s{1,3}(?:after|before|afterwards|thereafter)\b", text[match.end() : match.end() + 14], re.IGNORECASE
    ):
        return None  # "shortly after 8 p.m.": close to another time, not the future
    return Candidate(*match_span(match), "FUTURE_REF", "unknown", rank=1)
