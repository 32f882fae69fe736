"""Parsed ledger files kept in the project's cache as JSON records, keyed by the text and the ledger code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from factcheck.errors import LedgerError
from factcheck.fileio import read_text_capped
from factcheck.ledger.parse import parse_file, parse_text
from factcheck.ledger.schema import SECTIONS, LedgerFile

_CACHE_NAMESPACE = "ledger"


def _parse_file_cached(path: Path | str, cache: Any) -> tuple[LedgerFile | None, list[LedgerError]]:
    """parse_file, or its cached result for the same text, path and ledger code.

    ruamel's round-trip parser (kept for the line of every entry) takes about half a second on
    an 18 kB ledger: a warm run should not. Only clean parses are cached, as JSON records (never
    a pickle: the cache folder is not trusted to run code), and only when they read back equal;
    a file with problems is parsed again so every problem is reported afresh. An entry that
    does not read back is a miss.
    """
    import hashlib

    try:
        text = read_text_capped(path, LedgerError, "ledger file")
    except (OSError, LedgerError):
        return parse_file(path)
    key = hashlib.sha256(
        "\x1f".join([_ledger_fingerprint(), str(path), text]).encode("utf-8", "surrogatepass")
    ).hexdigest()
    cached = cache.get_blob(_CACHE_NAMESPACE, key)
    if cached is not None:
        restored = file_from_json(cached)
        if restored is not None:
            return restored, []
    parsed, problems = parse_text(text, str(path))
    if parsed is not None and not problems:
        blob = file_to_json(parsed)
        if file_from_json(blob) == parsed:  # a NaN figure would not
            cache.put_blob(_CACHE_NAMESPACE, key, blob)
    return parsed, problems


def file_to_json(parsed: LedgerFile) -> str:
    """A parsed file as JSON: its records and the file:line each came from (for messages and `ledger show`)."""
    import json

    origins = {
        section: [
            [entry.origin, [role.origin for role in getattr(entry, "roles", ())]] for entry in getattr(parsed, section)
        ]
        for section in SECTIONS
    }
    return json.dumps(
        {"file": parsed.model_dump(mode="json", exclude_unset=True), "origins": origins}, ensure_ascii=False
    )


def file_from_json(blob: str) -> LedgerFile | None:
    """The LedgerFile file_to_json wrote, or None when ``blob`` is not one (damaged, or from other code)."""
    import json

    try:
        data = json.loads(blob)
        parsed = LedgerFile.model_validate(data["file"])
        for section in SECTIONS:
            for entry, (origin, role_origins) in zip(getattr(parsed, section), data["origins"][section], strict=True):
                entry._origin = str(origin)
                for role, role_origin in zip(getattr(entry, "roles", ()), role_origins, strict=True):
                    role._origin = str(role_origin)
    except (ValueError, TypeError, KeyError, AttributeError):  # ValidationError and JSONDecodeError are ValueErrors
        return None
    return parsed


def _ledger_fingerprint() -> str:
    """This package's modules, every factcheck module they import (the name rules among them) and the library versions."""
    from factcheck.cache import code_fingerprint

    here = Path(__file__).parent
    return code_fingerprint(
        tuple(f"factcheck.ledger.{path.stem}" for path in sorted(here.glob("*.py")) if path.stem != "__init__"),
        ("pydantic", "ruamel.yaml"),
    )
