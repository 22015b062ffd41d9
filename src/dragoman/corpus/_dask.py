"""The Dask engine: coding on a Dask distributed cluster, handing rows back as Parquet.

The ingesting process (the Dask client) reads and deduplicates the inputs as for the local
engine and submits chunks of documents as tasks. Each task codes its chunk with a Coder the
Dask worker process builds once, writes the rows as one Parquet partition (one file per
table) into the partition directory, and returns the partition's name; the client loads
each finished partition into DuckDB in one transaction. The partitions stay on disk, so
``dragoman ingest --from-parquet DIR`` can load them into another database later.

Start Dask workers with one thread each (``dask worker ADDR --nthreads 1 --nworkers N``):
spaCy holds the GIL, so two threads in one worker process code no faster than one.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman.corpus._work import CoderOptions, WorkItem, chunk_name, code_chunk
from dragoman.errors import DragomanError
from dragoman.store import RowBatch, failure_row, read_partition, write_partition

if TYPE_CHECKING:
    from dragoman._coder import Coder
    from dragoman.corpus._feed import Feed
    from dragoman.corpus._writer import BatchWriter

__all__ = ["code_partition", "run_on_dask"]

_log = logging.getLogger("dragoman")

# One Coder per Dask worker process and options, built on the first task.
_CODERS: dict[CoderOptions, Coder] = {}
_CODERS_LOCK = threading.Lock()


def _coder_for(options: CoderOptions) -> Coder:
    with _CODERS_LOCK:
        if options not in _CODERS:
            _CODERS[options] = options.build()
        return _CODERS[options]


def code_partition(
    items: list[WorkItem], options: CoderOptions, directory: str, keep_text: bool
) -> tuple[str, int, int, int]:
    """Code a chunk on a Dask worker and write it as a Parquet partition.

    Args:
        items: The documents.
        options: How to build the worker's Coder.
        directory: The partition directory.
        keep_text: Store the full texts.

    Returns:
        ``(partition name, documents, events, failures)``.
    """
    name = chunk_name(items)
    result = code_chunk(_coder_for(options), items, keep_text=keep_text)
    write_partition(result.rows, directory, name)
    return name, result.documents, result.events, result.failures


def run_on_dask(
    feed: Feed,
    writer: BatchWriter,
    *,
    scheduler: str,
    parquet_dir: Path,
    options: CoderOptions,
    keep_text: bool,
    progress: Callable[[], None],
) -> None:
    """Code the feed's documents on a Dask cluster and store them through ``writer``.

    Raises:
        DragomanError: The scheduler cannot be reached.
        StoreError: A partition cannot be read or stored.
    """
    # distributed's own annotations are partial; treat it as untyped.
    distributed: Any = importlib.import_module("distributed")
    try:
        client = distributed.Client(scheduler, timeout="10s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise DragomanError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc}); start one with "
            "'dask scheduler' and workers with 'dask worker ADDRESS --nthreads 1'"
        ) from exc
    parquet_dir.mkdir(parents=True, exist_ok=True)
    directory = str(parquet_dir.resolve())
    try:
        threads = sum(client.nthreads().values()) or 1
        limit = 2 * threads
        in_flight: dict[Any, list[WorkItem]] = {}

        def submit() -> Any:
            chunk = feed.next_chunk()
            if chunk is None:
                return None
            future = client.submit(code_partition, chunk, options, directory, keep_text, pure=False)
            in_flight[future] = chunk
            return future

        first: list[Any] = []
        while len(first) < limit and (future := submit()) is not None:
            first.append(future)
        if not first:
            return
        futures = distributed.as_completed(first, loop=client.loop)
        for done in futures:
            chunk = in_flight.pop(done)
            _collect(done, chunk, directory, writer)
            writer.maybe_commit()
            progress()
            while len(in_flight) < limit and (future := submit()) is not None:
                futures.add(future)
    finally:
        client.close()


def _collect(future: Any, chunk: list[WorkItem], directory: str, writer: BatchWriter) -> None:
    try:
        name, *_counts = future.result()
    except Exception as exc:  # a task that failed or whose worker died (KilledWorker)
        reason = f"the Dask task failed: {type(exc).__name__}: {exc}"
        writer.add(
            RowBatch(
                failures=[
                    failure_row("worker", reason, file=i.file, line=i.line, doc_id=i.document.id)
                    for i in chunk
                ]
            )
        )
        return
    writer.write_tables(read_partition(directory, name))
