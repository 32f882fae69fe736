"""Merging parsed files into one ledger: a person in two files gets both's roles; contradictions are errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from factcheck.errors import LedgerError
from factcheck.ledger.dates import PartialDate
from factcheck.ledger.query import Ledger
from factcheck.ledger.schema import LedgerFile, Organisation, Person, Role
from factcheck.model import normalise_text
from factcheck.nlp.names import name_key


def _role_key(role: Role) -> tuple[str, str]:
    return normalise_text(role.title), normalise_text(role.organisation or "")


def _merge_people(entries: Iterable[Person], errors: list[LedgerError]) -> list[Person]:
    merged: dict[str, Person] = {}
    for person in entries:
        key = name_key(person.name) or normalise_text(person.name)
        existing = merged.get(key)
        if existing is None:
            merged[key] = person
            continue
        roles = list(existing.roles)
        for role in person.roles:
            index = next(
                (
                    i
                    for i, other in enumerate(roles)
                    if _role_key(other) == _role_key(role) and _agree(other.start, role.start)
                ),
                None,
            )
            if index is None:
                roles.append(role)
                continue
            other = roles[index]
            if not _agree(other.end, role.end):
                errors.append(
                    _conflict(
                        f"{person.name}: role {role.title!r} is {role.span_text()} here but {other.span_text()} at {other.origin}",
                        role.origin or person.origin,
                    )
                )
                continue
            # The same role recorded twice: keep the more precise dates.
            precise = other.model_copy(
                update={"start": _finer(other.start, role.start), "end": _finer(other.end, role.end)}
            )
            precise._origin = other.origin
            roles[index] = precise
        aliases = tuple(dict.fromkeys((*existing.aliases, *person.aliases)))
        combined = existing.model_copy(update={"roles": tuple(roles), "aliases": aliases})
        combined._origin = existing.origin
        merged[key] = combined
    return list(merged.values())


def _agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Two recorded boundaries agree when either is unrecorded or their intervals overlap."""
    return a is None or b is None or a.agrees(b)


def _finer(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    if a is None or b is None:
        return a or b
    rank = {"year": 0, "month": 1, "day": 2}
    return b if rank[b.granularity] > rank[a.granularity] else a


def _merge_keyed(entries: Iterable[Any], key, same, describe, errors: list[LedgerError]) -> list[Any]:
    merged: dict[Any, Any] = {}
    for entry in entries:
        existing = merged.get(key(entry))
        if existing is None:
            merged[key(entry)] = entry
        elif not same(existing, entry):
            errors.append(
                _conflict(f"{describe(entry)} contradicts {describe(existing)} at {existing.origin}", entry.origin)
            )
    return list(merged.values())


def _conflict(message: str, origin: str) -> LedgerError:
    path, _, line = origin.rpartition(":")
    if not path or not line.isdigit():
        return LedgerError(f"conflicting duplicate: {message}", path=origin or None)
    return LedgerError(f"conflicting duplicate: {message}", path=path, line=int(line))


def merge(files: Iterable[LedgerFile], paths: Sequence[str] = ()) -> tuple[Ledger, list[LedgerError]]:
    """One ledger from several files; contradicting duplicates are returned as errors."""
    files = list(files)
    errors: list[LedgerError] = []
    people = _merge_people((p for f in files for p in f.people), errors)
    organisations: dict[str, Organisation] = {}
    for organisation in (o for f in files for o in f.organisations):
        key = normalise_text(organisation.name)
        if key in organisations:
            existing = organisations[key]
            combined = existing.model_copy(
                update={"aliases": tuple(dict.fromkeys((*existing.aliases, *organisation.aliases)))}
            )
            combined._origin = existing.origin
            organisations[key] = combined
        else:
            organisations[key] = organisation
    events = _merge_keyed(
        (e for f in files for e in f.events),
        key=lambda e: (normalise_text(e.actor or ""), normalise_text(e.action), normalise_text(e.object or "")),
        same=lambda a, b: a.date.agrees(b.date),
        describe=lambda e: f"event {e.label()!r} on {e.date}",
        errors=errors,
    )
    figures = _merge_keyed(
        (fig for f in files for fig in f.figures),
        key=lambda fig: (normalise_text(fig.measure), fig.unit, str(fig.as_of)),
        same=lambda a, b: a.interval() == b.interval(),
        describe=lambda fig: f"figure {fig.measure!r} = {fig.interval_text()} as of {fig.as_of}",
        errors=errors,
    )
    ledger = Ledger(
        people=tuple(people),
        organisations=tuple(organisations.values()),
        events=tuple(events),
        figures=tuple(figures),
        paths=tuple(paths),
    )
    return ledger, errors
