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


class NeutralLM:
    """Reads every word as its everyday frequency expects and knows no near-synonyms, so the
    language-model checks run their whole path and flag nothing. Instant: the fast suite's
    stand-in for Gemma, which the spin checks' own tests replace with fakes that know more."""

    name = "fake-neutral"

    def score_tokens(self, texts, top_k=0, probes=None):
        from factcheck.nlp.lm import TokenScore
        from factcheck.nlp.spin import frequency_logprob

        return [
            [
                TokenScore(m.start(), m.end(), m.group(), frequency_logprob(m.group()) if m.group().isalpha() else -2.0)
                for m in re.finditer(r"\w+|[^\w\s]", text)
            ]
            for text in texts
        ]

    def score_continuations(self, prefix, suffixes):
        from dataclasses import replace

        scored = self.score_tokens([prefix + suffix for suffix in suffixes])
        return [
            [replace(t, start=t.start - len(prefix), end=t.end - len(prefix)) for t in tokens if t.start >= len(prefix)]
            for tokens in scored
        ]

    def sequence_logprobs(self, texts):
        return [sum(token.logprob for token in tokens) for tokens in self.score_tokens(texts)]

    def neighbours(self, word, count=50):
        return []


@pytest.fixture(autouse=True)
def no_real_language_model(request, monkeypatch):
    """Outside tests marked slow, the language-model checks (on by default) read with NeutralLM,
    and loading the real model fails loudly: the fast suite must stay fast."""
    if request.node.get_closest_marker("slow") is not None:
        return
    from factcheck.checks.base import LanguageModelCheck
    from factcheck.nlp.lm import GemmaLM

    def refuse(self):
        raise AssertionError("the fast suite loaded the real language model: mark the test slow or inject a fake")

    monkeypatch.setattr(LanguageModelCheck, "language_model", NeutralLM())
    monkeypatch.setattr(GemmaLM, "_load", refuse)


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
