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
        ("Posted Nov 3, 2022, 11 PM by staff", "Nov 3, 2022, 11 PM", "2022-11-03T23:00"),  # a TIME on that day
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
        ("She follows Jane Roe's savaged 2013 stint.", "2013"),  # a possessive and a describing word before it
        ("He recalled his ill-fated 2010 campaign.", "2010"),
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
        "The firm's first 2000 staff moved in.",  # how many, not which year
        "Its estimated 1900 workers struck.",
        "Room 2021 is on the left.",
        "They may leave soonish.",
        "Protesters march on the capital.",
        "Will Smith arrived.",
        "Boeing's upcoming design does not compete.",  # an adjective of a thing (TimeML, HeidelTime leave it)
        "He spoke against the now-cancelled deal.",
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
        ("Music from the 1980s returned.", "the 1980s", "198X", "decade"),  # TIDES: determiners belong
        ("a hit in the early '70s", "the early '70s", "197X", "decade"),
        ("Work stopped at the end of 2018.", "the end of 2018", "2018", "year"),
        ("It reopens in early 2024.", "early 2024", "2024", "year"),
        ("Prices rose by mid-2016.", "mid-2016", "2016", "year"),
        ("in the first half of 2015", "the first half of 2015", "2015-H1", "year"),
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
    [
        "the latest figures",
        "Prices are currently high.",
        "Prices are high now.",
        "The firm has just announced cuts.",
        "They just signed the deal.",
    ],
)
def test_recency_words(text: str) -> None:
    for anchor in (ANCHOR, None):
        match = only(text, anchor)
        assert (match.value, match.granularity, match.recent, match.relative) == ("PRESENT_REF", "present", True, False)


@pytest.mark.parametrize(
    "text",
    [
        "It was recently approved.",
        "The recent floods hit farms.",
        "a newly built road",
        "Sales have slowed more recently.",
    ],
)
def test_recent_is_a_past_reference_flagged_recent(text: str) -> None:
    # TimeML reads "recently" as a time before the dateline (PAST_REF); the checks still see it as recent.
    match = only(text, ANCHOR)
    assert (match.type, match.value, match.recent) == ("DATE", "PAST_REF", True)


@pytest.mark.parametrize(
    "text",
    ["It costs just over 40 dollars.", "It was just a test.", "Reply by Friday at the latest.", "He is just as tall."],
)
def test_not_recency(text: str) -> None:
    assert all(match.value != "PRESENT_REF" for match in find_times(text, ANCHOR))


def test_dateline_with_time_of_day_is_one_date() -> None:
    matches = find_times("Apr 4, 2022, 9:30 AM\nThe launch failed.", None)
    assert [(m.text, m.type, m.value) for m in matches] == [("Apr 4, 2022, 9:30 AM", "TIME", "2022-04-04T09:30")]


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
        assert text[match.start : match.end] == match.text
        assert match.start < match.end
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


_WORDS = [
    "in",
    "2021",
    "May",
    "March",
    "on",
    "Monday",
    "last",
    "year",
    "the",
    "1990s",
    "Q3",
    "of",
    "early",
    "mid-",
    "recently",
    "just",
    "3",
    "days",
    "ago",
    "12/12/2012",
    "Feb.",
    ",",
    "2,000",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=30),
    st.one_of(st.none(), st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 10, 1))),
)
def test_values_of_found_dates_parse(words: list[str], anchor: date | None) -> None:
    text = " ".join(words)
    for match in find_times(text, anchor):
        assert text[match.start : match.end] == match.text
        if match.is_point and match.value and not match.value.endswith("_REF"):
            assert parse_date_value(match.value) is not None, match
        if match.type == "DURATION":
            assert match.value and re.fullmatch(r"PT?(?:\d+(?:\.\d+)?|X)[YMWDHS]", match.value), match


HANG_GUARD_SECONDS = 300


def test_long_hostile_input_neither_hangs_nor_breaks_spans() -> None:
    pieces = [
        "1" * 5000,
        "May " * 2000,
        "in 2020 " * 2000,
        "Jan. 1, " * 2000,
        "-" * 5000,
        "the end of " * 1000,
        "12/" * 3000,
        " " * 10000 + "x",
    ]
    # A hang guard, not a speed figure (benchmarks measure speed): catastrophic regex backtracking
    # on such input takes hours, so a bound far above any loaded CI machine still catches it.
    began = time.perf_counter()
    for text in pieces:
        for found in find_times(text, ANCHOR):
            assert text[found.start : found.end] == found.text
    assert time.perf_counter() - began < HANG_GUARD_SECONDS


# --------------------------------------------------------------------------- TIMEX3 types (issue 20)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Talks lasted three months.", "three months", "P3M"),
        ("The plan runs for 90 days.", "90 days", "P90D"),
        ("It fell in thirty minutes.", "thirty minutes", "PT30M"),
        ("the firm's 27-year history", "27-year", "P27Y"),
        ("its lowest level in over a decade", "over a decade", "P10Y"),
        ("They have argued for years.", "years", "PXY"),
        ("a decades-long dispute", "decades-long", "PXY"),
        ("Prices rose over the past several months.", "the past several months", "PXM"),
        ("Stocks fell for the past five trading days.", "the past five trading days", "P5D"),
        ("It took two and a half years.", "two and a half years", "P2.5Y"),
        ("Growth has slowed over the past decade.", "the past decade", "P10Y"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    match = only(text)
    assert (match.text, match.type, match.value, match.relative) == (span, "DURATION", value, False)


def test_a_range_of_lengths_gives_both_ends_the_unit() -> None:
    assert [(m.text, m.value) for m in find_times("The process will take between 60 and 90 days.", ANCHOR)] == [
        ("60", "P60D"),
        ("90 days", "P90D"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value", "quantifier"),
    [
        ("The fair is held every year.", "every year", "P1Y", "EVERY"),
        ("They meet every Monday.", "every Monday", "XXXX-WXX-1", "EVERY"),
        ("tankers at a rate of 15 a year", "a year", "P1Y", None),
        ("The list is published weekly.", "weekly", "P1W", None),
        ("Inspections come each month.", "each month", "P1M", "EACH"),
    ],
)
def test_sets(text: str, span: str, value: str, quantifier: str | None) -> None:
    match = only(text)
    assert (match.text, match.type, match.value, match.quantifier) == (span, "SET", value, quantifier)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Trading stopped at 16:15 UTC.", "16:15 UTC", "2023-06-14T16:15Z"),
        ("The vote is at 7:30 p.m.", "7:30 p.m.", "2023-06-14T19:30"),
        ("The board met on Friday afternoon.", "Friday afternoon", "2023-06-09TAF"),
        ("Shares fell this morning.", "this morning", "2023-06-14TMO"),
        ("Fighting resumed Sunday night.", "Sunday night", "2023-06-11TNI"),
        ("The index rose earlier today.", "earlier today", "2023-06-14"),
    ],
)
def test_times_of_day(text: str, span: str, value: str) -> None:
    match = only(text)
    assert (match.text, match.value) == (span, value)
    assert match.type == ("DATE" if value.count("T") == 0 else "TIME")


@pytest.mark.parametrize(
    ("text", "value", "direction"),
    [
        # A March dateline: "in August" told in the past is last year's August ...
        ("The chief executive told CNN in August that sales were weak.", "2012-08", "past"),
        # ... and a future clause reads forward, even past a participle ("will be completed").
        ("The deal will run through June.", "2013-06", "future"),
        ("The sale should be completed in October.", "2013-10", "future"),
        ("Plans announced in January, in which jobs should be cut, were dropped.", "2013-01", "past"),
        ("The trial is set to begin on Wednesday.", "2013-03-27", "future"),
        ("Markets stay closed until Friday.", "2013-03-29", "future"),
        ("Apple announced on Monday that it had settled.", "2013-03-18", "past"),
        ("Sales rose in the fourth quarter.", "2012-Q4", "past"),
        # A date an act is set for is still to come when it is set, whatever the verb's tense.
        ("Judge Roe set sentencing for June 12.", "2013-06-12", "future"),
        ("The board scheduled the vote for May 2.", "2013-05-02", "future"),
        # ... but a period a record is set for is the period it is of.
        ("The firm set a sales record for the fourth quarter.", "2012-Q4", "most recent"),
        # The month May is no modal verb: the clause around it stays in the past.
        ("Profits in January and May rose.", "2013-01", "past"),
        # A verb after "to" is an infinitive, whatever its form: "shut" and "hit" are no past tense there.
        ("The bank is set to shut 85 branches by June.", "2013-06", "future"),
        ("Sales are likely to hit a record in June.", "2013-06", "future"),
        # A clause opened by "when" with no past verb of its own tells what is to come; with one, what was.
        ("He faces ten years in jail when Judge Roe sentences him in June.", "2013-06", "future"),
        ("He was a boy when his father died in June.", "2012-06", "past"),
        # Who says it, after a comma, tells the telling's tense, not the clause's.
        ("The ferry will resume its sailings to the island on Wednesday, the operator said.", "2013-03-27", "future"),
        (
            "The council will hold a first vote on the harbour plan on May 2, a spokesman told reporters.",
            "2013-05-02",
            "future",
        ),
        ("The ferry ran aground on Wednesday, the coastguard said.", "2013-03-20", "past"),
    ],
)
def test_year_and_direction_follow_the_clause_tense(text: str, value: str, direction: str) -> None:
    anchor = date(2013, 3, 22)  # a Friday
    match = next(m for m in find_times(text, anchor) if m.value == value)
    assert match.relative and direction in match.reasoning, match


def test_clause_tense_prefers_the_nearest_verb_group() -> None:
    from factcheck.nlp.timex import clause_tense

    text = "It is expected that the jet will wear the livery when it arrives on November 11, later than planned."
    start = text.index("November")
    assert clause_tense(text, start, start + 11) == ("future", "will wear")
    text = "The company announced the move on Wednesday."
    start = text.index("Wednesday")
    assert clause_tense(text, start, start + 9)[0] == "past"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The G7 met during the weekend.", "2023-W23-WE"),  # the weekend before a Wednesday dateline
        ("Art of the 19th century", "18XX"),
        ("music of the seventies", "197X"),
        ("Results for fiscal 2022 were strong.", "2022"),
        ("Profit fell in the first half of 2015.", "2015-H1"),
        ("Sales were weak at the beginning of the year.", "2023"),
        ("It was built in mid-2019.", "2019"),
        ("Prices fell in late 2020.", "2020"),
        ("The Dow fell 2% for the week.", "2023-W24"),
        ("The last week was calm.", "2023-W23"),
    ],
)
def test_periods_named_in_words(text: str, value: str) -> None:
    assert value in values(text)


def test_fiscal_and_named_days_are_not_weekdays() -> None:
    assert values("Shoppers crowded stores on Black Friday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe told the Sunday Herald that the plan had failed.",
        "The Sunday Courier reported the sale.",
        "Ruritania's Sunday Ledger printed the letter.",
    ],
)
def test_a_weekday_inside_a_title_is_no_date(text: str) -> None:
    assert values(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday President Sam Ito signed the bill.",
        "The Sunday before, Jane Roe resigned.",
        "The vote was held on the Sunday.",
        "Ministers met the Sunday afternoon.",
    ],
)
def test_a_weekday_beside_a_name_or_after_the_is_still_a_date(text: str) -> None:
    assert values(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales fell over Christmas.", "2022-12-25"),  # past: the one before the June dateline
        ("Stores will open on Thanksgiving.", "2023-11-23"),  # future: the fourth Thursday of this November
        ("A fire broke out last night.", "2023-06-13TNI"),
        ("Markets closed at 6 p.m. local time (1300 GMT).", "2023-06-14T13:00Z"),
        ("280,000 jobs a year have been created.", "P1Y"),
    ],
)
def test_holidays_nights_and_rates(text: str, value: str) -> None:
    assert value in values(text)


def test_christmas_as_a_modifier_is_not_a_date() -> None:
    assert values("Christmas sales were weak.") == []


# --------------------------------------------------------------------------- times the text has just named


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # TimeML and HeidelTime count these from the narrative's reference time (the last date named),
        # not from the dateline.
        ("The board met on March 12. The next day, the chairman resigned.", "The next day", "2023-03-13"),
        ("The board met on March 12. The day before, he had resigned.", "The day before", "2023-03-11"),
        ("The board met on March 12. The previous day, he had resigned.", "The previous day", "2023-03-11"),
        ("The board met on March 12. Two days later, he resigned.", "Two days later", "2023-03-14"),
        ("The board met on March 12. A day earlier, he had resigned.", "A day earlier", "2023-03-11"),
        ("The board met on March 12. He resigned that day.", "that day", "2023-03-12"),
        ("The board met on March 12. He resigned the same day.", "the same day", "2023-03-12"),
        ("The board met on March 12. Later that day, he resigned.", "Later that day", "2023-03-12"),
        ("The board met on March 12. That morning, he resigned.", "That morning", "2023-03-12TMO"),
        ("The board met on March 12. The following week, he resigned.", "The following week", "2023-W11"),
        ("The iPod came in 2001 and one year later the iTunes store.", "one year later", "2002"),
        ("The iPod came in 2001 and the following year the iTunes store.", "the following year", "2002"),
        ("The plane flew in 2011. The year after, it was retired.", "The year after", "2012"),
    ],
)
def test_times_counted_from_the_last_named_date(text: str, span: str, value: str) -> None:
    found = {match.text: match for match in find_times(text, ANCHOR)}
    assert found[span].value == value
    assert found[span].type == ("TIME" if value.endswith("MO") else "DATE")
    assert "last date named" in (found[span].reasoning or "")


def test_time_counted_from_the_dateline_when_nothing_was_named() -> None:
    match = only("Two days later, the chairman resigned.")
    assert match.value == "2023-06-16"
    assert "dateline" in (match.reasoning or "")


def test_reference_must_be_fine_enough() -> None:
    # "that day" after a year alone cannot count from it: the last full date (here the dateline) serves.
    text = "On June 2 the vote was held. Sales in 2019 were low. That day, shares fell."
    assert {match.text: match.value for match in find_times(text, ANCHOR)}["That day"] == "2023-06-02"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales in January fell 5% from the same month a year ago.", "the same month a year ago", "2022-01"),
        ("Sales in January fell 5% from the same month last year.", "the same month last year", "2022-01"),
        (
            "Profit in the first quarter rose from the same period a year earlier.",
            "the same period a year earlier",
            "2022-Q1",
        ),
    ],
)
def test_same_period_a_year_back(text: str, span: str, value: str) -> None:
    found = {match.text: match.value for match in find_times(text, ANCHOR)}
    assert found[span] == value


@pytest.mark.parametrize(
    "text",
    [
        "Aides had following day-long talks.",  # no article: not a time
        "He said that year-end figures were fine.",
        "Talks resume next week.",  # counted from the dateline, not from a named date
    ],
)
def test_not_counted_from_a_named_date(text: str) -> None:
    assert all(
        "last date named" not in (match.reasoning or "") for match in find_times("On May 2 it met. " + text, ANCHOR)
    )


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In March, the company cut jobs.", "March", "2023-03"),
        ("Since December the firm has received loans.", "December", "2022-12"),
        ("The strike ended mid-March.", "mid-March", "2023-03"),
        ("Mid-May saw a rally.", "Mid-May", "2023-05"),
        ("In early March, prices fell.", "early March", "2023-03"),
        ("In July last year, the firms signed a deal.", "July last year", "2022-07"),
        ("The deal ends in March next year.", "March next year", "2024-03"),
    ],
)
def test_month_at_sentence_start_or_with_a_modifier(text: str, span: str, value: str) -> None:
    found = {match.text: match.value for match in find_times(text, ANCHOR)}
    assert found[span] == value


def test_month_alone_needs_a_preposition_or_a_modifier() -> None:
    assert find_times("March organisers said so.", ANCHOR) == []


# --------------------------------------------------------------------------- times of day on a named day


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Written together, a time and its day are one expression (TIDES, MEANTIME: "12:00 UTC Monday").
        ("The deadline is midnight Friday.", "midnight Friday", "2023-06-09T00:00"),
        ("Trading resumed at 12:00 UTC Monday.", "12:00 UTC Monday", "2023-06-12T12:00Z"),
        # With "on", "at" or a comma between, they stay two, and the time takes that day's date.
        ("The shares traded at 3 pm on Friday.", "3 pm", "2023-06-09T15:00"),
        ("The vote took place on Friday at 3 p.m.", "3 p.m.", "2023-06-09T15:00"),
        ("He spoke at 16:15 UTC, June 1, in New York.", "16:15 UTC", "2023-06-01T16:15Z"),
        ("Officials met on the evening of June 5.", "the evening of June 5", "2023-06-05TEV"),
        ("The attack came late Monday.", "late Monday", "2023-06-12"),
        ("The crash happened early Sunday morning.", "early Sunday morning", "2023-06-11TMO"),
    ],
)
def test_time_of_day_on_the_day_named_beside_it(text: str, span: str, value: str) -> None:
    found = {match.text: match for match in find_times(text, ANCHOR)}
    assert found[span].value == value


def test_time_of_day_alone_is_the_datelines() -> None:
    assert only("Police arrived at 11 pm local time.").value == "2023-06-14T23:00"


def test_weekday_belongs_to_its_date() -> None:
    match = only("The merger was completed on Thursday, June 1.")
    assert (match.text, match.value) == ("Thursday, June 1", "2023-06-01")


def test_the_day_of_a_market_report_is_the_day_it_named() -> None:
    # "saw a turbulent day yesterday ... to end the day": the day is yesterday, not the dateline.
    text = "Stocks fell yesterday, although they recovered somewhat to end the day with a smaller loss."
    assert {match.text: match.value for match in find_times(text, ANCHOR)}["the day"] == "2023-06-13"


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        (
            "Stocks lost half their value over the past year and a half.",
            "the past year and a half",
            "DURATION",
            "P1.5Y",
        ),
        ("It took a year and a half to build.", "a year and a half", "DURATION", "P1.5Y"),
        ("He has run the firm for a quarter of a century.", "a quarter of a century", "DURATION", "P25Y"),
        ("The plan covers half a decade.", "half a decade", "DURATION", "P5Y"),
        ("The firm was founded half a century ago.", "half a century ago", "DATE", "1973"),
        ("The plan gives the firm one hundred days to find a buyer.", "one hundred days", "DURATION", "P100D"),
        ("Profit fell from the prior year.", "the prior year", "DATE", "2022"),
    ],
)
def test_lengths_in_words(text: str, span: str, kind: str, value: str) -> None:
    found = {match.text: match for match in find_times(text, ANCHOR)}
    assert (found[span].type, found[span].value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The deal is due by year-end.", "year-end", "2023"),
        ("Shares have risen since year-end.", "year-end", "2022"),
        ("Stocks rallied this past week.", "this past week", "2023-W23"),
        ("The first jet is due in the second half of next year.", "the second half of next year", "2024-H2"),
        ("As of Friday, 300 people had died.", "Friday", "2023-06-09"),
        ("Trading begins at 2 p.m. ET.", "2 p.m. ET", "2023-06-14T14:00"),
        ("The show aired at 8 p.m. Eastern time on Sunday.", "8 p.m.", "2023-06-11T20:00"),
    ],
)
def test_period_words_in_news(text: str, span: str, value: str) -> None:
    found = {match.text: match.value for match in find_times(text, ANCHOR)}
    assert found[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # TimeML leaves the preposition out of the extent.
        ("The company had cut jobs in the past.", "the past", "PAST_REF"),
        ("Officials will decide in the coming weeks.", "the coming weeks", "FUTURE_REF"),
        ("Rates will stay low in the near future.", "the near future", "FUTURE_REF"),
        ("In the short term, prices will rise.", "the short term", "FUTURE_REF"),
    ],
)
def test_vague_references_without_their_preposition(text: str, span: str, value: str) -> None:
    assert (only(text).text, only(text).value) == (span, value)


def test_a_season_every_year_is_a_set() -> None:
    match = only("The programme runs each summer.")
    assert (match.text, match.type, match.value, match.quantifier) == ("each summer", "SET", "XXXX-SU", "EACH")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was director of player personnel (1999-2003).", [("1999", "1999"), ("2003", "2003")]),
        ("The ship sent a message at 1100 hours.", [("1100 hours", "2023-06-14T11:00")]),
        ("The shootings happened shortly after 8:30 p.m.", [("8:30 p.m.", "2023-06-14T20:30")]),
        ("Christmas shoppers returned to the city.", []),
        ("He wants a raise for a second Hunger Games.", []),
        ("She won a second term.", []),
        ("He paused for a second, then spoke.", [("a second", "PT1S")]),
        ("Almost a quarter of those asked use it.", []),  # a fraction
        ("Prices were higher this time last year.", [("this time last year", "2022-06-14")]),
        ("The deal could be signed in the days ahead.", [("the days ahead", "FUTURE_REF")]),
        ("The strike is the first since the 1980s.", [("the 1980s", "198X")]),
        ("The talks were held between 2 and 4 March.", [("2", "2023-03-02"), ("4 March", "2023-03-04")]),
        ("The talks ran March 2-4.", [("March 2", "2023-03-02"), ("4", "2023-03-04")]),
        ("Centre Jamie Noon believes it.", []),  # a name, not midday
        ("In the spring, prices rose.", [("the spring", "2023-SP")]),
        (
            "The board met on June 2. At 3 pm, the chairman spoke.",
            [("June 2", "2023-06-02"), ("3 pm", "2023-06-02T15:00")],
        ),
    ],
)
def test_news_wording_read_right(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(match.text, match.value) for match in find_times(text, ANCHOR)] == expected
