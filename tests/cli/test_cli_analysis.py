"""dragoman dyads, network, top and serve from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dragoman.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_dyads_table(event_db: Path) -> None:
    code, out, _ = run(
        "dyads", "--db", str(event_db), "--source", "KAZ", "--target", "RUS", "--both-directions"
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["period", "source", "target", "events"]
    assert lines[1].split()[:4] == ["2025-01-01", "KAZ", "RUS", "1"]
    assert len(lines) == 1 + 8  # 4 months x 2 directions


def test_dyads_csv_json_and_plot(event_db: Path, tmp_path: Path) -> None:
    code, out, _ = run(
        "dyads",
        "--db",
        str(event_db),
        "--source",
        "KAZ",
        "--target",
        "RUS",
        "--freq",
        "quarter",
        "--format",
        "csv",
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["period"] == "2025-01-01" and rows[0]["events"] == "3"
    chart = tmp_path / "kaz_rus.png"
    out_file = tmp_path / "kaz_rus.json"
    code, _, err = run(
        "dyads",
        "--db",
        str(event_db),
        "--source",
        "KAZ",
        "--target",
        "RUS",
        "--exact",
        "--format",
        "json",
        "-o",
        str(out_file),
        "--plot",
        str(chart),
    )
    assert code == 0, err
    data = json.loads(out_file.read_text(encoding="utf-8"))
    assert [(r["period"], r["events"], r["ACCUSE"]) for r in data] == [("2025-03-01", 1, 1)]
    assert chart.read_bytes().startswith(b"\x89PNG") and "chart written" in err


def test_network_exports(event_db: Path, tmp_path: Path) -> None:
    graphml, as_json, chart = tmp_path / "n.graphml", tmp_path / "n.json", tmp_path / "n.svg"
    code, out, err = run(
        "network",
        "--db",
        str(event_db),
        "--graphml",
        str(graphml),
        "--json",
        str(as_json),
        "--plot",
        str(chart),
        "--format",
        "csv",
    )
    assert code == 0, err
    assert "8 nodes, 7 edges" in err
    assert out.splitlines()[1].startswith("KAZGOV,RUSGOV,2,")
    assert nx.read_graphml(graphml).number_of_edges() == 7
    assert len(json.loads(as_json.read_text(encoding="utf-8"))["edges"]) == 7
    assert "<svg" in chart.read_text(encoding="utf-8")
    code, out, err = run("network", "--db", str(event_db), "--min-events", "2")
    assert code == 0 and "1 edges" in err and "KAZGOV" in out
    code, out, err = run(
        "network", "--db", str(event_db), "--level", "country", "--actor", "UKR", "--format", "json"
    )
    assert [(e["source"], e["target"]) for e in json.loads(out)] == [("RUS", "UKR")]


def test_top(event_db: Path) -> None:
    code, out, _ = run("top", "--db", str(event_db), "--limit", "2")
    assert code == 0
    assert "most active actors" in out and "most frequent event types" in out
    assert out.splitlines()[2].split()[:1] == ["KAZGOV"]
    code, out, _ = run("top", "--db", str(event_db), "--since", "2025-06", "--format", "json")
    assert {a["code"] for a in json.loads(out)["actors"]} == {
        "FINGOV",
        "KAZ",
        "RUSMIL",
        "UKRMIL",
        "KAZGOV",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["dyads", "--source", "XYZ", "--target", "RUS"], "unknown source 'XYZ'"),
        (
            ["dyads", "--source", "KAZ", "--target", "RUS", "--since", "2025-13"],
            "not a valid calendar date",
        ),
        (["dyads", "--source", "KAZ", "--target", "RUS", "--until", "soon"], "is not a date"),
        (["dyads", "--source", "KAZ", "--target", "RUS", "--plot", "chart.gif"], ".png or .svg"),
        (["network", "--actor", "NOPE"], "unknown actor 'NOPE'"),
        (["top", "--since", "2025-06", "--until", "2025-01"], "is after until"),
    ],
)
def test_errors_are_one_line(event_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.startswith("chart") else a for a in args]
    result = CliRunner().invoke(cli, [args[0], "--db", str(event_db), *args[1:]])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dragoman: error: ")
    assert message in lines[0]


@pytest.mark.parametrize("command", ["dyads", "network", "top", "serve"])
def test_missing_database(tmp_path: Path, command: str) -> None:
    extra = ["--source", "KAZ", "--target", "RUS"] if command == "dyads" else []
    result = CliRunner().invoke(cli, [command, "--db", str(tmp_path / "none.duckdb"), *extra])
    assert result.exit_code == 1
    assert "no such database" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_warns_when_exposed(monkeypatch: pytest.MonkeyPatch, event_db: Path) -> None:
    calls: list[dict[str, object]] = []
    monkeypatch.setattr(
        "dragoman.server.serve", lambda db, **kwargs: calls.append({"db": db, **kwargs})
    )
    result = CliRunner().invoke(cli, ["serve", "--db", str(event_db)])
    assert result.exit_code == 0 and "warning" not in result.stderr
    assert calls[-1]["host"] == "127.0.0.1" and calls[-1]["port"] == 8000
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(event_db), "--host", "0.0.0.0", "--port", "8080"]
    )
    assert "warning: serving on 0.0.0.0" in result.stderr
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 8080


@pytest.mark.parametrize(
    "args",
    [
        ["top", "--until", "9999-12"],
        [
            "dyads",
            "--source",
            "KAZ",
            "--target",
            "RUS",
            "--since",
            "2025",
            "--until",
            "9999-12",
            "--freq",
            "year",
        ],
        ["network", "--since", "0001", "--until", "9999-12"],
    ],
)
def test_the_last_month_of_the_calendar_is_a_valid_bound(event_db: Path, args: list[str]) -> None:
    code, _out, err = run(args[0], "--db", str(event_db), *args[1:])
    assert code == 0, err
    assert "Traceback" not in err
