"""Render: the timeline as JSON (the contract for other tools), whole or streamed piece by piece."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from pydantic import BaseModel

from chronology.models import ArticleRecord, Event, Timeline

_INDENT = "    "  # items of a top-level list sit two levels deep


class Events(Protocol):
    """Events that can be counted and read in order: a tuple, or merge.PackedEvents."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[Event]: ...


class TimelineView(Protocol):
    """What the streamed renders read of a timeline: a Timeline, or pipeline.MergedTimeline."""

    @property
    def schema_version(self) -> str: ...

    @property
    def articles(self) -> tuple[ArticleRecord, ...]: ...

    @property
    def events(self) -> Events: ...

    @property
    def warnings(self) -> tuple[str, ...]: ...


def timeline_json(timeline: Timeline) -> str:
    """The timeline as indented JSON in field-declaration order, ending with a newline (byte-stable)."""
    return timeline.model_dump_json(indent=2) + "\n"


def _items(records: Iterable[BaseModel]) -> Iterator[str]:
    number = 0
    for number, record in enumerate(records, 1):
        text = record.model_dump_json(indent=2).replace("\n", "\n" + _INDENT)
        yield ("[\n" if number == 1 else ",\n") + _INDENT + text
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
    yield from _items(timeline.articles)
    yield middle + '"events": '
    yield from _items(timeline.events)
    yield tail + "\n"
