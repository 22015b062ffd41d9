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


def test_line_breaks_are_read_as_spaces_and_blank_lines_end_sentences(nlp: Language) -> None:
    assert nlp.pipe_names[0] == PARAGRAPHS  # before the embedding layer reads the norms
    text = "Drones hit a depot overnight.\nThe rebels fired rockets at a navy ship.\n\nHeadline"
    doc = nlp(text)
    spaces = [t for t in doc if t.is_space]
    assert spaces and all(t.norm_ == " " for t in spaces)
    assert doc.text == text  # the words and offsets are untouched
    fired = next(t for t in doc if t.text == "fired")
    assert fired.dep_ == "ROOT" and fired.pos_ == "VERB"  # not "fired rockets" as a noun phrase
    assert doc[-1].is_sent_start  # a blank line starts a sentence
