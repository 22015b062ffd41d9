"""Codes refined by who the actors are (coding/_kinds.py)."""

from __future__ import annotations

from dragoman import Coder


def _codes(coder: Coder, text: str) -> set[tuple[str, str, str | None]]:
    return {
        (e.source.code, e.cameo.code, e.target.code if e.target else None)
        for e in coder.code(text, date="2025-03-10")
    }


def test_armed_forces_backing_armed_forces_cooperate_militarily(coder: Coder) -> None:
    text = "Kenyan troops, backed by the U.S. military, attacked rebel positions."
    assert ("USAMIL", "062", "KENMIL") in _codes(coder, text)


def test_a_government_backing_troops_still_endorses(coder: Coder) -> None:
    text = "Kenyan troops, backed by the U.S. government, attacked rebel positions."
    codes = _codes(coder, text)
    assert ("USAGOV", "051", "KENMIL") in codes
    assert not [c for c in codes if c[1] == "062"]
