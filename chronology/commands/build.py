"""`chronology build`: the merged chronology of all inputs, as timeline.json and timeline.html, plus the
exports asked for with --format; --since/--until/--match, the context switches and --top select what every output
shows."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from chronology.commands.inputs import Problems, add_input_options, date_hints, inputs
from chronology.context import unmatched_published
from chronology.errors import InputError, UsageError
from chronology.exports import EXPORTS
from chronology.filters import Selection, window_bound
from chronology.html import html_chunks
from chronology.ingest import Input, Page
from chronology.jsonl import event_lines
from chronology.models import Basis
from chronology.parallel import analyse_documents_dask, default_workers, pace_collector
from chronology.pipeline import ArticleAnalysis, build_merged, merge_analyses
from chronology.render import TimelineView, timeline_json_chunks
from chronology.writers import atomic_outputs


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser, default_paths=["seeds/"])
    parser.add_argument("--out", default="output/", metavar="DIR", help="output folder (default: output/)")
    parser.add_argument(
        "--workers", type=_positive, default=default_workers(), metavar="N",
        help="worker processes (default: all cores; 1 = in this process); the output is the same for any N",
    )
    parser.add_argument(
        "--engine", choices=["local", "dask"], default="local",
        help="local processes, or a Dask cluster (needs the 'dask' extra)",
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster of --workers)"
    )
    parser.add_argument(
        "--events-jsonl",
        action="store_true",
        help="also write DIR/events.jsonl, one event per line, streamed: the output to use for very large runs. "
        "timeline.html embeds every event too (streamed, so memory stays bounded), but a browser slows down on a "
        "page of several hundred thousand events; narrow it with --since/--until/--match"
    )
    parser.add_argument(
        "--format",
        action="append",
        default=[],
        choices=sorted(EXPORTS),
        dest="formats",
        help="also write this export beside timeline.json (repeatable): timelinejs -> timeline.timelinejs.json, "
        "csv -> timeline.csv, ics -> timeline.ics",
    )
    parser.add_argument(
        "--csv-bom",
        action="store_true",
        help="start timeline.csv with a UTF-8 byte order mark, which spreadsheet programs need to read accented "
        "and non-Latin text right (implies --format csv)",
    )
    selection = parser.add_argument_group("selection (applies to every output)")
    selection.add_argument("--since", metavar="DATE", help="only events overlapping DATE or later (YYYY[-MM[-DD]])")
    selection.add_argument("--until", metavar="DATE", help="only events overlapping DATE or earlier (YYYY[-MM[-DD]])")
    selection.add_argument("--match", metavar="TEXT", help="only events whose description contains TEXT (any case)")
    selection.add_argument(
        "--explicit-only",
        action="store_true",
        help="list only events dated by an expression of their own; by default statements without one are listed "
        "too, at the date the article's narrative last gave (past tense), of the report they are quoted from, or "
        "of publication (present tense), marked anchored_by 'narrative', 'report' or 'publication'",
    )
    selection.add_argument(
        "--exclude-unknown-context",
        action="store_true",
        help="leave out what articles without a known publication date say (their relative dates are unresolved)",
    )
    selection.add_argument(
        "--exclude-inferred-context",
        action="store_true",
        help="leave out what articles say whose publication date was only inferred from their text",
    )
    selection.add_argument(
        "--top",
        metavar="N",
        help="keep only the N key events: the most salient (independent sources, mentions, lead position, "
        "explicit dating, date precision; 'salience' in timeline.json) of those the other options keep, listed in "
        "chronological order",
    )


def selection_from_args(args: argparse.Namespace) -> Selection:
    excluded: set[Basis] = set()
    if args.exclude_unknown_context:
        excluded.add("unknown")
    if args.exclude_inferred_context:
        excluded.add("inferred")
    return Selection(
        since=window_bound(args.since, end=False) if args.since else None,
        until=window_bound(args.until, end=True) if args.until else None,
        match=args.match or None,
        excluded_bases=frozenset(excluded),
        top=_top(args.top) if args.top is not None else None,
    )


def _top(value: str) -> int:
    """--top N, a whole number of at least 1 (checked here rather than by argparse, so that a wrong value is one
    line, as a wrong --since is)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise UsageError(f"--top takes a whole number of events, at least 1, not {value!r}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


class _Progress:
    """A one-line progress bar on stderr (files, articles, events, rate; share done and time left when the
    inputs are files of known size), only when stderr is a terminal."""

    INTERVAL = 0.2  # seconds between redraws: drawing must cost nothing next to the work

    def __init__(self, enabled: bool, paths: Sequence[str] = ()) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.files = 0
        self.characters = 0
        self.articles = 0
        self.events = 0
        # The share done is measured in characters of the inputs analysed (its documents' text or markup, taken
        # for bytes on disk, near enough for a progress line), since reading runs ahead of the analysis.
        self.total = _input_bytes(paths) if self.enabled else None
        self._read: dict[str, tuple[int, int, int | None]] = {}  # source -> (characters before, size, text length)
        self._analysed = 0.0
        self._started = time.monotonic()
        self._drawn = 0.0

    def reading(self, stream: Iterable[Input]) -> Iterator[Input]:
        """The documents (or pages) of `stream`, counted as they are read."""
        for item in stream:
            self.files += 1
            text = None if isinstance(item, Page) else len(item.text)
            size = len(item.markup) if isinstance(item, Page) else len(item.text)
            if self.total:
                self._read[item.source] = (self.characters, size, text)
            self.characters += size
            yield item

    def __call__(self, analysis: ArticleAnalysis) -> None:
        self.articles += 1
        self.events += len(analysis.events)
        # Analyses come in input order: everything read before this article's document is done.
        read = self._read.get(analysis.article.source)
        if read is not None:
            before, size, text = read
            self._analysed = before + (size * analysis.article.end / text if text else size)
        now = time.monotonic()
        if self.enabled and now - self._drawn >= self.INTERVAL:
            self._drawn = now
            self._draw(now)

    def _share(self) -> float | None:
        """The share of the input analysed so far, when its size is known."""
        return min(self._analysed / self.total, 1.0) if self.total else None

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._started, 1e-9)
        share = self._share()
        where = ""
        if share is not None and share > 0:
            left = elapsed * (1 - share) / share
            where = f"{share:4.0%}, about {_clock(left)} left | "
        print(
            f"\r{where}{self.files} files, {self.articles} articles, {self.events} dated statements"
            f" | {self.articles / elapsed:.0f} articles/s, {self.characters / elapsed / 1e6:.2f} MB/s ",
            end="",
            file=sys.stderr,
        )

    def close(self) -> None:
        if self.enabled and self.articles:
            self._draw(time.monotonic())
            print(file=sys.stderr)


def _size(path: str) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _input_bytes(paths: Sequence[str]) -> int | None:
    """The size on disk of every file under `paths`; None when standard input is one of them (size unknown)."""
    if "-" in paths:
        return None
    total = 0
    for given in paths:
        path = Path(given)
        if path.is_file():
            total += _size(given)
        elif path.is_dir():
            total += sum(_size(str(found)) for found in path.rglob("*") if found.is_file())
    return total


def _clock(seconds: float) -> str:
    """A duration as H:MM:SS or M:SS."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def write_html(stream: TextIO, timeline: TimelineView) -> None:
    """The chronology page, its embedded events streamed one by one."""
    stream.writelines(html_chunks(timeline))


def command(args: argparse.Namespace) -> int:
    pace_collector()
    problems = Problems()
    selection = selection_from_args(args)
    hints = date_hints(args)
    progress = _Progress(enabled=not args.quiet, paths=args.paths)
    if args.engine == "dask":
        built = merge_analyses(
            analyse_documents_dask(
                progress.reading(inputs(args, problems)), hints, scheduler=args.scheduler,
                local_workers=args.workers, explicit_only=args.explicit_only, on_problem=problems.report,
            ),
            on_article=progress,
        )
    else:
        built = build_merged(
            progress.reading(inputs(args, problems)), hints, on_article=progress, workers=args.workers,
            explicit_only=args.explicit_only, on_problem=problems.report,
        )
    progress.close()
    if not built.articles:
        raise InputError("nothing to process: no readable article in " + ", ".join(args.paths))
    unmatched = unmatched_published(hints, (article.source for article in built.articles))
    if unmatched and len(unmatched) == len(hints.published):
        raise UsageError("--published: no input is named " + ", ".join(unmatched) + "; nothing was written")
    # The selection is applied once, for every output; each output reads the events one at a time, so a build
    # never holds them all as objects.
    out = Path(args.out)
    timeline = built.select(selection)
    formats = [*args.formats, *(["csv"] if args.csv_bom else [])]
    exports = {out / EXPORTS[name][0]: EXPORTS[name][1] for name in dict.fromkeys(formats)}
    # Every output is streamed to a temp file and all are renamed together at the end, so a failure cannot
    # leave some files new and others stale, and no output is ever held whole.
    written = [out / "timeline.json", out / "timeline.html", *exports]
    with atomic_outputs() as outputs:
        outputs.open(out / "timeline.json").writelines(timeline_json_chunks(timeline))
        write_html(outputs.open(out / "timeline.html"), timeline)
        for path, chunks in exports.items():
            stream = outputs.open(path)
            if args.csv_bom and path.name == EXPORTS["csv"][0]:
                stream.write(_BOM)
            stream.writelines(chunks(timeline))
        if args.events_jsonl:
            outputs.open(out / "events.jsonl").writelines(event_lines(timeline.events))
    if unmatched:
        print(f"chronology: warning: --published: no input is named {', '.join(unmatched)}", file=sys.stderr)
    if not args.quiet:
        for warning in timeline.warnings:
            print(f"chronology: warning: {warning}", file=sys.stderr)
        print(
            f"chronology: {_count(len(timeline.events), 'event')} from {_count(len(timeline.articles), 'article')} "
            f"-> {', '.join(str(path) for path in written)}",
            file=sys.stderr,
        )
    return 0


# U+FEFF at the start of a UTF-8 file: how spreadsheet programs tell UTF-8 from their legacy code page.
_BOM = "\ufeff"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
