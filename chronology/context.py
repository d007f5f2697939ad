"""Publication context: when each article was written, and how we know.

Precedence: the command line, the manifest, the article's own dateline, the input's metadata, inference from the
text's temporal expressions, the user's reference date; otherwise the date is unknown. Conflicts between sources
are kept in `conflicts`, never dropped silently. Nothing here reads the clock, except `DateHints.build` when the
user asks for `--reference-date today`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from pathlib import PurePath
from typing import Literal

from pydantic import BaseModel, ConfigDict

from chronology.errors import DateParseError
from chronology.ingest import (
    DATE_AT_START,
    MONTHS,
    WEEKDAYS,
    ManifestEntry,
    boilerplate_lines,
    is_date_line,
    normalise_headline,
)
from chronology.lexicon import MONTHS as MONTH_NUMBERS
from chronology.models import Article, Basis, PublicationContext, Timex
from chronology.sentences import RoughSentences, sentence_at, sentence_spans
from chronology.tense import CueTense, SentenceCues
from chronology.values import parse_value

# ---------------------------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------------------------

# dateparser settings for dates a user or a page states: absolute dates only (no "yesterday"), all of day, month
# and year required, and a fixed base so that nothing depends on today's date.
_DATEPARSER_SETTINGS = {
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# A wire-service dateline: "WASHINGTON (AP) --", "NAIROBI, Kenya (AP) _", "BRUSSELS, February 10 (Xinhua) --",
# "SANTIAGO, March 6, 2024 - ".
WIRE_DATELINE = re.compile(
    rf"[A-Z][A-Z.'-]{{1,20}}(?: [A-Z][A-Z.'-]{{1,20}}){{0,3}}(?:, [A-Z][A-Za-z.]{{1,20}}(?: [A-Z][A-Za-z.]{{1,20}})?)?"
    rf"(?:, (?P<month>{MONTHS})\.? (?P<day>[0-3]?\d)(?:,? (?P<year>(?:19|20)\d\d))?)?"
    r"\s?(?:\((?P<agency>[A-Za-z]{1,12}(?: [A-Za-z]{1,12})?)\s?\))?"
    r"\s?(?:--|_|—|–|-(?= ))"
)
WEEKDAY_NUMBERS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAY_WORD = re.compile(rf"\b({WEEKDAYS})\b", re.IGNORECASE)
# The English day-month-year and ISO forms of DATE_AT_START ("April 25, 2024", "25th of April 2024", "Sept. 3 ,
# 2021", "2024-04-25"), read directly: dateparser takes milliseconds per call and gives the same date for them (a
# test holds it to that); other forms, and impossible days, still go to dateparser.
_PLAIN_DATE = re.compile(
    rf"(?:(?P<month>{MONTHS})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,\s*|\s+)"
    rf"|(?P<day_first>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>{MONTHS})\.?,?\s+)"
    r"(?P<year>(?:1[89]|20)\d\d)"
    r"|(?P<iso_year>(?:1[89]|20)\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)",
    re.IGNORECASE,
)
# How many content lines after the headline may hold the article's own dateline.
DATELINE_WINDOW = 3
# Inference: how far after the latest dated past mention an article is assumed to be written at most.
INFERENCE_HORIZON = dt.timedelta(days=30)
CONFIDENCE = {"cli": 1.0, "manifest": 1.0, "dateline": 0.95, "metadata": 0.9, "reference": 0.3}
HOW_TO_SUPPLY = "supply it with --published FILE=DATE, a manifest.json entry, or --reference-date DATE"

# ---------------------------------------------------------------------------------------------------------------
# Dates the user gives
# ---------------------------------------------------------------------------------------------------------------


def parse_date(value: str, what: str = "date") -> dt.date:
    """A calendar date from a user or page value, in any language dateparser knows ("26 juillet 2021",
    "2021-07-25T08:00:00Z", "Monday, 26 July 2021"). Raises DateParseError naming the value."""
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    # Imported here, as in _parse_english: dateparser takes a tenth of a second to import, and most dates are read
    # without it (ISO dates above, plain English ones by _PLAIN_DATE).
    import dateparser

    parsed = dateparser.parse(text, settings=_DATEPARSER_SETTINGS) if text else None
    if parsed is None:
        raise DateParseError(f"cannot parse {what} {value!r}: give a calendar date such as 2021-07-25")
    date: dt.date = parsed.date()
    return date


class ManifestDate(BaseModel):
    """A manifest entry with its date parsed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str
    headline: str | None
    date: dt.date
    publisher: str | None = None


class DateHints(BaseModel):
    """Publication dates the user supplies: --published FILE=DATE (or a bare DATE for every input), manifest
    entries, and the --reference-date last resort."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    published: dict[str, dt.date] = {}
    published_all: dt.date | None = None
    manifest: tuple[ManifestDate, ...] = ()
    reference: dt.date | None = None

    @classmethod
    def build(
        cls,
        published: Sequence[str] = (),
        manifest: Sequence[ManifestEntry] = (),
        reference: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> DateHints:
        """Hints from the raw command-line and manifest values. Raises DateParseError on an unparsable date."""
        by_file: dict[str, dt.date] = {}
        every: dt.date | None = None
        for item in published:
            file, separator, value = item.rpartition("=")
            if separator and file:
                by_file[file] = parse_date(value, f"--published date for {file}")
            else:
                every = parse_date(item, "--published date")
        entries = tuple(
            ManifestDate(
                file=entry.file,
                headline=entry.headline,
                date=parse_date(entry.published, f"manifest date for {entry.file}"),
                publisher=entry.publisher,
            )
            for entry in manifest
        )
        reference_date: dt.date | None = None
        if reference is not None:
            reference_date = (
                today() if reference.strip().lower() == "today" else parse_date(reference, "--reference-date")
            )
        return cls(published=by_file, published_all=every, manifest=entries, reference=reference_date)

    @cached_property
    def manifest_by_name(self) -> dict[str, tuple[ManifestDate, ...]]:
        """The manifest entries by the base name of their file, in manifest order: a source can only be the file
        of an entry with its own base name (see _same_file), so an article is matched against a few entries, not
        the whole manifest of an archive."""
        grouped: dict[str, list[ManifestDate]] = {}
        for entry in self.manifest:
            grouped.setdefault(PurePath(entry.file).name, []).append(entry)
        return {name: tuple(entries) for name, entries in grouped.items()}


def _file_of(source: str) -> str:
    """The file path of an article's source (a JSON record's source is 'path#id')."""
    return source.split("#", 1)[0]


def _same_file(source: str, given: str) -> bool:
    """Whether a user-given file name designates this source: the same path, a path suffix, or its base name."""
    path, wanted = PurePath(_file_of(source)), PurePath(given)
    return path == wanted or path.name == given or path.parts[-len(wanted.parts) :] == wanted.parts


def unmatched_published(hints: DateHints, sources: Iterable[str]) -> list[str]:
    """The files of --published FILE=DATE that designate none of `sources` (a mistyped name is otherwise
    silently ignored)."""
    sources = list(sources)
    return [file for file in hints.published if not any(_same_file(source, file) for source in sources)]


def cli_date(article: Article, hints: DateHints) -> tuple[dt.date, str] | None:
    for file, date in hints.published.items():
        if _same_file(article.source, file):
            return date, f"--published {file}={date.isoformat()}"
    if hints.published_all is not None:
        return hints.published_all, f"--published {hints.published_all.isoformat()}"
    return None


def manifest_entry(article: Article, hints: DateHints) -> ManifestDate | None:
    """The manifest entry of an article: one naming its file and its headline, else one naming its file only."""
    named = hints.manifest_by_name.get(PurePath(_file_of(article.source)).name, ())
    candidates = [entry for entry in named if _same_file(article.source, entry.file)]
    key = normalise_headline(article.headline) if article.headline else None
    for entry in candidates:
        if entry.headline is not None and key is not None and normalise_headline(entry.headline) == key:
            return entry
    return next((entry for entry in candidates if entry.headline is None), None)


# ---------------------------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------------------------


class Dateline(BaseModel):
    """A date the article states about itself, near its top."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    date: dt.date | None = None
    month_day: tuple[int, int] | None = None
    kind: Literal["date", "updated", "wire"] = "date"
    weekday: int | None = None


def _content_lines(article: Article) -> tuple[list[str], list[str]]:
    """The article's first content lines after its headline (captions, markers, bylines and repeated headlines
    skipped), and the date lines above the headline (a page or blog header)."""
    skipped = {"headline", "repeated_headline", "caption", "marker", "byline", "chrome", "source"}
    spans = {start: kind for start, _, kind in boilerplate_lines(article.text, article.headline)}
    header: list[str] = []
    content: list[str] = []
    offset = 0
    seen_headline = article.headline is None
    for raw in article.text.splitlines(keepends=True):
        line = " ".join(raw.split())
        start = offset + len(raw) - len(raw.lstrip())
        offset += len(raw)
        if not line:
            continue
        kind = spans.get(start)
        if kind == "headline":
            seen_headline = True
            continue
        if not seen_headline:
            if is_date_line(line):
                header.append(line)
            continue
        if kind in skipped:
            continue
        content.append(line)
        if len(content) >= DATELINE_WINDOW:
            break
    if not seen_headline:
        # The headline never appeared as a line of its own: read the article from its top.
        return [" ".join(line.split()) for line in article.text.splitlines() if line.strip()][:DATELINE_WINDOW], []
    return content, header


def _parse_english(text: str) -> dt.date | None:
    plain = _PLAIN_DATE.fullmatch(text)
    if plain is not None:
        if plain["iso_year"]:
            year, month, day = int(plain["iso_year"]), int(plain["iso_month"]), int(plain["iso_day"])
        else:
            year, month = int(plain["year"]), MONTH_NUMBERS[(plain["month"] or plain["month_after"]).lower()]
            day = int(plain["day"] or plain["day_first"])
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass  # "February 30, 2021": dateparser says what it makes of it
    import dateparser  # see parse_date

    parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def _weekday_named(text: str) -> int | None:
    match = _WEEKDAY_WORD.search(text)
    return WEEKDAY_NUMBERS.get(match.group(1).lower().rstrip(".")) if match else None


def _dateline_of_line(line: str, first: bool) -> Dateline | None:
    """A dateline read from one content line: a line that is only a date ("Published: ..." included); for the
    first line, also a date that opens it (sentence text glued after it) or a wire dateline."""
    match = DATE_AT_START.match(line)
    if match is not None and (first or is_date_line(line)):
        date = _parse_english(match.group("date"))
        if date is not None:
            prefix = (match.group("prefix") or "").lower()
            kind: Literal["date", "updated"] = "updated" if "updated" in prefix else "date"
            return Dateline(text=match.group(0).strip(), date=date, kind=kind, weekday=_weekday_named(match.group(0)))
    if match is None and len(line.split()) <= 6 and re.search(r"\b(?:1[89]|20)\d\d\b", line):
        date = _parse_any_language(line)
        if date is not None:
            return Dateline(text=line, date=date)
    if first:
        wire = WIRE_DATELINE.match(line)
        if wire is not None:
            month_day = None
            if wire.group("month"):
                month = _parse_english(f"{wire.group('month')} {wire.group('day')} {wire.group('year') or 2000}")
                month_day = (month.month, month.day) if month else None
                if month is not None and wire.group("year"):
                    return Dateline(text=wire.group(0).strip(), date=month, kind="wire")
            return Dateline(text=wire.group(0).strip(), month_day=month_day, kind="wire")
    return None


def _parse_any_language(line: str) -> dt.date | None:
    try:
        return parse_date(line)
    except DateParseError:
        return None


def find_dateline(article: Article) -> tuple[Dateline | None, dt.date | None]:
    """The article's own dateline (a "Published" date preferred over an "Updated" one), and the date of a page
    or blog header above its headline, which bounds the publication date from above but is not it."""
    content, header = _content_lines(article)
    header_date = next((d.date for d in (_dateline_of_line(line, False) for line in header) if d and d.date), None)
    found: list[Dateline] = []
    for position, line in enumerate(content):
        dateline = _dateline_of_line(line, position == 0)
        if dateline is not None:
            found.append(dateline)
    dated = [d for d in found if d.date is not None]
    own = next((d for d in dated if d.kind == "date"), None) or (dated[0] if dated else None)
    return own or (found[0] if found else None), header_date


# How far into an article its own dateline may open a line of text.
_DATELINE_REACH = 2000


def dateline_span(article: Article, context: PublicationContext) -> tuple[int, int] | None:
    """Where the dateline the publication date was read from opens a line of body text ("SANTIAGO, March 6,
    2024 - A strong earthquake struck ..."), in article.text: it says when the article was written and dates
    no event. None when the date came from elsewhere or stands on a line of its own (skipped as boilerplate)."""
    if context.basis != "dateline" or not context.evidence:
        return None
    evidence, head = context.evidence, article.text[:_DATELINE_REACH]
    # Where the evidence first stands after only blanks on its line: found by plain search, since a pattern
    # made of each article's own evidence would be compiled once per article.
    at = head.find(evidence)
    while at >= 0:
        line = head.rfind("\n", 0, at) + 1
        if not head[line:at].strip(" \t"):
            # Of several places in the line's opening blanks, the last, as a greedy [ \t]* would take it.
            blanks_end = len(head) - len(head[line:].lstrip(" \t"))
            start = next(place for place in range(blanks_end, at - 1, -1) if head.startswith(evidence, place))
            return start, start + len(evidence)
        at = head.find(evidence, at + 1)
    return None


# ---------------------------------------------------------------------------------------------------------------
# Inference from the text's temporal expressions
# ---------------------------------------------------------------------------------------------------------------


class Clue(BaseModel):
    """A temporal expression as tagged without an anchor, with the tense of the statement it belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    timex: Timex
    tense: CueTense


def clues_of(text: str, timexes: Sequence[Timex], offset: int = 0) -> list[Clue]:
    """Clues of timexes tagged on `text` (their offsets minus `offset` index it); a timex whose span does not
    match the text keeps the present tense (no cue read)."""
    sentences = RoughSentences(text)
    cues: dict[tuple[int, int], SentenceCues] = {}  # by sentence bounds: each sentence is read once
    clues: list[Clue] = []
    for timex in timexes:
        start, end = timex.start - offset, timex.end - offset
        if 0 <= start <= end <= len(text) and text[start:end] == timex.text:
            left, right = sentences.bounds(start, end)
            found = cues.get((left, right))
            if found is None:
                found = cues[(left, right)] = SentenceCues(text[left:right])
            tense = found.tense(start - left, end - left)
        else:
            tense = "present"
        clues.append(Clue(timex=timex, tense=tense))
    return clues


_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_DAY = re.compile(r"XXXX-(\d{2})-(\d{2})")
_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")
_YEARISH = re.compile(r"(\d{4})(?:-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]))?")


def _full_date(value: str) -> dt.date | None:
    match = _FULL_DATE.match(value)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _on_or_before(month: int, day: int, limit: dt.date) -> dt.date | None:
    """The latest month-day on or before limit (within two years; Feb 29 included)."""
    for year in (limit.year, limit.year - 1, limit.year - 2, limit.year - 3, limit.year - 4):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _in_year(month: int, day: int, year: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _Evidence(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    text: str


# Offset expressions as tagged without an anchor ("four years ago" is UNDEF-this-year-MINUS-4, "last year"
# UNDEF-this-year-MINUS-1, "yesterday morning" UNDEF-this-day-MINUS-1TMO).
_OFFSET_VALUE = re.compile(
    r"UNDEF-this-(?P<unit>day|week|month|year)(?:-(?P<sign>MINUS|PLUS)-(?P<n>\d{1,4}))?(?:T[A-Z0-9:]{2,5})?"
)
# A date the text states, with or without its year: 2020, 2020-01, 2020-01-03, XXXX-01, XXXX-01-03.
_STATED_VALUE = re.compile(r"(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
# Words joining an offset expression to the date it names: "four years ago, on January 3, 2020", "last year
# (1997)", "two days ago -- on March 3", "in 1997, last year".
APPOSITION_WORDS = ("in", "on", "during")
_OFFSET_THEN_DATE = re.compile(
    rf"\s*(?:(?P<mark>[(,—–]|--?)\s*)?(?P<word>(?:{'|'.join(APPOSITION_WORDS)})\s+)?", re.IGNORECASE
)
_DATE_THEN_OFFSET = re.compile(r"\)?,\s*|\s*(?:[(—–]|--?)\s*")
APPOSITION_GAP = 16
# "N years ago" names one past event, which news text often dates in the same or the next sentence ("...
# commanders four years ago. The strike ... on January 3, 2020."); a month- or day-precise date there names it.
_AGO = re.compile(r"\bago\b", re.IGNORECASE)
# The precision a stated date needs for an offset of each unit to pin the publication.
_PRECISION_NEEDED = {"year": "year", "month": "month", "week": "day", "day": "day"}
CONFIDENCE_PINNED = 0.8
# Words before a month-day that make it a schedule or an accounting boundary ("payable Jan. 3", "the quarter
# ended Sept. 30", "by Jan. 14", "since Feb. 20") rather than a recent event reported as past.
NOT_RECENT_CUES = (
    "ended",
    "ending",
    "effective",
    "payable",
    "record",
    "deadline",
    "by",
    "until",
    "through",
    "since",
    "week of",
    "before",
)
_NOT_RECENT = re.compile(rf"\b(?:{'|'.join(NOT_RECENT_CUES)})\s+(?:on\s+)?$", re.IGNORECASE)
NOT_RECENT_WINDOW = 25


class Pin(BaseModel):
    """The publication's own time, named by an offset expression in apposition with a stated date: a TIMEX3 value
    of the offset's unit ("2024", "2023-05", "2023-W10", "2023-03-05"; "XXXX-03-05" when the date has no year)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str
    text: str


def _recent_month_day(clue: Clue, text: str) -> re.Match[str] | None:
    """The month and day of a month-day without its year that the text reports as a recent past event."""
    timex = clue.timex
    if clue.tense == "future" or (match := _MONTH_DAY.fullmatch(timex.value)) is None:
        return None
    if text[timex.start : timex.end] == timex.text and _NOT_RECENT.search(
        text, max(0, timex.start - NOT_RECENT_WINDOW), timex.start
    ):
        return None
    return match


def _stated(clue: Clue) -> re.Match[str] | None:
    """The parts of a date the text states itself (not an offset or a relative name such as "last May")."""
    timex = clue.timex
    if timex.type != "DATE" or timex.underspecified.startswith("UNDEF"):
        return None
    match = _STATED_VALUE.fullmatch(timex.value)
    return match if match is not None and (match["year"] != "XXXX" or match["month"]) else None


def _precision(match: re.Match[str]) -> str:
    return "day" if match["day"] else "month" if match["month"] else "year"


def _shifted(match: re.Match[str], unit: str, amount: int) -> str | None:
    """The value of the `unit` containing the stated date, moved back by `amount` units (None when the date lacks
    the precision or, for weeks, the year)."""
    needed = _PRECISION_NEEDED[unit]
    precision = _precision(match)
    if (needed == "day" and precision != "day") or (needed == "month" and precision == "year"):
        return None
    yearless = match["year"] == "XXXX"
    year = 2000 if yearless else int(match["year"])  # a leap year, so that a yearless February 29 exists
    if unit == "year":
        return None if yearless else f"{year - amount:04d}"
    month = int(match["month"])
    if unit == "month":
        index = year * 12 + month - 1 - amount
        return f"{'XXXX' if yearless else f'{index // 12:04d}'}-{index % 12 + 1:02d}"
    try:
        day = dt.date(year, month, int(match["day"]))
        if unit == "week":
            if yearless:
                return None
            iso_year, week, _ = (day - dt.timedelta(weeks=amount)).isocalendar()
            return f"{iso_year}-W{week:02d}"
        moved = day - dt.timedelta(days=amount)
    except (ValueError, OverflowError):
        return None
    return f"XXXX-{moved.month:02d}-{moved.day:02d}" if yearless else moved.isoformat()


class _Stated:
    """The dates a text states, in text order, with their starts and ends for bisection: each offset expression
    looks only at the dates near it, so finding pins stays linear on a text full of dates."""

    def __init__(self, clues: Sequence[Clue]) -> None:
        found = [(clue, match) for clue in clues if (match := _stated(clue)) is not None]
        self.items = sorted(found, key=lambda item: item[0].timex.start)
        self.starts = [clue.timex.start for clue, _ in self.items]
        self.ends = [clue.timex.end for clue, _ in self.items]

    def starting(self, low: int, high: int) -> range:
        """Indices of the dates starting in [low, high)."""
        return range(bisect_left(self.starts, low), bisect_left(self.starts, high))

    def ending(self, low: int, high: int) -> range:
        """Indices of the dates ending in [low, high)."""
        return range(bisect_left(self.ends, low), bisect_left(self.ends, high))


def _apposed(text: str, offset: Timex, stated: _Stated) -> Clue | None:
    """The stated date written in apposition with the offset expression, on either side of it."""
    near = set(stated.starting(offset.end, offset.end + APPOSITION_GAP + 1))
    near.update(stated.ending(offset.start - APPOSITION_GAP, offset.start + 1))
    for index in sorted(near):
        clue = stated.items[index][0]
        timex = clue.timex
        if 0 <= timex.start - offset.end <= APPOSITION_GAP:
            gap = _OFFSET_THEN_DATE.fullmatch(text, offset.end, timex.start)
            if gap is not None and (gap["mark"] or gap["word"]):
                return clue
        if 0 <= offset.start - timex.end <= APPOSITION_GAP and _DATE_THEN_OFFSET.fullmatch(
            text, timex.end, offset.start
        ):
            return clue
    return None


def _dated_nearby(text: str, spans: list[tuple[int, int]], offset: Timex, stated: _Stated) -> Clue | None:
    """The nearest month- or day-precise past date with its year in the offset's sentence or the next one."""
    sentence = sentence_at(spans, offset.start)
    following = bisect_left(spans, sentence[1], key=lambda span: span[0])
    end = spans[following][1] if following < len(spans) else sentence[1]
    near = [
        clue
        for clue, match in (stated.items[i] for i in stated.starting(sentence[0], end))
        if clue.tense != "future" and match["year"] != "XXXX" and _precision(match) != "year"
    ]
    return min(near, key=lambda clue: abs(clue.timex.start - offset.start), default=None)


def offset_pins(text: str, clues: Sequence[Clue]) -> list[Pin]:
    """What offset expressions in apposition with a stated date say of the publication: "four years ago, on
    January 3, 2020" puts it in 2024, "last year (1997)" in 1998, "two days ago, on March 3" on March 5.
    Clue offsets index `text`, in text order."""
    stated = _Stated(clues)
    spans = sentence_spans(text)
    pins: list[Pin] = []
    for clue in clues:
        offset = _OFFSET_VALUE.fullmatch(clue.timex.underspecified)
        if offset is None or text[clue.timex.start : clue.timex.end] != clue.timex.text:
            continue
        partner = _apposed(text, clue.timex, stated)
        if partner is None and offset["unit"] == "year" and offset["sign"] == "MINUS" and _AGO.search(clue.timex.text):
            partner = _dated_nearby(text, spans, clue.timex, stated)
        if partner is None:
            continue
        match = _STATED_VALUE.fullmatch(partner.timex.value)
        amount = int(offset["n"] or 0) * (-1 if offset["sign"] == "MINUS" else 1)
        value = _shifted(match, offset["unit"], amount) if match is not None else None
        if value is not None:
            pins.append(Pin(value=value, text=f"{clue.timex.text!r} with {partner.timex.text!r}"))
    return pins


def _pinned_range(pins: Sequence[Pin]) -> tuple[dt.date, dt.date, str] | None:
    """The publication range all pins with a year agree on, with their texts (None when there is none, or when
    they disagree: then none is trusted)."""
    bounds = [(parsed[0], parsed[1], pin.text) for pin in pins if (parsed := parse_value(pin.value)) is not None]
    if not bounds:
        return None
    earliest, latest = max(b[0] for b in bounds), min(b[1] for b in bounds)
    if earliest > latest:
        return None
    return earliest, latest, ", ".join(sorted({b[2] for b in bounds}))


def _yearless_days(pins: Sequence[Pin]) -> list[tuple[int, int, str]]:
    return [
        (int(match[1]), int(match[2]), pin.text)
        for pin in pins
        if (match := _MONTH_DAY.fullmatch(pin.value)) is not None
    ]


def infer_publication(
    clues: Sequence[Clue],
    upper: dt.date | None = None,
    dateline: Dateline | None = None,
    pins: Sequence[Pin] = (),
    text: str = "",
) -> PublicationContext | None:
    """A publication date inferred from unanchored temporal expressions, or None when they do not suffice.

    Offset expressions in apposition with a stated date (`pins`, see offset_pins) give the publication's year,
    month, week or day. Past and present statements about a dated day put the article on or after that day; a
    month-day written without its year is, by news style, recent, so the article is placed shortly after the
    latest one (unless `text`, which the clues index, makes it a schedule or an accounting boundary: "payable
    Jan. 3", "the quarter ended Sept. 30"); past weekday mentions ("On Tuesday, the council said") fall in the
    week before publication and choose the day of the week. `upper` (a reference date, a page header's date)
    bounds the date from above and supplies the year when the text states none. A day named without its year (a
    dateline "BRUSSELS, February 10 (Xinhua)", "two days ago, on March 3") gives the date once the year is known.

    When the text bounds the date only loosely (a year), the result has no date, basis "unknown" and the range."""
    lower: _Evidence | None = None
    year_source = f"the upper bound {upper.isoformat()}" if upper is not None else ""
    pinned = _pinned_range(pins)
    if pinned is not None:
        if upper is not None and upper < pinned[0]:
            return None
        upper = pinned[1] if upper is None else min(upper, pinned[1])
        lower = _Evidence(date=pinned[0], text=pinned[2])
        year_source = pinned[2]
    if lower is not None and upper == lower.date:
        return PublicationContext(
            date=upper,
            basis="inferred",
            evidence=lower.text,
            earliest=upper,
            latest=upper,
            confidence=CONFIDENCE_PINNED,
        )
    not_future = [clue for clue in clues if clue.tense != "future"]
    full = [
        _Evidence(date=date, text=clue.timex.text)
        for clue in not_future
        if clue.timex.type == "DATE" and (date := _full_date(clue.timex.value)) is not None
    ]
    if upper is not None:
        full = [item for item in full if item.date <= upper]
    # The year: the upper bound's, else that of the latest full date the text states as past. Bare years
    # ("fiscal 1990", "in 1987") are too often about other times to date the article.
    anchor = max(full, key=lambda item: item.date) if full else None
    year = anchor.date.year if anchor is not None else None
    month_days: list[_Evidence] = []
    for clue in not_future:
        match = _recent_month_day(clue, text)
        if match is None:
            continue
        month, day = int(match[1]), int(match[2])
        if upper is not None:
            resolved = _on_or_before(month, day, upper)
        elif year is not None:
            resolved = _in_year(month, day, year)
        else:
            resolved = None
        if resolved is not None:
            month_days.append(_Evidence(date=resolved, text=clue.timex.text))
    weekdays = [
        (int(m[1]), clue.timex.text) for clue in not_future if (m := _WEEKDAY_VALUE.fullmatch(clue.timex.value))
    ]
    named_days = _yearless_days(pins)
    if dateline is not None and dateline.month_day is not None:
        named_days.insert(0, (*dateline.month_day, f"dateline {dateline.text!r}"))
    for month, day, text in named_days:
        stated: dt.date | None = None
        if upper is not None:
            stated, source = _on_or_before(month, day, upper), year_source
        elif anchor is not None:
            # As below: a stated year dates the day only when the day follows that date closely.
            stated, source = _in_year(month, day, anchor.date.year), f"the latest past date {anchor.text!r}"
            if stated is not None and not anchor.date <= stated <= anchor.date + INFERENCE_HORIZON:
                stated = None
        if stated is not None and (lower is None or stated >= lower.date):
            return PublicationContext(
                date=stated,
                basis="inferred",
                evidence=f"{text} with the year from {source}",
                earliest=stated,
                latest=stated,
                confidence=CONFIDENCE_PINNED,
            )
    if upper is None and anchor is not None:
        # Without an upper bound the year rests on one stated date, which may be history ("March 5, 1946"):
        # it is trusted only when a year-less, hence recent, month-day follows it closely and none lies beyond.
        if any(m.date > anchor.date + INFERENCE_HORIZON for m in month_days):
            return None
        month_days = [m for m in month_days if m.date > anchor.date]
    if not month_days and lower is None:
        return None
    mentioned = max([*month_days, *full], key=lambda item: item.date) if month_days else None
    parts: list[str] = []
    if lower is not None:
        parts.append(f"year from {lower.text}")
    if mentioned is not None and (lower is None or mentioned.date >= lower.date):
        floor = mentioned
        ceiling = floor.date + INFERENCE_HORIZON
        parts.insert(0, f"latest dated past mention {floor.text!r} ({floor.date.isoformat()})")
        if anchor is None and lower is None and upper is not None:
            parts.append(f"year from the upper bound {upper.isoformat()}")
    else:
        assert lower is not None  # no mention after it: the pinned range alone
        floor, ceiling = lower, upper or lower.date
    if upper is not None:
        ceiling = min(ceiling, upper)
    if ceiling - floor.date > INFERENCE_HORIZON:
        return PublicationContext(
            date=None,
            basis="unknown",
            evidence="; ".join(parts),
            earliest=floor.date,
            latest=ceiling,
            confidence=0.0,
        )
    date = min(_closest_weekday(floor.date, [number for number, _ in weekdays]), ceiling)
    if weekdays:
        parts.append("weekday mentions " + ", ".join(sorted({text for _, text in weekdays})))
    confidence = 0.6 if weekdays else 0.5
    return PublicationContext(
        date=date,
        basis="inferred",
        evidence="; ".join(parts),
        earliest=floor.date,
        latest=max(ceiling, date),
        confidence=confidence,
    )


def _latest_yearless(clues: Sequence[Clue], text: str) -> tuple[dt.date, str] | None:
    """The latest month-day written without its year that the text reports as past (as a day of the leap year
    2000) and its text. News mentions cluster shortly before publication, so the latest is the one followed by
    the longest stretch of the calendar without a mention ("December 20" and "January 3": January 3)."""
    days = sorted(
        (_in_year(int(match[1]), int(match[2]), 2000) or dt.date(2000, 2, 29), clue.timex.text)
        for clue in clues
        if (match := _recent_month_day(clue, text)) is not None
    )
    if not days:
        return None
    year = dt.timedelta(days=366)
    gaps = [((days[(i + 1) % len(days)][0] - day) % year or year, i) for i, (day, _) in enumerate(days)]
    return days[max(gaps)[1]]


def latest_yearless_past(clues: Sequence[Clue], text: str = "") -> str | None:
    """The text of the latest month-day written without its year that `text` (which the clues index) reports as
    a recent past event, which tells a user the article's day even when its year is unknown."""
    latest = _latest_yearless(clues, text)
    return latest[1] if latest is not None else None


def yearless_window(clues: Sequence[Clue], pins: Sequence[Pin] = (), text: str = "") -> str | None:
    """What the text says of the publication day when it states no year: a day named by an offset in apposition
    ("two days ago, on March 3": March 5), else the window after the latest past month-day."""
    named = _yearless_days(pins)
    if named:
        month, day, text = named[0]
        return f"{text} puts it on {dt.date(2000, month, day):%B} {day} of a year the text does not state"
    latest = _latest_yearless(clues, text)
    if latest is None:
        return None
    first, said = latest
    last = first + INFERENCE_HORIZON
    return (
        f"the text reports {said!r} as past but states no year for it: if that day was recent, as in news it "
        f"often is, written between {first:%B} {first.day} and {last:%B} {last.day} of a "
        "year the text does not state"
    )


def _closest_weekday(floor: dt.date, weekdays: Sequence[int]) -> dt.date:
    """The day of the week after floor that puts the mentioned past weekdays closest before it."""
    if not weekdays:
        return floor
    candidates = [floor + dt.timedelta(days=shift) for shift in range(7)]
    return min(candidates, key=lambda day: sum((day.isoweekday() - w) % 7 for w in weekdays))


# ---------------------------------------------------------------------------------------------------------------
# Precedence
# ---------------------------------------------------------------------------------------------------------------


def publication_context(article: Article, hints: DateHints, timexes: Sequence[Timex]) -> PublicationContext:
    """When the article was written, and how we know (see the module docstring for the precedence).
    `timexes` are the article text's temporal expressions tagged without an anchor (offsets into article.text)."""
    dateline, header_date = find_dateline(article)
    conflicts: list[str] = []
    stated: list[tuple[Basis, dt.date, str]] = []
    cli = cli_date(article, hints)
    if cli is not None:
        stated.append(("cli", cli[0], cli[1]))
    entry = manifest_entry(article, hints)
    if entry is not None:
        stated.append(("manifest", entry.date, f"manifest.json entry for {entry.file}"))
    if dateline is not None and dateline.date is not None:
        stated.append(("dateline", dateline.date, dateline.text))
        if dateline.weekday is not None and dateline.weekday != dateline.date.isoweekday():
            conflicts.append(
                f"dateline {dateline.text!r}: {dateline.date.isoformat()} is a {dateline.date:%A}, "
                "not the weekday it names"
            )
    if article.published:
        try:
            stated.append(("metadata", parse_date(article.published, "metadata date"), article.published))
        except DateParseError as error:
            conflicts.append(str(error))
    upper = min((d for d in (hints.reference, header_date) if d is not None), default=None)
    clues = clues_of(article.text, timexes)
    pins = offset_pins(article.text, clues)
    inferred = infer_publication(clues, upper, dateline, pins, article.text)
    if stated:
        basis, date, evidence = stated[0]
        for other_basis, other_date, other_evidence in stated[1:]:
            if other_date != date:
                conflicts.append(
                    f"{other_basis} says {other_date.isoformat()} ({other_evidence}); kept the {basis} date"
                )
        if inferred is not None and inferred.date is not None and inferred.earliest is not None:
            if date < inferred.earliest:
                conflicts.append(
                    f"the text reports {inferred.earliest.isoformat()} as past ({inferred.evidence}), "
                    f"after the {basis} date"
                )
        elif inferred is not None:
            conflicts.extend(_outside_range(inferred, date, f"the {basis} date"))
        return PublicationContext(
            date=date,
            basis=basis,
            evidence=evidence,
            confidence=CONFIDENCE[basis],
            conflicts=tuple(conflicts),
        )
    if inferred is not None and inferred.date is not None:
        return inferred.model_copy(update={"conflicts": tuple(conflicts)})
    if hints.reference is not None:
        if inferred is not None:
            conflicts.extend(_outside_range(inferred, hints.reference, "the reference date"))
        return PublicationContext(
            date=hints.reference,
            basis="reference",
            evidence=f"--reference-date {hints.reference.isoformat()}",
            latest=hints.reference,
            confidence=CONFIDENCE["reference"],
            conflicts=tuple(conflicts),
        )
    return _unknown(article.text, clues, pins, dateline, inferred, header_date, tuple(conflicts))


def _outside_range(inferred: PublicationContext, date: dt.date, what: str) -> list[str]:
    """A conflict when a given date falls outside the range the text allows."""
    earliest, latest = inferred.earliest, inferred.latest
    if earliest is None or latest is None or earliest <= date <= latest:
        return []
    return [
        f"the text puts the publication between {earliest.isoformat()} and {latest.isoformat()} "
        f"({inferred.evidence}), not on {what} {date.isoformat()}"
    ]


def _unknown(
    text: str,
    clues: Sequence[Clue],
    pins: Sequence[Pin],
    dateline: Dateline | None,
    loose: PublicationContext | None,
    header_date: dt.date | None,
    conflicts: tuple[str, ...],
) -> PublicationContext:
    """No date: say what the text does tell (a range with its year, or days without one) and how to supply it."""
    findings: list[str] = []
    earliest, latest = None, header_date
    if loose is not None and loose.earliest is not None and loose.latest is not None:
        earliest, latest = loose.earliest, loose.latest
        findings.append(
            f"written between {earliest.isoformat()} and {latest.isoformat()} ({loose.evidence}), "
            "but nothing in the text narrows it to a day"
        )
    if dateline is not None and dateline.month_day is not None:
        findings.append(f"the dateline {dateline.text!r} has no year")
    window = yearless_window(clues, pins, text)
    if window is not None and loose is None:
        findings.append(window)
    evidence = "no publication date found" + "".join(f" ({finding})" for finding in findings)
    return PublicationContext(
        date=None,
        basis="unknown",
        evidence=f"{evidence}; {HOW_TO_SUPPLY}",
        earliest=earliest,
        latest=latest,
        confidence=0.0,
        conflicts=conflicts,
    )
