"""Benchmark: the command line as a user runs it, whole processes, against dateparser's `search_dates`.

    python benchmarks/cli_benchmark.py [--chronology PATH] [--repeat N] [--out benchmarks/cli_results.md]

Runs the `chronology` console script (by default the one beside this interpreter: run this with the Python of a
virtual environment where the project is installed) as subprocesses: `chronology --help`, `chronology tag` on a
one-line file (the start-up), and `chronology tag` over TimeBank + AQUAINT, as JSON and as TimeML. The baseline
is benchmarks/search_dates_cli.py, `search_dates` over the same texts in a process of its own, its start-up (the
same one-line file) measured the same way. Each figure is the best of --repeat runs, in wall-clock seconds and
in CPU seconds of the child (user + system, from its rusage). The corpus figures are given with the start-up
subtracted, and the ratios are the baseline's time over ours, all from this one run.

The in-process figures of benchmarks/tagger_benchmark.py are measured too, in this process, for comparison:
`chronology.resolver.annotate` (tagging and anchoring to the creation time, what `search_dates` also does; best
of --repeat, the sentence caches cleared) and `search_dates` (once), in CPU seconds.

Output goes to /dev/null. Python's bytecode cache is on (PYTHONDONTWRITEBYTECODE is dropped, the cache kept under
a temporary PYTHONPYCACHEPREFIX) and each command runs once untimed first: what an installed package does.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from tagger_benchmark import dateparser_system, load, ours, throughput  # noqa: E402

CORPUS = ROOT.parent / "shared" / "data" / "timeml"
BASELINE = ROOT / "benchmarks" / "search_dates_cli.py"
ONE_LINE = "Officials said on Monday that the schools would reopen next week.\n"


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: Sequence[str], repeat: int, env: dict[str, str]) -> Timing:
    """Best wall and best CPU time of `repeat` runs of the command (after one untimed run), each checked to
    succeed."""
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
    walls, cpus = [], []
    for _ in range(repeat):
        cpu_before, started = _children_cpu(), time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - started)
        cpus.append(_children_cpu() - cpu_before)
    return Timing(min(walls), min(cpus))


def _minus(whole: Timing, start_up: Timing) -> Timing:
    return Timing(whole.wall - start_up.wall, whole.cpu - start_up.cpu)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chronology", type=Path, default=Path(sys.executable).parent / "chronology")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each command (the best is kept)")
    parser.add_argument("--out", type=Path, help="also write the markdown report here")
    args = parser.parse_args(argv)

    folders = [str(args.corpus / "TimeBank"), str(args.corpus / "AQUAINT")]
    documents = load([Path(folder) for folder in folders])
    characters = sum(len(d.text) for d in documents)
    with tempfile.TemporaryDirectory() as scratch:
        one_line = Path(scratch) / "one-line.txt"
        one_line.write_text(ONE_LINE, encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")
        ours_cli = [str(args.chronology)]
        baseline = [sys.executable, str(BASELINE)]
        rows = {
            "chronology --help": timed([*ours_cli, "--help"], args.repeat, env),
            "chronology tag ONE_LINE (start-up)": timed([*ours_cli, "tag", str(one_line)], args.repeat, env),
            "chronology tag TBAQ": timed([*ours_cli, "tag", *folders], args.repeat, env),
            "chronology tag --format timeml TBAQ": timed(
                [*ours_cli, "tag", "--format", "timeml", *folders], args.repeat, env
            ),
            "search_dates_cli.py ONE_LINE (start-up)": timed([*baseline, str(one_line)], args.repeat, env),
            "search_dates_cli.py TBAQ": timed([*baseline, *folders], args.repeat, env),
        }
    ours_start_up = rows["chronology tag ONE_LINE (start-up)"]
    baseline_work = _minus(rows["search_dates_cli.py TBAQ"], rows["search_dates_cli.py ONE_LINE (start-up)"])
    # Imports, models, compiled patterns and dateparser's data loaded before timing, as tagger_benchmark.py does.
    for document in documents:
        ours(document)
    dateparser_system(documents[0])
    annotate_cpu = throughput(ours, documents, args.repeat)
    search_dates_cpu = throughput(dateparser_system, documents, 1)

    lines = [
        f"## Whole processes (best of {args.repeat}; seconds)",
        "",
        f"Corpus TBAQ: TimeBank + AQUAINT, {len(documents)} documents, {characters:,} characters. Python "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores. Console script: "
        f"`{args.chronology}`.",
        "",
        "| command | wall | CPU |",
        "|---|---:|---:|",
        *(f"| `{name}` | {timing.wall:.3f} | {timing.cpu:.3f} |" for name, timing in rows.items()),
        "",
        "## Corpus work, start-up subtracted, against `search_dates` in a whole process",
        "",
        "| command | wall | CPU | characters per CPU-s | `search_dates` time / ours (wall) | (CPU) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in ("chronology tag TBAQ", "chronology tag --format timeml TBAQ"):
        work = _minus(rows[name], ours_start_up)
        lines.append(
            f"| `{name}` | {work.wall:.3f} | {work.cpu:.3f} | {characters / work.cpu:,.0f} | "
            f"{baseline_work.wall / work.wall:.1f}x | {baseline_work.cpu / work.cpu:.1f}x |"
        )
    lines.append(
        f"| `search_dates_cli.py TBAQ` | {baseline_work.wall:.3f} | {baseline_work.cpu:.3f} | "
        f"{characters / baseline_work.cpu:,.0f} | 1.0x | 1.0x |"
    )
    lines += [
        "",
        "## In process, this run (CPU seconds; as benchmarks/tagger_benchmark.py measures)",
        "",
        "| system | CPU | characters per CPU-s | speed vs `search_dates` |",
        "|---|---:|---:|---:|",
        f"| `annotate` (tagging and anchoring; best of {args.repeat}) | {annotate_cpu:.3f} | "
        f"{characters / annotate_cpu:,.0f} | {search_dates_cpu / annotate_cpu:.1f}x |",
        f"| `search_dates` (once) | {search_dates_cpu:.3f} | {characters / search_dates_cpu:,.0f} | 1.0x |",
    ]
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
