"""News-robust sentence splitting."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from chronology.sentences import Clauses, RoughSentences, sentence_at, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_plain_sentences() -> None:
    assert sentences("It rained. Then it stopped! Did it? Yes.") == [
        "It rained.", "Then it stopped!", "Did it?", "Yes."]


def test_titles_and_ranks_do_not_end_a_sentence() -> None:
    text = "Maj. Gen. John Smith met Mr. Brown and Dr. Lee. They talked."
    assert sentences(text) == ["Maj. Gen. John Smith met Mr. Brown and Dr. Lee.", "They talked."]


def test_dotted_abbreviations_and_months() -> None:
    text = "U.S. forces left on Jan. 5 at 10 a.m. local time. The U.N. said so."
    assert sentences(text) == ["U.S. forces left on Jan. 5 at 10 a.m. local time.", "The U.N. said so."]


def test_abbreviation_at_the_end_of_a_sentence() -> None:
    text = "He moved to the U.S. The next day he left."
    assert sentences(text) == ["He moved to the U.S.", "The next day he left."]


def test_initials_stay_inside() -> None:
    assert sentences("John F. Kennedy spoke. He left.") == ["John F. Kennedy spoke.", "He left."]


def test_quotes_close_the_sentence() -> None:
    text = "He said: “We will stay.” Officials disagreed."
    assert sentences(text) == ["He said: “We will stay.”", "Officials disagreed."]
    text = 'She said, "It is over." Then she left.'
    assert sentences(text) == ['She said, "It is over."', "Then she left."]


def test_blank_line_always_ends_a_sentence() -> None:
    text = "A paragraph without an end\n\nAnother one."
    assert sentences(text) == ["A paragraph without an end", "Another one."]


def test_headline_and_caption_lines_end_a_sentence() -> None:
    text = "Iraq Preoccupied with Potential Israeli Attack\nBaghdad has been busy this week. It waits."
    assert sentences(text) == [
        "Iraq Preoccupied with Potential Israeli Attack", "Baghdad has been busy this week.", "It waits."]


def test_wrapped_lines_continue_the_sentence() -> None:
    text = "The bombs went off in the\ncapital on Friday, killing\ndozens. Police came."
    assert sentences(text) == ["The bombs went off in the\ncapital on Friday, killing\ndozens.", "Police came."]


def test_lowercase_after_period_does_not_split() -> None:
    assert sentences("It cost 3.5 million dollars vs. last year. Fine.") == [
        "It cost 3.5 million dollars vs. last year.", "Fine."]


def test_sentence_at() -> None:
    text = "One. Two. Three."
    spans = sentence_spans(text)
    assert sentence_at(spans, text.index("Two")) == (5, 9)
    assert sentence_at([], 3) == (0, 0)


@given(st.text(alphabet=st.sampled_from(list("ab. \n?!\"”AB")), max_size=200))
def test_spans_are_ordered_trimmed_and_cover_all_text(text: str) -> None:
    spans = sentence_spans(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())
    for a, b in spans:
        assert a < b
        assert text[a:b] == text[a:b].strip()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start


def test_rough_sentences_end_at_every_mark() -> None:
    # Publication-date clues read their tense within these: "U.S." ends one here, unlike in sentence_spans.
    text = "Blasts hit the U.S. embassy on Friday.\nNext"
    rough = RoughSentences(text)
    friday = text.index("Friday")
    assert rough.bounds(friday, friday + 6) == (text.index(" embassy"), text.index(".\n"))
    assert rough.bounds(0, 6) == (0, text.index("."))
    assert rough.bounds(text.index("Next"), len(text)) == (text.index("Next"), len(text))
    # An expression holding a mark spans the sentences around it.
    assert rough.bounds(text.index("U.S."), text.index("U.S.") + 4) == (0, text.index(".\n"))


def test_clauses_end_at_semicolons_and_before_connectors() -> None:
    sentence = "The minister held talks on Monday before flying home on Wednesday; he resigned on Friday."
    clauses = Clauses(sentence)

    def clause(phrase: str) -> str:
        start = sentence.index(phrase)
        left, right = clauses.around(start, start + len(phrase))
        return sentence[left:right]

    assert clause("Monday") == "The minister held talks on Monday"
    assert clause("Wednesday") == "before flying home on Wednesday"
    assert clause("Friday") == "he resigned on Friday."
    # An expression over a break keeps both clauses.
    assert clause("Monday before flying") == "The minister held talks on Monday before flying home on Wednesday"
