"""Per-document memory of the persons named so far, for resolving "Roe said" and "she said"."""

from __future__ import annotations

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
