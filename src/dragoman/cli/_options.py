"""Click options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

__all__ = ["dictionary_options"]

F = TypeVar("F", bound=Callable[..., Any])


def dictionary_options(function: F) -> F:
    """Add ``--verbs FILE`` and ``--actors FILE`` (repeatable) as ``verb_files`` and
    ``actor_files``: extra dictionary files added to or overriding the shipped ones."""
    function = click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Extra actor dictionary file (YAML or JSONL); repeatable.",
    )(function)
    function = click.option(
        "--verbs",
        "verb_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="Extra verb dictionary file (YAML); repeatable.",
    )(function)
    return function
