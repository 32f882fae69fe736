"""Load and extract in one task on the worker: the client gets headers and claims back, never a text.

A run's load stage hands the files the cache lacks on unread, and the extract stage loads and
extracts each partition in one task (``factcheck.stages.extract.stage``). These tests watch what
comes back from the engine and what the corpus can still give without the files and the cache:
behaviour, whatever the stages keep internally. The report must not change, and the cache
entries must be the ones every run reads, whichever process wrote them.
"""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import FakeEmbedder
from test_engine import report, write_corpus

from factcheck.config import Settings
from factcheck.engine import Models, SerialEngine
from factcheck.errors import DocumentChangedError
from factcheck.pipeline import build_stages, run, run_stages
from factcheck.reporters.json import JsonReporter

# A sentence in every document that no claim holds (no date, figure, named actor, quote or stated event):
# if it reaches the client, a document's text did.
UNCLAIMED = "Gulls may wheel above a quiet slipway when the tide turns."


def write_marked_corpus(folder: Path, count: int = 30, *, broken: bool = True) -> Path:
    """The engine tests' stories with the unclaimed sentence, and their binary file unless ``broken`` is False
    (it fails, so every run reads it again)."""
    write_corpus(folder, count)
    if not broken:
        (folder / "broken.txt").unlink()
    for story in folder.glob("story-*.txt"):
        story.write_text(story.read_text(encoding="utf-8") + f"\n{UNCLAIMED}\n", encoding="utf-8")
    return folder


class RecordingEngine(SerialEngine):
    """This process's engine, keeping every result of every map as it would travel back (pickled)."""

    def __init__(self, models: Models) -> None:
        super().__init__(models)
        self.results: list[tuple[str, bytes]] = []

    def map(self, task, jobs, **options):
        for index, result in super().map(task, jobs, **options):
            self.results.append((getattr(task, "__name__", str(task)), pickle.dumps(result)))
            yield index, result


def settings_for(folder: Path, cache: Path | None, **overrides) -> Settings:
    return Settings(
        paths=(folder,),
        cache_dir=cache,
        use_cache=cache is not None,
        ledger_dir=None,
        resolutions=None,
        ignore=("garbled-wording", "divergence"),
        **overrides,
    )


def load_and_extract(settings: Settings, nlp, engine: SerialEngine | None = None):
    engine = engine or SerialEngine(Models(settings, nlp=nlp, embedder=FakeEmbedder()))
    load, extract = build_stages(settings, engine=engine)[:2]
    return run_stages([load, extract])


@pytest.mark.parametrize("use_cache", [True, False])
def test_no_document_text_comes_back_from_the_workers(tmp_path, nlp, use_cache):
    folder = write_marked_corpus(tmp_path / "docs")
    settings = settings_for(folder, tmp_path / "cache" if use_cache else None)
    engine = RecordingEngine(Models(settings, nlp=nlp, embedder=FakeEmbedder()))
    stages = build_stages(settings, engine=engine)
    corpus = run_stages(stages)
    assert len(corpus.documents) == 30 and corpus.claims  # every story loaded and read, on the engine
    assert not any(UNCLAIMED in claim.text for claim in corpus.claims)
    assert UNCLAIMED in corpus.text_of("story-00").text  # the text is there to read back
    assert {task for task, _ in engine.results} >= {"extract_partition"}
    leaked = [task for task, result in engine.results if UNCLAIMED.encode() in result]
    assert not leaked, f"document texts came back from {leaked}"
    assert "broken.txt" in json.dumps([failure.subject for failure in corpus.failures])  # still a per-file failure


def test_after_load_and_extract_the_client_cannot_quote_a_text_it_was_not_given_back(tmp_path, nlp):
    # Cold: every file was loaded on the engine. With the files and the cache gone, no text is left anywhere
    # the client could quote from: each read back is the clear FC-E114, never a text held since loading.
    folder = write_marked_corpus(tmp_path / "docs")
    cache = tmp_path / "cache"
    corpus = load_and_extract(settings_for(folder, cache), nlp)
    assert corpus.claims
    shutil.rmtree(folder)
    shutil.rmtree(cache)
    for document in corpus.documents:
        with pytest.raises(DocumentChangedError):
            corpus.text_of(document.id)


def _refuse(*args, **kwargs):
    raise AssertionError("a warm run loaded or extracted a document again")


def _no_loading_or_extracting(monkeypatch) -> None:
    from factcheck.stages.extract import stage as extract_stage
    from factcheck.stages.load import stage as load_stage

    monkeypatch.setattr(load_stage, "load_document", _refuse)
    monkeypatch.setattr(extract_stage, "extract_document", _refuse)


def json_report(settings: Settings, nlp) -> str:
    return JsonReporter().render(run(settings, embedder=FakeEmbedder(), nlp=nlp))


def test_a_worker_that_cannot_reach_the_clients_cache_sends_its_entries_back(tmp_path, nlp, monkeypatch):
    # A worker on another machine does not find the run's probe entry: the client writes what it loaded
    # and extracted, and the next run finds every document and its claims in the cache.
    from factcheck.stages.extract import stage as extract_stage

    folder = write_marked_corpus(tmp_path / "docs", broken=False)
    settings = settings_for(folder, tmp_path / "cache", jobs=1)
    with monkeypatch.context() as patch:
        patch.setattr(extract_stage, "_shared_cache", lambda job: None)
        cold = json_report(settings, nlp)
    _no_loading_or_extracting(monkeypatch)
    assert json_report(settings, nlp) == cold


def test_the_cache_entries_are_the_ones_a_run_of_each_stage_alone_writes(tmp_path, nlp, monkeypatch):
    # A cache filled by the load stage alone and the extract stage after it (a researcher's run, or an
    # older version's) serves a run that loads and extracts in one task, and the report is the same.
    from factcheck.model import Corpus
    from factcheck.stages.extract import ExtractStage
    from factcheck.stages.load import LoadStage

    folder = write_marked_corpus(tmp_path / "docs", broken=False)
    settings = settings_for(folder, tmp_path / "cache", jobs=1)
    ExtractStage(settings, nlp=nlp)(LoadStage(settings)(Corpus()))
    with monkeypatch.context() as patch:
        _no_loading_or_extracting(patch)  # documents and claims both come from the cache
        warm_from_stages_alone = json_report(settings, nlp)
    assert warm_from_stages_alone == json_report(settings_for(folder, tmp_path / "cold", jobs=1), nlp)


def test_a_warm_run_finds_the_claims_without_reading_a_text_back_and_a_changed_file_misses(tmp_path, nlp, monkeypatch):
    # A cached document's header carries its text's hash, which keys its claims: the extract stage need
    # not read the text back through the store (the load stage parsed the same entry already).
    from factcheck.stages.extract import stage as extract_stage
    from factcheck.stages.load.store import DocumentStore

    folder = write_marked_corpus(tmp_path / "docs", broken=False)
    settings = settings_for(folder, tmp_path / "cache", jobs=1)
    cold = load_and_extract(settings, nlp)
    read_back: list[str] = []
    store_read = DocumentStore.read
    monkeypatch.setattr(
        DocumentStore, "read", lambda store, header: read_back.append(header.id) or store_read(store, header)
    )
    with monkeypatch.context() as patch:
        _no_loading_or_extracting(patch)
        warm = load_and_extract(settings, nlp)
    assert read_back == [] and warm.claims == cold.claims
    # A file changed since misses: it alone is loaded and extracted again, and its claims are the new text's.
    story = folder / "story-03.txt"
    story.write_text(story.read_text(encoding="utf-8").replace(UNCLAIMED, "The port spent 12 million pounds."), "utf-8")
    extracted: list[str] = []
    extract = extract_stage.extract_document
    monkeypatch.setattr(
        extract_stage,
        "extract_document",
        lambda doc, *args, **kwargs: extracted.append(doc.id) or extract(doc, *args, **kwargs),
    )
    changed = load_and_extract(settings, nlp)
    assert extracted == ["story-03"]
    assert any("12 million" in claim.text for claim in changed.claims if claim.doc == "story-03")
    assert [c for c in changed.claims if c.doc != "story-03"] == [c for c in cold.claims if c.doc != "story-03"]


@pytest.mark.slow
def test_a_warm_run_after_a_dask_run_hits_its_cache_entries_and_the_other_way_round(tmp_path, monkeypatch):
    from factcheck import engine as engines

    folder = write_marked_corpus(tmp_path / "docs", broken=False)
    dask_cold = report(folder, tmp_path / "dask-first", engine="dask", jobs=2)
    serial_cold = report(folder, tmp_path / "serial-first", jobs=1)
    assert dask_cold == serial_cold
    _no_loading_or_extracting(monkeypatch)
    assert report(folder, tmp_path / "dask-first", jobs=1) == serial_cold  # in this process, from Dask's entries
    # ... and a Dask run after a one-process one has nothing to send its cluster (it would start it).
    monkeypatch.setattr(engines.DaskEngine, "_start", _refuse)
    assert report(folder, tmp_path / "serial-first", engine="dask", jobs=2) == serial_cold
