"""The public API is exactly what each package's ``__all__`` lists."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = [
    "dragoman",
    "dragoman.actors",
    "dragoman.coding",
    "dragoman.ingest",
    "dragoman.lexicon",
    "dragoman.ontology",
    "dragoman.pipeline",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_exist_and_public_names_are_listed(name: str) -> None:
    module = importlib.import_module(name)
    exported = set(module.__all__)
    for item in exported:
        assert hasattr(module, item), f"{name}.__all__ lists missing {item}"
    public = {
        n
        for n, v in vars(module).items()
        if not n.startswith("_")
        and not isinstance(v, type(importlib))
        and getattr(v, "__module__", name).startswith("dragoman")
    }
    assert public <= exported | {"annotations"}, public - exported
