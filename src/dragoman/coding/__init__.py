"""Coding: clauses from the parse, verb patterns, and events."""

from __future__ import annotations

from dragoman._petrarchfile import PetrarchImport
from dragoman.coding._clauses import Clause, clause_for
from dragoman.coding._events import EventExtractor
from dragoman.coding._judge import (
    POLICY_RULES,
    ConfidenceModel,
    JudgeOptions,
    event_features,
    judge_events,
    load_confidence_model,
)
from dragoman.coding._petrarch import (
    Lemmatizer,
    import_petrarch_verbs,
    naive_lemma,
    spacy_lemmatizer,
)
from dragoman.coding._verbs import NounEntry, VerbDictionary, VerbEntry, load_verb_dictionary

__all__ = [
    "POLICY_RULES",
    "Clause",
    "ConfidenceModel",
    "EventExtractor",
    "JudgeOptions",
    "Lemmatizer",
    "NounEntry",
    "PetrarchImport",
    "VerbDictionary",
    "VerbEntry",
    "clause_for",
    "event_features",
    "import_petrarch_verbs",
    "judge_events",
    "load_confidence_model",
    "load_verb_dictionary",
    "naive_lemma",
    "spacy_lemmatizer",
]
