"""Resolved and accepted findings, recorded by people and matched to findings by fingerprint id.

The file (default ``claims/resolutions.yaml``)::

    version: 1
    resolutions:
      - id: date-conflict-1a2b3c4d5e
        status: resolved          # resolved: the text was fixed or the finding is wrong
        note: Launch was 2024-02-02; the draft now says so.
        by: editor
        date: 2025-02-11
        check: date-conflict
        evidence:                 # short excerpts, for the people reading this file
          - On February 2, 2024, spectators gathered...

``accepted`` means the discrepancy is known and stays. Matching uses only ``id``; the other
fields are for people. Writes are atomic and keep comments and order (ruamel round-trip); a
file that does not parse is never rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from factcheck.errors import ResolutionsError, UsageError
from factcheck.fileio import edit_lock, read_text_capped, write_atomic
from factcheck.model import Failure, Finding, Status
from factcheck.yamlio import brief

SCHEMA_VERSION = 1
DECIDED = (Status.RESOLVED, Status.ACCEPTED)
_FIELDS = ("id", "status", "note", "by", "date", "check", "evidence")
_EXCERPT_CHARS = 100
_HEADER = (
    "# factcheck resolutions: decisions on findings, matched by their fingerprint id.\n"
    "# status: resolved (fixed, or the finding is wrong) | accepted (known and left as is).\n"
    "# Record with: factcheck resolve ID --status resolved --note TEXT\n"
)


class Resolution(BaseModel):
    """One decision about one finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    status: Status
    note: str
    by: str | None = None
    date: dt.date | None = None
    check: str | None = None
    evidence: tuple[str, ...] = ()
    line: int | None = None  # where the entry starts in its file (1-based), for messages


def _yaml():
    from factcheck.yamlio import safe_yaml

    yaml = safe_yaml("rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a note mid-sentence
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _parse(path: Path, text: str) -> Any:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        raise ResolutionsError(
            f"malformed YAML: {problem}",
            path=str(path),
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from error
    except YAMLError as error:
        raise ResolutionsError(f"malformed YAML: {error}", path=str(path)) from error


def _read(path: Path) -> tuple[str, Any] | None:
    """The text and round-trip document of ``path``; None when the file does not exist."""
    try:
        text = read_text_capped(path, ResolutionsError, "resolutions file")
    except FileNotFoundError:
        return None
    return text, _parse(path, text)


def _place(node: Any, key: Any = None) -> tuple[int | None, int | None]:
    """1-based line and column of a node (or of one of its keys) in the file."""
    lc = getattr(node, "lc", None)
    if lc is None:
        return None, None
    try:
        line, column = lc.key(key) if key is not None else (lc.line, lc.col)
    except (KeyError, IndexError, TypeError):
        line, column = lc.line, lc.col
    if line is None:  # a tagged scalar ("!!str" alone) keeps no position
        return None, None
    return line + 1, (column + 1 if column is not None else None)


def _validate(path: Path, document: Any) -> dict[str, Resolution]:
    def fail(message: str, node: Any = None, key: Any = None, hint: str | None = None) -> ResolutionsError:
        line, column = _place(node, key) if node is not None else (None, None)
        return ResolutionsError(message, path=str(path), line=line, column=column, hint=hint)

    if document is None:
        return {}
    if not isinstance(document, Mapping):
        raise fail("expected a mapping with 'version' and 'resolutions'", document)
    unknown = [key for key in document if key not in ("version", "resolutions")]
    if unknown:
        raise fail(f"unknown top-level key {brief(unknown[0])}", document, unknown[0])
    if document.get("version", SCHEMA_VERSION) != SCHEMA_VERSION:
        raise fail(
            f"unsupported version {brief(document.get('version'))}",
            document,
            "version",
            hint=f"this factcheck reads version {SCHEMA_VERSION}",
        )
    entries = document.get("resolutions")
    if entries is None:
        return {}
    if not isinstance(entries, list):
        raise fail("'resolutions' must be a list", document, "resolutions")
    found: dict[str, Resolution] = {}
    for index, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            line = entries.lc.item(index)[0] + 1 if hasattr(entries, "lc") else None
            raise ResolutionsError(f"resolution #{index + 1} must be a mapping", path=str(path), line=line)
        for key in entry:
            if key not in _FIELDS:
                raise fail(f"unknown key {brief(key)} in resolution", entry, key, hint=f"keys: {', '.join(_FIELDS)}")
        for key in ("id", "status", "note"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise fail(f"resolution needs a non-empty {key!r}", entry, key if key in entry else None)
        if entry["status"] not in ("resolved", "accepted"):
            raise fail(f"status must be 'resolved' or 'accepted', not {brief(entry['status'])}", entry, "status")
        recorded = entry.get("date")
        if isinstance(recorded, dt.datetime):  # "2025-02-11 10:00": the day is what the field records
            recorded = recorded.date()
        if isinstance(recorded, str):
            try:
                recorded = date.fromisoformat(recorded)
            except ValueError:
                raise fail(f"date must be YYYY-MM-DD, not {brief(recorded)}", entry, "date") from None
        elif recorded is not None and not isinstance(recorded, date):
            raise fail("date must be YYYY-MM-DD", entry, "date")
        evidence = entry.get("evidence") or []
        if isinstance(evidence, str):
            evidence = [evidence]
        if not isinstance(evidence, list) or not all(isinstance(item, str) for item in evidence):
            raise fail("evidence must be a list of text excerpts", entry, "evidence")
        for key in ("by", "check"):
            if entry.get(key) is not None and not isinstance(entry.get(key), str):
                raise fail(f"{key!r} must be text", entry, key)
        finding_id = entry["id"].strip()
        if finding_id in found:
            raise fail(
                f"resolution for {brief(finding_id)} given twice (first on line {found[finding_id].line})", entry, "id"
            )
        found[finding_id] = Resolution(
            id=finding_id,
            status=Status(entry["status"]),
            note=entry["note"].strip(),
            by=entry.get("by"),
            date=recorded,
            check=entry.get("check"),
            evidence=tuple(evidence),
            line=_place(entry)[0],
        )
    return found


def load_resolutions(path: Path | str | None) -> dict[str, Resolution]:
    """Resolutions by finding id, in file order. A missing file (or ``None``) is no resolutions.

    Raises ResolutionsError (``path:line:col``) on malformed YAML or entries; the run exits 2.
    """
    if path is None:
        return {}
    path = Path(path)
    read = _read(path)
    if read is None:
        return {}
    return _validate(path, read[1])


def apply_resolutions(
    findings: Iterable[Finding],
    resolutions: Mapping[str, Resolution],
    checks_run: Collection[str] | None = None,
) -> tuple[list[Finding], tuple[str, ...]]:
    """Set status and note on matched findings; return them (same order) and the stale ids.

    A resolution is stale when no finding has its id. With ``checks_run`` (slugs), resolutions
    of checks that did not run (deselected or crashed) are not called stale: nothing was
    looked at that could have matched them.
    """
    applied: list[Finding] = []
    matched: set[str] = set()
    for finding in findings:
        resolution = resolutions.get(finding.id)
        if resolution is not None:
            finding = finding.model_copy(update={"status": resolution.status, "note": resolution.note})
            matched.add(finding.id)
        applied.append(finding)
    stale = tuple(
        finding_id
        for finding_id, resolution in resolutions.items()
        if finding_id not in matched and (checks_run is None or _check_of(resolution) in set(checks_run))
    )
    return applied, stale


def _check_of(resolution: Resolution) -> str:
    """The check slug of a resolution: its ``check`` field, else the id's prefix."""
    return resolution.check or resolution.id.rsplit("-", 1)[0]


def excerpt(text: str, limit: int = _EXCERPT_CHARS) -> str:
    """A one-line excerpt of evidence text, for people reading the resolutions file."""
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def record_resolution(
    path: Path | str,
    finding_or_id: Finding | str,
    status: Status | str,
    note: str,
    by: str | None = None,
    today: date | None = None,
) -> Resolution:
    """Add or update the entry for one finding, atomically and under the file's edit lock, keeping
    comments and order.

    An existing entry keeps its place and any fields not given here. Raises UsageError
    for a bad status or empty note, ResolutionsError if the file does not parse (it is
    then left untouched).
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    path = Path(path)
    status = Status(status) if not isinstance(status, Status) else status
    if status not in DECIDED:
        raise UsageError(f"status must be resolved or accepted, not {status.value!r}")
    if not note or not note.strip():
        raise UsageError("a resolution needs a note saying why", hint="pass --note TEXT")
    today = today or date.today()
    if isinstance(finding_or_id, Finding):
        finding_id, check = finding_or_id.id, finding_or_id.check
        evidence = [excerpt(span.text) for span in finding_or_id.evidence]
    else:
        finding_id, check, evidence = finding_or_id.strip(), None, []
        if not finding_id:
            raise UsageError("a finding id is required")

    # Read, change and replace under one lock: two editors at once must not lose a decision.
    with edit_lock(path, ResolutionsError):
        read = _read(path)
        if read is None:
            document = _yaml().load(_HEADER + f"version: {SCHEMA_VERSION}\nresolutions: []\n")
        else:
            document = read[1]
            _validate(path, document)  # never rewrite what we cannot read back
            if document is None:
                document = _yaml().load(read[0] + f"\nversion: {SCHEMA_VERSION}\nresolutions: []\n")
        if "version" not in document:
            document.insert(0, "version", SCHEMA_VERSION)
        entries = document.get("resolutions")
        if entries is None:
            entries = CommentedSeq()
            document["resolutions"] = entries
        if len(entries) == 0 and hasattr(entries, "fa"):
            entries.fa.set_block_style()

        entry = next((item for item in entries if str(item.get("id", "")).strip() == finding_id), None)
        if entry is None:
            entry = CommentedMap()
            entry["id"] = finding_id
            entries.append(entry)
        entry["status"] = status.value
        entry["note"] = note.strip()
        if by:
            entry["by"] = by
        entry["date"] = today
        if check and "check" not in entry:
            entry["check"] = check
        if evidence and not entry.get("evidence"):
            entry["evidence"] = CommentedSeq(evidence)
        _order_new_keys(entry)

        buffer = StringIO()
        _yaml().dump(document, buffer)
        text = buffer.getvalue()
        # Read our own output back before replacing the file: a bug here must not eat the ledger.
        written = _validate(path, _parse(path, text))
        write_atomic(path, text, error=ResolutionsError)
        return written[finding_id]


def _order_new_keys(entry: Any) -> None:
    """Keep a new entry's keys in schema order; existing user order is left alone."""
    if getattr(entry, "lc", None) is not None and entry.lc.line is not None and entry.lc.data:
        return  # loaded from the file: the user's order stands
    for key in _FIELDS:
        if key in entry:
            entry.move_to_end(key)


def resolve_findings(
    findings: list[Finding],
    path: Path | str | None,
    checks_run: Collection[str] | None = None,
) -> tuple[list[Finding], tuple[str, ...], list[Failure]]:
    """The runner's step: load ``path`` and apply it; a malformed file becomes a fatal Failure
    (the run exits 2) and every finding stays open."""
    try:
        resolutions = load_resolutions(path)
    except ResolutionsError as error:
        failure = Failure(stage="resolutions", subject=str(path), message=str(error), code=error.code, fatal=True)
        return findings, (), [failure]
    applied, stale = apply_resolutions(findings, resolutions, checks_run)
    return applied, stale, []


def findings_from_report(path: Path | str) -> dict[str, Finding]:
    """Findings by id from a JSON report (``check --format json``), for ``resolve --from``."""
    import json

    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {item["id"]: Finding.model_validate(item) for item in data["findings"]}
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise UsageError(
            f"not a factcheck JSON report: {error}",
            path=str(path),
            hint="write one with: factcheck check --format json --output report.json",
        ) from error


FINDING_ID = re.compile(r"[\w.]+(?:-[\w.]+)*-[0-9a-f]{10}")


def resolve_target(finding_id: str, known: Mapping[str, Finding] | None = None) -> Finding | str:
    """What ``resolve ID`` records: the finding from a report when given, else the checked id."""
    import difflib

    finding_id = finding_id.strip()
    if known is not None:
        if finding_id in known:
            return known[finding_id]
        close = difflib.get_close_matches(finding_id, list(known), n=3)
        raise UsageError(
            f"no finding {finding_id!r} in the report",
            hint=f"did you mean {', '.join(close)}?" if close else "copy the id from the report",
        )
    if not FINDING_ID.fullmatch(finding_id):
        raise UsageError(f"{finding_id!r} is not a finding id", hint="ids look like date-conflict-1a2b3c4d5e")
    return finding_id


def with_status(findings: Iterable[Finding], statuses: Collection[Status]) -> tuple[Finding, ...]:
    """Only the findings with one of ``statuses`` (``factcheck findings`` lists the open ones)."""
    return tuple(finding for finding in findings if finding.status in statuses)
