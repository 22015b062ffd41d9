"""Clause extraction on hand-built parses: no model needed."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dragoman import Coder
from dragoman.coding import clause_for
from dragoman.coding._clauses import is_negated, modality

VOCAB = spacy.blank("en").vocab


def build(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str] | None = None,
    tags: list[str] | None = None,
) -> Doc:
    return Doc(
        VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or [w.lower() for w in words],
        tags=tags or ["" for _ in words],
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_active_clause_has_subject_object_and_preps() -> None:
    # Russia criticized NATO for its expansion .
    doc = build(
        ["Russia", "criticized", "NATO", "for", "its", "expansion", "."],
        [1, 1, 1, 1, 5, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "poss", "pobj", "punct"],
        ["PROPN", "VERB", "PROPN", "ADP", "PRON", "NOUN", "PUNCT"],
        ["Russia", "criticize", "NATO", "for", "its", "expansion", "."],
    )
    clause = clause_for(doc[1], doc[:])
    assert [t.text for t in clause.subjects] == ["Russia"]
    assert [t.text for t in clause.objects] == ["NATO"]
    assert [t.text for t in clause.preps["for"]] == ["expansion"]
    assert not clause.passive and not clause.negated


def test_a_time_after_a_preposition_is_no_prep_of_the_verb() -> None:
    # Chile called on Monday .  ("on Monday" says when: no "call on")
    doc = build(
        ["Chile", "called", "on", "Monday", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["Chile", "call", "on", "Monday", "."],
    )
    assert "on" not in clause_for(doc[1], doc[:]).preps


def test_a_name_parsed_as_ending_in_a_weekday_stays_the_prep_object() -> None:
    # Chile met with President Roe Tuesday .  (the parse heads the name by "Tuesday")
    doc = build(
        ["Chile", "met", "with", "President", "Roe", "Tuesday", "."],
        [1, 1, 1, 5, 5, 2, 1],
        ["nsubj", "ROOT", "prep", "compound", "compound", "pobj", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "PUNCT"],
        ["Chile", "meet", "with", "President", "Roe", "Tuesday", "."],
    )
    assert [t.text for t in clause_for(doc[1], doc[:]).preps["with"]] == ["Tuesday"]


def test_passive_by_phrase_is_the_subject() -> None:
    # NATO was criticized by Russia .
    doc = build(
        ["NATO", "was", "criticized", "by", "Russia", "."],
        [2, 2, 2, 2, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    clause = clause_for(doc[2], doc[:])
    assert clause.passive
    assert [t.text for t in clause.subjects] == ["Russia"]
    assert [t.text for t in clause.objects] == ["NATO"]


def test_passive_without_agent_has_no_subject() -> None:
    doc = build(
        ["NATO", "was", "criticized", "."],
        [2, 2, 2, 2],
        ["nsubjpass", "auxpass", "ROOT", "punct"],
        ["PROPN", "AUX", "VERB", "PUNCT"],
    )
    clause = clause_for(doc[2], doc[:])
    assert clause.subjects == []
    assert [t.text for t in clause.objects] == ["NATO"]


def test_negation_and_particle() -> None:
    # Police did not crack down .
    doc = build(
        ["Police", "did", "not", "crack", "down", "."],
        [3, 3, 3, 3, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "prt", "punct"],
        ["NOUN", "AUX", "PART", "VERB", "ADP", "PUNCT"],
    )
    clause = clause_for(doc[3], doc[:])
    assert clause.negated and clause.particle == "down"
    assert clause.verb_span() == (doc[3].idx, doc[4].idx + len("down"))


def test_complement_inherits_subject_and_negation() -> None:
    # Iran refused to negotiate / Iran did not agree to negotiate
    doc = build(
        ["Iran", "did", "not", "agree", "to", "negotiate", "."],
        [3, 3, 3, 3, 5, 3, 3],
        ["nsubj", "aux", "neg", "ROOT", "aux", "xcomp", "punct"],
        ["PROPN", "AUX", "PART", "VERB", "PART", "VERB", "PUNCT"],
    )
    matrix = clause_for(doc[3], doc[:])
    assert [t.text for t in matrix.comps] == ["negotiate"]
    comp = clause_for(doc[5], doc[:])
    assert [t.text for t in comp.subjects] == ["Iran"]
    assert is_negated(comp)


def test_coordinated_verbs_share_the_subject() -> None:
    # Russia met Iran and praised Turkey .
    doc = build(
        ["Russia", "met", "Iran", "and", "praised", "Turkey", "."],
        [1, 1, 1, 1, 1, 4, 1],
        ["nsubj", "ROOT", "dobj", "cc", "conj", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "CCONJ", "VERB", "PROPN", "PUNCT"],
    )
    clause = clause_for(doc[4], doc[:])
    assert [t.text for t in clause.subjects] == ["Russia"]
    assert [t.text for t in clause.objects] == ["Turkey"]


def test_relative_clause_subject_is_the_modified_noun() -> None:
    # Rebels , who attacked Kabul , fled .
    doc = build(
        ["Rebels", ",", "who", "attacked", "Kabul", ",", "fled", "."],
        [6, 0, 3, 0, 3, 0, 6, 6],
        ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "punct"],
        ["NOUN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "VERB", "PUNCT"],
    )
    clause = clause_for(doc[3], doc[:])
    assert [t.text for t in clause.subjects] == ["Rebels"]


def test_object_prepositions_are_kept_apart() -> None:
    # EU imposed sanctions on Russia .
    doc = build(
        ["EU", "imposed", "sanctions", "on", "Russia", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["EU", "impose", "sanction", "on", "Russia", "."],
    )
    clause = clause_for(doc[1], doc[:])
    assert clause.object_lemmas == ["sanction"]
    assert [t.text for t in clause.object_preps["on"]] == ["Russia"]
    assert "on" not in clause.preps


def test_for_to_infinitive_names_who_is_asked_and_what() -> None:
    # Ghana called for Togo to withdraw .
    doc = build(
        ["Ghana", "called", "for", "Togo", "to", "withdraw", "."],
        [1, 1, 5, 5, 5, 1, 1],
        ["nsubj", "ROOT", "mark", "nsubj", "aux", "advcl", "punct"],
        ["PROPN", "VERB", "SCONJ", "PROPN", "PART", "VERB", "PUNCT"],
        ["Ghana", "call", "for", "Togo", "to", "withdraw", "."],
    )
    clause = clause_for(doc[1], doc[:])
    assert [t.text for t in clause.preps["for"]] == ["Togo"]
    assert [t.text for t in clause.comps] == ["withdraw"]


def test_adverbial_clause_without_for_is_no_complement() -> None:
    # Ghana called to warn Togo .
    doc = build(
        ["Ghana", "called", "to", "warn", "Togo", "."],
        [1, 1, 3, 1, 3, 1],
        ["nsubj", "ROOT", "aux", "advcl", "dobj", "punct"],
        ["PROPN", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
        ["Ghana", "call", "to", "warn", "Togo", "."],
    )
    clause = clause_for(doc[1], doc[:])
    assert "for" not in clause.preps
    assert clause.comps == []


def test_opposed_to_takes_the_to_phrase_as_object() -> None:
    # Canada is opposed to the plan .
    doc = build(
        ["Canada", "is", "opposed", "to", "the", "plan", "."],
        [2, 2, 2, 2, 5, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["Canada", "be", "oppose", "to", "the", "plan", "."],
    )
    clause = clause_for(doc[2], doc[:])
    assert not clause.passive
    assert [t.text for t in clause.subjects] == ["Canada"]
    assert [t.text for t in clause.objects] == ["plan"]


def test_adverbial_past_participle_is_passive() -> None:
    # "Officers stand accused of bribery": the officers are accused, by no one named
    doc = build(
        ["Officers", "stand", "accused", "of", "bribery", "."],
        [1, 1, 1, 2, 3, 1],
        ["nsubj", "ROOT", "advcl", "prep", "pobj", "punct"],
        ["NOUN", "VERB", "VERB", "ADP", "NOUN", "PUNCT"],
        tags=["NNS", "VBP", "VBN", "IN", "NN", "."],
    )
    clause = clause_for(doc[2], doc[:])
    assert clause.passive and clause.subjects == []
    assert [t.text for t in clause.objects] == ["Officers"]
    # "Backed by Chile, rebels attacked Peru": Chile backs the rebels
    doc = build(
        ["Backed", "by", "Chile", ",", "rebels", "attacked", "Peru", "."],
        [5, 0, 1, 5, 5, 5, 5, 5],
        ["advcl", "agent", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
        ["VERB", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "PROPN", "PUNCT"],
        tags=["VBN", "IN", "NNP", ",", "NNS", "VBD", "NNP", "."],
    )
    clause = clause_for(doc[0], doc[:])
    assert [t.text for t in clause.subjects] == ["Chile"]
    assert [t.text for t in clause.objects] == ["rebels"]
    # a present participle acts: "..., accusing Peru" is done by the governing subject
    doc = build(
        ["Chile", "left", ",", "accusing", "Peru", "."],
        [1, 1, 1, 1, 3, 1],
        ["nsubj", "ROOT", "punct", "advcl", "dobj", "punct"],
        ["PROPN", "VERB", "PUNCT", "VERB", "PROPN", "PUNCT"],
        tags=["NNP", "VBD", ",", "VBG", "NNP", "."],
    )
    clause = clause_for(doc[3], doc[:])
    assert not clause.passive and [t.text for t in clause.subjects] == ["Chile"]


# --- modality of infinitives that only name an action ------------------------------------


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        ("Aid is vital for Chile to rebuild its ports.", "rebuild", "hypothetical"),
        (
            "The ruling shows the need for the cabinet to reform the courts.",
            "reform",
            "hypothetical",
        ),
        ("It was wrong to blockade the harbor.", "blockade", "hypothetical"),
        ("It is important to condemn the attack.", "condemn", "hypothetical"),
        ("Chile agreed to rebuild the ports.", "rebuild", "asserted"),
        ("Peru refused to attend the summit.", "attend", "asserted"),
        ("Chile paid the fee to rebuild the ports.", "rebuild", "asserted"),
    ],
)
def test_an_infinitive_that_names_a_needed_or_judged_action_is_hypothetical(
    coder: Coder, text: str, verb: str, expected: str
) -> None:
    doc = coder.nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert modality(token) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [
        # a present passive that says what happens as a rule
        ("Asylum seekers are usually deported within a week.", "deported", "hypothetical"),
        ("If a permit expires, the worker is deported.", "deported", "hypothetical"),
        # what happened, what is said now, and a perfect, are events
        ("The worker was deported after the permit expired.", "deported", "asserted"),
        ("The worker has been deported.", "deported", "asserted"),
        ("Chile routinely denies the charges.", "denies", "asserted"),
        ("Chile warns Peru of consequences if talks fail.", "warns", "asserted"),
        # an open question is no event; a why-clause presupposes its event
        ("It is unclear whether Peru attacked Chile.", "attacked", "hypothetical"),
        ("Reporters asked if Peru would expel the envoy.", "expel", "hypothetical"),
        ("Chile explained why it expelled the envoy.", "expelled", "asserted"),
    ],
)
def test_rules_and_open_questions_are_no_events(
    coder: Coder, text: str, verb: str, expected: str
) -> None:
    doc = coder.nlp(text)
    (token,) = [t for t in doc if t.text == verb]
    assert modality(token) == expected


def _criticized() -> Doc:
    return build(
        ["Russia", "criticized", "NATO", "."],
        [1, 1, 1, 1],
        ["nsubj", "ROOT", "dobj", "punct"],
        ["PROPN", "VERB", "PROPN", "PUNCT"],
        ["Russia", "criticize", "NATO", "."],
    )


def test_a_clause_is_read_once_per_predicate_and_sentence() -> None:
    doc = _criticized()
    first = clause_for(doc[1], doc[:])
    assert clause_for(doc[1], doc[:]) is first
    other = _criticized()  # another Doc: its own clause
    assert clause_for(other[1], other[:]) is not first
    assert [t.text for t in clause_for(other[1], other[:]).objects] == ["NATO"]


def test_a_shared_clause_cannot_be_reassigned() -> None:
    from dataclasses import FrozenInstanceError

    doc = _criticized()
    clause = clause_for(doc[1], doc[:])
    with pytest.raises(FrozenInstanceError):
        clause.passive = True  # type: ignore[misc]


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos"),
    [
        (  # The governments said nothing .
            ["The", "governments", "said", "nothing", "."],
            [1, 2, 2, 2, 2],
            ["det", "nsubj", "ROOT", "dobj", "punct"],
            ["DET", "NOUN", "VERB", "PRON", "PUNCT"],
        ),
        (  # No country offered help .
            ["No", "country", "offered", "help", "."],
            [1, 2, 2, 2, 2],
            ["det", "nsubj", "ROOT", "dobj", "punct"],
            ["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
        ),
        (  # Neither China nor Peru explained .
            ["Neither", "China", "nor", "Peru", "explained", "."],
            [1, 4, 1, 1, 4, 4],
            ["det", "nsubj", "cc", "conj", "ROOT", "punct"],
            ["CCONJ", "PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"],
        ),
    ],
)
def test_a_negative_argument_negates_the_clause(
    words: list[str], heads: list[int], deps: list[str], pos: list[str]
) -> None:
    doc = build(words, heads, deps, pos)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    assert clause_for(verb, doc[:]).negated


def test_an_ordinary_argument_does_not_negate() -> None:
    # The governments said something .
    doc = build(
        ["The", "governments", "said", "something", "."],
        [1, 2, 2, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "punct"],
        ["DET", "NOUN", "VERB", "PRON", "PUNCT"],
    )
    assert not clause_for(doc[2], doc[:]).negated


def test_a_finite_verb_hung_on_a_root_noun_takes_it_as_subject(coder: Coder) -> None:
    # en_core_web_sm parses "The UN chief called on ..." as a noun phrase (chief ROOT,
    # called acl); the noun is the one who calls
    events = coder.code("The UN chief called on Israel and Hamas to agree to a ceasefire.")
    assert [(e.source.code, e.cameo.code, e.target.code if e.target else None) for e in events] == [
        ("IGOUNOSEC", "020", "ISR"),
        ("IGOUNOSEC", "020", "PSEREBHMS"),
    ]
    # a participle naming a noun is no clause of its own
    assert coder.code("A man called John arrived.") == []
