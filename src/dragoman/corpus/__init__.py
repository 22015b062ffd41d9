"""Corpus ingestion: whole piles of articles into an event store, in parallel worker processes
or on a Dask cluster, safe to interrupt and to run again."""

from __future__ import annotations

from dragoman.corpus._dask import code_partition
from dragoman.corpus._ingest import ingest, load_parquet
from dragoman.corpus._pool import Outcome, ProcessPool, can_share
from dragoman.corpus._work import ChunkResult, CoderOptions, WorkItem, chunk_name, code_chunk
from dragoman.corpus._writer import IngestReport, ProgressCallback

__all__ = [
    "ChunkResult",
    "CoderOptions",
    "IngestReport",
    "Outcome",
    "ProcessPool",
    "ProgressCallback",
    "WorkItem",
    "can_share",
    "chunk_name",
    "code_chunk",
    "code_partition",
    "ingest",
    "load_parquet",
]
