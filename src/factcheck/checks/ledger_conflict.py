"""FC011 ledger-conflict: a claim that contradicts a fact in the reference ledger."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import date

from factcheck.checks.base import Check, CheckContext
from factcheck.checks.quote_timing import known_full_names, ledger_person, title_forms
from factcheck.ledger import Figure, Ledger, LedgerEvent, time_interval, title_match
from factcheck.model import Claim, Corpus, DocumentHeader, Finding, Quantity, Severity, TimeExpression, normalise_text
from factcheck.plainwords import quoted, time_words

# A date and an event mention further apart than this (characters) are not read as belonging together.
_NEAR = 120
# Relative tolerance for "about"/"approximately" figures.
_APPROX = 0.1


# Endings an action word may take in running text ("launch" -> "launched", "test" -> "testing").
_INFLECTIONS = "(?:e|es|s|d|ed|ted|ing|ting|ment|ments|ion|ions|ation|ations)?"
# A parenthetical citation ("(Smith, 2019)", "(JIJI, 2019a)"): its year dates the source, not the event.
_CITATION = re.compile(r"\([^()]{0,80}?,\s*(?:19|20)\d\d[a-z]?\)")


def _find(text: str, phrase: str, *, inflected: bool = False) -> int | None:
    """Offset of ``phrase`` as whole words in folded ``text`` (both folded alike), or None.

    ``inflected`` lets the last word take a verb or noun ending ("test" finds "testing", but
    "found" does not find "foundational").
    """
    pattern = _phrase_pattern(phrase, inflected)
    if pattern is None:
        return None
    match = pattern.search(text)
    return match.start() if match else None


@functools.lru_cache(maxsize=8192)
def _phrase_pattern(phrase: str, inflected: bool) -> re.Pattern[str] | None:
    """The compiled pattern for a ledger phrase: built once per run, not once per claim."""
    folded = normalise_text(phrase)
    if not folded:
        return None
    if inflected:
        stem = folded[:-1] if folded.endswith("e") else folded
        return re.compile(rf"(?<!\w){re.escape(stem)}{_INFLECTIONS}(?!\w)")
    return re.compile(rf"(?<!\w){re.escape(folded)}(?:s)?(?!\w)")


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """normalise_text-style folding that remembers each folded char's offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        folded = char.casefold()
        if all(c.isalnum() or c == "_" for c in folded) and folded:
            if pending_space and out:
                out.append(" ")
                where.append(index)
            pending_space = False
            for c in folded:
                out.append(c)
                where.append(index)
        else:
            pending_space = True
    return "".join(out), where


class LedgerConflictCheck(Check):
    """A claim contradicts the reference ledger: an event dated otherwise, a figure outside its range, a role never held.

    **What it checks.** Every claim against the facts in claims/*.yaml:

    * *events* — a sentence that names a ledger event (its name, or its object with its action,
      and its actor when the ledger gives one) next to a date that agrees with none of the
      ledger's dates for it. Dates compare at their real precision: "2020" agrees with
      "2020-05-18"; "February 2, 2024" does not with 2025-02-02. A date that belongs to
      another ledger event named in the same sentence is not read as a conflict.
    * *figures* — a quantity with the figure's unit and measure, in a sentence with the
      figure's context words and a time that agrees with its as-of date (any later time
      for ``timeless`` figures), outside the ledger's value or interval.
    * *roles* — a person the ledger knows given a title (a role, not a rank) that the ledger
      says someone else held at that time and never records for them; or a role they held,
      but not at the explicit date the claim gives.

    **Why it matters.** Newsrooms keep verified facts so that recurring names, dates and
    numbers are checked the same way every time; a contradiction is either a mistake in the
    text or an outdated ledger entry, and both need a person's eye.

    **Example.** Ledger: "QZS-6 launched 2025-02-02 (JAXA)". Text: "On February 2, 2024,
    QZS-6 lifted off from Tanegashima." -> error, quoting both with the ledger's source.

    **Suppress** with ``--ignore ledger-conflict``, a resolution, or by fixing the ledger.
    """

    code = "FC011"
    slug = "ledger-conflict"
    severity = Severity.ERROR

    def run(self, corpus: Corpus, context: CheckContext) -> Iterable[Finding]:
        ledger: Ledger | None = context.ledger
        if ledger is None:
            return []
        # Each claim meets each ledger entry once: linear in claims, never claims x claims.
        self.candidate_pairs = len(corpus.claims) * (len(ledger.events) + len(ledger.figures) + len(ledger.people))
        findings: list[Finding] = []
        for document in corpus.documents:
            full_names = known_full_names(corpus, document.id) if ledger.people else []
            for claim in corpus.claims_of(document.id):
                findings.extend(self._events(ledger, claim))
                findings.extend(self._figures(ledger, document, claim))
                findings.extend(self._roles(ledger, document, claim, full_names))
        return findings

    # -- events --------------------------------------------------------------------------------

    def _event_position(self, event: LedgerEvent, folded: str) -> int | None:
        """Where the claim names the event (folded offset), or None when it does not."""
        for alias in event.aliases:
            found = _find(folded, alias)
            if found is not None:
                return found
        objects = [event.object, *event.object_aliases] if event.object else list(event.object_aliases)
        object_at = next((at for at in (_find(folded, form) for form in objects if form) if at is not None), None)
        if object_at is None:
            return None
        if not any(_find(folded, form, inflected=True) is not None for form in (event.action, *event.actions)):
            return None
        if event.actor and not any(_find(folded, form) is not None for form in (event.actor, *event.actor_aliases)):
            return None
        return object_at

    def _events(self, ledger: Ledger, claim: Claim) -> list[Finding]:
        if not ledger.events or any(time.value == "FUTURE_REF" for time in claim.times):
            return []  # a claim about the future does not date a past event
        citations = [(m.start(), m.end()) for m in _CITATION.finditer(claim.span.text)]
        times = [
            (time, interval)
            for time in claim.times
            if time.granularity != "decade"
            and not any(lo <= time.span.start - claim.span.start < hi for lo, hi in citations)
            and (interval := time_interval(time.value)) is not None
        ]
        if not times:
            return []
        folded, where = _fold_with_map(claim.text)
        named = [(event, at) for event in ledger.events if (at := self._event_position(event, folded)) is not None]
        if not named:
            return []
        findings = []
        for event, at in named:
            if any(event.date.agrees(interval) for _, interval in times):
                continue
            mention = claim.span.start + where[at] if where else claim.span.start
            nearest, interval = min(times, key=lambda item: abs(item[0].span.start - mention))
            if abs(nearest.span.start - mention) > _NEAR and len(times) > 1:
                continue
            # A date that belongs to another ledger event named here is that event's date.
            if any(other is not event and other.date.agrees(interval) for other, _ in named):
                continue
            what = f" ({event.what})" if event.what else ""
            message = (
                f"{quoted(claim.text, 120)} dates {event.label()} to {time_words(nearest)}, "
                f"but the ledger has {event.date}{what} [source: {event.source}]"
            )
            findings.append(
                self.finding(
                    message,
                    [nearest.span, claim.span],
                    key=f"event|{event.label()}",
                    suggestion=f"check the date against the source; the ledger says {event.date}",
                    data={
                        "kind": "event",
                        "event": event.label(),
                        "ledger_date": str(event.date),
                        "claimed": nearest.value,
                        "ledger": event.origin,
                    },
                )
            )
        return findings

    # -- figures -------------------------------------------------------------------------------

    def _figures(self, ledger: Ledger, document: DocumentHeader, claim: Claim) -> list[Finding]:
        if not claim.quantities or not ledger.figures:
            return []
        folded = normalise_text(claim.text)
        findings = []
        for figure in ledger.figures:
            if not all(_find(folded, word) is not None for word in figure.context):
                continue
            for quantity in claim.quantities:
                if not self._same_measure(figure, quantity) or not self._same_time(figure, quantity, claim, document):
                    continue
                if _overlaps(_quantity_interval(quantity), figure.interval()):
                    continue
                message = (
                    f"{quoted(claim.text, 120)} gives {quantity.span.text} for {figure.measure}, but the ledger has "
                    f"{figure.interval_text()} as of {figure.as_of} [source: {figure.source}]"
                )
                findings.append(
                    self.finding(
                        message,
                        [quantity.span, claim.span],
                        key=f"figure|{figure.measure}",
                        suggestion=f"check the figure; the ledger says {figure.interval_text()}",
                        data={
                            "kind": "figure",
                            "measure": figure.measure,
                            "ledger": figure.origin,
                            "ledger_value": figure.interval_text(),
                            "claimed": quantity.span.text,
                        },
                    )
                )
        return findings

    def _same_measure(self, figure: Figure, quantity: Quantity) -> bool:
        if normalise_text(quantity.unit) != normalise_text(figure.unit):
            return False
        if not quantity.measure:
            return True  # the context words already tie the sentence to the figure
        measure = normalise_text(quantity.measure)
        forms = [figure.measure, *figure.aliases]
        return any(
            _find(normalise_text(form), measure) is not None or _find(measure, form) is not None for form in forms
        )

    def _same_time(self, figure: Figure, quantity: Quantity, claim: Claim, document: DocumentHeader) -> bool:
        times: list[TimeExpression] = [quantity.as_of] if quantity.as_of else list(claim.times)
        intervals = [interval for time in times if (interval := time_interval(time.value)) is not None]
        if not intervals and document.published is not None:
            intervals = [(document.published, document.published)]
        if figure.timeless:
            return any(high >= figure.as_of.earliest() for _, high in intervals)
        return any(figure.as_of.agrees(interval) for interval in intervals)

    # -- roles ---------------------------------------------------------------------------------

    def _roles(self, ledger: Ledger, document: DocumentHeader, claim: Claim, full_names: list[str]) -> list[Finding]:
        if not ledger.people:
            return []
        findings = []
        absolute = [interval for time in claim.times if not time.relative and (interval := time_interval(time.value))]
        for actor in claim.actors:
            if actor.label != "PERSON" or actor.former or not actor.title:
                continue
            person = ledger_person(ledger, actor.name, full_names)
            if person is None:
                continue
            forms = title_forms(actor.title, actor.affiliation)
            by_title = next(
                (
                    [role for role in person.roles if title_match(form, role) == "title"]
                    for form in forms
                    if any(title_match(form, role) == "title" for role in person.roles)
                ),
                [],
            )
            evidence = [actor.span] + ([actor.role_span] if actor.role_span and actor.role_span != actor.span else [])
            if not evidence[0].text:
                evidence = [claim.span]
            if by_title:
                # Held, but not at the one explicit date the claim gives (timing at the dateline is quote-timing's).
                if len(absolute) != 1:
                    continue
                low, high = absolute[0]
                if any(
                    role.status(low) == "current"
                    or role.status(high) == "current"
                    or role.status(low) != role.status(high)
                    for role in by_title
                ):
                    continue
                role = by_title[0]
                message = (
                    f"{quoted(claim.text, 120)} gives {actor.name} the title {actor.title} at {low.year if low.year == high.year else low}, "
                    f"but the ledger has them as {role.label()} only {role.span_text()} [source: {role.source or person.source}]"
                )
                findings.append(
                    self.finding(
                        message,
                        [*evidence, claim.span],
                        key=f"role-date|{person.name}|{role.title}",
                        data={"kind": "role-date", "person": person.name, "role": role.title, "ledger": role.origin},
                    )
                )
                continue
            when = _reference_date(absolute, document)
            if when is None:
                continue
            holders = []
            for form in forms:
                words = set(normalise_text(form).split()) - {"the", "of"}
                if len(words) < 2:
                    continue  # a one-word title ("Director") names too many roles to say whose it was
                holders = [(other, role) for other, role in ledger.holders(form, when) if other != person]
                if holders:
                    break
            if not holders:
                continue
            other, role = holders[0]
            message = (
                f"{quoted(claim.text, 120)} gives {actor.name} the title {actor.title}, a role the ledger never "
                f"records for {person.name}; on {when} {role.label()} was {other.name} ({role.span_text()}) "
                f"[source: {role.source or other.source}]"
            )
            findings.append(
                self.finding(
                    message,
                    [*evidence, claim.span],
                    key=f"role-never|{person.name}|{role.title}",
                    data={
                        "kind": "role-never-held",
                        "person": person.name,
                        "role": role.title,
                        "holder": other.name,
                        "ledger": role.origin,
                    },
                )
            )
        return findings


def _reference_date(absolute: list[tuple[date, date]], document: DocumentHeader) -> date | None:
    if len(absolute) == 1 and absolute[0][0] == absolute[0][1]:
        return absolute[0][0]
    return document.published


def _quantity_interval(quantity: Quantity) -> tuple[float | None, float | None]:
    if quantity.low is not None or quantity.high is not None:
        return quantity.low, quantity.high
    value = quantity.value
    return {
        "eq": (value, value),
        "gt": (value, None),
        "ge": (value, None),
        "lt": (None, value),
        "le": (None, value),
        "approx": (value * (1 - _APPROX), value * (1 + _APPROX)),
    }[quantity.comparator]


def _overlaps(a: tuple[float | None, float | None], b: tuple[float | None, float | None]) -> bool:
    a_low, a_high = a
    b_low, b_high = b
    if a_high is not None and b_low is not None and a_high < b_low:
        return False
    if b_high is not None and a_low is not None and b_high < a_low:
        return False
    return True
