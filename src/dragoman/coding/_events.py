"""The coding stage's driver: from a parsed document to event records, stage by stage.

Reads: a parsed Doc, the verb dictionary (verb, noun and adjective patterns) and the actor
dictionary. Writes: Event and Quote records. Per document it builds the actor resolver
(``actors.DocumentActors``) and the context (``_context``: dates, places, quotations); per
sentence with a candidate word it runs the stages in this order:

1. clauses (``_clauses.clause_for``): subjects, objects, prepositions, modality of a verb;
2. event code: verb, noun and adjective patterns matched here (:class:`_match.Match`);
3. refinements (``_refine.apply_frames``): codes refined by what governs what;
4. modality (``_modality``): future, hypothetical, obligation; intents and threats;
5. actor slots (``_targets``; sources from the clause's subjects via the resolver);
6. place and date (``_polity``, the context's places and dates);
7. records (:meth:`EventExtractor._clause_events`): Event values with their evidence.

Then, per document: agents of no named country take the story's country (``_placement``),
symmetric acts get their other side (``_reciprocal``), and the last stage (``_judge``)
decides which events users get.

docs/architecture.md draws the whole pipeline and says where each kind of rule goes.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.parts_of_speech import ADJ as _ADJ
from spacy.parts_of_speech import NOUN as _NOUN
from spacy.parts_of_speech import PROPN as _PROPN
from spacy.parts_of_speech import VERB as _VERB
from spacy.strings import StringStore
from spacy.symbols import appos, dobj, nsubj, nsubjpass, pobj
from spacy.tokens import Doc, Span, Token

from dragoman.actors import UNKNOWN_COUNTRY, ActorDictionary, DocumentActors, MentionFinder
from dragoman.coding._antecedents import with_antecedent_targets
from dragoman.coding._clauses import (
    Clause,
    clause_for,
    is_negated,
    is_purpose,
    modality,
    words_before,
)
from dragoman.coding._context import ContextOptions, DocumentContext
from dragoman.coding._judge import JudgeOptions, judge_events
from dragoman.coding._match import Candidates, Match
from dragoman.coding._modality import apply_modality, conditional
from dragoman.coding._nominal import (
    COPULAS,
    adjunct_nominal_clause,
    bare_light_verb,
    light_verb,
    nominal_clause,
    nominal_source,
    of_thing,
    state_out_of_place,
)
from dragoman.coding._parties import sentence_parties
from dragoman.coding._placement import place_in_story_country
from dragoman.coding._polity import (
    domestic_source,
    domestic_target,
    home_country,
    location_actor,
    placed,
    polity,
    same_name_city_country,
)
from dragoman.coding._reciprocal import with_reciprocals
from dragoman.coding._refine import (
    apply_frames,
    apply_purposes,
    wish_matches,
)
from dragoman.coding._subcodes import charge_subcode
from dragoman.coding._targets import (
    claimants,
    complement_subjects,
    consequence_targets,
    demand_content,
    first_actors,
    grievance_targets,
    is_unattributed,
    noun_targets,
    other_actors,
    prep_objects,
    targets_of,
    when_clauses,
)
from dragoman.coding._verbs import VerbDictionary, VerbEntry
from dragoman.lexicon import words
from dragoman.ontology import cameo, plover_for
from dragoman.ontology.codes import (
    ACCEDE_POLITICAL_REFORM,
    ARREST,
    DE_ESCALATE,
    EASE_DISSENT,
    EASE_SANCTIONS,
    IMPOSE_SANCTIONS,
    INTENT_EASE_DISSENT,
    INTENT_EASE_SANCTIONS,
    INTENT_POLITICAL_REFORM,
    PEACEKEEPING,
    RECEIVE_PEACEKEEPERS,
    REFUSE_EASE_DISSENT,
    REFUSE_EASE_SANCTIONS,
    REJECT_POLITICAL_REFORM,
    ROOT_AID,
    ROOT_ASSAULT,
    ROOT_COERCE,
    ROOT_CONSULT,
    ROOT_DIPLOMATIC_COOPERATION,
    ROOT_FIGHT,
    ROOT_FORCE_POSTURE,
    ROOT_INTENT,
    ROOT_INVESTIGATE,
    ROOT_MASS_VIOLENCE,
    ROOT_MATERIAL_COOPERATION,
    ROOT_PROTEST,
    ROOT_REDUCE_RELATIONS,
    ROOT_STATEMENT,
    ROOT_YIELD,
    STATEMENT,
    THREATEN_SANCTIONS,
)
from dragoman.pipeline import TokenTable
from dragoman.pipeline._text import document_text
from dragoman.quotes import DEFAULT_CUE_VERBS
from dragoman.records import (
    Actor,
    CameoRef,
    Event,
    Evidence,
    PloverRef,
    Quote,
    TextSpan,
    make_event_id,
)

__all__ = ["EventExtractor"]

# CAMEO roots where co-subjects with no target act on each other ("X and Y met"): PLOVER
# manual, "Compound and Reciprocal Actors".
_RECIPROCAL_ROOTS = frozenset(
    {
        ROOT_INTENT,
        ROOT_CONSULT,
        ROOT_DIPLOMATIC_COOPERATION,
        ROOT_MATERIAL_COOPERATION,
    }
)


_RECIPROCAL_VERBS = words("reciprocal_verbs")


_NAME_DEP_IDS = frozenset({nsubj, nsubjpass, dobj, appos, pobj})


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
        self._ontology: dict[str, tuple[CameoRef, str, int, float, PloverRef]] = {}
        self._hashes: frozenset[int] | None = None
        self._noun_hash_set: frozenset[int] | None = None
        self._adjective_hash_set: frozenset[int] | None = None
        self._options = options if options is not None else ContextOptions()
        self._judge = judge if judge is not None else JudgeOptions()

    def extract(self, doc: Doc, *, doc_id: str, date: str | None) -> list[Event]:
        """Return the events of one parsed document (see :meth:`analyze`)."""
        return self.analyze(doc, doc_id=doc_id, date=date)[0]

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
            elif pos == _PROPN:
                if deps[i] in _NAME_DEP_IDS:
                    names.append(i)
            elif pos == _ADJ and lowers[i] in adjective_hashes:
                adjectives.append(i)
        events: list[Event] = []
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
            events.extend(
                self._sentence_events(
                    sentence,
                    index,
                    resolver,
                    context,
                    doc_id,
                    Candidates(
                        verbs[first_v:v], names[first_n:n], nouns[first_e:e], adjectives[first_a:a]
                    ),
                )
            )
        events = with_antecedent_targets(events, doc, resolver)
        events = with_reciprocals(place_in_story_country(events), self._describe)
        parties = sentence_parties(doc, resolver)
        return judge_events(events, self._judge, parties=parties), context.quotes(doc_id)

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
    ) -> list[Event]:
        doc = sentence.doc
        matches: list[Match] = []
        for i in found.verbs:
            token = doc[i]
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
            if entry is not None and not conditional(token):
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
            if match in purposes and any(v.i == verb.head.i for v in coded_verbs):
                continue
            new = self._clause_events(match, sentence, index, resolver, context, doc_id)
            if new:
                events.extend(new)
                events.extend(self._charges(match, new, doc_id))
                coded_verbs.append(verb)
        _remember_names(doc, found.names, resolver)
        events.sort(key=lambda event: event.evidence.verb.start)  # text order
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
            if entry is None or of_thing(token) or state_out_of_place(token):
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
            if head.i in consumed or (head.i in matched and token.dep_ in _OBJECT_DEPS):
                continue  # the verb's own pattern decides about its object
            light = light_verb(token)
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
                    for child in token.children:
                        pobjs = [c for c in child.children if c.dep_ == "pobj"]
                        if child.dep_ == "prep" and pobjs:
                            clause.object_preps.setdefault(child.lower_, []).extend(pobjs)
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
            nominal = nominal_clause(token) or adjunct_nominal_clause(token)
            if nominal is None:
                continue
            if not nominal.subjects and entry.code[:2] not in _BETWEEN_ROOTS:
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

    def _clause_events(
        self,
        match: Match,
        sentence: Span,
        index: int,
        resolver: DocumentActors,
        context: DocumentContext,
        doc_id: str,
    ) -> list[Event]:
        clause, entry, code = match.clause, match.entry, match.code
        sources: list[Actor] = list(match.sources)
        for head in clause.subjects:
            sources.extend(
                resolver.resolve(head) if not match.nominal else nominal_source(head, resolver)
            )
        if not sources and match.nominal and "between" in clause.preps:
            sources = first_actors(clause.preps["between"], resolver)  # reciprocal talks
        if not sources and clause.passive and code.startswith(_OWN_FORCES_PREFIXES):
            # "Chinese warships were deployed near Taiwan", "Russian troops were withdrawn":
            # forces moved are moved by their own side
            sources = [
                a
                for head in clause.objects
                for a in resolver.resolve(head)
                if not a.code.startswith(UNKNOWN_COUNTRY)
            ]
            if sources:
                clause = replace(clause, objects=[])
        if not sources and not match.nominal:
            sources = claimants(clause, resolver)  # "the attack, claimed by IS, killed"
        unattributed = not sources and is_unattributed(match, resolver, self._verbs)
        if not sources and not unattributed:
            return []
        if match.nominal:
            targets = first_actors(
                [h for p in _NOMINAL_TARGET_PREPS for h in clause.preps.get(p, [])], resolver
            ) or other_actors(first_actors(clause.preps.get("of", []), resolver), sources)
            if not targets and len({s.code for s in sources}) < 2:
                return []  # "Russian attack" alone names no one attacked: too vague
        else:
            # the object is the pattern's instrument ("imposed sanctions"), unless the event
            # noun is in a prepositional phrase ("placed the leader under arrest")
            constrained = (
                bool(entry.objects)
                and entry.objects != _ANY_OBJECT
                and not (match.noun is not None and match.noun.dep_ == "pobj")
            )
            targets = targets_of(clause, entry.prep, constrained, resolver)
        if match.noun is not None and not other_actors(targets, sources):
            # "mounted its invasion of Lebanon", "the arrest of X by Y": what the event is of
            targets = first_actors(prep_objects(match.noun, "of"), resolver) or targets
        if match.noun is not None and all(t.code.startswith(UNKNOWN_COUNTRY) for t in targets):
            # "air strikes on Gaza killed 20 people": the event noun names whom it hit
            targets = noun_targets([match.noun], resolver) or targets
        if not targets and match.content is not None:
            # "stressed the need to lift sanctions on Iraq", "the need for talks with X"
            content = match.content
            if content.pos_ == "NOUN":
                targets = noun_targets([content], resolver)
            else:
                targets = targets_of(clause_for(content, sentence), None, False, resolver)
        if not targets and match.addressee:
            # "demanded that Iran stop", "said Sudan must return": the one asked to act
            targets = complement_subjects(clause, resolver)
        if not targets:
            # "allowed Syrian refugees to return", "convinced parliament to amend the law":
            # the one allowed or persuaded, parsed as the subject of the to-infinitive
            targets = [
                replace(a, rule=f"infinitive-subject:{a.rule}")
                for a in complement_subjects(clause, resolver, infinitive=True)
            ]
        if not targets:
            # "threatened to attack X", "refused to negotiate with X": the complement
            # carries the target of the intent, threat or refusal
            for comp in clause.comps:
                if comp.dep_ in ("xcomp", "pcomp"):
                    inner = clause_for(comp, sentence)
                    targets = targets_of(inner, None, False, resolver) or [
                        # "refused to allow UN planes to land": the one (not) allowed
                        replace(a, rule=f"infinitive-subject:{a.rule}")
                        for a in complement_subjects(inner, resolver, infinitive=True)
                    ]
                    if targets:
                        break
        if not targets and code.startswith(_FORCE_PREFIXES):
            targets = consequence_targets(clause.verb, sentence, resolver)
        if code[:2] == ROOT_PROTEST and all(t.rule == "place-of-object" for t in targets):
            # "held a sit-in to protest against X's plan", "marched in defiance
            # of X": whom the protest is aimed at, before where it is held
            heads = [clause.verb, match.noun, *clause.objects]  # "staged a protest over X"
            targets = grievance_targets(heads, resolver) or targets
        if code.startswith(_OWN_FORCES_PREFIXES):
            # "deployed troops to the border", "the withdrawal of its troops": the forces
            # moved are the source's own, not the target (CAMEO 15: the target is whom the
            # posture is aimed at)
            targets = [t for t in targets if not t.code.startswith(UNKNOWN_COUNTRY)]
        location = context.location_for(clause.verb, sentence, [*sources, *targets])
        place_rule = "location"
        if location is None and code.startswith(_FORCE_PREFIXES):
            # "killed six guards when they stormed a prison in Niger": where it happened
            place_rule = "when-clause-location"
            for verb in when_clauses(clause.verb):
                location = context.location_for(verb, sentence, [*sources, *targets])
                if location is not None:
                    break
        if unattributed:
            # "two soldiers were killed in Kirkuk", "a car bomb killed two soldiers in
            # Kirkuk": force used by no one named is used in, and by, the place's country
            if location is None or not location.country:
                return []
            sources = [location_actor(location, context, rule="location:unattributed")]
        if location is not None and location.country:
            sources = [placed(a, location, place_rule) for a in sources]
            targets = [placed(a, location, place_rule) for a in targets]
            if not targets and code[:2] in _LOCATED_TARGET_ROOTS:
                # "imposed a curfew in Cizre", "reimposed blockades in the West Bank": a
                # material event done in a place is done to that country
                targets = [location_actor(location, context)]
        pairs: list[tuple[Actor, Actor | None]]
        domestic = code[:2] in _DOMESTIC_ROOTS or code.startswith(_DOMESTIC_CODES)
        if (
            not match.nominal
            and len({s.code for s in sources}) > 1
            and code[:2] in _RECIPROCAL_ROOTS
            and not other_actors(targets, sources)
        ):
            targets = []  # "X and Y agreed on a pact between the two": with each other
        if targets:
            pairs = [
                (domestic_source(s, t, resolver), domestic_target(t, s, resolver, code))
                for s in sources
                for t in targets
                if s.code != t.code
                and not (code[:2] in _RECIPROCAL_ROOTS and t.code == s.code[:3])
                and not (code.startswith(_OWN_FORCES_PREFIXES) and t.code[:3] == s.code[:3])
            ]  # a government does not meet its own country, nor withdraw from its own forces
            if not pairs:  # "Egypt evacuated its embassy": the event stands, with no target
                # (a protest or repression in the source's own country targets that country)
                pairs = [(s, home_country(s, resolver) if domestic else None) for s in sources]
        elif len({s.code for s in sources}) > 1 and (
            code[:2] in _RECIPROCAL_ROOTS or entry.verb in _RECIPROCAL_VERBS
        ):
            pairs = [(s, t) for s in sources for t in sources if s.code != t.code]
        elif domestic:
            # protest, repression, curfews and bans with no target named: done within the
            # source's own country ("Egyptian demonstrators rioted")
            pairs = [(s, polity(s, location, context, resolver)) for s in sources]
        else:
            pairs = [(s, None) for s in sources]
        cameo_ref, root, quad, goldstein, plover = self._describe(code)
        if entry.plover is not None and code == entry.code and entry.plover != plover.type:
            plover = PloverRef(entry.plover, None)  # "resigned": RETREAT, not 0831's CONCEDE
        negated = is_negated(clause) if match.negated is None else match.negated
        verb_start, verb_end = clause.verb_span()
        pattern = f"{entry.describe()} ({entry.where})"
        if match.note:
            pattern = f"{pattern}; {match.note} -> {code}"
        evidence = Evidence(
            sentence=TextSpan(
                context.text[sentence.start_char : sentence.end_char],
                sentence.start_char,
                sentence.end_char,
            ),
            verb=TextSpan(resolver.char_span_text(verb_start, verb_end), verb_start, verb_end),
            pattern=pattern,
        )
        date, precision, date_source = context.date_for(clause.verb, sentence)
        quote = context.quote_at(verb_start)
        return [
            Event(
                doc_id=doc_id,
                sentence_index=index,
                event_id=make_event_id(doc_id, verb_start, source, target, code),
                date=date,
                source=source,
                target=target,
                cameo=cameo_ref,
                root_code=root,
                quad_class=quad,
                goldstein=goldstein,
                plover=plover,
                negated=negated,
                evidence=evidence,
                modality=match.modality,
                date_precision=precision,
                date_source=date_source,
                location=location,
                quote=quote,
            )
            for source, target in pairs
        ]

    def _charges(self, match: Match, arrests: list[Event], doc_id: str) -> list[Event]:
        """The accusation an arrest names, between the same actors: "Iran detained two
        Britons for spying" is both the arrest (173) and the charge of espionage (1125)."""
        if (
            match.code != ARREST
            or match.modality != "asserted"
            or match.entry.verb not in _ARRESTING_VERBS
        ):
            return []
        found = charge_subcode(match.clause)
        if found is None:
            return []
        code, note = found
        cameo_ref, root, quad, goldstein, plover = self._describe(code)
        return [
            replace(
                event,
                event_id=make_event_id(
                    doc_id, event.evidence.verb.start, event.source, event.target, code
                ),
                cameo=cameo_ref,
                root_code=root,
                quad_class=quad,
                goldstein=goldstein,
                plover=plover,
                evidence=replace(
                    event.evidence, pattern=f"{event.evidence.pattern}; {note} -> {code}"
                ),
            )
            for event in arrests
        ]

    def _describe(self, code: str) -> tuple[CameoRef, str, int, float, PloverRef]:
        known = self._ontology.get(code)
        if known is None:
            info = cameo(code)
            mapping = plover_for(code)
            known = (
                CameoRef(info.code, info.name),
                info.root_code,
                int(info.quad_class),
                info.goldstein,
                PloverRef(mapping.type, mapping.mode),
            )
            self._ontology[code] = known
        return known


# Verbs of arrest whose charge is still an allegation: not an indictment (itself the
# accusation) nor a sentence (PLOVER: no 'allege' alongside a conviction).
_ARRESTING_VERBS = words("arresting_verbs")


# Codes of moving one's own forces: deploying, sending and withdrawing troops.
_OWN_FORCES_PREFIXES = (ROOT_FORCE_POSTURE, PEACEKEEPING, DE_ESCALATE, RECEIVE_PEACEKEEPERS)


_TOPIC_PREPS = words("topic_preps")


_BETWEEN_ROOTS = frozenset({ROOT_CONSULT, ROOT_FIGHT})


_SPEECH_VERBS = frozenset(DEFAULT_CUE_VERBS)


_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "pobj"})


# Prepositions that give a nominal event's target: "attack on X", "talks with X".
_NOMINAL_TARGET_PREPS = (
    "on",
    "against",
    "with",
    "between",
    "to",
    "into",
    "toward",
    "towards",
    "upon",
)


# Verbs whose object is an event that stops or does not happen: "ended the talks between X
# and Y" is not a meeting of X and Y.
_CANCELLING_VERBS = words("cancelling_verbs")


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


# Roots of material events whose place, when no target is named, is their target.
_LOCATED_TARGET_ROOTS = frozenset(
    {
        ROOT_AID,
        ROOT_YIELD,
        ROOT_INVESTIGATE,
        ROOT_PROTEST,
        ROOT_FORCE_POSTURE,
        ROOT_COERCE,
        ROOT_ASSAULT,
        ROOT_FIGHT,
        ROOT_MASS_VIOLENCE,
    }
)


# ``object: ["*"]``: any object, which is then whom the event is done to ("helped Haiti")
_ANY_OBJECT = words("any_object")


_DOMESTIC_ROOTS = frozenset({ROOT_PROTEST, ROOT_COERCE})


# Codes about a state's own polity: its administrative sanctions, political dissent,
# reform, rights and leadership ("lifted the curfew", "allowed the candidate to run",
# "agreed to postpone the rally", "declined to resign", "refused to lift the ban"). With
# no target named, they are done to the source's own country (``domestic:source-country``).
_DOMESTIC_CODES = (
    EASE_SANCTIONS,
    EASE_DISSENT,
    THREATEN_SANCTIONS,
    IMPOSE_SANCTIONS,
    INTENT_POLITICAL_REFORM,
    INTENT_EASE_SANCTIONS,
    INTENT_EASE_DISSENT,
    ACCEDE_POLITICAL_REFORM,
    REJECT_POLITICAL_REFORM,
    REFUSE_EASE_SANCTIONS,
    REFUSE_EASE_DISSENT,
)


# Roots of force whose participial consequence ("shelled X, killing 20") hit the same side.
_FORCE_PREFIXES = (ROOT_ASSAULT, ROOT_FIGHT, ROOT_MASS_VIOLENCE)


# Verbs that put a label on their object: "called X unacceptable", "described X as deplorable".
_LABELLING = words("labelling_verbs")


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
