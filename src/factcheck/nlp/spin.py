"""Spun-wording detection: words an article spinner swapped for near-synonyms, and their likely originals.

Three signals, shared by the garbled-wording and divergence checks:

1. **LM plausibility** (``LMSpinScorer``): one batched pass per sentence gives each word's
   log-probability in context and the model's top alternatives. A content word is shortlisted
   when the context makes it *less* likely than its everyday frequency (``wordfreq``) and the
   model clearly prefers other words there. For the shortlist only, each alternative is
   swapped in and the whole sentence rescored: spun wording is a swap whose original makes the
   *whole* sentence much more likely (the words after it included), not merely a rare word.
2. **Cross-source alignment** (``align_substitutions``): paraphrased sentences from two documents
   aligned token by token; a one-word substitution is evidence and the other wording a
   candidate original.
3. **Within-document consistency** (``document_variants``): a bigram "X Y" and "X' Y" in one
   document gives X as a candidate for X' (and vice versa).

Nothing here lists known tortured phrases: candidates come from the model and the texts.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

SCORER_VERSION = "4"
LN10 = math.log(10.0)

# Function words never count as content words (closed class, not a lexicon of spin).
STOPWORDS = frozenset("""
a about above after again against all almost also although always am among an and another any are
around as at be because been before being below between both but by can could did do does doing
down during each either else even ever every few for from further had has have having he her here
hers herself him himself his how however i if in into is it its itself just least less let like
many may me might more most much must my myself neither no nor not now of off often on once one
only or other others our ours ourselves out over own per perhaps quite rather same several shall she
should since so some such than that the their theirs them themselves then there these they this
those though through thus to too toward towards under until up upon us very was we were what
whatever when where whether which while who whom whose why will with within without would yet you
your yours yourself yourselves said says say told according new
""".split())

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)?|\d[\d.,:/%]*|\S")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Word:
    start: int  # offsets into the sentence
    end: int
    text: str

    @property
    def alpha(self) -> bool:
        return self.text.isalpha()


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

    def to_dict(self) -> dict:
        return asdict(self)


def words_of(sentence: str) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(sentence)]


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (half-open, offsets into ``text``) between ``start`` and ``end``.

    Paragraph breaks (a line break followed by a capital or a blank line) end a sentence too;
    a single line break inside a paragraph does not (PDF line wrapping).
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for paragraph in re.finditer(r"[^\n]+(?:\n(?![ \t]*\n)(?=[ \t]*[a-z(\-])[^\n]+)*", text[start:end]):
        base = start + paragraph.start()
        block = paragraph.group()
        cursor = 0
        for boundary in _SENTENCE_END.finditer(block):
            if _is_abbreviation(block, boundary.start()):
                continue
            spans.append((base + cursor, base + boundary.start()))
            cursor = boundary.end()
        spans.append((base + cursor, base + len(block)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _is_abbreviation(block: str, position: int) -> bool:
    """True when the full stop before ``position`` ends an abbreviation ("U.S.", "Gen.", "Mr.")."""
    before = block[:position]
    match = re.search(r"(\S+)$", before)
    if not match:
        return False
    token = match.group(1).rstrip("\"'\u201d\u2019)")
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.", token))


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def frequency_logprob(word: str) -> float:
    """Natural-log unigram probability from wordfreq (a floor for unknown words)."""
    return (max(_zipf(word), 1.0) - 9.0) * LN10


def is_variant(word: str, other: str) -> bool:
    """Inflections, spelling variants and typos of each other: not a synonym swap."""
    from rapidfuzz.distance import Levenshtein

    a, b = word.casefold(), other.casefold()
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= 4 and longer.startswith(shorter[: max(4, len(shorter) - 2)]) and len(longer) - len(shorter) <= 3:
        return True
    distance = Levenshtein.distance(a, b)
    # One edit is a typo ("treat"/"threat"); two only in a long word that keeps its stem start.
    return distance <= 1 or (distance == 2 and len(shorter) >= 7 and a[:3] == b[:3])


def protected_spans(sentence: str) -> list[tuple[int, int]]:
    """Parts of a sentence that are never spin: quotations, parentheses, extraction artefacts."""
    spans = [m.span() for m in re.finditer(r"[\"\u201c][^\"\u201d]{1,300}[\"\u201d]", sentence)]
    spans += [m.span() for m in re.finditer(r"\([^)]{0,80}\)", sentence)]
    # Hyphenation remnants and words glued by a lost space or line break.
    spans += [m.span() for m in re.finditer(r"\w+-\s*\n\s*\w+|\w+-\s+\w+|\w+\s+-\w+", sentence)]
    return spans


def content_word_indices(sentence: str, words: list[Word], skip: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Indices of words that could be spin: lower-case dictionary content words outside names,
    numbers, quotations and artefacts. Capitalised words are names or titles; left alone."""
    protected = [*protected_spans(sentence), *skip]
    indices = []
    for index, word in enumerate(words):
        text = word.text
        if index == 0 or not text.isalpha() or len(text) < 3 or not text.islower():
            continue
        if text in STOPWORDS:
            continue
        if any(a < word.end and word.start < b for a, b in protected):
            continue
        # A word glued to a hyphen or an apostrophe belongs to a compound or a name form.
        before = sentence[word.start - 1] if word.start else " "
        after = sentence[word.end] if word.end < len(sentence) else " "
        if before in "-/\u2013_" or after in "-/\u2013_":
            continue
        if _zipf(text) < 2.0:  # not a dictionary word: typo, glued words ("amidgreat"), jargon
            continue
        indices.append(index)
    return indices


@dataclass
class Thresholds:
    """Tunables, calibrated on the synthetic split (benchmarks/garbled.py)."""

    max_pmi: float = -1.0  # context log-prob minus frequency log-prob: below this, the context disfavours the word
    max_logprob: float = -6.0  # and the word is improbable in context (nats)
    alt_margin: float = 3.0  # the best alternative is this much likelier at that position
    min_gain: float = 5.0  # swapping in the suggestion raises the sentence log-likelihood this much
    min_rest_gain: float = 0.0  # ... and the words after the swap do not get less likely
    min_source_gain: float = 1.0  # a substitution seen against another source needs only this gain
    top_k: int = 200
    neighbours: int = 50  # how many embedding neighbours count as near-synonyms
    nearest: int = 4  # the nearest neighbours always tried as originals
    window_left: int = 6  # words of left context kept when rescoring a swap
    window_right: int = 6  # words after the swap rescored
    max_shortlist: int = 3
    max_candidates: int = 4

    @classmethod
    def from_settings(cls, settings, prefix: str = "garbled-wording") -> "Thresholds":
        base = cls()
        if settings is None:
            return base
        values = {name: settings.threshold(f"{prefix}.{name}", getattr(base, name)) for name in asdict(base)}
        for integer in ("top_k", "neighbours", "nearest", "max_shortlist", "max_candidates", "window_left", "window_right"):
            values[integer] = int(values[integer])
        return cls(**values)


class ResultCache:
    """Analysis results by sentence hash in a small SQLite table; a broken cache is bypassed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._connection: sqlite3.Connection | None = None
        self.disabled = path is None

    def _connect(self) -> sqlite3.Connection | None:
        if self.disabled:
            return None
        if self._connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=30.0)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("CREATE TABLE IF NOT EXISTS spin (key TEXT PRIMARY KEY, data TEXT)")
                connection.commit()
                self._connection = connection
            except (sqlite3.Error, OSError):
                self.disabled = True
                return None
        return self._connection

    def get(self, key: str) -> list[dict] | None:
        connection = self._connect()
        if connection is None:
            return None
        try:
            row = connection.execute("SELECT data FROM spin WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return json.loads(row[0]) if row else None

    def put(self, key: str, value: list[dict]) -> None:
        connection = self._connect()
        if connection is None:
            return
        try:
            with connection:
                connection.execute("INSERT OR REPLACE INTO spin (key, data) VALUES (?, ?)", (key, json.dumps(value)))
        except sqlite3.Error:
            pass


class LMSpinScorer:
    """Signal 1: the language model's view of each sentence, with candidate originals rescored."""

    def __init__(self, lm, thresholds: Thresholds | None = None, cache: ResultCache | None = None) -> None:
        self.lm = lm
        self.thresholds = thresholds or Thresholds()
        self.cache = cache or ResultCache(None)
        self._near: dict[str, list[str]] = {}

    def _neighbours(self, word: str) -> list[str]:
        lookup = getattr(self.lm, "neighbours", None)
        if lookup is None:
            return []
        if word not in self._near:
            self._near[word] = lookup(word, self.thresholds.neighbours)
        return self._near[word]

    def _key(self, sentence: str, skip: Sequence[tuple[int, int]], extra: dict[int, list[tuple[str, str]]]) -> str:
        payload = json.dumps([SCORER_VERSION, getattr(self.lm, "name", "lm"), asdict(self.thresholds), sentence,
                              sorted(skip), sorted((k, sorted(map(list, v))) for k, v in extra.items())])
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def analyse(self, sentences: Sequence[str], skips: Sequence[Sequence[tuple[int, int]]] | None = None,
                extra_candidates: Sequence[dict[int, list[tuple[str, str]]]] | None = None) -> list[list[Flag]]:
        """Flags per sentence. ``skips`` are spans (names) to leave alone; ``extra_candidates``
        maps a word's start offset to ``(candidate, signal)`` pairs from the other signals
        ("source": another document's wording; "document": the same slot elsewhere in it)."""
        skips = skips or [()] * len(sentences)
        extra_candidates = extra_candidates or [{}] * len(sentences)
        results: list[list[Flag] | None] = [None] * len(sentences)
        keys = [self._key(s, sk, ex) for s, sk, ex in zip(sentences, skips, extra_candidates)]
        todo = []
        for index, key in enumerate(keys):
            cached = self.cache.get(key)
            if cached is not None:
                results[index] = [Flag(**item) for item in cached]
            else:
                todo.append(index)
        if todo:
            # Normalise line breaks to spaces: same length, so offsets still hold.
            texts = [sentences[i].replace("\n", " ").replace("\r", " ") for i in todo]
            token_scores = self.lm.score_tokens(texts, top_k=self.thresholds.top_k)
            for index, text, tokens in zip(todo, texts, token_scores):
                flags = self._analyse_one(text, tokens, skips[index], extra_candidates[index])
                results[index] = flags
                self.cache.put(keys[index], [flag.to_dict() for flag in flags])
        return [r or [] for r in results]

    def _analyse_one(self, sentence: str, tokens, skip, extra: dict[int, list[tuple[str, str]]]) -> list[Flag]:
        th = self.thresholds
        words = words_of(sentence)
        indices = content_word_indices(sentence, words, skip)
        shortlist = []
        for index in indices:
            word = words[index]
            mine = [t for t in tokens if t.start < word.end and word.start < t.end]
            if not mine:
                continue
            # A token that straddles the word boundary means the model read it differently.
            context = sum(t.logprob for t in mine)
            pmi = context - frequency_logprob(word.text)
            unlikely = pmi < th.max_pmi and context < th.max_logprob
            offered = [(c, signal) for c, signal in extra.get(word.start, []) if not is_variant(c, word.text)]
            from_source = [c for c, signal in offered if signal == "source"]
            if not unlikely and not from_source:
                continue
            # A spinner swaps a word for a near-synonym, so the original is one of the observed
            # word's neighbours (in the model's embeddings) that the context clearly prefers.
            near = set(self._neighbours(word.text))
            alternatives = [(c, lp) for c, lp in _word_alternatives(mine[0].alternatives, word.text)
                            if c in near and lp - context > th.alt_margin]
            from_document = [c for c, signal in offered if signal == "document" and c in near] if unlikely else []
            # The nearest neighbours are tried even when the left context alone does not predict
            # them: the words after the swap may be what makes the original clear.
            nearest = [c for c in self._neighbours(word.text)
                       if c not in STOPWORDS and not is_variant(c, word.text)][: th.nearest]
            suspicious = unlikely and bool(alternatives or nearest)
            if suspicious or from_source or from_document:
                candidates = [c for c, _ in alternatives[: th.max_candidates]]
                candidates = list(dict.fromkeys([*from_source, *from_document, *candidates, *nearest]))
                shortlist.append((pmi, index, context, candidates, bool(from_source), unlikely))
        shortlist.sort(key=lambda item: (not item[4], item[0]))
        shortlist = shortlist[: th.max_shortlist + sum(1 for item in shortlist if item[4])]
        if not shortlist:
            return []
        # Rescore a window around each shortlisted word (the swap and the words after it carry
        # the evidence); short windows keep the costly part cheap.
        texts: list[str] = []
        owners: list[tuple[int, str | None, int]] = []
        for _, index, _, candidates, _, _ in shortlist:
            word = words[index]
            window_start = words[max(0, index - th.window_left)].start
            window_end = words[min(len(words) - 1, index + th.window_right)].end
            texts.append(sentence[window_start:window_end])
            owners.append((index, None, window_start))
            for candidate in candidates:
                texts.append(sentence[window_start:word.start] + candidate + sentence[word.end:window_end])
                owners.append((index, candidate, window_start))
        scored = self.lm.score_tokens(texts)
        base: dict[int, list] = {}
        best: dict[int, tuple[float, float, str]] = {}
        for (index, candidate, window_start), tokens in zip(owners, scored):
            word = words[index]
            if candidate is None:
                base[index] = tokens
                continue
            base_tokens = base[index]
            gain = sum(t.logprob for t in tokens) - sum(t.logprob for t in base_tokens)
            after_variant = word.start - window_start + len(candidate)
            after_base = word.end - window_start
            rest_gain = (sum(t.logprob for t in tokens if t.start >= after_variant)
                         - sum(t.logprob for t in base_tokens if t.start >= after_base))
            if index not in best or gain > best[index][0]:
                best[index] = (gain, rest_gain, candidate)
        flags = []
        for pmi, index, context, _, _, unlikely in shortlist:
            if index not in best:
                continue
            gain, rest_gain, candidate = best[index]
            word = words[index]
            signals = ["lm"] + sorted({signal for c, signal in extra.get(word.start, []) if c == candidate})
            strong = gain >= th.min_gain and rest_gain >= th.min_rest_gain
            supported = "source" in signals and unlikely and gain >= th.min_source_gain
            if strong or supported:
                flags.append(Flag(
                    start=word.start, end=word.end, text=word.text, suggestion=candidate,
                    score=round(gain, 3), signals=signals, context_logprob=round(context, 3),
                    frequency_logprob=round(frequency_logprob(word.text), 3), rest_gain=round(rest_gain, 3),
                ))
        return sorted(flags, key=lambda flag: flag.start)


def _word_alternatives(alternatives: Iterable[tuple[str, float]], word: str) -> list[tuple[str, float]]:
    """The model's alternatives at a word's first token that are whole dictionary words."""
    found = []
    for text, logprob in alternatives:
        if not text.startswith(" "):
            continue
        candidate = text[1:]
        if not candidate.isalpha() or not candidate.islower() or len(candidate) < 3 or candidate in STOPWORDS:
            continue
        if is_variant(candidate, word) or _zipf(candidate) < 3.0:
            continue
        found.append((candidate, logprob))
    return found


# --- Signal 2: cross-source alignment -------------------------------------------------------

@dataclass(frozen=True)
class Substitution:
    """One word of sentence A replaced by one word of sentence B in an otherwise shared context."""

    a: Word
    b: Word
    context: int  # how many aligned tokens surround it (up to 2 each side)


def align_substitutions(sentence_a: str, sentence_b: str, min_ratio: float = 0.5) -> list[Substitution]:
    """One-for-one word substitutions between two paraphrased sentences (case-folded tokens)."""
    words_a = [w for w in words_of(sentence_a) if w.text.isalnum()]
    words_b = [w for w in words_of(sentence_b) if w.text.isalnum()]
    folded_a = [w.text.casefold() for w in words_a]
    folded_b = [w.text.casefold() for w in words_b]
    matcher = SequenceMatcher(None, folded_a, folded_b, autojunk=False)
    if matcher.ratio() < min_ratio:
        return []
    found = []
    opcodes = matcher.get_opcodes()
    for position, (tag, a0, a1, b0, b1) in enumerate(opcodes):
        # One word for one word, or a two-word phrase for a two-word phrase, paired in order.
        if tag != "replace" or a1 - a0 != b1 - b0 or a1 - a0 > 2:
            continue
        before = opcodes[position - 1] if position else None
        after = opcodes[position + 1] if position + 1 < len(opcodes) else None
        context = 0
        if before and before[0] == "equal":
            context += min(2, before[2] - before[1])
        if after and after[0] == "equal":
            context += min(2, after[2] - after[1])
        if context == 0:
            continue
        for offset in range(a1 - a0):
            found.append(Substitution(words_a[a0 + offset], words_b[b0 + offset], context))
    return found


# --- Signal 3: within-document consistency --------------------------------------------------

def document_variants(sentences: Sequence[str]) -> list[dict[int, list[tuple[str, str]]]]:
    """For each sentence, word start -> other words that fill the same slot elsewhere in the document.

    A slot is a neighbouring content word: "area operations" and "space operations" share the
    slot "_ operations", so "space" is a candidate for "area" and vice versa. The LM decides.
    """
    slot_fillers: dict[tuple[str, str], set[str]] = defaultdict(set)
    tokenised = []
    for sentence in sentences:
        words = [w for w in words_of(sentence)]
        tokenised.append(words)
        for left, right in zip(words, words[1:]):
            if not (left.alpha and right.alpha) or sentence[left.end:right.start] != " ":
                continue
            lf, rf = left.text.casefold(), right.text.casefold()
            if rf not in STOPWORDS and lf not in STOPWORDS:
                slot_fillers[("_", rf)].add(lf)
                slot_fillers[(lf, "_")].add(rf)
    result = []
    for sentence, words in zip(sentences, tokenised):
        candidates: dict[int, list[tuple[str, str]]] = {}
        for i, word in enumerate(words):
            if not word.alpha or not word.text.islower() or word.text in STOPWORDS:
                continue
            options: set[str] = set()
            if i + 1 < len(words) and words[i + 1].alpha:
                options |= slot_fillers.get(("_", words[i + 1].text.casefold()), set())
            if i > 0 and words[i - 1].alpha:
                options |= slot_fillers.get((words[i - 1].text.casefold(), "_"), set())
            options = {o for o in options if o.isalpha() and not is_variant(o, word.text) and _zipf(o) >= 3.0}
            if options:
                candidates[word.start] = [(option, "document") for option in sorted(options)[:6]]
        result.append(candidates)
    return result


# --- Corpus level: sentences per document and paraphrased pairs across documents ------------

@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: original offsets and text (line breaks kept)."""

    doc: str
    start: int
    end: int
    text: str


def document_sentences(document, max_chars: int = 2_000, min_words: int = 6) -> list[Sentence]:
    """Prose sentences of a document's body; headings, lists and title-case lines are left out."""
    body = document.body_start
    if document.clean_to_original and body < len(document.clean_to_original):
        body = document.clean_to_original[body]
    body = min(body, len(document.text))
    sentences = []
    for start, end in split_sentences(document.text, body):
        text = document.text[start:end]
        words = [w for w in words_of(text) if w.alpha]
        if len(words) < min_words or len(text) > max_chars:
            continue
        capitalised = sum(1 for w in words if w.text[0].isupper())
        if capitalised > 0.6 * len(words):  # a headline or a list of names
            continue
        sentences.append(Sentence(document.id, start, end, text))
    return sentences


def word_set(text: str) -> frozenset[str]:
    return frozenset(w.text.casefold() for w in words_of(text) if w.alpha and w.text.casefold() not in STOPWORDS)


def paraphrase_pairs(corpus, sentences_by_doc: dict[str, list[Sentence]],
                     min_overlap: float = 0.3, min_ratio: float = 0.5) -> list[tuple[Sentence, Sentence]]:
    """Sentence pairs from two documents that paraphrase each other, sorted.

    Claims in one cross-source cluster are paired first (the clusters show paraphrases); any
    two sentences of different documents whose content words overlap strongly are paired too,
    so a paraphrase the clustering split still counts.
    """
    located: dict[tuple[str, int], Sentence] = {}
    for doc_id, sentences in sentences_by_doc.items():
        for sentence in sentences:
            located[(doc_id, sentence.start)] = sentence

    def sentence_at(doc_id: str, offset: int) -> Sentence | None:
        for sentence in sentences_by_doc.get(doc_id, ()):
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    pairs: set[tuple[Sentence, Sentence]] = set()
    for cluster in getattr(corpus, "clusters", ()):
        if len(cluster.documents) < 2:
            continue
        members = []
        for claim_id in cluster.claims:
            try:
                claim = corpus.claim(claim_id)
            except KeyError:
                continue
            sentence = sentence_at(claim.doc, claim.span.start)
            if sentence is not None:
                members.append(sentence)
        for a in members:
            for b in members:
                if a.doc < b.doc:
                    pairs.add((a, b))
    doc_ids = sorted(sentences_by_doc)
    sets = {doc_id: [(s, word_set(s.text)) for s in sentences_by_doc[doc_id]] for doc_id in doc_ids}
    for i, doc_a in enumerate(doc_ids):
        for doc_b in doc_ids[i + 1:]:
            for a, set_a in sets[doc_a]:
                if len(set_a) < 4:
                    continue
                for b, set_b in sets[doc_b]:
                    if len(set_b) < 4:
                        continue
                    overlap = len(set_a & set_b) / len(set_a | set_b)
                    if overlap >= min_overlap:
                        pairs.add((a, b))
    kept = []
    for a, b in pairs:
        matcher = SequenceMatcher(None, [w.text.casefold() for w in words_of(a.text)],
                                  [w.text.casefold() for w in words_of(b.text)], autojunk=False)
        if matcher.ratio() >= min_ratio:
            kept.append((a, b))
    return sorted(kept, key=lambda pair: (pair[0].doc, pair[0].start, pair[1].doc, pair[1].start))


def is_content(word: Word) -> bool:
    return word.alpha and word.text.islower() and len(word.text) >= 3 and word.text not in STOPWORDS


# --- Meaning flips: the model's own sense of "opposite" against "another word for" ----------

_OPPOSITE = "The opposite of {a} is"
_SYNONYM = "Another word for {a} is"


def contrast(lm, word_a: str, word_b: str) -> float:
    """How much more the model reads ``word_b`` as the opposite of ``word_a`` than as another
    word for it, averaged over both directions (nats; > 0 leans to opposites)."""
    prompts = []
    for first, second in ((word_a, word_b), (word_b, word_a)):
        for template in (_OPPOSITE, _SYNONYM):
            prefix = template.format(a=first)
            prompts.append((prefix, f"{prefix} {second}."))
    scored = lm.score_tokens([text for _, text in prompts])
    completions = [
        sum(token.logprob for token in tokens if token.start >= len(prefix))
        for (prefix, _), tokens in zip(prompts, scored)
    ]
    return ((completions[0] - completions[1]) + (completions[2] - completions[3])) / 2.0
