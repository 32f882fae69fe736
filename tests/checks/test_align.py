"""factcheck.nlp.align: word alignment of two claims, slots paired by kind, candidate pairs near-linear."""

from __future__ import annotations

import re
from datetime import date

from _claimkit import Actor, Quantity, claim, corpus, document, span, time

from factcheck.nlp.align import (
    align,
    candidate_pairs,
    claim_tokens,
    corpus_alignments,
    corpus_candidates,
    history_to_both,
    writing_days,
)


def _person(doc, name, after=0):
    return Actor(span=span(doc, name, after), name=name, label="PERSON")


def test_tense_voice_and_order_do_not_block_the_date_slot():
    a = document("a", "Jon Stewart hosted the Oscars in 2007.")
    b = document("b", "In 2006 the Oscars were hosted by Jon Stewart.")
    left = claim(a, a.text, times=(time(a, "2007", "2007", "year"),), actors=(_person(a, "Jon Stewart"),))
    right = claim(b, b.text, times=(time(b, "2006", "2006", "year"),), actors=(_person(b, "Jon Stewart"),))
    alignment = align(left, right)
    assert alignment.strength == 1.0  # host, oscar and the person match; "was ... by" and the order do not count
    dates = alignment.pairs_of("date")
    assert [(pair.left.text, pair.right.text) for pair in dates] == [("2007", "2006")]


def test_future_tense_meets_past_tense():
    a = document("a", "Pacquiao will defend his title against Hatton on May 2 in Las Vegas.")
    b = document("b", "Pacquiao defended his title against Hatton on May 9 in Las Vegas.")
    left = claim(a, a.text, times=(time(a, "May 2", None, relative=True),))
    right = claim(b, b.text, times=(time(b, "May 9", None, relative=True),))
    alignment = align(left, right)
    assert alignment.strength == 1.0
    assert [(p.left.text, p.right.text) for p in alignment.pairs_of("date")] == [("May 2", "May 9")]


def test_numbers_of_one_shared_sentence_pair_with_their_own_counterparts():
    sentence = "Hillis added 101 yards for the Chiefs, who had 352 yards rushing."
    a, b = document("a", sentence), document("b", sentence)

    def numbers(doc):
        return (
            Quantity(span=span(doc, "101"), value=101, unit="count", measure="yard"),
            Quantity(span=span(doc, "352"), value=352, unit="count", measure="yard"),
        )

    alignment = align(claim(a, sentence, quantities=numbers(a)), claim(b, sentence, quantities=numbers(b)))
    assert [(p.left.text, p.right.text) for p in alignment.pairs_of("number")] == [("101", "101"), ("352", "352")]


def test_differing_words_are_reported_with_offsets_into_the_original_text():
    a = document("a", "Workers put up 4,000 tents for the refugees.")
    b = document("b", "Workers put up 2,000 tents for the refugees.")
    left = claim(a, a.text, quantities=(Quantity(span=span(a, "4,000"), value=4000, unit="count", measure="tent"),))
    right = claim(b, b.text, quantities=(Quantity(span=span(b, "2,000"), value=2000, unit="count", measure="tent"),))
    alignment = align(left, right)
    pair = alignment.pairs_of("number")[0]
    data = alignment.evidence_data([pair.left], [pair.right])
    assert data["left"]["differs"] == [{"start": 15, "end": 20, "text": "4,000"}]
    assert a.text[15:20] == "4,000" and data["right"]["differs"][0]["text"] == "2,000"


def test_function_words_are_not_tokens():
    a = document("a", "The council will have voted on the plan.")
    keys = [token.key for token in claim_tokens(claim(a, a.text))]
    assert keys == ["council", "vote", "plan"]


def test_candidate_pairs_stay_near_linear_on_many_similar_claims():
    # 400 documents all mentioning one surname: each claim keeps a few neighbours, not 399.
    docs = [document(f"d{i:03d}", f"Smith opened the new bridge over the river number {i} today.") for i in range(400)]
    claims = [claim(doc, doc.text) for doc in docs]
    pairs, _ = candidate_pairs(corpus(docs, claims))
    assert len(pairs) <= 400 * 8


def test_a_claim_that_only_states_an_event_is_no_candidate_and_leaves_the_weights_alone():
    # No value to compare at a slot: it would only take a neighbour's place from a claim that has one.
    a = document("a", "The navy arrested 23 pirates in the gulf.")
    b = document("b", "The navy arrested 26 pirates in the gulf.")
    c = document("c", "The navy arrested pirates in the gulf.")
    slotted = [claim(a, a.text), claim(b, b.text)]
    pairs, weights = candidate_pairs(corpus([a, b, c], [*slotted, claim(c, c.text, kinds=("event-statement",))]))
    assert pairs == [(slotted[0].id, slotted[1].id)]
    assert weights == candidate_pairs(corpus([a, b], slotted))[1]


def test_no_candidate_pair_joins_two_stories_the_cluster_stage_told_apart():
    # Two look-alike raids years apart word their figure alike; a third report of the first raid, and a
    # document too short to have a story, pair with anything.
    texts = {
        "a": "The navy arrested 23 pirates in the gulf.",
        "b": "The navy arrested 26 pirates in the gulf.",
        "c": "The navy arrested 23 pirates in the gulf on Saturday.",
        "d": "The navy arrested 25 pirates in the gulf.",
    }
    docs = [document(doc, text) for doc, text in texts.items()]
    corp = corpus(docs, [claim(doc, doc.text) for doc in docs]).evolve(story_groups={"a": 0, "b": 1, "c": 0})
    pairs = {tuple(sorted(doc.partition("#")[0] for doc in pair)) for pair in corpus_candidates(corp)[0]}
    assert ("a", "c") in pairs and ("a", "d") in pairs and ("b", "d") in pairs
    assert ("a", "b") not in pairs and ("b", "c") not in pairs
    assert ("a", "b") in {
        tuple(sorted(doc.partition("#")[0] for doc in pair))
        for pair in corpus_candidates(corp.evolve(story_groups={}))[0]
    }


def test_one_sentence_two_stories_retell_is_still_a_candidate_pair():
    # Two stories told apart (a trial, a settlement) both retell the collapse in one agency line, a figure changed:
    # one fact, compared. Two raids told in their own words ("arrested 23 pirates in the gulf on Saturday" / "seized 26
    # pirates ... on Thursday"), a headline (its own story's event) and a retold line of two other days stay apart.
    texts = {
        "a": "When the Harbour Bank collapsed, shareholders lost about $180bn and 20,000 workers lost their jobs.",
        "b": "Shareholders lost about $180bn when the Harbour Bank collapsed, while 10,000 workers lost their jobs.",
        "c": "The navy arrested 23 armed pirates in the gulf on Saturday after a chase near the port.",
        "d": "The coast guard seized 26 pirates in the gulf on Thursday, a spokesman for the navy said.",
        "e": "Harbour Bank collapse leaves 15,000 workers without jobs and shareholders $180bn poorer",
        "f": "On Monday shareholders lost about $180bn when the Harbour Bank collapsed, while 30,000 workers lost their jobs.",
        "g": "On Friday shareholders lost about $180bn when the Harbour Bank collapsed, while 40,000 workers lost their jobs.",
    }
    docs = [document(doc, text) for doc, text in texts.items()]

    def counted(doc):
        figures = re.findall(r"\d[\d,]*", doc.text)
        number = next(f for f in figures if f not in ("180",))
        quantities = (Quantity(span=span(doc, number), value=float(number.replace(",", "")), unit="count"),)
        days = re.findall(r"Monday|Friday", doc.text)
        times = tuple(time(doc, day, {"Monday": "2004-03-01", "Friday": "2004-03-05"}[day]) for day in days)
        return claim(doc, doc.text, quantities=quantities, times=times, kinds=("headline",) if doc.id == "e" else ())

    stories = {doc.id: index for index, doc in enumerate(docs)}
    corp = corpus(docs, [counted(doc) for doc in docs]).evolve(story_groups=stories)
    pairs = {tuple(sorted(doc.partition("#")[0] for doc in pair)) for pair in corpus_candidates(corp)[0]}
    assert ("a", "b") in pairs
    assert ("c", "d") not in pairs
    assert not {("a", "e"), ("b", "e")} & pairs
    assert ("f", "g") not in pairs


def test_a_sentence_inside_a_longer_one_is_no_sentence_retold_and_the_bags_are_weighed_once():
    from factcheck.nlp.align import WeighedBags, one_sentence_retold

    short = "Shareholders lost about $180bn when the Harbour Bank collapsed in the spring."
    retold = "When the Harbour Bank collapsed in the spring, shareholders lost about $180bn."
    longer = (
        "Shareholders lost about $180bn when the Harbour Bank collapsed in the spring, and the regulator opened an"
        " inquiry into the lenders that had financed its expansion across three provinces and two islands."
    )
    a, b, c = document("a", short), document("b", retold), document("c", longer)
    left, right, long_claim = claim(a, short), claim(b, retold), claim(c, longer)
    bags = WeighedBags(None)
    assert one_sentence_retold(left, right, None, bags)
    # Every word of the short line is in the long one, which says much more: no line told again.
    assert not one_sentence_retold(left, long_claim, None, bags)
    assert not one_sentence_retold(long_claim, left, None)
    bag, weight = bags(left)
    assert weight == sum(bag.values()) and bags(left)[0] is bag


def test_the_weight_two_claims_share_does_not_follow_the_order_a_set_holds_their_keys_in():
    from factcheck.nlp.align import shared_weight

    idf = {"quake": 0.1, "island": 0.2, "town": 0.3, "other": 5.0}
    # Added left to right the same three weights give two floats by their order; a set's order follows the
    # process's string hashing, so mates ranked by a plain sum could rank two ways in two runs.
    assert (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)
    left, right = {"quake", "island", "town", "alone"}, {"town", "island", "quake", "other"}
    assert shared_weight(left, right, idf) == shared_weight(right, left, idf) == 0.6


def test_a_fact_two_stories_both_tell_as_history_is_still_a_candidate_pair():
    # Two stories the cluster stage told apart (a lawsuit, a price cut) both retell the store's launch years before
    # either was written: one fact, compared. Their own events, dated near their datelines, stay apart, as does a year
    # one writer measures from ("its lowest level since 2003") and any pair where a text has no dateline.
    texts = {
        "a": "Ito Music launched the Harbour music store in 2003, and now faces a lawsuit.",
        "b": "Ito Music, which launched the Harbour music store in April 2003, cut its prices on Monday.",
        "c": "Ito Music shares fell to their lowest level since 2003 on Monday.",
        "d": "Ito Music shares fell to their lowest level since 2004 on Monday.",
    }
    published = {"a": date(2006, 3, 1), "b": date(2007, 5, 1), "c": date(2008, 10, 1), "d": date(2009, 3, 1)}
    docs = [document(doc, text, published[doc]) for doc, text in texts.items()]

    def dated(doc):
        start = doc.text.index("20")
        return claim(
            doc, doc.text, times=(time(doc, doc.text[start : start + 4], doc.text[start : start + 4], "year"),)
        )

    corp = corpus(docs, [dated(doc) for doc in docs]).evolve(story_groups={"a": 0, "b": 1, "c": 2, "d": 3})
    pairs = {tuple(sorted(doc.partition("#")[0] for doc in pair)) for pair in corpus_candidates(corp)[0]}
    assert ("a", "b") in pairs
    assert ("c", "d") not in pairs
    undated = [document(doc, text) for doc, text in texts.items()]
    corp = corpus(undated, [dated(doc) for doc in undated]).evolve(story_groups={"a": 0, "b": 1, "c": 2, "d": 3})
    assert ("a", "b") not in {tuple(sorted(d.partition("#")[0] for d in pair)) for pair in corpus_candidates(corp)[0]}


def test_two_peoples_histories_told_by_two_stories_are_no_pair():
    # Two stories told apart both date a past win, of two players: two people's histories, not one fact retold. The
    # tagger misses the bare surname "Roe", which counts as the person the story names in full; the same player's
    # win told by the other story stays a pair.
    texts = {
        "a": "Jane Roe beat Lee Park on Monday. Roe has won the 2000 Harbour Open and the 1998 Bay Open.",
        "b": "Sam Ito, who won the 2003 Harbour Open, was drawn against Ann Lo on Tuesday.",
        "c": "Jane Roe, who won the 2001 Harbour Open, was drawn against Ann Lo on Tuesday.",
    }
    published = {"a": date(2005, 1, 10), "b": date(2005, 1, 11), "c": date(2005, 1, 11)}
    docs = {doc: document(doc, text, published[doc]) for doc, text in texts.items()}
    first, history = docs["a"].text.split(". ")
    named = claim(docs["a"], first + ".", actors=(_person(docs["a"], "Jane Roe"),))
    won = claim(docs["a"], history, times=(time(docs["a"], "2000", "2000", "year"),))

    def drawn(doc, winner, year):
        return claim(
            docs[doc],
            docs[doc].text,
            times=(time(docs[doc], year, year, "year"),),
            actors=(_person(docs[doc], winner), _person(docs[doc], "Ann Lo")),
        )

    other, same = drawn("b", "Sam Ito", "2003"), drawn("c", "Jane Roe", "2001")
    corp = corpus(list(docs.values()), [named, won, other, same]).evolve(story_groups={"a": 0, "b": 1, "c": 2})
    pairs = {tuple(sorted(pair)) for pair in corpus_candidates(corp)[0]}
    assert tuple(sorted((won.id, other.id))) not in pairs
    assert tuple(sorted((won.id, same.id))) in pairs


def test_a_text_without_a_dateline_is_written_on_or_after_the_last_day_it_names():
    # No datelines: the lawsuit filed in 2006 and the price cut of May 2007 say when each text was written at the
    # earliest, so the launch of 2003 is history to both; where the launch is the latest day a text names, it is not.
    texts = {
        "a": "Ito Music launched the Harbour music store in 2003. Jane Roe sued Ito Music in 2006.",
        "b": "Ito Music launched the Harbour music store in April 2003. It cut its prices in May 2007.",
    }
    docs = [document(doc, text) for doc, text in texts.items()]

    def sentences(doc):
        first, second = doc.text.split(". ")
        start = first.index("20")
        launch = claim(doc, first + ".", times=(time(doc, first[start : start + 4], first[start : start + 4], "year"),))
        later = second[second.index("20") : second.index("20") + 4]
        return [launch, claim(doc, second, times=(time(doc, later, later, "year", after=len(first)),))]

    claims = [c for doc in docs for c in sentences(doc)]
    corp = corpus(docs, claims).evolve(story_groups={"a": 0, "b": 1})
    pairs = {tuple(sorted(pair)) for pair in corpus_candidates(corp)[0]}
    assert tuple(sorted((claims[0].id, claims[2].id))) in pairs
    alone = corpus(docs, [claims[0], claims[2]]).evolve(story_groups={"a": 0, "b": 1})
    # (Asked of history_to_both itself: the two lines are one sentence retold, a pair on that ground alone.)
    assert not history_to_both(claims[0], claims[2], writing_days(alone))


def test_alignments_are_computed_once_per_corpus():
    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "Norland founded the coast guard in 2001.")
    corp = corpus([a, b], [claim(a, a.text), claim(b, b.text)])
    assert corpus_alignments(corp) is corpus_alignments(corp)


def test_a_clock_time_is_no_calendar_date():
    from factcheck.model import Span, TimeExpression
    from factcheck.nlp.align import _calendar_date

    def timex(text: str, kind: str) -> TimeExpression:
        return TimeExpression(
            span=Span(doc="a", start=0, end=len(text), text=text), value="X", type=kind, granularity="time"
        )

    assert not _calendar_date(timex("1100 GMT", "TIME"))
    assert not _calendar_date(timex("2000 UTC", "TIME"))
    assert not _calendar_date(timex("3 p.m.", "TIME"))
    assert _calendar_date(timex("April 4, 2022 at 9:30", "TIME"))
    assert _calendar_date(timex("2009, at 9:30", "TIME"))
    assert _calendar_date(timex("Sept. 8", "DATE"))


def test_corpus_alignments_keep_exactly_the_pairs_whose_full_alignment_is_strong_enough():
    # The index filters on the strength before aligning; it must keep what aligning everything would.
    from factcheck.nlp.align import MIN_STRENGTH

    texts = [
        "Norland founded the coast guard in 1998.",
        "The coast guard was founded by Norland in 2001.",
        "Norland opened a museum of the coast in 2001.",
        "A museum of ships opened in the harbour town.",
        "The harbour town elected a new mayor in 1998.",
        # Shares two indexed stems with the first, and little else: a candidate that falls short.
        "Officials said prison staff across Norland demanded higher wages, longer holidays and safer "
        "equipment before the guard union meeting, which lasted until midnight.",
    ]
    docs = [document(f"d{i}", text) for i, text in enumerate(texts)]
    claims = [claim(doc, doc.text) for doc in docs]
    corp = corpus(docs, claims)
    pairs, weights = candidate_pairs(corp)
    every = [align(corp.claim(left), corp.claim(right), weights) for left, right in pairs]
    expected = [(a.left.id, a.right.id, a.strength) for a in every if a.strength >= MIN_STRENGTH and a.shared >= 1]
    kept = [(a.left.id, a.right.id, a.strength) for a in corpus_alignments(corp).alignments]
    assert kept == expected
    assert 0 < len(kept) < len(pairs)  # the fixture has pairs on both sides of the threshold


def test_a_pair_under_the_word_floor_is_aligned_when_its_sentence_vectors_are_close():
    import numpy as np

    from factcheck.nlp.align import MIN_STRENGTH

    a = document("a", "Spectators cheered, ate ice cream and waved flags while Lenz led the regatta in 2031.")
    b = document(
        "b", "Organisers said the veteran sailor Lenz, chosen after a long search, will lead the 2031 regatta."
    )
    left = claim(a, a.text, times=(time(a, "2031", "2031", "year"),))
    right = claim(b, b.text, times=(time(b, "2031", "2031", "year"),))
    assert corpus_alignments(corpus([a, b], [left, right])).alignments == []
    # Only a pair that gives two times is worth it (only date-conflict reads paraphrases).
    c = document("c", "Spectators cheered, ate ice cream and waved flags while Lenz led the regatta.")
    d = document("d", "Organisers said the veteran sailor Lenz, chosen after a long search, will lead the regatta.")
    first, second = claim(c, c.text), claim(d, d.text)
    timeless = corpus([c, d], [first, second])
    timeless.embeddings.update({first.id: np.array([1.0, 0.1]), second.id: np.array([1.0, 0.0])})
    assert corpus_alignments(timeless).alignments == []
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.1]), right.id: np.array([1.0, 0.0])})
    [alignment] = corpus_alignments(corp).alignments
    assert alignment.strength < MIN_STRENGTH and alignment.similarity is not None and alignment.similarity > 0.99


def test_a_date_read_from_the_writers_day_pairs_after_one_whose_words_name_it():
    # One side dates the act ("in June, 2005") and the report ("today"), the words around "today" closer to the
    # other side's; the other side dates only the act. Its written date is the act's, whatever the words around.
    a = document(
        "a",
        "Amid a bitter turf feud in June, 2005, the gang member who shot the deputy outside a building was convicted today.",
    )
    b = document("b", "The gang member shot the deputy outside a building in 2004.")
    left = claim(
        a, a.text, times=(time(a, "June, 2005", "2005-06", "month"), time(a, "today", "2007-04-04", relative=True))
    )
    right = claim(b, b.text, times=(time(b, "2004", "2004", "year"),))
    assert [(p.left.text, p.right.text) for p in align(left, right).pairs_of("date")] == [("June, 2005", "2004")]


def test_an_age_never_pairs_with_a_count():
    # The count stands nearer the other side's age ("a woman and two men" / "a 58-year-old woman"), but an age and a
    # count are never one figure: the age pairs with the age.
    a = document("a", "A 41-year-old woman and two men, both clerks, were hurt in the blast, officers said.")
    b = document("b", "Officers said the woman hurt in the blast was 58-year-old.")
    years = {"unit": "years", "measure": "year"}
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(span=span(a, "41-year"), value=41, **years),
            Quantity(span=span(a, "two"), value=2, unit="count", measure="men"),
        ),
    )
    right = claim(b, b.text, quantities=(Quantity(span=span(b, "58-year"), value=58, **years),))
    assert [(pair.left.text, pair.right.text) for pair in align(left, right).pairs_of("number")] == [
        ("41-year", "58-year")
    ]


def test_a_surname_the_tagger_missed_counts_as_the_person_named_elsewhere():
    a = document("a", "Roe to defend her title against Ito in Hamburg")
    b = document("b", "Jane Roe will defend her title against Sam Ito in Hamburg.")
    left = claim(a, a.text)  # a headline: the tagger found no person
    right = claim(b, b.text, actors=(_person(b, "Jane Roe"), _person(b, "Sam Ito")))
    corp = corpus([a, b], [left, right])
    pairs, weights = candidate_pairs(corp)
    assert pairs == [(left.id, right.id)]
    aligned = align(left, right, weights)
    assert aligned.strength == 1.0
    # Two headlines that both miss the surname count it once, as the person: not again as a word pairing with
    # itself as a synonym.
    c, d = document("c", "Roe keeps her title in Hamburg"), document("d", "Roe defends title in Hamburg")
    untagged = align(claim(c, c.text), claim(d, d.text), weights)
    assert untagged.rest_strength == untagged.strength and untagged.rest_shared == untagged.shared
    # Without the corpus's people the two stay apart: "roe" is a word, "@roe" a person.
    assert align(left, right).strength < 1.0
    # A lower-case word is never a person ("the roe of a fish").
    c = document("c", "the roe to defend her title against ito in hamburg")
    assert align(claim(c, c.text), right, weights).strength < 1.0


def test_a_two_word_name_meets_the_single_word_wordnet_gives_for_it():
    a = document("a", "Jane Roe hosted the 79th Academy Awards in 2007.")
    b = document("b", "Jane Roe hosted the 79th Oscars in 2007.")
    left = claim(a, a.text, actors=(_person(a, "Jane Roe"),))
    right = claim(b, b.text, actors=(_person(b, "Jane Roe"),))
    alignment = align(left, right)
    assert alignment.strength < alignment.rest_strength == 1.0
    assert alignment.rest_shared == alignment.shared + 1


def test_a_figure_both_sides_give_pairs_with_its_equal_not_with_the_one_opposite():
    # One side gives two figures side by side, the other only the second: the words around both are alike and the
    # first stands opposite in the word order, but the same value in the same unit is the one fact's figure.
    a = document("a", "Deficits of $412bn and $377bn were recorded by the treasury.")
    b = document("b", "Deficits of $377bn were recorded by the treasury.")

    def money(doc, text, value):
        return Quantity(span=span(doc, text), value=value, unit="money:USD")

    left = claim(a, a.text, quantities=(money(a, "$412bn", 412e9), money(a, "$377bn", 377e9)))
    right = claim(b, b.text, quantities=(money(b, "$377bn", 377e9),))
    assert [(pair.left.text, pair.right.text) for pair in align(left, right).pairs_of("number")] == [
        ("$377bn", "$377bn")
    ]


def test_a_weekday_inside_a_persons_title_is_a_name_and_no_date_slot():
    # "by Sunday Ledger journalist Sam Ito": the cue word "by" keeps the timex reading "Sunday" as a day, but the
    # parse put it in the journalist's title, which names a paper. A weekday the sentence dates by stays a slot.
    a = document("a", "The book by Sunday Ledger journalist Sam Ito says Jane Roe quit the board in June 2004.")
    b = document("b", "The book says Jane Roe quit the board on Sunday in June 2004, Sam Ito wrote.")
    ito = Actor(span=span(a, "Sam Ito"), name="Sam Ito", label="PERSON", role_span=span(a, "Sunday Ledger journalist"))
    titled = claim(
        a,
        a.text,
        times=(time(a, "Sunday", None, relative=True), time(a, "June 2004", "2004-06", "month")),
        actors=(ito, _person(a, "Jane Roe")),
    )
    dated = claim(
        b,
        b.text,
        times=(time(b, "Sunday", None, relative=True), time(b, "June 2004", "2004-06", "month")),
        actors=(_person(b, "Jane Roe"), _person(b, "Sam Ito")),
    )
    assert [token.text for token in claim_tokens(titled) if token.kind == "date"] == ["June 2004"]
    assert [token.text for token in claim_tokens(dated) if token.kind == "date"] == ["Sunday", "June 2004"]


# -- figure-anchored candidates ---------------------------------------------------------------------


def _toll(doc, figure, value, head, measure="people"):
    return Quantity(span=span(doc, figure), value=value, unit="count", measure=measure, head=head)


def _place(doc, name):
    return Actor(span=span(doc, name), name=name, label="GPE")


def _fire_claims(right_text="Fire officials in Norvale said the flames killed three people overnight.", days=(1, 2)):
    a = document("a", "Six people died in a blaze at a bank in Norvale.", date(2031, 3, days[0]))
    b = document("b", right_text, date(2031, 3, days[1]))
    left = claim(a, a.text, quantities=(_toll(a, "Six", 6, "die"),), actors=(_place(a, "Norvale"),))
    figure = "three" if "three" in right_text else "nine"
    right = claim(
        b,
        b.text,
        quantities=(_toll(b, figure, 3, "kill"),),
        actors=(_place(b, "Norvale"),) if "Norvale" in right_text else (),
    )
    return a, b, left, right


def test_one_toll_told_in_other_words_is_a_candidate_pair_however_many_closer_sentences_there_are():
    # "died in a blaze" / "the flames killed": one noun counted under acts WordNet relates (die / kill), one place.
    # Eight sentences share more words with the first; the word index keeps six of them, the figure keeps the toll.
    from factcheck.nlp.align import figure_pairs, figures_meet

    a, b, left, right = _fire_claims()
    others = [
        document(
            f"o{i}", f"Fire officials in Norvale said flames killed people who died in a blaze at a bank, note {i}."
        )
        for i in range(8)
    ]
    claims = [left, right, *(claim(doc, doc.text) for doc in others)]
    pairs, _ = candidate_pairs(corpus([a, b, *others], claims))
    assert (left.id, right.id) in pairs
    assert figures_meet(left, right)
    assert figure_pairs([left, right], [set(), set()], {}) == {(0, 1)}


def test_a_toll_with_nothing_else_in_common_or_of_another_act_is_no_figure_pair():
    from factcheck.nlp.align import figure_pairs

    # No place, party or day in common: two fires anywhere count their dead alike.
    _, _, left, right = _fire_claims("Fire officials said the flames killed three people overnight.")
    assert figure_pairs([left, right], [set(), set()], {}) == set()
    # One place, but the injured are not the dead.
    a, b, left, _ = _fire_claims()
    right = claim(b, b.text, quantities=(_toll(b, "three", 3, "injure"),), actors=(_place(b, "Norvale"),))
    assert figure_pairs([left, right], [set(), set()], {}) == set()


def test_a_pair_under_the_word_floor_is_aligned_when_its_figures_count_one_toll():
    from factcheck.nlp.align import MIN_STRENGTH, PairAligner, figures_meet

    a, b, left, right = _fire_claims()
    corp = corpus([a, b], [left, right])
    _, weights = candidate_pairs(corp)
    assert align(left, right, weights).strength < MIN_STRENGTH
    assert figures_meet(left, right)
    alignment = PairAligner(corp.claim, {}, weights)(left.id, right.id)
    assert alignment is not None
    assert [(p.left.text, p.right.text) for p in alignment.pairs_of("number")] == [("Six", "three")]


def test_one_toll_of_two_stories_is_still_a_candidate_pair_unless_its_days_clash():
    # The same-story model reads a figure both count with other values as a sign of two stories: the toll to compare
    # can part its own two documents. One noun counted under one act, one place named: still compared. Two fires
    # of two days, or a headline (its own story's event), stay apart.
    from factcheck.nlp.align import one_count_retold

    a, b, left, right = _fire_claims()
    stories = {"a": 0, "b": 1}
    corp = corpus([a, b], [left, right]).evolve(story_groups=stories)
    assert corpus_candidates(corp)[0] == [(left.id, right.id)]
    days = writing_days(corp)
    assert one_count_retold(left, right, days)
    assert not one_count_retold(left, right.model_copy(update={"kinds": ("headline",)}), days)
    far = claim(b, b.text, quantities=right.quantities)  # names no place: nothing else in common
    assert not one_count_retold(left, far, days)
    # Written two years apart, or on days unknown: two fires' tolls, or none to tell.
    a, b, left, right = _fire_claims(days=(1, 1))
    later = b.model_copy(update={"published": date(2033, 3, 1)})
    assert not one_count_retold(left, right, writing_days(corpus([a, later], [left, right])))
    assert not one_count_retold(left, right, {})


# -- one person's dated act, told in other words ------------------------------------------------------


def _dated(doc, sentence, year, head, people=()):
    return claim(
        doc,
        sentence,
        times=(time(doc, year, year, "year").model_copy(update={"head": head}),),
        actors=tuple(_person(doc, name, doc.text.index(sentence)) for name in people),
    )


def test_one_persons_act_told_in_other_words_is_a_candidate_pair_through_a_pronoun():
    # "served as emcee at the 2006 ceremony" / "she hosted the show in 2007": few words in common, one act
    # (the occasion's year, and "emcee" right before it, against "host"), one person ("she": the one the claim
    # before names).
    from factcheck.nlp.align import date_pairs, dates_meet, pronoun_participants

    a = document("a", "Jane Roe knows the job: Roe served as emcee at the 2006 ceremony.")
    b = document("b", "Jane Roe will present the Golden Lamps. It is her second turn; she hosted the show in 2007.")
    left = _dated(a, a.text, "2006", "ceremony", ("Jane Roe",))
    named = claim(b, "Jane Roe will present the Golden Lamps.", actors=(_person(b, "Jane Roe"),))
    right = _dated(b, "It is her second turn; she hosted the show in 2007.", "2007", "host")
    told = pronoun_participants([left, named, right])
    assert told == {right.id: frozenset({"@roe"})}
    assert not dates_meet(left, right)  # without the pronoun read, no one in common
    assert dates_meet(left, right, told=told)
    assert date_pairs([left, named, right], [set(), set(), set()], {}, {}) == {(0, 2)}


def test_another_act_at_the_occasion_or_a_pronoun_after_two_people_is_no_dated_act_pair():
    from factcheck.nlp.align import dates_meet, pronoun_participants

    a = document("a", "Jane Roe was nominated for a comedy prize at the 2006 ceremony.")
    b = document("b", "Jane Roe hosted the show in 2007.")
    left = _dated(a, a.text, "2006", "ceremony", ("Jane Roe",))
    right = _dated(b, b.text, "2007", "host", ("Jane Roe",))
    assert not dates_meet(left, right)  # the words before the occasion's year tell a nomination there
    c = document("c", "Jane Roe and Sam Ito will present the show. She hosted it in 2007.")
    both = claim(
        c, "Jane Roe and Sam Ito will present the show.", actors=(_person(c, "Jane Roe"), _person(c, "Sam Ito"))
    )
    pronoun = _dated(c, "She hosted it in 2007.", "2007", "host")
    assert pronoun_participants([both, pronoun]) == {}


def test_a_subject_that_is_no_ones_name_is_no_participant():
    # "Norland's economy grew 6.9% in 2004" / "In 2003, the economy expanded by 1.3%": one subject word, acts WordNet
    # relates (grow / expand), but two texts' economies are two things as often as one.
    from _claimkit import Event

    from factcheck.nlp.align import dates_meet, participants

    a = document("a", "Norland's economy grew 6.9% in 2004.")
    b = document("b", "In 2003, the economy expanded by 1.3%.")
    left = claim(
        a,
        a.text,
        times=(time(a, "2004", "2004", "year").model_copy(update={"head": "grow"}),),
        event=Event(actor="norland's economy", action="grow"),
    )
    right = claim(
        b,
        b.text,
        times=(time(b, "2003", "2003", "year").model_copy(update={"head": "expand"}),),
        event=Event(actor="the economy", action="expand"),
    )
    assert not dates_meet(left, right, {"@roe": 0.0})
    # A subject extraction resolved to a person the corpus names is one.
    roe = Event(actor="jane roe", action="grow")
    assert participants(left.model_copy(update={"event": roe}), {"@roe": 0.0}) == {"@roe"}


def _act_claim(doc, when, value, head, event):
    return claim(doc, doc.text, times=(time(doc, when, value).model_copy(update={"head": head}),), event=event)


def test_a_light_verbs_object_or_a_phrasal_verbs_verb_names_the_dated_act():
    from _claimkit import Event

    from factcheck.nlp.align import acts_agree, date_acts, fact_dates

    a = document("a", "Marta Selvik took the oath of office on May 3, 2021, before a crowd.")
    b = document("b", "Marta Selvik was sworn in on May 4, 2021 in the capitol.")
    c = document("c", "The council gave its approval to the tram line on 9 November 2019.")
    d = document("d", "The council approved the tram line on 19 November 2019.")
    e = document("e", "Marta Selvik was elected on May 4, 2021 with 54 percent of the vote.")
    oath = _act_claim(
        a, "May 3, 2021", "2021-05-03", "take", Event(actor="marta selvik", action="oath", object="office")
    )
    sworn = _act_claim(b, "May 4, 2021", "2021-05-04", "swear in", Event(action="swear in", object="marta selvik"))
    approval = _act_claim(c, "9 November 2019", "2019-11-09", "give", Event(action="give", object="approval"))
    approved = _act_claim(d, "19 November 2019", "2019-11-19", "approve", Event(action="approve", object="tram line"))
    elected = _act_claim(e, "May 4, 2021", "2021-05-04", "elect", Event(action="elect", object="marta selvik"))
    (oath_date,), (sworn_date,) = fact_dates(oath), fact_dates(sworn)
    assert date_acts(oath, oath_date).words == {"take", "oath"}  # the parse's object of "took", written after it
    assert date_acts(sworn, sworn_date).bare == "swear"
    assert acts_agree(oath, oath_date, sworn, sworn_date) is True  # an oath is what one swears
    assert acts_agree(approval, fact_dates(approval)[0], approved, fact_dates(approved)[0]) is True
    # Being elected is another act than the swearing-in or the oath.
    assert acts_agree(elected, fact_dates(elected)[0], sworn, sworn_date) is False
    assert acts_agree(elected, fact_dates(elected)[0], oath, oath_date) is False
    # The two dates pair by their acts, though the words around them differ.
    (pair,) = align(oath, sworn).pairs_of("date")
    assert pair.heads is True


def test_a_verbs_object_names_no_act_unless_the_verb_says_little_by_itself():
    from _claimkit import Event

    from factcheck.nlp.align import acts_agree, date_acts, fact_dates

    # "signed the deal": "sign" tells the act; the deal is what is signed, not an act of dealing.
    a = document("a", "Calder Foods signed the deal with the dairy on March 14, 2022.")
    signed = _act_claim(a, "March 14, 2022", "2022-03-14", "sign", Event(action="sign", object="deal"))
    assert date_acts(signed, fact_dates(signed)[0]).words == {"sign"}
    # An object the parse gives but the sentence writes elsewhere than after the light verb is not its object.
    b = document("b", "Oaths aside, Marta Selvik took office on May 3, 2021.")
    took = _act_claim(b, "May 3, 2021", "2021-05-03", "take", Event(action="oath", object="office"))
    assert date_acts(took, fact_dates(took)[0]).words == {"take"}
    # Two light verbs' objects are not compared: making an offer and taking it are two acts on one thing.
    c = document("c", "Calder Foods made an offer for the dairy on March 2, 2022.")
    d = document("d", "The dairy's owners took the offer on April 19, 2022.")
    made = _act_claim(c, "March 2, 2022", "2022-03-02", "make", Event(action="offer", object="dairy"))
    taken = _act_claim(d, "April 19, 2022", "2022-04-19", "take", Event(action="offer", object=None))
    assert acts_agree(made, fact_dates(made)[0], taken, fact_dates(taken)[0]) is False
