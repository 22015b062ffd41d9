"""Quotations: who said what, directly ("...," she said) or reported ("X said that ...").

Example:
    >>> from dragoman.pipeline import load_model                   # doctest: +SKIP
    >>> from dragoman.quotes import find_quotes                    # doctest: +SKIP
    >>> doc = load_model()("“We will not retreat,” the minister said.")  # doctest: +SKIP
    >>> [(q.speaker_text, q.content) for q in find_quotes(doc)]    # doctest: +SKIP
    [('the minister', 'We will not retreat')]
"""

from __future__ import annotations

from dragoman.quotes._find import find_quotes
from dragoman.quotes._index import QuoteIndex
from dragoman.quotes._marks import Marked, pair_quote_marks
from dragoman.quotes._model import Cue, Quote, QuoteKind
from dragoman.quotes._speaker import DEFAULT_CUE_VERBS

__all__ = [
    "DEFAULT_CUE_VERBS",
    "Cue",
    "Marked",
    "Quote",
    "QuoteIndex",
    "QuoteKind",
    "find_quotes",
    "pair_quote_marks",
]
