"""What a number counts (its measure) and the time it holds for (as_of)."""

from __future__ import annotations

import re
from typing import Any

from factcheck.model import TimeExpression
from factcheck.nlp import lexicon
from factcheck.stages.extract.heads import compound_head

# "the two allies", "its three pillars": a count that refers back, not a figure to check.
_ANAPHORIC_COUNT = re.compile(r"\b(?:the|these|those|its|their|our|his|her|both|all|each|of)\s+$", re.IGNORECASE)
_UNIT_NOUNS = frozenset(
    """percent per cent percentage point points third thirds half halves quarter quarters fifth
    fifths tenth tenths dozen dozens hundred hundreds thousand thousands million millions billion
    billions trillion trillions dollar dollars yen euro euros pound pounds yuan won rupee rupees
    time times fold % number share proportion majority minority total sum amount
    km kilometre kilometer kilometres kilometers mile miles metre meter metres meters kg ton tons
    tonne tonnes""".split()
)
_AS_OF_CUES = re.compile(
    r"(?:as\s+of|as\s+at|at\s+the\s+(?:end|start|beginning)\s+of|by(?:\s+the\s+end\s+of)?|in|since|during)\s+$",
    re.IGNORECASE,
)


def _anaphoric(text: str, match: Any) -> bool:
    """A small count after a determiner ("the two allies") that refers back rather than reports."""
    if str(getattr(match, "unit", "")) != "count" or getattr(match, "comparator", "eq") != "eq":
        return False
    if re.search(r"\d", match.text) or float(match.value) > 12:
        return False
    return bool(_ANAPHORIC_COUNT.search(text[max(0, match.start - 12) : match.start]))


_AGED = re.compile(r"\baged?\s+$", re.IGNORECASE)
_OLDEST_AGE = 120


def states_an_age(tokens: Any, text: str, match: Any) -> bool:
    """Whether a bare number is a person's age: set off by commas or brackets right after a named person or a
    word for one ("Jane Roe, 34, a homemaker", "the driver (61)"), or after "aged". The number counts years, as
    "a 34-year-old" does, and is compared as one; read as a count it has no counted noun and is compared with
    nothing."""
    if str(getattr(match, "unit", "")) != "count" or getattr(match, "comparator", "eq") != "eq":
        return False
    value = float(match.value)
    if not match.text.isdigit() or not 0 < value <= _OLDEST_AGE:
        return False
    if _AGED.search(text[max(0, match.start - 8) : match.start]):
        return True
    before = text[: match.start].rstrip()
    after = text[match.end :].lstrip()
    if not ((before.endswith(",") and after[:1] in {",", ".", ";"}) or (before.endswith("(") and after[:1] == ")")):
        return False
    word_end = len(before[:-1].rstrip())
    word = next((t for t in tokens if t.idx < word_end <= t.idx + len(t.text)), None)
    if word is None:
        return False
    return word.ent_type_ == "PERSON" or (word.pos_ == "NOUN" and lexicon.names_a_person(word.lemma_.lower()) is True)


def _is_unit_noun(token: Any, unit: str) -> bool:
    word = token.lower_
    return word in _UNIT_NOUNS or token.lemma_.lower() in _UNIT_NOUNS or word == unit.lower() or token.pos_ == "NUM"


def _measure(tokens: Any, match: Any) -> str | None:
    """The lemma of the noun the quantity counts, from the parse."""
    unit = str(getattr(match, "unit", ""))
    inside = [t for t in tokens if match.start <= t.idx < match.end]
    if not inside:
        return None
    indices = {t.i for t in inside}

    def of_object(token: Any) -> Any:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.pos_ in {"NOUN", "PROPN"}:
                        return grandchild
        return None

    # "more than two-thirds of the world's active satellites", "60 percent of satellites"
    for token in reversed(inside):
        target = of_object(token)
        if target is not None and not _is_unit_noun(target, unit):
            return target.lemma_.lower()
    # "500 satellites", "$2 billion budget": the noun the number modifies; of a compound, its last noun
    # ("two plainclothes officers", where the parse hangs the number on "plainclothes")
    for token in inside:
        head = token.head
        if (
            head.i not in indices
            and head.i > token.i
            and head.pos_ in {"NOUN", "PROPN"}
            and not _is_unit_noun(head, unit)
        ):
            return compound_head(head, tokens).lemma_.lower()
        if head.i not in indices and head.pos_ in {"NOUN"} and _is_unit_noun(head, unit):
            target = of_object(head)
            if target is not None and not _is_unit_noun(target, unit):
                return target.lemma_.lower()
    # The span itself ends in the counted noun.
    for token in reversed(inside):
        if token.pos_ == "NOUN" and not _is_unit_noun(token, unit):
            return token.lemma_.lower()
    # "The budget was $2 billion", "spending rose to 3 percent": the subject of the verb.
    root = max(inside, key=lambda t: -len(list(t.ancestors)))
    current = root.head
    if root.dep_ == "pobj":
        current = root.head.head
    if current.pos_ in {"VERB", "AUX"} and root.dep_ in {"attr", "dobj", "pobj", "acomp", "npadvmod"}:
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return subject.lemma_.lower()
    return None


def _as_of(text: str, match: Any, time_expressions: list[tuple[Any, TimeExpression]]) -> TimeExpression | None:
    """The time the sentence ties the number to: the nearest, preferring "as of"/"at the end of"/"in"."""
    best: tuple[float, int, TimeExpression] | None = None
    for time_match, expression in time_expressions:
        if not expression.is_point:
            continue  # "for three years" says how long, not as of when
        if time_match.end <= match.start:
            distance = match.start - time_match.end
        elif time_match.start >= match.end:
            distance = time_match.start - match.end
        else:
            continue
        cue = _AS_OF_CUES.search(text[max(0, time_match.start - 30) : time_match.start])
        score = distance * (0.5 if cue else 1.0)
        candidate = (score, time_match.start, expression)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None
