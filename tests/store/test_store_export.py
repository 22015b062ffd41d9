"""Every export format, written and read back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, StoreError, TextSpan
from dragoman.ontology import cameo, plover_for
from dragoman.records import make_event_id
from dragoman.store import (
    GDELT_COLUMNS,
    GDELT_EMPTY_COLUMNS,
    ICEWS_COLUMNS,
    EventStore,
    RowBatch,
    document_rows,
    export_store,
)


def event(
    doc_id: str,
    source: str,
    target: str | None,
    code: str,
    *,
    date: str | None = "2025-06-01",
    start: int = 10,
    negated: bool = False,
) -> Event:
    src = Actor(source, f"{source} name", source.lower(), 0, 3)
    tgt = Actor(target, f"{target} name", target.lower(), 20, 23) if target else None
    info = cameo(code)
    mapping = plover_for(code)
    return Event(
        doc_id=doc_id,
        sentence_index=0,
        event_id=make_event_id(doc_id, start, src, tgt, code),
        date=date,
        source=src,
        target=tgt,
        cameo=CameoRef(code, info.name),
        root_code=info.root_code,
        quad_class=int(info.quad_class),
        goldstein=info.goldstein,
        plover=PloverRef(mapping.type, mapping.mode) if mapping else PloverRef(None, None),
        negated=negated,
        evidence=Evidence(TextSpan("Our own sentence.", 0, 17), TextSpan("did", start, start + 3)),
    )


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    batch = RowBatch()
    docs = [
        (
            Document("a", "Text A.", "2025-06-01", "Title A", "https://one.example/a"),
            [
                event("a", "RUSMIL", "UKR", "190"),
                event("a", "KAZGOV", "IGOEUROSC", "112", start=40),
                event("a", "USA", None, "010", start=60),  # no PLOVER type
            ],
        ),
        (
            Document("b", "Text B.", "2025-06-01", None, "https://two.example/b"),
            [
                event("b", "RUSMIL", "UKR", "190"),
                event("b", "BRA", "ARG", "111", start=50, negated=True),
            ],
        ),
        (Document("c", "Text C.", None), [event("c", "FRA", "IRN", "111", date=None)]),
        (
            Document("d", "Text D.", "2024-12-31"),
            [event("d", "DEU", "POL", "051", date="2024-12-31")],
        ),
    ]
    for document, events in docs:
        batch.extend(document_rows(document, events, file="in.jsonl", line=1))
    opened = EventStore(tmp_path / "e.duckdb")
    opened.write(batch)
    yield opened
    opened.close()


def test_gdelt_has_61_columns_with_the_documented_empties(store: EventStore) -> None:
    out = io.StringIO()
    count = export_store(store, "gdelt", out=out, header=True)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and count == len(rows) == 5
    assert list(rows[0]) == list(GDELT_COLUMNS)
    for row in rows:
        assert all(row[c] == "" for c in GDELT_EMPTY_COLUMNS)
    fight = next(r for r in rows if r["EventCode"] == "190")
    assert (
        fight["NumMentions"] == "2" and fight["NumSources"] == "2" and fight["NumArticles"] == "2"
    )
    assert fight["SQLDATE"] == "20250601" and fight["MonthYear"] == "202506"
    assert fight["Actor1Code"] == "RUSMIL" and fight["Actor1CountryCode"] == "RUS"
    assert fight["Actor1Type1Code"] == "MIL" and fight["Actor1Name"] == "RUSMIL NAME"
    assert fight["EventRootCode"] == "19" and fight["QuadClass"] == "4"
    assert fight["SOURCEURL"] == "https://one.example/a" and len(fight["DATEADDED"]) == 14
    osce = next(r for r in rows if r["EventCode"] == "112")
    assert osce["Actor2KnownGroupCode"] == "EUROSC" and osce["Actor2Type1Code"] == "IGO"
    assert float(next(r for r in rows if r["EventCode"] == "051")["FractionDate"]) == 2025.0
    undated = next(r for r in rows if r["Actor1Code"] == "FRA")
    assert undated["SQLDATE"] == "" and undated["Year"] == ""
    assert not any(r["Actor1Code"] == "BRA" for r in rows)  # negated
    plain = io.StringIO()
    export_store(store, "gdelt", out=plain)
    assert plain.getvalue().splitlines()[0].split("\t")[0].isdigit()  # no header by default


def test_icews_tsv(store: EventStore) -> None:
    out = io.StringIO()
    count = export_store(store, "icews", out=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert count == len(rows) == 6  # seven mentions, one negated
    assert list(rows[0]) == list(ICEWS_COLUMNS)
    kaz = next(r for r in rows if r["CAMEO Code"] == "112")
    assert kaz["Source Country"] == "Kazakhstan" and kaz["Source Sectors"] == "government"
    assert kaz["Target Sectors"] == "international organization"
    assert kaz["Event Text"] == "Accuse" and kaz["Intensity"] == "-2"
    assert kaz["Story ID"] == "a" and kaz["Sentence Number"] == "1"
    assert kaz["Publisher"] == "one.example" and kaz["Latitude"] == ""


def test_plover_json_lines(store: EventStore) -> None:
    out = io.StringIO()
    count = export_store(store, "plover", out=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(records) == 5  # no CAMEO 010 (no PLOVER type), no negated
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record)  # PLOVER's required fields
    fight = next(r for r in records if r["cameo"]["code"] == "190")
    assert fight["event"] == ["ASSAULT"] and fight["mode"] == []
    assert fight["actor"][0]["code"] == "RUS" and fight["actor"][0]["sector"] == "MIL"
    assert fight["recipient"][0]["code"] == "UKR" and fight["quad_code"] == 4
    assert fight["text"] == "Our own sentence." and fight["cite_info"]["corpus"] in ("a", "b")
    osce = next(r for r in records if r["cameo"]["code"] == "112")
    assert osce["event"] == ["ACCUSE"] and osce["recipient"][0]["sector"] == "EUROSC"


def test_csv_events_and_mentions(store: EventStore, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert export_store(store, "csv", out=path) == 5
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    fight = next(r for r in rows if r["cameo_code"] == "190")
    assert (fight["num_mentions"], fight["num_sources"], fight["num_articles"]) == ("2", "2", "2")
    out = io.StringIO()
    assert export_store(store, "csv", out=out, level="mentions") == 7
    mentions = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert sum(m["negated"] == "True" for m in mentions) == 1
    assert {m["url"] for m in mentions} >= {"https://one.example/a", ""}


def test_parquet_is_partitioned_by_year_and_month(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert export_store(store, "parquet", out=out) == 5
    folders = sorted(p.relative_to(out).as_posix() for p in out.glob("year=*/month=*"))
    assert "year=2025/month=6" in folders and "year=2024/month=12" in folders
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 5
    rows = table.to_pylist()
    fight = next(r for r in rows if r["cameo_code"] == "190")
    assert fight["num_articles"] == 2 and fight["year"] == 2025 and fight["month"] == 6
    # exporting again replaces the files instead of adding to them
    export_store(store, "parquet", out=out)
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 5
    mentions = tmp_path / "mentions"
    assert export_store(store, "parquet", out=mentions, level="mentions") == 7


def test_bad_export_requests(store: EventStore) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export_store(store, "xml")
    with pytest.raises(StoreError, match="--out DIR"):
        export_store(store, "parquet")
    with pytest.raises(StoreError, match="events level"):
        export_store(store, "gdelt", level="mentions")


def test_country_names_include_former_states() -> None:
    from dragoman.store._export import _country_names

    names = _country_names()
    assert names["KAZ"] == "Kazakhstan"
    assert names["SUN"] == "Soviet Union" and names["YUG"] == "Yugoslavia"
