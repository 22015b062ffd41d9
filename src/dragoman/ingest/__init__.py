"""Ingest: reading documents from text and JSON-lines files, with per-line problem reports."""

from __future__ import annotations

from dragoman.ingest._readers import (
    STDIN,
    InputProblem,
    detect_format,
    read_documents,
    read_path,
)

__all__ = ["STDIN", "InputProblem", "detect_format", "read_documents", "read_path"]
