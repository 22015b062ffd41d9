"""Coding whole input files: what ``dragoman code`` does, as a function."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from dragoman._coder import CodedDocument, Coder
from dragoman.errors import InputError
from dragoman.ingest import InputProblem, read_documents
from dragoman.records import Document

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

    def documents() -> Iterator[Document]:
        for item in read_documents(
            paths, default_date=default_date, input_format=input_format, stdin=stdin
        ):
            if isinstance(item, InputProblem):
                if strict:
                    raise InputError(str(item))
                stats.problems.append(item)
                if on_problem is not None:
                    on_problem(item)
                continue
            yield item

    for coded in coder.analyze_documents(documents(), batch_size=batch_size):
        stats.documents += 1
        stats.events += len(coded.events)
        stats.quotes += len(coded.quotes)
        yield coded
