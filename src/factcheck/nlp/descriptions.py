"""Who a sentence's description stands for: "The 44-year-old was arrested on Tuesday" after "Jane Roe ...".

News names a person once and then goes on with a description of them as the subject of the next sentences: an
age ("the 44-year-old"), what they are ("the actress", "the former champion", "the suspect"). Such a sentence names
no one, yet tells of the person the text named, and two outlets telling one act (one by the name, one by the
description) tell it of one person.

Method. A description is a definite noun phrase that opens the sentence (after an opening phrase and a comma at
most): "the", up to three modifiers, and a head that is an age written as a noun ("47-year-old") or a singular noun
whose most frequent sense WordNet files under noun.person ("actress", "suspect", "champion"), not a word for
someone's family ("the father" is someone else's). The parse must have it as the sentence's subject or, in a
passive, its object (``Event.actor`` / ``Event.object`` ends with the head's last word). It stands for the person
the text named last, when the last sentence naming anyone named one person; else for the document's principal
person (named in more sentences than anyone else, and in two at least) when that sentence named them too. Only the
persons the tagger found count, as for pronouns (``align.pronoun_participants``). No word lists: WordNet says what
a word names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from factcheck.model import Claim
from factcheck.words import LETTERS

# "The 47-year-old", "On Monday, the former world champion", "the actress": the phrase before the verb.
_DESCRIPTION = re.compile(r"^\s*(?:[^,.;:\"\u201c]{1,40},\s+)?the\s+((?:[\w'-]+\s+){0,3}[\w'-]+)", re.IGNORECASE)
_AGE = re.compile(r"^\d{1,3}-year-old$", re.IGNORECASE)


def _field(head: str) -> int | None:
    """What a description's head word names, as WordNet's field of its most frequent sense as a noun: a person (an
    age written as a noun, or noun.person but not a word for family) or a group (noun.group: "company", "club");
    None for anything else, a plural ("the suspects") or a word WordNet does not know as a noun."""
    from factcheck.nlp import lexicon

    if _AGE.match(head):
        return lexicon.PERSON_FIELD
    word = head.casefold()
    if not word.isalpha():
        return None
    forms = lexicon.base_forms(word, "n")
    if not forms or forms[0] != word:
        return None
    field = lexicon.first_noun_field(word)
    if field == lexicon.PERSON_FIELD and not lexicon.names_a_relative(word):
        return field
    return field if field == lexicon.GROUP_FIELD else None


def description_head(claim: Claim) -> tuple[str, int] | None:
    """The head word of the description a sentence opens with as its subject (or a passive's object), with what it
    names (``_field``: a person or a group), or None."""
    match = _DESCRIPTION.match(claim.span.text)
    if match is None or claim.event is None:
        return None
    roles = {words[-1] for role in (claim.event.actor, claim.event.object) if (words := LETTERS.findall(role or ""))}
    for word in match.group(1).split():
        letters = LETTERS.findall(word.casefold())
        if letters and letters[-1] in roles:
            field = _field(word)
            return None if field is None else (word, field)
    return None


def described_persons(claims: Iterable[Claim], named: Callable[[Claim], frozenset[str]]) -> dict[str, frozenset[str]]:
    """The person each claim that names no one stands for by a description (``description_head``), by key.

    ``named``: the persons a claim names, by key (``align.people_named``). Per document, in the text's order: the
    person the last claim naming anyone named, when it named one; else the document's principal person when that
    claim named them too."""
    from factcheck.nlp import lexicon

    resolved: dict[str, frozenset[str]] = {}
    for ordered in in_text_order(claims):
        names = [named(claim) for claim in ordered]
        counts = Counter(key for keys in names for key in keys)
        ranked = counts.most_common(2)
        principal = (
            ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else None
        )
        last: frozenset[str] = frozenset()
        for claim, keys in zip(ordered, names):
            if keys:
                last = keys
                continue
            described = description_head(claim)
            if not last or described is None or described[1] != lexicon.PERSON_FIELD:
                continue
            if len(last) == 1:
                resolved[claim.id] = last
            elif principal is not None and principal in last:
                resolved[claim.id] = frozenset({principal})
    return resolved


def in_text_order(claims: Iterable[Claim]) -> list[list[Claim]]:
    """The claims of each document in the order its text tells them, documents in the order they first come."""
    by_document: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_document[claim.doc].append(claim)
    return [
        sorted(members, key=lambda member: (member.span.start, member.span.end)) for members in by_document.values()
    ]


_NAMED = frozenset({"ORG", "PERSON"})


def described_organisations(claims: Iterable[Claim]) -> dict[str, str]:
    """The organisation each claim that names no person or organisation stands for by a description of a group ("The
    company floated on the exchange in 2018" after "Kestrel Drones has issued a profit warning"): the name, as the
    text wrote it, of the one organisation the last claim naming any organisation or person named. The tagger often
    takes a firm for a person ("Kestrel Drones has issued ..."), so a claim naming one person and no organisation
    names that one; a group does not stand for a person the text tells of, so only a group's description reads it."""
    from factcheck.nlp import lexicon

    resolved: dict[str, str] = {}
    for ordered in in_text_order(claims):
        last: list[str] = []
        for claim in ordered:
            named = [actor for actor in claim.actors if actor.label in _NAMED]
            if named:
                organisations = sorted({actor.name for actor in named if actor.label == "ORG"})
                last = organisations or sorted({actor.name for actor in named})
                continue
            described = description_head(claim)
            if described is not None and described[1] == lexicon.GROUP_FIELD and len(last) == 1:
                resolved[claim.id] = last[0]
    return resolved
