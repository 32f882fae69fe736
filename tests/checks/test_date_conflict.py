"""FC002 date-conflict: the same event, two dates; granularity and event identity respected."""

from __future__ import annotations

from _claimkit import Event, claim, corpus, document, time

from factcheck.checks.base import CheckContext
from factcheck.checks.date_conflict import DateConflictCheck
from factcheck.model import Severity


def run(corp):
    return list(DateConflictCheck().run(corp, CheckContext()))


def founding(doc, sentence, when, value, granularity="year", actor="norland", obj="coast guard"):
    return claim(doc, sentence, times=(time(doc, when, value, granularity),),
                 event=Event(actor=actor, action="found", object=obj))


def test_same_event_two_years_across_sources():
    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "The coast guard was founded by Norland in 2001.")
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = founding(b, "The coast guard was founded by Norland in 2001.", "2001", "2001")
    findings = run(corpus([a, b], [left, right], clusters=[[left, right]]))
    assert len(findings) == 1
    assert findings[0].severity == Severity.WARNING
    assert "\u20181998\u2019" in findings[0].message and "\u20182001\u2019" in findings[0].message
    assert {span.doc for span in findings[0].evidence} == {"a", "b"}


def test_year_and_month_of_that_year_agree():
    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "Norland founded the coast guard in October 1998.")
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = founding(b, "Norland founded the coast guard in October 1998.", "October 1998", "1998-10", "month")
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_different_events_never_meet():
    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "Norland founded the navy in 2001.")
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = founding(b, "Norland founded the navy in 2001.", "2001", "2001", obj="navy")
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_different_clusters_never_meet():
    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "Norland founded the coast guard in 2001.")
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = founding(b, "Norland founded the coast guard in 2001.", "2001", "2001")
    assert run(corpus([a, b], [left, right], clusters=[[left], [right]])) == []


def test_list_of_dates_is_skipped():
    a = document("a", "Tests were held by Norland in 2007 and by Sudmark in 2008.")
    b = document("b", "Norland held tests in 2009.")
    left = claim(a, a.text, times=(time(a, "2007", "2007", "year"), time(a, "2008", "2008", "year")),
                 event=Event(actor="norland", action="hold", object="test"))
    right = claim(b, b.text, times=(time(b, "2009", "2009", "year"),), event=Event(actor="norland", action="hold", object="test"))
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_within_one_document_is_error():
    a = document("a", "Norland founded the coast guard in 1998. Later we learn Norland founded the coast guard in 2001.")
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = claim(a, "Later we learn Norland founded the coast guard in 2001.", times=(time(a, "2001", "2001", "year"),),
                  event=Event(actor="norland", action="found", object="coast guard"))
    findings = run(corpus([a], [left, right], clusters=[[left, right]]))
    assert [f.severity for f in findings] == [Severity.ERROR]


# -- through the real load, extract and cluster stages ------------------------------------
def test_fixture_founding_dated_two_ways(make_corpus):
    corp = make_corpus({"a": "Norland founded its coast guard in 1998, officials said.\n",
                        "b": "Norland founded its coast guard in 2001, officials said.\n"}, checks=[DateConflictCheck])
    assert len(corp.findings) == 1
    assert "1998" in corp.findings[0].message and "2001" in corp.findings[0].message


def test_fixture_year_and_month_agree(make_corpus):
    corp = make_corpus({"a": "Norland founded its coast guard in 1998, officials said.\n",
                        "b": "Norland founded its coast guard in October 1998, officials said.\n"},
                       checks=[DateConflictCheck])
    assert corp.findings == ()
