"""Targets the sentence rules missed: whom a threat's condition names, and what a definite
noun points back at earlier in the story (who made the allegation denied, the attack
condemned).

Reads the coded events of one document (in text order, after the sentence rules, before
placement), its parsed Doc and its actor resolver. Writes the events with a target where
the clause names none:

- ``condition:RULE`` — a threat, demand or refusal whose "if"/"unless" clause names who must
  act: "threatened to strike unless Israel rescinded its decision" is aimed at Israel.
- ``audience:RULE`` — words said in an adjunct that names whom they were said to:
  "Speaking to NATO chiefs in Paris, the minister stressed the need to ..." is addressed
  to NATO.

and, where the sentence names none but points back at an earlier event by a definite noun:

- ``antecedent:act`` — the verb's object is the thing an earlier event made or did, named by
  the same noun: "Washington imposed tariffs ... Beijing rejected the tariffs" (the target
  is whoever imposed them).
- ``antecedent:accusation`` — a denial or rejection of "the allegations", "the claims", "the
  accusations" answers the latest accusation or criticism made against the denier's side.
- ``antecedent:attack`` — a condemnation of "the attack", "the bombing" is aimed at the
  latest attacker the story named.
- ``antecedent:combatants`` — a call or demand for "an end to the fighting" is addressed to
  both sides of the latest fight.
- ``antecedent:mention`` — a rejection or criticism of a definite noun ("rejected the
  resolution") answers whose thing the latest earlier mention of that noun names ("a
  resolution in the U.S. Congress", "Egypt's plan").
- ``antecedent:pair`` — "both sides", "the two countries", "the warring parties" in the
  clause stand for the two parties of the latest two-sided event.

The target keeps the words and offsets of the earlier mention (its evidence), and its rule
says which antecedent it came from. Events that already have a target are left alone, and an
antecedent is never the event's own source.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token

from dragoman.actors import UNKNOWN_COUNTRY, DocumentActors
from dragoman.coding._records import retargeted
from dragoman.coding._targets import pair_in
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    DENY_RESPONSIBILITY,
    ROOT_APPEAL,
    ROOT_ASSAULT,
    ROOT_DEMAND,
    ROOT_DISAPPROVE,
    ROOT_FIGHT,
    ROOT_MASS_VIOLENCE,
    ROOT_REJECT,
    ROOT_THREATEN,
)
from dragoman.pipeline import TokenTable
from dragoman.records import Actor, Event

__all__ = ["WINDOW", "verb_of", "with_antecedent_targets"]

# Nouns that name what someone said against someone else; their antecedent is an
# accusation or criticism (roots 11 and 12 as coded, 112 "accuse" above all).
_ACCUSATION_NOUNS = words("accusation_nouns")

# Nouns that name a use of force; their antecedent is an assault, fight or mass violence.
_ATTACK_NOUNS = words("attack_nouns")

# Nouns of fighting that "an end to ..." asks both sides to stop.
_CONFLICT_NOUNS = words("conflict_nouns")

# Determiners of a noun that refers back ("the", "these"), not of a new thing ("a", "any").
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "such"})

_FORCE_ROOTS = (ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE)

# Roots whose events answer an accusation or condemn an attack when their object is one:
# denials (016), criticism (11), rejection (12).
_ANSWER_ROOTS = (ROOT_DISAPPROVE, ROOT_REJECT)

# Roots of calls and demands, which "an end to the fighting" addresses to the fighters.
_CALL_ROOTS = (ROOT_APPEAL, ROOT_DEMAND)

# Roots whose "if"/"unless" clause names the one who must act: threats, demands, refusals.
_CONDITIONAL_ROOTS = (ROOT_THREATEN, ROOT_DEMAND, ROOT_REJECT)

# Marks of a condition clause.
_CONDITION_MARKS = frozenset({"if", "unless"})

# Roots of verbal acts, which an adjunct of speaking can address ("Speaking to X, ...").
_VERBAL_ROOTS = ("01", "02", "03", "05", "10", "11", "12", "13")

# Verbs of an adjunct that names an audience: "speaking to", "addressing", "writing to".
_AUDIENCE_VERBS = words("audience_verbs")

# Only antecedents this many sentences back or closer are read.
WINDOW = 12


def with_antecedent_targets(
    events: Sequence[Event], doc: Doc, resolver: DocumentActors
) -> list[Event]:
    """Return the events, those with no target given one from a condition clause or an
    earlier event if one fits.

    Args:
        events: The coded events of one document, in text order.
        doc: The parsed document they were coded from.
        resolver: The document's actor resolver (reads the condition clause's subject).

    Returns:
        The events in the same order; an event may become several (one per combatant).
    """
    if not any(e.target is None for e in events):
        return list(events)
    out: list[Event] = []
    for event in events:
        if event.target is not None:
            out.append(event)
            continue
        verb = verb_of(event, doc)
        here = event.evidence.verb.start
        earlier = [
            e
            for e in events  # before it, in the same sentence or not far back
            if e.evidence.verb.start < here and event.sentence_index - e.sentence_index <= WINDOW
        ]
        earlier.sort(key=lambda e: e.evidence.verb.start)
        found: list[Actor] = []
        if verb is not None:
            found = (
                _condition_targets(event, verb, resolver)
                or _audience(event, verb, resolver)
                or _targets(event, verb, earlier, doc)
                or _pair_targets(event, verb, earlier)
                or _mention_targets(event, verb, resolver)
            )
        if not found:
            out.append(event)
            continue
        out.extend(retargeted(event, target) for target in found)
    return out


def _targets(event: Event, verb: Token, earlier: list[Event], doc: Doc) -> list[Actor]:
    code = event.cameo.code
    for noun in _objects(verb):
        lemma = noun.lemma_.lower()
        if code[:2] in _CALL_ROOTS and lemma == "end":
            fight = _latest(earlier, lambda e: e.cameo.code.startswith(_FORCE_ROOTS))
            if fight is not None and _ends_conflict(noun):
                sides = [fight.source, *([fight.target] if fight.target is not None else [])]
                return [
                    _antecedent(a, "combatants")
                    for a in sides
                    if a.code != event.source.code and not a.code.startswith("---")
                ]
            continue
        if not _definite(noun):
            continue
        if lemma in _ACCUSATION_NOUNS and (
            code.startswith(_ANSWER_ROOTS) or code == DENY_RESPONSIBILITY
        ):
            accusation = _latest(earlier, partial(_accuses, side=event.source.code[:3]))
            if accusation is not None:
                return [_antecedent(accusation.source, "accusation")]
            continue
        if lemma in _ATTACK_NOUNS and code.startswith(_ANSWER_ROOTS):
            attack = _latest(
                earlier,
                lambda e: (
                    e.cameo.code.startswith(_FORCE_ROOTS) and e.source.code != event.source.code
                ),
            )
            if attack is not None:
                return [_antecedent(attack.source, "attack")]
            continue
        if code.startswith(_ANSWER_ROOTS):
            act = _latest(
                [e for e in earlier if e.source.code != event.source.code],
                partial(_made, lemma=lemma, doc=doc),
            )
            if act is not None:
                return [_antecedent(act.source, "act")]
    return []


# Defying norms or law (128): "violated the agreement" is no answer to its makers.
_DEFY = "128"


# Prepositions by which a noun's phrase names whose it is: "a resolution in the U.S.
# Congress", "a proposal by Egypt", "the decision of the court", "a report from the UN".
_OWNER_PREPS = frozenset({"by", "from", "in", "of"})


def _mention_targets(event: Event, verb: Token, resolver: DocumentActors) -> list[Actor]:
    """Whose thing a rejection or criticism of a definite noun answers, from the latest
    earlier mention of that noun that names its owner: "Pakistan rejected the resolution"
    after "a resolution in the U.S. Congress" is aimed at Congress, "criticized the plan"
    after "Egypt's plan" at Egypt. The owner is a possessor, a state adjective or a
    by/from/in/of phrase of the earlier mention (a name as a modifier may be a venue: "the
    Doha agreement"); never the event's own source."""
    if not event.cameo.code.startswith(_ANSWER_ROOTS) or event.cameo.code == _DEFY:
        return []  # defying a law or violating a pact answers no one's thing
    doc = verb.doc
    first = verb.sent.start
    for _ in range(WINDOW):  # the start of the sentence WINDOW sentences back
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for noun in _objects(verb):
        if not _definite(noun):
            continue
        lemma = noun.lemma_.lower()
        for earlier in reversed(doc[first : verb.sent.start]):
            if earlier.pos_ != "NOUN" or earlier.lemma_.lower() != lemma:
                continue
            owned = any(
                c.dep_ == "poss" or (c.dep_ == "amod" and c.tag_ == "JJ" and resolver.is_named(c.i))
                for c in earlier.children
            )  # "Egypt's plan", "the American proposal"; not "the Doha agreement" (a venue)
            owners = (resolver.resolve_possessor(earlier) if owned else []) or [
                actor
                for prep in earlier.children
                if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPS
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for actor in resolver.resolve(pobj)
            ]
            found = [
                _antecedent(a, "mention")
                for a in owners
                if a.code != event.source.code and not a.code.startswith(UNKNOWN_COUNTRY)
            ]
            if found:
                return found
            break  # the latest mention names no owner: the noun refers to that one
    return []


def _pair_targets(event: Event, verb: Token, earlier: list[Event]) -> list[Actor]:
    """Both parties of the latest two-sided event, for "both sides", "the two countries",
    "the warring parties" in the clause: "the UN says both sides committed abuses"."""
    if not pair_in(verb):
        return []
    pair = _latest(
        earlier,
        lambda e: (
            e.target is not None
            and e.source.code != e.target.code
            and not e.target.code.startswith(UNKNOWN_COUNTRY)
        ),
    )
    if pair is None or pair.target is None:
        return []
    return [
        _antecedent(a, "pair") for a in (pair.source, pair.target) if a.code != event.source.code
    ]


def _condition_targets(event: Event, verb: Token, resolver: DocumentActors) -> list[Actor]:
    """The subject of an "if"/"unless" clause of a threat, demand or refusal (or of its
    complement): "threatened to stop the talks if the United States goes ahead"."""
    if not event.cameo.code.startswith(_CONDITIONAL_ROOTS):
        return []
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    for head in heads:
        for clause in head.children:
            if clause.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in clause.children
            ):
                continue
            for subject in clause.children:
                if subject.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                actors = [
                    replace(a, rule=f"condition:{a.rule}")
                    for a in resolver.resolve(subject)
                    if a.code != event.source.code and not a.code.startswith(UNKNOWN_COUNTRY)
                ]
                if actors:
                    return actors
    return []


def _audience(event: Event, verb: Token, resolver: DocumentActors) -> list[Actor]:
    """Whom a verbal act was addressed to, named by an adjunct of speaking: the "to" object
    of "speaking/talking/writing to X", the object of "addressing X"."""
    if not event.cameo.code.startswith(_VERBAL_ROOTS):
        return []
    for adjunct in _adjuncts(verb):
        if adjunct.lemma_.lower() not in _AUDIENCE_VERBS:
            continue
        heads = [c for c in adjunct.children if c.dep_ == "dobj"]
        for prep in adjunct.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                heads += [c for c in prep.children if c.dep_ == "pobj"]
        for head in heads:
            actors = [
                replace(a, rule=f"audience:{a.rule}")
                for a in resolver.resolve(head)
                if a.code != event.source.code
            ]
            if actors:
                return actors
    return []


def _adjuncts(verb: Token) -> list[Token]:
    """The adverbial clauses of a verb, and those the parse hung on a participle among
    them that has no subject: in "Speaking to NATO chiefs gathered in Paris, the minister
    urged ...", "Speaking" is parsed as an adjunct of "gathered", the participle that
    describes the chiefs (its past participle sometimes read as a past tense whose subject
    is "Speaking")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ != "advcl":
            continue
        found.append(child)
        if child.tag_ in ("VBN", "VBG", "VBD") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in child.children
        ):  # a bare participle, not a clause of its own ("after X had left")
            found.extend(
                c
                for c in child.children
                if c.dep_ in ("advcl", "csubj") and c.tag_ == "VBG" and c.i < child.i
            )
    return found


def _accuses(event: Event, side: str) -> bool:
    """Whether the event accuses or criticizes someone of ``side`` (a country prefix)."""
    return (
        event.cameo.code.startswith(_ANSWER_ROOTS)
        and event.target is not None
        and event.target.code[:3] == side
        and event.source.code[:3] != side
    )


def _antecedent(actor: Actor, kind: str) -> Actor:
    return replace(actor, rule=f"antecedent:{kind}:{actor.rule}")


def _latest(events: list[Event], fits: Callable[[Event], bool]) -> Event | None:
    for event in reversed(events):
        if not event.source.code.startswith("---") and fits(event):
            return event
    return None


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects and what it calls for ("called for an end to ...")."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    out += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            out += [c for c in prep.children if c.dep_ == "pobj"]
    return [n for n in out if n.pos_ == "NOUN"]


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _ends_conflict(end: Token) -> bool:
    for prep in end.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _CONFLICT_NOUNS:
                    return True
    return False


def _made(event: Event, *, lemma: str, doc: Doc) -> bool:
    """Whether the earlier event's verb has the noun as its object ("imposed tariffs")."""
    verb = verb_of(event, doc)
    if verb is None:
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == lemma for c in verb.children)


def verb_of(event: Event, doc: Doc) -> Token | None:
    """The token the event's verb evidence starts at (no Token is built for other words)."""
    start, end = event.evidence.verb.start, event.evidence.verb.end
    table = TokenTable.of(doc)
    idx = table.idx
    at = bisect_left(idx, start)
    if at < len(idx) and idx[at] == start and start < end <= idx[-1] + table.length[-1]:
        return doc[at]  # the evidence starts a word and ends inside the text: that word
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
