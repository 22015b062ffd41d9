"""Explaining how a name resolves: ``dragoman actors lookup``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from dragoman.actors._dictionary import ActorDictionary, NamedEntry
from dragoman.actors._mentions import Mention, MentionFinder
from dragoman.actors._resolve import DocumentActors
from dragoman.records import Actor

__all__ = ["ActorLookup", "lookup_actor"]


@dataclass(frozen=True, slots=True)
class ActorLookup:
    """The resolution of a phrase, with the dictionary entries behind it.

    Attributes:
        query: The phrase looked up.
        date: The date roles were resolved for, or None (current roles).
        actors: The coded actors (one per conjunct), with entry and rule.
        entries: The dictionary entries the phrase names, for explanation.
    """

    query: str
    date: str | None
    actors: tuple[Actor, ...]
    entries: tuple[NamedEntry, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "query": self.query,
            "date": self.date,
            "actors": [a.to_dict() for a in self.actors],
            "entries": [
                {
                    "code": e.code if e.kind != "person" else None,
                    "name": e.name,
                    "kind": e.kind,
                    "entry": e.entry,
                    "roles": [
                        {
                            "code": r.code,
                            "start": r.start,
                            "end": r.end,
                            "title": r.title,
                            "valid": self.date is not None and r.valid_on(self.date),
                        }
                        for r in e.roles
                    ],
                    "country": e.country,
                }
                for e in self.entries
            ],
        }


def lookup_actor(
    text: str,
    *,
    nlp: Language,
    finder: MentionFinder,
    dictionary: ActorDictionary,
    date: str | None = None,
) -> ActorLookup:
    """Resolve a phrase as the coder would resolve it in a clause slot.

    Args:
        text: A name or noun phrase ("Tokayev", "the Kazakh police", "Finland's foreign
            minister").
        nlp: The spaCy pipeline.
        finder: Finds dictionary names.
        dictionary: The actor dictionary.
        date: Resolve roles for this date (``YYYY-MM-DD``); None: current roles.

    Returns:
        The coded actors and the entries involved.
    """
    doc = nlp(text)
    mentions = finder.find(doc)
    whole = dictionary.phrases.get(" ".join(text.split()))
    if whole is not None and not any(m.start == 0 and m.end == len(doc) for m in mentions):
        # a bare name alone is often tagged as a common noun: the dictionary decides
        mentions = [Mention(0, len(doc), whole)]
    resolver = DocumentActors(doc, mentions, dictionary, date)
    actors = tuple(resolver.resolve(doc[:].root)) if len(doc) else ()
    entries: list[NamedEntry] = []
    for mention in mentions:
        if mention.phrase.entry not in entries:
            entries.append(mention.phrase.entry)
    return ActorLookup(text, date, actors, tuple(entries))
