"""Readers: every kind of bad input is reported with file and line, the rest is read."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest

from dragoman import Document, InputError
from dragoman.ingest import InputProblem, detect_format, read_documents


def split(items: list[Document | InputProblem]) -> tuple[list[Document], list[InputProblem]]:
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if isinstance(i, InputProblem)]
    return docs, problems


def test_text_file_is_one_document_with_default_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Russia criticized NATO.\n", encoding="utf-8")
    docs, problems = split(list(read_documents([path], default_date="2025-06-01")))
    assert problems == []
    assert docs == [Document(id=str(path), text="Russia criticized NATO.\n", date="2025-06-01")]


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHello world.".encode())
    docs, _ = split(list(read_documents([path])))
    assert docs[0].text == "Hello world."


def test_jsonl_reads_fields_and_reports_each_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "One.", "date": "2025-01-02", "title": "T", "url": "u"}),
        "{not json",
        json.dumps({"id": "b"}),
        "",
        json.dumps(["a list"]),
        json.dumps({"id": "c", "text": "Three.", "date": "yesterday"}),
        json.dumps({"id": 7, "text": "Four."}),
        json.dumps({"text": "   "}),
        json.dumps({"id": "d", "text": "Five.", "published": "2025-03-14 20:30:26Z"}),
    ]
    raw = "\n".join(lines).encode() + b"\n" + b'{"id": "e", "text": "caf\xe9"}\n'
    path.write_bytes(raw)
    docs, problems = split(list(read_documents([path], default_date="2025-06-01")))
    assert [d.id for d in docs] == ["a", "7", "d"]
    assert docs[0] == Document("a", "One.", "2025-01-02", "T", "u")
    assert docs[1].date == "2025-06-01"
    assert docs[2].date == "2025-03-14"
    by_line = {p.line: p.message for p in problems}
    assert set(by_line) == {2, 3, 5, 6, 8, 10}
    assert "not valid JSON" in by_line[2]
    assert '"text" is missing' in by_line[3]
    assert "not a JSON object" in by_line[5]
    assert "yesterday" in by_line[6]
    assert "empty" in by_line[8]
    assert "UTF-8" in by_line[10]
    assert str(problems[0]).startswith(f"{path} line 2: ")


def test_binary_mis_encoded_and_empty_text_files(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"first line\nsecond caf\xe9 line\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    docs, problems = split(list(read_documents([binary, latin, empty, good])))
    assert [d.text for d in docs] == ["Fine."]
    messages = {p.source: (p.line, p.message) for p in problems}
    assert "binary" in messages[str(binary)][1]
    assert messages[str(latin)] == (2, "not valid UTF-8 (byte 0xe9); convert the file to UTF-8")
    assert "empty" in messages[str(empty)][1]


def test_missing_file_and_directory_are_problems(tmp_path: Path) -> None:
    docs, problems = split(list(read_documents([tmp_path / "nope.txt", tmp_path])))
    assert docs == []
    assert "cannot read" in problems[0].message
    assert "directory" in problems[1].message


def test_gzip_jsonl_and_truncated_gzip(tmp_path: Path) -> None:
    body = b"".join(
        json.dumps(
            {
                "id": str(i),
                "text": " ".join(
                    hashlib.sha256(f"{i}-{j}".encode()).hexdigest() for j in range(20)
                ),
            }
        ).encode()
        + b"\n"
        for i in range(50)
    )
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(body))
    docs, problems = split(list(read_documents([good])))
    assert len(docs) == 50 and problems == []
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(body)[:-400])
    docs, problems = split(list(read_documents([cut])))
    assert 0 < len(docs) < 50
    assert len(problems) == 1 and "truncated" in problems[0].message
    assert problems[0].line == len(docs) + 1


def test_not_gzip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b"plain text, not gzip")
    _, problems = split(list(read_documents([path])))
    assert "gzip" in problems[0].message


def test_huge_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("word " * 250_001, encoding="utf-8")
    _, problems = split(list(read_documents([path])))
    assert "more than 1,000,000" in problems[0].message


def test_stdin_is_sniffed() -> None:
    jsonl = io.BytesIO(b'{"id": "x", "text": "Hello."}\n')
    docs, _ = split(list(read_documents(["-"], stdin=jsonl)))
    assert docs[0].id == "x"
    text = io.BytesIO(b"{curly} but plain text")
    docs, _ = split(list(read_documents(["-"], stdin=text)))
    assert docs[0].id == "stdin"


def test_detect_format() -> None:
    assert detect_format("a.jsonl") == "jsonl"
    assert detect_format("a.JSONL.GZ") == "jsonl"
    assert detect_format("a.txt", b'{"id": 1}') == "text"
    assert detect_format("-", b'  {"id": 1, "text": "x"}\n') == "jsonl"


def test_bad_default_date_and_format_raise() -> None:
    with pytest.raises(InputError):
        list(read_documents([], default_date="1 June"))
    with pytest.raises(InputError, match="input format"):
        list(read_documents([], input_format="xml"))
