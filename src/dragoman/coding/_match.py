"""A pattern match in a clause, as the event stages pass it on.

Reads: nothing (data only). Written by: the event-code stage (``_events``) from verb, noun and
adjective patterns; read and refined by ``_refine`` and ``_modality``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.coding._clauses import Clause
from dragoman.coding._verbs import VerbEntry
from dragoman.records import Actor

__all__ = ["Candidates", "Decision", "Match"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What a refinement rule decided about a match; the rule returns it and the step that
    runs the rule table applies it (:meth:`Match.take`), so a rule edits nothing itself.

    Attributes:
        code: The new code, or None when the rule decided no code (only what follows).
        note: How the code was derived, for the evidence.
        negated: The match's negation, when the rule reads it otherwise ("failed to reach a
            deal" is no negated agreement); None: leave it.
        clause: The clause to code the event from (the arrival's sent contingent as its
            subject); None: leave it.
        content: What a statement of need asks for; None: leave it.
        noun: The event noun that is this event ("air strikes killed 20"); None: leave it.
        addressee: The complement's subject becomes the target.
    """

    code: str | None
    note: str = ""
    negated: bool | None = None
    clause: Clause | None = None
    content: Token | None = None
    noun: Token | None = None
    addressee: bool = False


@dataclass(slots=True)
class Match:
    """A clause with the verb pattern it matched and the code it will be coded with."""

    clause: Clause
    entry: VerbEntry
    code: str
    modality: str
    note: str = ""  # how ``code`` was derived from the pattern's, for the evidence
    addressee: bool = False  # the complement's subject is the target ("demanded that X")
    nominal: bool = False  # a noun names the event ("Russia's attack on Ukraine")
    sources: tuple[Actor, ...] = ()  # actors known before the clause is read (a speaker)
    noun: Token | None = None  # the event noun of a light verb or a nominal event
    content: Token | None = None  # what a statement of need asks for (a verb or a noun)
    negated: bool | None = None  # None: read the negation from the clause
    # the refinement that decided ``code`` (its name), None while the pattern's code stands:
    # later refinements that only refine an undecided code test this, never ``note``
    refined_by: str | None = None

    def refine(self, rule: str, code: str, note: str) -> None:
        """Take the code a refinement decided, with the note the evidence shows."""
        self.code, self.note, self.refined_by = code, note, rule

    def take(self, rule: str, decision: Decision) -> None:
        """Take what refinement ``rule`` decided (a new code only if it names one)."""
        if decision.code is not None:
            self.refine(rule, decision.code, decision.note)
        if decision.negated is not None:
            self.negated = decision.negated
        if decision.clause is not None:
            self.clause = decision.clause
        if decision.content is not None:
            self.content = decision.content
        if decision.noun is not None:
            self.noun = decision.noun
        if decision.addressee:
            self.addressee = True


@dataclass(frozen=True, slots=True)
class Candidates:
    """Token indices of one sentence worth a closer look."""

    verbs: list[int]
    names: list[int]
    nouns: list[int]
    adjectives: list[int]
