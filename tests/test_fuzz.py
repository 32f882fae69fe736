"""Fuzzing ingest and extraction: random unicode, controls, quotes, brackets, dates and numbers.

Nothing raises (except the documented InputErrors), and every span indexes the text it came
from: ``text == original[start:end]``. Pathological inputs found here stay as regression tests.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck.config import Settings
from factcheck.errors import InputError
from factcheck.model import Span
from factcheck.nlp.quantities import find_quantities
from factcheck.nlp.quotes import find_quotes
from factcheck.nlp.timex import find_times
from factcheck.stages.extract import extract_document, segment
from factcheck.stages.load import decode_bytes, find_dates, load_document, read_header
from factcheck.textclean import clean_text

PIECES = st.sampled_from(
    [
        "The board said",
        " on 3 March 2024",
        " in 2019",
        " last year",
        " by 40%",
        " $3.5 million",
        " 1,200 km",
        " \u201cWe will build it,\u201d she said.",
        ' "quoted',
        "\u2019s",
        " (bracket",
        ")",
        " [1]",
        " -\n",
        "\u00ad",
        "\n\n",
        "\n",
        "  ",
        "\t",
        ".",
        "?",
        "!",
        " \u2026",
        " - ",
        "\u2013",
        "\u2014",
        "'",
        '"',
        "\u201c",
        "\u201d",
        "\x1b[31m",
        "\x07",
        "\u202e",
        "\u200b",
        "\r\n",
        "\f",
        " 12/13/2024",
        " 2024-02-30",
        " Q3 2023",
        " 10.5.2021",
        " two-thirds",
        " nearly half",
        " between 3 and 4",
        " -5",
        " 1e9",
        " \u0663\u0664",
        " \U0001f600",
        "\ufeff",
        " Dr. Smith",
        " U.S.",
        " No.",
        " e.g.",
        "#",
        "*",
        "|",
        "<b>",
        "---\n",
    ]
)
TEXTS = st.one_of(
    st.lists(PIECES, max_size=40).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join),
)
FAST = settings(max_examples=150, deadline=None)


def _spans_index(text: str, matches) -> None:
    for match in matches:
        assert 0 <= match.start <= match.end <= len(text)
        assert match.text == text[match.start : match.end]


@FAST
@given(TEXTS, st.integers(min_value=0, max_value=20))
def test_clean_text_offsets_map_back(text, protect):
    cleaned = clean_text(text, protect=min(protect, len(text)))
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    assert all(0 <= offset <= len(text) for offset in cleaned.offsets)
    assert list(cleaned.offsets) == sorted(cleaned.offsets)


@FAST
@given(TEXTS, st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_times_and_quantities_index_the_text(text, anchor):
    times = find_times(text, anchor)
    _spans_index(text, times)
    _spans_index(text, find_quantities(text, times))
    for start, end, value in find_dates(text):
        assert 0 <= start < end <= len(text) and isinstance(value, date)
    for quote in find_quotes(text):
        assert 0 <= quote.open_mark <= quote.start <= quote.end <= quote.close_mark <= len(text)


@FAST
@given(TEXTS)
def test_header_reading_stays_inside_the_text(text):
    header = read_header(text)
    assert 0 <= header.body_start <= len(text)
    if header.published_span is not None:
        start, end = header.published_span
        assert 0 <= start < end <= len(text)


@FAST
@given(st.binary(max_size=400), st.sampled_from([None, "utf-8", "latin-1", "shift_jis", "nonsense-charset"]))
@example(b"caf\xc3", None)  # UTF-8 cut inside its last character
@example(b"\xff\xfeA\x00B", None)  # UTF-16 BOM with an odd tail
@example(b"\xef\xbb\xbf", None)  # a BOM and nothing else
def test_decode_bytes_raises_only_input_errors(data, declared):
    try:
        text, encoding = decode_bytes(data, "fuzz.txt", declared=declared)
    except InputError as error:
        assert "fuzz.txt" in str(error)
    else:
        assert isinstance(text, str) and encoding


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS, st.sampled_from([".txt", ".md", ".html"]))
def test_load_document_spans_map_to_the_original(tmp_path, text, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        doc = load_document(path, Settings(paths=(path,), use_cache=False))
    except InputError:
        return
    assert len(doc.clean_to_original) == len(doc.clean) + 1 or (
        not doc.clean_to_original and len(doc.clean) == len(doc.text)
    )
    for block in segment(doc):
        span = doc.span(block.start, block.end)
        assert span.text == doc.text[span.start : span.end]
    if doc.published_span is not None:
        span = doc.published_span
        assert span.text == doc.text[span.start : span.end]


def _all_spans(claim) -> list[Span]:
    spans = [
        claim.span,
        *(t.span for t in claim.times),
        *(q.span for q in claim.quantities),
        *(a.span for a in claim.actors),
        *(a.role_span for a in claim.actors if a.role_span),
    ]
    if claim.quote is not None:
        spans += [claim.quote.span] + ([claim.quote.speaker_span] if claim.quote.speaker_span else [])
    return spans


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS, st.sampled_from([40, 200, 2_000]))
def test_extract_never_raises_and_spans_index_the_original(tmp_path, nlp, text, max_chars):
    path = tmp_path / "fuzz.txt"
    path.write_text(text, encoding="utf-8")
    try:
        doc = load_document(path, Settings(paths=(path,), use_cache=False))
    except InputError:
        return
    skipped: list[tuple[int, int]] = []
    for claim in extract_document(doc, nlp, max_sentence_chars=max_chars, skipped=skipped):
        for span in _all_spans(claim):
            assert span.doc == doc.id and span.text == doc.text[span.start : span.end]
    for start, end in skipped:
        assert 0 <= start < end <= len(doc.text)


# --- regressions found while working on issue 8 ---------------------------------------------------


def test_run_without_a_sentence_end_is_skipped_and_reported_not_parsed(nlp):
    """240k characters of minified text took spaCy 41 s and were dropped without a word."""
    from factcheck.model import Document

    text = "Intro.\n\n" + "value, " * 4_000 + "\n\nThe agency launched the probe in 2011."
    doc = Document(id="m", path="m.txt", text=text, clean=text)
    skipped: list[tuple[int, int]] = []
    claims = extract_document(doc, nlp, max_sentence_chars=2_000, skipped=skipped)
    assert [claim.text for claim in claims] == ["The agency launched the probe in 2011."]
    ((start, end),) = skipped
    assert text[start:end].startswith("value, ") and end - start > 20_000


def test_truncated_utf8_stays_utf8():
    text, encoding = decode_bytes("Fischermänner café".encode("utf-8")[:-1], "t.txt")
    assert (text, encoding) == ("Fischermänner caf\ufffd", "utf-8")


def test_half_saved_sentence_is_not_a_title(tmp_path):
    path = tmp_path / "half.txt"
    path.write_text("The harbour board voted on Tuesday to extend the pier. Work will take two", encoding="utf-8")
    doc = load_document(path, Settings(paths=(path,), use_cache=False))
    assert doc.title is None and doc.body_start == 0
