"""Reports of harm as accusations: "Seoul said North Korean troops fired on its border post".

Reads the events of one sentence and the verbs that coded them; writes the same events with
each bare statement (010) whose reported clause is itself a coded act of force or coercion
by another country's state or organs recoded as an accusation (112) against that actor.
What was said is still coded as its doer's own event; the speaker's statement, which the
sentence stage would drop as bare attribution, becomes the charge the speaker makes. A
report of what rebels, gunmen or criminals did stays a report: "officials said rebels
attacked a convoy" is the rebels' attack alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.actors import UNKNOWN_COUNTRY
from dragoman.coding._records import recoded
from dragoman.ontology.codes import (
    ACCUSE,
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_FIGHT,
    ROOT_MASS_VIOLENCE,
    STATEMENT,
)
from dragoman.records import Event

__all__ = ["reported_accusations"]

# Roots of the harm whose report accuses its doer.
_HARM_ROOTS = frozenset({ROOT_COERCE, ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE})


# Sectors of armed or criminal actors outside any state: reporting what they did is
# reporting ("officials said rebels attacked a convoy"), not charging a party.
_OUTLAW_SECTORS = frozenset({"REB", "INS", "CRM", "UAF"})


# Sectors of people who report what they saw rather than charge anyone: civilians,
# shopkeepers and workers, teachers, doctors and medics, journalists, refugees.
_WITNESS_SECTORS = frozenset({"BUS", "CVL", "EDU", "HLH", "LAB", "MED", "REF"})


def _charges_a_party(speaker: str, doer: str) -> bool:
    """Whether reporting the doer's harm charges another party: a state or its organs of
    another country ("Seoul said North Korean troops fired on ..."), not the speaker's own
    side ("Putin said Russian forces struck ...") nor rebels, gunmen or criminals."""
    return speaker[:3] != doer[:3] and doer[3:6] not in _OUTLAW_SECTORS


def reported_accusations(events: list[Event], coded_verbs: list[Token]) -> list[Event]:
    """Recode each bare statement that reports another actor's harmful act as an accusation
    of that actor (one event per doer)."""
    by_start = {verb.idx: verb for verb in coded_verbs}
    out: list[Event] = []
    for event in events:
        verb = by_start.get(event.evidence.verb.start)
        if (
            event.cameo.code != STATEMENT
            or event.negated
            or verb is None
            or event.source.code[3:6] in _WITNESS_SECTORS
        ):
            out.append(event)
            continue
        doers: dict[str, Event] = {}
        for other in events:
            other_verb = by_start.get(other.evidence.verb.start)
            if (
                other_verb is None
                or other_verb.i == verb.i
                or not verb.is_ancestor(other_verb)
                or other.root_code not in _HARM_ROOTS
                or other.negated
                or other.source.code.startswith(UNKNOWN_COUNTRY)
                or not _charges_a_party(event.source.code, other.source.code)
                or "unattributed" in other.source.rule
            ):
                continue
            doers.setdefault(other.source.code, other)
        if not doers:
            out.append(event)
            continue
        out.extend(
            recoded(event, ACCUSE, "reports harm done by another", target=other.source)
            for other in doers.values()
        )
    return out
