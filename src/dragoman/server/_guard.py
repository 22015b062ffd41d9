"""Bounding what a request can make the server do: cross-site requests refused, request
bodies typed, analyses clamped to the data's own dates and to a number of periods, and a
client that leaves stops the query it started.

A page the user visits elsewhere can make the browser send requests to the loopback
dashboard; browsers mark them (``Sec-Fetch-Site: cross-site``, an ``Origin`` of another
site), and those are refused with 403 before any work is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from dragoman.analysis import parse_date
from dragoman.errors import DragomanError, QueryError

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "DISCONNECT_HOOKS",
    "BusyError",
    "RequestGuard",
    "check_periods",
    "clamp_dates",
    "count_periods",
]

#: The ASGI scope key under which a request's "the client left" callbacks are kept.
DISCONNECT_HOOKS = "dragoman.disconnect_hooks"

#: ``Sec-Fetch-Site`` values of requests the dashboard answers: its own pages, and
#: requests the user makes directly (address bar, bookmark, curl sends none).
_SAME_SITE = {"same-origin", "none"}

_JSON_TYPES = ("application/json",)
#: Endpoints that read a JSON body (others answer 405 to a POST).
_BODY_PATHS = {"/api/code"}

#: Days in one period of each frequency, for counting periods before building them.
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 28, "quarter": 89, "year": 365}


class BusyError(DragomanError):
    """A request would take longer than the server's time budget (answered with 503)."""


class RequestGuard:
    """ASGI middleware: refuses cross-site requests (403) and request bodies that are not
    JSON (415), and lets a request's work be stopped when its client disconnects.

    Args:
        app: The app to guard.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []
        }
        refusal = _cross_site(headers)
        if refusal is not None:
            await _refuse(scope, receive, send, 403, "forbidden", refusal)
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            if scope.get("path") in _BODY_PATHS and kind not in _JSON_TYPES:
                await _refuse(
                    scope,
                    receive,
                    send,
                    415,
                    "unsupported_media_type",
                    f"request body of type {kind[:60]!r}; send application/json",
                )
                return
            await self.app(scope, receive, send)
            return
        await self._watched(scope, receive, send)

    async def _watched(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run a body-less request while watching for its client to leave."""
        import anyio

        hooks: list[Callable[[], None]] = []
        scope[DISCONNECT_HOOKS] = hooks
        gone = anyio.Event()

        async def watch() -> None:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    gone.set()
                    for hook in list(hooks):
                        hook()
                    return

        async def app_receive() -> Message:
            await gone.wait()
            return {"type": "http.disconnect"}

        first = True

        async def receive_once() -> Message:
            nonlocal first
            if first:
                first = False
                return {"type": "http.request", "body": b"", "more_body": False}
            return await app_receive()

        async with anyio.create_task_group() as group:
            group.start_soon(watch)
            try:
                await self.app(scope, receive_once, send)
            finally:
                hooks.clear()
                group.cancel_scope.cancel()


def _cross_site(headers: dict[str, str]) -> str | None:
    """Return why a request is refused as cross-site, or None."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in _SAME_SITE:
        return (
            f"cross-site request refused (Sec-Fetch-Site: {fetch_site[:40]}); open the "
            "dashboard directly"
        )
    origin = headers.get("origin")
    if origin is None:
        return None
    host = headers.get("host", "")
    netloc = origin.split("://", 1)[1] if "://" in origin else ""
    if not host or netloc.lower() != host.lower():
        return f"cross-site request refused (Origin: {origin[:80]}); open the dashboard directly"
    return None


async def _refuse(
    scope: Scope, receive: Receive, send: Send, status: int, error: str, message: str
) -> None:
    from starlette.responses import JSONResponse

    response = JSONResponse(
        {"status": status, "error": error, "message": message}, status_code=status
    )
    await response(scope, receive, send)


def clamp_dates(
    since: str | None, until: str | None, first: str | None, last: str | None
) -> tuple[dt.date, dt.date] | None:
    """Read a request's date range and clamp it to the dates the data has.

    Args:
        since: The requested first day (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), or None.
        until: The requested last day, or None.
        first: The earliest event date in the store (ISO), or None when it is empty.
        last: The latest event date in the store.

    Returns:
        The range within the data, or None when the request and the data do not overlap.

    Raises:
        QueryError: A bound is not a date, or ``since`` is after ``until``.
    """
    start = parse_date(since or None, "since")
    end = parse_date(until or None, "until", end=True)
    if start and end and start > end:
        raise QueryError(f"since {start} is after until {end}; swap them or widen the range")
    if first is None or last is None:
        return None
    low, high = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    start = max(start, low) if start else low
    end = min(end, high) if end else high
    return (start, end) if start <= end else None


def count_periods(start: dt.date, end: dt.date, freq: str) -> int:
    """Return about how many periods of ``freq`` a range spans (at least the exact count)."""
    return (end - start).days // _PERIOD_DAYS[freq] + 2


def check_periods(start: dt.date, end: dt.date, freq: str, most: int) -> None:
    """Refuse a time series longer than ``most`` periods.

    Raises:
        QueryError: The range holds more periods of ``freq`` than ``most``.
    """
    count = count_periods(start, end, freq)
    if count > most:
        raise QueryError(
            f"{start} to {end} by {freq} is about {count:,} periods, more than {most:,}; "
            "choose a longer period (freq) or a shorter range"
        )
