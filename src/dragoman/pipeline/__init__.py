"""The spaCy pipeline Dragoman parses with."""

from __future__ import annotations

from dragoman.pipeline._model import DEFAULT_MODELS, load_model
from dragoman.pipeline._paragraphs import PARAGRAPHS, ParagraphBreaks, add_paragraph_breaks

__all__ = [
    "DEFAULT_MODELS",
    "PARAGRAPHS",
    "ParagraphBreaks",
    "add_paragraph_breaks",
    "load_model",
]
