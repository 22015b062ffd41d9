"""Actor networks, GraphML and JSON exports."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from dragoman.analysis import EDGE_COLUMNS, NODE_COLUMNS, network
from dragoman.errors import QueryError


def _edges(net: object) -> dict[tuple[str, str], int]:
    frame = net.edges  # type: ignore[attr-defined]
    return {
        (s, t): int(n)
        for s, t, n in zip(frame["source"], frame["target"], frame["events"], strict=True)
    }


def test_actor_network(event_db: Path) -> None:
    net = network(event_db)
    assert list(net.edges.columns) == list(EDGE_COLUMNS)
    assert list(net.nodes.columns) == list(NODE_COLUMNS)
    assert _edges(net) == {
        ("KAZGOV", "RUSGOV"): 2,
        ("RUSGOV", "KAZGOV"): 1,
        ("KAZ", "RUS"): 1,
        ("RUSMIL", "KAZ"): 1,
        ("KAZGOV", "IGOEUROSC"): 1,
        ("FINGOV", "KAZ"): 1,
        ("RUSMIL", "UKRMIL"): 1,
    }
    first = net.nodes.iloc[0]
    assert first["id"] == "KAZGOV"
    assert (first["events_sent"], first["events_received"], first["partners"]) == (3, 1, 2)
    assert first["name"] == "Kazakhstan government"  # the code's label, not a mention's entry


def test_min_events_level_actors_and_limit(event_db: Path) -> None:
    assert _edges(network(event_db, min_events=2)) == {("KAZGOV", "RUSGOV"): 2}
    countries = _edges(network(event_db, level="country"))
    assert countries[("KAZ", "RUS")] == 3 and countries[("RUS", "KAZ")] == 2
    assert ("KAZ", "IGOEUROSC") in countries  # organizations keep their code
    ukr = _edges(network(event_db, actors=["UKR"]))
    assert ukr == {("RUSMIL", "UKRMIL"): 1}
    assert len(network(event_db, limit=3).edges) == 3
    assert _edges(network(event_db, since="2025-06")) == {
        ("FINGOV", "KAZ"): 1,
        ("RUSMIL", "UKRMIL"): 1,
    }


def test_graphml_and_json_exports(event_db: Path, tmp_path: Path) -> None:
    net = network(event_db)
    net.write_graphml(tmp_path / "net.graphml")
    graph = nx.read_graphml(tmp_path / "net.graphml")
    assert graph.is_directed()
    assert graph.number_of_edges() == 7
    assert graph.edges["KAZGOV", "RUSGOV"]["events"] == 2
    assert graph.nodes["KAZGOV"]["events_sent"] == 3
    net.write_json(tmp_path / "net.json")
    data = json.loads((tmp_path / "net.json").read_text(encoding="utf-8"))
    assert data["directed"] is True
    assert {"source": "KAZGOV", "target": "RUSGOV"}.items() <= data["edges"][0].items()
    assert len(data["nodes"]) == len(net.nodes)


def test_bad_network_queries(event_db: Path) -> None:
    with pytest.raises(QueryError, match="min_events"):
        network(event_db, min_events=0)
    with pytest.raises(QueryError, match="level"):
        network(event_db, level="region")
    with pytest.raises(QueryError, match="unknown actor 'ZZZ'"):
        network(event_db, actors=["ZZZ"])
    with pytest.raises(QueryError, match="since"):
        network(event_db, since="June")
