"""The README's first two commands are what a fresh machine runs, and CI runs the second."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _bash_blocks(text: str) -> list[str]:
    blocks, inside, current = [], False, []
    for line in text.splitlines():
        if line.startswith("```"):
            if inside:
                blocks.append("\n".join(current).strip())
                current = []
            inside = not inside and line.strip() == "```bash"
            continue
        if inside:
            current.append(line)
    return blocks


def test_first_two_commands_set_up_and_run_check_and_tests():
    setup_and_check, setup_and_test = _bash_blocks((REPO / "README.md").read_text())[:2]
    for command in (setup_and_check, setup_and_test):
        assert command.index("torch==2.13.0") < command.index("-e '.[dev]'"), "torch must be pinned first"
    assert setup_and_check.endswith("factcheck check seeds/")
    assert "pytest" in setup_and_test


def test_ci_runs_the_readme_test_command():
    setup_and_test = _bash_blocks((REPO / "README.md").read_text())[1]
    assert setup_and_test in (REPO / ".ci" / "run").read_text()
