"""Per-document memory of the persons and subjects named so far, for resolving "Roe said", "she said", "it"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from factcheck.nlp.names import gender_in_text
from factcheck.nlp.roles import Role
from factcheck.nlp.titles import description_fits_post
from factcheck.words import words_in

_GENDER_OF_PRONOUN = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}


# How many units (clauses) back "he said" may reach for the one person named since: a few paragraphs of a report.
ONLY_ONE_REACH = 12


@dataclass
class _Person:
    name: str
    title: str | None = None
    affiliation: str | None = None
    former: bool = False


@dataclass
class _People:
    """Persons named so far in a document, for resolving "Roe said" and "she said", and each sentence's main
    subject, for "it", "they" and "the band"."""

    text: str = ""  # the document's text, read for the words that say whether a person is a man or a woman
    known: dict[str, _Person] = field(default_factory=dict)
    recent: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name)
    subjects: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name) as a main-clause subject
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name) of quoted speakers
    # unit numbers where someone the text does not name spoke or was a sentence's subject ("a spokesman said")
    unnamed_people: list[int] = field(default_factory=list)
    # (unit number, name or None, a person, the possessor's name) of each sentence's main subject
    main_subjects: list[tuple[int, str | None, bool, str | None]] = field(default_factory=list)
    # unit numbers whose main subject is a proper name the tagger gave no type: often a person it missed ("DeVane,
    # who lost to Roe, will face him again"), whom a later "he" may stand for
    untyped_subjects: list[tuple[int, str]] = field(default_factory=list)  # (unit number, name)
    things: set[str] = field(default_factory=set)  # names tagged as places, bodies, works: no person's

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

    def someone_unnamed(self, unit: int) -> None:
        """Someone the text does not name spoke or is a sentence's subject: a quote credited to "a spokesman" or to
        a "he" left unresolved, "An analyst said ..."."""
        self.unnamed_people.append(unit)

    def spoke(self, name: str, unit: int) -> None:
        self.speakers.append((unit, name))
        self.subjects.append((unit, name))

    def resolve_pronoun(
        self, unit: int, pronoun: str | None = None, window: int = 2, speaker_window: int = 4
    ) -> str | None:
        """ "he said": the one person the last sentences had as their subject, else the last person quoted, of
        those the pronoun can stand for.

        Reporters keep "he said" for whoever spoke last, and a new speaker is named again; a
        person named only inside a clause ("He did not say what Ito was treated for") is
        not who "he" is. "She" is never a person the text calls "Mr"; when that rules out the
        subject or speaker "she" would otherwise be ("Mr Roe's view was echoed by Sam Ito. ... she
        said"), it is the person named last before who can be "she". A person the text gives no
        sign of is either.
        """
        wanted = _GENDER_OF_PRONOUN.get(pronoun.casefold()) if pronoun else None

        def fits(name: str) -> bool:
            return wanted is None or self.gender_of(name) in (None, wanted)

        person = self._read_pronoun(unit, wanted, fits, window, speaker_window)
        other = self._untyped_subject_since(person, unit) if person is not None else None
        if other is None:
            return person
        # The untyped name of a person the text named in full before is that person ("Mr DeVane added ...").
        named = self.resolve_surname(other)
        return named if named is not None and named in self.known and fits(named) else None

    def _untyped_subject_since(self, person: str, unit: int) -> str | None:
        """The proper name the tagger gave no type that is the subject of the nearest clause since ``person`` was last
        a subject or a speaker (the pronoun's own clause included), when it names someone else; else None. "Roe said
        ... Sam DeVane, who lost to Roe, will face her again. '...,' she said" may be DeVane, a person the small model
        did not tag, whoever "she" would otherwise be; "Mr Roe", untagged, is Roe. Such a pronoun is that person when
        the text named them in full before, else left open: a quote with no speaker of record is a miss, one credited
        to the wrong person a false contradiction."""
        surname = person.split()[-1:]
        as_subject = [seen for seen, name in self.subjects if name.split()[-1:] == surname and seen <= unit]
        # One never a subject is read from where it was named last, that sentence's own subject included.
        since = (
            max(as_subject) + 1
            if as_subject
            else max((seen for seen, name in self.recent if name == person), default=unit)
        )
        untyped = [name for seen, name in self.untyped_subjects if since <= seen <= unit]
        # The nearest decides: "he" continues the last subject, the person's own untyped name included.
        return untyped[-1] if untyped and untyped[-1].split()[-1:] != surname else None

    def _read_pronoun(
        self, unit: int, wanted: str | None, fits: Callable[[str], bool], window: int, speaker_window: int
    ) -> str | None:
        """The person "he" or "she" stands for by the subjects and speakers before, as ``resolve_pronoun`` tells."""
        subjects = {name for seen, name in self.subjects if unit - window <= seen <= unit}
        names = {name for name in subjects if fits(name)}
        if len(names) == 1:
            return next(iter(names))
        if len(names) > 1 and (last := self._subject_just_before(unit, fits)) is not None:
            return last
        ruled_out = len(names) < len(subjects)
        if self.speakers and not names:
            seen, name = self.speakers[-1]
            if unit - speaker_window <= seen <= unit:
                if fits(name):
                    return name
                ruled_out = True
        if ruled_out and not names:
            return self._last_named_fitting(unit, window, fits)
        if not subjects and wanted is not None:
            return self._only_one_since(unit, wanted)
        return None

    def _subject_just_before(self, unit: int, fits: Callable[[str], bool]) -> str | None:
        """The one person the clause right before had as its subject, when the pronoun's own clause has none: "Jane
        Roe, the chief executive, said the plan was fair. 'We keep our promises,' she said" is Roe, whoever the
        sentence before named. Reporters name a new speaker again, so the last subject is who "she" continues."""
        if any(seen == unit for seen, _ in self.subjects):
            return None
        last = {name for seen, name in self.subjects if seen == unit - 1}
        if len(last) != 1:
            return None
        (name,) = last
        return name if fits(name) else None

    def _only_one_since(self, unit: int, wanted: str, reach: int = ONLY_ONE_REACH) -> str | None:
        """ "he said" further on than the last sentences: the person who was last a sentence's subject or speaker,
        within ``reach`` units, when the text says that person is of the pronoun's sex (``gender_of``, not merely not
        the other) and names no one since whom the pronoun can stand for: no other person of that sex, nor one the
        text gives no sex named with a post or in the pronoun's own sentence (inside its quote too); and no one else
        quoted or introduced since, an unnamed speaker or subject ("a spokesman said") being someone else it may be.
        A name of no sex and no post ("the Lib Dems", which the tagger may read as a person's) does not stand in the
        way."""
        subjects = [(seen, name) for seen, name in self.subjects if unit - reach <= seen < unit]
        if not subjects:
            return None
        last_seen, person = subjects[-1]
        if self.gender_of(person) != wanted:
            return None
        for seen, name in self.recent:
            if name == person or not last_seen <= seen <= unit:
                continue
            sex = self.gender_of(name)
            known = self.known.get(name)
            given_a_role = known is not None and bool(known.title or known.affiliation)
            if sex == wanted or (sex is None and (seen == unit or given_a_role)):
                # Of the pronoun's sex, or of no sex the text tells and named in its own sentence or with a post
                # ("UKIP's leader, Sam Ito, has said ..."): someone the pronoun may stand for.
                return None
        if any(last_seen <= other <= unit for other in self.unnamed_people):
            return None
        if any(last_seen <= said <= unit and name != person for said, name in self.speakers):
            return None
        return person

    def _last_named_fitting(self, unit: int, window: int, fits: Callable[[str], bool]) -> str | None:
        """The person named last in the sentences before (the sentence itself only when they name no one) whom a
        pronoun can stand for."""
        for current in (False, True):
            for seen, name in reversed(self.recent):
                if seen < unit - window:
                    break
                if (seen == unit) == current and fits(name):
                    return name
        return None

    def gender_of(self, name: str) -> str | None:
        """ "male" or "female" when the text says which of a person named so far (factcheck.nlp.names.gender_in_text,
        with the title the text gave the person and how many persons of that surname it names)."""
        words = name.split()
        if not words:
            return None
        namesakes = sum(1 for other in self.known if other.split()[-1:] == words[-1:])
        person = self.known.get(name)
        return gender_in_text(self.text, name, title=person.title if person else None, namesakes=namesakes)

    def resolve_role(self, phrase: str) -> str | None:
        """ "the spokesman said": the one person the text has given a title with that head noun and whose whole post
        the description fits (``titles.description_fits_post``): "the prime minister" is not the "Deputy Prime
        Minister" named before, whoever else the text leaves untitled."""
        words = words_in(phrase.casefold())
        if not words:
            return None
        head = words[-1]
        matches = {
            person.name
            for person in self.known.values()
            if person.title
            and words_in(person.title.casefold())[-1:] == [head]
            and description_fits_post(phrase, person.title, post_former=person.former)
        }
        return next(iter(matches)) if len(matches) == 1 else None

    def note_main_subject(self, name: str | None, unit: int, person: bool, owner: str | None = None) -> None:
        """Note a sentence's main subject: its name (None for a thing the text does not name: "Brown's book"),
        whether it is a person, and the name of its possessor ("GE's net profits" -> GE)."""
        self.main_subjects.append((unit, name, person, owner))

    def resolve_thing(self, unit: int, *, persons_too: bool = False, window: int = 4) -> str | None:
        """ "it", "they", "the band": the organisation or place the last sentences had as their subject.

        The nearest subject within ``window`` units (clauses) before: a report names a firm or a band and goes on
        with "it" or "the company" until it names another. "It" passes over persons (they are "he" and "she"); a
        thing the text did not name stops the search ("Brown's book has topped the charts. It has sold ...": the
        book, whatever was named before). With ``persons_too`` ("they", "the band"), a name tagged as a person
        stands too, the tagger often reading a band's name as a person's, unless the text gave that person a post
        ("Jane Roe, the chief executive, said ... The company sold": a person, not the company).
        """
        for seen, name, person, _ in reversed(self.main_subjects):
            if seen < unit - window:
                break
            if seen > unit or (person and not persons_too):
                continue
            if name is None:
                return None
            if person and name in self.known and self.known[name].title:
                continue
            return name
        return None

    def resolve_owner(self, unit: int, window: int = 4) -> str | None:
        """ "Net profit was up 6%": the firm or place named nearest before as a sentence's subject or its possessor
        ("GE's net profits were $5.37bn"), not a person: whose a measure named alone is."""
        for seen, name, person, owner in reversed(self.main_subjects):
            if seen < unit - window:
                break
            if seen > unit:
                continue
            if owner is not None:
                return owner
            if name is not None and not person:
                return name
        return None
