"""Turning coded documents into the store's rows (plain tuples, cheap to send between
processes) and batches of rows into Arrow tables for insertion.

Rows are built where the coding happens (in worker processes or on Dask workers), so the
process that writes the database only moves data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from dragoman.ontology import SECTOR_NAMES
from dragoman.records import Actor, Document, Event, normalize_date
from dragoman.store._schema import COLUMNS, TABLES

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "FAILURE_STAGES",
    "RowBatch",
    "content_hash",
    "document_rows",
    "event_key",
    "failure_row",
    "outlet_of",
    "quote_row",
    "split_actor_code",
]

#: Where a document can fail: reading the input, a duplicate id with another text, coding
#: (an exception in parsing or coding), a worker process dying on it.
FAILURE_STAGES = ("read", "duplicate", "code", "worker")

# Codes that begin an actor code without being a country (CAMEO manual, ch. 3: IGOs, NGOs,
# multinationals, unidentified state actors; PETRARCH's "---" for an unknown country).
_GROUP_PREFIXES = ("IGO", "NGO", "MNC", "IMG", "UIS", "NGM")

_ARROW_TYPES = {
    "VARCHAR": "string",
    "JSON": "string",
    "INTEGER": "int32",
    "BIGINT": "int64",
    "TINYINT": "int8",
    "DOUBLE": "float64",
    "BOOLEAN": "bool_",
    "DATE": "date32",
    "TIMESTAMP": "timestamp",
}

#: Columns filled by the writer at commit time, not by the coder.
WRITER_COLUMNS = {"documents": "ingested_at", "failures": "recorded_at"}


def content_hash(text: str) -> str:
    """Return the content hash of a document text (BLAKE2b, 128 bits, hex).

    A lone surrogate (which a reader reports before it gets here) is hashed as its code
    point instead of raising; every other text hashes as its UTF-8 bytes.
    """
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def event_key(date: str | None, source: str, target: str | None, code: str) -> int:
    """Return the global id of the deduplicated event (day, source, target, code).

    A positive 60-bit integer (GDELT's GLOBALEVENTID is an integer), stable across runs,
    machines and DuckDB versions.
    """
    key = "\x1f".join([date or "", source, target or "", code])
    return int(hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()[:15], 16)


def split_actor_code(code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Split a CAMEO actor code into country, known group and role (sector) codes.

    Args:
        code: ``KAZGOV``, ``IGOEUROSC``, ``---REB``, ``USAMILREB``...

    Returns:
        ``(country, known_group, types)``: ``("KAZ", None, ("GOV",))``,
        ``(None, "EUROSC", ("IGO",))``, ``(None, None, ("REB",))``.
    """
    head, rest = code[:3], code[3:]
    chunks = tuple(rest[i : i + 3] for i in range(0, len(rest), 3) if rest[i : i + 3])
    if head == "---":
        return None, None, chunks
    if head in _GROUP_PREFIXES:
        return None, rest or None, (head,)
    if head in SECTOR_NAMES:
        return None, None, (head, *chunks)
    if len(head) == 3 and head.isalpha() and head.isupper():
        return head, None, chunks
    return None, None, chunks


def outlet_of(document: Document, file: str, line: int | None) -> str:
    """Return the outlet a document counts for in NumSources.

    The host of its URL (without ``www.``); without a URL, the input file for files of
    many documents (JSON lines, WARC), the folder for one-document files.
    """
    if document.url:
        host = urlsplit(document.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if line is not None or file == "-":
        return file
    return os.path.dirname(file) or "."


def failure_row(
    stage: str, reason: str, *, file: str | None, line: int | None, doc_id: str | None
) -> tuple[Any, ...]:
    """Return a failures row (without ``recorded_at``).

    The row's id depends on stage, file, line and document only, so the same failure found
    again (a re-run, a resumed run) is the same row.
    """
    doc_id, file = _storable(doc_id), _storable(file)
    reason = _storable(reason) or ""
    key = "\x1f".join([stage, file or "", str(line or ""), doc_id or ""])
    failure_id = hashlib.blake2b(key.encode("utf-8"), digest_size=12).hexdigest()
    return (failure_id, doc_id, stage, reason, file, line)


def _storable(value: str | None) -> str | None:
    """Escape what a database cannot store (lone surrogates, NUL) in a failure's text."""
    if value is None:
        return None
    return value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


def _actor_row(event_id: str, role: str, doc_id: str, actor: Actor) -> tuple[Any, ...]:
    country, _group, types = split_actor_code(actor.code)
    return (
        event_id,
        role,
        doc_id,
        actor.code,
        country,
        " ".join(types) or None,
        actor.name,
        actor.text,
        actor.start,
        actor.end,
        actor.entry,
        actor.rule,
    )


def quote_row(doc_id: str, quote: Any) -> tuple[Any, ...]:
    """Return a quotes row from a quote record (anything with ``to_dict()``, or a dict).

    The dict may hold ``speaker`` (an actor dict: ``{code, name, text, start, end}``),
    ``speaker_text`` (the words naming the speaker, when they differ from the actor's),
    ``cue`` and ``content`` (``{text, start, end}``), ``kind``, ``sentence_index`` and
    ``quote_id``; everything is also kept in the ``data`` column.
    """
    data: dict[str, Any] = quote.to_dict() if hasattr(quote, "to_dict") else dict(quote)
    speaker = data.get("speaker") or {}
    cue = data.get("cue") or {}
    content = data.get("content") or {}
    if isinstance(content, str):
        content = {"text": content}
    text = str(content.get("text", ""))
    quote_id = (
        data.get("quote_id")
        or hashlib.blake2b(
            f"{doc_id}\x1f{content.get('start')}\x1f{text}".encode(), digest_size=8
        ).hexdigest()
    )
    return (
        str(quote_id),
        doc_id,
        data.get("sentence_index"),
        data.get("kind"),
        data.get("speaker_text") or speaker.get("text"),
        speaker.get("start"),
        speaker.get("end"),
        speaker.get("code"),
        speaker.get("name"),
        cue.get("text"),
        cue.get("start"),
        cue.get("end"),
        text,
        content.get("start"),
        content.get("end"),
        json.dumps(data, ensure_ascii=False, sort_keys=True),
    )


def _mention_row(event: Event) -> tuple[Any, ...]:
    target = event.target
    place = event.location
    evidence = event.evidence
    return (
        event.event_id,
        event_key(event.date, event.source.code, target.code if target else None, event.cameo.code),
        event.doc_id,
        event.sentence_index,
        event.date,
        event.source.code,
        event.source.name,
        target.code if target else None,
        target.name if target else None,
        event.cameo.code,
        event.cameo.name,
        event.root_code,
        event.quad_class,
        event.goldstein,
        event.plover.type,
        event.plover.mode,
        event.negated,
        evidence.sentence.text,
        evidence.sentence.start,
        evidence.sentence.end,
        evidence.verb.text,
        evidence.verb.start,
        evidence.verb.end,
        evidence.pattern,
        json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True),
        event.date_precision if event.date else None,
        place.name if place else None,
        place.country if place else None,
        place.feature if place else None,
        place.latitude if place else None,
        place.longitude if place else None,
        actor_label(event.source.code),
        actor_label(target.code) if target else None,
        event.confidence,
    )


def actor_label(code: str) -> str:
    """The aggregate label of an actor code (see :mod:`dragoman.store._labels`)."""
    from dragoman.store._labels import actor_label as label  # _labels imports this module

    return label(code)


@dataclass
class RowBatch:
    """Rows for each table, ready to be written in one transaction.

    ``documents`` rows lack ``ingested_at`` and ``failures`` rows lack ``recorded_at``: the
    writer adds them.
    """

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    actors: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)
    failures: list[tuple[Any, ...]] = field(default_factory=list)

    def extend(self, other: RowBatch) -> None:
        """Append the rows of another batch."""
        for name in TABLES:
            getattr(self, name).extend(getattr(other, name))

    def is_empty(self) -> bool:
        """Return True when there is nothing to write."""
        return not any(getattr(self, name) for name in TABLES)

    def to_tables(self, now: dt.datetime | None = None) -> dict[str, pa.Table]:
        """Return one Arrow table per store table, with the writer's timestamp columns.

        Args:
            now: The timestamp for ``ingested_at``/``recorded_at`` (default: now, UTC).
        """
        stamp = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        return {name: rows_to_table(name, getattr(self, name), stamp) for name in TABLES}


def arrow_schema(name: str) -> pa.Schema:
    """Return the Arrow schema of a store table."""
    import pyarrow as pa

    fields = []
    for column, kind in COLUMNS[name]:
        base = kind.split()[0]
        arrow = _ARROW_TYPES[base]
        typ = pa.timestamp("us") if arrow == "timestamp" else getattr(pa, arrow)()
        fields.append(pa.field(column, typ))
    return pa.schema(fields)


def rows_to_table(name: str, rows: Sequence[tuple[Any, ...]], now: dt.datetime) -> pa.Table:
    """Return the Arrow table of a list of rows (adding the writer's timestamp column)."""
    import pyarrow as pa

    schema = arrow_schema(name)
    stamp_column = WRITER_COLUMNS.get(name)
    columns: list[Any] = [list(col) for col in zip(*rows, strict=True)] if rows else []
    if not rows:
        columns = [[] for _ in schema.names if _ != stamp_column]
    arrays = []
    index = 0
    for schema_field in schema:
        if schema_field.name == stamp_column:
            arrays.append(pa.array([now] * len(rows), schema_field.type))
            continue
        values = columns[index]
        index += 1
        if schema_field.type == pa.date32():
            values = [dt.date.fromisoformat(v) if isinstance(v, str) else v for v in values]
        arrays.append(pa.array(values, schema_field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def document_rows(
    document: Document,
    events: Iterable[Event],
    *,
    file: str,
    line: int | None,
    keep_text: bool = False,
    quotes: Iterable[Any] = (),
) -> RowBatch:
    """Return the rows of one coded document: the document, its mentions, actors and quotes.

    Args:
        document: The document.
        events: Its events (duplicate event ids are kept once).
        file: The input file it was read from.
        line: Its line or record number in the file, if any.
        keep_text: Store the full text in ``documents.text``.
        quotes: Quote records of the document (objects with ``to_dict()``), if any.

    Returns:
        The rows, one document row included.
    """
    batch = RowBatch()
    seen: set[str] = set()
    for event in events:
        if event.event_id in seen:
            continue
        seen.add(event.event_id)
        batch.mentions.append(_mention_row(event))
        batch.actors.append(_actor_row(event.event_id, "source", document.id, event.source))
        if event.target is not None:
            batch.actors.append(_actor_row(event.event_id, "target", document.id, event.target))
    batch.quotes.extend(quote_row(document.id, quote) for quote in quotes)
    batch.documents.append(
        (
            document.id,
            content_hash(document.text),
            document.title,
            document.url,
            normalize_date(document.date),
            outlet_of(document, file, line),
            file,
            line,
            len(document.text),
            len(seen),
            document.text if keep_text else None,
        )
    )
    return batch
