"""Dyad time series: what one actor did to another, period by period.

Counts come from the store's ``events`` view (one event per day, source, target and CAMEO
code, negated mentions left out; see ``docs/store.md``), or from the mentions with
``level="mentions"`` (one per article that reports an event).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman._extras import require
from dragoman.analysis._filters import (
    FREQUENCIES,
    ActorCodes,
    DateRange,
    actor_condition,
    open_store,
)
from dragoman.errors import QueryError
from dragoman.store import EventStore

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DYAD_COLUMNS",
    "IMPRECISE",
    "LEVELS",
    "QUAD_COLUMNS",
    "dyads",
    "fitting_precisions",
    "frame_records",
]

#: What to do with events whose date is coarser than the period (known only to the month or
#: year, counted by week): ``omit`` leaves them out (their number is in the frame's
#: ``attrs["left_out"]``), ``spread`` shares each one out evenly over the days of its month
#: or year, so periods get fractions of it.
IMPRECISE = ("omit", "spread")

# The date precisions that place an event in one period of each length: a date known to the
# month is in one month, quarter and year, but not in one day or week.
_FITTING = {
    "day": ("day",),
    "week": ("day",),
    "month": ("day", "month"),
    "quarter": ("day", "month"),
    "year": ("day", "month", "year"),
}


def fitting_precisions(freq: str) -> tuple[str, ...]:
    """Return the date precisions that put an event in a single period of length ``freq``."""
    return _FITTING[freq]


def _fits(freq: str, negate: bool = False) -> str:
    allowed = ", ".join(f"'{p}'" for p in _FITTING[freq])
    return f"coalesce(date_precision, 'day') {'NOT ' if negate else ''}IN ({allowed})"


#: What is counted: deduplicated events, or their mentions in articles.
LEVELS = ("events", "mentions")

#: Count columns of the four quad classes (CAMEO: 1 verbal cooperation ... 4 material
#: conflict), in quad-class order.
QUAD_COLUMNS = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)

#: The fixed columns of a dyad table; PLOVER type counts follow, one upper-case column each.
DYAD_COLUMNS = (
    "period",
    "source",
    "target",
    "events",
    *QUAD_COLUMNS,
    "goldstein_sum",
    "goldstein_mean",
)

# pandas date_range frequencies giving the first day of each period, as date_trunc does.
_PANDAS_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}


def _table(level: str) -> str:
    if level not in LEVELS:
        raise QueryError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    return "events" if level == "events" else "(SELECT * FROM mentions WHERE NOT negated)"


def _dyad_where(
    source: str, target: str, exact: bool, date_sql: str, date_params: list[Any]
) -> tuple[str, list[Any]]:
    """The condition of a dyad's dated events: source, target, and a date condition."""
    src_sql, src_params = actor_condition("source_code", source, exact)
    tgt_sql, tgt_params = actor_condition("target_code", target, exact)
    return (
        f"event_date IS NOT NULL AND {src_sql} AND {tgt_sql} AND {date_sql}",
        [*src_params, *tgt_params, *date_params],
    )


def _counts(
    store: EventStore,
    source: str,
    target: str,
    freq: str,
    dates: DateRange,
    exact: bool,
    level: str,
) -> list[tuple[Any, ...]]:
    where, params = _dyad_where(source, target, exact, *dates.condition())
    query = (
        "SELECT date_trunc(?, event_date)::DATE AS period, quad_class, plover_type, "
        "count(*), sum(goldstein) "
        f"FROM {_table(level)} WHERE {where} AND {_fits(freq)} "
        "GROUP BY ALL ORDER BY period"
    )
    return store.sql(query, [freq, *params])


def _imprecise(
    store: EventStore,
    source: str,
    target: str,
    freq: str,
    dates: DateRange,
    exact: bool,
    level: str,
) -> list[tuple[Any, ...]]:
    """The events too coarsely dated for ``freq``: (date, precision, quad, plover, n, sum)."""
    # an event known to a month or year is in range when its month or year overlaps it
    parts, date_params = [], []
    if dates.since:
        parts.append(
            "(CASE date_precision WHEN 'year' THEN event_date + INTERVAL 1 YEAR "
            "ELSE event_date + INTERVAL 1 MONTH END) > ?"
        )
        date_params.append(dates.since)
    if dates.until:
        parts.append("event_date <= ?")
        date_params.append(dates.until)
    where, params = _dyad_where(source, target, exact, " AND ".join(parts) or "TRUE", date_params)
    query = (
        "SELECT event_date, date_precision, quad_class, plover_type, count(*), sum(goldstein) "
        f"FROM {_table(level)} WHERE {where} AND {_fits(freq, negate=True)} "
        "GROUP BY ALL ORDER BY ALL"
    )
    return store.sql(query, params)


def _representable(day: dt.date | None) -> dt.date | None:
    """The day, or the nearest one pandas can hold as a Timestamp: pandas before 3.0 holds
    only 1677-09-22 to 2262-04-11 (``until="9999-12"`` then ends the periods there)."""
    import pandas as pd

    if day is None or int(pd.__version__.split(".")[0]) >= 3:
        return day
    try:
        pd.Timestamp(day).as_unit("ns")
    except (OverflowError, ValueError):
        bound = pd.Timestamp.max if day.year > 2000 else pd.Timestamp.min
        return (bound.normalize() + pd.Timedelta(days=0 if day.year > 2000 else 1)).date()
    return day


def _period_start(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    if freq == "year":
        return day.replace(month=1, day=1)
    return day


def _spread(start: dt.date, precision: str, freq: str, dates: DateRange) -> dict[dt.date, float]:
    """Share one event dated to a month or year over the periods its days fall in.

    Each day of the month (year) carries an equal share; days outside ``dates`` are
    dropped, with their share.
    """
    if precision == "year":
        end = start.replace(month=12, day=31)
    else:
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        end = following - dt.timedelta(days=1)
    total = (end - start).days + 1
    shares: dict[dt.date, float] = {}
    day = max(start, dates.since) if dates.since else start
    last = min(end, dates.until) if dates.until else end
    while day <= last:
        period = _period_start(day, freq)
        shares[period] = shares.get(period, 0.0) + 1.0 / total
        day += dt.timedelta(days=1)
    return shares


def _periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    import pandas as pd

    start = pd.Timestamp(first)
    # Align the start to the period containing it, as date_trunc does.
    if freq == "week":
        start = start - pd.Timedelta(days=start.weekday())
    elif freq == "month":
        start = start.replace(day=1)
    elif freq == "quarter":
        start = start.replace(month=3 * ((start.month - 1) // 3) + 1, day=1)
    elif freq == "year":
        start = start.replace(month=1, day=1)
    return [ts.date() for ts in pd.date_range(start, pd.Timestamp(last), freq=_PANDAS_FREQ[freq])]


def dyads(
    store_or_path: EventStore | str | Path,
    source: str,
    target: str,
    both_directions: bool = False,
    freq: str = "month",
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    exact: bool = False,
    level: str = "events",
    imprecise: str = "omit",
) -> pd.DataFrame:
    """Count what ``source`` did to ``target`` per period.

    Example:
        >>> frame = dyads("events.duckdb", "KAZ", "RUS", both_directions=True)  # doctest: +SKIP
        >>> frame[["period", "source", "target", "events", "goldstein_mean"]]    # doctest: +SKIP

    Args:
        store_or_path: An open store, or a database file (opened read-only).
        source: Source actor code at any level (``KAZ`` includes ``KAZGOV``, ``KAZMIL``...).
        target: Target actor code, likewise.
        both_directions: Also count what ``target`` did to ``source``.
        freq: Period length: ``day``, ``week`` (from Monday), ``month``, ``quarter``, ``year``.
        since: First day counted (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``), or None.
        until: Last day counted (a month or year means its last day), or None.
        exact: Match the codes exactly instead of every code below them.
        level: Count deduplicated ``events`` (default) or their ``mentions`` in articles.
        imprecise: Events dated more coarsely than ``freq`` (only to the month or year,
            counted by day or week; only to the year, counted by month or quarter):
            ``omit`` (default) leaves them out, ``spread`` shares each out evenly over the
            days of its month or year (counts become fractions).

    Returns:
        One row per period and direction, from the first to the last period (periods with no
        event are rows of zeros): ``period`` (first day, a Timestamp), ``source``,
        ``target``, ``events``, counts per quad class (``verbal_cooperation`` ...
        ``material_conflict``), ``goldstein_sum``, ``goldstein_mean`` (NaN with no event)
        and one count column per PLOVER type seen (``CONSULT``, ``ACCUSE``...). Events with
        no date are left out. ``frame.attrs["left_out"]`` is the number of events left out
        for their date's precision (0 with ``spread``).

    Raises:
        QueryError: An actor no stored event has, a bad date or range, an unknown ``freq``.
        StoreError: The database cannot be read.
    """
    require("plots", "dragoman.analysis.dyads")
    import pandas as pd

    if freq not in FREQUENCIES:
        raise QueryError(f"freq {freq!r} is not one of {', '.join(FREQUENCIES)}")
    if imprecise not in IMPRECISE:
        raise QueryError(f"imprecise {imprecise!r} is not one of {', '.join(IMPRECISE)}")
    dates = DateRange(since, until)
    with open_store(store_or_path) as store:
        codes = ActorCodes.of(store)
        src = codes.require(source, exact, "source")
        tgt = codes.require(target, exact, "target")
        directions = [(src, tgt), (tgt, src)] if both_directions and src != tgt else [(src, tgt)]
        raw = {pair: _counts(store, *pair, freq, dates, exact, level) for pair in directions}
        coarse = {pair: _imprecise(store, *pair, freq, dates, exact, level) for pair in directions}

    left_out = sum(int(row[4]) for rows in coarse.values() for row in rows)
    if imprecise == "spread":
        left_out = 0
        for pair, rows in coarse.items():
            spread_rows: list[tuple[Any, ...]] = []
            for start, precision, quad, plover, count, gsum in rows:
                for period, share in _spread(start, str(precision), freq, dates).items():
                    spread_rows.append((period, quad, plover, share * count, share * gsum))
            raw[pair] = [*raw[pair], *spread_rows]
    types = sorted({str(row[2]) for rows in raw.values() for row in rows if row[2] is not None})
    found = [row[0] for rows in raw.values() for row in rows]
    first = _representable(dates.since or (min(found) if found else None))
    last = _representable(dates.until or (max(found) if found else None))
    periods = _periods(first, last, freq) if first and last else []
    records: list[dict[str, Any]] = []
    for pair, rows in raw.items():
        by_period: dict[dt.date, dict[str, Any]] = {}
        for period, quad, plover, count, gsum in rows:
            cell = by_period.setdefault(period, {"events": 0, "goldstein_sum": 0.0})
            cell["events"] += count
            cell["goldstein_sum"] += float(gsum)
            quad_name = QUAD_COLUMNS[int(quad) - 1]
            cell[quad_name] = cell.get(quad_name, 0) + count
            if plover is not None:
                cell[str(plover)] = cell.get(str(plover), 0) + count
        for period in periods:
            cell = by_period.get(period, {})
            n = _number(cell.get("events", 0))
            total = float(cell.get("goldstein_sum", 0.0))
            record: dict[str, Any] = {
                "period": pd.Timestamp(period),
                "source": pair[0],
                "target": pair[1],
                "events": n,
                **{name: _number(cell.get(name, 0)) for name in QUAD_COLUMNS},
                "goldstein_sum": round(total, 6),
                "goldstein_mean": round(total / n, 6) if n else float("nan"),
            }
            record.update({kind: _number(cell.get(kind, 0)) for kind in types})
            records.append(record)
    frame = pd.DataFrame.from_records(records, columns=[*DYAD_COLUMNS, *types])
    if frame.empty:
        frame["period"] = pd.to_datetime(frame["period"])
    frame.attrs["left_out"] = left_out
    frame.attrs["freq"] = freq
    return frame


def _number(value: Any) -> int | float:
    """A count: an int, or a float rounded to 6 places when events were spread."""
    return round(value, 6) if isinstance(value, float) else int(value)


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return a table's rows as JSON-ready dicts (dates as ISO strings, NaN as None).

    Args:
        frame: A table from :func:`dyads`, :func:`network` or :func:`top`.
    """
    import math

    out: list[dict[str, Any]] = []
    for row in frame.to_dict(orient="records"):
        clean: dict[str, Any] = {}
        for key, value in row.items():
            if hasattr(value, "isoformat"):
                value = value.date().isoformat() if hasattr(value, "date") else value.isoformat()
            elif isinstance(value, float) and math.isnan(value):
                value = None
            elif hasattr(value, "item"):  # numpy scalars
                value = value.item()
            clean[str(key)] = value
        out.append(clean)
    return out
