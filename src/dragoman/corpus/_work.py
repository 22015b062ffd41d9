"""The unit of coding work: a chunk of documents in, rows for the store out.

The same function runs in the ingesting process, in worker processes and on Dask workers;
each of those builds its :class:`~dragoman.Coder` once from :class:`CoderOptions`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dragoman.records import Document, Event
from dragoman.store import RowBatch, document_rows, failure_row

if TYPE_CHECKING:  # imported where a Coder is built: ingest's main process never parses
    from dragoman._coder import Coder
    from dragoman.coding import JudgeOptions

__all__ = ["ChunkResult", "CoderOptions", "WorkItem", "chunk_name", "code_chunk"]

_log = logging.getLogger("dragoman")


@dataclass(frozen=True)
class CoderOptions:
    """How to build a Coder in another process (what ``dragoman ingest`` options give).

    Attributes:
        model: spaCy pipeline name (None: the default).
        verbs: Extra verb dictionary files.
        actors: Extra actor dictionary files.
        judge: Which coded events are kept (confidence threshold, policy rules); None:
            the Coder's default.
        ner: Keep the pipeline's entity recognizer.
    """

    model: str | None = None
    verbs: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    judge: JudgeOptions | None = None
    ner: bool = False

    def build(self) -> Coder:
        """Load the pipeline and dictionaries.

        Raises:
            ModelError: The pipeline cannot be loaded.
            DictionaryError: A dictionary file is malformed.
        """
        from dragoman._coder import Coder

        return Coder(
            model=self.model,
            verbs=self.verbs,
            actors=self.actors,
            judge=self.judge,
            ner=self.ner,
        )


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A document to code, with where it was read.

    Attributes:
        document: The document.
        file: The input file.
        line: Its line (or WARC record) number, if any.
    """

    document: Document
    file: str
    line: int | None


@dataclass
class ChunkResult:
    """The outcome of coding a chunk.

    Attributes:
        rows: Rows for the store (documents, mentions, actors, quotes, failures).
        documents: Documents coded.
        events: Events coded.
        failures: Documents that failed.
    """

    rows: RowBatch = field(default_factory=RowBatch)
    documents: int = 0
    events: int = 0
    failures: int = 0


def chunk_name(items: Sequence[WorkItem]) -> str:
    """Return a name for a chunk that depends only on its documents (ids and texts)."""
    digest = hashlib.blake2b(digest_size=10)
    for item in items:
        digest.update(item.document.id.encode("utf-8", "surrogatepass") + b"\x1f")
        digest.update(item.document.text.encode("utf-8", "surrogatepass") + b"\x1e")
    return f"part-{digest.hexdigest()}"


def code_chunk(
    coder: Coder, items: Sequence[WorkItem], *, keep_text: bool = False, batch_size: int = 16
) -> ChunkResult:
    """Code a chunk of documents into store rows; a document that fails becomes a failure row.

    Args:
        coder: The coder.
        items: The documents with their origin.
        keep_text: Store the full texts.
        batch_size: Documents parsed together by spaCy.

    Returns:
        The rows and counts.
    """
    result = ChunkResult()
    documents = [i.document for i in items]
    try:
        coded = _coded(coder, documents, batch_size)
    except Exception:  # one bad document spoils the batch: code them one by one
        _log.debug("a batch failed; coding its documents one by one", exc_info=True)
        for item in items:
            _code_one(coder, item, keep_text, result)
        return result
    for item, (document, events, quotes) in zip(items, coded, strict=True):
        _add(result, item, document, events, keep_text, quotes)
    return result


def _coded(
    coder: Coder, documents: list[Document], batch_size: int
) -> list[tuple[Document, list[Event], list[Any]]]:
    # A Coder that finds quotations too (``analyze_documents``) gives them to the store.
    analyze = getattr(coder, "analyze_documents", None)
    if analyze is not None:
        return [
            (c.document, c.events, list(getattr(c, "quotes", ())))
            for c in analyze(documents, batch_size=batch_size)
        ]
    return [(d, e, []) for d, e in coder.code_documents(documents, batch_size=batch_size)]


def _code_one(coder: Coder, item: WorkItem, keep_text: bool, result: ChunkResult) -> None:
    try:
        ((_document, events, quotes),) = _coded(coder, [item.document], 1)
    except Exception as exc:  # any error of spaCy or the coder: record it, go on
        reason = f"coding failed: {type(exc).__name__}: {exc}"
        result.rows.failures.append(
            failure_row("code", reason, file=item.file, line=item.line, doc_id=item.document.id)
        )
        result.failures += 1
        return
    _add(result, item, item.document, events, keep_text, quotes)


def _add(
    result: ChunkResult,
    item: WorkItem,
    document: Document,
    events: list[Event],
    keep_text: bool,
    quotes: list[Any],
) -> None:
    try:
        rows = document_rows(
            document, events, file=item.file, line=item.line, keep_text=keep_text, quotes=quotes
        )
    except Exception as exc:  # e.g. an invalid date given through the Python API
        reason = f"storing failed: {type(exc).__name__}: {exc}"
        result.rows.failures.append(
            failure_row("code", reason, file=item.file, line=item.line, doc_id=document.id)
        )
        result.failures += 1
        return
    result.rows.extend(rows)
    result.documents += 1
    result.events += len(rows.mentions)
