"""Cutting a text into plain and highlighted pieces from character offsets.

The offsets stored with each event index into the document text; the evidence sentence has
its own start, so a span's place in the sentence is its offset minus the sentence's start.
Templates render the pieces with autoescaping, so no text from the corpus becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

__all__ = ["Segment", "highlight"]


class Segment(NamedTuple):
    """A piece of text: ``role`` is None for plain text, else ``source``, ``action`` or
    ``target``."""

    text: str
    role: str | None


def highlight(
    text: str, base: int, spans: Iterable[tuple[str, Mapping[str, Any]]]
) -> list[Segment]:
    """Cut ``text`` into segments, marking the spans that fall inside it.

    Args:
        text: The text (a sentence or a whole document).
        base: The document offset of the text's first character.
        spans: ``(role, {"start", "end", ...})`` pairs with document offsets. Spans outside
            the text (an actor resolved from an earlier sentence) are left out; of
            overlapping spans the earlier (then the longer) one wins.

    Returns:
        The segments, in order; their texts joined give ``text`` back.
    """
    marks: list[tuple[int, int, str]] = []
    for role, span in spans:
        start, end = span.get("start"), span.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        start, end = start - base, end - base
        if 0 <= start < end <= len(text):
            marks.append((start, end, role))
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[Segment] = []
    position = 0
    for start, end, role in marks:
        if start < position:
            continue  # overlaps a span already marked
        if start > position:
            out.append(Segment(text[position:start], None))
        out.append(Segment(text[start:end], role))
        position = end
    if position < len(text):
        out.append(Segment(text[position:], None))
    return out
