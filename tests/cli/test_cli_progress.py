"""The ingest progress bar: within 80 columns, moving as documents are coded, off in pipes."""

from __future__ import annotations

import io

from rich.console import Console

from dragoman.cli._ingest import _Bar, _with_bar
from dragoman.corpus import IngestReport
from dragoman.corpus._writer import BatchWriter
from dragoman.store import RowBatch


def _render(report: IngestReport, width: int = 80) -> list[str]:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
    bar = _Bar(console)
    bar.update(report)
    console.print(bar.progress.make_tasks_table(bar.progress.tasks))
    return console.file.getvalue().rstrip("\n").splitlines()  # type: ignore[attr-defined]


def test_bar_fits_80_columns_with_eta_and_rate() -> None:
    report = IngestReport(
        db="e.duckdb",
        bytes_total=10_000_000,
        bytes_done=4_200_000,
        documents_coded=123_456,
        documents_skipped=7,
        failures=1_234,
        seconds=600.0,
        startup_seconds=5.0,
        phase="coding",
    )
    lines = _render(report)
    assert len(lines) == 1 and len(lines[0]) <= 80
    line = lines[0]
    assert "42%" in line and "0:00:00 ETA" in line  # rich times the task itself
    assert "123,463 docs" in line and "207.5/s" in line and "1,234 failed" in line


def test_documents_count_when_coded_not_when_committed() -> None:
    class NoStore:
        pass

    report = IngestReport(db="e.duckdb", phase="coding")
    writer = BatchWriter(
        NoStore(),
        None,
        report,
        commit_every=1000,  # type: ignore[arg-type]
        commit_seconds=3600.0,
    )
    rows = RowBatch(documents=[("a",), ("b",)])
    writer.add(rows)
    assert report.documents_coded == 2 and report.documents_stored == 0
    assert "2 docs" in _render(report)[0]


def test_no_bar_when_stderr_is_not_a_terminal() -> None:
    console = Console(file=io.StringIO(), force_terminal=False)
    seen = []
    report = _with_bar(False, console, lambda cb: seen.append(cb) or IngestReport(db="x"))
    assert seen == [None] and report.db == "x"
    assert console.file.getvalue() == ""  # type: ignore[attr-defined]
