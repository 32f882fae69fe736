"""Blocks that are not prose and hold no claims: headings, bylines, captions, navigation, references ..."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.nlp.quotes import find_quotes

if TYPE_CHECKING:  # segment imports this module
    from factcheck.stages.extract.segment import Block

_READING_TIME = re.compile(r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by|posted\s+by|author:?)(?:\s+|$)", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?:image|photo|photograph|picture|video|illustration|graphic|map|cover)\s*(?:credit|courtesy|source|by)?s?"
    r"|credits?|courtesy|source|sources|caption)\s*[:\-–—|]",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:figure|fig\.|table|chart|graph|exhibit|plate|box|map|appendix)\s*[\dIVXivx]+[a-z]?\s*[.:\-–—|]", re.IGNORECASE
)
_NAVIGATION = re.compile(
    r"^(?:related(?:\s+(?:&|and)\s+top)?(?:\s+(?:stories|articles|posts|content|reading|news))?|read\s+(?:more|next|also)"
    r"|see\s+also|more\s+from|more\s+on|recommended|top\s+stories|trending|share(?:\s+this)?|subscribe|sign\s+up"
    r"|follow\s+us|advertisement|sponsored|comments?|newsletter|tags?|topics?|keywords?|filed\s+under|click\s+here"
    r"|skip\s+to|back\s+to\s+top|print|email|listen)\b",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+", re.IGNORECASE)
_REFERENCES_HEADING = re.compile(
    r"^\W{0,3}(?:\d+\.?\s+)?(?:references?|bibliography|works\s+cited|sources|notes|endnotes|footnotes"
    r"|literature(?:\s+cited)?|further\s+reading|citations|reference\s+list)\s*:?\s*$",
    re.IGNORECASE,
)
_SURNAME_INITIALS = re.compile(
    r"^\W{0,3}(?:\[\d+\]\s*|\d+\.\s+)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*|[A-Z][\w'’-]+(?:\s+[A-Z]\.)*[.,])"
)
# "(2020)" or "J. 2020." as in "Smith, J. (2020)." / "Smith, J. 2020."; not "in 2020." in prose.
_CITATION_YEAR = re.compile(r"\((?:19|20)\d{2}[a-z]?\)|\b[A-Z]\.,?\s+(?:19|20)\d{2}[a-z]?\.")
_CITATION_DETAIL = re.compile(
    r"\b\d+\s*\(\d+\)\s*[:,]?\s*\d+|\bpp?\.\s*\d+|\bvol\.\s*\d+|\bno\.\s*\d+|\bretrieved\b|\baccessed\b"
    r"|\bin:\s|\beds?\.|\bet al\.,?\s+(?:19|20)\d{2}",
    re.IGNORECASE,
)
_QUOTED_TITLE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_VERBLESS_MAX_WORDS = 15


def reference_score(line: str) -> int:
    """How much a line looks like a bibliography entry (2 or more: it is one)."""
    score = 0
    if re.search(r"\bdoi\b|doi\.org|\b10\.\d{4,9}/", line, re.IGNORECASE):
        score += 2
    if re.search(r"https?://|www\.", line):
        score += 1
    if _CITATION_YEAR.search(line):
        score += 1
    if _SURNAME_INITIALS.search(line):
        score += 1
    if _CITATION_DETAIL.search(line):
        score += 1
    for match in _QUOTED_TITLE.finditer(line):
        words = re.findall(r"[^\W\d_][\w’'-]*", match.group(1))
        if (
            len(words) >= 2
            and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
            and re.search(r"\b(?:19|20)\d{2}\b", line)
        ):
            score += 1  # a title-cased work in quotes and a year: a cited work
            break
    if re.match(r"^\s*(?:[-•*–]|\[\d+\]|\d+\.)\s", line) and score:
        score += 1
    return score


def _skip_reason(text: str, lines: int) -> str | None:
    """Why a block is not prose that can hold claims, or None."""
    stripped = text.strip()
    words = re.findall(r"[^\W\d_][\w’'-]*", stripped)
    if not words:
        return "no words"
    if _READING_TIME.search(stripped):
        return "reading time"
    if _BYLINE.match(stripped) and len(stripped) < 120 and not re.search(r"[.!?]\s+\S", stripped):
        return "byline"
    if _CREDIT.match(stripped):
        return "credit"
    if _CAPTION.match(stripped):
        return "caption"
    if _NAVIGATION.match(stripped) and (len(words) <= 6 or not _TERMINAL.search(stripped)):
        return "navigation"
    if _COPYRIGHT.search(stripped) and len(words) <= 25:
        return "copyright"
    url_chars = sum(len(m.group()) for m in _URL.finditer(stripped))
    if url_chars and url_chars >= 0.4 * len(stripped):
        return "urls"
    if reference_score(stripped) >= 2:
        return "reference"
    if (
        lines == 1
        and len(words) <= _VERBLESS_MAX_WORDS
        and not _TERMINAL.search(stripped)
        and not find_quotes(stripped)
    ):
        return "heading"
    return None


def _mark_skips(blocks: list[Block]) -> None:
    in_references = False
    for block in blocks:
        stripped = block.text.strip()
        if _REFERENCES_HEADING.match(stripped):
            block.skip = "references heading"
            in_references = True
            continue
        if in_references:
            # A references section runs until prose that is not an entry.
            if (
                reference_score(stripped) >= 1
                or re.match(r"^\s*(?:[-•*–]|\[\d+\]|\d+\.)\s", stripped)
                or len(stripped) < 40
            ):
                block.skip = "reference"
                continue
            in_references = False
        block.skip = _skip_reason(block.text, block.lines)
