"""Per-article analysis in linear time: a sentence or a line holding thousands of dates is analysed completely
(quadratic loops made these tests take minutes; benchmarks/linear_time.py measures the growth), and the indexed
lookups (nearest tense cue, sentence of an offset, plain dateline dates) agree with their
plain definitions."""

from __future__ import annotations

import datetime as dt

import dateparser
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology.context import _DATEPARSER_SETTINGS, DateHints, _parse_english
from chronology.events import _by_sentence
from chronology.ingest import split_articles
from chronology.models import DateValue, Document, Timex
from chronology.patterns import CLUE_CUE, PASSIVE_AUXILIARY
from chronology.pipeline import analyse_article
from chronology.sentences import sentence_at, sentence_spans
from chronology.spans import Spans
from chronology.tense import nearest_cue_tense

DATES = 2_000


def test_a_long_line_of_many_dates_is_analysed_completely() -> None:
    days = [dt.date(2020, 1, 1) + dt.timedelta(days=n) for n in range(DATES)]
    text = "The council met on " + ", ".join(f"{day:%B} {day.day}, {day.year}" for day in days) + "."
    [article] = split_articles(Document(source="long.txt", text=text, format="text"))
    analysis = analyse_article(article, DateHints.build(published=["2026-01-01"]))
    assert sorted(event.date.value for event in analysis.events) == [day.isoformat() for day in days]
    assert all(event.status == "past" for event in analysis.events)


def test_sentences_of_a_long_run_of_wrapped_lines() -> None:
    text = "The talks went on\n" + "and on\n" * 200_000 + "until dawn."
    assert sentence_spans(text) == [(0, len(text))]


def _nearest_cue_tense(sentence: str, start: int, end: int) -> str:
    """The definition: the cue nearest to the expression (the earlier one on a tie), ignoring cues that start
    inside it and participles after a passive auxiliary; present without any cue."""
    best: tuple[int, str] | None = None
    for match in CLUE_CUE.finditer(sentence):
        if start <= match.start() < end:
            continue
        if match.group("participle") and PASSIVE_AUXILIARY.search(sentence, max(0, match.start() - 8), match.start()):
            continue
        distance = start - match.end() if match.end() <= start else match.start() - end
        if best is None or distance < best[0]:
            best = (distance, "future" if match.group("future") else "past")
    return best[1] if best else "present"


WORDS = st.sampled_from(
    ["said", "will", "was", "signed", "be", "talks", "on", "Monday", "next", "last", "going to", "ended", "x", ""]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=14).map(" ".join), st.integers(0, 80), st.integers(0, 20))
def test_tense_is_the_nearest_cue(sentence: str, start: int, length: int) -> None:
    start = min(start, len(sentence))
    end = min(start + length, len(sentence))
    assert nearest_cue_tense(sentence, start, end) == _nearest_cue_tense(sentence, start, end)


@given(st.lists(st.sampled_from(["One.", "Two words.", "\n", " ", "x"]), max_size=20).map("".join), st.integers(-1, 90))
def test_sentence_at_is_the_last_sentence_starting_at_or_before_the_offset(text: str, offset: int) -> None:
    spans = sentence_spans(text)
    expected = max((span for span in spans if span[0] <= offset), default=(0, 0))
    assert sentence_at(spans, offset) == expected


MONTH_NAMES = st.sampled_from(["January", "april", "MAY", "Sept", "sep", "Feb", "December", "oct"])


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.builds("{}{} {}{}{}".format, MONTH_NAMES, st.sampled_from(["", "."]), st.integers(0, 39),
                  st.sampled_from(["", "st", "th"]), st.sampled_from([", 2021", " , 1999", " 2000", ",1900"])),
        st.builds("{}{} {}{} {}".format, st.integers(0, 39), st.sampled_from(["", "nd", "rd"]),
                  st.sampled_from(["", "of "]), MONTH_NAMES, st.sampled_from(["2024", "1888"])),
        st.builds("{}-{:02d}-{:02d}".format, st.integers(1800, 2099), st.integers(0, 19), st.integers(0, 39)),
    )
)
def test_plain_dateline_dates_read_as_dateparser_reads_them(text: str) -> None:
    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    assert _parse_english(text) == (parsed.date() if parsed is not None else None)


SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda s: (s[0], s[0] + s[1])), max_size=8)


@given(SPANS, st.integers(-1, 60), st.integers(0, 10))
def test_skip_span_lookups_match_their_definitions(spans: list[tuple[int, int]], start: int, length: int) -> None:
    indexed = Spans(spans)
    assert indexed.holds(start) == any(s <= start < e for s, e in spans)
    assert indexed.overlaps(start, start + length) == any(s < start + length and start < e for s, e in spans)


@given(st.lists(st.integers(0, 50), max_size=12), SPANS)
def test_dates_are_grouped_by_sentence_in_their_order(starts: list[int], sentences: list[tuple[int, int]]) -> None:
    dated = [
        (Timex(tid=f"t{n}", start=s, end=s + 1, text="x", type="DATE", value="2020", underspecified="2020"),
         DateValue(value="2020", edtf="2020", start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31),
                   granularity="year"))
        for n, s in enumerate(starts)
    ]
    expected = [[item for item in dated if start <= item[0].start < end] for start, end in sentences]
    assert _by_sentence(dated, sentences) == expected


def test_a_long_line_of_offsets_in_apposition_pins_the_year() -> None:
    text = "Talks began two years ago, on March 3, 2020, " * DATES + "and went on."
    [article] = split_articles(Document(source="pins.txt", text=text, format="text"))
    context = analyse_article(article, DateHints()).context
    assert (context.earliest, context.latest) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))


def test_a_long_line_of_clock_times_puts_each_on_the_day_in_its_sentence() -> None:
    text = "On Monday the talks began at 10:30 a.m., " + ", ".join(["then at 11:15 a.m."] * DATES) + "."
    [article] = split_articles(Document(source="clock.txt", text=text, format="text"))
    timexes = analyse_article(article, DateHints.build(published=["2024-03-06"])).timexes
    assert [t.value for t in timexes[:2]] == ["2024-03-04", "2024-03-04T10:30"]
    assert {t.value for t in timexes[2:]} == {"2024-03-04T11:15"}
