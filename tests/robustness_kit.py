"""Shared by the robustness and determinism tests: generated corpora and a CLI in a subprocess.

Everything broken is built here by generators, not stored as blobs. ``run_cli`` runs
``factcheck`` in a child process with the fake embedder (spaCy is real); ``ROBUSTNESS_KILL``
makes the child SIGKILL itself at a chosen moment, so interruption tests are deterministic
rather than timed.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
PYTHON = sys.executable
# Cheap checks only: the tests are about input handling, not about what the checks find.
FAST_CHECKS = ("--checks", "date-conflict", "--checks", "numeric-conflict", "--checks", "temporal")


def in_process_pipeline(monkeypatch, nlp, embedder) -> None:
    """Run `factcheck` in this process with the given spaCy pipeline and embedder, and no
    FACTCHECK_* settings leaking in from the environment."""
    import factcheck.stages.embed as embed
    import factcheck.stages.extract as extract

    monkeypatch.setattr(embed, "make_embedder", lambda settings: embedder)
    monkeypatch.setattr(extract, "load_spacy", lambda: nlp)
    for name in [name for name in os.environ if name.startswith("FACTCHECK_")]:
        monkeypatch.delenv(name)


STORY = (
    "Harbour Board Votes On Pier\n\n"
    "By Jane Doe\n\n"
    "March 3, 2024\n\n"
    "The harbour board voted on 1 March 2024 to extend the northern pier by {metres} metres. "
    "Work is expected to take two years.\n\n"
    "Fishermen said the longer pier would let larger boats unload at low tide, and the council "
    "said it would pay {share} percent of the cost.\n"
)


def story(metres: int = 40, share: int = 30) -> str:
    return STORY.format(metres=metres, share=share)


def image_only_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write_good(folder: Path) -> None:
    """Three readable documents whose numbers disagree, so there are findings to compare."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.txt").write_text(story(40, 30), encoding="utf-8")
    (folder / "bravo.md").write_text(story(45, 30), encoding="utf-8")
    (folder / "charlie.txt").write_text(story(40, 35), encoding="utf-8")


# What each broken file is called and how its failure is recognised: (code, words in the message).
BROKEN_EXPECTED = {
    "empty.txt": ("FC-E105", "is empty"),
    "blank.txt": ("FC-E105", "is empty"),
    "binary.txt": ("FC-E106", "binary"),
    "scan.pdf": ("FC-E108", "without text"),
    "huge.txt": ("FC-E104", "limit"),
    "notes.docx": ("FC-E102", "not supported"),
    "minified.txt": ("FC-E111", "without a sentence end"),
}
SIZE_LIMIT = 300_000  # set through [tool.factcheck] max_file_bytes in the generated project


def write_broken(folder: Path) -> None:
    """Every kind of bad input next to one another; the readable ones among them still load."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\t\n \r\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "scan.pdf").write_bytes(image_only_pdf())
    (folder / "huge.txt").write_bytes(b"word " * (SIZE_LIMIT // 5 + 10))
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not really a docx")
    # 150k characters without a full stop (minified text), under the size limit.
    (folder / "minified.txt").write_text("Intro line.\n\n" + "value, " * 20_000 + "\n", encoding="utf-8")
    # Readable, in awkward shapes:
    truncated = story(40, 30).replace("Fishermen", "Fischermänner").encode("utf-8") + "café".encode("utf-8")[:-1]
    (folder / "truncated.txt").write_bytes(truncated)
    (folder / "legacy1252.txt").write_bytes(story(40, 30).replace("board", "board\u2019s caf\u00e9").encode("cp1252"))
    (folder / "latin1.txt").write_bytes(story(40, 30).replace("board", "b\u00f6ard").encode("latin-1"))
    (folder / "wide.txt").write_bytes(story(40, 30).encode("utf-16"))  # with its BOM
    (folder / "half.html").write_text(
        "<html><head><meta charset='utf-8'><title>Half saved</title></head><body><article>"
        "<p>The harbour board voted on 1 March 2024 to extend the northern pier by 40 metres. "
        "Work is expected to",
        encoding="utf-8",
    )
    rows = "\n".join(f"| {year} | {year % 97},{year % 13} | north |" for year in range(1000, 6000))
    (folder / "longdoc.txt").write_text(story(40, 30) + "\n" + rows + "\n\n" + story(40, 30), encoding="utf-8")


def project(root: Path, **config: object) -> Path:
    """A project folder (a VCS root, so discovery stops there) with optional [tool.factcheck]."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ".git").mkdir(exist_ok=True)
    if config:
        lines = ["[tool.factcheck]"] + [f"{key} = {value!r}".replace("'", '"') for key, value in config.items()]
        (root / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


CHILD = r"""
import os, signal, sys
sys.path.insert(0, {tests!r})
from conftest import FakeEmbedder, NeutralLM
import factcheck.stages.embed as embed
from factcheck.checks.base import LanguageModelCheck
embed.make_embedder = lambda settings: FakeEmbedder()
LanguageModelCheck.language_model = NeutralLM()
kill = os.environ.get("ROBUSTNESS_KILL", "")

def die():
    os.kill(os.getpid(), signal.SIGKILL)

if kill == "fsync":  # the report is written, not yet renamed into place
    real_fsync = os.fsync
    def fsync(fd):
        real_fsync(fd)
        die()
    os.fsync = fsync
elif kill == "cache":  # mid cold run, after the first document's claims are cached
    from factcheck.cache import Cache
    real_put = Cache.put_blob
    def put_blob(self, namespace, key, data):
        real_put(self, namespace, key, data)
        if namespace == "claims":
            die()
    Cache.put_blob = put_blob
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
main()
"""


def child_script(folder: Path) -> Path:
    script = folder / "factcheck_child.py"
    script.write_text(CHILD.format(tests=str(TESTS)), encoding="utf-8")
    return script


def cli_command(script: Path, *args: str) -> list[str]:
    return [PYTHON, str(script), *args]


def child_env(kill: str = "") -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("FACTCHECK_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ROBUSTNESS_KILL=kill, PYTHONHASHSEED="random")
    return env


def run_cli(script: Path, *args: str, cwd: Path, kill: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        cli_command(script, *args),
        cwd=cwd,
        env=child_env(kill),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
