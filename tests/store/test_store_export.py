"""Every export format, written and read back."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow.dataset as ds
import pytest

from dragoman import (
    Document,
    Event,
    Location,
    StoreError,
)
from dragoman.ontology import plover_for
from dragoman.store import (
    GDELT_COLUMNS,
    GDELT_EMPTY_COLUMNS,
    GDELT_EXTRA_COLUMNS,
    ICEWS_COLUMNS,
    EventStore,
    RowBatch,
    document_rows,
    export_store,
)
from factories import make_event


def event(doc_id: str, *args: Any, date: str | None = "2025-06-01", **kwargs: Any) -> Event:
    """An event of document ``doc_id`` (``make_event``), dated 2025-06-01 unless told."""
    return make_event(*args, doc_id=doc_id, date=date, **kwargs)


KHARKIV = Location("Kharkiv", "UKR", "city", 49.98081, 36.25272, "near Kharkiv", 30, 42)
UKRAINE = Location("Ukraine", "UKR", "country", 49.0, 32.0, "in Ukraine", 30, 40)
TEXAS = Location("Texas", "USA", "region", 31.25, -99.25, "in Texas", 30, 38)


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    batch = RowBatch()
    docs = [
        (
            Document("a", "Text A.", "2025-06-01", "Title A", "https://one.example/a"),
            [
                event("a", "RUSMIL", "UKR", "190", location=KHARKIV),
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
            [event("d", "DEU", "POL", "051", date="2024-01-01", precision="year")],
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
    assert list(rows[0]) == [*GDELT_COLUMNS, *GDELT_EXTRA_COLUMNS]
    for row in rows:
        assert all(row[c] == "" for c in GDELT_EMPTY_COLUMNS)
    fight = next(r for r in rows if r["EventCode"] == "190")
    assert (
        fight["NumMentions"] == "2" and fight["NumSources"] == "2" and fight["NumArticles"] == "2"
    )
    assert fight["SQLDATE"] == "20250601" and fight["MonthYear"] == "202506"
    assert fight["Actor1Code"] == "RUSMIL" and fight["Actor1CountryCode"] == "RUS"
    assert fight["Actor1Type1Code"] == "MIL" and fight["Actor1Name"] == "RUSSIA MILITARY"
    assert fight["EventRootCode"] == "19" and fight["QuadClass"] == "4"
    assert fight["SOURCEURL"] == "https://one.example/a" and len(fight["DATEADDED"]) == 14
    osce = next(r for r in rows if r["EventCode"] == "112")
    assert osce["Actor2KnownGroupCode"] == "EUROSC" and osce["Actor2Type1Code"] == "IGO"
    assert fight["ActionGeo_Type"] == "4" and fight["ActionGeo_FullName"] == "Kharkiv, Ukraine"
    assert fight["ActionGeo_CountryCode"] == "UP"  # FIPS 10-4, as GDELT
    assert (fight["ActionGeo_Lat"], fight["ActionGeo_Long"]) == ("49.9808", "36.2527")
    assert fight["DatePrecision"] == "day"
    # Actor geography: the event's place where it lies in the actor's country (the target,
    # UKR, fights in Kharkiv), else the actor's country; none for an organization.
    assert [fight[f"Actor2Geo_{f}"] for f in ("Type", "FullName", "CountryCode", "Lat")] == [
        "4",
        "Kharkiv, Ukraine",
        "UP",
        "49.9808",
    ]
    assert (fight["Actor1Geo_Type"], fight["Actor1Geo_FullName"]) == ("1", "Russia")
    assert fight["Actor1Geo_CountryCode"] == fight["Actor1Geo_FeatureID"] == "RS"  # FIPS
    assert fight["Actor1Geo_Lat"] and fight["Actor1Geo_Long"]
    assert (osce["Actor1Geo_FullName"], osce["Actor1Geo_CountryCode"]) == ("Kazakhstan", "KZ")
    assert all(osce[f"Actor2Geo_{f}"] == "" for f in ("Type", "FullName", "Lat"))  # an IGO
    praise = next(r for r in rows if r["EventCode"] == "051")
    assert praise["SQLDATE"] == "20240101" and praise["DatePrecision"] == "year"
    assert praise["ActionGeo_Type"] == "" and praise["ActionGeo_Lat"] == ""
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
    assert kaz["Date Precision"] == "day"
    fight = next(r for r in rows if r["CAMEO Code"] == "190" and r["Story ID"] == "a")
    assert (fight["City"], fight["Province"], fight["Country"]) == ("Kharkiv", "", "Ukraine")
    assert (fight["Latitude"], fight["Longitude"]) == ("49.9808", "36.2527")
    other = next(r for r in rows if r["CAMEO Code"] == "190" and r["Story ID"] == "b")
    assert other["City"] == other["Country"] == other["Latitude"] == ""
    assert next(r for r in rows if r["CAMEO Code"] == "051")["Date Precision"] == "year"


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
    located = next(r for r in records if r["cite_info"]["corpus"] == "a" and "event_loc" in r)
    assert located["event_loc"] == {
        "extracted_place": "near Kharkiv",
        "resolved_place": "Kharkiv",
        "lat": 49.98081,
        "lon": 36.25272,
        "city": "Kharkiv",
        "country": "Ukraine",
        "country_code": "UKR",
        "resolution": 4,
        "feature": "city",
    }
    assert osce["date_precision"] == "day" and "event_loc" not in osce
    assert next(r for r in records if r["cameo"]["code"] == "051")["date_precision"] == "year"
    assert all(isinstance(r["context"], list) for r in records)


def test_plover_context_mode_and_recipient_rules(tmp_path: Path) -> None:
    texas = Document("t", "Text T.", "2025-03-01")
    events = [
        event("t", "USAGOV", "MEX", "045", start=1),  # CONSULT, context diplomatic
        event("t", "MEXGOV", "USAGOV", "043", start=2),  # MEXGOV hosts USAGOV: visitor first
        event("t", "USA", None, "070", start=3),  # AID without a recipient: left out
        event("t", "USA", "UKR", "070", start=4, location=TEXAS),  # AID with one: kept
        event("t", "EEC", None, "163", start=5),  # SANCTION without recipient: left out
    ]
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(document_rows(texas, events, file="t.jsonl", line=1))
        out = io.StringIO()
        count = export_store(store, "plover", out=out)
    records = {r["cameo"]["code"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert count == 3 and set(records) == {"045", "043", "070"}
    assert records["045"]["context"] == list(plover_for("045").contexts) == ["diplomatic"]
    host = records["043"]
    assert host["event"] == ["CONSULT"] and host["mode"] == ["visit"]
    assert host["actor"][0]["actor_code"] == "USAGOV"
    assert host["recipient"][0]["actor_code"] == "MEXGOV"
    aid = records["070"]
    assert aid["recipient"][0]["code"] == "UKR"
    assert aid["event_loc"]["province"] == "Texas" and aid["event_loc"]["resolution"] == 2


def test_every_format_reads_back_with_default_readers(store: EventStore, tmp_path: Path) -> None:
    files = {}
    for fmt, suffix in (("gdelt", "tsv"), ("icews", "tsv"), ("plover", "jsonl"), ("csv", "csv")):
        files[fmt] = tmp_path / f"{fmt}.{suffix}"
        export_store(store, fmt, out=files[fmt], header=fmt == "gdelt")
    export_store(store, "parquet", out=tmp_path / "parquet")
    frames = {
        "gdelt": pd.read_csv(files["gdelt"], sep="\t"),
        "icews": pd.read_csv(files["icews"], sep="\t"),
        "plover": pd.read_json(files["plover"], lines=True),
        "csv": pd.read_csv(files["csv"], dtype={"cameo_code": str, "root_code": str}),
        "parquet": pd.read_parquet(tmp_path / "parquet"),
    }
    precision = {"gdelt": "DatePrecision", "icews": "Date Precision"}
    for fmt, frame in frames.items():
        assert set(frame[precision.get(fmt, "date_precision")].dropna()) <= {"day", "year"}, fmt
    assert frames["csv"]["cameo_code"].tolist().count("010") == 1
    assert frames["parquet"]["cameo_code"].tolist().count("010") == 1
    assert frames["gdelt"]["ActionGeo_Lat"].dropna().tolist() == [49.9808]
    gdelt = frames["gdelt"].set_index("EventCode")
    assert gdelt.loc[190, "Actor2Geo_Lat"] == 49.9808
    assert gdelt.loc[10, "Actor1Geo_FullName"] == "United States"  # USA, no place
    assert pd.isna(gdelt.loc[10, "Actor2Geo_FullName"])  # no target
    assert frames["icews"]["City"].dropna().tolist() == ["Kharkiv"]
    con = duckdb.connect()
    try:

        def one(query: str) -> object:
            return con.sql(query).fetchall()

        assert one(f"SELECT count(*) FROM read_csv('{files['csv']}') WHERE cameo_code = '010'") == [
            (1,)
        ]  # quoted codes stay text
        assert one(f"SELECT max(DatePrecision) FROM read_csv('{files['gdelt']}')") == [("year",)]
        assert one(
            f"SELECT Actor1Geo_FullName, Actor2Geo_FullName, Actor2Geo_Lat "
            f"FROM read_csv('{files['gdelt']}') WHERE EventCode = 190"
        ) == [("Russia", "Kharkiv, Ukraine", 49.9808)]
        assert one(f"SELECT count(*) FROM read_csv('{files['icews']}') WHERE City = 'Kharkiv'") == [
            (1,)
        ]
        assert one(
            f"SELECT count(*) FROM read_json('{files['plover']}') WHERE event_loc IS NOT NULL"
        ) == [(1,)]
        assert one(
            f"SELECT count(*) FROM read_parquet('{tmp_path}/parquet/**/*.parquet') "
            "WHERE date_precision = 'year'"
        ) == [(1,)]
    finally:
        con.close()


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
    assert sum(m["negated"] == "true" for m in mentions) == 1
    assert '"010"' in out.getvalue()  # text quoted, so quote-aware readers keep it text
    assert {m["date_precision"] for m in mentions} >= {"day", "year"}
    assert {m["place_name"] for m in mentions} == {"Kharkiv", ""}
    assert {m["url"] for m in mentions} >= {"https://one.example/a", ""}


def test_parquet_is_partitioned_by_year_and_month(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert export_store(store, "parquet", out=out) == 5
    folders = sorted(p.relative_to(out).as_posix() for p in out.glob("year=*/month=*"))
    assert folders == ["year=0/month=0", "year=2024/month=1", "year=2025/month=6"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 5
    rows = table.to_pylist()
    fight = next(r for r in rows if r["cameo_code"] == "190")
    assert fight["num_articles"] == 2 and fight["year"] == 2025 and fight["month"] == 6
    # exporting again with overwrite replaces the files instead of adding to them
    export_store(store, "parquet", out=out, overwrite=True)
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
    from dragoman.store._geography import country_names

    names = country_names()
    assert names["KAZ"] == "Kazakhstan"
    assert names["SUN"] == "Soviet Union" and names["YUG"] == "Yugoslavia"


def test_every_format_carries_the_confidence(tmp_path: Path) -> None:
    sure = replace(event("a", "RUSMIL", "UKR", "190"), confidence=0.9)
    unsure = replace(event("b", "RUSMIL", "UKR", "190"), confidence=0.25)
    with EventStore(tmp_path / "c.duckdb") as store:
        for doc, ev in (("a", sure), ("b", unsure)):
            store.write(
                document_rows(Document(doc, "Text.", "2025-06-01"), [ev], file="in.jsonl", line=1)
            )
        assert store.sql("SELECT confidence FROM events") == [(0.9,)]  # the surest mention
        assert sorted(store.sql("SELECT confidence FROM mentions")) == [(0.25,), (0.9,)]
        gdelt, icews, plover = io.StringIO(), io.StringIO(), io.StringIO()
        export_store(store, "gdelt", out=gdelt, header=True)
        export_store(store, "icews", out=icews)
        export_store(store, "plover", out=plover)
    (row,) = csv.DictReader(io.StringIO(gdelt.getvalue()), delimiter="\t")
    assert row["Confidence"] == "0.900"
    rows = list(csv.DictReader(io.StringIO(icews.getvalue()), delimiter="\t"))
    assert sorted(r["Confidence"] for r in rows) == ["0.250", "0.900"]
    records = [json.loads(line) for line in plover.getvalue().splitlines()]
    assert sorted(r["confidence"] for r in records) == [0.25, 0.9]


def test_parquet_export_replaces_an_earlier_one_whole(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert export_store(store, "parquet", out=out, level="mentions") == 7
    with pytest.raises(StoreError, match="holds an earlier export; add --overwrite"):
        export_store(store, "parquet", out=out)
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 7
    # events now: fewer rows, same dir
    assert export_store(store, "parquet", out=out, overwrite=True) == 5
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 5
    stale = out / "year=1999" / "month=1"  # a partition the new data does not have
    stale.mkdir(parents=True)
    (stale / "part-0.parquet").write_bytes((next(out.rglob("part-*.parquet"))).read_bytes())
    assert export_store(store, "parquet", out=out, overwrite=True) == 5
    assert not (out / "year=1999").exists()
    assert ds.dataset(out, format="parquet", partitioning="hive").to_table().num_rows == 5


def test_parquet_export_never_deletes_other_files(store: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    for overwrite in (False, True):
        with pytest.raises(StoreError, match="not an earlier Dragoman export"):
            export_store(store, "parquet", out=out, overwrite=overwrite)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    a_file = tmp_path / "file.parquet"
    a_file.write_bytes(b"x")
    with pytest.raises(StoreError, match="is a file"):
        export_store(store, "parquet", out=a_file)


def test_icews_tsv_quotes_cells_with_quote_marks(tmp_path: Path) -> None:
    batch = RowBatch()
    tricky = '"Breaking" news, part "2'
    batch.extend(
        document_rows(
            Document(tricky, "Text.", "2025-06-01"),
            [event(tricky, "RUSMIL", "UKR", "190")],
            file="in",
            line=1,
        )
    )
    with EventStore(tmp_path / "q.duckdb") as opened:
        opened.write(batch)
        out = io.StringIO()
        assert export_store(opened, "icews", out=out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert len(rows) == 1 and rows[0]["Story ID"] == tricky
    import pandas as pd

    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", dtype=str)
    assert frame["Story ID"].tolist() == [tricky]
