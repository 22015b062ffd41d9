"""Relations between actors from an event store, as pandas DataFrames: dyad time series,
actor networks, the most active actors, dyads and event types, and charts of them.

Actor codes can be given at any level: ``KAZ`` includes ``KAZGOV``, ``KAZMIL``... unless
``exact=True``. Dates are ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

Example:
    >>> from dragoman.analysis import dyads, plot_dyads                  # doctest: +SKIP
    >>> frame = dyads("events.duckdb", "KAZ", "RUS", both_directions=True)  # doctest: +SKIP
    >>> plot_dyads(frame, "kaz_rus.png")                                  # doctest: +SKIP
"""

from __future__ import annotations

from dragoman.analysis._dyads import (
    DYAD_COLUMNS,
    IMPRECISE,
    LEVELS,
    QUAD_COLUMNS,
    dyads,
    fitting_precisions,
    frame_records,
)
from dragoman.analysis._filters import (
    FREQUENCIES,
    ActorCodes,
    DateRange,
    normalize_actor,
    open_store,
    parse_date,
)
from dragoman.analysis._network import (
    EDGE_COLUMNS,
    NETWORK_LEVELS,
    NODE_COLUMNS,
    Network,
    network,
)
from dragoman.analysis._plot import (
    PLOT_FORMATS,
    dyads_figure,
    network_figure,
    plot_dyads,
    plot_network,
    render_svg,
    save_figure,
)
from dragoman.analysis._top import Top, top

__all__ = [
    "DYAD_COLUMNS",
    "EDGE_COLUMNS",
    "FREQUENCIES",
    "IMPRECISE",
    "LEVELS",
    "NETWORK_LEVELS",
    "NODE_COLUMNS",
    "PLOT_FORMATS",
    "QUAD_COLUMNS",
    "ActorCodes",
    "DateRange",
    "Network",
    "Top",
    "dyads",
    "dyads_figure",
    "fitting_precisions",
    "frame_records",
    "network",
    "network_figure",
    "normalize_actor",
    "open_store",
    "parse_date",
    "plot_dyads",
    "plot_network",
    "render_svg",
    "save_figure",
    "top",
]
