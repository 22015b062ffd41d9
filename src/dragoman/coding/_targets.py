"""Actor slots: who is the target of a clause, and who acts when no subject says.

Reads: a Clause (built once per sentence by ``_clauses``) and the document's actor resolver.
Writes: lists of Actors. The ways to a target are ordered tables of named strategies
(``_FREE_OBJECT``, ``_CONSTRAINED_OBJECT``): the first strategy that finds an actor wins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.parts_of_speech import NOUN as _NOUN_ID
from spacy.tokens import Span, Token

from dragoman.actors import UNKNOWN_COUNTRY, DocumentActors
from dragoman.coding._clauses import Clause, clause_for, words_before
from dragoman.coding._match import Match
from dragoman.coding._verbs import VerbDictionary
from dragoman.lexicon import words, words_in_order
from dragoman.ontology.codes import (
    ARREST,
    EXPEL,
    FIND_GUILTY,
    ROOT_ASSAULT,
    ROOT_FIGHT,
    ROOT_MASS_VIOLENCE,
    SEIZE_PROPERTY,
    VIOLENT_REPRESSION,
)
from dragoman.pipeline import TokenTable
from dragoman.records import Actor

__all__ = [
    "claimants",
    "complement_subjects",
    "consequence_targets",
    "demand_content",
    "first_actors",
    "grievance_targets",
    "is_unattributed",
    "names_a_pair",
    "noun_targets",
    "other_actors",
    "pair_in",
    "prep_objects",
    "targets_of",
    "when_clauses",
]

# Prepositions whose object is read as the target when the pattern names none, in order of
# preference ("sanctions against X", "talks with X", "aid to X").
_TARGET_PREPS = words_in_order("target_preps")


# tried in this order (a frozenset's order would change from run to run with the hash seed)
_NESTED_TARGET_PREPS = words_in_order("nested_target_preps")


# Roots of force whose doer, when the text names none, is taken to be of the place where it
# happened ("were killed in Kirkuk", "was arrested in Cairo", "a bomb killed ... in Kirkuk").
_UNATTRIBUTED_PREFIXES = (
    SEIZE_PROPERTY,
    ARREST,
    EXPEL,
    VIOLENT_REPRESSION,
    ROOT_ASSAULT,
    ROOT_FIGHT,
    ROOT_MASS_VIOLENCE,
)


# What does harm without being anyone: "a car bomb killed", "were wounded by shrapnel".
_WEAPON_NOUNS = words("weapon_nouns")


# Causes that are no one's use of force: "were killed in a flood", "a storm killed ...".
_NATURAL_CAUSES = words("natural_causes")


def claimants(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Who claimed the weapon or event that did a clause's deed: "the bombing, claimed by
    Islamic State, killed 15 soldiers", "an attack claimed by the Taliban"."""
    for doer in clause.subjects:
        if doer.pos_ != "NOUN":
            continue
        for acl in doer.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() == "claim":
                agents = [
                    p
                    for c in acl.children
                    if c.dep_ == "agent"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                actors = first_actors(agents, resolver)
                if actors:
                    return actors
    return []


def is_unattributed(match: Match, resolver: DocumentActors, verbs: VerbDictionary) -> bool:
    """Whether a clause reports force with no one named as its doer: an agentless passive
    ("two soldiers were killed"), or a weapon or an event as the doer ("were killed by a
    roadside bomb", "a car bomb killed")."""
    code = match.code
    clause = match.clause
    legal = clause.passive and code.startswith(FIND_GUILTY)  # "was convicted"
    if match.nominal or match.sources or not (code.startswith(_UNATTRIBUTED_PREFIXES) or legal):
        return False
    if clause.passive:
        doers = clause.subjects  # the by-phrase: "by a roadside bomb"
    else:
        doers = [s for s in clause.subjects if s.dep_ == "nsubj"]
        if not doers:
            return False
    for doer in doers:
        lemma = doer.lemma_.lower()
        if doer.pos_ != "NOUN" or resolver.is_named(doer.i):
            return False  # a pronoun or a name we could not resolve is someone
        if lemma not in _WEAPON_NOUNS and verbs.match_noun(lemma, words_before(doer)) is None:
            return False  # "a suicide bomber detonated": a person, not a weapon
    causes = [*doers, *clause.preps.get("in", []), *clause.preps.get("by", [])]
    return not any(
        c.lemma_.lower() in _NATURAL_CAUSES or any(w.lower_ in _NATURAL_CAUSES for w in c.lefts)
        for c in causes
    )


def complement_subjects(
    clause: Clause, resolver: DocumentActors, *, infinitive: bool = False
) -> list[Actor]:
    """Return the actors of the complement's subject: the addressee of a demand; with
    ``infinitive``, only of a to-infinitive ("allowed X to return")."""
    for comp in clause.comps:
        if infinitive and not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            continue
        for child in comp.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                actors = resolver.resolve(child)
                if actors:
                    return actors
    return []


def targets_of(
    clause: Clause, prep: str | None, constrained: bool, resolver: DocumentActors
) -> list[Actor]:
    """Pick the target actors of a matched clause.

    Args:
        clause: The clause.
        prep: The preposition the pattern names ("call on X"), if any: its object is the
            target.
        constrained: Whether the pattern constrains the direct object ("impose
            sanctions"): the object is then usually an instrument, and the target comes
            from a prepositional phrase ("on X") first; an object that is itself an actor
            of a known country ("expelled Indian diplomats") is the target after that.
        resolver: Resolves phrases to actors.

    Returns:
        The targets, empty if none is found. Without a pattern preposition, the order is:
        direct object, indirect object, prepositional objects (``_TARGET_PREPS``), then
        the possessor or a state modifier of the object ("praised Kazakhstan's role",
        "attacked Russian positions").
    """
    if prep is not None:
        heads = clause.preps.get(prep, []) + clause.object_preps.get(prep, [])
        # "called for sanctions against X", "asked for talks with X"
        actors = (
            first_actors(heads, resolver)
            or noun_targets(heads, resolver)
            or _addressees(heads, resolver)
        )
        actors = actors or _main_clause_referents(heads, clause.verb, resolver)
        for head in heads if not actors else ():
            # "agreed to US mediation", "called for an end to attacks by rebels"
            actors = resolver.resolve_possessor(head) or resolver.resolve_attached(head)
            if actors:
                break
        return actors
    strategies = _CONSTRAINED_OBJECT if constrained else _FREE_OBJECT
    for strategy in strategies:
        actors = strategy(clause, resolver)
        if actors:
            return actors
    return []


def _first_found(heads: Iterable[Token], find: Callable[[Token], list[Actor]]) -> list[Actor]:
    """The actors ``find`` gives for the first head that gives any."""
    for head in heads:
        actors = find(head)
        if actors:
            return actors
    return []


def _object_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _first_found(clause.objects, resolver.resolve)


def _known_object_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """An object that is an actor of a known country ("expelled Indian diplomats")."""
    return _first_found(
        clause.objects,
        lambda head: [a for a in resolver.resolve(head) if not a.code.startswith(UNKNOWN_COUNTRY)],
    )


# Object pronouns that, in a participle adjunct, may stand for the main clause's object.
_ADJUNCT_PRONOUNS = words("adjunct_pronouns")


def _main_clause_referents(
    heads: list[Token], verb: Token, resolver: DocumentActors
) -> list[Actor]:
    """In a participle adjunct, an object pronoun the resolver leaves open stands for whom
    the clause it hangs on deals with ("met business leaders, urging them to invest";
    "convened a meeting with governors, calling on them to act"): that clause's direct
    object, or the with-party of its verb or of its object (rule ``adjunct-party:...``)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return []
    if not any(h.lower_ in _ADJUNCT_PRONOUNS for h in heads):
        return []
    parties: list[Token] = []
    for child in verb.head.children:
        if child.dep_ in ("dobj", "dative"):
            parties.append(child)
            parties.extend(prep_objects(child, "with"))
        elif child.dep_ == "prep" and child.lower_ == "with":
            parties.extend(c for c in child.children if c.dep_ == "pobj")
    actors = _first_found(parties, resolver.resolve)
    return [replace(a, rule=f"adjunct-party:{a.rule}") for a in actors]


def _adjunct_pronoun_objects(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _main_clause_referents(clause.objects, clause.verb, resolver)


def _dative_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return first_actors(clause.datives, resolver)


def _prep_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The object of a target preposition of the verb or of its object, in
    ``_TARGET_PREPS`` order, not the source's own unnamed people."""
    for name in _TARGET_PREPS:
        heads = clause.preps.get(name, []) + clause.object_preps.get(name, [])
        actors = first_actors([h for h in heads if not _own_unnamed(h, resolver)], resolver)
        if actors:
            return actors
    return []


def _addressed(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _addressees(clause.objects, resolver)


def _object_owners(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The possessor or state modifier of the object ("praised Kazakhstan's role"), or who
    made it ("rejected the resolution passed by the U.S. Congress", "denied the charges
    brought by prosecutors")."""
    return _first_found(
        clause.objects,
        lambda head: resolver.resolve_possessor(head) or first_actors(_makers(head), resolver),
    )


def _owned_prep_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Whose is the object of a target preposition: "protested against the Israeli
    blockade", "sanctions on Russian banks"; not "restrictions on its own ports", the
    source's own."""
    for name in _OWNED_TARGET_PREPS:
        actors = _first_found(
            (
                head
                for head in clause.preps.get(name, []) + clause.object_preps.get(name, [])
                if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
            ),
            resolver.resolve_possessor,
        )
        if actors:
            return actors
    return []


# Nouns of traded goods: whose goods they are is the other party of a trade measure.
_TRADED_GOODS_NOUNS = words("traded_goods_nouns")


def _traded_goods_owners(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Whose goods the object trades: "banned imports of Japanese seafood" (Japan),
    "halted shipments of Russia's gas" (Russia); not "exports of its own rice"."""
    return _first_found(
        (
            pobj
            for head in clause.objects
            if head.lemma_.lower() in _TRADED_GOODS_NOUNS
            for pobj in prep_objects(head, "of")
            if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in pobj.children)
        ),
        resolver.resolve_possessor,
    )


def _nested_object_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _first_found(clause.objects, lambda head: _nested_targets(head, resolver))


def _beneficiary_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Whom help is for, in the object or a held phrase; not a topic's ("disagreed over US
    aid to Ukraine")."""
    heads = [*clause.objects, *(h for p in _HELD_PREPS for h in clause.preps.get(p, []))]
    return _first_found(heads, lambda head: _beneficiaries(head, resolver))


def _demanded(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _demanded_targets(clause.objects, resolver)


def _attached_object_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Who or where the object is about: "condemned an attack by rebels", "demanded a
    meeting of the Security Council"."""
    return _first_found(clause.objects, resolver.resolve_attached)


def _attached_prep_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The same for prepositional objects: "troops for a war against Iraq", "asked for
    talks with X"."""
    heads = (head for heads in clause.preps.values() for head in heads)
    return _first_found(heads, lambda head: resolver.resolve_attached(head, nested=True))


# Nouns of a grievance, whose "of", "against", "at" phrase names what it is aimed at:
# "in protest of", "in defiance of", "their disapproval of", "in opposition to".
_GRIEVANCE_NOUNS = words("grievance_nouns")


# Purpose verbs of a protest: "blocked roads to protest against X", "to denounce X", "to
# demand the resignation of X", "to show their anger at X".
_GRIEVANCE_VERBS = words("grievance_verbs")


_GRIEVANCE_PREPS = words_in_order("grievance_preps")


# a grievance noun's "for" names its object too ("their contempt for"); a verb's does not
# ("protested for the release of X")
_GRIEVANCE_NOUN_PREPS = (*_GRIEVANCE_PREPS, "for")


# Dependencies of a protest verb that may be its purpose clause ("marched to denounce X").
_GRIEVANCE_PURPOSE_DEPS = frozenset({"advcl", "relcl", "acl", "xcomp"})


def grievance_targets(heads: list[Token | None], resolver: DocumentActors) -> list[Actor]:
    """Whom a protest is aimed at, named in its purpose: an "in protest of X" phrase or a
    "to protest against X" clause of the verb or the event noun. Rule ``grievance:...``."""
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                nouns = [p for p in child.children if p.dep_ == "pobj"]
                actors = [
                    a
                    for n in nouns
                    if n.lemma_.lower() in _GRIEVANCE_NOUNS
                    for a in _aimed_at(n, resolver, _GRIEVANCE_NOUN_PREPS)
                ]
                if not actors:  # "stopped work in a strike over X's bill"
                    actors = [a for n in nouns for a in _issue_owners(n, resolver)]
            elif child.dep_ == "prep" and child.lower_ == "over":
                # "a walkout over a decree issued by the junta": whose the issue is
                actors = _issue_owners(head, resolver)
            elif (
                child.dep_ in _GRIEVANCE_PURPOSE_DEPS
                and child.lemma_.lower() in _GRIEVANCE_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                actors = _purpose_targets(child, resolver)
            else:
                continue
            if actors:
                return [replace(a, rule=f"grievance:{a.rule}") for a in actors]
    return []


def _purpose_targets(verb: Token, resolver: DocumentActors) -> list[Actor]:
    """Targets of a protest's purpose clause: its "against", "at" phrase, else its object
    (or what a grievance object or a demanded thing is of: "to show their anger at X",
    "to demand the resignation of X")."""
    actors = _aimed_at(verb, resolver)
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if actors:
            break
        if obj.lemma_.lower() in _GRIEVANCE_NOUNS:
            actors = _aimed_at(obj, resolver, _GRIEVANCE_NOUN_PREPS)
        else:
            actors = resolver.resolve(obj) or _owner(obj, resolver)
    return actors


def _aimed_at(
    head: Token, resolver: DocumentActors, preps: tuple[str, ...] = _GRIEVANCE_PREPS
) -> list[Actor]:
    """The actor a grievance is aimed at: the object of its "against", "of", "at" phrase,
    or that object's owner ("against Germany's decision", "of the ministry's new rules")."""
    for name in preps:
        for thing in prep_objects(head, name):
            actors = resolver.resolve(thing) or _owner(thing, resolver)
            if actors:
                return actors
    return []


def _issue_owners(head: Token, resolver: DocumentActors) -> list[Actor]:
    """Whose is the issue a protest is over: "a strike over the minister's bill"."""
    return [a for issue in prep_objects(head, "over") for a in _owner(issue, resolver)]


def _owner(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Whose a thing is: its possessor or state modifier, or its named "of" or "by" phrase;
    not a possessive pronoun's (often the protesters' own)."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return []
    return (
        resolver.resolve_possessor(noun)
        or resolver.resolve_attached(noun)
        or first_actors(_makers(noun), resolver)
    )


def _makers(noun: Token) -> list[Token]:
    """The "by" phrase of a past participle after a noun: "a decree issued by the junta",
    "a law passed by parliament"."""
    return [
        p
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for agent in acl.children
        if agent.dep_ == "agent"
        for p in agent.children
        if p.dep_ == "pobj"
    ]


# not "with": "with Albania's help" is a partner, not a target
_OWNED_TARGET_PREPS = words_in_order("owned_target_preps")


def noun_targets(heads: list[Token], resolver: DocumentActors) -> list[Actor]:
    """Targets named inside the nouns a preposition governs: "called for sanctions against
    X", "asked for talks with X"."""
    for head in heads:
        for name in _NESTED_TARGET_PREPS:
            actors = first_actors(prep_objects(head, name), resolver)
            if actors:
                return actors
    return []


def other_actors(actors: list[Actor], sources: list[Actor]) -> list[Actor]:
    codes = {s.code for s in sources}
    return [a for a in actors if a.code not in codes]


def prep_objects(head: Token, prep: str) -> list[Token]:
    """Objects of the given preposition attached to a token."""
    return [
        p
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == prep
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _nested_targets(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Targets inside an object's "of" chain: "welcomed the resumption of ties with X",
    "backed the launch of talks between X and Y"."""
    current = noun
    for _ in range(3):
        inner = None
        for child in current.children:
            if child.dep_ != "prep":
                continue
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "of" and pobjs:
                inner = pobjs[0]
            elif child.lower_ in _NESTED_TARGET_PREPS and current is not noun:
                actors = first_actors(pobjs, resolver)
                if actors:
                    return actors
        if inner is None:
            return []
        current = inner
    return []


def when_clauses(verb: Token) -> list[Token]:
    """The verbs of a clause's "when" or "as" clauses, which tell the same deed: "killed
    six guards when they stormed a prison in Niger"."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as") for m in c.children)
    ]


def consequence_targets(verb: Token, sentence: Span, resolver: DocumentActors) -> list[Actor]:
    """The victims of a participle of consequence that names no one are those its main
    clause struck: "the army shelled Laotian villages, killing 20" (Laotians). Rule
    ``consequence:...``."""
    while verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head  # "killing or wounding 50"
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i == verb.i or head.pos_ != "VERB":
        return []
    if any(c.dep_ == "mark" for c in verb.children):
        return []  # "after killing", "while fighting": not a consequence
    main = clause_for(head, sentence)
    actors = [
        a
        for a in targets_of(main, None, False, resolver) or _conjunct_object_targets(main, resolver)
        if not a.code.startswith(UNKNOWN_COUNTRY)
    ] or _conjunct_object_targets(main, resolver)  # "artillery and fire against X"
    return [replace(a, rule=f"consequence:{a.rule}") for a in actors]


# Prepositions that aim a thing at someone: "fire against X", "gas at X".
_AIMED_PREPS = words_in_order("aimed_preps")


# Nouns of a demand, whose clause's subject is the one asked to act.
_DEMAND_NOUNS = words("demand_nouns")


def _demanded_clause(verb: Token) -> bool:
    """Whether a clause hanging on a demand noun says what is demanded: "that X free
    them", "for X to stop"."""
    marks = {c.lower_ for c in verb.lefts if c.dep_ == "mark"}  # not "the demand that X made"
    if verb.dep_ in ("acl", "ccomp"):
        return True
    return ("that" in marks and verb.dep_ == "relcl") or ("for" in marks and verb.dep_ == "advcl")


def demand_content(verb: Token) -> bool:
    """Whether a verb heads what a demand noun asks for ("its call for the army to free
    the prisoners", "the request that Chile withdraw")."""
    head = verb.head
    return (
        head.i != verb.i
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _DEMAND_NOUNS
        and _demanded_clause(verb)
    )


def _addressees(nouns: list[Token], resolver: DocumentActors) -> list[Actor]:
    """The one a demand noun asks to act, as the subject of its clause: "insisted on its
    demands that Kenya's government free them", "repeated its call for Iran to stop".
    Rule ``addressee:...``."""
    for noun in nouns:
        if noun.lemma_.lower() not in _DEMAND_NOUNS:
            continue
        for clause in noun.children:
            if clause.pos_ not in ("VERB", "AUX") or not _demanded_clause(clause):
                continue
            for subject in clause.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    actors = resolver.resolve(subject)
                    if actors:
                        return [replace(a, rule=f"addressee:{a.rule}") for a in actors]
    return []


# Nouns of help given, whose "to" or "for" phrase names who gets it, and of a promise,
# whose "to" phrase names to whom it was made.
_AID_NOUNS = words("aid_nouns")


_AID_PREPS = words_in_order("aid_preps")


_PLEDGE_NOUNS = words("pledge_nouns")


# the verb's phrases that hold the help or the promise ("committed to aid for X", "reneged
# on its promise to X"); not a topic's ("disagreed over US aid to Ukraine")
_HELD_PREPS = words_in_order("held_preps")


def _beneficiaries(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Who gets the help a noun (or its "of" chain, three deep) names: "part of an aid
    program for Bosnia", "assistance to the Saudi-led campaign" (the leader of what is
    helped). Rule ``beneficiary:...``."""
    current: Token | None = noun
    for _ in range(3):
        if current is None:
            break
        words = {current.lemma_.lower(), *(c.lemma_.lower() for c in current.lefts)}
        pledge = current.lemma_.lower() in _PLEDGE_NOUNS
        if pledge or words & _AID_NOUNS:
            for prep in ("to",) if pledge else _AID_PREPS:
                for pobj in prep_objects(current, prep):
                    actors = [
                        a for a in resolver.resolve(pobj) if not a.code.startswith(UNKNOWN_COUNTRY)
                    ] or _leader(pobj, resolver)
                    kind = "pledged-to" if pledge else "beneficiary"
                    if actors:
                        return [replace(a, rule=f"{kind}:{a.rule}") for a in actors]
        inner = prep_objects(current, "of")
        current = inner[0] if inner else None
    return []


def _own_unnamed(head: Token, resolver: DocumentActors) -> bool:
    """Whether a phrase names the source's own people of no named country by a possessive
    pronoun ("a call for its peacekeepers to be sent to X"): they are not the target."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return False
    actors = resolver.resolve(head)
    return bool(actors) and all(a.code.startswith(UNKNOWN_COUNTRY) for a in actors)


def _demanded_targets(nouns: list[Token], resolver: DocumentActors) -> list[Actor]:
    """The target of what a demand noun's infinitive asks for: "rejected demands to free
    detainees held in Chad" (Chad), "refused calls to withdraw from Syria". Rule
    ``demanded:...``."""
    for noun in nouns:
        if noun.lemma_.lower() not in _DEMAND_NOUNS:
            continue
        for verb in noun.children:
            if verb.dep_ in ("xcomp", "acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
            ):
                actors = _demanded_in(clause_for(verb, verb.sent), resolver)
                if actors:
                    return [replace(a, rule=f"demanded:{a.rule}") for a in actors]
    return []


def _demanded_in(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The target of a demanded action: its own target, not the source's own forces
    ("to withdraw its troops from Georgia"), else the state it is to be done in ("to
    free detainees held in Chad")."""
    actors = targets_of(clause, None, False, resolver)
    if actors and all(a.code.startswith(UNKNOWN_COUNTRY) for a in actors):
        actors = targets_of(replace(clause, objects=[]), None, False, resolver)
    if actors:
        return actors
    return [
        a
        for place in prep_objects(clause.verb, "in")
        for a in resolver.resolve(place)
        if a.code in resolver.state_codes
    ]


def _leader(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Who leads a thing by an "X-led" modifier: "the US-led war" (the United States)."""
    for mod in noun.children:
        if mod.dep_ == "amod" and mod.lower_ == "led":
            for name in mod.children:
                if name.dep_ in ("npadvmod", "compound", "nmod"):
                    actors = resolver.resolve(name)
                    if actors:
                        return actors
    return []


def _conjunct_object_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Targets in a prepositional phrase of an object's conjunct: "launched artillery and
    rocket fire against Laotian camps". Rule ``conjunct-object:...``."""
    for obj in clause.objects:
        for conj in obj.conjuncts:
            for name in _AIMED_PREPS:
                actors = first_actors(prep_objects(conj, name), resolver)
                if actors:
                    return [replace(a, rule=f"conjunct-object:{a.rule}") for a in actors]
    return []


def first_actors(heads: list[Token], resolver: DocumentActors) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        out.extend(resolver.resolve(head))
    return out


# The order of the ways to a target (:func:`targets_of`), after every strategy is defined.
_Strategy = Callable[[Clause, DocumentActors], list[Actor]]


_AFTER_OBJECT: tuple[_Strategy, ...] = (
    _addressed,
    _object_owners,
    _owned_prep_targets,
    _traded_goods_owners,
    _nested_object_targets,
    _beneficiary_targets,
    _demanded,
    _attached_object_targets,
    _attached_prep_targets,
)


# An unconstrained object is the target first ("criticized Russia"); an object the pattern
# names ("imposed sanctions") is an instrument: the target comes from a preposition, and
# the object counts only as an actor of a known country ("expelled Indian diplomats").
_FREE_OBJECT: tuple[_Strategy, ...] = (
    _object_actors,
    _adjunct_pronoun_objects,
    _dative_actors,
    _prep_actors,
    _conjunct_object_targets,
    *_AFTER_OBJECT,
)


def _people_object_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Last: an object that is people of no named country ("released dozens of women and
    children", "freed the hostages") is whom the act was done to, not its instrument; the
    story's country may place them later."""
    return _first_found(
        clause.objects,
        lambda head: [a for a in resolver.resolve(head) if a.code[3:6] in _PEOPLE_SECTORS],
    )


# Sectors of people as such, never an instrument of an act.
_PEOPLE_SECTORS = frozenset({"CVL", "REF"})


_CONSTRAINED_OBJECT: tuple[_Strategy, ...] = (
    _dative_actors,
    _prep_actors,
    _conjunct_object_targets,
    _known_object_actors,
    *_AFTER_OBJECT,
    _people_object_actors,
)


# Nouns that, as "both ...", "the two ..." or "the warring ...", name the two parties of
# the latest two-sided event.
_PAIR_NOUNS = words("pair_nouns")
# lemma id -> whether its lower-case form is one of _PAIR_NOUNS (ids are hashes of the
# strings, the same in every vocabulary)
_PAIR_LEMMAS: dict[int, bool] = {}


def pair_in(token: Token) -> bool:
    """Whether a word below ``token`` (not itself) names two parties (:func:`names_a_pair`).

    Its words are first read from the token table, so a subtree with no noun of
    :data:`_PAIR_NOUNS` (nearly all) builds no Token.
    """
    doc = token.doc
    table = TokenTable.of(doc)
    pos, lemma = table.pos, table.lemma
    strings = doc.vocab.strings
    for i in range(token.left_edge.i, token.right_edge.i + 1):  # the subtree and no more
        if pos[i] != _NOUN_ID or i == token.i:
            continue
        known = _PAIR_LEMMAS.get(lemma[i])
        if known is None:
            known = _PAIR_LEMMAS[lemma[i]] = strings[lemma[i]].lower() in _PAIR_NOUNS
        if known:
            return any(names_a_pair(t) for t in token.subtree if t.i != token.i)
    return False


def names_a_pair(token: Token) -> bool:
    """Whether a noun names two parties: "both sides", "the two countries", "the warring
    parties"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _PAIR_NOUNS:  # as in pair_in
        return False
    return any(
        (c.dep_ in ("det", "predet", "preconj", "nummod") and c.lower_ in ("both", "two"))
        or (c.dep_ == "amod" and c.lower_ == "warring")
        for c in token.children
    )
