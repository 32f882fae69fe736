"""FC020 garbled-wording: synonym-swapped ("spun") phrases, their likely originals, and a spin score."""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from factcheck.cache import open_cache
from factcheck.checks.base import CheckContext, LanguageModelCheck
from factcheck.engine import LazyJobs
from factcheck.model import Corpus, Finding, Severity, Span
from factcheck.nlp.spin import Flag, LMSpinScorer, Sentence
from factcheck.nlp.triage import Screening, TriagePolicy


class GarbledWordingCheck(LanguageModelCheck):
    """Wording that reads like an article spinner's synonym swap, with the likely original.

    Rewritten wire copy is often run through a "spinner" that swaps words for near-synonyms:
    "marriage of convenience" becomes "relationship of pleasure", "space operations" becomes
    "area operations". Such "tortured phrases" mark copied, machine-rewritten text and often
    change what a sentence says. Signals (see ``factcheck.nlp.spin``):

    * **lm** - a small language model (Gemma 3 270M) reads each sentence after the one before
      it. A lower-case content word the context expects less than its everyday frequency is
      shortlisted, and near-synonyms of it (its neighbours in the model's embeddings that the
      context prefers, the nearest few, and those the document uses elsewhere) are swapped in
      and a window around the word rescored (at most three candidates per word, in order of
      evidence): when one makes the text much more likely (score = log-likelihood gain in
      nats), the word is flagged with that suggestion. A candidate the model reads as the
      word's opposite (divergence's measure) is no suggestion: a spinner swaps synonyms.
    * **source** - another document in the run paraphrases the sentence; its wording differs
      in exactly this word and the model prefers it. The source's wording is the suggestion.
    * **document** - the same document uses the suggested word in the same slot elsewhere
      ("space operations" in one paragraph, "area operations" in the next).
    * **joint** - found once a flagged neighbour's suggestion is put back: spinners swap
      adjacent words together ("successful launch" -> "prosperous release"). Swaps at most
      two words apart are one finding, the phrase with all their originals in place.

    A flag is *strong* when the swap gains at least ``min_gain`` (5 nats) and the context
    positively disfavours the word (it is rarer here than anywhere) or source/document agree;
    *weak* otherwise, down to ``min_weak_gain`` (3.5 nats). A flag on a word the context expects
    more than its everyday frequency (``backed_pmi``, 1 nat) is shown only when source,
    document or joint back it. Each document gets a spin score:
    strong flags per 100 words, each weighted by its confidence (``min(1, score / 10)``). At
    ``garbled-wording.spun_threshold`` (default 0.6), with at least three strong flags and more
    than clean prose of its length raises by chance (``clean_rate`` 0.3 per 100 words, Poisson
    tail below ``max_chance`` 0.01), the document is reported as likely spun copy (a warning,
    with its top phrases as evidence) and every flagged phrase in it is listed (info). In a document not judged spun only a
    strong flag another source agrees with, or one scoring ``standalone_gain`` (13 nats) or more, is shown:
    a spinner rewrites whole texts, so an isolated odd word is more likely the model's error, and an
    author who varies a term within one piece ("contemporary"/"international space order") is no spinner.

    Names, capitalised words other than a title before a name, numbers, quotations, parenthesised text and extraction artefacts
    (hyphenation remnants, glued words, inflections and one-letter typos, including a word the
    context would rather read spelt differently: "security treat") are never flagged.

    Example: "North Korea, China and Russia are in a relationship of pleasure on space" ->
    "pleasure" flagged, suggestion "convenience".

    Cost: the model reads only what a cheap first pass picks (``factcheck.nlp.triage``): the
    sentences another source paraphrases, then the most suspicious ones (slots the document fills
    differently elsewhere, words outside everyday vocabulary) one by one, as a sequential test
    that stops after a couple of sentences of a clean document and reads a spun one whole.
    Results are cached per sentence. Switch it off with ``--ignore garbled-wording`` (or
    ``ignore = ["FC020"]`` in ``[tool.factcheck]``); ``garbled-wording.read_all = 1`` reads every
    sentence. Tunables: ``thresholds = {"garbled-wording.min_gain" = 5.0, ...}``.
    """

    code: ClassVar[str] = "FC020"
    slug: ClassVar[str] = "garbled-wording"
    severity: ClassVar[Severity] = Severity.WARNING

    def blocks(self, corpus: Corpus, context: CheckContext) -> Sequence[_DocumentBlock]:
        """One block per document with prose: the model reads each document alone. What crosses
        documents (another source's wording of a sentence) is found here, first, and travels with
        the block. A block reads its document's text as it leaves for a worker, not before."""
        from factcheck.nlp import spin

        settings = context.settings
        self._thresholds = spin.Thresholds.from_settings(settings, self.slug)
        self._spun_threshold = settings.threshold(f"{self.slug}.spun_threshold", 0.6)
        # Strong flags per 100 words of clean prose (BBC news and the seeds' clean pieces: 0.1-0.25).
        self._clean_rate = settings.threshold(f"{self.slug}.clean_rate", 0.3)
        self._max_chance = settings.threshold(f"{self.slug}.max_chance", 0.01)
        self._words: dict[str, int] = {}
        # Where each document's prose sentences are and their content words, read one document at a
        # time: the client never holds every text (a block reads its document's as it leaves).
        index = spin.prose_index(corpus, settings.max_sentence_chars)
        if not len(index):
            return []
        self._words = dict(index.prose_words)

        # Signal 2: words another document renders differently in a paraphrased sentence.
        offered: dict[tuple[str, int], dict[int, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        self._source_of: dict[tuple[str, int, int], Span] = {}
        for place_a, place_b in spin.paraphrase_pairs(corpus, index):
            a, b = place_a.read(corpus), place_b.read(corpus)
            for sub in spin.align_substitutions(a.text, b.text):
                if not (spin.is_content(sub.a) and spin.is_content(sub.b)) or spin.is_variant(sub.a.text, sub.b.text):
                    continue
                offered[(a.doc, a.start)][sub.a.start].append((sub.b.text, "source"))
                offered[(b.doc, b.start)][sub.b.start].append((sub.a.text, "source"))
                self._source_of[(a.doc, a.start + sub.a.start, hash(sub.b.text))] = _span(b, sub.b)
                self._source_of[(b.doc, b.start + sub.b.start, hash(sub.a.text))] = _span(a, sub.a)
        offered_in: dict[str, dict[int, dict[int, list[tuple[str, str]]]]] = defaultdict(dict)
        for (doc_id, start), offers in offered.items():
            offered_in[doc_id][start] = {word: list(items) for word, items in offers.items()}
        parts = []
        for doc_id in index.documents:
            starts, ends = index.offsets(doc_id)
            if starts:
                parts.append(_DocumentPart(doc_id, starts, ends, offered_in.get(doc_id, {})))
        return LazyJobs(parts, lambda part: part.block(corpus))

    def run_block(self, block: _DocumentBlock, context: CheckContext) -> _DocumentRead:
        """The model reads one document: how many of its sentences it read, and the flags it shows."""
        from factcheck.nlp import spin, triage

        settings = context.settings
        thresholds = spin.Thresholds.from_settings(settings, self.slug)
        policy = triage.TriagePolicy.from_settings(settings, self.slug)
        sentences = block.sentences
        # Signal 3: the same slot filled differently elsewhere in the document.
        variants = spin.document_variants([s.text for s in sentences])
        extras = []
        for own, offers in zip(variants, block.offered):
            merged: dict[int, list[tuple[str, str]]] = defaultdict(list)
            for start, items in own.items():
                merged[start].extend(items)
            for start, items in offers.items():
                merged[start].extend(items)
            extras.append({start: sorted(set(items)) for start, items in merged.items()})
        # The previous sentence is read first, so the model knows what the text is about.
        contexts = ["", *(s.text for s in sentences[:-1])]
        vocabulary = {w.text for s in sentences for w in spin.words_of(s.text) if spin.is_content(w)}
        texts = [s.text for s in sentences]
        cache = open_cache(settings)
        try:
            scorer = spin.LMSpinScorer(self._lm(context), thresholds, cache)
            # The cheap first pass picks what the model reads (nlp/triage.py): a few sentences of
            # a clean document, all of a spun one.
            screening = _screen(scorer, texts, block.skips, extras, contexts, vocabulary, policy)
        finally:
            if cache is not None:
                cache.close()
        shown = [
            (sentence, flag)
            for sentence, flags in zip(sentences, screening.flags)
            for flag in flags
            if flag.is_shown(thresholds)
        ]
        return _DocumentRead(block.doc_id, (len(screening.read), len(sentences)), shown)

    def merge(self, corpus: Corpus, context: CheckContext, results: list[_DocumentRead]) -> list[Finding]:
        """Each document is read whole before anything is reported: a spinner rewrites a whole
        text, so a weak flag counts only in a document whose strong flags already mark it spun."""
        if not self._words:
            return []
        thresholds, source_of = self._thresholds, self._source_of
        self._read = {result.doc_id: result.read for result in results}
        self._flags = {result.doc_id: result.shown for result in results}
        findings: list[Finding] = []
        scores = self.spin_scores()
        for doc_id, flagged in self._flags.items():
            document = corpus.text_of(doc_id)
            spun = scores[doc_id]["likely_spun"]
            for sentence, group in _phrase_groups(flagged):
                strong = [flag for flag in group if flag.is_strong(thresholds)]
                if not (
                    spun or any("source" in flag.signals or flag.score >= thresholds.standalone_gain for flag in strong)
                ):
                    continue
                start, end = sentence.start + group[0].start, sentence.start + group[-1].end
                evidence = [Span(doc=doc_id, start=start, end=end, text=document.text[start:end])]
                for flag in group:
                    source = source_of.get((doc_id, sentence.start + flag.start, hash(flag.suggestion)))
                    if source is not None and "source" in flag.signals:
                        evidence.append(source)
                phrase, suggested = _phrases(sentence.text, group)
                signals = list(dict.fromkeys(signal for flag in group for signal in flag.signals))
                score = max(flag.score for flag in group)
                findings.append(
                    self.finding(
                        f"'{phrase}' reads like a synonym swap; likely original: '{suggested}' "
                        f"(signals: {', '.join(signals)}; +{score:.1f} nats)",
                        evidence,
                        severity=Severity.INFO,
                        suggestion=_replaced(sentence.text, group, group[0].start, group[-1].end),
                        key=f"{group[0].start}",
                        data={
                            "score": score,
                            "signals": signals,
                            "phrase": phrase,
                            "strong": bool(strong),
                            "suggested_phrase": suggested,
                            "swaps": [
                                {
                                    "text": flag.text,
                                    "suggestion": flag.suggestion,
                                    "score": flag.score,
                                    "signals": flag.signals,
                                    "context_logprob": flag.context_logprob,
                                    "frequency_logprob": flag.frequency_logprob,
                                    "rest_gain": flag.rest_gain,
                                }
                                for flag in group
                            ],
                        },
                    )
                )
        findings.extend(self._document_findings(findings))
        return findings

    def spin_scores(self) -> dict[str, dict[str, Any]]:
        """Per document: strong flags per 100 words, each weighted by its confidence
        (``min(1, score / 10)``), and whether that marks it as likely spun copy."""
        from scipy.stats import poisson

        scores = {}
        for doc_id, words in sorted(self._words.items()):
            flagged = self._flags.get(doc_id, [])
            strong = [flag for _, flag in flagged if flag.is_strong(self._thresholds)]
            weight = sum(min(1.0, flag.score / 10.0) for flag in strong)
            spin_score = round(100.0 * weight / words, 3) if words else 0.0
            # Clean prose raises a few strong flags too (the model's own mistakes); a document is
            # judged spun only when it has far more than its length makes likely by chance.
            by_chance = float(poisson.sf(len(strong) - 1, self._clean_rate * words / 100.0))  # P(X >= strong)
            likely_spun = spin_score >= self._spun_threshold and len(strong) >= 3 and by_chance < self._max_chance
            phrases = [
                (sentence, group)
                for sentence, group in _phrase_groups(flagged)
                if likely_spun or any(flag.is_strong(self._thresholds) for flag in group)
            ]
            phrases.sort(key=lambda item: (-max(flag.score for flag in item[1]), item[0].start + item[1][0].start))
            scores[doc_id] = {
                "spin_score": spin_score,
                "likely_spun": likely_spun,
                "flagged": len(phrases),
                "words": words,
                "top": [" -> ".join(_phrases(sentence.text, group)) for sentence, group in phrases][:5],
            }
        return scores

    def _document_findings(self, phrase_findings: list[Finding]) -> list[Finding]:
        found = []
        by_doc: dict[str, list[Finding]] = defaultdict(list)
        for finding in phrase_findings:
            by_doc[finding.evidence[0].doc].append(finding)
        for doc_id, summary in self.spin_scores().items():
            if not summary["likely_spun"]:
                continue
            top = sorted(by_doc[doc_id], key=lambda f: (-f.data["score"], f.evidence[0].start))[:5]
            found.append(
                self.finding(
                    f"{doc_id} is likely spun copy: spin score {summary['spin_score']:.2f} "
                    f"({summary['flagged']} swapped phrases in {summary['words']} words); "
                    f"top: {'; '.join(summary['top'][:3])}",
                    [f.evidence[0] for f in top],
                    key="document",
                    data={
                        "spin_score": summary["spin_score"],
                        "likely_spun": True,
                        "top": summary["top"],
                        "signals": ["spin-score"],
                    },
                )
            )
        return found

    def report_data(self, corpus: Corpus, findings: list[Finding]) -> dict[str, Any] | None:
        if not getattr(self, "_words", None):
            return None
        return {
            doc_id: {"spin_score": s["spin_score"], "likely_spun": s["likely_spun"], "top": s["top"]}
            for doc_id, s in self.spin_scores().items()
        }


@dataclass(frozen=True)
class _DocumentBlock:
    """One document's part of the check: its prose sentences, the names in each (never flagged)
    and the words other sources offer for each (signal 2, found across documents)."""

    doc_id: str
    sentences: list[Sentence]
    skips: list[list[tuple[int, int]]]
    offered: list[dict[int, list[tuple[str, str]]]]


@dataclass(frozen=True)
class _DocumentPart:
    """A block before it leaves: where its document's prose sentences start and end, and what other
    sources offer for the words of some (by sentence start)."""

    doc_id: str
    starts: array
    ends: array
    offered: dict[int, dict[int, list[tuple[str, str]]]]

    def block(self, corpus: Corpus) -> _DocumentBlock:
        """The block, its sentences read back from the document (``Corpus.text_of``)."""
        text = corpus.text_of(self.doc_id).text
        sentences = [Sentence(self.doc_id, start, end, text[start:end]) for start, end in zip(self.starts, self.ends)]
        return _DocumentBlock(
            self.doc_id,
            sentences,
            [_protected(corpus, self.doc_id, sentence) for sentence in sentences],
            [self.offered.get(sentence.start, {}) for sentence in sentences],
        )


@dataclass(frozen=True)
class _DocumentRead:
    """What the model found in one document: sentences read (of all) and the flags shown."""

    doc_id: str
    read: tuple[int, int]
    shown: list[tuple[Sentence, Flag]]


def _screen(
    scorer: LMSpinScorer,
    texts: list[str],
    skips: list[list[tuple[int, int]]],
    extras: list[dict[int, list[tuple[str, str]]]],
    contexts: list[str],
    vocabulary: set[str],
    policy: TriagePolicy,
) -> Screening:
    """One document through the first pass: the model reads the sentences it picks, one by one
    (each cached as soon as it is read)."""
    from factcheck.nlp import triage

    def read(number: int) -> list[Flag]:
        [flags] = scorer.analyse([texts[number]], [skips[number]], [extras[number]], [contexts[number]], vocabulary)
        return flags

    return triage.screen(read, texts, skips, extras, lambda flag: flag.is_strong(scorer.thresholds), policy)


def _span(sentence, word) -> Span:
    return Span(doc=sentence.doc, start=sentence.start + word.start, end=sentence.start + word.end, text=word.text)


def _phrase_groups(flagged: list[tuple[Sentence, Flag]]) -> list[tuple[Sentence, list[Flag]]]:
    """Flags at most two words apart in one sentence make one phrase: a spinner swaps
    neighbouring words together ("successful launch" -> "prosperous release")."""
    from factcheck.nlp.spin import words_of

    groups: list[tuple[Sentence, list[Flag]]] = []
    index_of: dict[int, int] = {}
    previous = None
    for sentence, flag in sorted(flagged, key=lambda item: (item[0].start, item[1].start)):
        if sentence != previous:
            index_of = {w.start: i for i, w in enumerate(words_of(sentence.text))}
            previous = sentence
        if groups and groups[-1][0] == sentence and index_of[flag.start] - index_of[groups[-1][1][-1].start] <= 2:
            groups[-1][1].append(flag)
        else:
            groups.append((sentence, [flag]))
    return groups


def _replaced(sentence: str, group: list[Flag], start: int, end: int) -> str:
    """``sentence[start:end]`` with each flagged word replaced by its suggestion."""
    pieces, cursor = [], start
    for flag in group:
        pieces += [sentence[cursor : flag.start], flag.suggestion]
        cursor = flag.end
    return "".join(pieces) + sentence[cursor:end]


def _phrases(sentence: str, group: list[Flag]) -> tuple[str, str]:
    """The flagged words with a content neighbour each side ("relationship of pleasure"), as
    written and with the suggestions in their place."""
    from factcheck.nlp.spin import STOPWORDS, words_of

    words = words_of(sentence)
    first = next(i for i, w in enumerate(words) if w.start == group[0].start)
    last = next(i for i, w in enumerate(words) if w.start == group[-1].start)
    left = first
    while left > 0 and words[left - 1].alpha and first - left < 2:
        left -= 1
        if words[left].text.casefold() not in STOPWORDS:
            break
    right = last
    if right + 1 < len(words) and words[right + 1].alpha and words[right + 1].text.casefold() not in STOPWORDS:
        right += 1
    start, end = words[left].start, words[right].end
    return " ".join(sentence[start:end].split()), " ".join(_replaced(sentence, group, start, end).split())


def _protected(corpus: Corpus, doc_id: str, sentence) -> list[tuple[int, int]]:
    """Actor names and quote speakers the extractor found in this sentence (local offsets). Titles
    are not names: a spinner swaps their words too ("Brigade General" for "Brigadier General")."""
    spans = []
    for claim in corpus.claims_of(doc_id):
        if claim.span.end <= sentence.start or claim.span.start >= sentence.end:
            continue
        parts = [actor.span for actor in claim.actors]
        if claim.quote is not None and claim.quote.speaker_span is not None:
            parts.append(claim.quote.speaker_span)
        for span in parts:
            if span.doc == doc_id and span.start < sentence.end and span.end > sentence.start:
                spans.append((max(0, span.start - sentence.start), min(len(sentence.text), span.end - sentence.start)))
    return sorted(spans)
