"""Negating words, one lexicon for every check that asks whether a sentence or a quote denies what it states.

numeric-conflict asks whether one of two sentences denies its verb ("haven't lost" / "had lost": two facts, not
one fact told twice); quote-provenance whether a reworded quote gained or lost a negation (a turn of meaning, not
a paraphrase). Both read the text as written: folding punctuation splits "can't" into "can" and "t".
"""

from __future__ import annotations

import re
from collections import Counter

# Words that deny the verb they stand by: "did not score", "never won", "no longer", "can't", "cannot". Text from
# tokenised sources spaces the apostrophe off ("didn ’ t"): the same contraction.
_DENYING = r"not|never|no\s+longer|neither|nor|cannot|\w+n ?[\u2019'] ?t"
NEGATED_VERB = re.compile(rf"\b(?:{_DENYING})\b", re.IGNORECASE)
# ...and those that deny a noun or a clause too: "no evidence", "without consent".
NEGATION = re.compile(rf"\b(?:{_DENYING}|no|without)\b", re.IGNORECASE)


def negations(text: str) -> Counter[str]:
    """The negating words of a text, counted: ``{"not": 2, "never": 1}``. A contraction and "cannot" count as
    "not", so "won't" / "will not" is one wording's negation written two ways, not a change."""
    return Counter(_as_written(match) for match in NEGATION.findall(text))


def _as_written(word: str) -> str:
    word = " ".join(word.casefold().split())
    return "not" if word == "cannot" or "".join(word.split()).endswith(("n't", "n\u2019t")) else word
