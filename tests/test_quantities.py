"""Quantities: recognition, units, comparators, intervals and share comparison."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.nlp.quantities import QuantityMatch, find_quantities, intervals_overlap, share_interval


def only(text: str) -> QuantityMatch:
    matches = find_quantities(text)
    assert len(matches) == 1, matches
    return matches[0]


def interval(match: QuantityMatch) -> tuple[float | None, float | None, bool, bool]:
    return match.low, match.high, match.low_open, match.high_open


# --------------------------------------------------------------------------- what is found


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Turnout reached 48% this time.", "48%", 48, "percent"),
        ("Turnout reached 48 percent.", "48 percent", 48, "percent"),
        ("Turnout reached 48 per cent.", "48 per cent", 48, "percent"),
        ("Inflation hit 7.25% in the city.", "7.25%", 7.25, "percent"),
        ("Support fell 4 percentage points.", "4 percentage points", 4, "percentage-points"),
        ("Three-quarters of farms are small.", "Three-quarters", 0.75, "fraction"),
        ("Two thirds of voters agreed.", "Two thirds", 2 / 3, "fraction"),
        ("a fifth of the forest burned", "a fifth", 0.2, "fraction"),
        ("They spent one-quarter of it.", "one-quarter", 0.25, "fraction"),
        ("Half of the wells ran dry.", "Half", 0.5, "fraction"),
        ("One in four children is affected.", "One in four", 0.25, "fraction"),
        ("7 out of 10 doctors agreed", "7 out of 10", 0.7, "fraction"),
        ("The fleet has 41 ships.", "41", 41, "count"),
        ("Police counted 12,400 marchers.", "12,400", 12400, "count"),
        ("Seven towns were cut off.", "Seven", 7, "count"),
        ("a dozen boats sank", "a dozen", 12, "count"),
        ("twenty-three mayors signed", "twenty-three", 23, "count"),
        ("About 3.4 million people live there.", "About 3.4 million", 3.4e6, "count"),
        ("The bridge cost $2.5 billion.", "$2.5 billion", 2.5e9, "money:USD"),
        ("a US$40m loan", "US$40m", 4e7, "money:USD"),
        ("a ¥300 billion package", "¥300 billion", 3e11, "money:JPY"),
        ("tickets cost €15", "€15", 15, "money:EUR"),
        ("a grant of 80 million yen", "80 million yen", 8e7, "money:JPY"),
        ("a £2bn deal", "£2bn", 2e9, "money:GBP"),
        # A sum in pounds comes with a scale word and nothing weighed after it; a weight in pounds says what it weighs.
        ("signed for a fee of 38 million pounds", "38 million pounds", 3.8e7, "money:GBP"),
        ("a 2 billion pound deal", "2 billion pound", 2e9, "money:GBP"),
        ("recalled 2 million pounds of beef", "2 million pounds", 2e6, "lb"),
        ("The boxer weighs 210 pounds.", "210 pounds", 210, "lb"),
        ("The road is 45 km long.", "45 km", 45, "km"),
        ("It weighs 3 tonnes.", "3 tonnes", 3, "tonnes"),
        ("The war lasted 8 years.", "8 years", 8, "years"),
        ("a 12-kilometre tunnel", "12-kilometre", 12, "km"),
        ("The bill added one and a half billion dollars.", "one and a half billion dollars", 1.5e9, "money:USD"),
        # A sum hyphenated into a compound before its noun: the scale word and the currency belong to the figure.
        ("in return for an 18-million-euro housing contract", "18-million-euro", 1.8e7, "money:EUR"),
        ("signed a $25-million deal", "$25-million", 2.5e7, "money:USD"),
        ("a 2-billion-pound takeover", "2-billion-pound", 2e9, "money:GBP"),
        # A name before a sum does not make the sum a name's number ("Satellite 6", "Voyager 2" are).
        (
            "The authority fined Ardent Union Bank 145 million euros on Thursday.",
            "145 million euros",
            1.45e8,
            "money:EUR",
        ),
    ],
)
def test_found(text: str, span: str, value: float, unit: str) -> None:
    match = only(text)
    assert match.text == span
    assert match.value == pytest.approx(value)
    assert match.unit == unit
    assert text[match.number_start : match.number_end] in match.text


@pytest.mark.parametrize(
    "text",
    [
        "It was the first attempt.",
        "She finished 2nd and he was 11th.",
        "The H-2 rocket flew.",
        "The MiG-29 crashed.",
        "A B-52 flew over.",
        "SARS-CoV-2 spread.",
        "The G20 met.",
        "The meeting is at 9 AM.",
        "The meeting is at 14:30.",
        "See page 17.",
        "Read section 4.2.",
        "Call +44 20 7946 0958 now.",
        "Call 212-555-0187 now.",
        "1. Open the box.\n2) Close it.",
        "One of the pilots refused.",
        "No one came.",
        "One senior aide quit.",
        "It was signed in 2019.",
        "The 2019 plan failed.",
        "On March 3, 2020 it rained.",
        "A majority backed it.",
        "A third round of talks began.",
        "a quarter century later",
        "Version 2.4.1 shipped.",
        "It is open 24/7.",
        "the 1990s",
        "5G towers",
        "a 3D model",
        "It happened two years ago.",
        "The probe Voyager 2 is far away.",
        "The probe Voyager 2 million miles away.",  # a scale word alone makes no sum of a name's number
        "as argued before (Tanaka, 2017: 44-46, 51).",
        "2.3 Regional effects\nText follows.",
        "under a 1985 treaty",
        "tested since at least 2004.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Wales won their first game of the Six Nations in years.",
        "The match is on Channel Four tonight.",
        "She drives for the Formula One team of a carmaker.",
    ],
)
def test_a_number_word_written_as_part_of_a_name_is_no_quantity(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Three workers were hurt, the firm said.", "Three"),  # a sentence starts with it
        ("He left early. Seven people stayed.", "Seven"),
        ('"Two of them died," he said.', "Two"),
        ("Five Dead In Warehouse Fire", "Five"),  # a headline in title case
        ("Rescuers said: Four miners are trapped.", "Four"),
        ("in the Six Nations with a six-try win", "six"),  # the name's number is left out, the count kept
    ],
)
def test_a_capitalised_count_where_capitals_are_due_is_still_a_quantity(text: str, span: str) -> None:
    assert [m.text for m in find_quantities(text)] == [span]


def test_number_spans_and_dates_together() -> None:
    text = "On June 5, 2021, more than 300 people and 12 trucks crossed; 40% were children."
    found = [(m.text, m.value, m.unit) for m in find_quantities(text)]
    assert found == [("more than 300", 300, "count"), ("12", 12, "count"), ("40%", 40, "percent")]


@pytest.mark.parametrize(
    "text",
    [
        "In May 2020 about 40% of 1,200 firms, some 30 in 2021, cut jobs.",
        # Read against a dateline, a time of day joins its day ("12:00 UTC Monday", one match instead of two);
        # relative dates get a value. The extractor passes those matches: they must block the same numbers.
        "At 12:00 UTC Monday 3 firms filed, 2 days after 16:00 UTC today's 45 arrests and 2 weeks ago 10 more.",
    ],
)
def test_precomputed_times_give_the_same_result(text: str) -> None:
    from datetime import date

    from factcheck.nlp.timex import find_times

    assert find_quantities(text, find_times(text, None)) == find_quantities(text)
    assert find_quantities(text, find_times(text, date(2009, 6, 1))) == find_quantities(text)


def test_year_like_count_with_a_noun_is_a_count() -> None:
    match = only("The ministry hired 2000 teachers.")
    assert (match.value, match.unit) == (2000, "count")


# --------------------------------------------------------------------------- comparators and intervals


@pytest.mark.parametrize(
    ("text", "comparator", "expected"),
    [
        ("more than 40%", "gt", (40, 100, True, False)),
        ("over 40%", "gt", (40, 100, True, False)),
        ("above 40%", "gt", (40, 100, True, False)),
        ("exceeding 40%", "gt", (40, 100, True, False)),
        ("at least 40%", "ge", (40, 100, False, False)),
        ("less than 40%", "lt", (0, 40, False, True)),
        ("under 40%", "lt", (0, 40, False, True)),
        ("up to 40%", "le", (0, 40, False, False)),
        ("nearly 40%", "approx", (36, 40, False, True)),
        ("almost 40%", "approx", (36, 40, False, True)),
        ("just over 40%", "gt", (40, 44, True, False)),
        ("40%", "eq", (39.5, 40.5, False, False)),
        ("12.5%", "eq", (12.45, 12.55, False, False)),
    ],
)
def test_percent_intervals(text: str, comparator: str, expected: tuple) -> None:
    match = only(text)
    assert match.comparator == comparator
    low, high, low_open, high_open = interval(match)
    assert (low, high) == pytest.approx(expected[:2])
    assert (low_open, high_open) == expected[2:]


@pytest.mark.parametrize(
    ("text", "comparator", "expected"),
    [
        ("about 9 ships", "approx", (8.5, 9.5, False, False)),
        ("around 6,000 troops", "approx", (5500, 6500, False, False)),
        ("roughly 240 nurses", "approx", (228, 252, False, False)),
        ("at least 30 boats", "ge", (30, math.inf, False, True)),
        ("no fewer than 30 boats", "ge", (30, math.inf, False, True)),
        ("fewer than 30 boats", "lt", (0, 30, False, True)),
        ("as many as 30 boats", "le", (0, 30, False, False)),
        ("at most 30 boats", "le", (0, 30, False, False)),
        ("more than $3 million", "gt", (3e6, math.inf, True, True)),
        ("2.3 million residents", "eq", (2.25e6, 2.35e6, False, False)),
        ("30 boats or more", "ge", (30, math.inf, False, True)),
        ("between 30 and 40 boats", "approx", (30, 40, False, False)),
        ("15-20% of the vote", "approx", (15, 20, False, False)),
        ("2 to 3 million people", "approx", (2e6, 3e6, False, False)),
    ],
)
def test_count_and_money_intervals(text: str, comparator: str, expected: tuple) -> None:
    match = only(text)
    assert match.comparator == comparator
    low, high, low_open, high_open = interval(match)
    assert (low, high) == pytest.approx(expected[:2])
    assert (low_open, high_open) == expected[2:]


def test_comparator_is_part_of_the_span_but_not_of_the_number() -> None:
    text = "Officials said nearly 700 homes flooded."
    match = only(text)
    assert match.text == "nearly 700"
    assert text[match.number_start : match.number_end] == "700"


# --------------------------------------------------------------------------- shares


def test_fraction_and_percent_compare_as_shares() -> None:
    more_than_two_thirds = only("more than two-thirds of members")
    low, high, low_open, high_open = share_interval(more_than_two_thirds)
    assert (low, high, low_open, high_open) == (pytest.approx(200 / 3), 100, True, False)
    over_sixty = share_interval(only("over 60% of members"))
    assert over_sixty == (60, 100, True, False)
    assert intervals_overlap(share_interval(only("about two-thirds")), share_interval(only("67%")))
    assert not intervals_overlap(share_interval(only("less than a third of staff")), share_interval(only("45%")))
    assert not intervals_overlap(share_interval(only("more than half of staff")), share_interval(only("40%")))


def test_share_interval_is_none_for_other_units() -> None:
    assert share_interval(only("45 ships")) is None
    assert share_interval(only("$45")) is None


def test_intervals_overlap_respects_open_ends() -> None:
    assert intervals_overlap((0, 10, False, False), (10, 20, False, False))
    assert not intervals_overlap((0, 10, False, True), (10, 20, False, False))
    assert not intervals_overlap((0, 10, False, False), (10, 20, True, False))
    assert not intervals_overlap((0, 5, False, False), (6, 9, False, False))
    assert intervals_overlap((0, math.inf, False, True), (1e12, 1e13, False, False))


# --------------------------------------------------------------------------- properties


def _check_invariants(text: str) -> None:
    matches = find_quantities(text)
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert match.start <= match.number_start < match.number_end <= match.end
        assert match.low is not None and match.high is not None
        assert match.low <= match.value <= match.high
        # "more than 3" is (3, inf): the stated number is the open bound itself, so an open end
        # may equal the value; what must hold is that the interval is not empty.
        assert match.low < match.high or not (match.low_open or match.high_open)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_exact(text: str) -> None:
    _check_invariants(text)


_WORDS = [
    "more",
    "than",
    "about",
    "nearly",
    "at",
    "least",
    "up",
    "to",
    "3",
    "40",
    "1.5",
    "2,000",
    "million",
    "bn",
    "$",
    "€",
    "%",
    "percent",
    "two-thirds",
    "a",
    "third",
    "of",
    "half",
    "one",
    "in",
    "five",
    "km",
    "years",
    "-",
    "and",
    "between",
    "2021",
    "or",
    "more",
    "+",
    "dozen",
    "yen",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from([" ", "", "-"]))
@example(["more", "than", "3"], " ")  # an open bound equal to the stated number (failed the old invariant)
def test_invariants_on_number_like_text(words: list[str], joiner: str) -> None:
    _check_invariants(joiner.join(words))


HANG_GUARD_SECONDS = 300


def test_long_hostile_input_neither_hangs_nor_breaks_spans() -> None:
    pieces = [
        "1" * 5000,
        "1," * 5000,
        "one " * 3000,
        "$1 " * 3000,
        "1-" * 5000,
        "more than " * 2000,
        "twenty-" * 3000,
        "1.1." * 3000,
        "a third of " * 1000,
        " " * 10000 + "5%",
    ]
    # A hang guard, not a speed figure (benchmarks measure speed): catastrophic regex backtracking
    # on such input takes hours, so a bound far above any loaded CI machine still catches it.
    began = time.perf_counter()
    for text in pieces:
        _check_invariants(text)
    assert time.perf_counter() - began < HANG_GUARD_SECONDS
