"""The command line: parse -> settings -> run() -> render -> exit code. Nothing else."""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from importlib.metadata import entry_points
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from factcheck.config import Settings
from factcheck.errors import FactcheckError, UsageError
from factcheck.fileio import write_atomic
from factcheck.model import RunResult, Severity

app = typer.Typer(
    name="factcheck",
    help="Offline, source-critical fact-checking: claims, cross-source clusters and consistency findings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True, highlight=False)

EXIT_USAGE = 2


class EmbedderName(str, Enum):
    minilm = "minilm"
    minilm_int8 = "minilm-int8"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def reporter_names() -> list[str]:
    return sorted(entry.name for entry in entry_points(group="factcheck.reporters"))


def render(result: RunResult, output_format: str, color: bool = False) -> str:
    """Render with the reporter registered under ``output_format``."""
    for entry in entry_points(group="factcheck.reporters"):
        if entry.name == output_format:
            reporter_class = entry.load()
            if output_format == "rich":
                return reporter_class(color=color).render(result)
            return reporter_class().render(result)
    raise UsageError(f"unknown format {output_format!r}", hint=f"choose one of: {', '.join(reporter_names())}")


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
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)
        stderr.print(f"wrote {output}")


def fail(error: BaseException, debug: bool) -> "typer.Exit":
    if debug:
        raise error
    if isinstance(error, FactcheckError):
        stderr.print(f"[bold red]error[/] [dim]{error.code}[/] {error}", markup=True, highlight=False)
    else:
        stderr.print(f"[bold red]internal error[/] {type(error).__name__}: {error} (run with --debug for the traceback)")
    return typer.Exit(EXIT_USAGE)


def build_settings(**values) -> Settings:
    """Command-line values over configuration files over defaults."""
    given = {key: value for key, value in values.items() if value is not None}
    return Settings(**given)


def run_with_progress(settings: Settings) -> RunResult:
    from factcheck.pipeline import run

    labels = {"load": "reading documents", "extract": "extracting claims (spaCy)", "embed": "embedding claims",
              "cluster": "clustering", "check": "running checks"}
    if not sys.stderr.isatty():
        return run(settings)
    with stderr.status("starting") as status:
        return run(settings, on_stage=lambda name: status.update(labels.get(name, name)))


PathsArgument = Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (default: seeds/).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="rich, json, sarif or markdown.")]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here (atomically).")]
FailOnOption = Annotated[FailOn, typer.Option("--fail-on", help="Exit 1 for open findings at or above this severity.")]
ExitZeroOption = Annotated[bool, typer.Option("--exit-zero", help="Report only: exit 0 even with findings.")]
PublishedOption = Annotated[Optional[list[str]], typer.Option("--published", help="ID=YYYY-MM-DD for a document without a dateline.")]
CacheDirOption = Annotated[Optional[Path], typer.Option("--cache-dir", help="Cache folder (default: the user cache).")]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
ChecksOption = Annotated[Optional[list[str]], typer.Option("--checks", "--select", help="Run only these checks (slug or code).")]
IgnoreOption = Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these checks (slug or code).")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
EmbedderOption = Annotated[Optional[EmbedderName], typer.Option("--embedder", help="minilm (fp32, torch) or minilm-int8 (ONNX, no torch).")]


@app.command()
def check(
    paths: PathsArgument = None,
    output_format: FormatOption = "rich",
    output: OutputOption = None,
    fail_on: FailOnOption = FailOn.error,
    exit_zero: ExitZeroOption = False,
    published: PublishedOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    checks: ChecksOption = None,
    ignore: IgnoreOption = None,
    embedder: EmbedderOption = None,
    debug: DebugOption = False,
) -> None:
    """Check documents: claims, cross-source clusters and consistency findings."""
    try:
        settings = build_settings(
            paths=tuple(paths) if paths else None,
            published=parse_published(published) or None,
            fail_on=Severity(fail_on.value),
            exit_zero=exit_zero or None,
            cache_dir=cache_dir,
            use_cache=False if no_cache else None,
            select=tuple(checks) if checks else None,
            ignore=tuple(ignore) if ignore else None,
            embedder=embedder.value if embedder else None,
        )
        result = run_with_progress(settings)
        emit(render(result, output_format, color=output is None and sys.stdout.isatty()), output)
        code = result.exit_code()
    except Exception as error:  # noqa: BLE001 - every error becomes a message and exit 2
        raise fail(error, debug) from None
    raise typer.Exit(code)


@app.command()
def claims(
    path: Annotated[Path, typer.Argument(help="One document.")],
    output_format: FormatOption = "rich",
    output: OutputOption = None,
    published: PublishedOption = None,
    debug: DebugOption = False,
) -> None:
    """The claims of one document with their slots; JSON also lists every time expression."""
    try:
        from factcheck.explore import claims_report

        settings = build_settings(paths=(path,), published=parse_published(published) or None, use_cache=False)
        text, code = claims_report(settings, output_format)
        emit(text, output)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    raise typer.Exit(code)


@app.command()
def clusters(
    paths: PathsArgument = None,
    output_format: FormatOption = "rich",
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

        settings = build_settings(paths=tuple(paths) if paths else None,
                                  published=parse_published(published) or None,
                                  cache_dir=cache_dir, use_cache=False if no_cache else None,
                                  embedder=embedder.value if embedder else None)
        text, code = clusters_report(settings, output_format)
        emit(text, output)
    except Exception as error:  # noqa: BLE001
        raise fail(error, debug) from None
    raise typer.Exit(code)


def main() -> None:
    app()
