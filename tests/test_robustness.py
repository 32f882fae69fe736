"""Broken and hostile inputs through `factcheck check`: reported by name, never a crash, a hang,
a silent drop or a damaged file (issue 8)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from datetime import date
from pathlib import Path

import pytest
from robustness_kit import (
    BROKEN_EXPECTED,
    FAST_CHECKS,
    SIZE_LIMIT,
    child_env,
    child_script,
    cli_command,
    in_process_pipeline,
    project,
    run_cli,
    story,
    write_broken,
    write_good,
)
from typer.testing import CliRunner

from factcheck.checks.base import Check
from factcheck.cli import app
from factcheck.config import Settings
from factcheck.model import RunResult, Severity, Span, make_finding

runner = CliRunner()


@pytest.fixture
def cli(monkeypatch, nlp, fake_embedder):
    """`factcheck` in-process with the fake embedder and the session's spaCy pipeline."""
    in_process_pipeline(monkeypatch, nlp, fake_embedder)

    def invoke(*args: str, cwd: Path):
        monkeypatch.chdir(cwd)
        return runner.invoke(app, [*args], catch_exceptions=False)

    return invoke


def _no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert "Traceback" not in (result.stderr or "")


# --- 1. a corpus of broken files ---------------------------------------------------------------


def test_broken_corpus_is_reported_file_by_file_and_the_rest_is_checked(tmp_path, cli):
    root = project(tmp_path / "proj", max_file_bytes=SIZE_LIMIT)
    write_good(root / "docs")
    write_broken(root / "docs")
    result = cli("check", "docs", "--format", "json", "--no-cache", "--allow-skipped", *FAST_CHECKS, cwd=root)
    _no_traceback(result)
    report = json.loads(result.stdout)
    assert result.exit_code in (0, 1) and report["summary"]["exit_code"] == result.exit_code

    failures = {Path(failure["subject"]).name: failure for failure in report["summary"]["failures"]}
    for name, (code, words) in BROKEN_EXPECTED.items():
        assert name in failures, f"{name} was dropped silently"
        failure = failures[name]
        assert failure["code"] == code and words in failure["message"] and name in failure["message"]
        assert not failure["fatal"]
    assert str(SIZE_LIMIT) in failures["huge.txt"]["message"]  # says which setting to raise
    assert "minified.txt:3:1" in failures["minified.txt"]["message"]  # file:line:col of the passage

    documents = {doc["id"]: doc for doc in report["documents"]}
    assert {
        "alpha",
        "bravo",
        "charlie",
        "truncated",
        "legacy1252",
        "latin1",
        "wide",
        "half",
        "longdoc",
        "minified",
    } <= set(documents)
    assert documents["legacy1252"]["encoding"] == "cp1252"
    assert documents["wide"]["encoding"] == "utf-16"
    assert documents["truncated"]["encoding"] == "utf-8"  # not re-read as cp1252 mojibake
    for doc_id in ("alpha", "legacy1252", "latin1", "wide", "truncated", "half", "longdoc"):
        assert documents[doc_id]["claims"] > 0, f"{doc_id} was loaded but not checked"
    assert report["findings"], "the readable documents disagree and must still be checked"


def test_broken_corpus_in_the_rich_report(tmp_path, cli):
    root = project(tmp_path / "proj", max_file_bytes=SIZE_LIMIT)
    write_good(root / "docs")
    write_broken(root / "docs")
    result = cli("check", "docs", "--no-cache", *FAST_CHECKS, cwd=root)
    _no_traceback(result)
    assert result.exit_code == 2  # documents were left unchecked: a CI gate must not pass
    assert "could not be checked" in result.stderr and "--allow-skipped" in result.stderr
    for name, (_, words) in BROKEN_EXPECTED.items():
        line = next((line for line in result.stdout.splitlines() if name in line), None)
        assert line is not None and "skipped" in line, f"{name} is not reported"


def test_config_can_raise_the_size_limit(tmp_path, cli):
    root = project(tmp_path / "proj", max_file_bytes=SIZE_LIMIT * 2)
    write_good(root / "docs")
    (root / "docs" / "big.txt").write_text(story() + "\n" + "Filler line without end\n" * 14_000, encoding="utf-8")
    assert (root / "docs" / "big.txt").stat().st_size > SIZE_LIMIT
    report = json.loads(cli("check", "docs", "--format", "json", "--no-cache", *FAST_CHECKS, cwd=root).stdout)
    assert "big" in {doc["id"] for doc in report["documents"]}
    assert not [f for f in report["summary"]["failures"] if f["code"] == "FC-E104"]


def test_unreadable_file_is_a_failure_not_a_crash(tmp_path, cli, monkeypatch):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    locked = root / "docs" / "locked.txt"
    locked.write_text(story(), encoding="utf-8")
    real_open = Path.open

    def refuse(self, *args, **kwargs):  # chmod 000 does not stop root, so refuse here
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = cli("check", "docs", "--format", "json", "--no-cache", *FAST_CHECKS, cwd=root)
    (failure,) = json.loads(result.stdout)["summary"]["failures"]
    assert (
        failure["code"] == "FC-E103"
        and "locked.txt" in failure["message"]
        and "Permission denied" in failure["message"]
    )
    assert result.exit_code == 2


def test_missing_path_on_the_command_line_exits_2_and_names_it(tmp_path, cli):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    result = cli("check", "docs", "nowhere/story.txt", "--format", "json", "--no-cache", *FAST_CHECKS, cwd=root)
    _no_traceback(result)
    assert result.exit_code == 2
    (failure,) = [f for f in json.loads(result.stdout)["summary"]["failures"] if f["fatal"]]
    assert failure["code"] == "FC-E101" and "nowhere/story.txt" in failure["message"]
    assert "check the spelling" in failure["message"]


def test_no_readable_document_exits_2(tmp_path, cli):
    root = project(tmp_path / "proj", max_file_bytes=SIZE_LIMIT)
    write_broken(root / "docs")
    for readable in (
        "truncated.txt",
        "legacy1252.txt",
        "latin1.txt",
        "wide.txt",
        "half.html",
        "longdoc.txt",
        "minified.txt",
    ):
        (root / "docs" / readable).unlink()
    result = cli("check", "docs", "--no-cache", *FAST_CHECKS, cwd=root)
    _no_traceback(result)
    assert result.exit_code == 2
    assert "empty.txt" in result.stdout and "binary.txt" in result.stdout


@pytest.mark.parametrize(
    ("where", "content", "place"),
    [
        ("pyproject.toml", "[tool.factcheck]\nfail-on = 'error'\nmax_file_bytes = = 3\n", "pyproject.toml:3:"),
        ("pyproject.toml", "[tool.factcheck]\nmax-file-bytes = 'lots'\n", "pyproject.toml:2"),
        ("claims/resolutions.yaml", "resolutions:\n  - id: x\n    status: [unclosed\n", "resolutions.yaml:"),
        ("claims/ledger.yaml", "version: 1\nfacts:\n  - {broken: yes\n", "ledger.yaml:"),
    ],
)
def test_malformed_config_ledger_or_resolutions_exit_2_with_the_place(tmp_path, cli, where, content, place):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    target = root / where
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    result = cli("check", "docs", "--no-cache", *FAST_CHECKS, cwd=root)
    _no_traceback(result)
    assert result.exit_code == 2
    assert place in result.output.replace("\n", " ")


def test_non_utf8_file_name_never_breaks_a_report(tmp_path, cli):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    odd = os.path.join(os.fsencode(root / "docs"), b"caf\xe9 \xff.txt")
    with open(odd, "wb") as handle:
        handle.write(story(50).encode("utf-8"))
    for output_format in ("json", "sarif", "markdown", "rich"):
        result = cli("check", "docs", "--format", output_format, "--no-cache", *FAST_CHECKS, cwd=root)
        _no_traceback(result)
        assert result.exit_code in (0, 1), result.output
        if output_format == "json":
            assert "caf\\xe9 \\xff" in {doc["id"] for doc in json.loads(result.stdout)["documents"]}
        elif output_format == "sarif":
            json.loads(result.stdout)
        elif output_format == "rich":
            assert "caf\\xe9 \\xff" in result.stdout


# --- 2. nothing lost ------------------------------------------------------------------------------


def test_failed_rename_keeps_the_previous_report(tmp_path, cli, monkeypatch):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    report = root / "report.json"
    report.write_text("previous report\n", encoding="utf-8")

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = cli("check", "docs", "--format", "json", "--no-cache", "-o", str(report), *FAST_CHECKS, cwd=root)
    _no_traceback(result)
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(path.name for path in root.iterdir()) == [".git", "docs", "report.json"]  # no temp file left


def test_failed_fsync_keeps_the_previous_resolutions(tmp_path, monkeypatch):
    from factcheck.resolutions import record_resolution

    path = tmp_path / "claims" / "resolutions.yaml"
    first = make_finding(
        "date-conflict", "FC002", Severity.ERROR, "dates differ", [Span(doc="a", start=0, end=5, text="March")]
    )
    record_resolution(path, first, "resolved", "Checked.", today=date(2025, 1, 1))
    before = path.read_bytes()
    second = make_finding(
        "date-conflict", "FC002", Severity.ERROR, "dates differ", [Span(doc="b", start=0, end=5, text="April")]
    )

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        record_resolution(path, second, "accepted", "Known.", today=date(2025, 1, 2))
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name != ".resolutions.yaml.lock"] == ["resolutions.yaml"]


def test_killed_while_writing_the_report_keeps_the_previous_one(tmp_path):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    report = root / "report.json"
    report.write_text("previous report\n", encoding="utf-8")
    script = child_script(tmp_path)
    result = run_cli(
        script,
        "check",
        "docs",
        "--format",
        "json",
        "--no-cache",
        "-o",
        str(report),
        *FAST_CHECKS,
        cwd=root,
        kill="fsync",
    )
    assert result.returncode == -9  # SIGKILL, after the new report was written to its temp file
    assert report.read_text(encoding="utf-8") == "previous report\n"


def test_interrupted_cold_run_leaves_the_cache_usable(tmp_path):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    cache = tmp_path / "cache"
    script = child_script(tmp_path)
    args = ("check", "docs", "--format", "json", *FAST_CHECKS)
    killed = run_cli(script, *args, "--cache-dir", str(cache), cwd=root, kill="cache")
    assert killed.returncode == -9
    warm = run_cli(script, *args, "--cache-dir", str(cache), cwd=root)
    clean = run_cli(script, *args, "--no-cache", cwd=root)
    assert warm.returncode == clean.returncode and warm.returncode in (0, 1), warm.stderr
    assert warm.stdout == clean.stdout and json.loads(clean.stdout)["findings"]
    _integrity_ok(cache)


def test_two_runs_at_once_share_a_cache(tmp_path):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    cache = tmp_path / "cache"
    script = child_script(tmp_path)
    args = ("check", "docs", "--format", "json", "--cache-dir", str(cache), *FAST_CHECKS)
    children = [
        subprocess.Popen(
            cli_command(script, *args),
            cwd=root,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        for _ in range(2)
    ]
    outputs = [child.communicate(timeout=600) for child in children]
    assert [child.returncode for child in children] == [0, 0] or [c.returncode for c in children] == [1, 1], [
        err for _, err in outputs
    ]
    assert outputs[0][0] == outputs[1][0] and json.loads(outputs[0][0])["findings"]
    again = run_cli(script, *args, cwd=root)
    assert again.stdout == outputs[0][0]
    _integrity_ok(cache)


def _integrity_ok(cache: Path) -> None:
    (database,) = cache.glob("*.sqlite3")
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_corrupt_cache_file_is_bypassed(tmp_path, cli):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "cache-v1.sqlite3").write_bytes(b"this is not a database" * 100)
    with_cache = cli("check", "docs", "--format", "json", "--cache-dir", str(cache), *FAST_CHECKS, cwd=root)
    without = cli("check", "docs", "--format", "json", "--no-cache", *FAST_CHECKS, cwd=root)
    _no_traceback(with_cache)
    assert with_cache.exit_code == without.exit_code and with_cache.exit_code in (0, 1)
    assert with_cache.stdout == without.stdout


# --- 3. limits ----------------------------------------------------------------------------------


def test_long_passage_note_survives_the_cache(tmp_path, cli):
    root = project(tmp_path / "proj")
    write_good(root / "docs")
    (root / "docs" / "table.txt").write_text(story() + "\n" + "cell; " * 1_000 + "\n", encoding="utf-8")
    args = ("check", "docs", "--format", "json", "--cache-dir", str(tmp_path / "cache"), *FAST_CHECKS)
    cold, warm = (json.loads(cli(*args, cwd=root).stdout) for _ in range(2))
    assert cold == warm
    (failure,) = cold["summary"]["failures"]
    assert failure["code"] == "FC-E111" and failure["stage"] == "extract" and "table.txt:11:1" in failure["message"]
    assert "max_sentence_chars" in failure["message"]


# --- 4. hostile text is inert ---------------------------------------------------------------------

HOSTILE = (
    "The board \x1b[31mvoted\x1b[0m on 1 March 2024 \x1b]8;;https://evil.example\x1b\\to extend\x1b]8;;\x1b\\ "
    "the pier \u202eby 40 metres\u202c, a <script>alert(1)</script> [link](https://evil.example) | cell | "
    "`code` **bold** @everyone \x07\x08 said <img src=x onerror=alert(1)>."
)
RAW_CONTROLS = ["\x1b", "\x07", "\x08", "\x00", "\u202e", "\u202c", "\x9b"]


class EveryClaim(Check):
    """Flags every claim, so the hostile words reach every part of every report."""

    code, slug, severity = "FC998", "every-claim", Severity.WARNING

    def run(self, corpus, context):
        for claim in corpus.claims:
            yield self.finding(f"look at {claim.text}", [claim.span], suggestion=claim.text)


def _hostile_result(tmp_path, nlp, fake_embedder) -> RunResult:
    from factcheck.pipeline import run

    folder = tmp_path / "docs"
    folder.mkdir()
    padding = "The council met on Monday and approved the harbour budget for the year.\n\n" * 12
    (folder / "hostile\x1b[2J.txt").write_text(
        f"Title \x1b[5mBlink\x1b[0m\n\n{padding}{HOSTILE}\n\n{padding}", encoding="utf-8"
    )
    (folder / "plain.txt").write_text(story(), encoding="utf-8")
    settings = Settings(paths=(folder,), use_cache=False, ledger_dir=None, resolutions=None)
    result = run(settings, embedder=fake_embedder, nlp=nlp, checks=[EveryClaim])
    assert any("\x1b" in claim.span.text for claim in result.corpus.claims)
    # A NUL cannot come through load (the file would be "binary"), so add a finding that holds one.
    doc = result.corpus.documents[0]
    nul = make_finding(
        "every-claim",
        "FC998",
        Severity.ERROR,
        "nul \x00 and csi \x9b2J here",
        [Span(doc=doc.id, start=0, end=5, text="Ti\x00le")],
        suggestion="\x00",
    )
    return RunResult(corpus=result.corpus.evolve(findings=result.corpus.findings + (nul,)), settings=settings)


@pytest.mark.parametrize("color", [False, True])
def test_hostile_text_is_escaped_in_the_rich_report(tmp_path, nlp, fake_embedder, color):
    from factcheck.reporters.terminal import TerminalReporter

    rendered = TerminalReporter(color=color).render(_hostile_result(tmp_path, nlp, fake_embedder))
    if color:  # rich's own styling is made of CSI sequences; strip those, then nothing may be left
        import re

        rendered = re.sub(r"\x1b\[[0-9;]*m", "", rendered)
    for control in RAW_CONTROLS:
        assert control not in rendered, repr(control)
    assert "\\x1b[31mvoted" in rendered and "\\u202e" in rendered and "\\x00" in rendered


def test_hostile_text_cannot_inject_into_markdown(tmp_path, nlp, fake_embedder):
    from factcheck.reporters.markdown import MarkdownReporter

    rendered = MarkdownReporter().render(_hostile_result(tmp_path, nlp, fake_embedder))
    for control in RAW_CONTROLS:
        assert control not in rendered, repr(control)
    for markup in ("<script>", "<img", "](https", "**bold**", "`code`", "@everyone"):
        assert markup not in rendered, markup
    for line in rendered.splitlines():
        if line.startswith(("| warning", "| error")) and "<br>" in line:  # a findings row
            cells = line.count(" | ")
            assert cells == 4, line  # a "|" in the text never opens an extra column


def test_hostile_text_stays_exact_in_json_and_sarif(tmp_path, nlp, fake_embedder):
    from factcheck.reporters.json import JsonReporter
    from factcheck.reporters.sarif import SarifReporter

    result = _hostile_result(tmp_path, nlp, fake_embedder)
    data = json.loads(JsonReporter().render(result))
    texts = [span["text"] for finding in data["findings"] for span in finding["evidence"]]
    assert any(HOSTILE[:40] in text for text in texts) and "Ti\x00le" in texts  # exact, escaped by JSON
    sarif_text = SarifReporter(root=tmp_path).render(result)
    assert "\x1b" not in sarif_text and "\x00" not in sarif_text  # JSON escapes them as \u001b, \u0000
    log = json.loads(sarif_text)
    assert log["runs"][0]["results"]
