"""Finding date expressions in a parsed document and resolving each in its context."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dragoman.lexicon import words
from dragoman.pipeline import VERBAL_POS, TokenTable
from dragoman.pipeline._text import document_text
from dragoman.temporal._calendar import period_start, relation_to
from dragoman.temporal._model import DateExpression, Kind, Precision, ResolvedDate
from dragoman.temporal._resolve import (
    dateparser_date,
    parse_story_date,
    resolve_rule,
    worth_dateparser,
)
from dragoman.temporal._rules import FULL_RULES, RULES, Context, has_anchor, scan

__all__ = ["find_date_expressions", "governing_verb", "is_future"]

# A leading preposition that only places the date ("in 2010", "on Tuesday") is not part of
# the expression's text; "since", "until", "before", "after", "by" are (they bound a period).
_LEAD = re.compile(r"^(?:in|on|at|during)\s+", re.IGNORECASE)
_NAMES_WITH_DAYS = frozenset(
    {"good", "black", "easter", "palm", "super", "ash", "cyber", "bloody", "holy", "maundy",
     "shrove", "giving"}
)  # fmt: skip
# Named-entity types that make a month or weekday name part of a name ("May", "Sunday Times").
_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT", "GPE", "NORP"})
_DURATION_BEFORE = frozenset({"for", "within", "throughout", "spanning", "lasting", "over"})
_FUTURE_AUX = words("future_aux")
_FUTURE_GOVERNORS = frozenset(
    {"plan", "expect", "schedule", "set", "intend", "due", "go", "aim", "prepare", "hope"}
)
_RULE_NAMES = [rule.name for rule in RULES]
_BARE_NAMES = frozenset({"weekday", "month", "month-relative", "bare-month"})
_ORDER = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}
# Anaphoric expressions count from the last time named within this many sentences.
_NARRATIVE_WINDOW = 2


@dataclass(slots=True)
class _Candidate:
    rule: int  # index into FULL_RULES, or -1 for dateparser
    start: int
    end: int
    span: Span
    source: str  # the text the rule reads (with its leading preposition)
    sentence: int = 0
    result: ResolvedDate | None = None
    future: bool = False
    governor: int | None = None
    reference: Span | None = None
    reference_index: int | None = None


def find_date_expressions(
    doc: Doc,
    story_date: str | dt.date | None,
    *,
    use_entities: bool = True,
    use_dateparser: bool = True,
    text: str | None = None,
    window: tuple[int, int] | None = None,
    narrative_start: int | None = None,
) -> list[DateExpression]:
    """Find and resolve the date expressions of a parsed document.

    Candidates come from one pass of the grammar over the text, plus spaCy ``DATE``
    entities the grammar did not cover (a bare "2017", or forms only dateparser reads).
    Each is resolved in its clause: the future hint comes from the verb it attaches to
    ("will meet on Tuesday"); an anaphoric expression ("three days earlier", "the previous
    day") counts from the date expression inside its own reference ("two days after March
    3"), else from the last date named in the same or the two previous sentences, else from
    the story date. "Two weeks prior to X's visit" with an undated visit counts from the
    story date and keeps the visit as ``reference``, so the caller can count again from the
    visit's date (:func:`anchor_relative`). A forward count with nothing dated to count from
    ("a week later", "three decades after the collapse") is left out unless its clause is
    future: counted from the story date it would put a past event after the story.

    Args:
        doc: A parsed Doc (dependencies, tags; entities are used when present).
        story_date: The story date (``YYYY-MM-DD``), or None: then only expressions that
            name their year, and those counted from them, are returned.
        use_entities: Also read spaCy ``DATE`` entities the grammar did not match.
        use_dateparser: Ask dateparser about ``DATE`` entities the grammar cannot read.
        text: ``doc.text``, when the caller has it (the document text the Doc was made
            from): ``Doc.text`` joins every token, which costs more than the search.
        window: Only look at expressions between these two character offsets (for
            example a sentence with an event); None: the whole document.
        narrative_start: With ``window``: when an anaphoric expression in the window
            ("the previous day") may count from a date named before it, look for that
            date from this character offset on (for example the start of the sentence
            two before the window's). Those earlier expressions are not returned.

    Returns:
        The resolved expressions in text order.

    Raises:
        InputError: ``story_date`` is not a valid date, or ``text`` is not the text the Doc
            was made from.
    """
    story = parse_story_date(story_date)
    if window is not None and not _may_hold_dates(doc, window, use_entities):
        return []  # most sentences name no time: skip the scanner for them
    text = document_text(doc, text)
    candidates = _candidates(doc, text, story, window, use_entities, use_dateparser)
    if not candidates:
        return []
    _resolve_all(candidates, story)
    if (
        window is not None
        and narrative_start is not None
        and narrative_start < window[0]
        and any(c.result is not None and c.result.kind is Kind.ANAPHORIC for c in candidates)
    ):
        # the dates an anaphoric expression may count from, named before the window
        before = _candidates(
            doc, text, story, (narrative_start, window[0]), use_entities, use_dateparser
        )
        _resolve_all(before, story)
        candidates = before + candidates
    # Anaphoric expressions second, in text order: an anchor may come later in the sentence
    # ("two days after March 10") or be an anaphoric expression itself.
    anaphoric = [
        position
        for position, cand in enumerate(candidates)
        if cand.result is not None and cand.result.kind is Kind.ANAPHORIC
    ]
    if anaphoric:
        sentence_of = _SentenceIndex(doc)
        for cand in candidates:
            cand.sentence = sentence_of(cand.span.start)
        for position in anaphoric:
            _anchor(candidates[position], candidates, position, story)
    first = window[0] if window is not None else 0
    return [_expression(c) for c in candidates if c.result is not None and c.start >= first]


def _candidates(
    doc: Doc,
    text: str,
    story: dt.date | None,
    window: tuple[int, int] | None,
    use_entities: bool,
    use_dateparser: bool,
) -> list[_Candidate]:
    candidates = _scan(doc, text, window)
    if use_entities and TokenTable.of(doc).entities:
        candidates = _add_entities(doc, candidates, story, use_dateparser, window)
    elif use_entities:
        candidates = _add_modifier_dates(doc, candidates, window)
    return candidates


# "the 2016 referendum", "its 2019 budget", "a November report": a year or month name that
# modifies a singular noun after a determiner is a date (what an entity recognizer's DATE
# label would add to the grammar)
_YEAR_WORD = re.compile(r"(?:1[6-9]\d\d|20\d\d)")
_YEAR_DETERMINERS = frozenset({"det", "poss"})
_YEAR_MODIFIERS = frozenset({"nummod", "compound", "amod", "npadvmod"})


def _add_modifier_dates(
    doc: Doc, candidates: list[_Candidate], window: tuple[int, int] | None
) -> list[_Candidate]:
    """Add the bare years and month names the grammar leaves out when they modify a noun
    ("the 2016 referendum", "a November report"), for Docs without entity labels."""
    taken = {t for c in candidates for t in range(c.span.start, c.span.end)}
    table = TokenTable.of(doc)
    if window is None:
        tokens = range(len(doc))
    else:
        tokens = range(bisect_left(table.idx, window[0]), bisect_left(table.idx, window[1]))
    strings = doc.vocab.strings
    lowers = table.lower
    extra: list[_Candidate] = []
    for i in tokens:
        # most words are neither a year nor a month name: tell from the lower-case form's
        # id, without building a Token
        lower = lowers[i]
        maybe = _YEAR_OR_MONTH.get(lower)
        if maybe is None:
            word = strings[lower]
            maybe = _YEAR_OR_MONTH[lower] = (
                _YEAR_WORD.fullmatch(word) is not None or word in _LOWER_MONTH_NAMES
            )
        if not maybe or i in taken:
            continue
        token = doc[i]
        if token.is_digit and _YEAR_WORD.fullmatch(token.text):
            rule = _BARE_YEAR_RULE
        elif token.text in _MONTH_NAMES:
            rule = _BARE_MONTH_RULE  # "a November report", "the March vote"
        else:
            continue
        head = token.head
        if (
            token.dep_ not in _YEAR_MODIFIERS
            or head.i <= token.i
            or head.tag_ != "NN"
            or not any(c.dep_ in _YEAR_DETERMINERS and c.i < token.i for c in head.lefts)
        ):
            continue
        span = doc[token.i : token.i + 1]
        if rule == _BARE_MONTH_RULE and not _plausible("bare-month", span):
            continue
        extra.append(_Candidate(rule, span.start_char, span.end_char, span, token.text))
    if not extra:
        return candidates
    return sorted(candidates + extra, key=lambda c: c.start)


def _resolve_all(candidates: list[_Candidate], story: dt.date | None) -> None:
    for cand in candidates:
        verb = governing_verb(cand.span.root)
        cand.governor = verb.i if verb is not None else None
        cand.future = verb is not None and is_future(verb)
        if cand.rule < 0:
            cand.result = dateparser_date(cand.source, story, cand.future)
        else:
            cand.result = resolve_rule(cand.rule, cand.source, Context(story, cand.future))


def _scan(doc: Doc, text: str, window: tuple[int, int] | None = None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for match in scan(text, *(window or (0, len(text)))):
        group = match.lastgroup
        if group is None:
            continue
        index = int(group[1:])
        start, end = match.span()
        source = match.group(0)
        lead = _LEAD.match(source)
        shown = start + lead.end() if lead else start
        span = doc.char_span(shown, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if not _plausible(_RULE_NAMES[index], span):
            continue
        out.append(_Candidate(index, span.start_char, span.end_char, span, source))
    return out


def _plausible(rule: str, span: Span) -> bool:
    """Reject matches that are names or durations ("Good Friday", "for two years after")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if rule in _BARE_NAMES or rule == "weekday":
        if before is not None and before.lower_ in _NAMES_WITH_DAYS:
            return False
        if any(_in_name(t, span) for t in span if t.is_title):
            return False
    if (
        rule in ("offset", "ago", "the-relative")
        and before is not None
        and before.lower_ in _DURATION_BEFORE
    ):
        return False
    if rule == "offset" and span.end < len(doc) and doc[span.end].lower_ == "than":
        return False  # "a month later than planned" compares, it does not date
    if rule in ("year", "bare-year"):
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.tag_ in ("NNS", "NNPS"):
            return False  # "in 2000 cases"
    return True


def _in_name(token: Token, span: Span) -> bool:
    """Whether a capitalized month or weekday name is part of a proper name ("Theresa May",
    "the Sunday Times"): from the entity labels when the Doc has them, else from the parse
    (a proper-noun compound around it that names no time itself)."""
    if TokenTable.of(token.doc).entities:
        return token.ent_type_ in _NAME_ENTS
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN" and not _date_word(child):
            return True
    head = token.head
    return (
        token.dep_ == "compound"
        and head.pos_ == "PROPN"
        and not span.start <= head.i < span.end
        and not _date_word(head)
    )


_DATE_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)  # fmt: skip


def _date_word(token: Token) -> bool:
    return token.is_digit or token.lower_.rstrip(".") in _DATE_WORDS


def _add_entities(
    doc: Doc,
    candidates: list[_Candidate],
    story: dt.date | None,
    use_dateparser: bool,
    window: tuple[int, int] | None = None,
) -> list[_Candidate]:
    taken = [(c.span.start, c.span.end) for c in candidates]
    extra: list[_Candidate] = []
    for ent in _date_entities(doc, window):
        if any(s < ent.end and ent.start < e for s, e in taken):
            continue
        text = " ".join(ent.text.split())
        rule = _full_rule(text)
        if rule is not None and _plausible(FULL_RULES[rule].name, ent):
            extra.append(_Candidate(rule, ent.start_char, ent.end_char, ent, text))
        elif use_dateparser and worth_dateparser(text):
            extra.append(_Candidate(-1, ent.start_char, ent.end_char, ent, text))
    if not extra:
        return candidates
    return sorted(candidates + extra, key=lambda c: c.start)


def _may_hold_dates(doc: Doc, window: tuple[int, int], use_entities: bool) -> bool:
    """Whether a character window has a word the scanner anchors on, or a ``DATE`` entity
    (read from the token table; each word form is tested once per process)."""
    if use_entities:
        ranges = _date_entity_ranges(doc)  # in text order, without overlaps
        at = bisect_left(ranges, window[0], key=lambda r: r[2])
        if at < len(ranges) and ranges[at][3] <= window[1]:
            return True
    table = TokenTable.of(doc)
    strings = doc.vocab.strings
    lowers = table.lower
    first = max(0, bisect_right(table.idx, window[0]) - 1)  # the word the window starts in
    last = bisect_left(table.idx, window[1])
    for lower in lowers[first:last]:
        known = _ANCHORED.get(lower)
        if known is None:
            known = _ANCHORED[lower] = has_anchor(strings[lower])
        if known:
            return True
    return False


# lower-case word id -> whether it holds a scanner anchor (ids are hashes of the strings,
# the same in every vocabulary)
_ANCHORED: dict[int, bool] = {}


def _date_entities(doc: Doc, window: tuple[int, int] | None) -> list[Span]:
    """The ``DATE`` entities inside a character window (None: all)."""
    ranges = _date_entity_ranges(doc)
    if window is None:
        return [doc[start:end] for start, end, _first, _last in ranges]
    return [
        doc[start:end]
        for start, end, first, last in ranges
        if window[0] <= first and last <= window[1]
    ]


def _date_entity_ranges(doc: Doc) -> list[tuple[int, int, int, int]]:
    """Token ranges and character offsets of the ``DATE`` entities, read from the entity
    arrays once per Doc (cached in ``doc.user_data``; ``doc.ents`` builds a Span for every
    entity). Empty when the Doc has no entities."""
    key = "dragoman.date_entities"
    cached = doc.user_data.get(key)
    if cached is not None:
        result: list[tuple[int, int, int, int]] = cached
        return result
    ranges: list[tuple[int, int]] = []
    if TokenTable.of(doc).entities:
        tags = doc.to_array([ENT_IOB, ENT_TYPE])
        start = end = -1
        for i in numpy.flatnonzero(tags[:, 1] == _DATE_ID).tolist():
            if i == end and tags[i, 0] != _BEGIN:
                end += 1
                continue
            if end > start >= 0:
                ranges.append((start, end))
            start, end = i, i + 1
        if end > start >= 0:
            ranges.append((start, end))
    with_offsets = [
        (start, end, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) for start, end in ranges
    ]
    doc.user_data[key] = with_offsets
    return with_offsets


_DATE_ID = get_string_id("DATE")
_BARE_YEAR_RULE = next(i for i, rule in enumerate(FULL_RULES) if rule.name == "bare-year")
_BARE_MONTH_RULE = next(i for i, rule in enumerate(FULL_RULES) if rule.name == "bare-month")
# ("May" is left out: "the May government" is more often a name than a month)
_MONTH_NAMES = frozenset(
    {"January", "February", "March", "April", "June", "July", "August", "September",
     "October", "November", "December"}
)  # fmt: skip
_LOWER_MONTH_NAMES = frozenset(name.lower() for name in _MONTH_NAMES)
# lower-case word id -> whether the word may be a bare year or a month name (ids are hashes
# of the strings, the same in every vocabulary)
_YEAR_OR_MONTH: dict[int, bool] = {}
_BEGIN = 3  # ENT_IOB: 3 begins an entity, 1 is inside, 2 outside


def _full_rule(text: str) -> int | None:
    for index, rule in enumerate(FULL_RULES):
        if rule.pattern.fullmatch(text):
            return index
    return None


class _SentenceIndex:
    """Maps a token index to its sentence number, from the sentence-start array (iterating
    ``doc.sents`` would create every token)."""

    def __init__(self, doc: Doc) -> None:
        if doc.has_annotation("SENT_START"):
            starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1)
            self._starts = [0, *(int(i) for i in starts if i > 0)]
        else:
            self._starts = [0]

    def __call__(self, token_index: int) -> int:
        return bisect_right(self._starts, token_index) - 1


def governing_verb(token: Token) -> Token | None:
    """Return the verb a date expression's head attaches to ("met on Tuesday" -> met).

    Args:
        token: The head token of the expression.

    Returns:
        The nearest verbal ancestor (the token itself when it is a verb), or None.
    """
    current = token
    for _ in range(8):  # bounded: deeper chains are parse noise
        if current.pos_ in VERBAL_POS and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in VERBAL_POS else None
        current = current.head
    return None


def is_future(verb: Token) -> bool:
    """Return whether a verb speaks of the future.

    "will meet", "'ll meet", "is going/expected/scheduled/due to meet", "plans to meet";
    the future of a coordinated verb carries over ("will meet X and sign Y").

    Args:
        verb: The verb.

    Returns:
        True for a future clause.
    """
    current = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in current.children):
            return True
        head = current.head
        if current.dep_ == "xcomp" and head.lemma_.lower() in _FUTURE_GOVERNORS:
            past = head.tag_ == "VBD" or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children
            )
            return not past
        if current.dep_ != "conj" or head.i == current.i:
            return False
        current = head
    return False


def _anchor(
    cand: _Candidate, candidates: list[_Candidate], position: int, story: dt.date | None
) -> None:
    """Count an anaphoric expression from its reference or the last date named."""
    reference = _reference(cand.span)
    anchor: _Candidate | None = None
    if reference is not None:
        cand.reference = reference
        cand.reference_index = reference.root.i
        anchor = next(
            (
                c
                for c in candidates
                if c is not cand
                and c.result is not None
                and reference.start <= c.span.start < reference.end
            ),
            None,
        )
    else:
        anchor = _narrative_anchor(cand, candidates[:position])
    if anchor is None or anchor.result is None:
        shift = cand.result.shift if cand.result is not None else None
        if shift is not None and shift.amount > 0 and not cand.future:
            # "a week later" / "three decades after the collapse" with nothing dated to count
            # from: the story date is no base for a forward count in a past clause
            cand.result = None
        return
    found = anchor.result
    ctx = Context(story, cand.future, dt.date.fromisoformat(found.date), anchor.span.text)
    result = resolve_rule(cand.rule, cand.source, ctx)
    if result is None:
        return
    if _ORDER[found.precision] > _ORDER[result.precision]:
        # "a week later" after "in March 2024": no finer than the anchor
        start = period_start(dt.date.fromisoformat(result.date), found.precision)
        result = replace(
            result,
            date=start.isoformat(),
            precision=found.precision,
            relation=relation_to(start, found.precision, story),
            approximate=True,
        )
    elif found.approximate and not result.approximate:
        result = replace(result, approximate=True)
    cand.result = result


_BOUNDS = frozenset({"since", "until", "by", "from"})


def _narrative_anchor(cand: _Candidate, before: list[_Candidate]) -> _Candidate | None:
    for previous in reversed(before):
        if cand.sentence - previous.sentence > _NARRATIVE_WINDOW:
            return None
        result = previous.result
        if result is not None and result.qualifier not in _BOUNDS:
            return previous
    return None


def _reference(span: Span) -> Span | None:
    """The phrase an anaphoric expression is relative to: "prior to [X's visit]"."""
    last = span[-1]
    doc = span.doc
    heads: list[Token] = []
    if last.lower_ in ("before", "after") and last.dep_ == "mark" and last.head.i > last.i:
        # "a day after the rebels withdrew": the reference is a clause; its verb heads it
        verb = last.head
        return doc[last.i + 1 : verb.right_edge.i + 1] if verb.right_edge.i > last.i else None
    if last.lower_ in ("before", "after"):
        heads = [c for c in last.children if c.dep_ in ("pobj", "pcomp")]
    elif last.lower_ == "prior":
        for prep in last.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                heads = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not heads and span.end < len(doc) and doc[span.end].lower_ == "to":
            heads = [c for c in doc[span.end].children if c.dep_ in ("pobj", "pcomp")]
    if not heads:
        return None
    head = heads[0]
    return doc[head.left_edge.i : head.right_edge.i + 1]


def _expression(cand: _Candidate) -> DateExpression:
    result = cand.result
    assert result is not None
    span = cand.span
    reference = cand.reference
    return DateExpression(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        token_start=span.start,
        token_end=span.end,
        root=span.root.i,
        date=result.date,
        precision=result.precision,
        relation=result.relation,
        kind=result.kind,
        anchor=result.anchor,
        approximate=result.approximate,
        qualifier=result.qualifier,
        future=cand.future,
        shift=result.shift,
        reference=reference.text if reference is not None else None,
        reference_index=cand.reference_index,
        governor=cand.governor,
        rule=result.rule,
    )
