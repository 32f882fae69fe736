"""Run the registered checks: load the registry, run each, record crashes, apply policy once.

A check that splits its work into blocks (``Check.blocks``) has them run by the run's engine, on
the same workers as the other stages, once it has ``min_parallel_blocks`` of them; its ``merge``
puts the results back in block order, so the findings are the same whatever ran them.
"""

from __future__ import annotations

import dataclasses
import traceback
from importlib.metadata import entry_points

from factcheck.cache import Cache, open_cache
from factcheck.checks.base import Check, CheckContext, PairwiseCheck
from factcheck.config import Settings
from factcheck.engine import Engine, Models
from factcheck.errors import ConfigError
from factcheck.model import Corpus, Failure, Finding, Severity
from factcheck.resolutions import resolve_findings
from factcheck.stages.check_alignments import AlignmentPass
from factcheck.stages.check_cache import CACHE_NAMESPACE as CHECK_CACHE_NAMESPACE
from factcheck.stages.check_cache import CheckOutput, check_key, dump_output, inputs_fingerprint, load_output

ENTRY_POINT_GROUP = "factcheck.checks"


def registered_checks() -> dict[str, type[Check]]:
    """Every installed check by slug, built-ins and plugins alike, sorted by code."""
    found: dict[str, type[Check]] = {}
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        check_class = entry.load()
        found[check_class.slug] = check_class
    return dict(sorted(found.items(), key=lambda item: item[1].code))


def find_check(name: str) -> type[Check] | None:
    """A check by slug or code (case-insensitive)."""
    name = name.casefold()
    for slug, check_class in registered_checks().items():
        if name in (slug, check_class.code.casefold()):
            return check_class
    return None


def select_checks(settings: Settings, available: dict[str, type[Check]] | None = None) -> list[type[Check]]:
    available = registered_checks() if available is None else available
    known = {name.casefold() for cls in available.values() for name in (cls.slug, cls.code)}
    for name in (*settings.select, *settings.extend_select, *settings.ignore, *settings.severity):
        if name.casefold() not in known:
            raise ConfigError(f"unknown check {name!r}", hint=f"known checks: {', '.join(available)}")

    def named(cls: type[Check], names: tuple[str, ...]) -> bool:
        folded = {name.casefold() for name in names}
        return cls.slug.casefold() in folded or cls.code.casefold() in folded

    def wanted(cls: type[Check]) -> bool:
        if settings.select:
            return named(cls, settings.select)
        return cls.default_enabled or named(cls, settings.extend_select)

    return [cls for cls in available.values() if wanted(cls) and not named(cls, settings.ignore)]


def _severity_override(settings: Settings, check_class: type[Check]) -> Severity | None:
    return settings.severity.get(check_class.slug) or settings.severity.get(check_class.code)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """The one order findings are reported in: severity, then position, then id."""
    return sorted(findings, key=lambda f: (-f.severity.rank, f.first_position, f.check, f.id))


def run_check_block(block: object, models: Models, shared: tuple[Check, CheckContext]) -> object:
    """One block of a check, on a worker (or here): a fresh instance of the check runs it."""
    check, context = shared
    if models.threads is not None:  # a worker: its model gets the worker's share of the cores
        context = dataclasses.replace(context, worker_threads=models.threads)
    return check.run_block(block, context)


def _findings(check: Check, corpus: Corpus, context: CheckContext, engine: Engine | None) -> list[Finding]:
    """The check's findings: its blocks run by ``engine`` when it declares blocks, else ``run`` here."""
    blocks = check.blocks(corpus, context) if engine is not None else None
    if engine is None or blocks is None:
        return list(check.run(corpus, context))
    parallel = len(blocks) >= check.min_parallel_blocks
    if blocks:
        # Also below the threshold: a Dask engine sends every block to its workers.
        check.before_workers(context.settings)
    results: list[object] = [None] * len(blocks)
    fresh = type(check)()  # what travels to the workers: the check without the state ``blocks`` kept
    for index, result in engine.map(run_check_block, blocks, parallel=parallel, shared=(fresh, context)):
        results[index] = result
    return list(check.merge(corpus, context, results))


def _cached_output(check_class: type[Check], cache: Cache | None, inputs: str) -> CheckOutput | None:
    """What the check produced when these exact inputs were checked before, if the cache has it."""
    key = check_key(check_class, inputs) if cache else None
    if not (cache and key):
        return None
    return load_output(cache.get_blob(CHECK_CACHE_NAMESPACE, key))


def _run_check(
    check_class: type[Check],
    corpus: Corpus,
    context: CheckContext,
    cache: Cache | None,
    inputs: str,
    engine: Engine | None = None,
    alignment_pass: AlignmentPass | None = None,
    cached: CheckOutput | None = None,
) -> CheckOutput:
    """What the check produces on this corpus: ``cached`` when these exact inputs were checked before."""
    if cached is not None:
        return cached
    check: Check
    if alignment_pass is not None and issubclass(check_class, PairwiseCheck) and check_class in alignment_pass.due:
        check, produced = alignment_pass.findings(check_class)
    else:
        check = check_class()
        produced = _findings(check, corpus, context, engine)
    output = CheckOutput(tuple(produced), check.report_data(corpus, produced), check.candidate_pairs)
    key = check_key(check_class, inputs) if cache else None
    if cache and key:
        entry = dump_output(output)
        if entry is not None:
            cache.put_blob(CHECK_CACHE_NAMESPACE, key, entry)
    return output


class CheckStage:
    """Runs each selected check; a check that raises becomes a Failure and the rest still run."""

    name = "check"
    requires = ("documents", "claims", "clusters")
    assigns = ("findings",)

    def __init__(
        self,
        settings: Settings,
        checks: list[type[Check]] | None = None,
        context: CheckContext | None = None,
        engine: Engine | None = None,
    ) -> None:
        self.settings = settings
        self.checks = checks
        self.context = context
        self.engine = engine  # runs the blocks of checks that split (None: each check runs whole, here)
        self.on_progress = None  # (stage, checks done, checks in all), set by the pipeline

    def __call__(self, corpus: Corpus) -> Corpus:
        checks = self.checks if self.checks is not None else select_checks(self.settings)
        context = self.context or CheckContext(settings=self.settings)
        findings: dict[str, Finding] = {}
        failures = list(corpus.failures)
        if context.ledger is None:
            # A broken ledger is a fatal Failure (exit 2); the checks still run without it.
            from factcheck.ledger import load_for_run

            ledger, ledger_failures = load_for_run(self.settings)
            context = dataclasses.replace(context, ledger=ledger)
            failures.extend(ledger_failures)
        check_data: dict[str, dict] = {}
        candidate_pairs: dict[str, int] = {}
        checks_run: set[str] = set()  # slugs that ran to completion, for stale resolutions
        cache = open_cache(self.settings)
        inputs = inputs_fingerprint(corpus, self.settings, context.ledger) if cache else ""
        # Read once: the pairwise pass needs to know which checks the cache answers before any runs.
        cached = {check_class: _cached_output(check_class, cache, inputs) for check_class in checks}
        alignment_pass = None
        if self.engine is not None:
            # The pairwise checks the cache cannot answer share one pass over the candidate pairs on the workers.
            due = [c for c in checks if issubclass(c, PairwiseCheck) and cached[c] is None]
            alignment_pass = AlignmentPass(corpus, context, self.engine, due) if due else None
        for number, check_class in enumerate(checks):
            if self.on_progress is not None:
                self.on_progress(self.name, number, len(checks))
            override = _severity_override(self.settings, check_class)
            try:
                output = _run_check(
                    check_class, corpus, context, cache, inputs, self.engine, alignment_pass, cached[check_class]
                )
            except Exception as error:  # noqa: BLE001 - a crashing check is recorded, not fatal to the others
                failures.append(
                    Failure(
                        stage=f"check:{check_class.slug}",
                        subject=check_class.slug,
                        code="FC-E600",
                        fatal=True,
                        message=f"check {check_class.slug} ({check_class.code}) crashed: {error!r}\n"
                        + "".join(traceback.format_exception(error)[-3:]),
                    )
                )
                continue
            checks_run.add(check_class.slug)
            if output.candidate_pairs is not None:
                candidate_pairs[check_class.slug] = output.candidate_pairs
            if output.data is not None:
                check_data[check_class.slug] = output.data
            for finding in output.findings:
                if override is not None:
                    finding = finding.model_copy(update={"severity": override})
                # Identical evidence and key means the same finding reported twice: keep one.
                findings.setdefault(finding.id, finding)
        if cache:
            cache.close()
        if self.on_progress is not None:
            self.on_progress(self.name, len(checks), len(checks))
        ordered = sort_findings(list(findings.values()))
        # Resolutions are policy too: applied here, once, after severities and de-duplication.
        ordered, stale, resolution_failures = resolve_findings(ordered, self.settings.resolutions, checks_run)
        failures.extend(resolution_failures)
        extras = {
            **corpus.extras,
            "checks": check_data,
            "candidate_pairs": {**corpus.extras.get("candidate_pairs", {}), **candidate_pairs},
        }
        return corpus.evolve(findings=tuple(ordered), failures=tuple(failures), extras=extras, stale_resolutions=stale)
