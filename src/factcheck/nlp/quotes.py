"""Direct quotes in plain text: where the quoted words are, and whether they read as a quote.

Pairs straight double quotes, curly double quotes (“ ”), guillemets and curly single quotes
(‘ ’, only where the closing mark cannot be an apostrophe). Short title-cased runs in quotes
("America First", report titles) are names, not quotes, and are left out. Speaker attribution
needs the parse and lives in ``factcheck.stages.extract``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Verbs that introduce or attribute speech (lemmas).
SPEECH_VERBS = frozenset(
    """say tell note warn comment add explain argue claim state write insist remark observe
    declare announce acknowledge admit suggest caution predict conclude continue ask reply
    respond recall mention emphasize emphasise stress describe report assert contend maintain
    urge tweet post testify confirm deny reiterate agree disagree complain concede point""".split()
)

_MIN_WORDS = 4  # fewer words in quotes are a term or a title ("America First"), not a quote


@dataclass(frozen=True)
class QuoteMatch:
    """A quoted passage: ``start``/``end`` cover the words without the quotation marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark

    def contains(self, offset: int) -> bool:
        return self.open_mark <= offset <= self.close_mark


def _is_quote_text(inner: str) -> bool:
    words = re.findall(r"[\w’'-]+", inner)
    if len(words) < _MIN_WORDS:
        return False
    capitalised = sum(1 for word in words if word[:1].isupper())
    # A title-cased run without closing punctuation is the name of something.
    if capitalised / len(words) > 0.6 and not re.search(r"[.!?,;]\s*$", inner):
        return False
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_quoted(text: str) -> list[tuple[int, int]]:
    """Pairs of double quotation marks, straight and curly read in one pass: a straight mark opens when none is
    open and closes otherwise, a curly one only opens (“) or only closes (”). Copy-edited text mixes them
    ('"it appears to be a good shooting ”'); read apart, the straight mark would pair with the next straight one,
    sentences later, and swallow the quotes between."""
    return _read_double_marks(text)[0]


def _read_double_marks(text: str) -> tuple[list[tuple[int, int]], int | None]:
    """The pairs of double marks and the offset of the mark left open at the end of the text, if any."""
    pairs: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _DOUBLE_MARK.finditer(text):
        mark = match.group()
        if mark == '"':
            mark = _straight_mark_reads_as(text, match.start())
        if opened is None:
            if mark != "”":  # a closing mark with nothing open is a stray
                opened = match.start()
        elif mark != "“":  # a second opening mark inside a quote is a stray; the first one holds
            pairs.append((opened, match.start()))
            opened = None
    return pairs, opened


def _straight_mark_reads_as(text: str, offset: int) -> str:
    """A straight double mark as the curly mark its spacing makes it: one after a space and against the next word
    opens (“), one against the word before and followed by a space closes (”); any other stays ambiguous (").

    Quotes over paragraphs joined into one ('... the least we can do. "To those who mourn ...') reopen with a mark
    inside the open quote, and a mark written after the words it closes ('... they had done." The strike ...')
    cannot open one: paired by position alone, either mark starts a quote that runs over the next sentences to
    the next mark and reads them all as one quoted passage."""
    before = text[offset - 1] if offset > 0 else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if before.isspace() and after.isalnum():
        return "“"
    if after.isspace() and (before.isalnum() or before in ".,!?…"):
        return "”"
    return '"'


_DOUBLE_MARK = re.compile(r'["“”]')


def leaves_a_quote_open(paragraph: str) -> bool:
    """Whether a quote opened in the paragraph is still open at its end."""
    return _read_double_marks(paragraph)[1] is not None


def reopening_mark(paragraph: str) -> int | None:
    """The offset of the mark that opens a paragraph continuing a quote ('“ More words ...'), by the custom of
    a quote run over paragraphs: each opens with a mark and only the last one closes."""
    stripped = len(paragraph) - len(paragraph.lstrip())
    return stripped if paragraph[stripped : stripped + 1] in ('"', "“") else None


def closes_a_quote_first(paragraph: str) -> bool:
    """Whether the paragraph's first double mark closes a quote: a curly closing mark, or a straight one
    written against the word before it ('the charm," said Jane Roe.')."""
    first = _DOUBLE_MARK.search(paragraph)
    if first is None:
        return False
    if first.group() == "”":
        return True
    return first.group() == '"' and first.start() > 0 and not paragraph[first.start() - 1].isspace()


def find_quotes(text: str) -> list[QuoteMatch]:
    """Direct quotes in ``text`` (one paragraph or block), in order, non-overlapping."""
    found: list[QuoteMatch] = []
    candidates = _double_quoted(text)
    for opening, closing in (("«", "»"), ("„", "“")):
        position = 0
        while True:
            start = text.find(opening, position)
            if start < 0:
                break
            end = text.find(closing, start + 1)
            if end < 0:
                break
            candidates.append((start, end))
            position = end + 1
    # Curly single quotes: open after a space or bracket, close before a non-letter.
    for match in re.finditer(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘([^‘’]*(?:’\w[^‘’]*)*)’(?!\w)", text):
        candidates.append((match.start(), match.end() - 1))
    candidates.sort()
    last_end = -1
    for open_mark, close_mark in candidates:
        if open_mark <= last_end:
            continue
        start, end = _trimmed(text, open_mark + 1, close_mark)
        while end > start and text[end - 1] in ",;:":  # the comma before "said" is not quoted words
            end -= 1
        if end <= start or not _is_quote_text(text[start:end]):
            continue
        found.append(QuoteMatch(start=start, end=end, open_mark=open_mark, close_mark=close_mark))
        last_end = close_mark
    return found
