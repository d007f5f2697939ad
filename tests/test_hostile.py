"""Hostile and broken input, end to end through the command line: every input is handled with a clear message,
no crash, no lost work, and nothing written where it should not be."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronology.cli import main
from chronology.errors import OutputError
from chronology.models import Timeline

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Talks collapse\n\nPublished: March 10, 2021\n\nThe two sides signed a ceasefire on March 3, 2021.\n"
# The single-line file is kept to a few MB so the suite stays fast (the tagger reads ~0.3 MB/s on one core);
# benchmarks/linear_time.py shows the time growing linearly with the size.
LARGE_LINE_CHARS = 2_000_000


def build(inputs: list[Path | str], out: Path, *extra: str) -> int:
    return main(["build", *map(str, inputs), "--out", str(out), "--workers", "1", *extra])


def timeline(out: Path) -> Timeline:
    return Timeline.model_validate_json((out / "timeline.json").read_text(encoding="utf-8"))


def descriptions(out: Path) -> list[str]:
    return [event.description for event in timeline(out).events]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, encoding="utf-8")
    return inputs


def test_empty_files_are_reported_and_the_rest_is_built(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n\t\n", encoding="utf-8")
    assert build([folder], tmp_path / "out") == 0
    err = capsys.readouterr().err
    assert "empty.txt: empty file, skipped" in err and "blank.txt: empty file, skipped" in err
    assert descriptions(tmp_path / "out") == ["The two sides signed a ceasefire on March 3, 2021."]


def test_only_empty_input_is_an_error_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert build([tmp_path / "empty.txt"], tmp_path / "out") == 2
    assert "nothing to process" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_binary_file_is_skipped(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "image.txt").write_bytes(bytes(range(256)) * 64)
    assert build([folder], tmp_path / "out") == 0
    assert "image.txt: binary file" in capsys.readouterr().err
    assert len(timeline(tmp_path / "out").articles) == 1


def test_cp1252_and_invalid_utf8_are_decoded(tmp_path: Path) -> None:
    text = (
        "Café talks\n\nPublished: May 2, 2022\n\nThe ministers’ summit in Genève opened on April 28, 2022 – à la fin."
    )
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "broken.txt").write_bytes(GOOD.encode("utf-8") + b"\xff\xfe\xc3 trailing bytes\n")
    assert build([tmp_path / "cp1252.txt", tmp_path / "broken.txt"], tmp_path / "out") == 0
    found = descriptions(tmp_path / "out")
    assert any("Genève opened on April 28, 2022" in d for d in found)
    assert any("ceasefire on March 3, 2021" in d for d in found)


def test_a_large_single_line_file(tmp_path: Path) -> None:
    filler = "the committee met again and the talks went on without a result "
    line = filler * (LARGE_LINE_CHARS // len(filler)) + "The treaty was signed on June 5, 2020."
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    assert build([tmp_path / "line.txt"], tmp_path / "out", "--published", "2020-06-10") == 0
    assert [e.date.value for e in timeline(tmp_path / "out").events] == ["2020-06-05"]


def test_deeply_nested_and_broken_html(tmp_path: Path) -> None:
    body = "<p>The election was held on October 9, 2022.</p>"
    markup = "<html><body>" + "<div><span>" * 20_000 + body + "</b></i><td><<<>>>" + "</div>" * 5 + "<p unclosed"
    (tmp_path / "page.html").write_text(markup, encoding="utf-8")
    assert build([tmp_path / "page.html"], tmp_path / "out", "--published", "2022-10-10") == 0
    assert [e.date.value for e in timeline(tmp_path / "out").events] == ["2022-10-09"]


def test_malformed_json_lines_are_skipped_with_their_line_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        json.dumps({"id": "a", "published": "2021-03-10", "text": "A ceasefire was signed on March 3, 2021."}),
        '{"id": "b", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "c", "published": "2021-03-10", "text": "Talks resumed on March 8, 2021."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    assert build([tmp_path / "feed.jsonl"], tmp_path / "out") == 0
    err = capsys.readouterr().err
    assert "feed.jsonl: line 2: malformed JSON" in err
    assert "feed.jsonl: line 3: not a JSON object" in err
    assert [a.id for a in timeline(tmp_path / "out").articles] == [
        f"{tmp_path / 'feed.jsonl'}#a#0",
        f"{tmp_path / 'feed.jsonl'}#c#0",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal was signed on February 30, 2021.",
        "The festival ends on the 45th of May.",
        "Nothing is planned for the year 99999.",
        "They counted 10,000 in 2,000 years.",
        "On 2021-13-45, 31/02/2020 and 99/99/9999 at 25:61 nothing happened.",
    ],
)
def test_impossible_dates_and_date_like_numbers_give_no_impossible_event(sentence: str, tmp_path: Path) -> None:
    (tmp_path / "odd.txt").write_text(sentence + "\n", encoding="utf-8")
    assert build([tmp_path / "odd.txt"], tmp_path / "out", "--published", "2024-01-15") == 0
    for event in timeline(tmp_path / "out").events:
        assert event.date.start <= event.date.end
        assert event.date.value not in {"2021-02-30", "10000", "2000"}
        assert not event.date.value.startswith(("9999", "99999"))


@pytest.mark.parametrize(
    "text",
    [
        "وقعت الاتفاقية في ٣ مارس ٢٠٢١ في بغداد. وقال الوزير إن المحادثات ستستمر.",
        "会议于2021年3月5日在北京举行。双方同意继续谈判。",
        "Переговоры начались 3 марта 2021 года в Женеве.",
        "\u202e\u200b\ufeff mixed \U0001f600 emoji and bidi controls on March 3, 2021 \u0301\u0301",
    ],
)
def test_text_in_other_scripts(text: str, tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text(text + "\n", encoding="utf-8")
    assert build([tmp_path / "other.txt"], tmp_path / "out", "--published", "2021-03-06") == 0
    result = timeline(tmp_path / "out")
    assert len(result.articles) == 1
    source = (tmp_path / "other.txt").read_text(encoding="utf-8")
    for event in result.events:
        for mention in event.mentions:
            assert source[mention.span[0] : mention.span[1]] == mention.expression


def test_a_failing_render_leaves_previous_outputs_intact(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert build([folder], out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (folder / "more.txt").write_text(GOOD.replace("March 3", "March 4"), encoding="utf-8")

    def broken_writer(content: str) -> str:
        raise OSError(28, "No space left on device")

    # The JSON is written first; fail the HTML render after it so a half-written run would show.
    from chronology.commands import build as build_command

    monkeypatch.setattr(build_command, "write_html", lambda stream, timeline: broken_writer(""))
    # A write failure is the package's OutputError: a clear message and exit status, no stack trace.
    assert build([folder], out) == OutputError.exit_code
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_killed_run_leaves_previous_outputs_intact(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([folder], out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "chronology.cli", "build", "-", "--out", str(out), "--workers", "2", "-q"]
    # Standard input is left open, so the run is still going, whatever the machine's speed, when it is killed.
    process = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, start_new_session=True)
    assert process.stdin is not None
    process.stdin.write((GOOD + "\n\n").encode("utf-8") * 200)
    process.stdin.flush()
    time.sleep(1.0)
    os.killpg(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL
    process.stdin.close()
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before


def test_interrupt_is_reported_and_outputs_kept(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert build([folder], out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    from chronology.commands import build as build_command

    monkeypatch.setattr(build_command, "build_merged", interrupted)
    assert build([folder], out) == 130
    assert "interrupted" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_never_writes_inside_input_folders(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    listing = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    assert main(["build", str(folder), "--workers", "2", "-q", "--events-jsonl"]) == 0
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == listing
    assert sorted(p.name for p in (work / "output").iterdir()) == ["events.jsonl", "timeline.html", "timeline.json"]
