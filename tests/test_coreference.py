"""Cross-source merging: one event told by several outlets in other words is one entry; the same words on other
days, or another thing with the same verb, are not (chronology.coreference, the merge's third pass)."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from chronology.cli import main
from chronology.coreference import Signature, Weights, compatible, name_words
from chronology.language.actions import action
from chronology.models import Event, Timeline

OUTLETS = Path(__file__).parent / "fixtures" / "outlets"


@pytest.mark.parametrize(
    ("words", "named"),
    [
        (("struck", "hit", "quake", "earthquake", "tremor"), "strike"),
        (("announced", "announcement", "announces"), "announce"),
        (("killed", "death", "died"), "die"),
        (("resigned", "resignation"), "resign"),
        (("decided", "decision"), "decide"),
        (("withdrew", "withdrawal"), "withdraw"),
        (("unveiled", "introduced", "introduction"), "introduce"),
    ],
)
def test_words_for_one_action_name_it_alike(words: tuple[str, ...], named: str) -> None:
    assert {action(word) for word in words} == {named}


def test_different_actions_stay_apart() -> None:
    assert len({action(word) for word in ("rose", "fell", "said", "launched", "sold")}) == 5


def test_names_are_compared_in_one_form() -> None:
    assert name_words("the U.S.") == name_words("the United States") == ["us"]
    assert name_words("Port-Louis") == name_words("Port Louis") == ["port", "louis"]
    assert name_words("Apple's iTunes store") == ["apple", "itunes", "store"]
    assert name_words("in March") == []


def _events(tmp_path: Path, *names: str) -> list[Event]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(OUTLETS / name, folder / name)
    assert main(["build", str(folder), "--out", str(tmp_path / "out"), "-q"]) == 0
    return list(Timeline.model_validate_json((tmp_path / "out" / "timeline.json").read_text("utf-8")).events)


def _told_by(event: Event) -> list[str]:
    return sorted(Path(source).name for source in event.sources)


def test_three_wordings_of_one_quake_are_one_event_at_the_most_precise_date(tmp_path: Path) -> None:
    events = _events(tmp_path, "quake_wire.txt", "quake_damage.txt", "quake_seismology.txt")
    quake = [e for e in events if len(e.sources) > 1]
    assert len(quake) == 1
    # "late on Tuesday", "Tuesday night" and "at 9:58 p.m. on Tuesday": the clock time is the finest they share.
    assert quake[0].date.value == "2024-03-05T21:58"
    assert _told_by(quake[0]) == ["quake_damage.txt", "quake_seismology.txt", "quake_wire.txt"]
    assert quake[0].conflict is None


def test_a_telling_that_names_no_place_joins_one_that_does_when_the_event_names_itself(tmp_path: Path) -> None:
    # "The earthquake struck" names itself in its agent, as "A strong quake struck" does: the same striking.
    events = _events(tmp_path, "quake_port.txt", "quake_unnamed.txt")
    quake = [e for e in events if len(e.sources) > 1]
    assert [(e.date.value, _told_by(e)) for e in quake] == [
        ("2024-05-07T21:58", ["quake_port.txt", "quake_unnamed.txt"])
    ]


def test_a_recurring_line_on_two_days_is_two_events_not_a_conflict(tmp_path: Path) -> None:
    events = _events(tmp_path, "oil_march_6.txt", "oil_march_20.txt")
    rises = sorted((e.date.value, _told_by(e)) for e in events if "Oil prices rose" in e.description)
    assert rises == [("2024-03-06", ["oil_march_6.txt"]), ("2024-03-20", ["oil_march_20.txt"])]
    assert all(e.conflict is None for e in events)


def test_the_same_verb_on_the_same_day_for_another_thing_is_another_event(tmp_path: Path) -> None:
    events = _events(tmp_path, "oil_march_6.txt", "gold_march_6.txt")
    assert sorted(_told_by(e) for e in events if e.date.value == "2024-03-06") == [
        ["gold_march_6.txt"], ["oil_march_6.txt"],
    ]


def test_a_dateline_that_opens_the_text_dates_the_article_not_an_event(tmp_path: Path) -> None:
    events = _events(tmp_path, "quake_wire.txt")
    assert [e.date.value for e in events] == ["2024-03-05"]  # "late on Tuesday", not "March 6, 2024"
    assert events[0].description.startswith("A strong earthquake")


def _signature(proper: tuple[str, ...], actors: tuple[str, ...], day: int = 5) -> Signature:
    names = tuple(sorted({*proper, *actors}))
    return Signature(
        action="jump", names=names, start=dt.date(1989, 10, day), end=dt.date(1989, 10, day), proper=proper,
        own=actors, actors=actors,
    )


def test_two_companies_reporting_the_same_figure_are_two_events() -> None:
    dsm = _signature(("dsm",), ("net", "income"))
    ogden = _signature(("ogden", "projects"), ("net", "income"))
    again = _signature(("dsm", "heerlen"), ("net", "income"))
    others = [_signature((f"firm{n}",), ("sales",)) for n in range(12)]
    weights = Weights([dsm, ogden, again, *others])
    assert not weights.enough(dsm, ogden, same_day=True)
    assert weights.enough(dsm, again, same_day=True)
    assert compatible(dsm, again) and not compatible(dsm, _signature(("dsm",), ("net", "income"), day=9))
