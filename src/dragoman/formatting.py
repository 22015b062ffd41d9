"""Writing events as JSON lines, JSON, TSV or a readable table."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dragoman.records import Event

__all__ = ["FORMATS", "TSV_COLUMNS", "event_row", "render_table", "write_events"]

#: Output formats of ``dragoman code``.
FORMATS = ("table", "jsonl", "json", "tsv")

#: Columns of the TSV format, in order (the JSON fields, flattened).
TSV_COLUMNS = (
    "doc_id", "sentence_index", "event_id", "date",
    "source_code", "source_name", "source_text", "source_start", "source_end",
    "target_code", "target_name", "target_text", "target_start", "target_end",
    "cameo_code", "cameo_name", "root_code", "quad_class", "goldstein",
    "plover_type", "plover_mode", "negated", "modality",
    "verb_text", "verb_start", "verb_end", "sentence",
)  # fmt: skip


def event_row(event: Event) -> dict[str, Any]:
    """Return an event flattened to the TSV columns."""
    source, target = event.source, event.target
    return {
        "doc_id": escape(event.doc_id),
        "sentence_index": event.sentence_index,
        "event_id": event.event_id,
        "date": event.date or "",
        "source_code": source.code,
        "source_name": source.name,
        "source_text": source.text,
        "source_start": source.start,
        "source_end": source.end,
        "target_code": target.code if target else "",
        "target_name": target.name if target else "",
        "target_text": target.text if target else "",
        "target_start": target.start if target else "",
        "target_end": target.end if target else "",
        "cameo_code": event.cameo.code,
        "cameo_name": event.cameo.name,
        "root_code": event.root_code,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover.type or "",
        "plover_mode": event.plover.mode or "",
        "negated": "true" if event.negated else "false",
        "modality": event.modality,
        "verb_text": event.evidence.verb.text,
        "verb_start": event.evidence.verb.start,
        "verb_end": event.evidence.verb.end,
        "sentence": event.evidence.sentence.text,
    }


def _tsv_cell(value: Any) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def write_events(events: Iterable[Event], fmt: str, stream: IO[str], *, header: bool = True) -> int:
    """Write events to a text stream.

    Args:
        events: The events.
        fmt: ``jsonl`` (one JSON object per line), ``json`` (one array), ``tsv`` or
            ``table``.
        stream: Where to write.
        header: Write the TSV header line (``tsv`` only).

    Returns:
        The number of events written.

    Raises:
        ValueError: The format is unknown.
    """
    count = 0
    if fmt == "jsonl":
        for event in events:
            stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        dicts = [event.to_dict() for event in events]
        json.dump(dicts, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        count = len(dicts)
    elif fmt == "tsv":
        if header:
            stream.write("\t".join(TSV_COLUMNS) + "\n")
        for event in events:
            row = event_row(event)
            stream.write("\t".join(_tsv_cell(row[c]) for c in TSV_COLUMNS) + "\n")
            count += 1
    elif fmt == "table":
        items = list(events)
        render_table(items, stream)
        count = len(items)
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return count


def render_table(events: list[Event], stream: IO[str]) -> None:
    """Print events as a readable table."""
    console = Console(file=stream, width=160 if not stream.isatty() else None)
    table = Table(show_lines=False, header_style="bold")
    for column in ("doc", "sent", "date", "source", "CAMEO", "PLOVER", "target", "G", "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        target = (
            f"{event.target.code}\n[dim]{escape(event.target.text)}[/dim]" if event.target else "-"
        )
        neg = " [red](negated)[/red]" if event.negated else ""
        table.add_row(
            escape(event.doc_id),
            str(event.sentence_index),
            event.date or "",
            f"{event.source.code}\n[dim]{escape(event.source.text)}[/dim]",
            f"{event.cameo.code} {escape(event.cameo.name)}{neg}",
            event.plover.type or "",
            target,
            f"{event.goldstein:g}",
            f"[bold]{escape(event.evidence.verb.text)}[/bold]",
        )
    console.print(table)
    console.print(f"{len(events)} event(s)")
