"""Screenshot of the chronology page: `python benchmarks/screenshot.py [timeline.json] [-o docs/screenshot.png]`.

Without a timeline JSON it shows the hand-made realistic fixture; with one (the `build` command's JSON output)
it shows that timeline."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from browser_support import browser  # noqa: E402
from html_fixtures import realistic_timeline  # noqa: E402

from chronology.html import render_html  # noqa: E402
from chronology.models import Timeline  # noqa: E402


def take_screenshot(html: str, output: Path, width: int = 1280, height: int = 1000, dark: bool = False) -> None:
    """Open `html` from disk in headless Chromium and save a PNG of the first `height` pixels."""
    with tempfile.TemporaryDirectory() as scratch, browser() as chromium:
        page_file = Path(scratch) / "timeline.html"
        page_file.write_text(html, encoding="utf-8")
        page = chromium.new_page(viewport={"width": width, "height": height}, color_scheme="dark" if dark else "light")
        page.goto(page_file.as_uri())
        page.wait_for_selector("html[data-ready]")
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("timeline", nargs="?", type=Path, help="timeline JSON (default: the realistic fixture)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    args = parser.parse_args()
    if args.timeline:
        timeline = Timeline.model_validate_json(args.timeline.read_text(encoding="utf-8"))
    else:
        timeline = realistic_timeline()
    take_screenshot(render_html(timeline), args.output, args.width, args.height, args.dark)
    print(args.output)


if __name__ == "__main__":
    main()
