"""The records of the temporal package: a resolved date and a date expression in a Doc."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["DateExpression", "Kind", "Precision", "Relation", "ResolvedDate", "Shift"]


class Precision(enum.StrEnum):
    """How much of a date the text gives. ``date`` is the first day of the period."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Relation(enum.StrEnum):
    """Where the period lies with respect to the story date."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


class Kind(enum.StrEnum):
    """How an expression gets its date (the TimeML distinction).

    ``absolute`` needs nothing ("March 3, 2024", "in 2010"); ``deictic`` is relative to the
    story date ("yesterday", "last week", "on Tuesday", "March 3"); ``anaphoric`` is relative
    to another time in the text ("three days earlier", "the previous day", "two weeks prior
    to the visit"), and falls back to the story date when there is none.
    """

    ABSOLUTE = "absolute"
    DEICTIC = "deictic"
    ANAPHORIC = "anaphoric"


@dataclass(frozen=True, slots=True)
class Shift:
    """A signed distance from an anchor date: ``Shift(-14, "day")`` is "two weeks prior".

    Attributes:
        amount: Number of units, negative for the past.
        unit: ``day``, ``month`` or ``year`` (weeks are counted in days, decades in years).
    """

    amount: int
    unit: str


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """What a date expression means, given a story date.

    Attributes:
        date: ISO date ``YYYY-MM-DD``; for month and year precision the first day of the
            period.
        precision: Day, month or year.
        relation: Past, present or future with respect to the story date.
        kind: Absolute, deictic or anaphoric (see :class:`Kind`).
        anchor: ``"story"`` when resolved against the story date, ``"text"`` for an
            absolute date, or the text of the expression it was counted from.
        approximate: True when the text names a vaguer period than ``date`` shows ("last
            week" gives a day a week before the anchor; "about two weeks ago").
        qualifier: ``since``, ``until``, ``before``, ``after``, ``by`` or ``from`` when the
            expression bounds a period instead of naming when ("since 2019"), else None.
        shift: For anaphoric expressions, the distance from the anchor, so the expression
            can be counted again from another anchor (:func:`reanchor`); else None.
        rule: The rule that read it (``weekday``, ``ago``, ``dateparser``, ...).
    """

    date: str
    precision: Precision
    relation: Relation
    kind: Kind
    anchor: str = "story"
    approximate: bool = False
    qualifier: str | None = None
    shift: Shift | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in a parsed document, with its resolution.

    Attributes:
        text: The words of the expression (a leading "in"/"on" is left out; "since",
            "until", "before", "after", "by" are kept, see ``qualifier``).
        start: Character offset in the document.
        end: Character offset just past the expression.
        token_start: Index of the first token.
        token_end: Index just past the last token.
        root: Index of the syntactic head token of the expression.
        date: ISO date ``YYYY-MM-DD`` (first day of the period for month and year).
        precision: ``day``, ``month`` or ``year``.
        relation: ``past``, ``present`` or ``future`` with respect to the story date.
        kind: ``absolute``, ``deictic`` or ``anaphoric``.
        anchor: ``"story"``, ``"text"`` (absolute), or the text of the expression it was
            counted from ("two days later" after "on March 3" has anchor ``"March 3"``).
        approximate: True when the text names a vaguer period than ``date`` shows.
        qualifier: ``since``, ``until``, ``before``, ``after``, ``by``, ``from`` or None.
        future: Whether the clause was read as future ("will meet on Tuesday").
        shift: Distance from the anchor for anaphoric expressions, else None.
        reference: For "two weeks prior to X's visit", the text of the phrase it is
            relative to ("X's visit"), else None.
        reference_index: Index of the head token of ``reference`` ("visit"), else None.
        governor: Index of the verb the expression attaches to ("met" in "met on
            Tuesday"), else None.
        rule: The rule that read it.
    """

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    root: int
    date: str
    precision: Precision
    relation: Relation
    kind: Kind
    anchor: str = "story"
    approximate: bool = False
    qualifier: str | None = None
    future: bool = False
    shift: Shift | None = None
    reference: str | None = None
    reference_index: int | None = None
    governor: int | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the expression (enums as their string values)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "date": self.date,
            "precision": str(self.precision),
            "relation": str(self.relation),
            "kind": str(self.kind),
            "anchor": self.anchor,
            "approximate": self.approximate,
            "qualifier": self.qualifier,
            "reference": self.reference,
        }
