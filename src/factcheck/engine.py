"""Where the heavy per-document work runs: in this process, on a pool of local processes, or on Dask.

The load, extract and embed stages find what the cache lacks, cut it into partitions and hand
them to an ``Engine``, which runs one module-level function per partition and yields each result
with its partition's number as it completes. The stages put the results back in input order, so
the output never depends on the engine, the number of workers or the order in which partitions
finish. Models (spaCy, the embedder) live in a ``Models`` object: loaded on first use, once per
process — once per worker, never per task. Work stays in this process (no worker is started)
unless there is enough of it to pay for starting workers and loading their models, so a warm
run, or a handful of documents, never spawns anything.

Engines
    ``SerialEngine``: this process (``--jobs 1``, or too little work).
    ``ProcessEngine``: ``--jobs N`` local processes (spawned, so no thread or model state is
    forked); a worker that dies costs a retry of the partitions it held, not the run.
    ``DaskEngine``: ``--engine dask`` starts a ``dask.distributed`` LocalCluster (N worker
    processes, one thread each) or joins ``--scheduler ADDRESS``; models reach the workers
    through a worker plugin, Dask reschedules the partitions of a worker that dies.

Shared data. A map may hand every job one large read-only object (``shared``: the unit
vectors of the neighbour search, which every row block reads in full). It travels to each worker
once per map, not with every job: pickled once, down a local worker's pipe before its first job of the
map (and to a worker that replaces a dead one), or scattered to every Dask worker; the task is then called
as ``task(job, models, shared)``.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, Protocol, TypeVar

from factcheck.errors import FactcheckError

Job = TypeVar("Job")
Result = TypeVar("Result")
# A partition's work: a module-level function (picklable by reference) of the job and the models,
# and of the map's shared object when there is one.
Task = Callable[..., Any]
_NO_SHARED: Any = object()  # a map without a shared object (``None`` may be one)

# How often the partitions of a dead local worker are resubmitted before the run gives up.
PROCESS_RETRIES = 2
# Documents per partition (load, extract): small enough to share the work evenly, large enough
# that a partition outweighs the cost of shipping it to a worker.
DOCUMENTS_PER_PARTITION = 8
# Below this many documents to parse, starting workers (each loads spaCy, ~3 s) costs more than it saves.
MIN_PARALLEL_DOCUMENTS = 24
# Jobs a Dask map keeps submitted per worker thread: one running, the next ones already there when it ends.
DASK_JOBS_AHEAD = 3


class EngineError(FactcheckError):
    code = "FC-E020"


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class Models:
    """The models a partition needs, each loaded on first use and then kept by its process.

    Models given by the caller (tests inject fakes) travel to worker processes as they are; the
    ones loaded here never do (``__getstate__``): each worker loads its own once. ``threads``
    caps the encoder's threads, so N workers on N cores do not each start N threads.
    """

    def __init__(self, settings: Any, *, nlp: Any = None, embedder: Any = None, threads: int | None = None) -> None:
        self.settings = settings
        self.given_nlp = nlp
        self.given_embedder = embedder
        self.threads = threads
        self._nlp = nlp
        self._embedder = embedder

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            # Looked up on the package at call time, where tests replace it.
            from factcheck.stages import extract

            self._nlp = extract.load_spacy()
        return self._nlp

    @property
    def embedder(self) -> Any:
        if self._embedder is None:
            from factcheck.stages import embed

            # Without a thread cap, called as tests replace it: make_embedder(settings).
            self._embedder = (
                embed.make_embedder(self.settings, threads=self.threads)
                if self.threads
                else embed.make_embedder(self.settings)
            )
        return self._embedder

    def __getstate__(self) -> dict[str, Any]:
        return {
            "settings": self.settings,
            "given_nlp": self.given_nlp,
            "given_embedder": self.given_embedder,
            "threads": self.threads,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = state["settings"]
        self.given_nlp = self._nlp = state["given_nlp"]
        self.given_embedder = self._embedder = state["given_embedder"]
        self.threads = state["threads"]

    def with_threads(self, threads: int) -> "Models":
        return Models(self.settings, nlp=self.given_nlp, embedder=self.given_embedder, threads=threads)


class Engine(Protocol):
    """Runs ``task(job, models)`` for each job; yields ``(index, result)`` as each completes."""

    name: str
    workers: int
    models: Models

    def map(
        self, task: Task, jobs: Sequence[Any], *, parallel: bool = True, shared: Any = _NO_SHARED
    ) -> Iterator[tuple[int, Any]]: ...

    def recycle(self) -> None:
        """Let the workers go with the models they loaded; the next parallel map starts fresh ones."""

    def close(self) -> None: ...


class SerialEngine:
    """Everything in this process, in order."""

    name = "serial"
    workers = 1

    def __init__(self, models: Models) -> None:
        self.models = models

    def map(
        self, task: Task, jobs: Sequence[Any], *, parallel: bool = True, shared: Any = _NO_SHARED
    ) -> Iterator[tuple[int, Any]]:
        for index, job in enumerate(jobs):
            yield index, _call(task, job, self.models, shared)

    def recycle(self) -> None:
        pass  # this process keeps its models: it may be the one that still needs them

    def close(self) -> None:
        pass


# --- local processes ---------------------------------------------------------------------------

_WORKER_MODELS: Models | None = None  # this worker process's models, installed once

# oneDNN keeps up to 1,024 compiled primitives, one per input shape; the encoder's batches, cut by
# length, nearly all have a shape of their own, so the cache only grew (~40 MB per encoding worker
# over 2,171 BBC sentences) and was hit too seldom to save CPU (14.5 user-s either way).
ENCODER_ENVIRONMENT = {"ONEDNN_PRIMITIVE_CACHE_CAPACITY": "8"}


def install_worker_models(models: Models, threads: int) -> None:
    """Give this worker process its models (the Dask worker plugin calls this in ``setup``)."""
    global _WORKER_MODELS
    _WORKER_MODELS = models.with_threads(threads)


def _install_models(models: Models, threads: int) -> None:
    """Cap the numeric libraries' threads before torch or numpy load, keep the models."""
    for variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[variable] = str(threads)
    os.environ.update(ENCODER_ENVIRONMENT)
    install_worker_models(models, threads)


def _call(task: Task, job: Any, models: Models, shared: Any) -> Any:
    return task(job, models) if shared is _NO_SHARED else task(job, models, shared)


def _run_in_worker(task: Task, job: Any, shared: Any = _NO_SHARED) -> Any:
    if _WORKER_MODELS is None:  # pragma: no cover - the initializer or plugin always runs first
        raise EngineError("worker has no models installed")
    return _call(task, job, _WORKER_MODELS, shared)


class _Share:
    """A message down a local worker's pipe: keep ``value`` for the jobs of map ``token`` (no answer).

    ``value`` travels pickled already (``pickled``): the parent pickles a map's shared object once for
    all its workers, not once per worker (the pairwise checks' claims took ~0.5-1 CPU-s a time at
    1,000 articles, so N workers would have cost the client N times that).
    """

    def __init__(self, token: int | None, value: Any, pickled: bytes | None = None) -> None:
        self.token = token
        self.value = value
        self.pickled = pickled

    def __getstate__(self) -> dict[str, Any]:
        if self.pickled is None:
            return {"token": self.token, "value": self.value, "pickled": None}
        return {"token": self.token, "value": None, "pickled": self.pickled}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.token = state["token"]
        pickled = state["pickled"]
        self.value = state["value"] if pickled is None else pickle.loads(pickled)
        self.pickled = None


def _leave_now() -> NoReturn:
    """End this worker without tearing its models down.

    A normal exit finalises every module and frees the models object by object: ~3 s of wall
    clock for a worker holding spaCy and the encoder on a busy machine, against 0.1 s this way,
    and the parent waits for it between parsing and encoding. A worker holds nothing to flush
    but the standard streams (its results went through the pipe, its cache writes are the parent's).
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _serve(connection: Any, threads: int) -> None:
    """A local worker's loop: its models first, then one ``(task, job)`` in, one ``(ok, value)`` out,
    until told to stop.

    Ctrl-C is the parent's to handle (it stops the workers); a worker that let it through would
    answer a half-done task.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        models = connection.recv()
    except (EOFError, OSError):  # the parent is gone
        return
    _install_models(models, threads)
    held = _Share(None, _NO_SHARED)  # the current map's shared object, kept between its jobs
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            _leave_now()
        if isinstance(message, _Share):
            held = message
            continue
        task, job, token = message
        try:
            if token != held.token:  # pragma: no cover - the parent sends the share first
                raise EngineError(f"a job of map {token} reached a worker that holds map {held.token}'s data")
            shared = _NO_SHARED if token is None else held.value
            answer: tuple[bool, Any] = (True, _run_in_worker(task, job, shared))
        except Exception as error:  # noqa: BLE001 - the parent re-raises it, as a serial run would
            answer = (False, error)
        try:
            connection.send(answer)  # pickled whole before a byte is written
        except (EOFError, OSError):
            return
        except Exception as error:  # noqa: BLE001 - an unpicklable result or exception
            connection.send((False, EngineError(f"a worker's result could not be sent back: {error!r}")))


class _LocalWorker:
    """One spawned process and the parent's end of the pipe that only it shares."""

    def __init__(self, context: Any, models: Models, threads: int) -> None:
        parent_end, child_end = context.Pipe(duplex=True)
        # The models go through the worker's own pipe, not with the process: spawn writes its start-up
        # data into a pipe whose read end the parent itself keeps open until the write ends, so a child
        # that dies before reading a large payload (a caller's model) left the parent blocked forever.
        self.process = context.Process(target=_serve, args=(child_end, threads), daemon=True)
        self.process.start()
        # Only the worker holds the other end now: its death is end-of-file here, never a wait.
        child_end.close()
        self.connection = parent_end
        try:
            parent_end.send(models)
        except OSError:
            pass  # it died already: the map sees it dead and idle, and replaces it
        self.job: int | None = None  # the job it is working on
        self.shared_token: int | None = None  # the map whose shared object it holds
        self.asked_to_leave = False

    def ask_to_leave(self) -> None:
        """Tell an idle worker to finish (once); it exits on its own while others are asked too."""
        if self.job is None and not self.asked_to_leave and self.process.is_alive():
            self.asked_to_leave = True
            try:
                self.connection.send(None)
            except OSError:
                pass

    def stop(self, *, grace: float) -> None:
        """Ask an idle worker to leave, kill one that does not (or is busy), and reap it."""
        self.ask_to_leave()
        if self.asked_to_leave:
            self.process.join(grace)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.connection.close()


class ProcessEngine:
    """``workers`` spawned processes, started on the first map that asks for parallel work.

    Each worker has a pipe of its own and holds one job at a time, so there is no shared queue
    or lock a dying worker could leave held: a worker that dies (killed, out of memory) shows up
    as end-of-file on its pipe or as its process sentinel, both of which the parent waits on, and
    its job goes to a fresh worker. (``concurrent.futures.ProcessPoolExecutor`` shares one call
    queue and one result queue among its workers; a worker killed while writing a result leaves
    the parent reading a half message that never ends, which hung a run for 25 minutes.) A job
    that has lost ``PROCESS_RETRIES + 1`` workers is taken to be what kills them: the run stops
    with an EngineError instead of feeding it more workers.
    """

    name = "local"

    def __init__(self, models: Models, workers: int) -> None:
        self.models = models
        self.workers = workers
        self._pool: list[_LocalWorker] = []
        self._serial = SerialEngine(models)
        self._maps = 0  # maps so far: each map's shared object has its own token

    def _spawn(self) -> _LocalWorker:
        import multiprocessing

        threads = max(1, available_cores() // self.workers)
        return _LocalWorker(multiprocessing.get_context("spawn"), self.models, threads)

    def map(
        self, task: Task, jobs: Sequence[Any], *, parallel: bool = True, shared: Any = _NO_SHARED
    ) -> Iterator[tuple[int, Any]]:
        if not parallel or self.workers < 2 or len(jobs) < 2:
            yield from self._serial.map(task, jobs, shared=shared)
            return
        from multiprocessing.connection import wait

        self._maps += 1
        token = None if shared is _NO_SHARED else self._maps
        # Pickled here once for every worker that takes a job of this map.
        share = _Share(None, None)
        if token is not None:
            share = _Share(token, None, pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL))
        waiting = list(range(len(jobs)))
        waiting.reverse()  # popped from the end: jobs start in input order
        losses: dict[int, int] = {}
        try:
            while waiting or any(worker.job is not None for worker in self._pool):
                for worker in [w for w in self._pool if w.job is None and not w.process.is_alive()]:
                    self._lose(worker)  # died idle: replaced before it is given a job
                while len(self._pool) < min(self.workers, len(jobs)):
                    self._pool.append(self._spawn())
                for worker in self._pool:
                    if worker.job is None and waiting:
                        worker.job = waiting.pop()
                        try:
                            if worker.shared_token != token:
                                # Once per worker and map, before its first job (also a fresh worker's).
                                worker.connection.send(share)
                                worker.shared_token = token
                            worker.connection.send((task, jobs[worker.job], token))
                        except OSError:
                            pass  # it died: its sentinel is ready, and the job is retried below
                busy = [worker for worker in self._pool if worker.job is not None]
                ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy]))
                for worker in busy:
                    if worker.connection not in ready and worker.process.sentinel not in ready:
                        continue
                    index = worker.job
                    assert index is not None
                    try:
                        ok, value = worker.connection.recv()
                    except (EOFError, OSError):
                        # Died before it answered: the job goes back in line for a fresh worker.
                        self._lose(worker)
                        losses[index] = losses.get(index, 0) + 1
                        if losses[index] > PROCESS_RETRIES:
                            raise EngineError(
                                f"job {index} of {getattr(task, '__name__', 'a task')} killed "
                                f"{losses[index]} local workers; giving up",
                                hint="lower --jobs, or check the machine's memory",
                            ) from None
                        waiting.append(index)
                        continue
                    worker.job = None
                    if not ok:
                        raise value
                    yield index, value
        finally:
            # Stopped early (an error, Ctrl-C, a consumer that returned): the jobs still running
            # would answer the next map, so their workers go.
            for worker in [worker for worker in self._pool if worker.job is not None]:
                self._lose(worker)
            # The idle workers let go of this map's shared object (the vectors of a whole corpus).
            for worker in [worker for worker in self._pool if worker.shared_token is not None]:
                try:
                    worker.connection.send(_Share(None, None))
                    worker.shared_token = None
                except OSError:
                    pass  # it died idle: replaced at the next map

    def _lose(self, worker: _LocalWorker) -> None:
        self._pool.remove(worker)
        worker.stop(grace=0)

    def recycle(self) -> None:
        self.close()

    def close(self) -> None:
        pool, self._pool = self._pool, []
        # All asked first, then reaped: each takes a moment to tear its models down, and they do it at once.
        for worker in pool:
            worker.ask_to_leave()
        for worker in pool:
            worker.stop(grace=5)


# --- Dask ----------------------------------------------------------------------------------------

PLUGIN_NAME = "factcheck-models"


class DaskEngine:
    """A LocalCluster of ``workers`` processes (one thread each), or the cluster at ``scheduler``.

    The cluster starts on the first map; ``close`` shuts down a cluster this engine started and
    leaves a joined one running.
    """

    name = "dask"

    def __init__(self, models: Models, workers: int, scheduler: str | None = None) -> None:
        self.models = models
        self.workers = workers
        self.scheduler = scheduler
        self._client = None
        self._cluster = None

    def _start(self):
        if self._client is None:
            import logging

            try:
                from distributed import Client, LocalCluster
            except ImportError as error:
                raise EngineError(
                    f"cannot import dask.distributed: {error}", hint="pip install 'dask[distributed]'"
                ) from error
            if self.scheduler:
                try:
                    self._client = Client(self.scheduler, timeout="30s")
                except (OSError, TimeoutError) as error:
                    raise EngineError(
                        f"cannot reach the Dask scheduler at {self.scheduler}: {error}",
                        hint="start one with `dask scheduler`, or leave out --scheduler",
                    ) from error
            else:
                import dask

                # Library code never prints: the cluster's own logging stays at errors. The workers'
                # statistical profiler samples the task thread every 10 ms and takes the GIL to do it:
                # parsing is pure Python, and extract ran ~20% slower with it (bbc-1000, 73 s against
                # 61 s on local processes); nothing reads the profile without a dashboard.
                with dask.config.set(
                    {
                        "distributed.worker.profile.enabled": False,
                        "distributed.nanny.pre-spawn-environ": _worker_environment(),
                    }
                ):
                    self._cluster = LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                    )
                self._client = Client(self._cluster)
            from factcheck.dask_plugin import ModelsPlugin

            self._client.register_plugin(ModelsPlugin(self.models), name=PLUGIN_NAME)
        return self._client

    def map(
        self, task: Task, jobs: Sequence[Any], *, parallel: bool = True, shared: Any = _NO_SHARED
    ) -> Iterator[tuple[int, Any]]:
        if not jobs:
            return
        from distributed import as_completed

        client = self._start()
        extra: list[Any] = []
        if shared is not _NO_SHARED:
            # On every worker once (a copy on each, so a dead worker's replacement fetches it from another).
            extra = [client.scatter(shared, broadcast=True, hash=False)]
        # A few jobs per worker thread in flight, the next submitted as one completes: the client holds
        # the jobs it has sent until they finish (a map of file partitions would otherwise hold every file).
        ahead = DASK_JOBS_AHEAD * max(1, sum(client.nthreads().values()))
        waiting = iter(range(len(jobs)))
        running: dict[str, tuple[int, Any]] = {}
        completed = as_completed(with_results=True)

        def submit_next() -> None:
            index = next(waiting, None)
            if index is not None:
                future = client.submit(_run_in_worker, task, jobs[index], *extra, pure=False)
                running[future.key] = (index, future)
                completed.add(future)

        for _ in range(ahead):
            submit_next()
        try:
            for future, result in completed:
                index, _ = running.pop(future.key)
                submit_next()
                yield index, result
        finally:
            client.cancel([future for _, future in running.values()] + extra)

    def recycle(self) -> None:
        pass  # a cluster's workers are not ours to restart (a joined one is shared)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def _worker_environment() -> dict[str, Any]:
    """What the nanny sets before a LocalCluster worker starts: Dask's defaults but malloc's trim threshold.

    Dask sets ``MALLOC_TRIM_THRESHOLD_=65536`` so that workers hand freed memory back to the system
    at once. The encoder allocates and frees its activations on every forward pass, so each pass
    page-faults them in again: encoding 150 BBC claims on one thread took 3.5 CPU-s with it against
    1.6 without (the same process otherwise), and a LocalCluster spent 1.6x the CPU seconds of local
    processes on bbc-1000. Local workers never had it; their memory stays within the 2 GiB target.
    """
    import dask

    defaults = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    defaults.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {**defaults, **ENCODER_ENVIRONMENT}


def make_engine(settings: Any, models: Models) -> Engine:
    """The engine ``settings`` ask for: ``engine`` (local or dask), ``jobs`` (None: every core)."""
    workers = settings.jobs or available_cores()
    if settings.engine == "dask" or settings.scheduler:
        return DaskEngine(models, workers, settings.scheduler)
    if workers < 2:
        return SerialEngine(models)
    return ProcessEngine(models, workers)


def partitions(items: Sequence[Job], size: int) -> list[list[Job]]:
    """``items`` cut in order into lists of ``size`` (the last may be shorter)."""
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


class LazyJobs(Sequence[Any]):
    """Jobs built from their parts as each leaves for a worker (``make(part)``), not all before the map.

    What a job carries that its part does not (a file's bytes, a document's text read back) is then held
    for the jobs in flight, never for every job at once: engines ask for ``jobs[index]`` when they send
    it (again for a retry), and a Dask map keeps only a few jobs per worker submitted (``DASK_JOBS_AHEAD``).
    """

    def __init__(self, parts: Sequence[Any], make: Callable[[Any], Any]) -> None:
        self.parts = parts
        self.make = make

    def __len__(self) -> int:
        return len(self.parts)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):  # pragma: no cover - engines index one job at a time
            return [self.make(part) for part in self.parts[index]]
        return self.make(self.parts[index])
