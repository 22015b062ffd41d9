"""Attaching date expressions to clauses, and counting anaphoric ones from other dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dragoman.lexicon import words
from dragoman.pipeline import VERBAL_POS
from dragoman.temporal._calendar import period_start, relation_to, shift_date
from dragoman.temporal._find import governing_verb, is_future
from dragoman.temporal._model import DateExpression, Kind, Precision, Relation
from dragoman.temporal._resolve import parse_story_date

__all__ = [
    "anchor_relative",
    "clause_tense",
    "date_for_clause",
    "fits_tense",
    "narrative_date",
    "reanchor",
    "sole_date",
]

# A date inside a noun phrase ("Tuesday's vote", "the 2024 election") dates that noun; it is
# used for the clause only when nothing attaches to the verb itself.
_NOMINAL_DEPS = frozenset({"poss", "compound", "nmod", "amod", "nummod"})
# Verbs that share their governor's time: "met on Tuesday and signed" (conj), "agreed on
# Tuesday to withdraw" (xcomp).
_SHARED_TIME = frozenset({"conj", "xcomp"})
# Verbs whose to-complement happens when they do ("tried to seize the port in 2021").
_SAME_TIME_HEADS = words("same_time_heads")
# Clauses inside a verb's clause with a time of their own: a date inside one dates them,
# not the verb ("said the rebels attacked in 2019", "vowed to end coal by 2040", "lifted
# the ban on a man who was removed in October").
_EMBEDDED = frozenset({"ccomp", "xcomp", "relcl"})
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_AUX = frozenset({"aux", "auxpass"})
_PLACE_TIME_RELATIVES = frozenset({"where", "when"})
_ORDER = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def date_for_clause(expressions: Sequence[DateExpression], verb: Token) -> DateExpression | None:
    """Return the date expression that dates a verb's clause.

    An expression belongs to the verb it attaches to in the parse ("met on Tuesday",
    "Tuesday's meeting was held", "hosted a summit in 2010"); a coordinated or controlled
    verb without one takes its governor's ("met on Tuesday and signed", "agreed on Tuesday
    to withdraw"), and so does a participle clause ("said on Monday, calling for talks") or
    a relative clause of place or time ("began on May 3 in the province, where troops
    fought"); a date inside a noun phrase is taken only when none of those verbs has one of
    its own ("met on Tuesday and signed the 2024 accord": *signed* is Tuesday). Dates of
    subordinate clauses are not taken ("said on Tuesday that troops
    attacked": "attacked" gets none). Among several, one attached to the verb directly wins
    over one inside a noun phrase, a point over a bound ("since 2019"), then the nearest.

    Args:
        expressions: The document's expressions (:func:`find_date_expressions`).
        verb: The predicate token of the clause.

    Returns:
        The expression, or None: then the event has no date of its own in the text.
    """
    if not expressions:
        return None
    doc = verb.doc
    current = verb
    nominal: DateExpression | None = None  # a date of a noun phrase, if nothing better
    for _ in range(4):
        attached = [e for e in expressions if e.governor == current.i and fits_tense(e, verb)]
        if not attached and current.i == verb.i and verb.lemma_.lower() in _SAME_TIME_HEADS:
            complements = {c.i for c in verb.children if c.dep_ == "xcomp"}
            attached = [e for e in expressions if e.governor in complements and fits_tense(e, verb)]
        if attached:
            best = min(attached, key=lambda e: _rank(e, doc[e.root], verb))
            if doc[best.root].dep_ not in _NOMINAL_DEPS:
                return best
            nominal = nominal or best
        head = current.head
        if head.i == current.i:
            break
        if current.dep_ in _SHARED_TIME or _participle_of(current):
            current = head
        elif _where_clause(current):
            # "began on May 3 in the province, where troops fought": the fighting is then
            governor = governing_verb(head)
            if governor is None:
                break
            current = governor
        else:
            break
    return nominal


def _where_clause(token: Token) -> bool:
    """A relative clause of place or time ("the province, where troops fought")."""
    return token.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ in _PLACE_TIME_RELATIVES for c in token.children
    )


def _participle_of(token: Token) -> bool:
    """A participial clause without subject or conjunction shares its governor's time:
    "said on Monday, calling for talks" (calling), unlike "attacked when troops arrived"."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBG"
        and not any(c.dep_ in _CLAUSE_SUBJECTS or c.dep_ == "mark" for c in token.children)
    )


def clause_tense(verb: Token) -> str | None:
    """Return the tense of a verb's clause: ``past`` ("attacked", "was attacked", "had
    attacked"), ``perfect`` ("has attacked"), ``present`` ("attacks", "is attacking"),
    ``future`` ("will attack", "plans to attack"), or None (a noun, or a verb form the
    parse does not place). A non-finite verb takes the tense of the verb it completes or
    is coordinated with ("was arrested and charged": charged is past), or of a verb whose
    complement happens when it does ("tried to flee": flee is past); the complement of
    another verb has no tense of its own ("vowed to end coal by 2040": end).

    Args:
        verb: The predicate token.

    Returns:
        The tense, or None.
    """
    current = verb
    for _ in range(4):
        if current.pos_ not in VERBAL_POS:
            return None
        if is_future(current):
            return "future"
        auxes = [c for c in current.children if c.dep_ in _AUX]
        if current.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if any(a.lemma_.lower() == "have" for a in auxes):
            return "perfect"
        if current.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        head = current.head
        shares = current.dep_ in ("conj", "advcl") or (
            current.dep_ == "xcomp" and head.lemma_.lower() in _SAME_TIME_HEADS
        )
        if head.i == current.i or not shares:
            return None
        current = head
    return None


def fits_tense(expression: DateExpression, verb: Token) -> bool:
    """Whether a date can date a verb's clause by its tense: a future date never dates a
    past or perfect clause ("has vowed to end coal by 2040", "was postponed until next
    year"). A past date may date a future one: the future of a past statement ("said on
    Tuesday that he would meet them") is dated by the statement."""
    if expression.relation is not Relation.FUTURE:
        return True  # "said on Tuesday he would meet them": the intent is Tuesday's
    return clause_tense(verb) not in ("past", "perfect")


def sole_date(
    expressions: Sequence[DateExpression], verb: Token, sentence: Span
) -> DateExpression | None:
    """The one date expression of a sentence, which dates a verb that has none of its own
    ("He was rearrested in July 2019 as he was going into surgery": the arrest): a
    sentence naming one time tells when its events happened. Not a date inside the verb's
    complement ("officials said the rebels attacked in 2019": the statement is not dated
    2019), nor one its tense rules out ("has vowed to end coal by 2040").

    Args:
        expressions: The sentence's expressions (others are ignored).
        verb: The predicate token.
        sentence: Its sentence.

    Returns:
        The expression, or None.
    """
    inside = [e for e in expressions if sentence.start_char <= e.start < sentence.end_char]
    if len(inside) != 1:
        return None
    found = inside[0]
    if not fits_tense(found, verb) or _in_other_clause(verb.doc, found.governor, verb):
        return None
    return found


def _main_verbs(token: Token) -> tuple[Token, Token]:
    """The sentence's root, and the main verb of the token's clause: the root or a verb
    coordinated with it ("Troops fought, and the UN says that both sides killed": *says*
    for *killed*)."""
    path = [token]
    for _ in range(64):  # bounded: a parse is a tree
        if path[-1].head.i == path[-1].i:
            break
        path.append(path[-1].head)
    main = path[-1]
    for node in reversed(path[:-1]):
        if node.dep_ != "conj":
            break
        main = node
    return path[-1], main


def _pluperfect_between(verb: Token, root: Token) -> bool:
    """Whether the verb or a verb above it, up to the root, is in the past perfect."""
    current = verb
    for _ in range(64):  # bounded: a parse is a tree
        if any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ == "VBD"
            for c in current.children
        ):
            return True
        if current.i == root.i or current.head.i == current.i:
            return False
        current = current.head
    return False


def _in_narrative(verb: Token) -> bool:
    tense = clause_tense(verb)
    return tense not in ("present", "future") and not (
        tense == "perfect" and not _progressive(verb)
    )


def _progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in verb.children)


def _in_other_clause(doc: Doc, governor: int | None, verb: Token) -> bool:
    """Whether a date's governor is inside a complement or relative clause that does not
    hold the verb: the date is that clause's ("lifted the ban on a man who was removed in
    October": not the lifting's)."""
    if governor is None or governor == verb.i:
        return False
    current = doc[governor]
    for _ in range(16):  # bounded: deeper chains are parse noise
        if current.dep_ in _EMBEDDED:
            return not current.left_edge.i <= verb.i <= current.right_edge.i
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def narrative_date(
    previous: Sequence[DateExpression], previous_root: Token | None, verb: Token
) -> DateExpression | None:
    """The date a narrative goes on at: the past date of the sentence before, for a
    sentence that names no time and whose main verb is past ("The gunmen stormed the hotel
    on Tuesday. They took dozens of hostages."; '"They are liars," he said then.'). Of
    several past dates, the one of the previous sentence's main verb ("Troops, who arrived
    in 2019, left on Friday." then "They burned the base." goes on at Friday). A sentence
    whose main verb is present, perfect or future is not part of the narrative ("The
    ambassador accuses Kenya of ...", "Critics have long alleged ..."), except an activity
    going on since that time ("The war began in April 2023. The army has been fighting
    the rebels."); a main clause coordinated with it is judged by its own tense ("...,
    and the UN says ...": not); a clause in the past perfect happened before the time
    last named ("They had planned the attack for months.": not).

    Args:
        previous: The previous sentence's expressions.
        previous_root: The previous sentence's root token, or None.
        verb: The predicate token of the clause to date (its sentence's main verb decides).

    Returns:
        The expression, or None.
    """
    root, main = _main_verbs(verb)
    if not _in_narrative(root) or (main.i != root.i and not _in_narrative(main)):
        return None
    if _pluperfect_between(verb, root):
        return None  # "They had planned the attack for months": before the time last named
    past = [e for e in previous if e.relation is Relation.PAST and not e.qualifier]
    if len(past) == 1:
        return past[0]
    if len(past) > 1 and previous_root is not None:
        of_root = [e for e in past if e.governor == previous_root.i]
        if len(of_root) == 1:
            return of_root[0]
    return None


def _rank(expression: DateExpression, root: Token, verb: Token) -> tuple[int, int, int]:
    return (
        1 if root.dep_ in _NOMINAL_DEPS else 0,
        1 if expression.qualifier else 0,
        abs(expression.root - verb.i),
    )


def reanchor(
    expression: DateExpression,
    anchor_date: str | dt.date,
    story_date: str | dt.date | None,
    *,
    anchor: str | None = None,
    anchor_precision: Precision = Precision.DAY,
) -> DateExpression:
    """Count an anaphoric expression again from another date.

    Example: "two weeks prior to the minister's visit" found with an undated visit counts
    from the story date; once the caller knows the visit was on 2025-05-20, ``reanchor``
    gives 2025-05-06.

    Args:
        expression: The expression; one without ``shift`` (not anaphoric) is returned as is.
        anchor_date: The date to count from (``YYYY-MM-DD``).
        story_date: The story date, for the relation (past/present/future).
        anchor: How to name the anchor; default: the expression's ``reference``.
        anchor_precision: Precision of ``anchor_date``; the result is never finer.

    Returns:
        The expression with new ``date``, ``precision``, ``relation`` and ``anchor``.

    Raises:
        InputError: A date is not valid.
    """
    shift = expression.shift
    base = parse_story_date(anchor_date)
    if shift is None or expression.kind is not Kind.ANAPHORIC or base is None:
        return expression
    precision = max(expression.precision, anchor_precision, key=_ORDER.__getitem__)
    try:
        start = period_start(shift_date(base, shift.amount, shift.unit), precision)
    except (OverflowError, ValueError):  # counted past year 1 or 9999: leave it as it was
        return expression
    return replace(
        expression,
        date=start.isoformat(),
        precision=precision,
        relation=relation_to(start, precision, parse_story_date(story_date)),
        anchor=anchor or expression.reference or base.isoformat(),
        approximate=expression.approximate or precision is not expression.precision,
    )


def anchor_relative(
    expressions: Sequence[DateExpression],
    reference_dates: Mapping[int, str | dt.date],
    story_date: str | dt.date | None,
) -> list[DateExpression]:
    """Count "prior to X"/"after X" expressions from the dates of their references.

    ``find_date_expressions`` counts "two weeks prior to X's visit" from the story date when
    nothing in the text dates the visit, and records the visit as ``reference`` with its
    head token index ``reference_index``. A caller that knows when the visit happened (for
    example from the event coded for it) passes that date here.

    Args:
        expressions: The document's expressions.
        reference_dates: Head token index of a reference phrase -> its date (``YYYY-MM-DD``).
        story_date: The story date, for the relation.

    Returns:
        The expressions, with those whose reference is in ``reference_dates`` re-counted.
    """
    out: list[DateExpression] = []
    for expression in expressions:
        index = expression.reference_index
        if index is not None and index in reference_dates:
            expression = reanchor(expression, reference_dates[index], story_date)
        out.append(expression)
    return out
