"""Render: the timeline as JSON (the contract for other tools), whole or streamed piece by piece."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pydantic import BaseModel

from chronology.models import Timeline

_INDENT = "    "  # items of a top-level list sit two levels deep


def timeline_json(timeline: Timeline) -> str:
    """The timeline as indented JSON in field-declaration order, ending with a newline (byte-stable)."""
    return timeline.model_dump_json(indent=2) + "\n"


def _items(records: Sequence[BaseModel]) -> Iterator[str]:
    if not records:
        yield "[]"
        return
    yield "["
    for number, record in enumerate(records):
        text = record.model_dump_json(indent=2).replace("\n", "\n" + _INDENT)
        yield ("\n" if number == 0 else ",\n") + _INDENT + text
    yield "\n  ]"


def timeline_json_chunks(timeline: Timeline) -> Iterator[str]:
    """timeline_json(timeline) in pieces of one article or event each, so a large timeline is written without
    ever holding its whole JSON text; the pieces join to exactly timeline_json's text."""
    # The scalar fields come from pydantic itself, the lists are spliced in where the empty shell has them.
    shell = timeline.model_copy(update={"articles": (), "events": ()}).model_dump_json(indent=2)
    head, rest = shell.split('"articles": []', 1)
    middle, tail = rest.split('"events": []', 1)
    yield head + '"articles": '
    yield from _items(timeline.articles)
    yield middle + '"events": '
    yield from _items(timeline.events)
    yield tail + "\n"
