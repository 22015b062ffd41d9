"""Hostile input to the readers: each bad record is one problem with file and line, the rest
is read (issue 16, items 1 and 10)."""

from __future__ import annotations

import json
from pathlib import Path

from dragoman import Document
from dragoman.ingest import InputProblem, read_documents

GOOD_A = json.dumps({"id": "a", "text": "Germany praised Poland.", "date": "2025-06-02"})
GOOD_B = json.dumps({"id": "b", "text": "France criticized Spain.", "date": "2025-06-02"})


def read(path: Path) -> tuple[list[Document], dict[int | None, str]]:
    items = list(read_documents([path]))
    docs = [i for i in items if isinstance(i, Document)]
    problems = {i.line: i.message for i in items if isinstance(i, InputProblem)}
    return docs, problems


def test_lone_surrogate_in_a_jsonl_line_is_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    bad = '{"id": "s", "text": "Germany \\ud800 praised Poland."}'
    bad_id = '{"id": "\\udfff", "text": "Germany praised Poland."}'
    bad_title = '{"id": "t", "text": "Germany praised Poland.", "title": "x\\ud83d"}'
    path.write_text("\n".join([GOOD_A, bad, bad_id, bad_title, GOOD_B]) + "\n", encoding="utf-8")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert set(problems) == {2, 3, 4}
    assert "surrogate" in problems[2] and '"text"' in problems[2]
    assert '"id"' in problems[3]
    assert '"title"' in problems[4]


def test_deeply_nested_jsonl_line_is_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    deep_field = '{"id": "d", "text": ' + "[" * 5000 + "]" * 5000 + "}"
    path.write_text("\n".join([GOOD_A, deep, deep_field, GOOD_B]) + "\n", encoding="utf-8")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert set(problems) == {2, 3}
    assert "nested" in problems[2]


def test_nul_and_control_characters_in_jsonl_text_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    nul = json.dumps({"id": "n", "text": "Germany praised\u0000 Poland."})
    bell = json.dumps({"id": "c", "text": "Germany\u0007 praised Poland."})
    path.write_text("\n".join([GOOD_A, nul, bell, GOOD_B]) + "\n", encoding="utf-8")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert "NUL" in problems[2] and "column 16" in problems[2]
    assert "control character" in problems[3]


def test_tabs_and_newlines_are_not_control_problems(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(json.dumps({"id": "t", "text": "A\tB\r\nC praised D."}) + "\n", "utf-8")
    docs, problems = read(path)
    assert problems == {} and docs[0].text == "A\tB\r\nC praised D."


def test_utf16_text_file_is_decoded(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-be"):
        path = tmp_path / f"story-{encoding}.txt"
        data = "Germany praised Poland.\n".encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        docs, problems = read(path)
        assert problems == {}
        assert docs[0].text == "Germany praised Poland.\n"


def test_utf16_without_bom_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes("Germany praised Poland.\n".encode("utf-16-le"))
    docs, problems = read(path)
    assert docs == []
    assert "UTF-16" in problems[None]


def test_utf16_jsonl_file_is_named_once(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(("\n".join([GOOD_A, GOOD_B]) + "\n").encode("utf-16"))
    docs, problems = read(path)
    assert docs == []
    assert len(problems) == 1 and "UTF-16" in next(iter(problems.values()))


def test_story_date_out_of_range_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    early = json.dumps({"id": "e", "text": "Germany praised Poland.", "date": "0001-03-01"})
    late = json.dumps({"id": "l", "text": "Germany praised Poland.", "date": "9999-12-31"})
    path.write_text("\n".join([GOOD_A, early, late, GOOD_B]) + "\n", encoding="utf-8")
    docs, problems = read(path)
    assert [d.id for d in docs] == ["a", "b"]
    assert "1800" in problems[2] and "2199" in problems[3]
