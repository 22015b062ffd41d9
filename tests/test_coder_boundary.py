"""The Python API raises only DragomanError subclasses (issue 16, items 3 and 8)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from spacy.tokens import Doc

from dragoman import Coder, CodingError, Document, DragomanError, InputError


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "text must be a str, not NoneType"),
        (42, "text must be a str, not int"),
        (b"Germany praised Poland.", "decode bytes first"),
        (["Germany praised Poland."], "text must be a str, not list"),
        ("Germany \ud800 praised Poland.", "lone surrogate (\\ud800 at column 9)"),
    ],
)
def test_bad_text_is_an_input_error(coder: Coder, text: Any, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        coder.code(text)
    with pytest.raises(InputError):
        coder.analyze(text)


@pytest.mark.parametrize("doc_id", [None, 7, "a\udfffb"])
def test_bad_doc_id_is_an_input_error(coder: Coder, doc_id: Any) -> None:
    with pytest.raises(InputError, match="doc_id"):
        coder.code("Germany praised Poland.", doc_id=doc_id)


@pytest.mark.parametrize(
    ("date", "text"),
    [
        ("0001-03-01", "Germany praised Poland last year."),
        ("9999-12-31", "Germany will meet Poland next week."),
        (dt.date(1, 3, 1), "Germany praised Poland last year."),
        (20250601, "Germany praised Poland."),
    ],
)
def test_story_dates_outside_the_range_are_input_errors(coder: Coder, date: Any, text: str) -> None:
    with pytest.raises(InputError, match="date"):
        coder.code(text, date=date)


def test_dates_at_the_range_ends_are_coded(coder: Coder) -> None:
    for date in ("1800-01-01", "2199-12-31"):
        events = coder.code("Germany praised Poland last year.", date=date)
        assert [e.cameo.code for e in events] == ["051"]


def test_documents_are_checked_too(coder: Coder) -> None:
    with pytest.raises(InputError, match="not a list"):
        coder.analyze_document(["text"])  # type: ignore[arg-type]
    bad = Document(id="d", text="Germany \ud800 praised Poland.")
    with pytest.raises(InputError, match="lone surrogate"):
        list(coder.code_documents([bad]))
    with pytest.raises(InputError, match="outside"):
        coder.code_document(Document(id="d", text="Germany praised Poland.", date="0001-01-01"))
    with pytest.raises(InputError, match="doc_id"):
        coder.code_doc(coder.nlp("Germany praised Poland."), doc_id=None, date=None)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="text must be a str"):
        coder.lookup_actor(None)  # type: ignore[arg-type]


def test_an_unexpected_failure_is_a_coding_error(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(doc: Doc, **_: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(coder._extractor, "analyze", explode)
    monkeypatch.setattr(coder._extractor, "extract", explode)  # events only: code, code_doc
    with pytest.raises(CodingError, match=r"document 'x'.*RecursionError") as info:
        coder.code("Germany praised Poland.", doc_id="x")
    assert isinstance(info.value.__cause__, RecursionError)
    docs = [Document(id="a", text="Germany praised Poland.")]
    with pytest.raises(DragomanError, match="RecursionError"):
        list(coder.analyze_documents(docs))
