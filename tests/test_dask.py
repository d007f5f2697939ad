"""The Dask engine gives the local run's output byte for byte (LocalCluster of worker processes)."""

from __future__ import annotations

from pathlib import Path

import pytest
from input_fixtures import page_folder

from chronology.cli import main

pytest.importorskip("distributed")
pytest.importorskip("dask")

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


def test_dask_extracts_web_pages_on_the_workers_like_the_local_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pages go to the cluster as read; one without text is still reported once, as in a local run.
    folder, no_text = page_folder(tmp_path)
    common = [str(folder), "-q", "--events-jsonl", "--workers", "2"]
    warnings = []
    for engine in ("local", "dask"):
        assert main(["build", *common, "--engine", engine, "--out", str(tmp_path / engine)]) == 0
        warnings.append([line for line in capsys.readouterr().err.splitlines() if "warning" in line])
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")
    assert warnings[0] == warnings[1] == [no_text]
