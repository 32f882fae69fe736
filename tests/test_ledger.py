"""The reference ledger: schema, file:line errors, merging, lookups, round-trip edits and the CLI."""

from __future__ import annotations

import difflib
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ledger_kit import ledger_from_yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import Settings
from factcheck.errors import LedgerError
from factcheck.ledger import (
    PartialDate,
    file_from_json,
    file_to_json,
    ledger_paths,
    load_for_run,
    load_ledger,
    parse_text,
    time_interval,
    upsert_entry,
    validate_files,
)
from factcheck.model import Corpus, Document
from factcheck.stages.check import CheckStage

REPO = Path(__file__).resolve().parent.parent

GOOD = """\
# A test ledger: fictional people and events.
version: 1
people:
  - name: Maria T. Okafor  # keep this comment
    aliases: [Mia Okafor]
    source: Orbital Defense Command biography
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        rank: General
        start: 2018-03-01
        end: 2021-06-30
events:
  - actor: Freedonia
    action: launch
    object: Beacon-3
    date: 2019-05
    source: Freedonian space agency release
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- dates


def test_partial_dates_keep_their_precision():
    assert str(PartialDate.parse("2022-11")) == "2022-11"
    assert str(PartialDate.parse(2020)) == "2020"
    assert str(PartialDate.parse(date(2019, 12, 20))) == "2019-12-20"
    assert PartialDate.parse("2020").agrees(PartialDate.parse("2020-05-18"))
    assert not PartialDate.parse("2024-02-02").agrees(PartialDate.parse("2025-02-02"))
    for bad in ("2022-13", "2021-02-30", "May 2020", "20", True):
        with pytest.raises(ValueError):
            PartialDate.parse(bad)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_a_day_lies_in_its_month_and_year(day):
    as_day = PartialDate.parse(day)
    assert as_day.agrees(PartialDate(day.year, day.month)) and as_day.agrees(PartialDate(day.year))
    assert time_interval(str(as_day)) == (day, day)


def test_time_intervals_of_timex_values():
    assert time_interval("2020-Q2") == (date(2020, 4, 1), date(2020, 6, 30))
    assert time_interval("201X") == (date(2010, 1, 1), date(2019, 12, 31))
    assert time_interval("PRESENT_REF") is None


# --------------------------------------------------------------------------- the shipped ledger


def test_the_shipped_ledger_is_valid_and_sourced():
    paths = ledger_paths(Settings(ledger_dir=REPO / "claims", resolutions=None))
    assert paths and all(path.name != "resolutions.yaml" for path in paths)
    assert validate_files(paths) == []
    ledger = load_ledger(paths)
    raymond = ledger.person("General John Raymond")
    assert (
        raymond is not None
        and ledger.person("Gen. John W. Raymond") is raymond
        and ledger.person("Jay Raymond") is raymond
    )
    cso = next(role for role in raymond.roles if role.title == "Chief of Space Operations")
    assert (str(cso.start), str(cso.end)) == ("2019-12-20", "2022-11-02")
    assert [role.title for role in ledger.roles_at("B. Chance Saltzman", date(2025, 2, 10))] == [
        "Chief of Space Operations"
    ]
    assert all(person.source for person in ledger.people) and all(event.source for event in ledger.events)


# --------------------------------------------------------------------------- lookups


def test_person_lookup_is_name_form_aware():
    ledger = ledger_from_yaml(GOOD, "a.yaml")
    okafor = ledger.person("Maria Okafor")
    assert okafor is not None
    assert ledger.person("Gen. Maria T. Okafor") is okafor
    assert ledger.person("Mia Okafor") is okafor
    assert ledger.person("Okafor") is okafor
    assert ledger.person("Okafor", surname=False) is None
    assert ledger.person("Maria Obi") is None
    assert [r.title for r in ledger.roles_at(okafor, date(2020, 1, 1))] == ["Chief of Orbital Operations"]
    assert ledger.roles_at(okafor, date(2022, 1, 1)) == []
    assert ledger.roles_at(okafor, PartialDate(2021)) != []  # the role was held during 2021


def test_describe_shows_roles_dates_and_sources():
    ledger = ledger_from_yaml(GOOD, "a.yaml")
    text = ledger.describe("Gen. Maria Okafor")
    assert "Maria T. Okafor" in text and "2018-03-01 – 2021-06-30" in text
    assert "Orbital Defense Command biography" in text and "a.yaml:4" in text
    assert "2019-05: Freedonia launch Beacon-3" in ledger.describe("Freedonia")
    assert ledger.describe("Nobody Known") == ""


# --------------------------------------------------------------------------- errors with file:line


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("version: 1\npeople:\n  - name: [unclosed\n", 4, "invalid YAML"),
        ("version: 1\npeople:\n  - name: A\n    source: s\n    roles: 12\n", 5, "roles"),
        ("version: 1\npeople:\n  - name: A\n    source: s\n    nickname: B\n", 5, "unknown key 'nickname'"),
        ("version: 1\nevents:\n  - action: launch\n    date: 2020-14\n    source: s\n", 4, "bad date '2020-14'"),
        ("version: 1\nevents:\n  - action: launch\n    date: 2020\n", 3, "missing required key 'source'"),
        ("version: 3\n", 1, "unsupported schema version"),
        (
            "version: 1\npeople:\n  - name: A\n    source: s\n    roles:\n      - title: T\n        start: 2022\n        end: 2020\n",
            6,
            "ends (2020) before",
        ),
        ("version: 1\nfigures:\n  - measure: m\n    unit: count\n    as_of: 2020\n    source: s\n", 3, "needs a value"),
    ],
)
def test_problems_name_the_line(text, line, fragment):
    _, problems = parse_text(text, "x.yaml")
    assert problems, text
    assert problems[0].line == line and fragment in problems[0].message
    assert str(problems[0]).startswith(f"x.yaml:{line}: ")


def test_files_merge_and_conflicting_duplicates_name_both_places(tmp_path):
    first = write(tmp_path, "a.yaml", GOOD)
    second = write(
        tmp_path,
        "b.yaml",
        """\
version: 1
people:
  - name: Gen. Maria Okafor
    source: another release
    roles:
      - title: Commander
        organisation: Third Orbital Wing
        start: 2015
        end: 2018
""",
    )
    ledger = load_ledger([first, second])
    assert len(ledger.people) == 1 and {r.title for r in ledger.people[0].roles} == {
        "Chief of Orbital Operations",
        "Commander",
    }

    third = write(
        tmp_path,
        "c.yaml",
        """\
version: 1
people:
  - name: Maria Okafor
    source: a third release
    roles:
      - title: Chief of Orbital Operations
        organisation: Orbital Defense Command
        start: 2018-03-01
        end: 2022-06-30
""",
    )
    problems = validate_files([first, third])
    assert len(problems) == 1
    assert problems[0].path == str(third) and problems[0].line == 6
    assert f"{first}:8" in problems[0].message
    with pytest.raises(LedgerError) as raised:
        load_ledger([first, third])
    assert str(raised.value).startswith(f"{third}:6: ")


def test_a_missing_ledger_file_is_an_error(tmp_path):
    problems = validate_files([tmp_path / "absent.yaml"])
    assert problems and "not found" in problems[0].message


# --------------------------------------------------------------------------- the run and the CLI


def test_parsed_files_round_trip_through_json_with_their_origins():
    for name, text in (
        ("shipped.yaml", (REPO / "claims" / "ledger.yaml").read_text(encoding="utf-8")),
        ("good.yaml", GOOD),
        ("open.yaml", "version: 1\nfigures:\n  - {measure: m, unit: count, low: .inf, as_of: 2020-05, source: s}\n"),
    ):
        parsed, problems = parse_text(text, name)
        assert not problems
        restored = file_from_json(file_to_json(parsed))
        assert restored == parsed  # records, PartialDates and the private file:line origins
        assert [role.origin for person in restored.people for role in person.roles] == [
            role.origin for person in parsed.people for role in person.roles
        ]


def test_the_parse_cache_holds_json_and_a_corrupt_entry_is_a_miss(tmp_path, monkeypatch):
    import sqlite3

    import factcheck.ledger.cache as ledger_module  # where load_for_run looks parse_text up

    folder = tmp_path / "claims"
    folder.mkdir()
    write(folder, "ledger.yaml", GOOD)
    settings = Settings(ledger_dir=folder, resolutions=None, cache_dir=tmp_path / "cache")
    fresh, failures = load_for_run(settings)
    assert failures == [] and fresh.person("Mia Okafor") is not None
    database = next((tmp_path / "cache").glob("*.sqlite3"))

    def blobs() -> list[str]:
        with sqlite3.connect(database) as connection:
            return [row[0] for row in connection.execute("SELECT data FROM blobs WHERE namespace = 'ledger'")]

    assert len(blobs()) == 1 and json.loads(blobs()[0])["file"]["version"] == 1

    # A hit does not parse the YAML again.
    real_parse_text = ledger_module.parse_text
    monkeypatch.setattr(ledger_module, "parse_text", lambda *args: pytest.fail("the cache was not used"))
    cached, failures = load_for_run(settings)
    assert failures == [] and cached.people == fresh.people and cached.events == fresh.events
    assert cached.person("Mia Okafor").origin == fresh.person("Mia Okafor").origin

    # A damaged entry (or an old pickle) is parsed afresh, and rewritten as JSON.
    monkeypatch.setattr(ledger_module, "parse_text", real_parse_text)
    for damage in ("not json", "gASVAAAAAAAAAAB9lC4=", '{"file": {"version": 1}, "origins": {}}'):
        with sqlite3.connect(database) as connection:
            connection.execute("UPDATE blobs SET data = ? WHERE namespace = 'ledger'", (damage,))
        again, failures = load_for_run(settings)
        assert failures == [] and again.people == fresh.people and again.events == fresh.events
        assert file_from_json(blobs()[0]) is not None


def test_a_broken_ledger_is_a_fatal_failure_and_the_checks_still_run(tmp_path):
    folder = tmp_path / "claims"
    folder.mkdir()
    write(folder, "ledger.yaml", "version: 1\npeople: [\n")
    write(folder, "resolutions.yaml", "this is not the ledger: [")
    settings = Settings(ledger_dir=folder, resolutions=folder / "resolutions.yaml")
    ledger, failures = load_for_run(settings)
    assert ledger is None and len(failures) == 1
    assert failures[0].stage == "ledger" and failures[0].fatal and failures[0].code == "FC-E300"
    assert failures[0].subject.endswith("ledger.yaml") and "ledger.yaml:" in failures[0].message

    ran = []

    class Probe:
        code, slug = "FC999", "probe"

        def run(self, corpus, context):
            ran.append(context.ledger)
            return []

        def report_data(self, corpus, findings):
            return None

    corpus = Corpus(documents=(Document(id="d", path="d.txt", text="x", clean="x"),))
    result = CheckStage(settings, checks=[Probe])(corpus)
    assert ran == [None]
    assert any(f.stage == "ledger" and f.fatal for f in result.failures)


def test_cli_ledger_check_reports_file_line_and_exits_2_leaving_the_file_untouched(tmp_path):
    broken = write(
        tmp_path,
        "ledger.yaml",
        "version: 1\npeople:\n  - name: A\n    source: s\n    roles:\n      - title: T\n        start: 2020-13\n",
    )
    before = broken.read_bytes()
    result = CliRunner().invoke(app, ["ledger", "check", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}:7: " in result.stdout
    assert broken.read_bytes() == before

    good = write(tmp_path, "good.yaml", GOOD)
    result = CliRunner().invoke(app, ["ledger", "check", str(good)])
    assert result.exit_code == 0 and result.stdout == ""


def test_cli_ledger_show(tmp_path):
    good = write(tmp_path, "good.yaml", GOOD)
    result = CliRunner().invoke(app, ["ledger", "show", "Mia Okafor", "--ledger", str(good)])
    assert result.exit_code == 0 and "Chief of Orbital Operations" in result.stdout
    result = CliRunner().invoke(app, ["ledger", "show", "Nobody Known", "--ledger", str(good)])
    assert result.exit_code == 1 and result.stdout == ""


# --------------------------------------------------------------------------- editing


def test_upsert_round_trips_comments_and_order(tmp_path):
    path = write(tmp_path, "ledger.yaml", GOOD)
    outcome = upsert_entry(
        path,
        "people",
        {
            "name": "Gen. Maria Okafor",
            "roles": [
                {
                    "title": "Chief of Orbital Operations",
                    "organisation": "Orbital Defense Command",
                    "start": "2018-03-01",
                    "end": PartialDate(2021, 7, 1),
                }
            ],
        },
    )
    assert outcome == "updated"
    text = path.read_text()
    assert "# A test ledger: fictional people and events." in text and "# keep this comment" in text
    assert "end: 2021-07-01" in text and text.index("people:") < text.index("events:")
    assert upsert_entry(path, "organisations", {"name": "Orbital Defense Command", "source": "its charter"}) == "added"
    ledger = load_ledger([path])
    assert str(ledger.person("Maria Okafor").roles[0].end) == "2021-07-01"
    assert ledger.organisation("orbital defense command") is not None
    assert [p for p in tmp_path.iterdir() if p.name != f".{path.name}.lock"] == [path]  # no temp files left behind


def test_upsert_never_rewrites_a_file_it_cannot_parse(tmp_path):
    path = write(tmp_path, "ledger.yaml", "version: 1\npeople: [\n# a comment\n")
    before = path.read_bytes()
    with pytest.raises(LedgerError):
        upsert_entry(path, "people", {"name": "A", "source": "s"})
    assert path.read_bytes() == before


def test_upsert_refuses_an_invalid_entry(tmp_path):
    path = write(tmp_path, "ledger.yaml", GOOD)
    before = path.read_bytes()
    with pytest.raises(LedgerError):
        upsert_entry(path, "events", {"action": "launch", "date": "2020-99", "source": "s"})
    assert path.read_bytes() == before


def test_upsert_into_the_shipped_ledger_only_inserts_lines(tmp_path):
    path = tmp_path / "ledger.yaml"
    path.write_bytes((REPO / "claims" / "ledger.yaml").read_bytes())
    before = path.read_text(encoding="utf-8").splitlines()
    upsert_entry(
        path,
        "people",
        {
            "name": "Maria T. Okafor",
            "aliases": ["Mia Okafor"],
            "source": "a biography",
            "roles": [{"title": "Chief of Orbital Operations", "start": "2018-03", "end": "2021"}],
        },
    )
    upsert_entry(
        path,
        "events",
        {"actor": "Freedonia", "action": "launch", "object": "Beacon-3", "date": "2019-05-14", "source": "a release"},
    )
    upsert_entry(
        path,
        "people",
        {
            "name": "Gen. Bryon McClain",
            "roles": [
                {
                    "title": "Program Executive Officer for Space Domain Awareness and Combat Power",
                    "organisation": "Space Systems Command",
                    "start": "2023-07",
                }
            ],
        },
    )
    after = path.read_text(encoding="utf-8").splitlines()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    assert {tag for tag, *_ in matcher.get_opcodes()} == {"equal", "insert"}  # quotes, comments, blank lines kept
    inserted = [after[j1:j2] for tag, _, _, j1, j2 in matcher.get_opcodes() if tag == "insert"]
    assert inserted == [
        ["        start: 2023-07"],  # the role without a start got one; the name kept its recorded form
        [
            "  - name: Maria T. Okafor",
            "    aliases: [Mia Okafor]",
            "    source: a biography",
            "    roles:",
            "      - title: Chief of Orbital Operations",
            "        start: 2018-03",
            "        end: 2021",
        ],
        [
            "  - actor: Freedonia",
            "    action: launch",
            "    object: Beacon-3",
            "    date: 2019-05-14",
            "    source: a release",
        ],
    ]
    # Each new entry ends its section: the blank line before the next section stays before it.
    for block in inserted[1:]:
        end = after.index(block[-1])
        assert after[end + 1] == "" and not after[end + 2].startswith(" ")


def test_upsert_merges_roles_by_title_organisation_and_agreeing_start(tmp_path):
    path = write(tmp_path, "ledger.yaml", GOOD)
    upsert_entry(
        path,
        "people",
        {
            "name": "Maria Okafor",
            "roles": [
                {
                    "title": "Chief of Orbital Operations",
                    "organisation": "Orbital Defense Command",
                    "start": "2018",
                    "end": "2021-07",
                }
            ],
        },
    )
    role = load_ledger([path]).person("Maria Okafor").roles[0]
    assert (str(role.start), str(role.end)) == ("2018-03-01", "2021-07")  # a coarser agreeing start keeps the finer
    upsert_entry(
        path,
        "people",
        {
            "name": "Maria Okafor",
            "roles": [
                {
                    "title": "Chief of Orbital Operations",
                    "organisation": "Orbital Defense Command",
                    "start": "2022-01-01",
                }
            ],
        },
    )
    assert len(load_ledger([path]).person("Maria Okafor").roles) == 2  # a start that disagrees is another term
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="2 roles 'Chief of Orbital Operations' match") as raised:
        upsert_entry(
            path,
            "people",
            {
                "name": "Maria Okafor",
                "roles": [
                    {"title": "Chief of Orbital Operations", "organisation": "Orbital Defense Command", "end": "2023"}
                ],
            },
        )
    assert "nothing was written" in str(raised.value) and path.read_bytes() == before


def test_upsert_errors_name_the_entry_and_the_key_and_write_nothing(tmp_path):
    path = write(tmp_path, "ledger.yaml", GOOD)
    before = path.read_bytes()
    with pytest.raises(LedgerError) as raised:
        upsert_entry(
            path,
            "events",
            {"actor": "Freedonia", "action": "launch", "object": "Beacon-4", "date": "2020-99", "source": "s"},
        )
    assert str(raised.value).startswith(f"{path}: event 'Freedonia launch Beacon-4': date: bad date '2020-99'")
    with pytest.raises(LedgerError, match="missing required key 'source'"):
        upsert_entry(path, "organisations", {"name": "Orbital Defense Command"})
    with pytest.raises(LedgerError, match="a role needs a title"):
        upsert_entry(path, "people", {"name": "Maria Okafor", "roles": [{"start": "2018"}]})
    assert path.read_bytes() == before


def test_upsert_refuses_an_edit_that_would_conflict_with_the_rest_of_the_ledger(tmp_path):
    path = write(tmp_path, "ledger.yaml", GOOD)
    other = write(tmp_path, "extra.yaml", "version: 1\n")
    with pytest.raises(LedgerError, match="after the edit: conflicting duplicate: event 'Freedonia launch Beacon-3'"):
        upsert_entry(
            other,
            "events",
            {"actor": "Freedonia", "action": "launch", "object": "Beacon-3", "date": "2020", "source": "s"},
            alongside=[path],
        )
    assert other.read_text() == "version: 1\n"
    assert (
        upsert_entry(
            other,
            "events",
            {"actor": "Freedonia", "action": "launch", "object": "Beacon-3", "date": "2019", "source": "s"},
            alongside=[path],
        )
        == "added"
    )
