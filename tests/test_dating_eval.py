"""evaluate-dates: the DCT is hidden, the date found from the text alone is scored per dateline category."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from chronology import dating_eval
from chronology.dating_eval import (
    Category,
    DocumentResult,
    category_of,
    error_lines,
    evaluate_paths,
    report,
    score,
    unanchored_gold,
)
from chronology.errors import InputError
from chronology.models import Timex
from chronology.timeml import parse_timeml

FIXTURES = Path(__file__).parent / "fixtures" / "timeml"


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    dating_eval.configure_parser(parser)
    return dating_eval.command(parser.parse_args(argv))


def result(error: int | None, category: Category = "no_dateline") -> DocumentResult:
    truth = dt.date(2000, 1, 1)
    return DocumentResult(
        source="x",
        category=category,
        truth=truth,
        found=None if error is None else truth + dt.timedelta(days=error),
        basis="unknown" if error is None else "inferred",
        error_days=error,
    )


def test_scores_count_unknown_as_neither_right_nor_wrong() -> None:
    scores = score([result(0), result(5), result(-40), result(None)])
    assert scores.documents == 4
    assert (scores.coverage, scores.exact, scores.within_7_days, scores.wrong_over_30_days) == (0.75, 0.25, 0.5, 0.25)


def test_category_is_a_full_date_opening_one_of_the_first_lines() -> None:
    assert category_of("January 09 , 2008Apple cut its prices .") == "dateline"
    assert category_of("\nHeadline\n\nJuly 25, 2021\n\nBody.") == "dateline"
    assert category_of("WASHINGTON (AP) --\n\nOfficials said on Friday.") == "no_dateline"
    assert category_of("Apple will redeem its notes due March 1, 2011.") == "no_dateline"


def test_gold_timexes_lose_what_needs_the_dct() -> None:
    document = parse_timeml((FIXTURES / "inferable.tml").read_text(), "inferable")
    values = {t.text: t.value for t in unanchored_gold(document)}
    assert values == {"March 2, 1998": "1998-03-02", "March 9": "XXXX-03-09", "Friday": "XXXX-WXX-5"}


def test_hidden_dct_is_found_or_inferred_or_honestly_unknown() -> None:
    results = {Path(r.source).stem: r for r in evaluate_paths([str(FIXTURES)], "gold")}
    assert set(results) == {"dated", "inferable", "wire"}  # a document without a DCT cannot be scored
    assert (results["dated"].category, results["dated"].basis, results["dated"].error_days) == (
        "dateline",
        "dateline",
        0,
    )
    assert (results["inferable"].basis, results["inferable"].error_days) == ("inferred", 0)
    assert (results["wire"].basis, results["wire"].found) == ("unknown", None)
    scores = report(list(results.values()))
    assert scores["dateline"].exact == 1.0 and scores["no_dateline"].coverage == 0.5


def test_tagger_clues_come_from_the_resolver(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dt.date | None] = []

    def fake_tagger(text: str) -> list[Timex]:
        calls.append(None)
        return []

    monkeypatch.setattr(dating_eval, "_tagger_timexes", fake_tagger)
    results = evaluate_paths([str(FIXTURES / "dated.tml"), str(FIXTURES / "inferable.tml")], "tagger")
    assert len(calls) == 2
    assert [r.basis for r in results] == ["dateline", "unknown"]


def test_command_prints_a_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(FIXTURES), "--clues", "gold"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split()[:2] == ["documents", "count"]
    assert any(line.startswith("dateline") for line in table.splitlines())
    assert run([str(FIXTURES), "--clues", "gold", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["scores"]["all"]["documents"] == 3
    assert {d["source"].rsplit("/", 1)[-1] for d in payload["documents"]} == {"dated.tml", "inferable.tml", "wire.tml"}


def test_missing_path_or_nothing_to_score_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        run([str(tmp_path / "missing")])
    with pytest.raises(InputError, match="no TimeML document with a DCT"):
        run([str(FIXTURES / "nodct.tml"), "--clues", "gold"])


def test_error_listing_shows_wrong_dates_worst_first_with_their_evidence() -> None:
    results = [result(3), result(-40), result(None), result(0)]
    lines = error_lines(results)
    assert [line.split("\t")[3] for line in lines] == ["-40d", "+3d"]
    assert lines[0].split("\t")[1:3] == ["2000-01-01", "1999-11-22"]
    assert error_lines(results, 30) == lines[:1]


def test_command_lists_errors_on_request(capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(FIXTURES), "--clues", "gold", "--errors"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split()[:2] == ["documents", "count"] and len(rows) == 4  # header, 3 score rows, nothing wrong


def test_undated_answers_with_a_range_are_counted_and_checked() -> None:
    truth = dt.date(1998, 2, 27)
    holds = result(None).model_copy(
        update={"truth": truth, "earliest": dt.date(1998, 1, 1), "latest": dt.date(1998, 12, 31)}
    )
    misses = holds.model_copy(update={"earliest": dt.date(1999, 1, 1), "latest": dt.date(1999, 12, 31)})
    scores = score([holds, misses, result(None), result(0)])
    assert (scores.ranged, scores.range_misses, scores.coverage) == (0.5, 0.25, 0.25)
