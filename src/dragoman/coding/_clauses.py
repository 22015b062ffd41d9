"""Clause extraction: a predicate with its subject, objects, prepositional objects and
complements, read from spaCy's dependency parse (ClearNLP labels, as en_core_web_* use).

Handles active and passive voice ("was criticized by X"), controlled and shared subjects
("agreed to cooperate", "met X and praised Y"), relative clauses ("X, who attacked Y"),
particles ("crack down"), negation ("did not criticize") and complements.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dragoman.lexicon import words
from dragoman.pipeline import VERBAL_POS_IDS, TokenTable

__all__ = [
    "Clause",
    "absolute_with_participle",
    "clause_for",
    "is_negated",
    "is_purpose",
    "modality",
    "words_before",
]

_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_PASSIVE_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "obj"})
_COMP = frozenset({"xcomp", "ccomp"})
_NEGATORS = words("negators")
# Words that act as verb particles when the parser labels them advmod or prep.
_PARTICLES = words("particles")
_RELATIVE_PRONOUNS = words("relative_pronouns")
# Nouns whose to-infinitive is planned, offered or threatened, not done.
_PLANNING_NOUNS = words("planning_nouns")
# Nouns whose possessor does what their to-infinitive says.
_OWN_ACTION_NOUNS = _PLANNING_NOUNS | {"decision", "move", "attempt", "effort"}
_PURPOSE_HEADS = words("purpose_heads")
# Verbs whose to-gerund is done by their subject: "resorted to throwing stones".
_GERUND_SUBJECT_HEADS = words("gerund_subject_heads")
_COPULAS = words("copulas")
# Prepositions whose gerund is a verb's complement: "committed to opening", "insisted on
# holding".
_GERUND_COMP_PREPS = words("gerund_comp_preps")
# Nouns of a time: "on Monday" is an adjunct of time, not the verb's "on" ("call on X").
_TIME_NOUNS = words("time_nouns")
# Verbs whose passive without a by-phrase states what its subject does ("were engaged in
# fighting", "is involved in the talks", "is opposed to the plan"), not what was done to it;
# the second set only before "to" ("is committed to reform", not "crimes were committed").
_STATIVE_PASSIVES = words("stative_passives")
_STATIVE_PASSIVES_TO = words("stative_passives_to")
# Stative passives whose to-phrase is what an active verb would take as its object.
_STATIVE_TO_OBJECT = words("stative_to_object")
# Nouns for what is said or written, whose participle is said by their author: "issued a
# statement demanding", "sent a letter urging".
_DOCUMENT_NOUNS = words("document_nouns")
# Verbs whose in-phrase names what their subject does: "engaged in fighting", "took part
# in talks" ("part" stands for "take part").
_IN_PHRASE_SUBJECT_VERBS = words("in_phrase_subject_verbs")
# A verb heading one of these borrows its subject from the verb it attaches to.
_INHERITS_SUBJECT = frozenset({"xcomp", "conj", "advcl"})


def _ids(words: frozenset[str] | set[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


# The same labels and words as string ids, compared with the TokenTable's columns: most
# children of a predicate are read without building a Token.
_SUBJ_IDS = _ids(_SUBJ)
_PASSIVE_SUBJ_IDS = _ids(_PASSIVE_SUBJ)
_OBJ_IDS = _ids(_OBJ)
_COMP_IDS = _ids(_COMP)
_AUX_IDS = _ids({"aux", "auxpass"})
_PARTICLE_BY_ID = {get_string_id(word): word for word in _PARTICLES}
_ADVCL, _MARK, _FOR = (get_string_id(word) for word in ("advcl", "mark", "for"))
(_AUXPASS, _AGENT, _NPADVMOD, _DATIVE, _PREP, _PRT, _ADVMOD, _NEG, _POBJ, _COMPOUND) = (
    get_string_id(label)
    for label in (
        "auxpass", "agent", "npadvmod", "dative", "prep", "prt", "advmod", "neg", "pobj",
        "compound",
    )
)  # fmt: skip
_PROPN_ID, _NOUN_ID, _ADP_ID, _NEVER, _OF = (
    get_string_id(w) for w in ("PROPN", "NOUN", "ADP", "never", "of")
)
_MARK = get_string_id("mark")
_CONDITION_MARKS = _ids({"if", "unless"})
_ASKING_VERBS = words("asking_verbs")


@dataclass(frozen=True, slots=True)
class Clause:
    """A predicate and the heads of its argument slots.

    Read once per predicate and sentence (:func:`clause_for` keeps it for the Doc) and then
    shared by every stage, so it is frozen, and its lists and dicts are never edited: a
    stage that needs a different clause makes one with ``dataclasses.replace`` and new
    lists.

    Attributes:
        verb: The predicate token.
        particle: The verb particle ("down" in "crack down"), lower case, or None.
        negated: True when the predicate is negated.
        passive: True for passive voice.
        subjects: Heads of the phrases in the subject role (the logical subject: the
            ``by`` phrase of a passive).
        objects: Heads of the direct objects (the grammatical subject of a passive).
        datives: Heads of indirect objects.
        preps: Preposition (lower case) -> heads of its objects, attached to the verb.
        object_preps: The same, attached to the direct object ("sanctions on Iran").
        comps: Heads of complement clauses (``xcomp``, ``ccomp``).
    """

    verb: Token
    particle: str | None = None
    negated: bool = False
    passive: bool = False
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    datives: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    object_preps: dict[str, list[Token]] = field(default_factory=dict)
    comps: list[Token] = field(default_factory=list)

    @property
    def object_lemmas(self) -> list[str]:
        """Lemmas of the direct objects (lower case), then of their compound nouns
        ("mediation efforts" matches ``object: [mediation]``), joined with a hyphenated first
        part ("cease-fire" also as "ceasefire"), and of what a quantity object is of
        ("provide 25,000 tons of food aid" matches ``object: [aid]``)."""
        lemmas = [t.lemma_.lower() for t in self.objects]
        if not self.objects:
            return lemmas
        doc = self.verb.doc
        table = TokenTable.of(doc)
        deps = table.dep
        for obj in self.objects:
            # "ended mediation efforts", "reduced food supplies": the noun before the head
            # names what kind of thing it is (after the heads, which win among equals)
            children = table.children(obj.i)
            lemmas.extend(_closed_compounds(obj, table))
            lemmas.extend(doc[c].lemma_.lower() for c in children if deps[c] == _COMPOUND)
            if obj.i > 1 and table.length[obj.i - 1] == 1 and doc[obj.i - 1].text == "-":
                # "cease-fire" is split in three tokens: match it as "ceasefire" too
                lemmas.append(doc[obj.i - 2].lower_ + obj.lemma_.lower())
            for c in children:
                if deps[c] == _PREP and table.lower[c] == _OF:
                    for p in table.children(c):
                        if deps[p] == _POBJ:
                            lemmas.append(doc[p].lemma_.lower())
                            lemmas.extend(_closed_compounds(doc[p], table))
        return lemmas

    @property
    def comp_lemmas(self) -> list[str]:
        """Lemmas of the complement heads (lower case)."""
        return [t.lemma_.lower() for t in self.comps]

    def verb_span(self) -> tuple[int, int]:
        """Character offsets of the predicate with its particle."""
        table = TokenTable.of(self.verb.doc)
        start = self.verb.idx
        end = start + len(self.verb)
        for c in table.children(self.verb.i):
            if table.dep[c] == _PRT:
                start = min(start, table.idx[c])
                end = max(end, table.idx[c] + table.length[c])
        return start, end


def _closed_compounds(noun: Token, table: TokenTable) -> list[str]:
    """The noun written as one word with the compound noun just before it: "war games" also
    as "wargame", "air strikes" as "airstrike" (before the compound alone, which may name
    another thing: "war")."""
    before = noun.i - 1
    if before < 0 or table.head[before] != noun.i or table.dep[before] != _COMPOUND:
        return []
    return [noun.doc[before].lower_ + noun.lemma_.lower()]


@dataclass(slots=True)
class _Draft:
    """A clause while :func:`_read_clause` reads it (the same fields, editable)."""

    verb: Token
    particle: str | None = None
    negated: bool = False
    passive: bool = False
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    datives: list[Token] = field(default_factory=list)
    preps: dict[str, list[Token]] = field(default_factory=dict)
    object_preps: dict[str, list[Token]] = field(default_factory=dict)
    comps: list[Token] = field(default_factory=list)

    def freeze(self) -> Clause:
        return Clause(
            verb=self.verb,
            particle=self.particle,
            negated=self.negated,
            passive=self.passive,
            subjects=self.subjects,
            objects=self.objects,
            datives=self.datives,
            preps=self.preps,
            object_preps=self.object_preps,
            comps=self.comps,
        )


def clause_for(verb: Token, sentence: Span) -> Clause:
    """Return the clause headed by a predicate, read once per Doc, predicate and sentence.

    Args:
        verb: The predicate token.
        sentence: The sentence it belongs to (subjects are not looked for outside it).

    Returns:
        The clause (shared: never edit it); slots may be empty.
    """
    doc = verb.doc
    last = _LAST[-1] if _LAST else None  # read once: another thread may replace it
    if last is not None and last[0]() is doc:
        known = last[1]
    else:
        known = _CLAUSES.setdefault(doc, {})
        _LAST[:] = [(weakref.ref(doc), known)]
    key = (verb.i, sentence.start, sentence.end)
    clause = known.get(key)
    if clause is None:
        clause = known[key] = _read_clause(verb, sentence)
    return clause


# clauses read so far, per Doc: (predicate, sentence start, sentence end) -> Clause
_CLAUSES: weakref.WeakKeyDictionary[Doc, dict[tuple[int, int, int], Clause]] = (
    weakref.WeakKeyDictionary()
)
# the Doc asked for last, in front of the weak dictionary (one Doc is coded at a time)
_LAST: list[tuple[weakref.ref[Doc], dict[tuple[int, int, int], Clause]]] = []


def _read_clause(verb: Token, sentence: Span) -> Clause:
    """Read the clause headed by a predicate (see :func:`clause_for`)."""
    doc = verb.doc
    table = TokenTable.of(doc)
    deps, pos, lowers = table.dep, table.pos, table.lower
    clause = _Draft(verb)
    for c in table.children(verb.i):
        dep = deps[c]
        if dep in _SUBJ_IDS:
            clause.subjects.append(doc[c])
        elif dep in _PASSIVE_SUBJ_IDS:
            clause.passive = True
            clause.objects.append(doc[c])
        elif dep == _AUXPASS:
            clause.passive = True
        elif dep == _AGENT:
            clause.subjects.extend(doc[p] for p in table.children(c) if deps[p] == _POBJ)
        elif dep in _OBJ_IDS:
            clause.objects.append(doc[c])
        elif dep == _NPADVMOD and pos[c] == _PROPN_ID and c > verb.i:
            # the small model sometimes labels a named object so ("criticized Azerbaijan");
            # a date ("met Tuesday") resolves to no actor, so it costs nothing
            clause.objects.append(doc[c])
        elif dep == _NPADVMOD and pos[c] == _NOUN_ID and c > verb.i and clause.datives:
            # after an indirect object the noun is the direct one, which the small model
            # sometimes labels so: "gave the agency 14 days to leave"
            clause.objects.append(doc[c])
        elif dep == _DATIVE:
            if pos[c] == _ADP_ID:  # "gave aid to X" parsed as dative "to"
                clause.datives.extend(doc[p] for p in table.children(c) if deps[p] == _POBJ)
            else:
                clause.datives.append(doc[c])
        elif dep == _PREP:
            _read_prep(clause, doc[c], table)
        elif dep == _PRT:
            clause.particle = doc[c].lower_
        elif dep == _ADVMOD and lowers[c] in _PARTICLE_BY_ID and clause.particle is None:
            # "stepped down", "walked out": without an object the parser often says advmod
            clause.particle = _PARTICLE_BY_ID[lowers[c]]
        elif dep == _NEG or (dep == _ADVMOD and lowers[c] == _NEVER):
            clause.negated = True
        elif dep in _COMP_IDS and pos[c] in VERBAL_POS_IDS and not _condition(table, c, verb):
            clause.comps.append(doc[c])
        elif dep == _ADVCL and (for_subjects := _for_to_subjects(c, table)):
            # "called for Israel to withdraw": "for" introduces who is asked, and the
            # clause what they are asked to do
            clause.preps.setdefault("for", []).extend(doc[s] for s in for_subjects)
            clause.comps.append(doc[c])
    if not clause.negated and _negative_argument(clause):
        clause.negated = True
    for obj in clause.objects:
        for c in table.children(obj.i):
            if deps[c] == _PREP:
                pobjs = [doc[p] for p in table.children(c) if deps[p] == _POBJ]
                if pobjs:
                    clause.object_preps.setdefault(doc[c].lower_, []).extend(pobjs)
    if clause.passive and not clause.subjects and _stative_passive(verb):
        # "forces were engaged in fighting": a state of the subject, who is the actor
        clause.passive = False
        clause.subjects, clause.objects = clause.objects, []
        if verb.lemma_.lower() in _STATIVE_TO_OBJECT:
            # "is opposed to the plan": what the subject opposes is the to-phrase
            clause.objects = list(clause.preps.get("to", []))
    if clause.passive:
        # "X was criticized": the by-phrase is the actor; without it there is no source
        clause.subjects = [s for s in clause.subjects if s.dep_ not in _PASSIVE_SUBJ]
        if not clause.subjects:
            clause.subjects = _displaced_agents(verb)
    if not clause.passive and not clause.objects and _passive_participle(verb, table):
        # "two officers stand accused of the bombing", "backed by Russia, the rebels ...":
        # the governing subject undergoes the participle's action, done by its by-phrase
        clause.passive = True
        clause.objects = _inherited_subjects(verb, sentence)
    elif not clause.subjects and not clause.passive:
        clause.subjects = _inherited_subjects(verb, sentence)
    elif (
        clause.subjects and clause.subjects[0].lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl"
    ):
        clause.subjects = [verb.head]
    if verb.dep_ == "relcl" and clause.objects and clause.objects[0].lower_ in _RELATIVE_PRONOUNS:
        # "the embassy, which was attacked by X", "the envoy whom X expelled"
        clause.objects = [verb.head, *clause.objects[1:]]
    return clause.freeze()


def _for_to_subjects(clause_head: int, table: TokenTable) -> list[int]:
    """The subjects of a for-to infinitive ("for Israel to withdraw"), or none when the
    adverbial clause is not one ("for talks to resume" has one, "to win" has none)."""
    children = table.children(clause_head)
    if not any(table.dep[c] == _MARK and table.lower[c] == _FOR for c in children):
        return []
    return [c for c in children if table.dep[c] in _SUBJ_IDS]


def _condition(table: TokenTable, comp: int, verb: Token) -> bool:
    """Whether a clause parsed as a complement is a condition ("it helps if X stays"): an
    if- or unless-clause, except after verbs of asking and knowing ("asked if X would")."""
    return (
        any(
            table.dep[c] == _MARK and table.lower[c] in _CONDITION_MARKS
            for c in table.children(comp)
        )
        and verb.lemma_.lower() not in _ASKING_VERBS
    )


def _time_phrase(head: Token) -> bool:
    """Whether a phrase names only a time ("Monday", "last Friday", "March 5"), not a name
    the parse ends with one ("met with President Bashar Assad Tuesday")."""
    return head.lemma_.lower() in _TIME_NOUNS and all(
        c.lemma_.lower() in _TIME_NOUNS or c.pos_ in ("NUM", "DET", "ADJ", "PUNCT")
        for c in head.children
    )


def _read_prep(clause: _Draft, child: Token, table: TokenTable) -> None:
    """Read a preposition attached to the predicate into the clause."""
    doc = child.doc
    deps = table.dep
    verb = clause.verb
    pobjs = [doc[p] for p in table.children(child.i) if deps[p] == _POBJ]
    if pobjs and all(_time_phrase(p) for p in pobjs):
        return  # "called the minister on Monday": when, not "call on"
    if absolute_with_participle(child) is not None:
        return  # ", with X saying ...": X is the participle's subject, not a partner
    if pobjs:
        clause.preps.setdefault(child.lower_, []).extend(pobjs)
    elif child.lower_ in _GERUND_COMP_PREPS and (gerunds := _gerunds(child)):
        # "committed to opening up", "insisted on holding": the gerund is the
        # complement, what is promised or demanded
        clause.comps.extend(gerunds)
        clause.preps.setdefault(child.lower_, [])  # the pattern "commit to" matches
    elif (
        not any(deps[c] == _PREP for c in table.children(child.i))
        and (stranded := _stranded_object(verb, child)) is not None
    ):
        # "called on X to resign" parsed with X as the verb's object and "on"
        # stranded: X is the preposition's object
        clause.preps.setdefault(child.lower_, []).append(stranded)
    elif child.lower_ in _PARTICLES and clause.particle is None:
        # "pulled out of X": "out" heads "of X"; the parse calls it a preposition
        clause.particle = child.lower_
        for inner in table.children(child.i):
            if deps[inner] == _PREP:
                objs = [doc[p] for p in table.children(inner) if deps[p] == _POBJ]
                clause.preps.setdefault(doc[inner].lower_, []).extend(objs)


_FUTURE_AUX = words("future_aux")
_HYPOTHETICAL_AUX = words("hypothetical_aux")
_OBLIGATION_AUX = words("obligation_aux")
# heads whose to-complement is planned, not done: "plans to visit", "is ready to send"
_PLANNING_HEADS = words("planning_heads")


# Only these relations let a predicate take its mode from the word it depends on.
_INHERITING_MODALITY = _ids({"acl", "advcl", "pcomp", "xcomp"})


_AUX, _NSUBJ, _TO, _IT, _BE = (get_string_id(w) for w in ("aux", "nsubj", "to", "it", "be"))
_CLAUSAL_COMPLEMENTS = _ids({"xcomp", "ccomp"})


# Adverbs that make a present-tense clause say what happens as a rule, not what happened.
_HABITUAL_ADVERBS = words("habitual_adverbs")
_RULE_MARKS = frozenset({"if", "whenever", "once"})
_WHETHER, _IF = get_string_id("whether"), get_string_id("if")
_QUESTION_CLAUSES = _ids({"ccomp", "xcomp", "csubj"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})  # "is", "are" (auxpass)


def _open_question(verb: Token) -> bool:
    """Whether a predicate is an open question, not something that happened: "it is
    unclear whether Peru attacked Chile", "asked if Chile would retaliate" (a "why" or
    "how" clause presupposes its event and is not one). Read from the token table: called
    for every predicate, it builds no Token."""
    table = TokenTable.of(verb.doc)
    dep, lower = table.dep, table.lower
    for c in table.children(verb.i):
        if dep[c] != _MARK:
            continue
        if lower[c] == _WHETHER or (lower[c] == _IF and dep[verb.i] in _QUESTION_CLAUSES):
            return True
    return False


def _generic_present(verb: Token) -> bool:
    """Whether a present-tense passive states what happens as a rule: with a habitual
    adverb ("the person is usually deported"), or as the consequence of a condition ("if
    the visa is revoked, the student is deported"). Not a perfect ("has been deported"),
    nor a future or modal; not an active verb: "the Taliban routinely deny it" is a stance
    stated again, "Ankara warns Washington of consequences if ..." a conditional threat."""
    table = TokenTable.of(verb.doc)
    if not any(table.dep[c] == _AUXPASS for c in table.children(verb.i)):
        return False  # most predicates: decided from the table, no Token built
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" or a.tag_ == "MD" for a in auxiliaries):
        return False
    if not any(a.dep_ == "auxpass" and a.tag_ in _PRESENT_TAGS for a in auxiliaries):
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _HABITUAL_ADVERBS:
            return True
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _RULE_MARKS for m in child.children
        ):
            return True
    return False


def _unrealized_infinitive(verb: Token) -> bool:
    # read from the token table: called for every predicate, it builds no Token
    table = TokenTable.of(verb.doc)
    dep, lower = table.dep, table.lower
    children = table.children(verb.i)
    if not any(dep[c] == _AUX and lower[c] == _TO for c in children):
        return False
    if any(dep[c] == _MARK and lower[c] == _FOR for c in children):
        return True  # "for X to negotiate"
    head = table.head[verb.i]
    return (
        dep[verb.i] in _CLAUSAL_COMPLEMENTS
        and table.lemma[head] == _BE
        and any(dep[c] == _NSUBJ and lower[c] == _IT for c in table.children(head))
    )  # "it was a mistake to support", "it is important to criticize"


def modality(verb: Token) -> str:
    """Return how the text presents a predicate's action.

    Returns:
        ``future`` ("will visit", "plans to visit", "is ready to send"), ``hypothetical``
        ("could impose"), ``obligation`` ("must withdraw", "has to withdraw") or
        ``asserted``. PLOVER manual, "Auxiliary modes"; CAMEO codes announced future
        actions as intents (03) or threats (13). An infinitive that only names an action
        as needed, possible or judged is ``hypothetical``: a "for X to" clause ("crucial
        for Islamabad to negotiate", "the need for the government to invest") and an
        infinitive after an expletive "it is/was" ("it was a mistake to support them").
    """
    doc = verb.doc
    table = TokenTable.of(doc)
    if _unrealized_infinitive(verb) or _open_question(verb):
        return "hypothetical"
    for c in table.children(verb.i):
        if table.dep[c] in _AUX_IDS:
            child = doc[c]
            if child.tag_ != "MD":
                continue
            word = child.lower_
            if word in _FUTURE_AUX:
                return "future"
            if word in _HYPOTHETICAL_AUX:
                return "hypothetical"
            if word in _OBLIGATION_AUX:
                return "obligation"
    if _generic_present(verb):
        return "hypothetical"
    if table.dep[verb.i] not in _INHERITING_MODALITY:
        return "asserted"
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _PLANNING_NOUNS:
        return "future"  # "Iran's threat to close the strait", "Turkey's plan to build"
    if is_purpose(verb) and verb.head.pos_ in ("VERB", "AUX"):
        inherited = modality(verb.head)  # "is willing to send troops to help X"
        if inherited in ("future", "hypothetical"):
            return inherited
        if verb.head.lemma_.lower() in _PLANNING_HEADS:
            return "future"  # "swore to fight"
    if verb.dep_ == "pcomp":
        prep = verb.head
        if prep.lower_ == "to" and prep.head.lemma_.lower() in _PLANNING_HEADS:
            return "future"  # "committed to providing aid", "looks forward to meeting"
        if prep.lower_ == "by" and prep.head.pos_ in ("VERB", "AUX"):
            inherited = modality(prep.head)  # "could escalate by testing missiles"
            if inherited in ("future", "hypothetical"):
                return inherited
    if verb.dep_ == "xcomp":
        head = verb.head
        lemma = head.lemma_.lower()
        if lemma == "have" and any(c.lower_ == "to" for c in verb.children):
            return "obligation"
        if lemma in _PLANNING_HEADS:
            return "future"
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            inherited = modality(head)
            if inherited in ("future", "hypothetical"):
                return inherited
    return "asserted"


def _inherited_subjects(verb: Token, sentence: Span) -> list[Token]:
    """Find the subject of a verb that has none of its own.

    "Russia agreed to withdraw" (xcomp), "Russia met Iran and praised it" (conj), and
    "the envoy, who met X" (relcl) all take the subject from the governing phrase.
    """
    current = verb
    for _ in range(4):  # bounded: chains longer than this are parse noise
        dep = current.dep_
        head = current.head
        if head.i == current.i or not (sentence.start <= head.i < sentence.end):
            return []
        if (absolute := absolute_with_subject(current)) is not None:
            return [absolute]  # ", with Erdogan at one point suggesting ...": Erdogan's
        if dep == "relcl":
            return [head]
        if (
            dep == "acl"
            and (
                current.tag_ in ("VBD", "VBZ")
                or (current.tag_ == "VBN" and any(c.dep_ == "dobj" for c in current.children))
            )
            and head.dep_ == "ROOT"
            and head.pos_ in ("NOUN", "PROPN")
        ):
            # a finite verb the small model hung on a root noun, leaving the sentence no
            # verb of its own: "The UN chief called on Israel ..." (chief ROOT, called acl);
            # tagged as a participle, it shows itself finite by its direct object ("Israeli
            # airstrikes killed 40 people": no passive participle takes one)
            return [head]
        if dep == "acl" and current.tag_ == "VBG":
            return _document_authors(head)
        if dep == "acl" and current.tag_ == "VB" and head.lemma_.lower() in _OWN_ACTION_NOUNS:
            # "Russia's decision to withdraw", "Iran's threat to close the strait"; not
            # "Britain's demand to release", where the one asked acts
            return [c for c in head.children if c.dep_ == "poss"]
        if dep == "acomp" and current.tag_ == "VBN" and head.lemma_.lower() in _COPULAS:
            # "Greece is opposed to the plan", "remains committed to": the copula's subject
            return [c for c in head.children if c.dep_ in _SUBJ]
        if dep in ("pobj", "pcomp") and current.tag_ == "VBG":
            # "retaliated by shelling X", "engaged in fighting": the gerund of a means
            # phrase, or of a light verb's in-phrase, is done by that verb's subject
            verb = head.head
            if head.dep_ == "prep" and verb.pos_ == "ADJ" and verb.dep_ == "acomp":
                # "are guilty of violating", "is responsible for shelling": the subject of
                # the copula
                return [c for c in verb.head.children if c.dep_ in _SUBJ]
            if (
                head.dep_ != "prep"
                or verb.pos_ not in ("VERB", "AUX")
                or not (sentence.start <= verb.i < sentence.end)
            ):
                return []
            prep = head.lower_
            lemma = verb.lemma_.lower()
            if not (
                (prep == "by" and not _is_passive(verb))  # a passive's by-phrase is its agent
                or (prep == "to" and lemma in _GERUND_SUBJECT_HEADS)  # "resorted to throwing"
                or (prep == "in" and lemma in _IN_PHRASE_SUBJECT_VERBS)
            ):
                return []
            subjects = [c for c in verb.children if c.dep_ in _SUBJ or c.dep_ in _PASSIVE_SUBJ]
            if subjects:
                return subjects
            current = verb
            continue
        if dep not in _INHERITS_SUBJECT or head.pos_ not in ("VERB", "AUX", "ADJ"):
            return []
        if head.pos_ == "ADJ":  # "Norway is ready to send": the subject of "is"
            if head.dep_ not in ("acomp", "amod") or head.head.i == head.i:
                return []
            head = head.head
        if dep == "advcl" and not (_is_participle(current) or is_purpose(current)):
            return []
        subjects = [c for c in head.children if c.dep_ in _SUBJ]
        if not subjects and (_stative_passive(head) or (dep == "xcomp" and _is_passive(head))):
            # "is committed to X"; "Iran is expected to release", "was forced to withdraw":
            # the passive's subject does what its complement says
            subjects = [c for c in head.children if c.dep_ in _PASSIVE_SUBJ]
        if subjects:
            return subjects
        agents = [
            p for c in head.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
        if agents:
            return agents
        current = head
    return []


# Prepositions of a passive's charge or reason, after which the parser may attach the
# passive's by-phrase: "was accused of stealing funds by X", "was charged with fraud by X".
_CHARGE_PREPS = words("charge_preps")


def _displaced_agents(verb: Token) -> list[Token]:
    """The agent of a passive whose by-phrase the parser attached to the charge after it:
    "was accused of stealing funds by officials", "was charged with corruption by
    prosecutors", "was criticized for misusing funds by X". Not when the by-phrase is the
    agent of an event noun of its own ("accused of the killing of protesters by police") or
    of a passive gerund ("accused of being paid by X")."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _CHARGE_PREPS:
            continue
        for charge in prep.children:
            if charge.dep_ not in ("pobj", "pcomp"):
                continue
            if charge.pos_ in ("VERB", "AUX"):
                if any(c.dep_ == "auxpass" for c in charge.children):
                    continue
            elif any(
                c.dep_ in ("det", "poss") or (c.dep_ == "prep" and c.lower_ == "of")
                for c in charge.children
            ):
                continue
            for inner in [charge, *(c for c in charge.children if c.dep_ == "dobj")]:
                for by in inner.children:
                    if by.dep_ in ("prep", "agent") and by.lower_ == "by":
                        agents = [c for c in by.children if c.dep_ == "pobj"]
                        if agents:
                            return agents
    return []


def _stranded_object(verb: Token, prep: Token) -> Token | None:
    """The verb's direct object when it directly follows a preposition left without one
    ("called on Energy Minister X to resign"), or the subject of a participle the parse
    hung on the verb ("gave shelter to two ministers hiding in the embassy": a reduced
    relative clause of the preposition's object), else None."""
    for child in verb.children:
        if child.dep_ in _OBJ and child.left_edge.i == prep.i + 1:
            return child
        if (
            child.dep_ == "advcl"
            and child.tag_ in ("VBN", "VBG", "VBD")  # a participle read as a past tense
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in child.children)
        ):
            for subject in child.children:
                if subject.dep_ == "nsubj" and subject.left_edge.i == prep.i + 1:
                    return subject
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _gerunds(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]


def _stative_passive(verb: Token) -> bool:
    """Whether a passive form states what its subject does: "were engaged in fighting", "is
    committed to reform", "is determined to win"."""
    lemma = verb.lemma_.lower()
    if lemma in _STATIVE_PASSIVES:
        return True
    if lemma not in _STATIVE_PASSIVES_TO:
        return False
    return any((c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in verb.children)


def _document_authors(noun: Token) -> list[Token]:
    """Who speaks through a document: "issued a statement demanding ..." (the subject of
    "issued"), "Iran's letter calling for ..." (the possessor)."""
    if noun.lemma_.lower() not in _DOCUMENT_NOUNS:
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return owners
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return []
    return [c for c in verb.children if c.dep_ in _SUBJ]


def is_purpose(token: Token) -> bool:
    """Return whether a verb is a to-infinitive of purpose ("gathered to demand reforms").

    Its subject is the subject of the verb it serves. Only purposes of verbs of pledging,
    gathering, travelling and sending are read: of other verbs ("moved to Houston to join a
    friend", "keeps tariffs to pressure them") they are too often motives, not events.
    """
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VB"
        and token.head.lemma_.lower() in _PURPOSE_HEADS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ in ("mark", "nsubj") for c in token.children)
    )


def _passive_participle(verb: Token, table: TokenTable) -> bool:
    """Whether a verb is an adverbial past participle ("stand accused", "backed by X,
    ..."), whose subject is the governing clause's and is acted on, not acting."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and not any(table.dep[c] in _SUBJ_IDS for c in table.children(verb.i))
        and not _stative_passive(verb)
    )


def _is_participle(token: Token) -> bool:
    """Return whether a verb is a participle ("..., accusing X of ...")."""
    return token.tag_ in ("VBG", "VBN")


# Words that make an argument deny the act: "said nothing", "no country offered",
# "neither China nor Thailand explained".
_NEGATIVE_OBJECTS = frozenset({"nothing"})
_NEGATIVE_DETERMINERS = frozenset({"no", "neither"})


def _negative_argument(clause: _Draft) -> bool:
    """Whether an argument negates the predicate: its object is "nothing", or its subject
    is determined by "no" or "neither" ("No country has offered to help")."""
    if any(o.lower_ in _NEGATIVE_OBJECTS for o in clause.objects if o.dep_ in _OBJ):
        return True
    return any(
        c.dep_ in ("det", "preconj") and c.lower_ in _NEGATIVE_DETERMINERS
        for s in clause.subjects
        for c in s.children
    )


def is_negated(clause: Clause) -> bool:
    """Return whether the clause or the clause governing it is negated.

    "refused to", "did not agree to" negate the complement too.
    """
    if clause.negated:
        return True
    head = clause.verb.head
    if clause.verb.dep_ == "xcomp":
        if head.lemma_.lower() in _FAILING_HEADS:
            return True  # "failed to reach an agreement"
        return any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in head.children)
    return False


def absolute_with_participle(prep: Token) -> Token | None:
    """The participle of an absolute "with" phrase a verb's "with" heads, or None.

    In "exchanged barbs, with Erdogan at one point suggesting Macron needed treatment" the
    with-phrase is a clause of its own (Erdogan suggests), which the small model parses
    as "with Erdogan" on the verb and "suggesting" as the verb's participle: a comma
    before "with", its object before a subjectless -ing participle of the same verb.
    (When the parse hangs the participle on "with" with its own subject, the clause reads
    itself.) "Met with X, saying" is no such phrase: the participle must follow "with".
    """
    verb = prep.head
    if prep.lower_ != "with" or prep.dep_ != "prep" or prep.i == 0:
        return None
    if prep.doc[prep.i - 1].text != ",":
        return None
    pobjs = [c for c in prep.children if c.dep_ == "pobj"]
    if len(pobjs) != 1:
        return None
    end = max(t.i for t in pobjs[0].subtree)
    for token in prep.doc[end + 1 : prep.sent.end]:
        if token.text == "," or (token.pos_ in ("VERB", "AUX") and token.tag_ != "VBG"):
            return None
        if token.tag_ != "VBG":
            continue  # "at one point": an adjunct between the subject and the participle
        head = token.head
        if (
            token.dep_ in ("advcl", "acl")
            and (head.i == verb.i or (end < head.i < token.i and verb.is_ancestor(head)))
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in token.children)
        ):
            return token
        return None
    return None


def absolute_with_subject(participle: Token) -> Token | None:
    """The subject of a participle that ends an absolute "with" phrase (see
    :func:`absolute_with_participle`), or None."""
    if participle.tag_ != "VBG" or participle.dep_ not in ("advcl", "acl"):
        return None
    for verb in (participle.head, participle.head.head):
        for prep in verb.children:
            if prep.i < participle.i and absolute_with_participle(prep) is participle:
                return next(c for c in prep.children if c.dep_ == "pobj")
    return None


def words_before(token: Token) -> list[str]:
    """Lower-case words of the token's left modifiers, without hyphens ("air", "suicide")."""
    words: list[str] = []
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nmod") or child.text == "-":
            words.extend(child.lower_.replace("-", " ").split())
    return words


_FAILING_HEADS = words("failing_heads")
