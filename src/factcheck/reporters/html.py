"""HTML output: one self-contained page an editor opens in a browser.

The summary, the findings grouped by sentence with their sources side by side and the
differing words highlighted, each document's text with the findings marked in place (click a
finding, see it in the text), filters by severity, check and status, and resolutions with
their notes. No network: styles and the one script are inline, fonts are the system's.

Document text is untrusted. Jinja2 escapes every value (autoescape); control and bidi
characters are shown as visible escapes; nothing from a document becomes a tag, attribute
or link; and a Content-Security-Policy admits only the page's own script (by its hash), so
even markup that slipped through could not run.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from factcheck.model import Corpus, Finding, RunResult, Severity, Span, Status
from factcheck.plainwords import excerpt
from factcheck.reporters.compare import (
    SEVERITY_ORDER,
    Passage,
    SentenceGroup,
    by_severity,
    group_by_sentence,
    is_cross_source,
    passages,
)
from factcheck.reporters.text import inert

SECTION_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}


@dataclass
class Segment:
    """A run of text with the classes that mark it (evidence, differing words, a finding's mark)."""

    text: str
    classes: str = ""
    id: str | None = None
    findings: str = ""  # space-separated finding ids, for the document view


@dataclass
class DocumentView:
    index: int
    id: str
    path: str
    title: str
    published: str
    segments: list[Segment] = field(default_factory=list)
    findings: int = 0


def _visible(text: str) -> str:
    """Control and bidi characters as visible escapes; everything else as it is (Jinja escapes it)."""
    return inert(text)


def marked_segments(
    text: str, marks: tuple[tuple[int, int], ...] = (), differs: tuple[tuple[int, int], ...] = ()
) -> list[Segment]:
    """``text`` cut where a mark or a differing word starts or ends, each run with its classes."""
    bounds = {0, len(text)}
    for start, end in (*marks, *differs):
        bounds.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    points = sorted(bounds)
    segments = []
    for start, end in zip(points, points[1:]):
        classes = []
        if any(s <= start and end <= e for s, e in marks):
            classes.append("ev")
        if any(s <= start and end <= e for s, e in differs):
            classes.append("diff")
        segments.append(Segment(text=_visible(text[start:end]), classes=" ".join(classes)))
    return segments


def _location(corpus: Corpus, span: Span | Passage) -> str:
    try:
        document = corpus.text_of(span.doc)
    except KeyError:
        return inert(span.doc)
    line, column = document.line_col(span.start)
    return f"{inert(document.path)}:{line}:{column}"


def _finding_view(
    corpus: Corpus,
    finding: Finding,
    targets: dict[tuple[str, int, int], str],
    documents: dict[str, int],
    group: SentenceGroup | None = None,
) -> dict[str, Any]:
    shown = passages(corpus, finding)
    anchor = finding.evidence[0] if finding.evidence else None
    target = targets.get((anchor.doc, anchor.start, anchor.end)) if anchor else None
    return {
        "id": inert(finding.id),
        "dom_id": _dom_id("f", finding.id),
        "check": inert(finding.check),
        "code": inert(finding.code),
        "severity": finding.severity.value,
        "status": finding.status.value,
        "note": inert(finding.note or ""),
        "message": inert(finding.message),
        "suggestion": inert(finding.suggestion or ""),
        "cross_source": is_cross_source(finding),
        "target": target,
        "target_doc": f"doc-{documents[anchor.doc]}" if anchor and anchor.doc in documents else None,
        "passages": [
            {
                "location": _location(corpus, passage),
                "doc": inert(passage.doc),
                "segments": marked_segments(passage.text, passage.marks, passage.differs),
            }
            for passage in shown
        ],
        # Evidence the sentence block and the side-by-side view do not already show (a dateline).
        "evidence": []
        if is_cross_source(finding)
        else [
            {"location": _location(corpus, span), "text": inert(excerpt(span.text, 200))}
            for span in finding.evidence
            if group is None or span.doc != group.doc or not (group.start <= span.start < group.end)
        ],
    }


def _dom_id(prefix: str, value: str) -> str:
    """A safe element id for any string (finding ids are [\\w-]+, but plugins may differ)."""
    return f"{prefix}-" + base64.b32encode(
        hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()[:10]
    ).decode().lower().rstrip("=")


def document_views(corpus: Corpus) -> tuple[list[DocumentView], dict[tuple[str, int, int], str]]:
    """Each document's text cut into segments at the findings' evidence, and the element id
    where each evidence span starts (what clicking a finding scrolls to)."""
    views: list[DocumentView] = []
    targets: dict[tuple[str, int, int], str] = {}
    severity_rank = {finding.id: finding.severity.rank for finding in corpus.findings}
    for index, document in enumerate(corpus.documents):
        spans = [(span, finding) for finding in corpus.findings for span in finding.evidence if span.doc == document.id]
        text = corpus.text_of(document.id).text
        bounds = {0, len(text)}
        for span, _ in spans:
            bounds.update((max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))))
        points = sorted(bounds)
        view = DocumentView(
            index=index,
            id=inert(document.id),
            path=inert(document.path),
            title=inert(document.title or ""),
            published=document.published.isoformat() if document.published else "unknown",
            findings=len({finding.id for _, finding in spans}),
        )
        starts: dict[int, str] = {}
        for number, (start, end) in enumerate(zip(points, points[1:])):
            covering = [
                finding for span, finding in spans if span.start <= start and end <= span.end and span.end > span.start
            ]
            segment = Segment(text=_visible(text[start:end]))
            if covering:
                top = max(covering, key=lambda f: severity_rank[f.id])
                segment.classes = f"mark sev-{top.severity.value}" + (
                    "" if any(f.status is Status.OPEN for f in covering) else " decided"
                )
                segment.findings = " ".join(sorted({_dom_id("f", f.id) for f in covering}))
                segment.id = f"d{index}-s{number}"
                starts.setdefault(start, segment.id)
            view.segments.append(segment)
        for span, _ in spans:
            target = starts.get(span.start)
            if target is None and span.start == span.end:
                continue
            if target is not None:
                targets[(span.doc, span.start, span.end)] = target
        views.append(view)
    return views, targets


def page_data(result: RunResult) -> dict[str, Any]:
    """Everything the template shows, as plain values."""
    from factcheck import __version__

    corpus = result.corpus
    documents, targets = document_views(corpus)
    document_index = {doc.id: index for index, doc in enumerate(corpus.documents)}
    open_findings = [f for f in corpus.findings if f.status is Status.OPEN]
    closed = [f for f in corpus.findings if f.status is not Status.OPEN]
    sections = []
    for severity, groups in by_severity(group_by_sentence(corpus, open_findings)):
        sections.append(
            {
                "title": SECTION_TITLE[severity],
                "severity": severity.value,
                "groups": [_group_view(corpus, group, targets, document_index) for group in groups],
            }
        )
    if closed:
        sections.append(
            {
                "title": "Resolved or accepted",
                "severity": "decided",
                "groups": [
                    _group_view(corpus, group, targets, document_index) for group in group_by_sentence(corpus, closed)
                ],
            }
        )
    counts = Counter(f.severity.value for f in open_findings)
    return {
        "version": __version__,
        "summary": {
            "documents": len(corpus.documents),
            "claims": len(corpus.claims),
            "cross_source_clusters": sum(1 for c in corpus.clusters if c.cross_source),
            "open": {severity.value: counts.get(severity.value, 0) for severity in SEVERITY_ORDER},
            "decided": len(closed),
            "exit_code": result.exit_code(),
        },
        "checks": sorted({inert(f.check) for f in corpus.findings}),
        "sections": sections,
        "documents": documents,
        "failures": [
            {
                "fatal": failure.fatal,
                "code": failure.code,
                "subject": inert(failure.subject),
                "message": inert(failure.message.splitlines()[0] if failure.message else ""),
            }
            for failure in corpus.failures
        ],
        "stale": [inert(stale) for stale in corpus.stale_resolutions],
    }


def _group_view(corpus: Corpus, group, targets, document_index) -> dict[str, Any]:
    marks = tuple(
        sorted(
            {
                (span.start - group.start, span.end - group.start)
                for f in group.findings
                for span in f.evidence
                if span.doc == group.doc and group.start <= span.start and span.end <= group.end
            }
        )
    )
    return {
        "location": _location(corpus, Span(doc=group.doc, start=group.start, end=group.end, text="")),
        "segments": marked_segments(group.text, marks),
        "findings": [_finding_view(corpus, finding, targets, document_index, group) for finding in group.findings],
    }


def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("factcheck.reporters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


class HtmlReporter:
    """Render a RunResult as one self-contained HTML page."""

    format = "html"

    def render(self, result: RunResult) -> str:
        from importlib.resources import files

        templates = files("factcheck.reporters").joinpath("templates")
        script = templates.joinpath("report.js").read_text(encoding="utf-8")
        style = templates.joinpath("report.css").read_text(encoding="utf-8")
        return (
            _environment()
            .get_template("report.html.j2")
            .render(**page_data(result), script=script, style=style, script_hash=script_hash(script))
        )
