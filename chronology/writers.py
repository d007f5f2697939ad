"""Output files, written atomically: a temp file in the target folder, then a rename over the old file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from chronology.errors import OutputError


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces `path` only when the block completes; on any failure the temp file
    is removed and the old file stays as it was."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        os.fchmod(handle, 0o644)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException as error:
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
        raise


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` so that readers see the old file or the whole new one, never a part."""
    with atomic_stream(path) as stream:
        stream.write(content)
