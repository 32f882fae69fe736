"""int8 ONNX embedder (minilm-int8) against the fp32 sentence-transformers path (minilm): speed and agreement.

Usage:
    python benchmarks/embedders.py              # seeds + first 300 BBC articles
    python benchmarks/embedders.py --bbc 30     # small N (what CI can afford)

For each corpus the claims come from the pipeline's own load and extract stages (or, while those
are missing, from a plain sentence split, which the table says). Each embedder then encodes the
same claims in its own process, so load time, sentences/s, peak memory and the modules it
imported are that embedder's alone. Agreement is measured on what the pipeline does with the
vectors: cosine between the two vectors of each claim, the adjusted Rand index of the clusters
(stages/cluster.py, the default threshold; unclustered claims are singletons), the co-clustered
pairs each side finds, the cross-source clusters (exactly the same claim sets or not), and, on
the seeds, the findings of two full runs ``factcheck.run(Settings(paths=seeds, embedder=...,
use_cache=False))`` compared by finding id (a fingerprint of check and evidence text).

The BBC corpus is read from ../shared/corpora/bbc/articles.jsonl at benchmark time, never shipped.

Decision (issue 7): int8 becomes the default only if the seeds' findings are identical and the
BBC clusters agree closely (ARI >= 0.95, cross-source clusters >= 0.9 Jaccard by exact claim set).
The measured figures and the decision are recorded in the section "Result" below.

Result (2 cores shared with ~8 busy processes, load average 7-9, so wall-clock figures are noisy
and sentences per CPU-second is the comparable speed; onnxruntime 1.31.1, torch 2.13.0 CPU):

    corpus   claims  load s fp32/int8  sent/cpu-s fp32/int8  peak MB fp32/int8  cos min  ARI    cross-source same  Jaccard
    seeds       292     12.7 / 0.6        34 / 43 (1.25x)       718 / 522       0.9992  0.852   32 of 38/39        0.711
    bbc-300    3759     13.2 / 0.6        62 / 79 (1.29x)       787 / 599       0.9986  0.961  287 of 303/303      0.900
    seeds findings (garbled-wording off): fp32 56, int8 54, 54 shared; int8 loses one quote-provenance and
    one uncorroborated finding. Full seeds run 47.8 s / 42.7 s, embed stage 29.4 s / 18.2 s.

Decision: fp32 stays the default; int8 is an option (--embedder minilm-int8). The findings on the
seeds differ (2 of 56) and the BBC cross-source clusters reach Jaccard 0.900 (287 of 319 distinct
sets), at the edge of the bar. The vectors are very close (cosine >= 0.9986), but clustering is a
threshold decision: int8 moves a neighbour pair's cosine by 0.0025 on average (0.017 at most),
more than an isotropic perturbation of the same size does (0.0016), and flips 40 (seeds) and 76
(BBC) of the pairs near the 0.65 similarity line, against 32 and 50 for that noise. Even the
noise moves the seeds' clusters (ARI 0.966), so any embedder change moves findings that hinge on
near-threshold pairs.
What int8 buys is start-up and memory, not arithmetic: the file is weight-only int8 (after
onnxruntime's constant folding the graph runs fp32 MatMuls, no MatMulInteger), so encoding is
only ~1.25-1.3x cheaper per CPU-second; loading takes 0.6 s instead of ~13 s (no torch import)
and peak memory is ~190 MB lower. Worth revisiting as the default if the findings are made
robust to near-threshold pairs, or for warm/CI runs where only a few claims are new.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpora" / "bbc" / "articles.jsonl"
EMBEDDERS = ("minilm", "minilm-int8")
WATCHED_MODULES = ("torch", "transformers", "sentence_transformers", "onnxruntime", "spacy")


def write_bbc(count: int, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with CORPUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= count:
                break
            article = json.loads(line)
            (folder / f"{article['id'].replace('/', '_')}.txt").write_text(article["text"], encoding="utf-8")
    return folder


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- children: each runs in its own process -------------------------------------------------


def extract_claims(folder: str) -> dict:
    """Claims as (doc, text) through the real load + extract stages, else a plain sentence split."""
    from factcheck import Settings

    settings = Settings(paths=(Path(folder),), use_cache=False, ledger_dir=None, resolutions=None)
    try:
        from factcheck.pipeline import build_stages, run_stages

        corpus = run_stages(build_stages(settings)[:2])
        return {"source": "pipeline extract", "claims": [[claim.doc, claim.text] for claim in corpus.claims]}
    except Exception as error:  # noqa: BLE001 - the extract stage may not exist yet
        claims = []
        for path in sorted(Path(folder).glob("*.txt")):
            for paragraph in path.read_text(encoding="utf-8").split("\n"):
                for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'“])", paragraph.strip()):
                    if len(sentence.split()) >= 5:
                        claims.append([path.stem, sentence])
        return {"source": f"sentence split ({type(error).__name__})", "claims": claims}


def encode_claims(embedder_name: str, claims_file: str, vectors_file: str, repeat: int) -> dict:
    import numpy as np

    from factcheck import Settings
    from factcheck.stages.embed import make_embedder

    texts = [text for _, text in json.loads(Path(claims_file).read_text())["claims"]]
    started = time.perf_counter()
    embedder = make_embedder(Settings(embedder=embedder_name))
    embedder.encode(["Warm-up: the model loads on its first sentence."])
    load = time.perf_counter() - started
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        vectors = embedder.encode(texts)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    np.save(vectors_file, vectors)
    threads = None
    if "torch" in sys.modules:
        threads = sys.modules["torch"].get_num_threads()
    elif hasattr(embedder, "threads"):
        threads = embedder.threads
    return {
        "name": embedder.name,
        "load_s": load,
        "encode_s": best,
        "count": len(texts),
        "per_s": len(texts) / best if best else 0.0,
        "per_cpu_s": len(texts) / best_cpu if best_cpu else 0.0,
        "peak_mb": peak_mb(),
        "threads": threads,
        "modules": [m for m in WATCHED_MODULES if m in sys.modules],
    }


def run_findings(embedder_name: str, ignore: str) -> dict:
    from factcheck import Settings, run

    started = time.perf_counter()
    skipped = tuple(name for name in ignore.split(",") if name)
    result = run(Settings(paths=(SEEDS,), embedder=embedder_name, use_cache=False, ignore=skipped))
    corpus = result.corpus
    return {
        "seconds": time.perf_counter() - started,
        "findings": sorted([f.id, f.check, f.severity.value, f.message] for f in corpus.findings),
        "clusters": sorted(sorted(cluster.claims) for cluster in corpus.clusters),
        "cross_source": sorted(sorted(cluster.claims) for cluster in corpus.clusters if cluster.cross_source),
        "failures": [f"{failure.stage}:{failure.subject}: {failure.message}" for failure in corpus.failures],
        "stages": corpus.timings,
    }


def child(*arguments: str) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )
    if output.returncode != 0:
        return {"error": output.stderr.strip().splitlines()[-1] if output.stderr.strip() else "failed"}
    return json.loads(output.stdout.strip().splitlines()[-1])


# --- agreement -------------------------------------------------------------------------------


def cluster_agreement(docs: list[str], fp32, int8, threshold: float) -> dict:
    import numpy as np
    from sklearn.metrics import adjusted_rand_score

    from factcheck.stages.cluster import cluster_vectors

    groups = {name: cluster_vectors(vectors, threshold) for name, vectors in (("fp32", fp32), ("int8", int8))}

    def labels(found: list[list[int]]) -> list[int]:
        assigned = list(range(len(docs), 2 * len(docs)))  # singletons: a label of their own
        for number, group in enumerate(found):
            for row in group:
                assigned[row] = number
        return assigned

    def pairs(found: list[list[int]]) -> set[tuple[int, int]]:
        return {(a, b) for group in found for i, a in enumerate(group) for b in group[i + 1 :]}

    def cross_source(found: list[list[int]]) -> set[tuple[int, ...]]:
        return {tuple(group) for group in found if len({docs[row] for row in group}) >= 2}

    # The noise floor: fp32 moved as far as int8 moves it (per claim), but in a random direction.
    # If clusters change as much under this as under int8, the clustering's sensitivity at the
    # threshold, not a bias of the int8 model, is what changes them.
    rng = np.random.default_rng(0)
    residual = np.linalg.norm(int8 - fp32, axis=1, keepdims=True)
    noise = rng.standard_normal(fp32.shape).astype(np.float32)
    noisy = fp32 + residual * noise / np.linalg.norm(noise, axis=1, keepdims=True)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    groups["noise"] = cluster_vectors(noisy, threshold)
    # Neighbour pairs (the pairs clustering looks at) on the other side of the threshold under int8.
    from sklearn.neighbors import NearestNeighbors

    k = min(20, len(docs) - 1) + 1
    _, neighbours = NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute").fit(fp32).kneighbors(fp32)
    edges = {(min(a, b), max(a, b)) for a, row in enumerate(neighbours) for b in row if a != b}
    left, right = np.array([a for a, _ in edges]), np.array([b for _, b in edges])
    similarity_fp32 = np.sum(fp32[left] * fp32[right], axis=1)
    similarity_int8 = np.sum(int8[left] * int8[right], axis=1)
    similarity_noise = np.sum(noisy[left] * noisy[right], axis=1)
    close_fp32, close_int8 = similarity_fp32 >= 1 - threshold, similarity_int8 >= 1 - threshold

    fp32_pairs, int8_pairs = pairs(groups["fp32"]), pairs(groups["int8"])
    fp32_cross, int8_cross = cross_source(groups["fp32"]), cross_source(groups["int8"])
    union = fp32_cross | int8_cross
    cosines = np.sum(fp32 * int8, axis=1)
    return {
        "cos_min": float(cosines.min()),
        "cos_p1": float(np.percentile(cosines, 1)),
        "cos_mean": float(cosines.mean()),
        "clusters": (len(groups["fp32"]), len(groups["int8"])),
        "ari": float(adjusted_rand_score(labels(groups["fp32"]), labels(groups["int8"]))),
        "pairs": (len(fp32_pairs), len(int8_pairs), len(fp32_pairs & int8_pairs)),
        "cross": (len(fp32_cross), len(int8_cross), len(fp32_cross & int8_cross)),
        "cross_jaccard": len(fp32_cross & int8_cross) / len(union) if union else 1.0,
        "edges_close": int(close_fp32.sum()),
        "edges_flipped": int((close_fp32 != close_int8).sum()),
        "edges_noise_flipped": int((close_fp32 != (similarity_noise >= 1 - threshold)).sum()),
        "pair_error_mean": float(np.abs(similarity_int8 - similarity_fp32).mean()),
        "pair_error_max": float(np.abs(similarity_int8 - similarity_fp32).max()),
        "pair_noise_error_mean": float(np.abs(similarity_noise - similarity_fp32).mean()),
        "noise_ari": float(adjusted_rand_score(labels(groups["fp32"]), labels(groups["noise"]))),
        "noise_cross_jaccard": _jaccard(fp32_cross, cross_source(groups["noise"])),
    }


def _jaccard(first: set, second: set) -> float:
    return len(first & second) / len(first | second) if first | second else 1.0


# --- the table -------------------------------------------------------------------------------


def measure(label: str, folder: Path, work: Path, repeat: int, threshold: float) -> dict:
    import numpy as np

    claims_file = work / f"claims-{label}.json"
    extracted = child("--extract", str(folder))
    if "error" in extracted:
        raise SystemExit(f"claim extraction failed on {label}: {extracted['error']}")
    claims_file.write_text(json.dumps(extracted))
    speed, vectors = {}, {}
    for name in EMBEDDERS:
        vectors_file = work / f"vectors-{label}-{name}.npy"
        speed[name] = child("--encode", name, str(claims_file), str(vectors_file), "--repeat", str(repeat))
        if "error" in speed[name]:
            raise SystemExit(f"encoding with {name} failed on {label}: {speed[name]['error']}")
        vectors[name] = np.load(vectors_file)
    docs = [doc for doc, _ in extracted["claims"]]
    agreement = cluster_agreement(docs, vectors["minilm"], vectors["minilm-int8"], threshold)
    return {
        "label": label,
        "source": extracted["source"],
        "docs": len(set(docs)),
        "speed": speed,
        "agreement": agreement,
    }


def print_tables(rows: list[dict]) -> None:
    print(
        f"{'corpus':<10}{'embedder':<13}{'claims':>7}{'load s':>8}{'encode s':>9}{'sent/s':>8}"
        f"{'sent/cpu-s':>11}{'speed-up':>9}{'peak MB':>9}{'threads':>8}  imports"
    )
    for row in rows:
        base = row["speed"]["minilm"]["per_cpu_s"]
        for name in EMBEDDERS:
            s = row["speed"][name]
            print(
                f"{row['label']:<10}{name:<13}{s['count']:>7}{s['load_s']:>8.2f}{s['encode_s']:>9.2f}"
                f"{s['per_s']:>8.0f}{s['per_cpu_s']:>11.0f}{s['per_cpu_s'] / base:>8.2f}x{s['peak_mb']:>9.0f}{s['threads'] or '':>8}  "
                f"{','.join(s['modules'])}"
            )
    print("(speed-up: sentences per CPU-second against fp32; wall-clock figures depend on the machine's load)")
    print()
    print(
        f"{'corpus':<10}{'docs':>5}{'claims':>7}{'cos min':>9}{'cos p1':>8}{'cos mean':>9}{'clusters':>11}"
        f"{'ARI':>7}{'co-clustered pairs':>21}{'cross-source':>15}{'xs Jaccard':>11}  claims from"
    )
    for row in rows:
        a = row["agreement"]
        print(
            f"{row['label']:<10}{row['docs']:>5}{row['speed']['minilm']['count']:>7}{a['cos_min']:>9.4f}"
            f"{a['cos_p1']:>8.4f}{a['cos_mean']:>9.4f}{'%d/%d' % a['clusters']:>11}{a['ari']:>7.3f}"
            f"{'%d/%d, %d same' % a['pairs']:>21}{'%d/%d, %d same' % a['cross']:>15}{a['cross_jaccard']:>11.3f}"
            f"  {row['source']}"
        )
    print("(pairs of figures: fp32/int8)")
    print()
    print(
        f"{'corpus':<10}{'pairs within threshold':>23}{'flipped int8/noise':>20}{'|dcos| mean':>13}"
        f"{'max':>8}{'noise |dcos|':>14}{'noise ARI':>11}{'noise xs J.':>13}"
    )
    for row in rows:
        a = row["agreement"]
        print(
            f"{row['label']:<10}{a['edges_close']:>23}{'%d/%d' % (a['edges_flipped'], a['edges_noise_flipped']):>20}"
            f"{a['pair_error_mean']:>13.4f}{a['pair_error_max']:>8.4f}{a['pair_noise_error_mean']:>14.4f}"
            f"{a['noise_ari']:>11.3f}{a['noise_cross_jaccard']:>13.3f}"
        )
    print("(over each claim's 20 nearest neighbours under fp32; |dcos|: change of a pair's cosine)")
    print("(noise floor: fp32 moved by a random vector as long as int8's difference, clustered the same way)")
    sys.stdout.flush()  # the findings runs below take minutes; keep what is measured


def print_findings(rows: list[dict], findings: dict | None, skipped: str) -> dict:
    verdict = {"findings_agree": None, "clusters_agree": None}
    bbc = [row for row in rows if row["label"].startswith("bbc")]
    if bbc:
        a = bbc[-1]["agreement"]
        verdict["clusters_agree"] = a["ari"] >= 0.95 and a["cross_jaccard"] >= 0.9
    print()
    if findings is None:
        print("seeds findings: not run (--no-findings)")
    elif any("error" in findings[name] for name in EMBEDDERS):
        print(
            "seeds findings: the pipeline does not run end to end yet: "
            + "; ".join(f"{name}: {findings[name].get('error')}" for name in EMBEDDERS if "error" in findings[name])
        )
    else:
        fp32, int8 = findings["minilm"], findings["minilm-int8"]
        fp32_ids = {f[0]: f for f in fp32["findings"]}
        int8_ids = {f[0]: f for f in int8["findings"]}
        same = set(fp32_ids) & set(int8_ids)
        verdict["findings_agree"] = set(fp32_ids) == set(int8_ids)
        print(
            f"seeds findings: fp32 {len(fp32_ids)}, int8 {len(int8_ids)}, same id {len(same)}; "
            f"clusters {len(fp32['clusters'])}/{len(int8['clusters'])}, identical: {fp32['clusters'] == int8['clusters']}; "
            f"cross-source identical: {fp32['cross_source'] == int8['cross_source']}; "
            f"run s {fp32['seconds']:.1f}/{int8['seconds']:.1f} (embed stage {fp32['stages'].get('embed', 0):.1f}/"
            f"{int8['stages'].get('embed', 0):.1f}); checks skipped: {skipped or 'none'}"
        )
        for finding_id in sorted(set(fp32_ids) ^ set(int8_ids)):
            side, finding = (
                ("fp32 only", fp32_ids[finding_id]) if finding_id in fp32_ids else ("int8 only", int8_ids[finding_id])
            )
            print(f"  {side}: {finding[1]} {finding[2]} {finding[3][:110]}")
        for name in EMBEDDERS:
            for failure in findings[name]["failures"]:
                print(f"  {name} failure: {failure[:140]}")
    print(
        f"verdict: findings agree on seeds: {verdict['findings_agree']}; "
        f"clusters agree closely on BBC: {verdict['clusters_agree']} -> "
        + (
            "int8 can be the default"
            if verdict["findings_agree"] and verdict["clusters_agree"]
            else "keep fp32 as the default (int8 stays an option)"
        )
    )
    return verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bbc", type=int, default=300, help="first N BBC articles (0: none)")
    parser.add_argument("--repeat", type=int, default=1, help="encode passes per embedder; the fastest counts")
    parser.add_argument("--no-findings", action="store_true", help="skip the two full runs on the seeds")
    parser.add_argument(
        "--skip-checks",
        default="garbled-wording",
        help="checks left out of the findings runs (garbled-wording has its own budget and reads no embedding)",
    )
    parser.add_argument("--extract", help=argparse.SUPPRESS)
    parser.add_argument("--encode", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--findings", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.extract:
        print(json.dumps(extract_claims(args.extract)))
        return
    if args.encode:
        print(json.dumps(encode_claims(*args.encode, repeat=args.repeat)))
        return
    if args.findings:
        print(json.dumps(run_findings(args.findings, args.skip_checks)))
        return
    from factcheck import Settings

    threshold = Settings().cluster_threshold
    rows = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        rows.append(measure("seeds", SEEDS, work, args.repeat, threshold))
        if args.bbc:
            rows.append(measure(f"bbc-{args.bbc}", write_bbc(args.bbc, work / "bbc"), work, args.repeat, threshold))
    print_tables(rows)
    findings = (
        None
        if args.no_findings
        else {name: child("--findings", name, "--skip-checks", args.skip_checks) for name in EMBEDDERS}
    )
    print()
    print_findings(rows, findings, args.skip_checks)


if __name__ == "__main__":
    main()
