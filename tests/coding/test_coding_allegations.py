"""_allegations_in reads a phrase's words from the token table: it must find the kinds of
wrongdoing a walk over the Token objects finds, leaving out relative and adverbial clauses."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from dragoman.coding import _subcodes
from dragoman.coding._clauses import words_before

# written for this test
_TEXTS = [
    "The report says both armies committed war crimes in the valley.",
    "She said the shelling may amount to crimes against humanity.",
    "The envoy said the police carried out torture and abuses against detainees.",
    "He said the men, who were accused of espionage earlier, committed no crime.",
    "The court found that the militia, when it seized the town, committed a crime.",
]


def _by_tokens(phrase: Token) -> set[str]:
    found: set[str] = set()
    stack = [phrase]
    n = 0
    while stack and n < _subcodes._SCAN_LIMIT:
        token = stack.pop()
        n += 1
        stack.extend(c for c in token.children if c.dep_ not in _subcodes._ASIDE_DEPS)
        lemma = token.lemma_.lower()
        kind = _subcodes._ALLEGED.get(lemma)
        if lemma == "crime" and (
            "war" in words_before(token) or any(c.lower_ == "against" for c in token.children)
        ):
            kind = _subcodes._WAR_CRIME
        if kind is not None:
            found.add(kind)
    return found


@pytest.mark.parametrize("text", _TEXTS)
def test_allegations_agree_with_a_token_walk(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for token in doc:
        assert _subcodes._allegations_in(token) == _by_tokens(token), token.text
        assert _subcodes._allegations_in(token) == _by_tokens(token)  # from the id memory


def test_war_crimes_are_found(nlp: Language) -> None:
    doc = nlp(_TEXTS[0])
    committed = next(t for t in doc if t.text == "committed")
    assert _subcodes._WAR_CRIME in _subcodes._allegations_in(committed)
    said = nlp(_TEXTS[1])
    amount = next(t for t in said if t.text == "amount")
    assert _subcodes._WAR_CRIME in _subcodes._allegations_in(amount)
