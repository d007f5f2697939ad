"""MEANTIME reading and the event-dating score on it, on a small hand-made document."""

import datetime as dt
from pathlib import Path

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
