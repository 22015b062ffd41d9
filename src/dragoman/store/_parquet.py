"""Parquet partitions of coded rows: how coding done elsewhere (Dask workers) reaches a store.

A partition is one file per table, ``DIR/<table>/<name>.parquet``, with the store's columns.
Each file is written under a temporary name and renamed into place, and the ``documents``
file is written last, so a partition whose documents file exists is complete: a reader never
sees half a partition, and a killed writer leaves at most ignorable ``.tmp`` files.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from dragoman.errors import StoreError
from dragoman.store._rows import RowBatch, arrow_schema
from dragoman.store._schema import TABLES

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["iter_partition_tables", "list_partitions", "read_partition", "write_partition"]

# Written in this order; "documents" last marks the partition complete.
_WRITE_ORDER = (*tuple(name for name in TABLES if name != "documents"), "documents")


def write_partition(batch: RowBatch, directory: str | Path, name: str) -> Path:
    """Write a batch of rows as one partition.

    Args:
        batch: The rows.
        directory: The partition directory (created if missing).
        name: The partition's name (file stem), unique within the directory.

    Returns:
        The path of the partition's documents file.

    Raises:
        StoreError: The files cannot be written.
    """
    import pyarrow.parquet as pq

    root = Path(directory)
    tables = batch.to_tables()
    try:
        for table_name in _WRITE_ORDER:
            folder = root / table_name
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"{name}.parquet"
            temporary = folder / f".{name}.parquet.{os.getpid()}.tmp"
            pq.write_table(tables[table_name], temporary, compression="zstd")
            os.replace(temporary, final)
    except OSError as exc:
        raise StoreError(f"cannot write partition {name} in {root}: {exc}") from exc
    return root / "documents" / f"{name}.parquet"


def list_partitions(directory: str | Path) -> list[str]:
    """Return the names of the complete partitions in a directory, sorted.

    Raises:
        StoreError: The directory does not exist or holds no partitions.
    """
    root = Path(directory)
    documents = root / "documents"
    if not root.is_dir():
        raise StoreError(f"{root}: no such directory")
    if not documents.is_dir():
        raise StoreError(
            f"{root} holds no Dragoman partitions (no documents/ folder); give the directory "
            "that 'dragoman ingest --engine dask --parquet-dir' wrote"
        )
    return sorted(
        path.name[: -len(".parquet")]
        for path in documents.iterdir()
        if path.name.endswith(".parquet") and not path.name.startswith(".")
    )


def read_partition(directory: str | Path, name: str) -> dict[str, pa.Table]:
    """Read one partition as Arrow tables keyed by table name (with the store's schema).

    Raises:
        StoreError: A file is missing or is not a partition file of this schema.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    root = Path(directory)
    tables: dict[str, pa.Table] = {}
    for table_name in TABLES:
        path = root / table_name / f"{name}.parquet"
        schema = arrow_schema(table_name)
        try:
            table = pq.read_table(path)
            tables[table_name] = table.select(schema.names).cast(schema)
        except (OSError, KeyError, ValueError, pa.ArrowException) as exc:
            raise StoreError(f"{path}: not a readable Dragoman partition file ({exc})") from exc
    return tables


def iter_partition_tables(directory: str | Path) -> Iterator[tuple[str, dict[str, pa.Table]]]:
    """Yield ``(name, tables)`` for each complete partition of a directory, in name order."""
    for name in list_partitions(directory):
        yield name, read_partition(directory, name)
