"""Ingesting a corpus: read, deduplicate, code in parallel, store in batches.

::

    inputs ──> Feed (read, dedup) ──chunks──> workers (Coder) ──rows──> EventStore.write
                                    (processes, or a Dask cluster via Parquet partitions)

Every batch of documents is written in one transaction, together with its events, actors
and failures, so a run stopped at any moment (Ctrl-C, ``kill -9``, a power cut) leaves only
whole documents behind; running the same command again skips what is stored and codes the
rest, ending with exactly the rows of an uninterrupted run.
"""

from __future__ import annotations

import collections
import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from dragoman._extras import require
from dragoman._process import own_process, settle
from dragoman.corpus._feed import Feed
from dragoman.corpus._pool import Outcome, ProcessPool
from dragoman.corpus._work import ChunkResult, CoderOptions, WorkItem, code_chunk
from dragoman.corpus._writer import BatchWriter, IngestReport, ProgressCallback
from dragoman.errors import InputError
from dragoman.store import EventStore, RowBatch, RunRecord, failure_row, iter_partition_tables

if TYPE_CHECKING:  # this process only reads and stores: the workers import the Coder
    from dragoman._coder import Coder

__all__ = ["IngestReport", "ingest", "load_parquet"]

_log = logging.getLogger("dragoman")


def _init_coder(options: CoderOptions) -> Coder:
    own_process()  # a worker process: its Coder stays until the process ends
    coder = options.build()
    settle()
    return coder


def _code_payload(coder: Coder, payload: tuple[list[WorkItem], bool]) -> ChunkResult:
    items, keep_text = payload
    return code_chunk(coder, items, keep_text=keep_text)


def _died_reason(code: Any) -> str:
    hint = "; killed, perhaps out of memory" if code in (-9, 137) else ""
    return f"the worker process died while coding this document (exit code {code}{hint})"


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    workers: int = 1,
    coder: Coder | None = None,
    coder_options: CoderOptions | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    parquet_dir: str | Path | None = None,
    default_date: str | None = None,
    input_format: str = "auto",
    keep_text: bool = False,
    chunk_size: int = 4,
    commit_every: int = 200,
    commit_seconds: float = 10.0,
    stdin: IO[bytes] | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestReport:
    """Code documents from files and directories into an event store.

    Worker processes are started with ``spawn``: a script that calls this with workers must
    do so under ``if __name__ == "__main__":``.

    Args:
        paths: Files (text, HTML, JSON lines, WARC; ``.gz`` allowed), directories (walked
            recursively) or ``-``.
        db: The DuckDB file (created if missing).
        workers: Worker processes for the local engine (the Coder is loaded once and
            shared where the platform forks: Linux; else each worker loads its own).
        coder: Code in this process with this Coder instead of starting workers (for
            notebooks and tests; ``workers`` is then ignored).
        coder_options: Model and dictionaries for the workers' Coders.
        engine: ``local`` (worker processes) or ``dask`` (a Dask distributed cluster).
        scheduler: The Dask scheduler address (``tcp://host:8786``) for the dask engine.
        parquet_dir: Where Dask workers write their Parquet partitions (default:
            ``<db>.parts/`` beside the database); must be reachable by the workers and this
            process, such as a shared file system.
        default_date: Story date for documents that carry none.
        input_format: ``auto``, ``text``, ``jsonl``, ``html`` or ``warc``.
        keep_text: Store each document's full text.
        chunk_size: Documents per task sent to a worker.
        commit_every: Documents (and failures) per committed batch.
        commit_seconds: Commit at least this often while documents are coming in.
        stdin: Stream to read for ``-``.
        on_progress: Called with the report as it changes.

    Returns:
        The report. Ctrl-C stops the run after committing what was coded, with
        ``interrupted`` set.

    Raises:
        InputError: Invalid options (engine, workers, date, input format).
        StoreError: The database cannot be opened or written.
        ModelError: A worker cannot load the spaCy pipeline.
    """
    if engine not in ("local", "dask"):
        raise InputError(f"engine {engine!r} is unknown; use local or dask")
    if workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if engine == "dask" and not scheduler:
        raise InputError("the dask engine needs a scheduler address: --scheduler tcp://HOST:8786")
    if engine == "dask":
        require("dask", "dragoman ingest --engine dask")
    options = coder_options or CoderOptions()
    started = time.monotonic()
    run_started = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    report = IngestReport(db=str(db), engine=engine, workers=workers if coder is None else 1)
    pool = None
    if coder is None and engine == "local":
        # The first worker loads the Coder (seconds) while this process opens the store and
        # reads the inputs; it then forks the others, which share its memory (Linux).
        pool = ProcessPool(workers, _init_coder, (options,), _code_payload, share=True)
        pool.launch()
    try:
        with EventStore(db) as store:
            feed = Feed(
                store,
                paths,
                chunk_size=chunk_size,
                default_date=default_date,
                input_format=input_format,
                stdin=stdin,
            )
            report.files = feed.files
            report.bytes_total = feed.bytes_total
            writer = BatchWriter(
                store, feed, report, commit_every=commit_every, commit_seconds=commit_seconds
            )

            def progress() -> None:
                writer.refresh()
                report.seconds = time.monotonic() - started
                if on_progress is not None:
                    on_progress(report)

            if coder is not None or engine == "dask":
                report.phase = "coding"  # nothing to start here (Dask workers load lazily)
            try:
                if engine == "dask":
                    from dragoman.corpus._dask import run_on_dask

                    run_on_dask(
                        feed,
                        writer,
                        scheduler=str(scheduler),
                        parquet_dir=Path(parquet_dir) if parquet_dir else Path(f"{db}.parts"),
                        options=options,
                        keep_text=keep_text,
                        progress=progress,
                    )
                elif coder is not None:
                    _run_here(coder, feed, writer, keep_text, progress)
                elif pool is not None:
                    _run_pool(pool, feed, writer, keep_text, progress)
                writer.commit()
            except KeyboardInterrupt:
                report.interrupted = True
                writer.commit()
            store.record_run(_run_record(report, run_started, options, coder))
            report.phase = "done"
            progress()
    finally:
        if pool is not None:
            pool.terminate()
    return report


def _run_record(
    report: IngestReport, started: dt.datetime, options: CoderOptions, coder: Coder | None
) -> RunRecord:
    """How this run coded, for the store's ``runs`` table."""
    model, ner = options.model, options.ner
    if coder is not None:  # a Coder given by the caller (or anything that codes like one)
        nlp = getattr(coder, "nlp", None)
        model = str(nlp.meta.get("name")) if nlp is not None else None
        ner = bool(getattr(coder, "ner", False))
    return RunRecord(
        started_at=started,
        engine=report.engine,
        workers=report.workers,
        model=model,
        ner=ner,
        documents=report.documents_stored,
        events=report.events,
        failures=report.failures,
        interrupted=report.interrupted,
        options={"verbs": list(options.verbs), "actors": list(options.actors)}
        if coder is None
        else {"coder": "given"},
    )


def _run_here(
    coder: Coder, feed: Feed, writer: BatchWriter, keep_text: bool, progress: Callable[[], None]
) -> None:
    while (chunk := feed.next_chunk()) is not None:
        writer.add(code_chunk(coder, chunk, keep_text=keep_text).rows)
        writer.maybe_commit()
        progress()


def _run_pool(
    pool: ProcessPool,
    feed: Feed,
    writer: BatchWriter,
    keep_text: bool,
    progress: Callable[[], None],
) -> None:
    progress()
    writer.prepare()  # while the workers load
    pool.start()
    launched = pool.launched_at if pool.launched_at is not None else time.monotonic()
    writer.report.startup_seconds = time.monotonic() - launched
    writer.report.phase = "coding"
    retry: collections.deque[list[WorkItem]] = collections.deque()
    try:
        while True:
            while pool.free_slots() > 0:
                chunk = retry.popleft() if retry else feed.next_chunk()
                if chunk is None:
                    break
                pool.submit((chunk, keep_text))
            if pool.outstanding == 0 and not retry:
                break
            for outcome in pool.poll(timeout=0.5):
                _absorb(outcome, writer, retry)
            writer.report.worker_restarts = pool.restarts
            writer.maybe_commit()
            progress()
        pool.close()
    finally:
        pool.terminate()


def _absorb(
    outcome: Outcome, writer: BatchWriter, retry: collections.deque[list[WorkItem]]
) -> None:
    items: list[WorkItem] = outcome.payload[0]
    if outcome.status == "ok":
        writer.add(outcome.value.rows)
        return
    if outcome.status == "lost":
        retry.appendleft(items)
        return
    if outcome.status == "died" and len(items) > 1:
        # Find the document that kills workers: code the chunk's documents one at a time.
        retry.extend([item] for item in items)
        return
    reason = (
        _died_reason(outcome.value)
        if outcome.status == "died"
        else f"coding failed: {outcome.value}"
    )
    stage = "worker" if outcome.status == "died" else "code"
    writer.add(
        RowBatch(
            failures=[
                failure_row(stage, reason, file=i.file, line=i.line, doc_id=i.document.id)
                for i in items
            ]
        )
    )


def load_parquet(
    directory: str | Path, db: str | Path, *, on_progress: ProgressCallback | None = None
) -> IngestReport:
    """Load the Parquet partitions of a Dask run into a store (each in one transaction).

    Loading is idempotent: partitions already loaded, and documents already stored with the
    same text, add nothing; a document whose id is stored with another text is recorded as a
    ``duplicate`` failure.

    Args:
        directory: The partition directory (``--parquet-dir`` of the Dask run).
        db: The DuckDB file (created if missing).
        on_progress: Called with the report after each partition.

    Returns:
        The report.

    Raises:
        StoreError: The directory holds no partitions, a file is unreadable, or the database
            cannot be written.
    """
    started = time.monotonic()
    report = IngestReport(db=str(db), engine="parquet", workers=0, phase="coding")
    with EventStore(db) as store:
        writer = BatchWriter(store, None, report, commit_every=1, commit_seconds=0)
        try:
            for name, tables in iter_partition_tables(directory):
                report.files += 1
                report.documents_read += tables["documents"].num_rows
                result = writer.write_tables(tables)
                _log.info("loaded partition %s: %d new documents", name, result.documents)
                report.seconds = time.monotonic() - started
                if on_progress is not None:
                    on_progress(report)
        except KeyboardInterrupt:
            report.interrupted = True
    report.seconds = time.monotonic() - started
    report.phase = "done"
    return report
