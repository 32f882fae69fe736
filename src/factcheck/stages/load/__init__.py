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

Modules: ``discover`` (files and ids), ``document`` (one file into a Document), ``decode``
(bytes to text), ``formats`` (front matter, HTML, PDF), ``dates`` (dates in a header),
``header`` (title, byline, dateline), ``stage`` (the LoadStage and its cache).
"""

from factcheck.datelines import find_dates
from factcheck.stages.load.decode import decode_bytes
from factcheck.stages.load.discover import (
    SUPPORTED_FORMATS,
    UNSUPPORTED_DOCUMENT_FORMATS,
    assign_ids,
    discover,
    display_name,
)
from factcheck.stages.load.document import load_document
from factcheck.stages.load.header import Header, read_header
from factcheck.stages.load.stage import CACHE_NAMESPACE, LoadStage

__all__ = [
    "CACHE_NAMESPACE",
    "Header",
    "LoadStage",
    "SUPPORTED_FORMATS",
    "UNSUPPORTED_DOCUMENT_FORMATS",
    "assign_ids",
    "decode_bytes",
    "discover",
    "display_name",
    "find_dates",
    "load_document",
    "read_header",
]
