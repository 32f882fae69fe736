"""What the spun-wording checks (garbled-wording, divergence) cost the client: memory and CPU seconds.

Usage:
    python benchmarks/spun_client.py --sizes 300,1000 --jobs 2 [--engine dask] [--cache-dir DIR] [--corpus PATH]
    python benchmarks/spun_client.py --folder DIR --cache-dir DIR --sizes ""   # a folder of documents as it is
    python benchmarks/spun_client.py --sizes 1000 --blocks-only                 # without the check stage

For each size, the first N BBC articles are written out as text files and run through the pipeline
without the two checks (cold the first time, then from the cache in ``--cache-dir``). Then, in a
fresh process, the pipeline runs again from the cache, and the two checks are measured two ways:

* **blocks**: each check's ``blocks`` (the prose sentences of every document, the paraphrased pairs
  across documents, the blocks cut) and then every block taken one after the other and pickled, as
  an engine takes and sends them. CPU seconds in one pass; in a second pass, the peak of the
  Python allocations made meanwhile (tracemalloc: what the client holds for it, texts included, and
  nothing else), and the pickled size of all blocks and of the largest.
* **stage**: the check stage with only the two checks, on the run's engine (``--jobs``,
  ``--engine``): CPU seconds of the client and its workers, and the client's peak resident memory
  above what it held as the stage began. The stage's cache of check results is emptied first, so
  the checks run; the model's sentence cache stays, so after the first measurement the model's
  reading costs little and the figures are the checks' own work around it.

The language model must be prepared in the user's cache (it is linked into ``--cache-dir``). On a
shared machine the CPU seconds are the steadier figure; the load is printed beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sqlite3
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pipeline import CORPUS, REPO, WorkerMemory, cpu_seconds, share_prepared_lm, write_bbc  # noqa: E402

SPUN = ("garbled-wording", "divergence")


def settings_for(folder: Path, cache: Path, jobs: int | None, engine: str, ignore: tuple[str, ...]):
    from factcheck import Settings

    return Settings(
        paths=(folder,),
        cache_dir=cache,
        ignore=ignore,
        ledger_dir=REPO / "claims",
        resolutions=None,
        jobs=jobs,
        engine=engine,
    )


def resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class ResidentPeak:
    """This process's peak resident memory while the block runs, sampled every 0.1 s (MB)."""

    def __init__(self) -> None:
        import threading

        self.peak_mb = resident_mb()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak_mb = max(self.peak_mb, resident_mb())

    def __enter__(self) -> "ResidentPeak":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mb = max(self.peak_mb, resident_mb())


def take_blocks(check, corpus, context) -> tuple[int, int, int]:
    """Blocks cut and taken one after the other, as an engine sends them: (blocks, pickled bytes, largest)."""
    blocks = check.blocks(corpus, context)
    total = largest = 0
    for index in range(len(blocks)):
        size = len(pickle.dumps(blocks[index], protocol=pickle.HIGHEST_PROTOCOL))
        total += size
        largest = max(largest, size)
    return len(blocks), total, largest


def measure(folder: str, cache: str, jobs: int | None, engine_name: str, stage: bool = True) -> dict:
    from factcheck import run
    from factcheck.checks.base import CheckContext
    from factcheck.engine import Models, make_engine
    from factcheck.stages.check import CheckStage, find_check

    settings = settings_for(Path(folder), Path(cache), jobs, engine_name, SPUN)
    corpus = run(settings).corpus  # warm: the corpus the check stage reads
    checks = [find_check(name) for name in SPUN]
    context = CheckContext(settings=settings_for(Path(folder), Path(cache), jobs, engine_name, ()))
    row: dict = {"documents": len(corpus.documents), "claims": len(corpus.claims), "blocks": {}}
    for check_class in checks:
        started = cpu_seconds()
        count, pickled, largest = take_blocks(check_class(), corpus, context)
        seconds = cpu_seconds() - started
        tracemalloc.start()
        take_blocks(check_class(), corpus, context)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        row["blocks"][check_class.slug] = {
            "cpu": round(seconds, 2),
            "traced_peak_mb": round(peak / 2**20, 1),
            "blocks": count,
            "pickled_mb": round(pickled / 2**20, 2),
            "largest_kb": round(largest / 2**10, 1),
        }
    if not stage:
        return row
    with sqlite3.connect(Path(cache) / "cache-v1.sqlite3") as connection:
        connection.execute("DELETE FROM blobs WHERE namespace = 'check-results'")
    stage_settings = context.settings.model_copy(update={"select": SPUN})
    engine = make_engine(stage_settings, Models(stage_settings))
    before_rss = resident_mb()
    load_before = os.getloadavg()[0]
    started_cpu, started = cpu_seconds(), time.perf_counter()
    with WorkerMemory() as workers, ResidentPeak() as client:
        try:
            checked = CheckStage(stage_settings, checks=checks, engine=engine)(corpus)
        finally:
            engine.close()
    findings: dict[str, int] = {}
    for finding in checked.findings:
        key = f"{finding.check}:{finding.severity.value}"
        findings[key] = findings.get(key, 0) + 1
    row["stage"] = {
        "wall": round(time.perf_counter() - started, 1),
        "cpu": round(cpu_seconds() - started_cpu, 1),
        "client_rss_before_mb": round(before_rss),
        "client_peak_mb": round(client.peak_mb),
        "client_peak_above_mb": round(client.peak_mb - before_rss, 1),
        "workers_mb": round(workers.peak_mb),
        "findings": findings,
        "failures": [f.message[:200] for f in checked.failures if f.stage.startswith("check")],
        "load": [round(load_before, 2), *(round(value, 2) for value in os.getloadavg()[:2])],
    }
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="300")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--cache-dir", type=Path, help="kept between runs (default: a temporary folder)")
    parser.add_argument("--folder", type=Path, action="append", default=[], help="also measure this folder")
    parser.add_argument("--blocks-only", action="store_true", help="measure the blocks, not the check stage")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure, args.jobs, args.engine, stage=not args.blocks_only)))
        return
    from factcheck import run

    with tempfile.TemporaryDirectory() as temp:
        work = args.cache_dir or Path(temp)
        cases = [(f"bbc-{size}", None, size) for size in (int(s) for s in args.sizes.split(",") if s)]
        cases += [(folder.name, folder, 0) for folder in args.folder]
        for label, given, size in cases:
            folder = given or write_bbc(size, work / label, args.corpus)
            cache = work / f"cache-{label}"
            if not cache.exists():
                share_prepared_lm(cache)
            run(settings_for(folder, cache, args.jobs, args.engine, SPUN))  # claims and clusters into the cache
            command = [sys.executable, __file__, "--measure", str(folder), str(cache), "--engine", args.engine]
            command += ["--jobs", str(args.jobs)] if args.jobs else []
            command += ["--blocks-only"] if args.blocks_only else []
            output = subprocess.run(
                command, capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, check=False
            )
            if output.returncode != 0:
                raise SystemExit(f"{label} failed:\n{output.stderr[-3000:]}")
            row = json.loads(output.stdout.strip().splitlines()[-1])
            print(f"{label}: {row['documents']} documents, {row['claims']} claims")
            for slug, figures in row["blocks"].items():
                print(
                    f"  {slug:<16} blocks: {figures['cpu']:.2f} CPU-s, Python peak {figures['traced_peak_mb']:.1f} MB, "
                    f"{figures['blocks']} blocks, {figures['pickled_mb']:.2f} MB pickled (largest {figures['largest_kb']:.1f} KB)"
                )
            if "stage" not in row:
                continue
            stage = row["stage"]
            print(
                f"  check stage (both): {stage['wall']:.1f} s, {stage['cpu']:.1f} CPU-s (client and workers), "
                f"client peak {stage['client_peak_mb']} MB resident ({stage['client_peak_above_mb']:+.1f} above the "
                f"{stage['client_rss_before_mb']} MB as it began), workers {stage['workers_mb']} MB, "
                f"load {stage['load'][0]:.1f} -> {stage['load'][1]:.1f}"
            )
            print(f"  findings: {json.dumps(stage['findings'], sort_keys=True)}  failures: {stage['failures']}")


if __name__ == "__main__":
    main()
