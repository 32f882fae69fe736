"""The extract stage: claims from every document, cached per document, failures recorded per file.

Documents the cache lacks are parsed in partitions by the run's engine (``factcheck.engine``):
in this process, or on worker processes that each load spaCy once. A document's claims do not
depend on its partition, and results are put back in document order, so the output is the same
whatever the number of workers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from factcheck.budget import BudgetExceeded, time_budget
from factcheck.cache import open_cache, text_hash
from factcheck.engine import (
    DOCUMENTS_PER_PARTITION,
    MIN_PARALLEL_DOCUMENTS,
    Engine,
    Models,
    SerialEngine,
    partitions,
)
from factcheck.errors import DocumentLimitError, FactcheckError, LongPassageError, ModelError
from factcheck.model import Claim, Corpus, Document, DocumentHeader, Failure
from factcheck.stages.extract.cache import CACHE_NAMESPACE, _cache_entry, _extractor_fingerprint
from factcheck.stages.extract.document import extract_document
from factcheck.stages.extract.parser import MODEL_PACKAGE


@dataclass(frozen=True)
class ExtractJob:
    documents: tuple[Document, ...]
    max_sentence_chars: int
    document_seconds: float | None = None  # the time budget of one document (None: no budget)


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its claims and the passages left out, or why it failed (code, message)."""

    claims: tuple[Claim, ...] = ()
    skipped: tuple[tuple[int, int], ...] = ()
    error: tuple[str, str] | None = None


@dataclass(frozen=True)
class ExtractedPartition:
    documents: tuple[Extracted, ...] = ()
    model_error: tuple[str, str] | None = None  # spaCy could not be loaded: (code, message)


def extract_partition(job: ExtractJob, models: Models) -> ExtractedPartition:
    """Claims of each document of ``job``; a failing document is an outcome, not an exception."""
    try:
        nlp = models.nlp
    except ModelError as exc:
        return ExtractedPartition(model_error=(exc.code, str(exc)))
    outcomes: list[Extracted] = []
    for doc in job.documents:
        skipped: list[tuple[int, int]] = []
        try:
            with time_budget(job.document_seconds):
                claims = extract_document(doc, nlp, max_sentence_chars=job.max_sentence_chars, skipped=skipped)
        except BudgetExceeded:
            error = DocumentLimitError(
                f"took over {job.document_seconds:g} CPU seconds to extract claims from (document_seconds) and was not checked",
                path=doc.path,
            )
            outcomes.append(Extracted(error=(error.code, str(error))))
            continue
        except FactcheckError as exc:
            outcomes.append(Extracted(error=(exc.code, str(exc))))
            continue
        except Exception as exc:  # noqa: BLE001 - errors are data: one bad document must not stop the run
            outcomes.append(Extracted(error=("FC-E700", f"{type(exc).__name__}: {exc}")))
            continue
        outcomes.append(Extracted(claims=tuple(claims), skipped=tuple(skipped)))
    return ExtractedPartition(documents=tuple(outcomes))


class ExtractStage:
    """Claims from the documents' bodies (see the package docstring for the rules)."""

    name = "extract"
    requires = ("documents",)
    assigns = ("claims",)

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

    def _long_passages(self, doc: Document, skipped: list[tuple[int, int]]) -> Failure | None:
        """No silent drops: one note per document naming where passages were left out."""
        if not skipped:
            return None
        line, column = doc.line_col(skipped[0][0])
        count = len(skipped)
        error = LongPassageError(
            f"{count} passage{'s' if count != 1 else ''} ran over {self._max_sentence_chars():,} characters "
            f"(max_sentence_chars) without a sentence end and {'were' if count != 1 else 'was'} not checked",
            path=doc.path,
            line=line,
            column=column,
        )
        return Failure(stage=self.name, subject=doc.path, message=str(error), code=error.code)

    def _max_sentence_chars(self) -> int:
        return int(getattr(self.settings, "max_sentence_chars", 2_000) or 2_000)

    def __call__(self, corpus: Corpus) -> Corpus:
        claims: list[Claim] = []
        failures = list(corpus.failures)
        cache = open_cache(self.settings)
        pending: list[tuple[Document, str]] = []
        for header in corpus.documents:
            doc = corpus.text_of(header.id)
            key = self._cache_key(doc)
            cached = cache.get_blob(CACHE_NAMESPACE, key) if cache else None
            entry = _cache_entry(cached)
            if entry is not None:
                claims.extend(entry[0])
                note = self._long_passages(doc, entry[1])
                if note is not None:
                    failures.append(note)
            else:
                pending.append((doc, key))
        total = len(corpus.documents)
        done = total - len(pending)
        jobs = [
            ExtractJob(
                documents=tuple(doc for doc, _ in part),
                max_sentence_chars=self._max_sentence_chars(),
                document_seconds=getattr(self.settings, "document_seconds", None),
            )
            for part in partitions(pending, DOCUMENTS_PER_PARTITION)
        ]
        outcomes: list[Extracted | None] = [None] * len(pending)
        if self.on_progress is not None:
            self.on_progress(self.name, done, total)
        # spaCy loads (here or on the workers) only when some document is not in the cache.
        for index, partition in self.engine.map(
            extract_partition, jobs, parallel=len(pending) >= MIN_PARALLEL_DOCUMENTS
        ):
            if partition.model_error is not None:
                code, message = partition.model_error
                failures.append(Failure(stage=self.name, subject=MODEL_PACKAGE, message=message, code=code, fatal=True))
                if cache:
                    cache.close()
                return corpus.evolve(claims=tuple(claims), failures=tuple(failures))
            first = index * DOCUMENTS_PER_PARTITION
            for offset, outcome in enumerate(partition.documents):
                outcomes[first + offset] = outcome
                if cache and outcome.error is None:
                    cache.put_blob(
                        CACHE_NAMESPACE,
                        pending[first + offset][1],
                        json.dumps(
                            {
                                "claims": [claim.model_dump(mode="json") for claim in outcome.claims],
                                "skipped": [list(pair) for pair in outcome.skipped],
                            }
                        ),
                    )
            done += len(partition.documents)
            if self.on_progress is not None:
                self.on_progress(self.name, done, total)
        for (doc, _), outcome in zip(pending, outcomes):
            if outcome is None:  # pragma: no cover - every partition is yielded once
                continue
            if outcome.error is not None:
                code, message = outcome.error
                failures.append(Failure(stage=self.name, subject=doc.path, message=message, code=code))
                continue
            claims.extend(outcome.claims)
            note = self._long_passages(doc, list(outcome.skipped))
            if note is not None:
                failures.append(note)
        if self.on_progress is not None:
            self.on_progress(self.name, total, total)
        if cache:
            cache.close()
        claims.sort(key=lambda claim: (claim.doc, claim.span.start, claim.span.end))
        return corpus.evolve(claims=tuple(claims), failures=tuple(failures), documents=_headers(corpus))

    def _cache_key(self, doc: Document) -> str:
        """Everything the claims depend on: the document, the extractor's code and the model."""
        parts = [
            _extractor_fingerprint(),
            doc.id,
            doc.text,
            doc.clean,
            str(doc.published),
            str(doc.body_start),
            str(self._max_sentence_chars()),
        ]
        return text_hash("\x1f".join(parts))


def _headers(corpus: Corpus) -> tuple[DocumentHeader, ...]:
    """The documents without their texts, once the claims are out: the run's store reads a text back
    when the report or a check needs it (``Corpus.text_of``). A corpus without a store (one built by
    hand, not by the load stage) keeps its texts."""
    if corpus.texts is None:
        return corpus.documents
    return tuple(document.header() if isinstance(document, Document) else document for document in corpus.documents)
