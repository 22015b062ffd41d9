"""The event store: an embedded DuckDB database of documents, coded events (deduplicated
across articles), actors, quotes and failures, with exports to GDELT, ICEWS, PLOVER, CSV and
Parquet. The schema is documented in ``docs/store.md``."""

from __future__ import annotations

from dragoman.store._export import (
    EXPORT_FORMATS,
    EXPORT_LEVELS,
    GDELT_COLUMNS,
    GDELT_EMPTY_COLUMNS,
    GDELT_EXTRA_COLUMNS,
    ICEWS_COLUMNS,
    PLOVER_RECIPIENT_REQUIRED,
    csv_line,
    export_store,
)
from dragoman.store._labels import actor_label, short_name
from dragoman.store._parquet import (
    iter_partition_tables,
    list_partitions,
    read_partition,
    write_partition,
)
from dragoman.store._rows import (
    FAILURE_STAGES,
    RowBatch,
    content_hash,
    document_rows,
    event_key,
    failure_row,
    outlet_of,
    quote_row,
    split_actor_code,
)
from dragoman.store._runs import RUN_COLUMNS, RunRecord
from dragoman.store._schema import COLUMNS, MIGRATIONS, SCHEMA_VERSION, TABLES
from dragoman.store._stats import StoreStats, store_stats
from dragoman.store._store import EventStore, WriteResult

__all__ = [
    "COLUMNS",
    "EXPORT_FORMATS",
    "EXPORT_LEVELS",
    "FAILURE_STAGES",
    "GDELT_COLUMNS",
    "GDELT_EMPTY_COLUMNS",
    "GDELT_EXTRA_COLUMNS",
    "ICEWS_COLUMNS",
    "MIGRATIONS",
    "PLOVER_RECIPIENT_REQUIRED",
    "RUN_COLUMNS",
    "SCHEMA_VERSION",
    "TABLES",
    "EventStore",
    "RowBatch",
    "RunRecord",
    "StoreStats",
    "WriteResult",
    "actor_label",
    "content_hash",
    "csv_line",
    "document_rows",
    "event_key",
    "export_store",
    "failure_row",
    "iter_partition_tables",
    "list_partitions",
    "outlet_of",
    "quote_row",
    "read_partition",
    "short_name",
    "split_actor_code",
    "store_stats",
    "write_partition",
]
