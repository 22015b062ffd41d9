"""Who a document and a clause name: the actors of their dictionary names.

Reads the coded events of one document (after placement in the story's country), its
parsed Doc and its actor resolver (its dictionary mentions: states, capitals,
organizations, people, state adjectives). Writes:

- the set of actor codes the document's mentions stand for on the story's date (a person
  by the role held then, else the person's country), which the last stage reads to tell an
  event whose target the story never names from one whose target the coder failed to
  connect;
- the events, one with no target (an act or a statement) given the one other party its
  clause names (rule ``clause-party:RULE``): "The UN envoy called for an end to the
  violence in Syria" is addressed to Syria; "imposed tariffs on goods from Canada and
  Mexico" to each of the coordinated parties (one event each). Not when the clause names
  two or more other parties apart (whom the act is aimed at is then not known), nor a
  party inside the subject ("China and the U.S. have pulled ahead" is no act of one on
  the other), nor one of the source's own country.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from dragoman.actors import UNKNOWN_COUNTRY, DocumentActors
from dragoman.coding._antecedents import verb_of
from dragoman.coding._clauses import absolute_with_participle
from dragoman.coding._records import retargeted
from dragoman.ontology.codes import (
    ROOT_AID,
    ROOT_APPEAL,
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_CONSULT,
    ROOT_DEMAND,
    ROOT_DISAPPROVE,
    ROOT_FIGHT,
    ROOT_INTENT,
    ROOT_MASS_VIOLENCE,
    ROOT_MATERIAL_COOPERATION,
    ROOT_REDUCE_RELATIONS,
    ROOT_REJECT,
    ROOT_THREATEN,
    ROOT_YIELD,
)
from dragoman.records import Actor, Event

__all__ = ["DYADIC_ROOTS", "document_parties", "with_clause_party_targets"]

# CAMEO roots whose act is done to someone: an appeal, an intent, a consultation, aid, a
# concession, a demand, criticism, a rejection, a threat, reduced relations, coercion and
# force are aimed at a party. Statements (01), diplomatic cooperation (05), investigations
# (09), protests (14) and force posture (15) stand without a target.
DYADIC_ROOTS = frozenset(
    {
        ROOT_APPEAL,
        ROOT_INTENT,
        ROOT_CONSULT,
        ROOT_MATERIAL_COOPERATION,
        ROOT_AID,
        ROOT_YIELD,
        ROOT_DEMAND,
        ROOT_DISAPPROVE,
        ROOT_REJECT,
        ROOT_THREATEN,
        ROOT_REDUCE_RELATIONS,
        ROOT_COERCE,
        ROOT_ASSAULT,
        ROOT_FIGHT,
        ROOT_MASS_VIOLENCE,
    }
)


def document_parties(resolver: DocumentActors) -> frozenset[str]:
    """Return the actor codes the document's dictionary names stand for."""
    found: set[str] = set()
    for mention in resolver.mentions:
        entry = mention.phrase.entry
        code: str | None = entry.code
        if entry.kind == "person":
            role = entry.role_on(resolver.date)
            code = role.code if role else entry.country
        if code:
            found.add(code)
    return frozenset(found)


def with_clause_party_targets(
    events: Sequence[Event], doc: Doc, resolver: DocumentActors
) -> list[Event]:
    """Return the events, one with no target given the one other party named in its
    verb's clause, or one event for each of several coordinated parties (see the module
    docstring)."""
    out: list[Event] = []
    starts = [m.start for m in resolver.mentions]  # in text order
    for event in events:
        targets: list[Actor] = []
        if event.target is None:
            targets = _clause_parties(event, doc, resolver, starts)
        if not targets:
            out.append(event)
        out.extend(retargeted(event, target) for target in targets)
    return out


def _clause_parties(
    event: Event, doc: Doc, resolver: DocumentActors, starts: list[int]
) -> list[Actor]:
    verb = verb_of(event, doc)
    if verb is None:
        return []
    sentence = verb.sent  # the clause's names are in its sentence: read only those
    mentions = resolver.mentions[
        bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)
    ]
    subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    # a clause of time with its own subject is another event's: in "called for air defense
    # after Russia launched drones at Kyiv" Russia is not whom the call is aimed at
    subject |= {t.i for c in verb.children if _other_time_clause(c) for t in c.subtree}
    # ... and so is an absolute "with" clause: in "met on Monday, with Russia blocking the
    # resolution" Russia is not whom the meeting was with
    subject |= {t.i for c in verb.children if _absolute_with(c) for t in c.subtree}
    country = event.source.code[:3]
    found: dict[str, tuple[Actor, Token]] = {}
    for mention in mentions:
        head = doc[mention.end - 1]
        if head.i in subject or not verb.is_ancestor(head):
            continue
        for actor in resolver.resolve(head):
            if actor.code[:3] != country and not actor.code.startswith(UNKNOWN_COUNTRY):
                found.setdefault(actor.code[:3], (actor, head))
    if len(found) > 1 and len({_coordination(head).i for _, head in found.values()}) > 1:
        return []  # several parties, not of one coordinated phrase: whom is not known
    return [replace(actor, rule=f"clause-party:{actor.rule}") for actor, _ in found.values()]


# Marks of an adverbial clause that says when, not what: its own subject does its own act.
_TIME_MARKS = frozenset({"after", "before", "since", "until", "when", "while", "once"})


def _absolute_with(child: Token) -> bool:
    """Whether a verb's child is an absolute "with" clause: "with Russia blocking the
    resolution" (a participle with its own subject under "with"), or its misparse with the
    participle hung on the verb (:func:`absolute_with_participle`)."""
    if child.dep_ != "prep" or child.lower_ != "with":
        return False
    return absolute_with_participle(child) is not None or any(
        c.dep_ == "pcomp" and c.tag_ == "VBG" and any(s.dep_ == "nsubj" for s in c.children)
        for c in child.children
    )


def _other_time_clause(child: Token) -> bool:
    """Whether a verb's child is a clause of time with a subject of its own ("after Russia
    launched drones")."""
    return (
        child.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in child.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
    )


def _coordination(token: Token) -> Token:
    """The first conjunct of the coordinated phrase a name is in ("Canada and Mexico",
    "Canadian and Mexican exports"), or the name's own token."""
    while token.dep_ == "conj" or (
        token.dep_ in ("amod", "compound") and token.head.dep_ == "conj"
    ):
        token = token.head
    return token
