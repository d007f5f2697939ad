"""`chronology evaluate-dates PATH ...`: how well publication dates are found from the text alone.

Each TimeML document's DCT is hidden; the article's date is found (dateline) or inferred (the temporal
expressions of its text, tagged without an anchor) exactly as for any input, then compared with the DCT.
Documents are split by whether their opening holds a dated dateline, since the two cases have different targets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from chronology.context import DateHints, publication_context
from chronology.errors import InputError
from chronology.ingest import DATE_AT_START, decode, split_articles
from chronology.models import Basis, Document, Timex
from chronology.timeml import GoldTimex, TimeMLDocument, parse_timeml

Tagger = Callable[[str, dt.date | None], list[Timex]]
Category = Literal["dateline", "no_dateline"]

OPENING_LINES = 3
_FULL_DATE = re.compile(DATE_AT_START.pattern.replace("(?P<prefix>", "(?:").replace("(?P<date>", "(?:"), re.I)
_YEAR_IN_TEXT = re.compile(r"\b(?:1[89]|20)\d\d\b|'\d\d\b")
_WEEKDAY_IN_TEXT = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_MONTH_IN_TEXT = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-3]?\d\b", re.IGNORECASE
)
_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class DocumentResult(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    category: Category
    truth: dt.date
    found: dt.date | None
    basis: Basis
    error_days: int | None
    evidence: str = ""
    earliest: dt.date | None = None
    latest: dt.date | None = None

    @property
    def ranged(self) -> bool:
        """Undated, but with a range the text allows (a year, say)."""
        return self.found is None and self.earliest is not None and self.latest is not None

    @property
    def range_misses(self) -> bool:
        """The date's or the undated answer's range excludes the truth."""
        if self.earliest is None or self.latest is None:
            return False
        return not self.earliest <= self.truth <= self.latest


class Scores(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: int
    coverage: float
    exact: float
    within_7_days: float
    wrong_over_30_days: float
    ranged: float = 0.0
    range_misses: float = 0.0


def score(results: Sequence[DocumentResult]) -> Scores:
    """Shares over all given documents (an undated document counts as neither right nor wrong; `ranged` counts the
    undated ones the text still bounds, `range_misses` the answers whose range excludes the truth)."""
    count = len(results)
    if not count:
        return Scores(documents=0, coverage=0.0, exact=0.0, within_7_days=0.0, wrong_over_30_days=0.0)
    errors = [abs(r.error_days) for r in results if r.error_days is not None]
    return Scores(
        documents=count,
        coverage=len(errors) / count,
        exact=sum(e == 0 for e in errors) / count,
        within_7_days=sum(e <= 7 for e in errors) / count,
        wrong_over_30_days=sum(e > 30 for e in errors) / count,
        ranged=sum(r.ranged for r in results) / count,
        range_misses=sum(r.range_misses for r in results) / count,
    )


def category_of(text: str) -> Category:
    """Whether one of the text's first lines opens with a full date (with its year): a dateline."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:OPENING_LINES]
    return "dateline" if any(_FULL_DATE.match(line) for line in lines) else "no_dateline"


def unanchored_gold(document: TimeMLDocument) -> list[Timex]:
    """The gold TIMEX3 annotations reduced to what their text states without an anchor, as a tagger's output with
    anchor=None: dates written with their year keep their value, a month-day loses its year, a weekday its date,
    and expressions that need the DCT (yesterday, last year) are dropped. Used to measure the inference rules
    apart from the tagger."""
    timexes: list[Timex] = []
    for gold in document.timexes:
        value = _unanchored_value(gold)
        if value is not None:
            timexes.append(
                Timex(
                    tid=gold.tid,
                    start=gold.start,
                    end=gold.end,
                    text=gold.text,
                    type="DATE",
                    value=value,
                    underspecified=value,
                )
            )
    return timexes


def _unanchored_value(gold: GoldTimex) -> str | None:
    if gold.type != "DATE" or not gold.value[:4].isdigit():
        return None
    if _YEAR_IN_TEXT.search(gold.text):
        return gold.value
    day = _DAY_VALUE.match(gold.value)
    if day is None:
        return None
    if _MONTH_IN_TEXT.search(gold.text):
        return f"XXXX-{day[2]}-{day[3]}"
    if _WEEKDAY_IN_TEXT.search(gold.text):
        weekday = dt.date(int(day[1]), int(day[2]), int(day[3])).isoweekday()
        return f"XXXX-WXX-{weekday}"
    return None


def _tagger_timexes(text: str) -> list[Timex]:
    from chronology.resolver import annotate

    timexes: list[Timex] = annotate(text, None)
    return timexes


def evaluate_document(document: TimeMLDocument, source: str, clues: Literal["tagger", "gold"]) -> DocumentResult | None:
    """The found or inferred date of one document with its DCT hidden (None when it has no DCT to compare to)."""
    if document.dct is None:
        return None
    hidden = Document(source=source, text=document.text, format="timeml", title=document.title)
    article = split_articles(hidden)[0]
    timexes = unanchored_gold(document) if clues == "gold" else _tagger_timexes(article.text)
    context = publication_context(article, DateHints(), timexes)
    error = (context.date - document.dct).days if context.date is not None else None
    return DocumentResult(
        source=source,
        category=category_of(document.text),
        truth=document.dct,
        found=context.date,
        basis=context.basis,
        error_days=error,
        evidence=context.evidence or "",
        earliest=context.earliest,
        latest=context.latest,
    )


def _timeml_files(paths: Sequence[str]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(path.rglob("*.tml"))
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{given}: no such file or folder")


def evaluate_paths(paths: Sequence[str], clues: Literal["tagger", "gold"]) -> list[DocumentResult]:
    results: list[DocumentResult] = []
    for path in _timeml_files(paths):
        document = parse_timeml(decode(path.read_bytes(), str(path)), str(path))
        result = evaluate_document(document, str(path), clues)
        if result is not None:
            results.append(result)
    return results


def report(results: Sequence[DocumentResult]) -> dict[str, Scores]:
    return {
        "all": score(results),
        "dateline": score([r for r in results if r.category == "dateline"]),
        "no_dateline": score([r for r in results if r.category == "no_dateline"]),
    }


def error_lines(results: Sequence[DocumentResult], minimum_days: int = 0) -> list[str]:
    """One line per document whose date is wrong by more than minimum_days, worst first: document, truth, guess,
    error and the evidence the guess rests on."""
    wrong = [r for r in results if r.error_days is not None and abs(r.error_days) > minimum_days]
    wrong.sort(key=lambda r: (-abs(r.error_days or 0), r.source))
    return [
        f"{r.source}\t{r.truth.isoformat()}\t{r.found.isoformat() if r.found else '-'}\t{r.error_days:+d}d\t"
        f"{r.basis}: {r.evidence}"
        for r in wrong
    ]


def configure_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="TimeML files or folders (searched recursively)")
    parser.add_argument("--json", action="store_true", help="print the scores (and each document's result) as JSON")
    parser.add_argument(
        "--clues",
        choices=("tagger", "gold"),
        default="tagger",
        help="temporal expressions for inference: our tagger (default), or the gold annotations stripped of "
        "their anchoring, to measure the inference rules apart from the tagger",
    )
    parser.add_argument(
        "--errors",
        type=int,
        nargs="?",
        const=0,
        metavar="DAYS",
        help="after the table, list the documents dated wrong by more than DAYS (default 0): document, truth, "
        "guess, error, evidence",
    )


def command(args: argparse.Namespace) -> int:
    results = evaluate_paths(args.paths, args.clues)
    if not results:
        raise InputError("no TimeML document with a DCT found in the given paths")
    scores = report(results)
    if args.json:
        payload = {
            "scores": {name: s.model_dump() for name, s in scores.items()},
            "documents": [r.model_dump(mode="json") for r in results],
        }
        json.dump(payload, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(
        f"{'documents':<12} {'count':>6} {'coverage':>9} {'exact':>7} {'<=7 days':>9} {'>30 days':>9} "
        f"{'range only':>11} {'range wrong':>12}"
    )
    for name, s in scores.items():
        print(
            f"{name:<12} {s.documents:>6} {s.coverage:>9.1%} {s.exact:>7.1%} {s.within_7_days:>9.1%} "
            f"{s.wrong_over_30_days:>9.1%} {s.ranged:>11.1%} {s.range_misses:>12.1%}"
        )
    if args.errors is not None:
        for line in error_lines(results, args.errors):
            print(line)
    return 0
