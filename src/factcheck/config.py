"""Settings: one validated object built from defaults, config files, environment and options."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.model import Severity
from factcheck.yamlio import brief


class Settings(BaseModel):
    """Everything a run depends on. Unknown keys are errors (extra="forbid")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: tuple[Path, ...] = (Path("seeds"),)
    published: dict[str, date] = Field(default_factory=dict)  # document id -> publication date
    ledger: tuple[Path, ...] = ()  # extra ledger files; claims/*.yaml is always read when present
    ledger_dir: Path | None = Path("claims")
    resolutions: Path | None = Path("claims/resolutions.yaml")
    select: tuple[str, ...] = ()  # check slugs or codes to run; empty = all registered
    extend_select: tuple[str, ...] = ()  # opt-in checks to run beside the default set
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)  # slug or code -> severity override
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    # A document that could not be checked (not loaded, extraction failed, over a limit) exits 2 unless allowed.
    allow_skipped: bool = False
    # Inside a checked folder, read what symlinks point to outside it (off: a link to a credentials file is not a document).
    follow_symlinks: bool = False
    # Entity-, time- and event-aware cosine distance (0..2) within one story, average linkage; see stages/cluster.py. NaN or negative
    # would silently cluster nothing.
    cluster_threshold: float = Field(default=0.65, ge=0.0, le=2.0, allow_inf_nan=False)
    cache_dir: Path | None = None  # None = the user cache directory
    use_cache: bool = True
    cache_max_bytes: int = Field(default=2_000_000_000, gt=0)  # emptied at the next run's start when larger
    embedder: Literal["minilm", "minilm-int8"] = "minilm"
    max_file_bytes: int = Field(default=10_000_000, gt=0)
    max_sentence_chars: int = Field(default=2_000, gt=0)
    # Per-document limits (a failure naming the limit, not a hang): text extracted, PDF pages, and the
    # CPU seconds each stage (load, extract) may spend on one document (CPU, not wall time: a loaded machine
    # must not change which documents are checked).
    max_document_chars: int = Field(default=5_000_000, gt=0)
    max_pdf_pages: int = Field(default=2_000, gt=0)
    document_seconds: float = Field(default=180.0, gt=0, allow_inf_nan=False)
    progress: bool = False
    jobs: int | None = Field(default=None, ge=1)  # worker processes; None = every core (see engine.py)
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # a Dask scheduler address to join (implies engine="dask")
    thresholds: dict[str, float] = Field(default_factory=dict)  # check-specific tunables, "slug.name"

    def threshold(self, name: str, default: float) -> float:
        return self.thresholds.get(name, default)


# --- Configuration discovery: files, environment, command line -----------------------------

CONFIG_FILENAMES = ("factcheck.toml", "pyproject.toml")  # in this order within one directory
ENV_PREFIX = "FACTCHECK_"
# Markers of a repository root: discovery stops there, like Black's project root.
_VCS_MARKERS = (".git", ".hg", ".svn", ".jj")
# Fields read from files whose relative paths resolve against the config file's directory.
_PATH_FIELDS = ("paths", "ledger", "ledger_dir", "resolutions", "cache_dir")
# Defaults that live in the project: anchored at the config file's directory when one is found.
_PROJECT_DEFAULTS = ("ledger_dir", "resolutions")


def find_config(start: Path) -> Path | None:
    """The first ``factcheck.toml`` or ``pyproject.toml`` with ``[tool.factcheck]`` walking up.

    Stops after a directory that holds a VCS marker (``.git``...) or at the filesystem root,
    so a stray configuration above the repository never applies.
    """
    directory = start.resolve()
    if directory.is_file():
        directory = directory.parent
    while True:
        for name in CONFIG_FILENAMES:
            candidate = directory / name
            if candidate.is_file() and _has_factcheck_config(candidate):
                return candidate
        if any((directory / marker).exists() for marker in _VCS_MARKERS) or directory.parent == directory:
            return None
        directory = directory.parent


def _has_factcheck_config(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True  # a factcheck.toml is factcheck configuration by its name, even when empty
    try:
        data = _parse_toml(path)
    except Exception:  # noqa: BLE001 - a broken pyproject is reported only if it is ours
        return (
            re.search(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", path.read_text("utf-8", "replace"), re.M) is not None
        )
    return isinstance(data.get("tool"), dict) and "factcheck" in data["tool"]


def _parse_toml(path: Path) -> dict[str, Any]:
    from factcheck.errors import ConfigError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read configuration: {error}", path=str(path)) from error
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or "invalid TOML"
        raise ConfigError(
            f"malformed TOML: {message}",
            path=str(path),
            line=int(match.group(1)) if match else None,
            column=int(match.group(2)) if match else None,
        ) from error
    except ValueError as error:  # tomllib's int() refuses a number of more than 4,300 digits
        digits = re.search(r"\d{4301,}", text)
        line = text.count("\n", 0, digits.start()) + 1 if digits else None
        size = f"a {len(digits.group()):,}-digit" if digits else "a"
        raise ConfigError(f"malformed TOML: {size} number is too long", path=str(path), line=line) from error


def read_config_file(path: Path) -> dict[str, Any]:
    """The factcheck table of one file (``[tool.factcheck]`` of a pyproject, else top level),
    keys in snake_case, relative paths anchored at the file's directory."""
    from factcheck.errors import ConfigError

    data = _parse_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("factcheck", {}) if isinstance(data.get("tool"), dict) else {}
        if not isinstance(data, dict):
            raise ConfigError("[tool.factcheck] must be a table", path=str(path), line=_key_line(path, "factcheck"))
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = raw_key.replace("-", "_")
        if key not in Settings.model_fields:
            raise ConfigError(
                f"unknown configuration key {brief(raw_key)}",
                path=str(path),
                line=_key_line(path, raw_key),
                hint=f"known keys: {', '.join(name.replace('_', '-') for name in Settings.model_fields)}",
            )
        if key in values:
            raise ConfigError(
                f"key {brief(raw_key)} given twice (kebab- and snake-case)",
                path=str(path),
                line=_key_line(path, raw_key),
            )
        values[key] = _anchor_paths(key, value, path.parent)
    raw_names = {raw.replace("-", "_"): raw for raw in data}
    _validate(
        values,
        source=str(path),
        line_of=lambda key: _key_line(path, str(raw_names.get(key, key))),
        name_of=lambda key: raw_names.get(key, key),
    )
    return values


def _anchor_paths(key: str, value: Any, base: Path) -> Any:
    if key not in _PATH_FIELDS or value is None:
        return value
    if isinstance(value, str):
        anchored = _anchor(value, base)
        return (anchored,) if key in ("paths", "ledger") else anchored  # a lone string for a list
    if isinstance(value, list):
        return tuple(_anchor(item, base) if isinstance(item, str) else item for item in value)
    return value


def _anchor(value: str, base: Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else base / path


def _key_line(path: Path, key: str) -> int | None:
    """The line a key is set on. tomllib gives no positions, so search the text for it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"""^\s*(\[+\s*)?(tool\s*\.\s*)?["']?{re.escape(key)}["']?\s*(=|\.|\])""")
    in_section = path.name != "pyproject.toml"
    for number, line in enumerate(lines, start=1):
        if re.match(r"^\s*\[\s*tool\s*\.\s*factcheck\s*[\].]", line):
            in_section = True
            if key == "factcheck":
                return number
        if in_section and pattern.match(line):
            return number
    return None


def _validate(values: dict[str, Any], *, source: str | None, line_of=None, name_of=None) -> None:
    """Validate before merging, so the error names the key (and file) that is wrong."""
    from factcheck.errors import ConfigError

    try:
        Settings(**values)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0]) if first.get("loc") else "?"
        name = name_of(key) if name_of else key.replace("_", "-")
        detail = ".".join(str(part) for part in first.get("loc", ())[1:])[:80]
        raise ConfigError(
            f"invalid value for {name!r}{f' ({detail})' if detail else ''}: {first['msg']}",
            path=source,
            line=line_of(key) if line_of else None,
        ) from error


def read_environment(env: Mapping[str, str]) -> dict[str, Any]:
    """Settings from ``FACTCHECK_<FIELD>`` variables (``FACTCHECK_FAIL_ON=warning``).

    Lists are comma-separated (``paths`` and ``ledger`` by ``os.pathsep``); tables are
    ``key=value`` pairs separated by commas. Variables that name no field are ignored,
    since other tools may share the prefix.
    """
    values: dict[str, Any] = {}
    for name, raw in sorted(env.items()):
        if not name.startswith(ENV_PREFIX):
            continue
        key = name[len(ENV_PREFIX) :].lower()
        if key not in Settings.model_fields:
            continue
        annotation = str(Settings.model_fields[key].annotation)
        value: Any = raw
        if annotation.startswith("tuple"):
            separator = os.pathsep if key in ("paths", "ledger") else ","
            value = tuple(item.strip() for item in raw.split(separator) if item.strip())
        elif annotation.startswith("dict"):
            pairs = [item for item in raw.split(",") if item.strip()]
            value = {}
            for pair in pairs:
                if "=" not in pair:
                    from factcheck.errors import ConfigError

                    raise ConfigError(
                        f"environment variable {name}: expected key=value pairs, got {brief(pair.strip())}"
                    )
                item_key, _, item_value = pair.partition("=")
                value[item_key.strip()] = item_value.strip()
        elif raw == "" and key in _PATH_FIELDS:
            value = None
        values[key] = value
    _validate(values, source=None, name_of=lambda key: ENV_PREFIX + key.upper())
    return values


def load_settings(
    cli: Mapping[str, Any] | None = None,
    *,
    config_path: Path | str | None = None,
    isolated: bool = False,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Settings from defaults < configuration file < ``FACTCHECK_*`` environment < command line.

    ``cli`` maps field names to option values; ``None`` means "not given". The file is
    ``config_path`` when given, else the first one found walking up from ``cwd``;
    ``isolated`` ignores configuration files altogether (the environment still applies).
    Raises ConfigError (path:line:col) for malformed TOML, unknown keys or bad values.
    """
    from factcheck.errors import ConfigError, UsageError

    cwd = Path.cwd() if cwd is None else Path(cwd)
    env = os.environ if env is None else env
    if isolated and config_path is not None:
        raise UsageError("--config and --isolated cannot be used together")
    values: dict[str, Any] = {}
    config_file: Path | None = None
    if config_path is not None:
        config_file = Path(config_path)
        if not config_file.is_absolute():
            config_file = cwd / config_file
        if not config_file.is_file():
            raise ConfigError("configuration file not found", path=str(config_path), hint="check the --config path")
    elif not isolated:
        config_file = find_config(cwd)
    if config_file is not None:
        for key in _PROJECT_DEFAULTS:
            default = Settings.model_fields[key].default
            if isinstance(default, Path) and not default.is_absolute():
                values[key] = config_file.parent / default
        values.update(read_config_file(config_file))
    values.update(read_environment(env))
    command_line = {key: value for key, value in (cli or {}).items() if value is not None}
    unknown = sorted(set(command_line) - set(Settings.model_fields))
    if unknown:
        raise UsageError(f"unknown setting(s) {', '.join(unknown)}")
    values.update(command_line)
    try:
        return Settings(**values)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        raise UsageError(f"invalid option value ({where}): {first['msg']}") from error
