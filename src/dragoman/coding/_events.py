"""From clauses to events: match verb patterns, pick source and target actors, build records."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.parts_of_speech import ADJ as _ADJ
from spacy.parts_of_speech import NOUN as _NOUN
from spacy.parts_of_speech import PROPN as _PROPN
from spacy.parts_of_speech import VERB as _VERB
from spacy.strings import StringStore
from spacy.symbols import appos, dobj, nsubj, nsubjpass, pobj
from spacy.tokens import Doc, Span, Token

from dragoman.actors import UNKNOWN_COUNTRY, ActorDictionary, DocumentActors, MentionFinder
from dragoman.coding._clauses import (
    Clause,
    clause_for,
    is_negated,
    is_purpose,
    modality,
    words_before,
)
from dragoman.coding._context import ContextOptions, DocumentContext
from dragoman.coding._frames import Frame, family_of, frame_code, frame_of
from dragoman.coding._judge import JudgeOptions, judge_events
from dragoman.coding._subcodes import (
    allegation_subcode,
    charge_subcode,
    instrument_subcode,
    is_subcode,
    object_subcode,
    protest_subcode,
    rally_subcode,
    reform_subcode,
)
from dragoman.coding._verbs import VerbDictionary, VerbEntry
from dragoman.lexicon import words
from dragoman.ontology import cameo, plover_for
from dragoman.pipeline import TokenTable
from dragoman.pipeline._text import document_text
from dragoman.places import load_gazetteer
from dragoman.quotes import DEFAULT_CUE_VERBS
from dragoman.records import (
    Actor,
    CameoRef,
    Event,
    Evidence,
    Location,
    PloverRef,
    Quote,
    TextSpan,
    make_event_id,
)

__all__ = ["EventExtractor"]

# Prepositions whose object is read as the target when the pattern names none, in order of
# preference ("sanctions against X", "talks with X", "aid to X").
_TARGET_PREPS = (
    "against",
    "on",
    "with",
    "to",
    "toward",
    "towards",
    "at",
    "for",
    "upon",
    "from",
    "into",
    "over",
    "between",
    "among",
)
# CAMEO roots where co-subjects with no target act on each other ("X and Y met"): PLOVER
# manual, "Compound and Reciprocal Actors".
_RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
_RECIPROCAL_VERBS = words("reciprocal_verbs")
_STATEMENT_ROOT = "01"
# generic political-reform codes, refined by what the reform is about
_REFORM_CODES = frozenset({"024", "034", "083", "104", "123"})
_NAME_DEP_IDS = frozenset({nsubj, nsubjpass, dobj, appos, pobj})


@dataclass(slots=True)
class _Match:
    """A clause with the verb pattern it matched and the code it will be coded with."""

    clause: Clause
    entry: VerbEntry
    code: str
    modality: str
    note: str = ""  # how ``code`` was derived from the pattern's, for the evidence
    addressee: bool = False  # the complement's subject is the target ("demanded that X")
    nominal: bool = False  # a noun names the event ("Russia's attack on Ukraine")
    sources: tuple[Actor, ...] = ()  # actors known before the clause is read (a speaker)
    noun: Token | None = None  # the event noun of a light verb or a nominal event
    content: Token | None = None  # what a statement of need asks for (a verb or a noun)
    negated: bool | None = None  # None: read the negation from the clause


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Token indices of one sentence worth a closer look."""

    verbs: list[int]
    names: list[int]
    nouns: list[int]
    adjectives: list[int]


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
                    _Candidates(
                        verbs[first_v:v], names[first_n:n], nouns[first_e:e], adjectives[first_a:a]
                    ),
                )
            )
        return judge_events(events, self._judge), context.quotes(doc_id)

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
        found: _Candidates,
    ) -> list[Event]:
        doc = sentence.doc
        matches: list[_Match] = []
        for i in found.verbs:
            token = doc[i]
            clause = clause_for(token, sentence)
            entry = self._verbs.match(
                token.lemma_,
                particle=clause.particle,
                preps=clause.preps.keys() | clause.object_preps.keys(),
                objects=clause.object_lemmas,
                comps=clause.comp_lemmas,
            )
            if entry is not None and not _conditional(token):
                matches.append(_Match(clause, entry, entry.code, modality(token)))
        matches.extend(_wish_matches(matches, sentence))
        consumed, actions = _apply_frames(matches, self._verbs)
        # what a demand or request asks for is its content, not an event that happened:
        # "rejected Peru's request that it withdraw its navy" codes no withdrawal
        consumed.update(m.clause.verb.i for m in matches if _demand_content(m.clause.verb))
        if found.nouns:
            matches.extend(self._noun_matches(doc, sentence, found.nouns, matches, consumed))
        _apply_purposes(matches, actions, consumed)
        if found.adjectives:
            matches.extend(self._adjective_matches(doc, found.adjectives, resolver, context))
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
        matches: list[_Match],
        consumed: set[int],
    ) -> list[_Match]:
        """Events named by nouns: light verbs ("launched an offensive against X") and
        nominal events ("Russia's attack on Ukraine", "talks between X and Y").

        A verb with its own pattern decides for its object; a noun inside a governed
        complement is part of that complement.
        """
        matched = {m.clause.verb.i: m for m in matches}
        out: list[_Match] = []
        seen: set[int] = set()  # nouns read, once each ("mediation" and "mediation effort")
        for i in noun_indices:
            token = doc[i]
            if i in consumed:
                continue  # the doer of a verb's event: "air strikes killed 20"
            entry = self._verbs.match_noun(token.lemma_.lower(), words_before(token))
            if entry is None or _of_thing(token) or _state_out_of_place(token):
                continue
            if token.dep_ == "compound" and token.head.lemma_.lower() in _GENERIC_EVENT_HEADS:
                token = token.head  # "a mediation effort", "a bombing campaign"
            if token.i in seen:
                continue
            seen.add(token.i)
            head = token.head
            verb_match = matched.get(head.i)
            if verb_match is not None and _bare_light_verb(verb_match, token):
                # "declared a ceasefire", "ordered an investigation": the event noun says
                # more than the verb's bare pattern (a statement, an order)
                matches.remove(verb_match)
                del matched[head.i]
            if head.i in consumed or (head.i in matched and token.dep_ in _OBJECT_DEPS):
                continue  # the verb's own pattern decides about its object
            light = _light_verb(token)
            if light is not None and token.head.lower_ == "under" and entry.code[:2] not in (
                _UNDER_ROOTS
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
                light_match = _Match(
                    clause, pattern, entry.code, modality(head), note, noun=token
                )
                _apply_modality(light_match)  # "will launch an offensive" is a threat
                out.append(light_match)
                continue
            if token.dep_ == "pobj" and head.lower_ in _TOPIC_PREPS:
                continue  # "talked about cooperation": a topic, not an event
            if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _CANCELLING_VERBS:
                continue  # "ended the talks", "the talks were suspended": not held
            nominal = _nominal_clause(token)
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
                _Match(
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
    ) -> list[_Match]:
        """Evaluations said by someone: "this organization is biased" in Tokayev's quote,
        "Poland said the decision was unacceptable". The speaker is the source, the subject
        of the evaluation the target. A narrator's own adjectives are not events."""
        out: list[_Match] = []
        for i in indices:
            token = doc[i]
            if token.dep_ == "acomp" and token.head.lemma_.lower() in _COPULAS:
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
            if quote is not None:
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
                _Match(clause, pattern, entry.code, "asserted", note, sources=tuple(speakers))
            )
        return out

    def _clause_events(
        self,
        match: _Match,
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
                resolver.resolve(head) if not match.nominal else _nominal_source(head, resolver)
            )
        if not sources and match.nominal and "between" in clause.preps:
            sources = _first_actors(clause.preps["between"], resolver)  # reciprocal talks
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
            sources = _claimants(clause, resolver)  # "the attack, claimed by IS, killed"
        unattributed = not sources and _unattributed(match, resolver, self._verbs)
        if not sources and not unattributed:
            return []
        if match.nominal:
            targets = _first_actors(
                [h for p in _NOMINAL_TARGET_PREPS for h in clause.preps.get(p, [])], resolver
            ) or _other_actors(_first_actors(clause.preps.get("of", []), resolver), sources)
            if not targets and len({s.code for s in sources}) < 2:
                return []  # "Russian attack" alone names no one attacked: too vague
        else:
            # the object is the pattern's instrument ("imposed sanctions"), unless the event
            # noun is in a prepositional phrase ("placed the leader under arrest")
            constrained = bool(entry.objects) and entry.objects != _ANY_OBJECT and not (
                match.noun is not None and match.noun.dep_ == "pobj"
            )
            targets = _targets(clause, entry.prep, constrained, resolver)
        if match.noun is not None and not _other_actors(targets, sources):
            # "mounted its invasion of Lebanon", "the arrest of X by Y": what the event is of
            targets = _first_actors(_pobjs(match.noun, "of"), resolver) or targets
        if match.noun is not None and all(t.code.startswith(UNKNOWN_COUNTRY) for t in targets):
            # "air strikes on Gaza killed 20 people": the event noun names whom it hit
            targets = _noun_targets([match.noun], resolver) or targets
        if not targets and match.content is not None:
            # "stressed the need to lift sanctions on Iraq", "the need for talks with X"
            content = match.content
            if content.pos_ == "NOUN":
                targets = _noun_targets([content], resolver)
            else:
                targets = _targets(clause_for(content, sentence), None, False, resolver)
        if not targets and match.addressee:
            # "demanded that Iran stop", "said Sudan must return": the one asked to act
            targets = _complement_subjects(clause, resolver)
        if not targets:
            # "allowed Syrian refugees to return", "convinced parliament to amend the law":
            # the one allowed or persuaded, parsed as the subject of the to-infinitive
            targets = [
                replace(a, rule=f"infinitive-subject:{a.rule}")
                for a in _complement_subjects(clause, resolver, infinitive=True)
            ]
        if not targets:
            # "threatened to attack X", "refused to negotiate with X": the complement
            # carries the target of the intent, threat or refusal
            for comp in clause.comps:
                if comp.dep_ in ("xcomp", "pcomp"):
                    inner = clause_for(comp, sentence)
                    targets = _targets(inner, None, False, resolver) or [
                        # "refused to allow UN planes to land": the one (not) allowed
                        replace(a, rule=f"infinitive-subject:{a.rule}")
                        for a in _complement_subjects(inner, resolver, infinitive=True)
                    ]
                    if targets:
                        break
        if not targets and code.startswith(_FORCE_PREFIXES):
            targets = _consequence_targets(clause.verb, sentence, resolver)
        if code[:2] == _PROTEST_ROOT and all(t.rule == "place-of-object" for t in targets):
            # "held a sit-in to protest against X's plan", "marched in defiance
            # of X": whom the protest is aimed at, before where it is held
            heads = [clause.verb, match.noun, *clause.objects]  # "staged a protest over X"
            targets = _grievance_targets(heads, resolver) or targets
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
            for verb in _when_clauses(clause.verb):
                location = context.location_for(verb, sentence, [*sources, *targets])
                if location is not None:
                    break
        if unattributed:
            # "two soldiers were killed in Kirkuk", "a car bomb killed two soldiers in
            # Kirkuk": force used by no one named is used in, and by, the place's country
            if location is None or not location.country:
                return []
            sources = [_location_actor(location, context, rule="location:unattributed")]
        if location is not None and location.country:
            sources = [_placed(a, location, place_rule) for a in sources]
            targets = [_placed(a, location, place_rule) for a in targets]
            if not targets and code[:2] in _LOCATED_TARGET_ROOTS:
                # "imposed a curfew in Cizre", "reimposed blockades in the West Bank": a
                # material event done in a place is done to that country
                targets = [_location_actor(location, context)]
        pairs: list[tuple[Actor, Actor | None]]
        domestic = code[:2] in _DOMESTIC_ROOTS or code.startswith(_DOMESTIC_CODES)
        if (
            not match.nominal
            and len({s.code for s in sources}) > 1
            and code[:2] in _RECIPROCAL_ROOTS
            and not _other_actors(targets, sources)
        ):
            targets = []  # "X and Y agreed on a pact between the two": with each other
        if targets:
            pairs = [
                (_domestic_source(s, t, resolver), _domestic(t, s, resolver))
                for s in sources
                for t in targets
                if s.code != t.code
                and not (code[:2] in _RECIPROCAL_ROOTS and t.code == s.code[:3])
                and not (code.startswith(_OWN_FORCES_PREFIXES) and t.code[:3] == s.code[:3])
            ]  # a government does not meet its own country, nor withdraw from its own forces
            if not pairs:  # "Egypt evacuated its embassy": the event stands, with no target
                # (a protest or repression in the source's own country targets that country)
                pairs = [(s, _home_country(s, resolver) if domestic else None) for s in sources]
        elif len({s.code for s in sources}) > 1 and (
            code[:2] in _RECIPROCAL_ROOTS or entry.verb in _RECIPROCAL_VERBS
        ):
            pairs = [(s, t) for s in sources for t in sources if s.code != t.code]
        elif domestic:
            # protest, repression, curfews and bans with no target named: done within the
            # source's own country ("Egyptian demonstrators rioted")
            pairs = [(s, _polity(s, location, context, resolver)) for s in sources]
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

    def _charges(self, match: _Match, arrests: list[Event], doc_id: str) -> list[Event]:
        """The accusation an arrest names, between the same actors: "Iran detained two
        Britons for spying" is both the arrest (173) and the charge of espionage (1125)."""
        if (
            match.code != _ARREST
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


_ARREST = "173"  # arrest, detain, or charge with legal action
# Verbs of arrest whose charge is still an allegation: not an indictment (itself the
# accusation) nor a sentence (PLOVER: no 'allege' alongside a conviction).
_ARRESTING_VERBS = words("arresting_verbs")

# Roots whose verbs govern their complement: what is appealed for, intended, demanded,
# refused or threatened is not a separate event ("demanded that X withdraw").
_GOVERNING_ROOTS = frozenset({"02", "03", "10", "12", "13"})
_ACTION_ROOTS_INTENT = frozenset({"04", "05", "06", "07", "08"})
_ACTION_ROOTS_THREAT = frozenset({"14", "15", "16", "17", "18", "19", "20"})


def _apply_frames(
    matches: list[_Match], verbs: VerbDictionary
) -> tuple[set[int], dict[int, str]]:
    """Refine codes by what governs what; return the verbs that are not events, and the
    action code of each matched verb (before modality made it an intent or threat).

    - An object names the kind of thing given, cut or asked for ("provided military aid"
      072, "halted food aid" 1623): see :func:`object_subcode`.
    - A generic use of force takes the code of the attack it was done in or by ("killed
      ... in an air strike" 195, "a car bomb killed" 1832): see :func:`_refine_by_means`.
    - A generic appeal, intent, demand, refusal or threat takes its family's code for the
      action in its complement ("urged X to release" 0253, "refused to release" 1243), or for
      the event noun it asks for ("called for the withdrawal" 0256, "demanded the release"
      1053, "asked for aid" 023, "agreed to a ceasefire" 0356, "rejected a proposal to hold
      talks" 125).
    - A pattern that names its complement verb ("urge ... to send" 023) gives way to the
      complement's own, more specific action ("urged X to send peacekeepers" 0234,
      "threatened to stop negotiations" 134).
    - A statement whose complement is an obligation ("said Sudan must return") is a demand.
    - A future or hypothetical action is an intent or a threat ("will send aid" 033, "could
      impose sanctions" 1312).
    - A statement that the speaker is optimistic or pessimistic is 013 or 012 ("said he was
      confident that ...").
    - Complements of governing verbs, and every to-complement of a matched verb, are
      consumed: they are the content, not separate events.
    """
    by_verb = {m.clause.verb.i: m for m in matches}
    consumed: set[int] = set()
    actions: dict[int, str] = {}  # verb -> its action code, before modality
    for match in matches:  # the actions themselves first: "said it will send aid"
        if match.note == "":
            found = object_subcode(match.code, match.clause, verbs) or allegation_subcode(
                match.code, match.clause
            )
            if found is not None:
                match.code, match.note = found
            else:
                _refine_by_means(match, verbs, consumed)
            _refine_arrival(match, verbs)
            _refine_failed_settlement(match)
        actions[match.clause.verb.i] = match.code
    for match in matches:  # what a yield gives, before modality makes it an intent
        if match.code == _YIELD and match.note == "":
            _refine_yield(match, verbs, by_verb, actions)
            actions[match.clause.verb.i] = match.code
    for match in matches:
        _apply_modality(match)
    for match in matches:
        root = match.code[:2]
        comps = match.entry.comps
        frame = frame_of(match.entry.code) if not comps or comps == {"*"} else None
        named = bool(comps) and comps != {"*"}  # "agree ... to lift", not "concluded that *"
        for comp in [*match.clause.comps, *_message_contents(match)]:
            inner = by_verb.get(comp.i)
            if comp.dep_ in ("xcomp", "pcomp") or root in _GOVERNING_ROOTS:
                consumed.add(comp.i)
            action = actions.get(comp.i) if inner is not None else _light_action(comp, verbs)
            if frame is not None and action is not None and match.note == "":
                refined = _SETTLING.get(frame) if _settles(comp) else frame_code(frame, action)
                if refined is not None:
                    match.code = refined
                    match.note = f"{frame.name.lower()} about {action} ({comp.text})"
            elif frame is None and named and action is not None and match.note == "":
                _refine_named_complement(match, action, inner, comp)
            elif (
                root == _STATEMENT_ROOT
                and comp.dep_ in ("ccomp", "acl")
                and (obliged := _obligation(comp)) is not None
            ):
                if obliged is not comp:  # "has to stop", "needs to cut": the action is in "to"
                    action = (
                        actions.get(obliged.i)
                        if obliged.i in by_verb
                        else _light_action(obliged, verbs)
                    )
                    consumed.add(obliged.i)
                demanded = frame_code(Frame.DEMAND, action) if action else None
                if _settles(obliged):  # "said the two sides must reach an agreement"
                    demanded = _SETTLING[Frame.DEMAND]
                match.code = demanded or "100"
                match.note = f"obligation in complement ({obliged.text})"
                match.addressee = True
                consumed.add(comp.i)
        if root == _STATEMENT_ROOT and match.note == "":
            _need_as_demand(match, by_verb, actions, verbs, consumed)
        if match.code == _DENIAL_CODE:
            # "denied that its troops attacked X", "rejected claims that X shelled Y": what
            # is denied is not an event
            consumed.update(c.i for c in match.clause.comps)
            for obj in match.clause.objects:
                consumed.update(
                    c.i for c in obj.children if c.dep_ in ("acl", "ccomp") and c.pos_ == "VERB"
                )
        if frame is not None and match.note == "":
            _refine_by_noun(match, frame, verbs, by_verb, actions)
        elif match.code == _STATEMENT and match.note == "":
            _refine_outlook(match)
        if match.note == "" or match.code in _REFORM_CODES:
            reform = reform_subcode(match.code, match.clause)
            if reform is not None:
                match.code, match.note = reform
        rally = rally_subcode(match.code, match.clause)
        if rally is not None:
            match.code, match.note = rally
        if frame in (Frame.APPEAL, Frame.DEMAND) or match.code[:2] in ("02", "10"):
            match.addressee = True
    return consumed, actions


# Settling a dispute is no action code of its own: CAMEO codes appeals, intents, demands
# and refusals to reach a settlement, agreement or resolution as 027, 037, 107 and 127.
_SETTLING: dict[Frame, str] = {
    Frame.APPEAL: "027",
    Frame.INTENT: "037",
    Frame.DEMAND: "107",
    Frame.REJECT: "127",
}
_REACHING = words("reaching")
_SETTLEMENTS = words("settlements")


def _settles(verb: Token) -> bool:
    """Whether a verb reaches a settlement: "reach an agreement", "find a solution"."""
    return verb.lemma_.lower() in _REACHING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _SETTLEMENTS for c in verb.children
    )


_HALT_NEGOTIATIONS = "164"


def _refine_failed_settlement(match: _Match) -> None:
    """Failing to reach an agreement is failed negotiations (164, codebook: "failed
    negotiations"), not a negated agreement: "the two sides failed to reach a deal"."""
    verb = match.clause.verb
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FAILING and _settles(verb):
        match.code = _HALT_NEGOTIATIONS
        match.note = f"failed to agree ({verb.head.text})"
        match.negated = False


_FAILING = words("failing")
# Nouns of a message whose that-clause is what it says: "issued a reminder to X that it
# must cooperate" (a demand, as "said X must cooperate").
_MESSAGE_NOUNS = words("message_nouns")


def _message_contents(match: _Match) -> list[Token]:
    """The that-clauses of a statement's message objects ("issued a reminder that ...")."""
    if not match.code.startswith(_STATEMENT_ROOT):
        return []
    return [
        child
        for obj in match.clause.objects
        if obj.lemma_.lower() in _MESSAGE_NOUNS
        for child in obj.children
        if child.dep_ == "acl" and _that_clause(child)
    ]


def _that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


# Verbs of arriving, which make a visit (042) unless what arrives was sent: troops,
# peacekeepers, inspectors, aid workers.
_ARRIVAL_VERBS = words("arrival_verbs")


def _refine_arrival(match: _Match, verbs: VerbDictionary) -> None:
    """Code the arrival of what is sent as its sending: "Nigerian peacekeepers arrived in
    Liberia" is "Nigeria sent peacekeepers to Liberia" (074), "a contingent of French troops
    landed in Mali" 074, "UN inspectors arrived in Iran" 090. The subject (or what it is a
    contingent "of") is read as the object of "send"; envoys and delegations stay visits."""
    if match.nominal or match.entry.verb not in _ARRIVAL_VERBS or match.code != "042":
        return
    for head in match.clause.subjects:
        nouns = [head]
        current = head
        for _ in range(2):  # "the first contingent of Nigerian peacekeeping troops"
            inner = _pobjs(current, "of")
            if not inner:
                break
            current = inner[0]
            nouns.append(current)
        for noun in nouns:
            entry = verbs.match(
                "send", particle=None, preps=(), objects=(noun.lemma_.lower(),), comps=()
            )
            if entry is not None and entry.objects and entry.code != match.code:
                match.code = entry.code
                match.note = f"arrival of {noun.text} as sending"
                if noun is not head:  # "the first deployment of NATO troops": NATO's
                    match.clause = replace(match.clause, subjects=[noun])
                return


# Heads of a periphrastic obligation whose to-complement is what must be done: "Iran has
# to stop", "Greece needs to cut", "Iran ought to release", "Israel is obliged to withdraw".
_OBLIGATION_HEADS = words("obligation_heads")
_OBLIGATION_PASSIVES = words("obligation_passives")
_SELF_PRONOUNS = words("self_pronouns")


def _obligation(comp: Token) -> Token | None:
    """The predicate a statement's complement says must be done, or None: the complement
    itself ("said Sudan must return"), or the to-complement of "has to", "needs to",
    "ought to", "is obliged to" ("said Greece needs to cut its deficit")."""
    if modality(comp) == "obligation":
        return comp
    lemma = comp.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in comp.children)
    if lemma not in _OBLIGATION_HEADS and not (passive and lemma in _OBLIGATION_PASSIVES):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _SELF_PRONOUNS for c in comp.children):
        return None  # "said it needs to buy gas": the speaker's own need, not a demand
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children):
        return None  # "said NATO would need to remain strong": a prediction
    for child in comp.children:
        if child.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return child
    return None


def _apply_purposes(matches: list[_Match], actions: dict[int, str], consumed: set[int]) -> None:
    """A protest whose purpose is named takes the subcode of what it demands ("staged
    rallies to demand the president's resignation" 1411, "continued their hunger strike to
    demand independence" 1424); the demanding verb is then no event of its own."""
    for match in matches:
        protest = protest_subcode(match.code, match.clause, actions)
        if protest is not None:
            match.code, note, purposes = protest
            match.note = f"{match.note}; {note}" if match.note else note
            consumed.update(purposes)
    _apply_inquiries(matches, consumed)


# Verbs of sending whose purpose of inquiry is what the sending does: "sent experts to
# Bosnia to investigate the killings" is an investigation (09), not a deployment (074).
_SENDING_VERBS = words("sending_verbs")
_INVESTIGATE_ROOT = "09"


def _apply_inquiries(matches: list[_Match], consumed: set[int]) -> None:
    """A sending whose purpose is an inquiry takes the inquiry's code; the inquiry verb is
    then no event of its own (its sender and destination are the event's)."""
    by_verb = {m.clause.verb.i: m for m in matches}
    for match in matches:
        verb = match.clause.verb
        if match.nominal or match.code[:2] != _INVESTIGATE_ROOT or not is_purpose(verb):
            continue
        sender = by_verb.get(verb.head.i)
        if sender is None or verb.head.lemma_.lower() not in _SENDING_VERBS:
            continue
        sender.code = match.code
        sender.note = f"sent to inquire ({verb.text})"
        consumed.add(verb.i)


def _refine_named_complement(match: _Match, action: str, inner: _Match | None, comp: Token) -> None:
    """A pattern naming its complement verb ("agree ... to lift" 035) takes the family's code
    for the complement's own action when the complement's object makes it a subcode of the
    pattern's code ("agreed to lift the embargo" 0354, "urged X to send peacekeepers"
    0234). A complement verb alone does not ("threatened to attack" stays 138)."""
    family = family_of(match.code)
    if family is None or inner is None or not inner.entry.objects:
        return
    refined = frame_code(family, action)
    if refined is not None and (is_subcode(refined, match.code) or _sibling(refined, match.code)):
        match.note = f"{family.name.lower()} about {action} ({comp.text})"
        match.code = refined


def _sibling(refined: str, code: str) -> bool:
    """Whether a family code is another code of the same family and level: a threat to stop
    negotiations (134) where the pattern names a threat to stop aid (131)."""
    return refined != code and refined[:2] == code[:2] and len(refined) == len(code)


# Verbs whose object-and-infinitive asks the object to act: "wants Poland to accept".
_WISH_VERBS = words("wish_verbs")


# Subordinators of clauses that state a condition, not an event: "will boycott the vote
# unless the president agrees to step down", "will attack if X invades".
_CONDITIONS = words("conditions")


def _condition_mark(verb: Token) -> str | None:
    """The subordinator of the condition clause a verb heads ("unless", "if"), or None."""
    if verb.dep_ != "advcl":
        return None
    for child in verb.children:
        if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
            return child.lower_
    return None


def _conditional(verb: Token) -> bool:
    """Whether a verb heads (or is the complement of) a condition clause: the condition is
    not an event (that of an "unless" clause makes its main clause a threat: see
    :func:`_unless_condition`)."""
    for _ in range(2):  # "unless the president agrees to step down"
        if _condition_mark(verb) is not None:
            return True
        if verb.dep_ not in ("xcomp", "conj"):
            return False
        verb = verb.head
    return False


def _wish_matches(matches: list[_Match], sentence: Span) -> list[_Match]:
    """Appeals made by wanting: "Germany wants Poland to accept more refugees" is
    Germany's appeal to Poland (CAMEO 02, refined by the action, 0233 here)."""
    out: list[_Match] = []
    for match in matches:
        verb = match.clause.verb
        head = verb.head
        if (
            match.nominal
            or verb.dep_ not in ("ccomp", "xcomp")
            or head.lemma_.lower() not in _WISH_VERBS
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            or not any(c.dep_ == "nsubj" for c in verb.children)
        ):
            continue
        pattern = VerbEntry(
            verb=head.lemma_.lower(),
            code="020",
            particle=None,
            prep=None,
            objects=frozenset(),
            comps=frozenset({"*"}),
            where=f"coding rule: wish with object and infinitive; {match.entry.where}",
            order=-1,
        )
        clause = clause_for(head, sentence)
        if verb not in clause.comps:
            clause.comps.append(verb)
        out.append(_Match(clause, pattern, "020", modality(head)))
    return out


def _light_action(verb: Token, verbs: VerbDictionary) -> str | None:
    """The action of a light-verb complement: "to undertake joint exercises" is 062, "to
    bring an end to the embargo" 085."""
    lemma = verb.lemma_.lower()
    if lemma not in _LIGHT_VERBS and lemma not in _ENDING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            ending = _ENDING_NOUNS.get(child.lemma_.lower())
            if ending is not None:
                return _ending_action(child, ending, verbs)
            entry = verbs.match_noun(child.lemma_.lower(), words_before(child))
            if entry is not None:
                return entry.code
    return None


_ENDING_VERBS = words("ending_verbs")


def _refine_yield(
    match: _Match, verbs: VerbDictionary, by_verb: dict[int, _Match], actions: dict[int, str]
) -> None:
    """Meeting or accepting a demand yields what was demanded: "accepted demands to release
    the prisoners" 084, "will not meet demands to release" 1243 (as a refusal). Allowing
    someone to act yields a right ("allowed the opposition to hold rallies", "will allow
    refugees to return" 0833; codebook 0833), not "allowed that ..." (conceded)."""
    verb = match.clause.verb
    if verb.lemma_.lower() in _ALLOWING and any(
        not any(c.dep_ == "mark" for c in comp.children) for comp in match.clause.comps
    ):
        match.code = _RIGHTS_YIELD
        match.note = f"allowed to act ({verb.text})"
        return
    for noun in match.clause.objects:
        if noun.lemma_.lower() not in _PROPOSAL_NOUNS:
            continue
        code = _noun_action(noun, verbs, by_verb, actions)
        if code is not None and code[:2] == _YIELD[:2] and code != _YIELD:
            match.code = code
            match.note = f"yield about {code} ({noun.text})"
            return


def _refine_outlook(match: _Match) -> None:
    """A statement that its speaker is optimistic or pessimistic: "said it was confident
    that ..." 013, "said they were skeptical about ..." 012 (CAMEO codebook: only explicit
    optimism or pessimism)."""
    for comp in match.clause.comps:
        if comp.dep_ != "ccomp" or comp.lemma_.lower() not in _COPULAS:
            continue
        for child in comp.children:
            if child.dep_ == "acomp":
                code = _OUTLOOK.get(child.lemma_.lower())
                if code is not None:
                    match.code = code
                    match.note = f"outlook ({child.text})"
                    return


_YIELD = "080"
_RIGHTS_YIELD = "0833"
_ALLOWING = words("allowing")
_STATEMENT = "010"
_OUTLOOK: dict[str, str] = {
    **dict.fromkeys(
        ("optimistic", "confident", "hopeful", "upbeat", "positive", "sanguine"), "013"
    ),
    **dict.fromkeys(
        ("pessimistic", "skeptical", "sceptical", "doubtful", "gloomy", "dubious"), "012"
    ),
}


def _ending_action(noun: Token, verb: str, verbs: VerbDictionary) -> str | None:
    """The action of "an end to X", "the lifting of X": the verb's pattern for object X
    ("put an end to X" also when the parse attaches "to X" to the verb)."""
    preps = list(noun.children)
    if noun.dep_ == "dobj":
        preps.extend(c for c in noun.head.children if c.lower_ == "to")
    for child in preps:
        if child.dep_ == "prep" and child.lower_ in ("to", "of"):
            lemmas = [c.lemma_.lower() for c in child.children if c.dep_ == "pobj"]
            entry = verbs.match(verb, particle=None, preps=(), objects=lemmas, comps=())
            if entry is not None and entry.objects:
                return entry.code
    return None


# Nouns that stand for a proposed action, whose own complement says which ("a proposal to
# hold talks", "calls for the release of X", "an offer of aid").
_PROPOSAL_NOUNS = words("proposal_nouns")
# Nouns of ending or easing: what ends is read through the verb dictionary ("an end to the
# embargo" as "end the embargo" 085, "the lifting of sanctions" as "lift sanctions" 085).
_ENDING_NOUNS: dict[str, str] = {
    "end": "end", "halt": "halt", "lifting": "lift", "easing": "ease", "removal": "remove",
    "suspension": "suspend", "cessation": "cease", "relaxation": "relax", "repeal": "repeal",
}


def _refine_by_noun(
    match: _Match,
    frame: Frame,
    verbs: VerbDictionary,
    by_verb: dict[int, _Match],
    actions: dict[int, str],
) -> None:
    """Refine a generic family code by the event noun asked for, demanded or refused:
    "called for the withdrawal of troops" 0256, "rejected the ceasefire" 1246, "agreed to
    a ceasefire" 0356, "asked for the delivery of food aid" 0233; or by the action a
    proposal noun names: "rejected a proposal to hold talks" 125."""
    clause = match.clause
    candidates = [*clause.objects]
    for prep in ("for", "of", "to", "on", "upon"):
        candidates.extend(clause.preps.get(prep, []))
        candidates.extend(clause.object_preps.get(prep, []))
    for noun in candidates:
        code = _noun_action(noun, verbs, by_verb, actions)
        if code is None:
            continue
        refined = frame_code(frame, code)
        if refined is not None:
            match.code = refined
            match.note = f"{frame.name.lower()} about {code} ({noun.text})"
            return


def _noun_action(
    noun: Token, verbs: VerbDictionary, by_verb: dict[int, _Match], actions: dict[int, str]
) -> str | None:
    """The action a noun names: its own event-noun entry, else what its "of" phrase names
    ("the delivery of aid"), else, for a proposal noun, its to-complement ("a proposal to
    hold talks") or its "for" phrase ("calls for a ceasefire")."""
    lemma = noun.lemma_.lower()
    entry = verbs.match_noun(lemma, words_before(noun))
    if entry is not None and entry.words[-1] not in _PROPOSAL_NOUNS:
        return entry.code
    ending = _ENDING_NOUNS.get(lemma)
    if ending is not None:
        return _ending_action(noun, ending, verbs)
    proposal = lemma in _PROPOSAL_NOUNS
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ == "of" or (proposal and child.lower_ == "for")):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                inner = verbs.match_noun(pobj.lemma_.lower(), words_before(pobj))
                if inner is not None:
                    return inner.code
        elif proposal and child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            action = actions.get(child.i) if child.i in by_verb else _light_action(child, verbs)
            if action is not None:
                return action
    return entry.code if entry is not None else None


_DENIAL_CODE = "016"
# Codes of moving one's own forces: deploying, sending and withdrawing troops.
_OWN_FORCES_PREFIXES = ("15", "074", "087", "0861")
# Nouns that make a statement about them a demand: "stressed the need to lift sanctions".
_NEED_NOUNS = words("need_nouns")


def _need_as_demand(
    match: _Match,
    by_verb: dict[int, _Match],
    actions: dict[int, str],
    verbs: VerbDictionary,
    consumed: set[int],
) -> None:
    """Code a statement about a need as a demand for what is needed: "stressed the need to
    lift sanctions" (1054), "underlined the need for talks" (106)."""
    for obj in match.clause.objects:
        if obj.lemma_.lower() not in _NEED_NOUNS:
            continue
        action: str | None = None
        current = obj
        for _ in range(2):  # "the obligation to take action to lift embargoes"
            acl = next((c for c in current.children if c.dep_ == "acl"), None)
            if acl is None:
                break
            consumed.add(acl.i)
            match.content = acl
            inner = by_verb.get(acl.i)
            action = actions.get(acl.i) if inner is not None else _light_action(acl, verbs)
            if action is not None:
                break
            current = next((c for c in acl.children if c.dep_ == "dobj"), acl)
        if action is None:
            for noun in _pobjs(obj, "for"):
                entry = verbs.match_noun(noun.lemma_.lower(), words_before(noun))
                if entry is not None:
                    action = entry.code
                    match.content = noun
                    break
        match.code = (frame_code(Frame.DEMAND, action) if action else None) or "100"
        match.note = f"need as demand ({obj.text})"
        match.addressee = True
        return


def _refine_by_means(match: _Match, verbs: VerbDictionary, consumed: set[int]) -> None:
    """Refine a generic use of force by the event it happened in ("killed ... in an air
    strike" 195, "wounded ... in a bombing" 183) or that did it ("air strikes killed 20",
    "were killed by a bombing"): see :func:`instrument_subcode`. The event noun of the doer
    is then this event, not another, and its "on X" names the target too."""
    found = instrument_subcode(match.code, match.clause, verbs)
    if found is None:
        return
    code, note, doer = found
    if doer is not None:
        consumed.add(doer.i)
        match.noun = doer
    if code != match.code:
        match.code, match.note = code, note


def _apply_modality(match: _Match) -> None:
    """Code announced actions as intents, threats or refusals.

    "will provide aid" is an intent (033), "could impose sanctions" a threat (1312), and a
    negated cooperative future, "will not release", "will not accept", a refusal (1243,
    120): CAMEO codes announced refusals under 12, not as negated intents.
    """
    if match.modality not in ("future", "hypothetical"):
        return
    root = match.code[:2]
    if root in _ACTION_ROOTS_INTENT and _unless_condition(match.clause.verb):
        # "will withdraw its troops unless X holds elections": a demand backed by a cost
        match.note = f"conditional (unless) {match.code}"
        match.code = frame_code(Frame.THREAT, match.code) or "130"
        return
    cooperative = root in _ACTION_ROOTS_INTENT or root == "03"
    if match.modality == "future" and cooperative and is_negated(match.clause):
        refined = frame_code(Frame.REJECT, match.code) if root != "03" else None
        match.note = f"refusal: negated future {match.code}"
        match.code = refined or "120"
        match.negated = False
        return
    if root in _FORCE_ROOTS and _readying(match.clause.verb):
        # "troops prepared to resume shelling": a military move short of force, not a
        # verbal threat (codebook 150, "demonstration of military capabilities and readiness")
        match.note = f"readiness for {match.code}"
        match.code = _FORCE_POSTURE
        return
    if root in _ACTION_ROOTS_INTENT:
        frame = Frame.INTENT
    elif root in _ACTION_ROOTS_THREAT:
        frame = Frame.THREAT
    else:
        return
    refined = frame_code(frame, match.code)
    if refined is not None:
        match.note = f"{match.modality} {match.code}"
        match.code = refined


_FORCE_ROOTS = frozenset({"18", "19", "20"})
_FORCE_POSTURE = "150"
# Heads whose to-complement is an action being readied: "prepared to attack", "poised to".
_READYING_HEADS = words("readying_heads")
# Verbs between the readying head and the action: "prepared to resume shelling".
_ASPECT_VERBS = words("aspect_verbs")


def _readying(verb: Token) -> bool:
    """The verb is the action a subject is readying: "troops prepared to resume shelling
    X", "forces were poised to attack"."""
    while verb.dep_ in ("xcomp", "pcomp") and verb.head.lemma_.lower() in _ASPECT_VERBS:
        verb = verb.head
    return (
        verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _READYING_HEADS
        and not _unless_condition(verb)
    )


def _unless_condition(verb: Token) -> bool:
    """The verb has an "unless" clause: "will leave unless the talks resume"."""
    return any(_condition_mark(child) == "unless" for child in verb.children)


# Verbs that take an event noun as their object without adding meaning of their own:
# "held talks", "launched an offensive", "opened an investigation", "made an appeal".
_LIGHT_VERBS = words("light_verbs")
_TOPIC_PREPS = words("topic_preps")
_BETWEEN_ROOTS = frozenset({"04", "19"})
_COPULAS = words("copulas")
_SPEECH_VERBS = frozenset(DEFAULT_CUE_VERBS)
_NESTED_TARGET_PREPS = words("nested_target_preps")
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
# Verbs that take an event noun in an in-phrase without adding meaning of their own:
# "engaged in fighting", "participated in the talks", "took part in the protests".
_LIGHT_IN_VERBS = words("light_in_verbs")
# Verbs that put their object under an event: "placed him under arrest".
_UNDER_VERBS = words("under_verbs")
_UNDER_ROOTS = frozenset({"09", "16", "17", "18", "19"})  # investigation, sanctions, arrest, siege
# Adjectives that make the copula's subject the doer of the event noun they govern.
_CULPABLE = words("culpable")
# Verbs of coming together whose for-phrase names what is done there.
_MOTION_VERBS = words("motion_verbs")


def _bare_light_verb(match: _Match, noun: Token) -> bool:
    """Whether a matched verb is a light verb matched by a pattern with no conditions, and
    the event noun is its direct object ("announced a ceasefire", "joined the protests")."""
    entry = match.entry
    return (
        noun.dep_ == "dobj"
        and match.note == ""
        and not match.nominal
        and entry.order >= 0
        and entry.verb in _LIGHT_VERBS
        and not (entry.objects or entry.comps or entry.prep or entry.particle)
    )


def _light_verb(noun: Token) -> Token | None:
    """The light verb an event noun is the content of, or None: the object of "launched
    an offensive", or the in-phrase of "engaged in fighting" and "took part in talks"."""
    head = noun.head
    if noun.dep_ == "dobj":
        if head.pos_ == "VERB" and head.lemma_.lower() in _LIGHT_VERBS:
            return head
        return None
    if noun.dep_ != "pobj" or head.dep_ != "prep":
        return None
    verb = head.head
    prep = head.lower_
    if verb.dep_ == "acomp" and verb.lemma_.lower() in _CULPABLE and prep in ("for", "of"):
        verb = verb.head  # "is responsible for the killings", "guilty of the attack"
        return verb if verb.lemma_.lower() in _COPULAS else None
    if prep == "behind":  # "was behind the attack"
        return verb if verb.lemma_.lower() in _COPULAS else None
    if prep == "under":  # "placed X under arrest", "was put under investigation"
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _UNDER_VERBS else None
    if prep == "for":
        # "returned to Geneva for talks", "gathered for a rally": what they came to do
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _MOTION_VERBS:
            return verb
        return None
    if prep == "on":  # "remained on alert", "went on strike": a state entered or kept
        return verb if verb.lemma_.lower() in _ON_STATE_VERBS else None
    if prep == "as":  # "held civilians as human shields": what they were used as
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _AS_VERBS else None
    if head.lower_ != "in":
        return None
    if verb.pos_ == "NOUN" and verb.lower_ == "part" and verb.dep_ == "dobj":
        verb = verb.head  # "took part in" read as "part in the talks"
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in _LIGHT_IN_VERBS:
        return verb
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
        return verb
    return None


# Verbs whose on-phrase is a state their subject is in ("remained on alert", "went on
# strike", "are on a hunger strike"), and whose as-phrase is a use made of their object.
_ON_STATE_VERBS = words("on_state_verbs")
_AS_VERBS = words("as_verbs")
# Event nouns that name the event only as such a state: "troops remained on alert", not
# "issued a flood alert".
_STATE_NOUNS = words("state_nouns")


def _state_out_of_place(noun: Token) -> bool:
    """Whether a state noun ("alert") stands anywhere but in an on-phrase of armed forces
    ("troops remained on alert"; "the country went on high alert" over a disease is no
    military alert)."""
    if noun.lemma_.lower() not in _STATE_NOUNS:
        return False
    if noun.dep_ != "pobj" or noun.head.lower_ != "on":
        return True
    verb = noun.head.head
    return not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in _FORCES
        for c in verb.children
    )


# Heads of phrases naming armed forces or police, whose alert is a force posture.
_FORCES = words("forces")


# Event nouns whose event sense needs a polity as what they are "of": diplomatic recognition
# is of a state or government ("recognition of Palestine"), or of its statehood ("of
# Kosovo's independence"), not of "X's contributions" or "of the problem".
_OF_POLITY_NOUNS = words("of_polity_nouns")
_POLITY_NOUNS = words("polity_nouns")


def _of_thing(noun: Token) -> bool:
    """Whether an "of"-needing event noun is of a thing, not a polity ("recognition of
    Kazakhstan's contributions"): then it is no event."""
    if noun.lemma_.lower() not in _OF_POLITY_NOUNS:
        return False
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                return not (pobj.pos_ == "PROPN" or pobj.lemma_.lower() in _POLITY_NOUNS)
    return False


def _nominal_clause(noun: Token) -> Clause | None:
    """Read a nominal event: who (possessor, by-phrase, state adjective) and preps."""
    clause = Clause(noun)
    modifiers: list[Token] = []
    for child in noun.children:
        dep = child.dep_
        if dep == "poss":
            clause.subjects.append(child)
        elif dep == "prep":
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if not pobjs:
                continue
            if child.lower_ == "by":
                clause.subjects.extend(pobjs)
            else:
                clause.preps.setdefault(child.lower_, []).extend(pobjs)
        elif dep in ("amod", "compound", "nmod") and child.pos_ in ("ADJ", "PROPN"):
            modifiers.append(child)
    # a possessor or a by-phrase names the doer; the modifiers then say what kind of event
    # it is ("its Security Council veto", "Iran's UN-brokered talks")
    if not clause.subjects:
        clause.subjects = modifiers
    if not clause.subjects and "between" not in clause.preps:
        return None
    return clause


def _nominal_source(head: Token, resolver: DocumentActors) -> list[Actor]:
    """A nominal event's source: a possessor or by-phrase, or a state or organization
    named by a modifier ("Russian attack"); other modifiers ("air", "surprise") are not."""
    if head.dep_ in ("amod", "compound", "nmod") and not resolver.is_named(head.i):
        return []
    return resolver.resolve(head)


# Roots of material events whose place, when no target is named, is their target.
_LOCATED_TARGET_ROOTS = frozenset({"07", "08", "09", "14", "15", "17", "18", "19", "20"})


# ``object: ["*"]``: any object, which is then whom the event is done to ("helped Haiti")
_ANY_OBJECT = words("any_object")
_DOMESTIC_ROOTS = frozenset({"14", "17"})
# Codes about a state's own polity: its administrative sanctions, political dissent,
# reform, rights and leadership ("lifted the curfew", "allowed the candidate to run",
# "agreed to postpone the rally", "declined to resign", "refused to lift the ban"). With
# no target named, they are done to the source's own country (``domestic:source-country``).
_DOMESTIC_CODES = (
    "081",
    "082",
    "132",
    "172",
    "034",
    "0351",
    "0352",
    "083",
    "123",
    "1241",
    "1242",
)


def _state_prefix(actor: Actor, resolver: DocumentActors) -> str | None:
    prefix = actor.code[:3]
    return prefix if prefix in resolver.state_codes else None


def _domestic(target: Actor, source: Actor, resolver: DocumentActors) -> Actor:
    """An agent of unknown country acted on by a state's actor is of that state:
    "Iranian authorities pressured workers" (IRNLAB), "Kenyan police arrested protesters"."""
    if not target.code.startswith(UNKNOWN_COUNTRY):
        return target
    country = _state_prefix(source, resolver)
    if country is None:
        return target
    return replace(
        target,
        code=country + target.code[len(UNKNOWN_COUNTRY) :],
        rule=f"{target.rule}+source-country",
    )


# Sectors of a state's own institutions and internal parties: an actor of unknown country
# acting on one of them is taken to be of that state. Not the military, civilians,
# business or refugees, who are often abroad ("gunmen kidnapped French tourists").
_HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "OPP", "PTY", "REB", "INS"})
_FOREIGN_WORD = re.compile(r"\bforeign\b", re.IGNORECASE)


def _domestic_source(source: Actor, target: Actor, resolver: DocumentActors) -> Actor:
    """A source of unknown country acting on a state's own institution or internal party
    is of that state: "a judge opened an inquiry into Chilean ministers" (CHLJUD),
    "President X conceded to the rebels of UNITA" (AGOGOV). Rule ``+target-country``."""
    if not source.code.startswith(UNKNOWN_COUNTRY) or _FOREIGN_WORD.search(
        f"{source.text} {source.rule}"  # the rule names a pronoun's antecedent
    ):
        return source  # a foreign minister's or ministry's dealings are with other states
    country = _state_prefix(target, resolver)
    if country is None or target.code[3:6] not in _HOME_SECTORS:
        return source
    return replace(
        source,
        code=country + source.code[len(UNKNOWN_COUNTRY) :],
        rule=f"{source.rule}+target-country",
    )


def _home_country(source: Actor, resolver: DocumentActors) -> Actor | None:
    """The source's own country as the target of a domestic event, or None."""
    country = _state_prefix(source, resolver)
    if country is None:
        return None
    return replace(
        source,
        code=country,
        name=resolver.state_name(country),
        entry=f"states:{country}",
        rule="domestic:source-country",
    )


def _polity(
    source: Actor, location: Location | None, context: DocumentContext, resolver: DocumentActors
) -> Actor | None:
    """The country a domestic-polity event with no target is done to: the country of its
    place when that is not the source's own ("threatened to ban the referendum in Kosovo",
    ``domestic:place-country``), else the source's own country."""
    home = _state_prefix(source, resolver)
    if home is not None and location is not None and location.country not in (None, "", home):
        return _location_actor(location, context, rule="domestic:place-country")
    return _home_country(source, resolver)


def _placed(actor: Actor, location: Location, rule: str = "location") -> Actor:
    """Give an agent of unknown country the country of the event's place.

    "Protesters in Lima burned tyres": the protesters are Peruvian. An ethnic
    group named by its kin state ("ethnic Hungarians protested in Bucharest") is of the
    place too.
    """
    if actor.rule.startswith("ethnic:") and location.country:
        return replace(
            actor,
            code=location.country + actor.code[3:],
            rule=f"{actor.rule}+{rule}:{location.text}",
        )
    if not actor.code.startswith(UNKNOWN_COUNTRY) or not location.country:
        return actor
    return replace(
        actor,
        code=location.country + actor.code[len(UNKNOWN_COUNTRY) :],
        rule=f"{actor.rule}+{rule}:{location.text}",
    )


def _location_actor(
    location: Location, context: DocumentContext, rule: str = "location"
) -> Actor:
    """The country of an event's place, as its target (or the source of force used by no
    one named)."""
    country = location.country or ""
    return Actor(
        code=country,
        name=context.state_name(country),
        text=location.text,
        start=location.start,
        end=location.end,
        entry=f"places:{location.name}",
        rule=rule,
    )


# Roots of force whose doer, when the text names none, is taken to be of the place where it
# happened ("were killed in Kirkuk", "was arrested in Cairo", "a bomb killed ... in Kirkuk").
_UNATTRIBUTED_PREFIXES = ("171", "173", "174", "175", "18", "19", "20")
# What does harm without being anyone: "a car bomb killed", "were wounded by shrapnel".
_WEAPON_NOUNS = words("weapon_nouns")
# Causes that are no one's use of force: "were killed in a flood", "a storm killed ...".
_NATURAL_CAUSES = words("natural_causes")


def _claimants(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Who claimed the weapon or event that did a clause's deed: "the bombing, claimed by
    Islamic State, killed 15 soldiers", "an attack claimed by the Taliban"."""
    for doer in clause.subjects:
        if doer.pos_ != "NOUN":
            continue
        for acl in doer.children:
            if acl.dep_ == "acl" and acl.lemma_.lower() == "claim":
                agents = [
                    p
                    for c in acl.children
                    if c.dep_ == "agent"
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
                actors = _first_actors(agents, resolver)
                if actors:
                    return actors
    return []


def _unattributed(match: _Match, resolver: DocumentActors, verbs: VerbDictionary) -> bool:
    """Whether a clause reports force with no one named as its doer: an agentless passive
    ("two soldiers were killed"), or a weapon or an event as the doer ("were killed by a
    roadside bomb", "a car bomb killed")."""
    code = match.code
    if match.nominal or match.sources or not code.startswith(_UNATTRIBUTED_PREFIXES):
        return False
    clause = match.clause
    if clause.passive:
        doers = clause.subjects  # the by-phrase: "by a roadside bomb"
    else:
        doers = [s for s in clause.subjects if s.dep_ == "nsubj"]
        if not doers:
            return False
    for doer in doers:
        lemma = doer.lemma_.lower()
        if doer.pos_ != "NOUN" or resolver.is_named(doer.i):
            return False  # a pronoun or a name we could not resolve is someone
        if lemma not in _WEAPON_NOUNS and verbs.match_noun(lemma, words_before(doer)) is None:
            return False  # "a suicide bomber detonated": a person, not a weapon
    causes = [*doers, *clause.preps.get("in", []), *clause.preps.get("by", [])]
    return not any(
        c.lemma_.lower() in _NATURAL_CAUSES or any(w.lower_ in _NATURAL_CAUSES for w in c.lefts)
        for c in causes
    )


def _complement_subjects(
    clause: Clause, resolver: DocumentActors, *, infinitive: bool = False
) -> list[Actor]:
    """Return the actors of the complement's subject: the addressee of a demand; with
    ``infinitive``, only of a to-infinitive ("allowed X to return")."""
    for comp in clause.comps:
        if infinitive and not any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            continue
        for child in comp.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                actors = resolver.resolve(child)
                if actors:
                    return actors
    return []


def _targets(
    clause: Clause, prep: str | None, constrained: bool, resolver: DocumentActors
) -> list[Actor]:
    """Pick the target actors of a matched clause.

    Args:
        clause: The clause.
        prep: The preposition the pattern names ("call on X"), if any: its object is the
            target.
        constrained: Whether the pattern constrains the direct object ("impose
            sanctions"): the object is then usually an instrument, and the target comes
            from a prepositional phrase ("on X") first; an object that is itself an actor
            of a known country ("expelled Indian diplomats") is the target after that.
        resolver: Resolves phrases to actors.

    Returns:
        The targets, empty if none is found. Without a pattern preposition, the order is:
        direct object, indirect object, prepositional objects (``_TARGET_PREPS``), then
        the possessor or a state modifier of the object ("praised Kazakhstan's role",
        "attacked Russian positions").
    """
    if prep is not None:
        heads = clause.preps.get(prep, []) + clause.object_preps.get(prep, [])
        # "called for sanctions against X", "asked for talks with X"
        actors = (
            _first_actors(heads, resolver)
            or _noun_targets(heads, resolver)
            or _addressees(heads, resolver)
        )
        for head in heads if not actors else ():
            # "agreed to US mediation", "called for an end to attacks by rebels"
            actors = resolver.resolve_possessor(head) or resolver.resolve_attached(head)
            if actors:
                break
        return actors
    strategies = _CONSTRAINED_OBJECT if constrained else _FREE_OBJECT
    for strategy in strategies:
        actors = strategy(clause, resolver)
        if actors:
            return actors
    return []


# The ways to a clause's target, tried in order; each returns the first actors it finds.


def _first_found(heads: Iterable[Token], find: Callable[[Token], list[Actor]]) -> list[Actor]:
    """The actors ``find`` gives for the first head that gives any."""
    for head in heads:
        actors = find(head)
        if actors:
            return actors
    return []


def _object_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _first_found(clause.objects, resolver.resolve)


def _known_object_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """An object that is an actor of a known country ("expelled Indian diplomats")."""
    return _first_found(
        clause.objects,
        lambda head: [a for a in resolver.resolve(head) if not a.code.startswith(UNKNOWN_COUNTRY)],
    )


def _dative_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _first_actors(clause.datives, resolver)


def _prep_actors(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The object of a target preposition of the verb or of its object, in
    ``_TARGET_PREPS`` order, not the source's own unnamed people."""
    for name in _TARGET_PREPS:
        heads = clause.preps.get(name, []) + clause.object_preps.get(name, [])
        actors = _first_actors([h for h in heads if not _own_unnamed(h, resolver)], resolver)
        if actors:
            return actors
    return []


def _addressed(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _addressees(clause.objects, resolver)


def _object_owners(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The possessor or state modifier of the object ("praised Kazakhstan's role")."""
    return _first_found(clause.objects, resolver.resolve_possessor)


def _owned_prep_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Whose is the object of a target preposition: "protested against the Israeli
    blockade", "sanctions on Russian banks"; not "restrictions on its own ports", the
    source's own."""
    for name in _OWNED_TARGET_PREPS:
        actors = _first_found(
            (
                head
                for head in clause.preps.get(name, []) + clause.object_preps.get(name, [])
                if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
            ),
            resolver.resolve_possessor,
        )
        if actors:
            return actors
    return []


def _nested_object_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _first_found(clause.objects, lambda head: _nested_targets(head, resolver))


def _beneficiary_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Whom help is for, in the object or a held phrase; not a topic's ("disagreed over US
    aid to Ukraine")."""
    heads = [*clause.objects, *(h for p in _HELD_PREPS for h in clause.preps.get(p, []))]
    return _first_found(heads, lambda head: _beneficiaries(head, resolver))


def _demanded(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    return _demanded_targets(clause.objects, resolver)


def _attached_object_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Who or where the object is about: "condemned an attack by rebels", "demanded a
    meeting of the Security Council"."""
    return _first_found(clause.objects, resolver.resolve_attached)


def _attached_prep_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The same for prepositional objects: "troops for a war against Iraq", "asked for
    talks with X"."""
    heads = (head for heads in clause.preps.values() for head in heads)
    return _first_found(heads, lambda head: resolver.resolve_attached(head, nested=True))




_PROTEST_ROOT = "14"
# Nouns of a grievance, whose "of", "against", "at" phrase names what it is aimed at:
# "in protest of", "in defiance of", "their disapproval of", "in opposition to".
_GRIEVANCE_NOUNS = words("grievance_nouns")
# Purpose verbs of a protest: "blocked roads to protest against X", "to denounce X", "to
# demand the resignation of X", "to show their anger at X".
_GRIEVANCE_VERBS = words("grievance_verbs")
_GRIEVANCE_PREPS = ("against", "of", "at", "over", "to", "toward", "towards")
# a grievance noun's "for" names its object too ("their contempt for"); a verb's does not
# ("protested for the release of X")
_GRIEVANCE_NOUN_PREPS = (*_GRIEVANCE_PREPS, "for")
# Dependencies of a protest verb that may be its purpose clause ("marched to denounce X").
_GRIEVANCE_PURPOSE_DEPS = frozenset({"advcl", "relcl", "acl", "xcomp"})


def _grievance_targets(heads: list[Token | None], resolver: DocumentActors) -> list[Actor]:
    """Whom a protest is aimed at, named in its purpose: an "in protest of X" phrase or a
    "to protest against X" clause of the verb or the event noun. Rule ``grievance:...``."""
    for head in heads:
        if head is None:
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                nouns = [p for p in child.children if p.dep_ == "pobj"]
                actors = [
                    a
                    for n in nouns
                    if n.lemma_.lower() in _GRIEVANCE_NOUNS
                    for a in _aimed_at(n, resolver, _GRIEVANCE_NOUN_PREPS)
                ]
                if not actors:  # "stopped work in a strike over X's bill"
                    actors = [a for n in nouns for a in _issue_owners(n, resolver)]
            elif child.dep_ == "prep" and child.lower_ == "over":
                # "a walkout over a decree issued by the junta": whose the issue is
                actors = _issue_owners(head, resolver)
            elif (
                child.dep_ in _GRIEVANCE_PURPOSE_DEPS
                and child.lemma_.lower() in _GRIEVANCE_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            ):
                actors = _purpose_targets(child, resolver)
            else:
                continue
            if actors:
                return [replace(a, rule=f"grievance:{a.rule}") for a in actors]
    return []


def _purpose_targets(verb: Token, resolver: DocumentActors) -> list[Actor]:
    """Targets of a protest's purpose clause: its "against", "at" phrase, else its object
    (or what a grievance object or a demanded thing is of: "to show their anger at X",
    "to demand the resignation of X")."""
    actors = _aimed_at(verb, resolver)
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if actors:
            break
        if obj.lemma_.lower() in _GRIEVANCE_NOUNS:
            actors = _aimed_at(obj, resolver, _GRIEVANCE_NOUN_PREPS)
        else:
            actors = resolver.resolve(obj) or _owner(obj, resolver)
    return actors


def _aimed_at(
    head: Token, resolver: DocumentActors, preps: tuple[str, ...] = _GRIEVANCE_PREPS
) -> list[Actor]:
    """The actor a grievance is aimed at: the object of its "against", "of", "at" phrase,
    or that object's owner ("against Germany's decision", "of the ministry's new rules")."""
    for name in preps:
        for thing in _pobjs(head, name):
            actors = resolver.resolve(thing) or _owner(thing, resolver)
            if actors:
                return actors
    return []


def _issue_owners(head: Token, resolver: DocumentActors) -> list[Actor]:
    """Whose is the issue a protest is over: "a strike over the minister's bill"."""
    return [a for issue in _pobjs(head, "over") for a in _owner(issue, resolver)]


def _owner(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Whose a thing is: its possessor or state modifier, or its named "of" or "by" phrase;
    not a possessive pronoun's (often the protesters' own)."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return []
    makers = [
        p
        for acl in noun.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN"
        for agent in acl.children
        if agent.dep_ == "agent"
        for p in agent.children
        if p.dep_ == "pobj"
    ]  # "a decree issued by the junta", "a law passed by parliament"
    return (
        resolver.resolve_possessor(noun)
        or resolver.resolve_attached(noun)
        or _first_actors(makers, resolver)
    )


# not "with": "with Albania's help" is a partner, not a target
_OWNED_TARGET_PREPS = ("against", "on", "to", "at", "toward", "towards", "upon")


def _noun_targets(heads: list[Token], resolver: DocumentActors) -> list[Actor]:
    """Targets named inside the nouns a preposition governs: "called for sanctions against
    X", "asked for talks with X"."""
    for head in heads:
        for name in _NESTED_TARGET_PREPS:
            actors = _first_actors(_pobjs(head, name), resolver)
            if actors:
                return actors
    return []


def _other_actors(actors: list[Actor], sources: list[Actor]) -> list[Actor]:
    codes = {s.code for s in sources}
    return [a for a in actors if a.code not in codes]


def _pobjs(head: Token, prep: str) -> list[Token]:
    """Objects of the given preposition attached to a token."""
    return [
        p
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == prep
        for p in c.children
        if p.dep_ == "pobj"
    ]


def _nested_targets(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Targets inside an object's "of" chain: "welcomed the resumption of ties with X",
    "backed the launch of talks between X and Y"."""
    current = noun
    for _ in range(3):
        inner = None
        for child in current.children:
            if child.dep_ != "prep":
                continue
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "of" and pobjs:
                inner = pobjs[0]
            elif child.lower_ in _NESTED_TARGET_PREPS and current is not noun:
                actors = _first_actors(pobjs, resolver)
                if actors:
                    return actors
        if inner is None:
            return []
        current = inner
    return []


# Roots of force whose participial consequence ("shelled X, killing 20") hit the same side.
_FORCE_PREFIXES = ("18", "19", "20")


def _when_clauses(verb: Token) -> list[Token]:
    """The verbs of a clause's "when" or "as" clauses, which tell the same deed: "killed
    six guards when they stormed a prison in Niger"."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as") for m in c.children)
    ]


def _consequence_targets(verb: Token, sentence: Span, resolver: DocumentActors) -> list[Actor]:
    """The victims of a participle of consequence that names no one are those its main
    clause struck: "the army shelled Laotian villages, killing 20" (Laotians). Rule
    ``consequence:...``."""
    while verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head  # "killing or wounding 50"
    head = verb.head
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or head.i == verb.i or head.pos_ != "VERB":
        return []
    if any(c.dep_ == "mark" for c in verb.children):
        return []  # "after killing", "while fighting": not a consequence
    main = clause_for(head, sentence)
    actors = [
        a
        for a in _targets(main, None, False, resolver) or _conjunct_object_targets(main, resolver)
        if not a.code.startswith(UNKNOWN_COUNTRY)
    ] or _conjunct_object_targets(main, resolver)  # "artillery and fire against X"
    return [replace(a, rule=f"consequence:{a.rule}") for a in actors]


# Prepositions that aim a thing at someone: "fire against X", "gas at X".
_AIMED_PREPS = ("against", "at", "on", "upon", "toward", "towards")


# Nouns of a demand, whose clause's subject is the one asked to act.
_DEMAND_NOUNS = words("demand_nouns")


def _demanded_clause(verb: Token) -> bool:
    """Whether a clause hanging on a demand noun says what is demanded: "that X free
    them", "for X to stop"."""
    marks = {c.lower_ for c in verb.lefts if c.dep_ == "mark"}  # not "the demand that X made"
    if verb.dep_ in ("acl", "ccomp"):
        return True
    return ("that" in marks and verb.dep_ == "relcl") or ("for" in marks and verb.dep_ == "advcl")


def _demand_content(verb: Token) -> bool:
    """Whether a verb heads what a demand noun asks for ("its call for the army to free
    the prisoners", "the request that Chile withdraw")."""
    head = verb.head
    return (
        head.i != verb.i
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _DEMAND_NOUNS
        and _demanded_clause(verb)
    )


def _addressees(nouns: list[Token], resolver: DocumentActors) -> list[Actor]:
    """The one a demand noun asks to act, as the subject of its clause: "insisted on its
    demands that Kenya's government free them", "repeated its call for Iran to stop".
    Rule ``addressee:...``."""
    for noun in nouns:
        if noun.lemma_.lower() not in _DEMAND_NOUNS:
            continue
        for clause in noun.children:
            if clause.pos_ not in ("VERB", "AUX") or not _demanded_clause(clause):
                continue
            for subject in clause.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    actors = resolver.resolve(subject)
                    if actors:
                        return [replace(a, rule=f"addressee:{a.rule}") for a in actors]
    return []


# Nouns of help given, whose "to" or "for" phrase names who gets it, and of a promise,
# whose "to" phrase names to whom it was made.
_AID_NOUNS = words("aid_nouns")
_AID_PREPS = ("to", "for")
_PLEDGE_NOUNS = words("pledge_nouns")
# the verb's phrases that hold the help or the promise ("committed to aid for X", "reneged
# on its promise to X"); not a topic's ("disagreed over US aid to Ukraine")
_HELD_PREPS = ("to", "for", "on", "of")


def _beneficiaries(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Who gets the help a noun (or its "of" chain, three deep) names: "part of an aid
    program for Bosnia", "assistance to the Saudi-led campaign" (the leader of what is
    helped). Rule ``beneficiary:...``."""
    current: Token | None = noun
    for _ in range(3):
        if current is None:
            break
        words = {current.lemma_.lower(), *(c.lemma_.lower() for c in current.lefts)}
        pledge = current.lemma_.lower() in _PLEDGE_NOUNS
        if pledge or words & _AID_NOUNS:
            for prep in ("to",) if pledge else _AID_PREPS:
                for pobj in _pobjs(current, prep):
                    actors = [
                        a for a in resolver.resolve(pobj) if not a.code.startswith(UNKNOWN_COUNTRY)
                    ] or _leader(pobj, resolver)
                    kind = "pledged-to" if pledge else "beneficiary"
                    if actors:
                        return [replace(a, rule=f"{kind}:{a.rule}") for a in actors]
        inner = _pobjs(current, "of")
        current = inner[0] if inner else None
    return []


def _own_unnamed(head: Token, resolver: DocumentActors) -> bool:
    """Whether a phrase names the source's own people of no named country by a possessive
    pronoun ("a call for its peacekeepers to be sent to X"): they are not the target."""
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return False
    actors = resolver.resolve(head)
    return bool(actors) and all(a.code.startswith(UNKNOWN_COUNTRY) for a in actors)


def _demanded_targets(nouns: list[Token], resolver: DocumentActors) -> list[Actor]:
    """The target of what a demand noun's infinitive asks for: "rejected demands to free
    detainees held in Chad" (Chad), "refused calls to withdraw from Syria". Rule
    ``demanded:...``."""
    for noun in nouns:
        if noun.lemma_.lower() not in _DEMAND_NOUNS:
            continue
        for verb in noun.children:
            if verb.dep_ in ("xcomp", "acl", "relcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
            ):
                actors = _demanded_in(clause_for(verb, verb.sent), resolver)
                if actors:
                    return [replace(a, rule=f"demanded:{a.rule}") for a in actors]
    return []


def _demanded_in(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """The target of a demanded action: its own target, not the source's own forces
    ("to withdraw its troops from Georgia"), else the state it is to be done in ("to
    free detainees held in Chad")."""
    actors = _targets(clause, None, False, resolver)
    if actors and all(a.code.startswith(UNKNOWN_COUNTRY) for a in actors):
        actors = _targets(replace(clause, objects=[]), None, False, resolver)
    if actors:
        return actors
    return [
        a
        for place in _pobjs(clause.verb, "in")
        for a in resolver.resolve(place)
        if a.code in resolver.state_codes
    ]


def _leader(noun: Token, resolver: DocumentActors) -> list[Actor]:
    """Who leads a thing by an "X-led" modifier: "the US-led war" (the United States)."""
    for mod in noun.children:
        if mod.dep_ == "amod" and mod.lower_ == "led":
            for name in mod.children:
                if name.dep_ in ("npadvmod", "compound", "nmod"):
                    actors = resolver.resolve(name)
                    if actors:
                        return actors
    return []


def _conjunct_object_targets(clause: Clause, resolver: DocumentActors) -> list[Actor]:
    """Targets in a prepositional phrase of an object's conjunct: "launched artillery and
    rocket fire against Laotian camps". Rule ``conjunct-object:...``."""
    for obj in clause.objects:
        for conj in obj.conjuncts:
            for name in _AIMED_PREPS:
                actors = _first_actors(_pobjs(conj, name), resolver)
                if actors:
                    return [replace(a, rule=f"conjunct-object:{a.rule}") for a in actors]
    return []


def _first_actors(heads: list[Token], resolver: DocumentActors) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        out.extend(resolver.resolve(head))
    return out


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
    actions = [e for e in events if e.root_code != _STATEMENT_ROOT]
    acting = {e.source.code for e in actions}
    acting_at = {e.source.start for e in actions}
    for e in events:
        if e.cameo.code == _STATEMENT and (
            e.source.code in acting or e.source.start in acting_at
        ):
            reported.add(e.evidence.verb.start)
    if not reported:
        return events
    return [
        e
        for e in events
        if not (
            e.root_code == _STATEMENT_ROOT and e.evidence.verb.start in reported and doc is not None
        )
    ]


def same_name_city_country(name: str, countries: list[str]) -> str | None:
    """The one of ``countries`` with a city called ``name``, when the gazetteer ranks one
    first ("Kingston" in a sentence about Canada), else None: what the actor resolver asks
    before reading a capital's name as its state."""
    candidates = load_gazetteer().candidates(name, countries)
    if candidates and candidates[0].country in countries:
        return candidates[0].country
    return None


# The order of the ways to a target (:func:`_targets`), after every strategy is defined.
_Strategy = Callable[[Clause, DocumentActors], list[Actor]]
_AFTER_OBJECT: tuple[_Strategy, ...] = (
    _addressed,
    _object_owners,
    _owned_prep_targets,
    _nested_object_targets,
    _beneficiary_targets,
    _demanded,
    _attached_object_targets,
    _attached_prep_targets,
)
# An unconstrained object is the target first ("criticized Russia"); an object the pattern
# names ("imposed sanctions") is an instrument: the target comes from a preposition, and
# the object counts only as an actor of a known country ("expelled Indian diplomats").
_FREE_OBJECT: tuple[_Strategy, ...] = (
    _object_actors,
    _dative_actors,
    _prep_actors,
    _conjunct_object_targets,
    *_AFTER_OBJECT,
)
_CONSTRAINED_OBJECT: tuple[_Strategy, ...] = (
    _dative_actors,
    _prep_actors,
    _conjunct_object_targets,
    _known_object_actors,
    *_AFTER_OBJECT,
)
