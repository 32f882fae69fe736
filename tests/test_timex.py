"""Time expressions: recognition, resolution against a dateline, interval comparison."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.nlp.timex import TimeMatch, find_times, parse_date_value, values_agree

ANCHOR = date(2023, 6, 14)  # a Wednesday


def only(text: str, anchor: date | None = ANCHOR) -> TimeMatch:
    matches = find_times(text, anchor)
    assert len(matches) == 1, matches
    return matches[0]


def values(text: str, anchor: date | None = ANCHOR) -> list[str | None]:
    return [match.value for match in find_times(text, anchor)]


# --------------------------------------------------------------------------- explicit dates

@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The ceasefire began on March 7, 2021, after talks.", "March 7, 2021", "2021-03-07"),
        ("Signed Sept. 30, 2019 in Geneva.", "Sept. 30, 2019", "2019-09-30"),
        ("Posted Nov 3, 2022, 11 PM by staff", "Nov 3, 2022, 11 PM", "2022-11-03"),
        ("It opened on 14 July 2018.", "14 July 2018", "2018-07-14"),
        ("the 3rd of August, 2016 was hot", "3rd of August, 2016", "2016-08-03"),
        ("Filed 2020-12-01 with the court.", "2020-12-01", "2020-12-01"),
        ("Released Thursday, October 5, 2017.", "Thursday, October 5, 2017", "2017-10-05"),
        ("The dam failed on 25/12/2012.", "25/12/2012", "2012-12-25"),
        ("Votes counted on 5/5/2015.", "5/5/2015", "2015-05-05"),
    ],
)
def test_full_dates(text: str, span: str, value: str) -> None:
    match = only(text)
    assert match.text == span
    assert match.value == value
    assert match.granularity == "day"
    assert not match.relative


def test_ambiguous_numeric_date_keeps_only_the_year() -> None:
    match = only("The report dated 4/6/2019 was leaked.")
    assert (match.text, match.value, match.granularity) == ("4/6/2019", "2019", "year")


def test_impossible_dates_are_not_dates() -> None:
    assert values("on February 30, 2021 nothing happened", None) != ["2021-02-30"]
    assert "2021-02-30" not in values("2021-02-30")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices peaked in October 2008.", "October 2008", "2008-10"),
        ("From June 2015 the rules applied.", "June 2015", "2015-06"),
        ("Data from Dec. 2010 show it.", "Dec. 2010", "2010-12"),
        ("The survey ran in May 2019.", "May 2019", "2019-05"),
        ("by late March 2020 schools closed", "late March 2020", "2020-03"),
    ],
)
def test_month_and_year(text: str, span: str, value: str) -> None:
    match = only(text)
    assert (match.text, match.value, match.granularity) == (span, value, "month")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The law was passed in 2014.", "2014"),
        ("Exports have grown since 2009.", "2009"),
        ("Emissions must halve by 2035.", "2035"),
        ("Critics attacked the 2018 budget plan.", "2018"),
        ("2016 was the warmest year then.", "2016"),
        ("The study (2012) found no effect.", "2012"),
        ("Unlike 2011's plan, this one is funded.", "2011"),
        ("In the year 1999 the bridge opened.", "1999"),
        ("The ministry's 2015 review was blunt.", "2015"),
        ("It has been known since at least 1994.", "1994"),
        ("under a 1972 treaty", "1972"),
    ],
)
def test_bare_years_in_context(text: str, value: str) -> None:
    match = only(text)
    assert (match.text, match.value, match.granularity) == (value, value, "year")


@pytest.mark.parametrize(
    "text",
    [
        "The army sent 2000 troops north.",
        "About 2,000 people marched.",
        "The K-2010 radar was upgraded.",
        "Order No. 2015 was signed.",
        "He scored 1950 points in total.",
        "Room 2021 is on the left.",
        "They may leave soonish.",
        "Protesters march on the capital.",
        "Will Smith arrived.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert find_times(text, ANCHOR) == []


def test_year_lists_and_ranges() -> None:
    assert values("between 2004 and 2008") == ["2004", "2008"]
    assert values("in 2001, 2002 and 2003") == ["2001", "2002", "2003"]
    assert values("during 2010-12 the debt grew") == ["2010", "2012"]


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity"),
    [
        ("Growth slowed in the second quarter of 2019.", "the second quarter of 2019", "2019-Q2", "quarter"),
        ("Sales in Q4 2021 fell.", "Q4 2021", "2021-Q4", "quarter"),
        ("The final quarter of 2016 was weak.", "The final quarter of 2016", "2016-Q4", "quarter"),
        ("Talks resume in autumn 2020.", "autumn 2020", "2020-FA", "season"),
        ("during the summer of 2017", "the summer of 2017", "2017-SU", "season"),
        ("Music from the 1980s returned.", "1980s", "198X", "decade"),
        ("a hit in the early '70s", "the early '70s", "197X", "decade"),
        ("Work stopped at the end of 2018.", "the end of 2018", "2018", "year"),
        ("It reopens in early 2024.", "early 2024", "2024", "year"),
        ("Prices rose by mid-2016.", "mid-2016", "2016", "year"),
        ("in the first half of 2015", "the first half of 2015", "2015", "year"),
    ],
)
def test_periods(text: str, span: str, value: str, granularity: str) -> None:
    match = only(text)
    assert (match.text, match.value, match.granularity) == (span, value, granularity)


# --------------------------------------------------------------------------- relative to the anchor

@pytest.mark.parametrize(
    ("text", "span", "value", "granularity", "recent"),
    [
        ("Rents rose this month.", "this month", "2023-06", "month", False),
        ("The bill failed earlier this month.", "earlier this month", "2023-06", "month", True),
        ("Elections are due later this year.", "later this year", "2023", "year", False),
        ("Earlier this year the mine closed.", "Earlier this year", "2023", "year", False),
        ("Inflation fell last year.", "last year", "2022", "year", False),
        ("Output will rise next year.", "next year", "2024", "year", False),
        ("Sales fell last month.", "last month", "2023-05", "month", False),
        ("The vote is next month.", "next month", "2023-07", "month", False),
        ("Officials met this week.", "this week", "2023-W24", "week", True),
        ("Officials met last week.", "last week", "2023-W23", "week", True),
        ("The minister resigned today.", "today", "2023-06-14", "day", True),
        ("The minister resigned yesterday.", "yesterday", "2023-06-13", "day", True),
        ("The plant closed two years ago.", "two years ago", "2021", "year", False),
        ("The law changed a decade ago.", "a decade ago", "2013", "year", False),
        ("It was found three days ago.", "three days ago", "2023-06-11", "day", True),
        ("It flooded 6 months ago.", "6 months ago", "2022-12", "month", False),
    ],
)
def test_relative_expressions(text: str, span: str, value: str, granularity: str, recent: bool) -> None:
    match = only(text)
    assert (match.text, match.value, match.granularity, match.recent) == (span, value, granularity, recent)
    assert match.relative


def test_relative_expressions_without_anchor_have_no_value() -> None:
    for text in ("Rents rose this month.", "Sales fell last year.", "It happened on Friday.", "in April"):
        match = only(text, None)
        assert match.value is None and match.relative


def test_weekdays() -> None:
    # ANCHOR is a Wednesday.
    assert only("The talks collapsed on Monday.").value == "2023-06-12"
    assert only("The talks collapsed on Wednesday.").value == "2023-06-14"
    assert only("They met last Wednesday.").value == "2023-06-07"
    assert only("They meet next Monday.").value == "2023-06-19"
    assert only("They meet on Monday.").recent
    assert find_times("Shoppers crowded stores on Black Friday.", ANCHOR) == []


def test_month_without_year_reads_back_from_the_anchor() -> None:
    assert only("The strike began in March.").value == "2023-03"
    assert only("The strike began in September.").value == "2022-09"  # after June: last year's
    assert only("The summit will be held in September.").value == "2023-09"  # a future cue
    assert only("He resigned last July.").value == "2022-07"
    assert only("The plant opens next April.").value == "2024-04"
    assert only("The fire started on May 30.").value == "2023-05-30"
    assert only("The fire started on August 2.").value == "2022-08-02"


@pytest.mark.parametrize(
    "text",
    ["the latest figures", "Prices are currently high.", "Prices are high now.",
     "The firm has just announced cuts.", "They just signed the deal."],
)
def test_recency_words(text: str) -> None:
    for anchor in (ANCHOR, None):
        match = only(text, anchor)
        assert (match.value, match.granularity, match.recent, match.relative) == ("PRESENT_REF", "present", True, False)


@pytest.mark.parametrize("text", ["It was recently approved.", "The recent floods hit farms.", "a newly built road",
                                  "Sales have slowed more recently."])
def test_recent_is_a_past_reference_flagged_recent(text: str) -> None:
    # TimeML reads "recently" as a time before the dateline (PAST_REF); the checks still see it as recent.
    match = only(text, ANCHOR)
    assert (match.type, match.value, match.recent) == ("DATE", "PAST_REF", True)


@pytest.mark.parametrize(
    "text",
    ["It costs just over 40 dollars.", "It was just a test.", "Reply by Friday at the latest.",
     "He is just as tall."],
)
def test_not_recency(text: str) -> None:
    assert all(match.value != "PRESENT_REF" for match in find_times(text, ANCHOR))


def test_dateline_with_time_of_day_is_one_date() -> None:
    matches = find_times("Apr 4, 2022, 9:30 AM\nThe launch failed.", None)
    assert [(m.text, m.value) for m in matches] == [("Apr 4, 2022, 9:30 AM", "2022-04-04")]


def test_longest_match_wins_and_results_are_sorted() -> None:
    text = "On January 9, 2020 and in May 2021, then since 2022, recently."
    matches = find_times(text, ANCHOR)
    assert [m.value for m in matches] == ["2020-01-09", "2021-05", "2022", "PAST_REF"]
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


# --------------------------------------------------------------------------- intervals

@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2020", (date(2020, 1, 1), date(2020, 12, 31))),
        ("2020-10", (date(2020, 10, 1), date(2020, 10, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2020-10-05", (date(2020, 10, 5), date(2020, 10, 5))),
        ("2020-Q3", (date(2020, 7, 1), date(2020, 9, 30))),
        ("2023-W24", (date(2023, 6, 12), date(2023, 6, 18))),
        ("2021-SU", (date(2021, 6, 1), date(2021, 8, 31))),
        ("199X", (date(1990, 1, 1), date(1999, 12, 31))),
    ],
)
def test_parse_date_value(value: str, interval: tuple[date, date]) -> None:
    assert parse_date_value(value) == interval


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "PAST_REF", "2020-13", "2021-02-30", "soon"])
def test_parse_date_value_rejects_non_calendar_values(value: str | None) -> None:
    assert parse_date_value(value) is None


def test_values_agree() -> None:
    assert values_agree("2020", "2020-10")
    assert values_agree("2020-10-05", "2020-Q4")
    assert values_agree("199X", "1994-03")
    assert not values_agree("2019", "2020")
    assert not values_agree("2020-10", "2020-11-01")
    # Values without a calendar interval cannot be shown to disagree.
    assert values_agree("PRESENT_REF", "2019")


# --------------------------------------------------------------------------- properties

@settings(max_examples=200, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 10, 1))))
def test_spans_are_exact_and_ordered(text: str, anchor: date | None) -> None:
    matches = find_times(text, anchor)
    for match in matches:
        assert text[match.start:match.end] == match.text
        assert match.start < match.end
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


_WORDS = ["in", "2021", "May", "March", "on", "Monday", "last", "year", "the", "1990s", "Q3", "of",
          "early", "mid-", "recently", "just", "3", "days", "ago", "12/12/2012", "Feb.", ",", "2,000"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30),
       st.one_of(st.none(), st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 10, 1))))
def test_values_of_found_dates_parse(words: list[str], anchor: date | None) -> None:
    text = " ".join(words)
    for match in find_times(text, anchor):
        assert text[match.start:match.end] == match.text
        if match.is_point and match.value and not match.value.endswith("_REF"):
            assert parse_date_value(match.value) is not None, match
        if match.type == "DURATION":
            assert match.value and re.fullmatch(r"PT?(?:\d+|X)[YMWDHS]|P\d+(?:DE|CE)", match.value), match


def test_long_hostile_input_is_fast() -> None:
    pieces = ["1" * 5000, "May " * 2000, "in 2020 " * 2000, "Jan. 1, " * 2000, "-" * 5000,
              "the end of " * 1000, "12/" * 3000, " " * 10000 + "x"]
    began = time.perf_counter()
    for text in pieces:
        find_times(text, ANCHOR)
    assert time.perf_counter() - began < 10
