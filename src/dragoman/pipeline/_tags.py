"""Part-of-speech tag sets the stages after parsing test, named once.

Reads: nothing. Writes: constants (tag names, and their ids as :class:`TokenTable` holds
them in ``pos``).
"""

from __future__ import annotations

from spacy.strings import get_string_id

__all__ = ["VERBAL_POS", "VERBAL_POS_IDS"]

#: Tags of words that head a clause: verbs and auxiliaries ("is" in "is ready").
VERBAL_POS = frozenset({"VERB", "AUX"})

#: The same, as the ids of ``TokenTable.pos``.
VERBAL_POS_IDS = frozenset(get_string_id(pos) for pos in VERBAL_POS)
