"""Finding the names of dictionary actors (states, capitals, organizations) in a parsed text."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
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
        self._role_words = {key[-1] for key in dictionary.agents}
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
        mentions = []
        for span in filter_spans(spans):
            phrase = self._phrases[keys[(span.start, span.end)]]
            if phrase.form in ("name", "capital") and self._inside_longer_name(doc, span):
                continue
            mentions.append(Mention(span.start, span.end, phrase))
        return mentions

    def _inside_longer_name(self, doc: Doc, span: Span) -> bool:
        """Return whether a matched name is only part of a longer proper name.

        "New Mexico", "Latin America", "the Washington Post", "National Security Council":
        a capitalized proper noun glued to the match by a compound relation makes a different
        name. Titles ("President", "Foreign Minister") do not count.
        """
        inside = range(span.start, span.end)
        if span.start > 0:
            before = doc[span.start - 1]
            if _is_name_word(before, self._role_words) and before.head.i in inside:
                return True
        last = doc[span.end - 1]
        if span.end < len(doc) and last.dep_ == "compound" and last.head.i == span.end:
            after = doc[span.end]
            if _is_name_word(after, self._role_words):
                return True
        return False


def _is_name_word(token: Token, role_words: set[str]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.lower_ not in role_words
        and token.lemma_.lower() not in role_words
    )
