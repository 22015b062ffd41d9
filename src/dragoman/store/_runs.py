"""The ``runs`` table: one row per ingest run, with how its documents were coded.

It is created when the first run is recorded (``CREATE TABLE IF NOT EXISTS``): stores written
before it existed simply have no run history, and nothing else reads it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

__all__ = ["RUN_COLUMNS", "RunRecord", "record_run"]

#: Columns of the ``runs`` table, in order (documented in docs/store.md).
RUN_COLUMNS: tuple[tuple[str, str], ...] = (
    ("run_id", "VARCHAR NOT NULL PRIMARY KEY"),
    ("started_at", "TIMESTAMP NOT NULL"),
    ("finished_at", "TIMESTAMP NOT NULL"),
    ("dragoman_version", "VARCHAR NOT NULL"),
    ("engine", "VARCHAR NOT NULL"),
    ("workers", "INTEGER NOT NULL"),
    ("model", "VARCHAR"),
    ("ner", "BOOLEAN NOT NULL"),
    ("documents", "INTEGER NOT NULL"),
    ("events", "INTEGER NOT NULL"),
    ("failures", "INTEGER NOT NULL"),
    ("interrupted", "BOOLEAN NOT NULL"),
    ("options", "JSON NOT NULL"),
)


@dataclass
class RunRecord:
    """What one ingest run did and how it coded (a row of ``runs``).

    Attributes:
        started_at: When it started (UTC).
        engine: ``local``, ``dask`` or ``parquet``.
        workers: Worker processes.
        model: The spaCy pipeline asked for (None: the default one).
        ner: Whether the pipeline kept its entity recognizer.
        documents: Documents stored by the run.
        events: Event mentions stored.
        failures: Problems recorded.
        interrupted: Stopped by Ctrl-C.
        options: Other settings worth keeping (user dictionary files, ...).
    """

    started_at: dt.datetime
    engine: str = "local"
    workers: int = 1
    model: str | None = None
    ner: bool = False
    documents: int = 0
    events: int = 0
    failures: int = 0
    interrupted: bool = False
    options: dict[str, Any] = field(default_factory=dict)


def record_run(con: duckdb.DuckDBPyConnection, run: RunRecord) -> str:
    """Add a run to the ``runs`` table (created if missing); return its id."""
    from dragoman import __version__

    columns = ",\n".join(f"    {name} {kind}" for name, kind in RUN_COLUMNS)
    con.execute(f"CREATE TABLE IF NOT EXISTS runs (\n{columns}\n)")
    finished = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    run_id = f"run-{run.started_at:%Y%m%dT%H%M%S%f}"
    values = [
        run_id,
        run.started_at,
        finished,
        __version__,
        run.engine,
        run.workers,
        run.model,
        run.ner,
        run.documents,
        run.events,
        run.failures,
        run.interrupted,
        json.dumps(run.options, sort_keys=True),
    ]
    names = ", ".join(name for name, _ in RUN_COLUMNS)
    marks = ", ".join("?" for _ in RUN_COLUMNS)
    con.execute(f"INSERT OR REPLACE INTO runs ({names}) VALUES ({marks})", values)
    return run_id
