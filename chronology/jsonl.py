"""JSON Lines output: one event per line, produced as it goes, so events.jsonl is never held whole in memory
(the build command streams it into an atomic output)."""

from __future__ import annotations

from collections.abc import Iterator

from chronology.render import Events, event_texts


def event_lines(events: Events) -> Iterator[str]:
    """Each event as one compact JSON line, newline included (packed events as held, never parsed)."""
    for text in event_texts(events):
        yield text + "\n"
