"""The store and corpus packages export exactly what their ``__all__`` lists."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("name", ["dragoman.store", "dragoman.corpus", "dragoman.ingest"])
def test_all_lists_the_public_names(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(module.__all__)
    assert all(hasattr(module, item) for item in exported)
    public = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_")
        and not isinstance(v, type(importlib))
        and getattr(v, "__module__", name).startswith("dragoman")
    }
    assert public <= exported | {"annotations"}, public - exported
