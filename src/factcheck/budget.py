"""A per-document time budget: a stage stops working on one document after ``seconds``.

A PDF whose pages share one nested form-XObject tree, or an HTML file of 900k paragraphs, can
keep a parser busy for minutes. The budget is a SIGALRM timer that raises ``BudgetExceeded`` in
the stage's thread; the stage records a per-file failure naming the limit and goes on with the
next document. ``BudgetExceeded`` is a BaseException so that a library's ``except Exception``
cannot swallow it. Outside the main thread (no signals there) or without ``setitimer`` the
budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class BudgetExceeded(BaseException):
    """The time budget of one document ran out."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
