"""What every analysis query shares: the store to read, actor codes at any level, date ranges
and period lengths, each checked once with a message that says what to write instead.

Actor codes are hierarchical (CAMEO manual, ch. 3): ``KAZ`` is Kazakhstan, ``KAZGOV`` its
government, ``KAZGOVMIL`` ... . A code given to a query matches every code that begins with it
unless the query asks for exact matches.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from dragoman.errors import QueryError
from dragoman.store import EventStore

__all__ = [
    "FREQUENCIES",
    "ActorCodes",
    "DateRange",
    "actor_condition",
    "normalize_actor",
    "open_store",
    "parse_date",
]

#: Period lengths a time series can be cut into (DuckDB ``date_trunc`` parts; weeks start
#: on Monday, as ISO weeks do).
FREQUENCIES = ("day", "week", "month", "quarter", "year")

_CODE = re.compile(r"^[A-Z0-9-]{3,40}$")
_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Actor code lists are cached per read-only store: such a file cannot change while it is open.
_CODES: weakref.WeakKeyDictionary[EventStore, ActorCodes] = weakref.WeakKeyDictionary()


@contextmanager
def open_store(store_or_path: EventStore | str | Path) -> Iterator[EventStore]:
    """Yield an open store: the one given, or the file opened read-only (and closed after).

    Args:
        store_or_path: An open :class:`~dragoman.store.EventStore`, or a database file.

    Raises:
        StoreError: The file is missing or not an event store.
    """
    if isinstance(store_or_path, EventStore):
        yield store_or_path
        return
    store = EventStore(store_or_path, read_only=True)
    try:
        yield store
    finally:
        store.close()


def normalize_actor(code: str, what: str = "actor") -> str:
    """Return an actor code in upper case, or raise if it cannot be one.

    Args:
        code: ``KAZ``, ``kazgov``, ``IGOEUROSC``, ``---REB``.
        what: How the message names the value (``source``, ``target``, ``actor``).

    Raises:
        QueryError: Not made of 3 to 40 letters, digits or dashes.
    """
    text = str(code).strip().upper()
    if not _CODE.match(text):
        shown = str(code)[:60]
        raise QueryError(
            f"{what} {shown!r} is not an actor code; give a CAMEO actor code of 3 or more "
            "letters such as KAZ, KAZGOV or IGOEUROSC"
        )
    return text


def actor_condition(column: str, code: str, exact: bool) -> tuple[str, list[Any]]:
    """Return an SQL condition (with its parameters) matching an actor code column.

    Args:
        column: The column (a trusted name, never user input).
        code: A normalized actor code.
        exact: Match the code only, not the codes below it.

    Returns:
        ``("starts_with(source_code, ?)", ["KAZ"])`` or ``("source_code = ?", ["KAZ"])``.
    """
    if exact:
        return f"{column} = ?", [code]
    return f"starts_with({column}, ?)", [code]


def _parse_one(value: str | dt.date | None, name: str, end: bool) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if _DAY.match(text):
            return dt.date.fromisoformat(text)
        if _MONTH.match(text):
            first = dt.date.fromisoformat(text + "-01")
            if not end:
                return first
            # the month's own last day: no arithmetic past it (December 9999 has no next month)
            return first.replace(day=calendar.monthrange(first.year, first.month)[1])
        if _YEAR.match(text):
            year = int(text)
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError as exc:
        raise QueryError(f"{name} {text[:40]!r} is not a valid calendar date") from exc
    raise QueryError(f"{name} {text[:40]!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")


def parse_date(
    value: str | dt.date | None, name: str = "date", *, end: bool = False
) -> dt.date | None:
    """Read a date bound: ``2025-06-01``, ``2025-06`` or ``2025`` (or a ``date``).

    Args:
        value: The value, or None / empty for no bound.
        name: How the message names it (``since``, ``until``).
        end: Read a month or year as its last day (for ``until``), else its first.

    Returns:
        The date, or None.

    Raises:
        QueryError: Not a date in one of these forms.
    """
    return _parse_one(value, name, end)


class DateRange:
    """An inclusive range of event dates; either end may be open.

    Args:
        since: First day (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), or None.
        until: Last day (a month or year means its last day), or None.

    Raises:
        QueryError: A bound is not a date, or ``since`` is after ``until``.
    """

    def __init__(self, since: str | dt.date | None = None, until: str | dt.date | None = None):
        self.since = parse_date(since, "since")
        self.until = parse_date(until, "until", end=True)
        if self.since and self.until and self.since > self.until:
            raise QueryError(
                f"since {self.since} is after until {self.until}; swap them or widen the range"
            )

    def condition(self, column: str = "event_date") -> tuple[str, list[Any]]:
        """Return the SQL condition and parameters for this range (``TRUE`` if open)."""
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"{column} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{column} <= ?")
            params.append(self.until)
        return (" AND ".join(parts) or "TRUE"), params


class ActorCodes:
    """The actor codes an event store holds (as source or target), for checking queries.

    Args:
        codes: The distinct codes.
    """

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = sorted(set(codes))

    @classmethod
    def of(cls, store: EventStore) -> ActorCodes:
        """Return the codes of a store (cached for read-only stores)."""
        if store.read_only and store in _CODES:
            return _CODES[store]
        rows = store.sql(
            "SELECT DISTINCT source_code FROM mentions "
            "UNION SELECT DISTINCT target_code FROM mentions WHERE target_code IS NOT NULL"
        )
        found = cls([str(row[0]) for row in rows])
        if store.read_only:
            _CODES[store] = found
        return found

    def matches(self, code: str, exact: bool = False) -> list[str]:
        """Return the stored codes a query code matches (itself, or the codes below it)."""
        start = bisect.bisect_left(self.codes, code)
        if exact:
            return [code] if start < len(self.codes) and self.codes[start] == code else []
        out = []
        for stored in self.codes[start:]:
            if not stored.startswith(code):
                break
            out.append(stored)
        return out

    def require(self, code: str, exact: bool = False, what: str = "actor") -> str:
        """Return the normalized code if some event has it, else raise with suggestions.

        Args:
            code: The code given by the user.
            exact: Whether only that code counts (else any code below it).
            what: How the message names the value.

        Raises:
            QueryError: Not an actor code, or no stored event has that actor.
        """
        normalized = normalize_actor(code, what)
        if self.matches(normalized, exact):
            return normalized
        hint = self.suggest(normalized)
        more = f"; did you mean {', '.join(hint)}?" if hint else ""
        below = "" if exact else " (or a code beginning with it)"
        raise QueryError(
            f"unknown {what} {normalized!r}: no event in the database has it{below} as source "
            f"or target{more}"
        )

    def suggest(self, code: str, limit: int = 5) -> list[str]:
        """Return stored codes close to a code: same country first, then by spelling."""
        import difflib

        same_head = [c for c in self.codes if c[:3] == code[:3]]
        if same_head:
            return same_head[:limit]
        return difflib.get_close_matches(code, self.codes, n=limit, cutoff=0.6)
