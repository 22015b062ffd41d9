"""The dashboard's read queries: event search, one event with its evidence, documents, quotes.

Every value from a request reaches DuckDB as a bound parameter; only column names written
here appear in SQL text. Each query runs on its own cursor, so requests served by different
threads never share a result set (DuckDB 2 refuses a second query on a busy connection).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dragoman.analysis import ActorCodes, DateRange
from dragoman.analysis._filters import actor_condition
from dragoman.errors import QueryError, StoreError
from dragoman.ontology import plover_types
from dragoman.server._highlight import Segment, highlight

if TYPE_CHECKING:
    import duckdb

    from dragoman.store import EventStore

__all__ = [
    "EventFilter",
    "EventPage",
    "QuoteFilter",
    "cursor",
    "get_document",
    "get_event",
    "search_events",
    "search_quotes",
]

_CAMEO = re.compile(r"^\d{2,4}$")
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_MAX_TEXT = 200


@contextmanager
def cursor(store: EventStore) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a cursor of the store's connection for one request, closed afterwards."""
    import duckdb

    try:
        cur = store.connection.cursor()
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: cannot open a cursor: {exc}") from exc
    try:
        yield cur
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: query failed: {str(exc).splitlines()[0]}") from exc
    finally:
        cur.close()


def _text(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > _MAX_TEXT:
        raise QueryError(f"{name} is {len(value)} characters long; give at most {_MAX_TEXT}")
    return value.strip()


@dataclass
class EventFilter:
    """Filters of an event search; empty values filter nothing.

    Attributes:
        actor: Source or target actor code (any level unless ``exact``).
        source: Source actor code.
        target: Target actor code.
        code: CAMEO code or its beginning (``11`` finds ``111``, ``112``...).
        plover: PLOVER type (``ACCUSE``).
        quad: Quad class, 1 to 4.
        since: First event date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``).
        until: Last event date.
        text: Words the evidence sentence contains (case-insensitive).
        doc: A document id.
        exact: Match actor codes exactly.
        negated: Include events the text denies ("did not attack").
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    plover: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    doc: str | None = None
    exact: bool = False
    negated: bool = False

    def where(self, codes: ActorCodes) -> tuple[str, list[Any]]:
        """Return the SQL condition on ``mentions`` and its parameters.

        Raises:
            QueryError: A value is malformed, or an actor no event has.
        """
        parts: list[str] = []
        params: list[Any] = []
        for value, columns, what in (
            (self.actor, ("source_code", "target_code"), "actor"),
            (self.source, ("source_code",), "source"),
            (self.target, ("target_code",), "target"),
        ):
            if value is None or not value.strip():
                continue
            code = codes.require(value, self.exact, what)
            ors = []
            for column in columns:
                sql, extra = actor_condition(column, code, self.exact)
                ors.append(sql)
                params += extra
            parts.append("(" + " OR ".join(ors) + ")")
        if self.code:
            code = self.code.strip()
            if not _CAMEO.match(code):
                raise QueryError(
                    f"code {code[:20]!r} is not a CAMEO event code; give 2 to 4 digits (11, 112)"
                )
            parts.append("starts_with(cameo_code, ?)")
            params.append(code)
        if self.plover:
            kind = self.plover.strip().upper()
            if kind not in plover_types():
                raise QueryError(
                    f"plover {self.plover[:30]!r} is not a PLOVER type; one of "
                    + ", ".join(plover_types())
                )
            parts.append("plover_type = ?")
            params.append(kind)
        if self.quad is not None:
            if self.quad not in (1, 2, 3, 4):
                raise QueryError(f"quad {self.quad} is not a quad class; give 1, 2, 3 or 4")
            parts.append("quad_class = ?")
            params.append(self.quad)
        date_sql, date_params = DateRange(self.since, self.until).condition()
        if date_params:
            parts.append(date_sql)
            params += date_params
        text = _text(self.text, "text")
        if text:
            parts.append("contains(lower(sentence), lower(?))")
            params.append(text)
        doc = _text(self.doc, "doc")
        if doc:
            parts.append("doc_id = ?")
            params.append(doc)
        if not self.negated:
            parts.append("NOT negated")
        return (" AND ".join(parts) or "TRUE"), params

    def to_query(self) -> dict[str, str]:
        """Return the filters as URL query parameters (for links to further pages)."""
        out: dict[str, str] = {}
        for key in ("actor", "source", "target", "code", "plover", "since", "until", "text",
                    "doc"):
            value = getattr(self, key)
            if value:
                out[key] = str(value)
        if self.quad is not None:
            out["quad"] = str(self.quad)
        if self.exact:
            out["exact"] = "true"
        if self.negated:
            out["negated"] = "true"
        return out


@dataclass
class EventPage:
    """One page of an event search.

    Attributes:
        total: Events matching the filters.
        limit: Page size.
        offset: Events skipped.
        events: The events' JSON records, each with its document's ``title``.
    """

    total: int
    limit: int
    offset: int
    events: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form, with ``next_offset`` (None on the last page)."""
        following = self.offset + self.limit
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": following if following < self.total else None,
            "events": self.events,
        }


def search_events(
    store: EventStore, codes: ActorCodes, filters: EventFilter, limit: int, offset: int,
    order: str = "desc",
) -> EventPage:
    """Find event mentions, newest first (``order="asc"``: oldest first).

    Args:
        store: The open store.
        codes: Its actor codes, for checking actor filters.
        filters: What to look for.
        limit: Page size.
        offset: Events to skip.
        order: ``desc`` or ``asc`` by event date.

    Raises:
        QueryError: A filter is malformed or names an unknown actor.
        StoreError: The database cannot be read.
    """
    where, params = filters.where(codes)
    direction = "ASC" if order == "asc" else "DESC"
    with cursor(store) as cur:
        total = int(cur.execute(f"SELECT count(*) FROM mentions WHERE {where}", params)
                    .fetchall()[0][0])
        rows = cur.execute(
            "SELECT m.data, d.title FROM ("
            f" SELECT doc_id, event_id, event_date, data FROM mentions WHERE {where}"
            f" ORDER BY event_date {direction} NULLS LAST, event_id LIMIT ? OFFSET ?"
            ") AS m JOIN documents AS d USING (doc_id) "
            f"ORDER BY m.event_date {direction} NULLS LAST, m.event_id",
            [*params, limit, offset],
        ).fetchall()
    events = []
    for data, title in rows:
        record = json.loads(data)
        record["title"] = title
        events.append(record)
    return EventPage(total=total, limit=limit, offset=offset, events=events)


def _check_id(value: str, what: str) -> str:
    if not _ID.match(value):
        raise QueryError(f"{what} {value[:70]!r} is not an id; ids are letters, digits, ._:-")
    return value


def _document(cur: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    rows = cur.execute(
        "SELECT doc_id, title, url, story_date, outlet, file, line, n_chars, n_events, text "
        "FROM documents WHERE doc_id = ?",
        [doc_id],
    ).fetchall()
    if not rows:
        return None
    keys = ("doc_id", "title", "url", "story_date", "outlet", "file", "line", "n_chars",
            "n_events", "text")
    doc = dict(zip(keys, rows[0], strict=True))
    if isinstance(doc["story_date"], dt.date):
        doc["story_date"] = doc["story_date"].isoformat()
    url = doc["url"] or ""
    # Only web links become links: never javascript: or file: URLs from the input.
    doc["link"] = url if url.lower().startswith(("http://", "https://")) else None
    return doc


def _quote(data: str) -> dict[str, Any]:
    quote: dict[str, Any] = json.loads(data)
    return quote


def get_event(store: EventStore, event_id: str) -> dict[str, Any] | None:
    """Return one event mention with everything the event page shows, or None.

    The dict holds ``event`` (the JSON record), ``document`` (without its text), ``quote``
    (the quotation it was read from, or None), ``segments`` (the sentence cut into plain
    and highlighted pieces: source, action, target) and ``global_event_id``.

    Raises:
        QueryError: The id is malformed.
        StoreError: The database cannot be read.
    """
    _check_id(event_id, "event id")
    with cursor(store) as cur:
        rows = cur.execute(
            "SELECT data, global_event_id FROM mentions WHERE event_id = ?", [event_id]
        ).fetchall()
        if not rows:
            return None
        event: dict[str, Any] = json.loads(rows[0][0])
        document = _document(cur, event["doc_id"])
        quote = None
        if event.get("quote") is not None:
            found = cur.execute(
                "SELECT data FROM quotes WHERE doc_id = ? "
                "AND json_extract(data, '$.index')::INTEGER = ?",
                [event["doc_id"], int(event["quote"])],
            ).fetchall()
            quote = _quote(found[0][0]) if found else None
        reports = cur.execute(
            "SELECT num_mentions, num_articles, num_sources FROM events "
            "WHERE global_event_id = ?",
            [rows[0][1]],
        ).fetchall()
    if document is not None:
        document.pop("text", None)
    sentence = event["evidence"]["sentence"]
    spans = [("source", event["source"]), ("action", event["evidence"]["verb"])]
    if event.get("target"):
        spans.append(("target", event["target"]))
    segments: list[Segment] = highlight(sentence["text"], sentence["start"], spans)
    return {
        "event": event,
        "document": document,
        "quote": quote,
        "segments": segments,
        "global_event_id": int(rows[0][1]),
        "reports": dict(zip(("mentions", "articles", "sources"), reports[0], strict=True))
        if reports
        else None,
    }


def get_document(store: EventStore, doc_id: str) -> dict[str, Any] | None:
    """Return a document with its events and quotes, or None.

    With the text stored (``dragoman ingest --keep-text``), ``segments`` is the text with
    every event's actors and action highlighted; else None.

    Raises:
        QueryError: The id is too long.
        StoreError: The database cannot be read.
    """
    if len(doc_id) > 2000:
        raise QueryError("document id is longer than 2000 characters")
    with cursor(store) as cur:
        document = _document(cur, doc_id)
        if document is None:
            return None
        events = [json.loads(row[0]) for row in cur.execute(
            "SELECT data FROM mentions WHERE doc_id = ? ORDER BY sentence_index, verb_start",
            [doc_id],
        ).fetchall()]
        quotes = [_quote(row[0]) for row in cur.execute(
            "SELECT data FROM quotes WHERE doc_id = ? ORDER BY content_start NULLS LAST",
            [doc_id],
        ).fetchall()]
    text = document.pop("text")
    segments = None
    if text:
        spans: list[tuple[str, dict[str, Any]]] = []
        for event in events:
            spans.append(("source", event["source"]))
            spans.append(("action", event["evidence"]["verb"]))
            if event.get("target"):
                spans.append(("target", event["target"]))
        segments = highlight(text, 0, spans)
    return {"document": document, "events": events, "quotes": quotes, "segments": segments}


@dataclass
class QuoteFilter:
    """Filters of a quote search.

    Attributes:
        speaker: Speaker actor code (any level unless ``exact``).
        text: Words the quotation contains.
        doc: A document id.
        exact: Match the speaker code exactly.
    """

    speaker: str | None = None
    text: str | None = None
    doc: str | None = None
    exact: bool = False

    def where(self, codes: ActorCodes) -> tuple[str, list[Any]]:
        """Return the SQL condition on ``quotes`` and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.speaker and self.speaker.strip():
            from dragoman.analysis import normalize_actor

            code = normalize_actor(self.speaker, "speaker")
            sql, extra = actor_condition("speaker_code", code, self.exact)
            parts.append(sql)
            params += extra
        text = _text(self.text, "text")
        if text:
            parts.append("contains(lower(content_text), lower(?))")
            params.append(text)
        doc = _text(self.doc, "doc")
        if doc:
            parts.append("doc_id = ?")
            params.append(doc)
        return (" AND ".join(parts) or "TRUE"), params


def search_quotes(
    store: EventStore, codes: ActorCodes, filters: QuoteFilter, limit: int, offset: int
) -> dict[str, Any]:
    """Find quotations with their documents' titles and dates.

    Returns:
        ``{"total", "limit", "offset", "next_offset", "quotes"}``.
    """
    where, params = filters.where(codes)
    with cursor(store) as cur:
        total = int(cur.execute(f"SELECT count(*) FROM quotes WHERE {where}", params)
                    .fetchall()[0][0])
        rows = cur.execute(
            "SELECT q.data, d.title, d.story_date FROM quotes AS q "
            f"JOIN documents AS d USING (doc_id) WHERE {where} "
            "ORDER BY d.story_date DESC NULLS LAST, q.doc_id, q.content_start LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
    quotes = []
    for data, title, story_date in rows:
        quote = _quote(data)
        quote["title"] = title
        quote["story_date"] = story_date.isoformat() if story_date else None
        quotes.append(quote)
    following = offset + limit
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_offset": following if following < total else None,
        "quotes": quotes,
    }
