"""Calendar arithmetic on periods: shifting, weekdays, and where a period lies."""

from __future__ import annotations

import calendar
import datetime as dt

from dragoman.temporal._model import Precision, Relation

__all__ = [
    "period_end",
    "period_start",
    "relation_to",
    "shift_date",
    "weekday_near",
]


def period_start(day: dt.date, precision: Precision) -> dt.date:
    """Return the first day of the period of ``precision`` that contains ``day``."""
    if precision is Precision.YEAR:
        return dt.date(day.year, 1, 1)
    if precision is Precision.MONTH:
        return dt.date(day.year, day.month, 1)
    return day


def period_end(start: dt.date, precision: Precision) -> dt.date:
    """Return the last day of the period of ``precision`` that starts at ``start``."""
    if precision is Precision.YEAR:
        return dt.date(start.year, 12, 31)
    if precision is Precision.MONTH:
        return dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return start


def relation_to(start: dt.date, precision: Precision, story: dt.date | None) -> Relation:
    """Return whether a period lies before, around or after the story date.

    Args:
        start: First day of the period.
        precision: Its length.
        story: The story date; None counts as present.

    Returns:
        The relation.
    """
    if story is None:
        return Relation.PRESENT
    if period_end(start, precision) < story:
        return Relation.PAST
    if start > story:
        return Relation.FUTURE
    return Relation.PRESENT


def shift_date(day: dt.date, amount: int, unit: str) -> dt.date:
    """Move a date by whole days, months or years (month ends are clamped: Mar 31 - 1 month
    is Feb 28/29).

    Args:
        day: The date to move.
        amount: Number of units, negative for the past.
        unit: ``day``, ``month`` or ``year``.

    Returns:
        The moved date.
    """
    if unit == "day":
        return day + dt.timedelta(days=amount)
    months = amount * 12 if unit == "year" else amount
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def weekday_near(story: dt.date, weekday: int, direction: str) -> dt.date:
    """Return the given weekday nearest the story date in one direction.

    Args:
        story: The story date.
        weekday: Monday 0 ... Sunday 6.
        direction: ``past`` (on or before the story date), ``future`` (on or after it),
            ``strict-past`` or ``strict-future`` (the story date itself excluded).

    Returns:
        The date.
    """
    back = (story.weekday() - weekday) % 7
    forward = (weekday - story.weekday()) % 7
    if direction == "past":
        return story - dt.timedelta(days=back)
    if direction == "strict-past":
        return story - dt.timedelta(days=back or 7)
    if direction == "future":
        return story + dt.timedelta(days=forward)
    return story + dt.timedelta(days=forward or 7)
