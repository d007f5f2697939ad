"""Linear time on adversarial input: `python benchmarks/linear_time.py [--out benchmarks/linear_results.md]`.

Each input is a pattern repeated to growing sizes and run through the whole per-document pipeline (article
splitting, tagging, resolution, publication context, events). If any regular expression backtracked
catastrophically, time would grow quadratically or worse; the report shows the time per character staying flat
(growth close to the size factor).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronology.context import DateHints  # noqa: E402
from chronology.models import Document  # noqa: E402
from chronology.pipeline import analyse_document  # noqa: E402

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
}
SIZES = (20_000, 40_000, 80_000, 160_000)


def seconds(text: str, hints: DateHints) -> float:
    document = Document(source="adversarial.txt", text=text, format="text")
    started = time.process_time()
    analyse_document(document, hints)
    return time.process_time() - started


def run(sizes: tuple[int, ...]) -> str:
    hints = DateHints.build(published=["2021-03-10"])
    header = " | ".join(f"{size // 1000}k chars s" for size in sizes)
    lines = [
        "# Linear time on adversarial input",
        "",
        "Command: `python benchmarks/linear_time.py --out benchmarks/linear_results.md`  ",
        "CPU seconds for the whole per-document pipeline (split, tag, resolve, context, events) on one core. "
        f"Growth = time at {sizes[-1] // 1000}k / time at {sizes[0] // 1000}k characters; linear is "
        f"x{sizes[-1] // sizes[0]}, quadratic would be x{(sizes[-1] // sizes[0]) ** 2}.",
        "",
        f"| input | {header} | µs/char at largest | growth |",
        "|---|" + "---:|" * (len(sizes) + 2),
    ]
    worst = 0.0
    for name, unit in INPUTS.items():
        times = []
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            times.append(seconds(text, hints))
        growth = times[-1] / max(times[0], 1e-6)
        worst = max(worst, growth)
        cells = " | ".join(f"{t:.3f}" for t in times)
        lines.append(f"| {name} | {cells} | {times[-1] / sizes[-1] * 1e6:.1f} | x{growth:.1f} |")
        print(lines[-1], file=sys.stderr, flush=True)
    lines += ["", f"Worst growth: x{worst:.1f} for a x{sizes[-1] // sizes[0]} larger input."]
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
