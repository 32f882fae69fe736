"""The Check base class every built-in and plugin check derives from."""

from __future__ import annotations

import inspect
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from factcheck.config import Settings
from factcheck.model import Corpus, Finding, Severity, Span, make_finding


@dataclass
class CheckContext:
    """What a check may consult besides the corpus: settings and the reference ledger."""

    settings: Settings = field(default_factory=Settings)
    ledger: Any = None  # factcheck.ledger.Ledger, or None when no ledger is loaded
    # Set when a block runs on a worker: the cores its share allows a model (None: this process's run).
    worker_threads: int | None = None


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
    # From this many blocks on (see ``blocks``) the runner hands them to the run's workers; fewer
    # run in this process, where starting workers and loading their models would cost more.
    min_parallel_blocks: ClassVar[int] = 16

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        """The check's findings. A check that splits into blocks need not write it: its blocks run
        here, one after the other, which is what the runner's workers do in parallel."""
        blocks = self.blocks(corpus, context)
        if blocks is None:
            raise NotImplementedError
        return self.merge(corpus, context, [self.run_block(block, context) for block in blocks])

    def blocks(self, corpus: Corpus, context: CheckContext) -> Sequence[Any] | None:
        """The check's costly work cut into independent blocks, or None (the default): it runs whole.

        A block is picklable and carries everything its part of the check reads (a document's
        sentences; candidate pairs with their claims), so ``run_block(block, context)`` can run on
        any worker, on a fresh instance of the check. Blocks that carry texts are best built as
        each is taken (``factcheck.engine.LazyJobs``): the engines take them one at a time as they
        send them, so the client holds the texts of the blocks in flight, never of all. ``merge`` then turns the blocks' results,
        in block order, into the findings; it runs on the instance that made the blocks, so state
        kept by ``blocks`` is there for it and for ``report_data``.
        """
        return None

    def run_block(self, block: Any, context: CheckContext) -> Any:
        raise NotImplementedError

    @classmethod
    def before_workers(cls, settings: Settings) -> None:
        """Called on the client before the check's blocks run, on the workers or here (a model to prepare once)."""

    def merge(self, corpus: Corpus, context: CheckContext, results: list[Any]) -> list[Finding]:
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


class PairwiseCheck(Check):
    """A check that compares the corpus's aligned candidate pairs (``factcheck.nlp.align``).

    Its work is cut at the alignment: ``pairwise_inputs`` gathers on the client what judging
    one alignment reads besides the two claims (thresholds, a document's dateline), ``judge``
    decides what one alignment means and returns what the merge needs (candidate findings with
    the keys they are ranked by, never the alignment), and ``merge_judged`` reduces those, in
    candidate order, to the findings. So the runner can align the candidate pairs in blocks on
    its workers and apply every pairwise check's ``judge`` in one pass over them
    (``factcheck.stages.check_alignments``); ``run`` is the same done here, over the alignments
    the corpus keeps for every check.
    """

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        from factcheck.nlp.align import corpus_alignments

        inputs = self.pairwise_inputs(corpus, context)
        judged: list[Any] = []
        candidates = 0
        if inputs is not None:
            index = corpus_alignments(corpus)
            candidates = index.candidates
            for alignment in index.alignments:
                judged.extend(self.judge(alignment, inputs))
        return self.merge_judged(corpus, context, judged, candidates)

    def pairwise_inputs(self, corpus: Corpus, context: CheckContext) -> Any | None:
        """What ``judge`` reads besides the alignment: picklable and small, since it travels to every
        worker; None when this corpus needs no alignment (the merge then gets no judgements). State
        kept here is there for ``merge_judged``, which runs on the same instance."""
        raise NotImplementedError

    def judge(self, alignment: Any, inputs: Any) -> list[Any]:
        """What one alignment (``factcheck.nlp.align.Alignment``) means to the check; on any worker, on a
        fresh instance."""
        raise NotImplementedError

    def merge_judged(
        self, corpus: Corpus, context: CheckContext, judged: list[Any], candidates: int
    ) -> Iterable[Finding]:
        """The findings from every alignment's judgements in candidate order (``candidates``: the pairs
        considered, aligned or not)."""
        raise NotImplementedError


def connected_groups(pairs: Sequence[tuple[Hashable, Hashable]]) -> list[list[int]]:
    """The positions of ``pairs`` grouped by the members they share, directly or through other pairs (the
    connected components): each group in the pairs' order, the groups in the order of their first pair.

    What a check reports once however many sources carry it: one quote matched across five outlets, one
    figure given as "23" by eight sources and "26" by four. The order follows ``pairs`` alone, never a hash.
    """
    parent: dict[Hashable, Hashable] = {}

    def root(member: Hashable) -> Hashable:
        parent.setdefault(member, member)
        while parent[member] != member:
            parent[member] = parent[parent[member]]
            member = parent[member]
        return member

    for left, right in pairs:
        left_root, right_root = root(left), root(right)
        if left_root != right_root:
            parent[right_root] = left_root
    groups: dict[Hashable, list[int]] = {}
    for position, (left, _) in enumerate(pairs):
        groups.setdefault(root(left), []).append(position)
    return list(groups.values())


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
        unbound = cls.__dict__.get("_unbound", cls)
        return type(cls.__name__, (cls,), {"language_model": lm, "__doc__": cls.__doc__, "_unbound": unbound})

    def __reduce__(self) -> tuple[Any, ...]:
        # To a worker, a check travels as the importable class it derives from and the model it
        # reads with: a class made by ``using``, or a model set on the class here, exists only here.
        unbound = type(self).__dict__.get("_unbound", type(self))
        return (_bound_check, (unbound, type(self).language_model), self.__dict__)

    @classmethod
    def prepare_early(cls, settings: Any) -> None:
        """Start the model's one-time conversion as the run starts (``pipeline.run``), so that it
        overlaps loading, parsing and encoding instead of following them."""
        if cls.language_model is None:
            from factcheck.nlp.lm import default_lm_dir, prepare_in_background

            prepare_in_background(default_lm_dir(settings.cache_dir))

    @classmethod
    def before_workers(cls, settings: Settings) -> None:
        """Wait for the model's one-time conversion (started by ``prepare_early``) before blocks
        go to the workers: they read the converted model from the cache, never convert it."""
        if cls.language_model is None:
            from factcheck.nlp.lm import default_lm_dir, prepare

            prepare(default_lm_dir(settings.cache_dir))

    def _lm(self, context: CheckContext) -> Any:
        if self.language_model is not None:
            return self.language_model
        from factcheck.nlp.lm import load_lm

        if context.worker_threads is not None:
            return load_lm(context.settings.cache_dir, threads=context.worker_threads, convert=False)
        return load_lm(context.settings.cache_dir)


def _bound_check(check_class: type[LanguageModelCheck], lm: Any) -> LanguageModelCheck:
    """A check rebuilt on a worker with the model it was sent with (see ``__reduce__``)."""
    if lm is not check_class.language_model:
        check_class = check_class.using(lm)
    return check_class()
