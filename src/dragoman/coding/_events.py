"""The coding stage's driver: from a parsed document to event records, stage by stage.

Reads: a parsed Doc, the verb dictionary (verb, noun and adjective patterns) and the actor
dictionary. Writes: Event and Quote records. Per document it builds the actor resolver
(``actors.DocumentActors``) and the context (``_context``: dates, places, quotations); per
sentence with a candidate word it runs the stages in this order:

1. clauses (``_clauses.clause_for``): subjects, objects, prepositions, modality of a verb;
2. event code: verb, noun and adjective patterns matched here (:class:`_match.Match`);
3. refinements (``_refine.apply_frames``): codes refined by what governs what;
4. modality (``_modality``): future, hypothetical, obligation; intents and threats;
5. actor slots (``_slots.fill_slots``: sources from the clause's subjects via the
   resolver, targets by the strategies of ``_targets``);
6. place and date (``_polity``, the context's places and dates);
7. records (``_records.clause_events``): Event values with their evidence.

Then, per document: agents of no named country take the story's country (``_placement``),
symmetric acts get their other side (``_reciprocal``), and the last stage (``_judge``)
decides which events users get.

docs/architecture.md draws the whole pipeline and says where each kind of rule goes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from spacy.parts_of_speech import ADJ as _ADJ
from spacy.parts_of_speech import NOUN as _NOUN
from spacy.parts_of_speech import PROPN as _PROPN
from spacy.parts_of_speech import VERB as _VERB
from spacy.strings import StringStore
from spacy.symbols import appos, dobj, nsubj, nsubjpass, oprd, pobj
from spacy.tokens import Doc, Span, Token

from dragoman.actors import UNKNOWN_COUNTRY, ActorDictionary, DocumentActors, MentionFinder
from dragoman.coding._antecedents import WINDOW, with_antecedent_targets
from dragoman.coding._clauses import Clause, clause_for, is_purpose, modality, words_before
from dragoman.coding._context import ContextOptions, DocumentContext
from dragoman.coding._judge import JudgeOptions, judge_events
from dragoman.coding._kinds import with_actor_kinds
from dragoman.coding._match import Candidates, Match
from dragoman.coding._modality import apply_modality, conditional
from dragoman.coding._nominal import (
    ANSWER_VERBS,
    COPULAS,
    bare_light_verb,
    light_verb,
    noun_clause,
    of_thing,
    partnerless,
    state_out_of_place,
)
from dragoman.coding._parties import document_parties, with_clause_party_targets
from dragoman.coding._placement import place_in_story_country
from dragoman.coding._polity import same_name_city_country
from dragoman.coding._reciprocal import with_reciprocals
from dragoman.coding._records import charges, clause_events
from dragoman.coding._refine import apply_frames, apply_purposes, wish_matches
from dragoman.coding._reports import reported_accusations
from dragoman.coding._slots import BETWEEN_ROOTS, fill_slots
from dragoman.coding._targets import demand_content
from dragoman.coding._verbs import VerbDictionary, VerbEntry
from dragoman.lexicon import words
from dragoman.ontology.codes import (
    ROOT_APPEAL,
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_FIGHT,
    ROOT_INVESTIGATE,
    ROOT_REDUCE_RELATIONS,
    ROOT_STATEMENT,
    STATEMENT,
)
from dragoman.pipeline import TokenTable
from dragoman.pipeline._text import document_text
from dragoman.quotes import DEFAULT_CUE_VERBS
from dragoman.records import Actor, Event, Quote

__all__ = ["EventExtractor"]

_NAME_DEP_IDS = frozenset({nsubj, nsubjpass, dobj, appos, pobj})
_OPRD_ID = oprd


class EventExtractor:
    """Codes the events of parsed documents (the coding stage, after spaCy)."""

    def __init__(
        self,
        verbs: VerbDictionary,
        actors: ActorDictionary,
        finder: MentionFinder,
        options: ContextOptions | None = None,
        judge: JudgeOptions | None = None,
    ) -> None:
        """Set up the coding stage.

        Args:
            verbs: The verb dictionary.
            actors: The actor dictionary.
            finder: Finds dictionary names in Docs (built from ``actors``).
            options: Which context layers (dates, places, quotes) to compute.
            judge: Which events the last stage leaves out (see :mod:`._judge`).
        """
        self._verbs = verbs
        self._lemmas = verbs.lemmas
        self._actors = actors
        self._finder = finder
        self._hashes: frozenset[int] | None = None
        self._noun_hash_set: frozenset[int] | None = None
        self._adjective_hash_set: frozenset[int] | None = None
        self._options = options if options is not None else ContextOptions()
        self._judge = judge if judge is not None else JudgeOptions()

    def extract(
        self, doc: Doc, *, doc_id: str, date: str | None, text: str | None = None
    ) -> list[Event]:
        """Return the events of one parsed document (see :meth:`analyze`).

        Quotations are still found (they decide who "I" and "we" are, and what is quoted),
        but their records are not built: no speaker is resolved only to be dropped.
        """
        return self._code(doc, doc_id=doc_id, date=date, text=text)[0]

    def analyze(
        self, doc: Doc, *, doc_id: str, date: str | None, text: str | None = None
    ) -> tuple[list[Event], list[Quote]]:
        """Return the events and the quotations of one parsed document.

        Args:
            doc: A Doc parsed by the pipeline (needs tags, lemmas and dependencies).
            doc_id: Identifier of the document, used in event ids.
            date: Story date (``YYYY-MM-DD``) or None.
            text: The document text, if at hand (saves joining the tokens).

        Returns:
            Events in text order, and quotations in text order.
        """
        events, context = self._code(doc, doc_id=doc_id, date=date, text=text)
        return events, context.quotes(doc_id)

    def _code(
        self, doc: Doc, *, doc_id: str, date: str | None, text: str | None
    ) -> tuple[list[Event], DocumentContext]:
        """The events of one parsed document, and its context (for its quotations)."""
        text = document_text(doc, text)  # checked once: every layer below slices it
        # Find candidate predicates and names from arrays: creating a Token object per
        # word costs more than the rest of the coding stage.
        table = TokenTable.of(doc)
        resolver = DocumentActors(
            doc,
            self._finder.find(doc, text, table),
            self._actors,
            date,
            table=table,
            text=text,
            city_country=same_name_city_country,
        )
        context = DocumentContext(doc, text, date, resolver, self._options, table)
        strings = doc.vocab.strings
        verb_hashes = self._verb_hashes(strings)
        adjective_hashes = self._adjective_hashes(strings)
        noun_hashes = self._noun_hashes(strings)
        verbs: list[int] = []
        adjectives: list[int] = []
        names: list[int] = []
        nouns: list[int] = []
        lemmas, lowers, deps = table.lemma, table.lower, table.dep
        for i, pos in enumerate(table.pos):
            if pos == _VERB:
                if lemmas[i] in verb_hashes:
                    verbs.append(i)
                if lowers[i] in adjective_hashes:
                    adjectives.append(i)
            elif pos == _NOUN:
                if lemmas[i] in noun_hashes:
                    nouns.append(i)
                if deps[i] == _OPRD_ID and lowers[i] in adjective_hashes:
                    adjectives.append(i)  # a label: "called X a terrorist"
            elif pos == _PROPN:
                if deps[i] in _NAME_DEP_IDS:
                    names.append(i)
            elif pos == _ADJ and lowers[i] in adjective_hashes:
                adjectives.append(i)
        events: list[Event] = []
        pair: tuple[Actor, ...] = ()  # the parties of the latest two-sided event
        pair_index = 0
        v = n = e = a = 0
        for index, sentence in enumerate(doc.sents):
            end = sentence.end
            first_v, first_n, first_e, first_a = v, n, e, a
            while v < len(verbs) and verbs[v] < end:
                v += 1
            while n < len(names) and names[n] < end:
                n += 1
            while e < len(nouns) and nouns[e] < end:
                e += 1
            while a < len(adjectives) and adjectives[a] < end:
                a += 1
            if first_v == v and first_n == n and first_e == e and first_a == a:
                continue
            if index - pair_index > WINDOW:
                pair = ()
            new = self._sentence_events(
                sentence,
                index,
                resolver,
                context,
                doc_id,
                Candidates(
                    verbs[first_v:v], names[first_n:n], nouns[first_e:e], adjectives[first_a:a]
                ),
                pair,
            )
            events.extend(new)
            for event in reversed(new):
                if event.target is not None and _two_sided(event):
                    pair, pair_index = (event.source, event.target), index
                    break
        events = with_actor_kinds(with_antecedent_targets(events, doc, resolver))
        # the clause's one other party is read once the story has placed its agents
        events = with_clause_party_targets(place_in_story_country(events), doc, resolver)
        events = with_reciprocals(events)
        # who the story names is read only for the untargeted rule, on events without one
        parties = (
            document_parties(resolver) if any(e.target is None for e in events) else frozenset()
        )
        return judge_events(events, self._judge, parties=parties), context

    def _adjective_hashes(self, strings: StringStore) -> frozenset[int]:
        if self._adjective_hash_set is None:
            self._adjective_hash_set = frozenset(
                strings.add(word) for word in self._verbs.by_adjective
            )
        return self._adjective_hash_set

    def _noun_hashes(self, strings: StringStore) -> frozenset[int]:
        if self._noun_hash_set is None:
            self._noun_hash_set = frozenset(strings.add(noun) for noun in self._verbs.nouns)
        return self._noun_hash_set

    def _verb_hashes(self, strings: StringStore) -> frozenset[int]:
        if self._hashes is None:
            self._hashes = frozenset(strings.add(lemma) for lemma in self._lemmas)
        return self._hashes

    def _sentence_events(
        self,
        sentence: Span,
        index: int,
        resolver: DocumentActors,
        context: DocumentContext,
        doc_id: str,
        found: Candidates,
        pair: tuple[Actor, ...] = (),
    ) -> list[Event]:
        doc = sentence.doc
        matches: list[Match] = []
        for i in found.verbs:
            token = doc[i]
            if _cancelled(token):
                continue
            clause = clause_for(token, sentence)
            entry = self._verbs.match(
                token.lemma_,
                particle=clause.particle,
                # a fronted phrase is an adjunct, never the pattern's: "On Monday, X called"
                # is no "call on"
                preps={p for p, heads in clause.preps.items() if not heads or heads[-1].i > i}
                | clause.object_preps.keys(),
                objects=clause.object_lemmas,
                comps=clause.comp_lemmas,
            )
            if (
                entry is not None
                and not conditional(token)
                and not _labels(token, self._verbs.by_adjective)
            ):
                matches.append(Match(clause, entry, entry.code, modality(token)))
        matches.extend(wish_matches(matches, sentence))
        consumed, actions = apply_frames(matches, self._verbs)
        # what a demand or request asks for is its content, not an event that happened:
        # "rejected Peru's request that it withdraw its navy" codes no withdrawal
        consumed.update(m.clause.verb.i for m in matches if demand_content(m.clause.verb))
        if found.nouns:
            matches.extend(self._noun_matches(doc, sentence, found.nouns, matches, consumed))
        apply_purposes(matches, actions, consumed)
        if found.adjectives:
            coded = {m.clause.verb.i for m in matches}  # "denounced X as illegal": one event
            matches.extend(
                m
                for m in self._adjective_matches(doc, found.adjectives, resolver, context)
                if m.clause.verb.i not in coded
            )
        if not matches:
            # still read the names, so later mentions can be resolved ("Tokayev" after
            # "President Kassym-Jomart Tokayev")
            _remember_names(doc, found.names, resolver)
            return []
        events: list[Event] = []
        coded_verbs: list[Token] = []
        # a purpose ("gathered to demand reforms") is coded only when what it serves is not:
        # "swore to fight", but not both "staged protests" and "to demand reforms"
        purposes = [m for m in matches if not m.nominal and is_purpose(m.clause.verb)]
        for match in [m for m in matches if m not in purposes] + purposes:
            verb = match.clause.verb
            if verb.i in consumed:
                continue
            if (
                match in purposes
                and match.code[:2] != ROOT_APPEAL
                and any(v.i == verb.head.i for v in coded_verbs)
            ):
                continue  # an appeal is made at the visit: "visited X to urge Y" is both
            slots = fill_slots(match, sentence, resolver, self._verbs, pair)
            if slots is None:
                continue
            new = clause_events(match, slots, sentence, index, resolver, context, doc_id)
            if new:
                events.extend(new)
                events.extend(charges(match, new, doc_id))
                coded_verbs.append(verb)
        _remember_names(doc, found.names, resolver)
        events.sort(key=lambda event: event.evidence.verb.start)  # text order
        events = reported_accusations(events, coded_verbs)
        return _drop_reporting_statements(events, coded_verbs, sentence)

    def _noun_matches(
        self,
        doc: Doc,
        sentence: Span,
        noun_indices: list[int],
        matches: list[Match],
        consumed: set[int],
    ) -> list[Match]:
        """Events named by nouns: light verbs ("launched an offensive against X") and
        nominal events ("Russia's attack on Ukraine", "talks between X and Y").

        A verb with its own pattern decides for its object; a noun inside a governed
        complement is part of that complement.
        """
        matched = {m.clause.verb.i: m for m in matches}
        out: list[Match] = []
        seen: set[int] = set()  # nouns read, once each ("mediation" and "mediation effort")
        for i in noun_indices:
            token = doc[i]
            if i in consumed:
                continue  # the doer of a verb's event: "air strikes killed 20"
            entry = self._verbs.match_noun(token.lemma_.lower(), words_before(token))
            if entry is None or of_thing(token) or state_out_of_place(token) or partnerless(token):
                continue
            if token.dep_ == "compound" and token.head.lemma_.lower() in _GENERIC_EVENT_HEADS:
                token = token.head  # "a mediation effort", "a bombing campaign"
            if token.i in seen:
                continue
            seen.add(token.i)
            head = token.head
            verb_match = matched.get(head.i)
            if verb_match is not None and bare_light_verb(verb_match, token):
                # "declared a ceasefire", "ordered an investigation": the event noun says
                # more than the verb's bare pattern (a statement, an order)
                matches.remove(verb_match)
                del matched[head.i]
            light = light_verb(token)
            if (
                light is not None
                and light.i in matched
                and token.head.lower_ == "with"
                and light.lemma_.lower() in ANSWER_VERBS
                and not any(c.dep_ == "dobj" for c in light.children)
            ):
                # "hit back with tariffs": the answer's noun says what was done, not "hit"
                matches.remove(matched.pop(light.i))
            if head.i in consumed or (head.i in matched and token.dep_ in _OBJECT_DEPS):
                continue  # the verb's own pattern decides about its object
            if (
                light is not None
                and token.head.lower_ == "under"
                and entry.code[:2] not in (_UNDER_ROOTS)
            ):
                light = None  # "keeps troops under a defense pact": not a measure on them
            if light is not None and light.i not in matched and light.i not in consumed:
                head = light
                clause = clause_for(head, sentence)
                if token.dep_ == "pobj":  # "engaged in fighting with X": X is the target
                    object_preps = {p: list(heads) for p, heads in clause.object_preps.items()}
                    for child in token.children:
                        pobjs = [c for c in child.children if c.dep_ == "pobj"]
                        if child.dep_ == "prep" and pobjs:
                            object_preps.setdefault(child.lower_, []).extend(pobjs)
                    clause = replace(clause, object_preps=object_preps)  # the shared one stays
                pattern = VerbEntry(
                    verb=head.lemma_.lower(),
                    code=entry.code,
                    particle=None,
                    prep=None,
                    objects=frozenset({entry.words[-1]}),
                    comps=frozenset(),
                    where=entry.where,
                    order=-1,
                    plover=entry.plover,
                )
                note = f"light verb + {entry.describe()}"
                light_match = Match(clause, pattern, entry.code, modality(head), note, noun=token)
                apply_modality(light_match)  # "will launch an offensive" is a threat
                out.append(light_match)
                continue
            if token.dep_ == "pobj" and head.lower_ in _TOPIC_PREPS:
                continue  # "talked about cooperation": a topic, not an event
            if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _CANCELLING_VERBS:
                continue  # "ended the talks", "the talks were suspended": not held
            nominal = noun_clause(token, entry.code)
            if nominal is None:
                continue
            if not nominal.subjects and entry.code[:2] not in BETWEEN_ROOTS:
                continue  # "between X and Y" makes both parties only of talks and fights
            pattern = VerbEntry(
                verb=entry.words[-1],
                code=entry.code,
                particle=None,
                prep=None,
                objects=frozenset(),
                comps=frozenset(),
                where=entry.where,
                order=-1,
                plover=entry.plover,
            )
            out.append(
                Match(
                    nominal,
                    pattern,
                    entry.code,
                    "asserted",
                    f"nominal {entry.describe()}",
                    nominal=True,
                    noun=token,
                )
            )
        return out

    def _adjective_matches(
        self,
        doc: Doc,
        indices: list[int],
        resolver: DocumentActors,
        context: DocumentContext,
    ) -> list[Match]:
        """Evaluations said by someone: "this organization is biased" in Tokayev's quote,
        "Poland said the decision was unacceptable", "Iran called the allegations baseless".
        The speaker (or labeller) is the source, the subject of the evaluation (or what is
        labelled) the target. A narrator's own adjectives are not events."""
        out: list[Match] = []
        for i in indices:
            token = doc[i]
            labeller = _labelling_verb(token)
            if labeller is not None:
                head = labeller  # "called the allegations baseless", "described X as ..."
                subjects = [c for c in head.children if c.dep_ == "dobj"]
            elif token.dep_ == "acomp" and token.head.lemma_.lower() in COPULAS:
                head = token.head
                subjects = [c for c in head.children if c.dep_ == "nsubj"]
            elif (
                token.pos_ == "VERB"
                and not any(c.dep_ == "agent" for c in token.children)
                and any(c.dep_ == "auxpass" for c in token.children)
            ):
                head = token  # "this organization is biased" parsed as a passive
                subjects = [c for c in head.children if c.dep_ == "nsubjpass"]
            else:
                continue
            if not subjects:
                continue
            entry = self._verbs.by_adjective[token.lower_]
            speakers: list[Actor] = []
            quote = context.quote_at(token.idx)
            if labeller is not None:  # the one who labels
                for subject in head.children:
                    if subject.dep_ == "nsubj":
                        speakers.extend(resolver.resolve(subject))
            elif quote is not None:
                speakers = resolver.speaker(quote)
            elif head.dep_ == "ccomp" and head.head.lemma_.lower() in _SPEECH_VERBS:
                for subject in head.head.children:
                    if subject.dep_ == "nsubj":
                        speakers.extend(resolver.resolve(subject))
            if not speakers:
                continue
            clause = Clause(
                head, objects=subjects, negated=any(c.dep_ == "neg" for c in head.children)
            )
            pattern = VerbEntry(
                verb=head.lemma_.lower(),
                code=entry.code,
                particle=None,
                prep=None,
                objects=frozenset(),
                comps=frozenset(),
                where=entry.where,
                order=-1,
            )
            note = f"evaluation: adjective({' '.join(entry.words)})"
            out.append(
                Match(clause, pattern, entry.code, "asserted", note, sources=tuple(speakers))
            )
        return out


_TOPIC_PREPS = words("topic_preps")


_SPEECH_VERBS = frozenset(DEFAULT_CUE_VERBS)


_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "pobj"})


# Verbs whose object is an event that stops or does not happen: "ended the talks between X
# and Y" is not a meeting of X and Y.
_CANCELLING_VERBS = words("cancelling_verbs")


def _two_sided(event: Event) -> bool:
    """Whether an event is between two known parties (for "both sides" after it)."""
    target = event.target
    return (
        target is not None
        and event.source.code != target.code
        and not event.source.code.startswith(UNKNOWN_COUNTRY)
        and not target.code.startswith(UNKNOWN_COUNTRY)
    )


def _cancelled(verb: Token) -> bool:
    """Whether a participle describes a thing that is stopped or undone: "lifted orders
    blocking the vote", "rejected a resolution calling for sanctions" (what the thing did
    is not done by whoever stops it)."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBG", "VBN")  # not the content of a call: "calls to adopt reforms"
        and noun.dep_ in ("dobj", "nsubjpass")
        and noun.head.lemma_.lower() in _CANCELLING_VERBS
    )


# Nouns that name an event only through a modifier: "a mediation effort", "a bombing
# campaign", "a peace mission".
_GENERIC_EVENT_HEADS = words("generic_event_heads")


# investigation, sanctions, arrest, siege
_UNDER_ROOTS = frozenset(
    {
        ROOT_INVESTIGATE,
        ROOT_REDUCE_RELATIONS,
        ROOT_COERCE,
        ROOT_ASSAULT,
        ROOT_FIGHT,
    }
)


# Verbs that put a label on their object: "called X unacceptable", "described X as deplorable".
_LABELLING = words("labelling_verbs")


def _labels(verb: Token, labels: Mapping[str, object]) -> bool:
    """Whether a labelling verb puts a listed label on its object ("called his counterpart
    a terrorist"): the label says what the act is, not the verb's own pattern (no call)."""
    return verb.lemma_.lower() in _LABELLING and any(
        c.dep_ == "oprd" and c.lower_ in labels for c in verb.children
    )


def _labelling_verb(adjective: Token) -> Token | None:
    """The verb whose object an adjective labels, as its object predicate ("called the
    allegations baseless") or after "as" ("described the jailbreak as deplorable")."""
    head = adjective.head
    if adjective.dep_ == "oprd" and head.lemma_.lower() in _LABELLING:
        return head
    if (
        adjective.dep_ in ("amod", "pobj", "acomp")
        and head.lower_ == "as"
        and head.dep_ == "prep"
        and head.head.lemma_.lower() in _LABELLING
    ):
        return head.head
    return None


def _remember_names(doc: Doc, indices: list[int], resolver: DocumentActors) -> None:
    """Resolve titled person names so they enter the document memory.

    Cheap: only proper-noun heads of subjects, objects and appositions (``indices``) that
    are not dictionary names themselves and carry modifiers (a title, a country) are read.
    """
    for i in indices:
        if resolver.is_named(i):
            continue
        token = doc[i]
        if token.n_lefts + token.n_rights > 0 and resolver.may_name_a_role(token):
            resolver.resolve(token)


def _drop_reporting_statements(
    events: list[Event], coded_verbs: list[Token], sentence: Span
) -> list[Event]:
    """Drop a statement ("X said ...") when what was said is itself a coded event.

    CAMEO codebook, 010: statements are coded only when they imply no other event.
    """
    if len(coded_verbs) < 2:
        return events
    doc = sentence.doc
    reported: set[int] = set()
    for verb in coded_verbs:
        for other in coded_verbs:
            if other.i != verb.i and verb.is_ancestor(other):
                reported.add(verb.idx)
    # a bare statement beside another event of the same source says nothing more:
    # "Speaking in Moscow, Putin criticized NATO"
    # (by code, or by the phrase: a source may have taken a country from its target)
    actions = [e for e in events if e.root_code != ROOT_STATEMENT]
    acting = {e.source.code for e in actions}
    acting_at = {e.source.start for e in actions}
    for e in events:
        if e.cameo.code == STATEMENT and (e.source.code in acting or e.source.start in acting_at):
            reported.add(e.evidence.verb.start)
    if not reported:
        return events
    return [
        e
        for e in events
        if not (
            e.root_code == ROOT_STATEMENT and e.evidence.verb.start in reported and doc is not None
        )
    ]
