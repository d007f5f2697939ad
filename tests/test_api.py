"""The Python API as a program that consumes the chronology uses it: the same timeline the command writes."""

import datetime as dt
from pathlib import Path

import pytest

import chronology
from chronology.errors import InputError
from chronology.render import timeline_json

ROOT = Path(__file__).resolve().parents[1]


def test_build_gives_the_timeline_the_readme_command_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # sources are named by the paths as given, as on the command line
    timeline = chronology.build(["seeds/"])
    assert timeline_json(timeline) == (ROOT / "output" / "timeline.json").read_text(encoding="utf-8")


def test_build_takes_publication_dates_per_file_or_for_every_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said on Monday that the bridge had reopened.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The minister resigned on Friday after the vote.\n", encoding="utf-8")
    each = chronology.build([tmp_path], published={"a.txt": "2024-03-06", "b.txt": dt.date(2024, 5, 1)})
    assert {event.date.value for event in each.events if event.anchored_by == "expression"} == {
        "2024-03-04", "2024-04-26",
    }
    every = chronology.build([tmp_path / "a.txt"], published="2024-03-13")
    assert [event.date.value for event in every.events if event.anchored_by == "expression"] == ["2024-03-11"]


def test_build_reports_unreadable_inputs_and_refuses_an_empty_run(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        chronology.build([tmp_path / "missing.txt"])
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    problems: list[str] = []
    with pytest.raises(InputError, match="nothing to process"):
        chronology.build([tmp_path], on_problem=problems.append)


def test_tag_resolves_against_the_publication_date_given() -> None:
    text = "Officials said on Monday that schools would reopen on Friday."
    found = chronology.tag(text, published="2024-03-06")
    assert [(t.text, t.value) for t in found] == [("Monday", "2024-03-04"), ("Friday", "2024-03-08")]
    assert all(text[t.start : t.end] == t.text for t in found)
    assert [t.value for t in chronology.tag("It rained on Monday.", published=dt.date(2024, 3, 6))] == ["2024-03-04"]


def test_the_package_names_only_its_api() -> None:
    with pytest.raises(AttributeError):
        chronology.nothing_here  # noqa: B018
