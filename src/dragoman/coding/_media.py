"""Verb senses decided by the medium a prepositional phrase names.

Reads a match's clause; returns a :class:`Decision` for the refinement tables of
``coding/_refine.py``: "took to social media" is speaking there, not a protest; "spoke by
phone" is a telephone call (041).
"""

from __future__ import annotations

from dataclasses import replace

from dragoman.coding._match import Decision, Match
from dragoman.lexicon import words
from dragoman.ontology.codes import DEMONSTRATE, DISCUSS_BY_TELEPHONE, STATEMENT

__all__ = ["phone_sense", "platform_sense"]

# Where one "takes to" speak rather than march: "took to social media", "took to the airwaves".
_PLATFORM_NOUNS = words("platform_nouns")


def platform_sense(match: Match) -> Decision | None:
    """A statement, not a protest: "took to social media" is speaking there."""
    if match.code != DEMONSTRATE or match.entry.prep != "to":
        return None
    places = match.clause.preps.get("to", [])
    if not any(p.lemma_.lower() in _PLATFORM_NOUNS for p in places):
        return None
    preps = {prep: heads for prep, heads in match.clause.preps.items() if prep != "to"}
    return Decision(  # the platform is where it is said, not whom it is said to
        STATEMENT,
        f"took to a platform ({places[0].text})",
        clause=replace(match.clause, preps=preps),
    )


# What talking is done over: "spoke by phone", "talked over a video link".
_PHONE_NOUNS = words("phone_nouns")
_TALKING_VERBS = words("talking_verbs")
_MEDIUM_PREPS = ("by", "over", "via", "on")
_PRESS = words("press_partners")


def phone_sense(match: Match) -> Decision | None:
    """A telephone or video call (041): "spoke by phone", "talked with X over a video
    link", held with the verb's with-party or among its co-subjects."""
    clause = match.clause
    if clause.verb.lemma_.lower() not in _TALKING_VERBS:
        return None
    media = [
        pobj
        for prep in _MEDIUM_PREPS
        for pobj in clause.preps.get(prep, [])
        if pobj.lemma_.lower() in _PHONE_NOUNS
    ]
    if not media or any(
        head.lemma_.lower() in _PRESS for p in ("to", "with") for head in clause.preps.get(p, [])
    ):
        return None  # "spoke to reporters by phone": an interview, not a call between parties
    preps = {p: heads for p, heads in clause.preps.items() if p not in _MEDIUM_PREPS}
    return Decision(
        DISCUSS_BY_TELEPHONE, f"talk by {media[0].text}", clause=replace(clause, preps=preps)
    )
