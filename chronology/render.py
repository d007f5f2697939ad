"""Render: the timeline as JSON (the contract for other tools), whole or streamed piece by piece."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Protocol, overload

from pydantic_core import from_json, to_json

from chronology.merge import PackedEvents
from chronology.models import ArticleRecord, Event, Timeline

_INDENT = "    "  # items of a top-level list sit two levels deep


class Events(Protocol):
    """Events that can be counted and read in order: a tuple, or merge.PackedEvents."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Event]: ...


class PackedArticles(Sequence[ArticleRecord]):
    """Article records held as compact JSON (a seventh of the objects' size) with their event counts, made into
    records one at a time as they are read: a 100k-article timeline is written without holding them all."""

    def __init__(self, packed: list[bytes], event_counts: list[int]) -> None:
        self._packed = packed
        self._counts = event_counts
        # Exports look articles up event by event; neighbours in time often share sources.
        self._record = lru_cache(maxsize=1024)(self._unpack)

    def _unpack(self, number: int) -> ArticleRecord:
        record = ArticleRecord.model_validate_json(self._packed[number])
        return record.model_copy(update={"event_count": self._counts[number]})

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, number: int) -> ArticleRecord: ...

    @overload
    def __getitem__(self, number: slice) -> tuple[ArticleRecord, ...]: ...

    def __getitem__(self, number: int | slice) -> ArticleRecord | tuple[ArticleRecord, ...]:
        if isinstance(number, slice):
            return tuple(self._record(n) for n in range(len(self))[number])
        if not -len(self) <= number < len(self):
            raise IndexError(number)
        return self._record(number % len(self))

    def __iter__(self) -> Iterator[ArticleRecord]:
        return (self._unpack(number) for number in range(len(self)))


class ArticlesById(Mapping[str, ArticleRecord]):
    """The articles by id, each read from `articles` only when asked for (see PackedArticles)."""

    def __init__(self, articles: Sequence[ArticleRecord]) -> None:
        self._articles = articles
        self.positions = {article.id: number for number, article in enumerate(articles)}

    def __getitem__(self, article_id: str) -> ArticleRecord:
        return self._articles[self.positions[article_id]]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.positions

    def __iter__(self) -> Iterator[str]:
        return iter(self.positions)

    def __len__(self) -> int:
        return len(self.positions)


class TimelineView(Protocol):
    """What the streamed renders read of a timeline: a Timeline, or pipeline.MergedTimeline."""

    @property
    def schema_version(self) -> str: ...

    @property
    def articles(self) -> Sequence[ArticleRecord]: ...

    @property
    def events(self) -> Events: ...

    @property
    def warnings(self) -> tuple[str, ...]: ...


def timeline_json(timeline: Timeline) -> str:
    """The timeline as indented JSON in field-declaration order, ending with a newline (byte-stable)."""
    return timeline.model_dump_json(indent=2) + "\n"


def event_texts(events: Events) -> Iterator[str]:
    """Each event's compact JSON (Event.model_dump_json): packed events are read as held, with no object made."""
    if isinstance(events, PackedEvents):
        return events.texts()
    return (event.model_dump_json() for event in events)


def _indented(text: str) -> str:
    """A compact JSON text laid out as model_dump_json(indent=2) lays out the same record (the same
    serializer, the keys in their order)."""
    return to_json(from_json(text), indent=2).decode("utf-8")


def json_list_items(texts: Iterable[str]) -> Iterator[str]:
    """Indented JSON texts as the items of a list one level into an indented document, laid out as json.dumps
    and pydantic (indent=2) lay out such a list, its brackets included."""
    number = 0
    for number, text in enumerate(texts, 1):
        yield ("[\n" if number == 1 else ",\n") + _INDENT + text.replace("\n", "\n" + _INDENT)
    yield "\n  ]" if number else "[]"


def timeline_json_chunks(timeline: TimelineView) -> Iterator[str]:
    """timeline_json(timeline) in pieces of one article or event each, so a large timeline is written without
    ever holding its whole JSON text; the pieces join to exactly timeline_json's text."""
    # The scalar fields come from pydantic itself, the lists are spliced in where the empty shell has them.
    shell = Timeline(schema_version=timeline.schema_version, articles=(), events=(), warnings=timeline.warnings)
    shell_text = shell.model_dump_json(indent=2)
    head, rest = shell_text.split('"articles": []', 1)
    middle, tail = rest.split('"events": []', 1)
    yield head + '"articles": '
    yield from json_list_items(article.model_dump_json(indent=2) for article in timeline.articles)
    yield middle + '"events": '
    yield from json_list_items(_indented(text) for text in event_texts(timeline.events))
    yield tail + "\n"
