"""Things that are not events (chronology.nonevents, issue #16 item 6), as a user sees them: the events the
pipeline makes of an article (`split_articles` and `analyse_article`, as `build` does), with and without
--explicit-only. Each family has positive fixtures (no event) and negative ones (a real event that stays)."""

from __future__ import annotations

import datetime as dt

import pytest

from chronology.context import DateHints
from chronology.ingest import split_articles
from chronology.models import Document, Event
from chronology.nonevents import find_nonevents
from chronology.pipeline import analyse_article
from chronology.sentences import sentence_spans
from chronology.tagger import tag

PUBLISHED = dt.date(2024, 3, 6)  # a Wednesday
HINTS = DateHints(published_all=PUBLISHED)


def _events(text: str, explicit_only: bool = True) -> list[Event]:
    [article] = split_articles(Document(source="a.txt", text=text, format="text"))
    return list(analyse_article(article, HINTS, explicit_only).events)


def _dated(text: str) -> list[tuple[str, str]]:
    """(date, expression) of each dated event."""
    return [(event.date.value, event.mentions[0].expression) for event in _events(text)]


def _statements(text: str) -> list[str]:
    """The descriptions of all events, undated statements included."""
    return [event.description for event in _events(text, explicit_only=False)]


# --- captions and repeated lines ----------------------------------------------------------------------------------

BODY = "The protest began on Monday, organisers said."


@pytest.mark.parametrize(
    "caption",
    [
        "Protesters gather in Tehran on Monday\nPhoto: Reuters",
        "Police guard the embassy in Baghdad on Monday\n(AP Photo/Hadi Mizban)",
        "Crowds in Kyiv on Monday\nGetty Images",
        "Image: Jane Roe/AFP\nCrowds in Kyiv on Monday",
        "Crowds in Kyiv on Monday. Credit: Jane Roe/AFP",
    ],
)
def test_a_caption_beside_its_credit_dates_nothing(caption: str) -> None:
    assert _dated(f"{BODY}\n\n{caption}\n\nThe march went on for hours through the city centre.") == [
        ("2024-03-04", "Monday")
    ]


def test_a_sentence_ending_with_a_full_stop_beside_a_credit_stays_body_text() -> None:
    text = f"{BODY}\n\nThe minister arrived in Baghdad on Tuesday.\nPhoto: Reuters"
    assert ("2024-03-05", "Tuesday") in _dated(text)


def test_a_sentence_repeated_verbatim_gives_one_event_at_its_first_telling() -> None:
    quote = "The ministry said on Saturday that the talks would resume in Geneva."
    text = f"{quote}\n\nDiplomats expect a long round of negotiations.\n\n{quote}\n\nBoth sides sent delegations."
    events = _events(text)
    assert [event.date.value for event in events] == ["2024-03-02"]
    assert events[0].mentions[0].span[0] == text.index("Saturday")
    assert _statements(text).count(quote) == 1


def test_sentences_that_differ_are_not_repeats() -> None:
    text = "The ministry said on Saturday that talks resume.\n\nThe ministry said on Sunday that talks resume."
    assert [date for date, _ in _dated(text)] == ["2024-03-02", "2024-03-03"]


# --- author bios and bylines --------------------------------------------------------------------------------------

NEWS = "The court ruled on Tuesday that the law was unconstitutional."


@pytest.mark.parametrize(
    "note",
    [
        "Jane Doe has covered the courts for the Times since 2012.",
        "John Smith is a reporter for Reuters based in London. He joined the agency in 2010.",
        "Maria Lopez is the paper's Middle East correspondent.\nFollow her on Twitter @mlopez.",
        "Reporting by Jane Doe in London; Editing by John Smith",
        "Jane Roe in Paris contributed to this report.",
    ],
)
def test_closing_author_notes_are_no_events(note: str) -> None:
    text = f"{NEWS}\n\n{note}"
    assert _dated(text) == [("2024-03-05", "Tuesday")]
    assert _statements(text) == [NEWS]


def test_a_bio_like_sentence_that_is_news_keeps_its_dates() -> None:
    text = f"{NEWS}\n\nSmith, who has led the company since 2012, resigned on Monday."
    assert [date for date, _ in _dated(text)] == ["2024-03-05", "2012", "2024-03-04"]


def test_a_bio_before_the_news_ends_is_news() -> None:
    text = (
        "Evan Gershkovich is a reporter for the Wall Street Journal who was detained on March 29, 2023.\n\n"
        f"{NEWS}"
    )
    assert ("2023-03-29", "March 29, 2023") in _dated(text)


# --- titles of works ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("The musical '1776' returned to Broadway on Thursday.", ["2024-02-29"]),
        ('Students were assigned the novel "1984" last week.', ["2024-W09"]),
        ("Students were assigned the novel 1984 last week.", ["2024-W09"]),
        ("George Orwell's 1984 was published in 1949.", ["1949"]),
        ('Earth, Wind & Fire released the song "September" in 1978.', ["1978"]),
    ],
)
def test_a_date_in_the_title_of_a_work_dates_nothing(sentence: str, dates: list[str]) -> None:
    assert [date for date, _ in _dated(sentence)] == dates


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The musical opened on Broadway in 1969.", "1969"),
        ("Britain's 2016 vote to leave the European Union changed its politics.", "2016"),
        ("It's 2024 and the debate goes on.", "2024"),
        # Speech after a work's noun, not its title.
        ('The show "will return in 2025," the network said.', "2025"),
    ],
)
def test_a_year_outside_a_title_stays(sentence: str, date: str) -> None:
    assert [found for found, _ in _dated(sentence)] == [date]


def test_the_tagger_does_not_tag_a_year_in_a_title() -> None:
    assert [t.text for t in tag("the musical \u201c1776\u201d opened in 1969")] == ["1969"]


# --- hypotheticals ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "If it rains tomorrow, the match will be moved to Sunday.",
        "If approved, the law would take effect on January 1.",
        "Should the talks fail on Monday, the strike will begin on Thursday.",
        "Unless a deal is reached by Friday, the union will strike.",
    ],
)
def test_a_sentence_opening_with_a_condition_is_no_event(sentence: str) -> None:
    assert _dated(sentence) == []
    assert _statements(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # The condition dates nothing; the main clause before it is a plan the paper reports.
        ("The match will be moved to Sunday if it rains on Saturday.", ["Sunday"]),
        # The report is an event; what it says would happen is hypothetical.
        ("He said on Monday that if approved, the law would take effect in 2025.", ["Monday"]),
        ("If the talks fail, the strike will begin on Thursday, union leaders said on Friday.", ["Friday"]),
        # A concession: the main clause holds whatever happens.
        ("Even if it rains on Sunday, the final will go ahead on Saturday.", ["Saturday"]),
        # "if" meaning "whether": no condition.
        ("Reporters asked if the vote on Monday would go ahead.", ["Monday"]),
        ("It was not immediately known if the arrest announced on Tuesday was linked.", ["Tuesday"]),
        # A partial quote inside the consequent is still the consequent.
        ('If approved, the law would "take effect at once" on January 1, he said.', []),
    ],
)
def test_only_the_hypothetical_part_dates_nothing(sentence: str, kept: list[str]) -> None:
    assert [expression for _, expression in _dated(sentence)] == kept


@pytest.mark.parametrize(
    "sentence",
    [
        "Watson said the United States will act if the attacks continue.",
        # The quoted words are hypothetical; that he said them is not.
        "\u201cIf they attack us on Monday, we will respond,\u201d he said.",
    ],
)
def test_a_statement_reporting_a_condition_is_still_a_statement(sentence: str) -> None:
    assert _dated(sentence) == []
    assert _statements(sentence) == [sentence]


def test_a_fact_told_beside_a_condition_keeps_its_date() -> None:
    sentence = (
        "But unless the situation changes, the Kennedy will replace the carrier Eisenhower, which has been on "
        "patrol since March."
    )
    assert [expression for _, expression in _dated(sentence)] == ["March"]


# --- habits -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Every Monday the market opens early.",
        "On Mondays, the market opens at 9 a.m.",
        "Every Friday afternoon the council meets in the town hall.",
    ],
)
def test_a_habit_is_no_event(sentence: str) -> None:
    assert _dated(sentence) == []
    assert _statements(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Jobs said that Apple has 109 stores, with one million visitors per week.",
        "The ministry publishes daily figures and said cases rose sharply.",
    ],
)
def test_a_rate_inside_a_statement_leaves_the_statement(sentence: str) -> None:
    assert _statements(sentence) == [sentence]


def test_a_dated_event_beside_a_rate_stays() -> None:
    assert _dated("The ministry, which publishes figures every week, said on Monday that cases rose.") == [
        ("2024-03-04", "Monday")
    ]


# --- the recognisers' reasons -------------------------------------------------------------------------------------


def test_find_nonevents_says_why() -> None:
    text = (
        "If it rains tomorrow, the match will be moved.\n\nEvery Monday the market opens.\n\n"
        "If it rains tomorrow, the match will be moved.\n\nJane Doe is a reporter for Reuters."
    )
    found = find_nonevents(text, sentence_spans(text), [], [])
    assert [(text[start:end], reason) for start, end, reason, _ in found] == [
        ("If it rains tomorrow, the match will be moved.", "hypothetical"),
        ("If it rains tomorrow, the match will be moved.", "hypothetical"),
        ("If it rains tomorrow, the match will be moved.", "repeated"),
        ("Jane Doe is a reporter for Reuters.", "author_note"),
    ]


def test_long_runs_are_read_in_linear_time() -> None:
    # Quadratic scans (each condition re-reading its sentence from the start) made this take minutes.
    conditions = "The match moves" + " if it rains," * 20_000 + " they said."
    notes = "Jane Doe is a reporter for Reuters.\n" * 20_000
    text = f"{conditions}\n\n{notes}"
    found = find_nonevents(text, sentence_spans(text), [], [])
    assert sum(reason == "hypothetical" for _, _, reason, _ in found) == 20_000
    assert sum(reason == "author_note" for _, _, reason, _ in found) == 20_000
