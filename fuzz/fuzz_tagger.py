"""Fuzzing with hypothesis at scale: `python fuzz/fuzz_tagger.py --examples 20000 [--out benchmarks/fuzz_results.md]`.

Three targets, each fed random and adversarial input (random Unicode, date-like token soup, random bytes):
- the tagger + resolver (`annotate`) with a random anchor: must not raise, and every offset must point at the
  text it claims, in order and without overlap;
- the per-document pipeline (split, tag, resolve, context, events): must not raise, and every mention's span
  must point at its expression in the document;
- decoding raw bytes as a file would be (`ingest.decode`): only InputError may come out.
Hypothesis shrinks any failure to a minimal input, printed in the report.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronology.context import DateHints  # noqa: E402
from chronology.errors import InputError  # noqa: E402
from chronology.ingest import decode  # noqa: E402
from chronology.models import Document  # noqa: E402
from chronology.pipeline import analyse_document  # noqa: E402
from chronology.resolver import annotate  # noqa: E402

TOKENS = (
    "on", "in", "the", "of", "last", "next", "this", "since", "until", "ago", "early", "late", "mid", "week",
    "month", "year", "years", "days", "Monday", "Tues.", "Sunday", "May", "March", "Dec.", "Sept", "2021", "1999",
    "99999", "0", "00", "12", "31", "32", "45th", "1st", "2,000", "10,000", "'90s", "1990s", "Q3", "third",
    "quarter", "spring", "Christmas", "Eve", "morning", "tonight", "noon", "3:45", "25:61", "p.m.", "2021-02-30",
    "31/02/2020", "1/1/1", "T10:00", "Z", "+05:30", "fiscal", "decade", "century", "21st", "millennium",
    "—", ",", ".", "/", "-", ":", "(", ")", "\"", "“", "\n", "\n\n", "  ", "\t", "\r\n", "TT", "Published:",
    "WASHINGTON (AP) --", "Source:", "年", "月", "مارس", "٢٠٢١", "\u200b", "\ufeff", "\u202e", "é", "İ", "ß",
    "\U0001f600", "\x00", "\x85", "\u2028",
)  # fmt: skip
token_text = st.lists(st.sampled_from(TOKENS), max_size=80).map(" ".join)
glued_text = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
# Letters Python's case-insensitive matching equates with ASCII ones: "ſunday" once crashed the tagger.
case_equivalent_text = token_text.map(lambda text: text.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a"))
any_text = st.one_of(st.text(max_size=400), token_text, glued_text, case_equivalent_text)
document_text = st.one_of(any_text, st.lists(token_text, max_size=6).map("\n\n".join))
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
HINTS = DateHints.build(published=["2021-03-10"])


def check_tagger(text: str, anchor: dt.date | None) -> None:
    end = 0
    for timex in annotate(text, anchor):
        assert 0 <= timex.start < timex.end <= len(text), (timex.start, timex.end, len(text))
        assert text[timex.start : timex.end] == timex.text, timex
        assert timex.start >= end, "overlapping or unordered timexes"
        end = timex.end


def check_document(text: str, published: dt.date | None) -> None:
    hints = DateHints(published_all=published)
    for analysis in analyse_document(Document(source="fuzz.txt", text=text, format="text"), hints):
        for event in analysis.events:
            for mention in event.mentions:
                assert text[mention.span[0] : mention.span[1]] == mention.expression, mention


def check_decode(data: bytes) -> None:
    with contextlib.suppress(InputError):
        decode(data, "fuzz.bin")


def _counting(check: Callable[..., None], tried: list[int]) -> Callable[[tuple[object, ...]], None]:
    def counted(args: tuple[object, ...]) -> None:
        tried[0] += 1
        check(*args)

    return counted


TARGETS: dict[str, tuple[str, Callable[..., None], tuple[st.SearchStrategy[object], ...]]] = {
    "annotate": ("tagger + resolver (annotate)", check_tagger, (any_text, anchors)),
    "pipeline": ("per-document pipeline", check_document, (document_text, anchors)),
    "decode": ("decode raw bytes", check_decode, (st.binary(max_size=2000),)),
}


def fuzz(examples: int, only: list[str] | None = None) -> list[tuple[str, int, int, float, str | None]]:
    results = []
    for key, (name, check, strategies) in TARGETS.items():
        if only and key not in only:
            continue
        tried = [0]
        counted = _counting(check, tried)
        test = seed(20240101)(
            settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))(
                given(st.tuples(*strategies))(counted)
            )
        )
        started = time.perf_counter()
        failure = None
        try:
            test()
        except Exception:
            failure = traceback.format_exc(limit=10)
        results.append((name, examples, tried[0], time.perf_counter() - started, failure))
        print(f"{name}: {tried[0]} inputs, {'CRASH' if failure else 'ok'}", file=sys.stderr, flush=True)
    return results


def report(results: list[tuple[str, int, int, float, str | None]], command: str) -> str:
    lines = [
        "# Fuzzing results",
        "",
        f"Command: `{command}` (hypothesis, fixed seed 20240101, no example database).  ",
        "Inputs tried counts every call of the target, including hypothesis's shrinking of a failure.",
        "",
        "| target | inputs tried | seconds | result |",
        "|---|---:|---:|---|",
    ]
    for name, _, tried, seconds, failure in results:
        lines.append(f"| {name} | {tried} | {seconds:.0f} | {'crash (below)' if failure else 'no crash'} |")
    for name, _, _, _, failure in results:
        if failure:
            lines += ["", f"## Crash in {name}", "", "```", failure.rstrip(), "```"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="fuzz the tagger and the per-document pipeline")
    parser.add_argument("--examples", type=int, default=20000)
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--only", action="append", choices=sorted(TARGETS), help="fuzz this target only (repeatable; default: all)"
    )
    args = parser.parse_args()
    results = fuzz(args.examples, args.only)
    text = report(results, "python " + " ".join(["fuzz/fuzz_tagger.py", *sys.argv[1:]]))
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.exit(1 if any(result[4] for result in results) else 0)


if __name__ == "__main__":
    main()
