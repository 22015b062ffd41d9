"""Loading the spaCy pipeline: without the entity recognizer unless asked for."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dragoman.errors import ModelError
from dragoman.pipeline import PARAGRAPHS, UNUSED, has_entities, load_model

pytestmark = pytest.mark.slow


def test_default_pipeline_leaves_out_the_entity_recognizer(nlp: Language) -> None:
    assert "ner" in UNUSED
    assert "ner" not in nlp.pipe_names
    assert not has_entities(nlp)
    # what Dragoman reads is there: tags, lemmas, the parse, its paragraph breaks
    assert {"tagger", "parser", "lemmatizer", PARAGRAPHS} <= set(nlp.pipe_names)
    doc = nlp("Russia criticized NATO on Monday.")
    assert not doc.has_annotation("ENT_IOB")
    assert [t.lemma_ for t in doc][:2] == ["Russia", "criticize"]


def test_entity_recognizer_kept_on_request(nlp_ner: Language) -> None:
    assert "ner" in nlp_ner.pipe_names
    assert has_entities(nlp_ner)
    assert nlp_ner("Russia criticized NATO on Monday.").has_annotation("ENT_IOB")


def test_unknown_pipeline_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="no spaCy English pipeline"):
        load_model("no_such_pipeline_xyz")
