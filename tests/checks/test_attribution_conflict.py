"""FC004 attribution-conflict: one person, two affiliations or titles."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from _claimkit import Actor, claim, corpus, document, span

from factcheck.checks.attribution_conflict import AttributionConflictCheck, _in_command, _whose_beside_which
from factcheck.checks.base import CheckContext
from factcheck.model import Severity
from factcheck.nlp.affiliations import affiliations_agree, normalise_affiliation
from factcheck.nlp.mentions import collect_mentions
from factcheck.nlp.titles import (
    exclusive_offices,
    names_any_office,
    names_in_title,
    office_of_the_profession,
    one_role,
    posts_of_one_field,
    profession_and_office,
    title_conflict_kind,
    titles_conflict,
)


def run(corp):
    return list(AttributionConflictCheck().run(corp, CheckContext()))


def person(doc, name, title=None, affiliation=None, role=None, after=0, further=()):
    """A person mention; ``further`` are its further titles (``Actor.further_titles``), each where ``doc`` writes it."""
    return Actor(
        span=span(doc, name, after),
        name=name,
        label="PERSON",
        title=title,
        affiliation=affiliation,
        role_span=span(doc, role, after) if role else None,
        further_titles=tuple(span(doc, written) for written in further),
    )


TEXT = (
    "Analyst Dr. Ruth Okoye from the Harbour Policy Forum spoke first. "
    "Later Okoye, a senior fellow at the Delta Trade Institute, added a caveat."
)


def test_two_affiliations_in_one_document():
    doc = document("a", TEXT)
    first = claim(
        doc,
        "Analyst Dr. Ruth Okoye from the Harbour Policy Forum spoke first.",
        actors=(person(doc, "Dr. Ruth Okoye", "Dr.", "the Harbour Policy Forum", "from the Harbour Policy Forum"),),
    )
    second = claim(
        doc,
        "Later Okoye, a senior fellow at the Delta Trade Institute, added a caveat.",
        actors=(
            person(
                doc,
                "Okoye",
                "senior fellow",
                "the Delta Trade Institute",
                "a senior fellow at the Delta Trade Institute",
                after=40,
            ),
        ),
    )
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


def test_affiliations_given_with_two_different_roles_are_two_relations():
    # "City Councilman" and "a frequent Transit Authority critic": the organisations go with two roles.
    a = document("a", "City Councilman Lee Park spoke.")
    b = document("b", "Lee Park, a frequent Transit Authority critic, spoke.")
    left = claim(a, a.text, actors=(person(a, "Lee Park", "Councilman", "City", "City Councilman"),))
    right = claim(
        b,
        b.text,
        actors=(person(b, "Lee Park", "critic", "Transit Authority", "a frequent Transit Authority critic"),),
    )
    assert run(corpus([a, b], [left, right])) == []
    # The same post at two organisations is a conflict.
    c = document("c", "Lee Park, a councilman for the Harbour District Council, spoke.")
    other = claim(
        c,
        c.text,
        actors=(
            person(
                c,
                "Lee Park",
                "councilman",
                "the Harbour District Council",
                "a councilman for the Harbour District Council",
            ),
        ),
    )
    d = document("d", "Lee Park, a councilman for the Delta Valley Council, spoke.")
    fourth = claim(
        d,
        d.text,
        actors=(
            person(
                d, "Lee Park", "councilman", "the Delta Valley Council", "a councilman for the Delta Valley Council"
            ),
        ),
    )
    findings = run(corpus([c, d], [other, fourth]))
    assert [f.data["kind"] for f in findings] == ["affiliation"]


def test_an_affiliation_that_came_with_no_title_is_dropped():
    # The parse took "an eight-year contract at the Winter Fair" for a title: its "at" names a place, not an employer.
    a = document("a", "Sam Ito of the Harbour Rowing Club spoke.")
    b = document("b", "The Delta Rowing Club offered Sam Ito an eight-year contract at the Winter Fair.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", None, "the Harbour Rowing Club"),))
    right = claim(
        b,
        b.text,
        actors=(
            person(b, "Sam Ito", "eight-year contract", "the Winter Fair", "eight-year contract at the Winter Fair"),
        ),
    )
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
    assert not titles_conflict("Lt. Gen.", "Lieutenant General")
    assert not titles_conflict("CEO", "chief executive officer")
    assert not titles_conflict("coach", "head coach")
    assert title_conflict_kind("Prime Minister", "Foreign Minister") == "modifier"
    assert title_conflict_kind("CEO", "CFO") == "modifier"  # issue 15: never compared before
    assert title_conflict_kind("Col.", "Gen.") == "rank"
    # Open-class: any two role nouns meet, no list of offices ("coach" / "general manager").
    assert title_conflict_kind("coach", "general manager") == "role"
    assert title_conflict_kind("Professor", "senior fellow") == "role"
    # Nouns for whoever leads name one post: "the agency's head" / "the agency's chief".
    assert title_conflict_kind("agency head", "agency chief") is None


def test_a_post_and_its_second_are_two_posts():
    # "vice", "deputy", "assistant", "lieutenant", "under-" make the deputy's post: never one person's at once.
    assert title_conflict_kind("President", "Vice President") == "modifier"
    assert title_conflict_kind("vice-president", "president") == "modifier"
    assert title_conflict_kind("police chief", "deputy police chief") == "modifier"
    assert title_conflict_kind("governor", "lieutenant governor") == "modifier"
    assert title_conflict_kind("sheriff", "undersheriff") == "modifier"
    assert title_conflict_kind("head coach", "assistant coach") == "modifier"
    # Still one post: a qualifier that is no second's ("acting", "associate" professor, "sheriff's deputy").
    assert title_conflict_kind("director", "acting director") is None
    assert title_conflict_kind("professor", "associate professor") is None
    assert title_conflict_kind("deputy", "sheriff deputy") is None


def test_one_post_named_with_two_words_of_one_sense_is_one_post():
    # The words two posts of one head differ by are synonyms or one word's derived form to WordNet: one post.
    assert title_conflict_kind("oil minister", "petroleum minister") is None
    assert title_conflict_kind("interior minister", "home minister") is None
    assert title_conflict_kind("hip-hop star", "rap star") is None
    # Other words name other posts, opposites too.
    assert title_conflict_kind("foreign minister", "home minister") == "modifier"
    assert title_conflict_kind("offensive coordinator", "defensive coordinator") == "modifier"
    assert title_conflict_kind("chief operating officer", "chief executive officer") == "modifier"
    assert title_conflict_kind("education secretary", "health secretary") == "modifier"


def test_ranks_compare_as_ranks_and_a_short_form_agrees():
    assert title_conflict_kind("Capt.", "Lt.") == "rank"
    assert title_conflict_kind("Major General", "Brigadier General") == "rank"
    # The short form of a rank agrees with any longer form of it; a unit or stray word before it is no rank.
    assert title_conflict_kind("Gen.", "Brigadier General") is None
    assert title_conflict_kind("Lt. Col.", "Col.") is None
    assert title_conflict_kind("Division General", "Brigadier General") is None


# -- through the real load, extract and cluster stages ------------------------------------
def _quotes(second_affiliation: str) -> str:
    return (
        '"The plan is sound," noted Dr. Ruth Okoye from the Harbour Policy Forum.\n\n'
        f'"Costs will rise," warned Dr. Ruth Okoye, a senior fellow at the {second_affiliation}.\n'
    )


def test_fixture_two_affiliations(make_corpus):
    corp = make_corpus({"a": _quotes("Delta Trade Institute")}, checks=[AttributionConflictCheck])
    assert len(corp.findings) == 1
    assert "Harbour Policy Forum" in corp.findings[0].message and "Delta Trade Institute" in corp.findings[0].message


def test_fixture_same_affiliation(make_corpus):
    corp = make_corpus({"a": _quotes("Harbour Policy Forum")}, checks=[AttributionConflictCheck])
    assert corp.findings == ()


# -- false alarms on real prose stay quiet (issue 3) ---------------------------------------
def test_two_role_nouns_in_unrelated_sentences_are_descriptions_that_coexist():
    # Issue 15: "actress" / "star" / "singer" for one person in three outlets were 2 false alarms
    # per clean news group; another role noun alone is no conflict.
    texts = {
        "a": "Actress Mara Vell arrived at the clinic on Monday.",
        "b": "The star Mara Vell thanked her fans in a long letter.",
        "c": "Singer Mara Vell will release an album next spring.",
    }
    docs = [document(doc_id, text) for doc_id, text in texts.items()]
    titles = {"a": "Actress", "b": "star", "c": "Singer"}
    claims = [claim(d, d.text, actors=(person(d, "Mara Vell", titles[d.id]),)) for d in docs]
    assert run(corpus(docs, claims)) == []


def test_same_fact_with_another_role_noun_is_a_warning():
    # The same statement about the person, told by two sources, with the role noun alone differing.
    a = document("a", "Prosecutor Sam Ito told the jury the rifle was never recovered from the river.")
    b = document("b", "Defense attorney Sam Ito told the jury the rifle was never recovered from the river.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "Prosecutor"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "Defense attorney"),))
    findings = run(corpus([a, b], [left, right]))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert findings[0].data["values"] == ["defense attorney", "prosecutor"]
    assert "same fact" in findings[0].message


def test_what_a_person_won_sits_beside_what_they_do():
    # A prize winner, a laureate, a medallist: WordNet's winner or recipient, marked by what happened, not a job.
    a = document("a", "Novelist Mara Vell won the Harbour Book Award on Tuesday for her fourth book.")
    b = document("b", "Lantern Prize winner Mara Vell won the Harbour Book Award on Tuesday for her fourth book.")
    left = claim(a, a.text, actors=(person(a, "Mara Vell", "Novelist"),))
    right = claim(b, b.text, actors=(person(b, "Mara Vell", "Lantern Prize winner"),))
    assert run(corpus([a, b], [left, right])) == []
    c = document("c", "Judge Mara Vell won the Harbour Book Award on Tuesday for her fourth book.")
    d = document("d", "Prosecutor Mara Vell won the Harbour Book Award on Tuesday for her fourth book.")
    judge = claim(c, c.text, actors=(person(c, "Mara Vell", "Judge"),))
    prosecutor = claim(d, d.text, actors=(person(d, "Mara Vell", "Prosecutor"),))
    assert run(corpus([b, c], [right, judge])) == []
    assert [f.severity for f in run(corpus([c, d], [judge, prosecutor]))] == [Severity.WARNING]


def test_an_organisation_with_its_founders_possessive_is_the_organisation():
    a = document("a", "Sales will slow, said Sam Ito, president of Ito's Harbor Consulting Group.")
    b = document("b", "Sales will slow, said Sam Ito, president of industry forecaster Harbor Consulting Group.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "president", "Ito's Harbor Consulting Group"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "president", "industry forecaster Harbor Consulting Group"),))
    assert run(corpus([a, b], [left, right])) == []
    # Another owner's possessive is another organisation.
    c = document("c", "Sales will slow, said Sam Ito, president of Vell's Consulting Group.")
    other = claim(c, c.text, actors=(person(c, "Sam Ito", "president", "Vell's Consulting Group"),))
    assert [f.severity for f in run(corpus([b, c], [right, other]))] == [Severity.WARNING]


def test_two_posts_of_one_kind_conflict_in_unrelated_sentences():
    a = document("a", "Norcorp CEO Sam Ito opened the new plant.")
    b = document("b", "Shares fell after CFO Sam Ito spoke to analysts.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "CEO"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "CFO"),))
    assert [f.severity for f in run(corpus([a, b], [left, right]))] == [Severity.WARNING]


def test_cfo_for_ceo_across_sources_is_a_warning():
    a = document("a", "Norcorp CEO Sam Ito spoke.")
    b = document("b", "Norcorp CFO Sam Ito spoke.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "CEO"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "CFO"),))
    findings = run(corpus([a, b], [left, right]))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert findings[0].data["values"] == ["chief executive officer", "chief financial officer"]


def test_one_finding_per_person_with_every_source_as_evidence():
    # Issue 19: one finding per person and conflict, not one per pair of mentions.
    docs = [document(f"d{i}", f"Head coach Sam Ito spoke on day {i}.") for i in range(6)]
    odd = document("odd", "Assistant coach Sam Ito spoke.")
    claims = [claim(d, d.text, actors=(person(d, "Sam Ito", "Head coach"),)) for d in docs]
    claims.append(claim(odd, odd.text, actors=(person(odd, "Sam Ito", "Assistant coach"),)))
    findings = run(corpus([*docs, odd], claims))
    assert len(findings) == 1
    assert {span.doc for span in findings[0].evidence} == {"odd", *(d.id for d in docs)}


def test_paraphrased_office_in_one_document_is_quiet():
    doc = document("a", "Finance minister Sam Ito spoke. Later Chancellor Sam Ito left.")
    first = claim(doc, "Finance minister Sam Ito spoke.", actors=(person(doc, "Sam Ito", "Finance minister"),))
    second = claim(doc, "Later Chancellor Sam Ito left.", actors=(person(doc, "Sam Ito", "Chancellor", after=20),))
    assert run(corpus([doc], [first, second])) == []


def test_role_running_into_an_honorific_is_dropped():
    doc = document("a", "Ruth Okoye, Delta Gas Corporation chairman, spoke. Then Delta's Mr Ruth Okoye left.")
    first = claim(
        doc,
        "Ruth Okoye, Delta Gas Corporation chairman, spoke.",
        actors=(person(doc, "Ruth Okoye", None, "Delta Gas Corporation chairman"),),
    )
    second = claim(
        doc,
        "Then Delta's Mr Ruth Okoye left.",
        actors=(person(doc, "Ruth Okoye", "chief executive. Mr", "Delta's Mr", after=30),),
    )
    assert run(corpus([doc], [first, second])) == []


def test_role_span_running_into_an_honorific_is_dropped():
    doc = document("a", "Ruth Okoye, Delta Gas Corporation chairman, spoke. Then ODGC's Mr Ruth Okoye left.")
    first = claim(
        doc,
        "Ruth Okoye, Delta Gas Corporation chairman, spoke.",
        actors=(person(doc, "Ruth Okoye", None, "Delta Gas Corporation chairman"),),
    )
    second = claim(
        doc, "Then ODGC's Mr Ruth Okoye left.", actors=(person(doc, "Ruth Okoye", None, "ODGC", "ODGC's Mr", after=30),)
    )
    assert run(corpus([doc], [first, second])) == []


def test_truncated_organisation_name_agrees_with_its_acronym():
    assert affiliations_agree("natural gas corporation chairman", "ongc")
    assert not affiliations_agree("harbour policy forum", "dtif")


def test_many_documents_naming_one_person_stay_near_linear():
    # Issue 19: 2,000 one-sentence documents naming one surname gave 337k findings in 305 s.
    docs, claims = [], []
    for i in range(2000):
        title = "Head coach" if i % 2 else "Assistant coach"
        doc = document(f"d{i:04d}", f"{title} Sam Ito spoke on day {i}.")
        docs.append(doc)
        claims.append(claim(doc, doc.text, actors=(person(doc, "Sam Ito", title),)))
    check = AttributionConflictCheck()
    findings = list(check.run(corpus(docs, claims), CheckContext()))
    assert len(findings) == 1
    assert check.candidate_pairs == 1  # two distinct values compared once, not 2,000 x 2,000 mentions
    assert len(findings[0].evidence) <= 12


def test_a_role_noun_the_other_sentence_also_has_is_one_role_read_two_ways():
    # "County Deputy" read as the title "County" in one text, "Deputy" in the other: both sentences
    # say "county" and "deputy", so the role noun is not what differs.
    a = document("a", "Deputy Sam Ito of the county was shot outside the station on Main Street.")
    b = document("b", "County Deputy Sam Ito was shot outside the station on Main Street.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "Deputy"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "County"),))
    assert run(corpus([a, b], [left, right])) == []


# -- formal titles: an office written before the name (news style capitalises only offices there) ----------
def test_two_formal_titles_across_sources_are_a_warning():
    a = document("a", "The blast was an accident, said Gov. Sam Ito on Monday.")
    b = document("b", "Sen. Sam Ito visited the harbour.")
    c = document("c", "Crews left early, said Police Chief Ann Roe.")
    d = document("d", "Crews left early on Friday, Detective Ann Roe said after the briefing.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "Gov."),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "Sen."),)),
        claim(c, c.text, actors=(person(c, "Ann Roe", "Police Chief"),)),
        claim(d, d.text, actors=(person(d, "Ann Roe", "Detective"),)),
    ]
    findings = run(corpus([a, b, c, d], claims))
    assert sorted((f.data["person"], f.severity) for f in findings) == [
        ("Ann Roe", Severity.WARNING),
        ("Sam Ito", Severity.WARNING),
    ]
    assert all("formal titles" in f.message for f in findings)


def test_descriptions_and_sentence_initial_capitals_are_no_formal_titles():
    a = document("a", "The show was sold out, said actress Mara Vell.")
    b = document("b", "Singer Mara Vell thanked her fans.")  # a capital at the start of a sentence says nothing
    c = document("c", "The tour ends in May, said producer Mara Vell.")
    claims = [
        claim(a, a.text, actors=(person(a, "Mara Vell", "actress"),)),
        claim(b, b.text, actors=(person(b, "Mara Vell", "Singer"),)),
        claim(c, c.text, actors=(person(c, "Mara Vell", "producer"),)),
    ]
    assert run(corpus([a, b, c], claims)) == []


def test_an_office_built_on_the_other_sides_organisation_is_one_office():
    a = document("a", "Crowds gathered, said City Council Member Lee Park.")
    b = document("b", "Crowds gathered, said Councilman Lee Park.")
    claims = [
        claim(a, a.text, actors=(person(a, "Lee Park", "Member", "City Council", "City Council Member"),)),
        claim(b, b.text, actors=(person(b, "Lee Park", "Councilman"),)),
    ]
    assert run(corpus([a, b], claims)) == []


def test_formal_title_reads_the_words_before_the_name():
    from factcheck.model import Span
    from factcheck.nlp.mentions import formal_title

    def formal(text, title, name):
        start = text.index(name)
        return formal_title(text, title, Span(doc="a", start=start, end=start + len(name), text=name))

    assert formal("The fire, said Harbor Gov. Ann Roe on Friday.", "Gov.", "Ann Roe")
    assert formal("Gov. Ann Roe spoke.", "Gov.", "Ann Roe")  # abbreviated: a formal title anywhere
    assert formal('"It burned," Undersheriff Ann Roe said.', "Undersheriff", "Ann Roe")
    assert formal("It burned, said Police Chief Ann Roe.", "Police Chief", "Police Chief Ann Roe")
    assert not formal("Governor Ann Roe spoke.", "Governor", "Ann Roe")
    assert not formal("It burned, said actress Ann Roe.", "actress", "Ann Roe")
    assert not formal("It burned, said Police chief Ann Roe.", "Police chief", "Ann Roe")
    # At a sentence's start a later word's capital still marks the office; a title-case headline's does not.
    assert formal("It burned.\n\nPolice Chief Ann Roe, 46, was hurt.", "Police Chief", "Ann Roe")
    assert formal("Blast\n\nIt burned. Police Chief Ann Roe was hurt.", "Police Chief", "Ann Roe")
    assert not formal("Police Chief Ann Roe Hurt In Blast\n\nIt burned.", "Police Chief", "Ann Roe")
    assert not formal(
        "It burned.\n\nSacked MP Ann Roe spoke.", "Sacked MP", "Ann Roe"
    )  # an acronym is always capitalised
    # A line's start is a sentence's start, also after a headline without a stop.
    assert not formal("Blast at the mill\n\nSacked MP Ann Roe spoke.", "Sacked MP", "Ann Roe")
    assert not formal("Blast at the mill\n\nGovernor Ann Roe spoke.", "Governor", "Ann Roe")


def test_fixture_a_post_and_its_second_through_the_parse(make_corpus):
    # Real extraction: the county before the title is its organisation, not the title.
    texts = {
        "a": "The fire spread fast through the hills, Harbor County Sheriff Sam Ito said on Monday.\n",
        "b": "The fire spread fast through the hills, Harbor County Undersheriff Sam Ito said on Monday.\n",
    }
    corp = make_corpus(texts, checks=[AttributionConflictCheck])
    titles = sorted({actor.title for c in corp.claims for actor in c.actors if actor.name == "Sam Ito"})
    assert titles == ["Sheriff", "Undersheriff"]
    assert [f.data["values"] for f in corp.findings] == [["sheriff", "undersheriff"]]


def test_the_one_source_that_differs_is_always_in_the_evidence():
    # Twenty sources give one title: the evidence cap must not crowd out the one that says otherwise.
    docs = [document(f"d{i:02}", f"Capt. Sam Ito spoke on day {i}.") for i in range(20)]
    odd = document("odd", "Lt. Sam Ito spoke.")
    claims = [claim(d, d.text, actors=(person(d, "Sam Ito", "Capt."),)) for d in docs]
    claims.append(claim(odd, odd.text, actors=(person(odd, "Sam Ito", "Lt."),)))
    findings = run(corpus([*docs, odd], claims))
    assert len(findings) == 1 and "odd" in {span.doc for span in findings[0].evidence}


def test_places_before_a_title_and_nested_names_are_no_two_organisations():
    # "New York City Councilman" / "Brooklyn Councilman": places before a title, not employers.
    a = document("a", "Harbor City Councilman Lee Park spoke.")
    b = document("b", "Eastside Councilman Lee Park spoke.")
    left = claim(a, a.text, actors=(person(a, "Lee Park", "Councilman", "Harbor City", "Harbor City Councilman"),))
    right = claim(b, b.text, actors=(person(b, "Lee Park", "Councilman", "Eastside", "Eastside Councilman"),))
    assert run(corpus([a, b], [left, right])) == []
    assert affiliations_agree("city council", "harbor city")  # the city's council
    assert affiliations_agree("harvard", "harvard business school")
    assert not affiliations_agree("university of tokyo", "university of kyoto")
    # Several capitalised words after a preposition do name an organisation.
    c = document("c", "Lee Park, a partner at Smith Barney, spoke.")
    d = document("d", "Lee Park, a partner at Morgan Stanley, spoke.")
    third = claim(c, c.text, actors=(person(c, "Lee Park", "partner", "Smith Barney", "a partner at Smith Barney"),))
    fourth = claim(
        d, d.text, actors=(person(d, "Lee Park", "partner", "Morgan Stanley", "a partner at Morgan Stanley"),)
    )
    assert [f.data["kind"] for f in run(corpus([c, d], [third, fourth]))] == ["affiliation"]


def test_fixture_a_rank_before_an_appositive_office_is_compared(make_corpus):
    # The parse gives the appositive office; the rank before the name is a second fact about the person.
    texts = {
        "a": "The road was closed for hours, said Capt. Sam Ito, a spokesman for the county sheriff.\n",
        "b": "The road was closed for hours, said Lt. Sam Ito, a spokesman for the county sheriff.\n",
        "c": "The road was closed for hours, said Capt. Sam Ito.\n",
    }
    corp = make_corpus(texts, checks=[AttributionConflictCheck])
    (finding,) = corp.findings
    assert finding.data["kind"] == "title" and finding.severity == Severity.WARNING
    assert any(span.doc == "b" and span.text.startswith("Lt.") for span in finding.evidence)
    # The same rank, or an office given without one, agrees.
    quiet = make_corpus({**texts, "b": texts["a"]}, checks=[AttributionConflictCheck])
    assert list(quiet.findings) == []


def test_rank_before_reads_only_rank_words_written_as_titles():
    from factcheck.nlp.titles import rank_before

    def rank(text: str):
        found = rank_before(text, text.index("Jane"))
        return found[1] if found else None

    assert rank("said Capt. Jane Roe, a spokeswoman") == "Capt."
    assert rank("Lt. Col. Jane Roe spoke") == "Lt. Col."
    assert rank("General Motors CEO Jane Roe") is None
    assert rank("the major Jane Roe") is None
    # A rank read beside an appositive office is no deputy's post of that office.
    assert title_conflict_kind("gang unit", "gang unit Lt.") is None
    assert title_conflict_kind("spokesman Capt.", "spokesman Lt.") == "rank"
    assert title_conflict_kind("governor", "lieutenant governor") == "modifier"


def test_fixture_a_place_before_two_formal_titles_is_no_part_of_either(make_corpus):
    # "Eastport Governor" / "Eastport Congressman": the place the parse may leave inside one title is the
    # affiliation of both, and the two offices conflict; kept in one title it read as an office built on the
    # other side's place, and nothing was reported.
    texts = {
        "a": '"The damage is light," Eastport Governor Sam Ito said on Monday.\n',
        "b": '"The damage is light," Eastport Congressman Sam Ito said on Monday.\n',
    }
    corp = make_corpus(texts, checks=[AttributionConflictCheck])
    assert [f.data["values"] for f in corp.findings] == [["congressman", "governor"]]


def test_fixture_a_title_the_ner_put_inside_the_name_runs_on_from_the_one_before(make_corpus):
    # "Sheriff Deputy Roe" (entity "Deputy Roe") is a deputy's post, the same as "Deputy Sheriff Sam Roe":
    # read as "Sheriff" alone it was a post and its second.
    texts = {
        "a": "The gang member murdered Deputy Sheriff Sam Roe in June, the jury found.\n",
        "b": "Sam Roe had served for years. Sheriff Deputy Roe, 35, was killed in June.\n",
    }
    corp = make_corpus(texts, checks=[AttributionConflictCheck])
    titles = sorted({actor.title for c in corp.claims for actor in c.actors if actor.name.endswith("Roe")} - {None})
    assert titles == ["Deputy Sheriff", "Sheriff Deputy"]
    assert list(corp.findings) == []


def test_office_built_on_an_organisation_word_is_not_the_word_itself():
    from factcheck.checks.attribution_conflict import _office_within

    assert _office_within(("Councilman", None), (None, "City Council"))
    assert not _office_within(("Eastport Congressman", None), (None, "Eastport"))


def test_one_post_spelt_two_ways_or_with_a_name_in_it_is_one_title():
    # A derived or other spelling of a modifier, a hyphen, and a name inside a lower-case title (where, not which
    # post) leave one post; another post of one kind still conflicts.
    assert title_conflict_kind("chief finance officer", "Harbor Oil chief financial officer") is None
    assert title_conflict_kind("defense minister", "defence minister") is None
    assert title_conflict_kind("cross country champion", "cross-country champion") is None
    assert title_conflict_kind("Olympic champion", "5,000m champion") is None
    assert title_conflict_kind("chief executive officer", "chief financial officer") == "modifier"
    assert title_conflict_kind("finance minister", "defence minister") == "modifier"
    assert title_conflict_kind("Police Chief", "Fire Chief") == "modifier"


def test_titles_as_written_decide_when_the_folded_values_differ_only_by_a_name():
    # "Tory co-chairman" / "Conservative co-chairman": one post; the values are folded to lower case, so the check
    # reads the titles as written.
    a = document("a", "Tory co-chairman Sam Ito spoke.")
    b = document("b", "Conservative co-chairman Sam Ito spoke.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "Tory co-chairman"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "Conservative co-chairman"),)),
    ]
    assert run(corpus([a, b], claims)) == []
    assert title_conflict_kind("Head coach", "Assistant coach") == "modifier"  # sentence case, not a name


def test_a_place_given_with_at_and_no_role_is_where_the_person_was():
    a = document("a", "Sam Ito at Harbor Grammar School spoke to pupils.")
    b = document("b", "Sam Ito of the Delta Policy Institute spoke.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", None, "Harbor Grammar School", "at Harbor Grammar School"),)),
        claim(
            b, b.text, actors=(person(b, "Sam Ito", None, "Delta Policy Institute", "of the Delta Policy Institute"),)
        ),
    ]
    assert run(corpus([a, b], claims)) == []


def test_an_acronym_keeps_short_words_whole_and_may_leave_out_the_organisation_word():
    assert affiliations_agree("ukip", "uk independence party")
    assert affiliations_agree("pcs", "public and commercial services union")
    assert not affiliations_agree("pcs", "uk independence party")


@pytest.mark.parametrize(
    "short, full",
    [
        ("Calif. Highway Patrol", "California Highway Patrol"),
        ("Intl. Olympic Cttee", "International Olympic Committee"),
        ("Natl. Weather Service", "National Weather Service"),
        ("Manchester Utd", "Manchester United"),
        ("DoD", "Department of Defense"),
        ("MoD", "Ministry of Defence"),
        ("P&G", "Procter & Gamble"),
        ("HP", "Hewlett-Packard Co."),
        # A unit named by its organisation's initials in one source, in full in the other.
        ("ACF's Coastal Monitoring Program", "Alliance for Coastal Fisheries' Coastal Monitoring Program"),
        ("NASA Ames Research Center", "National Aeronautics and Space Administration Ames Research Center"),
    ],
)
def test_a_name_with_words_cut_short_or_its_initials_is_the_same_organisation(short: str, full: str) -> None:
    assert affiliations_agree(normalise_affiliation(short), normalise_affiliation(full))
    assert affiliations_agree(normalise_affiliation(full), normalise_affiliation(short))


@pytest.mark.parametrize(
    "one, other",
    [
        ("Calif. Highway Patrol", "Colorado Highway Patrol"),  # "calif" is not "colorado" cut short
        ("Manchester Utd", "Manchester City"),
        ("DoD", "Department of Energy"),
        ("St. Mary's Hospital", "St. Thomas Hospital"),
        ("Ministry of Justice", "Ministry of Defence"),
        # The initials must be the run's and the rest word for word.
        ("ABC's Coastal Program", "Alliance for Coastal Fisheries' Coastal Program"),
        ("ACF's Coastal Monitoring Program", "Alliance for Coastal Fisheries' Marine Program"),
    ],
)
def test_names_cut_short_still_tell_two_organisations_apart(one: str, other: str) -> None:
    assert not affiliations_agree(normalise_affiliation(one), normalise_affiliation(other))


def test_wordnet_tells_one_role_from_two_offices():
    # Facts of English as WordNet records them: a spokesman is a spokesperson, an official may be a minister, and
    # "chief executive" is one of the words for a president; a mayor and a governor are two politicians' offices,
    # a congressman and a senator two legislators', a judge and a prosecutor two officials'.
    assert one_role("spokesman", "spokesperson") and one_role("official", "minister")
    assert one_role("president", "chief executive")
    assert exclusive_offices("mayor", "governor") and exclusive_offices("congressman", "senator")
    assert exclusive_offices("mayor", "senator") and exclusive_offices("judge", "prosecutor")
    assert exclusive_offices("harbor mayor", "harbor governor")  # a place in the title says where, not which office
    # Jobs one person holds together, and what is no office at all, are not two offices.
    assert not exclusive_offices("singer", "actor") and not exclusive_offices("guitarist", "singer")
    assert not exclusive_offices("president", "chief executive officer")
    assert not exclusive_offices("husband", "governor") and not exclusive_offices("deputy", "officer")
    assert not exclusive_offices("spokesman", "spokesperson")


def test_a_lower_case_office_against_another_formal_office_is_a_warning():
    # "Qeshm mayor" in one outlet, "Qeshm Governor" in another: WordNet gives two politicians' offices, and the
    # capital says the second is the person's office, so the first is no description beside it.
    a = document("a", "The damage was light, Harbor mayor Sam Ito was quoted as saying.")
    b = document("b", "Nobody was hurt, said Harbor Governor Sam Ito on Monday.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "mayor", "Harbor", "Harbor mayor"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "Governor", "Harbor", "Harbor Governor"),)),
    ]
    findings = run(corpus([a, b], claims))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "public offices" in findings[0].message


def test_two_lower_case_offices_or_one_role_named_two_ways_stay_quiet():
    # Two lower-case nouns may be descriptions ("the mayor" in a story about a senator's past), so an office needs a
    # formal title on one side; and two words WordNet gives as one role are one role even as two formal titles.
    a = document("a", "The damage was light, mayor Sam Ito said.")
    b = document("b", "Nobody was hurt, senator Sam Ito said on Monday.")
    c = document("c", "Profits rose, said Norbank President Ann Roe.")
    d = document("d", "Profits rose sharply, said Norbank Chief Executive Ann Roe.")
    e = document("e", "The report was late, said police spokesman Lee Park.")
    f = document("f", "The report came late, said Police Spokesperson Lee Park.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "mayor"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "senator"),)),
        claim(c, c.text, actors=(person(c, "Ann Roe", "President", "Norbank", "Norbank President"),)),
        claim(d, d.text, actors=(person(d, "Ann Roe", "Chief Executive", "Norbank", "Norbank Chief Executive"),)),
        claim(e, e.text, actors=(person(e, "Lee Park", "police spokesman"),)),
        claim(f, f.text, actors=(person(f, "Lee Park", "Police Spokesperson"),)),
    ]
    assert run(corpus([a, b, c, d, e, f], claims)) == []


def test_wordnet_tells_a_profession_from_a_public_office():
    # A lawyer or a teacher practises a profession; a judge or a mayor holds an office. A prosecutor is both (an
    # official and a lawyer), and a bare "official" is a word for any office, so neither makes a pair.
    assert profession_and_office("attorney", "judge") and profession_and_office("mayor", "teacher")
    assert not profession_and_office("attorney", "prosecutor") and not profession_and_office("lawyer", "official")
    assert not profession_and_office("judge", "mayor") and not profession_and_office("actress", "singer")
    assert not profession_and_office("attorney", "owner")


def test_one_place_before_two_posts_is_one_label_with_its_post_changed():
    # "Harbor attorney" in one outlet, "Harbor judge" in another, both lower case before the name: the same label,
    # its post changed. Without the shared place, two sources of one story naming the person each by one of the two
    # posts still disagree (below); two that the cluster stage put in two stories may be years apart and stay quiet.
    a = document("a", "The mill was bought by Harbor attorney Sam Ito.")
    b = document("b", "The mill belongs to Harbor judge Sam Ito.")
    c = document("c", "The barn was bought by attorney Lee Park.")
    d = document("d", "The barn belongs to judge Lee Park.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "attorney", "Harbor", "Harbor attorney"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "judge", "Harbor", "Harbor judge"),)),
        claim(c, c.text, actors=(person(c, "Lee Park", "attorney", None, "attorney"),)),
        claim(d, d.text, actors=(person(d, "Lee Park", "judge", None, "judge"),)),
    ]
    findings = run(corpus([a, b, c, d], claims))
    assert [(f.data["person"], f.severity) for f in findings] == [
        ("Sam Ito", Severity.WARNING),
        ("Lee Park", Severity.WARNING),
    ]
    assert "a profession and a public office" in findings[0].message and "two posts" in findings[1].message
    two_stories = dataclasses.replace(corpus([a, b, c, d], claims), story_groups={"a": 0, "b": 0, "c": 1, "d": 2})
    assert [f.data["person"] for f in run(two_stories)] == ["Sam Ito"]


def test_an_appositive_that_names_no_person_leaves_the_title_before_the_name():
    # "senator Sam Ito of Tennessee, Page's home state": the parse hangs "home state" on the name, but WordNet knows
    # "state" in no sense as a person, so the title is the one written before the name.
    text = "An inquiry was launched by senator Sam Ito of Tennessee, Page's home state."
    a = document("a", text)
    b = document("b", "A Congressional investigation initiated by Tennessee Governor Sam Ito called Page.")
    role = "senator Sam Ito of Tennessee, Page's home state"
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "home state", "Page", role),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "Governor", "Tennessee", "Tennessee Governor"),)),
    ]
    findings = run(corpus([a, b], claims))
    assert [f.data["values"] for f in findings] == [["governor", "senator"]]
    assert any(span.text.startswith("senator Sam Ito") for span in findings[0].evidence)
    assert not exclusive_offices("home state", "governor")


def test_a_country_before_a_title_is_no_employer():
    # BBC tech: "started by US blogger Jane Roe" and "Jane Roe, director of the Committee" in one article: WordNet
    # knows "US" only as a place, so it says where she is from, not a second organisation; an agency's acronym is one.
    from factcheck.nlp.affiliations import organisation_like

    assert not organisation_like("US", after_preposition=False) and not organisation_like("UK")
    assert organisation_like("FBI") and organisation_like("CSIS") and organisation_like("NYPD")


def test_general_after_an_office_is_no_rank():
    # English puts "general" after an office as an adjective ("Attorney General", "Secretary General"): the post is
    # the office, so two such offices are two posts of one kind, and neither is the army rank.
    assert title_conflict_kind("Attorney General", "Solicitor General") == "modifier"
    # Against a post without it, the office is the head noun: a director-general's deputy is a deputy director, and
    # a "general secretary" the same post as a "secretary-general".
    assert title_conflict_kind("deputy director", "director-general") == "modifier"
    assert title_conflict_kind("Inspector General", "chief inspector") == "modifier"
    assert title_conflict_kind("secretary-general", "general secretary") is None
    assert title_conflict_kind("director general", "director") is None
    assert title_conflict_kind("secretary general", "Gen.") is None or not titles_conflict("secretary general", "Gen.")
    assert title_conflict_kind("Major General", "Brigadier General") == "rank"  # ranks stay ranks
    assert title_conflict_kind("police captain", "police lieutenant") == "rank"  # a unit before a rank is no person
    a = document("a", "The appeal was lodged on Monday, said Attorney General Ona Pell.")
    b = document("b", "Ona Pell, who spoke after the verdict, is the Solicitor General.")
    claims = [
        claim(a, a.text, actors=(person(a, "Ona Pell", "Attorney General"),)),
        claim(b, b.text, actors=(person(b, "Ona Pell", "Solicitor General"),)),
    ]
    findings = run(corpus([a, b], claims))
    assert [f.data["values"] for f in findings] == [["attorney general", "solicitor general"]]


def test_a_participle_before_the_post_is_part_of_the_title():
    # "managing director", "presiding judge": an -ing word before the post's noun modifies it; only an -ing word
    # that ends the phrase is a clause running into it ("explaining").
    from factcheck.nlp.titles import plausible_title

    assert plausible_title("managing director", "Ruth Kell") == "managing director"
    assert plausible_title("presiding judge", "Ruth Kell") == "presiding judge"
    assert (
        plausible_title("explaining", "Ruth Kell") is None and plausible_title("host explaining", "Ruth Kell") is None
    )
    assert plausible_title("spreading quickly", "Ruth Kell") is None  # an adverb is no post
    a = document("a", "The branch will close in May, said Ruth Kell, the bank's executive director.")
    b = document("b", "Ruth Kell, the managing director, opened the new vault on Friday.")
    claims = [
        claim(a, a.text, actors=(person(a, "Ruth Kell", "executive director", "bank"),)),
        claim(b, b.text, actors=(person(b, "Ruth Kell", "managing director"),)),
    ]
    findings = run(corpus([a, b], claims))
    assert [f.data["values"] for f in findings] == [["executive director", "managing director"]]


def test_a_post_being_left_or_left_is_no_second_title():
    # "outgoing host" / "previous host" (one BBC article): one post, told as being left and as left; the same two
    # modifiers on a post held now would be two posts of one kind ("chief executive" / "chief financial").
    a = document("a", "Outgoing host Sam Ito thanked the listeners.")
    b = document("b", "The previous host Sam Ito joined a rival station.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "outgoing host"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "previous host"),))
    assert run(corpus([a, b], [left, right])) == []
    c = document("c", "Norcorp chief financial officer Sam Ito spoke.")
    held = claim(c, c.text, actors=(person(c, "Sam Ito", "chief financial officer"),))
    d = document("d", "Norcorp chief executive officer Sam Ito spoke.")
    other = claim(d, d.text, actors=(person(d, "Sam Ito", "chief executive officer"),))
    assert [f.severity for f in run(corpus([c, d], [held, other]))] == [Severity.WARNING]


def test_a_lower_case_description_inside_a_formal_title_names_no_post():
    # "the minister will meet his Harbor counterpart Minister Sam Ito": "counterpart" says how he relates to the
    # visitor, and another source's "Harbor Foreign Minister" is the same office.
    assert title_conflict_kind("Harbor counterpart Minister", "Harbor Foreign Minister") is None
    assert title_conflict_kind("counterpart Minister", "Harbor Foreign Minister") is None
    assert title_conflict_kind("deputy Prime Minister", "Prime Minister") == "modifier"  # a title word stays
    assert title_conflict_kind("Harbor Trade Minister", "Harbor Foreign Minister") == "modifier"


def test_a_description_before_an_organisations_name_is_no_part_of_it():
    from factcheck.nlp.affiliations import normalise_affiliation

    # Two sources describe one group in their own words before its name.
    assert normalise_affiliation("civil liberties pressure group Harbor Watch") == "harbor watch"
    assert normalise_affiliation("the rights group Harbor Watch") == "harbor watch"
    assert normalise_affiliation("Harbor business school") == "harbor business school"
    assert normalise_affiliation("city council") == "city council"
    a = document("a", "Jane Roe, director of civil liberties pressure group Harbor Watch, spoke.")
    b = document("b", "Jane Roe, director of rights group Harbor Watch, spoke.")
    claims = [
        claim(a, a.text, actors=(person(a, "Jane Roe", "director", "civil liberties pressure group Harbor Watch"),)),
        claim(b, b.text, actors=(person(b, "Jane Roe", "director", "rights group Harbor Watch"),)),
    ]
    assert run(corpus([a, b], claims)) == []


def test_an_acronym_inside_a_name_reads_as_the_name_wordnet_gives_for_it():
    # "EU" is WordNet's "European Union" (its initials), so "EU Commission" is the European Commission; a word whose
    # WordNet synonyms are no name with its initials ("GM": a gram) stays as written.
    assert affiliations_agree("eu commission", "european commission")
    assert affiliations_agree("nato command", "north atlantic treaty organization command")
    assert not affiliations_agree("eu commission", "harbor commission")
    assert not affiliations_agree("gm works", "gram works")
    a = document("a", "Jane Roe, the EU Commission president, spoke.")
    b = document("b", "Jane Roe, the European Commission president, spoke.")
    c = document("c", "Jane Roe, the Harbor Commission president, spoke.")
    claims = [
        claim(a, a.text, actors=(person(a, "Jane Roe", "president", "EU Commission"),)),
        claim(b, b.text, actors=(person(b, "Jane Roe", "president", "European Commission"),)),
    ]
    assert run(corpus([a, b], claims)) == []
    other = claim(c, c.text, actors=(person(c, "Jane Roe", "president", "Harbor Commission"),))
    assert [f.data["kind"] for f in run(corpus([a, c], [claims[0], other]))] == ["affiliation"]


def test_what_a_person_founded_sits_beside_the_post_they_hold():
    # A founder or co-founder is WordNet's originator, marked by what they once did: it sits beside any post.
    a = document("a", "Norcorp chief executive officer Sam Ito unveiled the new phone on Tuesday in Harbor City.")
    b = document("b", "Norcorp co-founder Sam Ito unveiled the new phone on Tuesday in Harbor City.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "chief executive officer"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "co-founder"),)),
    ]
    assert run(corpus([a, b], claims)) == []
    c = document("c", "Norcorp chief financial officer Sam Ito unveiled the new phone on Tuesday in Harbor City.")
    other = claim(c, c.text, actors=(person(c, "Sam Ito", "chief financial officer"),))
    assert [f.severity for f in run(corpus([a, c], [claims[0], other]))] == [Severity.WARNING]


def test_a_post_being_taken_up_or_held_for_now_is_no_second_title():
    # "the current chief operating officer" (named to replace the chief executive), "President-elect", "acting
    # chief executive": the other source may give the post held before, after or beside it.
    held = {
        "a": (
            "Norcorp named Sam Ito, the current chief operating officer, to run the company.",
            "current chief operating officer",
        ),
        "b": ("President-elect Sam Ito met the governors.", "President-elect"),
        "c": ("Acting chief executive Sam Ito met the governors.", "Acting chief executive"),
    }
    e = document("e", "Norcorp chief executive officer Sam Ito met the governors.")
    other = claim(e, e.text, actors=(person(e, "Sam Ito", "chief executive officer"),))
    for name, (text, title) in held.items():
        d = document(name, text)
        assert run(corpus([d, e], [claim(d, d.text, actors=(person(d, "Sam Ito", title, role=title),)), other])) == []
    f = document("f", "Norcorp chief operating officer Sam Ito met the governors.")
    plain = claim(f, f.text, actors=(person(f, "Sam Ito", "chief operating officer"),))
    assert [x.severity for x in run(corpus([e, f], [other, plain]))] == [Severity.WARNING]


def test_two_posts_a_third_source_gives_together_co_exist():
    # "Chairman Sam Ito" / "Chief Executive Sam Ito": two heads one person often holds at once, even as two formal
    # titles; a source giving both says so outright.
    a = document("a", "The plant will close, said Norcorp Chairman Sam Ito on Tuesday.")
    b = document("b", "The plant will close, said Norcorp Chief Executive Sam Ito on Tuesday.")
    c = document("c", "Sam Ito, Norcorp's chairman and chief executive, said the plant will close.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "Chairman", "Norcorp"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "Chief Executive", "Norcorp"),))
    both = claim(c, c.text, actors=(person(c, "Sam Ito", "chairman and chief executive", "Norcorp"),))
    assert run(corpus([a, b], [left, right])) == []
    assert run(corpus([a, b, c], [left, right, both])) == []
    # Two posts of one kind are not held together because a third title holds one of them.
    d = document("d", "The plant will close, said Norcorp Vice Chairman Sam Ito on Tuesday.")
    second = claim(d, d.text, actors=(person(d, "Sam Ito", "Vice Chairman", "Norcorp"),))
    assert [f.data["values"] for f in run(corpus([a, c, d], [left, both, second]))] == [["chairman", "vice chairman"]]


def test_the_same_fact_with_another_role_noun_counts_only_for_two_posts_of_one_field():
    # Two posts one person does not hold in one matter are siblings in WordNet a step or two up (lawyers,
    # policemen); descriptions from two fields ("actress" / "star", "novelist" / "economist") and two kinds of
    # entertainer ("actor" / "singer") co-exist, however alike the two sentences are.
    assert posts_of_one_field("defense attorney", "prosecutor")
    assert posts_of_one_field("police chief", "detective")
    assert not posts_of_one_field("actress", "star")
    assert not posts_of_one_field("novelist", "economist")
    assert not posts_of_one_field("actor", "singer")
    text = "{} Mara Vell checked into a clinic in Harbor City on Tuesday, her publicist said."
    documents = [document(name, text.format(role)) for name, role in (("a", "Actress"), ("b", "Singer"))]
    claims = [
        claim(doc, doc.text, actors=(person(doc, "Mara Vell", role.casefold()),))
        for doc, role in zip(documents, ("Actress", "Singer"), strict=True)
    ]
    assert run(corpus(documents, claims)) == []
    # A profession and a public office WordNet gives far apart are still two posts.
    text = "{} Mara Vell told the jury on Tuesday that the rifle was never recovered from the river."
    documents = [document(name, text.format(role)) for name, role in (("c", "Defense attorney"), ("d", "Judge"))]
    claims = [
        claim(doc, doc.text, actors=(person(doc, "Mara Vell", role),))
        for doc, role in zip(documents, ("Defense attorney", "Judge"), strict=True)
    ]
    assert [f.severity for f in run(corpus(documents, claims))] == [Severity.WARNING]


def test_two_formal_heads_co_exist_but_two_offices_do_not():
    # Two titles that both head something, neither two public offices nor two posts of one field ("Team President"
    # / "General Manager", "Health Minister" / "Health Secretary"), are often one person's two posts or one office's
    # two names; "Gov." / "Sen." stay two offices.
    pairs = (("Team President", "General Manager"), ("Health Minister", "Health Secretary"), ("Gov.", "Sen."))
    for first, second in pairs:
        a = document("a", f"The bridge will close, said {first} Lee Park on Tuesday.")
        b = document("b", f"{second} Lee Park said on Tuesday the bridge would shut.")
        claims = [
            claim(a, a.text, actors=(person(a, "Lee Park", first),)),
            claim(b, b.text, actors=(person(b, "Lee Park", second),)),
        ]
        expected = [Severity.WARNING] if first == "Gov." else []
        assert [f.severity for f in run(corpus([a, b], claims))] == expected, (first, second)


def test_words_for_one_who_speaks_for_someone_are_no_posts_of_one_field():
    # A publicist, a representative, an agent: outlets name one person who speaks for someone by any of them.
    assert not posts_of_one_field("publicist", "representative")
    assert posts_of_one_field("defense attorney", "prosecutor")
    text = "Mara Vell checked into a clinic in Harbor City on Tuesday, said {} Lee Park."
    documents = [
        document(name, text.format(role)) for name, role in (("a", "her publicist"), ("b", "her representative"))
    ]
    claims = [
        claim(doc, doc.text, actors=(person(doc, "Lee Park", role),))
        for doc, role in zip(documents, ("publicist", "representative"), strict=True)
    ]
    assert run(corpus(documents, claims)) == []


def test_a_head_of_one_function_is_no_head_of_the_organisation():
    # "the agency's director of communications" keeps "director" from the parse; the post heads one function of the
    # agency, as its spokeswoman speaks for it: no head against one who is not. "The agency's director" still is.
    a = document("a", "Lee Park, the agency's director of communications, said the bridge would close in March.")
    b = document("b", "Agency spokeswoman Lee Park said the bridge would close in March.")
    c = document("c", "Lee Park, the agency's director, said the bridge would close in March.")
    role_a = (a.text.index("the agency"), a.text.index(", said"))
    role_c = (c.text.index("the agency"), c.text.index(", said"))
    first = claim(a, a.text, actors=(person(a, "Lee Park", "director", "agency", a.text[slice(*role_a)]),))
    second = claim(b, b.text, actors=(person(b, "Lee Park", "spokeswoman", "Agency", "Agency spokeswoman"),))
    third = claim(c, c.text, actors=(person(c, "Lee Park", "director", "agency", c.text[slice(*role_c)]),))
    assert run(corpus([a, b], [first, second])) == []
    assert [f.severity for f in run(corpus([c, b], [third, second]))] == [Severity.WARNING]


def test_a_source_that_tells_of_both_posts_gives_no_other_post():
    # The sentence names the other post too: the post changes hands in the story ("was named head coach", "promoted
    # to captain"), so the outlet that gives the new post does not contradict the one that gives the old with it.
    a = document("a", "Assistant coach Dana Pell was named head coach on Monday after the team fired its coach.")
    b = document("b", "Head coach Dana Pell said the team would play its best game on Sunday.")
    c = document("c", "Lt. Mira Kade, who was promoted to captain last week, said two men were held.")
    d = document("d", "Capt. Mira Kade said two men were held on Friday.")
    claims = [
        claim(a, a.text, actors=(person(a, "Dana Pell", "Assistant coach", None, "Assistant coach"),)),
        claim(b, b.text, actors=(person(b, "Dana Pell", "Head coach", None, "Head coach"),)),
        claim(c, c.text, actors=(person(c, "Mira Kade", "Lt.", None, "Lt."),)),
        claim(d, d.text, actors=(person(d, "Mira Kade", "Capt.", None, "Capt."),)),
    ]
    assert run(corpus([a, b, c, d], claims)) == []
    # Without the change told, the two are two posts.
    e = document("e", "Assistant coach Dana Pell said the team would play its best game on Sunday.")
    other = claim(e, e.text, actors=(person(e, "Dana Pell", "Assistant coach", None, "Assistant coach"),))
    assert [f.data["values"] for f in run(corpus([e, b], [other, claims[1]]))] == [["assistant coach", "head coach"]]
    # Another person's post in the sentence is no post of hers.
    f = document("f", "Assistant coach Dana Pell praised head coach Sam Ito on Monday.")
    praised = claim(
        f,
        f.text,
        actors=(
            person(f, "Dana Pell", "Assistant coach", None, "Assistant coach"),
            person(f, "Sam Ito", "head coach", None, "head coach"),
        ),
    )
    assert [x.data["person"] for x in run(corpus([f, b], [praised, claims[1]]))] == ["Dana Pell"]
    # Nor is a former post of another person's.
    g = document("g", "Assistant coach Dana Pell thanked former head coach Sam Ito on Monday.")
    thanked = claim(
        g,
        g.text,
        actors=(
            person(g, "Dana Pell", "Assistant coach", None, "Assistant coach"),
            Actor(
                span=span(g, "Sam Ito"),
                name="Sam Ito",
                label="PERSON",
                title="head coach",
                role_span=span(g, "former head coach"),
                former=True,
            ),
        ),
    )
    assert [x.data["person"] for x in run(corpus([g, b], [thanked, claims[1]]))] == ["Dana Pell"]


def test_the_other_post_said_of_other_people_is_no_post_changing_hands():
    # "prosecutors" in the defense attorney's sentence are other people; only a post handed to someone ("was named",
    # "promoted to", "took over as") tells of a change. A post one person holds is singular.
    a = document("a", "Prosecutor Sam Ito said the rifle was never recovered from the river.")
    b = document("b", "The trial resumed on Monday after prosecutors rested, defense attorney Sam Ito told reporters.")
    prosecutor = claim(a, a.text, actors=(person(a, "Sam Ito", "Prosecutor", None, "Prosecutor"),))
    defender = claim(b, b.text, actors=(person(b, "Sam Ito", "defense attorney", None, "defense attorney"),))
    assert [f.severity for f in run(corpus([a, b], [prosecutor, defender]))] == [Severity.WARNING]
    # The team's coach fired in the same sentence is someone else's post too.
    c = document("c", "Assistant coach Dana Pell spoke on Monday after the team fired its coach.")
    d = document("d", "Head coach Dana Pell said the team would play its best game on Sunday.")
    assistant = claim(c, c.text, actors=(person(c, "Dana Pell", "Assistant coach", None, "Assistant coach"),))
    head = claim(d, d.text, actors=(person(d, "Dana Pell", "Head coach", None, "Head coach"),))
    assert [f.data["values"] for f in run(corpus([c, d], [assistant, head]))] == [["assistant coach", "head coach"]]
    # A post taken over is told of.
    e = document("e", "Deputy Mayor Lee Park, who took over as mayor in May, said the bridge would close.")
    f = document("f", "Mayor Lee Park said the bridge would close.")
    deputy = claim(e, e.text, actors=(person(e, "Lee Park", "Deputy Mayor", None, "Deputy Mayor"),))
    mayor = claim(f, f.text, actors=(person(f, "Lee Park", "Mayor", None, "Mayor"),))
    assert run(corpus([e, f], [deputy, mayor])) == []


def test_two_standings_in_one_contest_are_no_posts_of_one_field():
    # Champion, favourite, challenger are kinds of WordNet's rival: one player is the favourite and then the
    # champion, so two outlets calling her each are no conflict; two positions of one sport still share their field.
    assert not posts_of_one_field("eventual champion", "favourite")
    assert not posts_of_one_field("champion", "striker")
    assert posts_of_one_field("striker", "goalkeeper")
    text = "Sam Ito lost in the third round to {} Mara Vell in Harbor City on Tuesday."
    documents = [document(name, text.format(role)) for name, role in (("a", "eventual champion"), ("b", "favourite"))]
    claims = [
        claim(doc, doc.text, actors=(person(doc, "Mara Vell", role),))
        for doc, role in zip(documents, ("eventual champion", "favourite"), strict=True)
    ]
    assert run(corpus(documents, claims)) == []


def test_a_title_the_parse_cut_at_a_hyphen_is_the_whole_word():
    # The parse may give "co" for "the co-founder of Norcorp"; read whole, it is a founder, beside any post.
    a = document("a", "Sam Ito, the co-founder of Norcorp, opened the plant on Tuesday.")
    b = document("b", "Sam Ito, the chairman of Norcorp, opened the plant on Tuesday.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "co", "Norcorp", "the co-founder of Norcorp"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "chairman", "Norcorp", "the chairman of Norcorp"),)),
    ]
    assert [mention.title for mention in collect_mentions(corpus([a, b], claims))] == ["co-founder", "chairman"]
    assert run(corpus([a, b], claims)) == []


def test_a_junior_post_named_by_its_department_or_by_its_brief_is_one_post():
    # A junior minister sits in a department and holds a brief within it: two sources may name either.
    assert title_conflict_kind("Junior harbor affairs minister", "ferries minister") is None
    assert title_conflict_kind("junior harbor affairs minister", "junior ferries minister") == "modifier"
    assert title_conflict_kind("junior harbor affairs minister", "foreign minister") == "modifier"  # a senior post
    assert title_conflict_kind("junior minister", "prime minister") == "modifier"


def test_a_title_that_leaves_out_its_head_noun_is_compared_with_it_written_out():
    # English writes "chief executive" for the "chief executive officer" WordNet knows: against "chief financial
    # officer" it is the same kind of post with another modifier, a conflict wherever it is given.
    assert title_conflict_kind("chief executive", "chief financial officer") == "modifier"
    assert title_conflict_kind("norcorp chief executive", "norcorp chief financial officer") == "modifier"
    assert title_conflict_kind("chief executive", "CEO") is None
    assert title_conflict_kind("coach", "general manager") == "role"


def test_the_same_fact_with_two_role_nouns_after_one_organisations_name_is_a_warning():
    # "Harbor coach" / "Harbor offensive coordinator": one label, its post changed, though WordNet puts a coach and
    # a coordinator in two fields; two kinds of entertainer after one name stay descriptions.
    text = "{} Sam Ito said on Sunday that the quarterback would miss the next two games with a knee injury."
    pairs = {("a", "Harbor coach"), ("b", "Harbor offensive coordinator")}
    documents, claims = [], []
    for name, role in sorted(pairs):
        doc = document(name, text.format(role))
        documents.append(doc)
        claims.append(claim(doc, doc.text, actors=(person(doc, "Sam Ito", role.split(" ", 1)[1], "Harbor", role),)))
    assert [f.severity for f in run(corpus(documents, claims))] == [Severity.WARNING]
    documents, claims = [], []
    for name, role in (("c", "Harbor actor"), ("d", "Harbor singer")):
        doc = document(name, text.format(role))
        documents.append(doc)
        claims.append(claim(doc, doc.text, actors=(person(doc, "Sam Ito", role.split(" ", 1)[1], "Harbor", role),)))
    assert run(corpus(documents, claims)) == []


def test_an_assistants_post_is_no_head_against_a_post_under_the_head():
    # A coordinator is one of the assistant coaches: "Harbor assistant coach" / "Harbor defensive coordinator" name one
    # post two ways, while the head coach against a coordinator still conflicts (above).
    text = "{} Sam Ito said on Sunday that the quarterback would miss the next two games with a knee injury."
    documents, claims = [], []
    for name, role in (("a", "Harbor assistant coach"), ("b", "Harbor defensive coordinator")):
        doc = document(name, text.format(role))
        documents.append(doc)
        claims.append(claim(doc, doc.text, actors=(person(doc, "Sam Ito", role.split(" ", 1)[1], "Harbor", role),)))
    assert run(corpus(documents, claims)) == []


def test_a_place_inside_a_lower_case_title_does_not_hide_the_post():
    # Folded to "harbor assistant coach", the title would hold "coach" whole and agree with it.
    a = document("a", "Harbor assistant coach Sam Ito praised the forwards.")
    b = document("b", "Sam Ito, the coach, spoke to reporters on Monday.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "Harbor assistant coach", role="Harbor assistant coach"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "coach", role="the coach"),))
    findings = run(corpus([a, b], [left, right]))
    assert [f.severity for f in findings] == [Severity.WARNING]
    # The place alone is no second post: "Harbor coach" and "coach" agree.
    c = document("c", "Harbor coach Sam Ito praised the forwards.")
    same = claim(c, c.text, actors=(person(c, "Sam Ito", "Harbor coach", role="Harbor coach"),))
    assert run(corpus([b, c], [right, same])) == []


def test_a_post_wordnet_knows_across_the_organisation_read_before_it():
    # The parse and the text patterns read "Police" of "Police Chief" as the organisation: the post left, "Chief",
    # would agree with the deputy's "Deputy Police Chief".
    a = document("a", "Police Chief Ann Roe said the road would close.")
    b = document("b", "Deputy Police Chief Ann Roe said the road would close.")
    left = claim(a, a.text, actors=(person(a, "Ann Roe", "Chief", "Police", role="Police Chief"),))
    right = claim(b, b.text, actors=(person(b, "Ann Roe", "Deputy Police Chief", role="Deputy Police Chief"),))
    assert [f.severity for f in run(corpus([a, b], [left, right]))] == [Severity.WARNING]
    # Where every source writes the department before the post, it stays the department: a minister moved between
    # two articles is given "Secretary" twice, at two departments, not two posts.
    c = document("c", "Education Secretary Ann Roe said schools would open.")
    d = document("d", "Home Secretary Ann Roe said the road would close.")
    claims = [
        claim(c, c.text, actors=(person(c, "Ann Roe", "Secretary", "Education", role="Education Secretary"),)),
        claim(d, d.text, actors=(person(d, "Ann Roe", "Secretary", "Home", role="Home Secretary"),)),
    ]
    assert [f for f in run(corpus([c, d], claims)) if f.data["kind"] == "title"] == []


def test_past_framing_before_the_organisation_frames_the_post():
    from factcheck.nlp.roles import find_role

    text = "Leaked papers say ex-Home Secretary Ann Roe opposed the plan."
    start = text.index("Ann Roe")
    assert find_role(text, start, start + len("Ann Roe")).former


def test_a_public_office_given_at_a_place_against_another_office_is_a_warning():
    # "Kansas governor Sam Ito" in one outlet, "Sam Ito, the senator" in another: an office at a named place is the
    # person's post. Two bare lower-case offices stay quiet (see above).
    a = document("a", "It is stunning, Harbor governor Sam Ito said on Monday.")
    b = document("b", "Sam Ito, the senator, spoke to reporters on Monday.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "governor", "Harbor", "Harbor governor"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "senator", None, "the senator"),)),
    ]
    findings = run(corpus([a, b], claims))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "public offices" in findings[0].message


def test_a_bare_profession_against_an_office_of_it_told_as_one_fact_is_a_warning():
    # WordNet makes a prosecutor a kind of lawyer, but the same fact told once of "attorney" and once of
    # "prosecutor" gives the person the two sides of one case. The profession written with the office's words
    # ("district attorney") or with a place before it ("U.S. Attorney") may be the office itself.
    assert office_of_the_profession("attorney", "prosecutor") and office_of_the_profession(
        "Harbor lawyer", "prosecutor"
    )
    assert not office_of_the_profession("prosecutor", "attorney")  # which side is the bare profession matters
    assert not office_of_the_profession("prosecutor", "district attorney")  # an office and a kind of it: one office
    assert not office_of_the_profession("attorney", "judge")  # no kind of a lawyer: a profession and an office
    text = "{} Mara Vell told the jury on Tuesday that the rifle was never recovered from the river."
    documents = [document(name, text.format(role)) for name, role in (("a", "Attorney"), ("b", "Prosecutor"))]
    claims = [
        claim(doc, doc.text, actors=(person(doc, "Mara Vell", role, role=role),))
        for doc, role in zip(documents, ("Attorney", "Prosecutor"), strict=True)
    ]
    findings = run(corpus(documents, claims))
    assert [f.severity for f in findings] == [Severity.WARNING]
    # "U.S. Attorney" parsed as "Attorney" at "U.S.": the office's own name, the prosecutor.
    c = document("c", "U.S. Attorney Mara Vell told the jury on Tuesday that the rifle was never recovered.")
    d = document("d", "Prosecutor Mara Vell told the jury on Tuesday that the rifle was never recovered.")
    claims = [
        claim(c, c.text, actors=(person(c, "Mara Vell", "Attorney", "U.S.", "U.S. Attorney"),)),
        claim(d, d.text, actors=(person(d, "Mara Vell", "Prosecutor", role="Prosecutor"),)),
    ]
    assert run(corpus([c, d], claims)) == []
    # Told in two sentences of one story, the bare profession and the office are still two posts (each source gives
    # one); in two stories the cluster stage told apart, the lawyer may have become the prosecutor in between.
    e = document("e", "Attorney Mara Vell grew up in Harbor City and studied at night.")
    claims = [
        claims[1],
        claim(e, e.text, actors=(person(e, "Mara Vell", "Attorney", role="Attorney"),)),
    ]
    assert [f.severity for f in run(corpus([d, e], claims))] == [Severity.WARNING]
    apart = dataclasses.replace(corpus([d, e], claims), story_groups={"d": 0, "e": 1})
    assert run(apart) == []


def test_the_same_fact_is_read_in_the_sentence_that_names_the_person():
    # A claim may be a paragraph a quote runs over; another of its sentences naming someone else by the other noun
    # ("met their lawyers") does not make the two role nouns one role read two ways.
    text = "The men have met their lawyers. Sam Ito, {} for the family, said the men were shocked by the conditions."
    documents = [document(name, text.format(role)) for name, role in (("a", "lawyer"), ("b", "judge"))]
    claims = [
        claim(doc, doc.text, actors=(person(doc, "Sam Ito", role, "the family", f"{role} for the family"),))
        for doc, role in zip(documents, ("lawyer", "judge"), strict=True)
    ]
    assert [f.severity for f in run(corpus(documents, claims))] == [Severity.WARNING]


def test_a_place_the_parse_left_inside_a_lower_case_title_is_one_label():
    # "Harbor head coach" / "Harbor offensive coordinator" with no organisation parsed: the name inside the lower-case
    # title is the label, its post changed; a capitalised office's capitals name no place.
    assert names_in_title("Harbor head coach") == "Harbor" and names_in_title("76ers offensive coordinator") == "76ers"
    assert names_in_title("Police Chief") == "" and names_in_title("head coach") == ""
    text = "{} Sam Ito said on Sunday that the quarterback would miss the next two games with a knee injury."
    documents, claims = [], []
    for name, role in (("a", "Harbor head coach"), ("b", "Harbor offensive coordinator")):
        doc = document(name, text.format(role))
        documents.append(doc)
        claims.append(claim(doc, doc.text, actors=(person(doc, "Sam Ito", role, role=role),)))
    assert [f.severity for f in run(corpus(documents, claims))] == [Severity.WARNING]


def test_another_persons_role_in_the_sentence_is_no_role_of_the_person():
    # "Prosecutor Sam Ito told the jury, and defense attorney Ann Kato agreed": the "attorney" is Ann Kato's.
    text = "{} Sam Ito told the jury, and defense attorney Ann Kato agreed, that the rifle was never recovered."
    documents, claims = [], []
    for name, role in (("a", "Prosecutor"), ("b", "Attorney")):
        doc = document(name, text.format(role))
        documents.append(doc)
        actors = (
            person(doc, "Sam Ito", role, role=role),
            person(doc, "Ann Kato", "defense attorney", role="defense attorney"),
        )
        claims.append(claim(doc, doc.text, actors=actors))
    findings = run(corpus(documents, claims))
    assert [f.data["person"] for f in findings] == ["Sam Ito"]


def test_two_posts_that_both_head_something_after_one_label_may_be_held_together():
    # "Harbor chairman" / "Harbor chief executive": one person is often both; a head and a post that heads nothing
    # ("Harbor coach" / "Harbor offensive coordinator") are two.
    text = "{} Sam Ito said on Sunday that the company would close two plants in the spring and cut 300 jobs."
    documents, claims = [], []
    for name, role in (("a", "Harbor chairman"), ("b", "Harbor chief executive")):
        doc = document(name, text.format(role))
        documents.append(doc)
        claims.append(claim(doc, doc.text, actors=(person(doc, "Sam Ito", role, role=role),)))
    assert run(corpus(documents, claims)) == []


def test_each_source_naming_the_person_by_one_of_two_posts_is_a_warning_in_any_words():
    # Two outlets tell the story in their own words: one calls the person the prosecutor, the other the defense
    # attorney. No sentence pair states one fact, yet the two posts are never one person's in one matter.
    a = document("a", "Prosecutor Sam Ito said the rifle was never recovered from the river.")
    b = document("b", "The trial will resume on Monday, defense attorney Sam Ito told reporters.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "Prosecutor"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "defense attorney"),))
    findings = run(corpus([a, b], [left, right]))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "two posts" in findings[0].message
    # Two heads of one field are often one person's two posts ("coach" / "general manager"), and descriptions
    # ("actress" / "star") co-exist: neither counts in sentences that tell two facts.
    c = document("c", "Coach Dana Pell said the team would train indoors this week.")
    d = document("d", "The club signed two new players, general manager Dana Pell announced.")
    coach = claim(c, c.text, actors=(person(c, "Dana Pell", "Coach"),))
    manager = claim(d, d.text, actors=(person(d, "Dana Pell", "general manager"),))
    assert run(corpus([c, d], [coach, manager])) == []


def test_a_source_giving_the_person_both_posts_makes_them_no_disagreement_between_sources():
    # One text calling the person both a prosecutor and a defense attorney (a career, a second case) says nothing of
    # another source that gives one of the two: the sources do not disagree on a post.
    a = document(
        "a", "Prosecutor Sam Ito said the rifle was never found. Defense attorney Sam Ito once argued the same."
    )
    b = document("b", "The trial will resume on Monday, prosecutor Sam Ito told reporters.")
    claims = [
        claim(
            a, a.text, actors=(person(a, "Sam Ito", "Prosecutor"), person(a, "Sam Ito", "Defense attorney", after=20))
        ),
        claim(b, b.text, actors=(person(b, "Sam Ito", "prosecutor"),)),
    ]
    assert [f for f in run(corpus([a, b], claims)) if "two posts" in f.message] == []


def test_a_candidate_for_a_post_holds_another_meanwhile():
    # "Mayor Sam Ito" running for governor is "a candidate" in another outlet: both are true at once.
    a = document("a", "Mayor Sam Ito said the harbor bridge would close for repairs in March.")
    b = document("b", "Sam Ito, a candidate for governor, said the harbor bridge would close for repairs in March.")
    left = claim(a, a.text, actors=(person(a, "Sam Ito", "Mayor"),))
    right = claim(b, b.text, actors=(person(b, "Sam Ito", "candidate", role="a candidate"),))
    assert run(corpus([a, b], [left, right])) == []


def test_the_chief_of_a_kind_is_another_post_than_the_kind():
    # WordNet makes an archbishop a kind of bishop, so the two read as one role; "arch-" makes the chief post of the
    # kind, which one person does not hold beside the plain one. A word WordNet does not know as a person's is no post.
    assert title_conflict_kind("bishop", "archbishop") == "modifier"
    assert title_conflict_kind("Archdeacon", "deacon") == "modifier"
    assert title_conflict_kind("archbishop", "Archbishop") is None
    assert title_conflict_kind("rival", "archrival") != "modifier"


def test_one_instance_run_on_two_corpora_reads_each_corpus_alone():
    # The people of a run go from pairwise_inputs to the merge and no further: a check run again on another corpus
    # (a library user's loop) neither keeps the first corpus's people nor loses its own.
    def head_and_assistant(name):
        docs, claims = [], []
        for doc_id, title in (("a", "Head coach"), ("b", "Assistant coach")):
            doc = document(doc_id, f"{title} {name} spoke on Monday.")
            docs.append(doc)
            claims.append(claim(doc, doc.text, actors=(person(doc, name, title),)))
        return corpus(docs, claims)

    check = AttributionConflictCheck()
    first = list(check.run(head_and_assistant("Sam Ito"), CheckContext()))
    second = list(check.run(head_and_assistant("Jane Roe"), CheckContext()))
    assert [finding.data["person"] for finding in first] == ["Sam Ito"]
    assert [finding.data["person"] for finding in second] == ["Jane Roe"]
    assert check.candidate_pairs == 1
    assert [f.id for f in second] == [f.id for f in run(head_and_assistant("Jane Roe"))]


def test_a_command_in_lower_case_beside_a_rank_is_no_second_rank():
    # "the base commander" names what the person commands, a post an officer of any rank holds (WordNet's commander is
    # the officer in command, not a grade); written as a title before the name, "Commander" is the naval rank.
    a = document("a", "Base commander Sam Ito said the soldier was arrested.")
    b = document("b", "Col. Sam Ito said the soldier was arrested.")
    c = document("c", "Commander Sam Ito said the soldier was arrested.")
    d = document("d", "Lieutenant Sam Ito said the soldier was arrested.")
    command = claim(a, a.text, actors=(person(a, "Sam Ito", "Base commander", role="Base commander"),))
    colonel = claim(b, b.text, actors=(person(b, "Sam Ito", "Col.", role="Col."),))
    rank = claim(c, c.text, actors=(person(c, "Sam Ito", "Commander", role="Commander"),))
    lieutenant = claim(d, d.text, actors=(person(d, "Sam Ito", "Lieutenant", role="Lieutenant"),))
    assert run(corpus([a, b], [command, colonel])) == []
    assert run(corpus([a, d], [command, lieutenant])) == []
    findings = run(corpus([c, d], [rank, lieutenant]))
    assert len(findings) == 1 and "Commander" in findings[0].message and "Lieutenant" in findings[0].message


def test_a_grade_word_in_lower_case_with_what_it_is_over_is_the_command_held_at_any_rank():
    # "captain of the frigate" is the ship's command, which a commander holds; "Capt." or "a navy captain" is the grade.
    a = document("a", "Sam Ito, captain of the frigate Gull, said the crew were safe.")
    b = document("b", "Commander Sam Ito said the crew were safe.")
    c = document("c", "Lieutenant Sam Ito said the crew were safe.")
    d = document("d", "Capt. Sam Ito said the crew were safe.")
    command = claim(a, a.text, actors=(person(a, "Sam Ito", "captain of the frigate Gull", role="captain"),))
    commander = claim(b, b.text, actors=(person(b, "Sam Ito", "Commander", role="Commander"),))
    lieutenant = claim(c, c.text, actors=(person(c, "Sam Ito", "Lieutenant", role="Lieutenant"),))
    captain = claim(d, d.text, actors=(person(d, "Sam Ito", "Capt.", role="Capt."),))
    assert run(corpus([a, b], [command, commander])) == []
    assert run(corpus([a, c], [command, lieutenant])) == []
    findings = run(corpus([d, c], [captain, lieutenant]))
    assert len(findings) == 1 and "Capt." in findings[0].message


def test_a_command_the_parse_split_from_its_ship_and_a_rank_beside_the_command_named_another_way_are_one_post():
    # The parse gives "captain" at "frigate Gull" for "captain of the frigate Gull": the role as written is the command.
    # "Cmdr. Sam Ito, the Gull's commanding officer": WordNet's commanding officer is in command of a unit, the same
    # command beside the rank. (A grade against a grade still differs: the test above.)
    a = document("a", "Commander Sam Ito, captain of the frigate Gull, said the crew were safe.")
    b = document("b", "Cmdr. Sam Ito, the Gull's commanding officer, said the crew were safe.")
    c = document("c", "Lieutenant Sam Ito said the crew were safe.")
    of_the_ship = "captain of the frigate Gull"
    command = claim(a, a.text, actors=(person(a, "Sam Ito", "captain", "frigate Gull", of_the_ship),))
    commanding = claim(
        b,
        b.text,
        actors=(
            person(b, "Sam Ito", "commanding officer Cmdr.", "Gull", "Cmdr. Sam Ito, the Gull's commanding officer"),
        ),
    )
    lieutenant = claim(c, c.text, actors=(person(c, "Sam Ito", "Lieutenant", role="Lieutenant"),))
    assert run(corpus([a, b], [command, commanding])) == []
    assert run(corpus([a, c], [command, lieutenant])) == []
    assert _in_command("commanding officer") and not _in_command("captain") and not _in_command("chief of staff")


def test_a_source_that_has_the_person_stand_in_for_the_other_post_gives_no_other_post():
    # "who is acting chief": the deputy holds the chief's post for the time being, and another source's "Police Chief"
    # is that post's acting form (written out, "interim chief executive" for "chief executive officer", too).
    a = document(
        "a", "Deputy police chief Sam Ito, who is acting chief while the chief is on leave, said two men were held."
    )
    b = document("b", "Police Chief Sam Ito said two men were held on Monday.")
    c = document("c", "Finance chief Jane Roe, who has been interim chief executive since March, said profits rose.")
    d = document("d", "Chief executive officer Jane Roe said profits rose on Tuesday.")
    claims = [
        claim(a, a.text, actors=(person(a, "Sam Ito", "Deputy police chief", None, "Deputy police chief"),)),
        claim(b, b.text, actors=(person(b, "Sam Ito", "Police Chief", None, "Police Chief"),)),
        claim(c, c.text, actors=(person(c, "Jane Roe", "Finance chief", None, "Finance chief"),)),
        claim(d, d.text, actors=(person(d, "Jane Roe", "Chief executive officer", None, "Chief executive officer"),)),
    ]
    assert run(corpus([a, b], claims[:2])) == []
    assert run(corpus([c, d], claims[2:])) == []
    # Without the stand-in told, the deputy is another post.
    e = document("e", "Deputy police chief Sam Ito said two men were held on Monday.")
    deputy = claim(e, e.text, actors=(person(e, "Sam Ito", "Deputy police chief", None, "Deputy police chief"),))
    assert [f.data["person"] for f in run(corpus([e, b], [deputy, claims[1]]))] == ["Sam Ito"]


def test_a_post_and_its_informal_name_are_one_post():
    # "the city's top cop": WordNet marks "cop" a colloquialism, the informal name of a policeman, of whom a police
    # chief is a kind; a detective stays another post of the police.
    assert one_role("police chief", "top cop") and one_role("detective", "copper")
    assert not one_role("police chief", "detective")
    text = "{} Dana Rook said on Monday that investigators had found an accelerant in the burned warehouse."
    roles = {"a": ("Police chief", "Police chief"), "b": ("top cop", "The city's top cop,"), "c": ("Detective",) * 2}
    documents = {name: document(name, text.format(role)) for name, (_, role) in roles.items()}
    claims = {
        name: claim(doc, doc.text, actors=(person(doc, "Dana Rook", roles[name][0], None, roles[name][1]),))
        for name, doc in documents.items()
    }
    assert run(corpus([documents["a"], documents["b"]], [claims["a"], claims["b"]])) == []
    findings = run(corpus([documents["a"], documents["c"]], [claims["a"], claims["c"]]))
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_word_for_any_office_holder_is_no_post_against_the_head():
    # "an FBI official" is true of the FBI's director too: WordNet's own word for whoever holds an office, no post of
    # its own; "FBI agent" against "FBI Director" is still a head against one who is not.
    assert names_any_office("FBI official") and names_any_office("city official")
    assert not names_any_office("director") and not names_any_office("agent")
    text = "{} Hana Voss said on Wednesday that the bureau had opened an inquiry into the collapse of the bridge."
    roles = {"a": ("Director", "FBI Director"), "b": ("official", "A top FBI official,"), "c": ("agent", "FBI agent")}
    documents = {name: document(name, text.format(role)) for name, (_, role) in roles.items()}
    claims = {
        name: claim(doc, doc.text, actors=(person(doc, "Hana Voss", roles[name][0], "FBI", roles[name][1]),))
        for name, doc in documents.items()
    }
    assert run(corpus([documents["a"], documents["b"]], [claims["a"], claims["b"]])) == []
    findings = run(corpus([documents["a"], documents["c"]], [claims["a"], claims["c"]]))
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_an_organisation_and_the_body_holding_it_agree():
    # WordNet gives the FBI as part of the Justice Department and the Marine Corps as part of the Navy: one agent,
    # named at two levels. Two bureaus of one community are two organisations.
    assert affiliations_agree("fbi", "justice department")
    assert affiliations_agree("us marine corps", "us navy")
    assert not affiliations_agree("central intelligence agency", "federal bureau of investigation")
    assert not affiliations_agree("justice department", "defense department")
    text = "Omar Tessaly, a special agent with the {}, said agents seized 3,000 counterfeit pill packs on Tuesday."
    organisations = {"a": "FBI", "b": "Justice Department", "c": "Central Intelligence Agency"}
    documents = {name: document(name, text.format(organisation)) for name, organisation in organisations.items()}
    claims = {
        name: claim(
            doc,
            doc.text,
            actors=(
                person(
                    doc,
                    "Omar Tessaly",
                    "special agent",
                    organisations[name],
                    f"a special agent with the {organisations[name]}",
                ),
            ),
        )
        for name, doc in documents.items()
    }
    assert run(corpus([documents["a"], documents["b"]], [claims["a"], claims["b"]])) == []
    findings = run(corpus([documents["a"], documents["c"]], [claims["a"], claims["c"]]))
    assert [f.data["kind"] for f in findings] == ["affiliation"]


def test_fixture_a_chief_executive_in_title_case_after_the_company_is_no_bare_chief(make_corpus):
    # The parser hangs "Executive" of "Norvane Chief Executive Lena Dorsey" on the name, and read alone "Chief" covers
    # another source's "Chief Financial Officer": the swap went unseen. Read whole, the two posts conflict.
    texts = {
        "a": "Norvane Chief Executive Lena Dorsey said on Tuesday the chemicals maker would cut 800 jobs at its Halden plant.\n",
        "b": "Norvane Chief Financial Officer Lena Dorsey said on Tuesday the chemicals maker would cut 800 jobs at its Halden plant.\n",
    }
    corp = make_corpus(texts, checks=[AttributionConflictCheck])
    assert [(f.severity, f.data["kind"]) for f in corp.findings] == [(Severity.WARNING, "title")]
    same = make_corpus(
        {**texts, "b": texts["a"].replace("Norvane Chief", "Norvane chief")}, checks=[AttributionConflictCheck]
    )
    assert same.findings == ()


def test_fixture_the_leader_of_a_body_of_peers_is_one_of_its_members(make_corpus):
    # "Senate Majority Leader" / "Sen.": WordNet's senator is a member of a senate, a body whose members choose who
    # leads them from among themselves, so the two formal titles are held together. A senator against a governor is
    # still two offices.
    sentence = "{title} Hugo Brask said on Tuesday that the bill would pass the chamber before the recess.\n"
    leader = sentence.format(title="Senate Majority Leader")
    senator = sentence.format(title="Sen.")
    governor = sentence.format(title="Gov.")
    assert make_corpus({"a": leader, "b": senator}, checks=[AttributionConflictCheck]).findings == ()
    corp = make_corpus({"b": senator, "c": governor}, checks=[AttributionConflictCheck])
    assert [(f.severity, f.data["kind"]) for f in corp.findings] == [(Severity.WARNING, "title")]


def test_fixture_a_legislator_chairing_a_committee_keeps_her_seat(make_corpus):
    # "Rep." / "Ethics Committee Chairman": WordNet's representative is a member of the House, a body of peers; a
    # committee's members choose who chairs it from among themselves, and a representative chairing one keeps her
    # seat. A representative against a governor is still two offices.
    sentence = "{title} Hugo Brask said on Tuesday that the inquiry would report to the chamber before the recess.\n"
    chairman = sentence.format(title="Ethics Committee Chairman")
    representative = sentence.format(title="Rep.")
    assert make_corpus({"a": chairman, "b": representative}, checks=[AttributionConflictCheck]).findings == ()
    corp = make_corpus({"b": representative, "c": sentence.format(title="Gov.")}, checks=[AttributionConflictCheck])
    assert [(f.severity, f.data["kind"]) for f in corp.findings] == [(Severity.WARNING, "title")]


def test_a_member_of_a_body_named_after_its_members():
    from factcheck.nlp import lexicon

    assert "senate" in lexicon.member_of("senator")
    assert "house" in lexicon.member_of("congresswoman")
    # A member of a hierarchy ("a member of a police force") is no fellow of its chief.
    assert lexicon.member_of("officer") == frozenset()


def test_fixture_a_seat_in_a_body_of_peers_is_held_beside_a_post_of_its_field(make_corpus):
    # WordNet's cardinal is a member of the Sacred College and its professor a member of a faculty: a seat given to
    # the holder of a post ("Archbishop", "Dean"), who keeps that post. Two posts of a hierarchy ("Bishop" /
    # "Archbishop") and a seat against a public office ("Sen." / "Gov.", above) still conflict.
    sentence = "{title} Tomas Velle said on Sunday that the cathedral would reopen to worshippers after three years.\n"
    archbishop, cardinal = sentence.format(title="Archbishop"), sentence.format(title="Cardinal")
    assert make_corpus({"a": archbishop, "b": cardinal}, checks=[AttributionConflictCheck]).findings == ()
    corp = make_corpus({"a": archbishop, "c": sentence.format(title="Bishop")}, checks=[AttributionConflictCheck])
    assert [(f.severity, f.data["kind"]) for f in corp.findings] == [(Severity.WARNING, "title")]
    study = "The study was led by {title} Ines Varga of Tollen University, who said noise cuts sleep by 40 minutes.\n"
    professor, dean = study.format(title="Professor"), study.format(title="Dean")
    assert make_corpus({"a": professor, "b": dean}, checks=[AttributionConflictCheck]).findings == ()


def test_fixture_a_word_whose_senses_wordnet_never_ranked_is_read_in_each(make_corpus):
    # WordNet's first "envoy" is a diplomat below an ambassador, its second an emissary sent on a mission; none of its
    # senses was tagged, so the first is no likelier: "Ambassador" and "envoy" may be one person's, as news uses them.
    texts = {
        "a": "Talks on the Kesh border crossing resumed in Valdor on Tuesday, said Ambassador Irena Solt, who leads the delegation.\n",
        "b": "Talks on the Kesh border crossing resumed in Valdor on Tuesday, said envoy Irena Solt, who leads the delegation.\n",
    }
    assert make_corpus(texts, checks=[AttributionConflictCheck]).findings == ()


def test_untagged_senses_are_each_a_reading():
    from factcheck.nlp import lexicon
    from factcheck.nlp.titles import a_seat_beside_a_post, exclusive_offices, holds_a_seat

    assert not lexicon.senses_ranked("envoy", "n")
    assert lexicon.senses_ranked("ambassador", "n")
    assert not exclusive_offices("ambassador", "envoy")
    # Ranked senses are read in their first only: two public offices stay two.
    assert exclusive_offices("mayor", "governor")
    assert holds_a_seat("cardinal") and holds_a_seat("senator") and holds_a_seat("professor")
    assert not holds_a_seat("archbishop") and not holds_a_seat("director") and not holds_a_seat("officer")
    # A member of a force or of a relation is no seat: "policeman" (a police force), "lawyer" (lawyer-client relation).
    assert not holds_a_seat("policeman") and not holds_a_seat("lawyer") and not holds_a_seat("attorney")
    # Beside another title, a word WordNet never ranked is read in the senses related to it: "striker" by a
    # "goalkeeper" is the soccer forward, so the two are still two posts of one field.
    assert posts_of_one_field("striker", "goalkeeper")
    assert a_seat_beside_a_post("cardinal", "archbishop")
    assert not a_seat_beside_a_post("senator", "governor")  # two public offices
    assert not a_seat_beside_a_post("senator", "congressman")  # two seats
    assert not a_seat_beside_a_post("professor", "judge")  # a profession and a public office


def test_a_post_handed_over_counts_from_where_the_posts_words_begin():
    from factcheck.checks.attribution_conflict import _post_taken
    from factcheck.nlp.names import role_words

    told = role_words("Harbor United named on Tuesday as the club's next head coach, starting next season.")
    assert _post_taken(told, ["coach"])
    assert not _post_taken(role_words("said prosecutors had rushed the case"), ["prosecutor"])


def test_a_rank_word_before_a_noun_for_a_person_is_its_adjective():
    from factcheck.nlp.titles import title_conflict_kind

    # "major champion", "private investigator", "general counsel": the rank word modifies the post, which is no rank.
    assert title_conflict_kind("three-time major champion", "Ryder Cup captain") != "rank"
    assert title_conflict_kind("private investigator", "Sgt.") != "rank"
    assert title_conflict_kind("general counsel", "Capt.") != "rank"
    # Ranks stay ranks, alone or together.
    assert title_conflict_kind("Capt.", "Lt.") == "rank"
    assert title_conflict_kind("Major", "Captain") == "rank"
    assert title_conflict_kind("major general", "brigadier general") == "rank"
    assert title_conflict_kind("Maj. Gen.", "Gen.") is None


def test_a_head_and_a_post_under_it_are_read_from_wordnet():
    from factcheck.nlp.titles import (
        a_head_and_a_post_under_it,
        heads_its_organisation,
        heads_one_function,
        holds_a_post_in,
    )

    # Heads: a kind of WordNet's leader, or defined as in command or in charge of something.
    assert heads_its_organisation("president") and heads_its_organisation("commander")
    # A head noun with a field of work before it heads that function, not the organisation.
    assert heads_one_function("finance director") and not heads_its_organisation("finance director")
    assert not heads_one_function("finance minister")  # a post WordNet knows whole
    assert not heads_one_function("police chief")  # a body, not a field of work
    # Posts held in an organisation, and relations to it that are none.
    assert holds_a_post_in("treasurer") and holds_a_post_in("chief of staff")
    assert not any(
        holds_a_post_in(word) for word in ("member", "owner", "founder", "shareholder", "employee", "volunteer")
    )
    assert a_head_and_a_post_under_it("president", "treasurer")
    assert a_head_and_a_post_under_it("commander", "chief of staff")
    assert a_head_and_a_post_under_it("president", "finance director")
    # Two heads co-exist; a seat, an assistant, a public office under a head are no such pair.
    assert not a_head_and_a_post_under_it("chairman", "chief executive")
    assert not a_head_and_a_post_under_it("president", "board member")
    assert not a_head_and_a_post_under_it("director", "deputy director")
    assert not a_head_and_a_post_under_it("president", "judge")


def test_a_profession_for_the_other_side_is_composed_from_its_words():
    # WordNet has no "defence lawyer"; the defence is the opposite of the prosecution whose lawyer the prosecutor is.
    assert office_of_the_profession("Defence lawyer", "Prosecutor")
    assert not office_of_the_profession("government lawyer", "prosecutor")
    assert not office_of_the_profession("defence lawyer", "judge")


def _two_outlets(make_corpus, first: str, second: str):
    texts = {"a": first, "b": second}
    return make_corpus(texts, checks=[AttributionConflictCheck])


_PRESIDENT_AND_TREASURER = {
    "a": "The championships move to a new arena. Jane Roe, president of the Harbor Skating Federation, said the old "
    "rink failed a safety check.\n",
    "b": "The championships move to a new arena. The move costs the Harbor Skating Federation extra rent, said Jane "
    "Roe, the federation's treasurer.\n",
}


def test_fixture_a_head_and_a_post_of_one_organisation_in_unrelated_sentences(make_corpus):
    # Two sources of one story at one time: one person does not head the federation and hold a post under its head.
    corp = make_corpus(_PRESIDENT_AND_TREASURER, checks=[AttributionConflictCheck])
    assert [f.data["values"] for f in corp.findings] == [["president", "treasurer"]]
    assert corp.findings[0].severity == Severity.WARNING
    assert "one of them its head" in corp.findings[0].message


def test_fixture_a_head_and_a_post_of_one_organisation_a_year_apart_is_a_note(make_corpus):
    # A year apart, the person may have moved from one post to the other.
    corp = make_corpus(
        _PRESIDENT_AND_TREASURER,
        published={"a": date(2021, 3, 1), "b": date(2023, 5, 2)},
        checks=[AttributionConflictCheck],
    )
    assert [f.severity for f in corp.findings] == [Severity.INFO]
    assert "may have changed" in corp.findings[0].message


def test_fixture_posts_at_two_organisations_or_held_together_are_quiet(make_corpus):
    two_bodies = _two_outlets(
        make_corpus,
        "The rowing club won a grant. Sam Ito, president of the Harbor Rowing Club, said work would start soon.\n",
        "The rowing club won a grant. Sam Ito, treasurer of the Delta Sports Fund, said the fund backed 14 clubs.\n",
    )
    assert not two_bodies.findings
    relation = _two_outlets(
        make_corpus,
        "The startup raised 12 million euros. Sam Ito, Harbor Labs' founder, said the money would pay for a plant.\n",
        "Harbor Labs raised 12 million euros. Sam Ito, the company's chief executive, said hiring would begin.\n",
    )
    assert not relation.findings


def test_fixture_chief_of_staff_is_read_whole_and_set_against_the_command(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "Two tanks broke through river ice. No soldiers were hurt, said Col. Sam Ito, the brigade's commander.\n",
        "Two tanks fell through thin ice. Col. Sam Ito, chief of staff of the 4th Armoured Brigade, said the crews "
        "climbed out.\n",
    )
    titles = {actor.title for c in corp.claims for actor in c.actors if actor.name == "Sam Ito"}
    assert any(title and title.startswith("chief of staff") for title in titles)
    assert len(corp.findings) == 1 and "one of them its head" in corp.findings[0].message


def test_fixture_a_field_of_work_before_a_formal_title_is_its_brief(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "The copper export ban ends in April, Trade Minister Sam Ito said on Monday.\n",
        "Mining firms welcomed the end of the ban. Finance Minister Sam Ito told parliament revenue fell.\n",
    )
    assert [f.data["values"] for f in corp.findings] == [["finance minister", "trade minister"]]


def test_a_post_named_with_of_is_read_by_the_words_before_it():
    from factcheck.nlp.titles import heads_one_function, names_no_person

    # "head of operations" is a post (a head, over one function), not the "operations" after "of".
    assert not names_no_person("head of operations")
    assert heads_one_function("head of operations") and heads_one_function("director of communications")
    assert not heads_one_function("head of state") and not heads_one_function("chief of staff")


def test_fixture_a_head_of_a_function_against_the_head_told_by_the_body_named_again(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "The refinery shut after a fire. Harbor Energy's chief executive, Sam Ito, said nobody was hurt.\n",
        "The refinery shut after a fire. Sam Ito, Harbor Energy's head of operations, said engineers were checking "
        "the pipes.\n",
    )
    assert len(corp.findings) == 1 and "one of them its head" in corp.findings[0].message
    force = _two_outlets(
        make_corpus,
        "Three rural stations will close. Sam Ito, Westmoor Police's chief constable, said officers would use vans.\n",
        "Three rural stations will close. Sam Ito, the force's head of communications, said the buildings were empty.\n",
    )
    assert len(force.findings) == 1


def test_fixture_a_brief_before_a_formal_title_that_is_no_field_of_work(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "Petrol lawnmowers will be banned from 2029, Environment Secretary Sam Ito announced on Tuesday.\n",
        "Battery mowers are now cheap enough, Transport Secretary Sam Ito told MPs.\n",
    )
    assert [f.data["values"] for f in corp.findings] == [["environment secretary", "transport secretary"]]


def test_fixture_a_body_before_a_word_for_whoever_leads_is_no_brief(make_corpus):
    # "Fire Chief" / "Rescue Chief": one fire and rescue service named two ways, not two portfolios.
    corp = _two_outlets(
        make_corpus,
        "The blaze was out by noon, Harbor Fire Chief Sam Ito said on Monday.\n",
        "Crews saved the barn, Rescue Chief Sam Ito said on Monday.\n",
    )
    assert not corp.findings


def test_an_adjective_of_a_field_of_work_makes_a_head_of_one_function():
    from factcheck.nlp.titles import heads_its_organisation, heads_one_function

    assert heads_one_function("medical director") and not heads_its_organisation("medical director")
    # "executive" names a person: an executive director heads the organisation.
    assert not heads_one_function("executive director") and heads_its_organisation("executive director")


def test_fixture_a_body_named_again_by_a_common_noun_its_own_article_names(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "Harbor Health cancelled 120 operations. Dr. Sam Ito, the company's medical director, said emergency care "
        "went on.\n",
        "Dozens of staff at Harbor Health are off sick. Sam Ito, chief executive of Harbor Health, said operations "
        "would be rebooked.\n",
    )
    assert len(corp.findings) == 1 and "one of them its head" in corp.findings[0].message


def test_fixture_a_volunteer_is_no_post_beside_the_chair(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "A new play area opened in the park. Sam Ito, chair of the Friends of Harbor Park, said families raised the "
        "money.\n",
        "Families funded the playground. Sam Ito, a volunteer with the Friends of Harbor Park, said children chose "
        "the slides.\n",
    )
    assert not corp.findings


def test_a_brief_is_a_field_of_work_or_a_made_thing_never_a_time_a_body_or_a_place():
    from factcheck.nlp.titles import names_a_brief

    assert names_a_brief("Trade") and names_a_brief("Transport") and names_a_brief("Health")
    # "before 1 January, three days before President Jane Roe": a month read before a title is no brief.
    assert not any(names_a_brief(word) for word in ("January", "Monday", "Police", "Harbor", "Labour"))


def test_a_formal_brief_and_a_plain_one_may_name_one_post():
    # One outlet names the office ("Harbour Office Minister"), another what the minister does in it ("immigration
    # minister"): both may be true. Two formal briefs, and a plain brief against a post with a title word, still differ.
    assert title_conflict_kind("Harbour Office Minister", "immigration minister") is None
    assert title_conflict_kind("Constitutional Affairs Minister", "courts minister") is None
    assert title_conflict_kind("Transport Minister", "Finance Minister") == "modifier"
    assert title_conflict_kind("Chief Executive", "chief financial officer") == "modifier"


def test_a_given_name_the_parse_took_for_a_title_before_a_surname_names_someone_else():
    # "a film by Ana Roe, who is not related to the winner": parsed as the title "Ana" before "Roe", whom extraction
    # resolved to the story's Mira Roe. A capitalised word that is no title word and no post is a given name.
    a = document("a", "Director Mira Roe won the top prize on Saturday.")
    b = document("b", "Mira Roe won the top prize. Another prize went to a film by Ana Roe, who is not related to her.")
    surname = span(b, "Roe", b.text.index("Ana Roe"))
    ana = Actor(span=surname, name="Mira Roe", label="PERSON", title="Ana", role_span=span(b, "Ana Roe, who is"))
    claims = [
        claim(a, a.text, actors=(person(a, "Mira Roe", "Director", role="Director"),)),
        claim(b, "Another prize went to a film by Ana Roe, who is not related to her.", actors=(ana,)),
    ]
    assert run(corpus([a, b], claims)) == []
    assert [mention.title for mention in collect_mentions(corpus([a, b], claims))] == ["Director"]
    # A post the parse reads there stays the person's ("by Prosecutor Roe").
    c = document("c", "Mira Roe won the top prize. Another prize went to a film by Prosecutor Roe.")
    post = Actor(
        span=span(c, "Roe", c.text.index("Prosecutor Roe")),
        name="Mira Roe",
        label="PERSON",
        title="Prosecutor",
        role_span=span(c, "Prosecutor"),
    )
    titles = collect_mentions(
        corpus([c], [claim(c, "Another prize went to a film by Prosecutor Roe.", actors=(post,))])
    )
    assert [mention.title for mention in titles] == ["Prosecutor"]


def test_whose_post_beside_which_kind_of_it_is_one_post():
    # "the government envoy" / "special envoy": the government's special envoy. Two bodies, two kinds, or a post and
    # its second still differ.
    text = "{} Lise Varga arrived in the capital on Monday for talks."
    roles = {"a": "The government envoy", "b": "Special envoy", "c": "Deputy envoy"}
    documents = {name: document(name, text.format(role)) for name, role in roles.items()}
    claims = {
        name: claim(
            doc, doc.text, actors=(person(doc, "Lise Varga", roles[name].removeprefix("The "), role=roles[name]),)
        )
        for name, doc in documents.items()
    }
    assert run(corpus([documents["a"], documents["b"]], [claims["a"], claims["b"]])) == []
    assert len(run(corpus([documents["b"], documents["c"]], [claims["b"], claims["c"]]))) == 1
    assert title_conflict_kind("army chief", "navy chief") == "modifier"
    assert _whose_beside_which("government envoy", "special envoy")
    assert not _whose_beside_which("army chief", "navy chief")
    assert not _whose_beside_which("government attorney", "defense attorney")
    assert not _whose_beside_which("team coach", "assistant coach")


def test_a_further_title_changed_in_another_source_is_a_conflict():
    # "Jane Roe, who is chairman and chief executive": the extraction keeps "chairman" as the title and "chief
    # executive" as a further one; another source's "Chief Financial Officer" is a post of the chief executive's kind.
    a = document("a", "Jane Roe, who is chairman and chief executive, said the trial had worked.")
    b = document("b", "Chief Financial Officer Jane Roe said the company would file for approval.")
    c = document("c", "Chief Executive Jane Roe said the company would file for approval.")
    left = claim(
        a,
        a.text,
        actors=(person(a, "Jane Roe", "chairman", role="who is chairman", further=("chief executive",)),),
    )
    cfo = claim(b, b.text, actors=(person(b, "Jane Roe", "Chief Financial Officer", role="Chief Financial Officer"),))
    ceo = claim(c, c.text, actors=(person(c, "Jane Roe", "Chief Executive", role="Chief Executive"),))
    findings = run(corpus([a, b], [left, cfo]))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "chief executive" in findings[0].data["values"] and "chief financial officer" in findings[0].data["values"]
    assert any(e.doc == "a" and e.text == "chief executive" for e in findings[0].evidence)
    # The same post, or the main title's, agrees: loose wording is no conflict.
    assert run(corpus([a, c], [left, ceo])) == []


def test_a_rank_beside_a_command_is_compared_as_a_rank():
    # "Vice Admiral Jane Roe, commander of the coastguard": the appositive's command is the title, the rank a further
    # one; "a rear admiral" elsewhere is another rank, "the coastguard's commander" the same command.
    a = document("a", '"We did not stop," said Vice Admiral Jane Roe, commander of the coastguard.')
    b = document("b", "The coastguard is led by Jane Roe, a rear admiral.")
    c = document("c", "Rear Admiral Jane Roe said the search would go on.")
    vice = claim(
        a,
        a.text,
        actors=(person(a, "Jane Roe", "commander", role="commander", further=("Vice Admiral",)),),
    )
    rear = claim(b, b.text, actors=(person(b, "Jane Roe", "rear admiral", role="a rear admiral"),))
    also_rear = claim(c, c.text, actors=(person(c, "Jane Roe", "Rear Admiral", role="Rear Admiral"),))
    assert [f.severity for f in run(corpus([a, b], [vice, rear]))] == [Severity.WARNING]
    assert run(corpus([b, c], [rear, also_rear])) == []
    # Without the further title only the command is read, which any rank holds: nothing to tell.
    bare = claim(a, a.text, actors=(person(a, "Jane Roe", "commander", role="commander"),))
    assert run(corpus([a, b], [bare, rear])) == []


def test_a_further_title_meets_only_posts_of_its_own_kind():
    # Two formal titles WordNet gives as two public offices warn as main titles ("Mayor" / "Gov."); a further title
    # against another role noun is one more description, never weighed: only another rank, or its head noun with
    # another modifier, counts.
    a = document("a", "The mother of three and Harbor Mayor Jane Roe spoke on Monday at the hall.")
    b = document("b", "Gov. Jane Roe spoke on Monday at the hall.")
    governor = claim(b, b.text, actors=(person(b, "Jane Roe", "Gov.", role="Gov."),))
    as_main = claim(a, a.text, actors=(person(a, "Jane Roe", "Mayor", role="Mayor"),))
    assert [f.severity for f in run(corpus([a, b], [as_main, governor]))] == [Severity.WARNING]
    as_further = claim(
        a,
        a.text,
        actors=(person(a, "Jane Roe", "mother", role="mother", further=("Mayor",)),),
    )
    assert run(corpus([a, b], [as_further, governor])) == []


def test_titles_one_mention_gives_together_co_exist():
    # "Jane Roe, head coach and assistant coach of the under-21s": whatever another source gives, the text holds the
    # two posts at once, so they are no pair; another source's third post of the kind still is.
    a = document("a", "Jane Roe, head coach and assistant coach of the youth side, spoke.")
    b = document("b", "Jane Roe, the team's head coach, spoke.")
    c = document("c", "Jane Roe, the team's goalkeeping coach, spoke.")
    both = claim(
        a,
        a.text,
        actors=(person(a, "Jane Roe", "head coach", role="head coach", further=("assistant coach",)),),
    )
    head = claim(b, b.text, actors=(person(b, "Jane Roe", "head coach", "team", role="the team's head coach"),))
    assert run(corpus([a, b], [both, head])) == []
    other = claim(
        c, c.text, actors=(person(c, "Jane Roe", "goalkeeping coach", "team", role="the team's goalkeeping coach"),)
    )
    assert run(corpus([a, c], [both, other])) != []


def test_two_grades_of_one_rank_word_are_two_ranks():
    # WordNet names "vice admiral" and "rear admiral" whole: two grades, though both end in "admiral"; the bare rank
    # is either's short form.
    assert title_conflict_kind("Vice Admiral", "rear admiral") == "rank"
    assert title_conflict_kind("Staff Sgt.", "Sergeant Major") == "rank"
    assert title_conflict_kind("Admiral", "rear admiral") is None
    assert title_conflict_kind("Rear Adm.", "rear admiral") is None
    assert title_conflict_kind("Lt. Gen.", "Gen.") is None


def test_a_further_title_is_a_mention_of_its_own_unless_the_main_title_holds_it():
    a = document(
        "a", "Col. Sam Ito, the ministry's spokesman, said Vice Admiral Jane Roe, commander of the fleet, left."
    )
    ito = person(a, "Sam Ito", "spokesman", "ministry", role="the ministry's spokesman", further=("Col.",))
    roe = person(a, "Jane Roe", "commander", role="commander", further=("Vice Admiral",))
    mentions = collect_mentions(corpus([a], [claim(a, a.text, actors=(ito, roe))]))
    # The rank before Ito's name is read into his title already ("spokesman Col."): no second mention of it.
    assert [(m.name, m.title, m.further) for m in mentions] == [
        ("Sam Ito", "spokesman Col.", False),
        ("Jane Roe", "commander", False),
        ("Jane Roe", "Vice Admiral", True),
    ]
    assert mentions[-1].evidence.text == "Vice Admiral"


def test_the_second_of_an_office_written_with_general_is_its_deputy():
    # "general" after an office is the office's adjective ("director general", "attorney general"), no rank: the
    # deputy's post is a second post, as "deputy director" is; a rank's "lieutenant" still makes a rank of its own.
    assert title_conflict_kind("deputy director general", "director general") == "modifier"
    assert title_conflict_kind("Deputy Attorney General", "Attorney General") == "modifier"
    assert title_conflict_kind("deputy director-general", "director-general") == "modifier"
    assert title_conflict_kind("Lt. Gen.", "Gen.") is None
    assert title_conflict_kind("lieutenant general", "general") is None


def test_a_further_description_is_no_post_to_compare():
    # "Actress and champion swimmer Jane Roe" / "the actress and record-setting swimmer, Jane Roe": what she does,
    # worded two ways, not two posts of one kind. A further title is read only when it names a post.
    a = document("a", "Actress and champion swimmer Jane Roe, who starred in several films, died on Tuesday.")
    b = document("b", "The actress and record-setting swimmer, Jane Roe, died on Tuesday in her sleep.")
    left = claim(
        a,
        a.text,
        actors=(person(a, "Jane Roe", "Actress", role="Actress", further=("champion swimmer",)),),
    )
    right = claim(
        b,
        b.text,
        actors=(person(b, "Jane Roe", "actress", role="actress", further=("record-setting swimmer",)),),
    )
    assert [m.further for m in collect_mentions(corpus([a, b], [left, right]))] == [False, False]
    assert run(corpus([a, b], [left, right])) == []


@pytest.mark.parametrize(
    "described",
    [
        "Jane Roe, the company's chief executive, said sales fell.",
        "Jane Roe, chief executive of the company, said sales fell.",
    ],
)
def test_fixture_a_body_told_by_a_common_noun_is_no_second_affiliation(make_corpus, described):
    # "the company" says what kind of body, not which: another source's name for it ("Harbor Corp") agrees.
    corp = _two_outlets(
        make_corpus,
        f"Harbor Corp cut 300 jobs on Monday. {described}\n",
        "Harbor Corp will cut 300 jobs. Harbor Corp chief executive Jane Roe said the cuts were needed.\n",
    )
    assert not corp.findings


def test_fixture_two_bodies_told_by_two_common_nouns_still_differ(make_corpus):
    corp = _two_outlets(
        make_corpus,
        "The port reopened on Monday. Jane Roe, the ministry's spokeswoman, said ships could dock again.\n",
        "The port reopened on Monday. Jane Roe, the agency's spokeswoman, said ships could dock again.\n",
    )
    assert [f.data["values"] for f in corp.findings] == [["agency", "ministry"]]
