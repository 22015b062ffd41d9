"""Events-only coding (``Coder.code``, ``code_document``, ``code_doc``) gives the events
``analyze`` gives, without building the quotation records it would drop."""

from __future__ import annotations

import pytest

from dragoman import Coder, Document
from dragoman.coding._context import DocumentContext

# written for these tests: a quotation with a speaker, a pronoun inside it, a reported act
_TEXT = (
    'Finnish Foreign Minister Elina Valtonen met Kazakh officials in Astana on Monday. "We '
    'condemn the attack on the convoy," she said. The ministry said Russia had expelled '
    "two Finnish diplomats."
)


def test_events_only_paths_give_the_events_of_analyze(coder: Coder) -> None:
    coded = coder.analyze(_TEXT, date="2025-06-02", doc_id="d")
    assert coded.quotes  # the text has a quotation: the records are built here
    document = Document(id="d", text=_TEXT, date="2025-06-02")
    doc = coder.nlp(_TEXT)
    assert coder.code(_TEXT, date="2025-06-02", doc_id="d") == coded.events
    assert coder.code_document(document) == coded.events
    assert coder.code_doc(doc, doc_id="d", date="2025-06-02", text=_TEXT) == coded.events


def test_events_only_paths_build_no_quotation_records(
    coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: DocumentContext, doc_id: str) -> list[object]:
        raise AssertionError("quotation records built for an events-only call")

    monkeypatch.setattr(DocumentContext, "quotes", refuse)
    assert coder.code(_TEXT, date="2025-06-02", doc_id="d")
    doc = coder.nlp(_TEXT)
    assert coder.code_doc(doc, doc_id="d", date="2025-06-02", text=_TEXT)
    with pytest.raises(Exception, match="quotation records"):
        coder.analyze(_TEXT, date="2025-06-02", doc_id="d")  # the check can fail
