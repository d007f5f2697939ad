import datetime as dt
import json
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from chronology import merge
from chronology.cli import main
from chronology.events import extract_events
from chronology.merge import (
    _GRANULARITY_RANK,
    BASIS_STRENGTH,
    STATEMENT_MIN_WORDS,
    STATEMENT_SIMILARITY,
    _Bucket,
    _combine,
    _contained_counts,
    _Entry,
    _merge_disagreements,
    _reason,
    _similar_counts,
    _Spill,
    _Wording,
    merge_events,
)
from chronology.models import Article, DateConflict, DateReading, Event, PublicationContext, Timex

CONTEXT = PublicationContext(date=dt.date(2023, 12, 28), basis="manifest")


def _article(source: str, text: str, expression: str, value: str) -> tuple[Article, Timex]:
    start = text.index(expression)
    article = Article(id=f"{source}#0", source=source, index=0, headline=None, start=0, end=len(text), text=text)
    timex = Timex(tid="t1", start=start, end=start + len(expression), text=expression, type="DATE", value=value,
                  underspecified=value)
    return article, timex


def _events(source: str, text: str, expression: str, value: str):
    article, timex = _article(source, text, expression, value)
    return extract_events(article, CONTEXT, [timex], [(0, len(text))])


def test_the_same_sentence_from_two_files_is_one_event_citing_both():
    text = "On December 8, the American embassy in Baghdad was attacked with several missiles."
    merged = merge_events(
        _events("a.txt", text, "December 8", "2023-12-08") + _events("b.txt", text, "December 8", "2023-12-08")
    )
    assert len(merged) == 1
    assert merged[0].sources == ("a.txt", "b.txt") and len(merged[0].mentions) == 2


def test_a_lightly_edited_sentence_merges_a_different_fact_does_not():
    day = ("December 8", "2023-12-08")
    a = _events("a.txt", "On December 8, the American embassy in Baghdad was attacked with several missiles.", *day)
    b = _events("b.txt", "The American embassy in Baghdad was attacked with missiles on December 8.", *day)
    c = _events("c.txt", "On December 8, the parliament approved the budget for next year.", *day)
    merged = merge_events(a + b + c)
    assert sorted(len(e.mentions) for e in merged) == [1, 2]


def test_the_same_words_with_other_figures_are_another_event():
    # Two companies' results on one day: every word but the figures is shared.
    quarter = ("the third quarter", "2023-Q3")
    a = _events("a.txt", "Sales rose 4.8% to $1.20 billion from $1.14 billion in the third quarter.", *quarter)
    b = _events("b.txt", "Sales rose 8% to $1.15 billion from $1.06 billion in the third quarter.", *quarter)
    assert len(merge_events(a + b)) == 2
    # The same figure told twice is one event; counts of people are no figures (reports of one event differ).
    c = _events("c.txt", "Unisys posted a $648.2 million loss for the third quarter.", *quarter)
    d = _events("d.txt", "Unisys posted a loss of $648.2 million for the third quarter.", *quarter)
    assert len(merge_events(c + d)) == 1
    day = ("Friday", "2023-12-22")
    e = _events("e.txt", "The bombing on Friday killed 259 people in the capital.", *day)
    f = _events("f.txt", "The bombing on Friday killed more than 200 people in the capital.", *day)
    assert len(merge_events(e + f)) == 1


def test_same_words_on_different_dates_stay_apart():
    text = "The council met on Monday."
    merged = merge_events(
        _events("a.txt", text, "Monday", "2023-12-25") + _events("b.txt", text, "Monday", "2023-12-18")
    )
    assert len(merged) == 2


def test_order_is_by_start_then_coarser_first_and_ids_are_stable():
    events = (
        _events("a.txt", "The war broke out on October 7 in the south.", "October 7", "2023-10-07")
        + _events("b.txt", "Israel used Iraqi airspace in October to attack Iran.", "October", "2023-10")
        + _events("c.txt", "The law was adopted in 2020 by the parliament.", "2020", "2020")
    )
    merged = merge_events(events)
    assert [e.date.value for e in merged] == ["2020", "2023-10", "2023-10-07"]
    assert [e.id for e in merge_events(reversed(events))] == [e.id for e in merged]



def test_a_statement_told_twice_by_one_article_stays_twice_with_numbered_ids():
    # An article does not corroborate itself; the repeat gets the next free id, the same on every run.
    text = "On December 8, the American embassy in Baghdad was attacked with several missiles."
    told = _events("a.txt", text, "December 8", "2023-12-08")
    merged = merge_events(told + told)
    assert [event.id for event in merged] == [told[0].id, f"{told[0].id}-2"]
    assert [event.id for event in merge_events(told + told + told)][2] == f"{told[0].id}-3"

def _dated_by(source: str, text: str, expression: str, value: str, basis: str):
    article, timex = _article(source, text, expression, value)
    timex = timex.model_copy(update={"anchor": "publication"})
    return extract_events(article, CONTEXT.model_copy(update={"basis": basis}), [timex], [(0, len(text))])


STATEMENT = "The prime minister met the American president at the White House on Monday to discuss troops."


def test_one_statement_dated_differently_keeps_both_dates_and_uses_the_better_sourced_one():
    inferred = _dated_by("a.txt", STATEMENT, "Monday", "2023-12-18", "inferred")
    stated = _dated_by("b.txt", STATEMENT, "Monday", "2023-12-25", "manifest")
    (event,) = merge_events(inferred + stated)
    assert event.date.value == "2023-12-25" and event.sources == ("a.txt", "b.txt")
    assert event.conflict is not None
    assert [r.date.value for r in event.conflict.readings] == ["2023-12-25", "2023-12-18"]
    assert [r.article_ids for r in event.conflict.readings] == [("b.txt#0",), ("a.txt#0",)]
    assert "manifest" in event.conflict.reason and "inference" in event.conflict.reason


def test_with_equal_footing_the_date_most_sources_give_wins_and_order_does_not_matter():
    events = (
        _dated_by("a.txt", STATEMENT, "Monday", "2023-12-18", "manifest")
        + _dated_by("b.txt", STATEMENT, "Monday", "2023-12-25", "manifest")
        + _dated_by("c.txt", STATEMENT, "Monday", "2023-12-25", "manifest")
    )
    (event,) = merge_events(events)
    assert event.date.value == "2023-12-25" and "2 of 3 sources" in event.conflict.reason
    assert [e.id for e in merge_events(reversed(events))] == [event.id]
    assert merge_events(reversed(events))[0].date == event.date


def test_a_tie_between_dates_keeps_the_date_that_got_there_first():
    # The cross-date pass on its own (the same-date pass would have joined the equal dates first): December 18
    # leads with two sources; a second source for December 25 only ties it.
    dates = ("2023-12-25", "2023-12-18", "2023-12-18", "2023-12-25")
    events = [event for number, value in enumerate(dates)
              for event in _dated_by(f"{number}.txt", STATEMENT, "Monday", value, "manifest")]
    (event,) = _merge_disagreements(events)
    assert event.date.value == "2023-12-18"
    assert [r.date.value for r in event.conflict.readings] == ["2023-12-18", "2023-12-25"]
    assert event.conflict.reason.endswith("because it was reported first")


def test_uncertain_dates_from_inferred_publication_are_marked_in_edtf():
    (event,) = _dated_by("a.txt", STATEMENT, "Monday", "2023-12-18", "inferred")
    assert event.date.edtf == "2023-12-18?"
    assert event.mentions[0].publication_basis == "inferred"


def test_a_short_telling_inside_a_longer_one_on_the_same_date_merges():
    long = _events("a.txt", "Steve Jobs has been fighting pancreatic cancer since 2004 and is on medical leave.",
                   "2004", "2004")
    short = _events("b.txt", "He has been fighting pancreatic cancer since 2004.", "2004", "2004")
    other = _events("c.txt", "He has been fighting the lawsuit since 2004.", "2004", "2004")
    merged = merge_events(long + short + other)
    assert sorted(len(e.mentions) for e in merged) == [1, 2]


def test_seed_articles_shared_by_two_files_are_told_once_with_both_sources(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["build", str(seeds), "--out", str(tmp_path), "-q"]) == 0
    events = json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"]
    files = [{m["source"].rsplit("/", 1)[-1][:4] for m in e["mentions"]} for e in events]
    shared = [e for e, names in zip(events, files, strict=True) if {"000_", "001_"} <= names]
    assert len(shared) >= 5
    assert all(e["anchored_by"] in ("narrative", "publication") for e in shared)
    told = [(e["description"], e["date"]["value"]) for e in events]
    assert len(told) == len(set(told))


# The pair tests as defined: a wording's content words against another's (merge applies them on counts).
def _shared(a: _Wording, b: _Wording) -> int:
    return len(frozenset(a.words).intersection(b.words))


def _similar(a: _Wording, b: _Wording, threshold: float = merge.SIMILARITY) -> bool:
    """The same sentence word for word, or content words overlapping by `threshold` (Jaccard)."""
    if not a.words or not b.words:
        return not a.words and not b.words and a.normal == b.normal
    return _similar_counts(_shared(a, b), len(a.words), len(b.words), threshold)


def _contained(a: _Wording, b: _Wording) -> bool:
    return _contained_counts(_shared(a, b), len(a.words), len(b.words))


# The cross-date pass against its definition: each statement joins the first earlier statement (that had
# enough words to be indexed) with another date, no shared article and similar wording, else stands alone;
# joining two statements keeps every reading and uses the most trustworthy one.
_WORDS = ("army", "budget", "council", "envoy", "loan", "minister", "pact", "rebels", "talks", "vote")
_DATES = (("December 8", "2023-12-08"), ("December 9", "2023-12-09"), ("December 10", "2023-12-10"),
          ("December", "2023-12"))
# Bases of equal strength too ("metadata" and "dateline"): the first of equals is kept.
_BASES = ("manifest", "metadata", "dateline", "inferred")


def _reference_readings(event: Event) -> tuple[DateReading, ...]:
    if event.conflict is not None:
        return event.conflict.readings
    articles = tuple(dict.fromkeys(m.article_id for m in event.mentions))
    basis = max((m.publication_basis for m in event.mentions), key=lambda b: BASIS_STRENGTH[b])
    return (DateReading(date=event.date, article_ids=articles, basis=basis),)


def _reference_combine_dates(kept: Event, other: Event) -> Event:
    readings = list(_reference_readings(kept))
    for reading in _reference_readings(other):
        same = next((i for i, r in enumerate(readings) if r.date == reading.date), None)
        if same is None:
            readings.append(reading)
        else:
            current = readings[same]
            basis = max(current.basis, reading.basis, key=lambda b: BASIS_STRENGTH[b])
            ids = tuple(dict.fromkeys(current.article_ids + reading.article_ids))
            readings[same] = DateReading(date=current.date, article_ids=ids, basis=basis)
    # Ranked by basis, then sources, then precision, then the order held so far.
    ranked = sorted(enumerate(readings), reverse=True, key=lambda item: (
        BASIS_STRENGTH[item[1].basis], len(item[1].article_ids), _GRANULARITY_RANK[item[1].date.granularity],
        -item[0]))
    ordered = [reading for _, reading in ranked]
    conflict = DateConflict(readings=tuple(ordered), reason=_reason(ordered[0], ordered[1:]))
    description = kept.description if ordered[0].date == kept.date else other.description
    return _combine([kept, other]).model_copy(
        update={"date": ordered[0].date, "conflict": conflict, "description": description})


def _reference_disagreements(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    indexed: list[int] = []
    for event in events:
        wording = _Wording.of(event)
        if len(wording.words) < STATEMENT_MIN_WORDS:
            merged.append(event)
            continue
        articles = {m.article_id for m in event.mentions}
        for position in indexed:
            kept = merged[position]
            if (kept.date != event.date and articles.isdisjoint({m.article_id for m in kept.mentions})
                    and _similar(_Wording.of(kept), wording, STATEMENT_SIMILARITY)):
                merged[position] = _reference_combine_dates(kept, event)
                break
        else:
            indexed.append(len(merged))
            merged.append(event)
    return merged


@given(st.lists(st.tuples(st.sets(st.sampled_from(_WORDS), min_size=4, max_size=10), st.sampled_from(_DATES),
                          st.integers(0, 5), st.sampled_from(_BASES)), max_size=25))
@settings(max_examples=200, deadline=None)
def test_the_indexed_cross_date_pass_finds_what_a_full_scan_finds(
    statements: list[tuple[set[str], tuple[str, str], int, str]],
) -> None:
    events = []
    for number, (words, (expression, value), article, basis) in enumerate(statements):
        text = f"On {expression} the {' '.join(sorted(words))} met."
        event = _dated_by(f"{article}.txt", text, expression, value, basis)[0]
        events.append(event.model_copy(update={"id": f"e{number}"}))
    assert _merge_disagreements(events) == _reference_disagreements(events)


def _reference_first_pass(entries: list[_Entry]) -> list[tuple[int, ...]]:
    """The same-date pass as a full scan: each event joins the first kept one with no shared article and a
    similar or contained wording."""
    kept: list[tuple[_Wording, set[str], list[int]]] = []
    for entry in entries:
        for wording, articles, parts in kept:
            if articles.isdisjoint(entry.articles) and (
                _similar(wording, entry.wording) or _contained(wording, entry.wording)
            ):
                articles.update(entry.articles)
                parts.extend(entry.parts)
                break
        else:
            kept.append((entry.wording, set(entry.articles), list(entry.parts)))
    return [tuple(parts) for _, _, parts in kept]


# The same-date pass against its definition, on one bucket, with words held as lists and as bits (density).
@given(st.lists(st.tuples(st.sets(st.sampled_from(_WORDS[:7]), max_size=7), st.integers(0, 4)), max_size=40),
       st.sampled_from([1, 3, merge._DENSITY]))
@settings(max_examples=150, deadline=None)
def test_the_tallied_same_date_pass_finds_what_a_full_scan_finds(
    statements: list[tuple[set[str], int]], density: int
) -> None:
    spill = _Spill()
    entries = []
    for words, article in statements:
        # With no content word the wording is the normal form: "In 2023 it was." (stopwords and digits only).
        text = f"In 2023 {' '.join(sorted(words)) or 'it'} was."
        event = _events(f"{article}.txt", text, "2023", "2023")[0]
        entries.append(_Entry(event, spill.put(event), event.date))
    expected = _reference_first_pass(entries)  # first: the bucket extends the entries it keeps
    bucket = _Bucket()
    with mock.patch.object(merge, "_DENSITY", density):
        for entry in entries:
            bucket.add(entry)
    assert [tuple(entry.parts) for entry in bucket.kept] == expected


def test_event_places_hold_offsets_past_what_a_signed_64_bit_handle_can():
    # A 100k-article archive spills more than 2 GB: offset << 32 then no longer fits a signed 64-bit integer.
    places = merge._Places()
    handles = [0 << 32 | 10, (5 << 32) << 32 | 123, ((1 << 40) << 32) | 0xFFFFFFFF]
    for handle in handles:
        places.append(handle)
    assert list(places) == handles and places[1] == handles[1] and len(places) == 3


@given(st.lists(st.tuples(st.integers(0, 2**64 - 1), st.integers(0, 2**32 - 1)), max_size=300),
       st.sampled_from([1, 2, 4]))
@settings(max_examples=100, deadline=None)
def test_the_statement_postings_hold_what_a_dict_of_lists_holds(pairs: list[tuple[int, int]], capacity: int) -> None:
    # A small table grows many times over; keys repeat (several positions to a key) and collide in slots.
    postings = merge._Postings(capacity)
    expected: dict[int, set[int]] = {}
    for value, position in pairs:
        key = merge._Postings.key(value % 50 if position % 2 else value)
        postings.add(key, position)
        expected.setdefault(key, set()).add(position)
    for key, positions in expected.items():
        found: set[int] = set()
        postings.collect(key, found)
        assert found == positions
    missing: set[int] = set()
    postings.collect(merge._Postings.key(2**64 - 3), missing)
    assert missing == expected.get(merge._Postings.key(2**64 - 3), set())
