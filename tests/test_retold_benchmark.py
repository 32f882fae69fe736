"""benchmarks/retold.py finds one fact told twice by two articles and plants one change where both state it (no
models: the pair finding and the planting only)."""

from __future__ import annotations

import json

import pytest
from benchmark_kit import load_benchmark, run_benchmark

SIGN_OFF = "Sign up for the weekly letter to get the latest local news before anyone else."
COPY = "The Riverton council voted on March 12 to spend 4,000 pounds on a new footbridge over the canal."
CHAIR = "Chairman Dana Whitfield said building work on the crossing would begin early in 2026."
QUOTE = '"We have waited far too long for this crossing to be built over the water,"'
# Made up. a1 and a2 tell one story: a copied sentence, a copied sentence with a title and a year, one quotation,
# and a paraphrase of a count. a3 to a5 are other stories that end with the same sign-off as a1 and a2.
ARTICLES = {
    "town/a1": "Council backs footbridge\n\n"
    f"{COPY} {CHAIR}\n\n"
    "Officials counted 250 cyclists crossing the old canal bridge every single morning last spring.\n\n"
    f"{QUOTE} said Dana Whitfield at the meeting. {SIGN_OFF}\n",
    "town/a2": "Footbridge vote\n\n"
    f"{COPY[:-1]}, officials said. {CHAIR}\n\n"
    "Every morning last spring, officials say, some 250 cyclists used the old canal bridge.\n\n"
    f"{QUOTE} Whitfield told reporters. {SIGN_OFF}\n",
    "town/a3": f"Library hours\n\nThe library will open on Sundays from next month, staff said on Tuesday. {SIGN_OFF}\n",
    "town/a4": f"School fete\n\nThe school fete raised money for new books and a climbing frame this year. {SIGN_OFF}\n",
    "town/a5": f"Bus route\n\nThe number nine bus will stop at the hospital gates from the first of June. {SIGN_OFF}\n",
}


def _articles(benchmark):
    return [benchmark.Article(id=key, text=text) for key, text in sorted(ARTICLES.items())]


def test_sentences_are_exact_spans_of_the_text():
    benchmark = load_benchmark("retold.py")
    article = _articles(benchmark)[0]
    sentences = benchmark.split_sentences(article)
    texts = [article.text[s.start : s.end] for s in sentences]
    assert texts == [
        "Council backs footbridge",
        COPY,
        CHAIR,
        texts[3],
        f"{QUOTE} said Dana Whitfield at the meeting.",
        SIGN_OFF,
    ]
    assert texts[3].startswith("Officials counted 250") and texts[3].endswith("spring.")


def test_finds_copies_and_paraphrases_across_articles_but_not_boilerplate():
    benchmark = load_benchmark("retold.py")
    articles = _articles(benchmark)
    pairs = benchmark.find_pairs(articles)
    assert pairs == benchmark.find_pairs(list(reversed(articles)))  # sorted, whatever the input order
    by_id = {a.id: a for a in articles}
    found = {(p.match, by_id[p.left.article].text[p.left.start : p.left.end][:20]) for p in pairs}
    assert {(p.left.article, p.right.article) for p in pairs} == {("town/a1", "town/a2")}
    assert ("copy", COPY[:20]) in found and ("copy", CHAIR[:20]) in found and ("copy", QUOTE[:20]) in found
    assert ("paraphrase", "Officials counted 25") in found
    # The sign-off closes five articles: a standard line, not a story told twice.
    assert not any(SIGN_OFF[:20] in by_id[p.left.article].text[p.left.start : p.left.end] for p in pairs)
    # Pairs that share an article share a half; the halves are a fixed hash of the component.
    home = benchmark.components(pairs)
    assert home == {"town/a1": "town/a1", "town/a2": "town/a1"}
    assert benchmark.half_of("town/a1") == benchmark.half_of("town/a1") in {"a", "b"}


def test_plants_each_kind_where_both_sentences_state_the_value():
    benchmark = load_benchmark("retold.py")
    articles = _articles(benchmark)
    pairs = benchmark.find_pairs(articles)
    text = ARTICLES["town/a1"]
    speaker = text.index("Dana Whitfield at")
    persons = {"town/a1": [(speaker, speaker + len("Dana Whitfield"))]}
    cases = benchmark.plant(articles, pairs, persons, ["Rory Castellan", "Dana Moss"], per_pair=10)
    assert cases == benchmark.plant(articles, pairs, persons, ["Rory Castellan", "Dana Moss"], per_pair=10)
    befores = {(case.kind, case.before) for case in cases}
    assert {("date", "12"), ("date", "2026"), ("number", "4,000"), ("number", "250"), ("title", "Chairman")} <= befores
    # Only the first article credits the quotation to a named person; the replacement is nobody of the same first name.
    speakers = [case for case in cases if case.kind == "speaker"]
    assert [(c.article, c.before, c.after) for c in speakers] == [("town-a1", "Dana Whitfield", "Rory Castellan")]
    # Nothing planted in the sign-off or in a value one side alone gives ("Tuesday", "nine").
    assert all(case.witness in {"town-a1", "town-a2"} and case.witness != case.article for case in cases)
    for case in cases:
        original = ARTICLES[case.article.replace("-", "/")]
        assert case.text[: case.start] == original[: case.start]
        assert case.text[case.end :] == original[case.start + len(case.before) :]
        assert case.text[case.start : case.end] == case.after != case.before
        assert case.group == "town-a1+town-a2"
        assert case.half == benchmark.half_of("town/a1")
    assert {case.match for case in cases if case.before == "250"} == {"paraphrase"}
    assert {case.match for case in cases if case.before == "4,000"} == {"copy"}
    # One case per article pair and kind by default, chosen by a fixed hash; a sample keeps the first N per kind.
    one = benchmark.plant(articles, pairs, persons, ["Rory Castellan"])
    assert sorted(case.kind for case in one) == ["date", "number", "speaker", "title"]
    assert len(benchmark.sample(cases, 1)) == 4  # one half here


# Made up: a and b tell one dated fact; c tells it of another town (no capitalised word in common with a or b); d and
# e give two banks' profits of one year (their figures differ); f and g name an occasion by its year.
DATED = {
    "news/a": "After a long delay, the Riverton council opened its new harbour bridge to traffic in 2003.",
    "news/b": "The Riverton council opened its new harbour bridge to traffic in 2003 after a long delay.",
    "news/c": "After a long delay, the Norvale council opened its new harbour bridge to traffic in 2003.",
    "news/d": "Harrow Bank made a profit of 40 million pounds in 2003, its best year so far, the bank said.",
    "news/e": "Harrow Bank made a profit of 55 million pounds in 2003, its best year so far, the bank said.",
    "news/f": "The 2003 Tarnfield Film Awards were opened by the mayor after a long delay on Monday evening.",
    "news/g": "The 2003 Tarnfield Film Awards were opened by the mayor after a long delay on Monday night.",
}


def test_a_date_is_planted_only_where_both_sentences_tell_one_dated_fact():
    benchmark = load_benchmark("retold.py")
    articles = [benchmark.Article(id=key, text=text) for key, text in sorted(DATED.items())]
    pairs = benchmark.find_pairs(articles)
    # Every article pairs with another (one story told alike), so only the same-fact test keeps dates out.
    assert {article for pair in pairs for article in (pair.left.article, pair.right.article)} == set(DATED)
    cases = benchmark.plant(articles, pairs, {}, [], kinds=("date",), per_pair=10)
    assert sorted((case.article, case.witness, case.before) for case in cases) == [
        ("news-a", "news-b", "2003"),
        ("news-b", "news-a", "2003"),
    ]
    assert {case.witness_sentence for case in cases} == {DATED["news/a"], DATED["news/b"]}

    def told_alike(left: str, right: str) -> bool:
        year = (DATED[left].index("2003"), DATED[left].index("2003") + 4)
        other = (DATED[right].index("2003"), DATED[right].index("2003") + 4)
        return benchmark.one_dated_fact(DATED[left], DATED[right], year, other)

    assert told_alike("news/a", "news/b")
    assert not told_alike("news/a", "news/c")  # another town
    assert not told_alike("news/d", "news/e")  # two profits of one year


def test_list_prints_the_cases_and_their_witnesses_without_running(tmp_path, capsys):
    benchmark = load_benchmark("retold.py")
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"id": k, "text": t}) + "\n" for k, t in sorted(DATED.items())), "utf-8")
    assert benchmark.main(["--corpus", str(corpus), "--kinds", "date", "--list"]) == 0
    out = capsys.readouterr().out
    assert "news-a '2003' -> '2002'" in out or "news-b '2003' -> '2002'" in out, out
    assert f"witness news-b: {DATED['news/b']}" in out or f"witness news-a: {DATED['news/a']}" in out, out


def test_no_number_is_planted_in_a_fraction_or_a_share_of_a_whole():
    # Doubling or halving one term of a fraction or a share gives no count ("four-thirds", "18 out of 10").
    benchmark = load_benchmark("retold.py")
    text = "Exports make up two-thirds of the economy, and nine out of 10 firms hired 250 workers last year."
    assert [(text[start:end], after) for start, end, _, after in benchmark._numbers(text)] == [("250", "125")]
    assert benchmark._FINDERS["number"] is benchmark._numbers


def test_a_quotation_is_not_credited_to_a_name_in_the_sentence_after_it():
    # Made up: one quotation in four articles. After it, b1 and b3 name someone in the next sentence (b3's quotation
    # closes its own sentence); only b4 credits it to the name that follows it in the same sentence.
    said = QUOTE[:-2] + '."'
    texts = {
        "x/b1": f"{QUOTE} he said on Sunday. Council leader Dana Whitfield, who chairs the board, did not agree.\n",
        "x/b2": f"{QUOTE} Whitfield told reporters at the meeting on Sunday evening.\n",
        "x/b3": f"{said} He says Dana Whitfield and the rest of the board were far too slow to act.\n",
        "x/b4": f"{QUOTE} said Dana Whitfield at the meeting on Sunday evening.\n",
    }
    benchmark = load_benchmark("retold.py")
    articles = [benchmark.Article(id=key, text=text) for key, text in sorted(texts.items())]
    persons = {
        key: [(text.index("Dana"), text.index("Dana") + len("Dana Whitfield"))]
        for key, text in texts.items()
        if "Dana" in text
    }
    cases = benchmark.plant(articles, benchmark.find_pairs(articles), persons, ["Rory Castellan"], ("speaker",), 10)
    assert {(case.article, case.before) for case in cases} == {("x-b4", "Dana Whitfield")}


def test_a_name_that_modifies_the_noun_after_it_is_nobody_to_credit_a_quotation_to():
    # Made up, as the tagger and recogniser might read it: "Lib Dem" tagged a person where it modifies "parties".
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = '" Local Lib Dem parties agree on the plan " , Dana Lee said on Monday'.split()
    tags = ["``", "JJ", "NNP", "NNP", "NNS", "VBP", "IN", "DT", "NN", "''", ",", "NNP", "NNP", "VBD", "IN", "NNP"]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
    docs = [Doc(Vocab(), words=words, tags=tags, ents=ents) for _ in range(2)]

    class Tagger:  # stands in for spaCy's pipeline: the made-up parse of each text
        def pipe(self, texts, **_):
            return [docs[0] for _ in texts]

    benchmark = load_benchmark("retold.py")
    articles = [benchmark.Article(id=f"x/{number}", text=doc.text) for number, doc in enumerate(docs)]
    persons, people = benchmark.speaker_people(articles, Tagger())
    assert people == ["Dana Lee"]
    assert {article.text[start:end] for article in articles for start, end in persons[article.id]} == {"Dana Lee"}


def test_neighbours_come_from_outside_the_pair_and_do_not_change():
    benchmark = load_benchmark("retold.py")
    articles = _articles(benchmark)
    home = benchmark.components(benchmark.find_pairs(articles))
    chosen = benchmark.neighbours(articles, ("town/a1", "town/a2"), home, 2)
    assert len(chosen) == 2 and not {"town/a1", "town/a2"} & set(chosen)
    assert chosen == benchmark.neighbours(articles, ("town/a1", "town/a2"), home, 2)


def test_refuses_to_show_the_misses_of_the_unread_half():
    benchmark = load_benchmark("retold.py")
    assert "b" in benchmark.UNREAD
    with pytest.raises(SystemExit):
        benchmark.main(["--half", "b", "--show-misses"])


@pytest.mark.slow
def test_retold_benchmark_runs_each_case_and_prints_both_halves(tmp_path):
    corpus = tmp_path / "articles.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": key, "text": text}) + "\n" for key, text in sorted(ARTICLES.items())),
        encoding="utf-8",
    )
    result = run_benchmark(
        "retold.py",
        "--corpus",
        corpus,
        "--kinds",
        "date,number,title",
        "--cache-dir",
        tmp_path / "cache",
        "--json",
        tmp_path / "figures.json",
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "(5 articles, 4 retold sentence pairs)" in result.stdout, result.stdout
    figures = json.loads((tmp_path / "figures.json").read_text())["figures"]
    assert figures["all"]["pairs"] == 1 and figures["all"]["cases"] == 3
    assert {kind: total for kind, (_, total) in figures["all"]["recall"].items()} == {
        "date": 1,
        "number": 1,
        "title": 1,
        "speaker": 0,
    }
    half = "a" if figures["a"]["pairs"] else "b"
    assert figures[half]["cases"] == 3 and figures["b" if half == "a" else "a"]["cases"] == 0


def test_no_number_is_planted_in_a_name_or_at_either_end_of_a_span():
    # Made up. A number in a name ("the Top 40 list", "Route Nine", "rapper 40 Grand") counts nothing; halving one end
    # of a span ("between 10 and 12", "two or three", "by 25 to 15") gives another span, not another count. A count
    # of a people written with a capital ("300 Britons") and a count beside an unjoined one still plant.
    benchmark = load_benchmark("retold.py")
    text = (
        "The song entered the Top 40 list as rapper 40 Grand sold 600 copies. Fans drove down Route Nine for "
        "between 10 and 12 hours, two or three days early, and the council voted by 25 to 15 seats to shut it. "
        "By then 300 Britons had flown in; police made 12 arrests and 30 people were hurt."
    )
    planted = [(text[start:end], after) for start, end, _, after in benchmark._numbers(text)]
    assert planted == [("600", "300"), ("300", "150"), ("12", "6"), ("30", "15")]


def _told_twice(benchmark, first: str, second: str):
    articles = [benchmark.Article(id="n/a", text=first), benchmark.Article(id="n/b", text=second)]
    return benchmark.plant(articles, benchmark.find_pairs(articles), {}, [], kinds=("number",), per_pair=10)


def test_a_changed_figure_is_planted_only_where_it_no_longer_agrees_with_the_other_side():
    # Made up: one sentence told twice. "More than 400,000" halved is still true of "more than 400,000" and of
    # "400,000" (the checks call those compatible), so it is no case; "400,000" halved against "more than 400,000"
    # is. "About 10" halved to "about 5" still shares a value with "about 10" as the checks read a rounding.
    benchmark = load_benchmark("retold.py")
    told = "The Harbor festival drew {} visitors to the old docks over a long weekend last summer."
    cases = _told_twice(benchmark, told.format("more than 400,000"), told.format("more than 400,000"))
    assert cases == []
    cases = _told_twice(benchmark, told.format("more than 400,000"), told.format("400,000"))
    assert [(case.article, case.before, case.after) for case in cases] == [("n-b", "400,000", "200,000")]
    assert _told_twice(benchmark, told.format("about 10"), told.format("about 10")) == []
    cases = _told_twice(benchmark, told.format("at least four"), told.format("at least four"))
    assert cases == []  # doubled: "at least eight" is still "at least four"
    cases = _told_twice(benchmark, told.format("4,000"), told.format("4,000"))
    assert sorted(case.after for case in cases) == ["2,000", "2,000"]


def test_a_name_that_reads_as_no_persons_is_nobody_to_credit_a_quotation_to():
    # Made up, as the recogniser might tag them: a ferry firm and a shop tagged PERSON beside two people.
    benchmark = load_benchmark("retold.py")
    assert benchmark.names_someone("Dana Whitfield") and benchmark.names_someone("Rory Castellan")
    assert not benchmark.names_someone("Norvane Ferries")  # the plural of a common noun ends it
    assert not benchmark.names_someone("Silver Kitchen")  # common words only
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    # Norvane Ferries and Dana Lee are each credited with a quotation; Rory Castellan is named but quotes nothing.
    words = '" The crossing will run all winter " , Norvane Ferries said . " It will not run past March " , Dana Lee said to Rory Castellan'
    words = words.split()
    tags = ["``", "DT", "NN", "MD", "VB", "DT", "NN", "''", ",", "NNP", "NNPS", "VBD", "."]
    tags += ["``", "PRP", "MD", "RB", "VB", "IN", "NNP", "''", ",", "NNP", "NNP", "VBD", "IN", "NNP", "NNP"]
    ents = ["O"] * 9 + ["B-PERSON", "I-PERSON", "O", "O"] + ["O"] * 9 + ["B-PERSON", "I-PERSON", "O", "O"]
    ents += ["B-PERSON", "I-PERSON"]
    doc = Doc(Vocab(), words=words, tags=tags, ents=ents)

    class Tagger:  # stands in for spaCy's pipeline: the made-up parse of each text
        def pipe(self, texts, **_):
            return [doc for _ in texts]

    articles = [benchmark.Article(id=f"x/{number}", text=doc.text) for number in range(2)]
    persons, people = benchmark.speaker_people(articles, Tagger())
    assert people == ["Dana Lee"]
