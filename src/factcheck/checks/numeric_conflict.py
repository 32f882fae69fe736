"""FC003 numeric-conflict: the same measure given incompatible values."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from factcheck.checks.base import CheckContext, PairwiseCheck, connected_groups
from factcheck.checks.temporal import dates_agree
from factcheck.dates import (
    FALLBACK_ANCHOR,
    YEAR_WORDS,
    a_comparison_base,
    interval_of,
    values_agree,
    year_nearest,
    year_of_the_other,
)
from factcheck.model import Claim, Corpus, Finding, Quantity, Severity, Span, TimeExpression
from factcheck.nlp.align import (
    AGE_AFTER,
    DIFFERENT_HEADS_SIMILARITY,
    HEAD_CONTEXT,
    HEAD_SIMILARITY,
    HEAD_STRENGTH,
    MIN_SHARED,
    PARAPHRASE_STRENGTH,
    REPORTING_VERBS,
    STANDS_FOR_THE_NOUN,
    STOPWORDS,
    Alignment,
    SlotPair,
    Token,
    article_names,
    name_words,
    nouns_meet,
    particulars_differ,
    stem,
)
from factcheck.nlp.entities import (
    ARTICLES,
    entity_keys,
    places_told,
    surroundings,
    told_where_the_other_never_is,
    two_places,
)
from factcheck.nlp.negation import NEGATED_VERB
from factcheck.nlp.quantities import intervals_overlap, quantity_interval, unit_family
from factcheck.nlp.timex.base import count_value
from factcheck.nlp.timex.lexicon import COUNT_WORD
from factcheck.plainwords import date_words, quoted
from factcheck.words import words_in

STRENGTH = 0.5  # how well the rest of two aligned sentences must match (Dice of content stems)
SHARED = 3  # content words both sentences must have
LOCAL = 0.6  # or: how well the words around the two numbers match, when one sentence adds a clause
SAME_DOCUMENT_STRENGTH = 0.7  # within one text a restatement must match closely
# And the two sentences' vectors (when the corpus has them) must be this close: words in common
# name a topic; the sentence embedding says whether the two state one fact.
SIMILARITY = 0.6
# Figures this close (relative difference) are a revision or another source's measurement, not a
# slip: info, not a warning ("a 6.1-magnitude quake" / "a 5.9-magnitude quake").
NEAR = 0.1
# Figures this many times apart are a note too: one fact misreported is off by a slip (a digit, a doubling),
# while a figure ten times another is most often another fact's (a part and its whole, a country and the
# world, a day and a year: "77 flights" / "some 1,100 flights were cancelled"). The same digits with two scale
# words ("1.5 million" / "1.5 billion") stay a conflict: that is the slip.
APART = 10.0
# Two counts of one noun whose heads agree ("a storm killing at least 7 people" / "Three people died") are pinned by
# what is counted and what befell it: their sentence vectors need agree only this well. A line under a headline
# leaves out the event ("an earthquake") that its vector would need to come near the other sentence's.
COUNTED_SIMILARITY = 0.35
# Two counts of one kind befallen by one act in other words ("killed eight residents" / "eight people died") meet on
# the sentence vectors and a fifth of the words (``PARAPHRASE_STRENGTH``): at 0.6 the dev clean groups gained two
# warnings, one quake's injured given as five and as two by two outlets (0.60), two navies' captures of pirates (0.62).
KIND_SIMILARITY = 0.65


# A percentage after these words is a change ("profits jumped 76%"), not a share of a whole.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|jump\w*|up|down|increase\w*|decrease\w*|grew|grow\w*|"
    r"drop\w*|cut\w*|by|climb\w*|slump\w*|surge\w*|gain\w*|plung\w*|soar\w*|declin\w*|shed|slid|slip\w*|"
    r"boost\w*|rais\w*|lower\w*|reduc\w*|higher|lower)\s+(?:by\s+|to\s+|from\s+)?(?:about|around|nearly|almost|over|"
    r"more\s+than|less\s+than|some|just|roughly)?\s*$",
    re.I,
)


# A figure before a comparative and "than", its noun between or not, measures a difference from another figure
# ("seven rounds earlier than", "three points more than", "2,000 more tents than"); "rather than" and "other than"
# compare nothing.
_DIFFERENCE_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?!rather\b|other\b)[a-z]+\s+than\b", re.I)


def is_change(claim: Claim, quantity: Quantity) -> bool:
    """Whether a number states a change or a difference rather than a level ("up 5%", "fell by 2,000", "seven
    rounds earlier than")."""
    offset = quantity.span.start - claim.span.start
    before = claim.span.text[max(0, offset - 40) : max(0, offset)]
    end = quantity.span.end - claim.span.start
    return bool(_CHANGE_BEFORE.search(before)) or bool(_DIFFERENCE_AFTER.match(claim.span.text, max(0, end)))


def _actor_keys(claim: Claim) -> set[str]:
    return entity_keys(claim.event.actor) if claim.event is not None and claim.event.actor else set()


_HOLDER_LABELS = ("GPE", "ORG", "PERSON")
_NAMED_LABELS = ("GPE", "ORG", "NORP", "PERSON", "FAC")


def holders(claim: Claim, quantity: Quantity) -> set[str]:
    """Who a figure belongs to: named entities that are the claim's subject or the measure's possessor.

    "Japan's economy grew 1.1%" and "the US economy grew 4.4%" are two measures, not one
    measure given two values; a figure with no identifiable holder is not comparable to one
    with a holder.
    """
    subject = _actor_keys(claim) - _PRONOUN_SUBJECTS
    found: set[str] = set()
    for actor in claim.actors:
        if actor.label not in _HOLDER_LABELS:
            continue
        keys = entity_keys(actor.name)
        if subject and keys & subject:
            found |= keys
        elif _possesses(claim, actor.span.end, quantity):
            found |= keys
    if not found and not subject:
        # No named subject ("the US, which accounted for over 60%"): the entity named
        # nearest before the figure is what the relative clause or pronoun stands for.
        before = [
            actor for actor in claim.actors if actor.label in _HOLDER_LABELS and actor.span.end <= quantity.span.start
        ]
        if before:
            found = entity_keys(max(before, key=lambda actor: actor.span.end).name)
    return found


_PRONOUN_SUBJECTS = frozenset({"which", "who", "that", "it", "they", "this", "he", "she", "we"})


def _possesses(claim: Claim, entity_end: int, quantity: Quantity) -> bool:
    """Whether an entity ending at ``entity_end`` is the possessor of the measured noun ("Japan's economy")."""
    if not quantity.measure:
        return False
    after = claim.span.text[entity_end - claim.span.start : entity_end - claim.span.start + 60].casefold()
    possessive = re.match(r"(?:'s|’s|')\s+((?:[\w-]+\s+){0,3}?)" + re.escape(measure_key(quantity.measure)), after)
    return possessive is not None


def shares_of_two_places(left: Claim, right: Claim) -> bool:
    """Whether two shares held by one entity are of two places' wholes: a sentence names where its share was
    counted and the other names no such place, or another ("UKIP won 16.1% of the vote at the European elections"
    / "UKIP won 31% of the vote in Erewash"). A share is of a whole; a place after "in" or "at" says which whole.
    Only the share path asks this: it meets two sentences on holder and measure alone, nothing else of them.
    """
    left_places, right_places = places_told(left, regions=True), places_told(right, regions=True)
    return (bool(left_places) or bool(right_places)) and not left_places & right_places


def names_entities(claim: Claim) -> bool:
    return any(actor.label in _NAMED_LABELS for actor in claim.actors)


# Words that name a unit, not a measure: "64 points" or "four pence" say how a thing is
# counted, not what is counted (an index level, a share price), so they never key a block.
_UNIT_WORDS = frozenset(
    {"penny", "pence", "p", "point", "cent", "percent", "percentage", "pct", "per", "basis", "bp", "bps"}
)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def measure_key(measure: str | None) -> str:
    """The measured noun, lower-cased and singular ("Satellites" -> "satellite").

    The head is the last word that is not a unit word ("share price pence" -> "price"); a
    measure made only of unit words ("penny", "points") has no key.
    """
    if not measure:
        return ""
    words = [_singular(word) for word in re.findall(r"[a-z]+", measure.casefold())]
    content = [word for word in words if word not in _UNIT_WORDS and word != "pence"]
    return content[-1] if content else ""


def measure_phrase(measure: str | None) -> str:
    """The whole measured noun phrase, folded: what must match within one document."""
    words = [_singular(word) for word in re.findall(r"[a-z0-9]+", (measure or "").casefold())]
    return " ".join(word for word in words if word not in ARTICLES)


def render(quantity: Quantity) -> str:
    """The values a quantity allows, in plain words ("more than 66.7%")."""
    from factcheck.plainwords import interval_words

    share = unit_family(quantity.unit) == "share"
    return interval_words(
        *quantity_interval(quantity), "percent" if share else quantity.unit, ceiling=100.0 if share else None
    )


_SCALE_WORD = re.compile(r"(?i)\b(?:thousand|million|billion|trillion)s?\b|\d\s*(?:bn|mn|m|k)\b")


def scale_elided(left: Quantity, right: Quantity) -> bool:
    """The same digits, one side with a scale word the other leaves to its context.

    "EUR 110 billion" and "the 110 agreed in May" state one figure: the values differ by a
    power of a thousand exactly, are written with the same digits, and only one of them
    names a scale ("1.5 million" against "1.5 billion" names both, and conflicts).
    """

    def digits(quantity: Quantity) -> str:
        return re.sub(r"\D", "", quantity.span.text)

    low, high = sorted((abs(left.value), abs(right.value)))
    if not low or not digits(left) or digits(left) != digits(right):
        return False
    if bool(_SCALE_WORD.search(left.span.text)) == bool(_SCALE_WORD.search(right.span.text)):
        return False
    ratio = high / low
    return any(abs(ratio - 1000.0**power) < 1e-6 * ratio for power in (1, 2, 3, 4))


# "has sold 6.2 million copies since its release", "40 so far": a total that grows, given as of the day
# its article was written.
_SO_FAR = re.compile(r"\b(?:so|thus)\s+far\b|\bto\s+date\b|\b(?:until|up\s+to)\s+now\b", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+|\w+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ld|ght|ne|de|t)\b", re.IGNORECASE
)


def as_of_its_day(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure is given as of the day its article was written, and names no other.

    A total that grows ("has sold 6.2 million copies since its launch", "40 so far", "to date": the
    perfect with "since" says so too), or a level the text dates only as the present ("now exceeds
    4.8 million", "latest figures"). A figure the text dates ("by the end of 2004") is compared by
    that date instead.
    """
    if quantity.as_of is not None and quantity.as_of.value:
        return quantity.as_of.value == "PRESENT_REF"
    return bool(_SO_FAR.search(claim.span.text)) or bool(
        _SINCE.search(claim.span.text) and _PERFECT.search(claim.span.text)
    )


def a_growing_total(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure is a total that grows, given as of its writer's day ("has sold 6.2 million copies since its
    launch", "40 so far"): two such totals, or one and another figure, are of one moment only on one known day. A
    level the text dates only as the present ("now has 4,000 staff") is not: see ``days_apart``. Read from the
    wording, as the timex reads "so far" and "now" alike (the present)."""
    if quantity.as_of is not None and quantity.as_of.value not in (None, "PRESENT_REF"):
        return False  # dated by the text ("by the end of 2004"): compared by that date
    text = claim.span.text
    return bool(_SO_FAR.search(text)) or bool(_SINCE.search(text) and _PERFECT.search(text))


def days_apart(published: Mapping[str, date | None], left: Claim, right: Claim) -> bool:
    """Whether two claims' documents are known to be of two different days.

    A level given as of the writer's day ("now has 4,000 staff", "currently employs") is of one moment with
    another text's figure unless the two days are known apart: a text with no dateline is of an unknown day, and
    two sources stating one current figure most often write of one moment. Read as two moments, two sources
    giving one company's staff as "now 4,000" and "now 2,000" were never compared.
    """
    left_day, right_day = published.get(left.doc), published.get(right.doc)
    return left_day is not None and right_day is not None and left_day != right_day


def measured_from(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure's date is the base it is measured from ("7% more than in 2003", "the highest since 1990"), not
    the time it holds for: two such figures from bases not known to be one (a year and its December, a year and "the
    previous year" of an undated article) are two changes, as two bars on one chart are."""
    return quantity.as_of is not None and a_comparison_base(claim, quantity.as_of)


def written_the_same_day(published: Mapping[str, date | None], left: Claim, right: Claim) -> bool:
    """Whether two claims' documents are known to be of one day (or are one document)."""
    if left.doc == right.doc:
        return True
    left_day, right_day = published.get(left.doc), published.get(right.doc)
    return left_day is not None and left_day == right_day


@dataclass(frozen=True)
class _Inputs:
    """What judging one alignment reads: the thresholds, and each document's dateline (no text)."""

    strength: float
    shared: int
    local: float
    similarity: float
    head_similarity: float
    counted_similarity: float
    kind_similarity: float
    published: dict[str, date | None]
    names: dict[str, frozenset[str]]  # per document, the words of the names its claims give
    figures: dict[str, frozenset[tuple[str, str, float]]]  # per document, the figures it gives (``figures_told``)
    around: dict[str, frozenset[str]]  # per document, the places holding those it names (WordNet)
    # per claim opening with "He" or "She", the name words of the person the sentence before is about
    pronoun_persons: dict[str, frozenset[str]] = field(default_factory=dict)


# What ``judge`` gives the merge for one pair of figures: where the two are, the finding (None when they agree or
# are no conflict) and, when the two sentences give one count two values, the two documents and the two sentences.
_Told = tuple[frozenset[str], tuple[tuple[str, str], tuple[str, str]]]
_Judged = tuple[frozenset[tuple[str, int, int]], Finding | None, _Told | None]


class NumericConflictCheck(PairwiseCheck):
    """The same figure given values that cannot both be true, across sources or within one.

    Two ways two numbers meet:

    * **aligned sentences** (factcheck.nlp.align): two claims that may state the same fact
      are aligned word by word; a number standing opposite a number is compared when the
      rest of the sentences matches (half of their content words or more, in any order) and
      both count the same thing (the same counted noun, "4,000 tents" / "2,000 tents", in the
      same unit family). Two numbers of one shared sentence are never paired with each other
      ("101 yards" meets "101 yards", not "352 yards");
    * **a share held by a named entity** ("the United States operates more than two-thirds of
      the world's active satellites" / "the US accounted for over 60% of all operational
      satellites"): the same measured noun, a share, held by the same entity.

    Aligned figures need strong evidence of one fact: the sentence vectors agree too (cosine
    >= 0.6, when the corpus has vectors); a figure the other sentence also gives ("12 injured"
    / "18 injured and 12 arrested") means the pairing is wrong; a noun counted twice on one
    side ("seven rifles, two other rifles") cannot be paired. Compatible and near figures are
    one note per measure and pair of values.

    What the counted noun belongs to (its head in the parse: "injuring five people" -> injure)
    decides which figures are one fact's: two counts of a noun with the same head meet on less of
    the rest (sentence vectors >= 0.5, or 0.35 when both name the same counted noun, "Three people
    died" / "killing at least 7 people"; a third of the weighted words and of the words around; not
    rates or sums, whose holder the head does not name: "the economy grew 2.1%"); two of
    different heads ("Hillis added 101 yards" / "the Chiefs had 352 yards rushing") are compared
    only when the sentences are the same or mean nearly the same (vectors >= 0.8). An age's head is the
    noun naming the person ("a 15-year-old boy" / "a 15-year-old teenager"): two nouns for one person,
    so differing heads do not keep two ages apart; the age of one person both sides name ("16-year-old
    Dana Whitfield") is compared however little else matches (vectors >= 0.5). A toll may leave its noun out
    on both sides ("3 dead" / "Three die"): the head is then what is counted; a headline's toll with no noun counts
    the people the state it names befell ("5 dead in ..." / "Three people died", "12 hurt" / "injuring 20
    passengers"); "others" counts what the other side's noun names ("wounded four men" / "injured two others"). An
    act counted by its noun is a count of whom the act befell, told by its verb ("made 27 arrests" / "arrested 27
    people"; not a noun for whoever does the act, "two killers"). One kind of people or things befallen by one act
    is one count however each writer words it ("killed eight residents" / "eight people died": residents are people,
    WordNet's kill causes die; "30 people" counts
    persons, the members of WordNet's group): compared when the sentence vectors agree (>= 0.65) and a fifth of the
    words match, and paired so when the alignment leaves them apart; not when an article gives the other side's figure
    of the other noun too ("30 people, 12 of them children" / "12 children"), nor for two kinds side by side
    ("soldiers" / "civilians") or two acts ("killed" / "injured"). Two lengths of time of one act named after "of"
    ("five days of rioting" / "ten days of riots") are pinned by what lasted, as an age by its person: paired when
    the alignment leaves them apart and compared however little else matches (vectors >= 0.5). Heads that differ
    still meet when both figures count one phrase word for word ("at four armed guards" / "two armed guards shot")
    and the sentence vectors agree (>= 0.6). One noun counted under one act told with two verbs WordNet gives for
    one act ("plan to shut 40 branches" / "will close 60 branches", "demanded 30 coins" / "asked for 20 coins") is one
    count however little else the two sentences share (``one_act_counted_alike``: each side's one count of the noun,
    both ten or more and less than ten times apart, the head a verb as written or given a tense by the parse, vectors
    >= 0.35), unless both are told as a source's report ("the
    governor said", "according to the agency": two authorities, or an early and a later toll) or one is dated to
    another time than the other article's news ("in 1958, when about 400 people died" / "has killed 52 people",
    ``dated_apart``); "others" counted under the act stands for the other side's noun there too ("140 people had been
    hurt" / "hurt 90 others"), unless it is the rest of a count told beside it ("killed 3 soldiers and 10 others": a
    part, read from the parse, and the 3 soldiers are some of the people killed, not "13 people"); and a sum of money
    counts its currency, each side's only sum in it, paid or got by one act ("paid $40 million" / "had paid 25 million
    dollars"). An age never pairs with a count. Figures two sources' sentences give alike
    (one value and unit, not a whole number under ten, an age or a length of time) pin them to one account: the one
    figure of a unit each gives besides is that account's, whatever its head and the words around it ("grew 11 percent
    to 29.2 million francs, with 312,000 fans" / "312,000 people came and spent 14.6 million francs, up 11 percent"),
    when the rest still reads as a paraphrase (a fifth of the words as written, vectors >= 0.6); not a figure that sums
    the figures given alike ("Out of 23 pirates, 12 ... and 11 ...": their whole), nor a sum restated in another unit
    ("$27.5bn (£14.5bn)" / "$27.5bn (£13bn)": one sum converted at two rates).
    Met on few words (under ``STRENGTH``), a sentence that tells its act in a place the other's article
    never names, nor holds a place it names (WordNet's part-of: Vancouver in Canada), is another event's.
    Two figures are two facts, not one told two ways, when each article gives both of them; when they are counted in
    two places (a continent or a sea WordNet knows counts as one: "in Europe" / "in Japan"); at two named things of
    one kind ("at the Norland Film Awards" / "at the Academy Awards"); or when one counts a remainder ("three other
    rifles", "a further 10,000") and the other does not. Two changes measured from bases not known to be one ("7%
    more than in 2003" / "26% more than in December 2003") are two changes. An act foreseen ("will close 14 plants",
    "plans to close", "is to be closed": a modal or an infinitive in the parse) and the act done ("closed two plants
    last year") are two facts, whatever the two counts; two plans given two counts still conflict. So are a part and
    the whole: a partitive ("ten of its plants") or an act done in part ("the partial closure of ten plants", "partly
    destroyed") against a count told of the whole; but a partitive whose whole has its own figure ("will close 60 of
    its 260 branches") gives the act's count (60, against "will shut 90 branches") and the whole (260, what the bank
    has, which meets no count of what an act befell). One holder and several, as the parse gives their words, are
    two holders: one person against several ("Roe scored 23 goals" / "they scored 39 goals"), several bodies against
    one name ("The companies together employ 5,200" / "Harbor employs 2,100").

    Each number is an interval built from its comparator and rounding ("over 60%" is
    (60, 100]; "more than two-thirds" is (66.7, 100]; "about 7" is [6.5, 7.5]).

    * intervals overlap but differ (rounding, "about", a range containing the other): info,
      "differ but compatible", with both as-of dates; no finding when each source can be exactly
      right: one figure hedged two ways ("about 300" / "300") or a bound and a figure that meets it
      ("at least two" / "three");
    * disjoint intervals at compatible times (as-of dates agree or are unknown): warning;
      error when both give the same as-of date.
    * figures within 10% of each other: info, "differ slightly" (a revision, another agency's
      measurement);
    * figures ten times apart or more: info, more likely two facts (a part and its whole, two places
      or times) than one misreported; the same digits under two scale words stay a conflict.
    Different as-of dates (2019 vs 2021) are a change over time, not a conflict. A change
    ("up 5%") never meets a level ("5%"). A total that grows ("has sold 6.2 million copies
    since its release", "40 so far") is as of the day its article was written: against a figure
    of another document not known to be of that day it is a change over time too. A level dated
    only as the present ("now has 4,000 staff") is so only against a figure of a day known to be
    another; two texts of unknown days are compared, as two undated figures are. A date counted
    back from the writer's day ("hurt nine days ago" / "18 days ago") is a length compared as a
    figure when the two days are not both known (known, the dates resolve for date-conflict).

    One difference carried by many sources is one finding: conflicting pairs that share a figure, directly
    or through other pairs, are reported once, each value with the sources that give it and every source's
    figure as evidence ("‘23’ in a, b, c; ‘26’ in d, e"). A conflict between two figures only is that pair's.

    Example: "Workers put up 4,000 tents" in one source, "4,000" changed to "2,000 tents" in
    another: warning, both sentences with the differing number in ``data["alignment"]``.

    Suppress with ``ignore = ["numeric-conflict"]``, tune with
    ``thresholds = {"numeric-conflict.strength" = 0.6}``, or resolve a finding by its id.
    """

    code = "FC003"
    slug = "numeric-conflict"
    severity = Severity.WARNING

    def pairwise_inputs(self, corpus: Corpus, context: CheckContext) -> _Inputs:
        names = article_names(corpus.claims)
        return _Inputs(
            strength=context.settings.threshold("numeric-conflict.strength", STRENGTH),
            shared=int(context.settings.threshold("numeric-conflict.shared", SHARED)),
            local=context.settings.threshold("numeric-conflict.local", LOCAL),
            similarity=context.settings.threshold("numeric-conflict.similarity", SIMILARITY),
            head_similarity=context.settings.threshold("numeric-conflict.head_similarity", HEAD_SIMILARITY),
            counted_similarity=context.settings.threshold("numeric-conflict.counted_similarity", COUNTED_SIMILARITY),
            kind_similarity=context.settings.threshold("numeric-conflict.kind_similarity", KIND_SIMILARITY),
            published={document.id: document.published for document in corpus.documents},
            names=names,
            around=surroundings(corpus.claims),
            figures=figures_told(corpus.claims),
            pronoun_persons=persons_pronouns_stand_for(corpus.claims, names),
        )

    def judge(self, alignment: Alignment, inputs: _Inputs) -> list[_Judged]:
        """The alignment's differing figure, if the two count one thing: where the two figures are
        (the merge keeps the first alignment to reach a pair of places), the finding, if they conflict,
        and the sentence pair, when the two sentences give one count two values (``_EDITION_PAIRS``)."""
        judged: list[_Judged] = []
        for pair in (
            alignment.pairs_of("number")
            + lengths_back(alignment, inputs.published)
            + lengths_of_one_act(alignment)
            + counts_of_one_kind(alignment)
            + figures_of_one_holder(alignment)
            + figures_left_by_agreement(alignment)
        ):
            dropped = self.dropped_by(alignment, pair, inputs)
            told_twice = _one_count_two_values(alignment, pair, dropped, inputs)
            if dropped is not None:
                if told_twice is not None:
                    judged.append((frozenset(), None, told_twice))
                continue
            left_q, right_q = pair.left.ref, pair.right.ref
            where = frozenset(
                {
                    (left_q.span.doc, left_q.span.start, left_q.span.end),
                    (right_q.span.doc, right_q.span.start, right_q.span.end),
                }
            )
            measure = (
                counted_noun(alignment.left, left_q)
                or counted_noun(alignment.right, right_q)
                or _following_word(alignment, pair)
            )
            finding = self._compare(
                alignment.left,
                left_q,
                alignment.right,
                right_q,
                (unit_family(left_q.unit), measure, "aligned"),
                inputs.published,
                alignment,
                pair,
            )
            judged.append((where, finding, told_twice))
        return judged

    def dropped_by(self, alignment: Alignment, pair: SlotPair, inputs: _Inputs) -> str | None:
        """The rule that keeps two aligned figures from being compared as one fact's, or None when none does.

        Named for a reader (the benchmark's ``--why`` prints it for each missed case), in the order the rules apply.
        """
        left_q, right_q = pair.left.ref, pair.right.ref
        if quantity_interval(left_q) == quantity_interval(right_q):
            return "the figures agree"
        # Two figures left over where every other figure of the two sentences agrees are one fact's whatever their
        # heads: the figures in common pin the two sentences to one account (``left_by_agreement``).
        pinned = left_by_agreement(alignment, pair)
        if not pinned and not _same_count(alignment, pair):
            return "not one count (unit family, change or level, counted noun, or the word after differ)"
        counts = alignment.slot_counts("number")
        if counts[0] != counts[1] and pair.how == "only":
            return "paired as the only figures left, of sides with different numbers of figures"
        # A figure given two compatible ways ("at least 60" / "more than 60") is one figure hedged, not another that
        # differs: it says the two sentences tell one account, as an equal figure does. Two whole numbers meeting only
        # at their rounding edge ("two" / "three") differ.
        others = [
            other
            for other in alignment.pairs_of("number")
            if other is not pair
            and not _hedged_alike(other)
            # the alignment's own pairing of a figure left over is what ``left_by_agreement`` reads anew
            and not (pinned and (other.left is pair.left or other.right is pair.right))
        ]
        one_sentence = alignment.strength >= 0.999  # the same words but for the figures
        if others and not (one_sentence and not _slightly(pair) and all(_slightly(other) for other in others)):
            # Several figures differ, whatever they count: two tallies of different things ("so far" /
            # "this time"), two offers ("a seven-year deal worth $150 million" / "an eight-year deal ...").
            # One sentence copied with a figure revised slightly (a magnitude "5.9" / "6.1") is one account
            # measured twice: a figure far off in it is still to compare. In other words, two days' share
            # prices or index levels move slightly and far at once: two tallies.
            return "another figure differs too"
        one_length = one_act_lasted(alignment, pair) and (
            alignment.similarity is None or alignment.similarity >= inputs.head_similarity
        )
        act_counted = one_act_counted(alignment, pair)
        one_kind = one_kind_counted(alignment, pair)
        one_act = one_act_counted_alike(alignment, pair) and not dated_apart(alignment, pair, inputs.published)
        one_named = one_named_sum_or_rate(alignment, pair)
        if (
            alignment.heads_differ(pair)
            and not pinned
            and not ages(alignment, pair)
            and not one_phrase_counted(alignment, pair)
            and not one_length
            and not act_counted
            and not one_kind
            and not one_act
        ):
            return "the counted nouns belong to different words"  # "added 101 yards" / "had 352 yards rushing"
        # The paraphrase path (few shared words, close vectors) needs the same head: without it, on the
        # ECB+ dev groups it found no planted figure and paired totals with per-season sums, parts with wholes.
        one_person = ages_of_one_person(alignment, pair) and (
            alignment.similarity is None or alignment.similarity >= inputs.head_similarity
        )
        same_head = (
            (
                # one sum of one currency a side, paid or got by one act: the vectors say the two tell one story
                one_act
                and _one_sum_each(alignment, pair)
                and alignment.similarity is not None
                and alignment.similarity >= inputs.counted_similarity
            )
            or _counts(alignment, pair)
            and (
                alignment.same_head_fact(
                    pair, inputs.counted_similarity if one_noun_counted(pair) else inputs.head_similarity
                )
                or (act_counted and alignment.same_head_fact(replace(pair, heads=True), inputs.head_similarity))
                or (
                    one_phrase_counted(alignment, pair)
                    and alignment.rest_strength >= HEAD_STRENGTH
                    and pair.context >= HEAD_CONTEXT
                )
                # one noun befallen by one act, each side's one count of it: the vectors say the two tell one story
                or (one_act and alignment.similarity is not None and alignment.similarity >= inputs.counted_similarity)
                # one kind of people or things, befallen by one act: the sentence vectors say the rest is one event
                or (
                    one_kind
                    and alignment.similarity is not None
                    and alignment.similarity >= inputs.kind_similarity
                    and alignment.rest_shared >= MIN_SHARED
                    and alignment.rest_strength >= PARAPHRASE_STRENGTH
                )
            )
            and not one_side_negated(alignment)
        )
        if pinned:
            # The figures in common pin which figure is whose, not that the two sentences tell one account: the rest
            # must read as a paraphrase, as for one kind counted (a fifth of the words, two stems, close vectors).
            # The words as written: a pronoun or a description read as a named person adds no word the two share.
            if alignment.shared < MIN_SHARED or alignment.strength < PARAPHRASE_STRENGTH:
                return "the rest of the sentences does not match"
            if alignment.similarity is not None and alignment.similarity < inputs.similarity:
                return "the sentence vectors are too far apart"
        elif not one_person and not one_length and not same_head and not one_named:
            # The words around an age are its own ("The 21-year-old ran" / "The 24-year-old delivered"): for an
            # age that names no one else they match whoever is meant, so only the whole sentences can tell.
            around = _NO_LOCAL_MATCH if _ages_naming_no_one(alignment, pair) else inputs.local
            needed = inputs.strength if alignment.cross_source else SAME_DOCUMENT_STRENGTH
            if not alignment.matches_otherwise(pair, needed, around, inputs.shared):
                return "the rest of the sentences does not match"
            if alignment.similarity is not None and alignment.similarity < inputs.similarity:
                return "the sentence vectors are too far apart"
        if stated_on_both_sides(alignment, pair):
            return "a side also gives the other side's figure"
        if counted_twice(alignment, pair):
            return "a side counts the noun twice"
        if one_kind and a_part_told_apart(alignment, pair, inputs.figures):
            return "an article gives the other figure too, of another noun"  # "30 people, 12 of them children"
        if each_article_gives_both(alignment, pair, inputs.figures):
            return "each article gives both figures"  # "In Europe ... 1.3 megapixel" / "in Japan ... 3.2 megapixel"
        if particulars_differ(alignment, inputs.names):
            return "a sentence names what the other article never names"  # two facts of one kind
        if two_of_one_kind(alignment):
            return "two named things of one kind"  # "at the British Independent Film Awards" / "at the Academy Awards"
        if two_holders(left_q, right_q) and not held_together(alignment, left_q, right_q) and not one_person:
            return "two holders"  # "The band has sold two million records" / "Abba's songs have sold 350 million"
        if one_holder_and_several(left_q, right_q) and not one_person:
            return "one holder and several"  # "Roe scored 23 goals" / "they scored 39 goals": a player's, his side's
        if two_people(alignment, pair, inputs):
            return "two people"  # "He had four nominations" (after a sentence on Roe) / "Ito led with 10 nominations"
        if of_two_periods(alignment, pair, inputs.published):
            return "two periods"  # two figures of two times: a change over time, not a conflict
        if two_places(alignment, regions=True):
            return "two places"  # counted in two places ("worldwide" / "in France", "in Europe" / "in Japan")
        if (
            not one_person  # a person named on both sides has one age, wherever each sentence tells of them
            and alignment.rest_strength < inputs.strength
            and told_where_the_other_never_is(alignment, inputs.names, inputs.around)
        ):
            # Met on the head and few words: a place foreign to the other article is another event's ("killed by a
            # storm in eastern Ruritania" beside another storm's toll). Sentences that match by themselves ("Shares in
            # Leeds were up 6%" / "Shares in ... were up 2%") leave a place one adds to the holder rules.
            return "a place the other article never names"
        if one_side_only(_A_PART, alignment):
            return "a part against the whole"  # "excluding cars"
        if one_side_only(_A_FORECAST, alignment) and not left_q.mood == right_q.mood == "foreseen":
            # the wording says one side foretells; when the parse reads both acts as foreseen, neither is an outcome
            return "a forecast against an outcome"
        if {left_q.mood, right_q.mood} == {"done", "foreseen"}:
            return "an act foreseen against one done"  # "will close six mills" / "shut two mills last year"
        if left_q.part != right_q.part:
            return "a part of what is counted against the whole"  # "the partial closure of ten of its plants"
        if a_kind_beside_the_rest(alignment, pair):
            return "a kind counted beside the rest against all of them"  # "3 soldiers and 10 others" / "13 people"
        if the_whole_against_an_act(left_q, right_q):
            return "the whole a partitive counts from against what an act befell"  # "of its 260 branches" / "shut 90"
        if a_remainder(alignment.left, left_q) != a_remainder(alignment.right, right_q):
            return "a remainder against a total"  # "seven AK-47s, three other assault rifles" / "nine assault rifles"
        if supposed(alignment.left, left_q) != supposed(alignment.right, right_q):
            return "a supposed figure against a told one"  # "If the track sold 500,000 copies" / "sold 1.6 million"
        return None

    def merge_judged(
        self,
        corpus: Corpus,
        context: CheckContext,
        judged: list[_Judged],
        candidates: int,
    ) -> list[Finding]:
        seen: set[frozenset[tuple[str, int, int]]] = set()
        findings: list[Finding] = []
        editions = _two_editions(told for _, _, told in judged)
        for where, finding, _ in judged:
            if len(where) < 2 or where in seen:
                continue
            seen.add(where)
            if finding is not None and frozenset(doc for doc, _, _ in where) not in editions:
                findings.append(finding)
        # Shares held by a named entity: the same measure of the same holder, aligned or not.
        blocks: dict[tuple[str, str, str], list[tuple[Claim, int, Quantity]]] = defaultdict(list)
        for claim in sorted(corpus.claims, key=lambda c: (c.doc, c.span.start)):
            entities = {
                key
                for actor in claim.actors
                if actor.label in ("GPE", "ORG", "NORP", "PERSON", "FAC")
                for key in entity_keys(actor.name)
            }
            given_alike = _given_alike(claim)
            for position, quantity in enumerate(claim.quantities):
                measure = measure_key(quantity.measure)
                family = unit_family(quantity.unit)
                if not measure or family != "share" or is_change(claim, quantity) or position in given_alike:
                    continue
                holders = _actor_keys(claim)
                for entity in sorted(entities & holders if holders else entities):
                    blocks[(family, measure, f"entity:{entity}")].append((claim, position, quantity))
        published = {document.id: document.published for document in corpus.documents}
        self.candidate_pairs = candidates + sum(len(m) * (len(m) - 1) // 2 for m in blocks.values())
        for block_key in sorted(blocks):
            members = blocks[block_key]
            for i, (left, _, left_q) in enumerate(members):
                for right, _, right_q in members[i + 1 :]:
                    if left.id == right.id:
                        continue
                    where = frozenset(
                        {
                            (left_q.span.doc, left_q.span.start, left_q.span.end),
                            (right_q.span.doc, right_q.span.start, right_q.span.end),
                        }
                    )
                    if len(where) < 2 or where in seen:
                        continue
                    seen.add(where)
                    if not self._same_holder(left, left_q, right, right_q) or shares_of_two_places(left, right):
                        continue
                    finding = self._compare(left, left_q, right, right_q, block_key, published)
                    if finding is not None:
                        findings.append(finding)
        return _one_note_per_pair_of_values(self._one_finding_per_difference(findings))

    def _one_finding_per_difference(self, findings: list[Finding]) -> list[Finding]:
        """Conflicting figures are one finding per difference, however many sources carry each side.

        Eight articles giving "23 pirates" and four giving "26 pirates" are one discrepancy for an editor to
        settle, not one per pair of articles: pairs of conflicting figures that share a figure (the same place
        in one text), directly or through other pairs, and count the same measure are one finding, with every
        source's figure as evidence. A conflict between two figures only stays as it was, id and all.
        """
        conflicts = [finding for finding in findings if finding.severity != Severity.INFO]
        figures = [
            tuple((str(f.data.get("measure")), str(f.data.get("unit_family")), _place(span)) for span in f.evidence[:2])
            for f in conflicts
        ]
        merged = {
            group[0]: conflicts[group[0]] if len(group) == 1 else self._one_difference([conflicts[i] for i in group])
            for group in connected_groups([(left, right) for left, right in figures])
        }
        kept: list[Finding] = []
        position = 0
        for finding in findings:
            if finding.severity == Severity.INFO:
                kept.append(finding)
                continue
            if position in merged:
                kept.append(merged[position])
            position += 1
        return kept

    def _one_difference(self, members: list[Finding]) -> Finding:
        """One finding for conflicts that share figures: each value with the sources that give it, every figure
        and as-of date as evidence; the first pair's alignment shows two sides at once."""
        first = members[0]
        sides: dict[str, list[tuple[Span, str | None]]] = {}  # a value in plain words -> its figures, as of
        seen: set[tuple[str, int, int]] = set()
        for member in members:
            for span, value, as_of in zip(member.evidence[:2], member.data["values"], member.data["as_of"]):
                if _place(span) not in seen:
                    seen.add(_place(span))
                    sides.setdefault(str(value), []).append((span, as_of))
        for figures in sides.values():
            figures.sort(key=lambda figure: (figure[0].doc, figure[0].start))
        figure_spans = [span for figures in sides.values() for span, _ in figures]
        # The figures, then the dates they are given as of; not the sentences around them, which each pair's
        # finding carries for its alignment: the first pair's alignment shows two of them side by side.
        evidence = list(figure_spans)
        for member in members:
            evidence += [
                span
                for span in member.evidence[2:]
                if span not in evidence and not any(_holds(span, figure) for figure in member.evidence[:2])
            ]

        def told(value: str, figures: list[tuple[Span, str | None]]) -> str:
            texts = list(dict.fromkeys(quoted(span.text) for span, _ in figures))
            where = list(
                dict.fromkeys(
                    f"{span.doc} (as of {date_words(as_of)})" if as_of else span.doc for span, as_of in figures
                )
            )
            return f"{' / '.join(texts)} ({value}) in {', '.join(where)}"

        measure = first.data["measure"]
        documents = sorted({span.doc for span in figure_spans})
        severity = Severity.ERROR if any(m.severity == Severity.ERROR for m in members) else Severity.WARNING
        message = (
            f"{_figures_of(measure)} conflict across {len(documents)} sources: "
            + "; ".join(told(value, figures) for value, figures in sides.items())
            + "; the ranges do not overlap"
        )
        data: dict[str, Any] = {
            "measure": measure,
            "unit_family": first.data["unit_family"],
            "slot": "number",
            "values": list(sides),
            "as_of": [[as_of for _, as_of in figures] for figures in sides.values()],
            "documents": [sorted({span.doc for span, _ in figures}) for figures in sides.values()],
            "pairs": len(members),
        }
        if "alignment" in first.data:
            data["alignment"] = first.data["alignment"]
        return self.finding(
            message, evidence, severity=severity, key=f"{measure}:{first.data['unit_family']}", data=data
        )

    @staticmethod
    def _same_holder(left: Claim, left_q: Quantity, right: Claim, right_q: Quantity) -> bool:
        """Whether two figures can belong to one thing: the same holder, and within one document the same measure.

        Holders must be named on both sides and share a key. The one exception: two claims
        from different documents that name no entity at all ("The fleet has 40 reactors"),
        met through their cluster, are compared on the cluster's word.
        """
        left_holders, right_holders = holders(left, left_q), holders(right, right_q)
        if left.doc == right.doc:
            # One text says many things about one topic; only the same thing of the same holder meets.
            return bool(left_holders & right_holders) and measure_phrase(left_q.measure) == measure_phrase(
                right_q.measure
            )
        if left_holders or right_holders:
            return bool(left_holders & right_holders)
        if names_entities(left) or names_entities(right):
            return False
        # Nothing named on either side: only a shared subject that is not the measure itself
        # ("the fleet has 40 reactors") makes them one thing; "growth was 1.1%" and "growth
        # was 4.7%" in two articles may be two countries' growth.
        left_subject = left.event.actor if left.event is not None else None
        right_subject = right.event.actor if right.event is not None else None
        if left_subject is None and right_subject is None:
            return True
        measure = measure_key(left_q.measure)
        return left_subject == right_subject and measure not in (left_subject or "")

    def _compare(
        self,
        left: Claim,
        left_q: Quantity,
        right: Claim,
        right_q: Quantity,
        block_key: tuple[str, str, str],
        published: Mapping[str, date | None],
        alignment: Alignment | None = None,
        pair: SlotPair | None = None,
    ) -> Finding | None:
        if unit_family(left_q.unit) != unit_family(right_q.unit):
            return None
        if is_change(left, left_q) != is_change(right, right_q):
            return None  # a change and a level are different measures
        if (
            alignment is None
            and unit_family(left_q.unit) != "share"
            and left.event is not None
            and right.event is not None
            and left.event.action != right.event.action
        ):
            return None  # "added 600,000 users" and "has 7.5 million users" count different things
        left_interval, right_interval = quantity_interval(left_q), quantity_interval(right_q)
        if left_interval == right_interval or scale_elided(left_q, right_q):
            return None
        left_as_of = left_q.as_of.value if left_q.as_of is not None and left_q.as_of.value else None
        right_as_of = right_q.as_of.value if right_q.as_of is not None and right_q.as_of.value else None
        if left_as_of and right_as_of and not dates_agree(left_as_of, right_as_of):
            return None  # a change over time, not a conflict
        if (
            measured_from(left, left_q)
            and measured_from(right, right_q)
            and not (left_as_of and left_as_of == right_as_of)
        ):
            return None  # two changes from two bases ("7% more than in 2003" / "26% more than in December 2003")
        if (a_growing_total(left, left_q) or a_growing_total(right, right_q)) and not written_the_same_day(
            published, left, right
        ):
            return None  # a total as of the writer's day, against a figure of another (or an unknown) day
        if (as_of_its_day(left, left_q) or as_of_its_day(right, right_q)) and days_apart(published, left, right):
            return None  # a level as of the writer's day ("now"), against a figure of another known day
        as_of = (
            f"as of {date_words(left_as_of) if left_as_of else 'an unknown date'} vs as of "
            f"{date_words(right_as_of) if right_as_of else 'an unknown date'}"
        )
        family, measure, _ = block_key
        both = f"{quoted(left_q.span.text)} ({render(left_q)}, {left.doc}) and {quoted(right_q.span.text)} ({render(right_q)}, {right.doc})"
        if intervals_overlap(left_interval, right_interval):
            if both_exactly_true(left_q, right_q):
                return None  # "about 300" / "300", "at least two trucks" / "three trucks": nothing to settle
            severity = Severity.INFO
            message = f"{_figures_of(measure)} differ but are compatible: {both}; the ranges overlap ({as_of})"
        elif near(left_q, right_q):
            severity = Severity.INFO
            message = f"{_figures_of(measure)} differ slightly: {both}; within {NEAR:.0%} of each other ({as_of})"
        elif far_apart(left_q, right_q):
            severity = Severity.INFO
            message = (
                f"{_figures_of(measure)} differ by an order of magnitude or more: {both}; more likely two facts (a part"
                f" and its whole, two places or times) than one misreported ({as_of})"
            )
        else:
            # Both dated: an error. "now" on both sides is one date only when the two texts are of one known day.
            present = "PRESENT_REF" in (left_as_of, right_as_of)
            dated = left_as_of and right_as_of and (not present or written_the_same_day(published, left, right))
            severity = Severity.ERROR if dated else Severity.WARNING
            message = f"{_figures_of(measure)} conflict: {both}; the ranges do not overlap ({as_of})"
        evidence = [left_q.span, right_q.span]
        evidence += [q.as_of.span for q in (left_q, right_q) if q.as_of is not None and q.as_of.span not in evidence]
        data: dict[str, Any] = {
            "measure": measure,
            "unit_family": family,
            "slot": "number",
            "values": [render(left_q), render(right_q)],
            "as_of": [left_as_of, right_as_of],
        }
        if alignment is not None and pair is not None:
            evidence += [claim.span for claim in (left, right) if claim.span not in evidence]
            data["alignment"] = alignment.evidence_data([pair.left], [pair.right])
            message += f"; the sentences otherwise match ({alignment.strength:.0%} of their content words)"
        return self.finding(message, evidence, severity=severity, key=f"{measure}:{family}", data=data)


def _next_word(tokens: tuple[Token, ...], slot: Token) -> str | None:
    for position, token in enumerate(tokens):
        if token is slot:
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            return following.key if following is not None and not following.slot else None
    return None


# "nine days ago", "18 months ago": a date its writer counts back from the day of writing.
_COUNTED_BACK = re.compile(
    rf"(?P<count>{COUNT_WORD})[\s\u2010-\u2015-]+(?P<unit>day|week|month|year|decade)s?\s+ago", re.IGNORECASE
)


def _length_back(token: Token) -> Quantity | None:
    """The length a date counts back from its writer's day ("nine days ago" -> 9 days), as a figure; None for a
    date written any other way."""
    time = token.ref
    match = _COUNTED_BACK.fullmatch(token.text.strip())
    value = count_value(match["count"]) if match else None
    if match is None or value is None or not isinstance(time, TimeExpression):
        return None
    start = time.span.start + match.start("count")
    return Quantity(
        span=Span(doc=time.span.doc, start=start, end=start + len(match["count"]), text=match["count"]),
        value=float(value),
        low=float(value),
        high=float(value),
        unit=match["unit"].casefold() + "s",
        head=time.head,
    )


def lengths_back(alignment: Alignment, published: Mapping[str, date | None]) -> list[SlotPair]:
    """The dates two sentences count back from their writers' days ("hurt nine days ago" / "hurt 18 days ago"),
    as two figures, when the two days are not both known.

    With both days known the two dates resolve and date-conflict compares them. Without, the dates are unknown and
    the lengths are what the two texts say: one fact told "nine days ago" and "18 days ago" is one length given two
    values when the two were written on one day (one text is), which is as likely as any other day when neither is
    known; read as a date, it was compared by no check.
    """
    if published.get(alignment.left.doc) is not None and published.get(alignment.right.doc) is not None:
        return []
    found = []
    for pair in alignment.pairs_of("date"):
        left, right = _length_back(pair.left), _length_back(pair.right)
        if left is None or right is None or left.unit != right.unit:
            continue
        found.append(
            replace(
                pair,
                kind="number",
                left=replace(pair.left, kind="number", ref=left),
                right=replace(pair.right, kind="number", ref=right),
            )
        )
    return found


def _following_word(alignment: Alignment, pair: SlotPair) -> str:
    return _next_word(alignment.left_tokens, pair.left) or _next_word(alignment.right_tokens, pair.right) or ""


def _same_count(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two aligned numbers count the same thing: one unit family, the same counted noun.

    The counted noun is the measure extraction found, else the word right after the number
    ("4,000 tents"); when neither side names one, the words around the numbers must match.
    """
    left_q, right_q = pair.left.ref, pair.right.ref
    if unit_family(left_q.unit) != unit_family(right_q.unit):
        return False
    if is_change(alignment.left, left_q) != is_change(alignment.right, right_q):
        return False
    if one_act_lasted(alignment, pair):
        return True  # "five days of rioting" / "five days of riots"
    if one_act_counted(alignment, pair):
        return True  # "18 arrests were made" / "arrested 18 people"
    if one_kind_counted(alignment, pair):
        return True  # "eight residents died" / "killed eight people"
    if one_named_sum_or_rate(alignment, pair):
        return (
            True  # "agreed to buy Kelloway for $1.7 billion in cash" / "will acquire Kelloway in a $1.4 billion deal"
        )
    if one_act_counted_alike(alignment, pair):
        return True  # "plan to shut 40 branches" / "will close 40 branches"
    if one_toll_told_by_its_state(alignment, pair):
        return True  # "5 dead in Kelsey Road fire" / "Three people died when a fire swept through ..."
    left_measure, right_measure = counted_noun(alignment.left, left_q), counted_noun(alignment.right, right_q)
    if left_measure in STANDS_FOR_THE_NOUN or right_measure in STANDS_FOR_THE_NOUN:
        return bool(left_measure) and bool(right_measure)  # "wounded four men" / "injured two others"
    if left_measure and right_measure:
        return left_measure == right_measure or (
            _whole_count(left_q) and _whole_count(right_q) and one_thing_named_twice(left_measure, right_measure)
        )
    left_next, right_next = _next_word(alignment.left_tokens, pair.left), _next_word(alignment.right_tokens, pair.right)
    if left_next and right_next:
        return left_next == right_next
    return pair.context >= 0.5


# Units that measure a length of time: "six days", "the 12 months through June".
_TIME_LENGTHS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"})


def counted_noun(claim: Claim, quantity: Quantity) -> str:
    """What a figure counts (``measure_key``), but a length of time counts its own unit ("day") unless the text
    names what it lasts right after it ("ten days of riots" -> "riot"). Extraction falls back to the sentence's
    subject for a figure with no noun of its own, which is what a sum or a rate is of ("the budget was $2bn") but not
    what a stretch of time measures: "The American spent six days" and "after spending three days" count days, not
    Americans; "The club posted a loss in the 12 months" / "Dortmund posted a loss in the 12 months" count months."""
    measure = measure_key(quantity.measure)
    if quantity.unit not in _TIME_LENGTHS:
        return measure
    end = quantity.span.end - claim.span.start
    after = claim.span.text[max(0, end) : max(0, end) + 40].casefold()
    if measure and re.match(r"\s+of\s+(?:[^\W\d_]+\s+){0,2}?" + re.escape(measure[:4]), after):
        return measure
    return measure_key(quantity.unit)


# The words of the act a length of time is of ("five days of street violence"): up to three, ended by a function word.
_ACT_AFTER = re.compile(r"\s+of\s+((?:[^\W\d_]+[\s-]+){0,2}[^\W\d_]+)", re.IGNORECASE)


def act_lasted(claim: Claim, quantity: Quantity) -> frozenset[str]:
    """The words after "of" naming the act a length of time is of, those WordNet knows as something that happens
    ("ten days of riots and looting" -> riots; "five days of street violence" -> violence), or nothing for a length
    that names none. Read from the text: the parse often takes the length's noun for a word further on ("five days
    of rioting show ..." gives "show")."""
    if quantity.unit not in _TIME_LENGTHS:
        return frozenset()
    end = quantity.span.end - claim.span.start
    match = _ACT_AFTER.match(claim.span.text[max(0, end) : max(0, end) + 60])
    if match is None:
        return frozenset()
    from factcheck.nlp import lexicon

    words: list[str] = []
    for word in re.split(r"[\s-]+", match[1].casefold()):
        if word in STOPWORDS:
            break
        if any(lexicon.names_an_event(lemma) for lemma in lexicon.base_forms(word) or (word,)):
            words.append(word)  # "street violence": the violence lasted, not the street
    return frozenset(words)


def one_act_lasted(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two lengths of time are of one act the two sentences name after "of": a word of one and a word of the
    other are one stem ("days of rioting" / "days of riots") or WordNet's words for one act (synonyms, derived forms,
    one a kind of the other: "days of riots" / "days of violence").

    Such a length is pinned by what lasted, as an age is by the person named: the rest of two sentences that tell it
    may share few words ("after five days of rioting, the curfew was extended" / "Five days of riots have left the
    city counting the cost"), and the parse hangs the length on whatever verb the sentence has ("extended",
    "sparked"), so neither the word floors nor the heads say whether the two are one. Two lengths in one unit only
    ("five days" / "a week" are compared by their figures elsewhere)."""
    from factcheck.nlp import lexicon

    left_q, right_q = pair.left.ref, pair.right.ref
    if left_q.unit != right_q.unit or not alignment.cross_source:
        return False
    left, right = act_lasted(alignment.left, left_q), act_lasted(alignment.right, right_q)
    if not left or not right:
        return False
    if {stem(word) for word in left} & {stem(word) for word in right}:
        return True
    return any(lexicon.word_relation(a, b) in lexicon.SAME_ACT for a in sorted(left) for b in sorted(right))


def one_act_counted(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether one figure counts an act by its noun ("18 arrests were made", "the two deaths") and the other counts
    whom the same act befell, told by its verb ("police arrested 18 people", "two people died"): one count, each act
    befalling one person. The noun's first sense in WordNet is something that happens (not a person, "two killers",
    nor a thing), the other figure's head is that act (one stem or derived forms, "death" / "die"), and the noun's own
    head says nothing else ("made", "carried out", "has", or none: "There were 18 arrests"; not the noun before it in a
    list, "seven rifles, three other weapons"). Whole counts only."""
    if not alignment.cross_source or not (_whole_count(pair.left.ref) and _whole_count(pair.right.ref)):
        return False
    return _an_act_and_whom_it_befell(pair.left.ref, pair.right.ref) or _an_act_and_whom_it_befell(
        pair.right.ref, pair.left.ref
    )


def one_kind_counted(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two whole counts of two sources count one set of people or things, each told in its writer's words:
    what is counted is one kind (the same noun, or one a kind of the other in WordNet, a group counted by its members:
    "eight residents" / "eight people", "27 suspects" / "27 people", "1,200 tents" / "1,200 shelters"), and what befell
    it is one act (its verbs one stem or WordNet's words for one act, or the one causing the other: "killed" / "died";
    or a noun for the act counted on one side, "28 deaths" / "14 people were killed"). The count is then pinned by
    what and whom, as an age is by its person: the rest of the two sentences need not share the words a paraphrase
    drops (``dropped_by`` asks their vectors). Two kinds under one broader word ("soldiers" / "civilians") and two
    acts ("killed" / "injured") are two counts."""
    if not alignment.cross_source or not (_whole_count(pair.left.ref) and _whole_count(pair.right.ref)):
        return False
    if ages(alignment, pair):
        return False
    left, right = _what_befell(alignment.left, pair.left.ref), _what_befell(alignment.right, pair.right.ref)
    if left is None or right is None:
        return False
    (left_noun, left_act, left_by_noun), (right_noun, right_act, right_by_noun) = left, right
    if not (left_by_noun or right_by_noun or left_noun == right_noun):
        from factcheck.nlp import lexicon

        if not lexicon.one_kind(left_noun, right_noun):
            return False
    return _one_act(left_act, right_act)


def _act_verb(quantity: Quantity) -> str:
    """The verb a count's noun belongs to in the parse ("shut 40 branches" -> shut), or "" when it is none that tells an
    act of its own: a copula or an auxiliary, a light verb or one of many senses ("made", "took", ``a_light_verb``),
    a verb that only passes the news on ("reported", as ``_what_befell`` reads it), a word WordNet has no verb for ("a
    total of 42 cases": total). A verb of asking is an act ("demanded 30 coins")."""
    from factcheck.nlp import lexicon
    from factcheck.nlp.align import a_light_verb

    words = (quantity.head or "").split()
    if len(words) != 1:
        return ""  # a phrasal verb ("pushed out") is an act of its own, which its particle may turn
    verb = words[0].casefold()
    if verb in STOPWORDS or not lexicon.senses(verb, "v") or a_light_verb(verb):
        return ""
    return "" if verb in REPORTING_VERBS and lexicon.mainly_says(verb) else verb


# An article right before a figure: "a 38-caliber revolver", "an 18-hole course".
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s*$", re.IGNORECASE)


def _one_described(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure stands after "a" or "an": it then tells what one thing measures or is ("a 38-caliber
    revolver", "a 30-day program"), not how many there are. A noun the plural leaves as it is ("40 aircraft", "300
    sheep") still counts."""
    before = claim.span.text[: max(0, quantity.span.start - claim.span.start)]
    return bool(_ARTICLE_BEFORE.search(before))


_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
# The irregular forms of the verbs that only pass news on ("say", "tell"), which WordNet's detachment rules do not undo.
_SAID = frozenset({"said", "told"})


def _told_as_reported(claim: Claim) -> bool:
    """Whether a sentence tells its account as someone's report: "according to", or an inflected verb whose lemma only
    passes news on ("said", "told", "reported", "says"; ``REPORTING_VERBS`` that mainly tell)."""
    from factcheck.nlp import lexicon

    if _ACCORDING_TO.search(claim.span.text):
        return True
    for word in words_in(claim.span.text.casefold()):
        if word in _SAID:
            return True
        lemmas = [lemma for lemma in lexicon.base_forms(word, "v") if lemma != word]
        if any(lemma in REPORTING_VERBS and lexicon.mainly_says(lemma) for lemma in lemmas):
            return True
    return False


def one_act_counted_alike(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two sources count one noun befallen by one act, each in its own sentence: the same counted noun (one
    base form), whole counts, and verbs WordNet gives for one act ("shut 40 branches" / "close 40 branches",
    "demanded 30 coins" / "asked for 20 coins": synonyms, derived forms, one a kind of the other a step or two up;
    ``acts_related``), each side's one count of that noun. What is counted and what befell it pin the figure, as an
    age is pinned by its person, so the rest of the two sentences may tell other things ("after a storm on Monday
    killed 35 people and flattened dozens of farms" / "has killed 52 people, according to the regional
    government"); ``dropped_by`` still asks the sentence vectors and reads what parts two such counts (two holders,
    places, periods, a part, a plan against the act done). Not an age, a length of time or one thing's figure ("a
    38-caliber revolver"). A word standing for the noun ("injured 90 others") counts the other side's noun; two such
    words each stand for whatever their own sentence counted before. A sum of money counts its currency, however
    written ("paid $40 million" / "had paid 25 million dollars"), when it is its sentence's only sum in that currency
    (``_one_sum_each``)."""
    if not alignment.cross_source:
        return False
    sides = ((alignment.left, pair.left.ref), (alignment.right, pair.right.ref))
    if _one_sum_each(alignment, pair):
        nouns = [
            pair.left.ref.unit,
            pair.right.ref.unit,
        ]  # a sum counts its currency ("paid $20m" / "paid 20m dollars")
    elif not (_whole_count(pair.left.ref) and _whole_count(pair.right.ref)):
        return False
    elif ages(alignment, pair) or min(pair.left.ref.value, pair.right.ref.value) < PINNING_FIGURE:
        # A whole number below ten recurs in one story for many facts ("injured two people" in one town, five across
        # the island; "captured eight pirates" early in the month): its noun and act alone do not pin it.
        return False
    else:
        nouns = [counted_noun(claim, quantity) for claim, quantity in sides]
    if far_apart(pair.left.ref, pair.right.ref):
        return False  # ten times apart: another event's toll ("It killed 612 people" of an earlier quake), no slip
    from factcheck.nlp.align import acts_related, told_as_a_verb

    if not all(nouns) or not (stem(nouns[0]) == stem(nouns[1]) or nouns_meet(nouns[0], nouns[1])):
        return False
    if all(noun in STANDS_FOR_THE_NOUN for noun in nouns):
        return False  # "two others" / "ten others": each stands for whatever its own sentence counted before
    if any(is_age(claim, quantity) or _one_described(claim, quantity) for claim, quantity in sides):
        return False
    verbs = [_act_verb(quantity) for _, quantity in sides]
    if not all(verbs) or not acts_related(verbs[0], verbs[1]):
        return False
    if not all(
        (told_as_a_verb(claim, verb) or quantity.mood is not None)
        and verb not in {measure_key(other.measure) for other in claim.quantities}
        for (claim, quantity), verb in zip(sides, verbs)
    ):
        return False  # a noun the parse hangs the count on ("home to 200,000 people"), one the sentence counts
        # too ("13 homers and 43 RBIs": the list's first item)
    if all(_told_as_reported(claim) for claim, _ in sides):
        # Each count told as its source's ("officials said", "according to the news agency"): two authorities, or an
        # early and a later toll, give two figures each true to its source; with nothing else of the sentences in
        # common to say they tell one account, that is no misreport to settle.
        return False
    if nouns[0].startswith("money"):
        return True  # one sum of the currency a side (``_one_sum_each``)
    # One count of the noun a side: two ("killed 12 soldiers and 30 soldiers") leave which is whose to the words around
    # them. The whole of a partitive ("close 60 of its 260 branches") is what there is, not what the act befell.
    return all(
        sum(1 for other in claim.quantities if not other.whole and stem(counted_noun(claim, other)) == stem(noun)) == 1
        for (claim, _), noun in zip(sides, nouns)
    )


def _one_sum_each(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two figures are sums of money in one currency, each its sentence's only sum in that currency (however
    written: "$20m", "20 million dollars") and neither a change ("up $2m"): a sum's counted noun is then its currency,
    and what was done with it (paid, raised, offered) pins it as an act pins a count."""
    left_q, right_q = pair.left.ref, pair.right.ref
    if left_q.unit != right_q.unit or not left_q.unit.startswith("money"):
        return False
    return all(
        not is_change(claim, quantity) and sum(1 for other in claim.quantities if other.unit == quantity.unit) == 1
        for claim, quantity in ((alignment.left, left_q), (alignment.right, right_q))
    )


# How far from the day an article was written a figure's date may lie and still be that article's news.
_NEWS_DAYS = 7


def dated_apart(alignment: Alignment, pair: SlotPair, published: Mapping[str, date | None]) -> bool:
    """Whether one figure is dated (its as-of date, or a date on the act it counts) and the other not, and the date is
    not known to be the other article's news: more than a week from the day the other article was written (or, that
    day unknown, its own article's), or no day known for either. "The valley was last hit by a strong quake in
    1958, when about 400 people died" / "The earthquake has killed 52 people": a past event's figure against the news. A
    date read from a weekday or a word such as "yesterday" is a date only against its article's own day. Two dated
    figures are compared by their dates elsewhere (``of_two_periods``, the as-of dates)."""
    from datetime import timedelta

    def dates(claim: Claim, quantity: Quantity) -> list[str]:
        own_day = published.get(claim.doc)
        times = [quantity.as_of] if quantity.as_of is not None else []
        times += _dates_of(claim, quantity)
        values = [
            time.value if time.value and not time.relative else _period(time, own_day) if own_day else None
            for time in times
            if own_day is not None or not time.relative
        ]
        return [value for value in values if value and value != "PRESENT_REF"]

    left, right = alignment.left, alignment.right
    left_dates, right_dates = dates(left, pair.left.ref), dates(right, pair.right.ref)
    margin = timedelta(days=_NEWS_DAYS)
    for claim, other, mine, theirs in ((left, right, left_dates, right_dates), (right, left, right_dates, left_dates)):
        if not mine or theirs:
            continue
        day = published.get(other.doc) or published.get(claim.doc)
        if day is None:
            return True  # a dated figure against one of no known time
        for value in mine:
            interval = interval_of(value)
            if interval is not None and (interval[1] < day - margin or day + margin < interval[0]):
                return True
    return False


def one_named_sum_or_rate(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two figures are one sum of money or one rate or share of one named thing on one occasion, told by two
    sources in their own words: "Brantwood agreed to buy Kelloway for $1.7 billion in cash" / "Brantwood will
    acquire Kelloway in a $1.4 billion deal"; "Turnout reached 72 percent in the Halstad referendum" / "Turnout was
    68 percent in Sunday's Halstad referendum".

    A sum or a rate names no counted noun of its own (what follows it, "in cash", "deal", is how it was paid or what
    it was of), so neither the counted noun nor the words right around it can pin it; what does is that the two
    sentences mean one thing (sentence vectors at ``DIFFERENT_HEADS_SIMILARITY`` or more) about the same named
    holders: every person, firm or place one sentence names the other names too, and they name one at least. Two
    bodies' figures ("Halifax said prices rose 0.8%" / "Nationwide said 0.4%") or one firm's two suits ("sues
    Russia for $28bn" / "sues four firms for $20bn") name someone the other does not. The figures must be one of their
    kind on their side, or be given to one named holder each (a winner's share beside a rival's), neither a change
    ("up 5%"), and a counted noun both name the same (a
    noun taken from a name is none: the parse reads "Brantwood Foods pays $1.7 billion" as counting "Foods")."""
    left_q, right_q = pair.left.ref, pair.right.ref
    family = unit_family(left_q.unit)
    if not alignment.cross_source or family != unit_family(right_q.unit):
        return False
    if family != "share" and not family.startswith("money"):
        return False
    if is_change(alignment.left, left_q) or is_change(alignment.right, right_q):
        return False
    if far_apart(left_q, right_q):
        return False  # "$200" / "$160 million": a sum told twice is off by a slip, not ten times over
    if alignment.similarity is None or alignment.similarity < DIFFERENT_HEADS_SIMILARITY:
        return False
    if alignment.rest_shared < MIN_SHARED:
        return False
    left_names, right_names = _named_words(alignment.left), _named_words(alignment.right)
    if not left_names or not right_names:
        return False
    if not all(words & set().union(*right_names) for words in left_names) or not all(
        words & set().union(*left_names) for words in right_names
    ):
        return False
    left_noun = _own_noun(alignment.left, left_q, left_names)
    right_noun = _own_noun(alignment.right, right_q, right_names)
    if left_noun and right_noun and left_noun != right_noun:
        return False
    several = [
        sum(1 for quantity in claim.quantities if unit_family(quantity.unit) == family)
        for claim in (alignment.left, alignment.right)
    ]
    if _given_alike(alignment.left) or _given_alike(alignment.right):
        return False  # two shares read as one holder's: the reading of whose each is failed
    if max(several) > 1:
        # a winner's share beside a rival's: only the figures given to one named holder each, the same
        left_holder, right_holder = _holder_words(left_q), _holder_words(right_q)
        return bool(left_holder) and bool(right_holder) and bool(left_holder & right_holder)
    return True


def _given_alike(claim: Claim) -> set[int]:
    """The positions of a sentence's shares or sums that it gives to one holder and one measure alike ("the Liberal
    Front polled 27.5 percent, ahead of the Farmers' League at 22.1 percent": the parse gives both to the Front, and
    its name for the measure). One holder has one share of one thing at a time, so such figures' holders are misread:
    none of them is paired by its holder."""
    seen: dict[tuple[str, str, frozenset[str]], list[int]] = defaultdict(list)
    for position, quantity in enumerate(claim.quantities):
        family = unit_family(quantity.unit)
        if (family == "share" or family.startswith("money")) and not is_change(claim, quantity):
            holder = frozenset(_holder_words(quantity)) or frozenset(_actor_keys(claim))
            seen[(family, measure_key(quantity.measure), holder)].append(position)
    return {position for positions in seen.values() if len(positions) > 1 for position in positions}


def _named_words(claim: Claim) -> list[set[str]]:
    """The words of each person, firm, place or group a sentence names."""
    return [
        words for actor in claim.actors if actor.label in _NAMED_LABELS for words in (name_words(actor.name),) if words
    ]


def _own_noun(claim: Claim, quantity: Quantity, names: list[set[str]]) -> str:
    """A sum's or a rate's counted noun, unless it is a word of a name the sentence gives (the parse's fallback to
    the subject: "Brantwood Foods pays $1.7 billion" -> "foods") or names an act ("a $1.4 billion deal": what the sum
    was of, not what it counts)."""
    from factcheck.nlp import lexicon

    noun = counted_noun(claim, quantity)
    if not noun or any(noun in words or stem(noun) in {stem(word) for word in words} for words in names):
        return ""
    return "" if lexicon.mainly_an_event(noun) else noun


def _what_befell(claim: Claim, quantity: Quantity) -> tuple[str, str, bool] | None:
    """A count's noun, the act that befell what it counts, and whether the noun itself names that act ("18 arrests
    were made": the arrests; "police arrested 18 people": arrest); None when the count names no noun or no act (a
    copula or a light verb, "were", "had", "made", holds no act of its own)."""
    from factcheck.nlp import lexicon
    from factcheck.nlp.verbs import LIGHT_VERBS

    noun = counted_noun(claim, quantity)
    if not noun or noun in STANDS_FOR_THE_NOUN or _modifies_one(claim, quantity, noun):
        return None
    if lexicon.first_noun_field(noun) == lexicon.TIME_FIELD:
        return None  # "jobs created in the two previous months": a stretch of time, which no act befalls
    head = (quantity.head or "").split()[:1]
    verb = head[0] if head and head[0] not in STOPWORDS and head[0] not in LIGHT_VERBS else ""
    # A verb that may report ("add": say further) reports a count only when telling is what it mainly means: "firms
    # added 146,000 jobs" tells an act of adding, "police reported 28 deaths" the deaths.
    reports = verb in REPORTING_VERBS and lexicon.mainly_says(verb)
    if lexicon.mainly_an_event(noun) and (not verb or reports):
        return noun, noun, True  # "There were 18 arrests", "reported 28 deaths"
    if not verb or reports:
        return None
    return noun, verb, False


def _modifies_one(claim: Claim, quantity: Quantity, noun: str) -> bool:
    """Whether a figure above one stands before its noun written in the singular ("a .357 caliber revolver", "a
    38-caliber revolver"): English counts several things in the plural, so the figure names one thing's measure or
    model, not how many there are. A group noun counted by its members ("30 people", "five crew") has no plural to
    take."""
    from factcheck.nlp import lexicon

    if quantity.value == 1:
        return False
    end = quantity.span.end - claim.span.start
    after = claim.span.text[max(0, end) : max(0, end) + 40].casefold()
    written = re.search(r"\b(" + re.escape(noun[:4]) + r"[^\W\d_]*)", after)
    if written is None or written[1].endswith("s"):
        return False
    return lexicon.first_noun_field(written[1]) != lexicon.GROUP_FIELD


# The word written right after a figure: in a headline's toll with no noun, the state the act left them in ("5 dead").
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def one_toll_told_by_its_state(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether a figure with no counted noun, written before the state an act left people in ("5 dead in Kelsey Road
    fire", "12 hurt as train derails"), and the other source's count of people that act befell ("Three people died",
    "killed three people") are one toll. A headline drops the noun, so neither the counted nouns nor the words right
    after the figures can pin it; what does is the state: its verb in WordNet ("hurt"), or the verb it is a form of
    ("dead" -> die, "injured" -> injure), is the other count's act, or causes it or is caused by it ("dead" /
    "killed"), and the other side counts persons (a kind of person, or a group counted by its members: "people").
    Whole counts of two sources; the rest of the two sentences is still asked to match (``dropped_by``)."""
    if not alignment.cross_source or not (_whole_count(pair.left.ref) and _whole_count(pair.right.ref)):
        return False
    return _a_state_and_whom_it_befell(alignment.left, pair.left.ref, alignment.right, pair.right.ref) or (
        _a_state_and_whom_it_befell(alignment.right, pair.right.ref, alignment.left, pair.left.ref)
    )


def _a_state_and_whom_it_befell(claim: Claim, quantity: Quantity, other_claim: Claim, other: Quantity) -> bool:
    from factcheck.nlp import lexicon

    after = _WORD_AFTER.match(claim.span.text, max(0, quantity.span.end - claim.span.start))
    state = after[1].casefold() if after is not None else ""
    if not state or state in STOPWORDS:
        return False
    verbs = lexicon.base_forms(state, "v")
    noun = counted_noun(claim, quantity)
    # A past participle ("10 killed") or an adjective ("12 hurt") the parse took for the counted noun is the state; a
    # plural noun whose singular is also a verb ("23 pirates": to pirate) is a noun of its own.
    participle = state.endswith("ed") and any(verb != state for verb in verbs)
    if noun and not (noun == measure_key(state) and (lexicon.senses(state, "a") or participle)):
        return False  # a noun of its own ("5 villages")
    told = _what_befell(other_claim, other)
    if told is None:
        return False
    noun, act, by_noun = told
    if by_noun or not lexicon.one_kind(noun, "person"):
        return False  # "28 deaths": the act's own noun, not whom it befell; "14 villages": no one
    return any(_one_act(verb, act) for verb in verbs or (stem(state),))


def _one_act(left: str, right: str) -> bool:
    """Whether two words name one act befalling what is counted: one stem, WordNet's words for one act (synonyms,
    derived forms, one a kind of the other: "death" / "die"), or the one causing the other ("kill" / "die")."""
    from factcheck.nlp import lexicon

    if stem(left) == stem(right) or lexicon.word_relation(left, right) in lexicon.SAME_ACT:
        return True
    lefts = lexicon.base_forms(left, "v") or (left,)
    rights = lexicon.base_forms(right, "v") or (right,)
    if any(lexicon.causes(a, b) or lexicon.causes(b, a) for a in lefts for b in rights):
        return True
    # an act counted by its noun ("deaths") causes or is caused through its verb ("die" / "killed")
    return any(
        lexicon.causes(verb, other) or lexicon.causes(other, verb)
        for noun, others in ((left, rights), (right, lefts))
        for verb in sorted(lexicon.derived_forms(noun, "n"))
        for other in others
    )


def _an_act_and_whom_it_befell(act: Quantity, other: Quantity) -> bool:
    from factcheck.nlp import lexicon
    from factcheck.nlp.verbs import LIGHT_VERBS

    noun, verb = measure_key(act.measure), (other.head or "").split()[:1]
    if not noun or not verb or noun == measure_key(other.measure):
        return False
    if stem(noun) != stem(verb[0]) and lexicon.word_relation(noun, verb[0]) not in (
        lexicon.Relation.SAME,
        lexicon.Relation.DERIVED,
    ):
        return False
    if not lexicon.mainly_an_event(noun):
        return False  # "killers", and "rifles" (WordNet's verb "rifle" aside): a person or a thing, not the act
    own = (act.head or "").split()[:1]
    return not own or own[0] in LIGHT_VERBS or own[0] in STOPWORDS


def lengths_of_one_act(alignment: Alignment) -> list[SlotPair]:
    """Lengths of time of one act (``one_act_lasted``) the alignment left unpaired, one a side: the act says which
    length is whose when the heads (the verbs the parse hangs each on) and the words around do not."""
    return _unpaired_meeting(alignment, one_act_lasted)


def counts_of_one_kind(alignment: Alignment) -> list[SlotPair]:
    """Counts of one kind befallen by one act (``one_kind_counted``) the alignment left unpaired, one a side: "Police
    reported 28 deaths and 22 injuries" / "Fourteen people were killed" pairs the deaths with the killed, which the
    words around the figures (few) and their heads ("reported" / "killed") do not."""
    return _unpaired_meeting(alignment, one_kind_counted)


def figures_of_one_holder(alignment: Alignment) -> list[SlotPair]:
    """Sums or shares the alignment left unpaired, one a side, given to one named holder ("the Civic Union finished
    first with 31.2 percent, and the Green Alliance came third with 18.4 percent" / "The Green Alliance took 14.8
    percent ..., while the ruling Civic Union won 31.2 percent"): where a side gives several, whose each is says which
    is which, not their order or the words around them (``one_named_sum_or_rate`` then judges the pair)."""
    return _unpaired_meeting(alignment, _one_holder)


def _one_holder(alignment: Alignment, pair: SlotPair) -> bool:
    left_q, right_q = pair.left.ref, pair.right.ref
    family = unit_family(left_q.unit)
    if family != unit_family(right_q.unit) or not (family == "share" or family.startswith("money")):
        return False
    left_holder, right_holder = _holder_words(left_q), _holder_words(right_q)
    return alignment.cross_source and bool(left_holder & right_holder)


# A whole number below this recurs in one story for many facts ("two people", "five years", "3 percent"): given alike
# by two sentences, it does not say they tell one account.
PINNING_FIGURE = 10


def _figure_in_common(claim: Claim, token: Token, other_claim: Claim, other: Token) -> bool:
    """Whether two figures of two sentences are one figure given alike that pins the sentences to one account: one
    value in one unit, not a whole number below ``PINNING_FIGURE``, nor an age or a length of time; what each counts or
    measures one noun, one kind in WordNet ("fans" / "people", "fine" / "penalty"), or left out on a side."""
    first, second = token.ref, other.ref
    if first.unit != second.unit or first.value != second.value:
        return False
    if float(first.value).is_integer() and abs(first.value) < PINNING_FIGURE:
        return False
    if first.unit in _TIME_LENGTHS or is_age(claim, first) or is_age(other_claim, second):
        return False
    nouns = counted_noun(claim, first), counted_noun(other_claim, second)
    if all(nouns) and nouns[0] != nouns[1]:
        from factcheck.nlp import lexicon

        return lexicon.one_kind(*nouns)
    return True


# What stands between a figure and the same amount restated in another unit: "$27.5bn (£14.5bn)", "14bn euros ($18.34bn;
# £9.6bn)".
_RESTATED = re.compile(r"\s*[(\[;/]\s*")


def _amounts(claim: Claim, tokens: list[Token]) -> list[list[Token]]:
    """The sentence's figures as amounts: a figure with the figures right after it that restate it in another unit,
    in brackets or after a semicolon ("$27.5bn (£14.5bn)": one amount)."""
    amounts: list[list[Token]] = []
    for token in tokens:
        if amounts:
            between = claim.span.text[amounts[-1][-1].end - claim.span.start : token.start - claim.span.start]
            if _RESTATED.fullmatch(between) and token.ref.unit != amounts[-1][-1].ref.unit:
                amounts[-1].append(token)
                continue
        amounts.append([token])
    return amounts


def _left_over(alignment: Alignment) -> tuple[list[Token], list[Token]]:
    """Each side's figures that no figure on the other side gives alike (``_figure_in_common``), when at least one
    figure is given alike (the figure in common); none else. A figure that sums the figures given alike ("Out of 23
    people, 12 ... and 11 ...") is their whole, not a figure of its own told two ways: none is left over then."""
    lefts = [t for t in alignment.left_tokens if t.kind == "number"]
    rights = [t for t in alignment.right_tokens if t.kind == "number"]
    taken: set[int] = set()
    common: list[float] = []
    for left in lefts:
        for right in rights:
            if id(right) not in taken and _figure_in_common(alignment.left, left, alignment.right, right):
                taken.update((id(left), id(right)))
                common.append(float(left.ref.value))
                break
    if not taken:
        return [], []
    # An amount restated in another unit is one amount: given alike in any of its units, it is given alike; and its
    # restatements are never left over by themselves (two outlets convert one sum at two rates: "$27.5bn (£14.5bn)"
    # / "$27.5bn (£13bn)").
    for claim, tokens in ((alignment.left, lefts), (alignment.right, rights)):
        for amount in _amounts(claim, tokens):
            if any(id(token) in taken for token in amount):
                taken.update(id(token) for token in amount)
            else:
                taken.update(id(token) for token in amount[1:])
    left_over = [t for t in lefts if id(t) not in taken], [t for t in rights if id(t) not in taken]
    if len(common) > 1 and any(float(t.ref.value) == sum(common) for side in left_over for t in side):
        return [], []
    return left_over


def left_by_agreement(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two figures are the ones two sources' sentences leave over when every other figure they give agrees:
    each side's only figure of its unit family not given alike by the other ("Takings rose 9 percent to 4.2 million
    crowns, with 80,000 visitors" / "80,000 people came and ticket sales climbed 9 percent to 3.1 million crowns":
    the crowns). The figures in common say the two tell one account, so which figure is whose follows from what is
    left, not from the heads the parse hangs them on ("rose" / "climbed") or the words around them. Both must be one
    kind of figure: one unit (a currency, a measure), both a change or both a level, and what each counts or measures
    one noun or one kind in WordNet (a count names its noun on both sides or on neither); not an age. The rest of the
    two sentences must still read as one account told in other words (``dropped_by``), and the rules for two facts of
    one kind (two holders, two periods, two places, a part, a plan) still apply."""
    if not alignment.cross_source:
        return False
    lefts, rights = _left_over(alignment)
    family = unit_family(pair.left.ref.unit)
    lefts = [t for t in lefts if unit_family(t.ref.unit) == family]
    rights = [t for t in rights if unit_family(t.ref.unit) == family]
    if [id(t) for t in lefts] != [id(pair.left)] or [id(t) for t in rights] != [id(pair.right)]:
        return False
    left_q, right_q = pair.left.ref, pair.right.ref
    if left_q.unit != right_q.unit or family != unit_family(right_q.unit):
        return False
    if is_change(alignment.left, left_q) != is_change(alignment.right, right_q):
        return False
    if any(
        is_age(claim, q) or _aged_person(claim, q)
        for claim, q in ((alignment.left, left_q), (alignment.right, right_q))
    ):
        return False  # an age, written "a 24-year-old" or "Jane Roe, 24,": a person's, not the account's
    nouns = counted_noun(alignment.left, left_q), counted_noun(alignment.right, right_q)
    if family == "count" and bool(nouns[0]) != bool(nouns[1]):
        return False  # a count of a noun against a figure naming none ("157 games" / "308"): nothing says one thing
    if all(nouns) and nouns[0] != nouns[1]:
        from factcheck.nlp import lexicon

        if not lexicon.one_kind(*nouns):
            return False
    return True


def figures_left_by_agreement(alignment: Alignment) -> list[SlotPair]:
    """The pairs ``left_by_agreement`` finds that the alignment left unpaired or paired otherwise."""
    lefts, rights = _left_over(alignment)
    paired = {(id(pair.left), id(pair.right)) for pair in alignment.pairs_of("number")}
    found = []
    for left in lefts:
        for right in rights:
            candidate = SlotPair("number", left, right, "context", 0.0, True)
            if (id(left), id(right)) not in paired and left_by_agreement(alignment, candidate):
                found.append(candidate)
    return found


def _unpaired_meeting(alignment: Alignment, meet: Callable[[Alignment, SlotPair], bool]) -> list[SlotPair]:
    """The figures the alignment left unpaired that ``meet`` pairs, each with one figure of the other side only."""
    # A pair that counts two things ("22 injuries" / "Fourteen people were killed") leaves its figures free.
    paired = {
        id(token)
        for pair in alignment.slots
        if pair.kind != "number" or _same_count(alignment, pair)
        for token in (pair.left, pair.right)
    }
    lefts = [t for t in alignment.left_tokens if t.kind == "number" and id(t) not in paired]
    rights = [t for t in alignment.right_tokens if t.kind == "number" and id(t) not in paired]
    found = []
    for left in lefts:
        for right in rights:
            candidate = SlotPair("number", left, right, "context", 0.0, True)
            if meet(alignment, candidate):
                found.append(candidate)
    once_left = Counter(id(pair.left) for pair in found)
    once_right = Counter(id(pair.right) for pair in found)
    return [pair for pair in found if once_left[id(pair.left)] == once_right[id(pair.right)] == 1]


def _whole_count(quantity: Quantity) -> bool:
    """Whether a figure counts whole things ("4,000 tents"); "a 5.6 earthquake" rates one, it does not count them."""
    return quantity.unit == "count" and float(quantity.value).is_integer()


def one_thing_named_twice(left: str, right: str) -> bool:
    """Whether two counted nouns (of counts, not sums or measures: a sum's "measure" is often what it was spent on or
    lost by, "the church", "the fire") are words WordNet gives for one thing: synonyms, or one a kind of the other within
    two steps ("4,000 tents" / "4,000 shelters", "two cosmetics brands" / "two cosmetics labels"). Two writers
    count one fact in their own words; the rest of the two sentences must still match as for one noun. A group noun counts
    the persons WordNet makes it of ("5,000 troops" / "5,000 soldiers": "troops: soldiers collectively")."""
    from factcheck.nlp import lexicon

    return (
        lexicon.related(left, right, "n", "n") in (lexicon.Relation.SYNONYM, lexicon.Relation.HYPERNYM)
        or lexicon.counts_members_of(left, right)
        or lexicon.counts_members_of(right, left)
    )


def _words_after(tokens: tuple[Token, ...], slot: Token, count: int) -> tuple[str, ...]:
    for position, token in enumerate(tokens):
        if token is slot:
            following = tokens[position + 1 : position + 1 + count]
            return tuple(t.key for t in following) if all(not t.slot for t in following) else ()
    return ()


# The longest counted phrase read: up to three modifiers before the noun ("public sector unions").
_PHRASE_WORDS = 4


def one_phrase_counted(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both figures count one noun phrase of two words or more, word for word ("four armed guards" / "two
    armed guards", "ten public sector unions" / "five public sector unions"): one group of people or things, told
    by two acts it took part in ("pointed a gun at" / "the guards shot", "will hold talks with" / "met"). A bare
    noun ("10 people") is not enough: "killed 10 people" and "injured 50 people" count two groups. The sentence
    vectors must agree too (``SIMILARITY``)."""
    if not one_noun_counted(pair) or alignment.similarity is None or alignment.similarity < SIMILARITY:
        return False
    noun = stem(measure_key(pair.left.ref.measure))
    # Within one text a longer phrase is the writer's mould for several items ("an 80 gigabyte hard drive" for one
    # model, "a 40 gigabyte hard drive" for the next), not one group told twice: two words there, as before.
    longest = _PHRASE_WORDS if alignment.cross_source else 2
    for length in range(2, longest + 1):
        left = _words_after(alignment.left_tokens, pair.left, length)
        if len(left) == length and left[-1] == noun:
            return left == _words_after(alignment.right_tokens, pair.right, length)
    return False


def one_noun_counted(pair: SlotPair) -> bool:
    """Whether both figures are counts of one named noun ("10 people" / "five people"), not ages, rates or sums."""
    left, right = pair.left.ref, pair.right.ref
    if left.unit != "count" or right.unit != "count":
        return False
    noun = measure_key(left.measure)
    return bool(noun) and noun == measure_key(right.measure)


def _counts(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both figures count something the head pins: a noun ("five people"), a toll, an age.

    A toll may leave its noun out ("3 dead" / "Three die"): then the head is what is counted, on
    both sides alike. An age's head is the person it describes ("a 15-year-old boy"). A rate or a
    sum ("the economy grew 2.1%", "sales were up 4%", "$2 billion") belongs to a holder the head
    does not name: on 200 BBC articles, one head ("grow") gave two countries' growth as one figure.
    """
    left, right = pair.left.ref, pair.right.ref
    if ages(alignment, pair):
        return not _ages_naming_no_one(alignment, pair)
    if left.unit != "count" or right.unit != "count":
        return False
    return bool(left.measure) == bool(right.measure)


# A floor on the words around two slots no overlap reaches (overlaps are at most 1): the local path is shut.
_NO_LOCAL_MATCH = 2.0


def _ages_naming_no_one(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two ages stand for their persons without a noun ("The 21-year-old ran ..." / "The 24-year-old
    delivered ..."): the head is then the age's own "old", alike in any two such sentences, and pins no one."""
    return ages(alignment, pair) and (_names_no_person(pair.left.ref) or _names_no_person(pair.right.ref))


def _names_no_person(age: Quantity) -> bool:
    """Whether an age's head is its own word ("the 21-year-old ran": head "old"), not a noun naming the person."""
    return (age.head or "").casefold() in ("old", "year", "years", "")


def one_side_negated(alignment: Alignment) -> bool:
    """Whether one sentence is negated and the other is not: "Real had lost their previous two league games" /
    "they haven't lost in six League and Cup games" tell two facts (a run of defeats, a run without one) through
    one head. The head then says only what the act is, not that both sentences state it."""
    return bool(NEGATED_VERB.search(alignment.left.span.text)) != bool(NEGATED_VERB.search(alignment.right.span.text))


# A figure of a part: what the whole leaves out is said ("excluding the car sector", "if automotives are excluded").
_A_PART = re.compile(r"\b(?:exclud\w*|except|apart\s+from|other\s+than|not\s+(?:counting|including))\b", re.IGNORECASE)
# A figure foretold, not one that came about ("sales are forecast to rise by 4.5%", "expects the economy to grow").
_A_FORECAST = re.compile(
    r"\b(?:forecast\w*|predict\w*|projected\s+to|expect(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,3}?to)\b", re.IGNORECASE
)


# A figure inside a condition ("If the track sold 500,000 copies, more than £1m would be raised"): the clause
# opened by "if" or "unless" runs on to the figure without a break.
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\b[^,;:.!?()\u2013\u2014]*$", re.IGNORECASE)


# "another 20,000 people", "a further 10,000", "three other rifles": a count beside others.
_REMAINDER_BEFORE = re.compile(r"\b(?:another|a\s+further|further|an\s+additional|additional)\s+$", re.IGNORECASE)
# After the figure only with its noun written out: "injuring dozens more" and "two others" stand for the noun another
# sentence counts (``STANDS_FOR_THE_NOUN``), the whole of that count.
_REMAINDER_AFTER = re.compile(r"\s+(?:other|more|further|additional|extra)\s+(?!than\b)[^\W\d_]", re.IGNORECASE)


def _beside_the_rest(claim: Claim, quantity: Quantity) -> bool:
    """Whether a count has the rest of its act's count told beside it ("killed 3 soldiers and 10 others": the 3):
    another figure of the sentence counts a word standing for the noun, a part (extraction's
    ``_the_rest_of_a_count``), hung on this count's noun."""
    noun = measure_key(quantity.measure)
    return bool(noun) and any(
        other.part and measure_key(other.measure) in STANDS_FOR_THE_NOUN and (other.head or "").casefold() == noun
        for other in claim.quantities
        if other is not quantity
    )


def a_kind_beside_the_rest(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether one count is of a kind told beside the rest of its act's count ("killed 3 soldiers and 10 others") and
    the other counts another noun ("killed 13 people"): the soldiers are some of the people killed, not all of them.
    The same noun ("killed 5 soldiers") still meets it: the 3 are all the soldiers."""
    left_q, right_q = pair.left.ref, pair.right.ref
    if stem(counted_noun(alignment.left, left_q)) == stem(counted_noun(alignment.right, right_q)):
        return False
    return _beside_the_rest(alignment.left, left_q) or _beside_the_rest(alignment.right, right_q)


def the_whole_against_an_act(left: Quantity, right: Quantity) -> bool:
    """Whether one figure is the whole a partitive counts its part from ("close 60 of its 260 branches": 260, what the
    bank has) and the other counts what an act befell ("will shut 90 branches"): the part is that act's count, the
    whole meets only another whole or a count of what there is ("the bank has 260 branches")."""
    for whole, other in ((left, right), (right, left)):
        if whole.whole and not other.whole and _act_verb(other):
            return True
    return False


def a_remainder(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure counts what is left beside another count ("seven AK-47s, three other assault rifles", "a
    further 10,000 people joined"): a part added to a figure told elsewhere, never the total another source gives."""
    start, end = quantity.span.start - claim.span.start, quantity.span.end - claim.span.start
    before = claim.span.text[max(0, start - 20) : max(0, start)]
    return bool(_REMAINDER_BEFORE.search(before)) or bool(_REMAINDER_AFTER.match(claim.span.text, max(0, end)))


def supposed(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure is supposed, not told: it stands in an "if" or "unless" clause ("If the track sold 500,000
    copies, ..."), a condition the sentence sets, not a count it reports."""
    offset = quantity.span.start - claim.span.start
    return bool(_CONDITION_BEFORE.search(claim.span.text[max(0, offset - 80) : max(0, offset)]))


def one_side_only(wording: re.Pattern[str], alignment: Alignment) -> bool:
    """Whether one sentence has the wording and the other not: a part of a total against the total ("Excluding the
    car sector, sales rose by 0.3%" / "overall sales rose by 1.1%"), a forecast against an outcome ("sales are
    forecast to rise by 4.5%" / "sales rose by 1.1%"). Two figures of one kind, not one figure given twice."""
    return bool(wording.search(alignment.left.span.text)) != bool(wording.search(alignment.right.span.text))


def is_age(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure is a person's age: years, followed by "old" ("a 61-year-old man", "15 years old")."""
    if quantity.unit not in ("years", "year"):
        return False
    return bool(AGE_AFTER.match(claim.span.text, max(0, quantity.span.end - claim.span.start)))


def ages(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both figures of a pair are ages.

    An age's head is the noun that names the person ("a 15-year-old boy" / "a 15-year-old
    teenager"); two outlets name one person with two nouns, so heads that differ say nothing
    of whether the ages are one person's.
    """
    return is_age(alignment.left, pair.left.ref) and is_age(alignment.right, pair.right.ref)


# "Sam Ito, the 16-year-old's coach": the age is another person's.
_AGE_OF_ANOTHER = re.compile(r"[\s\u2010-\u2015-]*(?:years?[\s\u2010-\u2015-]*)?old['\u2019]s\b", re.IGNORECASE)


def _aged_person(claim: Claim, quantity: Quantity) -> set[str]:
    """The name keys of the person an age is given to by name ("16-year-old Dana Whitfield", "Dana Whitfield, 16"): a
    person named right next to the age whose name holds the age's head word (or, after the name, the age itself)."""
    head = (quantity.head or "").casefold()
    for actor in claim.actors:
        if actor.label != "PERSON":
            continue
        between = claim.span.text[actor.span.end - claim.span.start : quantity.span.start - claim.span.start]
        # "Dana Whitfield, 16", "Dana Whitfield, a 16-year-old student": the age set beside the name
        # (not a possessive: "Riverton's 9-year-old centre" is the club's player, not the club)
        after_name = (0 <= quantity.span.start - actor.span.end <= 3 and not re.match(r"['\u2019]", between)) or (
            bool(re.fullmatch(r",\s*(?:a|an|the)\s+", between))
            and not _AGE_OF_ANOTHER.match(claim.span.text, quantity.span.end - claim.span.start)
        )
        before_name = 0 <= actor.span.start - quantity.span.end <= 12  # "16-year-old Dana Whitfield"
        words = {word.casefold() for word in words_in(actor.name)}
        if after_name or (before_name and head in words) or _noun_then_name(claim, quantity, actor.span.start):
            return entity_keys(actor.name)
    return set()


def _noun_then_name(claim: Claim, quantity: Quantity, name_start: int) -> bool:
    """Whether an age's noun is followed by the person's name ("the 18-year-old club centre Dana Whitfield"): the
    noun is the post or kind the name is given, as in "coach Sam Ito", so the age is the named person's."""
    head = (quantity.head or "").casefold()
    if not head or _names_no_person(quantity):
        return False
    between = claim.span.text[quantity.span.end - claim.span.start : name_start - claim.span.start]
    return bool(
        re.fullmatch(
            r"[\s\u2010-\u2015-]*(?:years?[\s\u2010-\u2015-]*)?old\s+(?:[\w'\u2019-]+\s+){0,2}?"
            + re.escape(head)
            + r"\s+",
            between,
            re.IGNORECASE,
        )
    )


def ages_of_one_person(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both figures are the age of one person, named on both sides ("16-year-old Dana Whitfield" / "the
    shooting of 8-year-old Dana Whitfield").

    A person has one age at a time: two articles that name the person give one fact however little else of
    their sentences matches (one tells the shooting, the other the protests after it).
    """
    if not ages(alignment, pair):
        return False
    left, right = _aged_person(alignment.left, pair.left.ref), _aged_person(alignment.right, pair.right.ref)
    return bool(left & right)


_KIND_LABELS = ("ORG", "OTHER", "FAC")


def _kinds_named(claim: Claim) -> dict[str, list[set[str]]]:
    """The names of a sentence by their kind, the name's last word ("British Independent Film Awards" -> "award":
    {"british", "independ", "film"}): firms, bodies, events, works and buildings, not the speaker it quotes."""
    speaker = claim.quote.speaker_span if claim.quote is not None else None
    kinds: dict[str, list[set[str]]] = defaultdict(list)
    for actor in claim.actors:
        if actor.label not in _KIND_LABELS:
            continue
        if speaker is not None and actor.span.start < speaker.end and speaker.start < actor.span.end:
            continue
        words = [stem(word) for word in words_in(actor.name) if word.casefold() not in STOPWORDS]
        if len(words) >= 2:
            kinds[words[-1]].append(set(words[:-1]))
    return kinds


def two_of_one_kind(alignment: Alignment) -> bool:
    """Whether the two sentences name two particulars of one kind and no one in common: "seven nominations at this
    year's British Independent Film Awards" / "three nominations at this year's Academy Awards" are two contests'
    figures, two "... Bank" two banks'. Names that share a word ("Marfin Bank" / "Marfin Egnatia Bank") may be one."""
    left, right = _kinds_named(alignment.left), _kinds_named(alignment.right)
    return any(
        all(not left_words & right_words for left_words in left[kind] for right_words in right[kind])
        for kind in left.keys() & right.keys()
    )


def _holder_words(quantity: Quantity) -> set[str]:
    return {word for word in words_in((quantity.holder or "").casefold()) if word not in STOPWORDS}


def two_holders(left: Quantity, right: Quantity) -> bool:
    """Whether two figures are each given to a named holder, and the two names share no word: "The band has sold
    about two million records" (the band the article named before) / "Abba's songs have sold more than 350
    million records", or "He starred in seven films" / "Lee has made more than 25 films". Extraction resolves
    a pronoun or a definite noun ("they", "the company") to the name it stands for; a surname shares its word
    with the full name ("Lee" / "Spike Lee")."""
    left_words, right_words = _holder_words(left), _holder_words(right)
    return bool(left_words) and bool(right_words) and not left_words & right_words


def one_holder_and_several(left: Quantity, right: Quantity) -> bool:
    """Whether one figure's holder is one and the other's several, as the parse gives their words, so that the two
    cannot be one holder's: one person against several ("Roe scored 23 league goals" / "they scored just 39 league
    goals": a player's goals and his side's), or several bodies against one named ("The companies together employ
    about 5,200 people" / "Harbor employs about 2,100 people": two firms' staff and one's). A plural "they" may stand
    for one organisation ("Harbor ... they scored 39"), several people for the body they make up ("the players" /
    "Harbor"), and several bodies for the one they become ("The companies plan to shut 90 branches" / "The new bank
    will close 60 branches"), so those stay comparable."""
    for one, several in ((left, right), (right, left)):
        if one.holder_number == "one" and several.holder_number == "several":
            if one.holder_kind == "person" or (one.holder_kind == "named" and several.holder_kind == "body"):
                return True
    return False


def held_together(alignment: Alignment, left: Quantity, right: Quantity) -> bool:
    """Whether both sentences name the two holders side by side, joined by "and" ("Roe and Ito missed twelve
    penalties between them" / "Jane Roe and Sam Ito, who missed six penalties"): the figure is the pair's, and
    extraction gives it to one of the two, a different one on each side. Two holders told apart ("Roe scored 20,
    Ito 15") are not joined so."""
    left_words, right_words = _holder_words(left), _holder_words(right)

    def joined(text: str) -> bool:
        folded = text.casefold()
        return any(
            re.search(
                rf"\b{re.escape(first)}\b(?:\s+[^\W\d_]+){{0,2}}?\s+and\s+(?:[^\W\d_]+\s+){{0,2}}?{re.escape(second)}\b",
                folded,
            )
            for one in left_words
            for other in right_words
            for first, second in ((one, other), (other, one))
        )

    return joined(alignment.left.span.text) and joined(alignment.right.span.text)


def _same_figure(first: Quantity, second: Quantity) -> bool:
    """The same number in one unit family, counting the same noun when both name one ("eight years" / "more than eight years")."""
    if unit_family(first.unit) != unit_family(second.unit) or first.value != second.value:
        return False
    nouns = measure_key(first.measure), measure_key(second.measure)
    return not all(nouns) or nouns[0] == nouns[1]


def stated_on_both_sides(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether a side also gives the other side's figure, so the two were paired wrongly, not stated two ways.

    "12 people were injured" against "18 people were injured and 12 arrested", or "$1 million"
    against "$US1 million ($1.52 million)": the figure each side is said to contradict is in
    the other sentence too, counting something next to it or the same sum in another currency.
    """
    left_q, right_q = pair.left.ref, pair.right.ref
    # By value, not identity: the aligner caches tokens per claim value, so a slot's figure may be an equal
    # claim's object from an earlier run in this process.
    return (
        any(_same_figure(other, right_q) for other in alignment.left.quantities if other != left_q)
        or any(_same_figure(other, left_q) for other in alignment.right.quantities if other != right_q)
        or right_q.value in unextracted_figures(alignment.left)
        or left_q.value in unextracted_figures(alignment.right)
    )


def _figure_key(quantity: Quantity) -> tuple[str, str, float]:
    return unit_family(quantity.unit), measure_key(quantity.measure), quantity.value


def figures_told(claims: Iterable[Claim]) -> dict[str, frozenset[tuple[str, str, float]]]:
    """Per document, the figures its claims give: unit family, counted noun and value."""
    told: dict[str, set[tuple[str, str, float]]] = defaultdict(set)
    for claim in claims:
        told[claim.doc].update(_figure_key(quantity) for quantity in claim.quantities)
    return {doc: frozenset(figures) for doc, figures in told.items()}


def a_part_told_apart(
    alignment: Alignment, pair: SlotPair, figures: Mapping[str, frozenset[tuple[str, str, float]]]
) -> bool:
    """Whether two counts of two nouns (``one_kind_counted``: "people" / "children") may be a whole and its part: an
    article gives the other side's figure too, of the other side's noun ("killed 30 people, 12 of them children" /
    "killed 12 children"). With one noun on both sides a figure given twice is the writer's; with two, a group and its
    part counted apart."""
    if counted_noun(alignment.left, pair.left.ref) == counted_noun(alignment.right, pair.right.ref):
        return False
    empty: frozenset[tuple[str, str, float]] = frozenset()
    return any(
        _gives(figures.get(doc, empty), quantity)
        for doc, quantity in ((alignment.left.doc, pair.right.ref), (alignment.right.doc, pair.left.ref))
    )


def _gives(figures: frozenset[tuple[str, str, float]], quantity: Quantity) -> bool:
    """Whether a document gives this figure: the same value in one unit family, counting the same noun (or, for a
    figure that names none, naming none either: "two of which say ..." is no count of officers)."""
    return _figure_key(quantity) in figures


def each_article_gives_both(
    alignment: Alignment, pair: SlotPair, figures: Mapping[str, frozenset[tuple[str, str, float]]]
) -> bool:
    """Whether each of two articles gives both figures somewhere in its text: then the two are two facts both writers
    tell ("In Europe, cameras on mobiles can take 1.3 megapixel images" / "in Japan ..., mobiles ... can take 3.2
    megapixel images", both in each article), not one fact the two tell two ways. One article giving both figures
    is no sign: a writer who has the figure wrong once may have it right elsewhere. Across sources only: within one
    text the two figures are its own."""
    if not alignment.cross_source or pair.left.ref.value == pair.right.ref.value:
        return False  # "3,000" / "as many as 3,000": one figure, each article giving it its own way
    empty: frozenset[tuple[str, str, float]] = frozenset()
    left_told, right_told = figures.get(alignment.left.doc, empty), figures.get(alignment.right.doc, empty)
    return _gives(left_told, pair.right.ref) and _gives(right_told, pair.left.ref)


_FIGURE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion|trillion|bn|mn)\b)?", re.I)
_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}


def unextracted_figures(claim: Claim) -> set[float]:
    """Figures written in digits that no quantity or time of the claim covers ("\\$US1 million"), by value."""
    covered = [(q.span.start, q.span.end) for q in claim.quantities] + [(t.span.start, t.span.end) for t in claim.times]
    found: set[float] = set()
    for match in _FIGURE.finditer(claim.span.text):
        start = claim.span.start + match.start()
        if any(low <= start < high for low, high in covered):
            continue
        try:
            value = float(match.group(1).replace(",", ""))
        except ValueError:
            continue
        found.add(value * _SCALES.get((match.group(2) or "").casefold(), 1.0))
    return found


def counted_twice(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether a side counts the same noun, or the same act's noun, twice ("seven rifles, two other rifles" /
    "injuring 40, 15 of them on the island", against "nine rifles" / "injured three people").

    Parts of a whole or two groups of one kind: which figure stands for the other side's cannot
    be told, so neither is compared. Two figures with one head count for one act ("injuring 40, 15
    of them ...") unless each names its own counted noun ("killed five soldiers and three civilians"); a
    copula or an auxiliary ("were", "had") says nothing of what is counted.
    """
    # A figure the alignment pairs with an equal figure of the other side is that figure's, no rival for the
    # differing one: "a minimum wage for 16 and 17-year-olds" / "for 16 and 8-year-olds" (16 meets 16).
    settled = {
        (side.ref.span.start, side.ref.span.end)
        for other in alignment.pairs_of("number")
        if other is not pair and quantity_interval(other.left.ref) == quantity_interval(other.right.ref)
        for side in (other.left, other.right)
    }
    for claim, quantity in ((alignment.left, pair.left.ref), (alignment.right, pair.right.ref)):
        # a partitive's part and its whole ("close 60 of its 260 branches") are told apart by their roles
        rivals = [
            other
            for other in claim.quantities
            if (other.span.start, other.span.end) not in settled and other.whole == quantity.whole
        ]
        noun = counted_noun(claim, quantity)
        # Two counts of one noun befallen by two acts ("Ten people died ... and 800 people were evacuated") are told
        # apart by their acts, as two nouns of one act are by their nouns.
        if (
            noun
            and sum(
                1 for other in rivals if counted_noun(claim, other) == noun and not _two_acts(claim, quantity, other)
            )
            > 1
        ):
            return True
        head = quantity.head
        if (
            head
            and head.split()[0] not in STOPWORDS
            and any(
                other.span != quantity.span
                and other.head == head
                and unit_family(other.unit) == unit_family(quantity.unit)
                and not (noun and counted_noun(claim, other) and counted_noun(claim, other) != noun)
                for other in rivals
            )
        ):
            return True
    return False


def _two_acts(claim: Claim, first: Quantity, second: Quantity) -> bool:
    """Whether two figures of one sentence hang on two verbs the parse gives, neither a copula nor a light verb, nor a
    noun the sentence counts: an item of a list hangs on the noun before it ("seized seven rifles, two other rifles":
    the second on "rifle"), which is no act of its own."""
    from factcheck.nlp.verbs import LIGHT_VERBS

    nouns = {measure_key(quantity.measure) for quantity in claim.quantities}
    heads = [(quantity.head or "").split()[:1] for quantity in (first, second)]
    return (
        all(head and head[0] not in STOPWORDS and head[0] not in LIGHT_VERBS and head[0] not in nouns for head in heads)
        and heads[0] != heads[1]
    )


def _dates_of(claim: Claim, quantity: Quantity) -> list[TimeExpression]:
    """The dates a figure is of: those dating the word its noun belongs to ("prices rose 0.8% in January" ->
    "January", both on "rise"); never a base it is compared against ("their biggest fall since February
    2001"). A date on another word dates something else ("two men are under arrest for the murder last
    summer, police said" / "four men were arrested, officials announced Saturday")."""
    return [
        time
        for time in claim.times
        if getattr(time, "type", "DATE") == "DATE"
        and time.value != "PRESENT_REF"
        and time.head
        and quantity.head
        and time.head == quantity.head
        and not a_comparison_base(claim, time)
        and not (time.span.start <= quantity.span.start and quantity.span.end <= time.span.end)  # "nine days ago"
    ]


def _period(time: TimeExpression, anchor: date) -> str | None:
    """A date's value; one its words leave to the dateline ("in October", "last year") read against ``anchor``."""
    from factcheck.nlp.timex import find_times

    if time.value and not time.relative:
        return time.value
    for words in (time.span.text, f"in {time.span.text}"):  # a bare month is read as a date after a preposition
        values = [match.value for match in find_times(words, anchor) if match.value]
        if values:
            return values[0] if len(values) == 1 else None
    return None


def of_two_periods(alignment: Alignment, pair: SlotPair, published: Mapping[str, date | None]) -> bool:
    """Whether the two figures are dated, each by its own sentence, to times that cannot be one.

    "House prices fell 0.4% in October" / "house prices fell 0.2% in December": two months' figures, a change
    over time as two as-of dates are. Whether one of them misdates the fall is date-conflict's to say. Dates
    left to the dateline are read against one shared day (the first side's dateline, else a fixed one), so
    the same words agree and two months do not.
    """
    left_dates, right_dates = _dates_of(alignment.left, pair.left.ref), _dates_of(alignment.right, pair.right.ref)
    if not left_dates or not right_dates:
        return False
    left_day, right_day = published.get(alignment.left.doc), published.get(alignment.right.doc)
    anchor = left_day or right_day or FALLBACK_ANCHOR
    flows = _a_flow(alignment.left, pair.left.ref) and _a_flow(alignment.right, pair.right.ref)
    compared = 0
    for left in left_dates:
        for right in right_dates:
            left_value, right_value = _period(left, anchor), _period(right, anchor)
            if (left_day is None) != (right_day is None):
                left_value, right_value = _one_side_undated(left, left_value, left_day, right, right_value, right_day)
            if left_value is None or right_value is None:
                continue
            left_value, right_value = year_of_the_other(left, left_value, right, right_value)
            if values_agree(left_value, right_value) and not (
                flows and _periods_of_two_lengths(left_value, right_value)
            ):
                return False
            compared += 1
    return compared > 0


def _a_flow(claim: Claim, quantity: Quantity) -> bool:
    """Whether a figure is a change or a sum over its period ("GDP rose 0.8%", "profits of $3.65bn"): a quarter's
    and a year's are two figures, where a count of one act ("killed 10 in 2004" / "in December 2004") is one."""
    return is_change(claim, quantity) or quantity.unit.startswith("money")


def _one_side_undated(
    left: TimeExpression,
    left_value: str | None,
    left_day: date | None,
    right: TimeExpression,
    right_value: str | None,
    right_day: date | None,
) -> tuple[str | None, str | None]:
    """Two dates' values when one article has a dateline and the other none, read as date-conflict reads them
    (``date_conflict.comparable_values``): the dated side keeps the value its own dateline gave (its tense read: "will
    resume sailings on Wednesday" in a piece of Sunday 8 March is 11 March, where a second reading against the same
    day took the Wednesday before), and a month and day of the undated side, its year no words of its own gave, is
    read in the year nearest the other side's (``dates.year_nearest``: "March 11" is 11 March of that year, not the
    latest 11 March up to the other article's dateline, a year back)."""
    if left_day is not None and left.value:
        left_value = left.value
    if right_day is not None and right.value:
        right_value = right.value
    if left_value is None or right_value is None:
        return left_value, right_value
    if left_day is None and not YEAR_WORDS.search(left.span.text):
        left_value = year_nearest(left_value, right_value)
    elif right_day is None and not YEAR_WORDS.search(right.span.text):
        right_value = year_nearest(right_value, left_value)
    return left_value, right_value


def _periods_of_two_lengths(first: str, second: str) -> bool:
    """Whether two dates are periods of clearly different lengths (a quarter and its year, a month and its year),
    though one holds the other."""
    first_interval, second_interval = interval_of(first), interval_of(second)
    if first_interval is None or second_interval is None:
        return False
    lengths = sorted((end - start).days + 1 for start, end in (first_interval, second_interval))
    return lengths[1] >= 2 * lengths[0]


def near(left: Quantity, right: Quantity) -> bool:
    """Whether two figures lie within ``NEAR`` of each other (relative to the larger)."""
    larger = max(abs(left.value), abs(right.value))
    return bool(larger) and abs(left.value - right.value) <= NEAR * larger


_LOWER_BOUNDS = frozenset({"gt", "ge"})
_UPPER_BOUNDS = frozenset({"lt", "le"})


def both_exactly_true(left: Quantity, right: Quantity) -> bool:
    """Whether two overlapping figures can each be exactly what its source means, so they differ in nothing an editor
    could settle: one figure hedged two ways ("about 300 rounds" / "300 rounds", "an estimated $1 million" / "more
    than $1 million"), or a bound and a figure that meets it ("at least two ladder trucks" / "three ladder trucks",
    "up to 85 years" / "85 years"). Two different estimates ("some 2.44 million" / "2.5 million") or two bounds
    ("more than 26,000" / "more than 31,000") still differ; "at least 5" / "at most 5" point two ways."""
    comparators = {left.comparator, right.comparator}
    if comparators & _LOWER_BOUNDS and comparators & _UPPER_BOUNDS:
        return False
    return left.value == right.value or _meets_bound(left, right) or _meets_bound(right, left)


def _meets_bound(bound: Quantity, figure: Quantity) -> bool:
    """Whether ``bound`` is one-sided ("at least two", "up to three") and ``figure``, a figure and no bound, lies
    wholly within it."""
    bounds = _LOWER_BOUNDS | _UPPER_BOUNDS
    if bound.comparator not in bounds or figure.comparator in bounds:
        return False
    low, high, low_open, high_open = quantity_interval(bound)
    figure_low, figure_high, _, _ = quantity_interval(figure)
    above = low < figure_low or (low == figure_low and not low_open)
    below = figure_high < high or (figure_high == high and not high_open)
    return above and below


def _figures_of(measure: str) -> str:
    """How a message names the figures: "pirate figures", or "Figures" when no counted noun was found."""
    return f"{measure} figures" if measure else "Figures"


def _place(span: Span) -> tuple[str, int, int]:
    return span.doc, span.start, span.end


def _holds(outer: Span, inner: Span) -> bool:
    """Whether a span holds another: a figure's sentence holds the figure, its as-of date does not."""
    return outer.doc == inner.doc and outer.start <= inner.start and inner.end <= outer.end


def far_apart(left: Quantity, right: Quantity) -> bool:
    """Whether two figures lie ``APART`` times apart or more (the nearer ends of their ranges), and are not the
    same digits under two scale words ("1.5 million" / "1.5 billion": a slip of the scale)."""
    (left_low, left_high, _, _), (right_low, right_high, _, _) = quantity_interval(left), quantity_interval(right)
    lower_high, higher_low = (left_high, right_low) if left_high < right_low else (right_high, left_low)
    if lower_high <= 0 or higher_low < APART * lower_high:
        return False
    digits = [re.sub(r"\D", "", quantity.span.text) for quantity in (left, right)]
    return not (digits[0] and digits[0] == digits[1])


def _hedged_alike(pair: SlotPair) -> bool:
    """Whether two aligned figures are one figure or allow a stretch of values in common, not a point ("at least 60" /
    "more than 60"; not "two" / "three", whose rounding ranges meet at 2.5 only)."""
    left, right = quantity_interval(pair.left.ref), quantity_interval(pair.right.ref)
    return left == right or max(left[0], right[0]) < min(left[1], right[1])


def _slightly(pair: SlotPair) -> bool:
    """Whether two aligned figures differ only slightly: their ranges overlap, or they lie within ``NEAR``."""
    left, right = pair.left.ref, pair.right.ref
    return intervals_overlap(quantity_interval(left), quantity_interval(right)) or near(left, right)


def _one_note_per_pair_of_values(findings: list[Finding]) -> list[Finding]:
    """Compatible or near figures are a note: one per measure and pair of values, not one per pair of sources.

    Seven articles giving "about 300 rounds" against one giving "300 rounds" is one thing for
    an editor to glance at; warnings stay per pair of sources, each a discrepancy of its own.
    """
    kept: list[Finding] = []
    noted: set[tuple[str, ...]] = set()
    for finding in findings:
        if finding.severity == Severity.INFO:
            key = (str(finding.data.get("measure")), *sorted(map(str, finding.data.get("values", ()))))
            if key in noted:
                continue
            noted.add(key)
        kept.append(finding)
    return kept


# Two articles giving one count a different value in this many pairs of sentences are two editions of one running
# report (two weekends' box office charts, two days' market reports), each figure true of its own time. A slip or a
# planted change alters one fact: one pair of sentences, rarely two.
_EDITION_PAIRS = 3


def _one_count_two_values(alignment: Alignment, pair: SlotPair, dropped: str | None, inputs: _Inputs) -> _Told | None:
    """The two documents and the two sentences, when two sentences of two documents put two values of one count
    opposite each other, word by word or as their only figures (not by the words around alone), whatever else
    then keeps the two from being one fact; None otherwise. Two figures each article gives both of are two facts
    both tell (a list of seized arms paired crosswise with a summary of it), not one count given anew."""
    left, right = alignment.left, alignment.right
    if left.doc == right.doc or pair.how == "context" or dropped not in _COUNTS_TOLD_TWICE:
        return None
    if intervals_overlap(quantity_interval(pair.left.ref), quantity_interval(pair.right.ref)):
        return None
    if each_article_gives_both(alignment, pair, inputs.figures):
        return None
    return frozenset({left.doc, right.doc}), ((left.doc, left.id), (right.doc, right.id))


# The rules after which two figures are still one count given two values (``dropped_by``'s names): not those that
# find them agreeing or counting different things.
_COUNTS_TOLD_TWICE = frozenset({None, "another figure differs too"})


def _two_editions(told: Iterable[_Told | None]) -> set[frozenset[str]]:
    """The pairs of documents that give one count two values in ``_EDITION_PAIRS`` pairs of sentences or more, each
    sentence of a pair its own (one sentence met by three others is one figure, not three)."""
    sentences: dict[frozenset[str], set[tuple[str, str]]] = defaultdict(set)
    for item in told:
        if item is not None:
            docs, (left, right) = item
            sentences[docs].update((left, right))
    return {
        docs
        for docs, claims in sentences.items()
        if all(sum(1 for doc, _ in claims if doc == one) >= _EDITION_PAIRS for one in docs)
    }


_PERSONAL_SUBJECT = re.compile(r"(?:He|She)\b")


def persons_pronouns_stand_for(
    claims: Iterable[Claim], names: Mapping[str, frozenset[str]]
) -> dict[str, frozenset[str]]:
    """Per claim that opens with "He" or "She", the name words of the person the claim before it in its text is
    about, when that claim's subject is a name its article gives ("Roe, who sang with Ito, also won best album. He
    had four nominations ..." -> Roe); a pronoun opening a sentence speaks of the last sentence's subject."""
    persons: dict[str, frozenset[str]] = {}
    before: Claim | None = None
    for claim in sorted(claims, key=lambda c: (c.doc, c.span.start, c.span.end)):
        if before is not None and before.doc == claim.doc and _PERSONAL_SUBJECT.match(claim.text):
            named = _named_subject(before, names.get(before.doc, frozenset()))
            if named:
                persons[claim.id] = named
        before = claim
    return persons


def _named_subject(claim: Claim, article: frozenset[str]) -> frozenset[str]:
    """The name words of a claim's subject when its article gives that subject as a name, else none."""
    if claim.event is None or not claim.event.actor:
        return frozenset()
    words = frozenset(name_words(claim.event.actor))
    return words if words and words <= article else frozenset()


def two_people(alignment: Alignment, pair: SlotPair, inputs: _Inputs) -> bool:
    """Whether two figures no holder was found for are told of two people: a sentence opening with "He" or "She"
    speaks of the person the sentence before it named, and the other sentence's subject is a name that shares no
    word with that person's ("He had four nominations going into the ceremony", after a sentence on Roe / "Ito led
    the race going into the ceremony with 10 nominations"). Extraction resolves a pronoun to a person only when the
    tagger marked the person; an unmarked one leaves the figure with no holder."""
    left, right = alignment.left, alignment.right
    if pair.left.ref.holder or pair.right.ref.holder:
        return False
    left_person = inputs.pronoun_persons.get(left.id)
    right_person = inputs.pronoun_persons.get(right.id)
    if left_person is None and right_person is None:
        return False
    if left_person is None:
        left_person = _named_subject(left, inputs.names.get(left.doc, frozenset()))
    if right_person is None:
        right_person = _named_subject(right, inputs.names.get(right.doc, frozenset()))
    return bool(left_person) and bool(right_person) and not left_person & right_person
