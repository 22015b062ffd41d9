"""Packaging: extras, version ranges and their pins, optional parts failing clearly."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from packaging.requirements import Requirement
from packaging.version import Version

import dragoman._extras as extras
from dragoman.cli import cli
from dragoman.errors import DragomanError, ExtraError

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# Distribution names whose import name differs.
_MODULE_OF = {"jinja2": "jinja2", "pyyaml": "yaml"}


def _requirements(items: list[str]) -> list[Requirement]:
    return [Requirement(item) for item in items if not item.startswith("dragoman[")]


def _pins(file: str = "constraints.txt") -> dict[str, str]:
    pins = {}
    for line in (ROOT / file).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"{file}: {line!r} is not an exact pin"
            pins[name.lower().replace("_", "-")] = version
    return pins


def _hide(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        return None if name in names else real(name)

    monkeypatch.setattr(extras.importlib.util, "find_spec", find_spec)


def test_core_install_pulls_no_web_stack_dask_or_plotting() -> None:
    core = {r.name.lower() for r in _requirements(PROJECT["dependencies"])}
    heavy = {
        "fastapi",
        "starlette",
        "uvicorn",
        "jinja2",
        "dask",
        "distributed",
        "pandas",
        "matplotlib",
        "networkx",
    }
    assert not core & heavy


def test_every_dependency_is_a_range_and_pinned_inside_it() -> None:
    pins = _pins()
    groups = [PROJECT["dependencies"], *PROJECT["optional-dependencies"].values()]
    for requirement in (r for group in groups for r in _requirements(group)):
        assert not any(s.operator == "==" for s in requirement.specifier), requirement
        key = requirement.name.lower().replace("_", "-")
        assert key in pins, f"{requirement.name} has no pin in constraints.txt"
        assert requirement.specifier.contains(pins[key]), (requirement, pins[key])


def test_make_test_lowest_installs_every_lower_bound() -> None:
    # `make test-lowest` runs the suite at constraints-lowest.txt: each runtime dependency
    # (core and extras) must be pinned there at exactly its lower bound, or that bound is
    # not the tested one.
    lowest = _pins("constraints-lowest.txt")
    optional = PROJECT["optional-dependencies"]
    groups = [PROJECT["dependencies"], *(optional[name] for name in optional if name != "dev")]
    for requirement in (r for group in groups for r in _requirements(group)):
        bounds = [s.version for s in requirement.specifier if s.operator == ">="]
        assert bounds, f"{requirement} has no lower bound"
        key = requirement.name.lower().replace("_", "-")
        assert key in lowest and Version(lowest[key]) == Version(bounds[0]), (
            f"constraints-lowest.txt pins {requirement.name} at {lowest.get(key)}, "
            f"not at its lower bound {bounds[0]}"
        )


def test_extras_listed_in_code_are_those_of_pyproject() -> None:
    optional = PROJECT["optional-dependencies"]
    for extra, modules in extras.EXTRAS.items():
        assert extra in optional
        names = {r.name.lower() for r in _requirements(optional[extra])}
        if extra == "server":
            names |= {r.name.lower() for r in _requirements(optional["plots"])}
        assert {_MODULE_OF.get(n, n) for n in names} == set(modules)
    assert set(optional["all"][0].removeprefix("dragoman[").rstrip("]").split(",")) == set(
        extras.EXTRAS
    )


def test_require_names_the_missing_modules_and_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    extras.require("plots", "charts")  # installed here: no error
    _hide(monkeypatch, "matplotlib")
    with pytest.raises(
        ExtraError,
        match=r"charts needs matplotlib, which is not installed.*"
        r"pip install 'dragoman\[plots\]'",
    ):
        extras.require("plots", "charts")
    assert issubclass(ExtraError, DragomanError) and issubclass(ExtraError, ImportError)


def test_analysis_without_plots_extra_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, event_db: Path
) -> None:
    _hide(monkeypatch, "pandas")
    result = CliRunner().invoke(cli, ["top", "--db", str(event_db)])
    assert result.exit_code == 1
    assert "dragoman[plots]" in result.stderr and "Traceback" not in result.stderr


def test_dask_engine_without_dask_extra_fails_clearly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _hide(monkeypatch, "distributed")
    story = tmp_path / "a.txt"
    story.write_text("Russia criticized NATO.", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "ingest",
            str(story),
            "--db",
            str(tmp_path / "e.duckdb"),
            "--engine",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:1",
        ],
    )
    assert result.exit_code == 1
    assert "dragoman[dask]" in result.stderr


def test_server_import_without_server_extra_fails_clearly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _hide(monkeypatch, "fastapi", "uvicorn")
    for name in [n for n in sys.modules if n.startswith("dragoman.server")]:
        monkeypatch.delitem(sys.modules, name)
    with pytest.raises(ExtraError, match=r"fastapi, uvicorn, which are not installed"):
        importlib.import_module("dragoman.server")


def test_python_dash_m_dragoman_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dragoman", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("dragoman, version")
