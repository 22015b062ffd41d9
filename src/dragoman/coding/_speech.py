"""What a statement says: the verbal act its reported clause makes.

Reads: a reported clause (a complement of a statement verb) and the verb dictionary. Writes:
nothing; returns the code the statement takes (ANNOTATION-style coding: a statement is
coded when what it says is itself a verbal act toward someone, with that act's code).

- A speaker's own talks that must go on are its intent to negotiate ("said talks with
  China must continue" 036), not a demand on the other side.
- A fate announced for another is a threat ("said Israel would bear full responsibility for
  the consequences", "said Russia will face severe consequences" 130), and the speaker's
  own announced retaliation a threat of force ("said it would retaliate against India",
  "said it would respond to any attack" 138), and so is a punishment announced for another
  ("said the attackers will not be spared" 130, to the attackers).
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.coding._clauses import modality, words_before
from dragoman.coding._frames import Frame, frame_code
from dragoman.coding._verbs import VerbDictionary
from dragoman.lexicon import words
from dragoman.ontology.codes import ROOT_CONSULT, THREATEN, THREATEN_FORCE

__all__ = ["own_talks", "punished_subject", "threat_in"]


# Verbs that only say an event goes on or starts: "talks must continue".
_CONTINUING_VERBS = words("continuing_verbs")


def own_talks(obliged: Token, verbs: VerbDictionary) -> str | None:
    """The intent of a speaker who says its talks with another must go on: "Germany said
    talks with China must continue" is Germany's intent to negotiate with China (036),
    not a demand on China. The talks are the subject of a verb of going on, and their
    "with" phrase names the other side, so the speaker is the one side; "said talks
    between X and Y must resume" stays a demand."""
    if obliged.lemma_.lower() not in _CONTINUING_VERBS:
        return None
    for subject in obliged.children:
        if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
            continue
        entry = verbs.match_noun(subject.lemma_.lower(), words_before(subject))
        if entry is None or entry.code[:2] != ROOT_CONSULT:
            return None
        if not any(c.dep_ == "prep" and c.lower_ == "with" for c in subject.children):
            return None
        return frame_code(Frame.INTENT, entry.code)
    return None


# Verbs and objects of a fate announced for another: "will face consequences", "would pay
# a heavy price", "will bear full responsibility for the consequences".
_FATE_VERBS = words("fate_verbs")
_FATE_OBJECTS = words("fate_objects")
# Verbs of the speaker's own retaliation: "said it would retaliate".
_RETALIATION_VERBS = words("retaliation_verbs")
# ... and of a response that is one only to force: "would respond to any attack".
_RESPONSE_VERBS = words("response_verbs")
_ATTACK_NOUNS = words("attack_nouns") | words("aggression_nouns")
_SELF_PRONOUNS = words("self_pronouns")


def threat_in(comp: Token) -> tuple[str, str] | None:
    """The threat a reported clause makes, with a note, or None.

    The clause is announced (future or possible) and either names a fate for its subject,
    who is not the speaker ("said Israel would bear responsibility for the consequences",
    "Russia will face severe consequences if it invades" 130: the one threatened is that
    subject), or is the speaker's own retaliation ("said it would retaliate against India",
    "would respond to any attack" 138), or a punishment announced for another ("the
    attackers will not be spared" 130, see :func:`punished_subject`). A fate that is past
    or asserted ("faced consequences") and a response to anything but force ("would
    respond to the proposal") are no threat.
    """
    if comp.dep_ != "ccomp" or modality(comp) not in ("future", "hypothetical"):
        return None
    negated = any(c.dep_ == "neg" for c in comp.children)
    lemma = comp.lemma_.lower()
    if punished_subject(comp) is not None:
        return THREATEN, f"punishment announced ({comp.text})"
    subjects = [c for c in comp.children if c.dep_ == "nsubj"]
    if negated or not subjects:
        return None
    own = subjects[0].lower_ in _SELF_PRONOUNS
    if not own and lemma in _FATE_VERBS:
        for obj in comp.children:
            if obj.dep_ == "dobj" and _fate(obj):
                return THREATEN, f"fate announced ({comp.text} {obj.text})"
    if own and (lemma in _RETALIATION_VERBS or _responds_to_force(comp)):
        return THREATEN_FORCE, f"own retaliation announced ({comp.text})"
    return None


# Passives of a punishment announced for their subject ("will be punished", "will be
# crushed"); "spare" only negated ("will not be spared").
_PUNISHING_PASSIVES = words("punishing_passives")


def punished_subject(comp: Token) -> Token | None:
    """The subject of an announced punishment, or None: "the attackers will be punished",
    "terrorists will not be spared" (a future passive with no by-phrase; its subject not
    the speaker)."""
    if modality(comp) != "future" or not any(c.dep_ == "auxpass" for c in comp.children):
        return None
    if any(c.dep_ == "agent" for c in comp.children):
        return None  # "protesters will be targeted by the police": another punishes
    negated = any(c.dep_ == "neg" for c in comp.children)
    spared = comp.lower_ == "spared"  # the small model lemmatizes it "spar"
    if not ((spared and negated) or (comp.lemma_.lower() in _PUNISHING_PASSIVES and not negated)):
        return None
    for subject in comp.children:
        if subject.dep_ == "nsubjpass" and subject.lower_ not in _SELF_PRONOUNS:
            return subject
    return None


def _fate(obj: Token) -> bool:
    """Whether an object names a fate: "consequences", "retaliation", "a heavy price", "the
    price", "responsibility for the consequences"; not "a higher price for fuel" or
    "responsibility for the reconstruction"."""
    lemma = obj.lemma_.lower()
    if lemma == "price":  # "a heavy price", "the price"; not "a higher price", "prices"
        return obj.tag_ == "NN" and any(
            (c.dep_ == "amod" and c.tag_ == "JJ" and c.lemma_.lower() in _HEAVY)
            or (
                c.dep_ == "det"
                and c.lower_ == "the"
                and not any(a.dep_ == "amod" for a in obj.children)
            )
            for c in obj.children
        )
    if lemma == "responsibility":  # "full responsibility for the consequences"
        return any(
            p.dep_ == "pobj" and p.lemma_.lower() in _FATE_OBJECTS
            for prep in obj.children
            if prep.dep_ == "prep" and prep.lower_ == "for"
            for p in prep.children
        )
    return lemma in _FATE_OBJECTS


# Adjectives of a price that is a fate: "would pay a heavy price".
_HEAVY = frozenset({"heavy", "high", "steep", "terrible", "dear", "painful", "huge", "severe"})


def _responds_to_force(verb: Token) -> bool:
    """A response to force: "would respond to any attack", "will react to aggression"."""
    if verb.lemma_.lower() not in _RESPONSE_VERBS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(p.dep_ == "pobj" and p.lemma_.lower() in _ATTACK_NOUNS for p in prep.children)
        for prep in verb.children
    )
