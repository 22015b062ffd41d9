"""Place records: a gazetteer entry and a place mentioned in a document."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["Feature", "MentionKind", "Place", "PlaceMention"]


class Feature(enum.StrEnum):
    """What kind of place an entry is."""

    COUNTRY = "country"
    CAPITAL = "capital"  # the capital city of a country
    CITY = "city"  # any other populated place
    REGION = "region"  # a US state, or a region from our aliases file (Donbas, Gaza Strip)
    CONTINENT = "continent"
    SEA = "sea"  # seas, gulfs and straits from our aliases file
    BORDER = "border"  # "at the border with Turkey": the country named, as a border area


class MentionKind(enum.StrEnum):
    """How a document names a place."""

    NAME = "name"  # "in Astana", "near Kharkiv"
    PHRASE = "phrase"  # "the Syrian city of Aleppo", "the Kharkiv region"
    CAPITAL = "capital"  # "Kazakhstan's capital", "the capital of Kazakhstan"
    BORDER = "border"  # "at the border with Turkey"
    DATELINE = "dateline"  # "ASTANA -" at the start of the story


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    Attributes:
        name: The place's name (for a country, the actor dictionary's name: "Turkey").
        country: ISO 3166-1 alpha-3 code of the country it lies in (its own code for a
            country; None for continents and international waters).
        feature: What kind of place it is (``country``, ``capital``, ``city``, ...).
        latitude: Latitude in degrees; for a country, region or sea a representative
            point, not a boundary.
        longitude: Longitude in degrees.
        population: Population as geonames gives it, 0 when unknown.
        geonameid: The geonames id, or None for places from our aliases file and borders.
    """

    name: str
    country: str | None
    feature: Feature
    latitude: float
    longitude: float
    population: int = 0
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the place."""
        return {
            "name": self.name,
            "country": self.country,
            "feature": str(self.feature),
            "latitude": self.latitude,
            "longitude": self.longitude,
            "population": self.population,
            "geonameid": self.geonameid,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a document, with where and how it was named.

    Attributes:
        place: The resolved place (best candidate for the preferences in force).
        text: The words that name the place ("Kazakhstan's capital", "Astana").
        start: Character offset of ``text`` in the document.
        end: Character offset just past ``text``.
        token: Index of the token that heads the place phrase.
        kind: How the place is named (name, phrase, capital, border, dateline).
        prep: The preposition that introduces the phrase ("in", "near"), lower case, or
            None for a dateline.
        governor: Index of the nearest verb above the phrase in the parse, or None.
        candidates: Every place the words can mean, best first; ``place`` is one of them.
            :func:`place_for_clause` re-ranks them for the countries of a clause's actors.
    """

    place: Place
    text: str
    start: int
    end: int
    token: int
    kind: MentionKind
    prep: str | None = None
    governor: int | None = None
    candidates: tuple[Place, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: the place's fields plus text, offsets and kind."""
        data = self.place.to_dict()
        data.update(
            {"text": self.text, "start": self.start, "end": self.end, "kind": str(self.kind)}
        )
        return data
