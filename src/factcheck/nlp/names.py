"""Person-name matching: strip titles and ranks, compare name forms, resolve bare surnames."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from factcheck.words import words_in

# Rank and honorific abbreviations and their long forms. Matching is on casefolded words
# with the trailing dot removed, so "Gen." and "Gen" both fold to "general".
TITLE_ABBREVIATIONS: dict[str, str] = {
    "dr": "doctor",
    "prof": "professor",
    "mr": "mister",
    "mrs": "missus",
    "ms": "ms",
    "mx": "mx",
    "gen": "general",
    "lt": "lieutenant",
    "lieut": "lieutenant",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "cpt": "captain",
    "brig": "brigadier",
    "adm": "admiral",
    "cmdr": "commander",
    "cdr": "commander",
    "sgt": "sergeant",
    "cpl": "corporal",
    "pvt": "private",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pres": "president",
    "amb": "ambassador",
    "supt": "superintendent",
    "insp": "inspector",
    "rev": "reverend",
    "fr": "father",
    "sr": "senior",
    "jr": "junior",
    "st": "saint",
    "hon": "honourable",
    "dep": "deputy",
    "asst": "assistant",
    "vp": "vice president",
    "pm": "prime minister",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
}

# Honorifics say nothing about a role: "Dr." never conflicts with "senior fellow" (long forms,
# after abbreviation folding).
HONORIFICS = frozenset(
    {"doctor", "mister", "missus", "ms", "mx", "miss", "sir", "dame", "madam", "honourable", "honorable", "reverend"}
)
# Military and police ranks: two different ranks of one person conflict, whatever else the text says.
RANKS = frozenset(
    {
        "general",
        "lieutenant",
        "colonel",
        "major",
        "captain",
        "brigadier",
        "admiral",
        "commander",
        "sergeant",
        "corporal",
        "private",
        "marshal",
        "commodore",
        "ensign",
    }
)

# Words that may precede a name as a title, role or rank (casefolded, after abbreviation folding).
_TITLE_WORDS = (
    HONORIFICS
    | RANKS
    | frozenset(
        {
            "professor",
            "lord",
            "lady",
            "officer",
            "chief",
            "master",
            "governor",
            "senator",
            "representative",
            "congressman",
            "congresswoman",
            "president",
            "vice",
            "prime",
            "minister",
            "secretary",
            "deputy",
            "assistant",
            "ambassador",
            "chancellor",
            "premier",
            "mayor",
            "king",
            "queen",
            "prince",
            "princess",
            "emperor",
            "pope",
            "bishop",
            "cardinal",
            "reverend",
            "father",
            "sister",
            "brother",
            "rabbi",
            "imam",
            "sheikh",
            "judge",
            "justice",
            "attorney",
            "inspector",
            "superintendent",
            "detective",
            "constable",
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "director",
            "executive",
            "chair",
            "chairman",
            "chairwoman",
            "chairperson",
            "founder",
            "co-founder",
            "leader",
            "supreme",
            "honourable",
            "honorable",
            "the",
            "former",
            "acting",
            "retired",
            "ret",
            "us",
            "u.s",
            "u.s.",
            "uk",
            "usa",
            "usaf",
            "ussf",
            "usn",
            "usmc",
            "army",
            "navy",
            "air",
            "force",
            "space",
            "marine",
            "marines",
            "corps",
            "coast",
            "guard",
            "national",
            "analyst",
            "expert",
            "senior",
            "junior",
            "fellow",
            "researcher",
            "scientist",
            "economist",
            "author",
            "journalist",
            "reporter",
            "editor",
            "said",
            "says",
            "told",
            "by",
            "according",
            "to",
            "dr.",
            "mr.",
            "ms.",
            "mrs.",
            "prof.",
        }
    )
)

# Tokens that may follow a name and are not part of it.
_SUFFIX_WORDS = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "mbe", "kbe", "ret", "retd"})

# Lower-case particles that belong to a surname ("Ludwig van Beethoven", "Charles de Gaulle").
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "bin", "al", "el", "ter", "ten"}
)

_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019.-]*[^\W\d_])?\.?", re.UNICODE)
# Tokenised sources space the joins inside a name off ("Dominique Strauss - Kahn", "Tip O \u2019 Neill"): a hyphen or
# an apostrophe between a letter and a capital, spaced on either side, joins one name word.
_SPACED_JOIN = re.compile(r"(?<=[^\W\d_])(?: ([-'\u2019]) ?| ?([-'\u2019]) )(?=[^\W\d_a-z])")


def _fold(text: str) -> str:
    """Casefold and strip accents: "Émile" and "emile" compare equal."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.casefold().replace("\u2019", "'")


def fold_title_word(word: str) -> str:
    """One title word in its long form: "Gen." -> "general", "Col" -> "colonel"."""
    bare = _fold(word).strip(".,;:")
    return TITLE_ABBREVIATIONS.get(bare.replace(".", ""), bare)


# Words that say a man or a woman when the text writes them right before a person's name ("Mr Roe", "Ms Jane Roe",
# "spokeswoman Jane Roe", "his wife Jane Roe") or gives them as the person's title. Honorifics (after abbreviation
# folding), titles of nobility and kin words only: "-man" posts ("chairman") are also written of women, and
# "Dr." or "Rev." say neither. The honorifics and titles of nobility are written with a capital before a name.
_MALE_HONORIFICS = frozenset({"mister", "sir", "lord", "king", "prince", "duke", "baron", "earl", "monsieur", "herr"})
_FEMALE_HONORIFICS = frozenset(
    {
        "missus",
        "ms",
        "miss",
        "mrs",
        "madam",
        "madame",
        "mme",
        "dame",
        "lady",
        "queen",
        "princess",
        "duchess",
        "baroness",
    }
    | {"countess", "frau"}
)
GENDERED_HONORIFICS = _MALE_HONORIFICS | _FEMALE_HONORIFICS
_MALE_WORDS = _MALE_HONORIFICS | {
    "husband",
    "father",
    "son",
    "brother",
    "uncle",
    "nephew",
    "grandfather",
    "grandson",
    "boyfriend",
    "widower",
    "man",
    "boy",
}
_FEMALE_WORDS = _FEMALE_HONORIFICS | {
    "wife",
    "mother",
    "daughter",
    "sister",
    "aunt",
    "niece",
    "grandmother",
    "granddaughter",
    "girlfriend",
    "widow",
    "woman",
    "girl",
    "actress",
    "heiress",
}


def gender_of_word(word: str) -> str | None:
    """ "male" or "female" when the word says a man or a woman ("Mr", "Lady", "widow", "spokeswoman"), else None."""
    folded = fold_title_word(word)
    if folded in _MALE_WORDS:
        return "male"
    if folded in _FEMALE_WORDS or folded.endswith("woman"):  # "spokeswoman", "chairwoman", "businesswoman"
        return "female"
    return None


def gender_in_text(text: str, name: str, *, title: str | None = None, namesakes: int = 1) -> str | None:
    """ "male" or "female" when the text says which of a person it names: an honorific or a gendered noun right before
    the person's surname ("Mr Roe", "Ms Jane Roe", "his wife Jane Roe"), or the title the text gives the person
    (``title``: "Jane Roe, a spokeswoman"); None when it says neither, or both. A given name is never read as a sign:
    Jane, Sam or Ali may be anyone.

    A mention with given names other than the person's ("Ms Jan Roe" for Sam Roe) is another person, and a bare "Mrs
    Roe" says nothing of Sam Roe when the text names ``namesakes`` (more than one) persons of that surname.
    """
    words = name.split()
    if not words or not text:
        return None
    surname, given = words[-1], {word.casefold() for word in words[:-1]}
    found: set[str] = set()
    if title:
        # The title's head: its last word before "of" ("widow of Sam Ito", "mother-of-nine"), not a word about someone
        # else ("Sam Ito's son's lawyer").
        head = re.split(r"\b(?:of|for|at|to|with)\b", title.casefold())[0]
        words_of_title = words_in(head)
        if words_of_title and (gender := gender_of_word(words_of_title[-1])) is not None:
            found.add(gender)
    for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
        # The words right before on its line, up to the first that is neither a given name nor an initial; a comma or
        # a clause between ("Asked about his wife, Sam Roe said") ties no word to the name, nor does a headline's last
        # word on the line above.
        before = text[max(0, match.start() - 80) : match.start()].rsplit("\n", 1)[-1].split()
        names_between: list[str] = []
        for index in range(len(before) - 1, max(-1, len(before) - 5), -1):
            word = before[index]
            if not re.fullmatch(r"[^\W\d_][\w'\u2019-]*\.?", word):
                break
            gender = gender_of_word(word)
            if gender is not None and fold_title_word(word) in GENDERED_HONORIFICS and not word[:1].isupper():
                break  # "fans will miss Sam Ito": an honorific is written with a capital
            if gender is not None and word[:1].isupper() and fold_title_word(word) not in GENDERED_HONORIFICS:
                # A kin noun or "-woman" post with a capital starts its sentence ("Spokeswoman Jo Roe said"), else it
                # is part of a name ("Big Brother").
                if index > 0 and not re.search(r"[.!?:\"'\u201d\u2019]$", before[index - 1]):
                    break
            if gender is not None:
                mention_given = {w.casefold().rstrip(".") for w in names_between}
                initials = {w[:1] for w in given}
                other_person = any(w not in given and w not in initials for w in mention_given)
                if not other_person and (names_between or namesakes <= 1):
                    found.add(gender)
                break
            if len(names_between) == 2 or not word[:1].isupper():
                break
            names_between.append(word)
    return next(iter(found)) if len(found) == 1 else None


# Tokenised sources space a hyphen off inside a title ("Vice - President", "vice- chair"): between two letters it
# joins one word, as "vice-president" does, not a word of its own.
_SPACED_HYPHEN = re.compile(r"(?<=[^\W\d_])(?: - ?| ?- )(?=[^\W\d_])")


def normalise_title(title: str | None) -> str:
    """A title or rank with abbreviations expanded and case/articles folded.

    "Lt. Gen." -> "lieutenant general"; "the Senior Fellow" -> "senior fellow".
    """
    if not title:
        return ""
    title = _SPACED_HYPHEN.sub("-", title)
    words = [fold_title_word(word) for word in re.findall(r"[\w.'\u2019-]+", title)]
    words = [word for word in words if word and word not in {"the", "a", "an"}]
    return " ".join(words)


def role_words(title: str | None) -> list[str]:
    """The words of a title that say what a person does: long forms, honorifics and articles dropped.

    "Dr." -> []; "the CEO" -> ["chief", "executive", "officer"]; "Lt. Gen." -> ["lieutenant", "general"];
    "cross-country champion" -> ["cross", "country", "champion"] (a hyphen is a spelling, not another word).
    """
    words = normalise_title(title).split()
    parts = [part for word in words for part in (word.split("-") if "-" in word.strip("-") else [word])]
    return [word for word in parts if word and word not in HONORIFICS]


def is_honorific(word: str) -> bool:
    """ "Dr.", "Mr", "Ms." and their long forms: a courtesy, no role."""
    return fold_title_word(word) in HONORIFICS


@dataclass(frozen=True)
class PersonName:
    """A person's name without titles: given name, middle names or initials, surname."""

    first: str | None
    middles: tuple[str, ...]
    last: str
    tokens: tuple[str, ...]  # the name tokens in text order, casefolded, dots removed

    @property
    def is_single(self) -> bool:
        return len(self.tokens) == 1

    @property
    def middle_initials(self) -> tuple[str, ...]:
        return tuple(middle[0] for middle in self.middles)

    @classmethod
    # Checks ask about the same few hundred names thousands of times; the result is frozen.
    @functools.lru_cache(maxsize=1 << 16)
    def parse(cls, text: str) -> "PersonName | None":
        """Parse a name, dropping leading titles/ranks/service prefixes and trailing suffixes.

        Returns None when nothing name-like is left ("the spokesperson").
        """
        text = _SPACED_JOIN.sub(lambda join: join.group(1) or join.group(2), text)
        raw = [match.group(0) for match in _WORD.finditer(text.replace(",", " , "))]
        words = [word for word in raw]
        # Strip leading titles, honorifics and service prefixes ("USSF Col.", "Lt. Gen.").
        while words and _is_title_token(words[0]):
            words.pop(0)
        # Cut at a comma or possessive tail ("Raymond, the chief"), keep the name before it.
        trimmed: list[str] = []
        for word in words:
            if word == ",":
                break
            trimmed.append(word)
        words = trimmed
        while words and _fold(words[-1]).replace(".", "") in _SUFFIX_WORDS:
            words.pop()
        # A lower-case word that is not a particle ends the name ("Chen said").
        name_words: list[str] = []
        for word in words:
            if word[:1].islower() and _fold(word) not in _PARTICLES:
                break
            name_words.append(word)
        tokens = tuple(re.sub(r"'s$", "", _fold(word)).replace(".", "") for word in name_words)
        tokens = tuple(token for token in tokens if token)
        if not tokens:
            return None
        if len(tokens) == 1:
            return cls(first=None, middles=(), last=tokens[0], tokens=tokens)
        # Surname particles join the surname ("de gaulle").
        last_start = len(tokens) - 1
        while last_start > 1 and tokens[last_start - 1] in _PARTICLES:
            last_start -= 1
        last = " ".join(tokens[last_start:])
        return cls(first=tokens[0], middles=tokens[1:last_start], last=last, tokens=tokens)


def _is_title_token(word: str) -> bool:
    folded = _fold(word)
    bare = folded.rstrip(".").replace(".", "")
    if bare in _NAME_LIKE_ABBREVIATIONS and not word.endswith("."):
        # "Gen Nakatani" is a given name; "Gen. Raymond" is a rank.
        return folded in _TITLE_WORDS
    return folded in _TITLE_WORDS or fold_title_word(word) in _TITLE_WORDS


# Abbreviations that are also common given names or surnames when written without a dot.
_NAME_LIKE_ABBREVIATIONS = frozenset({"rev", "fr", "sr", "jr", "st", "col", "sen", "gen", "rep", "hon", "dep", "pm"})


def _alias_index(aliases: Mapping[str, str] | None) -> dict[str, str]:
    return {name_key(alias): canonical for alias, canonical in (aliases or {}).items() if name_key(alias)}


@functools.lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """A stable key for a person: "given surname", casefolded, titles and middles dropped.

    "Dr. Emily Chen" -> "emily chen"; "Gen. John W. Raymond" -> "john raymond"; "Chen" -> "chen".
    """
    parsed = PersonName.parse(name)
    if parsed is None:
        return ""
    if parsed.first is None:
        return parsed.last
    return f"{parsed.first} {parsed.last}"


def _canonical(name: str, aliases: dict[str, str]) -> PersonName | None:
    key = name_key(name)
    if key in aliases:
        return PersonName.parse(aliases[key])
    return PersonName.parse(name)


# Given names this long that differ in one letter are one name spelt two ways ("Karolos" / "Carolos",
# a transliteration); shorter ones may be two names ("Andrea" / "Andrew").
_VARIANT_LENGTH = 7


# English given names and the short forms people go by ("Bill" for "William", "Liz" for "Elizabeth"): one
# person named both ways across sources is one person. General naming convention, like the honorifics:
# short form -> the full names it stands for.
_SHORT_FORMS: dict[str, frozenset[str]] = {
    short: frozenset(full.split())
    for shorts, full in (
        ("bill billy will willie", "william"),
        ("bob bobby rob robbie", "robert"),
        ("jim jimmy jamie", "james"),
        ("mike mikey mick mickey", "michael"),
        ("tom tommy", "thomas"),
        ("dick rick ricky rich richie", "richard"),
        ("joe joey", "joseph"),
        ("dave davey", "david"),
        ("chris", "christopher christine christina"),
        ("tony", "anthony antonio"),
        ("steve", "steven stephen"),
        ("dan danny", "daniel"),
        ("ed eddie ted teddy ned", "edward"),
        ("ben benny", "benjamin"),
        ("sam sammy", "samuel samantha"),
        ("nick nicky", "nicholas nicolas"),
        ("matt", "matthew"),
        ("pat", "patrick patricia"),
        ("kate katie kathy cathy", "katherine catherine kathleen"),
        ("liz lizzie beth betty", "elizabeth"),
        ("peggy maggie meg", "margaret"),
        ("jenny jen", "jennifer"),
        ("sue susie", "susan suzanne"),
        ("alex", "alexander alexandra"),
        ("andy drew", "andrew"),
        ("greg", "gregory"),
        ("jeff", "jeffrey jeffery"),
        ("jerry", "gerald jerome"),
        ("larry", "lawrence laurence"),
        ("ron ronnie", "ronald"),
        ("don donnie", "donald"),
        ("tim timmy", "timothy"),
        ("fred freddie", "frederick"),
        ("charlie chuck", "charles"),
        ("hank harry", "henry"),
        ("jack johnny", "john"),
        ("ken kenny", "kenneth"),
        ("ray", "raymond"),
        ("walt", "walter"),
        ("phil", "philip phillip"),
        ("vince", "vincent"),
        ("frank", "francis franklin"),
        ("doug", "douglas"),
        ("stan", "stanley"),
        ("nate", "nathan nathaniel"),
        ("jon", "jonathan"),
        ("debbie deb", "deborah"),
        ("becky", "rebecca"),
        ("vicky", "victoria"),
    )
    for short in shorts.split()
}


def _given_agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if a in _SHORT_FORMS.get(b, ()) or b in _SHORT_FORMS.get(a, ()):
        return True  # "Bill" / "William"
    if min(len(a), len(b)) >= _VARIANT_LENGTH and _one_edit_apart(a, b):
        return True
    if min(len(a), len(b)) >= _TRANSLITERATED_LENGTH and _transliterated(a, b):
        return True
    if min(len(a), len(b)) >= _LONG_VARIANT_LENGTH and _transliterated(a, b, other_letters=1):
        return True
    # An initial agrees with a full given name that starts with it ("J. Raymond", "John Raymond").
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


# Letters that transliterations of one name swap ("Heidar" / "Heydar", "Erica" / "Erika"): shorter given names
# one such swap apart are one name too, where another letter would make another name ("Andrea" / "Andrew").
_TRANSLITERATED_LENGTH = 5
_SWAPPED_LETTERS = frozenset({frozenset("iy"), frozenset("ck")})


# Long given names one transliteration swap and one other letter apart are one name spelt two ways too ("Gulnazira" /
# "Kulnazyra"): a transliterated name often differs in two places, each as common as the other alone. Eight letters
# or more: shorter names a swap and a letter apart are often two names ("Carly" / "Karla").
_LONG_VARIANT_LENGTH = 8


def _transliterated(a: str, b: str, other_letters: int = 0) -> bool:
    """One letter apart, the letter one a transliteration swaps for the other; with ``other_letters``, up to that many
    more letters may differ beside the swap, in any way or as another swap."""
    if len(a) != len(b):
        return False
    differing = [frozenset((x, y)) for x, y in zip(a, b) if x != y]
    return 1 <= len(differing) <= 1 + other_letters and any(pair in _SWAPPED_LETTERS for pair in differing)


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    shorter, longer = sorted((a, b), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def _middles_agree(a: PersonName, b: PersonName) -> bool:
    # Only contradicting middles separate two people; a missing middle is not a contradiction.
    for left, right in zip(a.middles, b.middles):
        if not _given_agree(left, right):
            return False
    return True


def _goes_by_middle_name(a: PersonName, b: PersonName) -> bool:
    """A leading initial before the name a person goes by: "W. Mark Felt" is "Mark Felt"."""
    for initialled, plain in ((a, b), (b, a)):
        if (
            initialled.first
            and len(initialled.first) == 1
            and initialled.middles
            and plain.first
            and len(initialled.middles[0]) > 1
            and initialled.middles[0] == plain.first
        ):
            return all(_given_agree(x, y) for x, y in zip(initialled.middles[1:], plain.middles))
    return False


def _ends_with_full_name(a: PersonName, b: PersonName) -> bool:
    """A capitalised word the title list does not know before a full name: "Comedian Ellen DeGeneres"."""
    for longer, shorter in ((a, b), (b, a)):
        if (
            len(shorter.tokens) >= 2
            and len(longer.tokens) == len(shorter.tokens) + 1
            and longer.tokens[1:] == shorter.tokens
        ):
            return True
    return False


def same_person(a: str, b: str, aliases: Mapping[str, str] | None = None) -> bool:
    """Whether two full name forms name the same person.

    Titles, ranks and middle initials are ignored when absent on one side; initials agree
    with names they abbreviate; a short form agrees with the given name it stands for ("Bill" /
    "William"); given names of seven letters or more one letter apart are one
    name spelt two ways ("Karolos" / "Carolos"), and of five or more one "i"/"y" or "c"/"k" apart
    ("Heidar" / "Heydar"), and of eight or more one such swap and one other letter apart
    ("Gulnazira" / "Kulnazyra"); a leading initial before the name a person goes by is
    dropped ("W. Mark Felt" is "Mark Felt"). A bare surname never matches here (use ``resolve_mention``).
    Two two-word names with the same words in either order match ("Ishiba Shigeru",
    "Shigeru Ishiba"). ``aliases`` maps alias forms to canonical names ("Jay Raymond" ->
    "John Raymond").
    """
    index = _alias_index(aliases)
    left, right = _canonical(a, index), _canonical(b, index)
    if left is None or right is None or left.is_single or right.is_single:
        return False
    if left.last == right.last and left.first and right.first and _given_agree(left.first, right.first):
        return _middles_agree(left, right)
    if left.last == right.last and _goes_by_middle_name(left, right):
        return True
    if left.last == right.last and _ends_with_full_name(left, right):
        return True
    # Family-name-first order: the same two full words, swapped.
    if len(left.tokens) == len(right.tokens) == 2 and min(len(t) for t in left.tokens + right.tokens) > 1:
        return sorted(left.tokens) == sorted(right.tokens)
    return False


def resolve_mention(
    mention: str, known_full_names: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str | None:
    """The one known full name a mention refers to, or None when unknown or ambiguous.

    A bare surname ("Chen") resolves only when exactly one person among the names already
    mentioned in full has that surname; a full name resolves to the known form of the same
    person. Pass the full names seen *before* the mention to respect "after a full mention".
    """
    parsed = PersonName.parse(mention)
    if parsed is None:
        return None
    known = sorted(set(known_full_names))
    if not parsed.is_single:
        for candidate in known:
            if same_person(mention, candidate, aliases):
                return candidate
        return None
    matches: dict[str, str] = {}
    for candidate in known:
        full = PersonName.parse(candidate)
        if full is None or full.is_single:
            continue
        surnames = {full.last}
        if len(full.tokens) == 2:
            surnames.add(full.tokens[0])  # family-name-first order ("Ishiba Shigeru")
        if parsed.last in surnames:
            matches.setdefault(name_key(candidate), candidate)
    return next(iter(matches.values())) if len(matches) == 1 else None
