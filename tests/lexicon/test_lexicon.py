"""The lexicon: named word lists read from YAML, validated, one list per meaning."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dragoman.errors import DictionaryError
from dragoman.lexicon import list_names, load_lexicon, words, words_in_order

SRC = Path(__file__).parent.parent.parent / "src" / "dragoman"
CALL = re.compile(r"""\bwords(?:_in_order)?\(\s*["']([a-z0-9_]+)["']\s*\)""")


def test_shipped_lists_are_frozensets_of_words() -> None:
    copulas = words("copulas")
    assert isinstance(copulas, frozenset)
    assert {"be", "remain"} <= copulas
    assert "n't" in words("negators")  # quoted in YAML, read as the word itself
    assert "on" in words("particles")  # YAML 1.1 would read a bare on as True


def test_unknown_list_is_an_error() -> None:
    with pytest.raises(DictionaryError, match="no list named 'nonesuch'"):
        words("nonesuch")
    with pytest.raises(DictionaryError, match="no list named 'nonesuch'"):
        words_in_order("nonesuch")


def test_an_ordered_list_keeps_the_file_order() -> None:
    ordered = words_in_order("copulas")
    assert ordered == ("appear", "be", "become", "prove", "remain", "seem", "stay")
    assert frozenset(ordered) == words("copulas")


def test_every_list_is_read_by_the_code_and_every_read_list_exists() -> None:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        used.update(CALL.findall(path.read_text(encoding="utf-8")))
    assert used, "no words(...) call found"
    assert used - list_names() == set(), "read but not in lexicon.yaml"
    assert list_names() - used == set(), "in lexicon.yaml but read by no rule"


def _word_lists(path: Path) -> dict[str, str]:
    """Module-level names bound to a word list: name -> the lexicon list it reads, or
    ``literal`` for a set or tuple of words written in the code."""
    found: dict[str, str] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name) or target.id.startswith("__"):
            continue
        read = CALL.search(ast.unparse(node.value))
        if read is not None:
            found[target.id] = read.group(1)
            continue
        value = node.value
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            if value.func.id not in ("frozenset", "set") or not value.args:
                continue
            value = value.args[0]
        if not isinstance(value, (ast.Set, ast.Tuple, ast.List, ast.BinOp)):
            continue
        strings = [
            n.value
            for n in ast.walk(value)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        ]
        if len(strings) > 1 and all(w.isalpha() and w.islower() for w in strings):
            found[target.id] = "literal"
    return found


def test_no_word_list_name_means_two_lists() -> None:
    # "_COPULAS" in one module and "_COPULAS" with other words in another: a reader cannot
    # tell whether the difference is deliberate; two meanings get two names
    seen: dict[str, tuple[str, str]] = {}
    clashes: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        module = str(path.relative_to(SRC))
        for name, source in _word_lists(path).items():
            if name in seen and (source == "literal" or seen[name][1] != source):
                clashes.append(f"{name}: {seen[name][0]} ({seen[name][1]}), {module} ({source})")
            seen.setdefault(name, (module, source))
    assert clashes == []


def test_a_small_file_loads() -> None:
    text = "- {list: greetings, for: test, words: [hello, hi]}\n- {list: byes, for: t, words: [b]}"
    assert load_lexicon(text, name="mini.yaml") == {
        "greetings": frozenset({"hello", "hi"}),
        "byes": frozenset({"b"}),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- {list: a, for: x, words: [b]}\n- {list: a, for: y, words: [c]}\n",
            "bad.yaml line 2: list 'a' is defined twice",
        ),
        ("- {list: a, for: x, words: [b, b]}\n", "bad.yaml line 1: list 'a': 'b' is listed twice"),
        ("- {list: a, words: [b]}\n", "bad.yaml line 1: missing key 'for'"),
        ("- {list: a, for: x, words: [b], note: y}\n", "bad.yaml line 1: unknown key 'note'"),
        ("- {list: a, for: '', words: [b]}\n", "bad.yaml line 1: list 'a': 'for' must say"),
        ("- {list: a, for: x, words: []}\n", "bad.yaml line 1: list 'a': 'words' must be"),
        ("- {list: a, for: x, words: [1]}\n", "bad.yaml line 1: list 'a': 1 is not a word"),
        ("\n- {list: Bad-Name, for: x, words: [b]}\n", "bad.yaml line 2: list name 'Bad-Name'"),
        ("- {list: a, for: x, words: [b\n", "bad.yaml line 2: not valid YAML"),
    ],
)
def test_malformed_files_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(DictionaryError) as error:
        load_lexicon(text, name="bad.yaml")
    assert str(error.value).startswith(message)
