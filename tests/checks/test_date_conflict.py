"""FC002 date-conflict: the same event, two dates; granularity and event identity respected."""

from __future__ import annotations

import re
from datetime import date

import pytest
from _claimkit import Actor, Event, Quantity, claim, corpus, document, span, time

from factcheck.checks.base import CheckContext
from factcheck.checks.date_conflict import DateConflictCheck
from factcheck.model import Severity


def run(corp):
    return list(DateConflictCheck().run(corp, CheckContext()))


def founding(doc, sentence, when, value, granularity="year", actor="norland", obj="coast guard"):
    return claim(
        doc,
        sentence,
        times=(time(doc, when, value, granularity),),
        event=Event(actor=actor, action="found", object=obj),
    )


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


def test_same_fact_meets_even_when_clustering_kept_it_apart():
    # Issue 15: 16 of the date misses were never clustered together; the alignment finds them anyway.
    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "Norland founded the coast guard in 2001.")
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = founding(b, "Norland founded the coast guard in 2001.", "2001", "2001")
    findings = run(corpus([a, b], [left, right], clusters=[[left], [right]]))
    assert [f.data["dates"] for f in findings] == [["1998", "2001"]]


def test_list_of_dates_is_skipped():
    a = document("a", "Norland held tests in 2007 and in 2008.")
    b = document("b", "Norland held tests in 2009.")
    left = claim(
        a,
        a.text,
        times=(time(a, "2007", "2007", "year"), time(a, "2008", "2008", "year")),
        event=Event(actor="norland", action="hold", object="test"),
    )
    right = claim(
        b, b.text, times=(time(b, "2009", "2009", "year"),), event=Event(actor="norland", action="hold", object="test")
    )
    assert run(corpus([a, b], [left, right], clusters=[[left, right]])) == []


def test_an_extra_date_of_another_event_does_not_block_the_paired_one():
    # Issue 15: "founded in 2012" made "the December 15 election" against "December 23" a list.
    a = document("a", "The party, founded in 2012, will contest the parliamentary election on December 15.")
    b = document("b", "The party will contest the parliamentary election on December 23, officials said.")
    left = claim(
        a, a.text, times=(time(a, "2012", "2012", "year"), time(a, "December 15", "2013-12-15", relative=True))
    )
    right = claim(b, b.text, times=(time(b, "December 23", "2013-12-23", relative=True),))
    findings = run(corpus([a, b], [left, right]))
    # Undated articles: both days are read against one shared anchor.
    assert [f.data["dates"][0][4:] for f in findings] == ["-12-15"]
    assert [f.data["dates"][1][4:] for f in findings] == ["-12-23"]


def test_within_one_document_is_error():
    a = document(
        "a", "Norland founded the coast guard in 1998. Later we learn Norland founded the coast guard in 2001."
    )
    left = founding(a, "Norland founded the coast guard in 1998.", "1998", "1998")
    right = claim(
        a,
        "Later we learn Norland founded the coast guard in 2001.",
        times=(time(a, "2001", "2001", "year"),),
        event=Event(actor="norland", action="found", object="coast guard"),
    )
    findings = run(corpus([a], [left, right], clusters=[[left, right]]))
    assert [f.severity for f in findings] == [Severity.ERROR]


# -- through the real load, extract and cluster stages ------------------------------------
def test_fixture_founding_dated_two_ways(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland founded its coast guard in 1998, officials said.\n",
            "b": "Norland founded its coast guard in 2001, officials said.\n",
        },
        checks=[DateConflictCheck],
    )
    assert len(corp.findings) == 1
    assert "1998" in corp.findings[0].message and "2001" in corp.findings[0].message


def test_fixture_year_and_month_agree(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland founded its coast guard in 1998, officials said.\n",
            "b": "Norland founded its coast guard in October 1998, officials said.\n",
        },
        checks=[DateConflictCheck],
    )
    assert corp.findings == ()


# -- cases the tuple rules missed (issue 15), through the real extraction ---------------------
def test_fixture_future_tense_date_changed(make_corpus):
    # The (actor, action, object) rule skipped future tense: "will defend ... on Sept. 8" never met.
    text = (
        "Pacquiao will defend his welterweight title against Hatton on Sept. {day} in Las Vegas, his promoter said.\n"
    )
    corp = make_corpus({"a": text.format(day=8), "b": text.format(day=16)}, checks=[DateConflictCheck])
    assert [f.severity for f in corp.findings] == [Severity.WARNING]
    finding = corp.findings[0]
    assert {span.text for span in finding.evidence} >= {"Sept. 8", "Sept. 16"}
    assert finding.data["alignment"]["left"]["differs"][0]["text"] in {"Sept. 8", "Sept. 16"}
    # Neither article has a dateline nor writes a year: the year the comparison stood in is not shown.
    assert "8 September, no year given" in finding.message and "20" not in finding.message


def test_fixture_paraphrase_in_the_passive_with_another_year(make_corpus):
    corp = make_corpus(
        {
            "a": "Jon Stewart hosted the Academy Awards ceremony in 2007, the academy said.\n",
            "b": "The Academy Awards ceremony was hosted by Jon Stewart in 2006, the academy said.\n",
        },
        checks=[DateConflictCheck],
    )
    assert [f.data["dates"] for f in corp.findings] in ([["2007", "2006"]], [["2006", "2007"]])


def test_fixture_weekday_and_today_without_datelines_are_not_compared(make_corpus):
    # "today" in one undated article and "Saturday" in another may be the same day.
    corp = make_corpus(
        {
            "a": "The navy captured the pirate boats today in the Gulf of Aden, officials said.\n",
            "b": "The navy captured the pirate boats on Saturday in the Gulf of Aden, officials said.\n",
        },
        checks=[DateConflictCheck],
    )
    assert corp.findings == ()


_FREED = "Four aid workers held by gunmen in the north were freed on {day}, officials said."


def test_fixture_a_weekday_under_a_yearless_wire_dateline_meets_the_other_outlets_written_day(make_corpus):
    # "KESSA, June 17" read in 2023, the year of the outlet dated June 18, 2023: "Saturday" is June 17, not June 15.
    texts = {
        "a": "Aid workers freed\n\nKESSA, June 17 (Continental Press) - " + _FREED.format(day="Saturday") + "\n",
        "b": "Aid workers released\n\nJune 18, 2023\n\n" + _FREED.format(day="June 15") + "\n",
    }
    corp = make_corpus(texts, checks=[DateConflictCheck])
    assert corp.document("a").published is None and corp.document("a").filed == date(2023, 6, 17)
    (finding,) = corp.findings
    assert finding.severity == Severity.WARNING and finding.data["dates"] in (
        ["2023-06-17", "2023-06-15"],
        ["2023-06-15", "2023-06-17"],
    )
    assert "a's dateline gives no year" in finding.message and "(b)" in finding.message
    texts["b"] = texts["b"].replace("June 15", "June 17")  # the same day told two ways: no finding
    assert make_corpus(texts, checks=[DateConflictCheck]).findings == ()


def test_weekdays_in_undated_articles_name_no_day():
    # A weekday is the one before or after the dateline: two undated articles' "Friday" and
    # "Saturday" may be one day, and a weekday against "Dec. 11" cannot be placed at all.
    a = document("a", "Police arrested the former employee on Friday after the shooting.")
    b = document("b", "Police arrested the former employee on Saturday after the shooting.")
    c = document("c", "Police arrested the former employee on Dec. 11 after the shooting.")
    left = claim(a, a.text, times=(time(a, "Friday", "2001-01-12", relative=True),))
    right = claim(b, b.text, times=(time(b, "Saturday", "2001-01-13", relative=True),))
    dated = claim(c, c.text, times=(time(c, "Dec. 11", "2000-12-11", relative=True),))
    assert run(corpus([a, b, c], [left, right, dated])) == []


def _aground(doc_id, published, words, value, granularity="day"):
    text = f"The ferry ran aground off the island on {words}, the coastguard said."
    doc = document(doc_id, text, published=published)
    return doc, claim(doc, text, times=(time(doc, words, value, granularity, relative=True),))


def test_weekdays_under_datelines_of_one_week_name_two_days():
    # Filed on Wednesday March 11 and Thursday March 12: "Monday" and "Tuesday" place one grounding on two days.
    a, left = _aground("a", date(2026, 3, 11), "Monday", "2026-03-09")
    b, right = _aground("b", date(2026, 3, 12), "Tuesday", "2026-03-10")
    (finding,) = run(corpus([a, b], [left, right]))
    assert finding.severity == Severity.WARNING
    assert {(e.doc, e.text) for e in finding.evidence} >= {("a", "Monday"), ("b", "Tuesday")}


def test_two_weekday_words_for_one_calendar_day_agree():
    # "Tuesday" in a piece of Wednesday and "yesterday's Tuesday" in one of Thursday: one day, no finding.
    a, left = _aground("a", date(2026, 3, 11), "Tuesday", "2026-03-10")
    b, right = _aground("b", date(2026, 3, 12), "Tuesday evening", "2026-03-10TEV", "time")
    assert run(corpus([a, b], [left, right])) == []


def test_a_weekday_against_the_written_date_of_another_day():
    a, left = _aground("a", date(2026, 3, 11), "Monday", "2026-03-09")
    b = document("b", "The ferry ran aground off the island on March 10, the coastguard said.", published=None)
    right = claim(b, b.text, times=(time(b, "March 10", "2026-03-10"),))
    assert [f.severity for f in run(corpus([a, b], [left, right]))] == [Severity.WARNING]


_RESUME = "The ferry will resume sailings to the island on {words}, the operator says."


def test_a_yearless_day_of_an_undated_article_is_read_by_its_month_and_day():
    # Filed on Sunday March 8, 2026: "Wednesday" is March 11. The undated article's "March 11" was read as the latest
    # March 11 up to that dateline, March 11, 2025: a year off, a warning for one day told two ways.
    a = document("a", _RESUME.format(words="Wednesday"), published=date(2026, 3, 8))
    left = claim(a, a.text, times=(time(a, "Wednesday", "2026-03-11", relative=True),))
    b = document("b", _RESUME.format(words="March 11"))
    right = claim(b, b.text, times=(time(b, "March 11", None, relative=True),))
    assert run(corpus([a, b], [left, right])) == []
    # Another day is still another day, in the year of the day it stands against, not the year before.
    c = document("c", _RESUME.format(words="March 12"))
    other = claim(c, c.text, times=(time(c, "March 12", None, relative=True),))
    (finding,) = run(corpus([a, c], [left, other]))
    assert finding.severity == Severity.WARNING and finding.data["dates"] == ["2026-03-11", "2026-03-12"]


def test_fixture_an_undated_articles_day_after_the_other_dateline_is_that_day(make_corpus):
    # Filed Sunday March 8, 2026, "Wednesday" read forward is March 11; the undated article's "March 11" was read as
    # March 11, 2025 (the latest up to the other's dateline) and warned.
    texts = {
        "a": "Sailings to resume\n\nMarch 8, 2026\n\n" + _RESUME.format(words="Wednesday") + "\n",
        "b": "Ferry back\n\n" + _RESUME.format(words="March 11") + "\n",
    }
    assert make_corpus(texts, checks=[DateConflictCheck]).findings == ()
    texts["b"] = texts["b"].replace("March 11", "March 12")
    (finding,) = make_corpus(texts, checks=[DateConflictCheck]).findings
    assert "(12 March 2026)" in finding.message


def test_fixture_a_coming_weekday_before_who_said_it_reads_forward(make_corpus):
    # "will resume ... on Wednesday, the operator said" in a piece of Sunday March 8 is March 11: the "said" after the
    # comma is the telling's tense, and it read the day as March 4 against the other outlet's "March 11".
    text = "The ferry will resume sailings to the island on {words}, the operator said.\n"
    texts = {
        "a": "Sailings to resume\n\nMarch 8, 2026\n\n" + text.format(words="Wednesday"),
        "b": "Ferry back\n\nMarch 9, 2026\n\n" + text.format(words="March 11"),
    }
    assert make_corpus(texts, checks=[DateConflictCheck]).findings == ()


def _filed(doc, day, year_from="the run's documents dated within 14 days of it (b)"):
    """A document whose wire dateline gave no year, read in one (``stages.extract.filed``)."""
    return doc.model_copy(update={"filed_day": (day.month, day.day), "filed": day, "filed_year_from": year_from})


def test_a_weekday_under_a_yearless_dateline_read_in_a_year_meets_a_written_date_and_says_so():
    # "KESSA, June 17 - ... freed on Saturday" read in 2023 (a Saturday) against "freed on June 15": two days.
    a, left = _aground("a", None, "Saturday", "2023-06-17")
    a = _filed(a, date(2023, 6, 17))
    b = document(
        "b", "The ferry ran aground off the island on June 15, the coastguard said.", published=date(2023, 6, 18)
    )
    right = claim(b, b.text, times=(time(b, "June 15", "2023-06-15", relative=True),))
    (finding,) = run(corpus([a, b], [left, right]))
    assert finding.severity == Severity.WARNING
    assert "a's dateline gives no year" in finding.message and "a reading" in finding.message
    undated = document("a", a.text)  # the same story whose dateline no year was read for: its weekday names no day
    assert (
        run(
            corpus(
                [undated, b],
                [left.model_copy(update={"times": (time(undated, "Saturday", None, relative=True),)}), right],
            )
        )
        == []
    )


def test_a_restatement_resting_on_a_year_read_is_never_an_error():
    text = "The ferry ran aground off the island on Saturday. Later the ferry ran aground off the island on June 15."
    a = _filed(document("a", text), date(2023, 6, 17))
    first = claim(
        a,
        "The ferry ran aground off the island on Saturday.",
        times=(time(a, "Saturday", "2023-06-17", relative=True),),
    )
    second = claim(
        a,
        "Later the ferry ran aground off the island on June 15.",
        times=(time(a, "June 15", "2023-06-15", relative=True),),
    )
    assert [f.severity for f in run(corpus([a], [first, second]))] == [Severity.WARNING]
    dated = document("a", text, published=date(2023, 6, 17))  # the year written on the dateline: an error, as before
    assert [f.severity for f in run(corpus([dated], [first, second]))] == [Severity.ERROR]


def _weekday_act(doc_id, text, words, value, actor, action, published=date(2023, 7, 20)):
    doc = document(doc_id, text, published=published)
    when = time(doc, words, value, relative=True).model_copy(update={"head": action})
    return doc, claim(doc, text, times=(when,), event=Event(actor=actor, action=action))


def test_two_parties_acts_of_one_week_on_one_thing_are_two_acts():
    # The banks agree on Wednesday, the unions react on Thursday: one story's week, two parties, two acts.
    a, agreed = _weekday_act(
        "a",
        "Tervo Bank and Hallmark Savings agreed on Wednesday to merge, creating the third-largest lender.",
        "Wednesday",
        "2023-07-19",
        "tervo bank and hallmark savings",
        "agree",
    )
    b, reacted = _weekday_act(
        "b",
        "Unions reacted angrily on Thursday to the merger of Tervo Bank and Hallmark Savings, the third-largest lender.",
        "Thursday",
        "2023-07-20",
        "unions",
        "react",
    )
    from factcheck.nlp.align import PairAligner, corpus_told

    check = DateConflictCheck()
    built = corpus([a, b], [agreed, reacted])
    inputs = check.pairwise_inputs(built, CheckContext())
    alignment = PairAligner(built.claim, {}, {}, corpus_told(built))(agreed.id, reacted.id)
    assert alignment is not None
    (pair,) = alignment.pairs_of("date")
    assert check.dropped_by(alignment, pair, inputs) == "done by another"
    # The same party's act told by each outlet ("the unions" / "union members") is one act, as before.
    c, protested = _weekday_act(
        "c",
        "Union members reacted angrily on Wednesday to the merger of Tervo Bank and Hallmark Savings.",
        "Wednesday",
        "2023-07-19",
        "union members",
        "react",
    )
    both = corpus([b, c], [reacted, protested])
    aligned = PairAligner(both.claim, {}, {}, corpus_told(both))(reacted.id, protested.id)
    assert aligned is not None
    (pair,) = aligned.pairs_of("date")
    assert check.dropped_by(aligned, pair, check.pairwise_inputs(both, CheckContext())) != "done by another"


def test_weekdays_under_datelines_weeks_apart_are_not_compared():
    # Three weeks apart, each "Monday" is read against its own week: two readings, not a slip.
    a, left = _aground("a", date(2026, 3, 11), "Monday", "2026-03-09")
    b, right = _aground("b", date(2026, 4, 1), "Tuesday", "2026-03-31")
    assert run(corpus([a, b], [left, right])) == []


def test_the_day_a_coming_act_was_told_is_not_the_day_it_was_done():
    # "said on Thursday she would sign" dates the saying; the signing came on Friday in the other article.
    said = "President Ana Roe said on Thursday she would sign the media bill passed by parliament."
    signed = "President Ana Roe signed the media bill passed by parliament on Friday."
    a, b = document("a", said, published=date(2026, 6, 11)), document("b", signed, published=date(2026, 6, 12))
    thursday = time(a, "Thursday", "2026-06-11", relative=True).model_copy(update={"head": "say"})
    friday = time(b, "Friday", "2026-06-12", relative=True).model_copy(update={"head": "sign"})
    event = Event(actor="Ana Roe", action="sign", object="bill", past=True)
    assert (
        run(
            corpus(
                [a, b], [claim(a, said, times=(thursday,), event=event), claim(b, signed, times=(friday,), event=event)]
            )
        )
        == []
    )


def test_month_days_in_undated_articles_still_meet():
    a = document("a", "Police arrested the former employee on Dec. 11 after the shooting.")
    b = document("b", "Police arrested the former employee on Dec. 19 after the shooting.")
    left = claim(a, a.text, times=(time(a, "Dec. 11", "2000-12-11", relative=True),))
    right = claim(b, b.text, times=(time(b, "Dec. 19", "2000-12-19", relative=True),))
    assert [f.severity for f in run(corpus([a, b], [left, right]))] == [Severity.WARNING]


# -- a warning needs strong evidence that the two sentences state one fact (issue 15) -----------
def test_dates_read_from_the_writers_day_are_not_compared():
    # "this year" / "next year": the resolver's reading of two datelines, not two dates the text gives.
    a = document("a", "DeGeneres will host the Oscars this year, the academy said.", published=date(2013, 8, 2))
    b = document("b", "DeGeneres will host the Oscars next year, the academy said.", published=date(2013, 8, 2))
    left = claim(a, a.text, times=(time(a, "this year", "2013", "year", relative=True),))
    right = claim(b, b.text, times=(time(b, "next year", "2014", "year", relative=True),))
    assert run(corpus([a, b], [left, right])) == []


def test_a_date_that_opens_a_headline_dates_the_piece_not_the_event():
    a = document("a", "27/09/2013 - Turkmenistan to hold parliamentary elections on a two-party basis")
    b = document("b", "Turkmenistan will hold parliamentary elections on December 15, 2013 on a two-party basis.")
    left = claim(a, a.text, times=(time(a, "27/09/2013", "2013-09-27"),))
    right = claim(b, b.text, times=(time(b, "December 15, 2013", "2013-12-15"),))
    assert run(corpus([a, b], [left, right])) == []


def test_dates_of_different_things_in_sentences_on_one_topic_are_not_compared():
    # The sentences share the film and its star; "the 2006 movie" and "in 2005, ... released" date other things.
    a = document(
        "a", "Page was also celebrated in the 2006 HBO movie The Notorious Bettie Page, starring Gretchen Mol."
    )
    b = document(
        "b",
        "In 2005, Time Warner and HBO Films released The Notorious Bettie Page, a feature film starring Gretchen Mol.",
    )
    left = claim(a, a.text, times=(time(a, "2006", "2006", "year"),))
    right = claim(b, b.text, times=(time(b, "2005", "2005", "year"),))
    assert run(corpus([a, b], [left, right])) == []


def test_sentences_whose_vectors_disagree_raise_no_date_warning():
    import numpy as np

    a = document("a", "Norland founded the coast guard in 1998.")
    b = document("b", "Norland founded the coast guard in 2001.")
    left = founding(a, a.text, "1998", "1998")
    right = founding(b, b.text, "2001", "2001")
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.0, 1.0])})
    assert run(corp) == []


# A paraphrase: few words in common (under the alignment's word floor), the same meaning, the same
# words right around the dates.
_CROWD = (
    "Spectators crowded the sunny promenade, cheered loudly, ate ice cream and waved colourful flags "
    "while Lenz led the regatta from the old pier on {day}."
)
_CHOSEN = (
    "Organisers said that the veteran sailor Lenz, chosen after a long search among club members, "
    "will lead the summer regatta from the old pier on June 21, 2031."
)


def _paraphrase_pair(day, value, vectors=None):
    import numpy as np

    a, b = document("a", _CROWD.format(day=day)), document("b", _CHOSEN)
    left = claim(a, a.text, times=(time(a, day, value),))
    right = claim(b, b.text, times=(time(b, "June 21, 2031", "2031-06-21"),))
    corp = corpus([a, b], [left, right])
    if vectors is not None:
        corp.embeddings.update({left.id: np.array(vectors[0]), right.id: np.array(vectors[1])})
    return corp


def test_a_paraphrase_sharing_few_words_meets_through_its_sentence_vectors():
    close = ([1.0, 0.2], [1.0, 0.0])
    findings = run(_paraphrase_pair("June 14", "2031-06-14", close))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert findings[0].data["dates"] == ["2031-06-14", "2031-06-21"]
    assert run(_paraphrase_pair("June 14", "2031-06-14")) == []  # no vectors: the words alone are too few
    assert run(_paraphrase_pair("June 14", "2031-06-14", ([1.0, 0.0], [0.0, 1.0]))) == []  # far apart


def test_a_date_without_a_year_is_read_in_the_year_the_other_side_gives():
    # "June 21" in an undated article was resolved to some year; its words say only the day.
    close = ([1.0, 0.2], [1.0, 0.0])
    assert run(_paraphrase_pair("June 21", "2001-06-21", close)) == []
    findings = run(_paraphrase_pair("June 14", "2001-06-14", close))
    assert [f.data["dates"] for f in findings] == [["2031-06-14", "2031-06-21"]]


# The date's head (what it dates, from the parse) stands for the words around it (issue 15).
_DEFEND = "Pacquiao will defend his welterweight title on {day} at the MGM Grand, promoters announced."
_DEFENDS = (
    "Pacquiao defends his title against Hatton in Las Vegas on May 9 at the MGM Grand, his manager told reporters."
)


def _headed_pair(day, value, heads, vectors=((1.0, 0.0), (0.6, 0.8))):
    import numpy as np

    a, b = document("a", _DEFEND.format(day=day)), document("b", _DEFENDS)

    def dated(doc, words, value, head):
        return time(doc, words, value).model_copy(update={"head": head})

    left = claim(a, a.text, times=(dated(a, day, value, heads[0]),))
    right = claim(b, b.text, times=(dated(b, "May 9", "2031-05-09", heads[1]),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array(vectors[0]), right.id: np.array(vectors[1])})
    return corp


def test_one_head_alone_does_not_make_two_sentences_one_fact():
    # Under half the weighted words in common, little alike around the dates, vectors only fairly close
    # (0.6): both dates dating "defend" is no more evidence, since one head in two sentences on one topic
    # dates two things as often ("the economy grew ... in 2004" / "sales to grow ... in 2005").
    assert run(_headed_pair("May 2", "2031-05-02", ("defend", "defend"))) == []
    # What makes a paraphrase one fact is the meaning and the words around the dates (the test above).
    close = ((1.0, 0.0), (0.95, 0.31))
    assert [f.data["dates"] for f in run(_headed_pair("May 2", "2031-05-02", ("defend", "defend"), close))] == [
        ["2031-05-02", "2031-05-09"]
    ]


def test_dates_whose_heads_differ_are_still_compared_when_the_rest_matches():
    # A date attaches to whichever word the writer puts it by: differing heads block nothing.
    a = document("a", "Norland founded the coast guard in 1998 after the storm.")
    b = document("b", "Norland founded the coast guard after the storm, in the spring of 2001.")
    left = claim(a, a.text, times=(time(a, "1998", "1998", "year").model_copy(update={"head": "found"}),))
    right = claim(b, b.text, times=(time(b, "2001", "2001", "year").model_copy(update={"head": "spring"}),))
    assert [f.data["dates"] for f in run(corpus([a, b], [left, right]))] == [["1998", "2001"]]


def test_a_day_without_a_year_is_read_in_the_year_the_other_side_gives_alone():
    # "a June 20 shooting" got its year from the dateline; "in 2005" gives only the year: one year, no conflict.
    a = document("a", "Orozco was convicted of the June 20 shooting of the deputy in Hawaiian Gardens.")
    b = document("b", "Orozco was convicted of the shooting of the deputy in Hawaiian Gardens in 2005.")
    left = claim(a, a.text, times=(time(a, "June 20", "2006-06-20"),))
    right = claim(b, b.text, times=(time(b, "2005", "2005", "year"),))
    assert run(corpus([a, b], [left, right])) == []
    right = claim(b, b.text, times=(time(b, "2005", "2005", "year"),))
    a2 = document("a", "Orozco was convicted of the June 20, 2004 shooting of the deputy in Hawaiian Gardens.")
    left = claim(a2, a2.text, times=(time(a2, "June 20, 2004", "2004-06-20"),))
    assert [f.data["dates"] for f in run(corpus([a2, b], [left, right]))] == [["2004-06-20", "2005"]]


def _date_tokens(alignment):
    """The alignment's date tokens by side ("l", "r") and text, to build slot pairs by hand."""
    return {
        (side, token.text): token
        for side, tokens in (("l", alignment.left_tokens), ("r", alignment.right_tokens))
        for token in tokens
        if token.kind == "date"
    }


def test_a_timeline_against_a_shorter_one_is_a_list_whatever_pairs():
    # The seeds: one source lists four tests by year, another three; the parse paired "2019" with "2007".
    from factcheck.nlp.align import SlotPair, align

    a = document("a", "Others followed, most notably the United States in 2008, India in 2019, and Russia in 2021.")
    b = document("b", "Countries test ASAT arms: China in 2007, the USA in 2008, India in 2019, Russia in 2021.")
    left = claim(a, a.text, times=tuple(time(a, y, y, "year") for y in ("2008", "2019", "2021")))
    right = claim(b, b.text, times=tuple(time(b, y, y, "year") for y in ("2007", "2008", "2019", "2021")))
    alignment = align(left, right)
    dates = _date_tokens(alignment)
    by_chance = [
        SlotPair("date", dates[("l", "2019")], dates[("r", "2007")], "context", 0.44),
        SlotPair("date", dates[("l", "2021")], dates[("r", "2021")], "context", 0.77, True),
    ]
    assert DateConflictCheck._a_list({"a": a.published, "b": b.published}, alignment, by_chance)


def test_a_schedule_against_part_of_it_is_a_list():
    # Three dated games against two: the parse paired "Harrow on 8 October" (away) with "on 4 September at home to
    # Harrow" by the name, and the last games agree; a schedule's items pair by chance, so it is a list.
    from factcheck.nlp.align import SlotPair, align

    a = document("a", "Norvale play Dunmore on 7 September, Harrow on 8 October and Kell on 12 October.")
    b = document("b", "Norvale open on 4 September at home to Harrow and end on 12 October against Kell.")
    days = {"7 September": "2005-09-07", "8 October": "2005-10-08", "12 October": "2005-10-12"}
    left = claim(a, a.text, times=tuple(time(a, d, v, "day") for d, v in days.items()))
    right = claim(
        b, b.text, times=(time(b, "4 September", "2005-09-04", "day"), time(b, "12 October", "2005-10-12", "day"))
    )
    alignment = align(left, right)
    dates = _date_tokens(alignment)
    by_name = [
        SlotPair("date", dates[("l", "8 October")], dates[("r", "4 September")], "context", 0.5),
        SlotPair("date", dates[("l", "12 October")], dates[("r", "12 October")], "context", 0.8, True),
    ]
    assert DateConflictCheck._a_list({"a": None, "b": None}, alignment, by_name)
    # Two dates against one, the extra one not beside a paired date: not a list (it may date another event).
    two = claim(a, a.text, times=tuple(time(a, d, v, "day") for d, v in list(days.items())[1:]))
    alignment = align(two, right)
    dates = _date_tokens(alignment)
    one = [SlotPair("date", dates[("l", "8 October")], dates[("r", "4 September")], "context", 0.5)]
    assert not DateConflictCheck._a_list({"a": None, "b": None}, alignment, one)


# -- one act, two days: the same head, day dates, the rest told in other words ---------------------
def _killing(left_when, right_when, heads=("kill", "kill"), granularity="day", cosine=0.75):
    import numpy as np

    a = document(
        "a", f"The deputy was killed on {left_when[0]} while he searched a house for a robbery suspect in Lakewood."
    )
    b = document("b", f"The deputy, who was killed {right_when[0]} outside an apartment block, had served in Lakewood.")
    left = claim(a, a.text, times=(time(a, *left_when, granularity).model_copy(update={"head": heads[0]}),))
    right = claim(b, b.text, times=(time(b, *right_when, granularity).model_copy(update={"head": heads[1]}),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_two_days_of_one_act_told_in_other_words_are_a_warning():
    # The words around the dates differ ("while he searched" / "outside an apartment block"): without the heads,
    # too little alike for a warning; both date "kill", both are days, and the vectors are a paraphrase's.
    findings = run(_killing(("June 24", "2005-06-24"), ("June 15", "2005-06-15")))
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert {(span.doc, span.text) for span in findings[0].evidence} >= {("a", "June 24"), ("b", "June 15")}
    assert run(_killing(("June 24", "2005-06-24"), ("June 15", "2005-06-15"), heads=(None, None))) == []
    assert run(_killing(("June 24", "2005-06-24"), ("June 15", "2005-06-15"), heads=("kill", "mourn"))) == []
    assert run(_killing(("June 24", "2005-06-24"), ("June 15", "2005-06-15"), heads=("kill", "injure"))) == []


def test_two_words_for_one_act_date_one_act():
    # "was killed June 24" / "charged with murdering the deputy on June 15": murder is a kind of kill (WordNet),
    # and a killing is one; two acts ("kill" / "injure") stay two (above).
    for heads in (("kill", "murder"), ("killing", "kill"), ("shooting", "killing")):
        findings = run(_killing(("June 24", "2005-06-24"), ("June 15", "2005-06-15"), heads=heads))
        assert [f.severity for f in findings] == [Severity.WARNING], heads
    assert run(_killing(("June 24", "2005-06-24"), ("June 15", "2005-06-15"), cosine=0.6)) == []


def test_two_years_under_one_head_need_the_rest_to_match():
    # A year dates many things one word can head ("grew in 2004" / "to grow in 2005"): the head path is for days.
    assert run(_killing(("2004", "2004"), ("2005", "2005"), granularity="year")) == []


def _one_day_each(left, right, cosine=0.75):
    """Two sentences, each dating one act on one day; ``left`` and ``right`` are (sentence, date words, value, head)."""
    import numpy as np

    a, b = document("a", left[0]), document("b", right[0])
    one = claim(a, a.text, times=(time(a, left[1], left[2], "day").model_copy(update={"head": left[3]}),))
    other = claim(b, b.text, times=(time(b, right[1], right[2], "day").model_copy(update={"head": right[3]}),))
    corp = corpus([a, b], [one, other])
    corp.embeddings.update({one.id: np.array([1.0, 0.0]), other.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_founding_is_not_finding():
    # The parse lemmatises "founded" to "found" and "was found" to "find"; folding "found" as find's past tense
    # made the two one act. WordNet has "found" as a verb of its own, so it stays "found".
    founded = ("The museum was founded on June 24 after a long campaign by teachers in Lakewood.", "June 24")
    found = ("A wreck was found on June 15 after a long search by divers off Lakewood.", "June 15")
    founded_found = _one_day_each((*founded, "2005-06-24", "found"), (*found, "2005-06-15", "find"))
    assert run(founded_found) == []
    one_act = _one_day_each((*founded, "2005-06-24", "found"), (*found, "2005-06-15", "found"))
    assert [f.severity for f in run(one_act)] == [Severity.WARNING]


def test_a_phrasal_verb_is_another_act_than_its_verb():
    # "set up the fund on May 2" / "set off May 9": one verb, two acts; "set up" and "establish" are one (WordNet).
    set_up = ("The charity set up the fund on May 2 after a long campaign by teachers in Lakewood.", "May 2")
    set_off = ("The charity's convoy, which set off May 9 from the depot, reached Lakewood.", "May 9")
    for heads in (("set up", "set off"), ("set up", "set")):
        assert run(_one_day_each((*set_up, "2031-05-02", heads[0]), (*set_off, "2031-05-09", heads[1]))) == [], heads
    for heads in (("set up", "set up"), ("set up", "establish")):
        findings = run(_one_day_each((*set_up, "2031-05-02", heads[0]), (*set_off, "2031-05-09", heads[1])))
        assert [f.severity for f in findings] == [Severity.WARNING], heads


def test_a_sentence_that_writes_the_others_act_undated_dates_another_act():
    # "fire" and "shooting" are related in WordNet (to fire a gun), but the first sentence writes "shooting" itself,
    # undated, and dates the firing from a job: two acts of one story.
    import numpy as np

    def told(doc_id, text, words, value, head):
        doc = document(doc_id, text, published=date(2031, 5, 9))
        when = time(doc, words, value, relative=True).model_copy(update={"head": head})
        person = Actor(span=span(doc, "Anton Roe"), name="Anton Roe", label="PERSON")
        return doc, claim(doc, text, times=(when,), actors=(person,))

    def findings(left, right):
        corp = corpus([left[0], right[0]], [left[1], right[1]])
        corp.embeddings.update({left[1].id: np.array([1.0, 0.0]), right[1].id: np.array([0.6, 0.8])})
        return [f.severity for f in run(corp)]

    fired = told(
        "a", "Anton Roe, accused of shooting three co-workers, was fired on Thursday.", "Thursday", "2031-05-08", "fire"
    )
    shootings = told(
        "b", "Anton Roe was arrested after the Monday morning shootings.", "Monday morning", "2031-05-05TMO", "shooting"
    )
    assert findings(fired, shootings) == []
    # Without the other's word beside it, the related word still dates one act.
    dismissed = told(
        "c", "Anton Roe, a clerk of three years, was dismissed on Monday.", "Monday", "2031-05-05", "dismiss"
    )
    fired_alone = told(
        "d", "Anton Roe, a clerk of three years, was fired on Thursday.", "Thursday", "2031-05-08", "fire"
    )
    assert findings(dismissed, fired_alone) == [Severity.WARNING]


# -- two places, two occurrences -------------------------------------------------------------
def test_one_act_dated_in_two_named_places_is_two_occurrences(make_corpus):
    # A game comes out in one country on one day and in another later: each sentence says where its
    # release happened, and the two places differ, so the two dates are not one fact's.
    corp = make_corpus(
        {
            "a": "The video game Starfall was released in the US on 9 November, with a UK release two days later.\n",
            "b": "The video game Starfall, released on 11 November in the UK, is tipped as a best-seller.\n",
        },
        checks=[DateConflictCheck],
    )
    assert corp.findings == ()


def test_one_act_dated_in_the_same_named_place_still_conflicts(make_corpus):
    corp = make_corpus(
        {
            "a": "The video game Starfall was released in the UK on 9 November, with a US release two days later.\n",
            "b": "The video game Starfall, released on 11 November in the UK, is tipped as a best-seller.\n",
        },
        checks=[DateConflictCheck],
    )
    assert [finding.severity for finding in corp.findings] == [Severity.WARNING]


def test_one_act_dated_worldwide_and_in_a_named_place_is_two_occurrences(make_corpus):
    # The whole world is a place too: a worldwide release and a release in one country are two releases.
    corp = make_corpus(
        {
            "a": "The video game Starfall, released worldwide on 9 November, is tipped as a best-seller.\n",
            "b": "The video game Starfall, released on 11 November in the UK, is tipped as a best-seller.\n",
        },
        checks=[DateConflictCheck],
    )
    assert corp.findings == ()


def test_a_place_within_the_other_is_one_place_for_a_date():
    from factcheck.nlp.align import align
    from factcheck.nlp.entities import two_places

    def born(name, where):
        doc = document(name, f"Jane Roe was born in {where} on April 22, 1931.")
        return claim(doc, doc.text, actors=(Actor(span=span(doc, where), name=where, label="GPE"),))

    # A day in Nashville is a day in Tennessee (WordNet: Nashville is part of Tennessee).
    assert not two_places(align(born("a", "Nashville"), born("b", "Tennessee")), one_within_the_other=True)
    # For a figure a city's count is a part of its country's: two holders.
    assert two_places(align(born("a", "Nashville"), born("b", "Tennessee")))
    # Two countries stay two.
    assert two_places(align(born("a", "France"), born("b", "Spain")), one_within_the_other=True)


# -- one act, two days: the parse and the words beside the dates agree, the sentences tell more ------------
_HARBOUR_SHOOTING = (
    "A police shooting on {day} in the old harbour of a boy, 16, set off a week of strikes, marches and fires by"
    " dockers, students and pensioners angry at wages, rents and a government seen as corrupt."
)
_HARBOUR_LAWYER = (
    "The boy, 16, was shot by a police bullet on {day} in the old harbour, his family's lawyer told reporters"
    " gathered outside the courthouse on a cold Monday afternoon after the hearing."
)


def _harbour(heads=("shooting", "shoot"), cosine=0.62):
    import numpy as np

    a = document("a", _HARBOUR_SHOOTING.format(day="4 March"))
    b = document("b", _HARBOUR_LAWYER.format(day="12 March"))
    left = claim(a, a.text, times=(time(a, "4 March", "2031-03-04").model_copy(update={"head": heads[0]}),))
    right = claim(b, b.text, times=(time(b, "12 March", "2031-03-12").model_copy(update={"head": heads[1]}),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_one_act_dated_by_its_head_and_the_words_beside_it_is_a_warning():
    # Under a quarter of the weighted words alike (each sentence goes on about other things) and vectors
    # short of a paraphrase's (0.62): what says the two days date one act is the parse (both date a
    # shooting) together with the words right around the dates ("a boy, 16", "police", "the old harbour").
    findings = run(_harbour())
    assert [f.data["dates"] for f in findings] == [["2031-03-04", "2031-03-12"]]
    assert [f.severity for f in findings] == [Severity.WARNING]
    # Either signal alone is not enough: other heads, no heads, or vectors under every warning's floor.
    assert run(_harbour(heads=("shooting", "mourn"))) == []
    assert run(_harbour(heads=(None, None))) == []
    assert run(_harbour(cosine=0.55)) == []


# -- a pairing the words around took, where another date of the sentence dates the same act and agrees -------
def _launches(launched="1999", launch_head="launch"):
    a = document(
        "a",
        f"Norland, which opened its web shop in 2003 after launching the Pebble in {launched}, uses locks so that"
        " each song bought plays only on the Pebble.",
    )
    b = document("b", "Norland's Pebble was launched in May 1999.")
    left = claim(
        a,
        a.text,
        times=(
            time(a, "2003", "2003", "year").model_copy(update={"head": "open"}),
            time(a, launched, launched, "year").model_copy(update={"head": launch_head}),
        ),
    )
    right = claim(b, b.text, times=(time(b, "May 1999", "1999-05", "month").model_copy(update={"head": "launch"}),))
    return corpus([a, b], [left, right])


def test_a_date_paired_by_its_words_while_another_dates_the_same_act_and_agrees_is_no_conflict():
    # The words around "2003" match the short sentence best (Norland, Pebble, launch), and "open" and "launch"
    # are one act to WordNet, so the pairing takes 2003 against May 1999; but "1999" dates the launch too
    # and agrees. (BBC tech: "Apple, which opened its online store in 2003 after launching the iPod in 2001"
    # / "Apple's iPod was launched in October 2001" was a warning.)
    assert run(_launches()) == []
    # Another year of the launch, or the agreeing year dating another act, leaves the conflict standing.
    assert [f.severity for f in run(_launches(launched="1997"))] == [Severity.WARNING]
    assert [f.severity for f in run(_launches(launch_head="sue"))] == [Severity.WARNING]


# -- one event named by two days: "the <day> <event noun>" in two sources --------------------------------------
_UNREST = (
    "The {day} stabbing of a 17-year-old apprentice by a guard set off a month of strikes by dockers and pensioners"
    " across the province, feeding on anger at rents and at a government seen as corrupt."
)
_MARCHERS = (
    "Dockers and students marched through the port, angry at the {day} {noun} of Tomas Varga and at rents they"
    " call a scandal."
)


def _stabbings(right_text=_MARCHERS, heads=("stabbing", "stabbing"), granularity="day", cosine=0.62):
    import numpy as np

    left_day, right_day = ("4 March", "12 March") if granularity == "day" else ("2030", "2031")
    a = document("a", _UNREST.format(day=left_day))
    b = document("b", right_text.format(day=right_day, noun=heads[1]))
    values = ("2031-03-04", "2031-03-12") if granularity == "day" else ("2030", "2031")
    left = claim(a, a.text, times=(time(a, left_day, values[0], granularity).model_copy(update={"head": heads[0]}),))
    right = claim(b, b.text, times=(time(b, right_day, values[1], granularity).model_copy(update={"head": heads[1]}),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_one_event_named_by_two_days_is_a_warning():
    # Each source names the event by its day ("the 4 March stabbing" / "the 12 March stabbing") and goes on
    # about other things: the words around the dates (a guard, the province / Tomas Varga, rents) and the rest
    # of the sentences match too little for any other path, and the vectors only reach every warning's floor.
    findings = run(_stabbings())
    assert [f.data["dates"] for f in findings] == [["2031-03-04", "2031-03-12"]]
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_an_event_named_by_one_side_only_or_by_two_words_or_by_years_is_not_enough():
    # The date not written as the event's name on one side ("stabbed on 12 March"), two names that are two
    # words (a stabbing, a shooting: in one story, often two events), years (a recurring event: "the 2030
    # vote"), or vectors under the floor every warning asks.
    told = "Dockers and students marched through the port, angry that Tomas Varga was {noun} on {day} by a guard."
    assert run(_stabbings(right_text=told, heads=("stabbing", "stabbed"))) == []
    assert run(_stabbings(heads=("stabbing", "shooting"))) == []
    assert run(_stabbings(granularity="year")) == []
    assert run(_stabbings(cosine=0.55)) == []


# -- one sentence tells the other's dated act undated, and dates an act the other never tells ---------------
def _careers(second_head="divorce", second_sentence=None):
    import numpy as np

    first_text = "Norland began sailing in 1961 when she met harbour pilot and painter Ada Quist."
    second_text = second_sentence or (
        "Her sailing career began after she divorced Ben Holt in 1958, when she met a harbour pilot who painted."
    )
    a = document("a", first_text)
    b = document("b", second_text)
    left = claim(a, a.text, times=(time(a, "1961", "1961", "year").model_copy(update={"head": "sail"}),))
    right = claim(b, b.text, times=(time(b, "1958", "1958", "year").model_copy(update={"head": second_head}),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.75, (1 - 0.75**2) ** 0.5])})
    return corp


def test_a_year_dating_an_act_the_other_sentence_never_tells_is_no_conflict():
    # The second sentence tells the sailing too, undated, and its year dates the divorce, which the first never
    # mentions: two acts of one life, each dated once (ECB+ dev: a model's start, 1950, against her divorce, 1947).
    assert run(_careers()) == []
    # When the second sentence's year dates the sailing itself, one act has two dates.
    assert [f.data["dates"] for f in run(_careers(second_head="sail"))] == [["1961", "1958"]]
    # A date hung on a noun names an occasion, which the other sentence may date through any verb: compared.
    assert [f.data["dates"] for f in run(_careers(second_head="breakthrough"))] == [["1961", "1958"]]


def _two_openings(right_firm="Wexley", right_label="ORG"):

    a = document("a", "Norcastle opened its flagship store in Leeds in 2003.")
    b = document("b", f"{right_firm} opened its flagship store in Leeds in 2001.")
    left = claim(
        a,
        a.text,
        times=(time(a, "2003", "2003", "year").model_copy(update={"head": "open"}),),
        actors=(Actor(span=span(a, "Norcastle"), name="Norcastle", label="ORG"),),
    )
    right = claim(
        b,
        b.text,
        times=(time(b, "2001", "2001", "year").model_copy(update={"head": "open"}),),
        actors=(Actor(span=span(b, right_firm), name=right_firm, label=right_label),),
    )
    return corpus([a, b], [left, right])


def test_one_act_of_two_firms_each_named_only_in_its_own_article_is_not_compared():
    # Two firms' openings, one sentence for each, neither article naming the other firm: two facts of one kind.
    assert run(_two_openings()) == []
    # The same firm on both sides is one opening dated two ways.
    assert [f.data["dates"] for f in run(_two_openings(right_firm="Norcastle"))] == [["2003", "2001"]]


def _downloads(left_words="rose tenfold in", right_words="rose tenfold on", right_year="2003"):
    a = document("a", f"Sales of Norland's downloaded songs {left_words} 2004.")
    b = document("b", f"Sales of Norland's downloaded songs {right_words} {right_year}.")
    left = claim(a, a.text, times=(time(a, "2004", "2004", "year").model_copy(update={"head": "rise"}),))
    right = claim(b, b.text, times=(time(b, right_year, right_year, "year").model_copy(update={"head": "rise"}),))
    return corpus([a, b], [left, right])


def test_a_year_compared_against_is_not_when_the_act_happened():
    # "shot up more than tenfold in 2004" / "were up more than tenfold on 2003" (BBC entertainment): one rise,
    # of 2004 over 2003, told from its two ends.
    assert run(_downloads()) == []
    assert run(_downloads(right_words="were the highest since")) == []
    assert run(_downloads(right_words="rose tenfold from the same period in")) == []
    # The same period named as the act's own is no base.
    assert [f.data["dates"] for f in run(_downloads(right_words="rose tenfold for the same period in"))] == [
        ["2004", "2003"]
    ]
    # Two bases, or two years of the act, are one fact dated two ways.
    assert [f.data["dates"] for f in run(_downloads(left_words="rose tenfold on"))] == [["2004", "2003"]]
    assert [f.data["dates"] for f in run(_downloads(right_words="rose tenfold in"))] == [["2004", "2003"]]


def _two_ceremonies(right_article_extra=""):

    a = document("a", "The Harbour Awards ceremony will be held in Eastport on 27 February.")
    b = document("b", f"The awards ceremony will be held in Eastport on 26 February.{right_article_extra}")
    left = claim(
        a,
        a.text,
        times=(time(a, "27 February", "2031-02-27").model_copy(update={"head": "hold"}),),
        actors=(Actor(span=span(a, "Harbour Awards"), name="Harbour Awards", label="OTHER"),),
    )
    right_sentence = "The awards ceremony will be held in Eastport on 26 February."
    right = claim(b, right_sentence, times=(time(b, "26 February", "2031-02-26").model_copy(update={"head": "hold"}),))
    claims = [left, right]
    if right_article_extra:
        claims.append(
            claim(
                b,
                right_article_extra.strip(),
                actors=(Actor(span=span(b, "Harbour Awards"), name="Harbour Awards", label="OTHER"),),
            )
        )
    return corpus([a, b], claims)


def test_a_named_occasion_against_one_called_by_its_kind_in_an_article_that_never_names_it():
    # "The Academy Awards ceremony will be held in Hollywood on 27 February" / "The awards are held on 26
    # February, the day before the Oscars" (BBC: the Independent Spirit Awards): the second article's awards
    # are the ones it is about, which it never calls by the first's name.
    assert run(_two_ceremonies()) == []
    # When the second article names the same awards, its "awards ceremony" may be theirs: one date too many.
    findings = run(_two_ceremonies(right_article_extra=" The Harbour Awards honour local films."))
    assert [f.data["dates"] for f in findings] == [["2031-02-27", "2031-02-26"]]


# -- two days on one event noun: "elections planned for 15 March" / "plans to hold the elections on 22 March" --
def _polls(heads=("election", "election"), cosine=0.55, left_text=None):
    import numpy as np

    a = document("a", left_text or "Regional elections in Norland, planned for 15 March, will be held under a new law.")
    b = document("b", "The Norland electoral commission plans to hold regional elections on 22 March.")
    left = claim(a, a.text, times=(time(a, "15 March", "2031-03-15").model_copy(update={"head": heads[0]}),))
    right = claim(b, b.text, times=(time(b, "22 March", "2031-03-22").model_copy(update={"head": heads[1]}),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_two_days_of_one_event_noun_are_a_warning_at_the_floors_of_one_counted_thing():
    # Both dates date "election" (the parse reads a date on "planned" / "hold" as the event they arrange): the
    # vectors (0.55) and the words around the dates alone are too little for a warning, the event noun says what
    # is dated, and an election happens on its day.
    findings = run(_polls())
    assert [f.data["dates"] for f in findings] == [["2031-03-15", "2031-03-22"]]
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_a_verb_an_act_that_is_no_event_or_two_nouns_keep_the_stricter_floors():
    # The head written as a verb on one side ("elected" recurs: two sittings elect two chairs), an act WordNet does
    # not know as an event noun ("plan"), two event nouns (an election, a referendum), or vectors under 0.5.
    elected = "Norland's regional assembly, elected on 15 March, will sit under a new law in the capital."
    assert run(_polls(heads=("elect", "elect"), left_text=elected)) == []
    assert run(_polls(heads=("plan", "plan"))) == []
    assert run(_polls(heads=("election", "referendum"))) == []
    assert run(_polls(cosine=0.45)) == []


def _scheduled_polls(cosine, right_head="election"):
    import numpy as np

    a = document(
        "a",
        "Regarding the regional elections in Norland, which are scheduled for 15 March, a decision was taken on new "
        "districts, the resolution said.",
    )
    b = document(
        "b",
        "Regional elections in Norland which are planned for 22 March will be held on a two-party basis, a message "
        "from the commission said.",
    )
    left = claim(a, a.text, times=(time(a, "15 March", "2031-03-15").model_copy(update={"head": "election"}),))
    right = claim(b, b.text, times=(time(b, "22 March", "2031-03-22").model_copy(update={"head": right_head}),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_one_event_noun_dated_by_two_days_meets_at_the_warnings_vector_floor_whatever_the_words_around():
    # Each sentence goes on to tell something else (a decision on districts / a two-party basis), so the words
    # beside the dates and the rest match too little for the floors; the event noun both days date says what is
    # dated, and vectors as close as any warning asks (0.6) make it one fact, as for one event named by two days.
    assert [f.severity for f in run(_scheduled_polls(0.65))] == [Severity.WARNING]
    assert run(_scheduled_polls(0.55)) == []
    assert run(_scheduled_polls(0.65, right_head="referendum")) == []


def _deficits(right_figure):
    from _claimkit import Quantity, span

    a = document("a", "The trade deficit of Norland hit a record $166bn in 2004, the finance office said.")
    b = document("b", f"The trade deficit of Norland hit a record {right_figure} in 2003, the finance office said.")
    left = claim(
        a,
        a.text,
        times=(time(a, "2004", "2004", "year"),),
        quantities=(Quantity(span=span(a, "$166bn"), value=166e9, unit="money:USD", measure="deficit"),),
    )
    value = float(right_figure.strip("$bn")) * 1e9
    right = claim(
        b,
        b.text,
        times=(time(b, "2003", "2003", "year"),),
        quantities=(Quantity(span=span(b, right_figure), value=value, unit="money:USD", measure="deficit"),),
    )
    return corpus([a, b], [left, right], clusters=[[left, right]])


def test_a_date_and_a_figure_that_both_differ_are_a_note():
    # "hit a record $166bn in 2004" / "hit a record $412bn in 2003": two records (or two slips): a note.
    assert [(f.severity, f.data["dates"]) for f in run(_deficits("$412bn"))] == [(Severity.INFO, ["2004", "2003"])]
    # The same figure: one record dated two ways.
    assert [(f.severity, f.data["dates"]) for f in run(_deficits("$166bn"))] == [(Severity.WARNING, ["2004", "2003"])]


def _tolls(right_words, right_head):
    from _claimkit import Quantity, span

    a = document("a", "An outbreak of fever at the Orrin barracks has killed three people, officials said on March 4.")
    b = document("b", f"Officials at the Orrin barracks said on March 2 that {right_words} by the outbreak of fever.")
    left = claim(
        a,
        a.text,
        times=(time(a, "March 4", "2026-03-04"),),
        quantities=(Quantity(span=span(a, "three"), value=3, unit="people", measure="people", head="kill"),),
    )
    figure = right_words.split()[0]
    right = claim(
        b,
        b.text,
        times=(time(b, "March 2", "2026-03-02"),),
        quantities=(
            Quantity(span=span(b, figure), value=float(figure), unit="people", measure="people", head=right_head),
        ),
    )
    return corpus([a, b], [left, right], clusters=[[left, right]])


def test_two_tolls_of_what_befell_whom_are_no_figure_that_differs():
    # "killed three people" / "42 people had been infected": two tolls of one outbreak, not one figure told two ways,
    # so the differing day is a warning, not a note.
    assert [f.severity for f in run(_tolls("42 people had been infected", "infect"))] == [Severity.WARNING]
    # "killed three" / "five people had died": one toll (killing causes dying) that differs too: a note.
    assert [f.severity for f in run(_tolls("5 people had died", "die"))] == [Severity.INFO]


# -- one person's death, two dates -------------------------------------------------------------
def _death(left_year, right_year, heads=("murder", "murder"), victim=("Sam Ito", "Sam Ito"), cosine=0.4):
    """A verdict's sentence and a report of the act, both dating the killing of a named deputy by a year."""
    import numpy as np

    a = document("a", f"Jane Roe was convicted of the {left_year} murder of Deputy {victim[0]} after a short trial.")
    b = document("b", f"A county jury today convicted a man of murdering Deputy {victim[1]} in June, {right_year}.")
    left = claim(
        a,
        a.text,
        times=(time(a, left_year, left_year, "year").model_copy(update={"head": heads[0]}),),
        actors=(
            Actor(span=span(a, "Jane Roe"), name="Jane Roe", label="PERSON"),
            Actor(span=span(a, victim[0]), name=victim[0], label="PERSON"),
        ),
    )
    right = claim(
        b,
        b.text,
        times=(time(b, f"June, {right_year}", f"{right_year}-06", "month").model_copy(update={"head": heads[1]}),),
        actors=(Actor(span=span(b, victim[1]), name=victim[1], label="PERSON"),),
    )
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([cosine, (1 - cosine**2) ** 0.5])})
    return corp


def test_one_persons_death_dated_two_years_is_a_warning():
    # A person dies once: two dates of one named person's killing conflict, though the sentences tell the rest
    # (a trial, a verdict) in other words and their vectors are far apart.
    findings = run(_death("2004", "2005"))
    assert [f.data["dates"] for f in findings] == [["2004", "2005-06"]]
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert run(_death("2005", "2005")) == []
    # "shot" and "murdering" are one act (WordNet's kill); a shooting of the same deputy dated 2004 conflicts.
    assert len(run(_death("2004", "2005", heads=("shoot", "murder")))) == 1
    # "the death of" and "murdering" are two words WordNet does not join, but both date a death.
    assert len(run(_death("2004", "2005", heads=("death", "murder")))) == 1


def test_a_recurring_act_or_another_victim_is_not_one_death():
    # Acts a person may undergo again (an arrest, an interview) and two people's deaths stay with the other gates.
    assert run(_death("2004", "2005", heads=("arrest", "arrest"))) == []
    assert run(_death("2004", "2005", heads=("murder", "injure"))) == []
    assert run(_death("2004", "2005", victim=("Sam Ito", "Lee Park"))) == []


def test_a_death_in_the_family_is_not_the_named_persons():
    # "Roe's father died in 2004" / "Roe died in 2009": one name, two deaths.
    import numpy as np

    a = document("a", "Jane Roe, whose father died in 2004, ran the farm for a decade.")
    b = document("b", "Jane Roe, who ran the farm for a decade, died in 2009.")
    claims = []
    for doc, year in ((a, "2004"), (b, "2009")):
        claims.append(
            claim(
                doc,
                doc.text,
                times=(time(doc, year, year, "year").model_copy(update={"head": "die"}),),
                actors=(Actor(span=span(doc, "Jane Roe"), name="Jane Roe", label="PERSON"),),
            )
        )
    corp = corpus([a, b], claims)
    corp.embeddings.update({claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([0.5, 0.75**0.5])})
    assert run(corp) == []


# A sentence that dates both the fact and the report of it (issue 15: "will defend his title on Sept. 8, promoters
# said on Tuesday" / "on Sept. 16").
_TITLE_FIGHT = "Jane Roe will defend her title against Sam Ito on Sept. 8 in Hamburg, promoters said on Tuesday."
_ON_THE_LINE = (
    "Jane Roe will put her heavyweight title on the line against Sam Ito on Sept. 16, her management announced."
)


def _title_fight(cosine_vectors=((1.0, 0.0), (0.9, 0.44))):
    import numpy as np

    a, b = document("a", _TITLE_FIGHT), document("b", _ON_THE_LINE)

    def dated(doc, words, value, head):
        return time(doc, words, value).model_copy(update={"head": head})

    people = lambda doc: tuple(  # noqa: E731
        Actor(name=name, label="PERSON", span=span(doc, name)) for name in ("Jane Roe", "Sam Ito")
    )
    left = claim(
        a,
        a.text,
        times=(dated(a, "Sept. 8", "2031-09-08", "defend"), dated(a, "Tuesday", "2031-08-12", "say")),
        actors=people(a),
    )
    right = claim(b, b.text, times=(dated(b, "Sept. 16", "2031-09-16", "line"),), actors=people(b))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array(cosine_vectors[0]), right.id: np.array(cosine_vectors[1])})
    return corp


def test_a_reports_date_pairs_only_with_a_reports_date():
    from factcheck.nlp.align import align

    corp = _title_fight()
    left, right = corp.claims
    pairs = align(left, right).pairs_of("date")
    assert [(pair.left.text, pair.right.text, pair.how) for pair in pairs] == [("Sept. 8", "Sept. 16", "only")]


def test_a_close_restatement_with_one_date_each_is_a_warning_whatever_the_words_around():
    findings = run(_title_fight())
    assert [f.data["dates"] for f in findings] == [["2031-09-08", "2031-09-16"]]
    assert [f.severity for f in findings] == [Severity.WARNING]
    # Vectors only as close as any warning asks (0.6): the words around the dates must then agree, and do not.
    assert run(_title_fight(((1.0, 0.0), (0.6, 0.8)))) == []


def test_a_year_written_into_a_name_is_no_restatement_of_the_act():
    from factcheck.checks.date_conflict import one_fact_restated
    from factcheck.nlp.align import align

    a = document("a", "Roe was also celebrated in the 2031 film The Harbour Years, starring Sam Ito.")
    b = document("b", "In 2030, a studio released The Harbour Years, a feature film starring Sam Ito as Roe.")
    left = claim(a, a.text, times=(time(a, "2031", "2031", "year"),))
    right = claim(b, b.text, times=(time(b, "2030", "2030", "year"),))
    alignment = align(left, right, similarity=0.9)
    assert not one_fact_restated(alignment, alignment.pairs_of("date")[0])


def test_the_dates_of_two_reports_neither_conflict_nor_block_the_facts_dates():
    import numpy as np

    a = document("a", "Jane Roe will fight Sam Ito on Sept. 8 in Hamburg, promoters said on Sept. 2.")
    b = document("b", "Jane Roe will fight Sam Ito on Sept. 16 in Hamburg, her manager said on Sept. 3.")

    def dated(doc, words, value, head):
        return time(doc, words, value).model_copy(update={"head": head})

    left = claim(
        a, a.text, times=(dated(a, "Sept. 8", "2031-09-08", "fight"), dated(a, "Sept. 2", "2031-09-02", "say"))
    )
    right = claim(
        b, b.text, times=(dated(b, "Sept. 16", "2031-09-16", "fight"), dated(b, "Sept. 3", "2031-09-03", "say"))
    )
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.95, 0.31])})
    assert [f.data["dates"] for f in run(corp)] == [["2031-09-08", "2031-09-16"]]


def _hosted(right_text, right_dates):
    import numpy as np

    a = document("a", "Jane Roe hosted the Golden Lamp Awards in 2031 and earned a nomination for it.")
    b = document("b", right_text)
    left = claim(a, a.text, times=(time(a, "2031", "2031", "year"),))
    right = claim(b, b.text, times=tuple(time(b, words, words, "year") for words in right_dates))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.95, 0.31])})
    return corp


def test_a_run_of_someone_elses_dates_is_no_list_of_the_paired_one():
    # "following Sam Ito's stints in 2021, 2023 and 2025": the dates of another thing, written one after another.
    findings = run(
        _hosted(
            "Jane Roe hosted the Golden Lamp Awards in 2030 and earned a nomination, following Sam Ito's stints in "
            "2021, 2023 and 2025.",
            ("2030", "2021", "2023", "2025"),
        )
    )
    assert [f.data["dates"] for f in findings] == [["2031", "2030"]]
    # Dates interleaved with what each dates are a timeline: which is whose cannot be told.
    assert (
        run(
            _hosted(
                "Jane Roe hosted the Golden Lamp Awards in 2030, the Silver Pen Awards in 2028 and the Harbour Prize "
                "in 2025.",
                ("2030", "2028", "2025"),
            )
        )
        == []
    )

    # A run that holds the other side's date continues the paired date's list: which is whose cannot be told.
    assert (
        run(
            _hosted(
                "Jane Roe first hosted the Golden Lamp Awards in 2028 and again in 2031 and 2033.",
                ("2028", "2031", "2033"),
            )
        )
        == []
    )


def test_the_day_an_expected_act_was_told_is_not_its_day():
    import numpy as np

    a = document("a", "The Harbour Paper Company said on Monday, March 3, that it will cut 200 jobs.")
    b = document("b", "The Harbour Paper Company will cut 200 jobs by March 31, the company told staff.")

    def told(doc, words, value, head, past):
        when = time(doc, words, value).model_copy(update={"head": head})
        return claim(doc, doc.text, times=(when,), event=Event(actor="company", action="cut", past=past))

    def findings(past):
        said = a if not past else document("a", a.text.replace("will cut", "cut"))
        left = told(said, "Monday, March 3", "2031-03-03", "say", past)
        right = told(b, "March 31", "2031-03-31", "cut", past)
        corp = corpus([a, b], [left, right])
        corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.96, 0.28])})
        return run(corp)

    assert findings(past=False) == []
    # The day a past act was told may be its day ("said on Monday it cut 200 jobs"): still compared.
    assert [f.data["dates"] for f in findings(past=True)] == [["2031-03-03", "2031-03-31"]]


def test_the_day_an_act_was_announced_is_another_act_than_the_act():
    import numpy as np

    a = document("a", "Jane Roe will fight Sam Ito in Hamburg on Sept. 8, promoters said on Sept. 2.")
    b = document("b", "Promoters announced on Sept. 3 that Jane Roe will fight Sam Ito in Hamburg.")

    def dated(doc, words, value, head):
        return time(doc, words, value).model_copy(update={"head": head})

    left = claim(
        a, a.text, times=(dated(a, "Sept. 8", "2031-09-08", "fight"), dated(a, "Sept. 2", "2031-09-02", "say"))
    )
    right = claim(b, b.text, times=(dated(b, "Sept. 3", "2031-09-03", "announce"),))
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.98, 0.2])})
    # "will fight" is a verb in its bare form: the announcement and the fight are two acts, each dated once.
    assert run(corp) == []


def test_a_past_occasion_and_a_coming_one_are_two():
    import numpy as np

    def findings(published, past):
        a = document(
            "a", "Jane Roe hosted the Golden Lamp Awards in 2027, and earned a nomination.", published=published
        )
        b = document("b", "Jane Roe to host the Golden Lamp Awards in 2031")
        left = claim(a, a.text, times=(time(a, "2027", "2027", "year"),), event=Event(action="host", past=True))
        right = claim(b, b.text, times=(time(b, "2031", "2031", "year"),), event=Event(action="host", past=past))
        corp = corpus([a, b], [left, right])
        corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.9, 0.44])})
        return run(corp)

    # Written in 2030: the last show and the next.
    assert findings(date(2030, 8, 2), past=False) == []
    # Both told as past, or no dateline to tell the last from the next: compared.
    assert [f.data["dates"] for f in findings(date(2030, 8, 2), past=True)] == [["2027", "2031"]]
    assert [f.data["dates"] for f in findings(None, past=False)] == [["2027", "2031"]]


def test_two_weekdays_read_from_two_datelines_do_not_block_the_written_dates():
    import numpy as np

    a = document("a", "A jury today convicted Sam Ito of murdering Deputy Jane Roe in June, 2031.", date(2032, 3, 2))
    b = document(
        "b", "A jury on Tuesday convicted Sam Ito of murdering Deputy Jane Roe in June 2030.", date(2032, 3, 3)
    )
    left = claim(
        a,
        a.text,
        times=(time(a, "today", "2032-03-02", relative=True), time(a, "June, 2031", "2031-06", "month")),
    )
    right = claim(
        b,
        b.text,
        times=(time(b, "Tuesday", "2032-03-01", relative=True), time(b, "June 2030", "2030-06", "month")),
    )
    corp = corpus([a, b], [left, right])
    corp.embeddings.update({left.id: np.array([1.0, 0.0]), right.id: np.array([0.95, 0.31])})
    assert [f.data["dates"] for f in run(corp)] == [["2031-06", "2030-06"]]


def test_a_name_the_other_sentence_writes_out_unrecognised_is_no_other_particular():
    # The parse found no name in "the Harbour Hill clinic"; its words still name the same place.
    from factcheck.nlp.align import align, particulars_differ

    a = document("a", "Jane Roe checked into the Harbour Hill clinic on Jan. 3, her spokesman said.")
    b = document("b", "Jane Roe entered the Harbour Hill clinic on Jan. 11 for a stay of a month.")
    left = claim(
        a,
        a.text,
        times=(time(a, "Jan. 3", "2031-01-03"),),
        actors=(Actor(span=span(a, "Harbour Hill"), name="Harbour Hill", label="ORG"),),
    )
    right = claim(b, b.text, times=(time(b, "Jan. 11", "2031-01-11"),))
    names = {"a": frozenset({"harbour", "hill"}), "b": frozenset()}
    assert not particulars_differ(align(left, right), names)
    # A sentence that calls it by its last word alone ("the hill") still speaks of another article's place.
    c = document("b", "Jane Roe entered the clinic on the hill on Jan. 11 for a stay of a month.")
    other = claim(c, c.text, times=(time(c, "Jan. 11", "2031-01-11"),))
    assert particulars_differ(align(left, other), names)


def test_a_side_whose_only_date_is_its_reports_pairs_it_with_the_facts():
    from factcheck.nlp.align import align

    a = document("a", "Norvale Systems announced on March 4 that it had agreed to buy Wexley Labs.")
    b = document("b", "Norvale Systems said on March 12 that it will acquire Wexley Labs.")
    left = claim(a, a.text, times=(time(a, "March 4", "2031-03-04").model_copy(update={"head": "announce"}),))
    right = claim(b, b.text, times=(time(b, "March 12", "2031-03-12").model_copy(update={"head": "say"}),))
    assert [(p.left.text, p.right.text) for p in align(left, right).pairs_of("date")] == [("March 4", "March 12")]


def test_a_past_act_against_an_expected_one_is_no_restatement():
    from factcheck.checks.date_conflict import one_fact_restated
    from factcheck.nlp.align import align

    a = document("a", "UK shoppers spent 5bn on plastic cards in 2030, the last full year with figures.")
    b = document("b", "Shoppers in the UK are expected to put 269bn on plastic cards during the whole of 2031.")

    def told(doc, year, past):
        return claim(
            doc,
            doc.text,
            times=(time(doc, year, year, "year"),),
            event=Event(actor="shopper", action="spend", past=past),
        )

    alignment = align(told(a, "2030", True), told(b, "2031", False), similarity=0.9)
    assert not one_fact_restated(alignment, alignment.pairs_of("date")[0])
    alignment = align(told(a, "2030", True), told(b, "2031", True), similarity=0.9)
    assert one_fact_restated(alignment, alignment.pairs_of("date")[0])


def test_two_acts_the_parse_tells_apart_are_no_restatement():
    from factcheck.checks.date_conflict import one_fact_restated
    from factcheck.nlp.align import align

    a = document("a", "Actress Jane Roe entered a rehabilitation clinic in Harbour Hill on Jan. 3, her spokesman said.")
    b = document("b", "Actress Jane Roe left the Harbour Hill rehab facility on Jan. 30 after completing treatment.")

    def dated(doc, words, value, head):
        return claim(doc, doc.text, times=(time(doc, words, value).model_copy(update={"head": head}),))

    # Two verbs, each written as one ("left" read through its irregular form): a story's successive acts.
    alignment = align(
        dated(a, "Jan. 3", "2031-01-03", "enter"), dated(b, "Jan. 30", "2031-01-30", "leave"), similarity=0.9
    )
    assert not one_fact_restated(alignment, alignment.pairs_of("date")[0])
    # The same act on both sides, in other words around it, is still a restatement.
    alignment = align(
        dated(a, "Jan. 3", "2031-01-03", "enter"), dated(b, "Jan. 30", "2031-01-30", "enter"), similarity=0.9
    )
    assert one_fact_restated(alignment, alignment.pairs_of("date")[0])


def _flood(right_people="about 2,000", right_value=2000.0, right_range=(1500.0, 2500.0)):
    a = document("a", "A storm flooded three towns on June 3, forcing 2,000 people from their homes.")
    b = document("b", f"Floods forced {right_people} people from their homes in three towns on June 5.")

    def figure(doc, words, value, low=None, high=None):
        return Quantity(span=span(doc, words), value=value, unit="count", low=low, high=high)

    left = claim(
        a,
        a.text,
        times=(time(a, "June 3", "2031-06-03"),),
        quantities=(figure(a, "three", 3.0), figure(a, "2,000", 2000.0)),
    )
    right = claim(
        b,
        b.text,
        times=(time(b, "June 5", "2031-06-05"),),
        quantities=(figure(b, right_people, right_value, *right_range), figure(b, "three", 3.0)),
    )
    return corpus([a, b], [left, right])


def test_figures_both_sentences_give_differ_from_nothing_whatever_the_pairing():
    from factcheck.checks.date_conflict import a_figure_differs_too
    from factcheck.nlp.align import align

    left, right = _flood().claims
    assert not a_figure_differs_too(align(left, right))
    left, right = _flood("about 5,000", 5000.0, (4500.0, 5500.0)).claims
    assert a_figure_differs_too(align(left, right))


def test_two_sentences_one_article_tells_both_are_two_facts():
    # A story carried twice pairs its one sentence with the other's: both sentences are in one article, so two facts.
    first, second = "Norland founded the coast guard in 1998.", "Norland founded the coast guard's navy in 2001."
    a, b = document("a", f"{first} {second}"), document("b", f"{first} {second}")
    left = founding(a, first, "1998", "1998")
    right = founding(b, second, "2001", "2001")
    others = [founding(a, second, "2001", "2001"), founding(b, first, "1998", "1998")]
    findings = run(corpus([a, b], [left, right, *others], clusters=[[left, right]]))
    assert [f for f in findings if {span.doc for span in f.evidence} == {"a", "b"}] == []
    # An article that gives only its own sentence stands against the other's date.
    b = document("b", "Norland founded the coast guard in 2001.")
    right = founding(b, b.text, "2001", "2001")
    findings = run(corpus([a, b], [left, right, others[0]], clusters=[[left, right]]))
    assert [f.data["dates"] for f in findings if {span.doc for span in f.evidence} == {"a", "b"}] == [["1998", "2001"]]


def _rebate(left_year, right_year, persons=("Jane Roe", "Jane Roe"), cosine=0.69, right_text=None):
    """Two long sentences of two sources that each retell one person's act, dated by a year, among other things."""
    import numpy as np

    left_text = (
        f"Sam Ito promised to ensure the budget rebate, secured in {left_year} by {persons[0]}, stays fully justified."
    )
    right_text = (
        right_text
        or f"Earlier Sam Ito said the country would veto any bid to cut the budget rebate secured by {persons[1]} in {right_year}."
    )
    a, b = document("a", left_text), document("b", right_text)
    claims = []
    for doc, year, person in ((a, left_year, persons[0]), (b, right_year, persons[1])):
        claims.append(
            claim(
                doc,
                doc.text,
                times=(time(doc, year, year, "year").model_copy(update={"head": "secure"}),),
                actors=(
                    Actor(span=span(doc, "Sam Ito"), name="Sam Ito", label="PERSON"),
                    Actor(span=span(doc, person), name=person, label="PERSON"),
                ),
            )
        )
    corp = corpus([a, b], claims)
    corp.embeddings.update(
        {claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([cosine, (1 - cosine**2) ** 0.5])}
    )
    return corp


def test_one_persons_act_dated_two_years_is_a_warning_though_the_rest_tells_other_things():
    # The rest of the two sentences matches too little for the plain gates (a promise, a veto), but both name the
    # person whose act the two years date, and both years date the same word.
    findings = run(_rebate("1983", "1984"))
    assert [f.data["dates"] for f in findings] == [["1983", "1984"]]
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert run(_rebate("1984", "1984")) == []


def test_another_persons_act_or_sentences_far_apart_are_left_to_the_other_gates():
    assert run(_rebate("1983", "1984", persons=("Jane Roe", "Lee Park"))) == []
    assert run(_rebate("1983", "1984", cosine=0.4)) == []
    # A year written into a name ("the 1984 rebate") names an occasion, which recurs.
    named = "Earlier Sam Ito said the country would veto any bid to cut the 1984 budget rebate secured by Jane Roe."
    assert run(_rebate("1983", "1984", right_text=named)) == []


def _aid_report(extra_date):
    """One forecast told twice; one side also dates its report by the writer's day ("this week")."""
    said = f"Norland's aid report {extra_date} said" if extra_date else "Norland's aid report said"
    a = document("a", f"{said} 45 million children will go hungry before 2031 and aid is half its 1990 level.")
    b = document(
        "b", "Some 45 million children will go hungry before 2032 and aid is half its 1990 level, Norland says."
    )
    left_times = [time(a, "2031", "2031", "year"), time(a, "1990", "1990", "year")]
    if extra_date:
        left_times.insert(0, time(a, extra_date, "2030-W10", "week", relative=True))
    left = claim(a, a.text, times=tuple(left_times))
    right = claim(b, b.text, times=(time(b, "2032", "2032", "year"), time(b, "1990", "1990", "year")))
    return corpus([a, b], [left, right])


def test_a_date_read_from_the_writers_day_is_no_item_of_a_list():
    assert [f.data["dates"] for f in run(_aid_report(""))] == [["2031", "2032"]]
    assert [f.data["dates"] for f in run(_aid_report("this week"))] == [["2031", "2032"]]


def test_the_first_since_a_named_holder_in_a_year_is_a_comparison_base():
    # "the first man since 1987 to win" / "the first man since Jane Roe in 1987 to win": both years date the
    # base (the holder's feat), so the two are compared as bases: one fact dated two ways.
    left_words, right_words = "were the highest since", "were the highest since Jane Roe in"
    assert [f.data["dates"] for f in run(_downloads(left_words=left_words, right_words=right_words))] == [
        ["2004", "2003"]
    ]
    # Against a year of the act ("rose tenfold in 2004"), the named holder's year is still the base.
    assert run(_downloads(right_words=right_words)) == []


def _emcee(left_text, right_text, left_head, right_head, cosine=0.66, left_year="2006", right_year="2007"):
    """One person's act told in two wordings by two sources, each dated by a year: the heads are the parse's."""
    import numpy as np

    a, b = document("a", left_text), document("b", right_text)
    claims = []
    for doc, year, head in ((a, left_year, left_head), (b, right_year, right_head)):
        claims.append(
            claim(
                doc,
                doc.text,
                times=(time(doc, year, year, "year").model_copy(update={"head": head}),),
                actors=(Actor(span=span(doc, "Roe"), name="Jane Roe", label="PERSON"),),
            )
        )
    corp = corpus([a, b], claims)
    corp.embeddings.update(
        {claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([cosine, (1 - cosine**2) ** 0.5])}
    )
    return corp


_SERVED = "Roe has hosted before: she previously served as emcee at the {} ceremony."
_EMCEED = "It will be Roe's second tour of duty as host, having previously emceed the Golden Lamps in {}."


def test_one_persons_act_dated_on_its_occasion_in_other_words_is_a_warning():
    # "served as emcee at the 2006 ceremony" / "emceed the Golden Lamps in 2007": the first year dates the occasion,
    # and its sentence tells the act the other year dates (emcee / emceed); the words around the years differ.
    findings = run(_emcee(_SERVED.format("2006"), _EMCEED.format("2007"), "ceremony", "emcee"))
    assert [f.data["dates"] for f in findings] == [["2006", "2007"]]
    assert run(_emcee(_SERVED.format("2007"), _EMCEED.format("2007"), "ceremony", "emcee", left_year="2007")) == []


def test_two_acts_or_two_occurrences_of_one_persons_act_stay_apart():
    # Another act of the person at the occasion: the words before its year tell a nomination, not the hosting.
    nominated = "Roe has hosted before: she was previously nominated for a comedy prize at the {} ceremony."
    assert run(_emcee(nominated.format("2006"), _EMCEED.format("2007"), "ceremony", "emcee")) == []
    # A first and a second occurrence: the two sentences count them with no ordinal in common.
    first = "Roe has hosted before: she first served as emcee at the {} ceremony."
    assert run(_emcee(first.format("2006"), _EMCEED.format("2007"), "ceremony", "emcee")) == []
    # Sentences far apart in meaning.
    assert run(_emcee(_SERVED.format("2006"), _EMCEED.format("2007"), "ceremony", "emcee", cosine=0.3)) == []


def _emcee_by_pronoun(before, cosine=0.66):
    """The emcee pair, the second source telling of the person by "her" after a sentence that names ``before``."""
    import numpy as np

    a = document("a", _SERVED.format("2006"))
    told = "It will be her second turn as host, after she emceed the Golden Lamps in 2007 to strong reviews."
    b = document("b", f"{before} will present the Golden Lamps. {told}")
    left = claim(
        a,
        a.text,
        times=(time(a, "2006", "2006", "year").model_copy(update={"head": "ceremony"}),),
        actors=(Actor(span=span(a, "Roe"), name="Jane Roe", label="PERSON"),),
    )
    named = claim(
        b,
        f"{before} will present the Golden Lamps.",
        actors=tuple(Actor(span=span(b, name), name=name, label="PERSON") for name in before.split(" and ")),
    )
    right = claim(b, told, times=(time(b, "2007", "2007", "year").model_copy(update={"head": "emcee"}),))
    corp = corpus([a, b], [left, named, right])
    corp.embeddings.update(
        {
            left.id: np.array([1.0, 0.0]),
            right.id: np.array([cosine, (1 - cosine**2) ** 0.5]),
            named.id: np.array([0.0, 1.0]),
        }
    )
    return corp


def test_one_persons_act_told_of_by_a_pronoun_is_a_warning_when_the_sentence_before_names_only_them():
    # "It will be her second turn as host, after she emceed the Golden Lamps in 2007 ..." names no one; the
    # sentence before names Jane Roe alone, so "her" is Roe, whose act the other source dates 2006.
    findings = run(_emcee_by_pronoun("Jane Roe"))
    assert [f.data["dates"] for f in findings] == [["2006", "2007"]]
    # After a sentence that names two people, "her" is unread: no one in common.
    assert run(_emcee_by_pronoun("Jane Roe and Sam Ito")) == []


def test_two_acts_told_as_verbs_and_done_to_nothing_in_common_stay_apart():
    # "awarded the prize" / "elected to the academy": one person, one reason, most words in common, two acts.
    awarded = "Jane Roe was awarded the Lindqvist Prize in {} for her work on metal catalysts."
    elected = "Jane Roe was elected to the Academy of Sciences in {} for her work on metal catalysts."
    assert run(_emcee(awarded.format("2011"), elected.format("2012"), "award", "elect", 0.75, "2011", "2012")) == []
    # "received" / "was awarded": WordNet relates the two verbs by no path, but both are done to the same prize: one
    # act dated two ways, still a warning.
    received = "Jane Roe received the Lindqvist Prize in {} for her work on metal catalysts."
    findings = run(_emcee(received.format("2011"), awarded.format("2012"), "receive", "award", 0.75, "2011", "2012"))
    assert [f.data["dates"] for f in findings] == [["2011", "2012"]]


def test_one_persons_two_acts_the_lexicon_sets_apart_stay_apart():
    # Joining and leaving one firm, taking and leaving one post, arrest and release: one person, one thing,
    # most words in common, two events with two dates.
    pairs = [
        (
            "Jane Roe joined Ardent Motors in {} as an engineer.",
            "Jane Roe left Ardent Motors in {} as an engineer.",
            "join",
            "leave",
        ),
        (
            "Jane Roe was named head coach of the Owls in {}.",
            "Jane Roe resigned as head coach of the Owls in {}.",
            "name",
            "resign",
        ),
        (
            "Police arrested Jane Roe in Velsk in {} after a protest.",
            "Police released Jane Roe in Velsk in {} after a protest.",
            "arrest",
            "release",
        ),
        (
            "The Gulls hired Jane Roe as their manager in {}.",
            "The Gulls dismissed Jane Roe as their manager in {}.",
            "hire",
            "dismiss",
        ),
    ]
    for left, right, left_head, right_head in pairs:
        corpus = _emcee(left.format("2006"), right.format("2012"), left_head, right_head, 0.86, "2006", "2012")
        assert run(corpus) == [], (left, right)


def _sworn(left_text, right_text, left_head, right_head, left_event, right_event, cosine=0.72):
    """One person's act told by two sources in few and other words, each dated by a day: the heads and the events
    are the parse's."""
    import numpy as np

    a, b = document("a", left_text), document("b", right_text)
    claims = []
    for doc, value, head, event in (
        (a, "2019-01-12", left_head, left_event),
        (b, "2019-01-02", right_head, right_event),
    ):
        written = "12 January 2019" if doc is a else "2 January 2019"
        claims.append(
            claim(
                doc,
                doc.text,
                times=(time(doc, written, value).model_copy(update={"head": head}),),
                actors=(Actor(span=span(doc, "Ilse Roe"), name="Ilse Roe", label="PERSON"),),
                event=event,
            )
        )
    corp = corpus([a, b], claims)
    corp.embeddings.update(
        {claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([cosine, (1 - cosine**2) ** 0.5])}
    )
    return corp


_OATH = "Mayor Ilse Roe took the oath of office on 12 January 2019 and has since cut the city's payroll by a tenth."
_SWORN = "Ilse Roe, sworn in as mayor of Drelling on 2 January 2019, faces a recall vote next month."


def test_one_persons_act_told_by_a_light_verb_and_by_a_phrasal_verb_is_a_warning():
    # "took the oath of office" / "sworn in": the oath is what one swears, so both days date one act, though the two
    # sentences share few words and the second's main act (the coming vote, its tense) is another.
    oath = Event(actor="ilse roe", action="oath", object="office", past=True)
    sworn = Event(actor="ilse roe", action="face", object="recall vote", past=False)
    findings = run(_sworn(_OATH, _SWORN, "take", "swear in", oath, sworn))
    assert [f.data["dates"] for f in findings] == [["2019-01-12", "2019-01-02"]]


def test_another_act_or_a_light_verb_whose_object_names_another_act_stays_apart():
    sworn = Event(actor="ilse roe", action="face", object="recall vote", past=False)
    # Elected on one day, sworn in on another: two acts, each with its own day.
    elected = "Mayor Ilse Roe was elected on 12 January 2019 and has since cut the city's payroll by a tenth."
    event = Event(action="elect", object="ilse roe", past=True)
    assert run(_sworn(elected, _SWORN, "elect", "swear in", event, sworn)) == []
    # "took part in a debate": the light verb's object is no oath.
    debate = "Mayor Ilse Roe took part in a debate on 12 January 2019 and has since cut the city's payroll by a tenth."
    event = Event(actor="ilse roe", action="part", object="debate", past=True)
    assert run(_sworn(debate, _SWORN, "take", "swear in", event, sworn)) == []


def _described(before, second="The 47-year-old was arrested on March 4 after a crash near Velsk.", cosine=0.47):
    """One arrest told by two sources: one names Jane Roe, the other the person ``before`` names and then a
    description of them ("The 47-year-old"). The vectors are far apart, as a description's are from a name's."""
    import numpy as np

    a = document("a", "Jane Roe was arrested on March 6 after a crash near Velsk, police said.")
    b = document("b", f"{before} faces a charge of dangerous driving. {second}")
    left = claim(
        a,
        a.text,
        times=(time(a, "March 6", "2031-03-06").model_copy(update={"head": "arrest"}),),
        actors=(
            Actor(span=span(a, "Jane Roe"), name="Jane Roe", label="PERSON"),
            Actor(span=span(a, "Velsk"), name="Velsk", label="GPE"),
        ),
        event=Event(actor=None, action="arrest", object="jane roe"),
    )
    named = claim(
        b,
        f"{before} faces a charge of dangerous driving.",
        actors=tuple(Actor(span=span(b, name), name=name, label="PERSON") for name in before.split(" and ")),
        event=Event(actor=before.casefold(), action="face", object="charge"),
    )
    head = second.split()[1]
    right = claim(
        b,
        second,
        times=(time(b, "March 4", "2031-03-04").model_copy(update={"head": "arrest"}),),
        actors=(Actor(span=span(b, "Velsk"), name="Velsk", label="GPE"),),
        event=Event(actor=None, action="arrest", object=head.casefold()),
    )
    corp = corpus([a, b], [left, named, right])
    corp.embeddings.update(
        {
            left.id: np.array([1.0, 0.0]),
            right.id: np.array([cosine, (1 - cosine**2) ** 0.5]),
            named.id: np.array([0.0, 1.0]),
        }
    )
    return corp


def test_one_persons_act_told_of_by_a_description_is_a_warning():
    # "The 47-year-old" names no one; the sentence before names Jane Roe alone, so the arrest is hers, which the
    # other source dates March 6. The vectors lose the name (0.47), the person and the act say it instead.
    findings = run(_described("Jane Roe"))
    assert [f.data["dates"] for f in findings] == [["2031-03-06", "2031-03-04"]]
    # "The actress" (WordNet: a person) reads the same.
    actress = run(_described("Jane Roe", "The actress was arrested on March 4 after a crash near Velsk."))
    assert [f.data["dates"] for f in actress] == [["2031-03-06", "2031-03-04"]]


def test_a_description_after_another_person_or_two_or_of_no_person_is_no_one_in_common():
    # Another person's arrest: the description stands for Sam Ito.
    assert run(_described("Sam Ito")) == []
    # After a sentence naming two people, the description is unread.
    assert run(_described("Jane Roe and Sam Ito")) == []
    # "The crash" is no person; "the suspects" are several.
    assert run(_described("Jane Roe", "The suspects were arrested on March 4 after a crash near Velsk.")) == []


def test_a_surname_the_tagger_missed_in_the_other_sentence_is_no_other_particular():
    # "Haddou became a colonel" (the tagger missed the surname) against "Amira Haddou was promoted to colonel": a
    # person's name ends in a surname, which names no kind, so the other sentence's "Haddou" is no other Haddou.
    from factcheck.nlp.align import align, particulars_differ

    a = document(
        "a", "In 2012, Amira Haddou was promoted to colonel, the first woman in the regiment to hold the rank."
    )
    b = document("b", "Haddou became a colonel in 2013, making her the first woman in the regiment to reach that rank.")
    left = claim(
        a,
        a.text,
        times=(time(a, "2012", "2012", "year"),),
        actors=(Actor(span=span(a, "Amira Haddou"), name="Amira Haddou", label="PERSON"),),
    )
    right = claim(b, b.text, times=(time(b, "2013", "2013", "year"),))
    names = {"a": frozenset({"amira", "haddou"}), "b": frozenset()}
    assert not particulars_differ(align(left, right), names)
    # A thing's name still does: "the Harbour Clinic" against "the clinic" of an article that never names it.
    c = document("c", "Jane Roe entered the Harbour Clinic in 2012 for a stay of a month.")
    d = document("d", "Jane Roe entered the clinic in 2013 for a stay of a month.")
    place = claim(
        c,
        c.text,
        times=(time(c, "2012", "2012", "year"),),
        actors=(Actor(span=span(c, "Harbour Clinic"), name="Harbour Clinic", label="ORG"),),
    )
    other = claim(d, d.text, times=(time(d, "2013", "2013", "year"),))
    assert particulars_differ(align(place, other), {"c": frozenset({"harbour", "clinic"}), "d": frozenset()})


def _ranked(left_text, right_text, left_year="2014", right_year="2016", head="promote"):
    import numpy as np

    a, b = document("a", left_text), document("b", right_text)
    claims = [
        claim(
            doc,
            doc.text,
            times=(time(doc, year, year, "year").model_copy(update={"head": head}),),
            actors=(Actor(span=span(doc, "Jane Roe"), name="Jane Roe", label="PERSON"),),
            event=Event(actor=None, action=head, object="jane roe"),
        )
        for doc, year in ((a, left_year), (b, right_year))
    ]
    corp = corpus([a, b], claims)
    corp.embeddings.update({claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([0.9, 0.44])})
    return corp


def test_two_ranks_or_posts_the_dated_act_gives_are_two_acts():
    # "promoted to colonel" / "promoted to general": one person, one verb, two ranks, each with its date.
    colonel = "Jane Roe was promoted to colonel in {} and later commanded a transport wing."
    general = "Jane Roe was promoted to general in {} and later commanded a transport wing."
    assert run(_ranked(colonel.format("2014"), general.format("2016"))) == []
    deputy = "Jane Roe was appointed deputy director of the observatory in {} after a decade there."
    director = "Jane Roe was appointed director of the observatory in {} after a decade there."
    assert run(_ranked(director.format("2014"), deputy.format("2016"), head="appoint")) == []
    # One rank told by other function words is one act: a warning.
    made = "Jane Roe was made a colonel in {} and later commanded a transport wing."
    findings = run(_ranked(colonel.format("2014"), made.format("2016")))
    assert [f.data["dates"] for f in findings] == [["2014", "2016"]]
    # "Head coach" / "coach": "head" names no person, so one post.
    head_coach = "Jane Roe was appointed head coach of the Owls in {} after a decade there."
    coach = "Jane Roe was appointed coach of the Owls in {} after a decade there."
    findings = run(_ranked(head_coach.format("2014"), coach.format("2016"), head="appoint"))
    assert [f.data["dates"] for f in findings] == [["2014", "2016"]]


def test_a_description_of_a_group_stands_for_the_organisation_named_last():
    from factcheck.nlp.align import people_named
    from factcheck.nlp.descriptions import described_organisations, described_persons

    doc = document("a", "Kestrel Drones has issued a profit warning. The company floated on the exchange in 2018.")
    named = claim(
        doc,
        "Kestrel Drones has issued a profit warning.",
        actors=(Actor(span=span(doc, "Kestrel Drones"), name="Kestrel Drones", label="ORG"),),
        event=Event(actor="kestrel drones", action="issue", object="profit warning"),
    )
    described = claim(
        doc,
        "The company floated on the exchange in 2018.",
        event=Event(actor="company", action="float", object=None),
    )
    assert described_organisations([named, described]) == {described.id: "Kestrel Drones"}
    # A company is no person, and a person's description does not stand for a firm.
    assert described_persons([named, described], people_named) == {}


def _two_outlets(left_text, right_text, left_head, right_head, left_event, right_event, cosine=0.38, person="Ilse Roe"):
    """One person's act told by two outlets each in a sentence of its own, dated a day each (12 and 2 January
    2019); the vectors far apart, as two outlets' own sentences are ("She will be sworn in on Aug. 11" / "Kessler
    will take office on Aug. 1": 0.38). Heads and events are the parse's."""
    import numpy as np

    a, b = document("a", left_text), document("b", right_text)
    claims = []
    for doc, value, head, event in (
        (a, "2019-01-12", left_head, left_event),
        (b, "2019-01-02", right_head, right_event),
    ):
        written = "12 January 2019" if doc is a else "2 January 2019"
        actors = (Actor(span=span(doc, person), name=person, label="PERSON"),) if person in doc.text else ()
        claims.append(
            claim(
                doc,
                doc.text,
                times=(time(doc, written, value).model_copy(update={"head": head}),),
                actors=actors,
                event=event,
            )
        )
    corp = corpus([a, b], claims)
    corp.embeddings.update(
        {claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([cosine, (1 - cosine**2) ** 0.5])}
    )
    return corp


def test_one_act_of_one_person_anchors_the_pair_whatever_the_vectors():
    # "turned herself in" / "surrendered": WordNet defines "turn in" by "surrender", and Ilse Roe is both sentences'
    # person. The two sentences share hardly a word besides her name, and their vectors are far apart (0.38).
    turned = "Ilse Roe turned herself in at a police station in Velsk on 12 January 2019, ending a long manhunt."
    surrendered = "After three years on the run, Ilse Roe surrendered to detectives on 2 January 2019."
    findings = run(
        _two_outlets(
            turned,
            surrendered,
            "turn in",
            "surrender",
            Event(actor="ilse roe", action="turn in", object="herself", past=True),
            Event(actor="ilse roe", action="surrender", past=True),
        )
    )
    assert [f.data["dates"] for f in findings] == [["2019-01-12", "2019-01-02"]]


def test_a_date_hung_on_a_noun_dates_the_verb_before_it():
    # "testified before the inquiry on 2 January": the parse hangs the date on "inquiry", a noun that names no event;
    # the verb before it tells the act, which WordNet gives by the other side's light verb's object ("evidence").
    gave = "Ilse Roe gave evidence to the inquiry on 12 January 2019, telling it that warnings had been ignored."
    testified = "Ilse Roe testified before the inquiry on 2 January 2019 that she had raised concerns early."
    findings = run(
        _two_outlets(
            gave,
            testified,
            "give",
            "inquiry",
            Event(actor="ilse roe", action="give", object="evidence", past=True),
            Event(actor="ilse roe", action="raise", object="concerns", past=True),
        )
    )
    assert [f.data["dates"] for f in findings] == [["2019-01-12", "2019-01-02"]]


def test_near_identical_sentences_telling_two_acts_stay_apart():
    # Each pair shares all but the verb, and the vectors read them as one sentence (0.83-0.9); the verbs, which
    # WordNet does not relate, are two acts, each with its day.
    pairs = [
        (
            "Ilse Roe raised the city's main tax rate on 12 January 2019.",
            "Ilse Roe cut the city's main tax rate on 2 January 2019.",
            "raise",
            "cut",
        ),
        (
            "Ilse Roe was nominated as finance minister on 12 January 2019.",
            "Ilse Roe was confirmed as finance minister on 2 January 2019.",
            "nominate",
            "confirm",
        ),
        (
            "Ilse Roe filed a lawsuit against the council on 12 January 2019.",
            "Ilse Roe won her lawsuit against the council on 2 January 2019.",
            "file",
            "win",
        ),
    ]
    for left, right, left_head, right_head in pairs:
        corp = _two_outlets(
            left,
            right,
            left_head,
            right_head,
            Event(actor="ilse roe", action=left_head, past=True),
            Event(actor="ilse roe", action=right_head, past=True),
            cosine=0.88,
        )
        assert run(corp) == [], (left, right)


def test_a_pronoun_after_a_description_stands_for_the_described_person():
    from factcheck.nlp.align import pronoun_participants

    text = "Jane Roe was charged. The 47-year-old was arrested in May. She was freed on bail."
    doc = document("b", text)
    first = claim(
        doc, "Jane Roe was charged.", actors=(Actor(span=span(doc, "Jane Roe"), name="Jane Roe", label="PERSON"),)
    )
    described = claim(doc, "The 47-year-old was arrested in May.")
    pronoun = claim(doc, "She was freed on bail.")
    told = pronoun_participants([first, described, pronoun], described={described.id: frozenset({"@roe"})})
    assert told == {pronoun.id: frozenset({"@roe"})}


def test_a_described_persons_act_is_aligned_whatever_the_vectors_and_the_words():
    # The described arrest shares two words with the other outlet's sentence (a fifth of the weighted words) and its
    # vectors are far (0.3): the aligner admits the pair on the person the description stands for and the act.
    findings = run(
        _described(
            "Jane Roe",
            "The 47-year-old, a retired nurse, was arrested on March 4 at a friend's flat in Velsk on the orders of a magistrate.",
            cosine=0.3,
        )
    )
    assert [f.data["dates"] for f in findings] == [["2031-03-06", "2031-03-04"]]
    assert (
        run(
            _described(
                "Sam Ito",
                "The 47-year-old, a retired nurse, was arrested on March 4 at a friend's flat in Velsk on the orders of a magistrate.",
                cosine=0.3,
            )
        )
        == []
    )


def _two_accounts(left_text, right_text, left_time, right_time, left_event, right_event, actors, cosine=0.38, dated=()):
    """Two outlets' sentences of one story, each dating an act once (``left_time`` / ``right_time``: text, value,
    head, relative), the named entities of ``actors`` (name, label) wherever a sentence writes them, and the vectors
    far apart (0.38), as two outlets' own sentences are. ``dated``: the two datelines, when the articles have them."""
    import numpy as np

    published = dated or (None, None)
    a, b = document("a", left_text, published=published[0]), document("b", right_text, published=published[1])
    claims = []
    for doc, (written, value, head, relative), event in ((a, left_time, left_event), (b, right_time, right_event)):
        named = tuple(Actor(span=span(doc, name), name=name, label=label) for name, label in actors if name in doc.text)
        when = time(doc, written, value, relative=relative).model_copy(update={"head": head})
        claims.append(claim(doc, doc.text, times=(when,), actors=named, event=event))
    corp = corpus([a, b], claims)
    corp.embeddings.update(
        {claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([cosine, (1 - cosine**2) ** 0.5])}
    )
    return corp


def test_an_organisations_act_anchors_the_pair_as_a_persons_does():
    # A firm does the act, and no person is named: the firm both sentences name anchors the pair, the act (one verb)
    # says which date is whose, whatever the vectors (0.38) and the few words the sentences share.
    recalled = "Movra Foods recalled 40,000 jars of soup on 12 January 2019 after tests found traces of glass."
    pulled = (
        "Shoppers were told to return the jars after Movra Foods recalled them on 2 January 2019, the regulator said."
    )
    findings = run(
        _two_accounts(
            recalled,
            pulled,
            ("12 January 2019", "2019-01-12", "recall", False),
            ("2 January 2019", "2019-01-02", "recall", False),
            Event(actor="movra foods", action="recall", object="jars", past=True),
            Event(actor="shoppers", action="tell", past=True),
            [("Movra Foods", "ORG")],
        )
    )
    assert [f.data["dates"] for f in findings] == [["2019-01-12", "2019-01-02"]]


def test_weekdays_of_one_week_anchor_one_persons_act():
    # Filed on Thursday March 12 and Wednesday March 11: "Monday" and "Tuesday" date one arrest of one man. The date
    # of the second hangs on "home", a noun naming no event: the act it dates is the verb before it, "arrested", so
    # the sentence tells no other act than the first's.
    monday = "Police in Brella arrested the former port manager Anton Vesk on Monday on suspicion of fraud."
    tuesday = "Anton Vesk, who ran the city's port for a decade, was arrested at his home on Tuesday."
    findings = run(
        _two_accounts(
            monday,
            tuesday,
            ("Monday", "2026-03-09", "arrest", True),
            ("Tuesday", "2026-03-10", "home", True),
            Event(actor="police", action="arrest", object="anton vesk", past=True),
            Event(action="arrest", object="anton vesk", past=True),
            [("Anton Vesk", "PERSON")],
            dated=(date(2026, 3, 12), date(2026, 3, 11)),
        )
    )
    assert [f.data["dates"] for f in findings] == [["2026-03-09", "2026-03-10"]]


def test_one_act_done_to_two_things_is_two_acts():
    # One firm, one verb, close vectors (0.88), and each sentence launches something the other never names: two
    # launches, each on its day.
    van = "Vela Motors launched its first electric van on 12 January 2019 at a factory event in Tarn."
    hatchback = "Vela Motors launched a compact hatchback on 2 January 2019 at a factory event in Tarn."
    corp = _two_accounts(
        van,
        hatchback,
        ("12 January 2019", "2019-01-12", "launch", False),
        ("2 January 2019", "2019-01-02", "launch", False),
        Event(actor="vela motors", action="launch", object="electric van", past=True),
        Event(actor="vela motors", action="launch", object="compact hatchback", past=True),
        [("Vela Motors", "ORG")],
        cosine=0.88,
    )
    assert run(corp) == []


def test_a_word_for_a_person_names_no_thing_an_act_is_done_to():
    # One governor unveils a proposal one day and a decision another: "decision" is related to "governor" in a rare
    # sense of WordNet's, and a person is never the thing an act is done to, so each sentence still names a thing
    # the other does not: two acts.
    proposal = "Governor Lena Farrow unveiled a proposal on 12 January 2019 to restore free bus service to villages."
    decision = "On 2 January 2019, the Farrow government unveiled its decision to repeal the quiet hours rule."
    corp = _two_accounts(
        proposal,
        decision,
        ("12 January 2019", "2019-01-12", "unveil", False),
        ("2 January 2019", "2019-01-02", "unveil", False),
        Event(actor="lena farrow", action="unveil", object="proposal", past=True),
        Event(actor="farrow government", action="unveil", object="decision", past=True),
        [("Lena Farrow", "PERSON")],
        cosine=0.88,
    )
    assert run(corp) == []


def test_two_intents_of_one_actor_are_told_apart_by_what_each_is_to_do():
    # One noun ("proposal") for two proposals: the to-infinitive after each says what it is to do, and the two
    # differ (restore bus service / repeal a rule): two acts. What is to be done named alike is one act told twice.
    restore = "Governor Lena Farrow unveiled a proposal on 12 January 2019 to restore free bus service to villages."
    repeal = "On 2 January 2019, Governor Lena Farrow unveiled her proposal to repeal the quiet hours rule."
    again = "On 2 January 2019, Governor Lena Farrow unveiled her proposal to restore free bus service."

    def accounts(other: str):
        return _two_accounts(
            restore,
            other,
            ("12 January 2019", "2019-01-12", "unveil", False),
            ("2 January 2019", "2019-01-02", "unveil", False),
            Event(actor="lena farrow", action="unveil", object="proposal", past=True),
            Event(actor="lena farrow", action="unveil", object="proposal", past=True),
            [("Lena Farrow", "PERSON")],
            cosine=0.88,
        )

    assert run(accounts(repeal)) == []
    assert [f.data["dates"] for f in run(accounts(again))] == [["2019-01-12", "2019-01-02"]]


def test_two_intents_are_compared_by_what_each_is_to_do_not_by_every_word_of_the_other_sentence():
    # "cold" has a rare noun sense (the sensation) that WordNet puts under "process": read against every word of the
    # other sentence, it named the other's thing. Two intents are compared with each other: reopen / scrap.
    reopen = "Mayor Ines Korda disclosed plans on 12 January 2019 to reopen cold storage depots across the valley."
    scrap = "On 2 January 2019, the Korda government disclosed its aim to scrap the tariff rule, after a long process."
    corp = _two_accounts(
        reopen,
        scrap,
        ("12 January 2019", "2019-01-12", "disclose", False),
        ("2 January 2019", "2019-01-02", "disclose", False),
        Event(actor="ines korda", action="disclose", object="plans", past=True),
        Event(actor="korda government", action="disclose", object="aim", past=True),
        [("Ines Korda", "PERSON")],
        cosine=0.88,
    )
    assert run(corp) == []


def test_a_date_on_an_event_noun_dates_the_event_not_the_main_verb():
    from factcheck.nlp.align import claim_tokens, dated_act

    text = "Rescuers freed 14 miners who had been trapped since the flooding of the Skarn mine on 2 January 2019."
    doc = document("b", text)
    when = time(doc, "2 January 2019", "2019-01-02").model_copy(update={"head": "flooding"})
    freed = claim(doc, text, times=(when,), event=Event(actor="rescuers", action="free", object="miners", past=True))
    (date_token,) = [token for token in claim_tokens(freed) if token.kind == "date"]
    assert dated_act(freed, date_token) is None  # "freed" is not what the date dates: no act to hold apart by


def test_the_dated_act_search_reads_a_firm_a_description_stands_for():
    # "The company floated ... in 2018" tells of Kestrel Drones, named before: the candidate search for one act told
    # in other words posts it under the firm, as another outlet's "Kestrel Drones floated ..." is.
    from factcheck.nlp.align import things_named, told_anchors

    doc = document("a", "Kestrel Drones has issued a profit warning. The company floated on the exchange in 2018.")
    named = claim(
        doc,
        "Kestrel Drones has issued a profit warning.",
        actors=(Actor(span=span(doc, "Kestrel Drones"), name="Kestrel Drones", label="ORG"),),
        event=Event(actor="kestrel drones", action="issue", object="profit warning"),
    )
    described = claim(
        doc, "The company floated on the exchange in 2018.", event=Event(actor="company", action="float", object=None)
    )
    other = document("b", "Kestrel Drones floated on the exchange in 2019.")
    floated = claim(
        other, other.text, actors=(Actor(span=span(other, "Kestrel Drones"), name="Kestrel Drones", label="ORG"),)
    )
    assert told_anchors([named, described])[described.id] == things_named(floated) == {"#drone kestrel"}


@pytest.mark.parametrize("head", ["step down", "step"])
def test_stepped_down_is_resigned_whether_the_parse_keeps_its_particle_or_not(head):
    # "stepped down" is "resigned" to WordNet; the parse may give it the lemma "step", and the sentence writes the
    # particle: the bare verb "step" would be another act, one the lexicon sets apart.
    resigned = "Ilse Roe resigned as prime minister on 12 January 2019 after losing a confidence vote."
    stepped = "Ilse Roe stepped down on 2 January 2019, hours after parliament voted against her government."
    findings = run(
        _two_outlets(
            resigned,
            stepped,
            "resign",
            head,
            Event(actor="ilse roe", action="resign", past=True),
            Event(actor="ilse roe", action=head, past=True),
        )
    )
    assert [f.data["dates"] for f in findings] == [["2019-01-12", "2019-01-02"]]


def test_an_occurrence_one_sentence_counts_among_others_is_not_anchored():
    # "his next hearing" counts one hearing of several; the anchored pair reads only the act and the person, so it
    # cannot say that "Wednesday's hearing" was that one.
    held = "Ilse Roe was ordered held without bail pending her next court hearing on 12 January 2019."
    pleaded = "A not guilty plea was entered on behalf of Ilse Roe during the court hearing on 2 January 2019."
    corp = _two_outlets(
        held,
        pleaded,
        "hearing",
        "hearing",
        Event(actor=None, action="order", past=True),
        Event(actor=None, action="enter", object="plea", past=True),
    )
    assert run(corp) == []


def _dated_sentences(left_text, left_times, right_text, right_times, cosine, names=(), events=(None, None), figures=()):
    """Two outlets' sentences, each with its dates (text, value, head), the persons of ``names`` and the figures of
    ``figures`` (text, value, unit) wherever written."""
    import numpy as np

    claims = []
    documents = []
    for doc_id, text, times, event in (
        ("a", left_text, left_times, events[0]),
        ("b", right_text, right_times, events[1]),
    ):
        doc = document(doc_id, text)
        # A time may carry its TIMEX3 type after its head ("two days", "P2D", "arrest", "DURATION"); a value of a
        # year alone ("2019") is a year's.
        dated = tuple(
            time(doc, words, value, "year" if re.fullmatch(r"\d{4}", value) else "day").model_copy(
                update={"head": head, **({"type": kind[0]} if kind else {})}
            )
            for words, value, head, *kind in times
        )
        named = tuple(Actor(span=span(doc, name), name=name, label="PERSON") for name in names if name in text)
        counted = tuple(
            Quantity(span=span(doc, words), value=value, unit=unit, head=head[0] if head else None)
            for words, value, unit, *head in figures
            if words in text
        )
        documents.append(doc)
        claims.append(claim(doc, text, times=dated, actors=named, event=event, quantities=counted))
    corp = corpus(documents, claims)
    corp.embeddings.update(
        {claims[0].id: np.array([1.0, 0.0]), claims[1].id: np.array([cosine, (1 - cosine**2) ** 0.5])}
    )
    return corp


def test_a_second_act_told_in_the_same_sentence_leaves_the_pairing_sure():
    # One outlet tells the arrest and the charge in one sentence, each on its own verb and day; the other tells the
    # arrest alone. The act pairs the dates, so the charge's day does not leave the arrest's in doubt.
    both = "Police arrested former harbour master Ole Brandt on March 6 and charged him with bribery on March 11."
    arrested = "Ole Brandt, who ran the harbour for 15 years, was arrested at his home on March 8."
    corp = _dated_sentences(
        both,
        (("March 6", "2026-03-06", "arrest"), ("March 11", "2026-03-11", "charge")),
        arrested,
        (("March 8", "2026-03-08", "arrest"),),
        0.56,
        names=("Ole Brandt",),
        events=(Event(actor="police", action="arrest", object="ole brandt", past=True), Event(action="arrest")),
    )
    assert [f.data["dates"] for f in run(corp)] == [["2026-03-06", "2026-03-08"]]


@pytest.mark.parametrize(
    "second",
    [
        ("again on March 11", "March 11", "arrest"),  # one act dated twice: which arrest is the other's?
        ("before the March 11 hearing", "March 11", "hearing"),  # a date on a noun: no act of its own told
    ],
)
def test_a_second_date_on_the_same_act_or_on_a_noun_leaves_the_pairing_in_doubt(second):
    written, words, head = second
    both = f"Police arrested former harbour master Ole Brandt on March 6 and {written}."
    arrested = "Ole Brandt, who ran the harbour for 15 years, was arrested at his home on March 8."
    corp = _dated_sentences(
        both,
        (("March 6", "2026-03-06", "arrest"), (words, "2026-03-11", head)),
        arrested,
        (("March 8", "2026-03-08", "arrest"),),
        0.56,
        names=("Ole Brandt",),
        events=(Event(actor="police", action="arrest", object="ole brandt", past=True), Event(action="arrest")),
    )
    assert run(corp) == []


@pytest.mark.parametrize(
    ("arrest", "expected"),
    [
        ("a week that began with his arrest on March 6", [["2026-03-06", "2026-03-08"]]),
        # Written into the noun, the day only says which arrest is meant: the pairing stays in doubt.
        ("a week that began with the March 6 arrest", []),
    ],
)
def test_a_date_told_after_an_events_noun_dates_that_event(arrest, expected):
    # "remanded ... at a court hearing on March 11, a week that began with his arrest on March 6": each day follows
    # the noun of its own event (the hearing, the arrest), as a day follows its verb, so the other outlet's arrest
    # meets the arrest's day and not the hearing's.
    both = f"Ole Brandt was remanded in custody at a court hearing on March 11, {arrest}."
    arrested = "Ole Brandt, who ran the harbour for 15 years, was arrested at his home on March 8."
    corp = _dated_sentences(
        both,
        (("March 11", "2026-03-11", "hearing"), ("March 6", "2026-03-06", "arrest")),
        arrested,
        (("March 8", "2026-03-08", "arrest"),),
        0.56,
        names=("Ole Brandt",),
        events=(Event(actor=None, action="remand", object="ole brandt", past=True), Event(action="arrest")),
    )
    assert [f.data["dates"] for f in run(corp)] == expected


@pytest.mark.parametrize(
    ("held", "severity"),
    [
        # "two days after the raid" places the arrest from another act: part of its date, it moves with the date.
        ("two days after the raid", Severity.WARNING),
        # "held for two days" tells how long an act lasted: a figure of the fact that differs too, so a note.
        ("and held for two days", Severity.INFO),
        ("and held for two days after the raid", Severity.INFO),
    ],
)
def test_a_stretch_of_time_from_another_act_is_no_figure_that_differs(held, severity):
    arrested = f"Ole Brandt was arrested at his home on March 8, {held}."
    remanded = "Ole Brandt was arrested on March 6 and remanded in custody for 30 days."
    corp = _dated_sentences(
        arrested,
        (("March 8", "2026-03-08", "arrest"), ("two days", "P2D", "arrest", "DURATION")),
        remanded,
        (("March 6", "2026-03-06", "arrest"), ("30 days", "P30D", "remand", "DURATION")),
        0.56,
        names=("Ole Brandt",),
        events=(Event(action="arrest", object="ole brandt"), Event(action="arrest", object="ole brandt")),
        figures=(("two days", 2.0, "days"), ("30 days", 30.0, "days")),
    )
    assert [(f.data["dates"], f.severity) for f in run(corp)] == [(["2026-03-08", "2026-03-06"], severity)]


def test_a_participle_after_a_dated_clause_tells_that_acts_result_not_another_act():
    # "struck ... on 5 October, killing 12": the killing is the quake's, on its day, so the headline's "kills 12 ...
    # on 3 October" dates the same act. Written before the date, or apart from the clause, the word is an act of
    # its own, undated, and the dates are two acts' ("was blamed for killing 12 when it struck on 5 October").
    headline = "Quake kills 12 in Varn province on 3 October 2026"
    struck = "A magnitude 6.1 earthquake struck Varn province on 5 October 2026, killing 12 people, officials said."
    blamed = "A magnitude 6.1 earthquake, blamed for killing 12 people, struck Varn province on 5 October 2026."
    for text, expected in ((struck, [["2026-10-03", "2026-10-05"]]), (blamed, [])):
        corp = _dated_sentences(
            headline,
            (("3 October 2026", "2026-10-03", "kill"),),
            text,
            (("5 October 2026", "2026-10-05", "strike"),),
            0.84,
        )
        assert [f.data["dates"] for f in run(corp)] == expected, text


def test_an_act_told_before_when_and_the_dated_clause_is_at_its_time():
    # "were killed when a bomb exploded ... on 2 June": the killing is the blast's, on its day.
    killed = "A bomb killed nine people at a market in Sarn on 1 June 2026, police said."
    when = "Nine people were killed when a bomb exploded at a crowded market in Sarn on 2 June 2026, police said."
    corp = _dated_sentences(
        killed, (("1 June 2026", "2026-06-01", "kill"),), when, (("2 June 2026", "2026-06-02", "explode"),), 0.85
    )
    assert [f.data["dates"] for f in run(corp)] == [["2026-06-01", "2026-06-02"]]


def test_a_day_the_other_sentence_writes_alike_on_another_act_leaves_the_pairing_in_doubt():
    # The parse hangs the second side's day on "purchase" and the first's on "takeover" and "complete": the related
    # nouns pair "May 3" with "June 10", but the first sentence writes "June 10" itself, on the completing.
    both = "Orvik Mining announced its takeover of Tarn Metals on May 3 and completed the deal on June 10."
    completed = "Orvik Mining completed its purchase of Tarn Metals on June 10, five weeks after announcing the deal."
    corp = _dated_sentences(
        both,
        (("May 3", "2026-05-03", "takeover"), ("June 10", "2026-06-10", "complete")),
        completed,
        (("June 10", "2026-06-10", "purchase"),),
        0.93,
    )
    assert run(corp) == []


@pytest.mark.parametrize(
    ("became", "expected"),
    [
        # "on 12 March, beating": the grammar tells the win on the day of the title, so "defeated ... on 14 March"
        # dates that one act, though WordNet relates "become" to neither "beat" nor "defeat".
        (
            "Ilse Varga became national chess champion on 12 March 2026, beating Tomas Reyes in a rapid playoff.",
            [["2026-03-12", "2026-03-14"]],
        ),
        # Written before the dated clause, the win is no part of it: the title's day and the win's are two acts' days.
        (
            "Ilse Varga, beating Tomas Reyes in a rapid playoff, became national chess champion on 12 March 2026.",
            [],
        ),
    ],
)
def test_a_participle_after_the_dated_clause_tells_the_other_sentences_act(became, expected):
    defeated = "Ilse Varga defeated Tomas Reyes in a two-game playoff on 14 March 2026 to take the national title."
    corp = _dated_sentences(
        became,
        (("12 March 2026", "2026-03-12", "become"),),
        defeated,
        (("14 March 2026", "2026-03-14", "defeat"),),
        0.62,
        names=("Ilse Varga", "Tomas Reyes"),
        events=(
            Event(actor="ilse varga", action="become", past=True),
            Event(actor="ilse varga", action="defeat", past=True),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == expected


@pytest.mark.parametrize(
    ("sentenced", "expected"),
    [
        # The same court, the same four years, the same $2.1 million: one sentencing told by "handed ... a prison
        # term" and "was sentenced", which WordNet does not relate.
        (
            "Former treasurer Jo Vint of the Ardmore Council was sentenced to four years in prison on 3 May 2026 for"
            " the $2.1 million fraud.",
            [["2026-05-03", "2026-05-06"]],
        ),
        # Another figure: two hearings of one case, each with its own term.
        (
            "Former treasurer Jo Vint of the Ardmore Council was sentenced to six years in prison on 3 May 2026 for"
            " the $2.1 million fraud.",
            [],
        ),
    ],
)
def test_one_act_in_unrelated_verbs_whose_particulars_all_agree(sentenced, expected):
    handed = (
        "A judge at Ardmore Crown Court handed Jo Vint, the Ardmore Council's former treasurer, a four-year prison term"
        " on 6 May 2026 for a $2.1 million fraud."
    )
    corp = _dated_sentences(
        sentenced,
        (("3 May 2026", "2026-05-03", "sentence"),),
        handed,
        (("6 May 2026", "2026-05-06", "hand"),),
        0.7,
        names=("Jo Vint",),
        events=(Event(action="sentence", past=True), Event(actor="judge", action="hand", past=True)),
        figures=(
            ("four years", 4.0, "duration:year"),
            ("four-year", 4.0, "duration:year"),
            ("six years", 6.0, "duration:year"),
            ("$2.1 million", 2.1e6, "money:USD"),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == expected


def test_a_participle_after_the_dated_clause_tells_the_act_done_at_the_other_sentences_occasion():
    # The other date hangs on the playoff, an occasion: the act done there is the sentence's own, "defeated".
    became = "Ilse Varga became national chess champion on 12 March 2026, beating Tomas Reyes in a rapid playoff."
    defeated = (
        "Ilse Varga defeated Tomas Reyes in a two-game rapid playoff on 14 March 2026 to take the national title."
    )
    corp = _dated_sentences(
        became,
        (("12 March 2026", "2026-03-12", "become"),),
        defeated,
        (("14 March 2026", "2026-03-14", "playoff"),),
        0.62,
        names=("Ilse Varga", "Tomas Reyes"),
        events=(
            Event(actor="ilse varga", action="become", past=True),
            Event(actor="ilse varga", action="defeat", object="tomas reyes", past=True),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == [["2026-03-12", "2026-03-14"]]


def test_the_verb_before_a_date_on_a_noun_reads_the_act_when_the_main_verb_is_another_clauses():
    # The parse gives the second sentence's main act from its last clause ("a defeat left the club 17th") and hangs
    # the date on "coach": "leave" ends a tie as "dismiss" does not begin one, but the verb the date follows, "fired",
    # is the dismissal told in a synonym.
    dismissing = "Velda Rovers have begun the hunt for a new coach after dismissing Anton Berg on 22 November 2026."
    fired = (
        "Velda Rovers fired head coach Anton Berg on 20 November 2026, two days after a 4-0 defeat left the club 17th."
    )
    corp = _dated_sentences(
        dismissing,
        (("22 November 2026", "2026-11-22", "dismiss"),),
        fired,
        (("20 November 2026", "2026-11-20", "coach"),),
        0.73,
        names=("Anton Berg",),
        events=(
            Event(actor="velda rovers", action="begin", object="hunt", past=True),
            Event(actor="head coach", action="leave", object="club 17th", past=True),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == [["2026-11-22", "2026-11-20"]]


_FINED = "Regulators fined trader Ole Brandt 2 million euros on Thursday for trades he hid from 2016 to 2021."


@pytest.mark.parametrize(
    ("handed", "times", "expected"),
    [
        # One stretch, its end alike: the start the other outlet gives is the other's start.
        (
            "Regulators handed Ole Brandt a record penalty for trades he hid over the period 2013 to 2021.",
            (("2013", "2013"), ("2021", "2021")),
            [["2016", "2013"]],
        ),
        (
            "Regulators handed Ole Brandt a record penalty for trades he hid between 2013 and 2021.",
            (("2013", "2013"), ("2021", "2021")),
            [["2016", "2013"]],
        ),
        # Both ends differ: another stretch, not one told two ways.
        (
            "Regulators handed Ole Brandt a record penalty for trades he hid over the period 2013 to 2020.",
            (("2013", "2013"), ("2020", "2020")),
            [],
        ),
        # Two years listed, not a stretch: which is whose the list does not say.
        (
            "Regulators handed Ole Brandt a record penalty for trades he hid in 2013 and 2021.",
            (("2013", "2013"), ("2021", "2021")),
            [],
        ),
        # A run of three: a list, whose items pair by chance.
        (
            "Regulators handed Ole Brandt a record penalty for trades he hid in 2013, 2015 and 2021.",
            (("2013", "2013"), ("2015", "2015"), ("2021", "2021")),
            [],
        ),
        # Another party named: it may be her stretch.
        (
            "Regulators handed Ole Brandt and Jane Roe a record penalty for trades they hid from 2013 to 2021.",
            (("2013", "2013"), ("2021", "2021")),
            [],
        ),
    ],
)
def test_the_ends_of_one_stretch_of_time_pair_by_the_end_both_give(handed, times, expected):
    corp = _dated_sentences(
        _FINED,
        (("Thursday", "2026-03-05", "euro"), ("2016", "2016", "hide"), ("2021", "2021", "hide")),
        handed,
        tuple((words, value, "period") for words, value in times),
        0.87,
        names=("Ole Brandt", "Jane Roe"),
        events=(
            Event(actor="regulators", action="fine", object="ole brandt", past=True),
            Event(actor="regulators", action="hand", object="penalty", past=True),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == expected


@pytest.mark.parametrize(
    ("other", "times", "expected"),
    [
        # Two days of one act listed on both sides, the first alike: the second is the other's second.
        (
            "Ole Brandt met the union's leaders on 3 and 5 May.",
            (("3", "2026-05-03"), ("5 May", "2026-05-05")),
            [["2026-05-04", "2026-05-05"]],
        ),
        # Two listed days of two acts: one party's acts of two days are as many as its verbs.
        ("Ole Brandt held talks with the union on 3 and 5 May.", (("3", "2026-05-03"), ("5 May", "2026-05-05")), []),
        # A stretch against a list: not one kind of pair, so which is whose is not told.
        ("Ole Brandt held talks with the union from 3 to 5 May.", (("3", "2026-05-03"), ("5 May", "2026-05-05")), []),
    ],
)
def test_two_listed_days_pair_with_two_listed_days(other, times, expected):
    corp = _dated_sentences(
        "Ole Brandt met union leaders on 3 and 4 May.",
        (("3", "2026-05-03", "meet"), ("4 May", "2026-05-04", "meet")),
        other,
        tuple((words, value, "meet" if "met" in other else "hold") for words, value in times),
        0.8,
        names=("Ole Brandt",),
        events=(
            Event(actor="ole brandt", action="meet", object="union leaders", past=True),
            Event(actor="ole brandt", action="meet" if "met" in other else "hold", object="talks", past=True),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == expected


@pytest.mark.parametrize(
    ("beside", "times", "expected"),
    [
        # Years beside the day name no day: the day is the one the other sentence's day stands against.
        (
            " committed from 2019 to 2022",
            (("2019", "2019", "commit"), ("2022", "2022", "commit")),
            [["2026-05-03", "2026-05-06"]],
        ),
        # A second day: which of them is the sentencing's the unrelated verbs cannot tell.
        (", two days after her arrest on 1 May 2026", (("1 May 2026", "2026-05-01", "arrest"),), []),
    ],
)
def test_one_act_in_unrelated_verbs_with_years_beside_its_day(beside, times, expected):
    sentenced = f"Former treasurer Jo Vint of the Ardmore Council was sentenced to four years in prison on 3 May 2026 for the $2.1 million fraud{beside}."
    handed = (
        "A judge at Ardmore Crown Court handed Jo Vint, the Ardmore Council's former treasurer, a four-year prison term"
        " on 6 May 2026 for a $2.1 million fraud."
    )
    corp = _dated_sentences(
        sentenced,
        (("3 May 2026", "2026-05-03", "sentence"), *times),
        handed,
        (("6 May 2026", "2026-05-06", "hand"),),
        0.7,
        names=("Jo Vint",),
        events=(Event(action="sentence", past=True), Event(actor="judge", action="hand", past=True)),
        figures=(
            ("four years", 4.0, "duration:year"),
            ("four-year", 4.0, "duration:year"),
            ("$2.1 million", 2.1e6, "money:USD"),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == expected


@pytest.mark.parametrize(
    ("struck", "doer", "cosine", "expected"),
    [
        # One earthquake, told by two verbs WordNet does not relate: the parse took the measure for the subject's head,
        # the noun before the verb is what struck.
        (
            "A magnitude 5.8 earthquake struck the Varn valley before dawn on 3 May 2026, killing nine people.",
            "magnitude",
            0.77,
            [["2026-05-03", "2026-05-06"]],
        ),
        # A synonym for the happening is the happening.
        (
            "A strong quake struck the Varn valley before dawn on 3 May 2026.",
            "quake",
            0.77,
            [["2026-05-03", "2026-05-06"]],
        ),
        # An act of someone's named by a noun is many acts of its parties, each on its day.
        ("A police raid struck the Varn valley before dawn on 3 May 2026.", "raid", 0.77, []),
        # A happening counted among others is another one.
        ("A second earthquake struck the Varn valley before dawn on 3 May 2026.", "earthquake", 0.77, []),
        # Sentences that mean less nearly the same are left to the other gates.
        (
            "A magnitude 5.8 earthquake struck the Varn valley before dawn on 3 May 2026, killing nine people.",
            "magnitude",
            0.6,
            [],
        ),
    ],
)
def test_one_happening_as_the_doer_of_two_unrelated_verbs_is_dated_once(struck, doer, cosine, expected):
    shook = "A shallow earthquake that shook the Varn valley on 6 May 2026 has killed nine people."
    corp = _dated_sentences(
        struck,
        (("3 May 2026", "2026-05-03", "dawn"),),
        shook,
        (("6 May 2026", "2026-05-06", "shake"),),
        cosine,
        events=(
            Event(actor=doer, action="strike", object="varn valley", past=True),
            Event(actor="earthquake", action="kill", object="people", past=True),
        ),
    )
    assert [f.data["dates"] for f in run(corp)] == expected
