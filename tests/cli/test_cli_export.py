"""dragoman export: what a format leaves out is a warning on stderr."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from dragoman import Actor, CameoRef, Document, Event, Evidence, PloverRef, TextSpan
from dragoman.cli import cli
from dragoman.ontology import cameo
from dragoman.records import make_event_id
from dragoman.store import EventStore, document_rows


def test_plover_export_warns_about_aid_without_recipient(tmp_path: Path) -> None:
    info = cameo("070")
    donor = Actor("USA", "United States", "Washington", 0, 10)
    event = Event(
        "a",
        0,
        make_event_id("a", 11, donor, None, "070"),
        "2025-06-01",
        donor,
        None,
        CameoRef("070", info.name),
        "07",
        2,
        info.goldstein,
        PloverRef("AID", None),
        False,
        Evidence(TextSpan("Washington sent aid.", 0, 20), TextSpan("sent", 11, 15)),
    )
    db = tmp_path / "e.duckdb"
    with EventStore(db) as store:
        store.write(
            document_rows(
                Document("a", "Washington sent aid.", "2025-06-01"),
                [event],
                file="a.txt",
                line=None,
            )
        )
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--format", "plover"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "dragoman: warning: plover: 1 mention(s) of AID" in result.stderr
    assert "0 record(s) written" in result.stderr
