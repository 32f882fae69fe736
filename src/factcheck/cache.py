"""The persistent cache: embeddings and extracted claims in SQLite, safe for concurrent runs.

Keys carry everything the value depends on (model name, extractor version, text hash), so a
changed document or model misses exactly what changed. WAL mode and a busy timeout let two
runs share one cache; a corrupt or unreadable cache is bypassed, never fatal.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np

SCHEMA_VERSION = 1


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Cache:
    """A small key-value store over SQLite with two tables: vectors and JSON blobs."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory else default_cache_dir()
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
                connection = sqlite3.connect(self.path, timeout=30.0)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA busy_timeout=30000")
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS vectors (model TEXT, key TEXT, dim INTEGER, data BLOB, PRIMARY KEY (model, key))"
                )
                connection.execute(
                    "CREATE TABLE IF NOT EXISTS blobs (namespace TEXT, key TEXT, data TEXT, PRIMARY KEY (namespace, key))"
                )
                connection.commit()
                self._connection = connection
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
                chunk = keys[chunk_start:chunk_start + 500]
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
            row = connection.execute("SELECT data FROM blobs WHERE namespace = ? AND key = ?", (namespace, key)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def put_blob(self, namespace: str, key: str, data: str) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?, ?)", (namespace, key, data))
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def open_cache(settings) -> Cache | None:
    """The run's cache, or None with --no-cache."""
    if not settings.use_cache:
        return None
    return Cache(settings.cache_dir)
