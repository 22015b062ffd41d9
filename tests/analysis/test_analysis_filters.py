"""Actor codes at any level, date bounds."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.analysis import ActorCodes, DateRange, normalize_actor, open_store, parse_date
from dragoman.errors import QueryError, StoreError


def test_actor_codes_match_at_any_level() -> None:
    codes = ActorCodes(["KAZ", "KAZGOV", "KAZMIL", "KAZAKH", "RUS", "IGOEUROSC"])
    assert codes.matches("KAZ") == ["KAZ", "KAZAKH", "KAZGOV", "KAZMIL"]
    assert codes.matches("KAZ", exact=True) == ["KAZ"]
    assert codes.matches("IGO") == ["IGOEUROSC"]
    assert codes.matches("UKR") == []
    assert codes.require("kazgov") == "KAZGOV"
    with pytest.raises(QueryError, match="did you mean KAZ, KAZAKH"):
        codes.require("KAZX")


@pytest.mark.parametrize("bad", ["", "KA", "KAZ GOV", "KAZ;", "x" * 41, "KAZ' OR 1=1 --"])
def test_malformed_actor_codes(bad: str) -> None:
    with pytest.raises(QueryError, match="not an actor code"):
        normalize_actor(bad)


def test_dates_at_day_month_and_year_precision() -> None:
    assert parse_date("2025-06-15") == dt.date(2025, 6, 15)
    assert parse_date("2025-02") == dt.date(2025, 2, 1)
    assert parse_date("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_date("2025", end=True) == dt.date(2025, 12, 31)
    assert parse_date(None) is None and parse_date("") is None
    assert DateRange("2025-01", "2025-01").condition() == (
        "event_date >= ? AND event_date <= ?",
        [dt.date(2025, 1, 1), dt.date(2025, 1, 31)],
    )
    assert DateRange().condition() == ("TRUE", [])
    with pytest.raises(QueryError, match="2025-02-30"):
        parse_date("2025-02-30")


def test_missing_database(tmp_path: object) -> None:
    with (
        pytest.raises(StoreError, match="no such database"),
        open_store(f"{tmp_path}/missing.duckdb"),
    ):
        pass
