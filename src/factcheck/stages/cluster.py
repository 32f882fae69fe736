"""Group claims that report the same event across sources, and list the pairs that may state the same fact.

Distance. Cosine distance between claim vectors, made entity- and time-aware (``pair_distances``):
two claims that name a common person, organisation or place come closer (``ENTITY_BONUS``); two
claims that both name persons but none in common move apart (``ENTITY_CLASH``: two rehab stays of
two different actresses); two claims that both give years, none in common, move apart too
(``YEAR_CLASH``: two earthquakes in two years). The adjustments are additive, so a sentence copied
from another source with one date changed stays close: that pair is what the conflict checks need.

Neighbours. Each claim's nearest neighbours (k <= 20) within the search radius come from a brute
force search in blocks (``neighbour_pairs``): row blocks of ``SEARCH_ROWS`` claims, each against the
unit vectors ``SEARCH_COLUMNS`` at a time, so no n x n matrix is ever held. From
``MIN_PARALLEL_CLAIMS`` claims on, the row blocks are jobs for the run's engine (local worker
processes or Dask workers; the vectors go to each worker once) and the client only merges their
neighbour lists. The dot products are exact (see ``QUANTUM_BITS``) and ties go to the lower index, so
the pairs are the same whatever the blocks, the engine or the number of workers. Everything after the
search sees only these n*k pairs.

Clusters: "these sentences report the same event". Two levels, as cross-document event coreference
systems work: documents first grouped into stories (``story_labels``: average linkage over 1 - a
learned same-story probability of two documents, read from their mean claim vectors, the persons they
name, the figures they state, the years and days they give, so that two look-alike stories, two rehab
stays of two actresses or two quakes of other magnitudes, stay two), then, within one story, average
linkage (UPGMA) with a distance threshold per connected component of the neighbour graph: claims of
two stories never link (``linking_distances``), and one action ("foil" / "foil") brings two claims
closer. Average, not complete linkage: the sources word one event differently, and complete linkage
splits an event as soon as two of its sentences are far apart. scikit-learn's average linkage runs on
the dense matrix of each component of up to ``DENSE_COMPONENT_LIMIT`` claims; a bigger component is
first split along its weakest links (``_pieces``), never clustered over its sparse graph:
connectivity-constrained linkage only looks at linked pairs and chains like single linkage (one
cluster swallowed 9,413 claims that way). The pieces are independent: from ``MIN_PARALLEL_CLAIMS``
claims on, they are jobs for the run's engine (``link_pieces``, each piece carrying its own rows'
vectors, keys and story), and the client only merges their clusters. A piece's distances are exact,
as the search's are, so its linkage is the same whoever runs it.

A sentence in each event it reports (``also_members``, ``Cluster.also``): linkage puts a claim in one
cluster, where ECB+ marks up to ten events in a sentence; a claim of the same story that names one of a
cluster's events (``claim_triggers``, named by two of its claims) and lies near it is listed with it as
also reporting that event. The clusters' own claims stay a partition, so what the checks read is unchanged.

Same-fact candidates (``Corpus.same_fact``): pairs of claims from different documents among each
other's neighbours within ``CANDIDATE_DISTANCE`` of adjusted distance: a looser net than the clusters,
for the checks that align two sentences and compare what differs. Their distance reads each claim with
its document's context (``context_keys``: a sentence naming nobody is about its document's main persons,
one giving no year is dated by its document), and only documents whose mean claim vectors lie within
``DOCUMENT_DISTANCE`` pair up, as cross-document coreference systems first group documents by story.
On the ECB+ development part this drops the candidates linking two different stories from 30% to 20%
(look-alike stories of one kind: 5,087 -> 3,931) and keeps 96% of the pairs of one event. The conflict
checks go further (``nlp.align.corpus_candidates``): they never compare two documents surely of two stories
(``story_groups``, kept as ``Corpus.story_groups``); corroboration reads these pairs as they are, a fact told
again in another story still corroborating it.

Threshold, chosen on the development part of ``benchmarks/conflicts.py`` (ECB+ event chains, 3,363
claims of 246 articles; pairwise P/R/F1 over pairs of annotated sentences of different articles):
``settings.cluster_threshold`` is 0.65 linking distance for all-MiniLM-L6-v2 within a story. The
gold counts two sentences as one event's when they share any of the events ECB+ marks in them, so
on it splitting a story into its events costs recall faster than it buys precision (one cluster per
true story scores .72 over these claims; within true stories, linkage at 0.6 / 0.7 / 0.8 scores .62 /
.67 / .70): the threshold sits where clusters still read as one event, not one story.

Read cross-fold (session 15, ``benchmarks/cluster_crossfold.py``, each half of dev run as its own corpus):
0.65 with ``ALSO_DISTANCE`` 0.9 is the one setting that scores at least the former 0.75 / 0.8 on both
halves, F1 .738 / .715 against .725 / .714 (precision .637 -> .652 and .603 -> .617; whole dev .718 ->
.722). Over 0.65-0.8 both halves stay within .015 of their best, but half b falls below 0.65 (0.6:
.699), and half a's own best is 0.6 / 0.8: chosen on half a alone, the setting would score half b .696.
So the gain is small and the threshold sits at the low edge of half b's plateau. The same-story model
refitted on one half scores the other as the shipped one does (.737 / .715): it does not overfit dev.
What the dev figure does not show is the spread over topics: the F1 of one topic's own pairs runs from
.41 (two look-alike contract offers to one player, one story) to .81.

==========================================  ================  =================
linking (dev)                               P / R / F1        largest cluster
==========================================  ================  =================
cosine + entity/year, 0.7 (session 2)       .55 / .60 / .58   251 claims
+ story distance and action, 0.6 (before)   .72 / .46 / .56   105 claims
stories + action, 0.6                       .72 / .48 / .57   117 claims
stories + action, 0.75 (session 8)          .62 / .67 / .64   216 claims
stories + action, 0.8                       .59 / .74 / .66   221 claims
plain cosine, average linkage, 0.7          F1 .61
==========================================  ================  =================

The story settings sit on a plateau: story threshold 0.3-0.4, person clash 0.2-0.3 and common
person 0.1-0.2 give F1 .63-.64 at 0.75. Figures count as particulars
with the persons' weights (session 8; a common figure only when it is not a small whole number): on
dev F1 .642 -> .642, and with the persons hidden from the stories (a stand-in for look-alike stories
that name nobody, such as two quakes) .590 -> .642, document pairs put in one story of two events
30% -> 7%. Figure clash 0.2-0.3 with a common figure 0.15-0.2 closer (small counts included) gave
.633-.643 and .62-.64. What caps F1 is the gold: no partition of sentences can
reproduce "shares any event" (A shares an event with B and with C, B none with C); giving each
annotated sentence only its most widely reported chain, a perfect partition, scores 0.90. The
benchmark prints it beside the score, with the issue's baseline (plain cosine, average linkage) over
the same claims. The stories are what the documents report, not what a sentence states: same-fact
claims are the candidates below, and the report says "N sources agree" only when a cluster's
sentences state the same fact.

The grouping is cached (SQLite, keyed by the vectors, the claims' entity and year keys, the
threshold, this module's code and the numeric libraries' versions), so a warm run on unchanged documents imports neither scipy
nor scikit-learn.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from factcheck.cache import code_fingerprint, open_cache
from factcheck.config import Settings
from factcheck.model import Claim, Cluster, Corpus, SameFactPair
from factcheck.nlp.pairmodel import PairModel, load_model
from factcheck.nlp.quotes import SPEECH_VERBS
from factcheck.nlp.verbs import LIGHT_VERBS
from factcheck.words import LETTERS

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from factcheck.engine import Engine

MAX_NEIGHBOURS = 20
DENSE_COMPONENT_LIMIT = 1500  # above this, average linkage over the sparse neighbour graph
LINKAGE = "average"
ENTITY_BONUS = 0.05  # the two claims name a common entity
ENTITY_CLASH = 0.1  # both name persons, none in common
YEAR_CLASH = 0.1  # both give years, none in common
CANDIDATE_DISTANCE = 0.6  # same-fact candidates: adjusted distance (with the documents' context) at most this
# Same-fact candidates only between documents whose mean claim vectors are this close (cosine distance):
# two reports of one story sit at 0.23 (median; 95% under 0.46) on the ECB+ development part.
DOCUMENT_DISTANCE = 0.55
MAIN_PERSON_SHARE = 0.5  # a document's main persons: named in 2+ claims and at least this share of the most named
# Clusters link only claims of one story (see ``story_labels``): documents are grouped into stories by
# average linkage over 1 - the same-story model's probability (``factcheck/models/same-story.json``).
# Documents whose centres lie further apart than STORY_REACH (cosine distance) are never one story: on
# the ECB+ development part 1,425 of the 1,446 pairs of one event group (98.5%) lie within it. Documents
# of fewer than STORY_MIN_CLAIMS claims have no story to read: their claims link across stories.
STORY_MODEL = "same-story"
STORY_REACH = 0.55
STORY_MIN_CLAIMS = 3
# The conflict checks' candidate pairs never join two groups of stories that linkage keeps apart at this
# probability of one story (``story_groups``), lower than the model's own threshold for the stories clusters
# link within: on the ECB+ development part 4% of the document pairs of one event group are in two such groups,
# against 11% in two stories, while 76% of the look-alike pairs of one topic are (90% in two stories). At 0.2
# the two piracy raids of dev topic 12 stay one group; at the model's 0.55 one dev quake's two tolls part.
APART_PROBABILITY = 0.3
SMALL_COUNT = 10  # a figure shared by two documents is a sign of one story only above this (or not whole)
ACTION_BONUS = 0.1  # the two claims' events have one action ("foil" / "foil"; parse lemma)
# A sentence reports every event it names (``also_members``): a claim joins another cluster of its story whose
# event it names (a trigger two of the cluster's claims have too) when its average linking distance to that
# cluster's claims is at most ALSO_DISTANCE (dev F1 0.672 at 0.75, 0.680 at 0.8-0.85, 0.662 at 0.7; with the linking
# threshold at 0.65, 0.85-0.95 score within .002 on both halves of dev: see the module docstring).
ALSO_DISTANCE = 0.9
# Words that name no event of their own: a copula or auxiliary, a reporting verb, a light verb.
EVENTLESS = frozenset({"be", "have", "do"}) | SPEECH_VERBS | LIGHT_VERBS
# The neighbour search: a job is SEARCH_ROWS claims against every claim, SEARCH_COLUMNS at a time
# (memory: SEARCH_ROWS x SEARCH_COLUMNS float64, 64 MB). From MIN_PARALLEL_CLAIMS claims on, the jobs go
# to the run's engine; below it, this process does them (under a second of work).
SEARCH_ROWS = 1024
SEARCH_COLUMNS = 8192
MIN_PARALLEL_CLAIMS = 4096
# The distances kept are exact, so that they do not depend on who computes them: each unit vector is
# scaled by 2**QUANTUM_BITS and rounded to integers, and the absolute products of two such vectors sum
# to at most ~2**52 (Cauchy-Schwarz), so every partial sum is an integer float64 holds exactly, whatever
# order the additions take. float32 products are not so: their last bits depend on the block's shape
# and on BLAS's threads (on 6,000 vectors, 0.7-32 million of 36 million products differed between row
# blocks of 512 and blocks of 1-1,000 rows, and between one thread and two), and a worker runs one
# thread where the client runs all. Rounding moves a cosine by at most ~3e-7. The float32 product still
# does the bulk of the work, as a rough pass: it is off the exact one by at most dimensions x 2**-24
# (the worst case of any summation order), so what it keeps within a margin of four times that holds
# every pair the exact distance keeps, and only those few pairs are computed exactly.
QUANTUM_BITS = 26
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC", "NORP", "OTHER"})
# One claim's keys: its named entities, the persons among them (by surname), the years it states.
ClaimKeys = tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]
NO_KEYS: ClaimKeys = ((), (), ())


# --- entity and year keys ----------------------------------------------------------------------


def claim_keys(claim: Claim) -> ClaimKeys:
    """The named entities (folded; a person by surname), the persons among them, and the years a claim states."""
    entities: set[str] = set()
    persons: set[str] = set()
    for actor in claim.actors:
        if actor.label not in _ENTITY_LABELS:
            continue
        words = re.findall(r"\w+", actor.name.casefold())
        if not words:
            continue
        if actor.label == "PERSON":
            persons.add(words[-1])
        entities.add(words[-1] if actor.label == "PERSON" else " ".join(words))
    if claim.quote is not None and claim.quote.speaker and claim.quote.speaker[:1].isupper():
        words = re.findall(r"\w+", claim.quote.speaker.casefold())
        if words:
            entities.add(words[-1])
            persons.add(words[-1])
    years = {
        int(time.value[:4])
        for time in claim.times
        if time.value and time.value[:4].isdigit() and time.granularity not in {"present", "unknown"}
    }
    return tuple(sorted(entities)), tuple(sorted(persons)), tuple(sorted(years))


def claim_figures(claim: Claim) -> tuple[str, ...]:
    """The figures a claim states, each as "unit|counted noun|value" ("count|pirate|23", "magnitude" figures,
    "money:USD||200000000"): what the story says it counted, and how many. A bare count that names nothing
    counted ("two", "the 29-year-old") is left out: it says nothing about which story it belongs to."""
    return tuple(
        sorted(
            {
                f"{quantity.unit}|{quantity.measure or ''}|{quantity.value:.6g}"
                for quantity in claim.quantities
                if not (quantity.unit == "count" and not quantity.measure)
            }
        )
    )


def claim_triggers(claim: Claim) -> tuple[str, ...]:
    """The events a claim names, by their parse lemmas: its action and the words its dates and figures attach to
    ("An earthquake shook ... on Sunday, killing 10 people" -> ``kill``, ``shake``), those that can name
    something that happens (``lexicon.names_an_event``: not "the victim, Jane Roe, 40"), reporting and light verbs
    left out (``EVENTLESS``). ECB+ marks up to ten events in one sentence; the claim's one action is only one."""
    from factcheck.nlp import lexicon

    words = {claim.event.action} if claim.event is not None and claim.event.action else set()
    words.update(time.head for time in claim.times if time.head)
    words.update(quantity.head for quantity in claim.quantities if quantity.head)
    words = {word for word in words if lexicon.names_an_event(word)}
    # The event nouns the sentence names anywhere ("the quake", "the shooting"): the parse heads above are
    # only the words its action, dates and figures hang on. A capitalised word inside a sentence is a name.
    for match in LETTERS.finditer(claim.text):
        if match.start() == 0 or not match.group()[:1].isupper():
            words.update(_event_nouns(match.group()))
    return tuple(sorted(words - EVENTLESS))


@functools.lru_cache(maxsize=65536)
def _event_nouns(word: str) -> tuple[str, ...]:
    """The nouns a written word can be that mainly name something that happens, less words with an adverb sense
    ("out"): one look-up per distinct word, not per occurrence (bbc-1000 claims: 0.39 -> 0.29 CPU-s warm)."""
    from factcheck.nlp import lexicon

    return tuple(
        lemma
        for lemma in lexicon.base_forms(word, "n")
        if lexicon.mainly_an_event(lemma) and not lexicon.senses(lemma, "r")
    )


def _distinctive(figure: str) -> bool:
    """Whether two stories stating this figure alike is a sign they are one: not a small whole number, which
    recurs by chance among stories of one kind (two nominations, three producers in two award stories)."""
    value = float(figure.rpartition("|")[2])
    return value != int(value) or abs(value) > SMALL_COUNT


def context_keys(claims: Sequence[Claim], keys: Sequence[ClaimKeys], published: dict[str, int]) -> list[ClaimKeys]:
    """Each claim's keys, with what its document supplies where the sentence is silent.

    A claim that names no person is about its document's main persons ("She checked in on
    Tuesday" in a story about one actress); a claim that gives no year is dated by its
    document's publication year (``published``: year by document id, when known). Only the
    same-fact candidates read these: two look-alike stories (two rehab stays, two earthquakes)
    then clash on their persons or years even in the sentences that do not repeat them.
    """
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    for claim, (_, persons, _) in zip(claims, keys):
        mentions[claim.doc].update(persons)
    main_persons: dict[str, tuple[str, ...]] = {}
    for doc, counts in mentions.items():
        most = max(counts.values(), default=0)
        main_persons[doc] = tuple(
            sorted(p for p, count in counts.items() if count >= 2 and count >= MAIN_PERSON_SHARE * most)
        )
    result: list[ClaimKeys] = []
    for claim, (entities, persons, years) in zip(claims, keys):
        if not persons:
            persons = main_persons.get(claim.doc, ())
        if not years and claim.doc in published:
            years = (published[claim.doc],)
        result.append((entities, persons, years))
    return result


@dataclass(frozen=True)
class CandidateContext:
    """What clustering and the same-fact candidates read beside the vectors: ``context_keys``, each
    row's document number and, for clustering, each row's event action (``Event.action``, or None) and
    the figures it states (``claim_figures``)."""

    keys: Sequence[ClaimKeys]
    documents: Sequence[int]
    actions: Sequence[str | None] = ()
    figures: Sequence[tuple[str, ...]] = ()  # per row, for the stories: ``claim_figures``
    days: Sequence[tuple[str, ...]] = ()  # per row, for the stories: ``claim_days``
    triggers: Sequence[tuple[str, ...]] = ()  # per row, the events it names (``claim_triggers``): ``also_members``
    datelines: Sequence[int | None] = ()  # per row, the year of its document's dateline (None: none found)


def _document_distances(unit: np.ndarray, documents: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Cosine distance between the documents of each pair, a document being the mean of its unit claim vectors.

    ``DOCUMENT_BLOCK`` pairs at a time: both documents' centres for every pair at once held pairs x
    384 x 2 float64, 390 MB on the client for 300 BBC articles (60,000 pairs) and growing with them.
    """
    centres = _document_centres(unit, documents)
    result = np.empty(len(low), dtype=np.float64)
    for start in range(0, len(low), DOCUMENT_BLOCK):
        left = centres[documents[low[start : start + DOCUMENT_BLOCK]]]
        right = centres[documents[high[start : start + DOCUMENT_BLOCK]]]
        result[start : start + DOCUMENT_BLOCK] = 1.0 - np.einsum("ij,ij->i", left, right)
    return result


def _document_centres(unit: np.ndarray, documents: np.ndarray) -> np.ndarray:
    count = int(documents.max()) + 1
    sums = np.zeros((count, unit.shape[1]), dtype=np.float64)
    np.add.at(sums, documents, unit)
    return _unit(sums)


DOCUMENT_BLOCK = 2048  # pairs whose documents' centres are compared at a time


@dataclass(frozen=True)
class _Story:
    """What ``linking_distances`` reads, per row: its document's story (``story_labels``), whether that
    document has a story to read, and its event's action code."""

    stories: np.ndarray  # int per row: the story of its document
    readable: np.ndarray  # bool per row: the document has at least STORY_MIN_CLAIMS claims
    actions: np.ndarray  # int per row; -1 for no action
    groups: np.ndarray | None = None  # int per row: its document's group of stories (``story_groups``)

    @classmethod
    def of(cls, unit: np.ndarray, context: CandidateContext, keys: Sequence[ClaimKeys]) -> _Story:
        documents = np.asarray(context.documents, dtype=np.int64)
        sizes = np.bincount(documents)
        codes: dict[str, int] = {}
        actions = np.array(
            [-1 if not action else codes.setdefault(action, len(codes)) for action in context.actions]
            if len(context.actions) == len(unit)
            else [-1] * len(unit),
            dtype=np.int64,
        )
        stories, groups = story_groups(StoryKeys.of(unit, context, keys))
        return cls(
            stories=stories[documents],
            readable=sizes[documents] >= STORY_MIN_CLAIMS,
            actions=actions,
            groups=groups[documents],
        )

    def part(self, members: np.ndarray) -> _Story:
        """The story of the rows ``members`` alone (what one piece's linkage reads)."""
        return _Story(
            stories=self.stories[members],
            readable=self.readable[members],
            actions=self.actions[members],
        )


@dataclass(frozen=True)
class StoryKeys:
    """What the same-story model reads of each document (one entry per document, by document number)."""

    centres: np.ndarray  # the unit mean of its claims' unit vectors
    persons: Sequence[Sequence[str]]  # the persons its claims name (``claim_keys``)
    years: Sequence[Sequence[int]]  # the years they give
    figures: Sequence[Sequence[str]]  # the figures they state (``claim_figures``)
    days: Sequence[Sequence[str]]  # the calendar days they give (``claim_days``)
    event_years: Sequence[Sequence[int]] = ()  # the years they give and its dateline's (``story_groups``)
    told_years: Sequence[Sequence[int]] = ()  # the years that date its own story (``_told_years``)

    @classmethod
    def of(cls, unit: np.ndarray, context: CandidateContext, keys: Sequence[ClaimKeys]) -> StoryKeys:
        documents = np.asarray(context.documents, dtype=np.int64)
        count = int(documents.max()) + 1 if len(documents) else 0

        def gathered(per_row: Sequence[Sequence[object]]) -> list[list]:
            found: list[set] = [set() for _ in range(count)]
            for document, items in zip(documents.tolist(), per_row):
                found[document].update(items)
            return [sorted(items) for items in found]

        return cls(
            centres=_document_centres(unit, documents),
            persons=gathered([key[1] for key in keys]),
            years=gathered([key[2] for key in keys]),
            figures=gathered(context.figures),
            days=gathered(context.days),
            event_years=gathered(
                [
                    (*key[2], dateline) if dateline is not None else key[2]
                    for key, dateline in zip(keys, context.datelines or [None] * len(keys))
                ]
            ),
            told_years=_told_years(documents.tolist(), count, keys, context.datelines or [None] * len(keys)),
        )


def _told_years(
    documents: Sequence[int], count: int, keys: Sequence[ClaimKeys], datelines: Sequence[int | None]
) -> list[list[int]]:
    """Per document, the years that date its own story: its dateline's, and those two or more of its claims give.

    A year one sentence gives is as often a fact retold as background ("since the party came to power in 1997") as
    the story's own. Two documents that give no year in common are surely two stories (``story_groups``) only when
    each dates its own story so; else they are no surer two stories than the rest of what they report makes them.
    Above all, when two sources date one retold fact two ways, that one sentence is the very slot the date check
    compares: it must not be what keeps the two sentences from ever being compared. (On fresh BBC text, where no
    article has a dateline, 8 of the 21 planted dates lost to the story filter were lost only because the planted
    year parted the two documents.)
    """
    told: list[Counter[int]] = [Counter() for _ in range(count)]
    for document, key in zip(documents, keys):
        told[document].update(set(key[2]))
    years = [{year for year, claims in counts.items() if claims >= 2} for counts in told]
    for document, dateline in zip(documents, datelines):
        if dateline is not None:
            years[document].add(dateline)
    return [sorted(found) for found in years]


def story_labels(keys: StoryKeys) -> np.ndarray:
    """The story of each document (numbered by its first document): average linkage over the documents.

    Reports of one story share what they are about (close mean claim vectors), its particulars (the
    people in it, the figures it is told by, the days it happened on) and its year; look-alike stories
    (two rehab stays of two actresses, two earthquakes, two piracy raids) share the first and differ in
    the others. How much each counts is learned, not set by hand: the
    same-story model (``factcheck/models/same-story.json``, fitted by ``benchmarks/fit_story_model.py``
    on the ECB+ development part, where two documents are one story when they report one event group)
    gives each pair of documents a probability p from ``story_features``; stories merge while their
    average 1 - p is under 1 - the model's threshold.

    Memory: documents whose centres are further apart than ``STORY_REACH`` are never one story (their
    distance is 1), so the linkage runs per connected component of the documents within that reach
    (a sparse radius graph), on a component x component matrix: the same stories as one matrix over
    all the documents, which at 100,000 articles would be 80 GB.
    """
    return story_groups(keys)[0]


def story_groups(keys: StoryKeys) -> tuple[np.ndarray, np.ndarray]:
    """The stories of the documents (``story_labels``), and the groups of stories that may still be one: what a
    conflict check's candidate pair may not cross (``Corpus.two_stories``).

    Clusters link within a story, where a pair of documents told apart wrongly costs little (their event
    sentences still meet in the candidate pairs). A candidate joining two stories is the only way two sources
    of one event the model split compare a figure or a date, so candidates are kept apart on surer ground: average
    linkage at the lower probability ``APART_PROBABILITY``, a pair of two stories whose years clash (the years
    their claims and datelines give, none in common: two piracy raids three years apart; each document dating its
    own story by its dateline or a year told twice, ``_told_years``) counting as sure to be two. Each group is
    numbered by its first document, as the stories are.
    """
    count = len(keys.centres)
    stories = np.zeros(count, dtype=np.int64)
    groups = np.zeros(count, dtype=np.int64)
    if count < 2:
        return stories, groups
    model = load_model(STORY_MODEL)
    found_stories: list[list[int]] = []
    found_groups: list[list[int]] = []
    for members in _story_components(keys.centres):
        if len(members) == 1:
            found_stories.append(members)
            found_groups.append(members)
            continue
        distances = _story_distances(keys, members, model)
        local = _dense_average(distances, 1.0 - model.threshold)
        found_stories += [[members[i] for i in story] for story in local]
        story_of = np.zeros(len(members), dtype=np.int64)
        for number, story in enumerate(local):
            story_of[story] = number
        low, high = np.triu_indices(len(members), 1)
        years_shared, _ = shared_and_clashing([(keys.event_years or keys.years)[i] for i in members], low, high)
        # Each document must date its own story (``_told_years``) for no year in common to be a sure sign.
        told = np.array([bool((keys.told_years or keys.event_years or keys.years)[i]) for i in members], dtype=bool)
        years_clash = told[low] & told[high] & ~years_shared
        sure = years_clash & (story_of[low] != story_of[high])
        distances[low[sure], high[sure]] = distances[high[sure], low[sure]] = 1.0
        found_groups += [[members[i] for i in group] for group in _dense_average(distances, 1.0 - APART_PROBABILITY)]
    for labels, found in ((stories, found_stories), (groups, found_groups)):
        for number, members in enumerate(sorted(found, key=min)):
            labels[members] = number
    return stories, groups


# Added to the reach of the story graph so that the rounding of its float distances against the exact
# ones (``_scaled``, ~2**-25) never drops a pair the linkage could merge.
STORY_REACH_MARGIN = 1e-3


def _story_components(centres: np.ndarray) -> list[list[int]]:
    """The documents in groups that no pair within ``STORY_REACH`` crosses, each sorted."""
    from scipy.sparse.csgraph import connected_components
    from sklearn.neighbors import radius_neighbors_graph

    graph = radius_neighbors_graph(
        np.asarray(centres, dtype=np.float64),
        radius=STORY_REACH + STORY_REACH_MARGIN,
        mode="connectivity",
        metric="cosine",
    )
    _, component = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for document, label in enumerate(component.tolist()):
        groups.setdefault(label, []).append(document)
    return list(groups.values())


def _story_distances(keys: StoryKeys, members: Sequence[int], model: PairModel) -> np.ndarray:
    """1 - the same-story probability of every two of ``members``, as one dense matrix (1 beyond the reach)."""
    size = len(members)
    low, high = np.triu_indices(size, 1)
    features = story_features(keys, members)
    distances = np.where(features["centre_distance"] > STORY_REACH, 1.0, 1.0 - model.probabilities(features))
    dense = np.zeros((size, size), dtype=np.float64)
    dense[low, high] = distances
    dense[high, low] = distances
    return dense


def story_features(keys: StoryKeys, members: Sequence[int]) -> dict[str, np.ndarray]:
    """The same-story model's features of every two of ``members`` (in ``np.triu_indices`` order), by name.

    Each is a general measure of two documents: how close their claims read (``centre_distance``, the
    cosine distance of their centres, exact as ``_scaled`` makes it), and whether their particulars
    agree or clash (``shared_and_clashing``): a person both name, or both naming persons and none in
    common; one figure both state (not a small count: ``_distinctive``), or both counting one thing
    with other values; both giving years and none in common; a calendar day both give (``claim_days``).
    """
    picked = list(members)
    low, high = np.triu_indices(len(picked), 1)
    scaled = _scaled(keys.centres[picked])
    centre = np.clip(1.0 - (scaled @ scaled.T)[low, high] * 2.0 ** (-2 * QUANTUM_BITS), 0.0, 2.0)

    def relation(per_document: Sequence[Sequence[object]]) -> tuple[np.ndarray, np.ndarray]:
        return shared_and_clashing([per_document[i] for i in picked], low, high)

    persons_shared, persons_clash = relation(keys.persons)
    _, years_clash = relation(keys.years)
    days_shared, _ = relation(keys.days)
    distinctive = [[figure for figure in keys.figures[i] if _distinctive(figure)] for i in picked]
    figures_shared, _ = shared_and_clashing(distinctive, low, high)
    values_shared, _ = relation(keys.figures)
    counted_shared, _ = relation([sorted({figure.rpartition("|")[0] for figure in stated}) for stated in keys.figures])
    return {
        "centre_distance": centre,
        "persons_shared": persons_shared.astype(np.float64),
        "persons_clash": persons_clash.astype(np.float64),
        "figures_shared": figures_shared.astype(np.float64),
        "figures_clash": (counted_shared & ~values_shared).astype(np.float64),
        "years_clash": years_clash.astype(np.float64),
        "days_shared": days_shared.astype(np.float64),
    }


def shared_and_clashing(
    per_document: Sequence[Sequence[object]], low: np.ndarray, high: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each pair (low[i], high[i]): whether the two hold a key in common, and whether both hold keys and
    none in common (two persons named, two years given, and no one of them in both)."""
    shared = shared_count(per_document, low, high) > 0
    present = np.array([bool(items) for items in per_document], dtype=bool)
    return shared, present[low] & present[high] & ~shared


def shared_count(per_document: Sequence[Sequence[object]], low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """For each pair (low[i], high[i]): how many keys the two hold in common."""
    incidence = _incidence(per_document)
    return np.asarray((incidence @ incidence.T).todense(), dtype=np.float64)[low, high]


def claim_days(claim: Claim) -> tuple[str, ...]:
    """The calendar days a claim gives ("2009-04-06"), its document's dateline left out (a day of
    publication, not of the story)."""
    return tuple(
        sorted(
            {
                time.value[:10]
                for time in claim.times
                if time.value and not time.dateline and re.fullmatch(r"\d{4}-\d\d-\d\d", time.value[:10])
            }
        )
    )


def linking_distances(adjusted: np.ndarray, low: np.ndarray, high: np.ndarray, story: _Story | None) -> np.ndarray:
    """The distance clusters link by: ``pair_distances`` read with the pair's story and events.

    The same wording in two look-alike stories (two rehab stays, two piracy raids) reports two
    events, and the sentence alone cannot tell them apart; the documents can (``story_labels``).
    So two claims of two stories never link (their distance becomes ``APART``, beyond any threshold;
    a document too short to have a story to read is the exception), and two claims come
    ``ACTION_BONUS`` closer when both events have the same action (on the ECB+ development part 86%
    of such pairs of one story share an event chain, against 58% of the rest).
    """
    if story is None or len(low) == 0:
        return adjusted
    apart = _two_stories(story, low, high)
    same_action = (story.actions[low] >= 0) & (story.actions[low] == story.actions[high])
    moved = np.clip(adjusted - ACTION_BONUS * same_action, 0.0, None)
    return np.where(apart, APART, moved).astype(np.float32)


APART = 4.0  # the linking distance of two claims of two stories: beyond any threshold (at most 2.0)


def _two_stories(story: _Story, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Per pair, whether its two rows are of two stories, both documents having a story to read."""
    return (story.stories[low] != story.stories[high]) & story.readable[low] & story.readable[high]


def _incidence(keys: Sequence[Sequence[object]]) -> csr_matrix:
    """A sparse claims x keys matrix (1 where the claim holds the key)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[object, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, items in enumerate(keys):
        for item in items:
            rows.append(row)
            cols.append(vocabulary.setdefault(item, len(vocabulary)))
    return csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(keys), max(len(vocabulary), 1)))


def pair_distances(
    cosine: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    entities: csr_matrix,
    persons: csr_matrix,
    years: csr_matrix,
) -> np.ndarray:
    """Entity- and time-aware distances of the pairs (rows[i], cols[i]), from their cosine distances.

    ``entities``, ``persons`` and ``years`` are sparse incidence matrices (claims x keys), see
    ``_incidence``. Only persons clash: two sentences on one event often name different places or
    organisations, but two sentences naming different people are usually about different acts.
    """
    if len(rows) == 0:
        return cosine.astype(np.float32)

    def shared(matrix: csr_matrix) -> np.ndarray:
        return np.asarray(matrix[rows].multiply(matrix[cols]).sum(axis=1)).ravel() > 0

    def present(matrix: csr_matrix) -> np.ndarray:
        return np.asarray(matrix.sum(axis=1)).ravel() > 0

    has_persons, has_years = present(persons), present(years)
    clash = has_persons[rows] & has_persons[cols] & ~shared(persons)
    year_clash = has_years[rows] & has_years[cols] & ~shared(years)
    adjusted = cosine - ENTITY_BONUS * shared(entities) + ENTITY_CLASH * clash + YEAR_CLASH * year_clash
    return np.clip(adjusted, 0.0, 2.0 + ENTITY_CLASH + YEAR_CLASH).astype(np.float32)


def _piece_distances(
    cosine: np.ndarray,
    local_low: np.ndarray,
    local_high: np.ndarray,
    entities: csr_matrix,
    persons: csr_matrix,
    years: csr_matrix,
) -> np.ndarray:
    """``pair_distances`` of every pair of one piece, whose rows are those of the incidence matrices, through
    members x members key products (the piece is dense: row-indexing sparse matrices once per pair costs seconds)."""

    def block(matrix: csr_matrix) -> tuple[np.ndarray, np.ndarray]:
        shared = np.asarray((matrix @ matrix.T).todense())[local_low, local_high] > 0
        present = np.asarray(matrix.sum(axis=1)).ravel() > 0
        return shared, present

    shared_entities, _ = block(entities)
    shared_persons, has_persons = block(persons)
    shared_years, has_years = block(years)
    clash = has_persons[local_low] & has_persons[local_high] & ~shared_persons
    year_clash = has_years[local_low] & has_years[local_high] & ~shared_years
    adjusted = cosine - ENTITY_BONUS * shared_entities + ENTITY_CLASH * clash + YEAR_CLASH * year_clash
    return np.clip(adjusted, 0.0, 2.0 + ENTITY_CLASH + YEAR_CLASH).astype(np.float32)


# --- neighbours ------------------------------------------------------------------------------


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.sqrt(np.einsum("ij,ij->i", vectors, vectors))
    norms[norms == 0.0] = 1.0
    return vectors / norms[:, np.newaxis]


def neighbour_pairs(
    unit: np.ndarray, neighbours: int, radius: float, engine: Engine | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, col, cosine distance), row != col, where col is among row's ``neighbours`` nearest within ``radius``.

    Brute force in blocks (``search_block``), as scikit-learn's brute kneighbors does it (1 - dot,
    clipped to [0, 2]), with exact dot products and ties broken by column: the same pairs whatever
    runs the blocks. From ``MIN_PARALLEL_CLAIMS`` rows on, ``engine`` runs them on its workers.
    """
    unit = np.ascontiguousarray(unit, dtype=np.float32)
    jobs = [
        (start, min(start + SEARCH_ROWS, len(unit)), neighbours, radius) for start in range(0, len(unit), SEARCH_ROWS)
    ]
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = [_NO_PAIRS] * len(jobs)
    if engine is None or len(unit) < MIN_PARALLEL_CLAIMS:
        for index, job in enumerate(jobs):
            found[index] = search_block(job, None, unit)
    else:
        # Looked up at call time (a test replaces it with one that kills its worker).
        for index, block in engine.map(search_block, jobs, shared=unit):
            found[index] = block
    return tuple(np.concatenate(part) for part in zip(*found))  # type: ignore[return-value]


_NO_PAIRS = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32))


def search_block(
    job: tuple[int, int, int, float], models: object, unit: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One job of ``neighbour_pairs``: rows ``start:stop`` of ``unit`` against every row.

    A row keeps its ``neighbours`` nearest within ``radius`` by exact distance (itself among them,
    then dropped), the lower column first among equal distances. The float32 product only picks the
    pairs worth computing exactly (see ``QUANTUM_BITS``): those within the radius plus the margin
    and, for a row with more, those within twice the margin of its k-th largest rough product (the
    exact k-th lies at most one margin from it).
    """
    start, stop, neighbours, radius = job
    margin = unit.shape[1] * 2.0**-22 + 2.0**-20
    block = unit[start:stop]
    floor = np.float32(1.0 - radius - margin)  # a rough product under this is beyond the radius
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    products: list[np.ndarray] = []
    for first in range(0, len(unit), SEARCH_COLUMNS):
        rough = block @ unit[first : first + SEARCH_COLUMNS].T
        near = rough >= floor
        if rough.shape[1] > neighbours:
            kth = np.partition(rough, rough.shape[1] - neighbours, axis=1)[:, rough.shape[1] - neighbours]
            near &= rough >= (kth - 2 * margin)[:, np.newaxis]
        local_rows, local_cols = np.nonzero(near)
        rows.append(local_rows)
        cols.append(local_cols + first)
        products.append(rough[local_rows, local_cols])
    row, col, product = _nearest_first(np.concatenate(rows), np.concatenate(cols), -np.concatenate(products))
    if len(unit) > SEARCH_COLUMNS:  # the same cut over the column blocks' candidates together
        rank = _rank_in_row(row)
        kth = np.full(len(block), -np.inf, dtype=np.float32)
        at_k = rank == neighbours - 1
        kth[row[at_k]] = -product[at_k]
        keep = -product >= kth[row] - 2 * margin
        row, col = row[keep], col[keep]
    distance = _exact_distances(block, unit, row, col)
    within = distance <= radius
    row, col, distance = _nearest_first(row[within], col[within], distance[within])
    keep = (_rank_in_row(row) < neighbours) & (row + start != col)
    return (row[keep] + start).astype(np.int64), col[keep].astype(np.int64), distance[keep].astype(np.float32)


def _nearest_first(
    rows: np.ndarray, cols: np.ndarray, distances: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs sorted by row, then distance, then column."""
    order = np.lexsort((cols, distances, rows))
    return rows[order], cols[order], distances[order]


def _rank_in_row(rows: np.ndarray) -> np.ndarray:
    """Each entry's place among its row's entries (``rows`` sorted)."""
    return np.arange(len(rows)) - np.searchsorted(rows, rows)


def _scaled(unit: np.ndarray) -> np.ndarray:
    """Unit vectors times 2**QUANTUM_BITS, rounded to integers (held as float64, exactly)."""
    return np.rint(unit * np.float32(2**QUANTUM_BITS)).astype(np.float64)


PAIRS_AT_ONCE = 8192  # exact distances computed per step (memory: twice this x dimensions float64)


def _exact_distances(left: np.ndarray, right: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """1 - cosine of the pairs (left[rows[i]], right[cols[i]]) of unit vectors, exactly (``_scaled``), clipped to [0, 2]."""
    dots = np.empty(len(rows), dtype=np.float64)
    for start in range(0, len(rows), PAIRS_AT_ONCE):
        pick = slice(start, start + PAIRS_AT_ONCE)
        # Each vector scaled once per step, not once per pair: a row meets its k neighbours, a claim a cluster's members.
        lefts, left_of = np.unique(rows[pick], return_inverse=True)
        rights, right_of = np.unique(cols[pick], return_inverse=True)
        dots[pick] = np.einsum("ij,ij->i", _scaled(left[lefts])[left_of], _scaled(right[rights])[right_of])
    return np.clip(1.0 - dots * 2.0 ** (-2 * QUANTUM_BITS), 0.0, 2.0)


def _symmetric_pairs(
    rows: np.ndarray, cols: np.ndarray, distances: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each unordered pair once, as (low index, high index, distance), sorted."""
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    order = np.lexsort((high, low))
    low, high, distances = low[order], high[order], distances[order]
    first = np.ones(len(low), dtype=bool)
    first[1:] = (low[1:] != low[:-1]) | (high[1:] != high[:-1])
    return low[first], high[first], distances[first]


def _components(count: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Connected-component label of each node of the undirected neighbour graph."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(count, count))
    return connected_components(graph, directed=False, connection="weak")[1]


# --- linkage ---------------------------------------------------------------------------------


def _dense_average(distances: np.ndarray, threshold: float) -> list[list[int]]:
    """Average linkage over a dense distance matrix (scikit-learn), merging while the linkage distance is under ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage=LINKAGE, distance_threshold=threshold
    )
    labels = model.fit_predict(distances)
    return [list(np.flatnonzero(labels == label)) for label in np.unique(labels)]


@dataclass(frozen=True)
class _Piece:
    """One piece of the linked graph (``_pieces``) with what its linkage reads and nothing more, so that it
    can travel to a worker alone: its rows' unit vectors, entity, person and year keys, and story."""

    members: np.ndarray  # the pieces' rows among all the run's claims, sorted
    unit: np.ndarray
    entities: csr_matrix
    persons: csr_matrix
    years: csr_matrix
    story: _Story | None


@dataclass(frozen=True)
class LinkageJob:
    """Pieces linked by one worker, each on its own (``link_pieces``)."""

    pieces: tuple[_Piece, ...]
    threshold: float


def link_pieces(job: LinkageJob, models: object) -> list[list[int]]:
    """One job of the linkage: the clusters of two or more claims of each of its pieces (rows of the whole run).

    A piece's distances are computed from its own rows: its exact cosine distances (``_scaled``, the
    same numbers the neighbour search gives a pair, and the same on a worker's one BLAS thread as on
    the client's several), read with the pair's keys (``_piece_distances``) and story
    (``linking_distances``), then average linkage over its dense matrix.
    """
    groups: list[list[int]] = []
    for piece in job.pieces:
        size = len(piece.members)
        local_low, local_high = np.triu_indices(size, 1)
        scaled = _scaled(piece.unit)
        # One members x members product, not one 384-float row per pair (a piece holds up to ~10^6 pairs).
        products = (scaled @ scaled.T)[local_low, local_high]
        cosine = np.clip(1.0 - products * 2.0 ** (-2 * QUANTUM_BITS), 0.0, 2.0)
        local = _piece_distances(cosine, local_low, local_high, piece.entities, piece.persons, piece.years)
        local = linking_distances(local, local_low, local_high, piece.story)
        dense = np.zeros((size, size), dtype=np.float64)
        dense[local_low, local_high] = local
        dense[local_high, local_low] = local
        for sub in _dense_average(dense, job.threshold):
            if len(sub) >= 2:
                groups.append(sorted(int(piece.members[i]) for i in sub))
    return groups


# Pieces per linkage job: about this many pairs (a piece of m claims has m(m-1)/2; the biggest,
# DENSE_COMPONENT_LIMIT claims, ~1.1 million, goes alone). The work of a piece grows with its pairs: at
# 1,000 BBC articles 715 pieces hold ~970,000 pairs (1.7 CPU-s), ten jobs or so to share among the workers.
LINKAGE_JOB_PAIRS = 100_000


def _linkage_jobs(
    pieces: Sequence[np.ndarray],
    unit: np.ndarray,
    keys: tuple[csr_matrix, csr_matrix, csr_matrix],
    story: _Story | None,
    threshold: float,
) -> list[LinkageJob]:
    """The pieces of three or more claims, biggest first (a worker's last job is then a short one), in jobs
    of about ``LINKAGE_JOB_PAIRS`` pairs, each piece carrying its own rows only."""
    entities, persons, years = keys
    jobs: list[LinkageJob] = []
    batch: list[_Piece] = []
    pairs = 0
    for members in sorted(pieces, key=lambda piece: (-len(piece), int(piece[0]))):
        batch.append(
            _Piece(
                members=members,
                unit=unit[members],
                entities=entities[members],
                persons=persons[members],
                years=years[members],
                story=story.part(members) if story is not None else None,
            )
        )
        pairs += len(members) * (len(members) - 1) // 2
        if pairs >= LINKAGE_JOB_PAIRS:
            jobs.append(LinkageJob(tuple(batch), threshold))
            batch, pairs = [], 0
    if batch:
        jobs.append(LinkageJob(tuple(batch), threshold))
    return jobs


def cluster_vectors(
    vectors: np.ndarray,
    threshold: float,
    stats: dict[str, int] | None = None,
    keys: Sequence[ClaimKeys] | None = None,
    candidates: list[tuple[int, int, float]] | None = None,
    context: CandidateContext | None = None,
    engine: Engine | None = None,
    also: list[list[int]] | None = None,
    row_groups: list[int] | None = None,
) -> list[list[int]]:
    """Groups of row indices (each of two or more rows), deterministic for a given input.

    ``keys`` (one ``claim_keys`` per row) makes the distance entity- and time-aware; without it
    the distance is the plain cosine distance. ``stats``, when given, receives the number of
    neighbour pairs compared ("knn_pairs"). ``candidates``, when given, receives the neighbour
    pairs (low, high, adjusted distance) within ``CANDIDATE_DISTANCE``; with ``context``, the distance
    reads the context keys and only pairs of documents within ``DOCUMENT_DISTANCE`` are candidates,
    and clusters link by ``linking_distances`` (the pair's story and event actions). ``engine``
    runs the neighbour search's blocks (``neighbour_pairs``) and the pieces' linkage (``link_pieces``) on
    its workers, from ``MIN_PARALLEL_CLAIMS`` claims on. ``also``, when given with a ``context`` that has
    triggers, receives per group the rows outside it whose sentence reports its event too (``also_members``).
    ``row_groups``, when given with a ``context``, receives each row's group of stories (``story_groups``), -1
    for a row whose document is too short to have a story.
    """
    count = len(vectors)
    if count < 2:
        return []
    keys = keys or [NO_KEYS] * count
    entities = _incidence([key[0] for key in keys])
    persons = _incidence([key[1] for key in keys])
    years = _incidence([key[2] for key in keys])
    unit = _unit(np.asarray(vectors, dtype=np.float32))
    neighbours = min(MAX_NEIGHBOURS, count - 1) + 1
    story = _Story.of(unit, context, keys) if context is not None else None
    if row_groups is not None and story is not None and story.groups is not None:
        row_groups.extend(np.where(story.readable, story.groups, -1).tolist())
    # Search wide enough that the entity and action bonuses can bring a pair within either threshold.
    reach = threshold + (ACTION_BONUS if story is not None else 0.0)
    radius = max(reach, CANDIDATE_DISTANCE) + ENTITY_BONUS
    rows, cols, cosine = neighbour_pairs(unit, neighbours, radius, engine)
    if stats is not None:
        stats["knn_pairs"] = count * neighbours
    low, high, cosine = _symmetric_pairs(rows, cols, cosine)
    adjusted = pair_distances(cosine, low, high, entities, persons, years)
    if candidates is not None:
        candidates.extend(_candidates(unit, low, high, cosine, adjusted, context))
    adjusted = linking_distances(adjusted, low, high, story)
    linked = adjusted <= threshold
    low, high, adjusted = low[linked], high[linked], adjusted[linked]
    pieces = _pieces(count, low, high, adjusted, threshold)
    groups = [[int(member) for member in piece] for piece in pieces if len(piece) == 2]  # a linked pair
    jobs = _linkage_jobs(
        [piece for piece in pieces if len(piece) > 2], unit, (entities, persons, years), story, threshold
    )
    if engine is None or count < MIN_PARALLEL_CLAIMS:
        for job in jobs:
            groups.extend(link_pieces(job, None))
    else:
        # Looked up at call time (a test replaces it with one that kills its worker). The client only merges.
        for _, found in engine.map(link_pieces, jobs):
            groups.extend(found)
    groups.sort()
    if also is not None:
        if story is not None and context is not None and len(context.triggers) == count:
            also.extend(
                also_members(groups, unit, (entities, persons, years), story, context.triggers, context.documents)
            )
        else:
            also.extend([] for _ in groups)
    return groups


def also_members(
    groups: Sequence[Sequence[int]],
    unit: np.ndarray,
    keys: tuple[csr_matrix, csr_matrix, csr_matrix],
    story: _Story,
    triggers: Sequence[tuple[str, ...]],
    documents: Sequence[int],
) -> list[list[int]]:
    """Per group, the rows outside it that report its event too, in row order: a sentence in each event it reports.

    A sentence often reports more than one event ("An earthquake shook ... on Sunday, killing 10 people":
    the quake and the deaths), and linkage puts it in one cluster only, by its wording as a whole. A
    cluster's events are the triggers (``claim_triggers``) two or more of its claims name; a claim of the
    same story that names one of them joins the cluster as well when its average linking distance
    (``linking_distances``: two stories never meet) to the cluster's claims is at most ``ALSO_DISTANCE``.
    A cluster whose claims are all of the claim's own document is left alone: it tells no other source.
    On the ECB+ development part clustering F1 0.640 -> 0.681 (P 0.617 -> 0.604, R 0.665 -> 0.780; the parse
    heads alone as triggers: 0.670).

    Work: a claim is compared only with the clusters of its story that share a trigger with it, one
    exact distance per member (``_exact_distances``), so it grows with the stories, not the corpus squared.
    """
    stories = story.stories.tolist()
    events: dict[tuple[int, str], list[int]] = defaultdict(list)  # (story, trigger) -> groups naming it twice
    owner: dict[int, int] = {}
    for number, group in enumerate(groups):
        counts = Counter(trigger for row in group for trigger in triggers[row])
        named = sorted(trigger for trigger, count in counts.items() if count >= 2)
        for member in group:
            owner[member] = number
        for story_label in sorted({stories[row] for row in group}):
            for trigger in named:
                events[(story_label, trigger)].append(number)
    asks: list[tuple[int, int]] = []
    rows: list[int] = []
    cols: list[int] = []
    for row, names in enumerate(triggers):
        wanted = {number for trigger in names for number in events.get((stories[row], trigger), ())}
        wanted.discard(owner.get(row, -1))
        for number in sorted(wanted):
            group = groups[number]
            if all(documents[member] == documents[row] for member in group):
                continue
            asks.append((row, number))
            rows.extend([row] * len(group))
            cols.extend(group)
    found: list[list[int]] = [[] for _ in groups]
    if not asks:
        return found
    left, right = np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)
    distances = pair_distances(_exact_distances(unit, unit, left, right), left, right, *keys)
    distances = linking_distances(distances, left, right, story).astype(np.float64)
    sizes = np.array([len(groups[number]) for _, number in asks])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    means = np.add.reduceat(distances, starts) / sizes
    for (row, number), mean in zip(asks, means.tolist()):
        if mean <= ALSO_DISTANCE:
            found[number].append(row)
    return found


def _candidates(
    unit: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    cosine: np.ndarray,
    adjusted: np.ndarray,
    context: CandidateContext | None,
) -> list[tuple[int, int, float]]:
    """The neighbour pairs that may state the same fact: (low, high, adjusted distance)."""
    if context is not None and len(low):
        adjusted = pair_distances(
            cosine,
            low,
            high,
            _incidence([key[0] for key in context.keys]),
            _incidence([key[1] for key in context.keys]),
            _incidence([key[2] for key in context.keys]),
        )
        documents = np.asarray(context.documents, dtype=np.int64)
        near = (adjusted <= CANDIDATE_DISTANCE) & (_document_distances(unit, documents, low, high) <= DOCUMENT_DISTANCE)
    else:
        near = adjusted <= CANDIDATE_DISTANCE
    return list(zip(low[near].tolist(), high[near].tolist(), adjusted[near].tolist()))


SPLIT_STEP = 0.05  # how much stricter the links get each time a component is still too big


def _pieces(count: int, low: np.ndarray, high: np.ndarray, distances: np.ndarray, threshold: float) -> list[np.ndarray]:
    """Connected components of the linked pairs, each of at most ``DENSE_COMPONENT_LIMIT`` claims.

    A component over the limit is split along its weakest links: its components under a link
    threshold ``SPLIT_STEP`` stricter, and so on until every piece fits. Each piece is then clustered
    exactly (dense average linkage), so no chain of loose links ever makes one cluster, and memory
    stays at one limit x limit matrix.
    """
    labels = _components(count, low, high)
    order = np.argsort(labels, kind="stable")
    boundaries = np.flatnonzero(np.diff(labels[order])) + 1
    pieces: list[np.ndarray] = []
    for members in np.split(order, boundaries):
        if len(members) < 2:
            continue
        members = np.sort(members)
        if len(members) <= DENSE_COMPONENT_LIMIT:
            pieces.append(members)
            continue
        inside = np.zeros(count, dtype=bool)
        inside[members] = True
        stricter = threshold - SPLIT_STEP
        keep = inside[low] & inside[high] & (distances <= stricter)
        if stricter <= 0 or not keep.any():
            # No link is weaker than another (a degenerate chain): cut it in corpus order.
            pieces.extend(
                members[start : start + DENSE_COMPONENT_LIMIT]
                for start in range(0, len(members), DENSE_COMPONENT_LIMIT)
            )
            continue
        pieces.extend(_pieces(count, low[keep], high[keep], distances[keep], stricter))
    return sorted(pieces, key=lambda piece: int(piece[0]))


# --- the stage -------------------------------------------------------------------------------


def _inputs(corpus: Corpus, claims: Sequence[Claim]) -> tuple[np.ndarray, list[ClaimKeys], CandidateContext]:
    """What the grouping reads of the claims (those with a vector, in corpus order): vectors, keys, context."""
    vectors = np.vstack([corpus.embeddings[claim.id] for claim in claims]).astype(np.float32)
    keys = [claim_keys(claim) for claim in claims]
    published = {doc.id: doc.published.year for doc in corpus.documents if doc.published is not None}
    document_number = {doc: index for index, doc in enumerate(dict.fromkeys(claim.doc for claim in claims))}
    context = CandidateContext(
        keys=context_keys(claims, keys, published),
        documents=[document_number[claim.doc] for claim in claims],
        actions=[claim.event.action if claim.event is not None else None for claim in claims],
        figures=[claim_figures(claim) for claim in claims],
        triggers=[claim_triggers(claim) for claim in claims],
        days=[claim_days(claim) for claim in claims],
        datelines=[published.get(claim.doc) for claim in claims],
    )
    return vectors, keys, context


def document_stories(corpus: Corpus) -> dict[str, int]:
    """The story (``story_labels``) of each document with two or more embedded claims, as the cluster stage
    groups them: a diagnostic for benchmarks (stories against known event groups), not part of the run."""
    claims = [claim for claim in corpus.claims if claim.id in corpus.embeddings]
    if len(claims) < 2:
        return {}
    vectors, keys, context = _inputs(corpus, claims)
    story = _Story.of(_unit(vectors), context, keys)
    return {claim.doc: int(label) for claim, label in zip(claims, story.stories.tolist())}


class ClusterStage:
    """Adds clusters of two or more claims (ids C0001, ... ordered by their first claim) and the
    same-fact candidate pairs."""

    name = "cluster"
    requires = ("claims", "embeddings")
    assigns = ("clusters", "same_fact")

    def __init__(self, settings: Settings, engine: Engine | None = None) -> None:
        self.settings = settings
        self.engine = engine  # runs the neighbour search's blocks (None: this process)

    def __call__(self, corpus: Corpus) -> Corpus:
        claims = [claim for claim in corpus.claims if claim.id in corpus.embeddings]
        if len(claims) < 2:
            return corpus.evolve(clusters=(), same_fact=())
        vectors, keys, context = _inputs(corpus, claims)
        groups, also, candidates, stats, row_groups = self._groups(vectors, keys, context)
        groups_of_documents = {claims[row].doc: label for row, label in enumerate(row_groups) if label >= 0}
        clusters = []
        cluster_of: dict[int, int] = {}
        for number, (group, reporting) in enumerate(zip(groups, also), start=1):
            members = [claims[i] for i in group]
            for index in group:
                cluster_of[index] = number
            documents = tuple(sorted({claim.doc for claim in members}))
            clusters.append(
                Cluster(
                    id=f"C{number:04d}",
                    claims=tuple(c.id for c in members),
                    documents=documents,
                    also=tuple(claims[i].id for i in reporting),
                )
            )
        pairs = []
        for left, right, distance in candidates:
            if claims[left].doc == claims[right].doc:
                continue
            same_cluster = left in cluster_of and cluster_of.get(left) == cluster_of.get(right)
            pairs.append(
                SameFactPair(
                    left=claims[left].id,
                    right=claims[right].id,
                    similarity=round(1.0 - distance, 4),
                    same_cluster=same_cluster,
                )
            )
        # Pairs compared, by step: grows with n*k here, never n^2 (benchmarks/pipeline.py prints it).
        counts = {
            **corpus.extras.get("candidate_pairs", {}),
            "cluster": stats.get("knn_pairs", 0),
            "same-fact": len(pairs),
        }
        return corpus.evolve(
            clusters=tuple(clusters),
            same_fact=tuple(pairs),
            story_groups=groups_of_documents,
            extras={**corpus.extras, "candidate_pairs": counts},
        )

    def _groups(
        self, vectors: np.ndarray, keys: list[ClaimKeys], context: CandidateContext
    ) -> tuple[list[list[int]], list[list[int]], list[tuple[int, int, float]], dict[str, int], list[int]]:
        """``cluster_vectors`` through the cache: the same vectors, keys and threshold give the same groups
        (with their ``also_members``), candidates and rows' groups of stories."""
        cache = open_cache(self.settings)
        key = _cache_key(
            vectors,
            [*keys, *context.keys],
            self.settings.cluster_threshold,
            context.documents,
            context.actions,
            context.figures,
            context.triggers,
            context.days,
            context.datelines,
        )
        cached = cache.get_blob(CACHE_NAMESPACE, key) if cache else None
        groups: list[list[int]]
        also: list[list[int]] = []
        candidates: list[tuple[int, int, float]] = []
        stats: dict[str, int] = {}
        row_groups: list[int] = []
        if cached is not None:
            data = json.loads(cached)
            groups, also, stats, row_groups = data["groups"], data["also"], data["stats"], data["story_groups"]
            candidates = [(int(a), int(b), float(d)) for a, b, d in data["candidates"]]
        else:
            found: list[tuple[int, int, float]] = []
            groups = cluster_vectors(
                vectors,
                self.settings.cluster_threshold,
                stats,
                keys=keys,
                candidates=found,
                context=context,
                engine=self.engine,
                also=also,
                row_groups=row_groups,
            )
            candidates = [(int(a), int(b), round(float(d), 6)) for a, b, d in found]
            if cache:
                cache.put_blob(
                    CACHE_NAMESPACE,
                    key,
                    json.dumps(
                        {
                            "groups": groups,
                            "also": also,
                            "candidates": candidates,
                            "stats": stats,
                            "story_groups": row_groups,
                        }
                    ),
                )
        if cache:
            cache.close()
        return groups, also, candidates, stats, row_groups


CACHE_NAMESPACE = "clusters"


def _cache_key(
    vectors: np.ndarray,
    keys: Sequence[ClaimKeys],
    threshold: float,
    documents: Sequence[int],
    actions: Sequence[str | None] = (),
    figures: Sequence[Sequence[str]] = (),
    triggers: Sequence[Sequence[str]] = (),
    days: Sequence[Sequence[str]] = (),
    datelines: Sequence[int | None] = (),
) -> str:
    # The code that computes the grouping (this module and what it imports) and the libraries that do the
    # arithmetic: a change to either may move a cluster, so it misses the cache.
    code = code_fingerprint(("factcheck.stages.cluster",), ("scikit-learn", "scipy", "numpy"))
    settings = (
        f"{threshold}|{LINKAGE}|{MAX_NEIGHBOURS}|{DENSE_COMPONENT_LIMIT}|{ENTITY_BONUS}|{ENTITY_CLASH}|"
        f"{YEAR_CLASH}|{SPLIT_STEP}|{CANDIDATE_DISTANCE}|{DOCUMENT_DISTANCE}|{MAIN_PERSON_SHARE}|"
        f"{STORY_REACH}|{STORY_MIN_CLAIMS}|{ACTION_BONUS}|{ALSO_DISTANCE}|{QUANTUM_BITS}|{APART_PROBABILITY}|{code}"
    )
    digest = hashlib.sha256(settings.encode())
    digest.update(json.dumps(keys).encode())
    digest.update(json.dumps(list(documents)).encode())
    digest.update(json.dumps(list(actions)).encode())
    digest.update(json.dumps(list(figures)).encode())
    digest.update(json.dumps(list(triggers)).encode())
    # The story model's weights are data, not code: a refitted model must miss the cache too.
    digest.update(load_model(STORY_MODEL).to_json().encode())
    digest.update(json.dumps(list(days)).encode())
    digest.update(json.dumps(list(datelines)).encode())
    digest.update(np.ascontiguousarray(vectors, dtype=np.float32).tobytes())
    return digest.hexdigest()
