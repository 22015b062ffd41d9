"""Codes decided by who an event's parties are, once its actors are known.

Reads a match with its resolved sources and targets (``coding/_records.py``, before the
source-target pairs are made); refines the match's code: a clash between persons is one of
words (110), storming is an assault, a use of force or a riot by who storms, leaving an
intergovernmental organization reduces relations (160), and military drills held alone are a
show of force (150) aimed at the place's country.
"""

from __future__ import annotations

from dragoman.coding._clauses import Clause
from dragoman.coding._context import DocumentContext
from dragoman.coding._match import Match
from dragoman.coding._polity import location_actor
from dragoman.coding._targets import prep_objects
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    ASSAULT,
    COOPERATE_MILITARILY,
    DE_ESCALATE,
    DISAPPROVE,
    FIGHT,
    FORCE_POSTURE,
    INTENT_COOPERATE_MILITARILY,
    REDUCE_RELATIONS,
    RIOT,
)
from dragoman.records import Actor, Location

__all__ = ["recode_by_parties"]


def recode_by_parties(
    match: Match,
    clause: Clause,
    sources: list[Actor],
    targets: list[Actor],
    location: Location | None,
    context: DocumentContext,
) -> list[Actor]:
    """Refine the match's code by its parties (:meth:`Match.refine`, so the evidence shows
    the rule) and return the targets, which drills held alone aim at the place's country."""
    code = match.code
    if code == FIGHT and _verbal_clash(match, clause, [*sources, *targets]):
        # "the president clashed with his counterpart": persons clash in words
        match.refine("verbal-clash", DISAPPROVE, f"clash of persons ({clause.verb.text})")
        code = match.code
    if code in (RIOT, FIGHT) and clause.verb.lemma_.lower() in _STORM_VERBS and sources:
        # "gunmen stormed a hotel", "troops stormed the compound": armed men storming a
        # place assault it; crowds storming a building ("stormed the town hall") riot
        sectors = {s.code[3:6] for s in sources}
        if sectors <= _IRREGULAR_FORCES:
            match.refine("storm-by-doer", ASSAULT, f"storming by armed men ({code})")
        elif sectors <= _STATE_FORCES:
            match.refine("storm-by-doer", FIGHT, f"storming by state forces ({code})")
        elif sectors <= _CROWDS:
            match.refine("storm-by-doer", RIOT, f"storming by a crowd ({code})")
        code = match.code
    if code == DE_ESCALATE and _leaves_organization(match, clause, targets):
        # "withdrew from ECOWAS", "announced their withdrawal from the WHO": leaving an
        # organization reduces relations with it; no forces are pulled back
        match.refine("leave-organization", REDUCE_RELATIONS, f"withdrawal from ({code})")
        code = match.code
    if code in _DRILL_CODES and _unilateral_drill(match, clause, sources):
        # "Russia held naval drills near Alaska": a show of force, aimed at the place's
        # country, not military cooperation (the codebook's 062 drills are joint); "will
        # hold drills near X" is no intent to cooperate with X (the modality stays future)
        match.refine("unilateral-drill", FORCE_POSTURE, f"drill with no partner ({code})")
        targets = [t for t in targets if t.code[:3] not in {s.code[:3] for s in sources}]
        if not targets and location is not None and location.country:
            targets = [location_actor(location, context)]
    return targets


# Verbs and nouns of a clash, which between persons (not forces) is one of words.
_CLASH_WORDS = words("clash_words")


def _verbal_clash(match: Match, clause: Clause, actors: list[Actor]) -> bool:
    """Whether a clash ("clashed with", "the clash between") is one of named persons only:
    leaders or officials in the dictionaries, not forces, police or crowds."""
    word = (match.noun if match.noun is not None else clause.verb).lemma_.lower()
    return word in _CLASH_WORDS and len(actors) > 1 and all(_person(a) for a in actors)


# Verbs of rushing a place, which crowds do as a riot and armed men as an attack.
_STORM_VERBS = words("storm_verbs")
_IRREGULAR_FORCES = frozenset({"REB", "UAF", "CRM", "RAD"})
_STATE_FORCES = frozenset({"MIL", "COP"})
_CROWDS = frozenset({"OPP", "CVL", "AGR", "LAB", "EDU", "REL", "REF"})


# Nouns of military exercises, and the modifiers that make them joint.
_DRILL_NOUNS = words("drill_nouns")
_DRILL_CODES = frozenset({COOPERATE_MILITARILY, INTENT_COOPERATE_MILITARILY})
_JOINT_MODIFIERS = words("joint_modifiers")


def _unilateral_drill(match: Match, clause: Clause, sources: list[Actor]) -> bool:
    """Whether military exercises are held by one side alone: not "joint", with no
    with-partner (on the verb or the noun), and by the forces of one country only."""
    nouns = [match.noun] if match.noun is not None else clause.objects
    drills = [n for n in nouns if n is not None and n.lemma_.lower() in _DRILL_NOUNS]
    if not drills or len({s.code[:3] for s in sources}) != 1:
        return False
    holders = [clause.verb, *drills]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("amod", "compound") and child.lemma_.lower() in _JOINT_MODIFIERS:
                return False  # "joint drills", "combined exercises"
            if child.dep_ == "prep" and child.lower_ == "with":
                return False  # "held exercises with Belarus"
    return True


# Nouns of leaving, which as an object name the withdrawal itself ("announced its exit").
_LEAVING_NOUNS = words("leaving_nouns")


def _leaves_organization(match: Match, clause: Clause, targets: list[Actor]) -> bool:
    """Whether a withdrawal is from an organization, with nothing withdrawn named: no
    object of the verb ("withdrew its troops from"), no of-phrase of the noun ("the
    withdrawal of troops from"), and every target an intergovernmental organization."""
    if not targets or not all(t.code.startswith("IGO") for t in targets):
        return False
    nouns = [match.noun] if match.noun is not None else []
    nouns += [o for o in clause.objects if o.lemma_.lower() in _LEAVING_NOUNS]
    if any(prep_objects(noun, "of") for noun in nouns if noun is not None):
        return False  # "the withdrawal of troops from"
    return all(o.lemma_.lower() in _LEAVING_NOUNS for o in clause.objects)


def _person(actor: Actor) -> bool:
    """Whether an actor is a person: a dictionary person, or one coded by a title beside a
    name (not a government named by its leader: "Putin's government")."""
    if actor.entry is not None and actor.entry.startswith("people:"):
        return True
    return "person" in actor.rule and "person+agent" not in actor.rule
