"""Long texts are parsed in bounded pieces and joined into one Doc of the whole text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dragoman import Coder
from dragoman.pipeline import parse_in_pieces, split_pieces

PARAGRAPHS = [
    "Poland criticized Belarus over the border crossings on Monday.",
    "The Polish foreign minister said the closures hurt trade. He met envoys in Warsaw.",
    "Two days later, Belarus accused Poland of provocations near the frontier.",
    "“We will not accept threats,” the Belarusian president said. “Talks remain open.”",
    "Lithuania praised Poland for its restraint.",
]
TEXT = "\n\n".join(PARAGRAPHS * 3) + "\n"


@pytest.mark.parametrize("limit", [100, 150, 400, 10_000])
def test_pieces_join_to_the_text_and_respect_the_limit(limit: int) -> None:
    pieces = split_pieces(TEXT, limit)
    assert "".join(pieces) == TEXT
    assert all(len(piece) <= max(100, limit) for piece in pieces)
    if limit == 10_000:
        assert pieces == [TEXT]


def test_pieces_end_at_paragraph_breaks_when_they_can() -> None:
    pieces = split_pieces(TEXT, 400)
    assert len(pieces) > 1
    assert all(piece.endswith("\n\n") for piece in pieces[:-1])


def test_unbroken_text_is_still_cut() -> None:
    text = "x" * 1000
    assert split_pieces(text, 300) == ["x" * 300, "x" * 300, "x" * 300, "x" * 100]
    words = "word " * 200
    assert all(p.endswith(" ") for p in split_pieces(words, 120)[:-1])


@pytest.mark.slow
def test_joined_doc_is_the_whole_text(nlp: Language) -> None:
    doc = parse_in_pieces(nlp, TEXT, piece_chars=400)
    assert doc.text == TEXT
    assert doc.has_annotation("DEP") and doc.has_annotation("LEMMA")
    whole = nlp(TEXT)
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents]


@pytest.mark.slow
def test_long_document_codes_as_a_whole(coder: Coder) -> None:
    """Coded in pieces, a document keeps its context: the same events as parsed whole."""
    whole = coder.analyze(TEXT, date="2025-06-01")
    original = coder.piece_chars
    coder.piece_chars = 400
    try:
        pieces = coder.analyze(TEXT, date="2025-06-01")
        streamed = list(coder.analyze_documents([pieces.document, pieces.document]))
    finally:
        coder.piece_chars = original
    assert [e.to_dict() for e in pieces.events] == [e.to_dict() for e in whole.events]
    assert [q.to_dict() for q in pieces.quotes] == [q.to_dict() for q in whole.quotes]
    assert len(streamed) == 2 and streamed[0].events == pieces.events
    assert len(split_pieces(TEXT, 400)) >= 3
    assert {e.source.code[:3] for e in pieces.events} >= {"POL", "BLR", "LTU"}
