"""A small hand-made timeline shared by the export, filter and schema tests."""

from __future__ import annotations

import datetime as dt

from chronology.models import ArticleRecord, Basis, DateValue, Event, Mention, PublicationContext, Status, Timeline
from chronology.values import date_value


def mention(article_id: str, sentence: str, expression: str, value: str) -> Mention:
    start = sentence.index(expression)
    return Mention(
        article_id=article_id, source=article_id.split("#")[0], headline=f"Headline of {article_id}",
        expression=expression, span=(start, start + len(expression)), sentence=sentence,
        sentence_span=(0, len(sentence)), timex_type="DATE", timex_value=value, underspecified=value,
        anchor=None, anchor_value=None,
    )


def event(
    event_id: str, value: str, description: str, expression: str, article_ids: tuple[str, ...],
    status: Status = "past", date: DateValue | None = None,
) -> Event:
    resolved = date or date_value(value)
    assert resolved is not None
    mentions = tuple(mention(a, description, expression, value) for a in article_ids)
    return Event(id=event_id, date=resolved, description=description, status=status, mentions=mentions,
                 sources=tuple(dict.fromkeys(m.source for m in mentions)))


def article(article_id: str, basis: Basis, published: dt.date | None, count: int) -> ArticleRecord:
    return ArticleRecord(
        id=article_id, source=article_id.split("#")[0], headline=f"Headline of {article_id}", publisher="Wire",
        span=(0, 100), publication=PublicationContext(date=published, basis=basis), event_count=count,
    )


def timeline() -> Timeline:
    since = date_value("2023-10-17")
    assert since is not None
    ongoing = since.model_copy(update={"edtf": "2023-10-17/2023-12-28", "end": dt.date(2023, 12, 28)})
    return Timeline(
        articles=(
            article("a.txt#0", "manifest", dt.date(2023, 12, 28), 3),
            article("b.txt#0", "inferred", dt.date(2023, 12, 27), 2),
            article("c.txt#0", "unknown", None, 1),
        ),
        events=(
            event("ev-1", "2020", "The law was adopted in 2020, said the parliament.", "2020", ("c.txt#0",)),
            event("ev-2", "2023-SU", "The commission, formed last summer, met in Baghdad.", "last summer",
                  ("a.txt#0",)),
            event("ev-3", "2023-10-17", "Attacks have continued since October 17; officials said so.",
                  "October 17", ("a.txt#0",), status="ongoing", date=ongoing),
            event("ev-4", "2023-12-26", "On Tuesday, the council issued a statement about the strikes.", "Tuesday",
                  ("a.txt#0", "b.txt#0")),
            event("ev-5", "2023-12-29", "The plan will be announced on Friday.", "Friday", ("b.txt#0",),
                  status="planned"),
        ),
    )
