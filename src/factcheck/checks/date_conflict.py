"""FC002 date-conflict: the same event dated differently, within a document or across sources."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from factcheck.checks.base import Check, CheckContext
from factcheck.checks.temporal import dates_agree, event_times
from factcheck.model import Claim, Corpus, Finding, Severity, TimeExpression
from factcheck.plainwords import time_words


def _norm(text: str | None) -> str:
    if not text:
        return ""
    words = re.findall(r"\w+", text.casefold())
    return " ".join(word for word in words if word not in {"the", "a", "an", "its", "their", "his", "her"})


def event_date(claim: Claim) -> TimeExpression | None:
    """The one date a claim gives its event: written out, or relative but resolved.

    Claims giving several distinct dates are skipped: which date belongs to which event
    cannot be told apart ("China in 2007, the USA in 2008, India in 2019").
    """
    dated = event_times(claim)
    values = {time.value for time in dated}
    if len(values) != 1:
        return None
    return dated[0]


def event_key(claim: Claim) -> tuple[str, str, str] | None:
    """(actor, action, object), normalised; None when the claim has no usable event."""
    event = claim.event
    if event is None or not event.action or not event.past:
        return None
    actor, obj = _norm(event.actor), _norm(event.object)
    if not actor and not obj:
        return None  # "launched in 2020" with nobody and nothing named is no identity
    return actor, _norm(event.action), obj


class DateConflictCheck(Check):
    """The same event given two dates that cannot both be true.

    "The same event" is strict: both claims sit in the same cluster (they say the same
    thing) *and* their events have the same actor, action and object, normalised (the
    founding of the same unit by the same country), not merely the same topic. Each claim
    must give exactly one date for its event; claims listing several dates are skipped,
    since the check cannot tell which date belongs to which event. Relative dates count
    only once resolved against a dateline.

    Granularity is respected: "2020" and "October 2020" agree, "2019" and "2020" do not,
    "October 2020" and "November 2020" do not.

    Severity: error when one document dates the same event two ways (the text contradicts
    itself); warning across sources (one of them is wrong, or they describe different
    occurrences: an editor must look).

    Example: "Japan set up the squadron in 2020" in one source, "Japan set up the squadron
    in 2019" in another.

    Suppress with ``ignore = ["date-conflict"]`` or resolve a finding by its id.
    """

    code = "FC002"
    slug = "date-conflict"
    severity = Severity.WARNING

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        # Block on (cluster, event): only claims that already say the same thing meet.
        self.candidate_pairs = 0
        blocks: dict[tuple[str, tuple[str, str, str]], list[tuple[Claim, TimeExpression]]] = defaultdict(list)
        for claim in corpus.claims:
            cluster = corpus.cluster_of(claim.id)
            key = event_key(claim)
            time = event_date(claim)
            if cluster is None or key is None or time is None:
                continue
            blocks[(cluster.id, key)].append((claim, time))
        for (cluster_id, key), members in sorted(blocks.items()):
            members.sort(key=lambda item: (item[0].doc, item[0].span.start))
            # One finding per pair of disagreeing values, on their first mentions.
            first_of_value: dict[str, tuple[Claim, TimeExpression]] = {}
            for claim, time in members:
                first_of_value.setdefault(f"{claim.doc}\x1f{time.value}", (claim, time))
            reported: set[tuple[str, str]] = set()
            entries = list(first_of_value.values())
            self.candidate_pairs = (self.candidate_pairs or 0) + len(entries) * (len(entries) - 1) // 2
            for i, (left, left_time) in enumerate(entries):
                for right, right_time in entries[i + 1:]:
                    if left.id == right.id or dates_agree(left_time.value or "", right_time.value or ""):
                        continue
                    pair = tuple(sorted((left_time.value or "", right_time.value or "")))
                    same_doc = left.doc == right.doc
                    if (pair, same_doc) in reported:  # type: ignore[comparison-overlap]
                        continue
                    reported.add((pair, same_doc))  # type: ignore[arg-type]
                    yield self._finding(left, left_time, right, right_time, key, cluster_id)

    def _finding(self, left: Claim, left_time: TimeExpression, right: Claim, right_time: TimeExpression,
                 key: tuple[str, str, str], cluster_id: str) -> Finding:
        actor, action, obj = key
        event = " ".join(part for part in (actor, action, obj) if part)
        same_doc = left.doc == right.doc
        where = "the same document" if same_doc else f"{left.doc} and {right.doc}"
        relative = left_time.relative or right_time.relative
        severity = Severity.ERROR if same_doc and not relative else Severity.WARNING
        message = (f"the same event ({event}) is dated {time_words(left_time)} in {left.doc} "
                   f"and {time_words(right_time)} in {right.doc}; "
                   f"these dates do not overlap, so {where} cannot both be right")
        return self.finding(message, [left_time.span, left.span, right_time.span, right.span], severity=severity,
                            key=f"{event}:{left_time.value}:{right_time.value}",
                            data={"event": event, "cluster": cluster_id,
                                  "dates": [left_time.value, right_time.value]})
