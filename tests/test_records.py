from __future__ import annotations

import datetime as dt

import pytest

from dragoman import InputError, normalize_date
from dragoman.records import Actor, make_event_id


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2025-06-01", "2025-06-01"),
        ("2025-03-14 20:30:26Z", "2025-03-14"),
        ("2025-03-14T20:30:26+00:00", "2025-03-14"),
        (dt.date(2024, 2, 29), "2024-02-29"),
        (dt.datetime(2024, 2, 29, 12, 0), "2024-02-29"),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["01/06/2025", "2025-13-01", "2025-02-30", "June 1", "20250601x"])
def test_normalize_date_rejects(bad: str) -> None:
    with pytest.raises(InputError, match="date"):
        normalize_date(bad)


def test_event_id_is_stable_and_depends_on_identity() -> None:
    a = Actor("KAZGOV", "Kazakhstan government", "Tokayev", 10, 17)
    b = Actor("IGOEUROSC", "OSCE", "the OSCE", 30, 38)
    first = make_event_id("doc1", 20, a, b, "111")
    assert first == make_event_id("doc1", 20, a, b, "111")
    assert len(first) == 16
    assert first != make_event_id("doc2", 20, a, b, "111")
    assert first != make_event_id("doc1", 20, a, b, "112")
    assert first != make_event_id("doc1", 20, a, None, "111")
