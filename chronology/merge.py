"""Merge: one chronology over all articles; the same dated fact told by several articles becomes one event.

Two events are the same when they carry the same date (value and mod) and come from different articles, and
their descriptions are the same sentence word for word or share most of their content words. The merged
event keeps every mention. Order: start date, then coarser before finer precision, then first appearance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from chronology.events import event_id, normalise
from chronology.models import Event

# Content words must overlap this much (Jaccard) for two differently worded statements to be one event.
SIMILARITY = 0.6
_STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been has have had it its this "
    "that these those he she they we you i his her their our said says say also not no than then there which "
    "who whom what when where while after before since during".split()
)
_GRANULARITY_RANK = {
    "millennium": 0, "century": 1, "decade": 2, "year": 3, "half": 4, "quarter": 5, "season": 6,
    "month": 7, "week": 8, "day": 9, "part_of_day": 10, "time": 11,
}


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", text.lower()) if w not in _STOPWORDS and not w.isdigit())


def _similar(a: Event, b: Event) -> bool:
    if normalise(a.description) == normalise(b.description):
        return True
    words_a, words_b = _content_words(a.description), _content_words(b.description)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= SIMILARITY


def _combine(kept: Event, other: Event) -> Event:
    mentions = kept.mentions + other.mentions
    sources = tuple(dict.fromkeys(kept.sources + other.sources))
    # A later source may report as done what an earlier one announced: "past" wins over "planned".
    status = "past" if "past" in (kept.status, other.status) else kept.status
    return kept.model_copy(update={"mentions": mentions, "sources": sources, "status": status})


def _first_appearance(event: Event) -> tuple[str, int]:
    mention = event.mentions[0]
    return mention.source, mention.span[0]


def sort_key(event: Event) -> tuple[str, int, str, int, str]:
    source, offset = _first_appearance(event)
    return (event.date.start.isoformat(), _GRANULARITY_RANK[event.date.granularity], source, offset, event.id)


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge events in input order (deterministic for a deterministic input order) and sort them."""
    by_date: dict[tuple[str, str | None], list[Event]] = {}
    for event in events:
        bucket = by_date.setdefault((event.date.value, event.date.mod), [])
        articles = {m.article_id for m in event.mentions}
        for index, kept in enumerate(bucket):
            if articles.isdisjoint(m.article_id for m in kept.mentions) and _similar(kept, event):
                bucket[index] = _combine(kept, event)
                break
        else:
            bucket.append(event)
    merged = [event for bucket in by_date.values() for event in bucket]
    ordered = sorted(merged, key=sort_key)
    seen: dict[str, int] = {}
    unique: list[Event] = []
    for event in ordered:
        base = event_id(event.date, event.description)
        seen[base] = seen.get(base, 0) + 1
        unique.append(event.model_copy(update={"id": base if seen[base] == 1 else f"{base}-{seen[base]}"}))
    return unique
