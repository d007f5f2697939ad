"""Streaming JSON Lines output: one event per line, written as it goes (never the whole file in memory) and
still atomically (a temp file renamed over the old one when complete)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from chronology.errors import OutputError
from chronology.models import Event


def write_events_jsonl(path: Path, events: Iterable[Event]) -> int:
    """Write each event as one compact JSON line to `path`; returns the number of lines written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    count = 0
    try:
        os.fchmod(handle, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            for event in events:
                stream.write(event.model_dump_json())
                stream.write("\n")
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
        raise
    return count
