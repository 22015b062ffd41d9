"""Place and polity of an event: whose state an actor belongs to, domestic events, located actors.

Reads: the resolved source and target actors, an event's Location, the document's actor
memory (for the sentence's or story's country). Writes: new Actor values (a target made
domestic, an actor placed in a country); never edits the ones it is given.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dragoman.actors import UNKNOWN_COUNTRY, DocumentActors
from dragoman.coding._context import DocumentContext
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_FIGHT,
    ROOT_FORCE_POSTURE,
    ROOT_MASS_VIOLENCE,
    ROOT_PROTEST,
    ROOT_REDUCE_RELATIONS,
)
from dragoman.places import load_gazetteer
from dragoman.records import Actor, Location

__all__ = [
    "domestic_source",
    "domestic_target",
    "home_country",
    "location_actor",
    "place_actor",
    "placed",
    "polity",
    "same_name_city_country",
]


def _state_prefix(actor: Actor, resolver: DocumentActors) -> str | None:
    prefix = actor.code[:3]
    return prefix if prefix in resolver.state_codes else None


# A state itself or its officials, whose words and dealings are as often with foreigners as
# at home (rebels' or protesters' dealings with "the army" are at home).
_STATE_SIDE = frozenset({"", "GOV", "MIL", "LEG", "JUD", "SPY", "ELI"})

_MATERIAL_CONFLICT = frozenset(
    {
        ROOT_PROTEST,
        ROOT_FORCE_POSTURE,
        ROOT_REDUCE_RELATIONS,
        ROOT_COERCE,
        ROOT_ASSAULT,
        ROOT_FIGHT,
        ROOT_MASS_VIOLENCE,
    }
)


def domestic_target(target: Actor, source: Actor, resolver: DocumentActors, code: str) -> Actor:
    """An agent of unknown country acted on by a state's actor is of that state:
    "Iranian authorities pressured workers" (IRNLAB), "Kenyan police arrested protesters".
    Not a pronoun for someone named earlier whom a state or its officials address by words
    or cooperation (``code`` outside roots 14-20): in "U.S. representatives criticized him"
    he is as likely foreign as American; the story's country is decided later."""
    if not target.code.startswith(UNKNOWN_COUNTRY) or _elsewhere(target):
        return target  # "criticized North African governments", "other governments"
    if (
        code[:2] not in _MATERIAL_CONFLICT
        and source.code[3:6] in _STATE_SIDE
        and target.rule.startswith("pronoun:")
    ):
        return target
    country = _state_prefix(source, resolver)
    if country is None:
        return target
    return replace(
        target,
        code=country + target.code[len(UNKNOWN_COUNTRY) :],
        rule=f"{target.rule}+source-country",
    )


# Sectors of a state's own institutions and internal parties: an actor of unknown country
# acting on one of them is taken to be of that state. Not the military, civilians,
# business or refugees, who are often abroad ("gunmen kidnapped French tourists").
_HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "OPP", "PTY", "REB", "INS"})


# Words that make an agent of unknown country someone else's than the other party's: "a
# foreign ministry", "other governments", "North African governments", "Western allies".
_ELSEWHERE_WORDS = words("elsewhere_words")
_WORD = re.compile(r"[A-Za-z]+")
_COUNTERPART = re.compile(r"\bcounterparts?\b", re.IGNORECASE)


def _elsewhere(actor: Actor) -> bool:
    """Whether an actor's text (or the antecedent its rule names) says it is of another or
    of no one state: "foreign", "other", a region's adjective."""
    text = f"{actor.text} {actor.rule}".lower()
    return any(word in _ELSEWHERE_WORDS for word in _WORD.findall(text))


def domestic_source(source: Actor, target: Actor, resolver: DocumentActors) -> Actor:
    """A source of unknown country acting on a state's own institution or internal party
    is of that state: "a judge opened an inquiry into Chilean ministers" (CHLJUD),
    "President X conceded to the rebels of UNITA" (AGOGOV). Rule ``+target-country``."""
    if not source.code.startswith(UNKNOWN_COUNTRY) or _elsewhere(source):
        return source  # a foreign minister's or ministry's dealings are with other states
    if _COUNTERPART.search(target.text):
        return source  # "the army chief met his Pakistani counterpart": not a Pakistani
    country = _state_prefix(target, resolver)
    if country is None or target.code[3:6] not in _HOME_SECTORS:
        return source
    return replace(
        source,
        code=country + source.code[len(UNKNOWN_COUNTRY) :],
        rule=f"{source.rule}+target-country",
    )


def home_country(source: Actor, resolver: DocumentActors) -> Actor | None:
    """The source's own country as the target of a domestic event, or None."""
    country = _state_prefix(source, resolver)
    if country is None:
        return None
    return replace(
        source,
        code=country,
        name=resolver.state_name(country),
        entry=f"states:{country}",
        rule="domestic:source-country",
    )


def polity(
    source: Actor, location: Location | None, context: DocumentContext, resolver: DocumentActors
) -> Actor | None:
    """The country a domestic-polity event with no target is done to: the country of its
    place when that is not the source's own ("threatened to ban the referendum in Kosovo",
    ``domestic:place-country``), else the source's own country."""
    home = _state_prefix(source, resolver)
    if home is not None and location is not None and location.country not in (None, "", home):
        return location_actor(location, context, rule="domestic:place-country")
    return home_country(source, resolver)


def placed(actor: Actor, location: Location, rule: str = "location") -> Actor:
    """Give an agent of unknown country the country of the event's place.

    "Protesters in Lima burned tyres": the protesters are Peruvian. An ethnic
    group named by its kin state ("ethnic Hungarians protested in Bucharest") is of the
    place too.
    """
    if actor.rule.startswith("ethnic:") and location.country:
        return replace(
            actor,
            code=location.country + actor.code[3:],
            rule=f"{actor.rule}+{rule}:{location.text}",
        )
    if not actor.code.startswith(UNKNOWN_COUNTRY) or not location.country:
        return actor
    return replace(
        actor,
        code=location.country + actor.code[len(UNKNOWN_COUNTRY) :],
        rule=f"{actor.rule}+{rule}:{location.text}",
    )


def location_actor(location: Location, context: DocumentContext, rule: str = "location") -> Actor:
    """The country of an event's place, as its target (or the source of force used by no
    one named)."""
    country = location.country or ""
    return place_actor(
        country,
        context.state_name(country),
        location.name,
        location.start,
        location.end,
        location.text,
        rule,
    )


def place_actor(
    country: str, name: str, place: str, start: int, end: int, text: str, rule: str
) -> Actor:
    """The country of a place the text names, as an actor whose words are the place's:
    an event's location, or the place a verb's object names ("shelled Kharkiv")."""
    return Actor(
        code=country,
        name=name,
        text=text,
        start=start,
        end=end,
        entry=f"places:{place}",
        rule=rule,
    )


def same_name_city_country(name: str, countries: list[str]) -> str | None:
    """The one of ``countries`` with a city called ``name``, when the gazetteer ranks one
    first ("Kingston" in a sentence about Canada), else None: what the actor resolver asks
    before reading a capital's name as its state."""
    candidates = load_gazetteer().candidates(name, countries)
    if candidates and candidates[0].country in countries:
        return candidates[0].country
    return None
