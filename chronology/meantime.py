"""MEANTIME (NewsReader) documents: tokens joined back into text, the document creation time, event mentions
as character spans with the cross-document event instance they refer to, the instances' time anchors, and the
TIMEX3 annotations as character spans.

The text is one sentence a line, tokens joined by a space except before closing punctuation and after opening
brackets, so that the pipeline reads ordinary prose. MEANTIME annotates every event of the title, the date
line and the first four body sentences (sentences 0-5); further down only events tracked across documents.
"""

from __future__ import annotations

import csv
import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from chronology.errors import InputError

# Sentences 0-5 carry every event mention and every timex; later ones only some events and no timex.
EXHAUSTIVE_SENTENCES: Final = 6
_NO_SPACE_BEFORE: Final = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "''"})
_NO_SPACE_AFTER: Final = frozenset({"(", "[", "$", "``"})


@dataclass(frozen=True)
class EventMention:
    m_id: str
    parts: tuple[tuple[int, int], ...]  # character spans of its tokens (adjacent tokens joined)
    text: str
    instance: str | None  # the cross-document event instance it refers to
    event_class: str  # the class of that instance (MEANTIME's own classes), "" without one

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True)
class TimexMention:
    """A TIMEX3 annotation anchored to tokens, spanning its first token's start to its last token's end."""

    m_id: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    dct: dt.date | None
    mentions: tuple[EventMention, ...]
    exhaustive_end: int  # character offset where exhaustive annotation ends
    # The TIMEX3s in the text other than the creation time's; token-less ones (MEANTIME's non-consuming
    # timexes) have no span to score.
    timexes: tuple[TimexMention, ...]
    dct_span: tuple[int, int] | None  # the creation time's own tokens (the date line), when it has any


def read_document(path: Path) -> Document:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as error:
        raise InputError(f"cannot read {path}: {error}") from None
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentences: list[tuple[int, int]] = []
    exhaustive_end: int | None = None
    sentence: str | None = None
    line_start = length = 0
    previous = ""
    for token in root.iter("token"):
        word = token.text or ""
        if token.get("sentence") != sentence:
            if sentence is not None:
                sentences.append((line_start, length))
                pieces.append("\n")
                length += 1
            sentence, line_start = token.get("sentence"), length
            if int(sentence or 0) == EXHAUSTIVE_SENTENCES:
                exhaustive_end = line_start
        elif word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            pieces.append(" ")
            length += 1
        offsets[token.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        previous = word
    sentences.append((line_start, length))
    text = "".join(pieces)
    markables = root.find("Markables")
    elements = list(markables) if markables is not None else []
    instances = {e.get("m_id", ""): e for e in elements if e.tag == "EVENT"}
    refers: dict[str, str] = {}
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target")
        if target is None:
            continue
        for source in relation.iter("source"):
            refers[source.get("m_id", "")] = target.get("m_id", "")
    dct: dt.date | None = None
    dct_span: tuple[int, int] | None = None
    timexes: list[TimexMention] = []
    for timex in root.iter("TIMEX3"):
        parts = _parts(timex, offsets, text)
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = dt.date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                dct = None
            dct_span = (parts[0][0], parts[-1][1]) if parts else None
        elif parts:
            start, end = parts[0][0], parts[-1][1]
            timexes.append(
                TimexMention(
                    m_id=timex.get("m_id", ""), start=start, end=end, text=text[start:end],
                    type=timex.get("type", ""), value=timex.get("value", ""),
                )
            )
    mentions: list[EventMention] = []
    for mention in root.iter("EVENT_MENTION"):
        parts = _parts(mention, offsets, text)
        if not parts:
            continue
        instance = instances.get(refers.get(mention.get("m_id", ""), ""))
        mentions.append(
            EventMention(
                m_id=mention.get("m_id", ""), parts=tuple(parts), text=" ".join(text[s:e] for s, e in parts),
                instance=instance.get("instance_id") if instance is not None else None,
                event_class=instance.get("class", "") if instance is not None else "",
            )
        )
    return Document(
        name=path.stem, text=text, sentences=tuple(sentences), dct=dct,
        mentions=tuple(sorted(mentions, key=lambda m: m.parts)),
        exhaustive_end=length if exhaustive_end is None else exhaustive_end,
        timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end))), dct_span=dct_span,
    )


def _parts(markable: ET.Element, offsets: dict[str, tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The character spans of a markable's tokens, in text order, adjacent tokens joined."""
    anchors = sorted(offsets[a.get("t_id", "")] for a in markable.iter("token_anchor") if a.get("t_id") in offsets)
    parts: list[tuple[int, int]] = []
    for start, end in anchors:
        if parts and not text[parts[-1][1] : start].strip():
            parts[-1] = (parts[-1][0], end)
        else:
            parts.append((start, end))
    return parts


def document_paths(folder: Path) -> list[Path]:
    """The document files of a MEANTIME folder (its intra_cross-doc_annotation/*.xml, or *.xml in it)."""
    annotated = folder / "intra_cross-doc_annotation"
    paths = sorted((annotated if annotated.is_dir() else folder).glob("*.xml"))
    if not paths:
        raise InputError(f"{folder}: no MEANTIME .xml documents")
    return paths


def read_corpus(folder: Path) -> list[Document]:
    """The documents of a MEANTIME folder (its intra_cross-doc_annotation/*.xml, or *.xml in it)."""
    return [read_document(path) for path in document_paths(folder)]


def read_time_anchors(path: Path) -> dict[str, str]:
    """Each event instance's time anchor (column TIME of the instance list): 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD',
    cut where the gold leaves the rest unknown ('2008-03-XX' -> '2008-03')."""
    anchors: dict[str, str] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except OSError as error:
        raise InputError(f"cannot read {path}: {error}") from None
    for row in rows[1:]:
        if len(row) > 7 and row[1] == "EVENT" and row[7].strip():
            known = []
            for part in row[7].strip()[:10].split("-"):
                if not part.isdigit():
                    break
                known.append(part)
            if known:
                anchors[row[0]] = "-".join(known)
    return anchors
