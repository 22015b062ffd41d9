"""Readers of document gold and news-sentence gold: records, format guessing, bad lines
skipped with file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dragoman import InputError
from dragoman.evaluation import (
    GOLD_FORMATS,
    GoldEvent,
    SentenceLabel,
    guess_gold_format,
    penta_class,
    read_doc_gold,
    read_gold,
    read_penta_gold,
)


def write(tmp_path: Path, *lines: Any, name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


STORY = {
    "id": "s1",
    "split": "tune",
    "title": "A headline",
    "date": "2024-05-10",
    "exhaustive": True,
    "text": "Freedonia criticized Sylvania on Friday. Officials said talks would go on.",
    "events": [
        {
            "source": ["FREGOV"],
            "target": ["SYL"],
            "cameo": "111",
            "alt_cameo": ["112", "12"],
            "date": "2024-05-03",
            "date_precision": "day",
            "negated": False,
            "sentence": "Freedonia criticized Sylvania",
            "note": "ignored",
        }
    ],
    "acceptable": [{"source": ["FREGOV"], "target": [], "cameo": "010", "date": "2024-05-10"}],
}
SENTENCE = {
    "id": "n1",
    "text": "The ministry accused the rebels of shelling the town.",
    "date": None,
    "penta": 3,
    "penta_roots": "09-13",
    "source_spans": ["The ministry"],
    "target_spans": ["the rebels"],
}


def test_reads_document_gold(tmp_path: Path) -> None:
    story_id_number = {**STORY, "id": 617, "split": "check", "acceptable": None, "events": []}
    path = write(tmp_path, STORY, "", story_id_number)
    gold = read_gold(path)
    assert gold.format == "docs" and [r.id for r in gold.records] == ["s1", "617"]
    first, second = gold.records
    assert first.split == "tune" and first.date == "2024-05-10"
    assert first.where == f"{path} line 1"
    assert first.events == (
        GoldEvent(
            ("FREGOV",),
            ("SYL",),
            "111",
            None,
            ("112", "12"),
            "2024-05-03",
            "day",
            False,
            "Freedonia criticized Sylvania",
        ),
    )
    assert first.acceptable[0].cameo == "010" and first.acceptable[0].targets == ()
    assert first.acceptable[0].date_precision == "day"
    assert second.split == "check" and second.events == () and second.acceptable == ()
    assert second.where.endswith("line 3")
    assert first.to_dict()["acceptable"][0]["date"] == "2024-05-10"
    assert first.to_dict()["events"][0]["alt_cameo"] == ["112", "12"]


@pytest.mark.parametrize(
    ("date", "precision", "read"),
    [
        ("2024-05", None, ("2024-05", "month")),
        ("2024", None, ("2024", "year")),
        ("2024-05", "year", ("2024-05", "year")),
        ("2024-05-03", None, ("2024-05-03", "day")),
        ("2024-05-03T10:00", "month", ("2024-05-03", "month")),
    ],
)
def test_event_dates_may_be_partial(
    tmp_path: Path, date: str, precision: str | None, read: tuple[str, str]
) -> None:
    event = {"source": ["FRE"], "cameo": "111", "date": date}
    if precision:
        event["date_precision"] = precision
    gold = read_doc_gold(write(tmp_path, {**STORY, "events": [event]}))
    (parsed,) = gold.records[0].events
    assert (parsed.date, parsed.date_precision) == read


def test_reads_news_sentence_gold(tmp_path: Path) -> None:
    no_target = {**SENTENCE, "id": "n2", "penta": 0, "penta_roots": "01-02", "target_spans": []}
    path = write(tmp_path, SENTENCE, no_target)
    gold = read_gold(path)
    assert gold.format == "penta" and len(gold.records) == 2
    assert gold.records[0].label == SentenceLabel(3, ("The ministry",), ("the rebels",))
    assert gold.records[1].label == SentenceLabel(0, ("The ministry",), ())
    assert gold.records[0].to_dict()["penta"] == 3


@pytest.mark.parametrize(
    ("root", "label"),
    [
        ("01", 0),
        ("02", 0),
        ("036", 1),
        ("05", 1),
        ("0611", 2),
        ("08", 2),
        ("09", 3),
        ("13", 3),
        ("14", 4),
        ("20", 4),
        ("21", None),
        ("--", None),
    ],
)
def test_penta_classes(root: str, label: int | None) -> None:
    assert penta_class(root) == label


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ([1, 2], "line 2: expected a JSON object"),
        ({**STORY, "id": None}, 'line 2: "id" is missing'),
        ({**STORY, "text": ""}, 'line 2: "text" is missing or empty'),
        ({**STORY, "exhaustive": False}, 'line 2: document gold needs "exhaustive": true'),
        ({**STORY, "split": 3}, 'line 2: "split" must be a name'),
        ({**STORY, "events": None}, 'line 2: "events" must be a list'),
        ({**STORY, "date": "10 May"}, "line 2: date '10 May' is not an ISO date"),
        ({**STORY, "events": [{"cameo": "11x"}]}, "line 2, events 1: CAMEO code '11x'"),
        ({**STORY, "acceptable": [{"cameo": None}]}, "line 2, acceptable 1: CAMEO code None"),
        ({**STORY, "events": [{"cameo": "111", "alt_cameo": "112"}]}, '"alt_cameo" must be'),
        ({**STORY, "events": [{"cameo": "111", "alt_cameo": [112]}]}, "CAMEO code 112"),
        ({**STORY, "events": [{"cameo": "111", "date": "2024-13-01"}]}, "not a valid calendar"),
        ({**STORY, "events": [{"cameo": "111", "date_precision": "week"}]}, "'week' is not one"),
        (
            {**STORY, "events": [{"cameo": "111", "date": "2024-05", "date_precision": "day"}]},
            "date '2024-05' is not a day date",
        ),
        ({**STORY, "events": [{"cameo": "111", "date": "2024-14"}]}, "'2024-14' is not a valid"),
        ({**STORY, "events": [{"cameo": "111", "negated": "no"}]}, '"negated" must be true'),
        ({**STORY, "events": [{"cameo": "111", "source": [""]}]}, '"source" must be a list'),
        ({**STORY, "events": [{"cameo": "111", "sentence": 4}]}, '"sentence" must be a string'),
        ({**STORY, "events": ["111"]}, "events 1: expected an object"),
    ],
)
def test_bad_story_lines_are_skipped_with_file_and_line(
    tmp_path: Path, line: Any, message: str
) -> None:
    path = write(tmp_path, STORY, line, {**STORY, "id": "s3"})
    gold = read_doc_gold(path)
    assert [r.id for r in gold.records] == ["s1", "s3"]  # the lines around it are read
    (skipped,) = gold.skipped
    assert skipped[1].startswith(f"{path} line 2")
    assert message in skipped[1]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({**SENTENCE, "penta": 5}, '"penta" 5 is not a class 0-4'),
        ({**SENTENCE, "penta": True}, '"penta" True is not a class'),
        ({**SENTENCE, "penta_roots": "14-20"}, "\"penta_roots\" '14-20' is not '09-13'"),
        ({**SENTENCE, "source_spans": "The ministry"}, '"source_spans" must be a list'),
        ({**SENTENCE, "target_spans": [""]}, '"target_spans" must be a list of phrases'),
        ({**SENTENCE, "target_spans": ["the army"]}, "phrase 'the army' is not in the text"),
    ],
)
def test_bad_sentence_lines_are_skipped(tmp_path: Path, line: Any, message: str) -> None:
    path = write(tmp_path, SENTENCE, line)
    gold = read_penta_gold(path)
    assert len(gold.records) == 1
    assert gold.skipped[0][0] == "n1" and message in gold.skipped[0][1]
    assert f"{path} line 2" in gold.skipped[0][1]


def test_no_valid_line_is_an_error_naming_the_first_reasons(tmp_path: Path) -> None:
    path = write(tmp_path, {**STORY, "exhaustive": None}, "{")
    with pytest.raises(InputError) as info:
        read_doc_gold(path)
    message = str(info.value)
    assert message.startswith(f"{path}: no valid docs gold records")
    assert "line 1: document gold needs" in message and "line 2: not valid JSON" in message
    with pytest.raises(InputError, match="cannot read gold file"):
        read_penta_gold(tmp_path / "missing.jsonl")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(b'{"id": "\xe9"}\n')
    with pytest.raises(InputError, match="not UTF-8"):
        read_doc_gold(latin)


def test_duplicate_ids_are_noted(tmp_path: Path) -> None:
    gold = read_doc_gold(write(tmp_path, STORY, STORY))
    assert len(gold.records) == 2 and "id 's1' was already used on line 1" in gold.notes[0]


def test_format_is_guessed_from_the_first_record(tmp_path: Path) -> None:
    assert GOLD_FORMATS == ("jsonl", "docs", "penta", "petrarch-xml")
    assert guess_gold_format(write(tmp_path, "", "{oops", STORY)) == "docs"
    assert guess_gold_format(write(tmp_path, SENTENCE)) == "penta"
    neutral = {"id": "g", "text": "Freedonia agreed.", "events": [{"cameo": "030"}]}
    assert guess_gold_format(write(tmp_path, neutral)) == "jsonl"
    assert guess_gold_format(tmp_path / "unit.XML") == "petrarch-xml"
    assert guess_gold_format(tmp_path / "missing.jsonl") == "jsonl"
    # a named format wins over the guess
    with pytest.raises(InputError, match='"exhaustive": true'):
        read_gold(write(tmp_path, neutral), "docs")
