"""Clustering: paraphrases group, unrelated claims don't, output is deterministic."""

import os

import numpy as np
import pytest

from factcheck.model import Actor, Claim, Corpus, Span, TimeExpression
from factcheck.stages import cluster as cluster_module
from factcheck.stages.cluster import ClusterStage, cluster_vectors
from factcheck.stages.cluster import link_pieces as real_link_pieces


def _unit(vectors):
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_near_vectors_cluster_and_far_ones_stay_apart():
    rng = np.random.default_rng(0)
    centre_a, centre_b = rng.normal(size=32), rng.normal(size=32)
    vectors = _unit(
        [centre_a + rng.normal(scale=0.05, size=32) for _ in range(3)]
        + [centre_b + rng.normal(scale=0.05, size=32) for _ in range(2)]
        + [rng.normal(size=32)]
    )
    groups = cluster_vectors(vectors, threshold=0.35)
    assert groups == [[0, 1, 2], [3, 4]]


def test_a_chain_of_loose_neighbours_is_not_one_cluster():
    # Each step turns by ~0.3 cosine distance: neighbours link, but the ends are far apart.
    angles = np.linspace(0, 2.4, 7)
    vectors = _unit(np.stack([np.cos(angles), np.sin(angles)], axis=1))
    groups = cluster_vectors(vectors, threshold=0.35)
    assert all(len(group) < len(vectors) for group in groups)


def test_order_and_content_are_deterministic():
    rng = np.random.default_rng(1)
    vectors = _unit(rng.normal(size=(60, 16)) + np.repeat(rng.normal(size=(6, 16)) * 3, 10, axis=0))
    assert cluster_vectors(vectors, 0.35) == cluster_vectors(vectors.copy(), 0.35)


def test_fewer_than_two_vectors_give_no_cluster():
    assert cluster_vectors(np.zeros((0, 4), dtype=np.float32), 0.35) == []
    assert cluster_vectors(_unit([[1.0, 0.0]]), 0.35) == []


def _reference_groups(vectors, threshold):
    """scikit-learn end to end (NearestNeighbors for the neighbours, average linkage per component),
    the reference for the chunked search without entity or year keys."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.neighbors import NearestNeighbors

    count = len(vectors)
    neighbours = min(20, count - 1) + 1
    distances, indices = (
        NearestNeighbors(n_neighbors=neighbours, metric="cosine", algorithm="brute").fit(vectors).kneighbors(vectors)
    )
    rows, cols = np.repeat(np.arange(count), neighbours), indices.ravel()
    keep = (distances.ravel() <= threshold) & (rows != cols)
    graph = coo_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=(count, count)).tocsr()
    _, labels = connected_components(((graph + graph.T) > 0).astype(np.float64), directed=False)
    groups = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        if len(members) == 2:
            groups.append(sorted(int(m) for m in members))
            continue
        part = vectors[members]
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
        )
        sub_labels = model.fit_predict(np.clip(1.0 - part @ part.T, 0.0, 2.0))
        groups += [
            sorted(int(members[i]) for i in np.flatnonzero(sub_labels == s))
            for s in np.unique(sub_labels)
            if np.count_nonzero(sub_labels == s) >= 2
        ]
    return sorted(groups)


def test_same_groups_as_scikit_learn_including_ties():
    for seed in range(12):
        rng = np.random.default_rng(seed)
        count, dim, centres = int(rng.integers(3, 250)), int(rng.integers(2, 24)), int(rng.integers(1, 20))
        raw = rng.normal(size=(centres, dim))[rng.integers(0, centres, size=count)] * 3 + rng.normal(size=(count, dim))
        if seed % 3 == 0:
            raw[: count // 4] = raw[0]  # exact duplicates: tie-breaking must match too
        vectors = _unit(raw)
        for threshold in (0.2, 0.35, 0.7):
            assert cluster_vectors(vectors, threshold) == _reference_groups(vectors, threshold), (seed, threshold)


def test_stats_count_neighbour_pairs_not_all_pairs():
    vectors = _unit(np.random.default_rng(3).normal(size=(100, 8)))
    stats = {}
    cluster_vectors(vectors, 0.35, stats)
    assert stats["knn_pairs"] == 100 * 21


def test_a_warm_run_reuses_the_grouping_without_importing_scipy(tmp_path):
    import subprocess
    import sys

    script = f"""
import sys, numpy as np
from pathlib import Path
from factcheck.config import Settings
from factcheck.model import Claim, Corpus, Span
from factcheck.stages.cluster import ClusterStage
rng = np.random.default_rng(0)
vectors = rng.normal(size=(30, 8)).astype(np.float32)
vectors[10:20] = vectors[10] + 0.01 * rng.normal(size=(10, 8))
vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
claims = tuple(Claim(id=f"d#{{i}}-{{i + 1}}", doc="d", span=Span(doc="d", start=i, end=i + 1, text="x"), text="x")
               for i in range(30))
corpus = Corpus(claims=claims, embeddings={{c.id: v for c, v in zip(claims, vectors)}})
clusters = ClusterStage(Settings(cache_dir=Path({str(tmp_path)!r})))(corpus).clusters
print(len(clusters), [len(c.claims) for c in clusters], "sklearn" in sys.modules, "scipy" in sys.modules)
"""
    cold = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    # Cold: scikit-learn clusters; warm: the cached grouping needs neither it nor scipy.
    assert cold[-2:] == ["True", "True"] and warm[-2:] == ["False", "False"]
    assert cold[:-2] == warm[:-2] and cold[0] != "0"


def test_a_big_component_is_split_along_its_weakest_links_not_chained(monkeypatch):
    # A chain of 60 points, each 0.05 from the next: single linkage at 0.35 makes one cluster.
    angles = np.arange(60) * np.arccos(0.95)
    vectors = _unit(np.stack([np.cos(angles), np.sin(angles), np.zeros(60)], axis=1))
    dense = cluster_vectors(vectors, threshold=0.35)
    monkeypatch.setattr(cluster_module, "DENSE_COMPONENT_LIMIT", 10)
    split = cluster_vectors(vectors, threshold=0.35)
    assert max(len(group) for group in dense) < 20
    assert max(len(group) for group in split) <= 10 and sum(len(group) for group in split) >= 50
    # Two tight groups far apart stay two clusters either way.
    rng = np.random.default_rng(4)
    centres = _unit(rng.normal(size=(2, 16)))
    vectors = _unit(np.repeat(centres, 8, axis=0) + rng.normal(scale=0.02, size=(16, 16)))
    assert cluster_vectors(vectors, threshold=0.35) == [list(range(8)), list(range(8, 16))]


def _claim(doc, start, name=None, label="PERSON", year=None):
    text = "x"
    actors = (Actor(span=Span(doc=doc, start=start, end=start + 1, text=text), name=name, label=label),) if name else ()
    times = (
        (
            TimeExpression(
                span=Span(doc=doc, start=start, end=start + 1, text=text), value=str(year), granularity="year"
            ),
        )
        if year
        else ()
    )
    return Claim(
        id=f"{doc}#{start}-{start + 1}",
        doc=doc,
        span=Span(doc=doc, start=start, end=start + 1, text=text),
        text=text,
        actors=actors,
        times=times,
    )


def _pair_vectors(distance):
    """Two unit vectors at the given cosine distance."""
    angle = np.arccos(1.0 - distance)
    return _unit([[1.0, 0.0], [np.cos(angle), np.sin(angle)]])


@pytest.mark.parametrize(
    ("left", "right", "together"),
    [
        ({}, {}, True),  # nothing to tell them apart: the vectors decide
        ({"name": "Mia Kato"}, {"name": "Sam Ito"}, False),  # two actresses: two rehab stays
        ({"name": "Mia Kato"}, {"name": "Kato"}, True),  # one person, by surname
        ({"year": 2008}, {"year": 2013}, False),  # two earthquakes in two years
        ({"year": 2008, "name": "Qeshm", "label": "GPE"}, {"year": 2008, "name": "Qeshm", "label": "GPE"}, True),
    ],
)
def test_claims_that_name_other_entities_or_years_do_not_meet(left, right, together):
    claims = (_claim("a", 0, **left), _claim("b", 0, **right))
    vectors = _pair_vectors(cluster_module.ENTITY_CLASH / 2 + 0.3)
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    from factcheck.config import Settings

    result = ClusterStage(Settings(use_cache=False, cluster_threshold=0.36))(corpus)
    assert bool(result.clusters) is together


def test_same_fact_pairs_link_claims_of_different_documents_only():
    from factcheck.config import Settings

    claims = (
        _claim("a", 0, name="Mia Kato"),
        _claim("a", 5, name="Mia Kato"),
        _claim("b", 0, name="Kato"),
        _claim("c", 0, name="Sam Ito"),
    )
    vectors = _unit([[1.0, 0.0], [1.0, 0.02], [1.0, 0.05], [0.0, 1.0]])
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    result = ClusterStage(Settings(use_cache=False))(corpus)
    pairs = [(pair.left, pair.right) for pair in result.same_fact]
    assert pairs == [("a#0-1", "b#0-1"), ("a#5-6", "b#0-1")]
    assert all(pair.same_cluster and 0.9 < pair.similarity <= 1.0 for pair in result.same_fact)
    assert [pair.right for pair in result.same_fact_of("b#0-1")] == ["b#0-1", "b#0-1"]


def test_the_default_threshold_groups_reworded_reports_of_one_fact_but_not_other_facts():
    # Two sources word one fact differently (cosine distance ~0.5 for close MiniLM paraphrases); a
    # third claim on another fact sits at ~0.95. The default threshold (0.6) joins the first two only.
    from factcheck.config import Settings

    claims = (_claim("a", 0), _claim("b", 0), _claim("c", 0))
    paraphrase, other = np.arccos(1.0 - 0.5), np.arccos(1.0 - 0.95)
    vectors = _unit(
        [[1.0, 0.0, 0.0], [np.cos(paraphrase), np.sin(paraphrase), 0.0], [np.cos(other), 0.0, np.sin(other)]]
    )
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    result = ClusterStage(Settings(use_cache=False))(corpus)
    assert [cluster.claims for cluster in result.clusters] == [("a#0-1", "b#0-1")]


def _turned(first, second, distance):
    """A unit vector at the given cosine distance from ``first``, turned towards ``second``."""
    angle = np.arccos(1.0 - distance)
    return np.cos(angle) * first + np.sin(angle) * second


def _story_claims(doc, context, sentence, count=3):
    """A document of ``count`` claims along ``context`` (what the story is about) plus one sentence."""
    claims = [_claim(doc, position) for position in range(count + 1)]
    return claims, [context] * count + [sentence]


def test_clusters_read_the_story_of_the_two_documents():
    # Two reports of one story (their other claims alike) word one event 0.5 apart: they cluster.
    # Two look-alike stories (their other claims unrelated) word their two events closer still,
    # 0.45 apart, yet stay apart: the documents tell the stories apart where the sentences cannot.
    from factcheck.config import Settings

    axes = np.eye(12)
    same_a, vectors_a = _story_claims("a", axes[0], axes[1])
    same_b, vectors_b = _story_claims("b", axes[0], _turned(axes[1], axes[2], 0.5))
    other_c, vectors_c = _story_claims("c", axes[3], axes[5])
    other_d, vectors_d = _story_claims("d", axes[4], _turned(axes[5], axes[6], 0.45))
    claims = (*same_a, *same_b, *other_c, *other_d)
    vectors = _unit([*vectors_a, *vectors_b, *vectors_c, *vectors_d])
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    result = ClusterStage(Settings(use_cache=False))(corpus)
    assert result.cluster_of("a#3-4") is not None and result.cluster_of("a#3-4") == result.cluster_of("b#3-4")
    assert result.cluster_of("c#3-4") is None or result.cluster_of("c#3-4") != result.cluster_of("d#3-4")


@pytest.mark.parametrize(("actions", "together"), [(("foil", "foil"), True), (("foil", "escort"), False)])
def test_two_sentences_with_one_action_come_closer(actions, together):
    from factcheck.config import Settings
    from factcheck.model import Event

    claims = tuple(
        _claim(doc, 0).model_copy(update={"event": Event(action=action)}) for doc, action in zip("ab", actions)
    )
    # Over the threshold, within reach of the action bonus.
    vectors = _pair_vectors(Settings().cluster_threshold + cluster_module.ACTION_BONUS / 2)
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    assert bool(ClusterStage(Settings(use_cache=False))(corpus).clusters) is together


def _story_keys(centres, persons=None, years=None, figures=None, days=None):
    """``StoryKeys`` of documents with these centres and particulars (none where not given)."""
    nothing = [()] * len(centres)
    return cluster_module.StoryKeys(
        centres=np.asarray(centres, dtype=np.float64),
        persons=persons or nothing,
        years=years or nothing,
        figures=figures or nothing,
        days=days or nothing,
    )


def _spread_centres(distance, count, extra_axes=0):
    """``count`` unit centres, any two at cosine distance ``distance``, then ``extra_axes`` far from all of them."""
    axes = np.eye(count + 1 + extra_axes)
    spread = np.sqrt(1 / (1 - distance) - 1)
    return _unit([axes[0] + spread * axes[k] for k in range(1, count + 1)] + list(axes[count + 1 :]))


def test_the_shipped_same_story_model_loads_and_reads_only_story_features():
    from factcheck.nlp.pairmodel import load_model

    model = load_model(cluster_module.STORY_MODEL)
    keys = _story_keys(_spread_centres(0.2, 2))
    assert set(model.features) <= set(cluster_module.story_features(keys, [0, 1]))
    assert 0.0 < model.threshold < 1.0
    # Reports further apart read as less likely one story; a shared person as more likely.
    assert model.probability(**_features(0.1)) > model.probability(**_features(0.4))
    assert model.probability(**_features(0.4, persons_shared=1.0)) > model.probability(**_features(0.4))


def _features(centre_distance, **particulars):
    from factcheck.nlp.pairmodel import load_model

    values = dict.fromkeys(load_model(cluster_module.STORY_MODEL).features, 0.0)
    return {**values, "centre_distance": centre_distance, **particulars}


def test_documents_group_into_stories_by_what_they_report_and_who_is_in_them():
    # Four documents whose claims read alike (centres 0.2 apart: close enough to be one story): a
    # and b name one person, c another; d names nobody and gives another year than a and b. Their
    # persons and years tell the stories apart where the vectors cannot; e, far from all, is alone.
    centres = _spread_centres(0.2, 4, extra_axes=1)
    persons = [("kato",), ("kato",), ("ito",), (), ()]
    years = [(2008,), (2008,), (2008,), (2013,), ()]
    labels = cluster_module.story_labels(_story_keys(centres, persons, years)).tolist()
    assert labels[0] == 0 and labels[1] == 0  # stories are numbered by their first document
    assert len({labels[0], labels[2], labels[3], labels[4]}) == 4
    # Without the persons and years, the four alike documents are one story.
    blind = cluster_module.story_labels(_story_keys(centres)).tolist()
    assert blind[:4] == [0, 0, 0, 0] and blind[4] == 1


def test_same_fact_candidates_cross_two_stories_only_when_they_may_still_be_one():
    # Two reports alike in wording (centres 0.2 apart) naming two persons: the model keeps them two stories,
    # but not surely so (one source may name a witness, the other the victim), so their candidates still meet.
    centres = _spread_centres(0.2, 2)
    persons = [("kato",), ("ito",)]
    stories, groups = cluster_module.story_groups(_story_keys(centres, persons))
    assert stories[0] != stories[1] and groups[0] == groups[1]
    # Their claims and datelines give years none of which the other gives: two events, surely two.
    keys = _story_keys(centres, persons)
    dated = cluster_module.StoryKeys(**{**keys.__dict__, "event_years": [(2008,), (2011,)]})
    stories, groups = cluster_module.story_groups(dated)
    assert groups[0] != groups[1]
    # One story whose follow-up is dated a year later stays one group.
    dated = cluster_module.StoryKeys(**{**_story_keys(centres).__dict__, "event_years": [(2008,), (2009,)]})
    stories, groups = cluster_module.story_groups(dated)
    assert stories[0] == stories[1] and groups[0] == groups[1]


def test_a_year_one_sentence_gives_is_no_sure_sign_of_two_stories():
    # The same two reports, each giving one year once ("since the party came to power in 2008" / "in 2011"): the
    # one sentence may be a fact both retell, dated two ways, so the two stay one group of stories (its candidates
    # still meet). A document that tells its year twice, or by its dateline, dates its own story.
    centres = _spread_centres(0.2, 2)
    keys = _story_keys(centres, [("kato",), ("ito",)])
    once = cluster_module.StoryKeys(**{**keys.__dict__, "event_years": [(2008,), (2011,)], "told_years": [(), ()]})
    stories, groups = cluster_module.story_groups(once)
    assert stories[0] != stories[1] and groups[0] == groups[1]
    told = cluster_module.StoryKeys(
        **{**keys.__dict__, "event_years": [(2008,), (2011,)], "told_years": [(2008,), (2011,)]}
    )
    assert len(set(cluster_module.story_groups(told)[1].tolist())) == 2


def test_the_years_that_date_a_documents_story_are_its_datelines_and_those_two_claims_give():
    from factcheck.stages.cluster import CandidateContext, StoryKeys

    context = CandidateContext(
        keys=[((), (), (2007,)), ((), (), (2007, 2001)), ((), (), (1997,)), ((), (), ())],
        documents=[0, 0, 1, 1],
        datelines=[None, None, 2005, 2005],
    )
    keys = StoryKeys.of(_unit([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, 0.5]]), context, context.keys)
    assert [list(years) for years in keys.told_years] == [[2007], [2005]]


def test_a_documents_event_years_add_its_datelines_year_to_the_years_its_claims_give():
    from factcheck.stages.cluster import CandidateContext, StoryKeys

    context = CandidateContext(keys=[((), (), (2007,)), ((), (), ())], documents=[0, 0], datelines=[2009, 2009])
    keys = StoryKeys.of(_unit([[1.0, 0.0], [0.0, 1.0]]), context, context.keys)
    assert list(keys.years[0]) == [2007] and list(keys.event_years[0]) == [2007, 2009]


def test_look_alike_reports_naming_nobody_are_told_apart_by_their_figures():
    # Three reports alike in what they say (centres 0.2 apart), naming no person and giving no year:
    # a and b give one quake's magnitude, c another quake's magnitude and toll. Counting one thing
    # ("magnitude") with other values parts c from them; the figure a and b share keeps them one story.
    centres = _spread_centres(0.2, 3)
    figures = [("magnitude||5.6", "count|house|3"), ("magnitude||5.6",), ("count|person|40", "magnitude||6.1")]
    labels = cluster_module.story_labels(_story_keys(centres, figures=figures)).tolist()
    assert labels[0] == labels[1] != labels[2]
    # Without the figures the three are one story.
    assert cluster_module.story_labels(_story_keys(centres)).tolist() == [0, 0, 0]


@pytest.mark.parametrize(
    ("figure", "together"), [("count|pirate|23", True), ("magnitude||5.6", True), ("count|nomination|2", False)]
)
def test_a_shared_figure_joins_two_reports_unless_it_is_a_small_count(figure, together):
    # Two reports 0.4 apart (too far to be one story on their wording alone) state one figure alike: 23
    # pirates or a magnitude of 5.6 are a sign of one story; two nominations recur by chance among award stories.
    keys = _story_keys(_spread_centres(0.4, 2), figures=[(figure,), (figure,)])
    labels = cluster_module.story_labels(keys).tolist()
    assert (labels[0] == labels[1]) is together


def test_a_calendar_day_both_reports_give_joins_them():
    # Two reports 0.4 apart, one day both give (the day of the event they report): one story; other days: two.
    centres = _spread_centres(0.4, 2)
    one_day = cluster_module.story_labels(_story_keys(centres, days=[("2011-06-14",), ("2011-06-14",)])).tolist()
    two_days = cluster_module.story_labels(_story_keys(centres, days=[("2011-06-14",), ("2009-03-03",)])).tolist()
    assert one_day == [0, 0] and two_days == [0, 1]


def test_shared_and_clashing_keys_of_document_pairs():
    per_document = [("kato",), ("kato", "ito"), ("ito",), ()]
    low, high = np.triu_indices(4, 1)  # (0,1) (0,2) (0,3) (1,2) (1,3) (2,3)
    shared, clashing = cluster_module.shared_and_clashing(per_document, low, high)
    assert shared.tolist() == [True, False, False, True, False, False]
    # A document naming nobody clashes with no one: silence is not disagreement.
    assert clashing.tolist() == [False, True, False, False, False, False]


def test_story_features_of_two_reports():
    centres = _spread_centres(0.25, 3)
    keys = _story_keys(
        centres,
        persons=[("kato",), ("ito",), ()],
        years=[(2008,), (2009,), (2008,)],
        figures=[("count|pirate|23", "magnitude||5.6"), ("count|pirate|23", "magnitude||6.1"), ("magnitude||6.1",)],
        days=[("2008-06-01",), ("2008-06-01", "2008-06-02"), ("2008-06-02",)],
    )
    features = {name: values.tolist() for name, values in cluster_module.story_features(keys, [0, 1, 2]).items()}
    # Pairs (a, b), (a, c), (b, c).
    assert features["centre_distance"] == pytest.approx([0.25] * 3, abs=1e-6)
    assert features["persons_shared"] == [0.0] * 3 and features["persons_clash"] == [1.0, 0.0, 0.0]
    # a and b share a figure (23 pirates), b and c one too (a magnitude of 6.1); a and c count one thing (the
    # magnitude), never with one value.
    assert features["figures_shared"] == [1.0, 0.0, 1.0] and features["figures_clash"] == [0.0, 1.0, 0.0]
    assert features["years_clash"] == [1.0, 0.0, 1.0] and features["days_shared"] == [1.0, 0.0, 1.0]


def test_a_claims_days_are_the_calendar_days_it_gives_without_the_dateline():
    def time(value, dateline=False):
        return TimeExpression(
            span=Span(doc="a", start=0, end=1, text="x"),
            value=value,
            granularity="day" if value and len(value) == 10 else "year",
            dateline=dateline,
        )

    times = (time("2009-04-06"), time("2009-04-08", dateline=True), time("2009"), time("2009-04-06T10:00"), time(None))
    claim = _claim("a", 0).model_copy(update={"times": times})
    assert cluster_module.claim_days(claim) == ("2009-04-06",)


def test_a_claims_figures_say_what_was_counted_and_leave_bare_counts_out():
    from factcheck.model import Quantity

    def figure(value, unit, measure=None):
        return Quantity(span=Span(doc="a", start=0, end=1, text="x"), value=value, unit=unit, measure=measure)

    claim = _claim("a", 0).model_copy(
        update={"quantities": (figure(23, "count", "pirates"), figure(2, "count"), figure(5.6, "magnitude"))}
    )
    assert cluster_module.claim_figures(claim) == ("count|pirates|23", "magnitude||5.6")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_stories_linked_per_component_are_those_of_one_matrix_over_every_document(seed):
    # Clumps of documents around a few topics, some persons, years, figures and days shared: the linkage
    # per component of the radius graph must give exactly the stories of one dense linkage over all.
    from factcheck.nlp.pairmodel import load_model

    rng = np.random.default_rng(seed)
    topics = rng.normal(size=(6, 16))
    centres = _unit([topics[k % 6] + rng.normal(scale=0.45, size=16) for k in range(60)])
    persons = [tuple(rng.choice(["ann", "bob", "cy"], size=rng.integers(0, 2))) for _ in range(60)]
    years = [tuple(int(y) for y in rng.choice([2001, 2002], size=rng.integers(0, 2))) for _ in range(60)]
    figures = [tuple(rng.choice(["count|dead|5", "count|dead|7", "km||9"], size=rng.integers(0, 3))) for _ in range(60)]
    days = [tuple(rng.choice(["2001-05-01", "2002-07-09"], size=rng.integers(0, 2))) for _ in range(60)]
    keys = _story_keys(centres, persons, years, figures, days)
    model = load_model(cluster_module.STORY_MODEL)
    whole = cluster_module._dense_average(
        cluster_module._story_distances(keys, list(range(60)), model), 1.0 - model.threshold
    )
    expected = np.zeros(60, dtype=np.int64)
    for number, members in enumerate(sorted(whole, key=min)):
        expected[members] = number
    components = cluster_module._story_components(centres)
    assert 1 < len(components) < 60  # the case exercises several components, not one or none
    assert cluster_module.story_labels(keys).tolist() == expected.tolist()


def test_two_reports_of_one_story_cluster_an_event_worded_apart_but_look_alike_stories_do_not():
    # Reports a and b of one story (about one person) word one event 0.7 apart: one event-level
    # cluster. Reports c and d of two look-alike stories (two persons; the rest of the two documents
    # worded nearly alike) word their events 0.3 apart, yet never share a cluster: the stories differ.
    from factcheck.config import Settings

    axes = np.eye(12)

    def report(doc, name, context, event):
        claims = [_claim(doc, position, name=name) for position in range(4)]
        return claims, [context, context, context, event]

    same_a, vectors_a = report("a", "Mia Kato", axes[0], axes[1])
    same_b, vectors_b = report("b", "Kato", axes[0], _turned(axes[1], axes[2], 0.7))
    other_c, vectors_c = report("c", "Ann Roe", axes[3], axes[5])
    other_d, vectors_d = report("d", "Jo Doe", _turned(axes[3], axes[4], 0.2), _turned(axes[5], axes[6], 0.3))
    claims = (*same_a, *same_b, *other_c, *other_d)
    vectors = _unit([*vectors_a, *vectors_b, *vectors_c, *vectors_d])
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    result = ClusterStage(Settings(use_cache=False))(corpus)
    assert result.cluster_of("a#3-4") is not None and result.cluster_of("a#3-4") == result.cluster_of("b#3-4")
    for left in ("c#0-1", "c#3-4"):
        for right in ("d#0-1", "d#3-4"):
            assert result.cluster_of(left) is None or result.cluster_of(left) != result.cluster_of(right)
    # The groups of stories go with the corpus: a and b are one.
    assert result.story_groups["a"] == result.story_groups["b"] and not result.two_stories("a", "b")
    # The same two documents naming one person are one story, and their events one cluster.
    renamed = tuple(
        claim.model_copy(update={"actors": other_c[0].actors}) if claim.doc == "d" else claim for claim in claims
    )
    result = ClusterStage(Settings(use_cache=False))(Corpus(claims=renamed, embeddings=corpus.embeddings))
    assert result.cluster_of("c#3-4") is not None and result.cluster_of("c#3-4") == result.cluster_of("d#3-4")


def test_a_cached_grouping_gives_the_same_clusters_and_same_fact_pairs(tmp_path):
    from factcheck.config import Settings

    claims = (_claim("a", 0, name="Mia Kato"), _claim("b", 0, name="Kato"), _claim("c", 0))
    vectors = _unit([[1.0, 0.0], [1.0, 0.1], [0.0, 1.0]])
    corpus = Corpus(claims=claims, embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    stage = ClusterStage(Settings(cache_dir=tmp_path))
    cold, warm = stage(corpus), stage(corpus)
    assert cold.clusters == warm.clusters and cold.same_fact == warm.same_fact
    assert [(pair.left, pair.right) for pair in warm.same_fact] == [("a#0-1", "b#0-1")]


def _document(doc, year=None):
    from datetime import date

    from factcheck.model import Document

    return Document(id=doc, path=f"{doc}.txt", text="x", clean="x", published=date(year, 5, 1) if year else None)


def _candidates(claims, vectors, documents=()):
    from factcheck.config import Settings

    corpus = Corpus(
        documents=tuple(documents),
        claims=tuple(claims),
        embeddings={claim.id: vector for claim, vector in zip(claims, _unit(vectors))},
    )
    return [(pair.left, pair.right) for pair in ClusterStage(Settings(use_cache=False))(corpus).same_fact]


def test_a_sentence_naming_nobody_is_about_its_documents_main_person():
    # Two stories of one kind about two people; the third sentence of each names nobody ("She
    # checked into a clinic on Tuesday") and is worded alike: the two must not be a same-fact pair.
    # A third story about the first person does pair with the first.
    def story(doc, name):
        return [_claim(doc, 0, name=name), _claim(doc, 5, name=name), _claim(doc, 10)]

    claims = story("a", "Mia Kato") + story("b", "Sam Ito") + story("c", "Kato")
    # The person-less sentences are reworded alike: cosine distance 0.55 between any two of them.
    alike = [np.sqrt(0.45) * np.eye(4)[0] + np.sqrt(0.55) * np.eye(4)[i] for i in (1, 2, 3)]
    vectors = [row for i in range(3) for row in (np.eye(4)[0], np.eye(4)[0], alike[i])]
    pairs = _candidates(claims, vectors)
    assert ("a#10-11", "c#10-11") in pairs
    assert ("a#10-11", "b#10-11") not in pairs and ("b#10-11", "c#10-11") not in pairs


def test_a_sentence_giving_no_year_is_dated_by_its_documents_publication():
    # Three sentences reworded alike (cosine distance 0.55 between any two), in stories of 2008 and 2013.
    claims = [_claim("a", 0), _claim("b", 0), _claim("c", 0)]
    vectors = [np.sqrt(0.45) * np.eye(4)[0] + np.sqrt(0.55) * np.eye(4)[i] for i in (1, 2, 3)]
    pairs = _candidates(claims, vectors, [_document("a", 2008), _document("b", 2013), _document("c", 2008)])
    assert pairs == [("a#0-1", "c#0-1")]


def test_no_same_fact_pair_between_documents_on_other_stories():
    # One sentence alike, everything else in the two documents far apart: two stories that share a
    # stock phrase ("Police said the investigation continues") state no fact in common.
    claims = [_claim("a", 0), _claim("a", 5), _claim("a", 10), _claim("b", 0), _claim("b", 5), _claim("b", 10)]
    vectors = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 1.0, 0.1], [1.0, 0.05, 0.0], [0.0, 0.0, 1.0], [0.1, 0.0, 1.0]]
    assert _candidates(claims, vectors) == []
    vectors[4:] = [[0.0, 1.0, 0.05], [0.0, 1.0, 0.0]]  # the same two stories: the pairs are back
    assert ("a#0-1", "b#0-1") in _candidates(claims, vectors)


def _tied_vectors(seed: int, count: int = 300, dim: int = 24) -> np.ndarray:
    """Clustered vectors with exact duplicates and near-copies, so that rows are crowded and distances (nearly) tie."""
    rng = np.random.default_rng(seed)
    raw = rng.normal(size=(12, dim))[rng.integers(0, 12, size=count)] * 3 + rng.normal(size=(count, dim))
    raw[: count // 5] = raw[0]
    raw[count // 2 : count // 2 + 7] = raw[count // 2]
    # Near-copies a float32 product cannot order (their distances differ by ~1e-8): the exact one must.
    raw[-60:] = raw[-61] + 1e-4 * rng.normal(size=(60, dim))
    return _unit(raw)


def _exact_reference(unit, neighbours, radius):
    """The whole matrix at once, ties to the lower index: what every blocking must give."""
    scaled = cluster_module._scaled(unit)
    distances = np.clip(1.0 - (scaled @ scaled.T) * 2.0 ** (-2 * cluster_module.QUANTUM_BITS), 0, 2)
    rows, cols, values = [], [], []
    for row, line in enumerate(distances):
        order = np.lexsort((np.arange(len(line)), line))[:neighbours]
        for col in order:
            if line[col] <= radius and col != row:
                rows.append(row)
                cols.append(col)
                values.append(line[col])
    return np.array(rows), np.array(cols), np.array(values, dtype=np.float32)


@pytest.mark.parametrize("rows, columns", [(1, 7), (13, 64), (64, 5), (1024, 8192)])
def test_neighbour_pairs_do_not_depend_on_the_blocks_or_the_threads(rows, columns, monkeypatch):
    # The workers cut nothing the client would not: the pairs (and their distances, bit for bit)
    # are the whole-matrix answer whatever the blocks, and whatever BLAS's threads.
    from threadpoolctl import threadpool_limits

    monkeypatch.setattr(cluster_module, "SEARCH_ROWS", rows)
    monkeypatch.setattr(cluster_module, "SEARCH_COLUMNS", columns)
    for seed in range(3):
        unit = _tied_vectors(seed)
        expected = _exact_reference(unit, 21, 0.8)
        with threadpool_limits(limits=1):
            single = cluster_module.neighbour_pairs(unit, 21, 0.8)
        found = cluster_module.neighbour_pairs(unit, 21, 0.8)
        for got in (single, found):
            assert [part.tolist() for part in got] == [part.tolist() for part in expected], seed


def test_neighbour_search_on_local_workers_gives_the_same_pairs(monkeypatch):
    from factcheck.config import Settings
    from factcheck.engine import Models, ProcessEngine

    unit = _tied_vectors(4, count=500)
    here = cluster_module.neighbour_pairs(unit, 21, 0.8)
    # Small row blocks (several jobs per worker); the workers keep their own column blocks.
    monkeypatch.setattr(cluster_module, "MIN_PARALLEL_CLAIMS", 1)
    monkeypatch.setattr(cluster_module, "SEARCH_ROWS", 37)
    engine = ProcessEngine(Models(Settings(use_cache=False)), workers=2)
    try:
        there = cluster_module.neighbour_pairs(unit, 21, 0.8, engine)
        assert engine._pool, "the blocks ran in this process, not on the workers"
        again = cluster_module.neighbour_pairs(unit[:400], 21, 0.8, engine)  # a new map, new shared vectors
    finally:
        engine.close()
    assert [part.tolist() for part in there] == [part.tolist() for part in here]
    assert [part.tolist() for part in again] == [
        part.tolist() for part in cluster_module.neighbour_pairs(unit[:400], 21, 0.8)
    ]


def _linkage_inputs(seed: int, count: int = 400):
    """Crowded vectors with keys and a story: pieces of many claims, with near-ties for the linkage to order."""
    rng = np.random.default_rng(seed)
    unit = _tied_vectors(seed, count=count)
    names = ["roe", "doe", "poe"]
    keys = [
        ((names[row % 3],), (names[row % 3],) if row % 4 else (), (2000 + row % 2,) if row % 5 == 0 else ())
        for row in range(count)
    ]
    documents = sorted(rng.integers(0, count // 6, size=count).tolist())
    actions = [None if row % 3 else ("vote", "say")[row % 2] for row in range(count)]
    triggers = [(("riot", "vote")[row % 2], *(("strike",) if row % 7 == 0 else ())) for row in range(count)]
    context = cluster_module.CandidateContext(keys=keys, documents=documents, actions=actions, triggers=triggers)
    return unit, keys, context


def _grouping(unit, keys, context, engine=None):
    candidates, also = [], []
    groups = cluster_vectors(unit, 0.6, keys=keys, candidates=candidates, context=context, engine=engine, also=also)
    return groups, candidates, also


@pytest.mark.parametrize("job_pairs", [1, 700, 10**9])
def test_linkage_does_not_depend_on_the_jobs_or_the_threads(job_pairs, monkeypatch):
    # One piece per job, a few per job, all in one: the same clusters, with one BLAS thread (a worker's) too.
    from threadpoolctl import threadpool_limits

    for seed in range(3):
        unit, keys, context = _linkage_inputs(seed)
        expected = _grouping(unit, keys, context)
        assert max(len(group) for group in expected[0]) >= 3, "no piece for the linkage to cut"
        monkeypatch.setattr(cluster_module, "LINKAGE_JOB_PAIRS", job_pairs)
        with threadpool_limits(limits=1):
            assert _grouping(unit, keys, context) == expected, seed
        monkeypatch.undo()


class _LinkageOnWorker:
    """The linkage task, refusing to run in the process that made it (the client)."""

    def __init__(self) -> None:
        self.client = os.getpid()

    def __call__(self, job, models):
        assert os.getpid() != self.client, "a piece was linked on the client"
        return real_link_pieces(job, models)


def test_linkage_on_local_workers_gives_the_same_clusters(monkeypatch):
    from factcheck.config import Settings
    from factcheck.engine import Models, ProcessEngine

    unit, keys, context = _linkage_inputs(5, count=500)
    here = _grouping(unit, keys, context)
    assert any(here[2]), "no claim also in another cluster: the comparison would not see them"
    monkeypatch.setattr(cluster_module, "MIN_PARALLEL_CLAIMS", 1)
    monkeypatch.setattr(cluster_module, "LINKAGE_JOB_PAIRS", 300)  # several jobs per worker
    monkeypatch.setattr(cluster_module, "link_pieces", _LinkageOnWorker())
    engine = ProcessEngine(Models(Settings(use_cache=False)), workers=2)
    try:
        there = _grouping(unit, keys, context, engine)
    finally:
        engine.close()
    assert there == here


def test_document_stories_gives_each_document_the_story_the_stage_groups_it_in():
    # Three documents alike in wording (c 0.25 from a and b): a and b name Kato, c names Roe. The
    # benchmark reads these stories against known event groups, so they must be the stage's own.
    axes = np.eye(3)
    claims, vectors = [], []
    for doc, name, vector in (("a", "Mia Kato", axes[0]), ("b", "Kato", axes[0]), ("c", "Ann Roe", None)):
        for position in range(3):
            claims.append(_claim(doc, position, name=name))
            vectors.append(vector if vector is not None else _turned(axes[0], axes[1], 0.25))
    vectors = _unit(vectors)
    corpus = Corpus(claims=tuple(claims), embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})
    stories = cluster_module.document_stories(corpus)
    assert stories["a"] == stories["b"] != stories["c"]


def _with_events(claim, action, *heads):
    """The claim with an event of ``action`` and one figure attached to each of ``heads`` (a parse's heads)."""
    from factcheck.model import Event, Quantity

    quantities = tuple(
        Quantity(span=claim.span, value=10.0, unit="count", measure="people", head=head) for head in heads
    )
    return claim.model_copy(update={"event": Event(action=action), "quantities": quantities})


def _reported_event_corpus(third_action, *third_heads, story_axis=0, third_text="x", shared="kill"):
    """Documents a and b report one event in one wording (action ``shared``); c, of the same story unless
    ``story_axis`` moves it to another, words its sentence 0.78 from theirs, over the linking threshold,
    with the given action and the words its figures attach to."""
    axes = np.eye(8)
    claims, vectors = [], []
    for doc, axis, event in (("a", 0, axes[1]), ("b", 0, axes[1]), ("c", story_axis, _turned(axes[1], axes[2], 0.78))):
        context, sentence = _story_claims(doc, axes[axis], event)
        claims += context[:-1]
        vectors += sentence[:-1]
        action, heads = (shared, ()) if doc != "c" else (third_action, third_heads)
        claim = _with_events(context[-1], action, *heads)
        claims.append(claim.model_copy(update={"text": third_text}) if doc == "c" else claim)
        vectors.append(sentence[-1])
    vectors = _unit(vectors)
    return Corpus(claims=tuple(claims), embeddings={claim.id: vector for claim, vector in zip(claims, vectors)})


@pytest.mark.parametrize(
    ("action", "heads", "story_axis", "text", "reports"),
    [
        ("shake", ("kill",), 0, "x", True),  # "shook ..., killing 10 people": the quake and the deaths
        ("shake", (), 0, "x", False),  # the quake alone: another event of the story
        ("shake", ("say",), 0, "x", False),  # a reporting verb names no event
        ("shake", ("kill",), 5, "x", False),  # the deaths of another story
        ("shake", (), 0, "Houses shook during the attack", True),  # an event noun of the sentence
        ("shake", (), 0, "Houses shook, and the victims fled", False),  # "victims" names no event
    ],
)
def test_a_sentence_is_also_in_the_cluster_of_each_event_it_reports(action, heads, story_axis, text, reports):
    from factcheck.config import Settings

    shared = "attack" if text != "x" else "kill"  # the event a and b report: a verb as a figure's head, or a noun
    corpus = _reported_event_corpus(action, *heads, story_axis=story_axis, third_text=text, shared=shared)
    result = ClusterStage(Settings(use_cache=False))(corpus)
    killing = result.cluster_of("a#3-4")
    assert killing is not None and killing == result.cluster_of("b#3-4")
    # c's sentence stays out of the cluster's own claims (too far worded), and is in it only as reporting its event.
    assert result.cluster_of("c#3-4") != killing
    assert ("c#3-4" in killing.also) is reports
    assert (killing in result.clusters_of("c#3-4")) is reports
    assert killing.documents == ("a", "b")


def test_claim_triggers_are_the_events_a_claim_names():
    claim = _with_events(_claim("a", 0), "say", "kill", "victim")
    claim = claim.model_copy(
        update={"times": (TimeExpression(span=claim.span, value="2008-06-01", granularity="day", head="earthquake"),)}
    )
    # "said" names no event, nor "the victim, 40"; the killing and the quake do.
    assert cluster_module.claim_triggers(claim) == ("earthquake", "kill")
    # Nouns of the sentence that mainly name something that happens; a name ("Fire Street") is not one.
    worded = claim.model_copy(update={"text": "Fire crews at Fire Street said the shootings left victims"})
    assert cluster_module.claim_triggers(worded) == ("earthquake", "fire", "kill", "shooting")


@pytest.mark.slow
def test_two_reports_of_one_quake_are_one_story_and_a_look_alike_quake_another(tmp_path):
    # Through the real models and the whole pipeline: two reports of one earthquake (one day, one toll,
    # one governor, worded apart) and a report of another earthquake of the same kind.
    import factcheck

    reports = {
        "quake-a.txt": "Quake kills 12 in Varna province\n\nA magnitude 6.1 earthquake struck Varna province on "
        "Tuesday, March 3, 2009, killing 12 people and injuring dozens, officials said. The quake destroyed 40 "
        "houses in the village of Dolno Selo. Rescue teams from the capital searched the rubble through the night. "
        "Governor Petar Ivanov said the province would need help to rebuild.\n",
        "quake-b.txt": "Twelve dead as earthquake hits Varna\n\nTwelve people were killed when an earthquake of "
        "magnitude 6.1 shook Varna province on March 3, 2009. Forty houses collapsed in Dolno Selo, according to "
        "the provincial governor, Petar Ivanov. Rescuers worked overnight to reach people trapped under the "
        "collapsed homes. Ivanov asked the government for emergency funds.\n",
        "quake-c.txt": "Earthquake injures 30 in Ruse\n\nA magnitude 5.2 earthquake shook the Ruse region on "
        "Saturday, June 14, 2011, injuring 30 people, the civil protection agency said. The tremor damaged 200 "
        "buildings in the town of Byala. Mayor Elena Dimova said schools would stay closed while engineers "
        "inspected them. Aftershocks were felt across the region for hours.\n",
    }
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    settings = factcheck.Settings(
        paths=(folder,), cache_dir=tmp_path / "cache", ledger_dir=None, resolutions=None, select=("date-conflict",)
    )
    stories = cluster_module.document_stories(factcheck.run(settings).corpus)
    assert stories["quake-a"] == stories["quake-b"] != stories["quake-c"]
