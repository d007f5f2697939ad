"""Streaming JSON Lines output: one event per line, written as it goes (never the whole file in memory) and
still atomically (a temp file renamed over the old one when complete)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from chronology.models import Event
from chronology.writers import atomic_stream


def event_lines(events: Iterable[Event]) -> Iterator[str]:
    """Each event as one compact JSON line, newline included."""
    for event in events:
        yield event.model_dump_json() + "\n"


def write_events_jsonl(path: Path, events: Iterable[Event]) -> int:
    """Write each event as one compact JSON line to `path`; returns the number of lines written."""
    count = 0
    with atomic_stream(path) as stream:
        for line in event_lines(events):
            stream.write(line)
            count += 1
    return count
