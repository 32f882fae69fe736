"""Signals 2 and 3 of spun-wording detection: cross-source alignment and the document's own usage, and
the prose sentences and paraphrased pairs they read."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from factcheck.nlp.sentences import split_sentences
from factcheck.nlp.spin.words import STOPWORDS, Word, is_variant, word_set, words_of, zipf

# --- Signal 2: cross-source alignment -------------------------------------------------------


@dataclass(frozen=True)
class Substitution:
    """One word of sentence A replaced by one word of sentence B in an otherwise shared context."""

    a: Word
    b: Word
    context: int  # how many aligned tokens surround it (up to 2 each side)


def align_substitutions(sentence_a: str, sentence_b: str, min_ratio: float = 0.5) -> list[Substitution]:
    """One-for-one word substitutions between two paraphrased sentences (case-folded tokens)."""
    words_a = [w for w in words_of(sentence_a) if w.text.isalnum()]
    words_b = [w for w in words_of(sentence_b) if w.text.isalnum()]
    folded_a = [w.text.casefold() for w in words_a]
    folded_b = [w.text.casefold() for w in words_b]
    matcher = SequenceMatcher(None, folded_a, folded_b, autojunk=False)
    if matcher.ratio() < min_ratio:
        return []
    found = []
    opcodes = matcher.get_opcodes()
    for position, (tag, a0, a1, b0, b1) in enumerate(opcodes):
        # One word for one word, or a two-word phrase for a two-word phrase, paired in order.
        if tag != "replace" or a1 - a0 != b1 - b0 or a1 - a0 > 2:
            continue
        before = opcodes[position - 1] if position else None
        after = opcodes[position + 1] if position + 1 < len(opcodes) else None
        context = 0
        if before and before[0] == "equal":
            context += min(2, before[2] - before[1])
        if after and after[0] == "equal":
            context += min(2, after[2] - after[1])
        if context == 0:
            continue
        for offset in range(a1 - a0):
            found.append(Substitution(words_a[a0 + offset], words_b[b0 + offset], context))
    return found


# --- Signal 3: within-document consistency --------------------------------------------------


def document_variants(sentences: Sequence[str]) -> list[dict[int, list[tuple[str, str]]]]:
    """For each sentence, word start -> other words that fill the same slot more often elsewhere in the document.

    A slot is a neighbouring content word: "area operations" and "space operations" share the
    slot "_ operations", so "space" is a candidate for "area". Only the document's usual wording
    is offered: a piece that says "Japanese state" seventeen times and "Japanese government"
    once is not a spinner's work. The LM decides.
    """
    slot_fillers: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    tokenised = []
    for sentence in sentences:
        words = words_of(sentence)
        tokenised.append(words)
        for left, right in zip(words, words[1:]):
            if not (left.alpha and right.alpha) or sentence[left.end : right.start] != " ":
                continue
            lf, rf = left.text.casefold(), right.text.casefold()
            if rf not in STOPWORDS and lf not in STOPWORDS:
                slot_fillers[("_", rf)][lf] += 1
                slot_fillers[(lf, "_")][rf] += 1
    result = []
    for sentence, words in zip(sentences, tokenised):
        candidates: dict[int, list[tuple[str, str]]] = {}
        for i, word in enumerate(words):
            if not word.alpha or not word.text.islower() or word.text in STOPWORDS:
                continue
            slots = []
            if i + 1 < len(words) and words[i + 1].alpha:
                slots.append(("_", words[i + 1].text.casefold()))
            if i > 0 and words[i - 1].alpha:
                slots.append((words[i - 1].text.casefold(), "_"))
            options = set()
            for slot in slots:
                fillers = slot_fillers.get(slot, Counter())
                options |= {option for option, count in fillers.items() if count > fillers[word.text.casefold()]}
            options = {o for o in options if o.isalpha() and not is_variant(o, word.text) and zipf(o) >= 3.0}
            if options:
                candidates[word.start] = [(option, "document") for option in sorted(options)]
        result.append(candidates)
    return result


# --- Corpus level: sentences per document and paraphrased pairs across documents ------------


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: original offsets and text (line breaks kept)."""

    doc: str
    start: int
    end: int
    text: str


def document_sentences(document, max_chars: int = 2_000, min_words: int = 6) -> list[Sentence]:
    """Prose sentences of a document's body; headings, lists and title-case lines are left out."""
    body = document.body_start
    if document.clean_to_original and body < len(document.clean_to_original):
        body = document.clean_to_original[body]
    body = min(body, len(document.text))
    sentences = []
    for start, end in split_sentences(document.text, body):
        text = document.text[start:end]
        words = [w for w in words_of(text) if w.alpha]
        if len(words) < min_words or len(text) > max_chars:
            continue
        capitalised = sum(1 for w in words if w.text[0].isupper())
        if capitalised > 0.6 * len(words):  # a headline or a list of names
            continue
        sentences.append(Sentence(document.id, start, end, text))
    return sentences


# Documents whose candidate sentences' words the ratio filter keeps at a time (as numbers).
DOCUMENTS_TOKENISED = 64


@dataclass(frozen=True, slots=True)
class SentencePlace:
    """Where a prose sentence is: its document and original offsets, without its text."""

    doc: str
    start: int
    end: int

    def read(self, corpus) -> Sentence:
        """The sentence with its text, read back from its document (``Corpus.text_of``)."""
        return Sentence(self.doc, self.start, self.end, corpus.text_of(self.doc).text[self.start : self.end])


class SentenceIndex:
    """Every document's prose sentences as the paraphrase search reads them, added one document at
    a time: offsets and content words, never the text.

    At 100,000 articles every prose sentence with its text (and a set of its words) would sit on the
    client at once, ~0.8 GB of text alone, although the search needs of a sentence only where it is
    and which content words it holds. Here a sentence takes four numbers and one per distinct
    content word (flat arrays, ~70 bytes for a 20-word sentence), and each distinct word is kept
    once, as the number it is known by: exact, where a hash of the words could collide. What needs
    the words in their order (the ratio of two sentences, the alignment of a pair) reads the two
    sentences back (``SentencePlace.read``).
    """

    def __init__(self) -> None:
        self.documents: list[str] = []  # in the order they were added
        self.prose_words: dict[str, int] = {}  # document -> alphabetic words in its prose sentences
        self._range: dict[str, tuple[int, int]] = {}  # document -> numbers of its first and one past its last sentence
        self._document = array("I")  # per sentence: its document's position in ``documents``
        self._starts = array("q")
        self._ends = array("q")
        self._bounds = array("Q", [0])  # sentence k's content words: _words[_bounds[k]:_bounds[k + 1]]
        self._words = array("I")  # content words, as numbers, each sentence's sorted
        self._numbers: dict[str, int] = {}  # a content word -> its number

    def add(self, doc_id: str, sentences: Sequence[Sentence]) -> None:
        """A document's prose sentences (``document_sentences``), in order; each document once."""
        if doc_id in self._range:
            raise ValueError(f"document {doc_id!r} is in the index already")
        first = len(self._starts)
        position = len(self.documents)
        self.documents.append(doc_id)
        words = 0
        for sentence in sentences:
            self._document.append(position)
            self._starts.append(sentence.start)
            self._ends.append(sentence.end)
            numbers = {self._numbers.setdefault(word, len(self._numbers)) for word in word_set(sentence.text)}
            self._words.extend(sorted(numbers))
            self._bounds.append(len(self._words))
            words += sum(1 for word in words_of(sentence.text) if word.alpha)
        self.prose_words[doc_id] = words
        self._range[doc_id] = (first, len(self._starts))

    def __len__(self) -> int:
        """Prose sentences in all."""
        return len(self._starts)

    def places(self, doc_id: str) -> list[SentencePlace]:
        """A document's prose sentences, in order."""
        starts, ends = self.offsets(doc_id)
        return [SentencePlace(doc_id, start, end) for start, end in zip(starts, ends)]

    def offsets(self, doc_id: str) -> tuple[array, array]:
        """Where a document's prose sentences start and end, in order (two arrays: compact to keep)."""
        first, last = self._range[doc_id]
        return self._starts[first:last], self._ends[first:last]

    def place_at(self, doc_id: str, offset: int) -> SentencePlace | None:
        """The prose sentence of ``doc_id`` that holds ``offset``, if any."""
        if doc_id not in self._range:
            return None
        first, last = self._range[doc_id]
        k = bisect_right(self._starts, offset, first, last) - 1
        if k >= first and self._starts[k] <= offset < self._ends[k]:
            return SentencePlace(doc_id, self._starts[k], self._ends[k])
        return None

    def overlapping_pairs(self, min_overlap: float) -> set[tuple[SentencePlace, SentencePlace]]:
        """Sentences of two documents (earlier document first) whose content words overlap by at least
        ``min_overlap`` (> 0; intersection over union, four words or more each).

        Exact, without comparing every pair of sentences (quadratic in the corpus: 8 CPU-s at 300
        BBC articles, ~90 at 1,000): each sentence is indexed by its rarest words only (prefix
        filtering). Two sets that overlap by ``min_overlap`` share at least ``floor(min_overlap * n)``
        of each one's ``n`` words, so they share one among each one's ``n - floor(min_overlap * n) + 1``
        rarest (words ordered by how many sentences hold them, then by number: any one order of all
        words finds every pair).
        """
        holding = array("I", [0]) * len(self._numbers)  # word -> sentences of four words or more that hold it
        for number in range(len(self)):
            if self._bounds[number + 1] - self._bounds[number] >= 4:
                for word in self._words[self._bounds[number] : self._bounds[number + 1]]:
                    holding[word] += 1
        index: dict[int, list[int]] = defaultdict(list)
        pairs: set[tuple[SentencePlace, SentencePlace]] = set()
        for number in range(len(self)):
            words = self._words[self._bounds[number] : self._bounds[number + 1]]
            if len(words) < 4:
                continue
            rarest = sorted(words, key=lambda word: (holding[word], word))
            prefix = rarest[: len(rarest) - max(1, int(min_overlap * len(rarest))) + 1]
            candidates = {other for word in prefix for other in index[word]}
            document = self._document[number]
            own = set(words)
            for other in sorted(candidates):
                if self._document[other] == document:
                    continue
                other_words = self._words[self._bounds[other] : self._bounds[other + 1]]
                shared = len(own.intersection(other_words))
                if shared / (len(own) + len(other_words) - shared) >= min_overlap:
                    pairs.add(self._ordered(self._place(other), self._place(number)))
            for word in prefix:
                index[word].append(number)
        return pairs

    def _place(self, number: int) -> SentencePlace:
        return SentencePlace(self.documents[self._document[number]], self._starts[number], self._ends[number])

    @staticmethod
    def _ordered(a: SentencePlace, b: SentencePlace) -> tuple[SentencePlace, SentencePlace]:
        return (a, b) if a.doc < b.doc else (b, a)


def prose_index(corpus, max_chars: int = 2_000) -> SentenceIndex:
    """The prose sentences of every document of ``corpus``, in document order, read one document at a
    time (``Corpus.text_of``: a run keeps only the last few documents it read)."""
    index = SentenceIndex()
    for document in sorted(corpus.documents, key=lambda d: d.id):
        index.add(document.id, document_sentences(corpus.text_of(document.id), max_chars))
    return index


def paraphrase_pairs(
    corpus, index: SentenceIndex, min_overlap: float = 0.3, min_ratio: float = 0.5
) -> list[tuple[SentencePlace, SentencePlace]]:
    """Sentence pairs from two documents that paraphrase each other, sorted.

    Claims in one cross-source cluster are paired first (the clusters show paraphrases); any
    two sentences of different documents whose content words overlap strongly are paired too,
    so a paraphrase the clustering split still counts. Each candidate's two sentences are then read
    back, a document at a time, and compared word by word.
    """
    pairs: set[tuple[SentencePlace, SentencePlace]] = set()
    for cluster in getattr(corpus, "clusters", ()):
        if len(cluster.documents) < 2:
            continue
        members = []
        for claim_id in cluster.claims:
            try:
                claim = corpus.claim(claim_id)
            except KeyError:
                continue
            member = index.place_at(claim.doc, claim.span.start)
            if member is not None:
                members.append(member)
        for a in members:
            for b in members:
                if a.doc < b.doc:
                    pairs.add((a, b))
    pairs.update(index.overlapping_pairs(min_overlap))
    # The words of the candidates' sentences as numbers (equal words, equal numbers: the same ratio),
    # read back for the last few documents only: pairs in document order mostly find them there.
    needed: dict[str, set[int]] = defaultdict(set)
    for a, b in pairs:
        needed[a.doc].add(a.start)
        needed[b.doc].add(b.start)
    numbers: dict[str, int] = {}

    @lru_cache(maxsize=DOCUMENTS_TOKENISED)
    def tokens_of(doc_id: str) -> dict[int, tuple[int, ...]]:
        document = corpus.text_of(doc_id)
        sentences = {place.start: place for place in index.places(doc_id) if place.start in needed[doc_id]}
        return {
            start: tuple(
                numbers.setdefault(word.text.casefold(), len(numbers))
                for word in words_of(document.text[place.start : place.end])
            )
            for start, place in sentences.items()
        }

    kept = [
        (a, b)
        for a, b in sorted(pairs, key=lambda pair: (pair[0].doc, pair[1].doc, pair[0].start, pair[1].start))
        if SequenceMatcher(None, tokens_of(a.doc)[a.start], tokens_of(b.doc)[b.start], autojunk=False).ratio()
        >= min_ratio
    ]
    return sorted(kept, key=lambda pair: (pair[0].doc, pair[0].start, pair[1].doc, pair[1].start))
