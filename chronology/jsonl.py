"""JSON Lines output: one event per line, produced as it goes, so events.jsonl is never held whole in memory
(the build command streams it into an atomic output)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from chronology.models import Event


def event_lines(events: Iterable[Event]) -> Iterator[str]:
    """Each event as one compact JSON line, newline included."""
    for event in events:
        yield event.model_dump_json() + "\n"
