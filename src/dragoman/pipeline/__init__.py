"""The spaCy pipeline Dragoman parses with."""

from __future__ import annotations

from dragoman.pipeline._model import (
    DEFAULT_MODELS,
    UNUSED,
    has_entities,
    load_model,
    pipeline_id,
)
from dragoman.pipeline._paragraphs import (
    MAX_HEADING_WORDS,
    PARAGRAPHS,
    ParagraphBreaks,
    add_paragraph_breaks,
    glued_headings,
)
from dragoman.pipeline._pieces import PIECE_CHARS, parse_in_pieces, split_pieces
from dragoman.pipeline._table import TokenTable
from dragoman.pipeline._tags import VERBAL_POS, VERBAL_POS_IDS

__all__ = [
    "DEFAULT_MODELS",
    "MAX_HEADING_WORDS",
    "PARAGRAPHS",
    "PIECE_CHARS",
    "UNUSED",
    "VERBAL_POS",
    "VERBAL_POS_IDS",
    "ParagraphBreaks",
    "TokenTable",
    "add_paragraph_breaks",
    "glued_headings",
    "has_entities",
    "load_model",
    "parse_in_pieces",
    "pipeline_id",
    "split_pieces",
]
