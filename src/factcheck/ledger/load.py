"""The run's ledger files (ledger_dir/*.yaml plus named files) and loading them into one Ledger."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import LedgerError
from factcheck.ledger.cache import _parse_file_cached
from factcheck.ledger.merge import merge
from factcheck.ledger.parse import parse_file
from factcheck.ledger.query import Ledger
from factcheck.ledger.schema import LedgerFile
from factcheck.model import Failure

# The resolutions file lives in the same folder but is not part of the ledger.
RESOLUTIONS_FILE = "resolutions.yaml"
# The file `factcheck ledger add` writes when none is named.
DEFAULT_FILE = "ledger.yaml"


class LedgerErrors(LedgerError):
    """Several ledger problems at once; ``str()`` names the first, ``errors`` holds them all."""

    def __init__(self, errors: Sequence[LedgerError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more; run `factcheck ledger check`)" if len(errors) > 1 else ""
        super().__init__(first.message + more, path=first.path, line=first.line, column=first.column, hint=first.hint)
        self.errors = list(errors)


def ledger_paths(settings: Any) -> list[Path]:
    """The ledger files of a run: ``ledger_dir``/*.yaml (not resolutions.yaml) plus ``settings.ledger``."""
    found: list[Path] = []
    folder = getattr(settings, "ledger_dir", None)
    resolutions = getattr(settings, "resolutions", None)
    if folder is not None and Path(folder).is_dir():
        for path in sorted([*Path(folder).glob("*.yaml"), *Path(folder).glob("*.yml")]):
            if path.name == RESOLUTIONS_FILE or (resolutions is not None and _same_file(path, Path(resolutions))):
                continue
            found.append(path)
    found.extend(Path(path) for path in getattr(settings, "ledger", ()) or ())
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def edit_paths(settings: Any, path: Path | str | None = None) -> tuple[Path, list[Path]]:
    """The file an edit writes (``path``, else ``ledger_dir``/ledger.yaml) and, when that file is
    part of the run's ledger (or will be, once the folder's glob finds it), the run's other
    ledger files, which the edited file must still merge with."""
    folder = getattr(settings, "ledger_dir", None)
    if path is None:
        if folder is None:
            raise LedgerError("no ledger folder is configured", hint="name the file to edit with --ledger FILE")
        path = Path(folder) / DEFAULT_FILE
    target = Path(path)
    run_files = ledger_paths(settings)
    in_folder = (
        folder is not None
        and target.suffix in (".yaml", ".yml")
        and target.name != RESOLUTIONS_FILE
        and _same_file(target.parent, Path(folder))
    )
    if not in_folder and not any(_same_file(target, other) for other in run_files):
        return target, []
    return target, [other for other in run_files if not _same_file(target, other)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _load(paths: Iterable[Path | str], cache: Any = None) -> tuple[Ledger, list[LedgerError]]:
    return _merged(
        (str(path), *(_parse_file_cached(path, cache) if cache is not None else parse_file(path))) for path in paths
    )


def _merged(parsed: Iterable[tuple[str, LedgerFile | None, list[LedgerError]]]) -> tuple[Ledger, list[LedgerError]]:
    """The ledger of parsed files (name, file or None, its problems) and every problem, conflicts last."""
    files, errors, names = [], [], []
    for name, parsed_file, problems in parsed:
        errors.extend(problems)
        names.append(name)
        if parsed_file is not None:
            files.append(parsed_file)
    ledger, conflicts = merge(files, names)
    return ledger, errors + conflicts


def validate_files(paths: Iterable[Path | str]) -> list[LedgerError]:
    """Every problem in these files (syntax, schema, contradicting duplicates), in file order."""
    return _load(paths)[1]


def load_ledger(paths: Iterable[Path | str]) -> Ledger:
    """The merged ledger; raises LedgerErrors (a LedgerError) naming the first problem and holding all."""
    ledger, errors = _load(paths)
    if errors:
        raise LedgerErrors(errors)
    return ledger


def load_for_run(settings: Any) -> tuple[Ledger | None, list[Failure]]:
    """The run's ledger, or None with one fatal Failure per problem (the checks run without it)."""
    from factcheck.cache import open_cache

    paths = ledger_paths(settings)
    if not paths:
        return None, []
    cache = open_cache(settings) if hasattr(settings, "use_cache") else None
    try:
        ledger, errors = _load(paths, cache)
    finally:
        if cache is not None:
            cache.close()
    if errors:
        return None, [
            Failure(stage="ledger", subject=error.path or "ledger", message=str(error), code=error.code, fatal=True)
            for error in errors
        ]
    return ledger, []
