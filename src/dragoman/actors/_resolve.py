"""Resolving the noun phrase in a clause slot to coded actors.

The statistical NER label is not trusted: the dictionary and the parse decide. A slot's noun
phrase is first cut into conjuncts ("Kazakh and Finnish officials", "the U.S. and Britain"),
then each conjunct is read flat, which is robust to the small model's frequent misparses of
long titles ("Finland's Minister of Foreign Affairs, Elina Valtonen").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dragoman.actors._dictionary import (
    SECTOR_NAMES,
    ActorDictionary,
    AgentEntry,
    NamedEntry,
    Phrase,
)
from dragoman.actors._mentions import Mention
from dragoman.lexicon import words
from dragoman.pipeline import TokenTable
from dragoman.quotes import QuoteIndex
from dragoman.records import Actor

__all__ = ["UNKNOWN_COUNTRY", "DocumentActors"]

#: Prefix of an agent whose country is not known (PETRARCH's convention).
UNKNOWN_COUNTRY = "---"
# sectors of armed non-state fighters: "anti-X militants" are X's insurgents
_ARMED_SECTORS = frozenset({"REB", "INS", "UAF"})

# "the former Soviet republics", "ex-Yugoslav": a former state named as a past, not an actor
_FORMER_WORDS = words("former_words")

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
_NAME_POS = frozenset({"PROPN"})
_SKIP_EDGE = frozenset({"DET", "PUNCT", "CCONJ", "PART"})
_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "case", "det", "nummod"})
_SKIP_EDGE_IDS = frozenset(get_string_id(pos) for pos in _SKIP_EDGE)
_MODIFIER_DEP_IDS = frozenset(get_string_id(dep) for dep in _MODIFIER_DEPS)
_NP_DEP_IDS = frozenset(get_string_id(dep) for dep in _NP_DEPS)
_NP_PREP_IDS = frozenset(get_string_id(word) for word in _NP_PREPS)
_HYPHEN_PARTICIPLE_IDS = frozenset(get_string_id(word) for word in _HYPHEN_PARTICIPLES)
_VERBAL_IDS = frozenset(get_string_id(pos) for pos in ("VERB", "AUX"))
_NPADVMOD, _PREP, _CONJ = (get_string_id(dep) for dep in ("npadvmod", "prep", "conj"))
_ANTI, _HYPHEN, _ANTI_HYPHEN = (get_string_id(word) for word in ("anti", "-", "anti-"))
_ACL, _AGENT, _POBJ = (get_string_id(dep) for dep in ("acl", "agent", "pobj"))
# participles whose by-phrase names who leads a group ("forces led by X")
_LEADING_IDS = frozenset(get_string_id(lemma) for lemma in ("lead", "head", "command", "run"))


@dataclass(frozen=True, slots=True)
class _Found:
    """What a conjunct contains."""

    state: Mention | None
    org: Mention | None
    agent: tuple[AgentEntry, int] | None  # entry and token index
    name: tuple[int, int] | None  # token range of a person name not in the dictionary
    person: Mention | None = None  # a person in the dictionary
    top: Token | None = None  # the conjunct's head (:meth:`DocumentActors._segment_head`)


class DocumentActors:
    """Resolves clause slots to actors within one document, remembering names it has seen."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        dictionary: ActorDictionary,
        date: str | None = None,
        table: TokenTable | None = None,
        text: str | None = None,
        city_country: Callable[[str, list[str]], str | None] | None = None,
    ) -> None:
        """Prepare resolution for one document.

        Args:
            doc: The parsed document.
            mentions: Dictionary mentions found in it.
            dictionary: The actor dictionary (for role nouns).
            date: The date roles are resolved for (``YYYY-MM-DD``); None: current roles.
            table: The Doc's token attributes, when the caller has read them.
            text: The document text, when the caller has it (``Doc.text`` joins every
                token); it must be the text the Doc was made from.
            city_country: Given a capital's name and the other states its sentence names
                as the country of a place, the one of those states that has a city of that
                name, or None (a gazetteer lookup; the coding stage passes one). Without
                it, a capital's name always means its state.
        """
        self.doc = doc
        self._city_country = city_country
        self._table = table if table is not None else TokenTable.of(doc)
        self._text = text
        self.date = date
        self._dictionary = dictionary
        self._agents = dictionary.agents
        self._states = dictionary.state_codes
        self._max_agent = dictionary.max_agent_words
        self._agent_firsts = dictionary.agent_first_words
        if any(m.phrase.entry.successor is not None for m in mentions):
            mentions = _in_time(doc, mentions, dictionary, date)
        mentions = [m for m in mentions if not _opposed(doc, self._table, m, self._agents)]
        self._by_token: dict[int, Mention] = {}
        for mention in mentions:
            for i in range(mention.start, mention.end):
                self._by_token[i] = mention
        # person name (full or last word) -> actor resolved earlier in the document
        self.memory: dict[str, Actor] = {}
        # what the text has named so far, for pronouns and definite descriptions:
        # (character offset, kind, actor); dictionary names are added lazily
        # (character offset, kind, code, the actor or the mention to build it from)
        self._history: list[tuple[int, str, str, Actor | Mention]] = []
        self._named_mentions = [m for m in mentions if m.phrase.form in ("name", "capital")]
        self._seeded = False
        # quoted passages (owned by quotes/, shared with the coder)
        self.quotes = QuoteIndex()
        self._speakers: dict[int, list[Actor]] = {}
        # head token index -> its actors: a phrase is read once (as a subject, then as a
        # quotation's speaker); later readings would find the same names at the same places
        self._resolved: dict[int, list[Actor]] = {}

    def set_quotes(self, quotes: QuoteIndex) -> None:
        """Tell the resolver where quoted passages are and who speaks them: "I", "we",
        "my", "our" inside a passage refer to its speaker."""
        self.quotes = quotes
        self._speakers.clear()
        self._resolved.clear()

    def speaker(self, index: int) -> list[Actor]:
        """Return the resolved speaker of quotation ``index`` (of :meth:`set_quotes`)."""
        if index not in self._speakers:
            head = self.quotes.speaker_token(index)
            self._speakers[index] = self.resolve(self.doc[head]) if head is not None else []
        return self._speakers[index]

    def resolve(self, head: Token) -> list[Actor]:
        """Return the actors named by the noun phrase headed by ``head`` (one per conjunct).

        Args:
            head: The head token of a subject, object or prepositional object.

        Returns:
            The coded actors; empty when the phrase names no known actor.
        """
        known = self._resolved.get(head.i)
        if known is None:
            known = self._resolve(head)
            if known:  # an unknown name may be learnt later in the document ("Ohlberg")
                self._resolved[head.i] = known
        return list(known)

    def _resolve(self, head: Token) -> list[Actor]:
        if head.pos_ == "PRON":
            return self._pronoun(head)
        if head.lemma_.lower() in _PARTITIVES or (
            head.lemma_.lower() in _LEADER_HEADS and head.tag_ in ("NNS", "NNPS")
        ):
            # "thousands of Iraqi Kurds", "members of the opposition", "a group of rebels":
            # the actor is what the quantity or part is of
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            whole = self.resolve(pobj)
                            if whole:
                                return whole
        tokens = self._phrase_tokens(head)
        segments = _split_conjuncts(tokens, head)
        actors: list[Actor] = []
        pending: list[list[Token]] = []  # bare adjectives waiting for a shared head noun
        for segment in segments:
            found = self._scan(segment)
            if _is_bare_modifier(segment, found):
                pending.append(segment)
                continue
            actor = self._decide(segment, found, head)
            if actor is None:
                pending.clear()
                continue
            for waiting in pending:
                borrowed = self._decide(waiting, self._scan(waiting), head, agent=found.agent)
                if borrowed is not None:
                    actors.append(borrowed)
            pending.clear()
            actors.append(actor)
        for waiting in pending:  # "the U.S. and British" - no shared noun: read them alone
            actor = self._decide(waiting, self._scan(waiting), head)
            if actor is not None:
                actors.append(actor)
        for actor in actors:
            if not actor.rule.startswith(("pronoun", "description")):
                # placed at its last character, so that it is more recent than the names
                # inside it ("King Hassan of Morocco" after the dictionary's "Hassan")
                self._history.append((actor.end - 1, _kind(actor), actor.code, actor))
        return actors

    # -- pronouns and definite descriptions ---------------------------------------------

    def _antecedent(
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
            self._seed_history()
        best: tuple[int, Actor | Mention] | None = None
        for start, kind, code, item in self._history:
            if (
                start < before
                and kind in kinds
                and (best is None or start > best[0])
                and (accept is None or accept(code))
                and not (owners and isinstance(item, Mention) and self._in_pp(item))
            ):
                best = (start, item)
        if best is None:
            return None
        item = best[1]
        return item if isinstance(item, Actor) else self._mention_actor(item)

    def _in_pp(self, mention: Mention) -> bool:
        """Whether a dictionary name is (the head of) a prepositional object."""
        token = self.doc[mention.end - 1]
        return token.dep_ == "pobj" and token.head.lower_ != "by"

    def _seed_history(self) -> None:
        """Add every dictionary name of the document to the history (once, on demand).

        Only offsets and codes are read here; an actor is built for the one antecedent
        chosen.
        """
        self._seeded = True
        for mention in self._named_mentions:
            entry = mention.phrase.entry
            start = self.doc[mention.start].idx
            if entry.kind == "person":
                role = entry.role_on(self.date)
                code = role.code if role else entry.country
                if code is not None:
                    self._history.append((start, "person", code, mention))
            elif entry.kind == "org":
                self._history.append((start, "org", entry.code, mention))
            elif mention.phrase.form == "capital":
                self._history.append((start, "group", entry.code + "GOV", mention))
            else:
                self._history.append((start, "state", entry.code, mention))

    def _mention_actor(self, mention: Mention) -> Actor:
        segment = list(self.doc[mention.start : mention.end])
        entry = mention.phrase.entry
        if entry.kind == "person":
            # the person as the text describes them: "King Hassan of Morocco" is Morocco's
            # king, not the dictionary's other Hassan, for a later "he" too
            head = self.doc[mention.end - 1]
            if head.dep_ not in _MODIFIER_DEPS and head.pos_ in _NAME_POS:
                actors = self.resolve(head)
                if len(actors) == 1:
                    return actors[0]
            role = entry.role_on(self.date)
            code = role.code if role else (entry.country or "")
            return self._actor(segment, code, entry.name, entry.entry, "person-role")
        return self._named(segment, mention, None, rule=mention.phrase.form)

    def _pronoun(self, head: Token) -> list[Actor]:
        """Resolve "he", "she", "it" (and their possessives) to the latest fitting actor.

        Rules over the text, not a coreference model: a personal pronoun takes the last
        person named before it; "it"/"its" the last state or organization. "They" is left
        unresolved: plural reference is too often to a group the dictionary does not know.
        """
        word = head.lower_
        reporter = self._reporter(head)
        if reporter is not None:
            return [_refer(a, head.text, head.idx, f"pronoun:{a.text}") for a in reporter]
        if word in _FIRST_PERSON:
            index = self.quotes.at(head.idx)
            if index is None:
                return []
            return [
                _refer(a, head.text, head.idx, f"quote-speaker:{a.text}")
                for a in self.speaker(index)
            ]
        if word in _PERSON_PRONOUNS:
            kinds: tuple[str, ...] = ("person",)
        elif word in _THING_PRONOUNS:
            kinds = ("state", "org")
        else:
            return []
        antecedent = self._antecedent(head.idx, kinds)
        if antecedent is None:
            return []
        return [_refer(antecedent, head.text, head.idx, f"pronoun:{antecedent.text}")]

    def _reporter(self, head: Token) -> list[Actor] | None:
        """Resolve a pronoun subject of what a speaker said to the speaker.

        "The rebels said they will release the hostages", "Nigeria announced that it will
        withdraw": the subject of a reported clause that is a pronoun of the speaker's
        kind refers to the speaker.
        """
        if head.dep_ not in ("nsubj", "nsubjpass") or head.lower_ not in _REPORTED_PRONOUNS:
            return None
        clause = head.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _SPEECH_LEMMAS:
            return None
        for subject in clause.head.children:
            if subject.dep_ == "nsubj" and subject.i != head.i and subject.pos_ != "PRON":
                actors = self.resolve(subject)
                if actors:
                    return actors
        return None

    def _description(
        self, segment: list[Token], top: Token, agent: AgentEntry | None
    ) -> Actor | None:
        """Resolve "the organization", "the country", "the president" to an earlier actor.

        A definite noun phrase with no name of its own refers back: to the last organization
        whose dictionary entry lists that noun, to the last state for "the country", or, for
        a role noun, to the last actor of that sector whose country is known.
        """
        if not any(t.lower_ in ("the", "this", "that") and t.i < top.i for t in segment):
            return None
        lemma = top.lemma_.lower()
        antecedent: Actor | None = None
        if lemma in _COUNTRY_NOUNS:
            antecedent = self._antecedent(top.idx, ("state",))
        elif agent is None:
            nouns_of = self._dictionary.entries
            antecedent = self._antecedent(
                top.idx,
                ("org",),
                lambda code: lemma in getattr(nouns_of.get(code), "nouns", ()),
            )
        else:
            sector = agent.code

            def same_sector(code: str) -> bool:
                return code.endswith(sector) and not code.startswith(UNKNOWN_COUNTRY)

            # "the president" is a person: prefer the last person of that sector, then
            # any group ("the government" after "Astana")
            if top.tag_ == "NN":
                antecedent = self._antecedent(top.idx, ("person",), same_sector)
            if antecedent is None:
                antecedent = self._antecedent(top.idx, ("person", "group"), same_sector)
        if antecedent is None:
            return None
        first, last = _trim(segment)
        text = self.char_span_text(first.idx, last.idx + len(last))
        return _refer(antecedent, text, first.idx, f"description:{antecedent.text}")

    def char_span_text(self, start: int, end: int) -> str:
        """Return the document text between two character offsets.

        Cheaper than ``doc.text[start:end]``: ``Doc.text`` joins every token on each call,
        so the text is kept (or joined once).
        """
        if self._text is None:
            self._text = str(self.doc.text)
        return self._text[start:end]

    def may_name_a_role(self, head: Token) -> bool:
        """Return whether a name's phrase has a title or a country next to it, so that
        resolving it could teach the memory something ("President X", "Kazakhstan's X",
        "X, the Finnish minister")."""
        for child in head.children:
            if child.i in self._by_token:
                return True
            if child.dep_ in ("compound", "amod", "appos", "poss") and (
                (child.lower_,) in self._agents
                or (child.lemma_.lower(),) in self._agents
                or any(c.i in self._by_token for c in child.children)
                or child.dep_ == "appos"
            ):
                return True
        return False

    def is_named(self, index: int) -> bool:
        """Return whether token ``index`` is part of a dictionary name."""
        return index in self._by_token

    def resolve_possessor(self, head: Token) -> list[Actor]:
        """Return the actor a non-actor phrase belongs to, for targets.

        "Kazakhstan's status" and "Russian positions" stand for Kazakhstan and Russia when
        the thing itself is not an actor: the possessor first, then a state or organization
        named in a modifier.
        """
        for child in head.children:
            if child.dep_ == "poss":
                actors = self.resolve(child)
                if actors:
                    return actors
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                mention = self._by_token.get(child.i)
                if mention is not None and mention.phrase.entry.kind in ("state", "org"):
                    segment = self.doc[mention.start : mention.end]
                    return [self._named(list(segment), mention, None, rule="modifier")]
        for child in head.children:
            if (
                child.dep_ == "compound"
                and child.pos_ == "NOUN"
                and child.i not in self._by_token
            ):
                # "a Security Council motion condemning X" parsed with the motion
                # as a modifier of the participle: the modifier's own modifier (a common
                # noun: "Agence France-Presse" is a name, not France's)
                for inner in child.children:
                    mention = self._by_token.get(inner.i)
                    if (
                        inner.dep_ in ("compound", "nmod")
                        and mention is not None
                        and mention.phrase.entry.kind in ("state", "org")
                    ):
                        owner = list(self.doc[mention.start : mention.end])
                        return [self._named(owner, mention, None, rule="modifier-of-modifier")]
        return []

    def resolve_attached(self, head: Token, *, nested: bool = False) -> list[Actor]:
        """Return the actor a non-actor noun is about, from its attached phrases, for targets.

        Read in order, along the noun's chain of "of" phrases (three deep): the doer named
        by a "by" phrase ("condemned an attack by rebels", "rejected calls by the UN"), or
        by "from" after a proposal noun ("an offer from X"); an "of" phrase that names a
        state, an organization or an agent of known country ("the blockade of Serbia",
        "the return of UN inspectors"); with ``nested``, the target phrase of an event noun
        ("for a war against Iraq"); last, the state where the thing is ("closed its
        embassy in Syria", "the closure of guest houses in Bree").

        Args:
            head: The head of a direct object or of a prepositional object.
            nested: Whether ``head`` is itself inside a prepositional phrase, so that its
                own "against", "on", "with" phrases may name the target.
        """
        if nested and head.head.lower_ in _ADVERBIAL_PREPS:
            return []  # "despite warnings by aid agencies": not what the event is aimed at
        current = head
        place: Mention | None = None
        for _ in range(3):
            inner: Token | None = None
            for child in current.children:
                if child.dep_ != "prep":
                    continue
                word = child.lower_
                if word == "by" or (word == "from" and current.lemma_.lower() in _PROPOSAL_NOUNS):
                    actors = self._first(child)
                    if actors:
                        return actors
                elif word == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            inner = pobj
                            break
                elif word in _ATTACHED_TARGET_PREPS and (nested or current is not head):
                    actors = self._first(child)
                    if actors:
                        return actors
                elif word in _PLACE_PREPS and place is None:
                    place = self._place_of(child)
            if inner is None:
                break
            actors = [a for a in self.resolve(inner) if not a.code.startswith(UNKNOWN_COUNTRY)]
            if actors:
                return actors
            current = inner
        if place is None:
            return []
        entry = place.phrase.entry  # the state, not its government: a place
        segment = list(self.doc[place.start : place.end])
        return [self._actor(segment, entry.code, entry.name, entry.entry, "place-of-object")]

    def _first(self, prep: Token) -> list[Actor]:
        """Return the actors named by the first object of a preposition that names any."""
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                actors = self.resolve(pobj)
                if actors:
                    return actors
        return []

    def _place_of(self, prep: Token) -> Mention | None:
        """Return the state named (by name or capital) as the object of a place preposition."""
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            mention = self._by_token.get(pobj.i)
            if mention is not None and mention.phrase.entry.kind == "state":
                return mention
        return None

    # -- phrase and conjunct analysis -------------------------------------------------

    def _phrase_tokens(self, head: Token) -> list[Token]:
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
                if dep == _CONJ and table.pos[child] in _VERBAL_IDS:
                    continue
                out.append(child)
                stack.append(child)
        doc = self.doc
        return [doc[i] for i in sorted(out)]

    def _scan(self, segment: list[Token]) -> _Found:
        state: Mention | None = None
        org: Mention | None = None
        person: Mention | None = None
        agent: tuple[AgentEntry, int] | None = None
        name_start = name_end = -1
        best_name: tuple[int, int] | None = None
        words = [t.lower_ for t in segment]
        top_token = self._segment_head(segment)
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
            if token.pos_ in _NAME_POS and token.is_alpha and token.is_title:
                if name_end == token.i:
                    name_end = token.i + 1
                else:
                    name_start, name_end = token.i, token.i + 1
                best_name = (name_start, name_end)
            elif token.text == "-" and name_end == token.i:
                name_end = token.i + 1  # Kassym-Jomart
            i += 1
        return _Found(state, org, agent, best_name, person, top_token)

    def _segment_head(self, segment: list[Token]) -> Token:
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
                return entry, length
        return None

    # -- decisions ----------------------------------------------------------------------

    def _decide(
        self,
        segment: list[Token],
        found: _Found,
        head: Token,
        agent: tuple[AgentEntry, int] | None = None,
    ) -> Actor | None:
        actor = self._decide_code(segment, found, agent)
        if actor is not None and found.state is not None:
            actor = self._ethnic(segment, found.state, actor)
        if (
            actor is not None
            and found.name is not None
            and actor.rule != "earlier-mention"
            and not actor.code.startswith(UNKNOWN_COUNTRY)
        ):
            start, end = found.name
            self.memory[self.doc[start:end].text] = actor
            self.memory[self.doc[end - 1].text] = actor
        return actor

    def _decide_code(
        self, segment: list[Token], found: _Found, agent: tuple[AgentEntry, int] | None
    ) -> Actor | None:
        agent = found.agent or agent
        top = found.top if found.top is not None else self._segment_head(segment)
        mention = self._by_token.get(top.i)
        named = found.org or found.state
        if mention is not None and mention.phrase.entry.kind == "person":
            return self._known_person(segment, mention, found, agent)
        if mention is not None and mention.phrase.form != "adjective":
            return self._named(segment, mention, found.agent, rule=mention.phrase.form)
        if found.name is not None and found.name[0] <= top.i < found.name[1]:
            return self._person(segment, found, agent)
        if (
            agent is not None
            and agent[1] < top.i
            and top.lemma_.lower() in _GROUP_NOUNS
            and mention is None
        ):
            # "the opposition coalition", "a rebel group": the role noun names the actor
            agent = (agent[0], top.i)
        if agent is not None and (agent[1] == top.i or mention is not None):
            if named is not None:
                return self._named(segment, named, agent, rule="agent")
            if found.person is not None:  # "the Bush administration", "Putin's government"
                country = self._person_country(found.person)
                if country is not None:
                    return self._actor(
                        segment,
                        country + agent[0].code,
                        f"{self._state_name(country)} {SECTOR_NAMES.get(agent[0].code, '')}",
                        f"{found.person.phrase.entry.entry}+{agent[0].entry}",
                        "person+agent",
                    )
            surnamed = self._surname_government(segment, found, agent[0], top)
            if surnamed is not None:
                return surnamed
            leader = self._leader_country(top)
            if leader is not None:  # "the coalition government led by <its prime minister>"
                return self._actor(
                    segment,
                    leader + agent[0].code,
                    f"{self._state_name(leader)} {SECTOR_NAMES.get(agent[0].code, '')}",
                    f"states:{leader}+{agent[0].entry}",
                    "agent+leader",
                )
            owner = self._possessive_owner(segment, top)
            if owner is not None:  # "Iraq said its troops ...": the owner's country
                return self._owned(segment, owner, agent[0])
            described = self._description(segment, top, agent[0])
            if described is not None:
                return described
            country = self._fled_country(top) if agent[0].code in _FLEEING_SECTORS else None
            if country is not None:  # "families fleeing the fighting in Sudan"
                return self._actor(
                    segment,
                    country + agent[0].code,
                    f"{self._state_name(country)} {SECTOR_NAMES.get(agent[0].code, '')}",
                    f"states:{country}+{agent[0].entry}",
                    "agent+fled",
                )
            located = self._located(top)
            if located is not None:  # "workers in Serbia", "students throughout Indonesia"
                country, rule = located
                return self._actor(
                    segment,
                    country + agent[0].code,
                    f"{self._state_name(country)} {SECTOR_NAMES.get(agent[0].code, '')}",
                    f"states:{country}+{agent[0].entry}",
                    rule,
                )
            return self._actor(
                segment,
                f"{UNKNOWN_COUNTRY}{agent[0].code}",
                SECTOR_NAMES.get(agent[0].code, agent[0].code),
                agent[0].entry,
                "agent-only",
            )
        if mention is not None:  # a bare adjective used as a noun: "the Kazakh said"
            return self._named(segment, mention, None, rule="adjective")
        if (
            found.state is not None
            and found.state.phrase.form in ("adjective", "name")
            and top.tag_ in ("NNS", "NNPS")
            and found.state.start < top.i
        ):
            # "Palestinian prisoners rioted", "Iraqi Kurds demonstrated": people (or arms)
            # of a state, named by its adjective
            return self._named(segment, found.state, None, rule="adjective+plural")
        if self._operation(top):
            # "a Pakistani military operation killed", "an Israeli air strike hit": the
            # operation's modifier (and its role noun) is who acts
            if named is not None and named.start < top.i:
                return self._named(segment, named, agent, rule="operation")
            if agent is not None and agent[1] < top.i:
                return self._actor(
                    segment,
                    f"{UNKNOWN_COUNTRY}{agent[0].code}",
                    SECTOR_NAMES.get(agent[0].code, agent[0].code),
                    agent[0].entry,
                    "operation",
                )
        if (
            found.org is not None
            and top.tag_ in ("NNS", "NNPS")
            and found.org.end <= top.i
            and mention is None
        ):
            # "U.N. helicopters", "NATO jets": the organization's things or people act
            return self._named(segment, found.org, None, rule="organization+plural")
        if top.pos_ == "NOUN":
            if named is not None and top.lemma_.lower() in _GROUP_NOUNS:
                # "the Taliban faction", "the Azerbaijani republic": the named modifier
                return self._named(segment, named, None, rule="modifier")
            if (
                found.org is not None
                and top.lemma_.lower() in _MEMBER_NOUNS
                and self.doc[found.org.end - 1].dep_ != "poss"
            ):
                # "NATO allies", "its EU partners": the members acting as the organization
                # (not "Iran's allies", who are other states)
                return self._named(segment, found.org, None, rule="members")
            return self._description(segment, top, None)
        return None

    def _operation(self, top: Token) -> bool:
        """Whether a doer's head is a military operation ("a Pakistani military operation
        killed"); "strike" only as an air, drone or missile strike (not a general strike)."""
        lemma = top.lemma_.lower()
        if lemma not in _OPERATION_NOUNS or top.tag_ not in ("NN", "NNS") or not _is_doer(top):
            return False
        return lemma != "strike" or any(
            c.dep_ == "compound" and c.lower_ in _STRIKE_KINDS for c in top.lefts
        )

    def _surname_government(
        self, segment: list[Token], found: _Found, agent: AgentEntry, top: Token
    ) -> Actor | None:
        """A government named by its leader's surname alone: "the Reagan administration",
        "the Smith government". The dictionary's "<Surname> Administration" person alias
        decides; otherwise the surname must name no one else in the dictionary's
        governments than members of one country's. The rule is ``surname+agent``."""
        if agent.code != "GOV" or found.name is None:
            return None
        start, end = found.name
        name = self.doc[end - 1]
        if end - start != 1 or name.head.i != top.i or name.dep_ != "compound":
            return None
        titled = self._dictionary.phrases.get(f"{name.text} {top.text.title()}")
        if titled is not None and titled.entry.kind == "person":
            # the dictionary's own "Bush Administration", written in lower case
            role = titled.entry.role_on(self.date)
            country = role.code[:3] if role is not None else titled.entry.country
        else:
            country = self._dictionary.surname_country(name.text)
        if country is None or country not in self._states:
            return None
        return self._actor(
            segment,
            country + agent.code,
            f"{self._state_name(country)} {SECTOR_NAMES.get(agent.code, '')}",
            f"surname:{name.text}+{agent.entry}",
            "surname+agent",
        )

    def _possessive_owner(self, segment: list[Token], top: Token) -> Actor | None:
        """The antecedent of a possessive pronoun before the head: "its troops", "his army".

        "Its" takes the last state or organization named before it, "his"/"her" the last
        person; "their" is left alone, as "they" is. Only for a doer (a subject, a "by"
        phrase): "Iraq moved its troops" does not act on Iraq's own army.
        """
        if not _is_doer(top):
            return None
        for token in segment:
            if token.i >= top.i:
                break
            if token.dep_ != "poss" or token.pos_ != "PRON":
                continue
            word = token.lower_
            if word in _THING_PRONOUNS:
                return self._antecedent(token.idx, ("state", "org"), owners=True)
            if word in ("his", "her"):
                return self._antecedent(token.idx, ("person",), owners=True)
        return None

    def _owned(self, segment: list[Token], owner: Actor, agent: AgentEntry) -> Actor:
        """An agent of the possessive pronoun's antecedent: a state's or person's country
        with the role noun's sector, or the organization itself."""
        country = owner.code[:3]
        rule = f"possessive:{owner.text}+{agent.code}"
        if country in self._states and not owner.code.startswith(("IGO", "NGO")):
            return self._actor(
                segment,
                country + agent.code,
                f"{self._state_name(country)} {SECTOR_NAMES.get(agent.code, '')}",
                f"{owner.entry}+{agent.entry}",
                rule,
            )
        return self._actor(segment, owner.code, owner.name, owner.entry, rule)

    def _ethnic(self, segment: list[Token], state: Mention, actor: Actor) -> Actor:
        """Code an ethnic group by where it lives, not by its kin state.

        "Ethnic Albanians in Serbia" and "the Albanians of southern Serbia" are Serbia's:
        a place phrase of the head ("in", "of" for a demonym; "in", "of", "from" after
        "ethnic") names the state of residence. "Ethnic Albanians" with no place keeps the
        kin state, with a rule starting ``ethnic`` so that the event's place may decide.
        """
        kin = state.phrase.entry.code
        if not actor.code.startswith(kin):
            return actor
        ethnic = state.start > 0 and self.doc[state.start - 1].lower_ == "ethnic"
        demonym = state.phrase.form == "demonym"
        if not ethnic and not demonym:
            return actor
        top = self._segment_head(segment)
        for child in top.children:
            if child.dep_ != "prep" or child.lower_ not in (
                _ETHNIC_PLACE_PREPS if ethnic else _DEMONYM_PLACE_PREPS
            ):
                continue
            place = self._place_of(child)
            if place is not None and place.phrase.entry.code != kin:
                home = place.phrase.entry.code
                return replace(
                    actor,
                    code=home + actor.code[len(kin) :],
                    name=self._state_name(home),
                    rule=f"residence:{actor.rule}",
                )
        if ethnic:
            return replace(actor, rule=f"ethnic:{actor.rule}")
        return actor

    def _located(self, head: Token) -> tuple[str, str] | None:
        """The state of a noun's locative phrase and the rule: ``agent+place``, or
        ``agent+place:sentence-country`` when a capital's name is read as the same city
        name in the state the sentence names ("students in Kingston, the Canadian port")."""
        country = self._locative_country(head)
        if country is None:
            return None
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                for pobj in child.children:
                    mention = self._by_token.get(pobj.i)
                    if mention is not None and mention.phrase.entry.kind == "state":
                        city = self._city_state(mention)
                        if city != country:
                            return city, "agent+place:sentence-country"
        return country, "agent+place"

    def _locative_country(self, head: Token) -> str | None:
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
                    if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                        place = self._place_of(prep)
                        if place is not None:
                            return place.phrase.entry.code
        return None

    def _leader_country(self, head: Token) -> str | None:
        """Return the state of whoever leads a group named by a role noun: "the coalition
        government led by <Italy's prime minister>", "forces headed by Nigeria"."""
        table = self._table
        for acl in table.children(head.i):
            if table.dep[acl] != _ACL or table.lemma[acl] not in _LEADING_IDS:
                continue
            for agent in table.children(acl):
                if table.dep[agent] != _AGENT:
                    continue
                for pobj in table.children(agent):
                    if table.dep[pobj] != _POBJ:
                        continue
                    for actor in self.resolve(self.doc[pobj]):
                        country = actor.code[:3]
                        if country in self._states:
                            return country
        return None

    def _city_state(self, mention: Mention) -> str:
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

    def _fled_country(self, head: Token) -> str | None:
        """Return the state that people flee, by a participle or relative clause of flight:
        "refugees fleeing Syria", "civilians who fled the fighting in Mali", "people
        escaping from Haiti"."""
        for verb in head.children:
            if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in _FLEE_LEMMAS:
                continue
            for child in verb.children:
                if child.dep_ == "dobj":
                    country = self._state_at(child) or self._locative_country(child)
                elif child.dep_ == "prep" and child.lower_ in ("from", "in"):
                    # "in": the parse often hangs "the war in X" on the verb
                    place = self._place_of(child)
                    country = place.phrase.entry.code if place is not None else None
                else:
                    continue
                if country is not None:
                    return country
        return None

    def _state_at(self, token: Token) -> str | None:
        """The state a token names (by name or capital), or None."""
        mention = self._by_token.get(token.i)
        if mention is not None and mention.phrase.entry.kind == "state":
            return mention.phrase.entry.code
        return None

    def _person_country(self, mention: Mention) -> str | None:
        """Return the country code of a dictionary person on the resolution date."""
        entry = mention.phrase.entry
        role = entry.role_on(self.date)
        if role is not None and role.code[:3].isalpha() and role.code[:3] in self._states:
            return role.code[:3]
        return entry.country

    @property
    def state_codes(self) -> frozenset[str]:
        """The codes of all states in the dictionary."""
        return self._states

    def state_name(self, code: str) -> str:
        """Return the dictionary name of a state or organization code (or the code)."""
        return self._state_name(code)

    def _state_name(self, code: str) -> str:
        entry = self._dictionary.entries.get(code)
        return entry.name if entry is not None else code

    def _known_person(
        self,
        segment: list[Token],
        mention: Mention,
        found: _Found,
        agent: tuple[AgentEntry, int] | None,
    ) -> Actor | None:
        """A person in the dictionary: the role valid on the date decides.

        With no valid role, the text's own country and title ("Kazakh President X") decide;
        failing that the person's country; never a government the person no longer leads.
        """
        entry = mention.phrase.entry
        if found.org is not None and found.org.phrase.entry.code.startswith(("IGO", "NGO")):
            # "Kenzo Oshima, the United Nations relief coordinator": the text's own
            # organization is the role the person acts in
            return self._named(segment, found.org, None, rule="person+organization")
        role = entry.role_on(self.date)
        if found.state is not None:
            known = role.code[:3] if role is not None else entry.country
            if known in self._states and known != found.state.phrase.entry.code:
                # "King Hassan of Morocco" is not Jordan's Hassan: a state the text names
                # beside the name, and which is not the person's, means someone else
                return self._named(segment, found.state, agent, rule="person+text-country")
        if role is not None:
            title = f" ({role.title})" if role.title else ""
            return self._actor(
                segment, role.code, f"{entry.name}{title}", entry.entry, "person-role"
            )
        named = found.org or found.state
        if named is not None:
            return self._named(segment, named, agent, rule="person-no-role+text")
        if entry.country:
            country = self._dictionary.entries.get(entry.country)
            return self._actor(
                segment,
                entry.country,
                country.name if country else entry.name,
                entry.entry,
                "person-no-role",
            )
        return None

    def _person(
        self, segment: list[Token], found: _Found, agent: tuple[AgentEntry, int] | None
    ) -> Actor | None:
        assert found.name is not None
        start, end = found.name
        full = self.doc[start:end].text
        last = self.doc[end - 1].text
        named = found.org or found.state
        if named is not None:
            return self._named(segment, named, agent, rule="person+" + _rule_part(agent))
        remembered = self.memory.get(full) or self.memory.get(last)
        if remembered is not None:
            return self._actor(
                segment, remembered.code, remembered.name, remembered.entry, "earlier-mention"
            )
        if agent is not None:
            return self._actor(
                segment,
                f"{UNKNOWN_COUNTRY}{agent[0].code}",
                SECTOR_NAMES.get(agent[0].code, agent[0].code),
                agent[0].entry,
                "person+title",
            )
        return None

    def _named(
        self,
        segment: list[Token],
        mention: Mention,
        agent: tuple[AgentEntry, int] | None,
        rule: str,
    ) -> Actor:
        entry: NamedEntry = mention.phrase.entry
        if entry.kind == "org":
            return self._actor(segment, entry.code, entry.name, entry.entry, rule)
        sector = agent[0].code if agent is not None else None
        source = entry.entry
        if sector is None and mention.phrase.form == "capital":
            sector = "GOV"
        if agent is not None:
            source = f"{source}+{agent[0].entry}"
        if sector is None:
            return self._actor(segment, entry.code, entry.name, source, rule)
        return self._actor(
            segment,
            entry.code + sector,
            f"{entry.name} {SECTOR_NAMES.get(sector, sector)}",
            source,
            rule,
        )

    def _actor(self, segment: list[Token], code: str, name: str, entry: str, rule: str) -> Actor:
        first, last = _trim(segment)
        return Actor(
            code=code,
            name=name,
            text=self.char_span_text(first.idx, last.idx + len(last)),
            start=first.idx,
            end=last.idx + len(last),
            entry=entry,
            rule=rule,
        )


def _opposed(
    doc: Doc, table: TokenTable, mention: Mention, agents: dict[tuple[str, ...], AgentEntry]
) -> bool:
    """Whether a name is the object of an "anti-" prefix: "an anti-Syria journalist" is
    against Syria, not Syria's, so the name does not say whose the journalist is. Armed
    fighters against a state are coded as that state's insurgents ("anti-Pakistan
    militants"): for them the name stays."""
    start, lowers = mention.start, table.lower
    before = lowers[start - 1] if start > 0 else None
    if before != _ANTI_HYPHEN and not (
        before == _HYPHEN and start > 1 and lowers[start - 2] == _ANTI
    ):
        return False
    head = doc[mention.end - 1].head
    entry = agents.get((head.lemma_.lower(),)) or agents.get((head.lower_,))
    return entry is None or entry.code not in _ARMED_SECTORS


def _is_doer(head: Token) -> bool:
    """Whether a noun phrase is a clause's doer: a subject or a "by" phrase (or their
    conjunct)."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "by")


def _in_time(
    doc: Doc, mentions: list[Mention], dictionary: ActorDictionary, date: str | None
) -> list[Mention]:
    """Read the names of former states for the story's date.

    "Soviet troops" in a 1987 story are the Soviet Union's (``SUN``); after its end, or in
    a story without a date, the names take the successor's code (``RUS``), as coders of
    undated text do. "Former Soviet republics" names no actor: the mention is dropped.
    """
    kept: list[Mention] = []
    for mention in mentions:
        entry = mention.phrase.entry
        if entry.in_time(date):
            kept.append(mention)
            continue
        if mention.start > 0 and doc[mention.start - 1].lower_ in _FORMER_WORDS:
            continue
        successor = dictionary.entries.get(entry.successor or "")
        if successor is None:
            kept.append(mention)
            continue
        kept.append(replace(mention, phrase=Phrase(successor, mention.phrase.form)))
    return kept


def _kind(actor: Actor) -> str:
    """Classify a coded actor for back-reference: person, state, org or group."""
    if actor.rule.startswith(("person", "earlier-mention")):
        return "person"
    code = actor.code
    if code.startswith(("IGO", "NGO")):
        return "org"
    if len(code) == 3 and code.isalpha():
        return "state"
    return "group"


def _refer(antecedent: Actor, text: str, start: int, rule: str) -> Actor:
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


def _rule_part(agent: tuple[AgentEntry, int] | None) -> str:
    return "title+country" if agent is not None else "country"


def _split_conjuncts(tokens: list[Token], head: Token) -> list[list[Token]]:
    """Cut an ordered noun phrase at coordinating conjunctions and list commas."""
    inside = {t.i for t in tokens}
    segments: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        if token.dep_ == "cc" or (
            token.text in {",", ";"}
            and index + 1 < len(tokens)
            and _starts_conjunct(tokens[index + 1], inside, head)
        ):
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].append(token)
    return [s for s in segments if s]


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


def _is_bare_modifier(segment: list[Token], found: _Found) -> bool:
    """Return whether a conjunct is only an adjective waiting for a shared noun."""
    return (
        found.agent is None
        and found.name is None
        and all(
            t.pos_ in ("ADJ", "PROPN", "DET") or t.dep_ in ("amod", "compound") for t in segment
        )
        and found.top is not None
        and found.top.dep_ in ("amod", "compound", "conj")
        and (found.state is not None or found.org is not None)
        and all(m.phrase.form == "adjective" for m in (found.state, found.org) if m is not None)
    )


_PERSON_PRONOUNS = words("person_pronouns")
_REPORTED_PRONOUNS = words("reported_pronouns")
_SPEECH_LEMMAS = words("speech_lemmas")
_FIRST_PERSON = words("first_person")
_THING_PRONOUNS = words("thing_pronouns")
# Nouns that stand for the state or organization that modifies them ("the Taliban
# faction", "the Azerbaijani republic", "the Hamas leadership").
_GROUP_NOUNS = words("group_nouns")
# Members of an organization named by its modifier ("NATO allies", "EU member states").
_MEMBER_NOUNS = words("member_nouns")
# Operations named as doers: "a Pakistani military operation killed 30 militants", "an
# Israeli air strike hit a school"; the state (and role noun) modifying them acts.
_OPERATION_NOUNS = words("operation_nouns")
_STRIKE_KINDS = words("strike_kinds")
# Heads whose "of" phrase is the actor: "thousands of Kurds", "members of the opposition".
_PARTITIVES = words("partitives")
# "leaders of the opposition coalition", "heads of the rebel factions": plural leaders of a
# group are that group acting
_LEADER_HEADS = words("leader_heads")
_LOCATIVE_PREPS = words("locative_preps")
# Where a thing is: "its embassy in Syria", "the situation in Darfur".
_PLACE_PREPS = words("place_preps")
# Nouns of a place, whose state modifier says where a city of an ambiguous name lies.
_PLACE_NOUNS = words("place_nouns")
# People who flee a place are of it ("refugees fleeing Syria"); not troops, who retreat.
_FLEEING_SECTORS = frozenset({"REF", "CVL"})
_FLEE_LEMMAS = words("flee_lemmas")
# Participles that seat an organization in a place ("a newspaper based in Beirut").
_SEATED_LEMMAS = words("seated_lemmas")
# Where an ethnic group lives: "ethnic Albanians in Serbia", "the Albanians of Serbia".
_ETHNIC_PLACE_PREPS = words("ethnic_place_preps")
_DEMONYM_PLACE_PREPS = words("demonym_place_preps")
# Phrases of an event noun that name whom the event is aimed at ("a war against Iraq").
_ATTACHED_TARGET_PREPS = words("attached_target_preps")
# Prepositions of time, cause and concession: their phrases set the scene of an event.
_ADVERBIAL_PREPS = words("adverbial_preps")
# Nouns whose "from" phrase names who made them ("an offer from X"), so their rejection or
# acceptance is aimed at that one.
_PROPOSAL_NOUNS = words("agent_from_nouns")
_COUNTRY_NOUNS = words("country_nouns")
_DASHES = words("dashes")


def _trim(segment: list[Token]) -> tuple[Token, Token]:
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
