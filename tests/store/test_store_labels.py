"""Aggregate labels of actor codes: a code that stands for many people is not one person."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, TextSpan
from dragoman.ontology import cameo
from dragoman.records import make_event_id
from dragoman.store import EventStore, actor_label, document_rows, export_store, short_name


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("USAGOV", "United States government"),
        ("KAZMIL", "Kazakhstan military"),
        ("KAZ", "Kazakhstan"),
        ("IGOEUROSC", "Organization for Security and Co-operation in Europe"),
        ("AFGREB", "Afghanistan rebels"),  # many groups share the code: no one group's name
        ("---REB", "rebels (country unknown)"),
        ("SUN", "Soviet Union"),
        ("ZZZQQQ", "ZZZ QQQ"),  # unknown blocks are kept as they are
        ("IGOZZZ", "IGOZZZ"),
    ],
)
def test_labels(code: str, label: str) -> None:
    assert actor_label(code) == label


def test_short_name_drops_a_trailing_note() -> None:
    assert short_name("Antony Blinken (Secretary of State)") == "Antony Blinken"
    assert short_name("Kazakhstan") == "Kazakhstan"
    assert short_name("(only a note)") == "(only a note)"


def test_events_name_codes_and_mentions_keep_the_person(tmp_path: Path) -> None:
    info = cameo("040")
    people = ("Antony Blinken (Secretary of State)", "Another Official (Deputy Secretary)")
    events = []
    for n, name in enumerate(people):
        source = Actor("USAGOV", name, name.split()[1], 0, 7)
        target = Actor("KAZGOV", "Kassym-Jomart Tokayev (President)", "Tokayev", 20, 27)
        events.append(
            Event(
                f"d{n}",
                0,
                make_event_id(f"d{n}", 10, source, target, "040"),
                "2025-06-01",
                source,
                target,
                CameoRef("040", info.name),
                "04",
                1,
                info.goldstein,
                PloverRef("CONSULT", None),
                False,
                Evidence(TextSpan("Our words.", 0, 10), TextSpan("met", 10, 13)),
            )
        )
    with EventStore(tmp_path / "e.duckdb") as store:
        for event in events:
            store.write(
                document_rows(
                    Document(event.doc_id, "Our words.", "2025-06-01"),
                    [event],
                    file="x.jsonl",
                    line=1,
                )
            )
        assert store.sql("SELECT source_name, target_name, num_mentions FROM events") == [
            ("United States government", "Kazakhstan government", 2)
        ]
        assert sorted(r[0] for r in store.sql("SELECT source_name FROM mentions")) == sorted(people)
        export = tmp_path / "icews.tsv"
        export_store(store, "icews", out=export)
        gdelt = tmp_path / "gdelt.tsv"
        export_store(store, "gdelt", out=gdelt)
    lines = export.read_text(encoding="utf-8").splitlines()
    assert {line.split("\t")[2] for line in lines[1:]} == {"Antony Blinken", "Another Official"}
    assert gdelt.read_text(encoding="utf-8").split("\t")[6] == "UNITED STATES GOVERNMENT"
