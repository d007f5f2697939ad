"""Event mentions as TimeML marks them, and the cross-validation and scoring that measure the model."""

from pathlib import Path

from chronology import meantime
from chronology.event_scores import Span, score
from chronology.language import pos, syntax
from chronology.language.mentions import (
    BIAS,
    CLASSES,
    OUTSIDE,
    EventMention,
    _labeller,
    features,
    find_mentions,
    is_candidate,
    padded,
)
from chronology.language.perceptron import Perceptron
from chronology.language.tokens import tokenize
from chronology.language.train_events import Document, assign_folds, read_meantime, timeml_classes


def found(text: str) -> dict[str, str]:
    return {mention.text: mention.event_class for mention in find_mentions(text)}


def test_a_reporting_verb_and_what_it_reports() -> None:
    mentions = found("The carmaker said it lost $2 billion in the second quarter.")
    assert mentions["said"] == "REPORTING"
    assert mentions["lost"] == "OCCURRENCE"
    assert "carmaker" not in mentions and "quarter" not in mentions


def test_a_product_launch_is_an_event() -> None:
    assert "unveiled" in found("The company unveiled its new phone at a packed event.")


def test_an_event_noun_is_found() -> None:
    assert "earthquake" in found("Thousands of people were left homeless by the earthquake.")


def test_a_noun_that_always_names_an_event_is_one_where_it_heads_its_phrase() -> None:
    # TimeBank never marks "leave"; the lexicon's event nouns are events where the model leaves them out.
    assert found("Jobs has been on medical leave since January.")["leave"] == "OCCURRENCE"
    assert "keynote" in found("He gave the opening keynote to the developers.")
    # A noun modifying another names a kind of thing, not an event.
    assert "death" not in found("The death penalty was abolished.")
    assert "war" not in found("He was charged with war crimes.")


def test_offsets_point_into_the_whole_text() -> None:
    text = "Headline.\nShares fell sharply on Monday."
    mentions = find_mentions(text, start=10)
    assert EventMention("fell", 17, 21, "OCCURRENCE") in mentions
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert find_mentions(text, 0, 9) == []


def test_folds_are_whole_documents_dealt_in_name_order() -> None:
    names = [f"TimeBank/doc{i:02d}.tml" for i in range(23)]
    folds = assign_folds(reversed(names), 10)
    assert folds == assign_folds(names, 10)  # the order they are read in does not matter
    assert set(folds) == set(names)  # every document sits in exactly one fold
    assert [folds[name] for name in names[:12]] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]


def span(start: int, end: int, event_class: str = "OCCURRENCE") -> Span:
    return Span(((start, end),), event_class)


def test_the_scorer_counts_overlaps_once_per_mention() -> None:
    # Gold "fell" [0, 4) and "said" [10, 14); predicted "fell" [1, 4) (overlaps, not exact) and a miss [20, 25).
    result = score([span(0, 4), span(10, 14, "REPORTING")], [span(1, 4), span(20, 25)])
    assert (result.precision, result.recall, result.f1) == (0.5, 0.5, 0.5)
    assert result.strict == 0 and result.class_accuracy == 1.0 and result.class_f1 == 0.5


def test_class_f1_is_extent_f1_times_class_accuracy() -> None:
    result = score([span(0, 4), span(10, 14, "REPORTING")], [span(0, 4), span(10, 14)])
    assert result.f1 == 1.0 and result.strict_f1 == 1.0
    assert result.class_accuracy == 0.5 and result.class_f1 == 0.5


def test_the_sentence_scorer_agrees_with_the_plain_features() -> None:
    # The labeller sums every token's cached feature rows at once; each label must be what training scored.
    labeller = _labeller()
    words = [token.text for token in tokenize("Officials said on Monday that the re-elected mayor resigned, 2 say.")]
    tags = pos.tag(words)
    lowers, padded_tags, lemmas = padded(words, tags)
    expected = [
        labeller.model.predict(features(words, lowers, padded_tags, lemmas, i)) if is_candidate(word) else OUTSIDE
        for i, word in enumerate(words)
    ]
    assert labeller.label(words, tags) == expected
    assert "REPORTING" in expected


def test_a_fold_model_stands_in_for_the_shipped_one_only_within_its_block() -> None:
    # A model that calls every word an occurrence, as a cross-validation fold's model replaces the shipped one.
    everything = Perceptron(CLASSES, {BIAS: ((CLASSES.index("OCCURRENCE"), 1.0),)})
    text = "The carmaker said it lost money."
    with syntax.labelling_with(everything):
        assert set(found(text)) == {"The", "carmaker", "said", "it", "lost", "money"}
        assert set(syntax.event_classes(tagged(text)).values()) == {"OCCURRENCE"}
    assert set(found(text)) == {"said", "lost"}
    # No sentence keeps the events the stand-in gave it.
    assert set(syntax.event_classes(tagged(text))) == {2, 4}


def tagged(text: str) -> syntax.Tagged:
    sentence = syntax.tag_sentence(text, 0, len(text))
    assert sentence is not None
    return sentence


WIKINEWS = """<?xml version="1.0" encoding="UTF-8"?>
<Document doc_name="1_Apple.xml" doc_id="1" lang="en">
<token t_id="1" sentence="0" number="0">Apple</token>
<token t_id="2" sentence="0" number="1">announced</token>
<token t_id="3" sentence="0" number="2">the</token>
<token t_id="4" sentence="0" number="3">launch</token>
<token t_id="5" sentence="0" number="4">and</token>
<token t_id="6" sentence="0" number="5">tweeted</token>
<token t_id="7" sentence="0" number="6">.</token>
<Markables>
<EVENT_MENTION m_id="20" pred="announce"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="21" pred="launch"><token_anchor t_id="4"/></EVENT_MENTION>
<EVENT_MENTION m_id="22" pred="tweet"><token_anchor t_id="6"/></EVENT_MENTION>
<EVENT_MENTION m_id="23" pred="announce launch"><token_anchor t_id="2"/><token_anchor t_id="4"/></EVENT_MENTION>
<EVENT m_id="40" class="SPEECH_COGNITIVE" instance_id="EV1" TAG_DESCRIPTOR="announce"/>
<EVENT m_id="41" class="OTHER" instance_id="EV2" TAG_DESCRIPTOR="launch"/>
<EVENT m_id="42" class="SPEECH_COGNITIVE" instance_id="EV3" TAG_DESCRIPTOR="tweet"/>
</Markables>
<Relations>
<REFERS_TO r_id="50"><source m_id="20"/><target m_id="40"/></REFERS_TO>
<REFERS_TO r_id="51"><source m_id="21"/><target m_id="41"/></REFERS_TO>
<REFERS_TO r_id="52"><source m_id="22"/><target m_id="42"/></REFERS_TO>
</Relations>
</Document>"""


def test_meantime_events_learn_the_timeml_class_their_lemma_has_in_tbaq(tmp_path: Path) -> None:
    (tmp_path / "1_Apple.xml").write_text(WIKINEWS, encoding="utf-8")
    source = meantime.read_document(tmp_path / "1_Apple.xml")
    timeml = [
        Document("TimeBank/a.tml", "He announced it.", [Span(((3, 12),), "REPORTING", "announced")],
                 [tokenize("He announced it.", 0, 16)], [["PRP", "VBD", "PRP", "."]], [])
    ]
    classes = timeml_classes(timeml)
    assert classes == {"announce": "REPORTING"}
    (document,) = read_meantime([source], classes)
    labelled = {features[1].removeprefix("w="): label for features, label in document.examples if label != OUTSIDE}
    assert labelled == {
        "announced": "REPORTING",  # its lemma's class in TBAQ
        "launch": "OCCURRENCE",  # lemmas TBAQ never marks take a class by their NewsReader class
        "tweeted": "REPORTING",
    }  # and the words between the parts of a split mention are no event ("the")
