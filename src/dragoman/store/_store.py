"""The event store: an embedded DuckDB database of documents, events and failures.

One process writes at a time (DuckDB locks the file); each :meth:`EventStore.write` is one
transaction, so an interrupted run leaves whole batches only, and writing the same documents
again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from dragoman.errors import StoreError
from dragoman.store._rows import RowBatch, failure_row
from dragoman.store._runs import RunRecord, record_run
from dragoman.store._schema import SCHEMA_VERSION, TABLES, ensure_schema, schema_version

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

__all__ = ["EventStore", "WriteResult"]

_log = logging.getLogger("dragoman")

#: Document ids looked up per query when checking what is already stored.
_LOOKUP_CHUNK = 2048
#: DuckDB's messages for a file another process holds ("Could not set lock on file ...:
#: Conflicting lock is held"); a damaged file's "block ... checksum" must not match.
_LOCKED = re.compile(r"\b(?:set lock|conflicting lock|lock on file)\b", re.IGNORECASE)
_DAMAGED = re.compile(r"corrupt|checksum", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one :meth:`EventStore.write` added.

    Attributes:
        documents: New documents stored.
        mentions: New event mentions stored.
        failures: New failure rows.
        skipped: Documents already stored with the same text (nothing added).
        duplicates: Documents whose id is stored with another text (recorded as failures).
    """

    documents: int = 0
    mentions: int = 0
    failures: int = 0
    skipped: int = 0
    duplicates: int = 0


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    import duckdb

    if read_only and not os.path.exists(path):
        raise StoreError(f"{path}: no such database; create it with 'dragoman ingest'")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        message = str(exc).splitlines()[0]
        if _LOCKED.search(message):  # "Could not set lock on file", not "block" checksums
            raise StoreError(
                f"{path} is in use by another process ({message}); wait for it to finish"
            ) from exc
        if _DAMAGED.search(message):
            raise StoreError(
                f"{path} is damaged ({message}); restore it from a backup or ingest again "
                "into a new file"
            ) from exc
        raise StoreError(f"cannot open {path}: {message}") from exc


class EventStore:
    """An event database (a DuckDB file), created with the current schema if new.

    Example:
        >>> with EventStore("events.duckdb") as store:              # doctest: +SKIP
        ...     store.sql("SELECT count(*) FROM events")

    Args:
        path: The database file (created if missing, unless ``read_only``).
        read_only: Open for reading only (several readers may share a file).
        threads: DuckDB worker threads (default: DuckDB's, one per core).

    Raises:
        StoreError: The file cannot be opened, is locked by a writer, is not a Dragoman
            store, or has a schema this version cannot read.
    """

    def __init__(
        self, path: str | Path, *, read_only: bool = False, threads: int | None = None
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._con = _connect(self.path, read_only)
        try:
            if threads is not None:
                self._con.execute(f"SET threads = {int(threads)}")
            version = ensure_schema(self._con, self.path, writable=not read_only)
            if version < SCHEMA_VERSION:
                # An old database opened for reading: migrate it once, then read.
                self._con.close()
                with EventStore(self.path):
                    pass
                self._con = _connect(self.path, read_only)
            self.version = schema_version(self._con) or SCHEMA_VERSION
        except BaseException:
            self._con.close()
            raise

    def cursor(self) -> EventStore:
        """Return another connection to the same open database, as an EventStore.

        Its queries run beside this store's, and :meth:`interrupt` on it stops only its own.
        Close it before this store.
        """
        other = object.__new__(EventStore)  # shares the open database: nothing to check
        other.path, other.read_only, other.version = self.path, self.read_only, self.version
        other._con = self._con.cursor()
        return other

    def interrupt(self) -> None:
        """Stop the query running on this connection; it raises :class:`StoreError`."""
        self._con.interrupt()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for your own queries."""
        return self._con

    def close(self) -> None:
        """Close the database (a checkpoint folds the write-ahead log into the file)."""
        self._con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def record_run(self, run: RunRecord) -> str:
        """Record an ingest run in the ``runs`` table; return its id."""
        return record_run(self._con, run)

    def sql(self, query: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a query and return all its rows.

        Raises:
            StoreError: The query fails.
        """
        import duckdb

        try:
            return self._con.execute(query, params or []).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed: {exc}") from exc

    def arrow(self, query: str) -> pa.Table:
        """Run a query and return its result as an Arrow table."""
        return self._con.sql(query).to_arrow_table()

    def record_batches(self, query: str, batch_size: int = 65_536) -> pa.RecordBatchReader:
        """Run a query and stream its result as Arrow record batches."""
        return self._con.sql(query).to_arrow_reader(batch_size)

    def count(self, table: str) -> int:
        """Return the number of rows of a table or view."""
        if table not in (*TABLES, "events"):
            raise StoreError(f"unknown table {table!r}")
        return int(self.sql(f"SELECT count(*) FROM {table}")[0][0])

    def known_documents(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Return the content hash of each of these documents that is stored.

        Args:
            doc_ids: Document ids.

        Returns:
            ``{doc_id: content_hash}`` for the stored ones.
        """
        found: dict[str, str] = {}
        for start in range(0, len(doc_ids), _LOOKUP_CHUNK):
            chunk = list(doc_ids[start : start + _LOOKUP_CHUNK])
            rows = self.sql(
                "SELECT doc_id, content_hash FROM documents "
                "WHERE doc_id IN (SELECT unnest($1::VARCHAR[]))",
                [chunk],
            )
            found.update((str(a), str(b)) for a, b in rows)
        return found

    def write(self, batch: RowBatch | dict[str, pa.Table]) -> WriteResult:
        """Write a batch of rows in one transaction.

        Documents already stored with the same content hash are skipped with all their rows;
        a document whose id is stored with another text is recorded as a ``duplicate``
        failure instead. Rows whose key exists already are left as they are, so writing the
        same batch twice adds nothing. Storing a document clears its earlier ``code`` and
        ``worker`` failures, and the ``read`` failure of its file and line (fixed input).

        Args:
            batch: Rows (a :class:`RowBatch`) or Arrow tables keyed by table name.

        Returns:
            What was added.

        Raises:
            StoreError: The database rejected the batch; nothing of it was written.
        """
        import duckdb
        import pyarrow as pa
        import pyarrow.compute as pc

        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        tables = batch.to_tables(now) if isinstance(batch, RowBatch) else dict(batch)
        docs = tables["documents"]
        ids = [str(v) for v in docs.column("doc_id").to_pylist()]
        hashes = docs.column("content_hash").to_pylist()
        files = docs.column("file").to_pylist()
        lines = docs.column("line").to_pylist()
        known = self.known_documents(ids)
        keep: list[int] = []
        taken: dict[str, str] = {}
        extra_failures: list[tuple[Any, ...]] = []
        skipped = 0
        for index, (doc_id, digest) in enumerate(zip(ids, hashes, strict=True)):
            previous = known.get(doc_id, taken.get(doc_id))
            if previous is None:
                taken[doc_id] = digest
                keep.append(index)
            elif previous == digest:
                skipped += 1
            else:
                extra_failures.append(
                    failure_row(
                        "duplicate",
                        "another document with this id and a different text is already "
                        "stored; give each document its own id",
                        file=files[index],
                        line=lines[index],
                        doc_id=doc_id,
                    )
                )
        if len(keep) < len(ids):
            kept = pa.array([ids[i] for i in keep], pa.string())
            tables["documents"] = docs.take(pa.array(keep, pa.int64()))
            for name in ("mentions", "actors", "quotes"):
                table = tables[name]
                tables[name] = table.filter(pc.is_in(table.column("doc_id"), value_set=kept))
        if extra_failures:
            extra = RowBatch(failures=extra_failures).to_tables(now)["failures"]
            tables["failures"] = pa.concat_tables([tables["failures"], extra])
        counts: dict[str, int] = {}
        con = self._con
        try:
            con.execute("BEGIN TRANSACTION")
            for name in TABLES:
                table = tables[name]
                if table.num_rows == 0:
                    counts[name] = 0
                    continue
                view = f"_dragoman_batch_{name}"
                con.register(view, table)
                try:
                    result = con.execute(
                        f"INSERT INTO {name} BY NAME SELECT * FROM {view} ON CONFLICT DO NOTHING"
                    ).fetchall()
                finally:
                    con.unregister(view)
                counts[name] = int(result[0][0]) if result else 0
            if tables["documents"].num_rows:
                # Stored now: earlier failures of these documents are resolved (a worker
                # crash, or a line of the input that was fixed since).
                con.register(
                    "_dragoman_stored", tables["documents"].select(["doc_id", "file", "line"])
                )
                try:
                    con.execute(
                        "DELETE FROM failures WHERE failure_id IN ("
                        " SELECT f.failure_id FROM failures AS f JOIN _dragoman_stored AS d"
                        " ON (f.stage IN ('code', 'worker') AND f.doc_id = d.doc_id)"
                        " OR (f.stage = 'read' AND f.file = d.file"
                        "     AND f.line IS NOT DISTINCT FROM d.line))"
                    )
                finally:
                    con.unregister("_dragoman_stored")
            con.execute("COMMIT")
        except BaseException as exc:  # Ctrl-C included: never leave a transaction open
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                _log.debug("rollback after a failed write failed too", exc_info=True)
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: writing a batch failed: {exc}") from exc
            raise
        return WriteResult(
            documents=counts["documents"],
            mentions=counts["mentions"],
            failures=counts["failures"],
            skipped=skipped,
            duplicates=len(extra_failures),
        )
