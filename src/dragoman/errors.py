"""Errors raised by Dragoman.

Every error the package raises on purpose derives from :class:`DragomanError`, so callers
(and the CLI) can catch one class::

    DragomanError
    ├── InputError        a document or input file cannot be read or parsed
    ├── CodingError       coding a valid document failed unexpectedly (a bug: please report)
    ├── DictionaryError   a dictionary file (actors, verbs) is malformed
    ├── OntologyError     an unknown CAMEO/PLOVER code (also a KeyError)
    ├── ModelError        the spaCy pipeline cannot be loaded
    ├── StoreError        an event database cannot be opened, read or written
    ├── QueryError        a query on an event database is invalid (unknown actor, bad date)
    └── ExtraError        an optional part is used without its extra installed (also an ImportError)
"""

from __future__ import annotations

__all__ = [
    "CodingError",
    "DictionaryError",
    "DragomanError",
    "ExtraError",
    "InputError",
    "ModelError",
    "OntologyError",
    "QueryError",
    "StoreError",
]


class DragomanError(Exception):
    """Base class of all errors raised by Dragoman."""


class InputError(DragomanError, ValueError):
    """A document or input file cannot be read or parsed."""


class CodingError(DragomanError, RuntimeError):
    """Coding a valid document failed unexpectedly (a bug); the message names the document."""


class DictionaryError(DragomanError, ValueError):
    """A dictionary file (actors, verbs) is malformed; the message names file and line."""


class OntologyError(DragomanError, KeyError):
    """An unknown CAMEO or PLOVER code was asked for."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep messages readable
        return str(self.args[0]) if self.args else ""


class ModelError(DragomanError, RuntimeError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(DragomanError, RuntimeError):
    """An event database cannot be opened, read or written (wrong schema, locked, corrupt)."""


class QueryError(DragomanError, ValueError):
    """A query on an event database is invalid: an unknown actor, a bad date, a bad limit."""


class ExtraError(DragomanError, ImportError):
    """An optional part (dashboard, charts, Dask) is used without its extra installed."""
