"""The command line as a user meets it: the seeds' chronology, bad input, tagging, and the installed wheel."""

import datetime as dt
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from chronology.cli import SUBCOMMANDS, main
from chronology.context import DateHints
from chronology.exports import EXPORTS, timeline_csv, timeline_ics, timelinejs_json
from chronology.filters import Selection, filter_timeline
from chronology.html import (
    embed_json,
    embed_payload_chunks,
    html_chunks,
    order_key,
    page_key,
    render_html,
    timeline_payload,
)
from chronology.ingest import iter_documents
from chronology.jsonl import event_lines
from chronology.models import Timeline
from chronology.pipeline import MergedTimeline, build_merged
from chronology.render import ArticlesById, PackedArticles, timeline_json, timeline_json_chunks
from chronology.writers import atomic_outputs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert main(["build", "seeds/", "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture(scope="module")
def timeline(seeds_build: Path) -> dict:
    return json.loads((seeds_build / "timeline.json").read_text(encoding="utf-8"))


def test_rerunning_the_readme_command_reproduces_the_committed_output(seeds_build: Path) -> None:
    for name in ("timeline.json", "timeline.html"):
        assert (seeds_build / name).read_bytes() == (ROOT / "output" / name).read_bytes(), name


def _dates_of(timeline: dict, words: str) -> set[str]:
    return {e["date"]["value"] for e in timeline["events"] if words in e["description"]}


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("claimed the lives of General Qassem Soleimani", "2020-01-03"),
        ("four years ago", "2020"),
        ("joint press conference", "2021-07-23"),
        ("planned to be announced on Monday", "2021-07-26"),
        ("unprecedented attack by the Palestinian movement", "2023-10-07"),
        ("American embassy in Baghdad was attacked", "2023-12-08"),
        ("near Erbil Civil Airport", "2023-12-25"),
        ("National Security Council issued a statement", "2023-12-26"),
        ("The ministry said on Saturday", "2024-11-23"),
        ("surprise attack early Monday", "2024-09-02"),
        ("Israel has used Iraqi airspace", "2024-10"),
    ],
)
def test_the_seed_events_are_dated_as_a_careful_reader_would(timeline: dict, words: str, value: str) -> None:
    assert value in _dates_of(timeline, words)


def test_granularity_follows_the_expression(timeline: dict) -> None:
    by_value = {e["date"]["value"]: e["date"]["granularity"] for e in timeline["events"]}
    assert (by_value["2020"], by_value["2024-10"], by_value["2023-12-08"]) == ("year", "month", "day")


@pytest.mark.parametrize(
    "phrase", ["seven of its soldiers", "300 Israeli attacks", "COVID-19", "2,500 American soldiers"]
)
def test_numbers_are_not_dates(timeline: dict, phrase: str) -> None:
    assert all(phrase not in m["expression"] for e in timeline["events"] for m in e["mentions"])


def test_each_article_reports_its_publication_context(timeline: dict) -> None:
    by_headline = {a["headline"]: a["publication"] for a in timeline["articles"]}
    assert by_headline["Al-Kadhimi: Iraq Doesn’t Need US Combat Troops"]["date"] == "2021-07-25"
    assert by_headline["Al-Kadhimi: Iraq Doesn’t Need US Combat Troops"]["basis"] == "dateline"
    preoccupied = by_headline["Iraq Preoccupied with Potential Broad Israeli Attack"]
    assert (preoccupied["date"], preoccupied["basis"]) == ("2024-11-24", "manifest")


def test_a_missing_path_is_one_line_and_a_nonzero_exit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope" in err[0]
    assert not (tmp_path / "out").exists()


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("The council met on January 3, 2020 in Baghdad.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path), "--out", str(out), "--quiet"]) == 0
    assert "bad.txt" in capsys.readouterr().err
    events = json.loads((out / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert [e["date"]["value"] for e in events] == ["2020-01-03"]


def test_an_unparsable_date_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("It happened on Monday.\n", encoding="utf-8")
    assert main(["build", str(tmp_path), "--published", "a.txt=not a date", "--out", str(tmp_path / "o")]) == 2
    assert "not a date" in capsys.readouterr().err


def test_a_failed_run_leaves_the_previous_outputs_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "timeline.json").write_text("previous", encoding="utf-8")
    assert main(["build", str(tmp_path / "missing"), "--out", str(out)]) != 0
    assert (out / "timeline.json").read_text(encoding="utf-8") == "previous"


def test_the_publication_date_on_the_command_line_anchors_relative_dates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The minister resigned on Tuesday, officials said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(tmp_path), "--published", "a.txt=2023-12-28", "--out", str(out), "-q"]) == 0
    data = json.loads((out / "timeline.json").read_text(encoding="utf-8"))
    assert data["articles"][0]["publication"]["basis"] == "cli"
    assert [e["date"]["value"] for e in data["events"]] == ["2023-12-26"]


def test_tag_lists_expressions_with_offsets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "On December 8, the embassy was attacked. Talks are planned for next week.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    assert main(["tag", str(tmp_path / "a.txt"), "--published", "2023-12-28"]) == 0
    [document] = json.loads(capsys.readouterr().out)
    values = {t["text"]: t["value"] for t in document["timexes"]}
    assert values["December 8"] == "2023-12-08" and values["next week"] == "2024-W01"
    for timex in document["timexes"]:
        assert text[timex["start"] : timex["end"]] == timex["text"]


def test_tag_writes_timeml_named_after_the_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("It was signed on January 3, 2020.\n", encoding="utf-8")
    assert main(["tag", str(tmp_path / "a.txt"), "--format", "timeml", "--out", str(tmp_path / "tml")]) == 0
    written = (tmp_path / "tml" / "a.tml").read_text(encoding="utf-8")
    assert '<TIMEX3 tid="t1" type="DATE" value="2020-01-03">January 3, 2020</TIMEX3>' in written


# Start-up (#20): a command imports what it runs, nothing more.


def _modules_after(*argv: str) -> set[str]:
    """The modules a fresh interpreter holds after `chronology ARGV` (exit code and output ignored)."""
    script = (
        "import contextlib, io, sys\n"
        "from chronology.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    with contextlib.suppress(SystemExit):\n"
        f"        main({list(argv)!r})\n"
        "print('\\n'.join(sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(run.stdout.split())


@pytest.mark.parametrize("argv", [["--help"], ["no-such-command"]])
def test_help_and_a_bad_command_import_no_subcommand(argv: list[str]) -> None:
    loaded = _modules_after(*argv)
    assert {module for module, _ in SUBCOMMANDS.values()} & loaded == set()
    assert {"chronology.pipeline", "chronology.patterns", "pydantic"} & loaded == set()


def test_a_subcommand_still_shows_its_own_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["build", "--help"])
    assert exit_.value.code == 0 and "--top N" in capsys.readouterr().out


def test_tag_imports_no_event_stage(tmp_path: Path) -> None:
    # Dating a text reads no events, no HTML and, without a publication date, neither the grammar (numpy) nor any
    # date dateparser would read.
    (tmp_path / "a.txt").write_text("Officials said on Monday that the schools would reopen.\n", encoding="utf-8")
    loaded = _modules_after("tag", str(tmp_path / "a.txt"))
    assert "chronology.dating" in loaded
    unwanted = {"chronology.events", "chronology.language.arguments", "chronology.pipeline", "chronology.merge",
                "chronology.html", "jinja2", "trafilatura", "numpy", "dateparser"}
    assert unwanted & loaded == set()


def test_the_wheel_carries_the_templates(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    [wheel] = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = zipfile.ZipFile(wheel).namelist()
    assert "chronology/templates/timeline.html.j2" in names


# Streamed outputs (#7): the pieces a large run writes join to exactly what the whole renders give.


@pytest.fixture(scope="module")
def merged_seeds() -> MergedTimeline:
    return build_merged(iter_documents([str(ROOT / "seeds")], lambda message: None), DateHints(), workers=1)


def test_streamed_timeline_json_is_the_whole_render(merged_seeds: MergedTimeline) -> None:
    whole = merged_seeds.timeline()
    assert "".join(timeline_json_chunks(merged_seeds)) == timeline_json(whole)
    assert "".join(timeline_json_chunks(whole)) == timeline_json(whole)
    empty = Timeline(articles=(), events=(), warnings=("nothing",))
    assert "".join(timeline_json_chunks(empty)) == timeline_json(empty)


def test_streamed_page_payload_is_the_whole_payload(merged_seeds: MergedTimeline) -> None:
    whole = merged_seeds.timeline()
    assert "".join(embed_payload_chunks(merged_seeds)) == embed_json(timeline_payload(whole))
    assert "".join(html_chunks(merged_seeds)) == render_html(whole)


def test_packed_events_read_back_as_the_merged_events(merged_seeds: MergedTimeline) -> None:
    events = list(merged_seeds.events)
    assert len(events) == len(merged_seeds.events) > 0
    assert len({event.id for event in events}) == len(events)
    by_page = sorted(events, key=order_key)
    # page_key's order, found as the events were packed, is order_key's; so is a key sorted on demand.
    assert list(merged_seeds.events.ordered(page_key)) == by_page
    assert list(merged_seeds.events.ordered(order_key)) == by_page
    assert [json.loads(line) for line in event_lines(merged_seeds.events)] == [
        json.loads(event.model_dump_json()) for event in events
    ]


def test_packed_articles_read_back_as_the_article_records(merged_seeds: MergedTimeline) -> None:
    articles = merged_seeds.articles
    records = merged_seeds.timeline().articles
    assert isinstance(articles, PackedArticles) and len(articles) == len(records) > 1
    assert list(articles) == list(records) and articles[-1] == records[-1] and articles[1:] == records[1:]
    assert sum(article.event_count for article in articles) >= len(merged_seeds.events)
    by_id = ArticlesById(articles)
    assert by_id[records[0].id] == records[0] and records[1].id in by_id and "nowhere#0" not in by_id
    with pytest.raises(IndexError):
        articles[len(records)]


def test_a_selection_streamed_from_packed_events_is_the_whole_selection(merged_seeds: MergedTimeline) -> None:
    whole = merged_seeds.timeline()
    for selection in (
        Selection(since=dt.date(2021, 1, 1), until=dt.date(2021, 12, 31)),
        Selection(match="IRAQ"),
        Selection(excluded_bases=frozenset({"unknown"})),
    ):
        selected = merged_seeds.select(selection)
        expected = filter_timeline(whole, selection)
        assert 0 < len(selected.events) < len(merged_seeds.events)
        assert selected.timeline() == expected
        assert "".join(html_chunks(selected)) == render_html(expected)
    assert merged_seeds.select(Selection()) is merged_seeds


def test_exports_streamed_from_packed_events_are_the_whole_exports(merged_seeds: MergedTimeline) -> None:
    whole = merged_seeds.timeline()
    for name, (_, chunks) in EXPORTS.items():
        renders = {"timelinejs": timelinejs_json, "csv": timeline_csv, "ics": timeline_ics}
        assert "".join(chunks(merged_seeds)) == renders[name](whole)
    empty = Timeline(articles=(), events=(), warnings=())
    assert json.loads(timelinejs_json(empty))["events"] == []


def test_an_interrupted_write_keeps_every_old_output_and_leaves_no_temp_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old a", encoding="utf-8")
    (tmp_path / "b.html").write_text("old b", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_outputs() as outputs:
        outputs.open(tmp_path / "a.json").write("new a")
        outputs.open(tmp_path / "b.html").write("new b")
        raise KeyboardInterrupt
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {"a.json": "old a", "b.html": "old b"}
    with atomic_outputs() as outputs:
        outputs.open(tmp_path / "a.json").write("new a")
        outputs.open(tmp_path / "b.html").write("new b")
    assert {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {"a.json": "new a", "b.html": "new b"}


def test_published_for_a_file_that_is_no_input_warns_and_exits_non_zero_when_none_matches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("The council met on Monday to approve the budget.\n", encoding="utf-8")
    out = tmp_path / "out"
    typo = ["--published", "b.txt=2024-03-06"]
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "-q", *typo]) == 2
    assert "no input is named b.txt" in capsys.readouterr().err and not out.exists()
    both = ["--published", "a.txt=2024-03-06", *typo]
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "-q", *both]) == 0
    assert "warning: --published: no input is named b.txt" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "in"), "--out", str(out), "--workers", "1"]) == 0
    assert " from 1 article -> " in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_tells_the_share_done_and_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    from chronology.commands import build as build_command

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    seeds = ROOT / "seeds"
    progress = build_command._Progress(enabled=True, paths=[str(seeds)])
    assert progress.total == sum(path.stat().st_size for path in seeds.rglob("*") if path.is_file())
    documents = list(progress.reading(iter_documents([str(seeds)], lambda message: None)))
    assert progress._share() == 0.0  # read is not analysed: reading runs ahead of the workers
    # The analysis of the first half of the third document: the first two and half the third are done.
    first, second, third = documents[:3]
    article = SimpleNamespace(source=third.source, end=len(third.text) // 2)
    progress(SimpleNamespace(article=article, events=()))
    done = len(first.text) + len(second.text) + len(third.text) // 2
    assert progress._share() == pytest.approx(done / progress.total, rel=0.01)
    progress._draw(progress._started + 30.0)
    line = terminal.getvalue()
    assert re.search(r"\r *\d+%, about \d+:\d\d left \| \d+ files, ", line), line
    assert build_command._clock(75) == "1:15" and build_command._clock(3725) == "1:02:05"
    # Standard input has no size: no share, no time left.
    assert build_command._Progress(enabled=True, paths=["-"]).total is None
