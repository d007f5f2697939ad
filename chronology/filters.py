"""Filters on a built timeline: a date window, a text search, which publication contexts to trust, and the
key events.

`filter_timeline` is pure: it returns a new Timeline holding the selected events (articles stay listed, with
their event counts updated), so every output format of a build sees the same selection. Its parts
(`excluded_articles`, `selected_events`, `recounted`) select from a stream of events, one at a time.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chronology.errors import DateParseError
from chronology.models import ArticleRecord, Basis, Event, Timeline
from chronology.render import Events
from chronology.salience import rank_key
from chronology.values import parse_value


@dataclass(frozen=True)
class Selection:
    """What to keep. `since`/`until` keep events whose dates overlap the window (inclusive); `match` keeps
    events whose description contains the text, ignoring case; `excluded_bases` drops every mention from
    articles whose publication date is known only that way (an event left without mentions is dropped); `top`
    keeps, of the events the rest keeps, the `top` most salient (salience.rank_key), in the timeline's order."""

    since: dt.date | None = None
    until: dt.date | None = None
    match: str | None = None
    excluded_bases: frozenset[Basis] = frozenset()
    top: int | None = None

    @property
    def is_everything(self) -> bool:
        return (
            self.since is None and self.until is None and not self.match and not self.excluded_bases
            and self.top is None
        )


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


def excluded_articles(articles: Iterable[ArticleRecord], selection: Selection) -> frozenset[str]:
    """The articles whose mentions the selection drops, by the basis of their publication date."""
    return frozenset(a.id for a in articles if a.publication.basis in selection.excluded_bases)


def _kept(events: Iterable[Event], excluded: frozenset[str], selection: Selection) -> Iterator[Event]:
    for event in events:
        kept = _keep_mentions(event, excluded)
        if kept is not None and _selected(kept, selection):
            yield kept


def selected_events(events: Events, excluded: frozenset[str], selection: Selection) -> Iterator[Event]:
    """The events the selection keeps, as they come, without the mentions of `excluded` articles. With `top`, the
    events are read twice: first to find the most salient, holding only their rank keys, then to keep them."""
    if selection.top is None:
        yield from _kept(events, excluded, selection)
        return
    chosen = set(heapq.nsmallest(selection.top, (rank_key(event) for event in _kept(events, excluded, selection))))
    yield from (event for event in _kept(events, excluded, selection) if rank_key(event) in chosen)


def article_counts(event: Event) -> set[str]:
    """The articles an event counts for (once each)."""
    return {m.article_id for m in event.mentions}


def recounted(articles: Iterable[ArticleRecord], counts: Counter[str]) -> tuple[ArticleRecord, ...]:
    """The articles with the event counts of a selection."""
    return tuple(a.model_copy(update={"event_count": counts[a.id]}) for a in articles)


def filter_timeline(timeline: Timeline, selection: Selection) -> Timeline:
    if selection.is_everything:
        return timeline
    excluded = excluded_articles(timeline.articles, selection)
    events = tuple(selected_events(timeline.events, excluded, selection))
    counts = Counter(article_id for event in events for article_id in article_counts(event))
    return timeline.model_copy(update={"articles": recounted(timeline.articles, counts), "events": events})
