"""What the text says a person is: titles before a name, appositives and "from/of" affiliations.

Works on plain text around a name (character offsets), so it does not depend on how the
parser attached "Col." or "Dr." (spaCy's small model often splits or mislabels them).
Patterns, all general English:

* prefix titles and ranks: "Dr. Jane Roe", "Prime Minister Jane Roe", "said spokesperson Jane Roe";
  an organisation or nationality before the title is the affiliation ("USSF Col. Jane Roe");
  a possessive before the title is the affiliation ("the Institute's director Jane Roe");
* appositives: "Jane Roe, a senior fellow at the Center for X" (title + affiliation);
* "Jane Roe from the Institute of Y" / "Jane Roe of Y" (affiliation);
* past framing: "former", "ex-", "then-", "the late", "retired", "previous"; a post being left, "outgoing",
  "departing" (FORMER_WORDS, which the checks read too).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from factcheck.nlp.names import is_honorific, role_words

# Title words and ranks (lower-case, without a trailing dot). Matching is case-insensitive;
# a capitalised word is accepted in an appositive title only when it is listed here.
TITLE_WORDS = frozenset(
    """
    dr doctor prof professor mr mrs ms miss mx sir dame lord lady
    gen general col colonel lt lieutenant maj major capt captain cmdr commander adm admiral
    sgt sergeant brig brigadier marshal cpl corporal pvt private ens ensign
    president vice prime minister secretary chancellor premier king queen prince princess
    emperor empress senator sen rep representative congressman congresswoman governor gov
    mayor ambassador envoy judge justice chief director deputy assistant acting
    spokesperson spokesman spokeswoman chairman chairwoman chair chairperson ceo cfo cto coo
    founder co-founder cofounder head leader supreme commissioner administrator officer
    executive manager analyst researcher scientist economist lecturer fellow senior associate
    editor correspondent reporter author dean rector provost superintendent inspector
    attorney counsel surgeon pope bishop archbishop cardinal rabbi imam reverend rev
    adviser advisor speaker undersecretary under foreign defense defence finance interior
    state national security principal lead staff vp svp evp md
    sheriff detective constable trooper councilman councilwoman councillor alderman
    """.split()
)
# Prefixes that make a title word the second's post ("undersheriff", "vice-chair").
_SECOND_PREFIXES = ("vice-", "vice", "under-", "under")

# Title words that only modify another ("National Security Adviser"): a title cannot end in one.
TITLE_MODIFIERS = frozenset(
    """vice prime acting deputy assistant senior associate principal lead staff under supreme
    foreign defense defence finance interior state national security chief executive""".split()
)

# Words that frame a role as past ("former chief", "ex-minister", "then director", "previous host", "retired Gen.",
# "Gen. (Ret.)") or as being left ("outgoing host", "departing chairman"): the holder is between posts, so two
# sources may each be right. The one list for extraction (Role.former) and for the checks that read titles.
FORMER_WORDS = frozenset(
    """former formerly ex erstwhile retired ret then late onetime one-time previous previously until
    outgoing departing retiring""".split()
)

# Words, with "ex-"/"then-" and a possessive "'s" split off so they can be recognised.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|(?i:ex|then)-(?=\w)|[’']s\b|[\w&]+(?:(?:[’']|-)(?!s\b)[\w&]+)*|[^\w\s]")
# Capitalised words that start sentences and clauses rather than names.
_NOT_AFFILIATION = frozenset(
    """as at in on of for from by with when while after before since during but and or so yet
    if the a an this that these those it its he she they we i you his her their our my your
    said says according meanwhile however also then now today yesterday""".split()
)
_AFFILIATION_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "&", "de", "du", "la", "in"})
_APPOSITIVE_PREPOSITIONS = frozenset({"at", "of", "for", "with", "from", "in"})
_STOP_AFTER_TITLE = frozenset(
    {
        "who",
        "which",
        "that",
        "said",
        "says",
        "told",
        "and",
        "has",
        "had",
        "is",
        "was",
        "since",
        "until",
        "when",
        "while",
    }
)
_DETERMINERS = frozenset({"a", "an", "the"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "themself"})
# "who" and a copula before an appositive's title, and whether the tense leaves the post in the past.
_WHO_IS = (
    (("who", "has", "been"), False),
    (("who", "is"), False),
    (("who", "serves", "as"), False),
    (("who", "has", "served", "as"), False),
    (("who", "was"), True),
    (("who", "had", "been"), True),
)


@dataclass(frozen=True)
class Role:
    """Title, affiliation and where the text gives them (character offsets into ``text``)."""

    title: str | None = None
    affiliation: str | None = None
    start: int | None = None
    end: int | None = None
    former: bool = False
    prefix_start: int | None = None  # where prefix titles before the name begin
    # Where the other current titles the text gives the person in the same mention stand (start, end): the second of
    # "chairman and chief executive", the rank of "Rear Admiral Jane Roe, commander of the coastguard", the post before
    # the name beside an appositive ("Harbor assistant coach Jane Roe, a former Vellmar midfielder"). One title is
    # ``title``; another source may change any of them.
    further: tuple[tuple[int, int], ...] = ()

    @property
    def empty(self) -> bool:
        return self.title is None and self.affiliation is None


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.text.lower().rstrip(".").rstrip("-")


def _words(text: str, offset: int = 0) -> list[_Word]:
    return [_Word(m.group(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


def is_title_word(word: str) -> bool:
    key = word.lower().rstrip(".")
    if key in TITLE_WORDS:
        return True
    return any(key.startswith(prefix) and key[len(prefix) :] in TITLE_WORDS for prefix in _SECOND_PREFIXES)


@functools.lru_cache(maxsize=1 << 14)
def is_post_noun(word: str) -> bool:
    """Whether a word names a post or a calling in WordNet: in its most frequent sense as a noun a person's, and a
    common noun (no instance of a named person, no word made from a name such as "Democrat" or "Briton"):
    "Prosecutor", "Coach", "Treasurer", "Coordinator". The title
    words above are a closed list; news capitalises any post before a name ("said Coach Jane Roe")."""
    key = word.lower().rstrip(".")
    if len(key) < 4 or not key.isalpha():
        return False
    from factcheck.nlp import lexicon

    senses = lexicon.senses(key, "n")
    if not senses:
        return False
    first = lexicon.synset(senses[0])
    return (
        first.lexicographer_file == lexicon.PERSON_FIELD
        and not any(pointer[0] == "@i" for pointer in first.pointers)
        # a word made from a name says which party, people or faith ("Democrat Jane Roe", "Briton Jane Roe")
        and not lexicon.written_as_a_name(key, senses[0])
    )


@functools.lru_cache(maxsize=1 << 14)
def names_its_own_post(words: str, title: str) -> bool:
    """Whether the words before a title make with it a post WordNet knows as its own: the phrase's most frequent
    sense as a noun a person's, and no sense of the title alone ("police chief", "district attorney", "chief operating
    officer"; not "police constable" or "police sergeant", which the rank alone names). A word the text patterns
    would leave outside the title (a lower-case "operating", a capitalised "Police" read as the organisation) then
    belongs to it."""
    phrase = f"{words} {title}".casefold().split()
    if not all(word.replace("-", "").isalpha() for word in phrase):
        return False
    from factcheck.nlp import lexicon

    senses = lexicon.senses(" ".join(phrase), "n")
    if not senses or lexicon.synset(senses[0]).lexicographer_file != lexicon.PERSON_FIELD:
        return False
    return senses[0] not in lexicon.senses(title.casefold(), "n")


@functools.lru_cache(maxsize=1 << 14)
def is_post_modifier(word: str) -> bool:
    """Whether a capitalised word before a post modifies it: a participle ("Managing", "Presiding"), or a word WordNet
    knows as an adjective, not made from a name ("American"), with no sense as a noun for a person, a group or a
    place ("Offensive", "Interim"; not "Federal", "Police", "Harbor")."""
    if not word[:1].isupper() or not word.isalpha() or word.isupper() or word.lower() in _NOT_AFFILIATION:
        return False
    key = word.lower()
    if key.endswith("ing") and len(key) > 5:
        return True
    from factcheck.nlp import lexicon

    adjective = lexicon.senses(key, "a")
    if not adjective or lexicon.written_as_a_name(key, adjective[0]):
        return False
    # A word for a body of people (noun.group: "police", "army", "party") names an organisation, not a description.
    return not lexicon.noun_fields(key) & {lexicon.PERSON_FIELD, lexicon.LOCATION_FIELD, lexicon.GROUP_FIELD}


def _capitalised_post(word: str) -> bool:
    return word[:1].isupper() and is_post_noun(word)


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def split_title(name: str) -> tuple[str | None, str]:
    """Split leading title words off a name the NER included them in ("Dr. Jane Roe").

    A capitalised run with a title word inside it, before a name of two or more words, splits
    there too: "Harbor County Sheriff Jane Roe" -> ("Harbor County Sheriff", "Jane Roe"); the
    words before the title are its organisation, which the role patterns read from the text.
    """
    words = name.split()
    index = 0
    while index < len(words) - 1 and (
        is_title_word(words[index])
        # a post WordNet knows, before a name of two words at least that opens with no initial ("Prosecutor Jane
        # Roe"; "Hunter S. Thompson", "Taylor Swift" stay names)
        or (
            _capitalised_post(words[index])
            and len(words) - index >= 3
            and not re.fullmatch(r"[A-Z]\.?", words[index + 1])
        )
    ):
        index += 1
    if index == 0:
        inside = [
            position
            for position in range(1, len(words) - 2)
            if is_title_word(words[position]) and words[position][:1].isupper()
        ]
        if inside and all(word[:1].isupper() for word in words):
            index = inside[-1] + 1
    if index == 0 or (
        words[index - 1].lower().rstrip(".") in TITLE_MODIFIERS and not _capitalised_post(words[index - 1])
    ):
        # A title cannot end in a word that only modifies a post ("National Security"), unless the word is a post
        # itself ("Harbor Fire Chief Jane Roe", "Harbor Chief Executive Jane Roe").
        return None, name
    return " ".join(words[:index]), " ".join(words[index:])


def _prefix(text: str, name_start: int, window: int = 120) -> tuple[Role, int]:
    """Titles, affiliation and former-markers in the words right before the name."""
    lo = max(0, name_start - window)
    words = _words(text[lo:name_start], lo)
    index = _title_walk(words, len(words))
    # Lower-case words WordNet knows as one post with the title words after them stand in the title: "operating" of
    # "chairman and chief operating officer Jane Roe" (no title word, so the walk stopped at it), not "officer" alone.
    if index < len(words):
        for back in (2, 1):
            run = words[index - back : index] if index >= back else []
            if (
                run
                and all(word.text.isalpha() and word.text.islower() and word.key not in FORMER_WORDS for word in run)
                and names_its_own_post(
                    " ".join(word.text for word in run), " ".join(word.text for word in words[index:])
                )
            ):
                index -= back
                break
    # A capitalised word that modifies the post stands in the title, not before it as its organisation: a participle
    # or an adjective that names no person, group or place ("Offensive Coordinator", "Managing Editor"); title words
    # before it do too ("Chief" of "Harbor Chief Operating Officer Jane Roe").
    while (
        0 < index < len(words) and is_post_modifier(words[index - 1].text) and words[index - 1].key not in FORMER_WORDS
    ):
        index = _title_walk(words, index - 1)
    return _prefix_role(text, words, index, name_start)


def _title_walk(words: list[_Word], index: int) -> int:
    """Where the title words ending at ``index`` begin: back over title words, their dots and hyphens, and "of"
    between title words."""
    while index > 0:
        word = words[index - 1]
        if (
            word.text in {".", "-"}
            and index > 1
            and (is_title_word(words[index - 2].text) or words[index - 2].key in FORMER_WORDS)
        ):
            index -= 1
            continue
        if is_title_word(word.text) or _capitalised_post(word.text):
            index -= 1
            continue
        if word.key == "of" and index > 1 and is_title_word(words[index - 2].text) and index < len(words):
            index -= 1
            continue
        break
    return index


@functools.lru_cache(maxsize=4096)
def _names_a_body(word: str) -> bool:
    """Whether a word's most frequent noun sense is a group of people ("committee", "department", "council"): a
    name that ends in it names a body, whatever words of posts it holds."""
    from factcheck.nlp import lexicon

    return lexicon.first_noun_field(word) == lexicon.GROUP_FIELD


def _prefix_role(text: str, words: list[_Word], index: int, name_start: int) -> tuple[Role, int]:
    """The role of the title words ``words[index:]`` right before the name, with the organisation and past framing
    before them."""
    title_words = words[index:]
    # A run of modifiers alone ("National Defense") is part of a name, not a title.
    if title_words and title_words[-1].key in TITLE_MODIFIERS and not _capitalised_post(title_words[-1].text):
        title_words = []  # ("Chief Executive" ends in a post WordNet knows: a title)
    if not title_words:
        # No title, but past framing may still stand right before the name ("the late Jane Roe").
        if words and words[-1].key in FORMER_WORDS:
            return Role(former=True), name_start
        return Role(), name_start
    while title_words and title_words[0].text in {".", "-"}:
        title_words = title_words[1:]
    if not title_words:
        return Role(), name_start
    title_start, title_end = title_words[0].start, title_words[-1].end
    title = text[title_start:title_end].strip(" -")
    start = title_start
    former = False
    affiliation = None
    rest = words[:index]
    # Past framing right before the title: "former", "ex-", "then-", "the late".
    while rest and (rest[-1].key in FORMER_WORDS or rest[-1].text == "-"):
        if rest[-1].key in FORMER_WORDS:
            former = True
        start = rest[-1].start
        rest = rest[:-1]
    if not former:
        # Possessive affiliation: "the Institute's director Jane Roe".
        if rest and rest[-1].text.lower() in {"'s", "’s"}:
            rest = rest[:-1]
        elif rest and rest[-1].text.endswith(("'s", "’s")) and len(rest[-1].text) > 2:
            word = rest[-1]
            rest = rest[:-1] + [_Word(word.text[:-2], word.start, word.end - 2)]
        # An organisation / nationality right before the title: "USSF Col.", "Japanese Defense Minister".
        aff_words: list[_Word] = []
        while (
            rest
            and _is_capitalised(rest[-1].text)
            # Inside a body's name a title word or a person noun is part of the name ("Senate Foreign Relations
            # Committee Chairman", "Justice Department Inspector General"): the run ending in the body goes on.
            and (
                (not is_title_word(rest[-1].text) and not _capitalised_post(rest[-1].text))
                or (bool(aff_words) and _names_a_body(aff_words[-1].key))
            )
            and rest[-1].text[0].isalpha()
            and rest[-1].key not in _NOT_AFFILIATION
        ):
            aff_words.insert(0, rest[-1])
            rest = rest[:-1]
            if len(aff_words) >= 6:
                break
        if (
            aff_words
            and rest
            and rest[-1].text[:1].isupper()
            and rest[-1].text.isalpha()
            and rest[-1].key not in _NOT_AFFILIATION
        ):
            aff_words = []  # part of a longer capitalised run (a headline), not an affiliation
        if aff_words:
            affiliation = text[aff_words[0].start : aff_words[-1].end]
            start = aff_words[0].start
            # Past framing before the organisation frames the post: "ex-Home Secretary", "former Harbor coach".
            while rest and (rest[-1].key in FORMER_WORDS or rest[-1].text == "-"):
                former = former or rest[-1].key in FORMER_WORDS
                start = rest[-1].start
                rest = rest[:-1]
    return Role(
        title=title or None,
        affiliation=affiliation,
        start=start,
        end=title_end,
        former=former,
        prefix_start=title_start,
    ), title_start


def title_before(text: str, name_start: int) -> Role:
    """The title (and the organisation or place before it) written right before the name: "Tennessee Congressman"."""
    return _prefix(text, name_start)[0]


def _affiliation_words(words: list[_Word], index: int) -> tuple[str | None, int, int]:
    """A capitalised name after a preposition: "the Center for Strategic and International Studies"."""
    if index < len(words) and words[index].key == "the":
        index += 1
    taken: list[_Word] = []
    pending: list[_Word] = []
    while index < len(words):
        word = words[index]
        if word.text[:1].isupper() or word.text[:1].isdigit() or word.text in {"’s", "'s"}:
            taken.extend(pending)
            pending = []
            taken.append(word)
        elif word.key in _AFFILIATION_CONNECTORS and taken:
            pending.append(word)
        else:
            break
        index += 1
        if len(taken) > 14:
            break
    if not taken or not taken[0].text[:1].isupper() or taken[0].key in _NOT_AFFILIATION:
        return None, -1, -1
    return None, taken[0].start, taken[-1].end


def _suffix(text: str, name_end: int, window: int = 200) -> Role:
    """Appositive title/affiliation or a "from/of" affiliation right after the name."""
    words = _words(text[name_end : name_end + window], name_end)
    if not words:
        return Role()
    if words[0].key in {"from", "of", "at"}:
        _, start, end = _affiliation_words(words, 1)
        if start >= 0:
            return Role(affiliation=text[start:end], start=words[0].start, end=end)
        return Role()
    if words[0].text != ",":
        return Role()
    index = 1
    former = False
    # A relative clause that says what the person is: "Jane Roe, who has been chief executive since 2023", "Jane
    # Roe, who is the director of the agency"; "who was" tells a post the person may have left.
    who_is = False
    for clause, past in _WHO_IS:
        if [word.key for word in words[index : index + len(clause)]] == list(clause):
            index += len(clause)
            former, who_is = past, True
            break
    # A reflexive pronoun before the article sets a description off ("Jane Roe, herself a marathon runner"): the
    # noun after it is the title, not the pronoun with it.
    if index < len(words) and words[index].key in _REFLEXIVES:
        index += 1
    # Past framing before or after the article: "Jane Roe, former host", "Jane Roe, the previous host".
    for _ in range(2):
        while index < len(words) and (words[index].key in FORMER_WORDS or words[index].text == "-"):
            former = former or words[index].key in FORMER_WORDS
            index += 1
        if index < len(words) and words[index].key in _DETERMINERS:
            index += 1
    title_start_index = index
    affiliation = None
    possessive_affiliation: tuple[int, int] | None = None
    while index < len(words):
        word = words[index]
        if (
            word.key == "of"
            and index + 1 < len(words)
            and words[index + 1].text.islower()
            and words[index + 1].key not in _DETERMINERS
            and index > title_start_index
        ):
            index += 2  # "chief of staff": a title that contains "of"
            continue
        if word.key in _APPOSITIVE_PREPOSITIONS or word.key in _STOP_AFTER_TITLE:
            break
        if word.text in {"’s", "'s"} and index > title_start_index:
            # "the institute's director": what precedes the possessive is the affiliation.
            possessive_affiliation = (words[title_start_index].start, words[index - 1].end)
            title_start_index = index + 1
            index += 1
            continue
        if not word.text[:1].isalpha():
            break
        if word.text[:1].isupper() and not is_title_word(word.text):
            if possessive_affiliation is None and index + 1 < len(words) and words[index + 1].text in {"’s", "'s"}:
                index += 1
                continue
            return Role()
        index += 1
        if index - title_start_index > 6:
            return Role()
    title_words = words[title_start_index:index]
    if not title_words:
        return Role()
    if not any(is_title_word(w.text) or w.text.islower() for w in title_words):
        return Role()
    if who_is and not (is_title_word(title_words[-1].text) or is_post_noun(title_words[-1].text)):
        return Role()  # "who is expected to run", "who is accused of fraud": a clause, no post
    second = _second_post(words, index + 1) if not former and index < len(words) and words[index].key == "and" else None
    if second and not _ends_in_a_post(title_words[-1].text):
        # The words before "and" name no post of their own: they and the second's modifiers share its head ("Jane
        # Roe, personal technology and broadband analyst at Harbor"), one post another source may write the other way
        # round.
        while index < len(words) and words[index].start < second[1]:
            index += 1
        title_words, second = words[title_start_index:index], None
    title = text[title_words[0].start : title_words[-1].end]
    if _relative_to_another(title):
        return Role()
    end = title_words[-1].end
    if possessive_affiliation:
        affiliation = text[possessive_affiliation[0] : possessive_affiliation[1]]
        if affiliation.lower().startswith("the "):
            affiliation = affiliation[4:]
    if index < len(words) and words[index].key in _APPOSITIVE_PREPOSITIONS:
        _, start, aff_end = _affiliation_words(words, index + 1)
        if start >= 0:
            affiliation = text[start:aff_end]
            end = aff_end
    # An appositive needs a closing comma, a sentence end or a preposition phrase; a bare
    # lower-case run ("Jane Roe, who said ...") is not a title.
    if title_words[0].key in _STOP_AFTER_TITLE:
        return Role()
    return Role(
        title=title,
        affiliation=affiliation,
        start=words[1].start,
        end=end,
        former=former,
        further=(second,) if second else (),
    )


# Words a second post coordinated with an appositive's first may take, besides its own: "the" before it.
_MAX_SECOND_POST = 4


def _second_post(words: list[_Word], index: int) -> tuple[int, int] | None:
    """Where the post after an appositive's "and" stands ("Jane Roe, who is chairman and chief executive, said"): a
    run of lower-case words or title words ending in a post (a title word or a post WordNet knows) right before a
    comma, a sentence's end or a preposition, not a verb ("chairman and has led the firm" gives none)."""
    if index < len(words) and words[index].key in _DETERMINERS:
        index += 1
    start = index
    while index < len(words) and index - start < _MAX_SECOND_POST:
        word = words[index]
        if word.key in _APPOSITIVE_PREPOSITIONS or word.key in _STOP_AFTER_TITLE or not word.text[:1].isalpha():
            break
        if not (word.text.islower() or is_title_word(word.text)) or word.key in FORMER_WORDS:
            return None
        index += 1
    if index == start or (
        index < len(words) and words[index].text[:1].isalpha() and words[index].key not in _APPOSITIVE_PREPOSITIONS
    ):
        return None
    last = words[index - 1].text
    if not (is_title_word(last) or is_post_noun(last)) or (
        words[index - 1].key in TITLE_MODIFIERS and not is_post_noun(last)  # "executive" ends a post, "deputy" not
    ):
        return None
    return words[start].start, words[index - 1].end


# Words a post set off before a name may have between its article or possessive and the comma.
_MAX_POST_BEFORE = 4
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _post_set_off_before(text: str, name_start: int, name_end: int) -> Role:
    """The post set off before the name by a comma, the name closed by one too: "The agency's director-general, Dr.
    Jane Roe, said", "suspended the prison's governor, Jane Roe, pending an inquiry", "Its chief, Jane Roe, said".
    The post opens with an article or a possessive and ends, right before the comma, in a title word or a post WordNet
    knows; lower-case words only between (a name or a sentence's words are no post). The possessive's owner is its
    organisation. Honorifics between the comma and the name are skipped."""
    if text[name_end : name_end + 1] != ",":
        return Role()
    lo = max(0, name_start - 120)
    words = _words(text[lo:name_start], lo)
    index = len(words)
    while index > 0 and (words[index - 1].text == "." or is_honorific(words[index - 1].text)):
        index -= 1
    if index < 2 or words[index - 1].text != ",":
        return Role()
    end_index = index - 1
    index = end_index
    while index > 0 and end_index - index < _MAX_POST_BEFORE:
        word = words[index - 1]
        if word.key in _DETERMINERS or word.key in _POSSESSIVE_PRONOUNS or word.text in {"’s", "'s"}:
            break
        if not (word.text.islower() and word.text.replace("-", "").isalpha()) or word.key in _STOP_AFTER_TITLE:
            return Role()
        index -= 1
    if index == end_index or index == 0:
        return Role()
    opener, title_words = words[index - 1], words[index:end_index]
    last = title_words[-1]
    if not _ends_in_a_post(last.text) or _written_plural(last.key):
        return Role()
    start = title_words[0].start
    former = False
    while title_words and title_words[0].key in FORMER_WORDS:
        former, title_words = True, title_words[1:]
    if not title_words:
        return Role()
    affiliation = None
    if opener.text in {"’s", "'s"}:
        owner = index - 1
        while owner > 0 and index - 1 - owner < 4 and words[owner - 1].text.isalpha():
            if words[owner - 1].key in _DETERMINERS or words[owner - 1].key in _NOT_AFFILIATION:
                break
            owner -= 1
        if owner < index - 1:
            affiliation, start = text[words[owner].start : words[index - 2].end], words[owner].start
    return Role(
        title=text[title_words[0].start : last.end],
        affiliation=affiliation,
        start=start,
        end=last.end,
        former=former,
    )


def _ends_in_a_post(word: str) -> bool:
    """Whether a word names a post: a title word or a post WordNet knows, or a hyphenated one with such a part
    ("director-general", "co-founder")."""
    return any(is_title_word(part) or is_post_noun(part) for part in (word, *word.split("-")) if part)


def find_role(text: str, name_start: int, name_end: int) -> Role:
    """The role the text gives the person whose name is ``text[name_start:name_end]``.

    An appositive title ("…, program executive officer for Z") wins over a prefix rank
    ("Col."); affiliations from either side fill in what the other lacks. With neither (an honorific aside), a post
    set off before the name ("the agency's director, Jane Roe, said") is the title.
    """
    prefix, _ = _prefix(text, name_start)
    suffix = _suffix(text, name_end)
    if not (suffix.title and _ends_in_a_post(suffix.title.split()[-1])) and not role_words(prefix.title):
        # Neither a post after the name ("on the day" of "Jane Roe, on the day of the breakout" is none) nor one
        # before it (an honorific is none).
        before = _post_set_off_before(text, name_start, name_end)
        if before.title:
            return replace(before, affiliation=before.affiliation or suffix.affiliation)
    title = suffix.title or prefix.title
    affiliation = suffix.affiliation or prefix.affiliation
    if title is None and affiliation is None:
        return Role(former=prefix.former, prefix_start=prefix.prefix_start)
    further = suffix.further
    if (
        suffix.title
        and prefix.title
        and role_words(prefix.title)  # a courtesy ("Dr.") is no title
        and not prefix.former
        and prefix.prefix_start is not None
    ):
        # The appositive's title wins; the title before the name is another the text gives ("Rear Admiral Jane Roe,
        # commander of the coastguard").
        further = ((prefix.prefix_start, prefix.prefix_start + len(prefix.title)), *further)
    if suffix.title:
        start, end = suffix.start, suffix.end
        if not suffix.affiliation and prefix.affiliation:
            start = prefix.start
    elif suffix.affiliation:
        start = prefix.start if prefix.start is not None else suffix.start
        end = suffix.end
    else:
        start, end = prefix.start, prefix.end
    return Role(
        title=title,
        affiliation=affiliation,
        start=start,
        end=end,
        former=prefix.former or suffix.former,
        prefix_start=prefix.prefix_start,
        further=further,
    )


# --- roles from the dependency parse -------------------------------------------------------------
# Open-class: any noun the parse attaches to the name as an appositive ("Jane Roe, the spokesman
# for X"), as a modifier before it ("CFO Jane Roe", "the actress's rep Jane Roe") or as the noun
# the name stands in apposition to ("chief financial officer Jane Roe") is a title, whatever the
# word; no list of titles is consulted. Organisations, places and possessors modifying the
# title, and the object of "of/at/for/with/from" after it, are the affiliation.

_AFFILIATION_PREPOSITIONS = frozenset({"of", "at", "for", "with", "from"})
_TITLE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
_AFFILIATION_ENTITIES = frozenset({"ORG", "GPE", "NORP", "FAC"})
_NOT_TITLE_ENTITIES = frozenset({"PERSON", "DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})


def _title_heads(root: Any, entity: Any) -> list[Any]:
    # An appositive ("Col. Dana Roe, program director for X") says more than a rank before the name.
    inside = {token.i for token in entity}
    heads = [
        child
        for child in root.children
        if child.i not in inside and child.dep_ == "appos" and not _names_another_person(child, inside)
    ]
    # Nouns run into the name ("Harbor Detective Jane Roe") are often all the name's compounds, side by side:
    # the one right before the name heads the title and the ones before it modify it (see _sibling_modifiers).
    heads += sorted(
        (
            child
            for child in root.children
            if child.i not in inside
            and child.i < entity.start
            and (child.dep_ == "compound" or _a_post_tagged_adjective(child, entity))
        ),
        key=lambda child: -child.i,
    )
    # The noun the name stands in apposition to comes last: a title written before the name inside the appositive
    # is the post ("the governor's successor, Vice President Jane Roe": a vice president, not "successor").
    if root.dep_ == "appos" and root.head.i not in inside and root.head.i < entity.start:
        heads.append(root.head)
    return [
        head
        for head in heads
        if (head.pos_ in ("NOUN", "PROPN") or _a_post_tagged_adjective(head, entity))
        and any(char.isalpha() for char in head.text)  # the tagger sometimes calls the dot of "Lt." a noun
        and not is_honorific(head.text)  # "Dr." of "Deputy director of public health Dr. Jane Roe": a courtesy
        and head.ent_type_ not in _NOT_TITLE_ENTITIES
        and head.ent_type_ not in _AFFILIATION_ENTITIES  # "Genesee County Undersheriff": the county is no title
        and not head.like_num
        # One person's title is a singular noun: a plural is what the title governs ("Minister for Children and
        # Families Jane Roe" hangs "Families" on the name) or a group the person belongs to ("police").
        and head.tag_ not in ("NNS", "NNPS")
        and not _written_plural(head.lower_)  # the tagger also calls a capitalised plural a proper noun (NNP)
    ]


def _title_words_ending_an_entity(token: Any) -> bool:
    """Whether a capitalised word the NER put at the end of an organisation is a title word, and so is every word
    after it in that organisation ("Chief Executive" of "Harbor Chief Executive" in "Harbor Chief Executive Officer
    Jane Roe"): the post, which the NER ran into the organisation's name before it, not part of that name."""
    doc = token.doc
    index = token.i
    while True:
        word = doc[index]
        if not (word.text[:1].isupper() and is_title_word(word.text)):
            return False
        if index + 1 >= len(doc) or doc[index + 1].ent_iob_ != "I":
            return True
        index += 1


def _a_post_tagged_adjective(token: Any, entity: Any) -> bool:
    """Whether the word right before the name is a post the tagger read as an adjective ("said Harbor chief executive
    Jane Roe" with "executive" an amod of the name): a lower-case word whose most frequent sense as a noun is a
    post WordNet knows."""
    return (
        token.i == entity.start - 1
        and token.pos_ == "ADJ"
        and token.dep_ == "amod"
        and token.text[:1].islower()
        and is_post_noun(token.text)
    )


def _names_another_person(noun: Any, inside: set[int]) -> bool:
    """Whether an appositive noun is given with a name of its own ("Jane Roe, her husband Sam and friends": the
    parse hangs "husband" on "Jane Roe", but the husband is Sam), so it describes that person, not the entity."""
    return any(
        # after the noun: a name before it modifies it ("the Lib Dem spokesman", the small model's PERSON)
        child.ent_type_ == "PERSON"
        and child.i > noun.i
        and child.i not in inside
        and child.dep_ in ("appos", "npadvmod")
        for child in noun.children
    )


def _written_plural(word: str) -> bool:
    """Whether WordNet reads a word only as the plural of a noun it knows ("families" -> family, "officers"), not as
    a noun of its own ("news", "sales", "Hastings")."""
    from factcheck.nlp import lexicon

    return not lexicon.senses(word, "n") and any(base != word for base in lexicon.base_forms(word, "n"))


def _joins_a_hyphenated_word(doc: Any, index: int, indices: set[int]) -> bool:
    """Whether the token at ``index`` is the hyphen inside one written word of the title ("hip-hop": the parser reads
    "hip" "-" "hop" and hangs the hyphen on no title word)."""
    return (
        index - 1 in indices
        and index >= 1
        and doc[index].text == "-"
        and not doc[index].whitespace_
        and not doc[index - 1].whitespace_
    )


def _continues_a_word(doc: Any, index: int) -> bool:
    """Whether the token at ``index`` is written joined by a hyphen to a word of letters before it (the hyphen
    itself, or the part after it): one written word the parser split ("re" "-" "elected"). A figure's compound ("a
    15-year department veteran") is left as the parse reads it: it tells how long, not which post, and is no verb."""
    if index < 1 or doc[index - 1].whitespace_:
        return False
    if doc[index].text == "-":
        return doc[index - 1].is_alpha
    return doc[index - 1].text == "-" and index >= 2 and doc[index - 2].is_alpha and not doc[index - 2].whitespace_


def _sibling_modifiers(head: Any, root: Any) -> list[Any]:
    """The words right before a title the parse hung on the name beside it, not on the title: in "Harbor
    Detective Jane Roe" all three words before "Roe" may be its compounds, and "Harbor" modifies "Detective"."""
    if head.head.i != root.i or head.dep_ != "compound":
        return []
    siblings = []
    index = head.left_edge.i - 1
    while index >= 0:
        token = head.doc[index]
        if token.head.i != root.i or token.dep_ not in _TITLE_MODIFIER_DEPS:
            break
        siblings.append(token)
        index = token.left_edge.i - 1
    return siblings


def _coordinated(modifier: Any) -> list[Any]:
    """A title modifier's conjuncts and their "and", unless one of them is a person's name, a figure or a noun for a
    person ("Jane Roe and Olympic relay star John Doe": the parse may hang both on "star", but "Jane Roe" is another
    person; "chat show host and MEP" is two roles). Only these entity labels: the small model's others on
    capitalised title words are noise ("Fiscal" as CARDINAL)."""
    conjuncts = [child for child in modifier.children if child.dep_ == "conj"]
    if not conjuncts or any(
        token.ent_type_ == "PERSON" or token.like_num or _names_a_person(token.lower_)
        for token in (modifier, *conjuncts)
    ):
        return []
    return conjuncts + [child for child in modifier.children if child.dep_ == "cc"]


def _names_a_person(word: str) -> bool:
    """Whether WordNet knows the word as a noun for a person in any sense: a second role ("chat show host and
    MEP", "tycoon and lifelong fan"), coordinated with the post rather than modifying it."""
    from factcheck.nlp import lexicon

    return lexicon.names_a_person(word) is True


def role_from_parse(entity: Any) -> Role:
    """The title and affiliation the parse gives a PERSON entity (a spaCy Span), offsets in its doc's text; the titles
    of the other nouns the parse attaches to the name, and the head's conjuncts, as its further titles (``Role.further``;
    current ones only)."""
    root = entity.root
    role = Role()
    further: list[tuple[int, int]] = []
    for head in _title_heads(root, entity):
        found = _role_of_head(head, root, entity)
        if found is None:
            continue
        if role.empty:
            role = found[0]
            conjoined = _conjoined_posts(head, root, entity)
            if conjoined and not _ends_in_a_post(head.text) and role.start is not None and role.end is not None:
                # The head names no post of its own: it and the conjunct's modifiers share the conjunct's head
                # ("Jane Roe, broadband and personal technology analyst"), one post.
                start, end = found[1][0], conjoined[-1][1]
                role = replace(
                    role, title=entity.doc.text[start:end], start=min(role.start, start), end=max(role.end, end)
                )
            else:
                further += conjoined
        elif not found[0].former and not (
            role.start is not None and role.end is not None and role.start <= found[1][0] and found[1][1] <= role.end
        ):
            further.append(found[1])  # a noun inside the main role ("Harbor" of "Harbor Detective") is part of it
    if role.empty and (held := _post_held_as(root, entity)) is not None:
        return held[0]
    return replace(role, further=tuple(further)) if further and not role.empty else role


# Present-tense tags of a verb: "who serves as", "who oversees ... as" tell a post held now ("who served as" one left).
_PRESENT_TENSE_TAGS = frozenset({"VBZ", "VBP"})


def _post_held_as(root: Any, entity: Any) -> tuple[Role, tuple[int, int]] | None:
    """The post a relative clause on the name says the person holds "as" ("Jane Roe, who serves as interim director,
    said", "Jane Roe, who oversees the city's network as chief information officer"): the clause's verb in the present
    tense, its subject "who", the object of "as" (on the verb or on its object) a post, singular. Not when the verb's
    object is a pronoun: "who sees herself as a leader" tells what the object is."""
    for clause in (child for token in entity for child in token.children):
        if clause.dep_ != "relcl" or clause.tag_ not in _PRESENT_TENSE_TAGS:
            continue
        if not any(child.dep_ == "nsubj" and child.lower_ == "who" for child in clause.children):
            continue
        if any(child.dep_ == "dobj" and child.pos_ == "PRON" for child in clause.children):
            continue
        holders = [clause, *(child for child in clause.children if child.dep_ == "dobj")]
        for holder in holders:
            for preposition in holder.children:
                if preposition.dep_ != "prep" or preposition.lower_ != "as":
                    continue
                for post in preposition.children:
                    if (
                        post.dep_ == "pobj"
                        and post.pos_ == "NOUN"
                        and post.tag_ == "NN"
                        and (is_title_word(post.text) or is_post_noun(post.text))
                    ):
                        found = _role_of_head(post, root, entity)
                        if found is not None and not found[0].former:
                            return found
    return None


def _conjoined_posts(head: Any, root: Any, entity: Any) -> list[tuple[int, int]]:
    """Where the posts coordinated with a title's head stand ("President and CEO Jane Roe", "Jane Roe, chairman and
    chief executive of Harbor"): a second post the person holds, each read as the parse reads a title of its own
    (``_role_of_head``: its modifiers with it, an organisation, a place or a nationality before it left out, so "former
    Labour minister and now a European Commissioner" gives "Commissioner"). Only nouns that name a person's post in
    WordNet (``is_post_noun``) or title words, singular, none inside the name, none framed as past."""
    inside = {token.i for token in entity}
    spans = []
    for conjunct in (child for child in head.children if child.dep_ == "conj"):
        if (
            conjunct.i in inside
            or conjunct.pos_ not in ("NOUN", "PROPN")
            or conjunct.ent_type_ == "PERSON"
            or conjunct.tag_ in ("NNS", "NNPS")
            or not (is_title_word(conjunct.text) or is_post_noun(conjunct.text))
        ):
            continue
        found = _role_of_head(conjunct, root, entity)
        if found is not None and not found[0].former:
            spans.append(found[1])
    return spans


def _role_of_head(head: Any, root: Any, entity: Any) -> tuple[Role, tuple[int, int]] | None:
    """The role one noun the parse attaches to the name gives (``role_from_parse``) and where its title stands, or None
    when it gives none."""
    title_tokens = [head]
    affiliation_tokens: list[Any] = []
    former = False
    frontier = [head]
    while frontier:
        token = frontier.pop()
        modifiers = list(token.children) + (_sibling_modifiers(head, root) if token is head else [])
        for child in modifiers:
            if child.i > head.i or child.i in {t.i for t in entity}:
                continue
            if child.pos_ == "PRON" or child.dep_ == "det":
                continue  # "her spokesman": a pronoun is no organisation
            if child.dep_ == "poss" or (
                child.ent_type_ in _AFFILIATION_ENTITIES and not _title_words_ending_an_entity(child)
            ):
                affiliation_tokens.extend(child.subtree)
            elif child.dep_ in _TITLE_MODIFIER_DEPS or (token is not head and child in _coordinated(token)):
                # A modifier's conjunct belongs to the post too: "Economic and Fiscal Policy Minister" names one
                # office, which "Fiscal Policy Minister" alone would set against another source's "economy
                # minister". Only a modifier's: the head's conjunct is a second post ("President and CEO").
                if child.lower_.rstrip("-") in FORMER_WORDS:
                    former = True
                    continue
                title_tokens.append(child)
                frontier.append(child)
    # A post named with "of" and the bare noun of what it heads ("chief of staff", "head of security", "director
    # of communications") is read whole: the head alone is another post ("chief"). The organisation may follow.
    function = _function_after(head)
    for child in (function or head).rights:
        if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS:
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
            if objects and (objects[0].pos_ == "PROPN" or objects[0].ent_type_ in _AFFILIATION_ENTITIES):
                affiliation_tokens.extend(
                    token for token in objects[0].subtree if token.dep_ != "det" or token.i != objects[0].left_edge.i
                )
            break
    if any(token.lower_ in FORMER_WORDS for token in head.lefts):
        former = True
    title_tokens.sort(key=lambda token: token.i)
    # The title is the contiguous run ending at its head ("chief financial officer").
    start_index = head.i
    indices = {token.i for token in title_tokens}
    doc = head.doc
    while start_index - 1 in indices or _joins_a_hyphenated_word(doc, start_index - 1, indices):
        start_index -= 2 if start_index - 1 not in indices else 1
    # A run that opens inside a word the title does not hold whole is cut after that word: the parser splits
    # "re-elected" and may hang "elected" (or the hyphen) on the post ("re-elected party chairman Jane Roe").
    while start_index < head.i and _continues_a_word(doc, start_index):
        start_index += 1
    title = doc[start_index : (function or head).i + 1]
    if not title.text.strip() or len(title) > 6 or _relative_to_another(title.text):
        return None
    affiliation = None
    spans = [(title.start_char, title.end_char)]
    if affiliation_tokens:
        affiliation_tokens = [
            t
            for t in affiliation_tokens
            if t.dep_ not in ("case", "punct") and not (t.dep_ == "det" and t.i == min(a.i for a in affiliation_tokens))
        ]
        if affiliation_tokens:
            first, last = min(t.i for t in affiliation_tokens), max(t.i for t in affiliation_tokens)
            affiliation_span = doc[first : last + 1]
            affiliation = affiliation_span.text
            spans.append((affiliation_span.start_char, affiliation_span.end_char))
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    return Role(
        title=title.text,
        affiliation=affiliation,
        start=start,
        end=end,
        former=former,
        prefix_start=title.start_char if title.start_char < entity.start_char else None,
    ), (title.start_char, title.end_char)


def _relative_to_another(title: str) -> bool:
    """Whether a title tells what the person is beside someone else, not a post: "fellow" before another noun ("fellow
    distance runner", "fellow Democrat"; a "research fellow" holds a post)."""
    words = title.casefold().split()
    return len(words) > 1 and words[0] == "fellow"


def _function_after(head: Any) -> Any:
    """The noun of "of" right after a post when it is bare and in lower case, what the post is over ("staff" of "chief
    of staff", "security" of "head of security"): the two are one post. None when "of" introduces an organisation, a
    name or a noun phrase with its article ("director of the agency", "head of Harbor Trust")."""
    doc = head.doc
    if head.i + 2 >= len(doc):
        return None
    preposition, noun = doc[head.i + 1], doc[head.i + 2]
    if not (
        preposition.lower_ == "of"
        and preposition.dep_ == "prep"
        and preposition.head.i == head.i
        and noun.dep_ == "pobj"
        and noun.head.i == preposition.i
        and noun.pos_ == "NOUN"
        and noun.text.isalpha()
        and noun.text.islower()
        and noun.ent_type_ == ""
        and not any(child.dep_ in ("det", "poss", "amod", "compound", "nummod") for child in noun.children)
    ):
        return None
    return noun


def merge_roles(parsed: Role, textual: Role, text: str = "") -> Role:
    """The parse's title and affiliation first, the text patterns' where the parse found none.

    The parse reads any noun attached to the name; the text patterns catch what the small
    parser often splits or mislabels (a rank abbreviation before the name, "Col.").
    """
    if parsed.empty:
        return textual
    if textual.empty:
        return parsed
    starts = [value for value in (parsed.start, textual.start) if value is not None]
    ends = [value for value in (parsed.end, textual.end) if value is not None]
    title = parsed.title or textual.title
    if _runs_on(textual, parsed, text) or _stops_short(textual, parsed):
        # The parser stopped inside a formal title ("Lt" "." "Governor" read as ". Governor"; "Under" of "Treasury
        # Under Secretary" read as a preposition; "Chief" of "Harbor Chief Executive Jane Roe" with "Executive" hung
        # on the name); the text patterns read the whole title before the name.
        title = textual.title
    elif (joint := _joint_title(parsed, textual, text)) is not None:
        title = joint
    affiliation = parsed.affiliation or textual.affiliation
    if title and parsed.affiliation and title != parsed.title and parsed.affiliation in title.split():
        affiliation = textual.affiliation  # the parse's organisation was a word of the title the text patterns read
    if (
        not parsed.affiliation
        and affiliation
        and title
        and re.search(rf"\b(?:and|or|&) {re.escape(affiliation)}\b", title)
    ):
        # The text patterns stop at "and" and read the rest of a coordinated title as its organisation ("Fiscal
        # Policy" of "Economic and Fiscal Policy Minister"); inside the title the parse read whole, it is the post.
        affiliation = None
    return Role(
        title=title,
        affiliation=affiliation,
        start=min(starts) if starts else None,
        end=max(ends) if ends else None,
        former=parsed.former or textual.former,
        prefix_start=(
            textual.prefix_start
            if parsed.prefix_start is None or (title == textual.title and title != parsed.title)
            else parsed.prefix_start
        ),
        further=tuple(dict.fromkeys((*parsed.further, *textual.further, *_title_left_out(textual, title, text)))),
    )


def _title_left_out(textual: Role, title: str | None, text: str) -> tuple[tuple[int, int], ...]:
    """Where the text patterns' title stands when the parse's won and it is another one, current: the post before the
    name beside the parse's appositive ("Harbor Chief Executive Jane Roe, his grandson" read as "grandson")."""
    if not textual.title or textual.former or textual.start is None:
        return ()
    if title and (title in textual.title or textual.title in title):
        return ()  # one post read longer or shorter ("a marathon runner" / "marathon runner"), no other one
    if any(word.key in FORMER_WORDS for word in _words(text[textual.start : textual.end or textual.start])):
        return ()  # "herself a former world finalist": past framing the patterns read no further than the article
    if textual.prefix_start is not None and text[textual.prefix_start :].startswith(textual.title):
        at = textual.prefix_start
    else:
        at = text.find(textual.title, textual.start)
    return ((at, at + len(textual.title)),) if at >= 0 else ()


def _runs_on(textual: Role, parsed: Role, text: str = "") -> bool:
    """Whether the parse's title is the text's formal title cut short: both end before the name, the text's starts
    earlier, and its words before the parse's end in an abbreviation's dot ("Lt" "." "Governor" read as ". Governor")
    or are capitalised inside a sentence ("said Treasury Under Secretary Jane Roe"). Other words before the parse's
    title are the parse's to judge: "under President" is no post, nor a capital a sentence's start gives."""
    if _hyphenated_whole(textual, parsed, text):
        return True
    if not (
        textual.title
        and parsed.title
        and textual.prefix_start is not None
        and parsed.prefix_start is not None
        and textual.prefix_start < parsed.prefix_start
        and textual.end == parsed.end
    ):
        return False
    post = parsed.title.lstrip(" .-")
    if not post or not textual.title.endswith(post):
        return False
    extra = textual.title[: -len(post)].rstrip()
    if parsed.title.lstrip().startswith(".") or extra.endswith("."):
        return True
    before = text[: textual.prefix_start].rstrip()
    inside_a_sentence = bool(before) and before[-1] not in ".!?:;\"\u201c\u2018'\n"
    if extra and all(is_post_modifier(word) for word in extra.split()):
        return True  # a participle or an adjective that names no one, at a sentence's start too ("Sporting director")
    return inside_a_sentence and all(word[:1].isupper() for word in extra.split())


def _stops_short(textual: Role, parsed: Role) -> bool:
    """Whether the parse's title is the start of the text's formal title, which runs on over title words only up to
    the name ("Chief" of "Chief Executive" in "Harbor Chief Executive Jane Roe": the parser hangs "Executive" on the
    name, and the post read would be another one, "chief", which another source's "Chief Financial Officer" covers)."""
    if not (
        textual.title
        and parsed.title
        and textual.prefix_start is not None
        and textual.prefix_start == parsed.prefix_start
        and len(textual.title) > len(parsed.title)
        and textual.title.startswith(parsed.title)
    ):
        return False
    extra = textual.title[len(parsed.title) :]
    return extra[:1].isspace() and all(is_title_word(word) or _capitalised_post(word) for word in extra.split())


def _joint_title(parsed: Role, textual: Role, text: str) -> str | None:
    """The two posts written before the name as one joint title ("said chairman and chief financial officer Jane
    Roe"), when the parse took the first ("chairman") and the text patterns the one right before the name: either
    alone leaves out the post another source may give otherwise ("chairman and chief executive officer")."""
    if not (
        parsed.title
        and textual.title
        and parsed.prefix_start is not None
        and textual.prefix_start is not None
        and parsed.prefix_start < textual.prefix_start
    ):
        return None
    parsed_end = parsed.prefix_start + len(parsed.title)
    if text[parsed.prefix_start : parsed_end] != parsed.title:
        return None
    if text[parsed_end : textual.prefix_start].strip().casefold() not in {"and", "&"}:
        return None
    return text[parsed.prefix_start : textual.prefix_start + len(textual.title)]


def _hyphenated_whole(textual: Role, parsed: Role, text: str) -> bool:
    """Whether the parse's title is one part of a hyphenated word the text's title holds whole ("co" "-" "founder"
    read as "founder", "vice" "-" "chair" as "vice"): the parser splits such words and hangs the parts apart."""
    if not (textual.title and parsed.title and textual.prefix_start is not None and parsed.prefix_start is not None):
        return False
    start, end = parsed.prefix_start, parsed.prefix_start + len(parsed.title)
    if text[start:end] != parsed.title or not (
        textual.prefix_start <= start and end <= textual.prefix_start + len(textual.title)
    ):
        return False
    if len(textual.title) <= len(parsed.title):
        return False
    return (start > 0 and text[start - 1] == "-") or text[end : end + 1] == "-"


def role_of(text: str, start: int, end: int, entity: Any = None) -> Role:
    """The role the text gives the person at ``text[start:end]``: from the parse of ``entity``
    (a spaCy Span over the same text) when there is one, completed by the text patterns."""
    textual = _without_courtesy(find_role(text, start, end), text)
    if entity is None:
        return textual
    parsed = _without_courtesy(_with_title_in_name(text, role_from_parse(entity), entity.start_char, end), text)
    return _with_its_participle(merge_roles(parsed, textual, text), text, entity)


def _with_its_participle(role: Role, text: str, entity: Any) -> Role:
    """A title before the name with the participle that opens its noun phrase ("prosecuting counsel", "presiding
    judge"), which the small parser often reads as a verb of its own and leaves out: the participle says which post
    ("counsel" alone may be either side's). Only a lower-case participle that starts the phrase (after a determiner,
    a punctuation mark or nothing) and does no preposition's work, so "after meeting chief executive Jane Roe" and
    "Tories, including leader Jane Roe" keep "chief executive" and "leader"."""
    if role.title is None or role.end is None or role.end > entity.start_char:
        return role
    title_start = role.end - len(role.title)
    if title_start < 0 or text[title_start : role.end] != role.title:
        return role
    doc = entity.doc
    before = next((token for token in doc if token.idx + len(token) + 1 == title_start), None)
    if (
        before is None
        or text[before.idx + len(before) : title_start] != " "
        or before.tag_ != "VBG"
        or before.dep_ == "prep"  # "including leader Jane Roe", "following coach Jane Roe": a preposition's work
        or not (before.text.isalpha() and before.text.islower())
        or (before.i > 0 and not (doc[before.i - 1].is_punct or doc[before.i - 1].dep_ == "det"))
    ):
        return role
    return replace(
        role,
        title=f"{before.text} {role.title}",
        start=min(before.idx, role.start if role.start is not None else before.idx),
        prefix_start=before.idx if role.prefix_start is not None else role.prefix_start,
    )


# A post, then a courtesy right before the name: "London mayor Mr Roe", "Harbor chief executive Ms Jane Roe".
_POST_THEN_COURTESY = re.compile(r"(?P<post>.*[^\W\d_])\s+(?P<courtesy>[^\W\d_]+\.?)")


def _without_courtesy(role: Role, text: str) -> Role:
    """The role with a courtesy ("Mr", "Ms", "Dr") the title read before the name left off: "mayor Mr" for "London
    mayor Mr Roe" is the post "mayor" (news style that writes a surname after a courtesy writes the post before
    both). A title that is a courtesy alone is none. Only a courtesy that ends the title where the text writes it,
    joined to the post by a space ("chief executive. Mr Roe" is a sentence's end and a name), after a word that names
    a post ("Even Mr Roe" is no post)."""
    if role.title is None or role.end is None or text[role.end - len(role.title) : role.end] != role.title:
        return role
    words = role.title.split()
    if not words or not is_honorific(words[-1]):
        return role
    match = _POST_THEN_COURTESY.fullmatch(role.title)
    if match is None:
        if len(words) > 1:
            return role
        # A courtesy alone: no title; an organisation read before it stays ("Harbor" of "Harbor Mr Roe").
        end = len(text[: role.end - len(role.title)].rstrip())
        if role.affiliation is None or role.start is None or role.start >= end:
            return Role(former=role.former)
        return replace(role, title=None, end=end)
    post = match.group("post")
    if not (is_title_word(post.split()[-1]) or is_post_noun(post.split()[-1])):
        return role  # "Even Mr Roe", "But Mr Roe": a sentence's first word, no post
    return replace(role, title=post, end=role.end - len(role.title) + len(post))


def _with_title_in_name(text: str, parsed: Role, entity_start: int, name_end: int) -> Role:
    """The parse's title run on into the title words the NER put at the start of the name.

    "Harbor Sheriff Deputy Jane Roe" with the entity "Deputy Jane Roe": the parse sees "Sheriff" before the
    entity, but the title is "Sheriff Deputy", a deputy's post; read alone, "Sheriff" would be a second
    post beside another source's "Deputy Sheriff".
    """
    if parsed.title is None or parsed.end is None or parsed.prefix_start is None or parsed.end > entity_start:
        return parsed
    if text[parsed.end : entity_start].strip():
        return parsed
    words = list(re.finditer(r"\S+", text[entity_start:name_end]))
    inside = []
    for word in words[:-1]:  # the last word is the name itself
        if not is_title_word(word.group()):
            break
        inside.append(word)
    if not inside:
        return parsed
    end = entity_start + inside[-1].end()
    return Role(
        title=text[parsed.prefix_start : end],
        affiliation=parsed.affiliation,
        start=parsed.start,
        end=max(parsed.end, end),
        former=parsed.former,
        prefix_start=parsed.prefix_start,
        further=parsed.further,
    )
