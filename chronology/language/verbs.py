"""The verb group of an event: TimeML tense, aspect, modality and polarity from the words and part-of-speech
tags around its trigger. This is the one tense reader: the resolver (past or future for a weekday), the
publication-date clues and the events all ask it about the event that governs them.

It reads leftwards from the trigger over auxiliaries and the adverbs that sit between them ("has already been
sold"), as TimeML's annotation guidelines read them: "will announce" is FUTURE, "would reopen" has no tense and
the modality "would", "has fallen" is PRESENT PERFECTIVE, "to announce" INFINITIVE, a nominal event no tense.
A predicate adjective or noun takes the tense of its copula ("was dead").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from chronology.lexicon import (
    BE_FORMS,
    DO_FORMS,
    FUTURE_MODALS,
    HAVE_FORMS,
    MODALS,
    NEGATIONS,
    PAST_FORMS,
    PRESENT_FORMS,
    VERB_GROUP_ADVERBS,
)

Tense = Literal["PAST", "PRESENT", "FUTURE", "NONE", "INFINITIVE", "PRESPART", "PASTPART"]
Aspect = Literal["NONE", "PROGRESSIVE", "PERFECTIVE", "PERFECTIVE_PROGRESSIVE"]
Polarity = Literal["POS", "NEG"]

_AUXILIARIES = BE_FORMS | HAVE_FORMS | DO_FORMS | FUTURE_MODALS | MODALS | {"to"}
# Auxiliaries are at most a few words left of the verb ("would not have been being" is the longest).
_REACH = 7
# A copula may stand this many words left of a predicate adjective or noun ("was not yet fully dead").
_COPULA_REACH = 4
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
_PREDICATE_TAGS = frozenset({"JJ", "JJR", "JJS", "NN", "NNS"})
_COPULA_GAP_TAGS = frozenset({"RB", "RBR", "RBS", "DT", "JJ", "PRP$", "CD"})
# A gerund after these is a noun ("the bombing", "its spending"), with no tense.
_NOMINAL_GERUND_BEFORE = frozenset({"DT", "PRP$", "POS", "JJ"})
_TAG_TENSE: dict[str, Tense] = {"VBD": "PAST", "VBZ": "PRESENT", "VBP": "PRESENT", "VBG": "PRESPART", "VBN": "PASTPART"}


@dataclass(frozen=True, slots=True)
class VerbGroup:
    tense: Tense
    aspect: Aspect
    modality: str | None  # the modal verb, lower case ("would", "could"), or None
    polarity: Polarity
    passive: bool

    @property
    def future(self) -> bool:
        """Whether the event is told as still ahead: a future tense or a going-to/about-to form."""
        return self.tense == "FUTURE"


_NONE = VerbGroup("NONE", "NONE", None, "POS", False)


def auxiliaries_of(words: Sequence[str], tags: Sequence[str], index: int) -> tuple[list[str], bool]:
    """The auxiliaries left of words[index], nearest last, and whether a negation sits among them."""
    found: list[str] = []
    negated = False
    position = index - 1
    while position >= 0 and index - position <= _REACH:
        word = words[position].lower()
        if word in NEGATIONS:
            negated = True
        elif word in _AUXILIARIES or tags[position] == "MD":
            found.append(word)
        elif word not in VERB_GROUP_ADVERBS and tags[position] not in ("RB", "RBR", "RBS"):
            break
        position -= 1
    found.reverse()
    return _going_to(words, position, found), negated


def _going_to(words: Sequence[str], before: int, found: list[str]) -> list[str]:
    """'is going to announce': the auxiliaries stop at 'to' with 'going' left of it, which makes a future."""
    if found[:1] == ["to"] and before >= 1 and words[before].lower() in ("going", "about"):
        return ["will"]
    return found


def read(words: Sequence[str], tags: Sequence[str], index: int) -> VerbGroup:
    """The verb group of the event whose trigger is words[index] (tags: PTB tags of the same sentence)."""
    tag = tags[index]
    if tag in _PREDICATE_TAGS:
        return _predicate(words, tags, index)
    if tag not in _VERB_TAGS and tag != "MD":
        return _NONE
    if tag == "VBG" and index > 0 and tags[index - 1] in _NOMINAL_GERUND_BEFORE:
        return _NONE
    auxiliaries, negated = auxiliaries_of(words, tags, index)
    polarity: Polarity = "NEG" if negated else "POS"
    passive = tag == "VBN" and any(word in BE_FORMS for word in auxiliaries[-2:])
    aspect = _aspect(auxiliaries, tag)
    if not auxiliaries:
        return VerbGroup(_TAG_TENSE.get(tag, "NONE"), aspect, None, polarity, passive)
    first = auxiliaries[0]
    if first == "to":
        return VerbGroup("INFINITIVE", aspect, None, polarity, passive)
    if first in FUTURE_MODALS:
        return VerbGroup("FUTURE", aspect, None, polarity, passive)
    if first in MODALS:
        return VerbGroup("NONE", aspect, "would" if first == "'d" else first, polarity, passive)
    if first in PAST_FORMS:
        return VerbGroup("PAST", aspect, None, polarity, passive)
    if first in PRESENT_FORMS or first in ("be", "been", "being", "having"):
        return VerbGroup("PRESENT" if first in PRESENT_FORMS else "NONE", aspect, None, polarity, passive)
    return VerbGroup(_TAG_TENSE.get(tag, "NONE"), aspect, None, polarity, passive)


def _aspect(auxiliaries: Sequence[str], tag: str) -> Aspect:
    perfect = any(word in HAVE_FORMS for word in auxiliaries)
    progressive = tag == "VBG" and bool(auxiliaries) and auxiliaries[-1] in BE_FORMS
    if perfect and progressive:
        return "PERFECTIVE_PROGRESSIVE"
    if perfect and (tag == "VBN" or "been" in auxiliaries):
        return "PERFECTIVE"
    return "PROGRESSIVE" if progressive else "NONE"


def _predicate(words: Sequence[str], tags: Sequence[str], index: int) -> VerbGroup:
    """A predicate adjective or noun ('was dead', 'is a candidate'): the tense of its copula, if any."""
    position = index - 1
    while position >= 0 and index - position <= _COPULA_REACH:
        word = words[position].lower()
        if word in BE_FORMS:
            group = read(words, tags, position) if tags[position] in _VERB_TAGS else _NONE
            if word in ("be", "been") or group.tense != "NONE" or group.modality:
                return VerbGroup(group.tense, group.aspect, group.modality, group.polarity, False)
            return _NONE
        if tags[position] not in _COPULA_GAP_TAGS and word not in NEGATIONS:
            break
        position -= 1
    return _NONE
