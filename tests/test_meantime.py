"""MEANTIME reading, the event-dating score and the cross-document event coreference scores on it, on small
hand-made documents; and coherent coreference counts on the real corpus when it is present."""

import datetime as dt
import json
from pathlib import Path

import pytest

from chronology.cli import main
from chronology.meantime import read_corpus, read_document, read_time_anchors
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


def test_scoring_articles_the_shipped_model_learned_from_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path)
    assert main(["evaluate-timeline", str(folder)]) == 0
    assert "not blind" not in capsys.readouterr().err
    # The same article as MEANTIME apple's "58383_Cisco_sues_Apple", under its own corpus's number.
    annotated = folder / "intra_cross-doc_annotation"
    (annotated / "1_Apple_unveils.xml").rename(annotated / "7_Cisco_sues_Apple.xml")
    assert main(["evaluate-timeline", str(folder)]) == 0
    assert "not blind; --cross-validate TIMEML scores each article by a model that never saw it" in (
        capsys.readouterr().err
    )


def test_cross_validation_needs_the_timeml_corpora(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate-timeline", str(_corpus(tmp_path)), "--cross-validate", str(tmp_path / "none")]) != 0
    assert "expected corpus folders of .tml files" in capsys.readouterr().err


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


# As MEANTIME writes them: the creation time anchored to the date line's tokens, a timex whose anchors are out of
# order, one without tokens, and a date in sentence 6, past the sentences MEANTIME annotates.
TIMEX_DOCUMENT = """<?xml version="1.0" ?><Document doc_id="2" doc_name="2_Apple_ships" lang="en" url="">
<token number="0" sentence="0" t_id="1">Apple</token>
<token number="1" sentence="0" t_id="2">ships</token>
<token number="2" sentence="0" t_id="3">phone</token>
<token number="3" sentence="1" t_id="4">March</token>
<token number="4" sentence="1" t_id="5">6</token>
<token number="5" sentence="1" t_id="6">,</token>
<token number="6" sentence="1" t_id="7">2008</token>
<token number="7" sentence="2" t_id="8">It</token>
<token number="8" sentence="2" t_id="9">shipped</token>
<token number="9" sentence="2" t_id="10">on</token>
<token number="10" sentence="2" t_id="11">Tuesday</token>
<token number="11" sentence="2" t_id="12">after</token>
<token number="12" sentence="2" t_id="13">two</token>
<token number="13" sentence="2" t_id="14">weeks</token>
<token number="14" sentence="2" t_id="15">.</token>
<token number="15" sentence="3" t_id="16">Sales</token>
<token number="16" sentence="4" t_id="17">Shares</token>
<token number="17" sentence="5" t_id="18">Analysts</token>
<token number="18" sentence="6" t_id="19">More</token>
<token number="19" sentence="6" t_id="20">next</token>
<token number="20" sentence="6" t_id="21">month</token>
<token number="21" sentence="6" t_id="22">.</token>
<Markables>
<TIMEX3 anchorTimeID="30" beginPoint="" comment="" endPoint="" functionInDocument="CREATION_TIME" m_id="30" \
type="DATE" value="2008-03-06">
<token_anchor t_id="4"/>
<token_anchor t_id="5"/>
<token_anchor t_id="6"/>
<token_anchor t_id="7"/>
</TIMEX3>
<TIMEX3 anchorTimeID="30" beginPoint="" comment="" endPoint="" functionInDocument="NONE" m_id="31" type="DATE" \
value="2008-03-04">
<token_anchor t_id="11"/>
</TIMEX3>
<TIMEX3 anchorTimeID="" beginPoint="" comment="" endPoint="" functionInDocument="NONE" m_id="32" type="DURATION" \
value="P2W">
<token_anchor t_id="14"/>
<token_anchor t_id="13"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="2007" anchorTimeID="" beginPoint="" comment="" endPoint="" functionInDocument="NONE" \
m_id="33" type="DATE" value="2007"/>
</Markables>
</Document>
"""


def _timex_corpus(tmp_path: Path) -> Path:
    annotated = tmp_path / "meantime" / "intra_cross-doc_annotation"
    annotated.mkdir(parents=True)
    (annotated / "2_Apple_ships.xml").write_text(TIMEX_DOCUMENT, encoding="utf-8")
    return tmp_path / "meantime"


def test_timexes_are_read_as_spans_of_the_text_without_the_creation_time(tmp_path: Path) -> None:
    document = read_document(_timex_corpus(tmp_path) / "intra_cross-doc_annotation" / "2_Apple_ships.xml")
    lines = ["Apple ships phone", "March 6, 2008", "It shipped on Tuesday after two weeks."]
    assert document.text.split("\n")[:3] == lines
    assert [(t.text, t.type, t.value) for t in document.timexes] == [
        ("Tuesday", "DATE", "2008-03-04"),
        ("two weeks", "DURATION", "P2W"),
    ]
    assert all(document.text[t.start : t.end] == t.text for t in document.timexes)
    assert document.dct == dt.date(2008, 3, 6)
    assert document.dct_span is not None
    assert document.text[document.dct_span[0] : document.dct_span[1]] == "March 6, 2008"


def test_evaluate_scores_meantime_where_it_is_annotated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _timex_corpus(tmp_path)
    document = folder / "intra_cross-doc_annotation" / "2_Apple_ships.xml"
    for path in (folder, folder / "intra_cross-doc_annotation", document):
        assert main(["evaluate", str(path), "--json", "--errors"]) == 0
        payload = json.loads(capsys.readouterr().out)
        # The date line (the creation time) and "next month" (sentence 6) are tagged but neither key nor response.
        assert list(payload["corpora"]) == ["MEANTIME"]
        assert (payload["overall"]["gold"], payload["overall"]["system"]) == (2, 2)
        assert payload["overall"]["strict_f1"] == payload["overall"]["value_f1"] == 1.0
        assert payload["errors"] == []
