"""``dragoman eval``: JSON-lines and PETRARCH gold files, reports, misses, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from spacy.language import Language

from dragoman.cli import cli
from dragoman.coding import load_confidence_model

GOLD = [
    {
        "id": "g1",
        "text": "Poland condemned Russia.",
        "date": "2024-03-01",
        "events": [{"source": ["POL"], "target": ["RUS"], "cameo": "111", "plover": "ACCUSE"}],
    },
    {
        "id": "g2",
        "text": "The weather in Warsaw was cold on Tuesday.",
        "date": None,
        "noevents": True,
    },
]

XML = """<Validation>
<Environment>
  <Verbfile>t.verbs</Verbfile>
  <Actorfile>t.actors</Actorfile>
  <Agentfile>t.agents</Agentfile>
  <Discardfile>t.discards</Discardfile>
  <Include>valid ALPHA BETA</Include>
</Environment>
<Sentences>
<Sentence date="20210304" id="ALPHA-01" category="ALPHA" sentence="true">
<EventCoding sourcecode="FRD" targetcode="SYL" eventcode="051"></EventCoding>
<Text>Freedonia serenaded Sylvania on Monday.</Text>
<Parse>(ROOT (S (NP (NNP Freedonia))))</Parse>
</Sentence>
<Sentence date="20210304" id="BETA-01" category="BETA" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>The weather in Freedonia was mild on Monday.</Text>
</Sentence>
<Sentence date="20210304" id="GAMMA-01" category="GAMMA" sentence="true">
<EventCoding sourcecode="FRD" targetcode="SYL" eventcode="051"></EventCoding>
<Text>Left out by the include list.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture()
def runner(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner whose `dragoman eval` reuses the session's loaded pipeline."""
    monkeypatch.setattr("dragoman.cli._eval.load_model", lambda model=None, ner=False: nlp)
    return CliRunner()


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def petrarch(tmp_path: Path) -> Path:
    (tmp_path / "t.actors").write_text("FREEDONIA_ [FRD]\nSYLVANIA [SYL]\n", encoding="utf-8")
    (tmp_path / "t.agents").write_text("ENVOY [~GOV]\n", encoding="utf-8")
    (tmp_path / "t.verbs").write_text("--- SERENADE [051] ---\nSERENADE\n", encoding="utf-8")
    (tmp_path / "t.discards").write_text("FOOTBALL\n", encoding="utf-8")
    path = tmp_path / "unit.xml"
    path.write_text(XML, encoding="utf-8")
    return path


def run_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(cli, ["eval", *args, "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_jsonl_json_report(runner: CliRunner, gold: Path) -> None:
    data = run_json(runner, str(gold))
    assert data["gold"] == {"path": str(gold), "format": "jsonl"}
    assert data["records"] == 2 and data["gold_events"] == 1
    assert data["recall"]["code_dyad"] == {"hits": 1, "total": 1, "value": 1.0}
    assert data["recall"]["plover"]["total"] == 1
    assert data["noevents_silent"]["total"] == 1
    assert set(data) >= {"triples", "by_root", "by_plover", "confusion", "exact"}
    assert "misses" not in data


def test_jsonl_table_misses_and_limit(runner: CliRunner, gold: Path, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["eval", str(gold), "--misses"])
    assert result.exit_code == 0, result.output
    assert "2 record(s) scored" in result.stdout and "CAMEO root recall" in result.stdout
    assert "Missed or wrong records" in result.stdout
    assert "coding 2 gold record(s)" in result.stderr
    assert run_json(runner, str(gold), "--limit", "1")["records"] == 1
    data = run_json(runner, str(gold), "--misses")
    assert isinstance(data["misses"], list)
    out = tmp_path / "report.json"
    result = runner.invoke(cli, ["eval", str(gold), "--json", "-o", str(out)])
    assert result.exit_code == 0 and json.loads(out.read_text())["records"] == 2


def test_petrarch_xml_uses_the_named_dictionaries(runner: CliRunner, petrarch: Path) -> None:
    data = run_json(runner, str(petrarch), "--format", "petrarch-xml", "--misses")
    assert data["records"] == 2
    assert data["skipped"] == [{"id": "GAMMA-01", "reason": "category GAMMA is not in <Include>"}]
    assert data["exact"] == {"hits": 2, "total": 2, "value": 1.0}
    assert data["misses"] == []
    assert data["by_category"]["ALPHA"]["exact"] == 1
    assert any("discard list t.discards not used" in note for note in data["notes"])
    without = run_json(runner, str(petrarch), "--no-petrarch-dictionaries")
    assert without["exact"]["hits"] == 1  # serenade is not a verb of the shipped dictionary


def test_bad_gold_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD[0]) + "\n{oops\n", encoding="utf-8")
    result = runner.invoke(cli, ["eval", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"dragoman: error: {path} line 2: not valid JSON")
    assert "Traceback" not in result.output


# --- document gold and news-sentence gold (made-up stories) --------------------------------

STORIES = [
    {
        "id": "s1",
        "split": "tune",
        "date": "2024-03-06",
        "exhaustive": True,
        "text": "Poland condemned Russia on Monday. It rained in Warsaw on Tuesday. "
        "Germany praised France.",
        "events": [
            {
                "source": ["POLGOV"],
                "target": ["RUS"],
                "cameo": "111",
                "date": "2024-03-04",
                "date_precision": "day",
                "sentence": "Poland condemned Russia",
            },
            {
                "source": ["POL"],
                "target": [],
                "cameo": "141",
                "date": "2024-03-05",
                "date_precision": "day",
                "sentence": "It rained in Warsaw",
            },
        ],
        "acceptable": [],
    },
    {
        "id": "s2",
        "split": "check",
        "date": "2024-03-06",
        "exhaustive": True,
        "text": "Germany praised France on Friday.",
        "events": [
            {
                "source": ["DEU"],
                "target": ["FRA"],
                "cameo": "051",
                "alt_cameo": ["057"],
                "date": "2024-03",
                "date_precision": "month",
            }
        ],
    },
]


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps(s) for s in STORIES]
    path.write_text(lines[0] + "\n{broken\n" + lines[1] + "\n", encoding="utf-8")
    return path


def test_document_gold_json(runner: CliRunner, docs: Path) -> None:
    result = runner.invoke(cli, ["eval", str(docs), "--json", "--misses"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["gold"] == {"path": str(docs), "format": "docs"} and data["stories"] == 2
    assert data["skipped"] == [{"id": "line 2", "reason": f"{docs} line 2: not valid JSON"}]
    assert f"skipped line 2: {docs} line 2: not valid JSON" in result.stderr
    assert list(data["splits"]) == ["check", "tune", "all"]
    # the headline is read as `dragoman code` keeps events: by default, no threshold
    assert data["min_confidence"] == 0.0
    tune = data["splits"]["tune"]
    assert (tune["required"], tune["found"], tune["dated"], tune["dates_right"]) == (2, 1, 1, 1)
    assert len(data["thresholds"]["all"]) == 10
    # the parse's sentences number the missed event: the rain is in the second sentence
    (missed,) = [m for m in data["misses"] if m["kind"] == "missed"]
    assert (missed["story"], missed["sentence_index"]) == ("s1", 1)
    assert missed["sentence"] == "It rained in Warsaw on Tuesday."


def test_document_gold_report_split_and_plot(runner: CliRunner, docs: Path, tmp_path: Path) -> None:
    plot = tmp_path / "pr.png"
    result = runner.invoke(
        cli, ["eval", str(docs), "--split", "check", "--plot", str(plot), "--min-confidence", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "1 story(ies) scored, 1 skipped" in result.stdout
    assert "Root + dyad, per split (all coded events)" in result.stdout
    assert "By confidence threshold: check" in result.stdout
    assert "By confidence threshold: tune" not in result.stdout
    assert "coding 1 gold record(s) of split check" in result.stderr
    assert plot.read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(cli, ["eval", str(docs), "--split", "dev"])
    assert result.exit_code == 1
    assert "no story of split 'dev'; the splits are check, tune" in result.stderr


def test_split_and_plot_need_document_gold(runner: CliRunner, gold: Path) -> None:
    result = runner.invoke(cli, ["eval", str(gold), "--split", "tune"])
    assert result.exit_code == 2 and "--split needs document gold" in result.output
    result = runner.invoke(cli, ["eval", str(gold), "--plot", "x.png"])
    assert result.exit_code == 2 and "--plot needs document gold" in result.output


def test_news_sentence_gold(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "sentences.jsonl"
    record = {
        "id": "n1",
        "text": "The Polish ministry accused Russian troops of shelling a village.",
        "date": None,
        "penta": 3,
        "penta_roots": "09-13",
        "source_spans": ["The Polish ministry"],
        "target_spans": ["Russian troops"],
    }
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    data = run_json(runner, str(path))
    assert data["gold"]["format"] == "penta" and data["sentences"] == 1
    assert data["penta_accuracy"]["total"] == 1 and data["dyad_phrase_recall"]["total"] == 1


def test_document_gold_precise_reads_the_calibrated_threshold(
    runner: CliRunner, docs: Path
) -> None:
    result = runner.invoke(cli, ["eval", str(docs), "--json", "--precise"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["min_confidence"] == load_confidence_model().threshold
