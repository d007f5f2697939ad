"""Which action an event word names, so that differently worded reports of one event can be matched: "the
earthquake that hit on Tuesday" and "a strong quake struck the coast", "announced" and "the announcement".

A word is lemmatised (lemminflect), an event noun is taken back to its verb by the suffix rules and irregular
forms of chronology.lexicon (a candidate counts only if lemminflect knows it as a verb), and a verb in one of the
lexicon's synonym sets is named by the set's first word.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from lemminflect import getAllInflections, getAllLemmas

from chronology.lexicon import ACTION_SYNONYMS, IRREGULAR_NOMINALISATIONS, NOMINAL_SUFFIXES

_CANONICAL: Final[dict[str, str]] = {word: words[0] for words in ACTION_SYNONYMS for word in words}
_MIN_STEM = 3


def _is_verb(word: str) -> bool:
    return bool(getAllInflections(word, upos="VERB"))


def _verb_of_noun(noun: str) -> str:
    """The verb an event noun is made from ("announcement" -> "announce"), or the noun itself."""
    if noun in IRREGULAR_NOMINALISATIONS:
        return IRREGULAR_NOMINALISATIONS[noun]
    for suffix, endings in NOMINAL_SUFFIXES:
        stem = noun[: -len(suffix)]
        if noun.endswith(suffix) and len(stem) >= _MIN_STEM:
            for ending in endings:
                if _is_verb(stem + ending):
                    return stem + ending
    return noun


@lru_cache(maxsize=65536)
def action(word: str) -> str:
    """The action `word` names: its verb's lemma, through the synonym sets ("struck" -> "strike", "quake" ->
    "strike", "announcement" -> "announce", "deaths" -> "die")."""
    lower = word.lower()
    if lower in IRREGULAR_NOMINALISATIONS:
        verb = IRREGULAR_NOMINALISATIONS[lower]
    else:
        lemmas = getAllLemmas(lower)
        if "VERB" in lemmas:
            verb = lemmas["VERB"][0]
        else:
            noun = lemmas["NOUN"][0] if "NOUN" in lemmas else lower
            verb = _verb_of_noun(noun)
    return _CANONICAL.get(verb, verb)
