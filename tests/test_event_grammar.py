"""Dates attached to the event they modify, read from the sentence's grammar (through the whole pipeline)."""

import datetime as dt

from chronology.context import DateHints
from chronology.models import Article, Event
from chronology.pipeline import analyse_article


def _events(text: str, published: dt.date) -> list[Event]:
    article = Article(id="a.txt#0", source="a.txt", index=0, start=0, end=len(text), text=text)
    return list(analyse_article(article, DateHints(published_all=published)).events)


def _by_expression(events: list[Event]) -> dict[str, Event]:
    return {event.mentions[0].expression: event for event in events}


def test_a_report_and_the_plan_it_reports_keep_their_own_tenses() -> None:
    text = "Politico reported on Thursday that the change is planned to be announced on Monday."
    events = _by_expression(_events(text, dt.date(2021, 7, 24)))  # a Saturday
    assert (events["Thursday"].date.value, events["Thursday"].status) == ("2021-07-22", "past")
    assert (events["Monday"].date.value, events["Monday"].status) == ("2021-07-26", "planned")
    assert events["Thursday"].mentions[0].trigger is not None
    assert events["Thursday"].mentions[0].trigger.text == "reported"
    assert events["Thursday"].mentions[0].trigger.event_class == "REPORTING"


def test_a_statement_and_what_it_announces() -> None:
    text = "Officials said on Monday that schools would reopen on Friday."
    events = _by_expression(_events(text, dt.date(2024, 3, 6)))  # a Wednesday
    assert (events["Monday"].date.value, events["Monday"].status) == ("2024-03-04", "past")
    assert (events["Friday"].date.value, events["Friday"].status) == ("2024-03-08", "planned")
    trigger = events["Friday"].mentions[0].trigger
    assert trigger is not None and (trigger.text, trigger.modality) == ("reopen", "would")


def test_a_comparison_baseline_dates_no_event() -> None:
    published = dt.date(2020, 5, 12)
    assert _events("Exports fell 12% in March compared with April 2019, the ministry said.", published)[0].date.value \
        == "2020-03"
    # Without a date of its own, the fall is told at publication, never at its baseline.
    fell = _events("Exports fell 12% compared with April 2019.", published)
    assert [(e.date.value, e.anchored_by) for e in fell] == [("2020-05-12", "publication")]
    lowest = _events("On Tuesday the index closed at its lowest level since 2009.", published)
    assert [e.date.value for e in lowest] == ["2020-05-12"]


def test_a_clock_time_belongs_to_the_event_it_times_not_to_the_day_of_the_statement() -> None:
    text = (
        "A powerful storm made landfall late Sunday. "
        "The storm, which came ashore at 11 p.m., knocked out power to thousands of homes, officials said Monday."
    )
    events = _by_expression(_events(text, dt.date(2024, 9, 10)))  # a Tuesday
    assert events["11 p.m."].date.start == dt.date(2024, 9, 8)
    assert events["Monday"].date.value == "2024-09-09"


def test_the_trigger_records_tense_and_aspect() -> None:
    text = "The company has opened a new factory in Ohio on Tuesday."
    trigger = _events(text, dt.date(2024, 3, 8))[0].mentions[0].trigger
    assert trigger is not None
    assert (trigger.text, trigger.tense, trigger.aspect) == ("opened", "PRESENT", "PERFECTIVE")


def test_a_reported_event_names_its_report_and_source() -> None:
    text = "Officials said on Monday that schools would reopen on Friday."
    events = _by_expression(_events(text, dt.date(2024, 3, 6)))
    report = events["Friday"].mentions[0].reported_by
    assert report is not None and (report.text, report.source) == ("said", "Officials")
    assert events["Monday"].mentions[0].reported_by is None  # the statement itself is told by the writer


def test_an_event_names_who_did_it_and_where() -> None:
    text = "The army shelled the airport in Khartoum on Tuesday, witnesses said."
    [event] = _events(text, dt.date(2023, 5, 10))
    mention = event.mentions[0]
    assert mention.trigger is not None and mention.trigger.text == "shelled"
    roles = {participant.role: participant.text for participant in mention.participants}
    assert roles == {"agent": "The army", "patient": "the airport"}
    assert mention.location is not None and mention.location.text == "Khartoum"
    assert text[mention.location.span[0] : mention.location.span[1]] == "Khartoum"


def test_a_statement_without_a_date_follows_the_narrative_and_says_so() -> None:
    text = "The council met on Monday. It approved the budget after a long debate."
    events = _events(text, dt.date(2024, 3, 6))
    undated = [event for event in events if event.anchored_by != "expression"]
    assert [(event.anchored_by, event.date.value) for event in undated] == [("narrative", "2024-03-04")]
    assert events[0].anchored_by == "expression" and events[0].mentions[0].expression == "Monday"


def _triggers(event: Event) -> list[str]:
    mention = event.mentions[0]
    return [mention.trigger.text if mention.trigger else "", *(t.text for t in mention.related_triggers)]


def test_the_report_of_a_dated_event_is_an_event_of_its_own() -> None:
    events = _events("The carmaker said it lost $2 billion in the second quarter.", dt.date(2024, 8, 1))
    dated = [(e.date.value, e.anchored_by, _triggers(e)) for e in events]
    assert dated == [("2024-Q2", "expression", ["lost"]), ("2024-08-01", "publication", ["said"])]


def test_what_a_dated_report_tells_takes_its_date() -> None:
    (event,) = _events("Apple said on Tuesday it sold a million phones.", dt.date(2024, 8, 1))
    assert (event.date.value, _triggers(event)) == ("2024-07-30", ["said", "sold"])


def test_a_dated_event_noun_dates_the_verb_it_is_the_subject_of() -> None:
    (event,) = _events("The attack on Tuesday killed five people.", dt.date(2024, 8, 1))
    assert (event.date.value, _triggers(event)) == ("2024-07-30", ["attack", "killed"])


def test_a_future_told_in_a_dated_report_does_not_take_the_report_date() -> None:
    text = "Officials said on Monday that schools would reopen on Friday."
    events = _by_expression(_events(text, dt.date(2024, 3, 6)))
    assert _triggers(events["Monday"]) == ["said"]
    assert _triggers(events["Friday"]) == ["reopen"]


def test_an_intention_keeps_its_own_time_and_holds_at_publication() -> None:
    events = _events("Apple intends to launch the phone in October.", dt.date(2024, 8, 1))
    dated = [(e.date.value, e.status, _triggers(e)) for e in events]
    assert dated == [("2024-10", "planned", ["launch"]), ("2024-08-01", "ongoing", ["intends"])]


def test_a_dated_event_noun_that_is_the_setting_dates_its_predicate_and_a_later_one_does_not() -> None:
    published = dt.date(2010, 7, 20)
    (conference,) = _events("In a July 16 press conference, Jobs said buyers would get a free case.", published)
    assert (conference.date.value, _triggers(conference)) == ("2010-07-16", ["conference", "said"])
    text = "The move gained momentum after the assassination of the commanders four years ago."
    events = _events(text, published)
    assert [(e.date.value, _triggers(e)[0]) for e in events] == [("2006", "assassination"), ("2010-07-20", "gained")]


def test_an_event_put_before_or_after_a_dated_one_does_not_take_its_date() -> None:
    published = dt.date(2008, 4, 10)
    text = "Five years after its launch, the store passed Wal-Mart in February."
    (passed,) = _events(text, published)
    assert (passed.date.value, _triggers(passed)) == ("2008-02", ["passed"])
    (affirmed,) = _events("On Sunday, before departing for Washington, the minister affirmed his support.", published)
    assert _triggers(affirmed) == ["affirmed"]
    # A word the model marks that the parser reads as a preposition tells nothing of its own.
    (redeployed,) = _events("The army redeployed in March following an agreement with the government.", published)
    assert "following" not in _triggers(redeployed)


def test_according_to_names_the_source_not_the_event() -> None:
    text = (
        "This attack is one of more than 100 attacks targeting US forces in Syria and Iraq since mid-October, "
        "according to Agence France-Presse.\n"
    )
    events = _events(text, dt.date(2023, 12, 28))
    triggers = {mention.trigger.text for event in events for mention in event.mentions if mention.trigger}
    assert triggers and "according" not in triggers
