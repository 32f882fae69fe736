"""benchmarks/conflicts.py keeps planting what it says and keeps running end to end (no figures asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmark_kit import load_benchmark, run_benchmark

# Two outlets on one event and a look-alike event in the same topic; made up for the test.
ARTICLES = [
    {
        "id": "1_1a",
        "topic": 1,
        "subcorpus": "ecb",
        "event_group": "1-a",
        "text": "Coach Dana Whitfield resigned on June 8 after the team lost 4,000 fans in a season.\n\n"
        '"We have to rebuild this club from the ground up," said Dana Whitfield at a news conference.\n',
    },
    {
        "id": "1_2a",
        "topic": 1,
        "subcorpus": "ecb",
        "event_group": "1-a",
        "text": "The team's coach Dana Whitfield stepped down on June 8, the club said.\n\n"
        "Attendance fell by 4,000 fans over the season.\n\n"
        '"We have to rebuild this club from the ground up," Whitfield told reporters.\n',
    },
    {
        "id": "1_1b",
        "topic": 1,
        "subcorpus": "ecbplus",
        "event_group": "1-b",
        "text": "Coach Morgan Ellery was fired in 2011 after a losing season.\n\nOwner Kim Lasko said the decision was hard.\n",
    },
    {
        "id": "1_2b",
        "topic": 1,
        "subcorpus": "ecbplus",
        "event_group": "1-b",
        "text": "The club fired its coach Morgan Ellery in 2011.\n\nKim Lasko, the owner, called it a hard decision.\n",
    },
]


def _events() -> list[dict]:
    rows = []
    for article in ARTICLES:
        text = article["text"]
        first = text.index("\n")
        chain = "ACT-resign" if article["event_group"] == "1-a" else "ACT-fire"
        rows.append({"id": article["id"], "start": 0, "end": first, "chains": [chain]})
    second = ARTICLES[1]["text"]
    start = second.index("Attendance")
    rows.append({"id": "1_2a", "start": start, "end": second.index("\n", start), "chains": ["ACT-resign"]})
    return rows


def _corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles.jsonl").write_text("".join(json.dumps(row) + "\n" for row in ARTICLES), encoding="utf-8")
    (folder / "events.jsonl").write_text("".join(json.dumps(row) + "\n" for row in _events()), encoding="utf-8")
    return folder


def test_split_is_fixed_by_topic_and_deterministic():
    benchmark = load_benchmark("conflicts.py")
    parts = [benchmark.part_of(topic) for topic in range(1, 41)]
    assert parts == [benchmark.part_of(topic) for topic in range(1, 41)]
    assert {"dev", "heldout"} == set(parts)
    assert 0.4 <= parts.count("dev") / len(parts) <= 0.8


def test_dev_topics_split_into_two_halves_by_topic():
    # A change kept on dev must hold on both halves (--fold): every topic in one half, both halves non-empty.
    benchmark = load_benchmark("conflicts.py")
    dev = [topic for topic in range(1, 41) if benchmark.part_of(topic) == "dev"]
    folds = [benchmark.fold_of(topic) for topic in dev]
    assert folds == [benchmark.fold_of(topic) for topic in dev]
    assert {"a", "b"} == set(folds)


def test_plants_one_change_per_kind_where_another_article_states_the_fact(tmp_path):
    benchmark = load_benchmark("conflicts.py")
    articles, sentences = benchmark.read_corpus(_corpus(tmp_path / "corpus"))
    first_text = ARTICLES[0]["text"]
    speaker = first_text.index("Dana Whitfield at")
    persons = {"1_1a": [(speaker, speaker + len("Dana Whitfield"))]}
    cases = benchmark.plant_cases(articles, sentences, persons, ["Rory Castellan"], per_group=1)
    by_kind = {case.kind: case for case in cases if case.group == "1-a"}
    assert set(by_kind) == {"date", "number", "title", "speaker"}
    # The other group shares its coach's title and the year of the firing, nothing else.
    assert sorted(case.kind for case in cases if case.group == "1-b") == ["date", "title"]
    for case in cases:
        original = next(a.text for a in articles if a.id == case.article)
        # Exactly the planted span changed, and the rest of the article is intact.
        assert case.text[: case.start] == original[: case.start]
        assert case.text[case.end :] == original[case.start + len(case.before) :]
        assert case.text[case.start : case.end] == case.after != case.before
        assert case.witness != case.article
    assert by_kind["date"].before == "8" and by_kind["date"].after != "8"
    assert by_kind["number"].before == "4,000" and by_kind["number"].after in {"2,000", "8,000"}
    assert by_kind["title"].before.lower() == "coach" and by_kind["title"].after.lower() != "coach"
    assert by_kind["speaker"].before == "Dana Whitfield" and by_kind["speaker"].after == "Rory Castellan"


@pytest.mark.slow
def test_conflicts_benchmark_prints_recall_false_alarms_and_clustering(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    result = run_benchmark(
        "conflicts.py",
        "--corpus",
        corpus,
        "--part",
        "all",
        "--cache-dir",
        tmp_path / "cache",
        "--json",
        tmp_path / "figures.json",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert out.startswith("part: all (2 groups,"), out
    for kind in ("date", "number", "title", "speaker"):
        assert any(line.split()[:1] == [kind] for line in out.splitlines()), out
    assert "false alarms per clean group (2 groups)" in out
    assert "clustering against event chains (5 annotated sentences" in out and "pairwise precision" in out
    assert "plain MiniLM + average linkage" in out and "one cluster per event group 1.000" in out
    assert "gold pairs missed, by the stage that parted them: a sentence with no claim" in out
    assert "one event word within a topic (the ECB+ lemma baseline" in out
    assert f"the whole part in one run ({len(ARTICLES)} articles, every group beside the others)" in out
    figures = json.loads((tmp_path / "figures.json").read_text())
    assert figures["groups"] == 2 and figures["clustering"]["gold_pairs"] == 3
    assert figures["whole_part"]["articles"] == len(ARTICLES)
    assert 0.0 <= figures["clustering"]["lemma_f1"] <= 1.0


def test_a_sentence_with_several_events_pairs_with_each_sentence_sharing_one():
    # A reports events x and y, B only y, C only x (three articles): the gold pairs are A-B and A-C.
    benchmark = load_benchmark("conflicts.py")
    a, b, c = (
        benchmark.Sentence(article=article, start=0, end=1, chains=frozenset(chains))
        for article, chains in (("a", {"x", "y"}), ("b", {"y"}), ("c", {"x"}))
    )
    one_cluster = benchmark._pairwise([a, b, c], [{1}, {1}, {1}])
    assert one_cluster[3:] == (2, 3) and one_cluster[:3] == pytest.approx((2 / 3, 1.0, 0.8))
    # No partition gets both gold pairs without the wrong one: A with C only is precise, half the recall.
    assert benchmark._pairwise([a, b, c], [{1}, {2}, {1}])[:3] == pytest.approx((1.0, 0.5, 2 / 3))
    # Sentences of one article never pair.
    same_article = benchmark.Sentence(article="a", start=5, end=6, chains=frozenset({"x"}))
    assert benchmark._pairwise([a, same_article], [{1}, {1}])[3:] == (0, 0)


def test_pair_causes_name_the_stage_that_parted_each_missed_pair():
    benchmark = load_benchmark("conflicts.py")
    sentence = benchmark.Sentence
    # Four articles of group g (stories 1, 1, 1, 2) and one of group h put in story 1: chains x and y.
    a, b, c, d, e = (
        sentence(article=article, start=0, end=1, chains=frozenset(chains))
        for article, chains in (("a", {"x"}), ("b", {"x"}), ("c", {"x"}), ("d", {"x"}), ("e", {"y"}))
    )
    stories = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 1}
    groups = {"a": "g", "b": "g", "c": "g", "d": "g", "e": "h"}
    # a and e in cluster 1, b in cluster 2, c has no cluster, d has no claim.
    labels = [{1}, {2}, set(), set(), {1}]
    causes = benchmark.pair_causes([a, b, c, d, e], labels, [True, True, True, False, True], stories, groups)
    assert causes == {
        "missed: no claim": 3,  # a-d, b-d, c-d
        "missed: no cluster": 2,  # a-c, b-c
        "missed: one story": 1,  # a-b
        "wrong: two groups": 1,  # a-e
    }
    causes = benchmark.pair_causes([a, d], [{1}, {2}], [True, True], stories, groups)
    assert causes == {"missed: two stories": 1}


def test_number_words_come_from_the_shared_table():
    from factcheck.nlp.numbers import CARDINALS

    benchmark = load_benchmark("conflicts.py")
    assert all(CARDINALS.get(word, 100) == value for word, value in benchmark._NUMBER_WORDS.items())
    text = "Police arrested seven suspects and held twenty people."
    changed = {text[start:end]: replacement for start, end, _, replacement in benchmark._numbers(text)}
    assert changed == {"seven": "14", "twenty": "ten"}  # in words when the changed value has a word in the set


def test_a_title_is_never_swapped_for_a_kind_of_its_post_or_the_post_it_is_a_kind_of():
    # A coordinator is one of the assistant coaches and a prosecutor is a lawyer: both are true of one person, so
    # neither swap plants a conflict. Two posts no one holds at once still swap.
    benchmark = load_benchmark("conflicts.py")
    assert benchmark._other_titles("assistant coach") == ["coach"]
    assert "assistant coach" not in benchmark._other_titles("offensive coordinator")
    assert benchmark._other_titles("lawyer") == ["judge"]
    assert "attorney" not in benchmark._other_titles("prosecutor")
    assert benchmark._other_titles("defense attorney") == ["prosecutor", "judge"]
    assert "defensive coordinator" in benchmark._other_titles("offensive coordinator")
    for kind in benchmark.TITLE_KINDS:
        for synonyms in kind:
            for title in synonyms:
                for other in benchmark._other_titles(title):
                    assert other not in benchmark._posts_above(synonyms[0])
                    assert synonyms[0] not in benchmark._posts_above(other)
    text = "Harbor assistant coach Sam Ito praised the forwards."
    assert [replacement for *_, replacement in benchmark._titles(text)] == ["coach"]


@pytest.mark.slow
def test_why_names_the_stage_a_date_case_reached(tmp_path):
    # --why must agree with the scoring: a case the check finds reached the check and was judged a conflict; a
    # case whose witness states no date that agrees with the original is lost before any pair is formed.
    benchmark = load_benchmark("conflicts.py")
    articles, sentences = benchmark.read_corpus(_corpus(tmp_path / "corpus"))
    by_id = {article.id: article for article in articles}
    runner = benchmark.Runner(tmp_path / "work", tmp_path / "cache", ())
    members = [by_id["1_1a"], by_id["1_2a"]]
    paths = [benchmark.article_path(tmp_path / "work", article) for article in members]
    clean = runner.run(paths).corpus

    def diagnose(case):
        changed = tmp_path / "work" / "planted" / f"{case.witness}-{case.start}" / f"{case.article}.txt"
        changed.parent.mkdir(parents=True, exist_ok=True)
        changed.write_text(case.text, encoding="utf-8", newline="")
        result = runner.run([changed if a.id == case.article else p for a, p in zip(members, paths)])
        outcome = benchmark.Outcome(case=case, findings=list(result.findings))
        return benchmark.found(outcome), benchmark.why_missed(case, clean, result.corpus)

    first = by_id["1_1a"]
    day = first.text.index("June 8") + len("June ")
    planted = benchmark._changed("1-a", "date", first, day, day + 1, "16", witness="1_2a")
    found, why = diagnose(planted)
    assert why.startswith("c: none: judged a conflict") == found, why

    unrelated = benchmark._changed("1-a", "date", first, day, day + 1, "16", witness="1_1b")
    found, why = diagnose(unrelated)
    assert why.startswith("d: the witness has no date slot agreeing with"), why


def test_with_topic_runs_each_case_among_its_topics_look_alike_group(tmp_path):
    # --with-topic: the clean run and every planted run of a group hold its whole topic, the look-alike event group
    # too, so a planted value that moves its article into the other event's story is measured; without it, one group.
    benchmark = load_benchmark("conflicts.py")
    articles, _ = benchmark.read_corpus(_corpus(tmp_path / "corpus"))
    first = next(article for article in articles if article.id == "1_1a")
    day = first.text.index("June 8") + len("June ")
    case = benchmark._changed("1-a", "date", first, day, day + 1, "16", witness="1_2a")

    class Recorder:
        def __init__(self) -> None:
            self.runs: list[list[str]] = []

        def run(self, paths):
            self.runs.append(sorted(path.stem for path in paths))
            return type("Result", (), {"findings": (), "corpus": None})()

    for with_topic, expected in ((False, ["1_1a", "1_2a"]), (True, ["1_1a", "1_1b", "1_2a", "1_2b"])):
        recorder = Recorder()
        benchmark.score_cases(
            recorder, tmp_path / f"work-{with_topic}", articles, [case], lambda message: None, with_topic=with_topic
        )
        assert recorder.runs[:2] == [expected, expected]


def test_the_whole_part_run_counts_warnings_per_100_articles_and_those_joining_two_event_groups():
    from types import SimpleNamespace

    benchmark = load_benchmark("conflicts.py")
    articles = [benchmark.Article(id=f"d{n}", topic=1, group="g1" if n < 2 else "g2", text="") for n in range(4)]

    def finding(check, severity, *docs):
        return SimpleNamespace(
            check=check,
            severity=SimpleNamespace(value=severity),
            evidence=[SimpleNamespace(doc=d) for d in docs],
            message="two figures",
        )

    findings = [
        finding("date-conflict", "warning", "d0", "d1"),  # within one event group
        finding("numeric-conflict", "warning", "d1", "d2"),  # two event groups: two different events
        finding("numeric-conflict", "info", "d0", "d3"),
    ]
    counts = benchmark.whole_part_counts(findings, articles)
    assert counts["warnings_per_100"] == 50.0 and counts["info_per_100"] == 25.0
    assert counts["warnings_across_groups"] == 1
    assert counts["by_check"] == {
        "date-conflict:warning": 25.0,
        "numeric-conflict:info": 25.0,
        "numeric-conflict:warning": 25.0,
    }
    shown = benchmark.whole_part_report(findings, articles, show=True)
    assert any(line.startswith("  g1/g2 numeric-conflict") for line in shown)
