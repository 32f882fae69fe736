"""FC005 uncorroborated: quotes, numbers and dated events that only one source makes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from factcheck.checks.base import Check, CheckContext
from factcheck.checks.numeric_conflict import entity_keys
from factcheck.checks.temporal import event_times
from factcheck.model import Claim, Corpus, Finding, Severity
from factcheck.plainwords import quoted

_KIND_WORDS = {"quote": "quote", "quantity": "figure", "dated-event": "dated event"}


def checkable_kinds(claim: Claim) -> list[str]:
    """Which of quote / quantity / dated event a claim is (the kinds worth corroborating)."""
    kinds = []
    if claim.quote is not None or "quote" in claim.kinds:
        kinds.append("quote")
    if claim.quantities:
        kinds.append("quantity")
    # A dated event needs a real date: citation years ("(Smith, 2019)") and "today" are not one.
    if ("dated-event" in claim.kinds or claim.event is not None) and event_times(claim):
        kinds.append("dated-event")
    return kinds


def _claim_entities(claim: Claim) -> set[str]:
    return {key for actor in claim.actors for key in entity_keys(actor.name)}


class UncorroboratedCheck(Check):
    """Quotes, figures and dated events only one source in the run makes.

    Runs only when the run has two or more documents. A claim is single-source when its
    cluster (the claims that say the same thing) holds claims of one document only. It is
    reported only when other sources do cover the topic: the claim's document shares a
    cross-source cluster with another document which, when the claim names entities, also
    names one of them. A claim on a topic nobody else touches is not reported: there is
    nothing it could have been corroborated by.

    Severity: info, one finding per single-source quote, figure or dated event. The run's
    summary (``report_data``) gives per document how many such claims are corroborated and
    how many rest on that source alone, so an editor sees which statements need a second
    source.

    Example: only one of three articles on a launch quotes a spokesperson; the quote is
    listed as resting on that article alone.

    Suppress with ``ignore = ["uncorroborated"]``, or lower its noise with
    ``severity = {uncorroborated = "info"}`` and ``--fail-on warning``.
    """

    code = "FC005"
    slug = "uncorroborated"
    severity = Severity.INFO

    def _classify(self, corpus: Corpus) -> list[tuple[Claim, list[str], bool, bool]]:
        """(claim, kinds, corroborated, topic covered elsewhere) for each checkable claim."""
        doc_ids = sorted(document.id for document in corpus.documents)
        if len(doc_ids) < 2:
            return []
        shared_docs: dict[str, set[str]] = defaultdict(set)  # doc -> other docs it shares a cluster with
        for cluster in corpus.clusters:
            if cluster.cross_source:
                for doc in cluster.documents:
                    shared_docs[doc].update(other for other in cluster.documents if other != doc)
        # Document pairs that share a cross-source cluster: what "covered" is looked up in.
        self.candidate_pairs = sum(len(others) for others in shared_docs.values())
        entity_docs: dict[str, set[str]] = defaultdict(set)
        for claim in corpus.claims:
            for entity in _claim_entities(claim):
                entity_docs[entity].add(claim.doc)
        rows = []
        for claim in sorted(corpus.claims, key=lambda c: (c.doc, c.span.start, c.span.end)):
            kinds = checkable_kinds(claim)
            if not kinds:
                continue
            cluster = corpus.cluster_of(claim.id)
            corroborated = cluster is not None and cluster.cross_source
            # Covered: another document shares a cluster with this one and, when the claim
            # names entities, names one of them too; a shared "UK" alone is no common topic.
            neighbours = shared_docs.get(claim.doc, set())
            entities = _claim_entities(claim)
            if entities:
                covered = any(entity_docs[entity] & neighbours for entity in entities)
            else:
                covered = bool(neighbours)
            rows.append((claim, kinds, corroborated, covered))
        return rows

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        other_count = len(corpus.documents) - 1
        for claim, kinds, corroborated, covered in self._classify(corpus):
            if corroborated or not covered:
                continue
            what = " and ".join(_KIND_WORDS[kind] for kind in kinds)
            message = (
                f"only {claim.doc} makes this claim ({what}): {quoted(claim.span.text, 160)}; "
                f"none of the {other_count} other document(s) in the run, which cover related topics, says it"
            )
            evidence = [claim.quote.span] if claim.quote is not None else [claim.span]
            yield self.finding(message, evidence, key=",".join(kinds), data={"kinds": kinds, "doc": claim.doc})

    def report_data(self, corpus: Corpus, findings: list[Finding]) -> dict[str, Any] | None:
        counts: dict[str, dict[str, int]] = {}
        for claim, _, corroborated, covered in self._classify(corpus):
            row = counts.setdefault(claim.doc, {"corroborated": 0, "single_source": 0})
            row["corroborated" if corroborated else "single_source"] += 1
        return dict(sorted(counts.items())) or None
