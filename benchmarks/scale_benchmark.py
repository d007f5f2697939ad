"""Throughput and peak memory of `chronology build` on synthetic archives of growing size.

    python benchmarks/scale_benchmark.py --sizes 1000 10000 100000 --workers 2 [--html 1000 10000]
        [--out benchmarks/scale_results.md]

Each size runs the real command line in a subprocess on an archive from make_archive.py (cached under
--cache). Measured: wall time, CPU time of the process tree (so the rate per core holds on a shared machine),
MB/s and articles/s, and the peak resident memory of the whole process tree (sampled with psutil). A second,
in-process pass times the stages (analysis vs merge vs rendering) to show where the time goes as sizes grow.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import psutil  # noqa: E402
from make_archive import write_archive  # noqa: E402


@dataclass(frozen=True)
class Run:
    articles: int
    megabytes: float
    wall: float
    cpu: float
    peak_rss_mb: float
    events: int

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.wall

    @property
    def mb_per_cpu_s(self) -> float:
        return self.megabytes / self.cpu

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.wall


def _archive(cache: Path, articles: int, pages: bool = False) -> tuple[Path, float]:
    folder = cache / (f"archive-{articles}-html" if pages else f"archive-{articles}")
    marker = folder / ".size"
    if not marker.exists():
        size = write_archive(folder, articles, pages=pages)
        marker.write_text(str(size))
    return folder, int(marker.read_text()) / 1e6


def _sample_tree(process: psutil.Process, cpu: dict[int, float]) -> int:
    """Resident memory of the process tree now; records each member's CPU time so far in `cpu` (by pid),
    because worker processes are not children of this one and escape RUSAGE_CHILDREN."""
    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            with member.oneshot():
                total += member.memory_info().rss
                times = member.cpu_times()
        except psutil.Error:
            continue
        cpu[member.pid] = max(cpu.get(member.pid, 0.0), times.user + times.system)
    return total


def measure(cache: Path, articles: int, workers: int, extra: list[str], pages: bool = False) -> Run:
    folder, megabytes = _archive(cache, articles, pages)
    return run_build([folder], articles, megabytes, workers, extra)


def corpus_size(paths: list[Path]) -> tuple[int, float]:
    """Articles and megabytes of text (UTF-8, as the tagger reads it, markup aside) of real news inputs."""
    from chronology.ingest import iter_documents, split_articles

    articles, size = 0, 0
    for document in iter_documents([str(path) for path in paths], lambda message: None):
        for article in split_articles(document):
            articles += 1
            size += len(article.text.encode("utf-8"))
    return articles, size / 1e6


def run_build(inputs: list[Path], articles: int, megabytes: float, workers: int, extra: list[str]) -> Run:
    out = Path(tempfile.mkdtemp(prefix="chronology-bench-"))
    command = [sys.executable, "-m", "chronology.cli", "build", *map(str, inputs), "--out", str(out), "-q"]
    command += ["--workers", str(workers), *extra]
    started = time.perf_counter()
    child = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(ROOT)})
    process = psutil.Process(child.pid)
    peak = 0
    cpu_by_pid: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            with contextlib.suppress(psutil.Error):  # the process may end between two calls
                peak = max(peak, _sample_tree(process, cpu_by_pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = child.wait()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    if code != 0:
        raise SystemExit(f"build failed with exit code {code} on {articles} articles of {inputs}")
    cpu = sum(cpu_by_pid.values())
    events = (out / "timeline.json").read_text(encoding="utf-8").count('"status": ')
    return Run(articles, megabytes, wall, cpu, peak / 1e6, events)


def stage_child(cache: Path, articles: int) -> None:
    """Run in a fresh process (see stages): print each stage's CPU seconds and the peak RSS after it, as JSON."""
    import resource

    from chronology.commands.build import write_html
    from chronology.context import DateHints
    from chronology.ingest import iter_documents
    from chronology.jsonl import event_lines
    from chronology.parallel import analyse_documents, pace_collector
    from chronology.pipeline import Assembler
    from chronology.render import timeline_json_chunks

    def peak_mb() -> float:
        # VmHWM is this process's own high-water mark; ru_maxrss may carry the parent's over exec on Linux.
        with contextlib.suppress(OSError):
            for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1e3
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3

    folder, _ = _archive(cache, articles)
    pace_collector()  # as `build` does, so the stages add up to what the command spends
    assembler = Assembler()
    merging = 0.0
    started = time.process_time()
    for analysis in analyse_documents(iter_documents([str(folder)], lambda message: None), DateHints(), 1):
        before = time.process_time()
        assembler.add(analysis)
        merging += time.process_time() - before
    analysing = time.process_time() - started - merging
    after_input = peak_mb()
    before = time.process_time()
    merged = assembler.result()
    merging += time.process_time() - before
    after_merge = peak_mb()
    before = time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        sink.writelines(timeline_json_chunks(merged))
        write_html(sink, merged)
        sink.writelines(event_lines(merged.events))
    rendering = time.process_time() - before
    row = {
        "read + analyse": analysing, "merge": merging, "render json + html + jsonl": rendering,
        "peak RSS MB after input": after_input, "after merge": after_merge, "after render": peak_mb(),
        "events": len(merged.events),
    }
    print(json.dumps(row))


def stages(cache: Path, articles: int) -> dict[str, float]:
    """CPU seconds per stage and peak memory after each, one worker, in a fresh process so that the peaks are
    this size's own. The merge column counts both passes: the first runs as the analyses arrive."""
    command = [sys.executable, str(Path(__file__).resolve()), "--stage-child", str(articles), "--cache", str(cache)]
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    output = subprocess.run(command, check=True, capture_output=True, text=True, env=environment)
    row: dict[str, float] = json.loads(output.stdout.strip().splitlines()[-1])
    return row


def _decimals(column: str) -> int:
    """Counts and megabytes as whole numbers, seconds to a tenth."""
    return 0 if column == "events" or "MB" in column or column.startswith("after") else 1


def _rows(runs: list[Run]) -> list[str]:
    lines = [
        "| articles | MB | events | wall s | CPU s | MB/s | MB/CPU-s (per core) | articles/s | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run in runs:
        lines.append(
            f"| {run.articles} | {run.megabytes:.1f} | {run.events} | {run.wall:.1f} | {run.cpu:.1f} | "
            f"{run.mb_per_s:.3f} | {run.mb_per_cpu_s:.3f} | {run.articles_per_s:.1f} | {run.peak_rss_mb:.0f} |"
        )
    return lines


def report(
    runs: list[Run], stage_rows: dict[int, dict[str, float]], workers: int, command: str, page_runs: list[Run],
    corpus_runs: Sequence[tuple[str, Run]] = (),
) -> str:
    lines = [
        "# Scale benchmark",
        "",
        f"Command: `{command}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"`build --workers {workers}` on archives from `benchmarks/make_archive.py` (seed 7).  ",
        "CPU s is the CPU time of the whole process tree, so MB/CPU-s is the rate per core even when other jobs "
        "share the machine; peak RSS is the sum over the process tree (psutil, sampled every 0.05 s with the CPU "
        "times).",
        "",
        *_rows(runs),
    ]
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        scale = last.articles / first.articles
        lines += [
            "",
            f"Growth from {first.articles} to {last.articles} articles (x{scale:.0f}): wall time "
            f"x{last.wall / first.wall:.1f}, CPU time x{last.cpu / first.cpu:.1f}, peak memory "
            f"x{last.peak_rss_mb / first.peak_rss_mb:.1f}.",
        ]
    if page_runs:
        lines += [
            "",
            "## The same articles as web pages (one HTML page each; MB of markup; text extracted by trafilatura)",
            "",
            *_rows(page_runs),
        ]
    if corpus_runs:
        lines += [
            "",
            "## Real news (--corpus: the articles as given, MB of their text without markup)",
            "",
            "| mode " + _rows([])[0],
            "|---" + _rows([])[1],
        ]
        for mode, run in corpus_runs:
            lines.append(f"| {mode} " + _rows([run])[-1])
    if stage_rows:
        names = list(next(iter(stage_rows.values())))
        lines += [
            "",
            "## Where the time and memory go (CPU s per stage, one worker, in a fresh process per size)",
            "",
            "| articles | " + " | ".join(names) + " |",
            "|---:|" + "---:|" * len(names),
        ]
        for articles, row in stage_rows.items():
            cells = [f"{row[name]:.{_decimals(name)}f}" for name in names]
            lines.append(f"| {articles} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="chronology scale benchmark")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--stages", type=int, nargs="*", default=[], help="sizes to time stage by stage")
    parser.add_argument("--html", type=int, nargs="*", default=[], help="sizes to run as HTML pages too")
    parser.add_argument(
        "--corpus", type=Path, nargs="*", default=[],
        help="real news inputs (e.g. the TimeML folders) built as they are, by default and with --explicit-only",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "chronology-archives")
    parser.add_argument("--out", type=Path, help="write the Markdown report here too")
    parser.add_argument("--stage-child", type=int, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument("build_args", nargs="*", help="extra arguments for build (after --)")
    args = parser.parse_args()
    if args.stage_child:
        stage_child(args.cache, args.stage_child)
        return
    runs = []
    for size in args.sizes:
        runs.append(measure(args.cache, size, args.workers, args.build_args))
        print(runs[-1], file=sys.stderr, flush=True)
    page_runs = []
    for size in args.html:
        page_runs.append(measure(args.cache, size, args.workers, args.build_args, pages=True))
        print(page_runs[-1], file=sys.stderr, flush=True)
    corpus_runs = []
    if args.corpus:
        articles, megabytes = corpus_size(args.corpus)
        for mode, extra in (("default", []), ("--explicit-only", ["--explicit-only"])):
            run = run_build(args.corpus, articles, megabytes, args.workers, [*args.build_args, *extra])
            corpus_runs.append((mode, run))
            print(corpus_runs[-1], file=sys.stderr, flush=True)
    stage_rows = {size: stages(args.cache, size) for size in args.stages}
    command = "python " + " ".join(["benchmarks/scale_benchmark.py", *sys.argv[1:]])
    text = report(runs, stage_rows, args.workers, command, page_runs, corpus_runs)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
