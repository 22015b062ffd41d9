"""The CAMEO codes the rules name are codes of the shipped codebook, named once."""

from __future__ import annotations

import re
from pathlib import Path

from dragoman.ontology import cameo, codes

SOURCE = Path(codes.__file__).read_text(encoding="utf-8")
CODING = Path(codes.__file__).parent.parent / "coding"


def test_every_constant_is_a_codebook_code_with_the_name_in_its_comment() -> None:
    rows = re.findall(r'^([A-Z_]+): Final = "(\d+)"  # (.+)$', SOURCE, re.MULTILINE)
    assert len(rows) > 50
    values = [value for _name, value, _comment in rows]
    assert len(values) == len(set(values)), "a code named twice"
    for name, value, comment in rows:
        assert getattr(codes, name) == value
        code = value if len(value) > 2 else value + "0"
        if value == "01":
            code = "010"
        assert cameo(code).name == comment, name


def test_the_rule_modules_name_codes_instead_of_writing_them() -> None:
    for module in (
        "_events.py",
        "_refine.py",
        "_targets.py",
        "_modality.py",
        "_slots.py",
        "_records.py",
        "_polity.py",
        "_judge.py",
    ):
        text = (CODING / module).read_text(encoding="utf-8")
        literals = re.findall(r'(?<![\w{])"\d{2,4}"', text)
        assert not literals, f"{module}: {literals}"
