"""Dragoman: political event data (CAMEO/PLOVER) from English news text, offline.

Example:
    >>> import dragoman                                            # doctest: +SKIP
    >>> coder = dragoman.Coder()                                   # doctest: +SKIP
    >>> events = coder.code("Russia criticized NATO.", date="2025-06-01")  # doctest: +SKIP
"""

from __future__ import annotations

import typing

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

if typing.TYPE_CHECKING:
    from dragoman._coder import CodedDocument, Coder
    from dragoman.coding import JudgeOptions

__version__ = "0.1.0"

# The Coder (and with it spaCy, about a second to import) is imported on first use, so that
# commands and processes that never parse (ingest's main process, export, stats, serve) do
# not pay for it.
_LAZY = {
    "CodedDocument": "dragoman._coder",
    "Coder": "dragoman._coder",
    "JudgeOptions": "dragoman.coding",
}


def __getattr__(name: str) -> typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dragoman' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
