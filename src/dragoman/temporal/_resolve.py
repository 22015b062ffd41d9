"""Resolving one date expression to a date: the grammar first, dateparser for the rest."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from dragoman.records import normalize_date
from dragoman.temporal._calendar import period_start, relation_to
from dragoman.temporal._model import Kind, Precision, ResolvedDate
from dragoman.temporal._rules import FULL_RULES, MONTHS, Context

__all__ = ["dateparser_date", "parse_story_date", "resolve_date", "resolve_rule"]

_SPACES = re.compile(r"\s+")
# dateparser is asked only about texts that look like calendar dates it can read and the
# grammar does not ("3/14/2025", "March the 3rd"); anything else it reads too freely ("two
# years" comes back as a month).
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")
_MONTH_WORD = re.compile(
    r"\b(?:" + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_NOT_A_DATE = re.compile(r"-year-old|\byears?\s+old\b|\bage\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_PERIODS = {"day": Precision.DAY, "week": Precision.DAY, "time": Precision.DAY,
            "month": Precision.MONTH, "year": Precision.YEAR}  # fmt: skip


def parse_story_date(story_date: str | dt.date | None) -> dt.date | None:
    """Return the story date as a ``date``.

    Args:
        story_date: ``YYYY-MM-DD`` (a time part is ignored), a date, or None.

    Returns:
        The date, or None.

    Raises:
        InputError: The value is not a valid date.
    """
    if isinstance(story_date, dt.date) and not isinstance(story_date, dt.datetime):
        return story_date
    iso = normalize_date(story_date, bounded=False)  # dates read from the text: any year
    return dt.date.fromisoformat(iso) if iso else None


def resolve_date(
    text: str,
    story_date: str | dt.date | None,
    *,
    future: bool = False,
    anchor_date: str | dt.date | None = None,
    anchor: str = "anchor",
    use_dateparser: bool = True,
) -> ResolvedDate | None:
    """Resolve a date expression given on its own.

    Example:
        >>> resolve_date("two weeks prior", "2025-06-01").date
        '2025-05-18'
        >>> resolve_date("in 2023", "2025-06-01").precision
        <Precision.YEAR: 'year'>

    Args:
        text: The expression ("on Tuesday", "three days earlier", "March 3, 2024").
        story_date: The story date (``YYYY-MM-DD``), or None: then only expressions that
            name their year resolve (and anaphoric ones counted from ``anchor_date``).
        future: The clause speaks of the future: "Tuesday" is the next Tuesday, "March 3"
            the next March 3.
        anchor_date: The date anaphoric expressions ("three days earlier") count from;
            None counts from the story date.
        anchor: How to name ``anchor_date`` in the result's ``anchor`` field.
        use_dateparser: Ask dateparser about calendar dates the grammar does not read
            ("3/14/2025").

    Returns:
        The resolution, or None when the text is not a date expression Dragoman reads, or
        needs a story date that is missing.

    Raises:
        InputError: ``story_date`` or ``anchor_date`` is not a valid date.
    """
    story = parse_story_date(story_date)
    anchor_day = parse_story_date(anchor_date)
    ctx = Context(story, future, anchor_day, anchor if anchor_day else "story")
    cleaned = _SPACES.sub(" ", text.strip().strip(",.;:"))
    for index in range(len(FULL_RULES)):
        result = resolve_rule(index, cleaned, ctx)
        if result is not None:
            return result
    if use_dateparser:
        return dateparser_date(cleaned, story, future)
    return None


@lru_cache(maxsize=16384)
def resolve_rule(index: int, text: str, ctx: Context) -> ResolvedDate | None:
    """Resolve ``text`` with one rule of the grammar (cached).

    Args:
        index: Index of the rule in ``FULL_RULES``.
        text: The whole expression, whitespace normalized or as found in the document.
        ctx: Story date, future hint and anchor.

    Returns:
        The resolution, or None when the rule does not read the whole text, or when the date
        it names lies beyond the calendar (year 1 or 9999 and counting on).
    """
    rule = FULL_RULES[index]
    match = rule.pattern.fullmatch(text)
    if match is None:
        return None
    try:
        return rule.resolve(match, ctx)
    except (OverflowError, ValueError):  # date arithmetic past year 1 or 9999
        return None


def worth_dateparser(text: str) -> bool:
    """Return whether dateparser should be asked about ``text``."""
    if _NOT_A_DATE.search(text):
        return False
    return bool(_NUMERIC_DATE.search(text) or _MONTH_WORD.search(text))


@lru_cache(maxsize=4096)
def dateparser_date(text: str, story: dt.date | None, future: bool) -> ResolvedDate | None:
    """Ask dateparser about a calendar date the grammar does not read (cached).

    dateparser runs for English only, with absolute-date parsing and the story date as the
    base for missing parts; without a story date only texts that name a year are tried, so
    the result never depends on today's date.

    Args:
        text: The expression.
        story: The story date, or None.
        future: Prefer dates after the story date when the year is missing.

    Returns:
        The resolution (rule ``dateparser``), or None.
    """
    if not worth_dateparser(text) or (story is None and not _HAS_YEAR.search(text)):
        return None
    parser = _parser(story or dt.date(2000, 1, 1), future)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data.date_obj is None or data.period not in _PERIODS:
        return None
    precision = _PERIODS[data.period]
    start = period_start(data.date_obj.date(), precision)
    return ResolvedDate(
        date=start.isoformat(),
        precision=precision,
        relation=relation_to(start, precision, story),
        kind=Kind.ABSOLUTE if _HAS_YEAR.search(text) else Kind.DEICTIC,
        anchor="text" if _HAS_YEAR.search(text) else "story",
        approximate=data.period == "week",
        rule="dateparser",
    )


@lru_cache(maxsize=64)
def _parser(base: dt.date, future: bool) -> Any:
    """A dateparser parser for one base date: English only, no language detection."""
    from dateparser.date import DateDataParser  # imported late: it takes ~0.3 s

    return DateDataParser(
        languages=["en"],
        try_previous_locales=False,
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "future" if future else "past",
            "PREFER_DAY_OF_MONTH": "first",
            "DATE_ORDER": "MDY",
            "PARSERS": ["absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
