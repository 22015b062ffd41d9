"""Expanding input paths: directories are walked recursively, in a stable order.

Inside a directory only files whose names Dragoman reads are taken (text, HTML, JSON lines and
web archives, optionally gzip-compressed); hidden files and folders (``.git``, ``.DS_Store``)
are skipped. A file named explicitly is always taken, whatever its name.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["INPUT_SUFFIXES", "InputFile", "expand_paths"]

#: File names read from directories (case-insensitive).
INPUT_SUFFIXES = (
    ".txt",
    ".text",
    ".txt.gz",
    ".html",
    ".htm",
    ".xhtml",
    ".html.gz",
    ".htm.gz",
    ".jsonl",
    ".ndjson",
    ".jsonl.gz",
    ".ndjson.gz",
    ".warc",
    ".warc.gz",
    ".arc",
    ".arc.gz",
)


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input to read.

    Attributes:
        path: The path as given or as found in a directory (``-`` for standard input).
        size: Its size in bytes (0 when unknown: stdin, missing files).
    """

    path: str
    size: int


def expand_paths(paths: Sequence[str | Path]) -> Iterator[InputFile]:
    """Yield the files to read: given files as they are, directories walked recursively.

    Missing or unreadable paths are yielded too (with size 0), so the reader reports them.

    Args:
        paths: Files, directories, or ``-``.

    Yields:
        The input files in a stable order (directories sorted by name).
    """
    for raw in paths:
        path = str(raw)
        if path != "-" and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield InputFile(path, _size(path))


def _walk(root: str) -> Iterator[InputFile]:
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(INPUT_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                yield InputFile(path, _size(path))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size if path != "-" else 0
    except OSError:
        return 0
