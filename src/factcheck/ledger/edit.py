"""`factcheck ledger add`: insert or update one entry, keeping the user's comments, quotes and order."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    ValidationError,
)

from factcheck.errors import LedgerError
from factcheck.ledger.dates import PartialDate, _date_or_open
from factcheck.ledger.load import LedgerErrors, _merged
from factcheck.ledger.merge import _agree, _finer
from factcheck.ledger.parse import _validation_errors, _yaml, parse_file, parse_text
from factcheck.ledger.schema import SCHEMA_VERSION, SECTIONS, Figure, LedgerEvent, LedgerRecord, Organisation, Person
from factcheck.model import normalise_text
from factcheck.nlp.names import name_key

_IDENTITY = {
    "people": ("name",),
    "organisations": ("name",),
    "events": ("actor", "action", "object"),
    "figures": ("measure", "unit", "as_of"),
}
_RECORDS: dict[str, type[LedgerRecord]] = {
    "people": Person,
    "organisations": Organisation,
    "events": LedgerEvent,
    "figures": Figure,
}
_NOUNS = {"people": "person", "organisations": "organisation", "events": "event", "figures": "figure"}
_DATE_KEYS = frozenset({"date", "as_of", "start", "end"})
_NOT_WRITTEN = "nothing was written; the schema is in claims/README.md"


def _plain(value: Any, key: str | None = None) -> Any:
    """Values as the ledger's YAML writes them: dates at their precision (a year as a number, a day
    as a date, a month as text), date keys given as text likewise, tuples as lists, whole floats as
    integers. A date key that does not parse ("open", or a typo the validation will name) is kept."""
    if isinstance(value, str) and key in _DATE_KEYS:
        try:
            value = PartialDate.parse(value)
        except ValueError:
            return value
    if isinstance(value, PartialDate):
        if value.granularity == "day":
            return value.earliest()
        return value.year if value.granularity == "year" and value.year >= 1000 else str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {name: _plain(item, name) for name, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def _node(value: Any) -> Any:
    """A plain value as a ruamel node: mappings in block style, lists of names in flow style
    (``aliases: [USSF, Space Force]``, as the shipped ledger writes them)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, Mapping):
        return CommentedMap((name, _node(item)) for name, item in value.items())
    if isinstance(value, list):
        node = CommentedSeq(_node(item) for item in value)
        if not any(isinstance(item, (Mapping, list)) for item in value):
            node.fa.set_flow_style()
        return node
    return value


def _identity(section: str, entry: Mapping[str, Any]) -> tuple[str, ...]:
    parts = []
    for key in _IDENTITY[section]:
        value = entry.get(key)
        parts.append(name_key(str(value)) if section == "people" and value else normalise_text(str(value or "")))
    return tuple(parts)


def _find_entry(section: str, items: Sequence[Any], entry: Mapping[str, Any]) -> Any:
    """The item with ``entry``'s identity; for a person or organisation, else the one that has
    ``entry``'s name among its aliases ("Jay Raymond" names John W. Raymond)."""
    wanted = _identity(section, entry)
    found = next((item for item in items if _identity(section, item) == wanted), None)
    if found is not None or section not in ("people", "organisations"):
        return found
    return next(
        (
            item
            for item in items
            if any(_identity(section, {"name": alias}) == wanted for alias in item.get("aliases") or ())
        ),
        None,
    )


def entry_label(section: str, entry: Mapping[str, Any]) -> str:
    """ "person 'Maria T. Okafor'", "event 'Freedonia launch Beacon-3'", for messages."""
    name = " ".join(str(entry[key]) for key in _IDENTITY[section] if entry.get(key) not in (None, ""))
    return f"{_NOUNS[section]} {name!r}"


def upsert_entry(
    path: Path | str, section: str, entry: Mapping[str, Any], *, alongside: Iterable[Path | str] = ()
) -> Literal["added", "updated"]:
    """Add an entry to a ledger file, or update the one with the same identity, keeping comments and order.

    Identity: a person's or organisation's name (or one of its aliases); an event's
    actor+action+object; a figure's measure+unit+as_of. An update sets the keys given and
    extends lists (aliases, context); a person's ``roles`` merge: a given role updates the one
    with its title and organisation whose start agrees with its own (absent agrees with any;
    more than one such role is an error), else it is added. Dates may be PartialDates, dates
    or ``YYYY[-MM[-DD]]`` text.

    Nothing is written unless the entry validates on its own (errors name the entry and the
    key) and the file, merged with the ``alongside`` files (the rest of the run's ledger),
    loads without a problem. A file that does not parse raises LedgerError and is left
    untouched. The write is atomic, and the read-change-write runs under the file's edit lock.
    """
    from factcheck.fileio import edit_lock, read_text_capped, write_atomic

    if section not in SECTIONS:
        raise LedgerError(f"unknown section {section!r}; expected one of {', '.join(SECTIONS)}", path=str(path))
    path = Path(path)
    # Read, change and replace under one lock: two editors at once must not lose an entry.
    with edit_lock(path, LedgerError):
        yaml = _yaml()
        yaml.preserve_quotes = True  # a rewrite changes only the entry it edits
        if path.exists():
            text = read_text_capped(path, LedgerError, "ledger file")
            _, problems = parse_text(text, str(path))
            if problems:
                raise LedgerErrors(problems)
            data = yaml.load(text)
        else:
            data = _node({"version": SCHEMA_VERSION})
        entry = _plain(dict(entry))
        if section == "people" and any(not role.get("title") for role in entry.get("roles") or ()):
            raise LedgerError(f"{entry_label(section, entry)}: a role needs a title", path=str(path), hint=_NOT_WRITTEN)
        items = data.get(section)
        if items is None:
            items = data[section] = _node([])
        target = _find_entry(section, items, entry)
        outcome: Literal["added", "updated"]
        if target is None:
            _check_entry(section, entry, path)
            added = _node(entry)
            if items:
                _put_trailing_lines(added, _take_trailing_lines(items[-1]))
            items.append(added)
            outcome = "added"
        else:
            trailing = _take_trailing_lines(target)
            _update(target, entry, section, path)
            _put_trailing_lines(target, trailing)
            _check_entry(section, target, path)
            outcome = "updated"
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        new_text = buffer.getvalue()
        problems = _check_loads(path, new_text, alongside)
        if problems:
            raise LedgerErrors(problems)
        write_atomic(path, new_text, error=LedgerError)
        return outcome


def _check_entry(section: str, entry: Mapping[str, Any], path: Path) -> None:
    """Validate one entry as its record; the errors name the entry and the key, not a line of a file not yet written."""
    try:
        _RECORDS[section].model_validate(entry)
    except ValidationError as error:
        label = entry_label(section, entry)
        raise LedgerErrors(
            [
                LedgerError(f"{label}: {problem.message}", path=str(path), hint=_NOT_WRITTEN)
                for problem in _validation_errors(error, {}, str(path))
            ]
        ) from None


def _check_loads(path: Path, text: str, alongside: Iterable[Path | str]) -> list[LedgerError]:
    """Every problem the ledger would have with ``text`` as ``path``'s content (syntax, schema,
    conflicts), each saying it is the edit's outcome (its places may be in the unwritten text)."""
    parsed, problems = parse_text(text, str(path))
    if parsed is not None:
        others = [(str(other), *parse_file(other)) for other in alongside]
        problems = _merged([(str(path), parsed, problems), *others])[1]
    return [
        LedgerError(f"after the edit: {problem.message}", path=problem.path, line=problem.line, hint=_NOT_WRITTEN)
        for problem in problems
    ]


def _update(target: Any, entry: Mapping[str, Any], section: str, path: Path) -> None:
    """Set ``entry``'s keys on ``target`` (a ruamel node): lists are extended, a person's roles
    merged; the identity keys keep their recorded form ("Gen. Maria Okafor" does not rename
    "Maria T. Okafor")."""
    for key, value in entry.items():
        current = target.get(key)
        if key in _IDENTITY[section] and current is not None:
            continue
        if key == "roles" and isinstance(current, list):
            for role in value:
                _merge_role(current, role, f"{entry_label(section, target)}: ", path)
        elif isinstance(value, list) and isinstance(current, list):
            current.extend(_node(item) for item in value if item not in current)
        else:
            target[key] = _node(value)


def _date_or_none(value: Any) -> PartialDate | None:
    try:
        return _date_or_open(value)
    except ValueError:
        return None


def _merge_role(roles: list, role: Mapping[str, Any], label: str, path: Path) -> None:
    """Update the role ``role`` names (same title and organisation, agreeing start), or append it.

    A start or end that agrees with the recorded one keeps the finer of the two, as merging
    files does ("2018" does not overwrite "2018-03-01").
    """

    def same_post(item: Mapping[str, Any]) -> bool:
        return (normalise_text(str(item.get("title", ""))), normalise_text(str(item.get("organisation") or ""))) == (
            normalise_text(str(role.get("title", ""))),
            normalise_text(str(role.get("organisation") or "")),
        )

    start = _date_or_none(role.get("start"))
    matches = [item for item in roles if same_post(item) and _agree(_date_or_none(item.get("start")), start)]
    if len(matches) > 1:
        starts = ", ".join(str(item.get("start", "not recorded")) for item in matches)
        raise LedgerError(
            f"{label}{len(matches)} roles {role.get('title')!r} match (starts: {starts})",
            path=str(path),
            hint="nothing was written; give the start date of the one to update",
        )
    if not matches:
        roles.append(_node(role))
        return
    match = matches[0]
    for key, value in role.items():
        old, new = _date_or_none(match.get(key)), _date_or_none(value)
        if key in ("start", "end") and old and new and old.agrees(new):
            value = _plain(_finer(old, new))
        if isinstance(value, list) and isinstance(match.get(key), list):
            match[key].extend(_node(item) for item in value if item not in match[key])
        else:
            match[key] = _node(value)


def _take_trailing_lines(entry: Any) -> str:
    """Detach the blank and comment lines that follow ``entry`` (a blank line, the next section's
    heading), so that what an edit appends to or after it can go before them (``_put_trailing_lines``).

    ruamel keeps them on the deepest last node, either as the text after a key's value
    (which starts with that line's own end-of-line comment, if any; that stays) or as a
    collection's end tokens.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.tokens import CommentToken

    parts = []  # outermost first; the innermost is written first
    node = entry
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        if node.ca.end:
            parts.append(
                "".join((" " * token.column if token.value.strip() else "") + token.value for token in node.ca.end)
            )
            node.ca.end = []
        key, index = (next(reversed(node)), 2) if isinstance(node, CommentedMap) else (len(node) - 1, 0)
        slot = node.ca.items.get(key)
        if slot and len(slot) > index and slot[index] is not None:
            own_line, newline, after = slot[index].value.partition("\n")
            if after:
                parts.append(after)
                slot[index] = CommentToken(own_line + newline, slot[index].start_mark) if own_line.strip() else None
        node = node[key]
    return "".join(reversed(parts))


def _put_trailing_lines(entry: Any, trailing: str) -> None:
    """Attach ``trailing`` (from ``_take_trailing_lines``) after the last line of ``entry``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    node, key, index = entry, None, 2
    while isinstance(node, CommentedMap) and len(node):
        key, index = next(reversed(node)), 2
        last = node[key]
        if isinstance(last, CommentedSeq) and len(last) and not last.fa.flow_style():
            if isinstance(last[-1], CommentedMap):
                node = last[-1]
                continue
            node, key, index = last, len(last) - 1, 0  # a block list of names: after its last item
        break
    if not trailing or key is None:
        return
    slot = node.ca.items.setdefault(key, [None, None, None, None])
    own = slot[index]  # the line's own end-of-line comment, ending in its newline
    slot[index] = CommentToken((own.value if own else "\n") + trailing, own.start_mark if own else CommentMark(0))
