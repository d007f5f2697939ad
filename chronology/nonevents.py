"""Things that are not events: what an article says that a reviewer would delete from its timeline.

Each recogniser is a pure function of the article's text (with its sentences, the boilerplate spans or its time
expressions) returning the spans that date no event. The pipeline hands them to chronology.events with the
boilerplate: an expression starting inside one gives no event, and an undated statement overlapping one gives none.

- `repeated_sentences`: a sentence told again word for word (a caption or a pull quote printed twice): the first
  telling stays.
- `author_notes`: the closing lines that present the writer ("Jane Doe has covered the courts for the Times since
  2012.", "Follow her on Twitter", "Editing by John Smith").
- `hypotheticals`: a condition ("if it rains tomorrow") dates nothing; neither does the consequent of a condition
  that opens its sentence or clause ("If approved, the law would take effect on January 1", "He said on Monday
  that if approved, the law would take effect in 2025": the report stays), short of a closing attribution
  (", officials said on Friday"), a closing quotation mark or a relative clause (", which ..."). A condition
  after its main clause ("The vote will be held on Tuesday unless it is postponed") leaves the main clause a
  plan, as the paper tells it.
- `habits`: "every Monday the market opens" is a rule, not an event: the habit's expression and a clock time in
  its sentence ("On Mondays, the market opens at 9 a.m.") date nothing, and a sentence opening with a habit is
  no statement ("Jobs said that Apple has 109 stores, with one million visitors per week" still is one).

`in_title_of_work` is asked by the tagger: a year inside a work's title ("the musical '1776'") is no time
expression at all, as TimeML annotates it.

The word lists are in chronology.lexicon and the regular expressions in chronology.patterns.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Literal, NamedTuple

from chronology.lexicon import CONCESSIVE_BEFORE_CONDITION, NOT_CONDITIONAL_BEFORE_IF, SET_ADVERBS
from chronology.models import Timex
from chronology.patterns import (
    ATTRIBUTION_TAIL,
    BARE_YEAR,
    BIO_BEAT,
    BIO_ROLE,
    CONDITION_END,
    CONDITION_LEAD,
    CONDITIONAL,
    CONSEQUENT_END,
    CONTACT_LINE,
    CONTRIBUTION_NOTE,
    FRONTED,
    OPENING_DEBRIS,
    POSSESSIVE_BEFORE,
    SENTENCE_CLOSE,
    SET_QUANTIFIER_BEFORE,
    TITLE_CLOSE,
    TITLE_YEAR_AFTER,
    WORD_BEFORE,
    WORK_TITLE_BEFORE,
)
from chronology.spans import Spans

Span = tuple[int, int]
Reason = Literal["repeated", "author_note", "hypothetical", "habit"]

# How far before an expression the work's noun and the start of its quoted title are looked for.
_TITLE_REACH = 100
_POSSESSIVE_REACH = 40
# An author note is a short paragraph: a longer line (a whole text on one line) is news however it ends.
_NOTE_MAX_WORDS = 60
# How far before a conditional opener its lead word ("that", "but") or the word that cancels it ("asked") is read.
_LEAD_REACH = 24
# What may stand after a question mark at a sentence's end.
_CLOSING_DEBRIS = " \t\n\"”’')"


class NonEvent(NamedTuple):
    """A span of the article that dates no event, and why. `statement`: whether the sentence around it is no
    event either, when it has no date of its own (a sentence opening with a condition is hypothetical; one whose
    condition comes later, "Watson said the US will act if the attacks continue", still reports a statement)."""

    start: int
    end: int
    reason: Reason
    statement: bool = True


def in_title_of_work(text: str, start: int, end: int) -> bool:
    """Whether the expression text[start:end] is (inside) the title of a work: in the quoted title after a work's
    noun ("the musical '1776'", "a film titled 'Born on the Fourth of July'"), or a bare year right after the noun
    ("the novel 1984") or after a capitalised possessive when no noun follows ("George Orwell's 1984 was ...")."""
    before = WORK_TITLE_BEFORE.search(text, max(0, start - _TITLE_REACH), start)
    if before is not None:
        if before.group("quote"):
            # A title starts with a capital or a digit (see WORK_TITLE_BEFORE), here the expression's own.
            opening = before.end("quote") < start or text[start].isupper() or text[start].isdigit()
            return opening and TITLE_CLOSE.match(text, end) is not None
        return BARE_YEAR.fullmatch(text, start, end) is not None
    return (
        BARE_YEAR.fullmatch(text, start, end) is not None
        and POSSESSIVE_BEFORE.search(text, max(0, start - _POSSESSIVE_REACH), start) is not None
        and TITLE_YEAR_AFTER.match(text, end) is not None
    )


def repeated_sentences(text: str, sentences: Sequence[Span], skip: Sequence[Span] = ()) -> list[NonEvent]:
    """Sentences that repeat an earlier one verbatim (blanks aside). Sentences in `skip` spans are neither
    repeats nor originals: a caption that is also told in the body keeps its body telling."""
    held = Spans(skip).holds
    seen: set[str] = set()
    found: list[NonEvent] = []
    for start, end in sentences:
        if held(start):
            continue
        key = " ".join(text[start:end].split())
        if not key:
            continue
        if key in seen:
            found.append(NonEvent(start, end, "repeated"))
        else:
            seen.add(key)
    return found


def _is_author_note(text: str, start: int, end: int) -> bool:
    return text.count(" ", start, end) < _NOTE_MAX_WORDS and (
        BIO_ROLE.match(text, start, end) is not None
        or BIO_BEAT.match(text, start, end) is not None
        or CONTACT_LINE.match(text, start, end) is not None
        or CONTRIBUTION_NOTE.search(text, start, end) is not None
    )


def author_notes(text: str, skip: Sequence[Span] = ()) -> list[NonEvent]:
    """The lines closing the article that present its writer: read from the last line up (blank lines and lines in
    `skip` spans passed over) while each opens with a bio ("Jane Doe is a reporter for Reuters ...", "John Smith
    has covered the courts for the Times since 2012") or a contact or credit note ("Follow her on Twitter",
    "Editing by ..."), or holds "contributed to this report". A note is told last; the same words earlier in the
    article are news ("Gershkovich is a reporter for the Journal who was detained in March")."""
    held = Spans(skip).holds
    found: list[NonEvent] = []
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        first = start + len(line) - len(line.lstrip())
        last = start + len(line.rstrip())
        if first < last and not held(first):
            if not _is_author_note(text, first, last):
                break
            found.append(NonEvent(first, last, "author_note"))
        end = start - 1
    found.reverse()
    return found


def _word_before(text: str, floor: int, position: int) -> str:
    match = WORD_BEFORE.search(text, max(floor, position - _LEAD_REACH), position)
    return match.group(1).lower() if match else ""


def _opens_clause(text: str, sentence_start: int, position: int) -> bool:
    """Whether a condition at `position` opens a clause ("that if ...", "But if ...")."""
    return CONDITION_LEAD.search(text, max(sentence_start, position - _LEAD_REACH), position) is not None


def _is_question(text: str, start: int, end: int) -> bool:
    return text[max(start, end - 8) : end].rstrip(_CLOSING_DEBRIS).endswith("?")


def _consequent_end(text: str, condition_end: int, sentence_end: int) -> int:
    """Where the consequent of a condition that opens its clause ends: at a semicolon, a quotation mark (the quoted
    words end) or a relative clause that tells a fact (", which has been on patrol since March"), else before a
    closing attribution (", officials said on Friday"), else at the sentence's end."""
    boundary = CONSEQUENT_END.search(text, condition_end + 1, sentence_end)
    stop = boundary.start() if boundary else sentence_end
    attribution = ATTRIBUTION_TAIL.search(text, condition_end + 1, stop)
    return attribution.start() if attribution else stop


def hypotheticals(text: str, sentences: Sequence[Span]) -> list[NonEvent]:
    """The conditions of each sentence, each up to its first comma, semicolon or "then"; with its consequent when
    the condition opens its clause and is no concession ("Even if it rains on Sunday, the match goes ahead")."""
    found: list[NonEvent] = []
    for start, end in sentences:
        position = start
        # Where the sentence's words begin: a condition there opens the sentence.
        words = OPENING_DEBRIS.match(text, start, end)
        first = words.end() if words else start
        while (match := CONDITIONAL.search(text, position, end)) is not None:
            position = match.end()
            word = _word_before(text, start, match.start())
            opener = match.group("opener")
            if opener is None and _is_question(text, start, end):
                continue  # "Should the government act?": a question, not an inverted condition
            if opener is not None and opener.lower() == "if" and word in NOT_CONDITIONAL_BEFORE_IF:
                continue  # "asked if", "as if": no condition
            stop = CONDITION_END.search(text, match.end(), end)
            scope_end = stop.start() if stop else end
            concessive = word in CONCESSIVE_BEFORE_CONDITION
            opens = not concessive and match.start() <= first
            if opens or (not concessive and _opens_clause(text, start, match.start())):
                scope_end = _consequent_end(text, scope_end, end)
            # Hypothetical as a whole when nothing else is said: not '"If ..., we will respond," he said.'
            whole = opens and SENTENCE_CLOSE.fullmatch(text, scope_end, end) is not None
            found.append(NonEvent(match.start(), scope_end, "hypothetical", whole))
            position = max(position, scope_end)
    return found


def habits(text: str, sentences: Sequence[Span], timexes: Sequence[Timex]) -> list[NonEvent]:
    """Expressions of a habit: a set ("every Monday", "on Mondays", "twice a week"; not the adverbs "daily",
    "weekly", which as often qualify a noun: "daily figures"), a day or time right after "every"/"each" ("every
    Friday afternoon", which the tagger takes without "every"), and the clock times of their sentences."""
    frames: list[Span] = []
    for timex in timexes:
        if timex.type == "SET":
            if timex.text.lower() not in SET_ADVERBS:
                frames.append((timex.start, timex.end))
        elif timex.type in ("DATE", "TIME") and timex.underspecified.startswith("XXXX") and (
            every := SET_QUANTIFIER_BEFORE.search(text, max(0, timex.start - 10), timex.start)
        ):
            frames.append((every.start(), timex.end))
    if not frames:
        return []
    starts = [start for start, _ in sentences]
    habitual = {bisect_right(starts, start) for start, _ in frames}
    found = []
    for start, end in frames:
        index = bisect_right(starts, start) - 1
        # Only a habit that opens its sentence ("Every Monday ...", "On Mondays, ...") makes it a rule.
        fronted = index >= 0 and FRONTED.fullmatch(text, starts[index], start) is not None
        found.append(NonEvent(start, end, "habit", fronted))
    found += [
        NonEvent(timex.start, timex.end, "habit", False)
        for timex in timexes
        if timex.type == "TIME"
        and timex.underspecified.startswith("XXXX-XX-XXT")
        and bisect_right(starts, timex.start) in habitual
    ]
    return found


def find_nonevents(
    text: str, sentences: Sequence[Span], skip: Sequence[Span], timexes: Sequence[Timex]
) -> list[NonEvent]:
    """Every span of the article that dates no event, in text order: `skip` are the boilerplate spans."""
    return sorted(
        [
            *repeated_sentences(text, sentences, skip),
            *author_notes(text, skip),
            *hypotheticals(text, sentences),
            *habits(text, sentences, timexes),
        ]
    )
