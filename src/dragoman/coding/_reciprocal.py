"""Reciprocal events: the other side of a symmetric act, and the host of a visit.

Reads the coded events of one document (after the rules, before the last stage) and writes
them with the events that the same words state for the other party: "X met Y" is also Y
meeting X (consultations, talks, negotiations and signed agreements are acts of both
sides), and "X visited Y" is also Y hosting X (and the reverse). An event is added only
when its target is a placed actor and the document does not already have it (same actors,
same CAMEO root). The added event keeps the evidence of the one it mirrors, with
``; reciprocal -> CODE`` at the end of its pattern.
"""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.coding._records import recoded
from dragoman.ontology import codes
from dragoman.records import Event

__all__ = ["RECIPROCAL_CODES", "with_reciprocals"]

#: The code of the event the other party takes part in, for each code that has one.
RECIPROCAL_CODES: dict[str, str] = {
    codes.CONSULT: codes.CONSULT,
    codes.DISCUSS_BY_TELEPHONE: codes.DISCUSS_BY_TELEPHONE,
    codes.MEET_AT_THIRD_LOCATION: codes.MEET_AT_THIRD_LOCATION,
    codes.NEGOTIATE: codes.NEGOTIATE,
    codes.SIGN_FORMAL_AGREEMENT: codes.SIGN_FORMAL_AGREEMENT,
    codes.VISIT: codes.HOST_VISIT,
    codes.HOST_VISIT: codes.VISIT,
}


def with_reciprocals(events: Sequence[Event]) -> list[Event]:
    """Return the events with the reciprocal ones added after the event each mirrors.

    Args:
        events: The coded events of one document, in text order.
    """
    seen = {_key(e.source.code, e.target.code if e.target else "", e.root_code) for e in events}
    out: list[Event] = []
    for event in events:
        out.append(event)
        target = event.target
        mirrored = RECIPROCAL_CODES.get(event.cameo.code)
        if mirrored is None or target is None or target.code.startswith("---"):
            continue
        if target.code[:3] == event.source.code[:3]:
            continue  # within one country the parties are rarely told apart
        key = _key(target.code, event.source.code, mirrored[:2])
        if key in seen:
            continue
        seen.add(key)
        out.append(recoded(event, mirrored, "reciprocal", source=target, target=event.source))
    return out


def _key(source: str, target: str, root: str) -> tuple[str, str, str]:
    return source, target, root
