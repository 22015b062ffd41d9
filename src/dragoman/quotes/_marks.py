"""Pairing quotation marks in raw text: “ ” „ “ « » " " and top-level ‘ ’.

Working on characters, not tokens, keeps this independent of how the tokenizer splits
marks. News conventions handled: a quotation that runs over paragraphs leaves its closing
mark off at each paragraph end and reopens at the next paragraph, and a quotation inside a
quotation uses the other kind of mark (those inner marks are not quotations of their own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Marked", "pair_quote_marks"]

_MARKS = re.compile('[“”„«»"‘’]')
_SINGLE_MAX = 400  # a ‘...’ pair longer than this is apostrophes, not a quotation


@dataclass(frozen=True, slots=True)
class Marked:
    """A stretch of text between quotation marks.

    Attributes:
        open: Character offset of the opening mark.
        close: Character offset of the closing mark (or of the paragraph end for a part
            that runs on into the next paragraph).
        continues: True when the quotation goes on in the next marked stretch (no closing
            mark at a paragraph end, the next paragraph reopens).
    """

    open: int
    close: int
    continues: bool = False

    @property
    def content_start(self) -> int:
        """Offset just past the opening mark."""
        return self.open + 1


_CLOSERS = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’"}


def _paragraph_break(text: str, start: int, end: int) -> int:
    """Offset of the first line break in ``text[start:end]``, or -1."""
    return text.find("\n", start, end)


def pair_quote_marks(text: str) -> list[Marked]:
    """Find the quoted stretches of a text.

    Args:
        text: The document text.

    Returns:
        Marked stretches in text order (inner quotations are not listed).
    """
    out: list[Marked] = []
    opener: str | None = None
    open_at = -1
    for mark in _MARKS.finditer(text):
        i = mark.start()
        char = mark.group()
        if opener is None:
            if _can_open(text, i, char):
                opener, open_at = char, i
            continue
        closers = _CLOSERS[opener]
        brk = _paragraph_break(text, open_at, i)
        if brk >= 0:
            # the open quotation reached a paragraph end without closing
            if opener != "‘" and char == opener and _starts_paragraph(text, i):
                out.append(Marked(open_at, _trim_end(text, brk), continues=True))
                open_at = i
            elif _can_open(text, i, char):
                opener, open_at = char, i
            else:
                opener = None
            continue
        if char in closers and (opener != "‘" or _can_close_single(text, i)):
            if opener != "‘" or i - open_at <= _SINGLE_MAX:
                out.append(Marked(open_at, i))
            opener = None
        elif opener == char == "“":
            open_at = i  # a closing mark went missing: start again here
    if opener is not None and out and out[-1].continues and out[-1].close < open_at:
        # the last part of a run-on quotation lost its closing mark at the end of the text
        out.append(Marked(open_at, _trim_end(text, len(text))))
    return out


def _can_open(text: str, i: int, char: str) -> bool:
    if char in "”»’":
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if char in '"‘':
        before = text[i - 1] if i > 0 else " "
        return before.isspace() or before in "([{—–-:;,/"
    return True


def _can_close_single(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    if after.isalnum():
        return False  # an apostrophe: "don’t", "Kazakhstan’s"
    return not (before == "s" and after == " ")  # a plural possessive: "the Kurds’ demands"


def _starts_paragraph(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
