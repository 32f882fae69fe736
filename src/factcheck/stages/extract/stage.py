"""The extract stage: claims from every document, cached per document, failures recorded per file.

Documents the cache lacks are parsed in partitions by the run's engine (``factcheck.engine``):
in this process, or on worker processes that each load spaCy once. A document's claims do not
depend on its partition, and results are put back in document order, so the output is the same
whatever the number of workers.

Load and extract in one task. In a run (``build_stages``) the load stage hands on the files the
cache lacks unread (``Corpus.unread``); here each partition of them is read, decoded, cleaned and
extracted on one worker, which writes the document's and its claims' cache entries itself and
sends back only each document's header, claims and failure: the texts never travel to the client,
and the client never holds every text at once. The alternative, one stage doing both, would have
left no extract stage to use alone or to time, and no ``documents`` between the two for a
researcher's own stage; handing on keeps both stages usable alone (the load stage alone reads every
file into a Document, and this stage extracts from any Documents it is given) and the order honest:
this stage ``requires`` documents and ``assigns`` claims and the headers of the files it loaded.

The cache entries are the ones a one-process run writes, under the same content-addressed keys, so a
warm run after a Dask run hits them and the other way round. A worker writes them when it can read
the client's cache (the client leaves a probe entry there for the run: a worker of a cluster on
another machine cannot); one that cannot sends them back with its partition for the client to
write, one partition at a time. A document whose text the client does hold (one built by hand, or
read back from the cache because the extractor changed since) goes to the worker with its text, as
its partition leaves.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from factcheck.budget import BudgetExceeded, time_budget
from factcheck.cache import Cache, open_cache
from factcheck.engine import (
    DOCUMENTS_PER_PARTITION,
    MIN_PARALLEL_DOCUMENTS,
    Engine,
    LazyJobs,
    Models,
    SerialEngine,
    partitions,
)
from factcheck.errors import DocumentLimitError, FactcheckError, LongPassageError, ModelError
from factcheck.model import Claim, Corpus, Document, DocumentHeader, Failure
from factcheck.stages.extract.cache import CACHE_NAMESPACE, _cache_entry, cache_blob, claims_key
from factcheck.stages.extract.document import extract_document
from factcheck.stages.extract.filed import read_filed_days
from factcheck.stages.extract.parser import MODEL_PACKAGE
from factcheck.stages.load.stage import CACHE_NAMESPACE as DOCUMENTS_NAMESPACE
from factcheck.stages.load.stage import LoadItem, failure_order, load_item, with_bytes

# The entry a run leaves in its cache for its workers to find: one that reads it shares the client's cache.
PROBE_NAMESPACE = "run-probe"


@dataclass(frozen=True)
class ExtractJob:
    """A partition: documents at hand, or files to load first (``LoadItem``, with their bytes)."""

    documents: tuple[Document | LoadItem, ...]
    max_sentence_chars: int
    document_seconds: float | None = None  # the time budget of one document (None: no budget)
    settings: Any = None  # loading's settings, and the cache's (None: no cache)
    cache_probe: str | None = None  # the run's probe entry; None: the client has no cache


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its claims and the passages left out, or why it failed (code, message).

    ``header``: the document's header when it was loaded in the task (its text stays there);
    ``failure``: why it was not loaded or extracted, or where passages were left out;
    ``entries``: cache entries for the client to write (namespace, key, data), from a worker that
    cannot reach the client's cache."""

    claims: tuple[Claim, ...] = ()
    skipped: tuple[tuple[int, int], ...] = ()
    error: tuple[str, str] | None = None
    header: DocumentHeader | None = None
    failure: Failure | None = None
    entries: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class ExtractedPartition:
    documents: tuple[Extracted, ...] = ()
    model_error: tuple[str, str] | None = None  # spaCy could not be loaded: (code, message)


def extract_partition(job: ExtractJob, models: Models) -> ExtractedPartition:
    """Claims of each document of ``job`` (loading it first when it is a file); a failing document is
    an outcome, not an exception."""
    cache = _shared_cache(job)
    try:
        return ExtractedPartition(documents=tuple(_extract_item(item, job, models, cache) for item in job.documents))
    except ModelError as exc:
        return ExtractedPartition(model_error=(exc.code, str(exc)))
    finally:
        if cache is not None:
            cache.close()


def _shared_cache(job: ExtractJob) -> Cache | None:
    """The client's cache when this worker can read it (it finds the run's probe entry), else None."""
    if job.cache_probe is None:
        return None
    cache = open_cache(job.settings)
    if cache is not None and cache.get_blob(PROBE_NAMESPACE, job.cache_probe) is None:
        cache.close()
        return None
    return cache


def _extract_item(item: Document | LoadItem, job: ExtractJob, models: Models, cache: Cache | None) -> Extracted:
    entries: list[tuple[str, str, str]] = []
    header: DocumentHeader | None = None
    if isinstance(item, LoadItem):
        loaded = _load(item, job, cache, entries)
        if isinstance(loaded, Failure):
            return Extracted(failure=loaded)
        document, header = loaded, loaded.header()
    else:
        document = item
    key = claims_key(header or document, job.max_sentence_chars)  # a header has its text's hash already
    entry = _cache_entry(cache.get_blob(CACHE_NAMESPACE, key)) if cache is not None else None
    if entry is not None:
        claims, skipped = entry
    else:
        nlp = models.nlp  # a ModelError ends the partition: the stage reports it once
        skipped = []
        try:
            with time_budget(job.document_seconds):
                claims = extract_document(document, nlp, max_sentence_chars=job.max_sentence_chars, skipped=skipped)
        except BudgetExceeded:
            error: FactcheckError = DocumentLimitError(
                f"took over {job.document_seconds:g} CPU seconds to extract claims from (document_seconds) and was not checked",
                path=document.path,
            )
            return _failed(document, header, (error.code, str(error)), entries)
        except FactcheckError as exc:
            return _failed(document, header, (exc.code, str(exc)), entries)
        except Exception as exc:  # noqa: BLE001 - errors are data: one bad document must not stop the run
            return _failed(document, header, ("FC-E700", f"{type(exc).__name__}: {exc}"), entries)
        _keep(cache, entries, CACHE_NAMESPACE, key, cache_blob(claims, skipped), job.cache_probe)
    return Extracted(
        claims=tuple(claims),
        skipped=tuple(skipped),
        header=header,
        failure=long_passages(document, skipped, job.max_sentence_chars),
        entries=tuple(entries),
    )


def _load(
    item: LoadItem, job: ExtractJob, cache: Cache | None, entries: list[tuple[str, str, str]]
) -> Document | Failure:
    """The file's Document: from the client's cache when this worker reads it, else loaded from its bytes."""
    if cache is not None and item.key is not None:
        stored = cache.get_blob(DOCUMENTS_NAMESPACE, item.key)
        if stored is not None:
            try:
                return Document.model_validate_json(stored)
            except ValueError:
                pass  # a stale or damaged entry: load afresh
    loaded = load_item(item, job.settings)
    if isinstance(loaded, Document) and item.key is not None:
        _keep(cache, entries, DOCUMENTS_NAMESPACE, item.key, loaded.model_dump_json(), job.cache_probe)
    return loaded


def _keep(
    cache: Cache | None, entries: list[tuple[str, str, str]], namespace: str, key: str, data: str, probe: str | None
) -> None:
    """A cache entry written here when this worker shares the client's cache, else sent back for the client."""
    if cache is not None:
        cache.put_blob(namespace, key, data)
    elif probe is not None:
        entries.append((namespace, key, data))


def _failed(
    document: Document, header: DocumentHeader | None, error: tuple[str, str], entries: list[tuple[str, str, str]]
) -> Extracted:
    """A document whose extraction failed: not cached, so it is tried again and reported again next run."""
    code, message = error
    failure = Failure(stage="extract", subject=document.path, message=message, code=code)
    return Extracted(error=error, header=header, failure=failure, entries=tuple(entries))


def long_passages(doc: Document, skipped: list[tuple[int, int]], max_sentence_chars: int) -> Failure | None:
    """No silent drops: one note per document naming where passages were left out."""
    if not skipped:
        return None
    line, column = doc.line_col(skipped[0][0])
    count = len(skipped)
    error = LongPassageError(
        f"{count} passage{'s' if count != 1 else ''} ran over {max_sentence_chars:,} characters "
        f"(max_sentence_chars) without a sentence end and {'were' if count != 1 else 'was'} not checked",
        path=doc.path,
        line=line,
        column=column,
    )
    return Failure(stage="extract", subject=doc.path, message=str(error), code=error.code)


class ExtractStage:
    """Claims from the documents' bodies (see the package docstring for the rules), loading the files
    the load stage handed on unread."""

    name = "extract"
    requires = ("documents",)
    # The headers of the files handed on unread join the documents here.
    assigns = ("claims", "documents")

    def __init__(self, settings: Any, nlp: Any = None, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or SerialEngine(Models(settings, nlp=nlp))
        self.on_progress: Any = None  # (stage, documents done, documents in all), set by the pipeline

    @property
    def nlp(self) -> Any:
        return self.engine.models.nlp

    def extract_document(
        self, doc: Document, nlp: Any = None, skipped: list[tuple[int, int]] | None = None
    ) -> list[Claim]:
        return extract_document(doc, nlp or self.nlp, max_sentence_chars=self._max_sentence_chars(), skipped=skipped)

    def _max_sentence_chars(self) -> int:
        return int(getattr(self.settings, "max_sentence_chars", 2_000) or 2_000)

    def __call__(self, corpus: Corpus) -> Corpus:
        claims: list[Claim] = []
        documents: list[DocumentHeader] = []
        load_failures: list[Failure] = []
        extract_failures: list[tuple[str, Failure]] = []  # (document id, failure): reported in document order
        cache = open_cache(self.settings)
        # Documents at hand, headers whose text is read back as their partition leaves, files to load there.
        pending: list[Document | DocumentHeader | LoadItem] = []
        for header in corpus.documents:
            # A cached document's header carries its text's hash: its claims are found without its text.
            keyed = header if isinstance(header, Document) or header.text_hash else corpus.text_of(header.id)
            key = claims_key(keyed, self._max_sentence_chars())
            entry = _cache_entry(cache.get_blob(CACHE_NAMESPACE, key)) if cache else None
            if entry is None:
                pending.append(header)
                continue
            claims.extend(entry[0])
            if entry[1]:  # passages left out: the note gives the line of the first, from the text
                note = long_passages(corpus.text_of(header.id), entry[1], self._max_sentence_chars())
                if note is not None:
                    extract_failures.append((header.id, note))
            documents.append(self._kept(header, corpus))
        pending.extend(corpus.unread)
        total = len(corpus.documents) + len(corpus.unread)
        done = total - len(pending)
        probe = uuid.uuid4().hex if cache else None
        if cache and probe:
            cache.put_blob(PROBE_NAMESPACE, probe, "1")
        parts = partitions(pending, DOCUMENTS_PER_PARTITION)
        jobs = LazyJobs(parts, lambda part: self._job(part, corpus, probe))
        if self.on_progress is not None:
            self.on_progress(self.name, done, total)
        model_error: tuple[str, str] | None = None
        unanswered = set(range(len(parts)))
        try:
            # spaCy loads (here or on the workers) only when some document is not in the cache.
            for index, partition in self.engine.map(
                extract_partition, jobs, parallel=len(pending) >= MIN_PARALLEL_DOCUMENTS
            ):
                if partition.model_error is not None:
                    model_error = partition.model_error
                    break
                unanswered.discard(index)
                for item, outcome in zip(parts[index], partition.documents):
                    for namespace, key, data in outcome.entries:
                        if cache:
                            cache.put_blob(namespace, key, data)
                    if outcome.failure is not None and outcome.failure.stage == "load":
                        load_failures.append(outcome.failure)  # failures are not cached: re-read and re-reported
                        continue
                    if isinstance(item, LoadItem):
                        assert outcome.header is not None  # a file loaded in the task comes back as its header
                        header = outcome.header
                    else:
                        header = self._kept(item, corpus)
                    if outcome.failure is not None:
                        extract_failures.append((header.id, outcome.failure))
                    claims.extend(outcome.claims)
                    documents.append(header)
                done += len(partition.documents)
                if self.on_progress is not None:
                    self.on_progress(self.name, done, total)
        finally:
            if cache:
                if probe:
                    cache.delete_blob(PROBE_NAMESPACE, probe)
                cache.close()
        failures = _failures(corpus, load_failures, extract_failures)
        if model_error is not None:
            # The documents at hand stay; files never loaded have no header to keep.
            documents.extend(
                self._kept(item, corpus)
                for index in sorted(unanswered)
                for item in parts[index]
                if not isinstance(item, LoadItem)
            )
            code, message = model_error
            failures.append(Failure(stage=self.name, subject=MODEL_PACKAGE, message=message, code=code, fatal=True))
        elif self.on_progress is not None:
            self.on_progress(self.name, total, total)
        claims.sort(key=lambda claim: (claim.doc, claim.span.start, claim.span.end))
        documents.sort(key=lambda document: document.id)
        # A wire dateline without its year takes the one its story or the run gives, once every document is in.
        documents, claims = read_filed_days(documents, claims)
        return corpus.evolve(claims=tuple(claims), failures=tuple(failures), documents=tuple(documents), unread=())

    def _job(self, part: list[Document | DocumentHeader | LoadItem], corpus: Corpus, probe: str | None) -> ExtractJob:
        """A partition as it leaves: files with their bytes, headers with their texts read back."""
        items: list[Document | LoadItem] = []
        for item in part:
            if isinstance(item, LoadItem):
                items.append(with_bytes(item, self.settings))
            else:
                items.append(corpus.text_of(item.id))
        return ExtractJob(
            documents=tuple(items),
            max_sentence_chars=self._max_sentence_chars(),
            document_seconds=getattr(self.settings, "document_seconds", None),
            settings=self.settings,
            cache_probe=probe,
        )

    @staticmethod
    def _kept(document: DocumentHeader, corpus: Corpus) -> DocumentHeader:
        """What the corpus keeps of a document once its claims are out: its header, the run's store reading
        the text back when the report or a check needs it (``Corpus.text_of``). A corpus without a store
        (one built by hand, not by the load stage) keeps its texts."""
        if corpus.texts is None or not isinstance(document, Document):
            return document
        return document.header()


def _failures(
    corpus: Corpus, load_failures: list[Failure], extract_failures: list[tuple[str, Failure]]
) -> list[Failure]:
    """The corpus's failures with the files that failed to load here among the load stage's own (in its
    order), then the extraction's, in document order whichever came from the cache."""
    earlier = [failure for failure in corpus.failures if failure.stage != "load"]
    loading = sorted(
        [failure for failure in corpus.failures if failure.stage == "load"] + load_failures, key=failure_order
    )
    extract_failures.sort(key=lambda pair: pair[0])
    return earlier + loading + [failure for _, failure in extract_failures]
