"""The local process engine when workers die: a retry, or a clear error, never a hang.

The workers are real spawned processes; the tasks are tiny module-level functions (no models),
so these run in the fast suite. Each map runs under a hang guard (a thread joined with a
generous timeout): a regression shows as a failed test, not a stuck suite.
"""

from __future__ import annotations

import os
import signal
import threading
from multiprocessing import connection
from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.engine import EngineError, Models, ProcessEngine

HANG_GUARD_SECONDS = 180


def square(job: tuple[str, int], models: Models) -> int:
    return job[1] * job[1]


def _first_time(folder: str, number: int) -> bool:
    """True once per job: the marker file says this job has already been tried."""
    marker = Path(folder) / f"tried-{number}"
    if marker.exists():
        return False
    marker.write_text(str(os.getpid()))
    return True


def die_on_first_try(job: tuple[str, int], models: Models) -> int:
    folder, number = job
    if number % 3 == 1 and _first_time(folder, number):
        os.kill(os.getpid(), signal.SIGKILL)
    return number * number


def die_while_answering(job: tuple[str, int], models: Models) -> bytes | int:
    """Killed halfway through writing a large answer, as the OOM killer may do (first try only)."""
    folder, number = job
    if number == 1 and _first_time(folder, number):
        original = connection.Connection._send

        def send_half_then_die(self, buf, *args):
            if len(buf) > 1 << 20:
                original(self, bytes(buf[: 1 << 16]))
                os.kill(os.getpid(), signal.SIGKILL)
            return original(self, buf, *args)

        connection.Connection._send = send_half_then_die  # type: ignore[method-assign]
        return b"x" * (1 << 22)
    return number * number


def always_die(job: tuple[str, int], models: Models) -> int:
    if job[1] == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    return job[1]


def fail_on_two(job: tuple[str, int], models: Models) -> int:
    if job[1] == 2:
        raise ValueError("job two is bad")
    return job[1] * job[1]


def guarded(function):
    """``function()``'s result, or a failure if it has not returned within the hang guard."""
    outcome: dict[str, object] = {}

    def target():
        try:
            outcome["value"] = function()
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(HANG_GUARD_SECONDS)
    assert not thread.is_alive(), "the engine hung"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]


@pytest.fixture
def engine():
    engine = ProcessEngine(Models(Settings(use_cache=False)), workers=2)
    yield engine
    engine.close()
    assert not engine._pool


def jobs(folder: Path, count: int = 6) -> list[tuple[str, int]]:
    return [(str(folder), number) for number in range(count)]


def test_workers_answer_every_job_once_under_its_index(engine, tmp_path):
    answers = guarded(lambda: list(engine.map(square, jobs(tmp_path))))
    assert sorted(answers) == [(number, number * number) for number in range(6)]


def test_a_worker_killed_mid_job_costs_a_retry(engine, tmp_path):
    answers = dict(guarded(lambda: list(engine.map(die_on_first_try, jobs(tmp_path)))))
    assert answers == {number: number * number for number in range(6)}
    killed = [int(path.read_text()) for path in tmp_path.glob("tried-*")]
    assert len(killed) == 2 and os.getpid() not in killed  # workers died, not this process


def test_a_worker_killed_while_writing_its_answer_costs_a_retry(engine, tmp_path):
    # ProcessPoolExecutor (3.11) waits forever on the half-written answer here: its result
    # queue is shared, and this process holds a writing end of it too.
    answers = dict(guarded(lambda: list(engine.map(die_while_answering, jobs(tmp_path, 4)))))
    assert answers == {0: 0, 1: 1, 2: 4, 3: 9}
    assert (tmp_path / "tried-1").exists()


def test_a_job_that_kills_every_worker_is_an_error_not_a_hang(engine, tmp_path):
    with pytest.raises(EngineError, match="killed 3 local workers"):
        guarded(lambda: list(engine.map(always_die, jobs(tmp_path, 4))))
    # The engine still works, with fresh workers.
    assert dict(guarded(lambda: list(engine.map(square, jobs(tmp_path, 3))))) == {0: 0, 1: 1, 2: 4}


def test_a_task_error_reaches_the_caller_and_leaves_no_stale_answers(engine, tmp_path):
    with pytest.raises(ValueError, match="job two is bad"):
        guarded(lambda: list(engine.map(fail_on_two, jobs(tmp_path))))
    assert dict(guarded(lambda: list(engine.map(square, jobs(tmp_path, 4))))) == {0: 0, 1: 1, 2: 4, 3: 9}


def test_a_consumer_that_stops_early_leaves_no_stale_answers(engine, tmp_path):
    first = guarded(lambda: next(iter(engine.map(square, jobs(tmp_path)))))
    assert first[1] == first[0] ** 2
    assert dict(guarded(lambda: list(engine.map(square, jobs(tmp_path, 4))))) == {0: 0, 1: 1, 2: 4, 3: 9}


def worker_pid(job: tuple[str, int], models: Models) -> int:
    return os.getpid()


def test_recycled_workers_are_fresh_processes(engine, tmp_path):
    # The embed stage recycles the workers that parsed, so no worker holds spaCy and the encoder at once.
    before = set(dict(guarded(lambda: list(engine.map(worker_pid, jobs(tmp_path, 4))))).values())
    engine.recycle()
    assert not engine._pool
    after = set(dict(guarded(lambda: list(engine.map(worker_pid, jobs(tmp_path, 4))))).values())
    assert before and after and not before & after and os.getpid() not in before | after


def test_the_encoding_workers_leave_once_the_vectors_are_in(tmp_path, monkeypatch):
    # The client clusters and checks next: workers idling with the encoder would hold its memory through that.
    from conftest import FakeEmbedder

    import factcheck.stages.embed as embed

    monkeypatch.setattr(embed, "MIN_PARALLEL_TEXTS", 1)
    monkeypatch.setattr(embed, "CHUNK_TEXTS", 2)
    settings = Settings(use_cache=False)
    engine = ProcessEngine(Models(settings, embedder=FakeEmbedder()), workers=2)
    try:
        texts = [f"claim number {number}" for number in range(6)]
        vectors = guarded(lambda: embed.embed_texts(texts, FakeEmbedder(), settings, engine=engine))
        assert [vector.tolist() for vector in vectors] == FakeEmbedder().encode(texts).tolist()
        assert not engine._pool
    finally:
        engine.close()


def test_idle_workers_told_to_leave_exit_on_their_own(engine, tmp_path):
    # Asked together and left to exit at once (no teardown of their models): exit code 0, never killed.
    guarded(lambda: list(engine.map(square, jobs(tmp_path, 4))))
    workers = list(engine._pool)
    assert len(workers) == 2
    engine.close()
    assert [worker.process.exitcode for worker in workers] == [0, 0]


class DiesWhenUnpickled:
    """A caller's model whose unpickling kills the worker process, the first time only (a marker file)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __getstate__(self) -> dict:
        return {"folder": self.folder}

    def __setstate__(self, state: dict) -> None:
        self.folder = state["folder"]
        if _first_time(self.folder, 0):
            os.kill(os.getpid(), signal.SIGKILL)


class LargeModel:
    """Stands for a loaded model handed to the workers: megabytes to send."""

    def __init__(self) -> None:
        self.weights = b"w" * (4 << 20)


def test_a_worker_that_dies_while_taking_in_a_large_model_is_replaced(tmp_path):
    # The model that kills it is unpickled before the megabytes that follow it are read: sent with the
    # process (spawn's start-up pipe) this left the parent writing forever; through the worker's own
    # pipe its death is end-of-file, and a fresh worker takes its place.
    models = Models(Settings(use_cache=False), nlp=DiesWhenUnpickled(str(tmp_path)), embedder=LargeModel())
    engine = ProcessEngine(models, workers=2)
    try:
        answers = guarded(lambda: list(engine.map(square, jobs(tmp_path, 4))))
        assert sorted(answers) == [(number, number * number) for number in range(4)]
        assert (tmp_path / "tried-0").exists()
    finally:
        engine.close()


class CountedPickling:
    """A map's shared object that counts, in the process that pickles it, how often it is pickled."""

    pickled = 0

    def __init__(self, offset: int) -> None:
        self.offset = offset

    def __reduce__(self):
        CountedPickling.pickled += 1
        return (CountedPickling, (self.offset,))


def die_on_first_try_then_add(job: tuple[str, int], models: Models, shared: CountedPickling) -> int:
    return die_on_first_try(job, models) + shared.offset


def test_a_maps_shared_object_is_pickled_once_and_reaches_a_worker_that_replaces_a_dead_one(engine, tmp_path):
    CountedPickling.pickled = 0
    shared = CountedPickling(1000)
    answers = dict(guarded(lambda: list(engine.map(die_on_first_try_then_add, jobs(tmp_path), shared=shared))))
    assert answers == {number: number * number + 1000 for number in range(6)}
    assert len(list(tmp_path.glob("tried-*"))) == 2  # two workers died and were replaced
    assert CountedPickling.pickled == 1  # for the two workers and their two replacements alike
