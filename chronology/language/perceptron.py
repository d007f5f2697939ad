"""An averaged perceptron over sparse string features: the learner behind the tagger and the event models.

Training is deterministic: examples are visited in an order drawn from a seeded generator, ties between
classes go to the class listed first, and the saved weights are sorted and rounded. Weights are stored per
feature as (class index, weight) pairs, so scoring a token costs one dictionary lookup per feature.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

# Decimal places kept in saved weights: enough to keep every prediction of the trained model.
_PRECISION = 4


class Perceptron:
    """A multi-class averaged perceptron. `classes` fixes the class order (and so the tie-breaking)."""

    def __init__(
        self,
        classes: Sequence[str],
        weights: dict[str, tuple[tuple[int, float], ...]] | None = None,
        meta: dict[str, object] | None = None,
    ):
        self.classes: tuple[str, ...] = tuple(classes)
        self.weights: dict[str, tuple[tuple[int, float], ...]] = weights or {}
        # What the model's user saved beside the weights (a tag dictionary, the training figures).
        self.meta: dict[str, object] = meta or {}

    def scores(self, features: Iterable[str]) -> list[float]:
        totals = [0.0] * len(self.classes)
        weights = self.weights
        for feature in features:
            row = weights.get(feature)
            if row is not None:
                for index, weight in row:
                    totals[index] += weight
        return totals

    def predict(self, features: Iterable[str]) -> str:
        totals = self.scores(features)
        return self.classes[max(range(len(totals)), key=totals.__getitem__)]

    def save(self, path: Path, meta: dict[str, object] | None = None) -> None:
        payload = {
            "classes": list(self.classes),
            "meta": meta or {},
            "weights": {feature: [[i, w] for i, w in row] for feature, row in sorted(self.weights.items())},
        }
        data = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
        # mtime=0 keeps the file byte-identical across training runs.
        path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))

    @classmethod
    def load(cls, name: str) -> Perceptron:
        """A model shipped in chronology/language/data/ (by file name)."""
        raw = resources.files("chronology.language").joinpath("data", name).read_bytes()
        payload = json.loads(gzip.decompress(raw))
        # JSON gives ints and floats already; the rows only become tuples (immutable, and smaller in memory).
        weights = {feature: tuple(map(tuple, row)) for feature, row in payload["weights"].items()}
        return cls(payload["classes"], weights, payload["meta"])


class Trainer:
    """Learns a Perceptron; weights are averaged over every update step (the lazy-update trick)."""

    def __init__(self, classes: Sequence[str]) -> None:
        self.classes = tuple(classes)
        self.index = {name: i for i, name in enumerate(self.classes)}
        self._weights: dict[str, dict[int, float]] = {}
        self._totals: dict[tuple[str, int], float] = {}
        self._stamps: dict[tuple[str, int], int] = {}
        self.steps = 0

    def scores(self, features: Sequence[str]) -> list[float]:
        totals = [0.0] * len(self.classes)
        for feature in features:
            row = self._weights.get(feature)
            if row:
                for index, weight in row.items():
                    totals[index] += weight
        return totals

    def predict(self, features: Sequence[str]) -> str:
        totals = self.scores(features)
        return self.classes[max(range(len(totals)), key=totals.__getitem__)]

    def update(self, truth: str, guess: str, features: Sequence[str]) -> None:
        self.steps += 1
        if truth == guess:
            return
        for feature in features:
            row = self._weights.setdefault(feature, {})
            for cls, delta in ((self.index[truth], 1.0), (self.index[guess], -1.0)):
                key = (feature, cls)
                current = row.get(cls, 0.0)
                self._totals[key] = self._totals.get(key, 0.0) + (self.steps - self._stamps.get(key, 0)) * current
                self._stamps[key] = self.steps
                row[cls] = current + delta

    def averaged(self, min_weight: float = 10 ** -_PRECISION) -> Perceptron:
        """The averaged model; weights smaller than `min_weight` in magnitude are dropped (they change nothing
        but the file size)."""
        weights: dict[str, tuple[tuple[int, float], ...]] = {}
        for feature, row in self._weights.items():
            kept: list[tuple[int, float]] = []
            for cls, current in sorted(row.items()):
                key = (feature, cls)
                total = self._totals.get(key, 0.0) + (self.steps - self._stamps.get(key, 0)) * current
                average = round(total / max(self.steps, 1), _PRECISION)
                if abs(average) >= min_weight:
                    kept.append((cls, average))
            if kept:
                weights[feature] = tuple(kept)
        return Perceptron(self.classes, weights)


def shuffled(items: Sequence[object], seed: int, epoch: int) -> list[int]:
    """A deterministic visiting order of `items` for one training epoch."""
    order = list(range(len(items)))
    random.Random(seed * 1000 + epoch).shuffle(order)
    return order
