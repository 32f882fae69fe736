"""FC001 temporal: recent events dated long before the dateline, past events after it."""

from __future__ import annotations

from datetime import date

import pytest
from _claimkit import Event, claim, corpus, document, time

from factcheck.checks.base import CheckContext
from factcheck.checks.temporal import TemporalCheck, dates_agree
from factcheck.model import Severity

PUBLISHED = date(2030, 3, 20)


def run(corp):
    return list(TemporalCheck().run(corp, CheckContext()))


def test_recent_event_in_next_sentence_dated_a_year_before():
    doc = document(
        "a",
        "The recent test of the rover drew crowds.\n\n"
        "On March 1, 2029, engineers watched the trial run of the rover in the desert.",
        PUBLISHED,
    )
    first = claim(
        doc,
        "The recent test of the rover drew crowds.",
        times=(time(doc, "recent", "PRESENT_REF", "present", recent=True),),
    )
    second = claim(
        doc,
        "On March 1, 2029, engineers watched the trial run of the rover in the desert.",
        times=(time(doc, "March 1, 2029", "2029-03-01"),),
        event=Event(actor="engineer", action="watch"),
    )
    findings = run(corpus([doc], [first, second]))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == Severity.WARNING
    assert (
        "1 March 2029" in finding.message and "384 days before" in finding.message and "recent test" in finding.message
    )
    assert "2029-03-01" not in finding.message  # plain words, not ISO or TIMEX3 values
    assert "2030-03-01" in finding.suggestion
    assert {span.text for span in finding.evidence} >= {"recent", "March 1, 2029"}


def test_recent_event_dated_recently_is_quiet():
    doc = document(
        "a",
        "The recent test of the rover drew crowds.\n\nOn March 1, 2030, engineers watched the trial run of the rover.",
        PUBLISHED,
    )
    first = claim(doc, "The recent test of the rover drew crowds.")
    second = claim(
        doc,
        "On March 1, 2030, engineers watched the trial run of the rover.",
        times=(time(doc, "March 1, 2030", "2030-03-01"),),
    )
    assert run(corpus([doc], [first, second])) == []


def test_unrelated_next_sentence_is_not_linked():
    doc = document(
        "a", "The recent test of the rover drew crowds. On March 1, 2019, the town council voted on parking.", PUBLISHED
    )
    first = claim(doc, "The recent test of the rover drew crowds.")
    second = claim(
        doc, "On March 1, 2019, the town council voted on parking.", times=(time(doc, "March 1, 2019", "2019-03-01"),)
    )
    assert run(corpus([doc], [first, second])) == []


def test_same_sentence_recent_and_old_date_is_error():
    doc = document("a", "The recent launch took place on 4 May 2028 at the coast.", PUBLISHED)
    only = claim(
        doc, "The recent launch took place on 4 May 2028 at the coast.", times=(time(doc, "4 May 2028", "2028-05-04"),)
    )
    findings = run(corpus([doc], [only]))
    assert [f.severity for f in findings] == [Severity.ERROR]


def test_weekday_dates_its_own_event_not_the_one_compared_with():
    # Issue 15: "Wednesday" was tied to "December 2008" in a comparison with an earlier event.
    text = "Wednesday's violence was similar to the riots of December 2008 in the capital."
    doc = document("a", text, date(2010, 5, 7))
    only = claim(
        doc,
        text,
        times=(
            time(doc, "Wednesday", "2010-05-05", relative=True, recent=True),
            time(doc, "December 2008", "2008-12", "month"),
        ),
    )
    assert run(corpus([doc], [only])) == []


def test_reported_date_is_not_the_recent_event():
    doc = document("a", "The recently released report says output peaked in March 2021.", PUBLISHED)
    only = claim(
        doc,
        "The recently released report says output peaked in March 2021.",
        times=(time(doc, "March 2021", "2021-03", "month"),),
    )
    assert run(corpus([doc], [only])) == []


def test_recent_years_is_a_period_not_an_event():
    doc = document("a", "In recent years the agency moved on 4 May 2020 to new offices.", PUBLISHED)
    only = claim(
        doc,
        "In recent years the agency moved on 4 May 2020 to new offices.",
        times=(time(doc, "4 May 2020", "2020-05-04"),),
    )
    assert run(corpus([doc], [only])) == []


def test_past_event_after_dateline():
    doc = document("a", "The ministry opened the bridge on 2 June 2031.", PUBLISHED)
    only = claim(
        doc,
        "The ministry opened the bridge on 2 June 2031.",
        times=(time(doc, "2 June 2031", "2031-06-02"),),
        event=Event(actor="ministry", action="open", object="bridge", past=True),
    )
    findings = run(corpus([doc], [only]))
    assert len(findings) == 1 and "after the dateline" in findings[0].message


def test_future_framed_event_after_dateline_is_quiet():
    doc = document("a", "The ministry said it will open the bridge on 2 June 2031.", PUBLISHED)
    only = claim(
        doc,
        "The ministry said it will open the bridge on 2 June 2031.",
        times=(time(doc, "2 June 2031", "2031-06-02"),),
        event=Event(actor="ministry", action="say", past=True),
    )
    assert run(corpus([doc], [only])) == []


def test_relative_beside_explicit_date_in_another_year():
    doc = document("a", "Earlier this year, on 9 January 2027, the plant closed.", PUBLISHED)
    only = claim(
        doc,
        "Earlier this year, on 9 January 2027, the plant closed.",
        times=(
            time(doc, "Earlier this year", "2030", "year", relative=True),
            time(doc, "9 January 2027", "2027-01-09"),
        ),
    )
    findings = run(corpus([doc], [only]))
    assert len(findings) == 1 and findings[0].severity == Severity.ERROR
    assert "2030" in findings[0].message and "9 January 2027" in findings[0].message


def test_no_dateline_says_nothing():
    doc = document("a", "The recent launch took place on 4 May 2028.")
    only = claim(doc, "The recent launch took place on 4 May 2028.", times=(time(doc, "4 May 2028", "2028-05-04"),))
    assert run(corpus([doc], [only])) == []


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("2020", "2020-10", True),
        ("2019", "2020", False),
        ("2020-10-01", "2020-Q4", True),
        ("2020-10", "2020-11", False),
    ],
)
def test_dates_agree_by_granularity(a, b, agree):
    assert dates_agree(a, b) is agree


# -- through the real load, extract and cluster stages ------------------------------------
def _story(year: int) -> str:
    return (
        "Vela Probe Report\n\nThe recent launch of the Vela probe drew large crowds.\n\n"
        f"On March 1, {year}, engineers watched the lift-off of the Vela probe from the coast.\n"
    )


def test_fixture_recent_launch_a_year_old(make_corpus):
    corp = make_corpus({"a": _story(2029)}, published={"a": PUBLISHED}, checks=[TemporalCheck])
    assert len(corp.findings) == 1
    assert "1 March 2029" in corp.findings[0].message and "2030-03-01" in corp.findings[0].suggestion


def test_fixture_recent_launch_dated_recently(make_corpus):
    corp = make_corpus({"a": _story(2030)}, published={"a": PUBLISHED}, checks=[TemporalCheck])
    assert corp.findings == ()


def test_a_word_for_the_present_does_not_call_an_older_date_recent():
    # "now" contrasts the present with the older plan; "latest" orders a series (issue 15, MEANTIME false alarms).
    text = "The airline was to take delivery in May 2028, but will now receive the jets next month."
    doc = document("a", text, PUBLISHED)
    only = claim(
        doc,
        text,
        times=(
            time(doc, "May 2028", "2028-05", "month"),
            time(doc, "now", "PRESENT_REF", "present", recent=True),
        ),
    )
    assert run(corpus([doc], [only])) == []
    text = "The firm's latest suit, filed in September 2027, claims the deal was broken."
    doc = document("a", text, PUBLISHED)
    only = claim(
        doc,
        text,
        times=(
            time(doc, "latest", "PRESENT_REF", "present", recent=True),
            time(doc, "September 2027", "2027-09", "month"),
        ),
    )
    assert run(corpus([doc], [only])) == []
    # "just" still dates an act as recent.
    text = "The agency has just opened the bridge, on 4 May 2028."
    doc = document("a", text, PUBLISHED)
    only = claim(
        doc,
        text,
        times=(time(doc, "just", "PRESENT_REF", "present", recent=True), time(doc, "4 May 2028", "2028-05-04")),
    )
    assert [f.severity for f in run(corpus([doc], [only]))] == [Severity.ERROR]


def test_a_hope_and_a_year_in_a_name_are_not_past_events_after_the_dateline():
    hoped = "The builder had hoped to have its jet ready for 2033."
    doc = document("a", hoped, PUBLISHED)
    only = claim(
        doc,
        hoped,
        times=(time(doc, "2033", "2033", "year"),),
        event=Event(actor="builder", action="hope", past=True),
    )
    assert run(corpus([doc], [only])) == []
    named = "The firm released the 2031 version of its office suite."
    doc = document("a", named, PUBLISHED)
    version = time(doc, "2031", "2031", "year").model_copy(update={"head": "version"})
    only = claim(doc, named, times=(version,), event=Event(actor="firm", action="release", past=True))
    assert run(corpus([doc], [only])) == []
    # The same year dating the act is still a past event after the dateline.
    dated = "The firm released its office suite in 2031."
    doc = document("a", dated, PUBLISHED)
    when = time(doc, "2031", "2031", "year").model_copy(update={"head": "release"})
    only = claim(doc, dated, times=(when,), event=Event(actor="firm", action="release", past=True))
    assert len(run(corpus([doc], [only]))) == 1


def test_the_most_recent_of_a_series_is_not_called_recent():
    # A superlative orders a series, as "latest" does: the last one may be years old.
    text = "The most recent was the award on 4 May 2026 of the harbour contract."
    doc = document("a", text, PUBLISHED)
    only = claim(
        doc,
        text,
        times=(time(doc, "recent", "PRESENT_REF", "present", recent=True), time(doc, "4 May 2026", "2026-05-04")),
    )
    assert run(corpus([doc], [only])) == []
    text = "The most recent award on 4 May 2026 went to the harbour firm."
    doc = document("a", text, PUBLISHED)
    only = claim(doc, text, times=(time(doc, "4 May 2026", "2026-05-04"),))
    assert run(corpus([doc], [only])) == []


def test_a_recency_word_in_another_clause_than_the_date_is_not_tied_to_it():
    # The relative clause is recent to the main clause's date; "and recently" starts a second act.
    for text in (
        "On 4 May 2026, the fund bought a stake in the yard, which had just left administration.",
        "The firm lost $2m on 4 May 2026 and recently reported another loss.",
    ):
        doc = document("a", text, PUBLISHED)
        only = claim(doc, text, times=(time(doc, "4 May 2026", "2026-05-04"),))
        assert run(corpus([doc], [only])) == [], text
    # In one clause the recency word and the old date still contradict each other.
    text = "The yard has just reopened its gates, on 4 May 2026."
    doc = document("a", text, PUBLISHED)
    only = claim(doc, text, times=(time(doc, "4 May 2026", "2026-05-04"),))
    assert [f.severity for f in run(corpus([doc], [only]))] == [Severity.ERROR]


def test_fixture_a_later_update_line_dates_what_the_story_can_tell(make_corpus):
    # Published on the 20th and updated on the 22nd, the story may tell what happened on the 21st.
    body = "The ministry opened the new harbour bridge on March 21, 2030, after two years of work.\n"
    updated = "Harbour bridge opens\n\nPublished: March 20, 2030\n\nUpdated: March 22, 2030\n\n" + body
    built = make_corpus({"a": updated}, checks=[TemporalCheck])
    assert [f for f in built.findings if f.check == "temporal"] == []
    once = "Harbour bridge opens\n\nPublished: March 20, 2030\n\n" + body
    built = make_corpus({"a": once}, checks=[TemporalCheck])
    assert ["after the dateline" in f.message for f in built.findings if f.check == "temporal"] == [True]


def test_a_year_the_parse_hangs_on_another_word_than_the_past_act_dates_that_word():
    ordered = "The airline ordered 20 jets for delivery from 2032."
    doc = document("a", ordered, PUBLISHED)
    delivery = time(doc, "2032", "2032", "year").model_copy(update={"head": "delivery"})
    only = claim(doc, ordered, times=(delivery,), event=Event(actor="airline", action="order", past=True))
    assert run(corpus([doc], [only])) == []
    # The act told by a noun WordNet derives from its verb is still the act: "the closure ... on 2 June 2031".
    closed = "The firm closed the plant, a closure on 2 June 2031 that cost 600 jobs."
    doc = document("a", closed, PUBLISHED)
    closure = time(doc, "2 June 2031", "2031-06-02").model_copy(update={"head": "closure"})
    only = claim(doc, closed, times=(closure,), event=Event(actor="firm", action="close", past=True))
    assert len(run(corpus([doc], [only]))) == 1
    # Hung on the act itself, the year is the act's: a past event after the dateline.
    dated = "The airline ordered 20 jets in 2032."
    doc = document("a", dated, PUBLISHED)
    when = time(doc, "2032", "2032", "year").model_copy(update={"head": "order"})
    only = claim(doc, dated, times=(when,), event=Event(actor="airline", action="order", past=True))
    assert len(run(corpus([doc], [only]))) == 1


def test_a_year_and_a_weekday_side_by_side_on_two_words_are_two_dates():
    adopted = "The council adopted a plan for 2035 on Tuesday."
    doc = document("a", adopted, PUBLISHED)
    year = time(doc, "2035", "2035", "year").model_copy(update={"head": "plan"})
    weekday = time(doc, "Tuesday", "2030-03-19", relative=True).model_copy(update={"head": "adopt"})
    only = claim(doc, adopted, times=(year, weekday))
    assert run(corpus([doc], [only])) == []
    # The period something is for, whatever word the parse hangs it on: "a budget for 2036 on Tuesday".
    approved = "The council approved a budget of 2 billion euros for 2036 on Tuesday."
    doc = document("a", approved, PUBLISHED)
    year = time(doc, "2036", "2036", "year").model_copy(update={"head": "approve"})
    weekday = time(doc, "Tuesday", "2030-03-19", relative=True).model_copy(update={"head": "approve"})
    assert run(corpus([doc], [claim(doc, approved, times=(year, weekday))])) == []
    # Nor is it a past act dated after the dateline.
    approved = "The council approved a budget of 2 billion euros for 2031."
    doc = document("a", approved, PUBLISHED)
    year = time(doc, "2031", "2031", "year").model_copy(update={"head": "approve"})
    only = claim(doc, approved, times=(year,), event=Event(actor="council", action="approve", past=True))
    assert run(corpus([doc], [only])) == []
    # On one word they are one date told two ways, and the two disagree.
    closed = "The plant closed in 2027 on Tuesday."
    doc = document("a", closed, PUBLISHED)
    year = time(doc, "2027", "2027", "year").model_copy(update={"head": "close"})
    weekday = time(doc, "Tuesday", "2030-03-19", relative=True).model_copy(update={"head": "close"})
    only = claim(doc, closed, times=(year, weekday))
    assert [finding.severity for finding in run(corpus([doc], [only]))] == [Severity.ERROR]
