"""The store: schema and versions, idempotent writes, duplicates, deduplicated events."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, StoreError, TextSpan
from dragoman.ontology import cameo, plover_for
from dragoman.records import make_event_id
from dragoman.store import (
    COLUMNS,
    MIGRATIONS,
    SCHEMA_VERSION,
    EventStore,
    RowBatch,
    document_rows,
    event_key,
    failure_row,
    outlet_of,
    quote_row,
    split_actor_code,
)

DOCS_MD = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def make_event(
    doc_id: str,
    source: str,
    target: str | None,
    code: str,
    *,
    date: str | None = "2025-06-01",
    sentence_index: int = 1,
    verb_start: int = 10,
    negated: bool = False,
) -> Event:
    src = Actor(code=source, name=f"{source} name", text=source, start=0, end=len(source))
    tgt = (
        Actor(code=target, name=f"{target} name", text=target, start=20, end=20 + len(target))
        if target
        else None
    )
    info = cameo(code)
    mapping = plover_for(code)
    return Event(
        doc_id=doc_id,
        sentence_index=sentence_index,
        event_id=make_event_id(doc_id, verb_start, src, tgt, code),
        date=date,
        source=src,
        target=tgt,
        cameo=CameoRef(code, info.name),
        root_code=code[:2],
        quad_class=int(info.quad_class),
        goldstein=info.goldstein,
        plover=PloverRef(mapping.type, mapping.mode) if mapping else PloverRef(None, None),
        negated=negated,
        evidence=Evidence(
            TextSpan("A made-up sentence.", 0, 19), TextSpan("verb", verb_start, verb_start + 4)
        ),
    )


def doc(doc_id: str, text: str = "Some text.", url: str | None = None) -> Document:
    return Document(id=doc_id, text=text, date="2025-06-01", url=url)


def rows(document: Document, events: list[Event], line: int | None = 1) -> RowBatch:
    return document_rows(document, events, file="corpus.jsonl", line=line)


def table_rows(store: EventStore, table: str) -> list[tuple[object, ...]]:
    stamp = {"documents": "ingested_at", "failures": "recorded_at"}.get(table)
    columns = [c for c, _ in COLUMNS[table] if c != stamp]
    return sorted(store.sql(f"SELECT {', '.join(columns)} FROM {table}"), key=repr)


def test_new_store_has_the_schema_and_version(tmp_path: Path) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        assert store.version == SCHEMA_VERSION
        tables = {r[0] for r in store.sql("SELECT table_name FROM information_schema.tables")}
        assert {*COLUMNS, "events", "dragoman_schema"} <= tables
        for name, columns in COLUMNS.items():
            found = [r[0] for r in store.sql(f"DESCRIBE {name}")]
            assert found == [c for c, _ in columns]


def test_write_is_idempotent_and_transactional(tmp_path: Path) -> None:
    batch = rows(doc("a"), [make_event("a", "RUS", "UKR", "112")])
    batch.extend(rows(doc("b"), [make_event("b", "FRA", "IRN", "111")], line=2))
    batch.failures.append(
        failure_row("read", "not valid JSON", file="corpus.jsonl", line=3, doc_id=None)
    )
    with EventStore(tmp_path / "e.duckdb") as store:
        first = store.write(batch)
        assert (first.documents, first.mentions, first.failures) == (2, 2, 1)
        before = {t: table_rows(store, t) for t in COLUMNS}
        again = store.write(batch)
        assert (again.documents, again.mentions, again.failures, again.skipped) == (0, 0, 0, 2)
        assert {t: table_rows(store, t) for t in COLUMNS} == before
        assert store.count("actors") == 4


def test_duplicate_id_with_other_text_is_a_failure(tmp_path: Path) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows(doc("a", "First text."), [make_event("a", "RUS", "UKR", "112")]))
        result = store.write(
            rows(doc("a", "Another text."), [make_event("a", "DEU", "POL", "051")], line=9)
        )
        assert (result.documents, result.duplicates) == (0, 1)
        assert store.count("mentions") == 1  # the second text's events are not stored
        failure = store.sql("SELECT stage, file, line, doc_id, reason FROM failures")
        assert failure[0][:4] == ("duplicate", "corpus.jsonl", 9, "a")
        assert "different text" in failure[0][4]


def test_events_are_deduplicated_with_mention_source_article_counts(tmp_path: Path) -> None:
    batch = RowBatch()
    # Two outlets report RUS accuses UKR on the same day; one article mentions it twice.
    batch.extend(
        rows(
            doc("a", "Text A.", url="https://www.example.org/a"),
            [
                make_event("a", "RUS", "UKR", "112", sentence_index=0),
                make_event("a", "RUS", "UKR", "112", verb_start=50),
            ],
        )
    )
    batch.extend(
        rows(
            doc("b", "Text B.", url="https://news.example.net/b"),
            [make_event("b", "RUS", "UKR", "112")],
        )
    )
    batch.extend(
        rows(
            doc("c", "Text C.", url="https://example.org/c"), [make_event("c", "RUS", "UKR", "112")]
        )
    )
    # Another day, another code, a denial: separate or not counted.
    batch.extend(
        rows(
            doc("d", "Text D."),
            [
                make_event("d", "RUS", "UKR", "112", date="2025-06-02"),
                make_event("d", "RUS", "UKR", "111", verb_start=30),
                make_event("d", "BRA", "ARG", "111", verb_start=60, negated=True),
            ],
        )
    )
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(batch)
        assert store.count("mentions") == 7
        events = store.sql(
            "SELECT event_date::VARCHAR, source_code, target_code, cameo_code, num_mentions, "
            "num_sources, num_articles, is_root_event, first_doc_id, source_url FROM events "
            "ORDER BY event_date, cameo_code"
        )
    assert events == [
        ("2025-06-01", "RUS", "UKR", "111", 1, 1, 1, False, "d", None),
        # example.org (a, c) and example.net (b): 4 mentions, 2 sources, 3 articles
        ("2025-06-01", "RUS", "UKR", "112", 4, 2, 3, True, "a", "https://www.example.org/a"),
        ("2025-06-02", "RUS", "UKR", "112", 1, 1, 1, False, "d", None),
    ]


def test_mention_rows_keep_the_full_event_json_and_link_to_the_event(tmp_path: Path) -> None:
    event = make_event("a", "KAZGOV", "IGOEUROSC", "112")
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(rows(doc("a"), [event]))
        data, global_id = store.sql("SELECT data, global_event_id FROM mentions")[0]
        assert global_id == event_key("2025-06-01", "KAZGOV", "IGOEUROSC", "112")
        assert store.sql("SELECT global_event_id FROM events")[0][0] == global_id
        import json

        assert json.loads(data) == event.to_dict()
        actors = store.sql("SELECT role, code, country, sectors FROM actors ORDER BY role")
        assert actors == [("source", "KAZGOV", "KAZ", "GOV"), ("target", "IGOEUROSC", None, "IGO")]


def test_quotes_table_takes_quote_records(tmp_path: Path) -> None:
    quote = {
        "speaker": {"text": "the minister", "start": 40, "end": 52, "code": "KAZGOV"},
        "cue": {"text": "said", "start": 53, "end": 57},
        "content": {"text": "We will talk again.", "start": 1, "end": 20},
        "kind": "direct",
        "sentence_index": 0,
    }
    batch = rows(doc("a"), [])
    batch.quotes.append(quote_row("a", quote))
    with EventStore(tmp_path / "e.duckdb") as store:
        store.write(batch)
        store.write(batch)
        got = store.sql("SELECT doc_id, speaker_code, cue_text, content_text, kind FROM quotes")
    assert got == [("a", "KAZGOV", "said", "We will talk again.", "direct")]


def test_newer_schema_is_refused_and_old_one_without_migration_explained(tmp_path: Path) -> None:
    path = tmp_path / "e.duckdb"
    EventStore(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE dragoman_schema SET version = ?", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="newer Dragoman"):
        EventStore(path)
    con = duckdb.connect(str(path))
    con.execute("UPDATE dragoman_schema SET version = 0")
    con.close()
    with pytest.raises(StoreError, match=r"cannot migrate.*new database"):
        EventStore(path)


def test_older_schema_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "e.duckdb"
    EventStore(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE dragoman_schema SET version = ?", [SCHEMA_VERSION - 1])
    con.execute("CREATE TABLE old_marker (x INTEGER)")
    con.close()

    def step(connection: duckdb.DuckDBPyConnection) -> None:
        connection.execute("DROP TABLE old_marker")

    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION - 1, step)
    with EventStore(path, read_only=True) as store:  # a reader migrates once, then reads
        assert store.version == SCHEMA_VERSION
    con = duckdb.connect(str(path), read_only=True)
    names = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    con.close()
    assert "old_marker" not in names


def test_version_1_store_gains_precision_and_places_from_its_records(tmp_path: Path) -> None:
    from dragoman import Location

    path = tmp_path / "old.duckdb"
    place = Location("Kharkiv", "UKR", "city", 49.98, 36.25, "near Kharkiv", 30, 42)
    located = replace(make_event("a", "RUSMIL", "UKR", "190"), location=place)
    yearly = replace(
        make_event("a", "KAZ", "RUS", "040", verb_start=40, date="2024-01-01"),
        date_precision="year",
    )
    undated = make_event("a", "FRA", None, "010", verb_start=60, date=None)
    with EventStore(path) as store:
        store.write(
            document_rows(
                Document("a", "Text."), [located, yearly, undated], file="a.txt", line=None
            )
        )
    # Turn it into what Dragoman 0.1 (schema version 1) wrote: no such columns, the old view.
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW events")
    for column in (
        "date_precision",
        "place_name",
        "place_country",
        "place_feature",
        "latitude",
        "longitude",
        "source_label",
        "target_label",
        "confidence",
    ):
        con.execute(f"ALTER TABLE mentions DROP COLUMN {column}")
    con.execute("CREATE VIEW events AS SELECT global_event_id FROM mentions")
    con.execute("UPDATE dragoman_schema SET version = 1")
    con.close()
    with EventStore(path, read_only=True) as store:
        assert store.version == SCHEMA_VERSION
        mentions = store.sql(
            "SELECT cameo_code, date_precision, place_name, place_country, "
            "place_feature, latitude, longitude FROM mentions ORDER BY 1"
        )
        events = store.sql(
            "SELECT cameo_code, date_precision, place_name, latitude FROM events ORDER BY 1"
        )
        labels = store.sql("SELECT source_code, source_name, target_name FROM events ORDER BY 1")
        confidence = store.sql("SELECT DISTINCT confidence FROM mentions")
    assert confidence == [(1.0,)]  # read from each record's JSON
    assert mentions == [
        ("010", None, None, None, None, None, None),
        ("040", "year", None, None, None, None, None),
        ("190", "day", "Kharkiv", "UKR", "city", 49.98, 36.25),
    ]
    assert events == [
        ("010", None, None, None),
        ("040", "year", None, None),
        ("190", "day", "Kharkiv", 49.98),
    ]
    assert labels == [
        ("FRA", "France", None),
        ("KAZ", "Kazakhstan", "Russia"),
        ("RUSMIL", "Russia military", "Ukraine"),
    ]


def test_events_view_takes_the_finest_precision_and_one_mentions_place(tmp_path: Path) -> None:
    from dragoman import Location

    kyiv = Location("Kyiv", "UKR", "capital", 50.45, 30.52, "in Kyiv", 30, 37)
    lviv = Location("Lviv", "UKR", "city", 49.84, 24.02, "in Lviv", 30, 37)
    mentions = [
        replace(
            make_event(doc, "RUSMIL", "UKR", "190", date="2025-06-01"),
            date_precision=precision,
            location=where,
        )
        for doc, precision, where in (("a", "month", lviv), ("b", "day", kyiv), ("c", "day", None))
    ]
    with EventStore(tmp_path / "e.duckdb") as store:
        for mention in mentions:
            store.write(
                document_rows(
                    Document(mention.doc_id, f"Text {mention.doc_id}."),
                    [mention],
                    file="x.jsonl",
                    line=1,
                )
            )
        first = min(mentions[:2], key=lambda m: m.event_id)
        rows = store.sql(
            "SELECT date_precision, num_mentions, place_name, latitude, longitude FROM events"
        )
    assert first.location is not None
    assert rows == [
        ("day", 3, first.location.name, first.location.latitude, first.location.longitude)
    ]


def test_foreign_and_missing_databases_are_clear_errors(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a Dragoman event store"):
        EventStore(other)
    with pytest.raises(StoreError, match="no such database"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)
    text = tmp_path / "notes.duckdb"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        EventStore(text)


def test_actor_code_split_and_outlets() -> None:
    assert split_actor_code("KAZGOV") == ("KAZ", None, ("GOV",))
    assert split_actor_code("USAMILREB") == ("USA", None, ("MIL", "REB"))
    assert split_actor_code("IGOEUROSC") == (None, "EUROSC", ("IGO",))
    assert split_actor_code("---REB") == (None, None, ("REB",))
    assert split_actor_code("COP") == (None, None, ("COP",))
    assert outlet_of(doc("x", url="https://www.voanews.com/a/1"), "f.jsonl", 1) == "voanews.com"
    assert outlet_of(doc("x"), "dir/f.jsonl", 3) == "dir/f.jsonl"
    assert outlet_of(doc("x"), "site/a.txt", None) == "site"


def test_store_md_documents_every_column() -> None:
    text = DOCS_MD.read_text(encoding="utf-8")
    for table, columns in COLUMNS.items():
        section = re.search(rf"^### `{table}`\n(.*?)(?=^### |\Z)", text, re.S | re.M)
        assert section, f"docs/store.md has no section for {table}"
        for column, _ in columns:
            assert f"`{column}`" in section.group(1), f"{table}.{column} undocumented"


def test_storing_a_fixed_line_clears_its_read_failure(tmp_path: Path) -> None:
    with EventStore(tmp_path / "e.duckdb") as store:
        bad = RowBatch(
            failures=[
                failure_row("read", "not valid JSON", file="corpus.jsonl", line=1, doc_id=None),
                failure_row("read", "not valid JSON", file="corpus.jsonl", line=2, doc_id=None),
            ]
        )
        store.write(bad)
        store.write(rows(doc("a"), [], line=1))  # line 1 was fixed and read again
        left = store.sql("SELECT file, line FROM failures")
    assert left == [("corpus.jsonl", 2)]


def test_a_damaged_file_is_not_reported_as_locked(tmp_path: Path) -> None:
    path = tmp_path / "damaged.duckdb"
    with EventStore(path) as store:
        store.sql("CREATE TABLE filler AS SELECT range i, repeat('x', 100) s FROM range(200000)")
    size = path.stat().st_size
    with path.open("r+b") as stream:  # spoil a few bytes of every data block
        for offset in range(12_288 + 100, size, 262_144):
            stream.seek(offset)
            stream.write(b"\xff" * 64)
    with pytest.raises(StoreError) as info, EventStore(path, read_only=True) as store:
        store.sql("SELECT count(*) FROM filler")
    message = str(info.value)
    assert "damaged" in message and "in use" not in message and "wait" not in message


def test_a_file_held_by_another_process_is_reported_as_in_use(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "held.duckdb"
    with EventStore(path):
        code = f"from dragoman.store import EventStore; EventStore({str(path)!r})"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "in use by another process" in result.stderr


def test_runs_table_is_created_on_first_record_and_documented(tmp_path: Path) -> None:
    import datetime as dt

    from dragoman.store import RUN_COLUMNS, RunRecord

    started = dt.datetime(2025, 6, 1, 12, 0, 0)
    with EventStore(tmp_path / "e.duckdb") as store:
        assert not store.sql("SELECT * FROM information_schema.tables WHERE table_name = 'runs'")
        run_id = store.record_run(
            RunRecord(started_at=started, workers=2, model="en_core_web_md", ner=True, events=3)
        )
        store.record_run(RunRecord(started_at=started.replace(hour=13)))
        rows = store.sql("SELECT run_id, workers, model, ner, events, options FROM runs")
    assert sorted(rows)[0] == (run_id, 2, "en_core_web_md", True, 3, "{}")
    assert len(rows) == 2
    text = DOCS_MD.read_text(encoding="utf-8")
    section = re.search(r"^### `runs`\n(.*?)(?=^### |\Z)", text, re.S | re.M)
    assert section
    for column, _ in RUN_COLUMNS:
        assert f"`{column}`" in section.group(1), f"runs.{column} undocumented"
