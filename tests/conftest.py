"""Shared fixtures: the spaCy pipeline and a Coder are loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dragoman import Coder
from dragoman.pipeline import load_model


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="session")
def coder(nlp: Language) -> Coder:
    return Coder(nlp=nlp)
