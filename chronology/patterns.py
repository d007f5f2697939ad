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
from typing import Final

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
# A year named relative to the publication date or to the time last mentioned: "last year", "that year".
YEAR_REL: Final = (
    r"(?P<year_rel>this|last|next|that|the" + _S + r"same|the" + _S + r"following|the" + _S + r"previous)"
    + _S + r"year"
)
# A vague tail TimeML keeps in the extent: "the next year or so".
OR_SO: Final = r"(?:" + _S + r"or" + _S + r"so)?"
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
    name: str
    kind: str
    regex: re.Pattern[str]


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
    _p("month_rel_year", "month", MONTH + _S + r"(?:of" + _S + r")?" + YEAR_REL),
    _p("weekday_date", "date", WEEKDAY + r",?" + _S + MONTH + _S + DAY + r"(?:,?" + _S + YEAR + r")?(?!:?\d)"),
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
       + r"year's|last" + _S + r"year's|next" + _S + r"year's|year-ago|year-earlier|" + YEAR + r"'s)" + _S
       + r")?(?P<fiscal>fiscal[- ]|fiscal" + _S + r")?" + ORDINAL + r"[- ](?P<unit>quarter|half)(?:" + _S
       + r"(?:of" + _S + r")?(?:(?:fiscal|calendar)" + _S + r")?(?P<year2>1[6-9]\d\d|20\d\d))?"),
    _p("year_quarter", "quarter", r"(?:the" + _S + r")?" + YEAR + _S + ORDINAL + r"[- ](?P<unit>quarter|half)"),
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
    _p("pod_deictic", "pod", POD + _S + r"(?P<rel>yesterday|today|tomorrow)"),
    _p("this_pod", "pod", r"(?P<rel>this|last|yesterday|tomorrow)" + _S + POD),
    # Relative calendar units: "last week", "this year", "next month", "the past year".
    _p("period_ended", "duration", r"(?:the" + _S + r")?(?:fiscal" + _S + r")?(?P<unit>year|quarter)(?="
       + _S + r"(?:ended|ending|that" + _S + r"ended)\b)"),
    _p("relative_unit", "relative", REL + _S + CAL_UNIT + OR_SO),
    _p("earlier_this", "relative", r"(?P<mod>earlier|later)" + _S + r"(?P<rel>this|that|last|next)" + _S + CAL_UNIT),
    _p("earlier_in_the", "relative", r"(?P<mod>earlier|later)" + _S + r"in" + _S + r"(?P<rel>the)" + _S
       + r"(?P<unit>week|month|year)"),
    _p("full_year", "relative", r"(?P<rel>the)" + _S + r"(?:full|fiscal|current" + _S + r"fiscal)" + _S
       + r"(?P<unit>year)"),
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
       + r"better" + _S + r"part" + _S + r"of)" + _S + r")?" + NUM + r"(?:-|" + _S + r")" + UNIT + OR_SO
       + r"(?!" + _S + r"(?:ago|earlier|later)\b)"),
    _p("duration_and_half", "duration", NUM + _S + UNIT + r"(?P<half>[- ]and[- ]a[- ]half)"),
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
