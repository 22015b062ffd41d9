"""The Dask engine on a local cluster: same rows as a local run, partitions loadable again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dragoman import Coder, StoreError
from dragoman.corpus import ingest, load_parquet
from dragoman.store import COLUMNS, EventStore, list_partitions

TEXTS = [
    "Russia accused Ukraine of shelling a power plant. Officials said talks would go on.",
    "France criticized Iran over its nuclear program.",
    "Germany praised Poland for hosting refugees.",
    "Japan and South Korea signed a trade agreement.",
    "Turkey threatened to impose sanctions on Greece.",
    "Egypt hosted talks between Israel and Hamas.",
]


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    stamps = {"ingested_at", "recorded_at"}
    with EventStore(db, read_only=True) as store:
        return {
            table: sorted(
                store.sql(
                    f"SELECT {', '.join(c for c, _ in cols if c not in stamps)} FROM {table}"
                ),
                key=repr,
            )
            for table, cols in COLUMNS.items()
        }


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_matches_local_run_and_partitions_reload(
    scheduler: str, tmp_path: Path, default_coder: Coder
) -> None:
    corpus = tmp_path / "stories.jsonl"
    lines = [
        json.dumps({"id": f"d{i}", "text": t, "date": "2025-06-03"})
        for i, t in enumerate(TEXTS * 2)
    ]
    lines.insert(3, "{broken")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = tmp_path / "local.duckdb"
    ingest([corpus], local, coder=default_coder)

    parts = tmp_path / "parts"
    db = tmp_path / "dask.duckdb"
    report = ingest(
        [corpus], db, engine="dask", scheduler=scheduler, parquet_dir=parts, chunk_size=3
    )
    assert report.engine == "dask" and report.documents_stored == 12
    assert report.failures_by_stage == {"read": 1}
    assert snapshot(db) == snapshot(local)
    assert len(list_partitions(parts)) == 4  # 12 documents in chunks of 3

    again = ingest([corpus], db, engine="dask", scheduler=scheduler, parquet_dir=parts)
    assert again.documents_stored == 0 and again.documents_skipped == 12

    copy = tmp_path / "copy.duckdb"
    loaded = load_parquet(parts, copy)
    assert loaded.documents_stored == 12 and loaded.files == 4
    expected = snapshot(local)
    expected["failures"] = []  # read failures stay with the run that read the inputs
    assert snapshot(copy) == expected
    assert load_parquet(parts, copy).documents_stored == 0


def test_unreachable_scheduler_and_empty_partition_dir(tmp_path: Path) -> None:
    from dragoman import DragomanError

    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXTS[0]}) + "\n", encoding="utf-8")
    with pytest.raises(DragomanError, match="cannot reach the Dask scheduler"):
        ingest([corpus], tmp_path / "e.duckdb", engine="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(StoreError, match="no Dragoman partitions"):
        load_parquet(tmp_path, tmp_path / "e.duckdb")
