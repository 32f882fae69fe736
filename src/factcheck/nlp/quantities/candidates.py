"""Which numbers are quantities, and of what: exclusions, units, ranges and fractions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.nlp.numbers import CARDINALS, UNITS
from factcheck.nlp.quantities.intervals import Candidate, comparator_before, comparator_interval
from factcheck.nlp.quantities.lexicon import (
    AND_A_HALF,
    BETWEEN_BEFORE,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    CURRENCY_PREFIX,
    CURRENCY_WORDS,
    DENOMINATORS,
    FRACTION,
    GLUED_LETTERS,
    HALF,
    ID_BEFORE,
    MEASURE_AFTER,
    MEASURES,
    MULTIPLIER_AFTER,
    MULTIPLIER_SUFFIX,
    NAME_BEFORE,
    ORDINAL_SUFFIX,
    OUT_OF,
    PERCENT_AFTER,
    POSTFIX,
    SUM_AFTER,
    TIME_AFTER,
)
from factcheck.nlp.quantities.reading import WrittenNumber
from factcheck.words import words_in

_NOT_NAMES = frozenset(
    "about around nearly almost over under some just only all and or but than to of in by from".split()
)


def _excluded_digits(text: str, number: WrittenNumber, in_range: bool = False) -> bool:
    """Identifiers, ordinals, times of day, versions: digits that are not quantities."""
    before = text[max(0, number.start - 16) : number.start]
    after = text[number.end : number.end + 12]
    if ID_BEFORE.search(before) and not CURRENCY_BEFORE.search(before):
        return True
    name = NAME_BEFORE.search(before)
    if name and name.group().strip().casefold() not in _NOT_NAMES and not SUM_AFTER.match(text, number.end):
        return True
    if re.search(r"\d\s?[:/]\s?$", before) or re.match(r"/\d", after):
        return True
    if not in_range and (re.search(r"\d\s?[\-–—]\s?$", before) or re.match(r"\s?[\-–—]\s?\d", after)):
        return True  # "3-1", "555-1234": scores and codes, unless read as a range
    if TIME_AFTER.match(after):
        return True
    glued = GLUED_LETTERS.match(after)
    if glued:
        letters = glued.group()
        if ORDINAL_SUFFIX.fullmatch(letters) and letters.casefold() != "s":
            return True
        if letters.casefold() == "s":
            return True  # "1990s", "747s": decades and model names
        known = (
            letters.casefold() in MULTIPLIER_SUFFIX
            or MEASURE_AFTER.match(after)
            or re.match(r"pct\b|pp\b", after, re.IGNORECASE)
        )
        if not known:
            return True
    return False


# Where a sentence starts: a capital after one of these (or at the start of a line) is no sign of a name.
_SENTENCE_OPENERS = frozenset(".!?:;\"'“‘([—–-•*")
_TITLE_CASE_SHARE = 0.6  # a line with this share of its words capitalised is a headline in title case


def _word_in_a_name(text: str, number: WrittenNumber) -> bool:
    """Whether a number written in words is part of a name ("the Six Nations", "Channel Four", "Formula One").

    English writes a count in words in lower case except where a sentence starts or a headline capitalises
    every word, so a capitalised number word inside a sentence of prose names something; it counts nothing.
    """
    if not text[number.start].isupper():
        return False
    line_start = text.rfind("\n", 0, number.start) + 1
    before = text[line_start : number.start].rstrip()
    if not before or before[-1] in _SENTENCE_OPENERS:
        return False
    line_end = text.find("\n", number.end)
    words = words_in(text[line_start : line_end if line_end >= 0 else len(text)])
    return sum(word[0].isupper() for word in words) < _TITLE_CASE_SHARE * len(words)


@dataclass
class _Measured:
    """A number with its currency, multiplier and unit, before comparators are read."""

    start: int
    end: int
    number: WrittenNumber  # value and steps already scaled by the multiplier
    unit: str
    scale: float  # the multiplier applied (1 when none)


def _measured(text: str, number: WrittenNumber, in_range: bool = False) -> _Measured | None:
    start, end = number.start, number.end
    value = number.value
    currency: str | None = None
    prefix = CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    if prefix:
        symbol = "".join(prefix.group().split()).casefold()
        currency = CURRENCY_PREFIX.get(symbol)
        start = start - len(prefix.group())
    if not number.word and currency is None and _excluded_digits(text, number, in_range):
        return None
    if number.word and _word_in_a_name(text, number):
        return None
    step, significant = number.step, number.significant_step
    half = AND_A_HALF.match(text, end)
    if half:
        value += 0.5
        step = significant = 0.5
        end = half.end()
    # Multiplier ("1.5 billion", "$3m", "£1bn"); word numbers carry their own unless "and a half" cut them.
    multiplier_match = MULTIPLIER_AFTER.match(text, end) if not number.word or half else None
    if multiplier_match and number.word and len(multiplier_match["mult"]) < 5:
        multiplier_match = None
    scale = 1.0
    if multiplier_match:
        suffix = multiplier_match["mult"].casefold()
        glued = not multiplier_match["space"]
        usable = True
        if suffix in {"m", "b", "k"}:
            if currency is None and glued:
                return None  # "100m", "5k": metres or million, a run or thousands; not guessed
            usable = glued
        if usable:
            scale = MULTIPLIER_SUFFIX[suffix]
            end = multiplier_match.end()
    number = WrittenNumber(
        number.start,
        number.end,
        value * scale,
        step * scale,
        significant * scale,
        number.word,
        number.fraction,
        number.bare_one and not half,
    )
    unit = "count"
    percent = PERCENT_AFTER.match(text, end)
    if currency is None and percent:
        unit = "percentage-points" if percent["points"] else "percent"
        end = percent.end()
    else:
        word_currency = CURRENCY_AFTER.match(text, end) if currency is None else None
        if word_currency:
            currency = CURRENCY_WORDS[" ".join(word_currency["cur"].casefold().split())]
            end = word_currency.end()
        if currency is None:
            measure = MEASURE_AFTER.match(text, end)
            if measure and _measure_ok(text, end, measure):
                unit = MEASURES[" ".join(measure["unit"].casefold().split())]
                end = measure.end()
                if unit == "lb" and scale > 1 and not _OF_AFTER.match(text, end):
                    currency = "GBP"  # "a fee of 38 million pounds": sterling; "2 million pounds of beef" weighs
    if currency is not None:
        unit = f"money:{currency}"
    return _Measured(start, end, number, unit, scale)


# What follows a weight in pounds: "2 million pounds of beef". A sum in pounds is told with a scale word and nothing
# weighed after it ("a fee of 38 million pounds", "a 2 billion pound deal").
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def number_candidate(text: str, number: WrittenNumber) -> Candidate | None:
    measured = _measured(text, number)
    if measured is None:
        return None
    return _finish(text, measured.start, measured.end, measured.number, measured.number.value, measured.unit)


_RANGE_JOIN = re.compile(r"\s{0,3}(?P<join>-|–|—|to|and)\s{0,3}", re.IGNORECASE)


def range_candidates(text: str, numbers: list[WrittenNumber]) -> list[Candidate]:
    """ "5-10%", "5 to 10 million", "between $2m and $3m": one quantity spanning both ends."""
    by_start = {number.start: number for number in numbers}
    found: list[Candidate] = []
    for number in numbers:
        first = _measured(text, number, in_range=True)
        if first is None:
            continue
        join = _RANGE_JOIN.match(text, first.end)
        if join is None:
            continue
        between = BETWEEN_BEFORE.search(text[max(0, first.start - 12) : first.start])
        if join["join"].casefold() == "and" and not (between and between.group().casefold().startswith("between")):
            continue
        second_start = join.end()
        prefix = re.match(r"(?:US|A|C|HK|NZ|S)?[$¥€£₹₩₽]\s?", text[second_start : second_start + 5])
        if prefix:
            second_start += prefix.end()
        other = by_start.get(second_start)
        if other is None:
            continue
        second = _measured(text, other, in_range=True)
        if second is None:
            continue
        low, high = first.number.value, second.number.value
        if first.unit == "count" and first.scale == 1.0 and (second.unit != "count" or second.scale != 1.0):
            low *= second.scale  # "5 to 10 million": the multiplier and unit are shared
            unit = second.unit
        elif first.unit == second.unit:
            unit = second.unit
        else:
            continue
        if not 0 <= low < high:
            continue
        start = first.start - (len(between.group()) if between else 0)
        midpoint = (low + high) / 2
        kind, comparator_start = comparator_before(text, start)
        if kind is not None and kind not in {"approx", "near"}:
            continue  # "more than 5-10" is not a range we can read
        if kind is not None:
            start = comparator_start
        found.append(
            Candidate(start, second.end, number.start, other.end, midpoint, unit, "approx", low, high, False, False)
        )
    return found


def _measure_ok(text: str, end: int, measure: re.Match[str]) -> bool:
    unit = measure["unit"]
    # Short lower-case symbols must touch the number or follow a space, not start a word.
    if unit.casefold() in {"in", "ft", "lb", "mg", "g"} and not re.match(
        r"\s?" + re.escape(unit) + r"\b", text[end : end + 6]
    ):
        return False
    if unit.casefold() == "in":
        return False  # "5 in 2024": a preposition far more often than inches
    return True


def _finish(text: str, start: int, end: int, number: WrittenNumber, value: float, unit: str) -> Candidate | None:
    kind, comparator_start = comparator_before(text, start)
    postfix = POSTFIX.match(text, end)
    if postfix is None and unit == "count":
        # "30 boats or more": the counted noun may stand between number and postfix.
        noun = re.match(r"\s{1,3}[a-z]+(?=\s{1,3}or\s)", text[end : end + 40])
        if noun:
            postfix = POSTFIX.match(text, end + noun.end())
            if postfix is not None and not postfix["post"]:
                postfix = None
    if postfix:
        post = " ".join(postfix["post"].casefold().split()) if postfix["post"] else "plus"
        post_kind = {"or more": "ge", "plus": "ge", "or so": "approx", "or fewer": "le", "or less": "le"}[post]
        if kind is None or post_kind == "approx":
            kind = post_kind if kind is None else kind
            end = postfix.end()
    if number.bare_one and kind is None and unit == "count":
        return None
    if number.word and unit == "count" and kind is None and number.value == 0:
        return None
    if unit == "count" and not number.word and _looks_like_year(text, number):
        return None
    if kind is not None:
        start = comparator_start
    comparator, low, high, low_open, high_open = comparator_interval(kind or "eq", value, unit, number)
    return Candidate(start, end, number.start, number.end, value, unit, comparator, low, high, low_open, high_open)


def _looks_like_year(text: str, number: WrittenNumber) -> bool:
    raw = text[number.start : number.end]
    if not re.fullmatch(r"(?:19|20)\d\d|2100", raw):
        return False
    following = re.match(r"\s{1,3}([A-Za-z]+)", text[number.end : number.end + 30])
    return following is None or not following.group(1).islower()


def fraction_candidates(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for match in FRACTION.finditer(text):
        numerator_word = match["num"].casefold()
        denominator_word = match["den"].casefold()
        numerator = 1 if numerator_word in {"a", "an", "one"} else UNITS[numerator_word]
        singular = not denominator_word.endswith("s") or denominator_word == "halves"
        if numerator == 1 and not singular or numerator > 1 and singular or numerator >= DENOMINATORS[denominator_word]:
            continue  # "one thirds", "two third": not fractions
        after = text[match.end() : match.end() + 12]
        hyphenated = "-" in match["sep"]
        if numerator == 1 and not hyphenated and not re.match(r"\s{1,3}(?:of|the)\b", after, re.IGNORECASE):
            if not (numerator_word == "a" and denominator_word == "half"):
                continue  # "a third time", "a quarter century": ordinals, not shares
        if re.match(r"\s{0,3}-?\s{0,3}(?:century|centuries|final|finals)\b", after, re.IGNORECASE):
            continue
        value = numerator / DENOMINATORS[denominator_word]
        number = WrittenNumber(match.start(), match.end(), value, 0.0, 0.0, word=True, fraction=True)
        candidate = _finish(text, match.start(), match.end(), number, value, "fraction")
        if candidate is not None:
            found.append(candidate)
    for match in HALF.finditer(text):
        number = WrittenNumber(match.start(), match.end(), 0.5, 0.0, 0.0, word=True, fraction=True)
        candidate = _finish(text, match.start(), match.end(), number, 0.5, "fraction")
        if candidate is not None:
            found.append(candidate)
    for match in OUT_OF.finditer(text):
        x = _parse_small(match["x"])
        y = _parse_small(match["y"])
        if x is None or y is None or not 0 < x < y or re.fullmatch(r"(?:19|20)\d\d", match["y"]):
            continue
        value = x / y
        number = WrittenNumber(match.start(), match.end(), value, 0.0, 0.0, word=True, fraction=True)
        candidate = _finish(text, match.start(), match.end(), number, value, "fraction")
        if candidate is not None:
            found.append(candidate)
    return found


def _parse_small(token: str) -> float | None:
    token = " ".join(token.casefold().split())
    if token.isdigit():
        return float(token)
    if token in {"hundred", "a hundred"}:
        return 100.0
    if token == "a thousand":
        return 1000.0
    return float(CARDINALS[token]) if token in CARDINALS else None
