"""What the server's requests share: the read-only store, its actor codes, limits, the lazily
loaded Coder, and a lock for the analyses that use the store's own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import Request

from dragoman.analysis import ActorCodes

if TYPE_CHECKING:
    from dragoman._coder import Coder
    from dragoman.server._index import EventIndex
    from dragoman.store import EventStore

__all__ = ["Limits", "ServerContext", "context_of"]


@dataclass(frozen=True)
class Limits:
    """Request and result limits.

    Attributes:
        page_size: Largest ``limit`` of a list request.
        max_offset: Largest ``offset`` of a list request.
        body_bytes: Largest request body (``POST /api/code``), in bytes.
        network_edges: Most edges a network request returns.
    """

    page_size: int = 500
    max_offset: int = 1_000_000
    body_bytes: int = 100_000
    network_edges: int = 2_000


@dataclass
class ServerContext:
    """The state of one running app.

    Attributes:
        store: The event store, open read-only.
        limits: Request and result limits.
        coder_factory: Builds the Coder on the first ``POST /api/code``.
        summary: Counts shown in the page header.
        index: In-memory index of the mentions (read-only stores), for fast searches.
    """

    store: EventStore
    limits: Limits
    coder_factory: Callable[[], Coder]
    summary: dict[str, Any] = field(default_factory=dict)
    index: EventIndex | None = None
    _coder: Coder | None = None
    _coder_lock: threading.Lock = field(default_factory=threading.Lock)
    _store_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def codes(self) -> ActorCodes:
        """The actor codes of the store (read once: a read-only file does not change)."""
        return ActorCodes.of(self.store)

    @contextmanager
    def coder(self) -> Iterator[Coder]:
        """Yield the Coder, loading it on first use; one text is coded at a time."""
        with self._coder_lock:
            if self._coder is None:
                self._coder = self.coder_factory()
            yield self._coder

    @contextmanager
    def analysis(self) -> Iterator[EventStore]:
        """Yield the store for :mod:`dragoman.analysis` calls, one at a time (they use the
        store's own connection, which serves one query at a time)."""
        with self._store_lock:
            yield self.store


def context_of(request: Request) -> ServerContext:
    """Return the context of the app serving a request (a FastAPI dependency)."""
    ctx: ServerContext = request.app.state.dragoman
    return ctx
