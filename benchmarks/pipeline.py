"""Seconds per stage and peak memory of the pipeline, beside the floor (bare parse + bare encode).

Usage:
    python benchmarks/pipeline.py                    # seeds + BBC N=100,300,1000
    python benchmarks/pipeline.py --sizes 20         # small N (what CI runs)
    python benchmarks/pipeline.py --skip-checks garbled-wording,divergence

Each case runs in its own process so peak memory (ru_maxrss) is that case's alone. The corpus is the
first N articles of ../shared/corpora/bbc/articles.jsonl, written out as text files (read at benchmark
time, never shipped). "cold" starts from an empty cache; "warm" re-runs on the same cache. The floor
is the unavoidable work on the same input: loading spaCy and parsing every document with nlp.pipe,
loading the sentence-transformers model and encoding every claim the pipeline extracted.
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


def write_bbc(count: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with CORPUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= count:
                break
            article = json.loads(line)
            name = article["id"].replace("/", "_")
            (folder / f"{name}.txt").write_text(article["text"], encoding="utf-8")
    return folder


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(paths: list[str], cache_dir: str, ignore: list[str], claims_out: str | None) -> dict:
    from factcheck import Settings, run

    settings = Settings(paths=tuple(Path(p) for p in paths), cache_dir=Path(cache_dir), ignore=tuple(ignore),
                        ledger_dir=REPO / "claims", resolutions=None)
    started = time.perf_counter()
    result = run(settings)
    total = time.perf_counter() - started
    corpus = result.corpus
    if claims_out:
        Path(claims_out).write_text(json.dumps({
            "texts": [doc.clean for doc in corpus.documents],
            "claims": [claim.text for claim in corpus.claims],
        }))
    findings: dict[str, int] = {}
    for finding in corpus.findings:
        key = f"{finding.check}:{finding.severity.value}"
        findings[key] = findings.get(key, 0) + 1
    return {
        "total": total, "stages": corpus.timings, "peak_mb": peak_mb(), "documents": len(corpus.documents),
        "claims": len(corpus.claims), "clusters": len(corpus.clusters), "findings": findings,
        "candidate_pairs": corpus.extras.get("candidate_pairs"),
        "modules": sorted(m for m in ("torch", "spacy") if m in sys.modules),
    }


def run_floor(claims_file: str) -> dict:
    data = json.loads(Path(claims_file).read_text())
    started = time.perf_counter()
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
    return {"total": encoded - started, "stages": {"spacy-load": loaded - started, "parse": parsed - loaded,
            "st-load": encoder_loaded - parsed, "encode": encoded - encoder_loaded}, "peak_mb": peak_mb()}


def child(*arguments: str) -> dict:
    output = subprocess.run([sys.executable, __file__, *arguments], capture_output=True, text=True,
                            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    if output.returncode != 0:
        raise SystemExit(f"benchmark case {arguments} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def benchmark(label: str, paths: list[Path], ignore: list[str], work: Path) -> list[tuple[str, dict]]:
    cache = work / f"cache-{label}"
    claims = work / f"claims-{label}.json"
    common = ["--paths", *map(str, paths), "--cache-dir", str(cache), "--ignore", ",".join(ignore)]
    cold = child("--case", *common, "--claims-out", str(claims))
    warm = child("--case", *common)
    floor = child("--floor", str(claims))
    return [(f"{label} cold", cold), (f"{label} warm", warm), (f"{label} floor", floor)]


def print_table(rows: list[tuple[str, dict]]) -> None:
    stage_names = ["load", "extract", "embed", "cluster", "check", "spacy-load", "parse", "st-load", "encode"]
    header = f"{'case':<16}{'docs':>6}{'claims':>8}{'total s':>9}{'s/doc':>8}{'peak MB':>9}  " + " ".join(f"{s:>8}" for s in stage_names)
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
        print(f"{label:<16}{docs:>6}{row.get('claims', ''):>8}{row['total']:>9.2f}{per_doc:>8.3f}{row['peak_mb']:>9.0f}  {cells}")
    print()
    for label, row in rows:
        if label.endswith("cold"):
            floor = dict(rows)[label.replace("cold", "floor")]
            print(f"{label.replace(' cold', ''):<16} pipeline/floor = {row['total'] / floor['total']:.2f}x; "
                  f"warm imports: {dict(rows)[label.replace('cold', 'warm')]['modules'] or 'neither torch nor spaCy'}; "
                  f"clusters {row['clusters']}; candidate pairs {row.get('candidate_pairs')}; findings {row['findings']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--no-seeds", action="store_true")
    parser.add_argument("--skip-checks", default="garbled-wording,divergence")
    parser.add_argument("--case", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    parser.add_argument("--paths", nargs="*", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", help=argparse.SUPPRESS)
    parser.add_argument("--ignore", default="", help=argparse.SUPPRESS)
    parser.add_argument("--claims-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        ignore = [name for name in args.ignore.split(",") if name]
        print(json.dumps(run_case(args.paths, args.cache_dir, ignore, args.claims_out)))
        return
    if args.floor:
        print(json.dumps(run_floor(args.floor)))
        return
    from factcheck.stages.check import registered_checks

    ignore = [name for name in args.skip_checks.split(",") if name in registered_checks()]
    rows: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        if not args.no_seeds:
            rows += benchmark("seeds", [REPO / "seeds"], ignore, work)
        for size in (int(s) for s in args.sizes.split(",") if s):
            rows += benchmark(f"bbc-{size}", [write_bbc(size, work / f"bbc-{size}")], ignore, work)
    print_table(rows)


if __name__ == "__main__":
    main()
