"""Finding the names of dictionary actors (states, capitals, organizations) in a parsed text."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import PROPN as _PROPN_ID
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
        # People (tens of thousands of names) are looked up by the text of proper-noun runs
        # at match time; tokenizing them all into the matcher would cost seconds per Coder.
        self._people: dict[str, Phrase] = {}
        # One matcher key for the rest (thousands of keys make the matcher slow to build);
        # the matched token sequence finds the phrase again.
        self._phrases: dict[tuple[int, ...], Phrase] = {}
        texts = []
        for text, phrase in dictionary.phrases.items():
            if phrase.entry.kind == "person":
                self._people[text] = phrase
            else:
                texts.append(text)
        patterns = [nlp.make_doc(text) for text in texts]
        for text, pattern in zip(texts, patterns, strict=True):
            self._phrases[tuple(t.orth for t in pattern)] = dictionary.phrases[text]
        self._matcher.add("DRAGOMAN_ACTOR", patterns)
        # tokens that may stand inside a name: "Kassym-Jomart", "George W. Bush"
        self._joiners = {nlp.vocab.strings.add(t) for t in ("-", ".", "'")}

    def find(self, doc: Doc, text: str | None = None) -> list[Mention]:
        """Return the non-overlapping dictionary mentions of a Doc, longest first wins.

        Args:
            doc: A parsed document.
            text: The document text, if at hand (``Doc.text`` joins every token).

        Returns:
            Mentions sorted by position.
        """
        spans = [doc[start:end] for _key, start, end in self._matcher(doc)]
        spans.extend(self._people_spans(doc, text))
        if not spans:
            return []
        mentions = []
        for span in filter_spans(spans):
            phrase = self._phrases.get(tuple(t.orth for t in span))
            if phrase is None:
                phrase = self._people.get(span.text)
            if phrase is None:  # pragma: no cover - every span comes from a pattern
                continue
            if phrase.form in ("name", "capital") and self._inside_longer_name(doc, span):
                continue
            mentions.append(Mention(span.start, span.end, phrase))
        return mentions

    def _people_spans(self, doc: Doc, text: str | None) -> list[Span]:
        """Spans of proper-noun runs (and their parts) that name a person in the dictionary.

        "President Kassym-Jomart Tokayev" is one run: its endings are tried first, longest
        first ("Kassym-Jomart Tokayev" before "Tokayev"), then, if none is a name, every
        part. Offsets come from arrays, so no Token or Span is built for a miss.
        """
        if not self._people:
            return []
        table = doc.to_array([POS, IDX, LENGTH, ORTH]).tolist()
        found: list[Span] = []
        i, n = 0, len(table)
        while i < n:
            if table[i][0] != _PROPN_ID:
                i += 1
                continue
            j = i + 1
            while j < n and (
                table[j][0] == _PROPN_ID
                or (table[j][3] in self._joiners and j + 1 < n and table[j + 1][0] == _PROPN_ID)
            ):
                j += 1
            found.extend(self._names_in_run(doc, table, i, j, text))
            i = j
        return found

    def _names_in_run(
        self, doc: Doc, table: list[list[int]], start: int, end: int, text: str | None
    ) -> list[Span]:
        source = text if text is not None else doc[start:end].text
        base = table[start][1] if text is None else 0
        people = self._people

        def name(first: int, last: int) -> str:
            return source[table[first][1] - base : table[last - 1][1] + table[last - 1][2] - base]

        for first in range(max(start, end - 6), end):  # endings, longest first
            if name(first, end) in people:
                return [doc[first:end]]
        out: list[Span] = []
        for length in range(min(end - start - 1, 6), 0, -1):
            for first in range(start, end - length):
                if name(first, first + length) in people and not any(
                    first < s.end and s.start < first + length for s in out
                ):
                    out.append(doc[first : first + length])
        return out

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
