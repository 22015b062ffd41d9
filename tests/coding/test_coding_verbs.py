"""The verb dictionary: loading, validation with line numbers, and pattern matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import DictionaryError
from dragoman.coding import VerbDictionary, load_verb_dictionary
from dragoman.ontology import cameo_codes


def load(text: str) -> VerbDictionary:
    verbs = VerbDictionary()
    verbs.add_file(text, name="test.yaml")
    return verbs


def test_shipped_dictionary_loads_and_covers_all_twenty_roots() -> None:
    verbs = load_verb_dictionary()
    assert len(verbs) > 300
    codes = {e.code for entries in verbs.by_verb.values() for e in entries} - {"none"}
    assert all(code in cameo_codes() for code in codes)
    assert {code[:2] for code in codes} == {f"{r:02d}" for r in range(1, 21)}


def test_most_specific_entry_wins_then_latest() -> None:
    verbs = load(
        """
- {verb: impose, code: "160"}
- {verb: impose, object: [sanction, embargo], code: "163"}
- {verb: call, prep: for, code: "100"}
- {verb: call, prep: on, code: "020"}
- {verb: crack, particle: down, code: "175"}
- {verb: agree, code: "030"}
- {verb: agree, comp: [meet], code: "036"}
"""
    )

    def code(lemma: str, **kw: object) -> str | None:
        args = {"particle": None, "preps": [], "objects": [], "comps": []} | kw
        entry = verbs.match(lemma, **args)  # type: ignore[arg-type]
        return entry.code if entry else None

    assert code("impose", objects=["sanction"]) == "163"
    assert code("impose", objects=["tariff"]) == "160"
    assert code("call", preps=["for"]) == "100"
    assert code("call", preps=["on"]) == "020"
    assert code("call") is None
    assert code("crack", particle="down") == "175"
    assert code("crack") is None
    assert code("agree", comps=["meet"]) == "036"
    assert code("agree", comps=["withdraw"]) == "030"
    assert code("unknown") is None


def test_any_object_wildcard() -> None:
    verbs = load(
        """
- {verb: help, object: ["*"], code: "070"}
- {verb: help, object: [growth], code: "none"}
- {verb: help, comp: ["*"], code: "070"}
"""
    )

    def code(**kw: object) -> str | None:
        args = {"particle": None, "preps": [], "objects": [], "comps": []} | kw
        entry = verbs.match("help", **args)  # type: ignore[arg-type]
        return entry.code if entry else None

    assert code(objects=["farmer"]) == "070"  # any object
    assert code(objects=["growth"]) is None  # a named object wins over the wildcard
    assert code(comps=["rebuild"]) == "070"
    assert code() is None  # no object, no complement: no entry applies
    entry = verbs.match("help", particle=None, preps=[], objects=["x"], comps=[])
    assert entry is not None and entry.describe() == "help obj(*) -> 070"


def test_plain_entry_does_not_apply_to_a_known_phrasal_verb() -> None:
    verbs = load('- {verb: call, code: "020"}\n- {verb: call, particle: "off", code: "1246"}')
    assert verbs.match("call", particle="off", preps=[], objects=[], comps=[]).code == "1246"  # type: ignore[union-attr]
    assert verbs.match("call", particle=None, preps=[], objects=[], comps=[]).code == "020"  # type: ignore[union-attr]


def test_user_file_overrides_same_pattern(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text('- {verb: criticize, code: "112"}\n- {verb: snub, code: "1246"}\n')
    verbs = load_verb_dictionary([extra])
    entry = verbs.match("criticize", particle=None, preps=[], objects=[], comps=[])
    assert entry is not None and entry.code == "112" and "mine.yaml line 1" in entry.where
    assert verbs.match("snub", particle=None, preps=[], objects=[], comps=[]) is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('- {verb: x, code: "999"}', "test.yaml line 1: unknown CAMEO code '999'"),
        ("- {verb: x, code: 111}", "test.yaml line 1: 'code' must be a quoted string"),
        ('\n\n- {code: "111"}', "test.yaml line 3: 'verb' is missing"),
        ('- {verb: x, code: "111", colour: red}', "test.yaml line 1: unknown key(s) ['colour']"),
        ('- {verb: x, code: "111", object: []}', "'object' must be a word or a list"),
        ('- {verb: x, code: "111", particle: 3}', "'particle' must be a word"),
        ('- {verb: x, code: "111", plover: FIGHT}', "'plover' must be a PLOVER type"),
        ('- {noun: x, code: "111", plover: 3}', "'plover' must be a PLOVER type"),
        ("- {verb: x, code: [", "not valid YAML"),
        ("verb: x", "expected a list of entries"),
        ("- just a string", "entry 1 is not a mapping"),
    ],
)
def test_bad_entries_are_reported_with_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DictionaryError) as info:
        load(text)
    assert message in str(info.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not found"):
        load_verb_dictionary([tmp_path / "absent.yaml"])


def test_describe() -> None:
    verbs = load('- {verb: impose, object: [sanction], prep: "on", code: "163"}')
    entry = verbs.by_verb["impose"][0]
    assert entry.describe() == "impose +on obj(sanction) -> 163"


def test_plover_type_of_an_entry() -> None:
    verbs = load('- {verb: quit, code: "0831", plover: retreat}\n- {noun: pardon, code: "0841"}')
    assert verbs.by_verb["quit"][0].plover == "RETREAT"
    assert verbs.by_noun["pardon"][0].plover is None
