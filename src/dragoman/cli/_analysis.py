"""``dragoman dyads``, ``dragoman network`` and ``dragoman top``: relations between actors
from an event database (wrappers over :mod:`dragoman.analysis`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from dragoman.analysis import (
    FREQUENCIES,
    IMPRECISE,
    LEVELS,
    NETWORK_LEVELS,
    dyads,
    frame_records,
    network,
    plot_dyads,
    plot_network,
    top,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["dyads_command", "network_command", "top_command"]

_DB = click.option("--db", required=True, metavar="FILE", help="DuckDB event database to read.")
_SINCE = click.option(
    "--since", metavar="DATE", help="First day counted: YYYY-MM-DD, YYYY-MM or YYYY."
)
_UNTIL = click.option(
    "--until", metavar="DATE", help="Last day counted (a month or year means its last day)."
)


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return "(no rows)"
    shown = frame.copy()
    for column in shown.columns:
        if str(shown[column].dtype).startswith("datetime"):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
    return str(shown.to_string(index=False, na_rep="-", float_format=lambda v: f"{v:.2f}"))


def _emit(frame: pd.DataFrame, fmt: str, out: str | None) -> None:
    if fmt == "csv":
        text = frame.to_csv(index=False, date_format="%Y-%m-%d")
    elif fmt == "json":
        text = json.dumps(frame_records(frame), indent=2, ensure_ascii=False) + "\n"
    else:
        text = _table(frame) + "\n"
    if out:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


_FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
_OUT = click.option("-o", "--output", "out", metavar="FILE", help="Write the table to FILE.")


@click.command("dyads")
@_DB
@click.option("--source", required=True, metavar="CODE", help="Source actor (KAZ includes KAZGOV).")
@click.option("--target", required=True, metavar="CODE", help="Target actor, at any level too.")
@click.option("--both-directions", is_flag=True, help="Also count target -> source.")
@click.option(
    "--freq",
    type=click.Choice(FREQUENCIES),
    default="month",
    show_default=True,
    help="Period length (weeks start on Monday).",
)
@_SINCE
@_UNTIL
@click.option("--exact", is_flag=True, help="Match the actor codes exactly, not codes below.")
@click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="events",
    show_default=True,
    help="Count deduplicated events or their mentions in articles.",
)
@click.option(
    "--imprecise",
    type=click.Choice(IMPRECISE),
    default="omit",
    show_default=True,
    help="Events dated only to the month or year, when periods are finer: leave them out "
    "(their number is reported) or spread each evenly over its month or year.",
)
@_FORMAT
@_OUT
@click.option("--plot", metavar="FILE", help="Also draw the series to a .png or .svg file.")
@click.option("--title", metavar="TEXT", help="Title of the chart.")
def dyads_command(
    db: str,
    source: str,
    target: str,
    both_directions: bool,
    freq: str,
    since: str | None,
    until: str | None,
    exact: bool,
    level: str,
    imprecise: str,
    fmt: str,
    out: str | None,
    plot: str | None,
    title: str | None,
) -> None:
    """Count what one actor did to another per period: quad classes, Goldstein, PLOVER types.

    \b
    Examples:
      dragoman dyads --db events.duckdb --source KAZ --target RUS --both-directions
      dragoman dyads --db events.duckdb --source KAZ --target IGOEUROSC --freq quarter \\
          --since 2024 --format csv -o kaz_osce.csv --plot kaz_osce.png
    """
    frame = dyads(
        db,
        source,
        target,
        both_directions=both_directions,
        freq=freq,
        since=since,
        until=until,
        exact=exact,
        level=level,
        imprecise=imprecise,
    )
    left_out = int(frame.attrs.get("left_out", 0))
    if left_out:
        click.echo(
            f"dragoman: {left_out:,} event(s) dated only to the month or year left out of "
            f"{freq} periods (--imprecise spread shares them out)",
            err=True,
        )
    if plot:
        pairs = " and ".join(
            dict.fromkeys(
                f"{s} → {t}" for s, t in zip(frame["source"], frame["target"], strict=True)
            )
        )
        plot_dyads(frame, plot, title=title or pairs or None)
    _emit(frame, fmt, out)
    if plot:
        click.echo(f"chart written to {plot}", err=True)


@click.command("network")
@_DB
@_SINCE
@_UNTIL
@click.option(
    "--min-events",
    type=click.IntRange(1, None),
    default=1,
    show_default=True,
    metavar="N",
    help="Keep edges with at least N events.",
)
@click.option(
    "--level",
    type=click.Choice(NETWORK_LEVELS),
    default="actor",
    show_default=True,
    help="Nodes are actor codes, or countries (organizations keep their code).",
)
@click.option(
    "--actor",
    "actors",
    multiple=True,
    metavar="CODE",
    help="Keep edges touching this actor (repeatable; any level).",
)
@click.option("--exact", is_flag=True, help="Match --actor codes exactly.")
@click.option(
    "--limit", type=click.IntRange(1, None), metavar="N", help="Keep the N heaviest edges only."
)
@click.option("--graphml", metavar="FILE", help="Write the network as GraphML.")
@click.option("--json", "json_file", metavar="FILE", help="Write the network as node-link JSON.")
@click.option("--plot", metavar="FILE", help="Draw the network to a .png or .svg file.")
@click.option(
    "--max-nodes",
    type=click.IntRange(2, 500),
    default=40,
    show_default=True,
    metavar="N",
    help="Most active nodes drawn by --plot.",
)
@click.option(
    "--plot-min-events",
    type=click.IntRange(1, None),
    default=1,
    show_default=True,
    metavar="N",
    help="Edges drawn by --plot: those of at least N events.",
)
@click.option(
    "--plot-unknown",
    is_flag=True,
    help="Also draw actors of unknown country (---GOV, ---REB...) with --plot.",
)
@_FORMAT
@_OUT
def network_command(
    db: str,
    since: str | None,
    until: str | None,
    min_events: int,
    level: str,
    actors: tuple[str, ...],
    exact: bool,
    limit: int | None,
    graphml: str | None,
    json_file: str | None,
    plot: str | None,
    max_nodes: int,
    plot_min_events: int,
    plot_unknown: bool,
    fmt: str,
    out: str | None,
) -> None:
    """Build the network of who acts on whom (edges weighted by events and mean Goldstein).

    Prints the edges; --graphml, --json and --plot write the whole network.

    \b
    Examples:
      dragoman network --db events.duckdb --since 2025-01 --min-events 3 --graphml net.graphml
      dragoman network --db events.duckdb --level country --actor KAZ --plot kaz.png
    """
    net = network(
        db,
        since=since,
        until=until,
        min_events=min_events,
        level=level,
        actors=actors,
        exact=exact,
        limit=limit,
    )
    written: list[str] = []
    if graphml:
        net.write_graphml(graphml)
        written.append(graphml)
    if json_file:
        net.write_json(json_file)
        written.append(json_file)
    if plot:
        plot_network(
            net, plot, max_nodes=max_nodes, min_events=plot_min_events, unknown=plot_unknown
        )
        written.append(plot)
    _emit(net.edges, fmt, out)
    click.echo(f"{len(net.nodes):,} nodes, {len(net.edges):,} edges", err=True)
    for path in written:
        click.echo(f"written to {path}", err=True)


@click.command("top")
@_DB
@_SINCE
@_UNTIL
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=10,
    show_default=True,
    metavar="N",
    help="Rows per table.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def top_command(db: str, since: str | None, until: str | None, limit: int, fmt: str) -> None:
    """List the most active actors, dyads and event types of a period.

    \b
    Examples:
      dragoman top --db events.duckdb
      dragoman top --db events.duckdb --since 2025-05 --until 2025-06 --limit 20
    """
    result = top(db, since=since, until=until, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    sections: list[tuple[str, Any]] = [
        ("most active actors", result.actors),
        ("most active dyads", result.dyads),
        ("most frequent event types", result.event_types),
    ]
    for index, (name, frame) in enumerate(sections):
        if index:
            click.echo("")
        click.echo(name)
        click.echo(_table(frame))
