"""Engines: the same JSON report whatever runs the work (this process, N local processes, a Dask cluster).

The workers are real: spawned processes and a real dask.distributed LocalCluster with two worker
processes, each loading the real spaCy pipeline once. The embedder is the tests' fake (batch
independent, instant), pickled to the workers as a caller's model is; so is the spin tests' fake
language model, which travels with the checks whose blocks run on the workers (garbled-wording
per document). Slow: each test starts workers that load spaCy.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from checks._spinfakes import BigramLM
from conftest import FakeEmbedder

from factcheck.checks.base import Check, LanguageModelCheck
from factcheck.config import Settings
from factcheck.pipeline import run
from factcheck.reporters.json import JsonReporter
from factcheck.stages import cluster
from factcheck.stages.check import select_checks
from factcheck.stages.cluster import link_pieces as real_link_pieces
from factcheck.stages.cluster import search_block as real_search_block

# Enough documents that load and extract go to the workers (MIN_PARALLEL_DOCUMENTS), in several partitions.
DOCUMENTS = 26
STORY = (
    "Council Approves Harbour Plan\n\nMarch {day}, 2024\n\n"
    "The harbour board voted on {day} March 2024 to extend the northern pier by {metres} metres. "
    "Board chair Jane Roe said the work would cost {cost} million pounds.\n\n"
    '"We have waited {years} years for this," said Roe, who has led the board since 2019.\n'
)


def write_corpus(folder: Path, count: int = DOCUMENTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        text = STORY.format(day=1 + number % 27, metres=40 + number % 3 * 5, cost=2 + number % 4, years=10 + number % 2)
        (folder / f"story-{number:02d}.txt").write_text(text, encoding="utf-8")
    # A file that fails on the worker as it fails locally: a per-file failure in the report.
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary \x00" * 40)
    return folder


def report(folder: Path, cache: Path, embedder=None, **overrides) -> str:
    settings = Settings(
        paths=(folder,),
        cache_dir=cache,
        ledger_dir=None,
        resolutions=None,
        ignore=("garbled-wording", "divergence"),
        **overrides,
    )
    result = run(settings, embedder=embedder or FakeEmbedder())
    return JsonReporter().render(result)


class KillingEmbedder(FakeEmbedder):
    """Kills the worker process it runs in the first time it encodes (a marker file says it did)."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def encode(self, texts):
        if not os.path.exists(self.marker):
            Path(self.marker).write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return super().encode(texts)


# Clustering's worker tasks, by name: a test replaces the module's attribute with ``KillsItsFirstWorker``,
# which then cannot pickle the real function by reference, so it carries the name.
REAL_TASKS = {"search_block": real_search_block, "link_pieces": real_link_pieces}


class KillsItsFirstWorker:
    """A worker task that kills the worker it first runs in, then runs the real task ``name`` (one worker
    dies: the marker is made exclusively)."""

    def __init__(self, name: str, marker: Path) -> None:
        self.name = name
        self.marker = str(marker)

    def __call__(self, *arguments):
        try:
            handle = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return REAL_TASKS[self.name](*arguments)
        os.write(handle, str(os.getpid()).encode())
        os.close(handle)
        os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture
def search_on_workers(monkeypatch):
    """Clustering goes to the workers however few claims there are: the neighbour search in row blocks of
    16 claims, the linkage one piece per job."""
    monkeypatch.setattr(cluster, "MIN_PARALLEL_CLAIMS", 1)
    monkeypatch.setattr(cluster, "SEARCH_ROWS", 16)
    monkeypatch.setattr(cluster, "LINKAGE_JOB_PAIRS", 1)


# The language-model checks' corpus: the story, with a swapped word (garbled-wording) in some
# documents and a flipped one (divergence) in a paraphrase of another's sentence.
SPUN = "The two rival boards are now in a relationship of pleasure on trade and arms.\n"
EXPORT = "The board said firms faced barriers from data sharing policies and {word} controls.\n"
BIGRAMS = {("of", "convenience"): -1.0, ("convenience", "on"): -1.5, ("of", "pleasure"): -12.0}


def write_lm_corpus(folder: Path) -> Path:
    write_corpus(folder)
    for number in range(0, DOCUMENTS, 5):
        story = folder / f"story-{number:02d}.txt"
        story.write_text(story.read_text(encoding="utf-8") + SPUN, encoding="utf-8")
    for number, word in ((1, "export"), (2, "import")):
        story = folder / f"story-{number:02d}.txt"
        story.write_text(story.read_text(encoding="utf-8") + EXPORT.format(word=word), encoding="utf-8")
    return folder


class RecordingLM(BigramLM):
    """The spin checks' fake model; each process it reads in leaves its id in ``folder``."""

    def __init__(self, folder: Path) -> None:
        super().__init__(BIGRAMS, opposites={("export", "import")})
        self.folder = str(folder)

    def score_tokens(self, texts, top_k=0, probes=None):
        Path(self.folder, str(os.getpid())).touch()
        return super().score_tokens(texts, top_k, probes)


class KillingLM(RecordingLM):
    """Kills the first worker process it reads in (never the test's own: ``parent``)."""

    def __init__(self, folder: Path, marker: Path) -> None:
        super().__init__(folder)
        self.marker, self.parent = str(marker), os.getpid()

    def score_tokens(self, texts, top_k=0, probes=None):
        if os.getpid() != self.parent:
            try:
                handle = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.write(handle, str(os.getpid()).encode())
                os.close(handle)
                os.kill(os.getpid(), signal.SIGKILL)
        return super().score_tokens(texts, top_k, probes)


class RaisingLM(RecordingLM):
    """Fails on a worker, as a model with a bug would."""

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.parent = os.getpid()

    def score_tokens(self, texts, top_k=0, probes=None):
        if os.getpid() != self.parent:
            raise RuntimeError("the model broke on a worker")
        return super().score_tokens(texts, top_k, probes)


def lm_report(folder: Path, cache: Path, lm, garbled_lm=None, **overrides) -> str:
    """The report with every default check, the language-model ones reading with ``lm``."""
    settings = Settings(
        paths=(folder,),
        cache_dir=cache,
        ledger_dir=None,
        resolutions=None,
        thresholds={"garbled-wording.standalone_gain": 10.0},
        **overrides,
    )
    checks = [
        check.using(garbled_lm if garbled_lm and check.slug == "garbled-wording" else lm)
        if issubclass(check, LanguageModelCheck)
        else check
        for check in select_checks(settings)
    ]
    return JsonReporter().render(run(settings, embedder=FakeEmbedder(), checks=checks))


def workers_that_read(folder: Path) -> set[int]:
    return {int(path.name) for path in folder.iterdir()} - {os.getpid()}


@pytest.fixture
def checks_on_workers(monkeypatch):
    """A check's blocks go to the workers however few there are."""
    monkeypatch.setattr(Check, "min_parallel_blocks", 1)


@pytest.fixture(scope="module")
def lm_corpus(tmp_path_factory) -> Path:
    return write_lm_corpus(tmp_path_factory.mktemp("engine-lm") / "docs")


@pytest.fixture(scope="module")
def lm_serial_report(lm_corpus, tmp_path_factory) -> str:
    readers = tmp_path_factory.mktemp("serial-readers")
    text = lm_report(lm_corpus, tmp_path_factory.mktemp("lm-cache"), RecordingLM(readers), jobs=1)
    assert not workers_that_read(readers)
    findings = json.loads(text)["findings"]
    # Both language-model checks find what the corpus holds, so the comparisons below compare something.
    assert {"FC002", "FC003", "FC020", "FC021"} <= {finding["code"] for finding in findings}
    return text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("engine") / "docs")


@pytest.fixture(scope="module")
def serial_report(corpus, tmp_path_factory) -> str:
    text = report(corpus, tmp_path_factory.mktemp("serial-cache"), jobs=1)
    assert "broken.txt" in text  # the failing file is reported
    return text


@pytest.mark.slow
def test_local_processes_give_the_serial_report_byte_for_byte(corpus, serial_report, tmp_path):
    cache = tmp_path / "cache"
    assert report(corpus, cache, jobs=2) == serial_report
    assert report(corpus, cache, jobs=2) == serial_report  # warm, from what the workers cached


@pytest.mark.slow
def test_dask_local_cluster_gives_the_serial_report_byte_for_byte(corpus, serial_report, tmp_path, search_on_workers):
    assert report(corpus, tmp_path / "cache", engine="dask", jobs=2) == serial_report


@pytest.mark.slow
def test_joining_a_running_cluster_gives_the_serial_report_and_leaves_it_running(
    corpus, serial_report, tmp_path, search_on_workers
):
    import logging

    from distributed import Client, LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        # No cache at all: every document goes through the cluster and comes back to the client.
        text = report(corpus, tmp_path / "unused", scheduler=cluster.scheduler_address, use_cache=False)
        assert text == serial_report
        with Client(cluster.scheduler_address) as client:
            assert len(client.scheduler_info()["workers"]) == 2  # a joined cluster is not ours to stop


@pytest.mark.slow
def test_check_blocks_on_a_joined_cluster_give_the_serial_report(
    lm_corpus, lm_serial_report, tmp_path, checks_on_workers
):
    import logging

    from distributed import LocalCluster

    readers = tmp_path / "readers"
    readers.mkdir()
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        text = lm_report(lm_corpus, tmp_path / "cache", RecordingLM(readers), scheduler=cluster.scheduler_address)
    assert text == lm_serial_report
    assert workers_that_read(readers)


@pytest.mark.slow
def test_a_killed_dask_worker_costs_a_retry_not_the_run(corpus, serial_report, tmp_path):
    marker = tmp_path / "killed"
    # Embedding goes to the workers however few texts there are, on Dask.
    text = report(corpus, tmp_path / "cache", embedder=KillingEmbedder(marker), engine="dask", jobs=2)
    assert marker.exists() and int(marker.read_text()) != os.getpid()  # a worker, not this process, died
    assert text == serial_report


@pytest.mark.slow
def test_a_killed_local_worker_costs_a_retry_not_the_run(corpus, serial_report, tmp_path, monkeypatch):
    import factcheck.stages.embed as embed

    # Encode on the workers, in several chunks, even for a few texts.
    monkeypatch.setattr(embed, "MIN_PARALLEL_TEXTS", 1)
    monkeypatch.setattr(embed, "CHUNK_TEXTS", 8)
    marker = tmp_path / "killed"
    text = report(corpus, tmp_path / "cache", embedder=KillingEmbedder(marker), jobs=2)
    assert marker.exists() and int(marker.read_text()) != os.getpid()
    assert text == serial_report


@pytest.mark.slow
@pytest.mark.parametrize("step", ["search_block", "link_pieces"])  # the neighbour search, the linkage
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_worker_killed_in_clustering_costs_a_retry(
    corpus, serial_report, tmp_path, search_on_workers, monkeypatch, step, engine
):
    marker = tmp_path / "killed"
    monkeypatch.setattr(cluster, step, KillsItsFirstWorker(step, marker))
    text = report(corpus, tmp_path / "cache", engine=engine, jobs=2)
    assert marker.exists() and int(marker.read_text()) != os.getpid()
    # Blocks of 16 rows / one piece per job on two workers, one killed: the one-process report.
    assert text == serial_report


@pytest.mark.slow
def test_check_blocks_on_local_processes_give_the_serial_report(
    lm_corpus, lm_serial_report, tmp_path, checks_on_workers
):
    readers = tmp_path / "readers"
    readers.mkdir()
    assert lm_report(lm_corpus, tmp_path / "cache", RecordingLM(readers), jobs=2) == lm_serial_report
    assert len(workers_that_read(readers)) == 2  # the model read on both workers, never here


@pytest.mark.slow
def test_check_blocks_on_a_dask_local_cluster_give_the_serial_report(
    lm_corpus, lm_serial_report, tmp_path, checks_on_workers
):
    readers = tmp_path / "readers"
    readers.mkdir()
    text = lm_report(lm_corpus, tmp_path / "cache", RecordingLM(readers), engine="dask", jobs=2)
    assert text == lm_serial_report
    assert workers_that_read(readers)


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_worker_killed_in_the_check_stage_costs_a_retry(
    lm_corpus, lm_serial_report, tmp_path, checks_on_workers, engine
):
    readers, marker = tmp_path / "readers", tmp_path / "killed"
    readers.mkdir()
    text = lm_report(lm_corpus, tmp_path / "cache", KillingLM(readers, marker), engine=engine, jobs=2)
    assert marker.exists() and int(marker.read_text()) != os.getpid()
    assert text == lm_serial_report


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_check_that_raises_on_a_worker_is_a_failure_and_the_others_still_run(
    lm_corpus, lm_serial_report, tmp_path, checks_on_workers, engine
):
    readers = tmp_path / "readers"
    readers.mkdir()
    text = lm_report(
        lm_corpus, tmp_path / "cache", RecordingLM(readers), garbled_lm=RaisingLM(readers), engine=engine, jobs=2
    )
    failures = json.loads(text)["summary"]["failures"]
    [failure] = [failure for failure in failures if failure["code"] == "FC-E600"]
    assert failure["subject"] == "garbled-wording" and "the model broke on a worker" in failure["message"]
    expected = [finding for finding in json.loads(lm_serial_report)["findings"] if finding["code"] != "FC020"]
    assert json.loads(text)["findings"] == expected


@pytest.mark.slow
def test_the_real_model_reads_on_two_workers_as_in_one_process(tmp_path, checks_on_workers):
    # Gemma on the seeds (the spin checks find something there): each worker loads the model the
    # client converted (linked from the user's cache when it is there, converted once otherwise).
    from conftest import SEEDS

    from factcheck.nlp.lm import default_lm_dir
    from factcheck.nlp.lm_convert import is_converted

    def seeds_report(cache: Path, jobs: int) -> str:
        if is_converted(default_lm_dir()) and not default_lm_dir(cache).exists():
            default_lm_dir(cache).parent.mkdir(parents=True)
            default_lm_dir(cache).symlink_to(default_lm_dir(), target_is_directory=True)
        settings = Settings(paths=(SEEDS,), cache_dir=cache, ledger_dir=None, resolutions=None, jobs=jobs)
        return JsonReporter().render(run(settings, embedder=FakeEmbedder()))

    one_process = seeds_report(tmp_path / "one", jobs=1)
    assert '"FC020"' in one_process
    assert seeds_report(tmp_path / "two", jobs=2) == one_process


def test_small_runs_start_no_workers(tmp_path, nlp, fake_embedder, monkeypatch):
    # A handful of documents is parsed here: starting workers that each load spaCy would cost more.
    from factcheck.engine import ProcessEngine

    def refuse(*args, **kwargs):
        raise AssertionError("a worker process was started for three documents")

    monkeypatch.setattr(ProcessEngine, "_spawn", refuse)
    folder = write_corpus(tmp_path / "docs", count=3)
    settings = Settings(
        paths=(folder,),
        use_cache=False,
        ledger_dir=None,
        resolutions=None,
        jobs=2,
        ignore=("garbled-wording", "divergence"),
    )
    corpus = run(settings, embedder=fake_embedder, nlp=nlp).corpus
    assert len(corpus.documents) == 3 and corpus.claims


def _allocator_environment(job, models):
    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("ONEDNN_PRIMITIVE_CACHE_CAPACITY")


@pytest.mark.slow
@pytest.mark.parametrize("engine_class", ["DaskEngine", "ProcessEngine"])
def test_workers_keep_mallocs_trim_threshold_and_a_small_onednn_cache(engine_class, monkeypatch):
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536; under it every encoder pass page-faulted its
    # activations in again (twice the CPU of a local worker). Our workers go without it, and cap
    # oneDNN's cache of per-shape primitives, which only grew. (A nanny writes its variables into its
    # own process's environment, this one's for a LocalCluster started by another test: cleared first.)
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    from factcheck import engine as engines

    engine = getattr(engines, engine_class)(engines.Models(Settings()), 2)
    try:
        assert [value for _, value in engine.map(_allocator_environment, [0, 1])] == [(None, "8")] * 2
    finally:
        engine.close()


@pytest.mark.slow
def test_ctrl_c_mid_run_shuts_the_local_cluster_down(corpus, tmp_path):
    import psutil

    def interrupt(stage, done, total):
        if stage == "extract" and done:  # the first partition is back from the cluster
            raise KeyboardInterrupt

    settings = Settings(
        paths=(corpus,),
        cache_dir=tmp_path / "cache",
        ledger_dir=None,
        resolutions=None,
        engine="dask",
        jobs=2,
        ignore=("garbled-wording", "divergence"),
    )
    with pytest.raises(KeyboardInterrupt):
        run(settings, embedder=FakeEmbedder(), on_progress=interrupt)
    workers = [
        child
        for child in psutil.Process().children(recursive=True)
        if "multiprocessing-fork" in " ".join(child.cmdline())
    ]
    assert not workers, f"workers still running after Ctrl-C: {workers}"


def test_model_loading_pauses_the_garbage_collector_and_restores_it():
    import gc

    from factcheck.loading import collection_paused

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()


PARSE_IN_A_FRESH_PROCESS = """
import json, sys
if sys.argv[1] == "torch-first":
    import torch
from factcheck.stages.extract import load_spacy
nlp = load_spacy()
torch_seen = "torch" in sys.modules
doc = nlp("Board chair Jane Roe said on 3 March 2024 that the pier would cost 2 million pounds.")
import torch  # still importable for the encoder
print(json.dumps({"torch_seen": torch_seen, "parse": [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc]}))
"""


@pytest.mark.slow
def test_spacy_loads_without_torch_and_parses_the_same():
    # Parsing workers never import torch (~180 MB, ~1.4 CPU-s each); the parse is the one spaCy gives with it.
    import json
    import subprocess
    import sys

    def parse(mode: str) -> dict:
        output = subprocess.run(
            [sys.executable, "-c", PARSE_IN_A_FRESH_PROCESS, mode], capture_output=True, text=True, check=True
        )
        return json.loads(output.stdout.strip().splitlines()[-1])

    hidden, with_torch = parse("fresh"), parse("torch-first")
    assert not hidden["torch_seen"] and with_torch["torch_seen"]
    assert hidden["parse"] == with_torch["parse"]
