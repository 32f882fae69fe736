"""Reading one file into a Document: bytes (size-capped), decoded text, cleaned text, header and metadata."""

from __future__ import annotations

import bisect
from datetime import date
from pathlib import Path

from factcheck.config import Settings
from factcheck.errors import (
    DocumentLimitError,
    EmptyInputError,
    NoTextInputError,
    TooLargeInputError,
    UnreadableInputError,
)
from factcheck.model import Document, PublishedSource, Span
from factcheck.stages.load.decode import _declared_charset, decode_bytes
from factcheck.stages.load.discover import SUPPORTED_FORMATS, _unsupported, display_name
from factcheck.stages.load.formats import _front_matter, _html_text, _Metadata, _pdf_text
from factcheck.stages.load.header import read_header
from factcheck.textclean import clean_text


def load_document(path: Path, settings: Settings, *, doc_id: str | None = None, data: bytes | None = None) -> Document:
    """Read one file into a Document. Raises an InputError (with ``path`` set) when it cannot.

    ``data``: the file's bytes when the caller has already read them (with ``_read_bytes``).
    """
    path = Path(path)
    doc_id = doc_id or path.stem
    kind = SUPPORTED_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise _unsupported(path)
    if data is None:
        data = _read_bytes(path, settings.max_file_bytes)
    metadata = _Metadata()
    metadata_source: PublishedSource = "metadata"
    protect = 0
    if kind == "pdf":
        text, metadata = _pdf_text(
            data,
            path,
            max_pages=getattr(settings, "max_pdf_pages", 2_000),
            max_chars=getattr(settings, "max_document_chars", 5_000_000),
        )
        encoding = "n/a"
    else:
        if not data.strip():
            raise EmptyInputError("is empty", path=str(path))
        text, encoding = decode_bytes(data, path, declared=_declared_charset(data) if kind == "html" else None)
        if kind == "html":
            text, metadata = _html_text(text, path)
        else:
            protect, metadata = _front_matter(text)
            metadata_source = "front-matter"
    max_chars = getattr(settings, "max_document_chars", 5_000_000)
    if len(text) > max_chars:
        raise DocumentLimitError(
            f"holds {len(text):,} characters of text, over the {max_chars:,} limit (max_document_chars)", path=str(path)
        )
    if not text[protect:].strip():
        if kind in ("html", "pdf"):
            raise NoTextInputError("holds no readable text", path=str(path))
        raise EmptyInputError("has no text" + (" after its front matter" if protect else ""), path=str(path))

    cleaned = clean_text(text, protect=protect)
    offsets = cleaned.offsets
    header_start = min(bisect.bisect_left(offsets, protect), len(cleaned.text))
    header = read_header(cleaned.text, header_start, markdown=kind == "markdown")

    published: date | None = None
    published_source: PublishedSource = "unknown"
    published_span: Span | None = None
    if header.published is not None and header.published_span is not None:
        published, published_source = header.published, "dateline"
        start, end = _original_range(offsets, *header.published_span)
        published_span = Span(doc=doc_id, start=start, end=end, text=text[start:end])
    elif metadata.published is not None:
        published, published_source = metadata.published, metadata_source
    else:
        option = _published_option(settings, doc_id, path)
        if option is not None:
            published, published_source = option, "option"
    filed_day: tuple[int, int] | None = None
    if published is None and header.filed_day is not None and header.filed_span is not None:
        # A wire dateline without its year: its day and its words are kept, for the year the document's own dated
        # sentences or the run's other documents may give it (``filed.read_filed_days``, once every document is in).
        filed_day = header.filed_day
        start, end = _original_range(offsets, *header.filed_span)
        published_span = Span(doc=doc_id, start=start, end=end, text=text[start:end])

    return Document(
        id=doc_id,
        path=display_name(str(path)),
        text=text,
        clean=cleaned.text,
        # Most documents keep every character at its offset: the identity map, kept as () (one int per
        # character would be ~70 KB a BBC article, 40x its text, on the client and in the cache).
        clean_to_original=() if _is_identity(offsets) else offsets,
        title=metadata.title or header.title,
        byline=header.byline or metadata.byline,
        published=published,
        published_source=published_source,
        published_span=published_span,
        filed_day=filed_day,
        source=metadata.source,
        format=kind,
        encoding=encoding,
        body_start=header.body_start,
    )


def _is_identity(offsets: tuple[int, ...]) -> bool:
    return all(offset == position for position, offset in enumerate(offsets))


def _original_range(offsets: tuple[int, ...], clean_start: int, clean_end: int) -> tuple[int, int]:
    start = offsets[clean_start]
    end = offsets[clean_end - 1] + 1 if clean_end > clean_start else start
    return start, end


def _published_option(settings: Settings, doc_id: str, path: Path) -> date | None:
    for key in (doc_id, path.stem, path.name):
        if key in settings.published:
            return settings.published[key]
    return None


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise TooLargeInputError(
                f"is {_megabytes(size)}, over the {_megabytes(limit)} limit (max_file_bytes = {limit})", path=str(path)
            )
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableInputError(f"cannot be read ({error.strerror or error})", path=str(path)) from None
    if len(data) > limit:  # grew while we looked
        raise TooLargeInputError(f"is over the {_megabytes(limit)} limit (max_file_bytes = {limit})", path=str(path))
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"
