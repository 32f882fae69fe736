"""The load stage: find the input files, read each into a Document with its cleaned text and header.

What it reads
    ``settings.paths``: files, or folders searched recursively (sorted by path). Supported:
    ``.txt .text`` (plain text), ``.md .markdown`` (Markdown, optional YAML front matter),
    ``.html .htm`` (main text and metadata through trafilatura) and ``.pdf`` (the text of every
    page through pypdf). Inside a folder, hidden files and folders are skipped, and so is every
    file that is plainly not a document (images, data, code, archives: any extension not listed
    here); document formats we cannot read (``.docx .doc .odt .rtf .epub`` ...) are reported as
    failures so that nothing a user meant to check disappears without a word. A file named
    explicitly with an unsupported extension is always reported.

Document ids
    The file stem. When two files share a stem, the id gains as many parent folders as it takes
    to tell them apart ("2024/report", "2025/report"), and the extension as a last resort; the
    result depends only on the set of files, so it is stable from run to run. Documents are
    sorted by id, so the order of the inputs never changes the output.

Text
    ``Document.text`` is the decoded file (UTF-8, BOM stripped; otherwise Windows-1252 when it
    fits, else charset-normalizer's guess, recorded in ``encoding``), or for HTML and PDF the
    extracted text. ``Document.clean`` is the repaired text with its offset map, see
    ``factcheck.textclean``. Front matter is copied into ``clean`` untouched and skipped.

Header
    The top of ``clean`` (up to the first lines of running text) is read for a title, a byline
    ("By Jane Doe", or "by" alone on a line above the name), a dateline ("Feb 10, 2025, 5 AM",
    "10 February 2025", "2024-12-05", "Published: ...") and furniture such as "4 min read" or
    "Image credit: ...". ``body_start`` is the clean offset of the first line after that header
    block (after the title and any standfirst when there is no byline or dateline), and 0 when
    the text starts straight away. A date further down in the body is never taken as a dateline.

Publication date, by priority
    the text's own dateline ("dateline", with ``published_span`` covering the date words; a
    news-wire dateline opening the first paragraph, "LONDON, March 3, 2024 - ...", counts), else
    front matter or HTML metadata ("front-matter" / "metadata"), else ``settings.published``
    keyed by document id ("option"), else "unknown". PDF creation dates are not used: they date
    the file, not the publication.

Bad input is data
    Every unreadable input becomes a ``Failure(stage="load")`` with a stable code from
    ``factcheck.errors`` (FC-E101 ... FC-E110) naming the file, the problem and the fix; the
    other documents still load. Only a path that does not exist is fatal.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import hashlib
import io
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from importlib import metadata as package_metadata
from pathlib import Path
from typing import Any

from factcheck.cache import Cache, open_cache, text_hash
from factcheck.config import Settings
from factcheck.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    MissingInputError,
    NoDocumentsError,
    NoTextInputError,
    TooLargeInputError,
    UndecodableInputError,
    UnreadableInputError,
    UnsupportedInputError,
)
from factcheck.model import Corpus, Document, Failure, PublishedSource, Span
from factcheck.textclean import clean_text

SUPPORTED_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
# Document formats a user may well have meant to check but that we cannot read: reported,
# never skipped silently, even inside a folder.
UNSUPPORTED_DOCUMENT_FORMATS = frozenset(
    {".doc", ".docx", ".odt", ".rtf", ".epub", ".pages", ".wpd", ".xhtml", ".mht", ".mhtml", ".rst", ".tex"}
)


class LoadStage:
    """Read every input file into a Document; unreadable ones become Failures."""

    name = "load"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("documents",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, corpus: Corpus) -> Corpus:
        paths, failures = discover(self.settings.paths)
        ids = assign_ids(paths)
        documents: list[Document] = []
        cache = open_cache(self.settings)
        for path in paths:
            try:
                documents.append(self._load(path, ids[path], cache))
            except InputError as error:
                failures.append(_failure(path, error))
            except Exception as error:  # a parser bug must not sink the other documents
                failures.append(Failure(
                    stage="load", subject=str(path), code=InputError.code,
                    message=f"{path}: could not be loaded ({type(error).__name__}: {error}) "
                            "(leave the file out of the run, and please report this with the file)",
                ))
        if cache:
            cache.close()
        documents.sort(key=lambda document: document.id)
        failures.sort(key=lambda failure: (not failure.fatal, failure.subject, failure.code))
        return corpus.evolve(documents=tuple(documents), failures=corpus.failures + tuple(failures))


    def _load(self, path: Path, doc_id: str, cache: Cache | None) -> Document:
        """load_document, or its earlier result for the same bytes, path, id and loader code.

        Cleaning and header reading are pure functions of these; a warm run so never imports
        trafilatura, pypdf or wordfreq. Failures are not cached: they are re-read and re-raised.
        """
        if cache is None:
            return load_document(path, self.settings, doc_id=doc_id)
        data = _read_bytes(path, self.settings.max_file_bytes)  # raises as load_document would
        option = _published_option(self.settings, doc_id, path)
        key = text_hash("\x1f".join([_loader_fingerprint(), str(path), doc_id, str(option), hashlib.sha256(data).hexdigest()]))
        cached = cache.get_blob(CACHE_NAMESPACE, key)
        if cached is not None:
            try:
                return Document.model_validate_json(cached)
            except ValueError:
                pass  # a stale or damaged entry: load afresh
        document = load_document(path, self.settings, doc_id=doc_id, data=data)
        cache.put_blob(CACHE_NAMESPACE, key, document.model_dump_json())
        return document


CACHE_NAMESPACE = "documents"


@functools.lru_cache(maxsize=1)
def _loader_fingerprint() -> str:
    """The loading code and the parsers' versions: a change to any of them misses the cache."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for source in (Path(__file__).resolve(), package / "textclean.py", package / "model.py", package / "errors.py"):
        digest.update(source.read_bytes())
    for dependency in ("trafilatura", "pypdf", "charset-normalizer", "wordfreq", "ruamel.yaml"):
        try:
            digest.update(f"{dependency}={package_metadata.version(dependency)}".encode())
        except package_metadata.PackageNotFoundError:
            digest.update(f"{dependency}=missing".encode())
    return digest.hexdigest()


def _failure(path: Path | str, error: InputError, *, fatal: bool = False) -> Failure:
    return Failure(stage="load", subject=display_name(str(path)), message=display_name(str(error)),
                   code=error.code, fatal=fatal)


# ---------------------------------------------------------------------------------------------
# Finding the files


def discover(paths: Iterable[Path | str]) -> tuple[list[Path], list[Failure]]:
    """The supported files under ``paths`` (sorted, each once) and Failures for the rest."""
    found: dict[Path, Path] = {}  # resolved path -> path as the user spelled it
    failures: list[Failure] = []
    paths = list(paths)
    if not paths:
        failures.append(Failure(stage="load", subject="", code=MissingInputError.code, fatal=True,
                                message="no files or folders to check (name them on the command line, "
                                        "or set paths under [tool.factcheck])"))

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except OSError:
            key = path.absolute()
        found.setdefault(key, path)

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            failures.append(_failure(path, MissingInputError("no such file or folder", path=str(path)), fatal=True))
        elif path.is_dir():
            members = _folder_members(path, failures)
            if not members:
                failures.append(_failure(path, NoDocumentsError(
                    "the folder holds no supported documents (.txt .text .md .markdown .html .htm .pdf)",
                    path=str(path))))
            for member in members:
                add(member)
        elif not path.is_file():
            failures.append(_failure(path, UnreadableInputError("is not a regular file", path=str(path))))
        elif path.suffix.lower() in SUPPORTED_FORMATS:
            add(path)
        else:
            failures.append(_failure(path, _unsupported(path)))
    return sorted(found.values()), failures


def _folder_members(folder: Path, failures: list[Failure]) -> list[Path]:
    members: list[Path] = []
    try:
        entries = sorted(folder.rglob("*"))
    except OSError as error:  # a symlink loop or an unreadable subfolder
        failures.append(_failure(folder, UnreadableInputError(
            f"cannot be searched ({error.strerror or error})", path=str(folder))))
        return members
    for path in entries:
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue  # hidden files and folders (.git, .DS_Store ...)
        if not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix in SUPPORTED_FORMATS:
            members.append(path)
        elif suffix in UNSUPPORTED_DOCUMENT_FORMATS:
            failures.append(_failure(path, _unsupported(path)))
    return members


def _unsupported(path: Path) -> UnsupportedInputError:
    kind = f"{path.suffix} files" if path.suffix else "files without an extension"
    return UnsupportedInputError(
        f"{kind} are not supported (supported: .txt .text .md .markdown .html .htm .pdf)", path=str(path))


def assign_ids(paths: Iterable[Path]) -> dict[Path, str]:
    """Document ids: the file stem, lengthened by parent folders only where stems collide."""
    paths = list(paths)
    by_stem: dict[str, list[Path]] = defaultdict(list)
    for path in paths:
        by_stem[path.stem].append(path)
    ids: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        deepest = max(len(_folders(path)) for path in group)
        # The shortest distinguishing id: more parent folders first, the extension last.
        for with_suffix in (False, True):
            for depth in range(0, deepest + 1):
                candidates = {path: _id_with_folders(path, depth) + (path.suffix if with_suffix else "")
                              for path in group}
                if len(set(candidates.values())) == len(group):
                    break
            else:
                continue
            break
        ids.update(candidates)
    return {path: display_name(doc_id) for path, doc_id in ids.items()}


def display_name(text: str) -> str:
    """A file name as printable text: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) become ``\\xNN``, so ids and paths can be written to any report as UTF-8."""

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return re.sub(r"[\ud800-\udfff]", visible, text)


def _folders(path: Path) -> tuple[str, ...]:
    parent = path.parent
    return tuple(part for part in parent.parts if part not in (parent.anchor, "", "."))


def _id_with_folders(path: Path, depth: int) -> str:
    folders = _folders(path)
    return "/".join([*folders[len(folders) - depth:], path.stem] if depth else [path.stem])


# ---------------------------------------------------------------------------------------------
# Reading one file


@dataclass
class _Metadata:
    title: str | None = None
    byline: str | None = None
    published: date | None = None
    source: str | None = None


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
        text, metadata = _pdf_text(data, path)
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

    return Document(
        id=doc_id,
        path=display_name(str(path)),
        text=text,
        clean=cleaned.text,
        clean_to_original=offsets,
        title=metadata.title or header.title,
        byline=header.byline or metadata.byline,
        published=published,
        published_source=published_source,
        published_span=published_span,
        source=metadata.source,
        format=kind,
        encoding=encoding,
        body_start=header.body_start,
    )


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
                f"is {_megabytes(size)}, over the {_megabytes(limit)} limit (max_file_bytes = {limit})",
                path=str(path))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableInputError(f"cannot be read ({error.strerror or error})", path=str(path)) from None
    if len(data) > limit:  # grew while we looked
        raise TooLargeInputError(f"is over the {_megabytes(limit)} limit (max_file_bytes = {limit})", path=str(path))
    return data


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


# ---------------------------------------------------------------------------------------------
# Decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_bytes(data: bytes, path: Path | str = "", *, declared: str | None = None) -> tuple[str, str]:
    """Decode a text file: BOM, UTF-8, the ``declared`` charset (an HTML page's own), Windows-1252
    when it plainly fits, else charset-normalizer.

    Returns the text (BOM removed) and the encoding used. Raises BinaryInputError or
    UndecodableInputError.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise UndecodableInputError(f"starts with a {encoding} byte-order mark but is not valid "
                                            f"{encoding}", path=str(path)) from None
            text = text.removeprefix("\ufeff")
            _reject_binary(text, path)
            return text, "utf-8" if encoding == "utf-8-sig" else encoding
    if b"\x00" in data[:65536]:
        raise BinaryInputError("looks binary (it contains NUL bytes)", path=str(path))
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
            # A UTF-8 file cut off inside its last character (a half-saved or truncated file):
            # the rest is UTF-8, so decoding it all as a legacy encoding would garble every accent.
            text, encoding = data[:error.start].decode("utf-8") + "\ufffd", "utf-8"
        else:
            text, encoding = _decode_declared(data, declared) or _decode_legacy(data, path)
    _reject_binary(text, path)
    return text, encoding


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _decode_declared(data: bytes, declared: str | None) -> tuple[str, str] | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
        return data.decode(name), name
    except (LookupError, UnicodeDecodeError):
        return None  # a wrong declaration is common; fall back to detection


def _decode_legacy(data: bytes, path: Path | str) -> tuple[str, str]:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible_western(text):
        return text, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInputError("is not UTF-8 and its encoding cannot be recognised", path=str(path))
    return str(best), best.encoding


def _plausible_western(text: str) -> bool:
    """Windows-1252 fits Western text: a few accented letters and typographic marks among ASCII.

    Text in another single-byte encoding (Cyrillic, Greek ...) decodes too, but then most
    letters come out non-ASCII, so it is left to the detector.
    """
    letters = [char for char in text if char.isalpha()]
    foreign = [char for char in text if ord(char) > 127]
    if not letters or not foreign:
        return bool(letters)
    if any(unicodedata.category(char)[0] not in "LPSNZ" for char in foreign):
        return False
    foreign_letters = sum(1 for char in foreign if char.isalpha())
    return foreign_letters <= 0.2 * len(letters)


def _reject_binary(text: str, path: Path | str) -> None:
    sample = text[:65536]
    if not sample:
        return
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > 0.02 * len(sample):
        raise BinaryInputError("looks binary (mostly control characters, not text)", path=str(path))


# ---------------------------------------------------------------------------------------------
# Front matter, HTML and PDF

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FRONT_KEYS = {
    "title": ("title", "headline"),
    "byline": ("author", "authors", "byline", "by", "creator"),
    "published": ("date", "published", "publication_date", "published_at", "date_published", "pubdate",
                  "publish_date", "published_date"),
    "source": ("source", "publisher", "publication", "outlet", "site", "sitename", "site_name"),
}


def _front_matter(text: str) -> tuple[int, _Metadata]:
    """The length of a YAML front-matter block at the top of ``text`` and what it says."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return 0, _Metadata()
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(match.group("yaml"))
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
        raise MalformedInputError(f"cannot be parsed as HTML ({type(error).__name__}: {error})",
                                  path=str(path)) from None
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


def _pdf_text(data: bytes, path: Path) -> tuple[str, _Metadata]:
    if b"%PDF-" not in data[:1024]:
        raise MalformedInputError("is not a PDF file (no %PDF header)", path=str(path))
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about sloppy PDFs are noise here
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableInputError("is an encrypted PDF", path=str(path),
                                       hint="save a copy without a password, or supply the text as .txt")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except Exception as error:
        raise MalformedInputError(f"cannot be read as a PDF ({type(error).__name__}: {error})",
                                  path=str(path)) from None
    text = "\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise NoTextInputError("is a PDF without text (image-only or scanned pages)", path=str(path))
    title = _as_text(info.title) if info else None
    if title and re.search(r"\.(?:docx?|pdf|tex|odt|indd)$|^untitled$|^microsoft word", title, re.I):
        title = None  # the name of the file it was made from, not a title
    return text, _Metadata(title=title, byline=_as_text(info.author) if info else None)


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)", re.I),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?\s+(?P<year>\d{{4}})(?!\d)", re.I),
    re.compile(r"(?<![\d/.-])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<![\d/.-])(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"),
)


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Full calendar dates in ``text`` as (start, end, date), in order, without overlaps.

    Month names ("Feb 10, 2025", "10 February 2025"), ISO-like dates ("2024-12-05") and
    numeric day/month/year dates when the order is unambiguous (a dot means day.month.year;
    with slashes, a part above 12 tells the day from the month). Ambiguous dates are left out.
    """
    found: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            value = _date_from_match(match)
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: (item[0], -item[1]))
    result: list[tuple[int, int, date]] = []
    for item in found:
        if not result or item[0] >= result[-1][1]:
            result.append(item)
    return result


def _date_from_match(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("first") is not None:
        first, second = int(groups["first"]), int(groups["second"])
        if groups["sep"] == ".":
            day, month = first, second
        elif first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first
        else:
            return None
    else:
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.casefold()]
        day = int(groups["day"])
    if not 1800 <= year <= 2200:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# The header block: title, byline, dateline, furniture


@dataclass
class Header:
    """What the top of a document says about itself; offsets are into the clean text."""

    title: str | None = None
    byline: str | None = None
    published: date | None = None
    published_span: tuple[int, int] | None = None
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
_UPDATED_BEFORE = re.compile(r"(?:updated|modified|revised)\W*(?:on|at)?\W*$", re.I)
_PUBLISHED_BEFORE = re.compile(r"(?:published|posted|released|issued)\W*(?:on|at)?\W*$", re.I)
_RESIDUE_NOISE = re.compile(
    r"\b\d{1,2}(?::\d{2}){0,2}\s*(?:[ap]\.?\s?m\.?)?(?!\w)|\b[ap]\.m\.|\b(?:[ap]m)\b"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b"
    r"|\b(?:published|posted|updated|last|first|modified|date|dated|on|at|released|issued|created|edited"
    r"|today|local|time|utc|gmt)\b"
    r"|(?-i:\b[A-Z]{2,4}\b)|\b(?:UTC|GMT)[+\-]\d{1,2}",  # time zones: ET, CEST, JST
    re.I,
)
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du",
                             "bin", "al", "el", "ter", "st.", "y"})
_NAME_JOINERS = frozenset({"and", "&"})
_NOT_NAMES = frozenset(list(_MONTHS) + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday", "the", "a", "an", "this", "that", "these", "those"])
_GENERIC_HEADINGS = frozenset({"abstract", "summary", "introduction", "contents", "table of contents",
                               "overview", "preface", "foreword", "keywords", "executive summary"})
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
        wire = None if text_seen else _wire_dateline(stripped)
        if wire is not None:  # "LONDON, March 3, 2024 - The board ...": the line stays body text
            datelines.append((1, lead + wire[0], lead + wire[1], wire[2]))
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
            dateline = _dateline(stripped, skip=rest_at)
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
    rest = line[match.end():]
    length = _name_prefix(rest)
    if not length:
        return None, 0
    residue = rest[length:]
    without_dates = residue
    for start, end, _ in reversed(find_dates(residue)):
        without_dates = without_dates[:start] + " " + without_dates[end:]
    if len(re.findall(r"[^\W\d_]+", _RESIDUE_NOISE.sub(" ", without_dates))) > 4:
        return None, 0  # a sentence that happens to start with "By", not a byline
    return rest[:length], match.end() + length


_WIRE_PLACE = re.compile(r"^[A-Z][A-Z.'\- ]{2,40}(?:\s*\([^)]{1,40}\))?(?:,\s*[A-Z][\w.'\- ]{1,30})?[,\s]*$")
_WIRE_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014:]")


def _wire_dateline(line: str) -> tuple[int, int, date] | None:
    """A news-wire dateline opening the first paragraph: an upper-case place, the date, a dash."""
    for start, end, value in find_dates(line[:120]):
        if _WIRE_PLACE.match(line[:start]) and _WIRE_AFTER.match(line[end:]):
            return start, end, value
        break
    return None


def _dateline(line: str, *, skip: int = 0) -> tuple[int, int, int, date] | None:
    """The publication date on a dateline: (priority, start, end, date), or None.

    A line is a dateline when, apart from its dates, it holds little more than times, weekdays,
    labels such as "Published" or "Updated", separators and a capitalised place or outlet. Priority 0 for a date labelled
    published/posted, 1 unlabelled, 2 updated/modified.
    """
    dates = [item for item in find_dates(line) if item[0] >= skip]
    if not dates:
        return None
    residue = line[skip:]
    for start, end, _ in reversed(dates):
        residue = residue[:start - skip] + " " + residue[end - skip:]
    words = re.findall(r"[^\W\d_]+", _RESIDUE_NOISE.sub(" ", residue))
    if len(words) > 3 or any(not word[0].isupper() for word in words):
        return None  # a sentence with a date in it; a dateline adds at most a place or an outlet
    ranked = []
    for start, end, value in dates:
        before = line[max(skip, start - 30):start]
        priority = 0 if _PUBLISHED_BEFORE.search(before) else 2 if _UPDATED_BEFORE.search(before) else 1
        ranked.append((priority, start, end, value))
    return min(ranked)
