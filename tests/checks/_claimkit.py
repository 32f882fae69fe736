"""Build Documents and Claims by hand for unit tests of checks (no spaCy, no extraction)."""

from __future__ import annotations

import re
from datetime import date

from factcheck.model import Actor, Claim, Cluster, Corpus, Document, Event, Quantity, Quote, Span, TimeExpression


def document(doc_id: str, text: str, published: date | None = None) -> Document:
    return Document(
        id=doc_id,
        path=f"{doc_id}.txt",
        text=text,
        clean=text,
        published=published,
        published_source="dateline" if published else "unknown",
    )


def span(doc: Document, text: str, after: int = 0) -> Span:
    start = doc.text.index(text, after)
    return Span(doc=doc.id, start=start, end=start + len(text), text=text)


def sentence_claims(doc: Document) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+(?:[.!?](?=\s|$)|$)", doc.text) if m.group(0).strip()]


def claim(doc: Document, sentence: str, **slots) -> Claim:
    where = span(doc, sentence)
    return Claim(id=f"{doc.id}#{where.start}-{where.end}", doc=doc.id, span=where, text=sentence, **slots)


def time(
    doc: Document,
    text: str,
    value: str | None,
    granularity: str = "day",
    *,
    after: int = 0,
    relative: bool = False,
    recent: bool = False,
) -> TimeExpression:
    return TimeExpression(
        span=span(doc, text, after), value=value, granularity=granularity, relative=relative, recent=recent
    )


def corpus(documents: list[Document], claims: list[Claim], clusters: list[list[Claim]] = ()) -> Corpus:
    built = []
    for index, members in enumerate(clusters):
        built.append(
            Cluster(
                id=f"c{index}", claims=tuple(c.id for c in members), documents=tuple(sorted({c.doc for c in members}))
            )
        )
    return Corpus(documents=tuple(documents), claims=tuple(claims), clusters=tuple(built))


__all__ = ["Actor", "Event", "Quantity", "Quote", "claim", "corpus", "document", "span", "time"]
