"""``dragoman ingest``, ``export`` and ``stats`` from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dragoman.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"

STORIES = [
    {"id": "k1", "text": "Russia accused Ukraine of shelling a power plant.", "date": "2025-06-01"},
    {"id": "k2", "text": "France criticized Iran over its nuclear program.", "date": "2025-06-01"},
    {"id": "k3", "text": "Russia accused Ukraine of shelling a power plant.", "date": "2025-06-01"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    corpus = root / "stories.jsonl"
    corpus.write_text("\n".join(json.dumps(s) for s in STORIES) + "\n{oops\n", encoding="utf-8")
    path = root / "events.duckdb"
    result = CliRunner().invoke(
        cli, ["ingest", str(corpus), "--db", str(path), "--workers", "1", "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents_stored"] == 3 and report["failures"] == 1
    assert "3 stored" in result.stderr and "stories.jsonl line 4: not valid JSON" in result.stderr
    return path


def test_export_formats_from_the_command_line(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    gdelt = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt"])
    assert gdelt.exit_code == 0, gdelt.output
    rows = [line.split("\t") for line in gdelt.stdout.splitlines()]
    accuse = next(r for r in rows if r[26] == "112")
    assert len(accuse) == 63 and accuse[5] == "RUS" and accuse[31:34] == ["2", "1", "2"]
    assert accuse[61] == "day"  # DatePrecision, our column after GDELT's 61
    assert 0.0 <= float(accuse[62]) <= 1.0  # Confidence, our second column
    out = tmp_path / "events.csv"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0 and "2 record(s) written" in result.stderr
    with out.open(encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == 2
    parts = tmp_path / "parquet"
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--format", "parquet", "--out", str(parts)]
    )
    assert result.exit_code == 0 and (parts / "year=2025" / "month=6").is_dir()
    again = ["export", "--db", str(db), "--format", "parquet", "--out", str(parts)]
    refused = runner.invoke(cli, again)
    assert refused.exit_code == 1 and "add --overwrite to replace it" in refused.stderr
    assert runner.invoke(cli, [*again, "--overwrite"]).exit_code == 0
    plover = runner.invoke(cli, ["export", "--db", str(db), "--format", "plover"])
    assert [json.loads(x)["event"] for x in plover.stdout.splitlines()] == [
        ["ACCUSE"],
        ["ACCUSE"],
        ["ACCUSE"],
    ]


def test_stats(db: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["stats", "--db", str(db), "--failures", "5"])
    assert text.exit_code == 0, text.output
    assert "documents       3 from 1 outlet(s)" in text.stdout
    assert "stories.jsonl line 4: [read] not valid JSON" in text.stdout
    data = json.loads(runner.invoke(cli, ["stats", "--db", str(db), "--json"]).stdout)
    assert data["documents"] == 3 and data["events"] == 2 and data["mentions"] == 3


def test_errors_are_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", "--db", str(tmp_path / "e.duckdb")])
    assert result.exit_code == 1 and "give at least one file" in result.stderr
    result = runner.invoke(
        cli, ["ingest", "x.jsonl", "--from-parquet", str(tmp_path), "--db", "e.duckdb"]
    )
    assert result.exit_code == 1 and "not both" in result.stderr
    result = runner.invoke(cli, ["stats", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert result.stderr.startswith("dragoman: error: ") and "no such database" in result.stderr
    result = runner.invoke(
        cli, ["export", "--db", str(tmp_path / "missing.duckdb"), "--format", "csv"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    result = runner.invoke(
        cli, ["ingest", str(tmp_path / "nothing.txt"), "--db", str(tmp_path / "e.duckdb"), "-q"]
    )
    assert result.exit_code == 1  # nothing could be read
    result = runner.invoke(cli, ["ingest", "a.jsonl", "--db", "e.duckdb", "--engine", "dask"])
    assert result.exit_code == 1 and "--scheduler" in result.stderr


@pytest.mark.parametrize("command", ["ingest", "export", "stats"])
def test_commands_have_help_and_are_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "Examples:" in result.output
    assert f"dragoman {command} " in README.read_text(encoding="utf-8")
