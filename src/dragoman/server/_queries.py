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
from dragoman.server._index import EventIndex

if TYPE_CHECKING:
    import duckdb

    from dragoman.store import EventStore

__all__ = [
    "Criteria",
    "EventFilter",
    "EventPage",
    "QuoteFilter",
    "cursor",
    "get_document",
    "get_event",
    "search_events",
    "search_quotes",
]

_CAMEO = re.compile(r"^\d{1,4}$")
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

    def criteria(self, codes: ActorCodes) -> Criteria:
        """Return the filters checked and normalized.

        Raises:
            QueryError: A value is malformed, or an actor no event has.
        """
        found: dict[str, str | None] = {}
        for name in ("actor", "source", "target"):
            value = getattr(self, name)
            found[name] = (
                codes.require(value, self.exact, name) if value and value.strip() else None
            )
        code = None
        if self.code and self.code.strip():
            code = self.code.strip()
            if not _CAMEO.match(code):
                raise QueryError(
                    f"code {code[:20]!r} is not a CAMEO event code; give 1 to 4 digits (11, 112)"
                )
        kind = None
        if self.plover and self.plover.strip():
            kind = self.plover.strip().upper()
            if kind not in plover_types():
                raise QueryError(
                    f"plover {self.plover[:30]!r} is not a PLOVER type; one of "
                    + ", ".join(plover_types())
                )
        if self.quad is not None and self.quad not in (1, 2, 3, 4):
            raise QueryError(f"quad {self.quad} is not a quad class; give 1, 2, 3 or 4")
        dates = DateRange(self.since, self.until)
        return Criteria(
            actor=found["actor"],
            source=found["source"],
            target=found["target"],
            code=code,
            plover=kind,
            quad=self.quad,
            since=dates.since,
            until=dates.until,
            text=_text(self.text, "text"),
            doc=_text(self.doc, "doc"),
            exact=self.exact,
            negated=self.negated,
        )

    def to_query(self) -> dict[str, str]:
        """Return the filters as URL query parameters (for links to further pages)."""
        out: dict[str, str] = {}
        for key in ("actor", "source", "target", "code", "plover", "since", "until", "text", "doc"):
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


@dataclass(frozen=True)
class Criteria:
    """Checked, normalized event filters (see :class:`EventFilter`); None filters nothing."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    code: str | None = None
    plover: str | None = None
    quad: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    text: str | None = None
    doc: str | None = None
    exact: bool = False
    negated: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """Return the SQL condition on ``mentions`` and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        for value, columns in (
            (self.actor, ("source_code", "target_code")),
            (self.source, ("source_code",)),
            (self.target, ("target_code",)),
        ):
            if value is None:
                continue
            ors = []
            for column in columns:
                sql, extra = actor_condition(column, value, self.exact)
                ors.append(sql)
                params += extra
            parts.append("(" + " OR ".join(ors) + ")")
        if self.code:
            parts.append("starts_with(cameo_code, ?)")
            params.append(self.code)
        if self.plover:
            parts.append("plover_type = ?")
            params.append(self.plover)
        if self.quad is not None:
            parts.append("quad_class = ?")
            params.append(self.quad)
        date_sql, date_params = DateRange(self.since, self.until).condition()
        if date_params:
            parts.append(date_sql)
            params += date_params
        if self.text:
            parts.append("contains(lower(sentence), lower(?))")
            params.append(self.text)
        if self.doc:
            parts.append("doc_id = ?")
            params.append(self.doc)
        if not self.negated:
            parts.append("NOT negated")
        return (" AND ".join(parts) or "TRUE"), params


@dataclass
class EventPage:
    """One page of an event search.

    Attributes:
        total: Events matching the filters.
        limit: Page size.
        offset: Events skipped.
        records: The events' JSON records (as text), each with its document's ``title``.
    """

    total: int
    limit: int
    offset: int
    records: list[str] = field(default_factory=list)

    @property
    def events(self) -> list[dict[str, Any]]:
        """The events' records as dicts."""
        return [json.loads(record) for record in self.records]

    def _head(self) -> dict[str, Any]:
        following = self.offset + self.limit
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": following if following < self.total else None,
        }

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form, with ``next_offset`` (None on the last page)."""
        return {**self._head(), "events": self.events}

    def to_json(self) -> str:
        """Return :meth:`to_dict` as JSON text, without parsing the records again."""
        head = json.dumps(self._head())
        return head[:-1] + ', "events": [' + ", ".join(self.records) + "]}"


def search_events(
    store: EventStore,
    codes: ActorCodes,
    filters: EventFilter,
    limit: int,
    offset: int,
    order: str = "desc",
    index: EventIndex | None = None,
) -> EventPage:
    """Find event mentions, newest first (``order="asc"``: oldest first).

    Args:
        store: The open store.
        codes: Its actor codes, for checking actor filters.
        filters: What to look for.
        limit: Page size.
        offset: Events to skip.
        order: ``desc`` or ``asc`` by event date (events without a date come last).
        index: The store's in-memory index (read-only stores); without it, DuckDB filters
            and sorts the mentions.

    Raises:
        QueryError: A filter is malformed or names an unknown actor.
        StoreError: The database cannot be read.
    """
    criteria = filters.criteria(codes)
    if index is not None:
        total, ids, records = index.search(store, criteria, limit, offset, order)
        if records is not None:
            return EventPage(total=total, limit=limit, offset=offset, records=records)
        with cursor(store) as cur:
            rows = (
                cur.execute(
                    "SELECT m.event_id, m.data, d.title FROM mentions AS m "
                    "JOIN documents AS d USING (doc_id) "
                    "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))",
                    [ids],
                ).fetchall()
                if ids
                else []
            )
        by_id = {event_id: (data, title) for event_id, data, title in rows}
        ordered = [by_id[i] for i in ids if i in by_id]
    else:
        where, params = criteria.where()
        sort = (
            "event_date ASC NULLS LAST, event_id DESC"
            if order == "asc"
            else "event_date DESC NULLS LAST, event_id"
        )
        with cursor(store) as cur:
            total = int(
                cur.execute(f"SELECT count(*) FROM mentions WHERE {where}", params).fetchall()[0][0]
            )
            ordered = [
                tuple(r)
                for r in cur.execute(
                    "SELECT m.data, d.title FROM ("
                    f" SELECT doc_id, event_id, event_date, data FROM mentions WHERE {where}"
                    f" ORDER BY {sort} LIMIT ? OFFSET ?"
                    ") AS m JOIN documents AS d USING (doc_id) "
                    f"ORDER BY {sort.replace('event_', 'm.event_')}",
                    [*params, limit, offset],
                ).fetchall()
            ]
    records = [
        '{"title": ' + json.dumps(title, ensure_ascii=False) + ", " + data[1:]
        for data, title in ordered
    ]
    return EventPage(total=total, limit=limit, offset=offset, records=records)


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
    keys = (
        "doc_id",
        "title",
        "url",
        "story_date",
        "outlet",
        "file",
        "line",
        "n_chars",
        "n_events",
        "text",
    )
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
            "SELECT num_mentions, num_articles, num_sources FROM events WHERE global_event_id = ?",
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
        events = [
            json.loads(row[0])
            for row in cur.execute(
                "SELECT data FROM mentions WHERE doc_id = ? ORDER BY sentence_index, verb_start",
                [doc_id],
            ).fetchall()
        ]
        quotes = [
            _quote(row[0])
            for row in cur.execute(
                "SELECT data FROM quotes WHERE doc_id = ? ORDER BY content_start NULLS LAST",
                [doc_id],
            ).fetchall()
        ]
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
        total = int(
            cur.execute(f"SELECT count(*) FROM quotes WHERE {where}", params).fetchall()[0][0]
        )
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
