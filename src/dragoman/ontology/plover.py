"""The CAMEO -> PLOVER crosswalk: event type, mode and context for each CAMEO code.

The table is ``data/cameo_plover.csv``, built from Philip Schrodt's CAMEO2PLOVER-2021
conversion table (PLOVER manual draft 0.8) by ``scripts/build_ontology.py``, with a few
entries corrected to the PLOVER 2.0 manual (appeals are REQUEST, lifted curfews CONCEDE,
sanctions SANCTION, destroyed property COERCE, occupied territory ASSAULT); see
``data/SOURCES.md``. The file only lists codes the table names; any other codebook code
takes the mapping of its nearest listed parent (0311 -> 031 -> 03) when looked up. CAMEO
root 01 (statements) has no PLOVER type.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from dragoman.errors import OntologyError
from dragoman.ontology.cameo import _iter_csv_rows, _read_data_file, cameo, cameo_codes

__all__ = ["PloverMapping", "plover_for", "plover_types"]

CROSSWALK_FILE = "cameo_plover.csv"
_COLUMNS = ("cameo", "plover_type", "plover_mode", "plover_context")

# The 16 event types of PLOVER 2.0, in the order of the PLOVER manual's chapters
# (cooperation to conflict).
_PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class PloverMapping:
    """The PLOVER reading of a CAMEO code.

    Attributes:
        type: The PLOVER event type ("AGREE"), or None where PLOVER has none.
        mode: The PLOVER mode ("visit"), or None.
        context: The PLOVER context ("economic"); several are joined with "; "
            ("crime; corruption"). None if there is none.
    """

    type: str | None
    mode: str | None
    context: str | None

    @property
    def contexts(self) -> tuple[str, ...]:
        """The contexts as a tuple: ``("crime", "corruption")``, or ``()`` for none."""
        if self.context is None:
            return ()
        return tuple(part.strip() for part in self.context.split(";") if part.strip())


_NO_MAPPING = PloverMapping(None, None, None)


def plover_types() -> tuple[str, ...]:
    """Return the 16 PLOVER 2.0 event types.

    Returns:
        The type names, from AGREE to ASSAULT in the PLOVER manual's order.
    """
    return _PLOVER_TYPES


def plover_for(cameo_code: str) -> PloverMapping:
    """Map a CAMEO code to PLOVER.

    Uses the code's own crosswalk entry if it has a type, otherwise that of the nearest
    parent that has one, dropping one digit at a time down to the 2-digit root. Codes
    under root 01 (statements), which the crosswalk leaves out, map to all-None.

    Args:
        cameo_code: A CAMEO code as a string, e.g. "0311".

    Returns:
        The mapping; every field is None where PLOVER has no equivalent.

    Raises:
        OntologyError: If ``cameo_code`` is not in the CAMEO codebook.
    """
    cameo(cameo_code)  # raises a helpful OntologyError for unknown codes
    crosswalk = _crosswalk()
    code = cameo_code
    while len(code) >= 2:
        mapping = crosswalk.get(code)
        if mapping is not None and mapping.type is not None:
            return mapping
        code = code[:-1]
    return _NO_MAPPING


@functools.cache
def _crosswalk() -> Mapping[str, PloverMapping]:
    return MappingProxyType(_parse_crosswalk(_read_data_file(CROSSWALK_FILE), CROSSWALK_FILE))


def _parse_crosswalk(text: str, source: str) -> dict[str, PloverMapping]:
    """Parse and validate the text of a ``cameo_plover.csv`` file.

    Args:
        text: The CSV text, header included.
        source: The file name to put in error messages.

    Returns:
        The explicit entries keyed by CAMEO code; empty fields become None.

    Raises:
        OntologyError: On the first row with a code missing from the codebook, a repeated
            code, or a type that is not a PLOVER type; the message names ``source`` and
            the line.
    """
    known = cameo_codes()
    mappings: dict[str, PloverMapping] = {}
    for where, row in _iter_csv_rows(text, source, _COLUMNS):
        code, plover_type, mode, context = row
        if code not in known:
            raise OntologyError(f"{where}: {code!r} is not a code of the CAMEO codebook")
        if code in mappings:
            raise OntologyError(f"{where}: CAMEO code {code!r} appears twice")
        if plover_type and plover_type not in _PLOVER_TYPES:
            raise OntologyError(
                f"{where}: {plover_type!r} is not a PLOVER type; use one of "
                + ", ".join(_PLOVER_TYPES)
            )
        mappings[code] = PloverMapping(plover_type or None, mode or None, context or None)
    return mappings
