"""MEANTIME reading, the event-dating score and the cross-document event coreference scores on it, on small
hand-made documents; and coherent coreference counts on the real corpus when it is present."""

import datetime as dt
from pathlib import Path

import pytest

from chronology.cli import main
from chronology.meantime import read_corpus, read_time_anchors
from chronology.timeline_eval import evaluate_meantime

DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="1_Apple_unveils.xml" doc_id="1" lang="en">
<token t_id="1" sentence="0" number="0">Apple</token>
<token t_id="2" sentence="0" number="1">unveils</token>
<token t_id="3" sentence="0" number="2">phone</token>
<token t_id="4" sentence="1" number="3">March</token>
<token t_id="5" sentence="1" number="4">6</token>
<token t_id="6" sentence="1" number="5">,</token>
<token t_id="7" sentence="1" number="6">2008</token>
<token t_id="8" sentence="2" number="7">Apple</token>
<token t_id="9" sentence="2" number="8">unveiled</token>
<token t_id="10" sentence="2" number="9">its</token>
<token t_id="11" sentence="2" number="10">new</token>
<token t_id="12" sentence="2" number="11">phone</token>
<token t_id="13" sentence="2" number="12">on</token>
<token t_id="14" sentence="2" number="13">Tuesday</token>
<token t_id="15" sentence="2" number="14">.</token>
<Markables>
<EVENT_MENTION m_id="20" pred="unveil" pos="VERB" tense="PRESENT"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="21" pred="unveil" pos="VERB" tense="PAST"><token_anchor t_id="9"/></EVENT_MENTION>
<TIMEX3 m_id="30" type="DATE" value="2008-03-06" functionInDocument="CREATION_TIME"/>
<EVENT m_id="40" class="OTHER" instance_id="EV1" TAG_DESCRIPTOR="unveil"/>
</Markables>
<Relations>
<REFERS_TO r_id="50"><source m_id="20"/><source m_id="21"/><target m_id="40"/></REFERS_TO>
</Relations>
</Document>
"""
INSTANCES = (
    "#ID\tTYPE\tCLASS\tINSTANCE_NAME\tDESCR\tEXT_LINK\tCOMMENT\tTIME\n"
    "EV1\tEVENT\tOTHER\tunveil\t\t\t\t2008-03-04\n"
)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "meantime"
    (folder / "intra_cross-doc_annotation").mkdir(parents=True)
    (folder / "intra_cross-doc_annotation" / "1_Apple_unveils.xml").write_text(DOCUMENT, encoding="utf-8")
    (folder / "list_instances_apple.tsv").write_text(INSTANCES, encoding="utf-8")
    return folder


def test_documents_are_read_as_prose_with_their_mentions_and_instances(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    [document] = read_corpus(folder)
    assert document.text == "Apple unveils phone\nMarch 6, 2008\nApple unveiled its new phone on Tuesday."
    assert document.dct == dt.date(2008, 3, 6)
    assert [(m.text, m.instance) for m in document.mentions] == [("unveils", "EV1"), ("unveiled", "EV1")]
    assert read_time_anchors(folder / "list_instances_apple.tsv") == {"EV1": "2008-03-04"}


def test_an_event_found_by_its_trigger_is_scored_against_its_instance_date(tmp_path: Path) -> None:
    scores = evaluate_meantime(_corpus(tmp_path))
    # "unveiled ... on Tuesday" (2008-03-04, the Tuesday before the Thursday DCT) is found by its trigger and
    # dated right; the headline's "unveils" has no date of its own and no event by default.
    assert (scores.anchored_mentions, scores.found, scores.correctly_dated) == (2, 1, 1)
    assert scores.dating_accuracy == 1.0 and scores.dated_coverage == 0.5


def _three_documents(tmp_path: Path) -> Path:
    """Two documents telling one unveiling (EV1) in the same words and a third telling another (EV2) with the same
    verb: the merge joins the first two, the same-lemma baseline all three."""
    folder = _corpus(tmp_path)
    annotated = folder / "intra_cross-doc_annotation"
    (annotated / "2_Apple_unveils.xml").write_text(DOCUMENT.replace('doc_id="1"', 'doc_id="2"'), encoding="utf-8")
    laptop = DOCUMENT.replace("phone", "laptop").replace("Tuesday", "Monday").replace('"EV1"', '"EV2"')
    (annotated / "3_Apple_unveils_laptop.xml").write_text(laptop, encoding="utf-8")
    return folder


def test_cross_document_coreference_of_the_merge_and_the_same_lemma_baseline(tmp_path: Path) -> None:
    scores = evaluate_meantime(_three_documents(tmp_path))
    # Gold: EV1 = both documents' "unveils" and "unveiled" (4 pairs across documents), EV2 = the third's two (one
    # document, no pair). Found: the three "unveiled" (the headlines date nothing and stay singletons).
    assert (scores.coreference_mentions, scores.coreference_instances, scores.coreference_found) == (6, 2, 3)
    ours, baseline = scores.coreference, scores.lemma_baseline
    assert (ours.gold_pairs, ours.our_pairs, ours.common_pairs) == (4, 1, 1)
    assert (ours.pairwise_precision, ours.pairwise_recall) == (1.0, 0.25)
    # MUC: of EV1's 3 links the merge keeps 1 and proposes only that one.
    assert (ours.muc_precision, ours.muc_recall) == (1.0, 0.25)
    # The baseline also joins the laptop's "unveiled" to both phones' (2 wrong pairs).
    assert (baseline.gold_pairs, baseline.our_pairs, baseline.common_pairs) == (4, 3, 1)
    assert (baseline.pairwise_precision, baseline.pairwise_recall) == (0.3333, 0.25)


def test_the_report_prints_both_clusterings_and_the_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate-timeline", str(_three_documents(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "6 gold mentions of 2 event instances (3 found" in out
    assert "pairwise precision >= 0.80, recall >= 0.60" in out
    assert "our merge: pairwise (mention pairs from different documents) precision 1.000, recall 0.250" in out
    assert "same-lemma baseline: pairwise (mention pairs from different documents) precision 0.333" in out


MEANTIME = Path(__file__).resolve().parents[2] / "shared" / "data" / "meantime-apple"


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME not present")
def test_coreference_counts_on_the_corpus_are_coherent() -> None:
    scores = evaluate_meantime(MEANTIME)
    # 201 mentions refer to 162 instances, 7 of them told by several documents (36 mention pairs across them).
    assert (scores.documents, scores.coreference_mentions, scores.coreference_instances) == (30, 201, 162)
    assert 0 < scores.coreference_found <= scores.coreference_mentions
    for clustering in (scores.coreference, scores.lemma_baseline):
        assert clustering.gold_pairs == 36
        assert clustering.common_pairs <= min(clustering.gold_pairs, clustering.our_pairs)
        assert 0 <= clustering.conll_f1 <= 1
        mean = (clustering.muc_f1 + clustering.b_cubed_f1 + clustering.ceaf_e_f1) / 3
        assert clustering.conll_f1 == pytest.approx(mean, abs=1e-4)
