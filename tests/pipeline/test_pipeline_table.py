"""TokenTable: token attributes read as lists agree with the Token objects."""

from __future__ import annotations

from spacy.language import Language

from dragoman.pipeline import TokenTable


def test_columns_agree_with_tokens(nlp: Language) -> None:
    doc = nlp("Kazakhstan's president met the OSCE chair in Astana on Friday.")
    table = TokenTable(doc)
    assert len(table) == len(doc)
    assert table.pos == [t.pos for t in doc]
    assert table.lemma == [t.lemma for t in doc]
    assert table.dep == [t.dep for t in doc]
    assert table.lower == [t.lower for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.length == [len(t) for t in doc]
    # heads are absolute indices, also for heads to the left (a negative offset)
    assert table.head == [t.head.i for t in doc]
    assert any(t.head.i < t.i for t in doc) and any(t.head.i > t.i for t in doc)


def test_children_agree_with_tokens(nlp: Language) -> None:
    doc = nlp("The envoys of Chile and Peru, who arrived late, signed two accords on Monday.")
    table = TokenTable(doc)
    for token in doc:
        assert table.children(token.i) == [c.i for c in token.children]
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.i not in table.children(root.i)  # the root is its own head, not a child


def test_empty_doc(nlp: Language) -> None:
    table = TokenTable(nlp(""))
    assert len(table) == 0 and table.head == [] and table.length == []


def test_of_reads_a_doc_once_and_tells_docs_apart(nlp: Language) -> None:
    first = nlp("Chile recalled its ambassador.")
    second = nlp("Peru and Bolivia signed a border treaty on Friday.")
    table = TokenTable.of(first)
    assert TokenTable.of(first) is table
    other = TokenTable.of(second)
    assert other is not table and len(other) == len(second)
    assert TokenTable.of(first) is table  # still kept after another Doc was asked for
    assert other.lower == [t.lower for t in second]


def test_positions_finds_every_index_of_a_value() -> None:
    assert TokenTable.positions([3, 1, 3, 3, 0], 3) == [0, 2, 3]
    assert TokenTable.positions([1, 2], 7) == []
    assert TokenTable.positions([], 7) == []


def test_entities_says_what_has_annotation_says(nlp: Language, nlp_ner: Language) -> None:
    text = "Chile recalled its ambassador from Peru on Friday."
    plain, labelled = nlp(text), nlp_ner(text)
    assert not plain.has_annotation("ENT_IOB") and labelled.has_annotation("ENT_IOB")
    assert TokenTable(plain).entities is False
    assert TokenTable(labelled).entities is True
    assert TokenTable(nlp("")).entities is nlp("").has_annotation("ENT_IOB")
