"""Actor slots of one match: who acts and whom it is done to.

Reads: a :class:`_match.Match` (its clause, pattern, event noun, content and known speakers),
its sentence, the document's actor resolver and the verb dictionary. Writes: :class:`Slots`,
the sources and targets (Actors with the rule that found each), or None when nobody named
acts and the event is not one that may go unattributed. The order of the steps is the order
of the code below: the first step that finds an actor wins; the target strategies of one
clause are the ordered tables of ``_targets``. Place and date come after (``_records``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dragoman.actors import UNKNOWN_COUNTRY, DocumentActors
from dragoman.coding._clauses import Clause, clause_for, words_before
from dragoman.coding._match import Match
from dragoman.coding._nominal import nominal_clause, nominal_source
from dragoman.coding._polity import place_actor
from dragoman.coding._targets import (
    claimants,
    complement_subjects,
    consequence_targets,
    first_actors,
    grievance_targets,
    is_unattributed,
    names_a_pair,
    noun_targets,
    other_actors,
    prep_objects,
    targets_of,
)
from dragoman.coding._verbs import VerbDictionary
from dragoman.lexicon import words, words_in_order
from dragoman.ontology.codes import (
    DE_ESCALATE,
    PEACEKEEPING,
    RECEIVE_PEACEKEEPERS,
    ROOT_ASSAULT,
    ROOT_CONSULT,
    ROOT_FIGHT,
    ROOT_FORCE_POSTURE,
    ROOT_MASS_VIOLENCE,
    ROOT_PROTEST,
    SEIZE_PROPERTY,
)
from dragoman.places import object_place
from dragoman.records import Actor

__all__ = ["BETWEEN_ROOTS", "FORCE_PREFIXES", "OWN_FORCES_PREFIXES", "Slots", "fill_slots"]


# Codes of moving one's own forces: deploying, sending and withdrawing troops.
OWN_FORCES_PREFIXES = (ROOT_FORCE_POSTURE, PEACEKEEPING, DE_ESCALATE, RECEIVE_PEACEKEEPERS)


# Roots of force whose participial consequence ("shelled X, killing 20") hit the same side.
FORCE_PREFIXES = (ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE)


# Roots of events whose "between X and Y" names both parties: talks and fighting.
BETWEEN_ROOTS = frozenset({ROOT_CONSULT, ROOT_FIGHT})


# Prepositions that give a nominal event's target: "attack on X", "talks with X".
_NOMINAL_TARGET_PREPS = words_in_order("nominal_target_preps")


# ``object: ["*"]``: any object, which is then whom the event is done to ("helped Haiti")
_ANY_OBJECT = words("any_object")


@dataclass(frozen=True, slots=True)
class Slots:
    """The actors of one match.

    Attributes:
        clause: The clause as read for the event (a passive's moved forces are taken out of
            its objects when they are its source: "Russian troops were withdrawn").
        sources: Who acts (empty when ``unattributed``).
        targets: Whom it is done to (may be empty).
        unattributed: Force used by no one named: the place's country is the source
            (decided with the place, in ``_records``).
    """

    clause: Clause
    sources: list[Actor]
    targets: list[Actor]
    unattributed: bool


def _passive_modifier(verb: Token) -> bool:
    """Whether a verb is a past participle modifying a noun, with its doer in a by-phrase."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "agent" for c in verb.children)
    )


def fill_slots(
    match: Match,
    sentence: Span,
    resolver: DocumentActors,
    verbs: VerbDictionary,
    pair: Sequence[Actor] = (),
) -> Slots | None:
    """Return the sources and targets of a match, or None when it has no actors to code.

    ``pair`` is the two parties of the latest two-sided event before the sentence, for a
    subject that names two parties ("both sides agreed", "the two countries signed").
    """
    clause = match.clause
    sources, clause = _sources(match, clause, resolver)
    if not sources and pair and any(names_a_pair(head) for head in clause.subjects):
        sources = [replace(a, rule=f"antecedent:pair:{a.rule}") for a in pair]
    if not sources and match.code.startswith(FORCE_PREFIXES) and not match.nominal:
        sources = _event_doers(clause, resolver, verbs)
    unattributed = not sources and is_unattributed(match, resolver, verbs)
    if not sources and not unattributed:
        return None
    targets = _targets(match, clause, sentence, sources, resolver)
    if targets is None:
        return None
    return Slots(clause, sources, targets, unattributed)


# Codes of acts whose object, when it names a place, is done to that place's country:
# force and seizure ("shelled Kharkiv", "bombed Khan Younis", "seized Goma"); not arrests
# and other coercion of people, whose names may be those of towns ("arrested Zamora").
_PLACE_OBJECT_PREFIXES = (SEIZE_PROPERTY, ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE)


# Verbs of force whose object is a person ("killed Zamora" names a man, not a town).
_PERSON_HARM_VERBS = words("person_harm_verbs")


# Nouns whose of-phrase names the place a verb is done to: "seized the city of Aleppo",
# "took control of Bukavu".
_OF_PLACE_HEADS = words("of_place_heads")


def _object_places(heads: Sequence[Token], resolver: DocumentActors) -> list[Actor]:
    """The country of a place named as the object: "attacked Kharkiv" is done to Ukraine,
    "seized the city of Aleppo" to Syria."""
    named = [
        place
        for head in heads
        for place in (
            prep_objects(head, "of") if head.lemma_.lower() in _OF_PLACE_HEADS else [head]
        )
    ]
    for obj in named:
        mention = object_place(obj)
        if mention is None or not mention.place.country:
            continue
        country = mention.place.country
        name = resolver.state_name(country)
        return [
            place_actor(
                country,
                name,
                mention.place.name,
                mention.start,
                mention.end,
                mention.text,
                "object-place",
            )
        ]
    return []


def _event_doers(clause: Clause, resolver: DocumentActors, verbs: VerbDictionary) -> list[Actor]:
    """The doers of the attack in which a passive's victims were hurt: "were killed in an
    air strike by government forces", "died in Israeli shelling", "were wounded by a
    Russian drone attack" (the by-phrase or in-phrase is an event noun with its own doer)."""
    for head in [*clause.subjects, *clause.preps.get("in", []), *clause.preps.get("during", [])]:
        if head.pos_ != "NOUN":
            continue
        entry = verbs.match_noun(head.lemma_.lower(), words_before(head))
        if entry is None or not entry.code.startswith(FORCE_PREFIXES):
            continue
        nominal = nominal_clause(head)
        if nominal is None:
            continue
        actors = [a for doer in nominal.subjects for a in nominal_source(doer, resolver)]
        if actors:
            return [replace(a, rule=f"event-doer:{a.rule}") for a in actors]
    return []


def _sources(match: Match, clause: Clause, resolver: DocumentActors) -> tuple[list[Actor], Clause]:
    """The actors who act, and the clause (without its objects when they are the source)."""
    code = match.code
    sources: list[Actor] = list(match.sources)
    for head in clause.subjects:
        sources.extend(
            resolver.resolve(head) if not match.nominal else nominal_source(head, resolver)
        )
    if (
        not sources
        and "between" in clause.preps
        and (match.nominal or (not clause.subjects and code[:2] in BETWEEN_ROOTS))
    ):
        # reciprocal talks or fighting: "talks between X and Y", "fighting between X and Y
        # continued" (a gerund with no subject of its own)
        sources = first_actors(clause.preps["between"], resolver)
    if not sources and clause.passive and code.startswith(OWN_FORCES_PREFIXES):
        # "Chinese warships were deployed near Taiwan", "Russian troops were withdrawn":
        # forces moved are moved by their own side
        sources = [
            a
            for head in clause.objects
            for a in resolver.resolve(head)
            if not a.code.startswith(UNKNOWN_COUNTRY)
        ]
        if sources:
            clause = replace(clause, objects=[])
    if not sources and not match.nominal:
        sources = claimants(clause, resolver)  # "the attack, claimed by IS, killed"
    return sources, clause


def _targets(
    match: Match,
    clause: Clause,
    sentence: Span,
    sources: list[Actor],
    resolver: DocumentActors,
) -> list[Actor] | None:
    """The actors the event is done to; None when a nominal event is too vague to code."""
    entry, code = match.entry, match.code
    if match.nominal:
        targets = first_actors(
            [h for p in _NOMINAL_TARGET_PREPS for h in clause.preps.get(p, [])], resolver
        ) or other_actors(first_actors(clause.preps.get("of", []), resolver), sources)
        if not targets and len({s.code for s in sources}) < 2:
            return None  # "Russian attack" alone names no one attacked: too vague
    else:
        # the object is the pattern's instrument ("imposed sanctions"), unless the event
        # noun is in a prepositional phrase ("placed the leader under arrest")
        constrained = (
            bool(entry.objects)
            and entry.objects != _ANY_OBJECT
            and not (match.noun is not None and match.noun.dep_ == "pobj")
        )
        targets = targets_of(clause, entry.prep, constrained, resolver)
    if (
        not targets
        and not match.nominal
        and code.startswith(_PLACE_OBJECT_PREFIXES)
        and clause.verb.lemma_.lower() not in _PERSON_HARM_VERBS
    ):
        targets = _object_places(clause.objects, resolver)  # "Russian forces shelled Kharkiv"
    if match.noun is not None and not other_actors(targets, sources):
        # "mounted its invasion of Lebanon", "the arrest of X by Y": what the event is of
        targets = first_actors(prep_objects(match.noun, "of"), resolver) or targets
    if match.noun is not None and all(t.code.startswith(UNKNOWN_COUNTRY) for t in targets):
        # "air strikes on Gaza killed 20 people": the event noun names whom it hit
        targets = noun_targets([match.noun], resolver) or targets
        if all(t.code.startswith(UNKNOWN_COUNTRY) for t in targets) and code.startswith(
            _PLACE_OBJECT_PREFIXES
        ):
            # "a Russian missile attack on Odesa killed three people": the place attacked
            attacked = [h for p in _NOMINAL_TARGET_PREPS for h in prep_objects(match.noun, p)]
            targets = _object_places(attacked, resolver) or targets
    if not targets and match.content is not None:
        # "stressed the need to lift sanctions on Iraq", "the need for talks with X"
        content = match.content
        if content.pos_ == "NOUN":
            targets = noun_targets([content], resolver)
        else:
            targets = targets_of(clause_for(content, sentence), None, False, resolver)
    if not targets and match.addressee:
        # "demanded that Iran stop", "said Sudan must return": the one asked to act
        targets = complement_subjects(clause, resolver)
    if not targets:
        # "allowed Syrian refugees to return", "convinced parliament to amend the law":
        # the one allowed or persuaded, parsed as the subject of the to-infinitive
        targets = [
            replace(a, rule=f"infinitive-subject:{a.rule}")
            for a in complement_subjects(clause, resolver, infinitive=True)
        ]
    if not targets:
        # "threatened to attack X", "refused to negotiate with X": the complement
        # carries the target of the intent, threat or refusal
        for comp in clause.comps:
            if comp.dep_ in ("xcomp", "pcomp"):
                inner = clause_for(comp, sentence)
                targets = targets_of(inner, None, False, resolver) or [
                    # "refused to allow UN planes to land": the one (not) allowed
                    replace(a, rule=f"infinitive-subject:{a.rule}")
                    for a in complement_subjects(inner, resolver, infinitive=True)
                ]
                if targets:
                    break
    if not targets and code.startswith(FORCE_PREFIXES):
        targets = consequence_targets(clause.verb, sentence, resolver)
    if not targets and _passive_modifier(clause.verb):
        # "soldiers, supported by clan militias and the U.S. military": the noun the
        # participle modifies is whom it was done to, not the co-agents to each other
        targets = [
            replace(a, rule=f"modified:{a.rule}") for a in resolver.resolve(clause.verb.head)
        ]
    if code[:2] == ROOT_PROTEST and all(t.rule == "place-of-object" for t in targets):
        # "held a sit-in to protest against X's plan", "marched in defiance
        # of X": whom the protest is aimed at, before where it is held
        heads = [clause.verb, match.noun, *clause.objects]  # "staged a protest over X"
        targets = grievance_targets(heads, resolver) or targets
    if code.startswith(OWN_FORCES_PREFIXES):
        # "deployed troops to the border", "the withdrawal of its troops": the forces
        # moved are the source's own, not the target (CAMEO 15: the target is whom the
        # posture is aimed at)
        targets = [t for t in targets if not t.code.startswith(UNKNOWN_COUNTRY)]
    return targets
