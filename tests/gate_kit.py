"""Fake stages for CLI tests: the real CLI, CheckStage and reporters run unchanged, without models.

``marker_project`` writes a two-document project whose lines carry markers (WARN:, INFO:, a
CONFLICT:tag that differs across the documents) and makes the pipeline load it with ``FakeLoad``
and check it with ``MarkerCheck``, so each test takes milliseconds.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from factcheck.checks.base import Check
from factcheck.config import Settings
from factcheck.model import Claim, Cluster, Corpus, Document, Severity, Span
from factcheck.stages.check import CheckStage


class FakeLoad:
    """Reads every .txt under the paths; one claim per line; lines with a CONFLICT tag cluster."""

    name = "load"
    requires = ()
    assigns = ("documents", "claims", "clusters")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, corpus: Corpus) -> Corpus:
        files_ = sorted(
            p for root in self.settings.paths for p in ([root] if root.is_file() else Path(root).rglob("*.txt"))
        )
        documents, claims, groups = [], [], {}
        for path in files_:
            text = path.read_text(encoding="utf-8")
            doc = Document(id=path.stem, path=str(path), text=text, clean=text)
            documents.append(doc)
            for match in re.finditer(r"[^\n]+", text):
                span = Span(doc=doc.id, start=match.start(), end=match.end(), text=match.group())
                claim = Claim(id=f"{doc.id}#{span.start}-{span.end}", doc=doc.id, span=span, text=span.text)
                claims.append(claim)
                tag = re.search(r"CONFLICT:(\w+)", span.text)
                groups.setdefault(tag.group(1) if tag else claim.id, []).append(claim)
        clusters = tuple(
            Cluster(id=f"c{i}", claims=tuple(c.id for c in members), documents=tuple(sorted({c.doc for c in members})))
            for i, members in enumerate(groups.values())
        )
        return corpus.evolve(documents=tuple(documents), claims=tuple(claims), clusters=clusters)


class MarkerCheck(Check):
    """Flags ERROR:/WARN:/INFO: markers, and CONFLICT:tag lines whose values differ across documents."""

    code, slug = "FC990", "marker"

    def run(self, corpus, context):
        levels = {"ERROR": Severity.ERROR, "WARN": Severity.WARNING, "INFO": Severity.INFO}
        for claim in corpus.claims:
            for word, severity in levels.items():
                if f"{word}:" in claim.text:
                    yield self.finding(f"{word.lower()} marker", [claim.span], severity=severity)
        for cluster in corpus.clusters:
            mates = [corpus.claim(claim_id) for claim_id in cluster.claims]
            if cluster.cross_source and len({m.text for m in mates}) > 1:
                yield self.finding("values differ", [m.span for m in mates], severity=Severity.ERROR)


def marker_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calls: list[Any] | None = None) -> Path:
    """A project under tmp_path, made the working directory, run by the fake stages; each run's
    Settings are appended to ``calls`` when given. FACTCHECK_* variables of the caller are unset."""
    import factcheck.pipeline as pipeline

    def build_stages(settings, **_):
        if calls is not None:
            calls.append(settings)
        return [FakeLoad(settings), CheckStage(settings, checks=[MarkerCheck])]

    monkeypatch.setattr(pipeline, "build_stages", build_stages)
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    docs = root / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Intro line.\nWARN: a date is odd.\nThe launch was CONFLICT:launch on May 1.\n", encoding="utf-8"
    )
    (docs / "b.txt").write_text(
        "Another intro.\nThe launch was CONFLICT:launch on May 2.\nINFO: small thing.\n", encoding="utf-8"
    )
    monkeypatch.chdir(root)
    for name in [name for name in os.environ if name.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)
    return root
