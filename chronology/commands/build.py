"""`chronology build`: the merged chronology of all inputs, as timeline.json and timeline.html."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from chronology.commands.inputs import Problems, add_input_options, date_hints, documents
from chronology.errors import InputError
from chronology.html import render_html
from chronology.jsonl import write_events_jsonl
from chronology.models import Document
from chronology.parallel import build_timeline_dask, default_workers
from chronology.pipeline import ArticleAnalysis, build_timeline
from chronology.render import timeline_json
from chronology.writers import write_atomic


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
        "--events-jsonl", action="store_true", help="also write DIR/events.jsonl, one event per line, streamed"
    )


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return number


class _Progress:
    """A one-line progress bar on stderr (files, articles, events, rate), only when stderr is a terminal."""

    INTERVAL = 0.2  # seconds between redraws: drawing must cost nothing next to the work

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.files = 0
        self.characters = 0
        self.articles = 0
        self.events = 0
        self._started = time.monotonic()
        self._drawn = 0.0

    def reading(self, stream: Iterable[Document]) -> Iterator[Document]:
        """The documents of `stream`, counted as they are read."""
        for document in stream:
            self.files += 1
            self.characters += len(document.text)
            yield document

    def __call__(self, analysis: ArticleAnalysis) -> None:
        self.count(1, len(analysis.events))

    def count(self, articles: int, events: int) -> None:
        self.articles += articles
        self.events += events
        now = time.monotonic()
        if self.enabled and now - self._drawn >= self.INTERVAL:
            self._drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._started, 1e-9)
        print(
            f"\r{self.files} files, {self.articles} articles, {self.events} dated statements"
            f" | {self.articles / elapsed:.0f} articles/s, {self.characters / elapsed / 1e6:.2f} MB/s ",
            end="",
            file=sys.stderr,
        )

    def close(self) -> None:
        if self.enabled and self.articles:
            self._draw(time.monotonic())
            print(file=sys.stderr)


def command(args: argparse.Namespace) -> int:
    problems = Problems()
    hints = date_hints(args)
    progress = _Progress(enabled=not args.quiet)
    inputs = progress.reading(documents(args, problems))
    if args.engine == "dask":
        timeline = build_timeline_dask(
            inputs, hints, scheduler=args.scheduler, on_progress=progress.count, local_workers=args.workers
        )
    else:
        timeline = build_timeline(inputs, hints, on_article=progress, workers=args.workers)
    progress.close()
    if not timeline.articles:
        raise InputError("nothing to process: no readable article in " + ", ".join(args.paths))
    # Render both before writing either, so a failure cannot leave one file new and the other stale.
    json_text, html_text = timeline_json(timeline), render_html(timeline)
    out = Path(args.out)
    write_atomic(out / "timeline.json", json_text)
    write_atomic(out / "timeline.html", html_text)
    if args.events_jsonl:
        write_events_jsonl(out / "events.jsonl", timeline.events)
    if not args.quiet:
        for warning in timeline.warnings:
            print(f"chronology: warning: {warning}", file=sys.stderr)
        print(
            f"chronology: {len(timeline.events)} events from {len(timeline.articles)} articles "
            f"-> {out / 'timeline.json'}, {out / 'timeline.html'}",
            file=sys.stderr,
        )
    return 0
