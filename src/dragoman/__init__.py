"""Dragoman: political event data (CAMEO/PLOVER) from English news text, offline.

Example:
    >>> import dragoman                                            # doctest: +SKIP
    >>> coder = dragoman.Coder()                                   # doctest: +SKIP
    >>> events = coder.code("Russia criticized NATO.", date="2025-06-01")  # doctest: +SKIP
"""

from __future__ import annotations

from dragoman._coder import CodedDocument, Coder
from dragoman.coding import JudgeOptions
from dragoman.errors import (
    CodingError,
    DictionaryError,
    DragomanError,
    InputError,
    ModelError,
    OntologyError,
    StoreError,
)
from dragoman.records import (
    Actor,
    CameoRef,
    Document,
    Event,
    EventDate,
    Evidence,
    Location,
    PloverRef,
    Quote,
    TextSpan,
    normalize_date,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "CameoRef",
    "CodedDocument",
    "Coder",
    "CodingError",
    "DictionaryError",
    "Document",
    "DragomanError",
    "Event",
    "EventDate",
    "Evidence",
    "InputError",
    "JudgeOptions",
    "Location",
    "ModelError",
    "OntologyError",
    "PloverRef",
    "Quote",
    "StoreError",
    "TextSpan",
    "__version__",
    "normalize_date",
]
