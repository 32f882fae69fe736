"""The cheap first pass of spun-wording detection: which sentences of a document the language model reads.

Reading a sentence with the language model costs about a CPU-second; everything else the
pipeline does to a sentence costs a few milliseconds. Two facts make reading every sentence
unnecessary:

* A spinner rewrites whole texts, so "is this document spun copy?" is a question about the
  document, and a few of its sentences answer it. Clean prose is what a checker mostly sees.
* Where to look is known beforehand, at no cost: a word another source renders differently
  (cross-source alignment), a slot the document fills differently elsewhere ("area
  operations" / "space operations"), content words outside everyday vocabulary (a thesaurus
  word where the everyday one was; ``wordfreq``).

So the first pass ranks the sentences by those signals (``suspicion``), and ``screen`` reads
them with the model most suspicious first, as a sequential test (Wald's SPRT): each sentence
with a strong flag multiplies the odds that the document is spun by ``spun_rate / clean_rate``,
each sentence without one by ``(1 - spun_rate) / (1 - clean_rate)``. When the odds fall below
``stop_odds`` the rest of the document is not read (clean: its unread sentences raise
nothing); when they pass ``read_all_odds`` every sentence is read, so a spun document gets
every phrase reported. Sentences another source paraphrases are always read: that is where
``divergence`` and the "source" signal live.

The trade-off: a swap alone in a clean document, in a sentence the ranking puts late, is not
looked at. It would be reported only at ``standalone_gain`` anyway (an isolated odd word is
more often the small model's error than a spinner's work).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.nlp.spin import Flag, content_word_indices, words_of, zipf

Offers = dict[int, list[tuple[str, str]]]  # word start -> (candidate original, signal)


@dataclass(frozen=True)
class TriagePolicy:
    """The sequential test's rates and bounds (``garbled-wording.<name>`` thresholds)."""

    clean_rate: float = 0.15  # share of the most suspicious sentences of clean prose with a strong flag
    spun_rate: float = 0.5  # ... of spun copy
    stop_odds: float = 0.35  # below this the document is taken as clean and not read further
    read_all_odds: float = 10.0  # above this it is taken as spun and read whole
    min_read: int = 2  # sentences read before the test may stop
    everyday_zipf: float = 4.5  # content words rarer than this add to a sentence's suspicion
    read_all: bool = False  # read every sentence (the model's full view; for benchmarks)

    @classmethod
    def from_settings(cls, settings, prefix: str = "garbled-wording") -> TriagePolicy:
        base = cls()
        if settings is None:
            return base
        return cls(
            clean_rate=settings.threshold(f"{prefix}.triage_clean_rate", base.clean_rate),
            spun_rate=settings.threshold(f"{prefix}.triage_spun_rate", base.spun_rate),
            stop_odds=settings.threshold(f"{prefix}.triage_stop_odds", base.stop_odds),
            read_all_odds=settings.threshold(f"{prefix}.triage_read_all_odds", base.read_all_odds),
            min_read=int(settings.threshold(f"{prefix}.triage_min_read", base.min_read)),
            everyday_zipf=settings.threshold(f"{prefix}.triage_everyday_zipf", base.everyday_zipf),
            read_all=bool(settings.threshold(f"{prefix}.read_all", 0.0)),
        )


@dataclass(frozen=True)
class Screening:
    """What the model read of one document and what it found there."""

    flags: list[list[Flag]]  # per sentence; empty for a sentence not read
    read: list[int]  # sentence numbers in the order read
    read_whole: bool  # the test judged the document spun (or ``read_all``): every sentence read


def suspicion(sentence: str, skip: Sequence[tuple[int, int]], offers: Offers, everyday_zipf: float) -> float:
    """How much a sentence deserves the model, from signals that cost no model: the words the
    document fills differently elsewhere count 3 each, and each content word below everyday
    frequency counts by how far below it is (Zipf units)."""
    words = words_of(sentence)
    score = 0.0
    for index in content_word_indices(sentence, words, skip):
        word = words[index]
        if any(signal == "document" for _, signal in offers.get(word.start, ())):
            score += 3.0
        score += max(0.0, everyday_zipf - zipf(word.text))
    return score


def screen(
    read: Callable[[int], list[Flag]],
    sentences: Sequence[str],
    skips: Sequence[Sequence[tuple[int, int]]],
    offers: Sequence[Offers],
    is_strong: Callable[[Flag], bool],
    policy: TriagePolicy,
) -> Screening:
    """Read a document's sentences with ``read`` (sentence number -> flags), most suspicious
    first, until the sequential test decides; a spun document is read whole."""
    count = len(sentences)
    flags: list[list[Flag]] = [[] for _ in range(count)]
    done: list[int] = []
    sourced = {n for n in range(count) if any(s == "source" for items in offers[n].values() for _, s in items)}
    ranked = sorted(
        range(count),
        key=lambda n: (n not in sourced, -suspicion(sentences[n], skips[n], offers[n], policy.everyday_zipf), n),
    )
    strong_step = math.log(policy.spun_rate / policy.clean_rate)
    clean_step = math.log((1.0 - policy.spun_rate) / (1.0 - policy.clean_rate))
    log_odds, whole = 0.0, policy.read_all
    for number in ranked:
        must = whole or number in sourced
        if not must and len(done) >= policy.min_read and log_odds <= math.log(policy.stop_odds):
            continue
        flags[number] = read(number)
        done.append(number)
        log_odds += strong_step if any(is_strong(flag) for flag in flags[number]) else clean_step
        if log_odds >= math.log(policy.read_all_odds):
            whole = True
    return Screening(flags, done, whole or len(done) == count)
