"""Synthetic news archive: `python benchmarks/make_archive.py DIR --articles N [--seed S] [--jsonl | --html]`.

Realistic news-like plain text (or JSON Lines): several articles per file, each with a headline, a date line,
and paragraphs mixing undated sentences with dated ones (full dates, weekdays, relative dates, months, years,
quarters). With --html, the same articles as web pages, one per file, inside a site's navigation, scripts and
footer (what a scrape of a news site gives). The same seed and count always give the same bytes, so benchmark
runs are comparable.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
from collections.abc import Iterator
from pathlib import Path

# Vocabulary of the generated prose: data tables, apart from the generator below.
PLACES = (
    "Baghdad",
    "Khartoum",
    "Brussels",
    "Nairobi",
    "Geneva",
    "Tehran",
    "Beirut",
    "Cairo",
    "Kyiv",
    "Ankara",
    "Addis Ababa",
    "Doha",
    "Amman",
    "Tripoli",
    "Damascus",
    "Riyadh",
    "Algiers",
    "Rabat",
    "Tunis",
    "Sanaa",
)
ACTORS = (
    "the foreign minister",
    "the prime minister",
    "the central bank",
    "the electoral commission",
    "a coalition spokesman",
    "the interior ministry",
    "rebel commanders",
    "the UN envoy",
    "the parliament",
    "the finance ministry",
    "opposition leaders",
    "the army",
    "aid agencies",
    "the health ministry",
    "the national oil company",
    "the supreme court",
    "trade unions",
    "the president's office",
)
VERBS = (
    "announced",
    "rejected",
    "approved",
    "postponed",
    "signed",
    "criticised",
    "welcomed",
    "suspended",
    "proposed",
    "confirmed",
    "denied",
    "launched",
    "concluded",
    "resumed",
    "ratified",
)
OBJECTS = (
    "a ceasefire agreement",
    "the new budget",
    "talks on prisoner exchanges",
    "a reform of the electricity sector",
    "emergency measures",
    "the draft constitution",
    "a loan programme",
    "an investigation into the clashes",
    "the withdrawal plan",
    "new sanctions",
    "a vaccination campaign",
    "the election timetable",
    "a trade accord",
    "the security pact",
    "negotiations with creditors",
    "a humanitarian corridor",
)
FILLERS = (
    "Officials said the situation remained tense and that further talks were needed.",
    "Analysts described the move as a significant shift in policy.",
    "The decision drew sharp criticism from neighbouring states and rights groups.",
    "Residents reported long queues for fuel and bread in several districts.",
    "Diplomats said the outcome would depend on guarantees from all sides.",
    "The statement gave no further details about the timetable or the costs involved.",
    "Observers noted that similar efforts had collapsed in the past amid mutual accusations.",
    "Prices of basic goods have risen sharply, according to local traders.",
    "Several lawmakers called for an independent inquiry into the events.",
    "The agency said it had received more than 2,000 requests for assistance.",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE = ("yesterday", "last week", "last month", "earlier this year", "two days ago", "next week", "next month")
QUARTERS = ("the first quarter", "the second quarter", "the third quarter", "the fourth quarter")
# Shapes of a dated sentence; {A} actor, {V} verb, {O} object, {D} date phrase.
DATED_SHAPES = (
    "{A} {V} {O} {D}.",
    "{D}, {A} {V} {O}, according to a statement.",
    "{A} said {D} that it {V} {O}.",
    "{A} {V} {O} {D}, two officials said.",
    "The meeting, held {D}, ended after {A} {V} {O}.",
)
DATE_LINE_SHAPES = ("Published: {month} {day}, {year}", "{weekday}, {day} {month} {year}", "{iso}")


def _date_phrase(rng: random.Random, published: dt.date) -> str:
    """A date expression with its preposition, in the past of `published` except for "next week/month"."""
    kind = rng.randrange(6)
    day = published - dt.timedelta(days=rng.randrange(1, 400))
    if kind == 0:
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"
    if kind == 1:
        return f"on {WEEKDAYS[rng.randrange(7)]}"
    if kind == 2:
        return RELATIVE[rng.randrange(len(RELATIVE))]
    if kind == 3:
        day = published - dt.timedelta(days=rng.randrange(published.timetuple().tm_yday))
        return f"on {MONTHS[day.month - 1]} {day.day}"
    if kind == 4:
        return f"in {QUARTERS[rng.randrange(4)]} of {published.year - rng.randrange(1, 3)}"
    return f"in {MONTHS[day.month - 1]} {day.year}"


def _sentence(rng: random.Random, published: dt.date) -> str:
    if rng.random() < 0.45:
        shape = rng.choice(DATED_SHAPES)
        text = shape.format(
            A=rng.choice(ACTORS), V=rng.choice(VERBS), O=rng.choice(OBJECTS), D=_date_phrase(rng, published)
        )
        return text[0].upper() + text[1:]
    return rng.choice(FILLERS)


def _date_line(rng: random.Random, published: dt.date) -> str:
    return rng.choice(DATE_LINE_SHAPES).format(
        month=MONTHS[published.month - 1],
        day=published.day,
        year=published.year,
        weekday=WEEKDAYS[published.weekday()],
        iso=published.isoformat(),
    )


def article(rng: random.Random) -> tuple[str, dt.date, str]:
    """(headline, publication date, body) of one generated article."""
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2000))
    place = rng.choice(PLACES)
    headline = f"{place}: {rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    paragraphs = []
    for number in range(rng.randrange(6, 12)):
        sentences = [_sentence(rng, published) for _ in range(rng.randrange(2, 5))]
        if number == 0:
            sentences[0] = f"{place.upper()} -- {sentences[0]}"
        paragraphs.append(" ".join(sentences))
    return headline, published, "\n\n".join(paragraphs)


def _files(count: int, seed: int) -> Iterator[list[tuple[str, dt.date, str]]]:
    """Articles grouped into files of 1 to 8 articles."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        size = min(count - made, rng.randrange(1, 9))
        yield [article(rng) for _ in range(size)]
        made += size


# A news site's page around one article: what text extraction has to look through.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | World News</title>
<meta property="article:published_time" content="{iso}">
<script>window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push(e); }}</script>
<style>body {{ font-family: serif; }} nav a {{ margin: 0 1em; }}</style></head>
<body><header><nav><a href="/">Home</a><a href="/world">World</a><a href="/business">Business</a>
<a href="/opinion">Opinion</a><a href="/subscribe">Subscribe</a></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter | <time datetime="{iso}">{date_line}</time></p>
{paragraphs}
</article><aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Storm warning issued</a></li></ul></aside></main>
<footer><p>Copyright World News. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>
"""


def _page(headline: str, published: dt.date, date_line: str, body: str) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in body.split("\n\n"))
    return PAGE.format(
        title=html.escape(headline), iso=published.isoformat(), date_line=date_line, paragraphs=paragraphs
    )


def write_archive(folder: Path, count: int, seed: int = 7, jsonl: bool = False, pages: bool = False) -> int:
    """Write `count` articles under `folder` (100 files per subfolder; with `pages`, one HTML page per
    article); returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    rng = random.Random(seed + 1)
    groups = ([item] for group in _files(count, seed) for item in group) if pages else _files(count, seed)
    for number, group in enumerate(groups):
        sub = folder / f"{number // 100:05d}"
        sub.mkdir(exist_ok=True)
        if pages:
            [(headline, published, body)] = group
            data = _page(headline, published, _date_line(rng, published), body)
            path = sub / f"{number:07d}.html"
        elif jsonl:
            lines = [
                json.dumps({"id": f"{number}-{i}", "title": h, "published": p.isoformat(), "text": body})
                for i, (h, p, body) in enumerate(group)
            ]
            data = "\n".join(lines) + "\n"
            path = sub / f"{number:07d}.jsonl"
        else:
            data = "\n\n\n".join(f"{h}\n\n{_date_line(rng, p)}\n\n{body}\n" for h, p, body in group)
            path = sub / f"{number:07d}.txt"
        encoded = data.encode("utf-8")
        path.write_bytes(encoded)
        total += len(encoded)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--jsonl", action="store_true", help="JSON Lines records instead of plain-text files")
    kind.add_argument("--html", action="store_true", help="one web page per article instead of plain-text files")
    args = parser.parse_args()
    size = write_archive(args.folder, args.articles, args.seed, args.jsonl, args.html)
    print(f"{args.articles} articles, {size / 1e6:.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
