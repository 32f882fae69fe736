"""Documents' texts read back on demand, once the run keeps only their headers.

After extraction the corpus holds each document's header (``DocumentHeader``) and its claims,
not its text: at 100,000 articles the texts, cleaned texts and offset maps would all sit on the
client for the whole run although the report quotes a few hundred passages. What still needs a
text (the report's sentences and line numbers, a check reading around a claim) asks
``Corpus.text_of``, which asks this store: the load stage's cache entry for the file's bytes
(content-addressed, so it is the text the run checked even if the file changed since), else the
file loaded again with the same decoding. Either way the text must match the hash the header
carries; when neither does, the read fails with FC-E114 naming the file, never a wrong span.
The last few documents read are kept, as readers go through a document's spans together.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.cache import Cache, open_cache
from factcheck.errors import DocumentChangedError, InputError
from factcheck.model import Document, DocumentHeader

# Documents kept after reading: a report or check reads one document's spans together.
DOCUMENTS_KEPT = 32


@dataclass(frozen=True)
class TextSource:
    """Where a document's text is read back from: the load cache's entry (``key``), else ``path``."""

    path: Path
    key: str | None = None


class DocumentStore:
    """Reads a document's text back for its header, checked against the header's ``text_hash``."""

    def __init__(self, settings: Any, sources: dict[str, TextSource], kept: int = DOCUMENTS_KEPT) -> None:
        self.settings = settings
        self.sources = sources
        self.kept = kept
        self._recent: OrderedDict[str, Document] = OrderedDict()
        self._cache: Cache | None = None
        self._cache_opened = False

    def read(self, header: DocumentHeader) -> Document:
        document = self._recent.get(header.id)
        if document is not None:
            self._recent.move_to_end(header.id)
            return document
        document = self._read(header)
        self._recent[header.id] = document
        if len(self._recent) > self.kept:
            self._recent.popitem(last=False)
        return document

    def _read(self, header: DocumentHeader) -> Document:
        source = self.sources.get(header.id)
        if source is None:
            raise DocumentChangedError("no text is known for this document id", path=header.path)
        cached = self._from_cache(source)
        if cached is not None and cached.content_hash() == header.text_hash:
            return cached
        from factcheck.stages.load.document import load_document

        try:
            document = load_document(source.path, self.settings, doc_id=header.id)
        except InputError as error:
            raise DocumentChangedError(
                f"its text is needed for the report but the file can no longer be read ({error.message})",
                path=header.path,
            ) from error
        if document.content_hash() != header.text_hash:
            raise DocumentChangedError(
                "changed on disk since it was checked, and the cache no longer holds the checked text: "
                "its evidence cannot be quoted",
                path=header.path,
            )
        return document

    def _from_cache(self, source: TextSource) -> Document | None:
        if source.key is None:
            return None
        if not self._cache_opened:
            self._cache = open_cache(self.settings)
            self._cache_opened = True
        if self._cache is None:
            return None
        from factcheck.stages.load.stage import CACHE_NAMESPACE

        stored = self._cache.get_blob(CACHE_NAMESPACE, source.key)
        if stored is None:
            return None
        try:
            return Document.model_validate_json(stored)
        except ValueError:
            return None

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
        self._cache, self._cache_opened = None, False
        self._recent.clear()
