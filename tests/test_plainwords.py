"""Values in plain words: no interval notation, no TIMEX3 tokens, quotes cut at word boundaries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.model import Quantity, Span, TimeExpression
from factcheck.plainwords import date_words, excerpt, interval_words, number_words, quantity_words, time_words


def span(text: str) -> Span:
    return Span(doc="d", start=0, end=len(text), text=text)


@pytest.mark.parametrize(
    "value, words",
    [
        ("2024-02-02", "2 February 2024"),
        ("2025-03", "March 2025"),
        ("2021", "2021"),
        ("2024-Q1", "the first quarter of 2024"),
        ("2023-SU", "summer 2023"),
        ("2024-W05", "week 5 of 2024"),
        ("201", "the 2010s"),
        ("PRESENT_REF", "the present"),
        ("PAST_REF", "the past"),
        (None, "an unknown date"),
    ],
)
def test_dates_in_words(value, words):
    assert date_words(value) == words


def test_time_expressions_say_what_they_are_measured_against():
    recent = TimeExpression(span=span("recent"), value="PRESENT_REF", granularity="present", relative=True, recent=True)
    assert time_words(recent) == "\u2018recent\u2019 (relative to the dateline)"
    month = TimeExpression(span=span("this month"), value="2025-03", granularity="month", relative=True)
    assert time_words(month) == "\u2018this month\u2019 (March 2025, counted from the dateline)"
    explicit = TimeExpression(span=span("February 2, 2024"), value="2024-02-02", granularity="day")
    assert time_words(explicit) == "\u2018February 2, 2024\u2019 (2 February 2024)"
    assert time_words(TimeExpression(span=span("2021"), value="2021", granularity="year")) == "\u20182021\u2019"


def test_intervals_in_words():
    assert interval_words(66.6667, 100, True, False, "percent", ceiling=100) == "more than 66.7%"
    assert interval_words(60, 100, False, False, "percent", ceiling=100) == "at least 60%"
    assert interval_words(0, 5, False, True, "count") == "less than 5"
    assert interval_words(10, 20, False, False, "km") == "between 10 km and 20 km"
    assert interval_words(1_200_000, 1_200_000, False, False, "money:USD") == "1,200,000 USD"
    quantity = Quantity(
        span=span("more than two-thirds"),
        value=66.6667,
        unit="percent",
        comparator="gt",
        low=66.6667,
        high=100,
        low_open=True,
    )
    assert quantity_words(quantity, share=True) == "\u2018more than two-thirds\u2019 (more than 66.7%)"
    assert number_words(0.25) == "0.25" and number_words(3.0) == "3"


@given(st.text(alphabet=st.sampled_from("ab cd,efg-h "), min_size=0, max_size=300), st.integers(20, 200))
def test_excerpts_end_at_a_word_boundary(text, limit):
    cut = excerpt(text, limit)
    assert len(cut) <= limit
    flat = " ".join(text.split())
    if cut.endswith("\u2026"):
        kept = cut[:-1]
        assert flat.startswith(kept)
        following = flat[len(kept) : len(kept) + 1]
        # either a boundary follows, or the text had no boundary in the second half to cut at
        assert following in ("", " ", ",", "-") or not any(c in flat[limit // 2 : limit] for c in " ,-")
    else:
        assert cut == flat
