"""Hostile input, concurrent editors and runaway documents (issue 19): nothing hangs, nothing is lost.

Every input is generated here (nothing large is committed). Whatever could hang or eat the
memory on a regression runs in a child process under a time limit and an address-space cap
(``run_capped``), so a regression fails this suite in seconds instead of stalling CI.
"""

from __future__ import annotations

import os
import resource
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import LedgerError, OutputError, ResolutionsError
from factcheck.fileio import read_text_capped, write_atomic, write_target

runner = CliRunner()
MEMORY_CAP = 3 * 1024**3  # bytes of address space for a child: far above a healthy run, far below a bomb
TIME_CAP = 120  # seconds


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_capped(args: list[str], cwd: Path, timeout: float = TIME_CAP) -> subprocess.CompletedProcess:
    """``python -m factcheck ARGS`` (or ``python -c`` when args[0] is "-c") in a child under the caps."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("FACTCHECK_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", FACTCHECK_CACHE_DIR=str(cwd / ".cache"))
    command = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-m", "factcheck", *args]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, preexec_fn=_limit_memory
    )


def start_capped(args: list[str], cwd: Path) -> subprocess.Popen:
    env = {name: value for name, value in os.environ.items() if not name.startswith("FACTCHECK_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", FACTCHECK_CACHE_DIR=str(cwd / ".cache"))
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limit_memory,
    )


def run_all_at_once(commands: list[list[str]], cwd: Path) -> None:
    """Start every command before waiting for any (writers racing on one file), then require each to succeed."""
    children = [start_capped(command, cwd) for command in commands]
    for child in children:
        _, err = child.communicate(timeout=TIME_CAP)
        assert child.returncode == 0, err


def alias_bomb(levels: int = 9, fan: int = 10) -> str:
    """YAML anchors that expand to fan**levels values (10**9 by default) in a few hundred bytes."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * fan)}]")
    return "\n".join(lines) + "\n"


def one_line_bomb(key: str) -> str:
    """An alias bomb as the value of ``key`` (flow style, so it fits one mapping entry)."""
    inner = "&b0 [x, x, x, x, x, x, x, x, x, x]"
    for level in range(1, 9):
        inner = f"&b{level} [{inner}, " + ", ".join([f"*b{level - 1}"] * 9) + "]"
    return f"{key}: {inner}\n"


# --------------------------------------------------------------------------- 1. concurrent editors

PARALLEL = 12


def test_parallel_resolve_keeps_every_decision(tmp_path):
    (tmp_path / "resolutions.yaml").write_text("# shared by the desk\nversion: 1\nresolutions: []\n", encoding="utf-8")
    run_all_at_once(
        [
            [
                "resolve",
                f"date-conflict-{index:010x}",
                "--status",
                "accepted",
                "--note",
                f"editor {index}",
                "--resolutions",
                "resolutions.yaml",
                "--isolated",
            ]
            for index in range(PARALLEL)
        ],
        tmp_path,
    )
    from factcheck.resolutions import load_resolutions

    recorded = load_resolutions(tmp_path / "resolutions.yaml")
    assert sorted(recorded) == sorted(f"date-conflict-{index:010x}" for index in range(PARALLEL))
    assert (tmp_path / "resolutions.yaml").read_text(encoding="utf-8").startswith("# shared by the desk")


def test_parallel_ledger_add_keeps_every_entry(tmp_path):
    run_all_at_once(
        [
            [
                "ledger",
                "add",
                "organisation",
                f"Harbour Board {index}",
                "--source",
                "https://example.org",
                "--ledger",
                "ledger.yaml",
                "--isolated",
            ]
            for index in range(PARALLEL)
        ],
        tmp_path,
    )
    from factcheck.ledger import load_ledger

    ledger = load_ledger([tmp_path / "ledger.yaml"])
    assert sorted(org.name for org in ledger.organisations) == sorted(
        f"Harbour Board {index}" for index in range(PARALLEL)
    )


# --------------------------------------------------------------------------- 2. atomic writes


def test_write_goes_through_a_symlink_to_its_target(tmp_path):
    shared = tmp_path / "shared" / "resolutions.yaml"
    shared.parent.mkdir()
    shared.write_text("old\n", encoding="utf-8")
    link = tmp_path / "resolutions.yaml"
    link.symlink_to(shared)
    write_atomic(link, "new\n")
    assert link.is_symlink() and shared.read_text(encoding="utf-8") == "new\n"


def test_write_refuses_a_fifo_a_folder_and_a_device(tmp_path):
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="named pipe"):
        write_atomic(fifo, "{}")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    with pytest.raises(OutputError, match="folder"):
        write_atomic(tmp_path, "{}")
    # Only the check: a regression must not be able to replace the system's /dev/null.
    with pytest.raises(OutputError, match="device"):
        write_target("/dev/null")


def test_report_output_to_a_fifo_is_refused_and_wrote_is_not_markup(tmp_path, capsys):
    from factcheck.cli import emit

    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="named pipe"):
        emit("{}", fifo)
    odd = tmp_path / "r[/].json"  # Rich would read "[/]" as a closing tag
    emit("{}", odd)
    assert odd.read_text(encoding="utf-8") == "{}" and f"wrote {odd}" in capsys.readouterr().err


def test_write_keeps_the_mode_and_respects_the_umask(tmp_path):
    existing = tmp_path / "ledger.yaml"
    existing.write_text("a\n", encoding="utf-8")
    existing.chmod(0o640)
    write_atomic(existing, "b\n")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640
    previous = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.yaml", "c\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640


def test_resolutions_through_a_symlink_update_the_shared_file(tmp_path):
    shared = tmp_path / "team" / "resolutions.yaml"
    shared.parent.mkdir()
    shared.write_text("version: 1\nresolutions: []\n", encoding="utf-8")
    (tmp_path / "resolutions.yaml").symlink_to(shared)
    result = runner.invoke(
        app,
        [
            "resolve",
            "date-conflict-0123456789",
            "--status",
            "resolved",
            "--note",
            "fixed",
            "--resolutions",
            str(tmp_path / "resolutions.yaml"),
            "--isolated",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "resolutions.yaml").is_symlink() and "date-conflict-0123456789" in shared.read_text("utf-8")


# --------------------------------------------------------------------------- 3. YAML alias bombs


def test_alias_bomb_in_front_matter_is_not_expanded(tmp_path):
    document = tmp_path / "story.md"
    document.write_text(
        "---\n" + alias_bomb() + one_line_bomb("title") + "---\n\nThe board met on Monday.\n", encoding="utf-8"
    )
    result = run_capped(
        [
            "-c",
            textwrap.dedent(f"""
        from pathlib import Path
        from factcheck.config import Settings
        from factcheck.stages.load import load_document
        doc = load_document(Path({str(document)!r}), Settings(paths=(Path({str(document)!r}),)))
        print(len(doc.title or ""), "board met" in doc.clean)
    """),
        ],
        tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    length, found = result.stdout.split()
    assert int(length) < 1000 and found == "True"


@pytest.mark.parametrize("where", ["resolutions", "ledger"])
def test_alias_bomb_in_resolutions_or_ledger_is_refused_with_its_line(tmp_path, where):
    bomb = alias_bomb() + one_line_bomb("version")
    (tmp_path / "claims").mkdir()
    if where == "resolutions":
        (tmp_path / "r.yaml").write_text(bomb, encoding="utf-8")
        result = run_capped(
            [
                "resolve",
                "date-conflict-0123456789",
                "--status",
                "resolved",
                "--note",
                "n",
                "--resolutions",
                "r.yaml",
                "--isolated",
            ],
            tmp_path,
            timeout=60,
        )
        name = "r.yaml"
    else:
        (tmp_path / "claims" / "ledger.yaml").write_text(bomb, encoding="utf-8")
        result = run_capped(["ledger", "check", "claims/ledger.yaml"], tmp_path, timeout=60)
        name = "claims/ledger.yaml"
    assert result.returncode == 2
    assert f"{name}:2" in result.stdout + result.stderr and "aliases" in result.stdout + result.stderr
    assert len(result.stdout + result.stderr) < 2000


# --------------------------------------------------------------------------- 6. unbounded reads


def test_resolutions_from_dev_zero_and_a_fifo_are_refused(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    for source, words in (("/dev/zero", "device"), ("pipe.yaml", "named pipe")):
        result = run_capped(
            [
                "resolve",
                "date-conflict-0123456789",
                "--status",
                "resolved",
                "--note",
                "n",
                "--resolutions",
                source,
                "--isolated",
            ],
            tmp_path,
            timeout=60,
        )
        assert result.returncode == 2 and words in result.stderr and source in result.stderr


def test_ledger_add_to_dev_zero_is_refused(tmp_path):
    result = run_capped(
        ["ledger", "add", "organisation", "Harbour Board", "--source", "s", "--ledger", "/dev/zero", "--isolated"],
        tmp_path,
        timeout=60,
    )
    assert result.returncode == 2 and "/dev/zero" in result.stderr and "device" in result.stderr


def test_a_fifo_in_the_ledger_folder_does_not_hang(tmp_path):
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "ledger.yaml").write_text("version: 1\n", encoding="utf-8")
    os.mkfifo(tmp_path / "claims" / "x.yaml")
    (tmp_path / ".git").mkdir()
    result = run_capped(["ledger", "check"], tmp_path, timeout=60)
    assert result.returncode == 2 and "x.yaml" in result.stdout and "named pipe" in result.stdout


def test_capped_read_stops_at_the_limit(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * 2000 + b"\n")
    with pytest.raises(LedgerError, match="limit"):
        read_text_capped(big, LedgerError, "ledger file", limit=1000)
    with pytest.raises(ResolutionsError, match="not UTF-8"):
        (tmp_path / "latin.yaml").write_bytes(b"note: caf\xe9\n")
        read_text_capped(tmp_path / "latin.yaml", ResolutionsError)


# --------------------------------------------------------------------------- 7. bad scalars in YAML

BAD_SCALARS = ["2019-13-45", "2019-02-30", "9" * 5000]


@pytest.mark.parametrize("value", BAD_SCALARS, ids=["month-13", "feb-30", "5000-digits"])
def test_bad_scalar_in_the_ledger_names_file_and_line(tmp_path, value):
    path = tmp_path / "ledger.yaml"
    path.write_text(
        f"version: 1\nevents:\n  - actor: Harbour Board\n    action: vote\n    date: {value}\n    source: s\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ledger", "check", str(path)])
    assert result.exit_code == 2
    assert f"{path}:5" in result.output and "internal error" not in result.output
    assert len(result.output) < 1000


@pytest.mark.parametrize("value", BAD_SCALARS, ids=["month-13", "feb-30", "5000-digits"])
def test_bad_scalar_in_resolutions_names_file_and_line(tmp_path, value):
    path = tmp_path / "resolutions.yaml"
    path.write_text(
        f"version: 1\nresolutions:\n  - id: date-conflict-0123456789\n    status: resolved\n    note: n\n"
        f"    date: {value}\n",
        encoding="utf-8",
    )
    from factcheck.resolutions import load_resolutions

    with pytest.raises(ResolutionsError) as raised:
        load_resolutions(path)
    assert str(raised.value).startswith(f"{path}:6") and len(str(raised.value)) < 500


# Values found by fuzzing the two schemas: each gives one line naming the file and the line (no internal error).
HOSTILE_VALUES = {
    "month-13": "2019-13-45",
    "hour-25": "2019-02-30T25:61",
    "datetime": "2019-12-20 10:00",
    "5000-digits": "1" * 5000,
    "tagged-huge-int": "!!int 1" + "0" * 5000,
    "huge-float": "1e400",
    "nan": ".nan",
    "boolean": "true",
    "nested-list": "[[1, [2]]]",
    "mapping": "{a: {b: c}}",
    "long-text": "x" * 10_000,
    "binary": "!!binary aGVsbG8=",
    "python-tag": "!!python/object:os.system x",
}
LEDGER_PLACES = [
    "version: 1\nevents:\n  - action: launch\n    source: s\n    date: {v}\n",
    "version: 1\npeople:\n  - name: A B\n    source: s\n    roles:\n      - title: T\n        start: {v}\n",
    "version: 1\nfigures:\n  - measure: m\n    unit: count\n    as_of: 2020\n    source: s\n    value: {v}\n",
    "version: 1\npeople:\n  - name: A B\n    source: s\n    aliases: {v}\n",
    "version: 1\n{v}: []\n",
]
RESOLUTION_PLACES = [
    "version: 1\nresolutions:\n  - id: a\n    status: resolved\n    note: n\n    date: {v}\n",
    "version: 1\nresolutions:\n  - id: a\n    status: resolved\n    note: n\n    evidence: {v}\n",
    "version: 1\nresolutions:\n  - id: a\n    status: resolved\n    note: {v}\n",
    "version: 1\nresolutions:\n  - {v}\n",
    "{v}\n",
]


def _one_line_naming(message: str, path: Path) -> None:
    assert "\n" not in message and len(message) < 500, message[:600]
    assert message.startswith(f"{path}:"), message[:200]


@pytest.mark.parametrize("place", range(len(LEDGER_PLACES)))
@pytest.mark.parametrize("value", list(HOSTILE_VALUES.values()), ids=list(HOSTILE_VALUES))
def test_hostile_ledger_values_give_one_line_naming_file_and_line(tmp_path, place, value):
    from factcheck.ledger import load_ledger, parse_file

    path = tmp_path / "ledger.yaml"
    text = LEDGER_PLACES[place].replace("{v}", value)
    path.write_text(text, encoding="utf-8")
    parsed, errors = parse_file(path)
    for error in errors:
        _one_line_naming(str(error), path)
        assert error.line is not None, str(error)
    if parsed is not None:  # a value the schema takes (a long alias, 'true' read as text) must load too
        load_ledger([path])


@pytest.mark.parametrize("place", range(len(RESOLUTION_PLACES)))
@pytest.mark.parametrize("value", list(HOSTILE_VALUES.values()), ids=list(HOSTILE_VALUES))
def test_hostile_resolution_values_give_one_line_naming_the_file(tmp_path, place, value):
    from factcheck.resolutions import load_resolutions

    path = tmp_path / "resolutions.yaml"
    path.write_text(RESOLUTION_PLACES[place].replace("{v}", value), encoding="utf-8")
    try:
        load_resolutions(path)
    except ResolutionsError as error:
        _one_line_naming(str(error), path)


# --------------------------------------------------------------------------- 9. settings that disable the product


@pytest.mark.parametrize(
    "setting",
    [
        "max-sentence-chars = -5",
        "max-sentence-chars = 0",
        "cluster-threshold = nan",
        "cluster-threshold = -0.1",
        "cluster-threshold = inf",
        "max-file-bytes = 0",
    ],
)
def test_settings_that_would_disable_the_product_are_refused(tmp_path, monkeypatch, setting):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(f"[tool.factcheck]\n{setting}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The board met on Monday.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in [name for name in os.environ if name.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)
    result = runner.invoke(app, ["check", "a.txt", "--no-cache"])
    assert result.exit_code == 2
    assert "pyproject.toml:2" in result.output and setting.split()[0] in result.output
    assert "internal error" not in result.output


def test_a_5000_digit_number_in_the_configuration_names_file_and_line(tmp_path):
    from factcheck.config import load_settings
    from factcheck.errors import ConfigError

    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\njobs = " + "1" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(cwd=tmp_path, env={})
    assert str(raised.value).startswith(f"{tmp_path / 'pyproject.toml'}:2") and len(str(raised.value)) < 300


def test_ledger_refuses_year_0000(tmp_path):
    path = tmp_path / "ledger.yaml"
    result = runner.invoke(
        app,
        [
            "ledger",
            "add",
            "event",
            "--action",
            "launch",
            "--actor",
            "Harbour Board",
            "--date",
            "0000",
            "--source",
            "s",
            "--ledger",
            str(path),
            "--isolated",
        ],
    )
    assert result.exit_code == 2 and "0000" in result.output and not path.exists()
    path.write_text(
        "version: 1\nevents:\n  - actor: Harbour Board\n    action: launch\n    date: '0000'\n    source: s\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ledger", "check", str(path)])
    assert result.exit_code == 2 and f"{path}:5" in result.output


# --------------------------------------------------------------------------- 8. documents left unchecked


def test_a_dateline_at_the_end_of_the_calendar_does_not_crash_extraction(nlp):
    from datetime import date

    from factcheck.model import Document
    from factcheck.stages.extract import all_time_expressions, extract_document

    text = "The harbour board will vote tomorrow on the pier, officials said on Monday. It met next week."
    doc = Document(id="far", path="far.md", text=text, clean=text, published=date(9999, 12, 31))
    extract_document(doc, nlp)  # raised OverflowError, and the document was skipped
    times = {time.span.text: time for time in all_time_expressions(doc)}
    assert times["tomorrow"].value is None and times["Monday"] is not None


# --------------------------------------------------------------------------- 11. symlinks out of the checked folder


def test_symlinks_out_of_the_folder_are_reported_not_read(tmp_path):
    from factcheck.stages.load import discover

    secrets = tmp_path / "home"
    secrets.mkdir()
    (secrets / "credentials.txt").write_text("aws_secret_access_key = abc\n", encoding="utf-8")
    (secrets / "notes.md").write_text("Private notes.\n", encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "inner").mkdir(parents=True)
    (docs / "story.txt").write_text("The board met on Monday.\n", encoding="utf-8")
    (docs / "inner" / "other.txt").write_text("The board met again.\n", encoding="utf-8")
    (docs / "leak.txt").symlink_to(secrets / "credentials.txt")
    (docs / "home").symlink_to(secrets, target_is_directory=True)
    (docs / "same.txt").symlink_to(docs / "story.txt")  # inside the folder: fine
    (docs / "loop").symlink_to(docs, target_is_directory=True)

    paths, failures = discover([docs])
    assert sorted(path.resolve() for path in paths) == sorted(
        [(docs / "inner" / "other.txt").resolve(), (docs / "story.txt").resolve()]
    )
    outside = sorted(Path(failure.subject).name for failure in failures if failure.code == "FC-E112")
    assert outside == ["home", "leak.txt"]
    assert all("--follow-symlinks" in failure.message for failure in failures if failure.code == "FC-E112")

    followed, failures = discover([docs], follow_symlinks=True)
    assert {path.resolve() for path in followed} >= {
        (secrets / "credentials.txt").resolve(),
        (secrets / "notes.md").resolve(),
    }
    assert not [failure for failure in failures if failure.code == "FC-E112"]
    # Named on the command line, a link is read: the user asked for it.
    named, failures = discover([docs / "leak.txt"])
    assert named == [docs / "leak.txt"] and not failures


# --------------------------------------------------------------------------- 11. the cache: no long waits, bounded, inspectable


def test_a_cache_write_steps_aside_when_another_run_holds_the_lock(tmp_path):
    import sqlite3
    import threading

    from factcheck.cache import Cache

    cache = Cache(tmp_path)
    cache.put_blob("claims", "warm", "1")
    holder = sqlite3.connect(cache.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run mid-write
    done = threading.Event()

    def write() -> None:
        cache.put_blob("claims", "k", "v")
        done.set()

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    thread.join(timeout=25)  # it waited 30 s before; now it gives up after a moment
    holder.execute("ROLLBACK")
    holder.close()
    assert done.is_set()
    assert cache.get_blob("claims", "warm") == "1"


def test_the_cache_is_emptied_past_its_bound(tmp_path):
    from factcheck.cache import Cache

    cache = Cache(tmp_path)
    cache.put_blob("claims", "k", "x" * 200_000)
    cache.close()
    bounded = Cache(tmp_path, max_bytes=100_000)
    assert bounded.get_blob("claims", "k") is None and bounded.size() < 100_000


def test_cache_info_and_clear(tmp_path):
    from factcheck.cache import Cache

    cache = Cache(tmp_path / "c")
    cache.put_blob("claims", "k", "v")
    cache.close()
    result = runner.invoke(app, ["cache", "info", "--cache-dir", str(tmp_path / "c"), "--isolated"])
    assert result.exit_code == 0 and "claims: 1" in result.stdout and str(tmp_path / "c") in result.stdout
    result = runner.invoke(app, ["cache", "clear", "--cache-dir", str(tmp_path / "c"), "--isolated"])
    assert result.exit_code == 0 and not Cache(tmp_path / "c").path.exists()


def test_markdown_report_fits_a_pull_request_comment():
    from factcheck.config import Settings
    from factcheck.model import Corpus, Document, Failure, RunResult
    from factcheck.reporters.markdown import MarkdownReporter

    doc = Document(id="d", path="d.txt", text="t", clean="t")
    failures = tuple(
        Failure(
            stage="load", subject=f"empty/{index:05d}-{'x' * 80}.txt", message="is empty " + "y" * 200, code="FC-E105"
        )
        for index in range(3000)
    )
    text = MarkdownReporter().render(RunResult(Corpus(documents=(doc,), failures=failures), Settings()))
    assert len(text) < 65_536 and "more (see the JSON or SARIF report)" in text


# --------------------------------------------------------------------------- 10. terminal escapes from documents

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # writes the clipboard
CLEAR = "\x1b[2J\x1b[H"


def test_no_terminal_escape_from_a_document_reaches_the_terminal(tmp_path, monkeypatch, nlp, fake_embedder):
    from robustness_kit import in_process_pipeline, story

    in_process_pipeline(monkeypatch, nlp, fake_embedder)
    (tmp_path / ".git").mkdir()
    sources = tmp_path / "sources"
    sources.mkdir()
    hostile = story(40, 30).replace("The harbour board", f"The harbour{OSC52} board{CLEAR}")
    hostile = hostile.replace("Fishermen said", f"Fishermen{CLEAR} said")
    (sources / f"wire{CLEAR}.txt").write_text(hostile, encoding="utf-8")
    (sources / "other.txt").write_text(story(45, 30), encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text(hostile, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = ["--no-cache"]
    for args in (
        ["claims", str(draft)],
        ["clusters", str(sources), *cache],
        ["audit", str(draft), "--sources", str(sources), *cache],
        ["check", str(sources), "--allow-skipped", *cache],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, args


# --------------------------------------------------------------------------- 5. per-document limits and time budget


def _pdf(pages: int) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=100, height=100)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_pages_and_extracted_characters_are_capped(tmp_path):
    from factcheck.config import Settings
    from factcheck.errors import DocumentLimitError
    from factcheck.stages.load import load_document

    pdf = tmp_path / "many.pdf"
    pdf.write_bytes(_pdf(5))
    with pytest.raises(DocumentLimitError, match="max_pdf_pages") as raised:
        load_document(pdf, Settings(paths=(pdf,), max_pdf_pages=3))
    assert "5 pages" in str(raised.value) and str(pdf) in str(raised.value)
    text = tmp_path / "long.txt"
    text.write_text("The board met on Monday. " * 100, encoding="utf-8")
    with pytest.raises(DocumentLimitError, match="max_document_chars"):
        load_document(text, Settings(paths=(text,), max_document_chars=1000))


def test_a_document_over_its_time_budget_is_a_failure_naming_the_limit(tmp_path, monkeypatch):

    from factcheck.config import Settings
    from factcheck.model import Corpus, RunResult
    from factcheck.stages.load import LoadStage
    from factcheck.stages.load import stage as load_stage

    (tmp_path / "slow.txt").write_text("The board met on Monday.\n", encoding="utf-8")
    (tmp_path / "fast.txt").write_text("The board met on Tuesday.\n", encoding="utf-8")
    real = load_stage.load_document

    def stuck(path, settings, **kwargs):
        if path.name == "slow.txt":
            while True:  # a parser that never finishes
                sum(range(10_000))  # busy: the budget counts CPU time
        return real(path, settings, **kwargs)

    monkeypatch.setattr(load_stage, "load_document", stuck)
    settings = Settings(paths=(tmp_path,), document_seconds=0.5, use_cache=False)
    corpus = LoadStage(settings)(Corpus())
    assert [doc.id for doc in corpus.documents] == ["fast"]
    (failure,) = corpus.failures
    assert failure.code == "FC-E113" and "document_seconds" in failure.message and "slow.txt" in failure.message
    assert RunResult(corpus, settings).exit_code() == 2


def test_extraction_over_its_time_budget_is_a_failure(tmp_path, monkeypatch, nlp):

    from factcheck.config import Settings
    from factcheck.model import Corpus, Document
    from factcheck.stages.extract import ExtractStage

    text = "The harbour board voted on 1 March 2024 to extend the northern pier by 40 metres."
    docs = tuple(Document(id=name, path=f"{name}.txt", text=text, clean=text) for name in ("slow", "fast"))
    from factcheck.stages.extract import stage as extract_stage

    stage = ExtractStage(Settings(document_seconds=0.5, use_cache=False), nlp=nlp)
    real = extract_stage.extract_document

    def stuck(doc, nlp, **kwargs):
        while doc.id == "slow":
            sum(range(10_000))  # busy: the budget counts CPU time
        return real(doc, nlp, **kwargs)

    monkeypatch.setattr(extract_stage, "extract_document", stuck)
    corpus = stage(Corpus(documents=docs))
    assert {claim.doc for claim in corpus.claims} == {"fast"}
    (failure,) = corpus.failures
    assert failure.code == "FC-E113" and failure.stage == "extract" and "document_seconds" in failure.message


def _stuck_on(name: str, real, give_up):
    """A loader that never finishes ``name`` (until the test gives up on it) and loads the rest."""

    def loader(path, settings, **kwargs):
        while path.name == name and not give_up.is_set():  # a parser that never finishes
            sum(range(10_000))  # busy: the budget counts CPU time
        return real(path, settings, **kwargs)

    return loader


def _in_worker_thread(work):
    """``work()`` in a thread that is not the main one (no SIGALRM there), with a hang guard."""
    import threading

    outcome = {}

    def target():
        try:
            outcome["result"] = work()
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread below
            outcome["error"] = error

    thread = threading.Thread(target=target, name="worker", daemon=True)
    thread.start()
    thread.join(timeout=120)  # a hang guard, not a timing
    assert not thread.is_alive(), "the budget did not stop the document in a worker thread"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def test_the_time_budget_holds_in_a_worker_thread(tmp_path, monkeypatch):
    import threading

    from factcheck.config import Settings
    from factcheck.model import Corpus
    from factcheck.stages.load import LoadStage
    from factcheck.stages.load import stage as load_stage

    (tmp_path / "slow.txt").write_text("The board met on Monday.\n", encoding="utf-8")
    (tmp_path / "fast.txt").write_text("The board met on Tuesday.\n", encoding="utf-8")
    give_up = threading.Event()
    monkeypatch.setattr(load_stage, "load_document", _stuck_on("slow.txt", load_stage.load_document, give_up))
    settings = Settings(paths=(tmp_path,), document_seconds=0.5, use_cache=False)
    try:
        corpus = _in_worker_thread(lambda: LoadStage(settings)(Corpus()))
    finally:
        give_up.set()
    assert [doc.id for doc in corpus.documents] == ["fast"]
    (failure,) = corpus.failures
    assert failure.code == "FC-E113" and "document_seconds" in failure.message and "slow.txt" in failure.message


def test_extraction_budget_holds_in_a_worker_thread(monkeypatch, nlp):
    import threading

    from factcheck.config import Settings
    from factcheck.engine import Models
    from factcheck.model import Document
    from factcheck.stages.extract import stage as extract_stage

    text = "The harbour board voted on 1 March 2024 to extend the northern pier by 40 metres."
    docs = tuple(Document(id=name, path=f"{name}.txt", text=text, clean=text) for name in ("slow", "fast"))
    give_up = threading.Event()
    real = extract_stage.extract_document

    def stuck(doc, nlp, **kwargs):
        while doc.id == "slow" and not give_up.is_set():
            sum(range(10_000))  # busy: the budget counts CPU time
        return real(doc, nlp, **kwargs)

    monkeypatch.setattr(extract_stage, "extract_document", stuck)
    job = extract_stage.ExtractJob(docs, max_sentence_chars=2000, document_seconds=0.5)
    try:
        partition = _in_worker_thread(lambda: extract_stage.extract_partition(job, Models(Settings(), nlp=nlp)))
    finally:
        give_up.set()
    slow, fast = partition.documents
    assert slow.error is not None and slow.error[0] == "FC-E113" and "document_seconds" in slow.error[1]
    assert fast.error is None and fast.claims


def test_a_budget_that_ended_in_time_never_fires_later_in_the_thread():
    import time

    from factcheck.budget import time_budget

    def work():
        for _ in range(20):
            with time_budget(0.05):
                pass  # done well within the budget
        deadline = time.monotonic() + 0.5
        while time.monotonic() < deadline:  # past every timer: a stray one would raise here
            sum(range(10_000))  # busy: the budget counts CPU time
        return "finished"

    assert _in_worker_thread(work) == "finished"


def test_the_budget_counts_cpu_time_not_waiting():
    # A document that waits (a loaded machine, slow storage) costs no budget, so load does not decide what is checked.
    import time

    from factcheck.budget import time_budget

    with time_budget(0.2):
        time.sleep(0.6)


def test_the_time_budget_holds_on_a_dask_worker_thread(tmp_path, monkeypatch):
    # A real LocalCluster whose worker runs in this process (processes=False), so the stuck loader
    # patched here is the one its worker thread calls; the run joins it as --scheduler does.
    import logging
    import threading

    from distributed import LocalCluster

    from factcheck import engine
    from factcheck.config import Settings
    from factcheck.model import Corpus
    from factcheck.stages.load import LoadStage
    from factcheck.stages.load import stage as load_stage

    (tmp_path / "slow.txt").write_text("The board met on Monday.\n", encoding="utf-8")
    (tmp_path / "fast.txt").write_text("The board met on Tuesday.\n", encoding="utf-8")
    give_up = threading.Event()
    monkeypatch.setattr(load_stage, "load_document", _stuck_on("slow.txt", load_stage.load_document, give_up))
    monkeypatch.setattr(engine, "_WORKER_MODELS", engine._WORKER_MODELS)  # the plugin installs models here
    settings = Settings(paths=(tmp_path,), document_seconds=0.5, use_cache=False)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        dask = engine.DaskEngine(engine.Models(settings), workers=1, scheduler=cluster.scheduler_address)
        try:
            corpus = _in_worker_thread(lambda: LoadStage(settings, engine=dask)(Corpus()))
        finally:
            give_up.set()
            dask.close()
    assert [doc.id for doc in corpus.documents] == ["fast"]
    (failure,) = corpus.failures
    assert failure.code == "FC-E113" and "document_seconds" in failure.message and "slow.txt" in failure.message


def test_a_runaway_html_file_ends_within_its_budget(tmp_path):
    page = "<html><body><article>" + "<p>Row of a table that never ends.</p>" * 150_000 + "</article></body></html>"
    (tmp_path / "huge.html").write_text(page, encoding="utf-8")
    result = run_capped(
        [
            "-c",
            textwrap.dedent(f"""
        from pathlib import Path
        from factcheck.config import Settings
        from factcheck.model import Corpus
        from factcheck.stages.load import LoadStage
        settings = Settings(paths=(Path({str(tmp_path)!r}),), document_seconds=3, use_cache=False)
        corpus = LoadStage(settings)(Corpus())
        print([doc.id for doc in corpus.documents], [(failure.code, failure.message) for failure in corpus.failures])
    """),
        ],
        tmp_path,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "['huge']" in result.stdout or ("FC-E113" in result.stdout and "document_seconds" in result.stdout)


def test_a_huge_unknown_configuration_key_is_not_printed_whole(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\n" + "x" * 100_000 + " = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", "a.txt", "--no-cache"])
    assert result.exit_code == 2 and "unknown configuration key" in result.output and len(result.output) < 1000
