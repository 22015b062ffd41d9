"""Readable labels for actor codes, for data about events rather than about one mention.

An actor code often stands for many people: ``USAGOV`` is every official of the United
States government, so an event of ``USAGOV`` is labelled "United States government", never
with the name of whichever official a mention happened to name. Person names belong to
mentions (``mentions.source_name``); codes get aggregate labels (``events.source_name``).

A code gets a dictionary name only when that name is the only one the shipped dictionary
gives the code: a state (``KAZ`` "Kazakhstan") or an organization with a code of its own
(``IGOEUROSC``). Other codes are composed from their parts: the country's name and the role
names (``KAZMIL`` "Kazakhstan military", ``---REB`` "rebels (country unknown)").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from dragoman._yamlfile import read_entries
from dragoman.ontology import SECTOR_NAMES
from dragoman.store._rows import split_actor_code

__all__ = ["actor_label", "short_name"]

# The shipped files that name codes; people are left out on purpose.
_NAMING_FILES = ("states.yaml", "states_former.yaml", "groups.jsonl", "igos.yaml")
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=1)
def _unique_names() -> dict[str, str]:
    """Code -> name, for the codes the shipped dictionary gives exactly one name."""
    names: dict[str, set[str]] = {}
    folder = files("dragoman.actors") / "data"
    for file_name in _NAMING_FILES:
        for raw in read_entries(folder / file_name):
            code, name = raw.data.get("code"), raw.data.get("name")
            if isinstance(code, str) and isinstance(name, str) and name:
                names.setdefault(code, set()).add(short_name(name))
    return {code: next(iter(found)) for code, found in names.items() if len(found) == 1}


def short_name(name: str) -> str:
    """Drop a trailing note in parentheses: "Antony Blinken (Secretary of State)" gives
    "Antony Blinken"."""
    return _NOTE.sub("", name).strip() or name


def _roles(codes: tuple[str, ...]) -> str:
    return " ".join(SECTOR_NAMES.get(c, c) for c in codes)


@lru_cache(maxsize=4096)
def actor_label(code: str) -> str:
    """Return the aggregate label of an actor code.

    Args:
        code: A CAMEO-style actor code (``USAGOV``, ``IGOEUROSC``, ``---REB``).

    Returns:
        "United States government", "Organization for Security and Co-operation in
        Europe", "rebels (country unknown)"; the code itself when nothing is known of it.
    """
    named = _unique_names()
    if code in named:
        return named[code]
    country, group, types = split_actor_code(code)
    if country is not None:
        base = named.get(country, country)
        return f"{base} {_roles(types)}".strip()
    if group is not None:
        # the longest prefix with a name of its own, then the remaining blocks as roles
        for cut in range(len(code) - 3, 3, -3):
            if code[:cut] in named:
                rest = tuple(code[i : i + 3] for i in range(cut, len(code), 3))
                return f"{named[code[:cut]]} {_roles(rest)}".strip()
        return code
    if code.startswith("---") and types:
        return f"{_roles(types)} (country unknown)"
    if types:
        return _roles(types)
    return code
