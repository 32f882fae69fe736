"""GitHub Actions output: one workflow command per open finding, so findings show as
annotations on the pull request's diff (``::error file=…,line=…::message``).

Values are escaped as the runner expects (``%``, CR and LF in the message; also ``:`` and ``,``
in properties), so text from a document can never start a command of its own.
"""

from __future__ import annotations

from factcheck.model import Corpus, Finding, RunResult, Severity, Status
from factcheck.reporters.sarif import artifact_uri
from factcheck.reporters.text import inert

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(corpus: Corpus, finding: Finding) -> str:
    properties: dict[str, str] = {}
    if finding.evidence:
        span = finding.evidence[0]
        try:
            document = corpus.text_of(span.doc)
        except KeyError:
            document = None
        if document is not None:
            from urllib.parse import unquote

            properties["file"] = unquote(artifact_uri(document.path))
            line, column = document.line_col(span.start)
            end_line, end_column = document.line_col(max(span.end, span.start))
            properties.update(line=str(line), endLine=str(end_line))
            if line == end_line:  # the runner ignores columns of a multi-line annotation
                properties.update(col=str(column), endColumn=str(end_column))
    properties["title"] = f"{finding.code} {finding.check}"
    message = inert(finding.message)
    if finding.suggestion:
        message += f"\nSuggestion: {inert(finding.suggestion)}"
    message += f"\n[{finding.id}]"
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{COMMANDS[finding.severity]} {rendered}::{escape_data(message)}"


class GithubReporter:
    """Workflow commands for the open findings (resolved and accepted ones are not annotated)."""

    format = "github"

    def render(self, result: RunResult) -> str:
        corpus = result.corpus
        return "".join(
            annotation(corpus, finding) + "\n" for finding in corpus.findings if finding.status is Status.OPEN
        )
