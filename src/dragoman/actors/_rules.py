"""Actor rules: what one conjunct of a noun phrase names, decided by an ordered table.

Reads: a :class:`Slot` (the conjunct's tokens, what the phrase reader found in it, its head,
the dictionary mention at the head, the agent noun) and the document's resolver (its
memory, geography lookups and actor builders). Writes: an Actor, or None.

:data:`RULES` is tried in order and the first rule that returns an actor decides; when a
role noun heads the conjunct ("the government", "Iraqi troops"), :data:`AGENT_RULES` are
tried the same way to find whose role it is, ending with ``agent-only`` (a role of no known
country). Each rule writes the name users see in ``Actor.rule``; docs/rules.md explains
them. To add a rule: write a function ``(resolver, slot) -> Actor | None`` and put it in
the table where it should win over the rules after it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.strings import get_string_id
from spacy.tokens import Token

from dragoman.actors._dictionary import SECTOR_NAMES, AgentEntry
from dragoman.actors._mentions import Mention
from dragoman.actors._phrases import Found
from dragoman.lexicon import words
from dragoman.places import Feature, load_gazetteer
from dragoman.records import Actor

if TYPE_CHECKING:
    from dragoman.actors._resolve import DocumentActors

__all__ = ["AGENT_RULES", "NOBODY", "RULES", "UNKNOWN_COUNTRY", "Slot", "decide", "is_doer"]

#: Prefix of an agent whose country is not known (PETRARCH's convention).
UNKNOWN_COUNTRY = "---"

# Nouns that stand for the state or organization that modifies them ("the Taliban
# faction", "the Azerbaijani republic", "the Hamas leadership").
_GROUP_NOUNS = words("group_nouns")
# Members of an organization named by its modifier ("NATO allies", "EU member states").
_MEMBER_NOUNS = words("member_nouns")
# Operations named as doers: "a Pakistani military operation killed 30 militants", "an
# Israeli air strike hit a school"; the state (and role noun) modifying them acts.
_OPERATION_NOUNS = words("operation_nouns")
_STRIKE_KINDS = words("strike_kinds")
_THING_PRONOUNS = words("thing_pronouns")
# People who flee a place are of it ("refugees fleeing Syria"); not troops, who retreat.
_FLEEING_SECTORS = frozenset({"REF", "CVL"})
_ACL, _AGENT, _POBJ = (get_string_id(dep) for dep in ("acl", "agent", "pobj"))
# participles whose by-phrase names who leads a group ("forces led by X")
_LEADING_IDS = frozenset(get_string_id(lemma) for lemma in words("leading_participles"))


@dataclass(slots=True)  # not frozen: built once per conjunct, on the hot path
class Slot:
    """One conjunct of a slot's noun phrase, as the rules see it (read-only by convention)."""

    segment: list[Token]  # the conjunct's tokens
    found: Found  # what the phrase reader found in it
    top: Token  # its head
    mention: Mention | None  # the dictionary mention at the head
    agent: tuple[AgentEntry, int] | None  # the role noun and its token index, as found
    # the role noun the agent rules read: a group noun after a role noun names the actor
    # ("the opposition coalition", "a rebel group")
    role: tuple[AgentEntry, int] | None

    @property
    def named(self) -> Mention | None:
        """The organization, else the state, named in the conjunct."""
        return self.found.org or self.found.state


class _Nobody(enum.Enum):
    NOBODY = "nobody"


#: A rule's decision that the conjunct names no actor: no later rule is tried.
NOBODY = _Nobody.NOBODY
Decision = Actor | _Nobody
#: A rule: a decision, or None when it does not apply (the next rule is tried).
Rule = Callable[["DocumentActors", Slot], Decision | None]


def decide(
    resolver: DocumentActors,
    segment: list[Token],
    found: Found,
    agent: tuple[AgentEntry, int] | None,
) -> Actor | None:
    """Return the actor a conjunct names: the first rule of :data:`RULES` that decides."""
    agent = found.agent or agent
    top = found.top if found.top is not None else resolver.reader.segment_head(segment)
    mention = resolver.mention_at(top.i)
    role = agent
    if (
        agent is not None
        and agent[1] < top.i
        and top.lemma_.lower() in _GROUP_NOUNS
        and mention is None
    ):
        role = (agent[0], top.i)
    slot = Slot(segment, found, top, mention, agent, role)
    for rule in RULES:
        decision = rule(resolver, slot)
        if decision is not None:
            return None if decision is NOBODY else decision
    return None


# --- the rules, in the order of RULES


def known_person(r: DocumentActors, s: Slot) -> Decision | None:
    """A person in the dictionary: the role valid on the date decides (person-role, ...);
    with none that the text or the dictionary gives, nobody."""
    if s.mention is None or s.mention.phrase.entry.kind != "person":
        return None
    return r.known_person(s.segment, s.mention, s.found, s.agent) or NOBODY


def named_mention(r: DocumentActors, s: Slot) -> Actor | None:
    """A state, capital or organization named at the head: rule ``name``, ``capital``, ..."""
    if s.mention is None or s.mention.phrase.form == "adjective":
        return None
    return r.named_actor(s.segment, s.mention, s.found.agent, rule=s.mention.phrase.form)


def person_name(r: DocumentActors, s: Slot) -> Decision | None:
    """A person's name not in the dictionary: the text's country, an earlier mention, a
    title (person+..., earlier-mention, person+title); else nobody."""
    name = s.found.name
    if name is None or not (name[0] <= s.top.i < name[1]):
        return None
    return r.person_actor(s.segment, s.found, s.agent) or NOBODY


def role_noun(r: DocumentActors, s: Slot) -> Decision | None:
    """A role noun heads the conjunct, or modifies a named head: whose role, by
    :data:`AGENT_RULES`."""
    if s.role is None or not (s.role[1] == s.top.i or s.mention is not None):
        return None
    for rule in AGENT_RULES:
        decision = rule(r, s)
        if decision is not None:
            return decision
    return NOBODY


def adjective(r: DocumentActors, s: Slot) -> Actor | None:
    """A bare adjective used as a noun: "the Kazakh said" (rule ``adjective``)."""
    if s.mention is None:
        return None
    return r.named_actor(s.segment, s.mention, None, rule="adjective")


# Nouns for states ("country", "nation", "state"): a state adjective with their plural
# names a region's states.
_COUNTRY_NOUNS = words("country_nouns")


def adjective_plural(r: DocumentActors, s: Slot) -> Decision | None:
    """People (or arms) of a state named by its adjective: "Palestinian prisoners rioted",
    "Iraqi Kurds demonstrated" (rule ``adjective+plural``)."""
    state = s.found.state
    if (
        state is not None
        and state.phrase.form in ("adjective", "name")
        and s.top.tag_ in ("NNS", "NNPS")
        and state.start < s.top.i
    ):
        if s.top.lemma_.lower() in _COUNTRY_NOUNS and state.phrase.form == "adjective":
            return NOBODY  # "Central African states", "Arab nations": a region's, not one state
        return r.named_actor(s.segment, state, None, rule="adjective+plural")
    return None


def operation(r: DocumentActors, s: Slot) -> Actor | None:
    """A military operation as the doer: "a Pakistani military operation killed", "an
    Israeli air strike hit": the operation's modifier (and its role noun) acts."""
    if not _is_operation(s.top):
        return None
    named, role = s.named, s.role
    if named is not None and named.start < s.top.i:
        return r.named_actor(s.segment, named, role, rule="operation")
    if role is not None and role[1] < s.top.i:
        return r.make_actor(
            s.segment,
            f"{UNKNOWN_COUNTRY}{role[0].code}",
            SECTOR_NAMES.get(role[0].code, role[0].code),
            role[0].entry,
            "operation",
        )
    return None


def organization_plural(r: DocumentActors, s: Slot) -> Actor | None:
    """An organization's things or people act: "U.N. helicopters", "NATO jets"."""
    org = s.found.org
    if (
        org is not None
        and s.top.tag_ in ("NNS", "NNPS")
        and org.end <= s.top.i
        and s.mention is None
    ):
        return r.named_actor(s.segment, org, None, rule="organization+plural")
    return None


def common_noun(r: DocumentActors, s: Slot) -> Actor | None:
    """A common noun head: a group noun's named modifier ("the Taliban faction", rule
    ``modifier``), an organization's members ("NATO allies", ``members``; not "Iran's
    allies", who are other states), else a definite description of an earlier actor."""
    top = s.top
    if top.pos_ != "NOUN":
        return None
    named = s.named
    if (
        top.lemma_.lower() in _SIDE_NOUNS
        and named is not None
        and top.tag_ == "NN"
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in top.children)
    ):
        # "the Chinese side proposed": a state's side in talks is its government (an
        # organization's is the organization); "the Syrian side of the border" is a place
        government = r.dictionary.agents.get(("government",))
        role = (government, top.i) if government is not None else None
        return r.named_actor(s.segment, named, role, rule="side")
    if named is not None and top.lemma_.lower() in _GROUP_NOUNS:
        return r.named_actor(s.segment, named, None, rule="modifier")
    org = s.found.org
    if (
        org is not None
        and top.lemma_.lower() in _MEMBER_NOUNS
        and r.doc[org.end - 1].dep_ != "poss"
    ):
        return r.named_actor(s.segment, org, None, rule="members")
    return r.description(s.segment, top, None)


# Nouns for a party to talks or a dispute: "the Chinese side" is China's government.
_SIDE_NOUNS = words("side_nouns")


#: The order in which a conjunct's actor is decided; the first that returns one wins.
RULES: tuple[Rule, ...] = (
    known_person,
    named_mention,
    person_name,
    role_noun,
    adjective,
    adjective_plural,
    operation,
    organization_plural,
    common_noun,
)


# --- whose role a role noun is, in the order of AGENT_RULES (``s.role`` is set)


def _role(s: Slot) -> AgentEntry:
    assert s.role is not None
    return s.role[0]


def _state_role(r: DocumentActors, s: Slot, country: str, entry: str, rule: str) -> Actor:
    role = _role(s)
    return r.make_actor(
        s.segment,
        country + role.code,
        f"{r.state_name(country)} {SECTOR_NAMES.get(role.code, '')}",
        entry,
        rule,
    )


def role_of_named(r: DocumentActors, s: Slot) -> Actor | None:
    """The state or organization the phrase names: "Iraqi troops" (rule ``agent``)."""
    if s.named is None:
        return None
    return r.named_actor(s.segment, s.named, s.role, rule="agent")


def role_of_person(r: DocumentActors, s: Slot) -> Actor | None:
    """A person's country: "the Bush administration", "Putin's government" (rule
    ``person+agent``)."""
    person = s.found.person
    if person is None:
        return None
    country = r.geography.person_country(person)
    if country is None:
        return None
    entry = f"{person.phrase.entry.entry}+{_role(s).entry}"
    return _state_role(r, s, country, entry, "person+agent")


def role_of_surname(r: DocumentActors, s: Slot) -> Actor | None:
    """A government named by its leader's surname alone: "the Reagan administration",
    "the Smith government". The dictionary's "<Surname> Administration" person alias
    decides; otherwise the surname must name no one else in the dictionary's governments
    than members of one country's (rule ``surname+agent``)."""
    agent = _role(s)
    found = s.found
    if agent.code != "GOV" or found.name is None:
        return None
    start, end = found.name
    name = r.doc[end - 1]
    if end - start != 1 or name.head.i != s.top.i or name.dep_ != "compound":
        return None
    if _region_name(name.text):
        return None  # "the Sahel juntas": a region's, not a leader's (a minister Sahel)
    dictionary = r.dictionary
    titled = dictionary.phrases.get(f"{name.text} {s.top.text.title()}")
    if titled is not None and titled.entry.kind == "person":
        # the dictionary's own "Bush Administration", written in lower case
        held = titled.entry.role_on(r.date)
        country = held.code[:3] if held is not None else titled.entry.country
    else:
        country = dictionary.surname_country(name.text)
    if country is None or country not in r.state_codes:
        return None
    return _state_role(r, s, country, f"surname:{name.text}+{agent.entry}", "surname+agent")


def _region_name(word: str) -> bool:
    """Whether a capitalized word names a region of no one state in the gazetteer ("Sahel",
    "Balkans"), so a government it modifies is no leader's."""
    place = load_gazetteer().lookup(word)
    return place is not None and place.feature == Feature.REGION and place.country is None


def role_of_leader(r: DocumentActors, s: Slot) -> Actor | None:
    """The state of whoever leads the group: "the coalition government led by <Italy's
    prime minister>", "forces headed by Nigeria" (rule ``agent+leader``)."""
    table, head = r.table, s.top
    for acl in table.children(head.i):
        if table.dep[acl] != _ACL or table.lemma[acl] not in _LEADING_IDS:
            continue
        for agent in table.children(acl):
            if table.dep[agent] != _AGENT:
                continue
            for pobj in table.children(agent):
                if table.dep[pobj] != _POBJ:
                    continue
                for actor in r.resolve(r.doc[pobj]):
                    country = actor.code[:3]
                    if country in r.state_codes:
                        return _state_role(
                            r, s, country, f"states:{country}+{_role(s).entry}", "agent+leader"
                        )
    return None


def role_of_owner(r: DocumentActors, s: Slot) -> Actor | None:
    """The antecedent of a possessive pronoun before the head: "Iraq said its troops ...".

    "Its" takes the last state or organization named before it, "his"/"her" the last
    person; "their" is left alone, as "they" is. Only for a doer (a subject, a "by"
    phrase): "Iraq moved its troops" does not act on Iraq's own army. A state's or
    person's country takes the role noun's sector; an organization stays itself.
    """
    owner = _possessive_owner(r, s.segment, s.top)
    if owner is None:
        return None
    agent = _role(s)
    country = owner.code[:3]
    rule = f"possessive:{owner.text}+{agent.code}"
    if country in r.state_codes and not owner.code.startswith(("IGO", "NGO")):
        return _state_role(r, s, country, f"{owner.entry}+{agent.entry}", rule)
    return r.make_actor(s.segment, owner.code, owner.name, owner.entry, rule)


def role_of_description(r: DocumentActors, s: Slot) -> Actor | None:
    """A definite description of an actor named earlier: "the ministry" after "Russia's
    foreign ministry"."""
    return r.description(s.segment, s.top, _role(s))


def role_of_fled_country(r: DocumentActors, s: Slot) -> Actor | None:
    """People who fled a country are of it: "families fleeing the fighting in Sudan"
    (rule ``agent+fled``; refugees and civilians only)."""
    agent = _role(s)
    if agent.code not in _FLEEING_SECTORS:
        return None
    country = r.geography.fled_country(s.top)
    if country is None:
        return None
    return _state_role(r, s, country, f"states:{country}+{agent.entry}", "agent+fled")


def role_of_location(r: DocumentActors, s: Slot) -> Actor | None:
    """People of the place the phrase names: "workers in Serbia", "students throughout
    Indonesia" (the geography lookup names the rule)."""
    located = r.geography.located(s.top)
    if located is None:
        return None
    country, rule = located
    return _state_role(r, s, country, f"states:{country}+{_role(s).entry}", rule)


# Sectors of civil society whose "international" bodies are non-governmental
# organizations of no country: "international rights groups" (NGOHRI), "international
# aid groups" (NGO), "international media" (NGOMED).
_NGO_SECTORS = frozenset({"NGO", "HRI", "ENV", "MED", "HLH", "REL"})

# Role nouns of advocacy and aid organizations: with no country in their phrase they are
# non-governmental organizations ("environmental groups", "rights groups", "aid agencies").
_NGO_NOUNS = words("ngo_nouns")

# Modifiers that make a role noun international, not of the story's country.
_INTERNATIONAL_WORDS = frozenset({"international", "global", "transnational"})


def role_international(r: DocumentActors, s: Slot) -> Actor | None:
    """An international civil-society role is a non-governmental organization of no
    country (rule ``agent+international``): "international rights groups" NGOHRI; so is
    an advocacy organization the phrase gives no country (rule ``agent+ngo``, lexicon
    ``ngo_nouns``): "environmental groups accused the company" NGOENV."""
    agent = _role(s)
    if agent.code not in _NGO_SECTORS:
        return None
    if any(t.lower_ in _INTERNATIONAL_WORDS and t.i < s.top.i for t in s.segment):
        rule = "agent+international"
    elif agent.noun.lower() in _NGO_NOUNS:
        rule = "agent+ngo"
    else:
        return None
    code = "NGO" if agent.code == "NGO" else f"NGO{agent.code}"
    return r.make_actor(
        s.segment,
        code,
        SECTOR_NAMES.get(agent.code, agent.code),
        agent.entry,
        rule,
    )


def role_only(r: DocumentActors, s: Slot) -> Actor | None:
    """A role of no known country (rule ``agent-only``, code ``---`` + sector)."""
    agent = _role(s)
    return r.make_actor(
        s.segment,
        f"{UNKNOWN_COUNTRY}{agent.code}",
        SECTOR_NAMES.get(agent.code, agent.code),
        agent.entry,
        "agent-only",
    )


#: Whose role a role noun is; the first that returns an actor wins, ``role_only`` last.
AGENT_RULES: tuple[Rule, ...] = (
    role_of_named,
    role_of_person,
    role_of_surname,
    role_of_leader,
    role_of_owner,
    role_of_description,
    role_of_fled_country,
    role_of_location,
    role_international,
    role_only,
)


def _is_operation(top: Token) -> bool:
    """Whether a doer's head is a military operation ("a Pakistani military operation
    killed"); "strike" only as an air, drone or missile strike (not a general strike)."""
    lemma = top.lemma_.lower()
    if lemma not in _OPERATION_NOUNS or top.tag_ not in ("NN", "NNS") or not is_doer(top):
        return False
    return lemma != "strike" or any(
        c.dep_ == "compound" and c.lower_ in _STRIKE_KINDS for c in top.lefts
    )


def _possessive_owner(r: DocumentActors, segment: list[Token], top: Token) -> Actor | None:
    if not is_doer(top):
        return None
    for token in segment:
        if token.i >= top.i:
            break
        if token.dep_ != "poss" or token.pos_ != "PRON":
            continue
        word = token.lower_
        if word in _THING_PRONOUNS:
            return r.antecedent(token.idx, ("state", "org"), owners=True)
        if word in ("his", "her"):
            return r.antecedent(token.idx, ("person",), owners=True)
    return None


def is_doer(head: Token) -> bool:
    """Whether a noun phrase is a clause's doer: a subject or a "by" phrase (or their
    conjunct)."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "pobj" and head.head.lower_ == "by")
