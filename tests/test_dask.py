"""The Dask engine gives the local run's output byte for byte (LocalCluster of worker processes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronology.cli import main

pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

ROOT = Path(__file__).resolve().parents[1]


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("timeline.json", "timeline.html", "events.jsonl")}


def test_dask_local_cluster_matches_the_local_run(tmp_path: Path) -> None:
    common = [str(ROOT / "seeds"), "-q", "--events-jsonl", "--workers", "2"]
    assert main(["build", *common, "--out", str(tmp_path / "local")]) == 0
    assert main(["build", *common, "--engine", "dask", "--out", str(tmp_path / "dask")]) == 0
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "build",
            str(ROOT / "seeds"),
            "-q",
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
            "--out",
            str(tmp_path / "out"),
        ]
    )
    assert code == 1
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
