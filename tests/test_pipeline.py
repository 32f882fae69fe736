"""The pipeline checks its stage order when it is built, not mid-run."""

import pytest

from factcheck.config import Settings
from factcheck.pipeline import PipelineError, build_stages, validate_order


class _Stage:
    def __init__(self, name, requires, assigns):
        self.name, self.requires, self.assigns = name, requires, assigns

    def __call__(self, corpus):
        return corpus


def test_standard_order_is_valid():
    names = [stage.name for stage in build_stages(Settings())]
    assert names == ["load", "extract", "embed", "cluster", "corroborate", "check"]


def test_a_stage_before_what_it_needs_is_rejected():
    with pytest.raises(PipelineError, match="cluster.*requires.*embeddings"):
        validate_order([_Stage("load", (), ("documents",)), _Stage("cluster", ("claims", "embeddings"), ("clusters",))])


def test_progress_reports_documents_and_checks_up_to_their_totals(tmp_path, nlp, fake_embedder):
    from factcheck.pipeline import run
    from factcheck.stages.check import registered_checks

    folder = tmp_path / "docs"
    folder.mkdir()
    for number in range(3):
        (folder / f"d{number}.txt").write_text(
            f"The agency launched {number + 2} satellites in 2021.\n", encoding="utf-8"
        )
    settings = Settings(paths=(folder,), use_cache=False, ledger_dir=None, resolutions=None)
    started, counts = [], []
    checks = list(registered_checks().values())[:2]
    run(
        settings,
        embedder=fake_embedder,
        nlp=nlp,
        checks=checks,
        on_stage=started.append,
        on_progress=lambda stage, done, total: counts.append((stage, done, total)),
    )
    assert started == ["load", "extract", "embed", "cluster", "corroborate", "check"]
    extract = [(done, total) for stage, done, total in counts if stage == "extract"]
    assert extract[0] == (0, 3) and extract[-1] == (3, 3)
    assert all(a[0] <= b[0] for a, b in zip(extract, extract[1:]))
    assert [(done, total) for stage, done, total in counts if stage == "check"] == [(0, 2), (1, 2), (2, 2)]


def test_no_progress_output_when_stderr_is_not_a_terminal(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("# Title\n", encoding="utf-8")  # no prose: no model loads
    result = CliRunner().invoke(
        app, ["check", str(folder), "--no-cache", "--isolated", "-f", "json", "-o", str(tmp_path / "out.json")]
    )
    assert "━" not in result.output and "eta" not in result.output
