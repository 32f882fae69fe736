"""Corroboration: a per-document summary (corroborate stage), and FC005 as one opt-in finding per document."""

from __future__ import annotations

from _claimkit import Actor, Event, Quantity, Quote, claim, corpus, document, span, time

from factcheck.checks.base import CheckContext
from factcheck.checks.uncorroborated import UncorroboratedCheck
from factcheck.model import SameFactPair, Severity
from factcheck.stages.check import registered_checks
from factcheck.stages.corroborate import corroboration


def setup(similarity: float = 0.9):
    a = document(
        "a",
        'Norland opened the dam in 2012. The dam holds 40 tonnes of fish. "It will feed the valley," Kim Berg said.',
    )
    b = document("b", "The dam was opened by Norland in 2012.")
    c = document("c", "Tulips bloom in spring.")
    opened_a = claim(
        a,
        "Norland opened the dam in 2012.",
        times=(time(a, "2012", "2012", "year"),),
        event=Event(actor="norland", action="open", object="dam"),
        kinds=("dated-event",),
        actors=(Actor(span=span(a, "Norland"), name="Norland", label="GPE"),),
    )
    fish = claim(
        a,
        "The dam holds 40 tonnes of fish.",
        kinds=("quantity",),
        quantities=(Quantity(span=span(a, "40 tonnes"), value=40, unit="tonne", measure="fish"),),
    )
    quote = claim(
        a,
        '"It will feed the valley," Kim Berg said.',
        kinds=("quote",),
        quote=Quote(span=span(a, "It will feed the valley,"), speaker="Kim Berg"),
    )
    opened_b = claim(
        b,
        b.text,
        times=(time(b, "2012", "2012", "year"),),
        event=Event(actor="norland", action="open", object="dam"),
        kinds=("dated-event",),
    )
    tulips = claim(c, c.text, kinds=("dated-event",), times=(time(c, "spring", None, "season"),))
    built = corpus([a, b, c], [opened_a, fish, quote, opened_b, tulips], clusters=[[opened_a, opened_b]])
    return built.evolve(same_fact=(SameFactPair(left=opened_a.id, right=opened_b.id, similarity=similarity),))


def test_each_document_gets_counts_and_its_single_source_claims_most_important_first():
    built = setup()
    records = {record.doc: record for record in corroboration(built)}
    assert (records["a"].corroborated, records["a"].single_source) == (1, 2)
    # The quote before the figure, though the figure comes first in the text.
    assert [built.claim(cid).text[:12] for cid in records["a"].single_source_claims] == ['"It will fee', "The dam hold"]
    assert records["a"].single_source_kinds == ("quote", "quantity")
    assert (records["b"].corroborated, records["b"].single_source) == (1, 0)
    # c shares no cluster with anyone: its claim could not have been corroborated.
    assert (records["c"].corroborated, records["c"].single_source) == (0, 0)


def test_a_loose_candidate_pair_is_no_corroboration():
    records = {record.doc: record for record in corroboration(setup(similarity=0.45))}
    assert records["a"].corroborated == 0 and records["b"].corroborated == 0


def test_a_single_document_run_has_no_summary():
    a = document("a", "The dam holds 40 tonnes of fish.")
    fish = claim(
        a,
        a.text,
        kinds=("quantity",),
        quantities=(Quantity(span=span(a, "40 tonnes"), value=40, unit="tonne", measure="fish"),),
    )
    assert corroboration(corpus([a], [fish])) == ()


def test_check_is_opt_in_and_gives_one_finding_per_document():
    assert registered_checks()["uncorroborated"].default_enabled is False
    built = setup()
    built = built.evolve(corroboration=corroboration(built))
    findings = list(UncorroboratedCheck().run(built, CheckContext()))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == Severity.INFO and finding.data["doc"] == "a"
    assert finding.message.startswith("2 of 3 quotes, figures and dated events in a rest on this source alone")
    assert [evidence.text for evidence in finding.evidence] == [
        "It will feed the valley,",
        "The dam holds 40 tonnes of fish.",
    ]


# -- through the real load, extract and cluster stages ------------------------------------
def test_fixture_summary_in_the_default_run(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland founded its coast guard in 1998, officials said. "
            '"We patrol every night," Norland\'s navy chief Tomas Berg said.\n',
            "b": "Norland founded its coast guard in 1998, officials said.\n",
        }
    )
    assert corp.findings == ()
    records = {record.doc: record for record in corp.corroboration}
    assert (records["a"].corroborated, records["a"].single_source) == (1, 1)
    assert (records["b"].corroborated, records["b"].single_source) == (1, 0)
    single = corp.claim(records["a"].single_source_claims[0])
    assert "We patrol every night" in single.text


def test_fixture_opt_in_finding(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland founded its coast guard in 1998, officials said. "
            '"We patrol every night," Norland\'s navy chief Tomas Berg said.\n',
            "b": "Norland founded its coast guard in 1998, officials said.\n",
        },
        checks=[UncorroboratedCheck],
    )
    assert len(corp.findings) == 1 and "We patrol every night" in corp.findings[0].message
