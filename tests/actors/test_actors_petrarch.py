"""Importing PETRARCH/TABARI .actors and .agents files (our own fictional dictionaries)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import DictionaryError
from dragoman.actors import ActorDictionary, import_petrarch_actors, parse_petrarch_date

ACTORS = """<!-- TEST ACTORS: an XML comment
   running over two lines -->
# a Python-style comment line
FREEDONIA_  [FRD]  # trailing comment
+FREEDONIAN
+THE_FREEDONIAN_REPUBLIC
FREEDONIA_CITY [FRD] ; legacy KEDS comment
SYLVANIA [syl]
THE_SNOW_COUNCIL [IGOSNW]

RUFUS_T._FIREFLY  # dated roles on their own lines
+FIREFLY
\t[FRD]
\t[FRDELI 910101-300601]
\t[FRDGOV 19330602 - 19450101]
\t[FRDOPP >450102]

AMBASSADOR_TRENTINO
\t[--- <300101]
\t[SYLGOV 300102-301231]

BARON_VON_KLUTZ [--- ]
NOBODY_IN_PARTICULAR
THE_MARX_TRIO [FRD/SYL/VUL]
MYSTERY_MAN [+++]
<! -- a malformed comment line, skipped as PETRARCH skips it -->
"""

AGENTS = """<!-- TEST AGENTS -->
!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY

SNOW_PLOUGH!PERSON! [~GOV]
GRAND_VIZIER {GRAND_VIZIERS_GENERAL} [~GOVFRM] # longer code
MILITIA {} [ ~MIL]
!MINIST!_OF_SNOW [~GOV]
RELIEF_CHARITY [NGO~]
"""


@pytest.fixture()
def files(tmp_path: Path) -> list[Path]:
    actors = tmp_path / "test.actors"
    actors.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "test.agents.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    return [actors, agents]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("991001", "1999-10-01"),
        ("300101", "2030-01-01"),
        ("310101", "1931-01-01"),
        ("020128", "2002-01-28"),
        ("19450101", "1945-01-01"),
        ("20240229", "2024-02-29"),
    ],
)
def test_petrarch_dates(text: str, iso: str) -> None:
    assert parse_petrarch_date(text) == iso


@pytest.mark.parametrize("text", ["9910", "991301", "20230229", "99-10-01"])
def test_bad_petrarch_dates(text: str) -> None:
    with pytest.raises(ValueError, match=text):
        parse_petrarch_date(text)


def test_named_entries_merge_by_code_with_case_forms(files: list[Path]) -> None:
    result = import_petrarch_actors(files)
    by_code = {e["code"]: e for e in result.entries if "code" in e and "name" in e}
    freedonia = by_code["FRD"]
    assert freedonia["name"] == "Freedonia"
    assert freedonia["aliases"] == [
        "Freedonian",
        "Freedonian Republic",
        "Freedonian republic",
        "Freedonia City",
        "Freedonia city",
    ]
    assert freedonia["note"] == "PETRARCH test.actors line 4; test.actors line 7"
    assert by_code["SYL"]["name"] == "Sylvania"  # lower-case [syl] upper-cased
    assert by_code["IGOSNW"]["name"] == "Snow Council"  # leading THE dropped


def test_dated_codes_become_roles(files: list[Path]) -> None:
    result = import_petrarch_actors(files)
    people = {e["name"]: e for e in result.entries if "roles" in e}
    firefly = people["Rufus T. Firefly"]
    assert firefly["aliases"] == ["Rufus T. firefly", "Firefly"]
    assert firefly["roles"] == [
        {"code": "FRDELI", "start": "1991-01-01", "end": "2030-06-01"},
        {"code": "FRDGOV", "start": "1933-06-02", "end": "1945-01-01"},
        {"code": "FRDOPP", "start": "1945-01-02"},
        {"code": "FRD"},  # the undated default, last
    ]
    trentino = people["Ambassador Trentino"]  # [--- <DATE] leaves a gap, not a role
    assert trentino["roles"] == [{"code": "SYLGOV", "start": "2030-01-02", "end": "2030-12-31"}]
    assert "country" not in trentino and "country" not in firefly


def test_what_is_dropped_is_counted(files: list[Path]) -> None:
    result = import_petrarch_actors(files)
    assert result.dropped_counts == {
        "null code '---' (PETRARCH: not an actor)": 1,
        "no code (PETRARCH: a null actor)": 1,
        "several codes in one ([A/B]: a compound actor)": 1,
        "not a CAMEO-style code (3-24 letters, digits or '-')": 1,
        "code before the actor ([NGO~]): an organization prefix, not a sector": 1,
    }
    where = {d.text: d.where for d in result.dropped}
    assert where["THE MARX TRIO [FRD/SYL/VUL]"] == f"{files[0]} line 24"
    assert result.simplified["null code '---' for a period: left as a gap between roles"] == 1
    assert result.simplified["agent code longer than one sector: first sector kept"] == 1
    assert result.problems == []
    summary = "\n".join(result.summary_lines())
    assert "2 file(s)" in summary and "5 item(s) dropped" in summary


def test_agents(files: list[Path]) -> None:
    result = import_petrarch_actors(files[1:])
    agents = [(e["code"], e["nouns"]) for e in result.entries]
    assert agents == [
        ("GOV", ["snow ploughman", "snow ploughwoman"]),
        ("GOV", ["grand vizier", "grand viziers general"]),
        ("MIL", ["militia"]),
        ("GOV", ["minister of snow", "ministry of snow"]),
    ]
    assert result.entries[0]["note"] == "PETRARCH test.agents.txt line 5"


def test_output_loads_and_roles_follow_the_date(files: list[Path]) -> None:
    result = import_petrarch_actors(files)
    dictionary = ActorDictionary()
    dictionary.add_file(result.to_yaml(include_dropped=True), name="imported.yaml")
    assert dictionary.phrases["Freedonian Republic"].entry.code == "FRD"
    firefly = dictionary.phrases["Firefly"].entry
    assert firefly.kind == "person" and firefly.country == "FRD"  # the roles' prefix
    role = firefly.role_on("1940-05-01")
    assert role is not None and role.code == "FRDGOV"
    role = firefly.role_on("1920-01-01")  # before every dated role: the default applies
    assert role is not None and role.code == "FRD"
    role = firefly.role_on("2001-01-01")  # FRDELI 1991-2030 starts after FRDOPP 1945
    assert role is not None and role.code == "FRDELI"
    assert dictionary.agents[("minister", "of", "snow")].code == "GOV"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("\t[FRDGOV 991301-000101]", "line 2: [FRDGOV 991301-000101]: date '991301'"),
        ("\t[950601-990815]", "line 2: date restriction [950601-990815] has no actor code"),
        ("\t[AAA950601-990815]", "line 2: code and date run together"),
        ("\t[FRDGOV 20000101-19990101]", "the period ends before it starts"),
        ("\t[FRDGOV ~19990101]", "restriction '~19990101' is not <DATE, >DATE or DATE-DATE"),
        ("\t[FRDGOV", "line 2: unclosed code"),
        ("\t[]", "line 2: empty code []"),
    ],
)
def test_malformed_lines(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.actors"
    path.write_text(f"GROUCHO_\n{line}\nHARPO [FRD]\n", encoding="utf-8")
    lenient = import_petrarch_actors([path])
    assert len(lenient.problems) == 1 and message in lenient.problems[0]
    assert lenient.problems[0].startswith(f"{path} line 2")
    assert any(e.get("name") == "Harpo" for e in lenient.entries)  # the rest is converted
    with pytest.raises(DictionaryError) as info:
        import_petrarch_actors([path], strict=True)
    assert message in str(info.value)


def test_agent_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.agents"
    path.write_text("!SNOW!_CLERK [~GOV]\nCLERK [GOV]\nCLERK\n", encoding="utf-8")
    result = import_petrarch_actors([path])
    assert [p.split(": ", 1)[1] for p in result.problems] == [
        "substitution !SNOW! is not defined above",
        "agent code [GOV] needs '~' ([~GOV])",
        "not an agent line; expected 'PHRASE {PLURAL} [~CODE]'",
    ]


def test_agents_file_is_recognized_by_its_codes(tmp_path: Path) -> None:
    path = tmp_path / "roles.txt"
    path.write_text("CLERK [~GOV]\nSNOW_SOLDIER [~MIL]\n", encoding="utf-8")
    assert [e["code"] for e in import_petrarch_actors([path]).entries] == ["GOV", "MIL"]


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read PETRARCH dictionary"):
        import_petrarch_actors([tmp_path / "missing.actors"])
    latin = tmp_path / "latin.actors"
    latin.write_bytes(b"FREEDONIA [FRD]\nS\xe9LVANIA [SYL]\n")
    with pytest.raises(DictionaryError, match=r"latin.actors line 2: not UTF-8"):
        import_petrarch_actors([latin])


def test_indented_names_start_entries_as_in_petrarch(tmp_path: Path) -> None:
    path = tmp_path / "indented.actors"
    path.write_text(
        "CHICOLINI_ [FRD]\n\tPINKY_ [SYLGOV 300101-301231] # a tab before the name\n"
        "HARPO [SYL] [FRD] trailing words\n",
        encoding="utf-8",
    )
    result = import_petrarch_actors([path])
    names = [e["name"] for e in result.entries]
    assert names == ["Chicolini", "Pinky", "Harpo"] and result.problems == []
    assert result.simplified == {
        "text after a code ignored": 1,
        "a second undated code ignored (the first is the default)": 1,
    }
