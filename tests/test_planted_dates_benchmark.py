"""benchmarks/planted_dates.py plants what it says: one dated fact two articles tell, moved in one of them; halves
share no article (no figures asserted, no models loaded)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Made up: two outlets tell one dated fact (a and b), a third tells another firm's year (c), and two more articles
# retell a fact of their own (d and e).
ROWS = [
    {"id": "news/a", "text": "After a long delay, Riverton opened its new bridge in 2003."},
    {"id": "news/b", "text": "The council said Riverton opened the new bridge in 2003 after a long delay."},
    {"id": "news/c", "text": "Norvale opened its first shop in 2003, a year late."},
    {"id": "news/d", "text": "Dana Pell founded the Harrow Trust on June 8 with money from the sale."},
    {"id": "news/e", "text": "With money from the sale, Dana Pell founded the Harrow Trust on June 8."},
    {"id": "news/f", "text": "The 2003 Riverton Film Awards were opened by the council after a long delay."},
]


def _load():
    for name, file in (("conflicts", "conflicts.py"), ("planted_dates", "planted_dates.py")):
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return sys.modules["planted_dates"]


def _cases(tmp_path: Path, both: bool = False):
    benchmark = _load()
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in ROWS), encoding="utf-8")
    articles = benchmark.read_articles(corpus, "prefix", dateline=False)
    return benchmark, benchmark.plant(articles, per_pair=1, both=both)


def test_one_fact_two_articles_tell_is_planted_and_nothing_else(tmp_path):
    _, cases = _cases(tmp_path, both=True)
    planted = sorted((case.article, case.witness, case.before, case.after) for case, _ in cases)
    assert planted == [
        ("news__a", "news__b", "2003", "2002"),
        ("news__b", "news__a", "2003", "2002"),
        ("news__d", "news__e", "8", "16"),
        ("news__e", "news__d", "8", "16"),
    ]
    for case, _ in cases:
        assert case.text[case.start : case.end] == case.after  # the planted span is exact in the changed text


def test_one_direction_by_default_and_halves_share_no_article(tmp_path):
    benchmark, cases = _cases(tmp_path)
    assert len(cases) == 2
    split = benchmark.halves(cases)
    assert sorted(case.article for half in split.values() for case in half) == sorted(case.article for case, _ in cases)
    articles = [{case.article for case in split[half]} | {case.witness for case in split[half]} for half in (1, 2)]
    assert not articles[0] & articles[1]
    assert benchmark.halves(cases) == split  # deterministic
