"""Finding the names of dictionary actors (states, capitals, organizations) in a parsed text."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from dragoman.actors._dictionary import ActorDictionary, Phrase

__all__ = ["Mention", "MentionFinder"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A dictionary phrase found in a document: tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    phrase: Phrase


class MentionFinder:
    """Finds dictionary names in Docs with one spaCy PhraseMatcher over exact token text.

    Matching is case-sensitive on purpose: "Chad" the state and "chad" the paper fragment,
    "US" and "us", "Turkey" and "turkey" differ only in case.
    """

    def __init__(self, nlp: Language, dictionary: ActorDictionary) -> None:
        """Build the matcher.

        Args:
            nlp: The pipeline whose tokenizer splits the phrases as it splits texts.
            dictionary: The actor dictionary to match.
        """
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._phrases: dict[int, Phrase] = {}
        strings = nlp.vocab.strings
        for text, phrase in dictionary.phrases.items():
            key = strings.add(text)
            self._phrases[key] = phrase
            self._matcher.add(text, [nlp.make_doc(text)])

    def find(self, doc: Doc) -> list[Mention]:
        """Return the non-overlapping dictionary mentions of a Doc, longest first wins.

        Args:
            doc: A parsed document.

        Returns:
            Mentions sorted by position.
        """
        matches = self._matcher(doc)
        if not matches:
            return []
        spans = [doc[start:end] for _key, start, end in matches]
        keys = {(start, end): key for key, start, end in matches}
        return [
            Mention(span.start, span.end, self._phrases[keys[(span.start, span.end)]])
            for span in filter_spans(spans)
        ]
