"""Seconds per stage and peak memory of the pipeline, beside the floor (bare parse + bare encode).

Usage:
    python benchmarks/pipeline.py                    # seeds + BBC N=100,300,1000
    python benchmarks/pipeline.py --sizes 20         # small N (what CI runs)
    python benchmarks/pipeline.py --skip-checks garbled-wording,divergence
    python benchmarks/pipeline.py --no-seeds --sizes 300 --compare spin  # what the two spun-wording checks cost
    python benchmarks/pipeline.py --jobs 2 --compare j1,dask2   # all cores, beside one core and a 2-worker LocalCluster
    python benchmarks/pipeline.py --engine dask --jobs 2         # the main cases on a LocalCluster
    python benchmarks/pipeline.py --corpus ../shared/corpora/ecbplus-dev/articles.jsonl --no-seeds --sizes 462
    python benchmarks/pipeline.py --folder DIR --no-seeds --sizes ""       # a folder of documents

Each case runs in its own process so peak memory (ru_maxrss) is that case's alone. The corpus is the
first N articles of ../shared/corpora/bbc/articles.jsonl, written out as text files (read at benchmark
time, never shipped). "cold" starts from an empty cache; "warm" re-runs on the same cache. The floor
is the unavoidable work on the same input: loading spaCy and parsing every document with nlp.pipe,
loading the sentence-transformers model and encoding every claim the pipeline extracted, in one
process.

CPU seconds count this process and its workers (local processes and LocalCluster workers are its
children, reaped when the run ends); "client MB" is this process's peak, "workers MB" the peak of
the workers' summed resident memory, sampled every 0.5 s, and "all MB" the peak of both together at
one sample (the run's whole footprint, never more than the two peaks added). "client holds" is what the
corpus takes at the end of the run, by part (documents, claims, vectors ...), beside what the documents'
texts would take (read back on demand, not held); "client after load and extract" is its peak and
resident memory as the embed stage starts. On a machine shared with other jobs the wall seconds
are pessimistic and the CPU seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "bbc" / "articles.jsonl"


def write_bbc(count: int, folder: Path, corpus: Path = CORPUS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= count:
                break
            article = json.loads(line)
            name = article["id"].replace("/", "_")
            (folder / f"{name}.txt").write_text(article["text"], encoding="utf-8")
    return folder


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """This process's resident memory now (MB)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and its reaped children (the workers)."""
    seconds = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        seconds += usage.ru_utime + usage.ru_stime
    return seconds


class WorkerMemory:
    """Peak of the summed memory of this process's descendants, sampled in a thread.

    ``peak_mb`` sums resident sets (RSS), which counts the library pages the workers share (torch,
    spaCy) once per worker; ``peak_pss_mb`` sums proportional set sizes, each shared page split
    among the processes that map it: what the machine really needs. ``peak_all_mb`` is the peak of
    this process's RSS plus its descendants', sampled at the same moment: the run's whole footprint.
    """

    def __init__(self, interval: float = 0.5) -> None:
        import threading

        self.peak_mb = 0.0
        self.peak_pss_mb = 0.0
        self.peak_all_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(interval,), daemon=True)

    def _sample(self, interval: float) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.wait(interval):
            total = proportional = 0
            for child in me.children(recursive=True):
                try:
                    info = child.memory_full_info()  # reads smaps: PSS beside RSS
                    total += info.rss
                    proportional += getattr(info, "pss", info.rss)
                except psutil.Error:
                    pass
            self.peak_mb = max(self.peak_mb, total / 2**20)
            self.peak_pss_mb = max(self.peak_pss_mb, proportional / 2**20)
            try:
                self.peak_all_mb = max(self.peak_all_mb, (me.memory_info().rss + total) / 2**20)
            except psutil.Error:
                pass

    def __enter__(self) -> "WorkerMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        self._thread.join()


def run_case(
    paths: list[str],
    cache_dir: str,
    ignore: list[str],
    claims_out: str | None,
    jobs: int | None = None,
    engine: str = "local",
    embedder: str = "minilm",
) -> dict:
    from factcheck import Settings, run

    settings = Settings(
        paths=tuple(Path(p) for p in paths),
        cache_dir=Path(cache_dir),
        ignore=tuple(ignore),
        ledger_dir=REPO / "claims",
        resolutions=None,
        jobs=jobs,
        engine=engine,
        embedder=embedder,
    )
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), cpu_seconds()
    through_extract: dict[str, float] = {}

    def on_stage(name: str) -> None:
        if name == "embed":  # load and extract are done: what the client took for them, texts included or not
            through_extract["peak_mb"] = peak_mb()
            through_extract["resident_mb"] = resident_mb()

    with WorkerMemory() as workers:
        result = run(settings, on_stage=on_stage)
    total, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    load_after = os.getloadavg()
    peak = peak_mb()  # before the texts are read back below, which the run itself does not hold
    corpus = result.corpus
    held = held_mb(corpus)
    if claims_out:
        Path(claims_out).write_text(
            json.dumps(
                {
                    "texts": [corpus.text_of(doc.id).clean for doc in corpus.documents],
                    "claims": [claim.text for claim in corpus.claims],
                }
            )
        )
    findings: dict[str, int] = {}
    for finding in corpus.findings:
        key = f"{finding.check}:{finding.severity.value}"
        findings[key] = findings.get(key, 0) + 1
    return {
        "total": total,
        "cpu": cpu,
        "stages": corpus.timings,
        "peak_mb": peak,
        "through_extract_mb": through_extract,
        "held_mb": held,
        "workers_mb": workers.peak_mb,
        "workers_pss_mb": workers.peak_pss_mb,
        "all_mb": workers.peak_all_mb,
        "documents": len(corpus.documents),
        "claims": len(corpus.claims),
        "clusters": len(corpus.clusters),
        "findings": findings,
        "candidate_pairs": corpus.extras.get("candidate_pairs"),
        "modules": sorted(m for m in ("torch", "spacy") if m in sys.modules),
        # The machine's 1-minute load average before the run and 1/5-minute after it (this run's own
        # processes included): a wall-clock figure means little when the load exceeds the cores.
        "load": [round(load_before, 2), round(load_after[0], 2), round(load_after[1], 2)],
    }


def deep_bytes(value: object, seen: set[int]) -> int:
    """Bytes of ``value`` and of everything it refers to that ``seen`` does not hold yet (records,
    containers, strings, numpy arrays); an object shared by two parts counts in the first."""
    import numpy as np

    if id(value) in seen or value is None or isinstance(value, (bool, int, float)) and -5 <= value <= 256:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, np.ndarray):
        # getsizeof counts the data of an array that owns it; a view (each claim's vector is a row
        # of one matrix) counts the array it views, once.
        return size + (0 if value.base is None else deep_bytes(value.base, seen))
    if isinstance(value, dict):
        return size + sum(deep_bytes(key, seen) + deep_bytes(item, seen) for key, item in value.items())
    if isinstance(value, (tuple, list, set, frozenset)):
        return size + sum(deep_bytes(item, seen) for item in value)
    attributes = getattr(value, "__dict__", None)
    if isinstance(attributes, dict):
        return size + deep_bytes(attributes, seen)
    return size


def held_mb(corpus) -> dict[str, float]:
    """What the client holds at the end of the run, by part of the corpus (MB), and ``texts``: what
    every document's text, cleaned text and offset map take, read back (the client no longer holds
    them after extraction; it did before)."""
    seen: set[int] = set()
    parts = {
        "documents": corpus.documents,
        "claims": corpus.claims,
        "vectors": corpus.embeddings,
        "clusters": corpus.clusters,
        "same_fact": corpus.same_fact,
        "findings": corpus.findings,
    }
    held = {name: round(deep_bytes(part, seen) / 2**20, 1) for name, part in parts.items()}
    texts = 0
    for document in corpus.documents:
        full = corpus.text_of(document.id)
        texts += sum(deep_bytes(getattr(full, name), set()) for name in ("text", "clean", "clean_to_original"))
    held["texts"] = round(texts / 2**20, 1)
    return held


def run_floor(claims_file: str) -> dict:
    data = json.loads(Path(claims_file).read_text())
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), cpu_seconds()
    from factcheck.stages.extract import load_spacy

    nlp = load_spacy()
    loaded = time.perf_counter()
    for _ in nlp.pipe(data["texts"], batch_size=32):
        pass
    parsed = time.perf_counter()
    from factcheck.stages.embed import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder()
    embedder._load()
    encoder_loaded = time.perf_counter()
    embedder.encode(data["claims"])
    encoded = time.perf_counter()
    return {
        "total": encoded - started,
        "cpu": cpu_seconds() - cpu_started,
        "stages": {
            "spacy-load": loaded - started,
            "parse": parsed - loaded,
            "st-load": encoder_loaded - parsed,
            "encode": encoded - encoder_loaded,
        },
        "peak_mb": peak_mb(),
        "load": [round(load_before, 2), *(round(value, 2) for value in os.getloadavg()[:2])],
    }


def child(*arguments: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )
    if output.returncode != 0:
        raise SystemExit(f"benchmark case {arguments} failed:\n{output.stderr[-3000:]}")
    row = json.loads(output.stdout.strip().splitlines()[-1])
    # Long runs: each case's figures on stderr as soon as it ends, before the table at the very end.
    print(f"case {' '.join(arguments[:2])} ...: {json.dumps(row)}", file=sys.stderr, flush=True)
    return row


def variant_arguments(variant: str) -> list[str]:
    """``j1`` -> one local process, ``dask2`` -> a 2-worker LocalCluster, ``int8`` -> the int8 encoder,
    ``spin`` -> garbled-wording and divergence run too (combinable with +)."""
    arguments: list[str] = []
    for part in variant.split("+"):
        if part.startswith("j"):
            arguments += ["--jobs", part[1:], "--engine", "local"]
        elif part.startswith("dask"):
            arguments += ["--jobs", part[4:] or "2", "--engine", "dask"]
        elif part == "int8":
            arguments += ["--embedder", "minilm-int8"]
        elif part == "spin":
            arguments += ["--ignore", ""]  # after the case's own --ignore, so it wins
        else:
            raise SystemExit(f"unknown variant {part!r} (j<N>, dask<N>, int8, spin)")
    return arguments


def benchmark(
    label: str,
    paths: list[Path],
    ignore: list[str],
    work: Path,
    main: list[str],
    compare: list[str],
    floor: bool = True,
) -> list[tuple[str, dict]]:
    cache = work / f"cache-{label}"
    claims = work / f"claims-{label}.json"
    common = ["--paths", *map(str, paths), "--ignore", ",".join(ignore)]
    rows = [(f"{label} cold", child("--case", *common, *main, "--cache-dir", str(cache), "--claims-out", str(claims)))]
    rows.append((f"{label} warm", child("--case", *common, *main, "--cache-dir", str(cache))))
    if floor:
        rows.append((f"{label} floor", child("--floor", str(claims))))
    for variant in compare:
        variant_cache = work / f"cache-{label}-{variant}"
        if "spin" in variant.split("+"):
            share_prepared_lm(variant_cache)
        rows.append(
            (
                f"{label} cold/{variant}",
                child("--case", *common, *variant_arguments(variant), "--cache-dir", str(variant_cache)),
            )
        )
    return rows


def share_prepared_lm(cache: Path) -> None:
    """The spun-wording model as already prepared in the user's cache, linked into a case's empty
    cache: a cold case then measures the checks, not the one-time conversion (see benchmarks/garbled.py)."""
    from factcheck.nlp.lm import default_lm_dir

    prepared = default_lm_dir()
    if prepared.is_dir():
        target = default_lm_dir(cache)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(prepared, target_is_directory=True)


def cli_seconds(arguments: list[str], repeat: int) -> float:
    """Best wall-clock seconds of ``factcheck ARGUMENTS`` in a fresh process (start-up included)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "factcheck", *arguments],
            capture_output=True,
            cwd=REPO,
            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
        )
        best = min(best, time.perf_counter() - started)
    return best


def print_table(rows: list[tuple[str, dict]]) -> None:
    stage_names = ["load", "extract", "embed", "cluster", "check", "spacy-load", "parse", "st-load", "encode"]
    header = (
        f"{'case':<22}{'docs':>6}{'claims':>8}{'total s':>9}{'cpu s':>8}{'s/doc':>8}{'cpu/doc':>8}{'peak MB':>9}"
        f"{'wkr MB':>8}{'wkr PSS':>8}{'all MB':>8}{'load':>11}  " + " ".join(f"{s:>8}" for s in stage_names)
    )
    print(header)
    print("-" * len(header))
    documents = {}
    for label, row in rows:
        base = label.rsplit(" ", 1)[0]
        documents.setdefault(base, row.get("documents"))
        docs = row.get("documents") or documents.get(base) or 0
        stages = row.get("stages", {})
        cells = " ".join(f"{stages[s]:>8.2f}" if s in stages else f"{'':>8}" for s in stage_names)
        per_doc = row["total"] / docs if docs else 0
        cpu = f"{row['cpu']:>8.1f}" if "cpu" in row else f"{'':>8}"
        cpu_per_doc = f"{row['cpu'] / docs:>8.3f}" if "cpu" in row and docs else f"{'':>8}"
        workers = f"{row['workers_mb']:>8.0f}" if row.get("workers_mb") else f"{'':>8}"
        workers += f"{row['workers_pss_mb']:>8.0f}" if row.get("workers_pss_mb") else f"{'':>8}"
        workers += f"{row['all_mb']:>8.0f}" if row.get("all_mb") else f"{'':>8}"
        load = "{:.1f}/{:.1f}".format(*row["load"][:2]) if row.get("load") else ""
        print(
            f"{label:<22}{docs:>6}{row.get('claims', ''):>8}{row['total']:>9.2f}{cpu}{per_doc:>8.3f}{cpu_per_doc}"
            f"{row['peak_mb']:>9.0f}{workers}{load:>11}  {cells}"
        )
    print()
    for label, row in rows:
        if row.get("held_mb"):
            parts = ", ".join(f"{name} {mb:,.1f}" for name, mb in row["held_mb"].items())
            print(f"{label:<22} client holds at the end (MB): {parts}")
        if row.get("through_extract_mb"):
            print(
                f"{label:<22} client after load and extract (MB): peak {row['through_extract_mb']['peak_mb']:,.0f}, "
                f"resident {row['through_extract_mb']['resident_mb']:,.0f}"
            )
    by_label = dict(rows)
    for label, row in rows:
        if "cold/" in label:
            base = by_label[label.split("/")[0]]
            print(
                f"{label:<22} / {label.split('/')[0]}: wall {row['total'] / base['total']:.2f}x, cpu {row['cpu'] / base['cpu']:.2f}x; "
                f"findings {'agree' if row['findings'] == base['findings'] else 'differ: ' + str(row['findings'])}"
            )
            if "spin" in label.split("/")[1].split("+"):
                extra = row["stages"].get("check", 0.0) - base["stages"].get("check", 0.0)
                print(
                    f"{'':<22}   garbled-wording + divergence: +{extra:.1f} s in the check stage, "
                    f"{row['cpu'] - base['cpu']:+.1f} CPU-s in all, peak {row['peak_mb']:.0f} MB against {base['peak_mb']:.0f}"
                )
    for label, row in rows:
        if label.endswith("cold") and label.replace("cold", "floor") in by_label:
            floor = by_label[label.replace("cold", "floor")]
            cpu_ratio = f" (cpu {row['cpu'] / floor['cpu']:.2f}x)" if "cpu" in row and "cpu" in floor else ""
            print(
                f"{label.replace(' cold', ''):<16} pipeline/floor = {row['total'] / floor['total']:.2f}x{cpu_ratio}; "
                f"warm imports: {by_label[label.replace('cold', 'warm')]['modules'] or 'neither torch nor spaCy'}; "
                f"clusters {row['clusters']}"
            )
            print(f"{'':<16} candidate pairs: {row.get('candidate_pairs')}")
    bbc = sorted(
        (int(label.split()[0].split("-")[1]), row)
        for label, row in rows
        if label.startswith("bbc-") and label.endswith("cold") and label.count(" ") == 1
    )
    if len(bbc) >= 2:
        (small, small_row), (large, large_row) = bbc[0], bbc[-1]
        ratio = (large_row["total"] / large) / (small_row["total"] / small)
        cpu_ratio = (large_row["cpu"] / large) / (small_row["cpu"] / small)
        print(f"\nper-article time at {large} / at {small}: {ratio:.2f}x (cpu {cpu_ratio:.2f}x)")
    for size, row in bbc:
        print(f"\nfindings per 100 articles (bbc-{size}, by check and severity):")
        for key, count in sorted(row["findings"].items()):
            print(f"  {key:<40}{100 * count / max(row['documents'], 1):>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--skip-checks", default="garbled-wording,divergence")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS, help="JSON lines with id and text (default: the BBC sample)"
    )
    parser.add_argument("--case", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    parser.add_argument("--paths", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--ignore", default="", help=argparse.SUPPRESS)
    parser.add_argument("--claims-out", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, help="worker processes for the main cases (default: every core)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--embedder", choices=("minilm", "minilm-int8"), default="minilm")
    parser.add_argument(
        "--compare", default="", help="extra cold runs beside the main ones: j1, j2, dask2, int8, j2+int8 ..."
    )
    parser.add_argument(
        "--folder",
        type=Path,
        action="append",
        default=[],
        help="also benchmark this folder of documents (e.g. ../shared/corpora/ecbplus-dev)",
    )
    parser.add_argument("--no-floor", action="store_true", help="skip the floor cases (a bare parse and encode)")
    args = parser.parse_args()
    if args.case:
        ignore = [name for name in args.ignore.split(",") if name]
        print(
            json.dumps(
                run_case(args.paths, args.cache_dir, ignore, args.claims_out, args.jobs, args.engine, args.embedder)
            )
        )
        return
    if args.floor:
        print(json.dumps(run_floor(args.floor)))
        return
    from factcheck.stages.check import registered_checks

    ignore = [name for name in args.skip_checks.split(",") if name in registered_checks()]
    main_arguments = [
        "--engine",
        args.engine,
        "--embedder",
        args.embedder,
        *(["--jobs", str(args.jobs)] if args.jobs else []),
    ]
    compare = [variant for variant in args.compare.split(",") if variant]
    for variant in compare:
        variant_arguments(variant)  # reject a bad variant before any work
    floor = not args.no_floor
    rows: list[tuple[str, dict]] = []
    command_lines: list[str] = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        if not args.no_seeds:
            rows += benchmark("seeds", [REPO / "seeds"], ignore, work, main_arguments, compare, floor)
            skip = [part for name in ignore for part in ("--ignore", name)]
            warm_cli = cli_seconds(["check", "seeds", "--cache-dir", str(work / "cache-seeds"), "-f", "json", *skip], 3)
            command_lines.append(f"factcheck --help: {cli_seconds(['--help'], 5):.2f} s (best of 5)")
            command_lines.append(f"factcheck check seeds, warm cache, new process: {warm_cli:.2f} s (best of 3)")
        for size in (int(s) for s in args.sizes.split(",") if s):
            # bbc-300, or ecbplus-dev-462 for --corpus ../shared/corpora/ecbplus-dev/articles.jsonl --sizes 462
            name = "bbc" if args.corpus.resolve() == CORPUS.resolve() else args.corpus.parent.name
            rows += benchmark(
                f"{name}-{size}",
                [write_bbc(size, work / f"bbc-{size}", args.corpus)],
                ignore,
                work,
                main_arguments,
                compare,
                floor,
            )
        for folder in args.folder:
            rows += benchmark(folder.name, [folder], ignore, work, main_arguments, compare, floor)
    print_table(rows)
    for line in command_lines:
        print(line)


if __name__ == "__main__":
    main()
