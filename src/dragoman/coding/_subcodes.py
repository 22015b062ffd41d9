"""CAMEO subcodes read from what an event is about, not from its verb.

Many CAMEO codes split by the kind of thing given, cut or demanded (CAMEO codebook,
andybega/icews, MIT): aid is economic (071), military (072) or humanitarian (073), and so is
the aid cut (1621-1623) or asked for (0231-0233); an appeal, promise, demand or refusal
about political change, and a demonstration, hunger strike, strike, blockade or riot with a
named purpose, is about leadership (…1), policy (…2), rights (…3) or institutions and regime
(…4): "demanded the president's resignation" 1041, "rallied for independence" 1414.

Everything here reads a few tokens around one matched clause: no loops over documents.
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.coding._clauses import Clause, words_before
from dragoman.coding._frames import family_of, frame_code
from dragoman.coding._verbs import NounEntry, VerbDictionary
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    ACCEDE_POLITICAL_REFORM,
    ACCUSE,
    AERIAL_WEAPONS,
    APPEAL,
    APPEAL_POLITICAL_REFORM,
    APPEAL_SUPPORT,
    ARTILLERY_AND_TANKS,
    ASSAULT,
    DEMAND,
    DEMAND_POLITICAL_REFORM,
    DEMONSTRATE,
    FIGHT,
    HUNGER_STRIKE,
    INTENT,
    INTENT_POLITICAL_REFORM,
    INVESTIGATE,
    INVESTIGATE_CRIME,
    MASS_VIOLENCE,
    OBSTRUCT_PASSAGE,
    RALLY_SUPPORT,
    REJECT,
    REJECT_POLITICAL_REFORM,
    RIOT,
    ROOT_ASSAULT,
    ROOT_FIGHT,
    ROOT_MASS_VIOLENCE,
    STATEMENT,
    STRIKE_OR_BOYCOTT,
    SUICIDE_BOMBING,
)
from dragoman.pipeline import TokenTable

__all__ = [
    "accusation_in",
    "allegation_subcode",
    "charge_subcode",
    "harm_purposes",
    "instrument_subcode",
    "is_subcode",
    "object_subcode",
    "protest_subcode",
    "rally_subcode",
    "reform_subcode",
]

# Codes with no subcode of their own that take one from the kind of aid their object is
# ("halted military aid" 1622, "froze its military aid package" 1622); 07x codes
# take it directly as subcodes of 070.
_MAPPED: dict[str, dict[str, str]] = {
    "162": {"071": "1621", "072": "1622", "073": "1623"},
    # a generic cut whose object is aid of a kind: "suspended part of its food aid program"
    "160": {"071": "1621", "072": "1622", "073": "1623"},
}

# What a demand for political change is about: CAMEO's last digit in 024x, 034x, 083x,
# 104x, 123x and 141x-145x (1 leadership, 2 policy, 3 rights, 4 institutions or regime).
_LEADERSHIP = "1"
_POLICY = "2"
_RIGHTS = "3"
_INSTITUTIONS = "4"
_TOPICS: dict[str, str] = {
    # leadership and power; the codebook adds demands for new elections
    **dict.fromkeys(
        (
            "resignation",
            "resign",
            "ouster",
            "oust",
            "removal",
            "impeachment",
            "impeach",
            "abdication",
            "abdicate",
            "reinstatement",
            "reinstate",
            "overthrow",
            "downfall",
            "election",
            "step",
        ),
        _LEADERSHIP,
    ),
    # major institutional, constitutional or regime change; independence and autonomy too
    **dict.fromkeys(
        (
            "independence",
            "autonomy",
            "democracy",
            "democratic",
            "democratization",
            "democratisation",
            "constitution",
            "constitutional",
            "referendum",
            "secession",
            "sovereignty",
            "self-determination",
            "self-rule",
            "statehood",
            "federalism",
            "multiparty",
            "regime",
        ),
        _INSTITUTIONS,
    ),
    # rights and freedoms, new or violated
    **dict.fromkeys(
        (
            "right",
            "freedom",
            "liberty",
            "equality",
            "suffrage",
            "citizenship",
            "violation",
            "abuse",
            "arrest",
            "detention",
            "imprisonment",
            "crackdown",
            "repression",
            "censorship",
            "discrimination",
        ),
        _RIGHTS,
    ),
    # policy: laws, decisions and (for protests) unspecified reforms
    **dict.fromkeys(
        (
            "policy",
            "law",
            "bill",
            "legislation",
            "decree",
            "decision",
            "tax",
            "reform",
            "measure",
            "budget",
            "subsidy",
            "wage",
            "price",
        ),
        _POLICY,
    ),
}
_PRECEDENCE = (_LEADERSHIP, _INSTITUTIONS, _RIGHTS, _POLICY)
# "reform" alone is CAMEO's generic political reform (024, 034, 104, 123) for statements;
# protests with unspecified reform demands are policy protests (codebook, 1412).
_GENERIC_REFORM = words("generic_reform")
_REFORM_FAMILIES = frozenset(
    {
        APPEAL_POLITICAL_REFORM,
        INTENT_POLITICAL_REFORM,
        ACCEDE_POLITICAL_REFORM,
        DEMAND_POLITICAL_REFORM,
        REJECT_POLITICAL_REFORM,
    }
)
# The generic code of each family, with the digit its subcodes add.
_REFORM_OF: dict[str, str] = {
    APPEAL: APPEAL_POLITICAL_REFORM,
    INTENT: INTENT_POLITICAL_REFORM,
    DEMAND: DEMAND_POLITICAL_REFORM,
    REJECT: REJECT_POLITICAL_REFORM,
}

_PROTESTS = frozenset({DEMONSTRATE, HUNGER_STRIKE, STRIKE_OR_BOYCOTT, OBSTRUCT_PASSAGE, RIOT})
# Verbs that state what a protest is for: "rallied to demand", "struck, calling for".
_PURPOSE_VERBS = words("purpose_verbs")
_PURPOSE_PREPS = words("purpose_preps")
_SCAN_LIMIT = 40  # tokens of a purpose phrase read at most
_ASIDE_DEPS = frozenset({"relcl", "advcl", "appos", "parataxis"})


def is_subcode(sub: str, code: str) -> bool:
    """Return whether ``sub`` is a more specific code under ``code`` ("072" under "070",
    "0354" under "035")."""
    if sub == code:
        return False
    if len(code) == 3 and code.endswith("0"):
        return sub[:2] == code[:2]
    return sub.startswith(code)


def object_subcode(code: str, clause: Clause, verbs: VerbDictionary) -> tuple[str, str] | None:
    """Return a more specific code named by the clause's object, with a note.

    "provided military aid" 070 -> 072 ("military aid" is an event noun of 072), "halted
    food aid" 162 -> 1623, "offered economic aid" 033 -> 0331; quantity objects are read
    through "of" ("25,000 tons of food aid").
    """
    mapped = _MAPPED.get(code)
    family = family_of(code)
    for noun in _object_nouns(clause):
        entry = verbs.match_noun(noun.lemma_.lower(), words_before(noun)) or _modifier_noun(
            noun, verbs
        )
        if entry is None:
            continue
        if is_subcode(entry.code, code):
            return entry.code, f"object {entry.describe()}"
        if len(entry.words) > 1 and entry.code[:2] == code[:2] and len(entry.code) >= len(code):
            # a named kind of the object: "started a hunger strike" 142, not a strike 143
            return entry.code, f"object {entry.describe()}"
        if code == STATEMENT and clause.verb.lemma_.lower() in _ANNOUNCING:
            # "announced a suspension", "declared a cease-fire": the event announced
            return entry.code, f"announced {entry.describe()}"
        if mapped is not None and entry.code in mapped:
            return mapped[entry.code], f"object {entry.describe()}"
        if family is not None:  # "offered economic aid" 033 -> 0331
            refined = frame_code(family, entry.code)
            if refined is not None and is_subcode(refined, code):
                return refined, f"object {entry.describe()}"
    return None


def _modifier_noun(noun: Token, verbs: VerbDictionary) -> NounEntry | None:
    """The event noun that modifies a head noun: "military aid" in "a military aid
    program", "food aid" in "food aid shipments" (the kind of thing the head is of)."""
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if compounds:  # "military aid program", with "military" on "aid"
        last = compounds[-1]
        return verbs.match_noun(last.lemma_.lower(), words_before(last))
    words = words_before(noun)  # "military aid program", with "military" on "program"
    if not words:
        return None
    return verbs.match_noun(words[-1], words[:-1])


# Verbs whose announced object is the event itself: "declared a ceasefire" is a ceasefire.
_ANNOUNCING = words("announcing")


def instrument_subcode(
    code: str, clause: Clause, verbs: VerbDictionary
) -> tuple[str, str, Token | None] | None:
    """Return the kind of attack a generic use of force was done in or by, with a note and
    the event noun that did it (or None): "killed two soldiers in a suicide bombing" 1831,
    "wounded five in an air strike" 195, "air strikes killed 20" 195 (the subject
    "strikes"), "were killed by a bombing" 183 (a passive's by-phrase is its subject)."""
    if code not in _GENERIC_FORCE:
        return None
    doers = [s for s in clause.subjects if s.pos_ == "NOUN"]
    for noun in (*clause.preps.get("in", []), *clause.preps.get("by", []), *doers):
        entry = verbs.match_noun(noun.lemma_.lower(), words_before(noun))
        if entry is None or entry.code[:2] not in _VIOLENT_ROOTS:
            continue
        doer = noun if noun in doers else None
        if entry.code != code or doer is not None:
            return entry.code, f"instrument {entry.describe()}", doer
    for subject in clause.subjects:  # "a suicide bomber killed 20": the attacker names it
        kind = _ATTACKERS.get(subject.lemma_.lower())
        if kind is None:
            continue
        modifier, attack = kind
        if modifier is None or modifier in words_before(subject):
            return attack, f"attacker ({subject.text})", None
    weapon = _crude_weapon(clause) if code == FIGHT else None
    if weapon is not None:
        return ASSAULT, f"crude weapon ({weapon.text})", None
    return None


# Weapons that need no military organization: an attack with them is unconventional
# violence (codebook 180: "do not require ... sophisticated weaponry").
_CRUDE_WEAPONS = words("crude_weapons")


def _crude_weapon(clause: Clause) -> Token | None:
    """The crude weapon an attack was made with, or its attackers were armed with: "hacked
    villagers with machetes", "militiamen armed with knives attacked"."""
    phrases = [c for c in clause.verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    for subject in clause.subjects:
        for armed in subject.children:
            if armed.dep_ == "acl" and armed.lemma_.lower() == "arm":
                phrases.extend(c for c in armed.children if c.dep_ == "prep" and c.lower_ == "with")
    for phrase in phrases:
        for noun in phrase.children:
            if noun.dep_ != "pobj":
                continue
            for weapon in (noun, *(c for c in noun.children if c.dep_ == "conj")):
                if weapon.lemma_.lower() in _CRUDE_WEAPONS:
                    return weapon
    return None


# Attackers that name the kind of attack they make, with the modifier they need (None:
# none): "a suicide bomber killed 20" is a suicide bombing (1831), "jets killed 20" an air
# attack (195), "tanks shelled" an artillery and tank attack (194); the attacker's side
# stays the source.
_ATTACKERS: dict[str, tuple[str | None, str]] = {
    "bomber": ("suicide", SUICIDE_BOMBING),
    **dict.fromkeys(
        ("jet", "warplane", "aircraft", "airplane", "helicopter", "gunship", "drone"),
        (None, AERIAL_WEAPONS),
    ),
    **dict.fromkeys(("tank", "artillery", "howitzer"), (None, ARTILLERY_AND_TANKS)),
}


# Generic codes of force: assault, fight, mass violence.
_GENERIC_FORCE = frozenset({ASSAULT, FIGHT, MASS_VIOLENCE})
_VIOLENT_ROOTS = frozenset({ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE})


def _object_nouns(clause: Clause) -> list[Token]:
    nouns = list(clause.objects)
    for obj in clause.objects:
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                nouns.extend(c for c in child.children if c.dep_ == "pobj")
    return nouns


def reform_subcode(code: str, clause: Clause) -> tuple[str, str] | None:
    """Refine an appeal, intent, demand or refusal about political change by what it is
    about: "called for independence" 0244, "demanded more rights" 1043, "promised
    democratic reforms" 0344. Reads the heads (and their modifiers) of the objects and of
    "for" phrases only.

    Args:
        code: The clause's code: a generic family code (020, 030, 100, 120) or a generic
            reform code (024, 034, 083, 104, 123).
        clause: The clause.

    Returns:
        The refined code and a note, or None.
    """
    base = _REFORM_OF.get(code, code if code in _REFORM_FAMILIES else None)
    if base is None:
        return None
    heads = [*clause.objects, *clause.preps.get("for", []), *clause.object_preps.get("for", [])]
    found: set[str] = set()
    generic: Token | None = None
    for head in heads:
        lemma = head.lemma_.lower()
        if lemma in _GENERIC_REFORM:
            generic = head
        for word in (lemma, *words_before(head)):
            topic = _TOPICS.get(word)
            if topic is None or word in _GENERIC_REFORM:
                continue
            if base == REJECT_POLITICAL_REFORM and topic == _POLICY:
                continue  # "rejected the decision" is no refusal of reform
            if (
                base == REJECT_POLITICAL_REFORM
                and topic == _LEADERSHIP
                and word not in _LEADERSHIP_CHANGE
            ):
                continue  # "rejected the election results"
            found.add(topic)
    for topic in _PRECEDENCE:
        if topic in found:
            return base + topic, f"reform about {_NAMES[topic]}"
    if generic is not None and base != code:
        return base, f"reform ({generic.text})"
    return None


_LEADERSHIP_CHANGE = words("leadership_change")
_NAMES = {
    _LEADERSHIP: "leadership",
    _POLICY: "policy",
    _RIGHTS: "rights",
    _INSTITUTIONS: "institutions",
}


def protest_subcode(
    code: str, clause: Clause, actions: dict[int, str]
) -> tuple[str, str, list[int]] | None:
    """Refine a demonstration, hunger strike, strike, blockade or riot by its purpose.

    The purpose is a to-clause or participle of a demanding verb ("staged rallies to demand
    the president's resignation", "blocked roads, calling for independence") or a "for",
    "against", "over" or "in protest of" phrase ("struck for higher wages").

    Args:
        code: The protest code (141-145; others are left alone).
        clause: The protest clause.
        actions: Action codes of the matched verbs of the sentence, by token index.

    Returns:
        The subcode, a note and the purpose verbs (not separate events), or None.
    """
    if code not in _PROTESTS:
        return None
    found: set[str] = set()
    purpose_verbs: list[int] = []
    clauses = [clause.verb]
    for child in clause.verb.children:
        if child.dep_ == "prep":  # a participle mis-attached to a place: "in Lagos, demanding"
            clauses.extend(c for c in child.children if c.dep_ == "pobj")
            for pcomp in child.children:
                if pcomp.dep_ == "pcomp" and pcomp.lemma_.lower() in _PURPOSE_VERBS:
                    purpose_verbs.append(pcomp.i)
                    found.update(_topics_in(pcomp))
    heads = [*clauses, *clause.objects]  # "a strike demanding", "a rally for"
    for head in heads:
        for child in head.children:
            dep = child.dep_
            if dep == "prep" and child.lower_ in _PURPOSE_PREPS and head.pos_ != "PROPN":
                found.update(_topics_in(child))
            elif dep in _TOPIC_PURPOSE_DEPS and child.pos_ == "VERB":
                lemma = child.lemma_.lower()
                infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                if lemma in _PURPOSE_VERBS:
                    purpose_verbs.append(child.i)
                elif not (dep == "advcl" and infinitive and head is clause.verb):
                    continue
                action = actions.get(child.i, "")
                if len(action) == 4 and action[:3] in _REFORM_FAMILIES:
                    found.add(action[3])
                found.update(_topics_in(child))
    for topic in _PRECEDENCE:
        if topic in found:
            return code + topic, f"protest about {_NAMES[topic]}", purpose_verbs
    return None


# Dependencies of a protest or rally verb whose clause may name its topic (wider than a
# grievance's purpose: a "ccomp" or "conj" can name what the protest is about).
_TOPIC_PURPOSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "conj", "acl", "relcl"})


def _topics_in(phrase: Token) -> set[str]:
    """Topics named in a purpose phrase (a bounded walk over its subtree, leaving out
    relative and adverbial clauses: "to protest the decision to send them back, where
    ..." is about the decision)."""
    found: set[str] = set()
    stack = [phrase]
    n = 0
    while stack and n < _SCAN_LIMIT:
        token = stack.pop()
        n += 1
        stack.extend(c for c in token.children if c.dep_ not in _ASIDE_DEPS)
        topic = _TOPICS.get(token.lemma_.lower())
        if topic is not None:
            if token.lemma_.lower() == "step" and not any(
                c.lower_ == "down" for c in token.children
            ):
                continue
            found.add(topic)
    return found


# What an accusation or an investigation is about: CAMEO's 1121-1125 (accuse of crime or
# corruption, human rights abuses, aggression, war crimes, espionage or treason) and 091-094
# (investigate crime or corruption, human rights abuses, military action, war crimes).
_CRIME = "crime"
_ABUSE = "abuse"
_AGGRESSION = "aggression"
_WAR_CRIME = "war crime"
_ESPIONAGE = "espionage"
_ALLEGED: dict[str, str] = {
    **dict.fromkeys(
        (
            "crime",
            "criminal",
            "corruption",
            "corrupt",
            "fraud",
            "embezzlement",
            "embezzle",
            "bribery",
            "bribe",
            "kickback",
            "graft",
            "misuse",
            "misappropriation",
            "misappropriate",
            "theft",
            "steal",
            "smuggling",
            "smuggle",
            "laundering",
            "launder",
            "trafficking",
            "extortion",
            "racketeering",
            "evasion",
        ),
        _CRIME,
    ),
    **dict.fromkeys(
        (
            "right",
            "torture",
            "abuse",
            "persecution",
            "persecute",
            "discrimination",
            "mistreatment",
            "mistreat",
            "slavery",
            "disappearance",
            "repression",
        ),
        _ABUSE,
    ),
    **dict.fromkeys(
        (
            "aggression",
            "invasion",
            "invade",
            "incursion",
            "provocation",
            "ceasefire",
            "cease-fire",
            "truce",
            "armistice",
            "shelling",
            "airstrike",
            "offensive",
            "hostility",
        ),
        _AGGRESSION,
    ),
    **dict.fromkeys(("genocide", "atrocity", "massacre", "cleansing"), _WAR_CRIME),
    **dict.fromkeys(
        (
            "espionage",
            "spying",
            "spy",
            "treason",
            "sedition",
            "collaboration",
            "collaborate",
            "sabotage",
            "subversion",
        ),
        _ESPIONAGE,
    ),
}
_ALLEGATION_PRECEDENCE = (_WAR_CRIME, _ESPIONAGE, _ABUSE, _AGGRESSION, _CRIME)
_INVESTIGATE = (INVESTIGATE, INVESTIGATE_CRIME)
_INVESTIGATION_CODES: dict[str, str] = {
    _CRIME: "091",
    _ABUSE: "092",
    _AGGRESSION: "093",
    _WAR_CRIME: "094",
    _ESPIONAGE: "091",
}
_ALLEGATION_CODES: dict[str, dict[str, str]] = {
    ACCUSE: {
        _CRIME: "1121",
        _ABUSE: "1122",
        _AGGRESSION: "1123",
        _WAR_CRIME: "1124",
        _ESPIONAGE: "1125",
    },
    **{code: _INVESTIGATION_CODES for code in _INVESTIGATE},
}
# Where the charge is named: "accused X of spying", "blamed X for the massacre", "charged
# with treason"; "investigated war crimes", "an inquiry into torture".
_CHARGE_PREPS = words("charge_preps")
_INQUIRY_PREPS = words("inquiry_preps")


def allegation_subcode(code: str, clause: Clause) -> tuple[str, str] | None:
    """Refine an accusation (112) or an investigation (090, 091) by what is alleged:
    "accused X of spying" 1125, "accused X of violating the ceasefire" 1123, "investigated
    war crimes" 094, "opened a fraud investigation" 091.

    Args:
        code: The clause's code; others than 112, 090 and 091 are left alone.
        clause: The clause.

    Returns:
        The subcode and a note, or None.
    """
    codes = _ALLEGATION_CODES.get(code)
    if codes is None:
        return None
    if code == ACCUSE:  # "of spying" on the verb, or on its object ("accused two diplomats")
        phrases = [
            c
            for head in (clause.verb, *clause.objects)
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS
        ]
    else:
        phrases = [*clause.objects]
        for head in (clause.verb, *clause.objects):
            phrases.extend(
                c for c in head.children if c.dep_ == "prep" and c.lower_ in _INQUIRY_PREPS
            )
    found: set[str] = set()
    for phrase in phrases:
        found.update(_allegations_in(phrase))
    for kind in _ALLEGATION_PRECEDENCE:
        if kind in found and codes[kind] != code:
            return codes[kind], f"alleged {kind}"
    return None


# Where an arrest names its charge: "arrested for spying", "jailed on charges of treason".
_ARREST_CHARGE_PREPS = words("arrest_charge_preps")


def charge_subcode(clause: Clause) -> tuple[str, str] | None:
    """The accusation an arrest makes when it names the wrongdoing: "detained for spying"
    1125, "jailed on allegations of treason" 1125 (PLOVER ACCUSE: "accuse, allege, or
    charge, both judicially and informally"); "arrested on Monday" names none.

    Args:
        clause: The clause of an arrest (173).

    Returns:
        The accusation's code and a note, or None.
    """
    phrases = [
        c
        for head in (clause.verb, *clause.objects)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in _ARREST_CHARGE_PREPS
    ]
    found: set[str] = set()
    for phrase in phrases:
        found.update(_allegations_in(phrase))
    codes = _ALLEGATION_CODES[ACCUSE]
    for kind in _ALLEGATION_PRECEDENCE:
        if kind in found:
            return codes[kind], f"arrest on a charge of {kind}"
    return None


# Predicates of a reported clause that charge its subject with wrongdoing: "said the
# military rigged the vote", "says both sides committed abuses"; a bare attack or killing
# reported by someone is the attack, not an accusation ("officials said rebels attacked").
_WRONGDOING_PREDICATES = words("wrongdoing_predicates")

# Adjectives and prepositions of "X was behind / responsible for / guilty of Y".
_CULPABLE_WORDS = words("culpable_words")

# Harm a reported deed is done to bring about: "hired a gunman to kill the journalist".
_HARMFUL_PURPOSES = words("harmful_purposes")

# How a deed names what it is done for: an infinitive of purpose or of control ("to"), and
# the objects along that chain ("offered to pay them to plan the murder"); not a participle
# of what followed ("shelled the city, killing 20").
_PURPOSE_CHAIN_DEPS = frozenset({"xcomp", "advcl"})


def accusation_in(comp: Token) -> str | None:
    """The accusation code a reported clause makes of its subject's deeds, or None:
    "says both sides committed grave abuses" 1122, "said the group was behind the plot"
    112, "says the treatment may amount to crimes against humanity" 1124."""
    lemma = comp.lemma_.lower()
    kinds = _allegations_in(comp)
    charged = (
        lemma in _WRONGDOING_PREDICATES
        or (  # "was behind the plot", "is responsible for the deaths"
            lemma == "be"
            and any(
                c.lower_ in _CULPABLE_WORDS
                or (c.dep_ == "acomp" and c.lemma_.lower() in _CULPABLE_WORDS)
                for c in comp.children
            )
        )
        or (  # "may amount to crimes against humanity"
            lemma in ("amount", "constitute") and bool(kinds & {_WAR_CRIME, _ABUSE, _CRIME})
        )
        or _done_to_harm(comp)  # "hired a gunman to kill the journalist"
    )
    if not charged:
        return None
    codes = _ALLEGATION_CODES[ACCUSE]
    for kind in _ALLEGATION_PRECEDENCE:
        if kind in kinds:
            return codes[kind]
    return ACCUSE


def _done_to_harm(comp: Token) -> bool:
    """Whether a reported deed is done to bring about harm to someone: its purpose or
    controlled infinitive, or their objects, within three steps, kill, murder or kidnap
    ("hired a gunman to kill", "offered to pay them to plan the murder"). The harm itself
    reported ("said rebels killed ten") is the deed, not this."""
    return bool(harm_purposes(comp))


def harm_purposes(comp: Token) -> list[Token]:
    """The words of harm a deed is done to bring about (see ``_done_to_harm``): intended,
    not done, so no event of their own."""
    found: list[Token] = []
    frontier = [comp]
    for _ in range(3):
        frontier = [
            c
            for t in frontier
            for c in t.children
            if (c.dep_ == "dobj" and t is not comp)
            or (c.dep_ in _PURPOSE_CHAIN_DEPS and any(a.tag_ == "TO" for a in c.children))
        ]
        found.extend(t for t in frontier if t.lemma_.lower() in _HARMFUL_PURPOSES)
    return found


def _allegations_in(phrase: Token) -> set[str]:
    """Kinds of wrongdoing named in a phrase (a bounded walk, leaving out relative and
    adverbial clauses); "war crimes" and "crimes against humanity" are war crimes."""
    # read from the token table (children in text order, as Token.children gives them); a
    # Token is built only for "crime"
    doc = phrase.doc
    table = TokenTable.of(doc)
    strings = doc.vocab.strings
    dep, lemmas = table.dep, table.lemma
    found: set[str] = set()
    stack = [phrase.i]
    n = 0
    while stack and n < _SCAN_LIMIT:
        i = stack.pop()
        n += 1
        for c in table.children(i):
            aside = _ASIDE.get(dep[c])
            if aside is None:
                aside = _ASIDE[dep[c]] = strings[dep[c]] in _ASIDE_DEPS
            if not aside:
                stack.append(c)
        lemma = _LOWER_LEMMAS.get(lemmas[i])
        if lemma is None:
            lemma = _LOWER_LEMMAS[lemmas[i]] = strings[lemmas[i]].lower()
        kind = _ALLEGED.get(lemma)
        if lemma == "crime":
            token = doc[i]
            if "war" in words_before(token) or any(c.lower_ == "against" for c in token.children):
                kind = _WAR_CRIME
        if kind is not None:
            found.add(kind)
    return found


# dependency label id -> whether it is one of _ASIDE_DEPS; lemma id -> its lower-case form
# (ids are hashes of the strings, the same in every vocabulary)
_ASIDE: dict[int, bool] = {}
_LOWER_LEMMAS: dict[int, str] = {}


# An appeal for support (022) for a named third party rallies support on its behalf (053,
# "Rally support on behalf of": the codebook's example urges one actor to support another).
_BACKING_VERBS = words("backing_verbs")
_NAMED_PARTIES = frozenset({"ORG", "GPE", "NORP", "PERSON"})
# Heads that name a party when a named word modifies them: "the Libyan government".
_PARTY_HEADS = words("party_heads")


def rally_subcode(code: str, clause: Clause) -> tuple[str, str] | None:
    """Refine an appeal to support a named party to rallying support for it: "urged the
    Arab states to back the Sahrawi movement" 053; "urged X to support the plan" stays 022.

    Args:
        code: The clause's code.
        clause: The clause.

    Returns:
        The refined code and a note, or None.
    """
    if code != APPEAL_SUPPORT:
        return None
    for comp in clause.comps:
        if comp.lemma_.lower() not in _BACKING_VERBS:
            continue
        for obj in comp.children:
            if obj.dep_ == "dobj" and _names_party(obj):
                return RALLY_SUPPORT, f"rally support for ({obj.text})"
    return None


def _names_party(noun: Token) -> bool:
    """Whether a noun phrase names an actor: "Kenya", "the Libyan government"."""
    if _is_name(noun):
        return True
    return noun.lemma_.lower() in _PARTY_HEADS and any(_is_name(c) for c in noun.children)


def _is_name(token: Token) -> bool:
    """A named party from entity labels when the Doc has them, else from the tags: a proper
    noun ("Kenya") or a capitalized adjective of a people ("Libyan")."""
    if token.doc.has_annotation("ENT_IOB"):
        return token.ent_type_ in _NAMED_PARTIES
    return token.pos_ == "PROPN" or (token.tag_ == "JJ" and token.is_title)
