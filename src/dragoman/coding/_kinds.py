"""Codes refined by who the actors turned out to be.

Reads the coded events of one document (after actors are resolved, before placement) and
writes them with a code that the actors' sectors make more exact: armed forces backing
armed forces in the field ("soldiers, supported by clan militias and the U.S. military")
cooperate militarily (062); the verb alone ("support", "back") reads as endorsement (051).
The pattern in the evidence ends with ``; armed backing -> 062``.
"""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.coding._records import recoded
from dragoman.lexicon import words
from dragoman.ontology.codes import COOPERATE_MILITARILY, PRAISE_OR_ENDORSE
from dragoman.records import Event

__all__ = ["with_actor_kinds"]

# Sectors of armed actors: armies, police, militias, rebels.
_ARMED = frozenset({"MIL", "COP", "UAF", "REB", "INS"})

# Verbs whose endorsement, between armed actors, is military backing.
_ARMED_BACKING_VERBS = words("armed_backing_verbs")


def with_actor_kinds(events: Sequence[Event]) -> list[Event]:
    """Return the events, armed backing between armed actors coded 062."""
    return [_armed_backing(event) for event in events]


def _armed_backing(event: Event) -> Event:
    target = event.target
    if (
        event.cameo.code != PRAISE_OR_ENDORSE
        or target is None
        or event.source.code[3:6] not in _ARMED
        or target.code[3:6] not in _ARMED
        or event.quote is not None
    ):
        return event
    verb = event.evidence.verb.text.lower()
    if not any(verb.startswith(stem) for stem in _ARMED_BACKING_VERBS):
        return event
    return recoded(event, COOPERATE_MILITARILY, "armed backing")
