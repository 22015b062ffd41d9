"""Every data file shipped in the package loads (a wheel missing its data fails here)."""

from __future__ import annotations

from importlib.resources import files

import pytest

from dragoman._yamlfile import read_entries
from dragoman.actors import load_actor_dictionary
from dragoman.coding import load_verb_dictionary
from dragoman.lexicon import load_lexicon
from dragoman.ontology import cameo_codes, plover_for

DATA_PACKAGES = ["dragoman.actors", "dragoman.coding", "dragoman.lexicon", "dragoman.ontology"]


@pytest.mark.parametrize("package", DATA_PACKAGES)
def test_data_folder_has_sources_note_and_only_known_files(package: str) -> None:
    folder = files(package) / "data"
    names = sorted(item.name for item in folder.iterdir() if item.is_file())
    assert "SOURCES.md" in names
    for name in names:
        assert name.endswith((".yaml", ".jsonl", ".csv", ".md", ".json")), name


@pytest.mark.parametrize("package", ["dragoman.actors", "dragoman.coding", "dragoman.lexicon"])
def test_every_dictionary_file_parses(package: str) -> None:
    folder = files(package) / "data"
    for item in folder.iterdir():
        if item.name.endswith((".yaml", ".jsonl")):
            entries = list(read_entries(item, name=item.name))
            assert entries, f"{item.name} is empty"


def test_dictionaries_and_ontology_load() -> None:
    assert len(load_actor_dictionary().entries) > 300
    assert len(load_verb_dictionary()) > 300
    assert len(load_lexicon()) > 100
    codes = cameo_codes()
    assert len(codes) > 300
    assert all(plover_for(code) is not None for code in codes)
