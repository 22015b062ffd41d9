"""Reading documents from plain text and JSON-lines files (optionally gzip-compressed).

Bad input never stops the reading: each problem is yielded as an :class:`InputProblem` that
names the file and line, and the reader goes on with the next document.
"""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dragoman.errors import InputError
from dragoman.records import MAX_CHARS, Document, normalize_date

__all__ = ["STDIN", "InputProblem", "detect_format", "read_documents", "read_path"]

#: The path that means standard input.
STDIN = "-"

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A document that could not be read, and why.

    Attributes:
        source: The file (``-`` for standard input).
        line: The line number in the file, when it is known.
        message: What is wrong and what to do.
    """

    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source} line {self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def detect_format(path: str, head: bytes = b"") -> str:
    """Return ``jsonl`` or ``text`` for an input, by its name or, for stdin, its content.

    Args:
        path: The file path, or ``-``.
        head: The first bytes of the content (used for stdin and unknown suffixes).

    Returns:
        ``jsonl`` or ``text``.
    """
    name = path.lower()
    if name.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith((".txt", ".text", ".txt.gz")):
        return "text"
    first = head.lstrip()[:1]
    if first == b"{":
        line = head.lstrip().split(b"\n", 1)[0]
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
        paths: Plain-text files (one document each), JSON-lines files (one document per line:
            ``{"id", "text", "date", "title", "url"}``; ``.gz`` allowed), or ``-`` for stdin.
        default_date: Story date for documents that carry none (``YYYY-MM-DD``).
        input_format: ``auto`` (by suffix, or by content for stdin), ``text`` or ``jsonl``.
        stdin: Stream to read for ``-`` (default: the process's standard input).

    Yields:
        Documents, and a problem for each one that could not be read.

    Raises:
        InputError: ``default_date`` or ``input_format`` is invalid.
    """
    default = normalize_date(default_date)
    if input_format not in ("auto", "text", "jsonl"):
        raise InputError(f"input format {input_format!r} is unknown; use auto, text or jsonl")
    for path in paths:
        yield from read_path(
            str(path), default_date=default, input_format=input_format, stdin=stdin
        )


def read_path(
    path: str,
    *,
    default_date: str | None = None,
    input_format: str = "auto",
    stdin: IO[bytes] | None = None,
) -> Iterator[Document | InputProblem]:
    """Read the documents of one file (see :func:`read_documents`)."""
    try:
        data = _read_bytes(path, stdin)
    except OSError as exc:
        yield InputProblem(path, None, f"cannot read: {exc.strerror or exc}")
        return
    except zlib.error as exc:
        yield InputProblem(path, None, f"broken gzip file: {exc}")
        return
    fmt = input_format if input_format != "auto" else detect_format(path, data[:_BINARY_SNIFF])
    if fmt == "jsonl":
        yield from _read_jsonl(path, data, default_date)
    else:
        yield _read_text(path, data, default_date)


def _read_bytes(path: str, stdin: IO[bytes] | None) -> bytes:
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return stream.read()
    file = Path(path)
    if file.is_dir():
        raise IsADirectoryError(21, "is a directory; give the files inside it")
    raw = file.read_bytes()
    if path.lower().endswith(".gz"):
        return _gunzip(raw)
    return raw


def _gunzip(raw: bytes) -> bytes:
    """Decompress (all members); on truncation keep the complete lines and mark the cut."""
    out = bytearray()
    rest = raw
    while rest:
        stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out += stream.decompress(rest)
        if not stream.eof:
            cut = out.rfind(b"\n")
            return bytes(out[: cut + 1]) + b"\x00TRUNCATED\n"
        rest = stream.unused_data.lstrip(b"\x00")
    return bytes(out)


def _read_text(path: str, data: bytes, default_date: str | None) -> Document | InputProblem:
    if b"\x00" in data[:_BINARY_SNIFF]:
        return InputProblem(path, None, "looks like a binary file (NUL bytes); give text or JSONL")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
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
    path: str, data: bytes, default_date: str | None
) -> Iterator[Document | InputProblem]:
    if not data.strip():
        yield InputProblem(path, None, "empty file")
        return
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, start=1):
        if raw == b"\x00TRUNCATED":
            yield InputProblem(
                path, number, "the gzip file is truncated here; the lines before were read"
            )
            return
        if not raw.strip():
            continue
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
        yield _document_from_record(path, number, record, default_date)


def _document_from_record(
    path: str, number: int, record: Any, default_date: str | None
) -> Document | InputProblem:
    if not isinstance(record, dict):
        return InputProblem(path, number, 'not a JSON object; each line needs {"id", "text"}')
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return InputProblem(path, number, f'"text" is {what}; each line needs {{"id", "text"}}')
    if not text.strip():
        return InputProblem(path, number, '"text" is empty')
    if len(text) > MAX_CHARS:
        return InputProblem(
            path, number, f'"text" has {len(text):,} characters, more than {MAX_CHARS:,}; split it'
        )
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        doc_id = f"{Path(path).name}:{number}"
    elif isinstance(raw_id, str | int):
        doc_id = str(raw_id)
    else:
        return InputProblem(path, number, '"id" must be a string or a number')
    raw_date = record.get("date", record.get("published"))
    try:
        date = normalize_date(raw_date) if raw_date not in (None, "") else default_date
    except InputError as exc:
        return InputProblem(path, number, str(exc))
    title = record.get("title")
    url = record.get("url")
    return Document(
        id=doc_id,
        text=text,
        date=date,
        title=title if isinstance(title, str) else None,
        url=url if isinstance(url, str) else None,
    )
