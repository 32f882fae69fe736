"""Embeddings: the real model from its package, and a cache that spares the model on re-runs."""

import pickle
import subprocess
import sys

import numpy as np
import pytest

from factcheck.config import Settings
from factcheck.stages.embed import SentenceTransformerEmbedder, embed_texts


class CountingEmbedder:
    name = "counting"

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return np.array([[len(text), 1.0] for text in texts], dtype=np.float32)


def test_cache_encodes_each_new_text_once(tmp_path):
    settings = Settings(cache_dir=tmp_path)
    embedder = CountingEmbedder()
    first = embed_texts(["alpha", "beta", "alpha"], embedder, settings)
    second = embed_texts(["beta", "gamma"], embedder, settings)
    assert embedder.calls == [["beta", "alpha"], ["gamma"]]  # within a chunk, shortest first: cut by length
    assert np.array_equal(first[1], second[0])
    assert np.array_equal(first[0], first[2])


def test_no_cache_always_encodes(tmp_path):
    settings = Settings(cache_dir=tmp_path, use_cache=False)
    embedder = CountingEmbedder()
    embed_texts(["alpha"], embedder, settings)
    embed_texts(["alpha"], embedder, settings)
    assert len(embedder.calls) == 2
    assert not any(tmp_path.iterdir())


def test_a_corrupt_cache_file_costs_speed_not_correctness(tmp_path):
    settings = Settings(cache_dir=tmp_path)
    (tmp_path / "cache-v1.sqlite3").write_bytes(b"this is not a database" * 100)
    vectors = embed_texts(["alpha"], CountingEmbedder(), settings)
    assert vectors[0].tolist() == [5.0, 1.0]


def test_importing_the_cli_loads_neither_torch_nor_spacy():
    code = "import sys, factcheck.cli; print(sorted(m for m in ('torch', 'spacy', 'sentence_transformers') if m in sys.modules))"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


@pytest.mark.slow
def test_real_model_loads_offline_and_separates_meaning():
    embedder = SentenceTransformerEmbedder()
    vectors = embedder.encode(
        [
            "The committee approved the budget on Tuesday.",
            "On Tuesday the budget was approved by the committee.",
            "Penguins live mostly in the southern hemisphere.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.8 > vectors[0] @ vectors[2]


def test_chunks_depend_on_the_texts_alone_not_on_their_order_or_the_cache_size(tmp_path, monkeypatch):
    # fp32 vectors depend on their batch in the last bits, so the batches must be a function of
    # the set of texts to encode: then any number of workers encodes the same batches.
    import factcheck.stages.embed as embed

    monkeypatch.setattr(embed, "CHUNK_TEXTS", 2)
    texts = ["a much longer sentence", "short", "mid length", "tiny", "another long one here"]
    forward, backward = CountingEmbedder(), CountingEmbedder()
    embed_texts(texts, forward, Settings(use_cache=False))
    embed_texts(texts[::-1], backward, Settings(use_cache=False))
    # Cut shortest first, sent longest first (no worker ends the stage alone on the longest texts).
    assert (
        forward.calls
        == backward.calls
        == [["a much longer sentence"], ["mid length", "another long one here"], ["tiny", "short"]]
    )


@pytest.mark.slow
def test_a_loaded_embedder_travels_to_another_process_and_encodes_the_same():
    # factcheck.run(embedder=...) sends the caller's embedder to its extraction workers; once the model
    # was loaded, pickling it failed ("Cowardly refusing to serialize non-leaf tensor").
    embedder = SentenceTransformerEmbedder()
    texts = ["The committee approved the budget on Tuesday.", "Penguins live mostly in the south."]
    before = embedder.encode(texts)
    copy = pickle.loads(pickle.dumps(embedder))
    assert copy.name == embedder.name and copy.batch_size == embedder.batch_size
    assert np.allclose(copy.encode(texts), before, atol=1e-6)
    assert embedder.encode(texts[:1]).shape == (1, 384)  # the original keeps its model
