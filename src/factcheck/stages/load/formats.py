"""The text and metadata of each format: Markdown front matter, HTML through trafilatura, PDF through pypdf."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from factcheck.datelines import find_dates
from factcheck.errors import (
    DocumentLimitError,
    InputError,
    MalformedInputError,
    NoTextInputError,
    UnreadableInputError,
)


@dataclass
class _Metadata:
    title: str | None = None
    byline: str | None = None
    published: date | None = None
    source: str | None = None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FRONT_KEYS = {
    "title": ("title", "headline"),
    "byline": ("author", "authors", "byline", "by", "creator"),
    "published": (
        "date",
        "published",
        "publication_date",
        "published_at",
        "date_published",
        "pubdate",
        "publish_date",
        "published_date",
    ),
    "source": ("source", "publisher", "publication", "outlet", "site", "sitename", "site_name"),
}


def _front_matter(text: str) -> tuple[int, _Metadata]:
    """The length of a YAML front-matter block at the top of ``text`` and what it says."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return 0, _Metadata()
    from ruamel.yaml.error import YAMLError

    from factcheck.yamlio import safe_yaml

    try:
        # No aliases: a few bytes of front matter must not expand to gigabytes.
        data = safe_yaml("safe").load(match.group("yaml"))
    except (YAMLError, ValueError):
        return 0, _Metadata()  # not YAML: a horizontal rule, not front matter
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return 0, _Metadata()
    fields = {str(key).strip().casefold(): value for key, value in data.items()}

    def first(name: str) -> Any:
        for key in _FRONT_KEYS[name]:
            if fields.get(key) not in (None, "", []):
                return fields[key]
        return None

    return match.end(), _Metadata(
        title=_as_text(first("title")),
        byline=_as_text(first("byline")),
        published=_as_date(first("published")),
        source=_as_text(first("source")),
    )


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        names = [_as_text(item) for item in value]
        return ", ".join(name for name in names if name) or None
    if isinstance(value, dict):
        return _as_text(value.get("name"))
    text = " ".join(str(value).split())
    return text or None


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    dates = find_dates(text)
    return dates[0][2] if dates else None


def _html_text(html: str, path: Path) -> tuple[str, _Metadata]:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Dates only from the page's own markup; a fixed ceiling keeps runs reproducible.
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": "2099-12-31"},
        )
    except Exception as error:
        raise MalformedInputError(
            f"cannot be parsed as HTML ({type(error).__name__}: {error})", path=str(path)
        ) from None
    fields: dict[str, Any] = {}
    if result is not None:
        fields = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = fields.get("text") or ""
    if not text.strip():
        text = trafilatura.html2txt(html) or ""
    return text, _Metadata(
        title=_as_text(fields.get("title")),
        byline=_as_text(fields.get("author")),
        published=_as_date(fields.get("date")),
        source=_as_text(fields.get("sitename")),
    )


def _pdf_text(data: bytes, path: Path, *, max_pages: int = 2_000, max_chars: int = 5_000_000) -> tuple[str, _Metadata]:
    if b"%PDF-" not in data[:1024]:
        raise MalformedInputError("is not a PDF file (no %PDF header)", path=str(path))
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about sloppy PDFs are noise here
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableInputError(
                "is an encrypted PDF", path=str(path), hint="save a copy without a password, or supply the text as .txt"
            )
        count = len(reader.pages)
        if count > max_pages:
            raise DocumentLimitError(
                f"has {count:,} pages, over the {max_pages:,}-page limit (max_pdf_pages)", path=str(path)
            )
        pages, chars = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            chars += len(pages[-1])
            if chars > max_chars:
                raise DocumentLimitError(
                    f"holds over {max_chars:,} characters of text (max_document_chars)", path=str(path)
                )
        info = reader.metadata
    except InputError:
        raise
    except Exception as error:
        raise MalformedInputError(
            f"cannot be read as a PDF ({type(error).__name__}: {error})", path=str(path)
        ) from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise NoTextInputError("is a PDF without text (image-only or scanned pages)", path=str(path))
    title = _as_text(info.title) if info else None
    if title and re.search(r"\.(?:docx?|pdf|tex|odt|indd)$|^untitled$|^microsoft word", title, re.I):
        title = None  # the name of the file it was made from, not a title
    return text, _Metadata(title=title, byline=_as_text(info.author) if info else None)
