"""The load stage: every input file read into a Document (cached per file); unreadable ones become Failures.

Files the cache lacks are read in partitions by the run's engine (``factcheck.engine``); their
bytes travel with the partition, so a worker needs no view of this machine's files.
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
from factcheck.model import Corpus, Document, Failure
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
    outcomes: list[Document | Failure] = []
    seconds = getattr(job.settings, "document_seconds", None)
    for item in job.items:
        try:
            with time_budget(seconds):
                outcomes.append(load_document(item.path, job.settings, doc_id=item.doc_id, data=item.data))
        except BudgetExceeded:
            outcomes.append(
                _failure(
                    item.path,
                    DocumentLimitError(
                        f"took over {seconds:g} CPU seconds to load (document_seconds) and was not checked",
                        path=str(item.path),
                    ),
                )
            )
        except InputError as error:
            outcomes.append(_failure(item.path, error))
        except Exception as error:  # noqa: BLE001 - a parser bug must not sink the other documents
            outcomes.append(
                Failure(
                    stage="load",
                    subject=str(item.path),
                    code=InputError.code,
                    message=f"{item.path}: could not be loaded ({type(error).__name__}: {error}) "
                    "(leave the file out of the run, and please report this with the file)",
                )
            )
    return outcomes


class LoadStage:
    """Read every input file into a Document; unreadable ones become Failures."""

    name = "load"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ("documents",)

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or SerialEngine(Models(settings))

    def __call__(self, corpus: Corpus) -> Corpus:
        paths, failures = discover(self.settings.paths)
        ids = assign_ids(paths)
        documents: list[Document] = []
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
                documents.append(document)
            else:
                pending.append(item)
        jobs = [LoadJob(self.settings, tuple(part)) for part in partitions(pending, DOCUMENTS_PER_PARTITION)]
        for index, outcomes in self.engine.map(load_partition, jobs, parallel=len(pending) >= MIN_PARALLEL_DOCUMENTS):
            for item, outcome in zip(jobs[index].items, outcomes):
                if isinstance(outcome, Failure):
                    failures.append(outcome)  # failures are not cached: re-read and re-reported
                    continue
                documents.append(outcome)
                if cache and item.key is not None:
                    cache.put_blob(CACHE_NAMESPACE, item.key, outcome.model_dump_json())
        if cache:
            cache.close()
        documents.sort(key=lambda document: document.id)
        failures.sort(key=lambda failure: (not failure.fatal, failure.subject, failure.code))
        return corpus.evolve(
            documents=tuple(documents),
            failures=corpus.failures + tuple(failures),
            texts=DocumentStore(self.settings, sources),
        )

    def _cached(self, path: Path, doc_id: str, cache: Cache | None) -> tuple[Document | None, LoadItem]:
        """The earlier Document for the same bytes, path, id and loader code, or what loading needs.

        Cleaning and header reading are pure functions of these; a warm run so never imports
        trafilatura, pypdf or wordfreq. Raises InputError for a file that cannot be read.
        """
        if cache is None:
            return None, LoadItem(path, doc_id)
        data = _read_bytes(path, self.settings.max_file_bytes)  # raises as load_document would
        option = _published_option(self.settings, doc_id, path)
        key = text_hash(
            "\x1f".join([_loader_fingerprint(), str(path), doc_id, str(option), hashlib.sha256(data).hexdigest()])
        )
        cached = cache.get_blob(CACHE_NAMESPACE, key)
        if cached is not None:
            try:
                return Document.model_validate_json(cached), LoadItem(path, doc_id, key=key)
            except ValueError:
                pass  # a stale or damaged entry: load afresh
        return None, LoadItem(path, doc_id, data=data, key=key)


CACHE_NAMESPACE = "documents"


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
