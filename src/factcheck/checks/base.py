"""The Check base class every built-in and plugin check derives from."""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from factcheck.config import Settings
from factcheck.model import Corpus, Finding, Severity, Span, make_finding


@dataclass
class CheckContext:
    """What a check may consult besides the corpus: settings and the reference ledger."""

    settings: Settings = field(default_factory=Settings)
    ledger: Any = None  # factcheck.ledger.Ledger, or None when no ledger is loaded


class Check:
    """A check only produces findings; selection, severities and resolutions are the runner's.

    Subclasses set ``code`` (stable, FC001...), ``slug`` (kebab-case) and ``severity``
    (the default), and write their documentation as the class docstring: what it checks,
    why it matters, an example, how to suppress. ``factcheck rule CODE`` prints it.
    """

    code: ClassVar[str]
    slug: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    # Costly checks (a language model over every sentence) run only when asked for, by
    # --checks/--enable or `select`/`extend-select` in configuration.
    default_enabled: ClassVar[bool] = True
    # Pairs a pairwise check compared in its last run (set by run); the runner records it in
    # corpus.extras["candidate_pairs"], so a benchmark shows whether blocking keeps it near-linear.
    candidate_pairs: int | None = None

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def report_data(self, corpus: Corpus, findings: list[Finding]) -> dict[str, Any] | None:
        """Optional per-run summary for reporters (e.g. a spin score per document).

        Called after ``run`` with the findings it produced; stored under
        ``corpus.extras["checks"][slug]`` and shown in the report and the JSON summary.
        """
        return None

    def finding(
        self,
        message: str,
        evidence: list[Span] | tuple[Span, ...],
        *,
        severity: Severity | None = None,
        suggestion: str | None = None,
        key: str = "",
        data: dict[str, Any] | None = None,
    ) -> Finding:
        return make_finding(
            self.slug,
            self.code,
            severity or self.severity,
            message,
            evidence,
            suggestion=suggestion,
            key=key,
            data=data,
        )

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().split("\n", 1)[0]


class LanguageModelCheck(Check):
    """A check that reads sentences with a language model (Gemma 3 270M unless one is injected).

    On by default: a cheap first pass (``factcheck.nlp.triage``) decides which sentences the
    model reads, so a clean document costs the model a couple of sentences.
    """

    # Tests set this to a LanguageModel through ``using``; None loads Gemma on first use.
    language_model: ClassVar[Any] = None

    @classmethod
    def using(cls, lm: Any) -> type["LanguageModelCheck"]:
        """This check bound to a given language model (tests inject a fake)."""
        return type(cls.__name__, (cls,), {"language_model": lm, "__doc__": cls.__doc__})

    @classmethod
    def prepare_early(cls, settings: Any) -> None:
        """Start the model's one-time conversion as the run starts (``pipeline.run``), so that it
        overlaps loading, parsing and encoding instead of following them."""
        if cls.language_model is None:
            from factcheck.nlp.lm import default_lm_dir, prepare_in_background

            prepare_in_background(default_lm_dir(settings.cache_dir))

    def _lm(self, context: CheckContext) -> Any:
        if self.language_model is not None:
            return self.language_model
        from factcheck.nlp.lm import load_lm

        return load_lm(context.settings.cache_dir)
