"""Property-based: whatever is passed to Coder.code, only DragomanError escapes (issue 16)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman import Coder, DragomanError, InputError

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

hostile_text = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=80)
words = st.sampled_from(
    [
        "Germany",
        "praised",
        "Poland",
        "last",
        "year",
        "next",
        "week",
        "on",
        "Monday",
        "two",
        "days",
        "later",
        "\x00",
        "\ud800",
        "9999",
        "0001",
        "December",
        "31,",
        ".",
        '"',
        "said",
    ]
)
sentences = st.lists(words, min_size=1, max_size=25).map(" ".join)
dates = (
    st.none()
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    | st.dates().map(dt.date.isoformat)
    | st.text(max_size=12)
)
anything = st.none() | st.integers() | st.binary(max_size=10) | st.lists(st.text(), max_size=2)


@SETTINGS
@given(text=hostile_text | sentences, date=dates)
def test_only_dragoman_errors_escape_code(coder: Coder, text: str, date: Any) -> None:
    try:
        events = coder.code(text, date=date, doc_id="p")
    except DragomanError:
        return
    assert all(e.doc_id == "p" for e in events)


@SETTINGS
@given(value=anything, where=st.sampled_from(["text", "doc_id", "date"]))
def test_wrong_types_are_input_errors(coder: Coder, value: Any, where: str) -> None:
    kwargs: dict[str, Any] = {"text": "Germany praised Poland.", "doc_id": "p", "date": None}
    kwargs[where] = value
    if where == "date" and value is None:
        return
    try:
        coder.code(kwargs.pop("text"), **kwargs)
    except InputError:
        return
    raise AssertionError(f"{where}={value!r} was accepted")
