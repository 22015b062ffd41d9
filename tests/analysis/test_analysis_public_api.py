"""dragoman.analysis and dragoman.server export exactly what their ``__all__`` lists, and the
server ships its templates and stylesheet."""

from __future__ import annotations

import importlib
from importlib.resources import files

import pytest


@pytest.mark.parametrize("name", ["dragoman.analysis", "dragoman.server"])
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


def test_server_assets_are_package_data() -> None:
    root = files("dragoman.server")
    names = {item.name for item in (root / "templates").iterdir()}
    assert {
        "base.html",
        "index.html",
        "event.html",
        "dyads.html",
        "network.html",
        "quotes.html",
        "document.html",
        "api.html",
        "error.html",
    } <= names
    assert (root / "static" / "style.css").read_text(encoding="utf-8").startswith("/*")
