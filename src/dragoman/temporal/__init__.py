"""Date expressions: finding them in a parsed document and resolving them to dates.

Example:
    >>> from dragoman.temporal import resolve_date
    >>> resolve_date("three days earlier", "2025-06-01").date
    '2025-05-29'
"""

from __future__ import annotations

from dragoman.temporal._attach import (
    anchor_relative,
    clause_tense,
    date_for_clause,
    fits_tense,
    narrative_date,
    reanchor,
    sole_date,
)
from dragoman.temporal._find import find_date_expressions
from dragoman.temporal._model import (
    DateExpression,
    Kind,
    Precision,
    Relation,
    ResolvedDate,
    Shift,
)
from dragoman.temporal._resolve import resolve_date

__all__ = [
    "DateExpression",
    "Kind",
    "Precision",
    "Relation",
    "ResolvedDate",
    "Shift",
    "anchor_relative",
    "clause_tense",
    "date_for_clause",
    "find_date_expressions",
    "fits_tense",
    "narrative_date",
    "reanchor",
    "resolve_date",
    "sole_date",
]
