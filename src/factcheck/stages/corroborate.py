"""The corroborate stage: per document, which checkable claims another source states too.

A checkable claim is a quote, a figure or a dated event (``checkable_kinds``). It is *corroborated*
when another document holds a same-fact candidate of it (``Corpus.same_fact``) at a similarity of at
least ``CORROBORATING_SIMILARITY``: close enough that the two sentences state one fact, not merely
one topic. It is *single-source* when no other document does while other documents do cover its
topic (its document shares a cross-source cluster with another, which names one of the claim's
entities when it names any); a claim on a topic nobody else touches could not have been
corroborated and is counted as neither.

The result is a summary, one ``Corroboration`` record per document (counts and the single-source
claims, most important first), not a finding per claim: a wire story quoting a spokesperson the
other outlets do not is normal journalism, and a list of every such quote buried the report's
real discrepancies (17.6 notes per ECB+ group of ~6 articles). The opt-in ``uncorroborated`` check
turns the summary into one finding per document for CI jobs that want to gate on it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from factcheck.config import Settings
from factcheck.model import Claim, Corpus, Corroboration

CORROBORATING_SIMILARITY = 0.65
# Most important first: a quote or a figure that rests on one source matters more than a date.
_KIND_WEIGHT = {"quote": 3, "quantity": 2, "dated-event": 1}


def checkable_kinds(claim: Claim) -> list[str]:
    """Which of quote / quantity / dated event a claim is (the kinds worth corroborating)."""
    from factcheck.checks.temporal import event_times

    kinds = []
    if claim.quote is not None or "quote" in claim.kinds:
        kinds.append("quote")
    if claim.quantities:
        kinds.append("quantity")
    # A dated event needs a real date: citation years ("(Smith, 2019)") and "today" are not one.
    if ("dated-event" in claim.kinds or claim.event is not None) and event_times(claim):
        kinds.append("dated-event")
    return kinds


def _entities(claim: Claim) -> set[str]:
    keys = set()
    for actor in claim.actors:
        words = re.findall(r"\w+", actor.name.casefold())
        if words:
            keys.add(words[-1])
    return keys


def corroboration(corpus: Corpus) -> tuple[Corroboration, ...]:
    """One record per document (in document order); empty for a run of fewer than two documents."""
    if len(corpus.documents) < 2:
        return ()
    corroborated_claims: set[str] = set()
    for pair in corpus.same_fact:
        if pair.similarity >= CORROBORATING_SIMILARITY:
            corroborated_claims.update((pair.left, pair.right))
    neighbours: dict[str, set[str]] = defaultdict(set)  # doc -> documents it shares a cluster with
    for cluster in corpus.clusters:
        if cluster.cross_source:
            for doc in cluster.documents:
                neighbours[doc].update(other for other in cluster.documents if other != doc)
    entity_docs: dict[str, set[str]] = defaultdict(set)
    for claim in corpus.claims:
        for entity in _entities(claim):
            entity_docs[entity].add(claim.doc)
    records = []
    for document in corpus.documents:
        corroborated = 0
        single: list[tuple[int, int, Claim, list[str]]] = []
        for position, claim in enumerate(corpus.claims_of(document.id)):
            kinds = checkable_kinds(claim)
            if not kinds:
                continue
            if claim.id in corroborated_claims:
                corroborated += 1
                continue
            others = neighbours.get(claim.doc, set())
            entities = _entities(claim)
            covered = any(entity_docs[entity] & others for entity in entities) if entities else bool(others)
            if covered:
                weight = sum(_KIND_WEIGHT[kind] for kind in kinds)
                single.append((-weight, position, claim, kinds))
        single.sort(key=lambda row: row[:2])
        records.append(
            Corroboration(
                doc=document.id,
                corroborated=corroborated,
                single_source=len(single),
                single_source_claims=tuple(claim.id for _, _, claim, _ in single),
                single_source_kinds=tuple(",".join(kinds) for *_, kinds in single),
            )
        )
    return tuple(records)


class CorroborateStage:
    """Adds ``Corpus.corroboration``: per document, corroborated vs single-source checkable claims."""

    name = "corroborate"
    requires = ("claims", "clusters", "same_fact")
    assigns = ("corroboration",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, corpus: Corpus) -> Corpus:
        return corpus.evolve(corroboration=corroboration(corpus))
