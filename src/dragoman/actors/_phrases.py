"""The phrase reader: a clause slot's noun phrase cut into conjuncts and read flat.

Reads: the parse (token arrays), the dictionary mentions by token, the agent nouns. Writes:
the tokens of a phrase, its conjuncts, and for each a :class:`Found` (the state,
organization, agent noun or person it contains, and its head). No decision is made here:
``_rules`` decides what a conjunct's actor is.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dragoman.actors._dictionary import (
    AgentEntry,
)
from dragoman.actors._mentions import Mention
from dragoman.lexicon import words
from dragoman.pipeline import VERBAL_POS_IDS, TokenTable

__all__ = [
    "MODIFIER_DEPS",
    "NAME_POS",
    "Found",
    "PhraseReader",
    "is_bare_modifier",
    "split_conjuncts",
    "trim",
]

# Dependents that stay inside a noun phrase; everything else (relative clauses, other
# prepositional phrases, clausal modifiers) is cut off.
_NP_DEPS = frozenset(
    {
        "compound",
        "amod",
        "poss",
        "nmod",
        "appos",
        "flat",
        "det",
        "case",
        "nummod",
        "cc",
        "conj",
        "punct",
        "quantmod",
        "predet",
        "prep",
        "pobj",
    }
)


_NP_PREPS = words("np_preps")


# Participles after a hyphen whose first part says whose or where the thing is ("US-led",
# "Beirut-based"); "backed", "funded" name a patron, not the actor, and are left out.
_HYPHEN_PARTICIPLES = words("hyphen_participles")


NAME_POS = frozenset({"PROPN"})


_SKIP_EDGE = frozenset({"DET", "PUNCT", "CCONJ", "PART"})


MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "case", "det", "nummod"})


_SKIP_EDGE_IDS = frozenset(get_string_id(pos) for pos in _SKIP_EDGE)


_MODIFIER_DEP_IDS = frozenset(get_string_id(dep) for dep in MODIFIER_DEPS)


_NP_DEP_IDS = frozenset(get_string_id(dep) for dep in _NP_DEPS)


_NP_PREP_IDS = frozenset(get_string_id(word) for word in _NP_PREPS)


_HYPHEN_PARTICIPLE_IDS = frozenset(get_string_id(word) for word in _HYPHEN_PARTICIPLES)


_NPADVMOD, _PREP, _CONJ, _APPOS = (
    get_string_id(dep) for dep in ("npadvmod", "prep", "conj", "appos")
)


# Floating quantifiers the parse hangs on a coordinated subject as an apposition ("Russia
# and China both condemned"): no part of any conjunct.
_FLOATING_QUANTIFIER_IDS = frozenset(get_string_id(word) for word in ("both", "all", "each"))


@dataclass(frozen=True, slots=True)
class Found:
    """What a conjunct contains."""

    state: Mention | None
    org: Mention | None
    agent: tuple[AgentEntry, int] | None  # entry and token index
    name: tuple[int, int] | None  # token range of a person name not in the dictionary
    person: Mention | None = None  # a person in the dictionary
    top: Token | None = None  # the conjunct's head (:meth:`DocumentActors._segment_head`)


class PhraseReader:
    """The phrase reader: what a noun phrase's tokens are and what they name.

    Reads the parse (token arrays), the dictionary mentions by token and the agent nouns;
    writes nothing. Cuts a slot's phrase to its tokens, finds the head of a conjunct and
    what the conjunct contains (a state, an organization, an agent noun, a person).
    """

    def __init__(
        self,
        doc: Doc,
        table: TokenTable,
        by_token: dict[int, Mention],
        agents: dict[tuple[str, ...], AgentEntry],
        max_agent: int,
        agent_firsts: frozenset[str],
    ) -> None:
        self.doc = doc
        self._table = table
        self._by_token = by_token
        self._agents = agents
        self._max_agent = max_agent
        self._agent_firsts = agent_firsts

    def phrase_tokens(self, head: Token) -> list[Token]:
        """The tokens of the noun phrase a head heads, in text order (read from the token
        table; a Token is built only for the words kept)."""
        table = self._table
        deps, lowers, children = table.dep, table.lower, table.children
        by_token = self._by_token
        out = [head.i]
        stack = [head.i]
        while stack:
            token = stack.pop()
            for child in children(token):
                dep = deps[child]
                if dep not in _NP_DEP_IDS and not (
                    # "Saudi-led forces", "a London-based group": the parse hangs the name
                    # on the participle as an adverbial modifier
                    dep == _NPADVMOD and lowers[token] in _HYPHEN_PARTICIPLE_IDS
                ):
                    continue
                if dep == _PREP and (
                    lowers[child] not in _NP_PREP_IDS
                    or (token in by_token and by_token[token].phrase.entry.kind != "person")
                ):
                    # "the President of Kazakhstan", "King Hassan of Morocco", not "the
                    # OSCE of bias"
                    continue
                if dep == _CONJ and table.pos[child] in VERBAL_POS_IDS:
                    continue
                if dep == _APPOS and lowers[child] in _FLOATING_QUANTIFIER_IDS:
                    continue
                out.append(child)
                stack.append(child)
        doc = self.doc
        return [doc[i] for i in sorted(out)]

    def scan(self, segment: list[Token]) -> Found:
        state: Mention | None = None
        org: Mention | None = None
        person: Mention | None = None
        agent: tuple[AgentEntry, int] | None = None
        name_start = name_end = -1
        best_name: tuple[int, int] | None = None
        words = [t.lower_ for t in segment]
        top_token = self.segment_head(segment)
        top = top_token.i
        i = 0
        while i < len(segment):
            token = segment[i]
            mention = self._by_token.get(token.i)
            if mention is not None:
                kind = mention.phrase.entry.kind
                if kind == "person" and person is None:
                    person = mention
                elif kind == "org" and org is None:
                    org = mention
                elif kind == "state" and state is None:
                    state = mention
                i += 1
                continue
            matched = self._agent_at(segment, words, i)
            if matched is not None:
                entry, length = matched
                if agent is None or agent[1] != top:
                    # the head's own role noun wins over one in a modifier ("workers of
                    # the bus company")
                    agent = (entry, segment[i + length - 1].i)
                i += length
                continue
            if token.pos_ in NAME_POS and token.is_alpha and token.is_title:
                if name_end == token.i:
                    name_end = token.i + 1
                else:
                    name_start, name_end = token.i, token.i + 1
                if best_name is None or not best_name[0] <= top < best_name[1]:
                    # the head's own name wins over a later one in its apposition ("Ana
                    # Ruiz, the leader of the Dieu gang")
                    best_name = (name_start, name_end)
            elif token.text == "-" and name_end == token.i:
                name_end = token.i + 1  # Kassym-Jomart
            i += 1
        return Found(state, org, agent, best_name, person, top_token)

    def segment_head(self, segment: list[Token]) -> Token:
        """Return the head of a conjunct: the last content token whose syntactic head lies
        outside it, preferring real heads over possessors and modifiers (misparsed titles
        often attach "Finland's" to the wrong word). Read from the token table."""
        heads, pos, dep = self._table.head, self._table.pos, self._table.dep
        inside = {t.i for t in segment}
        candidates = [
            t.i
            for t in segment
            if (heads[t.i] not in inside or heads[t.i] == t.i) and pos[t.i] not in _SKIP_EDGE_IDS
        ]
        if not candidates:
            return segment[-1]
        real = [i for i in candidates if dep[i] not in _MODIFIER_DEP_IDS]
        return self.doc[(real or candidates)[-1]]

    def _agent_at(
        self, segment: list[Token], words: list[str], i: int
    ) -> tuple[AgentEntry, int] | None:
        if words[i] not in self._agent_firsts and (
            segment[i].lemma_.lower() not in self._agent_firsts
        ):
            return None  # no role noun starts here (the lemma counts for one-word nouns)
        for length in range(min(self._max_agent, len(segment) - i), 0, -1):
            last = segment[i + length - 1]
            key = (*words[i : i + length - 1], last.lower_)
            entry = self._agents.get(key)
            if entry is None:
                key = (*words[i : i + length - 1], last.lemma_.lower())
                entry = self._agents.get(key)
            if entry is not None:
                if i == 0 and segment[0].i > 0:
                    # the parse cut a compound role noun off its first word ("think" of
                    # "think tank" read as a verb): the longer noun wins
                    longer = self._agents.get((self.doc[segment[0].i - 1].lower_, *key))
                    if longer is not None:
                        return longer, length
                return entry, length
        return None


def split_conjuncts(tokens: list[Token], head: Token) -> list[list[Token]]:
    """Cut an ordered noun phrase at coordinating conjunctions and list commas."""
    inside = {t.i for t in tokens}
    segments: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        if token.dep_ == "cc" or (
            token.text in {",", ";"}
            and index + 1 < len(tokens)
            and (
                _starts_conjunct(tokens[index + 1], inside, head) or _listed_name(tokens, index + 1)
            )
        ):
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(token)
    return [s for s in segments if s]


def _listed_name(tokens: list[Token], start: int) -> bool:
    """Whether a name after a comma is a member of a list the parse read as an apposition:
    "Mali, Burkina Faso and Niger" (a proper noun phrase whose head is an apposition, with
    a conjunction later in the phrase); not "Ana Ruiz, the leader of the gang, and ..."."""
    token = tokens[start]
    top = token.head if token.dep_ == "compound" else token
    return (
        top.dep_ == "appos"
        and top.pos_ == "PROPN"
        and token.pos_ == "PROPN"
        and any(t.dep_ == "cc" for t in tokens[start:])
    )


def _starts_conjunct(token: Token, inside: set[int], head: Token) -> bool:
    """Return whether ``token`` opens a new conjunct (its phrase attaches as ``conj``)."""
    current = token
    while current.i != head.i and current.head.i in inside:
        if current.dep_ == "conj":
            return True
        if current.dep_ == "appos":
            return False
        current = current.head
    return False


def is_bare_modifier(segment: list[Token], found: Found) -> bool:
    """Return whether a conjunct is only an adjective waiting for a shared noun."""
    return (
        found.agent is None
        and found.name is None
        and all(
            t.pos_ in ("ADJ", "PROPN", "DET") or t.dep_ in ("amod", "compound") for t in segment
        )
        and found.top is not None
        and found.top.dep_ in ("amod", "compound", "conj", "nmod")
        and (found.state is not None or found.org is not None)
        and all(m.phrase.form == "adjective" for m in (found.state, found.org) if m is not None)
    )


_DASHES = words("dashes")


def trim(segment: list[Token]) -> tuple[Token, Token]:
    first = 0
    last = len(segment) - 1
    # a dateline glued to the phrase: "ASTANA - Kazakh President ..." or "ASTANA (AP) -"
    for index, token in enumerate(segment[:-1]):
        if token.text in _DASHES and token.whitespace_ and index > 0 and segment[0].is_upper:
            first = index + 1
            break
    while first < last and segment[first].pos_ in _SKIP_EDGE:
        first += 1
    while last > first and segment[last].pos_ in _SKIP_EDGE:
        last -= 1
    return segment[first], segment[last]
