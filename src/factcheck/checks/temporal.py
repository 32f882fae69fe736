"""FC001 temporal: event dates against the document's own dateline."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from factcheck.checks.base import Check, CheckContext
from factcheck.datelines import find_dates
from factcheck.dates import interval_of, values_agree
from factcheck.model import Claim, Corpus, Document, Finding, Severity, Span, TimeExpression
from factcheck.plainwords import date_words, quoted, time_words


def date_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a resolved TIMEX value covers; None for refs and unknowns."""
    return interval_of(value)


def dates_agree(a: str, b: str) -> bool:
    """Granularity-aware agreement: "2020" and "2020-10" agree; "2019" and "2020" do not."""
    return values_agree(a, b)


# "(Kyodo, 2021)", "(Pekkanen and Kallender, 2010: 43; GOJ, 2008)": a year that dates a
# cited work, not the event the sentence tells.
_CITATION_BEFORE = re.compile(r"\([^()]*[A-Z][^()]*,\s*(?:\d{4}[a-z]?(?:/\d{2,4})?(?::\s*[\d\u2013-]+)?[,;]\s*)*$")
_CITATION_AFTER = re.compile(r"^[a-z]?(?:/\d{2,4})?(?::\s*[\d\u2013\u2014-]+)?\s*[);,]")


def is_citation(time: TimeExpression, text: str) -> bool:
    """Whether a year is a bibliographic reference ("(Smith, 2019: 31)") rather than a date."""
    if time.granularity != "year":
        return False
    before = text[max(0, time.span.start - 120) : time.span.start]
    after = text[time.span.end : time.span.end + 20]
    return bool(_CITATION_BEFORE.search(before)) and bool(_CITATION_AFTER.match(after))


def event_times(claim: Claim) -> list[TimeExpression]:
    """The claim's resolved dates (written out or relative), citations and refs left out."""
    text = claim.span.text
    offset = claim.span.start
    kept = []
    for time in claim.times:
        if time.recent or date_bounds(time.value) is None:
            continue
        local = time.model_copy(
            update={
                "span": time.span.model_copy(update={"start": time.span.start - offset, "end": time.span.end - offset})
            }
        )
        if 0 <= local.span.start <= len(text) and is_citation(local, text):
            continue
        kept.append(time)
    return kept


def explicit_dates(claim: Claim) -> list[TimeExpression]:
    """The claim's dates that are written out (not resolved from the dateline), parseable."""
    return [time for time in event_times(claim) if not time.relative]


def describe_gap(bounds: tuple[date, date], published: date) -> tuple[int, str]:
    """Days between a date's (first, last) day and the dateline, and "N days before/after" wording."""
    first, last = bounds
    if last < published:
        days = (published - last).days
        return days, f"{days} days before"
    if first > published:
        days = (first - published).days
        return -days, f"{days} days after"
    return 0, "within"


# "recent" in these phrases describes a period, not one event ("in recent years").
_RECENT_PERIOD = re.compile(
    r"\brecent(?:ly)?\s+(?:years?|decades?|months|weeks|times|history|past|memory|era|trends?|centur(?:y|ies))\b", re.I
)
_RECENT_WORD = re.compile(r"\b(?:most\s+)?recent(?:ly)?\b|\bjust\s+(?=\w+ed\b)|\bnewly\b", re.I)
_STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been this that these
those its it their his her our your which who whom whose what when where than then so such into over under about
u.s us s""".split()
)
# Reporting or framing words: a date after them usually belongs to what is reported, not to
# the event called recent ("the recently released report says unemployment peaked in 2020").
_REPORTING = re.compile(
    r"\b(?:said|says|say|saying|report(?:s|ed)?|according|found|finds|shows?|showed|shown|noted|notes|claims?|"
    r"claimed|argues?|argued|wrote|writes|recalls?|recalled|since|after|before|until|following|compared)\b",
    re.I,
)
# Different words for the same kind of event, so "the recent launch" links to "the lift-off".
_EVENT_SYNONYMS = (
    frozenset({"launch", "liftoff", "lift", "blastoff", "takeoff"}),
    frozenset({"meeting", "meet", "summit", "talks", "visit", "trip"}),
    frozenset({"attack", "strike", "raid", "assault", "bombing"}),
    frozenset({"election", "vote", "poll", "ballot", "referendum"}),
    frozenset({"signing", "sign", "agreement", "accord", "deal", "treaty", "pact"}),
    frozenset({"announcement", "announce", "unveiling", "unveil", "statement"}),
    frozenset({"test", "trial", "demonstration", "experiment"}),
    frozenset({"release", "publication", "publish", "report"}),
    frozenset({"crash", "accident", "collision", "collide"}),
    frozenset({"death", "died", "killed", "passed"}),
)


def _stem(word: str) -> str:
    word = word.casefold().strip("'\u2019-")
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _event_keys(words: Iterable[str]) -> set[str]:
    keys: set[str] = set()
    for word in words:
        folded = word.casefold()
        if folded in _STOPWORDS or len(folded) < 3 or folded.isdigit():
            continue
        keys.add(_stem(folded))
        for group in _EVENT_SYNONYMS:
            if folded in group or _stem(folded) in {_stem(member) for member in group}:
                keys.add("~" + min(group))
    return keys


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'\u2019]*", text)


class _RecencyMarker:
    """Where a claim calls something recent, and the words naming what is recent."""

    def __init__(self, start: int, end: int, text: str, heads: list[str]) -> None:
        self.start, self.end, self.text, self.heads = start, end, text, heads


def _dates_itself(time: TimeExpression) -> bool:
    return time.granularity in ("day", "week") and (time.value is not None or time.relative)


def _names_the_present(time: TimeExpression) -> bool:
    """Whether a recency word tells the present state, not that an event is recent ("will now receive", "currently",
    "its latest suit, filed in September 2003", "so far").

    "Now" contrasts the present with an older date as often as not ("were to take delivery in May 2008, but will now
    receive it next month"), and "latest" orders a series: neither says when the event dated beside it happened.
    "Just" is read as recency by the extractor too, and is kept: "has just announced" dates an act.
    """
    return time.value == "PRESENT_REF" and time.span.text.casefold() != "just"


_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")
# "the most recent was the announcement in December 2000": a superlative orders a series (the latest of them), as
# "latest" does; it says nothing of how long ago the last one was.
_SUPERLATIVE_BEFORE = re.compile(r"\bmost\s+$", re.IGNORECASE)
# Between a recency word and a date, a clause break puts them in two clauses: "bought a stake in Chrysler, which had
# just left bankruptcy" (the relative clause is recent to the main clause's date, not to the dateline); "it lost
# $1.6bn in May 2005 and recently reported a loss" (a second act, recent to the dateline, the first one dated).
_CLAUSE_BETWEEN = re.compile(
    r",\s+(?:which|who|whose|whom|where|while|but|although|though|and)\b|[;:]|\band\s*$|^\s*and\b", re.IGNORECASE
)


def names_a_thing(time: TimeExpression, text: str) -> bool:
    """Whether a date is written as part of a thing's name, right before the noun it dates ("the 2011 version of
    the suite", "the 2012 model"): a model or an edition, not when the sentence's event happened."""
    head = (time.head or "").casefold()
    word = _FIRST_WORD.match(text[time.span.end : time.span.end + 40])
    return bool(head) and word is not None and word.group(1).casefold().startswith(head)


def dates_another_word(time: TimeExpression, act: str) -> bool:
    """Whether the parse hangs a date on a word that is not the act (``Event.action``) nor a word WordNet gives for it
    ("ordered 20 jets for delivery from 2028" -> delivery, "adopted a plan for 2035" -> plan, "placed an order, with
    the first to arrive in 2028" -> arrive): the date says when that other thing is or will be, not when the act told
    in the past happened. A date with no head read is taken as the act's, as before."""
    from factcheck.nlp import lexicon

    head = (time.head or "").casefold()
    if not head or not act:
        return False
    return head != act.casefold() and not lexicon.same_act(head.split()[0], act.casefold().split()[0])


def recency_markers(claim: Claim, document: Document) -> list[_RecencyMarker]:
    """Recent-wording in a claim: extractor-marked recent times, plus "recent(ly) X" phrases."""
    markers: dict[int, _RecencyMarker] = {}
    text = document.text
    for time in claim.times:
        # A weekday or "yesterday" dates its own event ("Wednesday's violence was like the
        # December 2008 riots"): an explicit date beside it belongs to another event.
        if (
            time.recent
            and not _dates_itself(time)
            and not _names_the_present(time)
            and not _SUPERLATIVE_BEFORE.search(text, max(0, time.span.start - 10), time.span.start)
        ):
            following = _words(text[time.span.end : time.span.end + 40])[:3]
            markers[time.span.start] = _RecencyMarker(time.span.start, time.span.end, time.span.text, following)
    claim_text = text[claim.span.start : claim.span.end]
    for match in _RECENT_WORD.finditer(claim_text):
        if _RECENT_PERIOD.match(claim_text, match.start()):
            continue
        if match.group(0).casefold().startswith("most") and not match.group(0).casefold().endswith("ly"):
            continue  # "the most recent": a superlative, the latest of a series
        start = claim.span.start + match.start()
        if any(
            m.start <= start < m.end + 1 or start <= m.start < start + len(match.group(0)) for m in markers.values()
        ):
            continue
        following = _words(claim_text[match.end() : match.end() + 40])[:3]
        markers[start] = _RecencyMarker(start, claim.span.start + match.end(), match.group(0).strip(), following)
    # Heads: the content words after the marker, until a function word ends the phrase.
    for marker in markers.values():
        heads = []
        for word in marker.heads:
            if word.casefold() in _STOPWORDS:
                break
            heads.append(word)
        if not heads and claim.event is not None:
            heads = [claim.event.action]
        marker.heads = heads
    return [markers[start] for start in sorted(markers)]


def _paragraph_breaks(text: str, start: int, end: int) -> int:
    return len(re.findall(r"\n\s*\n", text[start:end]))


def _intended(value: str, published: date) -> date | None:
    """The same day and month in the dateline's year, when that is on or before the dateline."""
    bounds = date_bounds(value)
    if bounds is None or bounds[0] != bounds[1]:
        return None
    day = bounds[0]
    try:
        candidate = day.replace(year=published.year)
    except ValueError:  # 29 February
        return None
    return candidate if candidate <= published and candidate != day else None


# "for" right before a date: the period something is for ("a budget for 2026", "the plan for next year").
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+)?$", re.IGNORECASE)
_FUTURE_FRAMING = re.compile(
    r"\b(?:will|would|shall|could|may|might|should|plan(?:s|ned)?|planning|schedul\w*|expect\w*|set\s+to|due|"
    r"aims?|aimed|intend\w*|going\s+to|next|upcoming|forthcoming|by|until|through|projected|forecast\w*|"
    r"target\w*|deadline|proposed|poised|later|hop(?:e|es|ed|ing)|want(?:s|ed)?|wish(?:es|ed)?)\b",
    re.I,
)


def _last_header_date(document: Document, published: date) -> date:
    """The latest date the document's header block gives, the dateline at least: a story published on Monday and
    "Updated: Tuesday, March 12" may tell, in the past tense, what happened on Tuesday."""
    start, end = document.original_offsets(0, document.body_start)
    header_dates = [value for _, _, value in find_dates(document.text[start:end])]
    return max([published, *header_dates])


class TemporalCheck(Check):
    """Dates that contradict the document's own dateline.

    What it checks, within each document that has a publication date (``doc.published``):

    * an event the text calls recent ("the recent launch", "this week", "just announced")
      whose explicit date is more than ``temporal.recent_days`` (default 90) days from the
      dateline, in the same sentence (error: the text contradicts itself) or in the next
      sentences that continue the story and name the same kind of event (warning, since the
      link between the two sentences is inferred);
    * a past-tense event dated after the dateline, with no future framing ("will", "plans",
      "scheduled") in the sentence (warning: implausible); a date the parse hangs on another
      word than the act ("ordered 20 jets for delivery from 2028") dates that word, not the act;
    * a relative expression ("earlier this year") written right beside an explicit date
      that falls in a different period (error), unless the parse hangs the two on two words
      ("adopted a plan for 2035 on Tuesday").

    Why it matters: a stale date presented as news, or a year typed from habit, misleads the
    reader about what happened when. The suggestion offers the same day and month in the
    dateline's year, the usual slip.

    Example: dateline 2025-02-10, "The recent launch ..." then "On February 2, 2024, ...
    lift-off": 2024-02-02 is 374 days before the dateline, yet the launch is called recent;
    did the author mean 2025-02-02?

    Documents without a dateline are skipped. Suppress with ``ignore = ["temporal"]``, tune
    with ``thresholds = {"temporal.recent_days" = 180}``, or resolve a finding by its id.
    """

    code = "FC001"
    slug = "temporal"
    severity = Severity.WARNING

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        recent_days = context.settings.threshold("temporal.recent_days", 90)
        for header in sorted(corpus.documents, key=lambda doc: doc.id):
            if header.published is None:
                continue
            document = corpus.text_of(header.id)
            claims = sorted(corpus.claims_of(document.id), key=lambda claim: (claim.span.start, claim.span.end))
            yield from self._recency(document, claims, recent_days)
            yield from self._future_past(document, claims)
            yield from self._relative_beside_explicit(document, claims)

    # -- an event called recent, dated long before the dateline ------------------------
    def _recency(self, document: Document, claims: list[Claim], recent_days: float) -> Iterable[Finding]:
        published = document.published
        assert published is not None
        for index, claim in enumerate(claims):
            markers = recency_markers(claim, document)
            if not markers:
                continue
            dates = [time for time in explicit_dates(claim) if time.granularity in ("day", "month")]
            if dates:
                # Same sentence: one specific date, tied to the marker without reporting words.
                if len(dates) != 1 or len(markers) != 1:
                    continue
                marker, time = markers[0], dates[0]
                low, high = (
                    sorted((marker.end, time.span.start))
                    if marker.end <= time.span.start
                    else (time.span.end, marker.start)
                )
                between = document.text[low:high]
                if _REPORTING.search(between) or _CLAUSE_BETWEEN.search(between) or len(between) > 80:
                    continue
                yield from self._stale(document, marker, claim, time, published, recent_days, Severity.ERROR)
                continue
            # The story continues in the next sentences: the first one with a specific date.
            for later in claims[index + 1 : index + 4]:
                if _paragraph_breaks(document.text, claim.span.end, later.span.start) > 1:
                    break
                later_dates = explicit_dates(later)
                if not later_dates:
                    continue
                specific = [time for time in later_dates if time.granularity in ("day", "month")]
                if len(later_dates) != 1 or len(specific) != 1 or recency_markers(later, document):
                    break
                for marker in markers:
                    heads = _event_keys(marker.heads)
                    later_words = _event_keys(_words(document.text[later.span.start : later.span.end]))
                    if later.event is not None:
                        later_words |= _event_keys([later.event.action])
                    if heads & later_words:
                        yield from self._stale(
                            document, marker, later, specific[0], published, recent_days, Severity.WARNING
                        )
                        break
                break

    def _stale(
        self,
        document: Document,
        marker: _RecencyMarker,
        claim: Claim,
        time: TimeExpression,
        published: date,
        recent_days: float,
        severity: Severity,
    ) -> Iterable[Finding]:
        bounds = date_bounds(time.value)
        if bounds is None:
            return  # event_times keeps only dates with bounds
        days, wording = describe_gap(bounds, published)
        if days <= recent_days:
            return
        called = " ".join([marker.text, *marker.heads]).strip()
        intended = _intended(time.value or "", published)
        suggestion = (
            f"did the text mean {intended.isoformat()}? (same day and month in the dateline's year)"
            if intended
            else None
        )
        marker_span = Span(
            doc=document.id, start=marker.start, end=marker.end, text=document.text[marker.start : marker.end]
        )
        evidence = [marker_span, time.span]
        if document.published_span is not None:
            evidence.append(document.published_span)
        message = (
            f"{time_words(time)} is {wording} the dateline, {date_words(published.isoformat())}, "
            f"yet the text calls it {quoted(called)}; an event {days} days old is not recent "
            f"(threshold {int(recent_days)} days)"
        )
        yield self.finding(
            message,
            evidence,
            severity=severity,
            suggestion=suggestion,
            key=f"recent:{time.value}",
            data={
                "date": time.value,
                "published": published.isoformat(),
                "days": days,
                "suggested": intended.isoformat() if intended else None,
            },
        )

    # -- a past event dated after the dateline -------------------------------------------
    def _future_past(self, document: Document, claims: list[Claim]) -> Iterable[Finding]:
        published = document.published
        assert published is not None
        told_up_to = _last_header_date(document, published)
        for claim in claims:
            if claim.event is None or not claim.event.past or claim.quote is not None:
                continue
            dates = explicit_dates(claim)
            if len(dates) != 1:
                continue
            time = dates[0]
            bounds = date_bounds(time.value)
            if (
                bounds is None
                or bounds[0] <= told_up_to
                or names_a_thing(time, document.text)
                or dates_another_word(time, claim.event.action)
                or _FOR_BEFORE.search(document.text[: time.span.start])  # "approved a budget for 2026"
            ):
                continue
            if _FUTURE_FRAMING.search(claim.text) or '"' in claim.text or "\u201c" in claim.text:
                continue
            days, wording = describe_gap(bounds, published)
            message = (
                f"{time_words(time)} is {wording} the dateline, {date_words(published.isoformat())}, "
                f"yet the event ({claim.event.action}) is told in the past tense as having happened"
            )
            evidence = [time.span, claim.span]
            if document.published_span is not None:
                evidence.append(document.published_span)
            yield self.finding(
                message,
                evidence,
                severity=Severity.WARNING,
                key=f"future:{time.value}",
                data={"date": time.value, "published": published.isoformat(), "days": -days},
            )

    # -- "earlier this year, on 3 March 2023" ----------------------------------------
    def _relative_beside_explicit(self, document: Document, claims: list[Claim]) -> Iterable[Finding]:
        published = document.published
        assert published is not None
        for claim in claims:
            relatives = [time for time in claim.times if time.relative and date_bounds(time.value) is not None]
            explicit = explicit_dates(claim)
            for relative in relatives:
                for time in explicit:
                    low, high = (
                        sorted((relative.span.end, time.span.start))
                        if relative.span.end <= time.span.start
                        else (time.span.end, relative.span.start)
                    )
                    between = document.text[low:high]
                    if not re.fullmatch(r"[\s,(\[\u2013\u2014-]*(?:on|in|of)?[\s,(\[\u2013\u2014-]*", between):
                        continue
                    if dates_agree(relative.value or "", time.value or ""):
                        continue
                    if relative.head and time.head and relative.head != time.head:
                        # Side by side, yet dating two words: "adopted a plan for 2035 on Tuesday" (the plan's year,
                        # the act's day), not one date told two ways ("earlier this year, on 3 March").
                        continue
                    if any(_FOR_BEFORE.search(document.text[: when.span.start]) for when in (relative, time)):
                        # "approved a budget for 2026 on Wednesday": what the thing is for, whatever word the parse
                        # hangs the year on, not when the act happened.
                        continue
                    message = (
                        f"{quoted(relative.span.text)} means {date_words(relative.value)} counted from the "
                        f"dateline, {date_words(published.isoformat())}, but the date beside it, "
                        f"{time_words(time)}, does not fall in it"
                    )
                    intended = _intended(time.value or "", published)
                    suggestion = f"did the text mean {intended.isoformat()}?" if intended else None
                    yield self.finding(
                        message,
                        [relative.span, time.span],
                        severity=Severity.ERROR,
                        suggestion=suggestion,
                        key=f"relative:{relative.value}:{time.value}",
                        data={"relative": relative.value, "date": time.value, "published": published.isoformat()},
                    )
