"""The text of a parsed Doc, without joining its tokens again."""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.errors import InputError

__all__ = ["document_text"]


def document_text(doc: Doc, text: str | None) -> str:
    """Return ``doc.text``, or the caller's copy of it after a cheap check of its length.

    ``Doc.text`` joins every token on each call, which costs more than most searches over
    it; callers that still have the text the Doc was parsed from pass it.

    Args:
        doc: The parsed document.
        text: The text it was parsed from, or None.

    Returns:
        The document text.

    Raises:
        InputError: ``text`` is not the text the Doc was made from (its length differs).
    """
    if text is None:
        return str(doc.text)
    last = doc[-1] if len(doc) else None
    expected = last.idx + len(last.text_with_ws) if last is not None else 0
    if len(text) != expected:
        raise InputError(
            f"text= has {len(text)} characters but the Doc was made from {expected}; "
            "pass the text the Doc was parsed from"
        )
    return text
