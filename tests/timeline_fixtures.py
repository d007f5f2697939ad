"""A small hand-made timeline shared by the export, filter and schema tests."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from chronology.models import (
    ArticleRecord,
    Basis,
    DateValue,
    Event,
    Mention,
    Participant,
    Place,
    PublicationContext,
    ReportedBy,
    Status,
    Timeline,
    Trigger,
)
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


Role = Literal["agent", "patient", "recipient"]
# A participant's text a source controls: the page and the exports must show it as text.
HOSTILE = "<img src=x onerror=\"window.__pwned = 1\">"


def _span(raw: str, offset: int, phrase: str, nth: int = 0) -> tuple[int, int]:
    """The document span of the nth occurrence of `phrase` in a sentence starting at `offset`."""
    start = -1
    for _ in range(nth + 1):
        start = raw.index(phrase, start + 1)
    return offset + start, offset + start + len(phrase)


def structured_timeline() -> Timeline:
    """Four events whose sentences the grammar read: a reported one with a place, one placed by the narrative
    (its raw sentence with runs of spaces that the displayed one collapses, and its trigger the second 'sold'),
    one whose agent is a pronoun, and one whose participant and place are markup, reported by no one named."""
    wire = article("wire.txt#0", "manifest", dt.date(2024, 3, 10), 4)

    def told(
        raw: str, sentence: str, offset: int, expression: str, value: str, trigger: tuple[str, int],
        roles: tuple[tuple[Role, str], ...] = (), place: str | None = None,
        report: tuple[str, str | None] | None = None, pronouns: tuple[str, ...] = (),
    ) -> Mention:
        word, nth = trigger
        return Mention(
            article_id=wire.id, source=wire.source, headline=wire.headline, expression=expression,
            span=_span(raw, offset, expression) if expression else (offset, offset), sentence=sentence,
            sentence_span=(offset, offset + len(raw)), timex_type="DATE", timex_value=value,
            underspecified=value if expression else "", anchor="publication" if expression else "t1",
            anchor_value="2024-03-10" if expression else value,
            trigger=Trigger(text=word, span=_span(raw, offset, word, nth), event_class="OCCURRENCE", tense="PAST",
                            aspect="NONE", polarity="POS"),
            participants=tuple(
                Participant(role=role, text=text, span=_span(raw, offset, text), pronoun=text in pronouns)
                for role, text in roles
            ),
            location=Place(text=place, span=_span(raw, offset, place)) if place else None,
            reported_by=ReportedBy(
                text=report[0], span=_span(raw, offset, report[0]), source=report[1],
                source_span=_span(raw, offset, report[1]) if report[1] else None,
            ) if report else None,
        )

    unveiled = "Apple unveiled the iPhone in Cupertino on Tuesday, Reuters reported."
    sold_raw = "The gallery  said the painting it sold was\n  sold again to the museum."
    sold = "The gallery said the painting it sold was sold again to the museum."
    handed = "She handed the award to the winner on Friday."
    hostile = f"{HOSTILE} signed the deal on Thursday in {HOSTILE}, it was said."
    mentions = (
        told(unveiled, unveiled, 1000, "Tuesday", "2024-03-05", ("unveiled", 0),
             (("patient", "the iPhone"), ("agent", "Apple")), "Cupertino", ("reported", "Reuters")),
        told(sold_raw, sold, 2000, "", "2024-03-05", ("sold", 1), (("patient", "the painting"),
             ("recipient", "the museum")), report=("said", "The gallery")),
        told(handed, handed, 3000, "Friday", "2024-03-08", ("handed", 0),
             (("agent", "She"), ("patient", "the award"), ("recipient", "the winner")), pronouns=("She",)),
        told(hostile, hostile, 4000, "Thursday", "2024-03-07", ("signed", 0), (("agent", HOSTILE),), HOSTILE,
             ("said", None)),
    )
    events = []
    for number, (mention, value) in enumerate(zip(mentions, ("2024-03-05", "2024-03-05", "2024-03-08",
                                                                 "2024-03-07"), strict=True)):
        date = date_value(value)
        assert date is not None
        events.append(Event(
            id=f"ev-s{number}", date=date, description=mention.sentence, status="past", mentions=(mention,),
            sources=(wire.source,), anchored_by="expression" if mention.expression else "narrative",
        ))
    return Timeline(articles=(wire,), events=tuple(events))
