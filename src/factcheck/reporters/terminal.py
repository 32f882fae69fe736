"""The rich terminal report an editor reads top to bottom."""

from __future__ import annotations

import io
from collections import Counter

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from factcheck.model import Corpus, Finding, RunResult, Severity, Span, Status
from factcheck.reporters.text import inert, one_line

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MAX_CLUSTERS_SHOWN = 25
# Info findings (single-source claims above all) can run to dozens on a long essay; the editor
# sees the first few of each check and a count, and every one stays in --format json/markdown.
MAX_INFO_PER_CHECK = 5


def _safe(text: str, limit: int = 240) -> str:
    return escape(one_line(text, limit))


def _location(corpus: Corpus, span: Span) -> str:
    # Ids come from file names, which may hold control characters too: never raw to a terminal.
    try:
        line, column = corpus.document(span.doc).line_col(span.start)
    except KeyError:
        return inert(span.doc)
    return f"{inert(span.doc)}:{line}:{column}"


def documents_table(corpus: Corpus) -> Table:
    claim_counts = Counter(claim.doc for claim in corpus.claims)
    single = corpus.extras.get("checks", {}).get("uncorroborated", {})
    table = Table(title="Documents", title_justify="left", expand=False)
    for column in ("id", "title", "published", "from", "claims", "corroborated / single-source"):
        table.add_column(column, overflow="fold")
    for doc in corpus.documents:
        counts = single.get(doc.id, {}) if isinstance(single, dict) else {}
        table.add_row(
            escape(inert(doc.id)),
            _safe(doc.title or "(untitled)", 120),
            doc.published.isoformat() if doc.published else "unknown",
            doc.published_source,
            str(claim_counts.get(doc.id, 0)),
            f"{counts.get('corroborated', '-')} / {counts.get('single_source', '-')}" if counts else "-",
        )
    return table


def clusters_panel(corpus: Corpus) -> Group:
    cross = [cluster for cluster in corpus.clusters if cluster.cross_source]
    cross.sort(key=lambda cluster: (-cluster.corroboration, cluster.id))
    parts: list = [Text(f"Cross-source clusters: {len(cross)} of {len(corpus.clusters)}", style="bold")]
    for cluster in cross[:MAX_CLUSTERS_SHOWN]:
        lines = Text()
        lines.append(f"{cluster.id}  ", style="bold")
        lines.append(f"{cluster.corroboration} sources agree: {inert(', '.join(cluster.documents))}\n", style="green")
        shown_docs: set[str] = set()
        for claim_id in cluster.claims:
            claim = corpus.claim(claim_id)
            if claim.doc in shown_docs:
                continue
            shown_docs.add(claim.doc)
            lines.append(f"  {_location(corpus, claim.span)}  ", style="dim")
            lines.append(one_line(claim.text, 160) + "\n")
        parts.append(lines)
    if len(cross) > MAX_CLUSTERS_SHOWN:
        parts.append(Text(f"… and {len(cross) - MAX_CLUSTERS_SHOWN} more (see --format json)", style="dim"))
    return Group(*parts)


def finding_block(corpus: Corpus, finding: Finding) -> Text:
    dimmed = finding.status != Status.OPEN
    style = "dim" if dimmed else SEVERITY_STYLE[finding.severity]
    text = Text()
    text.append(f"{finding.severity.value.upper():7} ", style=style)
    text.append(f"{finding.code} {finding.check} ", style="dim" if dimmed else "bold")
    text.append(f"[{inert(finding.id)}]", style="dim")
    if dimmed:
        text.append(f"  {finding.status.value}", style="green")
        if finding.note:
            text.append(f": {one_line(finding.note, 160)}", style="dim")
    text.append("\n  " + one_line(finding.message, 1000) + "\n", style="dim" if dimmed else "")
    for span in finding.evidence:
        text.append(f"    {_location(corpus, span)}  ", style="dim")
        text.append(f"“{one_line(span.text, 200)}”\n", style="dim italic" if dimmed else "italic")
    if finding.suggestion:
        text.append(f"    suggestion: {one_line(finding.suggestion, 200)}\n", style="dim" if dimmed else "green")
    return text


def findings_panel(corpus: Corpus) -> Group:
    parts: list = []
    open_findings = [f for f in corpus.findings if f.status == Status.OPEN]
    closed = [f for f in corpus.findings if f.status != Status.OPEN]
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in open_findings if f.severity == severity]
        if not group:
            continue
        parts.append(Text(f"{severity.value.capitalize()}s ({len(group)})", style=SEVERITY_STYLE[severity] + " underline"))
        shown_per_check: Counter[str] = Counter()
        for finding in group:
            shown_per_check[finding.check] += 1
            if severity != Severity.INFO or shown_per_check[finding.check] <= MAX_INFO_PER_CHECK:
                parts.append(finding_block(corpus, finding))
        hidden = {check: count - MAX_INFO_PER_CHECK for check, count in sorted(shown_per_check.items())
                  if severity == Severity.INFO and count > MAX_INFO_PER_CHECK}
        if hidden:
            parts.append(Text("… and " + ", ".join(f"{count} more {check}" for check, count in hidden.items())
                              + " (all of them in --format json or markdown)\n", style="dim"))
    if closed:
        parts.append(Text(f"Resolved or accepted ({len(closed)})", style="dim underline"))
        parts.extend(finding_block(corpus, finding) for finding in closed)
    if corpus.stale_resolutions:
        parts.append(Text("Stale resolutions (match no finding): " + inert(", ".join(corpus.stale_resolutions)), style="yellow"))
    if not parts:
        parts.append(Text("No findings.", style="green"))
    return Group(*parts)


def failures_panel(corpus: Corpus) -> Group | None:
    if not corpus.failures:
        return None
    text = Text()
    for failure in corpus.failures:
        text.append("FATAL " if failure.fatal else "skipped ", style="bold red" if failure.fatal else "yellow")
        text.append(f"{one_line(failure.subject, 120)}: {one_line(failure.message.splitlines()[0] if failure.message else '', 300)}\n")
    return Group(Text("Problems", style="bold red underline"), text)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_line(result: RunResult) -> Text:
    corpus = result.corpus
    counts = Counter(f.severity for f in corpus.findings if f.status == Status.OPEN)
    closed = sum(1 for f in corpus.findings if f.status != Status.OPEN)
    text = Text()
    text.append(f"{len(corpus.documents)} documents, {len(corpus.claims)} claims, "
                f"{sum(1 for c in corpus.clusters if c.cross_source)} cross-source clusters; ")
    text.append(_plural(counts.get(Severity.ERROR, 0), "error"), style=SEVERITY_STYLE[Severity.ERROR])
    text.append(", ")
    text.append(_plural(counts.get(Severity.WARNING, 0), "warning"), style=SEVERITY_STYLE[Severity.WARNING])
    text.append(", ")
    text.append(f"{counts.get(Severity.INFO, 0)} info", style=SEVERITY_STYLE[Severity.INFO])
    if closed:
        text.append(f", {closed} resolved/accepted", style="dim")
    text.append(f"  (exit {result.exit_code()})", style="dim")
    return text


def spin_panel(corpus: Corpus) -> Group | None:
    spin = corpus.extras.get("checks", {}).get("garbled-wording")
    if not spin:
        return None
    text = Text()
    for doc_id in sorted(spin):
        entry = spin[doc_id]
        if not isinstance(entry, dict):
            continue
        flag = entry.get("likely_spun")
        text.append(f"  {inert(doc_id)}  spin score {entry.get('spin_score', 0):.2f}",
                    style="bold red" if flag else "")
        if flag:
            text.append("  likely spun copy", style="bold red")
            top = entry.get("top") or []
            if top:
                text.append(": " + "; ".join(one_line(str(phrase), 60) for phrase in top[:5]))
        text.append("\n")
    return Group(Text("Wording", style="bold underline"), text)


def render_report(result: RunResult) -> Group:
    corpus = result.corpus
    parts: list = [documents_table(corpus), Text(""), clusters_panel(corpus), Text("")]
    spin = spin_panel(corpus)
    if spin is not None:
        parts.extend([spin, Text("")])
    parts.extend([Panel(findings_panel(corpus), title="Findings", title_align="left")])
    failures = failures_panel(corpus)
    if failures is not None:
        parts.append(failures)
    parts.append(summary_line(result))
    return Group(*parts)


class TerminalReporter:
    format = "rich"

    def __init__(self, color: bool = False, width: int = 120) -> None:
        self.color = color
        self.width = width

    def render(self, result: RunResult) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=self.color, color_system="auto" if self.color else None,
                          width=self.width, highlight=False, soft_wrap=False)
        console.print(render_report(result))
        return buffer.getvalue()
