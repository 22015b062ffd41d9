"""Finding the places a document names as locations, and the place of a clause.

Only locative phrases are read, never a bare name in a subject or object slot (that is an
actor: "Moscow said", "Russia attacked Kharkiv"):

- the object of ``in``, ``at``, ``near``, ``outside``, ``inside``, ``within``, ``across``,
  ``around``, ``throughout`` or ``from`` that is a place name ("in Astana", "near Kharkiv",
  "in the Gaza Strip"), with its conjuncts ("in Kyiv and Kharkiv"); ``over`` only for a sea
  ("drones over the Black Sea", not "a dispute over Crimea");
- descriptive phrases: "the Syrian city of Aleppo", "the Kharkiv region", "the outskirts of
  Kyiv" (the last also after ``on``/``along``/``to``), parts of a place ("a sector of
  Beirut", "the streets of Tehran", "the north of Iraq"); "outside of" as "outside";
- capitals: "Kazakhstan's capital", "the capital of Kazakhstan", "the Kazakh capital";
- borders: "at the border with Turkey", "on the Turkish border", "along the Syria-Turkey
  border", "Poland's border with Belarus": the place is the **country named** with feature
  ``border`` (the one after "with"/"between" first) and the country's coordinates;
- a dateline at the start of the story ("ASTANA -", "KYIV, Ukraine (AP) —").

Per document this walks the tokens once and looks at prepositional objects only, so it
costs a few microseconds per sentence plus one dict lookup per candidate name.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dragoman.pipeline import VERBAL_POS, TokenTable
from dragoman.places._dateline import find_dateline
from dragoman.places._gazetteer import Gazetteer, NameSource, country_codes
from dragoman.places._loader import load_gazetteer
from dragoman.places._place import Feature, MentionKind, Place, PlaceMention

__all__ = ["find_places", "object_place", "place_for_clause"]

#: Prepositions whose object is read as a location.
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "within", "across", "around", "throughout", "from"}
)
# "on", "along" and "to" give a location only with these nouns: "on the border", "to the
# border with Belarus"; not "sanctions on Iran", "a visit to Russia".
_EDGE_PREPS = frozenset({"on", "along", "to"})
_BORDER_NOUNS = frozenset({"border", "borders", "frontier", "boundary"})
_EDGE_NOUNS = _BORDER_NOUNS | {"outskirts", "edge", "coast", "shores", "suburb", "suburbs"}
_PHRASE_NOUNS = frozenset(
    {"city", "town", "village", "port", "region", "province", "district", "county", "state"}
    | {"governorate", "oblast", "outskirts", "suburbs", "suburb", "enclave", "territory"}
    | {"area", "island", "crossing", "camp", "edge", "coast", "shores", "heart", "center"}
    | {"centre", "neighborhood", "neighbourhood", "municipality", "settlement", "regions"}
    # parts of a place: "in a sector of Beirut", "in the streets of Tehran", "in the
    # north of Iraq"; the of-phrase must still name a place
    | {"sector", "part", "parts", "quarter", "zone", "side", "streets", "street", "vicinity"}
    | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
# "outside of the city of Basra": the place hangs from "of", which hangs from the adverb
_OF_ADVERBS = frozenset({"outside", "inside"})
_PLACE_PREP_IDS = frozenset(get_string_id(word) for word in LOCATIVE_PREPS | _EDGE_PREPS | {"over"})
_OF_ADVERB_IDS = frozenset(get_string_id(word) for word in _OF_ADVERBS)
# Parts of a city: "Kyiv's Shevchenko district" is placed in the city the possessive names.
_CITY_PARTS = frozenset(
    {"district", "neighborhood", "neighbourhood", "suburb", "suburbs", "outskirts", "center"}
    | {"centre", "heart", "quarter"}
)
_CAPITAL_NOUNS = frozenset({"capital", "capitals"})
# Entity labels that are never places: "in May", "at 5 p.m.", "in 2010".
_NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
)
_NOT_PLACE_NAMES = frozenset(
    {"January", "February", "March", "April", "May", "June", "July", "August", "September"}
    | {"October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday"}
    | {"Friday", "Saturday", "Sunday"}
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions whose proper-noun object is a place, when no entity labels say so; a name
# inside a place phrase ("the city of Rangoon", "Bombay's port district") is one too.
_IN_PHRASE = "of"
_PLACE_ONLY_PREPS = frozenset(
    {"in", "near", "outside", "inside", "within", "across", "throughout", "around", _IN_PHRASE}
)
_LINKED_VERBS = frozenset({"xcomp", "conj"})


def _pobj_indices(doc: Doc, table: TokenTable | None = None) -> list[int]:
    """Indices of the prepositional objects that may name a place (their preposition is a
    place preposition, or "of" after "outside"/"inside"), computed once per Doc from the
    token table (cached in ``doc.user_data``)."""
    key = "dragoman.place_pobj_indices"
    cached = doc.user_data.get(key)
    if cached is None:
        if table is None:
            table = TokenTable.of(doc)
        heads, lowers = table.head, table.lower
        pobj = get_string_id("pobj")
        of = get_string_id("of")
        cached = [
            i
            for i, dep in enumerate(table.dep)
            if dep == pobj
            and (
                lowers[heads[i]] in _PLACE_PREP_IDS
                or (lowers[heads[i]] == of and lowers[heads[heads[i]]] in _OF_ADVERB_IDS)
            )
        ]
        doc.user_data[key] = cached
    result: list[int] = cached
    return result


def find_places(
    doc: Doc,
    gazetteer: Gazetteer | None = None,
    *,
    window: tuple[int, int] | None = None,
    table: TokenTable | None = None,
) -> list[PlaceMention]:
    """Return the locations a document names, in text order (dateline first).

    Args:
        doc: A parsed document (needs the dependency parse; entities are used if present).
        gazetteer: The gazetteer to use; default the shipped one (:func:`load_gazetteer`).
        window: Only read place phrases whose head token index lies in ``[start, end)``
            (for example the sentence of an event); None: the whole document. The dateline
            is read only when the window starts at the first token.
        table: The Doc's token attributes, when the caller has read them.

    Returns:
        One mention per place phrase. Each carries its candidates, so
        :func:`place_for_clause` can re-rank an ambiguous name for a clause's actors.
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    mentions: list[PlaceMention] = []
    dateline = find_dateline(doc, gaz) if window is None or window[0] == 0 else None
    if dateline is not None:
        mentions.append(dateline)
    # Only prepositional objects are read: find them in the dependency array instead of
    # building a Token object for every word.
    pobjs = _pobj_indices(doc, table)
    if window is not None:
        pobjs = pobjs[bisect_left(pobjs, window[0]) : bisect_left(pobjs, window[1])]
    for index in pobjs:
        token = doc[index]
        prep = token.head.lower_
        if prep == "of" and token.head.head.lower_ in _OF_ADVERBS:
            prep = token.head.head.lower_  # "outside of Basra"
        if prep in LOCATIVE_PREPS or prep == "over":
            edge_only = False
        elif prep in _EDGE_PREPS:
            edge_only = True
        else:
            continue
        for target in (token, *token.conjuncts):
            if dateline is not None and target.idx < dateline.end:
                continue
            word = prep
            before = doc[target.i - 1] if target.i else None
            if target is not token and before is not None and before.lower_ in LOCATIVE_PREPS:
                word = before.lower_  # "near Kharkiv and outside Kyiv"
            if target is token and token.head.i > 0:
                before = doc[token.head.i - 1]
                if gaz.in_organization_name(before.text, prep, target.text):
                    continue  # "the Organization for Security and Co-operation in Europe"
            mention = _mention(target, word, edge_only, gaz)
            if mention is None or (word == "over" and mention.place.feature is not Feature.SEA):
                continue  # "over the Black Sea", but not "a dispute over Crimea"
            mentions.append(mention)
    return mentions


def object_place(
    token: Token, prefer_countries: Iterable[str] = (), gazetteer: Gazetteer | None = None
) -> PlaceMention | None:
    """Return the place a verb's object names, or None: "attacked Kharkiv", "bombed Khan
    Younis", "seized Goma" (a proper name the gazetteer knows; real names only, not
    geonames' alternates, since an object is as often an organization as a place)."""
    if token.pos_ != "PROPN":
        return None
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    mention = _mention(token, "", False, gaz)
    if mention is None:
        return None
    return rerank(mention, prefer_countries)


def place_for_clause(
    mentions: Sequence[PlaceMention],
    verb_token: Token,
    prefer_countries: Iterable[str] = (),
    *,
    use_dateline: bool = False,
) -> PlaceMention | None:
    """Return the location of the event a predicate expresses, or None.

    The place phrase must hang from the verb or from one of its arguments ("met in Astana",
    "shelled villages near Kharkiv", "protesters in Tbilisi clashed"); failing that, from a
    verb linked to it by ``xcomp`` or ``conj`` ("agreed to meet in Astana", "met X in Astana
    and praised Y"). A clause complement does not lend its place to the verb of saying
    ("said that Russia attacked X in Y" gives Y to "attacked" only). A "from" phrase counts
    only on the verb itself ("withdrew from Kherson", not "envoys from Germany met"). Among
    several, a locative preposition wins over "from", then the phrase nearest the verb.

    Args:
        mentions: What :func:`find_places` returned for the verb's document.
        verb_token: The predicate (``Clause.verb``).
        prefer_countries: Country (or actor) codes of the event's actors, most preferred
            first; they re-rank an ambiguous name ("Paris" in a story about Texas).
        use_dateline: Fall back to the story's dateline when the sentence gives no place
            (a dateline says where the story was filed, not always where the event was).

    Returns:
        The mention with its place re-ranked for ``prefer_countries``, or None.
    """
    verb = verb_token.i
    if mentions:
        attached = [m for m in mentions if m.governor == verb]
        if not attached:
            linked = _linked_verbs(verb_token)
            attached = [m for m in mentions if m.governor is not None and m.governor in linked]
        # "withdrew from Kherson" places the event; "envoys from Germany met" does not
        attached = [m for m in attached if m.prep != "from" or _on_verb(m, verb_token.doc)]
        if attached:
            best = min(attached, key=lambda m: (m.prep == "from", abs(m.token - verb)))
            return rerank(best, prefer_countries)
    if use_dateline:
        for mention in mentions:
            if mention.kind is MentionKind.DATELINE:
                return rerank(mention, prefer_countries)
    return None


def rerank(mention: PlaceMention, prefer_countries: Iterable[str]) -> PlaceMention:
    """Return the mention with its place chosen for the preferred countries.

    Candidates keep their gazetteer order among equally preferred countries.

    Args:
        mention: A mention from :func:`find_places`.
        prefer_countries: Country (or actor) codes, most preferred first.

    Returns:
        The same mention, or a copy whose ``place`` is the best preferred candidate.
    """
    preferred = country_codes(prefer_countries)
    if len(mention.candidates) < 2 or not preferred:
        return mention
    weight = {code: len(preferred) - i for i, code in enumerate(preferred)}
    ranked = sorted(mention.candidates, key=lambda p: -weight.get(p.country or "", 0))
    if ranked[0] is mention.place:
        return mention
    return replace(mention, place=ranked[0], candidates=tuple(ranked))


# -- one phrase ------------------------------------------------------------------------


def _mention(target: Token, prep: str, edge_only: bool, gaz: Gazetteer) -> PlaceMention | None:
    lower = target.lower_
    found: tuple[list[Place], int, int, MentionKind] | None
    if lower in _BORDER_NOUNS:
        found = _border(target, gaz)
    elif edge_only and lower not in _EDGE_NOUNS:
        return None
    elif lower in _CAPITAL_NOUNS:
        found = _capital(target, gaz)
    elif lower in _PHRASE_NOUNS:
        found = _phrase(target, gaz, depth=0)
    elif edge_only:
        return None
    else:
        found = _named(target, gaz, (), prep)
    if found is None:
        return None
    candidates, start, end, kind = found
    if edge_only and kind is MentionKind.NAME:
        return None  # "to Ivory Coast" is a destination, not "to the coast"
    span = target.doc[start:end]
    start_char = span.start_char
    end_char = span.end_char
    return PlaceMention(
        place=candidates[0],
        text=span.text,
        start=start_char,
        end=end_char,
        token=target.i,
        kind=kind,
        prep=prep,
        governor=_governor(target),
        candidates=tuple(candidates),
    )


def _named(
    target: Token, gaz: Gazetteer, prefer: tuple[str, ...], prep: str = ""
) -> tuple[list[Place], int, int, MentionKind] | None:
    """A place name: "Astana", "the Gaza Strip", "New Delhi", "Kyiv, Ukraine"."""
    if not target.text[:1].isupper() or target.ent_type_ in _NOT_PLACE_LABELS:
        return None
    if target.text in _NOT_PLACE_NAMES:
        return None
    qualifier = _appositive_country(target, gaz)
    if qualifier is not None:
        prefer = (qualifier, *prefer)
    # A word not known to be a place must match a real name of the place, not one of
    # geonames' alternate names ("Hamas" is not Hamm, "Google" not Topeka).
    source = _min_source(target, prep)
    for start, end in _name_spans(target):
        name = target.doc[start:end].text
        candidates = gaz.candidates(name, prefer, min_source=source)
        if candidates:
            if qualifier is not None and any(p.country == qualifier for p in candidates):
                candidates = [p for p in candidates if p.country == qualifier]
            return candidates, start, end, MentionKind.NAME
    return None


def _min_source(token: Token, prep: str) -> NameSource:
    """Geonames alternate names ("Rangoon", "Bombay") count only for words known to be a
    place: with entity labels, those labelled one; without, a proper noun after a
    preposition that takes places, not organizations ("in Rangoon", but "at Google",
    "from Hamas")."""
    if TokenTable.of(token.doc).entities:
        place = token.ent_type_ in _PLACE_LABELS
    else:
        place = prep in _PLACE_ONLY_PREPS and token.pos_ == "PROPN"
    return NameSource.VARIANT if place else NameSource.GEONAMES


# Words that name a part of a place before its name ("Western Cambodia", "North-West
# Syria"); "North Korea" and "East Timor" are matched whole first.
_DIRECTION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
        "-",
    }
)


def _name_spans(target: Token) -> list[tuple[int, int]]:
    """Token ranges that may be the name headed by ``target``, longest first."""
    doc = target.doc
    spans: list[tuple[int, int]] = []
    if target.ent_iob_ in ("B", "I"):
        start = target.i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = target.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if doc[start].lower_ == "the":
            start += 1
        if end - 1 > target.i and doc[end - 1].lower_ in ("'s", "’s"):
            end -= 1
        if start <= target.i < end:
            spans.append((start, end))
    compounds = [c for c in target.lefts if c.dep_ == "compound"]
    if compounds:
        spans.append((min(c.left_edge.i for c in compounds), target.i + 1))
    elif not spans or spans[0][0] == target.i:
        # The last word of a longer name is not a place: "Harvard University" is not the
        # town of University, "Guantanamo Bay" not the town of Bay.
        spans.append((target.i, target.i + 1))
    spans.extend(_part_of(doc, spans, target.i))
    return list(dict.fromkeys(spans))


def _part_of(doc: Doc, spans: list[tuple[int, int]], head: int) -> list[tuple[int, int]]:
    """The name alone after a direction ("Western Cambodia", "North-West Syria": a part
    of a place is in that place), tried after the whole ("North Korea", "East Timor")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        inner = start
        while inner < end - 1 and doc[inner].lower_ in _DIRECTION_WORDS:
            inner += 1
        if start < inner == head == end - 1:
            out.append((inner, end))
    return out


def _appositive_country(target: Token, gaz: Gazetteer) -> str | None:
    """The country in "Kyiv, Ukraine" (an appositive or conjunct right after a comma)."""
    for child in target.rights:
        if child.dep_ in ("appos", "npadvmod") or (
            child.dep_ == "conj" and target.doc[child.i - 1].text == ","
        ):
            code = gaz.country_named(child.text)
            if code is not None:
                return code
    return None


def _phrase(
    noun: Token, gaz: Gazetteer, depth: int
) -> tuple[list[Place], int, int, MentionKind] | None:
    """Read a descriptive phrase: "the Syrian city of Aleppo", "the Kharkiv region"."""
    country = _country_modifier(noun, gaz)
    prefer = (country,) if country else ()
    left = noun.left_edge.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                inner: tuple[list[Place], int, int, MentionKind] | None
                if obj.lower_ in _CAPITAL_NOUNS:
                    inner = _capital(obj, gaz)
                elif obj.lower_ in _PHRASE_NOUNS and depth < 2:
                    inner = _phrase(obj, gaz, depth + 1)
                else:
                    inner = _named(obj, gaz, prefer, _IN_PHRASE)
                if inner is None:
                    return None
                candidates, _, end, kind = inner
                if country is not None and any(p.country == country for p in candidates):
                    candidates = [p for p in candidates if p.country == country]
                kind = kind if kind is MentionKind.CAPITAL else MentionKind.PHRASE
                return candidates, left, end, kind
    if noun.lower_ in _CITY_PARTS:
        # "Kyiv's Shevchenko district" is in Kyiv, whatever else is called Shevchenko
        for child in noun.lefts:
            if child.dep_ == "poss":
                inner = _named(child, gaz, prefer, _IN_PHRASE)
                if inner is not None and inner[0][0].feature in (Feature.CITY, Feature.CAPITAL):
                    return inner[0], left, noun.i + 1, MentionKind.PHRASE
    compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.text[:1].isupper()]
    if compounds:
        name_start = min(c.left_edge.i for c in compounds)
        name_end = max(c.i for c in compounds) + 1
        doc = noun.doc
        # "Guatemala City", "Ho Chi Minh City", "Gaza Strip": the whole is a name
        whole = gaz.candidates(
            doc[name_start : noun.i + 1].text, prefer, min_source=_min_source(noun, _IN_PHRASE)
        )
        if whole:
            return whole, name_start, noun.i + 1, MentionKind.NAME
        # "the Kharkiv region", "Ghazni province": the region is named after its city; only
        # a real name counts ("Borno state" is not Borna, Germany, by an alternate name)
        candidates = gaz.candidates(
            doc[name_start:name_end].text, prefer, min_source=NameSource.GEONAMES
        )
        if candidates:
            return candidates, left, noun.i + 1, MentionKind.PHRASE
    # "Kyiv's Shevchenko district": the district is unknown, the city it lies in is not
    for child in noun.lefts:
        if child.dep_ == "poss":
            inner = _named(child, gaz, prefer, _IN_PHRASE)
            if inner is not None:
                return inner[0], left, noun.i + 1, MentionKind.PHRASE
    return None


def _capital(noun: Token, gaz: Gazetteer) -> tuple[list[Place], int, int, MentionKind] | None:
    """Read a capital: "Kazakhstan's capital", "the capital of Kazakhstan", "the Kazakh capital"."""
    country = None
    end = noun.i + 1
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    country = gaz.country_named(_compound_text(obj))
                    end = obj.i + 1
    if country is None:
        country = _country_modifier(noun, gaz)
        end = noun.i + 1
    if country is None:
        return None
    capital = gaz.capital(country)
    if capital is None:
        return None
    return [capital], noun.left_edge.i, end, MentionKind.CAPITAL


def _border(noun: Token, gaz: Gazetteer) -> tuple[list[Place], int, int, MentionKind] | None:
    """Read a border: "the border with Turkey", "the Turkish border", "the Syria-Turkey border"."""
    named: list[tuple[str, int]] = []  # (country, last token index), in priority order
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("with", "between"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    for item in (obj, *obj.conjuncts):
                        code = gaz.country_named(_compound_text(item))
                        if code is not None:
                            named.append((code, item.i))
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound", "nmod"):
            # "the Syria-Turkey border", "the Syrian-Turkish border": in text order
            for item in child.subtree:
                code = gaz.country_named(item.text) or gaz.country_named(_compound_text(item))
                if code is not None:
                    named.append((code, noun.i))
    for child in noun.lefts:
        if child.dep_ == "poss":
            code = gaz.country_named(_compound_text(child))
            if code is not None:
                named.append((code, noun.i))
    places: list[Place] = []
    end = noun.i + 1
    for code, last in named:
        country = gaz.country(code)
        if country is None or any(p.country == code for p in places):
            continue
        places.append(replace(country, feature=Feature.BORDER, population=0, geonameid=None))
        end = max(end, last + 1)
    if not places:
        return None
    return places, noun.left_edge.i, end, MentionKind.BORDER


def _country_modifier(noun: Token, gaz: Gazetteer) -> str | None:
    """The country an adjective, possessive or compound before a noun names ("Syrian")."""
    for child in noun.lefts:
        if child.dep_ in ("amod", "poss", "compound", "nmod"):
            code = gaz.country_named(_compound_text(child))
            if code is not None:
                return code
    return None


def _compound_text(token: Token) -> str:
    """The token with its compound modifiers: "Kazakhstan", "South Korea", "United States"."""
    compounds = [c for c in token.lefts if c.dep_ == "compound"]
    if not compounds:
        return str(token.text)
    start = min(c.left_edge.i for c in compounds)
    return str(token.doc[start : token.i + 1].text)


# -- attachment ------------------------------------------------------------------------


def _governor(target: Token) -> int | None:
    """Index of the nearest verb above a place phrase, or None."""
    current = target
    while current.dep_ == "conj" and current.head.i != current.i:
        current = current.head
    for _ in range(12):  # bounded: a longer chain is parse noise
        head = current.head
        if head.i == current.i:
            return None
        if head.pos_ in VERBAL_POS:
            return int(head.i)
        current = head
    return None


def _on_verb(mention: PlaceMention, doc: Doc) -> bool:
    """Whether the mention's preposition hangs from a verb, not from a noun."""
    token = doc[mention.token]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return bool(token.head.head.pos_ in VERBAL_POS)


def _linked_verbs(verb: Token) -> set[int]:
    """Verbs tied to ``verb`` by xcomp or conj, in either direction (one step)."""
    linked = {c.i for c in verb.children if c.dep_ in _LINKED_VERBS and c.pos_ in VERBAL_POS}
    if verb.dep_ in _LINKED_VERBS and verb.head.pos_ in VERBAL_POS and verb.head.i != verb.i:
        linked.add(verb.head.i)
    return linked
