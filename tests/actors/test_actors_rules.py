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


# --- the rules of session 7 (issue 12): "side", NGOs of no country, hyphenated role nouns


def _actors(coder: Coder, phrase: str) -> list[tuple[str, str]]:
    return [(a.code, a.rule) for a in coder.lookup_actor(phrase, date="2024-05-01").actors]


def test_a_states_side_in_talks_is_its_government(coder: Coder) -> None:
    assert _actors(coder, "the Chinese side") == [("CHNGOV", "side")]
    assert _actors(coder, "the EU side") == [("IGOEUREEC", "side")]
    (event,) = coder.code("The Russian side rejected the proposal.", date="2024-05-01")
    assert (event.source.code, event.source.rule) == ("RUSGOV", "side")


def test_a_side_of_no_one_names_no_actor(coder: Coder) -> None:
    assert _actors(coder, "the other side") == []
    # a side of a place is the place's state, not its government
    (event,) = coder.code(
        "Turkish troops shelled the Syrian side of the border.", date="2024-05-01"
    )
    assert event.target is not None and event.target.code == "SYR"
    assert _actors(coder, "the southern side") == []
    # the parties of the latest event, not a state's government (antecedent:pair)
    assert _actors(coder, "both sides") == []


def test_an_advocacy_group_of_no_country_is_an_ngo(coder: Coder) -> None:
    assert _actors(coder, "environmental groups") == [("NGOENV", "agent+ngo")]
    assert _actors(coder, "rights groups") == [("NGOHRI", "agent+ngo")]
    assert _actors(coder, "aid agencies") == [("NGO", "agent+ngo")]
    assert _actors(coder, "environment groups") == [("NGOENV", "agent+ngo")]
    assert _actors(coder, "climate groups") == [("NGOENV", "agent+ngo")]
    assert _actors(coder, "climate campaigners") == [("---ENV", "agent-only")]
    (event,) = coder.code("Rights groups accused Chile of torture.", date="2024-05-01")
    assert event.source.code == "NGOHRI" and event.target is not None
    assert event.target.code == "CHL"


def test_an_advocacy_group_the_phrase_places_is_of_that_country(coder: Coder) -> None:
    assert _actors(coder, "Thai rights groups") == [("THAHRI", "agent")]
    assert _actors(coder, "rights groups in Thailand") == [("THAHRI", "agent+place")]
    # people, not organizations: their country is still to be found (story, place)
    assert _actors(coder, "rights activists") == [("---HRI", "agent-only")]
    assert _actors(coder, "environmentalists") == [("---ENV", "agent-only")]


def test_a_hyphenated_role_noun_is_read_across_the_split_tokens(coder: Coder) -> None:
    """The tokenizer splits "anti-corruption" in three; the role noun is read whole."""
    assert _actors(coder, "Kenya's anti-corruption agency") == [("KENGOV", "agent")]
    assert _actors(coder, "Iranian hard-liners") == [("IRNRAD", "agent")]
    assert _actors(coder, "a Syrian asylum-seeker") == [("SYRREF", "agent")]
    # a hyphenated modifier that is no role noun leaves the head's role alone
    assert _actors(coder, "Syrian anti-government protesters") == [("SYROPP", "agent")]
    assert coder.actors.agents[("anti", "-", "corruption", "agency")].code == "GOV"


def test_a_role_noun_cut_off_its_first_word_is_read_whole(coder: Coder) -> None:
    """The parse may leave "think" of "think tank" out of the phrase (read as a verb): the
    role noun is the think tank (EDU), not a tank (MIL)."""
    from dragoman.actors import DocumentActors

    doc = coder.nlp("a think tank Forum")
    reader = DocumentActors(doc, [], coder.actors).reader
    found = reader.scan([doc[2], doc[3]])  # "tank Forum", as a misparse cuts it
    assert found.agent is not None and found.agent[0].code == "EDU"
    doc = coder.nlp("a heavy tank unit")
    reader = DocumentActors(doc, [], coder.actors).reader
    found = reader.scan([doc[2], doc[3]])  # "heavy" is no role noun's first word
    assert found.agent is not None and found.agent[0].code == "MIL"


def test_elders_are_an_elite(coder: Coder) -> None:
    assert _actors(coder, "Somali clan elders") == [("SOMELI", "agent")]
    assert _actors(coder, "local elders") == [("---ELI", "agent-only")]
    # "elder" as an adjective is no role
    assert _actors(coder, "his elder brother") == []


def test_a_state_adjective_before_and_shares_the_role_noun_after_it(coder: Coder) -> None:
    """The parse may hang the first adjective of "the Thai and Chinese governments" as a
    noun modifier (nmod): it still waits for the shared noun."""
    codes = [a.code for a in coder.lookup_actor("the Thai and Chinese governments").actors]
    assert codes == ["THAGOV", "CHNGOV"]
    # with no shared role noun, each stands alone
    codes = [a.code for a in coder.lookup_actor("the U.S. and British").actors]
    assert codes == ["USA", "GBR"]


def test_advocates_and_personnel_are_roles(coder: Coder) -> None:
    assert _actors(coder, "Thai human rights advocates") == [("THAHRI", "agent")]
    assert _actors(coder, "Pakistani security personnel") == [("PAKCOP", "agent")]
    assert _actors(coder, "Pakistani military personnel") == [("PAKMIL", "agent")]
    # a military or police spokesperson speaks for the force, not the government
    assert _actors(coder, "a Pakistani military spokesperson") == [("PAKMIL", "agent")]
    assert _actors(coder, "a Kenyan police spokeswoman") == [("KENCOP", "agent")]
    assert _actors(coder, "a Kenyan government spokeswoman") == [("KENGOV", "agent")]


def test_the_head_of_an_organization_acts_for_it(coder: Coder) -> None:
    """A singular leader noun's "of" phrase names whom it leads, as the plural's does."""
    assert [a.code for a in coder.lookup_actor("the head of the UN refugee agency").actors] == [
        "IGOUNOREFHCR"
    ]
    assert [a.code for a in coder.lookup_actor("the chief of the Chilean army").actors] == [
        "CHLMIL"
    ]
    assert [a.code for a in coder.lookup_actor("leaders of the Chilean army").actors] == ["CHLMIL"]
    # an "of" phrase that names no actor leaves the phrase to the other rules
    assert not coder.lookup_actor("the chief of staff").actors
