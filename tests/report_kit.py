"""A small finished run for reporter tests: three documents, findings of every severity, one
sentence with two findings, a cross-source conflict, a resolved finding with its note, a
skipped file, and a hostile document (markup, script, bidi controls) to be shown inert."""

from __future__ import annotations

from datetime import date

from factcheck.config import Settings
from factcheck.model import (
    Claim,
    Cluster,
    Corpus,
    Document,
    Event,
    Failure,
    RunResult,
    Severity,
    Span,
    Status,
    make_finding,
)

ALPHA = (
    "Harbour Board Votes On Pier\n\nMarch 3, 2024\n\n"
    "The recent vote on 1 March 2023 extended the northern pier by 40 metres.\n"
    "The council will pay 30 percent of the cost, officials said.\n"
)
BRAVO = (
    "Pier Extension Approved\n\nMarch 4, 2024\n\n"
    "The board voted on 1 March 2024 to extend the northern pier by 45 metres.\n"
    "The council will pay 30 percent of the cost.\n"
)
HOSTILE = (
    '<script>document.title="pwned"</script> <a href="javascript:alert(1)">click</a> '
    "<img src=x onerror=\"document.title='pwned'\"> The mayor said \u202egnp.exe\u202c the pier opened.\n"
)


def span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(doc=doc.id, start=start, end=start + len(needle), text=needle)


def claim(doc: Document, needle: str, event: Event | None = None) -> Claim:
    sp = span(doc, needle)
    return Claim(id=f"{doc.id}#{sp.start}-{sp.end}", doc=doc.id, span=sp, text=needle, event=event)


def sample_run(hostile: bool = True) -> RunResult:
    alpha = Document(
        id="alpha",
        path="docs/alpha.txt",
        text=ALPHA,
        clean=ALPHA,
        title="Harbour Board Votes On Pier",
        published=date(2024, 3, 3),
        published_source="dateline",
    )
    alpha = alpha.model_copy(update={"published_span": span(alpha, "March 3, 2024")})
    bravo = Document(
        id="bravo",
        path="docs/bravo.txt",
        text=BRAVO,
        clean=BRAVO,
        title="Pier Extension Approved",
        published=date(2024, 3, 4),
        published_source="dateline",
    )
    documents = [alpha, bravo]
    vote = "The recent vote on 1 March 2023 extended the northern pier by 40 metres."
    other_vote = "The board voted on 1 March 2024 to extend the northern pier by 45 metres."
    pay_a, pay_b = (
        "The council will pay 30 percent of the cost, officials said.",
        "The council will pay 30 percent of the cost.",
    )
    claims = [
        claim(alpha, vote, Event(actor="board", action="vote")),
        claim(alpha, pay_a),
        claim(bravo, other_vote, Event(actor="board", action="vote")),
        claim(bravo, pay_b),
    ]
    clusters = [
        Cluster(id="C0001", claims=(claims[0].id, claims[2].id), documents=("alpha", "bravo")),
        Cluster(id="C0002", claims=(claims[1].id, claims[3].id), documents=("alpha", "bravo")),
    ]
    findings = [
        make_finding(
            "ledger-conflict",
            "FC011",
            Severity.ERROR,
            "the vote is dated \u20181 March 2023\u2019 (1 March 2023), but the ledger has 1 March 2024",
            [span(alpha, "1 March 2023"), span(alpha, vote)],
            suggestion="check the date against the source",
        ),
        make_finding(
            "temporal",
            "FC001",
            Severity.WARNING,
            "\u20181 March 2023\u2019 is 368 days before the dateline, 3 March 2024, yet the text calls it "
            "\u2018recent\u2019",
            [span(alpha, "recent"), span(alpha, "1 March 2023"), alpha.published_span],
        ),
        make_finding(
            "numeric-conflict",
            "FC003",
            Severity.WARNING,
            "pier figures conflict: \u201840 metres\u2019 (40 metres, alpha) and \u201845 metres\u2019 "
            "(45 metres, bravo)",
            [span(alpha, "40 metres"), span(bravo, "45 metres")],
        ),
        make_finding(
            "uncorroborated", "FC005", Severity.INFO, "only alpha names the officials", [span(alpha, "officials said")]
        ).model_copy(update={"status": Status.ACCEPTED, "note": "Attributed in the print edition."}),
        make_finding(
            "uncorroborated",
            "FC005",
            Severity.INFO,
            "only bravo gives the board's headline",
            [span(bravo, "Pier Extension Approved")],
        ),
    ]
    failures = [
        Failure(
            stage="load", subject="docs/scan.pdf", message="docs/scan.pdf: the file has no text layer", code="FC-E108"
        )
    ]
    if hostile:
        evil = Document(
            id="evil<b>",
            path="docs/evil<b>.html",
            text=HOSTILE,
            clean=HOSTILE,
            title='<img src=x onerror="document.title=1">',
        )
        documents.append(evil)
        findings.append(
            make_finding(
                "attribution-conflict",
                "FC004",
                Severity.WARNING,
                'the mayor <script>document.title="pwned"</script> is quoted',
                [span(evil, "The mayor said"), span(evil, '<script>document.title="pwned"</script>')],
            )
        )
    corpus = Corpus(
        documents=tuple(documents),
        claims=tuple(claims),
        clusters=tuple(clusters),
        findings=tuple(findings),
        failures=tuple(failures),
    )
    return RunResult(corpus=corpus, settings=Settings(fail_on=Severity.WARNING))
