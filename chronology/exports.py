"""Exports: the timeline in the formats other tools read.

- TimelineJS3 JSON (Knight Lab's embeddable timeline): one slide per event, dates at their own precision.
- CSV: one row per event per source article, for spreadsheets.
- iCalendar (RFC 5545): one all-day VEVENT per event, its sources in the description.

Each tells the event's structure as its sentence gives it: the trigger, who or what it involves, where, and who
reports it (the CSV per source, the others from the event's first telling, html.facts_mention).

Each function is pure (Timeline in, text out); the build command writes the files from the `*_chunks`
generators, which read the events one at a time (a Timeline, or a build's packed events) and give the same text
in pieces, so a large export is never held whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from typing import Any

from pydantic import TypeAdapter

from chronology.html import (
    display_date,
    event_class_label,
    facts_mention,
    one_line,
    participants_label,
    reported_by_label,
)
from chronology.models import ArticleRecord, DateValue, Event, Granularity, Mention, Status
from chronology.render import ArticlesById, TimelineView, json_list_items

# TimelineJS groups slides of one group on one row: the status is what a reader wants to tell apart.
STATUS_GROUPS: dict[Status, str] = {"past": "Reported", "ongoing": "Ongoing", "planned": "Expected"}
# Which parts of a date TimelineJS is told, per granularity: coarser dates must not pretend to a day.
_YEAR_ONLY: frozenset[Granularity] = frozenset({"millennium", "century", "decade", "year"})
_TO_MONTH: frozenset[Granularity] = frozenset({"half", "quarter", "season", "month"})
HEADLINE_WORDS = 12
_FOLD_OCTETS = 75  # RFC 5545's limit on a content line
# A slide as json.dumps(indent=2, ensure_ascii=False) lays it out, but encoded in compiled code (the standard
# library's indenting encoder is pure Python: half the cost of a large export).
SLIDE_JSON = TypeAdapter(dict[str, Any])
CSV_COLUMNS = (
    "event_id", "date", "edtf", "start", "end", "granularity", "mod", "status", "description",
    "source", "article_id", "headline", "publisher", "published", "publication_basis", "expression", "sentence",
    "anchored_by", "date_conflict",
    # Appended, so that readers indexing the columns above keep working.
    "trigger", "event_class", "participants", "location", "reported_by",
)


def _date_parts(day: dt.date, granularity: Granularity) -> dict[str, int]:
    if granularity in _YEAR_ONLY:
        return {"year": day.year}
    if granularity in _TO_MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _is_span(date: DateValue) -> bool:
    """True when the date covers more than one unit of its own precision (a week, a season, an interval)."""
    return "/" in date.edtf or date.granularity in {"week", "season", "quarter", "half", "decade", "century"}


def _headline(description: str) -> str:
    words = description.split()
    return description if len(words) <= HEADLINE_WORDS else " ".join(words[:HEADLINE_WORDS]) + "…"


def _source_line(mention: Mention, article: ArticleRecord | None) -> str:
    parts = [article.publisher if article and article.publisher else mention.source]
    if mention.headline:
        parts.append(mention.headline)
    if article and article.publication.date:
        parts.append(article.publication.date.isoformat())
    return " — ".join(parts)


def _first_mentions(event: Event) -> Iterator[Mention]:
    """The first mention of the event in each article, in mention order."""
    seen: set[str] = set()
    for mention in event.mentions:
        if mention.article_id not in seen:
            seen.add(mention.article_id)
            yield mention


def _articles(timeline: TimelineView) -> ArticlesById:
    return ArticlesById(timeline.articles)


def _conflict_note(event: Event) -> str:
    return f"<p><em>{html.escape(event.conflict.reason)}</em></p>" if event.conflict else ""


def _facts(mention: Mention | None) -> list[tuple[str, str]]:
    """(label, text) of the event's structure as `mention`, its first telling (facts_mention), gives it: what a
    reviewer reads in a slide or a calendar entry beside the description."""
    if mention is None:
        return []
    trigger = mention.trigger
    facts = [
        ("Event", f"“{one_line(trigger.text)}” ({event_class_label(trigger.event_class)})" if trigger else ""),
        ("Who/what", participants_label(mention)),
        ("Where", one_line(mention.location.text) if mention.location else ""),
        ("Reported by", reported_by_label(mention)),
    ]
    return [(label, text) for label, text in facts if text]


def _facts_note(event: Event) -> str:
    facts = _facts(facts_mention(event))
    return f"<p>{'<br>'.join(f'{label}: {html.escape(text)}' for label, text in facts)}</p>" if facts else ""


def _slide(event: Event, articles: Mapping[str, ArticleRecord]) -> dict[str, Any]:
    sources = "".join(
        f"<li>{html.escape(_source_line(m, articles.get(m.article_id)))}</li>" for m in _first_mentions(event)
    )
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": _date_parts(event.date.start, event.date.granularity),
        "text": {
            "headline": html.escape(_headline(event.description)),
            "text": (
                f"<p>{html.escape(event.description)}</p>{_facts_note(event)}<ul>{sources}</ul>{_conflict_note(event)}"
            ),
        },
        "group": STATUS_GROUPS[event.status],
        "display_date": display_date(event.date, event.status),
    }
    if _is_span(event.date):
        slide["end_date"] = _date_parts(event.date.end, event.date.granularity)
    return slide


def timelinejs_chunks(timeline: TimelineView, title: str = "Chronology") -> Iterator[str]:
    """timelinejs_json in pieces of one slide each: the slides are spliced into the document's empty list as
    json.dumps would lay them out."""
    articles = _articles(timeline)
    summary = f"{len(timeline.events)} events from {len(timeline.articles)} articles"
    shell = {"title": {"text": {"headline": html.escape(title), "text": summary}}, "events": []}
    # "events" is the last key, and a quote inside a string is escaped: the last '"events": []' is the list.
    head, tail = json.dumps(shell, ensure_ascii=False, indent=2).rsplit('"events": []', 1)
    yield head + '"events": '
    yield from json_list_items(
        SLIDE_JSON.dump_json(_slide(event, articles), indent=2).decode() for event in timeline.events
    )
    yield tail + "\n"


def timelinejs_json(timeline: TimelineView, title: str = "Chronology") -> str:
    """TimelineJS3 data: {"title": slide, "events": [slide, ...]}, as documented by Knight Lab."""
    return "".join(timelinejs_chunks(timeline, title))


def timeline_csv_chunks(timeline: TimelineView) -> Iterator[str]:
    """timeline_csv in pieces of one event's rows each."""
    articles = _articles(timeline)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event in timeline.events:
        date = event.date
        for mention in _first_mentions(event):
            article = articles.get(mention.article_id)
            publication = article.publication if article else None
            writer.writerow((
                event.id, date.value, date.edtf, date.start.isoformat(), date.end.isoformat(), date.granularity,
                date.mod or "", event.status, event.description, mention.source, mention.article_id,
                mention.headline or "", article.publisher if article and article.publisher else "",
                publication.date.isoformat() if publication and publication.date else "",
                publication.basis if publication else "", mention.expression, mention.sentence, event.anchored_by,
                event.conflict.reason if event.conflict else "",
                one_line(mention.trigger.text) if mention.trigger else "",
                mention.trigger.event_class if mention.trigger else "",
                participants_label(mention), one_line(mention.location.text) if mention.location else "",
                reported_by_label(mention),
            ))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def timeline_csv(timeline: TimelineView) -> str:
    """One row per event per source article (its first mention there); header row first."""
    return "".join(timeline_csv_chunks(timeline))


def _ics_escape(text: str) -> str:
    """TEXT value escaping of RFC 5545 section 3.3.11."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """Content lines longer than 75 octets continue on lines starting with a space (RFC 5545 section 3.1);
    folds fall between characters, never inside a UTF-8 sequence (cut on the encoded bytes, not per character:
    a large calendar has hundreds of thousands of lines)."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD_OCTETS:
        return [line]
    pieces: list[str] = []
    start, room = 0, _FOLD_OCTETS
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: back to the start of its character
            cut -= 1
        pieces.append(data[start:cut].decode("utf-8"))
        start, room = cut, _FOLD_OCTETS - 1  # a continuation line's leading space takes one octet
    pieces.append(data[start:].decode("utf-8"))
    return [pieces[0], *(" " + piece for piece in pieces[1:])]


def _stamp(timeline: TimelineView) -> str:
    """The calendar's fallback DTSTAMP: the latest publication date, or event start, of the whole timeline (never
    the clock, so that the file is byte-stable)."""
    published = (a.publication.date for a in timeline.articles if a.publication.date is not None)
    latest = max(chain(published, (e.date.start for e in timeline.events)), default=dt.date(1970, 1, 1))
    return _ics_day(latest)


def _event_stamp(event: Event, articles: ArticlesById, fallback: str) -> str:
    """An event's DTSTAMP: when its information was last revised, the latest publication date of the articles
    that tell it (RFC 5545 3.8.7.2 for a calendar without METHOD); the calendar's own when none is known."""
    published = [
        article.publication.date
        for mention in _first_mentions(event)
        if (article := articles.get(mention.article_id)) is not None and article.publication.date is not None
    ]
    return _ics_day(max(published)) if published else fallback


def _ics_day(day: dt.date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def _day_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=1) if day < dt.date.max else day


def _content_lines(lines: list[str]) -> str:
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))


def timeline_ics_chunks(timeline: TimelineView) -> Iterator[str]:
    """timeline_ics in pieces of one VEVENT each (the events are read twice: the fallback DTSTAMP comes first)."""
    articles = _articles(timeline)
    stamp = _stamp(timeline)
    yield _content_lines(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//chronology//timeline//EN", "CALSCALE:GREGORIAN"])
    for event in timeline.events:
        sources = "\n".join(_source_line(m, articles.get(m.article_id)) for m in _first_mentions(event))
        told = facts_mention(event)
        facts = "".join(f"\n{label}: {text}" for label, text in _facts(told))
        description = f"{display_date(event.date, event.status)} (EDTF {event.date.edtf}){facts}\n{sources}"
        if event.conflict:
            description += f"\n{event.conflict.reason}"
        location = one_line(told.location.text) if told and told.location else None
        yield _content_lines([
            "BEGIN:VEVENT",
            f"UID:{event.id}@chronology",
            f"DTSTAMP:{_event_stamp(event, articles, stamp)}",
            f"DTSTART;VALUE=DATE:{event.date.start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{_day_after(event.date.end).strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_escape(event.description)}",
            f"DESCRIPTION:{_ics_escape(description)}",
            *([f"LOCATION:{_ics_escape(location)}"] if location else []),
            f"STATUS:{'TENTATIVE' if event.status == 'planned' else 'CONFIRMED'}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ])
    yield _content_lines(["END:VCALENDAR"])


def timeline_ics(timeline: TimelineView) -> str:
    """An iCalendar file with one all-day event per timeline event (DTEND is exclusive: the day after)."""
    return "".join(timeline_ics_chunks(timeline))


# Format name -> (file name, renderer in pieces): the build command's --format choices.
EXPORTS: dict[str, tuple[str, Callable[[TimelineView], Iterator[str]]]] = {
    "timelinejs": ("timeline.timelinejs.json", timelinejs_chunks),
    "csv": ("timeline.csv", timeline_csv_chunks),
    "ics": ("timeline.ics", timeline_ics_chunks),
}
