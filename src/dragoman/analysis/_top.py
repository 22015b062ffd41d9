"""The most active actors, dyads and event types of a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman._extras import require
from dragoman.analysis._dyads import frame_records
from dragoman.analysis._filters import DateRange, open_store
from dragoman.errors import QueryError
from dragoman.store import EventStore

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Top", "top"]


@dataclass(frozen=True)
class Top:
    """The most frequent actors, dyads and event types.

    Attributes:
        actors: ``code``, ``name``, ``events`` (as source or target), ``as_source``,
            ``as_target``.
        dyads: ``source``, ``target``, ``events``, ``goldstein_mean``.
        event_types: ``cameo_code``, ``cameo_name``, ``plover_type``, ``quad_class``,
            ``events``.
    """

    actors: pd.DataFrame
    dyads: pd.DataFrame
    event_types: pd.DataFrame

    def to_dict(self) -> dict[str, Any]:
        """Return the three tables as JSON-ready lists of rows."""
        return {
            "actors": frame_records(self.actors),
            "dyads": frame_records(self.dyads),
            "event_types": frame_records(self.event_types),
        }


def top(
    store_or_path: EventStore | str | Path,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int = 10,
) -> Top:
    """Return the most active actors, dyads and event types between two dates.

    Example:
        >>> print(top("events.duckdb", since="2025-01", limit=5).actors)  # doctest: +SKIP

    Args:
        store_or_path: An open store, or a database file (opened read-only).
        since: First day counted (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), or None.
        until: Last day counted, or None.
        limit: Rows per table (1 to 10,000).

    Returns:
        A :class:`Top`, each table ordered by event count (then code).

    Raises:
        QueryError: A bad date or range, or a limit out of range.
        StoreError: The database cannot be read.
    """
    require("plots", "dragoman.analysis.top")
    import pandas as pd

    if not 1 <= limit <= 10_000:
        raise QueryError(f"limit must be between 1 and 10000, not {limit}")
    date_sql, params = DateRange(since, until).condition()
    with open_store(store_or_path) as store:
        actor_rows = store.sql(
            "SELECT code, min(name) AS name, count(*) AS events, "
            "count(*) FILTER (WHERE role = 'source') AS as_source, "
            "count(*) FILTER (WHERE role = 'target') AS as_target FROM ("
            f" SELECT source_code AS code, source_name AS name, 'source' AS role FROM events"
            f" WHERE {date_sql}"
            f" UNION ALL SELECT target_code, target_name, 'target' FROM events"
            f" WHERE target_code IS NOT NULL AND {date_sql}"
            ") GROUP BY code ORDER BY events DESC, code LIMIT ?",
            [*params, *params, limit],
        )
        dyad_rows = store.sql(
            "SELECT source_code, target_code, count(*) AS events, avg(goldstein) FROM events "
            f"WHERE target_code IS NOT NULL AND {date_sql} "
            "GROUP BY ALL ORDER BY events DESC, source_code, target_code LIMIT ?",
            [*params, limit],
        )
        type_rows = store.sql(
            "SELECT cameo_code, min(cameo_name), min(plover_type), min(quad_class), count(*) "
            f"AS events FROM events WHERE {date_sql} "
            "GROUP BY cameo_code ORDER BY events DESC, cameo_code LIMIT ?",
            [*params, limit],
        )
    actors = pd.DataFrame.from_records(
        actor_rows, columns=["code", "name", "events", "as_source", "as_target"]
    )
    dyads = pd.DataFrame.from_records(
        dyad_rows, columns=["source", "target", "events", "goldstein_mean"]
    )
    dyads["goldstein_mean"] = dyads["goldstein_mean"].astype(float).round(6)
    event_types = pd.DataFrame.from_records(
        type_rows, columns=["cameo_code", "cameo_name", "plover_type", "quad_class", "events"]
    )
    return Top(actors=actors, dyads=dyads, event_types=event_types)
