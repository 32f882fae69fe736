"""Planted date conflicts on any corpus of articles: a fresh set to judge date-conflict on text nobody tuned on.

Usage:
    python benchmarks/planted_dates.py --corpus ../shared/corpora/bbc/articles.jsonl --half 1 --show-misses --why
    python benchmarks/planted_dates.py --corpus ../shared/corpora/meantime-timex/articles.jsonl --group-by corpus
    python benchmarks/planted_dates.py --corpus ... --list        # the cases only, no pipeline run

The corpus is JSON lines, one article a line with ``id`` and ``text`` (and ``published``, written as the
article's first line when ``--dateline`` is given). Articles are compared only within a group: the value of
``--group-by`` (a field of the row, or ``prefix`` for the part of the id before its first ``/``).

Cases. Two sentences of two articles of one group that tell one dated fact: both give the same date key (a day of
a month, or a free-standing year, found as ``conflicts.py`` plants them) and share at least ``MIN_SHARED`` content
words, ``MIN_SHARE`` of the shorter sentence's. A year written into a name ("the 2005 Riverton Film Awards", a year
followed by a capitalised word) is left out: a name's year tells which occasion, not when a fact happened. Each such
pair gives one case, the date moved in the article a hash picks (in both with ``--both``; ``conflicts._dates`` picks
the new value), at most ``--per-pair`` pairs for two articles. The word rules only pick where to plant; detection never sees them.

Run and score. Each case runs the pipeline on its two articles, the changed one and the witness (its clean pair run
once, cached), and counts the case found when ``date-conflict`` reports it at warning or above with evidence covering
the planted span (``conflicts.found``). The clean pair runs count the date-conflict warnings on unchanged text.

Halves. Cases split by the connected component of articles their pairs join (a hash of the component's first id), so
no article and no sentence pair is in both halves: read the misses of one half (``--half``) and judge a change on
the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflicts import (  # noqa: E402  (the sibling benchmark, found through the path set above)
    SEVERITY_RANK,
    Case,
    Outcome,
    Runner,
    _changed,
    _dates,
    found,
    why_missed,
)

MIN_SHARED = 4  # content words two sentences share at least
MIN_SHARE = 0.5  # ... and at least this share of the shorter sentence's content words
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")
_STOP = frozenset(
    "that this with from have been were will would which their there they than them then into also said says about "
    "after before over more most some such only other when what where while being could should these those".split()
)
_NAMED_YEAR = re.compile(r"\s+(?:[A-Z][a-z]|[A-Z]{2})")
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z'’-]+")  # a capitalised word within a sentence
_CALENDAR = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
_FIGURE = re.compile(r"\d[\d,.]*")


def _names(sentence: str) -> set[str]:
    return {word.casefold() for word in _NAME.findall(sentence)} - _CALENDAR


def _figures(sentence: str, date_start: int, date_end: int) -> set[str]:
    return {m.group().rstrip(".,") for m in _FIGURE.finditer(sentence) if not date_start <= m.start() < date_end}


def one_fact(left: str, right: str, left_date: tuple[int, int], right_date: tuple[int, int]) -> bool:
    """Two sentences this set takes as telling one dated fact: enough content words in common, a name in common,
    and, when both give other figures, a figure in common (two firms' profits in one year are two facts)."""
    words = _content(left), _content(right)
    shared = len(words[0] & words[1])
    if shared < MIN_SHARED or shared < MIN_SHARE * min(len(words[0]), len(words[1])):
        return False
    if not _names(left) & _names(right):
        return False
    figures = _figures(left, *left_date), _figures(right, *right_date)
    return not (figures[0] and figures[1] and not figures[0] & figures[1])


@dataclass
class Article:
    id: str
    group: str
    text: str


def read_articles(path: Path, group_by: str, dateline: bool) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            group = row["id"].split("/")[0] if group_by == "prefix" else str(row.get(group_by, ""))
            text = row["text"]
            if dateline and row.get("published"):
                text = f"{row['published']}\n\n{text}"
            # The pipeline names a document by its file's stem: an id is written as one ("business/001" ->
            # "business__001").
            articles.append(Article(id=row["id"].replace("/", "__"), group=group, text=text))
    return articles


def _content(text: str) -> set[str]:
    return {word.casefold() for word in _WORD.findall(text)} - _STOP


def _in_a_name(text: str, start: int, end: int, key: tuple) -> bool:
    """A year followed by a capitalised word ("2005 Riverton Awards") names an occasion."""
    return key[0] == "year" and _NAMED_YEAR.match(text, end) is not None


def plant(articles: list[Article], per_pair: int, both: bool = False) -> list[tuple[Case, frozenset[str]]]:
    """Every case with the unordered pair of articles it joins, deterministic (``case.witness_sentence`` holds the
    witness's sentence); one direction of each sentence pair, or ``both``."""
    from factcheck.nlp.sentences import split_sentences

    by_group: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_group[article.group].append(article)
    cases: list[tuple[Case, frozenset[str]]] = []
    for group in sorted(by_group):
        dated: dict[tuple, list[tuple[Article, int, int, int, int, set[str]]]] = defaultdict(list)
        for article in sorted(by_group[group], key=lambda a: a.id):
            for start, end in split_sentences(article.text):
                sentence = article.text[start:end]
                if "\n" in sentence.strip():  # a headline run into its first line
                    continue
                words = _content(sentence)
                for date_start, date_end, key, _ in _dates(sentence):
                    if not _in_a_name(sentence, date_start, date_end, key):
                        dated[key].append((article, start, end, start + date_start, start + date_end, words))
        pairs: dict[tuple[str, str], list] = defaultdict(list)
        for key in sorted(dated, key=str):
            for left, right in combinations(dated[key], 2):
                if left[0].id == right[0].id:
                    continue
                left_text, right_text = left[0].text[left[1] : left[2]], right[0].text[right[1] : right[2]]
                if not one_fact(
                    left_text,
                    right_text,
                    (left[3] - left[1], left[4] - left[1]),
                    (right[3] - right[1], right[4] - right[1]),
                ):
                    continue
                shared = len(left[5] & right[5])
                ids = tuple(sorted((left[0].id, right[0].id)))
                pairs[ids].append((shared, key, left, right))  # type: ignore[index]
        for ids in sorted(pairs):
            seen_dates: set[tuple[str, int]] = set()
            chosen = sorted(pairs[ids], key=lambda item: (-item[0], str(item[1]), item[2][3], item[3][3]))
            taken = 0
            for _, _, left, right in chosen:
                if taken == per_pair:
                    break
                if (left[0].id, left[3]) in seen_dates or (right[0].id, right[3]) in seen_dates:
                    continue
                taken += 1
                directions = ((left, right), (right, left))
                if not both:  # one direction, by a hash of the pair: the other is mostly the same test
                    flip = int(hashlib.sha256(f"{left[0].id}:{left[3]}:{right[0].id}".encode()).hexdigest()[:8], 16) % 2
                    directions = directions[flip : flip + 1]
                for first, second in directions:
                    article = first[0]
                    seen_dates.add((article.id, first[3]))
                    sentence = article.text[first[1] : first[2]]
                    replacement = next(r for s, _, _, r in _dates(sentence) if first[1] + s == first[3])
                    case = _changed(group, "date", article, first[3], first[4], replacement, second[0].id)  # type: ignore[arg-type]
                    case.witness_sentence = second[0].text[second[1] : second[2]]  # type: ignore[attr-defined]
                    cases.append((case, frozenset(ids)))
    return cases


def halves(cases: list[tuple[Case, frozenset[str]]]) -> dict[int, list[Case]]:
    """Cases by half: 1 or 2 by a hash of the connected component of articles their pairs join."""
    from factcheck.checks.base import connected_groups

    links = [(min(ids), article) for _, ids in cases for article in sorted(ids)]
    label: dict[str, int] = {}
    for group in connected_groups(links):
        members = {article for position in group for article in links[position]}
        digest = hashlib.sha256(f"planted-dates:{min(members)}".encode()).hexdigest()
        label.update(dict.fromkeys(members, 1 + int(digest[:8], 16) % 2))
    split: dict[int, list[Case]] = {1: [], 2: []}
    for case, ids in cases:
        split[label[min(ids)]].append(case)
    return split


def _path(work: Path, name: str, text: str) -> Path:
    path = work / f"{name}.txt"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="JSON lines with id and text")
    parser.add_argument("--group-by", default="prefix", help="a row field, or 'prefix' (the id before its '/')")
    parser.add_argument("--dateline", action="store_true", help="write each row's 'published' as its first line")
    parser.add_argument("--per-pair", type=int, default=1, help="sentence pairs planted per pair of articles")
    parser.add_argument("--both", action="store_true", help="plant each sentence pair from both sides")
    parser.add_argument("--half", type=int, choices=(1, 2), help="score only this half (by article component)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N cases of the half")
    parser.add_argument("--list", action="store_true", help="print the cases and stop")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--why", action="store_true", help="with --show-misses: the stage that lost each miss")
    parser.add_argument("--skip-checks", default="garbled-wording,divergence")
    parser.add_argument("--cache-dir", type=Path, help="keep the cache here (default: a temporary folder)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

    articles = read_articles(args.corpus, args.group_by, args.dateline)
    by_id = {article.id: article for article in articles}
    split = halves(plant(articles, args.per_pair, args.both))
    chosen = split[args.half] if args.half else split[1] + split[2]
    if args.limit:
        chosen = chosen[: args.limit]
    print(f"cases: half 1 {len(split[1])}, half 2 {len(split[2])}; scoring {len(chosen)}", file=sys.stderr)
    if args.list:
        for case in chosen:
            print(f"{case.article} ({case.before} -> {case.after}) / {case.witness}")
            print("    ...", " ".join(case.text[max(0, case.start - 120) : case.end + 60].split()), "...")
            print("    witness:", " ".join(case.witness_sentence.split()))  # type: ignore[attr-defined]
        return 0

    from factcheck.stages.check import registered_checks

    ignore = tuple(name for name in args.skip_checks.split(",") if name in registered_checks())
    with tempfile.TemporaryDirectory() as temp:
        work = args.cache_dir / "work" if args.cache_dir else Path(temp)
        runner = Runner(work, args.cache_dir or work / "cache", ignore)
        clean_runs: dict[frozenset[str], object] = {}
        outcomes: list[Outcome] = []
        clean_warnings = 0
        for number, case in enumerate(chosen, start=1):
            key = frozenset((case.article, case.witness))
            members = sorted(key)
            if key not in clean_runs:
                result = runner.run([_path(work / "clean", name, by_id[name].text) for name in members])
                clean_runs[key] = result
                clean_warnings += sum(
                    f.check == "date-conflict" and SEVERITY_RANK[f.severity.value] >= 1 for f in result.findings
                )
            paths = [
                _path(work / "planted" / f"{number}", name, case.text)
                if name == case.article
                else _path(work / "clean", name, by_id[name].text)
                for name in members
            ]
            changed = runner.run(paths)
            outcome = Outcome(case=case, findings=list(changed.findings))
            if args.why and not found(outcome):
                outcome.why = why_missed(case, clean_runs[key].corpus, changed.corpus)  # type: ignore[attr-defined]
            outcomes.append(outcome)
            if number % 10 == 0:
                print(f"{number}/{len(chosen)}", file=sys.stderr, flush=True)
    hits = sum(found(o) for o in outcomes)
    print(f"planted dates found: {hits} of {len(outcomes)}")
    print(f"date-conflict warnings on the {len(clean_runs)} clean pairs: {clean_warnings}")
    if args.show_misses:
        for outcome in outcomes:
            if found(outcome):
                continue
            case = outcome.case
            start = max(0, case.start - 90)
            print(f"- {case.article} ({case.before} -> {case.after}) / {case.witness}")
            print("    ...", " ".join(case.text[start : case.end + 90].split()), "...")
            if outcome.why:
                print("    why:", outcome.why)
    return 0


if __name__ == "__main__":
    sys.exit(main())
