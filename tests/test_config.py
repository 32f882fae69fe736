"""Configuration discovery: files found walking up, precedence, paths, and errors with places."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from factcheck.config import Settings, find_config, load_settings
from factcheck.errors import ConfigError, UsageError
from factcheck.model import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    return root


def test_defaults_without_any_file(project):
    settings = load_settings({}, cwd=project, env={})
    assert settings == Settings()


def test_pyproject_table_found_walking_up_with_kebab_keys(project):
    write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "warning"\n'
        'cluster_threshold = 0.3\nselect = ["date-conflict"]\n',
    )
    nested = project / "docs" / "drafts"
    nested.mkdir(parents=True)
    settings = load_settings({}, cwd=nested, env={})
    assert settings.fail_on is Severity.WARNING
    assert settings.cluster_threshold == 0.3
    assert settings.select == ("date-conflict",)
    assert find_config(nested) == project / "pyproject.toml"


def test_pyproject_without_our_table_is_skipped(project):
    write(project / "pyproject.toml", '[tool.factcheck]\nfail-on = "info"\n')
    write(project / "sub" / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    assert find_config(project / "sub") == project / "pyproject.toml"


def test_factcheck_toml_wins_over_pyproject_in_the_same_directory(project):
    write(project / "pyproject.toml", '[tool.factcheck]\nfail-on = "info"\n')
    write(project / "factcheck.toml", 'fail-on = "warning"\n')
    assert load_settings({}, cwd=project, env={}).fail_on is Severity.WARNING


def test_nearest_file_wins(project):
    write(project / "factcheck.toml", 'fail-on = "warning"\n')
    write(project / "sub" / "factcheck.toml", 'fail-on = "info"\n')
    assert load_settings({}, cwd=project / "sub", env={}).fail_on is Severity.INFO


def test_discovery_stops_at_the_repository_root(tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-on = "info"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find_config(repo) is None
    assert load_settings({}, cwd=repo, env={}).fail_on is Severity.ERROR


def test_relative_paths_resolve_against_the_config_directory(project):
    write(
        project / "factcheck.toml",
        'paths = ["articles"]\nresolutions = "review/res.yaml"\nledger = "facts.yaml"\ncache-dir = "/abs/cache"\n',
    )
    settings = load_settings({}, cwd=project / "deep" / "er", env={})
    assert settings.paths == (project / "articles",)
    assert settings.resolutions == project / "review" / "res.yaml"
    assert settings.ledger == (project / "facts.yaml",)
    assert settings.cache_dir == Path("/abs/cache")
    # Project defaults are anchored at the project root too, so subdirectories see the same files.
    assert settings.ledger_dir == project / "claims"


def test_tables_severities_thresholds_and_dates(project):
    write(
        project / "factcheck.toml",
        '[severity]\ndate-conflict = "info"\nFC002 = "error"\n\n'
        '[thresholds]\n"spin.min-score" = 0.8\n\n[published]\n000 = 2025-02-10\n',
    )
    settings = load_settings({}, cwd=project, env={})
    assert settings.severity == {"date-conflict": Severity.INFO, "FC002": Severity.ERROR}
    assert settings.thresholds == {"spin.min-score": 0.8}
    assert settings.published == {"000": date(2025, 2, 10)}


def test_unknown_key_names_key_file_and_line(project):
    config = write(
        project / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.factcheck]\nfail-on = "error"\nfial-on = "warning"\n',
    )
    with pytest.raises(ConfigError) as caught:
        load_settings({}, cwd=project, env={})
    assert caught.value.path == str(config)
    assert caught.value.line == 6
    assert "fial-on" in str(caught.value)
    assert str(caught.value).startswith(f"{config}:6: ")


def test_unknown_subtable_is_reported(project):
    write(project / "factcheck.toml", 'fail-on = "error"\n\n[severities]\nx = "info"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings({}, cwd=project, env={})
    assert "severities" in caught.value.message and caught.value.line == 3


def test_bad_value_names_the_key_and_line(project):
    write(project / "factcheck.toml", '\nfail-on = "fatal"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings({}, cwd=project, env={})
    assert "fail-on" in caught.value.message and caught.value.line == 2


def test_malformed_toml_gives_line_and_column(project):
    config = write(project / "factcheck.toml", 'fail-on = "error"\ncluster-threshold = \n')
    with pytest.raises(ConfigError) as caught:
        load_settings({}, cwd=project, env={})
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(config), 2, 21)
    assert "malformed TOML" in caught.value.message


def test_malformed_pyproject_with_our_table_is_an_error_not_skipped(project):
    write(project / "pyproject.toml", '[tool.factcheck]\nfail-on = "error\n')
    with pytest.raises(ConfigError):
        load_settings({}, cwd=project, env={})


def test_precedence_defaults_file_environment_command_line(project):
    write(
        project / "factcheck.toml", 'fail-on = "info"\ncluster-threshold = 0.2\nuse-cache = false\nmax-file-bytes = 5\n'
    )
    env = {
        "FACTCHECK_CLUSTER_THRESHOLD": "0.25",
        "FACTCHECK_MAX_FILE_BYTES": "7",
        "UNRELATED": "1",
        "FACTCHECK_NOT_A_SETTING": "ignored",
    }
    settings = load_settings({"max_file_bytes": 9, "fail_on": None}, cwd=project, env=env)
    assert settings.fail_on is Severity.INFO  # file (command line gave None = not given)
    assert settings.cluster_threshold == 0.25  # environment over file
    assert settings.max_file_bytes == 9  # command line over environment
    assert settings.use_cache is False  # file over default
    assert settings.embedder == "minilm"  # default


def test_environment_lists_tables_and_paths(project):
    env = {
        "FACTCHECK_FAIL_ON": "warning",
        "FACTCHECK_CACHE_DIR": "/tmp/fc-cache",
        "FACTCHECK_SELECT": "date-conflict, FC002",
        "FACTCHECK_SEVERITY": "date-conflict=info",
        "FACTCHECK_EXIT_ZERO": "true",
    }
    settings = load_settings({}, cwd=project, env=env)
    assert settings.fail_on is Severity.WARNING
    assert settings.cache_dir == Path("/tmp/fc-cache")
    assert settings.select == ("date-conflict", "FC002")
    assert settings.severity == {"date-conflict": Severity.INFO}
    assert settings.exit_zero is True


def test_bad_environment_value_names_the_variable(project):
    with pytest.raises(ConfigError) as caught:
        load_settings({}, cwd=project, env={"FACTCHECK_FAIL_ON": "loud"})
    assert "FACTCHECK_FAIL_ON" in str(caught.value)


def test_explicit_config_path_is_used_even_outside_the_tree(project, tmp_path):
    elsewhere = write(tmp_path / "other" / "ci.toml", 'fail-on = "warning"\n')
    write(project / "factcheck.toml", 'fail-on = "info"\n')
    settings = load_settings({}, config_path=elsewhere, cwd=project, env={})
    assert settings.fail_on is Severity.WARNING
    with pytest.raises(ConfigError):
        load_settings({}, config_path=tmp_path / "missing.toml", cwd=project, env={})


def test_explicit_pyproject_reads_its_tool_table(project, tmp_path):
    config = write(tmp_path / "x" / "pyproject.toml", '[tool.factcheck]\nfail-on = "info"\n')
    assert load_settings({}, config_path=config, cwd=project, env={}).fail_on is Severity.INFO


def test_isolated_ignores_files(project):
    write(project / "factcheck.toml", 'fail-on = "info"\nbogus = 1\n')
    assert load_settings({}, isolated=True, cwd=project, env={}).fail_on is Severity.ERROR
    with pytest.raises(UsageError):
        load_settings({}, isolated=True, config_path=project / "factcheck.toml", cwd=project, env={})


def test_unknown_command_line_setting_is_a_usage_error(project):
    with pytest.raises(UsageError):
        load_settings({"no_such": 1}, isolated=True, cwd=project, env={})
