"""Output files, written atomically: a temp file in the target folder, then a rename over the old file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from chronology.errors import OutputError


def _output_error(path: Path, error: OSError) -> OutputError:
    return OutputError(f"cannot write {path}: {error.strerror or error}")


def _temp_stream(path: Path) -> tuple[TextIO, Path]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _output_error(path, error) from None
    try:
        os.fchmod(handle, 0o644)
        return os.fdopen(handle, "w", encoding="utf-8", newline="\n"), Path(temp_name)
    except BaseException:
        os.close(handle)
        Path(temp_name).unlink(missing_ok=True)
        raise


class OutputSet:
    """Streams for several output files, written to temp files beside them; see atomic_outputs."""

    def __init__(self) -> None:
        self._open: list[tuple[Path, TextIO, Path]] = []

    def open(self, path: Path) -> TextIO:
        """A text stream whose content will replace `path` when every stream of the set is complete."""
        stream, temp = _temp_stream(path)
        self._open.append((path, stream, temp))
        return stream

    def _commit(self) -> None:
        for path, stream, _ in self._open:
            try:
                stream.flush()
                os.fsync(stream.fileno())
                stream.close()
            except OSError as error:
                raise _output_error(path, error) from None
        for path, _, temp in self._open:
            try:
                os.replace(temp, path)
            except OSError as error:
                raise _output_error(path, error) from None

    def _discard(self) -> None:
        for _, stream, temp in self._open:
            stream.close()
            temp.unlink(missing_ok=True)


@contextmanager
def atomic_outputs() -> Iterator[OutputSet]:
    """Several output files written as one: each is streamed to a temp file, and only when the block completes
    are they all renamed over the old files. On any failure, Ctrl-C included, every temp file is removed and
    the old files stay as they were, so a run never leaves some outputs new and others stale."""
    outputs = OutputSet()
    try:
        yield outputs
        outputs._commit()
    except BaseException as error:
        outputs._discard()
        if isinstance(error, OSError):
            raise OutputError(f"cannot write the outputs: {error.strerror or error}") from None
        raise


@contextmanager
def atomic_stream(path: Path) -> Iterator[TextIO]:
    """A text stream whose content replaces `path` only when the block completes; on any failure the temp file
    is removed and the old file stays as it was."""
    with atomic_outputs() as outputs:
        stream = outputs.open(path)
        try:
            yield stream
        except OSError as error:
            raise _output_error(path, error) from None


def write_atomic(path: Path, content: str) -> None:
    """Write `content` to `path` so that readers see the old file or the whole new one, never a part."""
    with atomic_stream(path) as stream:
        stream.write(content)
