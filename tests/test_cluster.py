"""Clustering: paraphrases group, unrelated claims don't, output is deterministic."""

import numpy as np

from factcheck.stages.cluster import cluster_vectors


def _unit(vectors):
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_near_vectors_cluster_and_far_ones_stay_apart():
    rng = np.random.default_rng(0)
    centre_a, centre_b = rng.normal(size=32), rng.normal(size=32)
    vectors = _unit([centre_a + rng.normal(scale=0.05, size=32) for _ in range(3)]
                    + [centre_b + rng.normal(scale=0.05, size=32) for _ in range(2)]
                    + [rng.normal(size=32)])
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
