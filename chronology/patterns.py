"""Every extraction pattern of the temporal tagger, built from chronology.lexicon.

A pattern is one `_p(name, kind, regex, examples=..., negatives=...)` entry in PATTERNS. Its named groups carry
the parts the interpreter of its kind (chronology.tagger) turns into an underspecified value:

    year, month, day, weekday, rel (last/this/next...), num, unit, pod (part of day), season, ordinal
    (quarter/half number), holiday, decade, century, hour, minute, ampm, set_adverb, ref_word, shift, deictic,
    ref_rel (the following/previous: relative to the time last mentioned)

Adding a pattern is one entry here, with phrases of news in which it finds an expression (and what it finds:
extent, type, value) and, where a string is easily mistaken for a time, phrases in which it must find none;
tests/test_rule_examples.py runs them. Prefixes shared by many patterns (period modifiers such as "early"/"mid-"/
"the end of", quantity modifiers such as "about"/"more than") are not repeated in each pattern: they are attached
by the tagger through PERIOD_MOD_PREFIX and QUANTITY_MOD_PREFIX.

Linear time: every quantifier is bounded or applies to a character class that cannot also match what follows
it, and no quantified group contains another unbounded quantifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from re import _constants as _C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final, NamedTuple

from chronology import lexicon


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so that "sept" wins over "sep"; spaces match one to three
    blanks, periods are literal."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", _S) for w in items) + ")"


# One to three blanks, possibly with one line break between words (never a blank line) where chronology.sentences
# reads the line break as inside a sentence: after ",;:-(" or before a lower-case word. Elsewhere a line break ends
# the sentence, and no expression runs over it ("June\n1 they" is two sentences, so no date).
_S: Final = r"(?:[ \t]{1,3}|(?<=[,;:(\-–])[ \t]{0,2}\n[ \t]{0,2}|[ \t]{0,2}\n[ \t]{0,2}(?=(?-i:[a-z])))"
# The end of a match: no word character, hyphenated number, digit group ("2,500") or decimal may follow.
_END: Final = r"(?!\w|-\d|-old\b|,\d{3}\b|\.\d)"
# The start of a match: not inside a word, a number, a price, a code or a path ("COVID-19", "$1998", "F-16").
_START: Final = r"(?<![\w$#/.,])(?<!\d-)"

_full_months = [m for m in lexicon.MONTHS if len(m) > 4 or m in {"june", "july"}]
_abbrev_months = [m for m in lexicon.MONTHS if m not in _full_months and m != "may"]
_safe_abbrev = [m for m in _abbrev_months if m not in lexicon.AMBIGUOUS_MONTHS]
# "May" is a month only when capitalised; "march" and other words likewise need a capital when bare.
MONTH: Final = (
    r"(?P<month>(?-i:May)(?![ \t]{1,3}(?-i:" + "|".join(lexicon.MAY_VERB_SUBJECTS) + r")\b)|(?-i:March)|"
    + _alternation([m for m in _full_months if m not in {"march"}])
    + r"|" + _alternation(_safe_abbrev) + r"\.?"
    + r"|" + _alternation([m for m in _abbrev_months if m in lexicon.AMBIGUOUS_MONTHS]) + r"\.)"
)
# A month of another language, matched as written there (lexicon.FOREIGN_MONTHS), with its day ("3 mars", "3. März",
# "1er mai", "3 de marzo") where one is given.
FOREIGN_MONTH: Final = r"(?P<month>(?-i:" + "|".join(sorted(lexicon.FOREIGN_MONTHS, key=len, reverse=True)) + r"))"
FOREIGN_DAY: Final = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:er|º|\.)?"
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
    + _NUMBER_WORD + r"[- ]" + _alternation(lexicon.MULTIPLIERS) + r"|"
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
# A clock time with a.m./p.m.; British style writes the minutes after a full stop ("9.30pm").
CLOCK: Final = (
    r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?" + _S + r"?(?P<ampm>[ap]\.m\.|[ap]m\b)"
)
# A year named relative to the publication date or to the time last mentioned: "last year", "that year".
YEAR_REL: Final = (
    r"(?P<year_rel>this|last|next|that|the" + _S + r"same|the" + _S + r"following|the" + _S + r"previous)"
    + _S + r"year"
)
# An analysts' quarter or half: "Q3", "H1" (capitals only: "h1" is no time).
QUARTER_CODE: Final = r"(?-i:Q[1-4]|H[12])"
# A vague tail TimeML keeps in the extent: "the next year or so".
OR_SO: Final = r"(?:" + _S + r"or" + _S + r"so)?"
# Not followed by more digits ("10:30:15", "10:30.5"): a full stop or comma may end the sentence or clause.
CLOCK24: Final = r"(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:]|[.,]\d)"
# The 24-hour clock as wire copy writes it with its time zone ("0900 GMT", "14.30 UTC"): the zone is what makes
# four digits a time, not a number or a year.
CLOCK24_ZONE: Final = (
    r"(?P<hour>[01]\d|2[0-3])[:.]?(?P<minute>[0-5]\d)" + _S + r"(?-i:GMT|UTC)(?!\w)"
)
# The 24-hour clock with "h" between hours and minutes, as French and other European sources write it ("19h30").
CLOCK_H: Final = r"(?P<hour>[01]?\d|2[0-3])h(?P<minute>[0-5]\d)(?!\w)"
# A year in words, as broadcast transcripts write it: "nineteen ninety-four", "two thousand".
SPELLED_YEAR: Final = (
    r"(?P<spelled_year>nineteen" + _S + r"(?:" + _alternation(lexicon.TENS) + r"(?:-|" + _S + r")"
    + r"(?:one|two|three|four|five|six|seven|eight|nine)|" + _alternation(lexicon.TENS) + r")|two" + _S
    + r"thousand(?!" + _S + r"(?:years|days|people)\b))"
)

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


class Example(NamedTuple):
    """A short phrase of news and what a rule finds in it, as chronology.tagger.tag returns it: the `extent`,
    its TIMEX3 `type`, its underspecified `value` and its `mod`."""

    text: str
    extent: str
    type: str
    value: str
    mod: str | None = None


@dataclass(frozen=True)
class Pattern:
    """One extraction rule: `source`, a regex matched case-insensitively (`(?-i:...)` where case matters).
    `required` (its triggers) and `reach` are derived from its parsed form (see `regex_required` and
    `regex_reach`): the tagger runs the regex only where a match can start given where the triggers are, never
    over the whole text. The regex is compiled when first used: a short text holds the triggers of few
    patterns, and compiling them all takes about a tenth of a second.

    `examples` are phrases in which the rule finds an expression, `negatives` phrases in which it must find none
    (tests/test_rule_examples.py runs them all)."""

    name: str
    kind: str
    source: str
    # Documentation of the rule, not the rule: left out of equality and hashing, as the tagger looks patterns up
    # by hash on every text (chronology.tagger._after_gap).
    examples: tuple[Example, ...] = field(default=(), compare=False, repr=False)
    negatives: tuple[str, ...] = field(default=(), compare=False, repr=False)

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    @cached_property
    def required(self) -> Required | None:
        return _required(self._parsed, before=False, after=False)

    @cached_property
    def reach(self) -> int | None:
        return _reach(self._parsed.data)

    @cached_property
    def _parsed(self) -> _Items:
        """The regex as re parses it (parsing is most of what compiling costs), read by `required` and `reach`."""
        return _parser.parse(self.source, re.IGNORECASE)


# After "earlier"/"later": not a comparison ("later than planned").
NOT_THAN: Final = r"(?!" + _S + r"than\b)"


def _p(
    name: str, kind: str, body: str, *, examples: tuple[Example, ...] = (), negatives: tuple[str, ...] = ()
) -> Pattern:
    return Pattern(name, kind, _START + body + _END, examples, negatives)


PATTERNS: Final[tuple[Pattern, ...]] = (
    # Calendar dates.
    # The last day of a period reported ("the quarter ended Sept. 30"): a date that does not move the narrative.
    _p("period_end_day", "date", r"(?:(?<=\bended )|(?<=\bending ))" + MONTH + _S + DAY
       + r"(?:,?" + _S + YEAR + r")?(?!" + _S + r"?[:\d])",
       examples=(Example("Revenue was $76 million for the year ended March 31.", "March 31", "DATE", "XXXX-03-31"),
                 Example("in the period ended Dec. 31, 2022", "Dec. 31, 2022", "DATE", "2022-12-31")),
       negatives=("Sales for the quarter through Sept. 30 rose.",)),
    _p("week_of", "week_of", r"the" + _S + r"week" + _S + r"of" + _S + MONTH + _S + DAY + r"(?:,?" + _S + YEAR
       + r")?(?!" + _S + r"?[:\d])",
       examples=(Example("resolved in a hearing the week of March 6, he said", "the week of March 6", "DATE",
                         "WEEK-OF-XXXX-03-06"),
                 Example("It met the week of Jan. 3, 2000.", "the week of Jan. 3, 2000", "DATE", "WEEK-OF-2000-01-03")),
       negatives=("a week of talks in March",)),
    _p("month_day_year", "date", MONTH + _S + DAY + r",?" + _S + YEAR,
       examples=(Example("It happened on January 3, 2020.", "January 3, 2020", "DATE", "2020-01-03"),
                 Example("The blasts on Aug. 7, 1998 killed many.", "Aug. 7, 1998", "DATE", "1998-08-07")),
       negatives=("Police said on March 3, 20 people died.",)),
    _p("day_month_year", "date", DAY + _S + r"(?:of" + _S + r")?" + MONTH + r",?" + _S + YEAR,
       examples=(Example("dated 26 July 2021", "26 July 2021", "DATE", "2021-07-26"),
                 Example("on the 3rd of May 2020", "3rd of May 2020", "DATE", "2020-05-03")),
       negatives=("He scored 3 in May 2019.",)),
    _p("iso_date", "date", r"(?P<year>1[6-9]\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>3[01]|[12]\d|0[1-9])",
       examples=(Example("filed 1998-08-07 in court", "1998-08-07", "DATE", "1998-08-07"),),
       negatives=("the 2019-20 season", "code 2020-13-45")),
    _p("us_numeric_date", "date", r"(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/" + YEAR,
       examples=(Example("a notice dated 12/25/2020 was found", "12/25/2020", "DATE", "2020-12-25"),),
       negatives=("the 9/11 attacks", "a 24/7 service")),
    _p("month_day", "date", MONTH + _S + DAY + r"(?!" + _S + r"?[:\d])",
       examples=(Example("On December 8, the embassy was attacked.", "December 8", "DATE", "XXXX-12-08"),
                 Example("due Sept. 30 at the latest", "Sept. 30", "DATE", "XXXX-09-30")),
       negatives=("Soldiers march 10 miles a day.", "The top 10 may fall.")),
    _p("day_month", "date", DAY + _S + r"(?:of" + _S + r")?" + MONTH + r"(?!" + _S + r"?\d)",
       examples=(Example("The ceasefire began on 5 March.", "5 March", "DATE", "XXXX-03-05"),),
       negatives=("The top 10 may fall.",)),
    _p("month_year", "date", MONTH + r",?" + _S + r"(?:of" + _S + r")?" + YEAR,
       examples=(Example("adopted in January 2020, requiring", "January 2020", "DATE", "2020-01"),)),
    # Dates of other languages, written out: day, month and year, or month and year.
    _p("foreign_day_month_year", "date", FOREIGN_DAY + _S + r"(?:de" + _S + r")?" + FOREIGN_MONTH + _S
       + r"(?:de" + _S + r")?" + YEAR,
       examples=(Example("Le 3 mars 2024, le président a parlé.", "3 mars 2024", "DATE", "2024-03-03"),
                 Example("El 3 de marzo de 2024 habló el presidente.", "3 de marzo de 2024", "DATE", "2024-03-03"),
                 Example("Am 3. März 2024 sprach der Präsident.", "3. März 2024", "DATE", "2024-03-03"),
                 Example("le 1er mai 2023 à Paris", "1er mai 2023", "DATE", "2023-05-01")),
       negatives=("The Mars 2020 rover landed.", "He lived at 3 Mai Street in 2020.")),
    _p("foreign_month_year", "date", FOREIGN_MONTH + _S + r"(?:de" + _S + r")?" + YEAR,
       examples=(Example("en marzo de 2024 se firmó", "marzo de 2024", "DATE", "2024-03"),
                 Example("seit März 2022 im Amt", "März 2022", "DATE", "2022-03")),
       negatives=("Mayo 2019 was wet in Ireland.",)),
    _p("month_short_year", "date", MONTH + _S + SHORT_YEAR,
       examples=(Example("Sales peaked in March '98.", "March '98", "DATE", "1998-03"),)),
    _p("month_spelled_year", "date", MONTH + r",?" + _S + r"(?:of" + _S + r")?" + SPELLED_YEAR,
       examples=(Example("It began in January nineteen ninety-seven.", "January nineteen ninety-seven", "DATE",
                         "1997-01"),),
       negatives=("In March two thousand people marched.",)),
    _p("month_rel_year", "month", MONTH + _S + r"(?:of" + _S + r")?" + YEAR_REL,
       examples=(Example("In January this year, police searched the site.", "January this year", "DATE",
                         "UNDEF-this-year-IN-01"),
                 Example("It was signed in May that year.", "May that year", "DATE", "UNDEF-REF-year-IN-05")),
       negatives=("Prices may this year rise again.",)),
    _p("weekday_date", "date", WEEKDAY + r",?" + _S + MONTH + _S + DAY + r"(?:,?" + _S + YEAR + r")?(?!:?\d)",
       examples=(Example("said in an editorial on Saturday, April 25: the court", "Saturday, April 25", "DATE",
                         "XXXX-04-25"),
                 Example("shot on Friday, Oct. 23, 1998, at home", "Friday, Oct. 23, 1998", "DATE", "1998-10-23"))),
    _p("month", "month", r"(?:" + REL + _S + r")?" + MONTH + r"(?!" + _S + r"\d)",
       examples=(Example("Israel used its airspace in October.", "October", "DATE", "XXXX-10"),
                 Example("attacks since mid-October", "mid-October", "DATE", "XXXX-10", "MID")),
       negatives=("prices may fall in spring", "Soldiers march on the capital.", "Jan Smith spoke", "a May Day rally",
                  "May I help you?", "May God bless America.", "Prime Minister Theresa May said so.",
                  "Brian May played the guitar.")),
    _p("year", "date", r"(?:(?P<rel>the" + _S + r"year|fiscal(?:" + _S + r"year)?|calendar|fy)" + _S + r"?)?"
       + YEAR + r"(?!\s?%|" + _S + r"(?:percent|people|soldiers|troops|attacks|km|miles|tons|feet|points|workers"
       + r"|employees|residents|students|members|votes|barrels|copies|metres|meters|kilometres|kilometers)\b)",
       examples=(Example("It was founded in 1949.", "1949", "DATE", "1949"),
                 Example("results for fiscal 1989 were weak", "fiscal 1989", "DATE", "1989"),
                 Example("In 1999 sales rose.", "1999", "DATE", "1999")),
       negatives=("2,500 American soldiers", "it cost $1999 and 1,999 euros", "a 2000 km trip", "the 2000 people",
                  "the novel 1984", 'the musical "1776" opened', "He scored 2000 points.",
                  "The plant employs 1500 workers.", "She stayed in Room 1999.", "It is on page 1998.",
                  "He boarded Flight 1990 to Boston.")),
    _p("spelled_year", "date", r"(?:the" + _S + r"year" + _S + r")?" + SPELLED_YEAR,
       examples=(Example("in nineteen ninety-six", "nineteen ninety-six", "DATE", "1996"),),
       negatives=("two thousand people", "secrets kept for more than two thousand years")),
    # Decades and centuries.
    _p("decade_digits", "decade", r"(?:the" + _S + r")?(?:(?P<mod>early|mid|late)[- ])?"
       + r"(?P<decade>1[6-9]\d0|20\d0|'\d0)'?s",
       examples=(Example("prices in the 1990s rose", "the 1990s", "DATE", "199"),
                 Example("in the late 1970s", "the late 1970s", "DATE", "197", "END")),
       negatives=("temperatures in the 90s",)),
    _p("decade_words", "decade", r"(?:the" + _S + r")?(?:(?P<mod>early|mid|late)[- ])?(?P<decade_word>"
       + _alternation(lexicon.DECADE_WORDS) + r")",
       examples=(Example("music of the nineties", "the nineties", "DATE", "199"),),
       negatives=("The man, in his sixties, was freed.", "a woman in her late twenties")),
    _p("century", "century", r"(?:the" + _S + r")?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|"
       + _alternation(lexicon.ORDINALS) + r")" + r"[- ]century",
       examples=(Example("in the 20th century", "the 20th century", "DATE", "19"),)),
    # Quarters and halves, including fiscal ones and the year's.
    _p("quarter", "quarter", r"(?:the" + _S + r")?(?:(?P<rel>this|last|next|the" + _S + r"year's|this" + _S
       + r"year's|last" + _S + r"year's|next" + _S + r"year's|year-ago|year-earlier|" + YEAR + r"'s)" + _S
       + r")?(?P<fiscal>fiscal[- ]|fiscal" + _S + r")?" + ORDINAL + r"[- ](?P<unit>quarter|half)(?:" + _S
       + r"(?:of" + _S + r")?(?:(?:fiscal|calendar)" + _S + r")?(?P<year2>1[6-9]\d\d|20\d\d))?",
       examples=(Example("profit in the first quarter of 1998 fell", "the first quarter of 1998", "DATE", "1998-Q1"),
                 Example("a third-quarter loss", "third-quarter", "DATE", "XXXX-Q3"),
                 Example("sales for last year's third quarter", "last year's third quarter", "DATE",
                         "UNDEF-this-year-MINUS-1-IN-Q3")),
       negatives=("Iraq imports about three-quarters of its food", "a quarter of its income",
                  "a second group of directors")),
    _p("year_quarter", "quarter", r"(?:the" + _S + r")?" + YEAR + _S + ORDINAL + r"[- ](?P<unit>quarter|half)",
       examples=(Example("a charge in the 1988 second quarter for losses", "the 1988 second quarter", "DATE",
                         "1988-Q2"),)),
    # Analysts' shorthand: "Q3 2023", "2023 Q3", "Q3 FY2024", "H1 2024"; a code without its year only after a
    # preposition ("in Q4"), since "Audi Q3" and "H2" (hydrogen) are no times.
    _p("quarter_code", "quarter_code", r"(?:" + YEAR + _S + r"(?P<code>" + QUARTER_CODE + r")|(?P<code2>"
       + QUARTER_CODE + r")" + _S + r"(?:of" + _S + r")?(?:FY[ \t]?|fiscal" + _S + r")?(?P<year2>1[6-9]\d\d|20\d\d)|"
       + "(?:" + "|".join(f"(?<=\\b{word} )" for word in ("in", "for", "during", "since", "by", "until", "of"))
       + r")(?-i:(?P<code3>Q[1-4])))",
       examples=(Example("revenue in Q3 2023 rose", "Q3 2023", "DATE", "2023-Q3"),
                 Example("guidance for Q3 FY2024 was cut", "Q3 FY2024", "DATE", "2024-Q3"),
                 Example("profit rose in Q4.", "Q4", "DATE", "XXXX-Q4")),
       negatives=("The Audi Q3 is a small SUV.", "H2 production grew.", "the H1N1 virus", "in Q5")),
    _p("quarter_ref", "quarter_ref", r"(?:the" + _S + r")?(?:(?:comparable|corresponding)" + _S + r")?"
       + r"(?P<rel>latest|current|past|last|previous|prior|"
       + r"year-ago|year-earlier|recent)" + _S + r"(?P<unit>quarter|period)",
       examples=(Example("in the latest quarter", "the latest quarter", "DATE", "UNDEF-this-quarter-MINUS-1"),
                 Example("in the year-ago quarter it lost money", "the year-ago quarter", "DATE",
                         "UNDEF-REF-quarter-MINUS-4")),
       negatives=("accounting for more than a quarter of the market",)),
    _p("the_quarter", "quarter_ref", r"the" + _S + r"(?P<unit>quarter)",
       examples=(Example("Net rose 8% in the quarter.", "the quarter", "DATE", "UNDEF-this-quarter-MINUS-1"),),
       negatives=("the French Quarter of New Orleans",)),
    # The period reported, a year before: "the corresponding period last year", "the quarter a year ago".
    _p("quarter_year_ago", "quarter_ref", r"the" + _S + r"(?:(?:comparable|corresponding|same|year-ago|year-earlier)"
       + _S + r")?(?P<unit>quarter|period)" + _S + r"(?P<ago>last" + _S + r"year|a" + _S + r"year" + _S
       + r"(?:ago|earlier))",
       examples=(Example("for the corresponding period last year", "the corresponding period last year", "DATE",
                         "UNDEF-REF-quarter-MINUS-4"),
                 Example("For the quarter a year ago it fell.", "the quarter a year ago", "DATE",
                         "UNDEF-REF-quarter-MINUS-4"))),
    _p("last_years_quarter", "quarter_ref", r"(?P<ago>last" + _S + r"year's)" + _S + r"(?P<unit>quarter|period)",
       examples=(Example("sales for last year's quarter", "last year's quarter", "DATE",
                         "UNDEF-REF-quarter-MINUS-4"),)),
    # The period reported, in another year: "the 1988 period" is that year's same quarter.
    _p("year_period", "year_period", r"the" + _S + YEAR + _S + r"(?:period|(?P<quarter_word>quarter))",
       examples=(Example("earned $5 in the 1988 period", "the 1988 period", "DATE", "1988-QREF"),
                 Example("earned $5 in the 1988 quarter", "the 1988 quarter", "DATE", "1988-QLAST"))),
    # Seasons and holidays.
    _p("season", "season", r"(?:(?P<rel>" + _alternation(lexicon.RELATION_WORDS) + r")" + _S + r"|(?P<det>the)"
       + _S + r")?" + SEASON
       + r"(?:" + _S + r"(?:of" + _S + r")?(?:" + YEAR + r"|" + SPELLED_YEAR + r"))?",
       examples=(Example("formed last summer, it", "last summer", "DATE", "UNDEF-last-XXXX-SU"),
                 Example("the winter of 1994", "the winter of 1994", "DATE", "1994-WI")),
       negatives=("prices may fall in spring", "spring water", "after the fall of Kabul", "the fall in prices")),
    _p("holiday", "holiday", HOLIDAY + r"(?:" + _S + YEAR + r")?",
       examples=(Example("shops closed on Christmas Day", "Christmas Day", "DATE", "XXXX-12-25"),
                 Example("they met on Thanksgiving", "Thanksgiving", "DATE", "XXXX-11-NTH-4-4"),
                 Example("on Easter Monday", "Easter Monday", "DATE", "XXXX-EASTER+1")),
       negatives=("They flew to Easter Island.", "a Christmas Island detention centre")),
    # Weekdays, deictic days and parts of day.
    # "the following Monday": the Monday after the time last mentioned (chronology.tagger._REF_RELATIONS).
    _p("weekday_ref", "weekday", r"(?P<ref_rel>the" + _S + r"(?:following|previous|preceding))" + _S + WEEKDAY
       + r"(?:" + _S + POD + r")?",
       examples=(Example("down from the previous Friday", "the previous Friday", "DATE", "UNDEF-REF-last-XXXX-WXX-5"),
                 Example("talks resumed the following Monday morning", "the following Monday morning", "DATE",
                         "UNDEF-REF-next-XXXX-WXX-1TMO"))),
    _p("weekday", "weekday", r"(?:(?P<rel>last|next|this(?:" + _S + r"(?:past|coming))?|past|coming)" + _S
       + r")?" + WEEKDAY + r"(?:" + _S + POD + r")?",
       examples=(Example("It was attacked on Monday.", "Monday", "DATE", "XXXX-WXX-1"),
                 Example("He said last Friday that", "last Friday", "DATE", "UNDEF-last-XXXX-WXX-5"),
                 Example("read Wednesday night at a rally", "Wednesday night", "DATE", "XXXX-WXX-3TNI")),
       negatives=("the song \"Friday I'm in Love\"", "The Sunday Times reported it.", "Fridays for Future marched")),
    _p("deictic", "deictic", DEICTIC + r"(?:" + _S + POD + r")?",
       examples=(Example("He arrived yesterday.", "yesterday", "DATE", "UNDEF-this-day-MINUS-1"),
                 Example("They will talk tomorrow morning.", "tomorrow morning", "TIME", "UNDEF-this-day-PLUS-1TMO")),
       negatives=("He told USA Today so.", "a report by Russia Today")),
    _p("the_pod", "pod", r"(?:the|(?P<mod>mid))(?:-|" + _S + r")(?P<pod>morning|afternoon|evening)",
       examples=(Example("dealers placed orders in the morning", "the morning", "TIME", "XXXX-XX-XXTMO"),
                 Example("By mid afternoon, sources said", "mid afternoon", "TIME", "XXXX-XX-XXTAF", "MID"))),
    _p("next_pod", "pod", r"(?P<rel>the" + _S + r"(?:next|following))" + _S + POD,
       examples=(Example("he appeared in court the next morning", "the next morning", "TIME",
                         "UNDEF-REF-day-PLUS-1TMO"),)),
    _p("pod_deictic", "pod", POD + _S + r"(?P<rel>yesterday|today|tomorrow)",
       examples=(Example("He will speak evening tomorrow.", "evening tomorrow", "TIME", "UNDEF-this-day-PLUS-1TEV"),
                 Example("In London at mid-afternoon yesterday, shares rose.", "mid-afternoon yesterday", "TIME",
                         "UNDEF-this-day-MINUS-1TAF", "MID"))),
    _p("this_pod", "pod", r"(?P<rel>this|last|yesterday|tomorrow)" + _S + POD,
       examples=(Example("briefed on the attack this morning", "this morning", "TIME", "UNDEF-this-dayTMO"),
                 Example("shelling last night", "last night", "TIME", "UNDEF-this-day-MINUS-1TNI"))),
    # Relative calendar units: "last week", "this year", "next month", "the past year".
    _p("period_ended", "duration", r"(?:the" + _S + r")?(?:fiscal" + _S + r")?(?P<unit>year|quarter)(?="
       + _S + r"(?:ended|ending|that" + _S + r"ended)\b)",
       examples=(Example("Revenue was $76 million for the year ended March 31.", "the year", "DURATION", "P1Y"),
                 Example("In the fiscal year ended Jan. 31 sales rose.", "the fiscal year", "DURATION", "P1Y"))),
    _p("relative_unit", "relative", REL + _S + CAL_UNIT + OR_SO,
       examples=(Example("a statement made last week", "last week", "DATE", "UNDEF-this-week-MINUS-1"),
                 Example("profits rose last year.", "last year", "DATE", "UNDEF-this-year-MINUS-1"),
                 Example("during the next year or so", "the next year or so", "DATE", "UNDEF-REF-year-PLUS-1")),
       negatives=("Baker, speaking on ABC News' \"This Week,\" said",)),
    _p("earlier_this", "relative", r"(?P<mod>earlier|later)" + _S + r"(?P<rel>this|that|last|next)" + _S + CAL_UNIT,
       examples=(Example("sales rose earlier this year.", "earlier this year", "DATE", "UNDEF-this-year", "START"),)),
    _p("earlier_in_the", "relative", r"(?P<mod>earlier|later)" + _S + r"in" + _S + r"(?P<rel>the)" + _S
       + r"(?P<unit>week|month|year)",
       examples=(Example("Sales were delayed earlier in the year by rains.", "earlier in the year", "DATE",
                         "UNDEF-this-year", "START"),
                 Example("a decision later in the month", "later in the month", "DATE", "UNDEF-this-month", "END")),
       negatives=("She flew to Nairobi later in the day.",)),
    _p("full_year", "relative", r"(?P<rel>the)" + _S + r"(?:full|fiscal|current" + _S + r"fiscal)" + _S
       + r"(?P<unit>year)",
       examples=(Example("Sales for the full year were $6.6 billion.", "the full year", "DATE", "UNDEF-this-year"),
                 Example("It expects higher sales in the current fiscal year.", "the current fiscal year", "DATE",
                         "UNDEF-this-year"))),
    # "later in the day" is a time of day TimeML leaves unmarked, not the day itself.
    _p("the_unit", "relative", r"(?<!\bin )(?P<rel>the|that|the" + _S + r"same|the" + _S + r"next|the" + _S
       + r"following|the" + _S + r"previous|the" + _S + r"preceding)" + _S + r"(?P<unit>day|week|weekend|month|year)"
       + r"(?=" + _S + r"(?:before|after|earlier|later|ended|ending)\b|[,.;]|" + _S + r"(?:and|but|when|as)\b)",
       examples=(Example("shares fell the day before the plunge", "the day", "DATE", "UNDEF-REF-day"),
                 Example("Police arrived that day, he said.", "that day", "DATE", "UNDEF-REF-day")),
       negatives=("She flew to Nairobi later in the day.",)),
    _p("the_weekend", "relative", r"(?P<rel>the)" + _S + r"(?P<unit>weekend)",
       examples=(Example("evidence arrived over the weekend at the lab", "the weekend", "DATE",
                         "UNDEF-this-weekend"),)),
    _p("year_end", "year_end", r"year(?:-|" + _S + r"|'s" + _S + r")end",
       examples=(Example("to close the deal by year-end.", "year-end", "DATE", "UNDEF-this-year", "END"),
                 Example("in place by year's end.", "year's end", "DATE", "UNDEF-this-year", "END"))),
    _p("that_unit", "relative", r"(?P<rel>that)" + _S + r"(?P<unit>week|month|quarter|year)",
       examples=(Example("Results for that quarter included a charge.", "that quarter", "DATE", "UNDEF-REF-quarter"),)),
    _p("of_the_unit", "relative", r"(?<=\bof )(?P<rel>the|this|that|next|last)" + _S
       + r"(?P<unit>year|month|week|day|decade|century)",
       examples=(Example("cuts due at the end of the month", "the end of the month", "DATE", "UNDEF-this-month", "END"),
                 Example("talks went on over the course of the week", "the week", "DATE", "UNDEF-this-week"))),
    # Shifts: "four years ago", "a year earlier", "two days later".
    # "two days later than planned" compares with a plan: a duration, no shift.
    _p("ago", "shift", NUM + r"[ -]" + UNIT + OR_SO + _S + r"(?P<shift>ago|(?:earlier|later)" + NOT_THAN + r"|from"
       + _S + r"now|hence)",
       examples=(Example("passed four years ago, following", "four years ago", "DATE", "UNDEF-this-year-MINUS-4"),
                 Example("up from $4 a year earlier.", "a year earlier", "DATE", "UNDEF-REF-year-MINUS-1"),
                 Example("he returned two days later", "two days later", "DATE", "UNDEF-REF-day-PLUS-2")),
       negatives=("the line opened two days later than planned",)),
    _p("unit_ago", "shift", UNIT + _S + r"(?P<shift>ago|earlier)(?=[,.;])",
       examples=(Example("The plant closed years ago.", "years ago", "DATE", "PAST_REF"),),
       negatives=("finished weeks earlier than expected",)),
    _p("year_earlier_adj", "shift", r"(?:the" + _S + r")?(?P<unit>year|month|quarter|week)-(?P<shift>earlier|ago)"
       + r"(?:" + _S + r"(?:quarter|period|month|year))?",
       examples=(Example("compared with year-earlier profit", "year-earlier", "DATE", "UNDEF-REF-year-MINUS-1"),)),
    _p("set_times_a", "set", r"(?:(?<=\bonce )|(?<=\btwice )|(?<=\btimes ))(?P<rel>a)" + _S
       + r"(?P<unit>day|week|month|year)",
       examples=(Example("they meet twice a week", "a week", "SET", "P1W"),),
       negatives=("talks lasted a week",)),
    # Vague spans: "recent weeks", "the last few months", "coming years".
    _p("vague_span", "duration", r"(?P<rel>" + _alternation(lexicon.VAGUE_SPANS) + r")" + _S
       + r"(?P<unit>years|months|weeks|days|decades|quarters|hours)",
       examples=(Example("in recent weeks", "recent weeks", "DURATION", "PXW"),
                 Example("As the yen soared in recent years, losses grew.", "recent years", "DATE", "PAST_REF"))),
    # Durations.
    _p("duration", "duration", r"(?:(?P<rel>the(?:" + _S + r"(?:past|last|next|first|coming|previous|latest|"
       + r"final|remaining|full|year-earlier|year-ago))?|past|last|next|first|coming|another|an" + _S
       + r"additional|the" + _S + r"better" + _S + r"part" + _S + r"of)" + _S + r")?" + NUM + r"(?:-|" + _S + r")(?:"
       + _alternation(lexicon.UNIT_ADJECTIVES) + _S + r")?" + UNIT + OR_SO
       + r"(?!" + _S + r"(?:ago|old)\b|" + _S + r"(?:earlier|later)\b" + NOT_THAN + r")",
       examples=(Example("talks lasted two weeks", "two weeks", "DURATION", "P2W"),
                 Example("over the past three years", "the past three years", "DURATION", "P3Y"),
                 Example("a two-year plan", "two-year", "DURATION", "P2Y")),
       negatives=("a 44-year-old man", "Howes, 37 years old when he was kidnapped", "employees 55 years old or older")),
    _p("duration_and_half", "duration", NUM + _S + UNIT + r"(?P<half>[- ]and[- ]a[- ]half)",
       examples=(Example("But a minute and a half later, a pilot called.", "a minute and a half", "DURATION",
                         "PT1M30S"),)),
    _p("unit_plural_for", "duration", r"(?:(?<=\bfor )|(?<=\bwithin ))(?P<unit>years|months|weeks|days|decades|"
       + r"centuries|hours|minutes)",
       examples=(Example("it has waited for years", "years", "DURATION", "PXY"),
                 Example("troops will arrive within weeks", "weeks", "DURATION", "PXW"))),
    _p("unit_plural_in", "duration", r"(?<=\bin )(?P<unit>years|months|decades)",
       examples=(Example("for the first time in years", "years", "DURATION", "PXY"),)),
    _p("over_the_units", "duration", r"(?:(?<=\bover )|(?<=\bthrough ))the" + _S + r"(?P<unit>years|decades|months)",
       examples=(Example("many more patients over the years", "the years", "DURATION", "PXY"),)),
    _p("units_ahead", "duration", r"the" + _S + r"(?P<unit>days|weeks|months|years)" + _S + r"ahead",
       examples=(Example("to pay investors in the weeks ahead", "the weeks ahead", "DURATION", "PXW"),)),
    _p("unit_long", "duration", r"(?:" + NUM + r"-)?(?P<unit>(?:hour|day|week|month|year|decade)s?)-long",
       examples=(Example("the third day-long meeting", "day-long", "DURATION", "P1D"),
                 Example("a decades-long battle", "decades-long", "DURATION", "PXY"))),
    _p("vague_duration", "duration", r"(?<=\bfor )(?P<vague>" + _alternation(lexicon.VAGUE_DURATIONS) + r")",
       examples=(Example("they will stay for a while", "a while", "DURATION", "PXX"),),
       negatives=("It took a while.",)),
    # Sets.
    _p("set_every", "set", r"(?P<rel>every|each|per)" + _S + r"(?:(?P<num>other|two|three|four|five|six|\d{1,2})"
       + _S + r")?(?:" + WEEKDAY + r"|(?P<unit>day|week|month|quarter|year|hour|minute|morning|night|evening"
       + r"|weekend|summer|winter|spring|fall)s?|" + MONTH + r")",
       examples=(Example("they meet every Tuesday", "every Tuesday", "SET", "XXXX-WXX-2"),
                 Example("it is reviewed each year", "each year", "SET", "P1Y")),
       negatives=("every time he spoke",)),
    _p("set_adverb", "set", r"(?P<set_adverb>" + _alternation(lexicon.SET_ADVERBS) + r")",
       examples=(Example("prices are set daily", "daily", "SET", "P1D"),
                 Example("strikes nearly daily", "nearly daily", "SET", "P1D", "APPROX")),
       negatives=("The Daily Mail said so.", "told the Daily Telegraph")),
    _p("set_plural_weekday", "set", r"(?P<weekday>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)",
       examples=(Example("The market is closed on Sundays.", "Sundays", "SET", "XXXX-WXX-7"),)),
    _p("set_weekday_pods", "set", WEEKDAY + _S + r"(?P<pods>mornings|afternoons|evenings|nights)",
       examples=(Example("flights leave on Tuesday nights", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),)),
    # Clock times.
    _p("clock_weekday", "time", CLOCK + r"(?:" + _S + r"(?-i:[A-Z]{3}))?" + _S + WEEKDAY,
       examples=(Example("opens at 9 a.m. Tuesday", "9 a.m. Tuesday", "TIME", "XXXX-WXX-2T09:00"),)),
    _p("clock_date", "time", CLOCK + r"(?:" + _S + r"(?-i:[A-Z]{3}))?,?" + _S + MONTH + _S + DAY,
       examples=(Example("The deadline is 5 p.m. Sept. 30.", "5 p.m. Sept. 30", "TIME", "XXXX-09-30T17:00"),)),
    _p("clock", "time", CLOCK,
       examples=(Example("at 3:30 p.m. the blast", "3:30 p.m.", "TIME", "XXXX-XX-XXT15:30"),
                 Example("it happened at 9.30pm in the square", "9.30pm", "TIME", "XXXX-XX-XXT21:30"))),
    _p("clock_24", "time", CLOCK24,
       examples=(Example("The meeting began at 14:30 local time.", "14:30", "TIME", "XXXX-XX-XXT14:30"),
                 Example("The polls closed at 20:00.", "20:00", "TIME", "XXXX-XX-XXT20:00"),
                 Example("At 14:30, police arrived.", "14:30", "TIME", "XXXX-XX-XXT14:30")),
       negatives=("Psalm 23:4", "a lap time of 10:30.5")),
    _p("clock_24_zone", "time", CLOCK24_ZONE,
       examples=(Example("troops crossed at 0900 GMT near the border", "0900 GMT", "TIME", "XXXX-XX-XXT09:00"),
                 Example("the vote closed at 14.30 UTC", "14.30 UTC", "TIME", "XXXX-XX-XXT14:30"))),
    _p("clock_h", "time", CLOCK_H,
       examples=(Example("the match kicks off at 19h30 in Lyon", "19h30", "TIME", "XXXX-XX-XXT19:30"),),
       negatives=("the H1N1 virus",)),
    _p("noon", "time", r"(?P<named_time>noon|midnight|midday)(?:" + _S + WEEKDAY + r")?",
       examples=(Example("shut at noon", "noon", "TIME", "XXXX-XX-XXT12:00"),
                 Example("at midnight Friday the law took effect", "midnight Friday", "TIME", "XXXX-WXX-5T00:00"))),
    # References without a calendar value.
    _p("reference", "ref", r"(?P<ref_word>" + _alternation(lexicon.REFERENCE_WORDS) + r")",
       examples=(Example("Iraq can now defend itself", "now", "DATE", "PRESENT_REF"),
                 Example("there have recently been attacks", "recently", "DATE", "PAST_REF"),
                 Example("financed by offerings at a later date.", "a later date", "DATE", "FUTURE_REF"))),
)

# A title in quotation marks ("This Week," ''60 Minutes''): every word capitalised, two words or more; tested on an
# expression right after an opening quotation mark.
QUOTED_TITLE: Final = re.compile(r"(?:[A-Z]|\d)[\w.']*(?:[ \t]{1,3}[A-Z][\w.']*)+")
OPENING_QUOTES: Final = ("``", "''", '"', "\u201c")
# What follows "the day" in "the day before the plunge": a day told relative to an event, not today.
BEFORE_OR_AFTER: Final = re.compile(_S + r"(?:before|after)\b", re.IGNORECASE)

# Tense cues around an expression (chronology.tense weighs the nearest ones).
FUTURE_CUE: Final = re.compile(
    r"(?<![\w'])(?!" + _alternation(lexicon.NOT_CUES) + r"(?!\w))" + _alternation(lexicon.FUTURE_CUES) + r"(?!\w)",
    re.IGNORECASE,
)
PAST_CUE: Final = re.compile(r"(?<![\w'])" + _alternation(lexicon.PAST_CUES) + r"(?!\w)", re.IGNORECASE)
# A word, with its inner apostrophes and hyphens ("don't", "well-known"): what cue words are looked up by.
WORD: Final = re.compile(r"[\w'’-]+")
# Future wording of a statement ("will", "is expected to"): it is told as expected rather than reported.
# (The lookahead skips word boundaries where no cue can start.)
FUTURE_WORDING: Final = re.compile(
    r"\b(?=[a-z'])(?:" + "|".join(sorted(lexicon.STATEMENT_FUTURE_CUES, key=lambda cue: (-len(cue), cue))) + r")\b",
    re.IGNORECASE,
)
# "would": the future of a report ("said that schools would reopen on Friday"), no cue on its own.
WOULD: Final = re.compile(r"(?<![\w'])would(?!\w)", re.IGNORECASE)
# A weak future cue just before an expression ("until 9 a.m. Tuesday"), tested on the few characters before it.
WEAK_FUTURE_BEFORE: Final = re.compile(
    r"(?<![\w'])" + _alternation(lexicon.WEAK_FUTURE_CUES) + r"\s{1,3}$", re.IGNORECASE
)
# What may stand before an expression that opens its sentence: "On Tuesday, ...", "Also Sunday, ...".
FRONTED: Final = re.compile(
    r"\s{0,3}(?:``\s?|\"\s?)?(?:" + _alternation(lexicon.FRONTING_WORDS) + r"\s{1,3}){0,2}", re.IGNORECASE
)
# A past participle after "be", "been" or "being" is passive, not past ("will be held on Friday"): the text just
# before a past cue is tested with this (a bounded slice, so the search stays linear).
PASSIVE_BE: Final = re.compile(r"(?<![\w'])(?:be|been|being)\s{1,3}$", re.IGNORECASE)
# A quotation mark after an expression closes (or opens) the quoted clause: the words beyond it, "said" in
# `"... leave Thursday," Castro said`, are the attribution, not the tense of the expression's clause.
QUOTE_MARK: Final = re.compile(r"''|``|[\"\u201c\u201d]")


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of `words` (plain words, each starting with a lowercase letter or an apostrophe) with its
    alternatives grouped by their first character, in their order within each group. Alternatives starting with
    different characters never match at the same place, so the regex matches just as the plain alternation would;
    but the engine, which tries the alternatives of an alternation one by one, now tries one group per word instead
    of every cue."""
    groups: dict[str, list[str]] = {}
    for word in words:
        if word[0] not in "abcdefghijklmnopqrstuvwxyz'" or "(" in word:
            raise ValueError(f"not a plain lowercase alternative: {word!r}")
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Tense cues of publication-date clues (chronology.tense.SentenceCues, for chronology.context): future cues, then
# past ones, then past forms that may be passive participles (irregular ones and words in -ed). Every cue starts
# with a letter or an apostrophe: the lookahead rejects the other word boundaries at once (with the grouping, this
# scan takes a third of its plain alternation's time on news text).
CLUE_CUE: Final = re.compile(
    rf"\b(?=[a-z'])(?:(?P<future>{_by_first_letter(lexicon.CLUE_FUTURE_CUES)})"
    rf"|(?P<past>{_by_first_letter(lexicon.CLUE_PAST_CUES)})"
    rf"|(?P<participle>{_by_first_letter(sorted(lexicon.IRREGULAR_PAST))}|[a-z]{{2,20}}ed))\b",
    re.IGNORECASE,
)
# A passive auxiliary just before a participle cue ("was signed", "will be held"): the auxiliary carries the tense,
# the participle none. Tested on the few characters before the cue.
PASSIVE_AUXILIARY: Final = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.IGNORECASE)

# --- Clauses of a sentence (chronology.sentences.Clauses, chronology.events). ---
# Clause ends: ';' (the clause after it starts after it) or a connector word (the clause starts at the word).
CLAUSE_BREAK: Final = re.compile(
    r"\s*;\s*|[,\s]\s*\b(?P<word>" + "|".join(lexicon.CLAUSE_CONNECTORS) + r")\s+", re.IGNORECASE
)
# A clause starting with a connector and a gerund has no subject of its own ("... before flying home").
SUBJECTLESS: Final = re.compile(r"(?:" + "|".join(lexicon.GERUND_CONNECTORS) + r")\s+\w+ing\b", re.IGNORECASE)

# --- Things that are not events (chronology.nonevents). ---
# Photo credits: a line carrying one of these is a caption (chronology.ingest).
CREDIT_PATTERNS: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\bphoto(?:graph)?\s+(?:by|credit)\b",
        r"/\s*photo\b",
        r"\((?:[^()]{0,40}[-/]\s*)?(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Xinhua|Anadolu|WANA|SANA|IRNA)\)\.?\s*$",
        r"\bfile photo\b",
        # "Photo: Reuters", "Image: Getty Images", "... on Monday. Credit: Jane Roe/AFP"
        r"(?:^|[.)]\s{1,3}|\()(?:photo(?:graph)?|image|picture|pic|illustration|photo credit|image credit|credit)s?"
        r"\s{0,2}:\s{0,2}\S",
        r"\b(?:AP|AFP|EPA|Reuters|Getty|Xinhua|Anadolu)\s{1,3}photo\s{0,2}/",  # "(AP Photo/Vahid Salemi)"
        r"(?:/|\bvia\s{1,3})getty\s{1,3}images\b|\bgetty\s{1,3}images\W{0,3}$",
    )
)
_OPEN_QUOTE = r"(?:``|[\"“‘'])"
_IN_QUOTES = r"[^\"“”‘’`'\n]"  # a character of a quoted title: no quotation mark, no line break
_NOT_WORD_BEFORE = r"(?<![\w'’-])"
_NOT_WORD_AFTER = r"(?![\w'’-])"
# Before an expression: a work's noun, then either the opening quote of its title with the title's first words
# (the expression is inside it: "the musical '1776'", "a film titled 'Born on the Fourth of July'") or nothing more
# (the expression must then be a bare year: "the novel 1984"). A title starts with a capital or a digit: a quote
# starting in lower case is speech ('The show "will return in 2025," the network said'). Searched in a bounded slice
# ending at the expression (which the search cannot see: when it follows the quote, its own first letter counts).
WORK_TITLE_BEFORE: Final = re.compile(
    _NOT_WORD_BEFORE + _alternation(lexicon.WORK_NOUNS) + r"s?[ \t]{1,3}(?:(?P<quote>" + _OPEN_QUOTE + r")"
    + r"(?:(?=[A-Z\d])" + _IN_QUOTES + r"{1,80})?)?$"
)
# After an expression inside a quoted title: the rest of the title and its closing quote.
TITLE_CLOSE: Final = re.compile(_IN_QUOTES + r"{0,80}?(?:''|[\"”’'])")
# Before a bare year: a capitalised possessive that is not a contraction ("George Orwell's 1984", not "It's 2020").
POSSESSIVE_BEFORE: Final = re.compile(
    _NOT_WORD_BEFORE + r"(?!" + _alternation(w.capitalize() for w in lexicon.CONTRACTED_IS) + r"['’]s)"
    + r"[A-Z][\w-]{1,30}['’]s[ \t]{1,3}$"
)
# After that year: punctuation or a verb, so the year is the thing named ("Orwell's 1984 was published"), not a
# modifier of a noun ("Britain's 2016 referendum").
TITLE_YEAR_AFTER: Final = re.compile(
    r"[ \t]{0,3}(?:[,.;:)!?\"”’]|$)|[ \t]{1,3}" + _alternation(lexicon.BE_FORMS | lexicon.HAVE_FORMS) + _NOT_WORD_AFTER
)
BARE_YEAR: Final = re.compile(r"\d{4}")
# A capitalised word right before a bare year, on the same line and not opening its sentence: unless it is a word
# of the calendar or a function word a title-case headline capitalises (NOT_NAMES_BEFORE_YEAR), the year is part of
# a name ("WWDC 2005", "Developers Conference 2010") and dates no event.
NAME_BEFORE_YEAR: Final = re.compile(r"[\w,)][ \t]{1,3}(?P<word>[A-Z][\w&-]{0,30})[ \t]$")
NOT_NAMES_BEFORE_YEAR: Final = (
    lexicon.NOT_NAMES_BEFORE_YEAR | lexicon.MONTHS.keys() | lexicon.SEASONS.keys() | lexicon.WEEKDAYS.keys()
    | {holiday for holiday in lexicon.FIXED_HOLIDAYS if " " not in holiday}
)
# Before a number, a word showing it is not a year (lexicon.NON_YEAR_PREFIXES: "Room 1999", "page 1998").
NON_YEAR_BEFORE: Final = re.compile(
    _NOT_WORD_BEFORE + _alternation(lexicon.NON_YEAR_PREFIXES) + r"[ \t]{0,3}$", re.IGNORECASE
)
# A proper name holding a time word ("USA Today", "the Sunday Times", "Easter Island"): no time.
NAME_WITH_TIME_WORD: Final = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(re.escape(name) for name in lexicon.NAMES_WITH_TIME_WORDS) + r")(?![\w'’-])"
)
# Before a decade, a possessive: an age ("in his sixties", "in her mid-20s", "their late teens").
AGE_BEFORE: Final = re.compile(
    _NOT_WORD_BEFORE + _alternation(lexicon.AGE_POSSESSIVES) + r"[ \t]{1,3}(?:(?:early|mid|late)[- ]{1,2})?$",
    re.IGNORECASE,
)
# After "the fall" or "the spring" without a year: "of" or "in" and a noun, the event ("the fall of Kabul", "the fall
# in prices"), unless a relative year follows ("the fall of last year").
SEASON_EVENT_AFTER: Final = re.compile(
    r"[ \t]{1,3}(?:of|in)[ \t]{1,3}(?!(?:last|this|next|that)[ \t]{1,3}year\b)", re.IGNORECASE
)
# The capitalised word right before a month name.
CAPITALISED_BEFORE: Final = re.compile(r"(?<![\w'’-])(?P<word>[A-Z][a-z]{1,20})[ \t]{1,3}$")
# A condition: "if", "unless", "in case" ..., or "should" before its subject ("should Israel strike").
CONDITIONAL: Final = re.compile(
    _NOT_WORD_BEFORE + r"(?:(?P<opener>" + _alternation(lexicon.CONDITIONAL_OPENERS) + r")|should(?=[ \t]{1,3}(?:"
    + _alternation(lexicon.INVERSION_SUBJECTS) + _NOT_WORD_AFTER + r"|(?-i:[A-Z]))))" + _NOT_WORD_AFTER,
    re.IGNORECASE,
)
# What may stand before a condition that opens its sentence: blanks, quotes, brackets, dashes.
OPENING_DEBRIS: Final = re.compile(r"[\s\"“‘'`(*—–-]{0,8}")
# The word just before a conditional opener (tested on a bounded slice ending at the opener).
WORD_BEFORE: Final = re.compile(r"([\w'’-]{1,20})[ \t,]{1,3}$")
# Where a condition ends: a comma (not in "2,500"), a semicolon or "then".
CONDITION_END: Final = re.compile(r",(?!\d)|;|[ \t]then" + _NOT_WORD_AFTER, re.IGNORECASE)
# Before a condition that opens its clause: a lead word or punctuation ("He said on Monday that if ...").
CONDITION_LEAD: Final = re.compile(
    r"(?:" + _NOT_WORD_BEFORE + _alternation(lexicon.CONDITIONAL_LEADS) + r"|[:;—–(])[ \t,\"“‘'`]{0,4}$", re.IGNORECASE
)
# Where the consequent of a condition ends, short of the sentence's end: a semicolon, a closing quotation mark (a
# straight one only after punctuation: it may open a partial quote), or a relative clause telling a fact (",
# which has been on patrol since March").
CONSEQUENT_END: Final = re.compile(
    r";|''|”|[,.!?]\"|,[ \t]{1,3}(?:which|who|whom|whose|where)" + _NOT_WORD_AFTER, re.IGNORECASE
)
# What may follow the last words of a sentence.
SENTENCE_CLOSE: Final = re.compile(r"[\s.!?\"”’')\]]{0,8}")
# A sentence's closing attribution (", officials said on Friday."), searched from a conditional's consequent.
ATTRIBUTION_TAIL: Final = re.compile(
    r",[\"”’']?[ \t]{1,3}(?:[^,;!?\"”\n]{1,60}?[ \t])?" + _alternation(lexicon.ATTRIBUTION_VERBS) + _NOT_WORD_AFTER
    + r"[^,;!?\"”\n]{0,60}[.!?\"”’']{0,3}$",
    re.IGNORECASE,
)
# "every"/"each" just before an expression: a habit ("every Friday afternoon").
SET_QUANTIFIER_BEFORE: Final = re.compile(
    _NOT_WORD_BEFORE + _alternation(lexicon.SET_QUANTIFIERS) + r"[ \t]{1,3}$", re.IGNORECASE
)
# Closing author notes, matched at a line's start (case matters: the subject is a capitalised name or pronoun).
_BIO_NAME = r"[A-Z][\w'’.-]{0,24}(?:[ \t]{1,3}[A-Z][\w'’.-]{0,24}){0,3}"
_BIO_SUBJECT = (
    r"[^\w\n]{0,3}(?:" + _alternation(w.capitalize() for w in lexicon.BIO_PRONOUNS) + r"|" + _BIO_NAME + r")[ \t]{1,3}"
)
# "Jane Doe is a senior reporter ...", "He has been the paper's Middle East correspondent ...".
BIO_ROLE: Final = re.compile(
    _BIO_SUBJECT + _alternation(lexicon.BIO_LINKS) + r"[ \t]{1,3}(?:a|an|the)[ \t]{1,3}"
    + r"(?:[\w'’.-]{1,24}[ \t]{1,3}){0,4}?" + _alternation(lexicon.BIO_ROLES) + r"s?" + _NOT_WORD_AFTER
)
# "John Smith has covered the courts for the Times ...": a beat, then the outlet.
BIO_BEAT: Final = re.compile(
    _BIO_SUBJECT + _alternation(lexicon.BIO_BEAT_VERBS) + _NOT_WORD_AFTER + r"[^.!?\n]{0,80}?[ \t]"
    + _alternation(lexicon.BIO_OUTLET_LINKS) + r"[ \t]{1,3}(?:the[ \t]{1,3})?[\"“‘']?[A-Z]"
)
CONTACT_LINE: Final = re.compile(r"[^\w\n]{0,3}" + _alternation(lexicon.CONTACT_LINES) + _NOT_WORD_AFTER, re.IGNORECASE)
CONTRIBUTION_NOTE: Final = re.compile(_alternation(lexicon.CONTRIBUTION_NOTES) + _NOT_WORD_AFTER, re.IGNORECASE)


# What a regex needs, read from its parsed form, so that triggers stay right whatever the patterns say.
class Trigger(NamedTuple):
    """A string that a match contains (lowercase, matched case-insensitively; never with digits or blanks);
    `word_start`/`word_end` when no word character can stand just before/after it in the text."""

    text: str
    word_start: bool = False
    word_end: bool = False


# Stands for any character `\d` matches (one digit of the text is the trigger).
ANY_DIGIT: Final = Trigger(r"\d")
# Poor triggers: strings that every few words of running text contain, chosen only when nothing else is required.
_COMMON_STRINGS: Final = frozenset(
    {"the", "of", "a", "an", "and", "in", "on", "at", "to", "for", "from", "by", "with", "as", "s", "'s", "-"}
)
_MAX_EXACT: Final = 64  # the most strings an exact (finite) sub-language may have before it is given up

_Items = Any  # a parsed sequence: re._parser.SubPattern or a list of (opcode, argument)


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
    if _zero_width(op):
        return {""}  # adds nothing to the matched text
    return None


def _zero_width(op: Any) -> bool:
    return op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `\w` matches


def _may_be_empty(op: Any, av: Any) -> bool:
    return int(_parser.SubPattern(_parser.State(), [(op, av)]).getwidth()[0]) == 0


def _edge_not_word(items: _Items, last: bool) -> bool:
    """Whether every non-empty match of the sequence starts (ends, if `last`) with a non-word character."""
    sequence = list(items)
    for op, av in reversed(sequence) if last else sequence:
        if _zero_width(op):
            continue
        if not _item_edge_not_word(op, av, last):
            return False
        if not _may_be_empty(op, av):
            return True
    return True


def _item_edge_not_word(op: Any, av: Any, last: bool) -> bool:
    if op is _C.LITERAL:
        return not _word_char(chr(av))
    if op is _C.IN:
        return all(
            (kind is _C.LITERAL and not _word_char(chr(value))) or (kind is _C.CATEGORY and value is _C.CATEGORY_SPACE)
            for kind, value in av
        )
    if op is _C.SUBPATTERN:
        return _edge_not_word(av[3], last)
    if op is _C.BRANCH:
        return all(_edge_not_word(branch, last) for branch in av[1])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        return _edge_not_word(av[2], last)
    return False


def _is_word_class(items: _Items) -> bool:
    r"""Whether the sequence is `\w` or a class containing it: what `(?<![\w...])` and `(?!\w|...)` forbid."""
    sequence = list(items)
    return (
        len(sequence) == 1
        and sequence[0][0] is _C.IN
        and any(kind is _C.CATEGORY and value is _C.CATEGORY_WORD for kind, value in sequence[0][1])
    )


def _asserts_no_word(op: Any, av: Any, before: bool) -> bool:
    """Whether the assertion guarantees a non-word character (or the text's edge) just before (after) it."""
    if op not in (_C.ASSERT, _C.ASSERT_NOT) or (av[0] == -1) != before:
        return False
    body = list(av[1])
    if op is _C.ASSERT_NOT:
        branches = body[0][1][1] if len(body) == 1 and body[0][0] is _C.BRANCH else [body]
        return any(_is_word_class(branch) for branch in branches)
    return _edge_not_word(body, last=before) and not all(_may_be_empty(o, a) for o, a in body)


def _no_word_before(items: _Items, index: int, outer: bool) -> bool:
    """Whether no word character can precede what item `index` of the sequence matches; `outer` says so for
    the sequence itself."""
    for op, av in reversed(list(items)[:index]):
        if _asserts_no_word(op, av, before=True):
            return True
        if _zero_width(op):
            continue
        if not _item_edge_not_word(op, av, last=True):
            return False
        if not _may_be_empty(op, av):
            return True
    return outer


def _no_word_after(items: _Items, index: int, outer: bool) -> bool:
    """Whether no word character can follow what item `index` of the sequence matches."""
    for op, av in list(items)[index + 1 :]:
        if _asserts_no_word(op, av, before=False):
            return True
        if _zero_width(op):
            continue
        if not _item_edge_not_word(op, av, last=False):
            return False
        if not _may_be_empty(op, av):
            return True
    return outer


def _score(triggers: frozenset[Trigger]) -> tuple[float, float, int]:
    """Higher is rarer in text: the shortest trigger (common strings count as one character, a digit as 2.5),
    then whole words, then fewer strings."""
    weights = (2.5 if t == ANY_DIGIT else 1 if t.text in _COMMON_STRINGS else len(t.text) for t in triggers)
    whole = sum(t.word_start + t.word_end for t in triggers) / len(triggers)
    return min(weights), whole, -len(triggers)


class Required(NamedTuple):
    """What every match of a regex holds: one of `triggers`, starting at most `lead` characters after the match
    does (a digit trigger: any digit of the run it is in)."""

    triggers: frozenset[Trigger]
    lead: int


def _best(options: list[Required | None]) -> Required | None:
    usable = [o for o in options if o and o.triggers and all(t.text for t in o.triggers)]
    return max(usable, key=lambda o: _score(o.triggers)) if usable else None


def _required(items: _Items, before: bool, after: bool) -> Required | None:
    """The rarest trigger set the sequence's required parts give, or None. `before`/`after` say whether no word
    character can precede/follow the sequence's match."""
    sequence = list(items)
    options: list[Required | None] = []
    run: set[str] = {""}  # strings of the current run of consecutive exact items, which the match holds whole
    first = last = -1  # the run's first and last items that consume text
    run_lead = 0  # the most characters the items before the run consume

    def close() -> None:
        if first >= 0:
            start = _no_word_before(sequence, first, before)
            end = _no_word_after(sequence, last, after)
            options.append(Required(frozenset(Trigger(text, start, end) for text in run), run_lead))

    for index, (op, av) in enumerate(sequence):
        part = _exact_item(op, av)
        if part is not None:
            joined = {a + b for a in run for b in part}
            if len(joined) > _MAX_EXACT:
                close()
                run, first, last = {""}, -1, -1
                if len(part) > _MAX_EXACT:
                    continue
                joined = part
            if first < 0:
                run_lead = _width(sequence[:index])
            run = joined
            if part != {""}:
                first = index if first < 0 else first
                last = index
            continue
        close()
        run, first, last = {""}, -1, -1
        inner = _required_item(
            op, av, _no_word_before(sequence, index, before), _no_word_after(sequence, index, after)
        )
        options.append(inner and Required(inner.triggers, _width(sequence[:index]) + inner.lead))
    close()
    return _best(options)


def _required_item(op: Any, av: Any, before: bool, after: bool) -> Required | None:
    if _is_digit_class(op, av):
        return Required(frozenset({ANY_DIGIT}), 0)
    if op is _C.SUBPATTERN:
        return _required(av[3], before, after)
    if op is _C.ATOMIC_GROUP:
        return _required(av, before, after)
    if op is _C.BRANCH:
        union: set[Trigger] = set()
        lead = 0
        for branch in av[1]:
            part = _required(branch, before, after)
            if part is None:
                return None
            union |= part.triggers
            lead = max(lead, part.lead)
        return Required(frozenset(union), lead)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
        # the first repetition is always there; a second one may follow it
        _, high, body = av
        return _required(body, before, after and (high == 1 or _edge_not_word(body, last=False)))
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


def regex_required(regex: re.Pattern[str]) -> Required | None:
    """Triggers of which every match of `regex` contains one (ANY_DIGIT: a digit), or None when the regex
    requires no such string or its matches are unbounded."""
    return _required(_parser.parse(regex.pattern, regex.flags), before=False, after=False)


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
