"""Command-line options shared by several commands, each defined once (as ruff's args.rs does).

A command lists the ones it takes by these names; choices such as ``--format`` are validated
while the command line is parsed, before any document is read or any model loads.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

# Formats of `check`/`findings` that ship with factcheck; plugins add theirs through the
# `factcheck.reporters` entry point and are accepted as well.
BUILTIN_FORMATS = ("rich", "concise", "github", "json", "sarif", "markdown", "html")
AUDIT_FORMATS = ("rich", "json", "markdown")


def reporter_names() -> list[str]:
    """Every registered report format: the built-ins first, in their order, then plugins."""
    from importlib.metadata import entry_points

    registered = {entry.name for entry in entry_points(group="factcheck.reporters")}
    return [name for name in BUILTIN_FORMATS if name in registered] + sorted(registered - set(BUILTIN_FORMATS))


def _check_format(value: str) -> str:
    known = reporter_names()
    if value not in known:
        raise typer.BadParameter(f"{value!r} is not a report format; choose one of: {', '.join(known)}")
    return value


def _check_audit_format(value: str) -> str:
    if value not in AUDIT_FORMATS:
        raise typer.BadParameter(f"{value!r} is not an audit format; choose one of: {', '.join(AUDIT_FORMATS)}")
    return value


class EmbedderName(str, Enum):
    minilm = "minilm"
    minilm_int8 = "minilm-int8"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def use_color(choice: Color, output: Path | None) -> bool:
    """Colour for a report: ``always``/``never`` as asked; ``auto`` only on a terminal, and
    never when ``NO_COLOR`` is set (no-color.org: an explicit option wins over the variable)."""
    if choice is Color.always:
        return True
    if choice is Color.never:
        return False
    return output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def terminal_width() -> int:
    """The width to wrap a text report at: ``COLUMNS``, else the terminal's, else 100."""
    return max(shutil.get_terminal_size((100, 24)).columns, 40)


def _words_not_types() -> None:
    """Help shows TEXT, PATH, NUMBER and choices, never Python types such as ``<list[Path]>``.

    Typer 0.29 prints each parameter's annotation in help; it offers no hook for that, so its
    one formatting method is wrapped here, once, for every command.
    """
    from typer.core import _TyperParameter

    words = {"str": "TEXT", "Path": "PATH", "int": "INTEGER", "float": "NUMBER", "bool": "", "date": "DATE"}
    python_type = _TyperParameter.display_type
    if getattr(python_type, "plain_words", False):
        return

    def display_type(self, ctx):
        label = re.sub(r"^list\[(.*)\]$", r"\1", python_type(self, ctx).strip("<>"))
        return words.get(label, label.upper() if label in ("path", "file", "directory") else label)

    display_type.plain_words = True  # type: ignore[attr-defined]
    _TyperParameter.display_type = display_type  # type: ignore[method-assign]


_words_not_types()


# metavar: help shows a word a person understands, never a Python type such as <list[str]>.
PathsArgument = Annotated[
    Optional[list[Path]],
    typer.Argument(help="Files or folders (default: seeds/).", metavar="PATHS", show_default=False),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        callback=_check_format,
        metavar="FORMAT",
        help=f"Report format: {', '.join(BUILTIN_FORMATS)} (or a plugin's).",
    ),
]
AuditFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        callback=_check_audit_format,
        metavar="FORMAT",
        help=f"Report format: {', '.join(AUDIT_FORMATS)}.",
    ),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", metavar="FILE", help="Write the report here (atomically) instead of stdout."),
]
ColorOption = Annotated[
    Color,
    typer.Option(
        "--color", help="Colour the terminal report: auto (on a terminal, unless NO_COLOR is set), always or never."
    ),
]
FailOnOption = Annotated[
    Optional[FailOn],
    typer.Option(
        "--fail-on",
        help="Exit 1 for open findings at or above this severity (default: error, or the configuration's fail-on).",
        show_default=False,
    ),
]
ExitZeroOption = Annotated[bool, typer.Option("--exit-zero", help="Report only: exit 0 even with findings.")]
FollowSymlinksOption = Annotated[
    bool, typer.Option("--follow-symlinks", help="Inside a folder, also read files that symlinks point to outside it.")
]
AllowSkippedOption = Annotated[
    bool,
    typer.Option(
        "--allow-skipped",
        help="Gate on the documents that could be checked: a document that could not be (unreadable, "
        "failed, over a limit) is reported but does not exit 2.",
    ),
]
PublishedOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--published", metavar="ID=YYYY-MM-DD", help="Publication date of a document without a dateline (repeat)."
    ),
]
CacheDirOption = Annotated[
    Optional[Path], typer.Option("--cache-dir", metavar="DIR", help="Cache folder (default: the user cache).")
]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
ChecksOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--checks", "--select", metavar="CHECK", help="Run only these checks (slug or code; repeat or comma-separate)."
    ),
]
IgnoreOption = Annotated[
    Optional[list[str]],
    typer.Option("--ignore", metavar="CHECK", help="Skip these checks (slug or code; repeat or comma-separate)."),
]
EnableOption = Annotated[
    Optional[list[str]],
    typer.Option(
        "--enable", "--extend-select", metavar="CHECK", help="Also run these opt-in checks (e.g. uncorroborated)."
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]
EmbedderOption = Annotated[
    Optional[EmbedderName],
    typer.Option("--embedder", help="minilm (fp32, torch) or minilm-int8 (ONNX, no torch).", show_default=False),
]
ConfigOption = Annotated[
    Optional[Path],
    typer.Option(
        "--config",
        metavar="FILE",
        help="Use this configuration file (factcheck.toml or pyproject.toml) instead of discovery.",
    ),
]
IsolatedOption = Annotated[bool, typer.Option("--isolated", help="Ignore configuration files.")]
JobsOption = Annotated[
    Optional[int],
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="Worker processes for parsing, encoding and the neighbour search (default: every core).",
    ),
]
EngineOption = Annotated[
    Optional[EngineName],
    typer.Option(
        "--engine", help="local (this machine's cores) or dask (a LocalCluster, or --scheduler).", show_default=False
    ),
]
SchedulerOption = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler",
        metavar="ADDRESS",
        help="Join the Dask cluster at this address (tcp://host:8786) instead of starting one.",
    ),
]
ResolutionsOption = Annotated[
    Optional[Path],
    typer.Option("--resolutions", metavar="FILE", help="Resolutions file (default: claims/resolutions.yaml)."),
]
LedgerOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--ledger", metavar="FILE", help="A ledger file of verified facts, read besides claims/*.yaml (repeat)."
    ),
]
