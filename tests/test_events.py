import datetime as dt

from chronology.events import extract_events
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
