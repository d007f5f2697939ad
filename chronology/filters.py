"""Filters on a built timeline: a date window, a text search, and which publication contexts to trust.

`filter_timeline` is pure: it returns a new Timeline holding the selected events (articles stay listed, with
their event counts updated), so every output format of a build sees the same selection.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from chronology.errors import DateParseError
from chronology.models import Basis, Event, Timeline
from chronology.values import parse_value


@dataclass(frozen=True)
class Selection:
    """What to keep. `since`/`until` keep events whose dates overlap the window (inclusive); `match` keeps
    events whose description contains the text, ignoring case; `excluded_bases` drops every mention from
    articles whose publication date is known only that way (an event left without mentions is dropped)."""

    since: dt.date | None = None
    until: dt.date | None = None
    match: str | None = None
    excluded_bases: frozenset[Basis] = frozenset()

    @property
    def is_everything(self) -> bool:
        return self.since is None and self.until is None and not self.match and not self.excluded_bases


def window_bound(text: str, *, end: bool) -> dt.date:
    """A --since/--until argument: a year, month or day ('2023', '2023-10', '2023-10-17'); a since bound is
    the first day of the period, an until bound its last day."""
    parsed = parse_value(text.strip())
    if parsed is None:
        raise DateParseError(f"cannot read {text!r} as a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed[1] if end else parsed[0]


def _keep_mentions(event: Event, excluded: frozenset[str]) -> Event | None:
    if not excluded:
        return event
    mentions = tuple(m for m in event.mentions if m.article_id not in excluded)
    if not mentions:
        return None
    if len(mentions) == len(event.mentions):
        return event
    sources = tuple(dict.fromkeys(m.source for m in mentions))
    return event.model_copy(update={"mentions": mentions, "sources": sources})


def _selected(event: Event, selection: Selection) -> bool:
    if selection.since is not None and event.date.end < selection.since:
        return False
    if selection.until is not None and event.date.start > selection.until:
        return False
    return not selection.match or selection.match.casefold() in event.description.casefold()


def filter_timeline(timeline: Timeline, selection: Selection) -> Timeline:
    if selection.is_everything:
        return timeline
    excluded = frozenset(a.id for a in timeline.articles if a.publication.basis in selection.excluded_bases)
    events: list[Event] = []
    for event in timeline.events:
        kept = _keep_mentions(event, excluded)
        if kept is not None and _selected(kept, selection):
            events.append(kept)
    counts = Counter(article_id for event in events for article_id in {m.article_id for m in event.mentions})
    articles = tuple(a.model_copy(update={"event_count": counts[a.id]}) for a in timeline.articles)
    return timeline.model_copy(update={"articles": articles, "events": tuple(events)})
