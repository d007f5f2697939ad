"""The tagger: extents as TimeML draws them and underspecified values, one test per rule family."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import tagger
from chronology.patterns import ANY_DIGIT, PATTERNS, Pattern, Required, Trigger, regex_reach, regex_required
from chronology.sentences import sentence_at, sentence_spans
from chronology.tagger import Tagged, tag


def only(text: str) -> Tagged:
    found = tag(text)
    assert len(found) == 1, found
    return found[0]


def extents(text: str) -> list[str]:
    return [t.text for t in tag(text)]


@pytest.mark.parametrize(
    ("text", "extent", "type_", "value"),
    [
        # full and partial calendar dates
        ("It happened on January 3, 2020.", "January 3, 2020", "DATE", "2020-01-03"),
        ("The blasts on Aug. 7, 1998 killed many.", "Aug. 7, 1998", "DATE", "1998-08-07"),
        ("dated 26 July 2021", "26 July 2021", "DATE", "2021-07-26"),
        ("filed 1998-08-07 in court", "1998-08-07", "DATE", "1998-08-07"),
        ("On December 8, the embassy was attacked.", "December 8", "DATE", "XXXX-12-08"),
        ("due Sept. 30 at the latest", "Sept. 30", "DATE", "XXXX-09-30"),
        ("adopted in January 2020, requiring", "January 2020", "DATE", "2020-01"),
        ("Israel used its airspace in October.", "October", "DATE", "XXXX-10"),
        ("It was founded in 1949.", "1949", "DATE", "1949"),
        ("results for fiscal 1989 were weak", "fiscal 1989", "DATE", "1989"),
        ("in nineteen ninety-six", "nineteen ninety-six", "DATE", "1996"),
        ("It began in January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE", "1997-01"),
        ("prices in the winter of nineteen ninety-four", "the winter of nineteen ninety-four", "DATE", "1994-WI"),
        # decades and centuries
        ("prices in the 1990s rose", "the 1990s", "DATE", "199"),
        ("music of the nineties", "the nineties", "DATE", "199"),
        ("in the 20th century", "the 20th century", "DATE", "19"),
        # quarters and halves
        ("profit in the first quarter of 1998 fell", "the first quarter of 1998", "DATE", "1998-Q1"),
        ("a third-quarter loss", "third-quarter", "DATE", "XXXX-Q3"),
        ("sales in the first half of 1997", "the first half of 1997", "DATE", "1997-H1"),
        ("in the latest quarter", "the latest quarter", "DATE", "UNDEF-this-quarter-MINUS-1"),
        # seasons and holidays
        ("formed last summer, it", "last summer", "DATE", "UNDEF-last-XXXX-SU"),
        ("the winter of 1994", "the winter of 1994", "DATE", "1994-WI"),
        ("shops closed on Christmas Day", "Christmas Day", "DATE", "XXXX-12-25"),
        ("they met on Thanksgiving", "Thanksgiving", "DATE", "XXXX-11-NTH-4-4"),
        ("on Easter Monday", "Easter Monday", "DATE", "XXXX-EASTER+1"),
        # weekdays, deictic days and parts of day
        ("It was attacked on Monday.", "Monday", "DATE", "XXXX-WXX-1"),
        ("He said last Friday that", "last Friday", "DATE", "UNDEF-last-XXXX-WXX-5"),
        ("read Wednesday night at a rally", "Wednesday night", "DATE", "XXXX-WXX-3TNI"),
        ("the RSF attacked early Monday", "early Monday", "DATE", "XXXX-WXX-1"),
        ("He arrived yesterday.", "yesterday", "DATE", "UNDEF-this-day-MINUS-1"),
        ("briefed on the attack this morning", "this morning", "TIME", "UNDEF-this-dayTMO"),
        ("in a call this afternoon", "this afternoon", "TIME", "UNDEF-this-dayTAF"),
        ("he appeared in court the next morning", "the next morning", "TIME", "UNDEF-REF-day-PLUS-1TMO"),
        ("dealers placed orders in the morning", "the morning", "TIME", "XXXX-XX-XXTMO"),
        ("shelling last night", "last night", "TIME", "UNDEF-this-day-MINUS-1TNI"),
        ("resolved in a hearing the week of March 6, he said", "the week of March 6", "DATE", "WEEK-OF-XXXX-03-06"),
        ("down from the previous Friday", "the previous Friday", "DATE", "UNDEF-REF-last-XXXX-WXX-5"),
        ("talks resumed the following Monday morning", "the following Monday morning", "DATE",
         "UNDEF-REF-next-XXXX-WXX-1TMO"),
        ("shares fell the day before the plunge", "the day", "DATE", "UNDEF-REF-day"),
        # relative calendar units
        ("a statement made last week", "last week", "DATE", "UNDEF-this-week-MINUS-1"),
        ("Baghdad has been busy this week", "this week", "DATE", "UNDEF-this-week"),
        ("profits rose last year.", "last year", "DATE", "UNDEF-this-year-MINUS-1"),
        ("sales rose earlier this year.", "earlier this year", "DATE", "UNDEF-this-year"),
        ("by the end of the year.", "the end of the year", "DATE", "UNDEF-this-year"),
        # shifts
        ("passed four years ago, following", "four years ago", "DATE", "UNDEF-this-year-MINUS-4"),
        ("up from $4 a year earlier.", "a year earlier", "DATE", "UNDEF-REF-year-MINUS-1"),
        ("he returned two days later", "two days later", "DATE", "UNDEF-REF-day-PLUS-2"),
        ("compared with year-earlier profit", "year-earlier", "DATE", "UNDEF-REF-year-MINUS-1"),
        # analysts' quarter codes; a bare code only after a preposition
        ("revenue in Q3 2023 rose", "Q3 2023", "DATE", "2023-Q3"),
        ("guidance for Q3 FY2024 was cut", "Q3 FY2024", "DATE", "2024-Q3"),
        ("H1 2024 sales fell", "H1 2024", "DATE", "2024-H1"),
        ("profit rose in Q4.", "Q4", "DATE", "XXXX-Q4"),
        # "this past", "this coming" belong to the expression
        ("protests grew this past weekend", "this past weekend", "DATE", "UNDEF-this-weekend-MINUS-1"),
        ("police said this past Monday", "this past Monday", "DATE", "UNDEF-last-XXXX-WXX-1"),
        ("the vote is this coming Friday", "this coming Friday", "DATE", "UNDEF-next-XXXX-WXX-5"),
        # a comparison with a plan is a duration, not a date
        ("the line opened two days later than planned", "two days", "DURATION", "P2D"),
        ("finished three weeks earlier than expected", "three weeks", "DURATION", "P3W"),
        # durations
        ("talks lasted two weeks", "two weeks", "DURATION", "P2W"),
        ("over the past three years", "the past three years", "DURATION", "P3Y"),
        ("a two-year plan", "two-year", "DURATION", "P2Y"),
        ("in the first nine months", "the first nine months", "DURATION", "P9M"),
        ("it took 5 1/2 hours", "5 1/2 hours", "DURATION", "PT5H30M"),
        ("for several years", "several years", "DURATION", "PXY"),
        ("it has waited for years", "years", "DURATION", "PXY"),
        ("in recent weeks", "recent weeks", "DURATION", "PXW"),
        ("prisoners taken in the first hours of the war", "the first hours", "DURATION", "PTXH"),
        ("fewer lives saved in the early years", "the early years", "DURATION", "PXY"),
        ("many more patients over the years", "the years", "DURATION", "PXY"),
        ("for the year ending then", "the year", "DURATION", "P1Y"),
        ("less than a decade of rule", "less than a decade", "DURATION", "P10Y"),
        ("secrets kept for more than two thousand years", "more than two thousand years", "DURATION", "P2000Y"),
        ("troops will arrive within weeks", "weeks", "DURATION", "PXW"),
        ("it was ruled from Moscow for centuries", "centuries", "DURATION", "PXY"),
        ("the third day-long meeting", "day-long", "DURATION", "P1D"),
        ("a decades-long battle", "decades-long", "DURATION", "PXY"),
        ("a 10-day-long strike", "10-day-long", "DURATION", "P10D"),
        ("they will stay for a while", "a while", "DURATION", "PXX"),
        ("forces could stay for some time", "some time", "DURATION", "PXX"),
        ("after several quarters of losses", "several quarters", "DURATION", "PXM"),
        ("it stays for two more weeks", "two more weeks", "DURATION", "P2W"),
        ("extended for an additional year", "an additional year", "DURATION", "P1Y"),
        ("Eight trading days after the crash", "Eight trading days", "DURATION", "P8D"),
        ("for the first time in years", "years", "DURATION", "PXY"),
        ("to pay investors in the weeks ahead", "the weeks ahead", "DURATION", "PXW"),
        ("Net for the year-earlier nine months rose", "the year-earlier nine months", "DURATION", "P9M"),
        # comparable periods and year ends
        ("Results for that quarter included a charge.", "that quarter", "DATE", "UNDEF-REF-quarter"),
        ("earned $5 in the 1988 period", "the 1988 period", "DATE", "1988-QREF"),
        ("earned $5 in the 1988 quarter", "the 1988 quarter", "DATE", "1988-QLAST"),
        ("for the corresponding period last year", "the corresponding period last year", "DATE",
         "UNDEF-REF-quarter-MINUS-4"),
        ("sales for last year's quarter", "last year's quarter", "DATE", "UNDEF-REF-quarter-MINUS-4"),
        ("to close the deal by year-end.", "year-end", "DATE", "UNDEF-this-year"),
        ("in place by year's end.", "year's end", "DATE", "UNDEF-this-year"),
        ("evidence arrived over the weekend at the lab", "the weekend", "DATE", "UNDEF-this-weekend"),
        # sets
        ("prices are set daily", "daily", "SET", "P1D"),
        ("they meet every Tuesday", "every Tuesday", "SET", "XXXX-WXX-2"),
        ("it is reviewed each year", "each year", "SET", "P1Y"),
        ("twice a week", "a week", "SET", "P1W"),
        ("flights leave on Tuesday nights", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        # "the past decade" is a window up to now (TimeML); "the last decade" the calendar decade before
        ("sales grew over the past decade", "the past decade", "DURATION", "P10Y"),
        ("sales grew in the last decade", "the last decade", "DATE", "UNDEF-this-decade-MINUS-1"),
        # clock times
        ("at 3:30 p.m. the blast", "3:30 p.m.", "TIME", "XXXX-XX-XXT15:30"),
        ("opens at 9 a.m. Tuesday", "9 a.m. Tuesday", "TIME", "XXXX-WXX-2T09:00"),
        ("shut at noon", "noon", "TIME", "XXXX-XX-XXT12:00"),
        ("it happened at 9.30pm in the square", "9.30pm", "TIME", "XXXX-XX-XXT21:30"),
        ("troops crossed at 0900 GMT near the border", "0900 GMT", "TIME", "XXXX-XX-XXT09:00"),
        ("the vote closed at 14.30 UTC", "14.30 UTC", "TIME", "XXXX-XX-XXT14:30"),
        ("the match kicks off at 19h30 in Lyon", "19h30", "TIME", "XXXX-XX-XXT19:30"),
        # references
        ("Iraq can now defend itself", "now", "DATE", "PRESENT_REF"),
        ("is not currently planned", "currently", "DATE", "PRESENT_REF"),
        ("there have recently been attacks", "recently", "DATE", "PAST_REF"),
        ("the future of the coalition", "the future", "DATE", "FUTURE_REF"),
        ("financed by offerings at a later date.", "a later date", "DATE", "FUTURE_REF"),
    ],
)
def test_rule_families(text: str, extent: str, type_: str, value: str) -> None:
    found = only(text)
    assert (found.text, found.type, found.value) == (extent, type_, value)
    assert text[found.start : found.end] == extent


@pytest.mark.parametrize(
    ("text", "extent", "mod"),
    [
        ("attacks since mid-October", "mid-October", "MID"),
        ("in late November", "late November", "END"),
        ("early next year", "early next year", "START"),
        ("by the end of 1990", "the end of 1990", "END"),
        ("nearly two weeks ago", "nearly two weeks ago", "APPROX"),
        ("more than 20 years", "more than 20 years", "MORE_THAN"),
        ("strikes nearly daily", "nearly daily", "APPROX"),
        ("in the late 1970s", "the late 1970s", "END"),
        ("By mid afternoon, sources said", "mid afternoon", "MID"),
    ],
)
def test_modifiers_are_in_the_extent(text: str, extent: str, mod: str) -> None:
    found = only(text)
    assert (found.text, found.mod) == (extent, mod)


@pytest.mark.parametrize(
    "text",
    [
        "seven of its soldiers were hurt",
        "300 Israeli attacks",
        "the COVID-19 pandemic",
        "2,500 American soldiers",
        "103 attacks against its forces",
        "the injury of 3 soldiers",
        "More than 19 people died",
        "the D-ISIS coalition",
        "call +1 202-555-1998 now or 202-555-2001",
        "it cost $1999 and 1,999 euros",
        "a 44-year-old man",
        "prices may fall in spring",
        "Jan Smith spoke",
    ],
)
def test_never_a_date(text: str) -> None:
    assert [t for t in tag(text) if t.type in {"DATE", "TIME"} and t.value != "PRESENT_REF"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Howes, 37 years old when he was kidnapped",
        "employees 55 years old or older",
        "Iraq imports about three-quarters of its food",
        "accounting for more than a quarter of the market",
        "a quarter of its income",
        "a second group of directors",
        "it will be a second betrayal",
    ],
)
def test_ages_and_fractions_are_not_durations(text: str) -> None:
    assert tag(text) == []


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        # Titles of shows in quotation marks are no times.
        ('Baker, speaking on ABC News\' "This Week," said', []),
        ("Gonzalez said on CBS's ''60 Minutes.''", []),
        ("He said on ``This Week With David Brinkley'' that", []),
        # A quoted sentence that opens with a time still has it; so has a title-cased time outside quotes.
        ("``Today is a sad day,'' he said.", ["Today"]),
        ('"This week we will vote," he said.', ["This week"]),
        ("This Week, the talks resumed.", ["This Week"]),
    ],
)
def test_quoted_titles_are_not_times(text: str, tagged: list[str]) -> None:
    assert [t.text for t in tag(text)] == tagged


@pytest.mark.parametrize("text", ["The Audi Q3 is a small SUV.", "H2 production grew.", "the H1N1 virus", "in Q5"])
def test_codes_that_are_no_quarters(text: str) -> None:
    assert tag(text) == []


def test_a_time_in_the_day_is_not_the_day() -> None:
    assert tag("She flew to Nairobi later in the day.") == []


def test_large_number_of_years_is_a_duration_not_a_date() -> None:
    found = tag("10,000 in 2,000 years")
    assert [(t.text, t.type) for t in found] == [("2,000 years", "DURATION")]


def test_no_leading_preposition_and_determiner_outside_adjectives() -> None:
    assert extents("in the third quarter") == ["the third quarter"]
    assert extents("the third-quarter loss") == ["third-quarter"]
    assert extents("since October 17, according") == ["October 17"]


def test_needs_anchor_flag() -> None:
    absolute, relative = tag("On January 3, 2020 and on Monday")
    assert not absolute.needs_anchor
    assert relative.needs_anchor


def test_results_are_in_text_order_and_name_their_rule() -> None:
    found = tag("Last week, on Monday, in 1998, for two weeks")
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert [t.rule for t in found] == ["relative_unit", "weekday", "year", "duration"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 -,./:'aAdeilmnorstuyMJ\nFTWSy")), max_size=80))
def test_properties_on_arbitrary_text(text: str) -> None:
    found = tag(text)
    for item in found:
        assert text[item.start : item.end] == item.text
        assert item.start < item.end
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["on", "Monday", "last", "week", "two", "years", "ago", "the", "third", "quarter", "of", "1998",
             "Dec.", "8", ",", "early", "mid-October", "since", "daily", "every", "Tuesday", "3:30", "p.m.",
             "a", "year", "earlier", "now", "nearly", "\n", "the", "end"]
        ),
        max_size=30,
    )
)
def test_properties_on_temporal_word_soup(words: list[str]) -> None:
    text = " ".join(words)
    found = tag(text)
    for item in found:
        assert text[item.start : item.end] == item.text
    for left, right in itertools.pairwise(found):
        assert left.end <= right.start


@pytest.mark.parametrize(
    ("text", "expressions"),
    [
        # A line break the sentence splitter reads as a sentence end is never inside an expression ...
        ("It closed Dec.\n1 shares fell", ["Dec."]),
        ("talks in June\n1 person died", ["June"]),
        ("set for 10 a.m.\nMonday talks", ["10 a.m.", "Monday"]),
        # ... but a sentence wrapped over lines keeps its dates whole.
        ("signed on Dec. 1,\n1999 in Paris", ["Dec. 1,\n1999"]),
        ("signed in the\nfirst quarter", ["the\nfirst quarter"]),
    ],
)
def test_expressions_stay_inside_a_sentence(text: str, expressions: list[str]) -> None:
    assert [t.text for t in tag(text)] == expressions


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["on", "Dec.", "June", "1", "1999", ",", "Monday", "10", "a.m.", "the", "first", "quarter",
                         "Fri.", "week", "\n", ".\n", "they", "Two"]),
        max_size=20,
    )
)
def test_no_expression_runs_over_a_sentence_end(words: list[str]) -> None:
    text = " ".join(words)
    spans = sentence_spans(text)
    for item in tag(text):
        low, high = sentence_at(spans, item.start)
        assert low <= item.start < item.end <= high, (item.text, spans)


@pytest.mark.parametrize(
    ("text", "extent", "type_", "value"),
    [
        # a month of a relative year
        ("In January this year, police searched the site.", "January this year", "DATE", "UNDEF-this-year-IN-01"),
        ("But in June last year, the leaders fell out.", "June last year", "DATE", "UNDEF-this-year-MINUS-1-IN-06"),
        ("They join in April of next year.", "April of next year", "DATE", "UNDEF-this-year-PLUS-1-IN-04"),
        ("It was signed in May that year.", "May that year", "DATE", "UNDEF-REF-year-IN-05"),
        # a weekday with its date is one expression, valued by the date
        ("said in an editorial on Saturday, April 25: the court", "Saturday, April 25", "DATE", "XXXX-04-25"),
        ("shot on Friday, Oct. 23, 1998, at home", "Friday, Oct. 23, 1998", "DATE", "1998-10-23"),
        # quarters of a year given by number or relative to the publication year
        ("a charge in the 1988 second quarter for losses", "the 1988 second quarter", "DATE", "1988-Q2"),
        ("in the year-ago third quarter it earned", "the year-ago third quarter", "DATE",
         "UNDEF-this-year-MINUS-1-IN-Q3"),
        ("sales for last year's third quarter", "last year's third quarter", "DATE", "UNDEF-this-year-MINUS-1-IN-Q3"),
        ("in this year's fourth quarter", "this year's fourth quarter", "DATE", "UNDEF-this-year-IN-Q4"),
        ("in the year-ago quarter it lost money", "the year-ago quarter", "DATE", "UNDEF-REF-quarter-MINUS-4"),
        # a part of day before a deictic day
        ("In London at mid-afternoon yesterday, shares rose.", "mid-afternoon yesterday", "TIME",
         "UNDEF-this-day-MINUS-1TAF"),
        ("He will speak evening tomorrow.", "evening tomorrow", "TIME", "UNDEF-this-day-PLUS-1TEV"),
        # fractional durations in the next smaller unit
        ("they lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("But a minute and a half later, a pilot called.", "a minute and a half", "DURATION", "PT1M30S"),
        ("for one and a half weeks", "one and a half weeks", "DURATION", "P1W4D"),
    ],
)
def test_value_rules_for_newswire(text: str, extent: str, type_: str, value: str) -> None:
    found = [t for t in tag(text) if t.text == extent]
    assert found, extents(text)
    assert (found[0].type, found[0].value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "extent", "value", "mod"),
    [
        ("Sales for the full year were $6.6 billion.", "the full year", "UNDEF-this-year", None),
        ("It expects higher sales in the current fiscal year.", "the current fiscal year", "UNDEF-this-year", None),
        ("earnings for the fiscal year will fall", "the fiscal year", "UNDEF-this-year", None),
        ("Sales were delayed earlier in the year by rains.", "earlier in the year", "UNDEF-this-year", "START"),
        ("a decision later in the month", "later in the month", "UNDEF-this-month", "END"),
    ],
)
def test_the_year_being_reported(text: str, extent: str, value: str, mod: str | None) -> None:
    found = [t for t in tag(text) if t.text == extent]
    assert found, extents(text)
    assert (found[0].value, found[0].mod) == (value, mod)


def test_a_fiscal_year_that_ended_is_a_duration() -> None:
    found = tag("In the fiscal year ended Jan. 31 sales rose.")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the fiscal year", "DURATION", "P1Y"), ("Jan. 31", "DATE", "XXXX-01-31")]


def test_almost_stays_outside_the_extent() -> None:
    assert extents("rallies almost daily for almost five months") == ["daily", "five months"]


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("As the yen soared in recent years, losses grew.", "DATE", "PAST_REF"),
        ("there were sell programs in past years, too", "DATE", "PAST_REF"),
        ("prices fell in recent months", "DURATION", "PXM"),
    ],
)
def test_recent_years_is_a_past_reference(text: str, type_: str, value: str) -> None:
    found = only(text)
    assert (found.type, found.value) == (type_, value)


def test_or_so_is_in_the_extent() -> None:
    assert extents("acquisitions during the next year or so, and for the next two years or so.") == [
        "the next year or so", "the next two years or so"]
    assert extents("Then, a week or so ago, the general picked Saturday night.") == [
        "a week or so ago", "Saturday night"]

# The tagger runs each pattern only where its triggers say a match can start (chronology.patterns derives
# them from the regexes). These pin that it finds exactly what running every pattern over the whole text finds.

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def whole_text_candidates(text: str, patterns: tuple[Pattern, ...] = PATTERNS) -> set[tuple[int, int, int, object]]:
    found: set[tuple[int, int, int, object]] = set()
    for priority, pattern in enumerate(patterns):
        for m in pattern.regex.finditer(text):
            spec = tagger._INTERPRETERS[pattern.kind](m)
            if m.end() > m.start() and spec is not None:
                found.add((m.start(), m.end(), priority, spec))
    return found


def windowed_candidates(text: str, patterns: tuple[Pattern, ...] = PATTERNS) -> set[tuple[int, int, int, object]]:
    found: set[tuple[int, int, int, object]] = set()
    for candidate in tagger._candidates(text, patterns):
        spec = tagger._interpret(text, candidate)
        if spec is not None:
            found.add((*candidate[:3], spec))
    return found


def test_every_pattern_has_triggers() -> None:
    # a pattern without them would be run over the whole text: correct, but slow
    assert [p.name for p in PATTERNS if p.required is None or p.reach is None] == []


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_match_holds_a_trigger_where_the_pattern_says(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for pattern in PATTERNS:
        required = pattern.required
        assert required is not None and pattern.reach is not None
        for m in pattern.regex.finditer(text):
            assert m.end() - m.start() <= pattern.reach
            assert any(
                _occurs(text, m.start(), m.end(), t, required.lead) for t in required.triggers
            ), (pattern.name, m.group())


def _occurs(text: str, start: int, end: int, trigger: Trigger, lead: int) -> bool:
    if trigger == ANY_DIGIT:
        return any(c.isdecimal() for c in text[start : min(end, start + lead + 1)])
    for at in range(start, min(end, start + lead + 1)):
        if text[at : at + len(trigger.text)].lower() != trigger.text or at + len(trigger.text) > end:
            continue
        if trigger.word_start and at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue
        after = at + len(trigger.text)
        if trigger.word_end and after < len(text) and (text[after].isalnum() or text[after] == "_"):
            continue
        return True
    return False


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_windows_find_what_the_whole_text_holds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert windowed_candidates(text) == whole_text_candidates(text)


@pytest.mark.parametrize(
    "text",
    [
        "May 5, 2020",  # the whole text: a window reaching both ends
        "Monday",
        "2020",
        "the end of the year",
        "x" * 200 + " on January 3, 2020.",  # far from the start
        "1998-08-07 and 08/07/1998",  # runs of digits both ways
        "two month-ago quarters",  # a trigger inside a longer one ("ago" in "month-ago")
        "İstanbul talks began on May 3, 2020, two weeks ago",  # lowercasing makes the text longer
        "profit fell in the latest perıod",  # a letter that matches "i" only case-insensitively
        "İstanbul: profit fell in the latest perıod",
        "MONDAY, JAN. 5, 1998 at 3:30 P.M.",
    ],
)
def test_windows_at_edges_and_odd_letters(text: str) -> None:
    assert windowed_candidates(text) == whole_text_candidates(text)


def test_text_without_triggers_gives_nothing() -> None:
    assert tag("The committee met behind closed doors and voted against the plan.") == []
    assert tag("") == []


def test_a_long_line_full_of_dates_is_tagged_completely() -> None:
    text = "on March 3, 2021, Monday and 1999, " * 2000
    found = tag(text)
    assert [t.text for t in found] == ["March 3, 2021", "Monday", "1999"] * 2000
    assert {t.value for t in found} == {"2021-03-03", "XXXX-WXX-1", "1999"}


def test_required_parts_read_from_a_regex() -> None:
    required = regex_required(re.compile(r"(?<!\w)(?:the\s)?(?:next|last)\s(?:week|month)(?!\w)", re.IGNORECASE))
    assert required is not None
    assert {t.text for t in required.triggers} in ({"next", "last"}, {"week", "month"})
    assert all(t.word_start and t.word_end for t in required.triggers)
    assert regex_required(re.compile(r"\d{4}")) == Required(frozenset({ANY_DIGIT}), 0)
    assert regex_required(re.compile(r"\w{2}(?:ago)+")) == Required(frozenset({Trigger("ago")}), 2)
    assert regex_required(re.compile(r"\w+")) is None
    assert regex_reach(re.compile(r"ab(?=cd)")) == 4
    assert regex_reach(re.compile(r"a+")) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["on", "May", "may", "Monday", "last", "week", "two", "years", "ago", "the", "third", "quarter", "of",
             "1998", "Dec.", "8", ",", "early", "mid-October", "daily", "every", "3:30", "p.m.", "a", "year-earlier",
             "now", "\n", "end", "-", "'90s", "1/2/1998", "fiscal", "today", "noon", "x", "day", "Christmas"]
        ),
        max_size=40,
    ),
    st.sampled_from(["", " ", "-", "\n"]),
)
def test_windows_match_the_whole_text_on_word_soup(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    assert windowed_candidates(text) == whole_text_candidates(text)


@pytest.mark.parametrize(
    "text",
    [
        "Jan.,Feb. 3, 1998",  # a trigger ending in a non-word character, then one right after it
        "Dec.-Jan. 5; Mon.Tue. Aug.,Sept. 3",
        "(May 5, 2020)\t'90s ,1998 $1998 #1998 /1998 .1998 3-1998",  # what may and may not stand before a match
        "1998",
        "1998 was a year of change for the company, which said so in a long statement at its meeting.",
        "The year 1998 was a year of change for the company, which said so in a long statement at its meeting.",
        "Two weeks later the company said so in a long statement at its meeting in the spring of that year.",
    ],
)
def test_matches_are_tried_after_gap_characters_only(text: str) -> None:
    assert windowed_candidates(text) == whole_text_candidates(text)


def plain_hits(text: str) -> list[tuple[int, str]]:
    plan = tagger._plan(PATTERNS)
    return list(tagger._word_hits(text, plan.words, None))


def gap_hits(text: str) -> list[tuple[int, str]]:
    plan = tagger._plan(PATTERNS)
    assert plan.words_after_gap is not None  # every trigger of PATTERNS starts a word
    return list(tagger._word_hits(text, plan.words, plan.words_after_gap[0]))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["jan.", "apr.,", "may", "monday", "mon.", "year-ago", "ago", "the", "x", "1998"]),
             max_size=20),
    st.sampled_from(["", " ", ",", ".", "-", "\n"]),
)
def test_the_trigger_scan_after_gaps_finds_what_the_plain_scan_finds(words: list[str], joiner: str) -> None:
    text = joiner.join(words)
    assert gap_hits(text) == plain_hits(text)


def test_a_trigger_ending_in_a_gap_character_may_be_followed_by_the_next() -> None:
    patterns = (Pattern("colon", "ref", r"(?<!\w)now:"), Pattern("word", "ref", r"(?<!\w)then\b"))
    plan = tagger._plan(patterns)
    assert plan.words_after_gap is not None
    for text in ["now:then", "x now:then now:", "now:now:then"]:
        hits = list(tagger._word_hits(text, plan.words, plan.words_after_gap[0]))
        assert hits == list(tagger._word_hits(text, plan.words, None))
    assert [start for start, _ in hits] == [0, 4, 8]


def test_patterns_of_another_shape_are_scanned_everywhere() -> None:
    # no opening assertion and a trigger that need not start a word: the plain scans, with the same result
    patterns = (Pattern("now", "ref", r"(?P<ref_word>now)"), *PATTERNS)
    plan = tagger._plan(patterns)
    assert plan.words_after_gap is None
    assert tagger._after_gap(patterns[0]) is None and tagger._after_gap(patterns[1]) is not None
    text = "Snow fell; now, on May 5, 2020, it is known"
    found = windowed_candidates(text, patterns)
    assert found == whole_text_candidates(text, patterns)
    assert [(start, end) for start, end, priority, _ in sorted(found) if priority == 0] == [(1, 4), (11, 14), (39, 42)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("two ſeconds ago", "PAST_REF"), ("ıt was ſunday", "XXXX-WXX-7"), ("the ſummer of 1990", "1990-SU")],
)
def test_letters_matched_as_ascii_are_read_as_ascii(text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]
