"""The words and patterns quantities are made of (units, currencies, comparators, measures) and the contexts that make a number no quantity."""

from __future__ import annotations

import re

from factcheck.nlp.numbers import ORDINALS, SCALES, TENS, UNITS

# --------------------------------------------------------------------------- lexicons

# "two-thirds", "three quarters": the ordinals from third on name a fraction's denominator.
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "quarter": 4,
    "quarters": 4,
    **{form: value for word, value in ORDINALS.items() if 3 <= value <= 10 for form in (word, word + "s")},
}
MULTIPLIER_SUFFIX = {
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
CURRENCY_PREFIX = {
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
CURRENCY_WORDS = {
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
MEASURES = {
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
COMPARATORS = {
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
DIGIT_NUMBER = re.compile(r"(?<![\w.,/:#§])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|,\d{3}|\.\d)")
WORD_NUMBER = re.compile(
    rf"(?:\b(?P<a>an?)\s{{1,3}}(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"\b(?:{_NUMBER_WORD})(?:(?:\s{{1,3}}and\s{{1,3}}|[\s\-]{{1,3}})(?:{_NUMBER_WORD}))*\b",
    re.IGNORECASE,
)
FRACTION = re.compile(
    r"\b(?P<num>an?|one|two|three|four|five|six|seven|eight|nine|ten)(?P<sep>[\s\-]{1,3})"
    rf"(?P<den>{_alternation(DENOMINATORS)})\b",
    re.IGNORECASE,
)
HALF = re.compile(r"\bhalf\b(?=\s{1,3}(?:of|the|its|their|his|her|our|all|a|an)\b)", re.IGNORECASE)
OUT_OF = re.compile(
    r"\b(?P<x>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s{1,3}(?:in|out\s{1,3}of)\s{1,3}"
    r"(?P<y>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a\s{1,3}hundred|a\s{1,3}thousand)\b(?![,.]\d)",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.\-])\d{3,4}[\s.\-]\d{3,4}(?!\d)")
LIST_NUMBER = re.compile(r"(?m)^[ \t]*(?:\(?\d{1,3}[.)](?=\s)|\d{1,3}(?:\.\d{1,3}){1,4}\.?(?=[ \t]+[A-Z]))")
# A parenthesised citation with page numbers: "(Author, 2019: 12-14, 20)".
CITATION = re.compile(r"\((?=[^()]{0,400}?\b(?:1[5-9]|20)\d\d[a-z]?\s?:\s?\d)[^()]{0,400}\)")
# A capitalised name right before a number makes it part of a name: "Satellite 6", "Apollo 11".
NAME_BEFORE = re.compile(r"(?<![.!?:;\n]\s)(?<![.!?:;\n])(?<=[\w,)]\s)[A-Z][a-z]+\s$")

CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:US|U\.S\.|A|AU|C|CA|NZ|HK|S|CN)?[$¥]|[€£₹₩₽]|\b(?:USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|AUD|CAD)\s?)\s?$"
)
COMPARATOR_BEFORE = re.compile(rf"(?:^|(?<=[^\w]))(?P<cmp>{_alternation(COMPARATORS)})\s{{0,3}}$", re.IGNORECASE)
ID_BEFORE = re.compile(rf"(?:\b(?:{_ID_HEADS})\.?\s{{0,3}}|[#№§]\s?|[A-Za-z]\s?-\s?|[A-Za-z])$", re.IGNORECASE)
# A scale word may be hyphenated onto its number in a compound before a noun ("an 18-million-euro contract", "a
# $25-million deal"); a letter suffix never is (the hyphen's "space" then keeps "18-m" unread, as "18 m" is).
MULTIPLIER_AFTER = re.compile(
    r"(?P<space>\s{0,3}|-)(?P<mult>thousand|million|billion|trillion|mln|mn|bn|trn|tn|[mbk])(?![A-Za-z])",
    re.IGNORECASE,
)
AND_A_HALF = re.compile(r"\s{1,3}and\s{1,3}a\s{1,3}half\b", re.IGNORECASE)
PERCENT_AFTER = re.compile(
    r"(?P<space>\s{0,3})(?:(?P<points>percentage[\s\-]points?|pp\b)|(?P<pct>%|per\s?cent\b|pct\b))", re.IGNORECASE
)
# A sum after a number, its scale word optional and its currency word required ("145 million euros", "40 dollars"):
# what a name's number never is ("fined Ardent Union Bank 145 million euros", not "Satellite 6").
SUM_AFTER = re.compile(
    rf"(?:\s{{1,3}}|-)(?:(?:thousand|million|billion|trillion)(?:\s{{1,3}}|-))?(?:{_alternation(CURRENCY_WORDS)})\b",
    re.IGNORECASE,
)
# The currency word after a number, or hyphenated onto it in a compound ("18-million-euro", "a 20-dollar note").
CURRENCY_AFTER = re.compile(rf"(?:\s{{1,3}}|-)(?P<cur>{_alternation(CURRENCY_WORDS)})\b", re.IGNORECASE)
MEASURE_AFTER = re.compile(
    rf"(?:\s{{0,3}}-?\s{{0,3}})(?P<unit>{_alternation(MEASURES)})(?![A-Za-z0-9²])", re.IGNORECASE
)
POSTFIX = re.compile(
    r"\s{1,3}(?P<post>or\s{1,3}more|or\s{1,3}so|or\s{1,3}fewer|or\s{1,3}less)\b|(?P<plus>\s?-?\s?plus\b|\+(?!\d))",
    re.IGNORECASE,
)
BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s{1,3}$", re.IGNORECASE)
TIME_AFTER = re.compile(r"(?::\d|\s?[ap]\.?m\.?(?![A-Za-z])|\s?o['\u2019]clock)", re.IGNORECASE)
GLUED_LETTERS = re.compile(r"[A-Za-z]+")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|s)\b", re.IGNORECASE)
