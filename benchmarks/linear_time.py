"""Linear time on adversarial input: `python benchmarks/linear_time.py [--sizes N ...] [--out FILE]`.

Each input is a pattern repeated to growing sizes and run through the whole per-document pipeline (article
splitting, tagging, resolution, publication context, events). If any regular expression backtracked
catastrophically, or any stage looped over a whole sentence or text for each expression, time would grow
quadratically or worse; the report shows the time per character staying flat (growth close to the size factor),
for the whole pipeline and for what it does outside the tagger.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronology.context import DateHints  # noqa: E402
from chronology.ingest import split_articles  # noqa: E402
from chronology.models import Document  # noqa: E402
from chronology.pipeline import analyse_document  # noqa: E402
from chronology.tagger import tag  # noqa: E402

# Adversarial units, each repeated to the target size.
INPUTS = {
    "digits": "1234567890",
    "digits with commas": "1,000,000,",
    "month names": "May June July ",
    "month names, no spaces": "MayJuneJuly",
    "spaces": " ",
    "punctuation": ".,;:!?-/()[]'\"",
    "on on on": "on ",
    "Monday Monday": "Monday ",
    "the the of": "the the of ",
    "date fragments": "March 3, 2021 - 1999/12/ ",
    "numbers and years": "10,000 in 2,000 years ",
    "newlines": "\n",
    "one long word": "a",
    "headline-like lines": "Talks Collapse In Baghdad\n",
    "ordinals": "the 45th of the 3rd ",
    "clauses of dates": "it said on May 3, 2020; before June 4 and then 2019 while ",
    "sentences of dates": "Talks ended on March 3. ",
    "offsets in apposition": "two years ago, on March 3, 2020, ",
    "dates over wrapped lines": "the talks began on May 3, 2020\n",
    "clock times": "On Monday at 10:30 a.m., then at 11:15 a.m., ",
}
SIZES = (20_000, 40_000, 80_000, 160_000)
REPEATS = 3


def seconds(text: str, hints: DateHints) -> tuple[float, float]:
    """CPU seconds of the whole pipeline on `text`, and of the tagger alone on its articles: the least of
    REPEATS runs each, as the machine is shared."""
    document = Document(source="adversarial.txt", text=text, format="text")
    total = tagger = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        analyse_document(document, hints)
        total = min(total, time.process_time() - started)
        started = time.process_time()
        for article in split_articles(document):
            tag(article.text)
        tagger = min(tagger, time.process_time() - started)
    return total, tagger


def run(sizes: tuple[int, ...]) -> str:
    hints = DateHints.build(published=["2021-03-10"])
    header = " | ".join(f"{size / 1000:g}k chars s" for size in sizes)
    factor = sizes[-1] // sizes[0]
    command = "python benchmarks/linear_time.py"
    if sizes != SIZES:
        command += " --sizes " + " ".join(map(str, sizes))
    lines = [
        "# Linear time on adversarial input",
        "",
        f"Command: `{command} --out benchmarks/linear_results.md`  ",
        f"CPU seconds (least of {REPEATS} runs) for the whole per-document pipeline (split, tag, resolve, context, "
        "events) on one core. "
        f"Growth = time at {sizes[-1] / 1000:g}k / time at {sizes[0] / 1000:g}k characters; linear is "
        f"x{factor}, quadratic would be x{factor**2}. Outside the tagger = the pipeline's time minus the "
        "tagger's own (measured apart, so small figures are noisy).",
        "",
        f"| input | {header} | µs/char at largest | growth | outside tagger s at largest | growth outside tagger |",
        "|---|" + "---:|" * (len(sizes) + 4),
    ]
    seconds("Talks ended on Monday, March 3, 2021, two years ago. " * 20, hints)  # lazy imports and compiles
    worst = worst_outside = 0.0
    for name, unit in INPUTS.items():
        totals, outside = [], []
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            total, tagger = seconds(text, hints)
            totals.append(total)
            outside.append(max(total - tagger, 0.0))
        growth = totals[-1] / max(totals[0], 1e-6)
        growth_outside = outside[-1] / max(outside[0], 1e-3)
        worst, worst_outside = max(worst, growth), max(worst_outside, growth_outside)
        cells = " | ".join(f"{t:.3f}" for t in totals)
        lines.append(
            f"| {name} | {cells} | {totals[-1] / sizes[-1] * 1e6:.1f} | x{growth:.1f} | {outside[-1]:.3f} "
            f"| x{growth_outside:.1f} |"
        )
        print(lines[-1], file=sys.stderr, flush=True)
    lines += [
        "",
        f"Worst growth: x{worst:.1f} for a x{factor} larger input (outside the tagger: x{worst_outside:.1f}; "
        "times under 1 ms count as 1 ms there).",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="linear-time check on adversarial input")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    text = run(tuple(args.sizes))
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
