"""An averaged perceptron over sparse string features: the learner behind the tagger and the event models.

Training is deterministic: examples are visited in an order drawn from a seeded generator, ties between
classes go to the class listed first, and the saved weights are sorted and rounded. A trained model
(`Perceptron`) keeps its weights per feature as (class index, weight) pairs; a shipped one is loaded as a
`Compact` model: the same weights as integers (scaled by 10**4, exact since they have four decimals) in numpy
arrays, which loads in a fraction of the time and memory of the Python tuples.

The file format (`Compact.to_bytes`), gzip-compressed with mtime 0 so that two saves are byte-identical:
one line of JSON (format, classes, meta, scale, the numbers of features and weights, the names' length in bytes),
then the feature names, sorted and newline-joined in UTF-8, then three little-endian arrays: per feature its
number of weights ('<u2'), per weight its class ('<u1', or '<u2' past 256 classes) and its value times 10**4
('<i4'), features in name order and each feature's weights in class order.
"""

from __future__ import annotations

import gzip
import io
import json
import random
from array import array
from collections.abc import Iterable, Sequence
from functools import cached_property
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path
from typing import Any, Final, Protocol

import numpy as np
import numpy.typing as npt

# Decimal places kept in saved weights: enough to keep every prediction of the trained model.
_PRECISION = 4
# Saved weights are integers: the rounded weight times SCALE.
SCALE: Final = 10**_PRECISION
FORMAT: Final = "chronology.perceptron/1"
_COUNT: Final = "<u2"
_WEIGHT: Final = "<i4"

Row = tuple[tuple[int, float], ...]
# Integer arrays: int32 from a trained model, the file's own types (little-endian) from a loaded one.
IntArray = npt.NDArray[Any]


class Model(Protocol):
    """What the taggers, the parser and the event labeller ask of a model, trained (`Perceptron`) or loaded
    (`Compact`). Scores are in the model's own units (a compact model's are integers, weights times SCALE): only
    their order means anything, and the first best class wins a tie."""

    @property
    def classes(self) -> tuple[str, ...]: ...

    @property
    def meta(self) -> dict[str, object]: ...

    def __len__(self) -> int: ...

    def scores(self, features: Iterable[str]) -> list[float]: ...

    def predict(self, features: Iterable[str]) -> str: ...

    def row(self, feature: str) -> Row:
        """The feature's weights as (class index, weight) pairs; () for an unknown feature."""
        ...

    def compact(self) -> Compact: ...

    def save(self, path: Path, meta: dict[str, object] | None = None) -> None: ...


class Perceptron:
    """A multi-class averaged perceptron as training makes it. `classes` fixes the class order (and so the
    tie-breaking)."""

    def __init__(
        self,
        classes: Sequence[str],
        weights: dict[str, Row] | None = None,
        meta: dict[str, object] | None = None,
    ):
        self.classes: tuple[str, ...] = tuple(classes)
        self.weights: dict[str, Row] = weights or {}
        # What the model's user saved beside the weights (a tag dictionary, the training figures).
        self.meta: dict[str, object] = meta or {}

    def __len__(self) -> int:
        return len(self.weights)

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

    def row(self, feature: str) -> Row:
        return self.weights.get(feature, ())

    def compact(self) -> Compact:
        """The same model with integer weights (each rounded to four decimals, times SCALE) in arrays."""
        names = sorted(self.weights)
        if any("\n" in name for name in names):
            raise ValueError("a feature name holds a newline")
        rows = [sorted(self.weights[name]) for name in names]
        counts = np.array([len(row) for row in rows], dtype=np.int32)
        columns = np.array([index for row in rows for index, _ in row], dtype=np.int32)
        values = np.array([round(weight * SCALE) for row in rows for _, weight in row], dtype=np.int64)
        if len(values) and np.abs(values).max() > np.iinfo(np.int32).max:
            raise ValueError("a weight is too large to keep")
        text = "\n".join(names).encode("utf-8")
        return Compact(self.classes, text, counts, columns, values.astype(np.int32), self.meta)

    def save(self, path: Path, meta: dict[str, object] | None = None) -> None:
        """Writes the model in the compact format, with `meta` (not the model's own) beside the weights."""
        self.compact().save(path, meta)


class Compact:
    """A model as shipped: its feature names, sorted and newline-joined in UTF-8 (`text`), and per feature its
    weights (class and value times SCALE) in numpy integer arrays. The feature index and the dense matrix that
    `scores` reads are built on first use, so the parser, which compiles the arrays into its own tables, never
    pays for them."""

    def __init__(
        self,
        classes: Sequence[str],
        text: bytes,
        counts: IntArray,
        columns: IntArray,
        values: IntArray,
        meta: dict[str, object] | None = None,
    ) -> None:
        self.classes: tuple[str, ...] = tuple(classes)
        self.text = text
        self.counts = counts  # per feature: how many weights it has
        self.columns = columns  # per weight: its class index
        self.values = values  # per weight: its value times SCALE
        self.meta: dict[str, object] = meta or {}
        named = text.count(b"\n") + 1 if text or len(counts) else 0
        if named != len(counts):
            raise ValueError("the feature names do not match the weight arrays")
        if len(counts) and counts.min() < 0:
            raise ValueError("a feature has a negative number of weights")
        if len(columns) != len(values) or int(counts.sum(dtype=np.int64)) != len(values):
            raise ValueError("the weight arrays do not match")
        if len(columns) and (columns.min() < 0 or columns.max() >= len(self.classes)):
            raise ValueError("a weight names a class the model does not have")

    def __len__(self) -> int:
        return len(self.counts)

    @property
    def names(self) -> list[str]:
        """The feature names, in order (built on each call)."""
        return self.text.decode("utf-8").split("\n") if len(self.counts) else []

    @cached_property
    def starts(self) -> npt.NDArray[np.int64]:
        """Where each feature's weights start in `columns` and `values` (one more at the end: their count)."""
        starts = np.zeros(len(self.counts) + 1, dtype=np.int64)
        np.cumsum(self.counts, out=starts[1:])
        return starts

    @cached_property
    def index(self) -> dict[str, int]:
        """Each feature's index by its name."""
        return {name: position for position, name in enumerate(self.names)}

    @cached_property
    def matrix(self) -> npt.NDArray[np.int32]:
        """The weights as a dense (feature, class) matrix, with one more row of zeros at the end (`absent`)."""
        matrix = np.zeros((len(self.counts) + 1, len(self.classes)), dtype=np.int32)
        matrix[np.repeat(np.arange(len(self.counts)), self.counts), self.columns] = self.values
        return matrix

    @property
    def absent(self) -> int:
        """The row of `matrix` that stands for a feature the model does not have: zeros."""
        return len(self.counts)

    def scores(self, features: Iterable[str]) -> list[float]:
        """Per class, the sum of the features' weights times SCALE (exact integers)."""
        index = self.index
        rows = [row for row in map(index.get, features) if row is not None]
        # numpy sums the int32 rows in int64; tolist() gives Python ints.
        totals: list[float] = np.add.reduce(self.matrix.take(rows, axis=0), axis=0).tolist()
        return totals

    def predict(self, features: Iterable[str]) -> str:
        totals = self.scores(features)
        return self.classes[totals.index(max(totals))]

    def rows(self, features: Iterable[str]) -> array[int]:
        """The features' rows in `matrix`, `absent` for those the model does not have, as a compact array (no
        Python int per entry: cached rows stay small and are joined by copying bytes)."""
        absent = len(self.counts)
        return array("q", [self.index.get(feature, absent) for feature in features])

    def sums(self, rows: array[int], groups: int) -> npt.NDArray[np.int64]:
        """Many `scores` at once: `rows` (from `rows`) cut into `groups` runs of equal length, and per run the
        sum of its features' weights times SCALE (one row per run, a class per column). One numpy pass over a
        sentence's tokens costs less than a call each."""
        gathered = self.matrix.take(np.frombuffer(rows, dtype=np.int64), axis=0)
        shape = (groups, len(rows) // groups if groups else 0, len(self.classes))
        sums: npt.NDArray[np.int64] = gathered.reshape(shape).sum(axis=1, dtype=np.int64)
        return sums

    def row(self, feature: str) -> Row:
        found = self.index.get(feature)
        if found is None:
            return ()
        start, end = self.starts[found], self.starts[found + 1]
        return tuple(zip(self.columns[start:end].tolist(), self.values[start:end].tolist(), strict=True))

    def runs(self, prefixes: Iterable[str]) -> dict[str, tuple[range, list[str]]]:
        """Per prefix, the features whose names start with it (a run of indices, the names being sorted) and the
        rest of each one's name, found without splitting the names apart. Every name must start with one of the
        prefixes, and no prefix may start another."""
        text = self.text
        found: dict[str, tuple[range, list[str]]] = {prefix: (range(0), []) for prefix in prefixes}
        # Where each prefix's run begins in `text`. The runs come in the prefixes' order (UTF-8 keeps the order of
        # code points), so each search starts where the run before begins.
        begins: list[tuple[int, str]] = []
        for prefix in sorted(found, key=lambda prefix: prefix.encode("utf-8")):
            head = prefix.encode("utf-8")
            if not begins and text.startswith(head):
                begins.append((0, prefix))
                continue
            at = text.find(b"\n" + head, begins[-1][0] if begins else 0)
            if at >= 0:
                begins.append((at + 1, prefix))
        if len(self.counts) and (not begins or begins[0][0] != 0):
            raise ValueError("a feature name starts with none of the prefixes")
        first = 0
        # Each run ends where the next begins; a name of no prefix inside one would leave a newline in a rest.
        for (begin, prefix), (end, _) in pairwise([*begins, (len(text) + 1, "")]):
            run = text[begin : end - 1]
            rests = run.decode("utf-8")[len(prefix) :].split("\n" + prefix)
            if len(rests) != run.count(b"\n") + 1:
                raise ValueError("a feature name starts with none of the prefixes")
            found[prefix] = (range(first, first + len(rests)), rests)
            first += len(rests)
        return found

    def compact(self) -> Compact:
        return self

    def to_bytes(self, meta: dict[str, object] | None = None) -> bytes:
        """The model in the file format (see the module's docstring), uncompressed, with `meta`."""
        if any(first >= second for first, second in pairwise(self.names)):
            raise ValueError("feature names must be unique and sorted")
        # One weight per (feature, class), in class order: each class above the one before it in its feature.
        before = np.full(len(self.columns), -1, dtype=np.int64)
        before[1:] = self.columns[:-1]
        before[self.starts[:-1][self.counts > 0]] = -1
        if not (self.columns > before).all():
            raise ValueError("a feature's weights are not in strict class order")
        arrays = [(self.counts, _COUNT), (self.columns, _column_type(len(self.classes))), (self.values, _WEIGHT)]
        for data, kind in arrays:
            limits = np.iinfo(np.dtype(kind))
            if len(data) and (data.min() < limits.min or data.max() > limits.max):
                raise ValueError(f"a value does not fit the file's {kind} array")
        header = {
            "format": FORMAT,
            "classes": list(self.classes),
            "meta": meta or {},
            "scale": SCALE,
            "features": len(self.counts),
            "weights": len(self.values),
            "names bytes": len(self.text),
        }
        head = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("ascii")
        return b"".join([head, b"\n", self.text, *(data.astype(kind).tobytes() for data, kind in arrays)])

    @classmethod
    def read(cls, stream: io.BufferedIOBase) -> Compact:
        """A model from `to_bytes`' output in `stream`, read section by section: the arrays keep the bytes read
        as their buffers (read-only) instead of copying them."""
        header = json.loads(stream.readline())
        if header.get("format") != FORMAT or header["scale"] != SCALE:
            raise ValueError("not a model file of this version")
        text = _read(stream, header["names bytes"])
        lengths = (header["features"], header["weights"], header["weights"])
        kinds = (_COUNT, _column_type(len(header["classes"])), _WEIGHT)
        counts, columns, values = (
            np.frombuffer(_read(stream, length * np.dtype(kind).itemsize), dtype=kind)
            for length, kind in zip(lengths, kinds, strict=True)
        )
        if stream.read(1):
            raise ValueError("the model file has trailing data")
        return cls(header["classes"], text, counts, columns, values, header["meta"])

    def save(self, path: Path, meta: dict[str, object] | None = None) -> None:
        """Writes the model with `meta` (not its own) beside the weights; two saves are byte-identical."""
        path.write_bytes(gzip.compress(self.to_bytes(meta), compresslevel=9, mtime=0))

    @classmethod
    def open(cls, path: Traversable) -> Compact:
        """A model saved by `save` (a path, or a file inside the package)."""
        with path.open("rb") as raw, gzip.open(raw) as stream:
            return cls.read(stream)


def _column_type(classes: int) -> str:
    if classes > 1 << 16:
        raise ValueError("too many classes for the file format")
    return "<u1" if classes <= 1 << 8 else "<u2"


def _read(stream: io.BufferedIOBase, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise ValueError("the model file is cut short")
    return data


def load(name: str) -> Compact:
    """A model shipped in chronology/language/data/ (by file name)."""
    return Compact.open(resources.files("chronology.language").joinpath("data", name))


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
        weights: dict[str, Row] = {}
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
