"""The grammar of date expressions: one regular expression per form, and how each resolves.

Every rule is a pattern with named groups and a resolver. :data:`SCANNER` joins the rules
into one alternation that finds candidates in a whole document in a single pass; the rule's
own pattern then reads the groups of the matched text. Calendar arithmetic is done here, not
by dateparser, for the forms this grammar reads completely: dateparser returns nothing for
"two weeks prior", "three days earlier", "earlier this month" or "the previous day", fills a
bare year's month and day from the base date, and prefers "June 2" in the future of a June 1
base even when asked for the past; it also costs about a millisecond a call. It is kept for
what the grammar does not read (see ``dateparser_date`` in ``_resolve``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dragoman.temporal._calendar import (
    period_start,
    relation_to,
    shift_date,
    weekday_near,
)
from dragoman.temporal._model import Kind, Precision, Relation, ResolvedDate, Shift

__all__ = ["FULL_RULES", "RULES", "SCANNER", "Context", "Rule", "number_value", "scan"]

# -- vocabulary ---------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
# Vague counts get a typical value and are marked approximate.
_VAGUE: dict[str, int] = {"a few": 3, "few": 3, "several": 3, "a couple of": 2, "couple of": 2}
_APPROXIMATORS = frozenset(
    {"about", "around", "nearly", "almost", "some", "roughly", "approximately", "more than",
     "less than", "over", "under"}
)  # fmt: skip
QUALIFIERS = ("since", "until", "till", "before", "after", "by", "from", "through", "as of")

# Month names are matched capitalized only: "may" and "march" are also words.
_MON = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d)\b"
_NUM = (
    r"(?:\d{1,3}|a\s+few|a\s+couple\s+of|couple\s+of|several|few|an?|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
_APPROX = (
    r"(?:(?P<approx>about|around|nearly|almost|some|roughly|approximately|more\s+than"
    r"|less\s+than|over|under|just|only|barely|exactly)\s+)?"
)
_UNIT = r"(?P<unit>days?|weeks?|fortnights?|months?|years?|decades?)"
# Prepositions before a date: "in"/"on"/"during" are dropped from the expression's text,
# the others bound a period and are kept as its qualifier.
_PREP = (
    r"(?i:in|on|at|during|since|until|till|before|after|by|from|through|as\s+of"
    r"|as\s+early\s+as)"
)
_MOD_WORDS = (
    r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of"
    r"|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
)
_MOD = rf"(?:{_MOD_WORDS}(?:\s+|-))"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d,]\d)\b"


# -- context and rule records -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver may use besides the text.

    Attributes:
        story: The story date, or None.
        future: True when the clause speaks of the future ("will meet on Tuesday").
        anchor: The date anaphoric expressions count from (None: the story date).
        anchor_label: How to name that anchor in the result.
    """

    story: dt.date | None
    future: bool = False
    anchor: dt.date | None = None
    anchor_label: str = "story"


Resolver = Callable[["re.Match[str]", Context], "ResolvedDate | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One form of date expression.

    Attributes:
        name: Rule name (reported as ``ResolvedDate.rule``).
        pattern: The compiled pattern, with named groups, matched against a whole text.
        resolve: Turns a match into a date, or None when it cannot (no story date).
    """

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver


# -- helpers ------------------------------------------------------------------------------


def number_value(text: str) -> tuple[int, bool] | None:
    """Read a count ("two", "12", "a few") as (value, vague)."""
    words = " ".join(text.lower().split())
    if words.isdigit():
        return int(words), False
    if words in _VAGUE:
        return _VAGUE[words], True
    value = _NUMBERS.get(words)
    return (value, False) if value is not None else None


def _unit(text: str) -> tuple[str, int, Precision]:
    """Map a unit word to (calendar unit, multiplier, precision of the result)."""
    unit = text.lower().rstrip("s")
    if unit == "week":
        return "day", 7, Precision.DAY
    if unit == "fortnight":
        return "day", 14, Precision.DAY
    if unit == "decade":
        return "year", 10, Precision.YEAR
    if unit == "month":
        return "month", 1, Precision.MONTH
    if unit == "year":
        return "year", 1, Precision.YEAR
    return "day", 1, Precision.DAY


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _qualifier(text: str) -> str | None:
    lower = text.lower()
    for word in QUALIFIERS:
        if lower.startswith(word + " "):
            return "until" if word == "till" else word
    return None


def _make(
    day: dt.date,
    precision: Precision,
    kind: Kind,
    ctx: Context,
    match: re.Match[str],
    rule: str,
    *,
    approximate: bool = False,
    relation: Relation | None = None,
    shift: Shift | None = None,
    anchor: str | None = None,
) -> ResolvedDate:
    start = period_start(day, precision)
    if anchor is None:
        anchor = "text" if kind is Kind.ABSOLUTE else "story"
    return ResolvedDate(
        date=start.isoformat(),
        precision=precision,
        relation=relation or relation_to(start, precision, ctx.story),
        kind=kind,
        anchor=anchor,
        approximate=approximate,
        qualifier=_qualifier(match.group(0)),
        shift=shift,
        rule=rule,
    )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# A year-less date this many days after the story date is read as upcoming even when the
# clause is not marked future ("an expected arrival of March 26" in a March 14 story).
_UPCOMING_DAYS = 14


def _year_less(month: int, day: int, ctx: Context) -> dt.date | None:
    """The month-day nearest the story date on the side the clause points to."""
    assert ctx.story is not None
    year = ctx.story.year
    candidate = _safe_date(year, month, day)
    if ctx.future:
        if candidate is None or candidate < ctx.story:
            candidate = _safe_date(year + 1, month, day)
        return candidate
    ahead = (
        _safe_date(year + 1, month, day)
        if candidate is None or candidate < ctx.story
        else candidate
    )
    if ahead is not None and (ahead - ctx.story).days <= _UPCOMING_DAYS:
        return ahead
    if candidate is None or candidate > ctx.story:
        candidate = _safe_date(year - 1, month, day)
    return candidate


# -- resolvers ----------------------------------------------------------------------------


def _calendar_day(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    month = _month(match.group("mon"))
    day = int(match.group("day"))
    year = match.group("year")
    if year:
        found = _safe_date(int(year), month, day)
        kind = Kind.ABSOLUTE
    elif ctx.story is None:
        return None
    else:
        found = _year_less(month, day, ctx)
        kind = Kind.DEICTIC
    if found is None:
        return None
    return _make(found, Precision.DAY, kind, ctx, match, "calendar")


def _iso_day(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    found = _safe_date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
    if found is None:
        return None
    return _make(found, Precision.DAY, Kind.ABSOLUTE, ctx, match, "iso")


def _month_year(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    found = dt.date(int(match.group("year")), _month(match.group("mon")), 1)
    return _make(found, Precision.MONTH, Kind.ABSOLUTE, ctx, match, "month-year")


def _month_rel_year(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    if ctx.story is None:
        return None
    delta = {"this": 0, "last": -1, "next": 1}[match.group("rel").lower()]
    found = dt.date(ctx.story.year + delta, _month(match.group("mon")), 1)
    return _make(found, Precision.MONTH, Kind.DEICTIC, ctx, match, "month-relative-year")


def _month_rel(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "last August": the most recent August before the story month; "next August"."""
    if ctx.story is None:
        return None
    rel = " ".join(match.group("rel").lower().split())
    month = _month(match.group("mon"))
    year = ctx.story.year
    if rel in ("last", "this past"):
        if month >= ctx.story.month:
            year -= 1
    elif rel in ("next", "this coming"):
        if month <= ctx.story.month:
            year += 1
    else:
        return _month_alone(match, ctx)
    return _make(dt.date(year, month, 1), Precision.MONTH, Kind.DEICTIC, ctx, match, "month")


def _month_alone(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "in March": the nearest March on or before the story month (on or after: future)."""
    if ctx.story is None:
        return None
    month = _month(match.group("mon"))
    year = ctx.story.year
    if ctx.future and month < ctx.story.month:
        year += 1
    elif not ctx.future and month > ctx.story.month:
        year -= 1
    return _make(dt.date(year, month, 1), Precision.MONTH, Kind.DEICTIC, ctx, match, "month")


def _year(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    found = dt.date(int(match.group("year")), 1, 1)
    return _make(found, Precision.YEAR, Kind.ABSOLUTE, ctx, match, "year")


def _year_range(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    found = dt.date(int(match.group("year")), 1, 1)
    result = _make(found, Precision.YEAR, Kind.ABSOLUTE, ctx, match, "year-range")
    return replace(result, qualifier="from")


def _decade(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    found = dt.date(int(match.group("decade")), 1, 1)
    return _make(found, Precision.YEAR, Kind.ABSOLUTE, ctx, match, "decade", approximate=True)


def _weekday(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "on Tuesday": the latest Tuesday on or before the story date (future: on or after)."""
    if ctx.story is None:
        return None
    weekday = WEEKDAYS[match.group("wd").lower()]
    rel = " ".join((match.group("rel") or "").lower().split())
    if rel in ("last", "this past"):
        direction = "strict-past"
    elif rel in ("next", "this coming"):
        direction = "strict-future"
    else:
        direction = "future" if ctx.future else "past"
    found = weekday_near(ctx.story, weekday, direction)
    return _make(found, Precision.DAY, Kind.DEICTIC, ctx, match, "weekday")


def _deictic_day(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    if ctx.story is None:
        return None
    word = match.group("word").lower()
    offset = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    found = ctx.story + dt.timedelta(days=offset)
    return _make(found, Precision.DAY, Kind.DEICTIC, ctx, match, "day-word")


def _count(match: re.Match[str]) -> tuple[int, str, Precision, bool] | None:
    """(signed-less amount in calendar units, unit, precision, approximate) of "two weeks"."""
    number = number_value(match.group("num"))
    if number is None:
        return None
    value, vague = number
    unit, multiplier, precision = _unit(match.group("unit"))
    approx = match.group("approx")
    approximate = vague or (approx is not None and approx.lower().split()[0] in _APPROX_FIRST)
    return value * multiplier, unit, precision, approximate or multiplier == 10


_APPROX_FIRST = frozenset(word.split()[0] for word in _APPROXIMATORS)


def _ago(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "two weeks ago", "a year ago": counted back from the story date."""
    count = _count(match)
    if count is None or ctx.story is None:
        return None
    amount, unit, precision, approximate = count
    found = shift_date(ctx.story, -amount, unit)
    return _make(
        found, precision, Kind.DEICTIC, ctx, match, "ago",
        approximate=approximate, shift=Shift(-amount, unit),
    )  # fmt: skip


_BACKWARD = frozenset({"earlier", "prior", "before"})
_FROM_NOW = frozenset({"from now", "hence"})


def _offset(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "three days earlier", "a week later", "two weeks prior (to X)": from the anchor."""
    count = _count(match)
    if count is None:
        return None
    amount, unit, precision, approximate = count
    direction = " ".join(match.group("dir").lower().split())
    if direction in _FROM_NOW:
        if ctx.story is None:
            return None
        found = shift_date(ctx.story, amount, unit)
        return _make(
            found, precision, Kind.DEICTIC, ctx, match, "from-now",
            approximate=approximate, shift=Shift(amount, unit),
        )  # fmt: skip
    signed = -amount if direction in _BACKWARD else amount
    return _anaphoric(match, ctx, Shift(signed, unit), precision, approximate, "offset")


def _anaphoric(
    match: re.Match[str],
    ctx: Context,
    shift: Shift,
    precision: Precision,
    approximate: bool,
    rule: str,
) -> ResolvedDate | None:
    base = ctx.anchor or ctx.story
    if base is None:
        return None
    found = shift_date(base, shift.amount, shift.unit)
    label = ctx.anchor_label if ctx.anchor is not None else "story"
    return _make(
        found, precision, Kind.ANAPHORIC, ctx, match, rule,
        approximate=approximate, shift=shift, anchor=label,
    )  # fmt: skip


_REL_SIGN = {
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "before": -1,
    "earlier": -1,
    "following": 1,
    "next": 1,
    "subsequent": 1,
    "after": 1,
    "later": 1,
    "same": 0,
}


def _the_rel_unit(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "the previous day", "the following week", "the day before", "the same day"."""
    sign = _REL_SIGN[match.group("rel").lower()]
    word = match.group("unit").lower()
    approximate = word in ("week", "weekend")
    if word in ("morning", "afternoon", "evening", "night"):
        word = "day"
    if word == "weekend":
        word = "week"
    unit, multiplier, precision = _unit(word)
    shift = Shift(sign * multiplier, unit)
    return _anaphoric(match, ctx, shift, precision, approximate, "the-relative")


def _rel_unit(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "last week", "next month", "this year", "late last year", "this weekend"."""
    if ctx.story is None:
        return None
    rel = " ".join(match.group("rel").lower().split())
    sign = -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0
    word = match.group("unit").lower()
    story = ctx.story
    if word == "weekend":
        monday = story - dt.timedelta(days=story.weekday())
        found = monday + dt.timedelta(days=5 + 7 * sign)
        return _make(found, Precision.DAY, Kind.DEICTIC, ctx, match, "weekend", approximate=True)
    unit, multiplier, precision = _unit(word)
    found = shift_date(story, sign * multiplier, unit)
    return _make(
        found, precision, Kind.DEICTIC, ctx, match, "relative-unit",
        approximate=word == "week",
    )  # fmt: skip


def _earlier_this(match: re.Match[str], ctx: Context) -> ResolvedDate | None:
    """ "earlier this month" (this month, in its past), "later this year"."""
    if ctx.story is None:
        return None
    later = match.group("dir").lower() == "later"
    word = match.group("unit").lower()
    relation = Relation.FUTURE if later else Relation.PAST
    if word == "week":
        story = ctx.story
        monday = story - dt.timedelta(days=story.weekday())
        found = story + dt.timedelta(days=1) if later else monday
        return _make(
            found, Precision.DAY, Kind.DEICTIC, ctx, match, "earlier-this",
            approximate=True, relation=relation,
        )  # fmt: skip
    precision = Precision.MONTH if word == "month" else Precision.YEAR
    return _make(ctx.story, precision, Kind.DEICTIC, ctx, match, "earlier-this", relation=relation)


# -- the grammar --------------------------------------------------------------------------

_OPT_PREP = rf"(?:{_PREP}\s+)?"
_RULE_SOURCES: list[tuple[str, str, Resolver]] = [
    (
        "iso",
        rf"{_OPT_PREP}(?P<year>\d{{4}})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
        _iso_day,
    ),
    (
        "calendar-mdy",
        rf"{_OPT_PREP}(?:{_WD},?\s+)?{_MOD}?(?P<mon>{_MON})\s+{_DAYNUM}"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
        _calendar_day,
    ),
    (
        "calendar-dmy",
        rf"{_OPT_PREP}(?:{_WD},?\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?(?P<mon>{_MON})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?",
        _calendar_day,
    ),
    (
        "month-year",
        rf"{_OPT_PREP}{_MOD}?(?P<mon>{_MON})(?:\s+of)?,?\s+(?P<year>{_YEAR})",
        _month_year,
    ),
    (
        "month-relative-year",
        rf"{_OPT_PREP}{_MOD}?(?P<mon>{_MON})(?:\s+of)?\s+(?P<rel>(?i:this|last|next))\s+"
        r"(?i:year)\b",
        _month_rel_year,
    ),
    (
        "month-relative",
        rf"{_OPT_PREP}(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+{_MOD}?"
        rf"(?P<mon>{_MON})",
        _month_rel,
    ),
    (
        "month",
        rf"(?:{_PREP}\s+(?:the\s+month\s+of\s+)?{_MOD}?|{_MOD})(?P<mon>{_MON})",
        _month_alone,
    ),
    (
        "year-range",
        rf"(?:(?i:between|from)\s+)?(?P<year>{_YEAR})\s*(?:-|–|(?i:to|and|through|until))\s*"
        r"(?:1[6-9]\d\d|20\d\d|\d\d)\b",
        _year_range,
    ),
    (
        "decade",
        rf"{_OPT_PREP}(?:(?i:the)\s+)?{_MOD}?(?P<decade>(?:1[6-9]|20)\d0)s\b",
        _decade,
    ),
    (
        "year",
        rf"(?:{_PREP}\s+(?:(?i:the\s+year)\s+)?{_MOD}?|{_MOD})(?P<year>{_YEAR})",
        _year,
    ),
    (
        "weekday",
        rf"{_OPT_PREP}(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|early|late))\s+)?"
        rf"(?P<wd>{_WD})(?:\s+(?i:morning|afternoon|evening|night)\b)?",
        _weekday,
    ),
    (
        "day-word",
        rf"{_OPT_PREP}(?:(?i:earlier|later)\s+)?(?P<word>(?i:yesterday|today|tomorrow|tonight"
        r"|last\s+night|this\s+morning|this\s+afternoon|this\s+evening))\b",
        _deictic_day,
    ),
    (
        "ago",
        rf"{_OPT_PREP}(?i:{_APPROX}(?P<num>{_NUM})\s+{_UNIT}\s+ago)\b",
        _ago,
    ),
    (
        "offset",
        rf"(?i:{_APPROX}(?P<num>{_NUM})\s+{_UNIT}\s+(?P<dir>earlier|later|prior|before|after"
        r"|afterwards?|from\s+now|hence))\b",
        _offset,
    ),
    (
        "the-relative",
        r"(?i:the\s+(?P<rel>previous|preceding|prior|following|next|same|subsequent)\s+"
        r"(?P<unit>day|week|weekend|month|year|morning|afternoon|evening|night))\b",
        _the_rel_unit,
    ),
    (
        "the-unit-relative",
        r"(?i:the\s+(?P<unit>day|week|month|year|night|morning|evening)\s+"
        r"(?P<rel>before|after|earlier|later|prior))\b",
        _the_rel_unit,
    ),
    (
        "earlier-this",
        r"(?i:(?P<dir>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year))\b",
        _earlier_this,
    ),
    (
        "relative-unit",
        rf"{_OPT_PREP}{_MOD}?(?i:(?P<rel>last|next|this\s+past|this\s+coming|this)\s+"
        r"(?P<unit>week|weekend|month|year))\b",
        _rel_unit,
    ),
]

# Read only when a whole text is one expression (resolve_date, spaCy DATE entities): a bare
# year or month name is a date there, but not in running text ("2010 people", "May said").
_FULL_ONLY: list[tuple[str, str, Resolver]] = [
    ("bare-year", rf"{_OPT_PREP}(?P<year>{_YEAR})", _year),
    ("bare-month", rf"{_OPT_PREP}(?P<mon>{_MON})", _month_alone),
]


def _compile(sources: list[tuple[str, str, Resolver]]) -> list[Rule]:
    return [Rule(name, re.compile(source), resolve) for name, source, resolve in sources]


#: Rules tried on running text (the scanner's alternatives, in the same order).
RULES: list[Rule] = _compile(_RULE_SOURCES)
#: Rules tried on a text that is a date expression as a whole.
FULL_RULES: list[Rule] = RULES + _compile(_FULL_ONLY)

_GROUP_NAME = re.compile(r"\(\?P<[a-z]+>")


# The anchor words each rule's text must contain (at least one of): a digit, a month name,
# a weekday name, a day word ("yesterday", "morning") or a unit word ("weeks"). A region of
# the text is scanned only with the rules its anchors allow.
_DIGIT, _MONTH, _WEEKDAY, _DAY_WORD, _UNIT_WORD = "digit", "month", "weekday", "day", "unit"
_RULE_ANCHORS: dict[str, frozenset[str]] = {
    "iso": frozenset({_DIGIT}),
    "calendar-mdy": frozenset({_MONTH}),
    "calendar-dmy": frozenset({_MONTH}),
    "month-year": frozenset({_MONTH}),
    "month-relative-year": frozenset({_MONTH}),
    "month-relative": frozenset({_MONTH}),
    "month": frozenset({_MONTH}),
    "year-range": frozenset({_DIGIT}),
    "decade": frozenset({_DIGIT}),
    "year": frozenset({_DIGIT}),
    "weekday": frozenset({_WEEKDAY}),
    "day-word": frozenset({_DAY_WORD}),
    "ago": frozenset({_UNIT_WORD}),
    "offset": frozenset({_UNIT_WORD}),
    "the-relative": frozenset({_UNIT_WORD, _DAY_WORD}),
    "the-unit-relative": frozenset({_UNIT_WORD, _DAY_WORD}),
    "earlier-this": frozenset({_UNIT_WORD}),
    "relative-unit": frozenset({_UNIT_WORD}),
}


def _scanner(kinds: frozenset[str] | None = None) -> re.Pattern[str]:
    parts = []
    for index, (name, source, _resolve) in enumerate(_RULE_SOURCES):
        if kinds is None or _RULE_ANCHORS[name] & kinds:
            parts.append(f"(?P<r{index}>{_GROUP_NAME.sub('(?:', source)})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")")


_SCANNERS: dict[frozenset[str], re.Pattern[str]] = {}


def __getattr__(name: str) -> re.Pattern[str]:
    # SCANNER, the alternation of every rule, is compiled on first use (tens of
    # milliseconds): scan() compiles only the alternations of the anchors it meets.
    if name != "SCANNER":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    scanner = globals()["SCANNER"] = _scanner()
    return scanner


if TYPE_CHECKING:
    #: One pass over a document finds every candidate; ``match.lastgroup`` is
    #: ``r<index>`` of the rule in :data:`RULES`.
    SCANNER: re.Pattern[str]


def _scanner_for(kinds: frozenset[str]) -> re.Pattern[str]:
    scanner = _SCANNERS.get(kinds)
    if scanner is None:
        scanner = _SCANNERS[kinds] = _scanner(kinds)
    return scanner


# Every rule's text holds an anchor, so the scanner runs only around anchors (the whole
# alternation at every position of a document costs about 0.3 ms a sentence; around anchors
# with only the rules they allow, about a twentieth of that). Anchors are searched in the
# lower-cased text (a case-insensitive alternation is several times slower); month and
# weekday names must be capitalized in the text itself.
_ANCHOR = re.compile(
    r"(?<![a-z])(?:yesterday|today|tomorrow|tonight|night|morning|afternoon|evening|days?\b"
    r"|weeks?|weekends?|fortnights?|months?\b|years?\b|decades?\b|jan|feb|mar|apr|may|jun"
    r"|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)"
)
_ANCHOR_KIND: dict[str, str] = {
    **dict.fromkeys(
        ["yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon",
         "evening"],
        _DAY_WORD,
    ),
    **dict.fromkeys(
        ["day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights",
         "month", "months", "year", "years", "decade", "decades"],
        _UNIT_WORD,
    ),
    **dict.fromkeys(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        _MONTH,
    ),
    **dict.fromkeys(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
        _WEEKDAY,
    ),
}  # fmt: skip
_CAPITALIZED = frozenset({_MONTH, _WEEKDAY})
_BEFORE_ANCHOR = 34  # "as early as the beginning of " before a month name
_AFTER_ANCHOR = 24  # "weeks" + " afterwards", "March" + " 3rd, 2024"


def has_anchor(word: str) -> bool:
    """Return whether a word holds an anchor of the scanner (a date word, a month or weekday
    name or its abbreviation, a number): a stretch of text whose words have none holds no
    date expression the grammar reads."""
    return _ANCHOR.search(word.lower()) is not None


def scan(text: str, start: int = 0, stop: int | None = None) -> Iterator[re.Match[str]]:
    """Find the candidate expressions of a text with :data:`SCANNER`, around anchor words.

    Args:
        text: The document text.
        start: Look only from this character offset on.
        stop: And only up to this offset (default: the end of the text).

    Yields:
        Scanner matches in text order; ``match.lastgroup`` names the rule (``r<index>``).
    """
    limit = len(text) if stop is None else min(stop, len(text))
    region_start = region_end = -1
    kinds: set[str] = set()
    for anchor in _ANCHOR.finditer(text[start:limit].lower()):
        word = anchor.group()
        kind = _DIGIT if word[0].isdigit() else _ANCHOR_KIND[word]
        at = start + anchor.start()
        if kind in _CAPITALIZED and not text[at].isupper():
            continue  # "may", "sunday" in lower case are not dates
        first = max(start, at - _BEFORE_ANCHOR)
        end = min(limit, at + len(word) + _AFTER_ANCHOR)
        if first <= region_end:
            region_end = max(region_end, end)
            kinds.add(kind)
            continue
        if region_end > 0:
            yield from _scanner_for(frozenset(kinds)).finditer(text, region_start, region_end)
        region_start, region_end = first, end
        kinds = {kind}
    if region_end > 0:
        yield from _scanner_for(frozenset(kinds)).finditer(text, region_start, region_end)
