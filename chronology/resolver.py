"""Resolution: anchor the underspecified values of chronology.tagger to a publication date or to the time most
recently mentioned, and choose past or future by tense (chronology.tense).

The value mini-language is described in chronology.tagger. With no publication date, only what needs no
anchor is resolved (absolute dates, durations, and narrative shifts from an absolute earlier date); relative
expressions keep a value with X's ("XXXX-12-08", "XXXX-WXX-1", "XXXX") and anchor None.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

from chronology import lexicon
from chronology.models import Timex
from chronology.sentences import Quotations, sentence_at, sentence_spans
from chronology.tagger import Tagged, tag
from chronology.tense import explicit_direction, quotation_told_past, same_event
from chronology.values import parse_value

_SUFFIX = re.compile(r"T(?:MO|AF|EV|NI|MI|DT|\d\d:\d\d)$")
_OFFSET = re.compile(r"UNDEF-(?P<anchor>this|REF)-(?P<unit>[a-z]+)(?:-(?P<sign>PLUS|MINUS)-(?P<n>\d+))?")
_IN_YEAR = re.compile(r"(?P<year>UNDEF-(?:this|REF)-year(?:-(?:PLUS|MINUS)-\d+)?)-IN-(?P<part>.+)")
_RELATION = re.compile(r"UNDEF-(?P<rel>last|this|next)-(?P<partial>XXXX-.+)")
_WEEK_OF = re.compile(r"WEEK-OF-(?P<day>.+)")
_REF_WEEKDAY = re.compile(r"UNDEF-REF-(?P<rel>last|next)-(?P<partial>XXXX-WXX-[1-7])")
_MONTH_DAY = re.compile(r"(?P<year>XXXX|\d{4})-(?P<month>\d\d)-(?P<day>\d\d)")
_MONTH = re.compile(r"(?P<year>XXXX|\d{4})-(?P<month>\d\d)")
_SUBYEAR = re.compile(r"(?P<year>XXXX|\d{4})-(?P<code>SP|SU|FA|WI|Q[1-4]|H[12])")
_WEEKDAY = re.compile(r"XXXX-WXX-(?P<weekday>[1-7])")
_NTH = re.compile(r"(?P<year>XXXX|\d{4})-(?P<month>\d\d)-NTH-(?P<weekday>[1-7])-(?P<nth>-?\d)(?P<after>[+-]\d)?")
_EASTER = re.compile(r"(?P<year>XXXX|\d{4})-EASTER(?P<offset>[+-]\d+)")
_YEAR_QREF = re.compile(r"(?P<year>\d{4})-Q(?P<kind>REF|LAST)")
_QUARTER_OR_HALF = re.compile(r"XXXX-(?:Q[1-4]|H[12])")
_SEASON = re.compile(r"XXXX-(?:SP|SU|FA|WI)")
# A tense cue decides past or future up to this far from the anchor ("the dividend is payable Dec. 15").
_TENSE_REACH_DAYS = 300
# With no tense cue, news speaks of the past: the next occurrence is taken only when it is this many times
# closer than the last one ("in March" written in November is last March; "in January" is next January).
_FUTURE_PULL = 2

# A date the narrative gave is the time of what follows (an undated statement, a quotation's "this morning")
# only when it is this recent: older dates ("born on February 24, 1955") are background, not the story told.
NARRATIVE_WINDOW = dt.timedelta(days=31)
_DAY_LEVEL = frozenset({"day", "part_of_day", "time"})

# X-values for relative expressions left unanchored, by unit.
_UNANCHORED = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX",
    "half": "XXXX-HX", "year": "XXXX", "decade": "XXX", "century": "XX",
}


_COMPARISON_RULES = frozenset(
    {"ago", "year_earlier_adj", "quarter_ref", "quarter_year_ago", "last_years_quarter", "year_period",
     "period_end_day"}
)
# A definite span reported on ("the nine months", "the first half"): what follows compares with it.
_REPORTED_SPAN = re.compile(r"the\s", re.IGNORECASE)
# Rules of "the year-ago quarter" and "the year-earlier period": a year before the quarter last reported.
_YEAR_AGO_RULES = frozenset({"year_earlier_adj", "quarter_ref", "quarter_year_ago", "last_years_quarter"})


@dataclass(frozen=True)
class _Anchor:
    date: dt.date
    label: str  # "publication" or a tid
    value: str
    granularity: str


# Calendar arithmetic.


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift(day: dt.date, unit: str, amount: int) -> str:
    """The value of the `unit` containing `day`, moved by `amount` units."""
    if unit == "day":
        return (day + dt.timedelta(days=amount)).isoformat()
    if unit in {"week", "weekend"}:
        value = _week_value(day + dt.timedelta(weeks=amount))
        return value + "-WE" if unit == "weekend" else value
    if unit == "month":
        year, month = _add_months(day, amount)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        index = day.year * 4 + (day.month - 1) // 3 + amount
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "half":
        index = day.year * 2 + (day.month - 1) // 6 + amount
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if unit == "year":
        return f"{day.year + amount:04d}"
    if unit == "decade":
        return f"{day.year // 10 + amount:03d}"
    return f"{day.year // 100 + amount:02d}"


def _shift_value(anchor: _Anchor, unit: str, amount: int) -> str:
    """A narrative shift: keep a quarter's or half's granularity when moving it by years ("a year earlier"
    after "the third quarter" is the third quarter of the year before)."""
    if amount and unit == "year" and anchor.granularity in {"quarter", "half", "season"}:
        m = _SUBYEAR.fullmatch(anchor.value)
        if m:
            return f"{int(m['year']) + amount:04d}-{m['code']}"
    return _shift(anchor.date, unit, amount)


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


# Year-less values: the occurrence in a given year, and the choice of year by direction.


def _occurrence(partial: str, year: int) -> tuple[str, dt.date, dt.date] | None:
    """The value and bounds of a year-less value in `year`; None if it has no occurrence that year."""
    if m := _NTH.fullmatch(partial):
        day = _nth_weekday(year, int(m["month"]), int(m["weekday"]), int(m["nth"]))
        day += dt.timedelta(days=int(m["after"] or 0))
        return day.isoformat(), day, day
    if m := _EASTER.fullmatch(partial):
        day = _easter(year) + dt.timedelta(days=int(m["offset"]))
        return day.isoformat(), day, day
    value = f"{year:04d}" + partial[4:]
    parsed = parse_value(value)
    if parsed is None:
        return None
    return value, parsed[0], parsed[1]


def _by_year(partial: str, today: dt.date, rel: str) -> str:
    """Resolve a value with an unknown year: the occurrence nearest `today` in the direction `rel` ("past",
    "future", "last" = strictly before, "next" = strictly after, "this" = in today's year)."""
    if rel == "this":
        found = _occurrence(partial, today.year)
        if partial.endswith("-WI") and today.month <= 2:
            found = _occurrence(partial, today.year - 1)
        return found[0] if found else partial
    if rel == "nearest":
        return _nearest_year(partial, today)
    step = -1 if rel in {"past", "last"} else 1
    year = today.year + (1 if step < 0 else -1)
    for _ in range(12):
        found = _occurrence(partial, year)
        if found is not None:
            _, start, end = found
            ok = {
                "past": start <= today,
                "future": end >= today,
                "last": end < today,
                "next": start > today,
            }[rel]
            if ok:
                return found[0]
        year += step
    return partial


def _nearest_year(partial: str, today: dt.date) -> str:
    """The occurrence closest to `today` (the past one on a tie)."""
    best: tuple[int, str] | None = None
    for year in (today.year - 1, today.year, today.year + 1):
        found = _occurrence(partial, year)
        if found is None:
            continue
        _, start, end = found
        gap = (start - today).days if start > today else (today - end).days if end < today else 0
        if best is None or gap < best[0]:
            best = (gap, found[0])
    return best[1] if best else partial


def _weekday_value(weekday: int, today: dt.date, rel: str) -> str:
    back = (today.isoweekday() - weekday) % 7
    forward = (weekday - today.isoweekday()) % 7
    if rel == "last":
        day = today - dt.timedelta(days=back or 7)
    elif rel == "next":
        day = today + dt.timedelta(days=forward or 7)
    elif rel == "future":
        day = today + dt.timedelta(days=forward)
    else:
        day = today - dt.timedelta(days=back)
    return day.isoformat()


def _resolve_partial(partial: str, today: dt.date, rel: str | None) -> str:
    """Weekdays default to the past (news reports what happened); seasons take the occurrence nearest the
    anchor; dates and months follow a tense cue within reach, and with none lean to the past."""
    if m := _WEEKDAY.fullmatch(partial):
        return _weekday_value(int(m["weekday"]), today, rel or "past")
    if rel in {"last", "this", "next"}:
        return _by_year(partial, today, rel)
    if _QUARTER_OR_HALF.fullmatch(partial):
        # News reports on quarters that have begun: "expects to report third-quarter results" in October.
        return _by_year(partial, today, "past")
    if _SEASON.fullmatch(partial):
        return _by_year(partial, today, "nearest")
    past, future = _by_year(partial, today, "past"), _by_year(partial, today, "future")
    past_gap, future_gap = _gap(past, today), _gap(future, today)
    if rel == "past" and past_gap <= _TENSE_REACH_DAYS:
        return past
    if rel == "future" and future_gap <= _TENSE_REACH_DAYS:
        return future
    if rel in {"past", "future"}:
        return past if past_gap <= future_gap else future
    return future if future_gap * _FUTURE_PULL < past_gap else past


def _gap(value: str, today: dt.date) -> int:
    """Days between `today` and the nearest day of `value` (0 when it contains today; large if unparsable)."""
    found = parse_value(value)
    if found is None:
        return 10**6
    start, end = found[0], found[1]
    return (start - today).days if start > today else (today - end).days if end < today else 0


def _weekend(today: dt.date, rel: str | None) -> str:
    """"The weekend": the one just past, unless the clause speaks of the future."""
    if rel == "future":
        saturday = today + dt.timedelta(days=(6 - today.isoweekday()) % 7)
    else:
        saturday = today - dt.timedelta(days=(today.isoweekday() - 6) % 7)
    return _week_value(saturday) + "-WE"


def _unanchored(base: str) -> str:
    if m := _IN_YEAR.fullmatch(base):
        return f"XXXX-{m['part']}"
    if m := _OFFSET.fullmatch(base):
        return _UNANCHORED[m["unit"]]
    if (m := _RELATION.fullmatch(base)) or (m := _REF_WEEKDAY.fullmatch(base)):
        base = m["partial"]
    if _NTH.fullmatch(base) or _EASTER.fullmatch(base):
        return "XXXX-XX-XX"
    return base


def _resolve_one(
    item: Tagged, base: str, dct: _Anchor | None, ref: _Anchor | None, tense: str | None
) -> tuple[str, _Anchor | None]:
    """The resolved value of a base value (suffix removed) and what it was anchored to."""
    if m := _WEEK_OF.fullmatch(base):
        day, used = _resolve_one(item, m["day"], dct, ref, tense)
        parsed = parse_value(day)
        return (_week_value(parsed[0]) if parsed is not None else _UNANCHORED["week"]), used
    if m := _IN_YEAR.fullmatch(base):
        year, used = _resolve_one(item, m["year"], dct, ref, tense)
        return f"{year[:4] if year[:4].isdigit() else 'XXXX'}-{m['part']}", used
    if m := _OFFSET.fullmatch(base):
        amount = int(m["n"] or 0) * (-1 if m["sign"] == "MINUS" else 1)
        if item.rule == "ago" and ref is not None and ref.granularity in {"quarter", "half"} and m["unit"] == "year":
            # "a year ago" in a report about a quarter means that quarter a year before
            return _shift_value(ref, "year", amount), ref
        if m["unit"] == "weekend" and amount == 0 and m["anchor"] == "this" and dct is not None:
            return _weekend(dct.date, tense), dct
        if m["anchor"] == "REF":
            anchor = ref or dct
            if anchor is None:
                return _UNANCHORED[m["unit"]], None
            if (m["unit"] == "quarter" and item.rule in _YEAR_AGO_RULES and anchor.granularity != "quarter"
                    and dct is not None):
                # "the year-ago quarter" with no quarter in view: the last complete quarter, a year before
                return _shift(dct.date, "quarter", amount - 1), dct
            comparison = item.rule == "year_earlier_adj" and dct is not None
            if comparison and ref is not None and ref.granularity not in {"quarter", "half"} and dct is not None:
                # "year-ago results" compare with the period being reported, not with a year named before
                return _shift(dct.date, m["unit"], amount), dct
            if anchor is ref:
                return _shift_value(anchor, m["unit"], amount), anchor
            return _shift(anchor.date, m["unit"], amount), anchor
        if dct is None:
            return _UNANCHORED[m["unit"]], None
        return _shift(dct.date, m["unit"], amount), dct
    if m := _REF_WEEKDAY.fullmatch(base):
        # "the following Monday": the Monday after the time last mentioned (or after the publication date)
        anchor = ref or dct
        if anchor is None:
            return m["partial"], None
        return _weekday_value(int(m["partial"][-1]), anchor.date, m["rel"]), anchor
    if m := _RELATION.fullmatch(base):
        if dct is None:
            return m["partial"], None
        rel: str | None = m["rel"] if m["rel"] != "this" or not _WEEKDAY.fullmatch(m["partial"]) else tense
        return _resolve_partial(m["partial"], dct.date, rel), dct
    if base.startswith("XXXX") and base != "XXXX-XX-XX":
        if dct is None:
            return _unanchored(base), None
        return _resolve_partial(base, dct.date, tense), dct
    if m := _YEAR_QREF.fullmatch(base):
        if ref is not None and ref.granularity in {"quarter", "half"} and (q := _SUBYEAR.fullmatch(ref.value)):
            return f"{m['year']}-{q['code']}", ref
        if m["kind"] == "LAST" and dct is not None:
            # "the 1988 quarter" with no quarter in view: the quarter last reported, in 1988
            return f"{m['year']}-{_shift(dct.date, 'quarter', -1)[5:]}", dct
        return m["year"], None
    if (m := _NTH.fullmatch(base)) or (m := _EASTER.fullmatch(base)):
        found = _occurrence(base, int(m["year"]))
        return (found[0] if found else base), None
    return base, None


def _anchor_of(timex: Timex) -> _Anchor | None:
    if timex.type not in {"DATE", "TIME"}:
        return None
    value = _SUFFIX.sub("", timex.value)
    parsed = parse_value(value)
    if parsed is None:
        return None
    return _Anchor(parsed[0], timex.tid, value, parsed[2])


_CLOCK_DAY_GRANULARITIES = frozenset({"day", "part_of_day", "time"})


class _ClockDays:
    """The day-level expressions of each sentence by position, so that each bare clock time finds the nearest one
    by bisection (linear on a line of many clock times). Ties go to the expression resolved first."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.by_sentence: dict[tuple[int, int], list[tuple[int, int, Timex]]] = {}
        self.added = 0

    def add(self, index: int, timex: Timex) -> None:
        self.added += 1
        parsed = parse_value(_SUFFIX.sub("", timex.value))
        if parsed is not None and parsed[2] in _CLOCK_DAY_GRANULARITIES:
            insort(self.by_sentence.setdefault(sentence_at(self.spans, timex.start), []), (index, self.added, timex))

    def nearest(self, index: int, start: int) -> Timex | None:
        """The day-level expression nearest (in expression order) to the one at `index`, in its sentence."""
        found = self.by_sentence.get(sentence_at(self.spans, start), [])
        at = bisect_left(found, index, key=lambda entry: entry[0])
        best = min(found[max(at - 1, 0) : at + 1], key=lambda entry: (abs(entry[0] - index), entry[1]), default=None)
        return best[2] if best else None


def _reads_tense(base: str, dct: _Anchor | None) -> bool:
    """Whether _resolve_one may read the tense for a base value: only with a publication date, and only for
    year-less values ("XXXX-...") and "the weekend". Elsewhere the clause's tense cues are not looked for."""
    return dct is not None and ("XXXX" in base or "weekend" in base)


def resolve(
    text: str, tagged: Sequence[Tagged], anchor: dt.date | None, unanchored: Sequence[Timex] | None = None
) -> list[Timex]:
    """Timexes for tagged expressions of `text`, anchored to the publication date `anchor` (or, for narrative
    expressions, to the time most recently mentioned); tids t1, t2, ... in text order. `unanchored`, the result
    of resolve(text, tagged, None) when there is one, lends its timexes that need no anchor."""
    items = sorted(tagged, key=lambda t: t.start)
    spans: list[tuple[int, int]] | None = None  # the sentences, found when first needed
    dct = _Anchor(anchor, "publication", anchor.isoformat(), "day") if anchor else None
    resolved: dict[int, Timex] = {}
    ref: _Anchor | None = None
    quotes = Quotations(text)
    # The bare clock times, by index, with the time last mentioned before each.
    clocks: dict[int, _Anchor | None] = {}
    for index, item in enumerate(items):
        suffix_match = _SUFFIX.search(item.value)
        suffix = suffix_match.group() if suffix_match else ""
        base = item.value[: len(item.value) - len(suffix)]
        # A bare clock time or part of the day takes its day from the narrative; a habit ("every morning") none.
        if base == "XXXX-XX-XX" and suffix and item.type != "SET":
            clocks[index] = ref
            continue
        if unanchored is not None and not item.needs_anchor:
            timex = unanchored[index]  # a value that needs no anchor is the same without one
        else:
            if item.type == "SET" or item.type == "DURATION":
                value, used = item.value, None
            else:
                now = dct
                if dct is not None and ref is not None and (quoted := quotes.around(item.start)) is not None:
                    spans = sentence_spans(text) if spans is None else spans
                    now = _report_time(text, spans, quoted, dct, ref) or dct
                tense = None
                if _reads_tense(base, now):
                    spans = sentence_spans(text) if spans is None else spans
                    tense = explicit_direction(text, item.start, item.end, sentence_at(spans, item.start))
                try:
                    value, used = _resolve_one(item, base, now, ref, tense)
                except OverflowError:
                    # Anchored at the calendar's edge (year 1 or 9999), the date would leave it: it stays unanchored.
                    value, used = _resolve_one(item, base, None, None, tense)
                value += suffix
            timex = _timex(index, item, value, used)
        resolved[index] = timex
        new_ref = _anchor_of(timex)
        # Comparisons ("a year earlier", "year-ago") do not move the narrative's time.
        if new_ref is not None and "REF" not in item.value and item.rule not in _COMPARISON_RULES:
            ref = new_ref
        elif _REPORTED_SPAN.match(item.text) and item.type == "DURATION":
            ref = None  # "for the nine months, ... a year earlier": compared with the year before, not a quarter
    if clocks:
        _resolve_clocks(text, items, clocks, resolved, sentence_spans(text) if spans is None else spans, dct)
    return [resolved[i] for i in range(len(items))]


def _report_time(
    text: str, spans: list[tuple[int, int]], quoted: tuple[int, int], dct: _Anchor, ref: _Anchor
) -> _Anchor | None:
    """The time of the report a quotation comes from, which its "this morning", "today" and weekdays are told
    from: the day the narrative last gave, when that is a recent day before publication and the quotation is
    told in the past ("The council explained, “The President was briefed this morning”", after "On Tuesday, the
    council issued a statement"). None otherwise: the speaker speaks at publication."""
    if ref.granularity not in _DAY_LEVEL or not dct.date - NARRATIVE_WINDOW <= ref.date < dct.date:
        return None
    if not quotation_told_past(text, spans, quoted):
        return None
    return _Anchor(ref.date, ref.label, ref.date.isoformat(), "day")


def _resolve_clocks(
    text: str,
    items: list[Tagged], clocks: dict[int, _Anchor | None], resolved: dict[int, Timex], spans: list[tuple[int, int]],
    dct: _Anchor | None,
) -> None:
    """Resolve the bare clock times (`clocks`: their indices in `items`, each with the time last mentioned before
    it) to the nearest day-level expression of their sentence, else to that time if it is day-level, else to the
    publication date; the other expressions are in `resolved` already. A day of the sentence that modifies
    another event gives way to a day-level time last mentioned ("The storm, which came ashore at 11 p.m., ...,
    officials said Monday": 11 p.m. belongs to the landfall told before, not to Monday's statement)."""
    days = _ClockDays(spans)
    for index, timex in resolved.items():
        days.add(index, timex)
    for index, ref in clocks.items():
        item = items[index]
        day_timex = days.nearest(index, item.start)
        if (
            day_timex is not None and ref is not None and ref.granularity in _CLOCK_DAY_GRANULARITIES
            and not same_event(text, sentence_at(spans, item.start), (item.start, item.end), day_timex)
        ):
            day_timex = None
        clock_match = _SUFFIX.search(item.value)
        clock = clock_match.group() if clock_match else ""
        if day_timex is not None:
            day = _SUFFIX.sub("", day_timex.value)
            resolved[index] = _timex(index, item, day + clock, _Anchor(dt.date.min, day_timex.tid, day, "day"))
        elif ref is not None and ref.granularity in _CLOCK_DAY_GRANULARITIES:
            day = _SUFFIX.sub("", ref.value)
            resolved[index] = _timex(index, item, day + clock, ref)
        elif dct is not None:
            resolved[index] = _timex(index, item, dct.value + clock, dct)
        else:
            resolved[index] = _timex(index, item, item.value, None)
        days.add(index, resolved[index])


def _timex(index: int, item: Tagged, value: str, used: _Anchor | None) -> Timex:
    return Timex(
        tid=f"t{index + 1}",
        start=item.start,
        end=item.end,
        text=item.text,
        type=item.type,
        value=value,
        mod=item.mod,
        underspecified=item.value,
        anchor=used.label if used else None,
        anchor_value=used.value if used else None,
    )


def annotate(text: str, anchor: dt.date | None) -> list[Timex]:
    """Tag and resolve: resolve(text, tag(text), anchor)."""
    return resolve(text, tag(text), anchor)


__all__ = ["annotate", "lexicon", "resolve"]
