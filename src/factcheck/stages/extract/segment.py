"""Segmentation: the body of a document as blocks of prose (hard-wrapped lines re-joined, long runs cut)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.datelines import is_dateline, read_wire_dateline
from factcheck.model import Document
from factcheck.nlp.quotes import closes_a_quote_first, leaves_a_quote_open, reopening_mark
from factcheck.stages.extract.boilerplate import _TERMINAL, _mark_skips

# Blocks longer than this are cut at sentence-like boundaries before parsing, so a huge
# document never needs one giant spaCy Doc.
_BLOCK_CHARS = 20_000
# A sentence ends at terminal punctuation (with closing quotes or brackets) before a space.
# A run longer than max_sentence_chars without one is a table or minified text, not prose:
# it is cut out before parsing (spaCy's time grows fast on such runs) and reported.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?:\s+|$)")
LONG_PASSAGE = "no sentence end within max_sentence_chars"
_WRAP_JOINERS = re.compile(r"[\n\r\t\f\v\u2028\u2029]")


@dataclass
class Block:
    """A paragraph of the body: clean offsets and the text handed to spaCy (same length)."""

    start: int
    end: int
    text: str
    lines: int = 1
    skip: str | None = None  # why this block holds no claims


def _lines(clean: str, start: int) -> list[tuple[int, int]]:
    """Non-empty lines (stripped) from ``start``, as clean offsets; None marks a blank line."""
    lines: list[tuple[int, int]] = []
    position = start
    for piece in re.split(r"(\n)", clean[start:]):
        if piece == "\n":
            position += 1
            continue
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            lines.append((position + left, position + right))
        else:
            lines.append((position, position))  # blank line: a paragraph break
        position += len(piece)
    return lines


def _is_wrapped(texts: list[str]) -> tuple[bool, int]:
    """Whether lines are hard-wrapped (PDF extraction): many long lines end mid-sentence."""
    lengths = sorted(len(text) for text in texts)
    if len(lengths) < 8:
        return False, 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width < 40 or width > 200:
        return False, width
    open_ended = sum(1 for text in texts if len(text) >= 0.7 * width and not _TERMINAL.search(text))
    return open_ended >= 0.3 * len(texts), width


def segment(doc: Document) -> list[Block]:
    """The body's blocks, in order, each marked with why it is skipped (or not)."""
    clean = doc.clean
    lines = _lines(clean, min(max(doc.body_start, 0), len(clean)))
    texts = [clean[a:b] for a, b in lines if b > a]
    wrapped, width = _is_wrapped(texts)
    blocks: list[Block] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if current:
            start, end = current[0][0], current[-1][1]
            blocks.append(
                Block(start=start, end=end, text=_WRAP_JOINERS.sub(" ", clean[start:end]), lines=len(current))
            )
            current.clear()

    for start, end in lines:
        if end <= start:
            flush()
            continue
        if current:
            previous = clean[current[-1][0] : current[-1][1]]
            following = clean[start:end]
            if not _joins(previous, following, wrapped, width):
                flush()
        current.append((start, end))
    flush()
    _mark_skips(blocks)
    blocks = _quotes_over_paragraphs(blocks, clean)
    blocks = _part_the_wire_dateline(blocks)
    blocks[:0] = _header_blocks(doc)
    return [piece for block in blocks for piece in _split_long(block)]


def _part_the_wire_dateline(blocks: list[Block]) -> list[Block]:
    """The blocks with the wire dateline that opens the body's first paragraph ("TALMERE, March 3 - ") parted off as
    a block of its own, not parsed: it is no part of the sentence, and parsed with it the sentence's subject and the
    words its figures belong to are misread (``datelines.read_wire_dateline``). Parted, not blanked: a run of spaces before
    the sentence changes how the parser reads it ("fired head coach Jane Roe" lost its title). Only a paragraph that
    is prose (not a heading: "NORTH SEA - Wind Farm Too Far?")."""
    index = next((i for i, block in enumerate(blocks) if block.skip != LONG_PASSAGE), None)
    if index is None or blocks[index].skip is not None:
        return blocks
    first = blocks[index]
    wire = read_wire_dateline(first.text)
    if wire is None:
        return blocks
    length = wire.length
    parted = [_piece(first, 0, length, DATELINE), _piece(first, length, len(first.text))]
    return [*blocks[:index], *parted, *blocks[index + 1 :]]


DATELINE = "wire dateline"  # where and when a story was filed, opening its first paragraph: not parsed
HEADING = "heading"  # a one-line block without a full stop: parsed, a claim only when it states a fact
TITLE = "title"  # the document's title line: parsed, a headline claim even without a verb the tagger sees


def _header_blocks(doc: Document) -> list[Block]:
    """What the header (before ``body_start``) states: its title line and its standfirst lines.

    The header reader ends the header at its last dateline or byline, so a standfirst printed
    between the title and the date is header too; its sentences state facts like the body's and
    get the body's rules (a verb and something checkable). A standfirst or sub-heading printed
    without a full stop ("Suspect had been fired last week by his company") is marked a heading,
    a claim when it has a verb (see ``_DocumentExtractor``). The dateline's and byline's own lines
    are left out, and boilerplate ("All rights reserved.", "Related stories") is marked as in the body.
    """
    title = _title_block(doc)
    header_end = min(max(doc.body_start, 0), len(doc.clean))
    standfirst: list[Block] = []
    for start, end in _lines(doc.clean[:header_end], 0):
        text = doc.clean[start:end]
        if end <= start or (title is not None and start < title.end and title.start < end):
            continue
        if (doc.byline and doc.byline in text) or is_dateline(text):
            continue  # the publication date is on one dateline; an "Updated: ..." line is another
        original_start, original_end = doc.original_offsets(start, end)
        dateline = doc.published_span
        if dateline is not None and dateline.start < original_end and original_start < dateline.end:
            continue
        standfirst.append(Block(start=start, end=end, text=_WRAP_JOINERS.sub(" ", text)))
    _mark_skips(standfirst)
    return sorted([*([title] if title is not None else []), *standfirst], key=lambda block: block.start)


def _title_block(doc: Document) -> Block | None:
    """The title line in the header (before ``body_start``): a headline states the story's main fact."""
    if not doc.title:
        return None
    start = doc.clean.find(doc.title, 0, max(doc.body_start, 0))
    if start < 0:
        return None
    end = start + len(doc.title)
    return Block(start=start, end=end, text=_WRAP_JOINERS.sub(" ", doc.clean[start:end]), skip=TITLE)


# A quote run over more characters than this is a stray opening mark, not a quote.
_QUOTE_CHARS = 3_000


def _quotes_over_paragraphs(blocks: list[Block], clean: str) -> list[Block]:
    """Paragraphs one quote runs over, as one block: the quote, its speaker and the claims it makes are read
    together. A paragraph continues the quote its predecessor left open when its first mark closes it ('...
    the charm," said Jane Roe.') or, by the custom of quotes over paragraphs, when it opens with a mark again;
    that reopening mark is blanked in the parsed text (offsets unchanged), so it does not pair as a new quote."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.skip is None
            and block.skip is None
            and block.end - previous.start <= _QUOTE_CHARS
            and leaves_a_quote_open(previous.text)
        ):
            reopening = reopening_mark(block.text)
            if reopening is not None or closes_a_quote_first(block.text):
                text = block.text
                if reopening is not None:
                    text = text[:reopening] + " " + text[reopening + 1 :]
                gap = _WRAP_JOINERS.sub(" ", clean[previous.end : block.start])
                joined[-1] = Block(
                    start=previous.start,
                    end=block.end,
                    text=previous.text + gap + text,
                    lines=previous.lines + block.lines,
                )
                continue
        joined.append(block)
    return joined


def _joins(previous: str, following: str, wrapped: bool, width: int) -> bool:
    """Whether a line break continues the paragraph (a wrapped line) rather than ending it."""
    if previous.endswith("-") and following[:1].islower():
        return True
    if wrapped and len(previous) >= 0.7 * width:
        return True
    return not _TERMINAL.search(previous) and following[:1].islower()


def _piece(block: Block, start: int, end: int, skip: str | None = None) -> Block:
    """``block.text[start:end]`` as a block of its own, at its offsets in the clean text."""
    return Block(
        start=block.start + start, end=block.start + end, text=block.text[start:end], lines=block.lines, skip=skip
    )


def _split_long(block: Block) -> list[Block]:
    if len(block.text) <= _BLOCK_CHARS:
        return [block]
    pieces: list[Block] = []
    offset = 0
    text = block.text
    while offset < len(text):
        limit = offset + _BLOCK_CHARS
        if limit >= len(text):
            cut = len(text)
        else:
            window = text[offset:limit]
            boundary = None
            for match in re.finditer(r"[.!?][\"”’)]?\s+", window):
                boundary = match.end()
            if boundary is None:
                space = window.rfind(" ")
                boundary = space + 1 if space > 0 else len(window)
            cut = offset + boundary
        pieces.append(_piece(block, offset, cut, block.skip))
        offset = cut
    return pieces


def _cut_long_runs(block: Block, limit: int) -> list[Block]:
    """A prose block, with every run longer than ``limit`` without a sentence end made a skipped piece."""
    if block.skip is not None or len(block.text) <= limit:
        return [block]
    text = block.text
    pieces: list[Block] = []
    piece_start = run_start = 0
    for end in [match.end() for match in _SENTENCE_END.finditer(text)] + [len(text)]:
        if end - run_start > limit:
            if run_start > piece_start:
                pieces.append(_piece(block, piece_start, run_start))
            pieces.append(_piece(block, run_start, end, LONG_PASSAGE))
            piece_start = end
        run_start = end
    if piece_start < len(text):
        pieces.append(_piece(block, piece_start, len(text)))
    return pieces
