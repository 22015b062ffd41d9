"""The in-memory index finds exactly what the SQL search finds, in the same order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.analysis import ActorCodes
from dragoman.server._index import EventIndex
from dragoman.server._queries import EventFilter, search_events
from dragoman.store import EventStore


@pytest.fixture(scope="module")
def store(event_db: Path) -> Iterator[EventStore]:
    with EventStore(event_db, read_only=True) as opened:
        yield opened


FILTERS = [
    EventFilter(),
    EventFilter(actor="KAZ"),
    EventFilter(actor="KAZ", exact=True),
    EventFilter(source="RUS", target="KAZ"),
    EventFilter(target="IGO"),
    EventFilter(code="0"),
    EventFilter(code="112"),
    EventFilter(plover="CONSULT"),
    EventFilter(quad=3),
    EventFilter(since="2025-02-20", until="2025-04"),
    EventFilter(until="2025-01-14"),
    EventFilter(text="kazakh"),
    EventFilter(text="Kazakh", actor="RUS"),
    EventFilter(doc="d05", negated=True),
    EventFilter(negated=True),
    EventFilter(source="KAZ", target="RUS", negated=True, since="2025-03"),
]


@pytest.mark.parametrize("filters", FILTERS, ids=[str(i) for i in range(len(FILTERS))])
@pytest.mark.parametrize("order", ["desc", "asc"])
@pytest.mark.parametrize("budget", [10**9, 0], ids=["in-memory", "from-duckdb"])
def test_index_and_sql_agree(
    store: EventStore, filters: EventFilter, order: str, budget: int
) -> None:
    codes = ActorCodes.of(store)
    index = EventIndex(store, memory_budget=budget)
    assert (index.records is None) == (budget == 0)
    for limit, offset in ((50, 0), (2, 1), (3, 7)):
        by_sql = search_events(store, codes, filters, limit, offset, order)
        by_index = search_events(store, codes, filters, limit, offset, order, index)
        assert by_index.total == by_sql.total
        assert [e["event_id"] for e in by_index.events] == [e["event_id"] for e in by_sql.events]
        assert [e["title"] for e in by_index.events] == [e["title"] for e in by_sql.events]
        assert json.loads(by_index.to_json()) == by_sql.to_dict()


def test_known_counts(store: EventStore) -> None:
    codes = ActorCodes.of(store)
    index = EventIndex(store)
    assert index.size == 10
    assert search_events(store, codes, EventFilter(actor="KAZ"), 50, 0, "desc", index).total == 8
    page = search_events(store, codes, EventFilter(text="kazakh"), 50, 0, "asc", index)
    assert [e["doc_id"] for e in page.events] == ["d01", "d02", "d04", "d06", "d08", "d10"]
