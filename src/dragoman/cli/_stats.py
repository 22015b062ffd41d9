"""``dragoman stats``: what an event database holds."""

from __future__ import annotations

import json

import click

from dragoman.store import EventStore, StoreStats, store_stats

__all__ = ["stats_command"]


def _render(stats: StoreStats) -> list[str]:
    dates = f"{stats.first_date} to {stats.last_date}" if stats.first_date else "no dates"
    lines = [
        f"database        {stats.path} ({stats.size_bytes / 1e6:.1f} MB, schema "
        f"version {stats.schema_version})",
        f"documents       {stats.documents:,} from {stats.outlets:,} outlet(s), {dates}"
        + (f", {stats.documents_with_text:,} with text" if stats.documents_with_text else ""),
        f"last ingest     {stats.last_ingested or '-'} (UTC)",
        f"mentions        {stats.mentions:,} ({stats.negated_mentions:,} negated)",
        f"events          {stats.events:,} deduplicated "
        f"({stats.events_in_several_articles:,} reported by several articles)",
        f"actors          {stats.actors:,} actor mention(s)",
        f"quotes          {stats.quotes:,}",
        f"failures        {stats.failures:,}"
        + (
            " (" + ", ".join(f"{s} {n:,}" for s, n in stats.failures_by_stage.items()) + ")"
            if stats.failures
            else ""
        ),
    ]
    if stats.top_roots:
        lines.append("top event roots")
        lines += [f"  {root}  {name:<40} {n:>8,}" for root, name, n in stats.top_roots]
    if stats.top_sources:
        lines.append("top sources")
        lines += [f"  {code:<12} {n:>8,}" for code, n in stats.top_sources]
    if stats.top_failures:
        lines.append("most frequent failures")
        lines += [f"  {n:>6,}  {stage:<9} {reason}" for stage, reason, n in stats.top_failures]
    return lines


@click.command("stats")
@click.option("--db", required=True, metavar="FILE", help="DuckDB event database to read.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@click.option(
    "--failures",
    "show_failures",
    type=click.IntRange(0, 1_000_000),
    default=0,
    metavar="N",
    help="Also list N failures (file, line, stage, reason).",
)
def stats_command(db: str, as_json: bool, show_failures: int) -> None:
    """Show what an event database holds: documents, events, failures, top codes.

    \b
    Examples:
      dragoman stats --db events.duckdb
      dragoman stats --db events.duckdb --failures 50
      dragoman stats --db events.duckdb --json
    """
    with EventStore(db, read_only=True) as store:
        stats = store_stats(store)
        failures = (
            store.sql(
                "SELECT file, line, stage, reason, doc_id FROM failures "
                "ORDER BY file NULLS LAST, line NULLS FIRST, stage LIMIT ?",
                [show_failures],
            )
            if show_failures
            else []
        )
    if as_json:
        data = stats.to_dict()
        if show_failures:
            data["failure_rows"] = [
                dict(zip(("file", "line", "stage", "reason", "doc_id"), row, strict=True))
                for row in failures
            ]
        click.echo(json.dumps(data, indent=2))
        return
    for line in _render(stats):
        click.echo(line)
    if failures:
        click.echo("failures")
        for file, line_no, stage, reason, _doc in failures:
            where = f"{file} line {line_no}" if line_no else file
            click.echo(f"  {where}: [{stage}] {reason}")
