"""A readable report of an evaluation, for the terminal (``dragoman eval`` without --json)."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dragoman.evaluation._score import EvaluationReport, Ratio, RecordResult
from dragoman.ontology import cameo, is_cameo_code

__all__ = ["render_report"]

_METRICS = (
    ("root", "CAMEO root recall", "gold events with a coded event of the same root (2 digits)"),
    ("root_dyad", "root + dyad recall", "same root, and source and target prefixes match"),
    ("code", "full-code recall", "a coded event with exactly the gold CAMEO code"),
    ("code_dyad", "full code + dyad recall", "exact code, and source and target match"),
    ("plover", "PLOVER type recall", "a coded event of the gold PLOVER type"),
    ("plover_dyad", "PLOVER type + dyad recall", "same PLOVER type, source and target match"),
)


def _pct(ratio: Ratio) -> str:
    value = ratio.value
    return "-" if value is None else f"{100 * value:.1f}%"


def _count(ratio: Ratio) -> str:
    return f"{ratio.hits}/{ratio.total}"


def render_report(
    report: EvaluationReport, stream: IO[str], *, misses: bool = False, width: int | None = None
) -> None:
    """Print an evaluation report as tables.

    Args:
        report: The report from :func:`dragoman.evaluation.evaluate`.
        stream: Where to write.
        misses: Also print every missed or wrong record with its coded events and evidence.
        width: Console width (default: the terminal's, or 120 when not a terminal).
    """
    console = Console(
        file=stream, width=width or (None if stream.isatty() else 120), highlight=False
    )
    coded = sum(len(r.events) for r in report.records)
    console.print(
        f"[bold]{escape(report.gold_path)}[/bold] ({report.gold_format}): "
        f"{len(report.records)} record(s) scored, {len(report.skipped)} skipped; "
        f"{len(report.gold_events)} gold event(s), {coded} coded event(s)"
    )
    console.print(_summary_table(report))
    if any(r.record.category for r in report.records):
        console.print(_category_table(report))
    if report.by_root():
        console.print(_root_table(report))
    if report.by_plover():
        console.print(_plover_table(report))
    confusion = report.confusion()
    if confusion:
        console.print(
            "[bold]Root confusion[/bold] (gold root: predicted root x count; -- nothing coded)"
        )
        for gold_root, row in confusion.items():
            cells = sorted(row.items(), key=lambda item: (-item[1], item[0]))
            console.print(f"  {gold_root}: " + ", ".join(f"{p} x{n}" for p, n in cells))
    if report.skipped:
        console.print(f"[bold]Skipped[/bold] ({len(report.skipped)})")
        for record_id, reason in report.skipped:
            console.print(f"  {escape(record_id)}: {escape(reason)}")
    for note in report.notes:
        console.print(f"[dim]note: {escape(note)}[/dim]")
    if misses:
        missed = report.misses()
        console.print(f"[bold]Missed or wrong records[/bold] ({len(missed)})")
        for result in missed:
            _print_miss(console, result)


def _summary_table(report: EvaluationReport) -> Table:
    table = Table(title="Scores", title_justify="left", header_style="bold")
    for column in ("metric", "hits", "value", "meaning"):
        table.add_column(column, overflow="fold")
    for level, name, meaning in _METRICS:
        ratio = report.recall(level)
        if ratio.total:
            table.add_row(name, _count(ratio), _pct(ratio), meaning)
    triples = report.triples()
    if triples["records"]:
        precision, recall, f1 = triples["precision"], triples["recall"], triples["f1"]
        table.add_row(
            "triple precision",
            _count(precision),
            _pct(precision),
            f"coded (source, target, code) triples found in the gold, over the "
            f"{triples['records']} record(s) whose gold events all have a CAMEO code",
        )
        table.add_row("triple recall", _count(recall), _pct(recall), "gold triples that were coded")
        table.add_row("triple F1", "", "-" if f1 is None else f"{100 * f1:.1f}%", "")
    silent = report.noevents_silent()
    if silent.total:
        table.add_row(
            "no-events silent",
            _count(silent),
            _pct(silent),
            "records that expect no events where nothing was coded",
        )
    per_record = report.events_per_record()
    if per_record is not None:
        gold_rate = report.gold_events_per_record() or 0.0
        table.add_row(
            "events per record",
            "",
            f"{per_record:.2f}",
            f"coded events per record (gold: {gold_rate:.2f})",
        )
    exact, covered = report.exact()
    if exact.total:
        table.add_row(
            "exact records",
            _count(exact),
            _pct(exact),
            "the coded (source, target, code) set equals the expected one, full codes",
        )
        table.add_row(
            "covered records",
            _count(covered),
            _pct(covered),
            "every expected (source, target, code) was coded",
        )
    return table


def _root_name(root: str) -> str:
    return f"{root} {cameo(root).name}" if is_cameo_code(root) else root


def _root_table(report: EvaluationReport) -> Table:
    table = Table(title="Per CAMEO root", title_justify="left", header_style="bold")
    for column in ("root", "gold", "root", "root+dyad", "code", "code+dyad", "coded"):
        table.add_column(column, justify="left" if column == "root" else "right")
    for root, row in report.by_root().items():
        gold = row["gold"]
        table.add_row(
            escape(_root_name(root)),
            str(gold),
            *(_share(row[key], gold) for key in ("root", "root_dyad", "code", "code_dyad")),
            str(row["coded"]),
        )
    return table


def _plover_table(report: EvaluationReport) -> Table:
    table = Table(title="Per PLOVER type", title_justify="left", header_style="bold")
    for column in ("type", "gold", "type", "type+dyad", "coded"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for plover, row in report.by_plover().items():
        gold = row["gold"]
        table.add_row(
            plover,
            str(gold),
            _share(row["plover"], gold),
            _share(row["plover_dyad"], gold),
            str(row["coded"]),
        )
    return table


def _share(hits: int, total: int) -> str:
    return f"{hits} ({100 * hits / total:.0f}%)" if total else "-"


def _category_table(report: EvaluationReport) -> Table:
    table = Table(title="Per category", title_justify="left", header_style="bold")
    for column in ("category", "records", "exact", "missed"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category, row in report.by_category().items():
        exact = f"{row['exact']}/{row['eligible']}" if row["eligible"] else "-"
        table.add_row(escape(category), str(row["records"]), exact, str(row["missed"]))
    return table


def _print_miss(console: Console, result: RecordResult) -> None:
    record = result.record
    head = f"[bold]{escape(record.id)}[/bold]"
    if record.category:
        head += f" [{escape(record.category)}]"
    console.print(f"\n{head} [dim]{escape(record.where)}[/dim]")
    console.print(f"  {escape(record.text)}")
    if record.noevents:
        console.print("  gold: no events")
    for gold in result.gold:
        event = gold.event
        matched = [level for level, ok in gold.hits.items() if ok]
        missed = [level for level, ok in gold.hits.items() if not ok]
        flags = f"[green]matched: {', '.join(matched) or '-'}[/green]"
        if missed:
            flags += f"; [red]missed: {', '.join(missed)}[/red]"
        console.print(
            f"  gold: {'+'.join(event.sources) or '?'} -> {'+'.join(event.targets) or '?'} "
            f"{event.cameo or '-'} {gold.plover or ''}  {flags}"
        )
    if not result.events:
        console.print("  coded: nothing")
    for coded in result.events:
        target = f"{coded.target.code} ({escape(coded.target.text)})" if coded.target else "-"
        negated = " negated" if coded.negated else ""
        console.print(
            f"  coded: {coded.source.code} ({escape(coded.source.text)}) -> {target} "
            f"{coded.cameo.code} {escape(coded.cameo.name)}{negated}; "
            f"verb '{escape(coded.evidence.verb.text)}' "
            f"[dim]{escape(coded.evidence.pattern)}[/dim]"
        )
