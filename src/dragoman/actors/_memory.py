"""Document memory: what the text has named so far, for later references to it.

Reads: the document's dictionary names (mentions of people, states, organizations and
capitals, added lazily on the first question) and the actors the resolver decides, in text
order. Writes: nothing but itself; answers two questions: which actor a person's name meant
earlier in the document (:attr:`DocumentMemory.names`, and
:meth:`DocumentMemory.family_name` for "Kim" after "Kim Jong Un"), and which actor of a
kind was named last before an offset (:meth:`DocumentMemory.antecedent`, for pronouns and
definite descriptions, ``_pronouns``). It resolves nothing itself: the actor of a
dictionary name is built by the resolver's callback, for the one antecedent chosen.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.parts_of_speech import PROPN as _PROPN_ID
from spacy.tokens import Doc, Token

from dragoman.actors._mentions import Mention
from dragoman.lexicon import words
from dragoman.pipeline import TokenTable
from dragoman.records import Actor

__all__ = ["DocumentMemory", "kind"]

# States whose people's names are written family name first ("Kim" after "Kim Jong Un").
_FAMILY_NAME_FIRST = words("family_name_first_states")

# Stands in the history for a person the dictionary does not know (see _unknown_people).
_UNKNOWN_PERSON = Actor(code="", name="", text="", start=0, end=0, entry="", rule="unknown")

# Last words of a proper name that make it an organization or a place, not a person.
_NOT_PERSON_ENDS = words("not_person_name_ends")

_SPEECH_LEMMAS = words("speech_lemmas")


class DocumentMemory:
    """Names and actors seen so far in one document."""

    def __init__(
        self,
        doc: Doc,
        named_mentions: list[Mention],
        date: str | None,
        mention_actor: Callable[[Mention], Actor],
        by_token: dict[int, Mention],
        table: TokenTable,
    ) -> None:
        """Start the memory of one document.

        Args:
            doc: The parsed document.
            named_mentions: Its dictionary mentions that are names or capitals.
            date: The date roles are read for (a person's code is their role's).
            mention_actor: Builds the actor of a dictionary mention (the resolver's).
            by_token: The dictionary mention covering each token index.
            table: The Doc's token attributes (its proper nouns are read without building a
                Token for every word).
        """
        self._doc = doc
        self._date = date
        self._mention_actor = mention_actor
        self._by_token = by_token
        self._table = table
        # person name (full or last word) -> actor resolved earlier in the document
        self.names: dict[str, Actor] = {}
        # what the text has named so far, for pronouns and definite descriptions:
        # (character offset, kind, code, the actor or the mention to build it from);
        # dictionary names are added lazily
        self._history: list[tuple[int, str, str, Actor | Mention]] = []
        self._named_mentions = named_mentions
        self._seeded = False

    def add(self, actor: Actor) -> None:
        """Remember an actor the resolver decided, as named at its last character (so that
        it is more recent than the names inside it: "King Hassan of Morocco" after the
        dictionary's "Hassan")."""
        self._history.append((actor.end - 1, kind(actor), actor.code, actor))

    def family_name(self, word: str, before: int) -> Actor | None:
        """The dictionary person named before token ``before`` whose family name, written
        first, is ``word``: "Kim" after "Kim Jong Un", for states whose names put the
        family name first."""
        latest: Mention | None = None
        for mention in self._named_mentions:
            entry = mention.phrase.entry
            if (
                mention.start < before
                and entry.kind == "person"
                and entry.country in _FAMILY_NAME_FIRST
                and entry.name.split(" ", 1)[0] == word
                and " " in entry.name
            ):
                latest = mention  # the nearest before wins
        return self._mention_actor(latest) if latest is not None else None

    def antecedent(
        self,
        before: int,
        kinds: tuple[str, ...],
        accept: Callable[[str], bool] | None = None,
        *,
        owners: bool = False,
    ) -> Actor | None:
        """Return the most recent actor of one of ``kinds`` named before a character offset.

        Args:
            before: Character offset of the referring expression.
            kinds: Acceptable kinds (person, state, org, group).
            accept: A further test on the candidate's actor code.
            owners: Only names that can own what a possessive pronoun names: not a name
                inside a prepositional phrase ("its envoy" after "the border with Serbia"
                is not Serbia's).
        """
        if not self._seeded:
            self._seed()
        best: tuple[int, Actor | Mention] | None = None
        for start, kind_, code, item in self._history:
            if (
                start < before
                and kind_ in kinds
                and (best is None or start > best[0])
                and (accept is None or accept(code))
                and not (owners and isinstance(item, Mention) and self._in_pp(item))
            ):
                best = (start, item)
        if best is None or best[1] is _UNKNOWN_PERSON:
            return None
        item = best[1]
        return item if isinstance(item, Actor) else self._mention_actor(item)

    def _in_pp(self, mention: Mention) -> bool:
        """Whether a dictionary name is (the head of) a prepositional object."""
        token = self._doc[mention.end - 1]
        return token.dep_ == "pobj" and token.head.lower_ != "by"

    def _seed(self) -> None:
        """Add every dictionary name of the document to the history (once, on demand).

        Only offsets and codes are read here; an actor is built for the one antecedent
        chosen.
        """
        self._seeded = True
        for mention in self._named_mentions:
            entry = mention.phrase.entry
            start = self._doc[mention.start].idx
            if entry.kind == "person":
                role = entry.role_on(self._date)
                code = role.code if role else entry.country
                if code is not None:
                    self._history.append((start, "person", code, mention))
            elif entry.kind == "org":
                self._history.append((start, "org", entry.code, mention))
            elif mention.phrase.form == "capital":
                self._history.append((start, "group", entry.code + "GOV", mention))
            else:
                self._history.append((start, "state", entry.code, mention))
        for head in _unknown_people(self._doc, self._table, self._by_token):
            # a person the dictionary does not know: "he" after "Ken Gause, an analyst,
            # said" is Gause, not the last known person before him (no actor, so no event)
            self._history.append((head.idx, "person", "", _UNKNOWN_PERSON))


def _unknown_people(doc: Doc, table: TokenTable, by_token: dict[int, Mention]) -> list[Token]:
    """Heads of names the dictionary does not know that are people's: a first name and a
    surname (capitalized proper nouns) as the subject of a verb of saying or with an
    apposition ("Ken Gause, director of ...", "said Mira Rapp-Hooper"), or a lone surname
    that says something ("Canos-Donnay said"); not ending in an organization's or place's
    word ("Institute", "Council")."""
    out: list[Token] = []
    for i in TokenTable.positions(table.pos, _PROPN_ID):
        if i in by_token:
            continue
        token = doc[i]
        if token.dep_ == "compound":
            continue
        if not token.text[:1].isupper() or token.text.isupper():
            continue  # "NATO", "UNICEF": acronyms are organizations
        parts = [c for c in token.lefts if c.dep_ == "compound"]
        speaks = token.dep_ == "nsubj" and token.head.lemma_.lower() in _SPEECH_LEMMAS
        if not parts:
            name = [token]  # a lone surname counts only when it speaks
            if not speaks:
                continue
        elif len(parts) == 1 and parts[0].i == token.i - 1 and parts[0].pos_ == "PROPN":
            name = [parts[0], token]  # "Ken Gause": one first name right before the surname
        else:
            continue
        if any(t.i in by_token or not t.text[:1].isupper() for t in name) or any(
            t.lemma_.lower() in _NOT_PERSON_ENDS for t in name
        ):
            continue
        described = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in token.children)
        if speaks or described:
            out.append(token)
    return out


def kind(actor: Actor) -> str:
    """Classify a coded actor for back-reference: person, state, org or group."""
    if actor.rule.startswith(("person", "earlier-mention")):
        return "person"
    code = actor.code
    if code.startswith(("IGO", "NGO")):
        return "org"
    if len(code) == 3 and code.isalpha():
        return "state"
    return "group"
