"""Writing events as JSON lines, JSON, TSV or a readable table."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dragoman.records import Event, Quote

__all__ = [
    "FORMATS",
    "QUOTE_COLUMNS",
    "TSV_COLUMNS",
    "event_row",
    "quote_row",
    "render_table",
    "write_events",
    "write_quotes",
]

#: Output formats of ``dragoman code``.
FORMATS = ("table", "jsonl", "json", "tsv")

#: Columns of the TSV format, in order (the JSON fields, flattened).
TSV_COLUMNS = (
    "doc_id", "sentence_index", "event_id", "date", "date_precision", "date_source",
    "date_text",
    "source_code", "source_name", "source_text", "source_start", "source_end",
    "target_code", "target_name", "target_text", "target_start", "target_end",
    "cameo_code", "cameo_name", "root_code", "quad_class", "goldstein",
    "plover_type", "plover_mode", "negated", "modality",
    "location_name", "location_country", "location_latitude", "location_longitude",
    "quote", "confidence", "verb_text", "verb_start", "verb_end", "sentence",
)  # fmt: skip

#: Columns of the TSV format for quotations.
QUOTE_COLUMNS = (
    "doc_id", "index", "kind", "speaker_code", "speaker_name", "speaker_text", "cue",
    "content", "content_start", "content_end", "group",
)  # fmt: skip


def event_row(event: Event) -> dict[str, Any]:
    """Return an event flattened to the TSV columns."""
    source, target = event.source, event.target
    return {
        "doc_id": escape(event.doc_id),
        "sentence_index": event.sentence_index,
        "event_id": event.event_id,
        "date": event.date or "",
        "date_precision": event.date_precision,
        "date_source": event.date_source.source,
        "date_text": event.date_source.text or "",
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
        "location_name": event.location.name if event.location else "",
        "location_country": (event.location.country or "") if event.location else "",
        "location_latitude": _number(event.location.latitude) if event.location else "",
        "location_longitude": _number(event.location.longitude) if event.location else "",
        "quote": "" if event.quote is None else event.quote,
        "confidence": f"{event.confidence:.3f}",
        "verb_text": event.evidence.verb.text,
        "verb_start": event.evidence.verb.start,
        "verb_end": event.evidence.verb.end,
        "sentence": event.evidence.sentence.text,
    }


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}"


def quote_row(quote: Quote) -> dict[str, Any]:
    """Return a quotation flattened to the quote TSV columns."""
    return {
        "doc_id": quote.doc_id,
        "index": quote.index,
        "kind": quote.kind,
        "speaker_code": quote.speaker.code if quote.speaker else "",
        "speaker_name": quote.speaker.name if quote.speaker else "",
        "speaker_text": quote.speaker_text or "",
        "cue": quote.cue.text if quote.cue else "",
        "content": quote.content.text,
        "content_start": quote.content.start,
        "content_end": quote.content.end,
        "group": quote.group,
    }


def write_quotes(quotes: Iterable[Quote], fmt: str, stream: IO[str], *, header: bool = True) -> int:
    """Write quotations to a text stream (formats as :func:`write_events`).

    Returns:
        The number of quotations written.
    """
    items = list(quotes)
    if fmt == "jsonl":
        for quote in items:
            stream.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([q.to_dict() for q in items], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    elif fmt == "tsv":
        if header:
            stream.write("\t".join(QUOTE_COLUMNS) + "\n")
        for quote in items:
            row = quote_row(quote)
            stream.write("\t".join(_tsv_cell(row[c]) for c in QUOTE_COLUMNS) + "\n")
    elif fmt == "table":
        console = Console(file=stream, width=160 if not stream.isatty() else None)
        table = Table(header_style="bold")
        for column in ("doc", "#", "speaker", "cue", "quotation"):
            table.add_column(column, overflow="fold")
        for quote in items:
            speaker = (
                f"{quote.speaker.code}\n[dim]{escape(quote.speaker_text or '')}[/dim]"
                if quote.speaker
                else escape(quote.speaker_text or "?")
            )
            table.add_row(
                escape(quote.doc_id),
                str(quote.index),
                speaker,
                escape(quote.cue.text if quote.cue else ""),
                escape(quote.content.text),
            )
        console.print(table)
        console.print(f"{len(items)} quotation(s)")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return len(items)


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


def _shown_date(event: Event) -> str:
    """The date as precise as it is known, marked when it comes from the text."""
    if event.date is None:
        return ""
    shown = {"year": event.date[:4], "month": event.date[:7]}.get(event.date_precision, event.date)
    if event.date_source.source == "text":
        return f"{shown}\n[dim]{escape(event.date_source.text or '')}[/dim]"
    return shown


def render_table(events: list[Event], stream: IO[str]) -> None:
    """Print events as a readable table."""
    console = Console(file=stream, width=160 if not stream.isatty() else None)
    table = Table(show_lines=False, header_style="bold")
    columns = ("doc", "sent", "date", "source", "CAMEO", "PLOVER", "target", "G", "conf")
    for column in (*columns, "evidence"):
        table.add_column(column, overflow="fold")
    for event in events:
        target = (
            f"{event.target.code}\n[dim]{escape(event.target.text)}[/dim]" if event.target else "-"
        )
        neg = " [red](negated)[/red]" if event.negated else ""
        table.add_row(
            escape(event.doc_id),
            str(event.sentence_index),
            _shown_date(event),
            f"{event.source.code}\n[dim]{escape(event.source.text)}[/dim]",
            f"{event.cameo.code} {escape(event.cameo.name)}{neg}",
            event.plover.type or "",
            target,
            f"{event.goldstein:g}",
            f"{event.confidence:.2f}",
            f"[bold]{escape(event.evidence.verb.text)}[/bold]",
        )
    console.print(table)
    console.print(f"{len(events)} event(s)")
