"""Align what two sources say, word by word, so that what differs is known by slot.

The cross-source checks read this module: date-conflict (a date against a date) and
numeric-conflict (a number against a number with its counted noun); quote-provenance and
attribution-conflict compare speakers and titles of one person found by name, and report
the differing words in the same shape.

Method. A claim becomes a sequence of tokens: each typed slot extraction found (a time
expression, a quantity, a named person) is one token; every other content word is its
Snowball stem, with function words, auxiliaries and punctuation left out, so tense and
voice do not count ("will defend" / "defended" both give ``defend``; "was hosted by" /
"hosted" both give ``host``). Slots are keyed by kind (``<date>``, ``<number>``,
``<person>``), so two dates stand opposite each other whatever their values. The two key
sequences are aligned with rapidfuzz's Levenshtein opcodes (C, linear memory); the opcodes
give the words each side has that the other lacks. Slots are then paired by kind: a lone
slot of its kind on each side pairs as it is; several pair greedily by the overlap of the
words around them, the alignment putting them opposite each other and an equal granularity
counting in favour. So a moved phrase ("On Sept. 8, X won" / "X won on Sept. 8") or a
passive still pairs its dates, and "101 yards ... 352 yards" pairs each with its own.

How well the rest matches (``strength``: the Dice overlap of the content stems and the
people's surnames, as multisets and weighted by inverse document frequency over the
corpus's claims, so a shared rare name counts more than a shared "said"; order-free, so
paraphrase that keeps the words and reorders them still matches; a capitalised word that is
the surname of a person the corpus names elsewhere counts as that person, since the tagger
often misses a headline's "Roe") is the strength of whatever differs at a slot; ``SlotPair.context`` is the same overlap for the few words
around the two slots, for when one source adds a clause the other lacks. A check decides
what a difference at a slot means (dates by interval, numbers by interval and counted noun).

The second signal is meaning: ``similarity``, the cosine of the two claims' sentence vectors
(the embed stage's MiniLM vectors, when the corpus has them; one dot product per pair). Words
in common name a topic; two sentences on one topic can still tell two facts ("first hosted
the Oscars in 2007" / "to host the Oscars in 2014"), and a paraphrase can share few words and
tell one ("the host of the ceremony, televised on February 22" / "the host of the 81st Oscars
on Feb. 22"). So a pair below the word-overlap floor is aligned too when its vectors are close
(``MIN_SIMILARITY``; only when both give a time, since only date-conflict reads paraphrases),
and ``matches_otherwise`` accepts such a paraphrase when the words right around the slots agree;
the checks also ask a minimum similarity of every warning.

Candidate pairs come from the corpus without comparing all pairs: an inverted index of
the claims' rarer content stems (a word in more than ``MAX_POSTINGS`` claims is not
indexed) scores the claims sharing words with each claim by summed IDF, and the best few
from other documents are kept, plus the claim's nearest cluster mates and the cluster
stage's same-fact neighbours (``corpus.same_fact``). Work grows with the number of claims
times the capped posting length: near-linear.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from factcheck.dates import names_its_own_date
from factcheck.nlp.timex.lexicon import WEEKDAY_FULL
from factcheck.nlp.verbs import REPORTING_VERBS
from factcheck.words import LETTERS, words_in

if TYPE_CHECKING:
    from factcheck.model import Actor, Claim, Corpus, TimeExpression

TokenKind = Literal["word", "date", "number", "person"]

# Function words, auxiliaries and modal verbs: they carry tense, voice and syntax, not the fact.
STOPWORDS = frozenset(
    """
a an the this that these those there here its it it's his her hers their theirs our ours my your yours
him them they he she we i you me us who whom whose which what when where why how
of to in on at by for from with without into onto over under about above below after before during
since until till between among against through throughout per via as than then so such too very
and or but nor yet if because while although though whether also just only even still already
is are was were be been being am do does did doing done have has had having will would shall should
can could may might must ought not no never n't 's s
said says say told tells according
""".split()
)

# Irregular verb forms a stemmer cannot fold ("won" / "will win", "held" / "holds").
_IRREGULAR = {
    "won": "win",
    "held": "hold",
    "left": "leav",
    "made": "make",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "went": "go",
    "gone": "go",
    "came": "come",
    "began": "begin",
    "begun": "begin",
    "found": "find",
    "brought": "bring",
    "bought": "buy",
    "sold": "sell",
    "thought": "think",
    "met": "meet",
    "led": "lead",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
    "struck": "strike",
    "hit": "hit",
    "shot": "shoot",
    "fought": "fight",
    "caught": "catch",
    "built": "build",
    "sent": "send",
    "spent": "spend",
    "paid": "pay",
    "kept": "keep",
    "lost": "lose",
    "ran": "run",
    "saw": "see",
    "seen": "see",
    "knew": "know",
    "known": "know",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "chose": "choos",
    "chosen": "choos",
    "drove": "drive",
    "driven": "drive",
    "flew": "fli",
    "flown": "fli",
    "grew": "grow",
    "grown": "grow",
    "killed": "kill",
    "died": "die",
    "dead": "die",
    "death": "die",
    "arrested": "arrest",
    "fled": "flee",
    "hid": "hide",
    "hidden": "hide",
    "stole": "steal",
    "stolen": "steal",
    "swore": "swear",
    "sworn": "swear",
    "won't": "win",
    "wed": "marri",
    "fired": "fire",
    "quit": "quit",
    "sank": "sink",
    "sunk": "sink",
    "shook": "shake",
    "woke": "wake",
    "wore": "wear",
    "worn": "wear",
    "threw": "throw",
    "thrown": "throw",
}

# The irregular forms above that are a verb's own (past tense, participle), not a noun or adjective of the act.
IRREGULAR_VERB_FORMS = frozenset(_IRREGULAR) - {"dead", "death", "won't"}

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W\d_]+)?(?:-[^\W_]+)*", re.UNICODE)

# Candidate search: a stem in more claims than this is too common to pair on.
MAX_POSTINGS = 120
# Neighbours kept per claim from other documents (and from its own document).
NEIGHBOURS = 6
SAME_DOCUMENT_NEIGHBOURS = 2
# Cluster mates kept per claim (clusters can be large; the nearest by words are kept).
CLUSTER_MATES = 8
LARGE_CLUSTER_WINDOW = 25
# Pairs whose content words overlap less than this are not aligned any further.
MIN_STRENGTH = 0.25
MIN_SHARED = 2
# Or: pairs whose sentence vectors are this close (a paraphrase sharing few words) are aligned too: the floor
# every date-conflict warning asks (its ``SIMILARITY``), so no pair that check could accept is left unaligned.
MIN_SIMILARITY = 0.6
# A paraphrase still shares a fifth of its weighted content words: below that, two sentences on one
# topic ("first hosted the Oscars in 2007" / "to host Oscars in 2014") tell different facts.
PARAPHRASE_STRENGTH = 0.2
# Two values that date or count the same word (their parse heads agree) are one fact's when the rest
# matches this well: the sentence vectors, the weighted words, the words right around the slots. Each
# is under what the checks ask without the heads (0.6, 0.5, 0.6): the heads say what the words around
# would. Two values whose heads differ are one fact's only when the sentences mean nearly the same
# (vectors this close): "arrested" / "captured", "boy" / "teenager" are one thing told in two words,
# "added 101 yards" / "had 352 yards rushing", "modelling began" / "divorced" are two things.
HEAD_SIMILARITY = 0.5
HEAD_STRENGTH = 0.3
HEAD_CONTEXT = 0.3
DIFFERENT_HEADS_SIMILARITY = 0.8
# Words one side lacks that WordNet gives for one sense of a word the other lacks count as shared for the slot
# checks (``_synonym_pairs``, ``Alignment.rest_strength``), from the first ``LEXICAL_CANDIDATES`` rarest of
# each side. Only synonyms: on the dev groups derived forms
# paired two guns' calibres (a warning per clean group more), and two steps up relate the words of one story
# ("space" / "area", "meet" / "visit").
LEXICAL_CANDIDATES = 6
# Content words either side of a slot that say which fact it belongs to.
LOCAL_WIDTH = 5


@functools.lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The comparison form of a word: casefolded, possessive dropped, irregular forms folded, stemmed."""
    folded = word.casefold().replace("\u2019", "'")
    if folded.endswith("'s"):
        folded = folded[:-2]
    folded = folded.strip("'")
    if folded in _IRREGULAR:
        return _IRREGULAR[folded]
    return str(_stemmer().stemWord(folded))


@dataclass(frozen=True)
class Token:
    """One aligned unit: a content word, or a whole typed slot (a date, a number, a person)."""

    kind: TokenKind
    key: str  # what must be equal for the alignment to put two tokens opposite each other
    text: str
    start: int  # offsets into the document's original text
    end: int
    ref: Any = None  # the TimeExpression, Quantity or Actor of a slot

    @property
    def slot(self) -> bool:
        return self.kind != "word"


@dataclass(frozen=True)
class SlotPair:
    """Two slots of one kind the alignment puts opposite each other."""

    kind: TokenKind
    left: Token
    right: Token
    how: Literal["aligned", "context", "only"]  # by the alignment, by the words around, the only ones left
    context: float  # weighted overlap of the words right around the two slots, over the fewer (0..1)
    # Whether the two values date or count the same word (their parse heads, stemmed): True, False,
    # or None when a side has no head (a headline the parse leaves flat, a hand-built claim).
    heads: bool | None = None


@dataclass(frozen=True)
class Alignment:
    """Two claims aligned: their tokens, the opcodes, how well the rest matches, their paired slots."""

    left: Claim
    right: Claim
    left_tokens: tuple[Token, ...]
    right_tokens: tuple[Token, ...]
    opcodes: tuple[tuple[str, int, int, int, int], ...]
    strength: float  # IDF-weighted Dice overlap of the content stems and people's surnames (0..1)
    shared: int  # content stems and surnames both sides have
    slots: tuple[SlotPair, ...] = ()
    similarity: float | None = None  # cosine of the two claims' sentence vectors, when the corpus has them
    # ``strength`` and ``shared`` with two words WordNet gives for one sense counted as one ("tremor" / "quake"):
    # how well the rest matches for the slot checks (``matches_otherwise``, ``same_head_fact``). ``strength``
    # stays the words as written, for identity and for the checks that compare people's roles, where a synonym
    # makes two descriptions of one person ("attorney" / "lawyer ..., the owner") look like one fact told twice.
    told_strength: float | None = None
    told_shared: int | None = None

    @property
    def rest_strength(self) -> float:
        return self.strength if self.told_strength is None else self.told_strength

    @property
    def rest_shared(self) -> int:
        return self.shared if self.told_shared is None else self.told_shared

    @property
    def cross_source(self) -> bool:
        return self.left.doc != self.right.doc

    def pairs_of(self, kind: TokenKind) -> list[SlotPair]:
        return [pair for pair in self.slots if pair.kind == kind]

    def slot_counts(self, kind: TokenKind) -> tuple[int, int]:
        return (sum(1 for t in self.left_tokens if t.kind == kind), sum(1 for t in self.right_tokens if t.kind == kind))

    def matches_otherwise(
        self,
        pair: SlotPair,
        strength: float,
        local: float,
        shared: int,
        similarity: float | None = None,
        around: float = 0.4,
    ) -> bool:
        """Whether the rest of the two sentences matches around a slot pair.

        Identical but for the slots always does ("The fleet has 40 reactors" / "... 90
        reactors"). Otherwise at least ``shared`` content words in common, and either the
        whole sentences match to ``strength`` (weighted Dice) or the words around the two
        slots to ``local`` while the whole still matches to half of ``strength`` (one source
        adds a clause the other lacks).
        """
        if self.strength >= 0.999 and self.shared >= 1:
            return True
        if (
            similarity is not None
            and self.similarity is not None
            and self.similarity >= similarity
            and pair.context >= around
            and self.rest_shared >= MIN_SHARED
            and self.rest_strength >= PARAPHRASE_STRENGTH
        ):
            return True  # a paraphrase: few words in common, the same meaning, the same words around the slots
        if self.rest_shared < shared:
            return False
        if not self.cross_source:
            return self.strength >= strength  # within one text, only a close restatement
        rest = self.rest_strength
        return rest >= strength or (pair.context >= local and rest >= strength / 2)

    def people_in_common(self) -> set[str]:
        """The people both sentences name, by surname (the keys ``strength`` counts them by: "@roe")."""
        left = {_bag_key(token) for token in self.left_tokens if token.kind == "person"}
        right = {_bag_key(token) for token in self.right_tokens if token.kind == "person"}
        return {key for key in left & right if key is not None}

    def same_head_fact(self, pair: SlotPair, similarity: float = HEAD_SIMILARITY) -> bool:
        """Whether two sources tell one fact in other words at a slot: the values date or count the same word.

        The heads agreeing ("will defend his title on May 2" / "defends his title ... on May 9":
        both date ``defend``; "injuring five people" / "injuring ten people") say what the words
        around the slots would, so the rest need match only to the lower ``HEAD_*`` floors: sentence
        vectors ``similarity``, weighted words ``HEAD_STRENGTH``, words around ``HEAD_CONTEXT``.
        """
        return (
            self.cross_source
            and pair.heads is True
            and self.rest_shared >= MIN_SHARED
            and self.rest_strength >= HEAD_STRENGTH
            and pair.context >= HEAD_CONTEXT
            and self.similarity is not None
            and self.similarity >= similarity
        )

    def heads_differ(self, pair: SlotPair) -> bool:
        """Whether the parse says the two values date or count different things, and the sentences do not say otherwise.

        Differing heads are let through only when the two sentences are one sentence (the same
        words) or mean nearly the same (``DIFFERENT_HEADS_SIMILARITY``): then the heads differ
        by wording ("arrested" / "captured"), not by what is dated or counted.
        """
        if pair.heads is not False or self.strength >= 0.999:
            return False
        return self.similarity is None or self.similarity < DIFFERENT_HEADS_SIMILARITY

    def differing_words(self) -> tuple[list[Token], list[Token]]:
        """Content words each side has that the other lacks at the aligned place (for a word diff)."""
        left: list[Token] = []
        right: list[Token] = []
        left_bag = Counter(t.key for t in self.left_tokens if not t.slot)
        right_bag = Counter(t.key for t in self.right_tokens if not t.slot)
        for tag, i1, i2, j1, j2 in self.opcodes:
            if tag == "equal":
                continue
            left.extend(t for t in self.left_tokens[i1:i2] if not t.slot and right_bag[t.key] == 0)
            right.extend(t for t in self.right_tokens[j1:j2] if not t.slot and left_bag[t.key] == 0)
        return left, right

    def evidence_data(self, left_marked: Sequence[Token] = (), right_marked: Sequence[Token] = ()) -> dict[str, Any]:
        """Both sides with the sub-spans that differ, for reporters to highlight (see README, finding data)."""
        left_words, right_words = self.differing_words()

        def side(claim: Claim, marked: Sequence[Token], words: list[Token]) -> dict[str, Any]:
            spans = sorted({(t.start, t.end, t.text) for t in (*marked, *words)})
            return {
                "doc": claim.doc,
                "start": claim.span.start,
                "end": claim.span.end,
                "text": claim.span.text,
                "differs": [{"start": s, "end": e, "text": text} for s, e, text in spans],
            }

        return {
            "strength": round(self.strength, 3),
            "left": side(self.left, left_marked, left_words),
            "right": side(self.right, right_marked, right_words),
        }


# --- tokens -------------------------------------------------------------------------------------

# A time written with its date: a month with a day, a slashed date, or a year ("April 4, 2022 at
# 9:30"); four digits followed by a time zone are a clock time ("1100 GMT", "2000 UTC").
_WRITTEN_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d|\d{1,2}/\d{1,2}"
    r"|\b(?:1[89]|20)\d{2}\b(?!\s*(?:gmt|utc|z\b|hrs\b|hours\b|h\b|local\b|[ecmp][sd]t\b))",
    re.IGNORECASE,
)


# A weekday with a part of it ("Monday evening", "Tuesday night"): the day is what two accounts of an act place it on.
_WEEKDAY_PART = re.compile(rf"{WEEKDAY_FULL}\s+(?:morning|afternoon|evening|night)", re.IGNORECASE)


def _calendar_date(time: TimeExpression) -> bool:
    """A DATE, or a TIME written with its date ("April 4, 2022 at 9:30") or on a weekday ("Monday evening"); not a
    length or "3 p.m." alone."""
    kind = getattr(time, "type", "DATE")
    return kind == "DATE" or (
        kind == "TIME" and bool(_WRITTEN_DATE.search(time.span.text) or _WEEKDAY_PART.fullmatch(time.span.text))
    )


_WEEKDAY_ALONE = re.compile(WEEKDAY_FULL)


def _a_name_s_weekday(claim: Claim, time: TimeExpression) -> bool:
    """Whether a weekday standing alone is a word of a name the parse put in a person's title or a named
    entity ("Sunday Ledger journalist Sam Ito", "the Tuesday Club"): a title or a name lasts, a weekday
    dates one day, so inside one the day names a paper or a show and dates nothing."""
    if not _WEEKDAY_ALONE.fullmatch(time.span.text):
        return False
    start, end = time.span.start, time.span.end
    return any(
        outer is not None and outer.start <= start and end <= outer.end and (outer.start, outer.end) != (start, end)
        for actor in claim.actors
        for outer in (actor.span, actor.role_span)
    )


def _slots(claim: Claim) -> list[Token]:
    slots: list[Token] = []
    for time in claim.times:
        if time.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF") or not _calendar_date(time):
            continue  # "now", "recently", a length ("15-year-old") or a time of day: no calendar date to compare
        if _a_name_s_weekday(claim, time):
            continue
        slots.append(Token("date", "<date>", time.span.text, time.span.start, time.span.end, time))
    for quantity in claim.quantities:
        slots.append(Token("number", "<number>", quantity.span.text, quantity.span.start, quantity.span.end, quantity))
    people: dict[tuple[int, int], Actor | str] = {}
    for actor in claim.actors:
        if actor.label == "PERSON":
            people[(actor.span.start, actor.span.end)] = actor
    quote = claim.quote
    if quote is not None and quote.speaker_span is not None and quote.speaker:
        key = (quote.speaker_span.start, quote.speaker_span.end)
        if not any(start < key[1] and key[0] < end for start, end in people):
            people[key] = quote.speaker
    for (start, end), person in people.items():
        text = claim.span.text[start - claim.span.start : end - claim.span.start] or (
            person.span.text if not isinstance(person, str) else person
        )
        slots.append(Token("person", "<person>", text, start, end, person))
    # Overlapping slots (a number inside a date span): the earlier-listed, longer one wins.
    slots.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Token] = []
    for slot in slots:
        if kept and slot.start < kept[-1].end:
            continue
        kept.append(slot)
    return kept


def claim_tokens(claim: Claim) -> tuple[Token, ...]:
    """The claim as aligned tokens: typed slots whole, other content words stemmed, in text order."""
    return _claim_tokens_cached(claim)


@functools.lru_cache(maxsize=1 << 15)
def _claim_tokens_cached(claim: Claim) -> tuple[Token, ...]:
    base = claim.span.start
    text = claim.span.text
    slots = [slot for slot in _slots(claim) if base <= slot.start and slot.end <= base + len(text)]
    tokens: list[Token] = []
    position = 0
    for slot in [*slots, None]:
        stop = (slot.start - base) if slot is not None else len(text)
        for match in _WORD.finditer(text, position, max(position, stop)):
            word = match.group()
            folded = word.casefold().replace("\u2019", "'")
            if folded in STOPWORDS or folded.removesuffix("'s") in STOPWORDS:
                continue
            key = stem(word)
            if not key or key in STOPWORDS:
                continue
            tokens.append(Token("word", key, word, base + match.start(), base + match.end()))
        if slot is not None:
            tokens.append(slot)
            position = slot.end - base
    return tuple(tokens)


# --- aligning two claims ------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)  # a corpus writes the same few thousand capitalised words again and again
def _surname_key(text: str) -> str | None:
    """The key a person is counted by: "@" and the surname, casefolded ("Jane Roe's" -> "@roe")."""
    words = words_in(text.casefold().replace("\u2019", "'").removesuffix("'s"))
    return "@" + words[-1] if words else None


def _bag_key(token: Token, names: Mapping[str, float] | None = None) -> str | None:
    """What a token contributes to "the rest matches": a content stem, or a person's surname.

    A capitalised word that is the surname of a person named elsewhere in the corpus (``names``: the weights,
    which hold every person's key) counts as that person: the entity tagger often misses a surname alone ("Roe to
    defend title"), and the two must still meet.
    """
    if token.kind == "word":
        if names is not None and token.text[:1].isupper():
            key = _surname_key(token.text)
            if key is not None and key in names:
                return key
        return token.key
    if token.kind == "person":
        return _surname_key(token.text)
    return None


def _bag(tokens: Sequence[Token], names: Mapping[str, float] | None = None) -> Counter[str]:
    return Counter(key for key in (_bag_key(token, names) for token in tokens) if key is not None)


def _weighted(bag: Counter[str], weights: Mapping[str, float] | None) -> float:
    if weights is None:
        return float(sum(bag.values()))
    # The fallback (the rarest stem's weight) is a scan of the whole vocabulary: only when needed,
    # which it seldom is (candidate_pairs weighs every stem); per call it made checks quadratic.
    default = max(weights.values(), default=1.0) if any(key not in weights for key in bag) else 1.0
    return sum(count * weights.get(key, default) for key, count in bag.items())


def _window(tokens: Sequence[Token], index: int, width: int, names: Mapping[str, float] | None = None) -> Counter[str]:
    around = [*tokens[max(0, index - width) : index], *tokens[index + 1 : index + 1 + width]]
    return _bag([token for token in around if not token.slot or token.kind == "person"], names)


def _overlap(a: Counter[str], b: Counter[str], weights: Mapping[str, float] | None) -> float:
    """Weighted containment: what the two bags share, over the smaller one (0..1)."""
    if not a or not b:
        return 0.0
    return _weighted(a & b, weights) / max(1e-9, min(_weighted(a, weights), _weighted(b, weights)))


def context_of(left: Sequence[Token], index: int, right: Sequence[Token], other: int) -> float:
    """How alike the words right around two slots are (``SlotPair.context``), for a pair the caller makes itself."""
    return _overlap(_window(left, index, LOCAL_WIDTH), _window(right, other, LOCAL_WIDTH), None)


# What joins two dates into one stretch of time, with nothing else between them: "from 2016 to 2021", "March 3-5",
# "over the period 2013 until 2021"; or "and" after "between" ("between 2013 and 2021").
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|-|\u2013|\u2014)\s*", re.IGNORECASE)
_AND_JOIN = re.compile(r"\s*and\s*", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class JoinedDates:
    """Two dates a sentence writes as one: a stretch of time ("from 2016 to 2021") or two days of one act ("on 3 and
    4 May"), by their positions among the claim's tokens."""

    first: int
    second: int
    kind: Literal["stretch", "list"]


def joined_dates(claim: Claim) -> tuple[JoinedDates, ...]:
    """The pairs of dates a sentence writes one right after the other, joined by a word of extent ("to", "until",
    "through", a dash; "and" after "between": a stretch) or by "and" alone (a list of two): "controls over the period
    2016 to 2021", "talks held on 3 and 4 May". A date joined to two others on both sides is no pair of two."""
    tokens = claim_tokens(claim)
    text, offset = claim.span.text, claim.span.start
    found = []
    for index in range(len(tokens) - 1):
        first, second = tokens[index], tokens[index + 1]
        if first.kind != "date" or second.kind != "date":
            continue
        between = text[first.end - offset : second.start - offset]
        if _RANGE_JOIN.fullmatch(between):
            found.append(JoinedDates(index, index + 1, "stretch"))
        elif _AND_JOIN.fullmatch(between):
            before = text[: first.start - offset]
            found.append(JoinedDates(index, index + 1, "stretch" if _BETWEEN_BEFORE.search(before) else "list"))
    # A pair with a third date right beside it is part of a run ("in 2007, 2008 and 2009"): a list, whose items pair
    # by chance.
    return tuple(
        pair
        for pair in found
        if not any(
            0 <= index < len(tokens) and tokens[index].kind == "date" for index in (pair.first - 1, pair.second + 1)
        )
    )


def slot_head(token: Token) -> str | None:
    """What a date dates or a figure's noun belongs to (extraction's ``head``), stemmed: "killed" / "killing" -> kill."""
    head = getattr(token.ref, "head", None) if token.slot else None
    if not head or head.split()[0] in STOPWORDS:
        return None  # "were up 1%", "had 352 yards": a copula or an auxiliary says nothing of what is counted
    return " ".join(_lemma_stem(word) for word in head.split())  # a phrasal verb's particle kept: "set up"


def _lemma_stem(lemma: str) -> str:
    """``stem`` of a word the parse has already lemmatised: an irregular past form is folded only when WordNet
    does not have it as a verb of its own, so the lemma "found" (to establish) stays apart from "find"."""
    from factcheck.nlp import lexicon

    if lemma in _IRREGULAR and lexicon.base_forms(lemma, "v")[:1] == (lemma,):
        return str(_stemmer().stemWord(lemma))
    return stem(lemma)


def heads_agree(left: Token, right: Token) -> bool | None:
    """Whether two slots date or count one act or thing; None when either has no head.

    One stem ("killed" / "killing"), or two words WordNet gives for one act (``lexicon.same_act``: synonyms,
    derived forms, one a kind of the other): "was killed June 24" / "charged with murdering the deputy on
    June 24", "hosted the Oscars in 2007" / "the 2007 emcee". Opposites ("rose" / "fell") are two acts."""
    left_head, right_head = slot_head(left), slot_head(right)
    if left_head is None or right_head is None:
        return None
    if left_head == right_head:
        return True
    from factcheck.nlp import lexicon

    # the parse's lemma of a word it does not know is the word as written ("emceed"): WordNet's rules read it
    return lexicon.word_relation(left.ref.head, right.ref.head) in lexicon.SAME_ACT


# A verb WordNet gives this many senses or more says little by itself ("take", "give", "make", "hold"): when it has an
# object, the object's noun tells the act ("took the oath", "gave its approval"), as the extractor's light verbs do.
LIGHT_VERB_SENSES = 30


def a_light_verb(lemma: str) -> bool:
    """Whether a verb's object names the act it tells: one of the extractor's light verbs (``verbs.LIGHT_VERBS``:
    "conduct", "stage", "hold") or a verb of ``LIGHT_VERB_SENSES`` senses or more ("give", "take", "make")."""
    from factcheck.nlp import lexicon
    from factcheck.nlp.verbs import LIGHT_VERBS

    return lemma in LIGHT_VERBS or lexicon.sense_count(lemma, "v") >= LIGHT_VERB_SENSES


def _writes_the_verb(word: str, lemma: str) -> bool:
    """Whether a written word is a form of the verb ``lemma`` ("took" / take, "gave" / give, "holds" / hold)."""
    return word == lemma or lemma in _verb_lemmas(word) or (word in IRREGULAR_VERB_FORMS and stem(word) == stem(lemma))


def _light_verb_objects(claim: Claim, verb: str) -> frozenset[str]:
    """The nouns the parse gives as what a light verb of the sentence is done to, written within ``LOCAL_WIDTH``
    words after the verb: the event's action when the extractor looked through the verb ("took the oath of office"
    -> oath), or the last word of its object when it did not ("gave its approval to the plan" -> approval)."""
    event = claim.event
    if event is None:
        return frozenset()
    nouns = {event.action} if event.action != verb else set()
    if event.action == verb and event.object:
        nouns.add(event.object.split()[-1])
    nouns = {noun for noun in nouns if noun and " " not in noun and noun.isalpha()}
    if not nouns:
        return frozenset()
    words = [match.group().casefold() for match in LETTERS.finditer(claim.span.text)]
    found: set[str] = set()
    for index, word in enumerate(words):
        if not _writes_the_verb(word, verb):
            continue
        after = words[index + 1 : index + 1 + LOCAL_WIDTH]
        found.update(noun for noun in nouns if noun in after or any(stem(written) == stem(noun) for written in after))
    return frozenset(found)


@dataclass(frozen=True)
class DatedAct:
    """The words that name the act a date dates (``date_acts``)."""

    verb: str  # its head, the parse's lemma ("open", "swear in")
    objects: frozenset[str] = frozenset()  # the object noun of a light verb ("oath" of "took the oath")
    bare: str | None = None  # a phrasal head's verb without its particle ("swear" of "swear in")

    @property
    def words(self) -> frozenset[str]:
        return frozenset({self.verb, *self.objects})


def date_acts(claim: Claim, date: Token) -> DatedAct | None:
    """The words that name the act a date dates, from the parse: its head ("opened to traffic on June 2" -> open);
    a light verb's object noun (``_light_verb_objects``: "took the oath of office on May 3" -> take, oath; "gave its
    approval" -> give, approval); and a phrasal head's bare verb ("was sworn in" -> swear), which ``acts_agree``
    reads against such an object only. None when the date has no head or hangs on a function word."""
    head = str(getattr(date.ref, "head", None) or "")
    if not head or slot_head(date) is None:
        return None
    words = head.split()
    objects = _light_verb_objects(claim, words[0]) if a_light_verb(words[0]) else frozenset()
    return DatedAct(head, objects, words[0] if len(words) > 1 else None)


# Verbs that open a definition without naming an act: a state ("be king"), a change into one ("become king"), a cause
# ("cause to open"): what follows them is no act either side of a date would be told by.
_DEFINING_NOTHING = frozenset({"be", "become", "cause", "make", "have", "get"})
# Words after which a definition's genus names no act of its own: its object does ("make a formal surrender of").
_DEFINITION_PREPOSITIONS = frozenset({"of", "to", "in", "into", "with", "for", "from", "on", "by", "at", "as", "or"})


@functools.lru_cache(maxsize=1 << 14)
def defining_acts(verb: str) -> frozenset[str]:
    """``defined_acts``'s words, whatever their senses' fields."""
    return frozenset(word for word, _ in defined_acts(verb))


@functools.lru_cache(maxsize=1 << 14)
def defined_acts(verb: str) -> frozenset[tuple[str, int]]:
    """The words WordNet's definitions of a verb's senses name its act by: each definition's genus, its first verb
    ("turn in": "to surrender someone or something to another" -> surrender; "abdicate": "give up, such as power"
    -> give up, two words when WordNet has them as one verb), or, when the genus is a light verb (``a_light_verb``),
    the noun it takes, the last word before a preposition ("testify": "give testimony in a court of law" ->
    testimony). A dictionary defines a verb by a broader act and what sets it apart; the genus is that act, and an
    idiom WordNet files apart from its plain word ("turned himself in" / "surrendered") is defined by it. Each word
    comes with the semantic field of the sense it defines (WordNet's lexicographer file: verb.possession)."""
    from factcheck.nlp import lexicon

    found: set[tuple[str, int]] = set()
    for key in lexicon.senses(verb, "v"):
        field = lexicon.synset(key).lexicographer_file
        words = lexicon.definition_words(key)
        if words[:1] == ["to"]:
            words = words[1:]
        if not words:
            continue
        two = " ".join(words[:2])
        genus = two if len(words) > 1 and lexicon.senses(two, "v") else words[0]
        if not lexicon.senses(genus, "v") or genus == verb:
            continue
        if genus in _DEFINING_NOTHING:
            continue
        if not a_light_verb(genus):
            found.add((genus, field))
            continue
        rest = words[len(genus.split()) :]
        taken = []
        for word in rest:
            if word in _DEFINITION_PREPOSITIONS:
                break
            taken.append(word)
        if taken and taken[-1] not in STOPWORDS and lexicon.senses(taken[-1], "n"):
            found.add((taken[-1], field))
    return frozenset(found)


def defined_as(verb: str, other: str) -> bool:
    """Whether a verb's definition names the other word's act (``defined_acts``): the same word, a synonym or a
    derived form ("turn in" / "surrender", "testify" / "testimony"), in a sense of the field the other word's senses
    as a verb are in (a noun's, when it is no verb). Not a kind of it: the genus is already the broader act, and one
    step more would join two acts under it ("resign": "leave" is a kind of "go"). The field keeps a sense apart that
    defines the verb by another sense of the word: "find", "establish after a calculation" (cognition), is not
    "found", "establish" in the sense of setting up (creation)."""
    from factcheck.nlp import lexicon

    named = (lexicon.Relation.SAME, lexicon.Relation.SYNONYM, lexicon.Relation.DERIVED)
    fields = {lexicon.synset(key).lexicographer_file for key in lexicon.senses(other, "v")}
    return any(
        (not fields or field in fields)
        and (_lemma_stem(word) == _lemma_stem(other) or lexicon.word_relation(word, other) in named)
        for word, field in defined_acts(verb)
    )


# The particles that make a verb and an adverb one act ("stepped down", "passed away", "pulled out", "called off").
# "on" and "in" are left out: after a verb they open a date or a place as often ("closed on Monday", "held in May").
_PARTICLES = frozenset({"up", "down", "out", "off", "away", "over", "back", "through"})


def phrasal_act(claim: Claim, lemma: str) -> str:
    """The act a verb tells with its particle, as the sentence writes it, when WordNet has the two words as one verb
    and the parse's lemma has the verb alone: "stepped down" -> "step down" (to resign), "passed away" -> "pass away"
    (to die). The lemma as it is otherwise."""
    from factcheck.nlp import lexicon

    if " " in lemma or not lemma.isalpha():
        return lemma
    words = [match.group().casefold() for match in LETTERS.finditer(claim.span.text)]
    for index, word in enumerate(words[:-1]):
        if words[index + 1] in _PARTICLES and _writes_the_verb(word, lemma):
            phrasal = f"{lemma} {words[index + 1]}"
            if lexicon.senses(phrasal, "v"):
                return phrasal
    return lemma


def acts_agree(left: Claim, left_date: Token, right: Claim, right_date: Token) -> bool | None:
    """``heads_agree`` for two dates, read with their sentences: the heads agree, or one side's light verb's object
    names the act the other side's verb tells (``date_acts``, ``acts_related``): "took the oath of office on May 3"
    / "was sworn in on May 4" (an oath is what one swears), "gave its approval on 9 November" / "approved the plan
    on 19 November". Two light verbs' objects are not compared with each other: "made an offer" / "took the offer"
    are two acts on one thing, which the verbs tell apart. A phrasal verb's bare verb meets only such an object:
    "set up the fund" and "set off" are two acts. None when a side has no head."""
    agree = heads_agree(left_date, right_date)
    if agree is None:
        return agree
    from factcheck.nlp import lexicon

    # A verb and its particle the parse parted ("stepped down" read as "step") are one act of their own.
    left_head, right_head = str(left_date.ref.head), str(right_date.ref.head)
    left_phrasal, right_phrasal = phrasal_act(left, left_head), phrasal_act(right, right_head)
    if (left_phrasal, right_phrasal) != (left_head, right_head) and (
        left_phrasal == right_phrasal or lexicon.word_relation(left_phrasal, right_phrasal) in lexicon.SAME_ACT
    ):
        return True
    if agree:
        return agree
    left_act, right_act = date_acts(left, left_date), date_acts(right, right_date)
    if left_act is None or right_act is None:
        return False
    if _objects_tell(left_act, right_act):
        return True
    # A date hung on a noun that names no event dates the sentence's verb ("testified before the inquiry on 22
    # October"), and an idiom is read by its definition (``acts_defined_alike``).
    left_verb, right_verb = verb_act(left, left_date) or left_act, verb_act(right, right_date) or right_act
    if (left_verb, right_verb) != (left_act, right_act) and (
        acts_related(left_verb.verb, right_verb.verb) or _objects_tell(left_verb, right_verb)
    ):
        return True
    return acts_defined_alike(left_verb, right_verb)


def _objects_tell(left_act: DatedAct, right_act: DatedAct) -> bool:
    """Whether one side's light verb's object names the act the other side's verb tells (``acts_agree``)."""
    pairs = [(noun, right_act.verb) for noun in sorted(left_act.objects)]
    pairs += [(left_act.verb, noun) for noun in sorted(right_act.objects)]
    if left_act.bare is not None:
        pairs += [(left_act.bare, noun) for noun in sorted(right_act.objects)]
    if right_act.bare is not None:
        pairs += [(noun, right_act.bare) for noun in sorted(left_act.objects)]
    return any(acts_related(a, b) for a, b in pairs)


def verb_act(claim: Claim, date: Token) -> DatedAct | None:
    """The act a date hung on a noun dates, when the noun names no event of its own: the sentence's verb
    (``dated_act``: "testified before the inquiry on 22 October" -> testify; "the hearing on May 3" names its own
    occasion and keeps it). None when the date's head is a verb, an event or an occasion, or no verb is told."""
    from factcheck.nlp import lexicon

    head = str(getattr(date.ref, "head", None) or "")
    if not head or " " in head or told_as_a_verb(claim, head) or lexicon.mainly_an_event(head):
        return None
    if not lexicon.senses(head, "n") or head.casefold() not in claim.span.text.casefold():
        return None  # the parse's head is a noun the sentence writes ("inquiry", "children" / child)
    verb = _verb_before(claim, date)
    if verb is None or verb == head:
        return None
    objects = _light_verb_objects(claim, verb) if a_light_verb(verb) else frozenset()
    return DatedAct(verb, objects)


# Verbs that carry a clause rather than tell an act: a date's noun after one is that clause's ("learned he had
# leukaemia in 2017"), and which act the date dates is not written there.
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did"})


def _verb_before(claim: Claim, date: Token) -> str | None:
    """The lemma of the nearest word written as a past form or participle before a date, up to ``LOCAL_WIDTH`` + 3
    words back: the verb whose complement holds the noun the date hangs on ("testified before the inquiry on 22
    October" -> testify; "was authorised for 6,000 children on 11 March" -> authorise). An irregular form is read as
    the sentence's main verb when that is its lemma ("took"). None when an auxiliary comes first ("learned he had
    leukaemia in 2017"): the noun is a clause's, whose act is not written. A form in -s is left alone: after a verb
    and before a date it is mostly a plural noun ("held talks with the rebels on 3 April")."""
    offset = claim.span.start
    before = claim.span.text[: max(0, date.start - offset)]
    words = [match.group().casefold() for match in LETTERS.finditer(before)][-(LOCAL_WIDTH + 3) :]
    action = claim.event.action if claim.event is not None else None
    for word in reversed(words):
        if word in _AUXILIARIES:
            return None
        if not (word.endswith(("ed", "ing")) or word in IRREGULAR_VERB_FORMS):
            continue
        # WordNet's detachment rules leave "-ied" to its exception lists, which do not travel: "testified" -> testify
        lemmas = [lemma for lemma in _verb_lemmas(word) if lemma != word] or (
            [word[:-3] + "y"] if word.endswith("ied") and _verb_lemmas(word[:-3] + "y") else []
        )
        if lemmas:
            return lemmas[0]
        if action and " " not in action and word in _IRREGULAR and stem(action) == _IRREGULAR[word]:
            return action
        if word in IRREGULAR_VERB_FORMS:
            return None
    return None


def acts_defined_alike(left: DatedAct, right: DatedAct) -> bool:
    """Whether one side's verb is defined by the other's act (``defined_as``): "turned himself in" / "surrendered",
    "testified" / "gave evidence". A verb is read against the other's verb or light verb's object, a phrasal verb's
    bare verb against such an object only ("set up" / "set off" share "set", which tells neither act); two objects
    are not read against each other (two light verbs' objects: ``acts_agree``)."""
    pairs = [(left.verb, word) for word in sorted({right.verb, *right.objects})]
    pairs += [(right.verb, word) for word in sorted({left.verb, *left.objects})]
    if left.bare is not None:
        pairs += [(left.bare, noun) for noun in sorted(right.objects)]
    if right.bare is not None:
        pairs += [(right.bare, noun) for noun in sorted(left.objects)]
    return any(verb != word and defined_as(verb, word) for verb, word in pairs)


def dates_a_side_clause(claim: Claim, date: Token) -> bool:
    """Whether a date dates a verb of its own that is not the act the parse gives the sentence (``Event.action``):
    "Ilse Roe, sworn in as mayor on 2 January, faces a recall vote next month" dates the swearing-in, told in a
    clause of its own, while the sentence's main act (and its tense) is the coming vote."""
    event = claim.event
    head = str(getattr(date.ref, "head", None) or "")
    acts = date_acts(claim, date)
    if event is None or acts is None or event.action in acts.words:
        return False
    return told_as_a_verb(claim, head.split()[0])


def _read_from_the_dateline(token: Token) -> bool:
    """Whether a date's words leave its day to the writer's ("today", "eight days ago"), not name it ("June 24").

    Such a date pairs last with one whose words name the day ("in June, 2005"): a side that gives
    both ("today convicted ... of murdering him in June, 2005") dates the report and the act, and
    the other side's written date ("shot him in 2004") is the act's.
    """
    return token.kind == "date" and not names_its_own_date(token.text)


def dates_a_report(token: Token) -> bool:
    """Whether a date dates the telling, not what is told: its head in the parse is a verb that only reports
    (``REPORTING_VERBS``: "promoters said on Tuesday", "ITAR-TASS reported September 26", "told reporters today").

    A news sentence often dates both the fact and the report of it ("will defend his title on Sept. 8, promoters
    said on Tuesday"); the other source's one date ("on Sept. 16") is the fact's, so a report's date pairs only
    with another report's.
    """
    head = getattr(token.ref, "head", None) if token.kind == "date" else None
    return bool(head) and str(head).split()[0].casefold() in REPORTING_VERBS


def _granularity(token: Token) -> str:
    return str(getattr(token.ref, "granularity", "")) if token.kind == "date" else ""


def _comparable_units(left: Token, right: Token) -> bool:
    """Whether two numbers are in one unit family (a count and a count, a share and a share), so may be one figure."""
    from factcheck.nlp.quantities import unit_family

    return unit_family(str(getattr(left.ref, "unit", ""))) == unit_family(str(getattr(right.ref, "unit", "")))


def _same_figure(left: Token, right: Token) -> bool:
    """Whether two number slots give one value in one unit ("$412bn" / "$412bn"): the likeliest to be one fact's
    figure when each side gives several (a record deficit and the year before's, both told on both sides)."""
    if left.kind != "number" or right.kind != "number":
        return False
    return bool(left.ref.value == right.ref.value and left.ref.unit == right.ref.unit)


def _counted_noun(token: Token) -> str:
    """The last word of the noun a number counts, folded ("5 people" -> "people"); "" for a date or a bare figure."""
    words = words_in(str(getattr(token.ref, "measure", None) or "").casefold())
    return words[-1] if token.kind == "number" and words else ""


def _head_shared(tokens: Sequence[Token], indices: Sequence[int], index: int) -> bool:
    """Whether another slot of the side has the same head, so the head alone does not tell which is which.

    Two figures of one head that each name their own counted noun are told apart by it ("Three people were killed
    and about 20 hurt": "killed" heads both, "people" and "hurt" are counted); a figure with no noun, or the same
    noun, is not ("injuring 40, 15 of them on the island")."""
    head, noun = slot_head(tokens[index]), _counted_noun(tokens[index])
    return any(
        other != index
        and slot_head(tokens[other]) == head
        and (not noun or not _counted_noun(tokens[other]) or _counted_noun(tokens[other]) == noun)
        for other in indices
    )


def _pair_slots(
    left: Sequence[Token],
    right: Sequence[Token],
    opcodes: Sequence[tuple[str, int, int, int, int]],
    weights: Mapping[str, float] | None = None,
    agree: Callable[[Token, Token], bool | None] = heads_agree,
) -> list[SlotPair]:
    """Pair the slots of each kind: by the words around them, the alignment and their granularity, greedily.

    ``agree`` says whether two slots date or count one thing (``heads_agree``; ``align`` reads dates with their
    sentences, ``acts_agree``)."""
    opposite: set[tuple[int, int]] = set()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            opposite.update(zip(range(i1, i2), range(j1, j2)))
    pairs: list[SlotPair] = []
    kinds = sorted({token.kind for token in left if token.slot} & {token.kind for token in right if token.slot})
    for kind in kinds:
        lefts = [i for i, token in enumerate(left) if token.kind == kind]
        rights = [j for j, token in enumerate(right) if token.kind == kind]
        # A report's date and a fact's date are two kinds of date (``dates_a_report``): each pairs within its own
        # when both sides give a fact's date. A side whose only date is its report's ("said on Monday, March 12,
        # that it will buy ...") may date the fact by the report, and pairs as before.
        reports = {("left", i) for i in lefts if dates_a_report(left[i])} | {
            ("right", j) for j in rights if dates_a_report(right[j])
        }
        if all(("left", i) in reports for i in lefts) or all(("right", j) in reports for j in rights):
            reports = set()
        # A head tells which slot is whose only when it is one slot's on its side: the years of a list
        # ("China in 2007, the USA in 2008, India in 2019") all date one "test".
        left_shared = {i for i in lefts if _head_shared(left, lefts, i)}
        right_shared = {j for j in rights if _head_shared(right, rights, j)}
        scored = []
        for i in lefts:
            for j in rights:
                if (("left", i) in reports) != (("right", j) in reports):
                    continue
                if kind == "number" and not _comparable_units(left[i], right[j]):
                    continue  # "a 63-year-old woman" / "two men": an age never stands for a count
                context = _overlap(
                    _window(left, i, LOCAL_WIDTH, weights), _window(right, j, LOCAL_WIDTH, weights), weights
                )
                same_head = agree(left[i], right[j])
                if same_head and (i in left_shared or j in right_shared):
                    same_head = None
                score = (
                    context
                    + (0.5 if _same_figure(left[i], right[j]) else 0.0)  # "$412bn" meets "$412bn", not "$377bn"
                    + (0.3 if (i, j) in opposite else 0.0)
                    + (0.2 if _granularity(left[i]) == _granularity(right[j]) else 0.0)
                    + (0.5 if same_head else 0.0)  # what each dates or counts says most about which is whose
                    - (0.3 if _read_from_the_dateline(left[i]) != _read_from_the_dateline(right[j]) else 0.0)
                )
                scored.append((score, context, (i, j) in opposite, same_head, i, j))
        scored.sort(key=lambda item: (-item[0], item[4], item[5]))
        taken_left: set[int] = set()
        taken_right: set[int] = set()
        # One date of the fact a side each (beside any report's date) pairs as it is, as a lone slot does.
        facts_left = [i for i in lefts if ("left", i) not in reports]
        facts_right = [j for j in rights if ("right", j) not in reports]
        only = len(lefts) == len(rights) == 1 or (
            bool(reports) and len(facts_left) == len(facts_right) == 1 and len(lefts) + len(rights) > 2
        )
        for score, context, aligned, same_head, i, j in scored:
            if i in taken_left or j in taken_right:
                continue
            alone = only and (len(lefts) == len(rights) == 1 or (i in facts_left and j in facts_right))
            if not alone and context < 0.34 and not same_head:
                continue  # several of a kind: pair only what the words around them or their heads confirm
            taken_left.add(i)
            taken_right.add(j)
            how: Literal["aligned", "context", "only"] = "only" if alone else ("aligned" if aligned else "context")
            pairs.append(SlotPair(kind, left[i], right[j], how, context, same_head))  # type: ignore[arg-type]
    pairs.sort(key=lambda pair: (pair.left.start, pair.right.start))
    return pairs


def align_tokens(
    left: Sequence[Token],
    right: Sequence[Token],
    weights: Mapping[str, float] | None = None,
) -> tuple[tuple[tuple[str, int, int, int, int], ...], float, int]:
    """Opcodes over the token keys, the strength (weighted Dice of content stems) and the shared stem count."""
    from rapidfuzz.distance import Levenshtein

    left_keys = [token.key for token in left]
    right_keys = [token.key for token in right]
    opcodes = tuple(
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(left_keys, right_keys)
    )
    strength, shared = _strength(_bag(left, weights), _bag(right, weights), weights)
    return opcodes, strength, shared


def _strength(
    left_bag: Counter[str], right_bag: Counter[str], weights: Mapping[str, float] | None, total: float | None = None
) -> tuple[float, int]:
    """How well the rest matches (weighted Dice of the two bags) and how many stems both have.

    ``total``: the two bags' weights added, when the caller keeps each bag's (``WeighedBags``)."""
    common = left_bag & right_bag
    if total is None:
        total = _weighted(left_bag, weights) + _weighted(right_bag, weights)
    strength = 2 * _weighted(common, weights) / total if total else 0.0
    return strength, sum(common.values())


Senses = tuple[tuple[str, frozenset[tuple[str, int]]], ...]


def _compounds(tokens: Sequence[Token]) -> list[tuple[str, frozenset[tuple[str, int]]]]:
    """Two content words written side by side that WordNet has as one word ("Academy Awards", "heart attack",
    "prime minister"), as ("stem stem", senses): one name may stand for the other side's single word ("the Oscars")."""
    from factcheck.nlp import lexicon

    found = []
    for first, second in zip(tokens, tokens[1:]):
        if first.kind != "word" or second.kind != "word" or first.key == second.key:
            continue
        if second.start - first.end != 1:
            continue  # one character between (a space, a hyphen): no word, figure or comma between them
        if not first.key.isalpha() or not second.key.isalpha():
            continue
        senses = lexicon.word_senses(f"{first.text} {second.text}")
        if senses:
            found.append((f"{first.key} {second.key}", senses))
    return found


def claim_senses(tokens: Sequence[Token], weights: Mapping[str, float] | None) -> Senses:
    """The claim's content words as (stem, WordNet senses), the rarest first (once per claim), after the
    two-word names WordNet has (``_compounds``: "academi award")."""
    from factcheck.nlp import lexicon

    # A surname counted as its person (``_bag_key``) is no word to find synonyms of: the bags hold it as the person.
    words = [token for token in tokens if token.kind == "word" and _bag_key(token, weights) == token.key]
    written = {token.key: token.text for token in words}
    keys = sorted(
        (key for key in written if len(key) >= 3 and key.isalpha()),
        key=lambda key: (-(weights or {}).get(key, 1.0), key),
    )
    return (*_compounds(words), *((key, lexicon.word_senses(written[key])) for key in keys))


def _synonym_pairs(left: Senses, right: Senses, common: Counter[str]) -> list[tuple[str, str]]:
    """Content words one side has and the other lacks that share a sense in WordNet ("tremor" / "quake",
    "attorney" / "lawyer", "Academy Awards" / "Oscars"), paired greedily, the two-word names and the rarer words
    first.

    Only the ``LEXICAL_CANDIDATES`` rarest words each side lacks are tried: the common ones ("say", "year")
    share senses with many words and would pair by chance. A two-word name is tried when the other side has
    neither of its words, and a word it paired is not paired again on its own."""

    def candidates(items: Senses) -> list[tuple[str, frozenset[tuple[str, int]]]]:
        # claim_senses gives the two-word names first, then the words rarest first
        kept: list[tuple[str, frozenset[tuple[str, int]]]] = []
        words = 0
        for item in items:
            if " " not in item[0]:
                if item[0] in common:
                    continue
                if words == LEXICAL_CANDIDATES:
                    break
                words += 1
            elif any(part in common for part in item[0].split()):
                continue
            kept.append(item)
        return kept

    pairs: list[tuple[str, str]] = []
    taken_left: set[str] = set()
    taken_right: set[str] = set()
    rights = candidates(right)
    for left_key, left_senses in candidates(left):
        if taken_left & set(left_key.split()):
            continue
        for right_key, right_senses in rights:
            if taken_right & set(right_key.split()) or left_senses.isdisjoint(right_senses):
                continue
            pairs.append((left_key, right_key))
            taken_left.update(left_key.split())
            taken_right.update(right_key.split())
            break
    return pairs


def _synonym_strength(
    left_bag: Counter[str],
    right_bag: Counter[str],
    weights: Mapping[str, float] | None,
    left_senses: Senses,
    right_senses: Senses,
    strength: float,
    shared: int,
) -> tuple[float, int]:
    """``strength`` and ``shared`` (``_strength``'s) with two words WordNet gives for one sense counted as one word
    both have, each weighing the mean of the two ("the tremor struck" / "the quake struck"). Pairs sharing no
    stem are left as they are."""
    if not shared:
        return strength, shared
    pairs = _synonym_pairs(left_senses, right_senses, left_bag & right_bag)
    if not pairs:
        return strength, shared
    total = _weighted(left_bag, weights) + _weighted(right_bag, weights)
    added = sum(_weighted(Counter([*left_key.split(), *right_key.split()]), weights) for left_key, right_key in pairs)
    return (strength + added / total if total else strength), shared + len(pairs)


def align(
    left: Claim,
    right: Claim,
    weights: Mapping[str, float] | None = None,
    similarity: float | None = None,
    senses: tuple[Senses, Senses] | None = None,
) -> Alignment:
    """Align two claims (see the module docstring); ``weights`` (IDF by stem) make rare shared words count more.

    ``senses``: the two claims' ``claim_senses``, when the caller keeps them per claim (``PairAligner``)."""
    left_tokens, right_tokens = claim_tokens(left), claim_tokens(right)
    opcodes, strength, shared = align_tokens(left_tokens, right_tokens, weights)

    def agree(left_slot: Token, right_slot: Token) -> bool | None:
        if left_slot.kind == right_slot.kind == "date":
            return acts_agree(left, left_slot, right, right_slot)
        return heads_agree(left_slot, right_slot)

    slots = _pair_slots(left_tokens, right_tokens, opcodes, weights, agree)
    left_bag, right_bag = _bag(left_tokens, weights), _bag(right_tokens, weights)
    left_senses, right_senses = senses or (claim_senses(left_tokens, weights), claim_senses(right_tokens, weights))
    told = _synonym_strength(left_bag, right_bag, weights, left_senses, right_senses, strength, shared)
    return Alignment(left, right, left_tokens, right_tokens, opcodes, strength, shared, tuple(slots), similarity, *told)


# --- candidate pairs over a corpus ----------------------------------------------------------------


def _index_keys(tokens: Iterable[Token], people: Mapping[str, float]) -> set[str]:
    keys = set()
    for token in tokens:
        key = _bag_key(token, people)
        if key is None:
            continue
        if key.startswith("@") or (len(key) >= 3 and not key.isdigit()):  # a person, or a word worth indexing
            keys.add(key)
    return keys


def has_slots(claim: Claim) -> bool:
    """Whether a claim gives anything a check compares at a slot. A sentence that only states an event
    ("event-statement": no date of it, no figure, quote or name) is a claim so that it meets its paraphrases in a
    cluster; aligned, it would only take a neighbour's place from a claim that has a value, and its words would
    weigh on every other pair's overlap."""
    return claim.kinds != ("event-statement",)


def candidate_pairs(
    corpus: Corpus, extra: Iterable[tuple[str, str]] = ()
) -> tuple[list[tuple[str, str]], dict[str, float]]:
    """Pairs of claim ids that may state the same fact (see the module docstring); near-linear.

    ``extra`` adds pairs found elsewhere (same-fact candidates from clustering). Also returns
    the IDF of every stem, so alignment can weigh rare shared words above common ones.
    """
    claims = [claim for claim in corpus.claims if has_slots(claim)]
    position = {claim.id: index for index, claim in enumerate(claims)}
    # Every person's key first, so a surname the tagger missed elsewhere is indexed as that person (``_bag_key``).
    people = persons_named(claims)
    keys = [_index_keys(claim_tokens(claim), people) for claim in claims]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, claim_keys in enumerate(keys):
        for key in claim_keys:
            postings[key].append(index)
    count = max(1, len(claims))
    idf = {key: math.log(1 + count / len(members)) for key, members in postings.items()}
    weights = dict(idf)
    for tokens in map(claim_tokens, claims):
        for token in tokens:
            bag_key = _bag_key(token, people)
            if bag_key is not None and bag_key not in weights:
                weights[bag_key] = math.log(1 + count)  # short or numeric stems the index leaves out
    pairs: set[tuple[int, int]] = set()
    for index, claim in enumerate(claims):
        scores: dict[int, float] = defaultdict(float)
        hits: dict[int, int] = defaultdict(int)
        # In a fixed order: a float sum's last bit follows the order of its terms, and a set's order follows the
        # process's string hashing, so two equal scores could rank two ways in two runs.
        for key in sorted(keys[index]):
            members = postings[key]
            if len(members) > MAX_POSTINGS:
                continue
            weight = idf[key]
            for other in members:
                if other != index:
                    scores[other] += weight
                    hits[other] += 1
        needed = min(MIN_SHARED, len(keys[index]))
        ranked = sorted((other for other in scores if hits[other] >= needed), key=lambda other: (-scores[other], other))
        other_docs = [other for other in ranked if claims[other].doc != claim.doc][:NEIGHBOURS]
        same_doc = [other for other in ranked if claims[other].doc == claim.doc][:SAME_DOCUMENT_NEIGHBOURS]
        for other in (*other_docs, *same_doc):
            pairs.add((min(index, other), max(index, other)))
    for cluster in corpus.clusters:
        if len(cluster.documents) < 2:
            continue
        members = sorted(position[claim_id] for claim_id in cluster.claims if claim_id in position)
        for rank, index in enumerate(members):
            # A large cluster is read through a window of its members, so the work stays linear.
            nearby = (
                members[max(0, rank - LARGE_CLUSTER_WINDOW) : rank + LARGE_CLUSTER_WINDOW + 1]
                if len(members) > 2 * LARGE_CLUSTER_WINDOW
                else members
            )
            overlap = sorted(
                (other for other in nearby if other != index and claims[other].doc != claims[index].doc),
                key=lambda other: (-len(keys[index] & keys[other]), other),
            )[:CLUSTER_MATES]
            for other in overlap:
                pairs.add((min(index, other), max(index, other)))
    pairs |= figure_pairs(claims, keys, idf)
    pairs |= date_pairs(claims, keys, idf, people)
    for left_id, right_id in extra:
        if left_id in position and right_id in position and left_id != right_id:
            left, right = position[left_id], position[right_id]
            pairs.add((min(left, right), max(left, right)))
    return [(claims[left].id, claims[right].id) for left, right in sorted(pairs)], weights


def shared_weight(left_keys: set[str], right_keys: set[str], idf: Mapping[str, float]) -> float:
    """The weight of the keys two claims share, the same float whatever order the sets hold them in (``math.fsum``
    is exact): mates ranked by it rank alike in every run."""
    return math.fsum(idf.get(key, 0.0) for key in left_keys & right_keys)


# --- figure-anchored candidates ------------------------------------------------------------------

# Two sources often tell one toll in their own words ("six people died in a blaze" / "six were killed in the fire"):
# too few words in common for the word index, too far apart for the embedding neighbours. What pins them is the
# figure: the noun it counts and the act its noun belongs to (the parse head, related by WordNet: "killed" / "died",
# "injured" / "hurt"), with something else both name (a place, a party, a day). The search is blocked by counted
# noun and particular, so it stays near-linear; the best few mates per figure are kept.
FIGURE_MATES = 3
# What follows a figure that is an age ("16-year-old", "15 years old"): an age names a person, it counts nothing.
AGE_AFTER = re.compile(r"[\s\u2010-\u2015-]*(?:years?[\s\u2010-\u2015-]*)?old\b", re.IGNORECASE)


@dataclass(frozen=True)
class FigureAnchor:
    """What one counted figure of a claim is about: its counted noun and the act the noun belongs to."""

    noun: str  # the counted noun's base form ("villages" -> "village")
    head: str  # the lemma of the word the noun belongs to in the parse ("killing five people" -> "kill")


def _noun_base(noun: str) -> str:
    from factcheck.nlp import lexicon

    return (lexicon.base_forms(noun, "n") or (noun,))[0]


def figure_anchor(claim: Claim, token: Token) -> FigureAnchor | None:
    """What a number slot of the claim counts, when it is a whole count of a named noun with a head the parse gives
    ("killed 10 people" -> people / kill). Not ages, sums, rates or lengths of time: their holder is not what the head
    names (see numeric-conflict's ``_counts``), and two bodies' bans ("banned for two years by the league" / "for
    four years by the tribunal") are two lengths of one act."""
    if token.kind != "number" or slot_head(token) is None:
        return None
    quantity = token.ref
    if not float(quantity.value).is_integer():
        return None
    if AGE_AFTER.match(claim.span.text, max(0, token.end - claim.span.start)):
        return None  # "a 16-year-old": an age names a person, it counts nothing
    noun = _counted_noun(token) if quantity.unit == "count" else ""
    return FigureAnchor(_noun_base(noun), str(quantity.head).split()[0].casefold()) if noun else None


@functools.lru_cache(maxsize=1 << 15)
def figure_anchors(claim: Claim) -> tuple[FigureAnchor, ...]:
    """The claim's counted figures' anchors (``figure_anchor``), each once."""
    found = (figure_anchor(claim, token) for token in claim_tokens(claim))
    return tuple(dict.fromkeys(anchor for anchor in found if anchor is not None))


@functools.lru_cache(maxsize=1 << 16)
def acts_related(left: str, right: str) -> bool:
    """Whether two heads' lemmas can name one act: one stem, or WordNet's synonyms, derived forms or one a kind of
    the other ("kill" / "die", "injure" / "wound"; ``lexicon.SAME_ACT``), as ``heads_agree`` reads them."""
    if _lemma_stem(left) == _lemma_stem(right):
        return True
    from factcheck.nlp import lexicon

    return lexicon.word_relation(left, right) in lexicon.SAME_ACT


# Words counted in place of a noun the sentence gave before ("killed one person and injured two others", "injuring
# dozens more"): English pronouns and determiners that stand for the noun, so they count whatever the other sentence's
# noun names.
STANDS_FOR_THE_NOUN = frozenset({"other", "others", "more"})


def nouns_meet(left: str, right: str) -> bool:
    """Whether two counted nouns (base forms) may count one set: the same noun, or one a word standing for the noun
    (``STANDS_FOR_THE_NOUN``: "injured 213 others" / "413 people were injured") and the other a noun of its own."""
    if left == right:
        return True
    return (left in STANDS_FOR_THE_NOUN) != (right in STANDS_FOR_THE_NOUN)


@functools.lru_cache(maxsize=1 << 15)
def sum_anchors(claim: Claim) -> tuple[FigureAnchor, ...]:
    """The claim's sums of money as anchors: the currency as what is counted, the act the parse hangs the sum on
    ("paid $20 million" -> money:USD / pay), for a sum that is its sentence's only one in its currency."""
    sums = [token for token in claim_tokens(claim) if token.kind == "number" and token.ref.unit.startswith("money")]
    found = []
    for token in sums:
        if slot_head(token) is None or sum(1 for other in sums if other.ref.unit == token.ref.unit) != 1:
            continue
        found.append(FigureAnchor(token.ref.unit, str(token.ref.head).split()[0].casefold()))
    return tuple(found)


def figures_meet(left: Claim, right: Claim) -> bool:
    """Whether two claims count one noun under heads that name one act: a figure each that may be one toll's ("213
    people were injured" / "injured 213 others": "others" stands for the noun), or one sum of a currency each that
    may be one payment's ("paid $20 million" / "paid 18 million dollars")."""
    return any(
        nouns_meet(a.noun, b.noun) and acts_related(a.head, b.head)
        for a in figure_anchors(left)
        for b in figure_anchors(right)
    ) or any(a.noun == b.noun and acts_related(a.head, b.head) for a in sum_anchors(left) for b in sum_anchors(right))


# Words after which a verb stands in its bare form ("will fight", "to host", "could face").
_BEFORE_A_BARE_VERB = frozenset({"to", "will", "would", "shall", "should", "can", "could", "may", "might", "must"})


def written_as_a_verb(claim: Claim, lemma: str) -> bool:
    """Whether the sentence writes ``lemma`` inflected as a verb ("divorced", "modeling"), so as an act.

    A date hung on a noun ("the Oscars on Feb. 22", "in the spring of 2001") names an occasion or a
    season, even where WordNet has a verb of the same spelling ("to spring"); only the verb's own
    endings (WordNet's detachment rules) tell the act, an irregular past form that folds to the lemma
    ("left" / "leave", "began" / "begin": ``IRREGULAR_VERB_FORMS``), or the bare lemma after a modal or
    "to" ("will fight", "to host").
    """
    from factcheck.nlp import lexicon

    words = [match.group().casefold() for match in LETTERS.finditer(claim.span.text)]
    return any(
        (word == lemma and previous in _BEFORE_A_BARE_VERB)
        or (
            word != lemma
            and (lemma in lexicon.base_forms(word, "v") or (word in IRREGULAR_VERB_FORMS and stem(word) == stem(lemma)))
        )
        for previous, word in zip(["", *words], words)
    )


def told_as_coming(claim: Claim, lemma: str) -> bool:
    """Whether the sentence writes ``lemma`` bare after a modal or "to" ("said she would sign the bill", "plans to
    close"): the act as one still to come when the sentence is told."""
    words = [match.group().casefold() for match in LETTERS.finditer(claim.span.text)]
    return any(word == lemma and previous in _BEFORE_A_BARE_VERB for previous, word in zip(["", *words], words))


def on_an_occasion(claim: Claim, token: Token) -> bool:
    """Whether a date dates an occasion, not an act: its head is one noun that mainly names an event, written as a
    noun ("served as emcee during the 2006 ceremony", "at the gala in 2019"). What someone did there is told by
    the sentence's other words, and the occasion's date is that act's."""
    from factcheck.nlp import lexicon

    head = str(getattr(token.ref, "head", None) or "")
    return bool(head) and " " not in head and lexicon.mainly_an_event(head) and not written_as_a_verb(claim, head)


def act_of(token: Token) -> str | None:
    """The lemma a date's head gives for its act (a phrasal verb's first word), None for none or a function word."""
    head = str(getattr(token.ref, "head", None) or "").split()
    return head[0] if head and slot_head(token) is not None else None


def _inflected_as_a_verb(word: str) -> bool:
    """Whether a written word is a verb's inflected form ("nominated", "hosting"), so tells an act of its own."""
    from factcheck.nlp import lexicon

    folded = word.casefold()
    return any(lemma != folded for lemma in lexicon.base_forms(folded, "v")) or folded in IRREGULAR_VERB_FORMS


def acts_at_the_date(tokens: Sequence[Token], date: Token, act: str) -> bool:
    """Whether the words right before a date tell ``act`` (``acts_related``: "served as emcee at the 2006 ceremony"
    tells "host"), with no other act written as a verb between ("was nominated for an award at the 2006 ceremony"
    tells a nomination there, whatever else the sentence says she did). Up to ``LOCAL_WIDTH`` words back."""
    position = next((index for index, token in enumerate(tokens) if token is date), None)
    if position is None:
        return False
    words = [token for token in reversed(tokens[:position]) if token.kind == "word"][:LOCAL_WIDTH]
    for token in words:
        if acts_related(token.text.casefold(), act):
            return True
        if _inflected_as_a_verb(token.text):
            return False
    return False


def _act_words(claim: Claim, date: Token, act: str) -> frozenset[str]:
    """The content words a sentence gives the act its date dates: from the act's verb up to the date ("was hired as
    head coach of the Hawks in 2005" -> head, coach), or the ``LOCAL_WIDTH`` words after the verb when the date
    comes first. The names of people, bodies and places are left out (the tagger's PERSON, ORG, GPE, NORP, FAC): an
    act on a named body ("joined Rovena FC", "played for Rovena FC") is any of the acts done there, where a prize
    or a post ("the Lindqvist Prize", "head coach") is what the act gives."""
    tokens = claim_tokens(claim)
    at = next((index for index, token in enumerate(tokens) if token is date), None)
    if at is None:
        return frozenset()
    verbs = [
        index
        for index, token in enumerate(tokens)
        if token.kind == "word" and (token.key == _lemma_stem(act) or act in _verb_lemmas(token.text))
    ]
    if not verbs:
        return frozenset()
    verb = min(verbs, key=lambda index: (abs(index - at), index))
    after = tokens[verb + 1 : at] if verb < at else tokens[verb + 1 :]
    named = [(actor.span.start, actor.span.end) for actor in claim.actors if actor.label in PARTICULAR_LABELS]
    words = [token for token in after if token.kind == "word"][:LOCAL_WIDTH]
    return frozenset(
        token.key
        for token in words
        if token.key not in STOPWORDS and not any(start <= token.start < end for start, end in named)
    )


@functools.lru_cache(maxsize=1 << 14)
def _verb_lemmas(word: str) -> tuple[str, ...]:
    from factcheck.nlp import lexicon

    return lexicon.base_forms(word.casefold(), "v")


def told_as_a_verb(claim: Claim, lemma: str) -> bool:
    """``written_as_a_verb``, or the sentence's main verb as the parse gives it (``Event.action``) when WordNet has
    the lemma as a verb only: an irregular past the detachment rules do not undo ("became", "took")."""
    from factcheck.nlp import lexicon

    if written_as_a_verb(claim, lemma):
        return True
    action = claim.event.action if claim.event is not None else None
    return action == lemma and bool(lexicon.senses(lemma, "v")) and not lexicon.senses(lemma, "n")


def dated_act(claim: Claim, date: Token) -> str | None:
    """The act a date dates, as a verb's lemma: its head when the sentence tells it as a verb ("left the bank in
    2012" -> leave), else the sentence's main verb when the date hangs on a noun or a name ("married the actor Tom
    Reyes in 1998": the parse hangs the year on "Reyes") and the sentence tells that verb as a verb; None when
    neither is a verb, or when the date hangs on a noun that names an event ("the flooding of the mine on Feb. 2")."""
    from factcheck.nlp import lexicon

    head = str(getattr(date.ref, "head", None) or "")
    if head and slot_head(date) is not None and told_as_a_verb(claim, head.split()[0]):
        return phrasal_act(claim, head)
    # A date on a noun naming an event dates that event ("trapped since the flooding of the mine on Feb. 2"), not the
    # sentence's main verb ("trapped"): no verb is the act it dates.
    if head and " " not in head and lexicon.mainly_an_event(head) and head.casefold() in claim.span.text.casefold():
        return None
    action = claim.event.action if claim.event is not None else None
    if action and " " not in action and told_as_a_verb(claim, action):
        return action
    return None


def acts_on_one_thing(left: Claim, left_date: Token, right: Claim, right_date: Token) -> bool:
    """Whether two dates date one act told by two verbs WordNet does not relate, by what the act is done to: both
    heads written as verbs, not two acts the lexicon keeps apart (``lexicon.acts_apart``: "joined" / "left",
    "became" / "resigned as"), and the words each sentence gives its act share a common word (``_act_words``:
    "received the Lindqvist Prize in 2011" / "was awarded the Lindqvist Prize in 2012", "became chief executive in
    2014" / "named her its chief executive in 2015"). Someone both tell of is asked by the callers.

    Only date-conflict's ``dates_two_told_acts`` reads it, to keep such a pair from being dropped as two acts. As a
    way in (in ``dates_of_one_act``, so in the dated-act candidate search and the judging of one person's act told
    in other words) it gained on the made-up set read while it was built (set 1: receive / award) and on none written
    after (session 22), so it is not one."""
    from factcheck.nlp import lexicon

    left_act, right_act = act_of(left_date), act_of(right_date)
    if left_act is None or right_act is None or acts_related(left_act, right_act):
        return False
    if not (told_as_a_verb(left, left_act) and told_as_a_verb(right, right_act)):
        return False
    left_head, right_head = str(left_date.ref.head), str(right_date.ref.head)
    if lexicon.acts_apart(left_head, right_head) or lexicon.acts_apart(left_act, right_act):
        return False
    return bool(_act_words(left, left_date, left_act) & _act_words(right, right_date, right_act))


def dates_of_one_act(left: Claim, left_date: Token, right: Claim, right_date: Token) -> bool:
    """Whether two dates date one act as far as the words tell: their heads name one act (``heads_agree``:
    "emceed ... in 2007" / "hosted ... in 2006"), or one dates an occasion (``on_an_occasion``) and the words
    before it tell the act the other dates (``acts_at_the_date``: "served as emcee during the 2006 ceremony" /
    "emceed the awards in 2007")."""
    if acts_agree(left, left_date, right, right_date):
        return True
    for claim, date, other_claim, other in ((left, left_date, right, right_date), (right, right_date, left, left_date)):
        act = act_of(other)
        if (
            act is not None
            and on_an_occasion(claim, date)
            and not on_an_occasion(other_claim, other)
            and acts_at_the_date(claim_tokens(claim), date, act)
        ):
            return True
    return False


def fact_dates(claim: Claim) -> tuple[Token, ...]:
    """The claim's date slots that date a fact, not the telling of it (``dates_a_report``)."""
    return tuple(token for token in claim_tokens(claim) if token.kind == "date" and not dates_a_report(token))


def participants(
    claim: Claim, names: Mapping[str, float] | None = None, told: Mapping[str, frozenset[str]] | None = None
) -> frozenset[str]:
    """Who a sentence tells of, by key: the persons it names (``people_named``), the subject of its act as
    extraction resolved it when that is a person the corpus names (``names``: "She hosted the show in 2019" -> the
    person the text last had as a subject), and the person a pronoun of it stands for (``told``:
    ``pronoun_participants``). A subject that is no one's name ("annual inflation", "the economy") is left out: two
    texts' inflation or economy are two things as often as one."""
    actor = claim.event.actor if claim.event is not None else None
    key = _surname_key(actor) if actor else None
    subject = {key} if key is not None and names is not None and key in names else set()
    resolved = told.get(claim.id, frozenset()) if told is not None else frozenset()
    return people_named(claim, names) | subject | resolved


def persons_named(claims: Iterable[Claim]) -> dict[str, float]:
    """Every person's key the claims name ("@roe"), as ``candidate_pairs`` keeps them for ``_bag_key``: a surname
    the tagger missed elsewhere is read as that person."""
    return {
        key: 0.0
        for claim in claims
        for token in claim_tokens(claim)
        if token.kind == "person" and (key := _bag_key(token)) is not None
    }


_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)


def pronoun_participants(
    claims: Iterable[Claim],
    names: Mapping[str, float] | None = None,
    described: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, frozenset[str]]:
    """The person each claim that names no one tells of by a personal pronoun ("It will be her second stint in the
    job, after hosting the 2007 ceremony"): the one person the claim before it in its document tells of, when that
    claim names (or itself stands for) exactly one. A reporter names a person and goes on with "she" until someone
    else comes in; a claim before that names two people, or none, leaves the pronoun unread. Only the persons the
    tagger found count (``names`` None by default): a capitalised word read as someone's surname ("the Oscars")
    would make one person two. A claim that tells of the person by a description (``described``: "The 47-year-old
    was arrested on March 4") stands for them as a name does, so "She was released on bail" after it is theirs."""
    from factcheck.nlp.descriptions import in_text_order

    resolved: dict[str, frozenset[str]] = {}
    for ordered in in_text_order(claims):
        before: frozenset[str] = frozenset()
        for claim in ordered:
            named = people_named(claim, names) or (described or {}).get(claim.id, frozenset())
            if named:
                before = named
            elif len(before) == 1 and _PERSONAL_PRONOUN.search(claim.span.text):
                resolved[claim.id] = before
            else:
                before = frozenset()
    return resolved


def told_participants(
    claims: Sequence[Claim], described: Mapping[str, frozenset[str]] | None = None
) -> dict[str, frozenset[str]]:
    """The person each claim that names no one tells of: by a pronoun (``pronoun_participants``) or by a description
    that opens it as its subject ("The 44-year-old was arrested on Tuesday": ``descriptions.described_persons``,
    ``described`` when the caller has read them already)."""
    from factcheck.nlp.descriptions import described_persons

    if described is None:
        described = described_persons(claims, people_named)
    return {**described, **pronoun_participants(claims, described=described)}


# What a sentence names that takes part in an act besides a person: an organisation, a building or site, a work, a
# product, a law or an event by its name ("Movra Foods", "the Skarn copper mine", "the Clean Rivers Act"). A place
# named as a country or a town (GPE) is where acts happen, many of them, not who or what does one.
_THING_LABELS = frozenset({"ORG", "FAC", "OTHER"})


def things_named(claim: Claim) -> frozenset[str]:
    """The organisations and named things a sentence names, by key ("#bank ostmark"): its named entities of
    ``_THING_LABELS``, each by the stems of its name's words."""
    keys = (thing_key(actor.name) for actor in claim.actors if actor.label in _THING_LABELS)
    return frozenset(key for key in keys if key is not None)


def thing_key(name: str) -> str | None:
    """The key an organisation or a named thing is counted by: "#" and the stems of its name's words, sorted."""
    words = name_words(name)
    return "#" + " ".join(sorted(words)) if words else None


def anchors(
    claim: Claim, names: Mapping[str, float] | None = None, told: Mapping[str, frozenset[str]] | None = None
) -> frozenset[str]:
    """Who or what a sentence tells its act of: its ``participants`` (persons) and the organisations and named
    things it names (``things_named``). An act is done by or to a firm, a club, an assembly or a mine as often as a
    person ("Movra Foods recalled 40,000 jars on May 3" / "Movra Foods issued a recall on May 3")."""
    return participants(claim, names, told) | things_named(claim)


def told_anchors(claims: Sequence[Claim]) -> dict[str, frozenset[str]]:
    """Who or what each claim that names no one tells of: the person a pronoun or a description stands for
    (``told_participants``), or the organisation a description of a group stands for ("The club dismissed its coach
    on Tuesday" after "Velda Rovers ...": ``descriptions.described_organisations``), by its ``things_named`` key."""
    from factcheck.nlp.descriptions import described_organisations

    told = dict(told_participants(claims))
    for claim_id, name in described_organisations(claims).items():
        key = thing_key(name)
        if key is not None:
            told[claim_id] = told.get(claim_id, frozenset()) | {key}
    return told


def dates_meet(
    left: Claim,
    right: Claim,
    names: Mapping[str, float] | None = None,
    told: Mapping[str, frozenset[str]] | None = None,
) -> bool:
    """Whether two claims may date one act of one participant in their own words: someone or something both tell of
    (``anchors``) and a date each that dates one act (``dates_of_one_act``): "She previously served as emcee during
    the 2006 ceremony" / "Jane Roe emceed the 79th Golden Lamp Awards in 2007"."""
    if not anchors(left, names, told) & anchors(right, names, told):
        return False
    return _a_date_each_of_one_act(left, right)


def _a_date_each_of_one_act(left: Claim, right: Claim) -> bool:
    """Whether a date of each claim dates one act (``dates_of_one_act``), the second half of ``dates_meet``."""
    return any(
        dates_of_one_act(left, left_date, right, right_date)
        for left_date in fact_dates(left)
        for right_date in fact_dates(right)
    )


# Mates kept per claim by the dated-act search (``date_pairs``), as ``FIGURE_MATES`` for figures.
DATE_MATES = 3


def date_pairs(
    claims: Sequence[Claim], keys: Sequence[set[str]], idf: Mapping[str, float], names: Mapping[str, float]
) -> set[tuple[int, int]]:
    """Pairs of claims of two documents that date one act of someone both tell of (``dates_meet``), blocked by
    that participant: one act told in other words shares who did it and the act, and few other words ("served as emcee
    during the 2006 ceremony" / "emceed the 79th Academy Awards in 2007"). The best ``DATE_MATES`` per claim by
    the weight of the other words they share."""
    postings: dict[str, list[int]] = defaultdict(list)
    told = told_anchors(claims)
    dated = [bool(fact_dates(claim)) for claim in claims]
    for index, claim in enumerate(claims):
        if not dated[index]:
            continue
        for key in sorted(anchors(claim, names, told)):
            postings[key].append(index)
    mates: dict[int, set[int]] = defaultdict(set)
    # Each pair is weighed once, in the first posting it meets: two claims share several anchors as often as not
    # (a person and the firm she heads), and weighing the pair again gives the same answer.
    weighed: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) < 2 or len(members) > MAX_POSTINGS:
            continue
        for position, index in enumerate(members):
            for other in members[position + 1 :]:
                if other in mates[index] or claims[index].doc == claims[other].doc or (index, other) in weighed:
                    continue
                weighed.add((index, other))
                # Both tell of the posting's anchor, so ``dates_meet`` is down to its dates.
                if _a_date_each_of_one_act(claims[index], claims[other]):
                    mates[index].add(other)
                    mates[other].add(index)
    pairs: set[tuple[int, int]] = set()
    for index, others in mates.items():
        ranked = sorted(others, key=lambda other: (-shared_weight(keys[index], keys[other], idf), other))
        for other in ranked[:DATE_MATES]:
            pairs.add((min(index, other), max(index, other)))
    return pairs


PARTICULAR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def particulars(claim: Claim) -> frozenset[str]:
    """What a claim names that tells one event from a look-alike: its named places, parties and people (their
    entity keys) and the calendar days it gives."""
    from factcheck.nlp import lexicon
    from factcheck.nlp.entities import entity_keys

    named = {
        f"name:{key}" for actor in claim.actors if actor.label in PARTICULAR_LABELS for key in entity_keys(actor.name)
    }
    # A people's adjective names its place ("Iranian" -> Iran, WordNet's pertainym): one country told two ways.
    named |= {
        f"name:{place}"
        for actor in claim.actors
        if actor.label == "NORP"
        for place in lexicon.pertains_to(actor.name.casefold())
    }
    days = {
        f"date:{value}"
        for token in claim_tokens(claim)
        if token.kind == "date" and (value := getattr(token.ref, "value", None))
    }
    return frozenset(named | days)


def figure_pairs(claims: Sequence[Claim], keys: Sequence[set[str]], idf: Mapping[str, float]) -> set[tuple[int, int]]:
    """Pairs of claims of two documents that count one noun under related heads and name one particular besides
    (``figure_anchors``, ``particulars``): blocked by counted noun and particular, the best ``FIGURE_MATES`` per
    figure by the weight of the other words they share."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    anchors = [figure_anchors(claim) for claim in claims]
    for index, claim in enumerate(claims):
        if not anchors[index]:
            continue
        for particular in particulars(claim):
            for noun in sorted({anchor.noun for anchor in anchors[index]}):
                postings[(noun, particular)].append(index)
    mates: dict[tuple[int, FigureAnchor], set[int]] = defaultdict(set)
    for (noun, _), members in postings.items():
        if len(members) < 2 or len(members) > MAX_POSTINGS:
            continue
        for position, index in enumerate(members):
            for other in members[position + 1 :]:
                if claims[index].doc == claims[other].doc:
                    continue
                for anchor in anchors[index]:
                    if anchor.noun == noun and any(
                        mate.noun == noun and acts_related(anchor.head, mate.head) for mate in anchors[other]
                    ):
                        mates[(index, anchor)].add(other)
                        for mate in anchors[other]:
                            if mate.noun == noun and acts_related(anchor.head, mate.head):
                                mates[(other, mate)].add(index)
    pairs: set[tuple[int, int]] = set()
    for (index, _), others in mates.items():
        ranked = sorted(others, key=lambda other: (-shared_weight(keys[index], keys[other], idf), other))
        for other in ranked[:FIGURE_MATES]:
            pairs.add((min(index, other), max(index, other)))
    return pairs


@dataclass
class AlignmentIndex:
    """The aligned candidate pairs of one corpus, computed once and shared by every check."""

    alignments: list[Alignment] = field(default_factory=list)
    candidates: int = 0


def corpus_candidates(corpus: Corpus) -> tuple[list[tuple[str, str]], dict[str, float]]:
    """The corpus's candidate pairs (with the cluster stage's same-fact pairs) and the stems' weights.

    Two claims of two stories the cluster stage told surely apart (``Corpus.two_stories``) are no pair: two
    look-alike events (two piracy raids years apart, two rehab stays) word their facts alike, and their figures
    and dates differ because the events do. On the ECB+ development part run as one corpus this takes the pairs
    joining the two look-alike event groups of a topic 3,431 -> 2,497 and two topics 3,282 -> 11, and those of
    one event group 33,118 -> 32,815. Unless both claims date something as history to both texts
    (``history_to_both``): a fact retold as background by two stories is one fact (on fresh BBC text the planted
    dates never compared were 34 of 62 misses, most of them facts two stories retell). Or unless the two are one
    sentence told again nearly word for word (``one_sentence_retold``): an agency line two stories both carry.
    """
    # Same-fact candidates from the cluster stage (embedding neighbours), when it provides them.
    extra = [(pair.left, pair.right) for pair in getattr(corpus, "same_fact", ())]
    pairs, weights = candidate_pairs(corpus, extra)
    if getattr(corpus, "story_groups", None):
        published = writing_days(corpus)
        bags = WeighedBags(weights)  # a claim meets many others of another story: its bag is made once
        pairs = [
            (left, right)
            for left, right in pairs
            if not corpus.two_stories(corpus.claim(left).doc, corpus.claim(right).doc)
            or history_to_both(corpus.claim(left), corpus.claim(right), published, weights)
            or one_sentence_retold(corpus.claim(left), corpus.claim(right), weights, bags)
            or one_count_retold(corpus.claim(left), corpus.claim(right), published, weights)
        ]
    return pairs, weights


# How closely two sentences of two stories must match in their words (weighted Dice, figures and dates left out) to
# be one sentence retold. Two look-alike events reported alike reach 0.75 at most on the ECB+ topics that hold both
# event groups (two piracy raids: "The Indian navy said it has captured 23 Somali and Yemeni pirates who attacked a
# merchant vessel in the Gulf of Aden on Saturday" / a headline "Indian Navy captures 26 Somali pirates ...").
RETOLD_STRENGTH = 0.8
RETOLD_SHARED = 5  # content words both sentences have: a short line matches closely by chance


def one_sentence_retold(
    left: Claim,
    right: Claim,
    names: Mapping[str, float] | None = None,
    bags: WeighedBags | None = None,
) -> bool:
    """Whether two claims of two stories are one sentence told again: nearly the same words besides the figures
    ("Shareholders lost about $180bn when the company collapsed, while 20,000 workers lost their jobs" / "When the
    firm finally collapsed, shareholders lost about $180bn and 20,000 workers lost their jobs").

    Two stories retell a fact as background in the words of its first report (an agency line, a press release);
    two look-alike events are each told in their own words, so their sentences share the pattern ("the navy
    captured N pirates in the Gulf") and part ways in the particulars around it. A headline is never a retold
    line: it tells its own document's story, which is not the other's. Nor are two sentences whose dates or
    persons clash (both give some and none in common): one pattern told of two moments or two people.

    ``bags`` keeps each claim's bag of words across calls made with the same ``names``.
    """
    if "headline" in left.kinds or "headline" in right.kinds:
        return False
    if bags is None:
        bags = WeighedBags(names)
    (left_bag, left_weight), (right_bag, right_weight) = bags(left), bags(right)
    total = left_weight + right_weight
    # What both share weighs at most the lighter bag: two bags of unlike weight cannot reach the bar (most pairs of
    # two stories), and intersecting them is the test's cost. The margin keeps rounding on the side of the full test.
    if total and 2 * min(left_weight, right_weight) / total < RETOLD_STRENGTH - 1e-9:
        return False
    strength, shared = _strength(left_bag, right_bag, names, total)
    if strength < RETOLD_STRENGTH or shared < RETOLD_SHARED:
        return False
    return not days_or_persons_clash(claim_tokens(left), claim_tokens(right), names)


def days_or_persons_clash(
    left_tokens: Sequence[Token], right_tokens: Sequence[Token], names: Mapping[str, float] | None = None
) -> bool:
    """Whether two sentences' dates, or their persons, clash: both give some and none in common (one pattern told of
    two moments or of two people)."""

    def keys(tokens: Sequence[Token], kind: str) -> set[str]:
        if kind == "date":
            return {str(getattr(token.ref, "value", token.text)) for token in tokens if token.kind == "date"}
        return {key for key in (_bag_key(token, names) for token in tokens if token.kind == kind) if key}

    for kind in ("date", "person"):
        first, second = keys(left_tokens, kind), keys(right_tokens, kind)
        if first and second and not first & second:
            return True
    return False


# Two texts written this many days apart or more tell two moments: a count is told of its moment.
ONE_MOMENT_DAYS = 31


def one_count_retold(
    left: Claim, right: Claim, published: Mapping[str, Any], names: Mapping[str, float] | None = None
) -> bool:
    """Whether two claims of two stories give one count of one event in their own words: one noun counted under acts
    WordNet relates (``figures_meet``), a particular both name (a place, a party, a day: ``particulars``), the two
    texts written within ``ONE_MOMENT_DAYS`` of each other (``writing_days``: two piracy raids years apart count
    their captives alike), and no clash of days or persons (both give some and none in common), neither a headline.

    The same-story model reads a figure both documents count with other values as a sign of two stories
    (``figures_clash``), so a conflict of the very figure a check is to find can part its two documents; the figure,
    its act, a shared particular and one moment say they may still tell one event."""
    if "headline" in left.kinds or "headline" in right.kinds or not figures_meet(left, right):
        return False
    first, second = published.get(left.doc), published.get(right.doc)
    if first is None or second is None or abs(first.toordinal() - second.toordinal()) >= ONE_MOMENT_DAYS:
        return False
    if not particulars(left) & particulars(right):
        return False
    left_tokens, right_tokens = claim_tokens(left), claim_tokens(right)
    return not days_or_persons_clash(left_tokens, right_tokens, names)


# A date this many days before both texts were written is history to both: no story's own event.
HISTORY_DAYS = 365


def writing_days(corpus: Corpus) -> dict[str, Any]:
    """Each document's day of writing as far as the text tells: its dateline, else the latest day its own written-out
    dates name (a text is written on or after the last day it reports: "collapsed in 2002 ... goes on trial in March
    2005"). None when it gives neither."""
    from factcheck.dates import interval_of

    latest: dict[str, Any] = {}
    for claim in corpus.claims:
        for time in claim.times:
            if not names_its_own_date(time.span.text):
                continue
            interval = interval_of(time.value)
            if interval is not None and (claim.doc not in latest or interval[1] > latest[claim.doc]):
                latest[claim.doc] = interval[1]
    return {document.id: document.published or latest.get(document.id) for document in corpus.documents}


def history_to_both(
    left: Claim, right: Claim, published: Mapping[str, Any], names: Mapping[str, float] | None = None
) -> bool:
    """Whether two claims of two stories both date something long before either text was written (``HISTORY_DAYS``):
    "launched the music store in 2003" in a piece of 2006 about a lawsuit and in one of 2007 about prices.

    Two look-alike stories (two rehab stays, two raids years apart) are kept apart because each tells its own event,
    dated near its own dateline; a fact both tell as background is one fact however many stories retell it. A text's
    day is its dateline, else the latest day it names (``writing_days``). A date that is the base of a comparison ("its lowest level since 2003") is no
    history told: each writer measures from their own day, so two stories give two bases.
    """
    from factcheck.dates import a_comparison_base, interval_of

    first, second = published.get(left.doc), published.get(right.doc)
    if first is None or second is None:
        return False
    cutoff = min(first, second).toordinal() - HISTORY_DAYS

    def dates_history(claim: Claim) -> bool:
        for token in claim_tokens(claim):
            if token.kind != "date" or not names_its_own_date(token.text) or a_comparison_base(claim, token.ref):
                continue  # "the lowest level since 2003": a base each writer measures from their own day
            interval = interval_of(getattr(token.ref, "value", None))
            if interval is not None and interval[1].toordinal() < cutoff:
                return True
        return False

    if not (dates_history(left) and dates_history(right)):
        return False
    # Two people's histories ("Davenport has won ... the 2000 Australian Open" / "Williams, who won ... at the 2003
    # Australian Open"): each sentence names persons, none of them the other's.
    left_people, right_people = people_named(left, names), people_named(right, names)
    return not (left_people and right_people and not left_people & right_people)


def people_named(claim: Claim, names: Mapping[str, float] | None = None) -> frozenset[str]:
    """The persons a sentence names, by their keys ("@roe"), a surname the tagger missed included (``_bag_key``)."""
    keys = (_bag_key(token, names) for token in claim_tokens(claim))
    return frozenset(key for key in keys if key is not None and key.startswith("@"))


class WeighedBags:
    """Each claim's bag of stems (``_bag``) and its weight (``_weighted``) under one set of weights, made once per
    claim: a claim meets many others, and weighing its bag again for each was most of a pair's cost."""

    def __init__(self, weights: Mapping[str, float] | None) -> None:
        self.weights = weights
        self._made: dict[str, tuple[Counter[str], float]] = {}

    def __call__(self, claim: Claim) -> tuple[Counter[str], float]:
        made = self._made.get(claim.id)
        if made is None:
            bag = _bag(claim_tokens(claim), self.weights)
            made = self._made[claim.id] = (bag, _weighted(bag, self.weights))
        return made


class PairAligner:
    """Aligns candidate pairs of one corpus, keeping each claim's bag and unit vector once.

    What it reads is the claims, their vectors and the stems' weights, so the same aligner runs
    on the client (``corpus_alignments``) or on a worker that was sent only those
    (``factcheck.stages.check_alignments``): the same alignments either way.
    """

    def __init__(
        self,
        claim: Callable[[str], Claim],
        embeddings: Mapping[str, Any],
        weights: Mapping[str, float],
        told: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.claim = claim
        self.embeddings = embeddings
        self.weights = weights
        self.told = told  # the person each claim that names no one tells of (``corpus_told``)
        self._bags = WeighedBags(weights)
        self._claim_senses: dict[str, Senses] = {}
        self._units: dict[str, Any] = {}

    def _senses(self, claim: Claim) -> Senses:
        if claim.id not in self._claim_senses:
            self._claim_senses[claim.id] = claim_senses(claim_tokens(claim), self.weights)
        return self._claim_senses[claim.id]

    def _similarity(self, left_id: str, right_id: str) -> float | None:
        import numpy as np

        # Unit vectors once per claim: a candidate pair then costs one dot product.
        for claim_id in (left_id, right_id):
            if claim_id not in self._units:
                vector = self.embeddings.get(claim_id)
                norm = float(np.linalg.norm(vector)) if vector is not None else 0.0
                self._units[claim_id] = np.asarray(vector) / norm if norm else None
        left_unit, right_unit = self._units[left_id], self._units[right_id]
        return None if left_unit is None or right_unit is None else float(np.dot(left_unit, right_unit))

    def __call__(self, left_id: str, right_id: str) -> Alignment | None:
        """The pair aligned, or None when the rest of the two claims matches too little to compare slots."""
        left, right = self.claim(left_id), self.claim(right_id)
        # The strength needs only the two bags: most candidates fall short (bbc-300: 47,138 of
        # 52,993), and for them opcodes and slot pairing were nine tenths of the checks' time.
        (left_bag, left_weight), (right_bag, right_weight) = self._bags(left), self._bags(right)
        plain = _strength(left_bag, right_bag, self.weights, left_weight + right_weight)
        strength, shared = _synonym_strength(
            left_bag, right_bag, self.weights, self._senses(left), self._senses(right), *plain
        )
        if shared < 1:
            return None
        similarity = self._similarity(left_id, right_id)
        if (
            strength >= MIN_STRENGTH
            or (
                # Only date-conflict reads paraphrases (see the module docstring): both must give a time.
                left.times and right.times and similarity is not None and similarity >= MIN_SIMILARITY
            )
            # Or one toll told in other words: a noun counted under one act (``figures_meet``).
            or figures_meet(left, right)
            # Or one person's act dated in other words (``dates_meet``), the person named, or told of by a pronoun or
            # a description ("The 47-year-old was arrested on March 4"), as the candidate search found them.
            or dates_meet(left, right, self.weights, self.told)
        ):
            return align(left, right, self.weights, similarity, (self._senses(left), self._senses(right)))
        return None


def corpus_told(corpus: Corpus) -> dict[str, frozenset[str]]:
    """Who or what each claim that names no one tells of by a pronoun or a description (``told_anchors``), over the
    claims ``candidate_pairs`` reads, so the aligner admits the pairs its dated-act search found."""
    return told_anchors([claim for claim in corpus.claims if has_slots(claim)])


def corpus_alignments(corpus: Corpus) -> AlignmentIndex:
    """Every candidate pair of the corpus aligned, with enough overlap to compare slots; cached on the corpus."""
    cached = corpus.alignment_index
    if isinstance(cached, AlignmentIndex):
        return cached
    pairs, weights = corpus_candidates(corpus)
    aligner = PairAligner(corpus.claim, corpus.embeddings, weights, corpus_told(corpus))
    index = AlignmentIndex(candidates=len(pairs))
    for left_id, right_id in pairs:
        alignment = aligner(left_id, right_id)
        if alignment is not None:
            index.alignments.append(alignment)
    corpus.alignment_index = index
    return index


# --- what each article names ---------------------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
# Which kind of particular a name is, for telling two of one kind: who (a firm named after its founder is
# often read as a person: "George Wimpey"), where, or what (an event, a work, a product, a law).
_PARTICULAR_KINDS = {"PERSON": "who", "ORG": "who", "NORP": "who", "GPE": "where", "FAC": "where", "OTHER": "what"}


def name_words(name: str) -> set[str]:
    return {stem(word) for word in _NAME_WORD.findall(name) if word.casefold() not in STOPWORDS}


def article_names(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """Per document, the words (stemmed) of every name its claims give: persons, organisations, places, events, works."""
    names: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        words = names[claim.doc]
        for actor in claim.actors:
            words |= name_words(actor.name)
    return {doc: frozenset(words) for doc, words in names.items()}


def strangers(claim: Claim, other_article: frozenset[str]) -> set[str]:
    """The kinds (who, where, what) of what a sentence names that the other article never names, not even by
    one word of the name: a person or a firm, a place, an event or a work.

    The speaker a quote is credited to is a source, not a particular of the fact ("..., Bower said").
    """
    speaker = claim.quote.speaker_span if claim.quote is not None else None
    kinds: set[str] = set()
    for actor in claim.actors:
        if speaker is not None and actor.span.start < speaker.end and speaker.start < actor.span.end:
            continue
        words = name_words(actor.name)
        if words and not words & other_article:
            kinds.add(_PARTICULAR_KINDS.get(actor.label, "what"))
    return kinds


def _names_another(claim: Claim, other: Claim, other_tokens: Sequence[Token], other_article: frozenset[str]) -> bool:
    """Whether ``claim`` names something (its last word its kind: "the Academy Awards") that ``other`` speaks of
    by that word alone ("The awards ceremony will be held on 26 February") while ``other``'s article never names
    it: the other sentence's "awards" are the ones its own article is about.

    A person's name ends in a surname, which names no kind: the other sentence's "Haddou" (a surname the tagger
    missed there) is Amira Haddou, not another of her kind."""
    speaker = claim.quote.speaker_span if claim.quote is not None else None
    words = {token.key for token in other_tokens if token.kind == "word"}
    for actor in claim.actors:
        if speaker is not None and actor.span.start < speaker.end and speaker.start < actor.span.end:
            continue
        if actor.label == "PERSON":
            continue
        written = _NAME_WORD.findall(actor.name)
        if len(written) < 2 or name_words(actor.name) & other_article:
            continue
        if name_words(actor.name) <= words:
            continue  # the other sentence writes the whole name too ("the Harbour Hill clinic"), unrecognised
        if stem(written[-1]) in words:
            return True
    return False


def particulars_differ(alignment: Alignment, names: Mapping[str, frozenset[str]]) -> bool:
    """Whether the two sentences of a cross-source pair each name a particular of one kind that the other's
    article never names: "Shares in Umbro were up 1.76%" / "Shares in Wimpey were up 6%" are two firms' shares,
    two facts of one kind, whatever the rest of the words share. Or one names a thing ("The Academy Awards
    ceremony will be held in Hollywood on 27 February") that the other calls by its kind alone ("The awards
    ceremony will be held on 26 February") in an article that never names it: another article's awards.

    Both, and of one kind: one report of an event adds particulars the other lacks ("from the Kodak Theatre at
    Hollywood and Highland Center"), and one event goes by two names ("the Oscars" / "the Academy Awards"),
    but two names of one kind, each foreign to the other article, are two holders.
    """
    if not alignment.cross_source:
        return False
    empty: frozenset[str] = frozenset()
    left_article, right_article = names.get(alignment.left.doc, empty), names.get(alignment.right.doc, empty)
    if strangers(alignment.left, right_article) & strangers(alignment.right, left_article):
        return True
    return _names_another(alignment.left, alignment.right, alignment.right_tokens, right_article) or _names_another(
        alignment.right, alignment.left, alignment.left_tokens, left_article
    )
