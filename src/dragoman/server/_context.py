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
from dragoman.errors import StoreError
from dragoman.server._guard import DISCONNECT_HOOKS, BusyError

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
        body_bytes: Largest request body (``POST /api/code``), in bytes: room for a text of
            100,000 characters each written as a 12-byte JSON escape (``\\ud83d\\ude00``).
        network_edges: Most edges a network request returns.
        periods: Most periods a dyad time series has (``freq=day`` over ten years is 3,653).
        seconds: Time budget of an analysis (dyads, network, top), waiting for another one
            included; a query still running then is stopped and the request gets 503.
    """

    page_size: int = 500
    max_offset: int = 1_000_000
    body_bytes: int = 1_250_000
    network_edges: int = 2_000
    periods: int = 4_000
    seconds: float = 20.0


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
    _analysis_store: EventStore | None = None

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
    def analysis(self, request: Request | None = None) -> Iterator[EventStore]:
        """Yield a store for :mod:`dragoman.analysis` calls, one analysis at a time, within
        the time budget.

        The analysis runs on its own connection: when the budget is spent, or the client of
        ``request`` disconnects, its query is interrupted (and the lock released) without
        touching other requests' queries.

        Args:
            request: The request, to stop its query when its client leaves.

        Raises:
            BusyError: Another analysis held the lock for the whole budget, or this one ran
                out of time.
        """
        budget = self.limits.seconds
        if not self._store_lock.acquire(timeout=budget):
            raise BusyError(f"another analysis has been running for {budget:g} s; try again later")
        try:
            if self._analysis_store is None:
                self._analysis_store = self.store.cursor()
            with self._budget(
                self._analysis_store, request, "the analysis", "narrow the range or the actors"
            ):
                yield self._analysis_store
        finally:
            self._store_lock.release()

    @contextmanager
    def bounded(self, request: Request | None = None) -> Iterator[EventStore]:
        """Yield a connection of the request's own whose queries stop at the time budget or
        when the client of ``request`` leaves; requests do not wait for each other.

        For the queries of a page (the events page's counts, chart and map, the download)
        that filters can make as long as an analysis.

        Args:
            request: The request, to stop its query when its client leaves.

        Raises:
            BusyError: The queries ran out of time (or the client left).
        """
        store = self.store.cursor()
        try:
            with self._budget(store, request, "the query", "narrow the filter"):
                yield store
        finally:
            store.close()

    @contextmanager
    def _budget(
        self, store: EventStore, request: Request | None, what: str, advice: str
    ) -> Iterator[None]:
        """Interrupt ``store``'s query after the time budget or when the client leaves; a
        query stopped so becomes :class:`BusyError`."""
        budget = self.limits.seconds
        stop = _Stopper(store)
        timer = threading.Timer(budget, stop)
        hooks: list[Any] = request.scope.get(DISCONNECT_HOOKS, []) if request else []
        hooks.append(stop)
        timer.start()
        try:
            yield
        except StoreError as exc:
            if stop.fired:
                raise BusyError(
                    f"{what} took longer than {budget:g} s (or its client left); {advice}"
                ) from exc
            raise
        finally:
            stop.disarm()
            timer.cancel()
            if stop in hooks:
                hooks.remove(stop)

    def close(self) -> None:
        """Close the analysis connection (the store itself belongs to the caller)."""
        with self._store_lock:
            if self._analysis_store is not None:
                self._analysis_store.close()
                self._analysis_store = None


class _Stopper:
    """Interrupts a store's running query once, until disarmed."""

    def __init__(self, store: EventStore) -> None:
        self._store = store
        self._lock = threading.Lock()
        self._armed = True
        self.fired = False

    def __call__(self) -> None:
        with self._lock:
            if self._armed:
                self.fired = True
                self._store.interrupt()

    def disarm(self) -> None:
        with self._lock:
            self._armed = False


def context_of(request: Request) -> ServerContext:
    """Return the context of the app serving a request (a FastAPI dependency)."""
    ctx: ServerContext = request.app.state.dragoman
    return ctx
