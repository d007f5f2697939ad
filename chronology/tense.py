"""Past or future: the tense of the clause around a temporal expression.

News reports mostly past events, so the default is the past; a future cue ("will", "planned to", "is
expected to", "next week's") nearer to the expression than any past cue ("was", "said", "had") turns it
forward. Cue words live in chronology.lexicon, their regexes in chronology.patterns.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from chronology.patterns import FRONTED, FUTURE_CUE, PASSIVE_BE, PAST_CUE, QUOTE_MARK, WEAK_FUTURE_BEFORE

Direction = Literal["past", "future"]

# How far around the expression cues count, in characters, within its sentence.
_BEFORE = 90
_AFTER = 40
# An expression that opens its sentence ("On Tuesday, the league plans to ...") has its verb after the subject.
_AFTER_FRONTED = 100
# Characters before an expression in which a weak future cue ("until") counts.
_WEAK_REACH = 7
# Characters before a past cue in which "be"/"been"/"being" makes it a passive participle.
_PASSIVE_REACH = 9


def _nearest(distances: list[int]) -> int | None:
    return min(distances) if distances else None


def direction(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> Direction:
    """Whether an expression at text[start:end] refers to the past (the default) or the future."""
    return explicit_direction(text, start, end, sentence) or "past"


def explicit_direction(
    text: str, start: int, end: int, sentence: tuple[int, int] | None = None
) -> Direction | None:
    """The direction the cue words nearest to text[start:end] give, or None when there are none."""
    known = _directions_in(text)
    key = (start, end, sentence)
    if key not in known:
        known[key] = _explicit_direction(text, start, end, sentence)
    return known[key]


# Resolution asks twice for each expression of an article (without and with its publication date): the
# directions read in the last text are kept.
@lru_cache(maxsize=1)
def _directions_in(text: str) -> dict[tuple[int, int, tuple[int, int] | None], Direction | None]:
    return {}


def _explicit_direction(text: str, start: int, end: int, sentence: tuple[int, int] | None) -> Direction | None:
    low, high = sentence if sentence is not None and sentence[0] <= start and end <= sentence[1] else (0, len(text))
    window_start = max(low, start - _BEFORE)
    fronted = FRONTED.fullmatch(text, low, start) is not None
    window_end = min(high, end + (_AFTER_FRONTED if fronted else _AFTER))
    quote = QUOTE_MARK.search(text, end, window_end)
    if quote is not None:
        window_end = quote.start()
    distances: dict[str, list[int]] = {"future": [], "past": []}
    for name, regex in (("future", FUTURE_CUE), ("past", PAST_CUE)):
        for m in regex.finditer(text, window_start, window_end):
            if start <= m.start() < end:
                continue  # the expression's own words ("last" in "last Monday") are handled by the tagger
            if name == "past" and PASSIVE_BE.search(text, max(0, m.start() - _PASSIVE_REACH), m.start()):
                continue  # "will be held": a passive participle, no past
            # cues before count more, unless the expression opens the sentence and its verb follows
            distance = start - m.end() if m.end() <= start else (m.start() - end) * (1 if fronted else 2)
            distances[name].append(distance)
    future = _nearest(distances["future"])
    past = _nearest(distances["past"])
    if future is not None and (past is None or future <= past):
        return "future"
    if past is None and WEAK_FUTURE_BEFORE.search(text, max(window_start, start - _WEAK_REACH), start):
        return "future"
    return "past" if past is not None else None
