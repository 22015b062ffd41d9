"""The readable report, the public API list, and converting a PETRARCH test environment."""

from __future__ import annotations

import importlib
import io
from pathlib import Path

from test_evaluation_score import CODED, RECORDS, FakeCoder

from dragoman.actors import ActorDictionary
from dragoman.coding import VerbDictionary
from dragoman.evaluation import (
    GoldSet,
    convert_petrarch_environment,
    evaluate,
    read_petrarch_xml,
    render_report,
)


def rendered(misses: bool) -> str:
    gold = GoldSet(
        "gold.jsonl", "jsonl", list(RECORDS), skipped=[("z", "no text")], notes=["a note"]
    )
    report = evaluate(FakeCoder(CODED), gold)
    stream = io.StringIO()
    render_report(report, stream, misses=misses, width=140)
    return stream.getvalue()


def test_report_shows_every_metric_and_table() -> None:
    text = rendered(misses=False)
    for expected in (
        "gold.jsonl (jsonl): 7 record(s) scored, 1 skipped; 6 gold event(s), 7 coded",
        "CAMEO root recall",
        "4/5",
        "80.0%",
        "full code + dyad recall",
        "2/5",
        "40.0%",
        "PLOVER type recall",
        "5/5",
        "triple precision",
        "2/6",
        "33.3%",
        "no-events silent",
        "1/2",
        "50.0%",
        "events per record",
        "1.00",
        "(gold: 0.86)",
        "exact records",
        "1/5",
        "20.0%",
        "Per CAMEO root",
        "19 FIGHT",
        "Per PLOVER type",
        "ASSAULT",
        "Per category",
        "alpha",
        "Root confusion",
        "34: -- x1",
        "z: no text",
        "note: a note",
    ):
        assert expected in text, expected
    assert "Missed or wrong records" not in text


def test_report_misses_show_gold_and_coded_evidence() -> None:
    text = rendered(misses=True)
    assert "Missed or wrong records (4)" in text
    assert "gold: SYL -> FRE 190 ASSAULT  matched: root, code, plover; missed: root_dyad" in text
    assert "coded: FRE (fre) -> SYL (syl) 193" in text and "fake -> 193" in text
    assert "gold: no events" in text and "coded: nothing" in text


def test_public_names_are_listed() -> None:
    module = importlib.import_module("dragoman.evaluation")
    for name in module.__all__:
        assert hasattr(module, name), name
    public = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_") and getattr(v, "__module__", "").startswith("dragoman")
    }
    assert public <= set(module.__all__)


def test_convert_petrarch_environment(tmp_path: Path) -> None:
    (tmp_path / "t.verbs").write_text("--- SERENADE [051] ---\nSERENADE\n", encoding="utf-8")
    (tmp_path / "t.actors").write_text("FREEDONIA_ [FRD]\n+FREEDONIAN\n", encoding="utf-8")
    (tmp_path / "t.agents").write_text("ENVOY [~GOV]\n", encoding="utf-8")
    (tmp_path / "unit.xml").write_text(
        "<Validation><Environment><Verbfile>t.verbs</Verbfile><Actorfile>t.actors</Actorfile>"
        "<Agentfile>t.agents</Agentfile><Discardfile>t.discards</Discardfile></Environment>"
        '<Sentences><Sentence id="A-1" date="20200101" category="A">'
        '<EventCoding noevents="True"></EventCoding><Text>Quiet day.</Text></Sentence>'
        "</Sentences></Validation>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    environment = convert_petrarch_environment(read_petrarch_xml(tmp_path / "unit.xml"), out)
    assert environment.verb_files == [out / "petrarch_verbs.yaml"]
    assert environment.actor_files == [out / "petrarch_actors.yaml"]
    verbs = VerbDictionary()
    verbs.add_file(environment.verb_files[0])
    assert verbs.by_verb["serenade"][0].code == "051"
    actors = ActorDictionary()
    actors.add_file(environment.actor_files[0])
    assert actors.phrases["Freedonian"].entry.code == "FRD"
    assert actors.agents[("envoy",)].code == "GOV"
    assert any("discard list t.discards not used" in note for note in environment.notes)
    assert any(note.startswith("PETRARCH verbs converted: 1 file(s)") for note in environment.notes)
