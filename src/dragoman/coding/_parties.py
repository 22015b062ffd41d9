"""Who a document names: the actor codes of its dictionary names.

Reads the document's actor resolver (its dictionary mentions: states, capitals,
organizations, people, state adjectives). Writes the set of actor codes those mentions
stand for on the story's date (a person by the role held then, else the person's country).
The last stage reads it to tell an event whose target the story never names from one
whose target the coder failed to connect.
"""

from __future__ import annotations

from dragoman.actors import DocumentActors

__all__ = ["document_parties"]


def document_parties(resolver: DocumentActors) -> frozenset[str]:
    """Return the actor codes the document's dictionary names stand for."""
    found: set[str] = set()
    for mention in resolver.mentions:
        entry = mention.phrase.entry
        code: str | None = entry.code
        if entry.kind == "person":
            role = entry.role_on(resolver.date)
            code = role.code if role else entry.country
        if code:
            found.add(code)
    return frozenset(found)
