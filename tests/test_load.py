"""The load stage: discovery, decoding, formats, header reading, publication dates and bad input."""

from __future__ import annotations

import io
import os
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from factcheck.config import Settings
from factcheck.errors import InputError
from factcheck.model import Corpus, Failure
from factcheck.stages.load import LoadStage, assign_ids, discover, find_dates, load_document


def _settings(*paths: Path, **overrides) -> Settings:
    return Settings(paths=tuple(paths), use_cache=False, ledger_dir=None, resolutions=None, **overrides)


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _load(tmp_path: Path, text: str, name: str = "story.txt", **overrides):
    path = _write(tmp_path, name, text)
    return load_document(path, _settings(path, **overrides))


def _run(*paths: Path, **overrides) -> Corpus:
    return LoadStage(_settings(*paths, **overrides))(Corpus())


BODY = (
    "The harbour board voted on Tuesday to extend the northern pier by forty metres. "
    "Work is expected to take two years.\n\n"
    "Fishermen said the longer pier would let larger boats unload at low tide.\n"
)


# ---------------------------------------------------------------------------------------------
# Header: datelines, bylines, titles, body_start


@pytest.mark.parametrize(
    ("dateline", "expected", "date_words"),
    [
        ("Feb 10, 2025, 5 AM", date(2025, 2, 10), "Feb 10, 2025"),
        ("March 3, 2024", date(2024, 3, 3), "March 3, 2024"),
        ("2024-12-05", date(2024, 12, 5), "2024-12-05"),
        ("10 February 2025", date(2025, 2, 10), "10 February 2025"),
        ("Published: 4 June 2023 10:15 BST", date(2023, 6, 4), "4 June 2023"),
        ("Tuesday, Sept. 17, 2024 at 9:30 a.m. ET", date(2024, 9, 17), "Sept. 17, 2024"),
        ("Updated Jan 9, 2024 | Published Jan 2, 2024", date(2024, 1, 2), "Jan 2, 2024"),
        ("By Jane Doe | March 3, 2024", date(2024, 3, 3), "March 3, 2024"),
        ("Posted on 21.08.2022", date(2022, 8, 21), "21.08.2022"),
    ],
)
def test_dateline_forms(tmp_path, dateline, expected, date_words):
    doc = _load(tmp_path, f"Harbour Pier To Grow\n\n{dateline}\n\n{BODY}")
    assert doc.published == expected
    assert doc.published_source == "dateline"
    span = doc.published_span
    assert span is not None and span.text == date_words
    assert doc.text[span.start : span.end] == span.text
    assert doc.clean[doc.body_start :].startswith("The harbour board voted")


def test_header_block_with_lone_by_reading_time_and_credit(tmp_path):
    text = (
        "Harbour Pier To Grow: A Boon Or A Burden?\n\n"
        "The board wants a longer pier; residents worry about the cost and the noise of the works.\n\n"
        "by\nAmara N Okafor\nFeb 10, 2025, 5 AM\n4 min read\nImage credit: Coastal Photo Agency\n\n" + BODY
    )
    doc = _load(tmp_path, text)
    assert doc.title == "Harbour Pier To Grow: A Boon Or A Burden?"
    assert doc.byline == "Amara N Okafor"
    assert doc.published == date(2025, 2, 10)
    assert doc.clean[doc.body_start :].startswith("The harbour board voted")
    assert doc.format == "text" and doc.encoding == "utf-8"


def test_by_line_with_names_and_role(tmp_path):
    doc = _load(tmp_path, f"Pier Plans\nBy Jane Doe and Luis Ortega, Staff Writers\n\n{BODY}")
    assert doc.byline == "Jane Doe and Luis Ortega"
    assert doc.clean[doc.body_start :].startswith("The harbour board")


def test_sentence_starting_with_by_is_not_a_byline(tmp_path):
    text = "Pier Plans\n\nBy Monday, the board had approved the pier after a long debate about its cost.\n" + BODY
    doc = _load(tmp_path, text)
    assert doc.byline is None
    assert doc.clean[doc.body_start :].startswith("By Monday")


def test_title_and_standfirst_without_byline(tmp_path):
    text = "Pier Plans Approved\nA longer pier for bigger boats\n" + BODY
    doc = _load(tmp_path, text)
    assert doc.title == "Pier Plans Approved"
    assert doc.clean[doc.body_start :].startswith("The harbour board")


def test_text_without_header_starts_at_zero(tmp_path):
    doc = _load(tmp_path, BODY)
    assert doc.title is None and doc.body_start == 0
    assert doc.published_source == "unknown" and doc.published is None


def test_date_in_the_body_is_not_a_dateline(tmp_path):
    text = (
        "Pier Plans\n\n"
        "On March 3, 2024, the harbour board voted to extend the northern pier by forty metres after a debate.\n\n"
        "Fishermen said the longer pier would let larger boats unload at low tide, which matters in winter.\n\n"
        "The board's earlier plan, shelved in 2019, had been cheaper but would have closed the harbour.\n\n"
        "June 5, 2021\n\n"
        "That was the day the first plan was dropped.\n"
    )
    doc = _load(tmp_path, text)
    assert doc.published is None
    assert doc.published_source == "unknown"


def test_find_dates_leaves_ambiguous_numeric_dates_out():
    assert find_dates("on 03/04/2024") == []
    assert [value for _, _, value in find_dates("on 13/04/2024 and 04/13/2024")] == [date(2024, 4, 13)] * 2
    assert find_dates("February 30, 2024") == []


# ---------------------------------------------------------------------------------------------
# Front matter and the publication-date priority


FRONT = "---\ntitle: Pier Plans Approved\nauthor: Jane Doe\ndate: 2023-11-02\nsource: The Coastal Gazette\n---\n"


def test_front_matter(tmp_path):
    doc = _load(tmp_path, FRONT + BODY, name="pier.md")
    assert doc.format == "markdown"
    assert (doc.title, doc.byline, doc.source) == ("Pier Plans Approved", "Jane Doe", "The Coastal Gazette")
    assert doc.published == date(2023, 11, 2) and doc.published_source == "front-matter"
    assert doc.published_span is None
    assert doc.clean.startswith(FRONT)  # copied, not cleaned
    assert doc.clean[doc.body_start :].startswith("The harbour board")


def test_dateline_beats_front_matter(tmp_path):
    doc = _load(tmp_path, FRONT + "# Pier Plans Approved\n\nMarch 3, 2024\n\n" + BODY, name="pier.md")
    assert doc.published == date(2024, 3, 3) and doc.published_source == "dateline"
    assert doc.text[doc.published_span.start : doc.published_span.end] == "March 3, 2024"


def test_markdown_heading_is_the_title(tmp_path):
    doc = _load(tmp_path, "# Pier Plans Approved\n\n" + BODY, name="pier.md")
    assert doc.title == "Pier Plans Approved"
    assert doc.clean[doc.body_start :].startswith("The harbour board")


def test_published_option_is_the_fallback(tmp_path):
    published = {"pier": date(2022, 5, 1)}
    doc = _load(tmp_path, BODY, name="pier.txt", published=published)
    assert doc.published == date(2022, 5, 1) and doc.published_source == "option"
    # Front matter outranks the option.
    doc = _load(tmp_path, FRONT + BODY, name="pier.md", published=published)
    assert doc.published_source == "front-matter"
    # No date anywhere: unknown.
    assert _load(tmp_path, BODY, name="other.txt", published=published).published_source == "unknown"


def test_dash_rule_that_is_not_front_matter(tmp_path):
    text = "---\nThis is just a rule: and text, not YAML: at all\n---\n" + BODY
    doc = _load(tmp_path, text, name="rule.md")
    assert doc.published_source == "unknown"


# ---------------------------------------------------------------------------------------------
# Formats and encodings


HTML = """<!DOCTYPE html>
<html><head>
<title>Harbour Pier To Grow | The Coastal Gazette</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="The Coastal Gazette">
<meta property="article:published_time" content="2023-04-05T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Harbour Pier To Grow</h1>
<p>The harbour board voted on Tuesday to extend the northern pier by forty metres, a plan first floated years ago.</p>
<p>Fishermen said the longer pier would let larger boats unload at low tide, which matters most in winter.</p>
</article>
<footer>Copyright The Coastal Gazette</footer>
</body></html>
"""


def test_html(tmp_path):
    doc = _load(tmp_path, HTML, name="pier.html")
    assert doc.format == "html"
    assert doc.title == "Harbour Pier To Grow"
    assert doc.byline == "Jane Doe"
    assert doc.source == "The Coastal Gazette"
    assert doc.published == date(2023, 4, 5) and doc.published_source == "metadata"
    assert "extend the northern pier by forty metres" in doc.text
    assert "<p>" not in doc.text and "Copyright" not in doc.text


def _pdf_with_text(lines: list[str]) -> bytes:
    """A one-page PDF with Helvetica text, built by hand (pypdf reads but does not typeset)."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    content = "BT /F1 12 Tf 14 TL 72 720 Td " + " ".join(f"({line}) Tj T*" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_text(tmp_path):
    path = tmp_path / "pier.pdf"
    path.write_bytes(
        _pdf_with_text(
            [
                "Harbour Pier To Grow",
                "By Jane Doe",
                "March 3, 2024",
                "The harbour board voted to extend the northern pier.",
            ]
        )
    )
    doc = load_document(path, _settings(path))
    assert doc.format == "pdf"
    assert "extend the northern pier" in doc.text
    assert doc.published == date(2024, 3, 3) and doc.published_source == "dateline"
    assert doc.byline == "Jane Doe"


def test_image_only_pdf_is_a_failure(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    good = _write(tmp_path, "good.txt", BODY)
    corpus = _run(path, good)
    assert [doc.id for doc in corpus.documents] == ["good"]
    (failure,) = corpus.failures
    assert failure.code == "FC-E108" and not failure.fatal and failure.stage == "load"
    assert "scan.pdf" in failure.message and "OCR" in failure.message


def test_broken_pdf_is_a_failure(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"this is not a pdf at all")
    (failure,) = _run(path).failures
    assert failure.code == "FC-E109" and "broken.pdf" in failure.message


def test_windows_1252_is_decoded_and_reported(tmp_path):
    text = "Caf\u00e9 owners said the \u201cnew pier\u201d would bring visitors \u2013 and na\u00efve hopes.\n" + BODY
    path = _write(tmp_path, "cafe.txt", text, encoding="cp1252")
    doc = load_document(path, _settings(path))
    assert doc.encoding == "cp1252"
    assert doc.text == text


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BODY.encode())
    doc = load_document(path, _settings(path))
    assert doc.text == BODY and doc.encoding == "utf-8"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(BODY.encode("utf-16"))
    doc = load_document(path, _settings(path))
    assert doc.text == BODY and doc.encoding == "utf-16"


def test_windows_line_endings_map_back(tmp_path):
    doc = _load(tmp_path, BODY.replace("\n", "\r\n"))
    assert "\r" not in doc.clean
    start = doc.clean.index("Fishermen")
    span = doc.span(start, start + len("Fishermen said"))
    assert span.text == "Fishermen said"


def test_hyphenated_break_in_a_loaded_file(tmp_path):
    text = (
        "The harbour board said the pier would open in the spring, once the last\n"
        "inspections were finished and the secur-\n"
        "ity review had been signed off by the regional office in charge.\n"
    )
    doc = _load(tmp_path, text)
    assert "security review" in doc.clean
    start = doc.clean.index("security")
    span = doc.span(start, start + len("security"))
    assert span.text == "secur-\nity" == doc.text[span.start : span.end]
    assert len(doc.clean_to_original) == len(doc.clean) + 1


def test_unrepaired_text_keeps_no_offset_map(tmp_path):
    # One int per character would be most of a loaded document's memory; nothing to repair, nothing kept.
    doc = _load(tmp_path, BODY)
    assert doc.clean == doc.text and doc.clean_to_original == ()
    start = doc.clean.index("Fishermen")
    span = doc.span(start, start + len("Fishermen said"))
    assert (span.start, span.end, span.text) == (start, start + 14, "Fishermen said")


# ---------------------------------------------------------------------------------------------
# Discovery and ids


def test_folder_is_searched_recursively_and_sorted(tmp_path):
    _write(tmp_path, "b.txt", BODY)
    _write(tmp_path, "sub/a.md", BODY)
    _write(tmp_path, "sub/c.html", HTML)
    _write(tmp_path, "photo.png", "not really an image")
    _write(tmp_path, "data.json", "{}")
    _write(tmp_path, ".hidden/d.txt", BODY)
    paths, failures = discover([tmp_path])
    assert [path.name for path in paths] == ["b.txt", "a.md", "c.html"]
    assert failures == []


def test_unsupported_documents(tmp_path):
    folder = tmp_path / "docs"
    _write(folder, "notes.docx", "zipped xml")
    _write(folder, "ok.txt", BODY)
    named = _write(tmp_path, "table.csv", "a,b\n1,2\n")
    corpus = _run(folder, named)
    assert [doc.id for doc in corpus.documents] == ["ok"]
    codes = sorted((Path(failure.subject).name, failure.code, failure.fatal) for failure in corpus.failures)
    assert codes == [("notes.docx", "FC-E102", False), ("table.csv", "FC-E102", False)]
    assert all("supported" in failure.message for failure in corpus.failures)


def test_missing_path_is_fatal_and_others_still_load(tmp_path):
    good = _write(tmp_path, "good.txt", BODY)
    corpus = _run(tmp_path / "nowhere.txt", good)
    assert [doc.id for doc in corpus.documents] == ["good"]
    (failure,) = corpus.failures
    assert failure == Failure(
        stage="load", subject=str(tmp_path / "nowhere.txt"), code="FC-E101", fatal=True, message=failure.message
    )
    assert "nowhere.txt" in failure.message and "no such file" in failure.message


def test_empty_folder(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    (failure,) = _run(folder).failures
    assert failure.code == "FC-E110" and not failure.fatal


@pytest.mark.parametrize(
    ("name", "content", "code", "words"),
    [
        ("empty.txt", b"", "FC-E105", "empty"),
        ("blank.txt", b"  \n\t\n   \n", "FC-E105", "empty"),
        ("front-only.md", b"---\ntitle: Nothing Here\n---\n\n", "FC-E105", "front matter"),
        ("nul.txt", b"PK\x03\x04\x00\x00binary\x00\x00stuff" * 20, "FC-E106", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 200, "FC-E106", "binary"),
        ("garbled.txt", bytes(range(0x80, 0x100)) * 3, "FC-E107", "UTF-8"),
        ("blank.html", b"<html><head><title>x</title></head><body>   </body></html>", "FC-E108", "text"),
    ],
)
def test_bad_input_is_a_failure(tmp_path, name, content, code, words):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = _write(tmp_path, "good.txt", BODY)
    corpus = _run(bad, good)
    assert [doc.id for doc in corpus.documents] == ["good"]
    (failure,) = corpus.failures
    assert (failure.stage, failure.subject, failure.code, failure.fatal) == ("load", str(bad), code, False)
    assert name in failure.message and words in failure.message
    with pytest.raises(InputError) as raised:
        load_document(bad, _settings(bad))
    assert raised.value.path == str(bad) and raised.value.code == code


def test_too_large(tmp_path):
    big = _write(tmp_path, "big.txt", BODY * 10)
    (failure,) = _run(big, max_file_bytes=100).failures
    assert failure.code == "FC-E104" and "max_file_bytes" in failure.message and "big.txt" in failure.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable(tmp_path):
    locked = _write(tmp_path, "locked.txt", BODY)
    locked.chmod(0)
    try:
        (failure,) = _run(locked).failures
    finally:
        locked.chmod(0o644)
    assert failure.code == "FC-E103" and "locked.txt" in failure.message


def test_colliding_stems_get_stable_distinct_ids(tmp_path):
    first = _write(tmp_path, "2024/report.txt", BODY)
    second = _write(tmp_path, "2025/report.txt", BODY)
    third = _write(tmp_path, "2025/report.md", BODY)
    alone = _write(tmp_path, "2025/summary.txt", BODY)
    ids = assign_ids([first, second, third, alone])
    assert ids[alone] == "summary"
    assert ids[first] == "2024/report.txt"
    assert ids[second] == "2025/report.txt"
    assert ids[third] == "2025/report.md"
    assert assign_ids([alone, third, second, first]) == ids
    assert assign_ids([first, second]) == {first: "2024/report", second: "2025/report"}


def test_input_order_never_changes_the_output(tmp_path):
    one = _write(tmp_path, "zeta.txt", BODY)
    two = _write(tmp_path, "alpha.txt", "Pier Plans\nMarch 3, 2024\n\n" + BODY)
    three = tmp_path / "gone.txt"
    forward = _run(one, two, three)
    backward = _run(three, two, one)
    assert [doc.id for doc in forward.documents] == ["alpha", "zeta"]
    assert forward.documents == backward.documents
    assert forward.failures == backward.failures


def test_stage_interface_appends_failures(tmp_path):
    stage = LoadStage(_settings(tmp_path / "missing.txt"))
    assert (stage.name, stage.requires, stage.assigns) == ("load", (), ("documents",))
    earlier = Failure(stage="config", subject="x", message="m", code="FC-E200")
    corpus = stage(Corpus(failures=(earlier,)))
    assert corpus.failures[0] == earlier and corpus.failures[1].code == "FC-E101"


# ---------------------------------------------------------------------------------------------
# Property: loaded documents keep an exact offset map


_WORDS = st.sampled_from(
    [
        "pier",
        "board",
        "voted",
        "Harbour",
        "secur",
        "ity",
        "(",
        ")",
        ",",
        ".",
        "2024",
        "a",
        "long",
        "term",
        "self",
        "the",
        "Jane",
        "Doe",
        "March",
    ]
)
_GAPS = st.sampled_from([" ", " ", "  ", "\n", "\n\n", "-\n", " ( ", " , ", "\r\n", "\t"])


@hypothesis_settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_WORDS, _GAPS), min_size=1, max_size=50), st.data())
def test_loaded_spans_map_exactly(pieces, data):
    text = "".join(word + gap for word, gap in pieces)
    if not text.strip():
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(text.encode("utf-8"))
        doc = load_document(path, _settings(path))
    assert doc.text == text
    if doc.clean_to_original:
        assert len(doc.clean_to_original) == len(doc.clean) + 1 and doc.clean_to_original[-1] == len(text)
    else:  # every clean character at its own offset (unwrapped lines too): the identity map is kept as ()
        assert len(doc.clean) == len(text)
    assert 0 <= doc.body_start <= len(doc.clean)
    a = data.draw(st.integers(min_value=0, max_value=len(doc.clean)))
    b = data.draw(st.integers(min_value=a, max_value=len(doc.clean)))
    span = doc.span(a, b)
    assert span.text == doc.text[span.start : span.end]
    assert re.sub(r"[\s-]", "", span.text) == re.sub(r"[\s-]", "", doc.clean[a:b])
    if doc.published_span is not None:
        assert doc.text[doc.published_span.start : doc.published_span.end] == doc.published_span.text


def test_unreadable_even_as_root(tmp_path, monkeypatch):
    locked = _write(tmp_path, "locked.txt", BODY)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    (failure,) = _run(locked).failures
    assert failure.code == "FC-E103" and "locked.txt" in failure.message and "Permission denied" in failure.message


def test_wire_dateline_opens_the_body(tmp_path):
    text = "Pier Plans\n\nPORT ELLEN, March 3, 2024 \u2014 The harbour board voted to extend the pier.\n\n" + BODY
    doc = _load(tmp_path, text)
    assert doc.published == date(2024, 3, 3) and doc.published_source == "dateline"
    assert doc.published_span.text == "March 3, 2024"
    assert doc.clean[doc.body_start :].startswith("PORT ELLEN")


@pytest.mark.parametrize("place", ["KALV\u00d8", "S\u00c3O PAULO", "Z\u00dcRICH", "KRAK\u00d3W (Poland)"])
def test_wire_dateline_place_in_capitals_of_any_script(tmp_path, place):
    doc = _load(tmp_path, f"Pier Plans\n\n{place}, March 3, 2024 (Nordpress) - The board voted.\n\n" + BODY)
    assert doc.published == date(2024, 3, 3) and doc.published_source == "dateline"


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        ("BERLIN, 2024-03-05 (Nordpress) - ", date(2024, 3, 5)),
        ("LISBOA, 5 March 2024 - ", date(2024, 3, 5)),
        ("ZÜRICH, 05.03.2024 - ", date(2024, 3, 5)),
    ],
)
def test_wire_dateline_day_in_any_written_form(tmp_path, opening, day):
    doc = _load(tmp_path, f"Pier Plans\n\n{opening}The board voted to extend the pier.\n\n" + BODY)
    assert doc.published == day and doc.published_source == "dateline"


def test_wire_dateline_without_a_year_gives_no_publication_date(tmp_path):
    doc = _load(tmp_path, "Pier Plans\n\nPORT ELLEN, March 3 - The harbour board voted to extend the pier.\n\n" + BODY)
    assert doc.published_source != "dateline"


def test_a_capitalised_word_before_a_date_is_no_wire_place(tmp_path):
    doc = _load(tmp_path, "Pier Plans\n\nOn March 3, 2024 - the board voted to extend the pier.\n\n" + BODY)
    assert doc.published_source != "dateline"


def test_html_declared_charset(tmp_path):
    page = HTML.replace("<head>", '<head><meta charset="iso-8859-7">').replace(
        "forty metres", "forty metres (\u03c3\u03b1\u03c1\u03ac\u03bd\u03c4\u03b1 \u03bc\u03ad\u03c4\u03c1\u03b1)"
    )
    path = _write(tmp_path, "greek.html", page, encoding="iso-8859-7")
    doc = load_document(path, _settings(path))
    assert doc.encoding == "iso8859-7"
    assert "\u03c3\u03b1\u03c1\u03ac\u03bd\u03c4\u03b1" in doc.text


def test_caption_or_short_dated_sentence_after_the_first_paragraph_is_not_header(tmp_path):
    long_paragraph = (
        "The harbour board voted on Tuesday to extend the northern pier by forty metres, "
        "a plan that has been argued over in the town for the best part of a decade, and "
        "which the fishermen's association has long said is overdue. "
    ) * 2
    text = f"Pier Plans\n\n{long_paragraph}\n\nImage credit: Coastal Photo Agency\n\nIt rained on March 3, 2024.\n"
    doc = _load(tmp_path, text)
    assert doc.published is None
    assert doc.clean[doc.body_start :].startswith("The harbour board voted")
    short = _load(tmp_path, "Pier Plans\n\nIt happened on March 3, 2024.\n\n" + BODY, name="short.txt")
    assert short.published is None


_HEADERISH = st.sampled_from(
    [
        "Pier Plans",
        "By Jane Doe",
        "by",
        "Jane Doe",
        "March 3, 2024",
        "2024-12-05",
        "4 min read",
        "Image credit: Agency",
        "Published: 10 February 2025",
        "The board voted to extend the pier by forty metres after a long debate in the town hall.",
        "",
        "# Heading",
        "---",
        "title: x",
    ]
)


@hypothesis_settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_HEADERISH, st.text(max_size=40)), max_size=20))
def test_header_reading_never_breaks(lines):
    from factcheck.stages.load import read_header
    from factcheck.textclean import clean_text

    text = "\n".join(lines)
    clean = clean_text(text).text
    header = read_header(clean, 0, markdown=True)
    assert 0 <= header.body_start <= len(clean)
    if header.published_span is not None:
        start, end = header.published_span
        assert 0 <= start < end <= len(clean)
        assert find_dates(clean[start:end])


def test_no_paths_at_all():
    (failure,) = LoadStage(Settings(paths=(), use_cache=False, ledger_dir=None, resolutions=None))(Corpus()).failures
    assert failure.fatal and failure.code == "FC-E101"
