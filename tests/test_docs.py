"""Every CLI command has help text and is shown in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from dragoman.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "dragoman") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        out.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix} {name}"))
    return out


COMMANDS = _commands(cli)


def test_there_are_commands() -> None:
    assert any(name == "dragoman code" for name, _ in COMMANDS)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_command_has_help_and_readme_example(name: str, command: click.Command) -> None:
    assert command.help and len(command.help.strip()) > 20, f"{name} has no help text"
    assert name in README, f"README has no example of `{name}`"
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help, f"{name} {param.opts[0]} has no help text"


RULES_DOC = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
SRC = Path(__file__).parent.parent / "src" / "dragoman"


def _rule_names() -> set[str]:
    """Rule names the resolver and the event coder write: literals (``rule="agent"``) and the
    fixed parts of composed ones (``rule=f"grievance:{...}"``, ``f"{...}+target-country"``)."""
    import re

    names: set[str] = set()
    for path in [*SRC.joinpath("actors").glob("*.py"), *SRC.joinpath("coding").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for literal in re.findall(r'rule="([a-z][a-z:+-]*)"', text):
            names.add(literal)
        for composed in re.findall(r'rule=f"([^"]*)"', text):
            names.update(p for p in re.split(r"\{[^}]*\}", composed) if p.strip(":+"))
    return names


def test_every_actor_rule_name_is_documented() -> None:
    names = _rule_names()
    assert "agent" in names and "grievance:" in names
    missing = sorted(n for n in names if n.strip(":+") not in RULES_DOC)
    assert not missing, f"docs/rules.md does not explain {missing}"


def test_every_policy_rule_is_documented() -> None:
    from dragoman.coding import POLICY_RULES

    missing = [name for name, _ in POLICY_RULES if f"`{name}`" not in RULES_DOC]
    assert not missing, f"docs/rules.md does not explain {missing}"
