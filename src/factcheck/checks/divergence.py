"""FC021 divergence: a paraphrase that flips a word's meaning against its source ("export" -> "import")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from factcheck.checks.base import CheckContext, LanguageModelCheck
from factcheck.engine import LazyJobs
from factcheck.model import Corpus, Finding, Severity, Span
from factcheck.nlp.numbers import CARDINALS, ORDINALS, SCALES
from factcheck.nlp.spin import Sentence
from factcheck.nlp.timex.durations import UNITS
from factcheck.nlp.timex.lexicon import MONTH_NUMBER, WEEKDAYS

# Paraphrased sentence pairs per block: most pairs cost the model nothing (no content word differs),
# a pair that does costs four short prompts.
PAIRS_PER_BLOCK = 16


class DivergenceCheck(LanguageModelCheck):
    """Two documents say the same sentence but one word flips its meaning.

    When a document paraphrases another (near-identical sentences across documents, or claims
    in one cross-source cluster), the two sentences are aligned word by word. A one-word
    substitution between opposites - "export controls" against "import regulations", "civil
    missions" against "military missions" - changes what is claimed, whichever version is
    right, so both places are shown side by side.

    Opposites are decided without a word list of our own: WordNet's antonyms ("export" /
    "import", "civilian" / "military") are flips; two words WordNet relates otherwise (synonyms,
    derived forms, one a kind of the other: "space" / "area") never are, and are left to
    garbled-wording (FC020). Words WordNet does not relate go to the language model (Gemma 3
    270M), asked how likely each word is as "the opposite of" the other, against how likely it is
    as "another word for" it; a clear preference for "opposite" in both directions marks a flip
    ("civil" / "military", which WordNet does not give as antonyms).

    Example: a source says "firms face barriers over security clearances and export controls",
    its rewrite "... security clearances and import regulations" -> divergence on "export" /
    "import", both places cited.

    Suppress one by resolving its fingerprint, or switch the check off with
    ``--ignore divergence``. Tunable: ``thresholds = {"divergence.min_contrast" = 1.0}``.
    """

    code: ClassVar[str] = "FC021"
    slug: ClassVar[str] = "divergence"
    severity: ClassVar[Severity] = Severity.WARNING
    # Its blocks are few (bbc-300: 248 pairs), and the workers usually hold the model already
    # (garbled-wording ran before it): on the client it would load a model of its own.
    min_parallel_blocks: ClassVar[int] = 4

    def blocks(self, corpus: Corpus, context: CheckContext) -> Sequence[list[tuple[Sentence, Sentence]]]:
        """The paraphrased sentence pairs (found across the corpus, here), in blocks of
        ``PAIRS_PER_BLOCK``: the model weighs each pair's substitutions on a worker. A block reads
        its sentences back as it leaves; until then a pair is where its two sentences are."""
        from factcheck.nlp import spin

        pairs = spin.paraphrase_pairs(corpus, spin.prose_index(corpus, context.settings.max_sentence_chars))
        parts = [pairs[start : start + PAIRS_PER_BLOCK] for start in range(0, len(pairs), PAIRS_PER_BLOCK)]
        return LazyJobs(parts, lambda part: [(a.read(corpus), b.read(corpus)) for a, b in part])

    def run_block(self, block: list[tuple[Sentence, Sentence]], context: CheckContext) -> list[Finding]:
        from factcheck.nlp import lexicon, spin

        min_contrast = context.settings.threshold(f"{self.slug}.min_contrast", 1.0)
        lm = None
        findings = []
        for a, b in block:
            if figures_differ(a.text, b.text):
                continue  # two facts told alike ("cleared 1.76m ... and threw" / "reached 1.80m ... and clocked")
            for sub in spin.align_substitutions(a.text, b.text):
                if not (spin.is_content(sub.a) and spin.is_content(sub.b)) or spin.is_variant(sub.a.text, sub.b.text):
                    continue
                if an_amount(sub.a.text) or an_amount(sub.b.text):
                    continue  # "for two years" / "for four years", "last week" / "last month": values, not meanings
                relation = lexicon.word_relation(sub.a.text, sub.b.text)
                if relation in lexicon.SAME_ACT:
                    continue  # one sense, or one a kind of the other: a swap, not a flip
                lm = lm or self._lm(context)
                contrast = spin.contrast(lm, sub.a.text.casefold(), sub.b.text.casefold())
                antonyms = relation is lexicon.Relation.ANTONYM
                if contrast < min_contrast and not antonyms:
                    continue
                span_a = Span(doc=a.doc, start=a.start + sub.a.start, end=a.start + sub.a.end, text=sub.a.text)
                span_b = Span(doc=b.doc, start=b.start + sub.b.start, end=b.start + sub.b.end, text=sub.b.text)
                phrase_a = _around(a.text, sub.a)
                phrase_b = _around(b.text, sub.b)
                findings.append(
                    self.finding(
                        f"{a.doc} says '{phrase_a}' where {b.doc} says '{phrase_b}': "
                        f"'{sub.a.text}' and '{sub.b.text}' are opposites (contrast {contrast:.1f})",
                        [span_a, span_b],
                        suggestion=None,
                        data={
                            "contrast": round(contrast, 3),
                            "words": [sub.a.text, sub.b.text],
                            "phrases": [phrase_a, phrase_b],
                            "signals": ["source", "wordnet-antonyms" if antonyms else "lm-contrast"],
                        },
                    )
                )
        return findings

    def merge(self, corpus: Corpus, context: CheckContext, results: list[list[Finding]]) -> list[Finding]:
        return [finding for findings in results for finding in findings]


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# Words that say how much or when, not what: a count, a rank, a scale, a unit of time (the timex lexicon's, and the
# fortnight and the sports season it does not count in), a weekday, a month.
_TIME_UNITS = (*UNITS, "fortnight", "season")
_AMOUNT_WORDS = frozenset(
    {*CARDINALS, *ORDINALS, *SCALES, *WEEKDAYS, *MONTH_NUMBER}
    | {*_TIME_UNITS, *(f"{unit}s" for unit in _TIME_UNITS), "centuries"}
)


def figures_differ(sentence_a: str, sentence_b: str) -> bool:
    """Whether each of two paraphrased sentences gives a figure the other does not: two facts told in one mould
    (two athletes' results, two years' totals), not one fact with a word flipped. A side that only adds a figure
    ("cut £35bn ... to allow £4bn in tax cuts") still tells the other's fact."""
    figures_a, figures_b = set(_FIGURE.findall(sentence_a)), set(_FIGURE.findall(sentence_b))
    return bool(figures_a - figures_b) and bool(figures_b - figures_a)


def an_amount(word: str) -> bool:
    """Whether a word gives an amount or a time ("two", "second", "million", "week", "March"): two such words
    differ in value, which numeric-conflict and date-conflict weigh; neither is the opposite of the other."""
    return word.casefold() in _AMOUNT_WORDS


def _around(sentence: str, word) -> str:
    """The word with one word of context each side."""
    from factcheck.nlp.spin import words_of

    words = [w for w in words_of(sentence) if w.text.isalnum()]
    index = next(i for i, w in enumerate(words) if w.start == word.start)
    chosen = words[max(0, index - 1) : index + 2]
    return sentence[chosen[0].start : chosen[-1].end].replace("\n", " ")
