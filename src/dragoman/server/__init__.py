"""``dragoman serve``: a local dashboard and JSON API over an event database.

The app (FastAPI, Jinja2 templates rendered on the server, charts as inline SVG from
matplotlib) opens the database read-only and needs no network: its only stylesheet is
its own. Bind it to the loopback interface (the default) unless others should read the data.

Example:
    >>> from dragoman.server import create_app, serve      # doctest: +SKIP
    >>> serve("events.duckdb", port=8000)                   # doctest: +SKIP
"""

from __future__ import annotations

from dragoman._extras import require as _require

_require("server", "dragoman serve (dragoman.server)")

# The checks above run before FastAPI is imported, so a core install gets one clear error.
from dragoman.server._app import LOOPBACK_HOSTS, create_app, serve  # noqa: E402
from dragoman.server._context import Limits, ServerContext  # noqa: E402
from dragoman.server._highlight import Segment, highlight  # noqa: E402

__all__ = [
    "LOOPBACK_HOSTS",
    "Limits",
    "Segment",
    "ServerContext",
    "create_app",
    "highlight",
    "serve",
]
