"""Time expressions scored the TempEval-3 way on MEANTIME (gold TIMEX3 in 120 Wikinews articles).

Usage:
    python benchmarks/timex.py                      # the held-out part (the README figure)
    python benchmarks/timex.py --part dev --errors  # the development part, with every error listed
    python benchmarks/timex.py --part all

What runs: the product's own path. Each article is read by the load stage (``load_document``) and its
time expressions come from ``all_time_expressions``, the list ``claims --format json`` prints; the
article's ``published`` field is its dateline (it replaces whatever the load stage read from the text;
the three articles whose field is missing or not ISO keep the dateline read from their text).

What is scored (TempEval-3, UzZaman et al. 2013):
* extent: strict (same start and end) and relaxed (overlapping) precision, recall, F1. One gold
  annotation matches at most one prediction and the other way round (greedy, largest overlap first);
* value and type on the relaxed matches: accuracy (correct / matched) and F1 (correct counted as hits
  against all predictions and all gold, so a miss or a false alarm costs too);
* by gold type (DATE, TIME, DURATION, SET): recall and value accuracy; precision by predicted type.

MEANTIME annotated only the first five sentences of each article (the title with the dateline counts as
one), so predictions are scored only up to the end of the fourth body sentence (``annotated_end``, a fixed
sentence splitter that does not break after initials and common abbreviations); every gold annotation lies
inside that region, and the predictions beyond it are counted and printed, not scored.

Every gold annotation is scored, the articles' creation times included: the extractor reports the
dateline's date like any other time expression (marked ``dateline: true``), so dropping them
would hide nothing it does differently. A second line scores the body alone (creation-time gold and any
prediction on its span left out), which is the harder and more telling figure.

Split: an article belongs to the held-out part when the SHA-256 of ``meantime-timex:<id>`` is even.
Tune on ``--part dev`` only; ``--errors`` refuses the held-out part so it stays unseen.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpora" / "meantime-timex"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A gold or predicted time expression: offsets into the article text, TIMEX3 type and value."""

    doc: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    creation_time: bool = False


def part_of(article_id: str) -> str:
    digest = hashlib.sha256(f"meantime-timex:{article_id}".encode()).digest()
    return "heldout" if digest[0] % 2 == 0 else "dev"


def read_corpus(folder: Path, part: str) -> tuple[list[dict], list[Timex]]:
    with (folder / "articles.jsonl").open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()]
    articles = [article for article in articles if part == "all" or part_of(article["id"]) == part]
    kept = {article["id"] for article in articles}
    gold = []
    with (folder / "timex.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            item = json.loads(line)
            if item["id"] in kept:
                gold.append(
                    Timex(
                        item["id"],
                        item["start"],
                        item["end"],
                        item["text"],
                        item["type"],
                        item["value"],
                        item.get("function") == "CREATION_TIME",
                    )
                )
    return articles, gold


def predict(articles: Iterable[dict]) -> tuple[list[Timex], int]:
    """Run the product's extractor on each article (its ``published`` date as the dateline).

    Returns the predictions inside the annotated region and the number left out beyond it."""
    from factcheck.config import Settings
    from factcheck.stages.extract import all_time_expressions
    from factcheck.stages.load import load_document

    settings = Settings(paths=(), use_cache=False)
    predictions = []
    unscored = 0
    for article in articles:
        end = annotated_end(article["text"])
        document = load_document(
            Path(f"{article['id']}.txt"), settings, doc_id=article["id"], data=article["text"].encode("utf-8")
        )
        published = _iso_date(article.get("published"))
        if published is not None:
            document = document.model_copy(update={"published": published})
        for time in all_time_expressions(document):
            if time.span.start >= end:
                unscored += 1
                continue
            predictions.append(
                Timex(
                    article["id"], time.span.start, time.span.end, time.span.text, time.type, time.value, time.dateline
                )
            )
    return predictions, unscored


_SENTENCE_BREAK = re.compile(
    r"(?<![A-Z])(?<!\bMr|\bMs|\bDr|\bSt|\bJr|\bSr|\bCo|\bvs|\bNo)(?<!\bInc|\bLtd|\bMrs)(?<!\bCorp)"
    r"[.!?][\"\u201d\u2019]?\s+(?=[\"\u201c]?[A-Z0-9])|\n\s*\n"
)
ANNOTATED_BODY_SENTENCES = 4


def annotated_end(text: str) -> int:
    """Where MEANTIME's annotation stops: after the title and dateline paragraphs, four sentences on."""
    paragraphs = list(re.finditer(r"[^\n]+", text))
    if len(paragraphs) < 3:
        return len(text)
    breaks = 0
    for found in _SENTENCE_BREAK.finditer(text, paragraphs[2].start()):
        breaks += 1
        if breaks == ANNOTATED_BODY_SENTENCES:
            return found.start() + 1
    return len(text)


def _iso_date(text: str | None) -> date | None:
    """The article's ``published`` field when it is an ISO date. Three articles have none or another
    format ("03-02-2009"); they keep the dateline the load stage reads from their text."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def predict_dateparser(articles: Iterable[dict]) -> tuple[list[Timex], int]:
    """The same articles through dateparser's ``search_dates`` (relative to the dateline, past preferred).

    dateparser finds dates and returns datetimes, not TIMEX3: a match is typed DATE and its value is the
    day it names (or the month or year when the words name no day), so durations and sets count as misses.
    """
    from dateparser.search import search_dates

    predictions = []
    unscored = 0
    for article in articles:
        text = article["text"]
        end = annotated_end(text)
        published = _iso_date(article.get("published"))
        settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
        if published is not None:
            from datetime import datetime

            settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
        found = search_dates(text, languages=["en"], settings=settings) or []
        position = 0
        for words, when in found:
            start = text.find(words, position)
            if start < 0:
                continue
            position = start + len(words)
            if start >= end:
                unscored += 1
                continue
            if re.search(r"\d{1,2}\s*(?:[,/]|\s)\s*\d{4}|\d{1,2}(?:st|nd|rd|th)?\b", words) or re.search(
                r"day|yesterday|today|tomorrow", words, re.IGNORECASE
            ):
                value = when.date().isoformat()
            elif re.search(r"[A-Za-z]", words) and re.search(r"\d{4}", words):
                value = f"{when.year:04d}-{when.month:02d}"
            else:
                value = f"{when.year:04d}"
            predictions.append(Timex(article["id"], start, start + len(words), words, "DATE", value))
    return predictions, unscored


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: list[Timex], predicted: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Relaxed one-to-one matches (gold, prediction): overlapping spans, largest overlap first."""
    by_doc: dict[str, list[Timex]] = defaultdict(list)
    for item in predicted:
        by_doc[item.doc].append(item)
    candidates = []
    for g_index, g in enumerate(gold):
        for p in by_doc[g.doc]:
            overlap = _overlap(g, p)
            if overlap > 0:
                candidates.append((-overlap, g_index, p.start, g, p))
    candidates.sort(key=lambda c: c[:3])
    used_gold: set[int] = set()
    used_pred: set[tuple[str, int, int]] = set()
    pairs = []
    for _, g_index, _, g, p in candidates:
        key = (p.doc, p.start, p.end)
        if g_index in used_gold or key in used_pred:
            continue
        used_gold.add(g_index)
        used_pred.add(key)
        pairs.append((g, p))
    return pairs


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


@dataclass(frozen=True)
class Scores:
    gold: int
    predicted: int
    strict: tuple[float, float, float]
    relaxed: tuple[float, float, float]
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float


def score(gold: list[Timex], predicted: list[Timex]) -> Scores:
    pairs = match(gold, predicted)
    strict_hits = sum(1 for g, p in pairs if (g.start, g.end) == (p.start, p.end))
    value_hits = sum(1 for g, p in pairs if g.value == p.value)
    type_hits = sum(1 for g, p in pairs if g.type == p.type)
    matched = len(pairs)
    return Scores(
        gold=len(gold),
        predicted=len(predicted),
        strict=_prf(strict_hits, len(predicted), len(gold)),
        relaxed=_prf(matched, len(predicted), len(gold)),
        value_accuracy=100 * value_hits / matched if matched else 0.0,
        value_f1=_prf(value_hits, len(predicted), len(gold))[2],
        type_accuracy=100 * type_hits / matched if matched else 0.0,
        type_f1=_prf(type_hits, len(predicted), len(gold))[2],
    )


def by_type(gold: list[Timex], predicted: list[Timex]) -> list[tuple[str, int, int, float, float, float, float]]:
    """Per type: gold count, predicted count, precision (by predicted type), recall and value accuracy
    (by gold type) on relaxed matches, and type accuracy of the matched gold of that type."""
    pairs = match(gold, predicted)
    rows = []
    for kind in TYPES:
        kind_gold = [g for g in gold if g.type == kind]
        kind_pred = [p for p in predicted if p.type == kind]
        matched = [(g, p) for g, p in pairs if g.type == kind]
        pred_matched = sum(1 for g, p in pairs if p.type == kind)
        precision = 100 * pred_matched / len(kind_pred) if kind_pred else 0.0
        recall = 100 * len(matched) / len(kind_gold) if kind_gold else 0.0
        value_accuracy = 100 * sum(g.value == p.value for g, p in matched) / len(matched) if matched else 0.0
        type_accuracy = 100 * sum(g.type == p.type for g, p in matched) / len(matched) if matched else 0.0
        rows.append((kind, len(kind_gold), len(kind_pred), precision, recall, value_accuracy, type_accuracy))
    return rows


def _line(label: str, scores: Scores) -> str:
    return (
        f"{label:<22}{scores.gold:>5}{scores.predicted:>6}"
        f"  {scores.strict[0]:5.1f} {scores.strict[1]:5.1f} {scores.strict[2]:5.1f}"
        f"  {scores.relaxed[0]:5.1f} {scores.relaxed[1]:5.1f} {scores.relaxed[2]:5.1f}"
        f"  {scores.value_accuracy:5.1f} {scores.value_f1:5.1f}  {scores.type_accuracy:5.1f} {scores.type_f1:5.1f}"
    )


def report(gold: list[Timex], predicted: list[Timex]) -> list[str]:
    body_gold = [g for g in gold if not g.creation_time]
    creation_spans = {(g.doc, g.start, g.end) for g in gold if g.creation_time}
    body_pred = [
        p
        for p in predicted
        if not p.creation_time
        and not any(d == p.doc and _overlap(Timex(d, s, e, "", "", None), p) > 0 for d, s, e in creation_spans)
    ]
    lines = [
        f"{'':<22}{'gold':>5}{'pred':>6}  {'strict P/R/F1':^17}  {'relaxed P/R/F1':^17}  {'value':^11}  {'type':^11}",
        f"{'':<22}{'':>5}{'':>6}  {'':17}  {'':17}  {'acc':>5} {'F1':>5}  {'acc':>5} {'F1':>5}",
        _line("all gold", score(gold, predicted)),
        _line("body (no dateline)", score(body_gold, body_pred)),
        "",
        f"{'by type':<10}{'gold':>5}{'pred':>6}  {'P':>5} {'R':>5}  {'value acc':>9}  {'type acc':>8}",
    ]
    for kind, n_gold, n_pred, precision, recall, value_accuracy, type_accuracy in by_type(gold, predicted):
        lines.append(
            f"{kind:<10}{n_gold:>5}{n_pred:>6}  {precision:5.1f} {recall:5.1f}  {value_accuracy:9.1f}"
            f"  {type_accuracy:8.1f}"
        )
    return lines


def errors(gold: list[Timex], predicted: list[Timex]) -> list[str]:
    pairs = match(gold, predicted)
    matched_gold = {id(g) for g, _ in pairs}
    matched_pred = {id(p) for _, p in pairs}
    lines = []
    for g in gold:
        if id(g) not in matched_gold:
            lines.append(f"MISS   {g.doc[:28]:<28} {g.text!r} {g.type} {g.value}")
    for p in predicted:
        if id(p) not in matched_pred:
            lines.append(f"EXTRA  {p.doc[:28]:<28} {p.text!r} {p.type} {p.value}")
    for g, p in pairs:
        problems = []
        if (g.start, g.end) != (p.start, p.end):
            problems.append("extent")
        if g.value != p.value:
            problems.append("value")
        if g.type != p.type:
            problems.append("type")
        if problems:
            lines.append(
                f"{'/'.join(problems).upper():<6} {g.doc[:28]:<28} gold {g.text!r} {g.type} {g.value}"
                f"  | pred {p.text!r} {p.type} {p.value}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("dev", "heldout", "all"), default="heldout")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with articles.jsonl and timex.jsonl")
    parser.add_argument(
        "--recogniser",
        choices=("factcheck", "dateparser"),
        default="factcheck",
        help="whose time expressions to score (dateparser: the library, for comparison)",
    )
    parser.add_argument("--errors", action="store_true", help="list misses, false alarms and wrong values (dev only)")
    args = parser.parse_args(argv)
    if args.errors and args.part != "dev":
        parser.error("--errors lists the development part only; the held-out part is scored, never inspected")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    articles, gold = read_corpus(args.corpus, args.part)
    predicted, unscored = (predict_dateparser if args.recogniser == "dateparser" else predict)(articles)
    print(
        f"part: {args.part}; recogniser: {args.recogniser}; {len(articles)} articles, {len(gold)} gold TIMEX3 "
        f"({sum(g.creation_time for g in gold)} of them creation times); "
        f"{unscored} predictions after the annotated sentences not scored"
    )
    for line in report(gold, predicted):
        print(line)
    if args.errors:
        print()
        for line in errors(gold, predicted):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
