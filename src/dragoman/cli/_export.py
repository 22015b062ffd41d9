"""``dragoman export``: write the events of a database as GDELT, ICEWS, PLOVER, CSV or Parquet."""

from __future__ import annotations

import logging
import sys

import click

from dragoman.store import EXPORT_FORMATS, EXPORT_LEVELS, EventStore, export_store

__all__ = ["export_command"]


@click.command("export")
@click.option("--db", required=True, metavar="FILE", help="DuckDB event database to read.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="gdelt: GDELT 2.0 event table (TSV, no header); icews: ICEWS-style TSV; plover: "
    "PLOVER JSON lines; csv; parquet (partitioned by year and month, needs --out DIR).",
)
@click.option(
    "--out",
    "-o",
    metavar="PATH",
    help="Output file (default: standard output); a directory for parquet.",
)
@click.option(
    "--level",
    type=click.Choice(EXPORT_LEVELS),
    help="csv and parquet: deduplicated events (default) or every mention with its "
    "evidence. gdelt is always events, icews and plover mentions.",
)
@click.option("--header", is_flag=True, help="gdelt: write a header line of column names.")
@click.option(
    "--overwrite",
    is_flag=True,
    help="parquet: replace an earlier export in --out DIR (a non-empty directory is refused "
    "without it; files that are not an earlier export are never deleted).",
)
def export_command(
    fmt: str, db: str, out: str | None, level: str | None, header: bool, overwrite: bool
) -> None:
    """Export the events of a database.

    Events are deduplicated across articles: one per day, source, target and CAMEO code,
    with the number of mentions, sources and articles; negated mentions are left out of
    event-level exports. docs/store.md lists each format's columns and what stays empty.

    \b
    Examples:
      dragoman export --db events.duckdb --format gdelt > events.tsv
      dragoman export --db events.duckdb --format csv --level mentions -o mentions.csv
      dragoman export --db events.duckdb --format parquet --out events/
      dragoman export --db events.duckdb --format parquet --out events/ --overwrite
    """
    handler = logging.StreamHandler(sys.stderr)  # what the export leaves out, as warnings
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("dragoman: warning: %(message)s"))
    logger = logging.getLogger("dragoman")
    logger.addHandler(handler)
    try:
        with EventStore(db, read_only=True) as store:
            count = export_store(
                store, fmt, out=out, level=level, header=header, overwrite=overwrite
            )
    finally:
        logger.removeHandler(handler)
    where = out or "standard output"
    click.echo(f"dragoman: {count:,} record(s) written to {where}", err=True)
