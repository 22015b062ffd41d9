"""Finding the names of dictionary actors (states, capitals, organizations) in a parsed text."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.parts_of_speech import NOUN as _NOUN_ID
from spacy.parts_of_speech import PROPN as _PROPN_ID
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dragoman.actors._dictionary import ActorDictionary, Phrase
from dragoman.lexicon import words
from dragoman.pipeline import TokenTable

__all__ = ["Mention", "MentionFinder"]

_COMPOUND_ID = get_string_id("compound")
# Where a capitalized word the tagger read as a common noun is still taken for a person's
# name: as an argument of a predicate ("Trump met with Kim", "hosted Erdogan"), never as a
# modifier ("Power outages"), so a name that is also a word is only read where a name stands.
_ARGUMENT_DEP_IDS = frozenset(
    get_string_id(d) for d in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative")
)


# Words that, before a state's adjective or demonym spelled like a continent's ("American"),
# make it the continent's or a region's: "Latin American", "South Americans".
_CONTINENT_PARTS = words("continent_parts")
_CONTINENT_WORDS = words("continent_words")


@dataclass(frozen=True, slots=True)
class Mention:
    """A dictionary phrase found in a document: tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    phrase: Phrase


class MentionFinder:
    """Finds dictionary names in Docs by their exact token texts.

    Matching is case-sensitive on purpose: "Chad" the state and "chad" the paper fragment,
    "US" and "us", "Turkey" and "turkey" differ only in case.
    """

    def __init__(self, nlp: Language, dictionary: ActorDictionary) -> None:
        """Build the matcher (it keeps no reference to ``nlp``: it can be pickled).

        Args:
            nlp: The pipeline whose tokenizer splits the phrases as it splits texts.
            dictionary: The actor dictionary to match.
        """
        self._role_words = {key[-1] for key in dictionary.agents}
        # People (tens of thousands of names) are looked up by the text of proper-noun runs
        # at match time; tokenizing them all would cost seconds per Coder.
        self._people: dict[str, Phrase] = {}
        # The other phrases by their tokens' ORTH ids (hashes of the texts, the same in
        # every vocabulary), and the lengths tried from each first token, longest first.
        self._phrases: dict[tuple[int, ...], Phrase] = {}
        lengths: dict[int, set[int]] = {}
        for text, phrase in dictionary.phrases.items():
            if phrase.entry.kind == "person":
                self._people[text] = phrase
                continue
            key = tuple(t.orth for t in nlp.make_doc(text))
            if not key:
                continue
            self._phrases[key] = phrase
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {first: sorted(n, reverse=True) for first, n in lengths.items()}
        # tokens that may stand inside a name: "Kassym-Jomart", "George W. Bush"
        self._joiners = frozenset(get_string_id(t) for t in ("-", ".", "'"))

    def _match(self, doc: Doc) -> list[tuple[int, int, Phrase]]:
        """Every phrase the Doc's token texts spell, overlapping ones included."""
        orth: list[int] = doc.to_array(ORTH).tolist() if len(doc) else []
        lengths, phrases = self._lengths, self._phrases
        found = []
        count = len(orth)
        for i, first in enumerate(orth):
            sizes = lengths.get(first)
            if sizes is None:
                continue
            for size in sizes:
                if i + size > count:
                    continue  # a slice past the end is shorter: another, shorter phrase
                phrase = phrases.get(tuple(orth[i : i + size]))
                if phrase is not None:
                    found.append((i, i + size, phrase))
        return found

    def find(
        self, doc: Doc, text: str | None = None, table: TokenTable | None = None
    ) -> list[Mention]:
        """Return the non-overlapping dictionary mentions of a Doc, longest first wins.

        Args:
            doc: A parsed document.
            text: The document text, if at hand (``Doc.text`` joins every token).
            table: The Doc's token attributes, when the caller has read them.

        Returns:
            Mentions sorted by position.
        """
        if table is None:
            table = TokenTable.of(doc)
        source = text if text is not None else doc.text
        matched = {(start, end): phrase for start, end, phrase in self._match(doc)}
        people = self._people_ranges(table, source)
        if not matched and not people:
            return []
        mentions = []
        idx, length = table.idx, table.length
        for start, end in _filter_ranges([*matched, *people]):
            phrase = matched.get((start, end))
            if phrase is None:
                phrase = self._people.get(source[idx[start] : idx[end - 1] + length[end - 1]])
            if phrase is None:  # pragma: no cover - every range comes from a pattern
                continue
            if phrase.form in ("name", "capital") and self._inside_longer_name(
                doc, table, start, end
            ):
                continue
            if (
                start > 0
                and doc[start - 1].text in _CONTINENT_PARTS
                and doc[start].text in (_CONTINENT_WORDS)
            ):
                continue  # "Latin American countries", "North Americans": no state's
            mentions.append(Mention(start, end, phrase))
        return _in_context(mentions)

    def _people_ranges(self, table: TokenTable, text: str) -> list[tuple[int, int]]:
        """Token ranges of proper-noun runs (and their parts) that name a person in the
        dictionary.

        "President Kassym-Jomart Tokayev" is one run: its endings are tried first, longest
        first ("Kassym-Jomart Tokayev" before "Tokayev"), then, if none is a name, every
        part. Read from the token table, so no Token or Span is built for a miss.
        """
        if not self._people:
            return []
        pos, lower, idx, length = table.pos, table.lower, table.idx, table.length
        found: list[tuple[int, int]] = []
        n = len(pos)
        end = 0
        for i in TokenTable.positions(pos, _PROPN_ID):
            if i < end:
                continue  # inside the run already read
            end = i + 1
            if end < n and pos[end] != _PROPN_ID and lower[end] not in self._joiners:
                # a one-word run, the most common: one lookup
                if text[idx[i] : idx[i] + length[i]] in self._people:
                    found.append((i, end))
                continue
            while end < n and (
                pos[end] == _PROPN_ID
                or (lower[end] in self._joiners and end + 1 < n and pos[end + 1] == _PROPN_ID)
            ):
                end += 1
            found.extend(self._names_in_run(table, i, end, text))
        found.extend(self._names_read_as_nouns(table, text))
        return found

    def _names_read_as_nouns(self, table: TokenTable, text: str) -> list[tuple[int, int]]:
        """One-word dictionary names of people that the tagger read as common nouns.

        en_core_web_sm tags some surnames as nouns ("Trump met with Kim": ``NOUN nsubj``). A
        capitalized noun standing as an argument of a predicate whose word is a dictionary
        person's name is that person; lower-case words and modifiers never are.
        """
        found: list[tuple[int, int]] = []
        idx, length, dep = table.idx, table.length, table.dep
        for i in TokenTable.positions(table.pos, _NOUN_ID):
            if dep[i] not in _ARGUMENT_DEP_IDS:
                continue
            word = text[idx[i] : idx[i] + length[i]]
            if word[:1].isupper() and not word.isupper() and word in self._people:
                found.append((i, i + 1))
        return found

    def _names_in_run(
        self, table: TokenTable, start: int, end: int, text: str
    ) -> list[tuple[int, int]]:
        people = self._people
        idx, length = table.idx, table.length

        def name(first: int, last: int) -> str:
            return text[idx[first] : idx[last - 1] + length[last - 1]]

        for first in range(max(start, end - 6), end):  # endings, longest first
            if name(first, end) in people:
                return [(first, end)]
        out: list[tuple[int, int]] = []
        for size in range(min(end - start - 1, 6), 0, -1):
            for first in range(start, end - size):
                if name(first, first + size) in people and not any(
                    first < e and s < first + size for s, e in out
                ):
                    out.append((first, first + size))
        return out

    def _inside_longer_name(self, doc: Doc, table: TokenTable, start: int, end: int) -> bool:
        """Return whether a matched name is only part of a longer proper name.

        "New Mexico", "Latin America", "the Washington Post", "National Security Council":
        a capitalized proper noun glued to the match by a compound relation makes a different
        name. Titles ("President", "Foreign Minister") do not count.
        """
        pos, head = table.pos, table.head
        before = start - 1
        if (
            before >= 0
            and pos[before] == _PROPN_ID
            and start <= head[before] < end
            and _is_name_word(doc[before], self._role_words)
        ):
            return True
        return (
            end < len(pos)
            and table.dep[end - 1] == _COMPOUND_ID
            and head[end - 1] == end
            and pos[end] == _PROPN_ID
            and _is_name_word(doc[end], self._role_words)
        )


def _in_context(mentions: list[Mention]) -> list[Mention]:
    """Drop the mentions of names valid only in a story about certain states ("RSF" in a
    story that names Sudan) when no other mention of the document names one of them."""
    if not any(m.phrase.entry.context for m in mentions):
        return mentions
    named = {
        m.phrase.entry.code[:3]
        for m in mentions
        if not m.phrase.entry.context and m.phrase.entry.kind != "person"
    }
    named |= {
        m.phrase.entry.country
        for m in mentions
        if m.phrase.entry.kind == "person" and m.phrase.entry.country
    }
    return [
        m for m in mentions if not m.phrase.entry.context or named & set(m.phrase.entry.context)
    ]


def _filter_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop duplicate and overlapping token ranges, the (first) longest winning, as
    ``spacy.util.filter_spans`` does for spans; the result is in text order."""
    ordered = sorted(ranges, key=lambda r: (r[1] - r[0], -r[0]), reverse=True)
    kept: list[tuple[int, int]] = []
    seen: set[int] = set()
    for start, end in ordered:
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
            seen.update(range(start, end))
    return sorted(kept)


def _is_name_word(token: Token, role_words: set[str]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.lower_ not in role_words
        and token.lemma_.lower() not in role_words
    )
