"""Reading documents from text, HTML, JSON-lines and WARC files (optionally gzip-compressed).

Bad input never stops the reading: each problem is yielded as an :class:`InputProblem` that
names the file and line, and the reader goes on with the next document. Files are streamed:
a JSON-lines file of any size is read a line at a time, and no single document bigger than
the limits below is ever held in memory.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dragoman.errors import InputError
from dragoman.ingest._html import MAX_HTML_BYTES, document_from_html
from dragoman.ingest._lines import ByteStream, CountingStream, LineIssue, iter_lines, read_limited
from dragoman.ingest._walk import expand_paths
from dragoman.ingest._warc import WARC_SUFFIXES, read_warc
from dragoman.records import MAX_CHARS, Document, normalize_date

__all__ = [
    "INPUT_FORMATS",
    "STDIN",
    "InputProblem",
    "SourcedDocument",
    "detect_format",
    "read_documents",
    "read_path",
    "scan_inputs",
]

#: The path that means standard input.
STDIN = "-"

#: Values of ``input_format``.
INPUT_FORMATS = ("auto", "text", "jsonl", "html", "warc")

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
_TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
_BINARY_SNIFF = 8192
#: A UTF-8 text of MAX_CHARS characters has at most 4 bytes per character.
_MAX_TEXT_BYTES = 4 * MAX_CHARS
#: A JSON line may escape every character as \uXXXX (6 bytes), plus the other fields.
_MAX_LINE_BYTES = 6 * MAX_CHARS + 65_536
#: C0 controls and DEL: never news text (NUL glues words together for spaCy). Tab, line feed,
#: form feed and carriage return are layout and allowed in a text, not in ids or dates.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A document that could not be read, and why.

    Attributes:
        source: The file (``-`` for standard input).
        line: The line number in the file (the record number in a WARC file), when known.
        message: What is wrong and what to do.
        doc_id: The document's id, when the bad record has one.
    """

    source: str
    line: int | None
    message: str
    doc_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source} line {self.line}" if self.line else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class SourcedDocument:
    """A document with the place it was read from.

    Attributes:
        document: The document.
        source: The file it came from (``-`` for standard input).
        line: Its line (JSON lines) or record (WARC) number, or None for one-document files.
    """

    document: Document
    source: str
    line: int | None


def detect_format(path: str, head: bytes = b"") -> str:
    """Return ``jsonl``, ``html``, ``warc`` or ``text`` for an input, by name or content.

    Args:
        path: The file path, or ``-``.
        head: The first bytes of the content (used for stdin and unknown suffixes).

    Returns:
        ``jsonl``, ``html``, ``warc`` or ``text``.
    """
    name = path.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(_TEXT_SUFFIXES):
        return "text"
    if name.endswith(_HTML_SUFFIXES):
        return "html"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    start = head.lstrip()
    if start.startswith(b"WARC/"):
        return "warc"
    if start[:15].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    if start[:1] == b"{":
        line = start.split(b"\n", 1)[0]
        try:
            return "jsonl" if isinstance(json.loads(line), dict) else "text"
        except ValueError:
            return "text"
    return "text"


def read_documents(
    paths: Sequence[str | Path],
    *,
    default_date: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | InputProblem]:
    """Read documents from files, in order.

    Args:
        paths: Plain-text files (one document each), HTML pages (one article each), JSON-lines
            files (one document per line: ``{"id", "text", "date", "title", "url"}``), WARC
            archives (``.gz`` allowed for all), or ``-`` for stdin. A directory is reported as
            a problem; :func:`scan_inputs` walks directories.
        default_date: Story date for documents that carry none (``YYYY-MM-DD``).
        input_format: ``auto`` (by suffix, or by content), ``text``, ``jsonl``, ``html`` or
            ``warc``.
        stdin: Stream to read for ``-`` (default: the process's standard input).

    Yields:
        Documents, and a problem for each one that could not be read.

    Raises:
        InputError: ``default_date`` or ``input_format`` is invalid.
    """
    for item in scan_inputs(
        paths,
        default_date=default_date,
        input_format=input_format,
        stdin=stdin,
        directories=False,
    ):
        yield item.document if isinstance(item, SourcedDocument) else item


def scan_inputs(
    paths: Sequence[str | Path],
    *,
    default_date: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
    directories: bool = True,
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[SourcedDocument | InputProblem]:
    """Read documents from files and directories, with where each came from.

    Args:
        paths: Files (as for :func:`read_documents`), directories (walked recursively for the
            file types Dragoman reads), or ``-``.
        default_date: Story date for documents that carry none (``YYYY-MM-DD``).
        input_format: ``auto``, ``text``, ``jsonl``, ``html`` or ``warc``.
        stdin: Stream to read for ``-``.
        directories: Walk directories; if False, a directory is reported as a problem.
        on_bytes: Called with the number of (compressed) bytes read, for progress reports.

    Yields:
        Documents with their file and line, and problems, in input order.

    Raises:
        InputError: ``default_date`` or ``input_format`` is invalid.
    """
    default = normalize_date(default_date)
    if input_format not in INPUT_FORMATS:
        raise InputError(
            f"input format {input_format!r} is unknown; use {', '.join(INPUT_FORMATS)}"
        )
    files = expand_paths(paths) if directories else (str(p) for p in paths)
    for item in files:
        path = item if isinstance(item, str) else item.path
        yield from _scan_path(
            path, default_date=default, input_format=input_format, stdin=stdin, on_bytes=on_bytes
        )


def read_path(
    path: str,
    *,
    default_date: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | InputProblem]:
    """Read the documents of one file (see :func:`read_documents`)."""
    for item in _scan_path(
        path, default_date=default_date, input_format=input_format, stdin=stdin, on_bytes=None
    ):
        yield item.document if isinstance(item, SourcedDocument) else item


def _scan_path(
    path: str,
    *,
    default_date: str | None,
    input_format: str,
    stdin: IO[bytes] | None,
    on_bytes: Callable[[int], None] | None,
) -> Iterator[SourcedDocument | InputProblem]:
    if path == STDIN:
        raw: ByteStream = stdin if stdin is not None else sys.stdin.buffer
        yield from _scan_stream(path, raw, None, default_date, input_format, on_bytes)
        return
    try:
        if os.path.isdir(path):
            raise IsADirectoryError(21, "is a directory; give the files inside it")
        size = os.stat(path).st_size
        file = open(path, "rb")  # noqa: SIM115 - closed below; the generator streams from it
    except OSError as exc:
        yield InputProblem(path, None, f"cannot read: {exc.strerror or exc}")
        return
    with file:
        yield from _scan_stream(path, file, size, default_date, input_format, on_bytes)


def _scan_stream(
    path: str,
    raw: ByteStream,
    size: int | None,
    default_date: str | None,
    input_format: str,
    on_bytes: Callable[[int], None] | None,
) -> Iterator[SourcedDocument | InputProblem]:
    try:
        head = raw.read(_BINARY_SNIFF)
    except OSError as exc:
        yield InputProblem(path, None, f"cannot read: {exc.strerror or exc}")
        return
    stream = CountingStream(raw, on_bytes, head=head)
    gzipped = path.lower().endswith(".gz") or (path == STDIN and head[:2] == b"\x1f\x8b")
    fmt = input_format
    if fmt == "auto":
        fmt = detect_format(path, b"" if gzipped else head)
    try:
        if fmt == "jsonl":
            items: Iterable[SourcedDocument | InputProblem] = _read_jsonl(
                path, stream, gzipped, default_date
            )
        elif fmt == "warc":
            items = _read_warc(path, stream, gzipped, default_date)
        else:
            items = [_read_whole(path, stream, size, gzipped, fmt, default_date)]
        for item in items:
            yield _checked(item)
    except OSError as exc:
        yield InputProblem(path, None, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # a reader's bug must cost this file, never the whole run
        yield InputProblem(
            path, None, f"cannot read the rest of the file ({_describe(exc)}); please report it"
        )


def _read_warc(
    path: str, stream: ByteStream, gzipped: bool, default_date: str | None
) -> Iterator[SourcedDocument | InputProblem]:
    for number, item in read_warc(stream, source=path, default_date=default_date, gzipped=gzipped):
        if isinstance(item, Document):
            yield SourcedDocument(item, path, number)
        else:
            yield InputProblem(path, number, item)


def _describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _checked(item: SourcedDocument | InputProblem) -> SourcedDocument | InputProblem:
    """Turn a document whose fields no coder or database could take into a problem."""
    if isinstance(item, InputProblem):
        return item
    document = item.document
    for name in ("id", "text", "title", "url", "date"):
        value = getattr(document, name)
        if value is None:
            continue
        message = _bad_characters(value, allow_layout=name == "text")
        if message:
            doc_id = None if name == "id" else _printable(document.id)
            return InputProblem(item.source, item.line, f'"{name}" {message}', doc_id)
    return item


def _bad_characters(value: str, *, allow_layout: bool) -> str | None:
    """Describe a lone surrogate or a control character in ``value``, or return None."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        return (
            f"holds a lone surrogate (\\u{code:04x} at column {exc.start + 1}), which is not "
            "text; fix the encoder that wrote the file"
        )
    found = (_CONTROL_IN_TEXT if allow_layout else _CONTROL).search(value)
    if found is None:
        return None
    char = found.group()
    what = "a NUL character" if char == "\x00" else f"a control character (\\x{ord(char):02x})"
    return f"holds {what} at column {found.start() + 1}; remove control characters"


def _printable(value: str) -> str:
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def _read_whole(
    path: str,
    stream: ByteStream,
    size: int | None,
    gzipped: bool,
    fmt: str,
    default_date: str | None,
) -> SourcedDocument | InputProblem:
    limit = MAX_HTML_BYTES if fmt == "html" else _MAX_TEXT_BYTES
    if size is not None and not gzipped and size > limit:
        return InputProblem(
            path,
            None,
            f"{size:,} bytes, more than {limit:,} for one document; split it into smaller "
            "documents",
        )
    data = read_limited(stream, gzipped=gzipped, limit=limit)
    if isinstance(data, LineIssue):
        if data.kind == "too_long":
            return InputProblem(
                path,
                None,
                f"more than {limit:,} bytes for one document; split it into smaller documents",
            )
        return InputProblem(path, None, _gzip_message(data))
    doc_id = path if path != STDIN else "stdin"
    if fmt == "html":
        if not data.strip():
            return InputProblem(path, None, "empty document")
        try:
            document = document_from_html(data, doc_id=doc_id, default_date=default_date)
        except InputError as exc:
            return InputProblem(path, None, str(exc), doc_id)
        return SourcedDocument(document, path, None)
    item = _read_text(path, data, default_date)
    return SourcedDocument(item, path, None) if isinstance(item, Document) else item


def _looks_like_utf16(head: bytes) -> bool:
    """Return whether bytes look like ASCII text in UTF-16: NUL at every other byte."""
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd)


def _gzip_message(issue: LineIssue) -> str:
    if issue.kind == "truncated":
        return "the gzip file is truncated; nothing after the cut can be read"
    return f"broken gzip file ({issue.detail}); check the download"


def _read_text(path: str, data: bytes, default_date: str | None) -> Document | InputProblem:
    encoding = "utf-16" if data.startswith(_UTF16_BOMS) else "utf-8-sig"
    if encoding != "utf-16" and b"\x00" in data[:_BINARY_SNIFF]:
        if _looks_like_utf16(data[:_BINARY_SNIFF]):
            return InputProblem(
                path, None, "looks like UTF-16 without a byte-order mark; convert it to UTF-8"
            )
        return InputProblem(path, None, "looks like a binary file (NUL bytes); give text or JSONL")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":
            return InputProblem(path, None, "not valid UTF-16; convert the file to UTF-8")
        line = data[: exc.start].count(b"\n") + 1
        return InputProblem(
            path, line, f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); convert the file to UTF-8"
        )
    if not text.strip():
        return InputProblem(path, None, "empty document")
    if len(text) > MAX_CHARS:
        return InputProblem(
            path,
            None,
            f"{len(text):,} characters, more than {MAX_CHARS:,}; split it into smaller documents",
        )
    return Document(id=path if path != STDIN else "stdin", text=text, date=default_date)


def _read_jsonl(
    path: str, stream: ByteStream, gzipped: bool, default_date: str | None
) -> Iterator[SourcedDocument | InputProblem]:
    seen_any = False
    for number, raw in iter_lines(stream, gzipped=gzipped, max_line_bytes=_MAX_LINE_BYTES):
        if isinstance(raw, LineIssue):
            seen_any = True
            if raw.kind == "too_long":
                yield InputProblem(
                    path,
                    number,
                    f"line of {int(raw.detail):,} bytes, more than {_MAX_LINE_BYTES:,} (a "
                    f"document over {MAX_CHARS:,} characters); split it into smaller documents",
                )
                continue
            if raw.kind == "truncated":
                yield InputProblem(
                    path, number, "the gzip file is truncated here; the lines before were read"
                )
            else:
                yield InputProblem(path, number, _gzip_message(raw))
            return
        if not raw.strip():
            continue
        seen_any = True
        if number == 1 and (raw.startswith(_UTF16_BOMS) or _looks_like_utf16(raw[:_BINARY_SNIFF])):
            yield InputProblem(path, None, "the file is UTF-16; convert it to UTF-8")
            return
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputProblem(
                path,
                number,
                f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
            )
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputProblem(
                path,
                number,
                f"not valid JSON ({exc.args[0].split(':')[0]}); "
                'each line needs {"id": ..., "text": ...}',
            )
            continue
        except RecursionError:
            yield InputProblem(
                path, number, 'JSON nested too deeply; each line needs {"id": ..., "text": ...}'
            )
            continue
        item = _document_from_record(path, number, record, default_date)
        yield SourcedDocument(item, path, number) if isinstance(item, Document) else item
    if not seen_any:
        yield InputProblem(path, None, "empty file")


def _document_from_record(
    path: str, number: int, record: Any, default_date: str | None
) -> Document | InputProblem:
    if not isinstance(record, dict):
        return InputProblem(path, number, 'not a JSON object; each line needs {"id", "text"}')
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        doc_id = f"{Path(path).name}:{number}"
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        return InputProblem(path, number, '"id" must be a string or a number')
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return InputProblem(
            path, number, f'"text" is {what}; each line needs {{"id", "text"}}', doc_id
        )
    if not text.strip():
        return InputProblem(path, number, '"text" is empty', doc_id)
    if len(text) > MAX_CHARS:
        return InputProblem(
            path,
            number,
            f'"text" has {len(text):,} characters, more than {MAX_CHARS:,}; split it',
            doc_id,
        )
    raw_date = record.get("date", record.get("published"))
    try:
        date = normalize_date(raw_date) if raw_date not in (None, "") else default_date
    except InputError as exc:
        return InputProblem(path, number, str(exc), doc_id)
    title = record.get("title")
    url = record.get("url")
    return Document(
        id=doc_id,
        text=text,
        date=date,
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
    )
