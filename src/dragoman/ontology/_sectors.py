"""CAMEO actor sector (agent) codes and their readable names.

Kept apart from the actor dictionaries (which re-export them) so that the store can label
actors without importing the coding machinery and spaCy.
"""

from __future__ import annotations

__all__ = ["ORGANIZATION_PREFIXES", "SECTOR_NAMES"]

#: Actor code prefixes of organizations rather than states (international, non-governmental,
#: multinational and international militant groups).
ORGANIZATION_PREFIXES: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "MNC"})

#: Readable names of CAMEO sector (agent) codes; unknown codes are shown as the code itself.
SECTOR_NAMES: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "REB": "rebels",
    "INS": "insurgents",
    "CVL": "civilians",
    "BUS": "business",
    "MED": "media",
    "EDU": "education",
    "HLH": "health",
    "REF": "refugees",
    "LAB": "labor",
    "AGR": "agriculture",
    "CRM": "criminals",
    "SPY": "intelligence",
    "ELI": "elites",
    "REL": "religious",
    "HRI": "human rights",
    "ENV": "environmental",
    "MOD": "moderates",
    "RAD": "radicals",
    "UAF": "unidentified armed forces",
    "PTY": "political party",
    "NGO": "non-governmental organization",
}
