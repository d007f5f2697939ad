"""HTML render: one self-contained chronology page a reviewer can search, filter and check against its sources.

Python prepares every display string (dates at their real precision, how each date was resolved, highlight
offsets) and embeds the events once as JSON; the page's script builds the list from that data in chunks,
with text nodes only, so article text never becomes markup.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import struct
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

import chronology
from chronology.errors import OutputError
from chronology.merge import PackedEvents
from chronology.models import (
    ArticleRecord,
    Basis,
    DateReading,
    DateValue,
    Event,
    Granularity,
    Mention,
    Participant,
    PublicationContext,
    Status,
    Timeline,
)
from chronology.render import Events, TimelineView
from chronology.values import parse_value

# The page labels the same few thousand values for every event and mention: each is labelled once.
_LABELS_HELD = 1 << 16

TEMPLATE = "timeline.html.j2"
SCRIPT = "timeline.js"

# Fixed English names: the page must not depend on the machine's locale.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
HALVES = {"H1": "first half of", "H2": "second half of"}
PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
# How a TIMEX3 mod reads in front of the date it qualifies.
MOD_PHRASES = {
    "APPROX": "about {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "by {}",
    "ON_OR_AFTER": "from {}",
    "START": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}
BASIS_LABELS: dict[Basis, str] = {
    "cli": "given on the command line",
    "manifest": "from the manifest",
    "dateline": "from the dateline",
    "metadata": "from the page metadata",
    "inferred": "inferred from the text",
    "reference": "from a reference date",
    "unknown": "unknown",
}
# Granularities that sit inside one month of the chronology; coarser dates get their own group.
WITHIN_MONTH: frozenset[Granularity] = frozenset({"time", "part_of_day", "day", "week", "month"})
MULTI_YEAR: frozenset[Granularity] = frozenset({"decade", "century", "millennium"})
COARSE: frozenset[Granularity] = MULTI_YEAR | {"year", "half"}
BROAD_GROUP = "Longer periods"


def short_date(day: dt.date) -> str:
    """'26 Dec 2023'."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _base_bounds(date: DateValue) -> tuple[dt.date, dt.date]:
    """The bounds of the value itself, before a START/MID/END mod narrowed them."""
    parsed = parse_value(date.value)
    return (parsed[0], parsed[1]) if parsed else (date.start, date.end)


def _period(date: DateValue) -> str:
    start, end = _base_bounds(date)
    value, granularity = date.value, date.granularity
    if granularity == "time":
        return f"{short_date(start)}, {value[11:16]}"
    if granularity == "part_of_day":
        return f"{short_date(start)}, {PARTS_OF_DAY.get(value[11:13], 'time of day unknown')}"
    if granularity == "day":
        return short_date(start)
    if granularity == "week":
        return f"{'weekend' if value.endswith('-WE') else 'week'} of {short_date(start)}"
    if granularity == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if granularity == "season":
        name = SEASONS.get(value[5:7], "Season")
        return f"{name} {start.year}" if start.year == end.year else f"{name} {start.year}–{str(end.year)[2:]}"
    if granularity == "quarter":
        return f"{value[5:7]} {start.year}"
    if granularity == "half":
        return f"{HALVES.get(value[5:7], 'half of')} {start.year}"
    if granularity == "year":
        return str(start.year)
    if granularity == "decade":
        return f"{start.year}s"
    if granularity == "century":
        return f"{_ordinal(start.year // 100 + 1)} century"
    return f"{_ordinal(start.year // 1000 + 1)} millennium"


def display_date(date: DateValue, status: Status | None = None) -> str:
    """The date as a reader says it, at its real precision: '26 Dec 2023', 'October 2024', 'Summer 2023',
    '2020s', 'Q3 1998', 'mid-October 2024'; an ongoing event reads 'since 17 Oct 2023'."""
    text = _period(date)
    if date.mod in MOD_PHRASES:
        text = MOD_PHRASES[date.mod].format(text)
    elif date.mod:
        text = f"{text} ({date.mod.lower()})"
    if status == "ongoing" and not date.mod:
        text = f"since {text}"
    return text


def group_labels(date: DateValue) -> tuple[str, str]:
    """(year heading, month heading) under which the event is listed: dates within a month go under their
    month; seasons, quarters and years under 'Longer periods' of their year; decades and centuries under
    their own heading."""
    if date.granularity in MULTI_YEAR:
        return _period(date), BROAD_GROUP
    if date.granularity in WITHIN_MONTH:
        return str(date.start.year), MONTHS[date.start.month - 1]
    return str(date.start.year), BROAD_GROUP


def _heading_rank(date: DateValue) -> tuple[int, int, int]:
    """Year, tier (longer periods, year-long dates, dates within a month) and month of the heading."""
    tier = 0 if date.granularity in MULTI_YEAR else 2 if date.granularity in WITHIN_MONTH else 1
    return date.start.year, tier, date.start.month if tier == 2 else 0


def order_key(event: Event) -> tuple[int, int, int, str, str, str]:
    """Page order, matching the headings: per year, longer periods first, then month by month."""
    date = event.date
    return (*_heading_rank(date), date.start.isoformat(), date.end.isoformat(), event.id)


_PAGE_KEY = struct.Struct(">HBBII")


def page_key(event: Event) -> bytes:
    """order_key as bytes that sort the same way (days by ordinal, the id's UTF-8 last), a third of its size:
    what a large page holds per event while it is sorted."""
    date = event.date
    return _PAGE_KEY.pack(*_heading_rank(date), date.start.toordinal(), date.end.toordinal()) + event.id.encode()


def find_expression(text: str, expression: str) -> tuple[int, int] | None:
    """Offsets of `expression` in `text` (a description, which has no offsets of its own): its first exact, then
    first case-insensitive occurrence; None when the text does not contain it."""
    if not expression:
        return None
    index = text.find(expression)
    if index < 0:
        index = text.lower().find(expression.lower())
    return (index, index + len(expression)) if index >= 0 else None


def publication_label(publication: PublicationContext) -> str:
    """'28 Dec 2023, from the dateline'; inferred dates show their window and confidence."""
    if publication.date is None:
        if publication.earliest is not None and publication.latest is not None:
            return (
                f"no publication date (between {short_date(publication.earliest)} and "
                f"{short_date(publication.latest)})"
            )
        return "no publication date"
    text = f"{short_date(publication.date)}, {BASIS_LABELS[publication.basis]}"
    if publication.basis == "inferred":
        window = [d for d in (publication.earliest, publication.latest) if d is not None]
        if len(window) == 2:
            text += f" (between {short_date(window[0])} and {short_date(window[1])}"
        else:
            text += " ("
        text += f"{', ' if len(window) == 2 else ''}confidence {publication.confidence:.0%})"
    return text


@lru_cache(maxsize=_LABELS_HELD)
def _value_label(value: str) -> str:
    parsed = parse_value(value)
    if parsed is None:
        return value
    start, end, granularity, _ = parsed
    return display_date(DateValue(value=value, edtf=value, start=start, end=end, granularity=granularity))


def _offset_phrase(resolved: str, anchor: str) -> str:
    """' (2 days before)' when both values are single days, else ''."""
    first, second = parse_value(resolved), parse_value(anchor)
    if first is None or second is None or first[2] != "day" or second[2] != "day":
        return ""
    difference = (first[0] - second[0]).days
    if difference == 0:
        return " (the same day)"
    unit = "day" if abs(difference) == 1 else "days"
    return f" ({abs(difference)} {unit} {'before' if difference < 0 else 'after'})"


def resolution_note(mention: Mention) -> str:
    """How the mention's date was obtained, e.g. '“Tuesday” is underspecified (XXXX-WXX-2); anchored to the
    publication date, 28 Dec 2023, it resolves to 26 Dec 2023 (2 days before).'"""
    said = f"“{mention.expression}”"
    resolved = _value_label(mention.timex_value)
    if not mention.expression:
        # A statement without a date of its own: the anchor is the date it was placed at, nothing was resolved.
        placed = "the publication date" if mention.anchor == "publication" else f"an earlier date ({mention.anchor})"
        return f"No date expression: placed at {placed}, {resolved}."
    if mention.underspecified == mention.timex_value and mention.anchor is None:
        return f"{said} is a complete date: {resolved} ({mention.timex_value})."
    if mention.anchor is None or mention.anchor_value is None:
        return f"{said} was tagged {mention.underspecified} and resolved to {resolved} ({mention.timex_value})."
    anchor_name = "the publication date" if mention.anchor == "publication" else f"an earlier date ({mention.anchor})"
    offset = _offset_phrase(mention.timex_value, mention.anchor_value)
    return (
        f"{said} is underspecified ({mention.underspecified}); anchored to {anchor_name}, "
        f"{_value_label(mention.anchor_value)}, it resolves to {resolved} ({mention.timex_value}){offset}."
    )


_CLASS_WORDS = {"I_ACTION": "intensional action", "I_STATE": "intensional state"}
_TENSE_WORDS = {"PAST": "past", "PRESENT": "present", "FUTURE": "future", "INFINITIVE": "infinitive",
                "PRESPART": "present participle", "PASTPART": "past participle"}


def event_class_label(event_class: str) -> str:
    """A TimeML event class in words: 'occurrence', 'intensional action'."""
    return _CLASS_WORDS.get(event_class, event_class.lower())


def trigger_note(mention: Mention) -> str:
    """Which event the date was attached to, e.g. ' It dates “said” (reporting, past), and with it “sold”.';
    empty without one."""
    trigger = mention.trigger
    if trigger is None:
        return ""
    reading = [event_class_label(trigger.event_class)]
    if trigger.tense in _TENSE_WORDS:
        reading.append(_TENSE_WORDS[trigger.tense])
    if trigger.modality:
        reading.append(f"“{trigger.modality}”")
    if trigger.polarity == "NEG":
        reading.append("negated")
    also = ", ".join(f"“{related.text}”" for related in mention.related_triggers)
    return f" It dates “{trigger.text}” ({', '.join(reading)})" + (f", and with it {also}." if also else ".")


_ROLE_RANK = {"agent": 0, "patient": 1, "recipient": 2}
_SPACES = re.compile(r"\s+")


def one_line(text: str) -> str:
    """A phrase of the document's text on one line: a name may run across a line break (or a carriage return,
    which an iCalendar line must not hold)."""
    return _SPACES.sub(" ", text).strip()


def ordered_participants(mention: Mention) -> list[Participant]:
    """The mention's participants as a reader wants them: names before pronouns (a bare 'it' says little), agents
    first, then patients and recipients, each in sentence order."""
    return sorted(mention.participants, key=lambda p: (p.pronoun, _ROLE_RANK[p.role], p.span))


def participants_label(mention: Mention) -> str:
    """'agent: Apple; patient: the iPhone'; empty without participants."""
    return "; ".join(f"{p.role}: {one_line(p.text)}" for p in ordered_participants(mention))


def reported_by_label(mention: Mention) -> str:
    """'Politico (reported)' when the report names its source, else the reporting word ('said'); empty when the
    writer tells the event."""
    report = mention.reported_by
    if report is None:
        return ""
    word = one_line(report.text)
    return f"{one_line(report.source)} ({word})" if report.source else word


def facts_mention(event: Event) -> Mention | None:
    """The mention whose grammar tells the event's structure (trigger, participants, place, report) on the page's
    event line and in the exports: its first telling, where its description comes from."""
    return event.mentions[0] if event.mentions else None


_WORD_CHAR = re.compile(r"\w")


def _whole_words(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] does not begin or end inside a longer word ('said' in 'unsaid')."""
    before = start > 0 and bool(_WORD_CHAR.match(text[start - 1])) and bool(_WORD_CHAR.match(text[start]))
    after = end < len(text) and bool(_WORD_CHAR.match(text[end])) and bool(_WORD_CHAR.match(text[end - 1]))
    return not (before or after)


def place_in_sentence(mention: Mention, phrase: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where `phrase` (at document offsets `span`) is in the mention's displayed sentence, or None when it cannot be
    placed. The displayed sentence is the raw one cleaned (events._clean): runs of whitespace collapsed, edge quotes
    stripped, a long one shortened, so text only ever moves left, by at most what cleaning removed. The phrase is
    taken where it stands at its raw offset, else at the nearest whole-word occurrence to the left within that
    reach; another occurrence further away would be a different word of the sentence."""
    text, phrase = mention.sentence, one_line(phrase)
    hint = span[0] - mention.sentence_span[0]
    if not phrase or hint < 0:
        return None
    reach = max(0, mention.sentence_span[1] - mention.sentence_span[0] + 1 - len(text))
    end = hint + len(phrase)
    while True:
        start = text.rfind(phrase, max(0, hint - reach), end)
        if start < 0:
            return None
        if _whole_words(text, start, start + len(phrase)):
            return start, start + len(phrase)
        end = start + len(phrase) - 1


def _only_occurrence(text: str, phrase: str) -> tuple[int, int] | None:
    """The phrase's span in text when it occurs there exactly once as whole words; None when absent or ambiguous."""
    if not phrase:
        return None
    starts = [m.start() for m in re.finditer(re.escape(phrase), text)]
    whole = [start for start in starts if _whole_words(text, start, start + len(phrase))]
    return (whole[0], whole[0] + len(phrase)) if len(whole) == 1 else None


def _bounds_overlap(values: Iterable[str]) -> bool:
    bounds = [b for b in (parse_value(v) for v in set(values)) if b is not None]
    return all(a[0] <= b[1] and b[0] <= a[1] for i, a in enumerate(bounds) for b in bounds[i + 1 :])


class SourceFacts(NamedTuple):
    """What the page tells of an event's source article: its name, and how its publication date is known."""

    name: str
    basis: Basis
    conflicted: bool

    @classmethod
    def of(cls, article: ArticleRecord) -> SourceFacts:
        return cls(article.headline or article.source, article.publication.basis, bool(article.publication.conflicts))


def event_flags(event: Event, articles: Mapping[str, SourceFacts]) -> list[str]:
    """Marks a reviewer should see: 'approx' (a mod qualifies the date), 'inferred' (a source's publication
    date was inferred), 'planned', 'conflict' (sources disagree on the date, or on a source's publication date),
    'context' (the statement has no date of its own), 'coarse' (a year or broader)."""
    sources = [articles[m.article_id] for m in event.mentions if m.article_id in articles]
    flags = {
        "approx": event.date.mod is not None,
        "inferred": any(a.basis == "inferred" for a in sources),
        "planned": event.status == "planned",
        "conflict": event.conflict is not None
        or not _bounds_overlap(m.timex_value for m in event.mentions)
        or any(a.conflicted for a in sources),
        "context": event.anchored_by != "expression",
        "coarse": event.date.granularity in COARSE,
    }
    return [name for name, on in flags.items() if on]


def _reading_label(reading: DateReading, articles: Mapping[str, SourceFacts]) -> str:
    names = [articles[a].name for a in reading.article_ids if a in articles]
    told = f"by {', '.join(f'“{name}”' for name in names)}" if names else ""
    return f"{display_date(reading.date)} {told}".strip()


def event_notes(event: Event, articles: Mapping[str, SourceFacts]) -> list[str]:
    """Plain sentences a reviewer needs beside the description: which dates disagreeing sources give and which
    one the chronology uses, with the reason. (How a statement without a date was placed is told by the page's
    script from the event's 'anch': one word in the payload rather than the same sentence for thousands.)"""
    notes = []
    if event.conflict is not None:
        first, *others = event.conflict.readings
        given = "; ".join([f"{_reading_label(first, articles)} (used)", *(_reading_label(r, articles) for r in others)])
        reason = event.conflict.reason
        notes.append(f"Dates given: {given}. {reason[:1].upper()}{reason[1:]}.")
    return notes


# Where the name a warning begins with may end: "<source> (<headline>): ..." or "<source>: ...".
_NAME_END = re.compile(r" \(|: ")


def _named(warnings: Iterable[str]) -> set[str]:
    """What the warnings may name an article by: each warning's text up to every possible end of a leading
    name (a set to look articles up in, rather than every article searched for in every warning, which grows
    with the square of an archive of undated articles)."""
    return {warning[: end.start()] for warning in warnings for end in _NAME_END.finditer(warning)}


def timeline_warnings(timeline: TimelineView) -> list[str]:
    """The timeline's own warnings, plus one per article without a publication date or with conflicting
    evidence for it, unless a warning already names that article."""
    warnings = list(timeline.warnings)
    named = _named(timeline.warnings)
    for article in timeline.articles:
        if article.source in named or article.id in named:
            continue
        name = f"“{article.headline}” ({article.source})" if article.headline else article.source
        if article.publication.date is None:
            warnings.append(f"{name} has no publication date: its relative dates could not be resolved.")
        for conflict in article.publication.conflicts:
            warnings.append(f"{name}: conflicting publication date evidence: {conflict}")
    return warnings


def _article_payload(article: ArticleRecord) -> dict[str, Any]:
    return {
        "id": article.id,
        "file": article.source,
        "headline": article.headline or article.source,
        "publisher": article.publisher or "",
        "published": publication_label(article.publication),
        "basis": article.publication.basis,
    }


# Participant roles as the page's payload abbreviates them, a pronoun's in capitals: a large page holds many.
_ROLE_CODES = {"agent": "a", "patient": "p", "recipient": "r"}


def _participant_code(participant: Participant) -> str:
    """'aApple': the role's letter (capital for a pronoun, 'Ait') then the text."""
    code = _ROLE_CODES[participant.role]
    return (code.upper() if participant.pronoun else code) + one_line(participant.text)


def _mention_payload(mention: Mention, index: Mapping[str, int]) -> dict[str, Any]:
    """The mention's evidence; its structure (the trigger's span 'tg', participants 'who' as _participant_code,
    place 'at', report 'by' as [source or '', word]) only where the grammar found it, so that statements without
    any cost the page nothing."""
    timex = place_in_sentence(mention, mention.expression, mention.span)
    payload: dict[str, Any] = {
        "a": index.get(mention.article_id, -1),
        "expr": mention.expression,
        "sent": mention.sentence,
        "hl": timex,
        "how": resolution_note(mention) + trigger_note(mention),
    }
    if mention.trigger is not None:
        trigger = place_in_sentence(mention, mention.trigger.text, mention.trigger.span)
        if trigger is not None:
            payload["tg"] = trigger
    if mention.participants:
        payload["who"] = [_participant_code(p) for p in ordered_participants(mention)]
    if mention.location is not None:
        payload["at"] = one_line(mention.location.text)
    if mention.reported_by is not None:
        payload["by"] = [one_line(mention.reported_by.source or ""), one_line(mention.reported_by.text)]
    return payload


def _description_trigger(event: Event) -> tuple[int, int] | None:
    """The trigger's span in a description that is not its first mention's whole sentence (the page's script
    takes the sentence's own span for one that is): its only occurrence there, as a clause cut from the sentence
    has no offsets to go by."""
    mention = facts_mention(event)
    if mention is None or mention.trigger is None or event.description == mention.sentence:
        return None
    return _only_occurrence(event.description, one_line(mention.trigger.text))


def _event_payload(event: Event, articles: Mapping[str, SourceFacts], index: Mapping[str, int]) -> dict[str, Any]:
    """The event as the page shows it; 'sal' its salience, by which the page's key events view ranks; 'tg' (the
    trigger in the description, see _description_trigger) and 'anch' (how an event without a date of its own was
    placed) only where they apply."""
    year, month = group_labels(event.date)
    highlight = next(
        (h for h in (find_expression(event.description, m.expression) for m in event.mentions) if h), None
    )
    sources = list(dict.fromkeys(index[m.article_id] for m in event.mentions if m.article_id in index))
    payload: dict[str, Any] = {
        "date": display_date(event.date, event.status),
        "edtf": event.date.edtf,
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "year": year,
        "month": month,
        "desc": event.description,
        "hl": highlight,
        "status": event.status,
        "flags": event_flags(event, articles),
        "notes": event_notes(event, articles),
        "src": sources,
        "mentions": [_mention_payload(m, index) for m in event.mentions],
        "sal": event.salience,
    }
    trigger = _description_trigger(event)
    if trigger is not None:
        payload["tg"] = trigger
    if event.tellings < len(sources):
        # Some of its sources are copies of one another: the page says how many tellings they are.
        payload["tell"] = event.tellings
    if event.anchored_by != "expression":
        payload["anch"] = event.anchored_by
    return payload


def _page_order(events: Events) -> Iterable[Event]:
    return events.ordered(page_key) if isinstance(events, PackedEvents) else sorted(events, key=page_key)


def _event_payloads(timeline: TimelineView) -> Iterator[dict[str, Any]]:
    """Each event's payload, in page order, one at a time."""
    # What the page needs of each article, found in one pass: the articles are not all held as records.
    facts: dict[str, SourceFacts] = {}
    index: dict[str, int] = {}
    for number, article in enumerate(timeline.articles):
        facts[article.id], index[article.id] = SourceFacts.of(article), number
    return (_event_payload(event, facts, index) for event in _page_order(timeline.events))


def timeline_payload(timeline: TimelineView) -> dict[str, Any]:
    """Everything the page's script needs, in page order, as plain JSON-ready data."""
    return {
        "articles": [_article_payload(a) for a in timeline.articles],
        "events": list(_event_payloads(timeline)),
    }


def _escape_for_script(text: str) -> str:
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def embed_json(data: Any) -> str:
    """JSON safe inside a <script> element: '<', '>' and '&' (and the JavaScript line separators) are
    written as \\u escapes, so no input text can close the element or open a comment."""
    return _escape_for_script(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True))


def embed_payload_chunks(timeline: TimelineView) -> Iterator[str]:
    """embed_json(timeline_payload(timeline)) in pieces of one event each, so the page of a large timeline is
    written without holding its whole payload. The escapes apply character by character and the payload's
    keys sort as 'articles' < 'events', so the pieces join to exactly embed_json's text."""
    yield '{"articles":' + embed_json([_article_payload(a) for a in timeline.articles]) + ',"events":['
    for number, payload in enumerate(_event_payloads(timeline)):
        yield ("," if number else "") + embed_json(payload)
    yield "]}"


def template_dirs() -> list[Path]:
    """The installed package's templates first, then the checkout's top-level templates/."""
    package = Path(chronology.__file__).parent
    return [d for d in (package / "templates", package.parent / "templates") if d.is_dir()]


def _environment() -> jinja2.Environment:
    directories = template_dirs()
    if not directories:
        raise OutputError("HTML templates not found next to the chronology package")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in directories]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


# Stands in the rendered template where the payload goes; no template text or escaped value contains it.
_PAYLOAD_MARK = "\x00chronology-payload\x00"


def html_chunks(timeline: TimelineView) -> Iterator[str]:
    """The chronology page (see render_html) in pieces, the embedded events streamed one by one."""
    environment = _environment()
    # The script is hashed for the Content-Security-Policy, so it is read verbatim rather than rendered.
    script = environment.loader.get_source(environment, SCRIPT)[0]  # type: ignore[union-attr]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    page = environment.get_template(TEMPLATE).render(
        script=Markup(script),
        script_hash=f"sha256-{digest}",
        data_json=Markup(_PAYLOAD_MARK),
        articles=timeline.articles,
        publication_label=publication_label,
        basis_labels=BASIS_LABELS,
        warnings=timeline_warnings(timeline),
        event_count=len(timeline.events),
        schema_version=timeline.schema_version,
    )
    head, tail = page.split(_PAYLOAD_MARK)
    yield head
    yield from embed_payload_chunks(timeline)
    yield tail


def render_html(timeline: Timeline) -> str:
    """The chronology as one self-contained HTML page (no network: inline CSS, script and data)."""
    return "".join(html_chunks(timeline))
