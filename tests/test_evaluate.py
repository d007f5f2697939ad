"""`chronology evaluate`: the TempEval-3 scorer and the command around it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from chronology.errors import InputError
from chronology.evaluate import Counts, Span, command, configure_parser, figures, score_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml"
MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-apple"

TEXT = "On Friday, the company said profit rose in the third quarter, from a year earlier."


def span(text: str, type_: str = "DATE", value: str = "X", occurrence: str = TEXT) -> Span:
    start = occurrence.index(text)
    return Span(start, start + len(text), text, type_, value)


def test_perfect_match() -> None:
    gold = [span("Friday", value="1989-10-27"), span("the third quarter", value="1989-Q3")]
    score = score_document(TEXT, gold, list(gold))
    f = figures(score.counts)
    assert (f["strict_f1"], f["relaxed_f1"], f["type_f1"], f["value_f1"]) == (1.0, 1.0, 1.0, 1.0)
    assert score.errors == []


def test_strict_relaxed_and_attributes() -> None:
    gold = [
        span("Friday", value="1989-10-27"),
        span("the third quarter", value="1989-Q3"),
        span("a year earlier", value="1988-Q3"),
    ]
    system = [
        span("Friday", value="1989-10-20"),  # exact extent, wrong value
        span("third quarter", value="1989-Q3"),  # overlap only
        span("company", type_="DURATION", value="P1D"),  # spurious
    ]
    score = score_document(TEXT, gold, system, "doc")
    c = score.counts
    assert (c.gold, c.system, c.strict, c.relaxed, c.type_correct, c.value_correct) == (3, 3, 1, 2, 2, 1)
    f = figures(c)
    assert f["strict_precision"] == pytest.approx(1 / 3)
    assert f["relaxed_f1"] == pytest.approx(2 / 3)
    assert f["value_accuracy"] == pytest.approx(0.5)
    assert f["value_f1"] == pytest.approx(1 / 3)
    kinds = sorted(e.kind for e in score.errors)
    assert kinds == ["missed", "spurious", "value"]
    missed = next(e for e in score.errors if e.kind == "missed")
    assert "[a year earlier]" in missed.context


def test_relaxed_matching_is_one_to_one() -> None:
    text = "last week and this week"
    gold = [Span(0, 23, text, "DATE", "X")]
    system = [Span(0, 9, "last week", "DATE", "X"), Span(14, 23, "this week", "DATE", "X")]
    c = score_document(text, gold, system).counts
    assert (c.relaxed, c.system) == (1, 2)


def test_empty_counts_give_zeros() -> None:
    assert figures(Counts())["relaxed_f1"] == 0.0


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    configure_parser(parser)
    return parser.parse_args(list(argv))


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-08" functionInDocument="CREATION_TIME">1998-08-08</TIMEX3></DCT>
<TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> and talks lasted
<TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.</TEXT>
</TimeML>
"""


def test_command_prints_figures_per_corpus_and_overall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.tml").write_text(TML, encoding="utf-8")
    assert command(_args(str(tmp_path))) == 0
    out = capsys.readouterr().out
    assert "overall" in out and str(folder) in out
    assert command(_args(str(folder / "a.tml"), "--json", "--errors")) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["overall"]["strict_f1"] == 1.0
    assert payload["overall"]["value_f1"] == 1.0
    assert payload["errors"] == []


def test_errors_listing_names_each_miss(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.tml").write_text(TML.replace("two weeks", "a fortnight"), encoding="utf-8")
    command(_args(str(tmp_path), "--errors"))
    out = capsys.readouterr().out
    assert "missed" in out and "'a fortnight'" in out


def test_missing_path_or_no_tml_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        command(_args(str(tmp_path / "nope")))
    with pytest.raises(InputError, match=r"no \.tml"):
        command(_args(str(tmp_path)))


def test_malformed_tml_raises_input_error(tmp_path: Path) -> None:
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>oops</TimeML>", encoding="utf-8")
    with pytest.raises(InputError):
        command(_args(str(tmp_path)))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="TimeBank/AQUAINT not present")
def test_corpus_figures_do_not_regress(capsys: pytest.CaptureFixture[str]) -> None:
    command(_args(str(CORPUS / "TimeBank"), str(CORPUS / "AQUAINT"), "--json"))
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert overall["gold"] == 1822
    assert overall["relaxed_f1"] >= 0.925
    assert overall["strict_f1"] >= 0.85
    assert overall["type_f1"] >= 0.885
    assert overall["value_f1"] >= 0.77


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME not present")
def test_meantime_is_scored_as_its_own_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    command(_args(str(MEANTIME), "--json"))
    corpora = json.loads(capsys.readouterr().out)["corpora"]
    # 116 TIMEX3s: 30 creation times and 5 without tokens are not scored.
    assert list(corpora) == ["MEANTIME"]
    assert (corpora["MEANTIME"]["documents"], corpora["MEANTIME"]["gold"]) == (30, 81)
    assert corpora["MEANTIME"]["relaxed_f1"] >= 0.9
