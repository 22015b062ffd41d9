"""Coding: clauses from the parse, verb patterns, and events."""

from __future__ import annotations

from dragoman.coding._clauses import Clause, clause_for
from dragoman.coding._events import EventExtractor
from dragoman.coding._verbs import VerbDictionary, VerbEntry, load_verb_dictionary

__all__ = [
    "Clause",
    "EventExtractor",
    "VerbDictionary",
    "VerbEntry",
    "clause_for",
    "load_verb_dictionary",
]
