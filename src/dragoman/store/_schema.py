"""The event store's schema: tables, the events view, the version table and migrations.

``docs/store.md`` documents every table and column; keep the two in step (a test compares
them). A database records the schema version it was written with in ``dragoman_schema``.
Opening one with an older version runs the migrations in :data:`MIGRATIONS` (each in a
transaction); a version with no migration path, or a newer one, is a clear
:class:`~dragoman.errors.StoreError` saying what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from dragoman.errors import StoreError

if TYPE_CHECKING:
    import duckdb

__all__ = [
    "COLUMNS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "ensure_schema",
    "schema_version",
]

#: The version of the schema this Dragoman writes.
SCHEMA_VERSION = 2

#: Column names and DuckDB types of each table, in order. Every insert goes by name.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "VARCHAR NOT NULL PRIMARY KEY"),
        ("content_hash", "VARCHAR NOT NULL"),
        ("title", "VARCHAR"),
        ("url", "VARCHAR"),
        ("story_date", "DATE"),
        ("outlet", "VARCHAR NOT NULL"),
        ("file", "VARCHAR NOT NULL"),
        ("line", "INTEGER"),
        ("n_chars", "INTEGER NOT NULL"),
        ("n_events", "INTEGER NOT NULL"),
        ("text", "VARCHAR"),
        ("ingested_at", "TIMESTAMP NOT NULL"),
    ),
    "mentions": (
        ("event_id", "VARCHAR NOT NULL PRIMARY KEY"),
        ("global_event_id", "BIGINT NOT NULL"),
        ("doc_id", "VARCHAR NOT NULL"),
        ("sentence_index", "INTEGER NOT NULL"),
        ("event_date", "DATE"),
        ("source_code", "VARCHAR NOT NULL"),
        ("source_name", "VARCHAR"),
        ("target_code", "VARCHAR"),
        ("target_name", "VARCHAR"),
        ("cameo_code", "VARCHAR NOT NULL"),
        ("cameo_name", "VARCHAR"),
        ("root_code", "VARCHAR NOT NULL"),
        ("quad_class", "TINYINT NOT NULL"),
        ("goldstein", "DOUBLE NOT NULL"),
        ("plover_type", "VARCHAR"),
        ("plover_mode", "VARCHAR"),
        ("negated", "BOOLEAN NOT NULL"),
        ("sentence", "VARCHAR"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("verb", "VARCHAR"),
        ("verb_start", "INTEGER"),
        ("verb_end", "INTEGER"),
        ("pattern", "VARCHAR"),
        ("data", "JSON NOT NULL"),
        # schema 2: what the event record knew and version 1 kept only in ``data``
        ("date_precision", "VARCHAR"),
        ("place_name", "VARCHAR"),
        ("place_country", "VARCHAR"),
        ("place_feature", "VARCHAR"),
        ("latitude", "DOUBLE"),
        ("longitude", "DOUBLE"),
        ("source_label", "VARCHAR"),
        ("target_label", "VARCHAR"),
        ("confidence", "DOUBLE"),
    ),
    "actors": (
        ("event_id", "VARCHAR NOT NULL"),
        ("role", "VARCHAR NOT NULL"),
        ("doc_id", "VARCHAR NOT NULL"),
        ("code", "VARCHAR NOT NULL"),
        ("country", "VARCHAR"),
        ("sectors", "VARCHAR"),
        ("name", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("entry", "VARCHAR"),
        ("rule", "VARCHAR"),
    ),
    "quotes": (
        ("quote_id", "VARCHAR NOT NULL PRIMARY KEY"),
        ("doc_id", "VARCHAR NOT NULL"),
        ("sentence_index", "INTEGER"),
        ("kind", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("speaker_code", "VARCHAR"),
        ("speaker_name", "VARCHAR"),
        ("cue_text", "VARCHAR"),
        ("cue_start", "INTEGER"),
        ("cue_end", "INTEGER"),
        ("content_text", "VARCHAR NOT NULL"),
        ("content_start", "INTEGER"),
        ("content_end", "INTEGER"),
        ("data", "JSON NOT NULL"),
    ),
    "failures": (
        ("failure_id", "VARCHAR NOT NULL PRIMARY KEY"),
        ("doc_id", "VARCHAR"),
        ("stage", "VARCHAR NOT NULL"),
        ("reason", "VARCHAR NOT NULL"),
        ("file", "VARCHAR"),
        ("line", "INTEGER"),
        ("recorded_at", "TIMESTAMP NOT NULL"),
    ),
}

#: The tables, in the order they are written within a batch.
TABLES = tuple(COLUMNS)

_EXTRA_KEYS = {"actors": "PRIMARY KEY (event_id, role)"}

# The deduplicated events: one row per (day, source, target, CAMEO code) over all documents.
# A view, not a table, so the counts can never drift from the mentions after an interrupted
# run. Negated mentions ("did not attack") are not occurrences and are left out.
_EVENTS_VIEW = """
CREATE VIEW events AS
SELECT
    m.global_event_id,
    m.event_date,
    m.source_code,
    m.target_code,
    m.cameo_code,
    -- the codes' aggregate labels ("United States government"), not one mention's person
    min(m.source_label) AS source_name,
    min(m.target_label) AS target_name,
    min(m.cameo_name) AS cameo_name,
    min(m.root_code) AS root_code,
    min(m.quad_class) AS quad_class,
    min(m.goldstein) AS goldstein,
    min(m.plover_type) AS plover_type,
    min(m.plover_mode) AS plover_mode,
    -- the finest precision any mention gives the date: day, then month, then year
    CASE min(CASE m.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 END)
        WHEN 0 THEN 'day' WHEN 1 THEN 'month' WHEN 2 THEN 'year' END AS date_precision,
    -- the place of the first located mention (by event_id), all five from the same mention
    arg_min(m.place_name, m.event_id) FILTER (WHERE m.place_name IS NOT NULL) AS place_name,
    arg_min(m.place_country, m.event_id) FILTER (WHERE m.place_name IS NOT NULL)
        AS place_country,
    arg_min(m.place_feature, m.event_id) FILTER (WHERE m.place_name IS NOT NULL)
        AS place_feature,
    arg_min(m.latitude, m.event_id) FILTER (WHERE m.place_name IS NOT NULL) AS latitude,
    arg_min(m.longitude, m.event_id) FILTER (WHERE m.place_name IS NOT NULL) AS longitude,
    -- the most confident mention's confidence (NULL for events stored before version 2)
    max(m.confidence) AS confidence,
    count(*) AS num_mentions,
    count(DISTINCT d.outlet) AS num_sources,
    count(DISTINCT m.doc_id) AS num_articles,
    bool_or(m.sentence_index = 0) AS is_root_event,
    min(m.doc_id) AS first_doc_id,
    arg_min(d.url, m.doc_id) AS source_url,
    min(d.ingested_at) AS date_added
FROM mentions AS m
JOIN documents AS d USING (doc_id)
WHERE NOT m.negated
GROUP BY m.global_event_id, m.event_date, m.source_code, m.target_code, m.cameo_code
"""

_VERSION_TABLE = """
CREATE TABLE dragoman_schema (
    version INTEGER NOT NULL,
    dragoman_version VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
)
"""


def _migrate_1_to_2(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2 adds each mention's date precision, place and confidence (filled from
    ``data``; version-1 events have no confidence: NULL) and its actors' aggregate labels;
    the events view names actors by those labels."""
    from dragoman.store._labels import actor_label

    for column, kind in COLUMNS["mentions"][-9:]:
        con.execute(f"ALTER TABLE mentions ADD COLUMN {column} {kind}")
    codes = con.execute(
        "SELECT source_code FROM mentions UNION SELECT target_code FROM mentions "
        "WHERE target_code IS NOT NULL"
    ).fetchall()
    con.execute("CREATE TEMP TABLE actor_labels (code VARCHAR PRIMARY KEY, label VARCHAR)")
    if codes:
        con.executemany(
            "INSERT INTO actor_labels VALUES (?, ?)",
            [(code, actor_label(code)) for (code,) in codes],
        )
    con.execute(
        "UPDATE mentions SET source_label = l.label FROM actor_labels AS l "
        "WHERE l.code = mentions.source_code"
    )
    con.execute(
        "UPDATE mentions SET target_label = l.label FROM actor_labels AS l "
        "WHERE l.code = mentions.target_code"
    )
    con.execute("DROP TABLE actor_labels")
    con.execute(
        """
        UPDATE mentions SET
            date_precision = CASE WHEN event_date IS NOT NULL
                THEN coalesce(data->>'date_precision', 'day') END,
            place_name = data->'location'->>'name',
            place_country = data->'location'->>'country',
            place_feature = data->'location'->>'feature',
            latitude = TRY_CAST(data->'location'->>'latitude' AS DOUBLE),
            longitude = TRY_CAST(data->'location'->>'longitude' AS DOUBLE),
            confidence = TRY_CAST(data->>'confidence' AS DOUBLE)
        """
    )
    con.execute("DROP VIEW events")
    con.execute(_EVENTS_VIEW)


#: Migrations: ``MIGRATIONS[n]`` brings a database from version ``n`` to ``n + 1``.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {1: _migrate_1_to_2}


def _create_table(name: str) -> str:
    parts = [f"    {column} {kind}" for column, kind in COLUMNS[name]]
    if name in _EXTRA_KEYS:
        parts.append(f"    {_EXTRA_KEYS[name]}")
    body = ",\n".join(parts)
    return f"CREATE TABLE {name} (\n{body}\n)"


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """Return the schema version recorded in a database, or None if it has none."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'dragoman_schema'"
    ).fetchall()
    if not found[0][0]:
        return None
    row = con.execute("SELECT max(version) FROM dragoman_schema").fetchall()
    return int(row[0][0]) if row and row[0][0] is not None else None


def ensure_schema(con: duckdb.DuckDBPyConnection, path: str, *, writable: bool) -> int:
    """Create the schema in a new database, or check (and migrate) an existing one.

    Args:
        con: An open connection.
        path: The database file, for messages.
        writable: Whether the connection may create or migrate.

    Returns:
        The schema version of the database (always :data:`SCHEMA_VERSION` when writable).

    Raises:
        StoreError: The file holds other tables, a newer schema, or an old schema that
            cannot be migrated (or needs migrating and the connection is read-only).
    """
    from dragoman import __version__

    version = schema_version(con)
    if version is None:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT table_name FROM information_schema.tables ORDER BY table_name"
            ).fetchall()
        ]
        if tables:
            raise StoreError(
                f"{path} is a DuckDB database but not a Dragoman event store (it has tables "
                f"{', '.join(tables[:5])}); give another file name with --db"
            )
        if not writable:
            raise StoreError(f"{path} is empty; run 'dragoman ingest ... --db {path}' first")
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(_VERSION_TABLE)
            for name in TABLES:
                con.execute(_create_table(name))
            con.execute(_EVENTS_VIEW)
            con.execute(
                "INSERT INTO dragoman_schema VALUES (?, ?, ?, ?)",
                [SCHEMA_VERSION, __version__, now, now],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer Dragoman (schema version {version}; this one "
            f"reads up to {SCHEMA_VERSION}); upgrade with 'pip install -U dragoman'"
        )
    if version == SCHEMA_VERSION:
        return version
    if not writable:
        return version
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise StoreError(
                f"{path} has schema version {version}, which this Dragoman "
                f"({__version__}, schema {SCHEMA_VERSION}) cannot migrate; ingest the "
                "documents again into a new database with --db NEW.duckdb"
            )
        con.execute("BEGIN TRANSACTION")
        try:
            step(con)
            con.execute(
                "UPDATE dragoman_schema SET version = ?, dragoman_version = ?, updated_at = ?",
                [version + 1, __version__, dt.datetime.now(dt.UTC).replace(tzinfo=None)],
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"{path}: migrating from schema version {version} failed ({exc}); the "
                "database is unchanged"
            ) from exc
        version += 1
    return version
