"""Meta-tests: the check registry is pinned, and every check is documented and has fixtures."""

from pathlib import Path

import pytest

from factcheck.stages.check import registered_checks

GOLDEN = Path(__file__).parent / "golden" / "registry.txt"
CHECK_TESTS = Path(__file__).parent / "checks"


def _registry_lines() -> list[str]:
    return [
        f"{cls.code} {slug} {cls.__module__}:{cls.__name__} {'default' if cls.default_enabled else 'opt-in'}"
        for slug, cls in registered_checks().items()
    ]


def test_registry_matches_golden_file():
    """A check added or removed must be a deliberate change to tests/golden/registry.txt."""
    expected = [line for line in GOLDEN.read_text().splitlines() if line and not line.startswith("#")]
    assert _registry_lines() == expected


@pytest.mark.parametrize("slug", list(registered_checks()))
def test_check_is_documented(slug):
    check_class = registered_checks()[slug]
    doc = check_class.documentation()
    assert len(doc.split()) >= 30, f"{slug}: the docstring is the rule's documentation; write it"
    assert check_class.code.startswith("FC") and check_class.code[2:].isdigit()


@pytest.mark.parametrize("slug", list(registered_checks()))
def test_check_has_fixture_tests(slug):
    assert (CHECK_TESTS / f"test_{slug.replace('-', '_')}.py").exists(), f"{slug} has no fixture tests"


def test_codes_and_slugs_are_unique():
    checks = registered_checks()
    assert len({cls.code for cls in checks.values()}) == len(checks)


def test_opt_in_checks_run_only_when_asked_for():
    from factcheck.checks.base import Check
    from factcheck.config import Settings
    from factcheck.stages.check import select_checks

    class OptIn(Check):
        """A check that runs only when selected."""

        code = "FC999"
        slug = "opt-in-example"
        default_enabled = False

    available = {**registered_checks(), OptIn.slug: OptIn}
    default = [cls.slug for cls in select_checks(Settings(), available)]
    assert "opt-in-example" not in default
    extended = [cls.slug for cls in select_checks(Settings(extend_select=("opt-in-example",)), available)]
    assert extended == default + ["opt-in-example"]
    assert [cls.slug for cls in select_checks(Settings(select=("FC999",)), available)] == ["opt-in-example"]
    assert [
        cls.slug
        for cls in select_checks(Settings(extend_select=("opt-in-example",), ignore=("opt-in-example",)), available)
    ] == default
