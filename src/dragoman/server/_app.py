"""The ASGI app of ``dragoman serve``: pages, JSON API, limits and error handling.

Safe by default: the database is opened read-only, every query is parametrized, request
bodies over the limit are refused before they are read whole, list sizes are capped, errors
are JSON (API) or a page (dashboard) with a clear message and a 4xx status, and files are
served only from the package's own ``static/`` folder, read once at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman.errors import DragomanError, InputError, ModelError, QueryError, StoreError
from dragoman.server._context import Limits, ServerContext
from dragoman.server._guard import BusyError, RequestGuard
from dragoman.store import EventStore

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from starlette.responses import Response
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from dragoman._coder import Coder

__all__ = ["LOOPBACK_HOSTS", "create_app", "serve"]

_log = logging.getLogger("dragoman")

#: Host names a server bound to the loopback interface answers to (against DNS rebinding).
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")

_STATIC_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)

_NAMES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class _LimitsMiddleware:
    """Refuses request bodies over ``max_bytes`` (413) and adds security headers."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await self._refuse(scope, receive, send)
                return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # Read the body here, at most max_bytes of it, and hand it on whole: a body sent
            # in chunks without a length is refused as soon as it passes the limit.
            chunks: list[bytes] = []
            seen = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # the client went away
                chunk = message.get("body", b"")
                seen += len(chunk)
                if seen > self.max_bytes:
                    await self._refuse(scope, receive, send)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            body = b"".join(chunks)
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": body, "more_body": False}
                return await receive()

            await self.app(scope, replay, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy", _CSP.encode()),
                ]
                message = {**message, "headers": headers}
            await send(message)

        return send_with_headers

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        from starlette.responses import JSONResponse

        body = {
            "status": 413,
            "error": "too_large",
            "message": f"request body is over {self.max_bytes:,} bytes; send less text",
        }
        await JSONResponse(body, status_code=413)(scope, receive, self._with_headers(send))


def _error(request: Request, status: int, message: str) -> Response:
    from starlette.responses import HTMLResponse, JSONResponse

    if (
        request.url.path.startswith("/api/")
        or request.url.path == "/openapi.json"
        or "text/html" not in request.headers.get("accept", "")
    ):
        return JSONResponse(
            {"status": status, "error": _NAMES.get(status, "error"), "message": message},
            status_code=status,
        )
    templates = request.app.state.templates
    ctx: ServerContext = request.app.state.dragoman
    response: HTMLResponse = templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "summary": ctx.summary, "nav": ""},
        status_code=status,
    )
    return response


def _validation_message(errors: Any) -> tuple[int, str]:
    parts = []
    for err in errors:
        if err.get("type") == "json_invalid":
            return 400, f"request body is not valid JSON ({err.get('ctx', {}).get('error', '')})"
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body"))
        parts.append(f"{where or 'body'}: {err.get('msg', 'invalid')}")
    return 422, "; ".join(parts[:5]) or "invalid request"


def _install_handlers(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no page or endpoint at {request.url.path[:200]}"
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path[:200]}"
        response = _error(request, exc.status_code, detail)
        for name, value in (exc.headers or {}).items():  # e.g. Allow on 405
            response.headers[name] = value
        return response

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        status, message = _validation_message(exc.errors())
        return _error(request, status, message)

    async def on_dragoman(request: Request, exc: Exception) -> Response:
        if isinstance(exc, QueryError | InputError):
            return _error(request, 400, str(exc))
        if isinstance(exc, BusyError):
            return _error(request, 503, str(exc))
        if isinstance(exc, ModelError):
            return _error(request, 503, f"the Coder cannot be loaded: {exc}")
        if isinstance(exc, StoreError):
            _log.error("database error: %s", exc)
            return _error(request, 500, "the database query failed; see the server log")
        return _error(request, 400, str(exc))

    async def on_other(request: Request, exc: Exception) -> Response:
        _log.exception("unexpected error serving %s", request.url.path)
        return _error(request, 500, "internal error; see the server log")

    app.add_exception_handler(HTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(DragomanError, on_dragoman)
    app.add_exception_handler(Exception, on_other)


def _static_assets() -> dict[str, bytes]:
    folder = files("dragoman.server") / "static"
    return {
        item.name: item.read_bytes()
        for item in folder.iterdir()
        if item.is_file() and Path(item.name).suffix in _STATIC_TYPES
    }


def _summary(store: EventStore) -> dict[str, Any]:
    row = store.sql(
        # events are the deduplicated ones (the events view leaves negated mentions out), and
        # so are the mentions counted beside them
        "SELECT (SELECT count(*) FROM documents), "
        "(SELECT count(*) FROM mentions WHERE NOT negated), "
        "(SELECT count(*) FROM events), (SELECT count(*) FROM quotes), "
        "(SELECT min(event_date) FROM mentions), (SELECT max(event_date) FROM mentions)"
    )[0]
    keys = ("documents", "mentions", "events", "quotes", "first_date", "last_date")
    out = dict(zip(keys, row, strict=True))
    for key in ("first_date", "last_date"):
        out[key] = out[key].isoformat() if out[key] else None
    out["path"] = Path(store.path).name
    return out


def create_app(
    db: str | Path | EventStore,
    *,
    coder: Coder | None = None,
    coder_factory: Callable[[], Coder] | None = None,
    model: str | None = None,
    limits: Limits | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """Build the dashboard and API app over an event database.

    Example:
        >>> app = create_app("events.duckdb")        # doctest: +SKIP
        >>> import uvicorn; uvicorn.run(app)          # doctest: +SKIP

    Args:
        db: The database file (opened read-only) or an open store.
        coder: A Coder for ``POST /api/code`` (default: one loaded on the first call).
        coder_factory: Builds the Coder on the first call instead.
        model: spaCy pipeline of the default Coder.
        limits: Request and result limits (default: :class:`Limits`).
        allowed_hosts: Host headers answered (others get 400); None answers any.

    Returns:
        The FastAPI app; its ``state.dragoman`` holds the :class:`ServerContext`.

    Raises:
        StoreError: The database is missing or is not an event store.
    """
    from fastapi import FastAPI
    from jinja2 import Environment, PackageLoader, select_autoescape
    from starlette.responses import Response as StarletteResponse
    from starlette.templating import Jinja2Templates

    from dragoman import __version__
    from dragoman.server._api import api_router
    from dragoman.server._pages import make_pages_router

    store = db if isinstance(db, EventStore) else EventStore(db, read_only=True)

    def default_factory() -> Coder:
        if coder is not None:
            return coder
        from dragoman import Coder

        return Coder(model=model)

    ctx = ServerContext(
        store=store, limits=limits or Limits(), coder_factory=coder_factory or default_factory
    )
    ctx.summary = _summary(store)
    if store.read_only:  # nobody can write while it is open: an index stays true
        from dragoman.server._index import EventIndex

        ctx.index = EventIndex(store)
    ctx.codes  # noqa: B018 - read the actor codes now, not in the first request
    app = FastAPI(
        title="Dragoman event data",
        version=__version__,
        description="Events coded by Dragoman (CAMEO/PLOVER) from a read-only event store. "
        "Errors are JSON: {status, error, message}.",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; /api is ours
        redoc_url=None,
    )
    env = Environment(
        loader=PackageLoader("dragoman.server", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    templates = Jinja2Templates(env=env)
    app.state.dragoman = ctx
    app.state.templates = templates
    _install_handlers(app)
    app.include_router(api_router)
    app.include_router(make_pages_router(templates))
    assets = _static_assets()

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> StarletteResponse:
        from fastapi import HTTPException

        if name not in assets:
            raise HTTPException(404, f"no static file {name[:100]!r}")
        return StarletteResponse(
            assets[name],
            media_type=_STATIC_TYPES[Path(name).suffix],
            headers={"cache-control": "max-age=3600"},
        )

    app.add_middleware(RequestGuard)
    app.add_middleware(_LimitsMiddleware, max_bytes=ctx.limits.body_bytes)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    return app


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    model: str | None = None,
    limits: Limits | None = None,
    log_level: str = "info",
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Serve the dashboard and API with uvicorn until interrupted.

    Args:
        db: The database file, opened read-only.
        host: Interface to bind: the loopback one by default; ``0.0.0.0`` exposes the data
            to the network.
        port: TCP port.
        model: spaCy pipeline for ``POST /api/code``.
        limits: Request and result limits.
        log_level: uvicorn's log level.
        on_ready: Called once the database is open, just before serving starts.

    Raises:
        StoreError: The database is missing or is not an event store.
    """
    import uvicorn

    loopback = host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
    allowed = [*LOOPBACK_HOSTS, host] if loopback else None
    app = create_app(db, model=model, limits=limits, allowed_hosts=allowed)
    if on_ready is not None:
        on_ready()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        server_header=False,
        limit_concurrency=200,
        timeout_keep_alive=5,
    )
