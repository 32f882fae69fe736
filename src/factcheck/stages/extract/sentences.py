"""Claim candidates: sentences (or sentences a quote runs across), split into clauses when long."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.nlp.names import TITLE_ABBREVIATIONS
from factcheck.nlp.quotes import SPEECH_VERBS, QuoteMatch
from factcheck.words import words_in


@dataclass
class _Unit:
    """One claim candidate: a sentence, or sentences joined because a quote runs across them."""

    start: int  # char offsets in the block
    end: int
    tokens: Any  # the spaCy Span


_QUOTE_CLOSERS = "\"”’'»"
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside(quotes: Iterable[QuoteMatch], offset: int) -> bool:
    return any(q.open_mark <= offset <= q.close_mark for q in quotes)


def _units(spacy_doc: Any, quotes: list[QuoteMatch]) -> Iterator[_Unit]:
    """Sentences, joined where a quote runs across a boundary or the next sentence only attributes it."""
    sentences = list(spacy_doc.sents)
    text = spacy_doc.text
    index = 0
    while index < len(sentences):
        last = index
        while last + 1 < len(sentences):
            boundary = sentences[last].end_char
            crosses = any(q.open_mark < boundary <= q.close_mark for q in quotes)
            if (
                crosses
                or _attributes_previous(text, sentences[last], sentences[last + 1], quotes)
                or _ends_in_a_title_before_a_name(text, sentences[last], sentences[last + 1])
            ):
                last += 1
                continue
            break
        start, end = _trimmed(text, sentences[index].start_char, sentences[last].end_char)
        if end > start:
            yield _Unit(start=start, end=end, tokens=spacy_doc[sentences[index].start : sentences[last].end])
        index = last + 1


_CLAUSE_MIN_CHARS = 120  # shorter sentences are one statement often enough not to split


def _clauses(unit: _Unit, quotes: list[QuoteMatch]) -> list[_Unit]:
    """Split "A did X, and B did Y" / "A did X; B did Y" into atomic clauses when the parse is clear.

    Only when: no quote in the sentence; the sentence starts with the first clause's subject
    (so no fronted "In 2014," is shared by both clauses); and each coordinated verb has its
    own subject. The claim span then covers the clause.
    """
    tokens = unit.tokens
    text = tokens.doc.text
    if unit.end - unit.start < _CLAUSE_MIN_CHARS or any(
        unit.start <= q.close_mark and q.open_mark < unit.end for q in quotes
    ):
        return [unit]
    root = tokens.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if root.pos_ not in {"VERB", "AUX"} or subject is None:
        return [unit]
    lead = [t for t in tokens if t.i < subject.left_edge.i]
    if any(t.pos_ not in {"PUNCT", "ADV", "CCONJ"} for t in lead):
        return [unit]
    cuts: list[tuple[int, int]] = []  # (end of the previous clause, start of the next), token indices
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"}:
            continue
        conj_subject = next((c for c in conj.children if c.dep_ in _SUBJECT_DEPS), None)
        if conj_subject is None or conj_subject.pos_ == "PRON" and conj_subject.lower_ in {"which", "that", "who"}:
            continue
        start = min(conj_subject.left_edge.i, conj.left_edge.i)
        end = start
        while end > tokens.start and (
            tokens.doc[end - 1].pos_ in {"PUNCT", "CCONJ"} or tokens.doc[end - 1].dep_ == "cc"
        ):
            end -= 1
        if end > tokens.start:
            cuts.append((end, start))
    if not cuts:
        return [unit]
    pieces: list[_Unit] = []
    begin = tokens.start
    for end, start in sorted(cuts):
        if end <= begin:
            continue
        pieces.append(_span_unit(tokens.doc, begin, end, text))
        begin = start
    pieces.append(_span_unit(tokens.doc, begin, tokens.end, text))
    return [piece for piece in pieces if piece.end > piece.start]


def _span_unit(doc: Any, start: int, end: int, text: str) -> _Unit:
    span = doc[start:end]
    char_start, char_end = _trimmed(text, span.start_char, span.end_char)
    return _Unit(start=char_start, end=char_end, tokens=span)


# Abbreviated titles that stand before a name ("Sgt.", "Gov.", "Dr."): a sentence never ends in one, but the parser
# sometimes ends one there ("..., said Sgt." / "Jane Roe of the county police."), which leaves the person untitled.
# "Jr.", "Sr." (after a name) and "St." (a street) do end sentences.
_ABBREVIATED_TITLE = re.compile(
    r"(?<![\w.])(?:" + "|".join(sorted(set(TITLE_ABBREVIATIONS) - {"jr", "sr", "st"})) + r")\.$", re.IGNORECASE
)


def _ends_in_a_title_before_a_name(text: str, previous: Any, sentence: Any) -> bool:
    """Whether a sentence the parser ended ends in an abbreviated title written as one ("Sgt.", not "CEO.") and the
    next starts with a capitalised word: the title and the name it stands before."""
    ending = text[previous.start_char : previous.end_char].rstrip()
    match = _ABBREVIATED_TITLE.search(ending)
    if match is None or not match.group()[:1].isupper() or match.group()[:-1].isupper():
        return False
    first = text[sentence.start_char : sentence.end_char].lstrip()
    return first[:1].isupper()


def _attributes_previous(text: str, previous: Any, sentence: Any, quotes: list[QuoteMatch]) -> bool:
    """A short sentence right after a closing quote that only names or attributes the speaker."""
    ending = text[previous.start_char : previous.end_char].rstrip()
    if not ending or not any(
        q.close_mark >= previous.end_char - 3 and q.close_mark < previous.end_char for q in quotes
    ):
        if not (ending and ending[-1] in _QUOTE_CLOSERS):
            return False
    if len(sentence) > 14 or _inside(quotes, sentence.start_char):
        return False
    if any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in sentence):
        return True
    return not any(t.pos_ in {"VERB", "AUX"} for t in sentence) and any(t.pos_ == "PROPN" for t in sentence)


def _is_prose(sentence: str) -> bool:
    visible = [c for c in sentence if not c.isspace()]
    if not visible:
        return False
    letters = sum(1 for c in visible if c.isalpha())
    return letters >= 0.5 * len(visible) and len(words_in(sentence)) >= 3


_FULL_SENTENCE = re.compile(r"^[\"'\u201c\u2018]?[^\W\d_][^\n]*[.!][\"'\u201d\u2019)]*$")
FULL_SENTENCE_WORDS = 6


def _a_full_sentence(sentence: str) -> bool:
    """Whether a unit reads as a whole sentence though the tagger saw no verb in it: it opens with a capital letter,
    ends with a full stop, has at least ``FULL_SENTENCE_WORDS`` words, and at least half of its words are written in
    lower case, as prose is ("The 38-year-old secured 46.3 percent of the vote.", "secured" tagged an adjective). Its
    figures are still stated, and its people still named. A piece cut out of a sentence ("358 with 13 homers in 54
    games.", "and E. 55th St. around 8:30 p.m.") opens otherwise; a caption or label ("Turnout: 41 percent.") is
    shorter; a list of names ("Cech, Ferreira, Terry (Cole 63), Lampard, Duff.") is mostly capitals."""
    text = sentence.strip()
    words = words_in(text)
    return (
        bool(_FULL_SENTENCE.match(text))
        and text.lstrip("\"'\u201c\u2018")[:1].isupper()
        and len(re.findall(r"\S+", text)) >= FULL_SENTENCE_WORDS
        and 2 * sum(word[0].islower() for word in words) >= len(words)
    )
