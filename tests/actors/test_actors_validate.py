"""``validate_actor_file`` and ``lookup_actor``: problems with lines, explanations."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import Coder
from dragoman.actors import load_actor_dictionary, validate_actor_file

GOOD = """\
- {code: "IGOASAEAS", name: "East Asia Summit", aliases: ["EAS"]}
- name: Ana Ruiz
  aliases: [Ruiz]
  roles:
    - {code: "CHLGOV", start: 2020-03-11, end: 2024-03-10, title: Foreign Minister}
    - {code: "CHLGOV", start: 2024-03-11, title: President}
"""


def test_clean_file_has_no_problems(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert validate_actor_file(path, known=load_actor_dictionary()) == []


def test_problems_are_reported_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        '- {code: "KAZ", name: Kazakhstan}\n'  # 1
        '- {code: "KAZ", name: Qazaqstan}\n'  # 2 duplicate code
        '- {code: "UZB", name: Kazakhstan}\n'  # 3 duplicate name
        '- {code: "XYZQ", nouns: [spy]}\n'  # 4 agent code
        "- name: Bo Li\n"  # 5
        "  roles:\n"
        '    - {code: "CHNGOV", start: 2010-01-01, end: 2015-12-31}\n'
        '    - {code: "CHNMIL", start: 2015-06-01}\n'  # overlap
        "- name: Ed Ng\n"  # 9
        "  roles:\n"
        '    - {code: "QQQGOV", start: 2001-01-01}\n'  # unknown prefix
        "- name: Al Bo\n"  # 12
        "  roles:\n"
        '    - {code: "USAGOV", start: 2001-13-01}\n',  # bad date
        encoding="utf-8",
    )
    problems = validate_actor_file(path, known=load_actor_dictionary())
    lines = [(p.line, p.severity) for p in problems]
    assert lines == [
        (2, "warning"),
        (3, "warning"),
        (4, "error"),
        (5, "warning"),
        (9, "warning"),
        (12, "error"),
    ]
    text = [str(p) for p in problems]
    assert "code 'KAZ' is also defined at line 1" in text[0]
    assert "'Kazakhstan' also names KAZ at line 1" in text[1]
    assert "three capital letters" in text[2]
    assert "overlap" in text[3]
    assert "'QQQ' is not a known state" in text[4]
    assert "not a date" in text[5] or "not a valid" in text[5]
    assert text[0].startswith(f"{path} line 2: warning: ")


def test_unparseable_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("- {code: [\n", encoding="utf-8")
    (problem,) = validate_actor_file(path)
    assert problem.severity == "error" and "not valid YAML" in problem.message


def test_lookup_explains_resolution(coder: Coder) -> None:
    result = coder.lookup_actor("Finland's foreign minister", date="2025-06-01")
    (actor,) = result.actors
    assert (actor.code, actor.rule, actor.entry) == ("FINGOV", "agent", "states:FIN+agents:GOV")
    assert result.to_dict()["entries"][0]["code"] == "FIN"
    assert coder.lookup_actor("experts").actors == ()


@pytest.mark.parametrize("phrase", ["German automakers", "Korean chipmakers", "Kenyan sellers"])
def test_makers_and_sellers_are_business(coder: Coder, phrase: str) -> None:
    (actor,) = coder.lookup_actor(phrase, date="2025-06-01").actors
    assert actor.code.endswith("BUS") and len(actor.code) == 6


def test_international_civil_society_is_of_no_country(coder: Coder) -> None:
    assert [a.code for a in coder.lookup_actor("international rights groups").actors] == ["NGOHRI"]
    assert [a.code for a in coder.lookup_actor("international aid groups").actors] == ["NGO"]
    # not forces, and not a group some state's adjective places
    assert [a.code for a in coder.lookup_actor("international forces").actors] == ["---MIL"]
    assert [a.code for a in coder.lookup_actor("Thai rights groups").actors] == ["THAHRI"]


def test_a_plural_name_after_a_state_adjective_is_a_people(coder: Coder) -> None:
    (actor,) = coder.lookup_actor("Syrian Kurds", date="2025-06-01").actors
    assert (actor.code, actor.rule) == ("SYR", "adjective+plural")
    (taliban,) = coder.lookup_actor("Afghan Taliban", date="2025-06-01").actors
    assert taliban.code.startswith("AFG") and taliban.rule == "name"
