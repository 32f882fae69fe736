"""The header block at the top of a document: title, byline, dateline and furniture lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from factcheck.datelines import DATELINE_NOISE, MONTHS, find_dates, read_dateline, read_wire_dateline
from factcheck.words import words_in


@dataclass
class Header:
    """What the top of a document says about itself; offsets are into the clean text."""

    title: str | None = None
    byline: str | None = None
    published: date | None = None
    published_span: tuple[int, int] | None = None
    # The (month, day) a wire dateline gives without a year ("KESSA, June 17 (Continental Press) - ") and its span.
    filed_day: tuple[int, int] | None = None
    filed_span: tuple[int, int] | None = None
    body_start: int = 0


_MAX_HEADER_LINES = 14
_MAX_HEADER_CHARS = 4000
_MAX_TITLE_CHARS = 200
_MAX_SHORT_LINE = 160
_MAX_STANDFIRST = 350  # longer lines are running text, never a byline or dateline
_BY_PREFIX = re.compile(r"^(?:written\s+|words\s+|story\s+|reporting\s+)?by\b\s*[:\-\u2013\u2014]?\s*", re.I)
_BY_ALONE = re.compile(r"^(?:written\s+)?by\s*:?$", re.I)
_AUTHOR_LABEL = re.compile(r"^(?:author|authors|byline|written by|reporter)s?\s*:\s*", re.I)
_READING_TIME = re.compile(
    r"^(?:(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s\-]*"
    r"(?:min(?:ute)?s?|hours?|hrs?)\.?(?:\s+(?:read|reading|listen|watch)(?:\s+time)?)?"
    r"|(?:estimated\s+)?(?:reading|read|listening)\s+time\s*:?.{0,30})$",
    re.I,
)
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:(?:header|cover|featured|lead|top|main|hero)\s+)?"
    r"(?:image|images|photo|photos|photograph|picture|illustration|graphic|video|credit|credits)"
    r"(?:\s*(?:credit|credits|courtesy|source|by|via))?\s*(?:[:\uff1a]|\bby\b|\bcourtesy\b|\bvia\b)",
    re.I,
)
_DATE_LABEL = re.compile(r"^(?:published|posted|updated|last\s+updated|first\s+published|modified|date[d]?)\b", re.I)
_NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "de",
        "der",
        "den",
        "da",
        "di",
        "del",
        "della",
        "la",
        "le",
        "du",
        "bin",
        "al",
        "el",
        "ter",
        "st.",
        "y",
    }
)
_NAME_JOINERS = frozenset({"and", "&"})
_NOT_NAMES = frozenset(
    list(MONTHS)
    + [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
    ]
)
_GENERIC_HEADINGS = frozenset(
    {
        "abstract",
        "summary",
        "introduction",
        "contents",
        "table of contents",
        "overview",
        "preface",
        "foreword",
        "keywords",
        "executive summary",
    }
)
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


def read_header(clean: str, start: int = 0, *, markdown: bool = False) -> Header:
    """Read the header block at the top of ``clean`` (from ``start``): see the module docstring."""
    lines = _header_lines(clean, start)
    header = Header(body_start=_skip_space(clean, start))
    title_index: int | None = None
    last_header_index: int | None = None
    expecting_name = False
    running_text_seen = 0
    text_seen = False  # a line that is neither header furniture nor the title
    datelines: list[tuple[int, int, int, date]] = []  # (priority, clean start, clean end, date)

    for index, (line_start, line) in enumerate(lines):
        stripped = line.strip()
        lead = line_start + (len(line) - len(line.lstrip()))
        wire = None if text_seen else read_wire_dateline(stripped)
        if wire is not None and wire.published:  # "LONDON, March 3, 2024 - The board ...": the line stays body text
            start, end, value = wire.published
            datelines.append((1, lead + start, lead + end, value))
        elif wire is not None and wire.day is not None and header.filed_day is None:
            start, end, month, day = wire.day
            header.filed_day, header.filed_span = (month, day), (lead + start, lead + end)
        if expecting_name:
            expecting_name = False
            if _is_name_line(stripped):
                header.byline = header.byline or stripped
                last_header_index = index
                continue
        if _BY_ALONE.match(stripped):
            expecting_name = True
            last_header_index = index
            continue
        if len(stripped) <= _MAX_SHORT_LINE:
            byline, rest_at = _byline(stripped)
            dateline = read_dateline(stripped, skip=rest_at)
            if byline or dateline:
                if byline:
                    header.byline = header.byline or byline
                if dateline:
                    priority, date_start, date_end, value = dateline
                    datelines.append((priority, lead + date_start, lead + date_end, value))
                last_header_index = index
                continue
            if _READING_TIME.match(stripped) or _CREDIT.match(stripped) or _DATE_LABEL.match(stripped):
                last_header_index = index
                continue
        heading = stripped.lstrip("#").strip() if markdown and stripped.startswith("#") else stripped
        if title_index is None and not text_seen and _is_title(heading):
            title_index = index
            if heading.casefold().rstrip(":") not in _GENERIC_HEADINGS:
                header.title = heading
            continue
        text_seen = True
        if _SENTENCE_END.search(stripped) and len(stripped) > 80:
            # One short paragraph may be a standfirst above the byline; a second one, or a long
            # one, is the body, and a caption or date further down is not header.
            running_text_seen += 1
            if running_text_seen >= 2 or len(stripped) > _MAX_STANDFIRST:
                break

    if datelines:
        _, date_start, date_end, value = min(datelines)
        header.published, header.published_span = value, (date_start, date_end)

    end_index = last_header_index
    if end_index is None and title_index is not None:
        end_index = title_index
        # A subtitle or standfirst without a full stop straight after the title is header too.
        while end_index + 1 < len(lines):
            following = lines[end_index + 1][1].strip()
            if _SENTENCE_END.search(following) or len(following) > 300:
                break
            end_index += 1
    if end_index is not None:
        line_start, line = lines[end_index]
        header.body_start = _skip_space(clean, line_start + len(line))
    return header


def _header_lines(clean: str, start: int) -> list[tuple[int, str]]:
    """The first non-blank lines from ``start``: (clean offset of the line, line text)."""
    lines: list[tuple[int, str]] = []
    position = start
    limit = min(len(clean), start + _MAX_HEADER_CHARS)
    while position < limit and len(lines) < _MAX_HEADER_LINES:
        end = clean.find("\n", position)
        end = len(clean) if end == -1 else end
        line = clean[position:end]
        if line.strip():
            lines.append((position, line))
        position = end + 1
    return lines


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


_SENTENCE_INSIDE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")


def _is_title(line: str) -> bool:
    if not 2 <= len(line) <= _MAX_TITLE_CHARS or not any(char.isalpha() for char in line):
        return False
    if _SENTENCE_INSIDE.search(line):
        return False  # running text cut off before its full stop (a half-saved page), not a title
    return not re.search(r"[.,;]$", line) or line.endswith("...")


def _name_prefix(text: str) -> int:
    """Length of the leading list of personal names in ``text`` ("Jane Doe and Ali Khan"), or 0."""
    end = 0
    names = 0
    for match in re.finditer(r"\S+", text):
        raw = match.group()
        token = raw.rstrip(",;")
        folded = token.casefold()
        if names and (folded in _NAME_JOINERS or folded in _NAME_PARTICLES):
            continue
        if not _is_name_token(token):
            break
        names += 1
        end = match.start() + len(token)
        if raw != token or names > 8:
            break  # a comma ends the names: "Jane Doe, Staff Writer"
    return end if names else 0


def _is_name_token(token: str) -> bool:
    if not token or not token[0].isupper() or token.casefold().rstrip(".") in _NOT_NAMES:
        return False
    return bool(re.fullmatch(r"[^\W\d_][\w'\u2019.\-]*", token))


def _is_name_line(line: str) -> bool:
    """A line that is only a person's name (or a few), as under a lone "by"."""
    if not line or len(line) > 80 or any(char.isdigit() for char in line):
        return False
    return _name_prefix(line) == len(line.rstrip(",;"))


def _byline(line: str) -> tuple[str | None, int]:
    """The names in a "By Jane Doe ..." line, and where the rest of the line starts."""
    match = _BY_PREFIX.match(line) or _AUTHOR_LABEL.match(line)
    if not match:
        return None, 0
    rest = line[match.end() :]
    length = _name_prefix(rest)
    if not length:
        return None, 0
    residue = rest[length:]
    without_dates = residue
    for start, end, _ in reversed(find_dates(residue)):
        without_dates = without_dates[:start] + " " + without_dates[end:]
    if len(words_in(DATELINE_NOISE.sub(" ", without_dates))) > 4:
        return None, 0  # a sentence that happens to start with "By", not a byline
    return rest[:length], match.end() + length
