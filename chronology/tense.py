"""Past or future: the tense of the clause around a temporal expression.

First the grammar: the tense of the event the expression modifies, read from the sentence's dependency tree
(chronology.language.syntax): "Politico reported on Thursday that the change is planned to be announced on
Monday" puts Thursday in the past (reported) and Monday ahead (planned), where nearby cue words would mix them
up. Where the grammar does not decide (a present tense, a modal, a fragment), cue words do.

News reports mostly past events, so the default is the past; a future cue ("will", "planned to", "is
expected to", "next week's") nearer to the expression than any past cue ("was", "said", "had") turns it
forward. Cue words live in chronology.lexicon, their regexes in chronology.patterns.

Three readings answer three questions; their cue words all live in chronology.lexicon, and they are not one
function because they differ on purpose:
- `direction` / `explicit_direction`: past or future for resolving a date (chronology.resolver): the grammar,
  then the cues in a window around the expression, those after it weighing less, past by default.
- `SentenceCues`: the tense of a publication-date clue (chronology.context): the nearest cue in the sentence,
  from the broader CLUE_FUTURE_CUES ("would", "to be", "later"), present when there is none. A clue wrongly read
  as future is only left out of the inference, while in resolution it would move a date; with the resolution
  reading the inference gets worse evidence (`chronology evaluate-dates`). The two disagree on future or not for
  178 of the 2,160 expressions of the TimeML, SemEval and seed texts.
- `statement_tense`: the tense of a statement without a date of its own (chronology.events): its first cue.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from chronology.lexicon import (
    IRREGULAR_PAST,
    PAST_AUXILIARIES,
    PERFECT_AUXILIARIES,
    PERFECT_GAP,
    PERFECT_PARTICIPLES,
    PRESENT_CUES,
)
from chronology.models import Timex
from chronology.patterns import (
    CLUE_CUE,
    FRONTED,
    FUTURE_CUE,
    FUTURE_WORDING,
    PASSIVE_AUXILIARY,
    PASSIVE_BE,
    PAST_CUE,
    QUOTE_MARK,
    WEAK_FUTURE_BEFORE,
    WORD,
    WOULD,
)
from chronology.sentences import sentence_at

CueTense = Literal["past", "present", "future"]

if TYPE_CHECKING:
    from chronology.language.syntax import Direction

# How far around the expression cues count, in characters, within its sentence.
_BEFORE = 90
_AFTER = 40
# An expression that opens its sentence ("On Tuesday, the league plans to ...") has its verb after the subject.
_AFTER_FRONTED = 100
# Characters before an expression in which a weak future cue ("until") counts.
_WEAK_REACH = 7
# Characters before a past cue in which "be"/"been"/"being" makes it a passive participle.
_PASSIVE_REACH = 9
# Characters before a participle cue of a clue in which a passive auxiliary ("was", "be") takes its tense.
_CLUE_PASSIVE_REACH = 8


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
        known[key] = _grammatical_direction(text, start, end, sentence) or _explicit_direction(
            text, start, end, sentence
        )
    return known[key]


# Resolution asks twice for each expression of an article (without and with its publication date): the
# directions read in the last text are kept.
@lru_cache(maxsize=1)
def _directions_in(text: str) -> dict[tuple[int, int, tuple[int, int] | None], Direction | None]:
    return {}


def _grammatical_direction(
    text: str, start: int, end: int, sentence: tuple[int, int] | None
) -> Direction | None:
    if sentence is None or not sentence[0] <= start < end <= sentence[1]:
        return None
    if WEAK_FUTURE_BEFORE.search(text, max(sentence[0], start - _WEAK_REACH), start):
        return None  # a deadline ("has given them until Tuesday"): ahead of the event that sets it
    if not (FUTURE_CUE.search(text, *sentence) or WOULD.search(text, *sentence)):
        # Without a future word in the sentence the cue words cannot mix tenses up ("reported on Thursday that the
        # change is planned to be announced on Monday"): parsing, most of the cost of resolution, is kept for the
        # sentences where they can.
        return None
    # Imported here, as in same_event: the grammar loads numpy and lemminflect, and is read only for the few
    # clauses the cue words cannot decide, which most texts (and any text without a publication date) lack.
    from chronology.language.syntax import analyse

    parsed = analyse(text, *sentence)
    return parsed.direction(start, end) if parsed is not None else None


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


class SentenceCues:
    """The tense cues of one sentence as publication-date clues read them (see the module docstring), found once:
    each expression's nearest cue is then a few bisections, so a sentence holding thousands of expressions stays
    linear. A participle after a passive auxiliary ("was signed", "will be held") is no cue: its auxiliary
    carries the tense."""

    def __init__(self, sentence: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.tenses: list[CueTense] = []
        for match in CLUE_CUE.finditer(sentence):
            passive = PASSIVE_AUXILIARY.search(sentence, max(0, match.start() - _CLUE_PASSIVE_REACH), match.start())
            if match.group("participle") and passive:
                continue
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.tenses.append("future" if match.group("future") else "past")

    def tense(self, start: int, end: int) -> CueTense:
        """Tense from the cue nearest to [start, end) (cues starting inside it excluded; on a tie the earlier
        cue); cues do not overlap, so the candidates are the one straddling start (negative distance), the
        last ending at or before start, and the first starting at or after end."""
        before = bisect_left(self.starts, start) - 1  # the last cue starting before start
        if before >= 0 and self.ends[before] > start:
            return self.tenses[before]
        after = bisect_left(self.starts, end)
        if before >= 0 and (after >= len(self.starts) or start - self.ends[before] <= self.starts[after] - end):
            return self.tenses[before]
        return self.tenses[after] if after < len(self.starts) else "present"


def nearest_cue_tense(sentence: str, start: int, end: int) -> CueTense:
    """The tense of the statement around sentence[start:end] as a publication-date clue: from the cue word nearest
    to it (SentenceCues)."""
    return SentenceCues(sentence).tense(start, end)


_PAST_WORDS = PAST_AUXILIARIES | IRREGULAR_PAST


def is_past_word(token: str) -> bool:
    """Whether a lower-case word is a past-tense cue: a past auxiliary or irregular past, or a word in -ed."""
    return token in _PAST_WORDS or (token.endswith("ed") and len(token) > 4)


def tells_past(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a past-tense cue word ("… said", "… explained")."""
    return any(is_past_word(word.group().lower()) for word in WORD.finditer(text, start, end))


def statement_tense(sentence: str) -> CueTense:
    """The tense of a statement without a date of its own: its first cue decides ("Jobs said those who bought one
    will get a refund" is past; a word in -ed counts as past); without any cue it is read as current."""
    future = FUTURE_WORDING.search(sentence)
    limit = future.start() if future else len(sentence)
    tokens = [word.group() for word in WORD.finditer(sentence.lower(), 0, limit)]
    for index, token in enumerate(tokens):
        if token in PERFECT_AUXILIARIES and _participle_follows(tokens, index + 1):
            return "past"
        if token in PRESENT_CUES:
            return "present"
        if is_past_word(token):
            return "past"
    return "future" if future else "present"


def _participle_follows(tokens: Sequence[str], index: int) -> bool:
    while index < len(tokens) and tokens[index] in PERFECT_GAP:
        index += 1
    return index < len(tokens) and (tokens[index] in PERFECT_PARTICIPLES or is_past_word(tokens[index]))


def quotation_told_past(text: str, sentences: Sequence[tuple[int, int]], quoted: tuple[int, int]) -> bool:
    """Whether the direct quotation at `quoted` is attributed in the past ("The council explained, “…”", "“…,”
    she said"): a past cue in its sentence before the opening mark or after the closing one."""
    opening, closing = sentence_at(sentences, quoted[0]), sentence_at(sentences, quoted[1])
    return tells_past(text, opening[0], quoted[0]) or tells_past(text, quoted[1], max(closing[1], quoted[1]))


def same_event(text: str, sentence: tuple[int, int], span: tuple[int, int], other: Timex) -> bool:
    """Whether the expressions at `span` and `other` modify one event of their sentence, as far as its grammar
    shows (True where it cannot tell)."""
    from chronology.language.syntax import analyse  # see _grammatical_direction

    parsed = analyse(text, *sentence)
    if parsed is None:
        return True
    first, second = parsed.governor(*span), parsed.governor(other.start, other.end)
    return first is None or second is None or first == second
