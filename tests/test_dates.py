"""One interval per TIMEX value, read the same by the recogniser, the date checks and the ledger."""

from datetime import date

import pytest

from factcheck.checks.temporal import date_bounds, dates_agree
from factcheck.dates import interval_of, values_agree, year_nearest
from factcheck.nlp.timex import parse_date_value


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2020", (date(2020, 1, 1), date(2020, 12, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2020-10-05", (date(2020, 10, 5), date(2020, 10, 5))),
        ("2020-Q4", (date(2020, 10, 1), date(2020, 12, 31))),
        ("2020-H2", (date(2020, 7, 1), date(2020, 12, 31))),
        # ISO weeks: week 1 of 2021 starts on Monday 4 January; 2020 has a week 53.
        ("2021-W01", (date(2021, 1, 4), date(2021, 1, 10))),
        ("2020-W53", (date(2020, 12, 28), date(2021, 1, 3))),
        ("2008-W42-WE", (date(2008, 10, 18), date(2008, 10, 19))),
        # Winter 2023 is either the one ending in February 2023 or the one starting in December.
        ("2023-WI", (date(2022, 12, 1), date(2024, 2, 29))),
        ("2023-FA", (date(2023, 9, 1), date(2023, 11, 30))),
        ("2023-AU", (date(2023, 9, 1), date(2023, 11, 30))),
        ("199X", (date(1990, 1, 1), date(1999, 12, 31))),
        ("2010s", (date(2010, 1, 1), date(2019, 12, 31))),
        ("19XX", (date(1900, 1, 1), date(1999, 12, 31))),
        # A time of day covers its day.
        ("2009-06-01T16:15Z", (date(2009, 6, 1), date(2009, 6, 1))),
        ("2008-01-09TMO", (date(2008, 1, 9), date(2008, 1, 9))),
    ],
)
def test_interval_of(value, interval):
    assert interval_of(value) == interval
    # The recogniser's and the temporal check's names for it are the same function's answer.
    assert parse_date_value(value) == interval
    assert date_bounds(value) == interval


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "P3M",
        "PXY",
        "XXXX-10",
        "2020-13",
        "2021-02-30",
        "2021-W53",
        "soon",
    ],
)
def test_values_without_an_interval(value):
    assert interval_of(value) is None
    assert date_bounds(value) is None


def test_agreement_is_interval_overlap():
    assert values_agree("2020", "2020-10") and dates_agree("2020", "2020-10")
    assert values_agree("2023-WI", "2023-01-15") and values_agree("2023-WI", "2023-12-20")
    assert not values_agree("2023-WI", "2022-11") and not values_agree("2023-WI", "2024-03")
    assert values_agree("2021-W01", "2021-01-10") and not values_agree("2021-W01", "2021-01-11")
    assert not values_agree("2019", "2020") and not dates_agree("2019", "2020")
    assert values_agree("PRESENT_REF", "2019") and values_agree("P3M", "2019")


@pytest.mark.parametrize(
    "value",
    [
        "2020",
        "2024-02",
        "2020-10-05",
        "2020-Q4",
        "2021-W01",
        "2020-W53",
        "2023-WI",
        "2023-SU",
        "2010s",
        "199X",
        "PRESENT_REF",
        "P3M",
        None,
    ],
)
def test_the_ledger_reads_values_as_the_checks_do(value):
    from factcheck.ledger import time_interval

    assert time_interval(value) == interval_of(value) == date_bounds(value)


@pytest.mark.parametrize("value", ["2020", "2024-02", "2020-10-05"])
def test_ledger_partial_dates_cover_the_same_days(value):
    from factcheck.ledger import PartialDate

    assert PartialDate.parse(value).interval() == interval_of(value)


@pytest.mark.parametrize(
    ("value", "other", "read"),
    [
        ("2021-11-09", "2022-11-09", "2022-11-09"),  # a day just after the anchor read a year back: that very day
        ("2021-11-12", "2022-11-09", "2022-11-12"),  # another day stays another day, in the other's year
        ("2022-01-02", "2022-12-30", "2023-01-02"),  # across the new year: the nearer 2 January
        ("2022-12-30", "2023-01-02", "2022-12-30"),
        ("2021-11", "2022-11-09", "2022-11"),  # a month alone
        ("2021-02-29", "2022-03-01", "2021-02-29"),  # no such day in the years near: as it was
        ("2021-11-09", "PRESENT_REF", "2021-11-09"),
    ],
)
def test_year_nearest_compares_a_month_and_day_only(value, other, read):
    assert year_nearest(value, other) == read
