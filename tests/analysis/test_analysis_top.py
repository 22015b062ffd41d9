"""Most active actors, dyads and event types."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.analysis import top
from dragoman.errors import QueryError


def test_top_tables(event_db: Path) -> None:
    result = top(event_db, limit=3)
    actors = result.actors.to_dict(orient="records")
    assert actors[0] == {
        "code": "KAZGOV",
        "name": "Kazakhstan government",
        "events": 5,
        "as_source": 4,
        "as_target": 1,
    }
    assert len(actors) == 3
    assert result.dyads.iloc[0][["source", "target", "events"]].tolist() == ["KAZGOV", "RUSGOV", 2]
    assert result.event_types["cameo_code"].tolist()[:2] == ["040", "051"]
    assert result.event_types.iloc[0]["plover_type"] == "CONSULT"
    data = result.to_dict()
    assert data["actors"][0]["code"] == "KAZGOV"


def test_top_in_a_period(event_db: Path) -> None:
    june = top(event_db, since="2025-06-01", until="2025-06-30")
    assert set(june.actors["code"]) == {"FINGOV", "KAZ", "RUSMIL", "UKRMIL", "KAZGOV"}
    assert len(june.dyads) == 2  # the statement without a target is no dyad


def test_top_limits(event_db: Path) -> None:
    with pytest.raises(QueryError, match="limit"):
        top(event_db, limit=0)
    with pytest.raises(QueryError, match="is after"):
        top(event_db, since="2025-06", until="2025-01")
