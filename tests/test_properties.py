"""Properties over random and adversarial text: the tagger never crashes, offsets point at the text they claim,
every build output validates against the schema and round-trips, and the output does not depend on the number
of worker processes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from input_fixtures import page_folder

from chronology import parallel
from chronology.cli import main
from chronology.context import DateHints
from chronology.models import Document, Timeline
from chronology.pipeline import build_timeline
from chronology.render import timeline_json
from chronology.resolver import annotate

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = sorted((ROOT / "seeds").glob("*.txt"))
SCHEMA = Timeline.model_json_schema(mode="serialization")

# Pieces of date-like text, so that random strings often come close to what the tagger's patterns match.
TOKENS = (
    "on",
    "in",
    "the",
    "of",
    "last",
    "next",
    "this",
    "since",
    "until",
    "ago",
    "early",
    "late",
    "mid",
    "week",
    "weeks",
    "month",
    "year",
    "years",
    "days",
    "day",
    "Monday",
    "Tuesday",
    "Sunday",
    "May",
    "March",
    "Dec.",
    "Sept",
    "2021",
    "1999",
    "99999",
    "0",
    "12",
    "31",
    "45th",
    "1st",
    "2,000",
    "10,000",
    "'90s",
    "1990s",
    "Q3",
    "third",
    "quarter",
    "spring",
    "Christmas",
    "morning",
    "tonight",
    "noon",
    "3:45",
    "25:61",
    "p.m.",
    "2021-02-30",
    "31/02/2020",
    "T10:00",
    "—",
    ",",
    ".",
    "/",
    "-",
    ":",
    "(",
    ")",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "年",
    "مارس",
    "٢٠٢١",
    "\u200b",
    "\ufeff",
    "é",
    "İ",
    "ß",
    "\U0001f600",
)
token_text = st.lists(st.sampled_from(TOKENS), max_size=60).map(" ".join)
# Letters Python's case-insensitive matching equates with ASCII ones (a crash once came from "ſunday").
case_equivalent_text = token_text.map(lambda text: text.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a"))
any_text = st.one_of(
    st.text(max_size=300), token_text, st.lists(token_text, max_size=4).map("".join), case_equivalent_text
)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, anchor=anchors)
def test_tagger_never_crashes_and_offsets_point_at_their_text(text: str, anchor: dt.date | None) -> None:
    timexes = annotate(text, anchor)
    previous_end = 0
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end  # in text order, never overlapping
        previous_end = timex.end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(any_text.filter(str.strip), min_size=1, max_size=3), published=anchors)
def test_every_build_output_validates_and_round_trips(texts: list[str], published: dt.date | None) -> None:
    documents = [Document(source=f"doc{i}.txt", text=text, format="text") for i, text in enumerate(texts)]
    hints = DateHints(published_all=published)
    timeline = build_timeline(documents, hints)
    rendered = timeline_json(timeline)
    jsonschema.validate(json.loads(rendered), SCHEMA)
    assert timeline_json(Timeline.model_validate_json(rendered)) == rendered
    for event in timeline.events:
        for mention in event.mentions:
            source = texts[int(mention.source.removeprefix("doc").removesuffix(".txt"))]
            assert source[mention.span[0] : mention.span[1]] == mention.expression
            # An event placed by the narrative, a report or the publication has no expression: an empty span.
            start, end = mention.span
            assert start < end or (event.anchored_by != "expression" and not mention.expression)
            assert mention.sentence_span[0] <= start <= end <= mention.sentence_span[1]


def _build(paths: list[str], out: Path, workers: int) -> bytes:
    assert main(["build", *paths, "--out", str(out), "--workers", str(workers), "-q", "--events-jsonl"]) == 0
    return b"".join((out / name).read_bytes() for name in ("timeline.json", "timeline.html", "events.jsonl"))


def test_output_is_identical_for_one_and_two_workers(tmp_path: Path) -> None:
    seeds = str(ROOT / "seeds")
    assert _build([seeds], tmp_path / "one", 1) == _build([seeds], tmp_path / "two", 2)


@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(token_text.filter(str.strip), min_size=2, max_size=12))
def test_random_archives_are_identical_for_one_and_two_workers(texts: list[str], tmp_path: Path) -> None:
    folder = tmp_path / f"in{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"{number:03d}.txt").write_text(text, encoding="utf-8")
    args = [str(folder), "--published", "2020-02-29"]
    assert _build(args, folder.with_suffix(".one"), 1) == _build(args, folder.with_suffix(".two"), 2)


def test_one_file_of_many_articles_is_shared_among_workers_with_the_same_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Articles, not files, are the workers' unit: a file of pasted articles is split across chunks (two articles
    # each here), and the result is still that of one process.
    pasted = tmp_path / "pasted.txt"
    pasted.write_text("\n\n\n".join(path.read_text(encoding="utf-8") for path in SEED_TEXTS), "utf-8")
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    document = Document(source=str(pasted), text=pasted.read_text(encoding="utf-8"), format="text")
    sizes = [len(chunk) for chunk in parallel.chunks([document])]
    assert len(sizes) >= 3 and set(sizes[:-1]) == {2}
    assert _build([str(pasted)], tmp_path / "one", 1) == _build([str(pasted)], tmp_path / "two", 2)


def test_html_pages_read_by_workers_give_the_one_process_output_and_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Workers extract the pages' text; a page with none is still reported, once, in either mode.
    folder, no_text = page_folder(tmp_path)
    outputs, warnings = [], []
    for workers in (1, 2):
        outputs.append(_build([str(folder)], tmp_path / f"out{workers}", workers))
        warnings.append([line for line in capsys.readouterr().err.splitlines() if "warning" in line])
    assert outputs[0] == outputs[1]
    assert warnings[0] == warnings[1] == [no_text]
