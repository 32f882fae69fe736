"""The load stage: every input file read into a Document (cached per file); unreadable ones become Failures.

Files the cache lacks are read in partitions by the run's engine (``factcheck.engine``); their
bytes travel with the partition, so a worker needs no view of this machine's files.

Handing on (``hand_on=True``, what ``build_stages`` asks when the extract stage follows): the
files the cache lacks are not read here at all but handed on unread (``Corpus.unread``), and the
documents the cache holds are kept as headers, their texts let go at once; the extract stage then
loads and extracts each unread file in one task on a worker, which sends back its header and
claims, never its text (``factcheck.stages.extract.stage``). Used alone, the stage reads every
file into a Document with its text, as a researcher reading documents expects.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from factcheck.budget import BudgetExceeded, time_budget
from factcheck.cache import Cache, code_fingerprint, open_cache, text_hash
from factcheck.config import Settings
from factcheck.engine import (
    DOCUMENTS_PER_PARTITION,
    MIN_PARALLEL_DOCUMENTS,
    Engine,
    Models,
    SerialEngine,
    partitions,
)
from factcheck.errors import (
    DocumentLimitError,
    InputError,
)
from factcheck.model import Corpus, Document, DocumentHeader, Failure
from factcheck.stages.load.discover import _failure, assign_ids, discover
from factcheck.stages.load.document import _published_option, _read_bytes, load_document
from factcheck.stages.load.store import DocumentStore, TextSource


@dataclass(frozen=True)
class LoadItem:
    """A file to load: its id, its bytes when already read (None: read it there), its cache key.

    ``key`` without ``data``: the file is in the cache under ``key`` (its text is read back from there)."""

    path: Path
    doc_id: str
    data: bytes | None = None
    key: str | None = None


@dataclass(frozen=True)
class LoadJob:
    settings: Settings
    items: tuple[LoadItem, ...]


def load_partition(job: LoadJob, models: Models) -> list[Document | Failure]:
    """Each item's Document, or its Failure: a file that cannot be read never sinks the others."""
    return [load_item(item, job.settings) for item in job.items]


def load_item(item: LoadItem, settings: Settings) -> Document | Failure:
    """One file's Document, or its Failure (within the document's time budget); never raises."""
    seconds = getattr(settings, "document_seconds", None)
    try:
        with time_budget(seconds):
            return load_document(item.path, settings, doc_id=item.doc_id, data=item.data)
    except BudgetExceeded:
        return _failure(
            item.path,
            DocumentLimitError(
                f"took over {seconds:g} CPU seconds to load (document_seconds) and was not checked",
                path=str(item.path),
            ),
        )
    except InputError as error:
        return _failure(item.path, error)
    except Exception as error:  # noqa: BLE001 - a parser bug must not sink the other documents
        return Failure(
            stage="load",
            subject=str(item.path),
            code=InputError.code,
            message=f"{item.path}: could not be loaded ({type(error).__name__}: {error}) "
            "(leave the file out of the run, and please report this with the file)",
        )


def with_bytes(item: LoadItem, settings: Settings) -> LoadItem:
    """``item`` with its file's bytes, read now to go with its partition (a partition's bytes are read as
    it leaves, so the client never holds every file's at once).

    The bytes must still be the ones ``item.key`` was made from; a file that changed or went since
    is sent without key or bytes, to be read where it is loaded and cached under no stale key."""
    if item.key is None or item.data is not None:
        return item
    try:
        data = _read_bytes(item.path, settings.max_file_bytes)
    except InputError:
        return LoadItem(item.path, item.doc_id)
    if _load_key(item.path, item.doc_id, settings, data) != item.key:
        return LoadItem(item.path, item.doc_id)
    return LoadItem(item.path, item.doc_id, data=data, key=item.key)


def failure_order(failure: Failure) -> tuple[bool, str, str]:
    """The load stage's failures in the report: fatal ones first, then by file and code."""
    return (not failure.fatal, failure.subject, failure.code)


class LoadStage:
    """Read every input file into a Document; unreadable ones become Failures."""

    name = "load"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("documents",)

    def __init__(self, settings: Settings, engine: Engine | None = None, *, hand_on: bool = False) -> None:
        self.settings = settings
        self.engine = engine or SerialEngine(Models(settings))
        # Files the cache lacks go on unread, cached documents as headers: the extract stage loads the rest.
        self.hand_on = hand_on

    def __call__(self, corpus: Corpus) -> Corpus:
        paths, failures = discover(self.settings.paths)
        ids = assign_ids(paths)
        documents: list[DocumentHeader] = []
        cache = open_cache(self.settings)
        pending: list[LoadItem] = []
        # Where each document's text can be read back once extraction lets it go.
        sources: dict[str, TextSource] = {}
        for path in paths:
            try:
                document, item = self._cached(path, ids[path], cache)
            except InputError as error:
                failures.append(_failure(path, error))
                continue
            sources[item.doc_id] = TextSource(path, item.key)
            if document is not None:
                documents.append(document.header() if self.hand_on else document)
            else:
                pending.append(LoadItem(path, item.doc_id, key=item.key) if self.hand_on else item)
        if self.hand_on:
            return self._evolve(corpus, documents, failures, sources, cache, unread=tuple(pending))
        jobs = [LoadJob(self.settings, tuple(part)) for part in partitions(pending, DOCUMENTS_PER_PARTITION)]
        for index, outcomes in self.engine.map(load_partition, jobs, parallel=len(pending) >= MIN_PARALLEL_DOCUMENTS):
            for item, outcome in zip(jobs[index].items, outcomes):
                if isinstance(outcome, Failure):
                    failures.append(outcome)  # failures are not cached: re-read and re-reported
                    continue
                documents.append(outcome)
                if cache and item.key is not None:
                    cache.put_blob(CACHE_NAMESPACE, item.key, outcome.model_dump_json())
        return self._evolve(corpus, documents, failures, sources, cache)

    def _evolve(
        self,
        corpus: Corpus,
        documents: list[DocumentHeader],
        failures: list[Failure],
        sources: dict[str, TextSource],
        cache: Cache | None,
        unread: tuple[LoadItem, ...] = (),
    ) -> Corpus:
        if cache:
            cache.close()
        documents.sort(key=lambda document: document.id)
        failures.sort(key=failure_order)
        return corpus.evolve(
            documents=tuple(documents),
            failures=corpus.failures + tuple(failures),
            texts=DocumentStore(self.settings, sources),
            unread=unread,
        )

    def _cached(self, path: Path, doc_id: str, cache: Cache | None) -> tuple[Document | None, LoadItem]:
        """The earlier Document for the same bytes, path, id and loader code, or what loading needs.

        Cleaning and header reading are pure functions of these; a warm run so never imports
        trafilatura, pypdf or wordfreq. Raises InputError for a file that cannot be read.
        """
        if cache is None:
            return None, LoadItem(path, doc_id)
        data = _read_bytes(path, self.settings.max_file_bytes)  # raises as load_document would
        key = _load_key(path, doc_id, self.settings, data)
        cached = cache.get_blob(CACHE_NAMESPACE, key)
        if cached is not None:
            try:
                return Document.model_validate_json(cached), LoadItem(path, doc_id, key=key)
            except ValueError:
                pass  # a stale or damaged entry: load afresh
        # Handed on, the bytes are read again as the file's partition leaves (``with_bytes``), not held for every file.
        return None, LoadItem(path, doc_id, data=None if self.hand_on else data, key=key)


CACHE_NAMESPACE = "documents"


def _load_key(path: Path, doc_id: str, settings: Settings, data: bytes) -> str:
    """A document's cache key: everything loading reads (bytes, path, id, the date option, the loader's code)."""
    option = _published_option(settings, doc_id, path)
    return text_hash(
        "\x1f".join([_loader_fingerprint(), str(path), doc_id, str(option), hashlib.sha256(data).hexdigest()])
    )


def _loader_fingerprint() -> str:
    """The loading code (this package's modules and every factcheck module they import) and the parsers' versions."""
    return code_fingerprint(
        tuple(
            f"factcheck.stages.load.{path.stem}"
            for path in sorted(Path(__file__).parent.glob("*.py"))
            # The stage imports the engine, the store reads texts back: the run, not the loading.
            if path.stem not in ("__init__", "stage", "store")
        ),
        ("trafilatura", "pypdf", "charset-normalizer", "wordfreq", "ruamel.yaml"),
    )
