"""TimeML reading and writing: the text inside <TEXT> with tags stripped, its DCT, and its TIMEX3 and EVENT
annotations."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

from chronology.errors import InputError
from chronology.models import Timex


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 annotation of a TimeML file, with offsets into the stripped text."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """An EVENT annotation of a TimeML file, with offsets into the stripped text and the attributes of its
    first MAKEINSTANCE (empty strings when it has none)."""

    eid: str
    start: int
    end: int
    text: str
    event_class: str
    tense: str = ""
    aspect: str = ""
    polarity: str = ""
    modality: str = ""
    pos: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    docid: str
    text: str
    dct: dt.date | None
    dct_value: str | None
    timexes: tuple[GoldTimex, ...] = field(default=())
    title: str | None = None
    events: tuple[GoldEvent, ...] = field(default=())


def _collect(
    element: ET.Element, parts: list[str], timexes: list[GoldTimex], offset: int, events: list[GoldEvent] | None = None
) -> int:
    """Append element's text (tags stripped) to parts, recording TIMEX3 and EVENT spans (text filled in by the
    caller); return the new offset."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _collect(child, parts, timexes, offset, events)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        timexes.append(
            GoldTimex(
                tid=element.get("tid", ""),
                start=start,
                end=offset,
                text="",
                type=element.get("type", ""),
                value=element.get("value", ""),
                mod=element.get("mod"),
            )
        )
    if element.tag == "EVENT" and events is not None:
        events.append(GoldEvent(element.get("eid", ""), start, offset, "", element.get("class", "")))
    return offset


def parse_timeml(markup: str, name: str = "<timeml>", gold: bool = True) -> TimeMLDocument:
    """Parse a TimeML document, with its TIMEX3 and EVENT annotations unless `gold` is false (reading its text,
    title and creation time needs none of them, and the events cost a third of the parse). Raises InputError
    when it is not well-formed or has no <TEXT>."""
    try:
        root = ET.fromstring(markup.encode("utf-8") if markup.lstrip().startswith("<?xml") else markup)
    except ET.ParseError as error:
        raise InputError(f"{name}: not well-formed TimeML ({error})") from None
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise InputError(f"{name}: TimeML without a <TEXT> element")
    parts: list[str] = []
    raw: list[GoldTimex] = []
    raw_events: list[GoldEvent] = []
    _collect(text_element, parts, raw, 0, raw_events if gold else None)
    text = "".join(parts)
    timexes = tuple(
        GoldTimex(t.tid, t.start, t.end, text[t.start : t.end], t.type, t.value, t.mod) for t in raw if gold
    )
    instances: dict[str, ET.Element] = {}
    for instance in root.iter("MAKEINSTANCE"):
        instances.setdefault(instance.get("eventID", ""), instance)
    events = tuple(_gold_event(e, text, instances.get(e.eid)) for e in sorted(raw_events, key=lambda e: e.start))
    dct_value: str | None = None
    dct_timex = root.find(".//DCT/TIMEX3")
    if dct_timex is None:
        dct_timex = next(
            (t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None
        )
    if dct_timex is not None:
        dct_value = dct_timex.get("value")
    docid_element = root.find(".//DOCID")
    title_element = root.find(".//TITLE")
    if title_element is None:
        title_element = root.find(".//EXTRAINFO")
    return TimeMLDocument(
        docid=(docid_element.text or "").strip() if docid_element is not None else name,
        text=text,
        dct=_date_of(dct_value),
        dct_value=dct_value,
        timexes=timexes,
        title=(title_element.text or "").strip() or None if title_element is not None else None,
        events=events,
    )


def _gold_event(event: GoldEvent, text: str, instance: ET.Element | None) -> GoldEvent:
    attributes = {} if instance is None else instance.attrib
    return GoldEvent(
        eid=event.eid,
        start=event.start,
        end=event.end,
        text=text[event.start : event.end],
        event_class=event.event_class,
        tense=attributes.get("tense", ""),
        aspect=attributes.get("aspect", ""),
        polarity=attributes.get("polarity", ""),
        modality=attributes.get("modality", ""),
        pos=attributes.get("pos", ""),
    )


def _date_of(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def to_timeml(text: str, timexes: Iterable[Timex], dct: dt.date | None, docid: str = "") -> str:
    """A TimeML document whose stripped text is `text` and whose TIMEX3 tags are `timexes` (non-overlapping)."""
    # Imported here: xml.sax.saxutils imports urllib.request (and with it ssl and sockets), which reading TimeML
    # never needs.
    from xml.sax.saxutils import escape, quoteattr

    pieces = ['<?xml version="1.0" ?>\n<TimeML>\n']
    pieces.append(f"<DOCID>{escape(docid)}</DOCID>\n")
    if dct is not None:
        pieces.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
        )
    pieces.append("<TEXT>")
    cursor = 0
    for timex in sorted(timexes, key=lambda t: t.start):
        if timex.start < cursor:
            continue
        pieces.append(escape(text[cursor : timex.start]))
        attributes = f"tid={quoteattr(timex.tid)} type={quoteattr(timex.type)} value={quoteattr(timex.value)}"
        if timex.mod:
            attributes += f" mod={quoteattr(timex.mod)}"
        if timex.anchor:
            attributes += ' temporalFunction="true"'
        pieces.append(f"<TIMEX3 {attributes}>{escape(text[timex.start : timex.end])}</TIMEX3>")
        cursor = timex.end
    pieces.append(escape(text[cursor:]))
    pieces.append("</TEXT>\n</TimeML>\n")
    return "".join(pieces)
