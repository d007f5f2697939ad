"""The perceptron's compact file format: deterministic, exact, and scored as the trained model scores."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from chronology.language.perceptron import SCALE, Compact, Perceptron, load


def model() -> Perceptron:
    weights = {
        "bias": ((0, 0.5), (2, -0.25)),
        "w dog": ((1, 1.2345), (2, 0.0001)),
        "w é": ((0, -3.0),),
        "s1 g": ((1, 0.75),),
    }
    return Perceptron(("A", "B", "C"), weights, {"note": "kept"})


def test_saving_twice_writes_the_same_bytes_and_reads_back_exactly(tmp_path: Path) -> None:
    first, second = tmp_path / "first.bin.gz", tmp_path / "second.bin.gz"
    model().save(first, {"epochs": 3})
    model().save(second, {"epochs": 3})
    assert first.read_bytes() == second.read_bytes()
    loaded = Compact.open(first)
    assert loaded.classes == ("A", "B", "C")
    assert loaded.meta == {"epochs": 3}
    assert loaded.names == sorted(model().weights)
    for feature, row in model().weights.items():
        assert loaded.row(feature) == tuple((index, round(weight * SCALE)) for index, weight in row)
    assert loaded.row("unknown") == ()
    loaded.save(tmp_path / "again.bin.gz", {"epochs": 3})
    assert (tmp_path / "again.bin.gz").read_bytes() == first.read_bytes()


def test_the_compact_model_scores_as_the_trained_one() -> None:
    trained = model()
    compact = trained.compact()
    for features in (["bias"], ["bias", "w dog"], ["w é", "s1 g", "nothing"], [], ["bias", "bias"]):
        assert compact.scores(features) == [round(score * SCALE) for score in trained.scores(features)]
        assert compact.predict(features) == trained.predict(features)
    # A tie goes to the first class, as in training.
    assert Perceptron(("A", "B"), {"x": ((0, 1.0), (1, 1.0))}).compact().predict(["x"]) == "A"


def test_runs_of_prefixed_names() -> None:
    runs = model().compact().runs(["bias", "w ", "s1 ", "t "])
    assert runs["w "] == (range(2, 4), ["dog", "é"])
    assert runs["s1 "] == (range(1, 2), ["g"])
    assert runs["t "] == (range(0), [])
    with pytest.raises(ValueError, match="none of the prefixes"):
        model().compact().runs(["w ", "s1 "])


def test_broken_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.bin.gz"
    data = model().compact().to_bytes()
    path.write_bytes(gzip.compress(data + b"\0"))
    with pytest.raises(ValueError, match="trailing"):
        Compact.open(path)
    path.write_bytes(gzip.compress(data[:-1]))
    with pytest.raises(ValueError, match="cut short"):
        Compact.open(path)
    with pytest.raises(ValueError, match="too large"):
        Perceptron(("A",), {"x": ((0, 1e6),)}).compact()


def test_the_shipped_models_load() -> None:
    for name, classes in (("pos.bin.gz", 49), ("upos.bin.gz", 17), ("parser.bin.gz", 38), ("events.bin.gz", 8)):
        assert len(load(name).classes) == classes


def test_many_groups_of_rows_are_summed_at_once() -> None:
    compact = model().compact()
    # Groups of equal length; a feature the model lacks is the zero row `absent`.
    groups = [["bias", "w dog"], ["unknown", "s1 g"], ["unknown", "unknown"], ["w é", "bias"]]
    rows = compact.rows(feature for group in groups for feature in group)
    assert rows[2] == compact.absent
    sums = compact.sums(rows, len(groups))
    assert sums.tolist() == [compact.scores(group) for group in groups]
    assert compact.sums(compact.rows([]), 0).shape == (0, 3)
