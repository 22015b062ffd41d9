"""Resolving the noun phrase in a clause slot to coded actors, within one document.

The statistical NER label is not trusted: the dictionary and the parse decide. A slot's noun
phrase is first cut into conjuncts ("Kazakh and Finnish officials", "the U.S. and Britain"),
then each conjunct is read flat, which is robust to the small model's frequent misparses of
long titles ("Finland's Minister of Foreign Affairs, Elina Valtonen").

:class:`DocumentActors` runs the jobs in order: the phrase reader (``_phrases``) cuts and
reads a phrase; pronouns and definite descriptions (``_pronouns``) refer back through the
document memory (``_memory``: names seen, what was named before an offset); the decision is
the ordered rule table of ``_rules``; geography lookups (``_geography``, with the same-name
city lookup passed in) place people and phrases; the quotation index comes from ``quotes``
(the resolver keeps its speakers, resolved once).
Reads: the parsed Doc, the dictionary mentions, the actor dictionary, the story date.
Writes: Actors (with the rule that decided each).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dragoman.actors._dictionary import (
    SECTOR_NAMES,
    ActorDictionary,
    AgentEntry,
    NamedEntry,
    Phrase,
)
from dragoman.actors._geography import PLACE_PREPS, Geography
from dragoman.actors._memory import DocumentMemory
from dragoman.actors._mentions import Mention
from dragoman.actors._phrases import (
    MODIFIER_DEPS,
    NAME_POS,
    Found,
    PhraseReader,
    is_bare_modifier,
    split_conjuncts,
    trim,
)
from dragoman.actors._pronouns import description, pronoun
from dragoman.actors._rules import UNKNOWN_COUNTRY, decide
from dragoman.lexicon import words
from dragoman.pipeline import TokenTable
from dragoman.quotes import QuoteIndex
from dragoman.records import Actor

__all__ = ["UNKNOWN_COUNTRY", "DocumentActors"]

# sectors of armed non-state fighters: "anti-X militants" are X's insurgents
_ARMED_SECTORS = frozenset({"REB", "INS", "UAF"})


# "the former Soviet republics", "ex-Yugoslav": a former state named as a past, not an actor
_FORMER_WORDS = words("former_words")


_ANTI, _HYPHEN, _ANTI_HYPHEN = (get_string_id(word) for word in ("anti", "-", "anti-"))


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
        self.dictionary = dictionary
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
        self.reader = PhraseReader(
            doc, self._table, self._by_token, self._agents, self._max_agent, self._agent_firsts
        )
        self.geography = Geography(doc, self._by_token, self._states, date, city_country)
        self.mentions: tuple[Mention, ...] = tuple(mentions)  # in text order
        # names learnt, and what the text has named so far (pronouns, descriptions)
        self.memory = DocumentMemory(
            doc,
            [m for m in mentions if m.phrase.form in ("name", "capital")],
            date,
            self._mention_actor,
            self._by_token,
            self._table,
        )
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
            # "she and the minister urged": the pronoun, then each coordinated phrase
            referred = list(pronoun(self, head))
            for conj in head.conjuncts:
                if conj.i > head.i:
                    referred += [a for a in self.resolve(conj) if a not in referred]
            return referred
        if head.lemma_.lower() in _PARTITIVES or head.lemma_.lower() in _LEADER_HEADS:
            # "thousands of Iraqi Kurds", "members of the opposition", "a group of rebels":
            # the actor is what the quantity or part is of; "the head of Doctors Without
            # Borders", "leaders of the rebel factions": what they lead
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            whole = self.resolve(pobj)
                            if whole:
                                return whole
        tokens = self.reader.phrase_tokens(head)
        segments = split_conjuncts(tokens, head)
        actors: list[Actor] = []
        pending: list[list[Token]] = []  # bare adjectives waiting for a shared head noun
        for segment in segments:
            found = self.reader.scan(segment)
            if is_bare_modifier(segment, found):
                pending.append(segment)
                continue
            actor = self._decide(segment, found, head)
            if actor is None:
                pending.clear()
                continue
            for waiting in pending:
                borrowed = self._decide(waiting, self.reader.scan(waiting), head, agent=found.agent)
                if borrowed is not None:
                    actors.append(borrowed)
            pending.clear()
            actors.append(actor)
        for waiting in pending:  # "the U.S. and British" - no shared noun: read them alone
            actor = self._decide(waiting, self.reader.scan(waiting), head)
            if actor is not None:
                actors.append(actor)
        for actor in actors:
            if not actor.rule.startswith(("pronoun", "description")):
                self.memory.add(actor)
        return actors

    # -- pronouns and definite descriptions (``_pronouns``, ``_memory``) ---------------

    def antecedent(
        self,
        before: int,
        kinds: tuple[str, ...],
        accept: Callable[[str], bool] | None = None,
        *,
        owners: bool = False,
    ) -> Actor | None:
        """Return the most recent actor of one of ``kinds`` named before a character offset
        (:meth:`DocumentMemory.antecedent`)."""
        return self.memory.antecedent(before, kinds, accept, owners=owners)

    def description(
        self, segment: list[Token], top: Token, agent: AgentEntry | None
    ) -> Actor | None:
        """Resolve "the organization", "the country", "the president" to an earlier actor
        (:func:`_pronouns.description`)."""
        return description(self, segment, top, agent)

    def _mention_actor(self, mention: Mention) -> Actor:
        segment = list(self.doc[mention.start : mention.end])
        entry = mention.phrase.entry
        if entry.kind == "person":
            # the person as the text describes them: "King Hassan of Morocco" is Morocco's
            # king, not the dictionary's other Hassan, for a later "he" too
            head = self.doc[mention.end - 1]
            if head.dep_ not in MODIFIER_DEPS and head.pos_ in NAME_POS:
                actors = self.resolve(head)
                if len(actors) == 1:
                    return actors[0]
            role = entry.role_on(self.date)
            code = role.code if role else (entry.country or "")
            return self.make_actor(segment, code, entry.name, entry.entry, "person-role")
        return self.named_actor(segment, mention, None, rule=mention.phrase.form)

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
                if actors and not (child.pos_ == "PRON" and self._subject_own(head, actors)):
                    return actors
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod"):
                mention = self._by_token.get(child.i)
                if mention is not None and mention.phrase.entry.kind in ("state", "org"):
                    segment = self.doc[mention.start : mention.end]
                    return [self.named_actor(list(segment), mention, None, rule="modifier")]
        for child in head.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i not in self._by_token:
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
                        return [self.named_actor(owner, mention, None, rule="modifier-of-modifier")]
        return []

    def _subject_own(self, noun: Token, owners: list[Actor]) -> bool:
        """Whether a possessive pronoun's actors are the subject of the verb its noun
        belongs to: "Chile recalled its ambassador", "the students continued their strike"
        name the subject's own thing, not another party."""
        verb = noun
        while (
            verb.pos_ not in ("VERB", "AUX")
            and verb.dep_ in ("dobj", "pobj", "prep", "conj", "appos")
            and verb.head.i != verb.i
        ):
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects and verb.dep_ == "xcomp":
            # "prompting France to recall its ambassador": the object of the verb that
            # governs an infinitive is its subject (or that verb's own subject)
            subjects = [c for c in verb.head.children if c.dep_ in ("dobj", "nsubj")]
        codes = {a.code for a in owners}
        return any(codes & {a.code for a in self.resolve(c)} for c in subjects)

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
                if word == "by" or (word == "from" and current.lemma_.lower() in _AGENT_FROM_NOUNS):
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
                elif word in PLACE_PREPS and place is None:
                    place = self.geography.place_of(child)
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
        return [self.make_actor(segment, entry.code, entry.name, entry.entry, "place-of-object")]

    def _first(self, prep: Token) -> list[Actor]:
        """Return the actors named by the first object of a preposition that names any."""
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                actors = self.resolve(pobj)
                if actors:
                    return actors
        return []

    # -- phrase and conjunct analysis -------------------------------------------------

    # -- decisions ----------------------------------------------------------------------

    def _decide(
        self,
        segment: list[Token],
        found: Found,
        head: Token,
        agent: tuple[AgentEntry, int] | None = None,
    ) -> Actor | None:
        actor = decide(self, segment, found, agent)
        if actor is not None and found.state is not None:
            actor = self._ethnic(segment, found.state, actor)
        if (
            actor is not None
            and found.name is not None
            and actor.rule != "earlier-mention"
            and not actor.code.startswith(UNKNOWN_COUNTRY)
        ):
            start, end = found.name
            self.memory.names[self.doc[start:end].text] = actor
            self.memory.names[self.doc[end - 1].text] = actor
        elif (
            actor is not None
            and found.person is not None
            and found.person.end - found.person.start > 1
            and not actor.code.startswith(UNKNOWN_COUNTRY)
        ):
            # a dictionary person named in full: a later lone surname is that person
            # ("Russell said" after "Catherine Russell, UNICEF's executive director")
            self.memory.names.setdefault(self.doc[found.person.end - 1].text, actor)
        return actor

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
        top = self.reader.segment_head(segment)
        for child in top.children:
            if child.dep_ != "prep" or child.lower_ not in (
                _ETHNIC_PLACE_PREPS if ethnic else _DEMONYM_PLACE_PREPS
            ):
                continue
            place = self.geography.place_of(child)
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

    def mention_at(self, index: int) -> Mention | None:
        """Return the dictionary mention covering token ``index``, or None."""
        return self._by_token.get(index)

    @property
    def table(self) -> TokenTable:
        """The Doc's token attributes."""
        return self._table

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

    def known_person(
        self,
        segment: list[Token],
        mention: Mention,
        found: Found,
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
            return self.named_actor(segment, found.org, None, rule="person+organization")
        role = entry.role_on(self.date)
        if found.state is not None:
            known = role.code[:3] if role is not None else entry.country
            if known in self._states and known != found.state.phrase.entry.code:
                # "King Hassan of Morocco" is not Jordan's Hassan: a state the text names
                # beside the name, and which is not the person's, means someone else
                return self.named_actor(segment, found.state, agent, rule="person+text-country")
        if role is not None:
            title = f" ({role.title})" if role.title else ""
            return self.make_actor(
                segment, role.code, f"{entry.name}{title}", entry.entry, "person-role"
            )
        named = found.org or found.state
        if named is not None:
            return self.named_actor(segment, named, agent, rule="person-no-role+text")
        if entry.country:
            country = self._dictionary.entries.get(entry.country)
            return self.make_actor(
                segment,
                entry.country,
                country.name if country else entry.name,
                entry.entry,
                "person-no-role",
            )
        return None

    def person_actor(
        self, segment: list[Token], found: Found, agent: tuple[AgentEntry, int] | None
    ) -> Actor | None:
        assert found.name is not None
        start, end = found.name
        full = self.doc[start:end].text
        last = self.doc[end - 1].text
        named = found.org or found.state
        if named is not None and named.phrase.form == "capital" and named.start >= end:
            # "Jane Roe, owner of Beijing-based Acme": a city after the name places a
            # firm or a school, not the person's nationality
            named = None
        if named is not None:
            if agent is None and self.doc[end - 1].tag_ == "NNPS":
                # "Syrian Kurds", "Afghan Pashtuns": a people of the state, not a person
                return self.named_actor(segment, named, None, rule="adjective+plural")
            return self.named_actor(segment, named, agent, rule="person+" + _rule_part(agent))
        remembered = (
            self.memory.names.get(full)
            or self.memory.names.get(last)
            or self.memory.family_name(full, start)
        )
        if remembered is None and end - start == 1 and agent is None:
            remembered = self._introduced(self.doc[start])
        if remembered is not None:
            return self.make_actor(
                segment, remembered.code, remembered.name, remembered.entry, "earlier-mention"
            )
        if agent is not None:
            if self._officer_elsewhere([c for t in segment for c in t.children]):
                return None  # "vice president at the Carnegie Endowment": not a state's
            return self.make_actor(
                segment,
                f"{UNKNOWN_COUNTRY}{agent[0].code}",
                SECTOR_NAMES.get(agent[0].code, agent[0].code),
                agent[0].entry,
                "person+title",
            )
        return None

    def _introduced(self, surname: Token) -> Actor | None:
        """The person a lone surname names, introduced earlier in the document by a full
        name with a role the dictionary does not know ("Arnel Joseph, the leader of a gang",
        "prosecutor Jane Roe"): the actor of the latest such phrase that names one, even of
        no known country; None when none does, or when it is only a government title of
        no country ("President Jane Roe": which state's the text may say elsewhere, and the
        story's country would place every later mention)."""
        for introduced in self.memory.introductions(surname):
            # the latest full name that names someone ("Who is Arnel Joseph?" names no one)
            actors = self.resolve(introduced)
            if len(actors) == 1 and actors[0].rule.startswith("person"):
                return None if actors[0].code == UNKNOWN_COUNTRY + "GOV" else actors[0]
        return None

    def _officer_elsewhere(self, segment: list[Token]) -> bool:
        """Whether a titled person's title is held at an organization rather than in a
        state's service ("vice president at the Carnegie Endowment", "director at Acme
        Corp"): not a state official (the organization, if any, acts for itself)."""
        return any(
            t.lower_ == "at"
            and t.dep_ == "prep"
            and any(
                c.dep_ == "pobj"
                and c.text[:1].isupper()
                and (c.i not in self._by_token or self._by_token[c.i].phrase.entry.kind == "org")
                for c in t.children
            )
            for t in segment
        )

    def named_actor(
        self,
        segment: list[Token],
        mention: Mention,
        agent: tuple[AgentEntry, int] | None,
        rule: str,
    ) -> Actor:
        entry: NamedEntry = mention.phrase.entry
        if entry.kind == "org":
            return self.make_actor(segment, entry.code, entry.name, entry.entry, rule)
        sector = agent[0].code if agent is not None else None
        source = entry.entry
        if sector is None and mention.phrase.form == "capital":
            sector = "GOV"
        if agent is not None:
            source = f"{source}+{agent[0].entry}"
        if sector is None:
            return self.make_actor(segment, entry.code, entry.name, source, rule)
        return self.make_actor(
            segment,
            entry.code + sector,
            f"{entry.name} {SECTOR_NAMES.get(sector, sector)}",
            source,
            rule,
        )

    def make_actor(
        self, segment: list[Token], code: str, name: str, entry: str, rule: str
    ) -> Actor:
        """Return an actor read from ``segment`` (its text and offsets) with the given code."""
        first, last = trim(segment)
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


def _rule_part(agent: tuple[AgentEntry, int] | None) -> str:
    return "title+country" if agent is not None else "country"


# Heads whose "of" phrase is the actor: "thousands of Kurds", "members of the opposition".
_PARTITIVES = words("partitives")


# "leaders of the opposition coalition", "the head of the UN refugee agency": leaders of a
# group are that group acting
_LEADER_HEADS = words("leader_heads")


# Where an ethnic group lives: "ethnic Albanians in Serbia", "the Albanians of Serbia".
_ETHNIC_PLACE_PREPS = words("ethnic_place_preps")


_DEMONYM_PLACE_PREPS = words("demonym_place_preps")


# Phrases of an event noun that name whom the event is aimed at ("a war against Iraq").
_ATTACHED_TARGET_PREPS = words("attached_target_preps")


# Prepositions of time, cause and concession: their phrases set the scene of an event.
_ADVERBIAL_PREPS = words("adverbial_preps")


# Nouns whose "from" phrase names who made them ("an offer from X"), so their rejection or
# acceptance is aimed at that one.
_AGENT_FROM_NOUNS = words("agent_from_nouns")
