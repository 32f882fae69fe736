"""The spun-wording checks' prose sentences across documents: the paraphrased pairs they find without
holding every text, and blocks that read their texts only as they leave."""

from __future__ import annotations

import gc
import random
import types
from difflib import SequenceMatcher

import pytest
from _spinfakes import BigramLM

from factcheck.checks.base import CheckContext
from factcheck.checks.divergence import DivergenceCheck
from factcheck.checks.garbled_wording import GarbledWordingCheck
from factcheck.config import Settings
from factcheck.model import Claim, Cluster, Corpus, Document, Span
from factcheck.nlp import spin
from factcheck.nlp.spin.words import word_set, words_of

# Two sentences with few content words in common (so no overlap pairs them) but most of their words
# in the same order: only a cluster pairs them, and the ratio keeps them.
CLUSTERED = (
    "The cost of the plan and the work of the board was in the news.",
    "The vote of the chair and the pier of the council was in the news.",
)


def random_corpus(seed: int, documents: int = 10) -> Corpus:
    """Sentences drawn from a few words (so many overlap by every amount), the two CLUSTERED sentences
    in two documents, and clusters of claims at some sentences."""
    vocabulary = "harbour board pier metres council vote plan work cost million pounds chair years the of and".split()
    pick = random.Random(seed)
    texts = {}
    for doc in range(documents):
        sentences = [
            " ".join(pick.choice(vocabulary) for _ in range(pick.randint(6, 12))).capitalize() + "." for _ in range(8)
        ]
        if doc in (2, 7):
            sentences.insert(3, CLUSTERED[doc == 7])
        texts[f"d{doc}"] = " ".join(sentences)
    documents_ = tuple(Document(id=i, path=f"{i}.txt", text=t, clean=t) for i, t in sorted(texts.items()))

    def claim_at(doc_id: str, sentence: str) -> Claim:
        start = texts[doc_id].index(sentence)
        span = Span(doc=doc_id, start=start, end=start + len(sentence), text=sentence)
        return Claim(id=f"{doc_id}#{span.start}-{span.end}", doc=doc_id, span=span, text=sentence)

    claims = [claim_at("d2", CLUSTERED[0]), claim_at("d7", CLUSTERED[1])]
    clusters = [Cluster(id="c0", claims=tuple(c.id for c in claims), documents=("d2", "d7"))]
    for number in range(1, 6):  # clusters of random sentences, across documents and within one
        members = []
        for doc_id in pick.sample(sorted(texts), 3 if number % 2 else 1):
            sentence = pick.choice(texts[doc_id].split(". ")).rstrip(".") + "."
            members.append(claim_at(doc_id, sentence if sentence in texts[doc_id] else sentence[:-1]))
        claims.extend(members)
        docs = tuple(sorted({c.doc for c in members}))
        clusters.append(Cluster(id=f"c{number}", claims=tuple(c.id for c in members), documents=docs))
    return Corpus(
        documents=documents_,
        claims=tuple(sorted(set(claims), key=lambda c: (c.doc, c.span.start))),
        clusters=tuple(clusters),
    )


def every_pair(corpus: Corpus, min_overlap: float = 0.3, min_ratio: float = 0.5) -> list[tuple]:
    """Paraphrased pairs by comparing every two sentences' texts, as the search did holding every text."""
    sentences = {d.id: spin.document_sentences(corpus.text_of(d.id)) for d in corpus.documents}
    clustered = set()
    for cluster in corpus.clusters:
        if len(cluster.documents) < 2:
            continue
        members = [
            s
            for claim_id in cluster.claims
            for s in sentences[corpus.claim(claim_id).doc]
            if s.start <= corpus.claim(claim_id).span.start < s.end
        ]
        clustered |= {(a, b) for a in members for b in members if a.doc < b.doc}

    def overlap(a, b) -> bool:
        words_a, words_b = word_set(a.text), word_set(b.text)
        return min(len(words_a), len(words_b)) >= 4 and len(words_a & words_b) / len(words_a | words_b) >= min_overlap

    def ratio(a, b) -> float:
        folded = [[w.text.casefold() for w in words_of(s.text)] for s in (a, b)]
        return SequenceMatcher(None, *folded, autojunk=False).ratio()

    found = [
        (a, b)
        for doc_a in sorted(sentences)
        for doc_b in sorted(sentences)
        if doc_a < doc_b
        for a in sentences[doc_a]
        for b in sentences[doc_b]
        if ((a, b) in clustered or overlap(a, b)) and ratio(a, b) >= min_ratio
    ]
    return sorted(found, key=lambda pair: (pair[0].doc, pair[0].start, pair[1].doc, pair[1].start))


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_paraphrased_pairs_are_those_a_comparison_of_every_two_sentences_finds(seed):
    corpus = random_corpus(seed)
    found = spin.paraphrase_pairs(corpus, spin.prose_index(corpus))
    expected = every_pair(corpus)
    assert [(a.read(corpus), b.read(corpus)) for a, b in found] == expected
    # Found through a cluster alone, and through the overlap of words alone.
    clustered = tuple(sorted(((a.doc, a.text) for pair in expected for a in pair if a.text in CLUSTERED)))
    assert clustered == (("d2", CLUSTERED[0]), ("d7", CLUSTERED[1]))
    assert len(expected) > 10


def reachable_strings(roots: list[object], outside: list[object]) -> set[str]:
    """Every string ``roots`` refer to, directly or not, leaving out ``outside`` and what only it holds,
    modules, classes and functions' globals (a function counts by what its closure holds)."""
    seen = {id(item) for item in outside}
    stack = list(roots)
    found: set[str] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, (type, types.ModuleType, types.CodeType)):
            continue
        seen.add(id(item))
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, types.FunctionType):
            stack.extend(cell.cell_contents for cell in item.__closure__ or ())
            stack.extend(item.__defaults__ or ())
        else:
            stack.extend(gc.get_referents(item))
    return found


WIRE = (
    "Japan and the United States agreed to protect their space assets against attacks by rivals.",
    "Japan's defense organizations and industry faced barriers from data sharing policies and export controls.",
    "The two rival countries are now in a relationship of convenience on trade and arms.",
)
REWRITE = (
    "Japan and the United States agreed to protect their planetary assets against attacks by rivals.",
    "Japan's defense organizations and industry faced barriers from data sharing policies and import controls.",
    "The two rival countries are now in a relationship of pleasure on trade and arms.",
)


@pytest.mark.parametrize("check_class", [GarbledWordingCheck, DivergenceCheck])
def test_the_spun_wording_checks_hold_no_sentence_until_its_block_leaves(check_class):
    # Each document has sentences of its own and one a wire story shares with others (paraphrased).
    texts = {
        f"d{number}": f"Reporter number {number} filed this piece from the harbour office on a wet morning. "
        + (WIRE if number % 2 else REWRITE)[number % 3]
        + f" Council officials met {number} times this year to talk about the pier and its repairs."
        for number in range(9)
    }
    corpus = Corpus(documents=tuple(Document(id=i, path=f"{i}.txt", text=t, clean=t) for i, t in sorted(texts.items())))
    sentences = {s.text for d in corpus.documents for s in spin.document_sentences(corpus.text_of(d.id))}
    assert len(sentences) > 2 * len(texts)
    check = check_class.using(BigramLM({}))()
    context = CheckContext(settings=Settings(use_cache=False))
    blocks = check.blocks(corpus, context)
    assert blocks
    # What the check keeps for its merge and the blocks not yet taken hold no sentence of any
    # document: the texts stay with the corpus, which reads them back one document at a time.
    held = reachable_strings([check, blocks], outside=[corpus])
    assert not {text for text in held if any(sentence in text for sentence in sentences)}
    # A block taken (as an engine takes it to send it) has its sentences, read back whole.
    taken = blocks[0]
    pieces = (
        [s.text for s in taken.sentences]
        if check_class is GarbledWordingCheck
        else [s.text for pair in taken for s in pair]
    )
    assert pieces and set(pieces) <= sentences
