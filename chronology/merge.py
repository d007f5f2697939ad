"""Merge: one chronology over all articles; the same dated fact told by several articles becomes one event.

Two events from different articles are one event when
- they carry the same date (value and mod) and their descriptions are the same sentence word for word or
  share most of their content words (SIMILARITY), or one's content words are nearly all in the other's
  (CONTAINMENT), or
- their descriptions are the same statement (word for word, or STATEMENT_SIMILARITY of content words, with
  at least STATEMENT_MIN_WORDS content words) but their dates differ: the sources disagree. The event keeps
  every reading in `conflict`, and uses the date whose sources have the strongest publication basis (a date
  given by the user or a dateline beats an inferred one), then the date most sources give, then the more
  precise, then the first reported.
The merged event keeps every mention. Order: start date, then coarser before finer precision, then first
appearance (source, then offset), then id. Ids derive from the date and the description, with '-2', '-3'
for repeats, so the same input gives the same ids on every run.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from chronology.events import event_id, normalise
from chronology.models import Basis, DateConflict, DateReading, Event

# Content words must overlap this much (Jaccard) for two differently worded statements to be one event.
SIMILARITY = 0.6
# ...or a shorter statement must be almost wholly inside a longer one ("He has been fighting cancer since
# 2004." in "Steve Jobs has been fighting cancer since 2004 and is on leave."), sharing this many words.
CONTAINMENT = 0.8
CONTAINMENT_MIN_SHARED = 3
# Differently dated statements must be nearly the same sentence to count as one event told with two dates.
STATEMENT_SIMILARITY = 0.8
# ...and long enough not to recur by chance ("The council met on Monday." may be two meetings).
STATEMENT_MIN_WORDS = 6
_STOPWORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but", "as", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he",
    "she", "they", "we", "you", "i", "his", "her", "their", "our", "said", "says", "say", "also", "not", "no",
    "than", "then", "there", "which", "who", "whom", "what", "when", "where", "while", "after", "before", "since",
    "during",
})
# How much a publication date can be trusted, by how it was found: relative dates inherit that trust.
BASIS_STRENGTH: dict[Basis | None, int] = {
    "cli": 6, "manifest": 5, "metadata": 4, "dateline": 4, "reference": 2, "inferred": 1, "unknown": 0, None: 0,
}
_BASIS_NAMES: dict[Basis | None, str] = {
    "cli": "the command line", "manifest": "the manifest", "metadata": "the page metadata",
    "dateline": "a dateline", "reference": "the reference date", "inferred": "inference from the text",
    "unknown": "nothing", None: "nothing",
}
_GRANULARITY_RANK = {
    "millennium": 0, "century": 1, "decade": 2, "year": 3, "half": 4, "quarter": 5, "season": 6,
    "month": 7, "week": 8, "day": 9, "part_of_day": 10, "time": 11,
}


@dataclass(frozen=True)
class _Wording:
    """A description as the comparisons see it, computed once per event rather than once per comparison."""

    words: frozenset[str]
    normal: str

    @classmethod
    def of(cls, event: Event) -> _Wording:
        text = event.description
        words = frozenset(w for w in re.findall(r"\w+", text.lower()) if w not in _STOPWORDS and not w.isdigit())
        return cls(words, normalise(text))


def _similar(a: _Wording, b: _Wording, threshold: float = SIMILARITY) -> bool:
    if a.normal == b.normal:
        return True
    if not a.words or not b.words:
        return False
    return len(a.words & b.words) / len(a.words | b.words) >= threshold


def _contained(a: _Wording, b: _Wording) -> bool:
    shared = len(a.words & b.words)
    return shared >= CONTAINMENT_MIN_SHARED and shared / min(len(a.words), len(b.words)) >= CONTAINMENT


def _articles_of(event: Event) -> set[str]:
    return {m.article_id for m in event.mentions}


def _combine(kept: Event, other: Event) -> Event:
    mentions = kept.mentions + other.mentions
    sources = tuple(dict.fromkeys(kept.sources + other.sources))
    # A later source may report as done what an earlier one announced: "past" wins over "planned".
    status = "past" if "past" in (kept.status, other.status) else kept.status
    return kept.model_copy(update={"mentions": mentions, "sources": sources, "status": status})


def _readings(event: Event) -> tuple[DateReading, ...]:
    if event.conflict is not None:
        return event.conflict.readings
    articles = tuple(dict.fromkeys(m.article_id for m in event.mentions))
    basis = max((m.publication_basis for m in event.mentions), key=lambda b: BASIS_STRENGTH[b])
    return (DateReading(date=event.date, article_ids=articles, basis=basis),)


def _reading_rank(reading: DateReading, order: int) -> tuple[int, int, int, int]:
    return (BASIS_STRENGTH[reading.basis], len(reading.article_ids), _GRANULARITY_RANK[reading.date.granularity],
            -order)


def _reason(chosen: DateReading, others: list[DateReading]) -> str:
    strongest_other = max(BASIS_STRENGTH[r.basis] for r in others)
    if BASIS_STRENGTH[chosen.basis] > strongest_other:
        weaker = max(others, key=lambda r: BASIS_STRENGTH[r.basis])
        why = (f"its source's publication date comes from {_BASIS_NAMES[chosen.basis]}, the other's from "
               f"{_BASIS_NAMES[weaker.basis]}")
    elif len(chosen.article_ids) > max(len(r.article_ids) for r in others):
        total = len(chosen.article_ids) + sum(len(r.article_ids) for r in others)
        why = f"{len(chosen.article_ids)} of {total} sources give it"
    elif _GRANULARITY_RANK[chosen.date.granularity] > max(_GRANULARITY_RANK[r.date.granularity] for r in others):
        why = "it is the most precise"
    else:
        why = "it was reported first"
    return f"sources disagree on the date; {chosen.date.edtf} is used because {why}"


def _combine_dates(kept: Event, other: Event) -> Event:
    """One statement told with different dates: keep every reading, use the most trustworthy."""
    readings = list(_readings(kept))
    for reading in _readings(other):
        same = next((i for i, r in enumerate(readings) if r.date == reading.date), None)
        if same is None:
            readings.append(reading)
        else:
            current = readings[same]
            basis = max(current.basis, reading.basis, key=lambda b: BASIS_STRENGTH[b])
            ids = tuple(dict.fromkeys(current.article_ids + reading.article_ids))
            readings[same] = DateReading(date=current.date, article_ids=ids, basis=basis)
    ranked = sorted(enumerate(readings), key=lambda item: _reading_rank(item[1], item[0]), reverse=True)
    ordered = [reading for _, reading in ranked]
    combined = _combine(kept, other)
    chosen = ordered[0]
    conflict = DateConflict(readings=tuple(ordered), reason=_reason(chosen, ordered[1:]))
    description = kept.description if chosen.date == kept.date else other.description
    return combined.model_copy(update={"date": chosen.date, "conflict": conflict, "description": description})


def _parts(size: int) -> int:
    """Into how many parts a wording of `size` words is cut for the statement index. Two wordings of n and m
    words with Jaccard >= 4/5 share o >= 4(n + m)/9 words, so they differ in at most (n + m)/9 words; and
    n <= 5m/4. With one more part than the most differences possible, some part is identical in both."""
    return (size + size * 5 // 4) // 9 + 1


# Independent ways to cut a wording into parts (seeds of the word hash). A wording similar enough shares a
# whole part with the probe under every one of them, so a candidate must do so under each: two cuts keep
# the exact result and leave far fewer chance candidates than one.
_CUTS = (0, 0x9E3779B9)


def _part_keys(hashed: list[tuple[str, int]], parts: int) -> list[tuple[str, ...]]:
    """The words (sorted, with their hash under one cut) split into `parts` parts by that hash: the same split
    for every wording."""
    split: list[list[str]] = [[] for _ in range(parts)]
    for word, value in hashed:
        split[value % parts].append(word)
    return [tuple(chosen) for chosen in split]


class _StatementIndex:
    """Earlier statements by identical parts: a wording of m words is filed under its _parts(m) parts, and a
    probe of n words looks up, for every size m it could match (4n/5 <= m <= 5n/4), its own words cut the
    same way. Any wording similar enough shares a whole part with the probe (pigeonhole), under each of the
    _CUTS, so the candidates are all that can match, found without counting postings of common words."""

    def __init__(self) -> None:
        self._entries: dict[tuple[int, int, int, tuple[str, ...]], list[int]] = {}
        self._hashes: dict[tuple[str, int], int] = {}

    def _hashed(self, words: frozenset[str], cut: int) -> list[tuple[str, int]]:
        hashed = []
        for word in sorted(words):
            value = self._hashes.get((word, cut))
            if value is None:
                value = self._hashes[word, cut] = zlib.crc32(word.encode("utf-8"), cut)
            hashed.append((word, value))
        return hashed

    def add(self, words: frozenset[str], position: int) -> None:
        size = len(words)
        for cut in _CUTS:
            for part, chosen in enumerate(_part_keys(self._hashed(words, cut), _parts(size))):
                self._entries.setdefault((cut, size, part, chosen), []).append(position)

    def candidates(self, words: frozenset[str]) -> list[int]:
        size = len(words)
        found: set[int] | None = None
        for cut in _CUTS:
            hashed = self._hashed(words, cut)
            splits: dict[int, list[tuple[str, ...]]] = {}
            under_cut: set[int] = set()
            for other in range(-(-4 * size // 5), size * 5 // 4 + 1):
                parts = _parts(other)
                if parts not in splits:
                    splits[parts] = _part_keys(hashed, parts)
                for part, chosen in enumerate(splits[parts]):
                    under_cut.update(self._entries.get((cut, other, part, chosen), ()))
            found = under_cut if found is None else found & under_cut
            if not found:
                return []
        return sorted(found or ())


def _merge_disagreements(events: list[Event]) -> list[Event]:
    """Second pass: the same statement from different articles under different dates becomes one event: the
    first earlier event (in pass order) that can reach STATEMENT_SIMILARITY and matches wins."""
    merged: list[Event] = []
    wordings: list[_Wording] = []
    index = _StatementIndex()
    for event in events:
        wording = _Wording.of(event)
        if event.dated_by != "expression" or len(wording.words) < STATEMENT_MIN_WORDS:
            merged.append(event)
            wordings.append(wording)
            continue
        articles = _articles_of(event)
        for position in index.candidates(wording.words):
            kept = merged[position]
            # The cheap test first: most candidates share a part but not enough words.
            if (_similar(wordings[position], wording, STATEMENT_SIMILARITY) and kept.date != event.date
                    and articles.isdisjoint(_articles_of(kept))):
                merged[position] = _combine_dates(kept, event)
                # The chosen date may bring the other description: file it under that wording too.
                wordings[position] = _Wording.of(merged[position])
                index.add(wordings[position].words, position)
                break
        else:
            index.add(wording.words, len(merged))
            merged.append(event)
            wordings.append(wording)
    return merged


def _first_appearance(event: Event) -> tuple[str, int]:
    mention = event.mentions[0]
    return mention.source, mention.span[0]


def sort_key(event: Event) -> tuple[str, int, str, int, str]:
    source, offset = _first_appearance(event)
    return (event.date.start.isoformat(), _GRANULARITY_RANK[event.date.granularity], source, offset, event.id)


class _Bucket:
    """The events kept for one date, indexed by content word and by normalised text, so a new event is compared
    only with those that can reach the similarity or containment bound: the first fit of a full scan, without
    its quadratic cost on large archives. Kept descriptions never change in this pass, nor their index entries."""

    def __init__(self) -> None:
        self.kept: list[tuple[Event, _Wording]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_normal: dict[str, list[int]] = {}

    def _candidates(self, wording: _Wording) -> list[int]:
        shared = Counter(index for word in wording.words for index in self._by_word.get(word, ()))
        # _similar needs SIMILARITY * |words| shared words, _contained at least CONTAINMENT_MIN_SHARED.
        needed = min(SIMILARITY * len(wording.words), CONTAINMENT_MIN_SHARED)
        found = {index for index, count in shared.items() if count >= needed}
        found.update(self._by_normal.get(wording.normal, ()))
        return sorted(found)

    def add(self, event: Event) -> None:
        articles, wording = _articles_of(event), _Wording.of(event)
        for index in self._candidates(wording):
            kept, kept_wording = self.kept[index]
            if articles.isdisjoint(_articles_of(kept)) and (
                _similar(kept_wording, wording) or _contained(kept_wording, wording)
            ):
                self.kept[index] = (_combine(kept, event), kept_wording)
                return
        position = len(self.kept)
        for word in wording.words:
            self._by_word.setdefault(word, []).append(position)
        self._by_normal.setdefault(wording.normal, []).append(position)
        self.kept.append((event, wording))


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge events in input order (deterministic for a deterministic input order) and sort them."""
    by_date: dict[tuple[str, str | None], _Bucket] = {}
    for event in events:
        by_date.setdefault((event.date.value, event.date.mod), _Bucket()).add(event)
    merged = _merge_disagreements([event for bucket in by_date.values() for event, _ in bucket.kept])
    ordered = sorted(merged, key=sort_key)
    seen: dict[str, int] = {}
    unique: list[Event] = []
    for event in ordered:
        base = event_id(event.date, event.description)
        seen[base] = seen.get(base, 0) + 1
        unique.append(event.model_copy(update={"id": base if seen[base] == 1 else f"{base}-{seen[base]}"}))
    return unique
