"""Attaching date expressions to clauses, and counting anaphoric ones from other dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Token

from dragoman.temporal._calendar import period_start, relation_to, shift_date
from dragoman.temporal._model import DateExpression, Kind, Precision
from dragoman.temporal._resolve import parse_story_date

__all__ = ["anchor_relative", "date_for_clause", "reanchor"]

# A date inside a noun phrase ("Tuesday's vote", "the 2024 election") dates that noun; it is
# used for the clause only when nothing attaches to the verb itself.
_NOMINAL_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
# Verbs that share their governor's time: "met on Tuesday and signed" (conj), "agreed on
# Tuesday to withdraw" (xcomp).
_SHARED_TIME = frozenset({"conj", "xcomp"})
_ORDER = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def date_for_clause(expressions: Sequence[DateExpression], verb: Token) -> DateExpression | None:
    """Return the date expression that dates a verb's clause.

    An expression belongs to the verb it attaches to in the parse ("met on Tuesday",
    "Tuesday's meeting was held", "hosted a summit in 2010"); a coordinated or controlled
    verb without one takes its governor's ("met on Tuesday and signed", "agreed on Tuesday
    to withdraw"). Dates of subordinate clauses are not taken ("said on Tuesday that troops
    attacked": "attacked" gets none). Among several, one attached to the verb directly wins
    over one inside a noun phrase, a point over a bound ("since 2019"), then the nearest.

    Args:
        expressions: The document's expressions (:func:`find_date_expressions`).
        verb: The predicate token of the clause.

    Returns:
        The expression, or None: then the event has no date of its own in the text.
    """
    if not expressions:
        return None
    doc = verb.doc
    current = verb
    for _ in range(4):
        attached = [e for e in expressions if e.governor == current.i]
        if attached:
            return min(attached, key=lambda e: _rank(e, doc[e.root], verb))
        head = current.head
        if current.dep_ not in _SHARED_TIME or head.i == current.i:
            return None
        current = head
    return None


def _rank(expression: DateExpression, root: Token, verb: Token) -> tuple[int, int, int]:
    return (
        1 if root.dep_ in _NOMINAL_DEPS else 0,
        1 if expression.qualifier else 0,
        abs(expression.root - verb.i),
    )


def reanchor(
    expression: DateExpression,
    anchor_date: str | dt.date,
    story_date: str | dt.date | None,
    *,
    anchor: str | None = None,
    anchor_precision: Precision = Precision.DAY,
) -> DateExpression:
    """Count an anaphoric expression again from another date.

    Example: "two weeks prior to the minister's visit" found with an undated visit counts
    from the story date; once the caller knows the visit was on 2025-05-20, ``reanchor``
    gives 2025-05-06.

    Args:
        expression: The expression; one without ``shift`` (not anaphoric) is returned as is.
        anchor_date: The date to count from (``YYYY-MM-DD``).
        story_date: The story date, for the relation (past/present/future).
        anchor: How to name the anchor; default: the expression's ``reference``.
        anchor_precision: Precision of ``anchor_date``; the result is never finer.

    Returns:
        The expression with new ``date``, ``precision``, ``relation`` and ``anchor``.

    Raises:
        InputError: A date is not valid.
    """
    shift = expression.shift
    base = parse_story_date(anchor_date)
    if shift is None or expression.kind is not Kind.ANAPHORIC or base is None:
        return expression
    precision = max(expression.precision, anchor_precision, key=_ORDER.__getitem__)
    try:
        start = period_start(shift_date(base, shift.amount, shift.unit), precision)
    except (OverflowError, ValueError):  # counted past year 1 or 9999: leave it as it was
        return expression
    return replace(
        expression,
        date=start.isoformat(),
        precision=precision,
        relation=relation_to(start, precision, parse_story_date(story_date)),
        anchor=anchor or expression.reference or base.isoformat(),
        approximate=expression.approximate or precision is not expression.precision,
    )


def anchor_relative(
    expressions: Sequence[DateExpression],
    reference_dates: Mapping[int, str | dt.date],
    story_date: str | dt.date | None,
) -> list[DateExpression]:
    """Count "prior to X"/"after X" expressions from the dates of their references.

    ``find_date_expressions`` counts "two weeks prior to X's visit" from the story date when
    nothing in the text dates the visit, and records the visit as ``reference`` with its
    head token index ``reference_index``. A caller that knows when the visit happened (for
    example from the event coded for it) passes that date here.

    Args:
        expressions: The document's expressions.
        reference_dates: Head token index of a reference phrase -> its date (``YYYY-MM-DD``).
        story_date: The story date, for the relation.

    Returns:
        The expressions, with those whose reference is in ``reference_dates`` re-counted.
    """
    out: list[DateExpression] = []
    for expression in expressions:
        index = expression.reference_index
        if index is not None and index in reference_dates:
            expression = reanchor(expression, reference_dates[index], story_date)
        out.append(expression)
    return out
