"""Reading PETRARCH validation XML: environment, include list, codings, errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman import InputError
from dragoman.evaluation import GoldEvent, read_gold, read_petrarch_xml

XML = """<Validation>
<!-- a comment with <Sentence> inside is ignored -->
<Environment>
    <Verbfile>my.verbs</Verbfile>
    <Actorfile>one.actors, two.actors</Actorfile>
    <Agentfile>my.agents</Agentfile>
    <Discardfile>my.discards</Discardfile>
    <Include>valid ALPHA OOPS</Include>
</Environment>
<Sentences>
<Sentence date="20210304" id="ALPHA-01" category="ALPHA" sentence="true">
<EventCoding sourcecode="FRD" targetcode="SYL" eventcode="051"></EventCoding>
<EventCoding sourcecode='"THE SNOW COUNCIL"' targetcode="---GOV" eventcode="1717"></EventCoding>
<Text>
Freedonia praised
   Sylvania on Monday.
</Text>
<Parse>(ROOT (S (NP (NNP Freedonia))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19990101" id="ALPHA-02" category="ALPHA" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather was mild.</Text>
</Sentence>
<Sentence date="19990101" id="ALPHA-03" category="ALPHA" sentence="true">
<Text>No coding at all.</Text>
</Sentence>
<Sentence date="19990101" id="BETA-01" category="BETA" sentence="true">
<EventCoding sourcecode="FRD" targetcode="SYL" eventcode="051"></EventCoding>
<Text>Left out by the include list.</Text>
</Sentence>
<Sentence date="19990101" id="OOPS-01" category="OOPS" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>A sports story.</Text>
</Sentence>
<Sentence date="19990101" id="OOPS-02" category="OOPS" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Broken tree.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "unit.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_records_environment_and_skips(tmp_path: Path) -> None:
    path = write(tmp_path, XML)
    gold = read_petrarch_xml(path)
    assert gold.format == "petrarch-xml"
    assert [r.id for r in gold.records] == ["ALPHA-01", "ALPHA-02", "ALPHA-03", "OOPS-01"]
    first = gold.records[0]
    assert first.text == "Freedonia praised Sylvania on Monday."
    assert first.date == "2021-03-04" and first.category == "ALPHA"
    assert first.where == f"{path} line 11"
    assert first.events == (
        GoldEvent(("FRD",), ("SYL",), "051"),
        GoldEvent(('"THE SNOW COUNCIL"',), ("---GOV",), "1717"),
    )
    assert all(r.noevents for r in gold.records[1:])
    assert gold.skipped == [
        ("BETA-01", "category BETA is not in <Include>"),
        (
            "OOPS-02",
            "error=bad_input_parse: tests PETRARCH's reader of Treebank parses; "
            "Dragoman parses the text",
        ),
    ]
    assert gold.dictionaries == {
        "verbs": [tmp_path / "my.verbs"],
        "actors": [tmp_path / "one.actors", tmp_path / "two.actors"],
        "agents": [tmp_path / "my.agents"],
        "discards": [tmp_path / "my.discards"],
    }
    assert "1 PETRARCH <Config> option(s)" in gold.notes[0]
    assert read_gold(path).format == "petrarch-xml"  # .xml picks this reader


def test_include_can_be_ignored(tmp_path: Path) -> None:
    gold = read_petrarch_xml(write(tmp_path, XML), honor_include=False)
    assert "BETA-01" in [r.id for r in gold.records]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id="ALPHA-02" ', "", 'line 21: <Sentence> has no id="..."'),
        ('date="19990101" id="ALPHA-03"', 'date="19991399" id="ALPHA-03"', "line 25: date"),
        ("<Text>No coding at all.</Text>", "", "line 25: <Sentence id='ALPHA-03'> has no <Text>"),
        (
            'sourcecode="FRD" targetcode="SYL" eventcode="051"></EventCoding>\n<EventCoding',
            'sourcecode="FRD" eventcode="051"></EventCoding>\n<EventCoding',
            "line 12: <EventCoding> lacks targetcode",
        ),
        (
            '<Config option="require_dyad"',
            '<Config option="require_dyad',
            "line 20: not well-formed",
        ),
    ],
)
def test_errors_name_the_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in XML
    path = write(tmp_path, XML.replace(old, new, 1))
    with pytest.raises(InputError) as info:
        read_petrarch_xml(path)
    assert f"{path} {message}" in str(info.value)


def test_unreadable_and_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read PETRARCH validation file"):
        read_petrarch_xml(tmp_path / "none.xml")
    with pytest.raises(InputError, match="no <Sentence> records"):
        read_petrarch_xml(write(tmp_path, "<Validation><Sentences></Sentences></Validation>"))
