"""Every extraction pattern of the temporal tagger, built from chronology.lexicon.

A pattern is one `Pattern(name, kind, regex)` line in PATTERNS. Its named groups carry the parts the
interpreter of its kind (chronology.tagger) turns into an underspecified value:

    year, month, day, weekday, rel (last/this/next...), num, unit, pod (part of day), season, ordinal
    (quarter/half number), holiday, decade, century, hour, minute, ampm, set_adverb, ref_word, shift, deictic

Adding a pattern is one line here plus a test. Prefixes shared by many patterns (period modifiers such as
"early"/"mid-"/"the end of", quantity modifiers such as "about"/"more than") are not repeated in each pattern:
they are attached by the tagger through PERIOD_MOD_PREFIX and QUANTITY_MOD_PREFIX.

Linear time: every quantifier is bounded or applies to a character class that cannot also match what follows
it, and no quantified group contains another unbounded quantifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from chronology import lexicon


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so that "sept" wins over "sep"; spaces match one to three
    blanks, periods are literal."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", _S) for w in items) + ")"


# One to three blanks, possibly with one line break between words (never a blank line).
_S: Final = r"(?:[ \t]{1,3}|[ \t]{0,2}\n[ \t]{0,2})"
# The end of a match: no word character, hyphenated number, digit group ("2,500") or decimal may follow.
_END: Final = r"(?!\w|-\d|-old\b|,\d{3}\b|\.\d)"
# The start of a match: not inside a word, a number, a price, a code or a path ("COVID-19", "$1998", "F-16").
_START: Final = r"(?<![\w$#/.,])(?<!\d-)"

_full_months = [m for m in lexicon.MONTHS if len(m) > 4 or m in {"june", "july"}]
_abbrev_months = [m for m in lexicon.MONTHS if m not in _full_months and m != "may"]
_safe_abbrev = [m for m in _abbrev_months if m not in lexicon.AMBIGUOUS_MONTHS]
# "May" is a month only when capitalised; "march" and other words likewise need a capital when bare.
MONTH: Final = (
    r"(?P<month>(?-i:May)|(?-i:March)|"
    + _alternation([m for m in _full_months if m not in {"march"}])
    + r"|" + _alternation(_safe_abbrev) + r"\.?"
    + r"|" + _alternation([m for m in _abbrev_months if m in lexicon.AMBIGUOUS_MONTHS]) + r"\.)"
)
WEEKDAY: Final = (
    r"(?P<weekday>" + _alternation(lexicon.FULL_WEEKDAYS) + r"|"
    + _alternation([w for w in lexicon.WEEKDAYS if w not in lexicon.FULL_WEEKDAYS]) + r"\.)"
)
DAY: Final = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR: Final = r"(?P<year>1[6-9]\d\d|20\d\d)"
SHORT_YEAR: Final = r"'(?P<short_year>\d\d)"
_NUMBER_WORD: Final = _alternation([w for w in lexicon.CARDINALS if " " not in w and w not in {"a", "an"}])
NUM: Final = (
    r"(?P<num>\d{1,3}(?:,\d{3})?(?:\.\d{1,2})?(?:[ -]1/2)?|"
    + _alternation(lexicon.TENS) + r"[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    + _NUMBER_WORD + r"(?:[- ]and[- ]a[- ]half)?|a[ -]half|"
    + _alternation([w for w in lexicon.CARDINALS if " " in w]) + r"|"
    + _alternation(lexicon.VAGUE_QUANTITIES) + r"|an?)"
)
UNIT: Final = r"(?P<unit>" + _alternation(lexicon.UNITS) + r")"
CAL_UNIT: Final = r"(?P<unit>day|week|weekend|month|quarter|year|decade|century)"
REL: Final = r"(?P<rel>" + _alternation(lexicon.RELATION_WORDS) + r")"
POD: Final = r"(?P<pod>" + _alternation(lexicon.PARTS_OF_DAY) + r")"
SEASON: Final = r"(?P<season>" + _alternation(lexicon.SEASONS) + r")"
ORDINAL: Final = r"(?P<ordinal>" + _alternation([o for o in lexicon.ORDINALS if not o.startswith("twenty")]) + r")"
HOLIDAY: Final = (
    r"(?P<holiday>"
    + _alternation([*lexicon.FIXED_HOLIDAYS, *lexicon.NTH_WEEKDAY_HOLIDAYS, *lexicon.EASTER_HOLIDAYS])
    + r")"
)
DEICTIC: Final = r"(?P<deictic>" + _alternation(lexicon.DEICTIC_DAYS) + r")"
CLOCK: Final = (
    r"(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?" + _S + r"?(?P<ampm>[ap]\.m\.|[ap]m\b)"
)
CLOCK24: Final = r"(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:.,])"

# Attached by the tagger in front of DATE/TIME candidates: "early", "mid-", "the end of", ... (group `mod`).
PERIOD_MOD_PREFIX: Final = re.compile(
    r"(?P<mod>" + _alternation(lexicon.PERIOD_MODS) + r")(?:-|" + _S + r")$", re.IGNORECASE
)
# Attached in front of DURATION/DATE candidates with a number: "about", "more than", "nearly" (group `qmod`).
QUANTITY_MOD_PREFIX: Final = re.compile(
    r"\b(?P<qmod>" + _alternation(lexicon.QUANTITY_MODS) + r")" + _S + r"$", re.IGNORECASE
)
# A leading determiner that TimeML includes in the extent ("the third quarter", "the past three years").
# TimeML leaves the determiner outside a hyphenated adjective ("the [third-quarter] loss", "the [two-year] plan").
DETERMINER_BEFORE_ADJECTIVE: Final = re.compile(r"the" + _S + r"(?=[^\s-]+(?:-[^\s-]+)+$)", re.IGNORECASE)


@dataclass(frozen=True)
class Pattern:
    """One extraction rule. `triggers` and `reach` are derived from the regex (see `regex_triggers` and
    `regex_reach`): the tagger runs the regex only near its triggers, never over the whole text."""

    name: str
    kind: str
    regex: re.Pattern[str]

    @cached_property
    def triggers(self) -> frozenset[str] | None:
        return regex_triggers(self.regex)

    @cached_property
    def reach(self) -> int | None:
        return regex_reach(self.regex)


def _p(name: str, kind: str, body: str) -> Pattern:
    return Pattern(name, kind, re.compile(_START + body + _END, re.IGNORECASE))


PATTERNS: Final[tuple[Pattern, ...]] = (
    # Calendar dates.
    _p("month_day_year", "date", MONTH + _S + DAY + r",?" + _S + YEAR),
    _p("day_month_year", "date", DAY + _S + r"(?:of" + _S + r")?" + MONTH + r",?" + _S + YEAR),
    _p("iso_date", "date", r"(?P<year>1[6-9]\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>3[01]|[12]\d|0[1-9])"),
    _p("us_numeric_date", "date", r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/" + YEAR),
    _p("month_day", "date", MONTH + _S + DAY + r"(?!" + _S + r"?[:\d])"),
    _p("day_month", "date", DAY + _S + r"(?:of" + _S + r")?" + MONTH + r"(?!" + _S + r"?\d)"),
    _p("month_year", "date", MONTH + r",?" + _S + r"(?:of" + _S + r")?" + YEAR),
    _p("month_short_year", "date", MONTH + _S + SHORT_YEAR),
    _p("month", "month", r"(?:" + REL + _S + r")?" + MONTH + r"(?!" + _S + r"\d)"),
    _p("year", "date", r"(?:(?P<rel>the" + _S + r"year|fiscal(?:" + _S + r"year)?|calendar|fy)" + _S + r"?)?"
       + YEAR + r"(?!\s?%|" + _S + r"(?:percent|people|soldiers|troops|attacks|km|miles|tons|feet)\b)"),
    _p("spelled_year", "date", r"(?:the" + _S + r"year" + _S + r")?(?P<spelled_year>nineteen" + _S
       + r"(?:" + _alternation(lexicon.TENS) + r"(?:-|" + _S + r")(?:one|two|three|four|five|six|seven|eight|nine)"
       + r"|" + _alternation(lexicon.TENS) + r")|two" + _S + r"thousand)"),
    # Decades and centuries.
    _p("decade_digits", "decade", r"(?:the" + _S + r")?(?:(?P<mod>early|mid|late)[- ])?"
       + r"(?P<decade>1[6-9]\d0|20\d0|'\d0)'?s"),
    _p("decade_words", "decade", r"(?:the" + _S + r")?(?:(?P<mod>early|mid|late)[- ])?(?P<decade_word>"
       + _alternation(lexicon.DECADE_WORDS) + r")"),
    _p("century", "century", r"(?:the" + _S + r")?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|"
       + _alternation(lexicon.ORDINALS) + r")" + r"[- ]century"),
    # Quarters and halves, including fiscal ones and the year's.
    _p("quarter", "quarter", r"(?:the" + _S + r")?(?:(?P<rel>this|last|next|the" + _S + r"year's|this" + _S
       + r"year's|last" + _S + r"year's|next" + _S + r"year's|" + YEAR + r"'s)" + _S + r")?(?P<fiscal>fiscal[- ]|"
       + r"fiscal" + _S + r")?" + ORDINAL + r"[- ](?P<unit>quarter|half)(?:" + _S + r"(?:of" + _S + r")?"
       + r"(?:(?:fiscal|calendar)" + _S + r")?(?P<year2>1[6-9]\d\d|20\d\d))?"),
    _p("quarter_ref", "quarter_ref", r"(?:the" + _S + r")?(?P<rel>latest|current|past|last|previous|prior|"
       + r"year-ago|year-earlier|recent)" + _S + r"(?P<unit>quarter|period)"),
    _p("the_quarter", "quarter_ref", r"the" + _S + r"(?P<unit>quarter)"),
    # Seasons and holidays.
    _p("season", "season", r"(?:(?P<rel>" + _alternation(lexicon.RELATION_WORDS) + r")" + _S + r"|(?P<det>the)"
       + _S + r")?" + SEASON
       + r"(?:" + _S + r"(?:of" + _S + r")?" + YEAR + r")?"),
    _p("holiday", "holiday", HOLIDAY + r"(?:" + _S + YEAR + r")?"),
    # Weekdays, deictic days and parts of day.
    _p("weekday", "weekday", r"(?:(?P<rel>last|next|this|past|coming)" + _S + r")?" + WEEKDAY
       + r"(?:" + _S + POD + r")?"),
    _p("deictic", "deictic", DEICTIC + r"(?:" + _S + POD + r")?"),
    _p("this_pod", "pod", r"(?P<rel>this|last|yesterday|tomorrow)" + _S + POD),
    # Relative calendar units: "last week", "this year", "next month", "the past year".
    _p("period_ended", "duration", r"(?:the" + _S + r")?(?:fiscal" + _S + r")?(?P<unit>year|quarter)(?="
       + _S + r"(?:ended|ending|that" + _S + r"ended)\b)"),
    _p("relative_unit", "relative", REL + _S + CAL_UNIT),
    _p("earlier_this", "relative", r"(?P<mod>earlier|later)" + _S + r"(?P<rel>this|that|last|next)" + _S + CAL_UNIT),
    _p("the_unit", "relative", r"(?P<rel>the|that|the" + _S + r"same|the" + _S + r"next|the" + _S + r"following|the"
       + _S + r"previous|the" + _S + r"preceding)" + _S + r"(?P<unit>day|week|weekend|month|year)"
       + r"(?=" + _S + r"(?:before|after|earlier|later|ended|ending)\b|[,.;]|" + _S + r"(?:and|but|when|as)\b)"),
    _p("of_the_unit", "relative", r"(?<=\bof )(?P<rel>the|this|that|next|last)" + _S
       + r"(?P<unit>year|month|week|day|decade|century)"),
    # Shifts: "four years ago", "a year earlier", "two days later".
    _p("ago", "shift", NUM + r"[ -]" + UNIT + _S + r"(?P<shift>ago|earlier|later|from" + _S + r"now|hence)"),
    _p("unit_ago", "shift", UNIT + _S + r"(?P<shift>ago|earlier)(?=[,.;])"),
    _p("year_earlier_adj", "shift", r"(?:the" + _S + r")?(?P<unit>year|month|quarter|week)-(?P<shift>earlier|ago)"
       + r"(?:" + _S + r"(?:quarter|period|month|year))?"),
    _p("set_times_a", "set", r"(?:(?<=\bonce )|(?<=\btwice )|(?<=\btimes ))(?P<rel>a)" + _S
       + r"(?P<unit>day|week|month|year)"),
    # Vague spans: "recent weeks", "the last few months", "coming years".
    _p("vague_span", "duration", r"(?P<rel>" + _alternation(lexicon.VAGUE_SPANS) + r")" + _S
       + r"(?P<unit>years|months|weeks|days|decades|quarters)"),
    # Durations.
    _p("duration", "duration", r"(?:(?P<rel>the(?:" + _S + r"(?:past|last|next|first|coming|previous|latest|"
       + r"final|remaining|full))?|past|last|next|first|coming|another|an" + _S + r"additional|the" + _S
       + r"better" + _S + r"part" + _S + r"of)" + _S + r")?" + NUM + r"(?:-|" + _S + r")" + UNIT
       + r"(?!" + _S + r"(?:ago|earlier|later)\b)"),
    _p("unit_plural_for", "duration", r"(?<=\bfor" + r" )(?P<unit>years|months|weeks|days|decades|hours|minutes)"),
    # Sets.
    _p("set_every", "set", r"(?P<rel>every|each|per)" + _S + r"(?:(?P<num>other|two|three|four|five|six|\d{1,2})"
       + _S + r")?(?:" + WEEKDAY + r"|(?P<unit>day|week|month|quarter|year|hour|minute|morning|night|evening"
       + r"|weekend|summer|winter|spring|fall)s?|" + MONTH + r")"),
    _p("set_adverb", "set", r"(?P<set_adverb>" + _alternation(lexicon.SET_ADVERBS) + r")"),
    _p("set_plural_weekday", "set", r"(?P<weekday>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"),
    # Clock times.
    _p("clock_weekday", "time", CLOCK + r"(?:" + _S + r"(?-i:[A-Z]{3}))?" + _S + WEEKDAY),
    _p("clock_date", "time", CLOCK + r"(?:" + _S + r"(?-i:[A-Z]{3}))?,?" + _S + MONTH + _S + DAY),
    _p("clock", "time", CLOCK),
    _p("clock_24", "time", CLOCK24),
    _p("noon", "time", r"(?P<named_time>noon|midnight|midday)(?:" + _S + WEEKDAY + r")?"),
    # References without a calendar value.
    _p("reference", "ref", r"(?P<ref_word>" + _alternation(lexicon.REFERENCE_WORDS) + r")"),
)

# Tense cues around an expression (chronology.tense weighs the nearest ones).
FUTURE_CUE: Final = re.compile(r"(?<![\w'])" + _alternation(lexicon.FUTURE_CUES) + r"(?!\w)", re.IGNORECASE)
PAST_CUE: Final = re.compile(r"(?<![\w'])" + _alternation(lexicon.PAST_CUES) + r"(?!\w)", re.IGNORECASE)


# What a regex needs, read from its parsed form, so that triggers stay right whatever the patterns say.
# A trigger set is a set of lowercase strings (matched case-insensitively) of which every match of the regex
# contains at least one; ANY_DIGIT stands for any character `\d` matches. Literal triggers never contain digits.
ANY_DIGIT: Final = r"\d"
# Poor triggers: strings that every few words of running text contain, chosen only when nothing else is required.
_COMMON_STRINGS: Final = frozenset({"the", "of", "a", "an", "and", "in", "on", "at", "to", "for", "s", "'s", "-"})
_MAX_EXACT: Final = 64  # the most strings an exact (finite) sub-language may have before it is given up

_Items = list[tuple[Any, Any]]


def _exact(items: _Items) -> set[str] | None:
    """Every string the sequence can match (lowercased), or None when that set is large or infinite, or when
    it has digits or blanks (which `_S` varies too much to enumerate)."""
    strings = {""}
    for op, av in items:
        part = _exact_item(op, av)
        if part is None:
            return None
        strings = {a + b for a in strings for b in part}
        if len(strings) > _MAX_EXACT:
            return None
    return strings


def _exact_item(op: Any, av: Any) -> set[str] | None:
    if op is _C.LITERAL:
        char = chr(av)
        return None if char.isdecimal() or char.isspace() else {char.lower()}
    if op is _C.IN:
        if not all(kind is _C.LITERAL for kind, _ in av) or len(av) > 8:
            return None
        chars = {chr(code) for _, code in av}
        return None if any(c.isdecimal() or c.isspace() for c in chars) else {c.lower() for c in chars}
    if op is _C.SUBPATTERN:
        return _exact(av[3])
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            part = _exact(branch)
            if part is None or len(union) + len(part) > _MAX_EXACT:
                return None
            union |= part
        return union
    if op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
        low, high, body = av
        once = _exact(body)
        if once is None or high > 4:
            return None
        strings, power = ({""} if low == 0 else set()), {""}
        for count in range(1, high + 1):
            power = {a + b for a in power for b in once}
            if count >= low:
                strings |= power
            if len(strings) > _MAX_EXACT:
                return None
        return strings
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return {""}  # zero-width: adds nothing to the matched text
    return None


def _is_digit_class(op: Any, av: Any) -> bool:
    if op is _C.LITERAL:
        return chr(av).isdecimal()
    if op is _C.IN:
        return all(
            (kind is _C.CATEGORY and value is _C.CATEGORY_DIGIT)
            or (kind is _C.LITERAL and chr(value).isdecimal())
            or (kind is _C.RANGE and all(chr(c).isdecimal() for c in range(value[0], value[1] + 1)))
            for kind, value in av
        )
    return False


def _score(triggers: frozenset[str]) -> tuple[float, int]:
    """Higher is rarer in text: the shortest trigger's length (common strings count as one), then fewer strings."""
    weights = (2.5 if t == ANY_DIGIT else 1 if t in _COMMON_STRINGS else len(t) for t in triggers)
    return min(weights), -len(triggers)


def _best(options: list[frozenset[str] | None]) -> frozenset[str] | None:
    usable = [o for o in options if o and "" not in o]
    return max(usable, key=_score) if usable else None


def _required(items: _Items) -> frozenset[str] | None:
    """A trigger set for a sequence: the rarest of those its required parts give, or None."""
    options: list[frozenset[str] | None] = []
    run = {""}  # strings of the current run of consecutive exact items, which the match contains whole
    for op, av in items:
        part = _exact_item(op, av)
        if part is not None:
            joined = {a + b for a in run for b in part}
            if len(joined) <= _MAX_EXACT:
                run = joined
                continue
            options.append(frozenset(run))
            run = part if len(part) <= _MAX_EXACT else {""}
            continue
        options.append(frozenset(run))
        run = {""}
        options.append(_required_item(op, av))
    options.append(frozenset(run))
    return _best(options)


def _required_item(op: Any, av: Any) -> frozenset[str] | None:
    if _is_digit_class(op, av):
        return frozenset({ANY_DIGIT})
    if op is _C.SUBPATTERN or op is _C.ATOMIC_GROUP:
        return _required(av[3] if op is _C.SUBPATTERN else av)
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            part = _required(branch)
            if part is None:
                return None
            union |= part
        return frozenset(union)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _required(av[2])
    return None


def regex_triggers(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of `regex` contains one (case-insensitively; ANY_DIGIT for any digit), or
    None when the regex requires no such string."""
    return _required(_parser.parse(regex.pattern, regex.flags).data)


def _reach(items: _Items) -> int | None:
    """The most characters, from where the sequence starts, that matching it may read (consumed or looked at
    ahead), or None when unbounded."""
    consumed, furthest = 0, 0
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY):
            step, ahead = 1, 1
        elif op is _C.AT:
            step, ahead = 0, 2  # "$" looks at the next character and whether the text ends after it
        elif op is _C.SUBPATTERN or op is _C.ATOMIC_GROUP:
            inner = _reach(av[3] if op is _C.SUBPATTERN else av)
            if inner is None:
                return None
            step, ahead = _width(av[3] if op is _C.SUBPATTERN else av), inner
        elif op is _C.BRANCH:
            reaches = [_reach(branch) for branch in av[1]]
            if any(r is None for r in reaches):
                return None
            step, ahead = max(_width(branch) for branch in av[1]), max(r for r in reaches if r is not None)
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            _, high, body = av
            inner = _reach(body)
            if inner is None or high == _C.MAXREPEAT:
                return None
            step = high * _width(body)
            ahead = max(step, (high - 1) * _width(body) + inner) if high else 0
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            direction, body = av
            inner = _reach(body)
            if inner is None:
                return None
            step = 0
            # a lookbehind steps back over its (fixed) width before reading forwards
            ahead = inner if direction == 1 else max(0, inner - _width(body))
        else:
            return None
        furthest = max(furthest, consumed + ahead)
        consumed += step
    return max(furthest, consumed)


def _width(items: Any) -> int:
    """The most characters the sequence consumes (only called on bounded sequences)."""
    if not isinstance(items, _parser.SubPattern):
        items = _parser.SubPattern(_parser.State(), list(items))
    return int(items.getwidth()[1])


def regex_reach(regex: re.Pattern[str]) -> int | None:
    """The most characters a match attempt of `regex` reads from where it starts (its longest match plus what
    its lookaheads inspect), or None when unbounded."""
    return _reach(_parser.parse(regex.pattern, regex.flags).data)
