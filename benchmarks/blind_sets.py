"""Score factcheck on judging sets written blind: made-up events told by several outlets, with planted changes.

Usage:
    python benchmarks/blind_sets.py benchmarks/blind/L8 [benchmarks/blind/L9 ...]
    python benchmarks/blind_sets.py benchmarks/blind/L8 --json figures.json

A set is a folder written by someone who never saw the detector's code nor ran it (see benchmarks/blind/README.md),
before the change it judges:

* ``articles.jsonl``: one article a line, ``{"id", "event_group", "text"}`` (``topic`` optional), several outlets per
  event group, each text a whole article as an outlet would print it (headline, dateline, body);
* ``cases.jsonl``: one planted change a line, ``{"group", "kind", "article", "before", "after", "witness"}`` and
  optionally ``"nth"`` (which occurrence of ``before`` in the article to change, 1 by default). ``kind`` is one of
  date, number, title, speaker; ``witness`` is another article of the group that states the fact as ``before`` does.

Each group runs clean, then once per case with the one article changed, and is scored as ``conflicts.py`` scores
ECB+ (its ``found``: the right check at warning or above, with evidence covering the changed span). Clean groups
measure false alarms. These sets judge recall and precision on text that no rule was tuned to; a set is only
scored, never read, once a change has been measured on it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflicts import (  # noqa: E402  (the benchmark's own scoring, shared so both count alike)
    KINDS,
    SEVERITY_RANK,
    Article,
    Case,
    Runner,
    found,
    score_cases,
)


class SetError(ValueError):
    """A judging set that cannot be scored as written (the file, the line and what is wrong)."""


def read_set(folder: Path) -> tuple[list[Article], list[Case]]:
    articles: dict[str, Article] = {}
    for number, row in _rows(folder / "articles.jsonl"):
        try:
            article = Article(id=row["id"], topic=int(row.get("topic", 0)), group=row["event_group"], text=row["text"])
        except (KeyError, TypeError, ValueError) as error:
            raise SetError(f"{folder / 'articles.jsonl'}:{number}: {error!r}") from None
        if article.id in articles:
            raise SetError(f"{folder / 'articles.jsonl'}:{number}: article {article.id!r} given twice")
        articles[article.id] = article
    cases = []
    for number, row in _rows(folder / "cases.jsonl"):
        where = f"{folder / 'cases.jsonl'}:{number}"
        try:
            article = articles[row["article"]]
            kind, before, after = row["kind"], row["before"], row["after"]
            nth = int(row.get("nth", 1))
        except (KeyError, TypeError, ValueError) as error:
            raise SetError(f"{where}: {error!r}") from None
        if kind not in KINDS:
            raise SetError(f"{where}: kind {kind!r} is none of {', '.join(KINDS)}")
        witness = articles.get(row.get("witness", ""))
        if witness is None or witness.id == article.id or witness.group != article.group:
            raise SetError(f"{where}: witness {row.get('witness')!r} is no other article of group {article.group!r}")
        start = -1
        for _ in range(nth):
            start = article.text.find(before, start + 1)
            if start < 0:
                raise SetError(f"{where}: {before!r} does not occur {nth} time(s) in {article.id}")
        text = article.text[:start] + after + article.text[start + len(before) :]
        cases.append(
            Case(
                group=article.group,
                kind=kind,
                article=article.id,
                start=start,
                end=start + len(after),
                before=before,
                after=after,
                witness=row["witness"],
                text=text,
            )
        )
    return list(articles.values()), cases


def _rows(path: Path):
    if not path.is_file():
        raise SetError(f"{path}: no such file")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise SetError(f"{path}:{number}: not JSON ({error.msg})") from None


def score_set(runner: Runner, work: Path, folder: Path, why: bool = False, kinds: tuple[str, ...] = KINDS) -> dict:
    articles, cases = read_set(folder)
    cases = [case for case in cases if case.kind in kinds]
    planted, clean, _ = score_cases(runner, work / folder.name, articles, cases, lambda message: None, why)
    warned = [o for o in clean if any(SEVERITY_RANK[f.severity.value] >= 1 for f in o.findings)]
    return {
        "clean_findings": [
            {"group": o.case.group, "check": f.check, "severity": f.severity.value, "message": f.message}
            for o in clean
            for f in o.findings
            if SEVERITY_RANK[f.severity.value] >= 1
        ],
        "misses": [
            {
                "kind": o.case.kind,
                "article": o.case.article,
                "before": o.case.before,
                "after": o.case.after,
                "why": o.why,
            }
            for kind in KINDS
            for o in planted.get(kind, [])
            if not found(o)
        ],
        "set": folder.name,
        "recall": {kind: [sum(found(o) for o in planted.get(kind, [])), len(planted.get(kind, []))] for kind in KINDS},
        "clean_groups": len(clean),
        "clean_groups_warned": len(warned),
        "clean_warnings": sum(SEVERITY_RANK[f.severity.value] >= 1 for o in clean for f in o.findings),
        "clean_info": sum(SEVERITY_RANK[f.severity.value] == 0 for o in clean for f in o.findings),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", type=Path, nargs="+", help="judging set folders (articles.jsonl, cases.jsonl)")
    parser.add_argument(
        "--skip-checks", default="garbled-wording,divergence", help="checks left out, as in conflicts.py"
    )
    parser.add_argument(
        "--show-clean",
        action="store_true",
        help="list the clean groups' warnings (reads the set: say so where its figures are reported)",
    )
    parser.add_argument(
        "--show-misses",
        action="store_true",
        help="list the missed cases, with the stage that lost each date or number (reads the set: say so)",
    )
    parser.add_argument(
        "--kinds", default=",".join(KINDS), help="the kinds of planted change to run (the clean groups always run)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    kinds = tuple(kind for kind in args.kinds.split(",") if kind)
    if unknown := sorted(set(kinds) - set(KINDS)):
        parser.error(f"unknown kinds {unknown}: choose from {', '.join(KINDS)}")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        for folder in args.sets:
            read_set(folder)  # every set is checked before the models load
    except SetError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    from factcheck.stages.check import registered_checks

    ignore = tuple(name for name in args.skip_checks.split(",") if name in registered_checks())
    figures = []
    with tempfile.TemporaryDirectory() as temp:
        runner = Runner(Path(temp), Path(temp) / "cache", ignore)
        for folder in args.sets:
            scores = score_set(runner, Path(temp), folder, why=args.show_misses, kinds=kinds)
            figures.append(scores)
            recall = "  ".join(f"{kind} {hits}/{total}" for kind, (hits, total) in scores["recall"].items() if total)
            print(
                f"{scores['set']}: {recall}  clean groups warned {scores['clean_groups_warned']}/{scores['clean_groups']}"
                f" (warnings {scores['clean_warnings']}, info {scores['clean_info']})",
                flush=True,
            )
            if args.show_misses:
                for miss in scores["misses"]:
                    print(
                        f"  missed {miss['kind']} {miss['article']} {miss['before']!r} -> {miss['after']!r} {miss['why']}"
                    )
            if args.show_clean:
                for finding in scores["clean_findings"]:
                    print(f"  {finding['group']} {finding['check']}:{finding['severity']} {finding['message'][:400]}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
