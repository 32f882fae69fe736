"""The offset-preserving cleaner: each repair, and the offset map under random input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import Document
from factcheck.textclean import clean_text, looks_wrapped


def _doc(text: str) -> Document:
    cleaned = clean_text(text)
    return Document(id="d", path="d.txt", text=text, clean=cleaned.text, clean_to_original=cleaned.offsets)


WRAPPED = (
    "The harbour authority said the new pier would open to ferries in the\n"
    "spring, once the last inspections of the pilings were finished and the\n"
    "secur-\n"
    "ity review had been signed off by the regional office in charge of it.\n"
    "\n"
    "Local traders welcomed the news but asked for more parking near the\n"
    "market, which they say loses customers every summer weekend to the\n"
    "larger towns along the coast.\n"
)


def test_hyphen_across_line_break_is_joined():
    assert "security" in clean_text("The secur-\nity review.").text
    assert "security review" in clean_text(WRAPPED).text


def test_real_compounds_keep_their_hyphen():
    assert "self-reliant" in clean_text("They are self-\nreliant now.").text
    assert "long-term" in clean_text("A long-\nterm plan.").text
    assert "Franco-German" in clean_text("The Franco-\nGerman treaty.").text
    assert "2020-2021" in clean_text("In 2020-\n2021 it grew.").text
    # The document's own spelling decides when it is there.
    assert "tele-screen" in clean_text("A tele-screen. The tele-\nscreen again.").text
    assert "pre- and post-war" in clean_text("In the pre-\nand post-war years.").text


def test_wrapped_paragraphs_are_joined_and_paragraph_breaks_kept():
    cleaned = clean_text(WRAPPED)
    assert cleaned.unwrapped
    paragraphs = cleaned.text.strip().split("\n\n")
    assert len(paragraphs) == 2
    assert "\n" not in paragraphs[0] and "\n" not in paragraphs[1]
    assert paragraphs[0].startswith("The harbour authority said the new pier would open to ferries in the spring,")


def test_one_paragraph_per_line_is_left_alone():
    text = (
        "Bridge Plan Approved\n"
        "Council backs the crossing after a year of debate\n"
        "The council approved the bridge on Monday. It will cost twelve million.\n"
        "Opponents said the money should go to schools instead.\n"
        "What Happens Next\n"
        "Work starts in the autumn, the mayor said.\n"
    )
    assert not looks_wrapped(text)
    assert clean_text(text).text == text


def test_headings_inside_wrapped_text_stay_on_their_own_line():
    text = (
        "1. Introduction\n"
        "\n"
        "The survey covered forty villages in the valley and asked every\n"
        "household about water, roads and the distance to the nearest clinic\n"
        "in the district.\n"
        "Results\n"
        "Most households said the roads were the main problem, and many\n"
        "added that the clinic was too far away to reach in winter.\n"
    )
    lines = clean_text(text).text.split("\n")
    assert "Results" in lines
    assert "1. Introduction" in lines


def test_stray_spaces():
    text = "The agency ( ESA ) said  so , and [ again ] ; really ."
    assert clean_text(text).text == "The agency (ESA) said so, and [again]; really."


def test_spaced_apostrophes_of_possessives_and_contractions_are_closed_up():
    text = "The mayor ’ s spokesman said they won ' t comment and we ’ re told it ’ d wait."
    assert clean_text(text).text == "The mayor’s spokesman said they won't comment and we’re told it’d wait."


def test_spaced_apostrophes_that_may_close_a_quotation_are_left_alone():
    # A plural possessive and a quotation mark before a word look the same; neither is touched.
    text = "The growers ’ union met. He called it ' sensible ' twice, as in the 1990 ’ s."
    assert clean_text(text).text == text


def test_closed_up_possessive_maps_to_original():
    doc = _doc("Officers said the county sheriff ’ s deputy was hurt.")
    start = doc.clean.index("sheriff’s deputy")
    span = doc.span(start, start + len("sheriff’s deputy"))
    assert span.text == "sheriff ’ s deputy"
    assert span.text == doc.text[span.start : span.end]


def test_decimal_and_ellipsis_are_untouched():
    text = "It rose by .5 points ... or so. Also 3 .14 and :)"
    assert clean_text(text).text == text


def test_windows_line_endings():
    text = "Line one.\r\nLine two.\r\n\r\nNext paragraph.\r\n"
    cleaned = clean_text(text)
    assert cleaned.text == "Line one.\nLine two.\n\nNext paragraph.\n"
    assert cleaned.offsets[-1] == len(text)


def test_protected_prefix_is_not_cleaned():
    text = "---\ntitle: A  B\nauthor: x\n---\nbody ( x ) ,\n"
    cleaned = clean_text(text, protect=text.index("body"))
    assert cleaned.text.startswith("---\ntitle: A  B\nauthor: x\n---\n")
    assert cleaned.text.endswith("body (x),\n")


def test_span_maps_to_original():
    doc = _doc(WRAPPED)
    start = doc.clean.index("security")
    span = doc.span(start, start + len("security"))
    assert span.text == "secur-\nity"
    assert span.text == doc.text[span.start : span.end]


# ---------------------------------------------------------------------------------------------
# Property tests: random prose with the artefacts the cleaner repairs.

_WORDS = st.sampled_from(
    [
        "the",
        "river",
        "council",
        "said",
        "security",
        "budget",
        "rose",
        "by",
        "twelve",
        "percent",
        "North",
        "agency",
        "(ESA)",
        "launch",
        "satellite",
        "in",
        "2024",
        "a",
        "long",
        "term",
        "plan",
        "self",
        "on",
        "Monday",
        "report",
        "and",
        "of",
        "to",
        "-",
        "e.g.",
        "U.S.",
        "co",
        "x",
    ]
)
_PUNCT = st.sampled_from(["", "", "", ",", ".", ";", ":", "?"])
_SEPARATORS = st.sampled_from(
    [" ", " ", " ", "  ", "   ", "\n", "\n\n", "\r\n", " \n", "\t", "-\n", "-\n ", " ( ", " ) ", " , "]
)


@st.composite
def _messy_text(draw) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=60))):
        parts.append(draw(_WORDS) + draw(_PUNCT))
        parts.append(draw(_SEPARATORS))
    text = "".join(parts)
    # Split a few words with a hyphenated line break, as typesetting does.
    for index in draw(st.lists(st.integers(min_value=0, max_value=max(0, len(text) - 1)), max_size=4)):
        if 0 < index < len(text) and text[index - 1].isalpha() and text[index].isalpha():
            text = text[:index] + "-\n" + text[index:]
    return draw(st.sampled_from(["", " ", "\n"])) + text


def _squash(text: str) -> str:
    """What the cleaner may change: whitespace and hyphens. Remove both to compare the rest."""
    return re.sub(r"[\s-]", "", text)


@settings(max_examples=150, deadline=None)
@given(_messy_text(), st.data())
def test_offset_map_is_exact(text, data):
    cleaned = clean_text(text)
    offsets = cleaned.offsets
    assert len(offsets) == len(cleaned.text) + 1
    assert offsets[-1] == len(text)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))
    # Each clean character is its original character, or whitespace rewritten as space/newline.
    for index, char in enumerate(cleaned.text):
        original = text[offsets[index]]
        assert char == original or (char in " \n" and original.isspace())
    # Everything dropped is whitespace or a hyphen at a line break.
    kept = set(offsets[:-1])
    for position, char in enumerate(text):
        if position not in kept:
            assert char.isspace() or (char == "-" and "\n" in text[position : position + 4]), (position, text)

    doc = Document(id="d", path="d.txt", text=text, clean=cleaned.text, clean_to_original=offsets)
    if cleaned.text:
        a = data.draw(st.integers(min_value=0, max_value=len(cleaned.text)))
        b = data.draw(st.integers(min_value=a, max_value=len(cleaned.text)))
        span = doc.span(a, b)
        assert span.text == doc.text[span.start : span.end]
        # The original span, with the same repairs applied, is the clean substring ...
        same_repairs = "".join(cleaned.text[i] for i in range(a, b))
        rebuilt = "".join(
            cleaned.text[i] for i, original in enumerate(offsets[:-1]) if span.start <= original < span.end
        )
        assert rebuilt == same_repairs
        # ... and differs from it only in whitespace and line-break hyphens.
        assert _squash(span.text) == _squash(cleaned.text[a:b])


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_text_keeps_a_valid_map(text):
    cleaned = clean_text(text)
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    assert cleaned.offsets[-1] == len(text)
    assert all(a < b for a, b in zip(cleaned.offsets, cleaned.offsets[1:]))
    assert _squash(cleaned.text) == _squash(text)


def test_split_word_property_example():
    assert "security" in clean_text("the secur-\nity of it").text


_PLAIN = st.sampled_from(
    [
        "the",
        "board",
        "said",
        "its",
        "review",
        "of",
        "harbour",
        "works",
        "would",
        "end",
        "soon",
        "and",
        "that",
        "pier",
        "costs",
        "rose",
        "again",
        "last",
        "year",
    ]
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_PLAIN, min_size=1, max_size=40),
    st.lists(_PLAIN, min_size=1, max_size=40),
    st.sampled_from([" ", "\n", "  ", " \n "]),
)
def test_split_word_is_always_rejoined(before, after, gap):
    text = gap.join(before) + " secur-\nity " + gap.join(after)
    assert "security" in clean_text(text).text


def test_lists_and_code_fences_keep_their_lines():
    text = (
        "The plan has three parts, which the board set out in a long report to the\n"
        "council last week, and which the council will vote on before the summer:\n"
        "- a longer pier\n"
        "- a new slipway\n"
        "```\n"
        "code line one\n"
        "code line two\n"
        "```\n"
        "The vote is expected in June, though some members want more time to read\n"
        "the report first.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.unwrapped
    lines = cleaned.text.split("\n")
    assert "- a longer pier" in lines and "- a new slipway" in lines
    assert "code line one" in lines and "code line two" in lines
    assert "The vote is expected in June, though some members want more time to read the report first." in lines
