"""The time-expression benchmark keeps running and scores the TempEval-3 way (on a corpus made here)."""

import json
from pathlib import Path

import pytest
from benchmark_kit import load_benchmark, run_benchmark

ARTICLES = [
    {
        "id": "plant",
        "corpus": "test",
        "published": "2008-03-05",
        "text": "Plant to close\n\nMarch 5, 2008\n\nThe plant opened on March 3, 2008. It will close in 2012.",
    },
    {
        "id": "sales",
        "corpus": "test",
        "published": "2009-04-01",
        "text": "Sales rise\n\nApril 1, 2009\n\nSales rose in a bygone era. One. Two. Three. Sales fell in 2015.",
    },
]
GOLD = [
    ("plant", "March 5, 2008", "DATE", "2008-03-05", "CREATION_TIME"),
    ("plant", "March 3, 2008", "DATE", "2008-03-03", "NONE"),
    ("plant", "2012", "DATE", "2012", "NONE"),
    ("sales", "April 1, 2009", "DATE", "2009-04-01", "CREATION_TIME"),
    ("sales", "a bygone era", "DATE", "PAST_REF", "NONE"),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    texts = {article["id"]: article["text"] for article in ARTICLES}
    with (tmp_path / "articles.jsonl").open("w", encoding="utf-8") as out:
        for article in ARTICLES:
            out.write(json.dumps(article) + "\n")
    with (tmp_path / "timex.jsonl").open("w", encoding="utf-8") as out:
        for doc, text, kind, value, function in GOLD:
            start = texts[doc].index(text)
            out.write(
                json.dumps(
                    {
                        "id": doc,
                        "start": start,
                        "end": start + len(text),
                        "text": text,
                        "type": kind,
                        "value": value,
                        "function": function,
                    }
                )
                + "\n"
            )
    return tmp_path


def test_scoring_is_tempeval_style():
    bench = load_benchmark("timex.py")
    gold = [
        bench.Timex("d", 10, 20, "", "DATE", "2020"),
        bench.Timex("d", 30, 40, "", "DURATION", "P3M"),
        bench.Timex("d", 50, 60, "", "DATE", "2021"),
    ]
    predicted = [
        bench.Timex("d", 10, 20, "", "DATE", "2020"),  # exact, right value
        bench.Timex("d", 28, 40, "", "DATE", "P3M"),  # overlapping, right value, wrong type
        bench.Timex("d", 70, 75, "", "DATE", "2022"),
    ]  # false alarm
    scores = bench.score(gold, predicted)
    assert scores.strict == pytest.approx((100 / 3, 100 / 3, 100 / 3))
    assert scores.relaxed == pytest.approx((200 / 3, 200 / 3, 200 / 3))
    assert scores.value_accuracy == pytest.approx(100) and scores.value_f1 == pytest.approx(200 / 3)
    assert scores.type_accuracy == pytest.approx(50)


def test_split_is_fixed_and_uses_both_parts():
    bench = load_benchmark("timex.py")
    parts = [bench.part_of(f"article-{number}") for number in range(40)]
    assert set(parts) == {"dev", "heldout"}
    assert parts == [bench.part_of(f"article-{number}") for number in range(40)]


def test_benchmark_prints_its_table(corpus: Path):
    result = run_benchmark("timex.py", "--part", "all", "--corpus", corpus, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("part: all; recogniser: factcheck; 2 articles, 5 gold TIMEX3 (2 of them creation times)")
    # "2015" sits after the four annotated body sentences: counted, not scored.
    assert "1 predictions after the annotated sentences not scored" in lines[0]
    # Four of five found with exact extents and right values; "a bygone era" missed.
    all_gold = next(line for line in lines if line.startswith("all gold")).split()
    assert all_gold[2:6] == ["5", "4", "100.0", "80.0"]
    assert {"DATE", "TIME", "DURATION", "SET"} <= {line.split()[0] for line in lines if line.strip()}


def test_errors_refuse_the_held_out_part(corpus: Path):
    result = run_benchmark("timex.py", "--part", "heldout", "--errors", "--corpus", corpus, timeout=600)
    assert result.returncode == 2 and "held-out" in result.stderr
