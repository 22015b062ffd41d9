"""Charts: PNG and SVG files, inline SVG, refused file types."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.analysis import (
    dyads,
    dyads_figure,
    network,
    network_figure,
    plot_dyads,
    plot_network,
    render_svg,
)
from dragoman.errors import QueryError


def test_dyad_chart_files(event_db: Path, tmp_path: Path) -> None:
    frame = dyads(event_db, "KAZ", "RUS", both_directions=True)
    png = plot_dyads(frame, tmp_path / "kaz_rus.png", title="Kazakhstan and Russia")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = plot_dyads(frame, tmp_path / "kaz_rus.svg")
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_inline_svg_keeps_text(event_db: Path) -> None:
    frame = dyads(event_db, "KAZ", "RUS", both_directions=True)
    svg = render_svg(dyads_figure(frame))
    assert "KAZ → RUS" in svg and "RUS → KAZ" in svg
    assert "mean Goldstein" in svg
    empty = render_svg(dyads_figure(dyads(event_db, "FIN", "RUS")))
    assert "No events" in empty


def test_network_chart(event_db: Path, tmp_path: Path) -> None:
    net = network(event_db)
    assert plot_network(net, tmp_path / "net.png").stat().st_size > 1000
    svg = render_svg(network_figure(net, max_nodes=3))
    assert "KAZGOV" in svg and "UKRMIL" not in svg


def test_unknown_chart_type(event_db: Path, tmp_path: Path) -> None:
    with pytest.raises(QueryError, match=r"\.png or \.svg"):
        plot_dyads(dyads(event_db, "KAZ", "RUS"), tmp_path / "chart.pdf")


def _drawn(fig: object) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)  # type: ignore[arg-type]
    fig.draw_without_rendering()  # type: ignore[attr-defined]


def test_monthly_axis_has_month_ticks(event_db: Path) -> None:
    import matplotlib.dates as mdates

    frame = dyads(event_db, "KAZ", "RUS", both_directions=True, freq="month")
    fig = dyads_figure(frame)
    _drawn(fig)
    ax = fig.axes[0]
    ticks = [mdates.num2date(x) for x in ax.get_xticks()]
    shown = [
        t
        for t, x in zip(ticks, ax.get_xticks(), strict=True)
        if ax.get_xlim()[0] <= x <= ax.get_xlim()[1]
    ]
    assert len(shown) >= 4 and all(t.day == 1 for t in shown)
    bottom = fig.axes[1]  # the panels share the axis; the lower one shows the labels
    labels = [label.get_text() for label in bottom.get_xticklabels() if label.get_text()]
    assert "Jan\n2025" in labels and all("\n" in x and x[:3].isalpha() for x in labels)


def test_one_month_series_is_not_cropped(event_db: Path) -> None:
    import matplotlib.dates as mdates
    import pandas as pd

    frame = dyads(event_db, "KAZ", "RUS", since="2025-03", until="2025-03")
    assert len(frame) == 1
    fig = dyads_figure(frame)
    _drawn(fig)
    ax = fig.axes[0]
    low, high = ax.get_xlim()
    start = mdates.date2num(pd.Timestamp("2025-03-01").to_pydatetime())
    assert low < start - 5 and high > start + 30  # the whole bar, with room on both sides
    point = fig.axes[1].lines[0].get_xdata()[0]
    assert low < mdates.date2num(point) < high and abs(mdates.date2num(point) - start) > 5


def test_network_drawing_leaves_out_unknown_actors_and_light_edges() -> None:
    import pandas as pd

    from dragoman.analysis import EDGE_COLUMNS, NODE_COLUMNS, Network

    edges = pd.DataFrame.from_records(
        [
            ("---GOV", "KAZ", 9, 9, 0, 0, 0, 9.0, 1.0),
            ("KAZ", "RUS", 3, 3, 0, 0, 0, 3.0, 1.0),
            ("RUS", "UKR", 1, 0, 0, 0, 1, -10.0, -10.0),
        ],
        columns=list(EDGE_COLUMNS),
    )
    nodes = pd.DataFrame.from_records(
        [
            ("---GOV", "government (country unknown)", 9, 0, 9, 1),
            ("KAZ", "Kazakhstan", 3, 9, 12, 2),
            ("RUS", "Russia", 1, 3, 4, 2),
            ("UKR", "Ukraine", 0, 1, 1, 1),
        ],
        columns=list(NODE_COLUMNS),
    )
    net = Network(nodes=nodes, edges=edges)
    plain = render_svg(network_figure(net))
    assert "KAZ" in plain and "UKR" in plain and "---GOV" not in plain
    assert "---GOV" in render_svg(network_figure(net, unknown=True))
    heavy = render_svg(network_figure(net, min_events=2))
    assert "RUS" in heavy and "UKR" not in heavy  # its only edge is lighter than 2
