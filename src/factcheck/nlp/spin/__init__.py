"""Spun-wording detection: words an article spinner swapped for near-synonyms, and their likely originals.

Three signals, shared by the garbled-wording and divergence checks:

1. **LM plausibility** (``LMSpinScorer``): one batched pass per sentence gives each word's
   log-probability in context and the model's top alternatives. A content word is shortlisted
   when the context makes it *less* likely than its everyday frequency (``wordfreq``) and the
   model clearly prefers other words there. For the shortlist only, each alternative is
   swapped in and the whole sentence rescored: spun wording is a swap whose original makes the
   *whole* sentence much more likely (the words after it included), not merely a rare word.
2. **Cross-source alignment** (``align_substitutions``): paraphrased sentences from two documents
   aligned token by token; a one-word substitution is evidence and the other wording a
   candidate original.
3. **Within-document consistency** (``document_variants``): a bigram "X Y" and "X' Y" in one
   document gives X as a candidate for X' (and vice versa).

Nothing here lists known tortured phrases: candidates come from the model and the texts.

Modules: ``words`` (tokens, sentences, frequency, candidate words), ``scorer`` (signal 1),
``sources`` (signals 2 and 3, paraphrased pairs), ``flips`` (meaning flips, for divergence).
"""

from factcheck.nlp.spin.flips import contrast
from factcheck.nlp.spin.scorer import CACHE_NAMESPACE, SCORER_VERSION, Flag, LMSpinScorer, Thresholds
from factcheck.nlp.spin.sources import (
    Sentence,
    SentenceIndex,
    SentencePlace,
    Substitution,
    align_substitutions,
    document_sentences,
    document_variants,
    paraphrase_pairs,
    prose_index,
)
from factcheck.nlp.spin.words import (
    STOPWORDS,
    Word,
    content_word_indices,
    frequency_logprob,
    is_content,
    is_typo,
    is_variant,
    protected_spans,
    word_set,
    words_of,
    zipf,
)

__all__ = [
    "CACHE_NAMESPACE",
    "Flag",
    "LMSpinScorer",
    "SCORER_VERSION",
    "STOPWORDS",
    "Sentence",
    "SentenceIndex",
    "SentencePlace",
    "Substitution",
    "Thresholds",
    "Word",
    "align_substitutions",
    "content_word_indices",
    "contrast",
    "document_sentences",
    "document_variants",
    "frequency_logprob",
    "is_content",
    "is_typo",
    "is_variant",
    "paraphrase_pairs",
    "prose_index",
    "protected_spans",
    "word_set",
    "words_of",
    "zipf",
]
