"""Exporting a store: GDELT 2.0 events, ICEWS-style TSV, PLOVER JSON lines, CSV, Parquet.

Each format streams from DuckDB in Arrow batches, so exports of any size run in bounded
memory. Levels: ``events`` are the deduplicated events (one per day, source, target and CAMEO
code, with mention/source/article counts); ``mentions`` are the events as coded in each
document, with their evidence. Negated mentions ("did not attack") are never exported as
events; CSV and Parquet at the mentions level keep them, with ``negated`` true.

What each format leaves empty is listed in ``docs/store.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from dragoman.errors import StoreError
from dragoman.ontology import SECTOR_NAMES
from dragoman.store._geography import (
    GEO_FIELDS,
    action_geo,
    actor_geo,
    coordinate,
    country_names,
)
from dragoman.store._labels import short_name
from dragoman.store._rows import split_actor_code
from dragoman.store._store import EventStore

_log = logging.getLogger("dragoman")

__all__ = [
    "EXPORT_FORMATS",
    "EXPORT_LEVELS",
    "GDELT_COLUMNS",
    "GDELT_EMPTY_COLUMNS",
    "GDELT_EXTRA_COLUMNS",
    "ICEWS_COLUMNS",
    "PLOVER_RECIPIENT_REQUIRED",
    "csv_line",
    "export_store",
]

#: Export formats.
EXPORT_FORMATS = ("gdelt", "icews", "plover", "csv", "parquet")
#: Levels of the csv and parquet formats (gdelt is always events; icews and plover mentions).
EXPORT_LEVELS = ("events", "mentions")

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)

#: The 61 columns of a GDELT 2.0 event record, in order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

#: Dragoman's own columns after GDELT's 61: how precise ``SQLDATE`` is (day, month, year),
#: and the event's confidence (0-1, the most confident mention's).
GDELT_EXTRA_COLUMNS: tuple[str, ...] = ("DatePrecision", "Confidence")

#: GDELT columns Dragoman leaves empty: no ethnicity, religion or tone, and no second-level
#: administrative divisions.
GDELT_EMPTY_COLUMNS: tuple[str, ...] = (
    *(f"Actor{n}{f}" for n in (1, 2) for f in ("EthnicCode", "Religion1Code", "Religion2Code")),
    "AvgTone",
    *(f"{who}Geo_ADM2Code" for who in ("Actor1", "Actor2", "Action")),
)

#: Columns of the ICEWS-style TSV (ICEWS coded event data, Dataverse release layout).
ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "Date Precision",
    "Confidence",
)

_EVENTS_QUERY = """
SELECT * FROM events
ORDER BY event_date NULLS LAST, global_event_id
"""

_MENTIONS_QUERY = """
SELECT m.* EXCLUDE (data), d.url, d.title, d.outlet, d.story_date
FROM mentions AS m JOIN documents AS d USING (doc_id)
{where}
ORDER BY m.doc_id, m.sentence_index, m.verb_start, m.event_id
"""


def export_store(
    store: EventStore,
    fmt: str,
    *,
    out: str | Path | IO[str] | None = None,
    level: str | None = None,
    header: bool = False,
    overwrite: bool = False,
) -> int:
    """Export the events of a store.

    Args:
        store: The store to read.
        fmt: ``gdelt``, ``icews``, ``plover``, ``csv`` or ``parquet``.
        out: A text stream or file path for the text formats (default: standard output); a
            directory for ``parquet`` (required), written as ``year=YYYY/month=M/`` partitions.
        level: ``events`` or ``mentions`` for csv and parquet (default ``events``); gdelt is
            always events, icews and plover always mentions.
        header: Give the GDELT file a header line (GDELT's own files have none).
        overwrite: parquet: replace an earlier Dragoman export in ``out`` (without it, a
            non-empty ``out`` is refused). Other files are never deleted.

    Returns:
        The number of records written.

    Raises:
        StoreError: Unknown format or level, a missing ``out`` for parquet, a non-empty
            ``out`` for parquet without ``overwrite`` (or holding files that are not an
            earlier export), or an unwritable destination.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use {', '.join(EXPORT_FORMATS)}")
    fixed = {"gdelt": "events", "icews": "mentions", "plover": "mentions"}
    if level is not None and level not in EXPORT_LEVELS:
        raise StoreError(f"unknown level {level!r}; use events or mentions")
    if fmt in fixed and level not in (None, fixed[fmt]):
        raise StoreError(f"the {fmt} format is at the {fixed[fmt]} level; drop --level")
    chosen = fixed.get(fmt, level or "events")
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path):
            raise StoreError("parquet export needs an output directory: --out DIR")
        return _write_parquet(store, chosen, Path(out), overwrite)
    writers: dict[str, Callable[[EventStore, IO[str], str, bool], int]] = {
        "gdelt": _write_gdelt,
        "icews": _write_icews,
        "plover": _write_plover,
        "csv": _write_csv,
    }
    if out is None:
        return writers[fmt](store, sys.stdout, chosen, header)
    if isinstance(out, str | Path):
        try:
            with open(out, "w", encoding="utf-8", newline="") as stream:
                return writers[fmt](store, stream, chosen, header)
        except OSError as exc:
            raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return writers[fmt](store, out, chosen, header)


def _rows(store: EventStore, query: str) -> Iterator[dict[str, Any]]:
    for batch in store.record_batches(query):
        yield from batch.to_pylist()


def _query(level: str, *, affirmed_only: bool) -> str:
    if level == "events":
        return _EVENTS_QUERY
    return _MENTIONS_QUERY.format(where="WHERE NOT m.negated" if affirmed_only else "")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _gdelt_actor(code: str | None, name: str | None) -> list[str]:
    if not code:
        return [""] * len(_ACTOR_FIELDS)
    country, group, types = split_actor_code(code)
    padded = [*types[:3], "", "", ""][:3]
    return [code, (name or "").upper(), country or "", group or "", "", "", "", *padded]


def _gdelt_record(row: dict[str, Any]) -> list[str]:
    date: dt.date | None = row["event_date"]
    if date is not None:
        day_of_year = date.timetuple().tm_yday
        days = 366 if date.year % 4 == 0 and (date.year % 100 or date.year % 400 == 0) else 365
        dates = [
            date.strftime("%Y%m%d"),
            date.strftime("%Y%m"),
            str(date.year),
            f"{date.year + day_of_year / days:.4f}",
        ]
    else:
        dates = ["", "", "", ""]
    code = str(row["cameo_code"])
    added: dt.datetime | None = row["date_added"]
    return [
        str(row["global_event_id"]),
        *dates,
        *_gdelt_actor(row["source_code"], row["source_name"]),
        *_gdelt_actor(row["target_code"], row["target_name"]),
        "1" if row["is_root_event"] else "0",
        code,
        code[:3],
        str(row["root_code"]),
        str(row["quad_class"]),
        f"{row['goldstein']:g}",
        str(row["num_mentions"]),
        str(row["num_sources"]),
        str(row["num_articles"]),
        "",
        *actor_geo(row["source_code"], row),
        *actor_geo(row["target_code"], row),
        *action_geo(row),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        _cell(row["source_url"]),
        _cell(row["date_precision"]),
        _confidence(row["confidence"]),
    ]


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _write_gdelt(store: EventStore, out: IO[str], level: str, header: bool) -> int:
    if header:
        out.write("\t".join(GDELT_COLUMNS + GDELT_EXTRA_COLUMNS) + "\n")
    count = 0
    for row in _rows(store, _query("events", affirmed_only=True)):
        out.write("\t".join(_gdelt_record(row)) + "\n")
        count += 1
    return count


def _icews_actor(code: str | None, name: str | None) -> list[str]:
    if not code:
        return ["", "", ""]
    country, group, types = split_actor_code(code)
    sectors = ",".join(SECTOR_NAMES.get(t, t) for t in types if t not in ("IGO",))
    if group:
        sectors = ",".join(filter(None, ["international organization", sectors]))
    return [
        short_name(name) if name else code,
        sectors,
        country_names().get(country or "", country or ""),
    ]


def _icews_place(row: dict[str, Any]) -> list[Any]:
    """City, District, Province, Country, Latitude, Longitude of a mention's place."""
    name = row["place_name"]
    if not name:
        return ["", "", "", "", "", ""]
    feature = row["place_feature"]
    country = country_names().get(row["place_country"] or "", row["place_country"] or "")
    return [
        name if feature in ("city", "capital") else "",
        "",
        name if feature == "region" and row["place_country"] else "",
        name if feature in ("country", "border") and not country else country,
        coordinate(row["latitude"]),
        coordinate(row["longitude"]),
    ]


def _write_icews(store: EventStore, out: IO[str], level: str, header: bool) -> int:
    # Quoted as TSV readers expect (pandas, csv): a cell with a '"' is put in quotes with
    # the quote doubled, so an id such as '"Breaking" news' stays one cell.
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(ICEWS_COLUMNS)
    count = 0
    for row in _rows(store, _query("mentions", affirmed_only=True)):
        record = [
            row["event_id"],
            row["event_date"].isoformat() if row["event_date"] else "",
            *_icews_actor(row["source_code"], row["source_name"]),
            row["cameo_name"],
            row["cameo_code"],
            row["goldstein"],
            *_icews_actor(row["target_code"], row["target_name"]),
            row["doc_id"],
            row["sentence_index"] + 1,
            row["outlet"],
            *_icews_place(row),
            row["date_precision"],
            _confidence(row["confidence"]),
        ]
        writer.writerow([_cell(v) for v in record])
        count += 1
    return count


def _plover_entity(code: str | None, name: str | None, text: str | None) -> dict[str, Any]:
    country, group, types = split_actor_code(code or "")
    entity: dict[str, Any] = {"code": country or (types[0] if group else "---")}
    sector = "".join(t for t in types if t != "IGO") or group
    if sector:
        entity["sector"] = sector
    entity["actor_code"] = code
    if text:
        entity["entity_text"] = text
    if name:
        entity["identifier_text"] = short_name(name)
    return entity


#: PLOVER types whose records need a recipient (PLOVER manual, "Requires recipient: Yes").
PLOVER_RECIPIENT_REQUIRED = frozenset({"COOPERATE", "AID", "SANCTION"})
# CAMEO codes whose source is PLOVER's recipient: 043 "host a visit" is CONSULT with mode
# visit, where the visitor is the actor and the host the recipient.
_PLOVER_SWAPPED = frozenset({"043"})
# PLOVER location resolution: 4 city, 2 province, 1 country.
_RESOLUTION = {"city": 4, "capital": 4, "region": 2, "country": 1, "border": 1}


def _plover_location(row: dict[str, Any], data: dict[str, Any]) -> dict[str, Any] | None:
    """PLOVER's event_loc (manual, "Location object") from a mention's place."""
    if not row["place_name"]:
        return None
    place = data.get("location") or {}
    feature = row["place_feature"]
    code = row["place_country"]
    loc: dict[str, Any] = {
        "extracted_place": place.get("text"),
        "resolved_place": row["place_name"],
        "lat": row["latitude"],
        "lon": row["longitude"],
    }
    if feature in ("city", "capital"):
        loc["city"] = row["place_name"]
    if feature == "region" and code:
        loc["province"] = row["place_name"]
    if code:
        loc["country"] = country_names().get(code, code)
        loc["country_code"] = code
    if feature in _RESOLUTION:
        loc["resolution"] = _RESOLUTION[feature]
    loc["feature"] = feature
    return loc


def _write_plover(store: EventStore, out: IO[str], level: str, header: bool) -> int:
    from dragoman import __version__
    from dragoman.ontology import plover_for

    query = _MENTIONS_QUERY.format(where="WHERE NOT m.negated AND m.plover_type IS NOT NULL")
    query = query.replace("m.* EXCLUDE (data)", "m.*")
    count = 0
    left_out = 0
    for row in _rows(store, query):
        if row["plover_type"] in PLOVER_RECIPIENT_REQUIRED and not row["target_code"]:
            left_out += 1
            continue
        data = json.loads(row["data"])
        source = _plover_entity(
            row["source_code"], row["source_name"], (data.get("source") or {}).get("text")
        )
        target = (
            _plover_entity(
                row["target_code"], row["target_name"], (data.get("target") or {}).get("text")
            )
            if row["target_code"]
            else None
        )
        if target is not None and row["cameo_code"] in _PLOVER_SWAPPED:
            source, target = target, source
        try:
            contexts = list(plover_for(row["cameo_code"]).contexts)
        except KeyError:
            contexts = []
        record: dict[str, Any] = {
            "id": row["event_id"],
            "date": row["event_date"].isoformat() if row["event_date"] else None,
            "date_precision": row["date_precision"],
            "confidence": row["confidence"],
            "actor": [source],
            "recipient": [target] if target is not None else [],
            "event": [row["plover_type"]],
            "mode": [row["plover_mode"]] if row["plover_mode"] else [],
            "context": contexts,
            "event_text": [row["verb"]] if row["verb"] else [],
            "quad_code": row["quad_class"],
            "text": row["sentence"],
            "text_info": {
                "sequence": row["sentence_index"],
                "start": row["sentence_start"],
                "end": row["sentence_end"],
            },
            "cite_info": {
                "corpus": row["doc_id"],
                "url": row["url"],
                "title": row["title"],
                "publication": row["outlet"],
                "coder": f"dragoman {__version__}",
                "codebook": "CAMEO via the CAMEO-to-PLOVER crosswalk",
            },
            "link": str(row["global_event_id"]),
            "cameo": {"code": row["cameo_code"], "name": row["cameo_name"]},
            "goldstein": row["goldstein"],
        }
        location = _plover_location(row, data)
        if location is not None:
            record["event_loc"] = location
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    if left_out:
        _log.warning(
            "plover: %d mention(s) of %s without a recipient left out (the PLOVER manual "
            "requires one for these types)",
            left_out,
            ", ".join(sorted(PLOVER_RECIPIENT_REQUIRED)),
        )
    return count


def _csv_cell(value: Any) -> str:
    """One CSV field: text always quoted, so readers that honour quotes keep codes such
    as CAMEO ``010`` as text; numbers and booleans bare; NULL an empty unquoted field."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return '"' + str(value).replace('"', '""') + '"'


def csv_line(values: Sequence[Any]) -> str:
    """One line of Dragoman's CSV (with its newline): text quoted, numbers and booleans bare,
    NULL empty, as ``dragoman export --format csv`` writes it."""
    return ",".join(_csv_cell(v) for v in values) + "\n"


def _write_csv(store: EventStore, out: IO[str], level: str, header: bool) -> int:
    count = 0
    names: list[str] | None = None
    for batch in store.record_batches(_query(level, affirmed_only=False)):
        if names is None:
            names = batch.schema.names
            out.write(csv_line(names))
        for row in batch.to_pylist():
            out.write(csv_line(list(row.values())))
            count += 1
    if names is None:
        empty = store.record_batches(_query(level, affirmed_only=False) + " LIMIT 0")
        out.write(csv_line(empty.schema.names))
    return count


def _write_parquet(store: EventStore, level: str, out: Path, overwrite: bool) -> int:
    import pyarrow as pa
    import pyarrow.dataset as ds

    base = _query(level, affirmed_only=False)
    date_column = "event_date"
    # Undated rows go to year=0/month=0: a null partition key (__HIVE_DEFAULT_PARTITION__)
    # makes pandas.read_parquet and DuckDB's hive reading fail or turn the keys into text.
    query = (
        f"SELECT *, coalesce(year({date_column}), 0) AS year, "
        f"coalesce(month({date_column}), 0) AS month FROM ({base})"
    )
    # Refuse (or clear) the directory before the query starts: a refusal must not leave a
    # result stream open (with DuckDB 1.5, the next export of the same database in the same
    # process then hung: tests/cli/test_cli_ingest.py under make test-lowest).
    try:
        _clear_previous_export(out, overwrite)
    except OSError as exc:
        raise StoreError(f"cannot clear the earlier export in {out}: {exc}") from exc
    reader = store.record_batches(query)
    counted = 0

    def counting() -> Iterator[pa.RecordBatch]:
        nonlocal counted
        for batch in reader:
            counted += batch.num_rows
            yield batch

    try:
        out.mkdir(parents=True, exist_ok=True)
        ds.write_dataset(
            counting(),
            out,
            schema=reader.schema,
            format="parquet",
            partitioning=["year", "month"],
            partitioning_flavor="hive",
            basename_template="part-{i}.parquet",
            existing_data_behavior="delete_matching",
        )
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"cannot write Parquet files in {out}: {exc}") from exc
    return counted


def _clear_previous_export(out: Path, overwrite: bool) -> None:
    """Remove an earlier Parquet export from ``out`` when asked to overwrite it, so that the
    new one is not mixed with it (partitions the new data does not have would stay otherwise).

    Raises:
        StoreError: ``out`` is not empty and ``overwrite`` is not set; or it holds anything
            but an earlier export: Dragoman never deletes files it did not write.
    """
    import shutil

    if not out.exists():
        return
    if not out.is_dir():
        raise StoreError(f"{out} is a file; parquet export needs a directory: --out DIR")
    entries = list(out.iterdir())
    foreign = [
        e for e in entries if not (e.is_dir() and e.name.startswith("year=") and _only_parts(e))
    ]
    if foreign:
        raise StoreError(
            f"{out} holds files that are not an earlier Dragoman export ({foreign[0].name}, "
            f"{len(foreign)} in all); give an empty or new directory"
        )
    if entries and not overwrite:
        raise StoreError(
            f"{out} holds an earlier export; add --overwrite to replace it, or give an "
            "empty or new directory"
        )
    for entry in entries:
        shutil.rmtree(entry)


def _only_parts(folder: Path) -> bool:
    """Whether a folder holds only ``month=*`` folders of ``part-*.parquet`` files."""
    for path in folder.rglob("*"):
        if path.is_dir():
            if not path.name.startswith("month="):
                return False
        elif not (path.name.startswith("part-") and path.suffix == ".parquet"):
            return False
    return True
