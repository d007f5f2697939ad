"""Tense cue readings (chronology.tense): the publication-date clues' nearest cue, and how it differs from the
resolution's reading."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chronology import lexicon, patterns
from chronology.tense import SentenceCues, explicit_direction, nearest_cue_tense


@pytest.mark.parametrize(
    ("sentence", "phrase", "tense"),
    [
        ("On Tuesday, the council said it would wait.", "Tuesday", "past"),
        ("The results will be announced on Monday.", "Monday", "future"),
        ("The change is planned to be announced on Monday.", "Monday", "future"),
        ("The embassy was attacked on December 8.", "December 8", "past"),
        ("Prices on Friday", "Friday", "present"),
        # a past form after a passive auxiliary carries no tense; a hearing set for a day is ahead
        ("A hearing is held on Nov. 12 each year.", "Nov. 12", "present"),
        ("A public hearing is set for Nov. 12.", "Nov. 12", "future"),
    ],
)
def test_tense_cues(sentence: str, phrase: str, tense: str) -> None:
    start = sentence.index(phrase)
    assert nearest_cue_tense(sentence, start, start + len(phrase)) == tense


def test_sentence_cues_are_read_once_for_every_expression() -> None:
    sentence = "Talks ended on Monday and will resume on Friday."
    cues = SentenceCues(sentence)
    monday, friday = sentence.index("Monday"), sentence.index("Friday")
    assert (cues.tense(monday, monday + 6), cues.tense(friday, friday + 6)) == ("past", "future")


def test_clue_and_resolution_readings_differ_on_purpose() -> None:
    # "would" is a future cue for a clue (at worst the clue is left out), no cue for resolution (which would
    # move the date): there the nearer "said" makes Friday past.
    sentence = "Officials said schools would reopen on Friday."
    start = sentence.index("Friday")
    assert nearest_cue_tense(sentence, start, start + 6) == "future"
    assert explicit_direction(sentence, start, start + 6) == "past"


# --- the grouped alternation is only faster ----------------------------------------------------------------------

_PLAIN_CUE = re.compile(
    rf"\b(?:(?P<future>{'|'.join(lexicon.CLUE_FUTURE_CUES)})|(?P<past>{'|'.join(lexicon.CLUE_PAST_CUES)})"
    rf"|(?P<participle>{'|'.join(sorted(lexicon.IRREGULAR_PAST))}|[a-z]{{2,20}}ed))\b",
    re.IGNORECASE,
)
_CUE_WORDS = [*lexicon.CLUE_FUTURE_CUES, *lexicon.CLUE_PAST_CUES, *sorted(lexicon.IRREGULAR_PAST), "plan", "Willed"]
_EVERY_CUE = " ".join(f"He{word} x" if word.startswith("'") else f"{word.upper()} {word}" for word in _CUE_WORDS)


_CUE_TEXT_PARTS = [*_CUE_WORDS, "talked", "n", "'", "He", " ", "  ", ". ", ",", "ſaid", "K"]


@given(st.lists(st.sampled_from(_CUE_TEXT_PARTS), max_size=30))
@example([_EVERY_CUE])
def test_tense_cues_grouped_by_first_letter_match_as_the_plain_alternation(parts: list[str]) -> None:
    text = "".join(parts)
    found = [(m.span(), m.lastgroup) for m in patterns.CLUE_CUE.finditer(text)]
    assert found == [(m.span(), m.lastgroup) for m in _PLAIN_CUE.finditer(text)]


def test_cue_alternation_refuses_what_it_cannot_group() -> None:
    with pytest.raises(ValueError, match="not a plain lowercase alternative"):
        patterns._by_first_letter(["will", "(?:next)"])
