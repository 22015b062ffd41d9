"""Coding whole input files: what ``dragoman code`` does, as a function."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from dragoman._coder import CodedDocument, Coder
from dragoman.errors import DragomanError, InputError
from dragoman.ingest import InputProblem, SourcedDocument, scan_inputs

__all__ = ["CodingRun", "code_files"]


@dataclass
class CodingRun:
    """Counts and problems of one run over input files (filled while iterating)."""

    documents: int = 0
    events: int = 0
    quotes: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def code_files(
    coder: Coder,
    paths: Sequence[str | Path],
    *,
    default_date: str | None = None,
    input_format: str = "auto",
    strict: bool = False,
    run: CodingRun | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    stdin: IO[bytes] | None = None,
    batch_size: int = 16,
) -> Iterator[CodedDocument]:
    """Read and code documents from files; bad documents are reported and skipped.

    Args:
        coder: The coder to use.
        paths: Text or JSON-lines files, or ``-`` for standard input.
        default_date: Story date for documents without one.
        input_format: ``auto``, ``text`` or ``jsonl``.
        strict: Raise on the first problem instead of skipping the document.
        run: Collects counts and problems, if given.
        on_problem: Called with each problem as it is found.
        stdin: Stream to read for ``-``.
        batch_size: Documents parsed together by spaCy.

    Yields:
        Each readable document with its events and quotations, in input order.

    Raises:
        InputError: With ``strict``, the first problem; always, an invalid date or format.
    """
    stats = run if run is not None else CodingRun()

    def report(problem: InputProblem) -> None:
        if strict:
            raise InputError(str(problem))
        stats.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    def documents() -> Iterator[SourcedDocument]:
        for item in scan_inputs(
            paths,
            default_date=default_date,
            input_format=input_format,
            stdin=stdin,
            directories=False,
        ):
            if isinstance(item, InputProblem):
                report(item)
                continue
            yield item

    batch: list[SourcedDocument] = []
    for sourced in documents():
        batch.append(sourced)
        if len(batch) < batch_size:
            continue
        yield from _code_batch(coder, batch, stats, report)
        batch = []
    if batch:
        yield from _code_batch(coder, batch, stats, report)


def _code_batch(
    coder: Coder,
    batch: list[SourcedDocument],
    stats: CodingRun,
    report: Callable[[InputProblem], None],
) -> Iterator[CodedDocument]:
    """Code a batch; when it fails, code its documents one by one and report the bad one."""
    try:
        results: list[CodedDocument | InputProblem] = list(
            coder.analyze_documents([s.document for s in batch], batch_size=len(batch))
        )
    except Exception:  # one document spoils the batch: find it, keep the others
        results = [_code_one(coder, sourced) for sourced in batch]
    for coded in results:
        if isinstance(coded, InputProblem):
            report(coded)
            continue
        stats.documents += 1
        stats.events += len(coded.events)
        stats.quotes += len(coded.quotes)
        yield coded


def _code_one(coder: Coder, sourced: SourcedDocument) -> CodedDocument | InputProblem:
    try:
        return coder.analyze_document(sourced.document)
    except Exception as exc:  # any error of spaCy or the coder costs this document only
        what = str(exc).splitlines()[0][:200] if str(exc) else ""
        reason = (
            str(exc)
            if isinstance(exc, DragomanError)
            else f"coding failed ({type(exc).__name__}: {what})"
        )
        return InputProblem(sourced.source, sourced.line, reason, sourced.document.id)
