"""The editor's terminal report: findings first, by severity then document order, grouped by
sentence, cross-source evidence side by side with the differing words marked, plain words,
width from the terminal, colour only when asked; and snapshots of every text reporter."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from report_kit import sample_run

from factcheck.model import Severity, Status
from factcheck.reporters.compare import differing_words, group_by_sentence
from factcheck.reporters.terminal import TerminalReporter

GOLDEN = Path(__file__).resolve().parent / "golden" / "reports"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"  # rewrite the snapshots, then review the diff


def render(width: int = 100, color: bool = False) -> str:
    return TerminalReporter(color=color, width=width).render(sample_run())


def test_findings_come_first_errors_then_warnings_then_info():
    text = render()
    assert text.index("Errors (1 sentence)") < text.index("Warnings (1 sentence)") < text.index("Info (1 sentence)")
    assert text.index("Info (1 sentence)") < text.index("Documents") < text.index("Cross-source clusters")
    # the summary line opens the report, so the first screen says what is wrong
    assert text.splitlines()[0].startswith("3 documents, 4 claims")


def test_one_block_per_sentence_with_its_findings_inside():
    text = render()
    sentence = "The recent vote on 1 March 2023 extended the northern pier by 40 metres."
    errors = text[text.index("Errors") : text.index("Warnings")]
    assert errors.count(sentence) == 1
    assert errors.index("FC011 ledger-conflict") < errors.index("FC001 temporal") < errors.index("FC003 numeric")
    # evidence outside the sentence (the dateline) is listed under the finding
    assert re.search(r"alpha:3:1 +\u201cMarch 3, 2024\u201d", errors)


def test_cross_source_evidence_side_by_side_with_differing_words_marked():
    lines = render().splitlines()
    header = next(line for line in lines if "alpha:5:1" in line and "bravo:5:1" in line)
    assert header.index("alpha:5:1") < header.index("bravo:5:1")
    row = next(line for line in lines if "\u00ab40\u00bb" in line)
    assert "\u00ab45\u00bb" in row  # the two figures face each other on one line


def test_narrow_terminals_stack_the_sources_and_no_line_passes_the_width():
    for width in (60, 80, 132):
        text = render(width)
        assert max(len(line) for line in text.splitlines()) <= width
    narrow = render(60).splitlines()
    assert not any("alpha:5:1" in line and "bravo:5:1" in line for line in narrow)


def test_colour_only_when_asked():
    assert "\x1b[" not in render(color=False)
    coloured = render(color=True)
    assert "\x1b[" in coloured and "\u00ab" not in coloured  # colour marks the differing words instead


def test_resolutions_show_their_note_and_control_characters_are_inert():
    text = render()
    decided = text[text.index("Resolved or accepted") :]
    assert "accepted: Attributed in the print edition." in decided
    assert "\u202e" not in text and "\\u202e" in text


def test_word_diff_marks_only_the_words_that_differ():
    left, right = "Japan launched QZS-6 on 2 February 2024.", "Japan launched QZS-6 on 2 February 2025."
    (left_marks, right_marks) = differing_words([left, right])
    assert [left[s:e] for s, e in left_marks] == ["2024"] and [right[s:e] for s, e in right_marks] == ["2025"]


def test_sentence_groups_follow_document_order_within_a_severity():
    run = sample_run()
    groups = group_by_sentence(run.corpus, [f for f in run.corpus.findings if f.status is Status.OPEN])
    assert [g.doc for g in groups] == ["alpha", "bravo", "evil<b>"]
    assert groups[0].severity is Severity.ERROR and len(groups[0].findings) == 3


def test_the_cli_width_follows_columns(monkeypatch):
    from factcheck.cli.options import terminal_width

    monkeypatch.setenv("COLUMNS", "77")
    assert terminal_width() == 77


def test_no_color_is_honoured_and_the_option_overrides_it(monkeypatch):
    from factcheck.cli.options import Color, use_color

    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(Color.auto, None) is False and use_color(Color.always, None) is True
    monkeypatch.delenv("NO_COLOR")
    assert use_color(Color.auto, None) is True and use_color(Color.never, None) is False
    assert use_color(Color.auto, Path("report.txt")) is False


# --- snapshots: one per reporter, versions and absolute paths blanked -------------------------


def _blank(text: str) -> str:
    from factcheck import __version__

    text = text.replace(__version__, "<version>")
    return re.sub(r"file://\S+?(?=[\"<\s])", "file://<path>", text)


def _render(output_format: str) -> str:
    from factcheck.cli import render as render_format

    return _blank(render_format(sample_run(), output_format, color=False, width=100))


@pytest.mark.parametrize("output_format", ["rich", "concise", "github", "markdown", "json", "html"])
def test_reporter_snapshot(output_format):
    rendered = _render(output_format)
    golden = GOLDEN / f"sample.{output_format}"
    if UPDATE or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"wrote a new snapshot {golden.name}: review it and commit it")
    assert rendered == golden.read_text(encoding="utf-8")


def _one_cluster_of_whole_texts(cluster_id: str, texts: dict[str, str]):
    """A corpus of one document per text, each text one claim, all the claims in one cluster (and that cluster)."""
    from factcheck.model import Claim, Cluster, Corpus, Document, Span

    documents = tuple(Document(id=k, path=f"{k}.txt", text=v, clean=v) for k, v in texts.items())
    claims = tuple(
        Claim(id=f"{k}#0-{len(v)}", doc=k, span=Span(doc=k, start=0, end=len(v), text=v), text=v)
        for k, v in texts.items()
    )
    cluster = Cluster(id=cluster_id, claims=tuple(c.id for c in claims), documents=tuple(texts))
    return cluster, Corpus(documents=documents, claims=claims, clusters=(cluster,))


def test_sources_agree_only_when_they_state_the_same_fact():
    from factcheck.reporters.terminal import cluster_verdict

    texts = {
        "a": "The recent launch of the joint space effort marks a milestone.",
        "b": "The alliance is central to that mission.",
        "c": "In this essay, I focus on three elements.",
    }
    topic, corpus = _one_cluster_of_whole_texts("C1", texts)
    assert cluster_verdict(corpus, topic) == "3 sources report"

    same = {
        "a": "Japan launched the QZS-6 navigation satellite from Tanegashima on 2 February 2025.",
        "b": "On 2 February 2025 Japan launched the QZS-6 navigation satellite from Tanegashima.",
    }
    fact, corpus = _one_cluster_of_whole_texts("C2", same)
    assert cluster_verdict(corpus, fact) == "2 sources agree"


def test_the_alignment_decides_the_differing_words_when_a_finding_carries_one():
    from factcheck.reporters.compare import passages

    run = sample_run(hostile=False)
    corpus = run.corpus
    alpha, bravo = corpus.document("alpha"), corpus.document("bravo")

    def side(doc, sentence, differing):
        start = doc.text.index(sentence)
        found = doc.text.index(differing, start)
        return {
            "doc": doc.id,
            "start": start,
            "end": start + len(sentence),
            "text": sentence,
            "differs": [{"start": found, "end": found + len(differing), "text": differing}],
        }

    numeric = next(f for f in corpus.findings if f.check == "numeric-conflict")
    aligned = numeric.model_copy(
        update={
            "data": {
                "alignment": {
                    "strength": 0.8,
                    "left": side(
                        alpha, "The recent vote on 1 March 2023 extended the northern pier by 40 metres.", "40"
                    ),
                    "right": side(
                        bravo, "The board voted on 1 March 2024 to extend the northern pier by 45 metres.", "45"
                    ),
                }
            }
        }
    )
    left, right = passages(corpus, aligned)
    assert [left.text[s:e] for s, e in left.differs] == ["40"] and [right.text[s:e] for s, e in right.differs] == ["45"]
    # without it, the word diff marks more (the vote's wording and year differ too)
    left, _ = passages(corpus, numeric)
    assert len(left.differs) > 1


def test_the_documents_table_fits_the_width_and_keeps_ids_and_dates_whole():
    from datetime import date

    from rich.console import Console

    from factcheck.model import Corpus, Document
    from factcheck.reporters.terminal import documents_table

    long_title = "A Very Long Headline About a Harbour Board Vote That Goes On and On Past Any Column Width"
    documents = tuple(
        Document(
            id=f"00{n}_171d338aae5d7686",
            path=f"{n}.txt",
            text="x",
            clean="x",
            title=long_title,
            published=date(2025, 2, 10),
            published_source="dateline",
        )
        for n in range(3)
    )
    spin = {doc.id: {"spin_score": 0.95, "likely_spun": True} for doc in documents}
    corpus = Corpus(documents=documents, extras={"checks": {"garbled-wording": spin}})
    console = Console(width=100, record=True)
    console.print(documents_table(corpus))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 100
    told = "\n".join(lines)
    # Every column is there, nothing cropped at the edge; ids and dates are on one line each.
    assert "spin score" in told and told.count("0.95") == 3
    assert all(doc.id in told for doc in documents) and told.count("2025-02-10") == 3


def test_single_source_claims_are_listed_one_a_line_under_their_document():
    from rich.console import Console

    from factcheck.model import Claim, Corpus, Corroboration, Document, Span
    from factcheck.reporters.terminal import corroboration_section

    sentences = [
        f"Claim {n} says the harbour board voted on the pier extension in March of that year." for n in range(3)
    ]
    text = " ".join(sentences)
    claims, start = [], 0
    for sentence in sentences:
        begin = text.index(sentence, start)
        start = begin + len(sentence)
        claims.append(
            Claim(
                id=f"a#{begin}-{start}",
                doc="a",
                span=Span(doc="a", start=begin, end=start, text=sentence),
                text=sentence,
            )
        )
    record = Corroboration(doc="a", corroborated=4, single_source=3, single_source_claims=tuple(c.id for c in claims))
    corpus = Corpus(
        documents=(Document(id="a", path="a.txt", text=text, clean=text),),
        claims=tuple(claims),
        corroboration=(record,),
    )
    console = Console(width=60, record=True)
    console.print(corroboration_section(corpus))
    lines = console.export_text().splitlines()
    header = lines.index("a: 4 corroborated, 3 single-source")
    # The two most important, each indented on its own line (shortened to fit), and not the third.
    listed = [line for line in lines[header + 1 :] if line.strip()]
    assert len(listed) == 2 and all(line.startswith("    ") for line in listed)
    assert listed[0].strip().startswith("Claim 0") and listed[1].strip().startswith("Claim 1")


def test_a_clusters_long_sentence_wraps_under_itself_not_from_the_margin():
    from rich.console import Console

    from factcheck.reporters.terminal import clusters_section

    texts = {
        "a": "The harbour board voted on Monday to extend the northern pier by forty metres at a cost of two million.",
        "b": "On Monday the harbour board approved a forty metre extension of the northern pier.",
    }
    cluster, corpus = _one_cluster_of_whole_texts("C1", texts)
    console = Console(width=60, record=True)
    console.print(clusters_section(corpus))
    lines = console.export_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("a:1:1"))
    column = lines[first].index("The harbour")
    # Every line of the first source's sentence until the second source's starts at the sentence's column.
    following = lines[first + 1 : next(i for i, line in enumerate(lines) if line.lstrip().startswith("b:1:1"))]
    assert following and all(line[:column].strip() == "" and line[column] != " " for line in following)


def test_a_clusters_long_list_of_sources_wraps_beside_its_id():
    from rich.console import Console

    from factcheck.reporters.terminal import clusters_section

    texts = {
        f"source_{n}_of_the_harbour_story": f"The harbour board voted on Monday, report {n} says." for n in range(6)
    }
    cluster, corpus = _one_cluster_of_whole_texts("C7", texts)
    console = Console(width=60, record=True)
    console.print(clusters_section(corpus))
    lines = console.export_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("C7"))
    column = lines[first].index("6 sources")
    # The heading's wrapped lines start under the verdict, until the sentences (indented by two) begin.
    wrapped = []
    for line in lines[first + 1 :]:
        if line.startswith("  source_"):
            break
        wrapped.append(line)
    assert wrapped and all(line[:column].strip() == "" and line[column] != " " for line in wrapped)
