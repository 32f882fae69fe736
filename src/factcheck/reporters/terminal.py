"""The rich terminal report an editor reads top to bottom.

Findings come first: errors, then warnings, then info, each in document order and grouped
by the sentence they concern (one block per sentence, its findings inside). A finding with
evidence in several sources shows them side by side with the differing words highlighted.
The documents table and the clusters follow the findings. The width follows the terminal.
"""

from __future__ import annotations

import io
from collections import Counter

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from factcheck.model import Corpus, Finding, RunResult, Severity, Span, Status
from factcheck.plainwords import excerpt
from factcheck.reporters.compare import (
    Passage,
    SentenceGroup,
    by_severity,
    group_by_sentence,
    is_cross_source,
    passages,
)
from factcheck.reporters.text import counted, inert, one_line

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
SECTION_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
MARK_STYLE = "underline"
DIFFER_STYLE = "bold black on yellow"
MAX_CLUSTERS_SHOWN = 25
# Info findings (single-source claims above all) can run to dozens on a long essay; the editor
# sees the first few of each check and a count, and every one stays in --format json/markdown/html.
MAX_INFO_PER_CHECK = 5
SENTENCE_CHARS = 400
SIDE_BY_SIDE_MIN_WIDTH = 70  # narrower terminals stack the sources instead


def _location(corpus: Corpus, span: Span | Passage) -> str:
    # Ids come from file names, which may hold control characters too: never raw to a terminal.
    try:
        line, column = corpus.text_of(span.doc).line_col(span.start)
    except KeyError:
        return inert(span.doc)
    return f"{inert(span.doc)}:{line}:{column}"


def _safe(text: str) -> str:
    return inert(text).replace("\n", " ")


def marked_text(
    text: str,
    marks: tuple[tuple[int, int], ...] = (),
    differs: tuple[tuple[int, int], ...] = (),
    color: bool = True,
    limit: int = SENTENCE_CHARS,
) -> Text:
    """Document text on one line with evidence underlined and differing words highlighted.

    Without colour the differing words are set in «guillemets», so they still stand out.
    The text is cut at a word boundary past ``limit`` characters, after the last mark if it can.
    """
    last_mark = max((end for _, end in (*marks, *differs)), default=0)
    cut = len(text)
    if len(text) > limit:
        shortened = excerpt(text, max(limit, last_mark + 40))
        cut = len(shortened) - 1 if shortened.endswith("\u2026") else len(shortened)
    styles: list[str | None] = [None] * cut
    for start, end in marks:
        for index in range(max(start, 0), min(end, cut)):
            styles[index] = MARK_STYLE
    differ_positions = set()
    for start, end in differs:
        for index in range(max(start, 0), min(end, cut)):
            styles[index] = DIFFER_STYLE
            differ_positions.add(index)
    result = Text()
    previous_space = False
    for index, char in enumerate(text[:cut]):
        # Line breaks and runs of spaces of the original read as one space on a line.
        if char.isspace():
            if previous_space:
                continue
            char = " "
        previous_space = char == " "
        if not color and index in differ_positions and index - 1 not in differ_positions:
            result.append("\u00ab")
        result.append(_safe(char), style=styles[index] if color else None)
        if not color and index in differ_positions and index + 1 not in differ_positions:
            result.append("\u00bb")
    if cut < len(text):
        result.append("\u2026")
    return result


def side_by_side(corpus: Corpus, shown: list[Passage], color: bool, width: int) -> RenderableType:
    """The sources of a cross-source finding in columns (stacked on a narrow terminal)."""
    if width < SIDE_BY_SIDE_MIN_WIDTH or len(shown) > 4:
        parts: list[RenderableType] = []
        for passage in shown:
            parts.append(Text(_location(corpus, passage), style="dim"))
            parts.append(Padding(marked_text(passage.text, passage.marks, passage.differs, color), (0, 0, 0, 2)))
        return Group(*parts)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, pad_edge=False, padding=(0, 1))
    for passage in shown:
        table.add_column(Text(_location(corpus, passage), style="dim"), ratio=1, overflow="fold")
    table.add_row(*[marked_text(p.text, p.marks, p.differs, color) for p in shown])
    return table


def _finding_header(finding: Finding) -> Text:
    dimmed = finding.status is not Status.OPEN
    header = Text()
    header.append(f"{finding.severity.value.upper():7} ", style="dim" if dimmed else SEVERITY_STYLE[finding.severity])
    header.append(f"{finding.code} {finding.check}", style="dim" if dimmed else "bold")
    header.append(f"  {inert(finding.id)}", style="dim")
    if dimmed:
        header.append(f"  {finding.status.value}", style="green")
    return header


def finding_block(
    corpus: Corpus, finding: Finding, group: SentenceGroup | None, color: bool, width: int
) -> RenderableType:
    dimmed = finding.status is not Status.OPEN
    parts: list[RenderableType] = [_finding_header(finding)]
    body: list[RenderableType] = [Text(one_line(finding.message, 2000), style="dim" if dimmed else "")]
    if dimmed and finding.note:
        body.append(Text(f"{finding.status.value}: {one_line(finding.note, 600)}", style="green"))
    if is_cross_source(finding):
        body.append(side_by_side(corpus, passages(corpus, finding), color, max(width - 10, 30)))
    else:
        # Evidence outside the sentence block (the dateline, a second mention) is listed below it.
        outside = [
            span
            for span in finding.evidence
            if group is None or span.doc != group.doc or not (group.start <= span.start < group.end)
        ]
        for span in outside:
            line = Text(f"{_location(corpus, span)}  ", style="dim")
            line.append(f"\u201c{excerpt(_safe(span.text), 160)}\u201d", style="italic")
            body.append(line)
    if finding.suggestion:
        body.append(Text(f"suggestion: {one_line(finding.suggestion, 400)}", style="dim" if dimmed else "green"))
    parts.append(Padding(Group(*body), (0, 0, 0, 8)))
    return Group(*parts)


def sentence_block(
    corpus: Corpus, group: SentenceGroup, findings: list[Finding], color: bool, width: int
) -> RenderableType:
    marks = tuple(
        sorted(
            {
                (span.start - group.start, span.end - group.start)
                for f in findings
                for span in f.evidence
                if span.doc == group.doc and group.start <= span.start and span.end <= group.end
            }
        )
    )
    heading = Text(_location(corpus, Span(doc=group.doc, start=group.start, end=group.end, text="")), style="dim")
    parts: list[RenderableType] = [heading, Padding(marked_text(group.text, marks, (), color), (0, 0, 0, 2))]
    parts += [Padding(finding_block(corpus, f, group, color, width), (0, 0, 0, 2)) for f in findings]
    return Group(*parts, Text(""))


def findings_section(corpus: Corpus, color: bool, width: int) -> Group:
    parts: list[RenderableType] = []
    open_findings = [f for f in corpus.findings if f.status is Status.OPEN]
    closed = [f for f in corpus.findings if f.status is not Status.OPEN]
    for severity, groups in by_severity(group_by_sentence(corpus, open_findings)):
        title = f"{SECTION_TITLE[severity]} ({counted(len(groups), 'sentence')})"
        parts.append(Rule(Text(title, style=SEVERITY_STYLE[severity]), align="left", style="dim"))
        shown_per_check: Counter[str] = Counter()
        hidden: Counter[str] = Counter()
        for group in groups:
            visible = []
            for finding in group.findings:
                shown_per_check[finding.check] += 1
                if severity is Severity.INFO and shown_per_check[finding.check] > MAX_INFO_PER_CHECK:
                    hidden[finding.check] += 1
                else:
                    visible.append(finding)
            if visible:
                parts.append(sentence_block(corpus, group, visible, color, width))
        if hidden:
            parts.append(
                Text(
                    "\u2026 and "
                    + ", ".join(f"{count} more {check}" for check, count in sorted(hidden.items()))
                    + " (all of them in --format json, markdown or html)\n",
                    style="dim",
                )
            )
    if closed:
        parts.append(Rule(Text(f"Resolved or accepted ({len(closed)})", style="dim"), align="left", style="dim"))
        for group in group_by_sentence(corpus, closed):
            parts.append(sentence_block(corpus, group, group.findings, color, width))
    if corpus.stale_resolutions:
        parts.append(
            Text("Stale resolutions (match no finding): " + inert(", ".join(corpus.stale_resolutions)), style="yellow")
        )
    if not parts:
        parts.append(Text("No findings.", style="green"))
    return Group(*parts)


def documents_table(corpus: Corpus) -> Table:
    claim_counts = Counter(claim.doc for claim in corpus.claims)
    single = {record.doc: record for record in corpus.corroboration}
    spin = corpus.extras.get("checks", {}).get("garbled-wording")
    columns = ["id", "title", "published", "claims", "corroborated /\nsingle-source"]
    if isinstance(spin, dict):
        columns.append("spin score")
    table = Table(title="Documents", title_justify="left", expand=False)
    for column in columns:
        # Ids, dates and counts never wrap (an id broken across lines cannot be read at a glance or copied); the
        # words wrap, the title keeping room for a few of them a line.
        table.add_column(
            column,
            overflow="fold",
            no_wrap=column in ("id", "published", "claims"),
            min_width=16 if column == "title" else None,
        )
    for doc in corpus.documents:
        record = single.get(doc.id)
        cells = [
            inert(doc.id),
            excerpt(_safe(doc.title or "(untitled)"), 120),
            # Under the date, where it was read (the dateline, front matter, metadata, an option).
            f"{doc.published.isoformat()}\n{doc.published_source}" if doc.published else "unknown",
            str(claim_counts.get(doc.id, 0)),
            f"{record.corroborated} / {record.single_source}" if record else "-",
        ]
        if isinstance(spin, dict):
            entry = spin.get(doc.id)
            cells.append(
                f"{entry.get('spin_score', 0):.2f}{' likely spun' if entry.get('likely_spun') else ''}"
                if isinstance(entry, dict)
                else "-"
            )
        table.add_row(*cells)
    return table


def cluster_verdict(corpus: Corpus, cluster) -> str:
    """ "N sources agree" only when their sentences state the same fact, else "N sources report"."""
    from factcheck.samefact import agreeing_documents

    claims = [corpus.claim(claim_id) for claim_id in cluster.claims]
    agreeing = agreeing_documents(claims)
    if len(agreeing) == cluster.corroboration:
        return f"{cluster.corroboration} sources agree"
    if len(agreeing) >= 2:
        return f"{cluster.corroboration} sources report; {len(agreeing)} agree"
    return f"{cluster.corroboration} sources report"


def clusters_section(corpus: Corpus) -> Group:
    cross = [cluster for cluster in corpus.clusters if cluster.cross_source]
    cross.sort(key=lambda cluster: (-cluster.corroboration, cluster.id))
    parts: list[RenderableType] = [Text(f"Cross-source clusters: {len(cross)} of {len(corpus.clusters)}", style="bold")]
    for shown_clusters, cluster in enumerate(cross[:MAX_CLUSTERS_SHOWN]):
        verdict = cluster_verdict(corpus, cluster)
        # The id beside its verdict and sources, which wrap in their own column (a long list of sources run on from
        # the margin reads as the cluster's first sentence).
        heading = Table.grid(padding=(0, 2))
        heading.add_column(style="bold", no_wrap=True)
        heading.add_column(style="green" if "agree" in verdict else "")
        heading.add_row(cluster.id, f"{verdict}: {inert(', '.join(cluster.documents))}")
        # Each source's sentence beside its location, wrapping in its own column: run on from the margin, a
        # sentence's second line reads as the next source's.
        sentences = Table.grid(padding=(0, 2))
        sentences.add_column(style="dim", no_wrap=True)
        sentences.add_column()
        shown_docs: set[str] = set()
        for claim_id in cluster.claims:
            claim = corpus.claim(claim_id)
            if claim.doc in shown_docs:
                continue
            shown_docs.add(claim.doc)
            sentences.add_row(_location(corpus, claim.span), excerpt(_safe(claim.text), 200))
        if shown_clusters:
            parts.append(Text())  # a blank line between clusters
        parts += [heading, Padding(sentences, (0, 0, 0, 2))]
    if len(cross) > MAX_CLUSTERS_SHOWN:
        parts.append(
            Text(f"\u2026 and {len(cross) - MAX_CLUSTERS_SHOWN} more (see --format json or html)", style="dim")
        )
    return Group(*parts)


def failures_section(corpus: Corpus) -> Group | None:
    if not corpus.failures:
        return None
    text = Text()
    for failure in corpus.failures:
        text.append("FATAL " if failure.fatal else "skipped ", style="bold red" if failure.fatal else "yellow")
        text.append(
            f"{one_line(failure.subject, 120)}: "
            f"{one_line(failure.message.splitlines()[0] if failure.message else '', 300)}\n"
        )
    return Group(Rule(Text("Problems", style="bold red"), align="left", style="dim"), text)


def summary_line(result: RunResult) -> Text:
    corpus = result.corpus
    counts = Counter(f.severity for f in corpus.findings if f.status is Status.OPEN)
    closed = sum(1 for f in corpus.findings if f.status is not Status.OPEN)
    text = Text()
    text.append(
        f"{counted(len(corpus.documents), 'document')}, {counted(len(corpus.claims), 'claim')}, "
        f"{sum(1 for c in corpus.clusters if c.cross_source)} cross-source clusters; "
    )
    text.append(counted(counts.get(Severity.ERROR, 0), "error"), style=SEVERITY_STYLE[Severity.ERROR])
    text.append(", ")
    text.append(counted(counts.get(Severity.WARNING, 0), "warning"), style=SEVERITY_STYLE[Severity.WARNING])
    text.append(", ")
    text.append(f"{counts.get(Severity.INFO, 0)} info", style=SEVERITY_STYLE[Severity.INFO])
    if closed:
        text.append(f", {closed} resolved/accepted", style="dim")
    text.append(f"  (exit {result.exit_code()})", style="dim")
    return text


def spin_section(corpus: Corpus) -> Group | None:
    spin = corpus.extras.get("checks", {}).get("garbled-wording")
    if not spin:
        return None
    rows: list[RenderableType] = []
    for doc_id in sorted(spin):
        entry = spin[doc_id]
        if not isinstance(entry, dict):
            continue
        flag = entry.get("likely_spun")
        line = Text(f"  {inert(doc_id)}  spin score {entry.get('spin_score', 0):.2f}", style="bold red" if flag else "")
        rows.append(line)
        if flag:
            line.append("  likely spun copy", style="bold red")
            # One swap a line, under the document: joined on one line they wrap to the left margin, where the
            # next document's id is expected.
            rows += [Padding(Text(one_line(str(phrase), 90)), (0, 0, 0, 6)) for phrase in entry.get("top") or ()][:5]
    return Group(Rule(Text("Wording", style="bold"), align="left", style="dim"), *rows, Text())


def corroboration_section(corpus: Corpus) -> Group | None:
    """One line per document with single-source claims: the counts and the most important of them."""
    records = [record for record in corpus.corroboration if record.single_source]
    if not records:
        return None
    rows: list[RenderableType] = [Text("Single-source claims", style="bold underline")]
    for record in records:
        line = Text(inert(record.doc), style="bold")
        line.append(f": {record.corroborated} corroborated, {record.single_source} single-source", style="")
        rows.append(line)
        # The most important of them, one a line under the document (joined, they wrapped to the left margin); a
        # narrow terminal cuts each at its edge.
        rows += [
            Padding(
                Text(one_line(corpus.claim(claim_id).span.text, 90), no_wrap=True, overflow="ellipsis"), (0, 0, 0, 4)
            )
            for claim_id in record.single_source_claims[:2]
        ]
    return Group(*rows)


def render_report(result: RunResult, color: bool = True, width: int = 100) -> Group:
    corpus = result.corpus
    parts: list[RenderableType] = [summary_line(result), Text(""), findings_section(corpus, color, width)]
    failures = failures_section(corpus)
    if failures is not None:
        parts.append(failures)
    spin = spin_section(corpus)
    if spin is not None:
        parts.append(spin)
    parts += [documents_table(corpus), Text("")]
    corroboration = corroboration_section(corpus)
    if corroboration is not None:
        parts += [corroboration, Text("")]
    parts += [clusters_section(corpus), Text(""), summary_line(result)]
    return Group(*parts)


class TerminalReporter:
    format = "rich"

    def __init__(self, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width

    def render(self, result: RunResult) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            force_terminal=self.color,
            color_system="auto" if self.color else None,
            width=self.width,
            highlight=False,
            soft_wrap=False,
            no_color=not self.color,
        )
        console.print(render_report(result, self.color, self.width))
        if self.color:
            return buffer.getvalue()
        # rich pads wrapped blocks to the full width: plain text keeps no trailing spaces.
        return "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
