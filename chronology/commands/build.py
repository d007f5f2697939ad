"""`chronology build`: the merged chronology of all inputs, as timeline.json and timeline.html, plus the
exports asked for with --format; --since/--until/--match and the context switches select what every output
shows."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from chronology.commands.inputs import Problems, add_input_options, date_hints, documents
from chronology.errors import InputError
from chronology.events import undated_events
from chronology.exports import EXPORTS
from chronology.filters import Selection, filter_timeline, window_bound
from chronology.html import render_html
from chronology.ingest import boilerplate_spans
from chronology.models import Basis
from chronology.pipeline import ArticleAnalysis, assemble, build_timeline
from chronology.render import timeline_json
from chronology.sentences import sentence_spans
from chronology.writers import write_atomic


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_input_options(parser, default_paths=["seeds/"])
    parser.add_argument("--out", default="output/", metavar="DIR", help="output folder (default: output/)")
    parser.add_argument(
        "--format",
        action="append",
        default=[],
        choices=sorted(EXPORTS),
        dest="formats",
        help="also write this export beside timeline.json (repeatable): timelinejs -> timeline.timelinejs.json, "
        "csv -> timeline.csv, ics -> timeline.ics",
    )
    selection = parser.add_argument_group("selection (applies to every output)")
    selection.add_argument("--since", metavar="DATE", help="only events overlapping DATE or later (YYYY[-MM[-DD]])")
    selection.add_argument("--until", metavar="DATE", help="only events overlapping DATE or earlier (YYYY[-MM[-DD]])")
    selection.add_argument("--match", metavar="TEXT", help="only events whose description contains TEXT (any case)")
    selection.add_argument(
        "--include-undated",
        action="store_true",
        help="also list statements without a date of their own, at the date the article's narrative last gave "
        "(past tense) or at publication (present tense); marked dated_by 'narrative' or 'publication'",
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


def with_undated(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The analysis with its article's undated statements added to its events."""
    article = analysis.article
    extra = undated_events(
        article, analysis.context, analysis.timexes, sentence_spans(article.text),
        boilerplate_spans(article.text, article.headline),
    )
    return replace(analysis, events=analysis.events + tuple(extra))


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
    )


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
    selection = selection_from_args(args)
    hints = date_hints(args)
    progress = _Progress(enabled=not args.quiet)
    analyses: list[ArticleAnalysis] = []

    def on_article(analysis: ArticleAnalysis) -> None:
        progress(analysis)
        if args.include_undated:
            analyses.append(analysis)

    timeline = build_timeline(documents(args, problems), hints, on_article=on_article)
    progress.close()
    if args.include_undated:
        # A second merge over the same analyses, now with their undated statements.
        timeline = assemble([with_undated(analysis) for analysis in analyses])
    if not timeline.articles:
        raise InputError("nothing to process: no readable article in " + ", ".join(args.paths))
    timeline = filter_timeline(timeline, selection)
    # Render everything before writing anything, so a failure cannot leave some files new and others stale.
    out = Path(args.out)
    rendered = {out / "timeline.json": timeline_json(timeline), out / "timeline.html": render_html(timeline)}
    for name in dict.fromkeys(args.formats):
        file_name, render = EXPORTS[name]
        rendered[out / file_name] = render(timeline)
    for path, text in rendered.items():
        write_atomic(path, text)
    if not args.quiet:
        for warning in timeline.warnings:
            print(f"chronology: warning: {warning}", file=sys.stderr)
        print(
            f"chronology: {len(timeline.events)} events from {len(timeline.articles)} articles "
            f"-> {', '.join(str(path) for path in rendered)}",
            file=sys.stderr,
        )
    return 0
