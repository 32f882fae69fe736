"""Signal 1 of spun-wording detection: the language model's view of each sentence, candidate originals rescored.

One batched pass per sentence gives each word's log-probability in context and the model's top
alternatives. A content word is shortlisted when the context makes it *less* likely than its
everyday frequency (``wordfreq``) and the model clearly prefers other words there. For the
shortlist only, candidate originals are swapped in and a window around the word rescored: spun
wording is a swap whose original makes the text much more likely (the words after it included),
not merely a rare word. Results are cached per sentence as soon as each is scored.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from factcheck.cache import Cache
from factcheck.nlp.spin.flips import contrast
from factcheck.nlp.spin.words import (
    STOPWORDS,
    content_word_indices,
    frequency_logprob,
    is_typo,
    is_variant,
    words_of,
    zipf,
)

SCORER_VERSION = "19"


@dataclass
class Flag:
    """A word the detector believes was swapped, with its likely original and the evidence."""

    start: int  # offsets into the sentence
    end: int
    text: str
    suggestion: str
    score: float  # log-likelihood gain of the sentence with the suggestion (nats)
    signals: list[str] = field(default_factory=list)
    context_logprob: float = 0.0
    frequency_logprob: float = 0.0
    rest_gain: float = 0.0

    @property
    def pmi(self) -> float:
        """How much less likely the context makes the word than its everyday frequency (< 0: disfavoured)."""
        return self.context_logprob - self.frequency_logprob

    @property
    def corroborated(self) -> bool:
        """Another source or the document itself offers the suggestion in this place."""
        return "source" in self.signals or "document" in self.signals

    def is_strong(self, thresholds: "Thresholds") -> bool:
        """Another source offers the suggestion, or the swap gains ``min_gain`` and the context
        positively disfavours the word or the document agrees: the flag counts towards the
        document's spin score. A weak flag is shown only in a document judged spun."""
        if "source" in self.signals:
            return True
        return self.score >= thresholds.min_gain and (self.pmi < thresholds.strong_pmi or self.corroborated)

    def is_shown(self, thresholds: "Thresholds") -> bool:
        """Worth showing at all: a word the context expects more than its everyday frequency
        (``pmi`` at least ``backed_pmi``) reads as chosen, not swapped, unless another signal
        backs the suggestion (another source, the document's own wording, or a neighbouring swap
        put back: "prosperous" reads well until "release" is "launch" again)."""
        return self.pmi < thresholds.backed_pmi or bool({"source", "document", "joint"} & set(self.signals))

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Thresholds:
    """Tunables, calibrated on the synthetic split (benchmarks/garbled.py) and clean documents."""

    max_pmi: float = 1.5  # context log-prob minus frequency log-prob: above this the context expects the word
    strong_pmi: float = -1.0  # below this the context positively disfavours it: a strong flag
    margin: float = 1.0  # a near-synonym the left context prefers by this much is a candidate original
    min_gain: float = 5.0  # swapping in the suggestion raises the window's log-likelihood this much
    min_weak_gain: float = 3.5  # a smaller gain makes only a weak flag (shown in documents judged spun)
    min_rest_gain: float = -1.0  # ... and the words after the swap do not get much less likely
    min_source_gain: float = 1.0  # a substitution seen against another source needs only this gain
    standalone_gain: float = 13.0  # a strong flag this confident is reported even in an unspun document
    backed_pmi: float = 1.0  # a flag on a word the context expects this much is shown only with another signal
    # (strong_pmi, standalone_gain and backed_pmi only sort flags the scorer found; they do not change its cache key)
    top_k: int = 200
    neighbours: int = 100  # how many embedding neighbours count as near-synonyms
    nearest: int = 4  # the nearest neighbours always tried as originals
    from_vocabulary: int = 2  # neighbours the document itself uses elsewhere, also tried
    rank_prior: float = (
        1.0  # a spinner picks close synonyms: suggestion score = gain - rank_prior * ln(1 + neighbour rank)
    )
    window_right: int = 6  # words after the swap rescored
    # Words before the swap read when rescoring (0: all the text before it, the previous sentence
    # included). Each candidate re-reads them (CTranslate2 shares no prefix), so they are most of
    # the cost: 12 words cost about half of reading all the text before (benchmarks/RESULTS.md,
    # "Spun wording: where the time went").
    window_left: int = 12
    # A candidate the words before the swap disfavour by more than this (its log-probability there,
    # from the first pass, against the word's) is not rescored: the words after a swap made up at
    # most about 8 nats on the calibration sentences, so it could not reach ``min_weak_gain``.
    min_left_gain: float = -4.5
    max_shortlist: int = 4
    max_candidates: int = 3
    # Candidates rescored per word, in order of evidence: another source's wording, the document's,
    # those the left context prefers, then the document's vocabulary and the nearest neighbours.
    # Each costs a read of the window; on seed 003 read whole, the suggestion reported came from
    # the first three in 34 of 37 flags, and the other three were wrong (benchmarks/RESULTS.md,
    # "Spun wording: where the time went").
    max_tried: int = 3
    # A candidate the model reads as the word's opposite by this much (nats, ``flips.contrast``,
    # the measure and threshold of divergence) is no synonym, so no suggestion.
    max_contrast: float = 1.0

    @classmethod
    def from_settings(cls, settings, prefix: str = "garbled-wording") -> "Thresholds":
        base = cls()
        if settings is None:
            return base
        values = {name: settings.threshold(f"{prefix}.{name}", getattr(base, name)) for name in asdict(base)}
        for name, default in asdict(base).items():
            if isinstance(default, int):
                values[name] = int(values[name])
        return cls(**values)


CACHE_NAMESPACE = "spin"


_REPORTING_THRESHOLDS = frozenset({"strong_pmi", "standalone_gain", "backed_pmi"})


@dataclass(frozen=True)
class _Tried:
    """One candidate original swapped in for a shortlisted word, and what it did to the text."""

    score: float  # the gain less the synonym-rank prior (the document's own wording has none)
    gain: float  # log-likelihood gain of the window with the candidate (nats)
    rest_gain: float  # the part of it on the words after the swap
    candidate: str


@dataclass
class _Shortlisted:
    index: int  # word index in the sentence
    logprob: float  # the word's log-probability in context
    pmi: float
    candidates: list[str]
    from_source: bool


class LMSpinScorer:
    """Signal 1: the language model's view of each sentence, with candidate originals rescored."""

    def __init__(
        self,
        lm,
        thresholds: Thresholds | None = None,
        cache: Cache | None = None,
        on_sentence: Callable[[], None] | None = None,
    ) -> None:
        self.lm = lm
        self.thresholds = thresholds or Thresholds()
        self.cache = cache
        self.on_sentence = on_sentence  # called after each sentence the model scored (progress)
        self._near: dict[str, list[str]] = {}
        self._contrast: dict[tuple[str, str], float] = {}

    def _neighbours(self, word: str) -> list[str]:
        lookup = getattr(self.lm, "neighbours", None)
        if lookup is None:
            return []
        word = word.casefold()  # a title word's neighbours are its lower-case form's
        if word not in self._near:
            self._near[word] = lookup(word, self.thresholds.neighbours)
        return self._near[word]

    def _contrasting(self, word: str, candidate: str) -> bool:
        """The model reads ``candidate`` as the opposite of ``word`` rather than another word for
        it, by the measure divergence uses (``flips.contrast``); cached per pair."""
        pair = (word.casefold(), candidate.casefold())
        if pair not in self._contrast:
            self._contrast[pair] = contrast(self.lm, *pair)
        return self._contrast[pair] >= self.thresholds.max_contrast

    def _usable_neighbours(self, word: str) -> list[str]:
        """Neighbours that could be the original: not function words, not the word's own inflections."""
        return [c for c in self._neighbours(word) if c not in STOPWORDS and not is_variant(c, word)]

    def _key(
        self,
        sentence: str,
        context: str,
        skip: Sequence[tuple[int, int]],
        extra: dict[int, list[tuple[str, str]]],
        vocabulary_hash: str,
    ) -> str:
        analysis = {k: v for k, v in asdict(self.thresholds).items() if k not in _REPORTING_THRESHOLDS}
        payload = json.dumps(
            [
                SCORER_VERSION,
                getattr(self.lm, "name", "lm"),
                analysis,
                sentence,
                context,
                sorted(skip),
                sorted((k, sorted(map(list, v))) for k, v in extra.items()),
                vocabulary_hash,
            ]
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def analyse(
        self,
        sentences: Sequence[str],
        skips: Sequence[Sequence[tuple[int, int]]] | None = None,
        extra_candidates: Sequence[dict[int, list[tuple[str, str]]]] | None = None,
        contexts: Sequence[str] | None = None,
        vocabulary: Iterable[str] = (),
    ) -> list[list[Flag]]:
        """Flags per sentence. ``skips`` are spans (names) to leave alone; ``extra_candidates``
        maps a word's start offset to ``(candidate, signal)`` pairs from the other signals
        ("source": another document's wording; "document": the same slot elsewhere in it);
        ``contexts`` is text read before each sentence (its predecessor), so the model knows
        the topic ("space" is likelier than "area" in a piece about satellites); ``vocabulary``
        holds the words of the whole document: a spinner rarely swaps every occurrence of a
        term, so a near-synonym the document uses elsewhere is a candidate original."""
        skips = skips or [()] * len(sentences)
        extra_candidates = extra_candidates or [{}] * len(sentences)
        contexts = contexts or [""] * len(sentences)
        vocabulary = frozenset(word.casefold() for word in vocabulary)
        vocabulary_hash = hashlib.sha256("\n".join(sorted(vocabulary)).encode("utf-8")).hexdigest()
        results: list[list[Flag] | None] = [None] * len(sentences)
        keys = [self._key(*item, vocabulary_hash) for item in zip(sentences, contexts, skips, extra_candidates)]
        todo = []
        for index, key in enumerate(keys):
            cached = self.cache.get_blob(CACHE_NAMESPACE, key) if self.cache is not None else None
            if cached is not None:
                results[index] = [Flag(**item) for item in json.loads(cached)]
            else:
                todo.append(index)
        for index in todo:
            # Each sentence is stored as soon as it is scored, so an interrupted run over a long
            # document loses one sentence's work, not the document's. (The runtime batches only
            # sequences of equal length, which rarely span sentences, so this costs no speed.)
            # Line breaks become spaces: same length, so offsets still hold.
            text, prefix, skip, extra = (
                _flat(sentences[index]),
                _flat(contexts[index]),
                skips[index],
                extra_candidates[index],
            )
            flags_per_sentence = self._analyse_batch([text], [prefix], [skip], [extra], vocabulary)
            self._follow_up([text], [prefix], [skip], [extra], vocabulary, flags_per_sentence)
            results[index] = flags = flags_per_sentence[0]
            if self.cache is not None:
                self.cache.put_blob(CACHE_NAMESPACE, keys[index], json.dumps([flag.to_dict() for flag in flags]))
            if self.on_sentence is not None:
                self.on_sentence()
        return [flags or [] for flags in results]

    def _analyse_batch(
        self,
        texts: Sequence[str],
        contexts: Sequence[str],
        skips,
        extras,
        vocabulary: frozenset[str],
        only: Sequence[set[int]] | None = None,
    ) -> list[list[Flag]]:
        """One scoring pass over every sentence (after its context), then the shortlist rescored."""
        prefixes = [context + " " if context.strip() else "" for context in contexts]
        # Every near-synonym of a content word is probed where the word stands, so the left
        # context's view of each is known however low it ranks among all words.
        probes = []
        for text, prefix, skip in zip(texts, prefixes, skips):
            words = words_of(text)
            probes.append(
                {
                    len(prefix) + words[index].start: [
                        _in_case(c, words[index].text) for c in self._usable_neighbours(words[index].text)
                    ]
                    for index in content_word_indices(text, words, skip)
                }
            )
        token_scores = self.lm.score_tokens(
            [p + t for p, t in zip(prefixes, texts)], top_k=self.thresholds.top_k, probes=probes
        )
        shortlists = []
        for number, (text, prefix, tokens) in enumerate(zip(texts, prefixes, token_scores)):
            shift = len(prefix)
            own = [replace(t, start=t.start - shift, end=t.end - shift) for t in tokens if t.start >= shift]
            shortlist = self._shortlist(text, own, skips[number], extras[number], vocabulary)
            if only is not None:
                shortlist = [item for item in shortlist if item.index in only[number]]
            shortlists.append(shortlist)
        return self._rescore(texts, prefixes, shortlists, extras)

    def _follow_up(
        self,
        texts: Sequence[str],
        contexts: Sequence[str],
        skips,
        extras,
        vocabulary: frozenset[str],
        flags_per_sentence,
        rounds: int = 3,
    ) -> None:
        """Spinners swap neighbouring words together ("successful launch" -> "prosperous release"),
        and each swap hides the other from the model. Where a word was flagged, its suggestion is
        put in place and the content words next to it are examined again; what that finds is
        added, with the signal "joint", and its own neighbours are examined in the next round
        ("Mars investigation, weapon protection"). A flag next to a stronger one was judged with
        the stronger swap still in place ("area ecosystem": "ecosystem" reads oddly only after
        "area"), so it is dropped and its word examined again the same way."""
        examined: list[set[int]] = [set() for _ in texts]
        fresh: list[list[Flag]] = [[] for _ in texts]  # flags whose neighbours are read in the next round
        demoted: list[set[int]] = [set() for _ in texts]
        for number, flags in enumerate(flags_per_sentence):
            index_of = {w.start: i for i, w in enumerate(words_of(texts[number]))}
            anchors: dict[int, Flag] = {}
            for flag in sorted(flags, key=lambda f: ("source" not in f.signals, -f.score, f.start)):
                index = index_of[flag.start]
                if "source" in flag.signals or all(abs(index - other) > 2 for other in anchors):
                    anchors[index] = flag
                else:
                    demoted[number].add(index)
            flags_per_sentence[number] = fresh[number] = sorted(anchors.values(), key=lambda flag: flag.start)
        for _ in range(rounds):
            numbers, corrected, only, moved_extras = [], [], [], []
            for number, flags in enumerate(flags_per_sentence):
                if not flags or any(not flag.suggestion.isalpha() for flag in flags):
                    continue
                words = words_of(texts[number])
                index_of = {w.start: i for i, w in enumerate(words)}
                flagged = {index_of[flag.start]: flag for flag in flags}
                around = [index_of[flag.start] for flag in fresh[number]]
                nearby = {k for index in around for k in range(index - 2, index + 3)} | demoted[number]
                nearby = (nearby - set(flagged) - examined[number]) & set(
                    content_word_indices(texts[number], words, skips[number])
                )
                if not nearby:
                    continue
                examined[number] |= nearby
                text = texts[number]
                for index in sorted(flagged, reverse=True):
                    text = text[: words[index].start] + flagged[index].suggestion + text[words[index].end :]
                new_words = words_of(text)
                numbers.append(number)
                corrected.append(text)
                only.append(nearby)
                moved_extras.append(
                    {
                        new_words[k].start: extras[number][w.start]
                        for k, w in enumerate(words)
                        if w.start in extras[number]
                    }
                )
            demoted = [set() for _ in texts]
            fresh = [[] for _ in texts]
            if not numbers:
                return
            found = self._analyse_batch(
                corrected, [contexts[n] for n in numbers], [()] * len(numbers), moved_extras, vocabulary, only
            )
            for number, text, flags in zip(numbers, corrected, found):
                words, new_words = words_of(texts[number]), words_of(text)
                for flag in flags:
                    word = words[next(i for i, w in enumerate(new_words) if w.start == flag.start)]
                    fresh[number].append(
                        replace(flag, start=word.start, end=word.end, text=word.text, signals=[*flag.signals, "joint"])
                    )
                flags_per_sentence[number] = sorted(
                    [*flags_per_sentence[number], *fresh[number]], key=lambda flag: flag.start
                )

    def _shortlist(
        self, sentence: str, tokens, skip, extra: dict[int, list[tuple[str, str]]], vocabulary: frozenset[str]
    ) -> list[_Shortlisted]:
        """Words the context disfavours, with the near-synonyms worth trying in their place.

        A spinner swaps a word for a near-synonym, so the original is one of the observed word's
        neighbours in the model's embeddings: those the left context prefers, the nearest few
        (the words after the swap may be what makes the original clear) and what the other
        signals offer.
        """
        th = self.thresholds
        words = words_of(sentence)
        found = []
        for index in content_word_indices(sentence, words, skip):
            word = words[index]
            mine = [t for t in tokens if t.start < word.end and word.start < t.end]
            if not mine:
                continue
            context = sum(t.logprob for t in mine)
            pmi = context - frequency_logprob(word.text)
            alternatives = _in_lower_case(mine[0].alternatives, word.text)
            offered = [(c, signal) for c, signal in extra.get(word.start, []) if not is_variant(c, word.text)]
            from_source = [c for c, signal in offered if signal == "source"]
            if pmi >= th.max_pmi and not from_source:
                continue
            # The context would rather read the word spelt a letter differently ("security treat"
            # for "treaty"): a slip, not a synonym swap. (A preferred inflection proves nothing:
            # spinners ignore agreement, "weapon protection" for "missile defense".)
            if any(
                text.startswith(" ") and is_typo(text[1:], word.text) and lp - context > th.margin
                for text, lp in alternatives
            ):
                continue
            near = self._neighbours(word.text)
            rank = {c: r for r, c in enumerate(near)}
            from_document = sorted(
                (c for c, signal in offered if signal == "document" and c in rank), key=rank.__getitem__
            )[: th.max_candidates]
            # The neighbours the left context prefers, the closest synonyms first.
            preference = {
                c: lp - context - th.rank_prior * math.log1p(rank[c])
                for c, lp in dict(_word_alternatives(alternatives, word.text)).items()
                if c in rank and lp - context > th.margin
            }
            preferred = sorted(preference, key=lambda c: (-preference[c], c))[: th.max_candidates]
            usable = self._usable_neighbours(word.text)
            in_vocabulary = [c for c in usable if c in vocabulary][: th.from_vocabulary]
            nearest = usable[: th.nearest]
            candidates = list(dict.fromkeys([*from_source, *from_document, *preferred, *in_vocabulary, *nearest]))
            # What the first pass already knows: how the words before the swap read each candidate.
            before = {text[1:]: lp - context for text, lp in alternatives if text.startswith(" ")}
            offered_here = {*from_source, *from_document}
            candidates = [
                c for c in candidates if c in offered_here or before.get(c, th.min_left_gain) >= th.min_left_gain
            ][: max(th.max_tried, len(offered_here))]
            if candidates and (preferred or from_source or from_document or pmi < th.strong_pmi):
                found.append(_Shortlisted(index, context, pmi, candidates, bool(from_source)))
        found.sort(key=lambda item: (not item.from_source, item.pmi))
        return found[: th.max_shortlist + sum(1 for item in found if item.from_source)]

    def _rescore(
        self,
        sentences: Sequence[str],
        prefixes: Sequence[str],
        shortlists: Sequence[list[_Shortlisted]],
        extras: Sequence[dict[int, list[tuple[str, str]]]],
    ) -> list[list[Flag]]:
        """Swap each candidate in and rescore the words from the swap to a few after it, read
        after everything before it (the previous sentence included: "space" beats "area" only
        once the text is known to be about satellites). The text before is read once per word."""
        th = self.thresholds
        words_by_number = [words_of(sentence) for sentence in sentences]
        tried: dict[tuple[int, int], list[_Tried]] = defaultdict(list)
        for number, (sentence, prefix, shortlist) in enumerate(zip(sentences, prefixes, shortlists)):
            words = words_by_number[number]
            text = prefix + sentence
            for item in shortlist:
                word = words[item.index]
                start, end = len(prefix) + word.start, len(prefix) + word.end
                # The space before a word belongs to its token, so the split comes before the space.
                split = start - 1 if start and text[start - 1] == " " else start
                window_end = len(prefix) + words[min(len(words) - 1, item.index + th.window_right)].end
                lead, rest = text[split:start], text[end:window_end]
                wordings = [word.text, *(_in_case(candidate, word.text) for candidate in item.candidates)]
                first = _window_start(text, split, th.window_left)
                scored = self.lm.score_continuations(text[first:split], [lead + wording + rest for wording in wordings])
                base, after_base = scored[0], len(lead) + len(word.text)
                near = self._neighbours(word.text)
                for candidate, tokens in zip(item.candidates, scored[1:]):
                    gain = sum(t.logprob for t in tokens) - sum(t.logprob for t in base)
                    after_candidate = len(lead) + len(candidate)
                    rest_gain = sum(t.logprob for t in tokens if t.start >= after_candidate) - sum(
                        t.logprob for t in base if t.start >= after_base
                    )
                    rank = near.index(candidate) if candidate in near else len(near)
                    tried[(number, item.index)].append(
                        _Tried(gain - th.rank_prior * math.log1p(rank), gain, rest_gain, candidate)
                    )
        # The suggestion is the candidate that best explains the text as a spinner's swap: another
        # source's wording first, then a big gain from a close synonym over a slightly bigger
        # gain from a loosely related word.
        best: dict[tuple[int, int], _Tried] = {}
        for (number, index), options in tried.items():
            start = words_by_number[number][index].start
            offered = extras[number].get(start, [])
            sourced = {c for c, signal in offered if signal == "source"}
            # The document's own wording of the same slot elsewhere needs no synonym-rank prior
            # and less gain to be believed ("space security" in one paragraph, "area security" in the next).
            in_document = {c for c, signal in offered if signal == "document"}
            options = [replace(o, score=o.gain) if o.candidate in in_document else o for o in options]
            # A confident candidate before a merely plausible one, each ranked by the prior; one
            # that makes the words after it less likely does not explain the text.
            fitting = [o for o in options if o.rest_gain >= th.min_rest_gain or o.candidate in sourced]
            needed = {c: th.min_source_gain for c in sourced} | {c: th.min_weak_gain for c in in_document - sourced}
            confident = [o for o in fitting if o.gain >= needed.get(o.candidate, th.min_gain)]
            plausible = [o for o in fitting if o.gain >= th.min_weak_gain]
            word_text = words_by_number[number][index].text
            chosen = None
            for pool in (confident, plausible):
                # A spinner's substitute is a synonym: a candidate the model reads as a contrasting
                # term ("bilateral" / "regional", "scientific" / "military") would change the fact,
                # not restore the wording, so it is no suggestion (another source's wording may
                # still be: divergence reports such flips between sources).
                for option in sorted(pool, key=lambda o: (o.candidate in sourced, o.score, o.candidate), reverse=True):
                    if option.candidate in sourced or not self._contrasting(word_text, option.candidate):
                        chosen = option
                        break
                if chosen is not None:
                    break
            if chosen is None and not confident and not plausible:
                chosen = max(options, key=lambda o: (o.candidate in sourced, o.score, o.candidate))
            if chosen is not None:
                best[(number, index)] = chosen
        results = []
        for number, (shortlist, extra) in enumerate(zip(shortlists, extras)):
            words = words_by_number[number]
            flags = []
            for item in shortlist:
                if (number, item.index) not in best:
                    continue
                chosen = best[(number, item.index)]
                gain, rest_gain, candidate = chosen.gain, chosen.rest_gain, chosen.candidate
                word = words[item.index]
                signals = ["lm"] + sorted({signal for c, signal in extra.get(word.start, []) if c == candidate})
                is_plausible = gain >= th.min_weak_gain and rest_gain >= th.min_rest_gain
                supported = "source" in signals and item.pmi < th.max_pmi and gain >= th.min_source_gain
                if is_plausible or supported:
                    flags.append(
                        Flag(
                            start=word.start,
                            end=word.end,
                            text=word.text,
                            suggestion=_in_case(candidate, word.text),
                            score=round(gain, 3),
                            signals=signals,
                            context_logprob=round(item.logprob, 3),
                            frequency_logprob=round(frequency_logprob(word.text), 3),
                            rest_gain=round(rest_gain, 3),
                        )
                    )
            results.append(sorted(flags, key=lambda flag: flag.start))
        return results


def _window_start(text: str, end: int, words: int) -> int:
    """Where the ``words`` words before ``end`` begin (0 for all of the text)."""
    if words <= 0:
        return 0
    starts = [m.start() for m in re.finditer(r"\S+", text[:end])]
    return starts[-words] if len(starts) > words else 0


def _in_case(candidate: str, word: str) -> str:
    """A candidate original written as the word it would replace is: capitalised in a title."""
    return candidate.capitalize() if word[:1].isupper() else candidate


def _in_lower_case(alternatives: Iterable[tuple[str, float]], word: str) -> list[tuple[str, float]]:
    """The model's alternatives for a word, lower-cased where the word is capitalised (a title):
    there only capitalised alternatives fit."""
    if not word[:1].isupper():
        return list(alternatives)
    return [(" " + text[1:].lower(), lp) for text, lp in alternatives if text.startswith(" ") and text[1:].istitle()]


def _flat(text: str) -> str:
    return text.replace("\n", " ").replace("\r", " ")


def _word_alternatives(alternatives: Iterable[tuple[str, float]], word: str) -> list[tuple[str, float]]:
    """The model's alternatives at a word's first token that are whole dictionary words."""
    found = []
    for text, logprob in alternatives:
        if not text.startswith(" "):
            continue
        candidate = text[1:]
        if not candidate.isalpha() or not candidate.islower() or len(candidate) < 3 or candidate in STOPWORDS:
            continue
        if is_variant(candidate, word) or zipf(candidate) < 3.0:
            continue
        found.append((candidate, logprob))
    return found
