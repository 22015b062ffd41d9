"""Ingest: reading documents from text, HTML, JSON-lines and WARC files and from directories,
with per-line problem reports."""

from __future__ import annotations

from dragoman.ingest._html import MAX_HTML_BYTES, document_from_html
from dragoman.ingest._readers import (
    INPUT_FORMATS,
    STDIN,
    InputProblem,
    SourcedDocument,
    detect_format,
    read_documents,
    read_path,
    scan_inputs,
)
from dragoman.ingest._walk import INPUT_SUFFIXES, InputFile, expand_paths

__all__ = [
    "INPUT_FORMATS",
    "INPUT_SUFFIXES",
    "MAX_HTML_BYTES",
    "STDIN",
    "InputFile",
    "InputProblem",
    "SourcedDocument",
    "detect_format",
    "document_from_html",
    "expand_paths",
    "read_documents",
    "read_path",
    "scan_inputs",
]
