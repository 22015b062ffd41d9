"""Tuning for the processes Dragoman owns: the ``dragoman`` command and its worker processes.

A loaded Coder holds about half a million Python objects (the pipeline, the actor and verb
dictionaries, the gazetteer) that live until the process ends. Python's cyclic garbage
collector walks all of them in every full collection (about 0.2 s each, several per corpus)
and once more when the interpreter shuts down (close to a second). :func:`settle` moves
everything alive at that moment out of the collector's reach (:func:`gc.freeze`): they are
freed, as always, when nothing refers to them, but never scanned for cycles again.

That is right only in a process whose objects Dragoman controls: in a library user's
process, freezing would keep any cyclic garbage of theirs alive until exit. So
:func:`settle` does nothing unless :func:`own_process` was called first: by the console
script's ``main`` and by the ingest worker processes, never by importing the package.
"""

from __future__ import annotations

import gc

__all__ = ["own_process", "owns_process", "settle"]

_owned = False


def own_process() -> None:
    """Declare that Dragoman runs this whole process (the CLI's ``main``, a worker)."""
    global _owned
    _owned = True


def owns_process() -> bool:
    """Whether :func:`own_process` was called in this process."""
    return _owned


def settle() -> None:
    """Freeze the objects alive now (call once the Coder is loaded, and before exit), if
    Dragoman owns the process; else do nothing."""
    if _owned:
        gc.freeze()
