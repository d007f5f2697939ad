import datetime as dt
from pathlib import Path

import pytest

from chronology.errors import InputError
from chronology.models import Timex
from chronology.timeml import parse_timeml, to_timeml

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-10-26" functionInDocument="CREATION_TIME">10/26/89</TIMEX3></DCT>
<TEXT>Profits rose <TIMEX3 tid="t1" type="DATE" value="1989-Q3" mod="END">late in the third quarter</TIMEX3>,
<EVENT eid="e1">said</EVENT> AT&amp;T <TIMEX3 tid="t2" type="DATE" value="1989-10-25">yesterday</TIMEX3>.</TEXT>
</TimeML>
"""


def test_reads_stripped_text_dct_and_gold_offsets():
    doc = parse_timeml(SAMPLE)
    assert doc.dct == dt.date(1989, 10, 26) and doc.docid == "wsj_0001"
    assert doc.text == "Profits rose late in the third quarter,\nsaid AT&T yesterday."
    assert [(t.text, t.value, t.mod) for t in doc.timexes] == [
        ("late in the third quarter", "1989-Q3", "END"),
        ("yesterday", "1989-10-25", None),
    ]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text


def test_writing_back_keeps_the_text_and_our_tags():
    doc = parse_timeml(SAMPLE)
    ours = [Timex(tid="t1", start=50, end=59, text="yesterday", type="DATE", value="1989-10-25",
                  underspecified="REF-1D", anchor="publication", anchor_value="1989-10-26")]
    again = parse_timeml(to_timeml(doc.text, ours, doc.dct, doc.docid))
    assert again.text == doc.text and again.dct == doc.dct
    assert [(t.text, t.value) for t in again.timexes] == [("yesterday", "1989-10-25")]


def test_broken_markup_is_an_input_error():
    with pytest.raises(InputError, match="not well-formed"):
        parse_timeml("<TimeML><TEXT>unclosed</TimeML>")


def test_reads_every_shared_corpus_file_consistently():
    corpus = Path(__file__).resolve().parents[2] / "shared" / "data" / "timeml"
    files = sorted(corpus.glob("*/*.tml"))
    if not files:
        pytest.skip("shared TimeML corpus not present beside the repository")
    gold = 0
    for path in files:
        doc = parse_timeml(path.read_text(encoding="utf-8"), path.name)
        assert doc.dct is not None
        gold += len(doc.timexes)
        assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    assert gold == 1822
