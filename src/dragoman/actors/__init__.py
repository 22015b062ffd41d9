"""Actors: the dictionary of states, organizations and role nouns, and resolution of the
phrases in clause slots to actor codes."""

from __future__ import annotations

from dragoman._petrarchfile import PetrarchImport
from dragoman.actors._dictionary import (
    SECTOR_NAMES,
    ActorDictionary,
    AgentEntry,
    NamedEntry,
    Phrase,
    Role,
    load_actor_dictionary,
)
from dragoman.actors._lookup import ActorLookup, lookup_actor
from dragoman.actors._mentions import Mention, MentionFinder
from dragoman.actors._petrarch import import_petrarch_actors, parse_petrarch_date
from dragoman.actors._resolve import UNKNOWN_COUNTRY, DocumentActors
from dragoman.actors._validate import DictionaryProblem, validate_actor_file

__all__ = [
    "SECTOR_NAMES",
    "UNKNOWN_COUNTRY",
    "ActorDictionary",
    "ActorLookup",
    "AgentEntry",
    "DictionaryProblem",
    "DocumentActors",
    "Mention",
    "MentionFinder",
    "NamedEntry",
    "PetrarchImport",
    "Phrase",
    "Role",
    "import_petrarch_actors",
    "load_actor_dictionary",
    "lookup_actor",
    "parse_petrarch_date",
    "validate_actor_file",
]
