"""The pipeline benchmark still runs end to end on a small N, so it cannot rot (no timings asserted)."""

import json

import pytest
from benchmark_kit import REPO, run_benchmark


@pytest.mark.slow
def test_pipeline_benchmark_prints_its_table(tmp_path):
    # Ten small articles made from the seeds, so CI needs no corpus outside the repository.
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    # Laid out as ../shared/corpora/bbc/articles.jsonl is: the benchmark names its cases after the corpus folder.
    corpus = tmp_path / "bbc" / "articles.jsonl"
    corpus.parent.mkdir()
    with corpus.open("w", encoding="utf-8") as out:
        for number in range(10):
            text = seeds[number % len(seeds)].read_text(encoding="utf-8")
            out.write(json.dumps({"id": f"article-{number}", "text": text[: 1500 + 200 * number]}) + "\n")
    result = run_benchmark("pipeline.py", "--sizes", "10", "--no-seeds", "--corpus", corpus, "--compare", "j1")
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].split()[:5] == ["case", "docs", "claims", "total", "s"]
    for case in ("bbc-10 cold", "bbc-10 warm", "bbc-10 floor", "bbc-10 cold/j1"):
        assert any(line.startswith(case) for line in lines), result.stdout
    # The one-process run beside the all-cores one: same findings, ratios of wall and CPU seconds.
    assert any(line.startswith("bbc-10 cold/j1") and "findings agree" in line for line in lines), result.stdout
    assert "pipeline/floor" in result.stdout and "candidate pairs" in result.stdout
    assert "findings per 100 articles" in result.stdout


@pytest.mark.slow
def test_garbled_benchmark_prints_recall_precision_and_speed(tmp_path):
    # A few articles made from the seeds' plain sentences; the benchmark spins half itself.
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    # Laid out as ../shared/corpora/bbc/articles.jsonl is: the benchmark names its cases after the corpus folder.
    corpus = tmp_path / "bbc" / "articles.jsonl"
    corpus.parent.mkdir()
    with corpus.open("w", encoding="utf-8") as out:
        for number, seed in enumerate(seeds[:3]):
            out.write(json.dumps({"id": f"article-{number}", "text": seed.read_text(encoding="utf-8")[:3000]}) + "\n")
    result = run_benchmark("garbled.py", "--sentences", "3", "--corpus", corpus, "--split", "calibration")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "3 spun and 3 clean sentences" in result.stdout, result.stdout
    for tier in ("strong flags: recall", "all flags: recall"):
        assert tier in result.stdout
    assert "false alarms per 100 clean sentences" in result.stdout and "sentences/s" in result.stdout
