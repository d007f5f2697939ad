"""Resolution: anchoring to the publication date, narrative anchoring, tense, and the seed articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chronology.models import Timex
from chronology.resolver import annotate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def value_of(text: str, expression: str, published: dt.date | None) -> Timex:
    matches = [t for t in annotate(text, published) if t.text == expression]
    assert matches, [t.text for t in annotate(text, published)]
    return matches[0]


def values(text: str, published: dt.date | None) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in annotate(text, published)]


THU = dt.date(2023, 12, 28)  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The base was attacked on Monday.", "Monday", "2023-12-25"),
        ("The results will be announced on Monday.", "Monday", "2024-01-01"),
        ("The change is planned to be announced on Monday after talks.", "Monday", "2024-01-01"),
        ("Officials said on Thursday that the talks failed.", "Thursday", "2023-12-28"),
        ("They met last Thursday.", "last Thursday", "2023-12-21"),
        ("They will meet next Thursday.", "next Thursday", "2024-01-04"),
        ("The embassy was attacked on December 8.", "December 8", "2023-12-08"),
        ("Hamas attacked on October 7.", "October 7", "2023-10-07"),
        ("The summit will be held on January 10.", "January 10", "2024-01-10"),
        ("Attacks have continued since mid-October.", "mid-October", "2023-10"),
        ("He was briefed this morning.", "this morning", "2023-12-28TMO"),
        ("He spoke yesterday.", "yesterday", "2023-12-27"),
        ("It will open tomorrow.", "tomorrow", "2023-12-29"),
        ("Profits rose last year.", "last year", "2022"),
        ("This week the talks began.", "This week", "2023-W52"),
        ("He left last month.", "last month", "2023-11"),
        ("It happened four years ago.", "four years ago", "2019"),
        ("It happened two weeks ago.", "two weeks ago", "2023-W50"),
        ("Talks resume next year.", "next year", "2024"),
        ("in the first quarter", "the first quarter", "2023-Q1"),
        ("Sales in the latest quarter rose.", "the latest quarter", "2023-Q3"),
        ("The camp opened last summer.", "last summer", "2023-SU"),
        ("They came over the weekend.", "the weekend", "2023-W51-WE"),
        ("shops closed on Christmas Day", "Christmas Day", "2023-12-25"),
        ("It was Thanksgiving.", "Thanksgiving", "2023-11-23"),
        ("This century began well.", "This century", "20"),
    ],
)
def test_anchored_to_publication(sentence: str, expression: str, value: str) -> None:
    timex = value_of(sentence, expression, THU)
    assert timex.value == value
    assert timex.anchor == "publication"
    assert timex.anchor_value == "2023-12-28"


def test_movable_holidays() -> None:
    assert value_of("The parade was held on Easter Monday.", "Easter Monday", dt.date(2023, 5, 2)).value == (
        "2023-04-10")
    assert value_of("Stores open on Good Friday.", "Good Friday", dt.date(2024, 3, 1)).value == "2024-03-29"
    assert value_of("They left on Labor Day 1998.", "Labor Day 1998", None).value == "1998-09-07"
    # U.S. Election Day, the Tuesday after the first Monday of November (Nov. 1, 2022 was a Tuesday).
    assert value_of("It is a theme from now to Election Day.", "Election Day", dt.date(2022, 10, 1)).value == (
        "2022-11-08")
    assert value_of("Voters went to the polls on Election Day 1998.", "Election Day 1998", None).value == (
        "1998-11-03")


def test_a_tense_cue_does_not_reach_most_of_a_year_away() -> None:
    assert value_of("The dividend was declared payable Dec. 15.", "Dec. 15", dt.date(1989, 10, 31)).value == (
        "1989-12-15")


def test_absolute_values_have_no_anchor() -> None:
    timex = value_of("It began on January 3, 2020.", "January 3, 2020", THU)
    assert (timex.value, timex.anchor, timex.anchor_value, timex.underspecified) == (
        "2020-01-03", None, None, "2020-01-03")


def test_narrative_anchoring_uses_the_time_last_mentioned() -> None:
    text = "The treaty was signed in 1998. A year later it collapsed. Two days later, on Monday, talks resumed."
    found = annotate(text, THU)
    later = found[1]
    assert (later.text, later.value, later.anchor, later.anchor_value) == ("A year later", "1999", "t1", "1998")


def test_narrative_shift_of_a_quarter_keeps_the_quarter() -> None:
    text = "Net income fell in the third quarter of 1989, from $5 a share a year earlier."
    assert values(text, THU) == [("the third quarter of 1989", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_comparison_does_not_move_the_narrative_time() -> None:
    text = "In 1995 sales rose. A year earlier they fell; two years later they doubled."
    assert [v for _, v in values(text, THU)] == ["1995", "1994", "1997"]


def test_clock_time_takes_the_day_of_its_sentence() -> None:
    text = "The blast occurred at about 10:35 a.m. Friday, toppling a building."
    assert values(text, dt.date(1998, 8, 8)) == [("10:35 a.m. Friday", "1998-08-07T10:35")]
    text = "The bomb went off on Aug. 7, 1998, at 10:35 a.m. in Nairobi."
    assert values(text, None)[1] == ("10:35 a.m.", "1998-08-07T10:35")


def test_without_publication_date_relative_values_keep_their_x() -> None:
    text = "On December 8 and on Monday, last week, in 2020, for two weeks, this summer, at Christmas."
    assert values(text, None) == [
        ("December 8", "XXXX-12-08"),
        ("Monday", "XXXX-WXX-1"),
        ("last week", "XXXX-WXX"),
        ("2020", "2020"),
        ("two weeks", "P2W"),
        ("this summer", "XXXX-SU"),
        ("Christmas", "XXXX-12-25"),
    ]
    assert all(t.anchor is None for t in annotate(text, None))


def test_tids_in_text_order_and_underspecified_kept() -> None:
    found = annotate("On Monday, and on Tuesday.", THU)
    assert [(t.tid, t.underspecified, t.value) for t in found] == [
        ("t1", "XXXX-WXX-1", "2023-12-25"),
        ("t2", "XXXX-WXX-2", "2023-12-26"),
    ]


def test_durations_and_sets_are_not_anchored() -> None:
    found = annotate("for two weeks, almost daily, every Tuesday", THU)
    assert [(t.value, t.anchor) for t in found] == [("P2W", None), ("P1D", None), ("XXXX-WXX-2", None)]


# The seed articles (acceptance tests for the whole product).


def _article(name: str, marker: str | None = None) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text[text.index(marker) :] if marker else text


def _first(found: list[Timex], expression: str, after: str = "", text: str = "") -> Timex:
    start = text.index(after) if after else 0
    return next(t for t in found if t.text == expression and t.start >= start)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_003() -> None:
    text = _article("003_4270a9efd2e10240.txt")
    found = annotate(text, dt.date(2024, 1, 25))
    got = {t.text: (t.value, t.type) for t in found}
    assert got["January 3, 2020"] == ("2020-01-03", "DATE")
    assert got["four years ago"] == ("2020", "DATE")
    assert got["January 2020"] == ("2020-01", "DATE")
    assert got["last summer"] == ("2023-SU", "DATE")
    assert got["last week"] == ("2024-W03", "DATE")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_002_second_article() -> None:
    text = _article("002_2253fbd6b35819d7.txt", "Iraqi Resistance Lambasts")
    found = annotate(text, dt.date(2021, 7, 24))
    assert _first(found, "Friday", "Blinken in Washington", text).value == "2021-07-23"
    assert _first(found, "Monday", "planned to be announced", text).value == "2021-07-26"
    assert _first(found, "February 4, 2021").value == "2021-02-04"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_004() -> None:
    text = _article("004_1d7b1556ae453f1b.txt")
    found = annotate(text, dt.date(2023, 12, 28))
    assert _first(found, "Tuesday", "On Tuesday, the US", text).value == "2023-12-26"
    assert _first(found, "Monday", "On Monday", text).value == "2023-12-25"
    assert _first(found, "December 8").value == "2023-12-08"
    assert _first(found, "October 7").value == "2023-10-07"
    assert _first(found, "October 17").value == "2023-10-17"
    mid = _first(found, "mid-October")
    assert (mid.value, mid.mod) == ("2023-10", "MID")
    # The council's statement, quoted, was issued on Tuesday: its mornings and afternoons are Tuesday's.
    assert _first(found, "this morning").value == "2023-12-26TMO"
    assert _first(found, "this afternoon").value == "2023-12-26TAF"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_000_second_article() -> None:
    text = _article("000_8590fc3bbd4370e8.txt", "Iraq Preoccupied")
    found = annotate(text, dt.date(2024, 11, 24))
    assert _first(found, "Saturday").value == "2024-11-23"
    october = _first(found, "October")
    assert october.value == "2024-10"
    assert _first(found, "this week").value == "2024-W47"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
def test_seed_001_second_article() -> None:
    text = _article("001_e6a2535f0503b14a.txt", "Clashes Renew")
    found = annotate(text, dt.date(2024, 9, 3))
    early = _first(found, "early Monday")
    assert (early.value, early.mod) == ("2024-09-02", "START")
    daily = next(t for t in found if t.text.endswith("daily"))
    assert daily.type == "SET"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seeds not present")
@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("004_1d7b1556ae453f1b.txt", "3 soldiers"),
        ("004_1d7b1556ae453f1b.txt", "103 attacks"),
        ("004_1d7b1556ae453f1b.txt", "2,500 American soldiers"),
        ("003_4270a9efd2e10240.txt", "D-ISIS"),
        ("000_8590fc3bbd4370e8.txt", "seven of its soldiers"),
        ("002_2253fbd6b35819d7.txt", "COVID-19"),
        ("000_8590fc3bbd4370e8.txt", "300 Israeli attacks"),
        ("004_1d7b1556ae453f1b.txt", "More than 19 people"),
    ],
)
def test_seed_numbers_are_never_dates(name: str, phrase: str) -> None:
    text = _article(name)
    assert phrase in text
    start = text.index(phrase)
    end = start + len(phrase)
    found = annotate(text, dt.date(2024, 1, 1))
    assert not [t for t in found if t.start < end and start < t.end]


@pytest.mark.parametrize(
    ("sentence", "expression", "published", "value"),
    [
        # No tense cue: the last occurrence unless the next one is much closer.
        ("In March, the chairman stepped down for health reasons.", "March", dt.date(1989, 11, 2), "1989-03"),
        ("He took the post in April.", "April", dt.date(1989, 10, 26), "1989-04"),
        ("The contract runs to February.", "February", dt.date(1989, 10, 30), "1990-02"),
        # A past cue reaches most of a year back: "the year ended March 31" written in November.
        ("Revenue was $76 million for the year ended March 31.", "March 31", dt.date(1989, 11, 1), "1989-03-31"),
        # A future cue reaches as far forward.
        ("Collins will fly a mission in December.", "December", dt.date(1998, 3, 4), "1998-12"),
    ],
)
def test_year_of_a_month_or_date_leans_to_the_past(
    sentence: str, expression: str, published: dt.date, value: str
) -> None:
    assert value_of(sentence, expression, published).value == value


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("In June last year, the leaders fell out.", "June last year", "2022-06"),
        ("They join in April of next year.", "April of next year", "2024-04"),
        ("Sales in the year-ago third quarter rose.", "the year-ago third quarter", "2022-Q3"),
        ("In London at mid-afternoon yesterday, shares rose.", "mid-afternoon yesterday", "2023-12-27TAF"),
    ],
)
def test_parts_of_relative_years_and_days(sentence: str, expression: str, value: str) -> None:
    assert value_of(sentence, expression, THU).value == value


def test_a_month_of_that_year_follows_the_narrative() -> None:
    text = "The party was founded in 1949. In May that year it won."
    assert values(text, THU) == [("1949", "1949"), ("May that year", "1949-05")]


def test_year_ago_quarter_is_the_last_reported_quarter_a_year_before() -> None:
    published = dt.date(1989, 11, 1)
    assert value_of("It earned $10 million in the year-ago quarter.", "the year-ago quarter", published).value == (
        "1988-Q3")
    text = "Net rose in the third quarter of 1989; in the year-ago quarter it fell."
    assert values(text, published)[1] == ("the year-ago quarter", "1988-Q3")


def test_year_ago_adjective_compares_with_the_period_reported() -> None:
    text = "It lost $195 million in the 1988 period. The year-ago results included a charge."
    assert values(text, dt.date(1989, 11, 2)) == [("the 1988 period", "1988"), ("year-ago", "1988")]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Net rose in the third quarter. In the 1988 period it fell.", "the 1988 period", "1988-Q3"),
        ("Net rose in the third quarter. In the 1988 quarter it fell.", "the 1988 quarter", "1988-Q3"),
        ("Net rose in the third quarter, from $5 in the corresponding period last year.",
         "the corresponding period last year", "1988-Q3"),
        ("Net rose in the second quarter. For the quarter a year ago it fell.", "the quarter a year ago", "1988-Q2"),
        ("Net rose in the second quarter. Sales for last year's quarter fell.", "last year's quarter", "1988-Q2"),
        ("Net rose in the third quarter. In the comparable year-ago quarter it fell.",
         "the comparable year-ago quarter", "1988-Q3"),
    ],
)
def test_a_period_compared_with_the_quarter_reported(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression, dt.date(1989, 11, 2)).value == value


def test_a_year_period_with_no_quarter_in_view_is_the_year() -> None:
    assert value_of("In the 1988 period it lost money.", "the 1988 period", dt.date(1989, 11, 2)).value == "1988"


def test_a_year_quarter_with_no_quarter_in_view_is_the_quarter_last_reported() -> None:
    assert value_of("In the 1988 quarter it lost money.", "the 1988 quarter", dt.date(1989, 11, 2)).value == (
        "1988-Q3")
    assert value_of("In the 1988 quarter it lost money.", "the 1988 quarter", None).value == "1988"


def test_the_day_ending_a_reported_quarter_does_not_replace_the_quarter() -> None:
    text = "Net rose in the fiscal first quarter ended Sept. 30. It lost $2 a year ago."
    assert values(text, dt.date(1989, 10, 26))[-1] == ("a year ago", "1988-Q1")


def test_after_a_span_reported_a_year_earlier_is_the_year_before() -> None:
    text = "Net rose in the third quarter. For the nine months, net was $5, compared with $4 a year earlier."
    assert values(text, dt.date(1989, 10, 26))[-1] == ("a year earlier", "1988")


def test_a_part_of_day_takes_the_day_of_its_sentence() -> None:
    text = "On Friday, dealers placed orders in the morning."
    assert values(text, dt.date(1989, 10, 30))[-1] == ("the morning", "1989-10-27TMO")


def test_next_to_is_no_future_cue() -> None:
    text = "A bomb exploded next to the embassy Friday morning."
    assert value_of(text, "Friday morning", dt.date(1998, 8, 8)).value == "1998-08-07TMO"


def test_year_end_is_the_end_of_the_year_of_publication() -> None:
    found = value_of("The deal should close by year-end.", "year-end", dt.date(1989, 11, 2))
    assert (found.value, found.mod) == ("1989", "END")


def test_as_soon_as_points_to_the_future() -> None:
    assert value_of("The group might come as soon as Tuesday.", "Tuesday", THU).value == "2024-01-02"


@pytest.mark.parametrize("quote", ["''", '"', "\u201d"])
def test_the_attribution_after_a_quote_does_not_set_the_tense(quote: str) -> None:
    text = f"``The delegation will, once the talks with the unions are over, leave Friday,{quote} he said."
    assert value_of(text, "Friday", THU).value == "2023-12-29"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The law takes effect Jan. 1.", "Jan. 1", "2025-01-01"),
        ("Voters go to the polls on Nov. 5.", "Nov. 5", "2024-11-05"),
    ],
)
def test_a_present_tense_schedule_points_to_the_future(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2024, 3, 14)).value == value


def test_would_be_points_to_the_future() -> None:
    text = "Officials announced that the father would be traveling to Washington Thursday."
    assert value_of(text, "Thursday", dt.date(2000, 4, 5)).value == "2000-04-06"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # An irregular past form is a past cue: "brought in" last January, not next January.
        ("In January, the company brought in a new chief executive.", "1989-01"),
        # After "be", the same word is a passive participle: the future cue decides.
        ("The remaining shares will be bought in January.", "1990-01"),
    ],
)
def test_irregular_past_forms_and_passive_participles(sentence: str, value: str) -> None:
    assert value_of(sentence, "January", dt.date(1989, 10, 27)).value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # A deadline is ahead: "until" turns the weekday forward when no past cue is near.
        ("Officials postponed until Tuesday morning any action on the permit.", "2000-04-04TMO"),
        ("The agency has given the relatives until 9 a.m. Tuesday to sign.", "2000-04-04T09:00"),
        # Told in the past, "until" is no future cue.
        ("Until Tuesday, they had not called him a suspect.", "2000-03-28"),
    ],
)
def test_until_points_to_the_future_unless_the_clause_is_past(sentence: str, value: str) -> None:
    found = [t for t in annotate(sentence, dt.date(2000, 4, 3)) if "Tuesday" in t.text]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # A weekday told from the narrative's time, not from the publication date.
        ("The treaty was signed on March 3, 1998. The following Monday, talks resumed.", "The following Monday",
         "1998-03-09"),
        ("The index closed Friday down 4.5% from the previous Friday.", "the previous Friday", "1989-10-20"),
        # "the day before <event>" in apposition to a date is that date, not the day of publication.
        ("Eight trading days after Oct. 12, the day before the plunge, prices fell.", "the day", "1989-10-12"),
    ],
)
def test_narrative_weekdays_and_days(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression, dt.date(1989, 10, 30)).value == value


def test_the_week_of_a_day_is_that_days_week() -> None:
    text = "The case may be resolved in a court hearing the week of March 6."
    assert value_of(text, "the week of March 6", dt.date(2000, 2, 24)).value == "2000-W10"
    assert value_of(text, "the week of March 6", None).value == "XXXX-WXX"
    assert value_of("It met the week of Jan. 3, 2000.", "the week of Jan. 3, 2000", None).value == "2000-W01"


def test_a_clock_time_alone_in_its_sentence_takes_the_day_last_mentioned() -> None:
    text = "Stocks crashed Friday. Dealers placed heavy buy orders in the morning."
    assert values(text, dt.date(1989, 10, 30))[-1] == ("the morning", "1989-10-27TMO")
    # With no day mentioned before, the publication date.
    assert values("Dealers placed orders at 10 a.m.", dt.date(1989, 10, 30)) == [("10 a.m.", "1989-10-30T10:00")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # Opening the sentence, the expression's verb comes after a long subject.
        ("On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.",
         "1998-10-27"),
        ("On Tuesday, the National Abortion and Reproductive Rights Action League held a news conference.",
         "1998-10-20"),
        # Inside the sentence, a cue that far after is another clause's.
        ("The league met on Tuesday with the board of the National Abortion and Reproductive Rights group, which "
         "plans to hold a news conference.", "1998-10-20"),
    ],
)
def test_a_fronted_expression_reads_the_verb_after_its_subject(sentence: str, value: str) -> None:
    assert value_of(sentence, "Tuesday", dt.date(1998, 10, 26)).value == value


class TestQuotationsKeepTheReportsNow:
    """A direct quotation's "this morning" is told from the time of its report, when the narrative gives it."""

    STATEMENT = (
        "On Tuesday, the council issued a statement on the strikes.\n\n"
        "The council explained, \u201cThe President was briefed on the attack this morning. These options were "
        "presented during a call this afternoon.\u201d"
    )

    def test_this_morning_in_a_past_report_is_the_reports_day(self) -> None:
        timex = value_of(self.STATEMENT, "this morning", THU)
        assert (timex.value, timex.anchor) == ("2023-12-26TMO", "t1")

    def test_a_later_sentence_of_the_same_quotation_keeps_that_day(self) -> None:
        assert value_of(self.STATEMENT, "this afternoon", THU).value == "2023-12-26TAF"

    def test_a_present_tense_report_speaks_at_publication(self) -> None:
        text = "On Tuesday, the council met. The minister says, \u201cWe were briefed this morning.\u201d"
        assert value_of(text, "this morning", THU).value == "2023-12-28TMO"

    def test_outside_quotation_marks_the_publication_day_stays(self) -> None:
        text = "On Tuesday, the council met. The President was briefed this morning, officials said."
        assert value_of(text, "this morning", THU).value == "2023-12-28TMO"

    def test_a_background_date_is_not_the_reports_day(self) -> None:
        text = "The treaty was signed on March 3, 2020. He said, \u201cWe met this morning.\u201d"
        assert value_of(text, "this morning", THU).value == "2023-12-28TMO"


def test_an_anchor_at_the_calendars_edge_leaves_a_weekday_unanchored() -> None:
    # Found by the fuzzer (1M inputs): "TUE." anchored to 0001-01-01 would be a Tuesday before year 1.
    (weekday,) = annotate("TUE.", dt.date(1, 1, 1))
    assert (weekday.value, weekday.anchor) == ("XXXX-WXX-2", None)
    (following,) = annotate("next Tuesday", dt.date(9999, 12, 31))
    assert following.value == "XXXX-WXX-2"


def test_a_habit_at_a_part_of_the_day_keeps_no_day() -> None:
    # "every morning" is a SET: it must not take the day of the narrative as a bare part of the day would.
    text = "The shop opens every morning. On Monday night the trains stopped; they run every night."
    found = values(text, dt.date(2024, 6, 5))
    assert ("every morning", "XXXX-XX-XXTMO") in found
    assert ("every night", "XXXX-XX-XXTNI") in found
    assert ("Monday night", "2024-06-03TNI") in found
