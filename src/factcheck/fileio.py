"""Safe file access: atomic writes, capped reads of regular files only, and locks for read-modify-write.

Writes go through a temp file in the target's folder, fsync, then rename: a crash or Ctrl-C
leaves the previous version intact. A symlink is written through to its target (a shared
ledger stays shared), a target that is not a regular file (a FIFO, a device, a folder) is
refused, an existing file keeps its mode and a new one gets the umask's.

Reads open without blocking (a FIFO does not hang), refuse anything but a regular file and
stop at a size cap (``/dev/zero`` does not fill the memory).

Edits of a file several people share (resolutions, ledger) run under ``edit_lock``: a lock
file beside the target, taken before the file is read and held until it is replaced, so two
editors never both read the old version and lose one decision.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from factcheck.errors import FactcheckError, OutputError

# Small files people edit by hand (ledger, resolutions, configuration): far above any real one.
TEXT_FILE_LIMIT = 16_000_000
# How long an edit waits for another editor of the same file before giving up with a clear error.
LOCK_TIMEOUT_SECONDS = 60.0


def write_atomic(
    path: Path | str, text: str, encoding: str = "utf-8", error: type[FactcheckError] = OutputError
) -> None:
    """Write ``text`` to ``path`` through a temp file in the same folder, fsync, then rename."""
    write_bytes_atomic(path, text.encode(encoding), error=error)


def write_target(path: Path | str, error: type[FactcheckError] = OutputError) -> Path:
    """The file a write to ``path`` replaces: the end of its symlinks; refused when not a regular file."""
    path = Path(path)
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as problem:
        raise error(f"cannot write: {problem.strerror or problem}", path=str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise error(
            f"cannot write: {_kind(info.st_mode)} is there, not a regular file",
            path=str(path),
            hint="name a regular file (or a new one); a report goes to stdout without --output",
        )
    return target


def write_bytes_atomic(path: Path | str, data: bytes, error: type[FactcheckError] = OutputError) -> None:
    target = write_target(path, error)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as temp_file:
            temp_file.write(data)
            temp_file.flush()
            os.fsync(temp_file.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def read_bytes_capped(path: Path | str, limit: int, error: type[FactcheckError], what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    FileNotFoundError passes through (a missing file often means "none yet"); every other
    problem raises ``error`` naming the file: not a regular file, over the limit, unreadable.
    """
    path = Path(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except OSError as problem:
        raise error(f"cannot read {what}: {problem.strerror or problem}", path=str(path)) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"cannot read {what}: {_kind(info.st_mode)}, not a regular file", path=str(path))
        if info.st_size > limit:
            raise error(f"{what} is {info.st_size:,} bytes, over the {limit:,}-byte limit", path=str(path))
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as problem:
        raise error(f"cannot read {what}: {problem.strerror or problem}", path=str(path)) from None
    finally:
        os.close(descriptor)
    if size > limit:  # grew while we read
        raise error(f"{what} is over the {limit:,}-byte limit", path=str(path))
    return b"".join(chunks)


def read_text_capped(
    path: Path | str, error: type[FactcheckError], what: str = "file", limit: int = TEXT_FILE_LIMIT
) -> str:
    """The UTF-8 text of a regular file (see ``read_bytes_capped``)."""
    data = read_bytes_capped(path, limit, error, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise error(
            f"cannot read {what}: not UTF-8 (byte {problem.start})", path=str(path), hint="save the file as UTF-8"
        ) from None


@contextmanager
def edit_lock(path: Path | str, error: type[FactcheckError], timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the edit lock of ``path`` (of its symlink target: links to one file share one lock)."""
    from filelock import FileLock, Timeout

    target = write_target(path, error)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(target.with_name(f".{target.name}.lock")), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise error(
            f"another factcheck has been editing this file for over {timeout:.0f} s",
            path=str(path),
            hint="wait for it to finish and run again",
        ) from None
    except OSError as problem:
        raise error(f"cannot lock the file for editing: {problem.strerror or problem}", path=str(path)) from None
    try:
        yield
    finally:
        lock.release()


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
