"""Importing PETRARCH verb dictionaries (our own fictional file, both pattern styles)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from dragoman import DictionaryError
from dragoman.coding import (
    VerbDictionary,
    import_petrarch_verbs,
    naive_lemma,
    spacy_lemmatizer,
)

VERBS = """<!-- TEST VERBS: synonym sets first -->
&WEAPONRY
+SNOWBALL
+ICICLES
+SLEDGE_HAMMER

&PLACES_
+VALLEY

--- GIFT [070] ---
GIFT
DONATE {DONATES DONATED DONATING} [071]   # own code
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
RE_+GIFT
- * &WEAPONRY                 [073]
- * BLANKETS (TO +)           [072]
- * (FOR)                     [074]
- * OUT PARCELS               [075]
- * {WARM BLANKETS}           [072]
- * (TO VALLEY)               [072]
- &PLACES *                   [072]
- * BLANKETS                  [070:071]
- * GOLD                      [:073]
- * SILVER                    [---]
- * COPPER                    [999]
- * EID AT ^ WITH +           [042]
- * POSITIVELY                [010]
- * ICICLES                   [074]
- * ICICLES                   [075]
- * MITTENS                   [073]  # DONATE

--- PLEAD [020] ---
PLEAD
- * FOR &WEAPONRY [0232]
- * WITH % [021]
- *_UPON [022]
- * TO RECONSIDER [023] ; legacy comment
- SAID * [024]
- * DOWN FROM [025]

--- WAVE [---] ---
WAVE
- * FLAG [051]

~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture()
def verbs_file(tmp_path: Path) -> Path:
    path = tmp_path / "test.verbs"
    path.write_text(VERBS, encoding="utf-8")
    return path


def entry(entries: list[dict[str, Any]], verb: str, **keys: Any) -> dict[str, Any] | None:
    wanted = {"verb": verb, **keys}
    for item in entries:
        shape = {k: v for k, v in item.items() if k not in ("code", "note")}
        if shape == wanted:
            return item
    return None


def code(entries: list[dict[str, Any]], verb: str, **keys: Any) -> str | None:
    found = entry(entries, verb, **keys)
    return found["code"] if found else None


def test_verbs_and_their_codes(verbs_file: Path) -> None:
    entries = import_petrarch_verbs([verbs_file]).entries
    assert code(entries, "gift") == "070"
    assert code(entries, "donate") == "071"  # the verb's own code
    assert code(entries, "hand", particle="over") == "070"
    assert code(entries, "plead") == "020"
    assert code(entries, "wave") is None  # [---]: the verb alone is no event
    assert code(entries, "wave", object=["flag"]) == "051"
    assert entry(entries, "gift")["note"] == "PETRARCH test.verbs line 11"  # type: ignore[index]


def test_patterns_that_map(verbs_file: Path) -> None:
    entries = import_petrarch_verbs([verbs_file]).entries
    assert code(entries, "gift", object=["snowball", "icicle"]) == "073"  # synonym set
    assert code(entries, "gift", prep="to", object=["blanket"]) == "072"
    assert code(entries, "gift", prep="for") == "074"
    assert code(entries, "gift", particle="out", object=["parcel"]) == "075"
    assert code(entries, "gift", object=["blanket"]) == "070"  # [070:071] keeps 070
    assert code(entries, "gift", object=["icicle"]) == "075"  # repeated: the last wins
    assert code(entries, "plead", prep="with") == "021"
    assert code(entries, "plead", prep="upon") == "022"
    assert code(entries, "plead", comp=["reconsider"]) == "023"
    assert code(entries, "plead", particle="down", prep="from") == "025"
    # patterns apply to every verb of the block, multi-word ones included
    assert code(entries, "donate", prep="for") == "074"
    assert code(entries, "hand", particle="over", prep="for") == "074"
    assert code(entries, "hand", particle="over", object=["mitten"]) == "073"


def test_what_is_dropped_is_counted(verbs_file: Path) -> None:
    result = import_petrarch_verbs([verbs_file])
    assert result.dropped_counts == {
        "multi-word verb with words before the verb (RE_+ARREST)": 1,
        "pattern: noun with modifiers ({MOCK ATTACK}, ARREST WARRANT)": 1,
        "pattern: prepositional phrase with a noun ((TO BORDER))": 2,
        "pattern: words or markers before the verb": 2,
        "pattern: reverse-only code [:B]": 1,
        "pattern: null code [---]": 1,
        "pattern: code is not a CAMEO code": 1,
        "pattern: '^' skip": 1,
        "pattern: adverb after the verb (* POSITIVELY)": 1,
        "verb transformation (~ ... = ...)": 1,
    }
    assert result.simplified == {
        "pattern: multi-word members of a synonym set left out": 1,
        "pattern: reverse code of [A:B] dropped, A kept": 1,
        "pattern not applied to a multi-word verb it conflicts with": 1,  # hand over + out
        "repeated pattern: the last one wins, as in PETRARCH": 3,  # icicles, for 3 verbs
    }
    dropped = {d.text: d.where for d in result.dropped}
    assert dropped["- * {WARM BLANKETS}           [072]"] == f"{verbs_file} line 19"
    assert result.records == 30 and result.problems == []


def test_patterns_for_origin(verbs_file: Path) -> None:
    entries = import_petrarch_verbs([verbs_file], patterns_for="origin").entries
    assert code(entries, "donate", object=["mitten"]) == "073"
    assert code(entries, "gift", object=["mitten"]) is None  # the comment names DONATE
    assert code(entries, "gift", prep="for") == "074"  # no comment: the whole block
    with pytest.raises(ValueError, match="'block' or 'origin'"):
        import_petrarch_verbs([verbs_file], patterns_for="verb")


def test_output_loads_and_matches(verbs_file: Path) -> None:
    result = import_petrarch_verbs([verbs_file])
    dictionary = VerbDictionary()
    dictionary.add_file(result.to_yaml(include_dropped=True), name="imported.yaml")
    assert len(dictionary) == len(result.entries)
    found = dictionary.match("gift", particle=None, preps=["to"], objects=["blanket"], comps=[])
    assert found is not None and found.code == "072"
    found = dictionary.match("plead", particle=None, preps=[], objects=[], comps=["reconsider"])
    assert found is not None and found.code == "023"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- * BLANKETS", "line 3: pattern without a [CODE]"),
        ("- BLANKETS [070]", "line 3: pattern without '*'"),
        ("- * (TO VALLEY [070]", "line 3: pattern: unbalanced '('"),
        ("- * &NOWHERE [070]", "line 3: synonym set &NOWHERE is not defined above"),
        ("GIFT {GIFTED [070]", "line 3: unbalanced braces"),
    ],
)
def test_malformed_lines(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.verbs"
    path.write_text(f"--- GIFT [070] ---\nGIFT\n{line}\n- * PARCEL [073]\n", encoding="utf-8")
    lenient = import_petrarch_verbs([path])
    assert len(lenient.problems) == 1, lenient.problems
    assert lenient.problems[0].startswith(f"{path} line 3") and message in lenient.problems[0]
    assert code(lenient.entries, "gift", object=["parcel"]) == "073"
    with pytest.raises(DictionaryError, match=message.replace("(", r"\(").replace("[", r"\[")):
        import_petrarch_verbs([path], strict=True)


def test_lines_outside_blocks(tmp_path: Path) -> None:
    path = tmp_path / "loose.verbs"
    path.write_text("GIFT\n- * PARCEL [073]\n", encoding="utf-8")
    problems = import_petrarch_verbs([path]).problems
    assert [p.split(": ", 1)[1] for p in problems] == [
        "verb line 'GIFT' outside a '--- VERB ---' block",
        "pattern outside a '--- VERB [CODE] ---' block",
    ]


@pytest.mark.parametrize(
    ("word", "pos", "lemma"),
    [
        ("SANCTIONS", "NOUN", "sanction"),
        ("PARTIES", "NOUN", "party"),
        ("ADDRESS", "NOUN", "address"),
        ("CRISIS", "NOUN", "crisis"),
        ("CALLED", "VERB", "called"),
        ("TALKS", "VERB", "talks"),
        ("BOXES", "NOUN", "box"),
        ("TIES", "NOUN", "tie"),
    ],
)
def test_naive_lemma(word: str, pos: str, lemma: str) -> None:
    assert naive_lemma(word, pos) == lemma


def test_spacy_lemmatizer(nlp: Language) -> None:
    lemmatize = spacy_lemmatizer(nlp)
    assert lemmatize("CALLED", "VERB") == "call"
    assert lemmatize("FOUGHT", "VERB") == "fight"
    assert lemmatize("TALKS", "NOUN") == "talk"
    assert lemmatize("PRESS", "VERB") == "press"
