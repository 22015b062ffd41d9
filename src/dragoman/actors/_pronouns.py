"""Pronouns and definite descriptions: phrases that name an actor by referring back.

Reads: a pronoun or a definite noun phrase ("he", "its", "we" in a quotation, "the
organization", "the president"), the document memory (``_memory``) and the quotation
speakers, through the resolver. Writes: the antecedent's Actor, with the referring text and
offsets and a rule (``pronoun:``, ``quote-speaker:``, ``description:``) naming the
antecedent. Rules over the text, not a coreference model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dragoman.actors._dictionary import AgentEntry
from dragoman.actors._memory import kind
from dragoman.actors._phrases import trim
from dragoman.actors._referents import gender_of_pronoun
from dragoman.actors._rules import UNKNOWN_COUNTRY
from dragoman.lexicon import words
from dragoman.records import Actor

if TYPE_CHECKING:
    from dragoman.actors._resolve import DocumentActors

__all__ = ["description", "pronoun", "refer"]


_PERSON_PRONOUNS = words("person_pronouns")


_REPORTED_PRONOUNS = words("reported_pronouns")


_SPEECH_LEMMAS = words("speech_lemmas")


_FIRST_PERSON = words("first_person")


_THING_PRONOUNS = words("thing_pronouns")


_PLURAL_PRONOUNS = words("plural_pronouns")

_PLURAL_QUANTIFIERS = words("plural_quantifiers")

_SUBJECT_DEPS = ("nsubj", "nsubjpass")

_SAME_TIME_MARKERS = words("same_time_markers")


_COUNTRY_NOUNS = words("country_nouns")


def pronoun(resolver: DocumentActors, head: Token) -> list[Actor]:
    """Resolve "he", "she", "it" (and their possessives) to the latest fitting actor.

    A personal pronoun takes the last person named before it; "it"/"its" the last state or
    organization; "I", "we" in a quotation its speaker; "they" the nearest plural subject
    (:func:`_plural_antecedent`).
    """
    word = head.lower_
    speaker = _reporter(resolver, head)
    if speaker is not None:
        return [refer(a, head.text, head.idx, f"pronoun:{a.text}") for a in speaker]
    if word in _FIRST_PERSON:
        index = resolver.quotes.at(head.idx)
        if index is None:
            return []
        return [
            refer(a, head.text, head.idx, f"quote-speaker:{a.text}")
            for a in resolver.speaker(index)
        ]
    if word in _PLURAL_PRONOUNS:
        return [
            refer(a, head.text, head.idx, f"pronoun:{a.text}")
            for a in _plural_antecedent(resolver, head)
        ]
    if word in _PERSON_PRONOUNS:
        kinds: tuple[str, ...] = ("person",)
    elif word in _THING_PRONOUNS:
        kinds = ("state", "org")
    else:
        return []
    antecedent = resolver.memory.antecedent(
        head.idx,
        kinds,
        gender=gender_of_pronoun(word),
        number="singular",
        skip=_quoted_here(resolver, head),
    )
    if antecedent is None:
        return []
    topic = _topic(resolver, head, antecedent, kinds)
    if topic is not None and not (
        word in _PERSON_PRONOUNS and resolver.memory.other_gender(topic, gender_of_pronoun(word))
    ):
        antecedent = topic
    return [refer(antecedent, head.text, head.idx, f"pronoun:{antecedent.text}")]


def _topic(
    resolver: DocumentActors, head: Token, latest: Actor, kinds: tuple[str, ...]
) -> Actor | None:
    """The subject of the sentence before, for the subject pronoun of a main clause: "China
    criticized Japan. It also accused ..." is China, that sentence's topic, not Japan, named
    last. None when the latest fitting actor is not in that sentence (a nearer one is in
    the pronoun's own), or its subject is no single actor of the pronoun's kind."""
    sentence = head.sent
    if head.dep_ not in _SUBJECT_DEPS or head.head != sentence.root or sentence.start == 0:
        return None
    before = head.doc[sentence.start - 1].sent
    if not before.start_char <= latest.start < before.end_char:
        return None
    subjects = [t for t in before.root.children if t.dep_ in _SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].pos_ == "PRON" or subjects[0].idx >= latest.start:
        return None
    actors = resolver.resolve(subjects[0])
    if len(actors) != 1 or kind(actors[0]) not in kinds:
        return None
    return actors[0]


def _plural_antecedent(resolver: DocumentActors, head: Token) -> list[Actor]:
    """Resolve "they", "them", "their" to the nearest plural subject before them, in their
    sentence or the one before.

    A plural subject is a plural noun ("Russian officials", "the rebels"), coordinated
    nouns ("Iran and Iraq"), an earlier "they" or a quantifier standing alone ("some").
    The nearest one is the antecedent even when it names no actor ("Experts said ...
    They"): then the pronoun names no one, never an older actor. An object pronoun is not
    its own clause's subject ("the rebels attacked them").
    """
    sentence = head.sent
    doc = head.doc
    start = sentence.start
    if start > 0:
        start = doc[start - 1].sent.start  # the sentence before
    own_clause = head.head if head.dep_ not in ("poss", *_SUBJECT_DEPS) else None
    for i in range(head.i - 1, start - 1, -1):
        token = doc[i]
        if token.dep_ not in _SUBJECT_DEPS or (own_clause is not None and token.head == own_clause):
            continue
        if token.lower_ in _PLURAL_QUANTIFIERS:
            return []  # "some had ..., and Thailand turned them down"
        if token.pos_ == "PRON":
            if token.lower_ not in _PLURAL_PRONOUNS:
                continue
        elif token.tag_ not in ("NNS", "NNPS") and not any(
            c.dep_ == "conj" for c in token.children
        ):
            continue
        if _same_time_clause(head) and token.head == head.head.head:
            # "gunmen killed nine people when they opened fire": a clause of the same time
            # about the same actors mostly tells the same act again
            return []
        return resolver.resolve(token)
    return []


def _quoted_here(resolver: DocumentActors, head: Token) -> Callable[[int], bool] | None:
    """For the speaker of a quotation ('"...," he added'): a test that passes over the
    names quoted in the speaker's sentence, whom the speaker talks about."""
    if (
        head.dep_ not in _SUBJECT_DEPS
        or head.head.lemma_.lower() not in _SPEECH_LEMMAS
        or resolver.quotes.at(head.idx) is not None
    ):
        return None
    sentence_start = head.sent.start_char
    quotes = resolver.quotes
    return lambda offset: offset >= sentence_start and quotes.at(offset) is not None


def _same_time_clause(pronoun: Token) -> bool:
    """Whether a pronoun is the subject of an adverbial clause of the same time ("when they
    opened fire", "as they fled")."""
    clause = pronoun.head
    return (
        pronoun.dep_ in _SUBJECT_DEPS
        and clause.dep_ == "advcl"
        and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _SAME_TIME_MARKERS for c in clause.children
        )
    )


def _reporter(resolver: DocumentActors, head: Token) -> list[Actor] | None:
    """Resolve a pronoun subject of what a speaker said to the speaker.

    "The rebels said they will release the hostages", "Nigeria announced that it will
    withdraw": the subject of a reported clause that is a pronoun of the speaker's kind
    refers to the speaker; so does "it" as the object of a reported clause with a subject
    of its own ("Thailand said Beijing had assured it").
    """
    if head.lower_ not in _REPORTED_PRONOUNS:
        return None
    if head.dep_ in ("dobj", "dative") and head.lower_ in _THING_PRONOUNS:
        # "the Thai government said Beijing had assured it": the speaker, when the
        # reported clause has a subject of its own
        if not any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in head.head.children):
            return None
    elif head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = head.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _SPEECH_LEMMAS:
        return None
    for subject in clause.head.children:
        if subject.dep_ == "nsubj" and subject.i != head.i and subject.pos_ != "PRON":
            # "Canos-Donnay said she hoped ...": the speaker, even one that is no actor
            # (then the pronoun names no one, not the last actor named before)
            return resolver.resolve(subject)
    return None


def description(
    resolver: DocumentActors, segment: list[Token], top: Token, agent: AgentEntry | None
) -> Actor | None:
    """Resolve "the organization", "the country", "the president" to an earlier actor.

    A definite noun phrase with no name of its own refers back: to the last organization
    whose dictionary entry lists that noun, to the last state for "the country", or, for a
    role noun, to the last actor of that sector whose country is known.
    """
    if not any(t.lower_ in ("the", "this", "that") and t.i < top.i for t in segment):
        return None
    lemma = top.lemma_.lower()
    memory = resolver.memory
    antecedent: Actor | None = None
    if lemma in _COUNTRY_NOUNS:
        antecedent = memory.antecedent(top.idx, ("state",))
    elif agent is None:
        nouns_of = resolver.dictionary.entries
        antecedent = memory.antecedent(
            top.idx,
            ("org",),
            lambda code: lemma in getattr(nouns_of.get(code), "nouns", ()),
        )
    else:
        sector = agent.code
        # "the spokesperson" repeats the noun of "a State Department spokesperson": that
        # mention, before the last person of the sector ("President X" named since)
        antecedent = memory.same_noun(top.idx, top.lower_)

        def same_sector(code: str) -> bool:
            return code.endswith(sector) and not code.startswith(UNKNOWN_COUNTRY)

        # "the president" is a person: prefer the last person of that sector, then
        # any group ("the government" after "Astana")
        if antecedent is None and top.tag_ == "NN":
            antecedent = memory.antecedent(top.idx, ("person",), same_sector)
        if antecedent is None:
            antecedent = memory.antecedent(top.idx, ("person", "group"), same_sector)
    if antecedent is None:
        return None
    first, last = trim(segment)
    text = resolver.char_span_text(first.idx, last.idx + len(last))
    return refer(antecedent, text, first.idx, f"description:{antecedent.text}")


def refer(antecedent: Actor, text: str, start: int, rule: str) -> Actor:
    """Return the antecedent's coding for a referring expression at ``start``."""
    return Actor(
        code=antecedent.code,
        name=antecedent.name,
        text=text,
        start=start,
        end=start + len(text),
        entry=antecedent.entry,
        rule=rule,
    )
