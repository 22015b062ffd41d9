"""``dragoman actors import`` and ``dragoman verbs import`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language

from dragoman.actors import ActorDictionary
from dragoman.cli import cli
from dragoman.coding import VerbDictionary


@pytest.fixture()
def dictionaries(tmp_path: Path) -> dict[str, Path]:
    actors = tmp_path / "test.actors"
    actors.write_text(
        "FREEDONIA_ [FRD]\n+FREEDONIAN\nRUFUS_FIREFLY\n\t[FRDGOV 330101-451231]\n"
        "MARX_TRIO [FRD/SYL]\n",
        encoding="utf-8",
    )
    agents = tmp_path / "test.agents"
    agents.write_text("ENVOY [~GOV]\n", encoding="utf-8")
    verbs = tmp_path / "test.verbs"
    verbs.write_text(
        "--- SERENADE [051] ---\nSERENADE\nCROONED [051]\n- * &NOPE [051]\n- SAID * [051]\n",
        encoding="utf-8",
    )
    return {"actors": actors, "agents": agents, "verbs": verbs}


def test_actors_import(dictionaries: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "actors.yaml"
    args = [
        "actors",
        "import",
        "--petrarch",
        str(dictionaries["actors"]),
        str(dictionaries["agents"]),
        "-o",
        str(out),
        "--with-dropped",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "2 file(s), 4 PETRARCH record(s) read, 3 actor entries written" in result.stderr
    assert "dropped      1  several codes in one" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "# Dropped" in text and "MARX TRIO [FRD/SYL]" in text
    dictionary = ActorDictionary()
    dictionary.add_file(out)
    assert dictionary.phrases["Freedonian"].entry.code == "FRD"
    assert dictionary.phrases["Rufus Firefly"].entry.roles[0].code == "FRDGOV"
    assert dictionary.agents[("envoy",)].code == "GOV"


def test_actors_import_to_stdout_and_strict(dictionaries: dict[str, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["actors", "import", "--petrarch", str(dictionaries["agents"])]
    )
    assert result.exit_code == 0 and '{code: "GOV", nouns: ["envoy"]' in result.stdout
    bad = tmp_path / "bad.actors"
    bad.write_text("GROUCHO\n\t[FRDGOV 991399-000101]\n", encoding="utf-8")
    lenient = CliRunner().invoke(cli, ["actors", "import", "--petrarch", str(bad)])
    assert lenient.exit_code == 0
    assert f"dragoman: warning: {bad} line 2: [FRDGOV 991399-000101]" in lenient.stderr
    strict = CliRunner().invoke(cli, ["actors", "import", "--petrarch", "--strict", str(bad)])
    assert strict.exit_code == 1
    assert strict.stderr.startswith(f"dragoman: error: {bad} line 2:")


def test_import_needs_the_format_and_files(dictionaries: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["actors", "import", str(dictionaries["actors"])])
    assert result.exit_code == 1 and "--petrarch" in result.stderr
    result = CliRunner().invoke(cli, ["verbs", "import", "--petrarch"])
    assert result.exit_code == 1 and "give at least one" in result.stderr
    result = CliRunner().invoke(cli, ["actors", "import", "--petrarch", "/nonexistent/x.actors"])
    assert result.exit_code == 1 and "cannot read PETRARCH dictionary" in result.stderr


def test_verbs_import(
    dictionaries: dict[str, Path], tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("dragoman.cli._verbs.load_model", lambda model=None: nlp)
    out = tmp_path / "verbs.yaml"
    args = ["verbs", "import", "--petrarch", str(dictionaries["verbs"]), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "dropped      1  pattern: words or markers before the verb" in result.stderr
    assert "synonym set &NOPE is not defined above; skipped" in result.stderr
    dictionary = VerbDictionary()
    dictionary.add_file(out)
    assert sorted(dictionary.lemmas) == ["croon", "serenade"]  # spaCy: CROONED -> croon
    simple = CliRunner().invoke(cli, [*args, "--lemmas", "simple"])
    assert simple.exit_code == 0
    dictionary = VerbDictionary()
    dictionary.add_file(out)
    assert sorted(dictionary.lemmas) == ["crooned", "serenade"]
