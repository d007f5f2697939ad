"""`chronology evaluate-tls`: our key events as a timeline summary, scored against the gold timelines of the
timeline summarisation (TLS) task with its standard metrics (chronology.tls_metrics): date F1, and ROUGE-1 and
ROUGE-2 F1 concatenated and date-aligned.

Input, in the layout of the TLS datasets (Timeline17, Crisis and Entities as news-tls distributes them): a folder
holding `articles.jsonl` (or `articles.jsonl.gz`) and `timelines.jsonl`, or those two files named. Each line of
the articles is one article, `{"id", "time", "text"}` (a `title`, where given, is its headline); `time` is its
publication date (ISO 8601; a time of day is ignored), which anchors its relative dates as `--published` would.
Each line of the timelines is one gold timeline, `[[date, [sentence, ...]], ...]`.

The articles are merged into one chronology as `build` merges them. For each gold timeline a system timeline is
drawn from the key events by the task's convention (news-tls): as many dates as the gold timeline has, and per
date the gold's average number of sentences per date (rounded; at least 1). The events are taken most salient
first (salience.rank_key): an event opens its date while dates are left, and adds its description to a date it
opened while that date has room. Only events dated to a day or finer can be entries (a timeline's dates are days),
and only those within the gold timeline's first and last dates, as the task reads only the articles of that span.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from chronology import tls_metrics
from chronology.context import DateHints
from chronology.errors import InputError
from chronology.models import Article, Event
from chronology.pipeline import analyse_article, merge_analyses
from chronology.salience import rank_key
from chronology.tls_metrics import Scores, Summary

ARTICLES = ("articles.jsonl", "articles.jsonl.gz")
TIMELINES = "timelines.jsonl"
# Dates a timeline entry can have: a day, or a time within one.
DAY_PRECISE = frozenset({"day", "part_of_day", "time"})


class TimelineScores(BaseModel):
    """One gold timeline: its size, the system timeline's, and the scores."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    gold_dates: int
    sentences_per_date: int
    system_dates: int
    date: Scores
    rouge1_concat: Scores
    rouge2_concat: Scores
    rouge1_aligned: Scores
    rouge2_aligned: Scores


class TlsScores(BaseModel):
    """Every gold timeline's scores, and their average (tls_metrics.averaged)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    articles: int
    events: int
    day_events: int
    timelines: tuple[TimelineScores, ...]
    date: Scores
    rouge1_concat: Scores
    rouge2_concat: Scores
    rouge1_aligned: Scores
    rouge2_aligned: Scores


@dataclass(frozen=True)
class Entry:
    """What a system timeline is drawn from: a day-precise event's day and description, in rank order."""

    date: dt.date
    description: str


def _day(value: object, where: str) -> dt.date:
    if not isinstance(value, str):
        raise InputError(f"{where}: expected a date as text, not {value!r}")
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise InputError(f"{where}: cannot read {value!r} as an ISO date") from None


def _lines(path: Path) -> Iterator[tuple[str, Any]]:
    """Each non-blank line of a JSON Lines file (gzipped when its name ends in .gz), parsed, with its place."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    yield where, json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{where}: not JSON ({error.msg})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read {path}: {error}") from None


def read_articles(path: Path) -> Iterator[tuple[Article, dt.date]]:
    """The articles of an articles.jsonl, each with its publication date."""
    seen: set[str] = set()
    for where, record in _lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or "id" not in record:
            raise InputError(f'{where}: expected an article {{"id", "time", "text"}}')
        published = _day(record.get("time"), f"{where} time")
        title = record.get("title")
        source = str(record["id"])
        if source in seen:
            raise InputError(f"{where}: a second article with id {source!r}")
        seen.add(source)
        text = record["text"]
        article = Article(
            id=f"{source}#0", source=source, index=0, headline=title if isinstance(title, str) and title else None,
            start=0, end=len(text), text=text, published=published.isoformat(),
        )
        yield article, published


def read_timelines(path: Path) -> list[dict[dt.date, list[str]]]:
    """The gold timelines of a timelines.jsonl, each as its dates' sentences (a date given twice: both
    sentence lists); empty timelines are left out."""
    timelines = []
    for where, record in _lines(path):
        if not isinstance(record, list):
            raise InputError(f"{where}: expected a timeline [[date, [sentence, ...]], ...]")
        timeline: dict[dt.date, list[str]] = {}
        for item in record:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], list)
                    and all(isinstance(sentence, str) for sentence in item[1])):
                raise InputError(f"{where}: expected [date, [sentence, ...]], not {item!r}")
            timeline.setdefault(_day(item[0], f"{where} date"), []).extend(item[1])
        if timeline:
            timelines.append(timeline)
    return timelines


def dataset_paths(paths: list[str]) -> tuple[Path, Path]:
    """(articles, timelines) from a folder holding both, or from the two files."""
    if len(paths) == 1:
        folder = Path(paths[0])
        if not folder.is_dir():
            raise InputError(f"{folder}: expected a folder holding {ARTICLES[0]} and {TIMELINES}, or the two files")
        found = [folder / name for name in ARTICLES if (folder / name).is_file()]
        if not found or not (folder / TIMELINES).is_file():
            raise InputError(f"{folder}: expected {ARTICLES[0]} (or {ARTICLES[1]}) and {TIMELINES}")
        return found[0], folder / TIMELINES
    if len(paths) != 2:
        raise InputError("give a dataset folder, or ARTICLES_JSONL and TIMELINES_JSONL")
    articles, timelines = Path(paths[0]), Path(paths[1])
    for path in (articles, timelines):
        if not path.is_file():
            raise InputError(f"no such file: {path}")
    return articles, timelines


def system_timeline(entries: Iterable[Entry], dates: int, per_date: int, span: tuple[dt.date, dt.date]) -> Summary:
    """The system timeline drawn from `entries` in rank order (see the module docstring)."""
    chosen: dict[dt.date, list[str]] = {}
    for entry in entries:
        if not span[0] <= entry.date <= span[1]:
            continue
        sentences = chosen.get(entry.date)
        if sentences is None:
            if len(chosen) < dates:
                chosen[entry.date] = [entry.description]
        elif len(sentences) < per_date and entry.description not in sentences:
            sentences.append(entry.description)
    return chosen


def sentences_per_date(gold: Summary) -> int:
    """The gold timeline's average number of sentences per date, rounded as news-tls rounds it (Python's
    round: half to even), at least 1."""
    return max(round(sum(len(sentences) for sentences in gold.values()) / len(gold)), 1)


def score_timeline(entries: list[Entry], gold: Summary) -> TimelineScores:
    per_date = sentences_per_date(gold)
    system = system_timeline(entries, len(gold), per_date, (min(gold), max(gold)))
    return TimelineScores(
        gold_dates=len(gold), sentences_per_date=per_date, system_dates=len(system),
        date=tls_metrics.date_scores(system, gold),
        rouge1_concat=tls_metrics.concat_rouge(system, gold, 1),
        rouge2_concat=tls_metrics.concat_rouge(system, gold, 2),
        rouge1_aligned=tls_metrics.aligned_rouge(system, gold, 1),
        rouge2_aligned=tls_metrics.aligned_rouge(system, gold, 2),
    )


def ranked_entries(events: Iterable[Event]) -> tuple[list[Entry], int]:
    """The day-precise events as entries, most salient first; and how many events there were in all."""
    keyed = []
    total = 0
    for event in events:
        total += 1
        if event.date.granularity in DAY_PRECISE:
            keyed.append((rank_key(event), Entry(event.date.start, event.description)))
    keyed.sort(key=lambda pair: pair[0])
    return [entry for _, entry in keyed], total


def evaluate(articles_path: Path, timelines_path: Path) -> TlsScores:
    gold = read_timelines(timelines_path)
    if not gold:
        raise InputError(f"{timelines_path}: no gold timeline")
    merged = merge_analyses(
        analyse_article(article, DateHints(published_all=published)).lean()
        for article, published in read_articles(articles_path)
    )
    if not merged.articles:
        raise InputError(f"{articles_path}: no article")
    entries, total = ranked_entries(merged.events)
    scores = [score_timeline(entries, timeline) for timeline in gold]
    return TlsScores(
        articles=len(merged.articles), events=total, day_events=len(entries), timelines=tuple(scores),
        date=tls_metrics.averaged([s.date for s in scores]),
        rouge1_concat=tls_metrics.averaged([s.rouge1_concat for s in scores]),
        rouge2_concat=tls_metrics.averaged([s.rouge2_concat for s in scores]),
        rouge1_aligned=tls_metrics.averaged([s.rouge1_aligned for s in scores]),
        rouge2_aligned=tls_metrics.averaged([s.rouge2_aligned for s in scores]),
    )


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH",
        help="a dataset folder holding articles.jsonl (or articles.jsonl.gz) and timelines.jsonl, or "
        "ARTICLES_JSONL TIMELINES_JSONL",
    )
    parser.add_argument("--json", action="store_true", help="print every timeline's scores and the average as JSON")


def _line(name: str, scores: Scores) -> str:
    return f"{name}: F1 {scores.f1:.3f} (precision {scores.precision:.3f}, recall {scores.recall:.3f})\n"


def command(args: argparse.Namespace) -> int:
    scores = evaluate(*dataset_paths(args.paths))
    if args.json:
        print(json.dumps(scores.model_dump(), indent=2))
        return 0
    out = sys.stdout
    out.write(f"articles: {scores.articles}; events: {scores.events} ({scores.day_events} dated to a day); "
              f"gold timelines: {len(scores.timelines)}\n")
    for number, timeline in enumerate(scores.timelines, 1):
        sentences = "sentence" if timeline.sentences_per_date == 1 else "sentences"
        out.write(f"timeline {number}: {timeline.gold_dates} dates, {timeline.sentences_per_date} {sentences} per "
                  f"date; ours {timeline.system_dates} dates; date F1 {timeline.date.f1:.3f}, aligned ROUGE-1 F1 "
                  f"{timeline.rouge1_aligned.f1:.3f}\n")
    name = "average" if len(scores.timelines) > 1 else "scores"
    out.write(f"{name} (ROUGE without stemming or stopword removal):\n")
    out.write(_line("  date", scores.date))
    out.write(_line("  ROUGE-1 concat", scores.rouge1_concat))
    out.write(_line("  ROUGE-2 concat", scores.rouge2_concat))
    out.write(_line("  ROUGE-1 aligned (align+ m:1)", scores.rouge1_aligned))
    out.write(_line("  ROUGE-2 aligned (align+ m:1)", scores.rouge2_aligned))
    return 0
