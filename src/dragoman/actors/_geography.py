"""Geography lookups for the actor resolver: which state a place, a person or a phrase's
location belongs to.

Reads: the parse, the dictionary mentions by token, the state codes, the story date and the
same-name city lookup the coding stage passes in (actors never import places). Writes:
nothing; each lookup returns a state code or None.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from dragoman.actors._mentions import Mention
from dragoman.lexicon import words

__all__ = ["PLACE_PREPS", "Geography"]


class Geography:
    """Geography lookups of one document: which state a place, a person or a phrase's
    location belongs to.

    Reads the parse, the dictionary mentions by token, the state codes, the story date and
    the same-name city lookup passed in by the coding stage; writes nothing.
    """

    def __init__(
        self,
        doc: Doc,
        by_token: dict[int, Mention],
        states: frozenset[str],
        date: str | None,
        city_country: Callable[[str, list[str]], str | None] | None,
    ) -> None:
        self.doc = doc
        self._by_token = by_token
        self._states = states
        self.date = date
        self._city_country = city_country

    def located(self, head: Token) -> tuple[str, str] | None:
        """The state of a noun's locative phrase and the rule: ``agent+place``, or
        ``agent+place:sentence-country`` when a capital's name is read as the same city
        name in the state the sentence names ("students in Kingston, the Canadian port")."""
        country = self.locative_country(head)
        if country is None:
            return None
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                for pobj in child.children:
                    mention = self._by_token.get(pobj.i)
                    if mention is not None and mention.phrase.entry.kind == "state":
                        city = self.city_state(mention)
                        if city != country:
                            return city, "agent+place:sentence-country"
        return country, "agent+place"

    def locative_country(self, head: Token) -> str | None:
        """Return the state named by a locative phrase of a noun ("workers in Serbia")."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                for pobj in child.children:
                    mention = self._by_token.get(pobj.i)
                    if mention is not None and mention.phrase.entry.kind == "state":
                        return mention.phrase.entry.code
            elif child.dep_ == "acl" and child.lemma_.lower() in _SEATED_LEMMAS:
                # "a newspaper based in Beirut", "a group headquartered in London"
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                        place = self.place_of(prep)
                        if place is not None:
                            return place.phrase.entry.code
        return None

    def city_state(self, mention: Mention) -> str:
        """The state of a capital's name, or of the same city name in another state that
        the sentence names instead: "students in Kingston, the Canadian port" are in
        Canada's Kingston, not Jamaica's capital."""
        code = mention.phrase.entry.code
        if mention.phrase.form != "capital":
            return code
        others = self.states_of_places_near(mention.start)
        if code in others or not others:
            return code
        if self._city_country is None:
            return code
        name = self.doc[mention.start : mention.end].text
        return self._city_country(name, sorted(others)) or code

    def states_of_places_near(self, index: int) -> set[str]:
        """The states the sentence of token ``index`` names as the country of a place,
        by a modifier of a place noun ("the Canadian port", "the Jamaican capital")
        or an "in", "of" phrase of the place or of a place noun ("Kingston in Canada", "the
        largest city of Lebanon"); not by the mention at ``index`` itself."""
        sentence = self.doc[index].sent
        own = self._by_token.get(index)
        out: set[str] = set()
        for i in range(sentence.start, sentence.end):
            mention = self._by_token.get(i)
            if mention is None or mention is own or mention.phrase.entry.kind != "state":
                continue
            token = self.doc[i]
            if token.dep_ in ("amod", "compound", "nmod"):
                holder = token.head
            elif token.dep_ == "pobj" and token.head.lower_ in ("in", "of"):
                holder = token.head.head
            else:
                continue
            if holder.lemma_.lower() in _PLACE_NOUNS or holder.i == index:
                out.add(mention.phrase.entry.code)
        return out

    def fled_country(self, head: Token) -> str | None:
        """Return the state that people flee, by a participle or relative clause of flight:
        "refugees fleeing Syria", "civilians who fled the fighting in Mali", "people
        escaping from Haiti"."""
        for verb in head.children:
            if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in _FLEE_LEMMAS:
                continue
            for child in verb.children:
                if child.dep_ == "dobj":
                    country = self.state_at(child) or self.locative_country(child)
                elif child.dep_ == "prep" and child.lower_ in ("from", "in"):
                    # "in": the parse often hangs "the war in X" on the verb
                    place = self.place_of(child)
                    country = place.phrase.entry.code if place is not None else None
                else:
                    continue
                if country is not None:
                    return country
        return None

    def state_at(self, token: Token) -> str | None:
        """The state a token names (by name or capital), or None."""
        mention = self._by_token.get(token.i)
        if mention is not None and mention.phrase.entry.kind == "state":
            return mention.phrase.entry.code
        return None

    def place_of(self, prep: Token) -> Mention | None:
        """Return the state named (by name or capital) as the object of a place preposition."""
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            mention = self._by_token.get(pobj.i)
            if mention is not None and mention.phrase.entry.kind == "state":
                return mention
        return None

    def person_country(self, mention: Mention) -> str | None:
        """Return the country code of a dictionary person on the resolution date."""
        entry = mention.phrase.entry
        role = entry.role_on(self.date)
        if role is not None and role.code[:3].isalpha() and role.code[:3] in self._states:
            return role.code[:3]
        return entry.country


_LOCATIVE_PREPS = words("locative_preps")


# Where a thing is: "its embassy in Syria", "the situation in Darfur".
PLACE_PREPS = words("place_preps")


# Nouns of a place, whose state modifier says where a city of an ambiguous name lies.
_PLACE_NOUNS = words("place_nouns")


_FLEE_LEMMAS = words("flee_lemmas")


# Participles that seat an organization in a place ("a newspaper based in Beirut").
_SEATED_LEMMAS = words("seated_lemmas")
