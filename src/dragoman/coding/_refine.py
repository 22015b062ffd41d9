"""Refinements: the code of a match refined by what governs it and what it governs.

Reads: the sentence's Matches (verb, clause, code) and the verb dictionary. Writes: refined
codes, notes and the verbs that are not events of their own (a demand's content, a purpose).
:func:`apply_frames` runs :data:`STEPS` in order; the refinements are rows of ordered tables
(:data:`ACTION_RULES`, :data:`GOVERNED_RULES`), each a small function that returns a code and
a note or None, and each row says whether it may override a code an earlier rule decided.
The rule that decided is recorded in ``Match.refined_by``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from dragoman.coding._clauses import clause_for, is_negated, is_purpose, modality, words_before
from dragoman.coding._frames import Frame, family_of, frame_code, frame_of
from dragoman.coding._match import Decision, Match
from dragoman.coding._media import phone_sense, platform_sense
from dragoman.coding._modality import apply_modality
from dragoman.coding._nominal import COPULAS, LIGHT_VERBS
from dragoman.coding._speech import own_talks, punished_subject, threat_in
from dragoman.coding._subcodes import (
    accusation_in,
    allegation_subcode,
    harm_purposes,
    instrument_subcode,
    is_subcode,
    object_subcode,
    protest_subcode,
    rally_subcode,
    reform_subcode,
)
from dragoman.coding._targets import prep_objects
from dragoman.coding._verbs import VerbDictionary, VerbEntry
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    ACCEDE_POLITICAL_REFORM,
    ACCEDE_RIGHTS,
    APPEAL,
    APPEAL_POLITICAL_REFORM,
    APPEAL_SETTLE_DISPUTE,
    DEMAND,
    DEMAND_POLITICAL_REFORM,
    DEMAND_SETTLE_DISPUTE,
    DENY_RESPONSIBILITY,
    DISAPPROVE,
    HALT_NEGOTIATIONS,
    INTENT_POLITICAL_REFORM,
    INTENT_SETTLE_DISPUTE,
    OPTIMISTIC_COMMENT,
    PESSIMISTIC_COMMENT,
    PRAISE_OR_ENDORSE,
    REJECT_POLITICAL_REFORM,
    REJECT_SETTLEMENT,
    ROOT_APPEAL,
    ROOT_DEMAND,
    ROOT_DISAPPROVE,
    ROOT_INTENT,
    ROOT_INVESTIGATE,
    ROOT_REJECT,
    ROOT_STATEMENT,
    ROOT_THREATEN,
    STATEMENT,
    THREATEN,
    VISIT,
    YIELD,
)

__all__ = ["apply_frames", "apply_purposes", "wish_matches"]


# generic political-reform codes, refined by what the reform is about
_REFORM_CODES = frozenset(
    {
        APPEAL_POLITICAL_REFORM,
        INTENT_POLITICAL_REFORM,
        ACCEDE_POLITICAL_REFORM,
        DEMAND_POLITICAL_REFORM,
        REJECT_POLITICAL_REFORM,
    }
)


# Roots whose verbs govern their complement: what is appealed for, intended, demanded,
# refused or threatened is not a separate event ("demanded that X withdraw").
_GOVERNING_ROOTS = frozenset({ROOT_APPEAL, ROOT_INTENT, ROOT_DEMAND, ROOT_REJECT, ROOT_THREATEN})


@dataclass(slots=True)
class _Sentence:
    """What the refinements of one sentence share: its matches, the verb dictionary, the
    verbs consumed as content, and each matched verb's action code before modality."""

    matches: list[Match]
    verbs: VerbDictionary
    by_verb: dict[int, Match]
    consumed: set[int] = field(default_factory=set)
    actions: dict[int, str] = field(default_factory=dict)


def apply_frames(matches: list[Match], verbs: VerbDictionary) -> tuple[set[int], dict[int, str]]:
    """Refine codes by what governs what; return the verbs that are not events, and the
    action code of each matched verb (before modality made it an intent or threat).

    The steps of :data:`STEPS` run in order over the sentence's matches. Within a step the
    rules of a table run in the table's order; a rule marked ``UNDECIDED`` only refines a
    code no earlier rule or step has decided (``Match.refined_by`` is None), one marked
    ``ALWAYS`` may override. What they do:

    - An object names the kind of thing given, cut or asked for ("provided military aid"
      072, "halted food aid" 1623): see :func:`object_subcode`.
    - A generic use of force takes the code of the attack it was done in or by ("killed
      ... in an air strike" 195, "a car bomb killed" 1832): see :func:`_refine_by_means`.
    - A generic appeal, intent, demand, refusal or threat takes its family's code for the
      action in its complement ("urged X to release" 0253, "refused to release" 1243), or for
      the event noun it asks for ("called for the withdrawal" 0256, "demanded the release"
      1053, "asked for aid" 023, "agreed to a ceasefire" 0356, "rejected a proposal to hold
      talks" 125).
    - A pattern that names its complement verb ("urge ... to send" 023) gives way to the
      complement's own, more specific action ("urged X to send peacekeepers" 0234,
      "threatened to stop negotiations" 134).
    - A statement whose complement is an obligation ("said Sudan must return") is a demand.
    - A future or hypothetical action is an intent or a threat ("will send aid" 033, "could
      impose sanctions" 1312).
    - A statement that the speaker is optimistic or pessimistic is 013 or 012 ("said he was
      confident that ...").
    - Complements of governing verbs, and every to-complement of a matched verb, are
      consumed: they are the content, not separate events.
    """
    sentence = _Sentence(matches, verbs, {m.clause.verb.i: m for m in matches})
    for _name, step in STEPS:
        step(sentence)
    return sentence.consumed, sentence.actions


#: A refinement: the code and note it decides, or None when it does not apply.
Refinement = tuple[str, str] | Decision | None
_Rule = Callable[[Match, _Sentence], Refinement]
UNDECIDED, ALWAYS = "undecided", "always"


def _apply(table: tuple[tuple[str, str, _Rule], ...], match: Match, sentence: _Sentence) -> None:
    """Run a table of ``(name, when, rule)`` rows on a match, in order."""
    for name, when, rule in table:
        if when == UNDECIDED and match.refined_by is not None:
            continue
        found = rule(match, sentence)
        if isinstance(found, Decision):
            match.take(name, found)
        elif found is not None:
            match.refine(name, *found)


def _object_rule(match: Match, sentence: _Sentence) -> Refinement:
    return object_subcode(match.code, match.clause, sentence.verbs)


def _allegation_rule(match: Match, sentence: _Sentence) -> Refinement:
    return allegation_subcode(match.code, match.clause)


def _means_rule(match: Match, sentence: _Sentence) -> Refinement:
    return _refine_by_means(match, sentence.verbs, sentence.consumed)


def _arrival_rule(match: Match, sentence: _Sentence) -> Refinement:
    return _refine_arrival(match, sentence.verbs)


def _failed_settlement_rule(match: Match, sentence: _Sentence) -> Refinement:
    return _refine_failed_settlement(match)


# Verbs whose negation states opposition: "does not support the closure", "did not back the
# plan" disapprove of it (110), not a negated endorsement.
_ENDORSING_VERBS = words("endorsing_verbs")


def _opposition_rule(match: Match, sentence: _Sentence) -> Refinement:
    if (
        match.code != PRAISE_OR_ENDORSE
        or match.clause.verb.lemma_.lower() not in _ENDORSING_VERBS
        or not any(c.dep_ == "neg" for c in match.clause.verb.children)
        or not is_negated(match.clause)
    ):
        return None
    return Decision(DISAPPROVE, "negated endorsement -> opposition", negated=False)


def _platform_rule(match: Match, sentence: _Sentence) -> Refinement:
    return platform_sense(match)


def _phone_rule(match: Match, sentence: _Sentence) -> Refinement:
    return phone_sense(match)


#: What a match's own words make of its action, first step; each only while undecided, so
#: the first that decides wins; an arrival of what is sent, then a failed settlement,
#: override them.
ACTION_RULES: tuple[tuple[str, str, _Rule], ...] = (
    ("object", UNDECIDED, _object_rule),
    ("allegation", UNDECIDED, _allegation_rule),
    ("means", UNDECIDED, _means_rule),
    ("arrival", ALWAYS, _arrival_rule),
    ("failed-settlement", ALWAYS, _failed_settlement_rule),
    ("opposition", UNDECIDED, _opposition_rule),
    ("platform", UNDECIDED, _platform_rule),
    ("phone", UNDECIDED, _phone_rule),
)


def _own_action_step(sentence: _Sentence) -> None:
    """The actions themselves first ("said it will send aid"): :data:`ACTION_RULES`."""
    for match in sentence.matches:
        _apply(ACTION_RULES, match, sentence)
        sentence.actions[match.clause.verb.i] = match.code


def _yield_step(sentence: _Sentence) -> None:
    """What a yield gives, before modality makes it an intent (undecided 080 only)."""
    for match in sentence.matches:
        if match.code == YIELD and match.refined_by is None:
            _refine_yield(match, sentence.verbs, sentence.by_verb, sentence.actions)
            sentence.actions[match.clause.verb.i] = match.code


def _modality_step(sentence: _Sentence) -> None:
    """Announced actions as intents, threats, refusals (:func:`apply_modality`)."""
    for match in sentence.matches:
        apply_modality(match)


def _frame(match: Match) -> Frame | None:
    """The family frame of a pattern that names no complement verb (or any: ``*``)."""
    comps = match.entry.comps
    return frame_of(match.entry.code) if not comps or comps == {"*"} else None


def _need_rule(match: Match, sentence: _Sentence) -> Refinement:
    if match.code[:2] != ROOT_STATEMENT:
        return None
    return _need_as_demand(
        match, sentence.by_verb, sentence.actions, sentence.verbs, sentence.consumed
    )


def _accusation_rule(match: Match, sentence: _Sentence) -> Refinement:
    """A statement whose reported clause charges its subject with wrongdoing is an
    accusation of that subject: "prosecutors say the two men hired a hitman" is not a bare
    statement ("said the military rigged the vote" 112, "says both sides committed
    abuses" 1122)."""
    if match.code != STATEMENT:
        return None
    for comp in match.clause.comps:
        if comp.dep_ != "ccomp" or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in comp.children
        ):
            continue  # "said he was behind it": who "he" is, is read elsewhere
        code = accusation_in(comp)
        if code is not None:
            # "hired a gunman to kill the mayor": the killing is the charge, not a deed
            sentence.consumed.update(t.i for t in harm_purposes(comp))
            note = f"accusation in what was said ({comp.text})"
            return Decision(code, note, addressee=True)
    return None


# Verbs of proposing that also report a view: "suggested that talks resume" is an appeal,
# "suggested that Europe cannot afford it" a claim.
_SUGGESTING_VERBS = words("suggesting_verbs")

# Auxiliaries of a clause that proposes, not states: "suggested they should meet".
_PROPOSING_AUXILIARIES = frozenset({"should", "shall", "must"})


def _claim_rule(match: Match, sentence: _Sentence) -> Refinement:
    """A suggestion whose reported clause states a fact or a likelihood is a statement,
    not an appeal: "suggests Europe can't afford to defend Ukraine", "suggested the
    minister needed treatment"; "suggested the parties meet" stays an appeal."""
    if match.code[:2] != ROOT_APPEAL or match.entry.verb not in _SUGGESTING_VERBS:
        return None
    for comp in match.clause.comps:
        if comp.dep_ != "ccomp":
            continue
        auxiliaries = [c for c in comp.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _PROPOSING_AUXILIARIES for a in auxiliaries):
            return None
        if comp.tag_ in ("VBD", "VBZ") or auxiliaries:
            return Decision(STATEMENT, f"suggested as a fact ({comp.text}) -> statement")
    return None


def _threat_rule(match: Match, sentence: _Sentence) -> Refinement:
    """A statement whose reported clause announces a fate for another, or the speaker's
    own retaliation, is a threat (:func:`threat_in`): "said Israel would bear
    responsibility for the consequences" 130 to Israel, "said it would retaliate against
    India" 138 to India."""
    if match.code != STATEMENT:
        return None
    for comp in match.clause.comps:
        found = threat_in(comp)
        if found is not None:
            code, note = found
            sentence.consumed.add(comp.i)
            if code == THREATEN:  # the fate's subject is the one threatened
                return Decision(code, note, addressee=True)
            return Decision(code, note, content=comp)  # "retaliate against India"
    return None


def _threatened_rule(match: Match, sentence: _Sentence) -> Refinement:
    """A threat whose reported clause announces a punishment is aimed at the one to be
    punished: "warned that the attackers will not be spared" (decides no code)."""
    if match.code[:2] != ROOT_THREATEN:
        return None
    if any(punished_subject(comp) is not None for comp in match.clause.comps):
        return Decision(None, addressee=True)
    return None


def _denial_rule(match: Match, sentence: _Sentence) -> Refinement:
    """What is denied is not an event: "denied that its troops attacked X", "rejected
    claims that X shelled Y" (consumes only; decides no code)."""
    if match.code == DENY_RESPONSIBILITY:
        sentence.consumed.update(c.i for c in match.clause.comps)
        for obj in match.clause.objects:
            sentence.consumed.update(
                c.i for c in obj.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"
            )
    return None


def _frame_noun_rule(match: Match, sentence: _Sentence) -> Refinement:
    frame = _frame(match)
    if frame is None:
        return None
    return _refine_by_noun(match, frame, sentence.verbs, sentence.by_verb, sentence.actions)


def _outlook_rule(match: Match, sentence: _Sentence) -> Refinement:
    if match.code != STATEMENT or _frame(match) is not None:
        return None
    return _refine_outlook(match)


def _reform_rule(match: Match, sentence: _Sentence) -> Refinement:
    if match.refined_by is not None and match.code not in _REFORM_CODES:
        return None
    return reform_subcode(match.code, match.clause)


def _rally_rule(match: Match, sentence: _Sentence) -> Refinement:
    return rally_subcode(match.code, match.clause)


#: After the complements are read (:func:`_complement_rules`): what the match governs as
#: objects and nouns, in order.
GOVERNED_RULES: tuple[tuple[str, str, _Rule], ...] = (
    ("need-as-demand", UNDECIDED, _need_rule),
    ("claim-not-appeal", UNDECIDED, _claim_rule),
    ("accusation-content", UNDECIDED, _accusation_rule),
    ("threat-content", UNDECIDED, _threat_rule),
    ("threatened-subject", ALWAYS, _threatened_rule),
    ("denial-content", ALWAYS, _denial_rule),
    ("frame-noun", UNDECIDED, _frame_noun_rule),
    ("outlook", UNDECIDED, _outlook_rule),
    ("reform", ALWAYS, _reform_rule),  # also refines a decided generic reform code
    ("rally", ALWAYS, _rally_rule),
)


def _governing_step(sentence: _Sentence) -> None:
    """What each match governs: its complements (:func:`_complement_rules`), then
    :data:`GOVERNED_RULES`; appeals and demands address their complement's subject."""
    for match in sentence.matches:
        frame = _frame(match)
        _complement_rules(match, frame, sentence)
        _apply(GOVERNED_RULES, match, sentence)
        if frame in (Frame.APPEAL, Frame.DEMAND) or match.code[:2] in _ADDRESSING_ROOTS:
            match.addressee = True


def _complement_rules(match: Match, frame: Frame | None, sentence: _Sentence) -> None:
    """For each complement (and a statement's message clause), in order: consume it when
    the match governs it; then the first that applies of: a family frame refined by the
    complement's action (``frame-complement``, undecided only), a pattern naming its
    complement verb refined by it (``named-complement``, undecided only), a statement whose
    complement is an obligation (``obligation-complement``: a demand)."""
    root = match.code[:2]
    comps = match.entry.comps
    named = bool(comps) and comps != {"*"}  # "agree ... to lift", not "concluded that *"
    by_verb, actions, consumed, verbs = (
        sentence.by_verb,
        sentence.actions,
        sentence.consumed,
        sentence.verbs,
    )
    for comp in [*match.clause.comps, *_message_contents(match)]:
        inner = by_verb.get(comp.i)
        if (comp.dep_ in ("xcomp", "pcomp") or root in _GOVERNING_ROOTS) and not _appeal_made_there(
            match, inner
        ):
            consumed.add(comp.i)
        action = actions.get(comp.i) if inner is not None else _light_action(comp, verbs)
        undecided = match.refined_by is None
        if frame is not None and action is not None and undecided:
            refined = _SETTLING.get(frame) if _settles(comp) else frame_code(frame, action)
            if refined is not None:
                note = f"{frame.name.lower()} about {action} ({comp.text})"
                match.refine("frame-complement", refined, note)
        elif frame is None and named and action is not None and undecided:
            _refine_named_complement(match, action, inner, comp)
        elif (
            root == ROOT_STATEMENT
            and comp.dep_ in ("ccomp", "acl")
            and (obliged := _obligation(comp)) is not None
        ):
            if obliged is not comp:  # "has to stop", "needs to cut": the action is in "to"
                action = (
                    actions.get(obliged.i)
                    if obliged.i in by_verb
                    else _light_action(obliged, verbs)
                )
                consumed.add(obliged.i)
            demanded = frame_code(Frame.DEMAND, action) if action else None
            if _settles(obliged):  # "said the two sides must reach an agreement"
                demanded = _SETTLING[Frame.DEMAND]
            talks = own_talks(obliged, verbs)
            if talks is not None:
                # "said talks with China must continue": the speaker's own talks
                note = f"own talks must go on ({obliged.text})"
                match.refine("own-talks", talks, note)
                consumed.add(comp.i)
                continue
            note = f"obligation in complement ({obliged.text})"
            match.refine("obligation-complement", demanded or DEMAND, note)
            match.addressee = True
            consumed.add(comp.i)


# Verbs of going to or meeting someone whose to-complement is an appeal made there.
_VISITING_HEADS = words("visiting_heads")


def _appeal_made_there(match: Match, inner: Match | None) -> bool:
    """Whether a complement is an appeal made on a visit or at a meeting, an event of its
    own: "visited Brussels to urge the EU to drop the tariffs", "met the minister to press
    for a deal" (the small model reads such purposes as complements of the visit)."""
    return (
        inner is not None
        and inner.code[:2] == ROOT_APPEAL
        and match.clause.verb.lemma_.lower() in _VISITING_HEADS
    )


# Roots whose complement's subject is the target when the clause names none: the one
# appealed to or asked ("urged that Iran stop"), and the one accused ("alleged that the
# military was behind the rigging").
_ADDRESSING_ROOTS = (ROOT_APPEAL, ROOT_DEMAND, ROOT_DISAPPROVE)


#: The refinement steps of a sentence, in order.
STEPS: tuple[tuple[str, Callable[[_Sentence], None]], ...] = (
    ("own-action", _own_action_step),
    ("yield", _yield_step),
    ("modality", _modality_step),
    ("governing", _governing_step),
)


# Settling a dispute is no action code of its own: CAMEO codes appeals, intents, demands
# and refusals to reach a settlement, agreement or resolution as 027, 037, 107 and 127.
_SETTLING: dict[Frame, str] = {
    Frame.APPEAL: APPEAL_SETTLE_DISPUTE,
    Frame.INTENT: INTENT_SETTLE_DISPUTE,
    Frame.DEMAND: DEMAND_SETTLE_DISPUTE,
    Frame.REJECT: REJECT_SETTLEMENT,
}


_REACHING = words("reaching")


_SETTLEMENTS = words("settlements")


def _settles(verb: Token) -> bool:
    """Whether a verb reaches a settlement: "reach an agreement", "find a solution"."""
    return verb.lemma_.lower() in _REACHING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _SETTLEMENTS for c in verb.children
    )


def _refine_failed_settlement(match: Match) -> Refinement:
    """Failing to reach an agreement is failed negotiations (164, codebook: "failed
    negotiations"), not a negated agreement: "the two sides failed to reach a deal"."""
    verb = match.clause.verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FAILING and _settles(verb):
        return Decision(HALT_NEGOTIATIONS, f"failed to agree ({verb.head.text})", negated=False)
    return None


_FAILING = words("failing")


# Nouns of a message whose that-clause is what it says: "issued a reminder to X that it
# must cooperate" (a demand, as "said X must cooperate").
_MESSAGE_NOUNS = words("message_nouns")


def _message_contents(match: Match) -> list[Token]:
    """The that-clauses of a statement's message objects ("issued a reminder that ...")."""
    if not match.code.startswith(ROOT_STATEMENT):
        return []
    return [
        child
        for obj in match.clause.objects
        if obj.lemma_.lower() in _MESSAGE_NOUNS
        for child in obj.children
        if child.dep_ == "acl" and _that_clause(child)
    ]


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


# Verbs of arriving, which make a visit (042) unless what arrives was sent: troops,
# peacekeepers, inspectors, aid workers.
_ARRIVAL_VERBS = words("arrival_verbs")


def _refine_arrival(match: Match, verbs: VerbDictionary) -> Refinement:
    """Code the arrival of what is sent as its sending: "Nigerian peacekeepers arrived in
    Liberia" is "Nigeria sent peacekeepers to Liberia" (074), "a contingent of French troops
    landed in Mali" 074, "UN inspectors arrived in Iran" 090. The subject (or what it is a
    contingent "of") is read as the object of "send"; envoys and delegations stay visits."""
    if match.nominal or match.entry.verb not in _ARRIVAL_VERBS or match.code != VISIT:
        return None
    for head in match.clause.subjects:
        nouns = [head]
        current = head
        for _ in range(2):  # "the first contingent of Nigerian peacekeeping troops"
            inner = prep_objects(current, "of")
            if not inner:
                break
            current = inner[0]
            nouns.append(current)
        for noun in nouns:
            entry = verbs.match(
                "send", particle=None, preps=(), objects=(noun.lemma_.lower(),), comps=()
            )
            if entry is not None and entry.objects and entry.code != match.code:
                note = f"arrival of {noun.text} as sending"
                if noun is not head:  # "the first deployment of NATO troops": NATO's
                    return Decision(entry.code, note, clause=replace(match.clause, subjects=[noun]))
                return entry.code, note
    return None


# Heads of a periphrastic obligation whose to-complement is what must be done: "Iran has
# to stop", "Greece needs to cut", "Iran ought to release", "Israel is obliged to withdraw".
_OBLIGATION_HEADS = words("obligation_heads")


_OBLIGATION_PASSIVES = words("obligation_passives")


_SELF_PRONOUNS = words("self_pronouns")


def _obligation(comp: Token) -> Token | None:
    """The predicate a statement's complement says must be done, or None: the complement
    itself ("said Sudan must return"), or the to-complement of "has to", "needs to",
    "ought to", "is obliged to" ("said Greece needs to cut its deficit")."""
    if modality(comp) == "obligation":
        return comp
    lemma = comp.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in comp.children)
    if lemma not in _OBLIGATION_HEADS and not (passive and lemma in _OBLIGATION_PASSIVES):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SELF_PRONOUNS for c in comp.children):
        return None  # "said it needs to buy gas": the speaker's own need, not a demand
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children):
        return None  # "said NATO would need to remain strong": a prediction
    for child in comp.children:
        if child.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return child
    return None


def apply_purposes(matches: list[Match], actions: dict[int, str], consumed: set[int]) -> None:
    """A protest whose purpose is named takes the subcode of what it demands ("staged
    rallies to demand the president's resignation" 1411, "continued their hunger strike to
    demand independence" 1424); the demanding verb is then no event of its own."""
    for match in matches:
        protest = protest_subcode(match.code, match.clause, actions)
        if protest is not None:
            code, note, purposes = protest
            match.refine("protest-purpose", code, f"{match.note}; {note}" if match.note else note)
            consumed.update(purposes)
    _apply_inquiries(matches, consumed)


# Verbs of sending whose purpose of inquiry is what the sending does: "sent experts to
# Bosnia to investigate the killings" is an investigation (09), not a deployment (074).
_SENDING_VERBS = words("sending_verbs")


def _apply_inquiries(matches: list[Match], consumed: set[int]) -> None:
    """A sending whose purpose is an inquiry takes the inquiry's code; the inquiry verb is
    then no event of its own (its sender and destination are the event's)."""
    by_verb = {m.clause.verb.i: m for m in matches}
    for match in matches:
        verb = match.clause.verb
        if match.nominal or match.code[:2] != ROOT_INVESTIGATE or not is_purpose(verb):
            continue
        sender = by_verb.get(verb.head.i)
        if sender is None or verb.head.lemma_.lower() not in _SENDING_VERBS:
            continue
        sender.refine("inquiry-purpose", match.code, f"sent to inquire ({verb.text})")
        consumed.add(verb.i)


def _refine_named_complement(match: Match, action: str, inner: Match | None, comp: Token) -> None:
    """A pattern naming its complement verb ("agree ... to lift" 035) takes the family's code
    for the complement's own action when the complement's object makes it a subcode of the
    pattern's code ("agreed to lift the embargo" 0354, "urged X to send peacekeepers"
    0234). A complement verb alone does not ("threatened to attack" stays 138)."""
    family = family_of(match.code)
    if family is None or inner is None or not inner.entry.objects:
        return
    refined = frame_code(family, action)
    if refined is not None and (is_subcode(refined, match.code) or _sibling(refined, match.code)):
        note = f"{family.name.lower()} about {action} ({comp.text})"
        match.refine("named-complement", refined, note)


def _sibling(refined: str, code: str) -> bool:
    """Whether a family code is another code of the same family and level: a threat to stop
    negotiations (134) where the pattern names a threat to stop aid (131)."""
    return refined != code and refined[:2] == code[:2] and len(refined) == len(code)


# Verbs whose object-and-infinitive asks the object to act: "wants Poland to accept".
_WISH_VERBS = words("wish_verbs")


def wish_matches(matches: list[Match], sentence: Span) -> list[Match]:
    """Appeals made by wanting: "Germany wants Poland to accept more refugees" is
    Germany's appeal to Poland (CAMEO 02, refined by the action, 0233 here)."""
    out: list[Match] = []
    for match in matches:
        verb = match.clause.verb
        head = verb.head
        if (
            match.nominal
            or verb.dep_ not in ("ccomp", "xcomp")
            or head.lemma_.lower() not in _WISH_VERBS
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            or not any(c.dep_ == "nsubj" for c in verb.children)
        ):
            continue
        pattern = VerbEntry(
            verb=head.lemma_.lower(),
            code=APPEAL,
            particle=None,
            prep=None,
            objects=frozenset(),
            comps=frozenset({"*"}),
            where=f"coding rule: wish with object and infinitive; {match.entry.where}",
            order=-1,
        )
        clause = clause_for(head, sentence)
        if verb not in clause.comps:
            clause = replace(clause, comps=[*clause.comps, verb])  # the shared one stays
        out.append(Match(clause, pattern, APPEAL, modality(head)))
    return out


def _light_action(verb: Token, verbs: VerbDictionary) -> str | None:
    """The action of a light-verb complement: "to undertake joint exercises" is 062, "to
    bring an end to the embargo" 085."""
    lemma = verb.lemma_.lower()
    if lemma not in LIGHT_VERBS and lemma not in _ENDING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            ending = _ENDING_NOUNS.get(child.lemma_.lower())
            if ending is not None:
                return _ending_action(child, ending, verbs)
            entry = verbs.match_noun(child.lemma_.lower(), words_before(child))
            if entry is not None:
                return entry.code
    return None


_ENDING_VERBS = words("ending_verbs")


def _refine_yield(
    match: Match, verbs: VerbDictionary, by_verb: dict[int, Match], actions: dict[int, str]
) -> None:
    """Meeting or accepting a demand yields what was demanded: "accepted demands to release
    the prisoners" 084, "will not meet demands to release" 1243 (as a refusal). Allowing
    someone to act yields a right ("allowed the opposition to hold rallies", "will allow
    refugees to return" 0833; codebook 0833), not "allowed that ..." (conceded)."""
    verb = match.clause.verb
    if verb.lemma_.lower() in _ALLOWING and any(
        not any(c.dep_ == "mark" for c in comp.children) for comp in match.clause.comps
    ):
        match.refine("rights-yield", ACCEDE_RIGHTS, f"allowed to act ({verb.text})")
        return
    for noun in match.clause.objects:
        if noun.lemma_.lower() not in _PROPOSAL_NOUNS:
            continue
        code = _noun_action(noun, verbs, by_verb, actions)
        if code is not None and code[:2] == YIELD[:2] and code != YIELD:
            match.refine("yield-noun", code, f"yield about {code} ({noun.text})")
            return


def _refine_outlook(match: Match) -> Refinement:
    """A statement that its speaker is optimistic or pessimistic: "said it was confident
    that ..." 013, "said they were skeptical about ..." 012 (CAMEO codebook: only explicit
    optimism or pessimism)."""
    for comp in match.clause.comps:
        if comp.dep_ != "ccomp" or comp.lemma_.lower() not in COPULAS:
            continue
        for child in comp.children:
            if child.dep_ == "acomp":
                code = _OUTLOOK.get(child.lemma_.lower())
                if code is not None:
                    return code, f"outlook ({child.text})"
    return None


_ALLOWING = words("allowing")


_OUTLOOK: dict[str, str] = {
    **dict.fromkeys(
        ("optimistic", "confident", "hopeful", "upbeat", "positive", "sanguine"), OPTIMISTIC_COMMENT
    ),
    **dict.fromkeys(
        ("pessimistic", "skeptical", "sceptical", "doubtful", "gloomy", "dubious"),
        PESSIMISTIC_COMMENT,
    ),
}


def _ending_action(noun: Token, verb: str, verbs: VerbDictionary) -> str | None:
    """The action of "an end to X", "the lifting of X": the verb's pattern for object X
    ("put an end to X" also when the parse attaches "to X" to the verb)."""
    preps = list(noun.children)
    if noun.dep_ == "dobj":
        preps.extend(c for c in noun.head.children if c.lower_ == "to")
    for child in preps:
        if child.dep_ == "prep" and child.lower_ in ("to", "of"):
            lemmas = [c.lemma_.lower() for c in child.children if c.dep_ == "pobj"]
            entry = verbs.match(verb, particle=None, preps=(), objects=lemmas, comps=())
            if entry is not None and entry.objects:
                return entry.code
    return None


# Nouns that stand for a proposed action, whose own complement says which ("a proposal to
# hold talks", "calls for the release of X", "an offer of aid").
_PROPOSAL_NOUNS = words("proposal_nouns")


# Nouns of ending or easing: what ends is read through the verb dictionary ("an end to the
# embargo" as "end the embargo" 085, "the lifting of sanctions" as "lift sanctions" 085).
_ENDING_NOUNS: dict[str, str] = {
    "end": "end",
    "halt": "halt",
    "lifting": "lift",
    "easing": "ease",
    "removal": "remove",
    "suspension": "suspend",
    "cessation": "cease",
    "relaxation": "relax",
    "repeal": "repeal",
}


def _refine_by_noun(
    match: Match,
    frame: Frame,
    verbs: VerbDictionary,
    by_verb: dict[int, Match],
    actions: dict[int, str],
) -> Refinement:
    """Refine a generic family code by the event noun asked for, demanded or refused:
    "called for the withdrawal of troops" 0256, "rejected the ceasefire" 1246, "agreed to
    a ceasefire" 0356, "asked for the delivery of food aid" 0233; or by the action a
    proposal noun names: "rejected a proposal to hold talks" 125."""
    clause = match.clause
    candidates = [*clause.objects]
    for prep in ("for", "of", "to", "on", "upon"):
        candidates.extend(clause.preps.get(prep, []))
        candidates.extend(clause.object_preps.get(prep, []))
    for noun in candidates:
        code = _noun_action(noun, verbs, by_verb, actions)
        if code is None:
            continue
        refined = frame_code(frame, code)
        if refined is not None:
            return refined, f"{frame.name.lower()} about {code} ({noun.text})"
    return None


def _noun_action(
    noun: Token, verbs: VerbDictionary, by_verb: dict[int, Match], actions: dict[int, str]
) -> str | None:
    """The action a noun names: its own event-noun entry, else what its "of" phrase names
    ("the delivery of aid"), else, for a proposal noun, its to-complement ("a proposal to
    hold talks") or its "for" phrase ("calls for a ceasefire")."""
    lemma = noun.lemma_.lower()
    entry = verbs.match_noun(lemma, words_before(noun))
    if entry is not None and entry.words[-1] not in _PROPOSAL_NOUNS:
        return entry.code
    ending = _ENDING_NOUNS.get(lemma)
    if ending is not None:
        return _ending_action(noun, ending, verbs)
    proposal = lemma in _PROPOSAL_NOUNS
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ == "of" or (proposal and child.lower_ == "for")):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                inner = verbs.match_noun(pobj.lemma_.lower(), words_before(pobj))
                if inner is not None:
                    return inner.code
        elif (
            proposal
            and child.dep_ in ("acl", "relcl")
            and child.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            action = actions.get(child.i) if child.i in by_verb else _light_action(child, verbs)
            if action is not None:
                return action
    return entry.code if entry is not None else None


# Nouns that make a statement about them a demand: "stressed the need to lift sanctions".
_NEED_NOUNS = words("need_nouns")


def _need_as_demand(
    match: Match,
    by_verb: dict[int, Match],
    actions: dict[int, str],
    verbs: VerbDictionary,
    consumed: set[int],
) -> Refinement:
    """Code a statement about a need as a demand for what is needed: "stressed the need to
    lift sanctions" (1054), "underlined the need for talks" (106)."""
    for obj in match.clause.objects:
        if obj.lemma_.lower() not in _NEED_NOUNS:
            continue
        action: str | None = None
        content: Token | None = None
        current = obj
        for _ in range(2):  # "the obligation to take action to lift embargoes"
            acl = next((c for c in current.children if c.dep_ == "acl"), None)
            if acl is None:
                break
            consumed.add(acl.i)
            content = acl
            inner = by_verb.get(acl.i)
            action = actions.get(acl.i) if inner is not None else _light_action(acl, verbs)
            if action is not None:
                break
            current = next((c for c in acl.children if c.dep_ == "dobj"), acl)
        if action is None:
            for noun in prep_objects(obj, "for"):
                entry = verbs.match_noun(noun.lemma_.lower(), words_before(noun))
                if entry is not None:
                    action = entry.code
                    content = noun
                    break
        demanded = (frame_code(Frame.DEMAND, action) if action else None) or DEMAND
        note = f"need as demand ({obj.text})"
        return Decision(demanded, note, content=content, addressee=True)
    return None


def _refine_by_means(match: Match, verbs: VerbDictionary, consumed: set[int]) -> Refinement:
    """Refine a generic use of force by the event it happened in ("killed ... in an air
    strike" 195, "wounded ... in a bombing" 183) or that did it ("air strikes killed 20",
    "were killed by a bombing"): see :func:`instrument_subcode`. The event noun of the doer
    is then this event, not another, and its "on X" names the target too."""
    found = instrument_subcode(match.code, match.clause, verbs)
    if found is None:
        return None
    code, note, doer = found
    if doer is not None:
        consumed.add(doer.i)  # the doer's event noun is this event, not another
    if code == match.code:
        return Decision(None, noun=doer) if doer is not None else None
    return Decision(code, note, noun=doer)
