"""FC003 numeric-conflict: same measure, intervals compared; different measures never meet."""

from __future__ import annotations

from datetime import date

from _claimkit import Actor, Event, Quantity, claim, corpus, document, span, time

from factcheck.checks.base import CheckContext
from factcheck.checks.numeric_conflict import NumericConflictCheck, measure_key
from factcheck.model import Severity
from factcheck.nlp.entities import entity_keys


def run(corp):
    return list(NumericConflictCheck().run(corp, CheckContext()))


def share(doc, text, value, unit, low, high, measure="reactors", low_open=True, as_of=None):
    return Quantity(
        span=span(doc, text),
        value=value,
        unit=unit,
        comparator="gt",
        low=low,
        high=high,
        low_open=low_open,
        measure=measure,
        as_of=as_of,
    )


def actor(doc, name, label="GPE"):
    return Actor(span=span(doc, name), name=name, label=label)


def test_overlapping_shares_are_info_with_both_figures_and_as_of():
    a = document("a", "The Republic of Norland runs more than three-quarters of the region's reactors.")
    b = document("b", "Norland's grid, the RN, held over 70% of all reactors at the end of 2029.")
    left = claim(
        a,
        a.text,
        actors=(actor(a, "The Republic of Norland"),),
        event=Event(actor="republic of norland", action="run"),
        quantities=(share(a, "more than three-quarters", 0.75, "fraction", 75.0, 100.0),),
    )
    as_of = time(b, "the end of 2029", "2029", "year")
    right = claim(
        b,
        b.text,
        actors=(actor(b, "RN"),),
        times=(as_of,),
        event=Event(actor="rn", action="hold"),
        quantities=(share(b, "over 70%", 70.0, "percent", 70.0, 100.0, as_of=as_of),),
    )
    findings = run(corpus([a, b], [left, right]))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == Severity.INFO
    assert "more than three-quarters" in finding.message and "over 70%" in finding.message
    assert "2029" in finding.message and "unknown date" in finding.message
    assert "more than 75%" in finding.message and "more than 70%" in finding.message and "(75" not in finding.message


def test_disjoint_values_same_cluster_is_warning():
    a = document("a", "The fleet has 40 reactors.")
    b = document("b", "The fleet has 90 reactors.")
    left = claim(
        a, a.text, quantities=(Quantity(span=span(a, "40 reactors"), value=40, unit="count", measure="reactors"),)
    )
    right = claim(
        b, b.text, quantities=(Quantity(span=span(b, "90 reactors"), value=90, unit="count", measure="reactors"),)
    )
    findings = run(corpus([a, b], [left, right], clusters=[[left, right]]))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "do not overlap" in findings[0].message


def test_same_values_and_different_measures_are_quiet():
    a = document("a", "The fleet has 40 reactors and a budget of 90 dollars.")
    b = document("b", "The fleet has 40 reactors.")
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(span=span(a, "40 reactors"), value=40, unit="count", measure="reactors"),
            Quantity(span=span(a, "90 dollars"), value=90, unit="money:USD", measure="budget"),
        ),
    )
    right = claim(
        b, b.text, quantities=(Quantity(span=span(b, "40 reactors"), value=40, unit="count", measure="reactors"),)
    )
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_different_as_of_years_are_change_not_conflict():
    a = document("a", "In 2010 the fleet had 40 reactors.")
    b = document("b", "In 2020 the fleet had 90 reactors.")
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(
                span=span(a, "40 reactors"),
                value=40,
                unit="count",
                measure="reactors",
                as_of=time(a, "2010", "2010", "year"),
            ),
        ),
    )
    right = claim(
        b,
        b.text,
        quantities=(
            Quantity(
                span=span(b, "90 reactors"),
                value=90,
                unit="count",
                measure="reactors",
                as_of=time(b, "2020", "2020", "year"),
            ),
        ),
    )
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_percent_change_is_not_a_share():
    a = document("a", "Norland profits jumped 76% last year.")
    b = document("b", "Norland holds 46% of the market.")
    left = claim(
        a,
        a.text,
        actors=(actor(a, "Norland"),),
        event=Event(actor="norland", action="jump"),
        quantities=(Quantity(span=span(a, "76%"), value=76, unit="percent", measure="profits"),),
    )
    right = claim(
        b,
        b.text,
        actors=(actor(b, "Norland"),),
        event=Event(actor="norland", action="hold"),
        quantities=(Quantity(span=span(b, "46%"), value=46, unit="percent", measure="profits"),),
    )
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_keys():
    assert measure_key("operational satellites") == measure_key("Satellite") == "satellite"
    assert "us" in entity_keys("The United States") and "us" in entity_keys("U.S.")


# -- through the real load, extract and cluster stages ------------------------------------
def test_fixture_compatible_shares(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland operates more than three-quarters of the region's reactors.\n",
            "b": "Norland operated over 70% of the region's reactors at the end of 2029.\n",
        },
        checks=[NumericConflictCheck],
    )
    assert [f.severity for f in corp.findings] == [Severity.INFO]
    assert "more than three-quarters" in corp.findings[0].message and "over 70%" in corp.findings[0].message
    assert "2029" in corp.findings[0].message


def test_fixture_incompatible_shares(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland operates more than three-quarters of the region's reactors.\n",
            "c": "Norland operates less than a third of the region's reactors.\n",
        },
        checks=[NumericConflictCheck],
    )
    assert [f.severity for f in corp.findings] == [Severity.WARNING]
    assert "less than a third" in corp.findings[0].message


# -- false alarms on real prose stay quiet (issue 3) ---------------------------------------
def test_growth_of_different_economies_is_quiet(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland's economy grew 4.4% in 2029, the finance ministry said.\n",
            "b": "Sudria's economy grew 1.1% in 2029, official figures showed.\n",
        },
        checks=[NumericConflictCheck],
    )
    assert [f for f in corp.findings if f.severity != Severity.INFO] == []


def test_unit_word_is_not_a_measure():
    assert measure_key("penny") == measure_key("points") == measure_key("per cent") == ""
    assert measure_key("share price pence") == "price"


def test_figure_without_holder_does_not_meet_one_with_a_holder():
    a = document("a", "Norland runs 40 reactors.")
    b = document("b", "The region runs 90 reactors, Sudria says.")
    left = claim(
        a,
        a.text,
        actors=(actor(a, "Norland"),),
        event=Event(actor="norland", action="run"),
        quantities=(Quantity(span=span(a, "40 reactors"), value=40, unit="count", measure="reactors"),),
    )
    right = claim(
        b,
        b.text,
        actors=(actor(b, "Sudria"),),
        event=Event(actor="region", action="run"),
        quantities=(Quantity(span=span(b, "90 reactors"), value=90, unit="count", measure="reactors"),),
    )
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_same_document_different_groups_are_quiet():
    text = "Norland holds a 70% stake in the mine. Less than 50% of Norland voters back the plan."
    doc = document("a", text)
    first = claim(
        doc,
        "Norland holds a 70% stake in the mine.",
        actors=(actor(doc, "Norland"),),
        event=Event(actor="norland", action="hold"),
        quantities=(Quantity(span=span(doc, "70%"), value=70, unit="percent", measure="stake"),),
    )
    second = claim(
        doc,
        "Less than 50% of Norland voters back the plan.",
        actors=(Actor(span=span(doc, "Norland", 30), name="Norland", label="GPE"),),
        event=Event(actor="voters", action="back"),
        quantities=(
            Quantity(
                span=span(doc, "Less than 50%"),
                value=50,
                unit="percent",
                comparator="lt",
                high=50,
                high_open=True,
                measure="Norland voters",
            ),
        ),
    )
    assert run(corpus([doc], [first, second], clusters=[[first, second]])) == []


def test_mirrored_pair_is_reported_once():
    a = document("a", "The fleet has 40 reactors.")
    b = document("b", "The fleet has 90 reactors.")
    quantity_a = Quantity(span=span(a, "40 reactors"), value=40, unit="count", measure="reactors")
    quantity_b = Quantity(span=span(b, "90 reactors"), value=90, unit="count", measure="reactors")
    left, right = claim(a, a.text, quantities=(quantity_a,)), claim(b, b.text, quantities=(quantity_b,))
    # The same figures reached again through overlapping claims must not give B-vs-A as well.
    left_again = claim(a, "The fleet has 40 reactors", quantities=(quantity_a,))
    findings = run(corpus([a, b], [left, right, left_again], clusters=[[left, right, left_again]]))
    assert len(findings) == 1


def test_unnamed_growth_in_two_articles_is_quiet():
    a = document("a", "Growth was 1.1% in 2029.")
    b = document("b", "Economic growth in 2029 was about 4.7%.")
    left = claim(
        a,
        a.text,
        event=Event(actor="growth", action="be"),
        quantities=(Quantity(span=span(a, "1.1%"), value=1.1, unit="percent", measure="growth"),),
    )
    right = claim(
        b,
        b.text,
        event=Event(actor="economic growth", action="be"),
        quantities=(
            Quantity(span=span(b, "about 4.7%"), value=4.7, unit="percent", comparator="approx", measure="growth"),
        ),
    )
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_stake_cut_to_a_new_level_is_a_change_not_a_conflict(make_corpus):
    corp = make_corpus(
        {
            "a": "Norcell holds a 70% stake in Delta Mobile.\n\n"
            "Norcell said its stake in Delta Mobile would be reduced to less than 50%.\n"
        },
        checks=[NumericConflictCheck],
    )
    assert [f for f in corp.findings if f.severity != Severity.INFO] == []


def test_relative_clause_subject_takes_the_entity_before_it():
    a = document("a", "Norland, which runs more than three-quarters of the region's reactors, spoke.")
    b = document("b", "Norland runs less than a third of the region's reactors.")
    left = claim(
        a,
        a.text,
        actors=(actor(a, "Norland"),),
        event=Event(actor="which", action="run"),
        quantities=(share(a, "more than three-quarters", 0.75, "fraction", 75.0, 100.0),),
    )
    right = claim(
        b,
        b.text,
        actors=(actor(b, "Norland"),),
        event=Event(actor="norland", action="run"),
        quantities=(share(b, "less than a third", 0.33, "fraction", 0.0, 33.3),),
    )
    assert [f.severity for f in run(corpus([a, b], [left, right], clusters=[[left, right]]))] == [Severity.WARNING]


# -- cases the owner rule got wrong (issue 15), through the real extraction ---------------------
def test_fixture_numbers_of_one_shared_sentence_are_not_paired_across(make_corpus):
    # Two articles carrying the same sentence got 101 paired with 352 as a conflict.
    text = "Hillis added 101 yards on the ground for the Chiefs, who had 352 yards rushing in the game.\n"
    corp = make_corpus({"a": text, "b": text}, checks=[NumericConflictCheck])
    assert corp.findings == ()


def test_fixture_a_changed_count_with_its_noun_is_a_warning(make_corpus):
    # No owner is named, so the owner rule never compared these.
    text = "Relief workers put up {n} tents in the valley after the earthquake, the agency said.\n"
    corp = make_corpus({"a": text.format(n="4,000"), "b": text.format(n="2,000")}, checks=[NumericConflictCheck])
    assert [f.severity for f in corp.findings] == [Severity.WARNING]
    assert {span.text for span in corp.findings[0].evidence} >= {"4,000", "2,000"}
    assert corp.findings[0].data["slot"] == "number"


def test_fixture_rounded_figure_is_compatible(make_corpus):
    text = "Relief workers put up {n} tents in the valley after the earthquake, the agency said.\n"
    corp = make_corpus({"a": text.format(n="about 4,000"), "b": text.format(n="4,120")}, checks=[NumericConflictCheck])
    assert [f.severity for f in corp.findings] in ([], [Severity.INFO])


def test_a_scale_word_left_to_the_context_is_the_same_figure():
    from factcheck.checks.numeric_conflict import scale_elided
    from factcheck.model import Quantity, Span

    def figure(text: str, value: float) -> Quantity:
        return Quantity(span=Span(doc="a", start=0, end=len(text), text=text), value=value, unit="money:EUR")

    assert scale_elided(figure("110 billion", 110e9), figure("110", 110))
    assert scale_elided(figure("110", 110), figure("EUR 110bn", 110e9))
    assert not scale_elided(figure("1.5 million", 1.5e6), figure("1.5 billion", 1.5e9))  # both name a scale
    assert not scale_elided(figure("110 billion", 110e9), figure("120", 120))
    assert not scale_elided(figure("110", 110), figure("110", 110))


# -- a warning needs strong evidence that the two sentences state one fact (issue 15) -----------
def _count(doc, text, value, measure="people", after=0):
    return Quantity(span=span(doc, text, after), value=value, unit="count", measure=measure)


def test_a_figure_the_other_sentence_also_gives_is_a_wrong_pairing_not_a_conflict():
    a = document("a", "Police said 12 people were injured in the riots.")
    b = document("b", "Police said 18 people were injured in the riots and 12 arrested.")
    left = claim(a, a.text, quantities=(_count(a, "12", 12),))
    right = claim(b, b.text, quantities=(_count(b, "18", 18), _count(b, "12", 12, measure=None)))
    assert run(corpus([a, b], [left, right])) == []


def test_the_same_noun_counted_twice_on_one_side_is_not_compared():
    a = document("a", "Sailors seized seven assault rifles and two other rifles from the pirates.")
    b = document("b", "Sailors seized nine assault rifles from the pirates.")
    left = claim(a, a.text, quantities=(_count(a, "seven", 7, "rifles"), _count(a, "two", 2, "rifles")))
    right = claim(b, b.text, quantities=(_count(b, "nine", 9, "rifles"),))
    assert run(corpus([a, b], [left, right])) == []


def test_figures_within_a_tenth_of_each_other_are_a_note():
    a = document("a", "The 6.1-magnitude quake struck the island, state media said.")
    b = document("b", "The 5.9-magnitude quake struck the island, state media said.")
    left = claim(a, a.text, quantities=(Quantity(span=span(a, "6.1"), value=6.1, unit="count", measure="magnitude"),))
    right = claim(b, b.text, quantities=(Quantity(span=span(b, "5.9"), value=5.9, unit="count", measure="magnitude"),))
    findings = run(corpus([a, b], [left, right]))
    assert [f.severity for f in findings] == [Severity.INFO]
    assert "differ slightly" in findings[0].message


def test_sentences_whose_vectors_disagree_raise_no_warning():
    import numpy as np

    a = document("a", "Workers put up 4,000 tents in the valley after the storm.")
    b = document("b", "Workers put up 2,000 tents in the valley after the storm.")
    left = claim(a, a.text, quantities=(_count(a, "4,000", 4000, "tents"),))
    right = claim(b, b.text, quantities=(_count(b, "2,000", 2000, "tents"),))
    close, far = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert [f.severity for f in run(corpus([a, b], [left, right]))] == [Severity.WARNING]
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: close, right.id: close})
    assert [f.severity for f in run(corp)] == [Severity.WARNING]
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: close, right.id: far})
    assert run(corp) == []


def test_compatible_figures_are_one_note_per_pair_of_values_not_per_pair_of_sources():
    text = "Sailors found {n} rounds of ammunition on the boats."
    docs = [document(name, text.format(n=n)) for name, n in (("a", "310"), ("b", "about 300"), ("c", "about 300"))]
    claims = [
        claim(
            doc,
            doc.text,
            quantities=(
                Quantity(
                    span=span(doc, "about 300" if "about" in doc.text else "310"),
                    value=300 if "about" in doc.text else 310,
                    unit="count",
                    measure="rounds",
                    low=250 if "about" in doc.text else None,
                    high=350 if "about" in doc.text else None,
                ),
            ),
        )
        for doc in docs
    ]
    findings = run(corpus(docs, claims))
    assert [f.severity for f in findings] == [Severity.INFO]


def _rounds(doc, text, value, comparator="eq", low=None, high=None, low_open=False, high_open=False):
    quantity = Quantity(
        span=span(doc, text),
        value=value,
        unit="count",
        measure="rounds",
        comparator=comparator,
        low=low,
        high=high,
        low_open=low_open,
        high_open=high_open,
    )
    return claim(doc, doc.text, quantities=(quantity,))


def _rounds_pair(left, right):
    text = "Sailors found {} rounds of ammunition on the boats."
    a, b = document("a", text.format(left[0])), document("b", text.format(right[0]))
    return run(corpus([a, b], [_rounds(a, *left), _rounds(b, *right)]))


def test_figures_both_sources_can_state_exactly_are_no_note():
    # One figure hedged two ways, or a bound and a figure that meets it: each source can be exactly right.
    assert _rounds_pair(("about 300", 300, "approx", 250, 350), ("300", 300)) == []
    assert (
        _rounds_pair(("an estimated 300", 300, "approx", 250, 350), ("more than 300", 300, "gt", 300, 1e12, True)) == []
    )
    assert _rounds_pair(("at least 200", 200, "ge", 200, 1e12), ("300", 300)) == []
    assert _rounds_pair(("up to 300", 300, "le", 0, 300), ("300", 300)) == []
    # Two estimates, two bounds, or one figure bounded from two sides still differ: a note.
    assert [f.severity for f in _rounds_pair(("about 300", 300, "approx", 250, 350), ("310", 310))] == [Severity.INFO]
    two_floors = _rounds_pair(
        ("more than 260", 260, "gt", 260, 1e12, True), ("more than 310", 310, "gt", 310, 1e12, True)
    )
    assert [f.severity for f in two_floors] == [Severity.INFO]
    assert [
        f.severity for f in _rounds_pair(("at least 300", 300, "ge", 300, 1e12), ("at most 300", 300, "le", 0, 300))
    ] == [Severity.INFO]


def test_a_figure_the_extractor_left_in_the_other_sentence_still_counts_as_stated():
    # "$US1 million" is no extracted quantity, but it is the other source's "$1 million" all the same.
    a = document("a", "Damage to the church was estimated at $US1 million ($1.52 million), authorities said.")
    b = document("b", "Damage to the church was estimated at $1 million, authorities said.")
    money = "money:USD"
    left = claim(a, a.text, quantities=(Quantity(span=span(a, "$1.52 million"), value=1.52e6, unit=money),))
    right = claim(b, b.text, quantities=(Quantity(span=span(b, "$1 million"), value=1e6, unit=money),))
    assert run(corpus([a, b], [left, right])) == []


def test_two_figures_that_differ_tell_two_things_whatever_they_count():
    # The years differ as well as the sums: two offers, not one offer given two prices.
    # (The lengths count different nouns here, so they are no pair of their own to compare.)
    a = document("a", "The club offered the pitcher a seven-year deal worth $150 million.")
    b = document("b", "The club offered the pitcher an eight-year contract worth $184 million.")

    def figures(doc, years, words, noun, money):
        return (
            Quantity(span=span(doc, words), value=years, unit="years", measure=noun),
            Quantity(span=span(doc, f"${money} million"), value=money * 1e6, unit="money:USD", measure="worth"),
        )

    left = claim(a, a.text, quantities=figures(a, 7, "seven-year", "deal", 150))
    right = claim(b, b.text, quantities=figures(b, 8, "eight-year", "contract", 184))
    assert run(corpus([a, b], [left, right])) == []


# -- what a figure's noun belongs to (its head, from the parse) -------------------------------
def _headed(doc, text, value, head, measure="yards", **interval):
    return Quantity(span=span(doc, text), value=value, unit="count", measure=measure, head=head, **interval)


def test_two_figures_counting_different_things_are_not_compared():
    # The same counted noun and matching sentences, but one counts what Hillis added, the other what the team rushed.
    a = document("a", "Hillis added 101 yards for the Chiefs in the win over Denver on Sunday.")
    b = document("b", "The Chiefs had 352 yards rushing in the win over Denver on Sunday.")
    left = claim(a, a.text, quantities=(_headed(a, "101", 101, "add"),))
    right = claim(b, b.text, quantities=(_headed(b, "352", 352, "rush"),))
    assert run(corpus([a, b], [left, right])) == []
    right = claim(b, b.text, quantities=(_headed(b, "352", 352, "add"),))
    assert [f.severity for f in run(corpus([a, b], [left, right]))] == [Severity.WARNING]


_STRUCK = (
    "The tremor struck the town of Dargahan on Qeshm island on Sunday, injuring {n} people and damaging buildings."
)
_QUAKE = "A strong quake hit Qeshm island near Dargahan, injuring {n} people, state media said."


def _quake_pair(left_figure, right_figure, heads=("injure", "injure")):
    import numpy as np

    a, b = document("a", _STRUCK.format(n=left_figure[0])), document("b", _QUAKE.format(n=right_figure[0]))
    left = claim(
        a, a.text, quantities=(_headed(a, left_figure[0], left_figure[1], heads[0], "people", **left_figure[2]),)
    )
    right = claim(
        b, b.text, quantities=(_headed(b, right_figure[0], right_figure[1], heads[1], "people", **right_figure[2]),)
    )
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.6, 0.8])})
    return corp


def test_a_paraphrased_count_of_the_same_noun_for_the_same_word_is_a_warning():
    # A third of the weighted words alike, half the words around the figures, vectors only fairly close
    # (0.6): too little without the heads; the heads ("injuring ... people" on both sides) make it one fact.
    findings = run(_quake_pair(("ten", 10, {}), ("five", 5, {})))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert run(_quake_pair(("ten", 10, {}), ("five", 5, {}), heads=(None, None))) == []
    assert run(_quake_pair(("ten", 10, {}), ("five", 5, {}), heads=("injure", "kill"))) == []


def _breakdown(part_measure=None, part_head="injure"):
    a = document("a", "Dargahan's quake injured 40 people across the island, 15 of them in the port.")
    b = document("b", "Dargahan's quake injured nine people across the island, the port said.")
    left = claim(
        a,
        a.text,
        quantities=(
            _headed(a, "40", 40, "injure", "people"),
            Quantity(span=span(a, "15"), value=15, unit="count", measure=part_measure, head=part_head),
        ),
    )
    right = claim(b, b.text, quantities=(_headed(b, "nine", 9, "injure", "people"),))
    return corpus([a, b], [left, right])


def test_a_toll_and_its_part_counted_for_one_act_are_not_compared():
    # "injuring 40, 15 of them in the port": two counts of one act on one side, a whole and its part (or two
    # groups): which stands for the other side's "three" cannot be told (ECB+ dev: a quake's 40 injured, 15
    # on the island, paired with another quake's three).
    assert run(_breakdown()) == []
    # A part counting for another act, or naming its own counted noun, leaves the toll compared.
    assert [f.severity for f in run(_breakdown(part_head="evacuate"))] == [Severity.WARNING]
    assert [f.severity for f in run(_breakdown(part_measure="houses"))] == [Severity.WARNING]


def test_compatible_figures_stay_a_note_when_the_heads_agree():
    findings = run(_quake_pair(("about 10", 10, {"low": 8, "high": 12}), ("11", 11, {})))
    assert [f.severity for f in findings] == [Severity.INFO]


# -- ages and tolls: what the head pins when the counted noun is a person's word or left out ------
def _vectors(corp, left, right, cosine):
    import numpy as np

    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def _age(doc, text, value, head, after=0):
    return Quantity(span=span(doc, text, after), value=value, unit="years", measure="year", head=head)


def test_an_age_given_to_one_person_named_by_two_nouns_is_a_warning():
    # The heads differ ("boy" / "teenager") and the vectors are not near-identical (0.7): for a count that says
    # two things are counted; for an age it is one person named two ways.
    a = document("a", "Officers shot a 15-year-old boy near the square, setting off riots across the whole country.")
    b = document(
        "b", "Officers shot an 8-year-old teenager near the square, setting off riots across the whole country."
    )
    left = claim(a, a.text, quantities=(_age(a, "15-year", 15, "boy"),))
    right = claim(b, b.text, quantities=(_age(b, "8-year", 8, "teenager"),))
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.7))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert {(span.doc, span.text) for span in findings[0].evidence} >= {("a", "15-year"), ("b", "8-year")}


def test_years_that_are_no_age_keep_the_heads_rule():
    a = document("a", "Officers gave a 15-year pledge near the square, setting off riots across the whole country.")
    # (two things: a warranty would be a kind of pledge, WordNet says, and so one thing counted)
    b = document("b", "Officers gave an 8-year lease near the square, setting off riots across the whole country.")
    left = claim(a, a.text, quantities=(_age(a, "15-year", 15, "pledge"),))
    right = claim(b, b.text, quantities=(_age(b, "8-year", 8, "lease"),))
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.7)) == []


def _toll(doc, text, value, head, measure=None):
    return Quantity(span=span(doc, text), value=value, unit="count", measure=measure, head=head)


def test_a_toll_without_its_noun_meets_a_toll_of_the_same_word():
    # "Three die" / "6 dead": no counted noun on either side, the same head (dead -> die); the vectors (0.55) are
    # under what a warning asks without the head, over what it asks with it.
    a = document("a", "Three die in bank fire during Athens protest")
    b = document("b", "Athens protest turns violent, 6 dead in bank")
    left = claim(a, a.text, quantities=(_toll(a, "Three", 3, "die"),))
    right = claim(b, b.text, quantities=(_toll(b, "6", 6, "dead"),))
    assert [f.severity for f in run(_vectors(corpus([a, b], [left, right]), left, right, 0.55))] == [Severity.WARNING]
    right = claim(b, b.text, quantities=(_toll(b, "6", 6, "injure"),))
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.55)) == []
    # A noun on one side only: one counts what the other does not name (the head alone pins nothing).
    right = claim(b, b.text, quantities=(_toll(b, "6", 6, "dead", "banks"),))
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.55)) == []


def _headline_toll(state="dead", measure=None, right_head="die", right_measure="people", cosine=0.65):
    # A headline's toll names no noun ("5 dead in ..."); the other source counts people an act befell.
    a = document("a", f"5 {state} in Kelsey Road apartment fire")
    b = document("b", "Three people died when a fire swept through an apartment block on Kelsey Road.")
    left = claim(a, a.text, kinds=("quantity", "headline"), quantities=(_toll(a, "5", 5, None, measure),))
    right = claim(b, b.text, quantities=(_toll(b, "Three", 3, right_head, right_measure),))
    return run(_vectors(corpus([a, b], [left, right]), left, right, cosine))


def test_a_headline_toll_without_its_noun_meets_the_people_the_act_befell():
    # "dead" is the state "die" leaves them in; "people" counts persons: one toll, told two ways.
    assert [f.severity for f in _headline_toll()] == [Severity.WARNING]
    # "killed" causes "die" (WordNet)
    assert [f.severity for f in _headline_toll(right_head="kill")] == [Severity.WARNING]
    # the parse may read the state as the counted noun ("12 hurt"): an adjective, still the state
    assert [f.severity for f in _headline_toll("hurt", "hurt", "injure")] == [Severity.WARNING]


def test_a_headline_toll_of_another_act_or_of_things_does_not_meet():
    assert _headline_toll(right_head="injure") == []  # the dead and the injured are two counts
    assert _headline_toll(right_head="rescue") == []
    assert _headline_toll(right_measure="flats") == []  # flats are not whom death befalls
    assert _headline_toll("villages", "villages") == []  # a noun of its own, not a state
    assert _headline_toll("pirates", "pirates") == []  # a noun of its own, though "pirate" is a verb too


# -- running totals: a figure "so far" is as of the day its article was written -----------------
def _sales(doc, text, value):
    return Quantity(span=span(doc, text), value=value, unit="count", measure="units", head="sell")


def _sales_pair(left_sentence, left_figure, left_value, published=(None, None)):
    from datetime import date

    a = document("a", left_sentence, published=date.fromisoformat(published[0]) if published[0] else None)
    b = document(
        "b",
        "The Starfall console sells five million units",
        published=date.fromisoformat(published[1]) if published[1] else None,
    )
    left = claim(a, a.text, quantities=(_sales(a, left_figure, left_value),))
    right = claim(b, b.text, quantities=(_sales(b, "five million", 5_000_000),))
    return _vectors(corpus([a, b], [left, right]), left, right, 0.7)


def test_a_running_total_against_a_figure_of_another_day_is_a_change_not_a_conflict():
    # "has sold ... since its launch" counts up to the day it was written; another article of another
    # (or an unknown) day gives the total of its own day.
    assert (
        run(_sales_pair("The Starfall console has sold 6.2 million units since its launch.", "6.2 million", 6.2e6))
        == []
    )
    assert run(_sales_pair("The Starfall console has sold 6.2 million units so far.", "6.2 million", 6.2e6)) == []
    # The timex reads "so far" as the present, as it reads "now": the wording still makes it a total that grows.
    so_far = _sales_pair("The Starfall console has sold 6.2 million units so far.", "6.2 million", 6.2e6)
    left = so_far.claims[0]
    present = time(so_far.documents[0], "so far", "PRESENT_REF", "present", relative=True)
    dated_left = left.model_copy(update={"quantities": (left.quantities[0].model_copy(update={"as_of": present}),)})
    so_far = _vectors(corpus(list(so_far.documents), [dated_left, so_far.claims[1]]), dated_left, so_far.claims[1], 0.7)
    assert run(so_far) == []
    dated = _sales_pair(
        "The Starfall console has sold 6.2 million units since its launch.",
        "6.2 million",
        6.2e6,
        ("2005-01-10", "2005-02-01"),
    )
    assert run(dated) == []


def test_a_running_total_against_one_of_the_same_day_or_a_plain_figure_still_conflicts():
    same_day = _sales_pair(
        "The Starfall console has sold 6.2 million units since its launch.",
        "6.2 million",
        6.2e6,
        ("2005-01-10", "2005-01-10"),
    )
    assert [f.severity for f in run(same_day)] == [Severity.WARNING]
    plain = _sales_pair("The Starfall console sold 6.2 million units in its first year.", "6.2 million", 6.2e6)
    assert [f.severity for f in run(plain)] == [Severity.WARNING]


def _users_pair(left_now=True, right_now=False, published=(None, None)):
    from datetime import date

    days = [date.fromisoformat(day) if day else None for day in published]
    a = document("a", "The Starfall console now has 6.2 million users.", published=days[0])
    b = document("b", "The Starfall console now has five million users", published=days[1])

    def users(doc, figure, value, now):
        as_of = time(doc, "now", "PRESENT_REF", "present", relative=True) if now else None
        return Quantity(span=span(doc, figure), value=value, unit="count", measure="users", head="have", as_of=as_of)

    left = claim(a, a.text, quantities=(users(a, "6.2 million", 6.2e6, left_now),))
    right = claim(b, b.text, quantities=(users(b, "five million", 5e6, right_now),))
    return _vectors(corpus([a, b], [left, right]), left, right, 0.9)


def test_a_level_dated_only_as_the_present_against_a_figure_of_another_known_day_is_a_change():
    assert run(_users_pair(published=("2005-01-10", "2005-03-01"))) == []
    assert run(_users_pair(right_now=True, published=("2005-01-10", "2005-03-01"))) == []


def test_a_level_dated_only_as_the_present_conflicts_when_the_days_are_not_known_apart():
    # "now has 6.2 million users" / "now has five million users": two texts of unknown days giving one current
    # figure tell one moment as far as anyone can know, as two undated figures do. A warning, not an error: "now"
    # on both sides is one date only when both texts are known to be of one day.
    for right_now in (False, True):
        assert [f.severity for f in run(_users_pair(right_now=right_now))] == [Severity.WARNING]
        one_known = _users_pair(right_now=right_now, published=("2005-01-10", None))
        assert [f.severity for f in run(one_known)] == [Severity.WARNING]
    same_day = _users_pair(right_now=True, published=("2005-01-10", "2005-01-10"))
    assert [f.severity for f in run(same_day)] == [Severity.ERROR]


# -- two holders of one kind, each named only on its own side ------------------------------------------------
def _two_firms(right_firm="Wexley", right_label="PERSON", left_mentions=""):
    a = document("a", f"Shares in Norcastle were up 2% at 115 pence in morning trade.{left_mentions}")
    b = document("b", f"Shares in {right_firm} were up 6% at 458 pence in morning trade.")
    left = claim(
        a,
        "Shares in Norcastle were up 2% at 115 pence in morning trade.",
        quantities=(Quantity(span=span(a, "2%"), value=2, unit="percent", measure="shares"),),
        actors=(actor(a, "Norcastle", "ORG"),),
    )
    right = claim(
        b,
        b.text,
        quantities=(Quantity(span=span(b, "6%"), value=6, unit="percent", measure="shares"),),
        actors=(actor(b, right_firm, right_label),),
    )
    claims = [left, right]
    if left_mentions:
        claims.append(claim(a, left_mentions.strip(), actors=(actor(a, right_firm, "ORG"),)))
    return corpus([a, b], claims)


def test_the_same_measure_of_two_holders_each_named_only_in_its_own_article_is_not_compared():
    # The sentences match but for the firm and the figure: one firm's shares and another's, each article
    # never naming the other's firm (BBC business: "Shares in Umbro" / "Shares in Wimpey"; the parse reads
    # a firm named after its founder as a person, so persons and organisations are one kind).
    assert run(_two_firms()) == []
    assert run(_two_firms(right_label="ORG")) == []
    # An article that names the other firm too may be telling the same figure: compared.
    assert [f.severity for f in run(_two_firms(left_mentions=" Wexley rose too."))] == [Severity.WARNING]
    # A name of another kind (a place) on one side and a firm on the other are particulars one report
    # adds, not two holders: compared.
    assert [f.severity for f in run(_two_firms(right_firm="Leeds", right_label="GPE"))] == [Severity.WARNING]


# -- two figures, each dated by its own sentence to another time ------------------------------------------------
def _monthly(left_month="October", right_month="December", since=""):
    a = document("a", f"Norland house prices fell 0.4% in {left_month}, the lender said{since}.")
    b = document("b", f"Norland house prices fell 0.2% in {right_month}, the lender said.")

    def month(doc, name):
        return time(doc, name, None, "month", relative=True).model_copy(update={"head": "fall"})

    def fall(doc, figure, value, month_name):
        return Quantity(
            span=span(doc, figure),
            value=value,
            unit="percent",
            measure="price",
            head="fall",
            as_of=month(doc, month_name),
        )

    left_times = (month(a, left_month),)
    if since:
        left_times += (time(a, "February 2001", "2001-02", "month").model_copy(update={"head": "fall"}),)
    left = claim(a, a.text, times=left_times, quantities=(fall(a, "0.4%", 0.4, left_month),))
    right = claim(b, b.text, times=(month(b, right_month),), quantities=(fall(b, "0.2%", 0.2, right_month),))
    return corpus([a, b], [left, right])


def test_two_figures_of_two_months_are_a_change_over_time():
    # "House prices fell 0.4% in October" / "house prices fell 0.2% in December" (BBC business): two months'
    # figures, each month left to the dateline (no year written), read against one shared day.
    assert run(_monthly()) == []
    # A base the figure is compared against ("the biggest fall since February 2001") is not its month.
    assert run(_monthly(since=", the biggest fall since February 2001")) == []
    # One month on both sides: one figure given two ways.
    assert [f.severity for f in run(_monthly(right_month="October"))] == [Severity.WARNING]


def _sailings(right_day="March 11"):
    """A dated piece (Sunday 8 March 2026) and an undated one, each giving a count of weekly sailings on a day."""
    a = document(
        "a", "The Norrvik line will resume 40 sailings a week on Wednesday, the operator said.", date(2026, 3, 8)
    )
    b = document("b", f"The Norrvik line will resume 60 sailings a week on {right_day}, the operator said.")
    # The dateline read the coming Wednesday (the clause's tense: "will resume"); the undated day got no year.
    wednesday = time(a, "Wednesday", "2026-03-11", relative=True).model_copy(update={"head": "resume"})
    day = time(b, right_day, None, relative=True).model_copy(update={"head": "resume"})
    left_q = Quantity(span=span(a, "40"), value=40, unit="count", measure="sailings", head="resume")
    right_q = Quantity(span=span(b, "60"), value=60, unit="count", measure="sailings", head="resume")
    left = claim(a, a.text, times=(wednesday,), quantities=(left_q,))
    right = claim(b, b.text, times=(day,), quantities=(right_q,))
    return corpus([a, b], [left, right])


def test_a_yearless_day_of_an_undated_piece_is_read_in_the_year_nearest_the_other_sides_day():
    # "March 11" in an undated piece is the coming Wednesday of a piece of Sunday 8 March: one day, two counts. It was
    # re-read against that dateline as the latest 11 March up to it (a year back), and the Wednesday as the one before
    # the dateline, so the figures were read as two days' and never compared.
    assert [f.severity for f in run(_sailings())] == [Severity.WARNING]
    # The Wednesday before is another day than the coming one the dated piece tells: two days' counts (the re-read
    # Wednesday fell on 4 March too, so this pair warned).
    assert run(_sailings(right_day="March 4")) == []


def _sold(right_where="in Norland", label="GPE"):
    a = document("a", "The Pebble novel has sold seven million copies worldwide, its publisher said.")
    b = document("b", f"The Pebble novel has sold one million copies {right_where}, its publisher said.")
    left = claim(a, a.text, quantities=(_count(a, "seven million", 7e6, "copies"),))
    actors = (actor(b, right_where.split()[-1], label),) if right_where.startswith("in ") else ()
    right = claim(b, b.text, quantities=(_count(b, "one million", 1e6, "copies"),), actors=actors)
    return corpus([a, b], [left, right])


def test_a_count_worldwide_and_one_in_a_named_place_are_two_counts():
    # "has sold more than seven million copies worldwide" / "has sold around one million copies in France"
    # (BBC entertainment): the world's count and one country's.
    assert run(_sold()) == []
    # Both worldwide, or no place on one side: one count given two ways.
    assert [f.severity for f in run(_sold(right_where="worldwide"))] == [Severity.WARNING]
    assert [f.severity for f in run(_sold(right_where="as a paperback"))] == [Severity.WARNING]


def test_findings_do_not_depend_on_an_earlier_run_in_the_same_process():
    # The aligner caches each claim's tokens by value, so a later run with equal claims (a library user checking a
    # group after the whole corpus, as the benchmark does) gets tokens whose figures are the earlier claims' objects.
    # Which figure of a sentence is the one paired must then be told by value, not by identity: by identity the
    # paired figure counted as another figure of its own sentence, "stated on both sides", and the note was lost.
    a = document("a", "Firefighters poured about 5,000 gallons of water a minute on the blaze, the chief said.")
    b = document("b", "Firefighters poured 5,200 gallons of water a minute on the blaze, the chief said.")
    about = Quantity(
        span=span(a, "about 5,000"),
        value=5000,
        unit="count",
        measure="gallons",
        comparator="approx",
        low=4500,
        high=5500,
    )
    left = claim(a, a.text, quantities=(about,))
    right = claim(b, b.text, quantities=(_count(b, "5,200", 5200, "gallons"),))
    first = run(corpus([a, b], [left, right]))
    again = run(corpus([a, b], [left.model_copy(deep=True), right.model_copy(deep=True)]))
    assert [f.severity for f in first] == [Severity.INFO]
    assert [(f.id, f.severity) for f in again] == [(f.id, f.severity) for f in first]


def _named_age(doc, text, value, head):
    return Quantity(span=span(doc, text), value=value, unit="years", measure="year", head=head)


def _aged(other_name="Ana Lopez"):
    # Little else in common: one sentence tells the protests, the other the shooting (a fifth of the words).
    a = document("a", "Marches filled the district for a week after the shooting of 16-year-old Ana Lopez by guards.")
    b = document("b", f"Guards shot and killed a 14-year-old {other_name} near the station because she ran.")
    left = claim(
        a, a.text, quantities=(_named_age(a, "16-year", 16, "lopez"),), actors=(actor(a, "Ana Lopez", "PERSON"),)
    )
    right = claim(
        b,
        b.text,
        quantities=(_named_age(b, "14-year", 14, other_name.split()[-1].casefold()),),
        actors=(actor(b, other_name, "PERSON"),),
    )
    return _vectors(corpus([a, b], [left, right]), left, right, 0.55)


def test_the_age_of_one_named_person_is_compared_on_few_shared_words():
    findings = run(_aged())
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert {(span.doc, span.text) for span in findings[0].evidence} >= {("a", "16-year"), ("b", "14-year")}
    # Two people's ages: nothing.
    assert run(_aged("Rosa Diaz")) == []


# -- the lower floors of one head: what the head cannot vouch for ------------------------------------------
def _runners(left_head="old", right_head="old", verb="delivered"):
    # Two athletes' results told in one mould: a third of the words alike, vectors 0.6. "The 21-year-old" names the
    # person by the age alone, so the head is the age's own word, alike whoever is meant.
    a = document("a", "The 21-year-old ran a personal best of 53 seconds to win her first indoor title.")
    b = document("b", f"The 24-year-old {verb} a personal best to win the trials but had to wait until her final jump.")
    left = claim(a, a.text, quantities=(_age(a, "21-year", 21, left_head),))
    right = claim(b, b.text, quantities=(_age(b, "24-year", 24, right_head),))
    return _vectors(corpus([a, b], [left, right]), left, right, 0.6)


def test_two_ages_standing_for_their_persons_do_not_meet_on_the_head_alone():
    assert run(_runners()) == []
    assert run(_runners(verb="ran")) == []  # the words around the ages alike too ("The _-year-old ran a ...")
    # A noun naming the person on both sides ("the 21-year-old sprinter") pins one person, as before.
    assert [f.severity for f in run(_runners("sprinter", "sprinter"))] == [Severity.WARNING]


def _runs(right_sentence):
    a = document("a", "Norvale had lost their previous two league games.")
    b = document("b", right_sentence)
    left = claim(a, a.text, quantities=(_headed(a, "two", 2, "lose", "games"),))
    right = claim(b, b.text, quantities=(_headed(b, "six", 6, "lose", "games"),))
    return _vectors(corpus([a, b], [left, right]), left, right, 0.55)


def test_a_negated_act_against_an_affirmed_one_does_not_meet_on_the_head_alone():
    # "had lost two games" / "haven't lost in six games": one head, two facts (a run of defeats, a run without one).
    assert run(_runs("But they haven't lost in six league games on home turf after the reverse to Harrow.")) == []
    assert [
        f.severity for f in run(_runs("But they lost in six league games on home turf after the reverse to Harrow."))
    ] == [Severity.WARNING]


def _vote(right_sentence, right_place=None):
    a = document("a", "The Hollin Party won two seats and 16.1% of the vote on the back of its call to cut taxes.")
    b = document("b", right_sentence)
    left = claim(
        a,
        a.text,
        actors=(actor(a, "The Hollin Party", "ORG"),),
        quantities=(Quantity(span=span(a, "16.1%"), value=16.1, unit="percent", measure="vote"),),
        event=Event(actor="The Hollin Party", action="win", object="16.1% of the vote"),
    )
    actors = [actor(b, "The Hollin Party", "ORG")] + ([actor(b, right_place)] if right_place else [])
    right = claim(
        b,
        b.text,
        actors=tuple(actors),
        quantities=(Quantity(span=span(b, "31%"), value=31, unit="percent", measure="vote"),),
        event=Event(actor="The Hollin Party", action="win", object="31% of the vote"),
    )
    return corpus([a, b], [left, right])


def test_a_share_counted_in_a_place_the_other_does_not_name_is_of_another_whole():
    # The share path meets two sentences on holder and measure alone: "in Marbury" says the 31% is of Marbury's vote.
    assert (
        run(
            _vote(
                "The Hollin Party took 31% of the vote in Marbury in last June's regional elections, with Sam Ito on its list.",
                "Marbury",
            )
        )
        == []
    )
    assert [
        f.severity
        for f in run(
            _vote("The Hollin Party took 31% of the vote in last June's regional elections, with Sam Ito on its list.")
        )
    ] == [Severity.WARNING]


# -- whose figure: the holder extraction resolved from a pronoun or a description ------------------------------
def _two_bands(left_holder, right_holder):
    a = document("a", "The band has sold about two million records worldwide.")
    b = document("b", "The band has sold about six million records worldwide.")

    def sold(doc, words, value, holder):
        return Quantity(span=span(doc, words), value=value, unit="count", measure="records", head="sell", holder=holder)

    left = claim(a, a.text, quantities=(sold(a, "about two million", 2e6, left_holder),))
    right = claim(b, b.text, quantities=(sold(b, "about six million", 6e6, right_holder),))
    return corpus([a, b], [left, right], clusters=[[left, right]])


def test_figures_of_two_holders_the_texts_name_before_are_not_compared():
    # Word for word one sentence; "the band" is Kestrel in one article and Harbour Lights in the other.
    assert run(_two_bands("Kestrel", "Harbour Lights")) == []
    # One holder, or one side's unknown: the figures conflict.
    assert [f.severity for f in run(_two_bands("Kestrel", "Kestrel"))] == [Severity.WARNING]
    assert [f.severity for f in run(_two_bands("Kestrel", None))] == [Severity.WARNING]
    # A surname shares its word with the full name.
    assert [f.severity for f in run(_two_bands("Sam Ito", "Ito"))] == [Severity.WARNING]


def _staff(left, right):
    """Two articles' staff counts, each holder's word given as (number, kind) the way extraction reads the parse."""
    a = document("a", "The firm employs about 5,200 people across the region.")
    b = document("b", "The firm employs about 2,100 people across the region.")

    def staff(doc, words, value, told):
        number, kind = told
        return Quantity(
            span=span(doc, words),
            value=value,
            unit="count",
            measure="people",
            head="employ",
            holder_number=number,
            holder_kind=kind,
        )

    first = claim(a, a.text, quantities=(staff(a, "about 5,200", 5200, left),))
    second = claim(b, b.text, quantities=(staff(b, "about 2,100", 2100, right),))
    return corpus([a, b], [first, second], clusters=[[first, second]])


def test_figures_of_one_holder_and_of_several_are_not_compared():
    # "Roe scored 23 goals" / "they scored 39 goals": one person is never "they", and several firms ("the companies
    # together employ") are not the one the other source names.
    assert run(_staff(("one", "person"), ("several", None))) == []
    assert run(_staff(("several", "person"), ("one", "person"))) == []
    assert run(_staff(("several", "body"), ("one", "named"))) == []
    # "they" may be one named firm, the players the club, the companies the bank they merge into: still compared.
    assert [f.severity for f in run(_staff(("several", None), ("one", "named")))] == [Severity.WARNING]
    assert [f.severity for f in run(_staff(("several", "person"), ("one", "named")))] == [Severity.WARNING]
    assert [f.severity for f in run(_staff(("several", "body"), ("one", "body")))] == [Severity.WARNING]
    assert [f.severity for f in run(_staff(("one", "person"), ("one", "person")))] == [Severity.WARNING]
    assert [f.severity for f in run(_staff((None, None), ("several", None)))] == [Severity.WARNING]


def _pair_of_players(left_subject, right_subject):
    a = document("a", f"{left_subject} missed twelve penalties between them in the defeat on Saturday.")
    b = document(
        "b", f"{right_subject}, who missed six penalties between them, were blamed for the defeat on Saturday."
    )

    def missed(doc, words, value, holder):
        return Quantity(
            span=span(doc, words), value=value, unit="count", measure="penalties", head="miss", holder=holder
        )

    left = claim(a, a.text, quantities=(missed(a, "twelve", 12, "Jane Roe"),))
    right = claim(b, b.text, quantities=(missed(b, "six", 6, "Sam Ito"),))
    return corpus([a, b], [left, right], clusters=[[left, right]])


def test_a_figure_of_two_holders_joined_by_and_on_both_sides_is_the_pairs():
    # Extraction gives the pair's figure to one of the two, a different one on each side: still one figure.
    assert [f.severity for f in run(_pair_of_players("Jane Roe and Sam Ito", "Jane Roe and Sam Ito"))] == [
        Severity.WARNING
    ]
    # Named apart, or only one side naming both, the two holders stay two.
    assert run(_pair_of_players("Jane Roe", "Sam Ito")) == []
    assert run(_pair_of_players("Jane Roe and Sam Ito", "Sam Ito")) == []


def _quarter_and_year(unit="percent", change=" by"):
    a = document("a", f"Norland's economy grew{change} 0.8% in the fourth quarter, the office said.")
    b = document("b", f"Norland's economy grew{change} 1.7% in 2004, the office said.")

    def dated(doc, words, value, timex):
        return time(doc, words, timex, "quarter").model_copy(update={"head": "grow"})

    def grew(doc, figure, value, when):
        return Quantity(span=span(doc, figure), value=value, unit=unit, measure="economy", head="grow", as_of=when)

    left_time, right_time = dated(a, "the fourth quarter", 0.8, "2004-Q4"), dated(b, "2004", 1.7, "2004")
    left = claim(a, a.text, times=(left_time,), quantities=(grew(a, "0.8%", 0.8, left_time),))
    right = claim(b, b.text, times=(right_time,), quantities=(grew(b, "1.7%", 1.7, right_time),))
    return corpus([a, b], [left, right])


def test_a_change_over_a_quarter_and_one_over_its_year_are_two_figures():
    # "GDP rose by 0.8% in the fourth quarter" / "GDP rose by 1.7% in 2004" (BBC business): the year holds the
    # quarter, but a quarter's growth and a year's are two measures.
    assert run(_quarter_and_year()) == []


def _cars_sold(left_words, right_words):
    a = document("a", f"{left_words} the firm sold 5,000 cars in May.")
    b = document("b", f"{right_words} the firm sold 9,000 cars in May.")

    def cars(doc, words, value):
        return Quantity(span=span(doc, words), value=value, unit="count", measure="cars", head="sell")

    left = claim(a, a.text, quantities=(cars(a, "5,000", 5000),))
    right = claim(b, b.text, quantities=(cars(b, "9,000", 9000),))
    return corpus([a, b], [left, right], clusters=[[left, right]])


def test_a_part_against_the_whole_and_a_forecast_against_an_outcome_are_two_figures():
    # "Excluding the car sector, sales rose by 0.3%" / "overall sales rose by 1.1%"; "December sales are forecast
    # to rise by 4.5%" / "sales rose by 1.1%" (BBC business): two figures of one kind.
    assert run(_cars_sold("Excluding vans,", "In all,")) == []
    assert run(_cars_sold("Analysts predict", "Analysts said")) == []
    # Both sides a part, or both a forecast: one figure, compared.
    assert [f.severity for f in run(_cars_sold("Excluding vans,", "Excluding vans,"))] == [Severity.WARNING]
    assert [f.severity for f in run(_cars_sold("In all,", "In all,"))] == [Severity.WARNING]


def _fleet(doc_id, figure):
    doc = document(doc_id, f"The fleet has {figure} reactors.")
    counted = Quantity(span=span(doc, f"{figure} reactors"), value=figure, unit="count", measure="reactors")
    return doc, claim(doc, doc.text, quantities=(counted,))


def test_one_difference_carried_by_many_sources_is_one_finding():
    sources = [_fleet("a", 40), _fleet("b", 90), _fleet("c", 90), _fleet("d", 40)]
    documents, claims = [doc for doc, _ in sources], [c for _, c in sources]
    findings = run(corpus(documents, claims, clusters=[claims]))
    # Two sources against two: one discrepancy, every source's figure as evidence, not four pairs.
    (finding,) = findings
    assert finding.severity == Severity.WARNING
    figures = [(s.doc, s.text) for s in finding.evidence[:4]]
    assert figures == [("a", "40 reactors"), ("d", "40 reactors"), ("b", "90 reactors"), ("c", "90 reactors")]
    assert "4 sources" in finding.message and "in a, d" in finding.message and "in b, c" in finding.message
    assert finding.data["documents"] == [["a", "d"], ["b", "c"]]
    # The same input gives the same id (a resolution recorded against it holds on the next run).
    assert [f.id for f in run(corpus(documents, claims, clusters=[claims]))] == [finding.id]


def test_a_conflict_between_two_sources_keeps_its_pair_finding():
    (a, left), (b, right) = _fleet("a", 40), _fleet("b", 90)
    (finding,) = run(corpus([a, b], [left, right], clusters=[[left, right]]))
    assert [s.doc for s in finding.evidence[:2]] == ["a", "b"] and "sources" not in finding.message


def test_connected_groups_follow_shared_members_in_pair_order():
    from factcheck.checks.base import connected_groups

    pairs = [("x", "y"), ("p", "q"), ("z", "y"), ("q", "r"), ("s", "t")]
    assert connected_groups(pairs) == [[0, 2], [1, 3], [4]]


def test_a_figure_in_a_condition_is_not_told():
    from factcheck.checks.numeric_conflict import supposed

    doc = document(
        "a", "If the track sold 500,000 copies, more than a million would be raised. It sold 90 copies, Roe said."
    )
    told = claim(doc, doc.text, quantities=(Quantity(span=span(doc, "500,000 copies"), value=500000, unit="count"),))
    assert supposed(told, told.quantities[0])
    later = Quantity(span=span(doc, "90 copies"), value=90, unit="count")
    assert not supposed(claim(doc, doc.text, quantities=(later,)), later)


def test_a_figure_slightly_apart_leaves_the_far_one_to_compare():
    # A revised magnitude beside the count is one account measured twice, not a second tally.
    a = document("a", "The 5.9-magnitude quake struck the island, home to 60,000 people.")
    b = document("b", "The 6.1-magnitude quake struck the island, home to 120,000 people.")

    def told(doc, magnitude, residents, value):
        return claim(
            doc,
            doc.text,
            quantities=(
                Quantity(span=span(doc, magnitude), value=float(magnitude), unit="count"),
                Quantity(span=span(doc, residents), value=value, unit="count", measure="people"),
            ),
        )

    left, right = told(a, "5.9", "60,000", 60000), told(b, "6.1", "120,000", 120000)
    findings = run(corpus([a, b], [left, right], clusters=[[left, right]]))
    assert [(f.severity, f.data["measure"]) for f in findings] == [(Severity.WARNING, "people")]


def test_figures_an_order_of_magnitude_apart_are_a_note():
    (a, left), (b, right) = _fleet("a", 40), _fleet("b", 900)
    (finding,) = run(corpus([a, b], [left, right], clusters=[[left, right]]))
    assert finding.severity == Severity.INFO and "order of magnitude" in finding.message


def test_a_slip_of_the_scale_stays_a_conflict():
    from factcheck.checks.numeric_conflict import far_apart

    million = Quantity(span=span(document("a", "1.5 million tents"), "1.5 million"), value=1.5e6, unit="count")
    billion = Quantity(span=span(document("b", "1.5 billion tents"), "1.5 billion"), value=1.5e9, unit="count")
    assert not far_apart(million, billion)


def test_figures_with_no_counted_noun_are_named_plainly():
    from factcheck.checks.numeric_conflict import _figures_of

    # An index level has no counted noun: the message must not open on a blank ("  figures conflict").
    assert _figures_of("") == "Figures" and _figures_of("tent") == "tent figures"


# -- a count pinned by its noun and its head ----------------------------------------------------------------------
def _toll_pair(cosine, hurt_measure="hurt"):
    a = document("a", "Three people were killed and about 20 hurt.")
    b = document(
        "b",
        "A powerful storm has hit the coast, killing at least 7 people, injuring dozens more and damaging homes.",
    )
    left = claim(
        a,
        a.text,
        quantities=(
            _headed(a, "Three", 3, "kill", "people"),
            Quantity(span=span(a, "about 20"), value=20, unit="count", measure=hurt_measure, head="kill"),
        ),
    )
    right = claim(b, b.text, quantities=(_headed(b, "at least 7", 7, "kill", "people", low=7, high=None),))
    return _vectors(corpus([a, b], [left, right]), left, right, cosine)


def test_two_counts_of_one_head_each_naming_its_noun_are_told_apart_by_it():
    # "Three people were killed and about 20 hurt": the parse gives "killed" as the head of both, but "people" and
    # "hurt" say which figure is the toll. A line under a headline leaves out the event its vector would need
    # (0.43 here): the noun and the head pin the fact.
    assert [f.severity for f in run(_toll_pair(0.43))] == [Severity.WARNING]
    # A second figure of the head with no noun of its own may stand for the same people: nothing is told apart.
    assert run(_toll_pair(0.43, hurt_measure=None)) == []
    # Below the floor on the vectors, the two sentences say too little alike.
    assert run(_toll_pair(0.3)) == []


def _toll_in(place, other_article_names):
    a = document("a", f"Six people were killed when the storm hit. The storm swept {other_article_names}.")
    b = document("b", f"On Friday, at least a dozen people were killed by a storm in northern {place}.")
    toll = "Six people were killed when the storm hit."
    left = claim(a, toll, quantities=(_headed(a, "Six", 6, "kill", "people"),))
    named = claim(a, f"The storm swept {other_article_names}.", actors=(actor(a, other_article_names),))
    right = claim(
        b,
        b.text,
        actors=(actor(b, place),),
        quantities=(_headed(b, "at least a dozen", 12, "kill", "people", low=12, high=None),),
    )
    return _vectors(corpus([a, b], [left, named, right]), left, right, 0.55)


def test_a_count_told_in_a_place_the_other_article_never_names_is_another_events():
    # Another storm's toll ("in northern Ruritania"), told beside this one's, is no restatement of it.
    assert run(_toll_in("Ruritania", "Marbury")) == []
    # A place the other article names, or one holding a place it names (WordNet: Lyon is in France), is its own.
    assert [f.severity for f in run(_toll_in("Marbury", "Marbury"))] == [Severity.WARNING]
    assert [f.severity for f in run(_toll_in("France", "Lyon"))] == [Severity.WARNING]


def test_others_count_whatever_the_other_sentence_names():
    # "killed a woman and wounded four men" / "shot one person and injured two others": "others" stands for the
    # people the sentence counted before, so it counts what the other sentence's "men" names.
    def pair(right_measure):
        a = document(
            "a", "A fired worker shot and killed a woman and wounded four men at the office on Monday, police said."
        )
        b = document(
            "b",
            f"A fired worker shot one person dead and injured two {right_measure} at the office on Monday, police said.",
        )
        left = claim(a, a.text, quantities=(_headed(a, "four", 4, "wound", "men"),))
        right = claim(b, b.text, quantities=(_headed(b, "two", 2, "injure", right_measure),))
        return _vectors(corpus([a, b], [left, right]), left, right, 0.6)

    assert [f.severity for f in run(pair("others"))] == [Severity.WARNING]
    assert run(pair("guards")) == []


def test_one_group_counted_word_for_word_meets_across_two_acts():
    # "pointing a gun at four armed guards" / "two armed guards fatally shot him": the heads differ
    # (point / shoot), but the same two-word group is counted, in sentences whose vectors agree (0.7).
    def pair(left_group, right_group):
        a = document(
            "a", f"Dana Roe was shot on Saturday night after pointing a gun at four {left_group} who approached him."
        )
        b = document("b", f"Police said that two {right_group} fatally shot the teenager, Dana Roe, on Saturday night.")
        left = claim(a, a.text, quantities=(_headed(a, "four", 4, "point", "guards"),))
        right = claim(b, b.text, quantities=(_headed(b, "two", 2, "shoot", "guards"),))
        return _vectors(corpus([a, b], [left, right]), left, right, 0.7)

    assert [f.severity for f in run(pair("armed guards", "armed guards"))] == [Severity.WARNING]
    # A bare noun ("four guards" / "two guards") may count two groups, one for each act.
    assert run(pair("guards", "guards")) == []


def test_a_longer_group_counted_word_for_word_meets_across_two_acts():
    # "will hold talks with" / "met": the heads differ, the same three-word group is counted (vectors 0.75).
    def pair(left_group, right_group):
        a = document(
            "a", f"Ten {left_group} will hold private talks with Jane Roe at the spring conference in Marbury."
        )
        b = document("b", f"Five {right_group} met Jane Roe at the spring conference in Marbury.")
        left = claim(a, a.text, quantities=(_headed(a, "Ten", 10, "hold", "unions"),))
        right = claim(b, b.text, quantities=(_headed(b, "Five", 5, "meet", "unions"),))
        return _vectors(corpus([a, b], [left, right]), left, right, 0.75)

    assert [f.severity for f in run(pair("public sector unions", "public sector unions"))] == [Severity.WARNING]
    assert run(pair("public sector unions", "private sector unions")) == []
    assert run(pair("unions", "unions")) == []
    # Within one text a longer phrase is the writer's mould for two items: "an 80 gigabyte hard drive" for one model,
    # "a 40 gigabyte hard drive" for the next.
    text = (
        "The cheaper model has an 80 gigabyte hard drive and a fast chip. "
        "The dearer rival has a 40 gigabyte hard drive and a faster chip."
    )
    one = document("a", text)
    first_at, second_at = text.index("The cheaper"), text.index("The dearer")
    first = claim(one, text[first_at:second_at].strip(), quantities=(_headed(one, "80", 80, "have", "drive"),))
    second = claim(one, text[second_at:], quantities=(_headed(one, "40", 40, "have", "drive"),))
    assert run(_vectors(corpus([one], [first, second]), first, second, 0.9)) == []


def test_two_nouns_wordnet_gives_for_one_thing_count_one_thing():
    # "4,000 tents" / "2,000 shelters": a tent is a kind of shelter; one writer's noun, another's.
    def pair(right_noun):
        a = document("a", "Aid workers handed out 4,000 tents to families in Marbury on Monday.")
        b = document("b", f"Aid workers handed out 2,000 {right_noun} to families in Marbury on Monday.")
        left = claim(a, a.text, quantities=(_headed(a, "4,000", 4000, "hand", "tents"),))
        right = claim(b, b.text, quantities=(_headed(b, "2,000", 2000, "hand", right_noun),))
        return corpus([a, b], [left, right])

    assert [f.severity for f in run(pair("shelters"))] == [Severity.WARNING]
    assert run(pair("blankets")) == []


def test_two_figures_each_article_gives_both_of_are_two_facts():
    # Two places' figures, each told in both articles: the pairing of one article's first with the other's second is
    # no discrepancy. An article giving only one of them still conflicts with the other.
    first = "In Norland, cameras on phones can take 1.3 megapixel images."
    second = (
        "But in Sudria, where camera phones are far more advanced, phones out already can take 3.2 megapixel images."
    )
    both = f"{first} {second}"
    a, b = document("a", both), document("b", both)

    def told(doc, sentence, figure, value):
        where = doc.text.index(sentence)
        return claim(doc, sentence, quantities=(_count(doc, figure, value, "images", after=where),))

    claims = [told(a, first, "1.3", 1.3), told(a, second, "3.2", 3.2)]
    claims += [told(b, first, "1.3", 1.3), told(b, second, "3.2", 3.2)]
    assert [f for f in run(corpus([a, b], claims)) if f.severity != Severity.INFO] == []
    c = document("c", second.replace("3.2", "1.3"))
    lone = claim(c, c.text, quantities=(_count(c, "1.3", 1.3, "images"),))
    findings = run(corpus([b, c], [claims[3], lone]))
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_two_changes_measured_from_two_bases_are_two_figures():
    # "than in 2003" and "than in December 2003" are the bases the rises are measured from, not the times the figures
    # hold for: a year's base and its December's give two rises. The same base given twice still conflicts.
    def rise(doc_id, base, base_value, figure, value):
        doc = document(doc_id, f"Sales of the handsets in Norland were {figure} more than in {base}.")
        base_time = time(doc, base, base_value, "month" if " " in base else "year")
        quantity = Quantity(span=span(doc, figure), value=value, unit="percent", measure="sales", as_of=base_time)
        return doc, claim(doc, doc.text, quantities=(quantity,), times=(base_time,))

    (a, left), (b, right) = rise("a", "2003", "2003", "7%", 7), rise("b", "December 2003", "2003-12", "26%", 26)
    assert [f for f in run(corpus([a, b], [left, right])) if f.severity != Severity.INFO] == []
    (c, same) = rise("c", "2003", "2003", "26%", 26)
    assert [f.severity for f in run(corpus([a, c], [left, same]))] == [Severity.ERROR]
    # A base the words leave to an unknown dateline ("the previous year") is not known to be the other's.
    d, unknown = rise("d", "the previous year", None, "26%", 26)
    assert [f for f in run(corpus([a, d], [left, unknown])) if f.severity != Severity.INFO] == []


def test_a_count_beside_another_is_not_the_total_another_source_gives():
    # "three other assault rifles" counts those beside the carbines the sentence gave first: a remainder, not the
    # nine assault rifles of the other account. Without "other" the two counts of one noun conflict.
    def seized(word):
        a = document(
            "a", f"Besides the carbines, sailors seized three {word}assault rifles from the pirates on Monday."
        )
        b = document("b", "Sailors seized nine assault rifles from the pirates on Monday, the navy said.")
        left = claim(a, a.text, quantities=(_headed(a, "three", 3, "seize", "rifles"),))
        right = claim(b, b.text, quantities=(_headed(b, "nine", 9, "seize", "rifles"),))
        return _vectors(corpus([a, b], [left, right]), left, right, 0.8)

    assert [f.severity for f in run(seized("")) if f.severity != Severity.INFO] == [Severity.WARNING]
    assert [f for f in run(seized("other ")) if f.severity != Severity.INFO] == []


def test_figures_counted_on_two_continents_are_two_counts():
    # The tagger gives a continent no place label (an OTHER name); WordNet has it as a region, so "in Europe" and "in
    # Asia" say where each figure was counted, as two countries would. Each article names both continents.
    def told(doc_id, where, figure, value):
        sentence = f"In {where}, cameras on mobile phones can take {figure} megapixel images, a study says."
        elsewhere = "Asia" if where == "Europe" else "Europe"
        doc = document(doc_id, f"{sentence} Sales in {elsewhere} grew.")
        named = Actor(span=span(doc, elsewhere, len(sentence)), name=elsewhere, label="OTHER")
        other = claim(doc, f"Sales in {elsewhere} grew.", actors=(named,))
        place = Actor(span=span(doc, where), name=where, label="OTHER")
        return doc, other, claim(doc, sentence, quantities=(_count(doc, figure, value, "images"),), actors=(place,))

    (a, a_other, left), (b, b_other, right) = told("a", "Europe", "1.3", 1.3), told("b", "Asia", "3.2", 3.2)
    findings = run(corpus([a, b], [left, a_other, right, b_other]))
    assert [f for f in findings if f.severity != Severity.INFO] == []
    c, c_other, same_place = told("c", "Europe", "3.2", 3.2)
    findings = run(corpus([a, c], [left, a_other, same_place, c_other]))
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_figures_at_two_named_contests_of_one_kind_are_two_facts():
    # "Awards" names the kind; "Norland Film" and "Sudria Music" say which: two contests' nominations, whether or
    # not each article names the other contest somewhere. One contest named alike on both sides still conflicts.
    def nominated(doc_id, contest, figure, value):
        doc = document(doc_id, f"The drama Quiet Harbour has earned {figure} nominations at this year's {contest}.")
        quantity = _headed(doc, figure, value, "earn", "nominations")
        named = Actor(span=span(doc, contest), name=contest, label="ORG")
        return doc, claim(doc, doc.text, quantities=(quantity,), actors=(named,))

    (a, left), (b, right) = (
        nominated("a", "Norland Film Awards", "seven", 7),
        nominated("b", "Sudria Music Awards", "three", 3),
    )
    assert [f for f in run(corpus([a, b], [left, right])) if f.severity != Severity.INFO] == []
    c, same = nominated("c", "Norland Film Awards", "three", 3)
    assert [f.severity for f in run(corpus([a, c], [left, same]))] == [Severity.WARNING]


# -- session 18: what a length of time counts, a list's settled figure, an age set beside a name ---------------------
def _length(doc, text, value, unit, measure, head, after=0):
    return Quantity(span=span(doc, text, after), value=value, unit=unit, measure=measure, head=head)


def test_a_length_of_time_counts_its_unit_not_the_sentence_subject():
    # Extraction gives a figure with no noun of its own the sentence's subject as its measure: "the club", "Norland".
    # A stretch of time measures days or months whoever spends them: two writers naming the club two ways still
    # give one loss over one period.
    a = document("a", "The club posted a record loss of 40m euros in the 12 months through June.")
    b = document("b", "Norland United posted a record loss of 40m euros in the 6 months through June.")
    left = claim(a, a.text, quantities=(_length(a, "12 months", 12, "months", "club", "post"),))
    right = claim(b, b.text, quantities=(_length(b, "6 months", 6, "months", "united", "post"),))
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.85))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert findings[0].data["measure"] == "month"


def test_a_length_of_time_keeps_the_noun_written_after_it():
    # "ten days of riots" / "ten days of mourning": what the days are of is written out, and differs.
    from factcheck.checks.numeric_conflict import counted_noun

    a = document("a", "The shooting sparked ten days of riots across the country.")
    riots = _length(a, "ten days", 10, "days", "riot", "spark")
    subject = _length(a, "ten days", 10, "days", "shooting", "spark")
    left = claim(a, a.text, quantities=(riots,))
    assert counted_noun(left, riots) == "riot"
    assert counted_noun(left, subject) == "day"


def test_a_figure_of_a_list_settled_by_an_equal_figure_is_no_rival():
    # "for 16 and 17-year-olds" / "for 16 and 8-year-olds": 16 meets 16, so the ages left differ at one slot.
    text = "Ministers promised a national minimum wage for 16 and {n}-year-olds and more children's centres."
    a, b = document("a", text.format(n="17")), document("b", text.format(n="8"))
    left = claim(a, a.text, quantities=(_age(a, "16", 16, "wage"), _age(a, "17-year", 17, "wage")))
    right = claim(b, b.text, quantities=(_age(b, "16", 16, "wage"), _age(b, "8-year", 8, "wage")))
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.97))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert {span.text for span in findings[0].evidence} >= {"17-year", "8-year"}


def test_an_age_set_beside_the_name_after_an_article_is_that_persons():
    # "Ana Lopez, a 17-year-old singer" names whose age it is, as "Ana Lopez, 17" does; the two sentences tell two
    # events (a prize, a rich list), so they share few words and name places the other never does.
    a = document(
        "a", "Ana Lopez, a 17-year-old singer from Norland, beat four rivals to win best newcomer at the awards."
    )
    b = document("b", "Ana Lopez, the 8-year-old singer from Norland, was a new entry in the young millionaires list.")
    left = claim(a, a.text, quantities=(_age(a, "17-year", 17, "singer"),), actors=(actor(a, "Ana Lopez", "PERSON"),))
    right = claim(b, b.text, quantities=(_age(b, "8-year", 8, "singer"),), actors=(actor(b, "Ana Lopez", "PERSON"),))
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.75))
    assert [f.severity for f in findings] == [Severity.WARNING]
    # The age of someone else, told after the name: "Ana Lopez, the 8-year-old's coach".
    from factcheck.checks.numeric_conflict import _aged_person

    c = document("c", "Rosa Diaz, the 8-year-old's coach, spoke to reporters.")
    coach = claim(c, c.text, quantities=(_age(c, "8-year", 8, "coach"),), actors=(actor(c, "Rosa Diaz", "PERSON"),))
    assert _aged_person(coach, coach.quantities[0]) == set()


_CHART = (
    "The comedy Quiet Harbour topped the box office chart with {0} in ticket sales. "
    "The drama Norland Nights took {1} after opening in more cinemas. "
    "The thriller Blue Coast fell to fourth place, taking {2} in ticket sales. "
    "The top ten films together took an estimated {3} in ticket sales.\n"
)


def test_fixture_two_editions_of_a_running_chart_are_two_times_not_conflicts(make_corpus):
    # Two weekends' box office charts give the same films other takings in sentence after sentence: each article
    # is true of its own weekend. One slip changes one figure, and that still conflicts.
    first = _CHART.format("$44.7m", "$9.4m", "$12.5m", "$121.9m")
    second = _CHART.format("$42.8m", "$11.2m", "$14.7m", "$125.4m")
    corp = make_corpus({"a": first, "b": second}, checks=[NumericConflictCheck])
    assert [f for f in corp.findings if f.severity != Severity.INFO] == []


def test_fixture_one_figure_changed_in_a_chart_still_conflicts(make_corpus):
    first = _CHART.format("$44.7m", "$9.4m", "$12.5m", "$121.9m")
    slip = _CHART.format("$44.7m", "$11.2m", "$12.5m", "$121.9m")
    corp = make_corpus({"a": first, "c": slip}, checks=[NumericConflictCheck])
    assert [f.severity for f in corp.findings] == [Severity.WARNING]


def _nominations(doc_id, first, second, figure, value, subject=None):
    # ``first`` names the subject; ``second`` gives the figure, its subject a pronoun or a name the tagger missed.
    doc = document(doc_id, f"{first} {second}")
    named = claim(doc, first, event=Event(actor="jane roe", action="win"), actors=(actor(doc, "Jane Roe", "PERSON"),))
    counted = claim(
        doc,
        second,
        quantities=(_headed(doc, figure, value, "have", "nominations"),),
        event=Event(actor=subject, action="have") if subject else None,
    )
    return doc, named, counted


def test_a_pronoun_tells_of_the_person_the_sentence_before_named():
    # "He had four nominations" after a sentence on Roe / "Ito had 10 nominations": two people's counts, though the
    # tagger marked neither subject, so no holder was found. "He" after a sentence on Ito still conflicts.
    a, a_named, left = _nominations(
        "a", "Jane Roe also won best album.", "She had four nominations going into the ceremony.", "four", 4
    )
    b = document("b", "Sam Ito won best song. Ito had 10 nominations going into the ceremony.")
    b_named = claim(b, "Sam Ito won best song.", actors=(actor(b, "Sam Ito", "PERSON"),))
    right = claim(
        b,
        "Ito had 10 nominations going into the ceremony.",
        quantities=(_headed(b, "10", 10, "have", "nominations"),),
        event=Event(actor="sam ito", action="have"),
    )
    assert [f for f in run(corpus([a, b], [a_named, left, b_named, right])) if f.severity != Severity.INFO] == []
    c, c_named, same = _nominations(
        "c", "Jane Roe also won best album.", "Roe had 10 nominations going into the ceremony.", "10", 10, "jane roe"
    )
    assert [f.severity for f in run(corpus([a, c], [a_named, left, c_named, same]))] == [Severity.WARNING]


# -- session 19: a length counted back from the writer's day, an age given to the name after its noun ----------------
def _hurt(published=(None, None), left_count="nine", right_count="18"):
    from datetime import date

    days = [date.fromisoformat(day) if day else None for day in published]
    sentence = "Jane Roe, who was hurt in a crash at the county track {} days ago, won the county title on Sunday."
    a = document("a", sentence.format(left_count), published=days[0])
    b = document("b", sentence.format(right_count), published=days[1])

    def ago(doc, count):
        return time(doc, f"{count} days ago", None, relative=True).model_copy(update={"head": "hurt"})

    left = claim(a, a.text, times=(ago(a, left_count),), actors=(actor(a, "Jane Roe", "PERSON"),))
    right = claim(b, b.text, times=(ago(b, right_count),), actors=(actor(b, "Jane Roe", "PERSON"),))
    return _vectors(corpus([a, b], [left, right]), left, right, 0.95)


def test_two_lengths_counted_back_from_days_not_known_are_one_length_given_two_values():
    # "hurt nine days ago" / "hurt 18 days ago": with no dateline the date is unknown, and the lengths are what the two
    # texts state; read as dates they met no check.
    findings = run(_hurt())
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert [span.text for span in findings[0].evidence[:2]] == ["nine", "18"]
    assert findings[0].data["measure"] == "day"
    assert run(_hurt(right_count="nine")) == []


def test_two_lengths_counted_back_from_two_known_days_are_left_to_the_dates():
    # Both days known: the dates resolve (a week apart here, so one crash), and dates are date-conflict's to compare.
    assert run(_hurt(("2005-01-10", "2005-01-19"))) == []


def test_an_age_given_to_the_name_written_after_its_noun_is_that_persons():
    # "18-year-old Riverton centre Dana Whitfield" / "Riverton's 9-year-old centre Dana Whitfield": the noun is the
    # post the name is given, so both ages are the named player's, not the coach's (the subject, resolved to the name
    # given before) nor the club's (its possessor) that extraction gives as holders.
    a = document(
        "a", "The coach also had words of comfort for 18-year-old Riverton centre Dana Whitfield, who was dropped."
    )
    b = document("b", "Riverton's 9-year-old centre Dana Whitfield is also in the training squad.")
    left_age = _age(a, "18-year", 18, "centre").model_copy(update={"holder": "Sam Ito"})
    right_age = _age(b, "9-year", 9, "centre").model_copy(update={"holder": "Riverton"})
    left = claim(a, a.text, quantities=(left_age,), actors=(actor(a, "Dana Whitfield", "PERSON"),))
    right = claim(
        b,
        b.text,
        quantities=(right_age,),
        actors=(actor(b, "Riverton", "PERSON"), actor(b, "Dana Whitfield", "PERSON")),
    )
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.7))
    assert [f.severity for f in findings] == [Severity.WARNING]
    # Another player named after the noun on one side is another person's age.
    c = document("c", "Riverton's 9-year-old centre Kim Lark is also in the training squad.")
    other = claim(
        c,
        c.text,
        quantities=(_age(c, "9-year", 9, "centre").model_copy(update={"holder": "Riverton"}),),
        actors=(actor(c, "Riverton", "PERSON"), actor(c, "Kim Lark", "PERSON")),
    )
    assert [
        f for f in run(_vectors(corpus([a, c], [left, other]), left, other, 0.7)) if f.severity != Severity.INFO
    ] == []


# -- session 21: a length of time of one act, told in few words in common -------------------------------------------
def _lasted(left_text, left_length, right_text, right_length, cosine=0.6):
    values = {"five days": 5.0, "ten days": 10.0}
    a = document("a", left_text)
    b = document("b", right_text)
    left = claim(a, a.text, quantities=(_length(a, left_length, values[left_length], "days", None, "extend"),))
    right = claim(b, b.text, quantities=(_length(b, right_length, values[right_length], "days", None, "sweep up"),))
    return run(_vectors(corpus([a, b], [left, right]), left, right, cosine))


def test_two_lengths_of_one_act_told_in_other_words_conflict():
    # "rioting" / "riots": one act lasting, the parse hanging each length on its sentence's own verb; the rest of the
    # two sentences shares few words, as two writers' accounts of one week do.
    findings = _lasted(
        "Authorities in Norport extended the curfew on Wednesday after five days of rioting that left two dead.",
        "five days",
        "After ten days of riots, Norport's shopkeepers swept up broken glass as the curfew was extended.",
        "ten days",
    )
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_two_lengths_of_two_acts_do_not_meet():
    # "days of talks" / "days of riots": two things lasted.
    findings = _lasted(
        "Authorities in Norport extended the curfew on Wednesday after five days of talks that left two sides apart.",
        "five days",
        "After ten days of riots, Norport's shopkeepers swept up broken glass as the curfew was extended.",
        "ten days",
    )
    assert findings == []


def test_a_length_of_one_act_in_sentences_that_mean_apart_does_not_meet():
    # The sentence vectors still say whether the two tell one thing.
    findings = _lasted(
        "Authorities in Norport extended the curfew on Wednesday after five days of rioting that left two dead.",
        "five days",
        "After ten days of riots, Norport's shopkeepers swept up broken glass as the curfew was extended.",
        "ten days",
        cosine=0.3,
    )
    assert findings == []


# -- session 21: an act counted by its noun, and whom it befell counted by its verb ----------------------------------
_RAIDS = "Police in Norport {} in dawn raids on a drugs gang on Tuesday."


def _acts(left_words, left_measure, left_head, right_words="arrested 27 people", right_head="arrest", cosine=0.6):
    a = document("a", _RAIDS.format(left_words))
    b = document("b", _RAIDS.format(right_words))
    left_q = Quantity(span=span(a, "54"), value=54, unit="count", measure=left_measure, head=left_head)
    right_q = Quantity(span=span(b, "27"), value=27, unit="count", measure="people", head=right_head)
    left = claim(a, a.text, quantities=(left_q,))
    right = claim(b, b.text, quantities=(right_q,))
    return run(_vectors(corpus([a, b], [left, right]), left, right, cosine))


def test_arrests_made_and_people_arrested_are_one_count():
    # "made 54 arrests" / "arrested 27 people": one arrest befalls one person; the noun's head is a light verb.
    findings = _acts("made 54 arrests", "arrests", "make")
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_noun_for_whoever_does_the_act_is_no_count_of_it():
    # "54 killers" are not "killed 27 people": WordNet's killer is a person, not the act.
    findings = _acts("said 54 killers were at large", "killers", None, "said raiders killed 27 people", "kill")
    assert findings == []


def test_an_act_noun_whose_own_verb_says_another_thing_is_not_the_other_count():
    # "reviewed 54 arrests" counts arrests looked at again, not people arrested on the day.
    findings = _acts("reviewed 54 arrests", "arrests", "review")
    assert findings == []


# -- session 22: one kind of people or things counted, told in other words -----------------------------------------
_STORM = "A storm that swept through Norport on Monday {}, the regional government said."


def _kinds(left_words, left_measure, left_head, right_words, right_measure, right_head, cosine=0.7, left_more=None):
    # The two sentences share few words beyond the town and the day: the counts meet by what they count and whom it
    # befell, the sentence vectors saying the rest is one event.
    a = document("a", _STORM.format(left_words) + (f" {left_more}" if left_more else ""))
    b = document("b", _STORM.format(right_words))
    left_q = Quantity(span=span(a, "ten"), value=10, unit="count", measure=left_measure, head=left_head)
    right_q = Quantity(span=span(b, "five"), value=5, unit="count", measure=right_measure, head=right_head)
    left = claim(a, _STORM.format(left_words), quantities=(left_q,))
    right = claim(b, b.text, quantities=(right_q,))
    claims = [left, right]
    if left_more:
        more_q = Quantity(span=span(a, "five"), value=5, unit="count", measure=right_measure, head="be")
        claims.append(claim(a, left_more, quantities=(more_q,)))
    return run(_vectors(corpus([a, b], claims), left, right, cosine))


def test_a_kind_of_person_and_people_befallen_by_one_act_are_one_count():
    # "residents" are people; "killed" causes "died" (WordNet): one toll told two ways.
    findings = _kinds("killed ten residents", "residents", "kill", "left five people who died", "people", "die")
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_the_dead_and_the_injured_are_two_counts():
    findings = _kinds("killed ten residents", "residents", "kill", "injured five people", "people", "injure")
    assert findings == []


def test_two_kinds_under_one_broader_word_are_two_groups():
    # soldiers and civilians are both people, neither a kind of the other
    findings = _kinds("killed ten soldiers", "soldiers", "kill", "killed five civilians", "civilians", "kill")
    assert findings == []


def test_a_whole_whose_article_counts_the_part_apart_is_no_conflict():
    # "ten people, five of them children": the article gives the other side's five children too
    findings = _kinds(
        "killed ten people",
        "people",
        "kill",
        "killed five children",
        "children",
        "kill",
        left_more="There were five children among them.",
    )
    assert findings == []


def test_one_kind_counted_in_sentences_that_mean_apart_does_not_meet():
    findings = _kinds("killed ten residents", "residents", "kill", "left five people who died", "people", "die", 0.4)
    assert findings == []


def test_a_figure_hedged_two_ways_beside_the_differing_one_does_not_drop_it():
    # "at least 60" / "more than 60" injured: one figure hedged two ways, not a second figure that differs.
    a = document("a", "The quake killed 18 people in Suren on Sunday and injured at least 60, officials said.")
    b = document("b", "In Suren the earthquake killed 9 people on Sunday and injured more than 60, the ministry said.")
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(span=span(a, "18"), value=18, unit="count", measure="people", head="kill"),
            Quantity(span=span(a, "60"), value=60, unit="count", head="injure", comparator="ge", low=60, high=1e9),
        ),
    )
    right = claim(
        b,
        b.text,
        quantities=(
            Quantity(span=span(b, "9"), value=9, unit="count", measure="people", head="kill"),
            Quantity(
                span=span(b, "60"),
                value=60,
                unit="count",
                head="injure",
                comparator="gt",
                low=60,
                high=1e9,
                low_open=True,
            ),
        ),
    )
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.9))
    assert [(f.severity, f.evidence[0].text) for f in findings if f.severity != Severity.INFO] == [
        (Severity.WARNING, "18")
    ]


def _guns(left_words, right_words):
    from factcheck.checks.numeric_conflict import one_kind_counted
    from factcheck.nlp.align import align

    a = document("a", f"Police said the teenager pointed {left_words} at the officers in Norport on Monday.")
    b = document("b", f"The officers in Norport said the teenager had pointed {right_words} at them on Monday.")
    left_q = Quantity(span=span(a, "38"), value=38, unit="count", measure="revolver", head="point")
    right_q = Quantity(span=span(b, "357"), value=357, unit="count", measure="revolver", head="point")
    alignment = align(claim(a, a.text, quantities=(left_q,)), claim(b, b.text, quantities=(right_q,)))
    return one_kind_counted(alignment, alignment.pairs_of("number")[0])


def test_a_figure_before_a_singular_noun_is_no_count_of_it():
    # "a 38-caliber revolver" / "a 357-caliber revolver": one gun's calibre, written before the noun in the singular
    assert not _guns("a 38-caliber revolver", "a 357-caliber revolver")
    assert _guns("38 revolvers", "357 revolvers")


def test_two_counts_of_one_noun_are_told_apart_by_their_acts_but_not_by_a_list_item():
    # "Ten people died ..., and 800 people were evacuated": the acts say which figure is the toll.
    a = document("a", "Ten people have died in the Norport floods, and 800 people have been evacuated, officials said.")
    b = document("b", "Flooding in Norport has killed five people and forced 800 from their homes, officials said.")
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(span=span(a, "Ten"), value=10, unit="count", measure="people", head="die"),
            Quantity(span=span(a, "800"), value=800, unit="count", measure="people", head="evacuate"),
        ),
    )
    right = claim(
        b,
        b.text,
        quantities=(
            Quantity(span=span(b, "five"), value=5, unit="count", measure="people", head="kill"),
            Quantity(span=span(b, "800"), value=800, unit="count", head="force"),
        ),
    )
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.8))
    assert [(f.severity, f.evidence[0].text) for f in findings] == [(Severity.WARNING, "Ten")]
    # "seized seven rifles, two other rifles": the list item hangs on the noun before it, no act of its own
    c = document("c", "Sailors seized seven assault rifles, two other rifles and a launcher from the pirates.")
    d = document("d", "Nine assault rifles were seized by the sailors from the pirates.")
    listed = claim(
        c,
        c.text,
        quantities=(
            Quantity(span=span(c, "seven"), value=7, unit="count", measure="rifles", head="seize"),
            Quantity(span=span(c, "two"), value=2, unit="count", measure="rifles", head="rifle"),
        ),
    )
    nine = claim(
        d, d.text, quantities=(Quantity(span=span(d, "Nine"), value=9, unit="count", measure="rifles", head="seize"),)
    )
    assert run(_vectors(corpus([c, d], [listed, nine]), listed, nine, 0.8)) == []


# -- session 23: an act foreseen or done in part is another fact than the act done in whole ------------------------
_MILLS = "Dorrin Steel {} mills in Kestle, the company said on Monday."


def _mills(left_words, right_words, left=None, right=None, cosine=0.8):
    # One noun, one act: the two counts meet on what is counted and what befell it; how each act is told (foreseen or
    # done, whole or in part) is what the parse read at extraction (``Quantity.mood``, ``Quantity.part``).
    a = document("a", _MILLS.format(left_words))
    b = document("b", _MILLS.format(right_words))
    left_q = Quantity(span=span(a, "ten"), value=10, unit="count", measure="mills", head="close", **(left or {}))
    right_q = Quantity(span=span(b, "five"), value=5, unit="count", measure="mills", head="close", **(right or {}))
    left_claim = claim(a, a.text, quantities=(left_q,))
    right_claim = claim(b, b.text, quantities=(right_q,))
    return run(_vectors(corpus([a, b], [left_claim, right_claim]), left_claim, right_claim, cosine))


def test_an_act_foreseen_and_an_act_done_are_two_facts():
    # "will close ten mills" is a plan; "closed five mills" what was done so far: two counts, no conflict.
    assert _mills("will close ten", "closed five", {"mood": "foreseen"}, {"mood": "done"}) == []
    # Two plans given two counts conflict, as two counts of one act done do.
    for mood in ("foreseen", "done"):
        findings = _mills("will close ten", "will close five", {"mood": mood}, {"mood": mood})
        assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_part_of_what_is_counted_is_not_the_whole():
    # "the partial closure of five of its mills" / "closed ten mills": a part, another fact than the whole.
    assert _mills("closed ten", "partly closed five", {}, {"part": True}) == []
    findings = _mills("partly closed ten", "partly closed five", {"part": True}, {"part": True})
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_verb_that_also_reports_counts_the_act_it_mainly_means():
    # "firms added 146,000 jobs" is an act of adding, not a report of 146,000 jobs as acts; and a stretch of time
    # ("the two previous months") is nothing an act befalls.
    from factcheck.checks.numeric_conflict import _what_befell

    a = document("a", "US firms added 146,000 jobs in January, and the jobs created in the two previous months.")
    jobs = Quantity(span=span(a, "146,000"), value=146000, unit="count", measure="jobs", head="add")
    months = Quantity(span=span(a, "two"), value=2, unit="count", measure="months", head="create")
    sentence = claim(a, a.text, quantities=(jobs, months))
    assert _what_befell(sentence, jobs) == ("job", "add", False)
    assert _what_befell(sentence, months) is None
    b = document("b", "Police reported 28 deaths in the city.")
    deaths = Quantity(span=span(b, "28"), value=28, unit="count", measure="deaths", head="report")
    assert _what_befell(claim(b, b.text, quantities=(deaths,)), deaths) == ("death", "death", True)


def test_a_forecast_worded_on_one_side_is_no_outcome_when_both_acts_are_foreseen():
    # "expect to close ten" / "will close five": the wording foretells on one side only, but the parse reads both acts
    # as foreseen, so neither is an outcome; the two plans' counts conflict.
    findings = _mills("expect to close ten", "will close five", {"mood": "foreseen"}, {"mood": "foreseen"})
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert _mills("expect to close ten", "closed five", {"mood": "foreseen"}, {}) == []


_DEAL = (
    "Brantwood Foods agreed to buy the snack maker Kelloway for $1.7 billion in cash, the companies said on Tuesday."
)


def _deal(other_text, other_figure, other_value, other_names, cosine=0.9, other_measure=None, left_measure=None):
    """One firm's purchase told by two outlets: the sum's neighbouring words differ ("in cash" / "deal")."""
    a, b = document("a", _DEAL), document("b", other_text)
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(span=span(a, "$1.7 billion"), value=1.7e9, unit="money:USD", head="buy", measure=left_measure),
        ),
        actors=(actor(a, "Brantwood Foods", "ORG"), actor(a, "Kelloway", "ORG")),
    )
    right = claim(
        b,
        b.text,
        quantities=(
            Quantity(
                span=span(b, other_figure), value=other_value, unit="money:USD", head="acquire", measure=other_measure
            ),
        ),
        actors=tuple(actor(b, name, "ORG") for name in other_names),
    )
    return run(_vectors(corpus([a, b], [left, right]), left, right, cosine))


def test_one_sum_of_one_named_purchase_told_in_other_words_is_a_warning():
    # No counted noun, other words after the sum, few words in common: the same two firms and one act at vectors >= 0.8.
    findings = _deal(
        "Brantwood Foods will acquire Kelloway in a $1.4 billion deal, creating the largest snack business.",
        "$1.4 billion",
        1.4e9,
        ("Brantwood Foods", "Kelloway"),
        other_measure="deal",
    )
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_sum_whose_sentence_names_another_party_or_means_apart_is_not_one_sum():
    # A third firm named on one side only: another purchase (one firm's two suits, two bodies' figures).
    text = "Brantwood Foods will acquire Kelloway and Pellworth Snacks in a $1.4 billion deal, the firms said."
    assert _deal(text, "$1.4 billion", 1.4e9, ("Brantwood Foods", "Kelloway", "Pellworth Snacks")) == []
    # The same names, but sentences that mean apart (vectors under 0.8)
    text = "Brantwood Foods will acquire Kelloway in a $1.4 billion deal, creating the largest snack business."
    assert _deal(text, "$1.4 billion", 1.4e9, ("Brantwood Foods", "Kelloway"), cosine=0.7) == []
    # A sum ten times the other is no slip in one sum told twice: not even a note
    text = "Brantwood Foods will acquire Kelloway in a $140 million deal, creating the largest snack business."
    assert _deal(text, "$140 million", 1.4e8, ("Brantwood Foods", "Kelloway"), other_measure="deal") == []
    # Two sums of two things the sentences name ("in profit" / "in revenue")
    text = "Brantwood Foods, which will acquire Kelloway, made $1.4 billion in revenue, the companies said on Tuesday."
    assert _deal(text, "$1.4 billion", 1.4e9, ("Brantwood Foods", "Kelloway"), 0.9, "revenue", "profit") == []


def _poll(doc, text, figures, measure="vote"):
    """A sentence giving each party's share: (figure text, value, holder)."""
    return claim(
        doc,
        text,
        quantities=tuple(
            Quantity(span=span(doc, figure), value=value, unit="percent", measure=measure, holder=holder)
            for figure, value, holder in figures
        ),
        actors=tuple(actor(doc, holder, "ORG") for _, _, holder in figures),
    )


def test_shares_of_several_holders_are_paired_by_whose_each_is():
    # Two parties' shares in two orders: the alliance's 18.4 meets the alliance's 14.8, not the union's 31.2.
    a = document(
        "a", "The Civic Union won 31.2 percent and the Green Alliance came third with 18.4 percent of the vote."
    )
    b = document(
        "b", "The Green Alliance took 14.8 percent of the vote, while the ruling Civic Union won 31.2 percent."
    )
    left = _poll(a, a.text, (("31.2 percent", 31.2, "Civic Union"), ("18.4 percent", 18.4, "Green Alliance")))
    right = _poll(b, b.text, (("14.8 percent", 14.8, "Green Alliance"), ("31.2 percent", 31.2, "Civic Union")))
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.9))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert {span.text for span in findings[0].evidence[:2]} == {"18.4 percent", "14.8 percent"}


def test_two_shares_a_sentence_gives_one_holder_are_paired_by_no_holder():
    # The parse gave both shares to the front ("polled 27.5 percent, ahead of the league at 22.1 percent"): whose
    # each is was misread, so neither meets the other article's share of the front.
    a = document("a", "The Liberal Front polled 27.5 percent, ahead of the Farmers' League at 22.1 percent.")
    b = document("b", "The Liberal Front topped the poll with 27.5 percent of the vote.")
    left = _poll(a, a.text, (("27.5 percent", 27.5, "Liberal Front"), ("22.1 percent", 22.1, "Liberal Front")))
    right = _poll(b, b.text, (("27.5 percent", 27.5, "Liberal Front"),))
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.9)) == []


def _takings(doc, text, figures):
    """A sentence's figures: (figure text, value, unit, counted noun, head)."""
    return claim(
        doc,
        text,
        quantities=tuple(
            Quantity(span=span(doc, figure), value=value, unit=unit, measure=measure, head=head)
            for figure, value, unit, measure, head in figures
        ),
    )


_FAIR_A = (
    "Ticket takings at the Orlen book fair grew 11 percent to 29.2 million francs, with 312,000 fans, organisers said."
)
_FAIR_B = "Organisers of the Orlen book fair said 312,000 people came and spent 14.6 million francs on tickets, up 11 percent."


def test_the_figure_two_sentences_leave_over_beside_figures_in_common_is_compared_whatever_its_head():
    # "grew" / "spent": the heads do not pair the sums, nor do the words around them; the figures both give alike
    # (the rise, and the count: fans are people) pin the two sentences to one account, and the one sum each gives
    # besides is that account's.
    a, b = document("a", _FAIR_A), document("b", _FAIR_B)
    left = _takings(
        a,
        a.text,
        (
            ("11 percent", 11.0, "percent", "taking", "grow"),
            ("29.2 million francs", 29.2e6, "money:CHF", "franc", "grow"),
            ("312,000", 312000.0, "count", "fan", "pass"),
        ),
    )
    right = _takings(
        b,
        b.text,
        (
            ("312,000", 312000.0, "count", "people", "come"),
            ("14.6 million francs", 14.6e6, "money:CHF", "franc", "spend"),
            ("11 percent", 11.0, "percent", "", "up"),
        ),
    )
    findings = run(_vectors(corpus([a, b], [left, right]), left, right, 0.84))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert {s.text for s in findings[0].evidence[:2]} == {"29.2 million francs", "14.6 million francs"}
    # the sentences mean apart (vectors under 0.6): nothing
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.5)) == []


def test_no_figure_is_left_over_by_a_small_figure_in_common_nor_two_of_a_unit_on_a_side():
    a, b = document("a", _FAIR_A), document("b", _FAIR_B)
    # what both give alike is a small whole number ("two people"), which recurs in one story for many facts
    left = _takings(
        a, a.text, (("2", 2.0, "count", "people", "come"), ("29.2 million francs", 29.2e6, "money:CHF", "", "grow"))
    )
    right = _takings(
        b, b.text, (("2", 2.0, "count", "people", "come"), ("14.6 million francs", 14.6e6, "money:CHF", "", "climb"))
    )
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.84)) == []
    # two sums left over on a side: which is whose is not known
    a = document("a", "Takings grew to 29.2 million francs and stall rents to 3.1 million francs, with 312,000 fans.")
    left = _takings(
        a,
        a.text,
        (
            ("312,000", 312000.0, "count", "fan", "pass"),
            ("29.2 million francs", 29.2e6, "money:CHF", "", "grow"),
            ("3.1 million francs", 3.1e6, "money:CHF", "", "raise"),
        ),
    )
    right = _takings(
        b,
        b.text,
        (("312,000", 312000.0, "count", "people", "come"), ("14.6 million francs", 14.6e6, "money:CHF", "", "climb")),
    )
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.84)) == []


def test_figures_left_over_that_measure_two_things_are_not_compared():
    # One rate in common, and each side's other rate is of another thing ("inflation" / "wages"): two facts.
    a = document("a", "Unemployment in Norland rose to 5.2 percent in March, while inflation stood at 2.1 percent.")
    b = document("b", "Unemployment in Norland reached 5.2 percent in March, and wages grew 3.4 percent.")
    left = _takings(
        a,
        a.text,
        (
            ("5.2 percent", 5.2, "percent", "unemployment", "rise"),
            ("2.1 percent", 2.1, "percent", "inflation", "stand"),
        ),
    )
    right = _takings(
        b,
        b.text,
        (("5.2 percent", 5.2, "percent", "unemployment", "reach"), ("3.4 percent", 3.4, "percent", "wage", "grow")),
    )
    assert run(_vectors(corpus([a, b], [left, right]), left, right, 0.84)) == []


def _left_over_pairs(a_text, b_text, left_figures, right_figures):
    """The figures of two sentences that ``left_by_agreement`` reads as one account's, each with the other's."""
    from factcheck.checks.numeric_conflict import left_by_agreement
    from factcheck.nlp.align import PairAligner, SlotPair, corpus_candidates

    a, b = document("a", a_text), document("b", b_text)
    left, right = _takings(a, a.text, left_figures), _takings(b, b.text, right_figures)
    corp = _vectors(corpus([a, b], [left, right]), left, right, 0.9)
    _, weights = corpus_candidates(corp)
    alignment = PairAligner(corp.claim, corp.embeddings, weights)(left.id, right.id)
    numbers = [[t for t in tokens if t.kind == "number"] for tokens in (alignment.left_tokens, alignment.right_tokens)]
    return [
        (first.text, second.text)
        for first in numbers[0]
        for second in numbers[1]
        if left_by_agreement(alignment, SlotPair("number", first, second, "context", 0.0, True))
    ]


def test_a_sum_restated_in_another_unit_is_never_left_over():
    # One tax bill given alike in dollars, converted at two rates: the pounds restate the dollars, not a fact of
    # their own; a fine in pounds beside the bill is one.
    restated = _left_over_pairs(
        "The unit was sold to pay off a $27.5bn (£14.5bn) back tax bill, the Orlen tax office said.",
        "The unit was sold to meet a $27.5bn (£13bn) back tax bill, the Orlen tax office said on Monday.",
        (("$27.5bn", 27.5e9, "money:USD", "bill", "pay"), ("£14.5bn", 14.5e9, "money:GBP", "", "27.5bn")),
        (("$27.5bn", 27.5e9, "money:USD", "bill", "meet"), ("£13bn", 13e9, "money:GBP", "", "27.5bn")),
    )
    assert restated == []
    fined = _left_over_pairs(
        "The unit was sold to pay off a $27.5bn back tax bill and a £14.5bn fine, the Orlen tax office said.",
        "The unit was sold to meet a $27.5bn back tax bill and a £13bn fine, the Orlen tax office said on Monday.",
        (("$27.5bn", 27.5e9, "money:USD", "bill", "pay"), ("£14.5bn", 14.5e9, "money:GBP", "fine", "pay")),
        (("$27.5bn", 27.5e9, "money:USD", "bill", "meet"), ("£13bn", 13e9, "money:GBP", "fine", "meet")),
    )
    assert fined == [("£14.5bn", "£13bn")]


def test_an_age_set_beside_a_name_is_never_left_over_against_a_length_of_time():
    # Both sentences give the goals alike; what each has besides is the player's age on one side and his contract's
    # length on the other: years both, one fact neither.
    from factcheck.checks.numeric_conflict import left_by_agreement
    from factcheck.nlp.align import PairAligner, SlotPair, corpus_candidates

    a = document("a", "Jon Lenz, 24, scored 27 goals in all competitions for the club last season.")
    b = document("b", "Jon Lenz, who scored 27 goals for the club last season, signed a five-year deal.")
    left = claim(
        a,
        a.text,
        quantities=(
            Quantity(span=span(a, "24"), value=24.0, unit="years", head="Lenz"),
            Quantity(span=span(a, "27 goals"), value=27.0, unit="count", measure="goal", head="score"),
        ),
        actors=(actor(a, "Jon Lenz", "PERSON"),),
    )
    right = claim(
        b,
        b.text,
        quantities=(
            Quantity(span=span(b, "27 goals"), value=27.0, unit="count", measure="goal", head="score"),
            Quantity(span=span(b, "five-year"), value=5.0, unit="years", measure="deal", head="deal"),
        ),
        actors=(actor(b, "Jon Lenz", "PERSON"),),
    )
    corp = _vectors(corpus([a, b], [left, right]), left, right, 0.9)
    _, weights = corpus_candidates(corp)
    alignment = PairAligner(corp.claim, corp.embeddings, weights)(left.id, right.id)
    ages = [t for t in alignment.left_tokens if t.kind == "number" and t.text == "24"]
    lengths = [t for t in alignment.right_tokens if t.kind == "number" and t.text == "five-year"]
    assert ages and lengths
    assert not left_by_agreement(alignment, SlotPair("number", ages[0], lengths[0], "context", 0.0, True))


def test_a_figure_before_a_comparative_and_than_is_a_difference_not_a_level():
    from factcheck.checks.numeric_conflict import is_change

    def figure(text: str, words: str) -> bool:
        doc = document("a", text)
        quantity = Quantity(span=span(doc, words), value=7, unit="count", measure="rounds")
        return is_change(claim(doc, text, quantities=(quantity,)), quantity)

    assert figure("She ended the bout seven rounds earlier than in 2010.", "seven rounds")
    assert figure("They pitched 2,000 more tents than last year.", "2,000")
    assert figure("He scored three points more than his rival.", "three")
    assert not figure("She stopped her in four rounds.", "four rounds")
    assert not figure("They chose seven rounds rather than ten.", "seven rounds")
    assert not figure("Seven rounds were fought, more than planned.", "Seven rounds")


# -- session 33: one noun counted under one act told with two related verbs, the rest of the sentences apart --------
_BANK_PLAN = "The two lenders plan to {} {} branches."
_BANK_DEAL = "Under the merger agreed on Monday the new group will {} {} branches, its chairman told shareholders."


def _branches(left_verb="shut", right_verb="close", left=None, right=None, cosine=0.5, right_more="", more_whole=False):
    # The two sentences share no word beside the counted noun: the counts meet on what is counted and what befell it.
    a = document("a", _BANK_PLAN.format(left_verb, "70"))
    b = document("b", _BANK_DEAL.format(right_verb, "45") + right_more)
    left_q = Quantity(span=span(a, "70"), value=70, unit="count", measure="branches", head=left_verb, **(left or {}))
    right_q = Quantity(span=span(b, "45"), value=45, unit="count", measure="branches", head=right_verb, **(right or {}))
    quantities = [right_q]
    if right_more:
        head = None if more_whole else right_verb  # a partitive's whole: no act befell it
        more = Quantity(span=span(b, "210"), value=210, unit="count", measure="branches", head=head, whole=more_whole)
        quantities.append(more)
    left_claim = claim(a, a.text, quantities=(left_q,))
    right_claim = claim(b, b.text, quantities=tuple(quantities))
    # one cluster, as the cluster stage puts two sentences of one story that count one thing
    clustered = corpus([a, b], [left_claim, right_claim], clusters=[[left_claim, right_claim]])
    return run(_vectors(clustered, left_claim, right_claim, cosine))


def test_one_noun_counted_under_two_verbs_for_one_act_is_one_count():
    # "shut" and "close" share a sense in WordNet: one act, one noun counted, two values
    findings = _branches()
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "70" in findings[0].message and "45" in findings[0].message


def test_one_noun_counted_under_two_acts_is_two_counts():
    # "sell 70 branches" / "close 45 branches": WordNet does not make selling closing
    assert _branches("sell", "close") == []


def test_one_noun_counted_under_one_act_in_sentences_that_mean_apart_does_not_meet():
    assert _branches(cosine=0.3) == []


def test_one_act_counted_alike_still_parts_a_plan_from_the_act_done():
    assert _branches(left={"mood": "foreseen"}, right={"mood": "done"}) == []


def test_one_act_counted_alike_still_parts_two_holders():
    assert _branches(left={"holder": "Tervo Bank"}, right={"holder": "Aldmark Savings"}) == []


def test_a_side_counting_the_noun_twice_leaves_which_is_whose_open():
    assert _branches(right_more=" It has 210 branches.") == []


def test_the_part_of_a_partitive_whose_whole_is_given_is_the_acts_count():
    # "will close 45 of its 210 branches": the act befell the 45, counted out of the whole; the 210 is what the bank
    # has, no second count of what was closed, so the 45 meets the other source's "shut 70 branches".
    findings = _branches(right_more=" of its 210 branches.", more_whole=True)
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "45" in findings[0].message and "210" not in findings[0].message


def test_the_whole_of_a_partitive_meets_no_count_of_what_an_act_befell():
    from factcheck.checks.numeric_conflict import the_whole_against_an_act

    doc = document("a", "It will close 45 of its 210 branches. It has 300 branches and will shut 70 branches.")
    whole = Quantity(span=span(doc, "210"), value=210, unit="count", measure="branches", whole=True)
    closed = Quantity(span=span(doc, "70"), value=70, unit="count", measure="branches", head="shut")
    has = Quantity(span=span(doc, "300"), value=300, unit="count", measure="branches", head="have")
    assert the_whole_against_an_act(whole, closed) and the_whole_against_an_act(closed, whole)
    # what there is, told as a whole or by "has", is the whole's to meet
    assert not the_whole_against_an_act(whole, has) and not the_whole_against_an_act(whole, whole)


_QUAKE_PAST = "The valley was last hit by a strong quake in 1958, when about 400 people died."
_QUAKE_NOW = "Rescuers in the valley said on Tuesday the earthquake had killed 52 people."


def _tolls(published=None, as_of_year=True):
    # One noun, acts WordNet relates (die / kill): one sentence tells a past quake's toll, dated by its year.
    a = document("a", _QUAKE_PAST, published)
    b = document("b", _QUAKE_NOW, published)
    year = time(a, "1958", "1958", "year")
    left_q = Quantity(
        span=span(a, "about 400"),
        value=400,
        unit="count",
        comparator="approx",
        low=350,
        high=450,
        measure="people",
        head="die",
        as_of=year if as_of_year else None,
    )
    right_q = Quantity(span=span(b, "52"), value=52, unit="count", measure="people", head="kill")
    left = claim(a, a.text, quantities=(left_q,), times=(year,))
    right = claim(b, b.text, quantities=(right_q,))
    return run(_vectors(corpus([a, b], [left, right], clusters=[[left, right]]), left, right, 0.5))


def test_a_figure_dated_to_a_past_year_is_not_the_news_told_in_other_words():
    # "in 1958, when about 400 people died" / "had killed 52 people": the past quake's toll, not the news's
    assert _tolls() == []
    assert _tolls(date(2031, 5, 6)) == []


def test_an_undated_toll_told_in_other_words_meets_the_other():
    # the same two sentences with the year taken off the figure: one noun, one act, two values
    assert [f.severity for f in _tolls(as_of_year=False)] == [Severity.WARNING]


def test_a_noun_the_plural_leaves_as_it_is_is_still_counted():
    # "30 aircraft": no article before the figure, so a count, not one thing's measure ("a 30-seat aircraft")
    a = document("a", "The carrier has grounded 30 aircraft.")
    b = document(
        "b", "Under the new safety order, inspectors in the port city said the airline had grounded 20 aircraft."
    )
    left_q = Quantity(span=span(a, "30"), value=30, unit="count", measure="aircraft", head="ground")
    right_q = Quantity(span=span(b, "20"), value=20, unit="count", measure="aircraft", head="ground")
    left, right = claim(a, a.text, quantities=(left_q,)), claim(b, b.text, quantities=(right_q,))
    findings = run(_vectors(corpus([a, b], [left, right], clusters=[[left, right]]), left, right, 0.5))
    assert [f.severity for f in findings] == [Severity.WARNING]


def _counted_alike(left_text, right_text, left_figure, right_figure, values, noun="people", heads=("kill", "kill")):
    """Two made-up sentences of one cluster, one count each of one noun under the heads given, vectors at 0.5."""
    a, b = document("a", left_text), document("b", right_text)
    left_q = Quantity(span=span(a, left_figure), value=values[0], unit="count", measure=noun, head=heads[0])
    right_q = Quantity(span=span(b, right_figure), value=values[1], unit="count", measure=noun, head=heads[1])
    left, right = claim(a, a.text, quantities=(left_q,)), claim(b, b.text, quantities=(right_q,))
    return run(_vectors(corpus([a, b], [left, right], clusters=[[left, right]]), left, right, 0.5))


def test_small_counts_told_in_other_words_are_not_pinned_by_their_noun_and_act():
    # a whole number under ten recurs in one story for many facts: two injured in one town, five across the island
    left = "The tremor shook the coast at dawn, injuring five people."
    right = "In the hill town outside the port the quake injured two people."
    assert _counted_alike(left, right, "five", "two", (5, 2), heads=("injure", "injure")) == []
    # the same sentences with counts of ten and more meet
    left, right = left.replace("five", "15"), right.replace("two", "12")
    findings = _counted_alike(left, right, "15", "12", (15, 12), heads=("injure", "injure"))
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_two_counts_each_told_as_its_source_s_are_two_reports():
    left = "The regional governor told reporters the storm had killed 40 people."
    right = "According to the state news agency, floods in the delta killed 25 people."
    assert _counted_alike(left, right, "40", "25", (40, 25)) == []
    # one side told as a report, the other not: one count in other words
    findings = _counted_alike(left, "Floods in the delta killed 25 people.", "40", "25", (40, 25))
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_count_hung_on_a_noun_the_sentence_counts_is_no_act():
    # "13 homers and 42 runs": the parse hangs the second item of a list on the first, a noun, not an act
    left = "He ended the season with 13 homers and 42 runs in 50 games."
    right = "Over the whole year the slugger homered often and scored 110 runs."
    a, b = document("a", left), document("b", right)
    homers = Quantity(span=span(a, "13"), value=13, unit="count", measure="homers", head="end")
    runs = Quantity(span=span(a, "42"), value=42, unit="count", measure="runs", head="homer")
    other = Quantity(span=span(b, "110"), value=110, unit="count", measure="runs", head="homer")
    left_claim, right_claim = claim(a, a.text, quantities=(homers, runs)), claim(b, b.text, quantities=(other,))
    corp = corpus([a, b], [left_claim, right_claim], clusters=[[left_claim, right_claim]])
    assert run(_vectors(corp, left_claim, right_claim, 0.5)) == []


def test_counts_ten_times_apart_told_in_other_words_are_not_compared():
    # "It killed 612 people" (an earlier quake the sentence before names) / "10 people were killed": another event's
    # toll, which the words-in-common rules would give a note at most; pinned by noun and act only, nothing is said
    left = "Officials on the island said the disaster had killed 12 people."
    right = "Rescuers in the valley found that the landslide killed 150 people."
    assert _counted_alike(left, right, "12", "150", (12, 150)) == []
    findings = _counted_alike(left, right.replace("150", "15"), "12", "15", (12, 15))
    assert [f.severity for f in findings] == [Severity.WARNING]


# -- session 35: "others" standing for the counted noun, and the rest of a count told beside a kind ----------------
_HURT_TOLD = "Officials said 140 people had been hurt in the blast."
_HURT_OTHERS = "The explosion at the depot, which shook the harbour at dawn, killed two and hurt 90 others."


def _hurt_others(right_part=False):
    # The two sentences share no word but the act: "others" stands for the people the other sentence counts.
    a, b = document("a", _HURT_TOLD), document("b", _HURT_OTHERS)
    left_q = Quantity(span=span(a, "140"), value=140, unit="count", measure="people", head="hurt", mood="done")
    right_q = Quantity(
        span=span(b, "90"), value=90, unit="count", measure="others", head="hurt", mood="done", part=right_part
    )
    left, right = claim(a, a.text, quantities=(left_q,)), claim(b, b.text, quantities=(right_q,))
    clustered = corpus([a, b], [left, right], clusters=[[left, right]])
    return run(_vectors(clustered, left, right, 0.5))


def test_others_counted_under_one_act_meet_the_other_sources_count_of_its_noun():
    # "140 people had been hurt" / "hurt 90 others": all whom the act befell, told by a word standing for the noun
    findings = _hurt_others()
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "140" in findings[0].message and "90" in findings[0].message


def test_others_that_are_the_rest_of_a_count_are_a_part():
    # "killed 3 soldiers and 90 others": the rest of those the act befell (extraction's ``part``), not all of them
    assert _hurt_others(right_part=True) == []


def test_a_kind_counted_beside_the_rest_is_not_the_whole_toll():
    # "killed 3 soldiers and 10 others" / "killed 13 people": the soldiers are some of the people killed. The same
    # noun still meets: the 3 are all the soldiers.
    def toll(noun):
        a = document("a", "A car bomb killed 3 soldiers and 10 others at the market in Varn on Monday.")
        b = document("b", f"A car bomb killed 13 {noun} at the market in Varn on Monday.")
        left = claim(
            a,
            a.text,
            quantities=(
                Quantity(span=span(a, "3"), value=3, unit="count", measure="soldiers", head="kill", mood="done"),
                Quantity(span=span(a, "10"), value=10, unit="count", measure="others", head="soldier", part=True),
            ),
        )
        right = claim(
            b, b.text, quantities=(Quantity(span=span(b, "13"), value=13, unit="count", measure=noun, head="kill"),)
        )
        return run(_vectors(corpus([a, b], [left, right]), left, right, 0.9))

    assert toll("people") == []
    assert [f.severity for f in toll("soldiers")] == [Severity.WARNING]


_PAID = "The council paid $40 million for the old dock site last year."
_PAID_AGAIN = "Harbor officials said the town had paid 25 million dollars, a record for the port{}."


def _paid(right_verb="paid", right_head="pay", more=""):
    # A sum's counted noun is its currency: one sum each, paid by one act, however little else the sentences share.
    a, b = document("a", _PAID), document("b", _PAID_AGAIN.format(more).replace("paid", right_verb))
    left_q = Quantity(span=span(a, "$40 million"), value=4e7, unit="money:USD", head="pay", mood="done")
    quantities = [
        Quantity(span=span(b, "25 million dollars"), value=2.5e7, unit="money:USD", head=right_head, mood="done")
    ]
    if more:
        quantities.append(Quantity(span=span(b, "$3 million"), value=3e6, unit="money:USD", head="record"))
    left, right = claim(a, a.text, quantities=(left_q,)), claim(b, b.text, quantities=tuple(quantities))
    clustered = corpus([a, b], [left, right], clusters=[[left, right]])
    return run(_vectors(clustered, left, right, 0.5))


def test_one_sum_paid_by_one_act_is_one_sum_however_else_the_sentences_differ():
    findings = _paid()
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "$40 million" in findings[0].message and "25 million dollars" in findings[0].message


def test_sums_of_two_acts_or_of_a_side_giving_two_sums_do_not_meet():
    assert _paid(right_verb="lent", right_head="lend") == []  # WordNet does not make lending paying
    assert _paid(more=" after $3 million of fees") == []  # which sum is the payment is left to the words around
