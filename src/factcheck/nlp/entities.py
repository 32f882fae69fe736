"""Entity names in comparable form, and the named places a sentence says its act happened in.

Both cross-source checks of values ask these: whether two figures have one holder ("the United States" /
"U.S."), and whether two sentences tell one act in two countries (one release per country, each dated right).
"""

from __future__ import annotations

import re

from factcheck.model import Claim
from factcheck.nlp.align import Alignment

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


# "released in the US", "opened at Wembley": a named place the preposition makes where the act happened.
_WHERE_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


# The whole world as where something happened or was counted ("sold seven million copies worldwide").
_WORLDWIDE = re.compile(r"\b(?:world-?wide|globally|(?:around|across|throughout) the (?:world|globe))\b", re.IGNORECASE)


def places_told(claim: Claim) -> set[str]:
    """The named places a sentence says its act happened in: a place after "in" or "at" ("released in the US"),
    or the whole world ("worldwide", "around the world").

    A place used as a modifier ("a UK release") or a holder ("Britain's economy") says which, not where.
    """
    places: set[str] = {"<world>"} if _WORLDWIDE.search(claim.span.text) else set()
    for actor in claim.actors:
        if actor.label not in ("GPE", "FAC"):
            continue
        before = claim.span.text[max(0, actor.span.start - claim.span.start - 12) : actor.span.start - claim.span.start]
        if _WHERE_BEFORE.search(before):
            places |= entity_keys(actor.name)
    return places


def two_places(alignment: Alignment) -> bool:
    """Whether the two sentences tell their act in two different named places, so two occurrences of it
    (or, for a figure, two counts: "sold seven million copies worldwide" / "one million copies in France").

    "Released in the US on 9 November, with a UK release two days later" / "released on 11 November in
    the UK": one release per country, each dated right. One side naming no place says nothing.
    """
    left, right = places_told(alignment.left), places_told(alignment.right)
    return bool(left) and bool(right) and not left & right
