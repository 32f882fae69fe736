"""Markdown output: a summary ready to post as a pull-request comment.

Document text is untrusted: everything taken from it is escaped so it renders as plain text
(no links, HTML, tables broken open, or @-mentions that notify people).
"""

from __future__ import annotations

import re
from collections import Counter

from factcheck.model import Corpus, Finding, RunResult, Severity, Span, Status
from factcheck.reporters.text import counted

MAX_CELL_CHARS = 300
EXCERPT_CHARS = 160
MAX_ROWS = 200  # a PR comment has a size limit; the rest is in the JSON or SARIF report
MAX_FAILURES = 50
# GitHub refuses a comment over 65,536 characters: the report stops short of it, saying where the rest is.
MAX_COMMENT_CHARS = 60_000
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# Every ASCII punctuation character may be backslash-escaped in CommonMark; these are the ones
# that can start markup, links, autolinks (":" and "." break "https://" and "www.") or tables.
_ESCAPED = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:])")


def escape(text: str, limit: int | None = MAX_CELL_CHARS) -> str:
    """Text from a document as inert Markdown: one line, no markup, no HTML, no mentions."""
    # C0 and C1 controls (\x9b is an 8-bit CSI), zero-width marks and bidi overrides
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _ESCAPED.sub(r"\\\1", text)
    # A word joiner after "@" stops GitHub from notifying whoever the document names.
    return text.replace("@", "@\u2060")


def location(corpus: Corpus, span: Span) -> str:
    """``path:line`` of a span, escaped (the document id when the document is unknown)."""
    try:
        document = corpus.text_of(span.doc)
    except KeyError:
        return escape(span.doc, None)
    line, _ = document.line_col(span.start)
    return f"{escape(document.path, None)}:{line}"


def _location_cell(corpus: Corpus, finding: Finding) -> str:
    return "<br>".join(location(corpus, span) for span in finding.evidence)


def _message_cell(finding: Finding) -> str:
    """The message, then the first evidence excerpt so a reviewer sees the words at issue."""
    cell = escape(finding.message)
    if finding.evidence and finding.evidence[0].text.strip():
        cell += f"<br>“{escape(finding.evidence[0].text, EXCERPT_CHARS)}”"
    return cell


def _code(identifier: str) -> str:
    r"""An id as inline code when it is safe to be one (ids are ``[\w.-]+``), else escaped."""
    return f"`{identifier}`" if re.fullmatch(r"[\w.-]+", identifier) else escape(identifier)


class MarkdownReporter:
    """Render a RunResult as a Markdown PR comment."""

    format = "markdown"

    def render(self, result: RunResult) -> str:
        corpus = result.corpus
        findings = corpus.findings
        open_findings = [f for f in findings if f.status is Status.OPEN]
        decided = [f for f in findings if f.status is not Status.OPEN]
        exit_code = result.exit_code()
        fail_on = getattr(result.settings, "fail_on", Severity.ERROR)
        verdict = {0: "passed", 1: "failed", 2: "could not complete"}[exit_code]

        lines = [f"## factcheck: {verdict}", ""]
        counts = Counter(f.severity for f in open_findings)
        lines.append(
            f"{counted(len(corpus.documents), 'document')}, "
            + ", ".join(
                f"{counts.get(severity, 0)} info"
                if severity is Severity.INFO
                else counted(counts.get(severity, 0), severity.value)
                for severity in _SEVERITIES
            )
            + f" open; {len(decided)} resolved or accepted. "
            + f"Gate: fail on {Severity(fail_on).value} and above (exit {exit_code})."
        )
        lines.append("")
        lines += self._counts_table(findings)

        if open_findings:
            lines += ["", "### Open findings", ""]
            lines += self._findings_table(corpus, open_findings, last_column=("Suggestion", lambda f: f.suggestion))
        if decided:
            lines += ["", f"<details><summary>Resolved and accepted ({len(decided)})</summary>", ""]
            lines += self._findings_table(corpus, decided, last_column=("Note", lambda f: f.note), status=True)
            lines += ["", "</details>"]
        if corpus.stale_resolutions:
            lines += [
                "",
                "### Stale resolutions",
                "",
                "These resolutions match no finding any more; remove them or record them again.",
                "",
            ]
            lines += [f"- {_code(stale_id)}" for stale_id in corpus.stale_resolutions]
        if corpus.failures:
            lines += ["", "### Failures", ""]
            for failure in corpus.failures[:MAX_FAILURES]:
                marker = "**fatal** " if failure.fatal else ""
                message = failure.message.splitlines()[0] if failure.message else ""
                lines.append(
                    f"- {marker}{escape(failure.stage, None)} {escape(failure.subject)}: "
                    f"{escape(message)} ({failure.code})"
                )
            if len(corpus.failures) > MAX_FAILURES:
                lines.append(f"- … and {len(corpus.failures) - MAX_FAILURES} more (see the JSON or SARIF report)")
        return _fit("\n".join(lines).rstrip() + "\n")

    @staticmethod
    def _counts_table(findings: tuple[Finding, ...]) -> list[str]:
        counts = Counter((f.severity, f.status) for f in findings)
        rows = ["| Severity | Open | Resolved | Accepted |", "|---|---:|---:|---:|"]
        for severity in _SEVERITIES:
            rows.append(
                f"| {severity.value} | "
                + " | ".join(
                    str(counts.get((severity, status), 0)) for status in (Status.OPEN, Status.RESOLVED, Status.ACCEPTED)
                )
                + " |"
            )
        return rows

    @staticmethod
    def _findings_table(corpus: Corpus, findings: list[Finding], *, last_column, status: bool = False) -> list[str]:
        title, value_of = last_column
        header = ["Severity", *(["Status"] if status else []), "Location", "Check", "Message", title]
        rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for finding in findings[:MAX_ROWS]:
            cells = [
                finding.severity.value,
                *([finding.status.value] if status else []),
                _location_cell(corpus, finding),
                f"{escape(finding.code, None)} {escape(finding.check, None)}<br>{_code(finding.id)}",
                _message_cell(finding),
                escape(value_of(finding) or ""),
            ]
            rows.append("| " + " | ".join(cells) + " |")
        if len(findings) > MAX_ROWS:
            rows.append(f"\n… and {len(findings) - MAX_ROWS} more (see the JSON or SARIF report).")
        return rows


def _fit(text: str, limit: int = MAX_COMMENT_CHARS) -> str:
    """The report cut at a line boundary below ``limit`` characters, with a note, when it is longer."""
    if len(text) <= limit:
        return text
    note = "\n\n… the report is cut here to fit a pull-request comment; see the JSON or SARIF report.\n"
    cut = text.rfind("\n", 0, limit - len(note))
    return text[: max(cut, 0)] + note
