"""Who each sentence names: the actor codes of its dictionary names.

Reads the parsed Doc and the document's actor resolver (its dictionary mentions: states,
capitals, organizations, people, state adjectives). Writes, for each sentence index, the
set of actor codes its mentions stand for on the story's date (a person by the role held
then, else the person's country). The last stage reads it to tell an event whose target
the sentence does not name from one whose target the coder failed to connect.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.actors import DocumentActors

__all__ = ["sentence_parties"]


def sentence_parties(doc: Doc, resolver: DocumentActors) -> dict[int, frozenset[str]]:
    """Return the actor codes named in each sentence (by sentence index)."""
    if not resolver.mentions:
        return {}
    starts = [sentence.start for sentence in doc.sents]
    found: dict[int, set[str]] = {}
    index = 0
    for mention in resolver.mentions:
        while index + 1 < len(starts) and starts[index + 1] <= mention.start:
            index += 1
        entry = mention.phrase.entry
        code: str | None = entry.code
        if entry.kind == "person":
            role = entry.role_on(resolver.date)
            code = role.code if role else entry.country
        if code:
            found.setdefault(index, set()).add(code)
    return {i: frozenset(codes) for i, codes in found.items()}
