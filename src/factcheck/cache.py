"""The persistent cache: embeddings and extracted claims in SQLite, safe for concurrent runs.

Keys carry everything the value depends on (model name, extractor version, text hash), so a
changed document or model misses exactly what changed. WAL mode lets two runs share one cache;
a write that would wait more than a moment for another run's lock is skipped (the next run
computes that value again), so a run never stalls behind another. A corrupt or unreadable cache
is bypassed, never fatal. The cache is bounded: when its file passes ``max_bytes`` it is emptied
when the next run opens it. ``factcheck cache info|clear`` show and remove it.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import re
import sqlite3
from importlib import metadata
from pathlib import Path

import numpy as np

SCHEMA_VERSION = 1
# How long a statement waits for another run's write lock before the cache steps aside (milliseconds).
BUSY_TIMEOUT_MS = 2_000
DEFAULT_MAX_BYTES = 2_000_000_000


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_PACKAGE_ROOT = Path(__file__).resolve().parent


def _module_file(module: str) -> Path | None:
    """The source file of a ``factcheck`` module or package, found without importing it."""
    parts = module.split(".")
    if parts[0] != "factcheck":
        return None
    base = _PACKAGE_ROOT.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_modules(source: Path) -> set[str]:
    """The ``factcheck`` modules a file imports anywhere in it (imports inside functions included)."""
    return set(_imports_in(source.read_bytes()))


# An import statement at any indentation: "from factcheck.x import a, b" (parenthesised over lines too) or "import
# factcheck.x as y, factcheck.z". Comments after it are cut off.
_IMPORT_STATEMENT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(factcheck(?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]*)|import[ \t]+([^\n#]*))", re.M
)


@functools.lru_cache(maxsize=1024)
def _imports_in(code: bytes) -> frozenset[str]:
    """``_imported_modules`` of a file's bytes. Cached by the bytes, so an edited file is read afresh: each check's
    fingerprint walks the same modules (align, lexicon, model ...), and parsing them again for every check took a
    tenth of the check stage. Read by a pattern, not the parser: parsing the package's 130 files took 3.7 s of every
    run (a twelfth of the check stage on 300 BBC articles), the pattern 0.1 s, and it finds the same modules in each
    (tested against the parser). A statement continued by a backslash is left to the parser."""
    found: set[str] = set()
    for statement in _IMPORT_STATEMENT.finditer(code):
        if statement.group(0).rstrip().endswith(b"\\"):
            return _imports_parsed(code)
        if statement.group(1):
            module = statement.group(1).decode()
            found.add(module)
            # "from factcheck.nlp.timex import clock" names a submodule, not only an attribute.
            names = re.findall(r"(\w+)(?:\s+as\s+\w+)?", re.sub(r"#[^\n]*", "", statement.group(2).decode()))
            found.update(f"{module}.{name}" for name in names if name != "as")
        else:
            found.update(part.split()[0] for part in statement.group(3).decode().split(",") if part.split())
    return frozenset(name for name in found if name.split(".")[0] == "factcheck")


def _imports_parsed(code: bytes) -> frozenset[str]:
    """``_imports_in`` read by the parser."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return frozenset(name for name in found if name.split(".")[0] == "factcheck")


def code_modules(roots: tuple[str, ...]) -> dict[str, Path]:
    """``roots`` and every ``factcheck`` module they import, directly or not, with their source files.

    The imports are read from the source (not from ``sys.modules``), so a module imported lazily
    inside a function counts, and the answer does not depend on what ran before.
    """
    files: dict[str, Path] = {}
    pending = list(roots)
    while pending:
        module = pending.pop()
        if module in files:
            continue
        source = _module_file(module)
        if source is None:
            continue
        files[module] = source
        pending.extend(_imported_modules(source) - files.keys())
    return files


@functools.lru_cache(maxsize=None)
def code_fingerprint(roots: tuple[str, ...], distributions: tuple[str, ...] = ()) -> str:
    """A hash of the code of ``roots`` and every module they import (``code_modules``), plus the
    installed versions of ``distributions``.

    Cache keys carry it, so an edit to any module a cached value came from, or an upgraded library,
    misses the cache.
    """
    files = code_modules(roots)
    digest = hashlib.sha256()
    for module in sorted(files):
        digest.update(module.encode() + b"\0" + files[module].read_bytes() + b"\0")
    for distribution in distributions:
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = "missing"
        digest.update(f"{distribution}={version}\0".encode())
    return digest.hexdigest()


class Cache:
    """A small key-value store over SQLite with two tables: vectors and JSON blobs."""

    def __init__(self, directory: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()
        self.max_bytes = max_bytes
        self._connection: sqlite3.Connection | None = None
        self.disabled = False

    @property
    def path(self) -> Path:
        return self.directory / f"cache-v{SCHEMA_VERSION}.sqlite3"

    def _connect(self) -> sqlite3.Connection | None:
        if self.disabled:
            return None
        if self._connection is None:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
                connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, dim INTEGER, data BLOB, PRIMARY KEY (model, key))"
                )
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS blobs (namespace TEXT, key TEXT, data TEXT, PRIMARY KEY (namespace, key))"
                )
                connection.commit()
                self._connection = connection
                if self.size() > self.max_bytes:
                    self._empty(connection)
            except (sqlite3.Error, OSError):
                # A broken cache costs speed, never correctness.
                self.disabled = True
                return None
        return self._connection

    def get_vectors(self, model: str, keys: list[str]) -> dict[str, np.ndarray]:
        connection = self._connect()
        if connection is None or not keys:
            return {}
        found: dict[str, np.ndarray] = {}
        try:
            for chunk_start in range(0, len(keys), 500):
                chunk = keys[chunk_start : chunk_start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, dim, data FROM vectors WHERE model = ? AND key IN ({marks})", [model, *chunk]
                )
                for key, dim, data in rows:
                    vector = np.frombuffer(data, dtype=np.float32)
                    if vector.shape[0] == dim:
                        found[key] = vector
        except sqlite3.Error:
            return {}
        return found

    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None:
        connection = self._connect()
        if connection is None or not items:
            return
        rows = [
            (model, key, int(vector.shape[0]), np.asarray(vector, dtype=np.float32).tobytes())
            for key, vector in items.items()
        ]
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error:
            pass

    def get_blob(self, namespace: str, key: str) -> str | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute(
                "SELECT data FROM blobs WHERE namespace = ? AND key = ?", (namespace, key)
            ).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def delete_blob(self, namespace: str, key: str) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("DELETE FROM blobs WHERE namespace = ? AND key = ?", (namespace, key))
        except sqlite3.Error:
            pass

    def put_blob(self, namespace: str, key: str, data: str) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)", (namespace, key, data))
        except sqlite3.Error:
            pass

    def size(self) -> int:
        """Bytes on disk: the database and its write-ahead log."""
        total = 0
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                total += path.stat().st_size
            except OSError:
                pass
        return total

    def _empty(self, connection: sqlite3.Connection) -> None:
        try:
            with connection:
                connection.execute("DELETE FROM vectors")
                connection.execute("DELETE FROM blobs")
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # another run holds it: the next run tries again

    def counts(self) -> dict[str, int]:
        """Entries per kind: vectors per model, blobs per namespace."""
        connection = self._connect()
        if connection is None:
            return {}
        try:
            rows = [
                *connection.execute("SELECT 'vectors ' || model, COUNT(*) FROM vectors GROUP BY model"),
                *connection.execute("SELECT namespace, COUNT(*) FROM blobs GROUP BY namespace"),
            ]
        except sqlite3.Error:
            return {}
        return {str(name): int(count) for name, count in sorted(rows)}

    def clear(self) -> int:
        """Remove the cache files; returns the bytes freed."""
        self.close()
        freed = 0
        for path in (
            self.path,
            self.path.with_name(self.path.name + "-wal"),
            self.path.with_name(self.path.name + "-shm"),
        ):
            try:
                freed += path.stat().st_size
                path.unlink()
            except FileNotFoundError:
                pass
        return freed

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def open_cache(settings) -> Cache | None:
    """The run's cache, or None with --no-cache."""
    if not settings.use_cache:
        return None
    return Cache(settings.cache_dir, getattr(settings, "cache_max_bytes", DEFAULT_MAX_BYTES))
