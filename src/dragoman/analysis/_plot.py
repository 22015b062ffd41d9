"""Charts of dyads and networks, drawn with matplotlib's object API on the Agg (PNG) and SVG
canvases: no pyplot, so no global state, no window, and safe to call from server threads.
"""

from __future__ import annotations

import io
import itertools
import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING

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
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
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
    for ax, (source, target) in zip(axes, directions, strict=True):
        part = frame[(frame["source"] == source) & (frame["target"] == target)]
        x = [ts.to_pydatetime() for ts in part["period"]]
        days = [b - a for a, b in itertools.pairwise(x)]
        width = 0.8 * (min(days).days if days else 20)
        below_up = [0.0] * len(part)
        below_down = [0.0] * len(part)
        for name in QUAD_COLUMNS:
            values = [float(v) for v in part[name]]
            conflict = name.endswith("conflict")
            base = below_down if conflict else below_up
            heights = [-v if conflict else v for v in values]
            ax.bar(x, heights, width=width, bottom=base, color=_QUAD_COLORS[name],
                   label=_QUAD_LABELS[name], align="edge")
            for i, v in enumerate(heights):
                base[i] += v
        ax.axhline(0, color="#444444", linewidth=0.8)
        ax.set_ylabel("events (conflict below)")
        ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{abs(v):g}"))
        locator = AutoDateLocator(minticks=3, maxticks=9)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.set_title(f"{source} → {target}", loc="left", fontsize=10)
        top = max([*below_up, *(-v for v in below_down), 1.0])
        ax.set_ylim(-top * 1.15, top * 1.15)
        twin = ax.twinx()
        twins.append(twin)
        means = [None if math.isnan(float(v)) else float(v) for v in part["goldstein_mean"]]
        shifted = [t + (x[1] - x[0]) * 0.4 if len(x) > 1 else t for t in x]
        twin.plot([t for t, m in zip(shifted, means, strict=True) if m is not None],
                  [m for m in means if m is not None], color="#2c3e50", marker="o",
                  markersize=3, linewidth=1.2, label="mean Goldstein")
        twin.set_ylim(-10.5, 10.5)
        twin.set_ylabel("Goldstein")
    handles, labels = axes[0].get_legend_handles_labels()
    line_h, line_l = twins[0].get_legend_handles_labels()
    fig.legend(handles + line_h, labels + line_l, loc="outside lower center", ncols=5,
               fontsize=8, frameon=False)
    return fig


def network_figure(net: Network, max_nodes: int = 40, title: str | None = None) -> Figure:
    """Draw the network: node size by activity, arrows coloured by mean Goldstein score.

    Args:
        net: A :class:`~dragoman.analysis.Network`.
        max_nodes: Draw only the most active nodes (and the edges between them).
        title: A title (default: none).

    Returns:
        The figure.
    """
    require("plots", "a network chart")
    import networkx as nx
    from matplotlib import colormaps
    from matplotlib.cm import ScalarMappable
    from matplotlib.colors import Normalize

    fig = _new_figure(9.0, 7.5)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_axis_off()
    if title:
        ax.set_title(title)
    keep = list(net.nodes["id"][:max_nodes])
    kept = set(keep)
    edges = net.edges[net.edges["source"].isin(kept) & net.edges["target"].isin(kept)]
    if not keep:
        ax.text(0.5, 0.5, "No events", ha="center", va="center", transform=ax.transAxes)
        return fig
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(keep)
    for s, t, n in zip(edges["source"], edges["target"], edges["events"], strict=True):
        graph.add_edge(s, t, weight=float(n))
    pos = nx.spring_layout(graph, seed=7, weight="weight", k=1.5 / math.sqrt(len(keep)))
    cmap = colormaps["RdYlGn"]
    norm = Normalize(-10, 10)
    biggest = max(float(net.edges["events"].max()) if len(edges) else 1.0, 1.0)
    for s, t, n, g in zip(edges["source"], edges["target"], edges["events"],
                          edges["goldstein_mean"], strict=True):
        if s == t:
            continue
        ax.annotate(
            "", xy=(pos[t][0], pos[t][1]), xytext=(pos[s][0], pos[s][1]),
            arrowprops={
                "arrowstyle": "-|>", "color": cmap(norm(float(g))), "alpha": 0.85,
                "linewidth": 0.6 + 3.0 * math.log1p(float(n)) / math.log1p(biggest),
                "shrinkA": 12, "shrinkB": 12, "connectionstyle": "arc3,rad=0.12",
            },
        )
    activity = dict(zip(net.nodes["id"], net.nodes["events"], strict=True))
    most = max(float(activity[n]) for n in keep) or 1.0
    xs = [pos[n][0] for n in keep]
    ys = [pos[n][1] for n in keep]
    sizes = [80 + 900 * math.sqrt(float(activity[n]) / most) for n in keep]
    ax.scatter(xs, ys, s=sizes, color="#9ecae1", edgecolors="#3182bd", zorder=3)
    for node, x, y in zip(keep, xs, ys, strict=True):
        ax.annotate(node, (x, y), ha="center", va="center", fontsize=8, zorder=4)
    fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6,
                 label="mean Goldstein score (-10 conflict ... +10 cooperation)")
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


def plot_network(net: Network, path: str | Path, max_nodes: int = 40,
                 title: str | None = None) -> Path:
    """Write :func:`network_figure` of a network to a PNG or SVG file; return the path."""
    return save_figure(network_figure(net, max_nodes, title), path)
