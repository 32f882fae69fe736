"""Group claims that say the same thing across sources (scikit-learn, cosine distance).

Method: each claim's nearest neighbours (k <= 20, cosine) give a sparse graph of pairs closer
than ``settings.cluster_threshold``; each connected component of that graph is then clustered
by complete-linkage agglomerative clustering with the same distance threshold, so a chain of
loosely related sentences does not collapse into one cluster (on the seeds, average linkage at
0.3 built a 17-claim "U.S.-Japan alliance" topic cluster; complete linkage keeps clusters to one fact). Only neighbour pairs are ever
compared, so cost grows with n*k, not n^2.

Threshold: 0.35 cosine distance (0.65 similarity) for all-MiniLM-L6-v2: paraphrases of one fact
across sources ("In 2012, JAXA's basic law was revised ..." / "In 2012, JAXA's foundational law
was modified ...") sit at 0.2–0.35, sentences that merely share a topic at 0.4–0.6. Singleton claims form
no cluster: a claim without a cluster rests on its own sentence alone.
"""

from __future__ import annotations

import numpy as np

from factcheck.config import Settings
from factcheck.model import Cluster, Corpus

MAX_NEIGHBOURS = 20
DENSE_COMPONENT_LIMIT = 1500  # above this, cluster the component over its sparse neighbour graph
# Complete linkage: every pair in a cluster is within the threshold, so a cluster states one fact,
# not a topic that a chain of loosely related sentences wanders through.
LINKAGE = "complete"


def cluster_vectors(vectors: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of row indices (each of two or more rows), deterministic for a given input."""
    count = len(vectors)
    if count < 2:
        return []
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from sklearn.neighbors import NearestNeighbors

    neighbours = min(MAX_NEIGHBOURS, count - 1) + 1
    index = NearestNeighbors(n_neighbors=neighbours, metric="cosine", algorithm="brute").fit(vectors)
    distances, indices = index.kneighbors(vectors)
    rows = np.repeat(np.arange(count), neighbours)
    cols = indices.ravel()
    keep = (distances.ravel() <= threshold) & (rows != cols)
    graph = coo_matrix((np.ones(int(keep.sum())), (rows[keep], cols[keep])), shape=(count, count)).tocsr()
    graph = ((graph + graph.T) > 0).astype(np.float64)
    _, labels = connected_components(graph, directed=False)

    groups: list[list[int]] = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        if len(members) < 2:
            continue
        for sub in _agglomerate(vectors[members], graph[members][:, members], threshold):
            if len(sub) >= 2:
                groups.append(sorted(int(members[i]) for i in sub))
    return sorted(groups)


def _agglomerate(vectors: np.ndarray, graph, threshold: float) -> list[list[int]]:
    from sklearn.cluster import AgglomerativeClustering

    if len(vectors) == 2:
        return [[0, 1]]
    if len(vectors) <= DENSE_COMPONENT_LIMIT:
        distances = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0)
        model = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage=LINKAGE, distance_threshold=threshold
        )
        labels = model.fit_predict(distances)
    else:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage=LINKAGE, distance_threshold=threshold,
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
        clusters = []
        for number, group in enumerate(cluster_vectors(vectors, self.settings.cluster_threshold), start=1):
            members = [claims[i] for i in group]
            documents = tuple(sorted({claim.doc for claim in members}))
            clusters.append(Cluster(id=f"C{number:04d}", claims=tuple(c.id for c in members), documents=documents))
        return corpus.evolve(clusters=tuple(clusters))
