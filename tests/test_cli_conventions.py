"""CLI conventions ruff, Vale and pytest users expect: --version, validated formats, concise and
github output, --ledger, help without Python types, completion, audit's --sources, stderr lines.

The model stages are replaced by gate_kit's tiny loader and marker check, so the real CLI,
CheckStage and reporters run unchanged and each test takes milliseconds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from gate_kit import FakeLoad, marker_project
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app

runner = CliRunner()


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    calls: list = []
    return SimpleNamespace(root=marker_project(tmp_path, monkeypatch, calls), calls=calls)


def test_version_prints_the_package_version():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factcheck {__version__}"


def test_an_unknown_format_fails_before_any_work_listing_the_formats(project):
    result = invoke("check", "docs", "--isolated", "-f", "yaml")
    assert result.exit_code == 2
    assert project.calls == []  # nothing was run
    for name in ("rich", "concise", "github", "json", "sarif", "markdown"):
        assert name in result.stderr
    audit = invoke("audit", "docs/a.txt", "--sources", "docs/b.txt", "-f", "sarif")
    assert audit.exit_code == 2 and "rich, json, markdown" in audit.stderr
    assert project.calls == []


def test_concise_prints_one_line_per_finding_with_its_place(project):
    result = invoke("check", "docs", "--isolated", "-f", "concise", "--exit-zero")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    pattern = re.compile(r"^(\S+):(\d+):(\d+): (FC\d{3}) (error|warning|info) (.+) \[([\w.-]+)\]$")
    parsed = [pattern.match(line) for line in lines]
    assert all(parsed), lines
    places = {(m.group(1), m.group(2), m.group(3), m.group(5)) for m in parsed}
    assert (
        str(Path("docs/a.txt").resolve()) if Path(parsed[0].group(1)).is_absolute() else "docs/a.txt",
        "2",
        "1",
        "warning",
    ) in places


def test_github_prints_one_annotation_per_open_finding(project):
    result = invoke("check", "docs", "--isolated", "-f", "github", "--exit-zero")
    lines = result.stdout.splitlines()
    assert sorted(line.split(" ", 1)[0] for line in lines) == ["::error", "::notice", "::warning"]
    warning = next(line for line in lines if line.startswith("::warning"))
    assert re.fullmatch(
        r"::warning file=docs/a\.txt,line=2,endLine=2,col=1,endColumn=\d+,title=FC990 marker::"
        r"warn marker%0A\[marker-\w+\]",
        warning,
    ), warning


def test_github_annotations_escape_document_text():
    from factcheck.model import Corpus, Document, RunResult, Severity, Span, make_finding
    from factcheck.reporters.github import GithubReporter

    text = "It was 100% wrong,\r\n::error::injected\n"
    document = Document(id="c", path="odd, name:1.txt", text=text, clean=text)
    finding = make_finding(
        "marker", "FC990", Severity.ERROR, f"quoted {text!s}", [Span(doc="c", start=0, end=17, text=text[:17])]
    )
    (line,) = GithubReporter().render(RunResult(Corpus(documents=(document,), findings=(finding,)), None)).splitlines()
    assert line.startswith("::error file=odd%2C name%3A1.txt,line=1,endLine=1,col=1,endColumn=18,title=FC990 marker::")
    assert "100%25 wrong" in line and "\\x0d%0A::error::injected" in line and line.count("\n") == 0


def test_ledger_option_reaches_the_settings(project):
    ledger = project.root / "extra.yaml"
    ledger.write_text("people: []\n", encoding="utf-8")
    invoke("check", "docs", "--isolated", "--ledger", "extra.yaml", "-f", "json", "--exit-zero")
    invoke("audit", "docs/a.txt", "--sources", "docs/b.txt", "--isolated", "--ledger", "extra.yaml", "-f", "json")
    assert [settings.ledger for settings in project.calls] == [(Path("extra.yaml"),)] * 2


def test_audit_takes_several_sources_after_one_option(project):
    (project.root / "more").mkdir()
    (project.root / "more" / "c.txt").write_text("The launch was CONFLICT:launch on May 3.\n", encoding="utf-8")
    result = invoke("audit", "docs/a.txt", "--sources", "docs/b.txt", "more/", "--isolated", "-f", "json")
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["sources"] == ["b", "c"]
    assert invoke("audit", "docs/a.txt", "--isolated").exit_code == 2  # sources are required


def test_help_shows_no_python_type_names():
    for command in (
        [],
        ["check"],
        ["audit"],
        ["claims"],
        ["findings"],
        ["clusters"],
        ["resolve"],
        ["ledger", "add", "person"],
    ):
        text = invoke(*command, "--help").stdout
        assert not re.search(r"list\[|<\w+\[|Optional|NoneType|PosixPath", text), (command, text)
    assert "--sources" in invoke("audit", "--help").stdout


def test_shell_completion_can_be_installed():
    text = invoke("--help").stdout
    assert "--install-completion" in text and "--show-completion" in text


def test_skipped_files_and_fatal_problems_are_one_line_on_stderr(project):
    (project.root / "docs" / "broken.yaml").write_text("x", encoding="utf-8")
    bad = project.root / "bad-resolutions.yaml"
    bad.write_text("version: 1\nresolutions: [\n", encoding="utf-8")

    from factcheck.model import Failure

    original = FakeLoad.__call__

    def with_a_skip(self, corpus):
        corpus = original(self, corpus)
        return corpus.evolve(
            failures=(
                *corpus.failures,
                Failure(
                    stage="load",
                    subject="docs/scan.pdf",
                    message="docs/scan.pdf: the file has no text layer",
                    code="FC-E108",
                ),
            )
        )

    FakeLoad.__call__ = with_a_skip
    try:
        for args in (("-f", "json"), ("-o", "out.md", "-f", "markdown"), ("-f", "concise")):
            result = invoke("check", "docs", "--isolated", "--resolutions", str(bad), *args)
            assert result.exit_code == 2
            lines = result.stderr.splitlines()
            assert any(line.startswith("skipped FC-E108 docs/scan.pdf: the file has no text layer") for line in lines)
            fatal = [line for line in lines if line.startswith("error FC-E400 ")]
            assert len(fatal) == 1 and f"{bad}:3" in fatal[0], result.stderr
    finally:
        FakeLoad.__call__ = original


def test_claims_reads_folders_and_uses_the_cache_dir(tmp_path, monkeypatch, nlp, fake_embedder):
    from robustness_kit import in_process_pipeline, story

    in_process_pipeline(monkeypatch, nlp, fake_embedder)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text(story(40, 30), encoding="utf-8")
    (folder / "two.md").write_text(story(45, 30), encoding="utf-8")
    cache = tmp_path / "cache"
    result = invoke("claims", "docs", "--cache-dir", str(cache), "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [document["id"] for document in data["documents"]] == ["one", "two"]
    assert all(document["claims"] for document in data["documents"])
    assert cache.is_dir() and any(cache.rglob("*"))  # extraction was cached where it was told
    assert invoke("claims", "docs", "-f", "yaml").exit_code == 2
