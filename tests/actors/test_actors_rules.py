"""The actor decision is an ordered table of named rules."""

from __future__ import annotations

from dragoman import Coder
from dragoman.actors._rules import AGENT_RULES, NOBODY, RULES, role_only


def test_tables_are_functions_with_docstrings_and_role_only_is_last() -> None:
    for rule in (*RULES, *AGENT_RULES):
        assert callable(rule) and rule.__doc__, rule
    assert len(set(RULES)) == len(RULES) and len(set(AGENT_RULES)) == len(AGENT_RULES)
    assert AGENT_RULES[-1] is role_only
    assert NOBODY is not None


def test_rules_decide_in_table_order(coder: Coder) -> None:
    """A state named at the head wins before the role-noun rules; a role noun with no
    country in its phrase ends with agent-only."""
    rows = {
        (e.source.text, e.source.rule)
        for e in coder.code(
            "Chile criticized the rebels. The rebels attacked a village.", date="2024-05-01"
        )
    }
    assert ("Chile", "name") in rows
    assert ("rebels", "agent-only") in rows


def test_a_conjunct_with_nothing_in_it_names_no_actor(coder: Coder) -> None:
    """No mention, name or role noun, and no earlier actor to describe: every rule passes."""
    from dragoman.actors import DocumentActors
    from dragoman.actors._phrases import Found
    from dragoman.actors._rules import decide

    doc = coder.nlp("Nobody here.")
    resolver = DocumentActors(doc, [], coder.actors)
    empty = Found(state=None, org=None, agent=None, name=None, top=doc[0])
    assert decide(resolver, [doc[0]], empty, None) is None
