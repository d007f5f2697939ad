"""`chronology build`: the merged chronology of all inputs, as timeline.json and timeline.html."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chronology.commands.inputs import Problems, add_input_options, date_hints, documents
from chronology.errors import InputError
from chronology.html import render_html
from chronology.pipeline import ArticleAnalysis, build_timeline
from chronology.render import timeline_json
from chronology.writers import write_atomic


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser, default_paths=["seeds/"])
    parser.add_argument("--out", default="output/", metavar="DIR", help="output folder (default: output/)")


class _Progress:
    """A one-line counter on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.articles = 0
        self.events = 0

    def __call__(self, analysis: ArticleAnalysis) -> None:
        self.articles += 1
        self.events += len(analysis.events)
        if self.enabled:
            print(f"\r{self.articles} articles, {self.events} dated statements", end="", file=sys.stderr)

    def close(self) -> None:
        if self.enabled and self.articles:
            print(file=sys.stderr)


def command(args: argparse.Namespace) -> int:
    problems = Problems()
    hints = date_hints(args)
    progress = _Progress(enabled=not args.quiet)
    timeline = build_timeline(documents(args, problems), hints, on_article=progress)
    progress.close()
    if not timeline.articles:
        raise InputError("nothing to process: no readable article in " + ", ".join(args.paths))
    # Render both before writing either, so a failure cannot leave one file new and the other stale.
    json_text, html_text = timeline_json(timeline), render_html(timeline)
    out = Path(args.out)
    write_atomic(out / "timeline.json", json_text)
    write_atomic(out / "timeline.html", html_text)
    if not args.quiet:
        for warning in timeline.warnings:
            print(f"chronology: warning: {warning}", file=sys.stderr)
        print(
            f"chronology: {len(timeline.events)} events from {len(timeline.articles)} articles "
            f"-> {out / 'timeline.json'}, {out / 'timeline.html'}",
            file=sys.stderr,
        )
    return 0
