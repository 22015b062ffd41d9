"""An in-memory index of the mentions, so an event search costs a few array operations
instead of scans of the database's string columns.

The server opens the store read-only, and DuckDB lets no writer in while it is open, so the
index built at start-up stays true. It holds one small integer per mention and column, in
the search's output order (newest first, then event id): the code columns as positions in
their sorted vocabularies, where every code that begins with a prefix (``KAZ`` for
``KAZGOV``) is one contiguous range. When the event records and sentences fit in a memory
budget (512 MB of text by default: about 500,000 events), they are kept too, so a search
reads nothing from the database; else words in the sentence are looked up by DuckDB and the
page's records read from it by event id.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from dragoman.server._queries import Criteria
    from dragoman.store import EventStore

__all__ = ["EventIndex"]

_EPOCH = dt.date(1970, 1, 1)
_NO_DATE = -(2**31)

#: Characters of event records and sentences kept in memory at most (else read from DuckDB).
MEMORY_BUDGET = 512_000_000


@dataclass
class _Column:
    """A code column: sorted vocabulary and each row's position in it (-1: NULL)."""

    vocab: list[str]
    values: npt.NDArray[np.int32]

    @classmethod
    def of(cls, raw: Any) -> _Column:
        import numpy as np

        filled = np.array(["" if v is None else str(v) for v in raw], dtype=object)
        vocab, inverse = np.unique(filled, return_inverse=True)
        values = inverse.astype(np.int32)
        words = [str(v) for v in vocab]
        if words and words[0] == "":
            values -= 1  # NULL (stored as "") becomes -1
            words = words[1:]
        return cls(words, values)

    def equal(self, value: str) -> npt.NDArray[np.bool_]:
        index = bisect.bisect_left(self.vocab, value)
        import numpy as np

        if index < len(self.vocab) and self.vocab[index] == value:
            return np.asarray(self.values == index, dtype=bool)
        return np.zeros(len(self.values), dtype=bool)

    def prefix(self, value: str) -> npt.NDArray[np.bool_]:
        low = bisect.bisect_left(self.vocab, value)
        high = bisect.bisect_left(self.vocab, value + "\U0010ffff")
        import numpy as np

        return np.asarray((self.values >= low) & (self.values < high), dtype=bool)

    def match(self, value: str, exact: bool) -> npt.NDArray[np.bool_]:
        return self.equal(value) if exact else self.prefix(value)


class EventIndex:
    """The mentions of a read-only store, indexed for :func:`search_events`.

    Args:
        store: The store (read-only).
        memory_budget: Keep records and sentences in memory if their text is at most this
            many characters.
    """

    def __init__(self, store: EventStore, memory_budget: int = MEMORY_BUDGET) -> None:
        import numpy as np

        from dragoman.server._queries import cursor

        with cursor(store) as cur:
            data = cur.execute(
                "SELECT rowid, event_id, event_date, source_code, target_code, cameo_code, "
                "plover_type, quad_class, negated, doc_id FROM mentions "
                "ORDER BY event_date DESC NULLS LAST, event_id"
            ).fetchnumpy()
        self.size = len(data["event_id"])
        self.event_ids = np.asarray(data["event_id"], dtype=object)
        rowids = np.asarray(data["rowid"], dtype=np.int64)
        self._position = np.full(int(rowids.max()) + 1 if self.size else 0, -1, dtype=np.int64)
        self._position[rowids] = np.arange(self.size)
        dates: Any = data["event_date"]
        days = np.full(self.size, _NO_DATE, dtype=np.int64)
        if self.size:
            mask = ~np.ma.getmaskarray(dates)
            valid = np.ma.getdata(dates)[mask].astype("datetime64[D]").astype(np.int64)
            days[mask] = valid
        self.days = days
        self.source = _Column.of(data["source_code"])
        self.target = _Column.of(data["target_code"])
        self.cameo = _Column.of(data["cameo_code"])
        self.plover = _Column.of(data["plover_type"])
        self.doc = _Column.of(data["doc_id"])
        self.quad = np.asarray(np.ma.filled(data["quad_class"], 0), dtype=np.int8)
        self.negated = np.asarray(np.ma.filled(data["negated"], False), dtype=bool)
        self.records: list[str] | None = None
        self._text: str | None = None
        self._starts: npt.NDArray[np.int64] | None = None
        with cursor(store) as cur:
            size = cur.execute(
                "SELECT coalesce(sum(length(data) + length(coalesce(sentence, ''))), 0) "
                "FROM mentions"
            ).fetchall()[0][0]
            if int(size) <= memory_budget:
                rows = cur.execute(
                    "SELECT m.data, d.title, lower(coalesce(m.sentence, '')) FROM mentions AS m "
                    "JOIN documents AS d USING (doc_id) "
                    "ORDER BY m.event_date DESC NULLS LAST, m.event_id"
                ).fetchall()
                # Each record with its document's title, as the search returns it.
                self.records = [
                    '{"title": ' + json.dumps(title, ensure_ascii=False) + ", " + data[1:]
                    for data, title, _ in rows
                ]
                sentences = [sentence.replace("\x00", " ") for _, _, sentence in rows]
                self._text = "\x00".join(sentences)
                lengths = np.fromiter(
                    (len(x) + 1 for x in sentences), dtype=np.int64, count=len(sentences)
                )
                self._starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)

    def _text_hits(self, store: EventStore, text: str) -> npt.NDArray[np.bool_]:
        import numpy as np

        from dragoman.server._queries import cursor

        hits = np.zeros(self.size, dtype=bool)
        if self._text is not None and self._starts is not None:
            needle = text.lower().replace("\x00", " ")
            found: list[int] = []
            at = self._text.find(needle)
            while at >= 0:
                found.append(at)
                at = self._text.find(needle, at + 1)
            if found:
                rows = np.searchsorted(self._starts, np.asarray(found), side="right") - 1
                hits[rows] = True
            return hits
        with cursor(store) as cur:
            rowids = cur.execute(
                "SELECT rowid FROM mentions WHERE contains(lower(sentence), lower(?))", [text]
            ).fetchnumpy()["rowid"]
        hits[self._position[np.asarray(rowids, dtype=np.int64)]] = True
        return hits

    def search(
        self, store: EventStore, criteria: Criteria, limit: int, offset: int, order: str
    ) -> tuple[int, list[str], list[str] | None]:
        """Return the number of matching mentions, the event ids of one page and, when kept
        in memory, their JSON records (each with the document's ``title``).

        Args:
            store: The store (for the words-in-sentence lookup).
            criteria: Checked filters.
            limit: Page size.
            offset: Mentions to skip.
            order: ``desc`` (newest first) or ``asc``.
        """
        import numpy as np

        mask = np.ones(self.size, dtype=bool)
        if criteria.actor:
            mask &= self.source.match(criteria.actor, criteria.exact) | self.target.match(
                criteria.actor, criteria.exact
            )
        if criteria.source:
            mask &= self.source.match(criteria.source, criteria.exact)
        if criteria.target:
            mask &= self.target.match(criteria.target, criteria.exact)
        if criteria.code:
            mask &= self.cameo.prefix(criteria.code)
        if criteria.plover:
            mask &= self.plover.equal(criteria.plover)
        if criteria.quad is not None:
            mask &= self.quad == criteria.quad
        if criteria.since:
            mask &= self.days >= (criteria.since - _EPOCH).days
        if criteria.until:
            mask &= (self.days <= (criteria.until - _EPOCH).days) & (self.days != _NO_DATE)
        if criteria.doc:
            mask &= self.doc.equal(criteria.doc)
        if not criteria.negated:
            mask &= ~self.negated
        if criteria.text and mask.any():
            mask &= self._text_hits(store, criteria.text)
        positions = np.flatnonzero(mask)
        if order == "asc":  # oldest first, then event id descending; undated ones last
            dated = self.days[positions] != _NO_DATE
            positions = np.concatenate([positions[dated][::-1], positions[~dated][::-1]])
        page = positions[offset : offset + limit]
        records = [self.records[i] for i in page] if self.records is not None else None
        return len(positions), [str(v) for v in self.event_ids[page]], records
