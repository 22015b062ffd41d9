"""Property-based: random bytes, random JSON and random Unicode (surrogates, NULs, deep
nesting) never make a reader raise, and the good documents around them are kept (issue 16)."""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dragoman import Document
from dragoman.ingest import InputProblem, read_documents

SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

GOOD = [
    json.dumps({"id": f"good{i}", "text": f"Germany praised Poland on day {i}."}) for i in range(3)
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
#: Any code point, lone surrogates and controls included.
hostile_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)


def _read(path: Path) -> list[Document | InputProblem]:
    items = list(read_documents([path]))
    assert all(isinstance(i, Document | InputProblem) for i in items)
    return items


def _ids(items: list[Document | InputProblem]) -> set[str]:
    return {i.id for i in items if isinstance(i, Document)}


@SETTINGS
@given(
    data=st.binary(max_size=2000),
    suffix=st.sampled_from([".txt", ".jsonl", ".html", ".warc", ".jsonl.gz", ".txt.gz", ""]),
)
def test_random_bytes_never_raise(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _read(path)


@SETTINGS
@given(line=st.binary(max_size=500), gz=st.booleans())
def test_a_random_line_costs_only_itself(line: bytes, gz: bool) -> None:
    body = "\n".join(GOOD[:2]).encode() + b"\n" + line.replace(b"\n", b" ") + b"\n"
    body += GOOD[2].encode() + b"\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("in.jsonl.gz" if gz else "in.jsonl")
        path.write_bytes(gzip.compress(body) if gz else body)
        assert {"good0", "good1", "good2"} <= _ids(_read(path))


@SETTINGS
@given(value=json_values, depth=st.integers(0, 3000))
def test_random_json_lines_cost_only_themselves(value: object, depth: int) -> None:
    nested = "[" * depth + json.dumps(value) + "]" * depth
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text(
            "\n".join([GOOD[0], nested, GOOD[1], json.dumps(value), GOOD[2]]) + "\n",
            encoding="utf-8",
        )
        assert {"good0", "good1", "good2"} <= _ids(_read(path))


@SETTINGS
@given(doc_id=hostile_text, text=hostile_text, date=hostile_text)
def test_random_unicode_fields_give_a_document_or_a_problem(
    doc_id: str, text: str, date: str
) -> None:
    record = json.dumps({"id": doc_id, "text": text, "date": date})  # ASCII: escapes survive
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_text("\n".join([GOOD[0], record, GOOD[1]]) + "\n", encoding="utf-8")
        items = _read(path)
        assert {"good0", "good1"} <= _ids(items)
        for item in items:
            if isinstance(item, Document):  # what is kept can be stored and coded
                for value in (item.id, item.text, item.date or ""):
                    value.encode("utf-8")
                    assert "\x00" not in value


@SETTINGS
@given(data=st.binary(max_size=500))
def test_random_stdin_never_raises(data: bytes) -> None:
    items = list(read_documents(["-"], stdin=io.BytesIO(data)))
    assert all(isinstance(i, Document | InputProblem) for i in items)
