"""The document's quotation index: which quotation covers a character offset.

Reads: the quotations found in a document (content offsets and the speaker's head token).
Written once per document by the coding stage's context; read by both the event coder (is
this event said inside a quotation?) and the actor resolver ("I" and "we" in a quotation
are its speaker), so the two always agree on what is quoted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise

__all__ = ["QuoteIndex"]


class QuoteIndex:
    """Quoted passages of one document, looked up by character offset."""

    __slots__ = ("_in_order", "_reach", "_spans", "_starts")

    def __init__(self, spans: Sequence[tuple[int, int, int | None]] = ()) -> None:
        """Index the passages.

        Args:
            spans: ``(content_start, content_end, speaker_token_index)`` per quotation, in
                the order the quotations are numbered; the speaker index may be None.
        """
        self._spans = list(spans)
        self._starts = [start for start, _end, _speaker in self._spans]
        # running maximum of the ends: reported speech may nest ("X said that Y said ...")
        self._reach = list(accumulate((end for _start, end, _speaker in self._spans), max))
        self._in_order = all(a <= b for a, b in pairwise(self._starts))

    def __len__(self) -> int:
        return len(self._spans)

    def speaker_token(self, index: int) -> int | None:
        """Return the head token index of quotation ``index``'s speaker, or None."""
        return self._spans[index][2]

    def at(self, offset: int) -> int | None:
        """Return the index of the first quotation (in text order) containing ``offset``."""
        if not self._spans:
            return None
        if not self._in_order:
            return next(
                (i for i, (start, end, _s) in enumerate(self._spans) if start <= offset < end),
                None,
            )
        # the first index whose reach passes the offset ends after it
        started = bisect_right(self._starts, offset)
        index = bisect_right(self._reach, offset)
        return index if index < started else None
