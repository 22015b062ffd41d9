"""Places: an offline gazetteer and the locations of events.

Example:
    >>> from dragoman.places import lookup                         # doctest: +SKIP
    >>> lookup("Paris", prefer_countries=["USA"]).country          # doctest: +SKIP
    'USA'
"""

from __future__ import annotations

from collections.abc import Iterable

from dragoman.places._find import (
    LOCATIVE_PREPS,
    find_places,
    object_place,
    place_for_clause,
    rerank,
)
from dragoman.places._gazetteer import Gazetteer, NameSource
from dragoman.places._loader import build_gazetteer, load_gazetteer
from dragoman.places._place import Feature, MentionKind, Place, PlaceMention

__all__ = [
    "LOCATIVE_PREPS",
    "Feature",
    "Gazetteer",
    "MentionKind",
    "NameSource",
    "Place",
    "PlaceMention",
    "build_gazetteer",
    "find_places",
    "load_gazetteer",
    "lookup",
    "object_place",
    "place_for_clause",
    "rerank",
]


def lookup(name: str, prefer_countries: Iterable[str] = ()) -> Place | None:
    """Look a place name up in the shipped gazetteer (loaded on first use).

    Args:
        name: The exact, case-sensitive name ("Astana", "Kiev", "the Gaza Strip").
        prefer_countries: ISO alpha-3 (or actor) codes to prefer when the name is
            ambiguous, most preferred first: the countries of the event's actors.

    Returns:
        The best place, or None when no place has that name.
    """
    return load_gazetteer().lookup(name, prefer_countries)
