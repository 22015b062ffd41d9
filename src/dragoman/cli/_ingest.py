"""``dragoman ingest``: code a corpus into an event database (DuckDB)."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from dragoman.cli._options import dictionary_options, judge_from, judge_options, ner_option
from dragoman.corpus import CoderOptions, IngestReport, ProgressCallback, ingest, load_parquet
from dragoman.errors import InputError
from dragoman.ingest import INPUT_FORMATS
from dragoman.records import normalize_date

__all__ = ["ingest_command"]

_SHOWN_FAILURES = 10


class _Bar:
    """The rich progress bar, within 80 columns: share of the input done (by bytes, for the
    ETA), elapsed time and ETA, documents coded, documents/s and failures."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(bar_width=12),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(compact=True),
            TextColumn("{task.fields[counts]}"),
            console=console,
            transient=False,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, report: IngestReport) -> None:
        # Rates over the coding time, without the workers' start-up.
        seconds = max(report.seconds - report.startup_seconds, 1e-6)
        coding = report.phase != "starting"
        coded = max(report.documents_coded, report.documents_stored)
        counts = f"{coded + report.documents_skipped:,} docs"
        if coding:
            counts += f" {coded / seconds:.1f}/s"
        if report.failures:
            counts += f" {report.failures:,} failed"
        what = "starting" if report.phase == "starting" else "ingest"
        total = report.bytes_total or None
        if self.task is None:
            # Not started while the workers load: no ETA from the start-up time.
            self.task = self.progress.add_task(what, total=total, start=coding, counts=counts)
        elif coding and not self.progress.tasks[0].started:
            self.progress.start_task(self.task)
        done = report.bytes_done if total else 0
        self.progress.update(self.task, description=what, completed=done, counts=counts)


def _summary(report: IngestReport, db: str) -> list[str]:
    rate = report.documents_stored / report.seconds if report.seconds else 0.0
    what = "interrupted" if report.interrupted else "done"
    lines = [
        f"dragoman: {what}: {report.documents_read:,} document(s) read, "
        f"{report.documents_stored:,} stored, {report.documents_skipped:,} already stored, "
        f"{report.failures:,} failure(s); {report.events:,} event mention(s) in "
        f"{report.seconds:.1f} s ({rate:.2f} docs/s) -> {db}"
    ]
    if report.failures:
        stages = ", ".join(f"{s} {n}" for s, n in sorted(report.failures_by_stage.items()))
        lines.append(f"dragoman: failures by stage: {stages}")
        for message in report.failure_messages[:_SHOWN_FAILURES]:
            lines.append(f"  {message}")
        if report.failures > _SHOWN_FAILURES:
            lines.append(
                f"  ... and {report.failures - _SHOWN_FAILURES:,} more: "
                f"dragoman stats --db {db} --failures 100"
            )
    if report.interrupted:
        lines.append("dragoman: what was committed is kept; run the same command to resume")
    return lines


@click.command("ingest")
@click.argument("inputs", nargs=-1, metavar="PATH...")
@click.option("--db", required=True, metavar="FILE", help="DuckDB event database (created if new).")
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Worker processes (local engine); the Coder is loaded once and shared (Linux).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Code in local worker processes or on a Dask distributed cluster.",
)
@click.option("--scheduler", metavar="ADDR", help="Dask scheduler address (tcp://host:8786).")
@click.option(
    "--parquet-dir",
    metavar="DIR",
    help="Where Dask workers write Parquet partitions (default: DB.parts/); must be "
    "reachable by the workers and by this machine.",
)
@click.option(
    "--from-parquet",
    "from_parquet",
    metavar="DIR",
    help="Load the Parquet partitions a Dask run wrote into --db instead of reading PATHs.",
)
@click.option("--date", metavar="YYYY-MM-DD", help="Story date for documents that carry none.")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="auto",
    show_default=True,
    help="How to read inputs (auto: by file name, else by content).",
)
@click.option("--model", metavar="NAME", help="spaCy pipeline to load in each worker.")
@ner_option
@dictionary_options
@judge_options
@click.option("--keep-text", is_flag=True, help="Store each document's full text too.")
@click.option(
    "--chunk-size",
    type=click.IntRange(1, 1000),
    default=4,
    show_default=True,
    help="Documents per task sent to a worker (small chunks balance the workers' load).",
)
@click.option(
    "--commit-every",
    type=click.IntRange(1, 1_000_000),
    default=200,
    show_default=True,
    help="Documents per committed batch (also committed every 10 s).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option("--verbose", "-v", is_flag=True, help="Log each committed batch on stderr.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's report as JSON on stdout.")
def ingest_command(
    inputs: tuple[str, ...],
    db: str,
    workers: int,
    engine: str,
    scheduler: str | None,
    parquet_dir: str | None,
    from_parquet: str | None,
    date: str | None,
    input_format: str,
    model: str | None,
    ner: bool,
    verb_files: tuple[str, ...],
    actor_files: tuple[str, ...],
    min_confidence: float | None,
    precise: bool,
    all_events: bool,
    statements: bool,
    keep_text: bool,
    chunk_size: int,
    commit_every: int,
    quiet: bool,
    verbose: bool,
    as_json: bool,
) -> None:
    """Code a corpus into an event database: read, deduplicate, code, store.

    PATH is a directory (walked recursively for .txt, .html, .jsonl, .jsonl.gz, .warc.gz,
    ...), a file, or - for standard input. Documents already in the database are skipped,
    so running the same command again adds nothing, and a run that was stopped (Ctrl-C,
    kill -9) resumes where its last committed batch ended. Bad input is recorded in the
    database's failures table and summarized at the end; the exit status is 1 only when
    nothing could be read.

    \b
    Examples:
      dragoman ingest articles/ stories.jsonl.gz --db events.duckdb --workers 2
      dragoman ingest stories.jsonl --db events.duckdb --engine dask \\
          --scheduler tcp://127.0.0.1:8786 --parquet-dir /shared/parts
      dragoman ingest --from-parquet /shared/parts --db events.duckdb
    """
    console = Console(stderr=True)
    if verbose:
        handler: logging.Handler
        if quiet or not console.is_terminal:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("dragoman: %(message)s"))
        else:
            from rich.logging import RichHandler

            handler = RichHandler(console=console, show_path=False)
        logger = logging.getLogger("dragoman")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    if from_parquet:
        if inputs:
            raise InputError("give either PATHs to read or --from-parquet DIR, not both")
        report = _with_bar(
            quiet, console, lambda cb: load_parquet(from_parquet, db, on_progress=cb)
        )
    else:
        if not inputs:
            raise InputError("give at least one file or directory to ingest (or - for stdin)")
        default_date = normalize_date(date)
        options = CoderOptions(
            model=model,
            verbs=verb_files,
            actors=actor_files,
            # without these options the workers' default: this process needs no coding modules
            judge=judge_from(min_confidence, all_events, precise, statements)
            if min_confidence is not None or all_events or precise
            else None,
            ner=ner,
        )
        report = _with_bar(
            quiet,
            console,
            lambda cb: ingest(
                inputs,
                db,
                workers=workers,
                coder_options=options,
                engine=engine,
                scheduler=scheduler,
                parquet_dir=parquet_dir,
                default_date=default_date,
                input_format=input_format,
                keep_text=keep_text,
                chunk_size=chunk_size,
                commit_every=commit_every,
                on_progress=cb,
            ),
        )
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    if not quiet:
        for line in _summary(report, db):
            click.echo(line, err=True)
    if report.interrupted:
        sys.exit(130)
    if report.documents_read == 0 and (report.failures or not report.files):
        if not report.files and not quiet:
            click.echo("dragoman: no input files found", err=True)
        sys.exit(1)


def _with_bar(
    quiet: bool, console: Console, run: Callable[[ProgressCallback | None], IngestReport]
) -> IngestReport:
    if quiet or not console.is_terminal:  # no bar in logs and pipes; the summary stays
        return run(None)
    with _Bar(console) as bar:
        return run(bar.update)
