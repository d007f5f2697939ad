"""Typed records passed between the pipeline's stages.

ingest -> Document, Article
publication context -> PublicationContext
tagging + resolution -> Timex
events -> Event (with Mention and DateValue)
merge / render -> Timeline
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2.0"

DocumentFormat = Literal["text", "html", "json", "timeml"]
Basis = Literal["cli", "manifest", "dateline", "metadata", "inferred", "reference", "unknown"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "millennium",
    "century",
    "decade",
    "year",
    "half",
    "quarter",
    "season",
    "month",
    "week",
    "day",
    "part_of_day",
    "time",
]
Status = Literal["past", "ongoing", "planned"]
# Where an event's date comes from: a date expression in its own statement; or, for a statement without one
# (listed only on request), the date the article's narrative last gave, or the publication date.
AnchoredBy = Literal["expression", "narrative", "publication", "report"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(Record):
    """One input as read from disk (a file, or one record of a JSON Lines file)."""

    source: str = Field(description="display name of the input: the file path as given, plus '#n' for a record")
    text: str = Field(description="the text the tagger reads; character offsets refer to it")
    format: DocumentFormat
    title: str | None = None
    published: str | None = Field(default=None, description="publication date found in the input's metadata")
    publisher: str | None = Field(default=None, description="publisher named in the input's metadata")
    url: str | None = None
    modified: str | None = Field(
        default=None, description="last-modified date found in the input's metadata; never a publication date"
    )


class Article(Record):
    """One article of a document (a file may hold several back to back)."""

    id: str = Field(description="stable id: '<source>#<index>'")
    source: str
    index: int
    headline: str | None = None
    start: int = Field(description="character offset of the article in the document's text")
    end: int
    text: str = Field(description="document.text[start:end]")
    published: str | None = Field(default=None, description="publication date from the input's metadata")
    publisher: str | None = None
    url: str | None = None


class PublicationContext(Record):
    """When an article was written, and how we know."""

    date: dt.date | None
    basis: Basis
    evidence: str | None = Field(default=None, description="the text or setting the date came from")
    earliest: dt.date | None = Field(default=None, description="lower bound, for inferred dates")
    latest: dt.date | None = Field(default=None, description="upper bound, for inferred dates")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    conflicts: tuple[str, ...] = ()


class Timex(Record):
    """A temporal expression, tagged and resolved (TIMEX3 semantics)."""

    tid: str
    start: int = Field(description="character offset in the tagged text")
    end: int
    text: str
    type: TimexType
    value: str = Field(description="resolved TIMEX3 value, e.g. 2023-12-26, 2024-10, P4Y, XXXX-WXX-2")
    mod: str | None = None
    underspecified: str = Field(description="the value as tagged, before anchoring, e.g. XXXX-WXX-2")
    anchor: str | None = Field(
        default=None, description="what the value was anchored to: 'publication', a tid, or None"
    )
    anchor_value: str | None = Field(default=None, description="the anchor's value, e.g. 2023-12-28")


class DateValue(Record):
    """A resolved date at its own precision, with inclusive ISO bounds."""

    value: str = Field(description="TIMEX3 value")
    edtf: str = Field(description="Extended Date/Time Format string")
    start: dt.date
    end: dt.date
    granularity: Granularity
    mod: str | None = None


EventClass = Literal["OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"]
Tense = Literal["PAST", "PRESENT", "FUTURE", "NONE", "INFINITIVE", "PRESPART", "PASTPART"]
Aspect = Literal["NONE", "PROGRESSIVE", "PERFECTIVE", "PERFECTIVE_PROGRESSIVE"]


class Trigger(Record):
    """The word that names an event (TimeML EVENT): the predicate a date expression modifies."""

    text: str
    span: tuple[int, int] = Field(description="character span of the trigger in the document's text")
    event_class: EventClass = Field(description="TimeML event class")
    tense: Tense
    aspect: Aspect
    polarity: Literal["POS", "NEG"]
    modality: str | None = Field(default=None, description="the modal verb of the event ('would', 'could')")


class Participant(Record):
    """Who or what an event involves: a noun phrase of its sentence that is one of its arguments."""

    role: Literal["agent", "patient", "recipient"] = Field(
        description="agent: who does it (the subject, a passive's 'by' phrase); patient: what it is done to "
        "(the object, a passive's subject); recipient: an indirect object"
    )
    text: str
    span: tuple[int, int] = Field(description="character span in the document's text")
    pronoun: bool = Field(default=False, description="the phrase is a pronoun ('it', 'she'), not a name")


class Place(Record):
    """Where an event happened, as its sentence says ('in Port Louis'), without the preposition."""

    text: str
    span: tuple[int, int] = Field(description="character span in the document's text")


class ReportedBy(Record):
    """The report an event is told in ('Officials said that ...', 'according to Reuters'): the reporting word and
    its source, when the sentence names one."""

    text: str
    span: tuple[int, int] = Field(description="character span of the reporting word in the document's text")
    source: str | None = None
    source_span: tuple[int, int] | None = None


class Mention(Record):
    """One place in one article where an event is stated."""

    article_id: str
    source: str
    headline: str | None
    expression: str
    span: tuple[int, int] = Field(description="character span of the expression in the document's text")
    sentence: str
    sentence_span: tuple[int, int]
    timex_type: TimexType
    timex_value: str
    underspecified: str
    anchor: str | None
    anchor_value: str | None
    publication_basis: Basis | None = Field(default=None, description="how the article's publication date is known")
    trigger: Trigger | None = Field(
        default=None, description="the event the date expression modifies, where the sentence's grammar shows it"
    )
    related_triggers: tuple[Trigger, ...] = Field(
        default=(),
        description="the sentence's other events that take this date: those the trigger governs ('said on Tuesday "
        "it sold'), and the verb an event noun is the subject or object of ('the attack on Tuesday killed')",
    )
    participants: tuple[Participant, ...] = Field(default=(), description="the trigger's arguments: who and what")
    location: Place | None = Field(default=None, description="where the event happened, where the sentence says")
    reported_by: ReportedBy | None = Field(
        default=None, description="the report the event is told in, when it is not told by the writer"
    )


class DateReading(Record):
    """One date that some of an event's sources give it."""

    date: DateValue
    article_ids: tuple[str, ...]
    basis: Basis | None = Field(description="the strongest publication basis among those articles")


class DateConflict(Record):
    """Sources that tell the same statement with different dates: every reading, the one used first."""

    readings: tuple[DateReading, ...]
    reason: str = Field(description="why the first reading is the event's date")


class Event(Record):
    id: str = Field(description="stable id derived from the content")
    date: DateValue
    description: str
    status: Status
    mentions: tuple[Mention, ...]
    sources: tuple[str, ...]
    anchored_by: AnchoredBy = "expression"
    conflict: DateConflict | None = None
    salience: float = Field(
        default=0.0,
        ge=0.0,
        le=1.0,
        description="how much the event stands out in the collection (independent sources, mentions, lead "
        "position, explicit dating, date precision; chronology.salience): what key events are chosen by",
    )
    tellings: int = Field(
        default=1,
        ge=1,
        description="independent tellings: its articles, those that are copies of one another (the same "
        "headline, or the same sentence word for word) counted once",
    )


class ArticleRecord(Record):
    """An article as the timeline reports it."""

    id: str
    source: str
    headline: str | None
    publisher: str | None
    span: tuple[int, int]
    publication: PublicationContext
    event_count: int


class Timeline(Record):
    schema_version: str = SCHEMA_VERSION
    articles: tuple[ArticleRecord, ...]
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()
