"""Nominal events: the light verb of an event noun and the clause a noun stands in.

Reads: tokens of the parse (an event noun, its governing verb). Writes: the light verb, the
noun's Clause, the noun's own source; used by the event-code stage for noun patterns
("launched an offensive", "Russia's attack on Ukraine").
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.actors import DocumentActors
from dragoman.coding._clauses import Clause, modality
from dragoman.coding._match import Match
from dragoman.lexicon import words
from dragoman.ontology.codes import CONSULT, DISCUSS_BY_TELEPHONE, NEGOTIATE
from dragoman.records import Actor

__all__ = [
    "ANSWER_VERBS",
    "COPULAS",
    "LIGHT_VERBS",
    "bare_light_verb",
    "light_verb",
    "nominal_clause",
    "nominal_source",
    "noun_clause",
    "of_thing",
    "partnerless",
    "state_out_of_place",
]

# Verbs that take an event noun as their object without adding meaning of their own:
# "held talks", "launched an offensive", "opened an investigation", "made an appeal".
LIGHT_VERBS = words("light_verbs")


COPULAS = words("copulas")


# Verbs that take an event noun in an in-phrase without adding meaning of their own:
# "engaged in fighting", "participated in the talks", "took part in the protests".
_LIGHT_IN_VERBS = words("light_in_verbs")


# Verbs that put their object under an event: "placed him under arrest".
_UNDER_VERBS = words("under_verbs")


# Adjectives that make the copula's subject the doer of the event noun they govern.
_CULPABLE = words("culpable")


# Verbs of coming together whose for-phrase names what is done there.
_MOTION_VERBS = words("motion_verbs")


# Event nouns that name a consultation only with a partner: "a joint news conference with X".
_PARTNER_NOUNS = words("partner_nouns")
_PRESS_PARTNERS = words("press_partners")


def partnerless(noun: Token) -> bool:
    """Whether an event noun that needs a partner ("news conference") has none: no
    with-phrase on the noun, nor on the verb it is the object of ("held a news conference
    with X"), other than one naming the press ("with reporters")."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    if noun.lemma_.lower() not in _PARTNER_NOUNS:
        # any talk whose only with-party is the press ("in a conversation with journalists",
        # "talks with reporters") is no consultation either
        partners = [
            c
            for holder in holders
            for child in holder.children
            if child.dep_ == "prep" and child.lower_ == "with"
            for c in child.children
            if c.dep_ == "pobj"
        ]
        return bool(partners) and all(p.lemma_.lower() in _PRESS_PARTNERS for p in partners)
    return not any(
        child.dep_ == "prep"
        and child.lower_ == "with"
        and any(
            c.dep_ == "pobj" and c.lemma_.lower() not in _PRESS_PARTNERS for c in child.children
        )
        for holder in holders
        for child in holder.children
    )


def bare_light_verb(match: Match, noun: Token) -> bool:
    """Whether a matched verb is a light verb matched by a pattern with no conditions, and
    the event noun is its direct object ("announced a ceasefire", "joined the protests")."""
    entry = match.entry
    return (
        noun.dep_ == "dobj"
        and match.refined_by is None
        and not match.nominal
        and entry.order >= 0
        and entry.verb in LIGHT_VERBS
        and not (entry.objects or entry.comps or entry.prep or entry.particle)
    )


def light_verb(noun: Token) -> Token | None:
    """The light verb an event noun is the content of, or None: the object of "launched
    an offensive", or the in-phrase of "engaged in fighting" and "took part in talks"."""
    head = noun.head
    if noun.dep_ == "dobj":
        if head.pos_ == "VERB" and head.lemma_.lower() in LIGHT_VERBS:
            return head
        return None
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return None
    verb = head.head
    prep = head.lower_
    if verb.dep_ == "acomp" and verb.lemma_.lower() in _CULPABLE and prep in ("for", "of"):
        verb = verb.head  # "is responsible for the killings", "guilty of the attack"
        return verb if verb.lemma_.lower() in COPULAS else None
    if prep == "behind":  # "was behind the attack"
        return verb if verb.lemma_.lower() in COPULAS else None
    if prep == "under":  # "placed X under arrest", "was put under investigation"
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _UNDER_VERBS else None
    if prep == "for":
        # "returned to Geneva for talks", "gathered for a rally": what they came to do
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _MOTION_VERBS:
            return verb
        return None
    if prep == "on":  # "remained on alert", "went on strike": a state entered or kept
        return verb if verb.lemma_.lower() in _ON_STATE_VERBS else None
    if prep == "as":  # "held civilians as human shields": what they were used as
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _AS_VERBS else None
    if prep == "with":  # "retaliated with tariffs", "hit back with sanctions on X"
        answering = verb.pos_ == "VERB" and verb.lemma_.lower() in ANSWER_VERBS
        if answering and not any(c.dep_ == "dobj" for c in verb.children):
            return verb  # not "hit the rebels with air strikes": an instrument
        return None
    if prep == "into":  # "entered into negotiations with X"
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() == "enter" else None
    if head.lower_ != "in":
        return None
    if verb.pos_ == "NOUN" and verb.lower_ == "part" and verb.dep_ == "dobj":
        verb = verb.head  # "took part in" read as "part in the talks"
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in _LIGHT_IN_VERBS:
        return verb
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
        return verb
    return None


# Verbs of answering an act whose with-phrase names the answer: "retaliated with tariffs",
# "hit back with sanctions", "responded with air strikes".
ANSWER_VERBS = words("answer_verbs")


# Verbs whose on-phrase is a state their subject is in ("remained on alert", "went on
# strike", "are on a hunger strike"), and whose as-phrase is a use made of their object.
_ON_STATE_VERBS = words("on_state_verbs")


_AS_VERBS = words("as_verbs")


# Event nouns that name the event only as such a state: "troops remained on alert", not
# "issued a flood alert".
_STATE_NOUNS = words("state_nouns")


def state_out_of_place(noun: Token) -> bool:
    """Whether a state noun ("alert") stands anywhere but in an on-phrase of armed forces
    ("troops remained on alert"; "the country went on high alert" over a disease is no
    military alert)."""
    if noun.lemma_.lower() not in _STATE_NOUNS:
        return False
    if noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return True
    verb = noun.head.head
    return not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _FORCES
        for c in verb.children
    )


# Heads of phrases naming armed forces or police, whose alert is a force posture.
_FORCES = words("forces")


# Event nouns whose event sense needs a polity as what they are "of": diplomatic recognition
# is of a state or government ("recognition of Palestine"), or of its statehood ("of
# Kosovo's independence"), not of "X's contributions" or "of the problem".
_OF_POLITY_NOUNS = words("of_polity_nouns")


_POLITY_NOUNS = words("polity_nouns")


def of_thing(noun: Token) -> bool:
    """Whether an "of"-needing event noun is of a thing, not a polity ("recognition of
    Kazakhstan's contributions"): then it is no event."""
    if noun.lemma_.lower() not in _OF_POLITY_NOUNS:
        return False
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                return not (pobj.pos_ == "PROPN" or pobj.lemma_.lower() in _POLITY_NOUNS)
    return False


# Prepositions that name the parties of an event as "between" does.
_AMONG = frozenset({"among", "amongst"})


# Verbs whose subject receives what their object noun names from a "from" phrase: "faced
# criticism from X", "drew condemnation from X", "received an invitation from X".
_RECEIVING_VERBS = words("receiving_verbs")


def _received_from(noun: Token) -> tuple[list[Token], list[Token]] | None:
    """The givers (the "from" phrase, on the noun or its verb) and the receivers (the
    verb's subject) of an event noun that is the object of a receiving verb."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVING_VERBS:
        return None
    givers = [
        pobj
        for prep in (*noun.children, *verb.children)
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    receivers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not givers or not receivers:
        return None
    return givers, receivers


def nominal_clause(noun: Token) -> Clause | None:
    """Read a nominal event: who (possessor, by-phrase, state adjective) and preps."""
    subjects: list[Token] = []
    preps: dict[str, list[Token]] = {}
    modifiers: list[Token] = []
    for child in noun.children:
        dep = child.dep_
        if dep == "poss":
            subjects.append(child)
        elif dep == "prep":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if not pobjs:
                continue
            if child.lower_ == "by":
                subjects.extend(pobjs)
            else:
                # "an agreement among X, Y and Z" is one between them
                prep = "between" if child.lower_ in _AMONG else child.lower_
                preps.setdefault(prep, []).extend(pobjs)
        elif dep in ("amod", "compound", "nmod") and child.pos_ in ("ADJ", "PROPN"):
            modifiers.append(child)
    if (
        "between" not in preps
        and noun.dep_ == "nsubj"
        and noun.head.pos_ == "VERB"
        and modality(noun.head) == "asserted"
    ):
        # "clashes erupted between X and Y", "talks resumed between X and Y": the parties
        # hang on the verb of the event's happening (not "a summit will take place between
        # X and Y", which is no event yet)
        parties = [
            pobj
            for child in noun.head.children
            if child.dep_ == "prep" and (child.lower_ == "between" or child.lower_ in _AMONG)
            for pobj in child.children
            if pobj.dep_ == "pobj"
        ]
        if parties:
            preps["between"] = parties
    received = _received_from(noun) if not subjects else None
    if received is not None:
        # "the government faced criticism from rights groups": they criticize it
        subjects, receivers = received
        preps.pop("from", None)
        preps.setdefault("against", []).extend(receivers)
    # a possessor or a by-phrase names the doer; the modifiers then say what kind of event
    # it is ("its Security Council veto", "Iran's UN-brokered talks")
    if not subjects:
        subjects = modifiers
    if not subjects and "between" not in preps:
        return None
    return Clause(noun, subjects=subjects, preps=preps)


# Prepositions of an adjunct whose event noun is the main clause subject's own: "said
# during a visit to Beijing", "spoke on a trip to Kyiv".
_ADJUNCT_EVENT_PREPS = words("adjunct_event_preps")


# Codes of talks in which one side can tell or ask the other something (not visits).
_CONVERSATIONS = frozenset({CONSULT, DISCUSS_BY_TELEPHONE, NEGOTIATE})


# Further prepositions of an adjunct whose talks are the subject's own ("told him in a phone
# call", "spoke after talks with X", "said at a meeting with X").
_CONVERSATION_PREPS = frozenset({"in", "after", "at"})


def noun_clause(noun: Token, code: str) -> Clause | None:
    """The clause of a nominal event: its own (:func:`nominal_clause`), or that of an
    adjunct (:func:`adjunct_nominal_clause`) when the noun's own names no parties, only
    plain adjectives ("said at a joint news conference with X": "joint" is no doer)."""
    own = nominal_clause(noun)
    if own is not None and (
        "between" in own.preps
        or not all(s.dep_ == "amod" and s.text.islower() for s in own.subjects)
    ):
        return own
    return adjunct_nominal_clause(noun, code) or own


def adjunct_nominal_clause(noun: Token, code: str) -> Clause | None:
    """Read an event noun in an adjunct of time ("during a visit to Beijing", "on a trip
    to Kyiv"): its doer is the subject of the verb the adjunct belongs to, when the noun
    has no doer of its own. A consultation in which someone was told or asked something
    ("told Trump in a phone call", "urged him during talks") is held with whom the verb
    addresses, when the noun names no one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    consulting = code in _CONVERSATIONS
    if prep.lower_ not in _ADJUNCT_EVENT_PREPS and not (
        consulting and prep.lower_ in _CONVERSATION_PREPS
    ):
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(c.dep_ in ("poss", "agent") for c in noun.children):
        return None
    clause = Clause(noun, subjects=subjects)
    for child in noun.children:
        if child.dep_ == "prep":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs:
                clause.preps.setdefault(child.lower_, []).extend(pobjs)
    if consulting and not clause.preps.keys() & {"with", "between", "to"}:
        addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if addressed:
            clause.preps["with"] = addressed
    return clause


def nominal_source(head: Token, resolver: DocumentActors) -> list[Actor]:
    """A nominal event's source: a possessor or by-phrase, or a state or organization
    named by a modifier ("Russian attack"); other modifiers ("air", "surprise") are not."""
    if head.dep_ in ("amod", "compound", "nmod") and not resolver.is_named(head.i):
        return []
    return resolver.resolve(head)
