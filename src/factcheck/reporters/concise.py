"""Concise output: one line per finding, ``path:line:col: CODE severity message`` (as ruff and
compilers print), for editors that jump to a place and for grep."""

from __future__ import annotations

from factcheck.model import Corpus, Finding, RunResult, Span, Status
from factcheck.reporters.text import inert, one_line


def place(corpus: Corpus, span: Span) -> str:
    """``path:line:col`` of a span (1-based, columns in code points); the document id when unknown."""
    try:
        document = corpus.text_of(span.doc)
    except KeyError:
        return inert(span.doc)
    line, column = document.line_col(span.start)
    return f"{inert(document.path)}:{line}:{column}"


def finding_line(corpus: Corpus, finding: Finding) -> str:
    where = place(corpus, finding.evidence[0]) if finding.evidence else "-"
    line = f"{where}: {finding.code} {finding.severity.value} {one_line(finding.message, 1000)} [{inert(finding.id)}]"
    if finding.status is not Status.OPEN:
        line += f" ({finding.status.value}{': ' + one_line(finding.note, 200) if finding.note else ''})"
    return line


class ConciseReporter:
    """One line per finding, in the run's order; nothing else on stdout."""

    format = "concise"

    def render(self, result: RunResult) -> str:
        corpus = result.corpus
        return "".join(finding_line(corpus, finding) + "\n" for finding in corpus.findings)
