"""The ledger's file schema: frozen pydantic records for people and roles, organisations, events and figures."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PrivateAttr,
    StringConstraints,
    model_validator,
)

from factcheck.ledger.dates import PartialDate, _date_or_open

SCHEMA_VERSION = 1
SECTIONS = ("people", "organisations", "events", "figures")


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# In JSON (the parse cache) a date is its ledger text ("2022-11"), which PartialDate.parse reads back.
DateField = Annotated[PartialDate, BeforeValidator(PartialDate.parse), PlainSerializer(str, when_used="json")]
OpenDate = Annotated[
    PartialDate | None, BeforeValidator(_date_or_open), PlainSerializer(str, when_used="json-unless-none")
]
Number = Annotated[float, BeforeValidator(_number)]


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
        """ "2019-12-20 – 2022-11-02", "from 2022-11-02", "until 2020"."""
        if self.start and self.end:
            return f"{self.start} – {self.end}"
        if self.start:
            return f"from {self.start}"
        if self.end:
            return f"until {self.end}"
        return "dates not recorded"

    def label(self) -> str:
        """ "Chief of Space Operations (U.S. Space Force)"."""
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
