"""FC004 attribution-conflict: one person, two affiliations or titles."""

from __future__ import annotations

from datetime import date

from _claimkit import Actor, claim, corpus, document, span

from factcheck.checks.attribution_conflict import AttributionConflictCheck, affiliations_agree, titles_conflict
from factcheck.checks.base import CheckContext
from factcheck.model import Severity


def run(corp):
    return list(AttributionConflictCheck().run(corp, CheckContext()))


def person(doc, name, title=None, affiliation=None, role=None, after=0):
    return Actor(span=span(doc, name, after), name=name, label="PERSON", title=title, affiliation=affiliation,
                 role_span=span(doc, role, after) if role else None)


TEXT = ("Analyst Dr. Ruth Okoye from the Harbour Policy Forum spoke first. "
        "Later Okoye, a senior fellow at the Delta Trade Institute, added a caveat.")


def test_two_affiliations_in_one_document():
    doc = document("a", TEXT)
    first = claim(doc, "Analyst Dr. Ruth Okoye from the Harbour Policy Forum spoke first.",
                  actors=(person(doc, "Dr. Ruth Okoye", "Dr.", "the Harbour Policy Forum", "from the Harbour Policy Forum"),))
    second = claim(doc, "Later Okoye, a senior fellow at the Delta Trade Institute, added a caveat.",
                   actors=(person(doc, "Okoye", "senior fellow", "the Delta Trade Institute",
                                  "a senior fellow at the Delta Trade Institute", after=40),))
    findings = run(corpus([doc], [first, second]))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == Severity.WARNING
    assert "Harbour Policy Forum" in finding.message and "Delta Trade Institute" in finding.message
    assert "Dr." not in finding.data["values"]


def test_same_affiliation_different_wording_is_quiet():
    a = document("a", "Ruth Okoye of the Harbour Policy Forum spoke.")
    b = document("b", "Dr. Ruth Okoye (HPF) spoke again.")
    left = claim(a, a.text, actors=(person(a, "Ruth Okoye", None, "the Harbour Policy Forum"),))
    right = claim(b, b.text, actors=(person(b, "Dr. Ruth Okoye", "Dr.", "HPF"),))
    assert run(corpus([a, b], [left, right])) == []


def test_rank_abbreviation_is_not_a_conflict_but_a_different_rank_is():
    a = document("a", "Col. Sam Ito commands the wing.")
    b = document("b", "Colonel Sam Ito spoke.")
    c = document("c", "Gen. Sam Ito spoke.")
    one = claim(a, a.text, actors=(person(a, "Col. Sam Ito", "Col."),))
    two = claim(b, b.text, actors=(person(b, "Colonel Sam Ito", "Colonel"),))
    assert run(corpus([a, b], [one, two])) == []
    three = claim(c, c.text, actors=(person(c, "Gen. Sam Ito", "Gen."),))
    findings = run(corpus([a, c], [one, three]))
    assert len(findings) == 1 and "title" in findings[0].message


def test_years_apart_is_info_with_dates():
    a = document("a", "Col. Sam Ito commands the wing.", published=date(2015, 1, 1))
    c = document("c", "Gen. Sam Ito spoke.", published=date(2022, 6, 1))
    one = claim(a, a.text, actors=(person(a, "Col. Sam Ito", "Col."),))
    three = claim(c, c.text, actors=(person(c, "Gen. Sam Ito", "Gen."),))
    findings = run(corpus([a, c], [one, three]))
    assert [f.severity for f in findings] == [Severity.INFO]
    assert "2015-01-01" in findings[0].message and "2022-06-01" in findings[0].message


def test_different_people_same_surname_are_quiet():
    a = document("a", "Ruth Okoye of the Harbour Policy Forum spoke.")
    b = document("b", "Daniel Okoye of the Delta Trade Institute spoke.")
    left = claim(a, a.text, actors=(person(a, "Ruth Okoye", None, "the Harbour Policy Forum"),))
    right = claim(b, b.text, actors=(person(b, "Daniel Okoye", None, "the Delta Trade Institute"),))
    assert run(corpus([a, b], [left, right])) == []


def test_helpers():
    assert affiliations_agree("center for strategic and international studies", "csis")
    assert not titles_conflict("Professor", "senior fellow")
    assert not titles_conflict("Lt. Gen.", "Lieutenant General")
    assert titles_conflict("Prime Minister", "Foreign Minister")
    assert titles_conflict("President", "Prime Minister")


# -- through the real load, extract and cluster stages ------------------------------------
def _quotes(second_affiliation: str) -> str:
    return ("\"The plan is sound,\" noted Dr. Ruth Okoye from the Harbour Policy Forum.\n\n"
            f"\"Costs will rise,\" warned Dr. Ruth Okoye, a senior fellow at the {second_affiliation}.\n")


def test_fixture_two_affiliations(make_corpus):
    corp = make_corpus({"a": _quotes("Delta Trade Institute")}, checks=[AttributionConflictCheck])
    assert len(corp.findings) == 1
    assert "Harbour Policy Forum" in corp.findings[0].message and "Delta Trade Institute" in corp.findings[0].message


def test_fixture_same_affiliation(make_corpus):
    corp = make_corpus({"a": _quotes("Harbour Policy Forum")}, checks=[AttributionConflictCheck])
    assert corp.findings == ()


# -- false alarms on real prose stay quiet (issue 3) ---------------------------------------
def test_paraphrased_office_across_sources_is_info_at_most():
    a = document("a", "Norland finance minister Sam Ito spoke.")
    b = document("b", "Chancellor Sam Ito spoke.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "finance minister"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "Chancellor"),))
    findings = run(corpus([a, b], [left, right]))
    assert [f.severity for f in findings] == [Severity.INFO]


def test_paraphrased_office_in_one_document_is_quiet():
    doc = document("a", "Finance minister Sam Ito spoke. Later Chancellor Sam Ito left.")
    first = claim(doc, "Finance minister Sam Ito spoke.", actors=(person(doc, "Sam Ito", "Finance minister"),))
    second = claim(doc, "Later Chancellor Sam Ito left.", actors=(person(doc, "Sam Ito", "Chancellor", after=20),))
    assert run(corpus([doc], [first, second])) == []


def test_role_running_into_an_honorific_is_dropped():
    doc = document("a", "Ruth Okoye, Delta Gas Corporation chairman, spoke. Then Delta's Mr Ruth Okoye left.")
    first = claim(doc, "Ruth Okoye, Delta Gas Corporation chairman, spoke.",
                  actors=(person(doc, "Ruth Okoye", None, "Delta Gas Corporation chairman"),))
    second = claim(doc, "Then Delta's Mr Ruth Okoye left.",
                   actors=(person(doc, "Ruth Okoye", "chief executive. Mr", "Delta's Mr", after=30),))
    assert run(corpus([doc], [first, second])) == []


def test_role_span_running_into_an_honorific_is_dropped():
    doc = document("a", "Ruth Okoye, Delta Gas Corporation chairman, spoke. Then ODGC's Mr Ruth Okoye left.")
    first = claim(doc, "Ruth Okoye, Delta Gas Corporation chairman, spoke.",
                  actors=(person(doc, "Ruth Okoye", None, "Delta Gas Corporation chairman"),))
    second = claim(doc, "Then ODGC's Mr Ruth Okoye left.",
                   actors=(person(doc, "Ruth Okoye", None, "ODGC", "ODGC's Mr", after=30),))
    assert run(corpus([doc], [first, second])) == []


def test_truncated_organisation_name_agrees_with_its_acronym():
    assert affiliations_agree("natural gas corporation chairman", "ongc")
    assert not affiliations_agree("harbour policy forum", "dtif")
