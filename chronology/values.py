"""TIMEX3 value arithmetic: calendar bounds, granularity and EDTF form of a resolved value."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from chronology.models import DateValue, Granularity

_DAY_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?|T(MO|AF|EV|NI|DT))?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_SUBYEAR = re.compile(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEARISH = re.compile(r"\d{1,4}")

# EDTF level-2 sub-year groupings: seasons 21-24, quarters 33-36, semesters (halves) 40-41.
_EDTF_SUBYEAR = {
    "SP": "21", "SU": "22", "FA": "23", "WI": "24",
    "Q1": "33", "Q2": "34", "Q3": "35", "Q4": "36",
    "H1": "40", "H2": "41",
}
# Northern-hemisphere meteorological seasons as (start month, length in months); winter runs into the next year.
_SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
_SUBYEAR_GRANULARITY: dict[str, Granularity] = {
    "S": "season", "F": "season", "W": "season", "Q": "quarter", "H": "half",
}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _subyear_bounds(year: int, code: str) -> tuple[dt.date, dt.date]:
    if code in _SEASON_MONTHS:
        first, length = _SEASON_MONTHS[code]
    elif code.startswith("Q"):
        first, length = 3 * (int(code[1]) - 1) + 1, 3
    else:
        first, length = 6 * (int(code[1]) - 1) + 1, 6
    last_year, last_month = _add_months(year, first, length - 1)
    return dt.date(year, first, 1), _month_end(last_year, last_month)


def _narrow(start: dt.date, end: dt.date, mod: str | None) -> tuple[dt.date, dt.date]:
    """START/MID/END keep the first, middle or last third of a period longer than a day."""
    span = (end - start).days + 1
    if span < 3 or mod not in {"START", "MID", "END"}:
        return start, end
    third = span // 3
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "END":
        return end - dt.timedelta(days=third - 1), end
    return start + dt.timedelta(days=third), end - dt.timedelta(days=third)


# An archive repeats a small set of values ("2022-05", "XXXX-WXX-4") tens of thousands of times across the
# stages (the page of a large timeline reads every event's and mention's value); the results are immutable, so
# each distinct value is parsed once. The caches bound the memory: parsed bounds are small tuples, DateValues
# records of about a kilobyte.
_PARSED_HELD = 1 << 16
_DATE_VALUES_HELD = 4096


@lru_cache(maxsize=_PARSED_HELD)
def parse_value(value: str) -> tuple[dt.date, dt.date, Granularity, str] | None:
    """Bounds (inclusive), granularity and EDTF of a calendar TIMEX3 value; None for anything without bounds
    (durations, sets, PRESENT_REF, values with unknown digits) or for impossible dates."""
    try:
        return _parse(value)
    except ValueError:
        return None


def _parse(value: str) -> tuple[dt.date, dt.date, Granularity, str] | None:
    if m := _DAY_TIME.fullmatch(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m[4]:
            seconds = m[6] or "00"
            return day, day, "time", f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}:{seconds}"
        if m[7]:
            return day, day, "part_of_day", day.isoformat()
        return day, day, "day", day.isoformat()
    if m := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            start, end = monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        else:
            start, end = monday, monday + dt.timedelta(days=6)
        return start, end, "week", f"{start.isoformat()}/{end.isoformat()}"
    if m := _SUBYEAR.fullmatch(value):
        start, end = _subyear_bounds(int(m[1]), m[2])
        return start, end, _SUBYEAR_GRANULARITY[m[2][0]], f"{m[1]}-{_EDTF_SUBYEAR[m[2]]}"
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _month_end(year, month), "month", value
    if _YEARISH.fullmatch(value):
        digits = len(value)
        width = 10 ** (4 - digits)
        first = int(value) * width
        if first < 1:
            return None
        granularity: Granularity = ("millennium", "century", "decade", "year")[digits - 1]
        edtf = value + "X" * (4 - digits)
        return dt.date(first, 1, 1), dt.date(min(first + width - 1, 9999), 12, 31), granularity, edtf
    return None


@lru_cache(maxsize=_DATE_VALUES_HELD)
def date_value(value: str, mod: str | None = None) -> DateValue | None:
    """The DateValue of a calendar TIMEX3 value (see parse_value), with mod applied to bounds and EDTF (a frozen
    record, so one is shared by every caller asking for the same value)."""
    parsed = parse_value(value)
    if parsed is None:
        return None
    start, end, granularity, edtf = parsed
    start, end = _narrow(start, end, mod)
    if mod in {"APPROX"}:
        edtf += "~"
    return DateValue(value=value, edtf=edtf, start=start, end=end, granularity=granularity, mod=mod)
