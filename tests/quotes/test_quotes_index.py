"""The quotation index the coder and the actor resolver share."""

from __future__ import annotations

import pytest

from dragoman.quotes import QuoteIndex


@pytest.mark.parametrize("in_order", [True, False])
def test_at_finds_the_first_quotation_containing_an_offset(in_order: bool) -> None:
    # an outer reported clause with a nested one, then a separate quotation
    quotes: list[tuple[int, int, int | None]] = [(10, 50, None), (20, 30, 4), (60, 70, None)]
    index = QuoteIndex(quotes if in_order else [quotes[2], quotes[0], quotes[1]])
    first, separate = (0, 2) if in_order else (1, 0)
    assert index.at(5) is None
    assert index.at(10) == first
    assert index.at(25) == first  # the outer one comes first
    assert index.at(35) == first  # after the nested one ends
    assert index.at(50) is None
    assert index.at(65) == separate
    assert index.at(70) is None
    assert len(index) == 3


def test_speaker_token_and_an_empty_index() -> None:
    index = QuoteIndex([(0, 5, None), (8, 20, 3)])
    assert index.speaker_token(0) is None
    assert index.speaker_token(1) == 3
    assert QuoteIndex().at(0) is None
    with pytest.raises(IndexError):
        index.speaker_token(2)


def test_the_resolver_reads_the_index_it_is_given(coder: object) -> None:
    from dragoman import Coder
    from dragoman.actors import DocumentActors

    assert isinstance(coder, Coder)
    doc = coder.nlp.make_doc("x " * 30)
    resolver = DocumentActors(doc, [], coder.actors)
    index = QuoteIndex([(4, 12, None)])
    resolver.set_quotes(index)
    assert resolver.quotes is index
    assert resolver.speaker(0) == []  # no speaker token: no speaker
