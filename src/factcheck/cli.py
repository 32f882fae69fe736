"""The command line: parse -> settings -> run() -> render -> exit code. Nothing else."""

from __future__ import annotations

import inspect
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from factcheck.cli_options import (
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
    reporter_names,
    terminal_width,
    use_color,
)
from factcheck.errors import FactcheckError, UsageError
from factcheck.fileio import write_atomic
from factcheck.reporters.text import inert, one_line

if TYPE_CHECKING:  # the models load when a command runs, so --help answers at once
    from factcheck.config import Settings
    from factcheck.model import Corpus, RunResult

app = typer.Typer(
    name="factcheck",
    help="Offline, source-critical fact-checking: claims, cross-source clusters and consistency findings.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)

EXIT_USAGE = 2


def render(result: RunResult, output_format: str, *, color: bool = False, width: int | None = None) -> str:
    """Render with the reporter registered under ``output_format``; a reporter that takes
    ``color`` or ``width`` (the terminal's) is given them."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="factcheck.reporters"):
        if entry.name == output_format:
            reporter_class = entry.load()
            offered = {"color": color, "width": width or terminal_width()}
            accepted = inspect.signature(reporter_class).parameters
            return reporter_class(**{name: value for name, value in offered.items() if name in accepted}).render(result)
    raise UsageError(f"unknown format {output_format!r}", hint=f"choose one of: {', '.join(reporter_names())}")


def report_failures(corpus: Corpus) -> None:
    """Each skipped file and each fatal problem as one line on stderr, whatever the report's
    format or destination, so a CI log shows them even when the report goes to a file."""
    for failure in corpus.failures:
        message = failure.message.splitlines()[0] if failure.message else ""
        if failure.subject and failure.subject not in message:
            message = f"{failure.subject}: {message}"
        label = "error" if failure.fatal else "skipped"
        stderr.print(f"{label} {failure.code} {one_line(message, 1000)}", markup=False, highlight=False, soft_wrap=True)


def show_version(value: bool) -> None:
    if value:
        from factcheck import __version__

        sys.stdout.write(f"factcheck {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=show_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Offline, source-critical fact-checking: claims, cross-source clusters and consistency findings."""


def parse_published(values: list[str] | None) -> dict[str, date]:
    published: dict[str, date] = {}
    for value in values or []:
        doc_id, separator, text = value.partition("=")
        try:
            if not separator:
                raise ValueError
            published[doc_id.strip()] = date.fromisoformat(text.strip())
        except ValueError:
            raise UsageError(f"--published {value!r} is not ID=YYYY-MM-DD") from None
    return published


def emit(text: str, output: Path | None) -> None:
    """The report goes to stdout, or atomically to --output."""
    # Lone surrogates (from a file name that is not UTF-8) cannot be written as UTF-8: show them.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
        stderr.print(f"wrote {inert(str(output))}", markup=False, highlight=False)


def fail(error: BaseException, debug: bool) -> "typer.Exit":
    if debug:
        raise error
    if isinstance(error, FactcheckError):
        # soft_wrap: a path:line:col message must stay on one line for editors and CI logs.
        stderr.print(
            f"[bold red]error[/] [dim]{error.code}[/] {escape(inert(str(error)))}",
            markup=True,
            highlight=False,
            soft_wrap=True,
        )
    else:
        stderr.print(
            f"[bold red]internal error[/] {type(error).__name__}: {escape(inert(str(error)))} "
            "(run with --debug for the traceback)",
            soft_wrap=True,
        )
    return typer.Exit(EXIT_USAGE)


def build_settings(*, config: Path | None = None, isolated: bool = False, **values) -> Settings:
    """Command line over FACTCHECK_* environment over configuration file over defaults.

    ``None`` means "not given". The file is --config, else found walking up from here;
    --isolated ignores configuration files.
    """
    from factcheck.config import load_settings

    return load_settings(_settings_values(values), config_path=config, isolated=isolated)


# Command-line option name -> Settings field, where the two differ.
_OPTION_FIELDS = {"checks": "select", "enable": "extend_select", "no_cache": "use_cache"}


def _settings_values(options: dict) -> dict:
    """Typer's values as Settings fields: lists become tuples, enums their values, an unset
    flag or empty list ``None`` (not given), ``--published ID=DATE`` a mapping, ``--no-cache``
    ``use_cache=False``. Values already in Settings' terms pass through."""
    values = {}
    for option, value in options.items():
        if option == "published":
            value = parse_published(value) or None
        elif option == "no_cache":
            value = False if value else None
        elif isinstance(value, list):
            value = tuple(value) or None
        elif isinstance(value, Enum):
            value = value.value
        elif option == "exit_zero":
            value = value or None
        values[_OPTION_FIELDS.get(option, option)] = value
    return values


def run_with_progress(settings: Settings) -> RunResult:
    """run(), with a progress bar per stage on stderr (rate and ETA where a stage counts its work).

    Nothing is drawn when stderr is not a terminal, so logs and CI output stay clean.
    """
    from factcheck.pipeline import run

    if not sys.stderr.isatty():
        return run(settings)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TaskID,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    labels = {
        "load": "reading documents",
        "extract": "extracting claims (spaCy)",
        "embed": "embedding claims",
        "cluster": "clustering",
        "check": "running checks",
    }
    units = {"extract": "docs", "embed": "claims", "check": "checks"}
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<26}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    tasks: dict[str, TaskID] = {}
    with Progress(*columns, console=stderr, transient=True) as progress:

        def on_stage(name: str) -> None:
            for task_id in tasks.values():  # the previous stage is done
                task = progress.tasks[task_id]
                progress.update(task_id, total=task.total or 1, completed=task.total or 1)
            tasks[name] = progress.add_task(labels.get(name, name), total=None, rate="")

        def on_progress(name: str, done: int, total: int) -> None:
            task_id = tasks.get(name)
            if task_id is None:
                return
            speed = progress.tasks[task_id].speed
            rate = f"{speed:.1f} {units.get(name, 'items')}/s" if speed else ""
            progress.update(task_id, completed=done, total=max(total, 1), rate=rate)

        return run(settings, on_stage=on_stage, on_progress=on_progress)


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


ledger_app = typer.Typer(help="The reference ledger of verified facts (claims/*.yaml).", no_args_is_help=True)
app.add_typer(ledger_app, name="ledger")
LedgerPathsArgument = Annotated[
    Optional[list[Path]],
    typer.Argument(help="Ledger files (default: claims/*.yaml and --ledger files from the configuration)."),
]


@ledger_app.command("check")
def ledger_check(
    paths: LedgerPathsArgument = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Validate ledger files: every problem as file:line: message (exit 2), else one OK line."""
    try:
        from factcheck.ledger import ledger_paths, validate_files

        files = list(paths) if paths else ledger_paths(build_settings(config=config, isolated=isolated))
        if not files:
            raise UsageError("no ledger files found", hint="give paths, or create claims/ledger.yaml")
        problems = validate_files(files)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    for problem in problems:
        sys.stdout.write(f"{problem}\n")
    if problems:
        stderr.print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the ledger", markup=False)
        raise typer.Exit(EXIT_USAGE)
    stderr.print(f"ledger OK: {len(files)} file{'s' if len(files) != 1 else ''}", markup=False)


@ledger_app.command("show")
def ledger_show(
    name: Annotated[str, typer.Argument(help="A person, organisation, event actor or measure.")],
    ledger: Annotated[
        Optional[list[Path]], typer.Option("--ledger", help="Ledger files (default: claims/*.yaml).")
    ] = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Print what the ledger holds about a name (exit 1 when nothing)."""
    try:
        from factcheck.ledger import ledger_paths, load_ledger

        files = list(ledger) if ledger else ledger_paths(build_settings(config=config, isolated=isolated))
        text = load_ledger(files).describe(name)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    if not text:
        stderr.print(f"the ledger holds nothing about {name!r}", markup=False)
        raise typer.Exit(1)
    sys.stdout.write(text + "\n")


ledger_add_app = typer.Typer(
    help="Add an entry to the ledger, or update the entry with the same identity (comments and order are kept).",
    no_args_is_help=True,
)
ledger_app.add_typer(ledger_add_app, name="add")
LedgerFileOption = Annotated[
    Optional[Path], typer.Option("--ledger", help="The ledger file to edit (default: claims/ledger.yaml).")
]
SourceOption = Annotated[
    Optional[str], typer.Option("--source", help="Where the fact can be checked (required for a new entry).")
]
AliasOption = Annotated[Optional[list[str]], typer.Option("--alias", help="Another name for it (repeat the option).")]


def _given(**fields) -> dict:
    """The fields an option set: not None, not an unset flag, not an empty list (0 is a value)."""
    return {
        key: value
        for key, value in fields.items()
        if value is not None and value is not False and not (isinstance(value, (list, tuple)) and not value)
    }


def _add_to_ledger(
    section: str, entry: dict, ledger_file: Path | None, config: Path | None, isolated: bool, debug: bool
) -> None:
    """Write one entry with upsert_entry: validated on its own and with the rest of the run's ledger."""
    try:
        from factcheck.ledger import edit_paths, entry_label, upsert_entry

        target, alongside = edit_paths(build_settings(config=config, isolated=isolated), ledger_file)
        outcome = upsert_entry(target, section, entry, alongside=alongside)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    stderr.print(f"{outcome} {entry_label(section, entry)} in {target}", markup=False, soft_wrap=True)


@ledger_add_app.command("person")
def ledger_add_person(
    name: Annotated[str, typer.Argument(help="The full name, as the person's own institution writes it.")],
    source: SourceOption = None,
    alias: AliasOption = None,
    title: Annotated[
        Optional[str], typer.Option("--title", help="A role's title; the role options below describe it.")
    ] = None,
    organisation: Annotated[Optional[str], typer.Option("--organisation", help="The role's organisation.")] = None,
    rank: Annotated[Optional[str], typer.Option("--rank", help="The rank that goes with the role (General).")] = None,
    title_alias: Annotated[
        Optional[list[str]], typer.Option("--title-alias", help="Another way of writing the title (repeat).")
    ] = None,
    start: Annotated[
        Optional[str], typer.Option("--start", help="First day the role was held: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    end: Annotated[Optional[str], typer.Option("--end", help="Last day held (same forms), or 'open'.")] = None,
    role_source: Annotated[
        Optional[str], typer.Option("--role-source", help="The role's own source (default: the person's).")
    ] = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """A person, and optionally one role: a role with the same title and organisation whose start agrees is updated."""
    role = _given(
        title=title, organisation=organisation, rank=rank, aliases=title_alias, start=start, end=end, source=role_source
    )
    entry = _given(name=name, aliases=alias, source=source, roles=[role] if role else None)
    _add_to_ledger("people", entry, ledger_file, config, isolated, debug)


@ledger_add_app.command("organisation")
def ledger_add_organisation(
    name: Annotated[str, typer.Argument(help="The organisation's name.")],
    source: SourceOption = None,
    alias: AliasOption = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """An organisation and its short forms (USSF for U.S. Space Force)."""
    _add_to_ledger(
        "organisations", _given(name=name, aliases=alias, source=source), ledger_file, config, isolated, debug
    )


@ledger_add_app.command("event")
def ledger_add_event(
    action: Annotated[str, typer.Option("--action", help="The verb: launch, test.")],
    actor: Annotated[Optional[str], typer.Option("--actor", help="Who did it.")] = None,
    object_: Annotated[Optional[str], typer.Option("--object", help="What it was done to.")] = None,
    date_: Annotated[
        Optional[str], typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD, at its real precision.")
    ] = None,
    what: Annotated[Optional[str], typer.Option("--what", help="A description, shown in findings.")] = None,
    source: SourceOption = None,
    alias: Annotated[Optional[list[str]], typer.Option("--alias", help="A name of the event itself (repeat).")] = None,
    actor_alias: Annotated[
        Optional[list[str]], typer.Option("--actor-alias", help="Another name of the actor (repeat).")
    ] = None,
    action_alias: Annotated[
        Optional[list[str]], typer.Option("--action-alias", help="Another word for the action (repeat).")
    ] = None,
    object_alias: Annotated[
        Optional[list[str]], typer.Option("--object-alias", help="Another name of the object (repeat).")
    ] = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """A dated event, identified by actor, action and object."""
    entry = _given(
        actor=actor,
        actor_aliases=actor_alias,
        action=action,
        actions=action_alias,
        object=object_,
        object_aliases=object_alias,
        aliases=alias,
        date=date_,
        what=what,
        source=source,
    )
    _add_to_ledger("events", entry, ledger_file, config, isolated, debug)


@ledger_add_app.command("figure")
def ledger_add_figure(
    measure: Annotated[str, typer.Option("--measure", help="What is counted, in words.")],
    unit: Annotated[str, typer.Option("--unit", help="count, percent, fraction, money:USD, km, ...")],
    as_of: Annotated[str, typer.Option("--as-of", help="When the figure held: YYYY, YYYY-MM or YYYY-MM-DD.")],
    value: Annotated[
        Optional[float], typer.Option("--value", help="The exact value (or give --low and/or --high).")
    ] = None,
    low: Annotated[Optional[float], typer.Option("--low", help="The interval's low end.")] = None,
    high: Annotated[Optional[float], typer.Option("--high", help="The interval's high end.")] = None,
    timeless: Annotated[bool, typer.Option("--timeless", help="The value cannot change after --as-of.")] = False,
    source: SourceOption = None,
    alias: Annotated[
        Optional[list[str]], typer.Option("--alias", help="A head noun a text may use for the measure (repeat).")
    ] = None,
    context: Annotated[
        Optional[list[str]], typer.Option("--context", help="Words a sentence must contain to be about it (repeat).")
    ] = None,
    ledger_file: LedgerFileOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """A measured quantity as of a date, identified by measure, unit and as-of date."""
    entry = _given(
        measure=measure,
        aliases=alias,
        context=context,
        unit=unit,
        value=value,
        low=low,
        high=high,
        as_of=as_of,
        timeless=timeless,
        source=source,
    )
    _add_to_ledger("figures", entry, ledger_file, config, isolated, debug)


cache_app = typer.Typer(help="The cache of parsed documents, claims and embeddings.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
def cache_info(
    cache_dir: CacheDirOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Where the cache is, its size and its entries."""
    try:
        from factcheck.cache import Cache

        settings = build_settings(config=config, isolated=isolated, cache_dir=cache_dir)
        cache = Cache(settings.cache_dir, settings.cache_max_bytes)
        size = cache.size()
        counts = cache.counts() if cache.path.exists() else {}
        cache.close()
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    lines = [f"path: {inert(str(cache.path))}", f"size: {size:,} bytes (emptied above {settings.cache_max_bytes:,})"]
    lines += [f"{name}: {count:,}" for name, count in counts.items()]
    sys.stdout.write("\n".join(lines) + "\n")


@cache_app.command("clear")
def cache_clear(
    cache_dir: CacheDirOption = None,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    debug: DebugOption = False,
) -> None:
    """Remove the cache (the next run rebuilds what it needs)."""
    try:
        from factcheck.cache import Cache

        settings = build_settings(config=config, isolated=isolated, cache_dir=cache_dir)
        cache = Cache(settings.cache_dir)
        freed = cache.clear()
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    stderr.print(f"removed {inert(str(cache.path))} ({freed:,} bytes)", markup=False, highlight=False)


def main() -> None:
    app()
