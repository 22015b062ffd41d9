"""Part-of-speech tag sets (``pipeline/_tags.py``), as names and as TokenTable ids."""

from __future__ import annotations

from spacy.language import Language

from dragoman.pipeline import VERBAL_POS, VERBAL_POS_IDS, TokenTable


def test_verbal_ids_are_the_ids_the_token_table_holds(nlp: Language) -> None:
    doc = nlp("Chile is ready and will sign the treaty.")
    table = TokenTable.of(doc)
    verbal = [t.text for t in doc if table.pos[t.i] in VERBAL_POS_IDS]
    assert verbal == [t.text for t in doc if t.pos_ in VERBAL_POS]
    assert {"is", "sign"} <= set(verbal)
    assert "treaty" not in verbal
