"""Actors: the dictionary of states, organizations and role nouns, and resolution of the
phrases in clause slots to actor codes."""

from __future__ import annotations

from dragoman.actors._dictionary import (
    SECTOR_NAMES,
    ActorDictionary,
    AgentEntry,
    NamedEntry,
    Phrase,
    load_actor_dictionary,
)
from dragoman.actors._mentions import Mention, MentionFinder
from dragoman.actors._resolve import UNKNOWN_COUNTRY, DocumentActors

__all__ = [
    "SECTOR_NAMES",
    "UNKNOWN_COUNTRY",
    "ActorDictionary",
    "AgentEntry",
    "DocumentActors",
    "Mention",
    "MentionFinder",
    "NamedEntry",
    "Phrase",
    "load_actor_dictionary",
]
