"""Cached check results: a warm run reuses them, and any change to what a check reads runs it again.

Real load, extract and cluster stages (the session's spaCy, the fake embedder), a real cache in a
temporary folder. A check that counts its real runs shows when the cache answers; the default
checks show that a warm report is the cold report byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checks.base import Check
from factcheck.config import Settings
from factcheck.pipeline import run
from factcheck.reporters.json import JsonReporter
from factcheck.stages import check_cache

TEXTS = {
    "harbour-a": "Harbour Plan Approved\n\nMarch 3, 2024\n\nThe harbour board voted on 2 March 2024 to extend "
    "the northern pier by 40 metres. Board chair Jane Roe said the work would cost 3 million pounds.\n",
    "harbour-b": "Pier Extension Backed\n\nMarch 4, 2024\n\nThe harbour board voted on 1 March 2024 to extend "
    "the northern pier by 45 metres, said chair Jane Roe, who put the cost at 4 million pounds.\n",
}
LEDGER = """version: 1
people:
  - name: Jane Roe
    source: test
    roles:
      - title: chair
        organisation: harbour board
        start: 2019-01
"""
LEDGER_CHANGED = LEDGER.replace("2019-01", "2020-06")


class LedgerReadingCheck(Check):
    """Counts its real runs and reports how many people the ledger holds."""

    code = "FC991"
    slug = "ledger-reading"
    runs = 0

    def run(self, corpus, context):
        type(self).runs += 1
        self.people = len(context.ledger.people) if context.ledger is not None else 0
        return []

    def report_data(self, corpus, findings):
        return {"people": self.people}


class CrashingCheck(Check):
    code = "FC992"
    slug = "crashing"
    runs = 0

    def run(self, corpus, context):
        type(self).runs += 1
        raise RuntimeError("broken on purpose")


@pytest.fixture
def workspace(tmp_path: Path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    ledger = tmp_path / "claims"
    ledger.mkdir()
    (ledger / "ledger.yaml").write_text(LEDGER, encoding="utf-8")
    for check_class in (LedgerReadingCheck, CrashingCheck):
        check_class.runs = 0
    return tmp_path


def settings_for(workspace: Path, **overrides) -> Settings:
    values = dict(
        paths=(workspace / "docs",),
        cache_dir=workspace / "cache",
        ledger_dir=workspace / "claims",
        resolutions=None,
        ignore=("garbled-wording", "divergence"),
    )
    values.update(overrides)
    return Settings(**values)


def run_counting(workspace: Path, nlp, fake_embedder, **overrides):
    checks = [LedgerReadingCheck, CrashingCheck]
    return run(settings_for(workspace, **overrides), embedder=fake_embedder, nlp=nlp, checks=checks)


def test_a_warm_run_reuses_the_checks_results(workspace, nlp, fake_embedder):
    first = run_counting(workspace, nlp, fake_embedder)
    second = run_counting(workspace, nlp, fake_embedder)
    assert LedgerReadingCheck.runs == 1
    assert second.corpus.extras["checks"] == first.corpus.extras["checks"] == {"ledger-reading": {"people": 1}}
    # A check that crashed is not cached: it runs, and fails, again.
    assert CrashingCheck.runs == 2
    assert any(failure.subject == "crashing" for failure in second.corpus.failures)


def test_without_the_cache_every_run_checks(workspace, nlp, fake_embedder):
    run_counting(workspace, nlp, fake_embedder, use_cache=False)
    run_counting(workspace, nlp, fake_embedder, use_cache=False)
    assert LedgerReadingCheck.runs == 2


def test_an_edited_document_runs_the_checks_again(workspace, nlp, fake_embedder):
    run_counting(workspace, nlp, fake_embedder)
    path = workspace / "docs" / "harbour-b.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("45 metres", "50 metres"), encoding="utf-8")
    run_counting(workspace, nlp, fake_embedder)
    assert LedgerReadingCheck.runs == 2


def test_a_changed_ledger_runs_the_checks_again(workspace, nlp, fake_embedder):
    run_counting(workspace, nlp, fake_embedder)
    (workspace / "claims" / "ledger.yaml").write_text(LEDGER_CHANGED, encoding="utf-8")
    run_counting(workspace, nlp, fake_embedder)
    assert LedgerReadingCheck.runs == 2


def test_a_changed_setting_runs_the_checks_again_but_not_a_run_only_one(workspace, nlp, fake_embedder):
    run_counting(workspace, nlp, fake_embedder)
    run_counting(workspace, nlp, fake_embedder, thresholds={"date-conflict.min_strength": 0.5})
    assert LedgerReadingCheck.runs == 2
    # How the run is carried out, or which severity a finding gets, changes nothing a check finds.
    run_counting(workspace, nlp, fake_embedder, thresholds={"date-conflict.min_strength": 0.5}, jobs=1)
    run_counting(
        workspace,
        nlp,
        fake_embedder,
        thresholds={"date-conflict.min_strength": 0.5},
        severity={"ledger-reading": "error"},
    )
    assert LedgerReadingCheck.runs == 2


def test_a_new_code_version_runs_the_checks_again(workspace, nlp, fake_embedder, monkeypatch):
    run_counting(workspace, nlp, fake_embedder)
    monkeypatch.setattr(check_cache, "_code_fingerprint", lambda check_class: "another version of factcheck")
    run_counting(workspace, nlp, fake_embedder)
    assert LedgerReadingCheck.runs == 2


def test_a_changed_check_file_runs_that_check_again(workspace, nlp, fake_embedder, monkeypatch):
    run_counting(workspace, nlp, fake_embedder)
    original = check_cache._check_fingerprint
    monkeypatch.setattr(
        check_cache, "_check_fingerprint", lambda check_class: (original(check_class) or "") + " edited"
    )
    run_counting(workspace, nlp, fake_embedder)
    assert LedgerReadingCheck.runs == 2


def test_the_warm_report_is_the_cold_report_byte_for_byte(workspace, nlp, fake_embedder):
    # The default checks, with a severity override and findings applied after the cache.
    settings = settings_for(workspace, severity={"numeric-conflict": "error"})
    cold = JsonReporter().render(run(settings, embedder=fake_embedder, nlp=nlp))
    cache = check_cache_entries(workspace)
    assert cache > 0
    warm = JsonReporter().render(run(settings, embedder=fake_embedder, nlp=nlp))
    assert warm == cold
    assert '"numeric-conflict"' in cold or '"date-conflict"' in cold  # the checks did find something


def check_cache_entries(workspace: Path) -> int:
    from factcheck.cache import Cache

    cache = Cache(workspace / "cache")
    try:
        return cache.counts().get(check_cache.CACHE_NAMESPACE, 0)
    finally:
        cache.close()


def test_a_refitted_shipped_model_runs_the_checks_again(workspace, nlp, fake_embedder, monkeypatch):
    # A learned gate (factcheck/models/*.json) decides what a check finds as its code does.
    run_counting(workspace, nlp, fake_embedder)
    monkeypatch.setattr(check_cache, "_shipped_models_fingerprint", lambda: "a refitted gate")
    run_counting(workspace, nlp, fake_embedder)
    assert LedgerReadingCheck.runs == 2


def test_the_models_digest_follows_every_model_file_and_nothing_else(tmp_path):
    (tmp_path / "gate.json").write_text('{"bias": 0.5}')
    (tmp_path / "notes.txt").write_text("fitted on dev")
    before = check_cache.models_digest(tmp_path)
    (tmp_path / "notes.txt").write_text("fitted on both folds")
    assert check_cache.models_digest(tmp_path) == before
    (tmp_path / "gate.json").write_text('{"bias": 0.6}')
    assert check_cache.models_digest(tmp_path) != before
    (tmp_path / "gate.json").write_text('{"bias": 0.5}')
    (tmp_path / "other_gate.json").write_text("{}")
    assert check_cache.models_digest(tmp_path) != before
