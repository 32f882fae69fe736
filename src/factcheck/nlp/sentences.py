"""Sentence spans of plain text, found by punctuation and paragraph breaks alone (no parser, so no model to load).

Extraction reads sentences off the parse; code that only needs the sentences of a stretch of a document's text
(spun-wording's sentence index, the words around a name in attribution-conflict) uses these instead.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (half-open, offsets into ``text``) between ``start`` and ``end``.

    Paragraph breaks (a line break followed by a capital or a blank line) end a sentence too;
    a single line break inside a paragraph does not (PDF line wrapping).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)(?=[ \t]*[a-z(\-])[^\n]+)*", text[start:end]):
        base = start + paragraph.start()
        block = paragraph.group()
        cursor = 0
        for boundary in _SENTENCE_END.finditer(block):
            if _is_abbreviation(block, boundary.start()):
                continue
            spans.append((base + cursor, base + boundary.start()))
            cursor = boundary.end()
        spans.append((base + cursor, base + len(block)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _is_abbreviation(block: str, position: int) -> bool:
    """True when the full stop before ``position`` ends an abbreviation ("U.S.", "Gen.", "Mr.")."""
    before = block[:position]
    match = re.search(r"(\S+)$", before)
    if not match:
        return False
    token = match.group(1).rstrip("\"'\u201d\u2019)")
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.", token))
