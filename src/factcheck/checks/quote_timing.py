"""FC010 quote-timing: a person quoted in a role the ledger says had ended (or not begun) at the dateline."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from factcheck.checks.base import Check, CheckContext
from factcheck.ledger import Ledger, Person, Role, time_interval, title_match
from factcheck.model import Actor, Claim, Corpus, Document, Finding, Severity, Span, normalise_text
from factcheck.nlp.names import normalise_title, resolve_mention
from factcheck.nlp.roles import FORMER_WORDS

# How far before a quote to look for the organisation a role belongs to ("Space Force leaders have ...").
_CONTEXT_WINDOW = 300


@dataclass(frozen=True)
class Presented:
    """Who a claim presents, in what role, and where the text says it."""

    person: Person
    name: str  # as the text writes it (title included when the text gives one)
    title: str | None
    affiliation: str | None
    name_span: Span | None
    role_span: Span | None


def gap_text(earlier: date, later: date) -> str:
    """A rough, readable distance between two dates: "2 years", "5 months", "12 days"."""
    days = (later - earlier).days
    if days >= 365:
        years = days // 365
        return f"{years} year{'s' if years != 1 else ''}"
    if days >= 31:
        months = days // 30
        return f"{months} month{'s' if months != 1 else ''}"
    return f"{days} day{'s' if days != 1 else ''}"


def frames_past(*texts: str | None) -> bool:
    """Whether a title or the words before a name frame the role as past or being left (the extraction's list)."""
    return any(set(normalise_text(text or "").split()) & FORMER_WORDS for text in texts)


def known_full_names(corpus: Corpus, doc_id: str) -> list[str]:
    """Full person names the document mentions (for resolving bare surnames)."""
    names: set[str] = set()
    for claim in corpus.claims_of(doc_id):
        names.update(actor.name for actor in claim.actors if actor.label == "PERSON" and len(actor.name.split()) > 1)
        if claim.quote and claim.quote.speaker and len(claim.quote.speaker.split()) > 1:
            names.add(claim.quote.speaker)
    return sorted(names)


def ledger_person(ledger: Ledger, name: str | None, full_names: list[str]) -> Person | None:
    """The ledger person a name in a document refers to; bare surnames go through the document first."""
    if not name:
        return None
    if len(name.split()) == 1:
        resolved = resolve_mention(name, full_names, ledger.person_aliases)
        if resolved is None:
            return None
        name = resolved
    return ledger.person(name, surname=False)


def title_forms(title: str, affiliation: str | None) -> list[str]:
    """The title, then title + affiliation: extraction may split "Chief of Orbital Operations" in two."""
    return [title, f"{title} of {affiliation}"] if affiliation else [title]


def matching_roles(
    ledger: Ledger, person: Person, title: str | None, affiliation: str | None
) -> tuple[list[Role], str]:
    """The person's roles the text's title (or, without one, affiliation) names, and how: title|rank|affiliation."""
    if title and normalise_title(title):
        for form in title_forms(title, affiliation):
            by_title = [role for role in person.roles if title_match(form, role) == "title"]
            if by_title:
                return by_title, "title"
        by_rank = [role for role in person.roles if title_match(title, role) == "rank"]
        if by_rank:
            return by_rank, "rank"
        return [], ""
    if affiliation:
        by_org = [
            role
            for role in person.roles
            if role.organisation and ledger.same_organisation(affiliation, role.organisation)
        ]
        return by_org, "affiliation" if by_org else ""
    return [], ""


def context_organisation(ledger: Ledger, document: Document, claim: Claim, role: Role) -> str | None:
    """The role's organisation as the text near the claim names it ("U.S. Space Force leaders ...")."""
    if not role.organisation:
        return None
    organisation = ledger.organisation(role.organisation)
    forms = [role.organisation, *(organisation.aliases if organisation else ())]
    window = normalise_text(document.text[max(0, claim.span.start - _CONTEXT_WINDOW) : claim.span.end])
    for form in sorted(forms, key=len, reverse=True):
        folded = normalise_text(form)
        if folded and f" {folded} " in f" {window} ":
            return form
    return None


def reference_interval(claim: Claim, published: date) -> tuple[date, date] | None:
    """When the claim presents the role: the quote's "said" time if given, else the dateline.

    None when the claim is anchored elsewhere in time (an absolute date in a statement),
    which ledger-conflict compares instead.
    """
    if claim.quote is not None:
        if claim.quote.said_at is not None:
            return time_interval(claim.quote.said_at.value)
        return published, published
    if any(not time.relative and time_interval(time.value) for time in claim.times):
        return None
    return published, published


class QuoteTimingCheck(Check):
    """A quote or statement credited to a person in a role the ledger says they no longer (or did not yet) hold.

    **What it checks.** For each quote and each statement attributed to a person the
    reference ledger (claims/*.yaml) knows, the role the text presents them in: the title it
    gives ("Chief of Space Operations", or a rank such as "General" that goes with a ledger
    role), or, without a title, an affiliation ("the Space Force's ..."). When every ledger
    role that title names had ended, or had not yet begun, at the document's dateline (or at
    the quote's own "said" time), the claim presents an out-of-date role as current.

    **Why it matters.** Recycled quotes are a common sign of a copied or fabricated story: a
    2025 article that quotes "General John Raymond" as one of the Space Force's leaders
    quotes someone who left that post in 2022.

    **Example.** In a document dated 2025-02-10: *"We seek deterrence," General Jane Roe
    said.* — with the ledger giving Roe's only general-officer role as 2019-12-20 – 2022-11-02 —
    is flagged with the role, its dates and the dateline.

    **Not flagged.** Framing as past ("said in 2021", "former chief", "retired Gen."); a role
    that was current at the dateline; documents without a dateline; people the ledger does
    not know; a title that names none of the person's ledger roles (that is ledger-conflict's).

    **Severity.** ``error`` when the text gives the very title of the ended role ("Chief of
    Space Operations Jane Roe said"); ``warning`` when only a rank or an affiliation points to
    it, since a retired officer keeps the rank informally.

    **Suppress** with ``--ignore quote-timing``, a resolution in claims/resolutions.yaml, or
    by correcting the ledger entry if the role's dates are wrong.
    """

    code = "FC010"
    slug = "quote-timing"
    severity = Severity.WARNING

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        ledger: Ledger | None = context.ledger
        if ledger is None or not ledger.people:
            return []
        findings: list[Finding] = []
        for document in corpus.documents:
            if document.published is None:
                continue
            full_names = known_full_names(corpus, document.id)
            for claim in corpus.claims_of(document.id):
                for presented in self._presented(ledger, claim, full_names):
                    finding = self._check(ledger, corpus.text_of(document.id), claim, presented)
                    if finding is not None:
                        findings.append(finding)
        return findings

    def _presented(self, ledger: Ledger, claim: Claim, full_names: list[str]) -> list[Presented]:
        quote = claim.quote
        if quote is not None:
            if quote.framing == "past" or frames_past(quote.speaker_title, _words_before(claim, quote.speaker_span)):
                return []
            speaker = quote.speaker
            person = ledger_person(ledger, speaker, full_names) if speaker else None
            if speaker is None or person is None:
                return []
            actor = _actor_for(claim, person, ledger, full_names)
            if actor is not None and actor.former:
                return []
            title = quote.speaker_title or (actor.title if actor else None)
            name = f"{title} {speaker}" if title and normalise_title(title) else speaker
            return [
                Presented(
                    person,
                    name,
                    title,
                    quote.speaker_affiliation,
                    quote.speaker_span,
                    actor.role_span if actor else None,
                )
            ]
        if "actor-statement" not in claim.kinds:
            return []
        presented = []
        for actor in claim.actors:
            if (
                actor.label != "PERSON"
                or actor.former
                or frames_past(actor.title)
                or not (actor.title or actor.affiliation)
            ):
                continue
            person = ledger_person(ledger, actor.name, full_names)
            if person is not None:
                name = f"{actor.title} {actor.name}" if actor.title else actor.name
                presented.append(Presented(person, name, actor.title, actor.affiliation, actor.span, actor.role_span))
        return presented

    def _check(self, ledger: Ledger, document: Document, claim: Claim, presented: Presented) -> Finding | None:
        published = document.published
        assert published is not None
        interval = reference_interval(claim, published)
        if interval is None:
            return None
        low, high = interval
        roles, how = matching_roles(ledger, presented.person, presented.title, presented.affiliation)
        if not roles:
            return None
        statuses = [(role, role.status(low), role.status(high)) for role in roles]
        if any("current" in (at_low, at_high) or at_low != at_high for _, at_low, at_high in statuses):
            return None
        # Without a "said" time the interval is the dateline's (reference_interval).
        said_at = claim.quote.said_at if claim.quote is not None else None
        # Every role is ended or not yet begun at both ends of the interval (the test above).
        ended = [(role, role.end) for role, status, _ in statuses if status == "ended" and role.end is not None]
        not_begun = [(role, role.start) for role, status, _ in statuses if status == "not-begun" and role.start]
        if ended:
            role, end = max(ended, key=lambda pair: pair[1].latest())  # the most recent: the one a reader would mean
            relation = (
                f"ended {end}, {gap_text(end.latest(), low)} before the dateline {published}"
                if said_at is None or (low, high) == (published, published)
                else f"ended {end}, before the quote's time ({said_at.span.text})"
            )
        elif not_begun:
            role, start = min(not_begun, key=lambda pair: pair[1].earliest())
            relation = (
                f"began only {start}, {gap_text(high, start.earliest())} after the dateline {published}"
                if said_at is None or (low, high) == (published, published)
                else f"began only {start}, after the quote's time ({said_at.span.text})"
            )
        else:
            return None
        organisation = context_organisation(ledger, document, claim, role)
        shown = presented.title or presented.affiliation or "current official"
        as_what = f"a current {organisation} {shown}" if organisation and how != "affiliation" else f"a current {shown}"
        verb = "quoted" if claim.quote is not None else "presented"
        rank = f", rank {role.rank}" if role.rank else ""
        source = role.source or presented.person.source
        message = (
            f"{presented.name} is {verb} as {as_what}, but the ledger says {_pronoun(presented)} role as "
            f"{role.label()}{rank} ({role.span_text()}) {relation} [source: {source}]"
        )
        evidence = [claim.quote.span] if claim.quote is not None else [claim.span]
        evidence += [
            span for span in (presented.name_span, presented.role_span) if span is not None and span not in evidence
        ]
        severity = Severity.ERROR if how == "title" else Severity.WARNING
        return self.finding(
            message,
            evidence,
            severity=severity,
            key=f"{presented.person.name}|{role.title}",
            suggestion=f'say when it was said or that the role is past ("former {role.title}"), or quote the current holder',
            data={
                "person": presented.person.name,
                "role": role.title,
                "organisation": role.organisation,
                "start": str(role.start) if role.start else None,
                "end": str(role.end) if role.end else None,
                "dateline": published.isoformat(),
                "matched_by": how,
                "ledger": role.origin or presented.person.origin,
            },
        )


def _words_before(claim: Claim, span: Span | None, count: int = 3) -> str:
    """The few words right before the speaker's name ("said retired General"), for past framing."""
    if span is None or not claim.span.start <= span.start <= claim.span.end:
        return ""
    before = claim.span.text[: span.start - claim.span.start]
    return " ".join(before.split()[-count:])


def _pronoun(presented: Presented) -> str:
    # The ledger records no gender; "their" is always right.
    return "their"


def _actor_for(claim: Claim, person: Person, ledger: Ledger, full_names: list[str]) -> Actor | None:
    for actor in claim.actors:
        if actor.label == "PERSON" and ledger_person(ledger, actor.name, full_names) == person:
            return actor
    return None
