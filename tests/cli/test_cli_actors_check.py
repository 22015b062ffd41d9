"""``dragoman actors lookup`` and ``dragoman actors validate``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dragoman import Coder
from dragoman.cli import cli


@pytest.fixture()
def runner(coder: Coder, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    real = Coder

    def make(**kwargs: Any) -> Coder:
        kwargs.pop("model", None)
        return real(nlp=coder.nlp, **kwargs)

    monkeypatch.setattr("dragoman.cli._actors_check.Coder", make)
    return CliRunner()


def test_lookup_explains_a_dated_role(runner: CliRunner, tmp_path: Path) -> None:
    people = tmp_path / "people.yaml"
    people.write_text(
        "- name: Ana Ruiz\n  aliases: [Ruiz]\n  roles:\n"
        '    - {code: "CHLGOV", start: 2024-03-11, title: President}\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        cli, ["actors", "lookup", "Ruiz", "--date", "2025-06-01", "--actors", str(people), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actors"][0]["code"] == "CHLGOV"
    assert data["actors"][0]["rule"] == "person-role"
    assert data["entries"][0]["roles"][0]["valid"] is True
    result = runner.invoke(
        cli, ["actors", "lookup", "Ruiz", "--date", "2020-01-01", "--actors", str(people)]
    )
    assert result.exit_code == 0
    assert "CHL" in result.stdout and "person-no-role" in result.stdout


def test_lookup_of_a_non_actor_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["actors", "lookup", "the analysts"])
    assert result.exit_code == 1
    assert "no actor" in result.stdout


def test_validate_reports_lines_and_exit_status(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text('- {code: "IGOASAEAS", name: "East Asia Summit"}\n', encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        '- {code: "KAZ", name: K}\n- {code: "KAZ", name: Q}\n- {name: X}\n', encoding="utf-8"
    )
    runner = CliRunner()
    result = runner.invoke(cli, ["actors", "validate", str(good)])
    assert result.exit_code == 0 and "0 error(s), 0 warning(s)" in result.stderr
    result = runner.invoke(cli, ["actors", "validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad} line 2: warning: code 'KAZ' is also defined at line 1" in result.stdout
    assert f"{bad} line 3: error:" in result.stdout
    warn_only = tmp_path / "warn.yaml"
    warn_only.write_text('- {code: "KAZ", name: K}\n- {code: "KAZ", name: Q}\n')
    assert runner.invoke(cli, ["actors", "validate", str(warn_only)]).exit_code == 0
    assert runner.invoke(cli, ["actors", "validate", str(warn_only), "--strict"]).exit_code == 1
