"""Speech verbs and the phrase naming who speaks."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from dragoman.pipeline import TokenTable

__all__ = ["DEFAULT_CUE_VERBS", "is_cue", "speaker_of", "speaker_phrase"]

#: Lemmas of verbs that introduce quotations. Pass another set to ``find_quotes`` to change.
DEFAULT_CUE_VERBS: frozenset[str] = frozenset(
    {
        "say", "state", "tell", "add", "note", "insist", "assert", "warn", "announce",
        "declare", "stress", "claim", "argue", "write", "explain", "remark", "comment",
        "reply", "respond", "answer", "acknowledge", "admit", "confirm", "deny", "emphasize",
        "emphasise", "maintain", "contend", "allege", "report", "recall", "observe", "suggest",
        "predict", "promise", "vow", "pledge", "complain", "lament", "concede", "reiterate",
        "underline", "underscore", "tweet", "post", "ask", "urge", "caution", "agree",
        "conclude", "continue", "estimate", "indicate",
    }
)  # fmt: skip

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependents cut off the speaker phrase: "Valtonen, who chairs the OSCE," is "Valtonen".
_CUT = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp", "prep"})
_KEEP_PREPS = frozenset({"of"})  # "the Minister of Foreign Affairs"
_EDGE_PUNCT = frozenset({"PUNCT", "CCONJ"})
_SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})
# the same as string ids, compared with the TokenTable's columns
_SUBJECT_IDS = frozenset(get_string_id(dep) for dep in _SUBJECTS)
_CUT_IDS = frozenset(get_string_id(dep) for dep in _CUT)
_KEEP_PREP_IDS = frozenset(get_string_id(word) for word in _KEEP_PREPS)
_EDGE_PUNCT_IDS = frozenset(get_string_id(pos) for pos in _EDGE_PUNCT)
_SPEAKER_POS_IDS = frozenset(get_string_id(pos) for pos in _SPEAKER_POS)
_OBJECT_IDS = frozenset(get_string_id(dep) for dep in ("dobj", "attr", "oprd"))
_NSUBJ, _CONJ, _PREP = (get_string_id(dep) for dep in ("nsubj", "conj", "prep"))
_SHARING_IDS = frozenset(get_string_id(dep) for dep in ("advcl", "xcomp"))
# Words that make an object of a speech verb a time, not a speaker ("said Monday", "told
# reporters last week" parsed with "week" as an object): read when the pipeline labels no
# entities (with an entity recognizer, its DATE and TIME labels decide).
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night",
     "day", "days", "week", "weekend", "weeks", "month", "months", "year", "years", "hour",
     "hours", "time", "january", "february", "march", "april", "may", "june", "july",
     "august", "september", "october", "november", "december"}
)  # fmt: skip


def is_cue(token: Token, cues: frozenset[str]) -> bool:
    """Return whether a token is a speech verb of the given set."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues


def speaker_of(verb: Token) -> Token | None:
    """Return the head token of the speaker of a speech verb.

    The subject ("she said", "said the minister"); for a coordinated verb, the subject of
    the first ("smiled and said"); else a proper name or noun right after the verb ("...,"
    said Smith, when the parser made the name an object).

    Args:
        verb: The speech verb.

    Returns:
        The head token, or None.
    """
    doc = verb.doc
    table = TokenTable.of(doc)
    deps, heads = table.dep, table.head
    current = verb.i
    for _ in range(3):
        subject = next((c for c in table.children(current) if deps[c] in _SUBJECT_IDS), None)
        if subject is not None:
            return doc[subject] if deps[subject] == _NSUBJ else None
        # "she smiled and said", "X said ..., adding that": the governing verb's subject
        shares = deps[current] == _CONJ or (
            deps[current] in _SHARING_IDS and doc[current].tag_ == "VBG"
        )
        if not shares or heads[current] == current:
            break
        current = heads[current]
    for c in table.children(verb.i):
        if c < verb.i or deps[c] not in _OBJECT_IDS or table.pos[c] not in _SPEAKER_POS_IDS:
            continue
        child = doc[c]
        if not _is_time(child):
            if child.pos_ == "PRON" and child.lower_ not in ("he", "she", "they", "we", "i"):
                return None
            return child
    return None


def speaker_phrase(head: Token) -> tuple[int, int]:
    """Return the token range ``[start, end)`` of the phrase a speaker head names.

    Args:
        head: The head token.

    Returns:
        Start and end token indices.
    """
    doc = head.doc
    table = TokenTable.of(doc)
    deps, pos = table.dep, table.pos
    start, end = head.left_edge.i, head.right_edge.i + 1
    for c in table.children(head.i):
        if deps[c] in _CUT_IDS and not (deps[c] == _PREP and table.lower[c] in _KEEP_PREP_IDS):
            child = doc[c]
            if c > head.i:
                end = min(end, child.left_edge.i)
            else:
                start = max(start, child.right_edge.i + 1)
    while end - 1 > start and pos[end - 1] in _EDGE_PUNCT_IDS:
        end -= 1
    while start < end - 1 and pos[start] in _EDGE_PUNCT_IDS:
        start += 1
    return start, end


def _is_time(token: Token) -> bool:
    """Whether a token names a time (from entity labels when the Doc has them)."""
    if TokenTable.of(token.doc).entities:
        return token.ent_type_ in ("DATE", "TIME")
    return token.lower_ in _TIME_WORDS
