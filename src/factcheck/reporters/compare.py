"""What reporters show of a finding: the sentence it concerns, its evidence grouped by
document for a side-by-side view, and the words that differ between the sources.

Terminal and HTML reporters share this, so both group and highlight alike. The differing
words come from a word diff (difflib) today; ``differing_words`` is the one place the
cross-source alignment will plug in.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.model import Claim, Corpus, Finding, Severity, Span, Status

_WORD = re.compile(r"\w+(?:[-'\u2019.,]\w+)*|[^\w\s]")
_SENTENCE_END = re.compile(r"[.!?]['\"\u201d\u2019)]*\s+|\n\s*\n")
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class Passage:
    """A stretch of one document shown as evidence: a sentence with the spans marked in it."""

    doc: str
    start: int
    end: int
    text: str
    marks: tuple[tuple[int, int], ...] = ()  # evidence spans, relative to ``start``
    differs: tuple[tuple[int, int], ...] = ()  # words that differ from the other sources, relative


@dataclass
class SentenceGroup:
    """The findings that concern one sentence, as one block of the report."""

    doc: str
    start: int
    end: int
    text: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def severity(self) -> Severity:
        open_findings = [f for f in self.findings if f.status is Status.OPEN] or self.findings
        return max((f.severity for f in open_findings), key=lambda s: s.rank)


def sentence_around(corpus: Corpus, span: Span) -> tuple[int, int]:
    """The claim sentence that holds ``span`` (the narrowest), else the text between sentence ends."""
    holding = [c for c in corpus.claims_of(span.doc) if c.span.start <= span.start and span.end <= c.span.end]
    if holding:
        claim = min(holding, key=lambda c: c.span.end - c.span.start)
        return claim.span.start, claim.span.end
    try:
        text = corpus.text_of(span.doc).text
    except KeyError:
        return span.start, span.end
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, span.start):
        start = match.end()
    end_match = _SENTENCE_END.search(text, span.end)
    end = end_match.start() + 1 if end_match else len(text)
    if end - start > 600:  # no sentence to speak of (a table, a heading run): the span with a margin
        start, end = max(span.start - 120, start), min(span.end + 120, end)
    return start, min(max(end, span.end), len(text))


def _anchor(corpus: Corpus, finding: Finding) -> Span:
    """The evidence span a finding is about: the first one inside a claim, not a dateline."""
    datelines = set()
    for span in finding.evidence:
        try:
            published = corpus.document(span.doc).published_span
        except KeyError:
            continue
        if published is not None:
            datelines.add((published.doc, published.start, published.end))
    candidates = [s for s in finding.evidence if (s.doc, s.start, s.end) not in datelines] or list(finding.evidence)
    return candidates[0]


def _document_order(corpus: Corpus) -> dict[str, int]:
    return {doc.id: index for index, doc in enumerate(corpus.documents)}


def group_by_sentence(corpus: Corpus, findings: Sequence[Finding]) -> list[SentenceGroup]:
    """One group per sentence, in document order; the report orders groups by severity after."""
    groups: dict[tuple[str, int, int], SentenceGroup] = {}
    for finding in findings:
        if not finding.evidence:
            continue
        anchor = _anchor(corpus, finding)
        start, end = sentence_around(corpus, anchor)
        key = (anchor.doc, start, end)
        if key not in groups:
            try:
                text = corpus.text_of(anchor.doc).text[start:end]
            except KeyError:
                text = anchor.text
            groups[key] = SentenceGroup(doc=anchor.doc, start=start, end=end, text=text)
        groups[key].findings.append(finding)
    order = _document_order(corpus)
    for group in groups.values():
        group.findings.sort(key=lambda f: (-f.severity.rank, f.first_position[1], f.id))
    return sorted(groups.values(), key=lambda g: (order.get(g.doc, len(order)), g.start, g.end))


def by_severity(groups: Sequence[SentenceGroup]) -> list[tuple[Severity, list[SentenceGroup]]]:
    """Errors, then warnings, then info; a sentence sits under its most severe finding."""
    return [
        (severity, [g for g in groups if g.severity is severity])
        for severity in SEVERITY_ORDER
        if any(g.severity is severity for g in groups)
    ]


def is_cross_source(finding: Finding) -> bool:
    return len({span.doc for span in finding.evidence}) >= 2


def aligned_passages(corpus: Corpus, finding: Finding) -> list[Passage] | None:
    """The two sides of a finding the cross-source alignment built (``data["alignment"]``), with
    the words it found to differ; None when the finding carries no alignment."""
    alignment = finding.data.get("alignment") if isinstance(finding.data, dict) else None
    if not isinstance(alignment, dict):
        return None
    shown = []
    for side in (alignment.get("left"), alignment.get("right")):
        if not isinstance(side, dict):
            return None
        try:
            doc, start, end = str(side["doc"]), int(side["start"]), int(side["end"])
            text = corpus.text_of(doc).text[start:end]
            differs = tuple(
                sorted(
                    (int(d["start"]) - start, int(d["end"]) - start)
                    for d in side.get("differs", ())
                    if start <= int(d["start"]) <= int(d["end"]) <= end
                )
            )
        except (KeyError, TypeError, ValueError):
            return None
        marks = tuple(
            sorted(
                (s.start - start, s.end - start)
                for s in finding.evidence
                if s.doc == doc and start <= s.start and s.end <= end
            )
        )
        shown.append(Passage(doc=doc, start=start, end=end, text=text, marks=marks, differs=differs))
    return shown


def passages(corpus: Corpus, finding: Finding) -> list[Passage]:
    """The finding's evidence as one passage per document (its sentences, spans marked), in
    evidence order, with the words that differ between documents marked: the alignment's when
    the finding carries one, else a word diff."""
    aligned = aligned_passages(corpus, finding)
    if aligned is not None:
        return aligned
    by_doc: dict[str, list[Span]] = {}
    for span in finding.evidence:
        by_doc.setdefault(span.doc, []).append(span)
    shown: list[Passage] = []
    for doc, spans in by_doc.items():
        try:
            text = corpus.text_of(doc).text
        except KeyError:
            shown.append(
                Passage(
                    doc=doc,
                    start=spans[0].start,
                    end=spans[0].end,
                    text=spans[0].text,
                    marks=((0, len(spans[0].text)),),
                )
            )
            continue
        dateline = corpus.document(doc).published_span
        inside = [s for s in spans if dateline is None or (s.start, s.end) != (dateline.start, dateline.end)] or spans
        ranges = sorted({sentence_around(corpus, span) for span in inside})
        start, end = ranges[0][0], max(r[1] for r in ranges)
        if end - start > 900:  # sentences far apart: the first one only, the rest stay in the marks list
            start, end = ranges[0]
        marks = tuple(
            sorted(
                (max(s.start, start) - start, min(s.end, end) - start)
                for s in inside
                if s.start < end and start < s.end
            )
        )
        shown.append(Passage(doc=doc, start=start, end=end, text=text[start:end], marks=marks))
    if len(shown) >= 2:
        texts = [p.text for p in shown]
        if similar(texts):
            differing = differing_words(texts)
        else:
            # Sentences worded apart differ nearly everywhere: what differs is what the evidence marks.
            differing = [list(p.marks) for p in shown]
        shown = [
            Passage(doc=p.doc, start=p.start, end=p.end, text=p.text, marks=p.marks, differs=tuple(d))
            for p, d in zip(shown, differing)
        ]
    return shown


SIMILAR_WORDING = 0.5  # difflib ratio over words above which a word diff reads as "what changed"


def similar(texts: Sequence[str]) -> bool:
    """Whether the passages are worded alike enough for a word diff to be worth reading."""
    first = [w for w, _, _ in _words(texts[0])]
    return all(
        difflib.SequenceMatcher(a=first, b=[w for w, _, _ in _words(text)], autojunk=False).ratio() >= SIMILAR_WORDING
        for text in texts[1:]
    )


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text)]


def differing_words(texts: Sequence[str], alignment: object | None = None) -> list[list[tuple[int, int]]]:
    """Character ranges, per text, of the words that differ from the other texts.

    Each text after the first is compared with the first (a word diff); the first marks the
    words that some other text lacks. ``alignment`` is where the cross-source alignment will
    come in; until then it is unused.
    """
    words = [_words(text) for text in texts]
    marked: list[set[tuple[int, int]]] = [set() for _ in texts]
    first = [w for w, _, _ in words[0]]
    for index in range(1, len(texts)):
        other = [w for w, _, _ in words[index]]
        matcher = difflib.SequenceMatcher(a=first, b=other, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                continue
            marked[0].update((s, e) for _, s, e in words[0][a0:a1] if _is_word(texts[0][s:e]))
            marked[index].update((s, e) for _, s, e in words[index][b0:b1] if _is_word(texts[index][s:e]))
    return [_merge(sorted(ranges), text) for ranges, text in zip(marked, texts)]


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def _merge(ranges: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Adjacent differing words as one range (joined across the spaces between them)."""
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def claim_at(corpus: Corpus, span: Span) -> Claim | None:
    holding = [c for c in corpus.claims_of(span.doc) if c.span.start <= span.start and span.end <= c.span.end]
    return min(holding, key=lambda c: c.span.end - c.span.start, default=None)
