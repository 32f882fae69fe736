"""The reference ledger: verified facts (people and roles, organisations, events, figures) kept in claims/*.yaml.

The schema is documented in claims/README.md. Files are read with ruamel.yaml in round-trip
mode, so every problem names ``file:line``; they are validated into frozen pydantic records
and merged (a person listed in two files gets the roles of both; contradicting duplicates are
errors naming both places). The edit helper (``upsert_entry``, behind ``factcheck ledger add``)
keeps the user's comments, quotes and order and writes atomically; it writes nothing when the
file does not parse, the entry does not validate or the ledger would not load afterwards.
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    model_validator,
)

from factcheck.errors import LedgerError
from factcheck.model import Failure, normalise_text
from factcheck.nlp.names import PersonName, name_key, normalise_title, resolve_mention, same_person

SCHEMA_VERSION = 1
SECTIONS = ("people", "organisations", "events", "figures")
# The resolutions file lives in the same folder but is not part of the ledger.
RESOLUTIONS_FILE = "resolutions.yaml"
# The file `factcheck ledger add` writes when none is named.
DEFAULT_FILE = "ledger.yaml"
# Words that say an end date is open (the role is held, the figure still stands).
_OPEN_WORDS = frozenset({"open", "present", "now", "current", "ongoing"})
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# --------------------------------------------------------------------------- dates


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date at its real precision: a year, a month or a day ("2020", "2022-11", "2019-12-20")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: Any) -> "PartialDate":
        """From a YAML scalar: a date, a year number or a ``YYYY[-MM[-DD]]`` string."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
            return cls(value)
        if isinstance(value, str):
            match = _PARTIAL_DATE.match(value.strip())
            if match:
                year, month, day = (int(part) if part else None for part in match.groups())
                if month is not None and not 1 <= month <= 12:
                    raise ValueError(f"bad date {value!r}: month {month} is not 1-12")
                if day is not None:
                    try:
                        date(year, month, day)
                    except ValueError:
                        raise ValueError(f"bad date {value!r}: no such day") from None
                return cls(year, month, day)
        raise ValueError(f"bad date {value!r}: write YYYY, YYYY-MM or YYYY-MM-DD")

    @property
    def granularity(self) -> Literal["day", "month", "year"]:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def interval(self) -> tuple[date, date]:
        return self.earliest(), self.latest()

    def agrees(self, other: "PartialDate | tuple[date, date]") -> bool:
        """Granularity-aware agreement: "2020" agrees with "2020-05"; "2024-02" does not with "2025"."""
        low, high = other.interval() if isinstance(other, PartialDate) else other
        return self.earliest() <= high and low <= self.latest()

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def time_interval(value: str | None) -> tuple[date, date] | None:
    """The date interval a TIMEX3-style value covers, or None for references and unknowns.

    ``2020`` -> the year; ``2020-05``; ``2020-05-18``; ``2020-Q2``; ``2020-SU``; ``201X`` or
    ``2010s`` -> the decade.
    """
    if not value:
        return None
    value = value.strip()
    try:
        return PartialDate.parse(value).interval()
    except ValueError:
        pass
    match = re.match(r"^(\d{4})-Q([1-4])$", value)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        last = quarter * 3
        return date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1])
    match = re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value)
    if match:
        year, (first, last) = int(match.group(1)), _SEASONS[match.group(2)]
        end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
        return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    match = re.match(r"^(\d{3})(?:X|0s)$", value)
    if match:
        decade = int(match.group(1)) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    return None


def _date_or_open(value: Any) -> PartialDate | None:
    if value is None or (isinstance(value, str) and value.strip().casefold() in _OPEN_WORDS | {""}):
        return None
    return PartialDate.parse(value)


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# In JSON (the parse cache) a date is its ledger text ("2022-11"), which PartialDate.parse reads back.
DateField = Annotated[PartialDate, BeforeValidator(PartialDate.parse), PlainSerializer(str, when_used="json")]
OpenDate = Annotated[PartialDate | None, BeforeValidator(_date_or_open), PlainSerializer(str, when_used="json-unless-none")]
Number = Annotated[float, BeforeValidator(_number)]


# --------------------------------------------------------------------------- records


class LedgerRecord(BaseModel):
    """A ledger entry: frozen, unknown keys are errors; remembers the file:line it came from."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)
    _origin: str = PrivateAttr(default="")

    @property
    def origin(self) -> str:
        """``file:line`` of the entry, for messages ("" when built in code)."""
        return self._origin


class Role(LedgerRecord):
    """A position a person held: title at an organisation from ``start`` to ``end`` (either open)."""

    title: Text
    organisation: Text | None = None
    rank: Text | None = None  # the rank that goes with the role ("General"), so "Gen. X" matches it
    aliases: tuple[Text, ...] = ()  # other ways of writing the title ("CSO", "Space Force chief")
    start: OpenDate = None  # absent: the start is not recorded (never "not yet begun")
    end: OpenDate = None  # absent or "open": held as far as the ledger knows
    source: Text | None = None  # falls back to the person's source

    @model_validator(mode="after")
    def _start_before_end(self) -> "Role":
        if self.start and self.end and self.start.earliest() > self.end.latest():
            raise ValueError(f"role {self.title!r} ends ({self.end}) before it starts ({self.start})")
        return self

    def status(self, when: date) -> Literal["current", "ended", "not-begun"]:
        """Whether the role was held on ``when``; a partial boundary gives the benefit of the doubt."""
        if self.start and when < self.start.earliest():
            return "not-begun"
        if self.end and when > self.end.latest():
            return "ended"
        return "current"

    def span_text(self) -> str:
        """"2019-12-20 – 2022-11-02", "from 2022-11-02", "until 2020"."""
        if self.start and self.end:
            return f"{self.start} – {self.end}"
        if self.start:
            return f"from {self.start}"
        if self.end:
            return f"until {self.end}"
        return "dates not recorded"

    def label(self) -> str:
        """"Chief of Space Operations (U.S. Space Force)"."""
        return f"{self.title} ({self.organisation})" if self.organisation else self.title


class Person(LedgerRecord):
    name: Text
    aliases: tuple[Text, ...] = ()
    roles: tuple[Role, ...] = ()
    source: Text


class Organisation(LedgerRecord):
    name: Text
    aliases: tuple[Text, ...] = ()
    source: Text


class LedgerEvent(LedgerRecord):
    """Who did what, when: ``actor`` + ``action`` + ``object`` on ``date`` (at its real precision)."""

    actor: Text | None = None
    actor_aliases: tuple[Text, ...] = ()  # other names of the actor in running text ("Chinese")
    action: Text
    actions: tuple[Text, ...] = ()  # other words for the action ("lift-off" for "launch")
    object: Text | None = None
    object_aliases: tuple[Text, ...] = ()
    aliases: tuple[Text, ...] = ()  # names of the event itself ("Operation Burnt Frost")
    date: DateField
    what: Text | None = None  # a free-text description
    source: Text

    def label(self) -> str:
        return " ".join(part for part in (self.actor, self.action, self.object) if part)


class Figure(LedgerRecord):
    """A measured quantity: a value or an interval (``low``/``high``, either open) as of a date."""

    measure: Text  # what is counted, in words ("active satellites operated by the United States")
    aliases: tuple[Text, ...] = ()  # other head nouns a text may use for the measure
    context: tuple[Text, ...] = ()  # words a claim must contain to be about this figure
    unit: Text  # count | percent | fraction | money:USD | km | ...
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    as_of: DateField
    timeless: bool = False  # the value cannot change after as_of (founding members), so later claims compare too
    source: Text

    @model_validator(mode="after")
    def _value_or_interval(self) -> "Figure":
        if self.value is None and self.low is None and self.high is None:
            raise ValueError("a figure needs a value, or low and/or high")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either value or low/high, not both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        return self

    def interval(self) -> tuple[float | None, float | None]:
        """(low, high); None is an open end."""
        if self.value is not None:
            return self.value, self.value
        return self.low, self.high

    def interval_text(self) -> str:
        low, high = self.interval()
        if low == high:
            return f"{_fmt(low)} {self.unit}"
        if low is None:
            return f"at most {_fmt(high)} {self.unit}"
        if high is None:
            return f"at least {_fmt(low)} {self.unit}"
        return f"{_fmt(low)}–{_fmt(high)} {self.unit}"


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    return f"{number:g}" if abs(number) < 1e15 else str(number)


class LedgerFile(BaseModel):
    """One ledger file as written: a version and any of the four sections."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    version: Literal[1]
    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    events: tuple[LedgerEvent, ...] = ()
    figures: tuple[Figure, ...] = ()


# --------------------------------------------------------------------------- titles


_ARTICLES = frozenset({"the", "a", "an"})
# Words that make a different, lesser role of the title they precede ("Vice Chief" is not "Chief").
_TITLE_MODIFIERS = frozenset({"vice", "deputy", "assistant", "associate", "under", "sub", "lieutenant", "co", "former"})


def _title_tokens(title: str | None) -> list[str]:
    return [word for word in normalise_text(normalise_title(title)).split() if word not in _ARTICLES]


def _inside(short: list[str], long: list[str]) -> bool:
    """``short`` occurs as a run of words in ``long``, not right after a modifier ("vice", "deputy")."""
    size = len(short)
    for index in range(len(long) - size + 1):
        if long[index:index + size] == short and not (index and long[index - 1] in _TITLE_MODIFIERS):
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


# --------------------------------------------------------------------------- the ledger


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
            return [role for role in found.roles
                    if not (role.start and high < role.start.earliest()) and not (role.end and low > role.end.latest())]
        return [role for role in found.roles if role.status(when) == "current"]

    def holders(self, title: str, when: date, organisation: str | None = None) -> list[tuple[Person, Role]]:
        """Who held a role with this title (by title, not rank) on ``when``."""
        held = []
        for person in self.people:
            for role in person.roles:
                if title_match(title, role) == "title" and role.status(when) == "current":
                    if organisation is None or role.organisation is None or self.same_organisation(organisation, role.organisation):
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
        events = [event for event in self.events
                  if forms & {normalise_text(form) for form in (event.actor or "", event.object or "", *event.actor_aliases,
                                                                *event.object_aliases, *event.aliases)}]
        if events:
            lines.append("events:")
            for event in sorted(events, key=lambda e: (e.date.earliest(), e.label())):
                lines.append(f"  - {event.date}: {event.label()}" + (f" — {event.what}" if event.what else ""))
                lines.append(f"      source: {event.source}")
        figures = [figure for figure in self.figures
                   if any(form and f" {form} " in f" {normalise_text(figure.measure)} " for form in forms)]
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


# --------------------------------------------------------------------------- reading files


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap a user's long source notes
    return yaml


def _line_of(data: Any, loc: Sequence[Any]) -> int | None:
    """1-based line of the deepest node on ``loc`` that the YAML tree has."""
    node, line = data, (data.lc.line + 1 if hasattr(data, "lc") else None)
    for key in loc:
        try:
            if isinstance(node, Mapping):
                if key not in node:
                    break
                line = node.lc.key(key)[0] + 1
                node = node[key]
            elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
                line = node.lc.item(key)[0] + 1
                node = node[key]
            else:
                break
        except (AttributeError, KeyError, TypeError):
            break
    return line


def _validation_errors(error: ValidationError, data: Any, path: str) -> list[LedgerError]:
    problems = []
    for item in error.errors():
        loc = [part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
        where = ".".join(str(part) for part in loc)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
            where = ".".join(str(part) for part in loc[:-1])
        elif item["type"] == "missing":
            message = f"missing required key {loc[-1]!r}"
            where = ".".join(str(part) for part in loc[:-1])
        elif item["type"] == "literal_error" and loc == ["version"]:
            message = f"unsupported schema version {item.get('input')!r} (this factcheck reads version {SCHEMA_VERSION})"
        problems.append(LedgerError(f"{where}: {message}" if where else message, path=path, line=_line_of(data, loc)))
    return problems


def _origins(parsed: LedgerFile, data: Any, path: str) -> None:
    """Remember where each entry came from, for merge conflicts and `ledger show`."""
    for section in SECTIONS:
        for index, entry in enumerate(getattr(parsed, section)):
            entry._origin = f"{path}:{_line_of(data, [section, index])}"
            if isinstance(entry, Person):
                for role_index, role in enumerate(entry.roles):
                    role._origin = f"{path}:{_line_of(data, [section, index, 'roles', role_index])}"


def parse_text(text: str, path: str = "<ledger>") -> tuple[LedgerFile | None, list[LedgerError]]:
    """Parse and validate one file's text. Returns the file or the problems, each with its line."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data = _yaml().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = "; ".join(part for part in (error.context, error.problem) if part) or "invalid YAML"
        return None, [LedgerError(f"invalid YAML: {problem}", path=path, line=line)]
    except YAMLError as error:
        return None, [LedgerError(f"invalid YAML: {error}", path=path)]
    if data is None:
        return None, [LedgerError(f"empty file: expected 'version: {SCHEMA_VERSION}' and sections", path=path, line=1)]
    if not isinstance(data, Mapping):
        return None, [LedgerError("the top level must be a mapping with 'version' and sections", path=path, line=1)]
    try:
        parsed = LedgerFile.model_validate(data)
    except ValidationError as error:
        return None, _validation_errors(error, data, path)
    _origins(parsed, data, path)
    return parsed, []


def parse_file(path: Path | str) -> tuple[LedgerFile | None, list[LedgerError]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [LedgerError("ledger file not found", path=str(path))]
    except (OSError, UnicodeDecodeError) as error:
        return None, [LedgerError(f"cannot read ledger file: {error}", path=str(path))]
    return parse_text(text, str(path))


# --------------------------------------------------------------------------- merging


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
            index = next((i for i, other in enumerate(roles)
                          if _role_key(other) == _role_key(role) and _agree(other.start, role.start)), None)
            if index is None:
                roles.append(role)
                continue
            other = roles[index]
            if not _agree(other.end, role.end):
                errors.append(_conflict(
                    f"{person.name}: role {role.title!r} is {role.span_text()} here but {other.span_text()} at {other.origin}",
                    role.origin or person.origin))
                continue
            # The same role recorded twice: keep the more precise dates.
            precise = other.model_copy(update={"start": _finer(other.start, role.start), "end": _finer(other.end, role.end)})
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
            errors.append(_conflict(f"{describe(entry)} contradicts {describe(existing)} at {existing.origin}", entry.origin))
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
            combined = existing.model_copy(update={"aliases": tuple(dict.fromkeys((*existing.aliases, *organisation.aliases)))})
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
    ledger = Ledger(people=tuple(people), organisations=tuple(organisations.values()), events=tuple(events),
                    figures=tuple(figures), paths=tuple(paths))
    return ledger, errors


# --------------------------------------------------------------------------- public entry points


class LedgerErrors(LedgerError):
    """Several ledger problems at once; ``str()`` names the first, ``errors`` holds them all."""

    def __init__(self, errors: Sequence[LedgerError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more; run `factcheck ledger check`)" if len(errors) > 1 else ""
        super().__init__(first.message + more, path=first.path, line=first.line, column=first.column, hint=first.hint)
        self.errors = list(errors)


def ledger_paths(settings: Any) -> list[Path]:
    """The ledger files of a run: ``ledger_dir``/*.yaml (not resolutions.yaml) plus ``settings.ledger``."""
    found: list[Path] = []
    folder = getattr(settings, "ledger_dir", None)
    resolutions = getattr(settings, "resolutions", None)
    if folder is not None and Path(folder).is_dir():
        for path in sorted([*Path(folder).glob("*.yaml"), *Path(folder).glob("*.yml")]):
            if path.name == RESOLUTIONS_FILE or (resolutions is not None and _same_file(path, Path(resolutions))):
                continue
            found.append(path)
    found.extend(Path(path) for path in getattr(settings, "ledger", ()) or ())
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def edit_paths(settings: Any, path: Path | str | None = None) -> tuple[Path, list[Path]]:
    """The file an edit writes (``path``, else ``ledger_dir``/ledger.yaml) and, when that file is
    part of the run's ledger (or will be, once the folder's glob finds it), the run's other
    ledger files, which the edited file must still merge with."""
    folder = getattr(settings, "ledger_dir", None)
    if path is None:
        if folder is None:
            raise LedgerError("no ledger folder is configured", hint="name the file to edit with --ledger FILE")
        path = Path(folder) / DEFAULT_FILE
    target = Path(path)
    run_files = ledger_paths(settings)
    in_folder = (folder is not None and target.suffix in (".yaml", ".yml") and target.name != RESOLUTIONS_FILE
                 and _same_file(target.parent, Path(folder)))
    if not in_folder and not any(_same_file(target, other) for other in run_files):
        return target, []
    return target, [other for other in run_files if not _same_file(target, other)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _load(paths: Iterable[Path | str], cache: Any = None) -> tuple[Ledger, list[LedgerError]]:
    return _merged((str(path), *(_parse_file_cached(path, cache) if cache is not None else parse_file(path)))
                   for path in paths)


def _merged(parsed: Iterable[tuple[str, LedgerFile | None, list[LedgerError]]]) -> tuple[Ledger, list[LedgerError]]:
    """The ledger of parsed files (name, file or None, its problems) and every problem, conflicts last."""
    files, errors, names = [], [], []
    for name, parsed_file, problems in parsed:
        errors.extend(problems)
        names.append(name)
        if parsed_file is not None:
            files.append(parsed_file)
    ledger, conflicts = merge(files, names)
    return ledger, errors + conflicts


_CACHE_NAMESPACE = "ledger"


def _parse_file_cached(path: Path | str, cache: Any) -> tuple[LedgerFile | None, list[LedgerError]]:
    """parse_file, or its cached result for the same text, path and ledger code.

    ruamel's round-trip parser (kept for the line of every entry) takes about half a second on
    an 18 kB ledger: a warm run should not. Only clean parses are cached, as JSON records (never
    a pickle: the cache folder is not trusted to run code), and only when they read back equal;
    a file with problems is parsed again so every problem is reported afresh. An entry that
    does not read back is a miss.
    """
    import hashlib

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return parse_file(path)
    key = hashlib.sha256("\x1f".join([_ledger_fingerprint(), str(path), text]).encode("utf-8", "surrogatepass")).hexdigest()
    cached = cache.get_blob(_CACHE_NAMESPACE, key)
    if cached is not None:
        restored = file_from_json(cached)
        if restored is not None:
            return restored, []
    parsed, problems = parse_text(text, str(path))
    if parsed is not None and not problems:
        blob = file_to_json(parsed)
        if file_from_json(blob) == parsed:  # a NaN figure would not
            cache.put_blob(_CACHE_NAMESPACE, key, blob)
    return parsed, problems


def file_to_json(parsed: LedgerFile) -> str:
    """A parsed file as JSON: its records and the file:line each came from (for messages and `ledger show`)."""
    import json

    origins = {section: [[entry.origin, [role.origin for role in getattr(entry, "roles", ())]]
                         for entry in getattr(parsed, section)] for section in SECTIONS}
    return json.dumps({"file": parsed.model_dump(mode="json", exclude_unset=True), "origins": origins},
                      ensure_ascii=False)


def file_from_json(blob: str) -> LedgerFile | None:
    """The LedgerFile file_to_json wrote, or None when ``blob`` is not one (damaged, or from other code)."""
    import json

    try:
        data = json.loads(blob)
        parsed = LedgerFile.model_validate(data["file"])
        for section in SECTIONS:
            for entry, (origin, role_origins) in zip(getattr(parsed, section), data["origins"][section], strict=True):
                entry._origin = str(origin)
                for role, role_origin in zip(getattr(entry, "roles", ()), role_origins, strict=True):
                    role._origin = str(role_origin)
    except (ValueError, TypeError, KeyError, AttributeError):  # ValidationError and JSONDecodeError are ValueErrors
        return None
    return parsed


def _ledger_fingerprint() -> str:
    """This module, the models and name rules it builds on, and the library versions."""
    import hashlib
    from importlib import metadata

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in (Path(__file__).resolve(), package / "model.py", package / "nlp" / "names.py"):
        digest.update(source.read_bytes())
    for dependency in ("pydantic", "ruamel.yaml"):
        try:
            digest.update(f"{dependency}={metadata.version(dependency)}".encode())
        except metadata.PackageNotFoundError:
            pass
    return digest.hexdigest()


def validate_files(paths: Iterable[Path | str]) -> list[LedgerError]:
    """Every problem in these files (syntax, schema, contradicting duplicates), in file order."""
    return _load(paths)[1]


def load_ledger(paths: Iterable[Path | str]) -> Ledger:
    """The merged ledger; raises LedgerErrors (a LedgerError) naming the first problem and holding all."""
    ledger, errors = _load(paths)
    if errors:
        raise LedgerErrors(errors)
    return ledger


def load_for_run(settings: Any) -> tuple[Ledger | None, list[Failure]]:
    """The run's ledger, or None with one fatal Failure per problem (the checks run without it)."""
    from factcheck.cache import open_cache

    paths = ledger_paths(settings)
    if not paths:
        return None, []
    cache = open_cache(settings) if hasattr(settings, "use_cache") else None
    try:
        ledger, errors = _load(paths, cache)
    finally:
        if cache is not None:
            cache.close()
    if errors:
        return None, [Failure(stage="ledger", subject=error.path or "ledger", message=str(error), code=error.code, fatal=True)
                      for error in errors]
    return ledger, []


# --------------------------------------------------------------------------- editing


_IDENTITY = {
    "people": ("name",),
    "organisations": ("name",),
    "events": ("actor", "action", "object"),
    "figures": ("measure", "unit", "as_of"),
}
_RECORDS: dict[str, type[LedgerRecord]] = {
    "people": Person, "organisations": Organisation, "events": LedgerEvent, "figures": Figure,
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
    return next((item for item in items
                 if any(_identity(section, {"name": alias}) == wanted for alias in item.get("aliases") or ())), None)


def entry_label(section: str, entry: Mapping[str, Any]) -> str:
    """"person 'Maria T. Okafor'", "event 'Freedonia launch Beacon-3'", for messages."""
    name = " ".join(str(entry[key]) for key in _IDENTITY[section] if entry.get(key) not in (None, ""))
    return f"{_NOUNS[section]} {name!r}"


def upsert_entry(path: Path | str, section: str, entry: Mapping[str, Any], *,
                 alongside: Iterable[Path | str] = ()) -> Literal["added", "updated"]:
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
    untouched. The write is atomic.
    """
    from factcheck.fileio import write_atomic

    if section not in SECTIONS:
        raise LedgerError(f"unknown section {section!r}; expected one of {', '.join(SECTIONS)}", path=str(path))
    path = Path(path)
    yaml = _yaml()
    yaml.preserve_quotes = True  # a rewrite changes only the entry it edits
    if path.exists():
        text = path.read_text(encoding="utf-8")
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
    write_atomic(path, new_text)
    return outcome


def _check_entry(section: str, entry: Mapping[str, Any], path: Path) -> None:
    """Validate one entry as its record; the errors name the entry and the key, not a line of a file not yet written."""
    try:
        _RECORDS[section].model_validate(entry)
    except ValidationError as error:
        label = entry_label(section, entry)
        raise LedgerErrors([LedgerError(f"{label}: {problem.message}", path=str(path), hint=_NOT_WRITTEN)
                            for problem in _validation_errors(error, {}, str(path))]) from None


def _check_loads(path: Path, text: str, alongside: Iterable[Path | str]) -> list[LedgerError]:
    """Every problem the ledger would have with ``text`` as ``path``'s content (syntax, schema,
    conflicts), each saying it is the edit's outcome (its places may be in the unwritten text)."""
    parsed, problems = parse_text(text, str(path))
    if parsed is not None:
        others = [(str(other), *parse_file(other)) for other in alongside]
        problems = _merged([(str(path), parsed, problems), *others])[1]
    return [LedgerError(f"after the edit: {problem.message}", path=problem.path, line=problem.line, hint=_NOT_WRITTEN)
            for problem in problems]


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
        return (normalise_text(str(item.get("title", ""))), normalise_text(str(item.get("organisation") or ""))) == \
               (normalise_text(str(role.get("title", ""))), normalise_text(str(role.get("organisation") or "")))

    start = _date_or_none(role.get("start"))
    matches = [item for item in roles if same_post(item) and _agree(_date_or_none(item.get("start")), start)]
    if len(matches) > 1:
        starts = ", ".join(str(item.get("start", "not recorded")) for item in matches)
        raise LedgerError(f"{label}{len(matches)} roles {role.get('title')!r} match (starts: {starts})", path=str(path),
                          hint="nothing was written; give the start date of the one to update")
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
            parts.append("".join((" " * token.column if token.value.strip() else "") + token.value
                                 for token in node.ca.end))
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
