"""Click options shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dragoman.errors import InputError

if TYPE_CHECKING:
    from dragoman.coding import JudgeOptions

__all__ = ["dictionary_options", "judge_from", "judge_options", "ner_option"]

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


def judge_options(function: F) -> F:
    """Add ``--min-confidence X``, ``--precise``, ``--all-events`` and ``--statements``:
    which coded events are kept."""
    function = click.option(
        "--statements",
        is_flag=True,
        help="Also keep bare statements addressed to no one ('the ministry said', 010), "
        "which are left out by default (GDELT-style output).",
    )(function)
    function = click.option(
        "--precise",
        is_flag=True,
        help="Keep only events at or above the confidence threshold calibrated with the "
        "shipped model (fewer, surer events; see docs/rules.md).",
    )(function)
    function = click.option(
        "--all-events",
        is_flag=True,
        help="Keep every event the rules code, each with its confidence: also those "
        "below the threshold, sources of no country (---GOV), hypothetical and "
        "obligation clauses, what analysts or experts say, acts aimed at someone "
        "but coded without a target, statements inside a quotation ('as I said'), "
        "what people of no known role do, and bare statements.",
    )(function)
    function = click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        metavar="X",
        help="Keep events whose confidence is at least X (0-1; default 0: all that the "
        "policy rules keep).",
    )(function)
    return function


def judge_from(
    min_confidence: float | None, all_events: bool, precise: bool, statements: bool = False
) -> JudgeOptions:
    """The :class:`JudgeOptions` that ``--min-confidence``, ``--precise``,
    ``--all-events`` and ``--statements`` ask for.

    Raises:
        InputError: ``--precise`` and ``--min-confidence`` are both given.
    """
    from dragoman.coding import JudgeOptions

    if precise and min_confidence is not None:
        raise InputError("give --precise or --min-confidence, not both")
    options = JudgeOptions.everything() if all_events else JudgeOptions()
    if precise:
        options = replace(options, min_confidence=None)
    elif min_confidence is not None:
        options = replace(options, min_confidence=min_confidence)
    if statements:
        options = replace(options, bare_statements=True)
    return options


def ner_option(function: F) -> F:
    """Add ``--ner`` as ``ner``: keep the spaCy pipeline's entity recognizer."""
    return click.option(
        "--ner",
        is_flag=True,
        help="Keep the spaCy pipeline's entity recognizer (left out by default: Dragoman "
        "uses its own gazetteer, actor dictionaries and date grammar, and parses about "
        "twice as fast).",
    )(function)
