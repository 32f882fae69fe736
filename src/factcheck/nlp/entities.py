"""Entity names in comparable form, and the named places a sentence says its act happened in.

Both cross-source checks of values ask these: whether two figures have one holder ("the United States" /
"U.S."), and whether two sentences tell one act in two countries (one release per country, each dated right).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from factcheck.model import Actor, Claim
from factcheck.nlp.align import Alignment, name_words

# Entity names too generic to say two claims are about the same thing.
GENERIC_ENTITIES = frozenset({"", "world", "earth", "today", "government", "people"})
# Words a name or a measured noun phrase is compared without.
ARTICLES = frozenset({"the", "a", "an", "of", "and", "for", "&"})


def entity_keys(name: str) -> set[str]:
    """Comparable forms of an entity name: folded words, and the acronym of a long name.

    "The United States" -> {"united states", "us"}; "U.S." -> {"us"}.
    """
    words = [word for word in re.findall(r"\w+", name.casefold().replace(".", "")) if word not in {"the"}]
    if not words:
        return set()
    keys = {" ".join(words)}
    content = [word for word in words if word not in ARTICLES]
    if len(content) >= 2:
        keys.add("".join(word[0] for word in content))
    return keys - GENERIC_ENTITIES


# "released in the US", "opened at Wembley", "a quake in eastern Ruritania": a named place the preposition makes
# where the act happened (a compass word between says which part of it).
_WHERE_BEFORE = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:(?:north|south)?(?:north|south|east|west)(?:ern)?\s+|central\s+)?$", re.IGNORECASE
)


# The whole world as where something happened or was counted ("sold seven million copies worldwide").
_WORLDWIDE = re.compile(r"\b(?:world-?wide|globally|(?:around|across|throughout) the (?:world|globe))\b", re.IGNORECASE)


_PLACE_LABELS = ("GPE", "FAC")


def _where(claim: Claim, regions: bool = False) -> list[Actor]:
    """The named places (countries, towns, buildings) a sentence says its act happened in: after "in" or "at".

    With ``regions``, also a name the tagger gives no place label (a continent, a sea: "in Europe", "in the Gulf of
    Aden") that WordNet has first as a place or a natural object."""
    return [
        actor
        for actor in claim.actors
        if (actor.label in _PLACE_LABELS or (regions and actor.label == "OTHER" and _a_region(actor.name)))
        and _WHERE_BEFORE.search(
            claim.span.text[max(0, actor.span.start - claim.span.start - 24) : actor.span.start - claim.span.start]
        )
    ]


def _a_region(name: str) -> bool:
    from factcheck.nlp import lexicon

    return lexicon.first_noun_field(name) in (lexicon.LOCATION_FIELD, lexicon.OBJECT_FIELD)


def places_told(claim: Claim, regions: bool = False) -> set[str]:
    """The named places a sentence says its act happened in: a place after "in" or "at" ("released in the US"),
    or the whole world ("worldwide", "around the world"); with ``regions`` a continent or a sea too (``_where``).

    A place used as a modifier ("a UK release") or a holder ("Britain's economy") says which, not where.
    """
    places: set[str] = {"<world>"} if _WORLDWIDE.search(claim.span.text) else set()
    for actor in _where(claim, regions):
        places |= entity_keys(actor.name)
    return places


def surroundings(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """Per document, the places (lower case) that WordNet has holding a place its claims name: an article about
    Vancouver is about a place in Canada, whether or not it writes "Canada"."""
    from factcheck.nlp import lexicon

    around: dict[str, set[str]] = {}
    for claim in claims:
        held = around.setdefault(claim.doc, set())
        for actor in claim.actors:
            if actor.label in _PLACE_LABELS:
                held |= lexicon.places_holding(actor.name)
    return {doc: frozenset(places) for doc, places in around.items()}


def told_where_the_other_never_is(
    alignment: Alignment, names: Mapping[str, frozenset[str]], around: Mapping[str, frozenset[str]]
) -> bool:
    """Whether a sentence tells its act in a named place that the other sentence's article never names, not even by
    one word of the name, nor holds a place it names (``surroundings``): "more than a dozen people were killed by a
    quake in eastern Ruritania" against an article about a quake elsewhere whose "Ten people are killed" names no
    place. An article tells where its own event happened somewhere; a place it never names is another event's.
    """
    if not alignment.cross_source:
        return False
    empty: frozenset[str] = frozenset()
    for claim, other in ((alignment.left, alignment.right), (alignment.right, alignment.left)):
        other_article, other_around = names.get(other.doc, empty), around.get(other.doc, empty)
        for actor in _where(claim):
            words = name_words(actor.name)
            if words and not words & other_article and " ".join(actor.name.casefold().split()) not in other_around:
                return True
    return False


def two_places(alignment: Alignment, one_within_the_other: bool = False, regions: bool = False) -> bool:
    """Whether the two sentences tell their act in two different named places, so two occurrences of it
    (or, for a figure, two counts: "sold seven million copies worldwide" / "one million copies in France").

    "Released in the US on 9 November, with a UK release two days later" / "released on 11 November in
    the UK": one release per country, each dated right. One side naming no place says nothing.

    With ``one_within_the_other``, a place WordNet has as part of the other ("born in Nashville" / "born in
    Tennessee": ``lexicon.places_holding``) is the same place told more or less closely: an act in a city happened
    in its country on the same day. Not for figures: a city's count is a part of its country's. With ``regions``, a
    continent or a sea counts as a place (``_where``): "In Europe, cameras ... take 1.3 megapixel images" / "in Japan
    ... 3.2 megapixel images".
    """
    left, right = places_told(alignment.left, regions), places_told(alignment.right, regions)
    if not left or not right or left & right:
        return False
    return not (one_within_the_other and (_within(left, right) or _within(right, left)))


def _within(inner: set[str], outer: set[str]) -> bool:
    """Whether a place of ``inner`` is part of one of ``outer`` (by WordNet's part holonyms, in entity-key form)."""
    from factcheck.nlp import lexicon

    return any(
        entity_keys(around) & outer
        for place in inner
        if place != "<world>"
        for around in lexicon.places_holding(place, first_sense_only=True)
    )
