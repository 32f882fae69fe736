"""Words of spun-wording detection: tokens, everyday frequency, and which words could be a swap."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

LN10 = math.log(10.0)

# Function words never count as content words (closed class, not a lexicon of spin).
STOPWORDS = frozenset(
    """
a about above after again against all almost also although always am among an and another any are
around as at be because been before being below between both but by can could did do does doing
down during each either else even ever every few for from further had has have having he her here
hers herself him himself his how however i if in into is it its itself just least less let like
many may me might more most much must my myself neither no nor not now of off often on once one
only or other others our ours ourselves out over own per perhaps quite rather same several shall she
should since so some such than that the their theirs them themselves then there these they this
those though through thus to too toward towards under until up upon us very was we were what
whatever when where whether which while who whom whose why will with within without would yet you
your yours yourself yourselves said says say told according new
""".split()
)

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?|\d[\d.,:/%]*|\S")


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the sentence
    end: int
    text: str

    @property
    def alpha(self) -> bool:
        return self.text.isalpha()


def words_of(sentence: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Everyday frequency of a word on wordfreq's Zipf scale (log10 per billion words; 0 when unknown)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def frequency_logprob(word: str) -> float:
    """Natural-log unigram probability from wordfreq (a floor for unknown words)."""
    return (max(zipf(word), 1.0) - 9.0) * LN10


def is_variant(word: str, other: str) -> bool:
    """Inflections and typos of each other ("grow"/"growing", "treat"/"threat"): not a synonym
    swap. Words that merely share a beginning ("electric"/"electronic") are different words."""
    a, b = word.casefold(), other.casefold()
    return a == b or _stem(a) == _stem(b) or is_typo(a, b)


def is_typo(word: str, other: str) -> bool:
    """One letter apart and not inflections of one word ("treat"/"treaty", not "weapon"/"weapons")."""
    from rapidfuzz.distance import Levenshtein

    a, b = word.casefold(), other.casefold()
    return a != b and _stem(a) != _stem(b) and Levenshtein.distance(a, b) <= 1


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def protected_spans(sentence: str) -> list[tuple[int, int]]:
    """Parts of a sentence that are never spin: quotations, parentheses, extraction artefacts."""
    spans = [m.span() for m in re.finditer(r"[\"\u201c][^\"\u201d]{1,300}[\"\u201d]", sentence)]
    spans += [m.span() for m in re.finditer(r"\([^)]{0,80}\)", sentence)]
    # Hyphenation remnants and words glued by a lost space or line break.
    spans += [m.span() for m in re.finditer(r"\w+-\s*\n\s*\w+|\w+-\s+\w+|\w+\s+-\w+", sentence)]
    return spans


def content_word_indices(sentence: str, words: list[Word], skip: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Indices of words that could be spin: lower-case dictionary content words outside names
    (``skip``), numbers, quotations and artefacts, and the title before a name ("Brigade General
    Anthony Smith": a title is not a name, and a spinner swaps its words too). Other capitalised
    words are names or start a sentence; left alone."""
    protected = [*protected_spans(sentence), *skip]
    titles = title_word_indices(sentence, words, skip)
    indices = []
    for index, word in enumerate(words):
        text = word.text
        if index in titles:
            pass
        elif index == 0 or not text.isalpha() or len(text) < 3 or not text.islower():
            continue
        if text.casefold() in STOPWORDS:
            continue
        if any(a < word.end and word.start < b for a, b in protected):
            continue
        # A word glued to a hyphen or an apostrophe belongs to a compound or a name form.
        before = sentence[word.start - 1] if word.start else " "
        after = sentence[word.end] if word.end < len(sentence) else " "
        if before in "-/\u2013_" or after in "-/\u2013_":
            continue
        if zipf(text) < 2.0:  # not a dictionary word: typo, glued words ("amidgreat"), jargon
            continue
        indices.append(index)
    return indices


def title_word_indices(sentence: str, words: list[Word], names: Sequence[tuple[int, int]]) -> set[int]:
    """Capitalised everyday words in the run just before a name ("Brigade General" before "Anthony
    Smith"): the words of a title, which the lower-case rule would take for part of the name.
    Words rarer than everyday English (Zipf 3) end the run: surnames, places, acronyms."""
    found: set[int] = set()
    starts = {start for start, _ in names}
    for position, word in enumerate(words):
        if word.start not in starts:
            continue
        index = position - 1
        while index >= 0 and sentence[words[index].end : words[index + 1].start] == " ":
            text = words[index].text
            if not (text.isalpha() and len(text) >= 3 and text[0].isupper() and text[1:].islower()):
                break
            if zipf(text.casefold()) < 3.0:
                break
            found.add(index)
            index -= 1
    return found


def is_content(word: Word) -> bool:
    return word.alpha and word.text.islower() and len(word.text) >= 3 and word.text not in STOPWORDS


def word_set(text: str) -> frozenset[str]:
    return frozenset(w.text.casefold() for w in words_of(text) if w.alpha and w.text.casefold() not in STOPWORDS)
