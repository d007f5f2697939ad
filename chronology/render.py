"""Render: the timeline as JSON (the contract for other tools)."""

from __future__ import annotations

from chronology.models import Timeline


def timeline_json(timeline: Timeline) -> str:
    """The timeline as indented JSON in field-declaration order, ending with a newline (byte-stable)."""
    return timeline.model_dump_json(indent=2) + "\n"
