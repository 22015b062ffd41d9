"""Converting PETRARCH verb dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``).

A PETRARCH verb dictionary has synonym sets (``&NAME`` followed by ``+WORD`` lines) and verb
blocks: a header ``--- NAME [CODE] ---``, verb lines (``GIVE {GAVE GIVEN} [070]``,
multi-word verbs ``+CORDON_OFF``) and patterns ``- PRE * POST [CODE]`` that apply to every
verb of the block. PETRARCH2 patterns mark noun phrases ``{ARMS SHIPMENT}`` (head last) and
prepositional phrases ``(TO BORDER)``; older (PETRARCH 1/TABARI) patterns write the words
after ``*`` plainly, joined by ``_`` or blanks.

Dragoman's verb format (docs/dictionaries.md) says: a verb lemma, optionally one particle,
one preposition whose object is the target, head lemmas of the direct object, head lemmas of
a to-complement, and a CAMEO code. What maps:

- each verb with its own or its block's code (``--- THREATEN [130] ---``); verbs whose code
  is the null code ``---`` give no plain entry, only their patterns;
- ``VERB_PARTICLE`` multi-word verbs (``+CORDON_OFF``) and ``VERB_PREP`` (``+ASK_FOR``);
- patterns after the verb made of, in this order: an optional particle (``* OUT VIEWS``),
  an optional single-word object noun or synonym set (``* SANCTIONS``, ``* &CURRENCY``; the
  set's single-word members become the object lemmas), an optional preposition with no noun
  of its own (``* (FOR)``, ``* WITH %``, ``* (AGAINST +)``), or an old-style ``TO VERB``
  complement (``* TO RECONSIDER``);
- codes ``[A:B]`` keep ``A`` (the event from source to target); the reverse event ``B``
  cannot be expressed and is counted.

What is dropped, and counted per reason: patterns with words before the verb (``- SAID *``,
``- &MILITARY *``), nouns with modifiers (``{MOCK ATTACK}``), prepositional phrases with a
noun (``(TO BORDER)``: Dragoman's prepositions introduce the target), ``^`` skips and source
markers after the verb, null (``---``) and reverse-only (``[:173]``) codes, codes that are not
CAMEO codes (the validation file's WEIS codes such as ``345``), verb transformations
(``~ a (a b ATTACK) SAY = a b 015``) and multi-word verbs with words before the verb
(``RE_+ARREST``). Where PETRARCH repeats a pattern with another code, the last one wins, as
in PETRARCH and in Dragoman's loader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from dragoman._petrarchfile import PetrarchImport, SourceLine, read_lines
from dragoman.lexicon import words
from dragoman.ontology import is_cameo_code

__all__ = ["Lemmatizer", "import_petrarch_verbs", "naive_lemma", "spacy_lemmatizer"]

#: Turns a word and its part of speech ("VERB" or "NOUN") into a lower-case lemma.
Lemmatizer = Callable[[str, str], str]

# Words after a verb read as its particle. "over", "in" and "on" are read as prepositions:
# in PETRARCH patterns they introduce a phrase ("CLASH OVER", "CALLED_ON").
PARTICLES = words("petrarch_particles")
PREPOSITIONS = words("petrarch_prepositions")
_MARKERS = words("markers")


def naive_lemma(word: str, pos: str) -> str:
    """Lower-case a word and strip a regular English plural from nouns.

    The fallback when no spaCy lemmatizer is given: verbs are only lower-cased (PETRARCH
    lists verbs in their base form), nouns lose a regular plural ending
    (``SANCTIONS`` -> ``sanction``, ``PARTIES`` -> ``party``).

    Args:
        word: The word as written in the dictionary.
        pos: ``"VERB"`` or ``"NOUN"``.

    Returns:
        The lemma.
    """
    lower = word.lower()
    if pos != "NOUN" or len(lower) < 4 or not lower.isalpha():
        return lower
    if lower.endswith("ies"):  # "parties" -> "party", but "ties" -> "tie"
        return lower[:-3] + "y" if len(lower) > 4 else lower[:-1]
    if lower.endswith(("sses", "ches", "shes", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return lower[:-1]
    return lower


def spacy_lemmatizer(nlp: Language) -> Lemmatizer:
    """Return a lemmatizer backed by a spaCy pipeline's rule lemmatizer.

    It turns PETRARCH's inflected entries into lemmas (``CALLED`` -> ``call``, ``FOUGHT`` ->
    ``fight``, ``TALKS`` -> ``talk``), as Dragoman's verb matching expects.

    Args:
        nlp: A loaded pipeline with a ``lemmatizer`` component.

    Returns:
        A function ``(word, pos) -> lemma``; it falls back to :func:`naive_lemma` when the
        pipeline has no lemmatizer.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return naive_lemma
    lemmatizer = nlp.get_pipe("lemmatizer")
    cache: dict[tuple[str, str], str] = {}

    def lemmatize(word: str, pos: str) -> str:
        key = (word.lower(), pos)
        if key[0].endswith(("ss", "is", "us")):
            return key[0]  # "address", "analysis", "press": the rules would cut the "s"
        if key not in cache:
            doc = Doc(nlp.vocab, words=[key[0]])
            doc[0].pos_ = pos
            lemmas = (
                lemmatizer.rule_lemmatize(doc[0]) if hasattr(lemmatizer, "rule_lemmatize") else []
            )
            cache[key] = str(lemmas[0]).lower() if lemmas else naive_lemma(word, pos)
        return cache[key]

    return lemmatize


@dataclass(frozen=True, slots=True)
class _Verb:
    word: str  # as written, upper case, for matching pattern comments
    lemma: str
    particle: str | None
    prep: str | None
    code: str | None  # None: the verb alone gives no event
    line: SourceLine


@dataclass(frozen=True, slots=True)
class _Pattern:
    particle: str | None
    prep: str | None
    objects: tuple[str, ...]
    comps: tuple[str, ...]
    code: str
    line: SourceLine


class _Block:
    def __init__(self, code: str | None, line: SourceLine) -> None:
        self.code = code
        self.line = line
        self.verbs: list[_Verb] = []
        self.patterns: list[_Pattern] = []


class _Converter:
    def __init__(
        self, result: PetrarchImport, lemmatize: Lemmatizer, strict: bool, by_origin: bool
    ) -> None:
        self.result = result
        self.lemmatize = lemmatize
        self.strict = strict
        self.by_origin = by_origin
        self.synsets: dict[str, list[str]] = {}
        self.entries: dict[tuple[Any, ...], dict[str, Any]] = {}

    # -------------------------------------------------------------- reading

    def read(self, lines: list[SourceLine]) -> None:
        block: _Block | None = None
        synset: str | None = None
        for line in lines:
            text = line.text.strip()
            if not text:
                synset = None
                continue
            if text.startswith("---"):
                self._finish(block)
                block = self._header(text, line)
                synset = None
            elif text.startswith("&"):
                self._finish(block)
                block = None
                name = text.split()[0].rstrip("_").upper()
                self.synsets[name] = []
                synset = name
            elif text.startswith("+") and synset is not None:
                self.synsets[synset].append(text[1:].strip())
            elif text.startswith("~"):
                self.result.records += 1
                self.result.drop(line, "verb transformation (~ ... = ...)")
            elif text.startswith("-"):
                if block is None:
                    self._problem(line, "pattern outside a '--- VERB [CODE] ---' block")
                    continue
                self.result.records += 1
                pattern = self._pattern(text, line)
                if pattern is not None:
                    block.patterns.append(pattern)
            else:
                if block is None:
                    self._problem(line, f"verb line {text!r} outside a '--- VERB ---' block")
                    continue
                self.result.records += 1
                verb = self._verb(text, line, block)
                if verb is not None:
                    block.verbs.append(verb)
        self._finish(block)

    def _problem(self, line: SourceLine, message: str) -> None:
        self.result.problem(line, message, strict=self.strict)

    def _header(self, text: str, line: SourceLine) -> _Block:
        codes = re.findall(r"\[([^\]]*)\]", text)
        code = None
        if codes:
            code = self._code(codes[0].strip(), line, what="block")
        return _Block(code, line)

    def _code(self, raw: str, line: SourceLine, *, what: str) -> str | None:
        """The main CAMEO code of ``[A]``/``[A:B]``, or None (counted) when unusable."""
        main, sep, reverse = raw.partition(":")
        main, reverse = main.strip(), reverse.strip()
        if main in ("", "---"):
            if what == "pattern" or reverse:
                reason = "reverse-only code [:B]" if reverse else "null code [---]"
                self.result.drop(line, f"{what}: {reason}")
            return None
        if not is_cameo_code(main):
            self.result.drop(line, f"{what}: code is not a CAMEO code")
            return None
        if sep and reverse and reverse != "---":
            self.result.simplified[f"{what}: reverse code of [A:B] dropped, A kept"] += 1
        return main

    def _verb(self, text: str, line: SourceLine, block: _Block) -> _Verb | None:
        code = block.code
        brackets = re.findall(r"\[([^\]]*)\]", text)
        if brackets:  # the verb's own code; an unusable one leaves only the patterns
            code = self._code(brackets[-1].strip(), line, what="verb")
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text)
        if "{" in head or "[" in head:
            self._problem(line, f"unbalanced braces or brackets in verb line {text!r}")
            return None
        words = head.split()
        if not words:
            self._problem(line, "verb line without a verb")
            return None
        parts = [p for p in "_".join(words).split("_") if p]
        marked = [i for i, p in enumerate(parts) if p.startswith("+")]
        index = marked[0] if marked else 0
        parts = [p.lstrip("+") for p in parts]
        if index > 0:
            self.result.drop(line, "multi-word verb with words before the verb (RE_+ARREST)")
            return None
        particle = prep = None
        rest = [p.lower() for p in parts[1:]]
        if len(rest) > 1:
            self.result.drop(line, "multi-word verb of more than two words")
            return None
        if rest:
            if rest[0] in PARTICLES or rest[0] == "over":
                particle = rest[0]
            elif rest[0] in PREPOSITIONS:
                prep = rest[0]
            else:
                self.result.drop(
                    line, "multi-word verb with a word that is not a particle or preposition"
                )
                return None
        if not parts[0].replace("-", "").isalpha():
            self._problem(line, f"verb {parts[0]!r} is not a word")
            return None
        return _Verb(parts[0].upper(), self.lemmatize(parts[0], "VERB"), particle, prep, code, line)

    def _pattern(self, text: str, line: SourceLine) -> _Pattern | None:
        brackets = list(re.finditer(r"\[([^\]]*)\]", text))
        if not brackets:
            self._problem(line, "pattern without a [CODE]")
            return None
        body = text[1 : brackets[-1].start()].replace("_", " ")
        if "*" not in body:
            self._problem(line, "pattern without '*' (the verb's place)")
            return None
        pre, _, post = body.partition("*")
        pre_tokens = [t for t in pre.split() if t != "$"]
        if pre_tokens:
            self.result.drop(line, "pattern: words or markers before the verb")
            return None
        try:
            elements = _elements(post)
        except ValueError as exc:
            self._problem(line, f"pattern: {exc}")
            return None
        shape = self._shape(elements, line)
        if shape is None:
            return None
        code = self._code(brackets[-1].group(1).strip(), line, what="pattern")
        if code is None:
            return None
        particle, prep, objects, comps = shape
        return _Pattern(particle, prep, objects, comps, code, line)

    def _shape(
        self, elements: list[str], line: SourceLine
    ) -> tuple[str | None, str | None, tuple[str, ...], tuple[str, ...]] | None:
        """Map the elements after ``*`` to (particle, prep, objects, comps), or drop."""
        if "^" in elements:
            self.result.drop(line, "pattern: '^' skip")
            return None
        if "$" in elements or any(e.startswith("(") and "$" in e for e in elements):
            self.result.drop(line, "pattern: source marker '$' after the verb")
            return None
        items = [e for e in elements if e not in _MARKERS]
        particle = prep = None
        objects: tuple[str, ...] = ()
        comps: tuple[str, ...] = ()
        i = 0
        if i < len(items) and _word(items[i]) and items[i].lower() in PARTICLES:
            particle = items[i].lower()
            i += 1
        nouns = []
        while i < len(items) and (
            items[i].startswith(("{", "&")) or (_word(items[i]) and not _is_prep(items[i]))
        ):
            nouns.append(items[i])
            i += 1
        if len(nouns) > 1 or (nouns and nouns[0].startswith("{") and " " in nouns[0].strip("{}")):
            self.result.drop(line, "pattern: noun with modifiers ({MOCK ATTACK}, ARREST WARRANT)")
            return None
        if nouns:
            found = self._noun_lemmas(nouns[0].strip("{}").strip(), line)
            if found is None:
                return None
            objects = found
        if i < len(items):
            item = items[i]
            if item.startswith("("):
                inner = [t for t in item[1:-1].split() if t not in _MARKERS]
                if len(inner) != 1 or not _is_prep(inner[0]):
                    self.result.drop(
                        line, "pattern: prepositional phrase with a noun ((TO BORDER))"
                    )
                    return None
                prep = inner[0].lower()
                i += 1
            elif _is_prep(item):
                following = items[i + 1 :]
                if item.lower() == "to" and len(following) == 1 and _word(following[0]):
                    comps = (self.lemmatize(following[0], "VERB"),)
                    i = len(items)
                elif following:
                    self.result.drop(
                        line, "pattern: prepositional phrase with a noun ((TO BORDER))"
                    )
                    return None
                else:
                    prep = item.lower()
                    i += 1
        if i < len(items):
            self.result.drop(line, "pattern: structure Dragoman's format cannot express")
            return None
        if any(o.endswith("ly") and len(o) > 4 for o in objects):
            self.result.drop(line, "pattern: adverb after the verb (* POSITIVELY)")
            return None
        return particle, prep, objects, comps

    def _noun_lemmas(self, noun: str, line: SourceLine) -> tuple[str, ...] | None:
        if not noun.startswith("&"):
            if not noun.replace("-", "").replace("'", "").isalpha():
                self.result.drop(line, f"pattern: '{noun}' is not a word")
                return None
            return (self.lemmatize(noun, "NOUN"),)
        name = noun.rstrip("_").upper()
        members = self.synsets.get(name)
        if members is None:
            self._problem(line, f"synonym set {name} is not defined above")
            return None
        words = []
        for member in members:
            if member.startswith("&"):  # one level of nesting, as in the validation file
                words.extend(self.synsets.get(member.rstrip("_").upper(), []))
            else:
                words.append(member)
        singles = [w.strip("_ ") for w in words if len(w.replace("_", " ").split()) == 1]
        if len(singles) < len(words):
            self.result.simplified["pattern: multi-word members of a synonym set left out"] += 1
        if not singles:
            self.result.drop(line, "pattern: synonym set with only multi-word members")
            return None
        return tuple(dict.fromkeys(self.lemmatize(w, "NOUN") for w in singles))

    # -------------------------------------------------------------- writing

    def _finish(self, block: _Block | None) -> None:
        if block is None:
            return
        for verb in block.verbs:
            if verb.code is not None:
                self._add(verb.lemma, verb.particle, verb.prep, (), (), verb.code, verb.line)
        for pattern in block.patterns:
            for verb in self._verbs_for(pattern, block):
                if (verb.particle and pattern.particle) or (verb.prep and pattern.prep):
                    self.result.simplified[
                        "pattern not applied to a multi-word verb it conflicts with"
                    ] += 1
                    continue
                self._add(
                    verb.lemma,
                    verb.particle or pattern.particle,
                    verb.prep or pattern.prep,
                    pattern.objects,
                    pattern.comps,
                    pattern.code,
                    pattern.line,
                )

    def _verbs_for(self, pattern: _Pattern, block: _Block) -> list[_Verb]:
        """The verbs a pattern applies to: all of its block's (PETRARCH), or with
        ``by_origin`` those its comment names ("# RUSH"), if it names any."""
        if not self.by_origin:
            return block.verbs
        named = set(re.findall(r"[A-Z][A-Z_+-]*", pattern.line.comment))
        chosen = [v for v in block.verbs if v.word in named]
        if chosen:
            self.result.simplified["pattern applied only to the verb its comment names"] += 1
            return chosen
        return block.verbs

    def _add(
        self,
        verb: str,
        particle: str | None,
        prep: str | None,
        objects: tuple[str, ...],
        comps: tuple[str, ...],
        code: str,
        line: SourceLine,
    ) -> None:
        key = (verb, particle, prep, frozenset(objects), frozenset(comps))
        entry: dict[str, Any] = {"verb": verb}
        if particle:
            entry["particle"] = particle
        if prep:
            entry["prep"] = prep
        if objects:
            entry["object"] = list(objects)
        if comps:
            entry["comp"] = list(comps)
        entry["code"] = code
        entry["note"] = f"PETRARCH {line.short()}"
        if key in self.entries:
            self.result.simplified["repeated pattern: the last one wins, as in PETRARCH"] += 1
            del self.entries[key]
        self.entries[key] = entry


def _word(item: str) -> bool:
    return not item.startswith(("(", "{", "&")) and item not in ("$", "+", "%", "^")


def _is_prep(item: str) -> bool:
    return _word(item) and item.lower() in PREPOSITIONS


def _elements(text: str) -> list[str]:
    """Split the words after ``*`` into words, ``{...}`` noun phrases and ``(...)`` phrases."""
    elements: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "({":
            depth, j = 0, i
            while j < len(text):
                if text[j] in "({":
                    depth += 1
                elif text[j] in ")}":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if depth != 0:
                raise ValueError(f"unbalanced '{ch}' in {text.strip()!r}")
            elements.append(" ".join(text[i : j + 1].split()))
            i = j + 1
        elif ch in ")}":
            raise ValueError(f"unbalanced '{ch}' in {text.strip()!r}")
        else:
            j = i
            while j < len(text) and not text[j].isspace() and text[j] not in "({)}":
                j += 1
            elements.append(text[i:j])
            i = j
    return elements


def import_petrarch_verbs(
    paths: Iterable[Path | str],
    *,
    lemmatizer: Lemmatizer | None = None,
    patterns_for: str = "block",
    strict: bool = False,
) -> PetrarchImport:
    """Convert PETRARCH verb dictionaries into Dragoman verb entries.

    The module docstring describes what maps and what is dropped.

    Args:
        paths: The PETRARCH verb files; synonym sets are shared across them, in order.
        lemmatizer: Turns dictionary words into lemmas; :func:`spacy_lemmatizer` gives
            spaCy's (``CALLED`` -> ``call``). Default: :func:`naive_lemma`.
        patterns_for: ``"block"`` applies each pattern to every verb of its block, as
            PETRARCH does; ``"origin"`` only to the verbs its comment names (CAMEO.2.0.txt
            notes the verb a pattern was written for: ``- * AID [070] # RUSH``), or to the
            whole block when the comment names none: a smaller file, for curation.
        strict: Raise at the first malformed line instead of skipping it.

    Returns:
        The entries (write them with :meth:`PetrarchImport.to_yaml`) with counts of what
        was dropped and the malformed lines.

    Raises:
        DictionaryError: A file cannot be read, or (with ``strict``) has a malformed line;
            the message names the file and line.
    """
    result = PetrarchImport(kind="verbs")
    if patterns_for not in ("block", "origin"):
        raise ValueError(f"patterns_for must be 'block' or 'origin', not {patterns_for!r}")
    converter = _Converter(result, lemmatizer or naive_lemma, strict, patterns_for == "origin")
    for path in paths:
        result.files.append(str(path))
        converter.read(read_lines(path))
    result.entries = list(converter.entries.values())
    return result
