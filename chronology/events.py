"""Events: one typed record per dated statement of an article.

A statement is the sentence holding a calendar date expression. When one sentence holds several dates, each
event keeps only the clause around its own date; clauses end at ';' and before a subordinate or sequel clause
(before / after / while / then), and a clause that lost its subject gets it back ("The minister … before
flying home on Tuesday."). Intervals are one event: "from 2009 to 2010", "between March and May", "since
October 17" (open up to publication: ongoing), "by the end of the year" (a deadline), "over the past month".
When the publication date was only inferred, dates resolved against it are marked uncertain (EDTF '?').

Each date goes to the event it modifies (its trigger), and the sentence's events that depend on that one take
its date too (`Mention.related_triggers`, chronology.language.syntax `date_holders`): "Apple said on Tuesday it
sold a million phones" dates the saying and the selling. Events told at a time of their own (a future, a
modal, a noun's modifier) take none.

`undated_events` gives the statements without a date of their own, placed at the date the article's narrative
last gave (past tense) or at publication (present tense); and the part of a dated sentence its dates do not
reach, such as the report of a dated event.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypedDict, get_args

from chronology.language.arguments import Report, location, participants, reported_by
from chronology.language.syntax import Sentence, Tagged, analyse, event_classes, tag_sentence
from chronology.language.verbs import VerbGroup
from chronology.lexicon import (
    CARDINALS,
    SOURCE_PREPOSITIONS,
    SUBJECT_ENDERS,
)
from chronology.models import (
    AnchoredBy,
    Article,
    DateValue,
    Event,
    Granularity,
    Mention,
    Participant,
    Place,
    PublicationContext,
    ReportedBy,
    Status,
    Timex,
    Trigger,
)
from chronology.patterns import BARE_YEAR, FUTURE_WORDING, NAME_BEFORE_YEAR, NOT_NAMES_BEFORE_YEAR, SUBJECTLESS, WORD
from chronology.resolver import NARRATIVE_WINDOW
from chronology.sentences import Clauses, Quotations
from chronology.spans import Spans
from chronology.tense import quotation_told_past, statement_tense
from chronology.values import date_value

MAX_DESCRIPTION = 280
_MIN_CLAUSE_WORDS = 6
# A statement without a date of its own: told in the past it happened, in the present it holds at publication.
_STATEMENT_STATUS: dict[str, Status] = {"past": "past", "present": "ongoing", "future": "planned"}
_OWN_CLOCK_CLASSES = frozenset({"REPORTING", "I_ACTION", "I_STATE", "PERCEPTION"})
# A word the event model marked that the parser reads as a preposition or conjunction ("following the outbreak",
# "according to") tells nothing of its own.
_FUNCTION_RELATIONS = frozenset({"case", "mark"})
_MIN_STATEMENT_WORDS = 5
_LOOKBACK = 24  # characters before an expression searched for 'since', 'from', 'by' ...

# --- Pattern tables: what opens, joins and qualifies a date expression. ---
# Before an expression: an interval running up to publication ("since October 17").
_OPEN_START = re.compile(r"\b(?:since|ever since)\s+(?:(?:early|mid|late)-?\s*)?$", re.IGNORECASE)
# Before an expression: a deadline ("by the end of the year", "no later than June").
_DEADLINE = re.compile(r"\b(?:by|no later than|not later than)\s+(?:the\s+)?$", re.IGNORECASE)
# Before the first of two expressions, and between them: a closed range.
_RANGE_OPENER = re.compile(r"\b(?P<opener>from|between)\s+(?:the\s+)?$", re.IGNORECASE)
_RANGE_JOINER = re.compile(r"\s*(?P<joiner>-|–|—|to|until|till|through|and)\s*(?:the\s+)?", re.IGNORECASE)
_DASHES = frozenset({"-", "–", "—"})
_JOINERS_OF = {"from": {"to", "until", "till", "through"} | _DASHES, "between": {"and"} | _DASHES, "-": _DASHES}
# Between two expressions: the second restates the first in brackets ("this morning (Tuesday)").
_APPOSITION = re.compile(r"\s*[(\[]\s*")
_APPOSITION_CLOSE = re.compile(r"\s*[)\]]")
# The expression (with what precedes it) is a window ending at publication ("over the past month").
_COUNT = "|".join(sorted((re.escape(word) for word in CARDINALS), key=len, reverse=True))
_RECENT = re.compile(
    r"\bthe\s+(?:past|last|previous)\s+(?:(?P<count>\d{1,3}|" + _COUNT + r")\s+)?(?P<unit>day|week|month|year)s?$",
    re.IGNORECASE,
)
# A bare year between a determiner and a noun names a thing, not when the statement happened ("claims
# Apple violated the 1991 agreement"): it dates no event.
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that|whose)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_AFTER = re.compile(r"\s+(?!(?:and|or|to|through|until|as|for|in|on|at|by|with|of|when|while)\b)[a-z]")
_NAME_REACH = 40
_MAX_SUBJECT_WORDS = 8
# Attribution at the end of a sentence, kept when a long description is shortened.
_ATTRIBUTION = re.compile(
    r",\s*(?:(?:said|says|told|according to)\s[^,.]{1,60}|[^,.]{1,60}\s(?:said|says|told [^,.]{1,30}))\.?$",
    re.IGNORECASE,
)
_GRANULARITY_ORDER: tuple[Granularity, ...] = get_args(Granularity)
_GRANULARITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(_GRANULARITY_ORDER)}
_WHITESPACE = re.compile(r"\s+")
# Quote debris left at the edges of a sentence cut from running text.
_EDGE_DEBRIS = " \t\n\"'“”‘’()[]-–—"


@dataclass(frozen=True)
class _Dated:
    """A date of a sentence: its first expression, where its text ends, its value, and whether it is ongoing
    ('since X') or a deadline still ahead ('by X'), which fix the status."""

    timex: Timex
    end: int
    value: DateValue
    fixed_status: Status | None = None


def _shorten(text: str) -> str:
    if len(text) <= MAX_DESCRIPTION:
        return text
    attribution = _ATTRIBUTION.search(text)
    tail = attribution.group().lstrip(", ").rstrip(".") + "." if attribution else ""
    room = MAX_DESCRIPTION - len(tail) - 2
    cut = text.rfind(" ", 0, room)
    head = text[: cut if cut > 0 else room].rstrip(",;: ")
    return f"{head} … {tail}" if tail else head + "…"


def _clean(text: str) -> str:
    text = _WHITESPACE.sub(" ", text).strip().rstrip(",;:").rstrip()
    stripped = text.strip(_EDGE_DEBRIS)
    # Strip quotes only when they leave a sentence; keep closing punctuation if it was inside quotes.
    if stripped and (text.count("“") + text.count("”") + text.count('"')) % 2 == 1:
        text = stripped
    if text and text[-1] not in ".!?\"”’)":
        text += "."
    return _shorten(text)


def _by_sentence(
    dated: Sequence[tuple[Timex, DateValue]], sentences: Sequence[tuple[int, int]]
) -> list[list[tuple[Timex, DateValue]]]:
    """For each sentence, the dated expressions starting inside it, in their given order."""
    order = sorted(range(len(dated)), key=lambda index: dated[index][0].start)
    starts = [dated[index][0].start for index in order]
    groups: list[list[tuple[Timex, DateValue]]] = []
    for start, end in sentences:
        inside = sorted(order[bisect_left(starts, start) : bisect_left(starts, end)]) if start < end else []
        groups.append([dated[index] for index in inside])
    return groups


def _subject(sentence: str) -> str | None:
    """The words before the sentence's first verb, when that is a short noun phrase."""
    for index, word in enumerate(WORD.finditer(sentence)):
        if index >= _MAX_SUBJECT_WORDS:
            return None
        token = word.group()
        if index and token.islower() and (token in SUBJECT_ENDERS or token.endswith("ed")):
            return sentence[: word.start()].strip(" ,")
    return None


def _description(sentence: str, left: int, right: int) -> str:
    clause = sentence[left:right].strip()
    if left > 0 and SUBJECTLESS.match(clause):
        subject = _subject(sentence)
        if subject:
            return _clean(f"{subject} … {clause}")
    return _clean(clause)


def event_id(date: DateValue, description: str) -> str:
    key = f"{date.value}|{date.mod or ''}|{normalise(description)}"
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def normalise(text: str) -> str:
    """Lower-case words only: the form in which two copies of one sentence compare equal."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _status(
    future_wording: bool,
    date: DateValue,
    fixed: Status | None,
    published: dt.date | None,
    read_group: Callable[[], VerbGroup | None],
) -> Status:
    """`future_wording`: whether the clause has a future cue ("will", "is expected"); `read_group`: the verb group
    of the event the date modifies, which decides where it is a future or a past ("Politico reported on Thursday
    that the change is planned ...": the report is past, whatever its clause goes on to say). A date over before
    publication is past whatever the verb says, so the grammar is read only for the others."""
    if fixed is not None:
        return fixed
    if published is not None and date.start > published:
        return "planned"
    if published is not None and date.end < published:
        return "past"
    group = read_group()
    if group is not None:
        if group.tense == "FUTURE" and (published is None or date.end >= published):
            return "planned"
        if group.tense == "PAST" or group.aspect in ("PERFECTIVE", "PERFECTIVE_PROGRESSIVE"):
            return "past"
    if future_wording and (published is None or date.end >= published):
        return "planned"
    return "past"


def _open_interval(date: DateValue, published: dt.date | None) -> DateValue:
    """'since X': from X up to publication, as an EDTF interval."""
    end = published if published is not None and published >= date.start else None
    edtf = f"{date.edtf}/{end.isoformat() if end else '..'}"
    return date.model_copy(update={"edtf": edtf, "end": end or date.end})


def _deadline(date: DateValue, published: dt.date | None) -> DateValue:
    """'by X': at the latest X's last day; from publication on when still ahead, else open at the start."""
    if published is not None and published <= date.end:
        return date.model_copy(update={"edtf": f"{published.isoformat()}/{date.end.isoformat()}", "start": published})
    return date.model_copy(update={"edtf": f"../{date.end.isoformat()}"})


def _range(first: DateValue, last: DateValue) -> DateValue:
    """'from X to Y': X's value (its precision, for ordering), Y's end, both in the EDTF interval."""
    return first.model_copy(update={"edtf": f"{first.edtf}/{last.edtf}", "end": last.end, "mod": None})


def _months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _recent(match: re.Match[str], date: DateValue, published: dt.date) -> DateValue:
    """'over the past N units': the window ending at publication."""
    count_text = (match.group("count") or "1").lower()
    count = int(count_text) if count_text.isdigit() else CARDINALS.get(count_text, 1)
    unit = match.group("unit").lower()
    if unit in ("day", "week"):
        start = published - dt.timedelta(days=count * (7 if unit == "week" else 1))
    else:
        start = _months_before(published, count * (12 if unit == "year" else 1))
    return date.model_copy(update={"edtf": f"{start.isoformat()}/{published.isoformat()}", "start": start,
                                   "end": published, "mod": None})


def _uncertain(date: DateValue) -> DateValue:
    """EDTF '?' on every end of the date ('%' where it was already approximate '~')."""
    def qualify(part: str) -> str:
        if part in ("", "..") or part.endswith(("?", "%")):
            return part
        return part[:-1] + "%" if part.endswith("~") else part + "?"

    return date.model_copy(update={"edtf": "/".join(qualify(p) for p in date.edtf.split("/"))})


def _attributive(text: str, timex: Timex) -> bool:
    """A bare year that names a thing rather than dating an event: "the 1991 agreement", "WWDC 2005"."""
    if not BARE_YEAR.fullmatch(timex.text):
        return False
    if _ATTRIBUTIVE_BEFORE.search(text, max(0, timex.start - 8), timex.start) and _ATTRIBUTIVE_AFTER.match(
        text, timex.end
    ):
        return True
    name = NAME_BEFORE_YEAR.search(text, max(0, timex.start - _NAME_REACH), timex.start)
    return name is not None and name["word"].lower() not in NOT_NAMES_BEFORE_YEAR


def _calendar_dates(
    text: str, timexes: Sequence[Timex], skipped: Spans
) -> list[tuple[Timex, DateValue]]:
    dated: list[tuple[Timex, DateValue]] = []
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or skipped.holds(timex.start):
            continue
        if _attributive(text, timex):
            continue
        value = date_value(timex.value, timex.mod)
        if value is not None:
            dated.append((timex, value))
    return dated


def _is_range(before: str, between: str) -> bool:
    """'from X to Y', 'between X and Y', 'X-Y': `before` precedes X, `between` separates X and Y."""
    joiner = _RANGE_JOINER.fullmatch(between)
    if joiner is None:
        return False
    word = joiner["joiner"].lower()
    opener = _RANGE_OPENER.search(before)
    return word in _JOINERS_OF["-"] or (opener is not None and word in _JOINERS_OF[opener["opener"].lower()])


def _sentence_dates(text: str, found: Sequence[tuple[Timex, DateValue]], published: dt.date | None) -> list[_Dated]:
    """The dates of one sentence, with ranges joined, restatements dropped and open or deadline forms read."""
    dates: list[_Dated] = []
    index = 0
    while index < len(found):
        timex, value = found[index]
        before = text[max(0, timex.start - _LOOKBACK) : timex.start]
        if index + 1 < len(found):
            following, next_value = found[index + 1]
            between = text[timex.end : following.start]
            if _APPOSITION.fullmatch(between) and _APPOSITION_CLOSE.match(text, following.end):
                index += 1  # the bracketed expression says which day the first one means
                continue
            if next_value.end >= value.start and _is_range(before, between):
                dates.append(_Dated(timex, following.end, _range(value, next_value)))
                index += 2
                continue
        fixed: Status | None = None
        if _OPEN_START.search(before):
            value, fixed = _open_interval(value, published), "ongoing"
        elif _DEADLINE.search(before) or timex.text.lower().startswith("by "):
            value = _deadline(value, published)
            fixed = "planned" if published is not None and published <= value.end else None
        elif published is not None and (recent := _RECENT.search(before + timex.text)):
            value = _recent(recent, value, published)
        dates.append(_Dated(timex, timex.end, value, fixed))
        index += 1
    return dates


def _without_containers(clauses: Clauses, offset: int, dates: list[_Dated]) -> list[_Dated]:
    """Drop a date whose period holds a more precise date of the same clause ("Yesterday, at this year's
    conference, ..."): the precise one says when the statement happened."""
    # Single dates (no interval) ordered by where they start, so each clause's candidates are one slice.
    precise = sorted(
        ((item.timex.start - offset, index) for index, item in enumerate(dates) if "/" not in item.value.edtf)
    )
    positions = [position for position, _ in precise]
    finer_in: dict[tuple[int, int], _Finer] = {}
    kept: list[_Dated] = []
    for item in dates:
        if "/" in item.value.edtf:
            kept.append(item)
            continue
        clause = clauses.around(item.timex.start - offset, item.end - offset)
        finer = finer_in.get(clause)
        if finer is None:
            inside = precise[bisect_left(positions, clause[0]) : bisect_left(positions, clause[1])]
            finer = finer_in[clause] = _Finer([dates[index].value for _, index in inside])
        if not finer.within(item.value):
            kept.append(item)
    return kept


class _Finer:
    """Date values grouped by granularity, each group ordered by start with the least end from each position
    on: whether one finer than a given value lies within it is a bisection per granularity."""

    def __init__(self, values: Sequence[DateValue]) -> None:
        by_rank: dict[int, list[tuple[dt.date, dt.date]]] = {}
        for value in values:
            by_rank.setdefault(_GRANULARITY_RANK[value.granularity], []).append((value.start, value.end))
        self.groups: list[tuple[int, list[dt.date], list[dt.date]]] = []
        for rank, bounds in sorted(by_rank.items()):
            bounds.sort()
            least_end = [end for _, end in bounds]
            for index in range(len(least_end) - 2, -1, -1):
                least_end[index] = min(least_end[index], least_end[index + 1])
            self.groups.append((rank, [start for start, _ in bounds], least_end))

    def within(self, value: DateValue) -> bool:
        """Whether a value of finer granularity than `value` starts and ends within it."""
        coarse = _GRANULARITY_RANK[value.granularity]
        for rank, starts, least_end in self.groups:
            if rank <= coarse:
                continue
            first = bisect_left(starts, value.start)
            if first < len(starts) and least_end[first] <= value.end:
                return True
        return False


def _event_triggers(tagged: Tagged) -> dict[int, str]:
    """The sentence's event triggers (by token index, with their class), but for a word that opens a source
    preposition ("according to AFP" names who tells, not what happened; lexicon.SOURCE_PREPOSITIONS), which the
    event model marks at times, as TimeBank does."""
    words = [word.lower() for word in tagged.words]
    return {
        index: name
        for index, name in event_classes(tagged).items()
        if index + 1 >= len(words) or f"{words[index]} {words[index + 1]}" not in SOURCE_PREPOSITIONS
    }


class _Grammar:
    """What a sentence's grammar says of its dates: which event each modifies (its trigger), in which tense, and
    which dates are only a comparison's baseline. Empty for a sentence too long to read as prose. The sentence is
    parsed once: the resolver's tense questions and the events share the tree (chronology.language.syntax)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.span = (text, start, end)
        self.tagged: Tagged | None = tag_sentence(text, start, end)
        self.classes: dict[int, str] = {} if self.tagged is None else _event_triggers(self.tagged)
        self.events = frozenset(self.classes)
        # Reports and intentions keep their own time when what they tell or intend is dated.
        self.own_clock = frozenset(i for i, name in self.classes.items() if name in _OWN_CLOCK_CLASSES)

    def _tree(self) -> Sentence | None:
        return analyse(*self.span) if self.events else None

    def is_baseline(self, timex: Timex) -> bool:
        return self.tagged is not None and self.tagged.is_baseline(timex.start, timex.end)

    def event_index(self, timex: Timex) -> int | None:
        """The event (token index) the date modifies."""
        tree = self._tree()
        if tree is not None:
            return tree.trigger(timex.start, timex.end, self.events)
        return self.tagged.nearest_event(timex.start, timex.end, self.events) if self.tagged is not None else None

    def group(self, timex: Timex) -> VerbGroup | None:
        """The verb group of the predicate the date modifies."""
        tree = self._tree()
        if tree is not None:
            index = tree.governor(timex.start, timex.end)
            return tree.group(index) if index is not None else None
        index = self.event_index(timex)
        return self.tagged.group(index) if index is not None and self.tagged is not None else None

    def main_event(self, offset: int, times: Sequence[Timex] = ()) -> _EventFacts | None:
        """The sentence's main event: the root predicate, when the event model marks it."""
        tree = self._tree()
        if tree is None:
            return None
        root = next((i for i, head in enumerate(tree.heads) if head < 0), None)
        return self.facts(root, offset, times) if root is not None and root in self.events else None

    def trigger_at(self, index: int, offset: int) -> Trigger:
        """The event at token `index` as a trigger, in document offsets."""
        assert self.tagged is not None
        token, group = self.tagged.tokens[index], self.tagged.group(index)
        return Trigger(
            text=token.text, span=(offset + token.start, offset + token.end),
            event_class=self.classes[index],
            tense=group.tense, aspect=group.aspect, polarity=group.polarity, modality=group.modality,
        )

    def holders(self, dated: Collection[int]) -> dict[int, int]:
        """Which dated event (token indices) each other event takes its date from (Sentence.date_holders)."""
        tree = self._tree()
        return {} if tree is None else tree.date_holders(self._told(tree), dated, self.own_clock)

    def _told(self, tree: Sentence) -> list[int]:
        """The events, in order, but for words the parser reads as a preposition or conjunction."""
        return [i for i in sorted(self.events) if tree.relations[i] not in _FUNCTION_RELATIONS]

    def untold(self, dated: Collection[int]) -> list[int]:
        """The events that neither have a date nor take one from a dated event, nor are told at a time of their
        own, the one nearest the root first: what the sentence says besides its dates ("The carmaker said it
        lost $2 billion in the second quarter": the saying)."""
        tree = self._tree()
        if tree is None:
            return []
        told = self._told(tree)
        holders = tree.date_holders(told, dated, self.own_clock)
        left = [
            i for i in told if i not in dated and i not in holders and not tree.own_time(i) and not tree.sequenced(i)
        ]
        return sorted(left, key=lambda i: (tree.depth(i), i))

    def group_at(self, index: int) -> VerbGroup:
        assert self.tagged is not None
        return self.tagged.group(index)

    def is_verb(self, index: int) -> bool:
        return self.tagged is not None and self.tagged.tags[index].startswith(("VB", "MD"))

    def facts(self, index: int, offset: int, times: Sequence[Timex]) -> _EventFacts:
        """The event at token `index` with its arguments, in document offsets (`offset`: where the article
        starts; `times`: the sentence's time expressions, which are never places)."""
        trigger = self.trigger_at(index, offset)
        tree = self._tree()
        if tree is None:
            return _EventFacts(trigger)
        text = self.span[0]
        spans = [(timex.start, timex.end) for timex in times]
        found = participants(tree, text, index, spans)
        place = location(tree, text, index, spans)
        report = reported_by(tree, text, index, self.classes)
        return _EventFacts(
            trigger,
            tuple(
                Participant(
                    role=argument.role, text=argument.text, span=(offset + argument.start, offset + argument.end),
                    pronoun=argument.pronoun,
                )
                for argument in found
                if argument.role in ("agent", "patient", "recipient")
            ),
            None if place is None else Place(text=place.text, span=(offset + place.start, offset + place.end)),
            None if report is None else _reported_by(tree, report, offset),
        )


@dataclass(frozen=True)
class _EventFacts:
    """What a sentence's grammar says of one of its events: its trigger and arguments."""

    trigger: Trigger
    participants: tuple[Participant, ...] = ()
    location: Place | None = None
    reported_by: ReportedBy | None = None


def _reported_by(tree: Sentence, report: Report, offset: int) -> ReportedBy:
    word = tree.tokens[report.trigger_index]
    source = report.source
    return ReportedBy(
        text=word.text, span=(offset + word.start, offset + word.end),
        source=None if source is None else source.text,
        source_span=None if source is None else (offset + source.start, offset + source.end),
    )


def _mention(
    article: Article,
    context: PublicationContext,
    timex: Timex,
    cleaned: str,
    span: tuple[int, int],
    facts: _EventFacts | None = None,
    related: tuple[Trigger, ...] = (),
) -> Mention:
    return Mention(
        article_id=article.id,
        source=article.source,
        headline=article.headline,
        expression=timex.text,
        span=(article.start + timex.start, article.start + timex.end),
        sentence=cleaned,
        sentence_span=(article.start + span[0], article.start + span[1]),
        timex_type=timex.type,
        timex_value=timex.value,
        underspecified=timex.underspecified,
        anchor=timex.anchor,
        anchor_value=timex.anchor_value,
        publication_basis=context.basis,
        **_structure(facts, related),
    )


class _Structure(TypedDict):
    """A mention's fields that tell its event's structure: trigger, related triggers, arguments, report."""

    trigger: Trigger | None
    related_triggers: tuple[Trigger, ...]
    participants: tuple[Participant, ...]
    location: Place | None
    reported_by: ReportedBy | None


def _structure(facts: _EventFacts | None, related: tuple[Trigger, ...]) -> _Structure:
    return {
        "trigger": facts.trigger if facts else None,
        "related_triggers": related,
        "participants": facts.participants if facts else (),
        "location": facts.location if facts else None,
        "reported_by": facts.reported_by if facts else None,
    }


def _kept_dates(
    text: str, grammar: _Grammar, in_sentence: Sequence[tuple[Timex, DateValue]], published: dt.date | None,
    sentence_start: int, sentence_end: int,
) -> tuple[list[_Dated], Clauses | None]:
    """The dates of a sentence that date its events, and its clauses when it has several dates. A comparison's
    baseline ("compared with April 2019") is not when anything in the sentence happened, and a date that only
    contains a finer one of its clause adds nothing."""
    kept = [(timex, value) for timex, value in in_sentence if not grammar.is_baseline(timex)]
    dates = _sentence_dates(text, kept, published)
    # Clauses matter only between several dates; most dated sentences have one.
    clauses = Clauses(text[sentence_start:sentence_end]) if len(dates) > 1 else None
    if clauses is not None:
        dates = _without_containers(clauses, sentence_start, dates)
    return dates, clauses


def extract_events(
    article: Article,
    context: PublicationContext,
    timexes: Sequence[Timex],
    sentences: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
) -> list[Event]:
    """Events of one article. Offsets of timexes, sentences and skip spans are relative to article.text;
    mentions report spans in the document (article.start added). Timexes inside `skip` spans (captions,
    repeated headlines, page chrome, and what chronology.nonevents finds) and timexes without calendar bounds give
    no event."""
    dated = _calendar_dates(article.text, timexes, Spans(skip))
    events: list[Event] = []
    for (sentence_start, sentence_end), in_sentence in zip(sentences, _by_sentence(dated, sentences), strict=True):
        if not in_sentence:
            continue
        sentence = article.text[sentence_start:sentence_end]
        grammar = _Grammar(article.text, sentence_start, sentence_end)
        times = [timex for timex, _ in in_sentence]
        dates, clauses = _kept_dates(article.text, grammar, in_sentence, context.date, sentence_start, sentence_end)
        # Each date's event, and the events that take their date from it.
        owners = [grammar.event_index(item.timex) for item in dates]
        holders = grammar.holders({owner for owner in owners if owner is not None})
        # Each clause (and the whole sentence) is described and read for future wording once, however many
        # dates share it.
        long_enough: dict[tuple[int, int], bool] = {}
        readings: dict[tuple[int, int], tuple[str, bool]] = {}
        cleaned = _clean(sentence)
        for item, owner in zip(dates, owners, strict=True):
            span = (0, len(sentence))
            if clauses is not None and len(dates) > 1:
                clause = clauses.around(item.timex.start - sentence_start, item.end - sentence_start)
                if clause not in long_enough:
                    long_enough[clause] = len(sentence[clause[0] : clause[1]].split()) >= _MIN_CLAUSE_WORDS
                if long_enough[clause]:
                    span = clause
            reading = readings.get(span)
            if reading is None:
                left, right = span
                # The whole sentence's description is the cleaned sentence (_clean ignores blanks at its ends).
                description = cleaned if span == (0, len(sentence)) else _description(sentence, left, right)
                reading = readings[span] = (description, FUTURE_WORDING.search(sentence[left:right]) is not None)
            description, future_wording = reading
            value = item.value
            if context.basis == "inferred" and item.timex.anchor is not None:
                value = _uncertain(value)
            events.append(
                Event(
                    id=event_id(value, description),
                    date=value,
                    description=description,
                    status=_status(
                        future_wording, value, item.fixed_status, context.date, partial(grammar.group, item.timex)
                    ),
                    mentions=(
                        _mention(
                            article, context, item.timex, cleaned, (sentence_start, sentence_end),
                            None if owner is None else grammar.facts(owner, article.start, times),
                            tuple(
                                grammar.trigger_at(index, article.start)
                                for index, holder in sorted(holders.items()) if holder == owner
                            ),
                        ),
                    ),
                    sources=(article.source,),
                )
            )
    return events


def _triggers(grammar: _Grammar, indices: Sequence[int], offset: int) -> tuple[Trigger, ...]:
    return tuple(grammar.trigger_at(index, offset) for index in sorted(indices))


@dataclass(frozen=True)
class _Statement:
    """A sentence told without a date of its own, as the events placed by the narrative or publication see it."""

    article: Article
    context: PublicationContext
    span: tuple[int, int]
    description: str

    def event(
        self, date: DateValue, anchor: str, anchored_by: AnchoredBy, status: Status, facts: _EventFacts | None,
        related: tuple[Trigger, ...],
    ) -> Event:
        article, context = self.article, self.context
        if context.basis == "inferred":
            date = _uncertain(date)
        start, end = article.start + self.span[0], article.start + self.span[1]
        mention = Mention(
            article_id=article.id, source=article.source, headline=article.headline, expression="",
            span=(start, start), sentence=self.description, sentence_span=(start, end), timex_type="DATE",
            timex_value=date.value, underspecified="", anchor=anchor, anchor_value=date.value,
            publication_basis=context.basis, **_structure(facts, related),
        )
        return Event(
            id=event_id(date, self.description), date=date, description=self.description, status=status,
            mentions=(mention,), sources=(article.source,), anchored_by=anchored_by,
        )


def undated_events(
    article: Article,
    context: PublicationContext,
    timexes: Sequence[Timex],
    sentences: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
    statements_skip: Sequence[tuple[int, int]] | None = None,
) -> list[Event]:
    """Statements without a calendar date of their own, each dated the way a reader follows a news story:
    a past-tense statement happened when the narrative last said (the latest day- or week-precise date of an
    earlier sentence within NARRATIVE_WINDOW before publication, else publication); a present (ongoing) or
    future (planned) one is placed at publication; a statement quoted from a report told in the past is placed
    at the report's time, the date the narrative gave (anchored_by 'report'). A dated sentence gives one too
    when it tells more than its dates: the report of a dated event ("The carmaker said it lost $2 billion in
    the second quarter"), by the tense of its verb. Needs a publication date; expressions in `skip` spans date
    nothing, sentences overlapping `statements_skip` spans (by default `skip`) and fragments give nothing. A year
    naming a thing ("the 1991 agreement") does not make a sentence dated."""
    if context.date is None:
        return []
    publication = date_value(context.date.isoformat())
    assert publication is not None  # a calendar day always has bounds
    reference, reference_timex = publication, "publication"
    skipped = Spans(skip)
    not_statements = skipped if statements_skip is None else Spans(statements_skip)
    dated = _calendar_dates(article.text, timexes, skipped)
    quotes = Quotations(article.text)
    events: list[Event] = []
    for (start, end), in_sentence in zip(sentences, _by_sentence(dated, sentences), strict=True):
        for timex, value in in_sentence:
            recent = context.date - NARRATIVE_WINDOW <= value.start and value.end <= context.date
            if value.granularity in ("day", "week", "part_of_day", "time") and recent:
                reference, reference_timex = date_value(value.value) or value, timex.tid
        sentence = article.text[start:end]
        if not_statements.overlaps(start, end) or len(sentence.split()) < _MIN_STATEMENT_WORDS:
            continue
        grammar = _Grammar(article.text, start, end)
        statement = _Statement(article, context, (start, end), _clean(sentence))
        if in_sentence:
            # What a dated sentence says besides its dates: a report of them is an event of its own.
            dates, _ = _kept_dates(article.text, grammar, in_sentence, context.date, start, end)
            owners = {owner for item in dates if (owner := grammar.event_index(item.timex)) is not None}
            untold = grammar.untold(owners)
            verb = next((index for index in untold if grammar.is_verb(index)), None)
            if verb is None:
                continue
            group = grammar.group_at(verb)
            past = group.tense == "PAST" or (group.tense == "PRESENT" and group.aspect == "PERFECTIVE")
            date, anchor = (reference, reference_timex) if past else (publication, "publication")
            # Told on the day of one of its own dates: the dated event already stands for it.
            if date.value not in {item.value.value for item in dates}:
                events.append(
                    statement.event(
                        date, anchor, "publication" if anchor == "publication" else "narrative",
                        "past" if past else "ongoing",
                        grammar.facts(verb, article.start, [timex for timex, _ in in_sentence]),
                        _triggers(grammar, [index for index in untold if index != verb], article.start),
                    )
                )
            continue
        # The statement's tense stays with its cue words: the main event's verb group dated fewer statements
        # right on both SemEval (125 against 126 of 144) and MEANTIME (68 against 69 of 174).
        tense = statement_tense(sentence)
        untold = grammar.untold(())
        facts = grammar.main_event(article.start)
        if facts is None:
            # The verb nearest the root, else the event noun nearest it ("Steve Jobs on medical leave").
            verb = next((index for index in untold if grammar.is_verb(index)), untold[0] if untold else None)
            facts = None if verb is None else grammar.facts(verb, article.start, ())
        primary = None if facts is None else facts.trigger.span
        related = [] if tense == "future" else [
            index for index in untold if grammar.trigger_at(index, article.start).span != primary
        ]
        date, anchor = (reference, reference_timex) if tense == "past" else (publication, "publication")
        anchored_by: AnchoredBy = "publication" if anchor == "publication" else "narrative"
        quoted = quotes.around(start)
        if (
            quoted is not None and tense != "future" and reference_timex != "publication"
            and quotation_told_past(article.text, sentences, quoted)
        ):
            # Quoted speech is told from its report's time, which the narrative gave: "The council explained,
            # “The President was briefed”" after "On Tuesday, the council issued a statement".
            date, anchor, anchored_by = reference, reference_timex, "report"
        events.append(
            statement.event(
                date, anchor, anchored_by, _STATEMENT_STATUS[tense], facts,
                _triggers(grammar, related, article.start),
            )
        )
    return events
