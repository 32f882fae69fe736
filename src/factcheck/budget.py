"""A per-document time budget: a stage stops working on one document after ``seconds``, in any thread.

A PDF whose pages share one nested form-XObject tree, or an HTML file of 900k paragraphs, can
keep a parser busy for minutes. When the budget runs out, ``BudgetExceeded`` is raised in the
thread that works on the document; the stage records a per-file failure naming the limit and
goes on with the next document. ``BudgetExceeded`` is a BaseException so that a library's
``except Exception`` cannot swallow it.

How it is raised depends on the thread. In the main thread a SIGALRM timer raises it (a signal
also ends a blocking sleep or read). Signals reach only the main thread, so in any other thread
(Dask's worker threads, a thread pool) a watchdog timer raises it there with CPython's
``PyThreadState_SetAsyncExc``. Both arrive between two Python bytecodes, inside the parser's own
loops (pdfminer and trafilatura are Python), which a deadline checked only between pages or
blocks would not reach; neither can stop one long call into C, which is why the character and
page limits exist beside the budget.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class BudgetExceeded(BaseException):
    """The time budget of one document ran out."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise ``BudgetExceeded`` in this thread if the block runs longer than ``seconds`` (None or 0: no budget)."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _signal_budget(seconds):
            yield
    else:
        with _watchdog_budget(seconds):
            yield


@contextmanager
def _signal_budget(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _set_async_exception(thread_id: int, exception: type[BaseException] | None) -> None:
    """Have ``thread_id`` raise ``exception`` at its next bytecode; None withdraws one not yet raised."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception is not None else None
    )


@contextmanager
def _watchdog_budget(seconds: float) -> Iterator[None]:
    worker = threading.get_ident()
    lock = threading.Lock()  # orders "the block ended" against "the timer fired"
    state = {"ended": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["ended"]:
                state["fired"] = True
                _set_async_exception(worker, BudgetExceeded)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["ended"] = True
            if state["fired"]:
                # Fired while the block was ending: withdraw the exception if it is still pending, so it
                # cannot surface in the caller's code after the budget is over.
                _set_async_exception(worker, None)
