"""Reports of harm as accusations (``coding/_reports.py``)."""

from __future__ import annotations

from dragoman import Coder


def _coded(coder: Coder, text: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(text, date="2025-03-10")
    ]


def test_a_state_reporting_another_state_s_attack_accuses_it(coder: Coder) -> None:
    assert _coded(coder, "Seoul said North Korean troops fired on a border post.") == [
        ("KORGOV", "112", "PRKMIL"),
        ("PRKMIL", "193", None),
    ]


def test_a_report_of_what_rebels_did_is_no_accusation(coder: Coder) -> None:
    # ANNOTATION of the project's gold: "officials said rebels attacked a convoy" is the
    # rebels' attack alone
    assert _coded(coder, "Kenyan officials said al-Shabab militants attacked a police convoy.") == [
        ("SOMREB", "190", None)
    ]


def test_a_report_of_the_speaker_s_own_side_is_no_accusation(coder: Coder) -> None:
    codes = [row[1] for row in _coded(coder, "Putin said Russian forces attacked Kyiv.")]
    assert "112" not in codes
    assert "190" in codes


def test_a_witness_report_and_a_report_of_words_are_no_accusation(coder: Coder) -> None:
    witness = _coded(coder, "A Somali shopkeeper said Kenyan soldiers attacked the hotel.")
    assert "112" not in [row[1] for row in witness]
    words = _coded(coder, "Seoul said North Korean officials criticized the president.")
    assert "112" not in [row[1] for row in words]


def test_a_denied_attack_is_no_accusation(coder: Coder) -> None:
    codes = [
        row[1]
        for row in _coded(coder, "Seoul said North Korean troops did not fire on the border post.")
    ]
    assert "112" not in codes
