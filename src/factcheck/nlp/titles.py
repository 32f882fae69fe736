"""Titles compared: when two titles of one person cannot both be current, and which spans are no title.

Open-class: no list of offices. Role words come from factcheck.nlp.names (abbreviations
expanded, honorifics dropped); two titles differ as ranks, as two posts of one kind (the same
head noun with another modifier) or as two role nouns, which the attribution check weighs.
Which two role nouns are one role and which are two offices is WordNet's knowledge
(factcheck.nlp.lexicon), never a list of ours.
"""

from __future__ import annotations

import functools
import re

from factcheck.nlp.names import RANKS, PersonName, fold_title_word, is_honorific, role_words
from factcheck.nlp.roles import FORMER_WORDS, is_post_modifier, is_title_word

# Framing that makes a role a past one or one being left: the extraction side's one list.
_FORMER = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, FORMER_WORDS))) + r")\b", re.I)


def framed_as_former(*texts: str | None) -> bool:
    """Whether any of the texts marks a role as past or being left ("former chief", "ex-minister", "outgoing host")."""
    return any(text and _FORMER.search(text) for text in texts)


# Framing that makes a post one being taken up, held for the time being or about to be left: "President-elect",
# "CEO-designate", "incoming", "acting" and "interim" (held beside the person's own post), "newly" named, "the current
# chief operating officer" (said of a post about to change). Another source may give the person's other post, the
# one held before, after or beside it.
_TRANSITION_WORDS = frozenset(
    "elect designate incoming acting interim caretaker newly current currently future soon-to-be".split()
)
_IN_TRANSITION = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _TRANSITION_WORDS))) + r")\b", re.I)


def framed_in_transition(*texts: str | None) -> bool:
    """Whether any of the texts marks a post as being taken up, held for the time being or about to change."""
    return any(text and _IN_TRANSITION.search(text) for text in texts)


def stem(word: str) -> str:
    """The word's stem as the alignment computes it (imported late: factcheck.nlp.align is heavier)."""
    from factcheck.nlp.align import stem as align_stem

    return align_stem(word)


# "junior X minister": one of several posts in the department X, whose holder another source names by the brief
# ("junior transport minister" / "rail minister"); two junior posts, or two plain ones, stay two posts.
_JUNIOR = "junior"


def _a_formal_brief_and_a_plain_one(formal: str, plain: str) -> bool:
    """Whether ``formal`` is a post written as a formal title with its brief in capitals ("Home Office Minister",
    "Constitutional Affairs Minister") and ``plain`` the same head with a brief in plain lower-case words that are no
    title words ("immigration minister", "courts minister"): one outlet's name for the office, the other's for what
    the minister does in it, which may be a part of it. Two formal briefs ("Trade Minister" / "Finance Minister") and
    two plain ones stay two posts."""
    formal_words, plain_words = formal.split(), plain.split()
    if len(formal_words) < 2 or len(plain_words) < 2:
        return False
    formal_brief, plain_brief = formal_words[:-1], plain_words[:-1]
    return (
        all(word[:1].isupper() for word in formal_brief)
        and all(word.islower() and word.isalpha() and not is_title_word(word) for word in plain_brief)
        and not any(is_title_word(word.casefold()) for word in formal_brief)
    )


def _junior_post_and_its_brief(junior: str, other: str) -> bool:
    """Whether ``junior`` is a junior post named by its department ("Junior transport minister") and ``other`` the
    same head named by a brief that is no title word ("rail minister"; "prime" or "foreign" minister is a senior
    post, another one)."""
    junior_words, other_words = role_words(junior), role_words(other)
    if _JUNIOR not in junior_words or _JUNIOR in other_words:
        return False
    department = [word for word in junior_words[:-1] if word != _JUNIOR]
    brief = other_words[:-1]
    return bool(department and brief) and not any(is_title_word(word) for word in brief)


# English nouns that name whoever leads something, without naming the post: "the agency's head",
# "chief", "leader", "boss". Two of them for one person name one post.
_LEADER_STEMS = frozenset({"head", "chief", "leader", "boss"})


# Checks ask about the same few hundred titles many times over (every pair of one person's values).
@functools.lru_cache(maxsize=1 << 16)
def title_conflict_kind(a: str | None, b: str | None) -> str | None:
    """How two titles of one person differ: "rank", "modifier", "role", or None when one covers the other.

    Open-class: no list of offices. Honorifics never count; a title that is part of the
    other ("Professor" / "Professor of Law", "Gen." / "Lieutenant General" with the rank
    agreeing) or the other's abbreviation (CEO / chief executive officer) is the same title.
    Otherwise: two different military ranks -> "rank"; the same head noun with different
    modifiers ("chief executive officer" / "chief financial officer", "head coach" /
    "assistant coach": two posts of one kind, which one person does not hold at once) ->
    "modifier", and so is a post and its second ("president" / "vice president", "sheriff" /
    "undersheriff", "coach" / "assistant coach"); different head nouns ("actress" / "star", "coach" / "general manager") ->
    "role", which is a conflict only where the context shows it (see the check).
    """
    if not a or not b:
        return None
    for joined, other in ((a, b), (b, a)):
        # "composer-conductor": two roles held at once, each compared alone; either agreeing, the titles agree.
        readings = _two_roles_joined(joined)
        if readings and any(title_conflict_kind(reading, other) is None for reading in readings):
            return None
    left, right = _post_words(a), _post_words(b)
    if not left or not right:
        return None
    if left[-1] != right[-1]:  # "Attorney General" / "Solicitor General" stay two offices of one kind
        left, right = _office_first(a, left), _office_first(b, right)
    left, right = _with_the_others_head(left, right), _with_the_others_head(right, left)
    if (
        _second_in_command(left, right)
        or _second_in_command(right, left)
        or _chief_of_its_kind(left, right)
        or _chief_of_its_kind(right, left)
    ):
        return "modifier"
    left_stems, right_stems = [stem(word) for word in left], [stem(word) for word in right]
    if _covers(left_stems, right_stems) or _covers(right_stems, left_stems):
        return None
    left_ranks, right_ranks = _ranks(a, left), _ranks(b, right)
    if left_ranks and right_ranks:
        # "Gen." for "Brigadier General" is the rank's short form, whatever other word the longer title has.
        shorter, longer = sorted((set(left_ranks), set(right_ranks)), key=len)
        return None if shorter <= longer and not _two_named_grades(left, right) else "rank"
    if left_stems[-1] == right_stems[-1]:
        if _junior_post_and_its_brief(a, b) or _junior_post_and_its_brief(b, a):
            return None
        if _a_formal_brief_and_a_plain_one(a, b) or _a_formal_brief_and_a_plain_one(b, a):
            return None
        if _modifiers_one_sense(left, right) or _a_person_described_two_ways(left, right):
            return None
        if _a_share_beside_what_is_held(a, left, right) or _a_share_beside_what_is_held(b, right, left):
            return None
        if _only_describes(left, right) or _only_describes(right, left):
            return None
        return "modifier"
    if left_stems[-1] in _LEADER_STEMS and right_stems[-1] in _LEADER_STEMS:
        return None  # "IMF head" / "IMF chief": one post named with two words for its holder
    return "role"


def _named_grade(words: list[str]) -> tuple[str, int] | None:
    """WordNet's first person sense of the longest run of two or more last words of a title it knows whole ("vice
    admiral", "staff sergeant"), or None."""
    from factcheck.nlp import lexicon

    for start in range(len(words) - 1):
        senses = lexicon.senses(" ".join(words[start:]), "n")
        if senses and lexicon.synset(senses[0]).lexicographer_file == lexicon.PERSON_FIELD:
            return senses[0]
    return None


def _two_named_grades(left: list[str], right: list[str]) -> bool:
    """Whether two titles of one rank word are two grades WordNet names whole ("vice admiral" / "rear admiral",
    "staff sergeant" / "sergeant major"): their rank words agree, the grades do not. A bare rank ("Admiral") is the
    short form of any grade of it."""
    left_grade, right_grade = _named_grade(left), _named_grade(right)
    return left_grade is not None and right_grade is not None and left_grade != right_grade


def _with_the_others_head(post: list[str], other: list[str]) -> list[str]:
    """The post written out with the other title's head noun when English leaves that noun out and WordNet knows the
    whole as a person's title: "chief executive" is the "chief executive officer" another source's "chief financial
    officer" is compared with, two posts of one kind."""
    from factcheck.nlp import lexicon

    if len(post) < 2 or post[-1] == other[-1] or other[-1] in post:
        return post
    for start in range(len(post) - 1):  # the longest run of last words WordNet knows so ("harbor chief executive")
        known = lexicon.senses(" ".join([*post[start:], other[-1]]), "n")
        if any(lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD for key in known):
            return [*post, other[-1]]
    return post


def held_together(a: str, b: str, joint: str) -> bool:
    """Whether a third title gives the person both posts at once ("chairman and chief executive" for "chairman" and
    "chief executive"): then the two co-exist, whatever each is. Every post word of either is in the joint title
    (a word and its derived or other spelling counting as one), and the joint title is neither of them."""
    left, right, both = _post_words(a), _post_words(b), _post_words(joint)
    if not (left and right and both):
        return False
    left_stems, right_stems, joint_stems = ([stem(word) for word in words] for words in (left, right, both))
    return (
        _covers(left_stems, joint_stems)
        and _covers(right_stems, joint_stems)
        and not _covers(joint_stems, left_stems)
        and not _covers(joint_stems, right_stems)
    )


def _modifiers_one_sense(left: list[str], right: list[str]) -> bool:
    """Whether the words two posts of one head differ by are one sense to WordNet, word for word: synonyms ("oil" /
    "petroleum minister") or one word's derived form ("hip-hop" / "rap star"). One post named two ways, where other
    words ("chief executive" / "chief financial", "foreign" / "home minister") name two posts."""
    from factcheck.nlp import lexicon

    left_only = [word for word in left[:-1] if word not in right]
    right_only = [word for word in right[:-1] if word not in left]
    if not left_only or not right_only:
        return False
    one_sense = (lexicon.Relation.SYNONYM, lexicon.Relation.DERIVED)
    if len(left_only) == len(right_only) and all(
        lexicon.word_relation(a, b) in one_sense for a, b in zip(left_only, right_only, strict=True)
    ):
        return True
    # Role words split a hyphenated modifier ("hip-hop"): WordNet knows it whole.
    return lexicon.word_relation("-".join(left_only), "-".join(right_only)) in one_sense


# WordNet's words for whom a person is to others or for an audience, not a post in an organisation: a relative, a
# friend, a companion, a lover, an entertainer. Words before them describe the person ("close friend", "half-brother",
# "award-winning actress"); they never say which of two posts.
_DESCRIBED_BY_OTHERS = ("relative", "friend", "companion", "lover", "entertainer")


@functools.cache
def _described_by_others() -> frozenset[tuple[str, int]]:
    return _first_senses(_DESCRIBED_BY_OTHERS)


def _a_person_described_two_ways(left: list[str], right: list[str]) -> bool:
    """Whether two titles of one head that is no post (``_DESCRIBED_BY_OTHERS``: "longtime friend" / "close friend",
    "half-brother" / "elder brother", "award-winning actress" / "veteran actress") differ only in words that describe
    the person, none the opposite of another ("elder" / "younger" brother are two brothers)."""
    from factcheck.nlp import lexicon

    if not _kind_of_any(left[-1], _described_by_others()):
        return False
    left_only = [word for word in left[:-1] if word not in right]
    right_only = [word for word in right[:-1] if word not in left]
    return not any(lexicon.adjectives_opposed(a, b) for a in left_only for b in right_only)


# English prefixes that make a post one held with others: "co-founder", "part-owner", "joint owner".
_SHARED_HOLDING = frozenset({"co", "part", "joint"})


def _a_share_beside_what_is_held(shared: str, words: list[str], other: list[str]) -> bool:
    """Whether a title (``shared`` as written, ``words`` its post words) differs from another of its head only by a
    prefix of holding the post with others ("co-founder", "part-owner") and the other only by nouns naming what the
    post is of ("company founder", "club owner"): the co-founder of the company, both true. Against an adjective
    ("sole owner") the two still differ."""
    from factcheck.nlp import lexicon

    extra = [word for word in words[:-1] if word not in other]
    held = [word for word in other[:-1] if word not in words]
    if len(extra) != 1 or extra[0] not in _SHARED_HOLDING or not held:
        return False
    prefix = extra[0]
    written = re.search(rf"(?<![\w-]){prefix}(?:-|\s+){re.escape(words[-1])}", shared, re.I)
    return (
        written is not None
        and (prefix == "joint" or "-" in written.group())
        and all(lexicon.senses(word, "n") and not lexicon.senses(word, "a") for word in held)
    )


# A hyphenated pair of role nouns names two roles held at once ("composer-conductor", "player-manager",
# "singer-songwriter"); a rank after an office ("director-general") or a word of another holder ("ex-minister",
# "vice-chairman") makes one post, read as such.
_JOINED_ROLES = re.compile(r"(?<![\w-])([A-Za-z]+)-([A-Za-z]+)(?![\w-])")


def _two_roles_joined(title: str) -> tuple[str, str] | None:
    """The title read with each of two role nouns it joins by a hyphen ("Harbor composer-conductor" -> "Harbor
    composer", "Harbor conductor"), when both are nouns whose most frequent sense is a person's; else None."""
    from factcheck.nlp import lexicon

    found = _JOINED_ROLES.search(title)
    if not found:
        return None
    first, second = found.group(1), found.group(2)
    for word in (first, second):
        folded = fold_title_word(word)
        if folded in RANKS or folded in _ANOTHER_HOLDER or lexicon.first_noun_field(folded) != lexicon.PERSON_FIELD:
            return None
    before, after = title[: found.start()], title[found.end() :]
    return f"{before}{first}{after}", f"{before}{second}{after}"


def _only_describes(words: list[str], other: list[str]) -> bool:
    """Whether the words one title of a head has and the other lacks all describe the person, not which post:
    adjectives ("longtime", "renowned", "outspoken") or past participles of verbs ("acclaimed", "respected") that
    WordNet gives no noun sense, no relation to a noun ("financial" pertains to finance), no opposite ("foreign" /
    "domestic", "senior" / "junior") and that are no act the post does ("operating", "managing", "presiding"). Such a
    word fits any post of the head: "acclaimed conductor" is no second post beside "veteran conductor", unless it is
    the opposite of one of the other's ("elder" / "younger" brother)."""
    from factcheck.nlp import lexicon

    extra = [word for word in words[:-1] if word not in other]
    others = [word for word in other[:-1] if word not in words]

    def describes(word: str) -> bool:
        participle = word.endswith("ed") and bool(lexicon.base_forms(word, "v"))
        adjective = lexicon.senses(word, "a")
        if not (adjective or participle) or lexicon.senses(word, "n") or lexicon.pertains_to(word):
            return False
        if adjective and any(pointer[0] == "!" for pointer in lexicon.synset(adjective[0]).pointers):
            return False
        return not (word.endswith("ing") and lexicon.base_forms(word, "v"))

    return (
        bool(extra)
        and all(describes(word) for word in extra)
        and not any(lexicon.adjectives_opposed(a, b) for a in extra for b in others)
    )


def _ranks(title: str, words: list[str]) -> list[str]:
    """The rank words of a title (``words``, its post words). A rank word written in full that ends a title after a
    noun WordNet knows as a person's, and that WordNet knows as an adjective too, is an adjective after its noun, as
    English puts "general" after an office ("Attorney General", "Secretary General", "Governor General"): the post
    is the office, not a rank. An abbreviated rank after an office ("spokesman Capt.", a rank read before the name
    beside an appositive office) stays a rank."""
    from factcheck.nlp import lexicon

    # A rank word WordNet knows as an adjective too, right before a noun for a person that is no rank, is an adjective
    # of that noun ("major champion", "private investigator", "general counsel"): the post is the noun's.
    ranks = [
        word
        for index, word in enumerate(words)
        if word in RANKS
        and not (
            index + 1 < len(words)
            and words[index + 1] not in RANKS
            and lexicon.senses(word, "a")
            and lexicon.names_a_person(words[index + 1])
        )
    ]
    if (
        len(words) >= 2
        and words[-1] in RANKS
        and words[-2] not in RANKS
        and not title.rstrip().endswith(".")
        and lexicon.senses(words[-1], "a")
        and lexicon.names_a_person(words[-2])
    ):
        ranks = ranks[:-1]
    return ranks


def _office_first(title: str, words: list[str]) -> list[str]:
    """The post words with a rank word English writes after an office as its adjective moved before it ("director
    general" -> "general director", "secretary-general" -> "general secretary"): the office is the head noun, so
    "deputy director" is the second of a "director-general" and "general secretary" the same post."""
    if len(words) >= 2 and words[-1] in RANKS and words[-1] not in _ranks(title, words):
        return [*words[:-2], words[-1], words[-2]]
    return words


def _post_words(title: str) -> list[str]:
    """The role words of a title that name the post: in a title whose head noun is lower case ("Yukos chief
    financial officer", "Olympic champion"), capitalised words are names (an organisation, a place, an event)
    and a lone letter is a scrap of a figure ("5,000m champion"); they say where, not which post. Before
    a capitalised post, a lower-case word other than a title word ("counterpart") describes the person."""
    words = re.findall(r"[\w.'\u2019-]+", title)
    if words and words[-1][:1].islower():
        # A capitalised title word is sentence case ("Head coach Jane Roe" at a sentence's start), not a name; so is a
        # participle or an adjective that names no one ("Sporting director").
        kept = " ".join(
            word
            for word in words
            if (word[:1].islower() or is_title_word(word) or is_post_modifier(word)) and len(word.strip(".")) > 1
        )
        return role_words(kept) or role_words(title)
    if len(words) >= 2 and words[-1][:1].isupper() and fold_title_word(words[-1]) not in RANKS:
        # Before a capitalised post (so no sentence's first word), a lower-case word that is no title word describes
        # the person beside the office, not which office: "Chinese counterpart Minister" is the minister another
        # source calls "Chinese Foreign Minister", not a "counterpart" ministry. (A rank written after a lower-case
        # office, "gang unit Lt.", is two facts, compared as such.)
        kept = " ".join(word for word in words if not word[:1].islower() or is_title_word(word))
        return role_words(kept) or role_words(title)
    return role_words(title)


def names_in_title(title: str) -> str:
    """The names a title whose head noun is lower case holds before its post ("Harbor head coach" -> "Harbor",
    "Eagles offensive coordinator" -> "Eagles"): where the post is, which the parse left inside the title; "" for
    none, or for a capitalised title (an office, whose capitals say nothing of a name)."""
    words = re.findall(r"[\w.'\u2019-]+", title)
    if not words or not words[-1][:1].islower():
        return ""
    return " ".join(
        word
        for word in words
        if (word[:1].isupper() or (word[:1].isdigit() and word[-1:].isalpha()))  # "Harbor", "76ers"
        and not is_title_word(word)
        and len(word.strip(".")) > 1
    )


# Two spellings of one word share a stem this long ("financ-e" / "financ-ial", "defen-se" / "defen-ce").
_SHARED_STEM = 5


def _covers(shorter: list[str], longer: list[str]) -> bool:
    """Whether every stem of one title is a stem of the other, a word and its derived or other spelling
    ("chief finance officer" / "chief financial officer") counting as one."""
    return all(
        any(
            word == other
            or (min(len(word), len(other)) >= _SHARED_STEM and word[:_SHARED_STEM] == other[:_SHARED_STEM])
            for other in longer
        )
        for word in shorter
    )


# English words that make a post the second to another of the same name: "vice president", "deputy
# chief", "assistant coach", "lieutenant governor"; and the prefixes that do it inside one word
# ("undersheriff", "vice-chair"). "Lieutenant" before a rank is a rank of its own, compared as one.
_SECOND_IN_COMMAND = frozenset({"vice", "deputy", "assistant", "lieutenant", "under"})
_SECOND_PREFIXES = ("vice-", "vice", "under-", "under", "sub-")


# Words that make a post another one than the same post without them: its second ("deputy prime minister" is not the
# prime minister), one held before ("former"), or one held for the time being or about to be taken up ("acting").
_ANOTHER_HOLDER = _SECOND_IN_COMMAND | FORMER_WORDS | _TRANSITION_WORDS


def description_fits_post(description: str, post: str, *, post_former: bool = False) -> bool:
    """Whether a description ("the prime minister") can stand for a person the text gave ``post`` ("Deputy Prime
    Minister"): the same head noun, and the whole post agrees. A word making either a second, a former or an acting
    post that the other lacks ("the prime minister" / "Deputy Prime Minister", "the minister" / "former minister"),
    or two posts of one kind ("the foreign minister" / "Finance Minister"), is another person; a description that
    leaves out the rest of the post ("the minister" for "Foreign Minister") fits. ``post_former``: the text marks
    the person's post as past."""
    described, held = role_words(description), role_words(post)
    if not described or not held or stem(described[-1]) != stem(held[-1]):
        return False
    held_markers = set(held) & _ANOTHER_HOLDER | ({"former"} if post_former else set())
    described_markers = set(described) & _ANOTHER_HOLDER
    if bool(described_markers & FORMER_WORDS) != bool(held_markers & FORMER_WORDS):
        return False
    if described_markers - FORMER_WORDS != held_markers - FORMER_WORDS:
        return False
    return title_conflict_kind(description, post) not in ("modifier", "rank")


# The English prefix that makes a post the chief one of its kind: "archbishop", "archdeacon", "archduke".
_CHIEF_PREFIX = "arch"


def _chief_of_its_kind(post: list[str], chief: list[str]) -> bool:
    """Whether ``chief`` is the post ``post`` with one word made the chief of its kind by its prefix ("archbishop" for
    "bishop"): WordNet gives the archbishop as a kind of bishop, so the two read as one role, yet one person is not
    both."""
    if len(post) != len(chief):
        return False
    from factcheck.nlp import lexicon

    differing = [(a, b) for a, b in zip(post, chief, strict=True) if a != b]
    return (
        len(differing) == 1
        and differing[0][1] == _CHIEF_PREFIX + differing[0][0]
        and lexicon.names_a_person(differing[0][1]) is True  # a post WordNet knows ("archrival" is none)
    )


def _second_in_command(post: list[str], second: list[str]) -> bool:
    """Whether ``second`` is the post ``post`` with a word that makes it the deputy's post."""
    if not post or any(word in _SECOND_IN_COMMAND for word in post) or post[-1] in _ranks(" ".join(post), post):
        # A rank ("lieutenant general" is a rank of its own); "general" after an office ("director general",
        # "attorney general") is the office's adjective, and "deputy director general" its second.
        return False
    words: list[str] = []
    for word in second:
        prefix = next((p for p in _SECOND_PREFIXES if word.startswith(p) and word[len(p) :] in post), None)
        words.extend(("vice" if prefix.startswith("vice") else "under", word[len(prefix) :]) if prefix else (word,))
    extra = [word for word in words if word not in post]
    if not (extra and set(post) <= set(words) and all(word in _SECOND_IN_COMMAND for word in extra)):
        return False
    # The deputy's word stands before the post's head ("lieutenant governor"); a rank after the office
    # ("gang unit lieutenant", a rank read beside an appositive office) is a rank, not a second post.
    head = words.index(post[-1])
    return all(index < head for index, word in enumerate(words) if word in extra)


# WordNet's own words for whoever holds a public office: "official" ("a worker who holds or is invested with an
# office": judge, prosecutor, ambassador) and "politician" ("a leader engaged in civil administration": mayor,
# governor, legislator). Two of their kinds are two offices; kinds of one performer, athlete or corporate
# executive ("singer" / "actor", "president" / "CEO") are jobs one person often holds together.
_OFFICE_HOLDERS = ("official", "politician")


@functools.lru_cache(maxsize=1 << 12)
def _person_senses(value: str) -> tuple[tuple[str, int], ...]:
    """WordNet's senses of a title's post as a person noun: of its longest run of last words WordNet knows
    ("deputy district attorney" -> "district attorney", "qeshm governor" -> "governor"), most frequent first."""
    return _post_senses(value)[1]


@functools.lru_cache(maxsize=1 << 12)
def _post_senses(value: str) -> tuple[str, tuple[tuple[str, int], ...]]:
    """The longest run of a title's last words WordNet knows as a person noun, and its senses as one."""
    from factcheck.nlp import lexicon

    for words in _readings_of_the_words(role_words(value)):
        for start in range(len(words)):
            lemma = " ".join(words[start:])
            found = tuple(
                key
                for key in lexicon.senses(lemma, "n")
                if lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD
            )
            if found:
                return lemma, found
    return "", ()


def _readings_of_the_words(words: list[str]) -> list[list[str]]:
    """The runs of a title's words its post is read from: the words whole, when WordNet knows a noun running over its
    "of" ("chief of staff", "deputy chief of staff", "secretary of state"), then the words before "of", the phrase's
    head as English puts it ("head of operations" is a head, "director of communications" a director: what follows
    "of" is what the post is over, never the post)."""
    if "of" not in words[1:]:
        return [words]
    from factcheck.nlp import lexicon

    at = words.index("of", 1)
    head = words[:at]
    over_the_of = any(
        lexicon.senses(" ".join(words[start:end]), "n") for start in range(at) for end in range(at + 2, len(words) + 1)
    )
    return [words, head] if over_the_of else [head]


@functools.lru_cache(maxsize=1 << 12)
def _readings(value: str, beside: str = "") -> tuple[tuple[str, int], ...]:
    """The person senses a title's post may be read in beside another title (``beside``): its most frequent one, or,
    when WordNet never tagged the word's senses, so that their order says nothing of which is meant, every one that
    WordNet relates to a sense of the other title (the two share a kind below a person) or gives as one who speaks or
    deals for others (a kind of its communicator, a role anyone holding a post may be sent in). "envoy" beside
    "ambassador" is a diplomat below an ambassador (its first sense) or an emissary sent on a mission (its second);
    "striker" beside "goalkeeper" is the soccer forward, never a worker on strike."""
    from factcheck.nlp import lexicon

    lemma, found = _post_senses(value)
    if not found or lexicon.senses_ranked(lemma, "n"):
        return found[:1]
    others = _person_senses(beside)
    related = tuple(
        sense
        for sense in found
        if any(_share_a_kind(sense, other) for other in others)
        or not _communicator_kinds().isdisjoint(lexicon.kinds_of(sense, lexicon.HYPERNYM_STEPS + 1))
    )
    return related or found[:1]


def _share_a_kind(left: tuple[str, int], right: tuple[str, int]) -> bool:
    """Whether two senses are one, or kinds of one sense below WordNet's tops (a person), a step or two up."""
    from factcheck.nlp import lexicon

    return any(
        lexicon.synset(shared).lexicographer_file != lexicon.TOPS_FIELD
        for shared in set(lexicon.kinds_of(left)) & set(lexicon.kinds_of(right))
    )


def names_no_person(title: str) -> bool:
    """Whether WordNet knows the title's post as a noun, and in none of its senses as a person ("home state",
    "city", "contract"): a phrase the parse hung on a name that says what something else is. Words WordNet
    does not know (plurals, acronyms, names) are given the benefit of the doubt."""
    from factcheck.nlp import lexicon

    for words in _readings_of_the_words(role_words(title)):
        for start in range(len(words)):
            known = lexicon.names_a_person(" ".join(words[start:]))
            if known is not None:
                return not known
    return False


def one_role(a: str, b: str) -> bool:
    """Whether WordNet gives two role nouns as one role: one word, a shared sense, or one a kind of the other a step
    or two up ("spokesman" / "spokesperson", "president" / "chief executive", "official" / "minister").

    A kind of the broader role is that role too, so two sources that give one person both say nothing wrong. A
    sense WordNet marks as a colloquialism is read as the role it is the informal name of ("the city's top cop" is its
    policeman, of whom a police chief is a kind)."""
    from factcheck.nlp import lexicon

    left, right = _formal_senses(_person_senses(a)), _formal_senses(_person_senses(b))
    if not left or not right:
        return False
    if set(left) & set(right):
        return True
    return any(other in lexicon.kinds_of(sense) for sense in left for other in right) or any(
        other in lexicon.kinds_of(sense) for sense in right for other in left
    )


def _formal_senses(senses: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
    """The senses with, after each that WordNet marks as informal ("cop"), the formal senses it names (policeman)."""
    from factcheck.nlp import lexicon

    return tuple(dict.fromkeys(key for sense in senses for key in (sense, *sorted(lexicon.informal_name_of(sense)))))


@functools.cache
def _office_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_OFFICE_HOLDERS)


def _first_senses(words: tuple[str, ...]) -> frozenset[tuple[str, int]]:
    """The most frequent noun sense of each word: the roots a title is read as a kind of."""
    from factcheck.nlp import lexicon

    return frozenset(lexicon.senses(word, "n")[0] for word in words)


def _every_person_sense(words: tuple[str, ...]) -> frozenset[tuple[str, int]]:
    """Every noun sense of each word that names a person: the roots a title is read as a kind of, under whichever
    of the word's person senses it falls."""
    from factcheck.nlp import lexicon

    return frozenset(
        key
        for word in words
        for key in lexicon.senses(word, "n")
        if lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD
    )


# WordNet's words for a person marked by what happened to them or what they once did, not by what they do: "winner"
# ("the contestant who wins the contest": medallist, victor), "recipient" ("a person who receives something":
# laureate, honoree, heir) and "originator" ("someone who creates new things": founder, co-founder, pioneer).
_OUTCOME_HOLDERS = ("winner", "recipient", "originator")


@functools.cache
def _outcome_kinds() -> frozenset[tuple[str, int]]:
    return _every_person_sense(_OUTCOME_HOLDERS)


def names_an_outcome(title: str) -> bool:
    """Whether a role noun names what the person won, received or founded ("Orange Prize winner", "Nobel laureate",
    "gold medallist", "co-founder"), in its most frequent person sense: a kind of WordNet's winner, recipient or
    originator. It sits beside any job or office ("novelist", "chief executive"), so it never makes a second
    title."""
    return _kind_of_any(title, _outcome_kinds())


# WordNet's word for whoever runs for a post or is considered for one ("candidate": campaigner, nominee, hopeful): a
# standing sought, held beside whatever post the person has now ("Mayor Jane Roe, a candidate for governor").
_SEEKERS = ("candidate",)


@functools.cache
def _seeker_kinds() -> frozenset[tuple[str, int]]:
    return _every_person_sense(_SEEKERS)


def seeks_a_post(title: str) -> bool:
    """Whether a role noun names someone running for or considered for a post ("candidate", "nominee"), in its most
    frequent person sense: it sits beside the post the person holds, so it never makes a second title."""
    return _kind_of_any(title, _seeker_kinds())


def exclusive_offices(a: str, b: str) -> bool:
    """Whether two role nouns name two public offices one person does not hold at once: in their most frequent
    senses as person nouns, two kinds of one office holder ("mayor" / "governor": politicians; "congressman" /
    "senator": legislators; "judge" / "prosecutor": officials), neither a kind of the other.

    The broader sense they share must be reached within two steps up from each and be itself a kind of an office
    holder, so that only posts close in WordNet's hierarchy count, never two persons in general.
    """
    if one_role(a, b):
        return False
    left, right = _readings(a, b), _readings(b, a)
    # In every reading of the two words: a word whose senses WordNet never ranked may mean a post held beside the other.
    return bool(left and right) and all(_two_offices(one, other) for one in left for other in right)


def _two_offices(left: tuple[str, int], right: tuple[str, int]) -> bool:
    """Whether two person senses are two kinds of one office holder, close in WordNet's hierarchy (``exclusive_offices``)."""
    from factcheck.nlp import lexicon

    left_kinds, right_kinds = lexicon.kinds_of(left), lexicon.kinds_of(right)
    offices = _office_kinds()
    for shared in set(left_kinds) & set(right_kinds):
        if shared in (left, right) or lexicon.synset(shared).lexicographer_file == lexicon.TOPS_FIELD:
            continue
        if offices & set(lexicon.kinds_of(shared, lexicon.HYPERNYM_STEPS + 1)):
            return True
    return False


# WordNet's body in its sense of a group of persons associated by some common tie or occupation (a word and its
# sense's rank): the Sacred College, a jury, a faculty's staff are kinds of it; a police force, a marriage, a
# lawyer-client relation are not.
_PEER_BODY = ("body", "n", 2)


@functools.cache
def _peer_body() -> frozenset[tuple[str, int]]:
    from factcheck.nlp import lexicon

    word, pos, rank = _PEER_BODY
    found = lexicon.senses(word, pos)
    return frozenset(found[rank - 1 : rank])


def _a_body_of_peers(group: tuple[str, int]) -> bool:
    """Whether a group sense is a body of peers: a kind of WordNet's body of persons (``_PEER_BODY``), or an assembly
    or committee (``lexicon.DELIBERATIVE``: a council, a board)."""
    from factcheck.nlp import lexicon

    synset = lexicon.synset(group)
    return synset.lexicographer_file == lexicon.GROUP_FIELD and (
        not _peer_body().isdisjoint(lexicon.kinds_of(group, 6)) or lexicon.deliberative(list(synset.words[0].split()))
    )


def holds_a_seat(title: str) -> bool:
    """Whether WordNet gives the title's post, as it is read (``_readings``), as a member of a body of peers (a member
    holonym that is a body or an assembly or committee, or a definition naming a body after its members): a seat
    ("cardinal": the Sacred College; "professor": a faculty's staff; "councillor": a council; "senator", a member of a
    senate), not a grade or a head of a hierarchy ("archbishop", "dean", "governor"), nor a member of a force or of a
    relation ("policeman", "lawyer")."""
    from factcheck.nlp import lexicon

    lemma, _ = _post_senses(title)
    readings = _readings(title)
    return any(
        pointer[0] == "#m" and _a_body_of_peers(pointer[1])
        for key in readings
        for pointer in lexicon.synset(key).pointers
    ) or (bool(lexicon.member_of(lemma)) and any("member of" in lexicon.definition(key) for key in readings))


def a_seat_beside_a_post(a: str, b: str) -> bool:
    """Whether one title is a seat in a body of peers (``holds_a_seat``) and the other a post that is none, not two
    public offices: the seat is given to a holder of some post of its field, who keeps it ("Cardinal" / "Archbishop",
    "Professor" / "Dean", "Sen." / "committee chairman"). Two seats ("senator" / "congressman"), a seat and another
    public office ("senator" / "governor") or a profession and a public office ("professor" / "judge") are still two
    posts."""
    return holds_a_seat(a) != holds_a_seat(b) and not exclusive_offices(a, b) and not profession_and_office(a, b)


# WordNet's word for whoever performs for an audience ("entertainer": actor, singer, dancer, comedian): one person
# often does several of its kinds, so two of them are descriptions that co-exist.
_ENTERTAINERS = ("entertainer",)


@functools.cache
def _entertainer_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_ENTERTAINERS)


def two_kinds_of_entertainer(a: str, b: str) -> bool:
    """Whether both role nouns are kinds of WordNet's entertainer ("actor" / "singer"): callings one person often has
    together."""
    return _kind_of_any(a, _entertainer_kinds()) and _kind_of_any(b, _entertainer_kinds())


def posts_of_one_field(a: str, b: str) -> bool:
    """Whether two role nouns are two posts of one field, one person holding one of them in a given matter: in their
    most frequent senses as person nouns, siblings under a narrower kind than a person, reached within two steps up
    from each ("defense attorney" / "prosecutor": lawyers; "police chief" / "detective": policemen; "coach" /
    "general manager": leaders), and not two kinds of entertainer ("actor" / "singer"). Descriptions from other
    fields ("actress" / "star", "author" / "professor", "economist" / "analyst") share only "person" and co-exist, and
    so do two words for one who speaks for someone ("publicist" / "representative": communicators)."""
    if one_role(a, b):
        return False
    left, right = _readings(a, b), _readings(b, a)
    if not left or not right:
        return False
    if two_kinds_of_entertainer(a, b):
        return False
    return all(_one_field(one, other) for one in left for other in right)


def _one_field(left: tuple[str, int], right: tuple[str, int]) -> bool:
    """Whether two person senses are siblings under a narrower kind than a person (``posts_of_one_field``)."""
    from factcheck.nlp import lexicon

    return any(
        lexicon.synset(shared).lexicographer_file != lexicon.TOPS_FIELD
        and shared not in _contest_kinds()
        and shared not in _communicator_kinds()
        and not _marked_by_deed_or_lot(shared)
        for shared in set(lexicon.kinds_of(left)) & set(lexicon.kinds_of(right))
    )


# WordNet's words for a person marked by a wrong done ("bad person": criminal, wrongdoer, kidnapper, thief) or by a
# misfortune suffered ("unfortunate": prisoner, victim, convict): labels for what the person did or underwent, never a
# post, so several hold at once ("convicted kidnapper" / "prison absconder") and sharing such a kind makes no field.
_MARKED_BY = ("bad person", "unfortunate")
# Steps up to them: criminal > principal (in law) > wrongdoer > bad person.
_MARKED_STEPS = 4


@functools.cache
def _marked_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_MARKED_BY)


def _marked_by_deed_or_lot(sense: tuple[str, int]) -> bool:
    from factcheck.nlp import lexicon

    return not _marked_kinds().isdisjoint(lexicon.kinds_of(sense, _MARKED_STEPS))


# WordNet's words for anyone in a contest ("contestant", "rival": champion, favourite, challenger, finalist, winner,
# athlete). Two standings in one contest ("eventual champion" / "favourite") are held at once or in turn, so sharing
# only this kind makes no field of posts; two positions of one sport still share their sport's player.
_CONTESTANTS = ("contestant", "rival")


@functools.cache
def _contest_kinds() -> frozenset[tuple[str, int]]:
    return _every_person_sense(_CONTESTANTS)


# WordNet's word for whoever speaks, writes or deals for others ("communicator": publicist, representative,
# negotiator, agent, writer). Outlets name one person who speaks for someone by any of them ("her publicist" / "her
# representative"), so sharing only this kind makes no field of posts.
_COMMUNICATORS = ("communicator",)


@functools.cache
def _communicator_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_COMMUNICATORS)


# WordNet's word for whoever leads or heads something ("leader": coach, general manager, chairman, director, dean,
# mayor, senator): a post one organisation gives one person at a time. Corporate and public posts stand a few steps
# below it ("president" > corporate executive > executive > administrator > head > leader: five); descriptions
# ("analyst", "star", "owner", "professor", "striker") are no kind of it at any depth.
_LEADERS = ("leader",)
_LEADER_STEPS = 5


@functools.cache
def _leader_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_LEADERS)


def leads_something(title: str, steps: int = _LEADER_STEPS) -> bool:
    """Whether the title's most frequent person sense is a kind of WordNet's leader: a post that heads or runs
    something ("coach", "general manager", "dean", "mayor"), not a description of the person ("analyst", "star").
    A title English writes without its head noun is read written out: "chief executive" is the "chief executive
    officer" WordNet knows (alone, WordNet's first sense of it is a head of state's). ``steps``: how far up the
    leader may stand (a cabinet post named by its own word, "chancellor", stands six steps below it)."""
    return _kind_of_any(title, _leader_kinds(), steps) or _kind_of_any(
        " ".join(_with_the_others_head(role_words(title), ["officer"])), _leader_kinds(), steps
    )


# WordNet's words for whoever speaks for someone else: a "spokesperson" ("an advocate who represents someone else's
# policy or purpose"), a "publicist" (press agents) and an "agent" in its first sense ("a representative who acts on
# behalf of other persons or organizations"). What they say is often their principal's statement.
_SPEAKERS_FOR_OTHERS = ("spokesperson", "publicist", "agent")


@functools.cache
def _speaker_for_others_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_SPEAKERS_FOR_OTHERS)


def speaks_for_others(title: str) -> bool:
    """Whether the title's most frequent person sense is one who speaks for someone else: a spokesman, a publicist, an
    agent ("spokeswoman", "press agent"), whose words another source may give as the principal's own. A post written
    in lower case with a formal title after it, right before the name ("police spokesman Sgt. Jane Roe" gives
    "spokesman Sgt."), is read by its post: the formal title is the person's rank, not what they do there."""
    return any(_kind_of_any(part, _speaker_for_others_kinds()) for part in post_and_formal_title(title))


def post_and_formal_title(title: str) -> tuple[str, ...]:
    """The title, and when it is a post in lower case followed by a capitalised title written before the name
    ("spokesman Sgt.", "office spokesman Deputy", "navy spokesman Captain"), the post and that title apart: the two
    facts such a title gives (what the person does, the rank they hold)."""
    words = title.split()
    for index in range(1, len(words)):
        if words[index - 1][:1].islower() and all(word[:1].isupper() for word in words[index:]):
            return (title, " ".join(words[:index]), " ".join(words[index:]))
    return (title,)


# WordNet's word for whoever practises a learned profession ("professional": lawyer, teacher, nurse, professor).
_PROFESSIONALS = ("professional",)


@functools.cache
def _professional_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_PROFESSIONALS)


def _kind_of_any(title: str, roots: frozenset[tuple[str, int]], steps: int | None = None) -> bool:
    """Whether the title's most frequent person sense is one of ``roots`` or a kind of one, a few steps up
    (``steps``; by default ``lexicon.HYPERNYM_STEPS + 1``)."""
    from factcheck.nlp import lexicon

    senses = _person_senses(title)
    reach = lexicon.HYPERNYM_STEPS + 1 if steps is None else steps
    return bool(senses) and bool(roots & set(lexicon.kinds_of(senses[0], reach)))


def names_any_office(title: str) -> bool:
    """Whether the title's most frequent person sense is WordNet's own word for whoever holds an office or practises a
    profession ("an FBI official", "a city official", "a professional"): a word for any of its posts, the head's too,
    so it is no post of its own against another ("FBI Director")."""
    senses = _person_senses(title)
    return bool(senses) and senses[0] in _professional_kinds() | _office_kinds()


def profession_and_office(a: str, b: str) -> bool:
    """Whether one role noun names a profession and the other a public office, in their most frequent senses as
    person nouns: a kind of WordNet's professional that is no office holder ("lawyer", "teacher") against a kind of
    an office holder that is no professional ("judge", "mayor"). One person practising a profession does not at
    once sit in such an office ("the city's attorney" / "the city's judge"); a post that is both ("prosecutor", an
    official and a lawyer) is neither, and two words WordNet gives as one role never count."""
    if one_role(a, b):
        return False
    professional, office = _professional_kinds(), _office_kinds()

    def profession(title: str) -> bool:
        return _kind_of_any(title, professional) and not _kind_of_any(title, office) and not names_any_office(title)

    def public_office(title: str) -> bool:
        return _kind_of_any(title, office) and not _kind_of_any(title, professional) and not names_any_office(title)

    return (profession(a) and public_office(b)) or (public_office(a) and profession(b))


def office_of_the_profession(broad: str, narrow: str) -> bool:
    """Whether ``broad`` is a profession written bare ("attorney", "Harbor lawyer") and ``narrow`` a public office
    WordNet gives as a kind of that profession ("prosecutor": a lawyer and an official). WordNet's hierarchy makes
    them one role, yet a source that means the office names it: the same fact told once of "attorney Jane Roe" and
    once of "prosecutor Jane Roe" gives her two posts, the one who brings the case and the one who answers it. A
    profession written with the office's own words ("district attorney") is the office."""
    broad_senses, narrow_senses = _person_senses(broad), _person_senses(narrow)
    return (
        (len(_post_words(broad)) == 1 or _for_the_other_side(broad, narrow))
        and bool(broad_senses and narrow_senses)
        and broad_senses[0] != narrow_senses[0]
        and _kind_of_any(narrow, frozenset({broad_senses[0]}))
        and _kind_of_any(narrow, _office_kinds())
        and _kind_of_any(broad, _professional_kinds())
        and not _kind_of_any(broad, _office_kinds())
    )


def _for_the_other_side(profession: str, office: str) -> bool:
    """Whether a profession is written with a noun for the side opposite the office's ("defence lawyer" beside
    "prosecutor"), its reading composed from its words where WordNet knows no lemma for the whole: the modifier is
    WordNet's antonym (or a synonym of it) of a noun made from the office's act ("prosecutor" -> "prosecute" ->
    "prosecution", whose antonym is "defense", also written "defence")."""
    from factcheck.nlp import lexicon

    words = _post_words(profession)
    lemma, _ = _post_senses(profession)
    if len(words) != 2 or lemma != words[-1]:
        return False
    office_lemma, _ = _post_senses(office)
    acts = {act for form in lexicon.derived_forms(office_lemma, "n") for act in (form, *lexicon.derived_forms(form))}
    opposites = {opposite for act in acts for opposite in lexicon.antonyms(act, "n")}
    sides = opposites | {synonym for opposite in opposites for synonym in lexicon.synonyms(opposite, "n")}
    return words[0] in sides


def titles_conflict(a: str | None, b: str | None) -> bool:
    """Two titles that cannot both be current whatever the context: two ranks, or two posts of one kind."""
    return title_conflict_kind(a, b) in ("rank", "modifier")


def ranks_conflict(a: str | None, b: str | None) -> bool:
    """Two titles that conflict as ranks ("Col." and "Gen.")."""
    return title_conflict_kind(a, b) == "rank"


def clean_role(text: str | None) -> str | None:
    """A title or affiliation, or None when it is only an honorific or runs into one.

    Extraction spans sometimes run on into the next name's honorific ("ONGC's Mr",
    "chief executive. Mr"): such a span is not a role anyone was given.
    """
    if not text:
        return None
    words = re.findall(r"[\w.&'’-]+", text)
    if not words or is_honorific(words[-1]):
        return None
    return text


# Words that make a phrase a description or a clause rather than a title: numbers and ordinals
# ("the third woman", "a 12-year department veteran"), quantifiers and pronouns ("one of
# Orozco's"), auxiliaries and relatives ("will be the host", "whose hosting").
_NOT_IN_TITLE = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth last latest next new
one two three four five six seven eight nine ten year years old whose who which that will would be is was were been has
have had his her their its our my your this these those some many several all both each other another""".split()
)


def plausible_title(title: str | None, name: str) -> str | None:
    """The title, or None when it reads as a description or a clause rather than a role.

    A role is a short noun phrase of words ("coach", "chief financial officer", "Police
    Chief"): no numbers, no clause words, no verb forms in -ing, not the person's own name.
    """
    if not title:
        return None
    words = re.findall(r"[^\W\d_][\w.&'’-]*|\d+", title)
    if not words or len(words) > 5 or any(word[:1].isdigit() for word in words):
        return None
    folded = [word.casefold().strip(".") for word in words]
    parts = {part for word in folded for part in word.split("-")}  # "eight-year contract", "two-time champion"
    if parts & _NOT_IN_TITLE or any(word.endswith(("'s", "’s")) for word in folded):
        return None
    participle_before_post = len(folded) >= 2 and _names_a_person(folded[-1])
    modifiers = folded[-2:-1] if participle_before_post else []
    if any(word.endswith("ing") and len(word) > 5 for word in folded if word not in modifiers):
        # "explaining", "hosting": a clause ran into the title ("spreading quickly"). A participle right before a
        # noun WordNet knows as a person's modifies the post ("managing director", "presiding judge").
        return None
    parsed = PersonName.parse(name)
    name_words = set(parsed.tokens) if parsed is not None else set()
    if name_words & {word.replace(".", "") for word in folded}:
        return None
    return title


def _names_a_person(word: str) -> bool:
    from factcheck.nlp import lexicon

    return lexicon.names_a_person(word) is True


# A rank word written before a name, with its abbreviation's dot: "Capt.", "Lt. Col.", "Sergeant".
_RANK_WORD = re.compile(r"\b([A-Za-z]+\.?)\s+$")


def rank_before(text: str, name_start: int) -> tuple[int, str] | None:
    """The military or police rank written right before the name at ``name_start``, and where it starts.

    "Capt. Jane Roe, a spokeswoman for the county" gives the parse an appositive office, and the
    rank before the name is then a second fact about her ("Capt." here, "Lt." elsewhere is two
    ranks). Only rank words count (names.RANKS, abbreviations folded), each right before the next.
    """
    start, words = name_start, list[str]()
    while True:
        match = _RANK_WORD.search(text, max(0, start - 16), start)
        if match is None or match.end() != start or fold_title_word(match.group(1)) not in RANKS:
            break
        if match.group(1)[:1].islower():
            break  # "the major said": a description, not a rank written as a title
        words.insert(0, match.group(1))
        start = match.start()
    return (start, " ".join(words)) if words else None


# WordNet's files of abstract nouns, the ones that name a field of work or activity: noun.act ("finance", "trade",
# "marketing"), noun.attribute, noun.cognition ("science", "strategy"), noun.communication ("communications"),
# noun.event, noun.phenomenon ("energy"), noun.possession ("sales"), noun.process, noun.relation and noun.state
# ("health"). A noun of another file names a body, a place, a thing or a person ("police", "harbor", "museum",
# "executive"): written before a post, it says whose post it is, not over which function.
_ABSTRACT_FIELDS = frozenset({4, 7, 9, 10, 11, 19, 21, 22, 24, 26})
_ARTIFACT_FIELD = 6  # noun.artifact: "transport", "housing"


@functools.lru_cache(maxsize=1 << 12)
def names_a_field_of_work(word: str) -> bool:
    """Whether WordNet's most frequent sense of a word as a noun is abstract, a field of work or activity ("finance",
    "trade", "marketing", "health"), and the word is no adjective first and names no person in any sense."""
    from factcheck.nlp import lexicon

    key = word.casefold()
    if not key.isalpha() or lexicon.names_a_person(key) or lexicon.senses(key, "a"):
        return False
    return lexicon.first_noun_field(key) in _ABSTRACT_FIELDS


def names_whoever_leads(title: str) -> bool:
    """Whether a title's head noun is one of English's words for whoever leads something without naming the post
    ("chief", "head", "leader", "boss"): the word before it names the body led ("Fire Chief", "Rescue Chief" of one
    fire and rescue service), not a portfolio, as "Trade" does of "Trade Minister"."""
    words = _post_words(title)
    return bool(words) and stem(words[-1]) in _LEADER_STEMS


@functools.lru_cache(maxsize=1 << 12)
def names_a_brief(word: str) -> bool:
    """Whether a capitalised word before a formal title names what the post is over rather than whose it is: WordNet
    knows it as a common noun, in no sense a person's, first as a field of work or a made thing ("Trade",
    "Health", "Transport" of "Transport Secretary"; not "Police", "Harbor", "Labour", a body or a place, nor
    "January", a time: "before 1 January, three days before President Jane Roe"), and not first an adjective."""
    from factcheck.nlp import lexicon

    key = word.casefold()
    if not key.isalpha() or lexicon.names_a_person(key) is not False or lexicon.senses(key, "a"):
        return False
    return lexicon.first_noun_field(key) in _ABSTRACT_FIELDS | {_ARTIFACT_FIELD}


def heads_one_function(title: str) -> bool:
    """Whether a title is a head's post over one field of an organisation's work, read from its words: a post noun
    with a noun before it that names a field ("finance director", "sales manager", "research chief"), or an
    adjective WordNet gives as pertaining to one ("medical director", "technical director"), or the field after "of"
    ("head of operations"), the two not a post WordNet knows whole ("finance minister", "fire chief", "head of
    state" head their own body). The director of finance heads
    the finance of the company whose president is someone else."""
    words = _post_words(title)
    if "of" in words[1:] and "of" not in _post_senses(title)[0].split():
        # "head of operations", "director of communications": the field follows "of".
        over = words[words.index("of", 1) + 1 :]
        return len(over) == 1 and names_a_field_of_work(over[0])
    if len(words) < 2 or _post_senses(" ".join(words[-2:]))[0] == " ".join(words[-2:]):
        return False
    return names_a_field_of_work(words[-2]) or _pertains_to_a_field_of_work(words[-2])


@functools.lru_cache(maxsize=1 << 12)
def _pertains_to_a_field_of_work(word: str) -> bool:
    """Whether a word is an adjective WordNet gives as pertaining to a field of work ("medical": medicine, "financial":
    finance, "technical": technology), itself no noun for a person ("executive" of "executive director" names one)."""
    from factcheck.nlp import lexicon

    return lexicon.names_a_person(word) is not True and any(
        names_a_field_of_work(noun) for noun in sorted(lexicon.pertains_to(word))
    )


# How a WordNet definition gives a post as the one in charge of something: "an officer in command of a military
# unit", "a policeman in charge of a precinct", "the head of a fire department", "the presiding officer of a school",
# "the person who leads a musical group".
_IN_CHARGE = (
    ("in", "command", "of"),
    ("in", "charge", "of"),
    ("head", "of"),
    ("presiding",),
    ("presides",),
    ("who", "leads"),
    ("who", "heads"),
    ("who", "directs"),
)
# How far up WordNet's leader may stand for a post to head something: any depth a post reaches.
_HEAD_DEPTH = 8


def heads_its_organisation(title: str) -> bool:
    """Whether a title's post heads whatever the text gives it at: in its most frequent person sense a kind of
    WordNet's leader at any depth, or a post WordNet defines as in command or in charge of something, or as its
    head ("commander", "warden", "fire chief"); not a head of one of its functions (``heads_one_function``)."""
    from factcheck.nlp import lexicon

    if heads_one_function(title):
        return False
    if leads_something(title, _HEAD_DEPTH):
        return True
    senses = _person_senses(title)
    if not senses:
        return False
    words = lexicon.definition_words(senses[0])
    return any(tuple(words[at : at + len(phrase)]) == phrase for phrase in _IN_CHARGE for at in range(len(words)))


# WordNet's words for whoever holds a post in an organisation: "employee" (a clerk, a registrar), "skilled worker"
# (an editor, a pilot, a military officer, a chief of staff), "official" (one who holds an office) and "administrator"
# (one who manages an organisation's affairs). Not "worker" itself: its other kinds say how or at what one works
# ("volunteer", "freelancer", "part-timer", "workmate"), which the head of an organisation may be too.
_STAFF = ("employee", "skilled worker", "official", "administrator")
_STAFF_STEPS = 6


@functools.cache
def _staff_kinds() -> frozenset[tuple[str, int]]:
    return _first_senses(_STAFF)


def holds_a_post_in(title: str) -> bool:
    """Whether a title names a post held in an organisation: in its most frequent person sense a kind of WordNet's
    employee, skilled worker, official or administrator ("treasurer": an officer charged with receiving and disbursing
    funds; "chief of staff", "editor", "registrar"), or a post WordNet defines by one ("an officer charged with
    ..."), or the head of one of its functions ("finance director"); not those words themselves, which name any post
    there ("an official"), nor a word that in any of its senses is a worker of no such kind, a way of working the head
    may have too ("volunteer"). A relation to an organisation that is no post ("member", "owner", "founder",
    "shareholder", "fan", "player", "trustee") is none."""
    from factcheck.nlp import lexicon

    senses = _person_senses(title)
    if not senses or senses[0] in _staff_kinds() or names_any_office(title):
        return False
    worker = frozenset(lexicon.senses("worker", "n")[:1])
    if any(
        not worker.isdisjoint(kinds) and _staff_kinds().isdisjoint(kinds)
        for kinds in (lexicon.kinds_of(sense, _STAFF_STEPS) for sense in senses)
    ):
        return False  # in one of its senses a way of working ("volunteer": one who performs voluntary work)
    if heads_one_function(title) or not _staff_kinds().isdisjoint(lexicon.kinds_of(senses[0], _STAFF_STEPS)):
        return True
    # The word a definition names the post by ("an officer charged with ...") is its kind too.
    genus = next((word for word in lexicon.definition_words(senses[0]) if lexicon.names_a_person(word)), None)
    return genus is not None and any(
        not _staff_kinds().isdisjoint(lexicon.kinds_of(key, _STAFF_STEPS))
        for key in lexicon.senses(genus, "n")[:1]
        if lexicon.synset(key).lexicographer_file == lexicon.PERSON_FIELD
    )


def a_head_and_a_post_under_it(a: str, b: str) -> bool:
    """Whether one title heads an organisation and the other is a post in one that heads nothing there ("president" /
    "treasurer", "commander" / "chief of staff", "chief executive" / "finance director"): given for one organisation,
    two posts one person does not hold at once. An assistant's post ("deputy director", "assistant coach") works
    under the head, for whom another source may name the holder, and two kinds of entertainer co-exist. A public
    office under a head ("the court's president" / "judge") is no such post: a body's head may hold one too."""
    post = b if heads_its_organisation(a) else a
    return (
        heads_its_organisation(a) != heads_its_organisation(b)
        and holds_a_post_in(post)
        # A public office ("judge", "prosecutor") is held in a body the head may belong to ("the court's president", a
        # judge too): the office checks weigh it.
        and not _kind_of_any(post, _office_kinds())
        and not any(_assistant_word(title) for title in (a, b))
        and not two_kinds_of_entertainer(a, b)
        # One role to WordNet ("president" / "chief executive"), unless the post heads one function: "head of
        # operations" reads as a head, of which a director is a kind, yet it heads no organisation.
        and (heads_one_function(post) or not one_role(a, b))
        and not a_seat_beside_a_post(a, b)
    )


def _assistant_word(title: str) -> bool:
    return any(word in _SECOND_IN_COMMAND for word in _post_words(title)[:-1])
