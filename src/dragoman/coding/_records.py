"""Records: one match with its actors becomes Event values, placed and dated.

Reads: a :class:`_match.Match`, its :class:`_slots.Slots` (sources and targets), the
sentence, the document context (places, dates, quotations) and the actor resolver (for a
target's or source's own country). Writes: Event records (``records.py``) with their
evidence and CAMEO/PLOVER descriptions from ``ontology``. In order: the place (and with it
an unattributed source, a located target), the source-target pairs (reciprocal and domestic
events), then one Event per pair; :func:`charges` adds the accusation an arrest names.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Span

from dragoman.actors import UNKNOWN_COUNTRY, DocumentActors
from dragoman.coding._clauses import is_negated
from dragoman.coding._context import DocumentContext
from dragoman.coding._match import Match
from dragoman.coding._polity import (
    domestic_source,
    domestic_target,
    home_country,
    location_actor,
    placed,
    polity,
)
from dragoman.coding._recode import recode_by_parties
from dragoman.coding._slots import FORCE_PREFIXES, OWN_FORCES_PREFIXES, Slots
from dragoman.coding._subcodes import charge_subcode
from dragoman.coding._targets import other_actors, when_clauses
from dragoman.lexicon import words
from dragoman.ontology import cameo, plover_for
from dragoman.ontology.codes import (
    ACCEDE_POLITICAL_REFORM,
    ARREST,
    EASE_DISSENT,
    EASE_SANCTIONS,
    EXPEL,
    FIND_GUILTY,
    IMPOSE_SANCTIONS,
    INTENT_EASE_DISSENT,
    INTENT_EASE_SANCTIONS,
    INTENT_POLITICAL_REFORM,
    REFUSE_EASE_DISSENT,
    REFUSE_EASE_SANCTIONS,
    REJECT_POLITICAL_REFORM,
    ROOT_AID,
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_CONSULT,
    ROOT_DIPLOMATIC_COOPERATION,
    ROOT_FIGHT,
    ROOT_FORCE_POSTURE,
    ROOT_INTENT,
    ROOT_INVESTIGATE,
    ROOT_MASS_VIOLENCE,
    ROOT_MATERIAL_COOPERATION,
    ROOT_PROTEST,
    ROOT_REDUCE_RELATIONS,
    ROOT_YIELD,
    THREATEN_SANCTIONS,
)
from dragoman.records import (
    Actor,
    CameoRef,
    Event,
    Evidence,
    Location,
    PloverRef,
    TextSpan,
    make_event_id,
)

__all__ = ["charges", "clause_events", "describe", "recoded", "retargeted"]


# CAMEO roots where co-subjects with no target act on each other ("X and Y met"): PLOVER
# manual, "Compound and Reciprocal Actors".
_RECIPROCAL_ROOTS = frozenset(
    {
        ROOT_INTENT,
        ROOT_CONSULT,
        ROOT_DIPLOMATIC_COOPERATION,
        ROOT_MATERIAL_COOPERATION,
    }
)


_RECIPROCAL_VERBS = words("reciprocal_verbs")


# Roots of material events whose place, when no target is named, is their target.
_LOCATED_TARGET_ROOTS = frozenset(
    {
        ROOT_AID,
        ROOT_YIELD,
        ROOT_INVESTIGATE,
        ROOT_PROTEST,
        ROOT_FORCE_POSTURE,
        ROOT_COERCE,
        ROOT_ASSAULT,
        ROOT_FIGHT,
        ROOT_MASS_VIOLENCE,
    }
)


_DOMESTIC_ROOTS = frozenset({ROOT_PROTEST, ROOT_COERCE})


# Codes about a state's own polity: its administrative sanctions, political dissent,
# reform, rights and leadership ("lifted the curfew", "allowed the candidate to run",
# "agreed to postpone the rally", "declined to resign", "refused to lift the ban"). With
# no target named, they are done to the source's own country (``domestic:source-country``).
_DOMESTIC_CODES = (
    EASE_SANCTIONS,
    EASE_DISSENT,
    THREATEN_SANCTIONS,
    IMPOSE_SANCTIONS,
    INTENT_POLITICAL_REFORM,
    INTENT_EASE_SANCTIONS,
    INTENT_EASE_DISSENT,
    ACCEDE_POLITICAL_REFORM,
    REJECT_POLITICAL_REFORM,
    REFUSE_EASE_SANCTIONS,
    REFUSE_EASE_DISSENT,
)


# Verbs of arrest whose charge is still an allegation: not an indictment (itself the
# accusation) nor a sentence (PLOVER: no 'allege' alongside a conviction).
_ARRESTING_VERBS = words("arresting_verbs")


# Legal acts whose doer, named nowhere, is a state's authorities: "was arrested", "was
# sentenced to six years", "was convicted", "was deported". The authorities' country is
# left unknown here; the story's country places them (``_placement``), or the last stage
# leaves the event out as of no known source.
_LEGAL_CODES = (ARREST, EXPEL, FIND_GUILTY)


# Verbs of legal acts done by courts ("sentenced", "convicted"); other arrests are the
# police's, deportations the government's.
_COURT_VERBS = words("court_verbs")


def _authorities(match: Match, targets: list[Actor], resolver: DocumentActors) -> list[Actor]:
    """The unnamed authorities of an agentless passive legal act done to a named actor
    ("the former minister was jailed"), of unknown country; [] for any other event."""
    clause = match.clause
    if not (clause.passive and targets and match.code.startswith(_LEGAL_CODES)):
        return []
    verb = clause.verb
    lemma = verb.lemma_.lower()
    if match.code.startswith(EXPEL):
        sector = "GOV"
    elif match.code.startswith(FIND_GUILTY) or lemma in _COURT_VERBS:
        sector = "JUD"
    else:
        sector = "COP"
    start, end = clause.verb_span()
    return [
        Actor(
            code=UNKNOWN_COUNTRY + sector,
            name="authorities",
            text=resolver.char_span_text(start, end),
            start=start,
            end=end,
            entry=f"agents:{sector}",
            rule="agentless-legal",
        )
    ]


@cache
def describe(code: str) -> tuple[CameoRef, str, int, float, PloverRef]:
    """Return a CAMEO code's reference, root, quad class, Goldstein score and PLOVER type."""
    info = cameo(code)
    mapping = plover_for(code)
    return (
        CameoRef(info.code, info.name),
        info.root_code,
        int(info.quad_class),
        info.goldstein,
        PloverRef(mapping.type, mapping.mode),
    )


def recoded(
    event: Event, code: str, note: str, source: Actor | None = None, target: Actor | None = None
) -> Event:
    """The event with another CAMEO code (and, if given, other actors): its description,
    id and evidence (``; NOTE -> CODE`` after the pattern) follow."""
    source = source if source is not None else event.source
    target = target if target is not None else event.target
    cameo_ref, root, quad, goldstein, plover = describe(code)
    return replace(
        event,
        event_id=make_event_id(event.doc_id, event.evidence.verb.start, source, target, code),
        source=source,
        target=target,
        cameo=cameo_ref,
        root_code=root,
        quad_class=quad,
        goldstein=goldstein,
        plover=plover,
        evidence=replace(event.evidence, pattern=f"{event.evidence.pattern}; {note} -> {code}"),
    )


def retargeted(event: Event, target: Actor) -> Event:
    """The event with another target (found after the sentence rules); its id follows."""
    return replace(
        event,
        target=target,
        event_id=make_event_id(
            event.doc_id, event.evidence.verb.start, event.source, target, event.cameo.code
        ),
    )


def clause_events(
    match: Match,
    slots: Slots,
    sentence: Span,
    index: int,
    resolver: DocumentActors,
    context: DocumentContext,
    doc_id: str,
) -> list[Event]:
    """Return the events of one match with its actors (one per source-target pair).

    Args:
        match: The match, with its final code and modality.
        slots: Its sources and targets (:func:`_slots.fill_slots`).
        sentence: The sentence of the match.
        index: The sentence's index in the document.
        resolver: The document's actor resolver.
        context: The document's places, dates and quotations.
        doc_id: Identifier of the document, used in event ids.
    """
    clause, entry, code = slots.clause, match.entry, match.code
    sources, targets = slots.sources, slots.targets
    location = context.location_for(clause.verb, sentence, [*sources, *targets])
    place_rule = "location"
    if location is None and code.startswith(FORCE_PREFIXES):
        # "killed six guards when they stormed a prison in Niger": where it happened
        place_rule = "when-clause-location"
        for verb in when_clauses(clause.verb):
            location = context.location_for(verb, sentence, [*sources, *targets])
            if location is not None:
                break
    if slots.unattributed:
        # "two soldiers were killed in Kirkuk", "a car bomb killed two soldiers in
        # Kirkuk": force used by no one named is used in, and by, the place's country
        if (
            not targets
            and code.startswith(_LEGAL_CODES)
            and any(o.pos_ == "PRON" for o in clause.objects)
        ):
            return []  # "he was arrested in Brooklyn", "he" no one the text names
        if location is not None and location.country:
            sources = [location_actor(location, context, rule="location:unattributed")]
        else:
            sources = _authorities(match, targets, resolver)
            if not sources:
                return []
    if location is not None and location.country:
        sources = [placed(a, location, place_rule) for a in sources]
        targets = [placed(a, location, place_rule) for a in targets]
        if not targets and code[:2] in _LOCATED_TARGET_ROOTS:
            # "imposed a curfew in Cizre", "reimposed blockades in the West Bank": a
            # material event done in a place is done to that country
            targets = [location_actor(location, context)]
    # a code decided by who the parties are: a clash of persons, storming by armed men,
    # leaving an organization, drills held alone
    targets = recode_by_parties(match, clause, sources, targets, location, context)
    code = match.code
    pairs = _pairs(match, sources, targets, location, resolver, context)
    cameo_ref, root, quad, goldstein, plover = describe(code)
    if entry.plover is not None and code == entry.code and entry.plover != plover.type:
        plover = PloverRef(entry.plover, None)  # "resigned": RETREAT, not 0831's CONCEDE
    negated = is_negated(clause) if match.negated is None else match.negated
    verb_start, verb_end = clause.verb_span()
    pattern = f"{entry.describe()} ({entry.where})"
    if match.note:
        pattern = f"{pattern}; {match.note} -> {code}"
    evidence = Evidence(
        sentence=TextSpan(
            context.text[sentence.start_char : sentence.end_char],
            sentence.start_char,
            sentence.end_char,
        ),
        verb=TextSpan(resolver.char_span_text(verb_start, verb_end), verb_start, verb_end),
        pattern=pattern,
    )
    date, precision, date_source = context.date_for(clause.verb, sentence)
    quote = context.quote_at(verb_start)
    return [
        Event(
            doc_id=doc_id,
            sentence_index=index,
            event_id=make_event_id(doc_id, verb_start, source, target, code),
            date=date,
            source=source,
            target=target,
            cameo=cameo_ref,
            root_code=root,
            quad_class=quad,
            goldstein=goldstein,
            plover=plover,
            negated=negated,
            evidence=evidence,
            modality=match.modality,
            date_precision=precision,
            date_source=date_source,
            location=location,
            quote=quote,
        )
        for source, target in pairs
    ]


def _pairs(
    match: Match,
    sources: list[Actor],
    targets: list[Actor],
    location: Location | None,
    resolver: DocumentActors,
    context: DocumentContext,
) -> list[tuple[Actor, Actor | None]]:
    """The source-target pairs of one event: each source with each target; co-subjects of
    a reciprocal act with each other; a domestic act with the source's own country."""
    code = match.code
    domestic = code[:2] in _DOMESTIC_ROOTS or code.startswith(_DOMESTIC_CODES)
    if (
        not match.nominal
        and len({s.code for s in sources}) > 1
        and code[:2] in _RECIPROCAL_ROOTS
        and not other_actors([t for t in targets if t.rule != "place-of-object"], sources)
    ):
        # "X and Y agreed on a pact between the two", "X and Y held talks in Moscow" (the
        # venue is no party): with each other
        targets = []
    if targets:
        pairs: list[tuple[Actor, Actor | None]] = [
            (domestic_source(s, t, resolver), domestic_target(t, s, resolver, code))
            for s in sources
            for t in targets
            if s.code != t.code
            and not (code[:2] in _RECIPROCAL_ROOTS and t.code == s.code[:3])
            and not (code.startswith(OWN_FORCES_PREFIXES) and t.code[:3] == s.code[:3])
        ]  # a government does not meet its own country, nor withdraw from its own forces
        if not pairs and len({s.code for s in sources}) > 1 and code[:2] in _RECIPROCAL_ROOTS:
            # "elders and officials met in <their own capital>": with each other
            return [(s, t) for s in sources for t in sources if s.code != t.code]
        if not pairs:  # "Egypt evacuated its embassy": the event stands, with no target
            # (a protest or repression in the source's own country targets that country)
            pairs = [(s, home_country(s, resolver) if domestic else None) for s in sources]
        return pairs
    if len({s.code for s in sources}) > 1 and (
        code[:2] in _RECIPROCAL_ROOTS
        or code.startswith(ROOT_REDUCE_RELATIONS)  # "X and Y recalled their ambassadors"
        or match.entry.verb in _RECIPROCAL_VERBS
    ):
        return [(s, t) for s in sources for t in sources if s.code != t.code]
    if domestic:
        # protest, repression, curfews and bans with no target named: done within the
        # source's own country ("Egyptian demonstrators rioted")
        return [(s, polity(s, location, context, resolver)) for s in sources]
    return [(s, None) for s in sources]


def charges(match: Match, arrests: list[Event], doc_id: str) -> list[Event]:
    """The accusation an arrest names, between the same actors: "Iran detained two
    Britons for spying" is both the arrest (173) and the charge of espionage (1125)."""
    if (
        match.code != ARREST
        or match.modality != "asserted"
        or match.entry.verb not in _ARRESTING_VERBS
    ):
        return []
    found = charge_subcode(match.clause)
    if found is None:
        return []
    code, note = found
    return [recoded(event, code, note) for event in arrests]
