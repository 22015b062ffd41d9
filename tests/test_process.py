"""Freezing the loaded objects only in processes Dragoman owns; imports that stay light."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest

from dragoman import _process


def test_settle_does_nothing_in_a_process_dragoman_does_not_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_process, "_owned", False)
    before = gc.get_freeze_count()
    _process.settle()
    assert gc.get_freeze_count() == before
    assert not _process.owns_process()


def test_settle_freezes_what_is_alive_in_an_owned_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_process, "_owned", False)
    _process.own_process()
    assert _process.owns_process()
    kept = [object() for _ in range(10)]
    try:
        _process.settle()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def _imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "statement",
    [
        "import dragoman",
        "import dragoman.cli._ingest",  # ingest's main process reads and stores, never parses
        "import dragoman.store",
        "import dragoman.corpus",
    ],
)
def test_modules_that_never_parse_do_not_import_spacy(statement: str) -> None:
    assert "spacy" not in _imported_after(statement)


def test_the_coder_is_imported_on_first_use() -> None:
    modules = _imported_after("from dragoman import Coder, JudgeOptions")
    assert {"spacy", "dragoman._coder", "dragoman.coding"} <= modules
    import dragoman

    assert "Coder" in dir(dragoman)
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        _ = dragoman.Nothing  # type: ignore[attr-defined]
