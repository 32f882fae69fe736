"""The extract stage's cache entries, their keys, and the fingerprint of the code and model that produced them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from factcheck.cache import code_fingerprint, text_hash
from factcheck.model import Claim, Document, DocumentHeader
from factcheck.stages.extract.parser import MODEL_PACKAGE

CACHE_NAMESPACE = "claims"


def _cache_entry(cached: str | None) -> tuple[list[Claim], list[tuple[int, int]]] | None:
    """Claims and skipped passages from a cache blob; None when absent or unreadable (re-extract)."""
    if cached is None:
        return None
    try:
        data = json.loads(cached)
        claims = [Claim.model_validate(item) for item in data["claims"]]
        skipped = [(int(start), int(end)) for start, end in data["skipped"]]
    except Exception:  # noqa: BLE001 - a damaged or older entry costs a re-extraction, never the run
        return None
    return claims, skipped


def cache_blob(claims: Sequence[Claim], skipped: Sequence[tuple[int, int]]) -> str:
    """The cache entry of a document's claims and skipped passages (read by ``_cache_entry``)."""
    return json.dumps(
        {"claims": [claim.model_dump(mode="json") for claim in claims], "skipped": [list(pair) for pair in skipped]}
    )


def claims_key(doc: DocumentHeader, max_sentence_chars: int) -> str:
    """Everything a document's claims depend on: the document, the extractor's code and the model.

    The document counts by its id, dateline, body start and the hash of its text, cleaned text and
    offset map (``Document.content_hash``; a header whose text was let go carries it as ``text_hash``),
    so a warm run finds a cached document's claims from its header, without reading its text back.
    """
    if isinstance(doc, Document):
        content = doc.content_hash()
    elif doc.text_hash is not None:
        content = doc.text_hash
    else:
        raise ValueError(f"document {doc.id!r} has neither its text nor the hash of it")
    parts = [
        _extractor_fingerprint(),
        doc.id,
        content,
        str(doc.published),
        str(doc.body_start),
        str(max_sentence_chars),
    ]
    return text_hash("\x1f".join(parts))


def _extractor_fingerprint() -> str:
    """The extraction code (the per-document modules and every factcheck module they import) and the spaCy model's version."""
    return code_fingerprint(("factcheck.stages.extract.document", "factcheck.stages.extract.parser"), (MODEL_PACKAGE,))
