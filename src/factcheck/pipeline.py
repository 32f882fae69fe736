"""The pipeline: the Stage protocol, building and validating the stage order, and run()."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from factcheck.config import Settings
from factcheck.engine import Engine, Models, SerialEngine, make_engine
from factcheck.errors import FactcheckError
from factcheck.model import Corpus, RunResult

# What a fresh Corpus already holds before any stage runs.
_INITIAL = frozenset({"failures"})


class Stage(Protocol):
    """A pipeline step: Corpus in, Corpus out, with what it needs and what it adds."""

    # Read-only (properties), so a stage's class attribute ``requires = ("documents",)`` matches.
    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, corpus: Corpus) -> Corpus: ...


class PipelineError(FactcheckError):
    code = "FC-E010"


def validate_order(stages: Sequence[Stage]) -> None:
    """Fail at build time, not mid-run, when a stage needs what no earlier stage assigns."""
    available = set(_INITIAL)
    for stage in stages:
        missing = [part for part in stage.requires if part not in available]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        available.update(stage.assigns)


def build_stages(
    settings: Settings, *, embedder=None, nlp=None, checks=None, context=None, engine: Engine | None = None
) -> list[Stage]:
    """The standard stage order. Models are passed in (tests inject fakes) or load on first use;
    load, extract and embed hand what the cache lacks to ``engine`` (default: this process), and
    so do clustering's neighbour search and the checks that split into blocks."""
    from factcheck.stages.check import CheckStage
    from factcheck.stages.cluster import ClusterStage
    from factcheck.stages.corroborate import CorroborateStage
    from factcheck.stages.embed import EmbedStage
    from factcheck.stages.extract import ExtractStage
    from factcheck.stages.load import LoadStage

    engine = engine or SerialEngine(Models(settings, nlp=nlp, embedder=embedder))
    stages: list[Stage] = [
        # Files the cache lacks are loaded by the extract stage, with their claims, in one task on a worker.
        LoadStage(settings, engine=engine, hand_on=True),
        ExtractStage(settings, engine=engine),
        EmbedStage(settings, engine=engine),
        ClusterStage(settings, engine=engine),
        CorroborateStage(settings),
        CheckStage(settings, checks=checks, context=context, engine=engine),
    ]
    validate_order(stages)
    return stages


ProgressCallback = Callable[[str], None]
# (stage name, units done, units in all): extract reports documents, check reports checks.
# Library code never prints; the CLI turns these calls into progress bars on stderr.
CountCallback = Callable[[str, int, int], None]


def run_stages(
    stages: Sequence[Stage],
    corpus: Corpus | None = None,
    on_stage: ProgressCallback | None = None,
    on_progress: CountCallback | None = None,
) -> Corpus:
    validate_order(stages)
    corpus = corpus or Corpus()
    for stage in stages:
        if on_stage:
            on_stage(stage.name)
        if on_progress is not None and hasattr(stage, "on_progress"):
            stage.on_progress = on_progress  # a stage that counts its work declares the attribute
        started = time.perf_counter()
        corpus = stage(corpus)
        corpus.timings[stage.name] = round(time.perf_counter() - started, 4)
        if _cannot_proceed(corpus, stage):
            break
    return corpus


# Failures in these stages mean the run's inputs are broken: later stages would only mislead.
_BLOCKING_STAGES = frozenset({"config", "ledger", "resolutions"})


def _cannot_proceed(corpus: Corpus, stage: Stage) -> bool:
    if stage.name in ("load", "extract") and not corpus.documents and not corpus.unread:
        return True
    return any(failure.fatal and failure.stage in _BLOCKING_STAGES for failure in corpus.failures)


def run(
    settings: Settings | None = None,
    *,
    embedder=None,
    nlp=None,
    checks=None,
    context=None,
    on_stage: ProgressCallback | None = None,
    on_progress: CountCallback | None = None,
) -> RunResult:
    """Run the whole pipeline on ``settings.paths`` and return the finished corpus.

    ``on_stage(name)`` is called as each stage starts; ``on_progress(name, done, total)`` as a
    stage that counts its work (documents, batches, checks) advances.
    """
    from factcheck.stages.check import select_checks

    settings = settings or Settings()
    # An unknown check name is a usage error: said before minutes of parsing, not after them.
    selected = checks if checks is not None else select_checks(settings)
    engine = make_engine(settings, Models(settings, nlp=nlp, embedder=embedder))
    try:
        stages = build_stages(settings, checks=checks, context=context, engine=engine)
        _prepare_early(settings, selected)
        corpus = run_stages(stages, on_stage=on_stage, on_progress=on_progress)
    finally:
        # Also on Ctrl-C: worker processes and a LocalCluster go down with the run.
        engine.close()
    return RunResult(corpus=corpus, settings=settings)


def _prepare_early(settings: Settings, selected) -> None:
    """Checks with a one-time preparation (the spun-wording model's conversion, a minute of one
    core) start it now, in a child process, so it overlaps the stages before them."""
    for check_class in selected:
        start = getattr(check_class, "prepare_early", None)
        if start is not None:
            start(settings)
