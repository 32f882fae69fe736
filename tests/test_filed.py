"""A wire dateline without its year ("KESSA, June 17 (Continental Press) - "): the year its story or the run gives it,
and the story's relative dates read against that day (``factcheck.stages.extract.filed``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checks._claimkit import claim, document, time

from factcheck.config import Settings
from factcheck.datelines import month_and_day, read_wire_dateline
from factcheck.stages.extract.filed import read_against, read_filed_days, year_of_the_filed_day
from factcheck.stages.load import load_document

WIRE = "Aid workers freed\n\nKESSA, June 17 (Continental Press) - Four aid workers were freed on Saturday.\n"


def test_a_yearless_wire_dateline_keeps_its_day_and_its_words(tmp_path: Path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    doc = load_document(path, Settings(paths=(path,), use_cache=False, ledger_dir=None, resolutions=None))
    assert doc.published is None and doc.filed_day == (6, 17)
    assert doc.published_span is not None and doc.published_span.text == "June 17"


def test_a_wire_dateline_with_its_year_is_the_publication_date_as_before():
    wire = read_wire_dateline("KALVØ, March 11, 2026 (Nordpress) - The board voted.")
    assert wire is not None and wire.published is not None and wire.published[2] == date(2026, 3, 11)
    assert month_and_day("Feb. 30") is None and month_and_day("29 February") == (2, 29)


def _wire(**overrides):
    doc = document("wire", WIRE).model_copy(update={"filed_day": (6, 17), **overrides})
    sentence = "Four aid workers were freed on Saturday."
    return doc, claim(doc, sentence, times=(time(doc, "Saturday", None, relative=True),))


def test_the_year_of_the_runs_documents_filed_within_two_weeks():
    doc, freed = _wire()
    found = year_of_the_filed_day(doc, [freed], [(date(2023, 6, 18), "other"), (date(2019, 3, 1), "old")])
    assert found is not None and found[0] == date(2023, 6, 17) and "other" in found[1] and "old" not in found[1]


def test_two_years_that_fit_or_none_leave_the_story_undated():
    doc, freed = _wire()
    assert year_of_the_filed_day(doc, [freed], [(date(2023, 6, 18), "a"), (date(2024, 6, 20), "b")]) is None
    assert year_of_the_filed_day(doc, [freed], [(date(2023, 9, 1), "far")]) is None


def test_a_day_the_story_writes_out_with_its_year_comes_before_the_run():
    text = WIRE + "Talks began on June 5, 2022.\n"
    doc = document("wire", text).model_copy(update={"filed_day": (6, 17)})
    began = claim(doc, "Talks began on June 5, 2022.", times=(time(doc, "June 5, 2022", "2022-06-05"),))
    found = year_of_the_filed_day(doc, [began], [(date(2023, 6, 18), "other")])
    assert found is not None and found[0] == date(2022, 6, 17) and "June 5, 2022" in found[1]


def test_a_year_alone_in_the_story_dates_history_not_the_story():
    text = WIRE + "The plant opened in 2016.\n"
    doc = document("wire", text).model_copy(update={"filed_day": (6, 17)})
    opened = claim(doc, "The plant opened in 2016.", times=(time(doc, "2016", "2016", "year"),))
    assert year_of_the_filed_day(doc, [opened], []) is None


def test_a_weekday_is_read_against_the_day_and_says_the_year_is_a_reading():
    doc, freed = _wire()
    read = read_against(freed, date(2023, 6, 17), "the run's documents")
    (saturday,) = read.times
    assert saturday.value == "2023-06-17" and saturday.anchor == date(2023, 6, 17)
    assert "no year" in (saturday.reasoning or "") and "the run's documents" in (saturday.reasoning or "")


def test_read_filed_days_leaves_the_publication_date_alone():
    doc, freed = _wire()
    other = document("other", "June 18, 2023\n\nThe four were freed on Saturday.\n", published=date(2023, 6, 18))
    documents, claims = read_filed_days([doc, other], [freed])
    assert documents[0].published is None and documents[0].filed == date(2023, 6, 17)
    assert documents[1].filed is None and claims[0].times[0].value == "2023-06-17"
