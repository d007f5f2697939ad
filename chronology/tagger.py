"""Temporal expression tagging: find TIMEX3 extents and their underspecified values, with no anchoring.

`tag(text)` runs every pattern of chronology.patterns, interprets each match by its kind, keeps the longest
non-overlapping candidates (earlier patterns win ties), then attaches the modifiers TimeML includes in the
extent ("early", "mid-", "the end of", "about", "more than").

Underspecified values (the mini-language chronology.resolver reads):

- a TIMEX3 value that needs no anchor: ``1998-08-07``, ``1998-Q3``, ``199``, ``P3Y``, ``PRESENT_REF``;
- a value with unknown digits, resolved by tense (past or future) against the publication date:
  ``XXXX-12-08``, ``XXXX-10``, ``XXXX-SU``, ``XXXX-Q3``, ``XXXX-H1``, ``XXXX-WXX-1`` (a Monday);
  movable holidays ``XXXX-EASTER+1`` (Easter Monday), ``XXXX-11-NTH-4-4`` (4th Thursday of November) and
  ``XXXX-11-NTH-1-1+1`` (the day after the first Monday of November);
- an explicit relation to the publication date for those: ``UNDEF-last-XXXX-WXX-5`` (last Friday),
  ``UNDEF-next-XXXX-10``, ``UNDEF-this-XXXX-SU``;
- an offset in calendar units from the publication date: ``UNDEF-this-year-MINUS-1`` (last year),
  ``UNDEF-this-day-PLUS-1`` (tomorrow), ``UNDEF-this-week`` (this week); units: century, decade, year, half,
  quarter, month, week, weekend, day;
- the same from the time most recently mentioned (narrative anchoring): ``UNDEF-REF-day-PLUS-1``; a weekday
  after or before it: ``UNDEF-REF-next-XXXX-WXX-1`` (the following Monday);
- the week holding a day: ``WEEK-OF-XXXX-03-06`` (the week of March 6);
- a part of such a year: ``UNDEF-this-year-MINUS-1-IN-06`` (June last year), ``UNDEF-this-year-MINUS-1-IN-Q3``
  (the year-ago third quarter), ``UNDEF-REF-year-IN-05`` (May that year);
- the quarter in view, in a stated year: ``1988-QREF`` ("the 1988 period": that year's quarter matching the one
  last mentioned, or the year when no quarter is in view); ``1988-QLAST`` ("the 1988 quarter": the same, or
  with no quarter in view the quarter last reported before publication, in that year);
- any of the calendar forms may end in a part of day or a clock time: ``XXXX-WXX-3TNI``,
  ``UNDEF-this-dayTMO``, ``XXXX-XX-XXT10:35`` (a time on the day in context).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from re import _casefix  # type: ignore[attr-defined]
from typing import Any

from chronology import lexicon
from chronology.nonevents import in_title_of_work
from chronology.patterns import (
    AGE_BEFORE,
    ANY_DIGIT,
    BEFORE_OR_AFTER,
    CAPITALISED_BEFORE,
    DETERMINER_BEFORE_ADJECTIVE,
    NAME_WITH_TIME_WORD,
    NON_YEAR_BEFORE,
    OPENING_QUOTES,
    PATTERNS,
    PERIOD_MOD_PREFIX,
    QUANTITY_MOD_PREFIX,
    QUOTED_TITLE,
    SEASON_EVENT_AFTER,
    Pattern,
    Required,
    Trigger,
)

TimexKind = str
# How far before a decade a possessive, and before "May" a given name, are looked for; how long a name holding a
# time word is (lexicon.NAMES_WITH_TIME_WORDS).
_AGE_REACH = 20
_PREFIX_REACH = 16
_NAME_REACH = 25
_LONGEST_NAME = max(len(name) for name in lexicon.NAMES_WITH_TIME_WORDS)


@dataclass(frozen=True)
class Tagged:
    """A temporal expression found in text, before anchoring.

    `value` is in the mini-language described in this module's docstring; `rule` names the pattern that found
    it; `needs_anchor` is true when the value depends on the publication date or on an earlier expression."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None
    rule: str
    needs_anchor: bool


@dataclass(frozen=True)
class _Spec:
    type: str
    value: str
    mod: str | None = None


_WS = re.compile(r"\s+")


# Letters that Python's case-insensitive matching equates with ASCII ones ("ſunday" matches "sunday": ſ, ı) but
# that lower() leaves as they are; folded so that what a pattern matched is found in the lexicon. Taken from the
# table re itself uses, as the trigger scan (_plan) does.
_CASE_EQUIVALENTS = str.maketrans(
    {chr(extra): chr(letter) for letter, extras in _casefix._EXTRA_CASES.items() if letter < 128 for extra in extras}
)


def _norm(word: str | None) -> str:
    return _WS.sub(" ", word.lower().translate(_CASE_EQUIVALENTS)).strip() if word else ""


def _month(word: str) -> int:
    word = _norm(word).rstrip(".")
    if word.isdigit():
        return int(word)
    return lexicon.MONTHS.get(word) or _FOREIGN_MONTHS[word]


_FOREIGN_MONTHS: dict[str, int] = {_norm(name): number for name, number in lexicon.FOREIGN_MONTHS.items()}


def _number(word: str | None) -> float | None:
    """The value of a number phrase; None when vague ("several")."""
    text = _norm(word)
    if not text or text in lexicon.VAGUE_QUANTITIES:
        return None
    half = 0.0
    for suffix in (" and a half", "-and-a-half", " 1/2", "-1/2"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)], 0.5
    if text in {"a half", "a-half"}:
        return 0.5
    if text.replace(",", "").replace(".", "", 1).isdigit():
        return float(text.replace(",", "")) + half
    if text in lexicon.CARDINALS:
        return lexicon.CARDINALS[text] + half
    parts = re.split(r"[- ]", text)
    if len(parts) == 2 and parts[1] in lexicon.MULTIPLIERS and parts[0] in lexicon.CARDINALS:
        return lexicon.CARDINALS[parts[0]] * lexicon.MULTIPLIERS[parts[1]] + half
    if len(parts) == 2 and parts[0] in lexicon.TENS and parts[1] in lexicon.CARDINALS:
        return lexicon.CARDINALS[parts[0]] + lexicon.CARDINALS[parts[1]] + half
    return None


def _relation(word: str | None) -> int | None:
    text = _norm(word)
    return lexicon.RELATION_WORDS.get(text) if text else None


_FULL_MONTH_NAMES = frozenset(name for name in lexicon.MONTHS if len(name) > 3 or name == "may")
_REL_NAMES = {-1: "last", 0: "this", 1: "next"}


def _with_relation(partial: str, rel: str | None) -> str:
    offset = _relation(rel)
    return partial if offset is None else f"UNDEF-{_REL_NAMES[offset]}-{partial}"


def _offset(anchor: str, unit: str, amount: int) -> str:
    if amount == 0:
        return f"UNDEF-{anchor}-{unit}"
    return f"UNDEF-{anchor}-{unit}-{'PLUS' if amount > 0 else 'MINUS'}-{abs(amount)}"


def _pod(word: str | None) -> str:
    return "T" + lexicon.PARTS_OF_DAY[_norm(word)] if word else ""


def _format_amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else f"{amount:g}"


def _duration(amount: float | None, unit_word: str) -> str:
    letter, is_time, _ = lexicon.UNITS[_norm(unit_word)]
    if letter in lexicon.UNIT_SCALE:
        scale, letter = lexicon.UNIT_SCALE[letter]
        amount = None if amount is None else amount * scale
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount != int(amount) and (letter, is_time) in lexicon.SUBUNITS:
        scale, subletter = lexicon.SUBUNITS[letter, is_time]
        return f"{prefix}{int(amount)}{letter}{round((amount - int(amount)) * scale)}{subletter}"
    return f"{prefix}{_format_amount(amount)}{letter}"


def _year(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups.get("year"):
        return str(groups["year"])
    if groups.get("short_year"):
        short = int(groups["short_year"])
        return str((1900 if short >= 30 else 2000) + short)
    if groups.get("spelled_year"):
        words = _norm(groups["spelled_year"]).replace("-", " ").split()
        if words[:2] == ["two", "thousand"]:
            return "2000"
        return str(1900 + sum(lexicon.CARDINALS[w] for w in words[1:]))
    return "XXXX"


def _g(m: re.Match[str], name: str) -> str:
    """A named group's text, or "" when the pattern has no such group or it did not take part."""
    return m.groupdict().get(name) or ""


# Interpreters: one per pattern kind, each mapping a match to a spec (None rejects the match).


def _date(m: re.Match[str]) -> _Spec | None:
    year = _year(m)
    groups = m.groupdict()
    if not groups.get("month"):
        if NON_YEAR_BEFORE.search(m.string, max(0, m.start() - _PREFIX_REACH), m.start()):
            return None  # a number: "Room 1999", "page 1998"
        return _Spec("DATE", year)
    month = _month(_g(m, "month"))
    if not groups.get("day"):
        return _Spec("DATE", f"{year}-{month:02d}")
    day = int(_g(m, "day"))
    if day > (29 if month == 2 else 30 if month in {4, 6, 9, 11} else 31):
        return None
    return _Spec("DATE", f"{year}-{month:02d}-{day:02d}")


def _week_of(m: re.Match[str]) -> _Spec | None:
    day = _date(m)
    return None if day is None else _Spec("DATE", "WEEK-OF-" + day.value)


# "last year", "that year", ...: (anchor, offset in years) of a year named relative to another time.
_YEAR_RELATIONS = {"this": ("this", 0), "last": ("this", -1), "next": ("this", 1), "that": ("REF", 0),
                   "the same": ("REF", 0), "the following": ("REF", 1), "the previous": ("REF", -1)}


def _in_year(year_rel: str, part: str) -> str:
    """A part of a relative year ("June last year", "last year's third quarter"): the year's offset value
    followed by ``-IN-`` and the part."""
    anchor, offset = _YEAR_RELATIONS[_norm(year_rel)]
    return f"{_offset(anchor, 'year', offset)}-IN-{part}"


def _month_kind(m: re.Match[str]) -> _Spec | None:
    word = _norm(_g(m, "month"))
    if word not in _FULL_MONTH_NAMES and not word.endswith("."):
        return None  # a bare "Jan" or "Aug" is a name more often than a month
    if word == "may" and _after_given_name(m.string, m.start("month")):
        return None  # "Theresa May said"
    if _g(m, "year_rel"):
        return _Spec("DATE", _in_year(_g(m, "year_rel"), f"{_month(_g(m, 'month')):02d}"))
    return _Spec("DATE", _with_relation(f"XXXX-{_month(_g(m, 'month')):02d}", _g(m, "rel")))


def _after_given_name(text: str, start: int) -> bool:
    """Whether a capitalised word that is neither a preposition nor a modifier nor a weekday (lexicon.BEFORE_MONTH)
    stands right before `start`: a given name before a surname, even opening a sentence ("Brian May played")."""
    before = CAPITALISED_BEFORE.search(text, max(0, start - _NAME_REACH), start)
    return before is not None and before.group("word").lower() not in lexicon.BEFORE_MONTH


def _season(m: re.Match[str]) -> _Spec | None:
    name = _norm(_g(m, "season"))
    code = lexicon.SEASONS[name]
    year = _year(m)
    if name in {"fall", "spring"} and year == "XXXX" and not _g(m, "rel"):
        if not _g(m, "det"):
            return None  # the verbs "fall" and "spring"
        if SEASON_EVENT_AFTER.match(m.string, m.end()):
            return None  # the nouns: "the fall of Kabul", "the fall in prices"
    if year != "XXXX":
        return _Spec("DATE", f"{year}-{code}")
    return _Spec("DATE", _with_relation(f"XXXX-{code}", _g(m, "rel")))


def _holiday(m: re.Match[str]) -> _Spec:
    name = _norm(_g(m, "holiday"))
    year = _g(m, "year") or "XXXX"
    if name in lexicon.FIXED_HOLIDAYS:
        month, day = lexicon.FIXED_HOLIDAYS[name]
        return _Spec("DATE", f"{year}-{month:02d}-{day:02d}")
    if name in lexicon.NTH_WEEKDAY_HOLIDAYS:
        month, weekday, nth, after = lexicon.NTH_WEEKDAY_HOLIDAYS[name]
        return _Spec("DATE", f"{year}-{month:02d}-NTH-{weekday}-{nth}" + (f"{after:+d}" if after else ""))
    return _Spec("DATE", f"{year}-EASTER{lexicon.EASTER_HOLIDAYS[name]:+d}")


def _weekday(m: re.Match[str]) -> _Spec:
    day = lexicon.WEEKDAYS[_norm(_g(m, "weekday")).rstrip(".")]
    ref_rel = _norm(m.groupdict().get("ref_rel"))
    if ref_rel:  # "the previous Friday": the Friday before the time last mentioned
        partial = f"UNDEF-REF-{_REL_NAMES[_REF_RELATIONS[ref_rel]]}-XXXX-WXX-{day}"
    else:
        partial = _with_relation(f"XXXX-WXX-{day}", _g(m, "rel"))
    return _Spec("DATE", partial + _pod(_g(m, "pod")))


def _deictic(m: re.Match[str]) -> _Spec:
    offset, pod = lexicon.DEICTIC_DAYS[_norm(_g(m, "deictic"))]
    suffix = _pod(_g(m, "pod")) or (f"T{pod}" if pod else "")
    return _Spec("TIME" if suffix else "DATE", _offset("this", "day", offset) + suffix)


def _pod_kind(m: re.Match[str]) -> _Spec:
    rel = _norm(_g(m, "rel"))
    pod = _norm(_g(m, "pod"))
    if not rel:  # "in the morning", "by mid afternoon": of the day in context, as a bare clock time is
        return _Spec("TIME", "XXXX-XX-XX" + _pod(pod), "MID" if _g(m, "mod") else None)
    if rel in _REF_RELATIONS:  # "the next morning": of the day after the time last mentioned
        return _Spec("TIME", _offset("REF", "day", _REF_RELATIONS[rel]) + _pod(pod))
    offset = -1 if rel == "last" and pod in {"night", "evening"} else {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
    return _Spec("TIME", _offset("this", "day", offset) + _pod(pod))


_REF_RELATIONS = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1,
                  "the preceding": -1}


def _relative(m: re.Match[str]) -> _Spec | None:
    rel = _norm(_g(m, "rel"))
    unit = _norm(_g(m, "unit"))
    groups = m.groupdict()
    mod = {"earlier": "START", "later": "END"}.get(_norm(groups.get("mod")))
    if rel in _REF_RELATIONS:
        return _Spec("DATE", _offset("REF", unit, _REF_RELATIONS[rel]), mod)
    if rel in lexicon.WINDOW_RELATIONS and unit in lexicon.WINDOW_UNITS and mod is None:
        return _Spec("DURATION", lexicon.WINDOW_UNITS[unit])
    if rel == "the" and unit == "day" and BEFORE_OR_AFTER.match(m.string, m.end()):
        # "Oct. 12, the day before the plunge": the day in the narrative, not the day of publication
        return _Spec("DATE", _offset("REF", unit, 0), mod)
    offset = 0 if rel == "the" else _relation(rel)
    if offset is None:
        return None
    return _Spec("DATE", _offset("this", unit, offset), mod)


def _shift(m: re.Match[str]) -> _Spec | None:
    shift = _norm(_g(m, "shift"))
    direction, narrative = lexicon.SHIFT_WORDS[shift]
    unit_word = _norm(_g(m, "unit"))
    groups = m.groupdict()
    amount = _number(groups.get("num")) if "num" in groups else None
    if "num" not in groups and unit_word in {"year", "month", "quarter", "week"}:
        amount = 1.0  # "year-earlier": the adjective form of "a year earlier"
        narrative = True
        if unit_word == "year" and _norm(m.group()).endswith(("quarter", "period")):
            return _Spec("DATE", _offset("REF", "quarter", -4 * direction))
    if amount is None or amount != int(amount):
        return _Spec("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    _, is_time, unit = lexicon.UNITS[unit_word.rstrip("s") if unit_word not in lexicon.UNITS else unit_word]
    if is_time:
        return _Spec("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF")
    count = int(amount)
    if unit == "decade":
        unit, count = "year", count * 10
    elif unit == "century":
        unit, count = "year", count * 100
    elif unit == "weekend":
        unit = "week"
    return _Spec("DATE", _offset("REF" if narrative else "this", unit, direction * count))


# After a quarter, "of" and no year make a fraction: "a quarter of the market", "three quarters of its food".
_FRACTION_OF = re.compile(r"\s{1,3}of\b(?!\s{1,3}(?:\d|fiscal\b|calendar\b))", re.IGNORECASE)
# "A second" before a noun is an ordinal: "a second group", "a second betrayal".
_ORDINAL_SECOND = re.compile(r"[ \t]{1,3}(?!(?:and|or|of|to|in|later|earlier|ago|before|after)\b)[a-z]")


def _duration_kind(m: re.Match[str]) -> _Spec | None:
    groups = m.groupdict()
    if groups.get("vague"):
        return _Spec("DURATION", lexicon.VAGUE_DURATIONS[_norm(_g(m, "vague"))])
    num = groups.get("num")
    unit = _norm(_g(m, "unit"))
    if num is not None and unit.endswith("s") and m.string[m.start("unit") - 1] == "-":
        return None  # a hyphenated plural is a fraction ("three-quarters"), not a duration
    amount = _number(num)
    if unit == "second" and _norm(num) in {"a", "an"} and _ORDINAL_SECOND.match(m.string, m.end()):
        return None
    if unit.startswith("quarter") and amount is not None and amount <= 3 and not _g(m, "rel") and _FRACTION_OF.match(
        m.string, m.end()
    ):
        return None
    reference = lexicon.VAGUE_REFERENCES.get(f"{_norm(_g(m, 'rel'))} {unit}")
    if num is None and reference:
        return _Spec("DATE", reference)
    if num is None:  # "for years" is PXY; "the year ended June 30" is P1Y
        return _Spec("DURATION", _duration(None if unit.endswith("s") else 1.0, unit))
    if amount is None and _norm(num) not in lexicon.VAGUE_QUANTITIES:
        return None
    if amount is not None and _g(m, "half"):
        amount += 0.5  # "a minute and a half"
    if _norm(num) in {"a", "an"} and _norm(groups.get("rel")) in {"", "the"} and unit in {"day", "night"}:
        return None  # "a day" on its own is too often not a duration ("a day after", "a great day")
    return _Spec("DURATION", _duration(amount, unit))


def _set(m: re.Match[str]) -> _Spec | None:
    groups = m.groupdict()
    if groups.get("set_adverb"):
        return _Spec("SET", lexicon.SET_ADVERBS[_norm(_g(m, "set_adverb"))])
    if groups.get("weekday"):
        day = lexicon.WEEKDAYS[_norm(_g(m, "weekday")).rstrip(".").rstrip("s")]
        pods = _norm(groups.get("pods"))
        return _Spec("SET", f"XXXX-WXX-{day}" + _pod(pods[:-1] if pods else None))
    if groups.get("month"):
        return _Spec("SET", f"XXXX-{_month(_g(m, 'month')):02d}")
    unit = _norm(_g(m, "unit")).rstrip("s")
    if unit in lexicon.PARTS_OF_DAY:
        return _Spec("SET", f"XXXX-XX-XXT{lexicon.PARTS_OF_DAY[unit]}")
    if unit in lexicon.SEASONS:
        return _Spec("SET", f"XXXX-{lexicon.SEASONS[unit]}")
    count = 2.0 if _norm(groups.get("num")) == "other" else _number(groups.get("num")) or 1.0
    if unit == "quarter":
        return _Spec("SET", f"P{int(count)}Q")
    return _Spec("SET", _duration(count, unit))


def _time(m: re.Match[str]) -> _Spec | None:
    groups = m.groupdict()
    if groups.get("month") and groups.get("day"):
        month, day = _month(_g(m, "month")), int(_g(m, "day"))
        return _Spec("TIME", f"XXXX-{month:02d}-{day:02d}" + _clock(m)[10:])
    if groups.get("weekday") and not groups.get("named_time"):
        day = lexicon.WEEKDAYS[_norm(_g(m, "weekday")).rstrip(".")]
        return _Spec("TIME", f"XXXX-WXX-{day}" + _clock(m)[10:])
    if groups.get("named_time"):
        clock = "T00:00" if _norm(_g(m, "named_time")) == "midnight" else "T12:00"
        base = "XXXX-XX-XX"
        if groups.get("weekday"):
            base = f"XXXX-WXX-{lexicon.WEEKDAYS[_norm(_g(m, 'weekday')).rstrip('.')]}"
        return _Spec("TIME", base + clock)
    return _Spec("TIME", _clock(m))


def _clock(m: re.Match[str]) -> str:
    groups = m.groupdict()
    hour = int(_g(m, "hour"))
    minute = int(_g(m, "minute") or 0)
    ampm = _norm(groups.get("ampm"))
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return f"XXXX-XX-XXT{hour:02d}:{minute:02d}"


def _quarter(m: re.Match[str]) -> _Spec | None:
    ordinal = lexicon.ORDINALS.get(_norm(_g(m, "ordinal")))
    unit = _norm(_g(m, "unit"))
    limit = 4 if unit == "quarter" else 2
    if ordinal is None or not (ordinal == -1 or 1 <= ordinal <= limit):
        return None
    number = limit if ordinal == -1 else ordinal
    code = f"{'Q' if unit == 'quarter' else 'H'}{number}"
    year = _g(m, "year2") or _g(m, "year")
    if year:
        return _Spec("DATE", f"{year}-{code}")
    rel = _norm(_g(m, "rel"))
    if rel in {"year-ago", "year-earlier"}:
        return _Spec("DATE", _in_year("last", code))
    if rel.endswith("year's"):
        return _Spec("DATE", _in_year(rel.split()[0] if rel.split()[0] != "the" else "this", code))
    if rel:
        offset = {"last": -1, "next": 1}.get(rel, 0)
        return _Spec("DATE", f"UNDEF-{_REL_NAMES[offset]}-XXXX-{code}" if offset else f"UNDEF-this-XXXX-{code}")
    return _Spec("DATE", f"XXXX-{code}")


def _quarter_code(m: re.Match[str]) -> _Spec:
    code = _g(m, "code") or _g(m, "code2") or _g(m, "code3")
    year = _g(m, "year") or _g(m, "year2")
    return _Spec("DATE", f"{year or 'XXXX'}-{code}")


def _quarter_ref(m: re.Match[str]) -> _Spec:
    rel = _norm(_g(m, "rel"))
    if rel in {"year-ago", "year-earlier"} or _g(m, "ago"):
        return _Spec("DATE", "UNDEF-REF-quarter-MINUS-4")
    if rel == "current":
        return _Spec("DATE", "UNDEF-this-quarter")
    return _Spec("DATE", "UNDEF-this-quarter-MINUS-1")


def _year_end(m: re.Match[str]) -> _Spec:
    return _Spec("DATE", "UNDEF-this-year", "END")


def _year_period(m: re.Match[str]) -> _Spec:
    return _Spec("DATE", f"{_year(m)}-{'QLAST' if m.groupdict().get('quarter_word') else 'QREF'}")


def _decade(m: re.Match[str]) -> _Spec | None:
    if AGE_BEFORE.search(m.string, max(0, m.start() - _AGE_REACH), m.start()):
        return None  # an age: "in his sixties"
    groups = m.groupdict()
    if groups.get("decade_word"):
        value = f"19{lexicon.DECADE_WORDS[_norm(_g(m, 'decade_word'))]}"
    else:
        digits = _g(m, "decade")
        value = ("19" + digits[1]) if digits.startswith("'") else digits[:3]
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(_norm(groups.get("mod")))
    return _Spec("DATE", value, mod)


def _century(m: re.Match[str]) -> _Spec | None:
    word = _norm(_g(m, "ordinal"))
    number = int(word[:-2]) if word[:-2].isdigit() else lexicon.ORDINALS.get(word)
    if number is None or number < 1:
        return None
    return _Spec("DATE", f"{number - 1:02d}")


def _reference(m: re.Match[str]) -> _Spec:
    return _Spec("DATE", lexicon.REFERENCE_WORDS[_norm(_g(m, "ref_word"))])


_INTERPRETERS: dict[str, Callable[[re.Match[str]], _Spec | None]] = {
    "date": _date, "month": _month_kind, "season": _season, "holiday": _holiday, "weekday": _weekday,
    "deictic": _deictic, "pod": _pod_kind, "relative": _relative, "shift": _shift, "duration": _duration_kind,
    "set": _set, "time": _time, "quarter": _quarter, "quarter_code": _quarter_code, "quarter_ref": _quarter_ref,
    "decade": _decade,
    "year_period": _year_period, "year_end": _year_end,
    "century": _century, "ref": _reference, "week_of": _week_of,
}

# Unknown digits, an offset from an anchor, or the quarter in view ("1988-QREF") depend on what came before.
_NEEDS_ANCHOR = re.compile(r"X|UNDEF|QREF|QLAST")
_PREFIX_WINDOW = 40


@dataclass(frozen=True)
class _Plan:
    """Where each pattern can match, read once per text by a scan for the patterns' triggers.

    Patterns that require the same (triggers at the same lead) form a group. A match holds a trigger that
    starts at most `lead` characters after the match does, so each scan hit (a trigger, or a run of digits)
    gives every group it may stand for a window of possible match starts, as wide as the group's lead."""

    digits: re.Pattern[str]
    words: re.Pattern[str]  # on the lowercased text (see `_windows`)
    words_unlowered: re.Pattern[str]  # the same on the text itself, for a text whose length lowercasing changes
    # The same two after a non-word character, when every trigger starts a word (see `_word_hits`), else None.
    words_after_gap: tuple[re.Pattern[str], re.Pattern[str]] | None
    folded: tuple[tuple[str, str], ...]  # lowercase letters that match a trigger letter under IGNORECASE
    groups: tuple[tuple[int, ...], ...]  # pattern indices, by group
    trigger_sets: tuple[frozenset[Trigger], ...]  # by group
    leads: tuple[int, ...]  # by group
    triggers: frozenset[str]  # what the scan finds: every trigger but ANY_DIGIT
    # trigger -> (group, lead, 1 + how far into it one of the group's triggers may start): the scan reads on after
    # a hit, so it may hide a trigger inside or overlapping it. Filled as texts show the triggers (see `groups_of`).
    by_hit: dict[str, tuple[tuple[int, int, int], ...]]
    digit_groups: tuple[int, ...]
    literal_groups: tuple[int, ...]  # for a hit not in by_hit: the trigger's own letters matched case-insensitively
    mixed_groups: tuple[int, ...]  # groups in both of the above, whose windows come from both scans
    longest: int  # the longest trigger
    everywhere: tuple[int, ...]  # patterns with no trigger or unbounded reach: run over the whole text
    windowed: tuple[tuple[int, int], ...]  # the other patterns, each with its group

    def groups_of(self, hit: str) -> tuple[tuple[int, int, int], ...]:
        """by_hit's entry for a scan hit (lowercased), made the first time a text holds it: a text holds few of
        the triggers, and reading where each may hide the others takes about a tenth of a second for all of them.
        A hit that is no trigger (where lowercasing changed the text's length) may stand for any literal trigger."""
        if hit not in self.triggers:
            return tuple((g, self.leads[g], self.longest + 1) for g in self.literal_groups)
        found = []
        for g, ts in enumerate(self.trigger_sets):
            offsets = [k for k in (_hidden(hit, t) for t in ts if t != ANY_DIGIT) if k is not None]
            if offsets:
                found.append((g, self.leads[g], max(offsets) + 1))
        self.by_hit[hit] = tuple(found)
        return self.by_hit[hit]


def _trie(words: dict[str, str], char: Callable[[str], str]) -> str:
    """A regex alternation of the words as a trie (each position tries one branch per next character, not every
    word), each word followed by its condition; `char` writes one character. Longer words are tried first.
    The top level is a plain alternation of literals, which lets the regex engine skip to possible starts."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, Any], prefix: str) -> str:
        branches = [char(c) + emit(node[c], prefix + c) for c in sorted(node) if c]
        if "" in node:
            branches.append(words[prefix])
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return "|".join(char(c) + emit(tree[c], c) for c in sorted(tree))


def _conditions(triggers: list[Trigger]) -> dict[str, str]:
    """Each trigger string with the word-boundary checks that hold wherever any pattern needs it."""
    conditions = {}
    for text in {t.text for t in triggers}:
        forms = [t for t in triggers if t.text == text]
        start = all(t.word_start for t in forms)
        end = all(t.word_end for t in forms)
        # checked once the string is read: the character before its first one, then the one after it
        conditions[text] = (rf"(?<!\w[\s\S]{{{len(text)}}})" if start else "") + (r"(?!\w)" if end else "")
    return conditions


def _hidden(hit: str, trigger: Trigger) -> int | None:
    """How far into a scan hit an occurrence of `trigger` may start (None: it cannot be there). At the hit's
    start only a shorter trigger can hide (the scan prefers the longest); further in, any that overlaps and
    may start after that character."""
    if hit.startswith(trigger.text):
        return 0
    if trigger.text[0] not in hit:
        return None  # an occurrence inside or overlapping the hit would start at one of its characters
    for k in range(1, len(hit)):
        if trigger.word_start and _WORD_CHAR.match(hit, k - 1):
            continue
        if hit.startswith(trigger.text, k) or trigger.text.startswith(hit[k:]):
            return k
    return None


_WORD_CHAR = re.compile(r"\w")


_last_plan: list[tuple[tuple[Pattern, ...], _Plan]] = []


def _plan(patterns: tuple[Pattern, ...]) -> _Plan:
    """The plan of a pattern set: the last one is kept by identity (hashing the patterns would cost more than
    tagging a short text), others are made again (cached)."""
    if not _last_plan or _last_plan[0][0] is not patterns:
        _last_plan[:] = [(patterns, _make_plan(patterns))]
    return _last_plan[0][1]


@functools.lru_cache(maxsize=8)
def _make_plan(patterns: tuple[Pattern, ...]) -> _Plan:
    by_required: dict[Required, list[int]] = {}
    everywhere = []
    for index, pattern in enumerate(patterns):
        if pattern.required is None or pattern.reach is None:
            everywhere.append(index)
        else:
            by_required.setdefault(pattern.required, []).append(index)
    trigger_sets = [r.triggers for r in by_required]
    literals = [t for t in {t for ts in trigger_sets for t in ts} if t != ANY_DIGIT]
    conditions = _conditions(literals)
    letters = {c for text in conditions for c in text}
    extra_cases = _casefix._EXTRA_CASES  # what re itself adds to a letter under IGNORECASE ("s" and the long s)
    folded = tuple(
        (chr(x).lower(), c) for c in sorted(letters) for x in extra_cases.get(ord(c), ()) if chr(x).lower() != c
    )
    trie = _trie(conditions, re.escape)
    return _Plan(
        digits=re.compile(r"\d+"),
        words=re.compile(trie),
        words_unlowered=re.compile(trie, re.IGNORECASE),
        words_after_gap=(
            (re.compile(r"\W(?:" + trie + ")"), re.compile(r"\W(?:" + trie + ")", re.IGNORECASE))
            if literals and all(t.word_start for t in literals) else None
        ),
        folded=folded,
        groups=tuple(tuple(group) for group in by_required.values()),
        trigger_sets=tuple(trigger_sets),
        leads=tuple(r.lead for r in by_required),
        triggers=frozenset(conditions),
        by_hit={},
        digit_groups=tuple(g for g, ts in enumerate(trigger_sets) if ANY_DIGIT in ts),
        literal_groups=tuple(g for g, ts in enumerate(trigger_sets) if ts != {ANY_DIGIT}),
        mixed_groups=tuple(g for g, ts in enumerate(trigger_sets) if ANY_DIGIT in ts and ts != {ANY_DIGIT}),
        longest=max((len(t) for t in conditions), default=0),
        everywhere=tuple(everywhere),
        windowed=tuple((i, g) for g, group in enumerate(by_required.values()) for i in group),
    )


# The opening of every pattern of chronology.patterns: no word character, "$", "#", "/", "." or "," and no
# "digit-" just before a match. Such a match starts at the text's start or just after a character of _GAP.
_OPENING = r"(?<![\w$#/.,])(?<!\d-)"
_GAP = r"[^\w$#/.,]"


@functools.cache
def _after_gap(pattern: Pattern) -> re.Pattern[str] | None:
    """For a pattern that opens with _OPENING, a search for a _GAP character followed by a match that also
    requires `reach` more characters before the end of the searched text. The regex engine skips in C from one
    gap character to the next (most characters are not), where searching for the pattern itself would try a match
    at every position; and it tries no match after a window of possible starts ends (see `_scan_after_gaps`).
    None for other patterns, or when the reach is unbounded. Compiled when the pattern is first tried, as its
    own regex is (Pattern.regex)."""
    reach = pattern.reach
    if reach is None or not pattern.source.startswith(_OPENING):
        return None
    return re.compile(_GAP + rf"(?=[\s\S]{{{reach}}})" + pattern.source, re.IGNORECASE)


_MERGE = 8  # windows closer than this are merged: a few more positions tried, one regex call less


def _word_hits(text: str, words: re.Pattern[str], after_gap: re.Pattern[str] | None) -> Iterator[tuple[int, str]]:
    """Where the trigger scan `words` finds a trigger in `text`, and which, as `words.finditer` finds them. With
    `after_gap` (the scan after a non-word character, for triggers that all start words) it tries only the
    text's start and the positions after a non-word character, to which the regex engine skips in C."""
    if after_gap is None:
        for hit in words.finditer(text):
            yield hit.start(), hit.group()
        return
    at = 0
    first = words.match(text)
    if first is not None:
        yield 0, first.group()
        at = first.end() - 1  # a hit ending in a non-word character ("jan.") may be the next one's gap
    while (after := after_gap.search(text, at)) is not None:
        yield after.start() + 1, after.group()[1:]
        at = after.end() - 1


def _windows(text: str, plan: _Plan) -> list[list[int]]:
    """For each group, where its matches may start: merged ranges as a flat list [start, end, start, end, ...]."""
    windows: list[list[int]] = [[] for _ in plan.groups]
    lowered = text.lower()
    gapped = plan.words_after_gap
    if len(lowered) == len(text):
        for extra, letter in plan.folded:
            if extra in lowered:
                lowered = lowered.replace(extra, letter)
        hits = _word_hits(lowered, plan.words, gapped and gapped[0])
    else:
        hits = _word_hits(text, plan.words_unlowered, gapped and gapped[1])
    by_hit = plan.by_hit
    for start, word in hits:
        trigger = word.lower()
        found = by_hit.get(trigger)
        if found is None:
            found = plan.groups_of(trigger)
        for g, lead, after in found:
            # `_add` inlined: this runs for every hit
            window, low, high = windows[g], start - lead, start + after
            if window and low <= window[-1] + _MERGE:
                if high > window[-1]:
                    window[-1] = high
            else:
                window += (low, high)
    leads = plan.leads
    digit_windows = [(windows[g], leads[g]) for g in plan.digit_groups]
    for hit in plan.digits.finditer(text):
        start, end = hit.span()
        for window, lead in digit_windows:  # any digit of the run may be the trigger; `_add` inlined
            low = start - lead
            if window and low <= window[-1] + _MERGE:
                if end > window[-1]:
                    window[-1] = end
            else:
                window += (low, end)
    for g in plan.mixed_groups:  # windows from both scans: put them back in order
        pairs = sorted(zip(windows[g][::2], windows[g][1::2], strict=True))
        windows[g] = []
        for low, high in pairs:
            _add(windows[g], low, high)
    return windows


def _add(window: list[int], low: int, high: int) -> None:
    """Add a range of possible starts to a window, merging it with the last range when they (nearly) meet."""
    if window and low <= window[-1] + _MERGE:
        if high > window[-1]:
            window[-1] = high
    else:
        window += (low, high)


# start, end, priority (the pattern's index), pattern, match: interpreted only if it survives (see `tag`)
_Candidate = tuple[int, int, int, Pattern, re.Match[str]]


def _names_around(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The proper names holding a time word (NAME_WITH_TIME_WORD) that could overlap text[start:end]."""
    return NAME_WITH_TIME_WORD.finditer(text, max(0, start - _LONGEST_NAME), min(len(text), end + _LONGEST_NAME))


def _interpret(text: str, candidate: _Candidate) -> _Spec | None:
    """The spec of a candidate, None when its pattern's interpreter rejects the match. A match that a search
    after a gap character found (see `_scan_after_gaps`) starts one character early: the pattern's own match is
    made where it starts, on the same text."""
    start, end, _, pattern, m = candidate
    if text.endswith(OPENING_QUOTES, max(0, start - 2), start) and QUOTED_TITLE.fullmatch(text, start, end):
        return None  # the title of a show or a film ("This Week", "60 Minutes"), not a time
    if in_title_of_work(text, start, end):
        return None  # "the musical '1776'", "the novel 1984"
    if any(name.start() < end and start < name.end() for name in _names_around(text, start, end)):
        return None  # "USA Today", "the Sunday Times", "Easter Island"
    if m.start() != start:
        own = pattern.regex.match(text, start, m.endpos)
        assert own is not None  # the search matched the pattern there
        m = own
    return _INTERPRETERS[pattern.kind](m)


def _scan(
    text: str, window: list[int], priority: int, pattern: Pattern, found: list[_Candidate], resume: int = 0
) -> None:
    """The matches of a pattern that start in the window (ranges as in `_windows`), as a scan of the whole
    text finds them; `resume` is where that scan goes on (the end of the last match found)."""
    size = len(text)
    finditer = pattern.regex.finditer
    reach = pattern.reach or size
    for k in range(0, len(window), 2):
        low, high = max(window[k], resume), window[k + 1]
        if low >= high:
            continue
        # everything a match attempt before `high` reads is visible; a match starting later is no match
        for m in finditer(text, low, min(high - 1 + reach, size)):
            start, end = m.span()
            if start >= high:
                break
            resume = end
            if end > start:
                found.append((start, end, priority, pattern, m))


def _scan_after_gaps(
    text: str, window: list[int], priority: int, pattern: Pattern, after_gap: re.Pattern[str],
    found: list[_Candidate],
) -> None:
    """`_scan` for a pattern that opens with _OPENING, its match attempts only after gap characters (see
    `_after_gap`). A match holds a trigger, so it is never empty. The matches are the searches' own, each
    starting at the gap character before the pattern's match."""
    size = len(text)
    match, search = pattern.regex.match, after_gap.search
    reach = pattern.reach or size
    resume = 0
    for k in range(0, len(window), 2):
        low, high = window[k], window[k + 1]
        stop = high - 1 + reach  # as in _scan
        if stop > size:  # near the end, where the search cannot see `reach` characters ahead: scan the rest
            _scan(text, window[k:], priority, pattern, found, resume)
            return
        if low < resume:  # also where a window begins before the text (resume is 0 at first)
            low = resume
        while low < high:
            if low == 0:  # the text's start: no gap character before it
                m = match(text, 0, stop)
                if m is None:
                    low = 1
                    continue
                start = 0
            else:
                m = search(text, low - 1, stop)
                if m is None:
                    break
                start = m.start() + 1  # after the gap character (see `_interpret`)
            resume = low = m.end()
            found.append((start, low, priority, pattern, m))


def _candidates(text: str, patterns: tuple[Pattern, ...]) -> list[_Candidate]:
    plan = _plan(patterns)
    windows = _windows(text, plan)
    found: list[_Candidate] = []
    for priority in plan.everywhere:
        _scan(text, [0, len(text)], priority, patterns[priority], found)
    for priority, group in plan.windowed:
        window = windows[group]
        if not window:
            continue
        pattern = patterns[priority]
        after_gap = _after_gap(pattern)
        if after_gap is None:
            _scan(text, window, priority, pattern, found)
        else:
            _scan_after_gaps(text, window, priority, pattern, after_gap, found)
    return found


def prepare(patterns: tuple[Pattern, ...] = PATTERNS) -> None:
    """Make now what tagging otherwise makes as texts first need it (the plan, the trigger entries, every
    pattern's compiled searches): for a process whose forked workers all inherit it (chronology.warmup)."""
    plan = _plan(patterns)
    for trigger in plan.triggers:
        plan.groups_of(trigger)
    for pattern in patterns:
        _after_gap(pattern)
        _ = pattern.regex  # compiled on first use, as the search after gaps is


def _attach_prefixes(text: str, start: int, floor: int, spec: _Spec) -> tuple[int, str | None]:
    """Extend a candidate leftwards over the modifiers TimeML includes in the extent; return the new start and
    the mod. `floor` is the end of the previous kept expression (never overlapped)."""
    mod = spec.mod
    window_start = max(floor, start - _PREFIX_WINDOW)
    window = text[window_start:start]
    if spec.type in {"DURATION", "SET"} or (spec.value.startswith("UNDEF-this-") and "MINUS" in spec.value):
        quantity = QUANTITY_MOD_PREFIX.search(window)
        if quantity:
            return window_start + quantity.start(), mod or lexicon.QUANTITY_MODS[_norm(quantity["qmod"])]
    if spec.type in {"DATE", "TIME"} and mod is None and not spec.value.endswith("_REF"):
        period = PERIOD_MOD_PREFIX.search(window)
        if period and not (window_start + period.start() > 0 and text[window_start + period.start() - 1].isalnum()):
            word = _norm(period["mod"])
            if word in {"later", "earlier"}:
                return start, mod
            return window_start + period.start(), lexicon.PERIOD_MODS[word]
    return start, mod


def tag(text: str, patterns: tuple[Pattern, ...] = PATTERNS) -> list[Tagged]:
    """The temporal expressions of `text` in text order, non-overlapping, with underspecified values."""
    found = _candidates(text, patterns)
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    kept: list[tuple[int, int, Pattern, _Spec]] = []
    starts: list[int] = []  # of the kept candidates, which never overlap: sorted by start, so by end too
    ends: list[int] = []
    for candidate in found:
        start, end, _, pattern, _ = candidate
        at = bisect.bisect_left(starts, end)  # kept candidates before `at` start before this one ends
        if at and ends[at - 1] > start:
            continue
        # interpreted only now: a match its interpreter rejects is no candidate, but most matches lose here first
        spec = _interpret(text, candidate)
        if spec is None:
            continue
        starts.insert(at, start)
        ends.insert(at, end)
        kept.append((start, end, pattern, spec))
    kept.sort(key=lambda c: c[0])
    result: list[Tagged] = []
    floor = 0
    for start, end, pattern, spec in kept:
        determiner = DETERMINER_BEFORE_ADJECTIVE.match(text, start, end)
        if determiner:
            start = determiner.end()
        new_start, mod = _attach_prefixes(text, start, floor, spec)
        result.append(
            Tagged(
                start=new_start,
                end=end,
                text=text[new_start:end],
                type=spec.type,
                value=spec.value,
                mod=mod,
                rule=pattern.name,
                needs_anchor=bool(_NEEDS_ANCHOR.search(spec.value)),
            )
        )
        floor = end
    return result
