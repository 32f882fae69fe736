"""Audit mode: the draft's contradicted, unsupported and own problems, in the draft's order."""

from __future__ import annotations

import json

import pytest

from factcheck.audit import audit_result, render_audit
from factcheck.config import Settings
from factcheck.errors import UsageError
from factcheck.model import Claim, Cluster, Corpus, Document, Event, RunResult, Severity, Span, Status, make_finding

DRAFT = (
    "Intro.\n"
    "QZS-6 launched on February 2, 2024.\n"
    "The Space Force was founded recently.\n"
    'Officials said "it is historic" <b>@here</b>.\n'
)
SOURCE_A = "Japan launched QZS-6 on February 1, 2024.\n"
SOURCE_B = "QZS-6 lifted off on February 1, 2024 from Tanegashima.\nThe alliance is central to that mission.\n"


def span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(doc=doc.id, start=start, end=start + len(needle), text=needle)


def claim(doc: Document, needle: str, event: Event | None = None) -> Claim:
    sp = span(doc, needle)
    return Claim(id=f"{doc.id}#{sp.start}-{sp.end}", doc=doc.id, span=sp, text=needle, event=event)


@pytest.fixture
def run() -> RunResult:
    draft = Document(id="000", path="seeds/000.txt", text=DRAFT, clean=DRAFT)
    a = Document(id="001", path="seeds/001.txt", text=SOURCE_A, clean=SOURCE_A)
    b = Document(id="002", path="seeds/002.txt", text=SOURCE_B, clean=SOURCE_B)
    launch = claim(draft, "QZS-6 launched on February 2, 2024.", Event(action="launch", object="qzs-6"))
    founded = claim(draft, "The Space Force was founded recently.")
    quote = claim(draft, 'Officials said "it is historic" <b>@here</b>.')
    a_launch = claim(
        a, "Japan launched QZS-6 on February 1, 2024.", Event(actor="japan", action="launch", object="qzs-6")
    )
    b_launch = claim(
        b, "QZS-6 lifted off on February 1, 2024 from Tanegashima.", Event(action="launch", object="qzs-6")
    )
    # Same topic, same cluster, but no statement of the launch: it supports nothing.
    b_topic = claim(b, "The alliance is central to that mission.")
    clusters = (
        Cluster(id="c1", claims=(launch.id, a_launch.id, b_launch.id, b_topic.id), documents=("000", "001", "002")),
        Cluster(id="c2", claims=(founded.id,), documents=("000",)),
    )
    conflict = make_finding(
        "date-conflict",
        "FC001",
        Severity.ERROR,
        "Launch date differs.",
        [span(draft, "February 2, 2024"), span(a, "February 1, 2024")],
    )
    recency = make_finding(
        "temporal", "FC003", Severity.WARNING, '"Recently" is years old.', [span(draft, "founded recently")]
    )
    sources_only = make_finding(
        "numeric-conflict", "FC002", Severity.ERROR, "Sources disagree.", [span(a, "Japan"), span(b, "Tanegashima")]
    )
    quote_problem = make_finding(
        "quote-role", "FC006", Severity.WARNING, "Unattributed quote.", [span(draft, "it is historic")]
    ).model_copy(update={"status": Status.ACCEPTED, "note": "Speaker named in the caption."})
    corpus = Corpus(
        documents=(draft, a, b),
        claims=(launch, founded, quote, a_launch, b_launch, b_topic),
        clusters=clusters,
        findings=(sources_only, conflict, quote_problem, recency),
    )
    return RunResult(corpus=corpus, settings=Settings(fail_on=Severity.WARNING))


def test_items_in_draft_order_with_kinds_and_passages(run):
    result = audit_result(run, "seeds/000.txt")
    assert result.draft.id == "000" and result.sources == ("001", "002")
    kinds = [(item.kind, item.text) for item in result.items]
    assert kinds == [
        ("contradicted", "February 2, 2024"),
        ("problem", "founded recently"),
        ("problem", "it is historic"),
    ]
    # Claims with findings are not listed again as unsupported; their items say so.
    assert [item.supported for item in result.items] == [True, False, False]
    # Ordered by the draft claim each item belongs to.
    claim_starts = [int(item.claim.split("#")[1].split("-")[0]) for item in result.items]
    assert claim_starts == sorted(claim_starts)
    contradicted = result.items[0]
    assert [s.text for s in contradicted.contradicting] == ["February 1, 2024"]
    # The contradicting source's own claim is not listed again as support; the other source is.
    assert [(s.doc, s.text) for s in contradicted.supporting] == [
        ("002", "QZS-6 lifted off on February 1, 2024 from Tanegashima.")
    ]
    assert contradicted.claim == "000#7-42"
    # A disagreement between two sources is not the draft's problem.
    assert all(f.check != "numeric-conflict" for item in result.items for f in item.findings)


def test_exit_code_counts_only_open_draft_findings(run):
    result = audit_result(run, "000")
    assert result.exit_code() == 1  # the open error and warning gate at --fail-on warning
    assert result.exit_code(exit_zero=True) == 0
    resolved = [f.model_copy(update={"status": Status.RESOLVED, "note": "ok"}) for f in run.corpus.findings]
    quiet = RunResult(run.corpus.evolve(findings=tuple(resolved)), run.settings)
    assert audit_result(quiet, "000").exit_code() == 0  # sources-only finding does not gate the draft


def test_unknown_draft_exits_2(run):
    result = audit_result(run, "missing.txt")
    assert result.draft is None and result.items == [] and result.exit_code() == 2


def test_json_render(run):
    data = json.loads(render_audit(audit_result(run, "000"), "json"))
    assert data["draft"] == {"id": "000", "path": "seeds/000.txt"}
    assert data["counts"] == {"contradicted": 1, "problem": 2, "unsupported": 0}
    first = data["items"][0]
    assert first["location"] == "seeds/000.txt:2:19" and first["severity"] == "error"
    assert first["contradicting"][0]["location"] == "seeds/001.txt:1:25"
    assert data["items"][2]["status"] == "accepted" and data["exit_code"] == 1


def test_markdown_and_rich_renders_escape_and_keep_order(run):
    result = audit_result(run, "000")
    markdown = render_audit(result, "markdown")
    assert "<b>" not in markdown and "@here" not in markdown
    assert (
        markdown.index("contradicted by sources")
        < markdown.index("draft problem")
        < markdown.index("no source supports this claim")
    )
    assert "(accepted)" in markdown and "Speaker named in the caption" in markdown
    text = render_audit(result, "rich")
    assert "Audit of seeds/000.txt against 2 sources" in text
    assert text.index("1. contradicted by sources") < text.index("2. draft problem")
    assert "contradicts: seeds/001.txt:1:25" in text and "supports: seeds/002.txt:1:1" in text
    with pytest.raises(UsageError):
        render_audit(result, "sarif")


def test_unsupported_claims_and_dateline_anchors(run):
    corpus = run.corpus
    draft = corpus.document("000")
    plain = claim(draft, "Intro.")
    dateline = span(draft, "Intro")
    dated = draft.model_copy(update={"published_span": dateline})
    temporal = make_finding(
        "temporal", "FC001", Severity.WARNING, "Far from the dateline.", [dateline, span(draft, "February 2, 2024")]
    )
    corpus = corpus.evolve(
        documents=(dated, *corpus.documents[1:]), claims=(plain, *corpus.claims), findings=(temporal,)
    )
    result = audit_result(RunResult(corpus, run.settings), "000")
    kinds = [(item.kind, item.text) for item in result.items]
    # The finding is anchored on the claim's date, not on the dateline it was measured against.
    assert kinds[0] == ("unsupported", "Intro.")
    assert ("problem", "February 2, 2024") in kinds
    assert [k for k, _ in kinds].count("unsupported") == 3  # intro, founded, quote claims


def test_a_source_on_the_same_topic_does_not_support_a_claim(run):
    corpus = run.corpus
    founded = next(c for c in corpus.claims if c.text.startswith("The Space Force"))
    topic = next(c for c in corpus.claims if c.text.startswith("The alliance"))
    clusters = tuple(c for c in corpus.clusters if c.id != "c2") + (
        Cluster(id="c2", claims=(founded.id, topic.id), documents=("000", "002")),
    )
    result = audit_result(RunResult(corpus.evolve(clusters=clusters, findings=()), run.settings), "000")
    listed = {item.text: item for item in result.items}
    assert listed[founded.text].kind == "unsupported" and listed[founded.text].supporting == ()
    assert "The alliance is central to that mission." not in render_audit(result, "rich")
