"""The feed: reads inputs lazily and hands out chunks of documents that still need coding.

Deduplication happens here, in input order, before any coding, so parallel coding cannot
change which of two documents with the same id wins: the first one read is coded; a later
one with the same text is skipped, and one with another text is a ``duplicate`` failure.
Documents already in the store (from an earlier or interrupted run) are skipped the same way,
which is what makes a re-run resume where the last committed batch ended.
"""

from __future__ import annotations

import collections
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from dragoman.corpus._work import WorkItem
from dragoman.ingest import InputProblem, SourcedDocument, expand_paths, scan_inputs
from dragoman.store import EventStore, content_hash, failure_row

__all__ = ["Feed"]

#: Documents read ahead and checked against the store in one query.
_LOOKAHEAD = 64

_DUPLICATE = (
    "another document with this id and a different text came first; give each document its own id"
)


class Feed:
    """Chunks of new documents from input paths, with failures for the bad ones.

    Args:
        store: The store to check for documents already stored.
        paths: Files, directories or ``-``.
        chunk_size: Documents per chunk.
        default_date: Story date for documents that carry none.
        input_format: ``auto``, ``text``, ``jsonl``, ``html`` or ``warc``.
        stdin: Stream for ``-``.
    """

    def __init__(
        self,
        store: EventStore,
        paths: Sequence[str | Path],
        *,
        chunk_size: int = 4,
        default_date: str | None = None,
        input_format: str = "auto",
        stdin: IO[bytes] | None = None,
    ) -> None:
        self._store = store
        self.chunk_size = chunk_size
        files = list(expand_paths(paths))
        self.files = len(files)
        self.bytes_total = sum(f.size for f in files)
        self.bytes_read = 0
        self.documents_read = 0
        self.skipped = 0
        self.problems = 0
        self._items = scan_inputs(
            [f.path for f in files],
            default_date=default_date,
            input_format=input_format,
            stdin=stdin,
            directories=False,
            on_bytes=self._count_bytes,
        )
        self._ready: collections.deque[WorkItem] = collections.deque()
        self._claimed: dict[str, str] = {}  # id -> hash, handed out and not yet stored
        self.failures: list[tuple[Any, ...]] = []
        self.failure_messages: list[str] = []
        self.exhausted = False

    def _count_bytes(self, count: int) -> None:
        self.bytes_read += count

    def next_chunk(self) -> list[WorkItem] | None:
        """Return the next chunk of documents to code, or None when the inputs are done."""
        while len(self._ready) < self.chunk_size and not self.exhausted:
            self._read_ahead()
        if not self._ready:
            return None
        count = min(self.chunk_size, len(self._ready))
        return [self._ready.popleft() for _ in range(count)]

    @property
    def pending(self) -> int:
        """Documents handed out (or ready) and not yet known to be stored."""
        return len(self._claimed) + len(self._ready)

    def stored(self, doc_ids: Sequence[str]) -> None:
        """Forget documents that are now in the store (the store answers for them)."""
        for doc_id in doc_ids:
            self._claimed.pop(doc_id, None)

    def take_failures(self) -> list[tuple[Any, ...]]:
        """Return and clear the failure rows found since the last call."""
        rows, self.failures = self.failures, []
        return rows

    def _fail(
        self, stage: str, reason: str, file: str, line: int | None, doc_id: str | None
    ) -> None:
        self.failures.append(failure_row(stage, reason, file=file, line=line, doc_id=doc_id))
        where = f"{file} line {line}" if line else file
        self.failure_messages.append(f"{where}: {reason}")
        self.problems += 1

    def _read_ahead(self) -> None:
        group: list[tuple[SourcedDocument, str]] = []
        for item in self._items:
            if isinstance(item, InputProblem):
                self._fail("read", item.message, item.source, item.line, item.doc_id)
                continue
            self.documents_read += 1
            group.append((item, content_hash(item.document.text)))
            if len(group) >= _LOOKAHEAD:
                break
        else:
            self.exhausted = True
        if not group:
            return
        unknown = [s.document.id for s, _ in group if s.document.id not in self._claimed]
        known = self._store.known_documents(unknown) if unknown else {}
        for sourced, digest in group:
            doc_id = sourced.document.id
            previous = self._claimed.get(doc_id, known.get(doc_id))
            if previous is None:
                self._claimed[doc_id] = digest
                self._ready.append(WorkItem(sourced.document, sourced.source, sourced.line))
            elif previous == digest:
                self.skipped += 1
            else:
                self._fail("duplicate", _DUPLICATE, sourced.source, sourced.line, doc_id)
