import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from timeline_fixtures import HOSTILE, structured_timeline, timeline

from chronology import exports
from chronology.cli import main
from chronology.exports import timeline_csv, timeline_ics, timelinejs_json
from chronology.models import DateConflict, DateReading

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_timelinejs_slides_carry_dates_at_their_own_precision():
    data = json.loads(timelinejs_json(timeline()))
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    assert slides["ev-1"]["start_date"] == {"year": 2020} and "end_date" not in slides["ev-1"]
    assert slides["ev-2"]["start_date"] == {"year": 2023, "month": 6}
    assert slides["ev-2"]["end_date"] == {"year": 2023, "month": 8}
    assert slides["ev-4"]["start_date"] == {"year": 2023, "month": 12, "day": 26}
    assert slides["ev-3"]["end_date"] == {"year": 2023, "month": 12, "day": 28}


def test_timelinejs_slides_have_text_group_and_display_date():
    slide = json.loads(timelinejs_json(timeline()))["events"][3]
    assert slide["text"]["headline"].startswith("On Tuesday, the council")
    assert "a.txt" in slide["text"]["text"] and "b.txt" in slide["text"]["text"]
    assert slide["group"] == "Reported"
    assert slide["display_date"] == "26 Dec 2023"
    planned = json.loads(timelinejs_json(timeline()))["events"][4]
    assert planned["group"] == "Expected"


def test_timelinejs_escapes_markup_in_article_text():
    base = timeline()
    event = base.events[0].model_copy(update={"description": "The <script> tag & friends, in 2020."})
    data = json.loads(timelinejs_json(base.model_copy(update={"events": (event,)})))
    assert "<script>" not in data["events"][0]["text"]["text"]
    assert "&lt;script&gt;" in data["events"][0]["text"]["headline"]


def test_csv_has_one_row_per_event_per_source_and_loads_with_csv_module():
    rows = list(csv.DictReader(io.StringIO(timeline_csv(timeline()))))
    assert [row["event_id"] for row in rows] == ["ev-1", "ev-2", "ev-3", "ev-4", "ev-4", "ev-5"]
    shared = [row for row in rows if row["event_id"] == "ev-4"]
    assert [row["source"] for row in shared] == ["a.txt", "b.txt"]
    assert shared[1]["publication_basis"] == "inferred" and shared[1]["published"] == "2023-12-27"
    assert rows[1]["edtf"] == "2023-22" and rows[1]["description"].startswith("The commission, formed")


def test_ics_parses_with_icalendar_as_all_day_events_with_sources():
    calendar = icalendar.Calendar.from_ical(timeline_ics(timeline()))
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    summer = events[1]
    assert summer.decoded("DTSTART") == dt.date(2023, 6, 1)
    assert summer.decoded("DTEND") == dt.date(2023, 9, 1)  # exclusive end: the day after 31 August
    assert str(summer["SUMMARY"]) == "The commission, formed last summer, met in Baghdad."
    assert "Wire" in str(events[3]["DESCRIPTION"]) and "2023-12-27" in str(events[3]["DESCRIPTION"])
    assert str(events[4]["STATUS"]) == "TENTATIVE"


def test_each_ics_event_is_stamped_with_the_latest_publication_of_its_sources():
    stamps = [event.decoded("DTSTAMP").date() for event in icalendar.Calendar.from_ical(
        timeline_ics(timeline())).walk("VEVENT")]
    # Told by a.txt (28 Dec) and b.txt (27 Dec): the later; b.txt alone: 27 Dec. c.txt has no publication date:
    # the calendar's own stamp, the latest date it holds (an event ending on 29 Dec), never the clock.
    assert stamps[3:] == [dt.date(2023, 12, 28), dt.date(2023, 12, 27)]
    assert stamps[0] == dt.date(2023, 12, 29)


def test_ics_lines_are_folded_to_75_octets_and_output_is_byte_stable():
    text = timeline_ics(timeline())
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert text == timeline_ics(timeline())


def _fold_per_character(line):
    """RFC 5545 folding as the rule reads: add characters while the line stays within 75 octets."""
    chunk, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            yield chunk
            chunk, size = " ", 1
        chunk += char
        size += width
    yield chunk


@given(st.text(alphabet=st.sampled_from("ab \\;,é€😀\u0301"), max_size=400))
def test_ics_folding_cuts_where_the_rule_does_and_never_inside_a_character(line):
    folded = exports._fold(line)
    assert folded == list(_fold_per_character(line))
    assert "".join([folded[0], *(piece[1:] for piece in folded[1:])]) == line


@given(
    st.dictionaries(
        st.text(max_size=8),
        st.recursive(
            st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
            max_leaves=8,
        ),
        max_size=5,
    )
)
def test_slides_are_laid_out_as_json_dumps_would(slide):
    # The TimelineJS export encodes slides with pydantic; its file must stay what json.dumps wrote.
    assert exports.SLIDE_JSON.dump_json(slide, indent=2).decode() == json.dumps(slide, ensure_ascii=False, indent=2)


def test_build_writes_every_requested_format_beside_timeline_json(tmp_path):
    out = tmp_path / "out"
    code = main(["build", str(SEEDS), "--out", str(out), "-q", "--format", "csv", "--format", "ics",
                 "--format", "timelinejs"])
    assert code == 0
    events = json.loads((out / "timeline.json").read_text())["events"]
    slides = json.loads((out / "timeline.timelinejs.json").read_text())["events"]
    assert len(slides) == len(events) > 0
    assert all("year" in slide["start_date"] for slide in slides)
    rows = list(csv.DictReader((out / "timeline.csv").open(newline="")))
    assert len(rows) == sum(len({m["article_id"] for m in e["mentions"]}) for e in events)
    calendar = icalendar.Calendar.from_ical((out / "timeline.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == len(events)


def test_csv_bom_starts_the_csv_with_a_byte_order_mark_for_spreadsheets(tmp_path):
    out = tmp_path / "out"
    assert main(["build", str(SEEDS), "--out", str(out), "-q", "--csv-bom"]) == 0
    data = (out / "timeline.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfevent_id,")
    rows = list(csv.DictReader((out / "timeline.csv").open(newline="", encoding="utf-8-sig")))
    assert rows and rows[0]["event_id"].startswith("ev-")


def test_a_date_conflict_is_told_in_every_export():
    base = timeline()
    event = base.events[3]
    conflict = DateConflict(
        readings=(DateReading(date=event.date, article_ids=("a.txt#0",), basis="manifest"),
                  DateReading(date=base.events[4].date, article_ids=("b.txt#0",), basis="inferred")),
        reason="sources disagree on the date; 2023-12-26 is used because its source is stated",
    )
    only = base.model_copy(update={"events": (event.model_copy(update={"conflict": conflict}),)})
    rows = list(csv.DictReader(io.StringIO(timeline_csv(only))))
    assert all(row["date_conflict"] == conflict.reason for row in rows) and rows[0]["anchored_by"] == "expression"
    assert "sources disagree" in json.loads(timelinejs_json(only))["events"][0]["text"]["text"]
    (vevent,) = icalendar.Calendar.from_ical(timeline_ics(only)).walk("VEVENT")
    assert "sources disagree" in str(vevent["DESCRIPTION"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300))
def test_any_description_survives_the_ics_round_trip(description):
    base = timeline()
    event = base.events[0].model_copy(update={"description": description})
    text = timeline_ics(base.model_copy(update={"events": (event,)}))
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    (vevent,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == description


def test_csv_appends_the_structure_columns_after_the_existing_ones():
    text = timeline_csv(structured_timeline())
    header = next(csv.reader(io.StringIO(text)))
    assert header[: header.index("date_conflict") + 1] == list(exports.CSV_COLUMNS[:19])
    assert header[-5:] == ["trigger", "event_class", "participants", "location", "reported_by"]
    rows = {row["event_id"]: row for row in csv.DictReader(io.StringIO(text))}
    apple = rows["ev-s0"]
    assert (apple["trigger"], apple["event_class"]) == ("unveiled", "OCCURRENCE")
    assert apple["participants"] == "agent: Apple; patient: the iPhone"
    assert (apple["location"], apple["reported_by"]) == ("Cupertino", "Reuters (reported)")
    assert rows["ev-s2"]["participants"] == "patient: the award; recipient: the winner; agent: She"
    # Without structure (the grammar found none), the new columns are empty.
    plain = next(csv.DictReader(io.StringIO(timeline_csv(timeline()))))
    assert [plain[name] for name in header[-5:]] == ["", "", "", "", ""]


def test_ics_sets_location_and_tells_the_structure_in_the_description():
    calendar = icalendar.Calendar.from_ical(timeline_ics(structured_timeline()))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    apple = events["ev-s0@chronology"]
    assert str(apple["LOCATION"]) == "Cupertino"
    description = str(apple["DESCRIPTION"]).splitlines()
    assert description[1:5] == [
        "Event: “unveiled” (occurrence)", "Who/what: agent: Apple; patient: the iPhone", "Where: Cupertino",
        "Reported by: Reuters (reported)",
    ]
    assert "LOCATION" not in events["ev-s2@chronology"]
    assert str(events["ev-s3@chronology"]["LOCATION"]) == HOSTILE


def test_a_location_with_rfc_5545_special_characters_comes_back_as_written():
    base = structured_timeline()
    (mention,) = base.events[0].mentions
    assert mention.location is not None
    place = mention.location.model_copy(update={"text": "Aden;\r\nYemen, the \\ port"})
    event = base.events[0].model_copy(update={"mentions": (mention.model_copy(update={"location": place}),)})
    text = timeline_ics(base.model_copy(update={"events": (event,)}))
    assert "\r\nLOCATION:Aden\\; Yemen\\, the \\\\ port\r\n" in text.replace("\r\n ", "")  # unfolded
    (vevent,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Aden; Yemen, the \\ port"  # a line break inside a place reads as a space


def test_timelinejs_slides_tell_the_structure_escaped():
    slides = {s["unique_id"]: s for s in json.loads(timelinejs_json(structured_timeline()))["events"]}
    text = slides["ev-s0"]["text"]["text"]
    assert "Event: “unveiled” (occurrence)<br>Who/what: agent: Apple; patient: the iPhone<br>" in text
    assert "Where: Cupertino<br>Reported by: Reuters (reported)" in text
    hostile = slides["ev-s3"]["text"]["text"]
    assert HOSTILE not in hostile and "Where: &lt;img src=x onerror=&quot;window.__pwned = 1&quot;&gt;" in hostile
