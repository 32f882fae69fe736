"""factcheck: offline, source-critical fact-checking across documents."""

from factcheck.config import Settings
from factcheck.model import Claim, Cluster, Corpus, Document, Finding, RunResult, Severity, Span
from factcheck.pipeline import run

__version__ = "0.1.0"

__all__ = ["run", "Settings", "Corpus", "Document", "Claim", "Cluster", "Finding", "RunResult", "Severity", "Span", "__version__"]
