"""Ingest: read inputs (text, HTML, JSON, JSON Lines, TimeML, standard input) into Documents, split plain-text
documents into Articles, and recognise the page furniture (captions, repeated headlines, blog chrome) around them.

The knowledge used here (chrome phrases, credit patterns, date-line shapes, file types) lives in the tables at the
top of this module; the functions below only apply them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from chronology.errors import InputError
from chronology.models import Article, Document, DocumentFormat
from chronology.patterns import CREDIT_PATTERNS
from chronology.timeml import parse_timeml

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# ---------------------------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------------------------

FILE_TYPES: dict[str, DocumentFormat | Literal["jsonl"]] = {
    ".txt": "text",
    "": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".tml": "timeml",
}
NOT_DOCUMENTS = frozenset({"manifest.json"})
# Legacy encodings preferred when detection ties (windows-1252 is what "latin-1" means on the web).
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250")

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
# Words that introduce a date line ("Published: July 25, 2021", "Updated 3 March 2024").
DATE_LINE_PREFIXES = (
    "Published(?: on)?|Posted(?: on)?|Updated(?: on)?|Last updated(?: on)?|Date|First published(?: on)?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
_TIME = r"(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d\d:?\d\d))?)?"
# A full date at the start of a line: "July 25, 2021", "Monday, 26 July 2021", "January 09 , 2008", "2021-07-25".
DATE_AT_START = re.compile(
    rf"(?P<prefix>(?:{DATE_LINE_PREFIXES})(?:\s*:\s*|\s+))?(?:(?:{WEEKDAYS})\.?,?\s+)?"
    rf"(?P<date>(?:{MONTHS})\.?\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}|{_DAY}\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+{_YEAR}"
    rf"|{_YEAR}-[01]\d-[0-3]\d(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?|[0-3]?\d/[01]?\d/{_YEAR}){_TIME}",
    re.IGNORECASE,
)
# Page furniture a blog or news site wraps around articles; a line matching one of these (from its start,
# ignoring case) is chrome, not article text.
_END = r"(?:\s*:)?\s*$"  # an optional colon, then the end of the line
CHROME_PATTERNS = (
    rf"no comments{_END}",
    rf"\d+ comments?{_END}",
    r"post a comment\s*$",
    r"leave a (?:comment|reply)\s*$",
    rf"related (?:videos|news|articles|posts|stories){_END}",
    rf"(?:share|like) this{_END}",
    rf"read more{_END}",
    r"subscribe\b",
    r"the views expressed in this article\b",
    r"visual search query image\s*$",
    r"advertisement\s*$",
    r"click here\b",
    r"newer post\b|older post\b",
)
# All of them as one alternation: one regex call per line instead of one per pattern.
CHROME_LINE = re.compile("|".join(f"(?:{pattern})" for pattern in CHROME_PATTERNS), re.IGNORECASE)
# Lines that are images, not text: shown before a caption.
IMAGE_PLACEHOLDERS = tuple(re.compile(p, re.IGNORECASE) for p in (r"visual search query image\s*$", r"image\s*$"))
# A credit standing alone on its line ("Photo: Reuters", "(AP Photo/Vahid Salemi)") has at most this many words;
# a line beside it of at most CAPTION_MAX_WORDS words, not ending as a sentence ends, is the picture's caption.
BARE_CREDIT_MAX_WORDS = 8
CAPTION_MAX_WORDS = 30
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]{0,3}$")
TRAILER = re.compile(r"Source\s*:\s*(?P<publisher>\S.{0,80}?)\s*$", re.IGNORECASE)
BYLINE = re.compile(r"By\s+[A-Z][^.!?]{1,60}$")
# Wire services and newsrooms that stand alone on a byline line ("Reuters", "Jane Roe, Associated Press").
WIRE_SERVICES = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "Bloomberg News", "UPI",
    "United Press International", "Xinhua", "dpa", "EFE", "ANSA", "Kyodo", "Kyodo News", "TASS", "PA Media",
    "Press Association", "CNN", "BBC News", "Al Jazeera", "Staff", "Staff reports", "Staff writer", "Wire reports",
)
WIRE_LINE = re.compile(
    r"(?:By\s+)?(?:[A-Z][^.!?]{0,60}(?:,|/|\||\s-|–|—|\sand)\s*)?(?:" + "|".join(map(re.escape, WIRE_SERVICES))
    + r")\s*$",
    re.IGNORECASE,
)
BYLINE_MAX_WORDS = 8
# Markup inside a JSON text field: the tags a CMS body is made of.
HTML_TAG = re.compile(r"</?(?:p|br|div|span|a|h[1-6]|ul|ol|li|em|strong|b|i|figure|img|blockquote)\b[^<>]{0,2000}>",
                      re.IGNORECASE)
MARKERS = frozenset({"TT"})
# A headline is a short line without sentence-final punctuation.
HEADLINE_MAX_WORDS = 22
HEADLINE_END = re.compile(r"[.,;:!\"”’]\s*$")
# How many non-blank lines after a headline candidate may hold its confirmation (TT marker, repeat, date line).
CONFIRM_WINDOW = 5

ProblemReporter = Callable[[str], None]


class IngestSettings(BaseModel):
    """Field names of JSON / JSON Lines records, for each part of an article the names to try in order: news
    APIs, scrapers and feeds converted to JSON (NewsAPI, news-please, WordPress, schema.org NewsArticle) do not
    agree on one. The first field present with a value wins."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text_fields: tuple[str, ...] = (
        "text", "body", "content", "maintext", "articleBody", "article_body", "article", "full_text", "story",
        "description", "summary",
    )
    title_fields: tuple[str, ...] = ("title", "headline", "heading")
    published_fields: tuple[str, ...] = (
        "published", "publishedAt", "published_at", "datePublished", "date_publish", "pubDate", "publication_date",
        "date",
    )
    publisher_fields: tuple[str, ...] = ("publisher", "source", "site_name", "sitename", "source_domain")
    url_fields: tuple[str, ...] = ("url", "link")
    id_fields: tuple[str, ...] = ("id", "guid", "uuid")


# A web page's structured metadata (see page_dates). The schema.org types of a JSON-LD object that is an article
# (Article and its subtypes), compared without a "schema:" or URL prefix.
ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting",
    "SocialMediaPosting", "DiscussionForumPosting", "Report", "ScholarlyArticle", "TechArticle", "SatiricalArticle",
    "AdvertiserContentArticle",
})
# Meta tags and microdata that state when the article was first published, by the lower-cased value of their
# property, name or itemprop attribute, in order of precedence (after the JSON-LD article's datePublished).
PUBLISHED_KEYS = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date.issued", "dc.date",
    "parsely-pub-date", "sailthru.date",
)
# Those that state when it was last changed, in order of precedence (after the JSON-LD article's dateModified);
# "http-equiv:" marks a copy of an HTTP header. Never a publication date: htmldate, which falls back on these
# names when it finds no publication date, reads the page without them (see _htmldate).
MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "article:modified", "article:modified_date",
    "article:post_modified", "og:modified_time", "og:article:modified_time", "modified_time", "updated_time",
    "dcterms.modified", "dc.modified", "bt:moddate", "modificationdate", "revision_date", "lastmodified",
    "last-modified", "lastmod", "lastdate", "modified", "utime", "http-equiv:last-modified",
)
# Dates outside these bounds are CMS placeholders (1970-01-01, 0001-01-01), not publication dates: htmldate's
# default lower bound, and the fixed upper bound it is given.
PAGE_DATE_RANGE = (dt.date(1995, 1, 1), dt.date(2100, 12, 31))
# A longer attribute or JSON value is not a date (and is not handed to a date parser).
PAGE_DATE_MAX_CHARS = 64

# Keys under which a JSON file wraps its list of records ({"status": "ok", "articles": [...]}).
RECORD_LISTS = ("articles", "items", "results", "data", "documents", "records", "entries", "stories", "news", "posts")
# Keys of a field given as an object whose text is inside ({"source": {"id": null, "name": "Reuters"}},
# WordPress's {"title": {"rendered": "..."}}).
NESTED_TEXT = ("name", "rendered", "text", "value")
# A date field holding a number is a Unix time, as APIs write it: in seconds from this value on (1973-03-03),
# in milliseconds from the second (a count of seconds that large would be past the year 5000).
EPOCH_SECONDS_FROM = 100_000_000
EPOCH_MILLISECONDS_FROM = 100_000_000_000


class ManifestEntry(BaseModel):
    """One entry of a manifest.json: the publication date (and publisher) of one file, or one article of it."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    file: str
    headline: str | None = None
    published: str
    publisher: str | None = None

    @field_validator("file", "published")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


# ---------------------------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------------------------


def decode(data: bytes, name: str) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM), else the encoding charset-normalizer detects.
    Raises InputError for binary data or bytes no encoding explains."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{name}: not text in any known encoding, skipped")
    # Short texts often fit several code pages equally well; then the most widespread one wins.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    preferred = next((m for encoding in PREFERRED_ENCODINGS for m in tied if m.encoding == encoding), best)
    return str(preferred)


def _walk(path: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in a stable order (names sorted, hidden entries skipped)."""
    for entry in sorted(path.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _sniff(text: str) -> DocumentFormat | Literal["jsonl"]:
    """Format of standard input, from its first characters."""
    head = text.lstrip()[:512].lower()
    if "<timeml" in head:
        return "timeml"
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        first_line = text.lstrip().split("\n", 1)[0].strip()
        return "jsonl" if first_line.endswith("}") and "\n" in text.strip() else "json"
    return "text"


@dataclass(frozen=True)
class Page:
    """An HTML page as read, its text not yet extracted. Extraction (trafilatura, htmldate) costs more than
    everything else in reading, so a build leaves it to its workers (see chronology.parallel)."""

    source: str
    markup: str

    def document(self) -> Document | None:
        """The page's main text, title and date; None when the page has no text."""
        document = html_document(self.markup, self.source)
        return document if document.text.strip() else None

    @property
    def no_text(self) -> str:
        """The problem to report when `document` finds no text."""
        return _no_text(self.source)


def _no_text(name: str) -> str:
    return f"{name}: no text found, skipped"


Input = Document | Page


def iter_documents(
    paths: Sequence[str], on_problem: ProblemReporter, settings: IngestSettings | None = None
) -> Iterator[Document]:
    """Documents of the given files and folders (recursively, sorted), one by one; "-" reads standard input.
    Every input that cannot be read is reported through on_problem (one line naming it) and skipped."""
    for item in iter_inputs(paths, on_problem, settings):
        if isinstance(item, Document):
            yield item
        elif (document := item.document()) is not None:
            yield document
        else:
            on_problem(item.no_text)


def iter_inputs(
    paths: Sequence[str], on_problem: ProblemReporter, settings: IngestSettings | None = None
) -> Iterator[Input]:
    """iter_documents with HTML pages as read (Page), their text extracted later by whoever takes them."""
    settings = settings or IngestSettings()
    for given in paths:
        if given == "-":
            yield from _documents_of_stdin(on_problem, settings)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path):
                if file.name in NOT_DOCUMENTS:
                    continue
                yield from _documents_of_file(file, str(file), on_problem, settings, from_folder=True)
        elif path.is_file():
            yield from _documents_of_file(path, given, on_problem, settings, from_folder=False)
        else:
            on_problem(f"{given}: no such file or folder")


def _documents_of_stdin(on_problem: ProblemReporter, settings: IngestSettings) -> Iterator[Input]:
    name = "<stdin>"
    try:
        text = decode(sys.stdin.buffer.read(), name)
    except InputError as error:
        on_problem(str(error))
        return
    yield from _documents_of_text(text, name, _sniff(text), on_problem, settings)


def _documents_of_file(
    path: Path, name: str, on_problem: ProblemReporter, settings: IngestSettings, from_folder: bool
) -> Iterator[Input]:
    kind = FILE_TYPES.get(path.suffix.lower())
    if kind is None:
        on_problem(f"{name}: unknown file type {path.suffix or '(none)'!r}, skipped")
        return
    if path.name == "manifest.json" and not from_folder:
        on_problem(f"{name}: a manifest, not a document, skipped")
        return
    if kind == "jsonl":
        yield from _documents_of_jsonl(path, name, on_problem, settings)
        return
    try:
        text = decode(path.read_bytes(), name)
    except OSError as error:
        on_problem(f"{name}: cannot be read ({error.strerror or error})")
        return
    except InputError as error:
        on_problem(str(error))
        return
    yield from _documents_of_text(text, name, kind, on_problem, settings)


def _documents_of_text(
    text: str,
    name: str,
    kind: DocumentFormat | Literal["jsonl"],
    on_problem: ProblemReporter,
    settings: IngestSettings,
) -> Iterator[Input]:
    if not text.strip():
        on_problem(f"{name}: empty file, skipped")
        return
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            document = _document_of_json_line(line, name, number, on_problem, settings)
            if document is not None:
                yield document
        return
    if kind == "json":
        yield from _documents_of_json(text, name, on_problem, settings)
        return
    if kind == "html":
        yield Page(name, text)
        return
    try:
        document = _parse_single(text, name, kind)
    except InputError as error:
        on_problem(str(error))
        return
    if not document.text.strip():
        on_problem(_no_text(name))
        return
    yield document


def _parse_single(text: str, name: str, kind: DocumentFormat) -> Document:
    """A text or TimeML document (HTML is a Page)."""
    if kind == "timeml":
        parsed = parse_timeml(text, name, gold=False)
        published = parsed.dct.isoformat() if parsed.dct else parsed.dct_value
        return Document(source=name, text=parsed.text, format="timeml", title=parsed.title, published=published)
    return Document(source=name, text=text, format="text")


def _documents_of_jsonl(
    path: Path, name: str, on_problem: ProblemReporter, settings: IngestSettings
) -> Iterator[Document]:
    """Records of a JSON Lines file, read line by line so a large file is never held at once."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
            if not head.strip():
                on_problem(f"{name}: empty file, skipped")
                return
            decode(head[: head.rfind(b"\n") + 1] or head, name)
            handle.seek(0)
            for number, raw in enumerate(handle, start=1):
                try:
                    line = decode(raw, f"{name}: line {number}")
                except InputError as error:
                    on_problem(str(error))
                    continue
                document = _document_of_json_line(line, name, number, on_problem, settings)
                if document is not None:
                    yield document
    except OSError as error:
        on_problem(f"{name}: cannot be read ({error.strerror or error})")
    except InputError as error:
        on_problem(str(error))


def _document_of_json_line(
    line: str, name: str, number: int, on_problem: ProblemReporter, settings: IngestSettings
) -> Document | None:
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        on_problem(f"{name}: line {number}: malformed JSON ({error.msg}), skipped")
        return None
    return _document_of_record(record, name, f"line {number}", str(number), on_problem, settings)


def _documents_of_json(
    text: str, name: str, on_problem: ProblemReporter, settings: IngestSettings
) -> Iterator[Document]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        on_problem(f"{name}: malformed JSON at line {error.lineno} ({error.msg}), skipped")
        return
    if isinstance(data, dict) and not _first(data, settings.text_fields):
        data = next((data[key] for key in RECORD_LISTS if isinstance(data.get(key), list)), data)
    if isinstance(data, dict):
        document = _document_of_record(data, name, "record", None, on_problem, settings)
        if document is not None:
            yield document
        return
    if not isinstance(data, list):
        on_problem(f"{name}: JSON is neither a record nor a list of records, skipped")
        return
    for index, record in enumerate(data):
        document = _document_of_record(record, name, f"record {index}", str(index), on_problem, settings)
        if document is not None:
            yield document


def _document_of_record(
    record: Any, name: str, where: str, number: str | None, on_problem: ProblemReporter, settings: IngestSettings
) -> Document | None:
    if not isinstance(record, dict):
        on_problem(f"{name}: {where}: not a JSON object, skipped")
        return None
    text = _first(record, settings.text_fields, strip=False)
    if text is None:
        on_problem(f"{name}: {where}: no text (none of the fields {', '.join(settings.text_fields)}), skipped")
        return None
    if HTML_TAG.search(text):
        # A CMS export's body is often the page's HTML ("<p>...</p>"): the tagger reads the text.
        text = strip_tags(text)[0]
    record_id = next((record[key] for key in settings.id_fields if isinstance(record.get(key), str | int)), None)
    suffix = str(record_id) if record_id is not None and str(record_id) else number
    return Document(
        source=f"{name}#{suffix}" if suffix is not None else name,
        text=text,
        format="json",
        title=_first(record, settings.title_fields),
        published=_published(record, settings.published_fields),
        publisher=_first(record, settings.publisher_fields),
        url=_first(record, settings.url_fields),
    )


def _published(record: dict[str, Any], fields: Sequence[str]) -> str | None:
    """The first of `fields` that gives a date: a Unix time (seconds or milliseconds) as an ISO date-time in UTC,
    or the field's text (see _first)."""
    for key in fields:
        value = record.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= EPOCH_SECONDS_FROM:
            seconds = value / 1000 if value >= EPOCH_MILLISECONDS_FROM else value
            try:
                return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()
            except (OverflowError, OSError, ValueError):
                return str(value)  # beyond the calendar: reported as an unparsable date, like any other
        if (text := _first(record, (key,))) is not None:
            return text
    return None


def _first(record: dict[str, Any], fields: Sequence[str], strip: bool = True) -> str | None:
    """The first of `fields` that gives a non-blank text: a string or number, an object's NESTED_TEXT, or a list
    of strings (paragraphs, joined by blank lines); stripped of surrounding space unless `strip` is False."""
    for key in fields:
        value = record.get(key)
        if isinstance(value, dict):
            value = next((value[inner] for inner in NESTED_TEXT if isinstance(value.get(inner), str)), None)
        elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            value = "\n\n".join(value)
        if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip() if strip else str(value)
    return None


# ---------------------------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------------------------


class _TextCollector(HTMLParser):
    """Fallback text extraction: visible text with block elements as line breaks. HTMLParser keeps no tree,
    so broken or deeply nested markup cannot exhaust the stack."""

    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article", "section"})
    HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._hidden = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).splitlines())
        return "\n\n".join(line for line in lines if line)


def strip_tags(markup: str) -> tuple[str, str | None]:
    """Visible text and <title> of an HTML page, without any parsing that can fail on broken markup."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    title = " ".join("".join(collector.title).split()) or None
    return collector.text(), title


# A fixed upper bound for htmldate, which otherwise compares page dates against today's date.
_HTMLDATE_MAX = PAGE_DATE_RANGE[1].isoformat()
# Distinct blocks of one page remembered to drop its repeats (trafilatura's own default size).
_DEDUPLICATE_BLOCKS = 4096


def html_document(markup: str, name: str) -> Document:
    """Main text (trafilatura), dates and title of an HTML page; falls back to plain tag stripping when
    trafilatura finds no main text. The publication date is the one the page's structured metadata states
    (page_dates), else htmldate's; a last-modified date is kept apart and never taken for it."""
    fallback_text, fallback_title = strip_tags(markup)
    text: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    dates = PageDates()
    # Third-party extractors may fail in many ways on hostile markup (lxml errors, recursion limits); any such
    # failure means "no result from this extractor", and the stdlib fallback takes over.
    try:
        import trafilatura
        from trafilatura.deduplication import LRUCache

        # One parse serves every reader of the page: extract copies the tree before it prunes it, the others
        # only read it.
        tree = trafilatura.load_html(markup)
        if tree is not None:
            with contextlib.suppress(Exception):  # no date from the metadata, but the text is still extracted
                dates = page_dates(tree)
            # Repeated blocks are dropped within this page only: trafilatura's default cache is shared by every
            # page a process reads, so a paragraph that several sources print would vanish from the later ones
            # (and which ones would depend on the worker that read them).
            text = trafilatura.extract(
                tree, include_comments=False, include_tables=False,
                deduplicate=LRUCache(maxsize=_DEDUPLICATE_BLOCKS),
            )
            metadata = trafilatura.extract_metadata(
                tree, date_config={"extensive_search": False, "max_date": _HTMLDATE_MAX}
            )
            if metadata is not None:
                title = metadata.title or None
                url = metadata.url or None
                publisher = metadata.sitename or None
    except Exception:
        text = None
    published = dates.published
    if published is None:
        try:
            published = _htmldate(markup, dates.names_modified)
        except Exception:  # as above: a failed date search means no date from the page
            published = None
    body = text if text and text.strip() else fallback_text
    return Document(
        source=name, text=body, format="html", title=title or fallback_title, published=published,
        publisher=publisher, url=url, modified=dates.modified,
    )


@dataclass(frozen=True)
class PageDates:
    """The dates a web page's structured metadata states for its article, as YYYY-MM-DD."""

    published: str | None = None
    modified: str | None = None
    # Whether a meta or time element states a last-modified date, readable or not.
    names_modified: bool = False


# The elements that may state a page date: meta tags (some with microdata's itemprop), <time itemprop=...>, and
# scripts (JSON-LD). Asking lxml for these tags only is cheap; an XPath for every element with an itemprop cost
# as much as half a parse on a large page.
_DATED_TAGS = ("meta", "time", "script")
_MODIFIED = frozenset(MODIFIED_KEYS)
_WATCHED = _MODIFIED | frozenset(PUBLISHED_KEYS)


def page_dates(tree: HtmlElement) -> PageDates:
    """Publication and last-modified dates of a parsed page from its JSON-LD article (_json_ld_article), its meta
    tags and its <time> microdata (PUBLISHED_KEYS, MODIFIED_KEYS). The JSON-LD article's datePublished comes
    first and its dateCreated last (a draft may be created days before it is published). Values that are not
    ISO 8601 or RFC 2822 dates, and JSON-LD blocks that are not valid JSON, give no date."""
    stated: dict[str, str] = {}
    scripts: list[str] = []
    names_modified = False
    for element in tree.iter(*_DATED_TAGS):
        if element.tag == "script":
            if element.text and element.get("type", "").split(";")[0].strip().lower() == "application/ld+json":
                scripts.append(element.text)
            continue
        for key in _date_keys(element):
            names_modified = names_modified or key in _MODIFIED
            if key in _WATCHED and key not in stated:
                date = _page_date(element.get("datetime") or element.get("content"))
                if date is not None:
                    stated[key] = date
    article = _json_ld_article(scripts) or {}
    published = (
        _page_date(article.get("datePublished")), *map(stated.get, PUBLISHED_KEYS),
        _page_date(article.get("dateCreated")),
    )
    modified = (_page_date(article.get("dateModified")), *map(stated.get, MODIFIED_KEYS))
    return PageDates(
        published=next(filter(None, published), None), modified=next(filter(None, modified), None),
        names_modified=names_modified,
    )


def _date_keys(element: HtmlElement) -> Iterator[str]:
    """The names under which an element may state a date: its property, name and itemprop in lower case, and its
    http-equiv as "http-equiv:NAME" (the HTTP Date header is when the page was served, not published)."""
    for attribute in ("property", "name", "itemprop"):
        if (value := element.get(attribute)) is not None:
            yield value.strip().lower()
    if (header := element.get("http-equiv")) is not None:
        yield f"http-equiv:{header.strip().lower()}"


# The JSON-LD properties that make an article object worth taking as the page's article.
_JSON_LD_DATES = ("datePublished", "dateCreated", "dateModified")


def _json_ld_article(scripts: Sequence[str]) -> dict[str, Any] | None:
    """The page's article in its JSON-LD blocks (plain objects, lists, @graph, objects nested in others): the
    first object of an ARTICLE_TYPES type that states one of its dates, met breadth-first in page order, so the
    page's own article comes before the related articles it lists. Blocks that are not valid JSON are skipped;
    the walk keeps its own queue, so no nesting depth exhausts the stack."""
    queue: deque[Any] = deque()
    for script in scripts:
        try:
            # strict=False: CMSs leave raw line breaks inside JSON-LD strings.
            queue.append(json.loads(script, strict=False))
        except (ValueError, RecursionError):
            continue
    while queue:
        item = queue.popleft()
        if isinstance(item, list):
            queue.extend(item)
        elif isinstance(item, dict):
            if _is_article(item) and any(_page_date(item.get(key)) for key in _JSON_LD_DATES):
                return item
            queue.extend(item.values())
    return None


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    names = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
    return any(
        isinstance(kind, str) and kind.rsplit("/", 1)[-1].rsplit(":", 1)[-1] in ARTICLE_TYPES for kind in names
    )


def _page_date(value: object) -> str | None:
    """A metadata value as YYYY-MM-DD when it is an ISO 8601 or RFC 2822 date in PAGE_DATE_RANGE: the day in the
    value's own time zone, as on the page and as context.parse_date reads it. Anything else is None (htmldate,
    if it comes to that, reads other formats)."""
    if not isinstance(value, str) or len(value) > PAGE_DATE_MAX_CHARS:
        return None
    text = value.strip()
    try:
        day = dt.datetime.fromisoformat(text).date()
    except ValueError:
        import email.utils  # only a web page's metadata needs it (and it imports sockets)

        try:
            day = email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    earliest, latest = PAGE_DATE_RANGE
    return day.isoformat() if earliest <= day <= latest else None


def _htmldate(markup: str, names_modified: bool) -> str | None:
    """htmldate's publication date of a page. When the page states a last-modified date, htmldate reads the page
    without those elements: it takes them when it finds no publication date.

    htmldate is given the page's UTF-8 bytes, never the string: it takes a string that starts with "http" and
    holds no space (a page that is only a URL) for a URL and downloads it. Bytes it decodes back to the same
    string and parses as before, with no URL check."""
    from htmldate import find_date

    page: bytes | HtmlElement | None = markup.encode("utf-8")
    if names_modified:
        from htmldate.utils import load_html

        page = load_html(page)  # htmldate's own parse, so that it sees the rest of the page as it always did
        if page is None:
            return None
        for element in list(page.iter(*_DATED_TAGS)):
            if element.getparent() is not None and not _MODIFIED.isdisjoint(_date_keys(element)):
                element.drop_tree()
    return find_date(page, extensive_search=False, original_date=True, max_date=_HTMLDATE_MAX)


# ---------------------------------------------------------------------------------------------------------------
# Manifest
# ---------------------------------------------------------------------------------------------------------------


def read_manifest(path: str | os.PathLike[str]) -> list[ManifestEntry]:
    """Entries of a manifest.json: `{"articles": [{file, headline?, published, publisher?}]}` or a bare list.
    Raises InputError naming the file when it is unreadable or malformed."""
    name = str(path)
    try:
        data = json.loads(decode(Path(path).read_bytes(), name))
    except OSError as error:
        raise InputError(f"{name}: manifest cannot be read ({error.strerror or error})") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{name}: manifest is not valid JSON (line {error.lineno}: {error.msg})") from None
    entries = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise InputError(f"{name}: manifest must be a list of entries or an object with an 'articles' list")
    result: list[ManifestEntry] = []
    for index, entry in enumerate(entries):
        try:
            result.append(ManifestEntry.model_validate(entry))
        except ValidationError as error:
            problem = error.errors()[0]
            field = ".".join(str(part) for part in problem["loc"]) or "entry"
            raise InputError(f"{name}: manifest entry {index}: {field}: {problem['msg']}") from None
    return result


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "`": "'"})


def normalise_headline(headline: str) -> str:
    """Headline for matching: case, quote style and spacing do not matter."""
    return " ".join(headline.translate(_QUOTES).casefold().split())


# ---------------------------------------------------------------------------------------------------------------
# Splitting plain text into articles
# ---------------------------------------------------------------------------------------------------------------


class _Line:
    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with their spans (without line break and surrounding spaces)."""
    lines: list[_Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if stripped:
            lead = len(content) - len(content.lstrip())
            lines.append(_Line(offset + lead, offset + lead + len(stripped), " ".join(stripped.split())))
        offset += len(raw)
    return lines


def is_date_line(line: str) -> bool:
    """Whether a line is only a date (optionally "Published:" etc. and a time), like a dateline or page header."""
    match = DATE_AT_START.match(line.strip())
    return match is not None and not line.strip()[match.end() :].strip(" .|-–—")


def is_chrome(line: str) -> bool:
    return CHROME_LINE.match(line) is not None


def is_credit(line: str) -> bool:
    return any(pattern.search(line) for pattern in CREDIT_PATTERNS)


def is_byline(line: str) -> bool:
    """Whether a line (its blanks collapsed, as _lines gives it) credits the writer or the wire service ("By Jane
    Roe", "Reuters", "Jane Roe, AP"). Asked of every body line: the word count is read from the spaces, no list."""
    if line.count(" ") >= BYLINE_MAX_WORDS:
        return False
    return BYLINE.match(line) is not None or WIRE_LINE.match(line) is not None


def _is_headline_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= HEADLINE_MAX_WORDS
        and HEADLINE_END.search(line) is None
        and (line[0].isupper() or line[0].isdigit() or line[0] in "'\"‘“")
        and line not in MARKERS
        and not is_date_line(line)
        and not is_chrome(line)
        and not is_credit(line)
        and TRAILER.match(line) is None
    )


def _article_starts(lines: list[_Line]) -> list[int]:
    """Indexes of lines that open an article: a headline confirmed, within the next few lines, by a TT marker,
    its own repetition or a date line (right after it or after its bylines). A line repeated on the very next
    line is a caption, not a headline; a byline opens no article."""
    starts: list[int] = []
    for index, line in enumerate(lines):
        if not _is_headline_like(line.text) or is_byline(line.text):
            continue
        following = [other.text for other in lines[index + 1 : index + 1 + CONFIRM_WINDOW]]
        if (following and following[0] == line.text) or (index and lines[index - 1].text == line.text):
            continue
        if starts and index - starts[-1] <= CONFIRM_WINDOW and lines[starts[-1]].text == line.text:
            continue  # the repeated headline of the article just opened
        after_bylines = next((position for position, text in enumerate(following) if not is_byline(text)), None)
        confirmed = any(
            text in MARKERS or text == line.text or (position == after_bylines and is_date_line(text))
            for position, text in enumerate(following)
        )
        if confirmed:
            starts.append(index)
    return starts


def _trailing_chrome(lines: list[_Line]) -> int:
    """Index of the first line of the chrome that closes an article (len(lines) when there is none): a chrome
    line after which only chrome or short non-sentence lines follow."""
    cut = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        text = lines[index].text
        if is_chrome(text):
            cut = index
        elif len(text.split()) > 6 or (HEADLINE_END.search(text) is not None and not text.endswith(":")):
            break
    return cut


def _is_preamble_only(lines: list[_Line]) -> bool:
    """Whether the lines before the first headline are page furniture (a blog's date header, chrome)."""
    return all(is_date_line(line.text) or is_chrome(line.text) or len(line.text.split()) <= 4 for line in lines)


def split_articles(document: Document) -> list[Article]:
    """Articles of a document. A plain-text file may hold several back to back (headline, captions, TT marker,
    repeated headline, dateline, body, Source: trailer, blog chrome); other formats are one article each.
    Each article's text is document.text[start:end]; page headers and closing chrome are left outside."""
    if document.format != "text":
        return [
            Article(
                id=f"{document.source}#0",
                source=document.source,
                index=0,
                headline=document.title,
                start=0,
                end=len(document.text),
                text=document.text,
                published=document.published,
                publisher=document.publisher,
                url=document.url,
            )
        ]
    lines = _lines(document.text)
    if not lines:
        return []
    starts = _article_starts(lines)
    if not starts or (starts[0] > 0 and not _is_preamble_only(lines[: starts[0]])):
        starts = [0, *starts]
    articles: list[Article] = []
    for number, first in enumerate(starts):
        last = starts[number + 1] if number + 1 < len(starts) else len(lines)
        own = lines[first:last]
        own = own[: _trailing_chrome(own)]
        if not own:
            continue
        start, end = own[0].start, own[-1].end
        headline = own[0].text if _is_headline_like(own[0].text) else None
        trailer = next((TRAILER.match(line.text) for line in reversed(own) if TRAILER.match(line.text)), None)
        index = len(articles)
        articles.append(
            Article(
                id=f"{document.source}#{index}",
                source=document.source,
                index=index,
                headline=headline,
                start=start,
                end=end,
                text=document.text[start:end],
                publisher=" ".join(trailer.group("publisher").split()) if trailer else None,
                url=document.url,
            )
        )
    return articles


def _follows_image(previous: str | None, text: str) -> bool:
    """Whether a line is the caption under an image placeholder."""
    return previous is not None and any(p.match(previous) for p in IMAGE_PLACEHOLDERS) and not text.endswith(".")


def _is_caption_text(text: str) -> bool:
    return text.count(" ") < CAPTION_MAX_WORDS and SENTENCE_END.search(text) is None


BoilerplateKind = Literal[
    "headline", "repeated_headline", "caption", "marker", "byline", "dateline", "source", "chrome"
]


def boilerplate_lines(article_text: str, headline: str | None = None) -> list[tuple[int, int, BoilerplateKind]]:
    """Spans (in article_text) of the lines that are not body text, with their kind: the headline and its
    repetitions, photo captions and credits, TT markers, bylines, date lines, the Source: trailer and chrome."""
    return list(_boilerplate_lines(article_text, headline))


# The dateline search and the events stage both ask for the same article's lines: the last answer is kept.
@lru_cache(maxsize=1)
def _boilerplate_lines(article_text: str, headline: str | None) -> tuple[tuple[int, int, BoilerplateKind], ...]:
    lines = _lines(article_text)
    headline_key = normalise_headline(headline) if headline else None
    kinds: list[BoilerplateKind | None] = [None] * len(lines)
    seen_headline = False
    for index, line in enumerate(lines):
        text = line.text
        previous = lines[index - 1].text if index else None
        following = lines[index + 1].text if index + 1 < len(lines) else None
        # A line longer than the headline's key cannot normalise to it (lines come with their blanks already
        # collapsed, and neither the quote mapping nor case folding shortens a string): most lines are skipped
        # without being normalised.
        if headline_key is not None and len(text) <= len(headline_key) and normalise_headline(text) == headline_key:
            kinds[index] = "repeated_headline" if seen_headline else "headline"
            seen_headline = True
        elif text in MARKERS:
            kinds[index] = "marker"
        elif is_chrome(text):
            kinds[index] = "chrome"
        elif text in (previous, following) or is_credit(text) or _follows_image(previous, text):
            kinds[index] = "caption"
        elif is_date_line(text):
            kinds[index] = "dateline"
        elif TRAILER.match(text):
            kinds[index] = "source"
        elif is_byline(text):
            kinds[index] = "byline"
    # A short line without a full stop beside a bare credit is the caption the credit goes with.
    bare = [
        kind == "caption" and line.text.count(" ") < BARE_CREDIT_MAX_WORDS and is_credit(line.text)
        for line, kind in zip(lines, kinds, strict=True)
    ]
    for index, line in enumerate(lines):
        beside = (index and bare[index - 1]) or (index + 1 < len(lines) and bare[index + 1])
        if kinds[index] is None and beside and _is_caption_text(line.text):
            kinds[index] = "caption"
    # A one-to-three-word label right above a caption ("Blinken") belongs to the picture.
    for index, line in enumerate(lines[:-1]):
        label = len(line.text.split()) <= 3 and HEADLINE_END.search(line.text) is None
        if kinds[index] is None and kinds[index + 1] == "caption" and label:
            kinds[index] = "caption"
    return tuple((line.start, line.end, kind) for line, kind in zip(lines, kinds, strict=True) if kind is not None)


def boilerplate_spans(article_text: str, headline: str | None = None) -> list[tuple[int, int]]:
    """Spans of article_text the events stage should skip (see boilerplate_lines)."""
    return [(start, end) for start, end, _ in boilerplate_lines(article_text, headline)]
