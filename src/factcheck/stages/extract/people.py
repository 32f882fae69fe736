"""Per-document memory of the persons named so far, for resolving "Roe said" and "she said"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.nlp.roles import Role


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
    subjects: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name) as a main-clause subject
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name) of quoted speakers

    def add(self, name: str, role: Role | None, unit: int, subject: bool = False) -> None:
        person = self.known.setdefault(name, _Person(name))
        if role is not None and not role.empty:
            person.title = role.title or person.title
            person.affiliation = role.affiliation or person.affiliation
            person.former = role.former
        self.recent.append((unit, name))
        if subject:
            self.subjects.append((unit, name))

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

    def spoke(self, name: str, unit: int) -> None:
        self.speakers.append((unit, name))
        self.subjects.append((unit, name))

    def resolve_pronoun(self, unit: int, window: int = 2, speaker_window: int = 4) -> str | None:
        """ "he said": the one person the last sentences had as their subject, else the last person quoted.

        Reporters keep "he said" for whoever spoke last, and a new speaker is named again; a
        person named only inside a clause ("He did not say what Ito was treated for") is
        not who "he" is.
        """
        names = {name for seen, name in self.subjects if unit - window <= seen <= unit}
        if len(names) == 1:
            return next(iter(names))
        if self.speakers and not names:
            seen, name = self.speakers[-1]
            if unit - speaker_window <= seen <= unit:
                return name
        return None

    def resolve_role(self, phrase: str) -> str | None:
        """ "the spokesman said": the one person the text has given a title with that head noun."""
        words = re.findall(r"[^\W\d_]+", phrase.casefold())
        if not words:
            return None
        head = words[-1]
        matches = {
            person.name
            for person in self.known.values()
            if person.title and re.findall(r"[^\W\d_]+", person.title.casefold())[-1:] == [head]
        }
        return next(iter(matches)) if len(matches) == 1 else None
