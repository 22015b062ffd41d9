"""The neutral JSON-lines gold reader: records, and errors that name file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dragoman import InputError
from dragoman.evaluation import GoldEvent, read_gold, read_gold_jsonl


def write(tmp_path: Path, *lines: Any, name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


GOOD = {
    "id": "r1",
    "text": "Freedonia protested against Sylvania's border fence.",
    "date": "2024-05-02",
    "events": [
        {
            "source": ["FRE", "ABC"],
            "target": [],
            "cameo": "141",
            "plover": "PROTEST",
            "source_text": ["Freedonia"],
        }
    ],
}


def test_reads_events_noevents_and_categories(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD,
        "",
        {"id": "r2", "text": "It rained.", "date": None, "noevents": True, "category": "x"},
        {"id": "r3", "text": "Sylvania agreed.", "events": [{"source": "syl", "cameo": "030"}]},
    )
    gold = read_gold_jsonl(path)
    assert gold.format == "jsonl" and [r.id for r in gold.records] == ["r1", "r2", "r3"]
    first, second, third = gold.records
    assert first.date == "2024-05-02" and first.where == f"{path} line 1"
    assert first.events == (GoldEvent(("FRE", "ABC"), (), "141", "PROTEST"),)
    assert second.noevents and second.events == () and second.category == "x"
    assert second.where.endswith("line 3")
    assert third.events[0].sources == ("SYL",) and third.events[0].plover is None


def test_duplicate_ids_are_noted_not_rejected(tmp_path: Path) -> None:
    gold = read_gold_jsonl(write(tmp_path, GOOD, GOOD))
    assert len(gold.records) == 2
    assert "line 2: id 'r1' was already used on line 1" in gold.notes[0]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ([1, 2], "line 2: expected a JSON object"),
        ({"text": "a"}, 'line 2: "id" is missing'),
        ({"id": "x", "text": " "}, 'line 2: "text" is missing or empty'),
        ({"id": "x", "text": "a", "date": "May 2"}, "line 2: date 'May 2' is not an ISO date"),
        ({"id": "x", "text": "a"}, 'line 2: "events" is missing or empty'),
        ({"id": "x", "text": "a", "noevents": True, "events": [{"cameo": "010"}]}, "not both"),
        ({"id": "x", "text": "a", "events": [{"cameo": 111}]}, 'event 1: "cameo" 111 is not'),
        ({"id": "x", "text": "a", "events": [{"cameo": "11a"}]}, "is not a CAMEO code"),
        ({"id": "x", "text": "a", "events": [{"plover": "HUG"}]}, "\"plover\" 'HUG' is not"),
        ({"id": "x", "text": "a", "events": [{"source": ["A"]}]}, 'needs "cameo" or "plover"'),
        ({"id": "x", "text": "a", "events": [{"cameo": "010", "target": [3]}]}, '"target" must'),
        ({"id": "x", "text": "a", "events": ["010"]}, "event 1: expected an object"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: Any, message: str) -> None:
    path = write(tmp_path, GOOD, line)
    with pytest.raises(InputError) as info:
        read_gold_jsonl(path)
    assert str(path) in str(info.value)
    assert message in str(info.value)


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold records"):
        read_gold_jsonl(empty)
    with pytest.raises(InputError, match="cannot read gold file"):
        read_gold_jsonl(tmp_path / "missing.jsonl")


def test_read_gold_picks_the_reader(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert read_gold(path).format == "jsonl"
    assert read_gold(path, "jsonl").records[0].id == "r1"
    with pytest.raises(InputError, match="unknown gold format 'csv'"):
        read_gold(path, "csv")
    with pytest.raises(InputError, match="not well-formed XML"):
        read_gold(path, "petrarch-xml")
