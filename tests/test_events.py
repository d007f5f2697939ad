import datetime as dt

from chronology.events import MAX_DESCRIPTION, extract_events, undated_events
from chronology.models import Article, PublicationContext, Timex

TEXT = (
    "On Tuesday, the council issued a statement about the strikes. "
    "The minister held talks in Paris on Monday, before flying home to Baghdad on Wednesday. "
    "Attacks have continued since October 17, officials said. "
    "The plan will be announced on Friday. "
    "There are 2,500 soldiers in Iraq."
)
PUBLISHED = dt.date(2023, 12, 28)


def _timex(tid: str, text: str, value: str, mod: str | None = None, occurrence: int = 0) -> Timex:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Timex(tid=tid, start=start, end=start + len(text), text=text, type="DATE", value=value, mod=mod,
                 underspecified=value, anchor="publication", anchor_value=PUBLISHED.isoformat())


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for index, char in enumerate(text):
        if char == "." and (index + 1 == len(text) or text[index + 1] == " "):
            spans.append((start, index + 1))
            start = index + 2
    return spans


ARTICLE = Article(id="a.txt#0", source="a.txt", index=0, headline="Talks", start=100, end=100 + len(TEXT), text=TEXT)
CONTEXT = PublicationContext(date=PUBLISHED, basis="manifest")
TIMEXES = [
    _timex("t1", "Tuesday", "2023-12-26"),
    _timex("t2", "Monday", "2023-12-25"),
    _timex("t3", "Wednesday", "2023-12-27"),
    _timex("t4", "October 17", "2023-10-17"),
    _timex("t5", "Friday", "2023-12-29"),
]


def _events():
    return extract_events(ARTICLE, CONTEXT, TIMEXES, _sentences(TEXT))


def test_each_dated_statement_becomes_an_event_with_its_sentence():
    events = _events()
    assert [e.date.value for e in events] == ["2023-12-26", "2023-12-25", "2023-12-27", "2023-10-17", "2023-12-29"]
    assert events[0].description == "On Tuesday, the council issued a statement about the strikes."


def test_two_dates_in_one_sentence_give_two_clauses():
    monday, wednesday = _events()[1:3]
    assert monday.description == "The minister held talks in Paris on Monday."
    assert wednesday.description == "The minister … before flying home to Baghdad on Wednesday."
    assert monday.mentions[0].sentence.startswith("The minister held talks")


def test_mentions_carry_document_offsets_and_resolution():
    mention = _events()[0].mentions[0]
    assert mention.span == (100 + TEXT.index("Tuesday"), 100 + TEXT.index("Tuesday") + 7)
    assert (mention.expression, mention.anchor_value, mention.article_id) == ("Tuesday", "2023-12-28", "a.txt#0")


def test_since_opens_an_interval_up_to_publication_and_is_ongoing():
    since = _events()[3]
    assert since.status == "ongoing"
    assert since.date.edtf == "2023-10-17/2023-12-28"
    assert (since.date.start, since.date.end) == (dt.date(2023, 10, 17), PUBLISHED)


def test_future_statements_are_planned_past_ones_past():
    events = _events()
    assert events[4].status == "planned"
    assert events[0].status == "past"


def test_skipped_spans_and_undated_values_give_no_event():
    caption = (0, TEXT.index(".") + 1)
    undated = Timex(tid="t9", start=0, end=2, text="On", type="DATE", value="XXXX-WXX-2", underspecified="XXXX-WXX-2")
    events = extract_events(ARTICLE, CONTEXT, [*TIMEXES, undated], _sentences(TEXT), skip=[caption])
    assert "2023-12-26" not in [e.date.value for e in events]
    assert len(events) == 4


def _extract(text: str, spans: list[tuple[str, str]], context: PublicationContext = CONTEXT, undated: bool = False):
    timexes = []
    for index, (expression, value) in enumerate(spans):
        start = text.index(expression)
        timexes.append(Timex(tid=f"t{index}", start=start, end=start + len(expression), text=expression, type="DATE",
                             value=value, underspecified=value, anchor="publication", anchor_value="2023-12-28"))
    article = Article(id="x.txt#0", source="x.txt", index=0, headline=None, start=0, end=len(text), text=text)
    extract = undated_events if undated else extract_events
    return extract(article, context, timexes, _sentences(text))


def test_from_to_and_between_and_give_one_interval_event():
    (years,) = _extract("Prices rose sharply from 2009 to 2010 in the region.", [("2009", "2009"), ("2010", "2010")])
    assert years.date.edtf == "2009/2010"
    assert (years.date.start, years.date.end) == (dt.date(2009, 1, 1), dt.date(2010, 12, 31))
    (months,) = _extract("Talks ran between March and May in Geneva.", [("March", "2023-03"), ("May", "2023-05")])
    assert months.date.edtf == "2023-03/2023-05" and months.description == "Talks ran between March and May in Geneva."


def test_a_deadline_runs_from_publication_to_its_end_and_is_expected():
    (deadline,) = _extract("The troops must leave the country by the end of the year.",
                           [("the end of the year", "2023")])
    assert deadline.date.edtf == "2023-12-28/2023-12-31"
    assert deadline.status == "planned"


def test_over_the_past_month_is_a_window_ending_at_publication():
    (window,) = _extract("Over the past month, attacks on the bases rose.", [("Over the past month", "2023-11")])
    assert window.date.edtf == "2023-11-28/2023-12-28"
    assert (window.date.start, window.date.end) == (dt.date(2023, 11, 28), PUBLISHED)


def test_a_bracketed_restatement_is_one_date_and_commas_do_not_cut_the_clause():
    text = "Early this morning (Tuesday) in northern Iraq, American personnel were targeted by a drone, he said."
    (event,) = _extract(text, [("this morning", "2023-12-28TMO"), ("Tuesday", "2023-12-26")])
    assert event.date.value == "2023-12-26"
    assert event.description == text


def test_relative_dates_are_uncertain_when_publication_was_inferred():
    inferred = CONTEXT.model_copy(update={"basis": "inferred"})
    (event,) = _extract("The council met in Baghdad on Tuesday.", [("Tuesday", "2023-12-26")], inferred)
    assert event.date.edtf == "2023-12-26?"
    (since,) = _extract("Attacks have continued since October 17.", [("October 17", "2023-10-17")], inferred)
    assert since.date.edtf == "2023-10-17?/2023-12-28?"


def test_long_descriptions_are_shortened_keeping_who_said_it():
    text = ("On Tuesday the government " + "announced a long list of measures and " * 12
            + "promised more, said the ministry of defence.")
    (event,) = _extract(text, [("Tuesday", "2023-12-26")])
    assert len(event.description) <= MAX_DESCRIPTION
    assert event.description.startswith("On Tuesday the government")
    assert event.description.endswith("… said the ministry of defence.")


def test_undated_statements_follow_the_narrative_or_publication():
    text = ("On Monday, the minister unveiled the new plan in Paris. "
            "He praised the engineers who built it over two years. "
            "The plan has a budget of two billion dollars for the region. "
            "Short one.")
    events = _extract(text, [("Monday", "2023-12-25")], undated=True)
    assert [(e.anchored_by, e.date.value) for e in events] == [
        ("narrative", "2023-12-25"), ("publication", "2023-12-28")
    ]
    assert events[0].mentions[0].expression == "" and events[0].mentions[0].anchor == "t0"
    assert events[1].description == "The plan has a budget of two billion dollars for the region."


def test_a_year_naming_a_thing_dates_no_event_but_a_year_saying_when_does():
    text = "Apple Corps claims that the store violates the 1991 agreement between the companies."
    assert _extract(text, [("1991", "1991")]) == []
    assert [e.description for e in _extract(text, [("1991", "1991")], undated=True)] == [text]
    (event,) = _extract("The companies reached an agreement in 1991 after long talks.", [("1991", "1991")])
    assert event.date.value == "1991"


def test_a_year_in_a_name_dates_no_event():
    # The year of a conference, a product or a company's name says which one, not when the event happened.
    for text in (
        "Steve Jobs gives the opening keynote to WWDC 2005",
        "Apple unveils iPhone 4 at Worldwide Developers Conference 2010",
        "The plant was run by a venture called Orion 1980, which made parts.",
    ):
        year = next(word for word in text.replace(",", " ").split() if word.isdigit() and len(word) == 4)
        assert _extract(text, [(year, year)]) == [], text
    # After a calendar word or a function word a title-case headline capitalises, the year dates its event.
    for text in ("The company opened its first store In 2005.", "Sales were high in Spring 2005."):
        assert [e.date.value for e in _extract(text, [("2005", "2005")])] == ["2005"], text


def test_a_present_perfect_statement_is_dated_by_the_narrative():
    text = ("The founder of the company died on Wednesday at his home. "
            "His colleagues have lost a dear friend and mentor. "
            "The company is still run from its headquarters in California.")
    context = CONTEXT.model_copy(update={"date": dt.date(2023, 12, 28)})
    events = _extract(text, [("Wednesday", "2023-12-27")], context, undated=True)
    assert [(e.anchored_by, e.date.value) for e in events] == [
        ("narrative", "2023-12-27"), ("publication", "2023-12-28")
    ]


def test_a_date_holding_a_more_precise_one_of_its_clause_gives_no_event():
    text = "Yesterday, at this year's conference in Geneva, the ministers signed the accord."
    (event,) = _extract(text, [("Yesterday", "2023-12-27"), ("this year", "2023")])
    assert event.date.value == "2023-12-27"


def test_a_date_in_another_clause_is_not_a_container():
    text = "The ministers signed the accord on Tuesday in Geneva; the talks had begun in 2023 after the war."
    events = _extract(text, [("Tuesday", "2023-12-26"), ("2023", "2023")])
    assert [e.date.value for e in events] == ["2023-12-26", "2023"]
    assert events[1].description == "the talks had begun in 2023."


def test_a_copula_tells_a_state_not_an_occurrence():
    text = "The store is a success with many buyers. The company said nothing about it."
    event = _extract(text, [], undated=True)[0]
    assert event.status == "ongoing" and event.anchored_by == "publication"
    trigger = event.mentions[0].trigger
    assert trigger is None or (trigger.text == "is" and trigger.event_class == "STATE")


def test_a_statement_without_a_verb_event_is_told_by_its_event_noun():
    text = "Apple Inc. CEO Steve Jobs on medical leave. The company said nothing more about it."
    mention = _extract(text, [], undated=True)[0].mentions[0]
    assert mention.trigger.text == "leave"
    assert [(p.role, p.text) for p in mention.participants] == [("agent", "Steve Jobs")]
