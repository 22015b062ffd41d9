"""The JSON API under ``/api`` (documented at ``/openapi.json`` and on the ``/api`` page)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from dragoman.analysis import dyads, frame_records, network, normalize_actor, top
from dragoman.errors import QueryError
from dragoman.records import normalize_date
from dragoman.server._context import ServerContext, context_of
from dragoman.server._guard import check_periods, clamp_dates
from dragoman.server._queries import (
    EventFilter,
    QuoteFilter,
    get_document,
    get_event,
    search_events,
    search_quotes,
)

__all__ = ["ErrorBody", "api_router", "bounded_dyads", "check_page"]


#: What the schema promises of actor codes, date bounds and story dates (the server checks
#: the rest: an actor the data has, a calendar date, a range in order).
_CODE_PATTERN = r"^[A-Za-z0-9-]{3,40}$"
_MONTH_DAY = (
    r"((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)"
    r"|02-29|(0[13578]|1[02])-31)"
)  # Feb 29 of a common year: the server says so
_BOUND_PATTERN = rf"^[1-9]\d{{3}}(-(0[1-9]|1[0-2])|-{_MONTH_DAY})?$"
_DATE_PATTERN = rf"^(1[89]|2[01])\d\d-{_MONTH_DAY}$"


#: Longest text ``POST /api/code`` takes, in characters. The body limit
#: (:attr:`Limits.body_bytes`) leaves room for it written with every character escaped.
MAX_TEXT = 100_000


class ErrorBody(BaseModel):
    """Every error: the HTTP status, a short error name and what to do."""

    status: int = Field(description="HTTP status code")
    error: str = Field(description="short name: bad_request, not_found, too_large ...")
    message: str = Field(description="what was wrong, with which value, and what to do")


class EventList(BaseModel):
    """One page of events."""

    total: int = Field(description="events matching the filters")
    limit: int
    offset: int
    next_offset: int | None = Field(description="offset of the next page, or null")
    events: list[dict[str, Any]] = Field(
        description="event records (as `dragoman code --format json`) with the document title"
    )


class CodeRequest(BaseModel):
    """Text to code."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description="English news text, at most 100,000 characters",
    )
    date: str | None = Field(
        None,
        max_length=40,
        pattern=_DATE_PATTERN,
        description="story date, YYYY-MM-DD, 1800-01-01 to 2199-12-31",
    )
    doc_id: str = Field("api", min_length=1, max_length=200, description="id used in records")


class CodeResponse(BaseModel):
    """What the Coder found."""

    doc_id: str
    date: str | None
    events: list[dict[str, Any]]
    quotes: list[dict[str, Any]]


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "invalid value (unknown actor, bad date ...)"},
    403: {"model": ErrorBody, "description": "a cross-site request (refused)"},
    422: {"model": ErrorBody, "description": "a parameter has the wrong type or range"},
    503: {"model": ErrorBody, "description": "over the time budget; narrow the request"},
}

Ctx = Annotated[ServerContext, Depends(context_of)]
Code = Annotated[
    str | None,
    Query(max_length=40, pattern=_CODE_PATTERN, description="actor code, any level (KAZ)"),
]
Since = Annotated[
    str | None,
    Query(
        max_length=10, pattern=_BOUND_PATTERN, description="first day: 2025-06-01, 2025-06 or 2025"
    ),
]
Until = Annotated[
    str | None,
    Query(max_length=10, pattern=_BOUND_PATTERN, description="last day (a month/year: its end)"),
]
Exact = Annotated[bool, Query(description="match actor codes exactly, not the codes below")]
Limit = Annotated[
    int, Query(ge=1, le=500, description="page size (at most the server's maximum, 500)")
]
Offset = Annotated[int, Query(ge=0, description="results to skip")]

api_router = APIRouter(prefix="/api", tags=["events"], responses=_ERRORS)


def check_page(ctx: ServerContext, limit: int, offset: int) -> None:
    """Refuse pages beyond the server's limits.

    Raises:
        QueryError: ``limit`` or ``offset`` is too large.
    """
    if limit > ctx.limits.page_size:
        raise QueryError(
            f"limit {limit} is more than {ctx.limits.page_size}; ask for smaller pages and "
            "follow next_offset"
        )
    if offset > ctx.limits.max_offset:
        raise QueryError(
            f"offset {offset} is more than {ctx.limits.max_offset}; narrow the search instead"
        )


@api_router.get("/events", response_model=EventList, summary="Search events")
def api_events(
    ctx: Ctx,
    actor: Code = None,
    source: Code = None,
    target: Code = None,
    code: Annotated[
        str | None, Query(max_length=4, pattern=r"^\d{1,4}$", description="CAMEO code or prefix")
    ] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER type")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="quad class 1-4")] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[str | None, Query(max_length=200, description="words in the sentence")] = None,
    doc: Annotated[str | None, Query(max_length=200, description="document id")] = None,
    exact: Exact = False,
    negated: Annotated[bool, Query(description="include negated events")] = False,
    order: Annotated[Literal["desc", "asc"], Query(description="by event date")] = "desc",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Event mentions matching all the filters given, newest first, one page at a time."""
    check_page(ctx, limit, offset)
    filters = EventFilter(
        actor=actor,
        source=source,
        target=target,
        code=code,
        plover=plover,
        quad=quad,
        since=since,
        until=until,
        text=text,
        doc=doc,
        exact=exact,
        negated=negated,
    )
    page = search_events(ctx.store, ctx.codes, filters, limit, offset, order, ctx.index)
    return Response(page.to_json(), media_type="application/json")


@api_router.get(
    "/events/{event_id}",
    summary="One event with its evidence",
    responses={404: {"model": ErrorBody, "description": "no such event"}},
)
def api_event(
    ctx: Ctx,
    event_id: Annotated[str, Path(pattern=r"^[A-Za-z0-9_.:-]{1,64}$", description="event id")],
) -> JSONResponse:
    """The event record, its document, the quotation it was read from, how many mentions,
    articles and outlets report it, and its sentence cut into highlighted segments."""
    from fastapi import HTTPException

    found = get_event(ctx.store, event_id)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    found["segments"] = [{"text": s.text, "role": s.role} for s in found["segments"]]
    return JSONResponse(found)


@api_router.get(
    "/documents",
    summary="One document with its events and quotes",
    responses={404: {"model": ErrorBody, "description": "no such document"}},
)
def api_document(
    ctx: Ctx, id: Annotated[str, Query(min_length=1, max_length=2000, description="doc id")]
) -> JSONResponse:
    """The document's metadata, its events and its quotations (``segments`` when its text
    is stored)."""
    from fastapi import HTTPException

    found = get_document(ctx.store, id)
    if found is None:
        raise HTTPException(404, f"no document with id {id[:200]!r}")
    if found["segments"] is not None:
        found["segments"] = [{"text": s.text, "role": s.role} for s in found["segments"]]
    return JSONResponse(found)


@api_router.get("/dyads", summary="Dyad time series", tags=["relations"])
def api_dyads(
    ctx: Ctx,
    request: Request,
    source: Annotated[
        str,
        Query(max_length=40, pattern=_CODE_PATTERN, description="source actor code (any level)"),
    ],
    target: Annotated[
        str,
        Query(max_length=40, pattern=_CODE_PATTERN, description="target actor code (any level)"),
    ],
    both_directions: Annotated[bool, Query(description="also target -> source")] = False,
    freq: Annotated[
        Literal["day", "week", "month", "quarter", "year"], Query(description="period length")
    ] = "month",
    since: Since = None,
    until: Until = None,
    exact: Exact = False,
) -> JSONResponse:
    """Per period and direction: events, counts per quad class, Goldstein sum and mean,
    counts per PLOVER type (as ``dragoman dyads --format json``). The range is clamped to
    the dates the data has, and may hold at most the server's number of periods (4,000)."""
    rows = bounded_dyads(
        ctx,
        request,
        source,
        target,
        both_directions=both_directions,
        freq=freq,
        since=since,
        until=until,
        exact=exact,
    )[1]
    return JSONResponse(
        {"source": source.upper(), "target": target.upper(), "freq": freq, "rows": rows}
    )


def bounded_dyads(
    ctx: ServerContext,
    request: Request,
    source: str,
    target: str,
    *,
    both_directions: bool,
    freq: str,
    since: str | None,
    until: str | None,
    exact: bool,
) -> tuple[Any, list[dict[str, Any]]]:
    """Run :func:`dyads` within the server's bounds: the range clamped to the data's dates,
    at most ``limits.periods`` periods, the time budget.

    Returns:
        The frame (None when the range holds no data) and its records.

    Raises:
        QueryError: An unknown actor, a bad date or range, too many periods.
        BusyError: The time budget was spent.
    """
    span = clamp_dates(since, until, ctx.summary.get("first_date"), ctx.summary.get("last_date"))
    if span is None:  # nothing stored in the range: check the actors, count nothing
        ctx.codes.require(normalize_actor(source, "source"), exact, "source")
        ctx.codes.require(normalize_actor(target, "target"), exact, "target")
        return None, []
    check_periods(*span, freq, ctx.limits.periods)
    with ctx.analysis(request) as store:
        frame = dyads(
            store,
            source,
            target,
            both_directions=both_directions,
            freq=freq,
            since=span[0],
            until=span[1],
            exact=exact,
        )
    return frame, frame_records(frame)


@api_router.get("/network", summary="Actor network", tags=["relations"])
def api_network(
    ctx: Ctx,
    request: Request,
    since: Since = None,
    until: Until = None,
    min_events: Annotated[int, Query(ge=1, description="edges with at least N events")] = 1,
    level: Annotated[Literal["actor", "country"], Query(description="node level")] = "actor",
    actor: Annotated[
        list[Annotated[str, Field(pattern=_CODE_PATTERN)]] | None,
        Query(max_length=20, description="keep edges touching these actor codes (at most 20)"),
    ] = None,
    exact: Exact = False,
    limit: Annotated[int, Query(ge=1, description="heaviest edges returned")] = 500,
) -> JSONResponse:
    """Nodes and directed edges (events, quad class counts, Goldstein sum and mean) in
    node-link form."""
    if actor and len(actor) > 20:
        raise QueryError(f"{len(actor)} actors given; give at most 20")
    if limit > ctx.limits.network_edges:
        raise QueryError(f"limit {limit} is more than {ctx.limits.network_edges} edges")
    with ctx.analysis(request) as store:
        net = network(
            store,
            since=since,
            until=until,
            min_events=min_events,
            level=level,
            actors=actor or (),
            exact=exact,
            limit=limit,
        )
    return JSONResponse(net.to_dict())


@api_router.get("/top", summary="Most active actors, dyads, event types", tags=["relations"])
def api_top(
    ctx: Ctx,
    request: Request,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=100, description="rows per table")] = 10,
) -> JSONResponse:
    """The most active actors, dyads and CAMEO event types of a period."""
    with ctx.analysis(request) as store:
        result = top(store, since=since, until=until, limit=limit)
    return JSONResponse(result.to_dict())


@api_router.get("/quotes", summary="Search quotations", tags=["events"])
def api_quotes(
    ctx: Ctx,
    speaker: Code = None,
    text: Annotated[str | None, Query(max_length=200, description="words in the quote")] = None,
    doc: Annotated[str | None, Query(max_length=200, description="document id")] = None,
    exact: Exact = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JSONResponse:
    """Who said what: quotations with their speaker, cue and content, newest first."""
    check_page(ctx, limit, offset)
    filters = QuoteFilter(speaker=speaker, text=text, doc=doc, exact=exact)
    return JSONResponse(search_quotes(ctx.store, ctx.codes, filters, limit, offset))


@api_router.post(
    "/code",
    response_model=CodeResponse,
    summary="Code a text",
    tags=["coding"],
    responses={
        413: {"model": ErrorBody, "description": "body over 1.25 MB"},
        415: {"model": ErrorBody, "description": "body not application/json"},
    },
)
def api_code(ctx: Ctx, request: CodeRequest) -> JSONResponse:
    """Code an English text (at most 100,000 characters) and return its events and quotations. The
    Coder loads on the first call (a few seconds); texts are coded one at a time."""
    date = normalize_date(request.date)
    with ctx.coder() as coder:
        coded = coder.analyze(request.text, date=date, doc_id=request.doc_id)
    return JSONResponse(
        {
            "doc_id": request.doc_id,
            "date": date,
            "events": [event.to_dict() for event in coded.events],
            "quotes": [quote.to_dict() for quote in coded.quotes],
        }
    )
