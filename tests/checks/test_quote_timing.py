"""quote-timing (FC010): roles the ledger says had ended, or not begun, at the dateline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ledger_kit import ledger_from_yaml

from factcheck.checks.base import CheckContext
from factcheck.checks.quote_timing import QuoteTimingCheck
from factcheck.config import Settings
from factcheck.model import Severity

# Fictional people and an invented service, written for these tests.
LEDGER = """\
version: 1
people:
  - name: Maria T. Okafor
    source: Orbital Defense Command biography
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        rank: General
        start: 2018-03-01
        end: 2021-06-30
  - name: Daniel Reyes
    source: Orbital Defense Command biography
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        rank: General
        start: 2021-06-30
  - name: Priya Nair
    source: Orbital Defense Command release
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        rank: General
        start: 2026-01-15
organisations:
  - name: Orbital Defense Command
    aliases: [ODC]
    source: its charter
"""


@pytest.fixture(scope="module")
def ledger():
    return ledger_from_yaml(LEDGER)


def findings(make_corpus, ledger, texts, published):
    context = CheckContext(settings=Settings(), ledger=ledger)
    corpus = make_corpus(texts, published=published, checks=[QuoteTimingCheck], context=context)
    return [f for f in corpus.findings if f.check == "quote-timing"]


def test_a_role_ended_before_the_dateline_is_flagged_with_its_dates(make_corpus, ledger):
    text = (
        "Orbital Defense Command leaders defended the programme on Monday.\n\n"
        '"We are building deterrence, not provocation," said General Maria Okafor.\n'
    )
    found = findings(make_corpus, ledger, {"ended": text}, {"ended": date(2024, 3, 1)})
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == Severity.WARNING  # only the rank points to the role
    assert "Chief of Orbital Operations" in finding.message
    assert "2018-03-01 – 2021-06-30" in finding.message and "2024-03-01" in finding.message
    assert "ended 2021-06-30" in finding.message
    texts = [span.text for span in finding.evidence]
    assert texts[0].startswith("We are building deterrence, not provocation")
    assert any("Okafor" in t for t in texts)
    for span in finding.evidence:
        assert text[span.start : span.end] == span.text


def test_the_ended_title_itself_given_as_current_is_an_error(make_corpus, ledger):
    text = '"Our satellites are safe and well watched," said Maria Okafor, the Chief of Orbital Operations.\n'
    found = findings(make_corpus, ledger, {"titled": text}, {"titled": date(2023, 5, 2)})
    assert len(found) == 1 and found[0].severity == Severity.ERROR


def test_a_current_role_is_not_flagged(make_corpus, ledger):
    text = '"We are building deterrence, not provocation," said General Daniel Reyes.\n'
    assert findings(make_corpus, ledger, {"current": text}, {"current": date(2024, 3, 1)}) == []


def test_a_role_not_yet_begun_is_flagged(make_corpus, ledger):
    text = '"We will keep every orbit open to all nations," said General Priya Nair.\n'
    found = findings(make_corpus, ledger, {"future": text}, {"future": date(2025, 6, 1)})
    assert len(found) == 1
    assert "began only 2026-01-15" in found[0].message and "2025-06-01" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        '"We are building deterrence, not provocation," former chief Maria Okafor said.\n',
        '"We are building deterrence, not provocation," General Maria Okafor said in 2019.\n',
        '"We are building deterrence, not provocation," said retired General Maria Okafor.\n',
    ],
)
def test_a_role_framed_as_past_is_not_flagged(make_corpus, ledger, text):
    assert findings(make_corpus, ledger, {"past": text}, {"past": date(2024, 3, 1)}) == []


def test_no_dateline_and_unknown_people_are_skipped(make_corpus, ledger):
    ended = '"We are building deterrence, not provocation," said General Maria Okafor.\n'
    unknown = '"We are building deterrence, not provocation," said General Tomas Lindqvist.\n'
    assert findings(make_corpus, ledger, {"undated": ended}, None) == []
    assert findings(make_corpus, ledger, {"unknown": unknown}, {"unknown": date(2024, 3, 1)}) == []


def test_without_a_ledger_nothing_is_flagged(make_corpus):
    text = '"We are building deterrence, not provocation," said General Maria Okafor.\n'
    corpus = make_corpus({"d": text}, published={"d": date(2024, 3, 1)}, checks=[QuoteTimingCheck])
    assert corpus.findings == ()


@pytest.mark.slow
def test_seed_raymond_quote_is_flagged_and_mcclain_is_not(monkeypatch):
    """The issue's acceptance test: the seeds through the whole pipeline with claims/ledger.yaml."""
    import factcheck

    repo = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(repo)
    result = factcheck.run(
        Settings(paths=(Path("seeds"),), use_cache=False, select=("quote-timing", "ledger-conflict"))
    )
    assert not [f for f in result.failures if f.stage == "ledger"]
    found = [f for f in result.findings if f.check == "quote-timing"]
    raymond = [f for f in found if "Raymond" in f.message]
    assert len(raymond) == 1
    assert raymond[0].evidence[0].doc.startswith("000")
    assert "Chief of Space Operations" in raymond[0].message and "2019-12-20 – 2022-11-02" in raymond[0].message
    assert "2025-02-10" in raymond[0].message
    assert not [f for f in found if "McClain" in f.message]
    # The same run: the ledger dates the QZS-6 launch a year after the one 000 gives.
    launch = [f for f in result.findings if f.check == "ledger-conflict" and "QZS-6" in f.message]
    assert len(launch) == 1 and "2025-02-02" in launch[0].message and launch[0].evidence[0].doc.startswith("000")
