"""Word lists as data: the named lists of English words that the coding rules test.

The lists live in ``data/lexicon.yaml``, each with a name, what it is for and its words; they
are read and checked once, at import, into frozensets, so a rule's ``lemma in LIST`` costs
what it did when the list was written in code. ``words("copulas")`` returns one list;
``words_in_order("target_preps")`` one whose order is a priority (tried in turn);
:func:`load_lexicon` reads and validates a lexicon file (errors name the file and line).
Packages below ``coding`` (``actors``, ``temporal``) read it too, so it sits beside them.
"""

from __future__ import annotations

from dragoman.lexicon._lexicon import (
    lexicon_file,
    list_names,
    load_lexicon,
    words,
    words_in_order,
)

__all__ = ["lexicon_file", "list_names", "load_lexicon", "words", "words_in_order"]
