"""Audit mode: one draft against its sources, from the editor's side, in the draft's order.

``audit(draft, sources, settings)`` runs the pipeline over the draft and the sources and
lists what an editor must look at before publishing:

* ``contradicted`` - a finding with evidence in the draft and in a source;
* ``problem`` - a finding whose evidence is the draft's own (temporal, attribution, quote,
  wording problems, or conflicts with the reference ledger);
* ``unsupported`` - a draft claim that shares no cluster with any source.

Each item carries the source passages that contradict it (the findings' evidence) and the
ones that support it (cluster mates from the sources).
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from factcheck.config import Settings
from factcheck.errors import UsageError
from factcheck.model import Claim, Corpus, DocumentHeader, Finding, RunResult, Severity, Span, Status

ItemKind = Literal["contradicted", "problem", "unsupported"]
_KIND_ORDER = {"contradicted": 0, "problem": 1, "unsupported": 2}


@dataclass(frozen=True)
class AuditItem:
    """One thing in the draft an editor should look at."""

    kind: ItemKind
    start: int  # original offsets into the draft
    end: int
    text: str  # the draft's words at issue
    findings: tuple[Finding, ...] = ()
    contradicting: tuple[Span, ...] = ()  # source passages that say otherwise
    supporting: tuple[Span, ...] = ()  # source passages that say the same (cluster mates)
    claim: str | None = None  # the draft claim id, when the item is about one
    supported: bool | None = None  # whether any source shares the claim's cluster (None: no claim)

    @property
    def severity(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    @property
    def status(self) -> Status:
        """Open while any of its findings is open (unsupported claims are always open)."""
        if not self.findings or any(f.status is Status.OPEN for f in self.findings):
            return Status.OPEN
        return self.findings[0].status


@dataclass
class AuditResult:
    """The run behind the audit and the draft's items in position order."""

    run: RunResult
    draft: DocumentHeader | None
    sources: tuple[str, ...]  # source document ids
    items: list[AuditItem] = field(default_factory=list)

    def exit_code(self, fail_on: Severity | None = None, exit_zero: bool | None = None) -> int:
        """The run's exit code, counting only findings that concern the draft."""
        concerned = {f.id: f for item in self.items for f in item.findings}
        corpus = self.run.corpus.evolve(findings=tuple(concerned.values()))
        code = RunResult(corpus=corpus, settings=self.run.settings).exit_code(fail_on, exit_zero)
        return 2 if self.draft is None else code


def _same_file(document: DocumentHeader, path: Path) -> bool:
    try:
        return Path(document.path).resolve() == path.resolve()
    except OSError:
        return False


def find_draft(corpus: Corpus, draft: Path | str) -> DocumentHeader | None:
    """The loaded document read from ``draft``: by path, else by id, else by file stem."""
    for document in corpus.documents:
        if _same_file(document, Path(draft)):
            return document
    by_id = {document.id: document for document in corpus.documents}
    return by_id.get(str(draft)) or by_id.get(Path(draft).stem)


def audit(
    draft: Path,
    sources: list[Path],
    settings: Settings | None = None,
    *,
    embedder=None,
    nlp=None,
    checks=None,
    context=None,
    on_stage=None,
) -> AuditResult:
    """Run the pipeline over ``draft`` and ``sources`` and list the draft's problems in order."""
    from factcheck.pipeline import run

    draft = Path(draft)
    if not sources:
        raise UsageError("audit needs at least one source", hint="pass --sources PATH")
    settings = (settings or Settings()).model_copy(update={"paths": (draft, *map(Path, sources))})
    result = run(settings, embedder=embedder, nlp=nlp, checks=checks, context=context, on_stage=on_stage)
    return audit_result(result, draft)


def audit_result(result: RunResult, draft: Path | str) -> AuditResult:
    """Build the audit from a finished run (the pure part of ``audit``, for tests and reuse).

    ``draft`` is the draft's path or document id.
    """
    corpus = result.corpus
    document = find_draft(corpus, draft)
    if document is None:
        return AuditResult(run=result, draft=None, sources=())
    draft_id = document.id
    source_ids = tuple(d.id for d in corpus.documents if d.id != draft_id)
    draft_claims = corpus.claims_of(draft_id)

    items: list[AuditItem] = []
    for finding in corpus.findings:
        in_draft = [span for span in finding.evidence if span.doc == draft_id]
        if not in_draft:
            continue  # a disagreement among sources is not the draft's problem
        elsewhere = tuple(span for span in finding.evidence if span.doc in source_ids)
        anchor = _anchor(in_draft, document, draft_claims)
        claim = _claim_at(draft_claims, anchor)
        items.append(
            AuditItem(
                kind="contradicted" if elsewhere else "problem",
                start=anchor.start,
                end=anchor.end,
                text=anchor.text,
                findings=(finding,),
                contradicting=elsewhere,
                supporting=_supporting(corpus, claim, draft_id, exclude=elsewhere),
                claim=claim.id if claim else None,
                supported=_is_supported(corpus, claim, source_ids) if claim else None,
            )
        )
    # A claim with findings already has its items (which say whether a source supports it);
    # the others are listed when no source shares their cluster.
    with_items = {item.claim for item in items}
    for claim in draft_claims:
        if claim.id not in with_items and not _is_supported(corpus, claim, source_ids):
            items.append(
                AuditItem(
                    kind="unsupported",
                    start=claim.span.start,
                    end=claim.span.end,
                    text=claim.span.text,
                    claim=claim.id,
                    supported=False,
                )
            )
    # Draft order, by the claim an item belongs to, so a claim's problems sit together.
    claim_start = {c.id: c.span.start for c in draft_claims}
    items.sort(
        key=lambda item: (
            claim_start.get(item.claim or "", item.start),
            _KIND_ORDER[item.kind],
            item.start,
            item.end,
            item.findings[0].id if item.findings else "",
        )
    )
    return AuditResult(run=result, draft=document, sources=source_ids, items=items)


def _is_supported(corpus: Corpus, claim: Claim, source_ids: tuple[str, ...]) -> bool:
    """Whether a source states the same fact (a cluster mate on the same topic is not enough)."""
    from factcheck.samefact import same_fact

    cluster = corpus.cluster_of(claim.id)
    if cluster is None:
        return False
    return any(
        mate.doc in source_ids and same_fact(claim, mate)
        for mate in (corpus.claim(claim_id) for claim_id in cluster.claims)
    )


def _anchor(spans: list[Span], document: DocumentHeader, claims: list[Claim]) -> Span:
    """The draft span an item is about: inside a claim, not the dateline it was measured against."""
    dateline = document.published_span

    def rank(span: Span) -> tuple[bool, bool, int, int]:
        is_dateline = dateline is not None and (span.start, span.end) == (dateline.start, dateline.end)
        return is_dateline, _claim_at(claims, span) is None, span.start, span.end

    return min(spans, key=rank)


def _claim_at(claims: list[Claim], span: Span) -> Claim | None:
    """The draft claim that holds the span (the narrowest when several do)."""
    holding = [c for c in claims if c.span.start <= span.start and span.end <= c.span.end]
    if not holding:
        holding = [c for c in claims if c.span.start <= span.start < c.span.end]
    return min(holding, key=lambda c: c.span.end - c.span.start, default=None)


def _supporting(corpus: Corpus, claim: Claim | None, draft_id: str, exclude: tuple[Span, ...]) -> tuple[Span, ...]:
    if claim is None:
        return ()
    cluster = corpus.cluster_of(claim.id)
    if cluster is None:
        return ()
    from factcheck.samefact import same_fact

    excluded = {(span.doc, span.start, span.end) for span in exclude}
    mates = []
    for claim_id in cluster.claims:
        mate = corpus.claim(claim_id)
        # A cluster mate on the same topic is not support: only a source stating the same fact is.
        if mate.doc == draft_id or not same_fact(claim, mate):
            continue
        overlaps = any(
            doc == mate.doc and start < mate.span.end and mate.span.start < end for doc, start, end in excluded
        )
        if not overlaps:
            mates.append(mate.span)
    return tuple(sorted(mates, key=lambda span: (span.doc, span.start)))


# --- rendering ------------------------------------------------------------------------------


def _place(result: AuditResult, span: Span) -> str:
    try:
        document = result.run.corpus.text_of(span.doc)
    except KeyError:
        return span.doc
    line, column = document.line_col(span.start)
    return f"{document.path}:{line}:{column}"


def _span_data(result: AuditResult, span: Span) -> dict[str, Any]:
    return {"doc": span.doc, "start": span.start, "end": span.end, "location": _place(result, span), "text": span.text}


def audit_data(result: AuditResult) -> dict[str, Any]:
    """The audit as plain data (the JSON output)."""
    from factcheck.reporters.json import finding_data

    draft = result.draft
    return {
        "version": 1,
        "draft": {"id": draft.id, "path": draft.path} if draft else None,
        "sources": list(result.sources),
        "items": [
            {
                "kind": item.kind,
                "status": item.status.value,
                "severity": item.severity.value if item.severity else None,
                "location": _place(result, Span(doc=draft.id, start=item.start, end=item.end, text=item.text)),
                "start": item.start,
                "end": item.end,
                "text": item.text,
                "claim": item.claim,
                "supported": item.supported,
                "findings": [finding_data(f) for f in item.findings],
                "contradicting": [_span_data(result, span) for span in item.contradicting],
                "supporting": [_span_data(result, span) for span in item.supporting],
            }
            for item in result.items
        ]
        if draft
        else [],
        "counts": {kind: sum(1 for item in result.items if item.kind == kind) for kind in _KIND_ORDER},
        "failures": [failure.model_dump(mode="json") for failure in result.run.failures],
        "exit_code": result.exit_code(),
    }


_LABELS = {"contradicted": "contradicted by sources", "problem": "draft problem", "unsupported": "no source supports"}


def render_markdown(result: AuditResult) -> str:
    from factcheck.reporters.markdown import escape, location

    corpus = result.run.corpus
    if result.draft is None:
        return "## factcheck audit: the draft could not be read\n"
    lines = [f"## factcheck audit: {escape(result.draft.path, None)}", ""]
    counts = audit_data(result)["counts"]
    lines.append(
        ", ".join(f"{counts[kind]} {_LABELS[kind]}" for kind in _KIND_ORDER) + f"; {len(result.sources)} sources."
    )
    for number, item in enumerate(result.items, start=1):
        draft_span = Span(doc=result.draft.id, start=item.start, end=item.end, text=item.text)
        status = "" if item.status is Status.OPEN else f" ({item.status.value})"
        severity = f" {item.severity.value}" if item.severity else ""
        lines += [
            "",
            f"{number}. **{_LABELS[item.kind]}**{severity}{status} at {location(corpus, draft_span)}: "
            f"\u201c{escape(item.text)}\u201d",
        ]
        for finding in item.findings:
            lines.append(
                f"   - {escape(finding.message)} ({escape(finding.code, None)} `{finding.id}`)"
                if all(ch.isalnum() or ch in "-_." for ch in finding.id)
                else f"   - {escape(finding.message)}"
            )
            if finding.note:
                lines.append(f"     note: {escape(finding.note)}")
        for label, spans in (("contradicts", item.contradicting), ("supports", item.supporting)):
            for span in spans:
                lines.append(f"   - {label}: {location(corpus, span)} \u201c{escape(span.text)}\u201d")
        if item.kind != "unsupported" and item.supported is False:
            lines.append("   - no source supports this claim")
    return "\n".join(lines) + "\n"


def render_rich(result: AuditResult, color: bool = False, width: int = 120) -> str:
    from rich.console import Console
    from rich.padding import Padding
    from rich.text import Text

    console = Console(
        record=True, width=width, color_system="standard" if color else None, force_terminal=color, file=io.StringIO()
    )
    if result.draft is None:
        console.print(Text("The draft could not be read; see the failures.", style="bold red"))
    else:
        console.print(
            Text(f"Audit of {_one_line(result.draft.path)} against {len(result.sources)} sources", style="bold")
        )
        styles = {"contradicted": "red", "problem": "yellow", "unsupported": "cyan"}
        for number, item in enumerate(result.items, start=1):
            draft_span = Span(doc=result.draft.id, start=item.start, end=item.end, text=item.text)
            dim = "" if item.status is Status.OPEN else " dim"
            header = Text(f"{number}. ", style=dim.strip())
            header.append(_LABELS[item.kind], style=styles[item.kind] + dim)
            if item.severity:
                header.append(f" {item.severity.value}", style=dim.strip())
            if item.status is not Status.OPEN:
                header.append(f" ({item.status.value})", style="dim")
            header.append(f"  {_one_line(_place(result, draft_span))}", style="dim")
            console.print(header)

            def say(text: str, style: str | None = None) -> None:
                # Indented as a block, so wrapped lines stay under their item.
                console.print(Padding(Text(text, style=style or ""), (0, 0, 0, 3)))

            say(f"\u201c{_one_line(item.text)}\u201d", dim.strip() or None)
            for finding in item.findings:
                say(f"{_one_line(finding.message, 1000)} [{finding.id}]", dim.strip() or None)
                if finding.note:
                    say(f"note: {_one_line(finding.note, 600)}", "dim")
            for label, spans in (("contradicts", item.contradicting), ("supports", item.supporting)):
                for span in spans:
                    say(
                        f"{label}: {_one_line(_place(result, span))} \u201c{_one_line(span.text)}\u201d",
                        "dim" if label == "supports" else None,
                    )
            if item.kind != "unsupported" and item.supported is False:
                say("no source supports this claim", "cyan" + dim)
    for failure in result.run.failures:
        console.print(
            Text(
                _one_line(
                    f"{failure.stage} {failure.subject}: {failure.message.splitlines()[0] if failure.message else ''}",
                    600,
                ),
                style="red",
            )
        )
    text = console.export_text(styles=color)
    # Padded blocks end in spaces up to the width: plain text keeps none.
    return text if color else "\n".join(line.rstrip() for line in text.split("\n"))


def _one_line(text: str, limit: int = 240) -> str:
    """Document text on one line and inert (no terminal escapes), cut at a word boundary beyond ``limit``."""
    from factcheck.plainwords import excerpt
    from factcheck.reporters.text import inert

    return excerpt(inert(text), limit)  # cut at a word boundary, control characters shown


def render_audit(result: AuditResult, output_format: str, color: bool = False, width: int = 120) -> str:
    """Render an audit as ``rich`` (terminal text), ``json`` or ``markdown``."""
    if output_format == "json":
        return json.dumps(audit_data(result), indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        return render_markdown(result)
    if output_format == "rich":
        return render_rich(result, color=color, width=width)
    raise UsageError(f"audit has no {output_format!r} format", hint="choose rich, json or markdown")
