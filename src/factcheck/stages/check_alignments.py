"""The pairwise checks' one pass over the candidate pairs, in blocks on the run's workers.

date-conflict, numeric-conflict and attribution-conflict read the same thing: every candidate
pair of claims aligned word by word (``factcheck.nlp.align``). Run whole, the first of them aligns
the pairs on the client and the others read the alignments it kept. Here the client finds the
candidate pairs and the stems' weights (near-linear, corpus-wide), and the run's engine aligns
them in blocks and applies every pairwise check's ``judge`` to each alignment, in one pass:

* what every block reads travels once per worker and map (the engine's ``shared``): the claims,
  their vectors, the weights, and each check with its ``pairwise_inputs`` (thresholds, datelines;
  never a document's text);
* a block is a list of candidate pairs as positions into those claims;
* a block returns, per check, what its ``judge`` returned, in candidate order: candidate findings
  with the keys the merge ranks them by, never alignments.

The client then hands each check its judgements, the blocks' in block order, so ``merge_judged``
sees exactly what ``run`` would have: the same findings, in the same order, with the same ids,
whatever ran the blocks. A check whose ``judge`` raises on a worker fails alone (its error comes
back in place of its judgements); the other checks' results stand.

(The earlier split, blocks of pairs each carrying their claims and alignments coming back, cost
the client more in pickling than the alignment it moved: see benchmarks/RESULTS.md, speed and scale.)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.checks.base import CheckContext, PairwiseCheck
from factcheck.engine import Engine, Models
from factcheck.model import Claim, Corpus, Finding

# Candidate pairs per block: bbc-1000 has ~104,000, so 26 blocks, enough to share the work evenly
# between workers; a block is ~60 KB of positions, its answer a handful of findings.
PAIRS_PER_BLOCK = 4096
# Local workers from which the pass leaves the client. Each worker pays a fixed cost for all the
# claims whatever its share of the pairs (bbc-1000: unpickling them 1.3 CPU-s, tokenising them 1.5,
# against 4.6 for aligning every pair and the client's 0.5-0.9 for pickling them once), and the cost
# and the alignment both grow with the claims, so the share of the alignment a worker takes off the
# client outweighs the fixed cost only from ~5 workers, at any corpus size. Fewer run the pass here
# (the same code, in this process, without the pickling). A Dask engine takes every block, as it
# does every check's.
MIN_LOCAL_WORKERS = 6


@dataclass
class _Shared:
    """What every block of one pass reads, sent once to each worker."""

    claims: tuple[Claim, ...]
    embeddings: dict[str, Any]  # claim id -> vector, for the claims that have one
    weights: dict[str, float]
    judges: tuple[tuple[PairwiseCheck, Any], ...]  # a fresh instance of each check and its pairwise inputs
    told: dict[str, frozenset[str]]  # the person each claim that names no one tells of (``align.corpus_told``)

    @functools.cached_property
    def aligner(self) -> Any:
        """One aligner per worker and pass: each claim's bag and unit vector are made once for all its blocks."""
        from factcheck.nlp.align import PairAligner

        by_id = {claim.id: claim for claim in self.claims}
        return PairAligner(by_id.__getitem__, self.embeddings, self.weights, self.told)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("aligner", None)  # a worker builds its own
        return state


def judge_block(block: Sequence[tuple[int, int]], models: Models, shared: _Shared) -> list[Any]:
    """One block of candidate pairs, on a worker (or here): per check, its judgements or the error it raised."""
    aligner = shared.aligner
    results: list[Any] = [[] for _ in shared.judges]
    for left, right in block:
        alignment = aligner(shared.claims[left].id, shared.claims[right].id)
        if alignment is None:
            continue
        for number, (check, inputs) in enumerate(shared.judges):
            if isinstance(results[number], BaseException):
                continue
            try:
                results[number].extend(check.judge(alignment, inputs))
            except Exception as error:  # noqa: BLE001 - that check fails alone, as a check run whole would
                results[number] = error
    return results


@dataclass
class _Prepared:
    """A pairwise check the pass ran for: the instance that made its inputs, and what came back."""

    check: PairwiseCheck
    judged: list[Any]
    candidates: int
    error: BaseException | None = None


class AlignmentPass:
    """The alignment work of the pairwise checks a run has to do, run for all of them on first demand.

    ``due`` are the pairwise checks the stage will run (those the check cache did not answer); the
    first ``findings`` runs the pass for all of them, so the candidate pairs are aligned once.
    Too few blocks (``min_parallel_blocks``) run here, as other checks' blocks do.
    """

    def __init__(
        self, corpus: Corpus, context: CheckContext, engine: Engine, due: Sequence[type[PairwiseCheck]]
    ) -> None:
        self.corpus = corpus
        self.context = context
        self.engine = engine
        self.due = tuple(due)
        self._prepared: dict[type[PairwiseCheck], _Prepared] | None = None

    def findings(self, check_class: type[PairwiseCheck]) -> tuple[PairwiseCheck, list[Finding]]:
        """The check's findings, and the instance that made them (for its ``report_data``)."""
        if self._prepared is None:
            self._prepared = self._run()
        prepared = self._prepared[check_class]
        if prepared.error is not None:
            raise prepared.error
        check = prepared.check
        return check, list(check.merge_judged(self.corpus, self.context, prepared.judged, prepared.candidates))

    def _run(self) -> dict[type[PairwiseCheck], _Prepared]:
        from factcheck.nlp.align import corpus_candidates, corpus_told

        prepared: dict[type[PairwiseCheck], _Prepared] = {}
        judges: list[tuple[type[PairwiseCheck], Any]] = []
        for check_class in self.due:
            check = check_class()
            try:
                inputs = check.pairwise_inputs(self.corpus, self.context)
            except Exception as error:  # noqa: BLE001 - the stage records it as that check's failure
                prepared[check_class] = _Prepared(check, [], 0, error)
                continue
            prepared[check_class] = _Prepared(check, [], 0)
            if inputs is not None:
                judges.append((check_class, inputs))
        if not judges:
            return prepared
        pairs, weights = corpus_candidates(self.corpus)
        for check_class, _ in judges:
            prepared[check_class].candidates = len(pairs)
        # Only the claims some pair reads travel, each once; a block names them by position.
        claims = self.corpus.claims
        position = {claim.id: index for index, claim in enumerate(claims)}
        used = sorted({position[claim_id] for pair in pairs for claim_id in pair})
        renumbered = {old: new for new, old in enumerate(used)}
        located = [(renumbered[position[left]], renumbered[position[right]]) for left, right in pairs]
        blocks = [located[start : start + PAIRS_PER_BLOCK] for start in range(0, len(located), PAIRS_PER_BLOCK)]
        embeddings = self.corpus.embeddings
        shared = _Shared(
            claims=tuple(claims[index] for index in used),
            embeddings={claims[i].id: embeddings[claims[i].id] for i in used if claims[i].id in embeddings},
            weights=weights,
            judges=tuple((check_class(), inputs) for check_class, inputs in judges),
            told={claim_id: who for claim_id, who in corpus_told(self.corpus).items() if claim_id in position},
        )
        parallel = self.engine.workers >= MIN_LOCAL_WORKERS and len(blocks) >= min(
            check_class.min_parallel_blocks for check_class, _ in judges
        )
        results: list[Any] = [None] * len(blocks)
        try:
            for index, result in self.engine.map(judge_block, blocks, parallel=parallel, shared=shared):
                results[index] = result
        except Exception as error:  # noqa: BLE001 - the engine gave up (a block killed its workers): each check fails
            for check_class, _ in judges:
                prepared[check_class].error = error
            return prepared
        for number, (check_class, _) in enumerate(judges):
            for result in results:
                outcome = result[number]
                if isinstance(outcome, BaseException):
                    prepared[check_class].error = outcome
                    break
                prepared[check_class].judged.extend(outcome)
        return prepared
