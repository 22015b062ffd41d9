"""Speech verbs and the phrase naming who speaks."""

from __future__ import annotations

from spacy.tokens import Token

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
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0] if subjects[0].dep_ == "nsubj" else None
        # "she smiled and said", "X said ..., adding that": the governing verb's subject
        shares = current.dep_ == "conj" or (
            current.dep_ in ("advcl", "xcomp") and current.tag_ == "VBG"
        )
        if not shares or current.head.i == current.i:
            break
        current = current.head
    for child in verb.rights:
        if (
            child.dep_ in ("dobj", "attr", "oprd")
            and child.pos_ in _SPEAKER_POS
            and child.ent_type_ not in ("DATE", "TIME")
        ):
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
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.children:
        if child.dep_ in _CUT and not (child.dep_ == "prep" and child.lower_ in _KEEP_PREPS):
            if child.i > head.i:
                end = min(end, child.left_edge.i)
            else:
                start = max(start, child.right_edge.i + 1)
    doc = head.doc
    while end - 1 > start and doc[end - 1].pos_ in _EDGE_PUNCT:
        end -= 1
    while start < end - 1 and doc[start].pos_ in _EDGE_PUNCT:
        start += 1
    return start, end
