"""Event records for tests that need events without coding a text (scoring, the last coding
stage, the store and its exports). One factory, so a field added to ``Event`` is added here.

Importable from any test (``pythonpath = ["tests"]`` in pyproject.toml)::

    from factories import make_actor, make_event
"""

from __future__ import annotations

from dragoman import Actor, CameoRef, Event, Evidence, Location, PloverRef, TextSpan
from dragoman.ontology import cameo, plover_for
from dragoman.records import make_event_id

__all__ = ["make_actor", "make_event"]

#: The evidence sentence of events that do not give their own.
SENTENCE = TextSpan("Our own sentence.", 0, 17)


def make_actor(
    code: str, text: str | None = None, start: int = 0, *, name: str | None = None, rule: str = ""
) -> Actor:
    """An actor: ``code`` named ``name`` (default: the code), written ``text`` (default: the
    code in lower case) at ``start``."""
    words = code.lower() if text is None else text
    return Actor(code, name or code, words, start, start + len(words), rule=rule)


def make_event(
    source: Actor | str,
    target: Actor | str | None = None,
    code: str = "111",
    *,
    doc_id: str = "d",
    date: str | None = None,
    precision: str = "day",
    sentence: TextSpan = SENTENCE,
    start: int = 10,
    pattern: str | None = None,
    negated: bool = False,
    modality: str = "asserted",
    location: Location | None = None,
    confidence: float = 1.0,
) -> Event:
    """An event of CAMEO ``code`` (its name, root, quad class, Goldstein score and PLOVER
    type from the shipped ontology).

    Args:
        source: The source actor, or its code (then at offset 0).
        target: The target actor, its code (then at offset 20), or None.
        code: The CAMEO code.
        doc_id: The document.
        date: The event's date (``YYYY-MM-DD``), None for none.
        precision: How precise the date is.
        sentence: The evidence sentence.
        start: Offset of the predicate (``did``); with the actors, document and code it
            makes the event id.
        pattern: The verb pattern (default ``fake -> CODE``).
        negated: The text denies the event.
        modality: ``asserted``, ``future``, ``hypothetical``...
        location: Where it happened.
        confidence: The last stage's confidence.
    """
    src = make_actor(source) if isinstance(source, str) else source
    tgt = make_actor(target, start=20) if isinstance(target, str) else target
    action = TextSpan("did", start, start + 3)
    info = cameo(code)
    mapping = plover_for(code)
    return Event(
        doc_id=doc_id,
        sentence_index=0,
        event_id=make_event_id(doc_id, action.start, src, tgt, code),
        date=date,
        source=src,
        target=tgt,
        cameo=CameoRef(code, info.name),
        root_code=info.root_code,
        quad_class=int(info.quad_class),
        goldstein=info.goldstein,
        plover=PloverRef(mapping.type, mapping.mode) if mapping else PloverRef(None, None),
        negated=negated,
        evidence=Evidence(sentence, action, pattern or f"fake -> {code}"),
        modality=modality,
        date_precision=precision,
        location=location,
        confidence=confidence,
    )
