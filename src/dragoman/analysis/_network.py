"""Actor networks: who acts on whom, how often and how (mean Goldstein score).

Nodes are actor codes (or countries, with ``level="country"``); a directed edge from A to B
holds the events A directed at B. Exported as GraphML (through networkx) or as node-link
JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dragoman._extras import require
from dragoman.analysis._dyads import QUAD_COLUMNS, frame_records
from dragoman.analysis._filters import ActorCodes, DateRange, actor_condition, open_store
from dragoman.errors import QueryError
from dragoman.store import EventStore

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["EDGE_COLUMNS", "NETWORK_LEVELS", "NODE_COLUMNS", "Network", "network"]

#: Node granularity: the full actor code, or its country (organizations keep their code).
NETWORK_LEVELS = ("actor", "country")

#: Columns of :attr:`Network.edges`.
EDGE_COLUMNS = (
    "source",
    "target",
    "events",
    *QUAD_COLUMNS,
    "goldstein_sum",
    "goldstein_mean",
)

#: Columns of :attr:`Network.nodes`.
NODE_COLUMNS = ("id", "name", "events_sent", "events_received", "events", "partners")

# Codes whose first three letters are not a country (CAMEO manual, ch. 3); at country level
# they keep their whole code, so the OSCE and the UN stay apart.
_NOT_COUNTRY = ("IGO", "NGO", "MNC", "IMG", "UIS", "NGM", "---")


@dataclass(frozen=True)
class Network:
    """A directed actor network.

    Attributes:
        nodes: One row per actor: ``id``, ``name``, ``events_sent``, ``events_received``,
            ``events`` and ``partners`` (distinct actors it is linked to).
        edges: One row per ordered pair: ``source``, ``target``, ``events``, counts per
            quad class, ``goldstein_sum`` and ``goldstein_mean``.
    """

    nodes: pd.DataFrame
    edges: pd.DataFrame

    def to_networkx(self) -> nx.DiGraph[str]:
        """Return the network as a networkx ``DiGraph`` with the table columns as attributes."""
        import networkx as nx

        graph: nx.DiGraph[str] = nx.DiGraph()
        for row in frame_records(self.nodes):
            node = row.pop("id")
            graph.add_node(node, **{k: ("" if v is None else v) for k, v in row.items()})
        for row in frame_records(self.edges):
            graph.add_edge(row.pop("source"), row.pop("target"), **row)
        return graph

    def to_dict(self) -> dict[str, Any]:
        """Return node-link JSON data: ``{"directed": true, "nodes": [...], "edges": [...]}``."""
        return {
            "directed": True,
            "nodes": frame_records(self.nodes),
            "edges": frame_records(self.edges),
        }

    def write_graphml(self, path: str | Path) -> None:
        """Write the network as GraphML (Gephi, Cytoscape, igraph read it)."""
        import networkx as nx

        nx.write_graphml(self.to_networkx(), str(path))

    def write_json(self, path: str | Path) -> None:
        """Write the node-link JSON of :meth:`to_dict`."""
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")


def _node_expr(column: str, level: str) -> str:
    if level == "actor":
        return column
    prefixes = ", ".join(f"'{p}'" for p in _NOT_COUNTRY)
    return (
        f"CASE WHEN length({column}) <= 3 OR substr({column}, 1, 3) IN ({prefixes}) "
        f"THEN {column} ELSE substr({column}, 1, 3) END"
    )


def network(
    store_or_path: EventStore | str | Path,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    min_events: int = 1,
    level: str = "actor",
    actors: Sequence[str] = (),
    exact: bool = False,
    limit: int | None = None,
) -> Network:
    """Build the directed network of who acted on whom.

    Example:
        >>> net = network("events.duckdb", since="2025", min_events=3)  # doctest: +SKIP
        >>> net.write_graphml("actors.graphml")                          # doctest: +SKIP

    Args:
        store_or_path: An open store, or a database file (opened read-only).
        since: First day counted (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), or None.
        until: Last day counted, or None.
        min_events: Keep edges with at least this many events.
        level: ``actor`` (full codes) or ``country`` (``KAZGOV`` and ``KAZMIL`` become
            ``KAZ``; organizations keep their code).
        actors: Keep only edges touching one of these actors (any level unless ``exact``).
        exact: Match ``actors`` exactly.
        limit: Keep only the heaviest edges (by event count), or None for all.

    Returns:
        The :class:`Network`; events with no target are not edges.

    Raises:
        QueryError: A bad date, range, level, ``min_events`` or ``limit``; an unknown actor.
        StoreError: The database cannot be read.
    """
    require("plots", "dragoman.analysis.network")
    import pandas as pd

    if level not in NETWORK_LEVELS:
        raise QueryError(f"level {level!r} is not one of {', '.join(NETWORK_LEVELS)}")
    if min_events < 1:
        raise QueryError(f"min_events must be 1 or more, not {min_events}")
    if limit is not None and limit < 1:
        raise QueryError(f"limit must be 1 or more, not {limit}")
    dates = DateRange(since, until)
    date_sql, params = dates.condition()
    where = [date_sql, "target_code IS NOT NULL"]
    with open_store(store_or_path) as store:
        if actors:
            codes = ActorCodes.of(store)
            ors: list[str] = []
            for code in actors:
                wanted = codes.require(code, exact)
                for column in ("source_code", "target_code"):
                    sql, extra = actor_condition(column, wanted, exact)
                    ors.append(sql)
                    params += extra
            where.append("(" + " OR ".join(ors) + ")")
        src, tgt = _node_expr("source_code", level), _node_expr("target_code", level)
        quads = ", ".join(
            f"count(*) FILTER (WHERE quad_class = {i + 1}) AS {name}"
            for i, name in enumerate(QUAD_COLUMNS)
        )
        query = (
            f"SELECT {src} AS source, {tgt} AS target, count(*) AS events, {quads}, "
            "sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean "
            f"FROM events WHERE {' AND '.join(where)} "
            "GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, source, target"
        )
        params.append(int(min_events))
        if limit is not None:
            query += " LIMIT ?"
            params.append(int(limit))
        edge_rows = store.sql(query, params)
        names = dict(
            store.sql(
                "SELECT code, min(name) FROM ("
                " SELECT source_code AS code, source_label AS name FROM mentions"
                " UNION ALL SELECT target_code, target_label FROM mentions"
                " WHERE target_code IS NOT NULL) GROUP BY code"
            )
        )
    edges = pd.DataFrame.from_records(edge_rows, columns=list(EDGE_COLUMNS))
    edges["goldstein_sum"] = edges["goldstein_sum"].astype(float).round(6)
    edges["goldstein_mean"] = edges["goldstein_mean"].astype(float).round(6)
    stats: dict[str, dict[str, Any]] = {}
    for source, target, count in zip(
        edges["source"], edges["target"], edges["events"], strict=True
    ):
        for node, key, other in (
            (source, "events_sent", target),
            (target, "events_received", source),
        ):
            entry = stats.setdefault(
                node, {"events_sent": 0, "events_received": 0, "partners": set()}
            )
            entry[key] += int(count)
            entry["partners"].add(other)
    node_rows = [
        (
            node,
            names.get(node) or "",
            entry["events_sent"],
            entry["events_received"],
            entry["events_sent"] + entry["events_received"],
            len(entry["partners"] - {node}),
        )
        for node, entry in stats.items()
    ]
    nodes = pd.DataFrame.from_records(node_rows, columns=list(NODE_COLUMNS))
    nodes = nodes.sort_values(["events", "id"], ascending=[False, True], ignore_index=True)
    return Network(nodes=nodes, edges=edges)
