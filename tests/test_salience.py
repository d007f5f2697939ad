"""Salience and the key events: what makes an event stand out, `build --top N`, and that the score is computed on the
merged events of a build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chronology.cli import main
from chronology.filters import Selection, filter_timeline
from chronology.html import page_key
from chronology.models import AnchoredBy, Event, Mention, Timeline
from chronology.salience import LEAD_SENTENCES, Layout, lead_end, rank_key, salience, tellings
from chronology.sentences import sentence_spans
from chronology.values import date_value

ROOT = Path(__file__).resolve().parents[1]
# Every article of these tests: 1,000 characters, its lead ending at 300.
LAYOUT = Layout(start=0, end=1000, lead_end=300)
LEAD, LATE = 100, 900  # where a sentence in the lead, and one near the end, starts


def _mention(article: str, at: int, headline: str | None = None) -> Mention:
    return Mention(
        article_id=f"{article}#0", source=article, headline=headline if headline is not None else f"About {article}",
        expression="Tuesday", span=(at, at + 7), sentence="The port closed on Tuesday.", sentence_span=(at, at + 27),
        timex_type="DATE", timex_value="2024-03-05", underspecified="XXXX-WXX-2", anchor="publication",
        anchor_value="2024-03-09",
    )


def _event(*mentions: Mention, value: str = "2024-03-05", anchored_by: AnchoredBy = "expression") -> Event:
    date = date_value(value)
    assert date is not None
    return Event(
        id="ev-test", date=date, description="The port closed on Tuesday.", status="past", mentions=mentions,
        sources=tuple(dict.fromkeys(m.source for m in mentions)), anchored_by=anchored_by,
    )


def _layouts(*articles: str) -> dict[str, Layout]:
    return {f"{article}#0": LAYOUT for article in articles}


LAYOUTS = _layouts("a", "b", "c")


def test_an_event_told_by_three_sources_outranks_one_told_once() -> None:
    three = _event(_mention("a", LATE), _mention("b", LATE), _mention("c", LATE))
    once = _event(_mention("a", LATE))
    assert salience(three, LAYOUTS) > salience(once, LAYOUTS)
    # Three sources outweigh even a single source's lead.
    assert salience(three, LAYOUTS) > salience(_event(_mention("a", LEAD)), LAYOUTS)


def test_a_wire_copy_under_other_headlines_is_one_telling() -> None:
    wire = "The port of Santos closed on Tuesday after a fire in a grain terminal."
    copies = [_mention(name, LATE).model_copy(update={"sentence": wire}) for name in ("a", "b")]
    rewrite = _mention("c", LATE).model_copy(update={"sentence": "Santos shut its port on Tuesday after a fire."})
    assert tellings(_event(*copies)) == 1
    assert tellings(_event(*copies, rewrite)) == 2
    # A short sentence may recur by chance: three outlets saying "The port closed on Tuesday." are three.
    assert tellings(_event(_mention("a", LATE), _mention("b", LATE), _mention("c", LATE))) == 3


def test_a_reprint_is_not_a_second_witness() -> None:
    independent = _event(_mention("a", LATE), _mention("b", LATE))
    reprinted = _event(_mention("a", LATE, headline="Port closes"), _mention("b", LATE, headline="Port closes"))
    once = _event(_mention("a", LATE))
    # The reprint adds a mention, not a source.
    assert salience(once, LAYOUTS) < salience(reprinted, LAYOUTS) < salience(independent, LAYOUTS)


def test_an_explicitly_dated_lead_beats_an_undated_late_sentence() -> None:
    lead = _event(_mention("a", LEAD))
    late_undated = _event(_mention("a", LATE), anchored_by="narrative")
    assert salience(lead, LAYOUTS) > salience(late_undated, LAYOUTS)
    # Each of the two counts on its own: the lead over a later sentence, an expression over the narrative.
    assert salience(lead, LAYOUTS) > salience(_event(_mention("a", LATE)), LAYOUTS)
    assert salience(lead, LAYOUTS) > salience(_event(_mention("a", LEAD), anchored_by="narrative"), LAYOUTS)
    assert salience(_event(_mention("a", LEAD), anchored_by="publication"), LAYOUTS) < salience(lead, LAYOUTS)


def test_a_later_sentence_scores_less_than_an_earlier_one_and_a_day_more_than_a_year() -> None:
    assert salience(_event(_mention("a", 400)), LAYOUTS) > salience(_event(_mention("a", LATE)), LAYOUTS)
    day, month, year = (salience(_event(_mention("a", LEAD), value=value), LAYOUTS)
                        for value in ("2024-03-05", "2024-03", "2024"))
    assert day > month > year


def test_the_score_is_the_documented_sum_in_zero_to_one() -> None:
    # A lead, a date expression, a day: 0.25 + 0.15 + 0.15; two more sources and mentions: 0.35 * 2/3 + 0.10 * 2/3.
    assert salience(_event(_mention("a", LEAD)), LAYOUTS) == 0.55
    assert salience(_event(_mention("a", LEAD), _mention("b", LEAD), _mention("c", LEAD)), LAYOUTS) == 0.85
    # The least: the publication date, a year, late, one source; an article without a layout gives no position.
    assert salience(_event(_mention("a", 1000), value="2024", anchored_by="publication"), LAYOUTS) == 0.0
    assert salience(_event(_mention("z", LEAD)), LAYOUTS) == 0.3
    many = _event(*(_mention(f"s{n}", LEAD) for n in range(1000)))
    assert 0.99 < salience(many, _layouts(*(f"s{n}" for n in range(1000)))) < 1.0


def test_the_lead_is_the_first_body_sentences_after_the_headline_and_captions() -> None:
    text = (
        "Port closes\n\nPhoto: Reuters\n\nThe port closed on Tuesday. Ships waited offshore. Traders were angry. "
        "Prices rose. The port reopened on Friday."
    )
    sentences = sentence_spans(text)
    boilerplate = [(0, 11), (13, 27)]  # the headline and the caption
    assert LEAD_SENTENCES == 3
    bound = lead_end(sentences, boilerplate, 500, 500 + len(text))
    assert bound == 500 + text.index("Prices rose.")
    # An article of fewer sentences is all lead.
    assert lead_end(sentence_spans("One. Two."), [], 0, 9) == 9


def test_top_keeps_the_most_salient_in_the_timeline_order_and_ties_go_by_page_order() -> None:
    events = tuple(
        _event(_mention("a", LEAD), value=value).model_copy(update={"id": f"ev-{value}", "salience": score})
        for value, score in (("2024-03-01", 0.2), ("2024-03-02", 0.9), ("2024-03-03", 0.5), ("2024-03-04", 0.5),
                             ("2024-03-05", 0.7))
    )
    timeline = Timeline(articles=(), events=events)
    kept = filter_timeline(timeline, Selection(top=3)).events
    # 0.9 and 0.7, then of the two at 0.5 the first in page order; listed in the timeline's order.
    assert [e.id for e in kept] == ["ev-2024-03-02", "ev-2024-03-03", "ev-2024-03-05"]
    assert sorted(events, key=rank_key)[:3] == sorted(kept, key=rank_key)
    assert rank_key(events[2]) < rank_key(events[3]) and page_key(events[2]) < page_key(events[3])
    # Top applies to what the other options keep.
    since = filter_timeline(timeline, Selection(top=2, since=events[2].date.start)).events
    assert [e.id for e in since] == ["ev-2024-03-03", "ev-2024-03-05"]
    assert filter_timeline(timeline, Selection(top=10)).events == events


@pytest.fixture(scope="module")
def seeds_top(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    out = tmp_path_factory.mktemp("top")
    assert main(["build", str(ROOT / "seeds"), "--out", str(out / "all"), "-q"]) == 0
    assert main(["build", str(ROOT / "seeds"), "--out", str(out / "top"), "-q", "--top", "5"]) == 0
    everything, top = (json.loads((out / name / "timeline.json").read_text("utf-8")) for name in ("all", "top"))
    return everything, top


def test_build_top_keeps_the_n_most_salient_events_in_chronological_order(
    seeds_top: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    everything, top = seeds_top
    assert len(top["events"]) == 5
    whole = [Event.model_validate(e) for e in everything["events"]]
    assert all(0.0 < e.salience < 1.0 for e in whole) and len({e.salience for e in whole}) > 10
    expected = {e.id for e in sorted(whole, key=rank_key)[:5]}
    assert [e["id"] for e in top["events"]] == [e.id for e in whole if e.id in expected]
    # The articles are all listed, counted for the kept events only.
    assert len(top["articles"]) == len(everything["articles"])
    assert sum(a["event_count"] for a in top["articles"]) >= 5 > 0 == min(a["event_count"] for a in top["articles"])


@pytest.mark.parametrize("value", ["0", "-3", "five"])
def test_a_wrong_top_is_one_line_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    value: str) -> None:
    assert main(["build", str(ROOT / "seeds"), "--out", str(tmp_path / "out"), "--top", value]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"chronology: error: --top takes a whole number of events, at least 1, not {value!r}"]
    assert not (tmp_path / "out").exists()


def test_build_help_tells_what_top_keeps(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--top N keep only the N key events: the most salient" in help_text
    assert "listed in chronological order" in help_text
