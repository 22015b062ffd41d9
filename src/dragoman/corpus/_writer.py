"""Committing coded rows in batches, and the report of an ingest run."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dragoman.store import EventStore, RowBatch, WriteResult

if TYPE_CHECKING:
    import pyarrow as pa

    from dragoman.corpus._feed import Feed

__all__ = ["BatchWriter", "IngestReport", "ProgressCallback", "note_failure"]

_log = logging.getLogger("dragoman")

#: Failure messages kept in the report for the summary.
_MAX_MESSAGES = 50


@dataclass
class IngestReport:
    """Counts of one ingest run, updated while it runs (progress callbacks receive it).

    Attributes:
        db: The database file.
        engine: ``local`` or ``dask`` (or ``parquet`` for :func:`load_parquet`).
        workers: Worker processes (local engine).
        files: Input files found.
        bytes_total: Their total size (0 when unknown, e.g. stdin).
        bytes_read: Bytes read so far.
        bytes_done: Estimated bytes whose documents are finished (stored, skipped or failed):
            what a progress bar should show, since reading runs ahead of coding.
        documents_read: Readable documents found in the inputs.
        documents_coded: Documents coded by this run so far, counted as each result arrives
            (stored ones included, and those waiting for their batch's commit): what a
            progress bar counts, so it moves with every chunk, not every commit.
        documents_stored: Documents coded and stored by this run.
        documents_skipped: Documents already stored (or repeated) with the same text.
        events: Event mentions stored by this run.
        failures: Problems found by this run (bad input, duplicates, coding errors).
        failures_by_stage: Those problems by stage (read, duplicate, code, worker).
        failure_messages: The first problems, as ``file line N: reason``.
        batches: Transactions committed.
        worker_restarts: Worker processes that died and were replaced.
        seconds: Wall-clock time so far.
        startup_seconds: Of which starting up: until every worker had loaded its Coder.
        interrupted: True when the run was stopped by Ctrl-C (what was committed stays).
        phase: ``starting`` (workers loading their Coders), ``coding`` or ``done``.
    """

    db: str
    engine: str = "local"
    workers: int = 1
    files: int = 0
    bytes_total: int = 0
    bytes_read: int = 0
    bytes_done: int = 0
    documents_read: int = 0
    documents_coded: int = 0
    documents_stored: int = 0
    documents_skipped: int = 0
    events: int = 0
    failures: int = 0
    failures_by_stage: collections.Counter[str] = field(default_factory=collections.Counter)
    failure_messages: list[str] = field(default_factory=list)
    batches: int = 0
    worker_restarts: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    interrupted: bool = False
    phase: str = "starting"

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        data = dict(vars(self))
        data["failures_by_stage"] = dict(self.failures_by_stage)
        return data


ProgressCallback = Callable[[IngestReport], None]


def note_failure(report: IngestReport, row: tuple[Any, ...]) -> None:
    _failure_id, _doc, stage, reason, file, line = row[:6]
    report.failures += 1
    report.failures_by_stage[stage] += 1
    if len(report.failure_messages) < _MAX_MESSAGES:
        where = f"{file} line {line}" if line else str(file)
        report.failure_messages.append(f"{where}: {reason}")


class BatchWriter:
    """Accumulates rows and commits them in batches."""

    def __init__(
        self,
        store: EventStore,
        feed: Feed | None,
        report: IngestReport,
        *,
        commit_every: int,
        commit_seconds: float,
    ) -> None:
        self.store = store
        self.feed = feed
        self.report = report
        self.commit_every = commit_every
        self.commit_seconds = commit_seconds
        self.pending = RowBatch()
        self._last = time.monotonic()
        self.store_skipped = 0  # documents the store already had (same text)

    def _refresh_skipped(self) -> None:
        feed_skipped = self.feed.skipped if self.feed is not None else 0
        self.report.documents_skipped = self.store_skipped + feed_skipped

    def refresh(self) -> None:
        """Bring the report's counts of read and skipped documents up to date."""
        if self.feed is not None:
            self.report.bytes_read = self.feed.bytes_read
            self.report.documents_read = self.feed.documents_read
        self._refresh_skipped()
        report = self.report
        if self.feed is not None and self.feed.exhausted and not self.feed.pending:
            report.bytes_done = report.bytes_read
        elif report.documents_read:
            # Reading runs ahead of coding: count the bytes in proportion to finished docs.
            coded = max(report.documents_coded, report.documents_stored)
            finished = coded + report.documents_skipped + report.failures
            share = min(1.0, finished / (report.documents_read + self._read_failures()))
            report.bytes_done = int(report.bytes_read * share)

    def _read_failures(self) -> int:
        return self.report.failures_by_stage.get("read", 0)

    def add(self, rows: RowBatch) -> None:
        self.pending.extend(rows)
        self.report.documents_coded += len(rows.documents)
        for row in rows.failures:
            note_failure(self.report, row)

    def prepare(self) -> None:
        """Do the first commit's one-time work now, while the workers load their Coders.

        The first conversion of rows to Arrow tables imports pandas (pyarrow checks each
        array for pandas objects) and the store's write imports Arrow's compute functions:
        together a second or two, during which a first commit made while the workers code
        would leave their queues empty.
        """
        import pyarrow.compute  # noqa: F401  (EventStore.write uses it)

        RowBatch().to_tables(dt.datetime.now(dt.UTC).replace(tzinfo=None))

    def maybe_commit(self) -> None:
        size = len(self.pending.documents) + len(self.pending.failures)
        if self.feed is not None:
            size += len(self.feed.failures)
        if size >= self.commit_every or (
            size and time.monotonic() - self._last >= self.commit_seconds
        ):
            self.commit()

    def commit(self) -> WriteResult | None:
        if self.feed is not None:
            for row in self.feed.failures:
                note_failure(self.report, row)
            self.pending.failures.extend(self.feed.take_failures())
        if self.pending.is_empty():
            return None
        batch, self.pending = self.pending, RowBatch()
        result = self.store.write(batch)
        self._last = time.monotonic()
        self.report.batches += 1
        self.report.documents_stored += result.documents
        self.report.events += result.mentions
        self.store_skipped += result.skipped
        self._refresh_skipped()
        if self.feed is not None:
            self.feed.stored([row[0] for row in batch.documents])
        _log.info(
            "committed batch %d: %d documents, %d events, %d failures (stored so far: %d)",
            self.report.batches,
            result.documents,
            result.mentions,
            len(batch.failures),
            self.report.documents_stored,
        )
        return result

    def write_tables(self, tables: dict[str, pa.Table]) -> WriteResult:
        """Commit what is pending, then write ready-made tables (a partition) as one batch."""
        self.commit()
        for row in tables["failures"].to_pylist():
            note_failure(self.report, tuple(row.values()))
        result = self.store.write(tables)
        self._last = time.monotonic()
        self.report.batches += 1
        self.report.documents_stored += result.documents
        self.report.events += result.mentions
        self.store_skipped += result.skipped
        self._refresh_skipped()
        if result.duplicates:
            self.report.failures += result.duplicates
            self.report.failures_by_stage["duplicate"] += result.duplicates
        if self.feed is not None:
            self.feed.stored([str(v) for v in tables["documents"].column("doc_id").to_pylist()])
        return result
