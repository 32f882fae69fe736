"""Loading a model: what every model load in factcheck shares (spaCy, the encoders)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a model loads, back to how it was after.

    Importing torch, transformers or spaCy and building a model allocate hundreds of thousands of
    objects that all stay alive; the collector re-scans them again and again while they pile up
    (a sixth of the encoder's ~6 CPU-s of loading in each worker). Nothing is leaked: garbage
    made meanwhile is collected at the next collection.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
