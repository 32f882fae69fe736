"""FC005 uncorroborated (opt-in): one finding per document whose checkable claims rest on it alone."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from factcheck.checks.base import Check, CheckContext
from factcheck.model import Corpus, Finding, Severity
from factcheck.stages.corroborate import checkable_kinds

__all__ = ["UncorroboratedCheck", "checkable_kinds"]

SHOWN = 3  # single-source claims named in the message and cited as evidence

_KIND_WORDS = {"quote": "quote", "quantity": "figure", "dated-event": "dated event"}


class UncorroboratedCheck(Check):
    """Documents whose quotes, figures and dated events no other source in the run states.

    Every run summarises corroboration per document (``corroboration`` in the JSON output, a line
    per document in the report): how many of its quotes, figures and dated events another source
    states too, and which ones rest on it alone while other sources cover the topic. This check,
    off by default, turns that summary into one info finding per document with single-source
    claims, citing the most important ones (quotes first, then figures, then dates), for CI jobs
    that want every such document acknowledged.

    Why opt-in: a wire story quoting a spokesperson other outlets do not quote is ordinary
    journalism; one finding per such claim buried the real discrepancies.

    Example: `factcheck check articles/ --enable uncorroborated` on three articles about a launch,
    one of which alone quotes a spokesperson: one finding on that article, citing the quote.

    Enable with ``--enable uncorroborated`` (or ``extend-select = ["uncorroborated"]``); resolve a
    document's finding once its single-source claims are checked.
    """

    code = "FC005"
    slug = "uncorroborated"
    severity = Severity.INFO
    default_enabled: ClassVar[bool] = False

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        records = corpus.corroboration
        self.candidate_pairs = len(corpus.same_fact)
        for record in records:
            if not record.single_source:
                continue
            shown = [corpus.claim(claim_id) for claim_id in record.single_source_claims[:SHOWN]]
            kinds = record.single_source_kinds[:SHOWN]
            listed = "; ".join(
                f"{' and '.join(_KIND_WORDS[kind] for kind in kind_list.split(','))}: {claim.span.text.strip()[:100]!r}"
                for claim, kind_list in zip(shown, kinds)
            )
            total = record.corroborated + record.single_source
            message = (
                f"{record.single_source} of {total} quotes, figures and dated events in {record.doc} rest on "
                f"this source alone (the other sources cover the topic); most important: {listed}"
            )
            evidence = [claim.quote.span if claim.quote is not None else claim.span for claim in shown]
            yield self.finding(
                message,
                evidence,
                data={
                    "doc": record.doc,
                    "corroborated": record.corroborated,
                    "single_source": record.single_source,
                    "single_source_claims": list(record.single_source_claims),
                },
            )

    def report_data(self, corpus: Corpus, findings: list[Finding]) -> dict[str, Any] | None:
        return None
