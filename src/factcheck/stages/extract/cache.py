"""The extract stage's cache entries and the fingerprint of the code and model that produced them."""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import metadata
from pathlib import Path

from factcheck.model import Claim
from factcheck.stages.extract.parser import MODEL_PACKAGE

CACHE_NAMESPACE = "claims"
# The factcheck.nlp modules extraction imports (directly or through each other).
_EXTRACTION_MODULES = ("quotes", "roles", "timex", "quantities")


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


@functools.lru_cache(maxsize=1)
def _extractor_fingerprint() -> str:
    """A hash of the extraction code (every module of this package) and the spaCy model version, so a change to either misses."""
    here = Path(__file__).resolve().parent
    package = here.parent.parent
    # Only the modules extraction runs: an edit to nlp/lm.py or nlp/names.py (checks) keeps the claims.
    sources = [
        package / "model.py",
        *sorted(here.glob("*.py")),
        *(package / "nlp" / f"{module}.py" for module in _EXTRACTION_MODULES),
    ]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    try:
        digest.update(metadata.version(MODEL_PACKAGE).encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()
