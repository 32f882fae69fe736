"""A per-document time budget: a stage stops working on one document after ``seconds`` of its CPU time.

A PDF whose pages share one nested form-XObject tree, or an HTML file of 900k paragraphs, can
keep a parser busy for minutes. When the budget runs out, ``BudgetExceeded`` is raised in the
thread that works on the document; the stage records a per-file failure naming the limit and
goes on with the next document. ``BudgetExceeded`` is a BaseException so that a library's
``except Exception`` cannot swallow it.

The budget counts the CPU time of the working thread (``pthread_getcpuclockid``), not wall
time: on a loaded machine a document waits longer but costs the same, so whether it is checked
does not depend on what else runs (findings stay deterministic). A watchdog thread reads that
clock and raises the exception in the working thread with CPython's
``PyThreadState_SetAsyncExc``, which works in any thread: the main one, Dask's worker threads, a
thread pool (a SIGALRM timer reached only the main thread). The exception arrives between two
Python bytecodes, inside the parser's own loops (pdfminer and trafilatura are Python); it cannot
stop one long call into C, which is why the character and page limits exist beside the budget.
Where a thread's CPU clock cannot be read (not Linux), wall time stands in.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class BudgetExceeded(BaseException):
    """The time budget of one document ran out."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in this thread once the block has used ``seconds`` of its CPU time.

    None or 0: no budget.
    """
    if not seconds:
        yield
        return
    worker = threading.get_ident()
    used = _cpu_clock(worker)
    lock = threading.Lock()  # orders "the block ended" against "the budget ran out"
    ended = threading.Event()
    state = {"fired": False}
    poll = min(0.25, max(0.01, seconds / 20))

    def watch() -> None:
        while not ended.wait(poll):
            try:
                over = used() >= seconds
            except OSError:  # the thread is gone: nothing left to stop
                return
            if over:
                with lock:
                    if not ended.is_set():
                        state["fired"] = True
                        _set_async_exception(worker, BudgetExceeded)
                return

    watchdog = threading.Thread(target=watch, name="factcheck-budget", daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        with lock:
            ended.set()
            if state["fired"]:
                # Ran out while the block was ending: withdraw the exception if it is still pending, so it
                # cannot surface in the caller's code after the budget is over.
                _set_async_exception(worker, None)


def _cpu_clock(thread_id: int) -> Callable[[], float]:
    """Seconds of CPU time ``thread_id`` has used from now on (wall seconds where that clock is missing)."""
    try:
        clock = time.pthread_getcpuclockid(thread_id)
        start = time.clock_gettime(clock)
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        started = time.monotonic()
        return lambda: time.monotonic() - started
    return lambda: time.clock_gettime(clock) - start


def _set_async_exception(thread_id: int, exception: type[BaseException] | None) -> None:
    """Have ``thread_id`` raise ``exception`` at its next bytecode; None withdraws one not yet raised."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception is not None else None
    )
