"""pair_in: whether a clause names two parties ("both sides"), read through the token table
first; it must say what names_a_pair over the subtree says."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from dragoman.coding._targets import names_a_pair, pair_in

# written for this test
_TEXTS = [
    "A mediator says both sides broke the truce overnight.",
    "Observers said the two countries signed a trade deal.",
    "The warring parties agreed to a truce in the north.",
    "The ministry said its forces crossed to the other side of the river.",
    "Both men denied the charges.",
]


def _by_subtree(token: Token) -> bool:
    return any(names_a_pair(t) for t in token.subtree if t.i != token.i)


@pytest.mark.parametrize("text", _TEXTS)
def test_pair_in_agrees_with_the_subtree(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for token in doc:
        assert pair_in(token) == _by_subtree(token), token.text
        assert pair_in(token) == _by_subtree(token)  # the lemma memory answers the same


def test_pair_in_finds_two_parties_and_not_one(nlp: Language) -> None:
    doc = nlp(_TEXTS[0])
    says = next(t for t in doc if t.text == "says")
    assert pair_in(says)
    assert not pair_in(next(t for t in doc if t.text == "sides"))  # not the noun itself
    other = nlp(_TEXTS[3])
    assert not any(pair_in(t) for t in other)  # "the other side" names one party
