"""Event coreference across sources: when two event records from different articles tell one event in different
words ("A strong quake struck the coast late Tuesday", "the earthquake that hit on Tuesday night").

Two tellings are one event when
- their triggers name the same action (chronology.language.actions: lemma, event noun back to its verb,
  synonym sets),
- their dates are compatible: the intervals overlap (a day inside its month, a clock time inside its day); a
  date placed without an expression of its own (by the narrative or the publication) stands for the
  UNDATED_REACH days up to it, since the event was told then and happened at most a little before; a
  qualified date ("about 2005", "less than two weeks ago") may be off by its own length either way,
- and they share who or where: the words of their participants, place and proper names, weighted by how
  rare each word is in the collection (inverse document frequency over the events), at least MIN_SHARED_WEIGHT:
  a word in a quarter of the events or more ("Apple" in a collection about Apple) never counts alone, unless
  both are dated to the same day, one at least by an expression (then any shared name will do). One of them at
  least must name someone or somewhere (a proper name), and when both do, the rarest proper name of one (of its
  participants, where they have one) must be the other's too ("DSM said net income jumped" and "Ogden Projects
  said net income jumped" are two companies).
  No argument may contradict the other's in the same role: "oil prices rose" and "gold prices rose" name the
  same head with other modifiers.
Reports ("said", "told") are left to the wording tests of chronology.merge: a source says many things on one day,
and the same speaker and day do not make two statements one. Light verbs (chronology.lexicon LIGHT_VERBS: "had
a loss", "took a charge") name no action of their own.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from lemminflect import getAllLemmas

from chronology.language.actions import action
from chronology.lexicon import LIGHT_VERBS, MONTHS, NAME_ALIASES, NAME_STOPWORDS, WEEKDAYS
from chronology.models import Event

UNDATED_REACH: Final = dt.timedelta(days=7)
# log((N + 1) / df) of the shared words must reach this: log 4, a word in at most a quarter of the events.
MIN_SHARED_WEIGHT: Final = math.log(4)
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")
# A capitalised word, or a brand written in camel case ("iTunes", "eBay").
_CAPITALISED = re.compile(r"\b[a-z]{0,2}[A-Z][\w'’.-]*[A-Za-z0-9]")
_NEXT_CAPITALISED = re.compile(r"\s+[A-Z]")
# Where a capital letter says nothing: after the end of a sentence or the opening of a quotation (and at the
# start of the text), read from the two characters before it.
_OPENING = re.compile(r"[.!?:“\"]\s")
_ALIASES: Final = re.compile(
    r"\b(?:" + "|".join(re.escape(alias) for alias in sorted(NAME_ALIASES, key=len, reverse=True)) + r")(?!\w)"
)


def name_words(text: str) -> list[str]:
    """The words of a name or noun phrase as they are compared: lower case, aliases made one ("the U.S." and
    "the United States" -> "us"), hyphens as spaces ("Port-Louis" = "Port Louis"), possessives cut ("Apple's"),
    articles, pronouns and the names of months and weekdays (which are dates, not who or where) out."""
    lower = _ALIASES.sub(lambda match: NAME_ALIASES[match.group()], text.lower().replace("-", " "))
    words = (word.removesuffix("'s").removesuffix("’s") for word in _WORD.findall(lower))
    return [word for word in words if word not in NAME_STOPWORDS and word not in MONTHS and word not in WEEKDAYS]


def _proper_names(sentence: str) -> list[str]:
    """The capitalised words of a sentence that name someone or something: where a sentence opens, only a word
    that is no English word or that a capitalised word follows ("Ogden Projects said", "Apple Computer was",
    not "Sales rose")."""
    return [
        match.group()
        for match in _CAPITALISED.finditer(sentence)
        if not (
            _opens(sentence, match.start())
            and _is_english_word(match.group().lower())
            and not _NEXT_CAPITALISED.match(sentence, match.end())
        )
    ]


def _opens(sentence: str, start: int) -> bool:
    return start == 0 or (start >= 2 and _OPENING.fullmatch(sentence, start - 2, start) is not None)


@lru_cache(maxsize=65536)
def _is_english_word(word: str) -> bool:
    return bool(getAllLemmas(word))


@dataclass(frozen=True, slots=True)
class Signature:
    """What coreference compares of an event: its action, the words of who and where, and the interval its date
    stands for."""

    action: str
    names: tuple[str, ...]
    start: dt.date
    end: dt.date
    # The words of the sentence's proper names ("Chile", "Steve Jobs"), a part of `names`.
    proper: tuple[str, ...] = ()
    # The words of its participants and place, a part of `names`; and of its participants alone.
    own: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    # The agent's and patient's head word and the words before it: ("agent", "prices", ("oil",)).
    arguments: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # The agent's and patient's words, each as the action it names where it names one ("quake" -> "strike").
    roles: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def key_names(self) -> tuple[str, ...]:
        """The proper names that say whom it is about: those of its participants, or, when they name none, all
        the sentence's."""
        return tuple(word for word in self.proper if word in self.actors) or self.proper

    def contradicts(self, other: Signature) -> bool:
        """Whether the two tell of different things: both have an agent, or a patient, and the two share no word
        ("GM closed down", "Oneida's shares closed"; words as the actions they name, so "the quake" is "the
        earthquake"); or an argument of one has the same role and head as one of the other's but other
        modifiers, both having some ("oil prices" and "gold prices"; not "Chile" and "central Chile")."""
        for role in ("agent", "patient"):
            mine = [words for own_role, words in self.roles if own_role == role]
            theirs = [words for own_role, words in other.roles if own_role == role]
            if mine and theirs and not any(set(one).intersection(two) for one in mine for two in theirs):
                return True
        return any(
            role == other_role and head == other_head and before and other_before
            and not set(before).intersection(other_before)
            for role, head, before in self.arguments
            for other_role, other_head, other_before in other.arguments
        )

    @classmethod
    def of(cls, event: Event) -> Signature | None:
        """The event's signature; None when it names no action to compare (no trigger, a report, a light
        verb)."""
        mention = event.mentions[0]
        trigger = mention.trigger
        named = None if trigger is None or trigger.event_class == "REPORTING" else action(trigger.text)
        if named is None or named in LIGHT_VERBS:
            return None
        named_participants = [
            (participant, [sys.intern(word) for word in name_words(participant.text)])
            for participant in mention.participants
            if not participant.pronoun
        ]
        actors = {word for _, words in named_participants for word in words}
        place = set() if mention.location is None else {sys.intern(w) for w in name_words(mention.location.text)}
        proper = {sys.intern(word) for phrase in _proper_names(mention.sentence) for word in name_words(phrase)}
        own = actors | place
        names = sorted(proper | own)
        start, end = event.date.start, event.date.end
        if event.date.mod is not None:
            # A qualified date ("less than two weeks ago", "about 2005", "early June") may be off by its length.
            length = end - start + dt.timedelta(days=1)
            start, end = start - length, end + length
        if event.anchored_by != "expression":
            start -= UNDATED_REACH
        arguments, roles = [], []
        for participant, words in named_participants:
            if participant.role in ("agent", "patient") and words:
                arguments.append((participant.role, words[-1], tuple(words[:-1])))
                roles.append((participant.role, tuple(sys.intern(action(word)) for word in words)))
        # An event that names itself in its agent ("the quake struck", "the earthquake hit": the quake is the
        # striking) shares that name with every telling that does the same, whatever word each uses.
        if any(named in words for role, words in roles if role == "agent"):
            names = sorted({*names, named})
            own = own | {named}
        return cls(
            proper=tuple(sorted(proper)),
            own=tuple(sorted(own)),
            actors=tuple(sorted(actors)),
            arguments=tuple(arguments),
            roles=tuple(roles),
            action=sys.intern(named),
            names=tuple(names),
            start=start,
            end=end,
        )


def compatible(first: Signature, second: Signature) -> bool:
    """Whether the two dates can be one event's: overlapping intervals."""
    return first.start <= second.end and second.start <= first.end


class Weights:
    """How informative each name word is in a collection of events: log((N + 1) / df)."""

    def __init__(self, signatures: Iterable[Signature]) -> None:
        # Over the events that can be compared: those that name an action.
        self.frequency: dict[str, int] = {}
        self.size = 0
        for signature in signatures:
            self.size += 1
            for word in signature.names:
                self.frequency[word] = self.frequency.get(word, 0) + 1

    def weight(self, word: str) -> float:
        return math.log((self.size + 1) / self.frequency.get(word, 1))

    def informative(self, word: str) -> bool:
        return self.weight(word) >= MIN_SHARED_WEIGHT

    def enough(self, first: Signature, second: Signature, same_day: bool) -> bool:
        """Whether two events with the same action and compatible dates share enough names to be one: rare ones
        (MIN_SHARED_WEIGHT), or any name at all when both are dated to the same day, one at least by an
        expression of its own ("Jobs" in a collection about Jobs, both on 7 June); one of them at least a word
        of either's participants or place, not only a name elsewhere in the sentence ("in New York Stock
        Exchange trading"); one at least naming someone or somewhere ("Sales rose 8%" in two reports says
        nothing of whose); when both name some, the rarest key name (`Signature.key_names`) of one of them is
        the other's too (two companies on one exchange: "Esselte closed", "Cineplex closed"); and no argument of
        one contradicts the other's in the same role (`Signature.contradicts`)."""
        common = set(first.names).intersection(second.names)
        if not (first.proper or second.proper) or (common.isdisjoint(first.own) and common.isdisjoint(second.own)):
            return False
        if first.proper and second.proper and not (
            self._rarest(first.key_names) in second.names or self._rarest(second.key_names) in first.names
        ):
            return False
        shared = sum(map(self.weight, common))
        return (shared >= MIN_SHARED_WEIGHT or (same_day and shared > 0)) and not first.contradicts(second)

    def _rarest(self, words: Iterable[str]) -> str:
        return max(words, key=lambda word: (self.weight(word), word))
