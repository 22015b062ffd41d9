"""The spaCy pipeline Dragoman parses with."""

from __future__ import annotations

from dragoman.pipeline._model import DEFAULT_MODELS, load_model

__all__ = ["DEFAULT_MODELS", "load_model"]
