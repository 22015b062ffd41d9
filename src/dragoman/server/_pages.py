"""The dashboard's HTML pages, rendered on the server with Jinja2 (autoescaped).

Form fields arrive as text (an empty field is an empty string), so the pages read their own
parameters; a bad value shows the page again with the message and status 400.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.templating import Jinja2Templates

from dragoman.analysis import (
    FREQUENCIES,
    dyads_figure,
    frame_records,
    network,
    network_figure,
    render_svg,
)
from dragoman.errors import DragomanError, QueryError
from dragoman.ontology import plover_types
from dragoman.server._api import bounded_dyads
from dragoman.server._context import ServerContext
from dragoman.server._guard import BusyError
from dragoman.server._overview import DOWNLOAD_FORMATS, download, overview
from dragoman.server._queries import (
    EventFilter,
    QuoteFilter,
    get_document,
    get_event,
    search_events,
    search_quotes,
)

__all__ = ["make_pages_router"]

_PAGE = 50
_EDGE_PAGE = 50
_EDGE_SORTS = ("source", "target", "events", "goldstein_mean")
_QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _int(value: str | None, name: str, low: int, high: int, default: int | None) -> int | None:
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError as exc:
        raise QueryError(f"{name} {value[:20]!r} is not a whole number") from exc
    if not low <= number <= high:
        raise QueryError(f"{name} {number} is out of range; give {low} to {high}")
    return number


def _flag(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "on", "yes")


def make_pages_router(templates: Jinja2Templates) -> APIRouter:
    """Return the router of the HTML pages.

    Args:
        templates: The package's templates.
    """
    router = APIRouter(include_in_schema=False)

    def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        context = {"summary": ctx.summary, "quads": _QUADS, **context}
        return templates.TemplateResponse(request, name, context, status_code=status)

    def guarded(
        request: Request, name: str, base: dict[str, Any], build: Callable[[], dict[str, Any]]
    ) -> Response:
        try:
            return page(request, name, {**base, **build()})
        except DragomanError as exc:
            status = 503 if isinstance(exc, BusyError) else 400
            return page(request, name, {**base, "error": str(exc)}, status=status)

    @router.get("/", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        q = request.query_params
        form: dict[str, Any] = {
            key: q.get(key, "")
            for key in (
                "actor",
                "source",
                "target",
                "code",
                "plover",
                "quad",
                "since",
                "until",
                "text",
                "doc",
            )
        }
        form["exact"] = _flag(q.get("exact"))
        form["negated"] = _flag(q.get("negated"))
        base = {"form": form, "plover_types": plover_types(), "nav": "events"}

        def build() -> dict[str, Any]:
            offset = _int(q.get("offset"), "offset", 0, ctx.limits.max_offset, 0) or 0
            filters = EventFilter(
                actor=form["actor"],
                source=form["source"],
                target=form["target"],
                code=form["code"],
                plover=form["plover"],
                quad=_int(form["quad"], "quad", 1, 4, None),
                since=form["since"],
                until=form["until"],
                text=form["text"],
                doc=form["doc"],
                exact=form["exact"],
                negated=form["negated"],
            )
            result = search_events(ctx.store, ctx.codes, filters, _PAGE, offset, index=ctx.index)
            query = filters.to_query()
            following = offset + _PAGE
            with ctx.bounded(request) as store:
                summary = overview(store, filters.criteria(ctx.codes))
            return {
                "page": result,
                "overview": summary,
                "timeline_svg": summary.timeline_svg(),
                "map_svg": summary.map_svg() if summary.places else "",
                "download_query": urlencode(query),
                "next_url": "/?" + urlencode({**query, "offset": following})
                if following < result.total
                else None,
                "prev_url": "/?" + urlencode({**query, "offset": max(0, offset - _PAGE)})
                if offset
                else None,
            }

        return guarded(request, "index.html", base, build)

    @router.get("/download/events.{fmt}")
    def download_events(request: Request, fmt: str) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        q = request.query_params
        if fmt not in DOWNLOAD_FORMATS:
            return page(
                request,
                "error.html",
                {
                    "status": 404,
                    "message": f"no download as {fmt[:20]!r}; use events.csv or events.parquet",
                },
                404,
            )
        try:
            filters = EventFilter(
                actor=q.get("actor"),
                source=q.get("source"),
                target=q.get("target"),
                code=q.get("code"),
                plover=q.get("plover"),
                quad=_int(q.get("quad"), "quad", 1, 4, None),
                since=q.get("since"),
                until=q.get("until"),
                text=q.get("text"),
                doc=q.get("doc"),
                exact=_flag(q.get("exact")),
                negated=_flag(q.get("negated")),
            )
            with ctx.bounded(request) as store:
                body = download(store, filters.criteria(ctx.codes), fmt)
        except DragomanError as exc:
            status = 503 if isinstance(exc, BusyError) else 400
            return page(request, "error.html", {"status": status, "message": str(exc)}, status)
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/vnd.apache.parquet"
        return Response(
            body,
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'},
        )

    @router.get("/events/{event_id}", response_class=HTMLResponse)
    def event_page(request: Request, event_id: str) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        try:
            found = get_event(ctx.store, event_id)
        except DragomanError as exc:
            return page(request, "error.html", {"status": 400, "message": str(exc)}, 400)
        if found is None:
            return page(
                request,
                "error.html",
                {"status": 404, "message": f"no event with id {event_id!r}"},
                404,
            )
        return page(request, "event.html", {**found, "nav": "events"})

    @router.get("/document", response_class=HTMLResponse)
    def document_page(request: Request) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        doc_id = request.query_params.get("id", "")
        try:
            found = get_document(ctx.store, doc_id) if doc_id else None
        except DragomanError as exc:
            return page(request, "error.html", {"status": 400, "message": str(exc)}, 400)
        if found is None:
            return page(
                request,
                "error.html",
                {"status": 404, "message": f"no document with id {doc_id[:200]!r}"},
                404,
            )
        return page(request, "document.html", {**found, "nav": "events"})

    @router.get("/dyads", response_class=HTMLResponse)
    def dyads_page(request: Request) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        q = request.query_params
        form: dict[str, Any] = {
            key: q.get(key, "") for key in ("source", "target", "since", "until")
        }
        form["freq"] = q.get("freq", "month") or "month"
        form["both"] = _flag(q.get("both")) if "source" in q else True
        form["exact"] = _flag(q.get("exact"))
        base = {"form": form, "frequencies": FREQUENCIES, "nav": "dyads"}

        def build() -> dict[str, Any]:
            if not form["source"] or not form["target"]:
                return {}
            if form["freq"] not in FREQUENCIES:
                raise QueryError(
                    f"freq {form['freq'][:20]!r} is not one of " + ", ".join(FREQUENCIES)
                )
            frame, records = bounded_dyads(
                ctx,
                request,
                form["source"],
                form["target"],
                both_directions=bool(form["both"]),
                freq=str(form["freq"]),
                since=form["since"],
                until=form["until"],
                exact=bool(form["exact"]),
            )
            if frame is None:
                return {"rows": [], "types": [], "total": 0}
            rows = [r for r in records if r["events"]]
            types = [c for c in frame.columns if str(c).isupper()]
            return {
                "svg": render_svg(dyads_figure(frame)),
                "rows": rows,
                "types": types,
                "total": int(frame["events"].sum()),
                "left_out": int(frame.attrs.get("left_out", 0)),
            }

        return guarded(request, "dyads.html", base, build)

    @router.get("/network", response_class=HTMLResponse)
    def network_page(request: Request) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        q = request.query_params
        form: dict[str, Any] = {
            key: q.get(key, "") for key in ("since", "until", "actor", "min_events")
        }
        form["level"] = q.get("level", "actor") or "actor"
        form["unknown"] = _flag(q.get("unknown"))
        sort = q.get("sort", "events") or "events"
        descending = (
            q.get("dir", "") or ("asc" if sort in ("source", "target") else "desc")
        ) != "asc"
        base = {"form": form, "nav": "network"}

        def build() -> dict[str, Any]:
            minimum = _int(form["min_events"], "min_events", 1, 1_000_000, 1) or 1
            if form["level"] not in ("actor", "country"):
                raise QueryError("level must be actor or country")
            if sort not in _EDGE_SORTS:
                raise QueryError(f"sort {sort[:20]!r} is not one of {', '.join(_EDGE_SORTS)}")
            offset = _int(q.get("offset"), "offset", 0, ctx.limits.max_offset, 0) or 0
            actors = [a for a in form["actor"].replace(",", " ").split() if a][:20]
            with ctx.analysis(request) as store:
                net = network(
                    store,
                    since=form["since"],
                    until=form["until"],
                    min_events=minimum,
                    level=form["level"],
                    actors=actors,
                    limit=ctx.limits.network_edges,
                )
            edges = net.edges.sort_values(
                [sort, "source", "target"], ascending=[not descending, True, True], kind="stable"
            )
            query = {k: v for k, v in form.items() if v and k != "unknown"}
            if form["unknown"]:
                query["unknown"] = "true"

            def link(**extra: Any) -> str:
                return "/network?" + urlencode(
                    {**query, "sort": sort, "dir": "desc" if descending else "asc", **extra}
                )

            following = offset + _EDGE_PAGE
            return {
                "svg": render_svg(network_figure(net, max_nodes=40, unknown=bool(form["unknown"]))),
                "edges": frame_records(edges.iloc[offset:following]),
                "nodes": frame_records(net.nodes.head(100)),
                "n_nodes": len(net.nodes),
                "n_edges": len(net.edges),
                "edge_offset": offset,
                "sort_links": {
                    key: "/network?"
                    + urlencode(
                        {
                            **query,
                            "sort": key,
                            "dir": "asc"
                            if key == sort and descending
                            else (
                                "desc"
                                if key == sort
                                else ("asc" if key in ("source", "target") else "desc")
                            ),
                        }
                    )
                    for key in _EDGE_SORTS
                },
                "sort": sort,
                "descending": descending,
                "next_url": link(offset=following) if following < len(edges) else None,
                "prev_url": link(offset=max(0, offset - _EDGE_PAGE)) if offset else None,
            }

        return guarded(request, "network.html", base, build)

    @router.get("/quotes", response_class=HTMLResponse)
    def quotes_page(request: Request) -> Response:
        ctx: ServerContext = request.app.state.dragoman
        q = request.query_params
        form = {key: q.get(key, "") for key in ("speaker", "text")}
        base = {"form": form, "nav": "quotes"}

        def build() -> dict[str, Any]:
            offset = _int(q.get("offset"), "offset", 0, ctx.limits.max_offset, 0) or 0
            result = search_quotes(
                ctx.store,
                ctx.codes,
                QuoteFilter(speaker=form["speaker"], text=form["text"]),
                _PAGE,
                offset,
            )
            query = {k: v for k, v in form.items() if v}
            nxt = result["next_offset"]
            return {
                "result": result,
                "next_url": "/quotes?" + urlencode({**query, "offset": nxt}) if nxt else None,
                "prev_url": "/quotes?" + urlencode({**query, "offset": max(0, offset - _PAGE)})
                if offset
                else None,
            }

        return guarded(request, "quotes.html", base, build)

    @router.get("/api", response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        schema = request.app.openapi()
        endpoints = []
        for path, methods in schema.get("paths", {}).items():
            for method, op in methods.items():
                params = [
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "type": _type_name(p.get("schema", {})),
                        "description": p.get("description")
                        or p.get("schema", {}).get("description", ""),
                    }
                    for p in op.get("parameters", [])
                ]
                endpoints.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "summary": op.get("summary", ""),
                        "description": op.get("description", ""),
                        "params": params,
                        "body": "requestBody" in op,
                    }
                )
        return page(request, "api.html", {"endpoints": endpoints, "nav": "api"})

    return router


def _type_name(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(s) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = str(schema.get("type", ""))
    if kind == "array":
        return f"list of {_type_name(schema.get('items', {}))}"
    bounds = []
    if "minimum" in schema:
        bounds.append(f">= {schema['minimum']}")
    if "maximum" in schema:
        bounds.append(f"<= {schema['maximum']}")
    return kind + (f" ({', '.join(bounds)})" if bounds else "")
