"""dateparser's `search_dates` as a command: the whole-process baseline of benchmarks/cli_benchmark.py.

    python benchmarks/search_dates_cli.py PATH ...

Prints, as JSON, the dates `search_dates` finds in each file (folders are read recursively): for a TimeML file
(.tml) in the text of its <TEXT> element, anchored to its creation time as benchmarks/tagger_benchmark.py anchors
it; for any other file in its whole text, anchored to 2000-01-01. It reads TimeML with the standard library, not
with chronology, so that its start-up is dateparser's own.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateparser.search import search_dates

DEFAULT_BASE = dt.date(2000, 1, 1)


def _files(paths: Sequence[str]) -> Iterator[Path]:
    for given in paths:
        path = Path(given)
        yield from sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]


def _text_and_base(path: Path) -> tuple[str, dt.date]:
    """The text to search and the date relative expressions are read against."""
    if path.suffix != ".tml":
        return path.read_text(encoding="utf-8"), DEFAULT_BASE
    root = ET.fromstring(path.read_bytes())
    body = root.find(".//TEXT")
    text = "".join(body.itertext()) if body is not None else ""
    # The creation time as chronology.timeml reads it: the <DCT> timex, else the timex marked CREATION_TIME.
    dct = root.find(".//DCT/TIMEX3")
    if dct is None:
        dct = next((t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), None)
    value = (dct.get("value") or "") if dct is not None else ""
    try:
        return text, dt.date.fromisoformat(value[:10])
    except ValueError:
        return text, DEFAULT_BASE


def main(argv: Sequence[str]) -> int:
    records = []
    for path in _files(argv):
        text, base = _text_and_base(path)
        found = search_dates(
            text, languages=["en"], settings={"RELATIVE_BASE": dt.datetime.combine(base, dt.time())}
        )
        records.append({"source": str(path), "dates": [[words, when.isoformat()] for words, when in found or []]})
    sys.stdout.write(json.dumps(records, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
