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
    assert names == ["load", "extract", "embed", "cluster", "check"]


def test_a_stage_before_what_it_needs_is_rejected():
    with pytest.raises(PipelineError, match="cluster.*requires.*embeddings"):
        validate_order([_Stage("load", (), ("documents",)), _Stage("cluster", ("claims", "embeddings"), ("clusters",))])
