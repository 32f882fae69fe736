"""The two embedders: int8 ONNX agrees with fp32, imports no torch, and never shares a cache key."""

import subprocess
import sys

import numpy as np
import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Settings
from factcheck.stages.embed import OnnxInt8Embedder, SentenceTransformerEmbedder, make_embedder

SENTENCES = [
    "The committee approved the budget on Tuesday.",
    "On Tuesday the budget was approved by the committee.",
    "Penguins live mostly in the southern hemisphere.",
    "Japan launched its sixth quasi-zenith satellite from Tanegashima in February 2025.",
    "Unemployment fell to 4.2% in March, the lowest rate since 2019, the ministry said.",
    # longer than 256 tokens: both embedders must truncate at the same place
    "The report, which ran to several hundred pages, described in detail " + "the long delays, " * 120 + "and ended.",
]


def test_constructors_load_nothing_and_cache_names_differ():
    int8, fp32 = OnnxInt8Embedder(), SentenceTransformerEmbedder()
    assert int8._session is None and fp32._model is None
    assert int8.name != fp32.name
    assert "int8" in int8.name


def test_make_embedder_follows_settings():
    assert isinstance(make_embedder(Settings(embedder="minilm-int8")), OnnxInt8Embedder)
    assert isinstance(make_embedder(Settings(embedder="minilm")), SentenceTransformerEmbedder)


def test_cli_rejects_an_unknown_embedder():
    result = CliRunner().invoke(app, ["check", "--embedder", "bert-large"])
    assert result.exit_code == 2


def test_empty_input_needs_no_model():
    vectors = OnnxInt8Embedder().encode([])
    assert vectors.shape == (0, 384) and vectors.dtype == np.float32


@pytest.mark.slow
def test_int8_vectors_are_close_to_fp32():
    int8 = OnnxInt8Embedder().encode(SENTENCES)
    fp32 = SentenceTransformerEmbedder().encode(SENTENCES)
    assert int8.shape == fp32.shape == (len(SENTENCES), 384)
    assert int8.dtype == np.float32
    assert np.allclose(np.linalg.norm(int8, axis=1), 1.0, atol=1e-5)
    cosines = np.sum(int8 * fp32, axis=1)
    assert cosines.min() > 0.99, cosines
    assert int8[0] @ int8[1] > 0.8 > int8[0] @ int8[2]


@pytest.mark.slow
def test_int8_vector_does_not_depend_on_its_batch():
    embedder = OnnxInt8Embedder(batch_size=4)
    alone = embedder.encode([SENTENCES[0]])[0]
    batched = embedder.encode(SENTENCES[::-1])[len(SENTENCES) - 1]
    assert np.allclose(alone, batched, atol=1e-6)
    assert np.array_equal(embedder.encode(SENTENCES), embedder.encode(SENTENCES))


@pytest.mark.slow
def test_int8_embedder_never_imports_torch():
    code = (
        "import sys\n"
        "from factcheck.config import Settings\n"
        "from factcheck.stages.embed import make_embedder\n"
        "vectors = make_embedder(Settings(embedder='minilm-int8')).encode(['The budget was approved.'])\n"
        "assert vectors.shape == (1, 384)\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip().splitlines()[-1] == "[]"
