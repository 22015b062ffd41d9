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
