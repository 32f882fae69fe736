"""Settings: one validated object built from defaults, config files, environment and options."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model import Severity


class Settings(BaseModel):
    """Everything a run depends on. Unknown keys are errors (extra="forbid")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: tuple[Path, ...] = (Path("seeds"),)
    published: dict[str, date] = Field(default_factory=dict)  # document id -> publication date
    ledger: tuple[Path, ...] = ()  # extra ledger files; claims/*.yaml is always read when present
    ledger_dir: Path | None = Path("claims")
    resolutions: Path | None = Path("claims/resolutions.yaml")
    select: tuple[str, ...] = ()  # check slugs or codes to run; empty = all registered
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)  # slug or code -> severity override
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    cluster_threshold: float = 0.35  # cosine distance, average linkage; see stages/cluster.py
    cache_dir: Path | None = None  # None = the user cache directory
    use_cache: bool = True
    embedder: Literal["minilm", "minilm-int8"] = "minilm"
    max_file_bytes: int = 10_000_000
    max_sentence_chars: int = 2_000
    progress: bool = False
    thresholds: dict[str, float] = Field(default_factory=dict)  # check-specific tunables, "slug.name"

    def threshold(self, name: str, default: float) -> float:
        return self.thresholds.get(name, default)
