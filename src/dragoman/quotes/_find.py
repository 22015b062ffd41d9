"""Finding the quotations of a parsed document: direct ones between quotation marks, and
indirect ones reported with a speech verb ("X said that ...") or "according to X"."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from dragoman.pipeline import VERBAL_POS_IDS, TokenTable
from dragoman.pipeline._text import document_text
from dragoman.quotes._marks import Marked, pair_quote_marks
from dragoman.quotes._model import Cue, Quote, QuoteKind
from dragoman.quotes._speaker import DEFAULT_CUE_VERBS, is_cue, speaker_of, speaker_phrase

__all__ = ["find_quotes"]

_QUOTE_CHARS = frozenset('“”„«»"‘’')
# How far from a quotation its cue may be, in tokens: "...,” the foreign minister of X said"
_AFTER_WINDOW = 12
_BEFORE_GAP = 8
_CCOMP = get_string_id("ccomp")
_MARK = get_string_id("mark")


def find_quotes(
    doc: Doc,
    *,
    cue_verbs: Iterable[str] | None = None,
    text: str | None = None,
    table: TokenTable | None = None,
) -> list[Quote]:
    """Find the quotations of a parsed document.

    Direct quotations are the stretches between quotation marks (“ ” „ “ « » " " and ‘ ’)
    that hold a clause or are the complement of a speech verb; scare quotes around a name
    or phrase ("an “influential middle power”") are not quotations. The cue is the speech
    verb the quoted words depend on, else one right after the closing mark ("...,” said
    X", "...,” X said") or right before the opening mark ("X said: “...”"). Parts of a
    quotation split by its cue ("...,” he said, “...”) or running over paragraphs share a
    ``group``, a cue and a speaker. Indirect quotations are the clausal complements of
    speech verbs outside quotation marks ("X said that ...", "X told reporters ...", "...,
    X said") and the clauses modified by "according to X".

    Args:
        doc: A parsed Doc (tags, lemmas and dependencies).
        cue_verbs: Lemmas of the speech verbs; default :data:`DEFAULT_CUE_VERBS`.
        text: ``doc.text``, when the caller has it (the document text the Doc was made
            from): ``Doc.text`` joins every token.
        table: The Doc's token attributes, when the caller has read them.

    Returns:
        Quotes in text order. A quote with no identifiable speaker has ``speaker_text``
        None; a pronoun speaker ("she said") is reported as it is, with
        ``speaker_token_index`` for the caller to resolve.

    Raises:
        InputError: ``text`` is not the text the Doc was made from.
    """
    cues = DEFAULT_CUE_VERBS if cue_verbs is None else frozenset(v.lower() for v in cue_verbs)
    if len(doc) == 0:
        return []
    # Doc.text and iterating a Doc create every token: read both once, as arrays
    text = document_text(doc, text)
    if table is None:
        table = TokenTable.of(doc)
    wanted = {get_string_id(c) for c in cues}
    # reported clauses: a verbal ccomp whose head is a verb with a cue lemma
    lemmas, heads, pos = table.lemma, table.head, table.pos
    reported = [
        (heads[i], i)
        for i in TokenTable.positions(table.dep, _CCOMP)
        if pos[i] in VERBAL_POS_IDS
        and lemmas[heads[i]] in wanted
        and pos[heads[i]] in VERBAL_POS_IDS
    ]
    direct: list[Quote] = []
    if not _QUOTE_CHARS.isdisjoint(text):
        direct = _direct_quotes(doc, text, table, cues)
    inside = [(q.content_start, q.content_end) for q in direct]
    according_id = get_string_id("according")
    according = TokenTable.positions(table.lower, according_id)
    quotes = direct + _indirect_quotes(doc, text, cues, reported, according, inside)
    return sorted(quotes, key=lambda q: q.content_start)


# -- direct -------------------------------------------------------------------------------


def _direct_quotes(doc: Doc, text: str, table: TokenTable, cues: frozenset[str]) -> list[Quote]:
    marked = pair_quote_marks(text)
    found: list[tuple[Marked, Span, Token | None]] = []
    for part in marked:
        content = _content_span(doc, text, part)
        if content is None:
            continue
        cue = _cue_for(doc, text, table, part, content, cues)
        if cue is None and not (_is_clause(content, table) and _starts_clause(text, part.open)):
            continue  # scare quotes, titles, quoted names, words quoted inside a clause
        found.append((part, content, cue))
    quotes: list[Quote] = []
    group = -1
    previous: tuple[Marked, Token | None] | None = None
    for index, (part, content, cue) in enumerate(found):
        if cue is None:
            cue = _run_on_cue(found, index)
        if cue is None and previous is not None and _follows_on(text, previous[0], part):
            cue = previous[1]  # “...,” X said. “More words.” - X goes on speaking
        joined = previous is not None and (
            previous[0].continues
            or (cue is not None and previous[1] is not None and previous[1].i == cue.i)
        )
        if not joined:
            group = content.start_char
        quotes.append(_make_quote(text, content, cue, QuoteKind.DIRECT, group))
        previous = (part, cue)
    return _share_speakers(quotes)


# A quotation with no cue of its own continues the previous one when it follows it in the
# same paragraph with at most this many characters between (the attribution sentence).
_FOLLOW_ON_GAP = 160


def _follows_on(text: str, previous: Marked, part: Marked) -> bool:
    gap = part.open - previous.close
    return 0 < gap <= _FOLLOW_ON_GAP and "\n" not in text[previous.close : part.open]


def _starts_clause(text: str, open_at: int) -> bool:
    """Whether a quotation mark opens at the start of a sentence or clause."""
    before = text[:open_at].rstrip(" \t")
    return not before or before[-1] in "\n.!?:;,—–-(“”\"'’"


def _content_span(doc: Doc, text: str, part: Marked) -> Span | None:
    start, end = part.content_start, part.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _is_clause(content: Span, table: TokenTable) -> bool:
    return any(pos in VERBAL_POS_IDS for pos in table.pos[content.start : content.end])


def _token_at(starts: list[int], offset: int) -> int:
    """Index of the first token starting at or after a character offset."""
    return bisect_left(starts, offset)


def _cue_for(
    doc: Doc, text: str, table: TokenTable, part: Marked, content: Span, cues: frozenset[str]
) -> Token | None:
    # 1. the quoted words are a complement of a speech verb outside the marks, the whole
    # complement ("said “we will stay”", not "said the army “eliminated” them")
    heads, pos = table.head, table.pos
    for i in range(content.start, content.end):
        h = heads[i]
        if content.start <= h < content.end or pos[h] not in VERBAL_POS_IDS:
            continue
        head, token = doc[h], doc[i]
        if (
            is_cue(head, cues)
            and token.left_edge.i >= content.start - 1
            and token.right_edge.i <= content.end
        ):
            return head
    if not _is_clause(content, table):
        return None  # a quoted phrase is attributed only through the parse
    # 2. a speech verb right after the closing mark: "...,” she said" / "...,” said X";
    # not after a full stop inside the marks, which ends the sentence
    ends_clause = text[part.close - 1] in ",!?" or text[part.close + 1 : part.close + 2] == ","
    if ends_clause or part.continues:
        cue = _cue_after(doc, table.idx, part, cues)
        if cue is not None:
            return cue
    # 3. a speech verb right before the opening mark: "X said: “...”", "He added, “...”";
    # the quotation must start there, not in the middle of a clause
    before = text[: part.open].rstrip()
    if before.endswith((",", ":")) or before.lower().endswith((" that", " said", " says")):
        return _cue_before(doc, table.idx, part, cues)
    return None


def _cue_after(doc: Doc, starts: list[int], part: Marked, cues: frozenset[str]) -> Token | None:
    after = _token_at(starts, part.close + 1)
    for i in range(after, min(after + _AFTER_WINDOW, len(doc))):
        token = doc[i]
        if token.is_sent_start and i > after:
            break
        if token.text and token.text[0] in _QUOTE_CHARS and i > after:
            break
        if is_cue(token, cues):
            return token
    return None


def _cue_before(doc: Doc, starts: list[int], part: Marked, cues: frozenset[str]) -> Token | None:
    before = _token_at(starts, part.open) - 1
    stop = max(-1, before - _BEFORE_GAP - 1)
    for i in range(before, stop, -1):
        token = doc[i]
        if token.text and token.text[0] in _QUOTE_CHARS and i < before:
            break
        if is_cue(token, cues):
            return token
        if token.is_sent_start and not _ends_with_colon(doc, i, before):
            break
    return None


def _ends_with_colon(doc: Doc, start: int, end: int) -> bool:
    """A sentence that introduces a quotation with a colon ends right before it."""
    return start > 0 and doc[start - 1].text == ":" and start - 1 <= end


def _run_on_cue(found: list[tuple[Marked, Span, Token | None]], index: int) -> Token | None:
    """A part of a run-on quotation takes the cue of the parts after it."""
    if not found[index][0].continues:
        return None
    for part, _content, cue in found[index + 1 :]:
        if cue is not None:
            return cue
        if not part.continues:
            break
    return None


def _share_speakers(quotes: list[Quote]) -> list[Quote]:
    """Give every part of a group the speaker and cue one part found."""
    best: dict[int, Quote] = {}
    for quote in quotes:
        if quote.speaker_text is not None and quote.group not in best:
            best[quote.group] = quote
    out: list[Quote] = []
    for quote in quotes:
        donor = best.get(quote.group)
        if donor is not None and quote.speaker_text is None:
            quote = Quote(
                donor.speaker_text,
                donor.speaker_start,
                donor.speaker_end,
                donor.speaker_token_index,
                quote.cue or donor.cue,
                quote.content,
                quote.content_start,
                quote.content_end,
                quote.kind,
                quote.group,
            )
        out.append(quote)
    return out


# -- indirect -----------------------------------------------------------------------------


def _indirect_quotes(
    doc: Doc,
    text: str,
    cues: frozenset[str],
    reported: list[tuple[int, int]],
    according: list[int],
    inside: list[tuple[int, int]],
) -> list[Quote]:
    quotes: list[Quote] = []
    for index in according:
        token = doc[index]
        if token.dep_ in ("prep", "advcl", "advmod") and not _within(token.idx, inside):
            quote = _according_to(token, text)
            if quote is not None:
                quotes.append(quote)
    for cue_index, clause_index in reported:
        token = doc[cue_index]
        if not is_cue(token, cues) or _within(token.idx, inside):
            continue
        content = _clause_span(doc[clause_index])
        if content is None or _overlaps(content, inside):
            continue
        quotes.append(_make_quote(text, content, token, QuoteKind.INDIRECT, content.start_char))
    return quotes


def _clause_span(verb: Token) -> Span | None:
    """The words of a reported clause, without its "that" and edge punctuation."""
    doc = verb.doc
    table = TokenTable.of(doc)
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    while start < end and (table.dep[start] == _MARK or doc[start].is_punct):
        start += 1
    while end > start and (last := doc[end - 1]).is_punct and last.text not in ".!?":
        end -= 1
    if end - start < 2:
        return None
    return doc[start:end]


def _according_to(according: Token, text: str) -> Quote | None:
    """ "According to X, ..." / "..., according to X": X is the speaker of the clause."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    doc = according.doc
    sentence = according.sent
    phrase_start, phrase_end = according.i, according.right_edge.i + 1
    if phrase_start <= sentence.start + 1:
        start, end = phrase_end, sentence.end
    elif phrase_end >= sentence.end - 1:
        start, end = sentence.start, phrase_start
    else:
        start, end = sentence.start, sentence.end  # "X, according to Y, did Z": all of it
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in ".!?":
        end -= 1
    if end - start < 2:
        return None
    content = doc[start:end]
    cue = Cue(
        text=text[according.idx : to.idx + len(to)],
        lemma="according to",
        start=according.idx,
        end=to.idx + len(to),
        index=according.i,
    )
    s_start, s_end = speaker_phrase(source)
    speaker = doc[s_start:s_end]
    return Quote(
        text[speaker.start_char : speaker.end_char],
        speaker.start_char,
        speaker.end_char,
        source.i,
        cue,
        text[content.start_char : content.end_char],
        content.start_char,
        content.end_char,
        QuoteKind.INDIRECT,
        content.start_char,
    )


def _within(offset: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in ranges)


def _overlaps(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(span.start_char < end and start < span.end_char for start, end in ranges)


# -- records ------------------------------------------------------------------------------


def _make_quote(text: str, content: Span, verb: Token | None, kind: QuoteKind, group: int) -> Quote:
    cue: Cue | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_index: int | None = None
    if verb is not None:
        table = TokenTable.of(verb.doc)
        idx, length = table.idx, table.length
        start = idx[verb.i]
        cue = Cue(
            text[start : start + length[verb.i]], verb.lemma_.lower(), start,
            start + length[verb.i], verb.i,
        )  # fmt: skip
        head = speaker_of(verb)
        if head is not None and not (content.start <= head.i < content.end):
            s_start, s_end = speaker_phrase(head)
            speaker_start, speaker_end = idx[s_start], idx[s_end - 1] + length[s_end - 1]
            speaker_text = text[speaker_start:speaker_end]
            speaker_index = head.i
    return Quote(
        speaker_text,
        speaker_start,
        speaker_end,
        speaker_index,
        cue,
        text[content.start_char : content.end_char],
        content.start_char,
        content.end_char,
        kind,
        group,
    )
