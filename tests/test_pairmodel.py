"""The learned pair scorer: fitted weights reproduce scikit-learn's probabilities over raw features, survive a
round trip through the shipped JSON, and refuse a feature table that lacks a feature."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from factcheck.nlp.pairmodel import PairModel, fit_model, save_model


def _pairs(count: int = 400) -> tuple[dict[str, np.ndarray], np.ndarray]:
    generator = np.random.default_rng(7)
    similarity = generator.uniform(0.0, 1.0, count)
    shared_words = generator.integers(0, 12, count).astype(float)
    labels = (similarity * 10 + shared_words + generator.normal(0, 1.5, count) > 9).astype(int)
    return {"similarity": similarity, "shared_words": shared_words}, labels


def test_folded_scaling_gives_the_probabilities_of_the_standardised_fit():
    table, labels = _pairs()
    model = fit_model("same-fact", table, labels, balanced=False)
    columns = np.column_stack([table["similarity"], table["shared_words"]])
    centre, scale = columns.mean(axis=0), columns.std(axis=0)
    reference = LogisticRegression(max_iter=1000).fit((columns - centre) / scale, labels)
    expected = reference.predict_proba((columns - centre) / scale)[:, 1]
    assert np.allclose(model.probabilities(table), expected, atol=1e-6)
    # Both measures point the same way, so both weights are positive.
    assert all(weight > 0 for weight in model.weights)


def test_a_model_separates_the_pairs_it_was_fitted_on():
    table, labels = _pairs()
    model = fit_model("same-fact", table, labels)
    accepted = model.probabilities(table) >= model.threshold
    assert (accepted == labels.astype(bool)).mean() > 0.85
    assert model.accepts(similarity=0.95, shared_words=10)
    assert not model.accepts(similarity=0.05, shared_words=0)


def test_fitting_twice_gives_the_same_model():
    table, labels = _pairs()
    assert fit_model("m", table, labels) == fit_model("m", table, labels)


def test_the_json_round_trip_keeps_every_weight(tmp_path):
    table, labels = _pairs()
    model = fit_model("same-fact", table, labels, threshold=0.6, trained_on="synthetic pairs")
    path = tmp_path / "same-fact.json"
    save_model(model, path)
    again = PairModel.from_json(path.read_text(encoding="utf-8"))
    assert again == model
    assert again.probability(similarity=0.5, shared_words=4) == model.probability(similarity=0.5, shared_words=4)


def test_a_missing_feature_is_named():
    model = PairModel(name="m", features=("a", "b"), weights=(1.0, 2.0), bias=0.0, threshold=0.5)
    with pytest.raises(KeyError, match="'b'"):
        model.probabilities({"a": [1.0]})


def test_weights_must_match_features():
    with pytest.raises(ValueError, match="2 features but 1 weights"):
        PairModel(name="m", features=("a", "b"), weights=(1.0,), bias=0.0, threshold=0.5)
