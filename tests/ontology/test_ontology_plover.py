"""Tests of the CAMEO -> PLOVER crosswalk shipped in dragoman.ontology."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from dragoman.errors import OntologyError
from dragoman.ontology import PloverMapping, cameo_codes, plover_for, plover_types
from dragoman.ontology.plover import _crosswalk, _parse_crosswalk

HEADER = "cameo,plover_type,plover_mode,plover_context\n"
NONE = PloverMapping(None, None, None)


def test_plover_types_are_the_sixteen_of_plover_2() -> None:
    types = plover_types()
    assert len(types) == 16
    assert len(set(types)) == 16
    assert types[0] == "AGREE"
    assert types[-1] == "ASSAULT"
    assert {"CONCEDE", "RETREAT", "MOBILIZE", "SANCTION", "COERCE"} <= set(types)


def test_shipped_crosswalk_loads() -> None:
    crosswalk = _crosswalk()
    assert 250 <= len(crosswalk) <= len(cameo_codes())
    assert set(crosswalk) <= set(cameo_codes())
    used = {mapping.type for mapping in crosswalk.values()}
    assert used == set(plover_types())  # every type is reachable, none is unknown
    for mapping in crosswalk.values():
        for value in (mapping.type, mapping.mode, mapping.context):
            assert value is None or (value and value == value.strip())


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("0311", PloverMapping("AGREE", None, "economic")),
        ("03", PloverMapping("AGREE", None, None)),
        ("042", PloverMapping("CONSULT", "visit", None)),
        ("111", PloverMapping("ACCUSE", "disapprove", None)),
        ("1121", PloverMapping("ACCUSE", "allege", "crime; corruption")),
        ("173", PloverMapping("COERCE", "arrest", "legal")),
        ("190", PloverMapping("ASSAULT", None, "military")),
        ("0871", PloverMapping("RETREAT", "ceasefire", "military")),
        ("08", PloverMapping("CONCEDE", None, None)),  # first of the two "08" headers
    ],
)
def test_known_mappings(code: str, expected: PloverMapping) -> None:
    assert plover_for(code) == expected


@pytest.mark.parametrize("code", ["01", "010", "016", "018"])
def test_statements_have_no_plover_type(code: str) -> None:
    assert plover_for(code) == NONE


def test_every_codebook_code_maps() -> None:
    for code in cameo_codes():
        mapping = plover_for(code)
        if code[:2] == "01":
            assert mapping == NONE
        else:
            assert mapping.type in plover_types(), code


def test_parent_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    plover = importlib.import_module("dragoman.ontology.plover")
    table = {
        "03": PloverMapping("AGREE", None, None),
        "031": PloverMapping(None, None, "diplomatic"),  # no type: skipped
        "10": PloverMapping("REQUEST", None, None),
        "101": PloverMapping("REQUEST", "assist", None),
    }
    monkeypatch.setattr(plover, "_crosswalk", lambda: table)
    assert plover_for("0311") == PloverMapping("AGREE", None, None)  # 0311 -> 031 -> 03
    assert plover_for("031") == PloverMapping("AGREE", None, None)
    assert plover_for("1011") == PloverMapping("REQUEST", "assist", None)  # 1011 -> 101
    assert plover_for("102") == PloverMapping("REQUEST", None, None)  # 102 -> 10
    assert plover_for("0211") == NONE  # no entry up to the root


def test_fallback_keeps_a_direct_entry_over_its_parent() -> None:
    # 0841 is RETREAT although its root 08 is CONCEDE.
    assert plover_for("08").type == "CONCEDE"
    assert plover_for("0841").type == "RETREAT"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("02", "REQUEST"),  # appeals are requests
        ("0233", "REQUEST"),  # by its root
        ("0813", "CONCEDE"),  # lifting a curfew
        ("0814", "CONCEDE"),  # lifting a state of emergency
        ("163", "SANCTION"),  # imposing sanctions or an embargo
        ("1712", "COERCE"),  # destroying property
        ("192", "ASSAULT"),  # occupying territory
    ],
)
def test_plover_2_manual_corrections(code: str, expected: str) -> None:
    assert plover_for(code).type == expected


@pytest.mark.parametrize("code", ["999", "1214", "0", "abc"])
def test_unknown_code_raises(code: str) -> None:
    with pytest.raises(OntologyError) as info:
        plover_for(code)
    assert isinstance(info.value, KeyError)
    assert str(info.value).startswith(f"unknown CAMEO code {code!r}; ")


def test_contexts_splits_multiple_values() -> None:
    assert plover_for("1124").contexts == ("military", "legal")
    assert plover_for("0311").contexts == ("economic",)
    assert plover_for("111").contexts == ()


def test_mapping_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        plover_for("111").type = "ASSAULT"  # type: ignore[misc]


def test_parse_turns_empty_fields_into_none() -> None:
    text = HEADER + "03,AGREE,,\n0311,AGREE, ,economic\n"
    assert _parse_crosswalk(text, "mini.csv") == {
        "03": PloverMapping("AGREE", None, None),
        "0311": PloverMapping("AGREE", None, "economic"),
    }


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("cameo,type\n", "line 1", "header"),
        (HEADER + "03,AGREE,,\n999,AGREE,,\n", "line 3", "not a code of the CAMEO codebook"),
        (HEADER + "03,AGREE,,\n03,AGREE,,\n", "line 3", "twice"),
        (HEADER + "03,APPEAL,,\n", "line 2", "not a PLOVER type"),
        (HEADER + "03,AGREE\n", "line 2", "fields"),
    ],
)
def test_parse_names_file_and_line_of_a_bad_row(text: str, where: str, what: str) -> None:
    with pytest.raises(OntologyError) as info:
        _parse_crosswalk(text, "bad.csv")
    message = str(info.value)
    assert message.startswith(f"bad.csv {where}")
    assert what in message
