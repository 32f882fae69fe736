"""Shared fixtures: a deterministic fake embedder, the real spaCy pipeline, corpora from text."""

from __future__ import annotations

import hashlib
import os
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest

# Any attempt to reach a model hub must fail loudly, never fall back silently.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from factcheck.config import Settings  # noqa: E402
from factcheck.model import Corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


class FakeEmbedder:
    """Hashed bag of lower-cased words: overlapping wording gives similar vectors.

    Deterministic and instant, for tests of everything after the embed stage.
    """

    name = "fake-bow-256"
    dimensions = 256

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                bucket = int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dimensions
                vectors[row, bucket] += 1.0
            norm = np.linalg.norm(vectors[row])
            if norm:
                vectors[row] /= norm
        return vectors


@pytest.fixture(scope="session")
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy English pipeline, loaded once per test session."""
    from factcheck.stages.extract import load_spacy

    return load_spacy()


@pytest.fixture
def make_corpus(tmp_path, nlp, fake_embedder):
    """Build a corpus from ``{doc_id: text}`` through the real load, extract and cluster stages.

    ``published`` maps doc ids to dates (as ``--published`` would); ``checks`` limits the checks
    run (a list of Check classes; default: none, so tests of one check see only its findings).
    """

    def build(
        texts: dict[str, str],
        *,
        published: dict[str, date] | None = None,
        checks=(),
        context=None,
        suffix: str = ".txt",
        **settings_overrides,
    ) -> Corpus:
        folder = tmp_path / "docs"
        folder.mkdir(exist_ok=True)
        for doc_id, text in texts.items():
            (folder / f"{doc_id}{suffix}").write_text(text, encoding="utf-8")
        settings = Settings(
            paths=(folder,),
            published=published or {},
            use_cache=False,
            ledger_dir=None,
            resolutions=None,
            **settings_overrides,
        )
        from factcheck.pipeline import run

        return run(settings, embedder=fake_embedder, nlp=nlp, checks=list(checks), context=context).corpus

    return build


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say whether the HTML report's browser tests ran (CI logs must show it, not hide it in -ra)."""
    outcomes = {"passed": 0, "failed": 0, "skipped": 0}
    for outcome in outcomes:
        for report in terminalreporter.stats.get(outcome, []):
            if "test_html_report.py" in getattr(report, "nodeid", "") and "browser" in getattr(report, "keywords", {}):
                outcomes[outcome] += 1
    if any(outcomes.values()):
        terminalreporter.write_line(
            f"browser tests (headless Chromium): {outcomes['passed']} ran and passed, {outcomes['failed']} failed, "
            f"{outcomes['skipped']} skipped"
        )
