"""JSON output: the versioned contract CI jobs and researchers depend on."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from factcheck.model import Corpus, Corroboration, Finding, RunResult, Span

FORMAT_VERSION = 1


def span_data(span: Span) -> dict[str, Any]:
    return {"doc": span.doc, "start": span.start, "end": span.end, "text": span.text}


def finding_data(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": finding.id,
        "check": finding.check,
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "evidence": [span_data(span) for span in finding.evidence],
        "suggestion": finding.suggestion,
        "status": finding.status.value,
    }
    if finding.note:
        data["note"] = finding.note
    if finding.data:
        data["data"] = finding.data
    return data


def corroboration_data(corpus: Corpus, record: Corroboration) -> dict[str, Any]:
    """One document's corroboration summary with every single-source claim listed."""
    return {
        "doc": record.doc,
        "corroborated": record.corroborated,
        "single_source": record.single_source,
        "single_source_claims": [
            {"id": claim_id, "kinds": kinds.split(","), "text": corpus.claim(claim_id).span.text}
            for claim_id, kinds in zip(record.single_source_claims, record.single_source_kinds)
        ],
    }


def summary_data(corpus: Corpus, exit_code: int | None = None) -> dict[str, Any]:
    by_severity = Counter(f.severity.value for f in corpus.findings if f.status.value == "open")
    by_status = Counter(f.status.value for f in corpus.findings)
    summary: dict[str, Any] = {
        "documents": len(corpus.documents),
        "claims": len(corpus.claims),
        "clusters": len(corpus.clusters),
        "cross_source_clusters": sum(1 for c in corpus.clusters if c.cross_source),
        "findings": len(corpus.findings),
        "open": {severity: by_severity.get(severity, 0) for severity in ("error", "warning", "info")},
        "status": {status: by_status.get(status, 0) for status in ("open", "resolved", "accepted")},
        "by_check": dict(sorted(Counter(f.check for f in corpus.findings).items())),
        "failures": [failure.model_dump(mode="json") for failure in corpus.failures],
        "stale_resolutions": list(corpus.stale_resolutions),
        "checks": corpus.extras.get("checks", {}),
    }
    if exit_code is not None:
        summary["exit_code"] = exit_code
    return summary


def result_data(result: RunResult) -> dict[str, Any]:
    corpus = result.corpus
    claim_counts = Counter(claim.doc for claim in corpus.claims)
    spin = corpus.extras.get("checks", {}).get("garbled-wording") or {}
    return {
        "version": FORMAT_VERSION,
        "documents": [
            {
                "id": doc.id,
                "path": doc.path,
                "title": doc.title,
                "byline": doc.byline,
                "published": doc.published.isoformat() if doc.published else None,
                "published_source": doc.published_source,
                "encoding": doc.encoding,
                "format": doc.format,
                "claims": claim_counts.get(doc.id, 0),
                # garbled-wording's spin score (None when the check did not run).
                "spin_score": spin[doc.id].get("spin_score") if isinstance(spin.get(doc.id), dict) else None,
                "likely_spun": spin[doc.id].get("likely_spun") if isinstance(spin.get(doc.id), dict) else None,
            }
            for doc in corpus.documents
        ],
        "clusters": [
            {
                "id": cluster.id,
                "claims": list(cluster.claims),
                "documents": list(cluster.documents),
                "also": list(cluster.also),
            }
            for cluster in corpus.clusters
        ],
        "corroboration": [corroboration_data(corpus, record) for record in corpus.corroboration],
        "findings": [finding_data(finding) for finding in corpus.findings],
        "summary": summary_data(corpus, result.exit_code()),
    }


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


class JsonReporter:
    format = "json"

    def render(self, result: RunResult) -> str:
        return dumps(result_data(result))
