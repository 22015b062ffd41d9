"""A spaCy component that reads the layout of a text: paragraphs and line breaks.

News text puts headlines, datelines and paragraphs on lines of their own, often without
final punctuation; the statistical parser would glue a headline to the first sentence. A
blank line is a boundary no sentence crosses. (A single line break is not: hard-wrapped text
breaks lines inside sentences.)

The small English models were trained on text with few line breaks: a whitespace token
holding one misleads the tagger and parser on the words around it ("The rebels fired
rockets" after a line break was parsed with "rockets" as its root). The component runs
first and gives such tokens the normal form of a space, which the models read as they read
the spaces between words; their text is unchanged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPHS", "ParagraphBreaks", "add_paragraph_breaks"]

#: Factory and component name.
PARAGRAPHS = "dragoman_paragraphs"


class ParagraphBreaks:
    """Marks the first token after a blank line as a sentence start, and gives whitespace
    tokens the normal form of a space."""

    def __init__(self, nlp: Language, name: str) -> None:
        """Create the component (spaCy calls this through the factory)."""
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Set ``is_sent_start`` after whitespace tokens that hold a blank line, and the
        ``norm_`` of whitespace tokens to a space."""
        last = len(doc) - 1
        for token in doc:
            if not token.is_space:
                continue
            if token.i < last and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
            token.norm_ = " "
        return doc


@Language.factory(PARAGRAPHS)
def _make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)


def add_paragraph_breaks(nlp: Language) -> None:
    """Add the component first (the normal forms it sets are read by the embedding layer),
    unless it is already there."""
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, first=True)
