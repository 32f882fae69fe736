"""The merged ledger and its lookups (alias- and name-form aware), and matching a text's title to a role."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from factcheck.ledger.dates import PartialDate
from factcheck.ledger.schema import Figure, LedgerEvent, Organisation, Person, Role
from factcheck.model import normalise_text
from factcheck.nlp.names import PersonName, name_key, normalise_title, resolve_mention, same_person

_ARTICLES = frozenset({"the", "a", "an"})
# Words that make a different, lesser role of the title they precede ("Vice Chief" is not "Chief").
_TITLE_MODIFIERS = frozenset({"vice", "deputy", "assistant", "associate", "under", "sub", "lieutenant", "co", "former"})


def _title_tokens(title: str | None) -> list[str]:
    return [word for word in normalise_text(normalise_title(title)).split() if word not in _ARTICLES]


def _inside(short: list[str], long: list[str]) -> bool:
    """``short`` occurs as a run of words in ``long``, not right after a modifier ("vice", "deputy")."""
    size = len(short)
    for index in range(len(long) - size + 1):
        if long[index : index + size] == short and not (index and long[index - 1] in _TITLE_MODIFIERS):
            return True
    return False


def title_match(text_title: str | None, role: Role) -> Literal["title", "rank"] | None:
    """How a title the text gives names a ledger role: by the role's title, by its rank, or not.

    The role's title (or an alias) matches when it occurs as a run of words in the text's
    title ("Chief of Space Operations of the U.S. Space Force"); a text title of two or more
    words that occurs in the role's title matches too ("program executive officer"). Neither
    may follow a modifier: "Vice Chief of X" is not "Chief of X". A rank matches only exactly
    ("General" is not "Lieutenant General").
    """
    words = _title_tokens(text_title)
    if not words:
        return None
    for form in (role.title, *role.aliases):
        role_words = _title_tokens(form)
        if role_words and (_inside(role_words, words) or (len(words) >= 2 and _inside(words, role_words))):
            return "title"
    if role.rank and normalise_title(text_title) == normalise_title(role.rank):
        return "rank"
    return None


@dataclass(frozen=True)
class Ledger:
    """The merged ledger. Lookups are alias- and name-form aware (factcheck.nlp.names)."""

    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    events: tuple[LedgerEvent, ...] = ()
    figures: tuple[Figure, ...] = ()
    paths: tuple[str, ...] = ()
    _person_cache: dict[tuple[str, bool], Person | None] = field(default_factory=dict, repr=False, compare=False)

    @property
    def person_aliases(self) -> dict[str, str]:
        """Alias form -> canonical name, in the shape names.same_person takes."""
        return {alias: person.name for person in self.people for alias in person.aliases}

    def person(self, name: str, *, surname: bool = True) -> Person | None:
        """The ledger person ``name`` names ("Gen. John W. Raymond", "Jay Raymond"), or None.

        A bare surname resolves only when exactly one ledger person has it and ``surname`` is
        true (checks pass False and resolve surnames within their document first).
        """
        cache_key = (name, surname)
        if cache_key in self._person_cache:
            return self._person_cache[cache_key]
        found = self._find_person(name, surname)
        self._person_cache[cache_key] = found
        return found

    def _find_person(self, name: str, surname: bool) -> Person | None:
        key = name_key(name)
        if not key:
            return None
        aliases = self.person_aliases
        for person in self.people:
            if key in {name_key(form) for form in (person.name, *person.aliases)}:
                return person
        parsed = PersonName.parse(name)
        if parsed is None:
            return None
        if not parsed.is_single:
            for person in self.people:
                if any(same_person(name, form, aliases) for form in (person.name, *person.aliases)):
                    return person
            return None
        if not surname:
            return None
        resolved = resolve_mention(name, [p.name for p in self.people], aliases)
        return next((p for p in self.people if p.name == resolved), None) if resolved else None

    def roles_at(self, person: Person | str, when: date | PartialDate) -> list[Role]:
        """The roles ``person`` held on ``when`` (a partial date: at any time within it)."""
        found = self.person(person) if isinstance(person, str) else person
        if found is None:
            return []
        if isinstance(when, PartialDate):
            low, high = when.interval()
            return [
                role
                for role in found.roles
                if not (role.start and high < role.start.earliest()) and not (role.end and low > role.end.latest())
            ]
        return [role for role in found.roles if role.status(when) == "current"]

    def holders(self, title: str, when: date, organisation: str | None = None) -> list[tuple[Person, Role]]:
        """Who held a role with this title (by title, not rank) on ``when``."""
        held = []
        for person in self.people:
            for role in person.roles:
                if title_match(title, role) == "title" and role.status(when) == "current":
                    if (
                        organisation is None
                        or role.organisation is None
                        or self.same_organisation(organisation, role.organisation)
                    ):
                        held.append((person, role))
        return held

    def organisation(self, name: str) -> Organisation | None:
        folded = normalise_text(name)
        if not folded:
            return None
        for organisation in self.organisations:
            if folded in {normalise_text(form) for form in (organisation.name, *organisation.aliases)}:
                return organisation
        return None

    def same_organisation(self, a: str, b: str) -> bool:
        """Whether two names name one organisation (ledger aliases; else folded equality or containment)."""
        left, right = self.organisation(a), self.organisation(b)
        if left is not None and right is not None:
            return left.name == right.name
        forms_a = {normalise_text(a)} | ({normalise_text(f) for f in (left.name, *left.aliases)} if left else set())
        forms_b = {normalise_text(b)} | ({normalise_text(f) for f in (right.name, *right.aliases)} if right else set())
        return any(x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} " for x in forms_a for y in forms_b if x and y)

    def describe(self, name: str) -> str:
        """Everything the ledger holds about a name, as plain text ("" when nothing)."""
        lines: list[str] = []
        person = self.person(name)
        if person is not None:
            lines.append(f"{person.name} (person){_aliases_text(person.aliases)}")
            lines.append(f"  source: {person.source}")
            if person.origin:
                lines.append(f"  at: {person.origin}")
            for role in sorted(person.roles, key=_role_order):
                rank = f", rank {role.rank}" if role.rank else ""
                lines.append(f"  - {role.label()}{rank}: {role.span_text()}")
                if role.source:
                    lines.append(f"      source: {role.source}")
        organisation = self.organisation(name)
        if organisation is not None:
            lines.append(f"{organisation.name} (organisation){_aliases_text(organisation.aliases)}")
            lines.append(f"  source: {organisation.source}")
        forms = {normalise_text(name)}
        for known in (person, organisation):
            if known is not None:
                forms |= {normalise_text(form) for form in (known.name, *known.aliases)}
        events = [
            event
            for event in self.events
            if forms
            & {
                normalise_text(form)
                for form in (
                    event.actor or "",
                    event.object or "",
                    *event.actor_aliases,
                    *event.object_aliases,
                    *event.aliases,
                )
            }
        ]
        if events:
            lines.append("events:")
            for event in sorted(events, key=lambda e: (e.date.earliest(), e.label())):
                lines.append(f"  - {event.date}: {event.label()}" + (f" — {event.what}" if event.what else ""))
                lines.append(f"      source: {event.source}")
        figures = [
            figure
            for figure in self.figures
            if any(form and f" {form} " in f" {normalise_text(figure.measure)} " for form in forms)
        ]
        if figures:
            lines.append("figures:")
            for figure in sorted(figures, key=lambda f: (f.measure, f.as_of.earliest())):
                lines.append(f"  - {figure.measure}: {figure.interval_text()} as of {figure.as_of}")
                lines.append(f"      source: {figure.source}")
        return "\n".join(lines)


def _aliases_text(aliases: Sequence[str]) -> str:
    return f"; also: {', '.join(aliases)}" if aliases else ""


def _role_order(role: Role) -> tuple[date, str]:
    return (role.start.earliest() if role.start else date.min, role.title)
