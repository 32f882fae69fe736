"""Reading one ledger file: round-trip YAML (so every problem names file:line), validated into records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, cast

from pydantic import (
    ValidationError,
)

from factcheck.errors import LedgerError
from factcheck.fileio import read_text_capped
from factcheck.ledger.schema import SCHEMA_VERSION, SECTIONS, LedgerFile, Person
from factcheck.yamlio import brief


def _yaml():
    from factcheck.yamlio import safe_yaml

    yaml = safe_yaml("rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap a user's long source notes
    return yaml


def _line_of(data: Any, loc: Sequence[Any]) -> int | None:
    """1-based line of the deepest node on ``loc`` that the YAML tree has."""
    node: Any = data
    line = data.lc.line + 1 if hasattr(data, "lc") else None
    for key in loc:
        try:
            if isinstance(node, Mapping):
                if key not in node:
                    break
                line = cast(Any, node).lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
                line = cast(Any, node).lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        except (AttributeError, KeyError, TypeError):
            break
    return line


def _validation_errors(error: ValidationError, data: Any, path: str) -> list[LedgerError]:
    problems = []
    for item in error.errors():
        loc = [part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
        where = ".".join(str(part) for part in loc)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
            where = ".".join(str(part) for part in loc[:-1])
        elif item["type"] == "missing":
            message = f"missing required key {loc[-1]!r}"
            where = ".".join(str(part) for part in loc[:-1])
        elif item["type"] == "literal_error" and loc == ["version"]:
            message = (
                f"unsupported schema version {brief(item.get('input'))} (this factcheck reads version {SCHEMA_VERSION})"
            )
        problems.append(LedgerError(f"{where}: {message}" if where else message, path=path, line=_line_of(data, loc)))
    return problems


def _origins(parsed: LedgerFile, data: Any, path: str) -> None:
    """Remember where each entry came from, for merge conflicts and `ledger show`."""
    for section in SECTIONS:
        for index, entry in enumerate(getattr(parsed, section)):
            entry._origin = f"{path}:{_line_of(data, [section, index])}"
            if isinstance(entry, Person):
                for role_index, role in enumerate(entry.roles):
                    role._origin = f"{path}:{_line_of(data, [section, index, 'roles', role_index])}"


def parse_text(text: str, path: str = "<ledger>") -> tuple[LedgerFile | None, list[LedgerError]]:
    """Parse and validate one file's text. Returns the file or the problems, each with its line."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = "; ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        return None, [LedgerError(f"invalid YAML: {problem}", path=path, line=line)]
    except YAMLError as error:
        return None, [LedgerError(f"invalid YAML: {error}", path=path)]
    if data is None:
        return None, [LedgerError(f"empty file: expected 'version: {SCHEMA_VERSION}' and sections", path=path, line=1)]
    if not isinstance(data, Mapping):
        return None, [LedgerError("the top level must be a mapping with 'version' and sections", path=path, line=1)]
    try:
        parsed = LedgerFile.model_validate(data)
    except ValidationError as error:
        return None, _validation_errors(error, data, path)
    _origins(parsed, data, path)
    return parsed, []


def parse_file(path: Path | str) -> tuple[LedgerFile | None, list[LedgerError]]:
    path = Path(path)
    try:
        text = read_text_capped(path, LedgerError, "ledger file")
    except FileNotFoundError:
        return None, [LedgerError("ledger file not found", path=str(path))]
    except LedgerError as error:
        return None, [error]
    return parse_text(text, str(path))
