"""Tests of the CAMEO codebook shipped in dragoman.ontology."""

from __future__ import annotations

import dataclasses
import importlib
import re
from importlib.resources import files

import pytest

import dragoman.ontology
from dragoman.errors import DragomanError, OntologyError
from dragoman.ontology import CameoCode, QuadClass, cameo, cameo_codes, is_cameo_code
from dragoman.ontology.cameo import _parse_cameo_codes

HEADER = "code,name,goldstein,root_code,quad_class,description\n"


def test_public_names_match_all() -> None:
    module = dragoman.ontology
    public = {
        name
        for name in vars(module)
        if not name.startswith("_") and name not in {"annotations", "plover"}
    }
    assert public == set(module.__all__)
    for name in module.__all__:
        assert getattr(module, name).__doc__


@pytest.mark.parametrize("name", ["cameo_codes.csv", "cameo_plover.csv", "SOURCES.md"])
def test_data_files_are_shipped(name: str) -> None:
    resource = files("dragoman.ontology").joinpath("data", name)
    assert resource.is_file()
    assert resource.read_text(encoding="utf-8").strip()


def test_codebook_loads_all_codes() -> None:
    codes = cameo_codes()
    assert 290 <= len(codes) <= 330
    assert all(isinstance(entry, CameoCode) for entry in codes.values())
    assert all(key == entry.code for key, entry in codes.items())
    assert list(codes) == sorted(codes)


def test_codebook_is_read_once_and_read_only() -> None:
    codes = cameo_codes()
    assert cameo_codes() is codes
    with pytest.raises(TypeError):
        codes["999"] = codes["111"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("code", "name", "goldstein", "root", "quad"),
    [
        ("111", "criticize or denounce", -2.0, "11", QuadClass.VERBAL_CONFLICT),
        ("190", "use conventional military force", -10.0, "19", QuadClass.MATERIAL_CONFLICT),
        ("051", "praise or endorse", 3.4, "05", QuadClass.VERBAL_COOPERATION),
        ("0311", "express intent to cooperate economically", 5.2, "03", 1),
        ("073", "provide humanitarian aid", 7.4, "07", QuadClass.MATERIAL_COOPERATION),
        ("01", "make public statement", 0.0, "01", QuadClass.VERBAL_COOPERATION),
    ],
)
def test_known_codes(code: str, name: str, goldstein: float, root: str, quad: int) -> None:
    entry = cameo(code)
    assert entry.code == code
    assert entry.name.lower() == name
    assert entry.goldstein == goldstein
    assert entry.root_code == root
    assert entry.quad_class == quad
    assert isinstance(entry.quad_class, QuadClass)


def test_goldstein_follows_the_icews_codebook_not_gdelt() -> None:
    # data/SOURCES.md: where the two disagree, the codebook wins.
    assert cameo("016").goldstein == -5.0
    assert cameo("022").goldstein == 3.4
    assert cameo("164").goldstein == -6.5
    assert cameo("165").goldstein == -7.0


def test_every_root_is_a_two_digit_code_in_the_table() -> None:
    codes = cameo_codes()
    for entry in codes.values():
        assert re.fullmatch(r"\d{2}", entry.root_code), entry
        assert entry.root_code in codes, entry
        assert entry.code.startswith(entry.root_code), entry
        assert entry.quad_class is codes[entry.root_code].quad_class, entry
    roots = {entry.root_code for entry in codes.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_every_code_has_its_parent_in_the_table() -> None:
    codes = cameo_codes()
    for code in codes:
        assert re.fullmatch(r"\d{2,4}", code)
        if len(code) > 2:
            assert code[:-1] in codes, code


def test_entries_carry_no_examples_or_usage_notes() -> None:
    for entry in cameo_codes().values():
        assert -10.0 <= entry.goldstein <= 10.0
        assert entry.name
        assert len(entry.description) < 300
        assert bool(entry.description) == (len(entry.code) > 2), entry.code


@pytest.mark.parametrize(
    ("root", "quad"),
    [
        ("01", QuadClass.VERBAL_COOPERATION),
        ("05", QuadClass.VERBAL_COOPERATION),
        ("06", QuadClass.MATERIAL_COOPERATION),
        ("08", QuadClass.MATERIAL_COOPERATION),
        ("09", QuadClass.VERBAL_CONFLICT),
        ("13", QuadClass.VERBAL_CONFLICT),
        ("14", QuadClass.MATERIAL_CONFLICT),
        ("20", QuadClass.MATERIAL_CONFLICT),
    ],
)
def test_quad_class_for_root(root: str, quad: QuadClass) -> None:
    assert QuadClass.for_root(root) is quad
    assert cameo(root).quad_class is quad


@pytest.mark.parametrize("root", ["00", "21", "1", "111", "ab"])
def test_quad_class_rejects_non_roots(root: str) -> None:
    with pytest.raises(OntologyError, match="root"):
        QuadClass.for_root(root)


def test_quad_class_values() -> None:
    assert [(quad.name, quad.value) for quad in QuadClass] == [
        ("VERBAL_COOPERATION", 1),
        ("MATERIAL_COOPERATION", 2),
        ("VERBAL_CONFLICT", 3),
        ("MATERIAL_CONFLICT", 4),
    ]


def test_cameo_code_is_frozen() -> None:
    entry = cameo("111")
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("code", ["999", "11a", "", " 111", "21", "03111"])
def test_unknown_code_is_an_ontology_and_key_error(code: str) -> None:
    with pytest.raises(OntologyError) as info:
        cameo(code)
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, DragomanError)
    message = str(info.value)
    assert message.startswith(f"unknown CAMEO code {code!r}; ")
    assert "'111'" in message  # shows what a code looks like


def test_unknown_code_message_reads_well() -> None:
    with pytest.raises(KeyError) as info:
        cameo("999")
    assert str(info.value) == (
        "unknown CAMEO code '999'; it is not in the CAMEO codebook "
        "(roots run from '01' to '20'; e.g. '111')"
    )


def test_integer_code_gets_a_hint_about_strings() -> None:
    with pytest.raises(OntologyError, match="strings"):
        cameo(111)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("111", True), ("0311", True), ("01", True), ("999", False), ("311", False), ("", False)],
)
def test_is_cameo_code(code: str, expected: bool) -> None:
    assert is_cameo_code(code) is expected


def test_is_cameo_code_rejects_non_strings() -> None:
    assert is_cameo_code(111) is False  # type: ignore[arg-type]


def test_parse_accepts_a_minimal_table() -> None:
    text = HEADER + "11,DISAPPROVE,-2,11,3,\n111,Criticize or denounce,-2,11,3,Condemn.\n"
    codes = _parse_cameo_codes(text, "mini.csv")
    assert codes["111"] == CameoCode(
        "111", "Criticize or denounce", -2.0, "11", QuadClass.VERBAL_CONFLICT, "Condemn."
    )


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("code,name\n", "line 1", "header"),
        (HEADER + "11,DISAPPROVE,-2,11,3,\n1x1,Criticize,-2,11,3,\n", "line 3", "bad code"),
        (HEADER + "11,DISAPPROVE,-2,11,3,\n11,DISAPPROVE,-2,11,3,\n", "line 3", "twice"),
        (HEADER + "11,DISAPPROVE,-2,12,3,\n", "line 2", "root_code"),
        (HEADER + "111,Criticize,-2,11,3,\n", "line 2", "parent"),
        (HEADER + "11,DISAPPROVE,minus two,11,3,\n", "line 2", "goldstein"),
        (HEADER + "11,DISAPPROVE,-12,11,3,\n", "line 2", "goldstein"),
        (HEADER + "11,DISAPPROVE,-2,11,4,\n", "line 2", "quad_class"),
        (HEADER + "11,,-2,11,3,\n", "line 2", "no name"),
        (HEADER + "11,DISAPPROVE,-2,11,3\n", "line 2", "fields"),
        (HEADER + "21,NOT A ROOT,-2,21,4,\n", "line 2", "root code"),
        (HEADER, "", "no CAMEO codes"),
    ],
)
def test_parse_names_file_and_line_of_a_bad_row(text: str, where: str, what: str) -> None:
    with pytest.raises(OntologyError) as info:
        _parse_cameo_codes(text, "bad.csv")
    message = str(info.value)
    assert message.startswith(f"bad.csv {where}".rstrip())
    assert what in message


def test_submodule_is_importable_despite_function_of_same_name() -> None:
    # dragoman.ontology.cameo is the function; the module stays reachable by import.
    module = importlib.import_module("dragoman.ontology.cameo")
    assert module.cameo is cameo
