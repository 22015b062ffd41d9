"""What the events page shows above its list, for the current filter: how many events and
mentions match, a chart of events over time, a map of where they happened, and the matching
mentions as a CSV or Parquet download.

"Events" means deduplicated events everywhere (distinct ``global_event_id``, as in the
``events`` view); mentions are the second number. The charts are SVG drawn here, without a
library or a network request: the map is an equirectangular projection with a graticule (no
coastlines), enough to see where events cluster.

Both run on a connection of the request's own (``ServerContext.bounded``), within the
server's time budget: a filter that makes them slow gets 503, not a server held busy.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from dragoman.analysis import fitting_precisions
from dragoman.errors import StoreError
from dragoman.server._queries import Criteria

if TYPE_CHECKING:
    from dragoman.store import EventStore

__all__ = ["DOWNLOAD_FORMATS", "DOWNLOAD_ROWS", "Overview", "download", "overview"]

#: Formats of the filtered-events download.
DOWNLOAD_FORMATS = ("csv", "parquet")
#: Most mentions one download holds (the newest first).
DOWNLOAD_ROWS = 1_000_000

_DOWNLOAD_QUERY = """
SELECT m.event_id, m.global_event_id, m.doc_id, m.sentence_index, m.event_date,
       m.date_precision, m.source_code, m.source_name, m.source_label, m.target_code,
       m.target_name, m.target_label, m.cameo_code, m.cameo_name, m.root_code, m.quad_class,
       m.goldstein, m.plover_type, m.plover_mode, m.negated, m.place_name, m.place_country,
       m.place_feature, m.latitude, m.longitude, m.sentence, m.verb, d.url, d.title, d.outlet
FROM (SELECT * FROM mentions WHERE {where}) AS m JOIN documents AS d USING (doc_id)
ORDER BY m.event_date DESC NULLS LAST, m.event_id
LIMIT {limit}
"""


@dataclass
class Overview:
    """Counts, time series and places of the events matching a filter.

    Attributes:
        events: Deduplicated events matching.
        mentions: Their mentions (the rows of the list).
        freq: The chart's period: ``day``, ``month`` or ``year``.
        periods: ``(first day of the period, events)``, oldest first, empty periods included.
        left_out: Events dated too coarsely for ``freq`` (only to the month or year), not
            in the chart.
        places: ``(name, country, latitude, longitude, events)``, most events first.
        unplaced: Events with no place.
    """

    events: int
    mentions: int
    freq: str = "month"
    periods: list[tuple[dt.date, int]] = field(default_factory=list)
    left_out: int = 0
    places: list[tuple[str, str | None, float, float, int]] = field(default_factory=list)
    unplaced: int = 0

    def timeline_svg(self) -> str:
        """The events per period as an SVG bar chart."""
        return _timeline_svg(self)

    def map_svg(self) -> str:
        """The located events as an SVG map."""
        return _map_svg(self)


def _freq(first: dt.date, last: dt.date) -> str:
    span = (last - first).days
    if span > 3 * 366:
        return "year"
    if span > 62:
        return "month"
    return "day"


def overview(store: EventStore, criteria: Criteria, max_places: int = 300) -> Overview:
    """Count, chart and place the events matching ``criteria``.

    Three scans of the matching mentions: counts (events, mentions, located events, first
    and last date), events per period, and events per place (the ``max_places`` busiest).

    Args:
        store: A connection of the request's own (``ServerContext.bounded``): its queries
            run on it directly, so interrupting it stops them.
        criteria: The checked filters of the events page.
        max_places: Most places on the map.

    Raises:
        StoreError: The database cannot be read, or the query was interrupted.
    """
    where, params = criteria.where()
    events, mentions, located, first, last = store.sql(
        "SELECT count(DISTINCT global_event_id), count(*), "
        "count(DISTINCT global_event_id) FILTER (WHERE latitude IS NOT NULL), "
        f"min(event_date), max(event_date) FROM mentions WHERE {where}",
        params,
    )[0]
    result = Overview(
        events=int(events), mentions=int(mentions), unplaced=int(events) - int(located)
    )
    if first is not None and last is not None:
        result.freq = _freq(first, last)
        allowed = ", ".join(f"'{p}'" for p in fitting_precisions(result.freq))
        fits = f"coalesce(date_precision, 'day') IN ({allowed})"
        rows = store.sql(
            f"SELECT date_trunc('{result.freq}', event_date)::DATE, "
            f"count(DISTINCT global_event_id) FILTER (WHERE {fits}), "
            f"count(DISTINCT global_event_id) FILTER (WHERE NOT {fits}) "
            f"FROM mentions WHERE {where} AND event_date IS NOT NULL GROUP BY 1 ORDER BY 1",
            params,
        )
        counts = {row[0]: int(row[1]) for row in rows}
        result.left_out = sum(int(row[2]) for row in rows)
        result.periods = [(p, counts.get(p, 0)) for p in _periods(first, last, result.freq)]
    if located:
        placed = store.sql(
            "SELECT place_name, place_country, latitude, longitude, "
            f"count(DISTINCT global_event_id) AS n FROM mentions WHERE {where} "
            "AND latitude IS NOT NULL AND longitude IS NOT NULL "
            "GROUP BY ALL ORDER BY n DESC, place_name LIMIT ?",
            [*params, max_places],
        )
        result.places = [(str(a), b, float(c), float(d), int(n)) for a, b, c, d, n in placed]
    return result


def _periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    if freq == "year":
        return [dt.date(y, 1, 1) for y in range(first.year, last.year + 1)]
    if freq == "month":
        out, y, m = [], first.year, first.month
        while (y, m) <= (last.year, last.month):
            out.append(dt.date(y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _label(day: dt.date, freq: str) -> str:
    if freq == "year":
        return str(day.year)
    if freq == "month":
        return day.strftime("%b %Y")
    return day.strftime("%d %b")


def _timeline_svg(view: Overview) -> str:
    width, height, left, bottom, top = 720, 200, 44, 34, 12
    periods = view.periods
    if not periods:
        return ""
    most = max((n for _, n in periods), default=0) or 1
    slot = (width - left - 10) / len(periods)
    plot_h = height - bottom - top
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'class="timeline" role="img" aria-label="events per {view.freq}">'
    ]
    for tick in sorted({0, most // 2, most}):
        y = top + plot_h - plot_h * tick / most
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="gridline"/>'
        )
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    every = max(1, math.ceil(len(periods) / 12))
    for i, (day, n) in enumerate(periods):
        x = left + i * slot
        h = plot_h * n / most
        label = _label(day, view.freq)
        parts.append(
            f'<rect x="{x + slot * 0.1:.1f}" y="{top + plot_h - h:.1f}" '
            f'width="{max(slot * 0.8, 1):.1f}" height="{h:.1f}" class="bar">'
            f"<title>{escape(label)}: {n} event{'' if n == 1 else 's'}</title></rect>"
        )
        if i % every == 0:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def _map_svg(view: Overview) -> str:
    width, height = 720, 360

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (lon + 180) / 360 * width, (90 - lat) / 180 * height

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        'class="map" role="img" aria-label="where the events happened">',
        f'<rect width="{width}" height="{height}" class="sea"/>',
    ]
    for lon in range(-180, 181, 30):
        x, _ = xy(0, lon)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height}" class="gridline"/>')
    for lat in range(-60, 61, 30):
        _, y = xy(lat, 0)
        kind = "equator" if lat == 0 else "gridline"
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="{kind}"/>')
        hemisphere = ("N" if lat > 0 else "S") if lat else ""
        parts.append(f'<text x="4" y="{y - 3:.1f}" class="axis">{abs(lat)}°{hemisphere}</text>')
    most = max((p[4] for p in view.places), default=1)
    for rank, (name, country, latitude, longitude, n) in enumerate(view.places):
        x, y = xy(latitude, longitude)
        r = 3 + 9 * math.sqrt(n / most)
        where = f"{name}, {country}" if country else name
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" class="place">'
            f"<title>{escape(where)}: {n} event{'' if n == 1 else 's'}</title></circle>"
        )
        if rank < 12:
            parts.append(
                f'<text x="{x + r + 2:.1f}" y="{y + 4:.1f}" class="label">{escape(name)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def download(store: EventStore, criteria: Criteria, fmt: str) -> bytes:
    """Return the mentions matching ``criteria`` as CSV (text quoted, as ``dragoman export``
    writes it) or Parquet, newest first, at most :data:`DOWNLOAD_ROWS`.

    Args:
        store: A connection of the request's own (``ServerContext.bounded``).
        criteria: The checked filters of the events page.
        fmt: ``csv`` or ``parquet``.

    Raises:
        StoreError: The database cannot be read, or the query was interrupted.
    """
    import duckdb

    where, params = criteria.where()
    query = _DOWNLOAD_QUERY.format(where=where, limit=DOWNLOAD_ROWS)
    try:
        table = store.connection.sql(query, params=params).to_arrow_table()
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: query failed: {str(exc).splitlines()[0]}") from exc
    if fmt == "parquet":
        import pyarrow.parquet as pq

        buffer = io.BytesIO()
        pq.write_table(table, buffer)
        return buffer.getvalue()
    from dragoman.store import csv_line

    out = io.StringIO()
    out.write(csv_line(table.schema.names))
    for row in table.to_pylist():
        out.write(csv_line(list(row.values())))
    return out.getvalue().encode("utf-8")
