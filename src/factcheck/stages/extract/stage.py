"""The extract stage: claims from every document, cached per document, failures recorded per file."""

from __future__ import annotations

import json
from typing import Any

from factcheck.cache import open_cache, text_hash
from factcheck.errors import FactcheckError, LongPassageError, ModelError
from factcheck.model import Claim, Corpus, Document, Failure
from factcheck.stages.extract.cache import CACHE_NAMESPACE, _cache_entry, _extractor_fingerprint
from factcheck.stages.extract.document import extract_document
from factcheck.stages.extract.parser import MODEL_PACKAGE


class ExtractStage:
    """Claims from the documents' bodies (see the package docstring for the rules)."""

    name = "extract"
    requires = ("documents",)
    assigns = ("claims",)

    def __init__(self, settings: Any, nlp: Any = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self.on_progress: Any = None  # (stage, documents done, documents in all), set by the pipeline

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            # Looked up on the package, where tests and embedders replace it.
            from factcheck.stages import extract

            self._nlp = extract.load_spacy()
        return self._nlp

    def extract_document(self, doc: Document, nlp: Any = None,
                         skipped: list[tuple[int, int]] | None = None) -> list[Claim]:
        return extract_document(doc, nlp or self.nlp, max_sentence_chars=self._max_sentence_chars(),
                                skipped=skipped)

    def _long_passages(self, doc: Document, skipped: list[tuple[int, int]]) -> Failure | None:
        """No silent drops: one note per document naming where passages were left out."""
        if not skipped:
            return None
        line, column = doc.line_col(skipped[0][0])
        count = len(skipped)
        error = LongPassageError(
            f"{count} passage{'s' if count != 1 else ''} ran over {self._max_sentence_chars():,} characters "
            f"(max_sentence_chars) without a sentence end and {'were' if count != 1 else 'was'} not checked",
            path=doc.path, line=line, column=column)
        return Failure(stage=self.name, subject=doc.path, message=str(error), code=error.code)

    def _max_sentence_chars(self) -> int:
        return int(getattr(self.settings, "max_sentence_chars", 2_000) or 2_000)

    def __call__(self, corpus: Corpus) -> Corpus:
        claims: list[Claim] = []
        failures = list(corpus.failures)
        cache = open_cache(self.settings)
        pending: list[tuple[Document, str]] = []
        for doc in corpus.documents:
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
        if pending:
            # spaCy loads only when some document is not in the cache: warm runs never import it.
            try:
                nlp = self.nlp
            except ModelError as exc:
                failures.append(Failure(stage=self.name, subject=MODEL_PACKAGE, message=str(exc), code=exc.code, fatal=True))
                return corpus.evolve(claims=tuple(claims), failures=tuple(failures))
        total = len(corpus.documents)
        for number, (doc, key) in enumerate(pending):
            if self.on_progress is not None:
                self.on_progress(self.name, total - len(pending) + number, total)
            skipped: list[tuple[int, int]] = []
            try:
                extracted = self.extract_document(doc, nlp, skipped=skipped)
            except FactcheckError as exc:
                failures.append(Failure(stage=self.name, subject=doc.path, message=str(exc), code=exc.code))
                continue
            except Exception as exc:  # errors are data: one bad document must not stop the run
                failures.append(Failure(stage=self.name, subject=doc.path,
                                        message=f"{type(exc).__name__}: {exc}", code="FC-E700"))
                continue
            claims.extend(extracted)
            note = self._long_passages(doc, skipped)
            if note is not None:
                failures.append(note)
            if cache:
                cache.put_blob(CACHE_NAMESPACE, key, json.dumps({
                    "claims": [claim.model_dump(mode="json") for claim in extracted],
                    "skipped": [list(pair) for pair in skipped],
                }))
        if self.on_progress is not None:
            self.on_progress(self.name, total, total)
        if cache:
            cache.close()
        claims.sort(key=lambda claim: (claim.doc, claim.span.start, claim.span.end))
        return corpus.evolve(claims=tuple(claims), failures=tuple(failures))

    def _cache_key(self, doc: Document) -> str:
        """Everything the claims depend on: the document, the extractor's code and the model."""
        parts = [_extractor_fingerprint(), doc.id, doc.text, doc.clean, str(doc.published), str(doc.body_start),
                 str(self._max_sentence_chars())]
        return text_hash("\x1f".join(parts))
