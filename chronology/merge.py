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
Two descriptions that state figures (money, percentages, decimals) with none in common are never one event,
in any pass: "Sales rose 4.8% to $1.20 billion" and "Sales rose 8% to $1.15 billion" are two companies' results.
The merged event keeps every mention. Order: start date, then coarser before finer precision, then first
appearance (source, then offset), then id. Ids derive from the date and the description, with '-2', '-3'
for repeats, so the same input gives the same ids on every run.

Scale: events are merged as they arrive (Merger) and spilled to an anonymous temporary file; memory keeps
only what the comparisons read, and the result (PackedEvents) is read back one event at a time. The same-date
pass counts an event's shared words with every kept event of its date at once (bit planes, _Tally) and applies
the test on those counts; the cross-date pass compares an event only with the candidates an index says can
match. Both then take the first fit in order, so the result is that of a full first-fit scan.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, TypeVar

from chronology.coreference import Signature, Weights, compatible
from chronology.events import event_id, normalise
from chronology.models import Basis, DateConflict, DateReading, DateValue, Event

_K = TypeVar("_K")

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
# A figure: money, a percentage or a decimal ("$1.20", "4.8%", "12 percent", "37.5"). Counts of people or days
# are left out: reports of one event differ in them ("killed 247", "killed more than 200").
_AMOUNT = re.compile(
    r"[$£€]\s?\d[\d,]{0,15}(?:\.\d{1,6})?"  # money
    r"|\d[\d,]{0,15}(?:\.\d{1,6})?\s?(?:%|percent\b)"  # a percentage
    r"|\d{1,9}\.\d{1,6}"  # a decimal
)
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


@dataclass(frozen=True, slots=True)
class _Wording:
    """A description as the comparisons see it, computed once per event rather than once per comparison, and
    held small: its content words (sorted, interned: a vocabulary is shared by many events), and its normal
    form only when it has no content word. Equal normal forms have equal words, so that is the only case
    where the normal form decides."""

    words: tuple[str, ...]
    normal: str | None
    amounts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, event: Event) -> _Wording:
        text = event.description
        words = {w for w in re.findall(r"\w+", text.lower()) if w not in _STOPWORDS and not w.isdigit()}
        amounts = frozenset(match.replace(",", "").replace(" ", "") for match in _AMOUNT.findall(text))
        return cls(tuple(sorted(sys.intern(w) for w in words)), None if words else normalise(text), amounts)

    def contradicts(self, other: _Wording) -> bool:
        """Whether the two state figures that have nothing in common: "Sales rose 4.8% to $1.20 billion" and
        "Sales rose 8% to $1.15 billion" are two companies' results, whatever their shared words."""
        return bool(self.amounts) and bool(other.amounts) and self.amounts.isdisjoint(other.amounts)


# The tests on counts (shared words, sizes of the two wordings), so that an index can apply them exactly.
def _similar_counts(shared: int, size: int, other: int, threshold: float = SIMILARITY) -> bool:
    return shared / (size + other - shared) >= threshold


def _contained_counts(shared: int, size: int, other: int) -> bool:
    return shared >= CONTAINMENT_MIN_SHARED and shared / min(size, other) >= CONTAINMENT


@lru_cache(maxsize=4096)
def _least_shared(size: int, other: int) -> int | None:
    """The fewest shared words with which wordings of `size` and `other` words (both non-empty) are one event
    on the same date (similar or contained); None when no overlap is enough. Both tests only grow with the
    count, so a count at least this is exactly the pair test of the first pass."""
    return next(
        (shared for shared in range(min(size, other) + 1)
         if _similar_counts(shared, size, other) or _contained_counts(shared, size, other)),
        None,
    )


def _articles_of(event: Event) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.article_id for m in event.mentions))


def _combine(events: list[Event]) -> Event:
    """One event from the events of a statement (in order): every mention, every source once, the first
    event's fields otherwise. A later source may report as done what an earlier one announced: "past" wins
    over "planned"."""
    first = events[0]
    if len(events) == 1:
        return first
    mentions = tuple(mention for event in events for mention in event.mentions)
    sources = tuple(dict.fromkeys(source for event in events for source in event.sources))
    status = "past" if any(event.status == "past" for event in events) else first.status
    return first.model_copy(update={"mentions": mentions, "sources": sources, "status": status})


def _strongest(bases: Iterable[Basis | None]) -> Basis | None:
    """The basis that can be trusted most, the first of equals."""
    return max(bases, key=BASIS_STRENGTH.__getitem__)


class _Reading:
    """One date a statement is told with, and by which articles (a DateReading while the merge runs). Its
    `stamp` is when its rank last rose: of equally ranked readings, the one that got there first leads."""

    __slots__ = ("articles", "basis", "date", "stamp")

    def __init__(self, date: DateValue, articles: tuple[str, ...], basis: Basis | None, stamp: int) -> None:
        self.date = date
        self.articles = list(articles)
        self.basis = basis
        self.stamp = stamp

    def rank(self) -> tuple[int, int, int, int]:
        return (BASIS_STRENGTH[self.basis], len(self.articles), _GRANULARITY_RANK[self.date.granularity],
                -self.stamp)

    def record(self) -> DateReading:
        return DateReading(date=self.date, article_ids=tuple(self.articles), basis=self.basis)


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


def _parts(size: int) -> int:
    """Into how many parts a wording of `size` words is cut for the statement index. Two wordings of n and m
    words with Jaccard >= 4/5 share o >= 4(n + m)/9 words, so they differ in at most (n + m)/9 words; and
    n <= 5m/4. With two more parts than the most differences possible, two parts are identical in both."""
    return (size + size * 5 // 4) // 9 + 2


# Independent ways to cut a wording into parts (seeds of the word hash). A wording similar enough shares two
# whole parts with the probe under every one of them, so a candidate must do so under each.
_CUTS = (0, 0x9E3779B9)


def _part_keys(hashed: list[int], parts: int) -> list[tuple[int, int, int]]:
    """The words (as their 64-bit hashes under one cut) split into `parts` parts by that hash (the same split
    for every wording), each part summed up as the sum of its words' hashes (equal parts, equal sums), and
    keyed by pairs of parts: a pair holds most of a short wording's words, so few wordings share one by
    chance."""
    sums = [0] * parts
    for value in hashed:
        sums[value % parts] += value
    # The first part's number too: an empty part sums to 0 wherever it is.
    return [(first * parts + second, sums[first], sums[second])
            for first in range(parts) for second in range(first + 1, parts)]


class _Postings:
    """Positions by 64-bit key, in flat arrays rather than a dict of lists (no object per key or position): an
    open-addressed table of keys, at most two thirds full, each slot holding its key's latest posting; and the
    postings, each a position and the posting before it under the same key. The statement index of a
    100k-article archive holds millions of positions."""

    __slots__ = ("_count", "_heads", "_keys", "_positions", "_previous")

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._keys = array("Q", bytes(8 * capacity))  # 0 marks an empty slot
        self._heads = array("i", bytes(4 * capacity))
        self._positions = array("I")
        self._previous = array("i")  # -1 ends a key's postings
        self._count = 0

    @staticmethod
    def key(value: int) -> int:
        """A hash as a table key: 64 bits, never 0."""
        return value & 0xFFFFFFFFFFFFFFFF or 1

    def _slot(self, key: int) -> int:
        """Where `key` is in the table, or the empty slot where it would go."""
        keys, mask = self._keys, len(self._keys) - 1
        slot = key & mask
        while (held := keys[slot]) and held != key:
            slot = (slot + 1) & mask
        return slot

    def add(self, key: int, position: int) -> None:
        slot = self._slot(key)
        if self._keys[slot]:
            self._previous.append(self._heads[slot])
        else:
            if 3 * (self._count + 1) > 2 * len(self._keys):
                self._grow()
                slot = self._slot(key)
            self._keys[slot] = key
            self._count += 1
            self._previous.append(-1)
        self._heads[slot] = len(self._positions)
        self._positions.append(position)

    def _grow(self) -> None:
        keys, heads = self._keys, self._heads
        self._keys = array("Q", bytes(16 * len(keys)))
        self._heads = array("i", bytes(8 * len(keys)))
        for key, head in zip(keys, heads, strict=True):
            if key:
                slot = self._slot(key)
                self._keys[slot], self._heads[slot] = key, head

    def collect(self, key: int, into: set[int]) -> None:
        """Add the positions under `key` to `into`."""
        slot = self._slot(key)
        if not self._keys[slot]:
            return
        posting = self._heads[slot]
        while posting >= 0:
            into.add(self._positions[posting])
            posting = self._previous[posting]


class _StatementIndex:
    """Earlier statements by identical pairs of parts: a wording of m words is filed under the pairs of its
    _parts(m) parts, and a probe of n words looks up its own words cut the same way, for every part count
    of a size m it could match (4n/5 <= m <= 5n/4). Any wording similar enough shares a whole pair with the
    probe (pigeonhole), under each of the _CUTS, so the candidates are all that can match, found without
    counting postings of common words."""

    def __init__(self) -> None:
        # Keyed by the hash of (cut, parts, the pair's sums): a collision only adds a candidate, which is checked.
        self._postings = _Postings()
        self._hashes: dict[tuple[str, int], int] = {}

    def _hashed(self, words: tuple[str, ...], cut: int) -> list[int]:
        hashed = []
        for word in words:
            value = self._hashes.get((word, cut))
            if value is None:
                data = word.encode("utf-8")
                value = self._hashes[word, cut] = zlib.crc32(data, cut) << 32 | zlib.crc32(data, ~cut & 0xFFFFFFFF)
            hashed.append(value)
        return hashed

    def add(self, words: tuple[str, ...], position: int) -> None:
        parts = _parts(len(words))
        for cut in _CUTS:
            for chosen in _part_keys(self._hashed(words, cut), parts):
                self._postings.add(_Postings.key(hash((cut, parts, *chosen))), position)

    def candidates(self, words: tuple[str, ...]) -> list[int]:
        size = len(words)
        counts = sorted({_parts(other) for other in range(-(-4 * size // 5), size * 5 // 4 + 1)})
        found: set[int] | None = None
        for cut in _CUTS:
            hashed = self._hashed(words, cut)
            under_cut: set[int] = set()
            for parts in counts:
                for chosen in _part_keys(hashed, parts):
                    self._postings.collect(_Postings.key(hash((cut, parts, *chosen))), under_cut)
            found = under_cut if found is None else found & under_cut
            if not found:
                return []
        return sorted(found or ())


def pack(event: Event) -> bytes:
    """An event held compactly: its compact JSON, a fifth of the object's size. (Compressing would halve the
    temporary file but cost more CPU time than the rest of reading it back.)"""
    return event.model_dump_json().encode("utf-8")


def unpack(data: bytes) -> Event:
    return Event.model_validate_json(data)


class _Spill:
    """Packed events in an anonymous temporary file (removed by the system as soon as it is opened, so nothing
    is left behind however the run ends); memory keeps one number per event: where it is (its offset above
    the low 32 bits, its length in them)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the events it holds
        self._end = 0

    def put(self, event: Event) -> int:
        data = pack(event)
        os.pwrite(self._file.fileno(), data, self._end)
        where = self._end << 32 | len(data)
        self._end += len(data)
        return where

    def read(self, where: int) -> bytes:
        return os.pread(self._file.fileno(), where & 0xFFFFFFFF, where >> 32)

    def get(self, where: int) -> Event:
        return unpack(self.read(where))


class _Places:
    """Where a run of spilled events are, in order, held as machine integers: offsets (the spill of a large
    archive passes 2 GB, beyond a signed 32-bit offset in a 64-bit place) and lengths apart."""

    def __init__(self) -> None:
        self._offsets = array("Q")
        self._lengths = array("I")

    def append(self, where: int) -> None:
        self._offsets.append(where >> 32)
        self._lengths.append(where & 0xFFFFFFFF)

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, number: int) -> int:
        return self._offsets[number] << 32 | self._lengths[number]

    def __iter__(self) -> Iterator[int]:
        return (offset << 32 | length for offset, length in zip(self._offsets, self._lengths, strict=True))


def _post(index: dict[_K, int | list[int]], key: _K, position: int) -> None:
    """Add a position to an index whose keys mostly have one: held as is, a list only from the second."""
    held = index.get(key)
    if held is None:
        index[key] = position
    elif isinstance(held, int):
        index[key] = [held, position]
    else:
        held.append(position)


def _postings(index: dict[_K, int | list[int]], key: _K) -> Iterable[int]:
    held = index.get(key, ())
    return (held,) if isinstance(held, int) else held


class _Told:
    """A statement told with several dates: its readings, the one chosen, and whose description it has."""

    __slots__ = ("chosen", "described_by", "readings")

    def __init__(self, first: _Reading, described_by: int) -> None:
        self.readings: dict[DateValue, _Reading] = {first.date: first}
        self.chosen = first
        self.described_by = described_by

    def conflict(self) -> DateConflict:
        ranked = [reading.record() for reading in sorted(self.readings.values(), key=_Reading.rank, reverse=True)]
        return DateConflict(readings=tuple(ranked), reason=_reason(ranked[0], ranked[1:]))


class _Entry:
    """One event of the merge, held spilled: where its events are (they are combined only when the event is
    needed) and what the comparisons read. An entry starts as one event as extracted (no conflict)."""

    __slots__ = (
        "_places", "anchored_by", "articles", "basis", "date", "deictic", "lead", "signature", "told", "wording",
    )

    def __init__(self, event: Event, where: int, date: DateValue) -> None:
        # Where its events are: most entries have one, held as a number (a list costs 64 bytes more).
        self._places: int | list[int] = where
        self.wording = _Wording.of(event)
        self.articles = _articles_of(event)
        self.basis = _strongest(mention.publication_basis for mention in event.mentions)
        self.date = date
        self.anchored_by = event.anchored_by
        self.told: _Told | None = None
        self.signature = Signature.of(event)
        # Told relative to its article's now ("today", "on Tuesday"): the same words on another day are
        # another event, not a disagreement.
        self.deictic = any(_is_deictic(mention.underspecified) for mention in event.mentions)
        # Where the event whose date and description lead is, when coreference brought a finer date.
        self.lead: int | None = None

    @property
    def parts(self) -> list[int]:
        """Where its events are, in the order they were taken in."""
        return [self._places] if isinstance(self._places, int) else self._places

    def absorb(self, other: _Entry) -> None:
        """Take in the events of `other` (no article in common): the same statement on the same date."""
        if isinstance(self._places, int):
            self._places = [self._places]
        self._places.extend(other.parts)
        self.articles += other.articles
        self.basis = _strongest((self.basis, other.basis))

    def disagree(self, other: _Entry, stamp: int) -> bool:
        """Take in `other` (a first-pass entry, no article in common), the same statement told with another
        date; the best-sourced date leads (see _Reading). True when that brings other's description."""
        told = self.told
        if told is None:
            told = self.told = _Told(_Reading(self.date, self.articles, self.basis, 0), self.parts[0])
        reading = told.readings.get(other.date)
        if reading is None:
            reading = told.readings[other.date] = _Reading(other.date, other.articles, other.basis, stamp)
        else:
            reading.articles.extend(other.articles)
            reading.basis = _strongest((reading.basis, other.basis))
            reading.stamp = stamp
        self.absorb(other)
        if reading is told.chosen or reading.rank() < told.chosen.rank():
            return False
        told.chosen, told.described_by = reading, other.parts[0]
        self.date, self.wording = reading.date, other.wording
        return True

    def corefer(self, other: _Entry, mine: Signature, theirs: Signature) -> tuple[str, ...]:
        """Take in `other` (no article in common), the same event told in other words. The most precise date
        leads (the readings overlap, so it is the one they agree on), a date of its own before one placed by the
        narrative or publication, never a qualified one ("less than two weeks ago", "early June"). Returns the
        names `other` brought."""
        self.absorb(other)
        if other.date.mod is None and _lead_rank(other) > _lead_rank(self):
            self.lead, self.date, self.anchored_by = other.parts[0], other.date, other.anchored_by
        added = tuple(word for word in theirs.names if word not in mine.names)
        # Later tellings must fit every reading so far: a year does not chain a June and an October event.
        self.signature = replace(
            mine, names=tuple(sorted((*mine.names, *added))),
            start=max(mine.start, theirs.start), end=min(mine.end, theirs.end),
        )
        return added

    def event(self, spill: _Spill) -> Event:
        combined = _combine([spill.get(part) for part in self.parts])
        if self.told is None:
            if self.lead is None:
                return combined
            leader = spill.get(self.lead)
            return combined.model_copy(
                update={"date": leader.date, "description": leader.description, "anchored_by": leader.anchored_by}
            )
        description = spill.get(self.told.described_by).description
        return combined.model_copy(
            update={"date": self.told.chosen.date, "conflict": self.told.conflict(), "description": description}
        )


def _merge_entries(entries: Iterable[_Entry], spill: _Spill) -> list[_Entry]:
    """Second pass: the same statement from different articles under different dates becomes one event: the
    first earlier event (in pass order) that can reach STATEMENT_SIMILARITY and matches wins."""
    merged: list[_Entry] = []
    index = _StatementIndex()
    for stamp, entry in enumerate(entries, start=1):
        wording = entry.wording
        if entry.anchored_by != "expression" or len(wording.words) < STATEMENT_MIN_WORDS:
            merged.append(entry)
            continue
        words, size, articles = frozenset(wording.words), len(wording.words), frozenset(entry.articles)
        for position in index.candidates(wording.words):
            kept = merged[position]
            # The cheap test first: most candidates share a part but not enough words.
            shared = len(words.intersection(kept.wording.words))
            if (_similar_counts(shared, size, len(kept.wording.words), STATEMENT_SIMILARITY)
                    and kept.date != entry.date and articles.isdisjoint(kept.articles)
                    and not (entry.deictic or kept.deictic) and not wording.contradicts(kept.wording)):
                if kept.disagree(entry, stamp):
                    # The chosen date brought the other description: file it under that wording too.
                    index.add(kept.wording.words, position)
                break
        else:
            index.add(wording.words, len(merged))
            merged.append(entry)
    return merged


def _corefer_entries(entries: Iterable[_Entry]) -> list[_Entry]:
    """Third pass: differently worded tellings of one event from different articles become one event
    (chronology.coreference): the first earlier event, in pass order, with the same action, a compatible date
    and enough rare names in common. Candidates come from an index by (action, informative name, month) and
    (action, day), so an event is compared only with those that share one."""
    entries = list(entries)
    weights = Weights(entry.signature for entry in entries if entry.signature is not None)
    merged: list[_Entry] = []
    index: dict[tuple[str, str, int], list[int]] = {}
    for entry in entries:
        signature = entry.signature
        if signature is None or entry.told is not None:
            merged.append(entry)
            continue
        months = _months(signature)
        action = signature.action
        keys = [(action, word, month) for word in signature.names if weights.informative(word) for month in months]
        if signature.names and entry.date.granularity in _DAY_LEVEL:
            # Same-day tellings may share only a common name: they are found by their day.
            keys.append((action, "@" + entry.date.start.isoformat(), 0))
        articles = frozenset(entry.articles)
        for position in sorted({position for key in keys for position in index.get(key, ())}):
            kept = merged[position]
            held = kept.signature
            assert held is not None  # only entries with a signature are indexed
            if (
                articles.isdisjoint(kept.articles)
                and compatible(held, signature)
                and not entry.wording.contradicts(kept.wording)
                and weights.enough(held, signature, _same_day(kept, entry))
            ):
                kept_months = _months(held)
                for word in kept.corefer(entry, held, signature):
                    if weights.informative(word):
                        for month in kept_months:
                            index.setdefault((action, word, month), []).append(position)
                break
        else:
            for key in keys:
                index.setdefault(key, []).append(len(merged))
            merged.append(entry)
    return merged


def _merge_disagreements(events: list[Event]) -> list[Event]:
    """The second pass on plain events (see _merge_entries)."""
    spill = _Spill()
    entries = [_Entry(event, spill.put(event), event.date) for event in events]
    return [entry.event(spill) for entry in _merge_entries(entries, spill)]


# The most months of its interval an event is filed under in the coreference index.
_MAX_MONTHS = 24


def _months(signature: Signature) -> range:
    """The months the signature's interval touches, as year * 12 + month: the buckets of the coreference index
    (overlapping intervals share one). A longer interval is filed under its first year: "since 2004" meets "in
    2004", and "the 1990s" is not compared month by month with a decade of events."""
    first = signature.start.year * 12 + signature.start.month
    last = signature.end.year * 12 + signature.end.month
    return range(first, last + 1) if last - first < _MAX_MONTHS else range(first, first + 12)


def _lead_rank(entry: _Entry) -> tuple[int, bool]:
    """Which of the dates of one event leads: the more precise, then one given by an expression of its own."""
    return _GRANULARITY_RANK[entry.date.granularity], entry.anchored_by == "expression"


_DAY_LEVEL = frozenset({"day", "part_of_day", "time"})


def _same_day(first: _Entry, second: _Entry) -> bool:
    """Both dated to one day, at least one of them by an expression of its own."""
    return (
        "expression" in (first.anchored_by, second.anchored_by) and first.date.start == second.date.start
        and first.date.granularity in _DAY_LEVEL and second.date.granularity in _DAY_LEVEL
    )


def _is_deictic(underspecified: str) -> bool:
    """Whether a value was told relative to the article's now: "today" (UNDEF-this-day), "on Tuesday"."""
    return underspecified.startswith("UNDEF") or "WXX" in underspecified


def _first_appearance(event: Event) -> tuple[str, int]:
    mention = event.mentions[0]
    return mention.source, mention.span[0]


def sort_key(event: Event) -> tuple[str, int, str, int, str]:
    source, offset = _first_appearance(event)
    return (event.date.start.isoformat(), _GRANULARITY_RANK[event.date.granularity], source, offset, event.id)


class _Tally:
    """How many of a probe's words each kept wording of a bucket has, counted for all of them at once in bit
    planes: plane j holds bit j of every count (wording i at bit i), so adding the wordings that have one word
    is a few big-integer operations, however many there are."""

    __slots__ = ("planes",)

    def __init__(self) -> None:
        self.planes: list[int] = []

    def add(self, having: int) -> None:
        carry = having
        for level, plane in enumerate(self.planes):
            if not carry:
                return
            self.planes[level] = plane ^ carry
            carry &= plane
        if carry:
            self.planes.append(carry)

    def at_least(self, count: int, among: int) -> int:
        """Those of `among` (bits) counted `count` or more times: compared bit by bit from the top."""
        if count >> len(self.planes):
            return 0
        above, equal = 0, among
        for level in reversed(range(len(self.planes))):
            plane = self.planes[level]
            if count >> level & 1:
                equal &= plane
            else:
                above |= equal & plane
                equal &= ~plane
        return above | equal


# A word's positions in a bucket are held as bits once they are at least this dense (as bits they then cost
# less than a list); rarer words keep a list, turned into bits when a probe needs them.
_DENSITY = 128


class _Bucket:
    """The events kept for one date. A new event is compared with all kept ones at once: each kept wording's
    count of shared words is tallied in bit planes (_Tally) from the positions of the event's words, and the
    exact test on counts (_least_shared) picks the fits, the first of which wins -- the first fit of a full
    scan, with no work per kept event. Kept descriptions never change in this pass, nor their index entries."""

    def __init__(self) -> None:
        self.kept: list[_Entry] = []
        self._sparse: dict[str, int | list[int]] = {}
        self._dense: dict[str, int] = {}
        self._by_size: dict[int, int] = {}
        self._by_normal: dict[str, int | list[int]] = {}

    def _having(self, word: str) -> int:
        dense = self._dense.get(word)
        if dense is not None:
            return dense
        having = 0
        for position in _postings(self._sparse, word):
            having |= 1 << position
        return having

    def _post_word(self, word: str, position: int) -> None:
        dense = self._dense.get(word)
        if dense is not None:
            self._dense[word] = dense | 1 << position
            return
        _post(self._sparse, word, position)
        held = self._sparse[word]
        if (1 if isinstance(held, int) else len(held)) * _DENSITY > position:
            self._dense[word] = self._having(word)
            del self._sparse[word]

    def _fits(self, wording: _Wording) -> int:
        """The kept events (as bits) that the event of `wording` can join, articles aside."""
        if not wording.words:
            return sum(1 << position for position in _postings(self._by_normal, wording.normal or ""))
        tally = _Tally()
        for word in wording.words:
            tally.add(self._having(word))
        size = len(wording.words)
        by_least: dict[int, int] = {}
        for other, having_size in self._by_size.items():
            least = _least_shared(size, other)
            if least is not None:
                by_least[least] = by_least.get(least, 0) | having_size
        fits = 0
        for least, among in by_least.items():
            fits |= tally.at_least(least, among)
        return fits

    def add(self, entry: _Entry) -> None:
        wording, articles = entry.wording, frozenset(entry.articles)
        fits = self._fits(wording)
        while fits:
            lowest = fits & -fits
            kept = self.kept[lowest.bit_length() - 1]
            if articles.isdisjoint(kept.articles) and not wording.contradicts(kept.wording):
                kept.absorb(entry)
                return
            fits ^= lowest
        position = len(self.kept)
        for word in wording.words:
            self._post_word(word, position)
        if wording.words:
            self._by_size[len(wording.words)] = self._by_size.get(len(wording.words), 0) | 1 << position
        if wording.normal is not None:
            _post(self._by_normal, wording.normal, position)
        self.kept.append(entry)


class PackedEvents:
    """The merged events in chronology order, held spilled and read back one at a time, so a large timeline is
    written without ever holding every event as objects."""

    def __init__(self, spill: _Spill, where: _Places, orders: dict[Callable[[Event], Any], array[int]]) -> None:
        self._spill = spill
        self._where = where
        self._orders = orders

    def __len__(self) -> int:
        return len(self._where)

    def __iter__(self) -> Iterator[Event]:
        return (self._spill.get(where) for where in self._where)

    def texts(self) -> Iterator[str]:
        """Each event's compact JSON (Event.model_dump_json) as held, without making the object."""
        return (self._spill.read(where).decode("utf-8") for where in self._where)

    def ordered(self, key: Callable[[Event], Any]) -> Iterator[Event]:
        """The events sorted by `key` (stable): in the order found when they were packed if `key` was one of the
        result's `orders`, else sorted now with only the keys held at once."""
        order = self._orders.get(key)
        if order is None:
            order = _sorting([key(event) for event in self])
        return (self._spill.get(self._where[number]) for number in order)


def _sorting(keys: list[Any]) -> array[int]:
    """The positions of `keys` in sorted order (stable)."""
    return array("q", sorted(range(len(keys)), key=keys.__getitem__))


class Packer:
    """Events packed one at a time, in the order given (into `spill`, or a spill of their own), and also put
    in each of `orders` (sort keys) as they come, so that PackedEvents.ordered need not read them all again."""

    def __init__(self, orders: Iterable[Callable[[Event], Any]] = (), spill: _Spill | None = None) -> None:
        self._spill = spill or _Spill()
        self._where = _Places()
        self._keys: dict[Callable[[Event], Any], list[Any]] = {order: [] for order in orders}

    def add(self, event: Event) -> None:
        self.add_held(self._spill.put(event), tuple(order(event) for order in self._keys))

    def add_held(self, where: int, keys: tuple[Any, ...]) -> None:
        """Add an event already packed in this packer's spill at `where`, given its key under each of the
        packer's orders (in their order)."""
        self._where.append(where)
        for held, key in zip(self._keys.values(), keys, strict=True):
            held.append(key)

    def result(self) -> PackedEvents:
        found = {order: _sorting(keys) for order, keys in self._keys.items()}
        self._keys.clear()
        return PackedEvents(self._spill, self._where, found)


class Merger:
    """merge_events, one event at a time: add the events in input order, then take the result. Events are
    spilled to a temporary file as they come; memory keeps what the comparisons read."""

    def __init__(self) -> None:
        self._by_date: dict[tuple[str, str | None], _Bucket] = {}
        # One DateValue object per distinct date, shared by every event that has it.
        self._dates: dict[DateValue, DateValue] = {}
        self._spill = _Spill()

    def add(self, event: Event) -> None:
        date = self._dates.setdefault(event.date, event.date)
        entry = _Entry(event, self._spill.put(event), date)
        self._by_date.setdefault((event.date.value, event.date.mod), _Bucket()).add(entry)

    def result(
        self, orders: Iterable[Callable[[Event], Any]] = (), finish: Callable[[Event], Event] | None = None
    ) -> tuple[PackedEvents, Counter[str]]:
        """The merged events in chronology order (sort_key), with stable ids; and how many events each article
        has a mention in. The events are also put in each of `orders` (sort keys) as they are written, so that
        PackedEvents.ordered need not read them all to sort them. `finish`, when given, completes each merged
        event (its id aside, which is set after it) as it is read here, so the caller need not read every event
        back and pack it anew; it must leave what the order and the id read (date, description, mentions)."""
        entries = [entry for bucket in self._by_date.values() for entry in bucket.kept]
        self._by_date.clear()  # the first pass's indexes are done with
        merged = _corefer_entries(_merge_entries(entries, self._spill))
        entries.clear()
        orders = tuple(orders)
        packer = Packer(orders, self._spill)
        keyed: list[tuple[tuple[str, int, str, int, str], int, int, str, tuple[Any, ...] | None]] = []
        per_article: Counter[str] = Counter()
        for number, entry in enumerate(merged):
            event = entry.event(self._spill)
            if finish is not None:
                event = finish(event)
            unchanged = finish is None and len(entry.parts) == 1 and entry.told is None
            where = entry.parts[0] if unchanged else self._spill.put(event)
            key = sort_key(event)
            # Sources and days recur across events: one string each.
            key = (sys.intern(key[0]), key[1], sys.intern(key[2]), key[3], key[4])
            base = event_id(event.date, event.description)
            # An event whose id is already its base needs no rewriting if that id is the first of its kind, the
            # usual case: only its order keys are kept, found now while it is an object.
            held = tuple(order(event) for order in orders) if event.id == base else None
            keyed.append((key, number, where, base, held))
            per_article.update(entry.articles)
        merged.clear()
        keyed.sort(key=lambda item: (item[0], item[1]))
        # An event whose id changes is written once more, with its final id, so that reading it back is all the
        # outputs do.
        seen: dict[str, int] = {}
        for _, _, where, base, held in keyed:
            seen[base] = seen.get(base, 0) + 1
            if seen[base] == 1 and held is not None:
                packer.add_held(where, held)
            else:
                identifier = base if seen[base] == 1 else f"{base}-{seen[base]}"
                packer.add(self._spill.get(where).model_copy(update={"id": identifier}))
        keyed.clear()
        return packer.result(), per_article


def merge_events(events: Iterable[Event]) -> list[Event]:
    """Merge events in input order (deterministic for a deterministic input order) and sort them."""
    merger = Merger()
    for event in events:
        merger.add(event)
    return list(merger.result()[0])
