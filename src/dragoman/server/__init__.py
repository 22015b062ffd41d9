"""``dragoman serve``: a local dashboard and JSON API over an event database.

The app (FastAPI, Jinja2 templates rendered on the server, charts as inline SVG from
matplotlib) opens the database read-only and needs no network: its only stylesheet is
its own. Bind it to the loopback interface (the default) unless others should read the data.

Example:
    >>> from dragoman.server import create_app, serve      # doctest: +SKIP
    >>> serve("events.duckdb", port=8000)                   # doctest: +SKIP
"""

from __future__ import annotations

from dragoman.server._app import LOOPBACK_HOSTS, create_app, serve
from dragoman.server._context import Limits, ServerContext
from dragoman.server._highlight import Segment, highlight

__all__ = ["LOOPBACK_HOSTS", "Limits", "Segment", "ServerContext", "create_app", "highlight",
           "serve"]
