"""Parsing a long text in bounded pieces and joining them into one Doc.

spaCy's memory grows with the text it parses at once: a 1,000,000-character document parsed
whole needs gigabytes. A long text is cut at paragraph breaks (blank lines; failing those,
line breaks, then sentence ends, then spaces) into pieces of at most ``piece_chars``
characters, the pieces are parsed a few at a time, and the Docs are joined into one Doc
with exactly the text given. The coding stage then reads the whole document at once, with
all its context (who was named before, the dates the story counts from, quotations that run
on): only the parse is done piecewise, and a paragraph break already starts a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PIECE_CHARS", "parse_in_pieces", "split_pieces"]

#: Longest piece parsed at once, in characters (about 4,000 tokens of news text).
PIECE_CHARS = 20_000
# Where a piece may end, best first: after a blank line, a line break, a sentence end, a
# space. A piece keeps the whitespace after its last word.
_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def split_pieces(text: str, piece_chars: int = PIECE_CHARS) -> list[str]:
    """Cut a text into pieces of at most ``piece_chars`` characters that join to the text.

    Args:
        text: The text.
        piece_chars: The longest piece (at least 100).

    Returns:
        The pieces, in order (one piece for a short text).
    """
    limit = max(100, piece_chars)
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, stop: int) -> int:
    """The best place to end a piece that starts at ``start`` and ends by ``stop``: the last
    break of the best kind that leaves the piece at least half full."""
    floor = start + (stop - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, floor, stop):
            last = match
        if last is not None and last.end() <= stop:
            return last.end()
    return stop  # one unbroken word of 10,000 characters: cut it


def parse_in_pieces(
    nlp: Language, text: str, *, piece_chars: int = PIECE_CHARS, batch_size: int = 4
) -> Doc:
    """Parse a text piece by piece and return one Doc of the whole text.

    Args:
        nlp: The pipeline.
        text: The text (any length; short texts are parsed at once).
        piece_chars: The longest piece parsed at once.
        batch_size: Pieces parsed together.

    Returns:
        A Doc whose text is ``text``, with tags, lemmas, dependencies and sentence starts.
    """
    pieces = split_pieces(text, piece_chars)
    if len(pieces) == 1:
        return nlp(text)
    docs = list(_lean(nlp.pipe(pieces, batch_size=batch_size)))
    joined: Doc = Doc.from_docs(  # type: ignore[call-arg]
        docs, ensure_whitespace=False, exclude=["tensor", "user_data"]
    )
    return joined


def _lean(docs: Iterator[Doc]) -> Iterator[Doc]:
    """Drop each piece's tensor (the coding stage never reads it) as it is parsed."""
    for doc in docs:
        doc.tensor = numpy.zeros((0,), dtype="float32")
        yield doc
