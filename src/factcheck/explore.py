"""Views for exploring a corpus: one document's claims, and the clusters across documents."""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from factcheck.config import Settings
from factcheck.errors import InputError
from factcheck.model import Claim, Corpus, Document
from factcheck.pipeline import run_stages
from factcheck.reporters.json import dumps, span_data
from factcheck.reporters.text import one_line


def _exit_code(corpus: Corpus) -> int:
    return 2 if not corpus.documents or any(failure.fatal for failure in corpus.failures) else 0


def _console(buffer: io.StringIO) -> Console:
    return Console(file=buffer, width=120, color_system=None, highlight=False)


def _first_failure(corpus: Corpus) -> InputError:
    failure = corpus.failures[0] if corpus.failures else None
    message = failure.message if failure else "no readable document"
    return InputError(message, path=failure.subject if failure else None)


def claim_lines(document: Document, claim: Claim) -> Text:
    line, column = document.line_col(claim.span.start)
    text = Text()
    # Everything printed here comes from a document or its file name: one_line makes it inert.
    text.append(f"{one_line(claim.doc)}:{line}:{column} ", style="dim")
    text.append(f"[{', '.join(claim.kinds)}]\n", style="cyan")
    text.append(f"  {one_line(claim.text, 300)}\n")
    for time in claim.times:
        marker = " recent" if time.recent else ""
        kind = "" if time.type == "DATE" else f" ({time.type.lower()})"
        text.append(
            f"  when  “{one_line(time.span.text, 60)}” -> {one_line(str(time.value), 60)}{kind}{marker}\n",
            style="green",
        )
    for quantity in claim.quantities:
        as_of = f" as of {quantity.as_of.value}" if quantity.as_of else ""
        text.append(
            f"  how much  “{one_line(quantity.span.text, 60)}” -> {quantity.comparator} {quantity.value:g} "
            f"{one_line(quantity.unit, 40)} of {one_line(quantity.measure or '?', 60)}{one_line(as_of, 60)}\n",
            style="yellow",
        )
    for actor in claim.actors:
        role = ", ".join(part for part in (actor.title, actor.affiliation) if part)
        text.append(
            f"  who  {one_line(actor.name, 60)} ({actor.label}){' — ' + one_line(role, 100) if role else ''}\n",
            style="magenta",
        )
    if claim.quote:
        quote = claim.quote
        text.append(
            f"  quote  “{one_line(quote.span.text, 120)}” — {one_line(quote.speaker or 'unattributed', 60)}"
            f"{', ' + one_line(quote.speaker_title, 60) if quote.speaker_title else ''}\n",
            style="blue",
        )
    if claim.event:
        event = claim.event
        text.append(
            f"  event  {one_line(event.actor or '?', 60)} / {one_line(event.action, 40)} / {one_line(event.object or '-', 60)}"
            f"{' (past)' if event.past else ''}\n",
            style="dim",
        )
    return text


def claims_report(settings: Settings, output_format: str) -> tuple[str, int, Corpus]:
    """Claims of the documents in ``settings.paths`` (load and extract only; no embeddings),
    the exit code, and the corpus (whose failures the caller reports)."""
    from factcheck.stages.extract import ExtractStage, all_time_expressions
    from factcheck.stages.load import LoadStage

    extract = ExtractStage(settings)
    corpus = run_stages([LoadStage(settings), extract])
    if not corpus.documents:
        raise _first_failure(corpus)
    if output_format == "json":
        documents = []
        for document in corpus.documents:
            claims = corpus.claims_of(document.id)
            # A time inside a claim carries what the parse says it dates (``head``): the list gives that record.
            in_claims = {(time.span.start, time.span.end): time for claim in claims for time in claim.times}
            times = [
                in_claims.get((time.span.start, time.span.end), time)
                for time in all_time_expressions(corpus.text_of(document.id), extract.nlp)
            ]
            documents.append(
                {
                    "id": document.id,
                    "path": document.path,
                    "title": document.title,
                    "published": document.published.isoformat() if document.published else None,
                    "published_source": document.published_source,
                    "claims": [claim.model_dump(mode="json") for claim in claims],
                    # The same shape as the times inside the claims: one record, dumped one way.
                    "times": [time.model_dump(mode="json") for time in times],
                }
            )
        data = {
            "version": 1,
            "documents": documents,
            "failures": [failure.model_dump(mode="json") for failure in corpus.failures],
        }
        return dumps(data), _exit_code(corpus), corpus
    buffer = io.StringIO()
    console = _console(buffer)
    for document in corpus.documents:
        published = document.published.isoformat() if document.published else "unknown"
        console.print(
            Text(
                f"{one_line(document.id)}: {one_line(document.title or '(untitled)', 100)} "
                f"— {published} ({document.published_source})",
                style="bold",
            )
        )
        for claim in corpus.claims_of(document.id):
            console.print(claim_lines(corpus.text_of(document.id), claim))
    return buffer.getvalue(), _exit_code(corpus), corpus


def clusters_report(settings: Settings, output_format: str) -> tuple[str, int, Corpus]:
    """Clusters across the documents in ``settings.paths`` (no checks run), the exit code and the corpus."""
    from factcheck.pipeline import build_stages

    stages = [stage for stage in build_stages(settings) if stage.name != "check"]
    corpus = run_stages(stages)
    if not corpus.documents:
        raise _first_failure(corpus)
    if output_format == "json":
        data = {
            "version": 1,
            "clusters": [
                {
                    "id": cluster.id,
                    "documents": list(cluster.documents),
                    "claims": [
                        {"id": claim_id, **span_data(corpus.claim(claim_id).span)} for claim_id in cluster.claims
                    ],
                }
                for cluster in corpus.clusters
            ],
        }
        return dumps(data), _exit_code(corpus), corpus
    buffer = io.StringIO()
    console = _console(buffer)
    for cluster in corpus.clusters:
        label = "cross-source" if cluster.cross_source else "one source"
        console.print(Text(f"{cluster.id} ({label}: {one_line(', '.join(cluster.documents))})", style="bold"))
        for claim_id in cluster.claims:
            claim = corpus.claim(claim_id)
            line, _ = corpus.text_of(claim.doc).line_col(claim.span.start)
            console.print(f"  [dim]{escape(one_line(claim.doc))}:{line}[/]  {escape(one_line(claim.text, 150))}")
    return buffer.getvalue(), _exit_code(corpus), corpus
