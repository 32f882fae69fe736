"""The pairwise checks' pass over candidate blocks: the same findings whoever aligns the pairs.

date-conflict, numeric-conflict and attribution-conflict read the aligned candidate pairs. Run
whole (no engine) they align on the client; with an engine their one shared pass aligns blocks of
pairs on the workers (``factcheck.stages.check_alignments``). A small multi-outlet corpus where all
three fire (real spaCy, the tests' fake embedder) is checked both ways and the findings compared
field by field, in order. The workers are real spawned processes (they load no model: aligning
needs none), so the local tests are in the fast suite; the LocalCluster one is slow.
"""

from __future__ import annotations

import pytest
from conftest import FakeEmbedder

from factcheck.checks.attribution_conflict import AttributionConflictCheck
from factcheck.checks.date_conflict import DateConflictCheck
from factcheck.checks.numeric_conflict import NumericConflictCheck
from factcheck.config import Settings
from factcheck.engine import DaskEngine, Models, ProcessEngine, SerialEngine
from factcheck.model import Corpus
from factcheck.pipeline import build_stages, run_stages
from factcheck.stages import check_alignments
from factcheck.stages.check import CheckStage

PAIRWISE = [DateConflictCheck, NumericConflictCheck, AttributionConflictCheck]

# One story told by seven outlets, each changing one thing: the day of the vote, the pier's length,
# Roe's title, the cost and the year built, the month it opens and the council's seats.
STORY = (
    "Harbour Board Extends Pier\n\nMarch {day}, 2024\n\n"
    "The harbour board voted on {vote} March 2024 to extend the northern pier by {metres} metres. "
    "Board {title} Jane Roe said the extension would cost {cost} million pounds and open in {opens}. "
    "The pier was first built in {built} by the town council, which has {seats} seats.\n"
)
TOLD = dict(vote=2, metres=40, title="chair", cost=3, opens="June 2025", built=1898, seats=12)
CHANGES = [
    {},
    {},
    {"vote": 3},
    {"metres": 45},
    {"title": "vice chair"},
    {"cost": 5, "built": 1889},
    {"opens": "July 2025", "seats": 14},
]


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    folder = tmp_path_factory.mktemp("outlets")
    for number, change in enumerate(CHANGES):
        text = STORY.format(day=4 + number // 2, **{**TOLD, **change})
        (folder / f"outlet-{number}.txt").write_text(text, encoding="utf-8")
    return Settings(paths=(folder,), use_cache=False, ledger_dir=None, resolutions=None)


@pytest.fixture(scope="module")
def clustered(settings, nlp) -> Corpus:
    """The corpus up to the check stage (load, extract, embed, cluster, corroborate), built once."""
    return run_stages(build_stages(settings, nlp=nlp, embedder=FakeEmbedder())[:-1])


def checked(corpus: Corpus, settings: Settings, engine=None, checks=PAIRWISE) -> Corpus:
    return CheckStage(settings, checks=list(checks), engine=engine)(corpus)


def dumped(corpus: Corpus) -> list[dict]:
    return [finding.model_dump(mode="json") for finding in corpus.findings]


@pytest.fixture(scope="module")
def whole(clustered, settings) -> Corpus:
    """Each check run whole, here: the reference."""
    corpus = checked(clustered, settings)
    fired = {finding.check for finding in corpus.findings}
    assert fired == {check.slug for check in PAIRWISE}, f"the corpus must make every pairwise check fire: {fired}"
    return corpus


def test_blocks_on_two_local_workers_give_the_findings_of_the_whole_run(clustered, settings, whole, monkeypatch):
    monkeypatch.setattr(check_alignments, "PAIRS_PER_BLOCK", 5)  # enough blocks to go to the workers
    monkeypatch.setattr(check_alignments, "MIN_LOCAL_WORKERS", 2)  # and two are enough
    engine = ProcessEngine(Models(settings), workers=2)
    try:
        blocked = checked(clustered, settings, engine)
        started = len(engine._pool)
    finally:
        engine.close()
    assert started == 2, "the blocks should have run on the workers"
    assert dumped(blocked) == dumped(whole)
    assert blocked.extras["candidate_pairs"] == whole.extras["candidate_pairs"]


@pytest.mark.parametrize("pairs_per_block", [1, 7, 10_000])
def test_the_findings_do_not_depend_on_the_block_size(clustered, settings, whole, monkeypatch, pairs_per_block):
    monkeypatch.setattr(check_alignments, "PAIRS_PER_BLOCK", pairs_per_block)
    assert dumped(checked(clustered, settings, SerialEngine(Models(settings)))) == dumped(whole)


@pytest.mark.parametrize(
    ("pairs_per_block", "min_local_workers"),
    [(10_000, 2), (5, 3)],  # one block, under min_parallel_blocks; many, but fewer workers than pay
)
def test_the_pass_stays_on_the_client_when_workers_would_not_pay(
    clustered, settings, whole, monkeypatch, pairs_per_block, min_local_workers
):
    monkeypatch.setattr(check_alignments, "PAIRS_PER_BLOCK", pairs_per_block)
    monkeypatch.setattr(check_alignments, "MIN_LOCAL_WORKERS", min_local_workers)
    engine = ProcessEngine(Models(settings), workers=2)
    try:
        blocked = checked(clustered, settings, engine)
        assert engine._pool == []
    finally:
        engine.close()
    assert dumped(blocked) == dumped(whole)


def test_the_pairs_are_aligned_once_for_all_the_pairwise_checks(clustered, settings, monkeypatch):
    from factcheck.nlp import align

    aligned: list[int] = []
    real = align.PairAligner.__call__

    def counting(self, left_id, right_id):
        aligned.append(1)
        return real(self, left_id, right_id)

    monkeypatch.setattr(align.PairAligner, "__call__", counting)
    corpus = checked(clustered, settings, SerialEngine(Models(settings)))
    assert len(aligned) == corpus.extras["candidate_pairs"]["date-conflict"]


class RaisingDateConflict(DateConflictCheck):
    """date-conflict whose judging fails on whatever runs it."""

    slug = "raising-date-conflict"

    def judge(self, alignment, inputs):
        raise ValueError("judging failed")


def test_a_check_that_raises_on_a_worker_fails_alone(clustered, settings, whole, monkeypatch):
    monkeypatch.setattr(check_alignments, "PAIRS_PER_BLOCK", 5)
    monkeypatch.setattr(check_alignments, "MIN_LOCAL_WORKERS", 2)
    engine = ProcessEngine(Models(settings), workers=2)
    try:
        corpus = checked(
            clustered, settings, engine, [RaisingDateConflict, NumericConflictCheck, AttributionConflictCheck]
        )
    finally:
        engine.close()
    [failure] = [failure for failure in corpus.failures if failure.stage.startswith("check:")]
    assert failure.subject == "raising-date-conflict" and "judging failed" in failure.message
    others = [finding for finding in dumped(whole) if finding["check"] != "date-conflict"]
    assert dumped(corpus) == others


@pytest.mark.slow
def test_blocks_on_a_dask_local_cluster_give_the_findings_of_the_whole_run(clustered, settings, whole, monkeypatch):
    monkeypatch.setattr(check_alignments, "PAIRS_PER_BLOCK", 5)
    engine = DaskEngine(Models(settings), workers=2)
    try:
        blocked = checked(clustered, settings, engine)
    finally:
        engine.close()
    assert dumped(blocked) == dumped(whole)
