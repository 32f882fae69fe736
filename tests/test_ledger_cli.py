"""`factcheck ledger add`: new and updated entries in a copy of the shipped ledger, refused edits, and a check that sees the result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.checks.base import CheckContext
from factcheck.checks.quote_timing import QuoteTimingCheck
from factcheck.cli import app
from factcheck.config import Settings
from factcheck.ledger import load_for_run, load_ledger

REPO = Path(__file__).resolve().parent.parent
MCCLAIN_ROLE = "Program Executive Officer for Space Domain Awareness and Combat Power"


@pytest.fixture
def claims(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped ledger in claims/ of an empty project, the working directory."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "ledger.yaml").write_bytes((REPO / "claims" / "ledger.yaml").read_bytes())
    monkeypatch.chdir(tmp_path)
    return folder


def add(*args: str):
    return CliRunner().invoke(app, ["ledger", "add", *args, "--isolated"])


# A held post with its dates and source, as an editor would add it.
OKAFOR_ROLE = (
    "--source",
    "Orbital Defense Command biography",
    "--title",
    "Chief of Orbital Operations",
    "--organisation",
    "Orbital Defense Command",
    "--rank",
    "General",
    "--start",
    "2018-03-01",
    "--end",
    "2021-06-30",
)


def test_add_a_person_with_a_role_keeps_every_line_of_the_file(claims):
    before = (claims / "ledger.yaml").read_text(encoding="utf-8")
    result = add("person", "Maria T. Okafor", "--alias", "Mia Okafor", *OKAFOR_ROLE)
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "added person 'Maria T. Okafor' in claims/ledger.yaml" in result.stderr
    after = (claims / "ledger.yaml").read_text(encoding="utf-8")
    lines = iter(after.splitlines())
    assert all(line in lines for line in before.splitlines())  # comments and other entries, in order
    okafor = load_ledger([claims / "ledger.yaml"]).person("Gen. Maria Okafor")
    assert okafor.aliases == ("Mia Okafor",) and okafor.roles[0].span_text() == "2018-03-01 – 2021-06-30"
    assert [p for p in claims.iterdir() if p.name != ".ledger.yaml.lock"] == [
        claims / "ledger.yaml"
    ]  # written atomically: no temp file left


def test_add_updates_the_entry_with_the_same_identity(claims):
    result = add(
        "person",
        "Col. Bryon McClain",
        "--title",
        MCCLAIN_ROLE,
        "--organisation",
        "Space Systems Command",
        "--start",
        "2023-07",
    )
    assert result.exit_code == 0, result.output
    assert "updated person 'Col. Bryon McClain'" in result.stderr
    ledger = load_ledger([claims / "ledger.yaml"])
    mcclain = ledger.person("Bryon McClain")
    assert mcclain.name == "Bryon McClain" and len(mcclain.roles) == 1 and str(mcclain.roles[0].start) == "2023-07"

    result = add("person", "Jay Raymond", "--alias", "Gen. Jay Raymond")  # an alias names the entry too
    assert result.exit_code == 0, result.output
    raymond = load_ledger([claims / "ledger.yaml"]).person("John W. Raymond")
    assert raymond.aliases[-1] == "Gen. Jay Raymond" and len(raymond.roles) == 3

    result = add("event", "--actor", "Japan", "--action", "launch", "--object", "QZS-6", "--alias", "H3 F5 launch")
    assert result.exit_code == 0, result.output
    launch = next(event for event in load_ledger([claims / "ledger.yaml"]).events if event.object == "QZS-6")
    assert "H3 F5 launch" in launch.aliases and str(launch.date) == "2025-02-02"


def test_a_bad_date_exits_2_naming_it_and_leaves_the_file_byte_for_byte(claims):
    before = (claims / "ledger.yaml").read_bytes()
    result = add(
        "event",
        "--actor",
        "Freedonia",
        "--action",
        "launch",
        "--object",
        "Beacon-3",
        "--date",
        "2019-13-14",
        "--source",
        "Freedonian space agency release",
    )
    assert result.exit_code == 2
    assert "event 'Freedonia launch Beacon-3': date: bad date '2019-13-14'" in result.stderr
    assert "nothing was written" in result.stderr
    assert (claims / "ledger.yaml").read_bytes() == before
    assert [p for p in claims.iterdir() if p.name != ".ledger.yaml.lock"] == [claims / "ledger.yaml"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["organisation", "Orbital Defense Command"], "missing required key 'source'"),
        (["person", "John W. Raymond", "--start", "2016"], "a role needs a title"),
        (
            [
                "figure",
                "--measure",
                "ground stations",
                "--unit",
                "count",
                "--as-of",
                "2022",
                "--value",
                "11",
                "--low",
                "10",
                "--source",
                "s",
            ],
            "give either value or low/high, not both",
        ),
        (
            [
                "person",
                "Donald Trump",
                "--title",
                "President",
                "--organisation",
                "United States",
                "--end",
                "2029-01-20",
            ],
            "2 roles 'President' match",
        ),
    ],
)
def test_invalid_input_exits_2_and_writes_nothing(claims, args, message):
    before = (claims / "ledger.yaml").read_bytes()
    result = add(*args)
    assert result.exit_code == 2 and message in result.stderr
    assert (claims / "ledger.yaml").read_bytes() == before


def test_an_edit_that_would_contradict_another_ledger_file_is_refused(claims):
    result = add("person", "Jay Raymond", "--alias", "Gen. Jay Raymond")  # an alias names the entry too
    assert result.exit_code == 0, result.output
    raymond = load_ledger([claims / "ledger.yaml"]).person("John W. Raymond")
    assert raymond.aliases[-1] == "Gen. Jay Raymond" and len(raymond.roles) == 3

    result = add(
        "event",
        "--actor",
        "Japan",
        "--action",
        "launch",
        "--object",
        "QZS-6",
        "--date",
        "2024-02-02",
        "--source",
        "a wrong date",
        "--ledger",
        "claims/extra.yaml",
    )
    assert result.exit_code == 2
    assert "after the edit: conflicting duplicate: event 'Japan launch QZS-6'" in result.stderr
    assert not (claims / "extra.yaml").exists()


def test_a_check_sees_the_added_entry(claims, make_corpus):
    text = '"We are building deterrence, not provocation," said General Maria Okafor.\n'
    result = add("person", "Maria T. Okafor", *OKAFOR_ROLE)
    assert result.exit_code == 0, result.output
    ledger, failures = load_for_run(Settings(ledger_dir=claims, resolutions=None, use_cache=False))
    assert failures == []
    context = CheckContext(settings=Settings(), ledger=ledger)
    corpus = make_corpus(
        {"quote": text}, published={"quote": date(2024, 3, 1)}, checks=[QuoteTimingCheck], context=context
    )
    found = [finding for finding in corpus.findings if finding.check == "quote-timing"]
    assert len(found) == 1 and "ended 2021-06-30" in found[0].message
