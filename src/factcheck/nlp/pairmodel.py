"""Small learned scorers for pairs: two documents of one story, two claims of one event, two slots of one fact.

Hand-set floors over two or three measures (vector similarity >= a, shared words >= b) decide most pairs
well and the rest badly; which measures matter, and how much, is better learned from pairs whose answer is
known. A `PairModel` is a logistic regression over a handful of named features, fitted offline by a script in
`benchmarks/` on the development part of the ECB+ corpus (several outlets per real event, with gold event
chains) and shipped as JSON in `factcheck/models/`. At run time it is a dot product: no scikit-learn, no
randomness, the same score for the same features on every machine.

Features are standardised when fitting and the scaling is folded into the weights, so a model file holds
plain weights over raw feature values, readable beside the feature names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from factcheck.fileio import write_atomic

MODELS_PACKAGE = "factcheck.models"


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over named pair features, with the decision threshold chosen for it."""

    name: str
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    trained_on: str = ""

    def __post_init__(self) -> None:
        if len(self.features) != len(self.weights):
            raise ValueError(f"pair model {self.name!r}: {len(self.features)} features but {len(self.weights)} weights")

    def probabilities(self, table: Mapping[str, np.ndarray | Sequence[float]]) -> np.ndarray:
        """The probability of each row of ``table`` (one array per feature name, equal lengths)."""
        missing = [name for name in self.features if name not in table]
        if missing:
            raise KeyError(f"pair model {self.name!r} needs features {missing}")
        columns = np.column_stack([np.asarray(table[name], dtype=np.float64) for name in self.features])
        logits = columns @ np.asarray(self.weights, dtype=np.float64) + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def probability(self, **features: float) -> float:
        """The probability of one pair, its features given by name."""
        return float(self.probabilities({name: [value] for name, value in features.items()})[0])

    def accepts(self, **features: float) -> bool:
        return self.probability(**features) >= self.threshold

    def to_json(self) -> str:
        payload = {
            "name": self.name,
            "trained_on": self.trained_on,
            "threshold": self.threshold,
            "bias": self.bias,
            "weights": dict(zip(self.features, self.weights, strict=True)),
        }
        return json.dumps(payload, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> PairModel:
        payload = json.loads(text)
        weights: dict[str, float] = payload["weights"]
        return cls(
            name=payload["name"],
            features=tuple(weights),
            weights=tuple(float(value) for value in weights.values()),
            bias=float(payload["bias"]),
            threshold=float(payload["threshold"]),
            trained_on=payload.get("trained_on", ""),
        )


@cache
def load_model(name: str) -> PairModel:
    """The shipped model ``factcheck/models/NAME.json``."""
    text = resources.files(MODELS_PACKAGE).joinpath(f"{name}.json").read_text(encoding="utf-8")
    return PairModel.from_json(text)


def save_model(model: PairModel, path: Path | str) -> None:
    write_atomic(path, model.to_json())


def fit_model(
    name: str,
    table: Mapping[str, np.ndarray | Sequence[float]],
    labels: np.ndarray | Sequence[int],
    *,
    threshold: float = 0.5,
    trained_on: str = "",
    regularisation: float = 1.0,
    balanced: bool = True,
) -> PairModel:
    """Fit a `PairModel` on ``table`` (one array per feature) against 0/1 ``labels`` (for the training scripts).

    Deterministic: L2-regularised logistic regression solved by L-BFGS from zero. ``regularisation`` is
    scikit-learn's ``C`` on standardised features; ``balanced`` weighs the two classes equally.
    """
    from sklearn.linear_model import LogisticRegression

    features = tuple(table)
    columns = np.column_stack([np.asarray(table[feature], dtype=np.float64) for feature in features])
    centre = columns.mean(axis=0)
    scale = columns.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = LogisticRegression(
        C=regularisation, class_weight="balanced" if balanced else None, max_iter=1000, solver="lbfgs"
    ).fit((columns - centre) / scale, np.asarray(labels))
    weights = fitted.coef_[0] / scale
    bias = float(fitted.intercept_[0] - np.dot(weights, centre))
    return PairModel(
        name=name,
        features=features,
        weights=tuple(float(w) for w in weights),
        bias=bias,
        threshold=threshold,
        trained_on=trained_on,
    )
