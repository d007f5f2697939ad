"""Timeline summarisation: ROUGE-N, date F1 and the aligned metrics against hand-computed figures, the system
timeline drawn from the key events, and `chronology evaluate-tls` on a four-article storm story
(tests/fixtures/tls: articles.jsonl and one gold timeline in timelines.jsonl)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from chronology.cli import main
from chronology.tls_eval import Entry, sentences_per_date, system_timeline
from chronology.tls_metrics import (
    Scores,
    aligned_rouge,
    averaged,
    concat_rouge,
    date_scores,
    ngrams,
    rouge,
    words,
)

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tls"


def day(number: int) -> dt.date:
    return dt.date(2024, 1, number)


def close(scores: Scores, precision: float, recall: float, f1: float) -> bool:
    expected = {"precision": precision, "recall": recall, "f1": f1}
    return scores.model_dump() == pytest.approx(expected)


def test_words_are_lowercased_runs_of_letters_and_digits() -> None:
    assert words("The U.S. fleet, in 2024 -- Port_Elin!") == ["the", "u", "s", "fleet", "in", "2024", "port", "elin"]


def test_rouge_1_and_2_count_shared_ngrams() -> None:
    # the x2, cat, on, mat shared: 5 of 6 words each way. Bigrams: "the cat", "on the", "the mat" of 5.
    assert close(rouge(["The cat sat on the mat."], ["the cat lay on the mat"], 1), 5 / 6, 5 / 6, 5 / 6)
    assert close(rouge(["The cat sat on the mat."], ["the cat lay on the mat"], 2), 0.6, 0.6, 0.6)


def test_an_ngram_counts_as_often_as_it_is_in_both() -> None:
    # "the" three times against once: one match. P 1/3, R 1/2, F1 2PR/(P+R) = 0.4.
    assert close(rouge(["the the the"], ["the cat"], 1), 1 / 3, 1 / 2, 0.4)


def test_a_summary_is_read_as_one_text_across_its_sentences() -> None:
    assert ngrams(["a b", "c"], 2) == {("a", "b"): 1, ("b", "c"): 1}
    assert close(rouge([], ["a b"], 1), 0.0, 0.0, 0.0)


def test_date_f1() -> None:
    system = {day(1): ["x"], day(2): ["x"], day(3): ["x"], day(4): ["x"]}
    gold = {day(1): ["x"], day(2): ["x"], day(5): ["x"]}
    # 2 of 4 dates right, 2 of 3 found: F1 = 2 * 1/2 * 2/3 / (1/2 + 2/3) = 4/7.
    assert close(date_scores(system, gold), 0.5, 2 / 3, 4 / 7)
    assert close(date_scores({}, gold), 0.0, 0.0, 0.0)


def test_concat_rouge_joins_every_date() -> None:
    system = {day(2): ["storm hits"], day(1): ["city floods"]}
    gold = {day(9): ["city floods storm hits"]}
    # Dates do not matter: all four words match; of the bigrams (in date order: city floods storm hits) all three.
    assert close(concat_rouge(system, gold, 1), 1.0, 1.0, 1.0)
    assert close(concat_rouge(system, gold, 2), 1.0, 1.0, 1.0)


def test_aligned_rouge_weighs_a_day_off_by_half() -> None:
    system = {day(2): ["storm hits city"]}
    gold = {day(1): ["storm hits city"], day(10): ["council meets"]}
    # Precision: 2 Jan aligns to 1 Jan (cost 0.5 * (1 - 1) = 0, against 8/9 for 10 Jan): 3 words at weight 1/2
    # over 3. Recall: 1 Jan takes 2 Jan, 1.5 words; 10 Jan takes 2 Jan too and shares nothing; over 5 gold words.
    assert close(aligned_rouge(system, gold, 1), 0.5, 0.3, 0.375)


def test_aligned_rouge_is_many_to_one_and_takes_the_earliest_of_equals() -> None:
    system = {day(1): ["storm hits city"], day(3): ["storm hits city"]}
    gold = {day(1): ["storm hits city"]}
    # Both system dates take 1 Jan: 3 + 3/3 of 6 words. 1 Jan could take either (both cost 0): the first, whole.
    assert close(aligned_rouge(system, gold, 1), 2 / 3, 1.0, 0.8)


def test_aligned_rouge_prefers_the_date_that_says_the_same() -> None:
    system = {day(5): ["council meets"]}
    gold = {day(4): ["storm hits"], day(7): ["council meets"]}
    # 5 Jan to 4 Jan costs 1/2 (nothing shared), to 7 Jan 2/3 * 0 = 0: it takes 7 Jan, two words at 1/3, over 2.
    # Recall: 4 Jan shares nothing; 7 Jan takes 5 Jan, 2/3 of a match, over 4 gold words. F1 = 2/9.
    assert close(aligned_rouge(system, gold, 1), 1 / 3, 1 / 6, 2 / 9)
    assert close(aligned_rouge({}, gold, 1), 0.0, 0.0, 0.0)
    assert close(aligned_rouge(system, {}, 1), 0.0, 0.0, 0.0)


def test_several_timelines_average_precision_and_recall_then_take_f1() -> None:
    assert close(averaged([Scores.of(1.0, 0.5), Scores.of(0.5, 0.5)]), 0.75, 0.5, 0.6)


def test_the_system_timeline_takes_dates_then_sentences_by_rank_within_the_gold_span() -> None:
    entries = [
        Entry(day(3), "Storm hits."),
        Entry(day(30), "Out of the gold span."),
        Entry(day(5), "Shelters open."),
        Entry(day(3), "Storm hits."),  # told again: not twice
        Entry(day(3), "Emergency declared."),
        Entry(day(8), "No date left for it."),
        Entry(day(5), "Power is back."),
        Entry(day(3), "No room left on the 3rd."),
    ]
    assert system_timeline(entries, 2, 2, (day(1), day(10))) == {
        day(3): ["Storm hits.", "Emergency declared."],
        day(5): ["Shelters open.", "Power is back."],
    }


def test_sentences_per_date_is_the_gold_average_rounded() -> None:
    assert sentences_per_date({day(1): ["a", "b"], day(2): ["c"], day(3): ["d"]}) == 1  # 4/3
    assert sentences_per_date({day(1): ["a", "b", "c"], day(2): ["d", "e", "f", "g"]}) == 4  # 3.5, half to even
    assert sentences_per_date({day(1): ["a", "b", "c"], day(2): ["d", "e"]}) == 2  # 2.5, half to even
    assert sentences_per_date({day(1): []}) == 1


def _evaluate(capsys: pytest.CaptureFixture[str], *paths: str) -> dict[str, Any]:
    assert main(["evaluate-tls", *paths, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_evaluate_tls_scores_the_key_events_of_the_storm_story(capsys: pytest.CaptureFixture[str]) -> None:
    scores = _evaluate(capsys, str(FIXTURE))
    assert (scores["articles"], len(scores["timelines"])) == (4, 1)
    timeline = scores["timelines"][0]
    assert (timeline["gold_dates"], timeline["sentences_per_date"], timeline["system_dates"]) == (3, 1, 3)
    # The three events told by several outlets are the most salient, one on each gold date: landfall (3 March),
    # shelters (5 March), the harbour reopening (8 March).
    assert scores["date"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # By hand: the three descriptions hold 38 words, the four gold sentences 33, and they share 22 (the dates'
    # own pairs share 21: the second "the" of the harbour's description is not on the gold's 8 March).
    assert scores["rouge1_concat"] == pytest.approx({"precision": 22 / 38, "recall": 22 / 33, "f1": 44 / 71})
    assert scores["rouge1_aligned"] == pytest.approx({"precision": 21 / 38, "recall": 21 / 33, "f1": 42 / 71})
    assert scores["rouge2_concat"]["f1"] == pytest.approx(0.4348, abs=1e-4)
    assert scores["rouge2_aligned"]["f1"] == pytest.approx(0.4308, abs=1e-4)
    # The two files named give the same.
    assert _evaluate(capsys, str(FIXTURE / "articles.jsonl"), str(FIXTURE / "timelines.jsonl")) == scores


def test_evaluate_tls_prints_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate-tls", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "timeline 1: 3 dates, 1 sentence per date; ours 3 dates; date F1 1.000" in out
    assert "ROUGE-1 aligned (align+ m:1): F1 0.592 (precision 0.553, recall 0.636)" in out


GOLD = '[["2024-03-03", ["A storm hit."]]]\n'


@pytest.mark.parametrize(
    ("articles", "timelines", "message"),
    [
        ('{"id": 1, "time": "2024-03-04", "text": "A storm hit on Sunday."}\n{"id": 1\n', GOLD,
         "articles.jsonl:2: not JSON"),
        ('{"id": 1, "time": "last week", "text": "A storm hit."}\n', GOLD, "cannot read 'last week' as an ISO date"),
        ('{"id": 1, "text": "A storm hit."}\n', GOLD, "articles.jsonl:1 time: expected a date"),
        ('{"id": 1, "time": "2024-03-04", "text": "A."}\n{"id": 1, "time": "2024-03-04", "text": "B."}\n', GOLD,
         "articles.jsonl:2: a second article with id '1'"),
        ("\n", GOLD, "articles.jsonl: no article"),
        ('{"id": 1, "time": "2024-03-04", "text": "A."}\n', '[["2024-03-03", "one sentence"]]\n',
         "timelines.jsonl:1: expected [date, [sentence, ...]]"),
        ('{"id": 1, "time": "2024-03-04", "text": "A."}\n', "\n", "timelines.jsonl: no gold timeline"),
    ],
)
def test_a_bad_dataset_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], articles: str,
                                   timelines: str, message: str) -> None:
    (tmp_path / "articles.jsonl").write_text(articles, encoding="utf-8")
    (tmp_path / "timelines.jsonl").write_text(timelines, encoding="utf-8")
    assert main(["evaluate-tls", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err


def test_a_folder_without_the_dataset_files_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate-tls", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"chronology: error: {tmp_path}: expected articles.jsonl (or articles.jsonl.gz) and timelines.jsonl"
    )


def test_gzipped_articles_are_read_as_news_tls_ships_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with gzip.open(tmp_path / "articles.jsonl.gz", "wt", encoding="utf-8") as packed:
        packed.write((FIXTURE / "articles.jsonl").read_text(encoding="utf-8"))
    (tmp_path / "timelines.jsonl").write_bytes((FIXTURE / "timelines.jsonl").read_bytes())
    assert _evaluate(capsys, str(tmp_path)) == _evaluate(capsys, str(FIXTURE))


def test_three_paths_are_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate-tls", str(FIXTURE), str(FIXTURE), str(FIXTURE)]) == 2
    assert capsys.readouterr().err.strip() == (
        "chronology: error: give a dataset folder, or ARTICLES_JSONL and TIMELINES_JSONL"
    )
