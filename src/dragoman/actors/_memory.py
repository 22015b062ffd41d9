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
from typing import NamedTuple

from spacy.parts_of_speech import PROPN as _PROPN_ID
from spacy.tokens import Doc, Token

from dragoman.actors._mentions import Mention
from dragoman.actors._referents import Referent, bearer, referent
from dragoman.actors._rules import UNKNOWN_COUNTRY
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

# What a phrase says when it is not read (states, organizations, groups).
_ONE_THING = Referent(person=False, plural=False, gender="", key="")


class _Named(NamedTuple):
    """One thing the text named: where, of which kind, its code, the actor (or the
    dictionary mention to build it from) and what the phrase says of it (number, gender)."""

    start: int
    kind: str
    code: str
    item: Actor | Mention
    referent: Referent


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
        # what the text has named so far, for pronouns and definite descriptions;
        # dictionary names are added lazily
        self._history: list[_Named] = []
        # genders learnt from pronouns: "he said" after "Brekelmans" makes him a man for a
        # later "she" (keyed by the surname, which later mentions repeat)
        self._genders: dict[str, str] = {}
        self._named_mentions = named_mentions
        self._seeded = False
        # surname -> heads of the full names ending in it ("Joseph" of "Arnel Joseph"),
        # built on first use
        self._full_names: dict[str, list[int]] | None = None

    def add(self, actor: Actor) -> None:
        """Remember an actor the resolver decided, as named at its last character (so that
        it is more recent than the names inside it: "King Hassan of Morocco" after the
        dictionary's "Hassan").

        A phrase the name rules coded as a person that does not name one person ("five
        Uyghurs", "the Spanish National Research Council") is remembered by its code's
        kind, as plural when it is; unless it describes a person ("Ana Ruiz, director of
        the Research Council"): then it stands for that person.
        """
        kind_ = kind(actor)
        about = _ONE_THING
        if kind_ == "person" or actor.rule.startswith(("agent", "adjective")):
            span = self._doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if span is not None:
                about = referent(list(span), known_person=actor.rule.startswith("person-role"))
                if kind_ == "person" and not about.person:
                    about = bearer(list(span)) or about
            if kind_ == "person" and not about.person:
                kind_ = "group" if about.plural else _code_kind(actor.code)
        self._remember(_Named(actor.end - 1, kind_, actor.code, actor, about))

    def _remember(self, named: _Named) -> None:
        """Add to the history; a gender the text gives a person holds for their surname's
        later mentions ("Brekelmans" after "Ruben Brekelmans")."""
        self._history.append(named)
        about = named.referent
        if about.gender and about.key:
            self._genders.setdefault(about.key, about.gender)

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
        gender: str = "",
        number: str = "",
        skip: Callable[[int], bool] | None = None,
    ) -> Actor | None:
        """Return the most recent actor of one of ``kinds`` named before a character offset.

        Args:
            before: Character offset of the referring expression.
            kinds: Acceptable kinds (person, state, org, group).
            accept: A further test on the candidate's actor code.
            owners: Only names that can own what a possessive pronoun names: not a name
                inside a prepositional phrase ("its envoy" after "the border with Serbia"
                is not Serbia's).
            gender: ``f`` or ``m`` for "she" or "he": a person the text gives the other
                gender is passed over, and one it gives none learns this one.
            number: ``singular`` ("he", "it") or ``plural`` ("they"): a phrase of the
                other number is passed over; ``""``: any.
            skip: Passes over names at the character offsets it is true of.
        """
        if not self._seeded:
            self._seed()
        best: _Named | None = None
        for named in self._history:
            if (
                named.start < before
                and named.kind in kinds
                and (best is None or named.start > best.start)
                and (accept is None or accept(named.code))
                and not (owners and isinstance(named.item, Mention) and self._in_pp(named.item))
                and not (gender and self._other(named, gender))
                and not (number and named.referent.plural != (number == "plural"))
                and not (skip is not None and skip(named.start))
            ):
                best = named
        if best is None or best.item is _UNKNOWN_PERSON:
            return None
        if gender and best.referent.key:
            self._genders.setdefault(best.referent.key, gender)
        item = best.item
        return item if isinstance(item, Actor) else self._mention_actor(item)

    def introductions(self, surname: Token) -> list[Token]:
        """The heads of the full names before a lone surname that end in it, latest first:
        "Arnel Joseph" (with its apposition "the leader of a gang") for a later "Joseph".
        Only names the dictionary does not know, of a first name and the surname."""
        if self._full_names is None:
            self._full_names = {}
            doc = self._doc
            for i in TokenTable.positions(self._table.pos, _PROPN_ID):
                token = doc[i]
                if i in self._by_token or token.dep_ == "compound":
                    continue
                if any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == i - 1 for c in token.lefts
                ):
                    self._full_names.setdefault(token.text, []).append(i)
        heads = self._full_names.get(surname.text, ())
        return [self._doc[i] for i in reversed(heads) if i < surname.i]

    def same_noun(self, before: int, noun: str) -> Actor | None:
        """The most recent actor of known country, named before a character offset by a
        phrase whose words include ``noun`` (lowercase): "the spokesperson" repeats "a U.S.
        State Department spokesperson". Only actors the resolver decided are read (not the
        dictionary's bare names, which hold no role noun)."""
        best: Actor | None = None
        best_start = -1
        for named in self._history:
            item = named.item
            if (
                best_start < named.start < before
                and isinstance(item, Actor)
                and item.code
                and not item.code.startswith(UNKNOWN_COUNTRY)
                and not item.rule.startswith(("pronoun", "quote-speaker"))
                and noun in _words(item.text)
            ):
                best, best_start = item, named.start
        return best

    def other_gender(self, actor: Actor, gender: str) -> bool:
        """Whether the text gives a remembered actor the other gender than ``gender``
        (False when it is not remembered or its gender is unknown)."""
        return any(named.item == actor and self._other(named, gender) for named in self._history)

    def _other(self, named: _Named, gender: str) -> bool:
        """Whether the text gives a remembered person the other gender than ``gender``."""
        known = named.referent.gender or self._genders.get(named.referent.key, "")
        return bool(known) and known != gender

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
        history = self._history
        # dictionary people by surname, in text order: "Russell" after "Catherine Russell"
        people: dict[str, list[_Named]] = {}
        for mention in self._named_mentions:
            entry = mention.phrase.entry
            start = self._doc[mention.start].idx
            if entry.kind == "person":
                role = entry.role_on(self._date)
                code = role.code if role else entry.country
                if code is not None:
                    # a title just before the name says the gender too ("Mrs. X")
                    first = max(mention.start - 1, 0)
                    about = referent(list(self._doc[first : mention.end]), known_person=True)
                    named = _Named(start, "person", code, mention, about)
                    self._remember(named)
                    if " " in entry.name:
                        people.setdefault(entry.name.rsplit(" ", 1)[1], []).append(named)
            elif entry.kind == "org":
                history.append(_Named(start, "org", entry.code, mention, _ONE_THING))
            elif mention.phrase.form == "capital":
                history.append(_Named(start, "group", entry.code + "GOV", mention, _ONE_THING))
            else:
                history.append(_Named(start, "state", entry.code, mention, _ONE_THING))
        for head in _unknown_people(self._doc, self._table, self._by_token):
            # a person the dictionary does not know: "he" after "Ken Gause, an analyst,
            # said" is Gause, not the last known person before him (no actor, so no event)
            name = [c for c in head.lefts if c.dep_ in ("compound", "amod")] + [head]
            earlier = [n for n in people.get(head.text, ()) if n.start < head.idx]
            if len(name) == 1 and earlier:
                # the surname of a dictionary person named before is that person again,
                # no stranger: "She" after "Russell said" is Catherine Russell
                self._remember(earlier[-1]._replace(start=head.idx))
                continue
            about = referent(name, known_person=True)
            self._remember(_Named(head.idx, "person", "", _UNKNOWN_PERSON, about))


def _unknown_people(doc: Doc, table: TokenTable, by_token: dict[int, Mention]) -> list[Token]:
    """Heads of names the dictionary does not know that are people's: one or two first
    names and a surname (capitalized proper nouns) as the subject of a verb of saying or with an
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
        elif len(parts) <= 2 and all(
            p.i == token.i - len(parts) + k and p.pos_ == "PROPN" for k, p in enumerate(parts)
        ):
            # "Ken Gause", "Antonio Queba Banjai": one or two names right before the surname
            name = [*parts, token]
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


def _words(text: str) -> list[str]:
    """The lowercase words of a phrase, without punctuation around them."""
    return [w.strip(".,;:'’\"()").lower() for w in text.split()]


def kind(actor: Actor) -> str:
    """Classify a coded actor for back-reference: person, state, org or group."""
    if actor.rule.startswith(("person", "earlier-mention")):
        return "person"
    return _code_kind(actor.code)


def _code_kind(code: str) -> str:
    """The kind an actor code stands for: org, state or group."""
    if code.startswith(("IGO", "NGO")):
        return "org"
    if len(code) == 3 and code.isalpha():
        return "state"
    return "group"
