"""Group claims that say the same thing across sources (scikit-learn, cosine distance).

Method: each claim's nearest neighbours (k <= 20, cosine) give a sparse graph of pairs closer
than ``settings.cluster_threshold``; each connected component of that graph is then clustered
by complete-linkage agglomerative clustering with the same distance threshold, so a chain of
loosely related sentences does not collapse into one cluster (on the seeds, average linkage at
0.3 built a 17-claim "U.S.-Japan alliance" topic cluster; complete linkage keeps clusters to one fact). The neighbour search is
brute force over row chunks (n^2 dot products, never an n x n matrix: memory is 512 x n floats;
about a second for 12,000 claims); everything after it sees only the n*k neighbour pairs, and
complete linkage holds a dense matrix for one component at a time.

Threshold: 0.35 cosine distance (0.65 similarity) for all-MiniLM-L6-v2: paraphrases of one fact
across sources ("In 2012, JAXA's basic law was revised ..." / "In 2012, JAXA's foundational law
was modified ...") sit at 0.2–0.35, sentences that merely share a topic at 0.4–0.6. Singleton claims form
no cluster: a claim without a cluster rests on its own sentence alone.

The grouping is cached (SQLite, keyed by the vectors, threshold and scikit-learn version), so a
warm run on unchanged documents imports neither scikit-learn nor scipy.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata

import numpy as np

from factcheck.cache import open_cache
from factcheck.config import Settings
from factcheck.model import Cluster, Corpus

MAX_NEIGHBOURS = 20
DENSE_COMPONENT_LIMIT = 1500  # above this, cluster the component over its sparse neighbour graph
# Complete linkage: every pair in a cluster is within the threshold, so a cluster states one fact,
# not a topic that a chain of loosely related sentences wanders through.
LINKAGE = "complete"


def cluster_vectors(vectors: np.ndarray, threshold: float, stats: dict | None = None) -> list[list[int]]:
    """Groups of row indices (each of two or more rows), deterministic for a given input.

    Neighbours come from a chunked brute-force search (what ``NearestNeighbors(metric="cosine",
    algorithm="brute")`` computes, without holding an n x n matrix); each connected component of
    the neighbour graph is then clustered by scikit-learn's ``AgglomerativeClustering``.
    ``stats``, when given, receives the number of neighbour pairs compared ("knn_pairs").
    """
    count = len(vectors)
    if count < 2:
        return []
    neighbours = min(MAX_NEIGHBOURS, count - 1) + 1
    rows, cols = _neighbour_pairs(np.asarray(vectors, dtype=np.float32), neighbours, threshold)
    if stats is not None:
        stats["knn_pairs"] = count * neighbours
    labels = _components(count, rows, cols)

    groups: list[list[int]] = []
    order = np.argsort(labels, kind="stable")
    boundaries = np.flatnonzero(np.diff(labels[order])) + 1
    for members in np.split(order, boundaries):
        if len(members) < 2:
            continue
        members = np.sort(members)
        for sub in _agglomerate(vectors[members], members, rows, cols, threshold):
            if len(sub) >= 2:
                groups.append(sorted(int(members[i]) for i in sub))
    return sorted(groups)


# Rows of the cosine-distance matrix computed at once: bounds memory at CHUNK_ROWS x n floats.
CHUNK_ROWS = 512


def _neighbour_pairs(vectors: np.ndarray, neighbours: int, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """(row, col) pairs, row != col, where col is among row's ``neighbours`` nearest within ``threshold``.

    Brute force in row chunks, as scikit-learn's brute kneighbors does it (re-normalised rows,
    1 - dot, clipped to [0, 2], argpartition): no n x n matrix is ever held.
    """
    norms = np.sqrt(np.einsum("ij,ij->i", vectors, vectors))
    norms[norms == 0.0] = 1.0
    unit = vectors / norms[:, np.newaxis]
    all_rows: list[np.ndarray] = []
    all_cols: list[np.ndarray] = []
    for start in range(0, len(unit), CHUNK_ROWS):
        distances = unit[start : start + CHUNK_ROWS] @ unit.T
        distances *= -1
        distances += 1
        np.clip(distances, 0, 2, out=distances)
        within = distances <= threshold
        # A row with at most `neighbours` entries within the threshold keeps all of them, whatever
        # the order of the rest: only crowded rows need the (costly) partial sort.
        crowded = np.flatnonzero(within.sum(axis=1) > neighbours)
        sparse_rows, sparse_cols = np.nonzero(within)
        if len(crowded):
            keep_sparse = ~np.isin(sparse_rows, crowded)
            sparse_rows, sparse_cols = sparse_rows[keep_sparse], sparse_cols[keep_sparse]
            nearest = np.argpartition(distances[crowded], neighbours - 1, axis=1)[:, :neighbours]
            nearest_distances = np.take_along_axis(distances[crowded], nearest, axis=1)
            crowded_rows = np.repeat(crowded, neighbours)
            crowded_cols = nearest.ravel()
            keep_crowded = nearest_distances.ravel() <= threshold
            sparse_rows = np.concatenate([sparse_rows, crowded_rows[keep_crowded]])
            sparse_cols = np.concatenate([sparse_cols, crowded_cols[keep_crowded]])
        rows = sparse_rows + start
        keep = rows != sparse_cols
        all_rows.append(rows[keep])
        all_cols.append(sparse_cols[keep])
    return np.concatenate(all_rows), np.concatenate(all_cols)


def _components(count: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Connected-component label of each node of the undirected neighbour graph."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(count, count))
    return connected_components(graph, directed=False, connection="weak")[1]


def _agglomerate(
    vectors: np.ndarray, members: np.ndarray, rows: np.ndarray, cols: np.ndarray, threshold: float
) -> list[list[int]]:
    if len(vectors) == 2:
        return [[0, 1]]
    from sklearn.cluster import AgglomerativeClustering

    if len(vectors) <= DENSE_COMPONENT_LIMIT:
        distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0)
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage=LINKAGE, distance_threshold=threshold
        )
        labels = model.fit_predict(distances)
        return [list(np.flatnonzero(labels == label)) for label in np.unique(labels)]
    # A huge component (never seen on the seeds or 1,000 BBC articles): connectivity-constrained
    # complete linkage over the sparse neighbour graph, so no dense matrix of the component.
    from scipy.sparse import coo_matrix

    position = {int(member): index for index, member in enumerate(members)}
    local = [(position[r], position[c]) for r, c in zip(rows.tolist(), cols.tolist()) if r in position]
    size = len(members)
    graph = coo_matrix(
        (np.ones(len(local)), ([r for r, _ in local], [c for _, c in local])), shape=(size, size)
    ).tocsr()
    graph = ((graph + graph.T) > 0).astype(np.float64)
    model = AgglomerativeClustering(
        n_clusters=None,
        metric="cosine",
        linkage=LINKAGE,
        distance_threshold=threshold,
        connectivity=graph,
    )
    labels = model.fit_predict(vectors)
    return [list(np.flatnonzero(labels == label)) for label in np.unique(labels)]


class ClusterStage:
    """Adds clusters of two or more claims, ordered by their first claim; ids C0001, C0002, ..."""

    name = "cluster"
    requires = ("claims", "embeddings")
    assigns = ("clusters",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, corpus: Corpus) -> Corpus:
        claims = [claim for claim in corpus.claims if claim.id in corpus.embeddings]
        if len(claims) < 2:
            return corpus.evolve(clusters=())
        vectors = np.vstack([corpus.embeddings[claim.id] for claim in claims]).astype(np.float32)
        groups, stats = self._groups(vectors)
        clusters = []
        for number, group in enumerate(groups, start=1):
            members = [claims[i] for i in group]
            documents = tuple(sorted({claim.doc for claim in members}))
            clusters.append(Cluster(id=f"C{number:04d}", claims=tuple(c.id for c in members), documents=documents))
        # Pairs compared, by step: grows with n*k here, never n^2 (benchmarks/pipeline.py prints it).
        pairs = {**corpus.extras.get("candidate_pairs", {}), "cluster": stats.get("knn_pairs", 0)}
        return corpus.evolve(clusters=tuple(clusters), extras={**corpus.extras, "candidate_pairs": pairs})

    def _groups(self, vectors: np.ndarray) -> tuple[list[list[int]], dict[str, int]]:
        """``cluster_vectors`` through the cache: the same vectors and threshold give the same groups."""
        cache = open_cache(self.settings)
        key = _cache_key(vectors, self.settings.cluster_threshold)
        cached = cache.get_blob(CACHE_NAMESPACE, key) if cache else None
        if cached is not None:
            data = json.loads(cached)
            groups, stats = data["groups"], data["stats"]
        else:
            stats: dict[str, int] = {}
            groups = cluster_vectors(vectors, self.settings.cluster_threshold, stats)
            if cache:
                cache.put_blob(CACHE_NAMESPACE, key, json.dumps({"groups": groups, "stats": stats}))
        if cache:
            cache.close()
        return groups, stats


CACHE_NAMESPACE = "clusters"


def _cache_key(vectors: np.ndarray, threshold: float) -> str:
    try:
        library = metadata.version("scikit-learn")
    except metadata.PackageNotFoundError:
        library = "missing"
    digest = hashlib.sha256(f"{threshold}|{LINKAGE}|{MAX_NEIGHBOURS}|{DENSE_COMPONENT_LIMIT}|{library}".encode())
    digest.update(np.ascontiguousarray(vectors, dtype=np.float32).tobytes())
    return digest.hexdigest()
