"""Readable reports of document gold and news-sentence gold, and the precision-recall plot
(``dragoman eval`` without --json)."""

from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dragoman.errors import InputError
from dragoman.evaluation._docgold import PENTA_CLASSES
from dragoman.evaluation._docmatch import StoryMiss, event_confidence
from dragoman.evaluation._documents import DocumentReport, DocumentScores
from dragoman.evaluation._score import Ratio
from dragoman.evaluation._sentences import SentenceReport

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "plot_precision_recall",
    "precision_recall_figure",
    "render_document_report",
    "render_sentence_report",
]


def _console(stream: IO[str], width: int | None) -> Console:
    return Console(file=stream, width=width or (None if stream.isatty() else 120), highlight=False)


def _fraction(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _ratio(ratio: Ratio) -> str:
    return f"{_fraction(ratio.value)} ({ratio.hits}/{ratio.total})"


def _footer(console: Console, skipped: list[tuple[str, str]], notes: list[str]) -> None:
    if skipped:
        console.print(f"[bold]Skipped gold lines[/bold] ({len(skipped)})")
        for record_id, reason in skipped:
            console.print(f"  {escape(record_id)}: {escape(reason)}")
    for note in notes:
        console.print(f"[dim]note: {escape(note)}[/dim]")


# ---------------------------------------------------------------- document gold


def render_document_report(
    report: DocumentReport, stream: IO[str], *, misses: bool = False, width: int | None = None
) -> None:
    """Print the figures of document gold per split, the threshold tables and the misses.

    Args:
        report: From :func:`dragoman.evaluation.evaluate_documents`.
        stream: Where to write.
        misses: Also list the false positives and missed events by story and sentence.
        width: Console width (default: the terminal's, or 120 when not a terminal).
    """
    console = _console(stream, width)
    overall = report.scores()
    console.print(
        f"[bold]{escape(report.gold_path)}[/bold] ({report.gold_format}): "
        f"{overall.stories} story(ies) scored, {len(report.skipped)} skipped; "
        f"{overall.required} required event(s), {overall.coded} coded"
    )
    console.print(
        _splits_table([report.scores(name) for name in report.splits()], report.min_confidence)
    )
    for name in report.splits():
        console.print(_threshold_table(name, report.curve(name)))
    _footer(console, report.skipped, report.notes)
    if misses:
        listed = report.misses()
        wrong = sum(miss.kind == "false positive" for miss in listed)
        dates = sum(miss.kind == "wrong date" for miss in listed)
        console.print(
            f"\n[bold]Misses[/bold]: {wrong} false positive(s), "
            f"{len(listed) - wrong - dates} missed event(s), {dates} wrong date(s), "
            "by story and sentence"
        )
        _print_misses(console, listed)


def _splits_table(rows: list[DocumentScores], min_confidence: float) -> Table:
    kept = f"confidence >= {min_confidence:.2f}" if min_confidence > 0 else "all coded events"
    table = Table(
        title=f"Root + dyad, per split ({kept})",
        title_justify="left",
        header_style="bold",
    )
    columns = (
        "split",
        "stories",
        "required",
        "coded",
        "precision",
        "recall",
        "F1",
        "dates",
        "coded/required",
        "no country",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "split" else "right")
    for row in rows:
        table.add_row(
            row.split,
            str(row.stories),
            str(row.required),
            str(row.coded),
            _fraction(row.precision),
            _fraction(row.recall),
            _fraction(row.f1),
            f"{_fraction(row.dates, 2)} ({row.dates_right}/{row.dated})",
            _fraction(row.events_per_required, 2),
            _fraction(row.no_country_share, 2),
        )
    return table


def _threshold_table(split: str, rows: list[DocumentScores]) -> Table:
    table = Table(
        title=f"By confidence threshold: {split}", title_justify="left", header_style="bold"
    )
    for column in ("min confidence", "coded", "precision", "recall", "F1"):
        table.add_column(column, justify="right")
    for row in rows:
        table.add_row(
            f"{row.threshold:.1f}",
            str(row.coded),
            _fraction(row.precision),
            _fraction(row.recall),
            _fraction(row.f1),
        )
    return table


def _print_misses(console: Console, misses: list[StoryMiss]) -> None:
    story = sentence = None
    for miss in misses:
        if miss.story != story:
            story, sentence = miss.story, None
            split = f" ({miss.split})" if miss.split else ""
            console.print(f"\n[bold]{escape(miss.story)}[/bold]{split}")
        key = miss.sentence_index if miss.sentence_index is not None else miss.sentence
        if key != sentence:
            sentence = key
            index = "?" if miss.sentence_index is None else str(miss.sentence_index)
            console.print(f"  sentence {index}: [dim]{escape(miss.sentence)}[/dim]")
        console.print(f"    {escape(_miss_line(miss))}", soft_wrap=True)


def _miss_line(miss: StoryMiss) -> str:
    if miss.kind == "wrong date" and miss.gold is not None and miss.event is not None:
        gold, event = miss.gold, miss.event
        where = event.date_source.text or event.date_source.source
        return (
            f"date:   gold {gold.date} ({gold.date_precision}), found by "
            f"{event.source.code} -> {event.target.code if event.target else '-'} "
            f"{event.cameo.code} of sentence {event.sentence_index} dated {event.date} "
            f"({where})"
        )
    if miss.gold is not None:
        gold = miss.gold
        codes = gold.cameo or "-"
        if gold.alt_cameo:
            codes += f" (or {', '.join(gold.alt_cameo)})"
        date = f" {gold.date} ({gold.date_precision})" if gold.date else ""
        negated = " negated" if gold.negated else ""
        return (
            f"missed: {'+'.join(gold.sources) or '*'} -> {'+'.join(gold.targets) or '*'} "
            f"{codes}{negated}{date}"
        )
    assert miss.event is not None
    event = miss.event
    target = f"{event.target.code} ({event.target.text})" if event.target else "-"
    negated = " negated" if event.negated else ""
    return (
        f"wrong:  {event.source.code} ({event.source.text}) -> {target} {event.cameo.code} "
        f"{event.cameo.name}{negated}; verb '{event.evidence.verb.text}', "
        f"confidence {event_confidence(event):.2f}; {miss.rule}"
    )


def precision_recall_figure(report: DocumentReport) -> Figure:
    """Draw precision against recall at each confidence threshold, one line per split, with
    a star at the report's ``min_confidence``.

    Args:
        report: A document-gold report.

    Returns:
        The figure.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, 4.8), dpi=100, layout="constrained")
    axes = fig.add_subplot()
    for name in report.splits():
        points = [row for row in report.curve(name) if row.precision is not None]
        recalls = [row.recall or 0.0 for row in points]
        precisions = [row.precision or 0.0 for row in points]
        (line,) = axes.plot(recalls, precisions, marker="o", label=name)
        last: tuple[float, float] | None = None
        for row, x, y in zip(points, recalls, precisions, strict=True):
            if (x, y) == last:  # the same events as at the lower threshold: one label
                continue
            last = (x, y)
            axes.annotate(
                f"{row.threshold:.1f}",
                (x, y),
                textcoords="offset points",
                xytext=(4, 4),
                fontsize=7,
                color=line.get_color(),
            )
        chosen = report.scores(name)
        if chosen.precision is not None:
            axes.plot(
                [chosen.recall or 0.0],
                [chosen.precision],
                marker="*",
                markersize=14,
                color=line.get_color(),
                linestyle="none",
            )
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1.05)
    axes.set_xlabel("recall (root + dyad)")
    axes.set_ylabel("precision (root + dyad)")
    axes.set_title(
        f"Precision and recall by minimum confidence: {Path(report.gold_path).name}\n"
        f"(labels: minimum confidence; star: {report.min_confidence:.2f}, the report's)",
        fontsize=10,
    )
    axes.grid(True, alpha=0.3)
    axes.legend(title="split")
    return fig


def plot_precision_recall(report: DocumentReport, path: Path | str) -> Path:
    """Write the precision-recall plot as PNG or SVG, by the file's suffix.

    Args:
        report: A document-gold report.
        path: A ``.png`` or ``.svg`` file.

    Returns:
        The path written.

    Raises:
        InputError: The suffix is neither ``.png`` nor ``.svg``, or the file cannot be
            written.
    """
    out = Path(path)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("png", "svg"):
        raise InputError(f"cannot write a plot as {out.name!r}; name a .png or .svg file")
    fig = precision_recall_figure(report)
    if kind == "png":
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    else:
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        FigureCanvasSVG(fig)
    try:
        fig.savefig(str(out), format=kind)
    except OSError as exc:
        raise InputError(f"{out}: cannot write the plot: {exc.strerror}") from exc
    return out


# ---------------------------------------------------------------- news-sentence gold


def render_sentence_report(
    report: SentenceReport, stream: IO[str], *, misses: bool = False, width: int | None = None
) -> None:
    """Print the figures of news-sentence gold: 5-class accuracy and phrase recall.

    Args:
        report: From :func:`dragoman.evaluation.evaluate_sentences`.
        stream: Where to write.
        misses: Also list each sentence with a wrong class or an unmatched dyad.
        width: Console width (default: the terminal's, or 120 when not a terminal).
    """
    console = _console(stream, width)
    coded = sum(len(s.events) for s in report.sentences)
    console.print(
        f"[bold]{escape(report.gold_path)}[/bold] ({report.gold_format}): "
        f"{len(report.sentences)} sentence(s) scored, {len(report.skipped)} skipped; "
        f"{coded} coded event(s)"
    )
    table = Table(title="Scores", title_justify="left", header_style="bold")
    for column in ("metric", "value", "meaning"):
        table.add_column(column, overflow="fold")
    with_events = report.accuracy(coded_only=True)
    rows = (
        (
            "5-class accuracy",
            report.accuracy(),
            "class of the first coded event's root = gold class; no event counts as wrong",
        ),
        (
            "5-class accuracy, coded",
            with_events,
            f"the same over the {with_events.total} sentence(s) with a coded event",
        ),
        (
            "dyad phrase recall",
            report.dyad_recall(),
            "one coded event's source and target overlap gold source and target phrases",
        ),
        (
            "source phrase recall",
            report.phrase_recall("source"),
            "gold source phrases overlapped by a coded event's source",
        ),
        (
            "target phrase recall",
            report.phrase_recall("target"),
            "gold target phrases overlapped by a coded event's target",
        ),
    )
    for name, ratio, meaning in rows:
        table.add_row(name, _ratio(ratio), meaning)
    console.print(table)
    confusion = Table(
        title="Class confusion (gold: predicted; - nothing coded)",
        title_justify="left",
        header_style="bold",
    )
    confusion.add_column("gold class")
    predicted = [str(label) for label, _name, _roots in PENTA_CLASSES] + ["-"]
    for column in predicted:
        confusion.add_column(column, justify="right")
    for label, name, roots in PENTA_CLASSES:
        row = report.confusion().get(label, {})
        confusion.add_row(f"{label} {name} ({roots})", *(str(row.get(p, 0)) for p in predicted))
    console.print(confusion)
    _footer(console, report.skipped, report.notes)
    if misses:
        missed = report.misses()
        console.print(f"\n[bold]Wrong class or dyad[/bold] ({len(missed)})")
        for result in missed:
            gold = result.label
            console.print(
                f"\n[bold]{escape(result.record.id)}[/bold] gold class {gold.penta}, "
                f"predicted {'-' if result.predicted is None else result.predicted}; "
                f"dyad {'found' if result.dyad else 'missed'}"
            )
            console.print(f"  {escape(result.record.text)}")
            console.print(
                f"  gold: {escape(' | '.join(gold.source_spans) or '*')} -> "
                f"{escape(' | '.join(gold.target_spans) or '*')}"
            )
            for event in result.events:
                target = f"{event.target.code} ({event.target.text})" if event.target else "-"
                console.print(
                    f"  coded: {escape(event.source.code)} ({escape(event.source.text)}) -> "
                    f"{escape(target)} {event.cameo.code}; "
                    f"[dim]{escape(event.evidence.pattern)}[/dim]"
                )
