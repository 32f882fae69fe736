"""The words time expressions are made of: months, weekdays, counts, modifiers and the vague references."""

from __future__ import annotations

from factcheck.nlp.numbers import CARDINALS

# --------------------------------------------------------------------------- lexicons

_MONTHS: tuple[tuple[str, ...], ...] = (
    ("January", "Jan"),
    ("February", "Feb"),
    ("March", "Mar"),
    ("April", "Apr"),
    ("May",),
    ("June", "Jun"),
    ("July", "Jul"),
    ("August", "Aug"),
    ("September", "Sept", "Sep"),
    ("October", "Oct"),
    ("November", "Nov"),
    ("December", "Dec"),
)
MONTH_NUMBER: dict[str, int] = {}
for _number, _names in enumerate(_MONTHS, start=1):
    for _name in _names:
        MONTH_NUMBER[_name.casefold()] = _number


def _month_alternation() -> str:
    # Title case or upper case only: lower-case "may" and "march" are verbs far more often.
    forms: list[str] = []
    for names in _MONTHS:
        full, *abbreviations = names
        forms += [full, full.upper()]
        for abbreviation in abbreviations:
            forms += [abbreviation + r"\.?", abbreviation.upper() + r"\.?"]
    forms.sort(key=len, reverse=True)
    return "(?:" + "|".join(forms) + r")(?![A-Za-z])"


MONTH = _month_alternation()
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
WEEKDAY_FULL = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1\d{3}|20\d{2}|2100)(?![\d])"
TIME_OF_DAY = (
    r"(?:,?\s{1,3}(?:at\s{1,3})?"
    r"(?:\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?|\d{1,2}\s?[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?"
)
# The counts COUNT_WORD matches ("three weeks ago", "a couple of days").
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    **{word: value for word, value in CARDINALS.items() if 1 <= value <= 50},
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
}
COUNT_WORD = (
    r"(?:\d{1,3}|a\s+couple\s+of|a\s+couple|couple\s+of|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty|thirty|forty|fifty)"
)
ORDINAL_QUARTER = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
SEASON_CODE = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Modifiers that narrow a period without changing its granularity ("early 2023").
MOD = (
    r"(?:(?:the\s{1,3})?(?:very\s{1,3})?(?:end|beginning|start|middle|close|turn"
    r"|(?:first|second|latter|last|final|early|later|closing|opening)\s{1,3}(?:half|part|months?|weeks?|days?)"
    r")\s{1,3}of\s{1,3}|(?:early|late|mid|middle|end)(?:\s{1,3}|-)|mid(?=\d))"
)

# Nouns that make a preceding four-digit number a count, not a year ("2000 troops").
COUNT_NOUNS = frozenset(
    """people persons men women children kids adults troops soldiers personnel workers employees
    staff jobs residents citizens students voters votes members officers officials patients cases
    deaths casualties victims refugees migrants units vehicles cars trucks tanks aircraft planes
    ships boats homes houses households families companies firms businesses schools
    dollars euros pounds yen yuan won rupees francs tonnes tons kilograms kg km kilometres
    kilometers miles metres meters feet foot hectares acres barrels litres liters gallons
    copies pages words items times hours minutes seconds days weeks months years decades
    satellites missiles rockets drones weapons warheads guns rounds shells bombs sites
    signatures letters emails calls messages posts users customers subscribers visitors
    participants respondents delegates scientists researchers experts engineers doctors nurses
    teachers police protesters demonstrators fighters militants prisoners detainees hostages
    animals birds trees species samples tests trials doses vaccines beds seats flights passengers
    more fewer less additional extra other new times percent per""".split()
)

PRESENT_WORDS = (
    r"latest|currently|current|nowadays|presently|now|at\s+present|these\s+days"
    r"|to\s+date|so\s+far|as\s+of\s+now"
)
# "recently", "newly": a past time close to the dateline (TimeML's PAST_REF), flagged recent.
RECENT_WORDS = r"(?:more\s+|most\s+|very\s+|only\s+)?recently|recent|newly|lately"
# TimeML leaves prepositions out of the extent: "in the past" is "the past".
PAST_WORDS = r"previously|formerly|(?<=\bin\s)the\s+past|in\s+years\s+past|historically|once\s+upon\s+a\s+time"
FUTURE_WORDS = (
    r"(?:very\s+)?soon|shortly|(?<=\bin\s)the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term"
    r"|the\s+(?:coming|next)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years|decades)"
    r"|the\s+(?:days|weeks|months|years)\s+ahead"
)
