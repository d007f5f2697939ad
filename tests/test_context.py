"""Publication context: user dates, precedence, datelines vs headers and captions, inference, conflicts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from freezegun import freeze_time
from hypothesis import given
from hypothesis import strategies as st

from chronology import context
from chronology.context import (
    DateHints,
    clues_of,
    dateline_span,
    find_dateline,
    infer_publication,
    latest_yearless_past,
    offset_pins,
    parse_date,
    publication_context,
)
from chronology.errors import DateParseError
from chronology.ingest import boilerplate_spans, iter_documents, read_manifest, split_articles
from chronology.models import Article, Document, Timex
from chronology.resolver import annotate

SEEDS = Path(__file__).parent.parent / "seeds"
D = dt.date


def seed_articles() -> dict[str, Article]:
    problems: list[str] = []
    articles = [a for doc in iter_documents([str(SEEDS)], problems.append) for a in split_articles(doc)]
    assert problems == []
    return {f"{Path(a.source).name[:3]}#{a.index}": a for a in articles}


def article(text: str, headline: str | None = None, published: str | None = None, source: str = "a.txt") -> Article:
    return Article(
        id=f"{source}#0",
        source=source,
        index=0,
        headline=headline,
        start=0,
        end=len(text),
        text=text,
        published=published,
    )


def timexes_of(text: str, values: dict[str, str]) -> list[Timex]:
    """Hand-built tagger output (anchor=None): each phrase's first occurrence with the given value."""
    result = []
    for number, (phrase, value) in enumerate(values.items()):
        start = text.index(phrase)
        result.append(
            Timex(
                tid=f"t{number}",
                start=start,
                end=start + len(phrase),
                text=phrase,
                type="DATE",
                value=value,
                underspecified=value,
            )
        )
    return result


# --- dates the user gives -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("26 juillet 2021", D(2021, 7, 26)),
        ("2021-07-25T08:00:00Z", D(2021, 7, 25)),
        ("Monday, 26 July 2021", D(2021, 7, 26)),
        ("2024-09-03", D(2024, 9, 3)),
        ("3. März 2022", D(2022, 3, 3)),
    ],
)
def test_user_dates_in_any_language(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["soon", "yesterday", "July 2021", ""])
def test_unparsable_or_relative_user_date_names_the_value(value: str) -> None:
    with pytest.raises(DateParseError, match=re.escape(repr(value))):
        parse_date(value)


def test_hints_from_command_line_values() -> None:
    hints = DateHints.build(published=["002_x.txt=July 25, 2021", "2020-01-01"], reference="2024-02-01")
    assert hints.published == {"002_x.txt": D(2021, 7, 25)}
    assert hints.published_all == D(2020, 1, 1)
    assert hints.reference == D(2024, 2, 1)


@freeze_time("2030-05-06")
def test_reference_today_reads_the_clock_only_when_asked() -> None:
    assert DateHints.build(reference="today").reference == D(2030, 5, 6)
    assert DateHints.build(reference="2021-01-01").reference == D(2021, 1, 1)


def test_bad_manifest_date_is_a_date_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text('[{"file": "a.txt", "published": "whenever"}]')
    with pytest.raises(DateParseError, match="'whenever'"):
        DateHints.build(manifest=read_manifest(path))


# --- seeds --------------------------------------------------------------------------------------------------------


def test_seeds_without_manifest_002_has_its_own_datelines_not_the_blog_header() -> None:
    articles = seed_articles()
    hints = DateHints()
    first = publication_context(articles["002#0"], hints, [])
    second = publication_context(articles["002#1"], hints, [])
    assert (first.date, first.basis, first.evidence) == (D(2021, 7, 25), "dateline", "July 25, 2021")
    assert (second.date, second.basis) == (D(2021, 7, 24), "dateline")
    for key in ("000#0", "000#1", "001#1", "003#0", "004#0"):
        unknown = publication_context(articles[key], hints, [])
        assert unknown.basis == "unknown" and unknown.date is None
        assert "--published" in (unknown.evidence or "")


def test_seeds_without_manifest_say_what_their_text_tells_of_the_date() -> None:
    articles = seed_articles()
    contexts = {
        key: publication_context(articles[key], DateHints(), annotate(articles[key].text, None))
        for key in ("003#0", "004#0")
    }
    seed_003, seed_004 = contexts["003#0"], contexts["004#0"]
    # "four years ago" with "January 3, 2020" (the next sentence) gives the year, nothing gives the day
    assert (seed_003.basis, seed_003.date) == ("unknown", None)
    assert (seed_003.earliest, seed_003.latest) == (D(2024, 1, 1), D(2024, 12, 31))
    assert "'four years ago' with 'January 3, 2020'" in (seed_003.evidence or "")
    # no year anywhere: the month-day window, with the year said to be unknown
    assert (seed_004.basis, seed_004.date, seed_004.earliest) == ("unknown", None, None)
    assert "between December 8 and January 7 of a year the text does not state" in (seed_004.evidence or "")


def test_seeds_with_manifest_get_exactly_the_manifest_dates() -> None:
    articles = seed_articles()
    hints = DateHints.build(manifest=read_manifest(SEEDS / "manifest.json"))
    expected = {
        "000#0": D(2024, 9, 3),
        "000#1": D(2024, 11, 24),
        "001#0": D(2024, 9, 3),
        "001#1": D(2024, 9, 3),
        "003#0": D(2024, 1, 25),
        "004#0": D(2023, 12, 28),
    }
    for key, date in expected.items():
        context = publication_context(articles[key], hints, [])
        assert (key, context.date, context.basis, context.conflicts) == (key, date, "manifest", ())
    assert publication_context(articles["002#0"], hints, []).basis == "dateline"


def test_command_line_beats_manifest_and_reports_the_disagreement() -> None:
    articles = seed_articles()
    hints = DateHints.build(
        published=["004_1d7b1556ae453f1b.txt=2023-12-29"], manifest=read_manifest(SEEDS / "manifest.json")
    )
    context = publication_context(articles["004#0"], hints, [])
    assert (context.date, context.basis) == (D(2023, 12, 29), "cli")
    assert context.conflicts == (
        "manifest says 2023-12-28 (manifest.json entry for 004_1d7b1556ae453f1b.txt); kept the cli date",
    )


def test_manifest_against_dateline_keeps_the_manifest_and_records_the_conflict(tmp_path: Path) -> None:
    path = tmp_path / "manifest.json"
    path.write_text(
        '[{"file": "002_2253fbd6b35819d7.txt", "headline": "Al-Kadhimi: Iraq Doesn\'t Need US Combat Troops",'
        ' "published": "2021-07-26"}]'
    )
    hints = DateHints.build(manifest=read_manifest(path))
    articles = seed_articles()
    context = publication_context(articles["002#0"], hints, [])
    assert (context.date, context.basis) == (D(2021, 7, 26), "manifest")
    assert context.conflicts == ("dateline says 2021-07-25 (July 25, 2021); kept the manifest date",)
    assert publication_context(articles["002#1"], hints, []).basis == "dateline"  # the headline picks one article


_PATH_PART = st.sampled_from(["a", "b", "news", "x.txt", "y.txt", "a.txt"])
_PATHS = st.lists(_PATH_PART, min_size=1, max_size=3).map("/".join)


@given(
    entries=st.lists(st.tuples(_PATHS, st.sampled_from([None, "Rain", "Sun"]), st.integers(1, 28)), max_size=12),
    source=_PATHS,
    record=st.sampled_from(["", "#3"]),
    headline=st.sampled_from([None, "Rain", "Sun", "Snow"]),
)
def test_manifest_entry_is_the_first_entry_a_full_scan_would_find(entries, source, record, headline) -> None:
    # The manifest is looked up by base name (an archive's manifest can list 100,000 files); the definition is a
    # scan of every entry: one naming the article's file and headline first, else one naming its file only.
    hints = DateHints(
        manifest=tuple(
            context.ManifestDate(file=file, headline=title, date=D(2020, 1, day)) for file, title, day in entries
        )
    )
    item = Article(
        id=f"{source}{record}#0", source=source + record, index=0, headline=headline, start=0, end=4, text="Text"
    )
    named = [entry for entry in hints.manifest if context._same_file(item.source, entry.file)]
    expected = next((entry for entry in named if headline is not None and entry.headline == headline), None)
    expected = expected or next((entry for entry in named if entry.headline is None), None)
    assert context.manifest_entry(item, hints) == expected


def test_bare_published_applies_to_every_article() -> None:
    hints = DateHints.build(published=["2022-02-02"])
    assert publication_context(article("Some text."), hints, []).basis == "cli"


# --- datelines ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nPublished: 3 March 2024\n\nBody text follows here.", D(2024, 3, 3)),
        ("Headline\n\nUpdated 5 March 2024\nPublished: 3 March 2024\n\nBody.", D(2024, 3, 3)),
        ("Headline\n\nUpdated 5 March 2024\n\nBody.", D(2024, 3, 5)),
        ("Headline\n\nMonday, 26 July 2021\n\nBody.", D(2021, 7, 26)),
        ("Headline\n\n26 juillet 2021\n\nLe texte.", D(2021, 7, 26)),
        ("January 09 , 2008The European Commission has forced Apple to lower prices .", D(2008, 1, 9)),
    ],
)
def test_datelines(text: str, expected: dt.date) -> None:
    headline = "Headline" if text.startswith("Headline") else None
    context = publication_context(article(text, headline), DateHints(), [])
    assert (context.date, context.basis) == (expected, "dateline")


def test_photo_caption_date_is_not_a_dateline() -> None:
    text = "Headline\n\nBlinken\nBlinken at the State Department (February 4, 2021 / photo by Reuters).\n\nBody."
    assert publication_context(article(text, "Headline"), DateHints(), []).basis == "unknown"


def test_date_deep_in_the_body_is_not_a_dateline() -> None:
    text = "Headline\n\nFirst paragraph.\n\nSecond.\n\nThird.\n\nJuly 25, 2021\n\nMore."
    assert find_dateline(article(text, "Headline"))[0] is None


def test_header_above_the_headline_is_an_upper_bound_not_the_date() -> None:
    text = "Monday, 26 July 2021\n\nHeadline\n\nOn July 20, 2021, talks began. On July 22, officials met."
    dateline, header = find_dateline(article(text, "Headline"))
    assert dateline is None and header == D(2021, 7, 26)
    timexes = timexes_of(text, {"July 20, 2021": "2021-07-20", "July 22": "XXXX-07-22"})
    context = publication_context(article(text, "Headline"), DateHints(), timexes)
    assert context.basis == "inferred"
    assert context.earliest == D(2021, 7, 22) and context.latest == D(2021, 7, 26)


def test_weekday_that_does_not_fit_the_dateline_is_a_conflict() -> None:
    context = publication_context(article("Headline\n\nTuesday, 26 July 2021\n\nBody.", "Headline"), DateHints(), [])
    assert context.date == D(2021, 7, 26)
    assert context.conflicts and "is a Monday" in context.conflicts[0]


def test_wire_dateline_without_year_stays_unknown_but_says_why() -> None:
    context = publication_context(article("BRUSSELS, February 10 (Xinhua) --\n\nNATO decided."), DateHints(), [])
    assert context.basis == "unknown" and "has no year" in (context.evidence or "")
    with_reference = publication_context(
        article("BRUSSELS, February 10 (Xinhua) --\n\nNATO decided."), DateHints(reference=D(1999, 3, 1)), []
    )
    assert (with_reference.date, with_reference.basis) == (D(1999, 2, 10), "inferred")


def test_wire_dateline_with_a_year_and_a_plain_dash_dates_the_article() -> None:
    text = "SANTIAGO, March 6, 2024 - A strong earthquake hit central Chile late on Tuesday."
    context = publication_context(article(text), DateHints(), [])
    assert (context.date, context.basis, context.evidence) == (D(2024, 3, 6), "dateline", "SANTIAGO, March 6, 2024 -")
    assert dateline_span(article(text), context) == (0, len("SANTIAGO, March 6, 2024 -"))


def test_a_scheduled_day_after_the_dateline_is_no_conflict() -> None:
    text = "Headline\n\nOct 28, 2025\n\nThe council on Monday approved the plan. A hearing is set for Nov. 12."
    timexes = timexes_of(text, {"Monday": "XXXX-WXX-1", "Nov. 12": "XXXX-11-12"})
    context = publication_context(article(text, "Headline"), DateHints(), timexes)
    assert (context.date, context.conflicts) == (D(2025, 10, 28), ())


def test_metadata_date_comes_after_the_dateline() -> None:
    assert publication_context(article("Body.", published="2023-03-14"), DateHints(), []).basis == "metadata"
    context = publication_context(
        article("Headline\n\nJuly 25, 2021\n\nBody.", "Headline", "2021-07-27"), DateHints(), []
    )
    assert context.basis == "dateline" and "metadata says 2021-07-27" in context.conflicts[0]


def test_unparsable_metadata_date_is_reported_not_raised() -> None:
    context = publication_context(article("Body.", published="sometime"), DateHints(), [])
    assert context.basis == "unknown" and "'sometime'" in context.conflicts[0]


# --- inference ----------------------------------------------------------------------------------------------------

SEED_004_LIKE = (
    "On Tuesday, the National Security Council issued a statement. "
    "On Monday, the army condemned the attack. "
    "Washington has counted 103 attacks since October 17, according to an official. "
    "On December 8, the embassy was attacked. "
    "The war broke out with an attack on October 7."
)
SEED_004_TIMEXES = {
    "Tuesday": "XXXX-WXX-2",
    "Monday": "XXXX-WXX-1",
    "October 17": "XXXX-10-17",
    "December 8": "XXXX-12-08",
    "October 7": "XXXX-10-07",
}


def test_year_less_article_is_unknown_without_a_year() -> None:
    timexes = timexes_of(SEED_004_LIKE, SEED_004_TIMEXES)
    assert publication_context(article(SEED_004_LIKE), DateHints(), timexes).basis == "unknown"


def test_year_less_article_with_reference_date_is_inferred_with_a_range() -> None:
    timexes = timexes_of(SEED_004_LIKE, SEED_004_TIMEXES)
    context = publication_context(article(SEED_004_LIKE), DateHints(reference=D(2023, 12, 31)), timexes)
    assert context.basis == "inferred"
    assert context.earliest == D(2023, 12, 8)
    assert context.latest == D(2023, 12, 31)
    assert context.date is not None and context.earliest <= context.date <= context.latest
    assert context.date.isoweekday() == 2  # on or after the Tuesday the council spoke
    assert 0 < context.confidence < 1
    assert "December 8" in (context.evidence or "") and "Tuesday" in (context.evidence or "")


def test_stated_year_with_a_recent_month_day_is_inferred() -> None:
    text = "Talks began on March 3, 2021. On March 9, officials said the talks failed. On Friday, they left."
    timexes = timexes_of(text, {"March 3, 2021": "2021-03-03", "March 9": "XXXX-03-09", "Friday": "XXXX-WXX-5"})
    context = publication_context(article(text), DateHints(), timexes)
    assert (context.basis, context.earliest, context.date) == ("inferred", D(2021, 3, 9), D(2021, 3, 12))


def test_history_date_does_not_give_the_year() -> None:
    text = "Churchill spoke on March 5, 1946. On June 2, the museum said it would open an exhibition."
    timexes = timexes_of(text, {"March 5, 1946": "1946-03-05", "June 2": "XXXX-06-02"})
    assert publication_context(article(text), DateHints(), timexes).basis == "unknown"


def test_future_dates_are_not_lower_bounds() -> None:
    text = "The vote was held on May 1, 2020. On May 4, results were announced. The next vote will be on May 5, 2030."
    timexes = timexes_of(text, {"May 1, 2020": "2020-05-01", "May 4": "XXXX-05-04", "May 5, 2030": "2030-05-05"})
    context = infer_publication(clues_of(text, timexes))
    assert context is not None and context.earliest == D(2020, 5, 4)


def test_inference_never_exceeds_the_upper_bound() -> None:
    text = "On March 30, officials said the plan failed."
    timexes = timexes_of(text, {"March 30": "XXXX-03-30"})
    context = infer_publication(clues_of(text, timexes), upper=D(2022, 3, 31))
    assert context is not None and context.date is not None and context.latest is not None
    assert context.date <= D(2022, 3, 31) and context.latest == D(2022, 3, 31)


def test_clues_with_mismatched_offsets_get_no_tense() -> None:
    [timex] = timexes_of("x Monday", {"Monday": "XXXX-WXX-1"})
    assert clues_of("said nothing", [timex])[0].tense == "present"


@given(
    st.lists(
        st.tuples(st.integers(1, 12), st.integers(1, 28), st.sampled_from(["said", "will say"])), min_size=1, max_size=6
    ),
    st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)),
)
def test_inferred_range_is_ordered_and_below_the_bound(items: list[tuple[int, int, str]], upper: dt.date) -> None:
    text = " ".join(f"On {month:02d}/{day:02d} they {verb} it." for month, day, verb in items)
    timexes = [
        Timex(
            tid=f"t{i}",
            start=text.index(f"{month:02d}/{day:02d}"),
            end=text.index(f"{month:02d}/{day:02d}") + 5,
            text=f"{month:02d}/{day:02d}",
            type="DATE",
            value=f"XXXX-{month:02d}-{day:02d}",
            underspecified=f"XXXX-{month:02d}-{day:02d}",
        )
        for i, (month, day, _) in enumerate(items)
    ]
    context = infer_publication(clues_of(text, timexes), upper=upper)
    if context is not None:
        assert context.earliest is not None and context.latest is not None and context.date is not None
        assert context.earliest <= context.date <= context.latest <= upper


def test_inference_does_not_depend_on_the_clock() -> None:
    with freeze_time("2001-01-01"):
        first = publication_context(article(SEED_004_LIKE), DateHints(), timexes_of(SEED_004_LIKE, SEED_004_TIMEXES))
    with freeze_time("2040-01-01"):
        second = publication_context(article(SEED_004_LIKE), DateHints(), timexes_of(SEED_004_LIKE, SEED_004_TIMEXES))
    assert first == second


def test_document_text_fixture_is_an_article() -> None:
    document = Document(source="x.txt", text="Headline\n\nJuly 25, 2021\n\nBody text.", format="text")
    [only] = split_articles(document)
    assert publication_context(only, DateHints(), []).date == D(2021, 7, 25)


@pytest.mark.parametrize(
    ("line", "dated"),
    [
        ("July 25" + " " * 20000 + "x", None),
        ("Published" + " " * 20000 + "x", None),
        ("No comments" + " " * 20000 + "x", None),
        ("WASHINGTON " * 3000 + "x", None),
        ("5 March 2024, 10:30" + " " * 20000 + "x", D(2024, 3, 5)),
        ("(" * 20000 + "AP", None),
    ],
)
def test_hostile_first_lines_are_read_without_backtracking(line: str, dated: dt.date | None) -> None:
    # A backtracking pattern would hang here; benchmarks/linear_time.py measures the growth with size.
    text = f"Headline\n\n{line}\n\nBody."
    dateline, _ = find_dateline(article(text, "Headline"))
    assert (dateline.date if dateline is not None else None) == dated
    assert boilerplate_spans(text, "Headline") == [(0, len("Headline"))]


def test_month_days_that_do_not_fit_the_stated_year_leave_it_unknown() -> None:
    text = "The deal was signed on Aug. 10, 1988. On Aug. 26, the board said yes. Shares fell on Oct. 20."
    values = {"Aug. 10, 1988": "1988-08-10", "Aug. 26": "XXXX-08-26", "Oct. 20": "XXXX-10-20"}
    assert publication_context(article(text), DateHints(), timexes_of(text, values)).basis == "unknown"


def test_unknown_year_still_names_the_latest_past_day() -> None:
    text = "Headline\n\nSince October 17 talks went on. On December 8 the council said it would meet on March 2."
    timexes = timexes_of(text, {"October 17": "XXXX-10-17", "December 8": "XXXX-12-08", "March 2": "XXXX-03-02"})
    context = publication_context(article(text, "Headline"), DateHints(), timexes)
    assert (context.basis, context.date) == ("unknown", None)
    assert "'December 8' as past but states no year" in (context.evidence or "")


# --- offsets in apposition with a stated date -------------------------------------------------------------------


def tagged(text: str) -> list[Timex]:
    return annotate(text, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The strike killed him four years ago, on January 3, 2020.", "2024"),
        ("Sales fell last year (1997), the company said.", "1998"),
        ("In 1997, last year, sales fell.", "1998"),
        ("The ship sank two days ago, on March 3, 2023.", "2023-03-05"),
        ("The ship sank two days ago, on March 3.", "XXXX-03-05"),
        ("Protests began last week, on March 3, 2023.", "2023-W10"),
        ("Talks resumed last month, in November 2022.", "2022-12"),
    ],
)
def test_offset_in_apposition_with_a_date_pins_the_publication(text: str, value: str) -> None:
    assert [pin.value for pin in offset_pins(text, clues_of(text, tagged(text)))] == [value]


def test_years_ago_dated_in_the_next_sentence_pins_the_year() -> None:
    text = "The move gained momentum after the killings four years ago. The strike hit the airport on January 3, 2020."
    assert [pin.value for pin in offset_pins(text, clues_of(text, tagged(text)))] == ["2024"]


@pytest.mark.parametrize(
    "text",
    [
        "Trade fell to 14 billion last year, down 2.5 billion from 1996.",  # a comparison, not an apposition
        "Sales fell last year. The company was founded in 1996.",  # "last year" is not dated by the next sentence
        "The treaty was signed four years ago. It replaced one of 1946.",  # a bare year does not date an event
    ],
)
def test_offsets_not_in_apposition_pin_nothing(text: str) -> None:
    assert offset_pins(text, clues_of(text, tagged(text))) == []


def test_year_pin_with_a_recent_month_day_dates_the_article() -> None:
    text = (
        "Four years ago, on January 3, 2020, the strike hit. On March 9, officials said talks failed. "
        "On Friday, they left."
    )
    context = publication_context(article(text), DateHints(), tagged(text))
    assert (context.basis, context.earliest, context.date) == ("inferred", D(2024, 3, 9), D(2024, 3, 15))
    assert "'Four years ago' with 'January 3, 2020'" in (context.evidence or "")


def test_day_pin_with_its_year_is_the_date() -> None:
    text = "The ship sank two days ago, on March 3, 2023, officials said."
    context = publication_context(article(text), DateHints(), tagged(text))
    assert (context.basis, context.date, context.earliest, context.latest) == (
        "inferred",
        D(2023, 3, 5),
        D(2023, 3, 5),
        D(2023, 3, 5),
    )
    assert 0.5 < context.confidence < 1


def test_day_pin_without_a_year_names_the_day_and_says_the_year_is_unknown() -> None:
    text = "The ship sank two days ago, on March 3, officials said."
    context = publication_context(article(text), DateHints(), tagged(text))
    assert (context.basis, context.date) == ("unknown", None)
    assert "March 5 of a year the text does not state" in (context.evidence or "")


def test_year_pin_takes_the_year_of_a_day_pin_without_one() -> None:
    text = "Four years ago, on January 3, 2020, the strike hit. The ship sank two days ago, on March 3."
    context = publication_context(article(text), DateHints(), tagged(text))
    assert (context.basis, context.date) == ("inferred", D(2024, 3, 5))


def test_pins_that_disagree_are_not_trusted() -> None:
    text = "Four years ago, on January 3, 2020, the strike hit. Last year (2019) sales fell."
    context = publication_context(article(text), DateHints(), tagged(text))
    assert (context.basis, context.date, context.earliest) == ("unknown", None, None)


def test_given_date_outside_the_pinned_year_is_a_conflict() -> None:
    text = "The strike killed him four years ago, on January 3, 2020."
    context = publication_context(article(text), DateHints(published_all=D(2021, 5, 1)), tagged(text))
    assert (context.basis, context.date) == ("cli", D(2021, 5, 1))
    assert any("between 2024-01-01 and 2024-12-31" in conflict for conflict in context.conflicts)


def test_schedules_and_accounting_periods_are_not_recent_days() -> None:
    text = "The quarter ended Sept. 30. The dividend is payable Jan. 3. The board met on Oct. 20, it said."
    assert latest_yearless_past(clues_of(text, tagged(text)), text) == "Oct. 20"


def test_latest_year_less_day_may_be_in_the_new_year() -> None:
    text = "Talks began on December 20, officials said. They broke down on January 3, officials said."
    assert latest_yearless_past(clues_of(text, tagged(text)), text) == "January 3"


def test_without_manifest_the_warning_says_what_the_text_tells_of_the_date(tmp_path, capsys):
    from chronology.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "The general was killed four years ago, on January 3, 2020, in a drone strike.\n", encoding="utf-8"
    )
    assert main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    warning = next(line for line in capsys.readouterr().err.splitlines() if "a.txt" in line)
    assert "between 2024-01-01 and 2024-12-31" in warning and "--published" in warning
