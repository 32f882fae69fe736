"""FC005 uncorroborated: single-source quotes, figures and dated events, and per-document counts."""

from __future__ import annotations

from _claimkit import Actor, Event, Quantity, claim, corpus, document, span, time

from factcheck.checks.base import CheckContext
from factcheck.checks.uncorroborated import UncorroboratedCheck
from factcheck.model import Severity


def setup():
    a = document("a", "Norland opened the dam in 2012. The dam holds 40 tonnes of fish.")
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
    opened_b = claim(
        b,
        b.text,
        times=(time(b, "2012", "2012", "year"),),
        event=Event(actor="norland", action="open", object="dam"),
        kinds=("dated-event",),
    )
    tulips = claim(c, c.text, kinds=("dated-event",), times=(time(c, "spring", None, "season"),))
    return corpus([a, b, c], [opened_a, fish, opened_b, tulips], clusters=[[opened_a, opened_b], [fish], [tulips]])


def test_single_source_figure_is_info_and_counts_are_summarised():
    corp = setup()
    check = UncorroboratedCheck()
    findings = list(check.run(corp, CheckContext()))
    assert len(findings) == 1
    assert findings[0].severity == Severity.INFO and "40 tonnes" in findings[0].message
    assert check.report_data(corp, findings) == {
        "a": {"corroborated": 1, "single_source": 1},
        "b": {"corroborated": 1, "single_source": 0},
    }


def test_single_document_run_is_quiet():
    a = document("a", "The dam holds 40 tonnes of fish.")
    fish = claim(
        a,
        a.text,
        kinds=("quantity",),
        quantities=(Quantity(span=span(a, "40 tonnes"), value=40, unit="tonne", measure="fish"),),
    )
    assert list(UncorroboratedCheck().run(corpus([a], [fish], clusters=[[fish]]), CheckContext())) == []


# -- through the real load, extract and cluster stages ------------------------------------
def test_fixture_single_source_quote(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland founded its coast guard in 1998, officials said. "
            '"We patrol every night," Norland\'s navy chief Tomas Berg said.\n',
            "b": "Norland founded its coast guard in 1998, officials said.\n",
        },
        checks=[UncorroboratedCheck],
    )
    assert len(corp.findings) == 1 and "We patrol every night" in corp.findings[0].message
    assert corp.extras["checks"]["uncorroborated"]["b"] == {"corroborated": 1, "single_source": 0}


def test_fixture_corroborated_claims_are_quiet(make_corpus):
    corp = make_corpus(
        {
            "a": "Norland founded its coast guard in 1998, officials said.\n",
            "b": "Norland founded its coast guard in 1998, officials said.\n",
        },
        checks=[UncorroboratedCheck],
    )
    assert corp.findings == ()
