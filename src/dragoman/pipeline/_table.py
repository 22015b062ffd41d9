"""A parsed Doc's token attributes as plain lists, read once per document.

Creating a spaCy ``Token`` object to read one attribute costs more than most of what the
coding stage does with it; the stages that scan whole documents (candidate predicates,
quotation cues) read these lists instead.
"""

from __future__ import annotations

import weakref

import numpy
from spacy.attrs import DEP, ENT_IOB, HEAD, IDX, LEMMA, LENGTH, LOWER, POS
from spacy.tokens import Doc

__all__ = ["TokenTable"]


class TokenTable:
    """Per-token attributes of one Doc, as lists indexed by token index.

    Attributes:
        pos: Coarse part-of-speech ids (``POS``).
        lemma: Lemma string hashes.
        dep: Dependency label hashes.
        lower: Lower-cased form hashes.
        head: Index of each token's syntactic head (absolute, not relative).
        idx: Character offset of each token.
        length: Length of each token's text, in characters.
        entities: Whether the Doc has entity labels, as ``Doc.has_annotation("ENT_IOB")``
            says (which reads every token of a Doc without them on each call).
    """

    __slots__ = (
        "_children",
        "dep",
        "entities",
        "head",
        "idx",
        "lemma",
        "length",
        "lower",
        "pos",
    )

    def __init__(self, doc: Doc) -> None:
        """Read the attributes of a parsed Doc.

        Args:
            doc: The Doc (tags, lemmas and dependencies are read as they are).
        """
        array = doc.to_array([POS, LEMMA, DEP, LOWER, HEAD, IDX, LENGTH, ENT_IOB])
        self.pos: list[int] = array[:, 0].tolist()
        self.lemma: list[int] = array[:, 1].tolist()
        self.dep: list[int] = array[:, 2].tolist()
        self.lower: list[int] = array[:, 3].tolist()
        # HEAD is an offset from the token, stored unsigned: -1 wraps around
        heads = array[:, 4].astype(numpy.int64) + numpy.arange(len(doc), dtype=numpy.int64)
        self.head: list[int] = heads.tolist()
        self.idx: list[int] = array[:, 5].tolist()
        self.length: list[int] = array[:, 6].tolist()
        # an empty Doc counts as labelled, as spaCy has it
        self.entities: bool = not len(doc) or bool(array[:, 7].any())
        self._children: list[list[int]] | None = None

    @classmethod
    def of(cls, doc: Doc) -> TokenTable:
        """Return the table of a Doc, read once and kept while the Doc lives.

        Functions that get one token ("the clause of this verb") find the table of its Doc
        here instead of having it passed along. The Doc must not change after this call.
        """
        last = _LAST[-1] if _LAST else None  # read once: another thread may replace it
        if last is not None and last[0]() is doc and len(last[1]) == len(doc):
            return last[1]
        table = _TABLES.get(doc)
        if table is None or len(table) != len(doc):
            table = _TABLES[doc] = cls(doc)
        _LAST[:] = [(weakref.ref(doc), table)]
        return table

    def children(self, i: int) -> list[int]:
        """Return the indices of token ``i``'s syntactic children, in text order."""
        children = self._children
        if children is None:
            children = self._children = [[] for _ in self.head]
            for child, head in enumerate(self.head):
                if head != child:
                    children[head].append(child)
        return children[i]

    @staticmethod
    def positions(column: list[int], wanted: int) -> list[int]:
        """Return the token indices where a column holds a value (``list.index`` scans in
        C), for example ``TokenTable.positions(table.dep, get_string_id("ccomp"))``."""
        out: list[int] = []
        start = 0
        while True:
            try:
                start = column.index(wanted, start)
            except ValueError:
                return out
            out.append(start)
            start += 1

    def __len__(self) -> int:
        """Return the number of tokens."""
        return len(self.pos)


_TABLES: weakref.WeakKeyDictionary[Doc, TokenTable] = weakref.WeakKeyDictionary()
# the table asked for last, in front of the weak dictionary (one Doc is coded at a time)
_LAST: list[tuple[weakref.ref[Doc], TokenTable]] = []
