"""The word a date dates or a figure's counted noun belongs to, read from the dependency parse.

"will defend his title on Sept. 8" -> ``defend``; "the December 14 killing" -> ``killing``;
"injuring five people" -> ``injure`` (the word the counted noun "people" attaches to);
"Hillis added 101 yards ... the Chiefs had 352 yards rushing" -> ``add`` and ``rush``. The
cross-source checks compare two values only as readings of one thing when these agree, so
two figures counting different things in one shared sentence are not paired, and two
sentences that word the rest differently still meet at a date of the same act.

The climb: from the root of the value's tokens, through a preposition ("on", "during") or a
modifier relation (a number's noun, a noun's compound or nominal modifier) to the first verb,
noun, proper noun or adjective above it; an adjective that modifies a noun hands on to the noun
("a 61-year-old man" -> ``man``: an age belongs to the person), and a post's possessive before a person hands on to
that person ("a 35-year-old sheriff's deputy" -> ``deputy``: the possessive names the deputy's office, as a compound
would). Lemmas, lower-cased, a verb's particle kept
("set up a fund in 2004" -> ``set up``, another act than "set off" or "set a record"); ``None`` when the value
heads its clause or the parse gives nothing above it.
"""

from __future__ import annotations

from typing import Any, Literal

from factcheck.nlp import lexicon
from factcheck.nlp.align import STANDS_FOR_THE_NOUN
from factcheck.nlp.roles import is_post_noun, is_title_word
from factcheck.nlp.verbs import ARRANGING_VERBS, LIGHT_VERBS, REPORTING_VERBS

# Relations through which the climb passes on to the word above: a preposition and its object,
# a coordinated item, a number's or a date's own parts.
_PASS_THROUGH = frozenset({"prep", "pobj", "pcomp", "agent", "conj", "cc", "nummod", "quantmod", "punct", "appos"})
_CONTENT = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX"})


def _root(tokens: Any, start: int, end: int) -> Any:
    """The token of ``tokens`` inside [start, end) (character offsets of the parsed text) whose head is outside."""
    inside = [token for token in tokens if start <= token.idx < end]
    if not inside:
        return None
    indices = {token.i for token in inside}
    outside = [token for token in inside if token.head.i not in indices or token.head.i == token.i]
    return outside[0] if outside else inside[0]


def _governor(token: Any, within: Any, *, dated: bool = False) -> Any:
    """The first content word above ``token``: the verb or noun it attaches to, through prepositions; for a date
    (``dated``), through a time of day told as when (``_a_time_of_day_adverbial``) too."""
    steps = 0
    current = token
    while steps < 6:
        steps += 1
        head = current.head
        if head.i == current.i or not (within.start <= head.i < within.end):
            return None
        if current.dep_ in _PASS_THROUGH and head.pos_ not in _CONTENT:
            current = head  # "on" -> its head; the preposition itself is no content word
            continue
        if head.pos_ == "ADJ" and head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN"):
            return office_holder(head.head, within)  # "a 61-year-old man": an age belongs to the person, not to "old"
        if dated and _a_time_of_day_adverbial(head):
            current = head  # "capsized on the night of March 12": the night is when, not what, the date dates
            continue
        if head.pos_ in _CONTENT:
            return head
        current = head
    return None


def _a_time_of_day_adverbial(word: Any) -> bool:
    """Whether a word is a time of day (``lexicon.names_a_time_of_day``) told as when something happened, the object
    of a preposition or a bare noun phrase of time: "on the night of March 12", "in the early hours of Sunday",
    "during the morning rush hour on Tuesday", "before dawn on Sunday". A date hung on it dates the act the phrase
    is attached to, as "on March 12" would; a time of day told as a thing ("the night of March 12 was cold") keeps
    it."""
    return (
        word.pos_ == "NOUN" and word.dep_ in ("pobj", "npadvmod") and lexicon.names_a_time_of_day(word.lemma_.lower())
    )


def _lemma(word: Any) -> str:
    """The word's lemma, lower-cased, with the particle of a phrasal verb (dependency ``prt``): "set up" names one act
    and "set off" another, and WordNet has such verbs as lemmas of their own ("set_up": establish)."""
    particles = [child.lower_ for child in word.children if child.dep_ == "prt"]
    return " ".join([word.lemma_.lower(), *particles])


def arranged_event(verb: Any, within: Any) -> Any:
    """The event a verb that arranges or holds one is about, or None: "elections planned for December 15" ->
    elections, "will hold the vote on May 2" -> vote, "the summit was postponed to June" -> summit.

    Such a verb says little of what is dated (one source plans, another holds, a third schedules the same
    election); its event is the noun it modifies (``acl``, ``relcl``), its object, or its passive subject, when that noun's
    main sense names something that happens (WordNet), so "set a record on Sunday" keeps ``set``.
    """
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ARRANGING_VERBS | LIGHT_VERBS:
        return None
    nouns = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("acl", "relcl"):
        nouns.extend(_antecedents(verb.head, within))  # "elections (which are) planned for ..."
    for noun in nouns:
        if within.start <= noun.i < within.end and noun.pos_ == "NOUN" and lexicon.mainly_an_event(noun.lemma_.lower()):
            return noun
    return None


def _antecedents(noun: Any, within: Any) -> list[Any]:
    """The noun a clause modifies and the nouns it is a part of: the parse hangs "which is scheduled for December
    23" on the nearest noun ("the election of deputies of the Varnia Assembly, which ..." -> Assembly), while an
    arranging verb's clause may be about a noun further up the chain ("of" phrases, an apposition) -> election."""
    chain = [noun]
    while len(chain) < 4:
        if noun.dep_ == "appos" or (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.dep_ == "prep"):
            above = noun.head if noun.dep_ == "appos" else noun.head.head
            if not (within.start <= above.i < within.end) or above.pos_ not in ("NOUN", "PROPN"):
                break
            noun = above
            chain.append(noun)
        else:
            break
    return chain


def date_head(tokens: Any, start: int, end: int) -> str | None:
    """What a date dates: the lemma of the word its phrase attaches to ("defended ... on Sept. 8" -> defend), or
    the event a verb that arranges it is about ("elections planned for December 15" -> election)."""
    root = _root(tokens, start, end)
    if root is None:
        return None
    governor = _governor(root, tokens, dated=True)
    if governor is None:
        return None
    dated = _the_report_told_on(governor, start, end) or _the_subjects_act(governor, start, end)
    return _lemma(dated or arranged_event(governor, tokens) or governor)


# WordNet's noun.group and noun.person: a subject that can do a dated act but has no date of its own ("a jury", "police").
_WHO_FIELDS = frozenset({14, 18})


def _the_subjects_act(word: Any, start: int, end: int) -> Any:
    """The verb a date written between a clause's subject and its verb dates, when the parse hangs the date on the
    subject: "A jury in Dornvale on Tuesday found him guilty" dates the finding, not the jury, and "Police on Monday
    arrested two men" the arrest: only a subject WordNet files with people or groups, or a name. Any other keeps its
    date ("The vote on Tuesday was close": the vote's day; "his advice of 7 March accepted ...": the advice's), and
    so does a date in an aside between commas."""
    subject = word
    for _ in range(4):  # up through the subject's own prepositional phrases ("a jury in Dornvale")
        if subject.dep_ in ("nsubj", "nsubjpass") or subject.dep_ not in ("pobj", "prep"):
            break
        subject = subject.head
    verb = subject.head
    if (
        subject.dep_ not in ("nsubj", "nsubjpass")
        or subject.pos_ not in ("NOUN", "PROPN")
        or verb.pos_ not in ("VERB", "AUX")
        or not subject.idx < start < end <= verb.idx
        or (subject.pos_ == "NOUN" and lexicon.first_noun_field(subject.lemma_.lower()) not in _WHO_FIELDS)
        or any(token.text == "," for token in subject.doc[subject.i : verb.i])
    ):
        return None  # between commas the date is an aside's ("Jane Roe, elected on June 6, on Monday named ...")
    return verb


def _the_report_told_on(verb: Any, start: int, end: int) -> Any:
    """The reporting verb a date stands right after when the parse hangs it on the reported clause's verb: "said on
    Thursday she would sign" is the day it was said (the clause's subject comes after the date, with no "that"
    between), while "said that on Friday she would sign" and "said she would sign on Friday" date the signing."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_VERBS or verb.head.idx >= start:
        return None
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "expl")]
    marks = [child for child in verb.children if child.dep_ == "mark" and child.idx < start]
    if marks or not subjects or any(subject.idx < end for subject in subjects):
        return None
    return verb.head


def office_holder(noun: Any, within: Any) -> Any:
    """The person a post's possessive names by its office ("a 35-year-old sheriff's deputy" -> deputy, "two sheriff's
    deputies" -> deputies), else the noun itself.

    A title word in the possessive before a post or calling (WordNet) classifies that person, as a compound does; any other
    possessive owns what follows ("a 35-year-old man's car", "three men's lawyers": the age and the count are the
    man's and the men's), and so does a named one ("35-year-old Smith's lawyer").
    """
    possessed = noun.head
    if (
        noun.dep_ == "poss"
        and noun.pos_ == "NOUN"
        and possessed.i > noun.i
        and within.start <= possessed.i < within.end
        and possessed.pos_ == "NOUN"
        and any(child.dep_ == "case" and child.lower_ in ("'s", "\u2019s") for child in noun.children)
        and is_title_word(noun.lower_)
        and is_post_noun(possessed.lemma_.lower())
    ):
        return possessed
    return noun


def compound_head(noun: Any, within: Any) -> Any:
    """The noun a compound modifier belongs to: the parse often hangs a number on the first noun of a compound
    ("two plainclothes officers", "three bank workers": ``two`` -> plainclothes; "seven AK-47 assault rifles", the
    model name read as a number of the rifles), but what is counted is the last."""
    while noun.dep_ in ("compound", "nummod") and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        if not (within.start <= noun.head.i < within.end):
            break
        noun = noun.head
    return office_holder(noun, within)


def counted_noun(tokens: Any, start: int, end: int) -> Any:
    """The noun a figure's number modifies ("4,000 tents" -> tents), or the figure's own noun."""
    root = _root(tokens, start, end)
    if root is None:
        return None
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ != "nummod":
        return compound_head(root, tokens)  # the span ends in its noun
    head = root.head
    if head.i != root.i and head.pos_ in ("NOUN", "PROPN") and head.i > root.i and tokens.start <= head.i < tokens.end:
        return compound_head(head, tokens)
    return None


def figure_head(tokens: Any, start: int, end: int) -> str | None:
    """What a figure's counted noun belongs to: "injuring five people" -> injure, "10 people were killed" -> kill."""
    governor = _the_act(tokens, start, end)
    return _lemma(governor) if governor is not None else None


def _raised_to(verb: Any, subject: Any, within: Any) -> Any:
    """The verb whose act a subject takes part in when the verb it hangs on only frames that act: "20,000 residents
    are to be evacuated" -> evacuated, "85 branches are due to close" -> close, "ten people were reported to have
    died" -> died, "40 homes are expected to be demolished" -> demolished. The parse makes the count the subject of
    "are" or "reported" and the act an open complement (``xcomp``) of it or of its adjective ("due"); a complement that
    is only "be" ("are thought to be dead") names no act, so the frame stays."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i != verb.i:
        return verb
    for _ in range(2):  # "are expected to be set to close": a frame within a frame
        if verb.pos_ not in ("VERB", "AUX"):
            break
        holders = [verb, *(child for child in verb.children if child.dep_ == "acomp")]
        complement = next(
            (
                child
                for holder in holders
                for child in holder.children
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and within.start <= child.i < within.end
            ),
            None,
        )
        if complement is None or complement.lemma_.lower() == "be":
            break
        verb = complement
    return verb


def partitive_whole(tokens: Any, start: int, end: int) -> bool:
    """Whether a figure counts the whole a partitive takes its part from: "260" of "will close 60 of its 260
    branches", "17 of the 40 ships". The act befell the part ("60"), counted out of the whole; the whole is what
    there is ("its 260 branches"), which no act of the sentence befell."""
    root = _root(tokens, start, end)
    if root is None or root.dep_ != "nummod":
        return False
    whole = root.head
    of = whole.head
    return whole.dep_ == "pobj" and of.lower_ == "of" and of.dep_ == "prep" and of.head.pos_ == "NUM"


def _the_act(tokens: Any, start: int, end: int) -> Any:
    """The word naming the act a figure's counted noun takes part in (``figure_head``'s token), or None; none for the
    whole of a partitive (``partitive_whole``)."""
    noun = counted_noun(tokens, start, end) or _root(tokens, start, end)
    if noun is None or partitive_whole(tokens, start, end):
        return None
    governor = _governor(noun, tokens)
    return _raised_to(governor, noun, tokens) if governor is not None else None


def figure_mood(tokens: Any, start: int, end: int) -> Literal["done", "foreseen"] | None:
    """Whether the act a figure counts is told as done ("closed six mills", "had been evacuated", "homes destroyed
    by the fire") or foreseen ("will close six mills", "would create 3,000 jobs", "plans to close", "is to be
    evacuated"), or None when the parse does not say (a present tense, a noun, a headline).

    Read from the verb's auxiliaries: a modal (tag ``MD``) or an infinitive's ``to`` makes the act one planned, expected
    or supposed, which is another fact than the act done, whatever its count; before a perfect ("may have died", "are
    believed to have died") they only hedge a past act, so they say nothing. A verb joined to another without its own
    auxiliary or subject ("should be cut and 14 plants closed") is told as the verb it joins, as is one the tagger took
    for an adjective though it has an object ("will cut 1,100 jobs and close 60 branches").
    """
    verb = _the_act(tokens, start, end)
    if verb is None or (verb.pos_ not in ("VERB", "AUX") and not _a_verb_read_as_an_adjective(verb)):
        return None
    while (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in verb.children)
    ):
        verb = verb.head
    helpers = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if _done_through(verb, helpers):
        return "done"  # "managed to pull 12 miners out": the act came about
    if any(child.tag_ == "MD" or (child.lower_ == "to" and child.tag_ == "TO") for child in helpers):
        # "may have died", "are believed to have been killed": a past act told with a hedge, not one foreseen
        perfect = any(child.lemma_.lower() == "have" for child in helpers)
        return None if perfect else "foreseen"
    if verb.tag_ == "VBD":
        return "done"
    if verb.tag_ == "VBN" and (
        any(child.lemma_.lower() == "have" or child.tag_ == "VBD" for child in helpers)
        or (not helpers and verb.dep_ in ("acl", "relcl"))
    ):
        return "done"  # "have closed", "were destroyed", "the homes destroyed by the fire"
    return None


def _a_verb_read_as_an_adjective(word: Any) -> bool:
    """Whether a word the tagger gives as an adjective is a verb joined to another: it has a direct object and is the
    conjunct of a verb ("will cut 1,100 jobs and close 60 branches": "close" tagged an adjective)."""
    return (
        word.pos_ == "ADJ"
        and word.dep_ == "conj"
        and word.head.pos_ in ("VERB", "AUX")
        and any(child.dep_ == "dobj" for child in word.children)
    )


def _done_through(verb: Any, helpers: list[Any]) -> bool:
    """Whether an infinitive is framed by a past verb telling that it came about ("managed to pull 12 miners out",
    "had succeeded to", WordNet's verbs of succeeding, ``lexicon.tells_success``): the act is done, not planned."""
    frame = verb.head
    if verb.dep_ != "xcomp" or frame.i == verb.i or frame.pos_ not in ("VERB", "AUX"):
        return False
    if not any(child.lower_ == "to" and child.tag_ == "TO" for child in helpers):
        return False
    frame_helpers = [child for child in frame.children if child.dep_ in ("aux", "auxpass")]
    if any(child.tag_ == "MD" or child.tag_ == "TO" for child in frame_helpers):
        return False  # "will manage to", "hopes to succeed in": still to come
    past = frame.tag_ == "VBD" or (frame.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in frame_helpers))
    return past and lexicon.tells_success(frame.lemma_.lower())


# Determiners that make a partitive the whole: "all 58 of its schools", "both of its plants".
_WHOLE = frozenset({"all", "both", "each", "every"})


def figure_part(tokens: Any, start: int, end: int) -> bool:
    """Whether a figure counts a part of what its sentence names: a partitive of a holder's stock ("ten of its
    plants", "twelve of the park's trees": some of all it has), or an act told as done in part ("the partial closure
    of ten plants", "partly destroyed 15 homes"; WordNet's words for in part, ``lexicon.tells_a_part``). Another count
    of the same noun and act not so told is the whole, another fact. A partitive of the set the story tells of ("17
    of the hijacked ships are still held", "two of the hostages") counts what the other source's count does: the
    ships still held are the vessels another outlet says are held. "All 58 of its schools" counts them all. A whole
    given its own figure ("close 60 of its 260 branches") makes the part the count of what the act befell, as another
    source's "will shut 90 branches" is: the whole is the other figure (``partitive_whole``). "Others" told beside
    another count of the same verb ("killed 3 soldiers and 10 others") is the rest of those it befell, a part of them
    (``_the_rest_of_a_count``)."""
    root = _root(tokens, start, end)
    if root is None:
        return False
    whole_told = any(child.lower_ in _WHOLE for child in root.children)  # "All 58 of the city's schools" is all
    for of in () if whole_told else root.children:
        if of.dep_ == "prep" and of.lower_ == "of":
            whole = next((child for child in of.children if child.dep_ == "pobj"), None)
            if (
                whole is not None
                and any(child.dep_ == "poss" for child in whole.children)
                and not any(child.dep_ == "nummod" for child in whole.children)
            ):
                return True
    act = _the_act(tokens, start, end)
    noun = counted_noun(tokens, start, end)
    if noun is not None and _the_rest_of_a_count(noun):
        return True
    for word in (act, noun):
        if word is None:
            continue
        for child in word.children:
            if child.dep_ in ("amod", "advmod") and lexicon.tells_a_part(child.lemma_.lower()):
                return True
            if child.dep_ == "amod" and any(
                grand.dep_ == "advmod" and lexicon.tells_a_part(grand.lemma_.lower()) for grand in child.children
            ):
                return True  # "15 partly destroyed homes"
    return False


def _counted(noun: Any) -> bool:
    """Whether a noun has a number of its own in the parse ("3 soldiers")."""
    return noun.pos_ in ("NOUN", "PROPN") and any(child.dep_ == "nummod" for child in noun.children)


def _the_rest_of_a_count(noun: Any) -> bool:
    """Whether a figure's noun is a word standing for the noun ("others", "more": ``STANDS_FOR_THE_NOUN``) joined by
    "and" to another counted noun of the same verb ("killed 3 soldiers and 10 others"): it counts the rest of those
    the verb befell, a part of them, not all of them as "injured 213 others" after "killed 27 people" does (a word
    of another verb, all whom that verb befell)."""
    if noun.lemma_.lower() not in STANDS_FOR_THE_NOUN:
        return False
    if noun.dep_ == "conj" and _counted(noun.head):
        return True
    return any(child.dep_ == "conj" and _counted(child) for child in noun.children)


# Clauses whose subject is their governing verb's ("starring in seven films" after "He collaborated",
# "had to cancel 77 flights", "and sold two million"): the holder is looked for one verb up.
_SUBJECT_SHARED = frozenset({"xcomp", "advcl", "conj"})
_RELATIVE = frozenset({"which", "that", "who", "whose"})


def figure_holder(tokens: Any, start: int, end: int) -> Any:
    """The word naming who or what a figure belongs to, or None: the possessor of the counted noun or of the
    subject ("Its profit rise included profits of $3.65bn" -> Its, "Cairn's shares jumped 400%" -> Cairn), a person its own
    phrase names ("43.8 percent for her rival, Pieter Lindqvist" -> Lindqvist), else
    the subject of the verb the counted noun belongs to ("The band has sold two million records" -> band, "He
    collaborated ..., starring in seven films" -> He), the noun a relative clause modifies standing for "which".

    A figure that counts the subject itself ("Ten people were killed") has no holder: what did it is not
    what it counts. Extraction resolves the word it returns (a pronoun, "the band") to a name the text gives.
    """
    noun = counted_noun(tokens, start, end) or _root(tokens, start, end)
    if noun is None:
        return None
    named = _person_it_is_for(noun)
    if named is not None:
        return named  # "against 43.8 percent for her rival, Pieter Lindqvist": the rival's share, not the subject's
    current = noun
    for _ in range(8):
        possessor = _possessor(current)
        if possessor is not None:
            return possessor
        if current.pos_ in ("VERB", "AUX") and current is not noun:
            break
        head = current.head
        if head.i == current.i or not (tokens.start <= head.i < tokens.end):
            return None
        if current.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            return None  # the figure counts the subject itself
        current = head
    else:
        return None
    verb = current
    for _ in range(3):
        subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
        if subject is None:
            agent = next((child for child in verb.children if child.dep_ == "agent"), None)
            subject = next((child for child in agent.children if child.dep_ == "pobj"), None) if agent else None
        if subject is not None:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl" and tokens.start <= verb.head.i < tokens.end:
                subject = verb.head  # "Abba's songs, which have sold ..." -> songs (and so Abba)
            return _possessor(subject) if subject.pos_ == "NOUN" and _possessor(subject) is not None else subject
        if verb.dep_ not in _SUBJECT_SHARED or not (tokens.start <= verb.head.i < tokens.end):
            return None
        verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
    return None


# Entity labels of names a figure's holder may be (not a date's or a number's: "December's 4% rise").
_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})


def _unknown_capitalised_noun(word: Any) -> bool:
    """A capitalised noun WordNet has no noun for: a name the tagger missed ("Harbor employs about 2,100 people" at a
    sentence's start, tagged a common noun)."""
    return word.pos_ == "NOUN" and word.text[:1].isupper() and not lexicon.senses(word.lower_, "n")


def holder_count(
    word: Any, person: bool = False
) -> tuple[Literal["one", "several"] | None, Literal["person", "named", "body"] | None]:
    """How many a figure's holder word (``figure_holder``'s) names, and what: its number in the parse ("they", "the
    companies" several; "Roe", "he", "the club" one; a name joined to another by "and" several) and its kind (a name
    tagged a person's, "he" or "she", a noun WordNet's first sense makes a person: person; any other name: named; a
    noun whose first sense is a group, "the companies", "the new bank": body). A possessor of the subject ("Roe's
    officers arrested 30") is not who did the act, so it says neither. ``person``: the text resolves the word to a
    person (a surname the tagger did not mark in this sentence, named in full before)."""
    if word.dep_ == "poss" and word.head.dep_ in ("nsubj", "nsubjpass"):
        return None, None
    numbers = word.morph.get("Number")
    several = any(child.dep_ == "conj" for child in word.children) or "Plur" in numbers or word.tag_ in ("NNS", "NNPS")
    one = not several and ("Sing" in numbers or word.tag_ in ("NN", "NNP"))
    number: Literal["one", "several"] | None = "several" if several else "one" if one else None
    kind: Literal["person", "named", "body"] | None = None
    if (
        person
        or word.ent_type_ == "PERSON"
        or (word.pos_ == "PRON" and set(word.morph.get("Gender")) & {"Masc", "Fem"})
    ):
        kind = "person"
    elif word.pos_ == "PROPN" or word.ent_type_ in _NAME_LABELS or _unknown_capitalised_noun(word):
        kind = "named"
    elif word.pos_ == "NOUN":
        field = lexicon.first_noun_field(word.lemma_.lower())
        kind = "person" if field == lexicon.PERSON_FIELD else "body" if field == lexicon.GROUP_FIELD else None
    return number, kind


# Words a figure's phrase naming whom it is for may run over before the name: "for her rival, Pieter Lindqvist".
_FOR_WHOM_WORDS = 6


def _person_it_is_for(noun: Any) -> Any:
    """The person named in the phrase right after a figure's noun ("43.8 percent for her rival, Pieter Lindqvist",
    "12 votes for Roe"), or None: in a sentence giving a winner's and a rival's shares, each share is its own
    person's, whoever the sentence's subject is. Read in word order, as the parse often hangs such a phrase on the
    verb ("won ... for her rival"): the preposition right after the noun, then a name tagged a person's before any
    verb or the end of the phrase."""
    doc = noun.doc
    after = noun.i + 1
    if after >= len(doc) or doc[after].pos_ != "ADP" or doc[after].lower_ == "of":
        return None
    commas = 0
    for word in doc[after + 1 : after + 1 + _FOR_WHOM_WORDS]:
        if word.ent_type_ == "PERSON":
            return word
        if word.pos_ in ("VERB", "AUX", "ADP", "CCONJ") or word.is_sent_end:
            return None
        commas += word.text == ","
        if commas > 1:
            return None
    return None


def _possessor(noun: Any) -> Any:
    """The possessive before a noun ("Its profit", "Cairn's shares"), unless it names the post of a person
    ("a sheriff's deputy": extraction counts the deputy, see ``office_holder``)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    possessor = next((child for child in noun.children if child.dep_ == "poss"), None)
    if possessor is None or office_holder(possessor, possessor.doc[:]) is not possessor:
        return None
    return possessor
