"""The last coding stage: policy rules, the confidence model and the threshold."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dragoman import Actor, Coder, DictionaryError, Event
from dragoman.coding import (
    POLICY_RULES,
    ConfidenceModel,
    JudgeOptions,
    event_features,
    judge_events,
    load_confidence_model,
)
from factories import make_event

STATE = Actor("KAZGOV", "Kazakhstan government", "Kazakh officials", 0, 16, rule="agent")
UNPLACED = Actor("---GOV", "government", "officials", 0, 9, rule="agent-only")
ANALYST = Actor("USA", "United States", "Jane Roe, a US defense analyst", 0, 29, rule="name")
ANALYST_PRONOUN = Actor("USA", "United States", "she", 0, 3, rule="pronoun:Jane Roe, an expert")
SINOLOGIST = Actor("ITA", "Italy", "he", 0, 2, rule="pronoun:Italian sinologist")
TARGET = Actor("RUS", "Russia", "Russia", 31, 37, rule="name")
KEEP_ALL = JudgeOptions(min_confidence=0.0)
# the defaults, but keeping bare statements: for the rules tried before bare-statement
KEEP_STATEMENTS = JudgeOptions(bare_statements=True)
FLAT = ConfidenceModel(0.0, {}, 0.0, {})


def test_policy_rules_are_named_in_order() -> None:
    assert [name for name, _ in POLICY_RULES] == [
        "unplaced-source",
        "not-asserted",
        "commentator",
        "untargeted",
        "quoted-statement",
        "private-person",
        "bare-statement",
    ]


def test_a_dyadic_act_without_target_beside_another_party_is_left_out() -> None:
    criticism = make_event(STATE)  # 111 with no target, in sentence 0
    assert judge_events([criticism], KEEP_ALL, FLAT, parties={"KAZ", "RUS"}) == []
    kept = judge_events([criticism], JudgeOptions(untargeted=True), FLAT, parties={"RUS"})
    assert len(kept) == 1


@pytest.mark.parametrize(
    ("event", "parties"),
    [
        (make_event(STATE), {"KAZ"}),  # the story names only the source's country
        (make_event(STATE), set()),  # no dictionary name at all
        (make_event(STATE, code="010"), {"RUS"}),  # a statement needs no target
        (make_event(STATE, target=TARGET), {"RUS"}),  # it has its target
        (make_event(Actor("IGOUNO", "UN", "UN", 0, 2, rule="name")), {"IGOUNOKID"}),
    ],
)
def test_untargeted_keeps_what_has_no_other_party(event: Event, parties: set[str]) -> None:
    assert len(judge_events([event], KEEP_STATEMENTS, FLAT, parties=parties)) == 1


@pytest.mark.parametrize(
    "event",
    [
        make_event(UNPLACED, target=TARGET),
        make_event(STATE, target=TARGET, modality="hypothetical"),
        make_event(STATE, target=TARGET, modality="obligation"),
        make_event(ANALYST, target=TARGET),
        make_event(ANALYST_PRONOUN, target=TARGET),
        make_event(SINOLOGIST, target=TARGET),
    ],
    ids=["unplaced", "hypothetical", "obligation", "analyst", "analyst-pronoun", "-ologist"],
)
def test_policy_drops_non_events_unless_asked(event: Event) -> None:
    assert judge_events([event], KEEP_ALL, FLAT) == []
    kept = judge_events([event], JudgeOptions.everything(), FLAT)
    assert len(kept) == 1 and kept[0].confidence == 0.5


def test_asserted_and_future_events_of_placed_actors_are_kept() -> None:
    events = [make_event(STATE, target=TARGET), make_event(STATE, TARGET, "036", modality="future")]
    assert len(judge_events(events, KEEP_ALL, FLAT)) == 2


def test_confidence_is_the_logistic_of_the_weights_and_orders_the_threshold() -> None:
    model = ConfidenceModel(0.0, {"target=none": -2.0, "target=name": 2.0}, 0.5, {})
    with_target, without = make_event(STATE, target=TARGET), make_event(STATE)
    scored = judge_events([with_target, without], KEEP_ALL, model)
    assert [e.confidence for e in scored] == [0.881, 0.119]
    assert len(judge_events([with_target, without], None, model)) == 2  # default: no threshold
    calibrated = judge_events([with_target, without], JudgeOptions(min_confidence=None), model)
    assert [e.target for e in calibrated] == [TARGET]  # the model's threshold, 0.5
    assert judge_events([with_target], JudgeOptions(min_confidence=0.9), model) == []


def test_features_name_how_the_event_was_found() -> None:
    features = event_features(make_event(STATE, target=TARGET))
    assert "source=agent" in features
    assert "target=name" in features
    assert "root=verbal-conflict" in features
    assert "same-country=False" in features
    assert "modality=asserted" in features


def test_the_shipped_model_is_valid_and_says_where_it_came_from() -> None:
    model = load_confidence_model()
    assert 0.0 <= model.threshold <= 1.0
    assert model.about.get("split") == "tune"
    assert 0.0 < model.score(event_features(make_event(STATE, target=TARGET))) < 1.0


def test_a_malformed_model_is_a_dictionary_error() -> None:
    with pytest.raises(DictionaryError, match="not a confidence model"):
        ConfidenceModel.from_dict({"bias": 0.0, "threshold": 0.5}, "bad.json")
    with pytest.raises(DictionaryError, match="between 0 and 1"):
        ConfidenceModel.from_dict({"bias": 0, "threshold": 2, "weights": {}}, "bad.json")
    model = ConfidenceModel(0.5, {"a": 1.0}, 0.4, {"split": "tune"})
    assert ConfidenceModel.from_dict(json.loads(json.dumps(model.to_dict()))) == model


def test_the_coder_sets_confidence_and_keeps_more_with_everything(coder: Coder) -> None:
    text = "Officials said the talks would continue. Russia criticized Ukraine on Monday."
    strict = Coder(nlp=coder.nlp, judge=JudgeOptions(min_confidence=0.0))
    everything = Coder(nlp=coder.nlp, judge=JudgeOptions.everything())
    kept = strict.code(text, date="2025-06-01")
    allof = everything.code(text, date="2025-06-01")
    assert all(0.0 < e.confidence < 1.0 for e in allof)
    assert {e.source.code for e in kept} == {"RUS"}  # unplaced officials left out
    assert "---GOV" in {e.source.code for e in allof}
    assert [replace(e, confidence=1.0) for e in kept] == [
        replace(e, confidence=1.0) for e in allof if e.source.code == "RUS"
    ]


def test_cli_options_map_to_judge_options() -> None:
    from dragoman import InputError
    from dragoman.cli._options import judge_from

    assert judge_from(None, False, False) == JudgeOptions()
    assert judge_from(0.7, False, False) == JudgeOptions(min_confidence=0.7)
    assert judge_from(None, True, False) == JudgeOptions.everything()
    assert judge_from(None, False, True).min_confidence is None
    with pytest.raises(InputError, match="not both"):
        judge_from(0.7, False, True)


def test_an_untargeted_act_in_a_story_naming_another_party_is_left_out(coder: Coder) -> None:
    # the criticism's target is the neighbour the first sentence names, which the coder
    # does not connect: the record would be half wrong
    story = "Georgia and Armenia held border talks on Monday. Georgia later criticized the plan."
    default = Coder(nlp=coder.nlp)
    assert not any(e.cameo.code.startswith("11") for e in default.code(story, date="2025-06-01"))
    assert any(e.cameo.code.startswith("11") for e in coder.code(story, date="2025-06-01"))
    # a text that names no one else keeps it: it gives no target to miss
    alone = default.code("Georgia criticized the plan.", date="2025-06-01")
    assert [e.cameo.code[:2] for e in alone] == ["11"]


def test_a_pronoun_statement_inside_a_quotation_is_left_out() -> None:
    we = Actor("KAZGOV", "Kazakhstan government", "we", 0, 2, rule="quote-speaker:he")
    statement = replace(make_event(we, code="010"), quote=0)
    assert judge_events([statement], KEEP_STATEMENTS, FLAT) == []
    assert (
        len(
            judge_events(
                [statement], JudgeOptions(quoted_statements=True, bare_statements=True), FLAT
            )
        )
        == 1
    )
    # kept: outside a quotation, addressed to someone, or named
    assert len(judge_events([make_event(we, code="010")], KEEP_STATEMENTS, FLAT)) == 1
    told = replace(make_event(we, target=TARGET, code="010"), quote=0)
    assert len(judge_events([told], KEEP_ALL, FLAT)) == 1
    assert (
        len(judge_events([replace(make_event(STATE, code="010"), quote=0)], KEEP_STATEMENTS, FLAT))
        == 1
    )


@pytest.mark.parametrize(
    "source",
    [
        Actor("SDN", "Sudan", "Ali Osman", 0, 9, rule="person+country"),
        Actor("SDN", "Sudan", "Osman", 0, 5, rule="earlier-mention"),
        Actor("SDN", "Sudan", "she", 0, 3, rule="pronoun:Ali Osman"),
    ],
)
def test_a_person_of_no_role_is_left_out(source: Actor) -> None:
    event = make_event(source, target=TARGET)
    assert judge_events([event], KEEP_ALL, FLAT) == []
    assert len(judge_events([event], JudgeOptions(private_people=True), FLAT)) == 1


@pytest.mark.parametrize(
    "source",
    [
        Actor("SDNAGR", "Sudan farmers", "farmer Ali Osman", 0, 16, rule="person+title+country"),
        Actor("CHN", "China", "it", 0, 2, rule="pronoun:China"),  # a state
        Actor("SYR", "Syria", "Syrian Kurds", 0, 12, rule="adjective+plural"),  # a people
        Actor("PAK", "Pakistan", "Imran Khan", 0, 10, rule="person-no-role"),  # in the dictionary
    ],
)
def test_roles_states_peoples_and_known_people_stay(source: Actor) -> None:
    assert len(judge_events([make_event(source, target=TARGET)], KEEP_ALL, FLAT)) == 1


def test_a_bare_statement_is_left_out_unless_asked_for(coder: Coder, default_coder: Coder) -> None:
    text = "The Kenyan foreign ministry said on Monday that the talks were useful."
    assert default_coder.code(text, date="2025-03-10") == []
    kept = coder.code(text, date="2025-03-10")
    assert [(e.source.code, e.cameo.code, e.target) for e in kept] == [("KENGOV", "010", None)]
    statement = kept[0]
    assert len(judge_events([statement], JudgeOptions(bare_statements=True), FLAT)) == 1
    assert judge_events([statement], JudgeOptions(), FLAT) == []


def test_a_statement_with_an_addressee_stays(default_coder: Coder) -> None:
    text = "The Kenyan foreign minister told the Ugandan ambassador that the talks were useful."
    assert [e.cameo.code for e in default_coder.code(text, date="2025-03-10")] == ["010"]
