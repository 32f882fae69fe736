"""Markdown PR comment: counts, open findings table, collapsed decisions, and inert document text."""

from __future__ import annotations

import re

from factcheck.config import Settings
from factcheck.model import Corpus, Document, Failure, RunResult, Severity, Span, Status, make_finding
from factcheck.reporters.markdown import MarkdownReporter, escape

DRAFT = "Title\n\nOn February 2, 2024 the launch happened.\n\nSecond | paragraph.\n"
SOURCE = "QZS-6 launched on February 1, 2024.\n"


def span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(doc=doc.id, start=start, end=start + len(needle), text=needle)


def result(*findings, failures=(), stale=(), fail_on=Severity.ERROR) -> RunResult:
    draft = Document(id="000", path="seeds/000.txt", text=DRAFT, clean=DRAFT)
    source = Document(id="001", path="seeds/001.txt", text=SOURCE, clean=SOURCE)
    return RunResult(
        Corpus(
            documents=(draft, source),
            findings=tuple(findings),
            failures=tuple(failures),
            stale_resolutions=tuple(stale),
        ),
        Settings(fail_on=fail_on),
    )


def docs():
    return (
        Document(id="000", path="seeds/000.txt", text=DRAFT, clean=DRAFT),
        Document(id="001", path="seeds/001.txt", text=SOURCE, clean=SOURCE),
    )


def conflict():
    draft, source = docs()
    return make_finding(
        "date-conflict",
        "FC001",
        Severity.ERROR,
        "Launch date differs.",
        [span(draft, "On February 2, 2024"), span(source, "February 1, 2024")],
        suggestion="February 1, 2024",
    )


def accepted():
    draft, _ = docs()
    return make_finding(
        "quote-role", "FC004", Severity.WARNING, "Title differs.", [span(draft, "Second | paragraph")]
    ).model_copy(update={"status": Status.ACCEPTED, "note": "Known; the title changed."})


def test_summary_counts_table_and_open_findings():
    text = MarkdownReporter().render(result(conflict(), accepted()))
    assert text.startswith("## factcheck: failed\n")
    assert "2 documents, 1 error, 0 warnings, 0 info open; 1 resolved or accepted." in text
    assert "(exit 1)" in text
    assert "| error | 1 | 0 | 0 |" in text and "| warning | 0 | 0 | 1 |" in text
    open_section = text.split("### Open findings", 1)[1].split("<details>", 1)[0]
    row = [line for line in open_section.splitlines() if line.startswith("| error")][0]
    assert "seeds/000\\.txt:3<br>seeds/001\\.txt:1" in row
    assert f"`{conflict().id}`" in row
    assert "Launch date differs\\." in row and "February 1, 2024" in row


def test_decided_findings_are_collapsed_with_their_note():
    text = MarkdownReporter().render(result(conflict(), accepted()))
    details = text.split("<details><summary>Resolved and accepted (1)</summary>", 1)[1].split("</details>", 1)[0]
    assert "| warning | accepted |" in details
    assert "Known; the title changed\\." in details
    assert "Second \\| paragraph" in details  # a pipe in document text cannot split the table


def test_clean_run_passes_and_lists_stale_and_failures():
    failure = Failure(stage="load", subject="bad.pdf", message="cannot read <pdf>\ntrace", code="FC-E100", fatal=True)
    text = MarkdownReporter().render(result(failures=[failure], stale=["date-conflict-0123456789"]))
    assert text.startswith("## factcheck: could not complete")
    assert "### Open findings" not in text and "<details>" not in text
    assert "- `date-conflict-0123456789`" in text
    assert "- **fatal** load bad\\.pdf: cannot read &lt;pdf&gt; (FC-E100)" in text
    clean = MarkdownReporter().render(result())
    assert clean.startswith("## factcheck: passed") and "(exit 0)" in clean


def test_every_table_row_has_the_header_column_count():
    text = MarkdownReporter().render(result(conflict(), accepted()))
    tables = re.findall(r"((?:^\|.*\|$\n?)+)", text, flags=re.M)
    for table in tables:
        rows = table.strip().splitlines()
        # Count unescaped pipes: escaped ones are cell text.
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, table


def test_escape_makes_hostile_text_inert():
    hostile = (
        "[click](https://evil.example) <img src=x onerror=alert(1)> **bold** `code` | cell\n"
        "# heading @someone www.evil.example \u202eabc ![i](x) <!-- c -->"
    )
    escaped = escape(hostile, None)
    assert "\n" not in escaped and "<" not in escaped and ">" not in escaped
    assert "](" not in escaped and "https://" not in escaped and "www." not in escaped
    assert "@someone" not in escaped and "\u202e" not in escaped
    assert re.search(r"(?<!\\)[|`*\[\]#]", escaped) is None


def test_hostile_finding_text_is_escaped_in_the_report():
    draft, _ = docs()
    evil = make_finding(
        "x",
        "FC999",
        Severity.ERROR,
        "<script>alert(1)</script> [a](javascript:x)",
        [span(draft, "Title")],
        suggestion="|||",
    )
    text = MarkdownReporter().render(result(evil))
    assert "<script>" not in text and "](javascript" not in text and "| ||| |" not in text


def test_output_is_deterministic():
    assert MarkdownReporter().render(result(conflict(), accepted())) == MarkdownReporter().render(
        result(conflict(), accepted())
    )


def test_reporters_register_through_the_entry_point_like_plugins():
    from importlib.metadata import entry_points

    from factcheck.reporters.sarif import SarifReporter

    registered = {entry.name: entry.load() for entry in entry_points(group="factcheck.reporters")}
    assert registered["markdown"] is MarkdownReporter and registered["sarif"] is SarifReporter
    assert all(cls.format == name for name, cls in registered.items())
