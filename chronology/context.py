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
from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Literal

import dateparser
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
# A wire-service dateline: "WASHINGTON (AP) --", "NAIROBI, Kenya (AP) _", "BRUSSELS, February 10 (Xinhua) --".
WIRE_DATELINE = re.compile(
    rf"[A-Z][A-Z.'-]{{1,20}}(?: [A-Z][A-Z.'-]{{1,20}}){{0,3}}(?:, [A-Z][A-Za-z.]{{1,20}}(?: [A-Z][A-Za-z.]{{1,20}})?)?"
    rf"(?:, (?P<month>{MONTHS})\.? (?P<day>[0-3]?\d))?\s?(?:\((?P<agency>[A-Za-z]{{1,12}}(?: [A-Za-z]{{1,12}})?)\s?\))?"
    r"\s?(?:--|_|—|–)"
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
# Tense cues near a temporal expression: the nearest cue decides ("said on Tuesday" is past, "will meet on
# Tuesday" future). Irregular past forms are listed; regular ones end in -ed.
PAST_CUES = (
    "said|says|told|was|were|had|did|met|held|took|came|went|saw|began|broke|made|gave|left|won|lost|fell|rose"
    "|struck|hit|spoke|wrote|sent|led|ran|paid|sold|bought|brought|thought|found|became|got|put|set|shot|fought"
    "|ago|earlier|last|since"
)
FUTURE_CUES = (
    "will|shall|'ll|going to|to be|plans? to|planned|scheduled|expected to|due to|upcoming|next|would|intends? to"
    "|is to|are to|later"
)
_CUE = re.compile(rf"\b(?:(?P<future>{FUTURE_CUES})|(?P<past>{PAST_CUES})|(?P<ed>[a-z]{{2,20}}ed))\b", re.IGNORECASE)
_PASSIVE_AUXILIARY = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")
# How many content lines after the headline may hold the article's own dateline.
DATELINE_WINDOW = 3
# Inference: how far after the latest dated past mention an article is assumed to be written at most.
INFERENCE_HORIZON = dt.timedelta(days=30)
CONFIDENCE = {"cli": 1.0, "manifest": 1.0, "dateline": 0.95, "metadata": 0.9, "reference": 0.3}
HOW_TO_SUPPLY = "supply it with --published FILE=DATE, a manifest.json entry, or --reference-date DATE"

Tense = Literal["past", "present", "future"]

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


def _file_of(source: str) -> str:
    """The file path of an article's source (a JSON record's source is 'path#id')."""
    return source.split("#", 1)[0]


def _same_file(source: str, given: str) -> bool:
    """Whether a user-given file name designates this source: the same path, a path suffix, or its base name."""
    path, wanted = PurePath(_file_of(source)), PurePath(given)
    return path == wanted or path.name == given or path.parts[-len(wanted.parts) :] == wanted.parts


def cli_date(article: Article, hints: DateHints) -> tuple[dt.date, str] | None:
    for file, date in hints.published.items():
        if _same_file(article.source, file):
            return date, f"--published {file}={date.isoformat()}"
    if hints.published_all is not None:
        return hints.published_all, f"--published {hints.published_all.isoformat()}"
    return None


def manifest_entry(article: Article, hints: DateHints) -> ManifestDate | None:
    """The manifest entry of an article: one naming its file and its headline, else one naming its file only."""
    candidates = [entry for entry in hints.manifest if _same_file(article.source, entry.file)]
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
                month = _parse_english(f"{wire.group('month')} {wire.group('day')} 2000")
                month_day = (month.month, month.day) if month else None
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


# ---------------------------------------------------------------------------------------------------------------
# Inference from the text's temporal expressions
# ---------------------------------------------------------------------------------------------------------------


class Clue(BaseModel):
    """A temporal expression as tagged without an anchor, with the tense of the statement it belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    timex: Timex
    tense: Tense


class _Cues:
    """The tense cues of one sentence, found once: each expression's nearest cue is then a few bisections, so a
    sentence holding thousands of expressions stays linear. A participle after a passive auxiliary ("was
    signed", "will be held") is no cue: its auxiliary carries the tense."""

    def __init__(self, sentence: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.tenses: list[Tense] = []
        for match in _CUE.finditer(sentence):
            if match.group("ed") and _PASSIVE_AUXILIARY.search(sentence, max(0, match.start() - 8), match.start()):
                continue
            self.starts.append(match.start())
            self.ends.append(match.end())
            self.tenses.append("future" if match.group("future") else "past")

    def tense(self, start: int, end: int) -> Tense:
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


def tense_of(sentence: str, start: int, end: int) -> Tense:
    """Tense of the statement around sentence[start:end], from the cue word nearest to it."""
    return _Cues(sentence).tense(start, end)


class _Sentences:
    """Where the sentences of a text end (a period, '!', '?' or a line break), found once."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.ends = [match.start() for match in _SENTENCE_END.finditer(text)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around [start, end): after the last end mark before start, up to the first at or after
        end."""
        before = bisect_left(self.ends, start)
        after = bisect_left(self.ends, end)
        left = self.ends[before - 1] + 1 if before else 0
        return left, self.ends[after] if after < len(self.ends) else self.length


def clues_of(text: str, timexes: Sequence[Timex], offset: int = 0) -> list[Clue]:
    """Clues of timexes tagged on `text` (their offsets minus `offset` index it); a timex whose span does not
    match the text keeps the present tense (no cue read)."""
    sentences = _Sentences(text)
    cues: dict[tuple[int, int], _Cues] = {}  # by sentence bounds: each sentence is read once
    clues: list[Clue] = []
    for timex in timexes:
        start, end = timex.start - offset, timex.end - offset
        if 0 <= start <= end <= len(text) and text[start:end] == timex.text:
            left, right = sentences.bounds(start, end)
            found = cues.get((left, right))
            if found is None:
                found = cues[(left, right)] = _Cues(text[left:right])
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


def infer_publication(
    clues: Sequence[Clue], upper: dt.date | None = None, dateline: Dateline | None = None
) -> PublicationContext | None:
    """A publication date inferred from unanchored temporal expressions, or None when they do not suffice.

    Past and present statements about a dated day put the article on or after that day; a month-day written
    without its year is, by news style, recent, so the article is placed shortly after the latest one; past
    weekday mentions ("On Tuesday, the council said") fall in the week before publication and choose the day of
    the week. `upper` (a reference date, a page header's date) bounds the date from above and supplies the year
    when the text states none. A dateline naming the day without its year ("BRUSSELS, February 10 (Xinhua)")
    gives the day once the year is known."""
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
        match = _MONTH_DAY.fullmatch(clue.timex.value)
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
    if dateline is not None and dateline.month_day is not None:
        month, day = dateline.month_day
        stated: dt.date | None = None
        if upper is not None:
            stated, source = _on_or_before(month, day, upper), f"the upper bound {upper.isoformat()}"
        elif anchor is not None:
            # As below: a stated year dates the dateline only when its day follows that date closely.
            stated, source = _in_year(month, day, anchor.date.year), f"the latest past date {anchor.text!r}"
            if stated is not None and not anchor.date <= stated <= anchor.date + INFERENCE_HORIZON:
                stated = None
        if stated is not None:
            return PublicationContext(
                date=stated,
                basis="inferred",
                evidence=f"dateline {dateline.text!r} with the year from {source}",
                earliest=stated,
                latest=stated,
                confidence=0.8,
            )
    if upper is None and anchor is not None:
        # Without an upper bound the year rests on one stated date, which may be history ("March 5, 1946"):
        # it is trusted only when a year-less, hence recent, month-day follows it closely and none lies beyond.
        if any(m.date > anchor.date + INFERENCE_HORIZON for m in month_days):
            return None
        month_days = [m for m in month_days if m.date > anchor.date]
    if not month_days:
        return None
    floor = max([*month_days, *full], key=lambda item: item.date)
    date = _closest_weekday(floor.date, [number for number, _ in weekdays])
    ceiling = floor.date + INFERENCE_HORIZON
    if upper is not None:
        ceiling = min(ceiling, upper)
        date = min(date, upper)
    parts = [f"latest dated past mention {floor.text!r} ({floor.date.isoformat()})"]
    if anchor is None and upper is not None:
        parts.append(f"year from the upper bound {upper.isoformat()}")
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


def latest_yearless_past(clues: Sequence[Clue]) -> str | None:
    """The text of the latest month-day written without its year that the text reports as past (in calendar
    order within a year), which tells a user the article's day even when its year is unknown."""
    days = [
        ((int(match[1]), int(match[2])), clue.timex.text)
        for clue in clues
        if clue.tense != "future" and (match := _MONTH_DAY.fullmatch(clue.timex.value)) is not None
    ]
    return max(days)[1] if days else None


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
    inferred = infer_publication(clues, upper, dateline)
    if stated:
        basis, date, evidence = stated[0]
        for other_basis, other_date, other_evidence in stated[1:]:
            if other_date != date:
                conflicts.append(
                    f"{other_basis} says {other_date.isoformat()} ({other_evidence}); kept the {basis} date"
                )
        if inferred is not None and inferred.earliest is not None and date < inferred.earliest:
            conflicts.append(
                f"the text reports {inferred.earliest.isoformat()} as past ({inferred.evidence}), "
                f"after the {basis} date"
            )
        return PublicationContext(
            date=date,
            basis=basis,
            evidence=evidence,
            confidence=CONFIDENCE[basis],
            conflicts=tuple(conflicts),
        )
    if inferred is not None:
        return inferred.model_copy(update={"conflicts": tuple(conflicts)})
    if hints.reference is not None:
        return PublicationContext(
            date=hints.reference,
            basis="reference",
            evidence=f"--reference-date {hints.reference.isoformat()}",
            latest=hints.reference,
            confidence=CONFIDENCE["reference"],
            conflicts=tuple(conflicts),
        )
    evidence = "no publication date found"
    if dateline is not None and dateline.month_day is not None:
        evidence += f" (the dateline {dateline.text!r} has no year)"
    latest_day = latest_yearless_past(clues)
    if latest_day is not None:
        evidence += f" (the text reports {latest_day!r} as past but states no year for it)"
    return PublicationContext(
        date=None,
        basis="unknown",
        evidence=f"{evidence}; {HOW_TO_SUPPLY}",
        latest=header_date,
        confidence=0.0,
        conflicts=tuple(conflicts),
    )
