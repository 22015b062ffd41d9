"""A spaCy component that starts a new sentence after a blank line.

News text puts headlines, datelines and paragraphs on lines of their own, often without
final punctuation; the statistical parser would glue a headline to the first sentence. A
blank line is a boundary no sentence crosses. (A single line break is not: hard-wrapped text
breaks lines inside sentences.)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPHS", "ParagraphBreaks", "add_paragraph_breaks"]

#: Factory and component name.
PARAGRAPHS = "dragoman_paragraphs"


class ParagraphBreaks:
    """Marks the first token after a blank line as a sentence start."""

    def __init__(self, nlp: Language, name: str) -> None:
        """Create the component (spaCy calls this through the factory)."""
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Set ``is_sent_start`` after whitespace tokens that hold a blank line."""
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc


@Language.factory(PARAGRAPHS)
def _make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)


def add_paragraph_breaks(nlp: Language) -> None:
    """Add the component before the parser, unless it is already there."""
    if PARAGRAPHS in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    else:
        nlp.add_pipe(PARAGRAPHS, first=True)
