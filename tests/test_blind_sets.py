"""benchmarks/blind_sets.py reads judging sets as written, refuses a set it cannot score, and scores end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_kit import load_benchmark, run_benchmark

ARTICLES = [
    {
        "id": "T-01-a",
        "event_group": "T-01",
        "text": "Ferry runs aground\n\nThe ferry Northern Gull ran aground on March 4 near Skarvik with 212 passengers "
        'aboard. "Everyone is safe," said harbour master Lena Brandt.\n',
    },
    {
        "id": "T-01-b",
        "event_group": "T-01",
        "text": "Passengers safe after grounding\n\nAll 212 passengers left the Northern Gull after it struck rocks off "
        'Skarvik on March 4. "Everyone is safe," harbour master Lena Brandt told reporters.\n',
    },
]
CASE = {"group": "T-01", "kind": "number", "article": "T-01-b", "before": "212", "after": "112", "witness": "T-01-a"}


def _write_set(folder: Path, articles=ARTICLES, cases=(CASE,)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (folder / "cases.jsonl").write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    return folder


def test_a_case_changes_the_nth_occurrence_and_keeps_its_span(tmp_path):
    blind = load_benchmark("blind_sets.py")
    articles, cases = blind.read_set(
        _write_set(tmp_path / "S", cases=[{**CASE, "article": "T-01-a", "witness": "T-01-b", "nth": 1}])
    )
    assert [a.id for a in articles] == ["T-01-a", "T-01-b"]
    (case,) = cases
    assert case.text[case.start : case.end] == "112" and case.text.count("212") == 0
    assert case.group == "T-01" and case.witness == "T-01-b"


@pytest.mark.parametrize(
    ("case", "problem"),
    [
        ({**CASE, "before": "313"}, "does not occur"),
        ({**CASE, "nth": 2}, "does not occur 2 time(s)"),
        ({**CASE, "witness": "T-01-b"}, "no other article"),
        ({**CASE, "kind": "colour"}, "kind 'colour'"),
        ({k: v for k, v in CASE.items() if k != "after"}, "KeyError('after')"),
    ],
)
def test_a_set_that_cannot_be_scored_names_the_file_and_line(tmp_path, case, problem):
    blind = load_benchmark("blind_sets.py")
    folder = _write_set(tmp_path / "S", cases=[CASE, case])
    with pytest.raises(blind.SetError, match="cases.jsonl:2: ") as raised:
        blind.read_set(folder)
    assert problem in str(raised.value)


def test_a_bad_set_exits_2_before_any_model_loads(tmp_path):
    folder = _write_set(tmp_path / "S")
    (folder / "articles.jsonl").write_text('{"id": "x"\n', encoding="utf-8")
    result = run_benchmark("blind_sets.py", folder, timeout=120)
    assert result.returncode == 2 and "articles.jsonl:1: not JSON" in result.stderr


@pytest.mark.slow
def test_blind_sets_scores_a_planted_number_and_the_clean_group(tmp_path):
    folder = _write_set(tmp_path / "S")
    result = run_benchmark("blind_sets.py", folder, "--json", tmp_path / "figures.json")
    assert result.returncode == 0, result.stderr[-3000:]
    (figures,) = json.loads((tmp_path / "figures.json").read_text())
    assert figures["recall"]["number"] == [1, 1], result.stdout
    assert figures["clean_groups"] == 1 and figures["clean_groups_warned"] == 0, result.stdout
    assert result.stdout.startswith("S: number 1/1  clean groups warned 0/1")
