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

__all__ = ["Candidates", "Match"]


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


@dataclass(frozen=True, slots=True)
class Candidates:
    """Token indices of one sentence worth a closer look."""

    verbs: list[int]
    names: list[int]
    nouns: list[int]
    adjectives: list[int]
