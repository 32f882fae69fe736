"""Affiliations compared: case and articles folded, an organisation and its acronym agreeing.

Open-class: an affiliation is compared only when it reads as an organisation (an organisation
word, several capitalised words, or an acronym), never a single label that two parties may share.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.nlp.names import is_honorific

_AFFILIATION_NOISE = frozenset({"the", "a", "an", "at", "from", "of", "with", "for", "in", "and", "&"})


def normalise_affiliation(text: str | None) -> str:
    """Case, articles and leading prepositions folded: "from the Institute" -> "institute"; a description before
    the organisation's name left out: "civil rights group Liberty" -> "liberty" (see ``named_part``)."""
    if not text:
        return ""
    words = re.findall(r"\w+", named_part(text).casefold().replace(".", ""))
    while words and words[0] in _AFFILIATION_NOISE:
        words.pop(0)
    return " ".join(words)


def named_part(text: str) -> str:
    """The organisation's name without the lower-case description written before it: "civil liberties pressure
    group Liberty" and "civil rights group Liberty" are one group, each source describing it in its own words.

    The name is the capitalised run that ends the text (connectors such as "of" and "the" inside it); the text is
    kept whole when it opens with a capital ("Harvard business school") or has no capitalised run at its end.
    """
    words = re.findall(r"[\w.&'-]+", text)
    while words and words[0].casefold() in _AFFILIATION_NOISE:
        words.pop(0)
    if not words or not words[0][:1].islower() or not words[-1][:1].isupper():
        return text
    start = len(words)
    while start > 0 and (words[start - 1][:1].isupper() or words[start - 1].casefold() in _AFFILIATION_NOISE):
        start -= 1
    while start < len(words) and not words[start][:1].isupper():
        start += 1  # a connector cannot open the name
    return " ".join(words[start:])


# Words that make an affiliation an organisation rather than a party label or a place.
_ORGANISATION_WORDS = frozenset(
    {
        "institute",
        "institution",
        "university",
        "college",
        "school",
        "center",
        "centre",
        "council",
        "agency",
        "ministry",
        "department",
        "company",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "llc",
        "plc",
        "foundation",
        "association",
        "society",
        "command",
        "office",
        "bank",
        "group",
        "committee",
        "commission",
        "forum",
        "coalition",
        "laboratory",
        "lab",
        "academy",
        "bureau",
        "board",
        "authority",
        "service",
        "organisation",
        "organization",
        "network",
        "trust",
        "fund",
        "union",
        "federation",
        "hospital",
        "court",
        "parliament",
        "congress",
        "senate",
        "newspaper",
        "times",
        "post",
        "journal",
        "press",
        "studies",
        "program",
        "programme",
        "project",
        "initiative",
        "force",
        "army",
        "navy",
        "police",
        "party",
        "club",
        "team",
        "museum",
    }
)


def organisation_like(raw: str | None, after_preposition: bool = True) -> bool:
    """Whether an affiliation names an organisation that can be compared.

    A single adjective or label ("Conservative", "Tory") is not compared: two different words
    may name one party. Organisations: an organisation word, an acronym ("CSIS"), or several
    capitalised words introduced by a preposition ("a partner at Smith Barney"); an acronym
    WordNet knows only as a place ("US", "UK") is not one; several
    capitalised words before a title name a place as often ("New York City Councilman",
    "Los Angeles County Sheriff"), and one person works in several nested places.
    """
    if not raw:
        return False
    words = [word for word in re.findall(r"[\w.&'-]+", raw) if not is_honorific(word)]
    folded = {word.casefold().strip(".") for word in words}
    if folded & _ORGANISATION_WORDS:
        return True
    capitalised = [word for word in words if word[:1].isupper()]
    if (
        after_preposition
        and len(capitalised) >= 2
        and len(capitalised) == len([w for w in words if w.casefold() not in _AFFILIATION_NOISE])
    ):
        return True
    acronym = words[0].replace(".", "") if len(words) == 1 else ""
    return acronym.isupper() and len(acronym) >= 2 and not _only_a_place(acronym)


def _only_a_place(word: str) -> bool:
    """Whether WordNet knows the word as a noun only for places ("US", "UK"): where the person is from or works
    ("US blogger Jane Roe"), which another source's employer does not contradict."""
    from factcheck.nlp import lexicon

    fields = lexicon.noun_fields(word)
    return bool(fields) and fields <= {lexicon.LOCATION_FIELD}


def _proper_words(text: str) -> set[str]:
    return {word for word in text.split() if word not in _AFFILIATION_NOISE and word not in _ORGANISATION_WORDS}


def _acronyms(text: str) -> set[str]:
    """The acronyms a name of several words may go by: its initials ("csis"), a short word kept whole ("UK
    Independence Party" -> "ukip"), and either without a last organisation word ("Public and Commercial
    Services Union" -> "pcs")."""
    words = [word for word in text.split() if word not in _AFFILIATION_NOISE]
    if len(words) < 2:
        return set()
    found = set()
    last_is_kind = words[-1] in _ORGANISATION_WORDS or words[-1] in _LEGAL_FORMS
    for kept in (words, words[:-1] if last_is_kind and len(words) >= 3 else []):
        if kept:
            found.add("".join(word[0] for word in kept))
            found.add("".join(word if len(word) <= 2 else word[0] for word in kept))
    # A connector's initial kept: "Department of Defense" -> "dod", "Ministry of Defence" -> "mod".
    written = [word for word in text.split() if word in _CONNECTORS or word not in _AFFILIATION_NOISE]
    if len(written) > len(words):
        found.add("".join(word[0] for word in written))
    return {acronym for acronym in found if len(acronym) >= 2}


# A company's legal form after its name, which its acronym leaves out ("Hewlett-Packard Co." -> "hp").
_LEGAL_FORMS = frozenset({"co", "inc", "ltd", "plc", "llc"})
# Connectors whose initial an acronym may keep ("DoD", "MoD", "BoE"); articles and "and" it drops.
_CONNECTORS = frozenset({"of", "for"})


def _abbreviates(short: str, long: str) -> bool:
    """Whether a word is the other cut short, as names are abbreviated ("calif" / "california", "intl" /
    "international", "utd" / "united"): the same first letter, and the short one's letters in the long one in
    order. Three letters at least: two match too much by chance ("gm" / "gram")."""
    if len(short) < 3 or len(short) >= len(long) or short[0] != long[0]:
        return False
    letters = iter(long)
    return all(letter in letters for letter in short)


def _words_abbreviated(a: str, b: str) -> bool:
    """Whether two names are one name word for word, some words cut short on one side or the other ("calif highway
    patrol" / "california highway patrol", "intl olympic cttee" / "international olympic committee")."""
    a_words, b_words = a.split(), b.split()
    return (
        len(a_words) == len(b_words)
        and a_words != b_words
        and all(x == y or _abbreviates(x, y) or _abbreviates(y, x) for x, y in zip(a_words, b_words))
    )


def affiliations_agree(a: str, b: str) -> bool:
    """Same organisation: equal, one inside the other, or one the acronym of the other; an acronym inside a name
    read as the name WordNet gives for it ("EU Commission" / "European Commission")."""
    if not a or not b:
        return True
    if _agree(a, b):
        return True
    expanded_a, expanded_b = _acronyms_expanded(a), _acronyms_expanded(b)
    if (expanded_a, expanded_b) != (a, b) and _agree(expanded_a, expanded_b):
        return True
    return _one_part_of_the_other(expanded_a, expanded_b)


def _one_part_of_the_other(a: str, b: str) -> bool:
    """Whether WordNet gives an organisation one affiliation names as part or a member of one the other names (the
    FBI / the Justice Department, the Marine Corps / the U.S. Navy): a unit and the body holding it, which outlets
    name at two levels ("an agent of the FBI" / "a Justice Department agent")."""
    a_named, b_named = _organisations_named(a), _organisations_named(b)
    return any(own & b_holders or b_own & holders for own, holders in a_named for b_own, b_holders in b_named)


@lru_cache(maxsize=65536)
def _organisations_named(text: str) -> tuple[tuple[frozenset[tuple[str, int]], frozenset[tuple[str, int]]], ...]:
    """The organisations WordNet knows by a run of two or more of the affiliation's words (normalised, acronyms
    written out): for each, its own senses as a group and the senses of the organisations holding it, itself too. A
    single word is left out: alone it is most often a common noun ("justice", "navy") or a place."""
    from factcheck.nlp import lexicon

    words = text.split()
    found = []
    for start in range(len(words)):
        for end in range(len(words), start + 1, -1):
            run = " ".join(words[start:end])
            holders = lexicon.organisations_holding(run)
            if holders:
                found.append((lexicon.group_senses(run), holders))
    return tuple(found)


def _acronyms_expanded(text: str) -> str:
    """The affiliation (normalised) with each word that WordNet knows as the acronym of a name written out: the name
    whose initials it is ("eu commission" -> "european union commission"). Only a name whose initials are the word's
    letters counts, so a word is never read as an unrelated synonym ("gm" is a gram, not a company)."""
    from factcheck.nlp import lexicon

    expanded = []
    words = text.split()
    for word in words:
        names = sorted(
            name
            for name in lexicon.synonyms(word, "n")
            if len(name.split()) >= 2 and word in _acronyms(normalise_affiliation(name))
        )
        expanded.append(names[0] if len(word) <= _ACRONYM_LETTERS and names else word)
    return " ".join(expanded)


def _letters_joined(text: str) -> str:
    words = text.split()
    return "".join(words) if len(words) >= 2 and all(len(word) == 1 for word in words) else text


# An acronym read out is short: "eu", "nato", "nasa".
_ACRONYM_LETTERS = 5


def _an_acronym_for_a_run(short: list[str], long: list[str]) -> bool:
    """Whether one name is the other with a run of its words written as their acronym, the rest word for word: a unit
    of an organisation named by the organisation's initials in one source and in full in the other ("acf s coastal
    monitoring program" / "alliance for coastal fisheries coastal monitoring program"). A possessive's "s" is left
    out on both sides (one source writes "ACF's", the other "Fisheries'")."""
    short, long = [word for word in short if word != "s"], [word for word in long if word != "s"]
    rest = len(short) - 1
    for at, word in enumerate(short):
        end = len(long) - (rest - at)
        if (
            end - at >= 2
            and short[:at] == long[:at]
            and short[at + 1 :] == long[end:]
            and word in _acronyms(" ".join(long[at:end]))
        ):
            return True
    return False


def _agree(a: str, b: str) -> bool:
    if a == b or a in b or b in a or _words_abbreviated(a, b):
        return True
    # An acronym written with its letters apart ("P&G", "A&E" normalise to "p g", "a e").
    a, b = (_letters_joined(text) for text in (a, b))
    # One name inside the other once organisation words are set aside: "city council" / "new york city"
    # (the city's council), "harvard" / "harvard business school".
    a_names, b_names = _proper_words(a), _proper_words(b)
    if a_names and b_names and (a_names <= b_names or b_names <= a_names):
        return True
    a_words, b_words = a.split(), b.split()
    if (len(a_words) == 1 and a_words[0] in _acronyms(b)) or (len(b_words) == 1 and b_words[0] in _acronyms(a)):
        return True
    if _an_acronym_for_a_run(a_words, b_words) or _an_acronym_for_a_run(b_words, a_words):
        return True
    # A span that lost its leading words ("Natural Gas Corporation" for "Oil and Natural Gas
    # Corporation") still names the organisation whose acronym ends with its own ("ONGC").
    for short, long_words in ((a_words, b_words), (b_words, a_words)):
        organisation = [word for word in long_words if word not in _AFFILIATION_NOISE]
        while organisation and organisation[-1] not in _ORGANISATION_WORDS:
            organisation.pop()  # trailing role words: "corporation chairman" -> "corporation"
        initials = "".join(word[0] for word in organisation)
        if len(short) == 1 and len(initials) >= 3 and short[0].endswith(initials):
            return True
    return False
