"""The extract stage's cache entries and the fingerprint of the code and model that produced them."""

from __future__ import annotations

import json

from factcheck.cache import code_fingerprint
from factcheck.model import Claim
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


def _extractor_fingerprint() -> str:
    """The extraction code (the per-document modules and every factcheck module they import) and the spaCy model's version."""
    return code_fingerprint(("factcheck.stages.extract.document", "factcheck.stages.extract.parser"), (MODEL_PACKAGE,))
