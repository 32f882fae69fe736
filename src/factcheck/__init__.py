"""factcheck: offline, source-critical fact-checking across documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "run",
    "Settings",
    "Corpus",
    "Document",
    "DocumentHeader",
    "Claim",
    "Cluster",
    "Finding",
    "RunResult",
    "Severity",
    "Span",
    "__version__",
]

# The public names load on first use (PEP 562): `factcheck --help` and any `factcheck.x` import
# must not pay for building the pydantic models first.
_LAZY = {
    "Settings": "factcheck.config",
    "run": "factcheck.pipeline",
    **{
        name: "factcheck.model"
        for name in (
            "Claim",
            "Cluster",
            "Corpus",
            "Document",
            "DocumentHeader",
            "Finding",
            "RunResult",
            "Severity",
            "Span",
        )
    },
}

if TYPE_CHECKING:
    from factcheck.config import Settings
    from factcheck.model import Claim, Cluster, Corpus, Document, DocumentHeader, Finding, RunResult, Severity, Span
    from factcheck.pipeline import run


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
