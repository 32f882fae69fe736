"""Signals 2 and 3 of spun-wording detection: cross-source alignment and the document's own usage, and
the prose sentences and paraphrased pairs they read."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from factcheck.nlp.spin.words import STOPWORDS, Word, is_variant, split_sentences, word_set, words_of, zipf

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


def _overlapping_pairs(
    sentences_by_doc: dict[str, list[Sentence]], min_overlap: float
) -> set[tuple[Sentence, Sentence]]:
    """Sentences of two documents (earlier document first) whose content words overlap by at least
    ``min_overlap`` (> 0; intersection over union, four words or more each).

    Exact, without comparing every pair of sentences (quadratic in the corpus: 8 CPU-s at 300
    BBC articles, ~90 at 1,000): each sentence is indexed by its rarest words only (prefix
    filtering). Two sets that overlap by ``min_overlap`` share at least ``floor(min_overlap * n)``
    of each one's ``n`` words, so they share one among each one's ``n - floor(min_overlap * n) + 1``
    rarest (words ordered by how many sentences hold them, then alphabetically).
    """
    entries = [
        (sentence, words)
        for doc_id in sorted(sentences_by_doc)
        for sentence in sentences_by_doc[doc_id]
        if len(words := word_set(sentence.text)) >= 4
    ]
    holding = Counter(word for _, words in entries for word in words)
    index: dict[str, list[int]] = defaultdict(list)
    pairs: set[tuple[Sentence, Sentence]] = set()
    for number, (sentence, words) in enumerate(entries):
        rarest = sorted(words, key=lambda word: (holding[word], word))
        prefix = rarest[: len(rarest) - max(1, int(min_overlap * len(rarest))) + 1]
        for other in sorted({other for word in prefix for other in index[word]}):
            other_sentence, other_words = entries[other]
            if other_sentence.doc == sentence.doc:
                continue
            if len(words & other_words) / len(words | other_words) >= min_overlap:
                pairs.add(
                    (other_sentence, sentence) if other_sentence.doc < sentence.doc else (sentence, other_sentence)
                )
        for word in prefix:
            index[word].append(number)
    return pairs


def paraphrase_pairs(
    corpus, sentences_by_doc: dict[str, list[Sentence]], min_overlap: float = 0.3, min_ratio: float = 0.5
) -> list[tuple[Sentence, Sentence]]:
    """Sentence pairs from two documents that paraphrase each other, sorted.

    Claims in one cross-source cluster are paired first (the clusters show paraphrases); any
    two sentences of different documents whose content words overlap strongly are paired too,
    so a paraphrase the clustering split still counts.
    """
    located: dict[tuple[str, int], Sentence] = {}
    for doc_id, sentences in sentences_by_doc.items():
        for sentence in sentences:
            located[(doc_id, sentence.start)] = sentence

    def sentence_at(doc_id: str, offset: int) -> Sentence | None:
        for sentence in sentences_by_doc.get(doc_id, ()):
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    pairs: set[tuple[Sentence, Sentence]] = set()
    for cluster in getattr(corpus, "clusters", ()):
        if len(cluster.documents) < 2:
            continue
        members = []
        for claim_id in cluster.claims:
            try:
                claim = corpus.claim(claim_id)
            except KeyError:
                continue
            member = sentence_at(claim.doc, claim.span.start)
            if member is not None:
                members.append(member)
        for a in members:
            for b in members:
                if a.doc < b.doc:
                    pairs.add((a, b))
    pairs.update(_overlapping_pairs(sentences_by_doc, min_overlap))
    kept = []
    for a, b in pairs:
        matcher = SequenceMatcher(
            None,
            [w.text.casefold() for w in words_of(a.text)],
            [w.text.casefold() for w in words_of(b.text)],
            autojunk=False,
        )
        if matcher.ratio() >= min_ratio:
            kept.append((a, b))
    return sorted(kept, key=lambda pair: (pair[0].doc, pair[0].start, pair[1].doc, pair[1].start))
