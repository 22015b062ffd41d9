"""The records of the quotes package."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["Cue", "Quote", "QuoteKind"]


class QuoteKind(enum.StrEnum):
    """Direct (between quotation marks) or indirect (reported: "X said that ...")."""

    DIRECT = "direct"
    INDIRECT = "indirect"


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that introduce a quotation: a speech verb, or "according to".

    Attributes:
        text: The words in the document ("said", "according to").
        lemma: Their lemma, lower case ("say", "according to").
        start: Character offset in the document.
        end: Character offset just past the words.
        index: Index of the cue's (first) token.
    """

    text: str
    lemma: str
    start: int
    end: int
    index: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form ``{text, lemma, start, end}``."""
        return {"text": self.text, "lemma": self.lemma, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: who said what, where in the document.

    Attributes:
        speaker_text: The words naming the speaker ("Finland's foreign minister", "she"),
            or None when the text names none.
        speaker_start: Character offset of ``speaker_text``, or None.
        speaker_end: Character offset just past it, or None.
        speaker_token_index: Index of the head token of the speaker phrase, for actor
            resolution (pronouns included: resolve "she" to its antecedent), or None.
        cue: The speech verb or "according to", or None.
        content: What was said (for direct quotes, the words between the marks; a comma
            that ends the quoted part before its cue is left out).
        content_start: Character offset of ``content``.
        content_end: Character offset just past it.
        kind: ``direct`` or ``indirect``.
        group: Quotes with the same group are parts of one quotation: a quote split by its
            cue ("...," he said, "..."), or a quotation running over paragraphs. The value
            is the ``content_start`` of the first part.
    """

    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_token_index: int | None
    cue: Cue | None
    content: str
    content_start: int
    content_end: int
    kind: QuoteKind
    group: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the quote (offsets index the document text)."""
        speaker = (
            None
            if self.speaker_text is None
            else {"text": self.speaker_text, "start": self.speaker_start, "end": self.speaker_end}
        )
        return {
            "speaker": speaker,
            "cue": self.cue.to_dict() if self.cue else None,
            "content": {"text": self.content, "start": self.content_start, "end": self.content_end},
            "kind": str(self.kind),
            "group": self.group,
        }
