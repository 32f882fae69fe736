"""Quantities in plain text: numbers with their unit, comparator and the interval they allow.

Regex-based and spaCy-free. Patterns are compiled once and context is read from fixed
windows around each number, so the scan is linear in the text length.

How the interval of a quantity is chosen (``low``/``high`` in the quantity's own unit):

* A plain number allows the rounding interval of its written precision: "60%" is
  [59.5, 60.5], "1.2 million" is [1.15e6, 1.25e6], "5,000" is [4999.5, 5000.5], "twelve"
  is [11.5, 12.5]. A fraction in words is conventionally loose: ±0.025 ("two-thirds" is
  [0.642, 0.692]).
* "about/around/roughly/some/an estimated X" allows ± half the last *significant* digit
  (trailing zeros of an integer are not significant), and at least ±5% of X: "about 7" is
  [6.5, 7.5], "about 5,000" is [4500, 5500], "about 250" is [237.5, 262.5]. Fractions ±0.05.
* "nearly/almost X" is [0.9·X, X); "just under X" the same; "just over X" is (X, 1.1·X].
* "more than/over/above X" is (X, top], "at least X" is [X, top], where top is 100 for a
  percentage below 100, 1 for a fraction and infinity otherwise; "less than/under X" is
  [0, X), "up to/at most/as many as X" is [0, X].
* A range ("between 5 and 10", "5-10%", "5 to 10 million") is [low, high] with value the
  midpoint and comparator ``approx``.

Units: ``percent``, ``percentage-points``, ``fraction`` (value 0..1), ``count``,
``money:<ISO code>`` ("$" is USD, "¥" is JPY, "£" GBP, "€" EUR), or a measure unit
("km", "kg", "tonnes", "years", ...). Signs are not read: "-5%" is 5.

Not quantities: years and dates (anything ``find_times`` reports), ordinals ("third",
"3rd"), identifiers ("F-35", "QZS-6", "COVID-19", "G7", "No. 5", "page 12"), times of
day, phone numbers, list numbering at the start of a line, and "one" on its own ("one of
the", "no one"), which is a pronoun far more often than a count.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck.nlp.numbers import CARDINALS, ORDINALS, SCALES, TENS, UNITS
from factcheck.nlp.timex import find_times

__all__ = ["QuantityMatch", "find_quantities", "share_interval", "intervals_overlap"]


@dataclass(frozen=True)
class QuantityMatch:
    """One quantity: the whole phrase (comparator to unit) and the number within it."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    comparator: str  # eq | gt | ge | lt | le | approx
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    number_start: int
    number_end: int


# --------------------------------------------------------------------------- lexicons

# "two-thirds", "three quarters": the ordinals from third on name a fraction's denominator.
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "quarter": 4,
    "quarters": 4,
    **{form: value for word, value in ORDINALS.items() if 3 <= value <= 10 for form in (word, word + "s")},
}
_MULTIPLIER_SUFFIX = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
_CURRENCY_PREFIX = {
    "us$": "USD",
    "u.s.$": "USD",
    "$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "cn¥": "CNY",
    "₹": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "inr": "INR",
    "chf": "CHF",
    "aud": "AUD",
    "cad": "CAD",
}
_CURRENCY_WORDS = {
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "yen": "JPY",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupees": "INR",
    "rupee": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "francs": "CHF",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cny": "CNY",
}
# Measure units: spoken or written form -> canonical unit. Longest forms are tried first.
_MEASURES = {
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "sq km": "km2",
    "km2": "km2",
    "km²": "km2",
    "square miles": "sq mi",
    "square mile": "sq mi",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "km/h": "km/h",
    "kph": "km/h",
    "miles per hour": "mph",
    "mph": "mph",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "miles": "miles",
    "mile": "miles",
    "nautical miles": "nmi",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    "inch": "in",
    "kilograms": "kg",
    "kilogrammes": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "kg": "kg",
    "grams": "g",
    "gram": "g",
    "milligrams": "mg",
    "mg": "mg",
    "metric tons": "tonnes",
    "metric tonnes": "tonnes",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tons",
    "ton": "tons",
    "pounds": "lb",
    "pound": "lb",
    "lbs": "lb",
    "lb": "lb",
    "hectares": "ha",
    "hectare": "ha",
    "acres": "acres",
    "acre": "acres",
    "litres": "l",
    "liters": "l",
    "litre": "l",
    "liter": "l",
    "gallons": "gal",
    "gallon": "gal",
    "barrels": "barrels",
    "barrel": "barrels",
    "years": "years",
    "year": "years",
    "months": "months",
    "month": "months",
    "weeks": "weeks",
    "week": "weeks",
    "days": "days",
    "day": "days",
    "hours": "hours",
    "hour": "hours",
    "minutes": "minutes",
    "minute": "minutes",
    "seconds": "seconds",
    "decades": "decades",
    "decade": "decades",
    "centuries": "centuries",
    "degrees celsius": "°C",
    "°c": "°C",
    "degrees fahrenheit": "°F",
    "°f": "°F",
    "degrees": "degrees",
    "megawatts": "MW",
    "gigawatts": "GW",
    "kilowatts": "kW",
    "mw": "MW",
    "gw": "GW",
    "kw": "kW",
    "mwh": "MWh",
    "gwh": "GWh",
    "kwh": "kWh",
    "twh": "TWh",
}
_COMPARATORS = {
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "exceeding": "gt",
    "in excess of": "gt",
    "greater than": "gt",
    "higher than": "gt",
    "upwards of": "gt",
    "just over": "gt+",
    "just above": "gt+",
    "slightly more than": "gt+",
    "well over": "gt",
    "well above": "gt",
    "far more than": "gt",
    "at least": "ge",
    "no fewer than": "ge",
    "no less than": "ge",
    "not less than": "ge",
    "a minimum of": "ge",
    "a minimum": "ge",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "below": "lt",
    "lower than": "lt",
    "just under": "lt-",
    "just below": "lt-",
    "slightly less than": "lt-",
    "well under": "lt",
    "well below": "lt",
    "up to": "le",
    "at most": "le",
    "as many as": "le",
    "as much as": "le",
    "no more than": "le",
    "not more than": "le",
    "a maximum of": "le",
    "as high as": "le",
    "nearly": "near",
    "almost": "near",
    "close to": "near",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "approx.": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "circa": "approx",
    "c.": "approx",
    "~": "approx",
    "or so": "approx",
    "an average of": "approx",
}
_ID_HEADS = (
    r"page|pages|pp?|section|sec|chapter|ch|article|art|paragraph|para|clause|figure|fig|table"
    r"|volume|vol|no|nos|number|version|ver|v|item|line|step|phase|stage|part|episode|flight"
    r"|route|highway|resolution|room|gate|platform|level|tier|grade|category|type|model|mark|mk"
    r"|block|batch|lot|docket|bill|rule|amendment|exhibit|appendix|annex|row|column|seat|apt"
    r"|suite|floor|ward|district|precinct|channel|track|lane|exit|unit|serial|id|code|ref"
)


def _alternation(words: object) -> str:
    forms = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(form).replace(r"\ ", r"\s{1,3}") for form in forms)


_NUMBER_WORD = _alternation([*UNITS, *TENS, *SCALES, "dozen"])
_DIGITS = re.compile(r"(?<![\w.,/:#§])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|,\d{3}|\.\d)")
_WORDS = re.compile(
    rf"(?:\b(?P<a>an?)\s{{1,3}}(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"\b(?:{_NUMBER_WORD})(?:(?:\s{{1,3}}and\s{{1,3}}|[\s\-]{{1,3}})(?:{_NUMBER_WORD}))*\b",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\b(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten)(?P<sep>[\s\-]{1,3})"
    rf"(?P<den>{_alternation(_DENOMINATORS)})\b",
    re.IGNORECASE,
)
_HALF = re.compile(r"\bhalf\b(?=\s{1,3}(?:of|the|its|their|his|her|our|all|a|an)\b)", re.IGNORECASE)
_OUT_OF = re.compile(
    r"\b(?P<x>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s{1,3}(?:in|out\s{1,3}of)\s{1,3}"
    r"(?P<y>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a\s{1,3}hundred|a\s{1,3}thousand)\b(?![,.]\d)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.\-])\d{3,4}[\s.\-]\d{3,4}(?!\d)")
_LIST_NUMBER = re.compile(r"(?m)^[ \t]*(?:\(?\d{1,3}[.)](?=\s)|\d{1,3}(?:\.\d{1,3}){1,4}\.?(?=[ \t]+[A-Z]))")
# A parenthesised citation with page numbers: "(Author, 2019: 12-14, 20)".
_CITATION = re.compile(r"\((?=[^()]{0,400}?\b(?:1[5-9]|20)\d\d[a-z]?\s?:\s?\d)[^()]{0,400}\)")
# A capitalised name right before a number makes it part of a name: "Satellite 6", "Apollo 11".
_NAME_BEFORE = re.compile(r"(?<![.!?:;\n]\s)(?<![.!?:;\n])(?<=[\w,)]\s)[A-Z][a-z]+\s$")

_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|CN)?[$¥]|[€£₹₩₽]|\b(?:USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|AUD|CAD)\s?)\s?$"
)
_COMPARATOR_BEFORE = re.compile(rf"(?:^|(?<=[^\w]))(?P<cmp>{_alternation(_COMPARATORS)})\s{{0,3}}$", re.IGNORECASE)
_ID_BEFORE = re.compile(rf"(?:\b(?:{_ID_HEADS})\.?\s{{0,3}}|[#№§]\s?|[A-Za-z]\s?-\s?|[A-Za-z])$", re.IGNORECASE)
_MULTIPLIER_AFTER = re.compile(
    r"(?P<space>\s{0,3})(?P<mult>thousand|million|billion|trillion|mln|mn|bn|trn|tn|[mbk])(?![A-Za-z])", re.IGNORECASE
)
_AND_A_HALF = re.compile(r"\s{1,3}and\s{1,3}a\s{1,3}half\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(
    r"(?P<space>\s{0,3})(?:(?P<points>percentage[\s\-]points?|pp\b)|(?P<pct>%|per\s?cent\b|pct\b))", re.IGNORECASE
)
_CURRENCY_AFTER = re.compile(rf"\s{{1,3}}(?P<cur>{_alternation(_CURRENCY_WORDS)})\b", re.IGNORECASE)
_MEASURE_AFTER = re.compile(
    rf"(?:\s{{0,3}}-?\s{{0,3}})(?P<unit>{_alternation(_MEASURES)})(?![A-Za-z0-9²])", re.IGNORECASE
)
_POSTFIX = re.compile(
    r"\s{1,3}(?P<post>or\s{1,3}more|or\s{1,3}so|or\s{1,3}fewer|or\s{1,3}less)\b|(?P<plus>\s?-?\s?plus\b|\+(?!\d))",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s{1,3}$", re.IGNORECASE)
_TIME_AFTER = re.compile(r"(?::\d|\s?[ap]\.?m\.?(?![A-Za-z])|\s?o['\u2019]clock)", re.IGNORECASE)
_GLUED_LETTERS = re.compile(r"[A-Za-z]+")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|s)\b", re.IGNORECASE)


# --------------------------------------------------------------------------- numbers


@dataclass
class _Number:
    start: int
    end: int
    value: float
    step: float  # the rounding step of the written precision
    significant_step: float  # the step of the last significant digit
    word: bool = False
    fraction: bool = False
    bare_one: bool = False


def _digit_number(match: re.Match[str]) -> _Number:
    raw = match.group().replace(",", "")
    value = float(raw)
    if "." in raw:
        step = 10.0 ** -len(raw.split(".")[1])
        significant = step
    else:
        step = 1.0
        stripped = raw.rstrip("0")
        significant = 10.0 ** (len(raw) - len(stripped)) if stripped else 1.0
    return _Number(match.start(), match.end(), value, step, significant)


def _word_number(text: str, match: re.Match[str]) -> _Number | None:
    """Parse a run of number words, cutting it where the words stop forming one number."""
    tokens = list(re.finditer(r"[A-Za-z]+", match.group()))
    base = match.start()
    total = 0.0
    current = 0.0
    last_kind = ""
    last_end = None
    smallest_scale = 1.0
    start_index = 0
    if match["a"]:
        current = 1.0
        start_index = 1
        last_kind = "small"
    for token in tokens[start_index:]:
        word = token.group().casefold()
        if word == "and":
            if last_kind != "scale":
                break
            continue
        if word in UNITS:
            if last_kind in {"small"} or (last_kind == "tens" and UNITS[word] >= 10):
                break
            current += UNITS[word]
            kind = "small"
        elif word in TENS:
            if last_kind in {"small", "tens"}:
                break
            current += TENS[word]
            kind = "tens"
        elif word == "dozen":
            if last_kind not in {"small", "tens"}:
                break
            current *= 12
            kind = "scale"
        else:
            scale = SCALES[word]
            if last_kind not in {"small", "tens", "scale"} or current == 0 and total == 0:
                break
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0.0
            smallest_scale = scale
            kind = "scale"
        last_kind = kind
        last_end = base + token.end()
    if last_end is None:
        return None
    value = total + current
    words = text[match.start() : last_end]
    bare_one = words.casefold() == "one"
    step = smallest_scale if last_kind == "scale" else 1.0
    significant = step if last_kind == "scale" else (10.0 if value % 10 == 0 and value >= 10 else 1.0)
    return _Number(match.start(), last_end, value, step, significant, word=True, bare_one=bare_one)


def _numbers(text: str) -> list[_Number]:
    numbers = [_digit_number(m) for m in _DIGITS.finditer(text)]
    for match in _WORDS.finditer(text):
        number = _word_number(text, match)
        if number is not None:
            numbers.append(number)
    return numbers


# --------------------------------------------------------------------------- candidates


@dataclass
class _Candidate:
    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    unit: str
    comparator: str
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool


def _top(unit: str, value: float) -> float:
    if unit == "percent" and value < 100:
        return 100.0
    if unit == "fraction":
        return 1.0
    return math.inf


def _interval(kind: str, value: float, unit: str, number: _Number | None) -> tuple[str, float, float, bool, bool]:
    """(comparator, low, high, low_open, high_open) for a comparator kind (see module doc)."""
    top = _top(unit, value)
    if kind == "gt":
        return "gt", value, top, True, math.isinf(top)
    if kind == "gt+":
        return "gt", value, min(value * 1.1, top) if value else top, True, False
    if kind == "ge":
        return "ge", value, top, False, math.isinf(top)
    if kind == "lt":
        return "lt", 0.0, value, False, True
    if kind == "lt-":
        return "lt", value * 0.9, value, False, True
    if kind == "le":
        return "le", 0.0, value, False, False
    if kind == "near":
        return "approx", value * 0.9, value, False, True
    if kind == "approx":
        if unit == "fraction" or number is None or number.fraction:
            band = 0.05
        else:
            band = max(number.significant_step / 2, abs(value) * 0.05)
        low, high = value - band, value + band
        return "approx", max(low, 0.0), min(high, 1.0) if unit == "fraction" else high, False, False
    # A plain number: its rounding interval.
    if unit == "fraction" or number is None or number.fraction:
        return "eq", max(value - 0.025, 0.0), min(value + 0.025, 1.0), False, False
    half = number.step / 2
    return "eq", max(value - half, 0.0), value + half, False, False


def _comparator_before(text: str, start: int) -> tuple[str | None, int]:
    window = text[max(0, start - 40) : start]
    match = _COMPARATOR_BEFORE.search(window)
    if match is None:
        return None, start
    phrase = " ".join(match["cmp"].casefold().split())
    return _COMPARATORS[phrase], start - (len(window) - match.start("cmp"))


_NOT_NAMES = frozenset(
    "about around nearly almost over under some just only all and or but than to of in by from".split()
)


def _excluded_digits(text: str, number: _Number, in_range: bool = False) -> bool:
    """Identifiers, ordinals, times of day, versions: digits that are not quantities."""
    before = text[max(0, number.start - 16) : number.start]
    after = text[number.end : number.end + 12]
    if _ID_BEFORE.search(before) and not _CURRENCY_BEFORE.search(before):
        return True
    name = _NAME_BEFORE.search(before)
    if name and name.group().strip().casefold() not in _NOT_NAMES:
        return True
    if re.search(r"\d\s?[:/]\s?$", before) or re.match(r"/\d", after):
        return True
    if not in_range and (re.search(r"\d\s?[\-–—]\s?$", before) or re.match(r"\s?[\-–—]\s?\d", after)):
        return True  # "3-1", "555-1234": scores and codes, unless read as a range
    if _TIME_AFTER.match(after):
        return True
    glued = _GLUED_LETTERS.match(after)
    if glued:
        letters = glued.group()
        if _ORDINAL_SUFFIX.fullmatch(letters) and letters.casefold() != "s":
            return True
        if letters.casefold() == "s":
            return True  # "1990s", "747s": decades and model names
        known = (
            letters.casefold() in _MULTIPLIER_SUFFIX
            or _MEASURE_AFTER.match(after)
            or re.match(r"pct\b|pp\b", after, re.IGNORECASE)
        )
        if not known:
            return True
    return False


@dataclass
class _Measured:
    """A number with its currency, multiplier and unit, before comparators are read."""

    start: int
    end: int
    number: _Number  # value and steps already scaled by the multiplier
    unit: str
    scale: float  # the multiplier applied (1 when none)


def _measured(text: str, number: _Number, in_range: bool = False) -> _Measured | None:
    start, end = number.start, number.end
    value = number.value
    currency: str | None = None
    prefix = _CURRENCY_BEFORE.search(text[max(0, start - 6) : start])
    if prefix:
        symbol = "".join(prefix.group().split()).casefold()
        currency = _CURRENCY_PREFIX.get(symbol)
        start = start - len(prefix.group())
    if not number.word and currency is None and _excluded_digits(text, number, in_range):
        return None
    step, significant = number.step, number.significant_step
    half = _AND_A_HALF.match(text, end)
    if half:
        value += 0.5
        step = significant = 0.5
        end = half.end()
    # Multiplier ("1.5 billion", "$3m", "£1bn"); word numbers carry their own unless "and a half" cut them.
    multiplier_match = _MULTIPLIER_AFTER.match(text, end) if not number.word or half else None
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
            scale = _MULTIPLIER_SUFFIX[suffix]
            end = multiplier_match.end()
    number = _Number(
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
    percent = _PERCENT_AFTER.match(text, end)
    if currency is None and percent:
        unit = "percentage-points" if percent["points"] else "percent"
        end = percent.end()
    else:
        word_currency = _CURRENCY_AFTER.match(text, end) if currency is None else None
        if word_currency:
            currency = _CURRENCY_WORDS[" ".join(word_currency["cur"].casefold().split())]
            end = word_currency.end()
        if currency is None:
            measure = _MEASURE_AFTER.match(text, end)
            if measure and _measure_ok(text, end, measure):
                unit = _MEASURES[" ".join(measure["unit"].casefold().split())]
                end = measure.end()
    if currency is not None:
        unit = f"money:{currency}"
    return _Measured(start, end, number, unit, scale)


def _candidate(text: str, number: _Number) -> _Candidate | None:
    measured = _measured(text, number)
    if measured is None:
        return None
    return _finish(text, measured.start, measured.end, measured.number, measured.number.value, measured.unit)


_RANGE_JOIN = re.compile(r"\s{0,3}(?P<join>-|–|—|to|and)\s{0,3}", re.IGNORECASE)


def _range_candidates(text: str, numbers: list[_Number]) -> list[_Candidate]:
    """ "5-10%", "5 to 10 million", "between $2m and $3m": one quantity spanning both ends."""
    by_start = {number.start: number for number in numbers}
    found: list[_Candidate] = []
    for number in numbers:
        first = _measured(text, number, in_range=True)
        if first is None:
            continue
        join = _RANGE_JOIN.match(text, first.end)
        if join is None:
            continue
        between = _BETWEEN_BEFORE.search(text[max(0, first.start - 12) : first.start])
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
        kind, comparator_start = _comparator_before(text, start)
        if kind is not None and kind not in {"approx", "near"}:
            continue  # "more than 5-10" is not a range we can read
        if kind is not None:
            start = comparator_start
        found.append(
            _Candidate(start, second.end, number.start, other.end, midpoint, unit, "approx", low, high, False, False)
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


def _finish(text: str, start: int, end: int, number: _Number, value: float, unit: str) -> _Candidate | None:
    kind, comparator_start = _comparator_before(text, start)
    postfix = _POSTFIX.match(text, end)
    if postfix is None and unit == "count":
        # "30 boats or more": the counted noun may stand between number and postfix.
        noun = re.match(r"\s{1,3}[a-z]+(?=\s{1,3}or\s)", text[end : end + 40])
        if noun:
            postfix = _POSTFIX.match(text, end + noun.end())
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
    comparator, low, high, low_open, high_open = _interval(kind or "eq", value, unit, number)
    return _Candidate(start, end, number.start, number.end, value, unit, comparator, low, high, low_open, high_open)


def _looks_like_year(text: str, number: _Number) -> bool:
    raw = text[number.start : number.end]
    if not re.fullmatch(r"(?:19|20)\d\d|2100", raw):
        return False
    following = re.match(r"\s{1,3}([A-Za-z]+)", text[number.end : number.end + 30])
    return following is None or not following.group(1).islower()


def _fraction_candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for match in _FRACTION.finditer(text):
        numerator_word = match["num"].casefold()
        denominator_word = match["den"].casefold()
        numerator = 1 if numerator_word in {"a", "an", "one"} else UNITS[numerator_word]
        singular = not denominator_word.endswith("s") or denominator_word == "halves"
        if (
            numerator == 1
            and not singular
            or numerator > 1
            and singular
            or numerator >= _DENOMINATORS[denominator_word]
        ):
            continue  # "one thirds", "two third": not fractions
        after = text[match.end() : match.end() + 12]
        hyphenated = "-" in match["sep"]
        if numerator == 1 and not hyphenated and not re.match(r"\s{1,3}(?:of|the)\b", after, re.IGNORECASE):
            if not (numerator_word == "a" and denominator_word == "half"):
                continue  # "a third time", "a quarter century": ordinals, not shares
        if re.match(r"\s{0,3}-?\s{0,3}(?:century|centuries|final|finals)\b", after, re.IGNORECASE):
            continue
        value = numerator / _DENOMINATORS[denominator_word]
        number = _Number(match.start(), match.end(), value, 0.0, 0.0, word=True, fraction=True)
        candidate = _finish(text, match.start(), match.end(), number, value, "fraction")
        if candidate is not None:
            found.append(candidate)
    for match in _HALF.finditer(text):
        number = _Number(match.start(), match.end(), 0.5, 0.0, 0.0, word=True, fraction=True)
        candidate = _finish(text, match.start(), match.end(), number, 0.5, "fraction")
        if candidate is not None:
            found.append(candidate)
    for match in _OUT_OF.finditer(text):
        x = _parse_small(match["x"])
        y = _parse_small(match["y"])
        if x is None or y is None or not 0 < x < y or re.fullmatch(r"(?:19|20)\d\d", match["y"]):
            continue
        value = x / y
        number = _Number(match.start(), match.end(), value, 0.0, 0.0, word=True, fraction=True)
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


# --------------------------------------------------------------------------- public API


def find_quantities(text: str, times: Iterable[Any] | None = None) -> list[QuantityMatch]:
    """Quantities in ``text``, sorted by start and never overlapping (the longest wins).

    Numbers that belong to a time expression, to a phone number, to list numbering or to a
    citation's page references are left out. ``times`` may pass the ``TimeMatch`` list the
    caller already has from ``find_times(text, ...)`` (anything with ``start``/``end``), to
    save scanning the text twice; by default it is computed here.
    """
    if times is None:
        times = find_times(text, None)
    # Numbers in dates and times of day are not quantities; those in lengths and repetitions are.
    blocked = [(m.start, m.end) for m in times if getattr(m, "is_point", True)]
    blocked += [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    blocked += [(m.start(), m.end()) for m in _LIST_NUMBER.finditer(text)]
    blocked += [(m.start(), m.end()) for m in _CITATION.finditer(text)]
    numbers = _numbers(text)
    candidates = _fraction_candidates(text) + _range_candidates(text, numbers)
    for number in numbers:
        candidate = _candidate(text, number)
        if candidate is not None:
            candidates.append(candidate)
    candidates = [
        c for c in candidates if not any(c.number_start < end and start < c.number_end for start, end in blocked)
    ]
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for candidate in candidates:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return [
        QuantityMatch(
            c.start,
            c.end,
            text[c.start : c.end],
            c.value,
            c.unit,
            c.comparator,
            c.low,
            c.high,
            c.low_open,
            c.high_open,
            c.number_start,
            c.number_end,
        )
        for c in chosen
    ]


def share_interval(quantity: object) -> tuple[float, float, bool, bool] | None:
    """The interval of a percentage or fraction in percent (0-100), else None.

    "more than two-thirds" -> (66.67, 100, True, False) and "over 60%" -> (60, 100, True,
    False), so shares stated either way compare directly. Works on a ``QuantityMatch`` or
    on the model's ``Quantity`` (anything with ``unit``, ``value``, ``low``, ``high``,
    ``low_open``, ``high_open``).
    """
    unit = getattr(quantity, "unit", None)
    if unit not in {"percent", "fraction"}:
        return None
    scale = 100.0 if unit == "fraction" else 1.0
    value = float(getattr(quantity, "value")) * scale  # noqa: B009 - typed object: a QuantityMatch or a Quantity
    low = getattr(quantity, "low", None)
    high = getattr(quantity, "high", None)
    low = value if low is None else float(low) * scale
    high = value if high is None else float(high) * scale
    low_open = bool(getattr(quantity, "low_open", False))
    high_open = bool(getattr(quantity, "high_open", False))
    if math.isinf(high) and value <= 100:
        high, high_open = 100.0, False
    return max(low, 0.0), high, low_open, high_open


def intervals_overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    """Whether two (low, high, low_open, high_open) intervals share at least one point."""
    a_low, a_high, a_low_open, a_high_open = a
    b_low, b_high, b_low_open, b_high_open = b
    if a_high < b_low or b_high < a_low:
        return False
    if a_high == b_low and (a_high_open or b_low_open):
        return False
    if b_high == a_low and (b_high_open or a_low_open):
        return False
    return True
