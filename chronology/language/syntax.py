"""One sentence read for its grammar: tokens, part-of-speech tags, lemmas and a dependency tree, and the
questions the later stages ask of it: which event a time expression modifies, and in which tense.

A time expression modifies the predicate it hangs from in the tree ("Officials said on Monday that schools would
reopen on Friday": Monday -> said, Friday -> reopen); its tense is that predicate's verb group, and an infinitive
takes the time of the verb it completes ("is planned to be announced on Monday" is ahead because planning is told
in the present).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from chronology.language import mentions, parser, pos
from chronology.language.mentions import find_mentions
from chronology.language.perceptron import Model
from chronology.language.tokens import Token, tokenize
from chronology.language.verbs import VerbGroup, read
from chronology.lexicon import (
    BASELINE_GAP,
    BASELINE_MARKERS,
    BASELINE_REACH,
    PLANNING_VERBS,
    RECORD_REACH,
    RECORD_WORDS,
    SEQUENCE_MARKERS,
    SETTING_PREPOSITIONS,
)

Direction = Literal["past", "future"]

_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
# Relations by which a predicate heads a clause of its own: the chain of clauses a time expression climbs.
_CLAUSE_RELATIONS = frozenset({"root", "ccomp", "xcomp", "advcl", "conj", "parataxis", "acl", "csubj"})
# Relations by which an event modifies a noun and is told at a time of its own, not its clause's ("the recently
# announced iPhone", "the agreement reached in 1991", "the company, which was founded in ...").
_OWN_TIME_RELATIONS = frozenset({"amod", "acl", "acl:relcl"})
# A preposition or conjunction stands at most this many words before the word it marks ("after its much
# delayed launch", "since he first took office").
_MARKER_REACH = 10
# Relations by which an event is an argument or the purpose of its predicate, which happens when it does ("The
# attack on Tuesday killed five": the killing is dated too).
_ARGUMENT_RELATIONS = frozenset({"nsubj", "nsubj:pass", "obj", "xcomp", "advcl"})
# A sentence longer than this is read by cue words only: the parser is greedy and linear, but such "sentences"
# are lists or tables, not prose.
MAX_TOKENS = 150


def _token_start(token: Token) -> int:
    return token.start


def _token_end(token: Token) -> int:
    return token.end


@dataclass(frozen=True, slots=True)
class Tagged:
    """A sentence's tokens and part-of-speech tags: what the event finder and the verb groups need."""

    tokens: tuple[Token, ...]
    tags: tuple[str, ...]
    # The verb groups read so far, by token index: the events' stages ask for the same few many times over.
    _groups: dict[int, VerbGroup] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def words(self) -> list[str]:
        return [token.text for token in self.tokens]

    def lemma(self, index: int) -> str:
        return pos.lemma(self.tokens[index].text, self.tags[index])

    def first_token(self, start: int) -> int | None:
        """The index of the first token ending after `start`."""
        index = bisect_right(self.tokens, start, key=_token_end)
        return index if index < len(self.tokens) else None

    def nearest_event(self, start: int, end: int, events: frozenset[int]) -> int | None:
        """The event (`events`: token indices) nearest to the span [start, end)."""
        tokens = self.tokens
        return min(
            events, key=lambda i: (min(abs(tokens[i].start - end), abs(start - tokens[i].end)), i), default=None
        )

    def is_baseline(self, start: int, end: int) -> bool:
        """Whether the span [start, end) is a comparison's baseline ("compared with April 2019", "than a year
        earlier", "its lowest level since 2009") rather than the time of an event: a marker just before it."""
        first = self.first_token(start)
        if first is None:
            return False
        position = first - 1
        while position >= 0 and first - position <= BASELINE_REACH:
            word = self.tokens[position].text.lower()
            if word in BASELINE_MARKERS:
                return True
            if word == "since":
                return position == first - 1 and self._record_before(position)
            if word not in BASELINE_GAP:
                return False
            position -= 1
        return False

    def _record_before(self, index: int) -> bool:
        """Whether a superlative or a first stands within RECORD_REACH words before words[index]."""
        for position in range(max(0, index - RECORD_REACH), index):
            if self.tags[position] in ("JJS", "RBS") or self.tokens[position].text.lower() in RECORD_WORDS:
                return True
        return False

    def group(self, index: int) -> VerbGroup:
        found = self._groups.get(index)
        if found is None:
            found = self._groups[index] = read(self.words, self.tags, index)
        return found


@dataclass(frozen=True, slots=True)
class Sentence(Tagged):
    """A tagged sentence with its dependency tree: which event a date modifies, and in which tense."""

    heads: tuple[int, ...]  # per token: its head's index, -1 for the root
    relations: tuple[str, ...]

    def span_head(self, start: int, end: int) -> int | None:
        """The token of the character span [start, end) whose head lies outside it (the span's syntactic head)."""
        first = self.first_token(start)
        inside = [] if first is None else list(range(first, bisect_left(self.tokens, end, key=_token_start)))
        for index in inside:
            if not (start <= self.tokens[self.heads[index]].start < end) or self.heads[index] < 0:
                return index
        return inside[0] if inside else None

    def governor(self, start: int, end: int) -> int | None:
        """The predicate the span [start, end) modifies: the nearest verb, or clause head, above it."""
        index = self.span_head(start, end)
        if index is None:
            return None
        seen = {index}
        index = self.heads[index]
        while index >= 0 and index not in seen:
            if self.tags[index] in _VERB_TAGS or self.relations[index] in _CLAUSE_RELATIONS:
                return index
            seen.add(index)
            index = self.heads[index]
        return None

    def trigger(self, start: int, end: int, events: frozenset[int]) -> int | None:
        """The event the span [start, end) dates (`events`: indices the event model marked): the first event above
        it in the tree, within its governing predicate's clause; else the event nearest to it in the sentence.
        Scored on TimeBank and AQUAINT's event-time links (`chronology evaluate --events`), the nearest event as
        a fallback beats both the tree alone and the nearest event alone."""
        index = self.span_head(start, end)
        seen: set[int] = set()
        while index is not None and index >= 0 and index not in seen:
            seen.add(index)
            index = self.heads[index]
            if index in events:
                return index
            if index >= 0 and (self.tags[index] in _VERB_TAGS or self.relations[index] in _CLAUSE_RELATIONS):
                break
        return self.nearest_event(start, end, events)

    def own_time(self, index: int) -> bool:
        """Whether the event at `index` is told at a time of its own rather than its clause's: in the future or
        with a modal ("said on Monday that schools would reopen"), or as a modifier of a noun."""
        group = self.group(index)
        return group.tense == "FUTURE" or group.modality is not None or self.relations[index] in _OWN_TIME_RELATIONS

    def sequenced(self, index: int) -> bool:
        """Whether the event at `index` is put before or after the one it hangs from ("Five years after its
        launch, the store passed Wal-Mart", "before departing for Washington"): it happens at a time of its own."""
        return not SEQUENCE_MARKERS.isdisjoint(self._markers(index, ("case", "mark")))

    def _markers(self, index: int, relations: tuple[str, ...]) -> set[str]:
        """The words (lower case) of the prepositions or conjunctions that mark the token at `index`: its children
        by one of `relations`, standing shortly before it."""
        return {
            self.tokens[child].text.lower()
            for child in range(max(0, index - _MARKER_REACH), index)
            if self.heads[child] == index and self.relations[child] in relations
        }

    def _dated_above(self, index: int, dated: Collection[int], events: Collection[int]) -> int | None:
        """The first event of `dated` above `index` in the tree, unless the way up passes an event told at a time
        of its own."""
        seen = {index}
        while (index := self.heads[index]) >= 0 and index not in seen:
            if index in dated:
                return index
            if self.own_time(index) or (index in events and self.sequenced(index)):
                return None
            seen.add(index)
        return None

    def date_holders(
        self, events: Iterable[int], dated: Collection[int], own_clock: Collection[int] = ()
    ) -> dict[int, int]:
        """Which of the `dated` events (token indices) each other event of `events` takes its date from: the
        dated event it depends on ("Apple said on Tuesday it sold a million phones": selling takes Tuesday), or
        a dated event that is its subject, object or purpose ("The attack on Tuesday killed five", "used the
        airspace to launch attacks in October"), unless it is one of `own_clock` (reports and intentions: "plans
        to launch in October" plans now); or a dated event noun that is its setting, reports included ("In a July
        16 press conference, Jobs said"). Events told at a time of their own (`own_time`, `sequenced`) and those
        the tree links to no dated event take none."""
        arguments = {self.heads[index]: index for index in dated if self.relations[index] in _ARGUMENT_RELATIONS}
        settings = {self.heads[index]: index for index in dated if self._is_setting(index)}
        holders: dict[int, int] = {}
        events = list(events)
        candidates = frozenset(events)
        for index in events:
            if index in dated or self.own_time(index) or self.sequenced(index):
                continue
            holder = self._dated_above(index, dated, candidates)
            if holder is None and index not in own_clock:
                holder = arguments.get(index)
            if holder is None:
                holder = settings.get(index)
            if holder is not None:
                holders[index] = holder
        return holders

    def _is_setting(self, index: int) -> bool:
        """Whether the event noun at `index` is where its predicate happens: "In a July 16 press conference,
        Jobs said ...", "during the talks", not "after the assassination"."""
        return (
            self.relations[index] == "obl"
            and self.tags[index].startswith("NN")
            and not SETTING_PREPOSITIONS.isdisjoint(self._markers(index, ("case",)))
        )

    def depth(self, index: int) -> int:
        """How many arcs lie between the token and the root."""
        steps, seen = 0, {index}
        while (index := self.heads[index]) >= 0 and index not in seen:
            seen.add(index)
            steps += 1
        return steps

    def direction(self, start: int, end: int) -> Direction | None:
        """Past or future for the time expression at [start, end), from the tense of the event it modifies; None
        where the grammar does not decide (a present tense, a modal, no predicate)."""
        index = self.governor(start, end)
        seen: set[int] = set()
        while index is not None and index >= 0 and index not in seen:
            seen.add(index)
            group = self.group(index)
            if group.tense == "FUTURE":
                return "future"
            if group.modality is not None:
                # "would" is the future of a past report ("said that schools would reopen on Friday").
                return "future" if group.modality == "would" else None
            if group.tense == "PAST" or (group.tense == "PRESENT" and group.aspect == "PERFECTIVE"):
                return "past"
            if group.tense == "INFINITIVE" and self.relations[index] == "xcomp":
                head = self.heads[index]
                if head >= 0 and self.lemma(head) in PLANNING_VERBS:
                    outer = self.group(head)
                    if outer.tense in ("PRESENT", "FUTURE") and outer.aspect != "PERFECTIVE":
                        return "future"
                    if outer.tense == "PAST":
                        return None
                index = head
                continue
            return None
        return None


# Sentences read, by their words: a sentence told again (a wire copy, a repeated line, a second edition) is
# tagged and parsed once. Each entry is a few kilobytes.
SENTENCE_CACHE = 8192


@lru_cache(maxsize=SENTENCE_CACHE)
def _tags(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(pos.tag(words))


@lru_cache(maxsize=SENTENCE_CACHE)
def _arcs(words: tuple[str, ...], tags: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[str, ...]]:
    arcs = parser.parse(words, tags)
    return tuple(head for head, _ in arcs), tuple(relation for _, relation in arcs)


@lru_cache(maxsize=4096)
def tag_sentence(text: str, start: int, end: int) -> Tagged | None:
    """The sentence text[start:end], tokenized and tagged; None when it is too long to be prose, or empty."""
    tokens = tokenize(text, start, end)
    if not tokens or len(tokens) > MAX_TOKENS:
        return None
    return Tagged(tuple(tokens), _tags(tuple(token.text for token in tokens)))


@lru_cache(maxsize=4096)
def analyse(text: str, start: int, end: int) -> Sentence | None:
    """The sentence text[start:end], tagged and parsed (parsing is most of the cost: only where the tense of a
    date's event is asked); None when it is too long to be prose, or empty."""
    tagged = tag_sentence(text, start, end)
    if tagged is None:
        return None
    heads, relations = _arcs(tuple(token.text for token in tagged.tokens), tagged.tags)
    return Sentence(tagged.tokens, tagged.tags, heads, relations)


def event_classes(tagged: Tagged) -> dict[int, str]:
    """The sentence's event triggers (chronology.language.mentions), by token index, with their TimeML class."""
    tokens = tagged.tokens
    touching = tuple(before.end == after.start for before, after in pairwise(tokens))
    return dict(_event_classes(tuple(token.text for token in tokens), tagged.tags, touching))


@lru_cache(maxsize=SENTENCE_CACHE)
def _event_classes(
    words: tuple[str, ...], tags: tuple[str, ...], touching: tuple[bool, ...]
) -> tuple[tuple[int, str], ...]:
    # The words laid out again with the same joins: a mention spans touching tokens ("re-elected").
    tokens: list[Token] = []
    offset = 0
    for index, word in enumerate(words):
        offset += 0 if index == 0 or touching[index - 1] else 1
        tokens.append(Token(word, offset, offset + len(word)))
        offset += len(word)
    text = "".join(word if i == 0 or touching[i - 1] else " " + word for i, word in enumerate(words))
    first = {token.start: index for index, token in enumerate(tokens)}
    return tuple(
        (first[mention.start], mention.event_class)
        for mention in find_mentions(text, tokens=tokens, tags=tags)
        if mention.start in first
    )


@contextmanager
def labelling_with(model: Model) -> Iterator[None]:
    """Within the block, events are found by `model` instead of the shipped weights (`mentions.labelling_with`),
    with no sentence's events remembered from another model."""
    _event_classes.cache_clear()
    try:
        with mentions.labelling_with(model):
            yield
    finally:
        _event_classes.cache_clear()


def clear_caches() -> None:
    """Forget every sentence read (benchmarks time reading, not remembering)."""
    for cached in (_tags, _arcs, _event_classes, tag_sentence, analyse):
        cached.cache_clear()
