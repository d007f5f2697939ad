"""The parallel layer takes results back in input order with a bounded number of chunks out, whichever engine
runs them: the memory of a run does not grow with the archive."""

from __future__ import annotations

import pytest

from chronology.models import Document
from chronology.parallel import Chunk, Result, Skipped, _in_order


class _Future:
    """A chunk's work done at once; what the engine's futures offer (result, cancel)."""

    def __init__(self, chunk: Chunk, out: list[_Future]) -> None:
        self.chunk = chunk
        self.cancelled = False
        self._out = out

    def result(self) -> list[Result]:
        self._out.remove(self)
        return [Skipped(item.source) for item in self.chunk]

    def cancel(self) -> bool:
        self.cancelled = True
        return True


def _documents(count: int) -> list[Document]:
    return [
        Document(source=f"doc{number}.txt", text=f"Story {number} on March 3, 1999.", format="text")
        for number in range(count)
    ]


def test_chunks_come_back_in_input_order_with_a_bounded_number_out() -> None:
    out: list[_Future] = []
    most_out = 0

    def submit(chunk: Chunk) -> _Future:
        nonlocal most_out
        out.append(_Future(chunk, out))
        most_out = max(most_out, len(out))
        return out[-1]

    # Each document is one article; a chunk holds up to CHUNK_ARTICLES of them.
    reported: list[str] = []
    assert list(_in_order(submit, _documents(2000), 3, reported.append)) == []
    assert reported == [f"doc{number}.txt" for number in range(2000)]
    assert most_out == 3


def test_an_interrupted_run_cancels_the_chunks_still_out() -> None:
    out: list[_Future] = []

    def submit(chunk: Chunk) -> _Future:
        out.append(_Future(chunk, out))
        return out[-1]

    def interrupt(message: str) -> None:
        if message == "doc600.txt":  # in the third chunk, taken when the fifth has been sent
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        list(_in_order(submit, _documents(2000), 3, interrupt))
    assert [future.chunk[0].source for future in out] == ["doc768.txt", "doc1024.txt"]
    assert all(future.cancelled for future in out)
