"""What every command shares: the app, settings from options, error exits, output and progress."""

from __future__ import annotations

import inspect
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from factcheck.cli.options import reporter_names, terminal_width
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
# Options naming checks take comma-separated lists too ("--select date-conflict,FC002"), as ruff's do and as
# FACTCHECK_SELECT does.
_CHECK_LIST_OPTIONS = frozenset({"checks", "enable", "ignore"})


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
            if option in _CHECK_LIST_OPTIONS:
                value = [name.strip() for item in value for name in item.split(",") if name.strip()]
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
