"""The Match passed between stages and the Decision a refinement rule returns."""

from __future__ import annotations

import spacy

from dragoman.coding._clauses import Clause
from dragoman.coding._match import Decision, Match
from dragoman.coding._verbs import VerbEntry

VOCAB = spacy.blank("en").vocab


def _match() -> Match:
    doc = spacy.tokens.Doc(VOCAB, words=["Chile", "failed", "to", "reach", "a", "deal"])
    entry = VerbEntry(
        verb="reach",
        code="057",
        particle=None,
        prep=None,
        objects=frozenset({"deal"}),
        comps=frozenset(),
        where="test",
        order=0,
    )
    return Match(Clause(doc[3], negated=True), entry, "057", "asserted")


def test_a_decision_with_a_code_refines_and_says_which_rule() -> None:
    match = _match()
    match.take("failed-settlement", Decision("164", "failed to agree", negated=False))
    assert (match.code, match.note, match.refined_by, match.negated) == (
        "164",
        "failed to agree",
        "failed-settlement",
        False,
    )


def test_a_decision_without_a_code_leaves_the_code_undecided() -> None:
    match = _match()
    noun = match.clause.verb.doc[5]
    match.take("means", Decision(None, noun=noun))
    assert (match.code, match.refined_by, match.noun) == ("057", None, noun)


def test_fields_a_decision_leaves_out_stay_as_they_were() -> None:
    match = _match()
    clause = match.clause
    match.take("reform", Decision("1041", "reform about leadership"))
    assert match.clause is clause
    assert match.negated is None and match.content is None and not match.addressee
