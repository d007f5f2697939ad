"""Events: one typed record per dated statement of an article.

A statement is the sentence holding a calendar date expression; when one sentence holds several dates, each
event keeps only the clause around its own date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

from chronology.models import Article, DateValue, Event, Mention, PublicationContext, Status, Timex
from chronology.values import date_value

MAX_DESCRIPTION = 320

# Words just before an expression that open an interval running up to publication ("since October 17").
_OPEN_START = re.compile(r"\b(?:since|ever since)\s+(?:(?:early|mid|late)-?\s*)?$", re.IGNORECASE)
# Tense cues that make a statement expected rather than reported.
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|is due|are due|is expected|are expected|is planned|are planned|"
    r"is scheduled|are scheduled|plans? to|intends? to|is set to|are set to|is going to|are going to|"
    r"would be announced|upcoming|next)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[;:,]\s+|\s+(?:before|after|while|and then|then|but)\s+")
_WHITESPACE = re.compile(r"\s+")
# Quote debris left at the edges of a sentence cut from running text.
_EDGE_DEBRIS = " \t\n\"'“”‘’()[]-–—"
_MIN_CLAUSE_WORDS = 6


def _clean(text: str) -> str:
    text = _WHITESPACE.sub(" ", text).strip()
    stripped = text.strip(_EDGE_DEBRIS)
    # Strip quotes only when they leave a sentence; keep closing punctuation if it was inside quotes.
    if stripped and (text.count("“") + text.count("”") + text.count('"')) % 2 == 1:
        text = stripped if stripped[-1] in ".!?" else stripped + "."
    if len(text) > MAX_DESCRIPTION:
        cut = text.rfind(" ", 0, MAX_DESCRIPTION)
        text = text[: cut if cut > 0 else MAX_DESCRIPTION].rstrip(",;: ") + "…"
    return text


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `sentence` around [start, end), bounded by the nearest clause breaks on either side."""
    left, right = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


def event_id(date: DateValue, description: str) -> str:
    key = f"{date.value}|{date.mod or ''}|{normalise(description)}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def normalise(text: str) -> str:
    """Lower-case words only: the form in which two copies of one sentence compare equal."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _status(clause: str, date: DateValue, open_start: bool, published: dt.date | None) -> Status:
    if open_start:
        return "ongoing"
    if published is not None and date.start > published:
        return "planned"
    if _FUTURE.search(clause) and (published is None or date.end >= published):
        return "planned"
    return "past"


def _open_interval(date: DateValue, published: dt.date | None) -> DateValue:
    """'since X': from X up to publication, as an EDTF interval."""
    end = published if published is not None and published >= date.start else None
    edtf = f"{date.edtf}/{end.isoformat() if end else '..'}"
    return date.model_copy(update={"edtf": edtf, "end": end or date.end})


def extract_events(
    article: Article,
    context: PublicationContext,
    timexes: Sequence[Timex],
    sentences: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
) -> list[Event]:
    """Events of one article. Offsets of timexes, sentences and skip spans are relative to article.text;
    mentions report spans in the document (article.start added). Timexes inside `skip` spans (captions,
    repeated headlines, page chrome) and timexes without calendar bounds give no event."""
    dated: list[tuple[Timex, DateValue]] = []
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or any(s <= timex.start < e for s, e in skip):
            continue
        value = date_value(timex.value, timex.mod)
        if value is not None:
            dated.append((timex, value))

    events: list[Event] = []
    for sentence_start, sentence_end in sentences:
        in_sentence = [(t, v) for t, v in dated if sentence_start <= t.start < sentence_end]
        sentence = article.text[sentence_start:sentence_end]
        for timex, value in in_sentence:
            local_start, local_end = timex.start - sentence_start, timex.end - sentence_start
            if len(in_sentence) > 1:
                left, right = _clause(sentence, local_start, local_end)
                if len(sentence[left:right].split()) < _MIN_CLAUSE_WORDS:
                    left, right = 0, len(sentence)
            else:
                left, right = 0, len(sentence)
            clause = sentence[left:right]
            open_start = bool(_OPEN_START.search(article.text[max(0, timex.start - 24) : timex.start]))
            if open_start:
                value = _open_interval(value, context.date)
            description = _clean(clause)
            mention = Mention(
                article_id=article.id,
                source=article.source,
                headline=article.headline,
                expression=timex.text,
                span=(article.start + timex.start, article.start + timex.end),
                sentence=_clean(sentence),
                sentence_span=(article.start + sentence_start, article.start + sentence_end),
                timex_type=timex.type,
                timex_value=timex.value,
                underspecified=timex.underspecified,
                anchor=timex.anchor,
                anchor_value=timex.anchor_value,
            )
            events.append(
                Event(
                    id=event_id(value, description),
                    date=value,
                    description=description,
                    status=_status(clause, value, open_start, context.date),
                    mentions=(mention,),
                    sources=(article.source,),
                )
            )
    return events
