"""Fingerprints and resolutions: ids survive unrelated edits, decisions survive rewrites."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from factcheck.errors import ResolutionsError, UsageError
from factcheck.model import Severity, Span, Status, fingerprint, make_finding
from factcheck.resolutions import apply_resolutions, load_resolutions, record_resolution

TEXT = (
    "Intro paragraph about the launch.\n\n"
    "On February 2, 2024, QZS-6 lifted off from Tanegashima.\n\n"
    "The Space Force was founded in 2019.\n"
)


def span_of(doc: str, text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(doc=doc, start=start, end=start + len(needle), text=needle)


def finding_in(text: str, needle: str = "On February 2, 2024, QZS-6 lifted off", doc: str = "000", **kwargs):
    other = "QZS-6 launched on February 1, 2024."
    return make_finding(
        "date-conflict",
        "FC001",
        kwargs.pop("severity", Severity.WARNING),
        "dates differ",
        [span_of(doc, text, needle), Span(doc="001", start=10, end=10 + len(other), text=other)],
        **kwargs,
    )


# --- fingerprints ---------------------------------------------------------------------------


def test_editing_an_unrelated_paragraph_keeps_the_id():
    before = finding_in(TEXT)
    edited = "A new first paragraph,\nwith two lines.\n\n" + TEXT.replace("founded in 2019", "founded in 2020")
    after = finding_in(edited + "\nAn appended paragraph.\n")
    assert before.evidence[0].start != after.evidence[0].start
    assert before.id == after.id


def test_reflowed_evidence_keeps_the_id():
    reflowed = TEXT.replace("2024, QZS-6", "2024,\nQZS-6")
    assert finding_in(TEXT).id == finding_in(reflowed, "On February 2, 2024,\nQZS-6 lifted off").id


def test_different_findings_have_different_ids():
    base = finding_in(TEXT)
    assert base.id != finding_in(TEXT, "The Space Force was founded in 2019").id  # other evidence
    assert base.id != finding_in(TEXT, key="month").id  # same evidence, another conflict
    assert base.id != finding_in(TEXT, doc="002").id  # same words in another document
    other_check = make_finding("number-conflict", "FC002", Severity.WARNING, "x", base.evidence)
    assert base.id != other_check.id
    # Changing the evidence itself is a new finding: the old resolution no longer applies.
    assert base.id != finding_in(TEXT.replace("February 2", "February 3"), "On February 3, 2024, QZS-6 lifted off").id


def test_evidence_order_does_not_change_the_id():
    spans = finding_in(TEXT).evidence
    assert fingerprint("date-conflict", spans) == fingerprint("date-conflict", tuple(reversed(spans)))


@hypothesis_settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40), st.text(max_size=5), st.text(max_size=5))
def test_ids_differ_when_normalised_evidence_or_key_differs(text_a, text_b, key_a, key_b):
    from factcheck.model import normalise_text

    a = fingerprint("c", [Span(doc="d", start=0, end=len(text_a), text=text_a)], key_a)
    b = fingerprint("c", [Span(doc="d", start=5, end=5 + len(text_b), text=text_b)], key_b)
    if (normalise_text(text_a), key_a) != (normalise_text(text_b), key_b):
        assert a != b
    else:
        assert a == b


def test_runner_keeps_one_of_identical_findings():
    from factcheck.checks.base import Check
    from factcheck.config import Settings
    from factcheck.model import Corpus, Document
    from factcheck.stages.check import CheckStage

    class Twice(Check):
        """Reports the same thing twice."""

        code, slug = "FC900", "twice"

        def run(self, corpus, context):
            span = Span(doc="d", start=0, end=4, text="text")
            return [self.finding("one", [span]), self.finding("one again", [span])]

    corpus = Corpus(documents=(Document(id="d", path="d.txt", text="text", clean="text"),))
    result = CheckStage(Settings(resolutions=None), checks=[Twice])(corpus)
    assert len(result.findings) == 1


# --- the resolutions file -----------------------------------------------------------------


def test_missing_file_means_no_resolutions(tmp_path):
    assert load_resolutions(tmp_path / "none.yaml") == {}
    assert load_resolutions(None) == {}


def test_record_creates_the_file_and_load_reads_it_back(tmp_path):
    path = tmp_path / "claims" / "resolutions.yaml"
    finding = finding_in(TEXT)
    record_resolution(path, finding, "resolved", "Fixed the date.", by="ed", today=date(2025, 2, 11))
    loaded = load_resolutions(path)
    assert list(loaded) == [finding.id]
    entry = loaded[finding.id]
    assert (entry.status, entry.note, entry.by, entry.date, entry.check) == (
        Status.RESOLVED,
        "Fixed the date.",
        "ed",
        date(2025, 2, 11),
        "date-conflict",
    )
    assert entry.evidence[0].startswith("On February 2, 2024")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# factcheck resolutions")
    assert "version: 1" in text


def test_record_keeps_comments_order_and_updates_in_place(tmp_path):
    path = tmp_path / "resolutions.yaml"
    path.write_text(
        "# Team decisions. Keep this comment.\n"
        "version: 1\n"
        "resolutions:\n"
        "  # the newest at the bottom\n"
        "  - id: b-2222222222\n"
        "    status: accepted   # we keep the old figure\n"
        "    note: Source uses a different base year.\n"
        "    date: 2025-01-01\n"
        "  - id: a-1111111111\n"
        "    note: Typo fixed.\n"
        "    status: resolved\n",
        encoding="utf-8",
    )
    record_resolution(path, "a-1111111111", Status.ACCEPTED, "Actually intended.", by="lead", today=date(2025, 3, 1))
    record_resolution(path, "c-3333333333", "resolved", "Reworded.", today=date(2025, 3, 2))
    text = path.read_text(encoding="utf-8")
    assert "# Team decisions. Keep this comment." in text
    assert "# the newest at the bottom" in text
    assert "# we keep the old figure" in text
    assert text.index("b-2222222222") < text.index("a-1111111111") < text.index("c-3333333333")
    # The user's key order in an existing entry stands (note before status).
    a_block = text[text.index("a-1111111111") : text.index("c-3333333333")]
    assert a_block.index("note:") < a_block.index("status:")
    loaded = load_resolutions(path)
    assert list(loaded) == ["b-2222222222", "a-1111111111", "c-3333333333"]
    assert loaded["a-1111111111"].status is Status.ACCEPTED
    assert loaded["a-1111111111"].note == "Actually intended."
    assert loaded["c-3333333333"].check is None and loaded["c-3333333333"].date == date(2025, 3, 2)


def test_record_into_an_empty_or_comment_only_file(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("# only a comment\n", encoding="utf-8")
    record_resolution(path, "x-0000000000", "accepted", "ok", today=date(2025, 1, 1))
    assert "# only a comment" in path.read_text(encoding="utf-8")
    assert list(load_resolutions(path)) == ["x-0000000000"]


@pytest.mark.parametrize(
    "content, line, fragment",
    [
        ("version: 1\nresolutions:\n  - id: a\n    status: [\n", 5, "malformed YAML"),
        ("version: 1\nresolutions:\n  - id: a\n    status: closed\n    note: x\n", 4, "status"),
        ("version: 1\nresolutions:\n  - id: a\n    status: resolved\n", 3, "note"),
        ("version: 1\nresolutions:\n  - id: a\n    status: resolved\n    note: x\n    colour: red\n", 6, "colour"),
        ("version: 2\nresolutions: []\n", 1, "version"),
        (
            "version: 1\nresolutions:\n  - id: a\n    status: resolved\n    note: x\n"
            "  - id: a\n    status: accepted\n    note: y\n",
            6,
            "twice",
        ),
        ("version: 1\nresolutions:\n  - id: a\n    status: resolved\n    note: x\n    date: tomorrow\n", 6, "date"),
        ("version: 1\nresolutions: {a: 1}\n", 2, "list"),
        ("- just\n- a list\n", 1, "mapping"),
    ],
)
def test_malformed_files_give_path_line_and_are_never_rewritten(tmp_path, content, line, fragment):
    path = tmp_path / "resolutions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResolutionsError) as caught:
        load_resolutions(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert fragment in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}")
    with pytest.raises(ResolutionsError):
        record_resolution(path, "z-1", "resolved", "note", today=date(2025, 1, 1))
    assert path.read_text(encoding="utf-8") == content
    assert [p.name for p in tmp_path.iterdir() if p.name != ".resolutions.yaml.lock"] == [
        "resolutions.yaml"
    ]  # no temp files left


def test_record_needs_a_note_and_a_decided_status(tmp_path):
    with pytest.raises(UsageError):
        record_resolution(tmp_path / "r.yaml", "x-1", "resolved", "  ")
    with pytest.raises(UsageError):
        record_resolution(tmp_path / "r.yaml", "x-1", "open", "note")
    assert not (tmp_path / "r.yaml").exists()


def test_hostile_note_round_trips_as_text(tmp_path):
    path = tmp_path / "r.yaml"
    note = "x: y\n- [not, a, list] # nor a comment\n'quote\" & <b>tag</b> !!python/object"
    record_resolution(path, "x-1", "accepted", note, today=date(2025, 1, 1))
    assert load_resolutions(path)["x-1"].note == note.strip()


# --- applying ----------------------------------------------------------------------------


def test_apply_sets_status_and_note_and_lists_stale_ids(tmp_path):
    first = finding_in(TEXT)
    second = finding_in(TEXT, "The Space Force was founded in 2019", severity=Severity.ERROR)
    path = tmp_path / "r.yaml"
    record_resolution(path, first, "accepted", "Known.", today=date(2025, 1, 1))
    record_resolution(path, "date-conflict-ffffffffff", "resolved", "Old.", today=date(2025, 1, 1))
    record_resolution(path, "quote-role-eeeeeeeeee", "resolved", "Other check.", today=date(2025, 1, 1))
    applied, stale = apply_resolutions([first, second], load_resolutions(path))
    assert [f.id for f in applied] == [first.id, second.id]
    assert (applied[0].status, applied[0].note) == (Status.ACCEPTED, "Known.")
    assert applied[1].status is Status.OPEN and applied[1].note is None
    assert stale == ("date-conflict-ffffffffff", "quote-role-eeeeeeeeee")
    # Resolutions of checks that did not run are not stale: nothing could have matched them.
    _, stale = apply_resolutions([first, second], load_resolutions(path), checks_run={"date-conflict"})
    assert stale == ("date-conflict-ffffffffff",)


def test_resolutions_survive_an_appended_paragraph(tmp_path):
    path = tmp_path / "r.yaml"
    finding = finding_in(TEXT)
    record_resolution(path, finding, "resolved", "Checked.", today=date(2025, 1, 1))
    appended = finding_in(TEXT + "\nA new closing paragraph about something else.\n")
    applied, stale = apply_resolutions([appended], load_resolutions(path))
    assert applied[0].status is Status.RESOLVED and stale == ()


def test_runner_applies_resolutions_once_and_records_malformed_files(tmp_path):
    from factcheck.checks.base import Check
    from factcheck.config import Settings
    from factcheck.model import Corpus, Document, RunResult
    from factcheck.stages.check import CheckStage

    class One(Check):
        """Always one finding."""

        code, slug = "FC901", "one"

        def run(self, corpus, context):
            return [self.finding("found", [Span(doc="d", start=0, end=4, text="text")], severity=Severity.ERROR)]

    corpus = Corpus(documents=(Document(id="d", path="d.txt", text="text", clean="text"),))
    path = tmp_path / "r.yaml"
    settings = Settings(resolutions=path)
    result = RunResult(CheckStage(settings, checks=[One])(corpus), settings)
    assert result.exit_code() == 1
    record_resolution(path, result.findings[0], "accepted", "Fine.", today=date(2025, 1, 1))
    record_resolution(path, "one-0000000000", "resolved", "Gone.", today=date(2025, 1, 1))
    result = RunResult(CheckStage(settings, checks=[One])(corpus), settings)
    assert result.findings[0].status is Status.ACCEPTED and result.findings[0].note == "Fine."
    assert result.corpus.stale_resolutions == ("one-0000000000",)
    assert result.exit_code() == 0
    path.write_text("version: 1\nresolutions: [\n", encoding="utf-8")
    result = RunResult(CheckStage(settings, checks=[One])(corpus), settings)
    failure = [f for f in result.failures if f.stage == "resolutions"][0]
    assert failure.fatal and failure.code == "FC-E400" and str(path) in failure.message
    assert result.exit_code() == 2
