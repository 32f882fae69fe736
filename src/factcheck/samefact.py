"""Whether claims from different sources state the same fact, not merely share a topic.

A cluster groups sentences whose embeddings are close, which topic sentences also are ("The
recent launch marks a milestone" / "The alliance is central to that mission"). Reports say
"N sources agree" and audit lists a source as supporting a draft only when this test passes;
otherwise they say "N sources report". The test is deliberately conservative, from the slots
the extractor fills: the same quote, the same event (actor and action, with dates that
agree), the same measure, or near-identical wording. The cross-source alignment (issue 15)
can replace it behind this one function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.model import Claim

QUOTE_SIMILARITY = 85.0  # rapidfuzz ratio (0-100) of two quotes' normalised words
WORDING_SIMILARITY = 80.0  # token-set ratio of two sentences' content words
MAX_CLAIMS_PER_DOCUMENT = 3
MAX_DOCUMENTS = 30
_STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been has have had
this that these those its it their his her our which who what when where than then so such into over under about
also will would could should may might can not no""".split()
)


def _content_words(text: str) -> str:
    return " ".join(word for word in re.findall(r"\w+", text.casefold()) if word not in _STOPWORDS)


def _same_quote(left: Claim, right: Claim) -> bool:
    from rapidfuzz import fuzz

    if left.quote is None or right.quote is None:
        return False
    return fuzz.ratio(_content_words(left.quote.span.text), _content_words(right.quote.span.text)) >= QUOTE_SIMILARITY


def _same_event(left: Claim, right: Claim) -> bool:
    from factcheck.checks.temporal import dates_agree

    a, b = left.event, right.event
    if a is None or b is None or a.action != b.action:
        return False
    if (a.actor and b.actor and a.actor != b.actor) or (a.object and b.object and a.object != b.object):
        return False  # someone else did it, or did it to something else
    if not ((a.actor and a.actor == b.actor) or (a.object and a.object == b.object)):
        return False  # "launched" alone names no event
    left_dates = [t.value for t in left.times if t.value and not t.value.endswith("_REF")]
    right_dates = [t.value for t in right.times if t.value and not t.value.endswith("_REF")]
    return not (left_dates and right_dates) or any(dates_agree(x, y) for x in left_dates for y in right_dates)


def _same_measure(left: Claim, right: Claim) -> bool:
    measures = {(q.measure, q.unit) for q in left.quantities if q.measure}
    return any((q.measure, q.unit) in measures for q in right.quantities if q.measure)


def _same_wording(left: Claim, right: Claim) -> bool:
    from rapidfuzz import fuzz

    a, b = _content_words(left.text), _content_words(right.text)
    if min(len(a.split()), len(b.split())) < 4:
        return False
    return fuzz.token_set_ratio(a, b) >= WORDING_SIMILARITY and fuzz.token_sort_ratio(a, b) >= WORDING_SIMILARITY - 20


def same_fact(left: Claim, right: Claim) -> bool:
    """Whether two claims were found to state the same fact."""
    return any(test(left, right) for test in (_same_quote, _same_event, _same_measure, _same_wording))


def agreeing_documents(claims: Sequence[Claim]) -> tuple[str, ...]:
    """The documents whose claims state the same fact as another document's claim, in order."""
    # A few claims per document are enough to tell; a cluster of hundreds stays cheap to describe.
    per_document: dict[str, list[Claim]] = {}
    for claim in claims:
        kept = per_document.setdefault(claim.doc, [])
        if len(kept) < MAX_CLAIMS_PER_DOCUMENT:
            kept.append(claim)
    claims = [claim for kept in list(per_document.values())[:MAX_DOCUMENTS] for claim in kept]
    agreeing: set[str] = set()
    for index, left in enumerate(claims):
        for right in claims[index + 1 :]:
            if left.doc != right.doc and same_fact(left, right):
                agreeing.update((left.doc, right.doc))
    return tuple(sorted(agreeing))
