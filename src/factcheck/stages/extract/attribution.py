"""Who said a quote: the speaker's name near the reporting verb, when it was said, and how it is framed."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from factcheck.dates import interval_of
from factcheck.model import TimeExpression
from factcheck.nlp import lexicon
from factcheck.nlp.quotes import SPEECH_VERBS, QuoteMatch
from factcheck.nlp.roles import is_post_noun, is_title_word
from factcheck.stages.extract.sentences import _SUBJECT_DEPS, _inside, _trimmed, _Unit

_NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"})
_REMAINDER_NAME = re.compile(
    r"^[\s,.;:]*(?:[—–-]+\s*)?(?P<name>(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]+)(?:\s*,[^\"“”]{0,150})?[\s.]*$"
)
_PRONOUNS = frozenset({"he", "she"})


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity text without a leading article, a trailing possessive or punctuation."""
    start, end = _trimmed(text, start, end)
    lowered = text[start:end].lower()
    if lowered.startswith("the "):
        start += 4
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    while end > start and text[end - 1] in ",;:-–—":
        end -= 1
    return _trimmed(text, start, end)


def _only_quote_left(text: str, unit: _Unit, main: QuoteMatch) -> bool:
    outside = text[unit.start : main.open_mark] + text[main.close_mark + 1 : unit.end]
    return not re.search(r"[^\W\d_]", outside)


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 7:
        return False
    if not all(word[:1].isupper() for word in words):
        return False
    bare = [word for word in words if not is_title_word(word)]
    return len(bare) >= 1 and (len(bare) >= 2 or len(words) >= 2)


def _is_personal(name: str) -> bool:
    return bool(name) and name[:1].isupper() and name.lower() not in _PRONOUNS


def _entity_of(token: Any) -> Any:
    if not token.ent_type_ or token.ent_type_ in _NUMERIC_LABELS:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _name_extent(token: Any) -> tuple[int, int]:
    """Character extent (in the block) of the name a subject token heads.

    A role with the name in apposition ("Her spokesman, Jane Roe, said") is the name's.
    """
    if token.pos_ != "PROPN":
        for child in token.children:
            named = _entity_of(child) if child.dep_ == "appos" else None
            if named is not None and named.label_ == "PERSON":
                return _trim_entity(token.doc.text, named.start_char, named.end_char)
        named = _name_after_joined_posts(token)
        if named is not None:
            return _trim_entity(token.doc.text, named.start_char, named.end_char)
    ent = _entity_of(token)
    if ent is not None:
        return _trim_entity(token.doc.text, ent.start_char, ent.end_char)
    doc = token.doc
    first = token.i
    if token.pos_ == "PROPN":
        while (
            first > 0
            and doc[first - 1].pos_ == "PROPN"
            and not is_title_word(doc[first - 1].text)
            and doc[first - 1].text[:1].isupper()
        ):
            first -= 1
    else:
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i >= first:
            first -= 1
    return doc[first].idx, token.idx + len(token.text)


def _a_post_word(token: Any) -> bool:
    return token.pos_ == "NOUN" and (is_title_word(token.text) or is_post_noun(token.lower_))


def _name_after_joined_posts(post: Any) -> Any:
    """The person two joined posts name ("said chairman and owner Jane Roe", "Chairman and owner Jane Roe said"): the
    parse makes the first post the subject and the name a second conjunct, its own post a compound before it. A post
    with a determiner or a possessor ("the chairman and Jane Roe said", "its chairman and owner Jane Roe") is another
    person joined to the name, or a description the appositive reading above takes; None then."""
    if not _a_post_word(post) or any(child.dep_ in ("det", "poss") for child in post.children):
        return None
    for conjunct in post.children:
        if conjunct.dep_ != "conj":
            continue
        named = _entity_of(conjunct)
        if (
            named is not None
            and named.label_ == "PERSON"
            and any(child.dep_ == "compound" and _a_post_word(child) for child in conjunct.children)
        ):
            return named
    return None


# Modifiers that say which post a description names ("the former prime minister", "the deputy head"), which the
# speaker's extent (compounds only) may leave out.
_POST_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def description_of(tokens: Any, start: int, end: int) -> str:
    """A description's words (block offsets ``start``-``end``) with the modifiers the parse hangs on its head
    before it: "the former prime minister said" gives "former prime minister" where the extent is "prime minister".
    Determiners and possessives are left out ("her spokesman" is "spokesman")."""
    head = next((t for t in tokens if start <= t.idx < end and not start <= t.head.idx < end), None)
    if head is None:
        return tokens.doc.text[start:end]
    first = start
    for child in head.lefts:
        if child.dep_ in _POST_MODIFIER_DEPS and child.idx < first:
            first = min(first, min(t.idx for t in child.subtree))
    return tokens.doc.text[first:end]


def conjoined_names(tokens: Any, start: int, end: int) -> list[tuple[int, int]]:
    """The extents (block offsets) of the people a speaker's name is coordinated with: "Jane Roe and Sam Ito
    said", "Jane Roe and her husband, Sam Ito, said". A coordinated noun that names no one ("and the city
    council") is left out."""
    root = next((t for t in tokens if start <= t.idx < end and not start <= t.head.idx < end), None)
    if root is None or root.head.i == root.i:
        root = next((t for t in tokens if start <= t.idx < end), None)
    extents: list[tuple[int, int]] = []
    pending = [child for child in root.children if child.dep_ == "conj"] if root is not None else []
    while pending:
        token = pending.pop(0)
        pending.extend(child for child in token.children if child.dep_ == "conj")
        named = _entity_of(token)
        if token.pos_ == "PROPN" and (named is None or named.label_ == "PERSON"):
            extents.append(_name_extent(token))
        elif token.pos_ != "PROPN" and any(
            child.dep_ == "appos" and (_entity_of(child) is not None and _entity_of(child).label_ == "PERSON")
            for child in token.children
        ):
            extents.append(_name_extent(token))
    return extents


def _name_after(verb: Any, quotes: list[QuoteMatch]) -> tuple[int, int] | None:
    """ "noted Dr. Jane Roe" when the parser did not make the name the subject."""
    doc = verb.doc
    # "said ABC group prexy Jane Roe": the person named within a few words, past the titles.
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 9)]:
        if token.is_punct or _inside(quotes, token.idx):
            break
        named = _entity_of(token)
        if named is not None and named.label_ == "PERSON":
            return _trim_entity(doc.text, named.start_char, named.end_char)
    index = verb.i + 1
    while index < len(doc) and (is_title_word(doc[index].text) or doc[index].text == "."):
        index += 1
    if index < len(doc) and doc[index].pos_ == "PROPN" and not _inside(quotes, doc[index].idx):
        token = doc[index]
        while token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            token = doc[token.i + 1]
        return _name_extent(token)
    return None


def _tells_the_quote(verb: Any, main: QuoteMatch) -> bool:
    """A verb of telling beyond the speech verbs whose own argument the quote is: 'Jane Roe called the plan "a
    house built on sand"', 'dismissed it as "..."', 'promised "..."'. WordNet's most frequent sense of the verb is
    one of telling (``lexicon.mainly_says``: "call", "describe", "dismiss", "praise", not "build" or "win"), and
    the quotation lies within the verb's phrase, so the verb's subject is its speaker."""
    subtree_start = verb.left_edge.idx
    subtree_end = verb.right_edge.idx + len(verb.right_edge.text)
    return (
        subtree_start <= main.open_mark and main.close_mark < subtree_end and lexicon.mainly_says(verb.lemma_.lower())
    )


def _attribute(tokens: Any, quotes: list[QuoteMatch], main: QuoteMatch, text: str) -> tuple[int, int, Any] | None:
    """The speaker's name (block offsets) and the speech verb, from the unit around the quote."""
    candidates: list[tuple[int, int, Any, Any]] = []
    for token in tokens:
        if _inside(quotes, token.idx):
            continue
        if token.pos_ == "VERB" and (token.lemma_.lower() in SPEECH_VERBS or _tells_the_quote(token, main)):
            subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS and not _inside(quotes, c.idx)]
            distance = min(abs(token.idx - main.close_mark), abs(token.idx - main.open_mark))
            candidates.append((distance, token.i, token, subjects[0] if subjects else None))
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                start, end = _name_extent(objects[0])
                distance = min(abs(token.idx - main.close_mark), abs(token.idx - main.open_mark))
                candidates.append((distance, token.i, None, (start, end)))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, verb, subject in candidates:
        if isinstance(subject, tuple):
            return subject[0], subject[1], None
        if subject is not None:
            start, end = _name_extent(subject)
            return start, end, verb
        extent = _name_after(verb, quotes)
        if extent is not None:
            return extent[0], extent[1], verb
    # No speech verb: the name right after the quote ('"…", General Jane Roe' or '"…" — Jane Roe').
    remainder = text[main.close_mark + 1 : tokens.end_char]
    match = _REMAINDER_NAME.match(remainder)
    if match and _looks_like_name(match.group("name")):
        start = main.close_mark + 1 + match.start("name")
        return start, start + len(match.group("name")), None
    return None


def _said_at(verb: Any, main: QuoteMatch, time_expressions: list[tuple[Any, TimeExpression]]) -> TimeExpression | None:
    """A time attached to the speech verb ("said in 2021"), outside the quote."""
    doc = verb.doc
    for match, expression in time_expressions:
        if main.open_mark <= match.start <= main.close_mark or not expression.is_point:
            continue
        tokens = [t for t in doc if match.start <= t.idx < match.end]
        for token in tokens:
            current = token
            for _ in range(5):
                if current.i == verb.i:
                    return expression
                if current.head.i == current.i:
                    break
                current = current.head
    return None


def _framing(
    said_at: TimeExpression | None, former: bool, published: date | None
) -> Literal["current", "past", "unknown"]:
    if former:
        return "past"
    if said_at is None or said_at.value is None:
        return "current"
    value = said_at.value
    if value == "PAST_REF" and not said_at.recent:  # "said previously", not "said recently"
        return "past"
    interval = interval_of(value)
    if interval is None:
        return "current"
    if published is None:
        return "unknown"
    # Said before the dateline's month (read by the one interval function: "the 1990s", "2019-W05" too).
    return "past" if interval[1] < published.replace(day=1) else "current"
