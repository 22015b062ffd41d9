"""Charts of dyads and networks, drawn with matplotlib's object API on the Agg (PNG) and SVG
canvases: no pyplot, so no global state, no window, and safe to call from server threads.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman._extras import require
from dragoman.analysis._dyads import QUAD_COLUMNS
from dragoman.errors import QueryError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from dragoman.analysis._network import Network

__all__ = [
    "PLOT_FORMATS",
    "dyads_figure",
    "network_figure",
    "plot_dyads",
    "plot_network",
    "render_svg",
    "save_figure",
]

# rc_context changes matplotlib's global settings: one SVG rendering at a time.
_RENDER_LOCK = threading.Lock()

#: File types a chart can be written as (by file suffix).
PLOT_FORMATS = ("png", "svg")

_QUAD_COLORS = {
    "verbal_cooperation": "#7fbf7b",
    "material_cooperation": "#1b7837",
    "verbal_conflict": "#f4a582",
    "material_conflict": "#b2182b",
}
_QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}


def _new_figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


# Approximate length of each period in days, for bar widths and padding.
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 30.4, "quarter": 91.3, "year": 365.2}


def _frequency(frame: pd.DataFrame, periods: list[dt.datetime]) -> str:
    """The table's period length: as :func:`~dragoman.analysis.dyads` recorded it, else
    guessed from the spacing of its periods (one period alone: a month)."""
    freq = frame.attrs.get("freq")
    if isinstance(freq, str) and freq in _PERIOD_DAYS:
        return freq
    gaps = [(b - a).days for a, b in itertools.pairwise(sorted(set(periods)))]
    gap = min(gaps) if gaps else 30
    for name in ("year", "quarter", "month", "week"):
        if gap >= _PERIOD_DAYS[name] * 0.9:
            return name
    return "day"


def _date_axis(ax: Any, freq: str, first: dt.datetime, last: dt.datetime) -> None:
    """Ticks that fit the period length (months for a monthly series, never days), and room
    on both sides so a short series is not cropped at the edges."""
    import matplotlib.dates

    dates: Any = matplotlib.dates  # its locators and formatters are untyped
    length = dt.timedelta(days=_PERIOD_DAYS[freq])
    span_days = (last - first).days + _PERIOD_DAYS[freq]
    if freq == "year":
        locator: Any = dates.YearLocator(max(1, math.ceil(span_days / 365.2 / 9)))
        formatter = dates.DateFormatter("%Y")
    elif freq in ("month", "quarter"):
        step = 3 if freq == "quarter" else 1
        months = max(1, math.ceil(span_days / 30.4 / 9))
        interval = step * max(1, math.ceil(months / step))
        if 12 % interval == 0:  # ticks on the same months every year: Jan, Apr, Jul, Oct
            locator = dates.MonthLocator(bymonth=range(1, 13, interval))
        else:
            locator = dates.MonthLocator(interval=interval)
        formatter = dates.DateFormatter("%b\n%Y")
    elif freq == "week":
        weeks = max(1, math.ceil(span_days / 7 / 9))
        locator = dates.WeekdayLocator(byweekday=0, interval=weeks)
        formatter = dates.DateFormatter("%d %b\n%Y")
    else:
        locator = dates.DayLocator(interval=max(1, math.ceil(span_days / 9)))
        formatter = dates.DateFormatter("%d %b\n%Y")
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(formatter)
    ax.set_xlim(first - 0.35 * length, last + 1.35 * length)


def dyads_figure(frame: pd.DataFrame, title: str | None = None) -> Figure:
    """Draw cooperation against conflict over time, one panel per direction.

    Cooperation (quad classes 1 and 2) stacks above the axis, conflict (3 and 4) below it;
    the line is the mean Goldstein score of each period (right axis, -10 to +10).

    Args:
        frame: A table from :func:`~dragoman.analysis.dyads`.
        title: A title above the panels (default: none).

    Returns:
        The figure (save it with :func:`save_figure`).
    """
    require("plots", "a dyad chart")
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    directions = list(dict.fromkeys(zip(frame["source"], frame["target"], strict=True)))
    fig = _new_figure(9.0, 2.6 * max(1, len(directions)) + 0.6)
    if title:
        fig.suptitle(title)
    if not directions:
        ax = fig.add_subplot(1, 1, 1)
        ax.text(0.5, 0.5, "No events", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    axes = fig.subplots(len(directions), 1, sharex=True, squeeze=False)[:, 0]
    twins = []
    every = [ts.to_pydatetime() for ts in frame["period"]]
    freq = _frequency(frame, every)
    width = 0.8 * _PERIOD_DAYS[freq]
    for ax, (source, target) in zip(axes, directions, strict=True):
        part = frame[(frame["source"] == source) & (frame["target"] == target)]
        x = [ts.to_pydatetime() for ts in part["period"]]
        below_up = [0.0] * len(part)
        below_down = [0.0] * len(part)
        for name in QUAD_COLUMNS:
            values = [float(v) for v in part[name]]
            conflict = name.endswith("conflict")
            base = below_down if conflict else below_up
            heights = [-v if conflict else v for v in values]
            ax.bar(
                x,
                heights,
                width=width,
                bottom=base,
                color=_QUAD_COLORS[name],
                label=_QUAD_LABELS[name],
                align="edge",
            )
            for i, v in enumerate(heights):
                base[i] += v
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.set_ylabel("events (conflict below)")
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
        _date_axis(ax, freq, min(every), max(every))
        ax.set_title(f"{source} → {target}", loc="left", fontsize=10)
        top = max([*below_up, *(-v for v in below_down), 1.0])
        ax.set_ylim(-top * 1.15, top * 1.15)
        twin = ax.twinx()
        twins.append(twin)
        means = [None if math.isnan(float(v)) else float(v) for v in part["goldstein_mean"]]
        shifted = [t + dt.timedelta(days=width / 2) for t in x]  # the middle of each bar
        twin.plot(
            [t for t, m in zip(shifted, means, strict=True) if m is not None],
            [m for m in means if m is not None],
            color="#2c3e50",
            marker="o",
            markersize=3,
            linewidth=1.2,
            label="mean Goldstein",
        )
        twin.set_ylim(-10.5, 10.5)
        twin.set_ylabel("Goldstein")
    handles, labels = axes[0].get_legend_handles_labels()
    line_h, line_l = twins[0].get_legend_handles_labels()
    fig.legend(
        handles + line_h,
        labels + line_l,
        loc="outside lower center",
        ncols=5,
        fontsize=8,
        frameon=False,
    )
    return fig


def _layout(graph: Any) -> dict[str, tuple[float, float]]:
    """Node positions that keep nodes apart: each connected group laid out on its own (a
    spring layout, in an area that grows with its size), the groups packed in rows, largest
    first, then nodes closer than a minimum distance pushed apart."""
    import networkx as nx

    groups = sorted(
        (sorted(c) for c in nx.weakly_connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    placed: dict[str, tuple[float, float]] = {}
    boxes: list[tuple[list[str], float, dict[str, tuple[float, float]]]] = []
    for nodes in groups:
        radius = 0.5 * math.sqrt(len(nodes))
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) == 2:
            local = {nodes[0]: (-0.5, 0.0), nodes[1]: (0.5, 0.0)}
        else:
            found = nx.spring_layout(
                graph.subgraph(nodes),
                seed=7,
                iterations=200,
                k=1.0 / math.sqrt(len(nodes)),
                scale=radius,
            )
            local = {n: (float(x), float(y)) for n, (x, y) in found.items()}
        boxes.append((nodes, max(radius, 0.5), local))
    width = max(2.0 * boxes[0][1], math.sqrt(sum((2 * r + 1) ** 2 for _, r, _ in boxes)) * 1.2)
    x = y = row = 0.0
    for _nodes, radius, local in boxes:
        size = 2 * radius + 1.0
        if x and x + size > width:
            x, y, row = 0.0, y - row, 0.0
        for node, (lx, ly) in local.items():
            placed[node] = (x + size / 2 + lx, y - size / 2 + ly)
        x += size
        row = max(row, size)
    names = list(placed)
    minimum = 0.6
    for _ in range(60):  # push apart what is still too close
        moved = False
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                (ax, ay), (bx, by) = placed[a], placed[b]
                dx, dy = bx - ax, by - ay
                dist = math.hypot(dx, dy)
                if dist >= minimum:
                    continue
                if dist < 1e-9:
                    dx, dy, dist = 1.0, 0.0, 1.0
                push = (minimum - dist) / 2
                ux, uy = dx / dist * push, dy / dist * push
                placed[a] = (ax - ux, ay - uy)
                placed[b] = (bx + ux, by + uy)
                moved = True
        if not moved:
            break
    return placed


def network_figure(
    net: Network,
    max_nodes: int = 40,
    title: str | None = None,
    min_events: int = 1,
    unknown: bool = False,
) -> Figure:
    """Draw the network: node size by activity, arrows coloured by mean Goldstein score.

    Args:
        net: A :class:`~dragoman.analysis.Network`.
        max_nodes: Draw only the most active nodes (and the edges between them).
        title: A title (default: none).
        min_events: Draw only edges of at least this many events (nodes left without an
            edge are dropped).
        unknown: Also draw actors of unknown country (codes starting ``---``), which
            gather everything nobody could place and crowd the middle of the drawing.

    Returns:
        The figure.
    """
    require("plots", "a network chart")
    import networkx as nx
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    fig = _new_figure(10.0, 8.0)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    edges = net.edges[net.edges["events"] >= min_events]
    if not unknown:
        edges = edges[
            ~edges["source"].str.startswith("---") & ~edges["target"].str.startswith("---")
        ]
    linked = set(edges["source"]) | set(edges["target"])
    keep = [n for n in net.nodes["id"] if n in linked][:max_nodes]
    kept = set(keep)
    edges = edges[edges["source"].isin(kept) & edges["target"].isin(kept)]
    if not keep:
        ax.text(0.5, 0.5, "No events", ha="center", va="center", transform=ax.transAxes)
        return fig
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(keep)
    for s, t, n in zip(edges["source"], edges["target"], edges["events"], strict=True):
        graph.add_edge(s, t, weight=math.log1p(float(n)))
    pos = _layout(graph)
    cmap = colormaps["RdYlGn"]
    norm = Normalize(-10, 10)
    activity = dict(zip(net.nodes["id"], net.nodes["events"], strict=True))
    most = max(float(activity[n]) for n in keep) or 1.0
    sizes = {n: 60 + 500 * math.sqrt(float(activity[n]) / most) for n in keep}
    biggest = max(float(edges["events"].max()) if len(edges) else 1.0, 1.0)
    for s, t, n, g in zip(
        edges["source"], edges["target"], edges["events"], edges["goldstein_mean"], strict=True
    ):
        if s == t:
            continue
        ax.annotate(
            "",
            xy=(pos[t][0], pos[t][1]),
            xytext=(pos[s][0], pos[s][1]),
            zorder=2,
            arrowprops={
                "arrowstyle": "-|>",
                "color": cmap(norm(float(g))),
                "alpha": 0.9,
                "linewidth": 0.6 + 3.0 * math.log1p(float(n)) / math.log1p(biggest),
                # stop at the nodes' rims (marker area is in points squared)
                "shrinkA": math.sqrt(sizes[s]) / 2 + 2,
                "shrinkB": math.sqrt(sizes[t]) / 2 + 2,
                "connectionstyle": "arc3,rad=0.15",
                "mutation_scale": 12,
            },
        )
    xs = [pos[n][0] for n in keep]
    ys = [pos[n][1] for n in keep]
    ax.scatter(
        xs,
        ys,
        s=[sizes[n] for n in keep],
        color="#9ecae1",
        edgecolors="#3182bd",
        zorder=3,
        alpha=0.9,
    )
    for node, x, y in zip(keep, xs, ys, strict=True):
        # the label beside its node, on a light box, so it hides neither node nor arrows
        ax.annotate(
            node,
            (x, y),
            xytext=(0, math.sqrt(sizes[node]) / 2 + 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
            zorder=4,
            bbox={
                "boxstyle": "round,pad=0.15",
                "facecolor": "white",
                "edgecolor": "none",
                "alpha": 0.75,
            },
        )
    ax.margins(0.08)
    fig.colorbar(
        ScalarMappable(norm=norm, cmap=cmap),
        ax=ax,
        shrink=0.6,
        label="mean Goldstein score (-10 conflict ... +10 cooperation)",
    )
    return fig


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Write a figure as PNG or SVG, by the file's suffix.

    Args:
        fig: The figure.
        path: A ``.png`` or ``.svg`` file.

    Returns:
        The path written.

    Raises:
        QueryError: The suffix is neither ``.png`` nor ``.svg``.
    """
    out = Path(path)
    kind = out.suffix.lower().lstrip(".")
    if kind not in PLOT_FORMATS:
        raise QueryError(f"cannot write a chart as {out.name!r}; name a .png or .svg file")
    if kind == "png":
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
        fig.savefig(str(out), format="png")
    else:
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        FigureCanvasSVG(fig)
        fig.savefig(str(out), format="svg")
    return out


def render_svg(fig: Figure) -> str:
    """Return a figure as an SVG document (text kept as text, for embedding in HTML)."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    buffer = io.StringIO()
    with _RENDER_LOCK, rc_context({"svg.fonttype": "none", "svg.hashsalt": "dragoman"}):
        FigureCanvasSVG(fig)
        fig.savefig(buffer, format="svg")
    return buffer.getvalue()


def plot_dyads(frame: pd.DataFrame, path: str | Path, title: str | None = None) -> Path:
    """Write :func:`dyads_figure` of a dyad table to a PNG or SVG file; return the path."""
    return save_figure(dyads_figure(frame, title), path)


def plot_network(
    net: Network,
    path: str | Path,
    max_nodes: int = 40,
    title: str | None = None,
    min_events: int = 1,
    unknown: bool = False,
) -> Path:
    """Write :func:`network_figure` of a network to a PNG or SVG file; return the path."""
    return save_figure(network_figure(net, max_nodes, title, min_events, unknown), path)
