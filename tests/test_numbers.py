"""One number-word table (nlp/numbers.py) read by quantities, timex and the conflicts benchmark."""

from datetime import date

import pytest

from factcheck.nlp.numbers import CARDINALS, ORDINALS
from factcheck.nlp.quantities import find_quantities
from factcheck.nlp.timex import find_times


@pytest.mark.parametrize("word", [word for word, value in CARDINALS.items() if value >= 2])
def test_quantities_read_every_cardinal(word):
    assert [quantity.value for quantity in find_quantities(f"They counted {word} ships.")] == [CARDINALS[word]]


@pytest.mark.parametrize("word", ["two", "nineteen", "thirty", "fifty"])
def test_timex_counts_with_the_same_words(word):
    assert [time.value for time in find_times(f"The talks lasted {word} days.", date(2020, 5, 31))] == [
        f"P{CARDINALS[word]}D"
    ]


@pytest.mark.parametrize("word", ["ninth", "nineteenth", "twentieth"])
def test_timex_reads_ordinal_centuries_from_the_table(word):
    [time] = find_times(f"A tradition of the {word} century.", date(2020, 5, 31))
    assert time.value == f"{ORDINALS[word] - 1:02d}XX"
