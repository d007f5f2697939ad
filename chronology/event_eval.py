"""`chronology evaluate --events`: the grammar's reading of gold TimeML events, on TimeBank and AQUAINT.

Two questions, each asked of the gold EVENT and TIMEX3 annotations so that the figures measure the grammar and
not the event finder (whose figures come from 10-fold cross-validation: `python -m
chronology.language.train_events`):

- attributes: for each gold event, the tense, aspect, polarity and modality the verb-group reader
  (chronology.language.verbs) gives, against the gold MAKEINSTANCE (accuracy);
- event-time links: for each time expression that a gold TLINK says dates an event of its own sentence
  (IS_INCLUDED, INCLUDES, DURING, SIMULTANEOUS, BEGINS, ENDS, ...), whether the event our grammar attaches it to
  (chronology.language.syntax, choosing among the gold events) is one it dates; beside the baseline that takes the
  nearest gold event of the sentence.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from chronology.errors import InputError
from chronology.language.syntax import Sentence, analyse
from chronology.sentences import sentence_spans
from chronology.timeml import GoldEvent, GoldTimex, TimeMLDocument, parse_timeml

# TLINK relations by which a time dates an event (the event happens within, at or over the time).
DATING_RELATIONS = frozenset({
    "IS_INCLUDED", "INCLUDES", "DURING", "DURING_INV", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY",
    "IDENTITY",
})
ATTRIBUTES = ("tense", "aspect", "polarity", "modality")


@dataclass
class EventScores:
    events: int = 0
    correct: Counter[str] = field(default_factory=Counter)
    links: int = 0
    attached: int = 0
    linked_correctly: int = 0
    nearest_correctly: int = 0

    def add(self, other: EventScores) -> None:
        self.events += other.events
        self.correct.update(other.correct)
        self.links += other.links
        self.attached += other.attached
        self.linked_correctly += other.linked_correctly
        self.nearest_correctly += other.nearest_correctly

    def figures(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"events": self.events}
        for name in ATTRIBUTES:
            out[f"{name}_accuracy"] = round(self.correct[name] / self.events, 4) if self.events else 0.0
        out["links"] = self.links
        out["link_accuracy"] = round(self.linked_correctly / self.links, 4) if self.links else 0.0
        out["link_attached"] = self.attached
        out["nearest_event_baseline"] = round(self.nearest_correctly / self.links, 4) if self.links else 0.0
        return out


def _gold_modality(value: str) -> str | None:
    value = value.strip().lower()
    return None if value in ("", "none") else value


def _dating_links(markup: str) -> dict[str, set[str]]:
    """For each time id, the event ids (EVENT eid) that a gold TLINK says it dates."""
    root = ET.fromstring(markup)
    instance_event = {m.get("eiid", ""): m.get("eventID", "") for m in root.iter("MAKEINSTANCE")}
    links: dict[str, set[str]] = {}
    for link in root.iter("TLINK"):
        if link.get("relType") not in DATING_RELATIONS:
            continue
        time = link.get("relatedToTime") or link.get("timeID")
        instance = link.get("eventInstanceID") or link.get("relatedToEventInstance")
        if time and instance and instance in instance_event:
            links.setdefault(time, set()).add(instance_event[instance])
    return links


def _token_at(sentence: Sentence, start: int) -> int | None:
    for index, token in enumerate(sentence.tokens):
        if token.start <= start < token.end or token.start >= start:
            return index
    return None


def _score_sentence(
    sentence: Sentence, events: Sequence[GoldEvent], timexes: Sequence[GoldTimex], links: dict[str, set[str]]
) -> EventScores:
    scores = EventScores()
    indices: dict[int, GoldEvent] = {}
    for event in events:
        index = _token_at(sentence, event.start)
        if index is None:
            continue
        indices[index] = event
        group = sentence.group(index)
        scores.events += 1
        predicted = {"tense": group.tense, "aspect": group.aspect, "polarity": group.polarity,
                     "modality": group.modality}
        gold = {"tense": event.tense, "aspect": event.aspect, "polarity": event.polarity,
                "modality": _gold_modality(event.modality)}
        scores.correct.update(name for name in ATTRIBUTES if predicted[name] == gold[name])
    events_here = frozenset(indices)
    for timex in timexes:
        dated = {eid for eid in links.get(timex.tid, ()) if any(e.eid == eid for e in events)}
        if not dated:
            continue
        scores.links += 1
        chosen = sentence.trigger(timex.start, timex.end, events_here)
        if chosen is not None:
            scores.attached += 1
            scores.linked_correctly += indices[chosen].eid in dated
        nearest = min(events, key=lambda e: (min(abs(e.start - timex.end), abs(timex.start - e.end)), e.start))
        scores.nearest_correctly += nearest.eid in dated
    return scores


def score_document(document: TimeMLDocument, markup: str) -> EventScores:
    links = _dating_links(markup)
    scores = EventScores()
    for start, end in sentence_spans(document.text):
        events = [e for e in document.events if start <= e.start < end]
        timexes = [t for t in document.timexes if start <= t.start < end]
        if not events:
            continue
        sentence = analyse(document.text, start, end)
        if sentence is not None:
            scores.add(_score_sentence(sentence, events, timexes, links))
    return scores


def evaluate_paths(paths: Iterable[Path]) -> tuple[dict[str, EventScores], EventScores]:
    per_corpus: dict[str, EventScores] = {}
    total = EventScores()
    for path in paths:
        try:
            markup = path.read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot read {path}: {error}") from None
        scores = score_document(parse_timeml(markup, str(path)), markup)
        per_corpus.setdefault(str(path.parent), EventScores()).add(scores)
        total.add(scores)
    return per_corpus, total


def report(per_corpus: dict[str, EventScores], total: EventScores) -> str:
    header = (f"{'corpus':<30}{'events':>7}  tense  aspect polarity modality   {'links':>5}  attached  "
              "link acc  nearest-event baseline")
    lines = ["", "events (gold EVENT and TIMEX3): verb-group attributes and event-time links", header]
    for name, scores in [*sorted(per_corpus.items()), ("overall", total)]:
        f = scores.figures()
        lines.append(
            f"{name:<30}{f['events']:>7}  {f['tense_accuracy']:.3f}  {f['aspect_accuracy']:.3f}  "
            f"{f['polarity_accuracy']:.3f}    {f['modality_accuracy']:.3f}    {f['links']:>5}  "
            f"{f['link_attached']:>8}  "
            f"{f['link_accuracy']:.3f}     {f['nearest_event_baseline']:.3f}"
        )
    return "\n".join(lines)
