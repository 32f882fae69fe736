"""ruff's lint rules and format (pyproject.toml) hold on the whole tree, so a slip fails the suite people run, not only CI."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command", [["check", "--output-format", "concise"], ["format", "--check"]], ids=["check", "format"]
)
def test_ruff_is_clean(command):
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it comes with the dev extra)")
    result = subprocess.run(
        [ruff, *command, "src", "tests", "benchmarks"], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, (
        f"run `ruff {' '.join(command)}` (without --check to fix):\n" + result.stdout + result.stderr
    )
