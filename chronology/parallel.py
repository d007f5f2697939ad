"""Parallel analysis: articles are analysed in worker processes (locally) or on a Dask cluster, and the
results come back in input order, so the timeline is byte-identical for any number of workers.

Documents are read lazily, split into their articles here, and the articles sent in chunks: a file of
thousands of pasted articles is shared among the workers like a folder of small files. HTML pages go to the
workers as read: extracting their text is the costliest part of reading, and would hold up the parent. Only a
bounded number of chunks is in flight at any time, so the text held in memory does not grow with the archive.
Workers return lean analyses (no article text).
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from chronology.context import DateHints
from chronology.errors import ChronologyError
from chronology.ingest import Input, Page, ProblemReporter, split_articles
from chronology.models import Article
from chronology.pipeline import ArticleAnalysis, analyse_article, analyse_document

# A chunk closes at this many characters or articles: large enough to amortise the inter-process transfer,
# small enough that workers stay evenly loaded and little text is in flight.
CHUNK_CHARS = 200_000
CHUNK_ARTICLES = 256
# Chunks in flight per worker: one running, one queued, so no worker waits for the reader.
IN_FLIGHT_PER_WORKER = 2
# Dask: chunks in flight per worker thread, more than locally to cover the network round trips.
DASK_IN_FLIGHT_PER_WORKER = 4
# How long to keep trying to reach a Dask scheduler before giving up with an error.
SCHEDULER_TIMEOUT = "10s"
# The garbage collector's pace for a build: a young-generation collection every 50,000 allocations rather than
# 700. Analysis makes and drops millions of short-lived objects, almost none in reference cycles, and each older
# collection traces every long-lived one (models, caches, the merge's entries): at the default pace collecting
# took about 7% of a build's CPU time and found next to nothing.
GC_THRESHOLDS = (50_000, 20, 20)

Chunk = list[Article | Page]


@dataclass(frozen=True)
class Skipped:
    """An input a worker found nothing in: the problem to report, in input order."""

    message: str


Result = ArticleAnalysis | Skipped


class _Pending(Protocol):
    """A chunk's analysis under way: a local process pool's future or a Dask cluster's."""

    def result(self) -> list[Result]: ...

    def cancel(self) -> object: ...


def pace_collector() -> None:
    """Collect garbage at GC_THRESHOLDS' pace in this process (the build command's and each worker's)."""
    gc.set_threshold(*GC_THRESHOLDS)


def default_workers() -> int:
    """All the cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def chunks(inputs: Iterable[Input]) -> Iterator[Chunk]:
    """The documents' articles (and the pages as read) in consecutive groups, each up to CHUNK_CHARS characters
    (or one larger article)."""
    chunk: Chunk = []
    size = 0
    for item in _pieces(inputs):
        length = len(item.markup if isinstance(item, Page) else item.text)
        if chunk and (size + length > CHUNK_CHARS or len(chunk) >= CHUNK_ARTICLES):
            yield chunk
            chunk, size = [], 0
        chunk.append(item)
        size += length
    if chunk:
        yield chunk


def _pieces(inputs: Iterable[Input]) -> Iterator[Article | Page]:
    for item in inputs:
        if isinstance(item, Page):
            yield item
        else:
            yield from split_articles(item)


def analyse_chunk(chunk: Chunk, hints: DateHints, explicit_only: bool = False) -> list[Result]:
    """Lean analyses of the articles of a chunk, in order (the unit of work of a worker)."""
    results: list[Result] = []
    for item in chunk:
        if isinstance(item, Article):
            results.append(analyse_article(item, hints, explicit_only).lean())
        elif (document := item.document()) is not None:
            results.extend(analyse_document(document, hints, explicit_only))
        else:
            results.append(Skipped(item.no_text))
    return results


def _analyses(results: Iterable[Result], on_problem: ProblemReporter | None) -> Iterator[ArticleAnalysis]:
    for result in results:
        if isinstance(result, Skipped):
            if on_problem is not None:
                on_problem(result.message)
        else:
            yield result


def _pool(workers: int) -> ProcessPoolExecutor:
    # Forkserver workers start from a clean, single-threaded process that has already imported the package:
    # fast to start, and safe even when the parent runs threads (a Dask client, a test runner). The warm-up
    # builds the tagger's plan once in the server, not once per worker.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["chronology.parallel", "chronology.warmup"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def _in_order(
    submit: Callable[[Chunk], _Pending], inputs: Iterable[Input], in_flight: int, on_problem: ProblemReporter | None
) -> Iterator[ArticleAnalysis]:
    """The analyses of the inputs' chunks, each submitted for analysis (to a process pool or a cluster), taken
    back in input order with at most `in_flight` chunks out at a time."""
    pending: deque[_Pending] = deque()
    try:
        for chunk in chunks(inputs):
            pending.append(submit(chunk))
            if len(pending) >= in_flight:
                yield from _analyses(pending.popleft().result(), on_problem)
        while pending:
            yield from _analyses(pending.popleft().result(), on_problem)
    finally:
        for future in pending:
            future.cancel()


def analyse_documents(
    inputs: Iterable[Input],
    hints: DateHints,
    workers: int = 1,
    explicit_only: bool = False,
    on_problem: ProblemReporter | None = None,
) -> Iterator[ArticleAnalysis]:
    """Lean analyses of every article of the inputs, in input order, using `workers` processes (1 = in this
    process). A page without text is reported through on_problem, in its place in the input order."""
    if workers < 1:
        raise ChronologyError(f"workers must be at least 1, not {workers}")
    if workers == 1:
        for item in inputs:
            chunk: Chunk = [item] if isinstance(item, Page) else list(split_articles(item))
            yield from _analyses(analyse_chunk(chunk, hints, explicit_only), on_problem)
        return
    with _pool(workers) as pool:
        yield from _in_order(
            lambda chunk: pool.submit(analyse_chunk, chunk, hints, explicit_only),
            inputs, workers * IN_FLIGHT_PER_WORKER, on_problem,
        )


def analyse_documents_dask(
    inputs: Iterable[Input],
    hints: DateHints,
    scheduler: str | None = None,
    local_workers: int | None = None,
    explicit_only: bool = False,
    on_problem: ProblemReporter | None = None,
) -> Iterator[ArticleAnalysis]:
    """analyse_documents on a Dask cluster: chunks of articles (and HTML pages as read) are analysed on the
    cluster's workers and their analyses taken back in input order, a bounded number in flight, so neither the
    cluster nor this client ever holds the whole archive. `scheduler` is the address of a running scheduler
    (e.g. tcp://10.0.0.5:8786); without it a LocalCluster of `local_workers` processes is started."""
    try:
        # Imported as an untyped module: distributed ships incomplete type hints.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise ChronologyError(
            "the dask engine needs the optional dependencies: pip install 'chronology[dask]'"
        ) from None
    cluster: Any = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        else:
            cluster = distributed.LocalCluster(
                n_workers=local_workers or default_workers(), threads_per_worker=1, processes=True,
                dashboard_address=None,
            )
            client = distributed.Client(cluster)
    except OSError as error:
        raise ChronologyError(f"cannot reach the Dask scheduler {scheduler}: {error}") from None
    try:
        with client:
            # Sent to every worker once, not with every chunk: an archive's manifest can list 100,000 files.
            shared_hints = client.scatter(hints, broadcast=True)
            in_flight = max(1, sum(client.nthreads().values())) * DASK_IN_FLIGHT_PER_WORKER
            yield from _in_order(
                # pure=False: a chunk's key need not be derived by hashing its text.
                lambda chunk: client.submit(analyse_chunk, chunk, shared_hints, explicit_only, pure=False),
                inputs, in_flight, on_problem,
            )
    finally:
        if cluster is not None:
            cluster.close()
