"""The cache of compiled dictionaries: reused while its sources are unchanged, rebuilt when
they change, and never an error when it cannot be read or written."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest
from spacy.language import Language

from dragoman import _cache
from dragoman._cache import CACHE_ENV, KEEP, cache_dir, cached


@dataclasses.dataclass(frozen=True, slots=True)
class _Item:
    name: str
    parts: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class _Pair:
    left: _Item
    right: _Item


@dataclasses.dataclass(frozen=True, slots=True)
class _Doubled:
    """A frozen dataclass whose own __init__ changes its argument: it must not run again
    when the object is read back."""

    value: int

    def __init__(self, value: int) -> None:
        object.__setattr__(self, "value", value * 2)


class _Builds:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_cache_dir_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv(CACHE_ENV, "off")
    assert cache_dir() is None
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "dragoman"


def test_second_call_reads_the_cache(folder: Path) -> None:
    shared = _Item("shared", ("a", "b"))
    build = _Builds({"pair": _Pair(shared, shared), "n": 3})
    first = cached("things", build)
    second = cached("things", build)
    assert build.calls == 1
    assert second == first and second is not first
    assert len(list(folder.glob("things-*.pickle"))) == 1
    # frozen slotted dataclasses come back whole, and a shared object stays shared
    pair = second["pair"]  # type: ignore[index]
    assert pair == _Pair(shared, shared) and pair.left is pair.right
    with pytest.raises(dataclasses.FrozenInstanceError):
        pair.left.name = "changed"  # type: ignore[misc]


def test_hand_written_init_is_not_run_again(folder: Path) -> None:
    assert _cache._plain_init(_Item) and not _cache._plain_init(_Doubled)
    build = _Builds([_Doubled(2), _Item("x")])
    cached("things", build)
    again = cached("things", build)
    assert build.calls == 1
    assert again == [_Doubled(2), _Item("x")] and again[0].value == 4  # type: ignore[index]


def test_changed_user_file_rebuilds(folder: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text("- {name: one}\n", encoding="utf-8")
    build = _Builds("value")
    cached("things", build, user_files=[user])
    cached("things", build, user_files=[user])
    assert build.calls == 1
    user.write_text("- {name: two}\n", encoding="utf-8")
    cached("things", build, user_files=[user])
    assert build.calls == 2
    cached("things", build)  # without the user file: another build
    assert build.calls == 3


def test_salt_and_kind_separate_builds(folder: Path) -> None:
    build = _Builds("value")
    cached("things", build, salt="en_core_web_sm-3.8.0")
    cached("things", build, salt="en_core_web_md-3.8.0")
    cached("others", build, salt="en_core_web_sm-3.8.0")
    assert build.calls == 3


def test_missing_user_file_is_left_to_the_build(folder: Path, tmp_path: Path) -> None:
    def build() -> str:
        raise FileNotFoundError("the loader names the missing file")

    with pytest.raises(FileNotFoundError, match="loader names"):
        cached("things", build, user_files=[tmp_path / "missing.yaml"])


def test_corrupt_cache_file_is_rebuilt(folder: Path) -> None:
    build = _Builds([1, 2, 3])
    cached("things", build)
    (path,) = folder.glob("things-*.pickle")
    path.write_bytes(b"not a pickle")
    assert cached("things", build) == [1, 2, 3]
    assert build.calls == 2
    assert pickle.loads(path.read_bytes()) == [1, 2, 3]  # written again


def test_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the directory should be", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    build = _Builds("value")
    assert cached("things", build) == "value"
    assert cached("things", build) == "value"
    assert build.calls == 2


def test_cache_off_always_builds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "off")
    build = _Builds("value")
    cached("things", build)
    cached("things", build)
    assert build.calls == 2


def test_old_builds_are_removed(folder: Path) -> None:
    for number in range(KEEP + 3):
        cached("things", _Builds(number), salt=str(number))
    assert len(list(folder.glob("things-*.pickle"))) == KEEP
    assert not list(folder.glob(".things-*"))  # no temporary files left behind


def test_key_changes_with_the_package(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = _Builds("value")
    cached("things", build)
    monkeypatch.setattr(_cache, "_package_fingerprint", lambda: "another version")
    cached("things", build)
    assert build.calls == 2


def test_every_shipped_actor_file_is_in_the_package_key() -> None:
    from dragoman.actors._dictionary import SHIPPED_FILES

    root = Path(_cache.__file__).resolve().parent
    hashed = {p.relative_to(root).as_posix() for p in _cache._package_files(root)}
    for name in SHIPPED_FILES:  # institutions.jsonl too: changing it rebuilds the cache
        assert f"actors/data/{name}" in hashed, name


@pytest.mark.slow
def test_coder_reads_its_dictionaries_from_the_cache(
    folder: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dragoman import Coder

    sentence = "Russia criticized NATO in Brussels on Monday."
    first = Coder(nlp=nlp).code(sentence, date="2025-06-01")
    kinds = sorted(p.name.split("-")[0] for p in folder.glob("*.pickle"))
    assert kinds == ["actors", "gazetteer", "verbs"] or kinds == ["actors", "verbs"]

    def fail(*_args: object) -> None:
        raise AssertionError("built again instead of read from the cache")

    monkeypatch.setattr("dragoman._coder.load_actor_dictionary", fail)
    monkeypatch.setattr("dragoman._coder.load_verb_dictionary", fail)
    again = Coder(nlp=nlp).code(sentence, date="2025-06-01")
    assert [e.to_dict() for e in again] == [e.to_dict() for e in first]
    assert [(e.source.code, e.cameo.code) for e in again] == [("RUS", "111")]
