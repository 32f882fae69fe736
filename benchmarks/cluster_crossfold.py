"""Cross-fold figures of the clustering: what its fitted pieces score on a half of dev they were not fitted on.

The clustering has pieces chosen on the ECB+ development part: the same-story model
(``factcheck/models/same-story.json``, fitted by ``fit_story_model.py``), the linking threshold
(``settings.cluster_threshold``) and the distance up to which a claim is also listed with another cluster
(``cluster.ALSO_DISTANCE``). The benchmark's dev figure reads them on the text they were fitted on. This
script runs each half of dev (``conflicts.fold_of``) as its own corpus, as the benchmark runs a part, and
scores it three ways:

- ``shipped``: the shipped model and settings (in-sample: they were fitted on all of dev);
- ``model cross``: the same-story model refitted on the other half only, settings as shipped;
- ``all cross``: that model, and the threshold and also-distance that score best on the other half
  (``THRESHOLDS`` x ``ALSO_DISTANCES``), so nothing this half scores was chosen on it.

Beside the pairwise P/R/F1 it prints the F1 of each topic's pairs (the pairs of two sentences of one topic):
their mean and lowest value. A part of a few topics scores what its topics score, and dev's topics range
widely, so the spread says how far a part of other topics can land from dev's figure without any fitting.

What splitting a story into its events gave on dev (session 17, each half as its own corpus, fitted or chosen on
one half and scored on the other; shipped: F1 .733 half a, .721 half b). Both halves score at their ceiling of one
cluster per event group (.729 / .737), while a perfect partition by each sentence's most reported chain would score
.828 / .936: the room is in telling a story's events apart, and none of these found it on both halves:

- a claim-pair model (logistic regression on pairs of one story, positive when the sentences share a chain) over
  the cosine, one document, echo (how closely the story's other documents repeat the claim), place in the
  document, shared or clashing persons, places, years, days and figures, shared event words and action: cross-fold
  AUC .665 / .707, below the cosine's own .737 / .735; cosine + shared event words + one action: .739 / .757, and
  linkage over 1 - p scores .723 / .732 (threshold 0.6): the same as shipped;
- a claim model of "reports the story's most reported event" (echo, closeness to the story's leads, place, event
  words' spread): AUC .669 / .764, and its "main event" cluster per story scores below shipped on both halves;
- the also lists (``cluster.ALSO_DISTANCE``): at most 1 / 2 / 3 clusters per claim, 0.8 / 1.0, an event named
  three times, event words matched by WordNet sense: all within .01 of shipped, or lower;
- story-relative thresholds, shared-nearest-neighbour distances (k 10, 0.6: .749 on half a, .602 on half b),
  tight clusters with (story, event word) labels (precision .80 at recall .69 on half a, F1 .74; .69 on half b).

The ECB+ lemma baseline (one event word within a topic) scores P .57 R .40 F1 .47 / P .50 R .29 F1 .37
(``conflicts.py`` prints it). The pairwise signal within a story is weak next to what the gold rewards: a sentence
shares one of its 2.6-2.8 chains with most of its story, so a split costs recall as fast as it buys precision.

    python benchmarks/cluster_crossfold.py --cache-dir /work/cache-dev
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from contextlib import ExitStack
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import conflicts  # noqa: E402
import fit_story_model  # noqa: E402

from factcheck.nlp.pairmodel import PairModel, load_model  # noqa: E402

THRESHOLDS = (0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
ALSO_DISTANCES = (0.7, 0.8, 0.9, 1.0)


def fold_corpus(runner: conflicts.Runner, work: Path, articles: list[conflicts.Article]):
    """One half of dev run as its own corpus (the benchmark's clustering run, on fewer articles)."""
    return runner.run([conflicts.article_path(work, article) for article in articles]).corpus


def story_table(corpus, articles: list[conflicts.Article]) -> dict[str, np.ndarray]:
    """The same-story features of every two documents of ``corpus`` within the story reach, with labels."""
    from factcheck.stages import cluster

    claims = [claim for claim in corpus.claims if claim.id in corpus.embeddings]
    vectors, keys, context = cluster._inputs(corpus, claims)
    story_keys = cluster.StoryKeys.of(cluster._unit(vectors), context, keys)
    documents = list(dict.fromkeys(claim.doc for claim in claims))
    group = {article.id: article.group for article in articles}
    features = cluster.story_features(story_keys, range(len(documents)))
    low, high = np.triu_indices(len(documents), 1)
    within = features["centre_distance"] <= cluster.STORY_REACH
    groups = np.array([group[doc] for doc in documents])
    table = {name: values[within] for name, values in features.items()}
    table["label"] = (groups[low] == groups[high])[within].astype(np.int64)
    return table


def fitted_story_model(table: dict[str, np.ndarray], trained_on: str) -> PairModel:
    shipped = load_model("same-story")
    rows = np.ones(len(table["label"]), dtype=bool)
    model = fit_story_model.fit(table, rows, shipped.features, trained_on)
    return PairModel(model.name, model.features, model.weights, model.bias, shipped.threshold, trained_on)


def cluster_with(corpus, story_model: PairModel | None, threshold: float, also_distance: float):
    """``corpus`` re-clustered (no cache) with this story model, linking threshold and also-distance."""
    import factcheck
    from factcheck.stages import cluster

    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(cluster, "ALSO_DISTANCE", also_distance))
        if story_model is not None:
            stack.enter_context(mock.patch.object(cluster, "load_model", lambda name: story_model))
        settings = factcheck.Settings(paths=(), use_cache=False, cluster_threshold=threshold)
        return cluster.ClusterStage(settings)(corpus.evolve(clusters=(), same_fact=()))


def scores(clustered, articles: list[conflicts.Article], sentences: list[conflicts.Sentence]) -> dict[str, float]:
    """The benchmark's clustering scores, with the mean and lowest F1 over the topics' own pairs."""
    result = conflicts.clustering_scores(SimpleNamespace(corpus=clustered), articles, sentences)
    topic = {article.id: article.topic for article in articles}
    annotated = [sentence for sentence in sentences if sentence.article in topic]
    claims_by_doc = defaultdict(list)
    for claim in clustered.claims:
        claims_by_doc[claim.doc].append(claim)
    labels = [
        {
            cluster.id
            for claim in claims_by_doc[sentence.article]
            if claim.span.start < sentence.end and sentence.start < claim.span.end
            for cluster in clustered.clusters_of(claim.id)
        }
        for sentence in annotated
    ]
    counts: dict[int, np.ndarray] = defaultdict(lambda: np.zeros(3))  # gold, predicted, both
    for (i, left), (j, right) in combinations(enumerate(annotated), 2):
        if left.article == right.article or topic[left.article] != topic[right.article]:
            continue
        gold, predicted = bool(left.chains & right.chains), bool(labels[i] & labels[j])
        counts[topic[left.article]] += (gold, predicted, gold and predicted)
    f1s = [2 * both / (gold + predicted) if gold + predicted else 0.0 for gold, predicted, both in counts.values()]
    return {**result, "topic_f1_mean": float(np.mean(f1s)), "topic_f1_min": float(min(f1s))}


def line(label: str, figures: dict[str, float]) -> str:
    return (
        f"  {label:44s} P {figures['precision']:.3f}  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}"
        f"   topics: mean {figures['topic_f1_mean']:.3f}, lowest {figures['topic_f1_min']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache-dir", type=Path, required=True, help="the pipeline's cache for the dev articles")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from factcheck.config import Settings
    from factcheck.stages import cluster

    articles, sentences = conflicts.read_corpus(conflicts.CORPUS)
    dev = sorted((a for a in articles if conflicts.part_of(a.topic) == "dev"), key=lambda a: a.id)
    halves = {half: [a for a in dev if conflicts.fold_of(a.topic) == half] for half in ("a", "b")}
    work = args.cache_dir / "work"
    runner = conflicts.Runner(work, args.cache_dir, ("garbled-wording", "divergence"))
    corpora = {half: fold_corpus(runner, work, chosen) for half, chosen in halves.items()}
    models = {
        half: fitted_story_model(story_table(corpora[half], halves[half]), f"ECB+ dev fold {half}") for half in halves
    }
    shipped_threshold, shipped_also = Settings().cluster_threshold, cluster.ALSO_DISTANCE
    for test, train in (("a", "b"), ("b", "a")):
        chosen = halves[test]
        print(f"half {test} ({len(chosen)} articles), fitted on half {train} for the cross-fold lines:")
        shipped = scores(cluster_with(corpora[test], None, shipped_threshold, shipped_also), chosen, sentences)
        print(line(f"shipped (threshold {shipped_threshold}, also {shipped_also})", shipped))
        model_cross = cluster_with(corpora[test], models[train], shipped_threshold, shipped_also)
        print(line("model cross", scores(model_cross, chosen, sentences)))
        # The settings that score best on the other half, with the other half's model.
        best = max(
            ((threshold, also) for threshold in THRESHOLDS for also in ALSO_DISTANCES),
            key=lambda setting: conflicts.clustering_scores(
                SimpleNamespace(corpus=cluster_with(corpora[train], models[train], *setting)), halves[train], sentences
            )["f1"],
        )
        all_cross = cluster_with(corpora[test], models[train], *best)
        print(line(f"all cross (threshold {best[0]}, also {best[1]})", scores(all_cross, chosen, sentences)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
