"""The commands that read documents: check, claims, clusters, findings, resolve, rule and audit."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from factcheck.cli.options import (
    AllowSkippedOption,
    AuditFormatOption,
    CacheDirOption,
    ChecksOption,
    Color,
    ColorOption,
    ConfigOption,
    DebugOption,
    EmbedderOption,
    EnableOption,
    EngineOption,
    ExitZeroOption,
    FailOnOption,
    FollowSymlinksOption,
    FormatOption,
    IgnoreOption,
    IsolatedOption,
    JobsOption,
    LedgerOption,
    NoCacheOption,
    OutputOption,
    PathsArgument,
    PublishedOption,
    ResolutionsOption,
    SchedulerOption,
    terminal_width,
    use_color,
)
from factcheck.cli.shell import (
    EXIT_USAGE,
    app,
    build_settings,
    emit,
    fail,
    render,
    report_failures,
    run_with_progress,
    stderr,
)
from factcheck.errors import UsageError


@app.command()
def check(
    paths: PathsArgument = None,
    output_format: FormatOption = "rich",
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    allow_skipped: AllowSkippedOption = False,
    follow_symlinks: FollowSymlinksOption = False,
    published: PublishedOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    checks: ChecksOption = None,
    ignore: IgnoreOption = None,
    enable: EnableOption = None,
    embedder: EmbedderOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = None,
    scheduler: SchedulerOption = None,
    ledger: LedgerOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    resolutions: ResolutionsOption = None,
    debug: DebugOption = False,
) -> None:
    """Check documents: claims, cross-source clusters and consistency findings."""
    try:
        settings = build_settings(
            config=config,
            isolated=isolated,
            resolutions=resolutions,
            paths=paths,
            published=published,
            fail_on=fail_on,
            exit_zero=exit_zero,
            allow_skipped=allow_skipped,
            follow_symlinks=follow_symlinks,
            cache_dir=cache_dir,
            no_cache=no_cache,
            checks=checks,
            ignore=ignore,
            enable=enable,
            embedder=embedder,
            jobs=jobs,
            engine=engine,
            scheduler=scheduler,
            ledger=ledger,
        )
        result = run_with_progress(settings)
        report_failures(result.corpus)
        emit(render(result, output_format, color=use_color(color, output)), output)
        code = result.exit_code()
        skipped = result.skipped_documents()
        if skipped and not settings.allow_skipped and not any(failure.fatal for failure in result.failures):
            stderr.print(
                f"{len(skipped)} document{'s' if len(skipped) != 1 else ''} could not be checked: exit 2 "
                "(--allow-skipped gates on the rest)",
                markup=False,
                highlight=False,
            )
    except Exception as error:  # noqa: BLE001 - every error becomes a message and exit 2
        raise fail(error, debug) from None
    raise typer.Exit(code)


@app.command()
def claims(
    paths: PathsArgument = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="rich or json (json also lists every time expression).",
            callback=lambda value: _rich_or_json(value),
        ),
    ] = "rich",
    output: OutputOption = None,
    published: PublishedOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    debug: DebugOption = False,
) -> None:
    """The claims of documents (files or folders) with their slots; JSON also lists every time expression."""
    try:
        from factcheck.explore import claims_report

        settings = build_settings(paths=paths, published=published, cache_dir=cache_dir, no_cache=no_cache)
        text, code, corpus = claims_report(settings, output_format)
        report_failures(corpus)
        emit(text, output)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    raise typer.Exit(code)


def _rich_or_json(value: str) -> str:
    if value not in ("rich", "json"):
        raise typer.BadParameter(f"{value!r} is not a format of this command; choose one of: rich, json")
    return value


@app.command()
def clusters(
    paths: PathsArgument = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="rich or json.", callback=lambda value: _rich_or_json(value)
        ),
    ] = "rich",
    output: OutputOption = None,
    published: PublishedOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    embedder: EmbedderOption = None,
    debug: DebugOption = False,
) -> None:
    """Clusters of claims that several sources share."""
    try:
        from factcheck.explore import clusters_report

        settings = build_settings(
            paths=paths, published=published, cache_dir=cache_dir, no_cache=no_cache, embedder=embedder
        )
        text, code, corpus = clusters_report(settings, output_format)
        report_failures(corpus)
        emit(text, output)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    raise typer.Exit(code)


# --- Editor and CI workflow: resolutions, open findings, rule docs, audit (issue 6) -----------


class ResolutionStatus(str, Enum):
    resolved = "resolved"
    accepted = "accepted"


class StatusFilter(str, Enum):
    open = "open"
    resolved = "resolved"
    accepted = "accepted"
    all = "all"


@app.command()
def resolve(
    ids: Annotated[list[str], typer.Argument(help="Finding ids, as check shows them.")],
    status: Annotated[
        ResolutionStatus,
        typer.Option("--status", help="resolved (fixed, or the finding is wrong) or accepted (known, left as is)."),
    ],
    note: Annotated[str, typer.Option("--note", help="Why: shown with the finding from now on.")],
    by: Annotated[Optional[str], typer.Option("--by", help="Who decided.")] = None,
    from_report: Annotated[
        Optional[Path],
        typer.Option(
            "--from", help="A JSON report (check --format json): verify the ids and record check and evidence."
        ),
    ] = None,
    resolutions: ResolutionsOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Record a decision on findings in the resolutions file (comments and order are kept)."""
    try:
        from factcheck.resolutions import findings_from_report, record_resolution, resolve_target

        settings = build_settings(config=config, isolated=isolated, resolutions=resolutions)
        if settings.resolutions is None:
            raise UsageError("no resolutions file configured", hint="pass --resolutions PATH")
        known = findings_from_report(from_report) if from_report else None
        targets = [resolve_target(finding_id, known) for finding_id in ids]
        for target in targets:
            recorded = record_resolution(settings.resolutions, target, status.value, note, by=by, today=date.today())
            stderr.print(f"{recorded.status.value}: {recorded.id} in {settings.resolutions}", markup=False)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None


@app.command()
def findings(
    paths: PathsArgument = None,
    status: Annotated[StatusFilter, typer.Option("--status", help="Which findings to list.")] = StatusFilter.open,
    output_format: FormatOption = "rich",
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    published: PublishedOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    checks: ChecksOption = None,
    ignore: IgnoreOption = None,
    enable: EnableOption = None,
    ledger: LedgerOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    resolutions: ResolutionsOption = None,
    debug: DebugOption = False,
) -> None:
    """List findings by status (default: the open ones). Exits 0 unless the run is broken (2)."""
    try:
        from factcheck.model import RunResult, Status
        from factcheck.resolutions import with_status

        settings = build_settings(
            config=config,
            isolated=isolated,
            resolutions=resolutions,
            paths=paths,
            published=published,
            cache_dir=cache_dir,
            no_cache=no_cache,
            checks=checks,
            ignore=ignore,
            enable=enable,
            ledger=ledger,
        )
        result = run_with_progress(settings)
        report_failures(result.corpus)
        statuses = list(Status) if status is StatusFilter.all else [Status(status.value)]
        listed = RunResult(
            corpus=result.corpus.evolve(findings=with_status(result.findings, statuses)),
            settings=settings.model_copy(update={"exit_zero": True}),
        )
        emit(render(listed, output_format, color=use_color(color, output)), output)
        code = listed.exit_code()
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    raise typer.Exit(code)


@app.command()
def rule(
    name: Annotated[
        Optional[str], typer.Argument(help="A check's code (FC001) or slug (date-conflict); none lists all.")
    ] = None,
) -> None:
    """Print a check's documentation, or list every registered check."""
    from factcheck.stages.check import find_check, registered_checks

    if name is None:
        for check_class in registered_checks().values():
            opt_in = "" if check_class.default_enabled else " (opt-in: --enable)"
            sys.stdout.write(
                f"{check_class.code}  {check_class.slug:<24} {check_class.severity.value:<8} "
                f"{check_class.summary()}{opt_in}\n"
            )
        return
    found = find_check(name)
    if found is None:
        known = ", ".join(f"{c.code} {c.slug}" for c in registered_checks().values())
        stderr.print(f"error unknown check {name!r} (known: {known})", markup=False)
        raise typer.Exit(EXIT_USAGE)
    sys.stdout.write(f"{found.code} {found.slug} (default severity: {found.severity.value})\n\n")
    sys.stdout.write(found.documentation().rstrip() + "\n")


@app.command()
def audit(
    draft: Annotated[Path, typer.Argument(help="The draft to audit.", metavar="DRAFT", show_default=False)],
    more_sources: Annotated[
        Optional[list[Path]],
        typer.Argument(
            metavar="SOURCES", help="More source files or folders (so `--sources a/ b/` works).", show_default=False
        ),
    ] = None,
    sources: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--sources",
            "-s",
            metavar="PATH",
            help="Source files or folders: `--sources a/ b/`, or repeat the option.",
            show_default=False,
        ),
    ] = None,
    output_format: AuditFormatOption = "rich",
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    published: PublishedOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    ledger: LedgerOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    resolutions: ResolutionsOption = None,
    debug: DebugOption = False,
) -> None:
    """The editor's view of one draft against its sources, in the draft's order."""
    try:
        from factcheck.audit import audit as run_audit
        from factcheck.audit import render_audit

        if not sources:
            raise UsageError("audit needs its sources", hint="pass --sources PATH [PATH...]")
        settings = build_settings(
            config=config,
            isolated=isolated,
            resolutions=resolutions,
            ledger=ledger,
            published=published,
            fail_on=fail_on,
            exit_zero=exit_zero,
            cache_dir=cache_dir,
            no_cache=no_cache,
        )
        result = run_audit(draft, [*sources, *(more_sources or [])], settings)
        report_failures(result.run.corpus)
        emit(render_audit(result, output_format, color=use_color(color, output), width=terminal_width()), output)
        code = result.exit_code()
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    raise typer.Exit(code)
