"""Modality: whether an event is asserted, future, hypothetical or an obligation.

Reads: a Match (its clause's modality, its verb's conditions). Writes: the match's code and
modality (a future appeal becomes an intent, a future attack a threat).
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.coding._clauses import is_negated
from dragoman.coding._frames import Frame, frame_code
from dragoman.coding._match import Match
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    FORCE_POSTURE,
    REJECT,
    ROOT_AID,
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_CONSULT,
    ROOT_DIPLOMATIC_COOPERATION,
    ROOT_FIGHT,
    ROOT_FORCE_POSTURE,
    ROOT_INTENT,
    ROOT_MASS_VIOLENCE,
    ROOT_MATERIAL_COOPERATION,
    ROOT_PROTEST,
    ROOT_REDUCE_RELATIONS,
    ROOT_YIELD,
    THREATEN,
)

__all__ = ["apply_modality", "conditional", "own_possibility"]

_ACTION_ROOTS_INTENT = frozenset(
    {
        ROOT_CONSULT,
        ROOT_DIPLOMATIC_COOPERATION,
        ROOT_MATERIAL_COOPERATION,
        ROOT_AID,
        ROOT_YIELD,
    }
)


_ACTION_ROOTS_THREAT = frozenset(
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


# Subordinators of clauses that state a condition, not an event: "will boycott the vote
# unless the president agrees to step down", "will attack if X invades".
_CONDITIONS = words("conditions")


def _condition_mark(verb: Token) -> str | None:
    """The subordinator of the condition clause a verb heads ("unless", "if"), or None."""
    if verb.dep_ != "advcl":
        return None
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
            return child.lower_
    return None


def conditional(verb: Token) -> bool:
    """Whether a verb heads (or is the complement of) a condition clause: the condition is
    not an event (that of an "unless" clause makes its main clause a threat: see
    :func:`_unless_condition`)."""
    for _ in range(2):  # "unless the president agrees to step down"
        if _condition_mark(verb) is not None:
            return True
        if verb.dep_ not in ("xcomp", "conj"):
            return False
        verb = verb.head
    return False


def apply_modality(match: Match) -> None:
    """Code announced actions as intents, threats or refusals.

    "will provide aid" is an intent (033), "could impose sanctions" a threat (1312), and a
    negated cooperative future, "will not release", "will not accept", a refusal (1243,
    120): CAMEO codes announced refusals under 12, not as negated intents. What a speaker
    says it could do is announced, not a conjecture ("China said it could impose
    sanctions", :func:`own_possibility`): an intent or threat made.
    """
    if match.modality not in ("future", "hypothetical"):
        return
    root = match.code[:2]
    if (
        match.modality == "hypothetical"
        and (root in _ACTION_ROOTS_INTENT or root in _ACTION_ROOTS_THREAT)
        and own_possibility(match.clause.verb)
    ):
        match.modality = "future"
    if root in _ACTION_ROOTS_INTENT and _unless_condition(match.clause.verb):
        # "will withdraw its troops unless X holds elections": a demand backed by a cost
        threat = frame_code(Frame.THREAT, match.code) or THREATEN
        match.refine("modality:unless", threat, f"conditional (unless) {match.code}")
        return
    cooperative = root in _ACTION_ROOTS_INTENT or root == ROOT_INTENT
    if match.modality == "future" and cooperative and is_negated(match.clause):
        refined = frame_code(Frame.REJECT, match.code) if root != ROOT_INTENT else None
        match.refine("modality:refusal", refined or REJECT, f"refusal: negated future {match.code}")
        match.negated = False
        return
    if root in _FORCE_ROOTS and _readying(match.clause.verb):
        # "troops prepared to resume shelling": a military move short of force, not a
        # verbal threat (codebook 150, "demonstration of military capabilities and readiness")
        match.refine("modality:readiness", FORCE_POSTURE, f"readiness for {match.code}")
        return
    if root in _ACTION_ROOTS_INTENT:
        frame = Frame.INTENT
    elif root in _ACTION_ROOTS_THREAT:
        frame = Frame.THREAT
    else:
        return
    refined = frame_code(frame, match.code)
    if refined is not None:
        match.refine("modality", refined, f"{match.modality} {match.code}")


# Verbs by which a speaker announces what it may do: "hinted that it could retaliate".
_ANNOUNCING_POSSIBILITY = words("announcing_possibility")
# Subject pronouns of a reported clause that stand for its speaker ("said it could").
_SELF_PRONOUNS = words("self_pronouns")
_HYPOTHETICAL_AUX = words("hypothetical_aux")


def own_possibility(verb: Token) -> bool:
    """The verb is what its speaker says it may do itself: the reported clause of a verb of
    saying or hinting, its subject a pronoun for the speaker, with "could", "may" or
    "might" ("Beijing hinted that it could retaliate", "the ministry said it may suspend
    the talks"). What a speaker says another could do ("analysts said China could impose
    sanctions", "said the rebels might attack") stays a conjecture, and so does a report
    that is itself conditional or negated ("did not say it could")."""
    head = verb.head
    if (
        verb.dep_ != "ccomp"
        or head.lemma_.lower() not in _ANNOUNCING_POSSIBILITY
        or any(c.dep_ == "neg" for c in head.children)
    ):
        return False
    if not any(c.dep_ == "nsubj" and c.lower_ in _SELF_PRONOUNS for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children):
        return False  # "would say it could": the report itself is no act
    return any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in _HYPOTHETICAL_AUX for c in verb.children
    )


_FORCE_ROOTS = frozenset({ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE})


# Heads whose to-complement is an action being readied: "prepared to attack", "poised to".
_READYING_HEADS = words("readying_heads")


# Verbs between the readying head and the action: "prepared to resume shelling".
_ASPECT_VERBS = words("aspect_verbs")


def _readying(verb: Token) -> bool:
    """The verb is the action a subject is readying: "troops prepared to resume shelling
    X", "forces were poised to attack"."""
    while verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_.lower() in _ASPECT_VERBS:
        verb = verb.head
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _READYING_HEADS
        and not _unless_condition(verb)
    )


def _unless_condition(verb: Token) -> bool:
    """The verb has an "unless" clause: "will leave unless the talks resume"."""
    return any(_condition_mark(child) == "unless" for child in verb.children)
