"""Dates at the ends of the calendar: arithmetic past year 1 or 9999 resolves to nothing
instead of raising (issue 16, item 3)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from dragoman.temporal import Kind, find_date_expressions, reanchor
from dragoman.temporal import resolve_date as resolve


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("last year", dt.date(1, 3, 1)),
        ("two weeks ago", dt.date(1, 1, 3)),
        ("yesterday", dt.date(1, 1, 1)),
        ("next week", dt.date(9999, 12, 31)),
        ("next year", dt.date(9999, 6, 1)),
        ("tomorrow", dt.date(9999, 12, 31)),
        ("on Monday", dt.date(9999, 12, 31)),
    ],
)
def test_counting_past_the_calendar_gives_no_date(text: str, story: dt.date) -> None:
    assert resolve(text, story, future=text.startswith(("next", "tomorrow", "on"))) is None


def test_counting_inside_the_calendar_still_works() -> None:
    found = resolve("last year", dt.date(1801, 3, 1))
    assert found is not None and found.date == "1800-01-01"


def test_anaphoric_count_from_a_text_date_near_the_end(nlp: Language) -> None:
    text = "The ceasefire collapsed on December 30, 9999. A week later, the army shelled the port."
    dates = find_date_expressions(nlp(text), "2025-06-01", text=text)
    assert all(d.date is None or d.date <= "9999-12-31" for d in dates)


def test_reanchor_past_the_end_keeps_the_expression(nlp: Language) -> None:
    text = "The talks ended on May 1, 2025. A week later, the army shelled the port."
    later = find_date_expressions(nlp(text), "2025-06-01", text=text)[-1]
    assert later.kind is Kind.ANAPHORIC and later.shift is not None
    assert reanchor(later, "9999-12-30", "2025-06-01") == later
    assert reanchor(later, "2025-01-01", "2025-06-01").date == "2025-01-08"
