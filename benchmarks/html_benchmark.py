"""Time the HTML page with 10,000 events in headless Chromium.

    python benchmarks/html_benchmark.py [--events 10000] [--runs 5] [--output benchmarks/html_results.md]

Measures, per run (a fresh page each time), the median over runs of:
- render: Python time of render_html for the timeline;
- first paint: navigation start to the browser's first-contentful-paint;
- first chunk: navigation start to the script's "chronology-first-chunk" mark (data parsed, list drawn);
- filter: script time of one filter pass ("chronology-filter" measure) for a typed query, a date range and a
  reset to everything; and the wall time from the input event to the updated count, as a user sees it.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_support import browser  # noqa: E402
from html_fixtures import generated_timeline  # noqa: E402

from chronology.html import render_html  # noqa: E402

# (label, field, value): each is applied to the page on its own, from the unfiltered state.
FILTERS = (
    ("search 'ceasefire'", "#q", "ceasefire"),
    ("date range 2010", "#from", "2010-01-01"),
)

_TIMINGS = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  const chunk = performance.getEntriesByName("chronology-first-chunk")[0];
  return {paint: paint ? paint.startTime : null, chunk: chunk.startTime,
          rendered: document.querySelectorAll("li.event").length};
}"""

# Sets a field, fires the input event and resolves when the count has been redrawn; reports both the
# wall time and the script's own measure of the filter pass.
_FILTER = """async ([selector, value]) => {
  const field = document.querySelector(selector);
  const count = document.getElementById("count");
  const before = performance.getEntriesByName("chronology-filter").length;
  const started = performance.now();
  field.value = value;
  field.dispatchEvent(new Event("input", {bubbles: true}));
  while (performance.getEntriesByName("chronology-filter").length === before) {
    await new Promise(requestAnimationFrame);
  }
  const wall = performance.now() - started;
  const pass = performance.getEntriesByName("chronology-filter").at(-1).duration;
  return {wall, pass, shown: +count.dataset.shown};
}"""


def _run(chromium: Any, page_file: Path) -> dict[str, float]:
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file.as_uri())
    page.wait_for_selector("html[data-ready]")
    timings = page.evaluate(_TIMINGS)
    result = {"first paint": timings["paint"], "first chunk": timings["chunk"]}
    for label, selector, value in FILTERS:
        measured = page.evaluate(_FILTER, [selector, value])
        result[f"{label}: filter pass"] = measured["pass"]
        result[f"{label}: input to redraw"] = measured["wall"]
        result[f"{label}: events shown"] = measured["shown"]
        page.evaluate(_FILTER, [selector, ""])
    page.close()
    return result


def benchmark(events: int, runs: int) -> tuple[float, list[dict[str, float]], int, str]:
    timeline = generated_timeline(events)
    started = time.perf_counter()
    html = render_html(timeline)
    render_ms = (time.perf_counter() - started) * 1000
    with tempfile.TemporaryDirectory() as scratch, browser() as chromium:
        page_file = Path(scratch) / "timeline.html"
        page_file.write_text(html, encoding="utf-8")
        results = [_run(chromium, page_file) for _ in range(runs)]
        version = f"Chromium {chromium.version}"
    return render_ms, results, len(html.encode("utf-8")), version


def report(
    events: int, runs: int, render_ms: float, results: list[dict[str, float]], size: int, version: str
) -> str:
    lines = [
        "# HTML page benchmark",
        "",
        f"{events:,} generated events (tests/html_fixtures.py `generated_timeline`), page size "
        f"{size / 1e6:.1f} MB, headless {version}, {platform.machine()}, "
        f"median of {runs} fresh page loads.",
        "",
        "Command: `. /work/venv/bin/activate && python benchmarks/html_benchmark.py "
        f"--events {events} --runs {runs}`",
        "",
        "| measure | median | worst |",
        "| --- | ---: | ---: |",
        f"| render_html (Python) | {render_ms:.0f} ms | |",
    ]
    for key in results[0]:
        values = [r[key] for r in results]
        if key.endswith("events shown"):
            lines.append(f"| {key} | {int(values[0]):,} | |")
        else:
            lines.append(f"| {key} | {statistics.median(values):.0f} ms | {max(values):.0f} ms |")
    lines += [
        "",
        "First paint and first chunk are counted from navigation start. A filter pass is the script's own time "
        "to filter the data, redraw the first chunk and the overview; input to redraw adds the wait for the "
        "next animation frame, which is what a typing user sees.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "html_results.md")
    args = parser.parse_args()
    render_ms, results, size, version = benchmark(args.events, args.runs)
    text = report(args.events, args.runs, render_ms, results, size, version)
    args.output.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
