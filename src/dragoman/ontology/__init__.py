"""CAMEO and PLOVER event ontologies.

Look up a CAMEO code and its PLOVER equivalent::

    >>> from dragoman.ontology import cameo, plover_for
    >>> cameo("111").name
    'Criticize or denounce'
    >>> plover_for("0311").type
    'AGREE'

The codes the coding rules name are constants of :mod:`dragoman.ontology.codes`
(``codes.ARREST``, ``codes.ROOT_PROTEST``). The data ship in ``dragoman/ontology/data/``;
``data/SOURCES.md`` gives their origin.
"""

from __future__ import annotations

from dragoman.ontology import codes
from dragoman.ontology._sectors import ORGANIZATION_PREFIXES, SECTOR_NAMES
from dragoman.ontology.cameo import CameoCode, QuadClass, cameo, cameo_codes, is_cameo_code
from dragoman.ontology.plover import PloverMapping, plover_for, plover_types

__all__ = [
    "ORGANIZATION_PREFIXES",
    "SECTOR_NAMES",
    "CameoCode",
    "PloverMapping",
    "QuadClass",
    "cameo",
    "cameo_codes",
    "codes",
    "is_cameo_code",
    "plover_for",
    "plover_types",
]
