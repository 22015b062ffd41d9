"""What a mention says about what it names, for a pronoun to agree with it.

Reads: the tokens of a phrase the resolver coded as a person, or of a dictionary name.
Writes: a :class:`Referent`: whether the phrase really names one person (not "the
Spanish National Research Council", "Kismayo, her hometown" or "five Uyghurs", which the
name rules also read), whether it is plural, and the gender the text gives it ("Mrs.",
"spokeswoman", a first name), for ``_memory``: "she" does not refer back to a man, "he"
not to a woman, and "they" only to a plural. Rules of English, not a model: an unknown
gender is "", and a pronoun of either gender may then refer to the phrase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from dragoman.lexicon import words

__all__ = ["Referent", "bearer", "gender_of_pronoun", "referent"]

# Last words of a proper name that make it an organization, a place or an event.
_NOT_PERSON_ENDS = words("not_person_name_ends")

# Nouns in apposition to a name that make it a place or an organization ("Kismayo, her
# hometown", "Guinea-Lanta, an NGO").
_NOT_PERSON_APPOSITIONS = words("not_person_appositions")

_FEMALE_TITLES = words("female_titles")
_MALE_TITLES = words("male_titles")
_FEMALE_NOUNS = words("female_person_nouns")
_MALE_NOUNS = words("male_person_nouns")
_FEMALE_NAMES = words("female_first_names")
_MALE_NAMES = words("male_first_names")

_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@dataclass(frozen=True, slots=True)
class Referent:
    """What a phrase says about what it names.

    Attributes:
        person: It names one person (a name, not an organization's, a place's or a
            group's).
        plural: It names several ("five Uyghurs", "Iran and Iraq").
        gender: ``f``, ``m``, or ``""`` when the text does not say.
        key: The word a later mention of the same person repeats (the surname), for
            genders learnt from pronouns; ``""`` when none.
    """

    person: bool
    plural: bool
    gender: str
    key: str


def gender_of_pronoun(word: str) -> str:
    """``f`` for "she", "her"; ``m`` for "he", "his"; ``""`` otherwise."""
    word = word.lower()
    if word in _FEMALE_PRONOUNS:
        return "f"
    if word in _MALE_PRONOUNS:
        return "m"
    return ""


def referent(tokens: Sequence[Token], *, known_person: bool = False) -> Referent:
    """Read what a phrase the resolver coded as a person names.

    Args:
        tokens: The phrase's tokens, in order (a title before a dictionary name included).
        known_person: The phrase is a dictionary person's name: it names a person whatever
            its words say.

    Returns:
        The phrase's :class:`Referent`.
    """
    name = _name_part(tokens)
    if not name:
        return Referent(person=known_person, plural=False, gender="", key="")
    last = name[-1]
    plural = last.tag_ in _PLURAL_TAGS
    person = known_person or (not plural and _looks_like_a_name(tokens, name))
    gender = _gender(tokens, name) if person else ""
    return Referent(person=person, plural=plural, gender=gender, key=last.text if person else "")


def bearer(span: Sequence[Token]) -> Referent | None:
    """The person whose description a phrase is part of: "Kevin Hassett" for "the White
    House National Economic Council" in "Kevin Hassett, director of the White House National
    Economic Council", or in "Ana Ruiz from the Research Council"; None when the phrase is
    no person's apposition or prepositional phrase.

    The name rules may code such a phrase for the person; the person, not the council, is
    what a later "he" or "she" refers to.
    """
    if not span:
        return None
    token = span[-1]
    while token.head.i != token.i and span[0].i <= token.head.i <= span[-1].i:
        token = token.head  # the phrase's own head
    for _step in range(4):
        if token.dep_ not in ("pobj", "prep", "appos") or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "PROPN" and token.dep_ != "compound":
            name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
            about = referent([*name, token])
            return about if about.person else None
    return None


def _name_part(tokens: Sequence[Token]) -> list[Token]:
    """The phrase up to an apposition or an "of" phrase, without punctuation at its end:
    "Kannavee Suebsang" of "Kannavee Suebsang, an opposition lawmaker"."""
    out: list[Token] = []
    for token in tokens:
        if not out and (token.is_punct or token.dep_ == "cc"):
            continue  # what stood before the name ("..., Ursula von der Leyen")
        if token.text in (",", "(", "—", "–") or (token.lower_ == "of" and out):
            break
        out.append(token)
    while out and out[-1].is_punct:
        out.pop()
    return out


def _looks_like_a_name(tokens: Sequence[Token], name: list[Token]) -> bool:
    """A person's name ends in a capitalized word that is not an acronym nor an
    organization's or a place's word, and no apposition calls it a place or a body."""
    last = name[-1]
    if last.pos_ != "PROPN" or not last.text[:1].isupper() or last.text.isupper():
        return False
    if not last.text.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return False
    if last.lemma_.lower() in _NOT_PERSON_ENDS or last.lower_ in _NOT_PERSON_ENDS:
        return False
    rest = tokens[len(name) :]
    return not any(
        t.dep_ == "appos"
        and (t.lemma_.lower() in _NOT_PERSON_APPOSITIONS or t.lemma_.lower() in _NOT_PERSON_ENDS)
        for t in rest
    )


def _gender(tokens: Sequence[Token], name: list[Token]) -> str:
    """The gender the phrase gives its person: a title ("Mrs.", "Sir"), a gendered noun in
    the phrase ("spokeswoman", "an 80-year-old woman") or a first name; ``""`` when these
    say nothing or disagree."""
    found: set[str] = set()
    for token in tokens:
        word = token.lower_.rstrip(".")
        lemma = token.lemma_.lower()
        if word in _FEMALE_TITLES or lemma in _FEMALE_NOUNS:
            found.add("f")
        elif word in _MALE_TITLES or lemma in _MALE_NOUNS:
            found.add("m")
    for token in name[:-1]:  # a first name only where a surname follows it
        if token.pos_ == "PROPN" and token.text[:1].isupper():
            if token.lower_ in _FEMALE_NAMES:
                found.add("f")
            elif token.lower_ in _MALE_NAMES:
                found.add("m")
    return found.pop() if len(found) == 1 else ""
