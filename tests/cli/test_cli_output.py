"""A full disk or a closed pipe on output is one error line, never a traceback (issue 16,
item 9), and `serve` reports a database it cannot open before announcing anything (item 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman import Coder
from dragoman.cli import cli
from dragoman.store import EventStore

FULL = "/dev/full"
needs_dev_full = pytest.mark.skipif(not os.path.exists(FULL), reason="no /dev/full here")


@needs_dev_full
def test_code_to_a_full_disk(coder: Coder, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("dragoman.cli._code.Coder", lambda **_: coder)
    story = tmp_path / "story.txt"
    story.write_text("Poland condemned Russia.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["code", str(story), "--format", "jsonl", "-o", FULL])
    assert result.exit_code == 1
    assert "dragoman: error: cannot write" in result.stderr
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.output


@needs_dev_full
@pytest.mark.parametrize("fmt", ["gdelt", "csv", "icews", "plover"])
def test_export_to_a_full_disk(event_db: Path, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(event_db), "--format", fmt, "-o", FULL])
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.output


@needs_dev_full
def test_export_to_standard_output_on_a_full_disk(event_db: Path) -> None:
    code = "from dragoman.cli import main; main()"
    with open(FULL, "w") as full:
        result = subprocess.run(
            [sys.executable, "-c", code, "export", "--db", str(event_db), "--format", "gdelt"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "dragoman: error: cannot write: No space left on device"
    ]


def test_serve_reports_a_locked_database_before_serving(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    with EventStore(db):  # held by a writer in this process; another process cannot read
        code = "from dragoman.cli import main; main()"
        result = subprocess.run(
            [sys.executable, "-c", code, "serve", "--db", str(db), "--port", "1"],
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    assert "in use by another process" in result.stderr
    assert "serving" not in result.stderr
