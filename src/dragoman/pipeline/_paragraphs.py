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

__all__ = [
    "MAX_HEADING_WORDS",
    "PARAGRAPHS",
    "ParagraphBreaks",
    "add_paragraph_breaks",
    "glued_headings",
]

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
        for start in glued_headings(doc):
            doc[start].is_sent_start = True
        return doc


# Sentence ends, and the closing quotes that may follow them.
_ENDS = frozenset({".", "?", "!"})
_CLOSERS = frozenset({'"', "\u201d", "\u2019", "'", ")"})
# Capitalized words that open a sentence and do not stand inside one (unless a name
# follows, as in "The Hague"): after a short heading glued to the sentence, they start it.
_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "Despite",
        "However",
        "After",
        "Before",
        "When",
        "While",
        "Since",
        "As",
        "For",
        "This",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "Many",
        "Some",
        "Meanwhile",
        "Although",
        "Though",
        "If",
        "According",
        "Under",
        "During",
        "Earlier",
        "Later",
        "Amid",
        "Following",
        "Among",
        "Both",
        "Their",
        "His",
        "Her",
        "Its",
        "Such",
    ]
)
#: The longest heading (in words) told apart from the sentence glued after it.
MAX_HEADING_WORDS = 6


def glued_headings(doc: Doc) -> list[int]:
    """Token indices where a sentence starts after a heading glued to it in flattened text.

    Text copied from a web page loses the line breaks around subheadings: "... reserves.
    US support crucial Aurangzeb, speaking Sunday, ..." or "... qualifications. Chinese
    demand The changes in ...". After a sentence end, a run of two to six plain words
    followed by a capitalized sentence opener ("The", "Despite", "However") that is not part
    of a name (the next word is not capitalized: not "The Hague") is such a heading; the
    opener starts the sentence.
    """
    starts: list[int] = []
    n = len(doc)
    for token in doc:
        if token.text not in _ENDS:
            continue
        first = token.i + 1
        while first < n and doc[first].text in _CLOSERS:
            first += 1
        for k in range(first + 1, min(first + MAX_HEADING_WORDS + 1, n - 1)):
            word = doc[k - 1]
            if not word.is_alpha and not (word.is_space and word.text == " "):
                break  # punctuation or a number: a sentence, not a heading
            if doc[k].text in _OPENERS and not doc[k + 1].text[:1].isupper() and k - first >= 2:
                starts.append(k)
                break
    return starts


@Language.factory(PARAGRAPHS)
def _make_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)


def add_paragraph_breaks(nlp: Language) -> None:
    """Add the component first (the normal forms it sets are read by the embedding layer),
    unless it is already there."""
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, first=True)
