"""The data model: one set of frozen records that every stage reads and extends."""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """Base for every record: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Status(str, Enum):
    OPEN = "open"
    RESOLVED = "resolved"
    ACCEPTED = "accepted"


PublishedSource = Literal["dateline", "front-matter", "metadata", "option", "unknown"]


class Span(Record):
    """A half-open character span into a document's original decoded text."""

    doc: str
    start: int
    end: int
    text: str


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class TimeExpression(Record):
    """A time expression with its TIMEX3 type and value, resolved against the dateline.

    ``type`` is TIMEX3's: DATE (a calendar date or period, "March 2024", "last week"), TIME (a time
    of day, "Friday afternoon", "16:15 UTC"), DURATION (a length, "three months" = ``P3M``,
    "years" = ``PXY``) or SET (a repetition, "every year" = ``P1Y`` with quantifier ``EVERY``).
    ``value`` for a DATE is ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Qn``, ``YYYY-Wnn``,
    ``YYYY-SU`` style, ``199X`` or ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``; a TIME adds
    ``T19:30`` or a part of day (``TAF``); ``None`` when it cannot be resolved (a relative
    expression in a document without a publication date). ``factcheck.dates.interval_of`` gives
    the days a value covers. ``relative`` marks values that came from the dateline ("this month"),
    and ``anchor`` is then that dateline, or the first day of the date the text named when the value
    counts from it ("the next day", "two years later", "3 pm on Friday"); ``reasoning`` says how an underspecified value was read
    ("no year given: the clause is in the past ('announced'), so the most recent January up to the
    dateline 2006-08-19"). ``recent`` marks wording that presents an event as recent ("recently",
    "this week", "just"). ``dateline`` marks the document's own dateline. ``head`` is what the date dates, from the
    parse: the lemma of the word its phrase attaches to ("will defend his title on Sept. 8" -> ``defend``,
    "the 2007 ceremony" -> ``ceremony``); None outside a parsed claim.
    """

    span: Span
    type: TimexType = "DATE"
    value: str | None
    granularity: Literal[
        "time", "day", "week", "month", "quarter", "season", "year", "decade", "century", "present", "unknown"
    ]
    relative: bool = False
    recent: bool = False
    anchor: date | None = None
    reasoning: str | None = None
    quantifier: str | None = None
    dateline: bool = False
    head: str | None = None  # what the date dates: the lemma of the word its phrase attaches to ("defend")

    @property
    def is_point(self) -> bool:
        """A date or a time of day (a place on the calendar), not a length or a repetition."""
        return self.type in ("DATE", "TIME")


class Quantity(Record):
    """A number with its unit, comparator and the interval it allows.

    ``value`` is the number as stated in ``unit`` (a percentage stays 60, a fraction
    in words becomes 0.667 with unit ``fraction``). ``low``/``high`` is the interval
    the wording allows, in the same unit; ``low_open``/``high_open`` mark open ends.
    ``measure`` names what is counted (the head noun: "satellites", "budget"); ``head`` is the word
    the counted noun belongs to, from the parse ("injuring five people" -> ``injure``, "10 people
    were killed" -> ``kill``), so two figures of one sentence that count different things differ there.
    """

    span: Span
    value: float
    unit: str  # percent | fraction | count | money:USD | money:JPY | ... | <noun unit such as km>
    comparator: Literal["eq", "gt", "ge", "lt", "le", "approx"] = "eq"
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    measure: str | None = None
    as_of: TimeExpression | None = None
    head: str | None = None  # what the counted noun belongs to: "injuring five people" -> "injure"
    # Whose figure it is, by name: "Its profit rose 5%" / "The band has sold two million records" -> the firm or
    # the band the text named before; None when the figure counts its own subject or names no one.
    holder: str | None = None
    # How the act the figure counts is told, from the parse: "done" ("closed six mills"), "foreseen" ("will close six
    # mills", "plans to close"), or None when the parse does not say (a present tense, a noun).
    mood: Literal["done", "foreseen"] | None = None
    # Whether the figure counts a part of what the sentence names: "ten of its plants", "the partial closure of ten".
    part: bool = False
    # Whether the figure counts the whole a partitive takes its part from: "260" of "close 60 of its 260 branches" (what
    # the holder has; the act befell the 60, so ``head`` and ``mood`` are None).
    whole: bool = False
    # How many its holder's word names, from the parse, and what: "one" ("Roe", "he", "the club") or "several"
    # ("they", "the companies", "Roe and Ito"); "person" (a person's name, "he", "the striker"), "named" (any other
    # name, "Harbor") or "body" (a noun for an organisation, "the companies", "the new bank"); None when the word
    # does not say. One person is never "they", nor one named firm "the companies": two such figures are two
    # holders' whatever names each text resolves them to.
    holder_number: Literal["one", "several"] | None = None
    holder_kind: Literal["person", "named", "body"] | None = None


class Actor(Record):
    """A named entity and what the text says the person is (title, affiliation)."""

    span: Span
    name: str
    label: Literal["PERSON", "ORG", "GPE", "NORP", "FAC", "OTHER"]
    title: str | None = None
    affiliation: str | None = None
    role_span: Span | None = None
    former: bool = False  # the text frames the role as past ("former chief")
    # The other current titles the text gives the person in the same mention, each where it is written: the second of
    # "chairman and chief executive", the rank of "Rear Admiral Jane Roe, commander of the coastguard", the post before
    # the name beside an appositive ("Harbor assistant coach Jane Roe, a former Vellmar midfielder"). ``title`` is one;
    # another source may change any of them.
    further_titles: tuple[Span, ...] = ()


class Quote(Record):
    """A direct quote with its speaker as the text gives them."""

    span: Span  # the quoted words, without the quotation marks
    speaker: str | None = None
    co_speakers: tuple[str, ...] = ()  # the others of "Jane Roe and Sam Ito said", in the text's order
    speaker_span: Span | None = None
    credit_span: Span | None = None  # the whole "Jane Roe and Sam Ito" when there are co-speakers
    speaker_title: str | None = None
    speaker_further_titles: tuple[Span, ...] = ()  # as ``Actor.further_titles``, for the speaker's credit
    speaker_affiliation: str | None = None
    framing: Literal["current", "past", "unknown"] = "current"
    said_at: TimeExpression | None = None  # "said in 2021"


class Event(Record):
    """Who did what: the actor and the action of a claim (for "the same event" tests)."""

    actor: str | None = None  # normalised subject or agent ("japan", "space force")
    action: str  # lemma of the main verb or event noun ("launch", "establish", "test")
    object: str | None = None  # normalised object ("qzs-6", "asat missile")
    past: bool = True  # described in the past tense


# "event-statement": a sentence that states something happened without a date, a figure, a quote or a name in
# it ("The tremor damaged two hospitals"): no slot to compare, but a fact other sources report.
ClaimKind = Literal["dated-event", "quantity", "quote", "actor-statement", "event-statement", "headline"]


class Claim(Record):
    """An atomic, check-worthy statement: a sentence or clause with typed slots."""

    id: str  # "<doc>#<start>-<end>"
    doc: str
    span: Span
    text: str  # the cleaned sentence text (artefacts repaired), for embedding and display
    kinds: tuple[ClaimKind, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    actors: tuple[Actor, ...] = ()
    quote: Quote | None = None
    event: Event | None = None

    def __hash__(self) -> int:
        # By its id (its document and place), not by every field as a frozen record is: the alignment caches look a
        # claim up by it hundreds of thousands of times a run, and hashing its actors, spans, times and figures each
        # time took a tenth of the check stage. Equal claims have one id, so one hash; equality still tells apart two
        # claims that share an id and differ otherwise.
        return hash(self.id)


class DocumentHeader(Record):
    """What the run keeps of a document once its claims are extracted: everything but its text.

    Reporters and checks read the text back on demand (``Corpus.text_of``), so a run never holds
    every document's text at once. ``text_hash`` (``Document.content_hash``) is what the text read
    back must match: a document whose text changed on disk is a clear error, never a wrong span.
    """

    id: str
    path: str
    title: str | None = None
    byline: str | None = None
    published: date | None = None
    published_source: PublishedSource = "unknown"
    published_span: Span | None = None
    # A wire dateline that gives no year ("KESSA, June 17 (Continental Press) - "), when nothing else dates the
    # document: ``filed_day`` is its (month, day), ``published_span`` its words. ``filed`` is that day in the year the
    # document's own dated sentences or the run's dated documents give it (``stages.extract.filed``), and
    # ``filed_year_from`` says which: a reading, not the text, so ``published`` stays None; the claims' relative dates
    # (a weekday, "June 15") are read against it, a figure's as-of date and a quote's time are not, and the
    # date-conflict check names the reading in its findings.
    filed_day: tuple[int, int] | None = None
    filed: date | None = None
    filed_year_from: str | None = None
    source: str | None = None  # outlet or site name, when known
    format: str = "text"
    encoding: str = "utf-8"
    body_start: int = 0  # clean offset where the body starts (after title/byline/dateline block)
    text_hash: str | None = None  # set on a header whose text was let go; None on a Document (text at hand)


class Document(DocumentHeader):
    """One input document: its original decoded text, cleaned text and offset map."""

    text: str  # the original decoded text; every Span indexes this
    clean: str  # artefacts repaired: what extraction reads
    # Original offset of each clean char (+ one past end); () when that is the identity.
    clean_to_original: tuple[int, ...] = ()

    def content_hash(self) -> str:
        """A hash of the text, the cleaned text and the offset map: what spans and extraction read."""
        digest = hashlib.sha256()
        for part in (self.text, self.clean, ",".join(map(str, self.clean_to_original))):
            data = part.encode("utf-8", "surrogatepass")
            digest.update(f"{len(data)}:".encode())
            digest.update(data)
        return digest.hexdigest()

    def header(self) -> DocumentHeader:
        """This document without its text (``text_hash`` set to check the text when it is read back)."""
        fields = {name: getattr(self, name) for name in DocumentHeader.model_fields if name != "text_hash"}
        return DocumentHeader(**fields, text_hash=self.content_hash())

    def original_offsets(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Map a half-open span of ``clean`` onto ``text``."""
        if not self.clean_to_original:
            return clean_start, clean_end
        start = self.clean_to_original[clean_start]
        if clean_end <= clean_start:
            return start, start
        end = self.clean_to_original[clean_end - 1] + 1
        return start, max(end, start)

    def span(self, clean_start: int, clean_end: int) -> Span:
        """A Span (original offsets and text) for a half-open span of ``clean``."""
        start, end = self.original_offsets(clean_start, clean_end)
        return Span(doc=self.id, start=start, end=end, text=self.text[start:end])

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of an original offset."""
        starts = _line_starts(self.text)
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


# Line starts of the texts last asked about; bounded, as the run reads texts back one at a time.
_LINE_STARTS_CACHE: OrderedDict[int, list[int]] = OrderedDict()
_LINE_STARTS_KEPT = 1_024


def _line_starts(text: str) -> list[int]:
    key = hash(text)
    cached = _LINE_STARTS_CACHE.get(key)
    if cached is None:
        cached = [0] + [m.end() for m in re.finditer(r"\n", text)]
        _LINE_STARTS_CACHE[key] = cached
        if len(_LINE_STARTS_CACHE) > _LINE_STARTS_KEPT:
            _LINE_STARTS_CACHE.popitem(last=False)
    else:
        _LINE_STARTS_CACHE.move_to_end(key)
    return cached


class Cluster(Record):
    """Claims that report the same event; cross-source when they span two or more documents.

    ``claims`` are the claims whose sentence is about this event above all (each claim in one cluster at most);
    ``also`` the claims of other clusters, or of none, whose sentence reports this event too among others
    ("An earthquake shook ..., killing 10 people" reports the quake and the deaths), in corpus order.
    ``documents`` are the documents of ``claims``."""

    id: str
    claims: tuple[str, ...]
    documents: tuple[str, ...]
    also: tuple[str, ...] = ()

    @property
    def corroboration(self) -> int:
        return len(self.documents)

    @property
    def cross_source(self) -> bool:
        return len(self.documents) >= 2


class SameFactPair(Record):
    """Two claims of different documents that may state the same fact (the cluster stage's candidates).

    ``left`` comes before ``right`` in ``Corpus.claims``. ``similarity`` is the cosine similarity of
    their vectors after the entity- and time-aware adjustment (see stages/cluster.py): a check that
    aligns the two sentences reads it as how likely they report one fact.
    """

    left: str  # claim id
    right: str  # claim id
    similarity: float
    same_cluster: bool = False


class Corroboration(Record):
    """How many of a document's checkable claims (quotes, figures, dated events) another source states too.

    ``single_source_claims`` are the ids of the claims no other document states while others cover
    their topic, most important first (quotes, then figures, then dated events; earlier in the
    text first); ``single_source_kinds`` gives each one's kinds ("quote,quantity").
    """

    doc: str
    corroborated: int
    single_source: int
    single_source_claims: tuple[str, ...] = ()
    single_source_kinds: tuple[str, ...] = ()


class Failure(Record):
    """Something that could not be done: a file not read, a check that crashed."""

    stage: str  # load | extract | embed | cluster | check:<slug> | ledger | resolutions | config
    subject: str  # the file path or check slug
    message: str
    code: str  # stable error code, see errors.py
    fatal: bool = False  # the run cannot proceed (exit 2)

    @property
    def skips_document(self) -> bool:
        """A document of the run was not checked (not loaded, or its extraction failed).

        A passage left out of an otherwise checked document (FC-E111) does not count."""
        return not self.fatal and self.stage in ("load", "extract") and self.code != "FC-E111"


class Finding(Record):
    """A discrepancy a check found, with the evidence that shows it."""

    id: str
    check: str  # slug
    code: str  # FC001...
    severity: Severity
    message: str
    evidence: tuple[Span, ...]
    suggestion: str | None = None
    status: Status = Status.OPEN
    note: str | None = None
    data: dict[str, Any] = {}

    @property
    def first_position(self) -> tuple[str, int]:
        return (self.evidence[0].doc, self.evidence[0].start) if self.evidence else ("", 0)


def normalise_text(text: str) -> str:
    """Case-, space- and punctuation-folded text, for fingerprints and matching."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"-\s*\n\s*", "", text)
    return " ".join(re.findall(r"\w+", text))


def fingerprint(check: str, evidence: tuple[Span, ...] | list[Span], key: str = "") -> str:
    """A finding id from its check and the normalised text of its evidence, not positions.

    Editing an unrelated paragraph keeps the id; ``key`` separates two findings a check
    raises on the same evidence (e.g. two different conflicts in one sentence).
    """
    parts = sorted(f"{span.doc}\x1f{normalise_text(span.text)}" for span in evidence)
    digest = hashlib.sha256("\x1e".join([check, key, *parts]).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{check}-{digest[:10]}"


def make_finding(
    check: str,
    code: str,
    severity: Severity,
    message: str,
    evidence: list[Span] | tuple[Span, ...],
    suggestion: str | None = None,
    key: str = "",
    data: dict[str, Any] | None = None,
) -> Finding:
    """Build a Finding with its fingerprint id. Evidence is required: no finding without it."""
    if not evidence:
        raise ValueError(f"{check}: a finding needs evidence")
    evidence = tuple(evidence)
    return Finding(
        id=fingerprint(check, evidence, key),
        check=check,
        code=code,
        severity=severity,
        message=message,
        evidence=evidence,
        suggestion=suggestion,
        data=data or {},
    )


@dataclass
class Corpus:
    """What flows through the pipeline: each stage returns it with its part added."""

    # Documents with their text until extraction ends, then their headers (the text read back by ``texts``).
    documents: tuple[DocumentHeader, ...] = ()
    claims: tuple[Claim, ...] = ()
    embeddings: dict[str, Any] = field(default_factory=dict)  # claim id -> numpy vector
    clusters: tuple[Cluster, ...] = ()
    same_fact: tuple[SameFactPair, ...] = ()  # candidate pairs across documents, sorted by (left, right)
    # Document id -> its group of stories that may be one (the cluster stage's ``story_groups``), for the documents
    # long enough to have a story: a same-fact candidate never joins two groups.
    story_groups: dict[str, int] = field(default_factory=dict)
    corroboration: tuple[Corroboration, ...] = ()  # per document, in document order
    findings: tuple[Finding, ...] = ()
    failures: tuple[Failure, ...] = ()
    stale_resolutions: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)  # stage -> seconds (never in findings)
    extras: dict[str, Any] = field(default_factory=dict)  # per-stage summaries (e.g. spin scores)
    # Reads a document's text back once only its header is kept (factcheck.stages.load.store.DocumentStore).
    texts: Any = None
    # Files the load stage handed on unread (factcheck.stages.load.stage.LoadItem): the extract stage loads them.
    unread: tuple[Any, ...] = ()
    # Lookup indexes; init=False so evolve() (dataclasses.replace) starts them afresh.
    _documents_index: dict[str, DocumentHeader] | None = field(default=None, init=False, repr=False, compare=False)
    _claims_index: dict[str, Claim] | None = field(default=None, init=False, repr=False, compare=False)
    _cluster_index: dict[str, Cluster] | None = field(default=None, init=False, repr=False, compare=False)
    _also_index: dict[str, list[Cluster]] | None = field(default=None, init=False, repr=False, compare=False)
    _claims_by_doc_index: dict[str, list[Claim]] | None = field(default=None, init=False, repr=False, compare=False)
    _same_fact_index: dict[str, list[SameFactPair]] | None = field(default=None, init=False, repr=False, compare=False)
    # The aligned candidate pairs (factcheck.nlp.align), computed once per corpus for every check that reads them.
    alignment_index: Any = field(default=None, init=False, repr=False, compare=False)

    def evolve(self, **changes: Any) -> "Corpus":
        return replace(self, **changes)

    def document(self, doc_id: str) -> DocumentHeader:
        """A document's header (title, dateline, path ...); its text is ``text_of``'s."""
        return self._documents_by_id()[doc_id]

    def text_of(self, doc_id: str) -> Document:
        """A document with its text: the one at hand until extraction ends, then read back by ``texts``.

        Raises KeyError for an unknown id, and a FactcheckError when the text cannot be read back
        unchanged (the file changed on disk and the cache lost it)."""
        document = self.document(doc_id)
        if isinstance(document, Document):
            return document
        if self.texts is None:
            from factcheck.errors import DocumentChangedError

            raise DocumentChangedError(
                "its text was let go and this corpus has no store to read it back", path=document.path
            )
        text: Document = self.texts.read(document)
        return text

    def claim(self, claim_id: str) -> Claim:
        return self._claims_by_id()[claim_id]

    def claims_of(self, doc_id: str) -> list[Claim]:
        # Indexed: checks ask once per document, and a scan per call made that docs x claims.
        if self._claims_by_doc_index is None:
            index: dict[str, list[Claim]] = {}
            for claim in self.claims:
                index.setdefault(claim.doc, []).append(claim)
            self._claims_by_doc_index = index
        return list(self._claims_by_doc_index.get(doc_id, ()))

    def same_fact_of(self, claim_id: str) -> list[SameFactPair]:
        """The same-fact candidate pairs a claim takes part in (as left or right)."""
        if self._same_fact_index is None:
            index: dict[str, list[SameFactPair]] = {}
            for pair in self.same_fact:
                index.setdefault(pair.left, []).append(pair)
                index.setdefault(pair.right, []).append(pair)
            self._same_fact_index = index
        return list(self._same_fact_index.get(claim_id, ()))

    def two_stories(self, left_doc: str, right_doc: str) -> bool:
        """Whether the cluster stage found the two documents surely of two stories (two look-alike events: two
        rehab stays, two piracy raids years apart; ``story_groups``). A document too short to have a story is in any."""
        left, right = self.story_groups.get(left_doc), self.story_groups.get(right_doc)
        return left is not None and right is not None and left != right

    def cluster_of(self, claim_id: str) -> Cluster | None:
        return self._cluster_by_claim().get(claim_id)

    def clusters_of(self, claim_id: str) -> list[Cluster]:
        """Every event cluster a claim's sentence reports: its own (``cluster_of``) first, then those that list it
        in ``also``, in cluster order."""
        own = self.cluster_of(claim_id)
        if self._also_index is None:
            index: dict[str, list[Cluster]] = {}
            for cluster in self.clusters:
                for member in cluster.also:
                    index.setdefault(member, []).append(cluster)
            self._also_index = index
        return [*([own] if own is not None else []), *self._also_index.get(claim_id, ())]

    def _documents_by_id(self) -> dict[str, DocumentHeader]:
        if self._documents_index is None:
            self._documents_index = {doc.id: doc for doc in self.documents}
        return self._documents_index

    def _claims_by_id(self) -> dict[str, Claim]:
        if self._claims_index is None:
            self._claims_index = {claim.id: claim for claim in self.claims}
        return self._claims_index

    def _cluster_by_claim(self) -> dict[str, Cluster]:
        if self._cluster_index is None:
            self._cluster_index = {claim_id: cluster for cluster in self.clusters for claim_id in cluster.claims}
        return self._cluster_index


@dataclass
class RunResult:
    """What run() returns: the finished corpus and what the gate needs."""

    corpus: Corpus
    settings: Any

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.corpus.findings

    @property
    def failures(self) -> tuple[Failure, ...]:
        return self.corpus.failures

    def skipped_documents(self) -> tuple[Failure, ...]:
        """The failures that left a document of the run unchecked (they exit 2 unless allow_skipped)."""
        return tuple(failure for failure in self.failures if failure.skips_document)

    @property
    def corroboration(self) -> tuple[Corroboration, ...]:
        return self.corpus.corroboration

    def exit_code(self, fail_on: Severity | None = None, exit_zero: bool | None = None) -> int:
        """The one place the exit code is computed: 2 broken run (or a document left unchecked,
        unless ``allow_skipped``), 1 open findings at or above ``fail_on``, else 0. ``exit_zero``
        reports without gating (but still 2 when broken)."""
        fail_on = fail_on or getattr(self.settings, "fail_on", None) or Severity.ERROR
        exit_zero = getattr(self.settings, "exit_zero", False) if exit_zero is None else exit_zero
        if any(failure.fatal for failure in self.failures) or not self.corpus.documents:
            return 2
        if not getattr(self.settings, "allow_skipped", False) and self.skipped_documents():
            return 2
        if exit_zero:
            return 0
        gating = [f for f in self.findings if f.status == Status.OPEN and f.severity.rank >= fail_on.rank]
        return 1 if gating else 0
