"""ledger-conflict (FC011): events dated otherwise, figures out of range, roles never held."""

from __future__ import annotations

from datetime import date

import pytest
from ledger_kit import ledger_from_yaml

from factcheck.checks.base import CheckContext
from factcheck.checks.ledger_conflict import LedgerConflictCheck
from factcheck.config import Settings

# Fictional facts, written for these tests.
LEDGER = """\
version: 1
people:
  - name: Maria T. Okafor
    source: Orbital Defense Command biography
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        start: 2018-03-01
        end: 2021-06-30
  - name: Daniel Reyes
    source: Orbital Defense Command biography
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        start: 2021-06-30
      - title: Vice Chief of Orbital Operations
        organisation: Orbital Defense Command
        start: 2019-01-10
        end: 2021-06-30
events:
  - actor: Freedonia
    actor_aliases: [Freedonian]
    action: launch
    actions: [lift-off, liftoff]
    object: Beacon-3
    object_aliases: [Beacon 3]
    date: 2019-05-14
    source: Freedonian Space Agency launch report
  - actor: Freedonia
    action: test
    object: interceptor missile
    object_aliases: [interceptor]
    date: 2012
    source: Freedonian defence ministry
figures:
  - measure: ground stations operated by the Freedonian Space Agency
    aliases: [stations, ground stations]
    context: [Freedonian Space Agency]
    unit: count
    low: 10
    high: 12
    as_of: 2022
    source: Freedonian Space Agency annual report 2022
"""


@pytest.fixture(scope="module")
def ledger():
    return ledger_from_yaml(LEDGER)


def findings(make_corpus, ledger, text, published=date(2024, 3, 1)):
    context = CheckContext(settings=Settings(), ledger=ledger)
    corpus = make_corpus({"doc": text}, published={"doc": published}, checks=[LedgerConflictCheck], context=context)
    return [f for f in corpus.findings if f.check == "ledger-conflict"]


def test_an_event_dated_otherwise_is_flagged_with_the_ledger_source(make_corpus, ledger):
    text = "On May 14, 2020, Freedonia launched Beacon-3 from its northern spaceport.\n"
    found = findings(make_corpus, ledger, text)
    assert len(found) == 1
    message = found[0].message
    assert "2019-05-14" in message and "Freedonian Space Agency launch report" in message
    assert "May 14, 2020" in message
    assert found[0].evidence[0].text == "May 14, 2020"
    for span in found[0].evidence:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, Freedonia launched Beacon-3 from its northern spaceport.\n",  # coarser date agrees
        "In May 2019, the Freedonian Beacon-3 lifted off from its northern spaceport.\n",
        "Beacon-3 was ordered by Freedonia in 2016 and is now being assembled.\n",  # no launch named
        "Freedonia launched Beacon-3 from its northern spaceport.\n",  # no date
    ],
)
def test_agreeing_or_undated_mentions_are_not_flagged(make_corpus, ledger, text):
    assert findings(make_corpus, ledger, text) == []


def test_a_date_of_another_ledger_event_in_the_sentence_is_not_a_conflict(make_corpus, ledger):
    text = "Freedonia tested an interceptor in 2012 and launched Beacon-3 in 2019.\n"
    assert findings(make_corpus, ledger, text) == []


def test_a_figure_outside_the_ledger_interval_is_flagged(make_corpus, ledger):
    text = "In 2022, the Freedonian Space Agency operated 30 ground stations.\n"
    found = findings(make_corpus, ledger, text)
    assert len(found) == 1 and "10–12 count" in found[0].message and "annual report 2022" in found[0].message
    assert findings(make_corpus, ledger, "In 2022, the Freedonian Space Agency operated 11 ground stations.\n") == []


def test_a_role_someone_else_held_is_flagged(make_corpus, ledger):
    text = "Maria Okafor, Vice Chief of Orbital Operations, opened the new tracking centre.\n"
    found = findings(make_corpus, ledger, text, published=date(2020, 2, 1))
    assert len(found) == 1
    assert "never records for Maria T. Okafor" in found[0].message and "Daniel Reyes" in found[0].message


def test_a_held_role_at_a_date_outside_it_is_flagged(make_corpus, ledger):
    text = "In 2016, Daniel Reyes, Chief of Orbital Operations, opened the new tracking centre.\n"
    found = findings(make_corpus, ledger, text)
    assert len(found) == 1 and "2021-06-30" in found[0].message
    ok = "In 2022, Daniel Reyes, Chief of Orbital Operations, opened the new tracking centre.\n"
    assert findings(make_corpus, ledger, ok) == []
