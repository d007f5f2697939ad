import datetime as dt
from pathlib import Path

import pytest

from chronology.cli import main
from chronology.errors import InputError
from chronology.timeline_eval import detokenise, evaluate_folder, read_document, read_gold, same_articles

DOCUMENT = """<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>100</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2010-06-08">2010-06-08</TIMEX3></DCT>
<EXTRAINFO>Apple unveils a phone</EXTRAINFO>
<TEXT><s id="1">June 8 , 2010</s><s id="2">Yesterday , Steve Jobs <EVENT eid="e1">unveiled</EVENT> the new phone \
at a conference in San Francisco .</s><s id="3">He <EVENT eid="e2">praised</EVENT> the antenna of the phone in \
front of the developers .</s><s id="4">The phone <EVENT eid="e3">has</EVENT> two cameras and a new screen .</s>\
<s id="5">The store was <EVENT eid="e4">launched</EVENT> on April 28 , 2003 in the United States .</s></TEXT>
</TimeML>
"""
GOLD = (
    "Apple phone\n"
    "0\tXXXX-XX-XX\t100-4-has\n"
    "1\t2003-04-28\t100-5-launched\n"
    "2\t2010-06-07\t100-2-unveiled\t101-2-unveiled\n"
    "2\t2010-06-07\t100-3-praised\n"
    "3\t2010-06\t100-4-has\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "documents").mkdir()
    (tmp_path / "gold-timelines").mkdir()
    (tmp_path / "documents" / "100.tml").write_text(DOCUMENT, encoding="utf-8")
    (tmp_path / "documents" / "101.tml").write_text(
        DOCUMENT.replace("<DOCID>100", "<DOCID>101"), encoding="utf-8"
    )
    (tmp_path / "gold-timelines" / "phone.txt").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_documents_are_detokenised_with_exact_sentence_spans(folder: Path):
    document = read_document(folder / "documents" / "100.tml")
    assert document.dct == dt.date(2010, 6, 8) and document.docid == "100"
    start, end = document.sentences[5]
    assert document.text[start:end] == "The store was launched on April 28, 2003 in the United States."
    assert detokenise(["Apple", "'s", "price", "(", "US$", "199", ")", "."]) == "Apple's price (US$199)."


def test_gold_dates_keep_their_precision_and_undated_entries_have_none(folder: Path):
    entries = read_gold(folder / "gold-timelines" / "phone.txt")
    assert [e.date for e in entries] == [None, "2003-04-28", "2010-06-07", "2010-06-07", "2010-06"]
    mentions = [(m.docid, m.sentence, m.word) for m in entries[2].mentions]
    assert mentions == [("100", 2, "unveiled"), ("101", 2, "unveiled")]


def test_scores_count_found_and_correctly_dated_entries(folder: Path):
    scores = evaluate_folder(folder, explicit_only=True)
    # Dated gold entries: launched (date in its sentence), unveiled ("Yesterday"), praised and has (no date).
    assert (scores.dated_entries, scores.found, scores.correctly_dated) == (4, 2, 2)
    # The two documents tell the unveiling in the same words on the same day: one event, both sources.
    assert (scores.cross_document_pairs, scores.merged_pairs, scores.merge_recall) == (1, 1, 1.0)


def test_undated_statements_follow_the_narrative(folder: Path):
    scores = evaluate_folder(folder)
    # "He praised ..." (past) takes yesterday's date; "The phone has ..." (present) the publication day,
    # which is in June 2010 as the gold's month says.
    assert (scores.found, scores.correctly_dated) == (4, 4)


def test_command_prints_the_figures_and_rejects_other_folders(folder: Path, tmp_path: Path, capsys):
    assert main(["evaluate-timeline", str(folder)]) == 0
    assert "recall" in capsys.readouterr().out
    with pytest.raises(InputError):
        evaluate_folder(tmp_path / "gold-timelines")


def test_one_article_is_found_in_two_corpora_by_its_title() -> None:
    semeval = ["11212_Apple_releases_iPhone_SDK,_announces_upcoming_update", "1234-Apple_executive_leaves", "9_Other"]
    meantime = ["101354_Apple_releases_iPhone_SDK,_announces_upcoming_update", "5_Apple_executive_leaves_company"]
    assert same_articles(semeval, meantime) == {semeval[0]: meantime[0], semeval[1]: meantime[1]}
