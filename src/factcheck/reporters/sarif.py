"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps) and SARIF viewers.

One run; rules come from the check registry with each check's docstring as its help;
``partialFingerprints`` carry the finding id so dashboards track a finding across edits;
resolved and accepted findings are suppressions with their note. Columns count Unicode
code points, as ``Document.line_col`` does.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Any

from factcheck.model import Corpus, Finding, RunResult, Severity, Span, Status

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factcheck/"
FINGERPRINT_KEY = "factcheck/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: str, root: Path | None = None) -> str:
    """A relative, forward-slash URI for a document path (absolute file URI outside ``root``)."""
    root = Path.cwd() if root is None else root
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(root.resolve())
        except ValueError:
            return candidate.resolve().as_uri()
    return _quote(PurePath(os.path.normpath(candidate)).as_posix())


def _quote(relative: str) -> str:
    from urllib.parse import quote

    return quote(relative, safe="/-._~")


def _rule(check_class: Any) -> dict[str, Any]:
    documentation = check_class.documentation() or check_class.slug
    summary = check_class.summary() or check_class.slug
    return {
        "id": check_class.code,
        "name": check_class.slug,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": documentation},
        "help": {"text": documentation, "markdown": documentation},
        "defaultConfiguration": {"level": LEVELS[Severity(check_class.severity)]},
        "properties": {"tags": ["factcheck", check_class.slug]},
    }


def _rules(findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
    """Rules of every registered check, plus any check seen only in findings (e.g. injected)."""
    try:
        from factcheck.stages.check import registered_checks

        registry = registered_checks()
    except Exception:  # noqa: BLE001 - a broken plugin must not cost the report its rules
        registry = {}
    rules = {check_class.code: _rule(check_class) for check_class in registry.values()}
    for finding in findings:
        if finding.code not in rules:
            rules[finding.code] = {
                "id": finding.code,
                "name": finding.check,
                "shortDescription": {"text": finding.check},
                "defaultConfiguration": {"level": LEVELS[finding.severity]},
            }
    return sorted(rules.values(), key=lambda rule: rule["id"])


class SarifReporter:
    """Render a RunResult as one SARIF 2.1.0 log (a JSON string)."""

    format = "sarif"

    def __init__(self, root: Path | None = None, version: str | None = None) -> None:
        self.root = root
        self.version = version

    def render(self, result: RunResult) -> str:
        return json.dumps(self.log(result), indent=2, ensure_ascii=False) + "\n"

    def log(self, result: RunResult) -> dict[str, Any]:
        corpus = result.corpus
        rules = _rules(corpus.findings)
        rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "factcheck",
                    "version": self.version or _version(),
                    "informationUri": INFORMATION_URI,
                    "rules": rules,
                }
            },
            "invocations": [self._invocation(result)],
            "columnKind": "unicodeCodePoints",
            "results": [self._result(corpus, finding, rule_index) for finding in corpus.findings],
        }
        artifacts = [
            {
                "location": {"uri": artifact_uri(doc.path, self.root)},
                "encoding": doc.encoding,
                "sourceLanguage": doc.format,
            }
            for doc in corpus.documents
        ]
        if artifacts:
            run["artifacts"] = artifacts
        return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}

    def _location(self, corpus: Corpus, span: Span, location_id: int | None = None) -> dict[str, Any]:
        try:
            document = corpus.text_of(span.doc)
        except KeyError:
            document = None
        physical: dict[str, Any] = {
            "artifactLocation": {"uri": artifact_uri(document.path if document else span.doc, self.root)}
        }
        region: dict[str, Any] = {"charOffset": span.start, "charLength": max(span.end - span.start, 0)}
        if document is not None:
            start_line, start_column = document.line_col(span.start)
            end_line, end_column = document.line_col(max(span.end, span.start))
            region = {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
                **region,
            }
        if span.text:
            region["snippet"] = {"text": span.text}
        physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        if location_id is not None:
            location["id"] = location_id
            location["message"] = {"text": f"evidence in {span.doc}"}
        return location

    def _result(self, corpus: Corpus, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
        text = finding.message
        if finding.suggestion:
            text += f" Suggestion: {finding.suggestion}"
        sarif_result: dict[str, Any] = {
            "ruleId": finding.code,
            "ruleIndex": rule_index[finding.code],
            "level": LEVELS[finding.severity],
            "message": {"text": text},
            "locations": [self._location(corpus, span) for span in finding.evidence[:1]],
            "partialFingerprints": {FINGERPRINT_KEY: finding.id},
            "properties": {"id": finding.id, "check": finding.check, "status": finding.status.value},
        }
        if len(finding.evidence) > 1:
            sarif_result["relatedLocations"] = [
                self._location(corpus, span, index) for index, span in enumerate(finding.evidence[1:], start=1)
            ]
        if finding.suggestion:
            sarif_result["properties"]["suggestion"] = finding.suggestion
        # An empty list says "checked, not suppressed"; absence would mean "unknown".
        sarif_result["suppressions"] = []
        if finding.status in (Status.RESOLVED, Status.ACCEPTED):
            sarif_result["suppressions"] = [
                {
                    "kind": "external",
                    "status": "accepted",
                    "justification": finding.note or finding.status.value,
                    "properties": {"factcheckStatus": finding.status.value},
                }
            ]
        return sarif_result

    def _invocation(self, result: RunResult) -> dict[str, Any]:
        exit_code = result.exit_code()
        notifications = [
            {
                "level": "error" if failure.fatal else "warning",
                "message": {"text": f"{failure.subject}: {failure.message}"},
                "descriptor": {"id": failure.code},
                "properties": {"stage": failure.stage},
            }
            for failure in result.failures
        ]
        notifications += [
            {
                "level": "warning",
                "message": {"text": f"resolution {stale} matches no finding (stale); remove it or re-record it"},
                "descriptor": {"id": "stale-resolution"},
            }
            for stale in result.corpus.stale_resolutions
        ]
        invocation: dict[str, Any] = {
            "executionSuccessful": exit_code != 2,
            "exitCode": exit_code,
        }
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        return invocation


def _version() -> str:
    from factcheck import __version__

    return __version__
