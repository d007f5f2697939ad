import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from timeline_fixtures import timeline

from chronology.cli import main
from chronology.errors import DateParseError
from chronology.filters import Selection, filter_timeline, window_bound

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _ids(selection: Selection) -> list[str]:
    return [event.id for event in filter_timeline(timeline(), selection).events]


def test_no_selection_keeps_everything():
    assert filter_timeline(timeline(), Selection()) == timeline()


def test_since_and_until_keep_events_overlapping_the_window():
    # The summer of 2023 ends 31 August; the ongoing interval from 17 October runs to publication.
    assert _ids(Selection(since=dt.date(2023, 9, 1))) == ["ev-3", "ev-4", "ev-5"]
    assert _ids(Selection(until=dt.date(2023, 6, 1))) == ["ev-1", "ev-2"]
    assert _ids(Selection(since=dt.date(2023, 12, 1), until=dt.date(2023, 12, 27))) == ["ev-3", "ev-4"]


def test_window_bounds_read_years_months_and_days():
    assert window_bound("2023", end=False) == dt.date(2023, 1, 1)
    assert window_bound("2023", end=True) == dt.date(2023, 12, 31)
    assert window_bound("2024-02", end=True) == dt.date(2024, 2, 29)
    assert window_bound("2023-10-17", end=False) == dt.date(2023, 10, 17)
    with pytest.raises(DateParseError):
        window_bound("last week", end=False)


def test_match_searches_descriptions_ignoring_case():
    assert _ids(Selection(match="COUNCIL")) == ["ev-4"]
    assert _ids(Selection(match="baghdad")) == ["ev-2"]
    assert _ids(Selection(match="nowhere")) == []


def test_excluding_a_context_drops_its_mentions_and_recounts_articles():
    filtered = filter_timeline(timeline(), Selection(excluded_bases=frozenset({"unknown", "inferred"})))
    assert [e.id for e in filtered.events] == ["ev-2", "ev-3", "ev-4"]
    shared = filtered.events[2]
    assert shared.sources == ("a.txt",) and [m.article_id for m in shared.mentions] == ["a.txt#0"]
    assert [a.event_count for a in filtered.articles] == [3, 0, 0]


def test_build_applies_the_selection_to_its_outputs(tmp_path):
    everything, selected = tmp_path / "all", tmp_path / "some"
    assert main(["build", str(SEEDS), "--out", str(everything), "-q"]) == 0
    assert main(["build", str(SEEDS), "--out", str(selected), "-q", "--since", "2023-12", "--until", "2023",
                 "--match", "attack"]) == 0
    kept = json.loads((selected / "timeline.json").read_text())["events"]
    expected = [
        e["id"] for e in json.loads((everything / "timeline.json").read_text())["events"]
        if e["date"]["end"] >= "2023-12-01" and e["date"]["start"] <= "2023-12-31"
        and "attack" in e["description"].lower()
    ]
    assert [e["id"] for e in kept] == expected and expected


def test_build_rejects_an_unreadable_window(tmp_path, capsys):
    assert main(["build", str(SEEDS), "--out", str(tmp_path), "--since", "soon"]) == 2
    assert "cannot read 'soon'" in capsys.readouterr().err


@given(st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31)), st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31)))
def test_a_window_keeps_exactly_the_events_that_overlap_it(since, until):
    kept = {e.id for e in filter_timeline(timeline(), Selection(since=since, until=until)).events}
    assert kept == {e.id for e in timeline().events if e.date.end >= since and e.date.start <= until}
