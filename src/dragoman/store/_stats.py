"""What is in a store: counts, date range, the most frequent codes, failures by stage."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any

from dragoman.store._store import EventStore

__all__ = ["StoreStats", "store_stats"]


@dataclass(frozen=True)
class StoreStats:
    """A summary of a store (``dragoman stats``).

    Attributes:
        path: The database file.
        size_bytes: Its size on disk.
        schema_version: The schema version it was written with.
        documents: Stored documents.
        documents_with_text: Documents whose full text is stored.
        outlets: Distinct outlets (URL hosts or input files).
        first_date: Earliest story date, ISO, or None.
        last_date: Latest story date, ISO, or None.
        last_ingested: When the last document was stored (UTC, ISO), or None.
        mentions: Coded event mentions (one per event per document).
        negated_mentions: Mentions the text denies.
        events: Deduplicated events (day, source, target, code).
        events_in_several_articles: Events reported by more than one article.
        actors: Actor occurrences.
        quotes: Stored quotes.
        failures: Failure rows.
        failures_by_stage: Failure counts per stage.
        top_failures: The most frequent (stage, reason, count), at most 10.
        top_roots: The most frequent CAMEO roots among events (root, name, count).
        top_sources: The most frequent source actors among events (code, count).
    """

    path: str
    size_bytes: int
    schema_version: int
    documents: int
    documents_with_text: int
    outlets: int
    first_date: str | None
    last_date: str | None
    last_ingested: str | None
    mentions: int
    negated_mentions: int
    events: int
    events_in_several_articles: int
    actors: int
    quotes: int
    failures: int
    failures_by_stage: dict[str, int] = field(default_factory=dict)
    top_failures: list[tuple[str, str, int]] = field(default_factory=list)
    top_roots: list[tuple[str, str, int]] = field(default_factory=list)
    top_sources: list[tuple[str, int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the stats as JSON-ready data."""
        return asdict(self)


def _one(store: EventStore, query: str) -> Any:
    return store.sql(query)[0][0]


def store_stats(store: EventStore) -> StoreStats:
    """Summarize a store.

    Args:
        store: An open store.

    Returns:
        Counts, dates, top codes and failures.
    """
    from dragoman.ontology import cameo, is_cameo_code

    docs = store.sql(
        "SELECT count(*), count(text), count(DISTINCT outlet), min(story_date), "
        "max(story_date), max(ingested_at) FROM documents"
    )[0]
    mentions = store.sql("SELECT count(*), count(*) FILTER (WHERE negated) FROM mentions")[0]
    events = store.sql("SELECT count(*), count(*) FILTER (WHERE num_articles > 1) FROM events")[0]
    by_stage = {
        str(stage): int(n)
        for stage, n in store.sql(
            "SELECT stage, count(*) FROM failures GROUP BY stage ORDER BY count(*) DESC, stage"
        )
    }
    top_failures = [
        (str(stage), str(reason), int(n))
        for stage, reason, n in store.sql(
            "SELECT stage, reason, count(*) AS n FROM failures GROUP BY stage, reason "
            "ORDER BY n DESC, stage, reason LIMIT 10"
        )
    ]
    roots = []
    for root, n in store.sql(
        "SELECT root_code, count(*) AS n FROM events GROUP BY root_code "
        "ORDER BY n DESC, root_code LIMIT 10"
    ):
        name = cameo(str(root)).name if is_cameo_code(str(root)) else ""
        roots.append((str(root), name, int(n)))
    sources = [
        (str(code), int(n))
        for code, n in store.sql(
            "SELECT source_code, count(*) AS n FROM events GROUP BY source_code "
            "ORDER BY n DESC, source_code LIMIT 10"
        )
    ]
    return StoreStats(
        path=store.path,
        size_bytes=os.path.getsize(store.path) if os.path.exists(store.path) else 0,
        schema_version=store.version,
        documents=int(docs[0]),
        documents_with_text=int(docs[1]),
        outlets=int(docs[2]),
        first_date=docs[3].isoformat() if docs[3] else None,
        last_date=docs[4].isoformat() if docs[4] else None,
        last_ingested=docs[5].isoformat(timespec="seconds") if docs[5] else None,
        mentions=int(mentions[0]),
        negated_mentions=int(mentions[1]),
        events=int(events[0]),
        events_in_several_articles=int(events[1]),
        actors=int(_one(store, "SELECT count(*) FROM actors")),
        quotes=int(_one(store, "SELECT count(*) FROM quotes")),
        failures=sum(by_stage.values()),
        failures_by_stage=by_stage,
        top_failures=top_failures,
        top_roots=roots,
        top_sources=sources,
    )
