"""FC002 date-conflict: two sentences that state the same fact give it dates that cannot both be true."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from factcheck.checks.base import CheckContext, PairwiseCheck
from factcheck.dates import (
    FALLBACK_ANCHOR,
    YEAR_WORDS,
    a_comparison_base,
    interval_of,
    names_its_own_date,
    values_agree,
    year_nearest,
    year_of_the_other,
)
from factcheck.model import Claim, Corpus, Finding, Quantity, Severity, TimeExpression, normalise_text
from factcheck.nlp.align import (
    DIFFERENT_HEADS_SIMILARITY,
    MIN_SHARED,
    PARAPHRASE_STRENGTH,
    PARTICULAR_LABELS,
    STOPWORDS,
    Alignment,
    SlotPair,
    Token,
    a_light_verb,
    act_of,
    acts_agree,
    acts_on_one_thing,
    acts_related,
    anchors,
    article_names,
    claim_tokens,
    context_of,
    dated_act,
    dates_a_report,
    dates_a_side_clause,
    dates_of_one_act,
    fact_dates,
    has_slots,
    heads_agree,
    joined_dates,
    name_words,
    on_an_occasion,
    participants,
    particulars,
    particulars_differ,
    people_named,
    persons_named,
    slot_head,
    stem,
    told_as_a_verb,
    told_as_coming,
    told_participants,
    verb_act,
    written_as_a_verb,
)
from factcheck.nlp.descriptions import described_organisations, described_persons
from factcheck.nlp.entities import entity_keys, two_places
from factcheck.nlp.quantities import intervals_overlap, quantity_interval, unit_family
from factcheck.nlp.timex.lexicon import WEEKDAY_FULL
from factcheck.plainwords import date_words, quoted
from factcheck.words import LETTERS

# Defaults, each overridable as thresholds["date-conflict.<name>"]:
STRENGTH = 0.5  # how well the rest of the two sentences must match (Dice of content stems)
SAME_DOCUMENT_STRENGTH = 0.7  # within one text a restatement must match closely
SHARED = 3  # content words both sentences must have: two ("Norland founded") name a topic, not a fact
LOCAL = 0.6  # or: how well the words around the two dates match, when one sentence adds a clause
SIMILARITY = 0.6  # and the cosine of the two sentences' vectors, when the corpus has them
AROUND = 0.4  # and the words right around the two dates (what they date) must overlap this much
PARAPHRASE = 0.7  # or, for a paraphrase sharing few words: vectors this close (and AROUND)
RESTATEMENT = 0.8  # or, when each sentence gives the fact one date: vectors this close, whatever the words around


# A date compared under a shared anchor when a side has no dateline: any fixed day will do,
# as long as both sides are resolved against the same one.
def written_out(time: TimeExpression) -> bool:
    """Whether a date's own words name it (a month, a year), not the day the text was written ("last year", "Friday").

    "This year" against "next year", or "Friday" against "the weekend", compare two readings
    of the writers' days more than two dates: the resolver's guess about each dateline
    decides them, so they are no evidence of a slip.
    """
    return names_its_own_date(time.span.text)


# Datelines at most this many days apart put two articles in one week, so a weekday each gives names one calendar day
# read against its own dateline: a wire lede filed on Tuesday and a follow-up filed on Wednesday both place "Monday".
WEEKDAY_DATELINE_GAP = 6
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY_FULL}\b", re.IGNORECASE)


def a_weekday_of_its_week(time: TimeExpression, published: date | None) -> bool:
    """Whether a date is a weekday the resolver placed in the week around the article's known dateline ("ran aground
    on Monday", "Tuesday night" in an article dated Wednesday): one calendar day, as a written date is.

    An undated article's weekday names no day, and "the weekend" or "last week" name no single one.
    """
    if published is None or not _WEEKDAY_WORD.search(time.span.text) or time.granularity not in ("day", "time"):
        return False
    interval = interval_of(time.value)
    return interval is not None and interval[0] == interval[1] and abs((interval[0] - published).days) <= 7


def days_of_one_week(alignment: Alignment, pair: SlotPair, published: Mapping[str, date | None]) -> bool:
    """Whether both dates name a calendar day, each written out or a weekday of its article's week, and the two
    articles' weekdays are read against datelines of one week (``WEEKDAY_DATELINE_GAP``).

    Weekdays are how news dates what happened ("ran aground on Monday" / "ran aground on Tuesday"); two outlets filing
    in one week name one day of one act by one calendar day, whatever weekday word each uses for it.
    """
    left_published, right_published = published[alignment.left.doc], published[alignment.right.doc]
    sides = ((pair.left.ref, left_published), (pair.right.ref, right_published))
    if not all(written_out(time) or a_weekday_of_its_week(time, day) for time, day in sides):
        return False
    if written_out(pair.left.ref) or written_out(pair.right.ref):
        return True
    assert left_published is not None and right_published is not None  # a weekday of its week has a dateline
    return abs((left_published - right_published).days) <= WEEKDAY_DATELINE_GAP


def is_dateline(claim: Claim, time: TimeExpression) -> bool:
    """Whether a date opens its line and a dash or colon follows it ("27/09/2013 - Turkmenistan to hold ...").

    That is when the piece was filed, not when what the line tells happens.
    """
    before = claim.span.text[: max(0, time.span.start - claim.span.start)]
    after = claim.span.text[max(0, time.span.end - claim.span.start) :]
    return not before.strip(" \t\n([") and bool(re.match(r"\s*[-\u2013\u2014:|]", after))


def _tells(tokens: tuple[Token, ...], head: str) -> bool:
    """Whether a sentence's words tell the act a (stemmed) head names: "her modeling breakthrough" tells "model"."""
    return any(token.kind == "word" and token.key == head for token in tokens)


def dates_two_acts(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether the parse says the two dates date two acts: they hang on two verbs that WordNet does not relate
    (``SlotPair.heads`` False), each written as a verb in its sentence ("entered a clinic on Jan. 3" / "left the
    clinic on Jan. 30", "was arrested on Dec. 5" / "was charged on Dec. 8").

    A date on an event or an occasion ("the December 15 election", "the Oscars on Feb. 22") does not say which act
    it dates, so counts for neither side; one on a noun that names no event dates the verb before it ("was authorised
    for 6,000 children on 11 March": ``_act_told``), and a past form spelt like its verb is read from the parse
    ("cut", "set").
    """
    if pair.heads is not False:
        return False
    left, right = _act_told(alignment.left, pair.left), _act_told(alignment.right, pair.right)
    return left is not None and right is not None and not acts_related(left, right)


def _act_told(claim: Claim, date: Token) -> str | None:
    """The verb that tells the act a date dates: its head written as a verb, the sentence's main verb written in its
    bare form when the parse has it so ("The bank cut its rate on 14 May": ``_main_verb_as_written``), or, for a date
    hung on a noun that names no event, the verb before it (``align.verb_act``: "was authorised for 6,000 children on
    11 March" -> authorise). None for a date on an event or an occasion ("the Oscars on Feb. 22")."""
    head = str(getattr(date.ref, "head", None) or "").split()
    if head and (written_as_a_verb(claim, head[0]) or _main_verb_as_written(claim, head[0])):
        return head[0]
    act = verb_act(claim, date)
    return act.verb if act is not None else None


_DETERMINER_BEFORE_WORD = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their|our|your)\s+$", re.IGNORECASE)


def _main_verb_as_written(claim: Claim, lemma: str) -> bool:
    """Whether the parse's main verb (``Event.action``) is the lemma and the sentence writes it as it is, not after a
    determiner: a past form spelt like its lemma ("cut", "set", "put", "hit") that the verb's endings cannot tell."""
    event = claim.event
    if event is None or event.action != lemma or not lemma.isalpha():
        return False
    text = claim.span.text
    return any(
        not _DETERMINER_BEFORE_WORD.search(text[: match.start()])
        for match in re.finditer(rf"\b{re.escape(lemma)}\b", text, re.IGNORECASE)
    )


def dates_acts_apart(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether the two dates date two acts of which one cannot be the other (``align.dated_act``, each told as a
    verb, and ``lexicon.acts_apart``): opposites, one presupposing the other, or one ending what the other does not ("Helga
    Storm joined Ardent Motors in 2001" / "Helga Storm left Ardent Motors in 2012", "married ... in 1998" /
    "divorced ... in 2004"). One person's two acts on one thing share the person, the thing and most words besides,
    so no measure of the rest tells them from one act dated twice; the acts do."""
    from factcheck.nlp import lexicon

    left, right = dated_act(alignment.left, pair.left), dated_act(alignment.right, pair.right)
    if left is None or right is None:
        return False
    if lexicon.acts_apart(left, right):
        # The verb written right before a date on a noun may tell the act where the sentence's main verb does not
        # ("fired head coach Anton Berg on Monday, two days after a defeat left the club 17th": fire, not leave);
        # two acts apart are apart by either reading.
        return not any(
            not lexicon.acts_apart(left_verb, right_verb)
            for left_verb in _verbs_dated(alignment.left, pair.left, left)
            for right_verb in _verbs_dated(alignment.right, pair.right, right)
        )
    # A phrasal verb WordNet knows is read whole ("stepped down" / "resigned" is one act, which "step" is not); one it
    # does not know, by its verb ("set sail" by "set").
    bare_left, bare_right = (act if lexicon.senses(act, "v") else act.split()[0] for act in (left, right))
    return (bare_left, bare_right) != (left, right) and lexicon.acts_apart(bare_left, bare_right)


def _verbs_dated(claim: Claim, date: Token, act: str) -> tuple[str, ...]:
    """The act a date dates (``align.dated_act``) and, for a date hung on a noun naming no event, the verb written
    right before it (``align.verb_act``)."""
    verb = verb_act(claim, date)
    return (act,) if verb is None or verb.verb == act else (act, verb.verb)


def dates_two_told_acts(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether each sentence tells the act its date dates as a verb, and the two acts are two: WordNet relates the
    verbs by none of its paths (``align.dates_of_one_act`` false) and they are done to nothing in common
    (``align.acts_on_one_thing`` false: "was awarded the Lindqvist Prize in 2011" / "was elected to the Academy
    in 2012"; "received the Lindqvist Prize" / "was awarded the Lindqvist Prize" is one act), while the sentences
    do not mean nearly the same (vectors under ``DIFFERENT_HEADS_SIMILARITY``) and are not one sentence. When the
    two sentences differ in nothing but their acts' words (``told_apart_by_the_act``: "raised its main rate" / "cut its
    main rate"), neither the vectors nor the thing acted on say they are one act: the act is what tells them apart.

    The act is the fact's core: two sentences that share the person, the reason and the wording around ("... for
    her work on metal catalysts") but tell two acts are two facts, each with its own date. A date on a noun ("the
    Oscars on Feb. 22", "the 2006 ceremony") says nothing of the act, and is left to the other rules."""
    if not (
        dates_two_acts(alignment, pair)
        and alignment.strength < 0.999
        and not dates_of_one_act(alignment.left, pair.left, alignment.right, pair.right)
    ):
        return False
    if told_apart_by_the_act(alignment, pair):
        return True
    return not (alignment.similarity is not None and alignment.similarity >= DIFFERENT_HEADS_SIMILARITY) and not (
        acts_on_one_thing(alignment.left, pair.left, alignment.right, pair.right)
    )


# Content words a side may differ by, the act's verb among them, for two sentences to be one sentence with its act
# changed: the verb and its object or particle ("held talks" / "signed a ceasefire").
ACT_WORDS = 2


def told_apart_by_the_act(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two sentences differ in nothing but the words that tell their dated acts: at most ``ACT_WORDS`` content
    words a side that the other lacks, the act's verb among them ("The central bank raised its main rate on 2
    February" / "The central bank cut its main rate on 14 September"; "Roe filed a lawsuit against the council" /
    "Roe won her lawsuit against the council").

    Such a pair is the same sentence with its act changed, and the act is what it tells apart: a story's successive
    acts on one thing (a deal offered and accepted, a strike begun and ended, an appeal filed and lost) are written
    alike, so their vectors read them as one sentence (0.8-0.95) and the thing acted on is the same words. Two
    outlets telling one act word the rest their own way as well ("Regulators authorised the vaccine on 11 March after
    a trial in 6,000 children" / "The medicines regulator gave the green light to the vaccine on 21 March")."""
    left_words, right_words = alignment.differing_words()
    if not (_one_run(alignment.left_tokens, left_words) and _one_run(alignment.right_tokens, right_words)):
        return False
    left_act, right_act = _act_told(alignment.left, pair.left), _act_told(alignment.right, pair.right)
    if left_act is None or right_act is None:
        return False
    if not (
        stem(left_act.split()[0]) in {token.key for token in left_words}
        and stem(right_act.split()[0]) in {token.key for token in right_words}
    ):
        return False
    return not _one_transfer_told_from_both_ends(alignment, left_act, right_act)


_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:of|to|from|with|by|for|in|on|at|into|as|against|over|after|before)\b", re.IGNORECASE)


def _verb_at(claim: Claim, tokens: tuple[Token, ...], act: str) -> int | None:
    verbs = [index for index, token in enumerate(tokens) if token.kind != "date" and token.key == stem(act.split()[0])]
    return verbs[0] if verbs else None


def _one_transfer_told_from_both_ends(alignment: Alignment, left_act: str, right_act: str) -> bool:
    """Whether the two verbs tell one act from its two ends: one in the passive, the other not, and the same thing
    right after both as their object ("Roe received the Lindqvist Prize" / "Roe was awarded the Lindqvist Prize": the
    prize passes from the giver to her, and one writer tells the getting, the other the giving). A story's successive
    acts keep one voice ("raised its rate" / "cut its rate") or hang the thing on a preposition ("was charged with
    the robbery" / "made a confession to the robbery")."""
    voices = []
    objects = []
    for claim, tokens, act in (
        (alignment.left, alignment.left_tokens, left_act),
        (alignment.right, alignment.right_tokens, right_act),
    ):
        at = _verb_at(claim, tokens, act)
        if at is None or at + 1 >= len(tokens):
            return False
        verb, after = tokens[at], tokens[at + 1]
        offset = claim.span.start
        voices.append(bool(_PASSIVE_BEFORE.search(claim.span.text[: verb.start - offset])))
        if _PREPOSITION.search(claim.span.text[verb.end - offset : after.start - offset]):
            return False
        objects.append(after.key)
    return voices[0] != voices[1] and objects[0] == objects[1]


def _one_run(tokens: tuple[Token, ...], words: list[Token]) -> bool:
    """Whether a side's differing content words are one to ``ACT_WORDS`` words in a row: one place where the sentence
    was changed ("held talks" -> "signed a ceasefire"), not a sentence worded anew ("was sworn in as governor of
    Caldera Province" / "took office as Caldera's governor")."""
    if not 0 < len(words) <= ACT_WORDS:
        return False
    positions = sorted(index for index, token in enumerate(tokens) if any(token is word for word in words))
    return len(positions) == len(words) and positions[-1] - positions[0] == len(positions) - 1


def dates_another_act(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether one sentence tells the act the other's date dates, but puts its own date on an act the other never tells.

    "She began modeling in 1950 when she met X" / "Her modeling breakthrough began after she divorced
    Y in 1947, when she met ...": the second sentence tells the modeling too, undated, and its year
    dates the divorce, which the first never mentions. Two acts of one life, each dated once, not one
    act dated two ways. Only acts count (both heads written as verbs in their sentences): a date hung
    on a noun ("the host of the Oscars on Feb. 22", "in the spring of 2001") names the occasion, which
    another sentence may date through any of its verbs ("the host of the ceremony, televised on
    February 22"). Heads WordNet relates count as two acts, for a weekday, when one sentence writes the other's head
    word itself, undated, beside its own dated one. A participle after the dated clause ("struck Varn on Oct. 5,
    killing 12") tells what the dated act did, on its day, not another act (``_tells_undated``).
    """
    if pair.heads is None:
        return False
    left_head, right_head = _act_head(alignment.left, pair.left), _act_head(alignment.right, pair.right)
    if left_head is None or right_head is None:
        return False
    left_first, right_first = left_head.split()[0], right_head.split()[0]
    left_tells = _tells_undated(alignment.left, alignment.left_tokens, right_first, pair.left)
    right_tells = _tells_undated(alignment.right, alignment.right_tokens, left_first, pair.right)
    one_sided = (right_tells and not _tells(alignment.left_tokens, right_first)) or (
        left_tells and not _tells(alignment.right_tokens, left_first)
    )
    if pair.heads is True:
        # Two words WordNet relates in some sense ("fired" / "shootings") are one act only when nothing says
        # otherwise: a sentence that also writes the other's very word, undated, tells that act apart from the one
        # it dates ("fired from the firm on Thursday ... accused of shooting" / "the Monday morning shootings").
        # Asked of weekdays, whose pairing rests on a day of one week where a written date names its own.
        weekday = not (written_out(pair.left.ref) and written_out(pair.right.ref))
        return weekday and left_first != right_first and one_sided
    # Both dates must date acts, not occasions: "the host of the Oscars on Feb. 13" dates the show, whatever
    # verb the other sentence dates it through ("the host of the ceremony, televised on February 22").
    return one_sided and dates_two_acts(alignment, pair)


def _tells_undated(claim: Claim, tokens: tuple[Token, ...], head: str, date: Token) -> bool:
    """Whether a sentence tells the act a (stemmed) head names apart from the act its date dates: it writes the word
    (``_tells``), and not only as what the dated act did at its time (``_told_at_the_dated_time``).

    "A bomb exploded in Sarn on Tuesday, killing nine people" and "Nine people were killed when a bomb exploded in
    Sarn on Tuesday" date the killing by the blast's day, so "Bomb kills nine in Sarn on Monday" dates the same act.
    The word written elsewhere ("accused of shooting three co-workers, was fired on Thursday") is an act of its own,
    undated."""
    told = [index for index, token in enumerate(tokens) if token.kind == "word" and token.key == head]
    if not told:
        return False
    at = next((index for index, token in enumerate(tokens) if token is date), None)
    return at is None or not all(_told_at_the_dated_time(claim, tokens, at, index) for index in told)


_WHEN = re.compile(r"\bwhen\b", re.IGNORECASE)


def _told_at_the_dated_time(claim: Claim, tokens: tuple[Token, ...], at: int, index: int) -> bool:
    """Whether the word at ``index`` tells an act the grammar puts at the time of the dated clause (the date at
    ``at``), with no other date between the two: a present participle opening a clause right after a comma that
    follows the date ("struck Varn on Oct. 5, killing 12"), or a word before a "when" that opens the dated clause
    ("were killed when a bomb exploded on Tuesday")."""
    token, dated = tokens[index], tokens[at]
    low, high = sorted((index, at))
    if any(other.kind == "date" for other in tokens[low + 1 : high]):
        return False
    offset = claim.span.start
    if index > at:
        before = claim.span.text[: max(0, token.start - offset)]
        return token.text.casefold().endswith("ing") and before.rstrip().endswith(",")
    between = claim.span.text[max(0, token.end - offset) : max(0, dated.start - offset)]
    return bool(_WHEN.search(between)) and not re.search(r"[;:.!?]", between)


_COMMA_ONLY = re.compile(r"\s*,\s*")


def acts_at_the_dated_time(claim: Claim, date: Token) -> tuple[str, ...]:
    """The lemmas of a present participle that opens a clause right after the comma after a date: what the dated act
    did at its time, on its day ("divers reached the trawler on Sunday, rescuing its crew" -> rescue; "became champion
    on 12 March, beating Reyes" -> beat). Empty when anything but the comma stands between the date and the word."""
    from factcheck.nlp import lexicon

    offset = claim.span.start
    after = claim.span.text[max(0, date.end - offset) :]
    comma = _COMMA_ONLY.match(after)
    word = _FIRST_WORD.match(after[comma.end() :]) if comma is not None else None
    if word is None or not word.group(1).casefold().endswith("ing"):
        return ()
    written = word.group(1).casefold()
    return tuple(lemma for lemma in lexicon.base_forms(written, "v") if lemma != written)


def one_act_at_its_time(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether one sentence tells, as what its dated act did at its time (``acts_at_the_dated_time``), the act the
    other sentence's date dates (``align.dated_act``, or the act done at the occasion it dates:
    ``_act_at_the_occasion``; ``align.acts_related``): "Ilse Varga became national champion on 12 March, beating Tomas
    Reyes in a playoff" / "Varga defeated Reyes in a two-game playoff on 14 March". The grammar tells the title and the
    win on one day, so the win's two dates are one act's, whatever WordNet says of becoming and defeating. Written
    anywhere else in its sentence the participle tells no time, and is left alone."""
    sides = (
        (alignment.left, pair.left, alignment.right, pair.right),
        (alignment.right, pair.right, alignment.left, pair.left),
    )
    for claim, token, other, other_token in sides:
        participles = acts_at_the_dated_time(claim, token)
        if not participles:
            continue
        acts = {
            act.split()[0] for act in (dated_act(other, other_token), _act_at_the_occasion(other, other_token)) if act
        }
        if any(acts_related(participle, act) for participle in participles for act in acts):
            return True
    return False


def _act_at_the_occasion(claim: Claim, date: Token) -> str | None:
    """The sentence's main act (``Event.action``, told as a verb) when its date dates an occasion
    (``align.on_an_occasion``): "defeated Reyes in a two-game playoff on 14 March" -> defeat, done at the playoff."""
    event = claim.event
    if event is None or not event.action or " " in event.action or not on_an_occasion(claim, date):
        return None
    return event.action if told_as_a_verb(claim, event.action) else None


# How close two sentences' vectors must be for their particulars to say they tell one act in two unrelated verbs.
PARTICULARS_SIMILARITY = 0.65
# Particulars (a name, a place, a figure of one value) two such sentences must both give.
PARTICULARS_SHARED = 2


def one_act_by_its_particulars(
    alignment: Alignment,
    pair: SlotPair,
    published: Mapping[str, date | None],
    similarity: float = PARTICULARS_SIMILARITY,
) -> bool:
    """Whether two sources tell one act by two verbs WordNet does not relate, and all else they tell of it agrees:
    each sentence gives the fact one day (``_the_only_day``: a year beside it names none; ``days_of_one_week``), both
    tell their act as a verb, the acts are not two the lexicon keeps apart (``lexicon.acts_apart``), the sentence
    vectors are close
    (``similarity``), and they give ``PARTICULARS_SHARED`` particulars in common (each name of a person, an
    organisation or a place once, each figure of one value and unit) while no figure differs
    (``a_figure_differs_too``): "a judge handed Jo Vint, the council's former treasurer, a four-year prison term on 6
    May for a $2.1 million fraud" / "the council's former treasurer was sentenced to four years in prison on 3 May for
    the $2.1 million fraud".

    The vectors and the particulars say the two sentences are about one thing; what says they tell one act of it is
    that nothing they give differs but the day. Two acts of one story told with its names and no figure ("agreed on
    Wednesday to merge" / "reacted angrily on Thursday to the merger") are left to ``done_by_another`` and the bars
    after the gates."""
    from factcheck.nlp import lexicon

    if not (pair.heads is False and _one_day_each_alike(alignment, pair, published, similarity)):
        return False
    left_act, right_act = dated_act(alignment.left, pair.left), dated_act(alignment.right, pair.right)
    if left_act is None or right_act is None or lexicon.acts_apart(left_act, right_act):
        return False
    if _names_a_relative(alignment.left_tokens) or _names_a_relative(alignment.right_tokens):
        return False
    if a_figure_differs_too(alignment):
        return False
    theirs = {key for key in particulars(alignment.right) if key.startswith("name:")}
    # Each name once, however many keys it has ("Ardmore Savings Bank": its words and its initials).
    named = {
        frozenset(keys)
        for actor in alignment.left.actors
        if actor.label in PARTICULAR_LABELS and (keys := {f"name:{key}" for key in entity_keys(actor.name)}) & theirs
    }
    figures = [
        figure
        for figure in alignment.pairs_of("number")
        if unit_family(str(figure.left.ref.unit)) == unit_family(str(figure.right.ref.unit))
        and figure.left.ref.value == figure.right.ref.value
    ]
    if len(named) + len(figures) < PARTICULARS_SHARED:
        return False
    return dated_acts_alike(alignment, pair)


def one_happening_by_its_doer(
    alignment: Alignment,
    pair: SlotPair,
    published: Mapping[str, date | None],
    similarity: float = PARAPHRASE,
) -> bool:
    """Whether two sources give one happening two days, each sentence telling it as the doer of its act: the subject
    of each sentence's act (``Event.actor``) ends in one noun (one stem, or synonyms: "quake") whose most frequent sense
    names something that happens of itself (``lexicon.mainly_a_happening``: "A magnitude 5.8 earthquake struck the
    valley before dawn on Sunday" / "A shallow earthquake that shook the valley on May 9 has killed 12 people"), each
    sentence gives its fact one day (``_the_only_day``, ``days_of_one_week``), and the sentence vectors are as
    close as a paraphrase's (``similarity``).

    A day in a sentence whose doer is an earthquake, a blast or a flood dates that happening, as "Sunday's
    earthquake" does (``dates_one_event``), whatever verb each writer gives it ("struck", "shook", "hit"), verbs
    WordNet mostly does not relate. An act of someone's named by a noun ("the merger", "the raid": noun.act) is
    many acts of its parties, each with its day, and is left to the other gates; a happening counted among others
    ("a second quake", "the next blast": ``_occurrences_counted_apart``) or told begun and ended
    (``lexicon.acts_apart``: "the flood began" / "the flood receded") is two moments of it."""
    from factcheck.nlp import lexicon

    if not _one_day_each_alike(alignment, pair, published, similarity):
        return False
    doers = [_happening_doer(claim) for claim in (alignment.left, alignment.right)]
    if doers[0] is None or doers[1] is None or not _one_happening(doers[0], doers[1]):
        return False
    left_act, right_act = dated_act(alignment.left, pair.left), dated_act(alignment.right, pair.right)
    if left_act is not None and right_act is not None and lexicon.acts_apart(left_act, right_act):
        return False
    if _occurrences_counted_apart(alignment.left, alignment.right) or _ordinals_differ(alignment.left, alignment.right):
        return False
    return dated_acts_alike(alignment, pair)


def _one_day_each_alike(
    alignment: Alignment, pair: SlotPair, published: Mapping[str, date | None], similarity: float
) -> bool:
    """Whether two sources' sentences, their vectors' cosine at least ``similarity``, each give their fact one calendar
    day (``_the_only_day``) and the two days fall in one week of their datelines (``days_of_one_week``): the ground
    on which an act read by its particulars or a happening read by its doer is compared."""
    return (
        alignment.cross_source
        and alignment.similarity is not None
        and alignment.similarity >= similarity
        and pair.left.ref.granularity in ("day", "time")
        and pair.right.ref.granularity in ("day", "time")
        and days_of_one_week(alignment, pair, published)
        and _the_only_day(alignment.left, pair.left)
        and _the_only_day(alignment.right, pair.right)
    )


def _happening_doer(claim: Claim) -> str | None:
    """The noun that ends the subject of a sentence's act (``Event.actor``), when its most frequent sense names
    something that happens of itself (``lexicon.mainly_a_happening``); None otherwise. The subject is read on from its
    first word to the last before the act's verb, ``SUBJECT_WORDS`` words at most: the parse takes a measure before
    the noun for the head now and then ("A magnitude 6.1 earthquake struck" -> magnitude), where the noun right
    before the verb is what does the act (earthquake)."""
    from factcheck.nlp import lexicon

    event = claim.event
    if event is None or not event.actor or not event.action:
        return None
    actor = LETTERS.findall(event.actor.casefold())
    words = [match.group().casefold() for match in LETTERS.finditer(claim.span.text)]
    if not actor or actor[0] not in words:
        return None
    start = words.index(actor[0])
    verb = event.action.split()[0]
    ends = [
        index
        for index in range(start + len(actor), min(len(words), start + len(actor) + SUBJECT_WORDS))
        if stem(words[index]) == stem(verb) or verb in lexicon.base_forms(words[index], "v")
    ]
    noun = words[ends[0] - 1] if ends else actor[-1]
    lemma = next(iter(lexicon.base_forms(noun, "n")), noun)
    return lemma if lexicon.mainly_a_happening(lemma) else None


# Words after the first word of a sentence's subject within which its act's verb is looked for ("A magnitude 6.1
# earthquake struck": the measure and its figure between the first word and the noun).
SUBJECT_WORDS = 4


def _one_happening(left: str, right: str) -> bool:
    """Whether two nouns for a happening name one: one stem, or synonyms ("earthquake" / "quake")."""
    from factcheck.nlp import lexicon

    return stem(left) == stem(right) or lexicon.synonymous(left, right)


def _the_only_day(claim: Claim, date: Token) -> bool:
    """Whether a date is the one day a sentence gives its fact (``fact_dates`` of a day or a time of day): a year or
    a month beside it ("fined the bank on Thursday for transactions from 2016 to 2021") names no day, so cannot be the
    date the other sentence's day stands against, and which date is whose is not in doubt."""
    days = tuple(token for token in fact_dates(claim) if token.ref.granularity in ("day", "time"))
    return days == (date,)


def _act_head(claim: Claim, date: Token) -> str | None:
    """The stem of the word that tells the act a date dates: its head, or, for a head that is a noun naming no event
    of its own, the verb before it (``align.verb_act``: "was arrested at his home on Tuesday" -> arrest, not home)."""
    act = verb_act(claim, date)
    return stem(act.verb) if act is not None else slot_head(date)


def dates_one_event(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both dates date one noun that names an event: one word (one stem), not two that WordNet relates, and
    written as a noun in both sentences ("the December 15 election" / "elections planned for December 23").

    A day on an event noun dates one occurrence of it: an election, a murder, a summit happens on its day. A verb's
    act recurs under one head ("will defend his title on May 2" / "defends his title on May 9" may be two bouts),
    and WordNet's relations join two acts of one story ("convict" / "sentence", "shoot" / "kill"), so neither
    counts here. The event is the parse's (``extract.heads``: a date on a verb that plans or holds an event dates
    the event).
    """
    from factcheck.nlp import lexicon

    head = slot_head(pair.left)
    lemma = str(pair.left.ref.head or "")
    return (
        head is not None
        and head == slot_head(pair.right)
        and " " not in lemma
        and lexicon.mainly_an_event(lemma)
        and not written_as_a_verb(alignment.left, lemma)
        and not written_as_a_verb(alignment.right, str(pair.right.ref.head))
    )


def one_day_of_one_act(
    alignment: Alignment, pair: SlotPair, paraphrase: float, similarity: float = SIMILARITY, local: float = LOCAL
) -> bool:
    """Whether two sources give one act two days: both dates are days, and both date the same word.

    "The deputy was killed on June 24" / "was killed June 15, 2005 outside an apartment ...": the
    words around the dates differ (one source adds where, the other who), but a day dates one
    occurrence and the parse says both date "kill". It is the paraphrase path with the heads in
    place of the words around the dates: the sentence vectors as close as a paraphrase's
    (``paraphrase``), a fifth of the weighted words alike (``PARAPHRASE_STRENGTH``).

    Or the parse and the words beside the dates both say what is dated: the same head, and the
    words around the two dates alike (``local``), while the rest of two long sentences tells other
    things ("A police shooting Dec. 6 in Athens of a boy, 15, touched off the riots" / "the boy, 15,
    was killed by a police bullet on 6 December"). The vectors then need only be as close as any
    warning asks (``similarity``): what else each sentence tells pulls them apart, not what is dated.

    Or both days date one event noun (``dates_one_event``: "elections planned for December 15" / "plans to hold
    elections on December 23"): the rest need match only to the floors two figures of one counted thing meet at
    (``Alignment.same_head_fact``: vectors 0.5, weighted words 0.3, words around 0.3), or, as for one event named
    by two days (``one_named_event``), the vectors be as close as any warning asks (``similarity``) whatever the
    words around: the event noun says what is dated ("the election ..., which is scheduled for December 23, 2013,
    a decision was taken on ..." / "elections ... which are planned for December 15, 2013, will be held on ...").

    Years are left to the other gates: one head dates two things in a year as often ("the economy
    grew ... in 2004" / "sales to grow ... in 2005").
    """
    if not (
        alignment.cross_source
        and pair.heads is True
        and pair.left.ref.granularity == "day"
        and pair.right.ref.granularity == "day"
        and alignment.rest_shared >= MIN_SHARED
        and alignment.rest_strength >= PARAPHRASE_STRENGTH
        and alignment.similarity is not None
    ):
        return False
    if dates_one_event(alignment, pair) and (alignment.same_head_fact(pair) or alignment.similarity >= similarity):
        return True
    return alignment.similarity >= paraphrase or (alignment.similarity >= similarity and pair.context >= local)


def one_persons_act(
    alignment: Alignment,
    pair: SlotPair,
    similarity: float = SIMILARITY,
    paraphrase: float = PARAPHRASE,
    told: Mapping[str, frozenset[str]] | None = None,
    people: Mapping[str, float] | None = None,
) -> bool:
    """Whether two sources give one person's act two years (or, told in other words, two days): both sentences tell
    of the person, and both dates date one act ("the rebate secured by Jane Roe in 1984" / "the rebate, secured in
    1983 by Jane Roe").

    A year's words around it are few and each writer's own, so on long sentences that tell other things besides
    the whole rarely matches to what a warning asks; a person both name and the parse's head say what the words
    around would. The rest need match only to the floors two figures of one counted thing meet at
    (``Alignment.same_head_fact``). Past against coming is left to the other gates, as is a date written into a name
    ("the 2003 World Cup": a recurring occasion, each year its own) and a sentence with a word for someone's family
    ("Roe's father died in 2004" / "Roe died in 2009": one name, two persons' acts).

    The act may be told in other words on each side (``told_in_other_words``): heads WordNet relates ("emceed" /
    "hosted"), or one date on the occasion the other sentence's act took place at ("served as emcee during the
    2006 ceremony" / "emceed the Academy Awards in 2007"); the person may be told of by a pronoun there
    (``align.participants``: the subject extraction resolved, or ``told``, ``align.pronoun_participants``).

    The risk is an act one person does again ("won the title in 2003" / "in 2004"): two sentences that tell
    two wins share the person, the head and often the words around, so the floors of ``same_head_fact`` (the
    vectors at 0.5) are what part them, and the clean texts are the test (see the commit's figures).
    """
    if not (
        alignment.cross_source
        and pair.left.ref.granularity == pair.right.ref.granularity
        and pair.left.ref.granularity in ("year", "day")
        and bool(participants(alignment.left, people, told) & participants(alignment.right, people, told))
        and not _names_a_relative(alignment.left_tokens)
        and not _names_a_relative(alignment.right_tokens)
    ):
        return False
    if (
        pair.heads is True
        and pair.left.ref.granularity == "year"
        and bool(alignment.people_in_common())
        and alignment.same_head_fact(pair)
        and dated_acts_alike(alignment, pair)
    ):
        return True
    return told_in_other_words(alignment, pair, similarity, paraphrase)


def one_described_persons_act(
    alignment: Alignment,
    pair: SlotPair,
    described: Mapping[str, frozenset[str]],
    told: Mapping[str, frozenset[str]] | None = None,
    people: Mapping[str, float] | None = None,
    organisations: Mapping[str, str] | None = None,
) -> bool:
    """Whether two sources date one act of one person, one of them telling of the person by a description the text
    resolves to them ("Jane Roe was arrested on March 6" / "The 47-year-old was arrested on March 4", in an
    article that named Jane Roe before: ``descriptions.described_persons``), or of one organisation ("Kestrel
    Drones floated on the exchange in 2019" / "The company floated on the exchange in 2018":
    ``descriptions.described_organisations``).

    The sentence vectors cannot gate such a pair: they are mostly the names ("... Jane Roe was arrested on March 6
    after a crash" against the other side with "Roe" 0.74, with "The 47-year-old" 0.47), and the name is one
    side's only. The person both tell of, the act (one head, written as a verb on both sides: an act, not an
    occasion) and the words say it instead: the rest shares what a paraphrase shares besides the person
    (``MIN_SHARED`` words, ``PARAPHRASE_STRENGTH``), and each side gives the fact one date (``fact_dates``), so which
    date is whose is not in doubt. Two occurrences stay apart as elsewhere: two ordinals and none in common, a past
    act against an expected one, a date written into a name (``dated_acts_alike``); two acts are two heads."""
    if not (
        alignment.cross_source
        and pair.heads is True
        and pair.left.ref.granularity == pair.right.ref.granularity
        and pair.left.ref.granularity in ("year", "day")
        and not _names_a_relative(alignment.left_tokens)
        and not _names_a_relative(alignment.right_tokens)
    ):
        return False
    resolved = described.get(alignment.left.id, frozenset()) | described.get(alignment.right.id, frozenset())
    common = participants(alignment.left, people, told) & participants(alignment.right, people, told)
    if not (resolved & common or _one_organisation(alignment, organisations or {})):
        return False
    left_act, right_act = str(pair.left.ref.head).split()[0], str(pair.right.ref.head).split()[0]
    if not (written_as_a_verb(alignment.left, left_act) and written_as_a_verb(alignment.right, right_act)):
        return False
    if len(fact_dates(alignment.left)) != 1 or len(fact_dates(alignment.right)) != 1:
        return False
    if _ordinals_differ(alignment.left, alignment.right) or not dated_acts_alike(alignment, pair):
        return False
    return alignment.rest_shared >= MIN_SHARED and alignment.rest_strength >= PARAPHRASE_STRENGTH


def one_anchored_act(
    alignment: Alignment,
    pair: SlotPair,
    told: Mapping[str, frozenset[str]] | None = None,
    people: Mapping[str, float] | None = None,
    organisations: Mapping[str, str] | None = None,
    published: Mapping[str, date | None] | None = None,
) -> bool:
    """Whether two sources date one act of one participant, told in their own words: someone or something both tell
    of (``align.anchors``: a person both name, or one that a pronoun or a description stands for; an organisation or
    a named thing both name, "Movra Foods", "the Skarn copper mine"; or an organisation one names and the other's
    description stands for), the act one (``align.dates_of_one_act``: one head, heads WordNet relates, a light verb's
    object, a verb defined by the other's act, a date on a noun dated through the sentence's verb), and each sentence
    giving the fact one date (``fact_dates``), so which date is whose is not in doubt. Days only: one does one act
    again in another year as often as not ("won the title in 2003" / "in 2005"), and a year's pair keeps the gates
    that read the rest of the sentences (``one_persons_act``). A day is written out ("March 4") or a weekday of its
    article's week under datelines of one week (``days_of_one_week``): news dates an act by its weekday ("was
    arrested on Tuesday"), and two outlets filing in one week name one day by one calendar day.

    The act and who did it anchor the pair in place of the sentence vectors and the words: two outlets tell one act
    each in their own sentence ("She will be sworn in on Aug. 11" / "Kessler will take office on Aug. 1", vectors
    0.38), and what else each adds pulls the measures of the whole apart. Two occurrences stay apart as elsewhere:
    two ordinals and none in common, a past act against an expected one, a date written into a name
    (``dated_acts_alike``), a relative's act; and the bars after the gates still apply (two acts apart, two posts, one
    act done to two things, the dateline, two places, another act told beside, particulars the other article never
    names). One participant's acts of one week are many ("met the envoy on Monday", "met the minister on
    Wednesday"): the act and what it is done to (``_done_to_two_things``) tell them apart."""
    if not (
        alignment.cross_source
        and pair.heads is not None
        and pair.left.ref.granularity in ("day", "time")
        and pair.right.ref.granularity in ("day", "time")
        and _days_named(alignment, pair, published)
        and not _names_a_relative(alignment.left_tokens)
        and not _names_a_relative(alignment.right_tokens)
    ):
        return False
    common = anchors(alignment.left, people, told) & anchors(alignment.right, people, told)
    if not (common or _one_organisation(alignment, organisations or {})):
        return False
    if not (
        _whose_date_is_told(alignment.left, pair.left, alignment.right, pair.right)
        and _whose_date_is_told(alignment.right, pair.right, alignment.left, pair.left)
    ):
        return False
    if _two_verbs_of_one_story(alignment, pair):
        return False
    if not (
        dates_of_one_act(alignment.left, pair.left, alignment.right, pair.right) or one_act_at_its_time(alignment, pair)
    ):
        return False
    if _occurrences_counted_apart(alignment.left, alignment.right):
        return False
    return not _ordinals_differ(alignment.left, alignment.right) and dated_acts_alike(alignment, pair, occasions=True)


def _whose_date_is_told(claim: Claim, date: Token, other: Claim, other_date: Token) -> bool:
    """Whether which of a sentence's dates the other sentence's date stands against is not in doubt: the sentence
    gives the fact one date (``fact_dates``), or it tells a second act in its own words, each date on its own act
    ("Police arrested Ole Brandt on March 6 and charged him with bribery on March 11"): the paired date's head and
    every other one's are written as verbs or are nouns that name an event (``_act_named``: "was remanded at a court
    hearing on Friday, a week that began with his arrest on Sunday"), the others are other acts than the paired one,
    and none dates the act the other sentence's date dates (``align.dates_of_one_act``), so only one can stand
    against it ("was arrested at his home on March 6").

    A date on a noun that names no event ("in the back of a van on Feb. 2"), or two dates on one act ("arrested on
    March 6 and again on March 9"), leave the pairing in doubt."""
    dates = fact_dates(claim)
    if len(dates) == 1:
        return dates[0] is date
    if not any(token is date for token in dates):
        return False
    own = _act_named(claim, date)
    if own is None:
        return False
    for token in dates:
        if token is date:
            continue
        act = _act_named(claim, token)
        if act is None or acts_related(act, own) or dates_of_one_act(claim, token, other, other_date):
            return False
    return True


def _verb_told(claim: Claim, date: Token) -> str | None:
    """The lemma of the verb a date hangs on, when the sentence writes it as a verb ("charged him ... on March 11"
    -> charge); None for a date on a noun or a function word."""
    act = act_of(date)
    return act if act is not None and told_as_a_verb(claim, act) else None


def _act_named(claim: Claim, date: Token) -> str | None:
    """The act a date dates as the sentence tells it: the verb it hangs on (``_verb_told``), or the noun it follows
    when that noun names an event, written as a noun (``align.on_an_occasion``: "his arrest on Sunday" -> arrest, "at
    a court hearing on Friday" -> hearing). Told after its event's noun, a day says when that event happened, as after
    its verb; written into the noun ("before the March 11 hearing": ``written_into_a_name``) it only says which
    occasion is meant, and what was done at the date is left in doubt. None for a date on any other noun ("in the
    back of a van on Feb. 2") or a function word."""
    act = _verb_told(claim, date)
    if act is not None:
        return act
    return act_of(date) if on_an_occasion(claim, date) and not written_into_a_name(claim, date) else None


def _object_words(claim: Claim, date: Token) -> tuple[str, ...] | None:
    """The words of the thing the act a date dates is done to: the parse's object of the sentence's main act
    (``Event.object``: "launched its first electric van on May 3" -> first, electric, van) when the date dates that
    act. None when the date dates another act, the act has no object or is a light verb's (its object is the act:
    "made landfall"), or the object is someone: a person or a firm the sentence names, or a word for a person
    ("arrested the port manager"), whom another outlet may tell of by a description or a pronoun."""
    from factcheck.nlp import lexicon

    event = claim.event
    if event is None or not event.object:
        return None
    head = str(getattr(date.ref, "head", None) or "").split()
    if not head or head[0] != event.action.split()[0] or a_light_verb(head[0]):
        return None
    written = tuple(
        word for word in (word.casefold() for word in LETTERS.findall(event.object)) if word not in STOPWORDS
    )
    named = {stem(word) for actor in claim.actors for word in LETTERS.findall(actor.name.casefold())}
    if {stem(word) for word in written} & named:
        return None
    if any(lexicon.first_noun_field(word) == lexicon.PERSON_FIELD for word in written):
        return None
    return written or None


# "unveiled a proposal Wednesday to restore bus service": an object with a to-infinitive after it (a date between or
# not: "a proposal on 12 January 2019 to restore") is an intent, a plan, a decision, a bid, whose content the
# infinitive gives.
_INFINITIVE_AFTER = r"(?:\s+[\w-]+){0,5}?\s+to\s+(?P<verb>[a-z]+)(?P<rest>[^.,;:!?\"\u201c\u201d]*)"
_CONTENT_WORDS = 3


def _what_it_is_to_do(claim: Claim, written: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The words of what an object says is to be done, when a to-infinitive follows it: the verb and the first words
    of what it is done to ("a proposal ... to restore free bus service" -> restore, free, bus, service). Two
    proposals of one actor are two things when what each is to do differs, whatever word names each ("its proposal
    to repeal the rule" is no second word for the first)."""
    from factcheck.nlp import lexicon

    if not written:
        return None
    found = re.search(rf"\b{re.escape(written[-1])}\w*{_INFINITIVE_AFTER}", claim.span.text, re.I)
    if not found or not lexicon.senses(found.group("verb"), "v"):
        return None
    rest = [word.casefold() for word in LETTERS.findall(found.group("rest")) if word.casefold() not in STOPWORDS]
    return (found.group("verb").casefold(), *rest[:_CONTENT_WORDS])


def _names_the_thing(word: str, other: Claim) -> bool:
    """Whether a sentence writes a word for the thing: the word itself, a synonym, or one a kind of the other
    ("signed the supply deal" / "inked the agreement"). A word for a person names no thing (the thing is no one:
    ``_object_words``), however WordNet relates its rarer senses ("decision" / "governor")."""
    from factcheck.nlp import lexicon

    alike = (lexicon.Relation.SAME, lexicon.Relation.SYNONYM, lexicon.Relation.DERIVED, lexicon.Relation.HYPERNYM)
    for written in {written.casefold() for written in LETTERS.findall(other.span.text)}:
        if stem(written) == stem(word):
            return True
        if (
            written not in STOPWORDS
            and lexicon.first_noun_field(written) != lexicon.PERSON_FIELD
            and (lexicon.word_relation(word, written) in alike or lexicon.one_kind(word, written))
        ):
            return True
    return False


def _done_to_two_things(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether each sentence's dated act is done to a thing the other sentence names by no word for it (``
    _names_the_thing``): "Vela Motors launched its first electric van on May 3" / "Vela Motors launched a compact
    hatchback on Sept. 12". One participant does one act to many things, each on its day; an act told twice names
    what it is done to on both sides, in some word ("recalled 40,000 jars" / "a recall of 40,000 jars", "signed the
    supply deal" / "inked the agreement")."""
    sides = ((alignment.left, pair.left, alignment.right), (alignment.right, pair.right, alignment.left))
    objects = [_object_words(claim, token) for claim, token, _ in sides]
    intents = [_what_it_is_to_do(claim, words) for (claim, _, _), words in zip(sides, objects, strict=True)]
    if intents[0] is not None and intents[1] is not None:
        # Two intents ("plans to reopen depots" / "its aim to scrap a rule"): what each is to do, compared with each
        # other, not with every word of the other sentence, where a rare sense of one word meets another's.
        return not _one_thing_to_do(intents[0], intents[1])
    for (_, _, other), words in zip(sides, objects, strict=True):
        if words is None or any(_names_the_thing(word, other) for word in words):
            return False
    return True


def _one_thing_to_do(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Whether two intents' contents (``_what_it_is_to_do``: the verb, then the first words of what it is done to)
    are one: the verbs one act to WordNet ("restore" / "reinstate"), and what they are done to named alike or by one
    side only ("to restore bus service" / "to restore service")."""
    from factcheck.nlp import lexicon

    (left_verb, *left_words), (right_verb, *right_words) = left, right
    if stem(left_verb) != stem(right_verb) and not lexicon.same_act(left_verb, right_verb, "v", "v"):
        return False
    left_stems, right_stems = {stem(word) for word in left_words}, {stem(word) for word in right_words}
    return not left_stems or not right_stems or bool(left_stems & right_stems)


def _days_named(alignment: Alignment, pair: SlotPair, published: Mapping[str, date | None] | None) -> bool:
    """Whether both dates name a calendar day on their own: written out ("March 4"), or a weekday of its article's
    week (``days_of_one_week``) while both articles were filed in one week (``WEEKDAY_DATELINE_GAP``): two outlets
    telling one act of the week. A piece filed months before or after tells another moment of the story, and its
    written date is the date of another of its acts as often as not ("was acquired in a July 29 deal" in a piece of
    August / "the negotiations that took place Thursday" in one of December)."""
    if names_its_own_date(pair.left.text) and names_its_own_date(pair.right.text):
        return True
    if published is None:
        return False
    left_published, right_published = published[alignment.left.doc], published[alignment.right.doc]
    if left_published is None or right_published is None:
        return False
    return abs((left_published - right_published).days) <= WEEKDAY_DATELINE_GAP and days_of_one_week(
        alignment, pair, published
    )


def _two_verbs_of_one_story(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether the two dates hang on two verbs, each written as a verb, that WordNet relates only by derivation or as
    one a kind of the other: such relations join two acts of one story ("was convicted March 20" / "is to be
    sentenced May 3", "shot" / "killed"), which only the rest of the sentences can tell from one act told twice, so
    the pair is left to the gates that read it (as ``dates_one_event`` leaves it)."""
    from factcheck.nlp import lexicon

    left, right = str(getattr(pair.left.ref, "head", None) or ""), str(getattr(pair.right.ref, "head", None) or "")
    if not left or not right or slot_head(pair.left) == slot_head(pair.right):
        return False
    if not (
        written_as_a_verb(alignment.left, left.split()[0]) and written_as_a_verb(alignment.right, right.split()[0])
    ):
        return False
    return lexicon.word_relation(left, right) in (lexicon.Relation.DERIVED, lexicon.Relation.HYPERNYM)


def _doer_words(claim: Claim, date: Token) -> tuple[str, ...] | None:
    """The words of whoever does the act a date dates: the subject of the sentence's main act (``Event.actor``:
    "Unions reacted angrily on Thursday" -> unions), when that act is the one the date dates (``align.dated_act``).
    None for no subject (a passive: "was arrested on Tuesday"), a pronoun, or a date on another act."""
    event = claim.event
    if event is None or not event.actor:
        return None
    act = dated_act(claim, date)
    if act is None or act.split()[0] != event.action.split()[0]:
        return None
    words = tuple(word for word in LETTERS.findall(event.actor.casefold()) if word not in STOPWORDS)
    return words or None


def done_by_another(alignment: Alignment, pair: SlotPair, resolved: Mapping[str, object]) -> bool:
    """Whether both sentences say who does their dated act (``_doer_words``) and one tells its doer by a common noun
    the other sentence names by none of the same word, a synonym or one a kind of the other (``_names_the_thing``):
    "Tervo Bank and Hallmark Savings agreed on Wednesday to merge" / "Unions reacted angrily on Thursday to the
    planned merger of Tervo Bank and Hallmark Savings", "Anti-corruption police arrested Victor Hallam ... on Tuesday"
    / "Prosecutors on Thursday charged ... Victor Hallam". A doer the sentence names (a person, a firm) or describes
    in words the text resolves to a name (``resolved``) is left to the anchors; a sentence that names no doer ("was
    arrested at his home on Tuesday") may tell either's act.

    Asked of weekdays: a story's week is many parties' acts on one thing (the banks agree, the unions react; the
    police arrest, the prosecutors charge), each dated by its weekday, and the sentences about them share the thing,
    its names and most words; who acts tells them apart. A written date names its own day, and is left to the other
    gates."""
    sides = (
        (alignment.left, pair.left, alignment.right, pair.right),
        (alignment.right, pair.right, alignment.left, pair.left),
    )
    for claim, token, other, other_token in sides:
        doer = _doer_words(claim, token)
        if doer is None or claim.id in resolved or _doer_words(other, other_token) is None:
            continue
        named = {word for actor in claim.actors for word in LETTERS.findall(actor.name.casefold())}
        if any(word in named for word in doer):
            continue
        if not any(_names_the_thing(word, other) for word in doer):
            return True
    return False


def _one_organisation(alignment: Alignment, organisations: Mapping[str, str]) -> bool:
    """Whether one sentence's description stands for an organisation the other sentence names (one name's words
    within the other's: "Kestrel" / "Kestrel Drones")."""
    for claim, other in ((alignment.left, alignment.right), (alignment.right, alignment.left)):
        name = organisations.get(claim.id)
        if name is None:
            continue
        words = name_words(name)
        for actor in other.actors:
            theirs = name_words(actor.name)
            if words and theirs and (words <= theirs or theirs <= words):
                return True
    return False


_CLAUSE_END = re.compile(r"[,;:.!?]")


def posts_of_the_act(claim: Claim, date: Token) -> frozenset[str] | None:
    """The words for a person a sentence gives the act its date dates, as their post or rank: nouns whose most
    frequent sense WordNet files under noun.person, written between the act's verb and the date, or after the verb
    up to the clause's end when the date comes first ("was promoted to colonel" -> colonel; "was appointed deputy
    director of the observatory in 2012" -> deputy, director). A word right before a name is that person's
    description ("married the director Otto Brandl"), not what the act makes them. None when the act's verb is not
    found; empty when it names no post."""
    from factcheck.nlp import lexicon

    act = dated_act(claim, date)
    if act is None:
        return None
    tokens = claim_tokens(claim)
    at = next((index for index, token in enumerate(tokens) if token is date), None)
    verbs = [index for index, token in enumerate(tokens) if token.kind == "word" and token.key == stem(act.split()[0])]
    if at is None or not verbs:
        return None
    verb = min(verbs, key=lambda index: (abs(index - at), index))
    end = at if verb < at else len(tokens)
    offset = claim.span.start
    stop = _CLAUSE_END.search(claim.span.text, tokens[verb].end - offset)
    limit = offset + stop.start() if stop is not None else claim.span.end
    named = [actor.span.start for actor in claim.actors if actor.label == "PERSON"]
    posts = set()
    for index in range(verb + 1, end):
        token = tokens[index]
        if token.kind != "word" or token.start >= limit:
            continue
        word = token.text.casefold()
        if not word.isalpha() or lexicon.first_noun_field(word) != lexicon.PERSON_FIELD:
            continue
        if any(0 <= start - token.end <= 2 for start in named):
            continue  # "the director Otto Brandl": who they are, not what the act makes them
        posts.add(word)
    return frozenset(posts)


def _one_post(word: str, others: frozenset[str]) -> bool:
    from factcheck.nlp import lexicon

    return any(word == other or lexicon.synonymous(word, other) or lexicon.one_kind(word, other) for other in others)


def posts_differ(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both sentences name the post or rank their dated act gives (``posts_of_the_act``) and one names a
    word for it the other's matches by none of the same word, a synonym or one a kind of the other: "was promoted
    to colonel in 2014" / "was promoted to general in 2020", "was appointed director" / "was appointed deputy
    director" are two acts, each with its date. "Became a colonel" / "was promoted to colonel" name one rank, "head
    coach" / "coach" one post ("head" names no person), and "chief executive" / "CEO" one (a CEO is a kind of
    executive)."""
    left = posts_of_the_act(alignment.left, pair.left)
    right = posts_of_the_act(alignment.right, pair.right)
    if not left or not right:
        return False
    return any(not _one_post(word, right) for word in left) or any(not _one_post(word, left) for word in right)


def told_in_other_words(
    alignment: Alignment, pair: SlotPair, similarity: float = SIMILARITY, paraphrase: float = PARAPHRASE
) -> bool:
    """Whether two sentences that tell of one person tell the dated act in other words, each giving it one date.

    The act is one (``align.dates_of_one_act``) but not one word: heads WordNet relates ("emceed" / "hosted",
    "set up" / "founded"), or one date on the occasion the other sentence's act took place at ("She previously
    served as emcee during the 2006 ceremony" / "Roe ... having previously emceed the 79th annual Golden Lamp
    Awards in 2007"). Each writer builds the sentence around their own word for the act, so the words around the
    two dates rarely match, and the word overlap misses the act itself: it counts here as a word both share. The
    person and the act say what the words around would; the heads agreeing, or the dates being each side's only
    dates of a fact (``SlotPair.how`` "only", a report's date aside), say which date is whose. The rest must
    match as a paraphrase does (``MIN_SHARED`` words, ``PARAPHRASE_STRENGTH``) with the sentence vectors as close
    as any warning asks (``similarity``), or, sharing fewer words, as close as a paraphrase's (``paraphrase``); or
    to the floors of one head's fact (``Alignment.same_head_fact``).

    One act told with one word on both sides is left to the other gates, whose word measures already count it.
    Two occurrences stay apart: two ordinals and none in common ("her first visit, in 2009" / "his second visit,
    in 2015"), a past act against an expected one, and a date written into a name (``dated_acts_alike``) unless
    it names the occasion itself ("the 2006 ceremony").
    """
    if pair.heads is None or slot_head(pair.left) == slot_head(pair.right):
        return False
    if not dates_of_one_act(alignment.left, pair.left, alignment.right, pair.right):
        return False
    if _ordinals_differ(alignment.left, alignment.right) or not dated_acts_alike(alignment, pair, occasions=True):
        return False
    if alignment.same_head_fact(replace(pair, heads=True)):
        return True
    if not (pair.how == "only" or pair.heads is True) or alignment.similarity is None:
        return False
    shared = alignment.rest_shared + 1  # the act, told in two words ("arrested" / "taken into custody")
    if alignment.rest_strength >= PARAPHRASE_STRENGTH:
        return shared >= MIN_SHARED and alignment.similarity >= similarity
    return shared >= MIN_SHARED and alignment.similarity >= paraphrase


_ORDINAL = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.IGNORECASE
)


def _ordinals_differ(left: Claim, right: Claim) -> bool:
    """Whether both sentences count an occurrence and none of their ordinals is the other's ("first hosted in
    2006" / "her second stint, in 2014"): two occurrences of one act, each with its date."""
    left_ordinals = {match.group().casefold() for match in _ORDINAL.finditer(left.span.text)}
    right_ordinals = {match.group().casefold() for match in _ORDINAL.finditer(right.span.text)}
    return bool(left_ordinals) and bool(right_ordinals) and not left_ordinals & right_ordinals


_OCCURRENCE = re.compile(rf"{_ORDINAL.pattern}|\b(?:next|previous|upcoming)\b", re.IGNORECASE)


def _occurrences_counted_apart(left: Claim, right: Claim) -> bool:
    """Whether the two sentences count their acts among others in other words, one of them at all: "pending his
    next court hearing April 19" / "during Wednesday's hearing", "her second visit" / "her visit". A sentence that
    counts its act (an ordinal, "next", "previous", "upcoming") tells one occurrence of an act that recurs, and the
    anchored pair, which reads the act and who did it and nothing more, cannot tell which the other sentence means."""
    left_words = {match.group().casefold() for match in _OCCURRENCE.finditer(left.span.text)}
    right_words = {match.group().casefold() for match in _OCCURRENCE.finditer(right.span.text)}
    return left_words != right_words


_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|this|that|its|his|her|their|our|your|whose)|['\u2019]s?)\s+$", re.I)


def written_into_a_name(claim: Claim, token: Token) -> bool:
    """Whether a date stands after a determiner or a possessive, so modifies a noun ("the 2006 HBO movie", "Ito's
    2013 stint", "the Dec. 6 killing") instead of dating the verb ("released in 2005", "on Sept. 8")."""
    before = claim.span.text[max(0, token.start - claim.span.start - 12) : max(0, token.start - claim.span.start)]
    return bool(_DETERMINER_BEFORE.search(before))


def dated_acts_alike(alignment: Alignment, pair: SlotPair, occasions: bool = False) -> bool:
    """Whether both dates date an act, not a name (``written_into_a_name``), and both sentences tell that act in one
    tense: a past act against an expected one ("spent £5bn in 2003" / "are expected to spend £269bn during 2004") is
    an occasion and the forecast of the next. A sentence's tense is its main act's (``Event.past``), so says nothing
    of a date on a verb of a clause of its own (``align.dates_a_side_clause``: "Ilse Roe, sworn in on 2 January,
    faces a recall vote").

    ``occasions``: a date written before the event noun it dates ("during the 2006 ceremony"; ``names_its_act`` and
    ``align.on_an_occasion``) dates that occasion, as "the ceremony in 2006" does, so counts as an act's date."""

    def a_name(claim: Claim, token: Token) -> bool:
        if occasions and names_its_act(claim, token) and on_an_occasion(claim, token):
            return False
        return written_into_a_name(claim, token)

    return (
        not a_name(alignment.left, pair.left)
        and not a_name(alignment.right, pair.right)
        and not (
            alignment.left.event is not None
            and alignment.right.event is not None
            and alignment.left.event.past != alignment.right.event.past
            and not dates_a_side_clause(alignment.left, pair.left)
            and not dates_a_side_clause(alignment.right, pair.right)
        )
    )


def one_fact_restated(alignment: Alignment, pair: SlotPair, restatement: float = RESTATEMENT) -> bool:
    """Whether two sources restate one fact in their own words, each giving it one date: "will defend her title
    against Sam Ito on Sept. 8, promoters said" / "will put her title on the line against Sam Ito on Sept. 16".

    The words around the two dates differ (each writer words the act their own way), but the two sentences mean
    nearly the same (their vectors at least ``restatement``), share what a paraphrase shares (``MIN_SHARED``
    words, ``PARAPHRASE_STRENGTH``), and the dates are the only dates of the fact on either side (a report's
    date aside: ``SlotPair.how`` is "only"), so which date is whose is not in doubt. A date written into a name
    ("the 2006 HBO movie") does not say which act it dates (made, shown, released): it is left to the other gates.
    Nor does a past act against an expected one ("spent £5bn on cards in 2003" / "are expected to put £269bn on cards
    during 2004"): one sentence reports an occasion, the other forecasts the next. Nor do two acts the parse tells
    apart (``dates_two_acts``: "entered a rehab clinic on Jan. 3" / "left the rehab facility on Jan. 30", vectors
    0.81): a story's sentences about its successive acts mean nearly the same to the vectors, and only the words
    around the dates could say they are one act; a date on a noun ("put her title on the line on Sept. 16") leaves
    the act to the vectors.
    """
    return (
        alignment.cross_source
        and pair.how == "only"
        and not dates_two_acts(alignment, pair)
        and dated_acts_alike(alignment, pair)
        and pair.left.ref.granularity == pair.right.ref.granularity
        and alignment.rest_shared >= MIN_SHARED
        and alignment.rest_strength >= PARAPHRASE_STRENGTH
        and alignment.similarity is not None
        and alignment.similarity >= restatement
    )


def _days_of_two_reports(pair: SlotPair) -> bool:
    """Whether both dates are the days two reports were told ("promoters said on Sept. 2" / "his manager said on
    Sept. 3"): a story is told on many days, so two such days are no conflict. A year or a month of a saying ("she
    said in 1998") dates a statement, and is compared."""
    return all(dates_a_report(token) and token.ref.granularity in ("day", "time") for token in (pair.left, pair.right))


def _a_report_before_the_act(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether one date is the day a report was told and the act it tells is still to come ("the firm said on
    March 3 that it will cut 200 jobs" / "will cut 200 jobs by March 31, the firm told staff"; "said on Thursday she
    would sign the bill" / "signed the bill on Friday": the report tells the other's dated act bare after a modal).

    A report's date pairs with the other side's date when it is the only date its sentence gives (the day a past
    act was told is often its day: "said on Monday it bought ..."), but an expected act happens after it is told,
    so the report's day says nothing of the act's.
    """
    sides = ((pair.left, pair.right, alignment.left), (pair.right, pair.left, alignment.right))
    return any(
        dates_a_report(report)
        and not dates_a_report(other)
        and ((claim.event is not None and not claim.event.past) or told_as_coming(claim, act_of(other) or ""))
        for report, other, claim in sides
    )


def a_past_and_a_coming_occasion(
    published: Mapping[str, date | None], alignment: Alignment, values: tuple[str, str]
) -> bool:
    """Whether one sentence tells a past act and the other one still to come, each dated on its side of the day
    the text was written: "Jane Roe hosted the Golden Lamp Awards in 2027" / "Jane Roe to host the Golden Lamp
    Awards in 2031", in a text of 2030.

    An act that recurs (a show, a title defence, an election) is told in one mould for each of its occasions;
    the tense and the dates on both sides of the dateline say these are two, the last and the next. Known only
    where a text has a dateline (the other's serves an undated one, as it does for reading the dates).
    """
    left_event, right_event = alignment.left.event, alignment.right.event
    if left_event is None or right_event is None or left_event.past == right_event.past:
        return False
    left_value, right_value = values
    past_value, coming_value = (left_value, right_value) if left_event.past else (right_value, left_value)
    coming_doc, other_doc = (
        (alignment.right.doc, alignment.left.doc) if left_event.past else (alignment.left.doc, alignment.right.doc)
    )
    now = published.get(coming_doc) or published.get(other_doc)
    past, coming = interval_of(past_value), interval_of(coming_value)
    return now is not None and past is not None and coming is not None and past[1] < now < coming[0]


def _names_a_relative(tokens: tuple[Token, ...]) -> bool:
    """Whether a sentence has a word for someone's family ("Roe's father", "his wife"), as written or inflected."""
    from factcheck.nlp import lexicon

    for token in tokens:
        if token.kind != "word":
            continue
        word = token.text.casefold().replace("\u2019", "'").removesuffix("'s")
        if any(lexicon.names_a_relative(lemma) for lemma in lexicon.base_forms(word, "n") or (word,)):
            return True
    return False


def one_death(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether both dates date the death of one person both sentences name: "convicted of the 2004 murder of Deputy
    Sam Ito" / "convicted ... of murdering Deputy Sam Ito in June, 2005", "shot Sam Ito ... in 2004".

    A person dies once, so two dates of a killing or a dying (``lexicon.ends_a_life``: "shot" / "murdering", "the
    death of" / "was killed") cannot both be right, whatever else each sentence tells (the trial, the verdict,
    where it happened): the rest need share only what a paraphrase shares (``MIN_SHARED`` words,
    ``PARAPHRASE_STRENGTH``), and years count as days do. The person both name must be the one who died: a
    sentence with a word for someone's family ("Roe's father died in 2004" / "Roe died in 2009") may date a
    relative's death, and is left to the other gates. An act that recurs ("hosted the show in 2007" / "in
    2006", "was arrested in 2004") is too: the same person may do it twice.
    """
    from factcheck.nlp import lexicon

    if not (
        alignment.cross_source
        and alignment.rest_shared >= MIN_SHARED
        and alignment.rest_strength >= PARAPHRASE_STRENGTH
    ):
        return False
    left_head, right_head = str(pair.left.ref.head or "").split(), str(pair.right.ref.head or "").split()
    return (
        bool(left_head and right_head)
        and lexicon.ends_a_life(left_head[0])
        and lexicon.ends_a_life(right_head[0])
        and bool(alignment.people_in_common())
        and not _names_a_relative(alignment.left_tokens)
        and not _names_a_relative(alignment.right_tokens)
    )


_FIRST_WORD = re.compile(r"\s*([^\W\d_]+(?:-[^\W\d_]+)*)")


def names_its_act(claim: Claim, token: Token) -> bool:
    """Whether a day is written as the name of what it dates: the date right before its head noun ("the Dec. 6
    killing", "a June 20 shooting").

    A news story names its events that way, one name for one event; the head is the parse's (a noun the
    date modifies), and the word right after the date is that head, with nothing between.
    """
    head = slot_head(token)
    if head is None or " " in head:
        return False
    after = claim.span.text[max(0, token.end - claim.span.start) :]
    word = _FIRST_WORD.match(after)
    return word is not None and stem(word.group(1)) == head


def one_named_event(alignment: Alignment, pair: SlotPair, similarity: float = SIMILARITY) -> bool:
    """Whether two sources name one event by two days: "the Dec. 6 killing" / "the December 14 killing".

    Each date names the act it dates (``names_its_act``), the two names are one word (one stem: "killing" /
    "killing"; "the June 20 shooting" and "the June 24 murder" are two names, often of two events), and the
    two sentences are on one fact as far as their vectors tell (``similarity``, the floor every warning
    asks) and share content words besides the name (``MIN_SHARED``). What each sentence says around the name ("unleashed a wave of
    unrest" / "students angry at") need not match: the name says what is dated, as the words around the
    dates would. Days only: a year names a recurring event as often ("the 2006 ceremony", "the 2008
    election").
    """
    return (
        alignment.cross_source
        and pair.left.ref.granularity == "day"
        and pair.right.ref.granularity == "day"
        and slot_head(pair.left) == slot_head(pair.right)
        and names_its_act(alignment.left, pair.left)
        and names_its_act(alignment.right, pair.right)
        and alignment.rest_shared >= MIN_SHARED
        and alignment.similarity is not None
        and alignment.similarity >= similarity
    )


def joined_pairs(alignment: Alignment, published: Mapping[str, date | None]) -> list[SlotPair]:
    """The ends of two stretches of time set opposite each other in order, first with first and last with last, when
    each sentence writes one stretch (or one pair of listed days: ``align.joined_dates``), of one kind, and one end of
    each agrees while the other differs: "controls over the period 2013 to 2021" / "transactions ... from 2016 to
    2021" pairs 2013 with 2016 and 2021 with 2021.

    A stretch is one fact with two ends; the end both give alike says which of the other's dates is whose, where the
    words around each date (one writer's "period", the other's "passed through") do not, and may even set one's start
    against the other's end. Two stretches that differ at both ends are two stretches (two terms of office, two
    periods of a trend), and are not paired."""
    left_joined, right_joined = joined_dates(alignment.left), joined_dates(alignment.right)
    if len(left_joined) != 1 or len(right_joined) != 1 or left_joined[0].kind != right_joined[0].kind:
        return []
    left_tokens, right_tokens = alignment.left_tokens, alignment.right_tokens
    left_day, right_day = published[alignment.left.doc], published[alignment.right.doc]
    ends = (
        (left_joined[0].first, right_joined[0].first),
        (left_joined[0].second, right_joined[0].second),
    )
    alike = [read_alike(left_tokens[i].ref, right_tokens[j].ref, left_day, right_day) for i, j in ends]
    if alike.count(True) != 1:
        return []
    return [
        SlotPair(
            "date",
            left_tokens[i],
            right_tokens[j],
            "aligned",
            context_of(left_tokens, i, right_tokens, j),
            acts_agree(alignment.left, left_tokens[i], alignment.right, right_tokens[j]),
        )
        for i, j in ends
    ]


def date_pairs(alignment: Alignment, published: Mapping[str, date | None]) -> list[SlotPair]:
    """The alignment's date pairs, the ends of two stretches paired in order (``joined_pairs``) in place of whatever
    the words around them paired them with."""
    made = alignment.pairs_of("date")
    ends = joined_pairs(alignment, published)
    if not ends:
        return made
    # A pair the alignment made itself stays as it made it (the words around weighed as it weighs them).
    ends = [next((pair for pair in made if pair.left is end.left and pair.right is end.right), end) for end in ends]
    taken = {id(token) for pair in ends for token in (pair.left, pair.right)}
    kept = [pair for pair in made if id(pair.left) not in taken and id(pair.right) not in taken]
    return sorted([*kept, *ends], key=lambda pair: (pair.left.start, pair.right.start))


def _a_joined_pair(alignment: Alignment, pair: SlotPair, published: Mapping[str, date | None]) -> bool:
    return any(joined.left is pair.left and joined.right is pair.right for joined in joined_pairs(alignment, published))


def one_stretch_told_twice(
    alignment: Alignment,
    pair: SlotPair,
    published: Mapping[str, date | None],
    told: Mapping[str, frozenset[str]] | None = None,
    people: Mapping[str, float] | None = None,
) -> bool:
    """Whether two sources give one stretch of time two ends (``joined_pairs``: its other end alike on both sides) in
    sentences about the very same parties: both tell of the same persons, organisations and named things
    (``align.anchors``, one set, not empty), their vectors are as close as any warning asks (``SIMILARITY``), and the
    rest shares what a paraphrase shares (``MIN_SHARED`` words, ``PARAPHRASE_STRENGTH``): "The authority fined Tarn
    Bank for failings from 2016 to 2021" / "The authority handed Tarn Bank a penalty for failings over the period 2013
    to 2021".

    A sentence that names a party the other does not may tell another party's stretch ("Roe ran the agency from 2012
    to 2019" / "Ito ran it from 2015 to 2019"), and is left to the other gates. Two listed days ("met the union on 3
    and 4 May") must date one act (``SlotPair.heads``): a stretch is one fact whatever verb each writer hangs it on,
    while one party's acts of two days each are as many as its verbs."""
    if not (
        alignment.cross_source
        and alignment.similarity is not None
        and alignment.similarity >= SIMILARITY
        and alignment.rest_shared >= MIN_SHARED
        and alignment.rest_strength >= PARAPHRASE_STRENGTH
        and _a_joined_pair(alignment, pair, published)
    ):
        return False
    left_anchors = anchors(alignment.left, people, told)
    if not left_anchors or left_anchors != anchors(alignment.right, people, told):
        return False
    if joined_dates(alignment.left)[0].kind == "list" and pair.heads is not True:
        return False
    return dated_acts_alike(alignment, pair)


def _resolved(time: TimeExpression, anchor: date) -> str | None:
    """The value of a time expression's words read against ``anchor`` (for undated or relative sides)."""
    from factcheck.nlp.timex import find_times

    if not written_out(time):
        return None
    matches = find_times(time.span.text, anchor)
    values = [match.value for match in matches if match.value]
    return values[0] if len(values) == 1 else None


def same_words(left: TimeExpression, right: TimeExpression) -> bool:
    """Whether two time expressions are written alike ("2009" / "2009", "Tuesday" / "tuesday")."""
    return " ".join(left.span.text.casefold().split()) == " ".join(right.span.text.casefold().split())


def _one_day_in_one_wording(left: Token, right: Token) -> bool:
    """Whether two date slots are one calendar day written alike ("June 10" / "June 10"), not a year or a month."""
    left_time: TimeExpression = left.ref
    right_time: TimeExpression = right.ref
    return (
        left_time.granularity == "day"
        and right_time.granularity == "day"
        and written_out(left_time)
        and same_words(left_time, right_time)
    )


def read_alike(
    left: TimeExpression, right: TimeExpression, left_published: date | None, right_published: date | None
) -> bool:
    """Whether two dates say the same: the same words ("2009" / "2009"), or values that agree ("2001" / "October
    2001")."""
    if same_words(left, right):
        return True
    values = comparable_values(left, right, left_published, right_published)
    return values is not None and values_agree(*values)


def _read_as_is(time: TimeExpression, published: date | None) -> bool:
    """Whether a date's value stands on its own: read from its own words, or a weekday its dateline placed."""
    return bool(time.value) and (not time.relative or a_weekday_of_its_week(time, published))


def comparable_values(
    left: TimeExpression, right: TimeExpression, left_published: date | None, right_published: date | None
) -> tuple[str, str] | None:
    """Two date values that can be compared, or None.

    Resolved values are compared as they are when each side's value came from its own
    words or both came from known datelines. Otherwise ("Sept. 8" in an article without a
    dateline, "Tuesday" in two articles of unknown date) both sides are read against one
    shared anchor: the same words then give the same value, different words different ones.
    """
    if same_words(left, right):
        return None  # the same words ("3 p.m.", "Tuesday") read against two datelines: one fact, not two
    if left.value and right.value and not (left.relative or right.relative):
        return year_of_the_other(left, left.value, right, right.value)
    if left.value and right.value and left_published and right_published:
        return year_of_the_other(left, left.value, right, right.value)
    anchor = left_published or right_published or FALLBACK_ANCHOR
    left_as_is, right_as_is = _read_as_is(left, left_published), _read_as_is(right, right_published)
    left_value = left.value if left_as_is else _resolved(left, anchor)
    right_value = right.value if right_as_is else _resolved(right, anchor)
    if not left_value or not right_value:
        return None
    # A month and day in an undated article ("Nov. 9") got its year from an anchor not its own, the latest such day up
    # to it: a day just after the other article's dateline fell a year back. Only the month and day were written.
    if _yearless_and_unanchored(left, left_published, left_as_is):
        left_value = year_nearest(left_value, right_value)
    elif _yearless_and_unanchored(right, right_published, right_as_is):
        right_value = year_nearest(right_value, left_value)
    return year_of_the_other(left, left_value, right, right_value)


def _yearless_and_unanchored(time: TimeExpression, published: date | None, as_is: bool) -> bool:
    """Whether a date's year is no reading of its own: its article has no dateline, its value was read against
    another day (``comparable_values``), and its words give no year."""
    return published is None and not as_is and not YEAR_WORDS.search(time.span.text)


def _shown(time: TimeExpression, value: str, guessed: bool) -> str:
    """A compared date in words, without the year when neither article has a dateline and the words give none: the
    year was only a stand-in that puts both days in one year ("June 10" / "June 14"), not one to show an editor."""
    words = date_words(value)
    if guessed and not YEAR_WORDS.search(time.span.text) and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value):
        return f"{words.rsplit(' ', 1)[0]}, no year given"
    return words


def sentences_told(claims: Iterable[Claim]) -> dict[str, frozenset[str]]:
    """Per document, the sentences its claims are made of, case and punctuation folded."""
    told: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        told[claim.doc].add(normalise_text(claim.span.text))
    return {doc: frozenset(sentences) for doc, sentences in told.items()}


def one_article_tells_both(alignment: Alignment, sentences: Mapping[str, frozenset[str]]) -> bool:
    """Whether one of two articles also gives the other's sentence word for word: then it tells both sentences, so
    they are two facts it holds side by side ("Vodafone was the only network for the first nine days of 1985" /
    "Cellnet and Vodafone were the only operators until 1993", both in a story carried twice), not one fact the two
    articles date two ways. A planted or mistaken date leaves the sentence it changed in one article only."""
    if not alignment.cross_source:
        return False
    empty: frozenset[str] = frozenset()
    left, right = alignment.left, alignment.right
    return normalise_text(right.span.text) in sentences.get(left.doc, empty) or normalise_text(
        left.span.text
    ) in sentences.get(right.doc, empty)


def a_figure_differs_too(alignment: Alignment) -> bool:
    """Whether the two sentences also give one figure two values ("hit a record $166bn in the second quarter of
    2004" / "hit a record $412bn in the 12 months to 30 September 2004"; "sold 800,000 copies in its first week"
    in 1985 / "sold 750,000 copies in its first week" in 1984).

    Two facts told in one mould differ in every particular; a slip changes one. A date and a figure that both
    differ say the sentences may report two occasions (two deficits, two releases): the finding is a note (info).
    A figure the other sentence also gives (its range overlapping: "2,000" / "about 2,000") differs from
    nothing, whichever figure the pairing put opposite it ("flooded three towns ..., forcing 2,000 people" /
    "forced about 2,000 people from their homes in three towns"). Nor does a stretch of time that places one act
    from another (``a_gap_between_acts``: "two days after he was arrested"): it is part of a date, not a figure
    of the fact, and it differs whenever the dates do.
    """
    left_figures = [token.ref for token in alignment.left_tokens if token.kind == "number"]
    right_figures = [token.ref for token in alignment.right_tokens if token.kind == "number"]
    return any(
        unit_family(str(pair.left.ref.unit)) == unit_family(str(pair.right.ref.unit))
        and pair.left.ref.value != pair.right.ref.value
        and not (_given_too(pair.left.ref, right_figures) and _given_too(pair.right.ref, left_figures))
        and not a_gap_between_acts(alignment.left, pair.left.ref)
        and not a_gap_between_acts(alignment.right, pair.right.ref)
        and not _tolls_of_two_acts(alignment, pair)
        for pair in alignment.pairs_of("number")
    )


def _tolls_of_two_acts(alignment: Alignment, pair: SlotPair) -> bool:
    """Whether two figures count the people two acts befell ("an outbreak that has killed three people" / "42
    people had been infected"): an event's tolls by what befell whom, each a figure of its own, not one figure told
    two ways. Both count persons as the object of their verb (``numeric_conflict._what_befell``), and the two verbs
    are no one act (one stem, WordNet's words for one act, or one causing the other: "killed" / "died" stay one)."""
    from factcheck.checks.numeric_conflict import _one_act, _what_befell
    from factcheck.nlp import lexicon

    left, right = _what_befell(alignment.left, pair.left.ref), _what_befell(alignment.right, pair.right.ref)
    if left is None or right is None or left[2] or right[2]:
        return False  # no act, or a count of the act's own noun ("28 deaths")
    (left_noun, left_act, _), (right_noun, right_act, _) = left, right
    if not (lexicon.one_kind(left_noun, "person") and lexicon.one_kind(right_noun, "person")):
        return False
    return not _one_act(left_act, right_act)


# The words that make a stretch of time the distance of one act from another ("two days after", "a week later",
# "five years earlier", "nine days ago"): English's closed class of temporal prepositions and adverbs of sequence.
_FROM_ANOTHER_TIME = re.compile(r"\s*(?:after|before|later|earlier|ago)\b", re.IGNORECASE)
# A preposition of extent before it makes it how long the act lasted ("remanded for 30 days after a hearing").
_EXTENT_BEFORE = re.compile(r"\b(?:for|over|during|throughout)\s+$", re.IGNORECASE)


def a_gap_between_acts(claim: Claim, figure: Quantity) -> bool:
    """Whether a figure is the length of a stretch of time (a duration the sentence's time expressions give) written
    right before a word that counts it from another time: "charged him on Thursday, two days after he was arrested",
    "was found a week later". Such a figure says how far apart two acts are, so it moves with their dates, where
    "remanded in custody for 30 days" tells how long the act lasts, after a word of extent even when a word of
    sequence follows ("held for two days after the raid")."""
    for time in claim.times:
        if time.type != "DURATION" or not (time.span.start <= figure.span.start and figure.span.end <= time.span.end):
            continue
        before = claim.span.text[: max(0, time.span.start - claim.span.start)]
        after = claim.span.text[max(0, time.span.end - claim.span.start) :]
        if _FROM_ANOTHER_TIME.match(after) and not _EXTENT_BEFORE.search(before):
            return True
    return False


def _given_too(figure: Quantity, others: list[Quantity]) -> bool:
    """Whether another sentence gives a figure of the same unit whose range meets this one's."""
    return any(
        unit_family(str(other.unit)) == unit_family(str(figure.unit))
        and intervals_overlap(quantity_interval(figure), quantity_interval(other))
        for other in others
    )


@dataclass(frozen=True)
class _Inputs:
    """What judging one alignment reads: the thresholds, and each document's dateline (no text)."""

    strength: float
    same_document: float
    shared: int
    local: float
    similarity: float
    paraphrase_similarity: float
    around: float
    restatement: float
    published: dict[str, date | None]  # the day a text was published, or its yearless dateline's day read in a year
    read_years: dict[str, str]  # per document whose dateline gives no year, what gave it the year read
    names: dict[str, frozenset[str]]  # per document, the words of the names its claims give
    sentences: dict[str, frozenset[str]]  # per document, its claims' sentences, folded
    told: dict[str, frozenset[str]]  # per claim that names no one, the person its pronoun or description stands for
    described: dict[str, frozenset[str]]  # per claim that names no one, the person its description stands for
    organisations: dict[str, str]  # per claim that names no one, the organisation its description stands for
    people: dict[str, float]  # every person's key the corpus names ("@roe"), to read a surname the tagger missed


class DateConflictCheck(PairwiseCheck):
    """Two sentences that state the same fact give dates that cannot both be true.

    Every pair of claims that may state the same fact (factcheck.nlp.align: shared rare
    words, cluster mates) is aligned word by word; a date that stands opposite a date is
    compared when the rest of the two sentences matches (at least half of their content
    words, lemmatised, in any order: tense, voice and word order do not matter, so
    "will defend his title on Sept. 8" meets "defends the title on Sept. 16", and "hosted
    the Oscars in 2007" meets "the Oscars were hosted by him in 2006").

    A warning needs strong evidence that the two sentences state one fact: their sentence
    vectors must agree too (cosine >= 0.6, when the corpus has vectors), and the words right
    around the two dates must overlap (what they date: "convicted March 20" and "the June 20
    attempted murder" date two things). A paraphrase that shares few words still meets when
    its vectors are close (>= 0.7) and the words around the dates agree. Both dates must be
    written out (a month, a year): "this year" against "next year", or "Friday" against "the
    weekend", are readings of two datelines, not dates the texts give. A date that opens a
    headline before a dash ("27/09/2013 - ...") dates the piece. A date whose words give no
    year ("Feb. 22") is read in the year the other side gives. Two sentences that tell the act
    in two named places ("released in the US on 9 November" / "released on 11 November in the
    UK") date two occurrences of it, and are not compared.

    What each date dates (its head in the parse: "will defend his title on May 2" -> defend)
    pairs the dates of two sentences that give several; it blocks nothing, since a date attaches
    to whichever word the writer puts it by ("the Oscars on Feb. 22" / "the ceremony, televised
    on February 22") and one head in two sentences on one topic can date two things. It lets
    one thing through: two days that date the same word in sentences whose vectors are a
    paraphrase's ("was killed on June 24, while investigating ..." / "was killed June 15, 2005
    outside an apartment") stand for the words around the dates (``one_day_of_one_act``), as do the
    same head and the words right beside the dates alike when the rest of two long sentences tells
    other things, and two days written as the name of one event ("the Dec. 6 killing" / "the
    December 14 killing": ``one_named_event``). And a pair is dropped when another date of one
    sentence dates the other's act too and agrees with it ("opened its store in 2003 after
    launching the iPod in 2001" / "the iPod was launched in October 2001"): the pairing, not a
    source, is then in doubt.

    Both sentences must give the same number of dates: "in 2007 and in 2008" against "in
    2009" is skipped, since which date is whose cannot be told. Clusters do not gate: two
    sentences that say the same thing are compared even when clustering kept them apart.

    Granularity is respected: "2020" and "October 2020" agree, "2019" and "2020" do not.
    Dates without a dateline ("Sept. 8" in an undated article) are read against one shared
    anchor, so the same words agree and different ones do not; a weekday or "last week"
    in an undated article names no day, and is not compared. A wire dateline that gives no year
    ("KESSA, June 17 (Continental Press) - ... freed on Saturday") dates its story in the one year the
    story's own written-out days, else the run's dated documents of its fortnight, give it
    (``factcheck.stages.extract.filed``): its weekday then names a day ("Saturday", June 17, 2023). That
    year is a reading, not the text: a finding that rests on it says so, and is never an error.

    Two occasions are not one fact: a past act and one still to come, each dated on its side of
    the dateline ("hosted the show in 2007" / "to host the show in 2014"); the day a coming act
    was told and the act's own day ("said on March 3 it will cut jobs" / "will cut jobs by March
    31"); two acts the parse tells apart when only the sentence vectors say the sentences are one
    ("entered a clinic on Jan. 3" / "left the clinic on Jan. 30"); one act done to two things neither
    sentence names by the other's word ("launched a van on May 3" / "launched a hatchback on Sept.
    12"); two parties' acts of one week, dated by their weekdays ("the banks agreed on Wednesday to
    merge" / "unions reacted on Thursday to the merger": ``done_by_another``). An act in a place and in a place
    that holds it ("born in Nashville" / "born in Tennessee", WordNet's part holonyms) happened once.
    Nor are two sentences one article gives both of, word for word (a story carried twice pairs its
    "only network in 1985" with the other copy's "only operators until 1993"): it tells two facts.

    A sentence may tell two acts, each on its own verb and day ("arrested him on March 6 and charged
    him on March 11"), or on its event's noun ("remanded at a court hearing on Friday, a week that began with his
    arrest on Sunday"): the act pairs its date with the other sentence's, and a day the other sentence
    writes alike on another of its acts leaves the pairing in doubt. What an act did at its time, told
    as a participle after its date or before a "when" that opens it ("struck on Oct. 5, killing 12",
    "were killed when a bomb exploded on Tuesday"), is dated by that act ("Quake kills 12 on Monday"), and may be
    the act the other sentence dates ("became champion on 12 March, beating Reyes" / "defeated Reyes on 14 March").

    Two outlets may tell one act by two verbs WordNet does not relate ("handed her a four-year prison term on 6 May"
    / "was sentenced to four years on 3 May"): the pair is compared when each gives the act one day, the vectors are
    close, and they share two particulars (a name, a place, a figure of one value) while no figure differs
    (``one_act_by_its_particulars``). A story's successive acts share its names as well, so a differing figure, two
    acts the lexicon keeps apart, or two parties' weekday acts still part them. A happening both tell as the doer of
    their acts ("A magnitude 6.1 earthquake struck the region on Sunday" / "An earthquake that shook the region on Nov.
    9"), each sentence giving it one day and the vectors a paraphrase's, is dated twice whatever verbs each gives it
    (``one_happening_by_its_doer``); an act of someone's named by a noun ("the merger", "the raid") is not one.

    A stretch of time is one fact with two ends ("controls over the period 2013 to 2021" / "transactions ... from 2016
    to 2021"): when each sentence writes one, an end both give alike pairs the other two, which are compared when
    the two sentences tell of the very same parties and their vectors are close (``one_stretch_told_twice``); two
    days listed ("on 3 and 4 May") pair so when both date one act.

    Severity: warning across sources (one of them is wrong, or they describe different
    occurrences: an editor must look); error when one document restates a sentence with
    another date; info when a figure differs too (two occasions told in one mould), a stretch of time that only
    places one act from another ("two days after he was arrested") aside, since it moves with the dates. The
    finding's ``data["alignment"]`` holds both sentences and the words that differ, for reporters to mark.

    Example: "Japan set up the squadron in 2020" in one source, "The squadron was set up
    by Japan in 2019" in another.

    Suppress with ``ignore = ["date-conflict"]``, tune with
    ``thresholds = {"date-conflict.strength" = 0.6}``, or resolve a finding by its id.
    """

    code = "FC002"
    slug = "date-conflict"
    severity = Severity.WARNING

    def pairwise_inputs(self, corpus: Corpus, context: CheckContext) -> _Inputs:
        compared = [claim for claim in corpus.claims if has_slots(claim)]  # the claims ``candidate_pairs`` reads
        people = persons_named(compared)
        described = described_persons(compared, people_named)
        return _Inputs(
            strength=context.settings.threshold("date-conflict.strength", STRENGTH),
            same_document=context.settings.threshold("date-conflict.same_document_strength", SAME_DOCUMENT_STRENGTH),
            shared=int(context.settings.threshold("date-conflict.shared", SHARED)),
            local=context.settings.threshold("date-conflict.local", LOCAL),
            similarity=context.settings.threshold("date-conflict.similarity", SIMILARITY),
            paraphrase_similarity=context.settings.threshold("date-conflict.paraphrase", PARAPHRASE),
            around=context.settings.threshold("date-conflict.around", AROUND),
            restatement=context.settings.threshold("date-conflict.restatement", RESTATEMENT),
            published={document.id: document.published or document.filed for document in corpus.documents},
            read_years={
                document.id: document.filed_year_from
                for document in corpus.documents
                if document.published is None and document.filed is not None and document.filed_year_from
            },
            names=article_names(corpus.claims),
            sentences=sentences_told(corpus.claims),
            told=told_participants(compared, described),
            described=described,
            organisations=described_organisations(compared),
            people=people,
        )

    def judge(self, alignment: Alignment, inputs: _Inputs) -> list[tuple[tuple[str, ...], float, Finding]]:
        """The alignment's differing date, if it is a conflict: the finding, its fact marker and strength."""
        judged: list[tuple[tuple[str, ...], float, Finding]] = []
        for pair in date_pairs(alignment, inputs.published):
            if self.dropped_by(alignment, pair, inputs) is not None:
                continue
            found = self._compare(inputs.published, alignment, pair, inputs.read_years)
            if found is None:
                continue
            marker, finding = found
            judged.append((marker, alignment.strength, finding))
        return judged

    def dropped_by(self, alignment: Alignment, pair: SlotPair, inputs: _Inputs) -> str | None:
        """The rule that keeps two differing dates of an alignment from being a conflict, or None when none does.

        Named for a reader (the benchmark's ``--why`` prints it for each missed case), in the order the rules apply.
        """
        published = inputs.published
        pairs = date_pairs(alignment, published)
        # The ends of two stretches pair by the end both give alike ("from 2016 to 2021" / "2013 to 2021"); a pair the
        # words around did not make is compared only as one stretch of the same parties told twice.
        told_twice = one_stretch_told_twice(alignment, pair, published, inputs.told, inputs.people)
        if not told_twice and _a_joined_pair(alignment, pair, published):
            made = any(other.left is pair.left and other.right is pair.right for other in alignment.pairs_of("date"))
            if not made:
                return "a stretch not told alike"
        if self._a_list(published, alignment, pairs) and not told_twice:
            return "a list"  # "in 2007 and in 2008" against "in 2009": which date is whose cannot be told
        values = self._values(published, alignment, pair)
        if values is None or values_agree(*values):
            return "the dates agree, or cannot be compared"
        if one_article_tells_both(alignment, inputs.sentences):
            return "one article tells both sentences"  # a story carried twice: "until 1993", "the first days of 1985"
        if _days_of_two_reports(pair):
            return "the days of two reports"  # "said on Tuesday" / "said on Wednesday": a story is told on many days
        if _a_report_before_the_act(alignment, pair):
            return "the day of a report"  # "said on March 3 that it will cut" / "will cut ... by March 31"
        if a_past_and_a_coming_occasion(published, alignment, values):
            return "a past and a coming occasion"  # "hosted the Oscars in 2007" / "to host the Oscars in 2014"
        if dates_acts_apart(alignment, pair) and not one_act_at_its_time(alignment, pair):
            return "two acts apart"  # "joined the bank in 2001" / "left the bank in 2012": two events of one person
        if (
            dates_two_told_acts(alignment, pair)
            and not one_act_at_its_time(alignment, pair)
            and not one_act_by_its_particulars(alignment, pair, published)
            and not one_happening_by_its_doer(alignment, pair, published, inputs.paraphrase_similarity)
        ):
            return "two acts"  # "awarded the prize in 2011" / "elected to the academy in 2012": two facts
        if posts_differ(alignment, pair):
            return "two posts"  # "promoted to colonel in 2014" / "promoted to general in 2020": two acts
        if _done_to_two_things(alignment, pair):
            return "done to two things"  # "launched a van on May 3" / "launched a hatchback on Sept. 12": two acts
        if (
            sum(
                1
                for other in pairs
                if not (other.left is pair.left and other.right is pair.right)
                and not dates_a_report(other.left)
                and written_out(other.left.ref)
                and written_out(other.right.ref)
                and self._differ(published, alignment, other)
            )
            >= 1
        ):
            return "another date differs too"  # two accounts of different occasions, not one slip
        needed = inputs.strength if alignment.cross_source else inputs.same_document
        # A date's head pairs the dates (align) and blocks nothing: a date attaches to whichever word a
        # writer puts it by ("the host of the Oscars on Feb. 22" / "the ceremony, televised on February
        # 22"), and one head in two sentences on one topic dates two things ("the economy grew ... in
        # 2004" / "sales to grow ... in 2005"; on 200 BBC articles two false warnings, on dev no find).
        paraphrase = inputs.paraphrase_similarity if alignment.cross_source else None
        if not (
            one_day_of_one_act(alignment, pair, inputs.paraphrase_similarity, inputs.similarity, inputs.local)
            or one_named_event(alignment, pair, inputs.similarity)
            or one_death(alignment, pair)
            or one_fact_restated(alignment, pair, inputs.restatement)
            or one_persons_act(
                alignment, pair, inputs.similarity, inputs.paraphrase_similarity, inputs.told, inputs.people
            )
            or one_described_persons_act(
                alignment, pair, inputs.described, inputs.told, inputs.people, inputs.organisations
            )
            or one_anchored_act(alignment, pair, inputs.told, inputs.people, inputs.organisations, published)
            or one_act_by_its_particulars(alignment, pair, published)
            or one_happening_by_its_doer(alignment, pair, published, inputs.paraphrase_similarity)
            or told_twice
        ):
            if not alignment.matches_otherwise(pair, needed, inputs.local, inputs.shared, paraphrase, inputs.around):
                return "the rest of the sentences does not match"
            if alignment.similarity is not None and alignment.similarity < inputs.similarity:
                return "the sentence vectors are too far apart"
            if pair.context < inputs.around and alignment.strength < 0.999:
                return "the words around the dates differ"  # one topic, the dates date different things around it
        if not (written_out(pair.left.ref) and written_out(pair.right.ref)) and not days_of_one_week(
            alignment, pair, published
        ):
            return "a date is not written out"
        if not (written_out(pair.left.ref) and written_out(pair.right.ref)) and done_by_another(
            alignment, pair, {**inputs.told, **inputs.organisations}
        ):
            return "done by another"  # "the banks agreed on Wednesday" / "unions reacted on Thursday": two acts
        if is_dateline(alignment.left, pair.left.ref) or is_dateline(alignment.right, pair.right.ref):
            return "a date is a dateline"
        if two_places(alignment, one_within_the_other=True):
            return "two places"  # one act in two places: two occurrences, each with its own date
        if dates_another_act(alignment, pair):
            return (
                "dates another act"  # one side tells the other's dated act undated, dates an act the other never tells
            )
        if a_comparison_base(alignment.left, pair.left.ref) != a_comparison_base(alignment.right, pair.right.ref):
            return "a comparison base"  # one date is when it happened, the other what it is measured against
        if particulars_differ(alignment, inputs.names):
            return "particulars differ"  # a sentence names what the other article never names: two facts of one kind
        if self._agrees_elsewhere(inputs.published, alignment, pair):
            return "agrees elsewhere"  # the other date dates the same act and agrees: the pairing is wrong
        return None

    def merge_judged(
        self,
        corpus: Corpus,
        context: CheckContext,
        judged: list[tuple[tuple[str, ...], float, Finding]],
        candidates: int,
    ) -> list[Finding]:
        self.candidate_pairs = candidates
        best: dict[tuple[str, ...], tuple[float, Finding]] = {}
        for marker, strength, finding in judged:
            if marker not in best or strength > best[marker][0]:
                best[marker] = (strength, finding)
        return [finding for _, finding in sorted(best.values(), key=lambda item: item[1].id)]

    @staticmethod
    def _a_list(published: Mapping[str, date | None], alignment: Alignment, pairs: list[SlotPair]) -> bool:
        """Whether a side lists several dates where the other gives one, so which is whose cannot be told.

        A list is an unpaired date coordinated with a paired one (next to it, with no content
        word between: "in 2007 and in 2008" against "in 2009") that names another time. An
        extra date elsewhere in the sentence dates another event ("founded in 2012, will
        contest the December 15 election"; "announced today that ... on February 22") and
        does not stop the paired dates from being compared; nor does one that agrees with
        the paired date ("Sunday, February 22"). Two or more dates left unpaired on one side
        are a list too ("China in 2007, the USA in 2008, India in 2019, Russia in 2021" against
        "the United States in 2008, India in 2019, and Russia in 2021"): a timeline, whose
        items pair by chance; and so is a side of three dates or more against fewer ("games
        against Norvale on 7 September, Harrow on 8 October and Dunmore on 12 October" / "open
        on 4 September at home to Harrow and end on 12 October"): a schedule against part of
        it, whose items (two games with one side, home and away) pair by their names.
        """
        # A date read from the writer's day ("this week", "last year") standing apart from the other dates names no
        # item of a list or a schedule: it dates the report or the writing ("Roe's report this week said ... before
        # 2027 and ... their 1990 levels" against the same sentence without it), and is left out of the count unless
        # it is paired. Set beside another date it is part of the run ("on the weekend of 12-13 March").
        paired_any = {id(token) for pair in pairs for token in (pair.left, pair.right)}
        left_tokens, right_tokens = (
            tuple(
                token
                for index, token in enumerate(side)
                if not DateConflictCheck._stands_apart(side, index, paired_any)
            )
            for side in (alignment.left_tokens, alignment.right_tokens)
        )
        left_count = sum(1 for token in left_tokens if token.kind == "date")
        right_count = sum(1 for token in right_tokens if token.kind == "date")
        if left_count == right_count:
            return False
        more_on_left = left_count > right_count
        tokens = left_tokens if more_on_left else right_tokens
        dateline = published[(alignment.left if more_on_left else alignment.right).doc]
        paired = {id(pair.left if more_on_left else pair.right): pair for pair in pairs}
        if not paired:
            return True
        if DateConflictCheck._another_run_of_dates(tokens, paired) and not DateConflictCheck._run_holds_the_other(
            published, alignment, tokens, paired, more_on_left
        ):
            return False  # "hosted in 2007, ... following Goldberg's stints in 1994, 1996, 1999 and 2002"
        if sum(1 for token in tokens if token.kind == "date" and id(token) not in paired) >= 2:
            return True
        if max(left_count, right_count) >= 3:
            return True  # a schedule ("France on 7 September, Cyprus on 8 October and ...") against part of it
        for position, token in enumerate(tokens):
            if token.kind != "date" or id(token) in paired:
                continue
            neighbours = [tokens[index] for index in (position - 1, position + 1) if 0 <= index < len(tokens)]
            for neighbour in neighbours:
                if id(neighbour) not in paired:
                    continue
                value = token.ref.value or _resolved(token.ref, dateline or FALLBACK_ANCHOR)
                other = neighbour.ref.value
                if value and other and not values_agree(value, other):
                    return True
        return False

    @staticmethod
    def _stands_apart(tokens: tuple[Token, ...], index: int, paired: set[int]) -> bool:
        """Whether a side's date is unpaired, read from the writer's day, and has no date next to it."""
        token = tokens[index]
        if token.kind != "date" or id(token) in paired or written_out(token.ref):
            return False
        neighbours = (tokens[position] for position in (index - 1, index + 1) if 0 <= position < len(tokens))
        return not any(neighbour.kind == "date" for neighbour in neighbours)

    @staticmethod
    def _another_run_of_dates(tokens: tuple[Token, ...], paired: Mapping[int, SlotPair]) -> bool:
        """Whether a side's unpaired dates are one run of dates written one after another ("in 1994, 1996, 1999
        and 2002": no content word between them), apart from every paired date (content words between).

        Such a run lists the dates of something else the sentence mentions ("becoming the second woman to host it
        alone, following Goldberg's stints in 1994, 1996, 1999 and 2002"), not the paired date's fellows: a
        timeline or a schedule interleaves its dates with what each dates ("China in 2007, the USA in 2008").
        """
        positions = [index for index, token in enumerate(tokens) if token.kind == "date"]
        unpaired = [index for index in positions if id(tokens[index]) not in paired]
        if len(unpaired) < 2:
            return False
        run = range(unpaired[0], unpaired[-1] + 1)
        if any(tokens[index].kind != "date" and not tokens[index].text.isdigit() for index in run):
            return False  # words between the unpaired dates: a timeline, whose items pair by chance (a bare year
            # the extractor left as a word, "1994, 1996, 1999", is one more item of the run)
        return all(
            abs(index - unpaired[0]) > 1 and abs(index - unpaired[-1]) > 1 for index in positions if index not in run
        )

    @staticmethod
    def _run_holds_the_other(
        published: Mapping[str, date | None],
        alignment: Alignment,
        tokens: tuple[Token, ...],
        paired: Mapping[int, SlotPair],
        more_on_left: bool,
    ) -> bool:
        """Whether an unpaired date of the side with more dates agrees with the date the other side gave: then the
        run continues the paired date's list ("first hosted in 2007 and again in 2009 and 2011" / "hosted in 2009"),
        and which of its dates the other side's is cannot be told."""
        opposite = [pair.right if more_on_left else pair.left for pair in paired.values()]
        doc, other_doc = (
            (alignment.left.doc, alignment.right.doc) if more_on_left else (alignment.right.doc, alignment.left.doc)
        )
        for token in tokens:
            if token.kind != "date" or id(token) in paired:
                continue
            if any(read_alike(token.ref, other.ref, published[doc], published[other_doc]) for other in opposite):
                return True
        return False

    @staticmethod
    def _agrees_elsewhere(published: Mapping[str, date | None], alignment: Alignment, pair: SlotPair) -> bool:
        """Whether another date of one sentence dates what the other sentence's date dates, and agrees with it.

        "Apple opened its store in 2003 after launching the iPod in 2001" / "The iPod was launched in
        October 2001": the words around "2003" took the pairing, but "2001" dates the launch the other
        side dates (the same head, or two words WordNet gives for one act), and the two agree. Which of
        its dates the other sentence gives is then in doubt, and one of them agrees: no conflict. The acts are read
        with their sentences (``align.acts_agree``), as the pairing reads them: "Orvik announced its takeover of Tarn
        on May 3 and completed the deal on June 10" / "Orvik completed its purchase of Tarn on June 10" (the parse
        hangs the second date on "purchase", an event the completing is told of). A calendar day written alike on
        both sides ("June 10" / "June 10") is one day whatever the parse hangs it on: a sentence that writes the other
        sentence's very day on one of its acts tells that day's act, and the pairing of its other date is in doubt.
        """
        sides: tuple[tuple[Claim, tuple[Token, ...], Token, Claim, Token, str, str], ...] = (
            (
                alignment.left,
                alignment.left_tokens,
                pair.left,
                alignment.right,
                pair.right,
                alignment.left.doc,
                alignment.right.doc,
            ),
            (
                alignment.right,
                alignment.right_tokens,
                pair.right,
                alignment.left,
                pair.left,
                alignment.right.doc,
                alignment.left.doc,
            ),
        )
        for claim, tokens, paired, other, opposite, doc, other_doc in sides:
            for token in tokens:
                if token.kind != "date" or token is paired or not written_out(token.ref):
                    continue
                if not (
                    heads_agree(token, opposite) is True
                    or acts_agree(claim, token, other, opposite)
                    or _one_day_in_one_wording(token, opposite)
                ):
                    continue
                if read_alike(token.ref, opposite.ref, published[doc], published[other_doc]):
                    return True  # "launching the iPod in 2001" / "the iPod was launched in 2001" (or "in October 2001")
        return False

    @classmethod
    def _differ(cls, published: Mapping[str, date | None], alignment: Alignment, pair: SlotPair) -> bool:
        values = cls._values(published, alignment, pair)
        return values is not None and not values_agree(*values)

    @staticmethod
    def _values(published: Mapping[str, date | None], alignment: Alignment, pair: SlotPair) -> tuple[str, str] | None:
        return comparable_values(
            pair.left.ref, pair.right.ref, published[alignment.left.doc], published[alignment.right.doc]
        )

    def _compare(
        self,
        published: Mapping[str, date | None],
        alignment: Alignment,
        pair: SlotPair,
        read_years: Mapping[str, str] | None = None,
    ) -> tuple[tuple[str, ...], Finding] | None:
        left_time, right_time = pair.left.ref, pair.right.ref
        left, right = alignment.left, alignment.right
        values = self._values(published, alignment, pair)
        if values is None or values_agree(*values):
            return None
        left_value, right_value = values
        same_doc = left.doc == right.doc
        severity = Severity.ERROR if same_doc else Severity.WARNING
        where = "the same document" if same_doc else f"{left.doc} and {right.doc}"
        guessed = published[left.doc] is None and published[right.doc] is None
        message = (
            f"the same fact is dated {quoted(left_time.span.text)} ({_shown(left_time, left_value, guessed)}) in "
            f"{left.doc} and {quoted(right_time.span.text)} ({_shown(right_time, right_value, guessed)}) in "
            f"{right.doc}; the sentences otherwise match "
            f"({alignment.strength:.0%} of their content words) and the dates do not overlap, "
            f"so {where} cannot both be right"
        )
        read_years = read_years or {}
        read = [
            (claim.doc, read_years[claim.doc])
            for claim, time in ((left, left_time), (right, right_time))
            if time.relative and claim.doc in read_years
        ]
        for doc, year_from in dict(read).items():
            # A year read, not written: the finding names the reading, and an error never rests on it alone.
            message += f"; {doc}'s dateline gives no year: its year is a reading, from {year_from}, not the text"
            severity = min(severity, Severity.WARNING, key=lambda level: level.rank)
        if a_figure_differs_too(alignment):
            # Two occasions told in one mould (two deficits, two releases) as often as two slips: a note, not a warning.
            severity = Severity.INFO
            message += ", unless they report two occasions: a figure differs too"
        # One finding per pair of (document, value), the best-aligned sentences as its evidence.
        marker = tuple(sorted((f"{left.doc}\x1f{left_value}", f"{right.doc}\x1f{right_value}")))
        finding = self.finding(
            message,
            [left_time.span, left.span, right_time.span, right.span],
            severity=severity,
            key=f"{left_value}:{right_value}",
            data={
                "dates": [left_value, right_value],
                "slot": "date",
                "alignment": alignment.evidence_data([pair.left], [pair.right]),
            },
        )
        return marker, finding
